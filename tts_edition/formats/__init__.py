"""Output formats: how the joined, loudness-corrected PCM becomes a file a listener plays.

Assembly makes the PCM and the timeline once; each format encodes that same PCM with the
same gain and writes its own tags and chapters. A new format is one module here plus its
entry in ``FORMATS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from ..errors import UserError
from ..publish.tags import Tags
from ..timeline import Chapter
from .m4b import M4B
from .mp3 import MP3

__all__ = ["FORMATS", "M4B", "MP3", "AudioFormat", "parse_formats"]


class AudioFormat(Protocol):
    @property
    def name(self) -> str:
        """What the user types: ``--audio-format NAME``."""

    @property
    def file_name(self) -> str:
        """The file's name inside the edition folder."""

    @property
    def media_type(self) -> str:
        """For the feed and the web server."""

    def write(
        self,
        pcm: Path,
        sample_rate: int,
        filters: list[str],
        target: Path,
        *,
        tags: Tags,
        chapters: Sequence[Chapter],
        bitrate: int,
    ) -> None:
        """Encode ``pcm`` (16-bit mono) through ``filters`` into ``target``, tagged, with chapters."""


FORMATS: dict[str, AudioFormat] = {f.name: f for f in (MP3(), M4B())}


def parse_formats(names: Sequence[str]) -> list[AudioFormat]:
    """The formats asked for, MP3 always first: the feed, the player and the transcripts go by it."""
    wanted = {"mp3"}
    for name in names:
        for part in name.split(","):
            part = part.strip().lower()
            if part not in FORMATS:
                raise UserError(f"--audio-format: unknown format {part!r}; choose from {', '.join(FORMATS)}")
            wanted.add(part)
    return [f for name, f in FORMATS.items() if name in wanted]
