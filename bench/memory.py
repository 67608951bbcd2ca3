"""Is a batch's memory flat in the number of editions? One run of many short editions, the peak
of each edition's stretch of it.

    uv run python bench/memory.py [--editions 24] [--chars 500]

Builds ``--editions`` editions of about ``--chars`` characters (Wikipedia sentences, as
``bench/batch.py`` makes them) in one ``tts-edition build``, from a cache that holds the voice's
prepared models but no piece, and samples the PSS of the build's process tree every 50 ms
(``bench/build.py``'s sampler). For each edition it prints the peak between the previous
edition written and this one; then the mean peak of the first and of the last quarter of the
editions and a least-squares slope in MB per edition. Flat means the slope times a year of
editions (365) stays within the spread of the peaks.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch import editions, voice_alone
from build import ROOT, Sampler


def peaks_per_edition(cmd: list[str], env: dict) -> list[float]:
    """The tree's peak PSS (MB) in each stretch that ends with an edition written (stdout)."""
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    sampler = Sampler(proc.pid)
    sampler.start()
    assert proc.stdout is not None
    peaks = [sampler.take()[0] for line in proc.stdout if "edition written to" in line]
    code = proc.wait()
    sampler.stop()
    if code:
        sys.exit(f"build failed with status {code}")
    return peaks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--editions", type=int, default=24)
    parser.add_argument("--chars", type=int, default=500)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        inputs = editions(tmp, args.editions, args.chars)
        os.environ["TTS_EDITION_CACHE"] = str(tmp / "cache")
        voice_alone(["你好。"], 2)  # prepares the voice's models in the cache, as a machine's first run does
        cmd = [sys.executable, "-m", "tts_edition", "build", *map(str, inputs), "-o", str(tmp / "out")]
        start = time.perf_counter()
        peaks = peaks_per_edition(cmd, dict(os.environ))
        took = time.perf_counter() - start
    quarter = max(1, len(peaks) // 4)
    print(f"{len(peaks)} editions of ~{args.chars} characters in {took:.0f} s; peak PSS per edition (MB):")
    print("  " + " ".join(f"{p:.0f}" for p in peaks))
    print(f"first {quarter}: mean {sum(peaks[:quarter]) / quarter:.0f} MB; last {quarter}: "
          f"mean {sum(peaks[-quarter:]) / quarter:.0f} MB; overall peak {max(peaks):.0f} MB, spread "
          f"{max(peaks) - min(peaks):.0f} MB; slope {statistics.linear_regression(range(len(peaks)), peaks).slope:+.2f} MB per edition")


if __name__ == "__main__":
    main()
