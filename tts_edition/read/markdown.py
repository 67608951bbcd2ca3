"""Markdown-style text: ``#`` headings start articles, blank lines separate paragraphs.

How headings are read:

- A heading with text under it is an article, whatever its level. So in the
  national sample the ``#`` speech and the ``##`` reports are all articles, and
  ``### ► 高端要讯`` with its bullets of short news is one *briefs* article
  whose items are its paragraphs: a listener hears "高端要讯" announced and
  then each item, and it gets its own chapter to skip.
- A heading followed directly by a deeper heading titles what follows instead
  of being an empty article: at the top of the file it is the edition's title
  (``# 阜蒙县报 2020年11月25日`` over ``##`` articles); further down it is a
  section heading (要闻, 国际), which is not read out.
- Paragraphs cut by a page break (one ending mid-sentence, the next carrying
  on: 必须紧紧依 / 靠工人阶级) are joined; bulleted short news (● …) is cut into
  one paragraph per item, the bullets dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tts_edition.model import Article, Paragraph
from tts_edition.read.text import continues, has_bullets, join_lines, split_bullets
from tts_edition.zh import BULLETS

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")


@dataclass
class _Section:
    level: int
    title: str
    paragraphs: list[str] = field(default_factory=list)


def parse(text: str) -> tuple[str | None, list[Article]]:
    """Return (edition title from a title heading or None, articles).

    Text before the first heading becomes an article with an empty title;
    the caller names it after the edition.
    """
    sections = _sections(text)
    title = None
    articles: list[Article] = []
    for i, sec in enumerate(sections):
        nxt = sections[i + 1] if i + 1 < len(sections) else None
        if sec.level and not sec.paragraphs and nxt and nxt.level > sec.level:
            if not articles and title is None:
                title = sec.title
            continue
        if sec.level == 0 and not sec.paragraphs:
            continue
        paragraphs = [Paragraph(text=p) for p in _paragraphs(sec.paragraphs)]
        articles.append(Article(title=sec.title, paragraphs=paragraphs))
    return title, articles


def _sections(text: str) -> list[_Section]:
    """Cut the text at headings; each section keeps its raw paragraphs (blank-line separated)."""
    sections = [_Section(level=0, title="")]
    lines: list[str] = []

    def flush() -> None:
        if lines:
            sections[-1].paragraphs.append(join_lines(lines))
            lines.clear()

    for line in text.splitlines():
        m = _HEADING.match(line.strip())
        if m:
            flush()
            sections.append(_Section(level=len(m.group(1)), title=clean_title(m.group(2))))
        elif line.strip():
            lines.append(line)
        else:
            flush()
    flush()
    return sections


def clean_title(title: str) -> str:
    """A heading as it should be announced: without decorative bullets or runs of spaces."""
    title = title.strip().lstrip(BULLETS + " \t\u3000")
    return re.sub(r"[ \t\u3000]+", " ", title).strip()


def _paragraphs(raw: list[str]) -> list[str]:
    """Join paragraphs cut by page breaks, then cut bulleted news into items."""
    joined: list[str] = []
    for p in raw:
        p = re.sub(r"[ \t\u3000]+", " ", p).strip()
        if joined and continues(joined[-1], p):
            joined[-1] += p
        else:
            joined.append(p)
    out: list[str] = []
    for p in joined:
        out.extend(split_bullets(p) if has_bullets(p) else [p])
    return out
