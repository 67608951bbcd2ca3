"""A new output format is one class and its entry in FORMATS: the preset accepts it, the record,
the feed and the server take its file name and media type from it, and nothing else changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from tests import synthetic
from tts_edition import audio, formats, presets, publish
from tts_edition.assemble import Assembled
from tts_edition.formats import FORMATS, Tags
from tts_edition.serve import content_type


@dataclass(frozen=True)
class FLAC:
    name: str = "flac"
    file_name: str = "edition.flac"
    media_type: str = "audio/flac"

    def write(self, assembled: Assembled, target: Path, *, tags: Tags, bitrate: int) -> None:
        audio.encode(assembled.pcm, assembled.sample_rate, target, assembled.filters, ["-c:a", "flac", "-f", "flac"])


def test_a_format_registered_flows_to_the_record_the_feed_and_the_server(tmp_path, monkeypatch):
    monkeypatch.setitem(FORMATS, "flac", FLAC())
    preset = presets.load("standard").with_options(formats=["flac"])
    chosen = [FORMATS[name] for name in preset.audio.formats]  # as the pipeline resolves them
    assert [f.name for f in chosen] == ["mp3", "flac"]

    ed = synthetic.edition(2, 1)
    pieces = synthetic.pieces_for(ed)
    folder = tmp_path / "out" / publish.folder_name(ed)
    wavs = synthetic.wavs_for(pieces, tmp_path / "wavs")
    timeline = synthetic.encode(pieces, wavs, ed, folder, Tags("t", "a", "p"), formats=tuple(chosen))
    record = publish.write_edition(
        folder, ed, timeline, [(f.file_name, f.media_type) for f in chosen],
        now=dt.datetime(2020, 11, 24, tzinfo=dt.UTC),
    )
    assert [(a.file, a.type) for a in record.audio] == [("edition.mp3", "audio/mpeg"), ("edition.flac", "audio/flac")]
    assert (folder / "edition.flac").read_bytes()[:4] == b"fLaC"

    out = folder.parent
    publish.write_all(out, publish.remember(out, link="https://example.org/", alternate_enclosures=True))
    feed = etree.parse(str(out / "feed.xml"))
    [alternate] = feed.findall(".//{https://podcastindex.org/namespace/1.0}alternateEnclosure")
    assert alternate.get("type") == "audio/flac"
    assert feed.find(".//item/enclosure").get("type") == "audio/mpeg"
    assert content_type(folder / "edition.flac") == "audio/flac"
    assert content_type(folder / "edition.mp3") == formats.MP3().media_type


def test_an_unknown_format_is_refused_at_the_boundary():
    with pytest.raises(presets.UserError, match="unknown format 'flac'"):
        presets.load("standard").with_options(formats=["flac"])
