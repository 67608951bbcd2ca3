"""What every output format is given and must do: the contract between assembly and the files.

Assembly joins the pieces once into PCM with its timeline and the loudness correction; a format
turns that into one file a listener plays, with the tags and chapters its players read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..assemble import Assembled


@dataclass(frozen=True)
class Tags:
    """What players show of an edition, whatever the file's own tag format."""

    title: str  # the episode
    album: str  # the paper
    artist: str  # who publishes it
    date: str = ""  # YYYY-MM-DD
    cover: bytes | None = None  # JPEG or PNG, embedded as the front cover


class AudioFormat(Protocol):
    @property
    def name(self) -> str:
        """What the user types: ``--audio-format NAME``, ``formats = [NAME]``."""

    @property
    def file_name(self) -> str:
        """The file's name inside the edition folder."""

    @property
    def media_type(self) -> str:
        """For the feed's enclosure and the web server; kept in the edition's record."""

    def write(self, assembled: Assembled, target: Path, *, tags: Tags, bitrate: int) -> None:
        """Encode the assembled PCM through its filters into ``target``, tagged, with its chapters."""
