"""Clock times (14:30 -> 十四点三十分) and scores or ratios (3:1 -> 三比一).

A colon between numbers is a time when it can be one (hour up to 24, two-digit
minutes) and nothing around it speaks of a match; otherwise it is 比.
"""

from __future__ import annotations

import re

from .numbers import cardinal, digits, number

_CLOCK = re.compile(
    r"(?<![\d.:])(\d{1,2}):(\d{2})(?::(\d{2}))?(?![\d:])(?:\s*([AaPp])\.?\s?[Mm]\.?(?![A-Za-z]))?"
)
_RATIO = re.compile(r"(?<![\d.:])(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)(?![\d:])")
_SCORE_BEFORE = re.compile(r"比分|比例|比值|之比|配比|比率|比赛|战胜|击败|负于|不敌|战平|险胜|憾负|逆转|大胜|完胜|横扫|(?:以|胜|负|赢|输|比)\s*$")
_SCORE_AFTER = re.compile(r"^\s*(的比例|配比|比例|的比分|的总比分|的大比分|战胜|击败|取胜|获胜|告负|落败|负于|战平|胜出|赢|输|力克|比分)")
_SCORE_LIST = re.compile(r"\d\s*:\s*\d+\s*[、，,和]\s*$")
_DAYPART = re.compile(r"(上午|下午|凌晨|早上|晚上|中午|傍晚|夜里|早晨|清晨)\s*$")
# 9秒83, 1分42秒58: hundredths of a second are said digit by digit (九秒八三)
_HUNDREDTHS = re.compile(r"(?<=\d秒)(\d{1,2})(?![\d秒.])")
_ZERO_MINUTE = re.compile(r"(?<=[时点分])0(\d)(?=[分秒])")
_TIME_RANGE = re.compile(r"(?<=[点分秒])\s*(?:-|—|–|~|～)\s*(?=[零一二两三四五六七八九十]+点)")


def rewrite(text: str) -> str:
    text = _CLOCK.sub(_clock, text)
    text = _HUNDREDTHS.sub(lambda m: digits(m[1]), text)
    text = _RATIO.sub(lambda m: number(m[1]) + "比" + number(m[2]), text)
    return _ZERO_MINUTE.sub(lambda m: "零" + m[1], text)


def spans(text: str) -> str:
    """八点—十七点: once both ends are words, the dash between them is 至."""
    return _TIME_RANGE.sub("至", text)


def _clock(m: re.Match) -> str:
    h, mi, s, ampm = int(m[1]), int(m[2]), m[3], m[4]
    before = m.string[max(0, m.start() - 6) : m.start()]
    after = m.string[m.end() : m.end() + 6]
    if h > 24 or mi > 59 or (s and int(s) > 59):
        return m[0]
    if ampm is None and (_SCORE_BEFORE.search(before) or _SCORE_AFTER.search(after) or _after_score(m)):
        return m[0]
    said = hour(h)
    if mi or s:
        said += _minute(m[2]) + "分"
    if s:
        said += _minute(s) + "秒"
    if ampm and not _DAYPART.search(before):
        said = ("上午" if ampm in "Aa" else "下午") + said
    return said


def _after_score(m: re.Match) -> bool:
    """21:19、21:17: the second of a list of scores is a score too."""
    before = m.string[max(0, m.start() - 14) : m.start()]
    return bool(_SCORE_LIST.search(before)) and bool(_SCORE_BEFORE.search(m.string[max(0, m.start() - 24) : m.start()]))


def hour(h: int) -> str:
    return ("两" if h == 2 else cardinal(str(h))) + "点"


def _minute(s: str) -> str:
    if len(s) == 2 and s.startswith("0") and s != "00":
        return "零" + cardinal(s)
    return cardinal(s)
