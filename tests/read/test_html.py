"""A saved news page: the headline and the body paragraphs, no navigation, ads or footer."""

from pathlib import Path

from tts_edition.read import read_edition

PAGE = Path(__file__).parent / "data" / "article.html"


def test_headline_and_only_the_body():
    edition = read_edition(PAGE)
    assert edition.title == "我县新建三座便民服务中心"
    assert edition.date.isoformat() == "2020-11-25"
    [article] = edition.articles
    assert article.title == "我县新建三座便民服务中心"
    texts = [p.text for p in article.paragraphs]
    assert len(texts) == 4
    assert texts[0].startswith("本报讯（记者李强）记者从县政务服务中心获悉")
    assert texts[-1].endswith("让群众少跑腿、好办事。")
    everything = "".join(texts)
    for junk in ("首页", "促销", "相关阅读", "以旧换新", "版权所有", "统计代码", "阜蒙新闻网"):
        assert junk not in everything


def test_html_detected_from_content_whatever_the_suffix(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes(PAGE.read_bytes())
    assert read_edition(path).articles[0].title == "我县新建三座便民服务中心"


def test_html_in_gbk(tmp_path):
    path = tmp_path / "gbk.html"
    path.write_bytes(PAGE.read_text(encoding="utf-8").replace("utf-8", "gbk").encode("gbk"))
    edition = read_edition(path)
    assert edition.encoding == "gb18030"
    assert edition.articles[0].title == "我县新建三座便民服务中心"
