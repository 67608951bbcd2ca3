"""Web and e-mail addresses, and identifiers that are codes rather than quantities.

An announcer names the letters of an address, says 点 for its dots and 艾特
for @, and reads its digits one by one (www.12345.gov.cn: W W W 点 一二三四五
点 G O V 点 C N). Stock and security codes and other identifiers (贵州茅台
（600519）, 证券代码：000001, 编号2023001) are read digit by digit too: they
name something, they count nothing.
"""

from __future__ import annotations

import re

from ..zh import HAN_CHARS
from .numbers import digits

_TLD = r"(?:com|cn|net|org|gov|edu|int|info|biz|io|hk|tw|mo|uk|jp|kr|de|fr|ru|us|eu|top|xyz|site|tv)"
# Not before a digit, read or not (a second pass must change nothing).
_HOST = rf"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+{_TLD}(?![A-Za-z0-9零〇一二两三四五六七八九])"
_NOT_AFTER = r"(?<![\w.@/\-零〇一二两三四五六七八九])"  # nor after a digit, read or not
_EMAIL = re.compile(rf"{_NOT_AFTER}[A-Za-z0-9][A-Za-z0-9._+-]*@{_HOST}", re.ASCII)
_URL = re.compile(
    rf"{_NOT_AFTER}(?:(?:https?|ftp)://)?(?:(?:www|WWW)\.{_HOST}|{_HOST})(?::\d+)?(?:/[A-Za-z0-9._~%/?=&#-]*)?",
    re.ASCII,
)
_SAID = {".": "点", "@": "艾特", "-": "杠", "_": "下划线", "/": "斜杠", ":": "冒号", "?": "问号",
         "=": "等于", "&": "和", "#": "井号", "~": "波浪号", "%": "百分号", "+": "加"}  # fmt: skip

# Digits that name: in brackets on their own (a listed company's code, maybe with its
# exchange), or after a word that says a code follows.
_CODE_WORDS = r"代码|编码|编号|证券|批号|批次号|序列号|序号|单号|账号|帐号|工号|学号|货号|车次|航班号|邮编|邮政编码"
_BRACKETED_CODE = re.compile(r"(?<=[（(])\s*(\d{6})(?:\s*[.．]\s*(S[HZ]|BJ|HK))?\s*(?=[）)])")
_AFTER_CODE_WORD = re.compile(rf"(?<=[{HAN_CHARS}])((?:{_CODE_WORDS})\s*(?:为|是|：|:)?\s*)(\d{{3,}})(?![\d.])")


def rewrite(text: str) -> str:
    text = _EMAIL.sub(lambda m: spell(m[0]), text)
    text = _URL.sub(lambda m: spell(m[0].rstrip("/.")), text)
    text = _BRACKETED_CODE.sub(lambda m: digits(m[1]) + ("点" + m[2] if m[2] else ""), text)
    return _AFTER_CODE_WORD.sub(lambda m: m[1] + digits(m[2]), text)


def spell(address: str) -> str:
    """Letters named (upper case, one by one), digits one by one, signs said."""
    out = []
    for ch in address:
        if ch.isascii() and ch.isalpha():
            out.append(ch.upper())
        elif ch.isdigit():
            out.append(digits(ch))
        else:
            out.append(_SAID.get(ch, ch))
    return "".join(out)
