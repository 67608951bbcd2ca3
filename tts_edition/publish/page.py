"""``index.html``: the editions, newest first, each with an audio player.

Deliberately plain; a later issue makes it a large-print player.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import quote

from .feed import editions
from .files import write_text

FILE = "index.html"


def _minutes(seconds: float) -> str:
    m, s = divmod(round(seconds), 60)
    return f"{m}分{s:02d}秒"


def page_html(out: Path, title: str = "有声报纸") -> str:
    rows = []
    for r in editions(out):
        href = quote(r.folder) + "/"
        rows.append(
            f"""  <li>
    <h2>{escape(r.title)}</h2>
    <p>{escape(r.date or "")} · {_minutes(r.duration)} · {len(r.chapters)} 篇</p>
    <audio controls preload="none" src="{escape(href + quote(r.mp3))}"></audio>
    <p><a href="{escape(href + quote(r.vtt))}">文字稿</a></p>
  </li>"""
        )
    items = "\n".join(rows)
    return f"""<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="alternate" type="application/rss+xml" href="feed.xml" title="{escape(title)}">
</head>
<body>
<h1>{escape(title)}</h1>
<ul>
{items}
</ul>
</body>
</html>
"""


def write_page(out: Path, title: str = "有声报纸") -> Path:
    return write_text(Path(out) / FILE, page_html(out, title))
