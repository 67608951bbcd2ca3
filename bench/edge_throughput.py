"""Edge scheduling against the local protocol server with 1 s of latency per request.

    uv run python bench/edge_throughput.py [--pieces 16] [--threshold 4]

Part 1: pieces per second with 1, 2, 4 and 8 requests at once and no failures: throughput should
grow with concurrency, since each request mostly waits. Part 2: the adaptive limit with a ceiling
of 16 against a server that answers 429 above ``--threshold`` concurrent requests: where it
settles, and how often it was throttled.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.edge_server import EdgeServer, Faults
from tts_edition import synth
from tts_edition.cache import Cache
from tts_edition.model import Level, Piece, Prosody

JOB = synth.Job("edge", "yunyang", Prosody())


def pieces(count: int, tag: str) -> list[Piece]:
    # The same length for every text, so the server encodes its tone once.
    return [Piece(f"{tag}第{n:03d}条消息，今天天气很好。", Level.SENTENCE, 0, n) for n in range(count)]


def run(server: EdgeServer, todo: list[Piece], jobs: int, policy: synth.Policy) -> tuple[float, synth.Progress]:
    os.environ["TTS_EDITION_EDGE_URL"] = server.url
    progress = synth.Progress(0)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        synth.synthesize(todo, JOB, Cache(Path(tmp)), jobs=jobs, policy=policy, progress=progress)
        return time.perf_counter() - started, progress


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pieces", type=int, default=16, help="pieces per concurrency level")
    parser.add_argument("--threshold", type=int, default=4, help="server answers 429 above this")
    parser.add_argument("--adaptive-pieces", type=int, default=120)
    args = parser.parse_args()

    print("requests at once  pieces  seconds  pieces/s")
    with EdgeServer(Faults(latency=1.0)) as server:
        for jobs in (1, 2, 4, 8):
            fixed = synth.Policy(start=jobs)
            seconds, progress = run(server, pieces(args.pieces, f"c{jobs}"), jobs, fixed)
            print(f"{jobs:>16}  {args.pieces:>6}  {seconds:>7.2f}  {args.pieces / seconds:>8.2f}   peak {progress.peak}")

    with EdgeServer(Faults(latency=1.0, throttle_above=args.threshold)) as server:
        policy = synth.Policy(pause=1.0)
        started = time.perf_counter()
        os.environ["TTS_EDITION_EDGE_URL"] = server.url
        progress = synth.Progress(0)
        with tempfile.TemporaryDirectory() as tmp:
            synth.synthesize(
                pieces(args.adaptive_pieces, "a"), JOB, Cache(Path(tmp)), jobs=16, policy=policy,
                progress=progress,
            )  # fmt: skip
        seconds = time.perf_counter() - started
        print(
            f"\nadaptive, ceiling 16, server throttles above {args.threshold}: "
            f"{args.adaptive_pieces} pieces in {seconds:.1f}s ({args.adaptive_pieces / seconds:.2f}/s), "
            f"{server.failures['429']} answers 429, server peak {server.peak} at once"
        )
        print(f"limit history: {progress.limits}")
        print(f"final limit {progress.limits[-1]}, client peak {progress.peak}")


if __name__ == "__main__":
    main()
