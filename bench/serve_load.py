"""Load `tts-edition serve` the way a busy household network (or a careless client) would.

    uv run python bench/serve_load.py [--clients 200] [--idle 300] [--seconds 30]

Starts the real server (`tts-edition serve OUT --host 127.0.0.1 --port 0`) on a 14 MB MP3, then
for SECONDS runs CLIENTS concurrent clients, each on a keep-alive connection asking for random
64 KiB byte ranges, while IDLE more connections sit open (half of them silent, half having sent
part of a request head and nothing more). Prints: requests, errors, latency p50/p99/max, the
server's thread count and memory (VmRSS) sampled each second, and how long the server took to
close each idle connection. Everything stays on 127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZE = 14 * 1024 * 1024
SPAN = 64 * 1024
PATH = "/2020-11-24-renmin-ribao/edition.mp3"


def proc_status(pid: int) -> tuple[int, float]:
    """(threads, VmRSS in MB) of a process, from /proc."""
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            fields[key] = value.split()
    return int(fields["Threads"][0]), int(fields["VmRSS"][0]) / 1024


async def client(port: int, until: float, latencies: list[float], errors: list[str]) -> None:
    reader = writer = None
    while time.monotonic() < until:
        try:
            if writer is None:
                reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 10)
            first = random.randrange(0, SIZE - SPAN)
            started = time.monotonic()
            writer.write(
                f"GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes={first}-{first + SPAN - 1}\r\n\r\n".encode()
            )
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
            status = head.split(b" ", 2)[1]
            length = int(next(h for h in head.split(b"\r\n") if h.lower().startswith(b"content-length:")).split(b":")[1])
            body = await asyncio.wait_for(reader.readexactly(length), 10)
            latencies.append(time.monotonic() - started)
            if status != b"206" or len(body) != SPAN:
                errors.append(f"status {status.decode()} length {len(body)}")
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, StopIteration) as e:
            errors.append(type(e).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def idle(port: int, half_sent: bool, closed_after: list[float], until: float) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    opened = time.monotonic()
    if half_sent:
        writer.write(b"GET /feed.xml HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the blank line
    try:
        data = await asyncio.wait_for(reader.read(1), max(1.0, until - time.monotonic()))
        if data == b"":
            closed_after.append(time.monotonic() - opened)
    except (TimeoutError, OSError):
        pass
    finally:
        writer.close()


async def load(port: int, pid: int, clients: int, idles: int, seconds: float) -> dict:
    until = time.monotonic() + seconds
    latencies: list[float] = []
    errors: list[str] = []
    closed_after: list[float] = []
    samples: list[tuple[int, float]] = [proc_status(pid)]

    async def sample() -> None:
        while time.monotonic() < until:
            await asyncio.sleep(1)
            samples.append(proc_status(pid))

    idle_tasks = [asyncio.create_task(idle(port, i % 2 == 1, closed_after, until + 15)) for i in range(idles)]
    await asyncio.sleep(0.5)  # the idle connections are in before the clients start
    await asyncio.gather(sample(), *(client(port, until, latencies, errors) for _ in range(clients)))
    await asyncio.gather(*idle_tasks)
    return {"latencies": latencies, "errors": errors, "samples": samples, "closed_after": closed_after}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--idle", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        (out / PATH.split("/")[1]).mkdir(parents=True)
        (out / PATH.lstrip("/")).write_bytes(os.urandom(SIZE))
        (out / "feed.xml").write_text("<rss/>")
        server = subprocess.Popen(
            [sys.executable, "-m", "tts_edition", "serve", str(out), "--host", "127.0.0.1", "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            port = int(server.stdout.readline().strip().rsplit(":", 1)[1].rstrip("/"))
            result = asyncio.run(load(port, server.pid, args.clients, args.idle, args.seconds))
        finally:
            server.terminate()
            stderr = server.communicate(timeout=30)[1]
    latencies, samples, closed = result["latencies"], result["samples"], result["closed_after"]
    threads = [t for t, _ in samples]
    memory = [m for _, m in samples]
    print(f"clients {args.clients}, idle connections {args.idle} (half half-sent), {args.seconds:.0f} s")
    print(f"requests {len(latencies)} ({len(latencies) / args.seconds:.0f}/s), errors {len(result['errors'])}"
          + (f" {sorted(set(result['errors']))[:5]}" if result["errors"] else ""))
    print(f"latency p50 {percentile(latencies, 50) * 1000:.0f} ms, p99 {percentile(latencies, 99) * 1000:.0f} ms, "
          f"max {max(latencies, default=float('nan')) * 1000:.0f} ms")
    print(f"server threads min {min(threads)} max {max(threads)}; VmRSS start {memory[0]:.0f} MB, "
          f"max {max(memory):.0f} MB, end {memory[-1]:.0f} MB")
    print(f"idle connections closed by the server: {len(closed)} of {args.idle}, after "
          f"{min(closed, default=float('nan')):.1f}-{max(closed, default=float('nan')):.1f} s")
    tracebacks = stderr.count("Traceback")
    print(f"server stderr: {len(stderr.splitlines())} lines, {tracebacks} tracebacks")


if __name__ == "__main__":
    main()
