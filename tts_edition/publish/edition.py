"""Write an edition's side files next to its MP3 and record what the feed needs."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path

from ..files import copy, write_bytes
from ..model import Edition, chinese_date
from ..timeline import Chapter, Timeline
from .chapters import write_chapters
from .record import Record, new_id, next_episode, publication_time, read_record, write_record
from .tags import Tags, write_tags
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
    mp3: Path,
    *,
    cover: bytes | None = None,
    tags: Tags | None = None,
    engine: str = "",
    voice: str = "",
    part: int | None = None,
    inputs: str = "",
    alternates: Sequence[tuple[str, str]] = (),
    titles: bool = True,
    intro: bool = False,
    preset: str = "",
    now: dt.datetime | None = None,
    out: Path | None = None,
) -> Record:
    """Write chapters.json, edition.vtt, edition.srt, cover.jpg and edition.json into ``folder``.

    ``alternates`` are other audio files already in the folder, as (file name, media type).
    ``out`` is where the edition's folder will live, when ``folder`` is a version staged elsewhere.
    ``mp3`` normally already carries its ID3 tags (``assemble`` writes them before the
    rename); pass ``tags`` to rewrite them, which happens on a copy that is renamed.
    """
    folder = Path(folder)
    mp3 = Path(mp3)
    now = now or dt.datetime.now(dt.UTC).astimezone()
    if tags is not None:
        write_tags(mp3, tags, timeline.chapters)
    write_chapters(folder / "chapters.json", timeline.chapters)
    cues = captions(timeline.cues)
    write_vtt(folder / "edition.vtt", cues)
    write_srt(folder / "edition.srt", cues)
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
        mp3=mp3.name if mp3.parent.resolve() == folder.resolve() else _copy_in(mp3, folder),
        mp3_bytes=0,
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
        alternates=[
            {"file": name, "type": media_type, "bytes": (folder / name).stat().st_size}
            for name, media_type in alternates
        ],
        titles=titles,
        intro=intro,
        inputs=inputs,
    )
    record.mp3_bytes = (folder / record.mp3).stat().st_size
    write_record(folder, record)
    log.info("wrote edition %s (%.0f s, %d chapters)", folder, timeline.duration, len(timeline.chapters))
    return record


def _copy_in(mp3: Path, folder: Path) -> str:
    """The feed serves files from the edition folder, so an MP3 made elsewhere is copied in."""
    copy(mp3, folder / "edition.mp3")
    return "edition.mp3"
