"""The rule suite holds for what we build, and each rule catches a file broken on purpose."""

import json
import re

import pytest
from lxml import etree
from mutagen.id3 import APIC, CHAP, CTOC, ID3, CTOCFlags

from tests.publish import rules
from tts_edition import audio

FFMPEG = audio.ffmpeg_exe()


def test_every_rule_holds_for_a_built_output(good_output):
    assert rules.check_output(good_output) == {}


def reencode(edition, *args):
    """Replace the edition's MP3 by ffmpeg output from its own audio (tags dropped)."""
    mp3 = edition / "edition.mp3"
    tmp = edition / "re.mp3"
    audio.run_ffmpeg(["-i", str(mp3), "-map_metadata", "-1", *args, str(tmp)])
    tmp.replace(mp3)


def edit_tags(edition, change):
    tags = ID3(edition / "edition.mp3")
    change(tags)
    tags.save(edition / "edition.mp3", v2_version=3)


def broken(rule, folder):
    problems = rule(folder)
    assert problems, f"{rule.__name__} accepted a broken file"
    return " ".join(problems)


def test_mp3_stream_rules_catch_a_stereo_48k_vbr_file_without_lame_header(edition):
    reencode(edition, "-ac", "2", "-ar", "48000", "-c:a", "libmp3lame", "-q:a", "4", "-write_xing", "0")
    assert "not mono" in broken(rules.mp3_mono, edition)
    assert "not 44100" in broken(rules.mp3_44k, edition)
    assert "not CBR" in broken(rules.mp3_cbr, edition)
    assert "Xing" in broken(rules.mp3_xing_lame, edition)


def test_cbr_rule_checks_the_bitrate(edition):
    assert "not 128000" in broken(lambda f: rules.mp3_cbr(f, bitrate=128), edition)


def test_loudness_rule_catches_a_quiet_file(edition):
    reencode(edition, "-af", "volume=-12dB", "-c:a", "libmp3lame", "-b:a", "64k")
    assert "integrated loudness" in broken(rules.loudness, edition)


def test_loudness_rule_catches_true_peaks_over_the_limit(edition):
    reencode(edition, "-af", "volume=+17dB", "-c:a", "libmp3lame", "-b:a", "64k")
    assert "true peak" in broken(rules.loudness, edition)


def test_id3_version_rule_catches_v24(edition):
    ID3(edition / "edition.mp3").save(edition / "edition.mp3", v2_version=4)
    assert "not 2.3" in broken(rules.id3_v23, edition)


def test_id3_text_rule_catches_a_missing_album(edition):
    edit_tags(edition, lambda t: t.delall("TALB"))
    assert "no TALB" in broken(rules.id3_text, edition)


def test_cover_rule_catches_a_picture_that_is_not_the_front_cover(edition):
    def other(t):
        pic = t.getall("APIC")[0]
        t.delall("APIC")
        t.add(APIC(encoding=1, mime=pic.mime, type=0, desc="", data=pic.data))

    edit_tags(edition, other)
    assert "APIC type 3" in broken(rules.id3_cover, edition)


def test_ctoc_rule_catches_an_unordered_toc(edition):
    edit_tags(edition, lambda t: setattr(t.getall("CTOC")[0], "flags", CTOCFlags.TOP_LEVEL))
    assert "not ordered" in broken(rules.id3_ctoc, edition)


def test_ctoc_rule_catches_chapters_listed_out_of_time_order(edition):
    edit_tags(edition, lambda t: t.getall("CTOC")[0].child_element_ids.reverse())
    assert "time order" in broken(rules.id3_ctoc, edition)


def test_ctoc_rule_catches_a_second_toc(edition):
    edit_tags(edition, lambda t: t.add(CTOC(element_id="toc2", flags=CTOCFlags.ORDERED, child_element_ids=["chp0"])))
    assert "2 CTOC" in broken(rules.id3_ctoc, edition)


def test_chap_id_rule_catches_non_ascii_ids(edition):
    def rename(t):
        chap = t.getall("CHAP")[0]
        t.delall("CHAP:" + chap.element_id)
        chap.element_id = "chäp 0"
        t.add(chap)

    edit_tags(edition, rename)
    assert "not printable ASCII" in broken(rules.id3_chap_ids, edition)


def test_chap_time_rule_catches_a_gap_between_chapters(edition):
    edit_tags(edition, lambda t: setattr(sorted(t.getall("CHAP"), key=lambda c: c.start_time)[0], "end_time", 1))
    assert "ends at 1 ms" in broken(rules.id3_chap_times, edition)


def test_chap_time_rule_catches_chapters_that_outlast_the_audio(edition):
    edit_tags(edition, lambda t: setattr(max(t.getall("CHAP"), key=lambda c: c.start_time), "end_time", 10**7))
    assert "audio lasts" in broken(rules.id3_chap_times, edition)


def test_chap_title_rule_catches_a_chapter_with_two_titles(edition):
    """mutagen cannot write this, so the second TIT2 is spliced into the tag's bytes."""
    mp3 = edition / "edition.mp3"
    data = bytearray(mp3.read_bytes())
    chap = data.index(b"CHAP")
    body = chap + 10
    title = data.index(b"TIT2", body)
    title_frame = data[title : title + 10 + int.from_bytes(data[title + 4 : title + 8], "big")]
    data[title:title] = title_frame
    grow = len(title_frame)
    size = int.from_bytes(data[chap + 4 : chap + 8], "big") + grow
    data[chap + 4 : chap + 8] = size.to_bytes(4, "big")
    tag = sum(b << (7 * (3 - i)) for i, b in enumerate(data[6:10])) + grow
    data[6:10] = bytes((tag >> (7 * (3 - i))) & 0x7F for i in range(4))
    mp3.write_bytes(bytes(data))
    assert "2 TIT2" in broken(rules.id3_chap_titles, edition)


def test_chap_title_rule_catches_a_chapter_without_title(edition):
    def untitled(t):
        chap = t.getall("CHAP")[0]
        t.delall("CHAP:" + chap.element_id)
        t.add(CHAP(element_id=chap.element_id, start_time=chap.start_time, end_time=chap.end_time, sub_frames=[]))

    edit_tags(edition, untitled)
    assert "0 TIT2" in broken(rules.id3_chap_titles, edition)


def test_ffmpeg_rule_catches_a_file_without_chapters(edition):
    edit_tags(edition, lambda t: (t.delall("CHAP"), t.delall("CTOC")))
    assert "no chapters" in broken(rules.ffmpeg_chapters, edition)


def test_chapters_json_rule_catches_a_wrong_version_and_times(edition):
    path = edition / "chapters.json"
    data = json.loads(path.read_text())
    data["version"] = "1.0"
    data["chapters"][1]["startTime"] += 0.5
    path.write_text(json.dumps(data))
    problems = broken(rules.chapters_json, edition)
    assert "not '1.2.0'" in problems and "differ" in problems


def test_vtt_rule_catches_overlapping_cues(edition):
    path = edition / "edition.vtt"
    text = path.read_text()
    times = re.findall(r"\d\d:\d\d:\d\d\.\d\d\d --> \d\d:\d\d:\d\d\.\d\d\d", text)
    path.write_text(text.replace(times[1], times[1].replace(times[1][:12], "00:00:00.000"), 1))
    assert "starts before" in broken(rules.transcript_vtt, edition)


def test_vtt_rule_catches_cues_after_the_end(edition):
    path = edition / "edition.vtt"
    path.write_text(path.read_text() + "\n99\n00:59:00.000 --> 00:59:01.000\n尾\n")
    assert "after the audio" in broken(rules.transcript_vtt, edition)


def test_vtt_rule_catches_a_missing_header(edition):
    path = edition / "edition.vtt"
    path.write_text(path.read_text().replace("WEBVTT", "", 1))
    assert "WEBVTT" in broken(rules.transcript_vtt, edition)


def test_srt_rule_catches_times_that_differ_from_the_vtt(edition):
    path = edition / "edition.srt"
    path.write_text(re.sub(r",(\d{3}) -->", ",999 -->", path.read_text(), count=1))
    assert "differ" in broken(rules.transcript_srt, edition)


def edit_feed(output, change):
    path = output / "feed.xml"
    tree = etree.parse(str(path))
    change(tree.getroot().find("channel"))
    tree.write(str(path), encoding="utf-8", xml_declaration=True)


def test_feed_parse_rule_catches_unescaped_text(output):
    path = output / "feed.xml"
    path.write_text(path.read_text().replace("&amp; &lt;Co&gt;", "& <Co>", 1))
    assert "feedparser" in broken(rules.feed_parses, output)


@pytest.mark.parametrize(
    "tag, expect",
    [
        ("language", "no language"),
        ("{http://www.itunes.com/dtds/podcast-1.0.dtd}image", "itunes:image"),
        ("{http://www.itunes.com/dtds/podcast-1.0.dtd}category", "itunes:category"),
        ("{http://www.itunes.com/dtds/podcast-1.0.dtd}explicit", "itunes:explicit"),
        ("{http://www.w3.org/2005/Atom}link", "rel=self"),
        ("{https://podcastindex.org/namespace/1.0}guid", "podcast:guid"),
    ],
)
def test_feed_channel_rule_catches_a_missing_element(output, tag, expect):
    edit_feed(output, lambda ch: ch.remove(ch.find(tag)))
    assert expect in broken(rules.feed_channel, output)


def test_feed_item_rule_catches_a_wrong_enclosure_length(output):
    edit_feed(output, lambda ch: ch.find("item/enclosure").set("length", "12345"))
    assert "enclosure length 12345" in broken(rules.feed_items, output)


def test_feed_item_rule_catches_a_fractional_duration(output):
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
    edit_feed(output, lambda ch: setattr(ch.find(f"item/{itunes}duration"), "text", "12.5"))
    assert "whole seconds" in broken(rules.feed_items, output)


def test_feed_item_rule_catches_a_duration_that_is_not_the_mp3s(output):
    itunes = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
    edit_feed(output, lambda ch: setattr(ch.find(f"item/{itunes}duration"), "text", "3600"))
    assert "the MP3 lasts" in broken(rules.feed_items, output)


@pytest.mark.parametrize(
    "tag, expect",
    [
        ("guid", "no guid"),
        ("{https://podcastindex.org/namespace/1.0}chapters", "podcast:chapters"),
        ("{https://podcastindex.org/namespace/1.0}transcript", "text/vtt"),
    ],
)
def test_feed_item_rule_catches_a_missing_element(output, tag, expect):
    edit_feed(output, lambda ch: ch.find("item").remove(ch.find("item").find(tag)))
    assert expect in broken(rules.feed_items, output)


def test_feed_item_rule_catches_a_bad_pubdate(output):
    edit_feed(output, lambda ch: setattr(ch.find("item/pubDate"), "text", "2020-11-25"))
    assert "RFC 2822" in broken(rules.feed_items, output)


def test_feed_item_rule_catches_duplicate_guids(output):
    def dup(ch):
        a, b = ch.findall("item")[:2]
        b.find("guid").text = a.find("guid").text

    edit_feed(output, dup)
    assert "not unique" in broken(rules.feed_items, output)


def test_feed_order_rule_catches_oldest_first(output):
    def reverse(ch):
        items = ch.findall("item")
        for i in items:
            ch.remove(i)
        for i in reversed(items):
            ch.append(i)

    edit_feed(output, reverse)
    assert "newest first" in broken(rules.feed_order, output)


def test_ffmpeg_rule_catches_chap_frames_out_of_time_order(edition):
    # a plain mutagen save orders frames by size, not by time
    edit_tags(edition, lambda t: t.getall("CHAP")[0].sub_frames["TIT2"].text.__setitem__(0, "长" * 40))
    assert "out of time order" in broken(rules.ffmpeg_chapters, edition)


def test_date_rule_catches_a_v24_date_frame_in_a_v23_tag(edition):
    from mutagen.id3 import TDRC

    edit_tags(edition, lambda t: (t.delall("TDRC"), t.add(TDRC(encoding=1, text="2020-11-24"))))
    assert "eyed3 reads the date" in broken(rules.id3_date_v23, edition)


def test_reading_along_rule_catches_a_silent_headline_and_a_long_caption(edition):
    from tts_edition.publish.transcript import write_vtt
    from tts_edition.timeline import Cue

    write_vtt(edition / "edition.vtt", [Cue(3.0, 9.0, "长" * 60)])
    problems = broken(rules.transcript_reads_along, edition)
    assert "first cue at 3.0 s" in problems and "caption of 60 characters" in problems


def test_gpodder_rule_catches_chapters_it_cannot_see(output):
    feed = output / "feed.xml"
    root = etree.parse(str(feed))
    for chapters in root.iter("{http://podlove.org/simple-chapters}chapters"):
        chapters.getparent().remove(chapters)
    root.write(str(feed), encoding="utf-8", xml_declaration=True)
    assert "podcastparser sees 0 chapters" in broken(rules.feed_gpodder, output)
