"""A folder of text files read as one edition, one article per file in name order."""

from tts_edition.read import read_edition


def test_one_article_per_file_in_name_order(tmp_path):
    folder = tmp_path / "2020-11-25"
    folder.mkdir()
    (folder / "02-second.txt").write_text("第二篇的正文。\n", encoding="utf-8")
    (folder / "01-first.md").write_text("# 第一篇标题\n\n第一篇的正文，2020年11月25日。\n", encoding="utf-8")
    (folder / "03-third.txt").write_bytes("第三篇用GBK保存。\n".encode("gbk"))
    (folder / "cover.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (folder / ".hidden.txt").write_text("不读。", encoding="utf-8")
    edition = read_edition(folder)
    assert edition.title == "2020-11-25"
    assert edition.date.isoformat() == "2020-11-25"
    assert [a.title for a in edition.articles] == ["第一篇标题", "02-second", "03-third"]
    assert [a.paragraphs[0].text for a in edition.articles] == [
        "第一篇的正文，2020年11月25日。",
        "第二篇的正文。",
        "第三篇用GBK保存。",
    ]
    assert edition.encoding == "utf-8, gb18030"


def test_a_file_with_several_headings_stays_one_article(tmp_path):
    (tmp_path / "a.md").write_text("# 总题\n\n导语。\n\n## 小标题\n\n正文。\n", encoding="utf-8")
    [article] = read_edition(tmp_path, title="合集").articles
    assert article.title == "总题"
    assert [p.text for p in article.paragraphs] == ["导语。", "小标题", "正文。"]
