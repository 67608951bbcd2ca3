"""ID3v2.3 tags with chapters: what podcast apps read for titles, cover and navigation.

Written with mutagen and saved as v2.3, the version every player reads; ffmpeg's
own chapter writer sizes frames the v2.3 way even in v2.4 tags, so it is not used.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mutagen.id3 import APIC, CHAP, CTOC, ID3, TALB, TDRC, TIT2, TPE1, CTOCFlags, PictureType
from mutagen.id3 import ID3NoHeaderError

from ..timeline import Chapter


@dataclass(frozen=True)
class Tags:
    title: str  # TIT2: the episode
    album: str  # TALB: the paper
    artist: str  # TPE1: who publishes it
    date: str = ""  # YYYY-MM-DD, written as the recording year in v2.3
    cover: bytes | None = None  # JPEG or PNG, embedded as the front cover (APIC type 3)


def chapter_ids(count: int) -> list[str]:
    """Unique ASCII element ids, stable for a given number of chapters."""
    return [f"chp{i}" for i in range(count)]


def write_tags(mp3: Path, tags: Tags, chapters: Sequence[Chapter]) -> None:
    """Replace any tag in ``mp3`` with ours. Callers pass a temporary file that they rename."""
    try:
        id3 = ID3(mp3)
        id3.delete(mp3)
    except ID3NoHeaderError:
        pass
    id3 = ID3()
    id3.add(TIT2(encoding=1, text=tags.title))
    id3.add(TALB(encoding=1, text=tags.album))
    id3.add(TPE1(encoding=1, text=tags.artist))
    if tags.date:
        id3.add(TDRC(encoding=1, text=tags.date))
    if tags.cover:
        id3.add(APIC(encoding=1, mime=_mime(tags.cover), type=PictureType.COVER_FRONT, desc="", data=tags.cover))
    ids = chapter_ids(len(chapters))
    if chapters:
        id3.add(
            CTOC(
                element_id="toc",
                flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
                child_element_ids=ids,
                sub_frames=[TIT2(encoding=1, text=tags.title)],
            )
        )
    for element_id, ch in zip(ids, chapters):
        id3.add(
            CHAP(
                element_id=element_id,
                start_time=ch.start_ms,
                end_time=ch.end_ms,
                start_offset=0xFFFFFFFF,  # "not used": players go by time
                end_offset=0xFFFFFFFF,
                sub_frames=[TIT2(encoding=1, text=ch.title)],
            )
        )
    id3.save(mp3, v2_version=3, v1=0)


def _mime(image: bytes) -> str:
    return "image/png" if image.startswith(b"\x89PNG") else "image/jpeg"
