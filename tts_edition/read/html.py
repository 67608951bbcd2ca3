"""An article saved from a news site: its headline and body paragraphs, nothing else.

readability-lxml finds the main content the way browsers' reader views do
(it scores blocks by text and link density), which drops navigation, ads,
related links and footers. It is small and built on lxml; trafilatura does
more (feeds, crawling, metadata) than we need and pulls many more packages.
The headline is the page's ``<h1>`` when there is one, since ``<title>``
usually carries the site's name as well.
"""

from __future__ import annotations

import re

import lxml.html
from readability import Document

from tts_edition.errors import UserError
from tts_edition.model import Article, Paragraph
from tts_edition.read.text import squeeze_spaces

_BLOCKS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre")


def parse(html: str, name: str = "input") -> tuple[str, list[Article]]:
    """Return (headline, [one article of the body paragraphs])."""
    try:
        doc = Document(html)
        summary = doc.summary(html_partial=True)
        page = lxml.html.fromstring(html)
    except Exception as e:  # lxml and readability raise many kinds on broken markup
        raise UserError(f"{name}: cannot read this HTML page ({e})") from None
    headline = _headline(page) or squeeze_spaces(doc.short_title() or "")
    paragraphs = [Paragraph(text=t) for t in _paragraphs(summary) if t != headline]
    if not paragraphs:
        raise UserError(f"{name}: no article text found in this HTML page")
    if _link_share(summary) > MAX_LINK_SHARE:
        raise UserError(f"{name}: no article in this HTML page, only links (a section or index page?)")
    return headline, [Article(title=headline, paragraphs=paragraphs)]


# An article's text is mostly prose; a navigation or index page that readability fell back
# on is mostly link text, and reading it aloud would be a list of menu items.
MAX_LINK_SHARE = 0.5


def _link_share(summary: str) -> float:
    body = lxml.html.fromstring(summary)
    total = len("".join(body.text_content().split()))
    links = sum(len("".join(a.text_content().split())) for a in body.iter("a"))
    return links / total if total else 1.0


def page_text(html: str) -> str:
    """The page's visible text, for finding its date (the byline area says when it was published)."""
    try:
        page = lxml.html.fromstring(html)
    except Exception:
        return ""
    for el in page.xpath("//script|//style"):
        el.drop_tree()
    return page.text_content()


def _headline(page: lxml.html.HtmlElement) -> str:
    for h1 in page.iter("h1"):
        text = _text(h1)
        if text:
            return text
    return ""


def _paragraphs(summary: str) -> list[str]:
    body = lxml.html.fromstring(summary)
    blocks = [el for el in body.iter(*_BLOCKS) if not any(a.tag in _BLOCKS for a in el.iterancestors())]
    texts = [_text(el) for el in blocks] if blocks else [_text(body)]
    return [t for t in texts if t]


def _text(el: lxml.html.HtmlElement) -> str:
    return squeeze_spaces(re.sub(r"\s+", " ", el.text_content()))
