"""Printed news text -> the words a news announcer says.

``normalize`` runs small rewriting passes in a fixed order: first the print
artefacts, then the number readings that need the most context (phone numbers,
dates, clock times), then ranges, measures and symbols, and last the plain
numbers that are left. Each pass turns the digits it understands into Chinese,
so a later, more general pass never sees them.
"""

from __future__ import annotations

import logging
import re

from ..zh import HAN_CHARS
from . import addresses, artefacts, dates, measures, numbers, phones, ranges, symbols, times

log = logging.getLogger(__name__)

PASSES = (
    artefacts.clean,
    ranges.marks,
    symbols.halfwidth,
    addresses.rewrite,
    symbols.to_words,
    phones.rewrite,
    dates.rewrite_numeric,
    times.rewrite,
    symbols.math,
    ranges.rewrite,
    dates.rewrite,
    measures.rewrite,
    symbols.fractions,
    symbols.letters_with_digits,
    numbers.rewrite,
    times.spans,
)
# Symbols and spacing left once the numbers are words; each can make work for
# another (a dropped dash joins two plus signs), so they run until nothing changes.
TIDY = (symbols.lone_operators, artefacts.pauses, symbols.acronyms)


# Most news sentences hold nothing but Chinese characters and Chinese punctuation; for them only
# these passes (and the tidying ones) can change anything, and skipping the number and symbol
# passes makes normalising a whole paper several times faster. A new pass that rewrites plain
# Chinese text belongs here as well as in PASSES (tests/normalize/test_fast_path.py checks).
PLAIN_PASSES = (artefacts.clean,)
_NEEDS_ALL_PASSES = re.compile(rf"[^{HAN_CHARS}，。、；：？！“”‘’《》（）]")


def normalize(text: str) -> str:
    """One printed sentence -> what an announcer says. Never raises."""
    try:
        return normalize_strict(text)
    except Exception:  # a reading bug must not stop a build: say the text as printed
        log.exception("normalize failed on %r", text[:200])
        return text


def normalize_strict(text: str) -> str:
    """``normalize`` without the safety net, for tests that must see every error."""
    passes = PASSES if _NEEDS_ALL_PASSES.search(text) else PLAIN_PASSES
    for rewrite in passes:
        text = rewrite(text)
    for _ in range(4):
        before = text
        for rewrite in TIDY:
            text = rewrite(text)
        if text == before:
            break
    return text
