"""Synthetic editions: tone-and-noise WAV pieces shaped like speech, with their Edition and Pieces.

The real voice is slow and belongs to another stage; assembly and publishing only
need audio of known lengths at the engines' format (16-bit mono, 24 kHz).
"""

from __future__ import annotations

import datetime as dt
import wave
from pathlib import Path

import numpy as np

from tts_edition.assemble import assemble
from tts_edition.formats import MP3, AudioFormat, Tags, write_files
from tts_edition.model import Article, AudioSpec, Edition, Level, Paragraph, Pauses, Piece, Sentence
from tts_edition.timeline import Timeline

RATE = 24_000


def write_wav(
    path: Path, seconds: float, *, freq: float = 220.0, seed: int = 0, rate: int = RATE, level: float = 1.0
) -> Path:
    """A syllable-rate modulated tone with a little noise: loudness meters treat it much like speech.
    ``level`` scales it (1.0 peaks near 0.3 of full scale)."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * rate)) / rate
    envelope = 0.55 + 0.45 * np.sin(2 * np.pi * 4.0 * t + seed)
    x = level * (0.25 * envelope * np.sin(2 * np.pi * freq * t) + 0.03 * rng.standard_normal(t.size))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((x * 32767).astype("<i2").tobytes())
    return path


def edition(articles: int = 3, sentences: int = 3, title: str = "人民日报", date=dt.date(2020, 11, 24)) -> Edition:
    return Edition(
        title=title,
        date=date,
        articles=[
            Article(
                title=f"第{a + 1}篇：标题 & <测试> “引号”",
                paragraphs=[
                    Paragraph(
                        text="",
                        sentences=[Sentence(f"文章{a + 1}第{s + 1}句，共 100% 完成。", "") for s in range(sentences)],
                    )
                ],
            )
            for a in range(articles)
        ],
    )


def pieces_for(ed: Edition, *, split_every: int = 2) -> list[Piece]:
    """A title piece per article, then each sentence; every ``split_every``-th sentence in two chunks."""
    pieces: list[Piece] = []
    index = 0
    for a, article in enumerate(ed.articles):
        pieces.append(Piece(article.title, Level.PARAGRAPH, a, None, shown=article.title, kind="title"))
        sentences = [s for p in article.paragraphs for s in p.sentences]
        for s, _ in enumerate(sentences):
            last = s == len(sentences) - 1
            level = Level.ARTICLE if last else Level.SENTENCE
            if split_every and index % split_every == 1:
                pieces.append(Piece("前半", Level.CHUNK, a, index, last_of_sentence=False))
            pieces.append(Piece("句子", level, a, index))
            index += 1
    return pieces


def wavs_for(pieces: list[Piece], folder: Path, seconds=lambda i: 1.0 + (i % 4) * 0.4) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [write_wav(folder / f"{i:05d}.wav", seconds(i), freq=180 + 15 * (i % 7), seed=i) for i in range(len(pieces))]


def encode(
    pieces: list[Piece],
    wavs: list[Path],
    ed: Edition,
    folder: Path,
    tags: Tags,
    *,
    formats: tuple[AudioFormat, ...] = (MP3(),),
    bitrate: int = 64,
    pauses: Pauses | None = None,
) -> Timeline:
    """What the pipeline does with the pieces: assemble them and write each format into ``folder``."""
    with assemble(pieces, wavs, ed, pauses or Pauses(), folder, AudioSpec()) as assembled:
        write_files(assembled, folder, formats, tags=tags, bitrate=bitrate)
    return assembled.timeline
