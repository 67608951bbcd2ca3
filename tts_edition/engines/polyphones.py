"""Polyphones: which reading a character with several takes here.

In order of trust: the user's lexicon (pinned before this stage), our own
phrase list (``data/phrases.tsv``, words pypinyin misreads), pypinyin's phrase
dictionary, then g2pM's model (``neural.py``) for every polyphone no phrase
covers, and for one a phrase covers when the model is near-certain
(CPP dev: phrase dictionary 98.0% where it has the word, model 97.8%; together
97.9%, against 87.3% before the model). Last, rules for characters that
stand alone as a jieba word where the neighbours tell the reading: 地 after an
adverbial is de5, 得 after a verb de5 and before one dei3, a measure word after
a numeral (两只 zhi1, 二十行 hang2), 以…为 wei2. Rules were tuned on the
``dev`` half of ``data/polyphones.tsv`` only; the ``heldout`` half measures them.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from pypinyin.constants import PHRASES_DICT
from pypinyin.seg.mmseg import seg

from . import neural

if TYPE_CHECKING:
    from .mandarin import Word

NUMERAL_CHARS = set("零〇一二三四五六七八九十百千万两几每这那各某多")
ADVERBIAL_POS = {"a", "ad", "an", "b", "d", "z", "i", "l", "v", "vd", "vn"}
SURNAMES = {"曾": "zeng1", "单": "shan4", "解": "xie4", "仇": "qiu2", "朴": "piao2", "区": "ou1",
            "查": "zha1", "盖": "ge3", "华": "hua4", "任": "ren2", "缪": "miao4", "翟": "zhai2",
            "覃": "qin2", "尉": "yu4", "乐": "yue4", "种": "chong2", "折": "she2", "召": "shao4"}  # fmt: skip


def _rows(name: str) -> list[list[str]]:
    text = (files(__package__) / "data" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def phrases() -> dict[str, list[str]]:
    return {word: reading.split() for word, reading in _rows("phrases.tsv")}


def apply(words: list[Word], text: str, *, model: bool = True, rules: bool = True) -> None:
    """Correct the readings of polyphonic characters from their context;
    ``text`` is what the words were cut from (the model reads all of it).
    ``model`` and ``rules`` off measure what each part adds."""
    listed = {id(w): _phrases(w) if not w.pinned and w.syllables else set() for w in words}
    if model:
        _model(words, text, listed)
    if rules:
        _rules(words)


def _model(words: list[Word], text: str, listed: dict[int, set[int]]) -> None:
    """The model's reading for every polyphone no phrase settles; where
    pypinyin's phrase dictionary has one, only when CPP dev showed the model
    right where that phrase reading is wrong (``data/overrule.tsv``)."""
    net = neural.model()
    places, start = [], 0
    for w in words:
        at = text.find(w.text, start)
        if at < 0:
            continue
        start = at + len(w.text)
        if w.pinned or w.pos in ("letter", "digit") or len(w.syllables) != len(w.text):
            continue
        covered = _phrase_covered(w.text)
        for k, ch in enumerate(w.text):
            if net.is_polyphone(ch) and k not in listed[id(w)]:
                places.append((w, k, at + k, k in covered))
    guesses = net.predict(text, [p for _, _, p, _ in places])
    for (w, k, _, covered), guess in zip(places, guesses):
        if guess.reading and (not covered or (w.text[k], w.syllables[k], guess.reading) in overrule()):
            w.syllables[k] = guess.reading


@cache
def overrule() -> set[tuple[str, str, str]]:
    """(character, phrase reading, model reading): where the model beats pypinyin's phrases."""
    return {tuple(row) for row in _rows("overrule.tsv")}


def _phrase_covered(word: str) -> set[int]:
    """Positions inside a word that pypinyin reads from a phrase of its
    dictionary (it cuts a word into its longest known phrases)."""
    covered, at = set(), 0
    for piece in seg.cut(word):
        if len(piece) > 1 and piece in PHRASES_DICT:
            covered.update(range(at, at + len(piece)))
        at += len(piece)
    return covered


def _rules(words: list[Word]) -> None:
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


def _phrases(w: Word) -> set[int]:
    """Overwrite the syllables of every listed phrase inside the word, longest
    first; the positions it set."""
    table = phrases()
    done = [False] * len(w.text)
    for size in range(len(w.text), 1, -1):
        for start in range(len(w.text) - size + 1):
            piece = w.text[start : start + size]
            if piece in table and not any(done[start : start + size]) and len(table[piece]) == size:
                w.syllables[start : start + size] = table[piece]
                done[start : start + size] = [True] * size
    return {k for k, d in enumerate(done) if d}


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
    after = [w.pos[:1] for w in words[i + 1 : i + 4] if w.syllables]
    if after[:1] in (["n"], ["r"]) and "v" in after[1:3]:
        return "wei4"  # for someone, then what is done: 为人民服务, 为国家作出贡献
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


def _zhang(prev, nxt, words, i):
    later = words[i + 2] if i + 2 < len(words) else None
    if nxt and (nxt.text in ("出", "成", "满") or (nxt.text == "了" and later and later.pos.startswith("m"))):
        return "zhang3"  # 长了一百多年, 长出新芽: to grow
    return None


def _chong(prev, nxt, words, i):
    if prev and prev.text in DEGREE:
        return "chong4"  # 说话很冲: blunt, strong
    return None


def _cha(prev, nxt, words, i):
    if nxt and nxt.text in ("了", "得", "一些", "一点", "多少"):
        return "cha4"  # 差了一些: falls short
    return None


def _tan(prev, nxt, words, i):
    return "tan2"  # alone, 弹 is the verb: 弹了一首曲子


SINGLE = {"得": _de_particle, "地": _di, "为": _wei, "行": _hang, "着": _zhao, "数": _shu,
          "种": _zhong, "弹": _tan, "冲": _chong, "差": _cha,
          "长": _zhang}  # fmt: skip
DEGREE = {"很", "太", "真", "挺", "特别", "非常", "比较", "有点", "更"}
