"""Ranges: two numbers joined by a dash, a tilde, 至 or 到.

Both ends are read the way the word after the range says (2015—2020年 are
years, 1—10月份 months, 5～10℃ temperatures, 3-5年 counts of years). Spans of
dates are said with 至, other spans with 到; a printed 至 or 到 is kept.
"""

from __future__ import annotations

import re

from . import dates
from .measures import TEMPERATURE_UNITS, UNIT, UNITS, percent, quantity, temperature
from .numbers import MEASURE_WORDS, count_before, number

_NUM = r"\d+(?:\.\d+)?"
_SUFFIX = rf"(?:年|月份|月|日|号|时|%|‰|{UNIT})"
_YEAR_NAME = re.compile(dates.YEAR_NAME)
_RANGE = re.compile(
    rf"(?<![A-Za-z0-9.:/\-])(-?{_NUM})\s?({_SUFFIX})?\s*(——|—|–|-|~|～|〜|至|到)\s*(-?{_NUM})\s?({_SUFFIX})?(?![\d.:/])"
)


_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
_TO = r"\s*(——|—|–|-|~|～|〜|至|到)\s*"
_ROMAN_RANGE = re.compile(rf"([{_ROMAN}]){_TO}([{_ROMAN}])")
# A～C类, B—D级: a hyphen between capitals is more often part of a code (A-B), so it needs the word after.
_LETTER_RANGE = re.compile(rf"(?<![A-Za-z0-9])([A-Z]){_TO}([A-Z])(?![A-Za-z0-9])(?=(.?))")
_GRADE_WORDS = "类级等档型区栋座号组段"


def marks(text: str) -> str:
    """Ⅱ—Ⅳ级 -> 二到四级, A～C类 -> A到C类: ranges between Roman numerals or letters.

    Runs before the Roman numerals become words, so the dash is still seen
    between two marks and not taken for a pause."""
    text = _ROMAN_RANGE.sub(lambda m: number(str(_ROMAN.index(m[1]) + 1)) + _word(m[2]) + number(str(_ROMAN.index(m[3]) + 1)), text)
    return _LETTER_RANGE.sub(_letters, text)


def _letters(m: re.Match) -> str:
    if m[1] >= m[3] or (m[2] == "-" and (not m[4] or m[4] not in _GRADE_WORDS)):
        return m[0]
    return m[1] + _word(m[2]) + m[3]


def _word(sep: str) -> str:
    return sep if sep in "至到" else "到"


def rewrite(text: str) -> str:
    return _RANGE.sub(_range, text)


def _range(m: re.Match) -> str:
    a, a_unit, sep, b, b_unit = m[1], m[2] or "", m[3], m[4], m[5] or ""
    unit = b_unit or a_unit
    if (a_unit and b_unit and a_unit != b_unit) or (
        b.startswith("-") and sep not in "至到" and unit not in TEMPERATURE_UNITS
    ):
        return m[0]
    after = m.string[m.end() : m.end() + 6]
    said = _ends(a, a_unit, b, b_unit, unit, after, sep)
    if said is None:
        return m[0]
    left, right, is_date = said
    word = sep if sep in "至到" else ("至" if is_date else "到")
    return left + word + right


def _ends(a: str, a_unit: str, b: str, b_unit: str, unit: str, after: str, sep: str):
    """The two ends read in their category, and whether they are dates."""
    if a.startswith("-") and unit not in TEMPERATURE_UNITS and (unit or sep == "-"):
        return None
    if not unit and _years(a, b) and (_YEAR_NAME.match(after) or after[:1] not in MEASURE_WORDS):
        return dates.year(a), dates.year(b), True
    if unit == "年":
        if dates.is_year(b, "", "年" + after) and dates.is_year(a, "", "年" + after) and len(a) == len(b):
            return dates.year(a) + a_unit, dates.year(b) + b_unit, True
        if "." in a + b:
            return None
        return count_before(a, "年") + a_unit, count_before(b, "年") + b_unit, False
    if unit in ("月", "月份", "日", "号"):
        if "." in a + b or int(b) > (12 if unit.startswith("月") else 31) or int(a) > int(b):
            return None
        return dates.month(a) + a_unit, dates.month(b) + b_unit, True
    if unit == "时":
        return count_before(a, "时") + a_unit, count_before(b, "时") + b_unit, True
    if unit in ("%", "‰"):
        return percent(a, unit), percent(b, unit), False
    if unit in TEMPERATURE_UNITS:
        return temperature(a) + _said(a_unit), temperature(b) + _said(b_unit), False
    if unit in UNITS:
        left = quantity(a, a_unit) if a_unit else number(a, lone_two="两")
        return left, quantity(b, unit), False
    return _plain(a, after), _plain(b, after), False


def _years(a: str, b: str) -> bool:
    """2021-2025 (a plan's span), not 1000-2000 (a count)."""
    year = re.compile(r"(?:19|20)\d\d")
    return bool(year.fullmatch(a) and year.fullmatch(b)) and 0 < int(b) - int(a) < 100


def _said(unit: str) -> str:
    return UNITS[unit] if unit else ""


def _plain(s: str, after: str) -> str:
    if "." in s or s.startswith("-"):
        return number(s)
    return count_before(s, after)
