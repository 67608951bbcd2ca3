"""Transcripts: a cue per sentence and per spoken title, intro and close, text as printed,
times from the assembled audio; long sentences split at clause punctuation, as captions should be."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from ..files import write_text
from ..timeline import Cue

VTT_MIME = "text/vtt"
SRT_MIME = "application/x-subrip"
CAPTION_CHARS = 32  # two lines of a phone-width caption; longer sentences are split
_CLAUSE_END = re.compile(r"(?<=[，。！？；：、,.!?;:…])")


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


def captions(cues: Sequence[Cue], max_chars: int = CAPTION_CHARS) -> list[Cue]:
    """The cues with every long one split into captions of at most ``max_chars`` characters.

    Splits fall after clause punctuation where there is any (whole clauses are joined up to the
    limit), else evenly; each caption's time is its share of the cue's by characters, which
    follows the speech closely enough for reading along: the voice reads at an even pace.
    """
    out: list[Cue] = []
    for cue in cues:
        pieces = _split_text(_one_line(cue.text), max_chars)
        total = sum(len(p) for p in pieces) or 1
        start, done = cue.start, 0
        for i, piece in enumerate(pieces):
            done += len(piece)
            end = cue.end if i == len(pieces) - 1 else round(cue.start + (cue.end - cue.start) * done / total, 3)
            out.append(Cue(start, end, piece.strip(), cue.kind))
            start = end
    return out


def _split_text(text: str, max_chars: int) -> list[str]:
    if len(text) <= max_chars:
        return [text]
    parts: list[str] = []
    for clause in (c for c in _CLAUSE_END.split(text) if c):
        if parts and len(parts[-1]) + len(clause) <= max_chars:
            parts[-1] += clause
        else:
            count = -(-len(clause) // max_chars)  # a clause longer than a caption: even slices
            size = -(-len(clause) // count)
            parts += [clause[i : i + size] for i in range(0, len(clause), size)]
    return [p for p in parts if p.strip()]


def vtt(cues: Sequence[Cue]) -> str:
    """WebVTT; spoken titles, intro and close are marked with a class span (``<c.title>``)."""
    blocks = ["WEBVTT\n"]
    for i, c in enumerate(cues, 1):
        text = _vtt_escape(_one_line(c.text))
        if c.kind != "sentence":
            text = f"<c.{c.kind}>{text}</c>"
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
