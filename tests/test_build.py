"""One real end-to-end build with the offline voice on a short text, read back with real readers."""

import dataclasses
import json

import logging

import feedparser
import podcastparser
import pytest
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from tts_edition import pipeline, presets
from tts_edition.cache import Cache
from tts_edition.publish import FeedConfig

PAPER = """# 测试日报 2020年11月25日

## 全县举行表彰大会

本报讯，11月24日上午，全县共有1689人参加表彰大会。

## 天气

明天多云，气温5～10℃。
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("build")
    paper = tmp / "paper.txt"
    paper.write_text(PAPER, encoding="utf-8")
    options = pipeline.BuildOptions(
        out=tmp / "out",
        preset=presets.load("standard"),
        cache=Cache(tmp / "cache"),
        feed=FeedConfig.load(tmp / "out").merged(link="https://example.org/paper"),
    )
    [folder] = pipeline.build(paper, options)
    return paper, options, folder


def test_the_edition_is_a_chaptered_mp3_of_plausible_length(built):
    _, _, folder = built
    assert folder.name == "2020-11-25-ceshi-ribao"
    mp3 = MP3(folder / "edition.mp3")
    characters = len("全县举行表彰大会本报讯十一月二十四日上午全县共有一千六百八十九人参加表彰大会天气明天多云气温五至十摄氏度")
    assert characters / 6 < mp3.info.length < characters / 3 + 6  # speech plus pauses
    tags = ID3(folder / "edition.mp3")
    toc = tags.getall("CTOC")[0]
    titles = [tags[f"CHAP:{id}"].sub_frames["TIT2"].text[0] for id in toc.child_element_ids]
    assert titles == ["全县举行表彰大会", "天气"]


def test_the_feed_lists_the_edition_with_its_real_size(built):
    _, options, folder = built
    feed = feedparser.parse((options.out / "feed.xml").read_bytes())
    assert not feed.bozo
    assert len(feed.entries) == 1
    enclosure = feed.entries[0].enclosures[0]
    assert int(enclosure.length) == (folder / "edition.mp3").stat().st_size
    assert enclosure.href.startswith("https://example.org/paper/")


def test_a_second_build_voices_nothing_and_leaves_the_mp3_alone(built):
    paper, options, folder = built
    seen = []
    written = (folder / "edition.mp3").stat().st_mtime_ns
    pipeline.build(paper, options, on_progress=seen.append)
    assert seen and all(p.cached == p.total for p in seen)
    assert (folder / "edition.mp3").stat().st_mtime_ns == written


def test_a_changed_setting_reassembles_from_the_cache(built, tmp_path):
    paper, options, folder = built
    before = json.loads((folder / "edition.json").read_text())
    longer = dataclasses.replace(options, preset=options.preset.with_settings(["pauses.article=4"]))
    seen = []
    pipeline.build(paper, longer, on_progress=seen.append)
    assert all(p.cached == p.total for p in seen)
    after = json.loads((folder / "edition.json").read_text())
    assert after["duration"] == pytest.approx(before["duration"] + 4 - 1.6, abs=0.05)
    assert after["id"] == before["id"]


def test_split_articles_makes_one_episode_per_article(built, tmp_path):
    paper, options, _ = built
    options = dataclasses.replace(options, out=tmp_path / "parts", split="articles")
    folders = pipeline.build(paper, options)
    assert [f.name for f in folders] == ["2020-11-25-ceshi-ribao-part1", "2020-11-25-ceshi-ribao-part2"]
    for folder, title in zip(folders, ["全县举行表彰大会", "天气"]):
        tags = ID3(folder / "edition.mp3")
        assert [c.sub_frames["TIT2"].text[0] for c in tags.getall("CHAP")] == [title]
    with open(options.out / "feed.xml", "rb") as f:
        episodes = podcastparser.parse("https://example.org/paper/feed.xml", f)["episodes"]
    # newest first, as apps list them: part 1 on top, numbered in reading order
    assert [e["title"][-6:] for e in episodes] == ["（第1部分）", "（第2部分）"]
    assert [e["number"] for e in episodes] == [1, 2]
    assert episodes[0]["published"] > episodes[1]["published"]
    page = (folders[0] / "index.html").read_text("utf-8")
    assert 'href="../2020-11-25-ceshi-ribao-part2/index.html"' in page and "下一部分" in page
    assert 'id="next-part"' not in (folders[1] / "index.html").read_text("utf-8")


def test_the_built_edition_has_its_player_page(built):
    _, _, folder = built
    assert "edition.mp3" in (folder / "index.html").read_text(encoding="utf-8")


def test_republishing_after_a_move_rewrites_links_and_pages(built):
    _, options, folder = built
    (folder / "index.html").unlink()
    pipeline.republish(options.out, options.feed.merged(link="https://new.example.org/paper"))
    feed = feedparser.parse((options.out / "feed.xml").read_bytes())
    assert feed.entries[0].enclosures[0].href.startswith("https://new.example.org/paper/")
    assert (folder / "index.html").is_file()


def test_another_preset_into_the_same_folder_says_it_replaced_the_edition(built, tmp_path, caplog):
    paper, options, _ = built
    options = dataclasses.replace(options, out=tmp_path / "one-feed")
    [folder] = pipeline.build(paper, options)
    first = json.loads((folder / "edition.json").read_text())
    caplog.set_level(logging.WARNING)
    pipeline.build(paper, dataclasses.replace(options, preset=presets.load("elder")))
    said = [r.getMessage() for r in caplog.records if "replaced" in r.getMessage()]
    assert len(said) == 1 and "standard" in said[0] and "elder" in said[0] and "-o" in said[0]
    after = json.loads((folder / "edition.json").read_text())
    assert (after["preset"], after["id"]) == ("elder", first["id"])


def test_an_untitled_input_is_titled_by_its_headline_and_the_build_says_so(built, tmp_path, caplog):
    _, options, _ = built
    paper = tmp_path / "fumeng-xianbao.txt"
    paper.write_text("## 全县举行表彰大会\n\n本报讯，全县举行表彰大会。\n", encoding="utf-8")
    caplog.set_level(logging.WARNING)
    [folder] = pipeline.build(paper, dataclasses.replace(options, out=tmp_path / "out"))
    record = json.loads((folder / "edition.json").read_text())
    assert record["paper"] == "全县举行表彰大会" and "fumeng" not in folder.name
    said = [r.getMessage() for r in caplog.records if "guessed" in r.getMessage()]
    assert len(said) == 1 and "title and date were guessed" in said[0] and "--title" in said[0]
