"""How a string of digits is said: as a count, digit by digit, as a decimal.

The readers take digits that other modules have already found and classified;
``rewrite`` reads the numbers no specific rule took. The cardinal core is ours
rather than cn2an's: cn2an 0.5 drops the 零 in 100000001000 (一千亿一千) and
always says 二 where announcers say 两 (两千, 一万两千).
"""

from __future__ import annotations

import re
import unicodedata

from ..zh import HAN_CHARS

DIGITS = "零一二三四五六七八九"
DIGITS_YAO = "零幺二三四五六七八九"

# Words after which a lone 2 is 两 (两个, 两年, 两万). Not here, so 二: 月 日 号
# (dates), 两 (二两), 楼 级 班 路 版 (which one, not how many), 百 (二百).
MEASURE_WORDS = frozenset(
    "个位名人次条项件种类家所座台辆架艘只头匹张本册份篇部首幅片颗粒根支枝把块元角毛"
    "分秒岁年天周小时钟倍层批轮届场期户间套栋幢处起例枚吨斤克米里亩升万千亿成国岸"
    "队组方面点票道笔单门步趟遍回下声句段章节列双对副度季截餐顿碗杯瓶盒箱袋包桶车船"
    "名亿强星代轴圈股键拨家口公平立毫厘英海室厅卫"
)

# Past 16 digits (千万亿) a run of digits is a code, not a quantity.
MAX_CARDINAL_DIGITS = 16

# 两 at the head of a 4-digit group: 两千, 两万, 两亿 (but 十二万, 二百 stay, and so does a 2
# after 零 inside a number: 三千零二万, as a careful reader says it).
_LIANG_HEAD = re.compile(r"(^|[亿万])二(?=[千万亿])")


def digits(s: str, *, yao: bool = False) -> str:
    """Read every digit on its own (years, phone numbers, serials)."""
    table = DIGITS_YAO if yao else DIGITS
    return "".join(table[d] if (d := unicodedata.decimal(c, None)) is not None else c for c in s)


def cardinal(s: str, *, liang: bool = True) -> str:
    """Read an integer as a count: 1689 -> 一千六百八十九, 2000 -> 两千.

    With ``liang`` a 2 that heads a thousands, ten-thousands or hundred-millions
    group is 两 (两千, 一万两千, 两亿), as announcers say it; a lone 2 stays 二
    here, because 两 for a lone 2 depends on the word that follows.
    """
    s = s.lstrip("0") or "0"
    if len(s) > MAX_CARDINAL_DIGITS:
        return digits(s)
    words = _read(int(s))
    if words.startswith("一十"):
        words = words[1:]  # 十五, 十万 (but 一百一十)
    if liang:
        words = _LIANG_HEAD.sub(r"\1两", words)
    return words


def _read(n: int) -> str:
    """Chinese reading of 0 <= n < 10**16, with 零 for every gap (一千亿零一千)."""
    for size, unit in ((10**8, "亿"), (10**4, "万")):
        if n >= size:
            high, low = divmod(n, size)
            words = _read(high) + unit
            if low:
                words += ("零" if low < size // 10 else "") + _read(low)
            return words
    return _group(n)


def _group(n: int) -> str:
    """0..9999: 一千零一十, 三百零五."""
    if n == 0:
        return "零"
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, value)
        if d:
            out += ("零" if zero else "") + DIGITS[d] + unit
            zero = False
        elif out:
            zero = True
    return out


def count(s: str) -> str:
    """A count before a measure word: a lone 2 is 两 (两个, 两年)."""
    if s.lstrip("0") == "2":
        return "两"
    return cardinal(s)


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
        if not s.strip("0."):
            sign = ""  # -0 is 零
    elif s[:1] == "+":
        sign, s = "正", s[1:]
    if "." in s:
        return sign + decimal(s, strip_zeros=strip_zeros)
    if s.lstrip("0") == "2":
        return sign + lone_two
    return sign + cardinal(s)


def count_before(s: str, following: str) -> str:
    """Read an integer by the word that follows it: 两 only before a measure word.

    2季度 is the second quarter (二季度), unlike 2个季度.
    """
    if following[:1] in MEASURE_WORDS and not following.startswith("季度"):
        return count(s)
    return cardinal(s)


_ORDINAL = re.compile(r"第\s*(\d+)(?![\d.])")
_DOTTED = re.compile(r"(?<![\d.])\d+(?:\.\d+){2,}(?![\d.])")
_LEADING_POINT = re.compile(rf"(?<=[{HAN_CHARS}])\.(\d+)")
_NUMBER = re.compile(r"(?:(?<![A-Za-z0-9.\-+])[-+](?=\d))?(\d+)(\.\d+)?")


def rewrite(text: str) -> str:
    """The numbers no more specific rule took: ordinals, decimals, counts."""
    text = _ORDINAL.sub(lambda m: "第" + cardinal(m[1]), text)
    text = _DOTTED.sub(lambda m: "点".join(digits(p) for p in m[0].split(".")), text)
    text = _LEADING_POINT.sub(lambda m: "零点" + digits(m[1]), text)
    return _NUMBER.sub(_number, text)


def _number(m: re.Match) -> str:
    whole, frac = m[1], m[2] or ""
    sign = {"-": "负", "+": "正"}.get(m[0][0], "") if (whole + frac).strip("0.") else ""
    if frac:
        return sign + decimal(whole + frac)
    if (len(whole) > 1 and whole.startswith("0")) or len(whole) > MAX_CARDINAL_DIGITS:
        return sign + digits(whole)
    return sign + count_before(whole, m.string[m.end() : m.end() + 2])
