"""Edition folder names: ``YYYY-MM-DD-<ascii-slug>``, the same on every run and filesystem."""

from __future__ import annotations

import re
import unicodedata

from pypinyin import Style, lazy_pinyin

from ..model import Edition
from ..zh import IDEOGRAPHS

MAX_SLUG = 60
# Ideographs only, not 〇 (which the readings in zh count as a character): folder names made
# before must not change, and 二〇二〇 has always been spelled er-er.
_HAN = re.compile(f"[{IDEOGRAPHS}]+")
_DATE_IN_TITLE = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{1,2}-\d{1,2}")


def slug(title: str) -> str:
    """Pinyin without tones, two syllables to a word (人民日报 -> renmin-ribao).

    Pairing syllables rather than asking a word segmenter keeps the name stable
    across dictionary versions, and most paper names are built of two-character words.
    """
    title = _DATE_IN_TITLE.sub(" ", title)
    words: list[str] = []
    pos = 0
    for m in _HAN.finditer(title):
        words += _latin_words(title[pos : m.start()])
        syllables = lazy_pinyin(m.group(), style=Style.NORMAL, v_to_u=False)
        words += ["".join(syllables[i : i + 2]) for i in range(0, len(syllables), 2)]
        pos = m.end()
    words += _latin_words(title[pos:])
    text = "-".join(w for w in words if w)
    return text[:MAX_SLUG].strip("-") or "edition"


def _latin_words(text: str) -> list[str]:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", ascii_text)


def folder_name(edition: Edition, part: int | None = None) -> str:
    """``2020-11-24-renmin-ribao``; ``undated-…`` without a date; ``…-part2`` for a part."""
    day = edition.date.isoformat() if edition.date else "undated"
    name = f"{day}-{slug(edition.title)}"
    return f"{name}-part{part}" if part else name
