"""Random bytes and random Unicode through every reader: an Edition or one of our errors, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tts_edition import segment
from tts_edition.errors import UserError
from tts_edition.read import read_edition
from tts_edition.read.decode import decode
from tts_edition.read.detect import detect_format
from tts_edition.read import html, markdown, raw

SETTINGS = settings(max_examples=1000, deadline=None, database=None, suppress_health_check=list(HealthCheck))
# Text shaped like a paper: headings, blank lines, Chinese, markup characters, odd spaces.
PAPERISH = st.lists(
    st.sampled_from(["# ", "## ", "\n", "\n\n", "。", "，", "<p>", "</p>", "<a href='x'>", "<h1>", "&amp;", "\u3000",
                     "\r\n", "\t", "（", "）", "2020年11月24日", "本报讯", "记者", "——", "…", "\x0c", "\ufeff"])
    | st.text(max_size=8),
    max_size=60,
).map("".join)


@SETTINGS
@given(st.binary(max_size=2000))
def test_decode_random_bytes(data):
    try:
        text, encoding = decode(data)
    except UserError:
        return
    assert isinstance(text, str) and encoding


@SETTINGS
@given(st.text(max_size=400) | PAPERISH)
def test_parsers_take_any_text(text):
    for parse in (markdown.parse, raw.parse):
        heading, _ = parse(text)
        assert heading is None or isinstance(heading, str)
    detect_format(text, ".txt")


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.text(max_size=400) | PAPERISH)
def test_the_html_reader_takes_any_text(text):
    try:
        _, articles = html.parse(text)
    except UserError as e:
        assert "\n" not in str(e)
        return
    assert articles and all(p.text for a in articles for p in a.paragraphs)


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(st.binary(max_size=600) | PAPERISH.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_a_file_of_anything_reads_or_is_refused_in_one_line(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("fuzz") / "paper.txt"
    path.write_bytes(data)
    try:
        edition = read_edition(path)
    except UserError as e:
        assert "\n" not in str(e)
        return
    segment.segment(edition)
    assert edition.title and "\n" not in edition.title
