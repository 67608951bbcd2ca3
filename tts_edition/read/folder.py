"""A folder of text files as one edition: one article per file, in name order.

This is how many papers hand over an issue (one file per story). A file's
title heading, or its only headline, titles its article, else the file name;
if a file holds several articles their titles stay in as paragraphs, so no
text is lost.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tts_edition.errors import UserError
from tts_edition.model import Article, Edition, Paragraph
from tts_edition.read.dates import find_date

SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")


def read_folder(
    folder: Path, *, title: str | None = None, date: dt.date | None = None, format: str = "auto"
) -> Edition:
    from tts_edition.read import one_line, read_file

    try:
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES and not p.name.startswith("."))
    except PermissionError:
        raise UserError(f"{folder}: permission denied (cannot list the folder)") from None
    files = [p for p in files if p.is_file()]
    if not files:
        raise UserError(f"{folder}: a folder with no text files ({', '.join(SUFFIXES)})")
    articles: list[Article] = []
    encodings: list[str] = []
    found_date = date
    for path in files:
        heading, parts, encoding, text = read_file(path, format=format)
        articles.append(_one_article(heading, parts, path.stem))
        if encoding not in encodings:
            encodings.append(encoding)
        found_date = found_date or find_date(text)
    return Edition(
        title=one_line(title or folder.name),
        date=found_date,
        articles=articles,
        source=str(folder),
        encoding=", ".join(encodings),
    )


def _one_article(heading: str | None, parts: list[Article], stem: str) -> Article:
    titled = [a for a in parts if a.title]
    name = heading or (titled[0].title if len(titled) == 1 or (titled and titled[0] is parts[0]) else None) or stem
    paragraphs: list[Paragraph] = []
    for part in parts:
        if part.title and part.title != name:
            paragraphs.append(Paragraph(text=part.title))
        paragraphs += part.paragraphs
    return Article(title=name, paragraphs=paragraphs)
