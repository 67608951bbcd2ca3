"""Where things sit in the final audio: what assembly measures and publishing writes out.

Kept apart from ``assemble`` so the publishing modules can use these types
without importing the audio code.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Chapter:
    title: str
    start: float  # seconds
    end: float

    @property
    def start_ms(self) -> int:
        return round(self.start * 1000)

    @property
    def end_ms(self) -> int:
        return round(self.end * 1000)


@dataclass(frozen=True)
class Cue:
    start: float  # seconds
    end: float
    text: str  # the sentence (or the spoken title, intro, close) as printed
    kind: str = "sentence"  # "title", "intro" or "outro" for announcements: the transcript marks them


@dataclass
class Timeline:
    duration: float  # seconds of the final MP3
    chapters: list[Chapter] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
