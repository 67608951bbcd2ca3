"""The M4B audiobook, read back the way audiobook apps and ffmpeg read it."""

import re

import pytest
from mutagen.mp3 import MP3
from mutagen.mp4 import MP4

from tests import synthetic
from tts_edition import audio, formats
from tts_edition.errors import UserError
from tts_edition.formats import M4B, Tags, parse_formats
from tts_edition.formats.m4b import ffmetadata
from tts_edition.publish import default_cover
from tts_edition.timeline import Chapter


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """One synthetic edition assembled as MP3 and M4B from the same pieces."""
    tmp = tmp_path_factory.mktemp("m4b")
    ed = synthetic.edition(3, 2)
    pieces = synthetic.pieces_for(ed)
    wavs = synthetic.wavs_for(pieces, tmp / "wavs")
    tags = Tags("人民日报 2020年11月24日", "人民日报", "某图书馆", "2020-11-24", default_cover("人民日报", None))
    timeline = synthetic.encode(pieces, wavs, ed, tmp, tags, formats=(formats.MP3(), M4B()))
    return tmp, timeline, tags


def test_the_m4b_has_one_native_chapter_per_article(made):
    folder, timeline, _ = made
    chapters = MP4(folder / "edition.m4b").chapters
    assert [(round(c.start, 3), c.title) for c in chapters] == [(c.start, c.title) for c in timeline.chapters]


def test_ffmpeg_lists_the_same_chapters(made):
    folder, timeline, _ = made
    log = audio.run_ffmpeg(["-i", str(folder / "edition.m4b"), "-f", "null", "-"]).split("Output #0")[0]
    starts = [float(s) for s in re.findall(r"Chapter #0:\d+: start (\d+\.\d+)", log)]
    assert starts == pytest.approx([c.start for c in timeline.chapters], abs=0.001)
    assert all(c.title in log for c in timeline.chapters)


def test_the_m4b_plays_as_long_and_as_loud_as_the_mp3(made):
    folder, timeline, _ = made
    m4b, mp3 = MP4(folder / "edition.m4b"), MP3(folder / "edition.mp3")
    assert (m4b.info.channels, m4b.info.sample_rate, m4b.info.codec) == (1, 44_100, "mp4a.40.2")
    assert m4b.info.length == pytest.approx(mp3.info.length, abs=0.05)
    assert m4b.info.length == pytest.approx(timeline.duration, abs=0.05)
    a, b = audio.measure_ebur128(folder / "edition.m4b"), audio.measure_ebur128(folder / "edition.mp3")
    assert a.integrated == pytest.approx(b.integrated, abs=0.5)
    assert a.integrated == pytest.approx(-19, abs=1) and a.true_peak <= -0.5


def test_the_m4b_is_tagged_as_an_audiobook_with_its_cover(made):
    folder, _, tags = made
    t = MP4(folder / "edition.m4b").tags
    assert t["\xa9nam"] == [tags.title] and t["\xa9alb"] == [tags.album] and t["\xa9ART"] == [tags.artist]
    assert t["\xa9day"] == ["2020-11-24"] and t["stik"] == [2]
    assert bytes(t["covr"][0]) == tags.cover


def test_the_mp3_comes_first_and_always():
    assert [f.name for f in parse_formats([])] == ["mp3"]
    assert [f.name for f in parse_formats(["m4b"])] == ["mp3", "m4b"]
    assert [f.name for f in parse_formats(["M4B,mp3"])] == ["mp3", "m4b"]
    with pytest.raises(UserError, match="unknown format 'ogg'"):
        parse_formats(["ogg"])


def test_chapter_titles_cannot_break_the_metadata_file():
    text = ffmetadata([Chapter("a=b;c#d\\e\nf", 0, 1.5)])
    assert "title=a\\=b\\;c\\#d\\\\e f\n" in text and "START=0\nEND=1500" in text
