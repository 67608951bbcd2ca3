"""Numbers said digit by digit: phone numbers, hotlines, service numbers, serials.

Announcers say 1 as 幺 in numbers people dial (幺幺零, 幺二三四五) so it is
not mistaken for 七; serials and codes (编号27149, 2020版) keep 一.
"""

from __future__ import annotations

import re

from .numbers import MEASURE_WORDS, digits

_SEP = r"[-\s]?"
# 0418-8812345, 010 64035547, 13501234567, +86 185 4413 9121, 400-810-8888
_LANDLINE = re.compile(
    r"(?<![\d.\-])(?:[(（]?(0\d{2,3})[)）]?[-—\s]?)(\d{7,8})(?:(转|-)(\d{1,5}))?(?![\d.])"
)
_MOBILE = re.compile(r"(?<![\d.])(?:\+?86[-\s]?)?(1[3-9]\d)[-\s]?(\d{4})[-\s]?(\d{4})(?![\d.])")
_HOTLINE_400 = re.compile(r"(?<![\d.])([48]00)[-\s]?(\d{3})[-\s]?(\d{4})(?![\d.])")
_DIAL_WORDS = r"(?:电话|热线|手机|拨打|致电|固话|尾号|号码|传真|短信|专线|咨询|举报|投诉|求助|报警|联系)"
_DIALLED = re.compile(rf"({_DIAL_WORDS}(?:号码)?(?:是|为)?[：:]?\s*)(\d[\d\-]{{2,}}\d)(?![\d.%])")
# Five-digit service numbers: read as such unless a measure word follows (12345人).
_SERVICE = re.compile(
    r"(?<![\d.第约共近超达逾])(12345|12306|12315|12318|12320|12333|12348|12351|12355|"
    r"12356|12358|12365|12369|12377|12380|12388|10086|10010|10015|95598|96110)(?![\d.%A-Za-z])"
)
# 110, 119, 120, 122 are also plain counts: only with words about calling.
_EMERGENCY = re.compile(
    r"(?<=拨打|打通|报警|急救|电话|热线|致电|求助|呼叫)(11[049]|12[02])(?![\d.%])"
    r"|(?<![\d.])(11[049]|12[02])(?=报警|急救|指挥|电话|热线|服务|平台|接警|接处警|求助|火警|救护|交警|消防|宣传日)"
)
# 985高校, 211工程, 996工作制, 618购物节, 315晚会: numbers used as names
_NAMED = re.compile(
    r"(?<![\d.])(985|211|996|618|315|520)(?=工程|高校|院校|大学|学校|计划|工作制|购物节|大促|晚会|消费)"
)
_SERIAL_WORDS = (
    r"(?:编号|代码|代号|账号|帐号|卡号|邮编|邮政编码|工号|学号|证号|车次|航班号?|型号|批号|批次号|房间号?|分机号?|"
    r"序列号|订单号|单号|门牌号?|登记号|注册号|专利号|文号|准考证号|身份证号)"
)
_SERIAL = re.compile(rf"({_SERIAL_WORDS}(?:是|为)?[：:]?\s*)(\d+)(?![\d.])")
# 302路 (bus), 305室 (room), “26314”号 (a badge): names said digit by digit.
# Three-digit 号 stays a number: 人民路123号, 〔2020〕123号 are 一百二十三号.
_NUMBERED = re.compile(r"(?<![\d.第〕])(?:(\d{3,})(?=[路室])|(\d{4,})(?=[”\"’」]?号))")


def rewrite(text: str) -> str:
    text = _LANDLINE.sub(_landline, text)
    text = _MOBILE.sub(lambda m: _dial("".join(m.groups())), text)
    text = _HOTLINE_400.sub(lambda m: _dial("".join(m.groups())), text)
    text = _DIALLED.sub(_dialled, text)
    text = _SERVICE.sub(_service, text)
    text = _EMERGENCY.sub(lambda m: _dial(m[0]), text)
    text = _NAMED.sub(lambda m: digits(m[1]), text)
    text = _SERIAL.sub(lambda m: m[1] + digits(m[2]), text)
    return _NUMBERED.sub(lambda m: digits(m[0]), text)


def _dial(s: str) -> str:
    return digits(s.replace("-", "").replace(" ", ""), yao=True)


def _landline(m: re.Match) -> str:
    said = _dial(m[1] + m[2])
    if m[4]:
        said += "转" + _dial(m[4])
    return said


def _is_count(after: str) -> bool:
    c = after[:1]
    return bool(c) and (c in MEASURE_WORDS or c in "余多万亿%年月日号元")


def _dialled(m: re.Match) -> str:
    if _is_count(m.string[m.end() : m.end() + 1]):
        return m[0]
    return m[1] + _dial(m[2])


def _service(m: re.Match) -> str:
    if _is_count(m.string[m.end() : m.end() + 1]):
        return m[0]
    return _dial(m[1])
