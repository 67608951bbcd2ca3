"""``edition.json``: everything the feed and the page need, so both can be rebuilt from disk.

The id and the publication time are fixed at the first build and carried over
by every rebuild: that is what keeps feed items from being renamed or reordered.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import BuildError
from ..files import write_text
from ..timeline import Chapter, Cue

FILE = "edition.json"
SCHEMA = 2  # 2: the audio files as a list with their media types; cues kept as data
CHAPTERS = "chapters.json"
VTT = "edition.vtt"
SRT = "edition.srt"
LEGACY_AUDIO_TYPE = "audio/mpeg"  # schema 1 kept one MP3 as mp3/mp3_bytes, its type implied
CHINA = dt.timezone(dt.timedelta(hours=8))


@dataclass
class AudioFile:
    """One audio file of an edition: what the feed encloses and the server and player point to."""

    file: str  # name inside the edition folder
    type: str  # media type
    bytes: int


@dataclass
class Record:
    id: str  # a UUID made at the first build; the feed item's guid
    folder: str  # the edition folder's name
    title: str  # the episode title
    paper: str  # the edition's own title (the paper's name)
    date: str | None  # YYYY-MM-DD of the issue
    published: str  # ISO 8601 with offset: the item's pubDate, fixed at the first build
    built: str  # ISO 8601 with offset: this build
    duration: float  # seconds
    audio: list[AudioFile]  # the first is the feed's enclosure and the player's; the others beside it
    chapters: list[Chapter] = field(default_factory=list)
    chapters_file: str = CHAPTERS
    vtt: str = VTT
    srt: str = SRT
    cover: str | None = None  # file name inside the folder
    description: str = ""
    part: int | None = None
    episode: int | None = None  # itunes:episode: numbered at the first build, in reading order
    preset: str = ""  # the preset it was read with: a rebuild with another one replaces it
    engine: str = ""
    voice: str = ""
    articles: int = 0
    sentences: int = 0
    titles: bool = True  # each article starts with its title, spoken
    intro: bool = False  # the edition starts with its name, date and article count, spoken
    inputs: str = ""  # a digest of everything that made the audio; equal digests mean nothing to redo
    cues: list[Cue] | None = None  # the transcript's captions as in the VTT (None: recorded before kept)
    schema: int = SCHEMA

    @property
    def enclosure(self) -> AudioFile:
        return self.audio[0]

    @property
    def alternates(self) -> list[AudioFile]:
        return self.audio[1:]

    @property
    def guid(self) -> str:
        return f"urn:uuid:{self.id}"

    @property
    def published_at(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.published)

    @property
    def issued_at(self) -> dt.datetime:
        """When the whole edition came out: parts after the first are dated earlier to list in order."""
        return self.published_at + dt.timedelta(minutes=(self.part or 1) - 1)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> Record:
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        known["chapters"] = [Chapter(**c) for c in d.get("chapters", [])]
        if d.get("cues") is not None:
            known["cues"] = [Cue(**c) for c in d["cues"]]
        if "audio" in d:
            known["audio"] = [AudioFile(**a) for a in d["audio"]]
        else:  # schema 1
            main = {"file": d["mp3"], "type": LEGACY_AUDIO_TYPE, "bytes": d["mp3_bytes"]}
            known["audio"] = [AudioFile(**a) for a in [main, *d.get("alternates", [])]]
        return cls(**known)


def read_record(folder: Path) -> Record | None:
    path = Path(folder) / FILE
    if not path.exists():
        return None
    try:
        record = Record.from_dict(json.loads(path.read_text("utf-8")))
        _check(record)
    except (ValueError, TypeError, KeyError, AttributeError) as e:
        raise BuildError(f"{path}: not a readable edition record ({e})") from e
    return record


def _check(record: Record) -> None:
    """What the feed and page rely on, checked once here instead of failing far away."""
    for name in ("id", "folder", "title", "paper", "published"):
        if not isinstance(getattr(record, name), str):
            raise TypeError(f"{name} is not text")
    if record.published_at.tzinfo is None:
        raise ValueError(f"published {record.published!r} has no time zone")
    if record.date is not None:
        dt.date.fromisoformat(record.date)
    if not isinstance(record.duration, (int, float)):
        raise TypeError("duration is not a number")
    if not record.audio:
        raise ValueError("no audio file")
    for a in record.audio:
        if not isinstance(a.file, str) or not isinstance(a.type, str) or not isinstance(a.bytes, int):
            raise TypeError(f"audio file {a!r} is not a name, a type and a size")
        if "/" in a.file or a.file.startswith("."):
            raise ValueError(f"audio file {a.file!r} is not a file name")


def write_record(folder: Path, record: Record) -> Path:
    text = json.dumps(record.to_dict(), ensure_ascii=False, indent=2) + "\n"
    return write_text(Path(folder) / FILE, text)


def next_episode(out: Path) -> int:
    """The number a new edition in ``out`` gets: one past every number already given."""
    numbers = [0]
    for folder in Path(out).iterdir():
        try:
            record = read_record(folder) if folder.is_dir() else None
        except BuildError:
            record = None
        if record is not None:
            numbers.append(record.episode or 0)
    return max(numbers) + 1


def new_id() -> str:
    return str(uuid.uuid4())


def publication_time(date: dt.date | None, now: dt.datetime, part: int | None = None) -> dt.datetime:
    """An issue is published on its own date (06:00 Beijing time), else when first built.

    Part 2 is dated a minute before part 1, part 3 before part 2: feeds and lists go newest
    first, so the parts then come in reading order, part 1 on top.
    """
    when = now if date is None else dt.datetime.combine(date, dt.time(6, 0), tzinfo=CHINA)
    return when - dt.timedelta(minutes=(part or 1) - 1)
