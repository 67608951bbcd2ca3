from tts_edition.publish.transcript import srt, timestamp, vtt
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
