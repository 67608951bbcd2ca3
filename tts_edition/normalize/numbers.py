"""How a string of digits is said: as a count, digit by digit, as a decimal.

These functions take digits that other modules have already found and
classified; they never look at the sentence around them. cn2an does the
cardinal core; the announcer's 两 is ours, because cn2an always says 二.
"""

from __future__ import annotations

import re

import cn2an

DIGITS = "零一二三四五六七八九"
DIGITS_YAO = "零幺二三四五六七八九"

# cn2an reads at most 16 digits; longer runs are codes, not quantities.
MAX_CARDINAL_DIGITS = 16

# 两 at the head of a 4-digit group: 两千, 两万, 两亿 (but 十二万, 二百 stay).
_LIANG_HEAD = re.compile(r"(^|[亿万零])二(?=[千万亿])")


def digits(s: str, *, yao: bool = False) -> str:
    """Read every digit on its own (years, phone numbers, serials)."""
    table = DIGITS_YAO if yao else DIGITS
    return "".join(table[int(c)] if c.isdigit() else c for c in s)


def cardinal(s: str, *, liang: bool = True) -> str:
    """Read an integer as a count: 1689 -> 一千六百八十九, 2000 -> 两千.

    With ``liang`` a 2 that heads a thousands, ten-thousands or hundred-millions
    group is 两 (两千, 一万两千, 两亿), as announcers say it; a lone 2 stays 二
    here, because 两 for a lone 2 depends on the word that follows.
    """
    s = s.lstrip("0") or "0"
    if len(s) > MAX_CARDINAL_DIGITS:
        return digits(s)
    words = cn2an.an2cn(s)
    if liang:
        words = _LIANG_HEAD.sub(r"\1两", words)
    return words


def count(s: str) -> str:
    """A count before a measure word: a lone 2 is 两 (两个, 两年)."""
    if s.lstrip("0") == "2":
        return "两"
    return cardinal(s)


def fraction_digits(s: str) -> str:
    return digits(s)


def decimal(s: str, *, strip_zeros: bool = False) -> str:
    """Read 3.14 as 三点一四; the part after the point digit by digit.

    Trailing zeros are kept (12.30 says its precision) unless ``strip_zeros``,
    used for money and percentages where 36.00元 is just 三十六元.
    """
    whole, _, frac = s.partition(".")
    if strip_zeros:
        frac = frac.rstrip("0")
    head = cardinal(whole or "0")
    if not frac:
        return head
    return head + "点" + digits(frac)


def number(s: str, *, strip_zeros: bool = False, lone_two: str = "二") -> str:
    """Read a signed integer or decimal: -1.5 -> 负一点五.

    ``lone_two`` is what a whole number 2 becomes ("两" before a measure word).
    """
    sign = ""
    if s[:1] in "-−－":
        sign, s = "负", s[1:]
    elif s[:1] == "+":
        sign, s = "正", s[1:]
    if "." in s:
        return sign + decimal(s, strip_zeros=strip_zeros)
    if s.lstrip("0") == "2":
        return sign + lone_two
    return sign + cardinal(s)
