"""Markdown-style text or a raw page, decided from the text itself.

Markdown here means what publishers' exports and hand-cleaned editions look
like: ``#`` headings over blank-line separated paragraphs. A raw page (PDF or
OCR export) has no headings and lines broken at the column width. One heading
line is enough to call a text markdown; ``format=`` overrides the guess.
"""

from __future__ import annotations

import re

FORMATS = ("auto", "markdown", "raw", "html")

_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
_HTML = re.compile(r"^\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)


def detect_format(text: str, suffix: str = "") -> str:
    """Return "html", "markdown" or "raw" for a decoded text (and its file suffix)."""
    if suffix.lower() in (".html", ".htm", ".xhtml") or _HTML.match(text[:2000]):
        return "html"
    if suffix.lower() in (".md", ".markdown") or _HEADING.search(text[:1_000_000]):
        return "markdown"
    return "raw"
