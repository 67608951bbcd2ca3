"""Read an input (a text file, an HTML page or a folder of texts) into an Edition.

Every reader returns articles whose paragraphs have ``text`` set and no
sentences yet; ``tts_edition.segment`` cuts them. Bad input raises UserError
with one line naming the file and what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from tts_edition.errors import UserError
from tts_edition.model import Article, Edition
from tts_edition.read.dates import find_date, split_title
from tts_edition.read.decode import MAX_BYTES, read_text
from tts_edition.read.detect import FORMATS, READERS, detect

__all__ = ["FORMATS", "MAX_BYTES", "guess_note", "read_edition", "read_file"]


def read_edition(
    path: Path,
    *,
    title: str | None = None,
    date: dt.date | None = None,
    format: str = "auto",
) -> Edition:
    """Read a file or a folder of files into an Edition (paragraphs filled, sentences empty).

    Title: ``title``, else a title heading, else the file's name. Date:
    ``date``, else the first full date printed in the text, else None.
    """
    path = Path(path)
    if format not in FORMATS:
        raise UserError(f"unknown format {format!r}: choose one of {', '.join(FORMATS)}")
    if path.is_dir():
        from tts_edition.read.folder import read_folder

        return read_folder(path, title=title, date=date, format=format)
    heading, articles, encoding, text = read_file(path, format=format)
    heading, heading_date = split_title(heading) if heading else (None, None)
    edition_title = one_line(title or heading or best_title(articles) or path.stem)
    if not edition_title:
        raise UserError(f"{path}: the edition's title is empty; give one with --title")
    edition_date = date or heading_date or find_date(text)
    for article in articles:
        article.title = " ".join((article.title or "").split()) or edition_title
    guessed = [what for what, known in (("title", title or heading), ("date", date or heading_date)) if not known]
    return Edition(
        title=edition_title,
        date=edition_date,
        articles=articles,
        source=str(path),
        encoding=encoding,
        guessed=guessed,
    )


MAX_TITLE = 100  # characters of an edition title: a cover, an episode name, a line in a podcast app


def one_line(title: str) -> str:
    """A title as one line (a newline from a file name or --title would break the cover and the feed),
    cut at ``MAX_TITLE`` characters."""
    title = " ".join(title.split())
    return title if len(title) <= MAX_TITLE else title[: MAX_TITLE - 1] + "…"


def guess_note(edition: Edition) -> str | None:
    """What the build says when the title was guessed (no masthead, no --title), and the date with it."""
    if "title" not in edition.guessed:
        return None
    if "date" not in edition.guessed:
        return f"{edition.source}: no masthead, so the title was guessed: 「{edition.title}」; give --title to set it"
    dated = f"{edition.date.isoformat()} from the first date in the text" if edition.date else (
        "none (the episode is dated the day it is built)"
    )
    return (
        f"{edition.source}: no masthead, so the title and date were guessed: title 「{edition.title}」, "
        f"date {dated}; give --title and --date to set them"
    )


def best_title(articles: list[Article], longest: int = 24) -> str | None:
    """The lead headline's first line, which is what a reader would call the text, if it has one."""
    for article in articles:
        if article.title and re.search(r"\w", article.title):
            first = article.title.split()[0] if len(article.title.split()[0]) >= 4 else article.title
            return first[:longest]
    return None


def read_file(path: Path, *, format: str = "auto") -> tuple[str | None, list[Article], str, str]:
    """Return (title heading or None, articles, encoding, text) of one file."""
    text, encoding = read_text(path)
    reader = detect(text, path.suffix) if format == "auto" else READERS[format]
    heading, articles, text = reader.parse(text, str(path))
    if not any(re.search(r"\w", p.text) for a in articles for p in a.paragraphs):
        raise UserError(f"{path}: no text to read (only headings or punctuation)")
    return heading, articles, encoding, text
