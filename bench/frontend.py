"""What the polyphone model costs the offline front end on the national sample.

    uv run python bench/frontend.py [INPUT]

Plans the sample as a build does, then turns every piece into the voice's
symbols twice in one run, without and with g2pM's model (``engines/neural.py``),
and reports the seconds each took and the memory the model added to the process.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

from tts_edition import pipeline, presets
from tts_edition.engines.mandarin import analyse, symbols_of
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
    timings = {}
    for model in (False, True):
        before = peak_mb()
        start = time.perf_counter()
        for text in texts:
            symbols_of(analyse(text, overrides, model=model))
        timings[model] = (time.perf_counter() - start, peak_mb() - before)
    print(f"{path.name}: {len(texts)} pieces, {sum(map(len, texts))} characters")
    for model, (seconds, grown) in timings.items():
        print(f"  {'with' if model else 'without':>7} the model: {seconds:5.2f} s, peak memory +{grown:.0f} MB")
    print(f"  the model adds {timings[True][0] - timings[False][0]:+.2f} s; process peak {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
