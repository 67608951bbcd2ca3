"""The podcast MP3: CBR with a Xing header, ID3v2.3 tag with CHAP/CTOC chapters."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import audio
from ..assemble import Assembled
from ..files import scratch_path
from .base import Tags
from .id3 import write_tagged


@dataclass(frozen=True)
class MP3:
    name: str = "mp3"
    file_name: str = "edition.mp3"
    media_type: str = "audio/mpeg"

    def write(self, assembled: Assembled, target: Path, *, tags: Tags, bitrate: int) -> None:
        if assembled.mp3 is not None:  # encoded already, as the pieces arrived
            write_tagged(assembled.mp3, target, tags, assembled.timeline.chapters)
            return
        with scratch_path(target.parent, ".mp3") as untagged:
            audio.encode(assembled.pcm, assembled.sample_rate, untagged, assembled.filters, audio.mp3_args(bitrate))
            write_tagged(untagged, target, tags, assembled.timeline.chapters)
