"""``feed.xml``: RSS 2.0 with the itunes, podcast and atom namespaces, rebuilt from disk.

Every item comes from an edition folder's ``edition.json``, so the feed can be
rewritten at any time (for a new base URL, say) and never loses an edition that
is still on disk. Items keep the guid and publication time of their first build.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

from ..errors import BuildError
from ..files import atomic_path, write_bytes
from .chapters import MIME as CHAPTERS_MIME
from .config import FeedConfig
from .cover import default_cover, load_cover
from .record import Record, read_record
from .transcript import SRT_MIME, VTT_MIME

__all__ = ["FeedConfig", "write_feed", "editions", "podcast_guid"]

log = logging.getLogger(__name__)

FILE = "feed.xml"
ARTWORK = "artwork.jpg"
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
}
PODCAST_NAMESPACE = uuid.UUID("ead4c236-bf58-58c6-a2c6-a6b28d128cb6")  # from the podcast:guid spec
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)


def editions(out: Path) -> list[Record]:
    """Every edition in ``out``, newest first; ties broken by folder name, so the order is stable."""
    records = []
    for folder in sorted(Path(out).iterdir()):
        try:
            record = read_record(folder) if folder.is_dir() else None
        except BuildError as e:
            log.warning("%s; the edition is left out of the feed", e)
            continue
        if record is None:
            continue
        mp3 = folder / record.mp3
        if not mp3.exists():
            log.warning("%s: %s is missing; the edition is left out of the feed", folder, record.mp3)
            continue
        record.mp3_bytes = mp3.stat().st_size  # the enclosure length must be the file as served
        records.append(record)
    return sorted(records, key=lambda r: (r.published_at, r.folder), reverse=True)


def podcast_guid(feed_url: str) -> str:
    """UUIDv5 of the feed URL without scheme and trailing slashes, as the spec asks."""
    bare = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", feed_url).rstrip("/")
    return str(uuid.uuid5(PODCAST_NAMESPACE, bare))


def write_feed(out: Path, config: FeedConfig | None = None, records: list[Record] | None = None) -> Path:
    out = Path(out)
    config = config or FeedConfig.load(out)
    base = config.base_url(out)
    records = editions(out) if records is None else records
    channel_image = _artwork(out, config, base)
    rss = ET.Element("rss", {"version": "2.0"})
    channel = _sub(rss, "channel")
    _channel(channel, config, base, channel_image, records)
    for record in records:
        _item(channel, record, config, base)
    ET.indent(rss)
    path = out / FILE
    with atomic_path(path) as tmp:
        ET.ElementTree(rss).write(tmp, encoding="utf-8", xml_declaration=True)
    log.info("wrote %s with %d items", path, len(records))
    return path


def _channel(channel: ET.Element, config: FeedConfig, base: str, image: str, records: list[Record]) -> None:
    feed_url = base + FILE
    _sub(channel, "title", config.title)
    _sub(channel, "link", base)
    _sub(channel, "description", config.description)
    _sub(channel, "language", config.language)
    _sub(channel, "generator", "tts-edition")
    if records:
        newest_build = max(records, key=lambda r: r.built).built
        _sub(channel, "lastBuildDate", _rfc2822(newest_build))
    _sub(channel, "atom:link", href=feed_url, rel="self", type="application/rss+xml")
    img = _sub(channel, "image")
    _sub(img, "url", image)
    _sub(img, "title", config.title)
    _sub(img, "link", base)
    _sub(channel, "itunes:author", config.author)
    owner = _sub(channel, "itunes:owner")
    _sub(owner, "itunes:name", config.owner_name)
    if config.owner_email:
        _sub(owner, "itunes:email", config.owner_email)
    _sub(channel, "itunes:image", href=image)
    category = _sub(channel, "itunes:category", text=config.category)
    if config.subcategory:
        _sub(category, "itunes:category", text=config.subcategory)
    _sub(channel, "itunes:explicit", "true" if config.explicit else "false")
    _sub(channel, "itunes:type", "episodic")
    _sub(channel, "podcast:guid", config.guid or podcast_guid(feed_url))


def _item(channel: ET.Element, r: Record, config: FeedConfig, base: str) -> None:
    folder = base + quote(r.folder) + "/"
    item = _sub(channel, "item")
    _sub(item, "title", r.title)
    _sub(item, "description", r.description or r.title)
    _sub(item, "guid", r.guid, isPermaLink="false")
    _sub(item, "pubDate", _rfc2822(r.published))
    _sub(item, "enclosure", url=folder + quote(r.mp3), length=str(r.mp3_bytes), type="audio/mpeg")
    if config.alternate_enclosures:
        for alt in r.alternates:
            enclosure = _sub(item, "podcast:alternateEnclosure", type=alt["type"], length=str(alt["bytes"]))
            _sub(enclosure, "podcast:source", uri=folder + quote(alt["file"]))
    _sub(item, "itunes:title", r.title)
    _sub(item, "itunes:duration", str(round(r.duration)))
    _sub(item, "itunes:episodeType", "full")
    _sub(item, "itunes:explicit", "true" if config.explicit else "false")
    if r.cover:
        _sub(item, "itunes:image", href=folder + quote(r.cover))
    _sub(item, "podcast:chapters", url=folder + quote(r.chapters_file), type=CHAPTERS_MIME)
    _sub(item, "podcast:transcript", url=folder + quote(r.vtt), type=VTT_MIME, language=config.language)
    _sub(item, "podcast:transcript", url=folder + quote(r.srt), type=SRT_MIME, language=config.language)


def _artwork(out: Path, config: FeedConfig, base: str) -> str:
    """The channel image URL: the configured URL, else a copy of the configured file, else a drawn one."""
    if re.match(r"^https?://", config.artwork):
        return config.artwork
    target = out / ARTWORK
    if config.artwork:
        write_bytes(target, load_cover(out / config.artwork))
    elif not target.exists():
        write_bytes(target, default_cover(config.title, None, subtitle=""))
    return base + ARTWORK


def _sub(parent: ET.Element, tag: str, value: str | None = None, /, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, _qname(tag), {k: _clean(v) for k, v in attrs.items()})
    if value is not None:
        el.text = _clean(value)
    return el


def _qname(tag: str) -> str:
    prefix, _, local = tag.rpartition(":")
    return f"{{{NS[prefix]}}}{local}" if prefix else tag


def _clean(text: str) -> str:
    """XML 1.0 cannot carry most control characters, escaped or not."""
    return _XML_INVALID.sub("", text)


def _rfc2822(iso: str) -> str:
    return email.utils.format_datetime(dt.datetime.fromisoformat(iso))
