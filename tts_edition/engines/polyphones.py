"""Polyphones that pypinyin's phrase dictionary does not settle.

Two tools, in order: our own phrase list (``data/phrases.tsv``, words pypinyin
misreads), then rules for characters that stand alone as a jieba word, where
only the neighbours tell the reading: 地 after an adverbial is de5, 得 after a
verb de5 and before one dei3, a measure word after a numeral (两只 zhi1,
二十行 hang2), 以…为 wei2. Rules were tuned on the ``dev`` half of
``data/polyphones.tsv`` only; the ``heldout`` half measures them.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .mandarin import Word

NUMERAL_CHARS = set("零〇一二三四五六七八九十百千万两几每这那各某多")
ADVERBIAL_POS = {"a", "ad", "an", "b", "d", "z", "i", "l", "v", "vd", "vn"}
SURNAMES = {"曾": "zeng1", "单": "shan4", "解": "xie4", "仇": "qiu2", "朴": "piao2", "区": "ou1",
            "查": "zha1", "盖": "ge3", "华": "hua4", "任": "ren2", "缪": "miao4", "翟": "zhai2",
            "覃": "qin2", "尉": "yu4", "乐": "yue4", "种": "chong2", "折": "she2", "召": "shao4"}  # fmt: skip


@cache
def phrases() -> dict[str, list[str]]:
    text = (files(__package__) / "data" / "phrases.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {word: reading.split() for word, reading in rows}


def apply(words: list[Word]) -> None:
    """Correct the readings of polyphonic characters from their context."""
    for w in words:
        if not w.pinned and w.syllables:
            _phrases(w)
    for i, w in enumerate(words):
        if w.pinned or not w.syllables:
            continue
        prev = words[i - 1] if i and words[i - 1].syllables else None
        nxt = words[i + 1] if i + 1 < len(words) and words[i + 1].syllables else None
        if len(w.text) == 1 and w.text in SINGLE:
            reading = SINGLE[w.text](prev, nxt, words, i)
            if reading:
                w.syllables[0] = reading
        _characters(w, prev)


def _phrases(w: Word) -> None:
    """Overwrite the syllables of every listed phrase inside the word, longest first."""
    table = phrases()
    done = [False] * len(w.text)
    for size in range(len(w.text), 1, -1):
        for start in range(len(w.text) - size + 1):
            piece = w.text[start : start + size]
            if piece in table and not any(done[start : start + size]) and len(table[piece]) == size:
                w.syllables[start : start + size] = table[piece]
                done[start : start + size] = [True] * size


def _characters(w: Word, prev: Word | None) -> None:
    """Rules that look at the character before, inside a word or across."""
    for k, ch in enumerate(w.text[: len(w.syllables)]):
        before = w.text[k - 1] if k else (prev.text[-1] if prev else "")
        if ch == "只" and before in NUMERAL_CHARS:
            w.syllables[k] = "zhi1"  # a measure word: 两只 三只
        elif ch == "血":
            w.syllables[k] = "xue4"  # the reading of news and compounds
        elif before == "姓" and ch in SURNAMES and k == 0:
            w.syllables[k] = SURNAMES[ch]


def _de_particle(prev, nxt, words, i):
    if nxt and nxt.text[0] in "了到":
        return "de2"  # 得了 得到: to get
    if prev and prev.pos[:1] in ("r", "n", "m") and nxt and nxt.pos[:1] in ("v", "d", "l"):
        return "dei3"  # 这件事得抓紧办: must
    if prev:
        return "de5"  # 跑得很快
    return None


def _di(prev, nxt, words, i):
    if prev and nxt and prev.pos in ADVERBIAL_POS and (len(prev.text) > 1 or prev.pos != "v"):
        return "de5"  # 认真地听取
    return None


def _wei(prev, nxt, words, i):
    for w in reversed(words[:i]):
        if not w.syllables:
            break  # only inside the clause
        if w.text in ("以", "化"):
            return "wei2"  # 以人民为中心, 化压力为动力
    return None


def _hang(prev, nxt, words, i):
    if prev and prev.text[-1] in NUMERAL_CHARS and prev.text[-1] != "一":
        return "hang2"  # 二十行
    return None


def _zhao(prev, nxt, words, i):
    if nxt and nxt.text == "了":
        return "zhao2"  # 着了: caught fire, fell asleep
    return None


def _shu(prev, nxt, words, i):
    if (nxt and nxt.text == "了") or (prev and prev.pos == "r"):
        return "shu3"  # 他数了数: to count
    return None


def _zhong(prev, nxt, words, i):
    if prev and prev.text[-1] in NUMERAL_CHARS:
        return "zhong3"  # 这种 几种: a kind
    return "zhong4"  # 忙着种小麦: to plant


def _tan(prev, nxt, words, i):
    return "tan2"  # alone, 弹 is the verb: 弹了一首曲子


SINGLE = {"得": _de_particle, "地": _di, "为": _wei, "行": _hang, "着": _zhao, "数": _shu,
          "种": _zhong, "弹": _tan}  # fmt: skip
