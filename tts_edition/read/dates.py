"""The edition's date, from the first full date printed in the text."""

from __future__ import annotations

import datetime as dt
import re

_NUMERIC = re.compile(
    r"(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|[-/.](\d{1,2})[-/.](\d{1,2})(?!\d))"
)
_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "O": 0}
_WRITTEN = re.compile(r"([〇零○一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")


def find_date(text: str, limit: int = 200_000) -> dt.date | None:
    """The first valid full date (2020年11月24日, 2020-11-24, 二〇二〇年十一月二十四日) in the text."""
    head = text[:limit]
    found: list[tuple[int, dt.date]] = []
    for m in _NUMERIC.finditer(head):
        year, month, day = m.group(1), m.group(2) or m.group(4), m.group(3) or m.group(5)
        date = _date(int(year), int(month), int(day))
        if date:
            found.append((m.start(), date))
            break
    for m in _WRITTEN.finditer(head):
        year = int("".join(str(_DIGITS[c]) for c in m.group(1)))
        date = _date(year, _small(m.group(2)), _small(m.group(3)))
        if date:
            found.append((m.start(), date))
            break
    return min(found)[1] if found else None


_MASTHEAD_EXTRAS = re.compile(r"(?:星期|周)[一二三四五六日天]|第\s*[\d一二三四五六七八九十]+\s*版")


def split_title(heading: str) -> tuple[str, dt.date | None]:
    """``阜蒙县报 2020年11月25日 星期三 第1版`` -> (``阜蒙县报``, 2020-11-25).

    A masthead names the paper and the day; the date belongs in the edition's date and the
    weekday and page number in neither, since the title is read out beside the date."""
    for pattern in (_NUMERIC, _WRITTEN):
        m = pattern.search(heading)
        date = find_date(m.group(0)) if m else None
        if m and date:
            rest = _MASTHEAD_EXTRAS.sub(" ", heading[: m.start()] + " " + heading[m.end() :])
            rest = re.sub(r"\s{2,}", " ", rest).strip(" \t　,，·|-—")
            if rest:
                return rest, date
    return heading, None


def _small(chinese: str) -> int:
    """一 .. 三十一 as an int."""
    if "十" not in chinese:
        return _DIGITS[chinese]
    tens, _, ones = chinese.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def _date(year: int, month: int, day: int) -> dt.date | None:
    if not 1800 <= year <= 2200:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
