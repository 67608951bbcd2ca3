"""Sentences as printed, and chunks of spoken text a voice can take."""

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tts_edition.model import Article, Edition, Paragraph
from tts_edition.read import read_edition
from tts_edition.zh import han
from tts_edition.segment import MAX_SENTENCE, chunks, segment, split_sentences

SAMPLES = Path(__file__).parent.parent / "samples"


@pytest.mark.parametrize("name", ["fumeng-xianbao.txt", "renmin-ribao.txt"])
def test_no_text_lost(name):
    """Every Chinese character of the input is in exactly one title or sentence."""
    path = SAMPLES / name
    edition = segment(read_edition(path))
    printed = [a.title for a in edition.articles] + [s.text for s in edition.sentences()]
    assert Counter(han("".join(printed))) == Counter(han(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", ["fumeng-xianbao.txt", "renmin-ribao.txt"])
def test_samples_have_no_empty_or_punctuation_only_sentence(name):
    for s in segment(read_edition(SAMPLES / name)).sentences():
        assert s.text.strip() == s.text and han(s.text)
        assert s.spoken == ""


def test_segment_fills_sentences_and_drops_empty_paragraphs():
    edition = Edition(title="t", date=None, articles=[Article("a", [Paragraph("一句。两句！"), Paragraph("……")])])
    segment(edition)
    assert [[s.text for s in p.sentences] for p in edition.articles[0].paragraphs] == [["一句。", "两句！"]]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("增长3.5个百分点。访问www.gov.cn了解。", ["增长3.5个百分点。", "访问www.gov.cn了解。"]),
        ("真的吗？是的！好……走吧", ["真的吗？", "是的！", "好……", "走吧"]),
        ("他说：“我们来了。你好。”然后走了。", ["他说：“我们来了。你好。”", "然后走了。"]),
        ("“不惰者，众善之师也。”在长期实践中。", ["“不惰者，众善之师也。”", "在长期实践中。"]),
        ("宣读了《决定。全文》。随后散会。", ["宣读了《决定。全文》。", "随后散会。"]),
        ("会议（第一次。第二次）结束。散会。", ["会议（第一次。第二次）结束。", "散会。"]),
        ("建设服务中心；推行首问负责。", ["建设服务中心；", "推行首问负责。"]),
        ("He said. Then he left! OK?", ["He said.", "Then he left!", "OK?"]),
        ("协调解决。 （下转三版）", ["协调解决。（下转三版）"]),
        ("（上接一版）各乡镇也将开设。", ["（上接一版）各乡镇也将开设。"]),
        ("。。。", []),
        ("” 开头的引号。", ["” 开头的引号。"]),
    ],
)
def test_sentence_rules(text, sentences):
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("新华社北京11月24日电 国家主席习近平同默克尔通电话。", "新华社北京11月24日电"),
        ("据新华社北京11月24日电（记者谢希瑶 安苒）方案24日公布。", "据新华社北京11月24日电（记者谢希瑶 安苒）"),
        ("本报讯（记者李强）昨天，我县召开会议。", "本报讯（记者李强）"),
        ("本报北京11月24日电（记者王明）会议召开。", "本报北京11月24日电（记者王明）"),
    ],
)
def test_datelines_are_the_first_sentence(text, first):
    sentences = split_sentences(text)
    assert sentences[0] == first
    assert "".join(sentences).replace(" ", "") == text.replace(" ", "")


def test_a_runaway_line_is_cut_between_words():
    text = "我县深入推进放管服改革不断提升政务服务水平" * 100
    sentences = split_sentences(text)
    assert "".join(sentences) == text
    assert all(len(s) <= MAX_SENTENCE for s in sentences)
    assert all(s.endswith("水平") or s.endswith("改革") or len(s) > 0 for s in sentences)
    assert len(sentences) > 1


def test_chunks_prefer_clause_punctuation():
    s = "我县以深化“放管服”改革为抓手，不断提升政务服务水平，建设标准化政务服务中心；推行首问负责、限时办结。"
    assert chunks(s, 40) == ["我县以深化“放管服”改革为抓手，不断提升政务服务水平，建设标准化政务服务中心；", "推行首问负责、限时办结。"]
    assert chunks(s, 20) == ["我县以深化“放管服”改革为抓手，", "不断提升政务服务水平，", "建设标准化政务服务中心；推行首问负责、", "限时办结。"]
    assert chunks(s, 200) == [s]


def test_chunks_without_punctuation_cut_between_words():
    s = "中国航发沈阳黎明航空发动机有限责任公司高级技师洪家光代表全国劳动模范宣读倡议书"
    pieces = chunks(s, 12)
    assert "".join(pieces) == s
    assert all(len(p) <= 12 for p in pieces)
    joined_at = {sum(map(len, pieces[: i + 1])) for i in range(len(pieces) - 1)}
    for word in ("航空", "发动机", "责任", "公司", "技师", "劳动", "模范", "倡议书"):
        start = s.index(word)
        assert not any(start < cut < start + len(word) for cut in joined_at), word


def test_a_word_longer_than_the_limit_is_the_only_cut_inside_a_word():
    assert chunks("12345678901234567890", 8) == ["12345678", "90123456", "7890"]


def test_punctuation_is_never_left_alone_even_past_the_limit():
    assert chunks("好“！！！", 3) == ["好“！！！"]
    assert chunks("“！好好好好", 4) == ["“！好好", "好好"]


def test_chunks_rejects_a_zero_limit():
    with pytest.raises(ValueError):
        chunks("文", 0)


text_strategy = st.text(
    alphabet=st.sampled_from(list("我县深入推进改革不断提升政务服务水平，、：；。！“”《》（） 1234abc")), max_size=300
)


@settings(max_examples=200, deadline=None)
@given(text=text_strategy, limit=st.integers(min_value=8, max_value=80))
def test_chunks_properties(text, limit):
    assume(not re.search(r"[^\w]{4}", text))  # real punctuation comes in ones and twos
    pieces = chunks(text, limit)
    assert "".join(pieces) == text
    for p in pieces:
        assert p
        assert len(p) <= limit
    if any(c.isalnum() for c in text):
        assert all(any(c.isalnum() for c in p) for p in pieces)
