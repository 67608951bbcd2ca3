"""Many inputs in one run, with the real offline voice on short texts: a bad input is reported
and the others are built; pieces two editions share are voiced once."""

import json
import os
import subprocess
import sys

from mutagen.mp3 import MP3

from tts_edition import batch, pipeline, presets, synth
from tts_edition.cache import Cache

SHARED = "今天天气很好。"


def paper(folder, name, day, body):
    path = folder / f"{name}.txt"
    path.write_text(f"# {name}日报 2020年11月{day}日\n\n## 新闻\n\n{body}\n", encoding="utf-8")
    return path


def test_a_bad_input_is_reported_and_the_others_are_built(tmp_path):
    first = paper(tmp_path, "甲", 24, "明天多云。" + SHARED)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    second = paper(tmp_path, "乙", 25, SHARED)
    report = tmp_path / "report.json"
    env = dict(os.environ, TTS_EDITION_CACHE=str(tmp_path / "cache"))
    result = subprocess.run(
        [sys.executable, "-m", "tts_edition", "build", str(first), str(bad), str(second),
         "-o", str(tmp_path / "out"), "--report", str(report)],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 1, result.stderr
    rows = json.loads(report.read_text())
    assert [(r["input"], r["status"]) for r in rows] == [
        (str(first), "built"), (str(bad), "failed"), (str(second), "built"),
    ]
    assert "bad.txt" in rows[1]["error"] and rows[1]["bad_input"]
    for row in (rows[0], rows[2]):
        [folder] = row["folders"]
        assert row["folder"] == folder
        assert abs(MP3(f"{folder}/edition.mp3").info.length - row["duration"]) < 0.1
        assert row["chapters"] == 1
    assert rows[0]["voiced"] == 3 and rows[2]["voiced"] + rows[2]["cached"] == 2  # title and the shared sentence
    progress = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    assert sorted((p["edition"], p["status"]) for p in progress) == sorted((r["input"], r["status"]) for r in rows)
    table = result.stderr
    assert "bad input" in table and "voiced/cached" in table and "1 of 3 editions not built" in table
    assert "Traceback" not in table


def test_every_input_bad_is_status_2(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "tts_edition", "build", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
         "-o", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    assert "a.txt" in result.stderr and "b.txt" in result.stderr
    assert not (tmp_path / "out" / "feed.xml").exists()


def test_a_bad_option_stops_before_anything_starts(tmp_path):
    first = paper(tmp_path, "甲", 24, SHARED)
    result = subprocess.run(
        [sys.executable, "-m", "tts_edition", "build", str(first), "--executor", "cloud", "-o", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2 and "--executor" in result.stderr
    assert not (tmp_path / "out").exists()


def test_identical_pieces_of_two_editions_are_voiced_once(tmp_path):
    options = pipeline.BuildOptions(out=tmp_path / "out", preset=presets.load("standard"), cache=Cache(tmp_path / "c"))
    items = [batch.Item(paper(tmp_path, n, d, SHARED), options) for n, d in (("丙", 24), ("丁", 25))]
    with synth.Scheduler(options.cache, jobs=1) as scheduler:
        rows = batch.run(items, scheduler)
    assert [r.status for r in rows] == ["built", "built"]
    # the title 新闻 and the sentence are the same in both: voiced for the first, shared by the second
    assert (rows[0].voiced, rows[1].voiced) == (2, 0)
    assert len(list((tmp_path / "c").rglob("*.wav"))) == 2


def test_executor_ray_without_ray_installed_is_one_line_and_status_2(tmp_path):
    first = paper(tmp_path, "甲", 24, SHARED)
    without_ray = "import sys; sys.modules['ray'] = None; from tts_edition.cli import app; app()"
    result = subprocess.run(
        [sys.executable, "-c", without_ray, "build", str(first), "--executor", "ray", "-o", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "tts-edition[ray]" in line
    assert not (tmp_path / "out").exists()
