"""Transcripts: one cue per sentence, text as printed, times from the assembled audio."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..files import write_text
from ..timeline import Cue

VTT_MIME = "text/vtt"
SRT_MIME = "application/x-subrip"


def timestamp(seconds: float, sep: str = ".") -> str:
    ms = round(seconds * 1000)
    h, ms = divmod(ms, 3_600_000)
    m, ms = divmod(ms, 60_000)
    s, ms = divmod(ms, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _one_line(text: str) -> str:
    """A blank line ends a cue and ``-->`` starts one, so neither may appear in the text."""
    return " ".join(text.split()).replace("-->", "->")


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def vtt(cues: Sequence[Cue]) -> str:
    blocks = ["WEBVTT\n"]
    for i, c in enumerate(cues, 1):
        text = _vtt_escape(_one_line(c.text))
        blocks.append(f"{i}\n{timestamp(c.start)} --> {timestamp(c.end)}\n{text}\n")
    return "\n".join(blocks)


def _srt_safe(text: str) -> str:
    """SRT has no escapes and players render <b>, <i>, <font> (some any tag), so angle brackets
    in the printed text become their full-width forms, which read the same in Chinese text."""
    return text.replace("<", "＜").replace(">", "＞").replace("{", "｛").replace("}", "｝")


def srt(cues: Sequence[Cue]) -> str:
    blocks = []
    for i, c in enumerate(cues, 1):
        text = _srt_safe(_one_line(c.text))
        blocks.append(f"{i}\n{timestamp(c.start, ',')} --> {timestamp(c.end, ',')}\n{text}\n")
    return "\n".join(blocks)


def write_vtt(path: Path, cues: Sequence[Cue]) -> Path:
    return write_text(path, vtt(cues))


def write_srt(path: Path, cues: Sequence[Cue]) -> Path:
    return write_text(path, srt(cues))
