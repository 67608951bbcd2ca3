"""Where things sit in the final audio: what assembly measures and publishing writes out.

Kept apart from ``assemble`` so the publishing modules can use these types
without importing the audio code.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


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
    text: str  # the sentence as printed


@dataclass
class Timeline:
    duration: float  # seconds of the final MP3
    chapters: list[Chapter] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Timeline:
        return cls(
            duration=d["duration"],
            chapters=[Chapter(**c) for c in d.get("chapters", [])],
            cues=[Cue(**c) for c in d.get("cues", [])],
        )
