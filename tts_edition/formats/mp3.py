"""The podcast MP3: CBR with a Xing header, ID3v2.3 tag with CHAP/CTOC chapters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import audio
from ..files import scratch_path
from ..publish.tags import Tags, write_tagged
from ..timeline import Chapter


@dataclass(frozen=True)
class MP3:
    name: str = "mp3"
    file_name: str = "edition.mp3"
    media_type: str = "audio/mpeg"

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
        with scratch_path(target.parent, ".mp3") as untagged:
            audio.encode(pcm, sample_rate, untagged, filters, audio.mp3_args(bitrate))
            write_tagged(untagged, target, tags, chapters)
