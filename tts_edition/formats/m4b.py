"""The audiobook: AAC in MP4 with native chapters, for audiobook apps that want one book file.

ffmpeg writes the chapters both as a QuickTime chapter track (Apple Books, most apps) and as a
Nero ``chpl`` atom (mutagen, older players); mutagen then writes the tags and the cover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mutagen.mp4 import MP4, MP4Cover

from .. import audio
from ..assemble import Assembled
from ..files import scratch_path
from ..timeline import Chapter
from .base import Tags

AUDIOBOOK = 2  # iTunes media kind ("stik") of an audiobook


@dataclass(frozen=True)
class M4B:
    name: str = "m4b"
    file_name: str = "edition.m4b"
    media_type: str = "audio/mp4"

    def write(self, assembled: Assembled, target: Path, *, tags: Tags, bitrate: int) -> None:
        with scratch_path(target.parent, ".ffmeta") as meta:
            meta.write_text(ffmetadata(assembled.timeline.chapters), encoding="utf-8")
            codec = [
                "-map_metadata", "1", "-map_chapters", "1",
                "-c:a", "aac", "-b:a", f"{bitrate}k",
                "-movflags", "+faststart", "-f", "ipod",
            ]  # fmt: skip
            audio.encode(
                assembled.pcm, assembled.sample_rate, target, assembled.filters, codec,
                inputs=["-f", "ffmetadata", "-i", str(meta)],
            )
        write_tags(target, tags)


def write_tags(path: Path, tags: Tags) -> None:
    mp4 = MP4(path)
    mp4["\xa9nam"] = [tags.title]
    mp4["\xa9alb"] = [tags.album]
    mp4["\xa9ART"] = [tags.artist]
    mp4["aART"] = [tags.artist]
    mp4["\xa9gen"] = ["Audiobook"]
    mp4["stik"] = [AUDIOBOOK]
    if tags.date:
        mp4["\xa9day"] = [tags.date]
    if tags.cover:
        kind = MP4Cover.FORMAT_PNG if tags.cover.startswith(b"\x89PNG") else MP4Cover.FORMAT_JPEG
        mp4["covr"] = [MP4Cover(tags.cover, imageformat=kind)]
    mp4.save()


def ffmetadata(chapters: Sequence[Chapter]) -> str:
    """ffmpeg's metadata file: one [CHAPTER] per article, times in milliseconds."""
    lines = [";FFMETADATA1"]
    for ch in chapters:
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={ch.start_ms}", f"END={ch.end_ms}", f"title={_escape(ch.title)}"]
    return "\n".join(lines) + "\n"


def _escape(text: str) -> str:
    """ffmetadata gives '=', ';', '#', '\\' and line breaks a meaning: escape them."""
    text = " ".join(text.split())
    return "".join("\\" + c if c in "=;#\\" else c for c in text)
