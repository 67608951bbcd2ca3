"""Mandarin front end for the offline voice: spoken text -> the voice's symbols.

The voice (FastSpeech2 trained on Databaker CSMSC) reads a sequence such as
``sil zh ong1 #0 g uo2 #1 r en2 sil eos``: per syllable its initial and its final
with a tone digit, ``#0`` between syllables of one prosodic word, ``#1``-``#3``
for stronger breaks. This module makes that sequence the way the corpus was
labelled: jieba words give the prosodic words, clause punctuation the big breaks,
pypinyin (with its phrase dictionary and ours) the syllables, and a few rules the
tone changes a reader makes without thinking (third-tone sandhi, 一, 不).

Polyphones that a dictionary cannot settle are in ``polyphones.py``.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from ..zh import HAN, HAN_CHARS, pos_tokenizer
from . import polyphones
from .baker import mapper
from .base import BadRequest

log = logging.getLogger(__name__)

# How strongly speech breaks after a punctuation mark (CSMSC labels: #3 at commas
# and stops, #2 at lighter phrase edges, #1 between prosodic words).
CLAUSE_MARKS = set("，,；;：:。.！!？?…")
PHRASE_MARKS = set("、“”‘’\"'《》〈〉「」『』（）()[]【】—-～~·/")

# Latin letters read the way Chinese news readers name them, written with the
# nearest Mandarin syllables the voice knows (it has no English phones).
LETTER_NAMES: dict[str, list[str]] = {
    "A": ["ei1"], "B": ["bi4"], "C": ["xi1"], "D": ["di4"], "E": ["yi4"],
    "F": ["ai2", "fu5"], "G": ["ji4"], "H": ["ai2", "qi1"], "I": ["ai4"],
    "J": ["jie4"], "K": ["kai4"], "L": ["ai2", "le5"], "M": ["ai2", "mu5"],
    "N": ["en1"], "O": ["ou1"], "P": ["pi1"], "Q": ["qiu1"], "R": ["a4", "er5"],
    "S": ["ai2", "si5"], "T": ["ti4"], "U": ["you1"], "V": ["wei1"],
    "W": ["da2", "bu5", "liu5"], "X": ["ai2", "ke4", "si5"], "Y": ["wai4"], "Z": ["zei4"],
}  # fmt: skip
DIGIT_NAMES = dict(zip("0123456789", ["ling2", "yi1", "er4", "san1", "si4", "wu3", "liu4", "qi1", "ba1", "jiu3"]))

# Words ending in 儿 where 儿 is a full syllable (a child, a son), not the r-suffix.
NOT_ERHUA = set(
    ["女儿", "儿女", "婴儿", "幼儿", "孤儿", "健儿", "男儿", "宠儿", "胎儿", "少儿", "患儿", "孙儿", "侄儿", "弃儿", "新生儿", "混血儿", "托儿", "育儿", "留守儿", "妻儿", "爱儿", "孩儿", "犬儿", "产儿", "孤儿院"]
)

NUMERALS = set("零〇一二三四五六七八九十两")
HAN_OR_NOT = re.compile(f"[{HAN_CHARS}]+|[^{HAN_CHARS}]+")


@dataclass
class Word:
    """A jieba word (or an override, or a run of letters) with its syllables.

    ``syllables`` has one entry per character for Chinese words, so rules can
    look at a character and its reading together; ``brk`` is the break that
    follows the word (0-3, as the voice's ``#0``-``#3``).
    """

    text: str
    pos: str
    syllables: list[str]
    brk: int = 1
    pinned: bool = False  # an override: no rule may change it
    erhua: bool = False  # its final 儿 is the r-suffix, read with the syllable before


# --- the public functions ---------------------------------------------------


def to_pinyin(
    text: str, overrides: Mapping[str, list[str]] | None = None, *, sandhi: bool = True, model: bool = True
) -> list[str]:
    """The syllables the voice will read, one per Chinese character (an erhua
    儿 as ``er5``) and those of letters and digits, in reading order.

    ``sandhi=False`` is the view polyphones are scored with: dictionary tones
    and exactly one syllable per Chinese character, nothing for letters and
    digits, so the n-th syllable is the n-th Chinese character's.
    ``model=False`` leaves the polyphone model out, to measure what it adds."""
    words = analyse(text, overrides, sandhi=sandhi, model=model)
    if sandhi:
        return [s for w in words for s in w.syllables]
    return [s for w in words if w.pos not in ("letter", "digit") for ch, s in zip(w.text, w.syllables) if HAN.match(ch)]


def to_symbols(text: str, overrides: Mapping[str, list[str]] | None = None) -> list[str]:
    """The voice's symbol sequence, ``sil`` ... ``sil eos``."""
    return symbols_of(analyse(text, overrides))


def analyse(
    text: str, overrides: Mapping[str, list[str]] | None = None, *, sandhi: bool = True, model: bool = True
) -> list[Word]:
    """Words with final syllables and the break after each."""
    text = unicodedata.normalize("NFKC", text)
    overrides = _checked(frozenset((k, tuple(v)) for k, v in (overrides or {}).items()))
    # jieba as it comes, or a private copy that knows the override words, so it cuts 阜蒙县
    # out of 阜蒙县城 where the plain dictionary cuts 阜蒙/县城
    tokens = [(w, p) for w, p in pos_tokenizer(tuple(sorted(overrides))).cut(text, HMM=False)]
    words = _words(tokens, overrides)
    polyphones.apply(words, text, model=model)
    _erhua(words)
    if sandhi:
        _tone_sandhi(words)
    return [w for w in words if w.syllables or w.brk > 1]


# --- segmentation and syllables ---------------------------------------------


def _words(tokens: list[tuple[str, str]], overrides: dict[str, list[str]]) -> list[Word]:
    words: list[Word] = []
    i = 0
    longest = max((len(k) for k in overrides), default=0)
    while i < len(tokens):
        j = _override_end(tokens, i, overrides, longest)
        if j:
            key = "".join(t for t, _ in tokens[i:j])
            words.append(Word(key, "override", list(overrides[key]), pinned=True))
            i = j
            continue
        token, pos = tokens[i]
        head = _override_head(token, overrides, longest)
        if head:
            words.append(Word(head, "override", list(overrides[head]), pinned=True))
            token = token[len(head) :]
        words.extend(_token_words(token, pos))
        i += 1
    _set_breaks(words)
    return words


def _override_end(tokens, i, overrides, longest) -> int:
    """The end of the longest override starting at token i that covers whole
    tokens, so an entry never applies in the middle of a longer jieba word."""
    best, span = 0, ""
    for j in range(i, len(tokens)):
        span += tokens[j][0]
        if len(span) > longest:
            break
        if span in overrides:
            best = j + 1
    return best


def _override_head(token: str, overrides, longest) -> str:
    """The longest override at the head of a longer jieba word (六安 in
    六安市, 南京 in 南京市), as the lexicon's ``apply`` matches it too."""
    for n in range(min(longest, len(token) - 1), 1, -1):
        if token[:n] in overrides:
            return token[:n]
    return ""


def _token_words(token: str, pos: str) -> list[Word]:
    if HAN.search(token):
        return _han_words(token, pos)
    if token in CLAUSE_MARKS:
        return [Word(token, "x", [], brk=3)]
    if token in PHRASE_MARKS:
        return [Word(token, "x", [], brk=2)]
    out = []
    for ch in token:
        if ch.upper() in LETTER_NAMES:
            out.append(Word(ch, "letter", list(LETTER_NAMES[ch.upper()]), brk=0))
        elif ch in DIGIT_NAMES:
            out.append(Word(ch, "digit", [DIGIT_NAMES[ch]], brk=0))
        elif not ch.isspace():
            log.debug("skipping %r: the voice has no reading for it", ch)
    if out:
        out[-1].brk = 1
    return out


def _han_words(token: str, pos: str) -> list[Word]:
    """A jieba token that holds Chinese characters; jieba may glue other
    characters to them, so split those off."""
    out = []
    for run in HAN_OR_NOT.findall(token):
        if HAN.match(run):
            syllables = lazy_pinyin(run, style=Style.TONE3, neutral_tone_with_five=True)
            out.append(Word(run, pos, syllables))
        else:
            out.extend(_token_words(run, "x"))
    return out


PARTICLE_POS = ("u", "y", "e")  # 的 了 着 过 地 得, 吗 呢 吧, 啊 哦


def _set_breaks(words: list[Word]) -> None:
    """A jieba word boundary is a #1 unless a light particle leans on the word
    before it (#0); punctuation raises the break of the word before it."""
    for prev, word in zip(words, words[1:]):
        if not word.syllables:
            prev.brk = max(prev.brk, word.brk)
        elif len(word.text) == 1 and word.pos.startswith(PARTICLE_POS) and prev.brk <= 1:
            prev.brk = 0


@lru_cache(maxsize=4)
def _checked(overrides: frozenset[tuple[str, tuple[str, ...]]]) -> dict[str, list[str]]:
    """The overrides, checked once per set (in practice once per build), not once per piece."""
    for word, syllables in overrides:
        for s in syllables:
            if not _split(s):
                raise BadRequest(f"pronunciation of {word!r}: {s!r} is not a pinyin syllable with a tone digit 1-5")
    return {unicodedata.normalize("NFKC", k): list(v) for k, v in overrides if k}


# --- erhua and tone sandhi --------------------------------------------------


def _erhua(words: list[Word]) -> None:
    """Mark a word-final 儿 that is an r-suffix (哪儿, 一点儿): it is read with
    the syllable before it, which the voice expects as ``... er5`` with no #0."""
    for w in words:
        if w.pinned or len(w.text) < 2 or not w.text.endswith("儿"):
            continue
        if any(w.text.endswith(word) for word in NOT_ERHUA):
            continue
        w.syllables[-1] = "er5"
        w.erhua = True


def _tone_sandhi(words: list[Word]) -> None:
    for group in _groups(words):
        _third_tone(group)
        _yi_bu(group)


def _groups(words: list[Word]) -> list[list[Word]]:
    """Stretches read in one breath: tone changes do not cross punctuation."""
    groups, current = [], []
    for w in words:
        if w.syllables:
            current.append(w)
        if w.brk >= 2 and current:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


def _tone(s: str) -> str:
    return s[-1]


def _third_tone(group: list[Word]) -> None:
    """Two third tones in a row: the first becomes rising (你好 ni2 hao3).
    Inside a word every third tone before another one rises (展览馆 zhan2
    lan2 guan3); across words, right to left, a one-syllable word rises before
    a third tone (很/好 hen2 hao3, so 我很好 wo3 hen2 hao3)."""
    for w in group:
        if w.pinned or w.pos == "letter":
            continue
        tones = [_tone(s) for s in w.syllables]
        for k in range(len(tones) - 1):
            if tones[k] == "3" and tones[k + 1] == "3":
                w.syllables[k] = w.syllables[k][:-1] + "2"
    for prev, nxt in reversed(list(zip(group, group[1:]))):
        if prev.pinned or prev.brk > 1 or len(prev.syllables) != 1:
            continue
        if _tone(prev.syllables[0]) == "3" and nxt.syllables and _tone(nxt.syllables[0]) == "3":
            prev.syllables[0] = prev.syllables[0][:-1] + "2"


def _yi_bu(group: list[Word]) -> None:
    """一 and 不 change tone by the syllable after them: 不是 bu2 shi4,
    一个 yi2 ge4, 一天 yi4 tian1; 一 keeps yi1 in numbers, ordinals and at a
    word's end (第一, 十一, 统一), and both are neutral between a repeated verb
    (看一看, 是不是)."""
    chars = [(w, k, ch) for w in group for k, ch in enumerate(w.text[: len(w.syllables)])]
    for n, (w, k, ch) in enumerate(chars):
        if w.pinned or ch not in "一不" or w.syllables[k] not in ("yi1", "yi2", "yi4", "bu4", "bu2"):
            continue
        before = chars[n - 1][2] if n else ""
        after = chars[n + 1][2] if n + 1 < len(chars) else ""
        next_tone = _tone(chars[n + 1][0].syllables[chars[n + 1][1]]) if after else ""
        w.syllables[k] = _yi_bu_reading(ch, before, after, next_tone, word_final=k == len(w.text) - 1 and len(w.text) > 1)


def _yi_bu_reading(ch: str, before: str, after: str, next_tone: str, word_final: bool) -> str:
    base = "yi" if ch == "一" else "bu"
    if before and before == after and HAN.match(before):
        return base + "5"
    if not after:
        return base + ("1" if ch == "一" else "4")
    if ch == "一" and (before in NUMERALS or before == "第" or after in NUMERALS or word_final):
        return "yi1"
    if next_tone == "4":
        return base + "2"
    return base + "4"


# --- symbols ----------------------------------------------------------------


def symbols_of(words: list[Word]) -> list[str]:
    out = ["sil"]
    for w in words:
        for k, s in enumerate(w.syllables):
            if w.erhua and k == len(w.syllables) - 1:
                _drop_break(out)
                out.append("er5")
            else:
                parts = _split(s)
                if not parts:
                    log.debug("skipping %r in %r: not a syllable the voice knows", s, w.text)
                    continue
                out.extend(parts)
            out.append("#0")
        if out[-1] == "#0":
            out[-1] = f"#{w.brk}"
        elif w.brk > 1 and out[-1].startswith("#"):
            out[-1] = f"#{max(int(out[-1][1]), w.brk)}"
        elif w.brk > 1 and len(out) > 1:
            out.append(f"#{w.brk}")
    _drop_break(out)
    return out + ["sil", "eos"]


def _drop_break(out: list[str]) -> None:
    if out and out[-1].startswith("#"):
        out.pop()


SPECIAL = {"n": "en", "ng": "en", "m": "mu", "hm": "hen", "hng": "heng"}


def _split(syllable: str) -> list[str] | None:
    """``hao3`` -> ``["h", "ao3"]``; None when the voice has no such syllable."""
    m = re.fullmatch(r"([a-zü]+?)(r?)([1-5])", syllable.lower().replace("ü", "v"))
    if not m:
        return None
    base, r, tone = m.groups()
    base = SPECIAL.get(base, base)
    table = mapper()["pinyin_dict"]
    if base + r in table:  # "er" is a syllable, not e + r
        base, r = base + r, ""
    if base not in table:
        return None
    initial, final = table[base]
    return [initial, final + tone] + (["er5"] if r else [])
