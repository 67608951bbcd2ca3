"""Quantities with a unit: money, percentages, temperatures, units of measure."""

from __future__ import annotations

import re

from ..zh import HAN_CHARS
from .numbers import count, decimal, number

# Unit symbol -> what is said. Longest first when matching, so km² beats km beats m.
UNITS = {
    "km/h": "公里每小时", "m/s": "米每秒", "km²": "平方公里", "km2": "平方公里", "m²": "平方米", "m2": "平方米",
    "cm²": "平方厘米", "mm²": "平方毫米", "m³": "立方米", "m3": "立方米", "cm³": "立方厘米",
    "㎡": "平方米", "㎞": "公里", "㎏": "千克", "㎝": "厘米", "㎜": "毫米", "㎖": "毫升",
    "km": "公里", "kg": "千克", "mg": "毫克", "μg": "微克", "g": "克", "t": "吨",
    "cm": "厘米", "mm": "毫米", "μm": "微米", "nm": "纳米", "m": "米",
    "ml": "毫升", "mL": "毫升", "L": "升",
    "hm²": "公顷", "hm2": "公顷", "ms": "毫秒", "min": "分钟", "h": "小时",
    "kWh": "千瓦时", "kW·h": "千瓦时", "kW": "千瓦", "MW": "兆瓦", "GW": "吉瓦",
    "kV": "千伏", "mA": "毫安", "mAh": "毫安时",
    "GHz": "吉赫兹", "MHz": "兆赫兹", "kHz": "千赫兹", "Hz": "赫兹", "dB": "分贝",
    "°C": "摄氏度", "℃": "摄氏度", "°F": "华氏度", "℉": "华氏度", "°": "度",
}
TEMPERATURE_UNITS = ("°C", "℃", "°F", "℉")
_UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
UNIT = rf"(?:{_UNIT_ALT})(?![A-Za-z²³])"

_NUM = r"\d+(?:\.\d+)?"
_LEFT = r"(?<![A-Za-z0-9.])"

# Currency before the amount ($5, HK$13.5, CNY 1.25) -> what follows it.
_PREFIX_CURRENCY = {
    "US$": "美元", "HK$": "港元", "A$": "澳元", "C$": "加元", "NT$": "新台币", "S$": "新加坡元",
    "$": "美元", "¥": "元", "￥": "元", "€": "欧元", "£": "英镑", "₩": "韩元", "₹": "卢比", "₽": "卢布",
    "CNY": "人民币", "RMB": "人民币", "USD": "美元", "HKD": "港元", "EUR": "欧元", "GBP": "英镑",
    "JPY": "日元", "KRW": "韩元", "AUD": "澳元", "CAD": "加元", "CHF": "瑞士法郎", "MOP": "澳门元",
}
_CUR_ALT = "|".join(re.escape(c) for c in sorted(_PREFIX_CURRENCY, key=len, reverse=True))
_MONEY = re.compile(rf"(?<![A-Za-z])(-?)({_CUR_ALT})\s?(-?)({_NUM})\s?(万亿|[万亿千])?(?![\d])")
# 100 USD, 5 HKD: a code after the amount
_MONEY_AFTER = re.compile(rf"{_LEFT}({_NUM})\s?(万亿|[万亿])?\s?(USD|HKD|EUR|GBP|JPY|CNY|RMB)(?![A-Za-z])")
# 36.00元 -> 三十六元: amounts drop the zeros after the point
_YUAN = re.compile(rf"{_LEFT}(-?)(\d+\.\d+)(?=\s?(?:万亿|[万亿])?(?:多|余)?(?:元|美元|欧元|英镑|日元|港元|澳元|韩元|人民币|块))")

_PERCENT = re.compile(rf"(?<![0-9.])((?<![A-Za-z])[-+])?({_NUM})\s?([%‰])")
_PERCENT_WORD = re.compile(r"[-]?(百分之|千分之)(-?)(\d+(?:\.\d+)?)")
_TEMPERATURE = re.compile(rf"(?<![A-Za-z0-9.])(-?)({_NUM})\s?({'|'.join(map(re.escape, TEMPERATURE_UNITS))})")
_UNIT_AFTER = re.compile(rf"{_LEFT}(-?)({_NUM})\s?(万|亿)?\s?({UNIT})")
# 元/吨, 微克/立方米, 公里/小时: "per" between two unit words is 每
_PER_UNIT = re.compile(
    r"(?<=元|米|克|吨|升|度|次|人|个|件|斤|里|亩|天|时|户|瓦|秒|钟|位)/"
    r"(?=吨|千克|公斤|斤|克|米|平方米|立方米|小时|天|年|月|周|人|户|亩|秒|分钟|分|次|台|辆|件|个|升|瓶|盒|公里|千米|平方公里|千瓦时|度|公顷)"
)
# mg/L, m³/s, kg/hm², 毫克/L once the amount is read: a unit symbol after a slash is "per" it.
_PER_SYMBOLS = {**UNITS, "s": "秒", "hm²": "公顷", "hm2": "公顷", "ha": "公顷"}
_PER_SYMBOL = re.compile(
    r"(?<=[元米克吨升度次人个件斤里亩天时户瓦秒钟位顷])/("
    + "|".join(re.escape(u) for u in sorted(_PER_SYMBOLS, key=len, reverse=True))
    + r")(?![A-Za-z0-9²³.零〇一二两三四五六七八九十百千万亿点])"
)
_WAN = re.compile(rf"(?<=\d)[wW](?=[{HAN_CHARS}])")


def rewrite(text: str) -> str:
    text = _MONEY.sub(_money, text)
    text = _MONEY_AFTER.sub(lambda m: amount(m[1]) + (m[2] or "") + _PREFIX_CURRENCY[m[3]], text)
    text = _YUAN.sub(lambda m: ("负" if m[1] else "") + amount(m[2]), text)
    text = _PERCENT.sub(lambda m: {"-": "负", "+": "正", None: ""}[m[1]] + percent(m[2], m[3]), text)
    text = _PERCENT_WORD.sub(_percent_word, text)
    text = _TEMPERATURE.sub(lambda m: temperature(m[1] + m[2]) + UNITS[m[3]], text)
    text = _UNIT_AFTER.sub(_unit_after, text)
    text = _PER_UNIT.sub("每", text)
    for _ in range(3):  # 吨/km/h: each "per" makes the word the next one follows
        before, text = text, _PER_SYMBOL.sub(lambda m: "每" + _PER_SYMBOLS[m[1]], text)
        if text == before:
            break
    return _WAN.sub("万", text)


def amount(s: str) -> str:
    """A sum of money: trailing zeros after the point are not said; a lone 2 is 两."""
    if "." in s:
        return decimal(s, strip_zeros=True)
    return count(s)


def percent(s: str, sign: str = "%") -> str:
    head = "百分之" if sign == "%" else "千分之"
    return head + (decimal(s, strip_zeros=True) if "." in s else number(s))


def temperature(s: str) -> str:
    """Below zero is 零下 (零下十摄氏度), as weather reports say it."""
    if s.startswith("-"):
        return "零下" + number(s[1:])
    return number(s)


def quantity(s: str, unit: str) -> str:
    """A number with a unit symbol: 25kg -> 二十五千克, 2m -> 两米, 10km/h -> 每小时十公里."""
    if unit in TEMPERATURE_UNITS:
        return temperature(s) + UNITS[unit]
    if unit == "km/h":
        return "每小时" + number(s) + "公里"
    lone_two = "二" if unit == "°" else "两"
    return number(s, lone_two=lone_two) + UNITS[unit]


def _unit_after(m: re.Match) -> str:
    if m[3]:  # 1.2万㎡: the multiplier sits between the number and the unit
        return number(m[1] + m[2], lone_two="两") + m[3] + UNITS[m[4]]
    return quantity(m[1] + m[2], m[4])


def _money(m: re.Match) -> str:
    sign = "负" if (m[1] or m[3]) else ""
    return sign + amount(m[4]) + (m[5] or "") + _PREFIX_CURRENCY[m[2]]


def _percent_word(m: re.Match) -> str:
    sign = "负" if m[0].startswith("-") else ""
    inner = "负" if m[2] else ""
    return sign + m[1] + inner + (decimal(m[3]) if "." in m[3] else number(m[3]))
