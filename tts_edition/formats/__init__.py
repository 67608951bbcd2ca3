"""Output formats: how the joined, loudness-corrected PCM becomes a file a listener plays.

Assembly makes the PCM and the timeline once (``assemble``); each format encodes that same PCM
with the same gain and writes its own tags and chapters (``base.AudioFormat``). The edition's
record keeps each file's name and media type, so the feed, the player and the server take
them from there. A new format is one module here plus its entry in ``FORMATS``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .. import killpoints
from ..assemble import Assembled
from ..errors import UserError
from ..files import atomic_path
from .base import AudioFormat, Tags
from .m4b import M4B
from .mp3 import MP3

__all__ = ["FORMATS", "M4B", "MP3", "AudioFormat", "Tags", "parse_formats", "write_files"]

FORMATS: dict[str, AudioFormat] = {f.name: f for f in (MP3(), M4B())}


def parse_formats(names: Sequence[str], where: str = "--audio-format") -> list[AudioFormat]:
    """The formats asked for, MP3 always first: the feed, the player and the transcripts go by it."""
    wanted = {"mp3"}
    for name in names:
        for part in name.split(","):
            part = part.strip().lower()
            if part not in FORMATS:
                raise UserError(f"{where}: unknown format {part!r}; choose from {', '.join(FORMATS)}")
            wanted.add(part)
    return [f for name, f in FORMATS.items() if name in wanted]


def write_files(
    assembled: Assembled, folder: Path, formats: Sequence[AudioFormat], *, tags: Tags, bitrate: int
) -> None:
    """Each format's file in ``folder``, all from the same PCM; each written under a temporary
    name and renamed when whole, so a killed run never leaves half a file under the real name."""
    for fmt in formats:
        with atomic_path(Path(folder) / fmt.file_name) as tmp:
            fmt.write(assembled, tmp, tags=tags, bitrate=bitrate)
        killpoints.reached("encoded")
