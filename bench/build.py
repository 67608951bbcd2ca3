"""Time a whole build from an empty cache and report the figures issue #2 asks for.

    uv run python bench/build.py [INPUT] [--jobs N] [--engine offline]

Prints wall time, characters voiced per second, real-time factor (wall time / audio time) and the
peak memory of the whole process tree (the main process plus its voice workers, sampled from /proc
every 50 ms), then a second, cached build's time.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def tree_memory_mb(pid: int) -> tuple[float, float] | None:
    """Memory of a process and all its descendants, in MB (Linux /proc): (PSS, RSS), or None
    when the tree would not hold still for a reading.

    PSS shares pages that several processes map (the voice's model file, libraries) among
    them, so it is what the tree really takes; RSS counts those pages once per process.

    The processes are read one after another, so a reading is kept only if the tree was the
    same before and after it, and none of it was a fork that had not yet started its program
    (ffmpeg is started by forking the build): such a child shares all of the build's pages,
    and read a moment apart from its parent it counts them a second time (a 420 MB process
    starting `true` in a loop read up to 633 MB that way).
    """
    for _ in range(5):
        tree = _tree(pid)
        if any(_unstarted_fork(child, parent) for child, parent in tree.items() if parent):
            continue
        try:
            sizes = [_rollup(p) for p in tree]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
        if _tree(pid) == tree:
            return sum(s[0] for s in sizes) / 1024, sum(s[1] for s in sizes) / 1024
    return None


def _tree(pid: int) -> dict[int, int]:
    """Every process of the tree -> its parent (0 for the root)."""
    tree, todo = {}, [(pid, 0)]
    while todo:
        p, parent = todo.pop()
        tree[p] = parent
        try:
            for task in Path(f"/proc/{p}/task").iterdir():
                todo += [(int(c), p) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            pass  # a process or thread that has just ended
    return tree


def _unstarted_fork(child: int, parent: int) -> bool:
    try:
        return Path(f"/proc/{child}/cmdline").read_bytes() == Path(f"/proc/{parent}/cmdline").read_bytes()
    except (FileNotFoundError, ProcessLookupError):
        return True


def _rollup(pid: int) -> tuple[int, int]:
    """(PSS, RSS) of one process, in kB."""
    rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    return (
        next(int(r.split()[1]) for r in rollup if r.startswith("Pss:")),
        next(int(r.split()[1]) for r in rollup if r.startswith("Rss:")),
    )


class Sampler(threading.Thread):
    """Samples a process tree's memory every 50 ms until stopped; ``take()`` gives the peak
    (PSS, RSS) in MB since the last ``take()`` and starts a new stretch."""

    def __init__(self, pid: int):
        super().__init__()
        self.pid, self.done, self.peak = pid, threading.Event(), (0.0, 0.0)

    def run(self) -> None:
        while not self.done.is_set():
            reading = tree_memory_mb(self.pid)
            if reading:
                self.peak = (max(self.peak[0], reading[0]), max(self.peak[1], reading[1]))
            self.done.wait(0.05)

    def take(self) -> tuple[float, float]:
        peak, self.peak = self.peak, (0.0, 0.0)
        return peak

    def stop(self) -> None:
        self.done.set()
        self.join()


def run(cmd: list[str], env: dict) -> tuple[float, tuple[float, float]]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT)
    sampler = Sampler(proc.pid)
    sampler.start()
    code = proc.wait()
    sampler.stop()
    if code:
        sys.exit(f"build failed with status {code}")
    return time.perf_counter() - start, sampler.take()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("input", nargs="?", default=str(ROOT / "samples/renmin-ribao.txt"))
    parser.add_argument("--jobs", type=int)
    parser.add_argument("--engine", default="offline")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, TTS_EDITION_CACHE=str(Path(tmp) / "cache"))
        cmd = [sys.executable, "-m", "tts_edition", "build", args.input, "-o", str(Path(tmp) / "out")]
        cmd += ["--engine", args.engine] + (["--jobs", str(args.jobs)] if args.jobs else [])
        cold, peak = run(cmd, env)
        warm, _ = run(cmd, env)
        record = json.loads(next(Path(tmp, "out").glob("*/edition.json")).read_text())
        plan = subprocess.run(
            [sys.executable, "-m", "tts_edition", "plan", args.input],
            capture_output=True, text=True, check=True, cwd=ROOT,
        )
        edition = json.loads(plan.stdout)
        chars = sum(
            sum(1 for c in s["spoken"] if c.isalnum())
            for a in edition["articles"] for p in a["paragraphs"] for s in p["sentences"]
        )
        audio = record["duration"]
        print(f"input              {args.input}")
        print(f"spoken characters  {chars}")
        print(f"audio              {audio:.1f} s ({chars / audio:.2f} characters per second of speech)")
        print(f"cold build         {cold:.1f} s  ->  {chars / cold:.0f} characters/s, real-time factor {cold / audio:.3f}")
        print(f"cached rebuild     {warm:.1f} s")
        print(f"peak memory        {peak[0]:.0f} MB PSS, {peak[1]:.0f} MB RSS (whole process tree)")


if __name__ == "__main__":
    main()
