"""``index.html``: the editions, newest first, in large print, each opening its player page."""

from __future__ import annotations

from pathlib import Path

from .feed import editions
from ..files import write_text
from .player import render_index

FILE = "index.html"


def write_page(out: Path, title: str = "有声报纸") -> Path:
    return write_text(Path(out) / FILE, render_index(editions(out), title))
