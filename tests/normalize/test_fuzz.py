"""Any text at all: never raise, never drop a Chinese character, settle after one pass."""

from __future__ import annotations

import re
import time
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tts_edition.normalize import normalize, normalize_strict
from tts_edition.zh import han
# Digits, separators, units and the words the rules look at, to reach deep into them.
NUMBERY = st.lists(
    st.sampled_from(
        list("0123456789０１２.．-－—～~/:：%％‰+×=≥±,， 年月日号元万亿个第时点分秒度至到电话编号拨打后余多左右")
        + ["km", "kg", "m²", "℃", "°C", "$", "￥", "HKD", "PM", "G", "No.", "a.m.", "比分", "公元前", "——", "…"]
    ),
    max_size=40,
).map("".join)
SETTINGS = settings(max_examples=200, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


def chinese(text: str) -> Counter:
    return Counter(han(text))


def continuation_mark(text: str) -> bool:
    return "版" in text and any(w in text for w in ("转", "接", "续", "见"))


@SETTINGS
@given(st.text(max_size=200))
def test_random_unicode_never_raises(text):
    assert isinstance(normalize_strict(text), str)


@SETTINGS
@given(st.one_of(NUMBERY, st.text(max_size=80)))
def test_no_chinese_character_is_dropped(text):
    if continuation_mark(text):
        return
    said = normalize_strict(text)
    assert not chinese(text) - chinese(said), (text, said)


@SETTINGS
@given(NUMBERY)
def test_numbers_are_read_and_a_second_pass_changes_nothing(text):
    once = normalize_strict(text)
    assert normalize_strict(once) == once, (text, once)


@SETTINGS
@given(st.lists(st.sampled_from(["2020年11月24日", "增长6.3%", "1689人", "拨打12345", "14:30", "5～10℃", "第2名"]),
                min_size=1, max_size=8))
def test_understood_numbers_leave_no_ascii_digit(parts):
    said = normalize_strict("，".join(parts))
    assert not re.search(r"[0-9]", said), said


def test_lone_digits_and_symbols():
    for text in ["0", "2", "-", "%", "℃", "/", ":", ".", "1.", ".1", "-0", "1/0", "0/0", "00:00", "99:99", "1e5", "…", "——"]:
        assert isinstance(normalize_strict(text), str)


def test_a_very_long_line_is_read_in_linear_time():
    line = "2020年11月24日，全县1689人参加，增长6.3%，电话0418-8812345。" * 2000  # ~100,000 characters
    start = time.perf_counter()
    said = normalize_strict(line)
    assert time.perf_counter() - start < 5
    assert said.count("二零二零年十一月二十四日") == 2000


def test_normalize_returns_the_text_if_a_rule_breaks(monkeypatch):
    import tts_edition.normalize as package

    def broken(text):
        raise RuntimeError("bug")

    monkeypatch.setattr(package, "PASSES", (broken,))
    assert normalize("2020年") == "2020年"
