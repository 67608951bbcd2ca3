import datetime as dt
import io
import subprocess
import sys
import textwrap

import feedparser
import podcastparser
import pytest
from lxml import etree

from tests import synthetic
from tests.publish import rules
from tests.publish.conftest import BASE, build_edition
from tts_edition import publish
from tts_edition.errors import UserError
from tts_edition.publish.feed import editions, podcast_guid, rebased, write_feed
from tts_edition.publish.record import AudioFile

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
    publish.write_all(output, publish.remember(output, link=BASE))
    after = [(e.id, e.title, e.published) for e in items(output)]
    assert after[1:3] == before
    assert len(after) == 4
    assert after[0][1].endswith("11月26日") and after[-1][1].endswith("11月1日")


def test_moving_to_a_new_base_url_keeps_guids_and_announces_the_new_address(output):
    old = items(output)
    publish.write_all(output, publish.remember(output, link="https://cdn.example.net/paper"))
    new = items(output)
    assert [e.id for e in new] == [e.id for e in old]
    assert all(e.enclosures[0].href.startswith("https://cdn.example.net/paper/") for e in new)
    podcast = gpodder(output)
    assert podcast["new_url"] == "https://cdn.example.net/paper/feed.xml"
    channel = etree.parse(str(output / "feed.xml")).getroot().find("channel")
    guid = channel.findtext("{https://podcastindex.org/namespace/1.0}guid")
    assert guid == podcast_guid(BASE + "feed.xml")  # the podcast is still the same podcast


def gpodder(out):
    """The feed as gPodder reads it."""
    with open(out / "feed.xml", "rb") as f:
        return podcastparser.parse(BASE + "feed.xml", f)


def test_gpodder_sees_every_chapter_and_the_transcript(output):
    podcast = gpodder(output)
    for episode, record in zip(podcast["episodes"], editions(output)):
        assert [(c["start"], c["title"]) for c in episode["chapters"]] == [
            (int(c.start), c.title) for c in record.chapters
        ]
        assert episode["transcript_url"] == f"{BASE}{record.folder}/edition.vtt"
        assert episode["chapters_json_url"] == f"{BASE}{record.folder}/chapters.json"


def test_apple_and_podcast_index_tags_are_still_there_once(output):
    item = etree.parse(str(output / "feed.xml")).getroot().find("channel/item")
    podcast = "{https://podcastindex.org/namespace/1.0}"
    assert len(item.findall(f"{podcast}chapters")) == 1
    assert {t.get("type") for t in item.findall(f"{podcast}transcript")} == {"text/vtt", "application/x-subrip"}
    assert rules.check_feed(output) == {}


def test_parts_are_numbered_and_listed_in_reading_order(tmp_path):
    out = tmp_path / "out"
    ed = synthetic.edition(3, 1, "人民日报", dt.date(2020, 11, 24))
    now = dt.datetime(2020, 11, 24, 9, 0, tzinfo=dt.UTC)
    for part in (1, 2, 3):
        build_edition(out, tmp_path / f"w{part}", ed, now=now, part=part)
    publish.write_all(out, publish.remember(out, link=BASE))
    episodes = gpodder(out)["episodes"]  # podcastparser sorts newest first, as apps list them
    assert [e["title"] for e in episodes] == [f"人民日报 2020年11月24日（第{n}部分）" for n in (1, 2, 3)]
    assert [e["number"] for e in episodes] == [1, 2, 3]
    assert len({e["published"] for e in episodes}) == 3


def test_text_is_escaped_and_read_back_exactly(output):
    title = 'A & B <i>"quoted"</i> 🎧 \x0b'
    publish.write_all(output, publish.remember(output, link=BASE, title=title, author="Tom & Jerry's <press>"))
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
    publish.write_all(output, publish.remember(output, link="https://b.example/"))
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
    publish.write_all(output, publish.remember(output, link=BASE, artwork="mine.png"))
    channel = etree.parse(str(output / "feed.xml")).getroot().find("channel")
    assert channel.find(f"{ITUNES}image").get("href") == BASE + "artwork.jpg"
    with Image.open(output / "artwork.jpg") as img:
        assert img.size == (1500, 1500)
    publish.write_all(output, publish.remember(output, link=BASE, artwork="https://img.example/cover.jpg"))
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
        from pathlib import Path
        from tts_edition import publish

        real = ET.ElementTree.write
        def write_then_hang(self, file, *a, **kw):
            real(self, file, *a, **kw)
            print("written", flush=True)
            sys.stdin.read()  # killed here, before the rename
        ET.ElementTree.write = write_then_hang
        out = Path({str(output)!r})
        publish.write_all(out, publish.remember(out, link="https://elsewhere.example/", title="new"))
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
        lambda r: {**r, "audio": [{"file": "../../etc/passwd", "type": "audio/mpeg", "bytes": 1}]},
        lambda r: {**r, "audio": []},
        lambda r: {**{k: v for k, v in r.items() if k != "audio"}, "mp3": "../../etc/passwd", "mp3_bytes": 1},  # schema 1
        lambda r: {**r, "cues": [{"nope": 1}]},
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


def test_locked_comes_from_feed_toml(output):
    (output / "feed.toml").write_text('locked = true\nowner_email = "me@a.example"\n', encoding="utf-8")
    publish.write_all(output, publish.remember(output, link=BASE))
    locked = etree.parse(str(output / "feed.xml")).getroot().find("channel/{https://podcastindex.org/namespace/1.0}locked")
    assert (locked.text, locked.get("owner")) == ("yes", "me@a.example")


def test_author_and_owner_default_to_the_podcast_title_not_the_program(output):
    publish.write_all(output, publish.remember(output, link=BASE, title="晨读"))
    podcast = gpodder(output)
    channel = etree.parse(str(output / "feed.xml")).getroot().find("channel")
    assert channel.findtext(f"{ITUNES}author") == channel.findtext(f"{ITUNES}owner/{ITUNES}name") == "晨读"
    assert "tts-edition" not in podcast.get("itunes_owner", {}).get("name", "")


def test_a_served_feed_points_wherever_it_was_fetched_from(output):
    xml = (output / "feed.xml").read_bytes()
    served = rebased(xml, "http://192.168.1.20:8000/")
    podcast = podcastparser.parse("http://192.168.1.20:8000/feed.xml", io.BytesIO(served))
    urls = [e["enclosures"][0]["url"] for e in podcast["episodes"]]
    assert urls and all(u.startswith("http://192.168.1.20:8000/2020-11-2") for u in urls)
    assert all(e["transcript_url"].startswith("http://192.168.1.20:8000/") for e in podcast["episodes"])
    assert b"example.org" not in served
    assert rebased(b"<rss version='2.0'><channel/></rss>", "http://x/") == b"<rss version='2.0'><channel/></rss>"


def test_an_m4b_is_listed_as_an_alternate_enclosure_only_when_asked(output, edition):
    record = publish.read_record(edition)
    (edition / "edition.m4b").write_bytes(b"m4b" * 100)
    record.audio.append(AudioFile("edition.m4b", "audio/mp4", 300))
    publish.record.write_record(edition, record)
    podcast = "{https://podcastindex.org/namespace/1.0}"

    def alternates():
        tree = etree.parse(str(output / "feed.xml"))
        return tree.findall(f".//item/{podcast}alternateEnclosure")

    publish.write_all(output, publish.remember(output, link=BASE))
    assert alternates() == []
    assert items(output)[-1].enclosures[0].type == "audio/mpeg"
    publish.write_all(output, publish.remember(output, link=BASE, alternate_enclosures=True))
    [alt] = alternates()
    assert (alt.get("type"), alt.get("length")) == ("audio/mp4", "300")
    assert alt.find(f"{podcast}source").get("uri") == f"{BASE}{edition.name}/edition.m4b"
    assert items(output)[-1].enclosures[0].type == "audio/mpeg"  # the podcast enclosure stays the MP3


def test_an_edition_recorded_by_an_older_version_keeps_its_item_and_its_page(output, edition):
    """edition.json of schema 1 (one MP3 as mp3/mp3_bytes, no cues kept): the feed and the player
    page rebuilt from it are what they were before the upgrade."""
    import json

    from tests.publish.test_player import embedded, parse
    from tts_edition.publish.player import read_vtt, write_player

    publish.write_all(output, publish.remember(output, link=BASE))
    write_player(edition)
    feed_before, page_before = (output / "feed.xml").read_bytes(), (edition / "index.html").read_bytes()
    path = edition / "edition.json"
    record = json.loads(path.read_text("utf-8"))
    [audio] = record.pop("audio")
    record.pop("cues")
    record.update(mp3=audio["file"], mp3_bytes=audio["bytes"], alternates=[], schema=1)
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")

    publish.write_all(output, publish.remember(output, link=BASE))
    write_player(edition)
    assert (output / "feed.xml").read_bytes() == feed_before
    assert (edition / "index.html").read_bytes() == page_before
    cues = embedded(parse(page_before.decode("utf-8")))["cues"]
    assert [c["text"] for c in cues] == [c.text for c in read_vtt((edition / "edition.vtt").read_text("utf-8"))]
