"""Symbols that are read as words: full-width forms, math, fractions, letters with digits."""

from __future__ import annotations

import re

from ..zh import HAN_CHARS
from .measures import UNITS
from .numbers import cardinal, count_before, digits, number

# Full-width digits, letters and a few signs -> ASCII, so every later pattern
# sees one form. Chinese punctuation (，。：“”) stays: the voices pause on it.
_HALFWIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_HALFWIDTH |= {chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)}
_HALFWIDTH |= {chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)}
_HALFWIDTH |= {"％": "%", "＋": "+", "＝": "=", "＜": "<", "＞": ">", "－": "-", "−": "-", "﹣": "-", "∶": ":",
               "＄": "$", "￡": "£", "＃": "#", "＆": "&", "＠": "@"}
# Circled and bracketed list numbers (①, ⑴, ⒈) and Roman numerals (Ⅱ型) say their number.
_NUMBERED_MARKS = {chr(0x2460 + i): str(i + 1) for i in range(20)}
_NUMBERED_MARKS |= {chr(0x2474 + i): str(i + 1) for i in range(20)}
_NUMBERED_MARKS |= {chr(0x2488 + i): str(i + 1) for i in range(20)}
_ROMAN = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ"
_NUMBERED_MARKS |= {c: str(i + 1) for i, c in enumerate(_ROMAN)}
_NUMBERED_MARKS |= {c: str(i + 1) for i, c in enumerate("ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅺⅻ")}
_HALFWIDTH_TABLE = str.maketrans(_HALFWIDTH)
_MARKS = re.compile("[" + "".join(_NUMBERED_MARKS) + "]")
# Separators that are Chinese punctuation in prose but part of a number between digits.
_BETWEEN_DIGITS = re.compile(r"(?<=\d)([：．／])(?=\d)")
_BETWEEN_DIGITS_TABLE = {"：": ":", "．": ".", "／": "/"}
_THOUSANDS = re.compile(r"(?<![\d,.])(\d{1,3})((?:,\d{3})+)(?![\d,])(?!\.\d)|(?<![\d,.])(\d{1,3})((?:,\d{3})+\.\d+)")

# Business shorthands where 2 means "to" (B2B), as announcers read them.
_TO = re.compile(r"\b([BCOPG])2([BCOPG])\b")

_HAN = HAN_CHARS
_ACRONYM = re.compile(
    rf"(?<![A-Za-z0-9.])(?:(?<=[{_HAN}])[a-z]{{2,3}}|[a-z]{{2,3}}(?=[{_HAN}]))(?![A-Za-z0-9.²³/])"
)

_NUM = r"\d+(?:\.\d+)?"
_SIGNED = rf"-?{_NUM}"
_OPS = {
    "+": "加", "-": "减", "×": "乘", "*": "乘", "÷": "除以", "=": "等于", "≈": "约等于", "≠": "不等于",
    "<=": "小于等于", ">=": "大于等于", "≤": "小于等于", "≥": "大于等于", "<": "小于", ">": "大于",
}
_OP = r"(?:<=|>=|[+\-×*÷=≈≠≤≥<>])"
# 1+2, 2 = 1 + 1, -1+2, 9786加3384 is plain numbers; a chain needs a real operator.
_MATH = re.compile(rf"(?<![\w.\-])(-?{_NUM})((?:\s*{_OP}\s*-?{_NUM})+)(?![\w.])", re.ASCII)
_MATH_STEP = re.compile(rf"\s*({_OP})\s*(-?{_NUM})")
_LONE_OPS = {"±": "正负", "≥": "大于等于", "≤": "小于等于", "≠": "不等于", "≈": "约等于", "×": "乘", "÷": "除以"}
# A + left beside words is "plus" (5G+, 互联网+); elsewhere it may be a list or code.
_LONE_OP = re.compile(r"[±≥≤≠≈×÷]")
# CPI>3%, 风速>10米/秒 (once the numbers are words), 5km<L: a comparison between words or symbols.
_COMPARE = re.compile(r"(?<=[\w%℃)）])\s*(?<![<>=])(<=|>=|[<>=])(?![<>=])\s*(?=[\w（(])")
_PLUS = re.compile(r"(?<=\w)\++|\++(?=\w)")

_FRACTION = re.compile(r"(?<![\w./])(-?)(\d+)\s*/\s*(\d+)(?![\w/]|\.\d)", re.ASCII)
_CN_FRACTION = re.compile(r"(?:(?<![A-Za-z0-9.])-)?(?<![\d.])(\d+)(?=分之)|(?<=分之)(\d+(?:\.\d+)?)")

_LETTERS_DIGITS = re.compile(r"(?<![A-Za-z0-9])([A-Za-z]+)-?(\d+(?:\.\d+)?)(?![\d.])")
_NO = re.compile(r"\b[Nn][Oo]\.\s?(\d+)")


def halfwidth(text: str) -> str:
    text = text.translate(_HALFWIDTH_TABLE)
    text = _MARKS.sub(lambda m: cardinal(_NUMBERED_MARKS[m[0]]), text)
    text = _BETWEEN_DIGITS.sub(lambda m: _BETWEEN_DIGITS_TABLE[m[1]], text)
    return _THOUSANDS.sub(lambda m: m[0].replace(",", ""), text)


def to_words(text: str) -> str:
    """B2B -> B to B: the shorthands read as English words."""
    return _TO.sub(r"\1 to \2", text)


def acronyms(text: str) -> str:
    """nba -> NBA: a short lowercase run beside Chinese is spelled out, letter by letter.

    Runs after the numbers are read, so it sees the final neighbours of each run.
    """
    return _ACRONYM.sub(lambda m: m[0] if m[0] in UNITS else m[0].upper(), text)


def math(text: str) -> str:
    """1+6 -> 一加六; a chain of numbers joined by operators."""
    return _MATH.sub(_math, text)


def _math(m: re.Match) -> str:
    steps = _MATH_STEP.findall(m[2])
    if all(op == "-" for op, _ in steps):
        return m[0]  # 3-5 is a range, not a subtraction; ranges read it
    out = number(m[1])
    for op, operand in steps:
        out += _OPS[op] + number(operand)
    return out


def lone_operators(text: str) -> str:
    """±, ≥ and friends that are left once the numbers are read."""
    text = _LONE_OP.sub(lambda m: _LONE_OPS[m[0]], text)
    text = _COMPARE.sub(lambda m: _OPS[m[1]], text)
    return _PLUS.sub("加", text)


def fractions(text: str) -> str:
    """3/16 -> 十六分之三; 100分之57 -> 一百分之五十七."""
    text = _FRACTION.sub(_fraction, text)
    return _CN_FRACTION.sub(lambda m: number(m[0]), text)


def _fraction(m: re.Match) -> str:
    sign = "负" if m[1] else ""
    return f"{sign}{cardinal(m[3])}分之{cardinal(m[2])}"


def letters_with_digits(text: str) -> str:
    """G20 -> G二十, PM2.5 -> PM二点五, C919 -> C九一九, No.3 -> 第三.

    Short numbers after letters are names said as numbers (G20, M1, HDR10);
    three digits or more are model codes said digit by digit (C919, A380).
    """
    text = _NO.sub(lambda m: "第" + cardinal(m[1]), text)
    return _LETTERS_DIGITS.sub(_letters, text)


def _letters(m: re.Match) -> str:
    letters, num = m[1], m[2]
    following = m.string[m.end() : m.end() + 1]
    if following and following in "万亿千百元":  # GDP2万美元: a quantity, not a name
        return letters + (number(num) if "." in num else count_before(num, following))
    if "." in num:
        return letters + number(num)
    if len(num) >= 3 or num.startswith("0"):
        return letters + digits(num)
    return letters + cardinal(num)
