"""Chinese text basics that every stage shares: what a Chinese character is, the marks a
printed page adds (continuation notes, bullets), and jieba's words.

The readers, the segmenter, the normaliser, edition naming and the offline voice's front
end all ask these questions. Answered once, here, the stages cannot drift apart as their
own copies had: the readers knew fewer continuation marks than the normaliser, and some
copies counted 〇 or Extension A as Chinese while others did not. This module imports
nothing from the project, so any stage may import it.
"""

from __future__ import annotations

import logging
import re
from functools import cache, lru_cache
from types import ModuleType
from typing import Any

# --- characters -------------------------------------------------------------------------

# The Unified Ideographs: every character in everyday use (GB 2312's hanzi all lie here).
UNIFIED = "\u4e00-\u9fff"
# The ideograph blocks of the Basic Multilingual Plane: Extension A, the Unified Ideographs
# and the Compatibility Ideographs.
IDEOGRAPHS = "\u3400-\u4dbf" + UNIFIED + "\uf900-\ufaff"
# A Chinese character: an ideograph, or 〇 (U+3007), the zero of 二〇二〇年, which Unicode files
# among the punctuation but which is read as a syllable (ling2). Characters beyond the Basic
# Multilingual Plane (Extension B on) are left out: pypinyin cannot spell most of them, so
# the voice skips them like any other symbol.
HAN_CHARS = "\u3007" + IDEOGRAPHS
HAN = re.compile(f"[{HAN_CHARS}]")


def han(text: str) -> list[str]:
    """The Chinese characters of a text, in order (what "no text lost" counts)."""
    return HAN.findall(text)


# --- print artefacts --------------------------------------------------------------------

# A note that an article carries on on another page: （下转三版）（上接一版）（转A3版）
# （紧接第一版）(下转第2版), sometimes with a few words before the bracket closes. Readers keep it
# with the sentence it follows (it ends a paragraph); the normaliser keeps it out of speech.
_PAGE = "A-Za-zＡ-Ｚ0-9０-９零〇一二两三四五六七八九十百"
CONTINUATION = rf"[（(]\s*(?:下转|上接|紧接|详见|接|转|续|见)\s*第?\s*[{_PAGE}]+\s*版[^（()）]{{0,8}}[）)]"
_CONTINUATION = re.compile(CONTINUATION)
_CONTINUATION_AT_END = re.compile(CONTINUATION + r"\s*$")

# Marks that start an item of bulleted short news (● …): readers cut paragraphs at them.
BULLETS = "●○◆◇■□▲△★☆•▪►▶"
# Marks printed for the eye and never read: the bullets, and arrows, reference marks and
# ornaments that papers also set before a line.
ORNAMENTS = BULLETS + "◀▼▽※◎◉➤➢✦✧✪❖▫◼◻"


def is_continuation_mark(text: str) -> bool:
    """Whether a text is a continuation mark and nothing else (spaces aside)."""
    return bool(_CONTINUATION.fullmatch(text.strip()))


def continuation_at_end(text: str) -> bool:
    """Whether a text ends with a continuation mark (…协调解决。（下转三版）)."""
    return bool(_CONTINUATION_AT_END.search(text))


# --- words (jieba) ----------------------------------------------------------------------
#
# Every use of jieba goes through these functions. jieba's own dictionary is loaded once
# per process, on first use; a caller that needs extra words (a lexicon's, the front end's
# overrides) gets a private tokenizer that knows them, so adding words in one place never
# changes how the rest of the program cuts text.


@cache
def _jieba() -> ModuleType:
    """jieba, imported on first use and quiet about building its dictionary."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return jieba


def words(text: str, *, hmm: bool = False) -> list[str]:
    """jieba's words of a text, by its own dictionary (``hmm``: guess words it lacks)."""
    return list(_jieba().cut(text, HMM=hmm))


@lru_cache(maxsize=4)
def tokenizer(extra: tuple[str, ...] = ()) -> Any:
    """jieba's tokenizer; with ``extra`` words, a private one that also knows them, made once
    per tuple of words (in practice once per build). The words are added in the given order,
    which settles the frequency jieba suggests for each."""
    jieba = _jieba()
    if not extra:
        return jieba.dt
    # The dictionary jieba already loaded with the extra words laid over it, not a second load
    # (about 3 s of a build) nor a copy (~15 MB each; issue #10): jieba has no public way to copy
    # a tokenizer. tests/test_zh.py checks the result against a load.
    jieba.dt.check_initialized()
    private = jieba.Tokenizer()
    private.FREQ, private.total, private.initialized = _Overlay(jieba.dt.FREQ), jieba.dt.total, True
    for word in extra:
        private.add_word(word)
    return private


class _Overlay(dict):
    """jieba's word frequencies with a few more words: those added are kept here, the rest is
    read from ``base``, which is never changed. jieba reads its table only through ``in``,
    ``[]`` and ``get``."""

    def __init__(self, base: dict[str, int]):
        super().__init__()
        self.base = base

    def __contains__(self, word: object) -> bool:
        return dict.__contains__(self, word) or word in self.base

    def __missing__(self, word: str) -> int:
        return self.base[word]

    def get(self, word: str, default: Any = None) -> Any:
        return dict.get(self, word) if dict.__contains__(self, word) else self.base.get(word, default)


@lru_cache(maxsize=4)
def pos_tokenizer(extra: tuple[str, ...] = ()) -> Any:
    """``tokenizer(extra)`` that also tags each word's part of speech (jieba.posseg)."""
    _jieba()
    import jieba.posseg

    if not extra:
        return jieba.posseg.dt
    # The default tagger's table of tags, not read again from jieba's files (~35 MB for the whole
    # run, ~1.5 s under load; issue #10): words added without a tag add none, so it is the same.
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer, tagger.word_tag_tab = tokenizer(extra), jieba.posseg.dt.word_tag_tab
    return tagger


def frequency(word: str) -> int:
    """How often jieba's own dictionary counts a word (0 if it lacks it).

    The dictionary is loaded first: asking before anything else cut text must not answer 0.
    """
    jieba = _jieba()
    jieba.dt.check_initialized()
    return int(jieba.get_FREQ(word, 0))


def tag(word: str) -> str:
    """jieba's part-of-speech tag for a word of its dictionary, "x" for one it lacks."""
    # jieba has no public lookup for this; posseg keeps the dictionary's tags in this table.
    return str(pos_tokenizer().word_tag_tab.get(word, "x"))
