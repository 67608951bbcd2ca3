"""Small judgements about printed Chinese text that every reader shares.

Kept in one place so the markdown, raw-page and HTML readers agree on what
"ends a sentence", "carries on" and "a space that belongs" mean. What a Chinese
character, a continuation mark or a bullet is, every stage shares: ``tts_edition.zh``.
"""

from __future__ import annotations

import re

from tts_edition.zh import BULLETS, HAN_CHARS, continuation_at_end

# Punctuation after which a paragraph is complete. ；and ： are included: a
# paragraph ending with them is a list item or an introduction, not text cut
# by a page break.
TERMINAL = "。！？!?…；;：:"
# Closers that may follow the terminal mark (。” or 。）) and still end it.
CLOSERS = "”’」』）)】〕》\"'"

_CJK = (
    HAN_CHARS
    + "\u3000-\u303f\uff00-\uffef"  # CJK and full-width punctuation
    + "\u2014\u2026\u2018\u2019\u201c\u201d\u00b7\u25cf\u25ba"  # — … ‘’ “” · ● ►
)
_SPACES_NEAR_CJK = re.compile(rf"[ \t\u3000\u00a0]+(?=[{_CJK}])|(?<=[{_CJK}])[ \t\u3000\u00a0]+")
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")


def squeeze_spaces(text: str) -> str:
    """Drop spaces next to Chinese characters or punctuation; keep one between Latin words and numbers.

    Print layouts pad Chinese with spaces (justified columns, 记者 李 强);
    Chinese is written without them. Between Latin words or digit groups a
    space carries meaning, so one is kept there.
    """
    text = _SPACES_NEAR_CJK.sub("", text)
    return _SPACES.sub(" ", text).strip()


def ends_complete(text: str) -> bool:
    """Whether a paragraph ends where a sentence or a list item may end: a terminal mark
    (closers after it allowed), a dateline's 电, or a continuation mark (…。（下转第3版）)."""
    if continuation_at_end(text):  # before the closers go: the mark ends with one
        return True
    text = text.rstrip().rstrip(CLOSERS).rstrip()
    if not text or text.endswith("电"):
        return True
    return text[-1] in TERMINAL


_PUNCTUATION = re.compile(r"[。！？!?，,、；;：:]")
_LATIN_START = re.compile(r"[A-Za-z0-9]")
_LATIN_END = re.compile(r"[A-Za-z,.;:]$")


def has_punctuation(text: str) -> bool:
    """Whether a line holds sentence or clause punctuation (headlines usually hold none)."""
    return bool(_PUNCTUATION.search(text))


def join_lines(lines: list[str]) -> str:
    """Join lines broken by the layout: no space between Chinese, one between Latin words."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and _LATIN_START.match(line) and _LATIN_END.search(out):
            out += " "
        out += line
    return out


def split_bullets(text: str) -> list[str]:
    """Cut a paragraph of bulleted short news into its items, dropping the bullets."""
    parts = re.split(rf"\s*[{BULLETS}]\s*", text)
    return [p.strip() for p in parts if p.strip()]


def starts_with_bullet(text: str) -> bool:
    return bool(text) and text.lstrip()[:1] in BULLETS


def continues(prev: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on a paragraph that a page or column break cut off.

    The previous paragraph must read as running text (it has clause
    punctuation) and stop where no sentence can end; short unpunctuated lines
    such as a speaker's name or a date in brackets are left alone.
    """
    if not prev or not nxt or ends_complete(prev) or not has_punctuation(prev):
        return False
    first = nxt.lstrip()[:1]
    return bool(first) and first not in BULLETS and first != "#"


_BULLET_AFTER_STOP = re.compile(rf"[。！？!?]\s*[{BULLETS}]")


def has_bullets(text: str) -> bool:
    """Whether a paragraph is a run of bulleted items (● at its start or after a full stop)."""
    return starts_with_bullet(text) or bool(_BULLET_AFTER_STOP.search(text))
