"""Markdown-style text: headings start articles, title headings and sections."""

from pathlib import Path

from tts_edition.read import read_edition
from tts_edition.read.markdown import parse

SAMPLES = Path(__file__).parents[2] / "samples"


def national():
    return read_edition(SAMPLES / "renmin-ribao.txt")


def test_national_one_article_per_heading():
    text = (SAMPLES / "renmin-ribao.txt").read_text(encoding="utf-8")
    headings = [line.lstrip("#").strip().lstrip("► ") for line in text.splitlines() if line.startswith("#")]
    edition = national()
    assert [a.title for a in edition.articles] == headings
    assert edition.articles[0].title == "在全国劳动模范和先进工作者表彰大会上的讲话"
    # no title heading: the lead headline, not the file's name, and the guess is on record
    assert edition.title == "在全国劳动模范和先进工作者表彰大会上的讲话"
    assert edition.guessed == ["title", "date"]  # the date came from the body text, not a masthead
    assert edition.date.isoformat() == "2020-11-24"


def test_national_page_break_joins():
    paragraphs = [p.text for a in national().articles for p in a.paragraphs]
    assert any("必须紧紧依靠工人阶级和广大劳动群众，开启新征程" in p for p in paragraphs)
    assert any("双方要增进互信合作" in p for p in paragraphs)
    assert any("积极投身经济社会发展的火热实践，党中央" in p for p in paragraphs)
    # short lines without punctuation are not glued to what follows
    assert national().articles[0].paragraphs[0].text == "(2020年11月24日)"
    assert national().articles[0].paragraphs[1].text == "习近平"


def test_briefs_section_is_an_article_of_its_items():
    briefs = next(a for a in national().articles if a.title == "高端要讯")
    assert len(briefs.paragraphs) == 2
    assert briefs.paragraphs[0].text.startswith("国务院总理李克强")
    assert briefs.paragraphs[0].text.endswith("深入交流，并在会后共同会见记者。")
    assert briefs.paragraphs[1].text.startswith("中央纪委常委会")
    assert "●" not in "".join(p.text for p in briefs.paragraphs)


def test_title_heading_over_articles_titles_the_edition(tmp_path):
    path = tmp_path / "page.md"
    path.write_text("# 阜蒙县报 2020年11月25日\n\n## 第一篇\n\n正文一。\n\n## 第二篇\n\n正文二。\n", encoding="utf-8")
    edition = read_edition(path)
    assert edition.title == "阜蒙县报"  # the date goes to edition.date, not into the title read aloud
    assert edition.date.isoformat() == "2020-11-25"
    assert [a.title for a in edition.articles] == ["第一篇", "第二篇"]


def test_options_win_over_the_text(tmp_path):
    import datetime as dt

    path = tmp_path / "page.md"
    path.write_text("# 阜蒙县报 2020年11月25日\n\n## 第一篇\n\n正文一。\n", encoding="utf-8")
    edition = read_edition(path, title="晚报", date=dt.date(2021, 1, 2))
    assert (edition.title, edition.date) == ("晚报", dt.date(2021, 1, 2))


def test_heading_over_deeper_headings_is_a_section_not_an_article():
    title, articles = parse("# 报名\n\n## 要闻\n\n### 甲\n\n甲文。\n\n### 乙\n\n乙文。\n\n## 国际\n\n### 丙\n\n丙文。\n\n## 丁\n\n丁文。\n")
    assert title == "报名"
    assert [a.title for a in articles] == ["甲", "乙", "丙", "丁"]


def test_a_paragraph_ending_in_a_continuation_mark_is_complete():
    # The mark ends the paragraph: the next one is not text a page break cut off.
    _, articles = parse("## 题\n\n县领导亲自协调解决，效果明显。（下转第3版）\n\n明天下雨。\n")
    assert [p.text for p in articles[0].paragraphs] == ["县领导亲自协调解决，效果明显。（下转第3版）", "明天下雨。"]


def test_text_before_the_first_heading_is_kept():
    title, articles = parse("导语一段。\n\n## 正题\n\n正文。\n")
    assert title is None
    assert [(a.title, [p.text for p in a.paragraphs]) for a in articles] == [("", ["导语一段。"]), ("正题", ["正文。"])]


def test_wrapped_lines_join_without_spaces_between_chinese():
    _, articles = parse("## 题\n\n第一行接着\n第二行。Hello\nworld.\n")
    assert articles[0].paragraphs[0].text == "第一行接着第二行。Hello world."


def test_a_newline_in_a_given_title_or_file_name_becomes_a_space(tmp_path):
    from tts_edition.read import read_edition

    path = tmp_path / "日报\n晚刊.txt"
    path.write_text("今天的正文在这里，没有标题。\n\n第二段也是正文。\n", encoding="utf-8")
    assert read_edition(path).title == "日报 晚刊"
    assert read_edition(path, title="人民\n日报\r\n").title == "人民 日报"
    assert len(read_edition(path, title="长" * 500).title) == 100
