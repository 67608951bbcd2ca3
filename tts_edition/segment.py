"""Paragraphs -> sentences, and a sentence's spoken text -> chunks a voice can take.

Sentences end at 。！？!?… and at ；. In Chinese news ；separates long
parallel clauses that each stand as a statement (建设标准化政务服务中心；推行…);
ending a sentence there gives the listener a breath where the writer put one,
and keeps sentences short enough for the offline voice. A full stop inside
brackets or book-title marks (（…。…）, 《…》) never ends a sentence; inside
quotes it ends one only together with the closing quote (…众善之师也。”), or
when the quotation runs on for many sentences. Closing quotes and brackets
stay with the sentence they close. A decimal point or a dot in 3.5 or
www.gov.cn is not a full stop.

A dateline or byline opening a paragraph (新华社北京11月24日电, 本报讯（记者李强）)
is a sentence of its own, so it is read as the article's first sentence. A
continuation mark (（下转三版）) stays with the sentence before it, since it
is not one itself. Sentences longer than ``MAX_SENTENCE`` (a line of text
with no punctuation at all) are cut at a comma or a word boundary, so one
runaway line never becomes one enormous piece of work.
"""

from __future__ import annotations

import re

from tts_edition.model import Edition, Sentence
from tts_edition.zh import is_continuation_mark, words

MAX_SENTENCE = 300

_OPEN = "“‘「『（(《〈【〔［[{"
_CLOSE = "”’」』）)》〉】〕］]}"
_PAIRS = dict(zip(_CLOSE, _OPEN, strict=True))
_QUOTES = "“‘「『\""  # opening quotes, and the straight quote that opens and closes
_STOPS = "。！？!?…；;"
_CLAUSE = "，、：；,;:"
_BREAKS = _CLAUSE + _STOPS
_SPECIAL = re.escape(_OPEN + _CLOSE + _STOPS + '."')
_RUNS = re.compile(rf"[^{_SPECIAL}]+|.", re.DOTALL)

_DATELINE = re.compile(
    r"^\s*(?:"
    r"(?:(?:据)?(?:新华社|中新社|本报)[^\s，。！？、（(]{2,24}?电|本报讯)(?:\s*[（(][^）)]{1,40}[）)])?"
    r"|[（(](?:本报)?记者[^）)]{1,40}[）)]"
    r")"
)
_WORDY = re.compile(r"\w")


def segment(edition: Edition) -> Edition:
    """Fill every paragraph's sentences (text as printed; ``spoken`` left for the normaliser)."""
    for article in edition.articles:
        for paragraph in article.paragraphs:
            paragraph.sentences = [Sentence(text=t) for t in split_sentences(paragraph.text)]
        article.paragraphs = [p for p in article.paragraphs if p.sentences]
    return edition


def split_sentences(text: str) -> list[str]:
    """Cut one paragraph into sentences; none is empty or punctuation only."""
    text = text.strip()
    pieces: list[str] = []
    m = _DATELINE.match(text)
    if m and m.end() < len(text) and text[m.end()] not in _CLAUSE + _STOPS:
        pieces.append(m.group(0).strip())
        text = text[m.end() :].lstrip()
    pieces += _cut(text)
    pieces = [s for p in pieces for s in _split_long(p)]
    return _tidy(pieces)


def _cut(text: str) -> list[str]:
    pieces: list[str] = []
    stack: list[str] = []  # open brackets and quotes
    start = 0
    pending = False  # a stop was seen; the sentence ends after any closers
    for m in _RUNS.finditer(text):
        ch = m.group(0)
        pos = m.start()
        if pending and ch not in _CLOSE and ch not in _STOPS and ch != '"':
            pieces.append(text[start:pos])
            start = pos
            pending = False
        if len(ch) > 1:
            continue
        if ch in _OPEN:
            stack.append(ch)
        elif ch in _CLOSE:
            if _PAIRS[ch] in stack:
                while stack and stack.pop() != _PAIRS[ch]:
                    pass
        elif ch == '"':
            if stack and stack[-1] == '"':
                stack.pop()
            else:
                stack.append('"')
        elif ch in _STOPS or (ch == "." and _is_full_stop(text, pos)):
            # inside quotes a stop ends the sentence only where the quote closes after it, or
            # where the quotation runs so long that its inner stops must end sentences
            quoted = all(s in _QUOTES for s in stack)
            if not stack or (quoted and (pos - start > 150 or _closes_next(text, pos))):
                pending = True
    pieces.append(text[start:])
    return pieces


def _is_full_stop(text: str, pos: int) -> bool:
    """A '.' ends a sentence when followed by a space or the end, not inside 3.5 or www.gov.cn."""
    after = text[pos + 1 : pos + 2]
    return after == "" or after.isspace() or after in _CLOSE


def _closes_next(text: str, pos: int) -> bool:
    """Whether the stop at pos is followed (after more stops) by a closing quote."""
    rest = text[pos + 1 : pos + 4].lstrip(_STOPS)
    return bool(rest) and rest[0] in "”’」』\""


def _split_long(sentence: str) -> list[str]:
    """Cut a sentence longer than MAX_SENTENCE at a comma, else between words."""
    if len(sentence) <= MAX_SENTENCE:
        return [sentence]
    out: list[str] = []
    start = 0
    while len(sentence) - start > MAX_SENTENCE:
        cut = start + _cut_point(sentence[start : start + MAX_SENTENCE + 8], MAX_SENTENCE)
        out.append(sentence[start:cut])
        start = cut
    out.append(sentence[start:])
    return out


def _cut_point(text: str, limit: int) -> int:
    for i in range(limit - 1, limit // 2 - 1, -1):
        if text[i] in _CLAUSE:
            return i + 1
    return _word_boundary(text, limit)


def _word_boundary(text: str, limit: int) -> int:
    """The word boundary nearest below ``limit``, from jieba on a small window only."""
    lo = max(1, limit - 12)
    pos = lo
    best = limit
    for word in words(text[lo : limit + 6]):
        if lo < pos <= limit:
            best = pos
        pos += len(word)
    return best


def _tidy(pieces: list[str]) -> list[str]:
    """Strip pieces; glue continuation marks and punctuation-only bits to a neighbour."""
    out: list[str] = []
    carry = ""  # a leading bit that belongs to the next sentence
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        if is_continuation_mark(piece) or not _WORDY.search(piece):
            if out:
                out[-1] += piece
            else:
                carry += piece
            continue
        out.append(carry + piece)
        carry = ""
    if carry and out:
        out[-1] += carry
    elif carry and _WORDY.search(carry):
        out.append(carry)
    return out


# -- chunks ---------------------------------------------------------------------------------


def chunks(spoken: str, max_chars: int) -> list[str]:
    """Cut one sentence's spoken text into pieces of at most ``max_chars``.

    Cuts go after clause punctuation (，、：；) when there is one in reach,
    else between jieba words, never inside a word (unless one word alone is
    longer than ``max_chars``). Punctuation stays attached to a neighbour, so
    no piece is punctuation only, and ``"".join(chunks(s, n)) == s``. Only a
    pile of punctuation nearly as long as the limit around one word can push
    a piece past it: keeping punctuation off its own wins.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    if len(spoken) <= max_chars:
        return [spoken] if spoken else []
    out: list[str] = []
    current = ""
    for unit in _units(spoken):
        if len(current) + len(unit) > max_chars:
            best = _last_clause_end(current)
            if best >= max(1, max_chars // 3):
                out.append(current[:best])
                current = current[best:]
            if current and len(current) + len(unit) > max_chars:
                out.append(current)
                current = ""
            while len(unit) > max_chars:  # one word longer than the limit: the only cut inside a word
                cut = _hard_cut(unit, max_chars)
                out.append(unit[:cut])
                unit = unit[cut:]
        current += unit
    if current:
        out.append(current)
    return _merge_bare(out)


def _hard_cut(unit: str, max_chars: int) -> int:
    """Where to cut a word too long for one chunk: at the limit, unless that leaves bare punctuation."""
    rest = unit[max_chars:]
    if _WORDY.search(rest):
        return max_chars
    last = max((m.start() for m in _WORDY.finditer(unit)), default=max_chars)
    return max(1, min(max_chars, last))


def _last_clause_end(text: str) -> int:
    """Length of ``text`` up to and including its last clause punctuation (and what follows it)."""
    for i in range(len(text) - 1, -1, -1):
        if text[i] in _BREAKS:
            j = i + 1
            while j < len(text) and (text[j] in _CLOSE or text[j].isspace()):
                j += 1
            return j if _WORDY.search(text[:j]) else -1
    return -1


def _units(text: str) -> list[str]:
    """jieba words, with punctuation and spaces glued to the word before (openers to the word after)."""
    units: list[str] = []
    opener = ""
    for word in words(text, hmm=True):
        if all(c in _OPEN for c in word) or (not _WORDY.search(word) and (opener or not units)):
            opener += word
        elif units and not _WORDY.search(word) and not opener:
            units[-1] += word
        else:
            units.append(opener + word)
            opener = ""
    if opener:
        if units:
            units[-1] += opener
        else:
            units.append(opener)
    return units


def _merge_bare(pieces: list[str]) -> list[str]:
    """Fold any piece without a letter or digit into a neighbour (only hard cuts make them)."""
    out: list[str] = []
    for piece in pieces:
        if (out and not _WORDY.search(piece)) or (out and not _WORDY.search(out[-1])):
            out[-1] += piece
        else:
            out.append(piece)
    return out
