"""The large-print web player: ``OUT/<edition>/index.html``, and the large-print editions list.

Chapters and sentences are embedded in the page when it is written rather than
fetched when it is opened, so the page also works opened straight from a disk or
a USB stick (``file://`` forbids fetch). Everything it needs is inline: no fonts,
scripts or styles are requested from anywhere, so it works offline and leaks nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from html import escape, unescape
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

from ..errors import BuildError
from ..files import write_text
from ..timeline import Chapter, Cue
from .record import FILE as RECORD
from .record import Record, read_record

FILE = "index.html"
# A play sign on the accent colour, inline: no favicon.ico request (a 404 on every load otherwise).
FAVICON = (
    "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 64'%3E"
    "%3Crect width='64' height='64' rx='14' fill='%230b3a8c'/%3E"
    "%3Cpath d='M24 16 50 32 24 48z' fill='%23fff'/%3E%3C/svg%3E"
)
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_TIME = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})[.,](\d{3})")
_TAG = re.compile(r"<[^>]*>")
_KIND = re.compile(r"^<c\.(\w+)>")


@dataclass
class Player:
    """What one player page shows."""

    key: str  # the edition folder's name: where the listening position is kept
    title: str
    audio: str  # the audio file beside the page
    paper: str = ""
    duration: float = 0.0
    chapters: list[Chapter] = field(default_factory=list)
    cues: list[Cue] = field(default_factory=list)
    cover: str | None = None  # file name beside the page: the lock screen's picture
    next_part: tuple[str, str] | None = None  # (folder, title) of the part that follows


def player_html(player: Player) -> str:
    chapters = "\n".join(_chapter_button(i, c) for i, c in enumerate(player.chapters))
    first = player.chapters[0].title if player.chapters else ""
    data = {
        "key": player.key,
        "title": player.title,
        "paper": player.paper,
        "duration": player.duration,
        "chapters": [{"start": c.start, "title": c.title} for c in player.chapters],
        "cues": [{"start": c.start, "end": c.end, "text": c.text, "kind": c.kind} for c in player.cues],
        "cover": player.cover,
        "next": f"../{quote(player.next_part[0])}/{FILE}" if player.next_part else None,
    }
    return _fill(
        "player.html",
        title=escape(player.title),
        first_chapter=escape(f"第1篇，共{len(player.chapters)}篇：{first}") if first else "",
        duration=clock(player.duration),
        count=str(len(player.chapters)),
        chapters=chapters,
        audio=escape(quote(player.audio)),
        next_part=_next_part_link(player.next_part),
        favicon=FAVICON,
        data=script_json(data),
        css=_asset("large.css") + _asset("player.css"),
        js=_asset("player.js"),
    )


def _chapter_button(i: int, chapter: Chapter) -> str:
    # The name a screen reader speaks is the visible text plus hidden words that make it a phrase:
    # "第1篇 标题 0:08", so it still contains what a speech-control user sees and says.
    return (
        f'      <li><button type="button" data-index="{i}" data-start="{chapter.start:.3f}">'
        f'<span class="n"><span class="sr">第</span>{i + 1}<span class="sr">篇</span></span>'
        f'<span class="t">{escape(chapter.title)}</span>'
        f'<span class="at">{clock(chapter.start)}</span></button></li>'
    )


def _next_part_link(next_part: tuple[str, str] | None) -> str:
    if not next_part:
        return ""
    folder, title = next_part
    href = escape(f"../{quote(folder)}/{FILE}")
    return f'<p class="next-part"><a class="button" id="next-part" href="{href}">下一部分：{escape(title)} ›</a></p>'


def next_part(folder: Path, part: int | None) -> tuple[str, str] | None:
    """The folder and title of the part after ``part`` of the edition in ``folder``, if it was built."""
    suffix = f"-part{part}"
    if not part or not folder.name.endswith(suffix):
        return None
    following = folder.with_name(folder.name[: -len(suffix)] + f"-part{part + 1}")
    record = read_record(following) if following.is_dir() else None
    return (following.name, record.title) if record else None


def player_of(folder: Path, record: Record) -> Player:
    """The player of the edition in ``folder``, from its record: it shows the transcript's captions."""
    return Player(
        key=folder.name,
        title=record.title,
        audio=record.enclosure.file,
        paper=record.paper,
        duration=record.duration,
        chapters=list(record.chapters),
        cues=record.cues if record.cues is not None else _old_cues(folder / record.vtt),
        cover=record.cover,
        next_part=next_part(folder, record.part),
    )


def write_player(folder: Path) -> Path:
    """Write ``folder/index.html`` for the edition in ``folder``."""
    folder = Path(folder)
    record = read_record(folder)
    if record is None:
        raise BuildError(f"{folder}: no {RECORD} to make a player page from")
    return write_text(folder / FILE, player_html(player_of(folder, record)))


def _old_cues(path: Path) -> list[Cue]:
    """An edition recorded before its cues were (schema 1) has them only in its VTT."""
    return read_vtt(path.read_text("utf-8")) if path.exists() else []


def read_vtt(text: str) -> list[Cue]:
    """Cues from a WebVTT file; tags are dropped and entities decoded, giving the text as printed."""
    cues = []
    for block in re.split(r"\r?\n\s*\r?\n", text.replace("\ufeff", "")):
        lines = block.strip().splitlines()
        for n, line in enumerate(lines):
            if "-->" not in line:
                continue
            start, _, rest = line.partition("-->")
            a, b = _TIME.search(start), _TIME.search(rest)
            if a and b:
                body = " ".join(unescape(_TAG.sub("", t)).strip() for t in lines[n + 1 :])
                kind = _KIND.match(lines[n + 1]) if n + 1 < len(lines) else None
                cues.append(Cue(_seconds(a), _seconds(b), body.strip(), kind.group(1) if kind else "sentence"))
            break
    return cues


def _seconds(m: re.Match) -> float:
    h, mi, s, ms = (int(g or 0) for g in m.groups())
    return h * 3600 + mi * 60 + s + ms / 1000


def render_index(records: Sequence[Record], title: str = "有声报纸", feed: str = "feed.xml", feed_url: str = "") -> str:
    """The large-print list of editions (give them newest first); each opens its player page.

    ``feed_url`` is the feed's address as published: shown to copy, with its QR code, when it
    is a web address; the page's script puts in the address it was opened at when served.
    """
    rows = [_edition_link(r, latest=(i == 0)) for i, r in enumerate(records)]
    if not rows:
        rows = ['    <li class="empty">还没有可以收听的报纸。</li>']
    on_web = feed_url.startswith(("http://", "https://"))
    return _fill(
        "index.html",
        title=escape(title),
        feed=escape(feed),
        feed_url=escape(feed_url if on_web else ""),
        web_hidden="" if on_web else " hidden",
        local_hidden=" hidden" if on_web else "",
        editions="\n".join(rows),
        favicon=FAVICON,
        css=_asset("large.css") + _asset("index.css"),
        js=_asset("index.js"),
    )


def _edition_link(record: Record, latest: bool) -> str:
    facts = " · ".join(x for x in [weekday(record.date), f"{len(record.chapters)}篇", about(record.duration)] if x)
    badge = '<span class="latest">最新</span>' if latest else ""
    return (
        f'    <li><a class="edition" href="{escape(quote(record.folder))}/{FILE}">'
        f'<span class="name">{badge}{escape(record.title)}</span>'
        f'<span class="facts">{escape(facts)}</span></a></li>'
    )


def clock(seconds: float) -> str:
    """3:05, or 1:02:09 past the hour: the same form the page's script shows."""
    total = max(0, int(seconds))
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def about(seconds: float) -> str:
    """How long, as one would say it: 约25分钟, 约1小时10分钟, 40秒."""
    if seconds < 60:
        return f"{round(seconds)}秒"
    total = round(seconds / 60)
    h, m = divmod(total, 60)
    if not h:
        return f"约{m}分钟"
    return f"约{h}小时{m}分钟" if m else f"约{h}小时"


def weekday(date: str | None) -> str:
    """星期二 for 2020-11-24: the title already has the date, the day of the week helps more."""
    try:
        day = dt.date.fromisoformat(date or "")
    except ValueError:
        return ""
    return "星期" + "一二三四五六日"[day.weekday()]


def script_json(data: object) -> str:
    """JSON safe inside <script>: no ``</script>``, ``<!--`` or line separators can end or bend it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


@cache
def _asset(name: str) -> str:
    return files(__package__).joinpath("assets", name).read_text("utf-8")


def _fill(template: str, **values: str) -> str:
    """Put ``values`` into a template's ``{{name}}`` places, in one pass, so no value is read as a template."""

    def value(m: re.Match) -> str:
        return values[m.group(1)]

    return _PLACEHOLDER.sub(value, _asset(template))
