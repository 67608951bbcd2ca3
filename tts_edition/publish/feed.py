"""``feed.xml``: RSS 2.0 with the itunes, podcast and atom namespaces, rebuilt from disk.

Every item comes from an edition folder's ``edition.json``, so the feed can be
rewritten at any time (for a new base URL, say) and never loses an edition that
is still on disk. Items keep the guid and publication time of their first build.

Besides the Podcasting 2.0 tags, each item carries its chapters inline as Podlove
Simple Chapters (``psc:chapters``) and repeats ``podcast:chapters`` and
``podcast:transcript`` under the podcast namespace's first URL (prefix ``pi``):
gPodder and other podcastparser-based apps read only those, while Apple and the
Podcast Index ignore both (unknown namespaces) and read the ``podcast:`` tags.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

from ..errors import BuildError
from ..files import atomic_path, write_bytes
from .chapters import MIME as CHAPTERS_MIME
from .config import FEED, FeedConfig, podcast_guid
from .cover import default_cover, load_cover
from .record import Record, read_record
from .transcript import SRT_MIME, VTT_MIME, timestamp

__all__ = ["FeedConfig", "editions", "podcast_guid", "rebased", "write_feed"]

log = logging.getLogger(__name__)

FILE = FEED
ARTWORK = "artwork.jpg"
NS = {
    "itunes": "http://www.itunes.com/dtds/podcast-1.0.dtd",
    "podcast": "https://podcastindex.org/namespace/1.0",
    "atom": "http://www.w3.org/2005/Atom",
    "psc": "http://podlove.org/simple-chapters",
    # The podcast namespace's first URL, which podcastparser (gPodder) still knows it by.
    "pi": "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
}
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
        audio = folder / record.enclosure.file
        if not audio.exists():
            log.warning("%s: %s is missing; the edition is left out of the feed", folder, record.enclosure.file)
            continue
        record.enclosure.bytes = audio.stat().st_size  # the enclosure length must be the file as served
        records.append(record)
    return sorted(records, key=lambda r: (r.published_at, r.folder), reverse=True)


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
    _sub(channel, "itunes:author", config.author_name)
    owner = _sub(channel, "itunes:owner")
    _sub(owner, "itunes:name", config.owner)
    if config.owner_email:
        _sub(owner, "itunes:email", config.owner_email)
    _sub(channel, "itunes:image", href=image)
    category = _sub(channel, "itunes:category", text=config.category)
    if config.subcategory:
        _sub(category, "itunes:category", text=config.subcategory)
    _sub(channel, "itunes:explicit", "true" if config.explicit else "false")
    _sub(channel, "itunes:type", "episodic")
    if config.new_feed_url:
        _sub(channel, "itunes:new-feed-url", config.new_feed_url)
    _sub(channel, "podcast:guid", config.guid or podcast_guid(feed_url))
    if config.locked is not None:
        locked = {"owner": config.owner_email} if config.owner_email else {}
        _sub(channel, "podcast:locked", "yes" if config.locked else "no", **locked)


def _item(channel: ET.Element, r: Record, config: FeedConfig, base: str) -> None:
    folder = base + quote(r.folder) + "/"
    item = _sub(channel, "item")
    _sub(item, "title", r.title)
    _sub(item, "description", r.description or r.title)
    _sub(item, "guid", r.guid, isPermaLink="false")
    _sub(item, "pubDate", _rfc2822(r.published))
    main = r.enclosure
    _sub(item, "enclosure", url=folder + quote(main.file), length=str(main.bytes), type=main.type)
    if config.alternate_enclosures:
        for alt in r.alternates:
            enclosure = _sub(item, "podcast:alternateEnclosure", type=alt.type, length=str(alt.bytes))
            _sub(enclosure, "podcast:source", uri=folder + quote(alt.file))
    _sub(item, "itunes:title", r.title)
    _sub(item, "itunes:duration", str(round(r.duration)))
    if r.episode:
        _sub(item, "itunes:episode", str(r.episode))
    _sub(item, "itunes:episodeType", "full")
    _sub(item, "itunes:explicit", "true" if config.explicit else "false")
    if r.cover:
        _sub(item, "itunes:image", href=folder + quote(r.cover))
    for ns in ("podcast", "pi"):
        _sub(item, f"{ns}:chapters", url=folder + quote(r.chapters_file), type=CHAPTERS_MIME)
        _sub(item, f"{ns}:transcript", url=folder + quote(r.vtt), type=VTT_MIME, language=config.language)
    _sub(item, "podcast:transcript", url=folder + quote(r.srt), type=SRT_MIME, language=config.language)
    psc = _sub(item, "psc:chapters", version="1.2")
    for chapter in r.chapters:
        _sub(psc, "psc:chapter", start=timestamp(chapter.start), title=chapter.title)


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


def rebased(xml: bytes, base: str) -> bytes:
    """The feed ``xml`` with every link to the folder it was written for pointing under ``base``.

    ``serve`` answers with this, so a phone gets URLs it can fetch (the address it used)
    whatever base URL the feed was built with: a ``file://`` folder or ``127.0.0.1``.
    The podcast's identity (``podcast:guid``, ``itunes:new-feed-url``) is left as written.
    """
    root = ET.fromstring(xml)
    self_link = root.find(f"channel/{_qname('atom:link')}[@rel='self']")
    if self_link is None or not self_link.get("href", "").endswith(FILE):
        return xml
    old = self_link.get("href", "")[: -len(FILE)]
    keep = {_qname("itunes:new-feed-url"), _qname("podcast:guid")}
    for el in root.iter():
        for key, value in el.attrib.items():
            if value.startswith(old):
                el.set(key, base + value[len(old) :])
        if el.tag not in keep and el.text and el.text.startswith(old):
            el.text = base + el.text[len(old) :]
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
