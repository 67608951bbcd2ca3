"""``index.html``: the editions, newest first, in large print, each opening its player page."""

from __future__ import annotations

from pathlib import Path

from ..files import write_text
from .feed import editions
from .player import render_index
from .record import Record

FILE = "index.html"


def write_page(out: Path, title: str = "有声报纸", records: list[Record] | None = None, feed_url: str = "") -> Path:
    records = editions(out) if records is None else records
    return write_text(Path(out) / FILE, render_index(records, title, feed_url=feed_url))
