"""The plain data that flows between pipeline stages.

Every stage takes and returns these dataclasses, so any stage can be run alone,
dumped to JSON (``tts-edition plan``) and tested without the others.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from enum import IntEnum


def chinese_date(date: dt.date) -> str:
    """2020年11月24日: how papers print the day, and so how titles and announcements give it."""
    return f"{date.year}年{date.month}月{date.day}日"


class Level(IntEnum):
    """Where a piece of speech ends; the pause after it grows with the level."""

    CHUNK = 0
    SENTENCE = 1
    PARAGRAPH = 2
    ARTICLE = 3


@dataclass
class Sentence:
    text: str  # as printed, reflowed
    spoken: str = ""  # what the voice reads; filled by normalize


@dataclass
class Paragraph:
    text: str  # the whole paragraph as printed, reflowed
    sentences: list[Sentence] = field(default_factory=list)  # filled by segment


@dataclass
class Article:
    title: str
    paragraphs: list[Paragraph] = field(default_factory=list)


@dataclass
class Edition:
    title: str
    date: dt.date | None
    articles: list[Article] = field(default_factory=list)
    source: str = ""  # the input path, for messages
    encoding: str = "utf-8"  # what the input was decoded from
    guessed: list[str] = field(default_factory=list)  # "title", "date": not given and no masthead

    def to_dict(self) -> dict:
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        return d

    def sentences(self) -> list[Sentence]:
        return [s for a in self.articles for p in a.paragraphs for s in p.sentences]


@dataclass(frozen=True)
class Prosody:
    """Voice settings in the edge service's own units, which the offline voice maps."""

    rate: int = 0  # percent faster (+) or slower (-) than the voice's normal speed
    pitch: int = 0  # Hz up or down
    volume: int = 0  # percent louder or quieter


@dataclass(frozen=True)
class Pauses:
    """Seconds of silence after a piece, by the level it ends; plus silence at both ends."""

    chunk: float = 0.15
    sentence: float = 0.45
    paragraph: float = 0.8
    article: float = 1.6
    lead_in: float = 0.5
    lead_out: float = 1.0

    def after(self, level: Level) -> float:
        return {
            Level.CHUNK: self.chunk,
            Level.SENTENCE: self.sentence,
            Level.PARAGRAPH: self.paragraph,
            Level.ARTICLE: self.article,
        }[Level(level)]


@dataclass(frozen=True)
class AudioSpec:
    """How the edition's audio is made: the loudness it is brought to and the files it is encoded as."""

    loudness: float = -19.0  # LUFS integrated: the podcast norm for mono speech
    true_peak: float = -1.0  # dBTP: the ceiling a limiter holds, only where peaks reach it
    bitrate: int = 64  # kbit/s, constant
    formats: tuple[str, ...] = ("mp3",)  # output formats by name (formats.FORMATS), the MP3 first


@dataclass(frozen=True)
class Piece:
    """One request to a voice: a chunk of spoken text and where it sits in the edition."""

    text: str  # spoken text sent to the engine
    level: Level  # the pause that follows it
    article: int  # index of its article
    sentence: int | None  # index into Edition.sentences(); None for announcements
    last_of_sentence: bool = True  # a sentence may be cut into several chunks
    shown: str = ""  # announcements: the text as printed, for the transcript (sentences have their own)
    kind: str = "sentence"  # "sentence", or what an announcement is: "title", "intro", "outro"


@dataclass
class Audio:
    """Mono 16-bit PCM."""

    samples: bytes
    sample_rate: int
    boundaries: list[tuple[float, str]] = field(default_factory=list)  # (seconds, text) from the engine

    @property
    def duration(self) -> float:
        return len(self.samples) / 2 / self.sample_rate
