"""Big inputs plan in bounded time and memory (issue 4: a 10 MB text in < 10 s and < 500 MB)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tts_edition.segment import MAX_SENTENCE

SAMPLES = Path(__file__).parents[2] / "samples"
TEN_MB = 10 * 2**20

PLAN = """
import json, sys, time
from pathlib import Path
from tts_edition.read import read_edition
from tts_edition.segment import segment
started = time.perf_counter()
edition = segment(read_edition(Path(sys.argv[1])))
seconds = time.perf_counter() - started
# VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so it would count pytest's size
status = Path("/proc/self/status").read_text()
peak = int(status.split("VmHWM:")[1].split()[0]) * 1024
lengths = [len(s.text) for s in edition.sentences()]
print(json.dumps({"seconds": seconds, "peak": peak, "lengths": lengths}))
"""


def _plan_measured(path: Path) -> dict:
    """Read and segment in a fresh process: its peak resident memory is the whole cost."""
    out = subprocess.run([sys.executable, "-c", PLAN, str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.slow
def test_ten_megabytes_of_raw_pages(tmp_path):
    page = (SAMPLES / "fumeng-xianbao.txt").read_text(encoding="utf-8") + "\n\n"
    path = tmp_path / "pages.txt"
    path.write_text(page * (TEN_MB // len(page.encode()) + 1), encoding="utf-8")
    m = _plan_measured(path)
    assert len(m["lengths"]) > 50_000
    assert m["seconds"] < 10
    assert m["peak"] < 500 * 2**20


@pytest.mark.slow
def test_ten_megabyte_line_without_punctuation(tmp_path):
    words = "我县深入推进放管服改革不断提升政务服务水平"
    path = tmp_path / "line.txt"
    path.write_text(words * (TEN_MB // len(words.encode()) + 1), encoding="utf-8")
    m = _plan_measured(path)
    assert max(m["lengths"]) <= MAX_SENTENCE
    assert sum(m["lengths"]) == len(path.read_text(encoding="utf-8"))
    assert m["seconds"] < 10
    assert m["peak"] < 500 * 2**20
