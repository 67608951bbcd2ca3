"""Marks that belong to the printed page, not to what is said.

Bullets, heading marks, page continuation notes and the spaces typesetters put
between characters are dropped before any number is read; dashes and ellipses
become a pause mark after the numbers are read (a dash between two numbers is
a range, which the number passes read first).
"""

from __future__ import annotations

import re

from ..zh import CONTINUATION, HAN_CHARS, ORNAMENTS

PAUSE = "，"

_BULLETS = re.compile(rf"[{ORNAMENTS}]+\s*")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_CONTINUATION = re.compile(rf"\s*{CONTINUATION}")
_HAN = HAN_CHARS
_SPACES = r"[ \t\u3000\u00a0]+"
_SPACE_BETWEEN = re.compile(rf"(?<=[0-9０-９]){_SPACES}(?=[{_HAN}])|(?<=[{_HAN}]){_SPACES}(?=[0-9０-９])")
_SPACE_IN_WORDS = re.compile(rf"(?<=[{_HAN}]){_SPACES}(?=[{_HAN}])")
_DASHES = re.compile(r"\s*(?:—{2,}|─{2,}|-{2,}|[…⋯]+|\.{3,}|。{3,})\s*")
_LONE_DASH = re.compile(rf"(?<=[{_HAN}》”」』）)])\s*—\s*(?=[{_HAN}《“「『（(])")
# 亚洲—太平洋, 京—沪: one dash joining two names is read straight through, not as a pause
# (a pause or an aside is printed ——). Not between numerals: 三月—五月 is a span.
_NUMERALS = "零〇一二两三四五六七八九十百千万亿"
_NAME_DASH = re.compile(rf"(?<=[{_HAN}])(?<![{_NUMERALS}])[—–](?![—–])(?=[{_HAN}])(?![{_NUMERALS}])")
_PUNCT = "，。、；：！？,;:!?"
_PAUSE_RUN = re.compile(rf"{PAUSE}(?=[{_PUNCT}])|(?<=[{_PUNCT}]){PAUSE}|^\s*{PAUSE}")


def clean(text: str) -> str:
    """Drop what is printed but never read."""
    text = _HEADING.sub("", text)
    text = _CONTINUATION.sub("", text)
    text = _BULLETS.sub("", text)
    text = _NAME_DASH.sub("", text)
    text = _SPACE_IN_WORDS.sub(_space_in_words, text)
    return _SPACE_BETWEEN.sub("", text)


def _space_in_words(m: re.Match) -> str:
    """Letter-spaced characters (以 改 革, 刘 超) join up; a space between
    longer runs (本报记者 谢红静) separates names or phrases and stays one space."""
    before = m.string[: m.start()].split()[-1:] or [""]
    after = m.string[m.end() :].split()[:1] or [""]
    return "" if max(len(before[0]), len(after[0])) == 1 else " "


def pauses(text: str) -> str:
    """Turn —— and … (and a lone dash between words) into one pause mark.

    Also drops the spaces that reading numbers left between Chinese words.
    """
    text = _SPACE_IN_WORDS.sub(_space_in_words, text)
    previous = None
    while previous != text:
        previous = text
        text = _PAUSE_RUN.sub("", _LONE_DASH.sub(PAUSE, _DASHES.sub(PAUSE, text)))
    return _SPACE_IN_WORDS.sub(_space_in_words, text).strip()
