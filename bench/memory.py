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
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batch import editions, voice_alone
from build import ROOT, tree_memory_mb


def peaks_per_edition(cmd: list[str], env: dict) -> list[float]:
    """The tree's peak PSS (MB) in each stretch that ends with an edition written (stdout)."""
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peaks, current, done = [], [0.0], threading.Event()

    def sample():
        while not done.is_set():
            reading = tree_memory_mb(proc.pid)
            if reading:
                current[0] = max(current[0], reading[0])
            done.wait(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    assert proc.stdout is not None
    for line in proc.stdout:
        if "edition written to" in line:
            peaks.append(current[0])
            current[0] = 0.0
    code = proc.wait()
    done.set()
    sampler.join()
    if code:
        sys.exit(f"build failed with status {code}")
    return peaks


def slope(values: list[float]) -> float:
    """Least-squares slope of the values against their index."""
    n = len(values)
    mx, my = (n - 1) / 2, sum(values) / n
    return sum((x - mx) * (y - my) for x, y in enumerate(values)) / sum((x - mx) ** 2 for x in range(n))


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
          f"{max(peaks) - min(peaks):.0f} MB; slope {slope(peaks):+.2f} MB per edition")


if __name__ == "__main__":
    main()
