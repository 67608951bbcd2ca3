"""Long editions as several episodes: whole articles grouped into parts, each with its own chapters.

The pipeline calls ``plan_parts`` after synthesis with every piece's length (``assemble.durations``),
then assembles and publishes each part (``pieces_of``) on its own, with
``folder_name(edition, part)`` and ``episode_title(edition, part)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import UserError
from ..model import Pauses, Piece


def article_seconds(pieces: Sequence[Piece], lengths: Sequence[float], pauses: Pauses) -> dict[int, float]:
    """Seconds each article will take: its pieces' lengths and the pauses after them."""
    seconds: dict[int, float] = {}
    for piece, length in zip(pieces, lengths):
        seconds[piece.article] = seconds.get(piece.article, 0.0) + length + pauses.after(piece.level)
    return seconds


def group_articles(seconds: Sequence[float], max_minutes: float) -> list[list[int]]:
    """Consecutive articles in as few parts as fit ``max_minutes``, of lengths as even as can be.

    An article is never split; one longer than the limit makes a part of its own.
    The fewest parts come from filling greedily up to the limit; the evenest split
    into that many is the smallest capacity that still needs no more parts.
    """
    if max_minutes <= 0:
        raise UserError("--max-minutes must be more than 0")
    limit = max_minutes * 60
    fewest = len(_fill(seconds, limit))
    low, high = (sum(seconds) / fewest if seconds else 0.0), limit
    for _ in range(40):
        middle = (low + high) / 2
        if len(_fill(seconds, middle)) <= fewest:
            high = middle
        else:
            low = middle
    return _fill(seconds, high)


def _fill(seconds: Sequence[float], capacity: float) -> list[list[int]]:
    parts: list[list[int]] = []
    length = capacity + 1
    for i, s in enumerate(seconds):
        if length + s > capacity:
            parts.append([])
            length = 0.0
        parts[-1].append(i)
        length += s
    return parts


def plan_parts(
    pieces: Sequence[Piece],
    lengths: Sequence[float],
    pauses: Pauses,
    *,
    max_minutes: float | None = None,
    split: str | None = None,
) -> list[list[int]]:
    """Article indices per part: one part unless ``split="articles"`` or ``max_minutes`` asks for more
    (``lengths``: seconds of each piece, needed only then)."""
    articles = sorted({p.article for p in pieces})
    if split == "articles":
        return [[a] for a in articles]
    if split not in (None, "", "none"):
        raise UserError(f"--split must be 'articles', not {split!r}")
    if not max_minutes:
        return [articles]
    seconds = article_seconds(pieces, lengths, pauses)
    groups = group_articles([seconds[a] for a in articles], max_minutes)
    return [[articles[i] for i in g] for g in groups]


def pieces_of(part: Sequence[int], pieces: Sequence[Piece], wavs: Sequence[Path]) -> tuple[list[Piece], list[Path]]:
    """The pieces and audio files of one part, in order, for ``assemble``."""
    keep = set(part)
    chosen = [(p, w) for p, w in zip(pieces, wavs) if p.article in keep]
    return [p for p, _ in chosen], [w for _, w in chosen]
