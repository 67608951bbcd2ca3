"""Assemble a 3-hour edition from synthetic pieces; print time, peak memory and loudness.

    uv run python bench/assemble_3h.py [HOURS]

Peak memory is reported for this process and for the largest ffmpeg child
(``ru_maxrss`` of each); both should stay flat as HOURS grows.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import synthetic  # noqa: E402
from tts_edition import audio  # noqa: E402
from tts_edition.assemble import Pauses, assemble  # noqa: E402
from tts_edition.publish import edition_tags, default_cover  # noqa: E402


def main(hours: float = 3.0) -> None:
    sentences_per_article = 20
    piece_seconds = 5.0  # about 27 characters of Mandarin news at 5.4 a second
    articles = max(1, round(hours * 3600 / (piece_seconds + 0.6) / (sentences_per_article + 1.5)))
    ed = synthetic.edition(articles, sentences_per_article)
    pieces = synthetic.pieces_for(ed)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pool = [synthetic.write_wav(tmp / f"pool{i}.wav", 3.0 + (i % 9) * 0.5, seed=i) for i in range(40)]
        wavs = [pool[i % len(pool)] for i in range(len(pieces))]
        mp3 = tmp / "edition.mp3"
        started = time.perf_counter()
        tl = assemble(pieces, wavs, ed, Pauses(), mp3, tags=edition_tags(ed, cover=default_cover(ed.title, ed.date)))
        took = time.perf_counter() - started
        self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        measured = audio.measure_ebur128(mp3)
        print(f"pieces: {len(pieces)}, articles: {len(ed.articles)}, audio: {tl.duration / 3600:.2f} h")
        print(f"assemble: {took:.1f} s ({tl.duration / took:.0f}x real time)")
        print(f"peak memory: python {self_mb:.0f} MB, largest ffmpeg child {child_mb:.0f} MB")
        print(f"mp3: {mp3.stat().st_size / 1e6:.1f} MB")
        print(f"loudness: {measured.integrated} LUFS, true peak {measured.true_peak} dBTP")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 3.0)
