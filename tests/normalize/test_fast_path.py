"""Plain Chinese sentences skip the number and symbol passes; they must read exactly as with all."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from tts_edition import normalize as n

SAMPLES = Path(__file__).parents[2] / "samples"


def all_passes(text: str) -> str:
    for rewrite in n.PASSES:
        text = rewrite(text)
    for _ in range(4):
        before = text
        for rewrite in n.TIDY:
            text = rewrite(text)
        if text == before:
            break
    return text


plain_chinese = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),  # Extension A
        st.characters(min_codepoint=0xF900, max_codepoint=0xFAFF),  # compatibility ideographs
        st.sampled_from("，。、；：？！“”‘’《》（）一二三四五六七八九十百千万亿零〇两年月日号时分"),
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(plain_chinese)
def test_plain_chinese_reads_the_same_without_the_number_passes(text):
    assert n.normalize_strict(text) == all_passes(text)


def test_every_line_of_the_samples_reads_the_same_either_way():
    for sample in SAMPLES.glob("*.txt"):
        for line in sample.read_text(encoding="utf-8").splitlines():
            assert n.normalize_strict(line) == all_passes(line), line


def test_continuation_marks_still_go_on_the_fast_path():
    assert n.normalize_strict("全程督办工作落实。（下转三版）") == all_passes("全程督办工作落实。（下转三版）")
