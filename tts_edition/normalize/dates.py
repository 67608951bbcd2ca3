"""Dates: years digit by digit (二零二零年), months and days as numbers.

A number before 年 is a year or a count of years, and only the words around it
tell: 1950年 is a year, 70年来 and 近1000年来 are counts, 2015年以来 is a year.
"""

from __future__ import annotations

import re

from .numbers import cardinal, count, digits

_YEAR4 = r"(?:1\d{3}|20\d{2})"
_SEP = r"[-/.·]"

# 2008-08-08, 2008/8/8, 2008.08.08, 2019·2·10
_YMD = re.compile(rf"(?<![\d.\-/])({_YEAR4})({_SEP})(\d{{1,2}})\2(\d{{1,2}})(?![\d/]|\.\d)")
# 08-08-2008 (month first unless the first part cannot be a month)
_MDY = re.compile(rf"(?<![\d.\-/])(\d{{1,2}})({_SEP})(\d{{1,2}})\2({_YEAR4})(?![\d/]|\.\d)")
# 12/2/2, 12.2.3: a two-digit year
_YMD2 = re.compile(r"(?<![\d.\-/])(\d{2})([/.])(\d{1,2})\2(\d{1,2})(?![\d/]|\.\d)")
# 2008-08, 2008/08, 2008.08 (a two-digit month so 2015.5 stays a decimal)
_YM = re.compile(
    rf"(?<![\d.\-/])({_YEAR4})(?:[-.](0[1-9]|1[0-2])|/(0?[1-9]|1[0-2]))(?![\d/]|\.\d|\s?[元万亿%‰])"
)
# 08-2008, 08/2008, 08.2008
_MY = re.compile(rf"(?<![\d.\-/])(0[1-9]|1[0-2])[-/.]({_YEAR4})(?![\d/]|\.\d)")
# 08-08, 08/08, 08.08: a month with its leading zero reads as a date
_MD = re.compile(r"(?<![\d.\-/])(0[1-9])[-/.](\d{2})(?![\d/]|\.\d)")

# 〔2020〕35号: the year of a document number
_BRACKET_YEAR = re.compile(rf"(?<=[〔\[【(（])({_YEAR4})(?=[〕\]】)）])")
# “9·18”事变, 3·15: a day named by its date is said digit by digit (双十一 for 11·11)
_NAMED_DAY = re.compile(r"(?<![\d.·])(\d{1,2})·(\d{1,2})(?![\d·])")

_ERA = re.compile(r"(?<![\d.])(\d{1,4})\s*(?:a\.d\.|ad|AD|A\.D\.)(?![A-Za-z])")
_BC = re.compile(r"(?<![\d.])(\d{1,4})(年(?:\d{1,2}月)?)?\s*(?:b\.c\.|bc|BC|B\.C\.)(?![A-Za-z])")

_YEAR = re.compile(r"(?<![\d.])(\d{1,4})(?=年)")
_COUNT_BEFORE = re.compile(r"(?:距今|近|约|过去|长达|历时|历经|经过|超过|逾|整整|连续|足足|相隔|间隔|已有|用了|花了|数|几|每)$")
_MONTH = re.compile(r"(?<![\d.])(0?[1-9]|1[0-2])(?=月)")
_DAY = re.compile(r"(?<![\d.])(0?[1-9]|[12]\d|3[01])(?=[日号])")
_GENERATION = re.compile(r"(?<![\d.])([0-9][05])(?=后(?![\d]))")
# 2020版, 2019款, 2020届, 2020赛季: a year used as a name.
YEAR_NAME = r"(?:版|款|届|赛季|财年|级(?!别))"
_YEAR_NAME = re.compile(rf"(?<![\d.])({_YEAR4})(?={YEAR_NAME})")
_DECADE = re.compile(r"(?<![\d.])(\d{2})(?=年代)")


def rewrite_numeric(text: str) -> str:
    """Dates written with separators: 2008-08-08 -> 二零零八年八月八日."""
    text = _YMD.sub(lambda m: _ymd(m[1], m[3], m[4]) or m[0], text)
    text = _MDY.sub(_mdy, text)
    text = _YMD2.sub(lambda m: _ymd(m[1], m[3], m[4]) or m[0], text)
    text = _YM.sub(lambda m: f"{year(m[1])}年{month(m[2] or m[3])}月", text)
    text = _MY.sub(lambda m: f"{year(m[2])}年{month(m[1])}月", text)
    text = _MD.sub(lambda m: f"{month(m[1])}月{month(m[2])}日" if 1 <= int(m[2]) <= 31 else m[0], text)
    text = _BRACKET_YEAR.sub(lambda m: year(m[1]), text)
    text = _NAMED_DAY.sub(_named_day, text)
    text = _ERA.sub(lambda m: f"公元{year(m[1])}年", text)
    return _BC.sub(lambda m: f"公元前{year(m[1])}{m[2] or '年'}", text)


def rewrite(text: str) -> str:
    """Dates in words and digits: 2020年11月24日, 24日电, 90后, 90年代."""
    text = _GENERATION.sub(lambda m: digits(m[1]), text)
    text = _DECADE.sub(lambda m: cardinal(m[1]), text)
    text = _YEAR_NAME.sub(lambda m: year(m[1]), text)
    text = _YEAR.sub(_year, text)
    text = _MONTH.sub(lambda m: month(m[1]), text)
    return _DAY.sub(lambda m: month(m[1]), text)


def year(s: str) -> str:
    return digits(s)


def month(s: str) -> str:
    """Months and days: 二月, 十二日 (never 两)."""
    return cardinal(s)


def is_year(s: str, before: str, after: str) -> bool:
    """Whether digits followed by 年 name a year (True) or count years (False)."""
    if before.endswith(("公元前", "公元", "纪元", "西元")):
        return True
    if re.match(r"年\d{1,2}月", after):
        return True
    if len(s) == 2 and s.startswith("0"):
        return True  # 05年
    if len(s) != 4:
        return False
    if re.match(r"年来|年多|年之久|年历史|年的历史|年时间|年左右", after):
        return False
    if _COUNT_BEFORE.search(before):
        return False
    return 1000 <= int(s) <= 2099


def _year(m: re.Match) -> str:
    s = m[1]
    before = m.string[max(0, m.start() - 3) : m.start()]
    after = m.string[m.end() : m.end() + 6]
    if is_year(s, before, after):
        return year(s)
    return cardinal(s) if after.startswith("年级") else count(s)  # 二年级, 两年


def _named_day(m: re.Match) -> str:
    mo, d = m[1], m[2]
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return m[0]
    if mo == d and mo in ("11", "12"):
        return "双" + cardinal(mo)
    return digits(mo + d)


def _ymd(y: str, mo: str, d: str) -> str | None:
    if not (1 <= int(mo) <= 12 and 1 <= int(d) <= 31):
        return None
    return f"{year(y)}年{month(mo)}月{month(d)}日"


def _mdy(m: re.Match) -> str:
    a, b, y = m[1], m[3], m[4]
    if int(a) > 12:
        a, b = b, a
    return _ymd(y, a, b) or m[0]
