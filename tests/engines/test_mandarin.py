"""The Mandarin front end: text in, the offline voice's symbols out."""

import pytest

from tts_edition.engines.base import BadRequest
from tts_edition.engines.mandarin import to_pinyin, to_symbols


def test_symbols_of_a_sentence():
    # 你好 is one word (#0 inside), the comma a major break (#3), sandhi on 你.
    assert to_symbols("你好，世界。") == (
        ["sil", "n", "i2", "#0", "h", "ao3", "#3", "sh", "iii4", "#0", "j", "ie4", "sil", "eos"]
    )


def test_word_boundaries_are_prosody_breaks():
    # 我们 / 热爱 / 和平: #1 between words, #0 inside them.
    assert to_symbols("我们热爱和平") == (
        ["sil", "^", "uo3", "#0", "m", "en5", "#1", "r", "e4", "#0", "^", "ai4", "#1", "h", "e2", "#0", "p", "ing2", "sil", "eos"]
    )


def test_a_particle_leans_on_the_word_before():
    symbols = to_symbols("美丽的风景")
    assert symbols[symbols.index("e5") - 2] == "#0"  # ... l i4 #0 d e5


@pytest.mark.parametrize(
    "text, expected",
    [
        ("你好", ["ni2", "hao3"]),
        ("展览馆", ["zhan2", "lan2", "guan3"]),
        ("我很好", ["wo3", "hen2", "hao3"]),
        ("一个", ["yi2", "ge4"]),
        ("一天", ["yi4", "tian1"]),
        ("一年", ["yi4", "nian2"]),
        ("不是", ["bu2", "shi4"]),
        ("不能", ["bu4", "neng2"]),
        ("看一看", ["kan4", "yi5", "kan4"]),
        ("是不是", ["shi4", "bu5", "shi4"]),
        ("第一", ["di4", "yi1"]),
        ("统一", ["tong3", "yi1"]),
        ("十一", ["shi2", "yi1"]),
    ],
)
def test_tone_sandhi(text, expected):
    assert to_pinyin(text) == expected


def test_sandhi_does_not_cross_a_comma():
    assert to_pinyin("我，好") == ["wo3", "hao3"]


def test_erhua_joins_the_syllable_before():
    assert to_symbols("一点儿") == ["sil", "^", "i4", "#0", "d", "ian3", "er5", "sil", "eos"]
    assert to_symbols("哪儿") == ["sil", "n", "a3", "er5", "sil", "eos"]


def test_a_daughter_is_not_erhua():
    assert to_symbols("女儿") == ["sil", "n", "v3", "#0", "^", "er2", "sil", "eos"]


def test_latin_letters_are_read_by_name():
    assert to_pinyin("GDP") == ["ji4", "di4", "pi1"]
    assert to_pinyin("5G网络") == ["wu3", "ji4", "wang3", "luo4"]
    assert to_pinyin("a") == ["ei1"]


def test_other_symbols_are_skipped():
    assert to_pinyin("增长%") == ["zeng1", "zhang3"]
    assert to_symbols("@#") == ["sil", "sil", "eos"]


def test_full_width_letters_and_digits():
    assert to_pinyin("ＧＤＰ３") == ["ji4", "di4", "pi1", "san1"]


def test_an_override_changes_the_symbols():
    text = "阜蒙县位于辽宁"
    plain = to_symbols(text)
    pinned = to_symbols(text, {"阜蒙县": ["fu3", "meng3", "xian4"]})
    assert plain[:3] == ["sil", "f", "u4"]
    # As written (no sandhi on a pinned reading), and one word: #0 inside.
    assert pinned[:9] == ["sil", "f", "u3", "#0", "m", "eng3", "#0", "x", "ian4"]


def test_the_longest_override_wins():
    overrides = {"银行": ["yin2", "xing2"], "银行家": ["yin2", "hang2", "jia1"]}
    assert to_pinyin("银行家", overrides) == ["yin2", "hang2", "jia1"]


def test_an_override_never_applies_inside_a_longer_word():
    # 长城 is one jieba word; an entry for 长 alone must not touch it.
    assert to_pinyin("长城", {"长": ["zhang3"]}) == ["chang2", "cheng2"]
    assert to_pinyin("长", {"长": ["zhang3"]}) == ["zhang3"]


def test_a_bad_override_is_a_bad_request():
    with pytest.raises(BadRequest):
        to_symbols("阜蒙县", {"阜蒙县": ["fu", "meng2"]})


def test_nothing_speakable():
    assert to_pinyin("，。！") == []
    assert to_symbols("") == ["sil", "sil", "eos"]


def test_an_override_is_cut_out_where_jieba_alone_would_not():
    # Plain jieba cuts 阜蒙/县城; knowing the entry it cuts 阜蒙县/城.
    assert to_pinyin("阜蒙县城", {"阜蒙县": ["fu3", "meng3", "xian4"]})[:2] == ["fu3", "meng3"]


def test_the_circle_zero_is_read():
    assert to_pinyin("二〇二〇年") == ["er4", "ling2", "er4", "ling2", "nian2"]


def test_an_override_at_the_head_of_a_longer_word_sets_the_syllables():
    # jieba keeps 南京市 and 重庆市 whole; the lexicon's reading still applies to the head.
    assert to_pinyin("南京市长江大桥", {"南京": ["nan3", "jing3"]}, sandhi=False)[:3] == ["nan3", "jing3", "shi4"]
    assert to_pinyin("重庆市区", {"重庆": ["zhong4", "qing4"]})[:3] == ["zhong4", "qing4", "shi4"]
    # ...but never in the middle or at the tail of one.
    assert to_pinyin("长城", {"城": ["shi4"]}) == ["chang2", "cheng2"]
