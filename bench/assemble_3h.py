"""Assemble a 3-hour edition from synthetic pieces; print time, peak memory and loudness.

    uv run python bench/assemble_3h.py [HOURS]

Peak memory is reported for this process (``ru_maxrss``) and for the largest
ffmpeg run, measured by ``/usr/bin/time`` where it exists (a child's own
``ru_maxrss`` would include the Python parent it was forked from). Both should
stay flat as HOURS grows.
"""

from __future__ import annotations

import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import synthetic
from tts_edition import audio
from tts_edition.model import Pauses
from tts_edition.publish import edition_tags, default_cover


FFMPEG_PEAKS_KB: list[int] = []


def measure_ffmpeg_memory() -> None:
    """Run every ffmpeg call under /usr/bin/time and keep its peak resident size."""
    time_exe = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    if not time_exe:
        return
    real = audio.subprocess.run

    def run(cmd, *args, **kwargs):
        if cmd and cmd[0] == audio.ffmpeg_exe():
            proc = real([time_exe, "-f", "maxrss_kb=%M", *cmd], *args, **kwargs)
            if m := re.search(r"maxrss_kb=(\d+)", proc.stderr or ""):
                FFMPEG_PEAKS_KB.append(int(m.group(1)))
            return proc
        return real(cmd, *args, **kwargs)

    audio.subprocess.run = run


def main(hours: float = 3.0) -> None:
    sentences_per_article = 20
    pool_seconds = [3.0 + (i % 9) * 0.5 for i in range(40)]  # 5 s on average: 27 characters of news
    pauses = Pauses()
    per_article = (sentences_per_article + 1) * (sum(pool_seconds) / len(pool_seconds) + pauses.sentence)
    articles = max(1, round(hours * 3600 / per_article))
    ed = synthetic.edition(articles, sentences_per_article)
    pieces = synthetic.pieces_for(ed, split_every=0)
    measure_ffmpeg_memory()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pool = [synthetic.write_wav(tmp / f"pool{i}.wav", s, seed=i) for i, s in enumerate(pool_seconds)]
        wavs = [pool[i % len(pool)] for i in range(len(pieces))]
        mp3 = tmp / "edition.mp3"
        started = time.perf_counter()
        tl = synthetic.encode(pieces, wavs, ed, tmp, edition_tags(ed, cover=default_cover(ed.title, ed.date)))
        took = time.perf_counter() - started
        self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child_mb = max(FFMPEG_PEAKS_KB, default=0) / 1024
        measured = audio.measure_ebur128(mp3)
        print(f"pieces: {len(pieces)}, articles: {len(ed.articles)}, audio: {tl.duration / 3600:.2f} h")
        print(f"assemble: {took:.1f} s ({tl.duration / took:.0f}x real time)")
        print(f"peak memory: python {self_mb:.0f} MB, largest ffmpeg run {child_mb:.0f} MB")
        print(f"mp3: {mp3.stat().st_size / 1e6:.1f} MB")
        print(f"loudness: {measured.integrated} LUFS, true peak {measured.true_peak} dBTP")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 3.0)
