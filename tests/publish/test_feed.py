import datetime as dt
import subprocess
import sys
import textwrap

import feedparser
import pytest
from lxml import etree

from tests import synthetic
from tests.publish.conftest import BASE, build_edition
from tts_edition import publish
from tts_edition.errors import UserError
from tts_edition.publish.feed import editions, podcast_guid, write_feed

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"


def items(out):
    return feedparser.parse(str(out / "feed.xml")).entries


def test_podcast_guid_follows_the_spec_example():
    assert podcast_guid("https://mp3s.nashownotes.com/pc20rss.xml") == "917393e3-1b1e-5cef-ace4-edaa54e1f810"
    assert podcast_guid("http://example.org/feed.xml/") == podcast_guid("example.org/feed.xml")


def test_items_are_newest_first_with_real_sizes_and_whole_second_durations(output):
    entries = items(output)
    assert [e.title for e in entries] == ["阜蒙县报 & <Co> 📰 2020年11月25日", "人民日报 2020年11月24日"]
    for entry, record in zip(entries, editions(output)):
        enclosure = entry.enclosures[0]
        assert int(enclosure.length) == (output / record.folder / "edition.mp3").stat().st_size
        assert entry.itunes_duration == str(round(record.duration))
        assert enclosure.href == f"{BASE}{record.folder}/edition.mp3"


def test_the_description_lists_the_same_chapter_times_as_the_id3_chapters(output):
    record = editions(output)[-1]
    description = items(output)[-1].description
    for chapter in record.chapters:
        seconds = chapter.start_ms // 1000
        assert f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d} {chapter.title}" in description


def test_rebuilding_and_adding_editions_keeps_earlier_items(output, tmp_path):
    before = [(e.id, e.title, e.published) for e in items(output)]
    # rebuild the older edition in place, then add a newer one and an older one
    build_edition(output, tmp_path / "w1", synthetic.edition(3, 2, "人民日报", dt.date(2020, 11, 24)))
    build_edition(output, tmp_path / "w2", synthetic.edition(1, 1, "人民日报", dt.date(2020, 11, 26)))
    build_edition(output, tmp_path / "w3", synthetic.edition(1, 1, "人民日报", dt.date(2020, 11, 1)))
    publish.rebuild(output, link=BASE)
    after = [(e.id, e.title, e.published) for e in items(output)]
    assert after[1:3] == before
    assert len(after) == 4
    assert after[0][1].endswith("11月26日") and after[-1][1].endswith("11月1日")


def test_moving_to_a_new_base_url_keeps_guids_and_changes_links(output):
    old = items(output)
    publish.rebuild(output, link="https://cdn.example.net/paper")
    new = items(output)
    assert [e.id for e in new] == [e.id for e in old]
    assert all(e.enclosures[0].href.startswith("https://cdn.example.net/paper/") for e in new)
    channel = etree.parse(str(output / "feed.xml")).getroot().find("channel")
    guid = channel.findtext("{https://podcastindex.org/namespace/1.0}guid")
    assert guid == podcast_guid("https://cdn.example.net/paper/feed.xml")


def test_text_is_escaped_and_read_back_exactly(output):
    title = 'A & B <i>"quoted"</i> 🎧 \x0b'
    publish.rebuild(output, link=BASE, title=title, author="Tom & Jerry's <press>")
    parsed = feedparser.parse(str(output / "feed.xml"))
    assert not parsed.bozo
    assert parsed.feed.title.startswith("A & B")
    root = etree.parse(str(output / "feed.xml")).getroot()
    assert root.findtext("channel/title") == 'A & B <i>"quoted"</i> 🎧 '  # the control character is dropped
    assert root.findtext(f"channel/{ITUNES}author") == "Tom & Jerry's <press>"


def test_feed_toml_sets_the_channel_and_options_override_it(output):
    (output / "feed.toml").write_text(
        'title = "晨读"\nlink = "https://a.example/"\nowner_email = "me@a.example"\ncategory = "Education"\n'
        "explicit = true\n",
        encoding="utf-8",
    )
    publish.rebuild(output, link="https://b.example/")
    channel = etree.parse(str(output / "feed.xml")).getroot().find("channel")
    assert channel.findtext("title") == "晨读"
    assert channel.findtext("link") == "https://b.example/"
    assert channel.find(f"{ITUNES}category").get("text") == "Education"
    assert channel.findtext(f"{ITUNES}explicit") == "true"
    assert channel.findtext(f"{ITUNES}owner/{ITUNES}email") == "me@a.example"


@pytest.mark.parametrize(
    "toml, message",
    [("nonsense = 1\n", "unknown feed setting 'nonsense'"), ("title = \n", "not valid TOML"), ("explicit = 1\n", "true or false")],
)
def test_a_bad_feed_toml_is_a_user_error(tmp_path, toml, message):
    (tmp_path / "feed.toml").write_text(toml)
    with pytest.raises(UserError, match=message):
        publish.FeedConfig.load(tmp_path)


def test_artwork_from_a_file_is_made_square_and_served_from_the_output(output):
    from PIL import Image

    Image.new("RGB", (2000, 1500), "navy").save(output / "mine.png")
    publish.rebuild(output, link=BASE, artwork="mine.png")
    channel = etree.parse(str(output / "feed.xml")).getroot().find("channel")
    assert channel.find(f"{ITUNES}image").get("href") == BASE + "artwork.jpg"
    with Image.open(output / "artwork.jpg") as img:
        assert img.size == (1500, 1500)
    publish.rebuild(output, link=BASE, artwork="https://img.example/cover.jpg")
    channel = etree.parse(str(output / "feed.xml")).getroot().find("channel")
    assert channel.find(f"{ITUNES}image").get("href") == "https://img.example/cover.jpg"


def test_a_missing_mp3_leaves_that_edition_out_rather_than_failing(output):
    (output / "2020-11-24-renmin-ribao" / "edition.mp3").unlink()
    write_feed(output)
    assert len(items(output)) == 1


def test_killed_while_writing_the_feed_leaves_the_previous_feed(output):
    previous = (output / "feed.xml").read_bytes()
    script = textwrap.dedent(
        f"""
        import sys, xml.etree.ElementTree as ET
        from tts_edition import publish

        real = ET.ElementTree.write
        def write_then_hang(self, file, *a, **kw):
            real(self, file, *a, **kw)
            print("written", flush=True)
            sys.stdin.read()  # killed here, before the rename
        ET.ElementTree.write = write_then_hang
        publish.rebuild({str(output)!r}, link="https://elsewhere.example/", title="new")
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "written"
    proc.kill()
    proc.wait()
    assert (output / "feed.xml").read_bytes() == previous


@pytest.mark.parametrize(
    "damage",
    [
        lambda r: {**r, "published": "last tuesday"},
        lambda r: {**r, "published": "2020-11-24T06:00:00"},  # no time zone
        lambda r: {**r, "date": "2020-13-45"},
        lambda r: {**r, "mp3": "../../etc/passwd"},
        lambda r: {**r, "duration": "long"},
        lambda r: {**r, "chapters": [{"nope": 1}]},
        lambda r: [1, 2, 3],
        None,  # not JSON at all
    ],
)
def test_a_damaged_record_is_skipped_with_a_warning_not_fatal_to_every_build(output, caplog, damage):
    import json

    path = output / "2020-11-24-renmin-ribao" / "edition.json"
    record = json.loads(path.read_text("utf-8"))
    path.write_text("{not json" if damage is None else json.dumps(damage(record)), encoding="utf-8")
    write_feed(output)
    assert len(items(output)) == 1
    assert any("edition.json" in r.getMessage() and r.levelname == "WARNING" for r in caplog.records)

def test_an_m4b_is_listed_as_an_alternate_enclosure_only_when_asked(output, edition):
    record = publish.read_record(edition)
    (edition / "edition.m4b").write_bytes(b"m4b" * 100)
    record.alternates = [{"file": "edition.m4b", "type": "audio/mp4", "bytes": 300}]
    publish.record.write_record(edition, record)
    podcast = "{https://podcastindex.org/namespace/1.0}"

    def alternates():
        tree = etree.parse(str(output / "feed.xml"))
        return tree.findall(f".//item/{podcast}alternateEnclosure")

    publish.rebuild(output, link=BASE)
    assert alternates() == []
    assert items(output)[-1].enclosures[0].type == "audio/mpeg"
    publish.rebuild(output, link=BASE, alternate_enclosures=True)
    [alt] = alternates()
    assert (alt.get("type"), alt.get("length")) == ("audio/mp4", "300")
    assert alt.find(f"{podcast}source").get("uri") == f"{BASE}{edition.name}/edition.m4b"
    assert items(output)[-1].enclosures[0].type == "audio/mpeg"  # the podcast enclosure stays the MP3
