"""Raw page text, as a PDF or OCR export gives it: reflow it and find the articles.

Such text knows nothing of paragraphs or headlines; it has lines as wide as
the printed column, blank lines where a column or page ended, and headlines
that are just short lines. We read it in three passes:

1. *Blocks*: runs of non-blank lines. Each line is classed as a headline
   candidate (short, no clause or sentence punctuation, or spaced out as
   以 改 革 创 新), a byline (本报记者 谢红静 刘 超) or text.
2. *Items*: a block made only of candidates (and bylines), or a single
   short line with only a comma or colon inside, is a headline,
   kicker and subtitle joined, unless it is a single line as wide as the body
   column, or one whose last word runs on into the next block (有限 / 责任公司):
   that is body text cut by a page break. A block whose short first line
   stands above longer text (表彰大会隆重举行 over the deck) is split there.
   Text lines are joined into paragraphs; a paragraph ends at a line that
   ends a sentence and is shorter than the column, at an indented line or a
   bullet. A paragraph that stops mid-sentence before a blank line carries on
   in the next text block (不 / 断提升).
   A short line right above a byline or dateline is a headline too.
3. *Articles*: a first headline that names a date, weekday or page
   (阜蒙县报 2020年11月25日 星期三) is the masthead, the edition's title.
   Each other headline starts an article; a byline or dateline is its
   first paragraph (its first sentence once segmented), never its title.
   Unpunctuated text right under a headline (a deck, a second deck line)
   stays in the article as opening paragraphs. Bulleted short news (● …)
   after an article's text starts a "简讯" (briefs) article whose paragraphs
   are the items. A headline followed straight by another headline stays an
   article of its own with no paragraphs: its title is all it says.

Continuation marks (（下转三版）) stay in the text; the normaliser keeps them
out of speech. Bullets are print artefacts and are dropped.

Columns printed side by side and exported interleaved cannot be untangled
from the text alone: an article whose headline comes after its body (as in the
county sample) is read in page order.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass

from tts_edition.model import Article, Paragraph
from tts_edition.read.text import (
    ends_complete,
    has_bullets,
    has_punctuation,
    join_lines,
    split_bullets,
    squeeze_spaces,
    starts_with_bullet,
)
from tts_edition.zh import BULLETS, is_continuation_mark, words

BRIEFS_TITLE = "简讯"
# A first line naming the paper's date, weekday or page is the masthead, not a headline.
_MASTHEAD = re.compile(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|星期[一二三四五六日天]|第\s*[0-9一二三四五六七八九十]+\s*版")
_DATELINE_START = re.compile(r"^(?:据)?(?:新华社|中新社|本报讯|本报\S{2,12}?电)")
MAX_HEADLINE = 40  # characters: longer unpunctuated lines are text

_BYLINE = re.compile(
    r"^[（(]?\s*(本报记者|本报通讯员|本报特约记者|特约记者|记者|通讯员|实习生|本报评论员|文\s*[/／]|图\s*[/／]|文图\s*[/／]|摄影)"
)


@dataclass
class _Item:
    kind: str  # "headline", "byline", "text"
    text: str
    open: bool = False  # text that stops mid-sentence and may carry on in the next block
    bullet: bool = False


class _Line:
    """One printed line, with the judgements about it made once."""

    __slots__ = ("byline", "candidate", "raw", "spaced", "text")

    def __init__(self, raw: str):
        self.raw = raw
        self.text = squeeze_spaces(raw)
        self.spaced = is_spaced(raw)
        self.byline = _is_byline(self.text)
        self.candidate = self.spaced or _is_candidate(self.text)


def parse(text: str) -> tuple[str | None, list[Article]]:
    """Return (the masthead if the page opens with one, articles)."""
    blocks = _blocks(text)
    width = _column_width(blocks)
    items: list[_Item] = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        for item in _classify(block, following, width):
            _add(items, item)
    masthead = None
    if items and items[0].kind == "headline" and _MASTHEAD.search(items[0].text):
        masthead = items.pop(0).text
    return masthead, _articles(items)


def _blocks(text: str) -> list[list[_Line]]:
    blocks: list[list[_Line]] = [[]]
    for line in text.splitlines():
        if line.strip():
            blocks[-1].append(_Line(line.rstrip()))
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _column_width(blocks: list[list[_Line]]) -> int:
    """The body column's width in characters: the median length of punctuated lines in paragraphs."""
    lengths = [len(line.text) for b in blocks if len(b) >= 3 for line in b if has_punctuation(line.text)]
    return int(statistics.median(lengths)) if len(lengths) >= 10 else 0  # 0: no column to speak of


# -- pass 1 and 2: lines and blocks --------------------------------------------------------


def is_spaced(line: str) -> bool:
    """以 改 革 创 新: most tokens a single character."""
    if len(line) > 200:
        return False
    tokens = line.split()
    return len(tokens) >= 4 and sum(len(t) == 1 for t in tokens) >= 0.7 * len(tokens)


def _is_byline(text: str) -> bool:
    return len(text) <= 30 and bool(_BYLINE.match(text)) and not re.search(r"[。！？，]", text)


def _is_loose_headline(text: str) -> bool:
    """A headline with a comma or colon inside (习近平：坚持稳中求进，推动高质量发展)."""
    return (
        4 <= len(text) <= 30
        and not re.search(r"[。！？!?；;]", text)
        and text[-1] not in "，,、：:"
        and not starts_with_bullet(text)
        and not text.endswith("电")
        and not _is_byline(text)
    )


def _is_candidate(text: str) -> bool:
    return (
        2 <= len(text) <= MAX_HEADLINE
        and not has_punctuation(text)
        and not starts_with_bullet(text)
        and not is_continuation_mark(text)
        and not text.endswith("电")
    )


def _classify(block: list[_Line], following: list[_Line] | None, width: int) -> list[_Item]:
    heads = [ln for ln in block if not ln.byline]
    if heads and len(heads) <= 4 and all(ln.candidate for ln in heads):
        if not (len(block) == 1 and _is_fragment(block[0], following, width)):
            return _headline_block(block)
    if len(block) == 1 and _is_loose_headline(block[0].text) and not _is_fragment(block[0], following, width):
        return _headline_block(block)
    items: list[_Item] = []
    rest = block
    lead = block[0]
    if len(block) > 1 and lead.candidate and not lead.spaced:
        longest = max(len(ln.text) for ln in block[1:])
        if len(lead.text) < 0.75 * longest:
            items.append(_Item("headline", clean_headline(lead.raw)))
            rest = block[1:]
    elif lead.spaced:
        items.append(_Item("headline", clean_headline(lead.raw)))
        rest = block[1:]
    return items + _text_items(rest, width)


def _headline_block(block: list[_Line]) -> list[_Item]:
    titles = [clean_headline(ln.raw) for ln in block if not ln.byline]
    items = [_Item("headline", " ".join(titles))]
    items += [_Item("byline", ln.text) for ln in block if ln.byline]
    return items


def _is_fragment(line: _Line, following: list[_Line] | None, width: int) -> bool:
    """A lone unpunctuated line that is really body text cut at a page break."""
    if following is None or line.spaced or following[0].raw[:1].isspace():
        return False  # nothing to carry on into, or the next block starts its own paragraph
    if not has_punctuation("".join(ln.text for ln in following[:2])):
        return False
    if width and abs(len(line.text) - width) <= 2:
        return True
    return _word_runs_on(line.text, following[0].text)


def _word_runs_on(before: str, after: str) -> bool:
    """Whether jieba reads a word across the break (有限 / 责任公司)."""
    left, right = before[-4:], after[:4]
    if not left or not right:
        return False
    pos = 0
    for word in words(left + right):
        if pos < len(left) < pos + len(word) and len(word) >= 3:
            return True
        pos += len(word)
    return False


def clean_headline(line: str) -> str:
    """Collapse spaced-out characters (以 改 革 → 以改革); keep one space between phrases."""
    tokens = line.split()
    out: list[str] = []
    run = ""
    for token in tokens:
        if len(token) == 1 and not token.isascii():
            run += token
            continue
        if run:
            out.append(run)
            run = ""
        out.append(token)
    if run:
        out.append(run)
    return " ".join(out).strip().lstrip(BULLETS).strip()


def _text_items(lines: list[_Line], width: int) -> list[_Item]:
    """Join a block's lines into paragraphs; bylines inside a block become their own items."""
    items: list[_Item] = []
    current: list[str] = []
    local = max((len(ln.text) for ln in lines), default=0) if len(lines) >= 3 or not width else width
    if any(ln.raw[:1].isspace() for ln in lines[1:]):
        local = 0  # paragraphs marked by indentation: trust only that

    def flush() -> None:
        if current:
            para = join_lines(current)
            items.append(_Item("text", para, open=not ends_complete(para), bullet=has_bullets(para)))
            current.clear()

    for i, line in enumerate(lines):
        if line.byline and not current:
            items.append(_Item("byline", line.text))
            continue
        after = lines[i + 1] if i + 1 < len(lines) else None
        if line.candidate and after and (after.byline or _DATELINE_START.match(after.text)):
            if not current or ends_complete(current[-1]):  # a headline set straight above its byline
                flush()
                items.append(_Item("headline", clean_headline(line.raw)))
                continue
        if current and (line.raw[:1].isspace() or starts_with_bullet(line.text)):
            flush()
        current.append(line.text)
        if is_continuation_mark(line.text) or (ends_complete(line.text) and len(line.text) <= local - 2):
            flush()
    flush()
    return items


def _add(items: list[_Item], item: _Item) -> None:
    """Append an item, joining text cut by a page break and keeping deck lines as text."""
    prev = items[-1] if items else None
    if prev and prev.kind == "text" and prev.open:
        if item.kind == "text" and not starts_with_bullet(item.text):
            prev.text += item.text
            prev.open = item.open
            prev.bullet = prev.bullet or item.bullet
            return
        before = items[-2] if len(items) >= 2 else None
        if item.kind == "headline" and before is not None and before.kind == "headline":
            items.append(_Item("text", item.text))  # a second deck line under the headline
            return
    if item.kind == "text" and prev is not None and is_continuation_mark(item.text) and prev.kind == "text":
        prev.text += item.text
        return
    items.append(item)


# -- pass 3: articles -----------------------------------------------------------------------


def _articles(items: list[_Item]) -> list[Article]:
    articles: list[Article] = []
    briefs = False  # whether the current article is a run of bulleted items
    for item in items:
        if item.kind == "headline":
            articles.append(Article(title=item.text))
            briefs = False
            continue
        if not articles:
            articles.append(Article(title=""))
        article = articles[-1]
        if item.bullet and not briefs and article.paragraphs:
            article = Article(title=BRIEFS_TITLE)
            articles.append(article)
        if item.bullet:
            briefs = True
            article.paragraphs += [Paragraph(text=t) for t in split_bullets(item.text)]
        else:
            article.paragraphs.append(Paragraph(text=item.text))
    return articles
