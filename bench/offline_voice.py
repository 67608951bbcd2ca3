"""Speed of the offline voice alone: characters a second and real-time factor.

    uv run python bench/offline_voice.py [--threads 1 2] [--lanes 2] [--sentences 40]

Reads the first sentences of the national seed (split on 。), normalised the
way the pipeline does, synthesises each once to warm up nothing but the
models, then times them: in one thread with each interpreter thread count, and
in lanes (Python threads of this process, each with its own one-thread model set,
taking the next sentence as they finish; the front end runs first, untimed, as
the main process does it in a build). Also finds the longest stretch of that text one call
takes at rate -30% (the slowest a preset asks for) and the most mel frames a
character makes there, which is what ``max_chars`` of the engine rests on.
"""

from __future__ import annotations

import argparse
import queue
import re
import threading
import time
from pathlib import Path

from tts_edition.engines.mandarin import HAN, mapper, to_symbols
from tts_edition.engines.offline import MAX_CHARS, MAX_FRAMES, OfflineEngine, _models, speed_ratio
from tts_edition.model import Prosody
from tts_edition.normalize import normalize

SEED = Path(__file__).resolve().parent.parent / "samples" / "renmin-ribao.txt"


def sentences(count: int) -> list[str]:
    text = re.sub(r"^#.*$", "", SEED.read_text(encoding="utf-8"), flags=re.M)
    found = [normalize(s.strip()) + "。" for s in text.split("。") if HAN.search(s)]
    return [s.replace("\n", "") for s in found][:count]


def speed(texts: list[str], threads: int) -> None:
    engine = OfflineEngine(threads=threads)
    engine.synthesize("你好。", "baker", Prosody())  # load the models
    chars = sum(len(HAN.findall(t)) for t in texts)
    start, cpu = time.perf_counter(), time.process_time()
    audio = sum(engine.synthesize(t, "baker", Prosody()).duration for t in texts)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(
        f"threads={threads}: {len(texts)} sentences, {chars} characters, {audio:.0f} s of speech "
        f"in {took:.1f} s ({cpu:.1f} CPU s): {chars / took:.0f} characters/s, "
        f"real-time factor {took / audio:.3f}, speech {chars / audio:.1f} characters/s"
    )


def lanes(texts: list[str], count: int) -> None:
    engine = OfflineEngine(threads=1)
    work = [engine.encode(t, {}) for t in texts]
    chars = sum(len(HAN.findall(t)) for t in texts)
    todo: queue.Queue[list[int]] = queue.Queue()
    for ids in work:
        todo.put(ids)
    ready, audio = threading.Barrier(count + 1), []

    def lane() -> None:
        engine.synthesize("你好。", "baker", Prosody())  # load this lane's models
        ready.wait()
        while True:
            try:
                ids = todo.get_nowait()
            except queue.Empty:
                return
            audio.append(engine.render(ids, "baker", Prosody()).duration)

    threads = [threading.Thread(target=lane) for _ in range(count)]
    for thread in threads:
        thread.start()
    ready.wait()
    start = time.perf_counter()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - start
    print(f"lanes={count} (one thread each): {chars} characters, {sum(audio):.0f} s of speech in {took:.1f} s: "
          f"{chars / took:.0f} characters/s")


def longest_at(rate: int, texts: list[str]) -> None:
    models, table = _models(2), mapper()["symbol_to_id"]
    ratio = speed_ratio(rate)

    def frames(text: str) -> int | None:
        try:
            return models.mel([table[s] for s in to_symbols(text)], ratio).shape[1]
        except RuntimeError:
            return None

    made = [(frames(t), len(HAN.findall(t))) for t in texts]
    fits = [(f, n) for f, n in made if f]
    per_char = max(f / n for f, n in fits)
    print(f"rate {rate:+d}%: {len(made) - len(fits)} of {len(made)} whole sentences overflow one call;"
          f" longest that fits: {max(n for _, n in fits)} characters")
    running = "".join(texts)
    lo, hi = 10, min(len(running), 400)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if frames(running[:mid]) else (lo, mid)
    windows = [running[k : k + MAX_CHARS] for k in range(0, min(len(running), 3000), 97)]
    worst = max(frames(w) or MAX_FRAMES + 1 for w in windows)
    print(f"rate {rate:+d}%: {len(windows)} stretches of {MAX_CHARS} characters (max_chars): "
          f"at most {worst} frames")
    print(
        f"rate {rate:+d}%: at most {per_char:.1f} frames a character over the sentences; "
        f"the longest stretch of running text one call takes is {len(HAN.findall(running[:lo]))} "
        f"characters ({lo} with punctuation); limit {MAX_FRAMES} frames"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--lanes", type=int, nargs="*", default=[2])
    parser.add_argument("--sentences", type=int, default=40)
    args = parser.parse_args()
    texts = sentences(args.sentences)
    for threads in args.threads:
        speed(texts, threads)
    for count in args.lanes:
        lanes(texts, count)
    longest_at(-30, texts)


if __name__ == "__main__":
    main()
