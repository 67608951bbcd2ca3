"""Write an edition's side files next to its MP3 and record what the feed needs."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path

from ..files import write_bytes
from ..formats import Tags
from ..model import Edition, chinese_date
from ..timeline import Chapter, Timeline
from .chapters import write_chapters
from .record import (
    CHAPTERS,
    SRT,
    VTT,
    AudioFile,
    Record,
    new_id,
    next_episode,
    publication_time,
    read_record,
    write_record,
)
from .transcript import captions, timestamp, write_srt, write_vtt

log = logging.getLogger(__name__)

COVER = "cover.jpg"


def episode_title(edition: Edition, part: int | None = None) -> str:
    """What a listener sees in the app: the paper and the day (and the part)."""
    title = edition.title
    if edition.date:
        title += f" {chinese_date(edition.date)}"
    if part:
        title += f"（第{part}部分）"
    return title


def edition_tags(
    edition: Edition, *, cover: bytes | None = None, artist: str = "tts-edition", part: int | None = None
) -> Tags:
    date = edition.date.isoformat() if edition.date else ""
    return Tags(title=episode_title(edition, part), album=edition.title, artist=artist, date=date, cover=cover)


def describe(edition: Edition, chapters: list[Chapter]) -> str:
    """The episode description: one line per chapter with its start, the same times as the ID3 chapters."""
    lines = [episode_title(edition), ""]
    lines += [f"{timestamp(c.start_ms / 1000)[:8]} {c.title}" for c in chapters]
    return "\n".join(lines)


def write_edition(
    folder: Path,
    edition: Edition,
    timeline: Timeline,
    audio: Sequence[tuple[str, str]],
    *,
    cover: bytes | None = None,
    engine: str = "",
    voice: str = "",
    part: int | None = None,
    inputs: str = "",
    titles: bool = True,
    intro: bool = False,
    preset: str = "",
    now: dt.datetime | None = None,
    out: Path | None = None,
) -> Record:
    """Write chapters.json, edition.vtt, edition.srt, cover.jpg and edition.json into ``folder``.

    ``audio`` are the edition's audio files, already in the folder, as (file name, media type):
    the first is the feed's enclosure, the others are offered beside it.
    ``out`` is where the edition's folder will live, when ``folder`` is a version staged elsewhere.
    """
    folder = Path(folder)
    now = now or dt.datetime.now(dt.UTC).astimezone()
    write_chapters(folder / CHAPTERS, timeline.chapters)
    cues = captions(timeline.cues)
    write_vtt(folder / VTT, cues)
    write_srt(folder / SRT, cues)
    if cover:
        write_bytes(folder / COVER, cover)
    previous = read_record(folder)
    if previous and previous.preset and preset and previous.preset != preset:
        # One folder per issue: a producer who wants both readings publishes each preset's feed
        # from its own output folder. Say so rather than swap the audio under the same episode.
        log.warning(
            "%s: the %s edition was replaced by this %s one; to publish both, build each preset "
            "into its own output folder (-o)", folder.name, previous.preset, preset,
        )
    record = Record(
        id=previous.id if previous else new_id(),
        folder=folder.name,
        title=episode_title(edition, part),
        paper=edition.title,
        date=edition.date.isoformat() if edition.date else None,
        published=previous.published if previous else publication_time(edition.date, now, part).isoformat(),
        built=now.isoformat(timespec="seconds"),
        duration=timeline.duration,
        audio=[AudioFile(name, media_type, (folder / name).stat().st_size) for name, media_type in audio],
        chapters=list(timeline.chapters),
        cover=COVER if (cover or (folder / COVER).exists()) else None,
        description=describe(edition, timeline.chapters),
        part=part,
        episode=previous.episode if previous and previous.episode else next_episode(out or folder.parent),
        preset=preset,
        engine=engine,
        voice=voice,
        articles=len(edition.articles),
        sentences=len(edition.sentences()),
        titles=titles,
        intro=intro,
        inputs=inputs,
        cues=cues,
    )
    write_record(folder, record)
    log.info("wrote edition %s (%.0f s, %d chapters)", folder, timeline.duration, len(timeline.chapters))
    return record

