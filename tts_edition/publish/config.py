"""Feed settings: ``OUT/feed.toml`` if present, then command-line options on top.

Example ``OUT/feed.toml`` (every key optional)::

    title = "人民日报 有声版"
    link = "https://example.org/news/"      # base URL the output folder is served from
    description = "每日人民日报全文朗读。"
    author = "某某图书馆"
    owner_name = "某某图书馆"
    owner_email = "podcast@example.org"
    category = "News"                        # an Apple Podcasts category
    subcategory = "Daily News"
    artwork = "artwork.png"                  # a URL, or a file path (relative to OUT)
    language = "zh-cn"
    explicit = false
    locked = true                            # podcast:locked: other platforms may not import the feed
    guid = "…"                               # podcast:guid, written here the first time the feed has a URL
    alternate_enclosures = false             # also list an edition's M4B as podcast:alternateEnclosure

The base URL, title, author, owner e-mail, category and artwork given on the command line
are written here too (``remember``), so a later ``build`` without them keeps the same feed:
same URLs, same ``podcast:guid``. When the base URL changes the feed has moved: the guid
stays, the old URL is kept in ``old_links`` and the feed announces ``itunes:new-feed-url``.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import tomllib
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomlkit

from ..errors import UserError
from ..files import write_text

log = logging.getLogger(__name__)

FILE = "feed.toml"
FEED = "feed.xml"
PODCAST_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")  # from the podcast:guid spec
REMEMBERED = ("link", "title", "author", "owner_email", "category", "artwork")


@dataclass(frozen=True)
class FeedConfig:
    title: str = "有声报纸"
    link: str = ""  # base URL; empty: the output folder's file:// URL
    description: str = "报纸全文朗读，每篇文章一个章节。"
    author: str = ""  # empty: the podcast's title
    owner_name: str = ""  # empty: the author
    owner_email: str = ""
    category: str = "News"
    subcategory: str = "Daily News"
    artwork: str = ""  # URL or file; empty: a generated cover
    language: str = "zh-cn"
    explicit: bool = False
    guid: str = ""  # podcast:guid; empty: derived from the feed URL
    locked: bool | None = None  # podcast:locked yes/no; None: not said
    old_links: tuple[str, ...] = ()  # base URLs the feed was published at before a move
    alternate_enclosures: bool = False  # list other audio formats (M4B) beside the MP3 enclosure

    @classmethod
    def load(cls, out: Path) -> FeedConfig:
        """Read ``OUT/feed.toml``; defaults when it is absent."""
        path = Path(out) / FILE
        if not path.exists():
            return cls()
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise UserError(f"{path}: not valid TOML ({e})") from e
        return cls().merged(**data, _source=str(path))

    def merged(self, _source: str = "options", **overrides) -> FeedConfig:
        """A copy with the given settings replaced; ``None`` means "not given"."""
        fields = {f.name: f for f in dataclasses.fields(self)}
        changes: dict[str, Any] = {}
        for key, value in overrides.items():
            if value is None:
                continue
            if key not in fields:
                raise UserError(f"{_source}: unknown feed setting {key!r}")
            if fields[key].type in (bool, "bool", "bool | None"):
                if not isinstance(value, bool):
                    raise UserError(f"{_source}: {key} must be true or false")
                changes[key] = value
            elif key == "old_links":
                changes[key] = tuple(str(v) for v in value)
            else:
                changes[key] = str(value)
        return dataclasses.replace(self, **changes)

    def base_url(self, out: Path) -> str:
        base = self.link or Path(out).resolve().as_uri()
        return base if base.endswith("/") else base + "/"

    @property
    def published(self) -> bool:
        """Meant for podcast apps: served over HTTP(S), not read from a disk."""
        return bool(re.match(r"^https?://", self.link))

    @property
    def new_feed_url(self) -> str:
        """``itunes:new-feed-url`` after a move, else empty."""
        return self.base_url(Path(".")) + FEED if self.old_links and self.published else ""

    @property
    def author_name(self) -> str:
        return self.author or self.title

    @property
    def owner(self) -> str:
        return self.owner_name or self.author_name


def podcast_guid(feed_url: str) -> str:
    """UUIDv5 of the feed URL without scheme and trailing slashes, as the spec asks."""
    bare = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", feed_url).rstrip("/")
    return str(uuid.uuid5(PODCAST_NAMESPACE, bare))


def remember(out: Path, **given) -> FeedConfig:
    """``OUT/feed.toml`` with the settings given now (``None`` = not given) written into it.

    The file keeps the user's comments and layout (tomlkit). The first time the feed has an
    HTTP(S) URL its ``podcast:guid`` is written down, so it stays for the life of the feed;
    a later, different URL is a move. Warns (once per call: once per command) when a feed
    meant for publishing has no owner e-mail, which directories ask for.
    """
    out = Path(out)
    path = out / FILE
    FeedConfig.load(out).merged(**given)  # refuse unknown or ill-typed settings before writing anything
    doc = tomlkit.parse(path.read_text("utf-8")) if path.exists() else tomlkit.document()
    before = doc.as_string()
    for key in REMEMBERED:
        value = given.get(key)
        if value is None or doc.get(key) == value:
            continue
        old = str(doc.get(key, ""))
        if key == "link" and old and _same_base(old, value):
            continue
        if key == "link" and re.match(r"^https?://", old):
            doc["old_links"] = [*doc.get("old_links", []), old]
            log.warning("feed moved from %s to %s: podcast:guid kept, itunes:new-feed-url announced", old, value)
        doc[key] = value
    config = FeedConfig().merged(**doc.unwrap(), _source=str(path))
    if config.published and not config.guid:
        doc["guid"] = podcast_guid(config.base_url(out) + FEED)
    if doc.as_string() != before:
        write_text(path, doc.as_string())
    # Settings not remembered (alternate_enclosures, say) still count for this command.
    rest = {k: v for k, v in given.items() if k not in REMEMBERED}
    config = FeedConfig().merged(**doc.unwrap(), _source=str(path)).merged(**rest)
    if config.published and not config.owner_email:
        log.warning(
            "the feed at %s has no owner e-mail; podcast directories ask for one: "
            "add owner_email to %s or give --owner-email", config.link, path
        )
    return config


def _same_base(a: str, b: str) -> bool:
    return a.rstrip("/") == b.rstrip("/")
