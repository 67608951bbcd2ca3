"""The input formats, and which one a text is when the user does not say.

Each format is a reader: a module whose ``parse`` turns decoded text into
articles, listed in ``READERS`` with the file suffixes it owns and what its
text looks like. Adding a format is a module and one entry here.

HTML is recognised by its suffix or its opening tags. Markdown here means what
publishers' exports and hand-cleaned editions look like: ``#`` headings over
blank-line separated paragraphs; one heading line is enough. A raw page (PDF
or OCR export) has no headings and lines broken at the column width: it is
what is left. ``format=`` overrides the guess.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from tts_edition.model import Article
from tts_edition.read import html, markdown, raw

# (title heading or None, articles, the plain text where the edition's date is looked for)
Parsed = tuple[str | None, list[Article], str]

_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_HTML = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)


@dataclass(frozen=True)
class Reader:
    """One input format: how to parse it (text and file name, for messages) and how to know it."""

    name: str
    parse: Callable[[str, str], Parsed]
    suffixes: tuple[str, ...] = ()
    looks_like: Callable[[str], bool] = lambda text: True


def _html(text: str, name: str) -> Parsed:
    heading, articles = html.parse(text, name=name)
    return heading, articles, html.page_text(text)


# In the order a text is tried against them: the first whose suffix or look matches reads it.
READERS = {
    r.name: r
    for r in (
        Reader("html", _html, (".html", ".htm", ".xhtml"), lambda text: bool(_HTML.match(text[:2000]))),
        Reader(
            "markdown",
            lambda text, name: (*markdown.parse(text), text),
            (".md", ".markdown"),
            lambda text: bool(_HEADING.search(text[:1_000_000])),
        ),
        Reader("raw", lambda text, name: (*raw.parse(text), text)),
    )
}
FORMATS = ("auto", *READERS)


def detect_format(text: str, suffix: str = "") -> str:
    """The name of the reader for a decoded text (and its file suffix)."""
    return detect(text, suffix).name


def detect(text: str, suffix: str = "") -> Reader:
    for reader in READERS.values():
        if suffix.lower() in reader.suffixes or reader.looks_like(text):
            return reader
    raise AssertionError("the last reader takes any text")
