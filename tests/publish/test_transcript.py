import io

import webvtt

from tts_edition.publish.transcript import CAPTION_CHARS, captions, srt, timestamp, vtt
from tts_edition.timeline import Cue

CUES = [Cue(0.5, 2.25, "第一句 & <b>。"), Cue(2.7, 3661.0015, "第二句\n\n--> 换行。")]


def test_timestamps_are_hours_minutes_seconds_milliseconds():
    assert timestamp(3661.0015) == "01:01:01.002"
    assert timestamp(0.5, ",") == "00:00:00,500"


def test_vtt_escapes_markup_and_keeps_each_cue_on_one_line():
    assert vtt(CUES) == (
        "WEBVTT\n\n"
        "1\n00:00:00.500 --> 00:00:02.250\n第一句 &amp; &lt;b&gt;。\n\n"
        "2\n00:00:02.700 --> 01:01:01.002\n第二句 -&gt; 换行。\n"
    )


def test_srt_numbers_cues_and_uses_commas_and_carries_no_markup():
    # players render <b>, <i>, <font> in SRT (some any tag): angle brackets become full-width
    assert srt(CUES) == (
        "1\n00:00:00,500 --> 00:00:02,250\n第一句 & ＜b＞。\n\n"
        "2\n00:00:02,700 --> 01:01:01,002\n第二句 -＞ 换行。\n"
    )


LONG = (
    "会议指出，今年以来，面对严峻复杂的国际形势、艰巨繁重的国内改革发展稳定任务特别是新冠肺炎疫情的严重冲击，"
    "以习近平同志为核心的党中央团结带领全党全国各族人民，坚持稳中求进工作总基调，统筹疫情防控和经济社会发展，"
    "我国经济运行逐步恢复常态，就业民生较好保障，经济社会发展主要目标任务完成情况好于预期。"
)


def test_long_sentences_become_captions_split_after_clause_punctuation():
    cue = Cue(10.0, 56.0, LONG)
    parts = captions([cue, Cue(56.5, 58.0, "短句。", kind="title")])
    text = [c.text for c in parts]
    assert "".join(text[:-1]) == LONG and text[-1] == "短句。"
    assert all(len(t) <= CAPTION_CHARS for t in text)
    assert all(t[-1] in "，。、；" for t in text)  # none cut inside a clause
    assert parts[0].start == 10.0 and parts[-2].end == 56.0
    assert all(a.end == b.start for a, b in zip(parts[:-2], parts[1:-1]))
    assert max(c.end - c.start for c in parts) < 10
    assert parts[-1].kind == "title" and all(c.kind == "sentence" for c in parts[:-1])


def test_webvtt_readers_see_the_announcements_marked_as_such():
    text = vtt([Cue(0.5, 2.0, "测试日报，2020年11月24日。", kind="intro"), Cue(2.5, 4.0, "第一句。")])
    read = webvtt.from_buffer(io.StringIO(text))
    assert [c.text for c in read] == ["测试日报，2020年11月24日。", "第一句。"]
    assert "<c.intro>" in read[0].raw_text
