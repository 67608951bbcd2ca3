from tts_edition.read.detect import detect_format


def test_headings_make_markdown_and_their_absence_a_raw_page():
    assert detect_format("# 标题\n\n正文。") == "markdown"
    assert detect_format("前言。\n\n## 第二篇\n正文。") == "markdown"
    assert detect_format("标题\n正文第一行\n第二行。") == "raw"
    assert detect_format("#不是标题（没有空格）\n正文。") == "raw"


def test_html_by_content_or_suffix():
    assert detect_format("<!DOCTYPE html><html><body><p>文</p></body></html>") == "html"
    assert detect_format("<p>文</p>", ".htm") == "html"
