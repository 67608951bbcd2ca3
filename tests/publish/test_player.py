"""The player page and the editions list as written to disk (the browser tests drive them)."""

from __future__ import annotations

import json
import re

import lxml.html
import pytest

from tts_edition.publish.player import (
    FAVICON,
    Player,
    about,
    clock,
    player_html,
    player_of,
    read_vtt,
    render_index,
    script_json,
    weekday,
    write_player,
)
from tts_edition.publish.record import AudioFile, Record, read_record, write_record
from tts_edition.publish.transcript import vtt
from tts_edition.timeline import Chapter, Cue

NASTY = 'A&B <script>alert("x")</script> “引号” \'单\' 🎉'


def sample(title: str = "人民日报 2020年11月24日") -> Player:
    return Player(
        key="2020-11-24-renmin-ribao",
        title=title,
        audio="edition.mp3",
        paper="人民日报",
        duration=125.0,
        chapters=[Chapter("头版", 0.0, 60.0), Chapter(NASTY, 60.0, 125.0)],
        cues=[Cue(0.5, 3.0, "第一句。"), Cue(60.5, 64.0, NASTY + "</script><!--")],
    )


def parse(html: str):
    return lxml.html.fromstring(html)


def embedded(doc) -> dict:
    return json.loads(doc.get_element_by_id("edition-data").text)


def test_page_is_chinese_and_fits_phones():
    doc = parse(player_html(sample()))
    assert doc.get("lang") == "zh-CN"
    assert doc.xpath("//meta[@name='viewport']/@content") == ["width=device-width, initial-scale=1"]
    assert doc.findtext(".//title") == "人民日报 2020年11月24日"


def test_one_button_per_article_with_its_start():
    doc = parse(player_html(sample()))
    buttons = doc.xpath('//ol[@id="chapters"]//button')
    assert [b.get("data-start") for b in buttons] == ["0.000", "60.000"]
    assert [b.findtext('span[@class="t"]') for b in buttons] == ["头版", NASTY]
    assert buttons[1].text_content() == f"第2篇{NASTY}1:00"  # what a screen reader says


def test_titles_and_sentences_cannot_break_out_of_the_page():
    html = player_html(sample(title=NASTY))
    doc = parse(html)
    assert len(doc.xpath("//script")) == 2  # the data and the player, nothing injected
    assert doc.findtext(".//h1") == NASTY
    data = embedded(doc)
    assert data["title"] == NASTY
    assert data["chapters"][1]["title"] == NASTY
    assert data["cues"][1]["text"] == NASTY + "</script><!--"


def test_script_json_has_no_markup_characters():
    text = script_json({"t": "</script><!-- & \u2028"})
    assert not re.search(r"[<>&\u2028]", text)
    assert json.loads(text) == {"t": "</script><!-- & \u2028"}


def test_nothing_is_fetched_from_elsewhere():
    doc = parse(player_html(sample()))
    refs = doc.xpath("//@src | //@href")
    assert refs == [FAVICON, "../index.html", "edition.mp3"]
    assert FAVICON.startswith("data:image/svg+xml,")  # inline: no /favicon.ico request
    assert not doc.xpath("//link[@rel='stylesheet'] | //script[@src] | //iframe | //img")
    assert "@import" not in player_html(sample()) and "url(" not in player_html(sample())


def test_controls_have_chinese_names():
    doc = parse(player_html(sample()))
    assert doc.get_element_by_id("play").get("aria-label") == "播放"
    assert doc.get_element_by_id("back").get("aria-label") == "后退15秒"
    speeds = doc.xpath('//div[@class="speeds"]//button')
    assert [b.get("data-rate") for b in speeds] == ["0.8", "1", "1.2"]
    assert [b.get("aria-label") for b in speeds] == ["0.8倍，慢", "1倍，正常", "1.2倍，快"]
    assert doc.xpath('//div[@class="speeds"]/@role')[0] == "group"


def test_without_javascript_the_native_player_remains():
    audio = parse(player_html(sample())).get_element_by_id("audio")
    assert audio.get("controls") is not None  # the script hides it and draws the large controls


def test_vtt_round_trip_keeps_text_as_printed():
    cues = [Cue(0.0, 1.5, "A&B <注> “引号”"), Cue(3600.25, 3601.0, "一小时后 -- 还在")]
    assert read_vtt(vtt(cues)) == cues


def test_read_vtt_tolerates_what_other_tools_write():
    text = (
        "\ufeffWEBVTT - 有标题\r\n\r\nNOTE 说明\r\n\r\nSTYLE\r\n::cue { color: red }\r\n\r\n"
        "a\r\n00:01.000 --> 00:02.500 align:start\r\n<v 播音员>第一行\r\n第二行 &amp; 更多\r\n"
    )
    assert read_vtt(text) == [Cue(1.0, 2.5, "第一行 第二行 & 更多")]


CUES = [Cue(0.2, 2.0, "你好。"), Cue(42.6, 45.0, "再见。", kind="outro")]


def make_folder(tmp_path):
    folder = tmp_path / "2020-11-24-renmin-ribao"
    folder.mkdir()
    write_record(folder, Record(
        id="x", folder=folder.name, title="人民日报 2020年11月24日", paper="人民日报", date="2020-11-24",
        published="2020-11-24T06:00:00+08:00", built="2020-11-24T06:00:00+08:00", duration=50.0,
        audio=[AudioFile("edition.m4a", "audio/mp4", 1)],
        chapters=[Chapter("头版", 0, 42.5), Chapter("要闻", 42.5, 50.0)], cues=CUES,
    ))
    return folder


def test_the_player_is_made_from_the_record_alone(tmp_path):
    folder = make_folder(tmp_path)
    player = player_of(folder, read_record(folder))
    assert player.title == "人民日报 2020年11月24日" and player.audio == "edition.m4a"
    assert player.duration == 50.0
    assert [(c.title, c.start) for c in player.chapters] == [("头版", 0.0), ("要闻", 42.5)]
    assert player.cues == CUES  # no VTT in the folder: the cues are data in the record


def test_an_edition_recorded_before_cues_were_kept_shows_those_of_its_vtt(tmp_path):
    """edition.json of schema 1: one MP3 as mp3/mp3_bytes, the captions only in edition.vtt."""
    folder = tmp_path / "2020-11-24-renmin-ribao"
    folder.mkdir()
    (folder / "edition.vtt").write_text(vtt(CUES), encoding="utf-8")
    (folder / "edition.json").write_text(json.dumps({
        "id": "x", "folder": folder.name, "title": "人民日报", "paper": "人民日报", "date": "2020-11-24",
        "published": "2020-11-24T06:00:00+08:00", "built": "2020-11-24T06:00:00+08:00", "duration": 50.0,
        "mp3": "edition.mp3", "mp3_bytes": 1234, "chapters": [{"title": "头版", "start": 0, "end": 50.0}],
        "vtt": "edition.vtt", "schema": 1,
    }), encoding="utf-8")
    record = read_record(folder)
    assert record.audio == [AudioFile("edition.mp3", "audio/mpeg", 1234)] and record.cues is None
    player = player_of(folder, record)
    assert player.audio == "edition.mp3" and player.cues == CUES


def test_write_player_writes_index_html_beside_the_mp3(tmp_path):
    folder = make_folder(tmp_path)
    path = write_player(folder)
    assert path == folder / "index.html"
    data = embedded(parse(path.read_text("utf-8")))
    assert data["key"] == "2020-11-24-renmin-ribao"
    assert [c["start"] for c in data["chapters"]] == [0.0, 42.5]
    assert not list(folder.glob(".*.tmp"))


def record(folder: str, title: str, date: str | None, minutes: float) -> Record:
    return Record(id=folder, folder=folder, title=title, paper="报", date=date, published="2020-01-01T00:00:00+08:00",
                  built="2020-01-01T00:00:00+08:00", duration=minutes * 60,
                  audio=[AudioFile("edition.mp3", "audio/mpeg", 1)], chapters=[Chapter("a", 0, 1)] * 8)


def test_index_lists_editions_in_the_order_given_with_large_links():
    html = render_index([record("2020-11-24-b", NASTY, "2020-11-24", 25.4), record("2020-11-23-a", "旧报", None, 70)])
    doc = parse(html)
    assert doc.get("lang") == "zh-CN"
    links = doc.xpath('//a[@class="edition"]')
    assert [a.get("href") for a in links] == ["2020-11-24-b/index.html", "2020-11-23-a/index.html"]
    assert links[0].find('span[@class="name"]').text_content() == "最新" + NASTY
    assert links[0].findtext('span[@class="facts"]') == "星期二 · 8篇 · 约25分钟"
    assert links[1].findtext('span[@class="facts"]') == "8篇 · 约1小时10分钟"
    assert doc.xpath("//link[@rel='alternate']/@href") == ["feed.xml"]
    assert not doc.xpath("//script[@src]")


def test_index_without_editions_says_so():
    assert "还没有可以收听的报纸" in render_index([])


@pytest.mark.parametrize(("seconds", "text"), [(0, "0:00"), (65.9, "1:05"), (3725, "1:02:05")])
def test_clock(seconds, text):
    assert clock(seconds) == text


@pytest.mark.parametrize(("seconds", "text"), [(40, "40秒"), (89, "约1分钟"), (3600, "约1小时"), (4210, "约1小时10分钟")])
def test_about(seconds, text):
    assert about(seconds) == text


def test_weekday():
    assert weekday("2020-11-24") == "星期二"
    assert weekday("2020-11-29") == "星期日"
    assert weekday(None) == weekday("not a date") == ""
