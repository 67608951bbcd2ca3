"""The MP3's ID3v2.3 tag with chapters: what podcast apps read for titles, cover and navigation.

Written with mutagen and saved as v2.3, the version every player reads; ffmpeg's
own chapter writer sizes frames the v2.3 way even in v2.4 tags, so it is not used.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from mutagen.id3 import APIC, CHAP, CTOC, ID3, TALB, TDAT, TIT2, TPE1, TYER, CTOCFlags, PictureType

from ..timeline import Chapter
from .base import Tags

COPY_BLOCK = 1 << 20


def chapter_ids(count: int) -> list[str]:
    """Unique ASCII element ids, stable for a given number of chapters."""
    return [f"chp{i}" for i in range(count)]


def write_tagged(source: Path, target: Path, tags: Tags, chapters: Sequence[Chapter]) -> None:
    """Copy the MP3 ``source`` to ``target`` with our tag in front, replacing any tag it had.

    Streamed: mutagen would insert a tag into the file itself by mapping it into
    memory, which for a long edition costs as much memory as the file is large.
    """
    with open(source, "rb") as src, open(target, "wb") as dst:
        src.seek(_id3_size(src.read(10)))
        dst.write(tag_bytes(tags, chapters))
        shutil.copyfileobj(src, dst, COPY_BLOCK)


def tag_bytes(tags: Tags, chapters: Sequence[Chapter]) -> bytes:
    """The whole ID3v2.3 tag, rendered by mutagen into an empty scratch file."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tag.id3"
        path.write_bytes(b"")
        _id3(tags, chapters).save(path, v2_version=3, v1=0, padding=lambda info: 1024)
        return _chapters_in_order(path.read_bytes(), chapter_ids(len(chapters)))


def _chapters_in_order(tag: bytes, ids: list[str]) -> bytes:
    """Put the CHAP frames in time order inside the tag.

    mutagen orders frames by size, and readers that list CHAP frames as found
    (ffmpeg among them) would show the chapters shuffled. A v2.3 tag from mutagen
    is frames with plain 32-bit sizes, then padding; moving frames keeps the size.
    """
    end = _id3_size(tag[:10])
    frames: list[bytes] = []
    pos = 10
    while pos + 10 <= end and tag[pos : pos + 4].strip(b"\0"):
        size = int.from_bytes(tag[pos + 4 : pos + 8], "big")
        frames.append(tag[pos : pos + 10 + size])
        pos += 10 + size
    chaps = [f for f in frames if f[:4] == b"CHAP"]
    rank = {element_id: i for i, element_id in enumerate(ids)}
    chaps.sort(key=lambda f: rank.get(f[10:].split(b"\0", 1)[0].decode("latin1"), len(ids)))
    others = [f for f in frames if f[:4] != b"CHAP"]
    first = next((i for i, f in enumerate(frames) if f[:4] == b"CHAP"), len(frames))
    ordered = others[:first] + chaps + others[first:]  # the CHAPs where the first one stood
    return tag[:10] + b"".join(ordered) + tag[pos:]


def _id3_size(header: bytes) -> int:
    """Bytes taken by an ID3v2 tag at the start of a file (0 when there is none)."""
    if len(header) < 10 or header[:3] != b"ID3":
        return 0
    size = sum((b & 0x7F) << (7 * (3 - i)) for i, b in enumerate(header[6:10]))
    footer = 10 if header[5] & 0x10 else 0
    return 10 + size + footer


def _id3(tags: Tags, chapters: Sequence[Chapter]) -> ID3:
    id3 = ID3()
    id3.add(TIT2(encoding=1, text=tags.title))
    id3.add(TALB(encoding=1, text=tags.album))
    id3.add(TPE1(encoding=1, text=tags.artist))
    if tags.date:
        # TDRC is a v2.4 frame: v2.3 readers (eyed3, older players) look for TYER and TDAT only.
        year, month, day = tags.date.split("-")
        id3.add(TYER(encoding=1, text=year))
        id3.add(TDAT(encoding=1, text=day + month))
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
    return id3


def _mime(image: bytes) -> str:
    return "image/png" if image.startswith(b"\x89PNG") else "image/jpeg"
