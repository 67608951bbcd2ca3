"""Publishing: chapters JSON, transcripts, the edition record, the feed and the pages.

The audio files and their tags are made by ``formats``; the record says which there are."""

from __future__ import annotations

from pathlib import Path

from .. import killpoints
from .config import FeedConfig, remember
from .cover import default_cover, load_cover
from .edition import edition_tags, episode_title, write_edition
from .feed import editions, write_feed
from .naming import folder_name
from .page import write_page
from .record import Record, read_record
from .subscribe import write_qr

__all__ = [
    "FeedConfig",
    "Record",
    "default_cover",
    "edition_tags",
    "episode_title",
    "folder_name",
    "load_cover",
    "read_record",
    "remember",
    "write_all",
    "write_edition",
    "write_feed",
    "write_page",
]


def write_all(out: Path, config: FeedConfig) -> list[Record]:
    """feed.xml and index.html from the editions on disk, each record read once; returns them."""
    records = editions(out)
    write_feed(out, config, records)
    killpoints.reached("feed")
    feed_url = config.base_url(out) + "feed.xml"
    if config.published:
        write_qr(out, feed_url)
    write_page(out, config.title, records, feed_url=feed_url)
    return records

