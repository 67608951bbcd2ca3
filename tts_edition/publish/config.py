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
    guid = ""                                # set it to keep podcast:guid after a move
    alternate_enclosures = false             # also list an edition's M4B as podcast:alternateEnclosure
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError

FILE = "feed.toml"


@dataclass(frozen=True)
class FeedConfig:
    title: str = "有声报纸"
    link: str = ""  # base URL; empty: the output folder's file:// URL
    description: str = "报纸全文朗读，每篇文章一个章节。"
    author: str = "tts-edition"
    owner_name: str = "tts-edition"
    owner_email: str = ""
    category: str = "News"
    subcategory: str = "Daily News"
    artwork: str = ""  # URL or file; empty: a generated cover
    language: str = "zh-cn"
    explicit: bool = False
    guid: str = ""  # podcast:guid; empty: derived from the feed URL
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
        changes = {}
        for key, value in overrides.items():
            if value is None:
                continue
            if key not in fields:
                raise UserError(f"{_source}: unknown feed setting {key!r}")
            boolean = fields[key].type in (bool, "bool")
            if boolean and not isinstance(value, bool):
                raise UserError(f"{_source}: {key} must be true or false")
            changes[key] = value if boolean else str(value)
        return dataclasses.replace(self, **changes)

    def base_url(self, out: Path) -> str:
        base = self.link or Path(out).resolve().as_uri()
        return base if base.endswith("/") else base + "/"
