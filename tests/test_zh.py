"""Chinese text basics: characters, print artefacts, jieba's words."""

import subprocess
import sys

import pytest

from tts_edition import zh


def test_a_chinese_character_is_an_ideograph_or_the_written_zero():
    assert zh.han("二〇二〇年，㐀豈A1。𠮷") == ["二", "〇", "二", "〇", "年", "㐀", "豈"]


MARKS = [
    "（下转三版）",
    "（上接一版）",
    "（转A3版）",
    "(下转第2版)",
    "（紧接第一版）",
    "（下转第3版 要闻）",
    " （见第十版） ",
]


@pytest.mark.parametrize("mark", MARKS)
def test_continuation_marks(mark):
    assert zh.is_continuation_mark(mark)
    assert zh.continuation_at_end("县领导亲自协调解决。" + mark)


@pytest.mark.parametrize("text", ["（记者李强）", "（2020年11月24日）", "第3版", "（下转三版）之后"])
def test_not_continuation_marks(text):
    assert not zh.is_continuation_mark(text)
    assert not zh.continuation_at_end(text)


def test_bullets_are_ornaments_too():
    assert set(zh.BULLETS) < set(zh.ORNAMENTS)


def test_words_cut_the_text_without_losing_any_of_it():
    text = "阜蒙县城关镇深入推进改革。"
    assert "".join(zh.words(text)) == text
    assert "深入" in zh.words(text)


def test_extra_words_stay_in_their_own_tokenizer():
    assert "阜蒙县" in zh.tokenizer(("阜蒙县",)).lcut("阜蒙县城", HMM=False)
    assert "阜蒙县" not in zh.words("阜蒙县城")  # the shared dictionary did not learn it


def test_a_private_tokenizer_is_what_loading_jieba_again_would_give():
    import jieba

    loaded = jieba.Tokenizer()
    loaded.add_word("阜蒙县")
    loaded.add_word("南京")
    copied = zh.tokenizer(("阜蒙县", "南京"))
    assert copied is not loaded and copied.total == loaded.total
    assert all(w in copied.FREQ and copied.FREQ[w] == copied.FREQ.get(w) == n for w, n in loaded.FREQ.items())
    assert "阜蒙" in copied.FREQ and "阜蒙县" not in jieba.dt.FREQ  # jieba's own table is left as it was



def test_a_private_tagger_cuts_and_tags_as_one_loaded_from_jiebas_files():
    import jieba
    import jieba.posseg

    words = ("阜蒙县", "银行行长")
    loaded = jieba.Tokenizer()
    for word in words:
        loaded.add_word(word)
    text = "阜蒙县城的重庆银行行长说，我们在北京开会，研究生命起源。"
    expected = [tuple(p) for p in jieba.posseg.POSTokenizer(loaded).cut(text, HMM=False)]
    assert [tuple(p) for p in zh.pos_tokenizer(words).cut(text, HMM=False)] == expected
    assert ("阜蒙县", "x") in expected

def test_part_of_speech_and_frequency_of_dictionary_words():
    assert zh.tag("北京") == "ns" and zh.tag("不是一个词") == "x"
    assert zh.frequency("尊重") > 500 and zh.frequency("不是一个词") == 0


def test_the_front_end_reads_as_well_before_anything_else_loaded_jieba():
    # A fresh process whose only jieba user is the front end with lexicon words: the
    # polyphone rules still see jieba's word frequencies (尊重 in 尊重创造 is zun1 zhong4).
    code = (
        "from tts_edition.engines.mandarin import to_pinyin;"
        "print(' '.join(to_pinyin('尊重人才、尊重创造', {'南京': ['nan2', 'jing1']}, sandhi=False)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["zun1", "zhong4", "ren2", "cai2", "zun1", "zhong4", "chuang4", "zao4"]
