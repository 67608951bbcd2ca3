"""What the polyphone model costs the offline front end on the national sample.

    uv run python bench/frontend.py [INPUT]

Plans the sample as a build does, then turns every piece into the voice's
symbols without and with g2pM's model (``engines/neural.py``), alternately,
three times each, and reports the best times, what loading the model took and
the memory it added to the process.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from tts_edition import pipeline, presets
from tts_edition.engines.mandarin import analyse, symbols_of
from tts_edition.engines.neural import model
from tts_edition.engines.offline import MAX_CHARS

SEED = Path(__file__).resolve().parent.parent / "samples" / "renmin-ribao.txt"


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED
    lexicon = pipeline.lexicon_for(path)
    edition = pipeline.plan(path, lexicon=lexicon)
    texts = [p.text for p in pipeline.pieces(edition, MAX_CHARS, presets.load("standard"), lexicon)]
    overrides = lexicon.pinyin_overrides()
    for text in texts[:3]:
        symbols_of(analyse(text, overrides, model=False))  # warm the dictionaries
    before = peak_mb()
    start = time.perf_counter()
    model()
    load = time.perf_counter() - start, peak_mb() - before
    timings: dict[bool, list[float]] = {False: [], True: []}
    for _ in range(3):  # alternate, and keep the best of each: the machine is shared and noisy
        for with_model in (False, True):
            start = time.perf_counter()
            for text in texts:
                symbols_of(analyse(text, overrides, model=with_model))
            timings[with_model].append(time.perf_counter() - start)
    without, with_ = min(timings[False]), min(timings[True])
    print(f"{path.name}: {len(texts)} pieces, {sum(map(len, texts))} characters")
    print(f"  loading the model: {load[0]:.2f} s, peak memory +{load[1]:.0f} MB")
    print(f"  front end without the model {without:.2f} s, with it {with_:.2f} s (best of 3 each)")
    print(f"  the model adds {with_ - without + load[0]:+.2f} s in all; process peak {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
