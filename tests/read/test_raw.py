"""Raw page text (PDF/OCR exports): reflow, headlines, bylines, briefs."""

import re
from pathlib import Path

from tts_edition.read import read_edition
from tts_edition.read.raw import clean_headline, is_spaced, parse
from tts_edition.segment import segment

SAMPLES = Path(__file__).parents[2] / "samples"
DATA = Path(__file__).parent / "data"
ENDS = re.compile(r"[。！？；…][”’」』）)]*$|[（(]下转[^）)]+[）)]$")


def county():
    return segment(read_edition(SAMPLES / "fumeng-xianbao.txt"))


def sentences_of(edition):
    return [s.text for s in edition.sentences()]


def test_county_titles_are_the_page_headlines():
    titles = [a.title for a in county().articles]
    assert titles == [
        "以解放思想激发创新创业热情 以改革创新释放发展活力",
        "全国劳动模范和先进工作者表彰大会隆重举行",
        "我县深入推进“放管服”改革",
    ]


def test_county_sentence_joined_from_three_lines():
    assert "我县以深化“放管服”改革为抓手，不断提升政务服务水平，建设标准化政务服务中心；" in sentences_of(county())


def test_county_page_break_joins():
    text = " ".join(sentences_of(county()))
    assert "必须紧紧依靠工人阶级和广大劳动群众。" in text  # deck cut by a blank line after a comma
    assert "中国航发沈阳黎明航空发动机有限责任公司高级技师洪家光" in text  # lone line before a blank
    assert "谱写了“中国梦·劳动美”的新篇章。" in text
    assert "把党和政府的关怀送到困难群众心坎上" in text


def test_county_no_sentence_is_cut_by_a_line_break():
    edition = county()
    deck = edition.articles[1].paragraphs[:2]  # the unpunctuated deck under the main headline
    loose = {s.text for p in deck for s in p.sentences}
    for s in sentences_of(edition):
        assert "\n" not in s and "  " not in s
        if s in loose or s.startswith(("新华社", "本报记者")):
            continue
        assert ENDS.search(s), s


def test_county_byline_and_dateline_open_the_article():
    article = county().articles[2]
    first, second = article.paragraphs[0].sentences[0].text, article.paragraphs[1].sentences[0].text
    assert first == "本报记者谢红静刘超"
    assert second == "新华社北京11月24日电"


def test_county_continuation_mark_kept_in_text_with_its_sentence():
    assert any(s.endswith("全程督办工作落实。") for s in sentences_of(county()))
    assert any(s.endswith("县领导亲自协调解决。（下转三版）") for s in sentences_of(county()))


def test_a_page_we_wrote_reads_the_same_way():
    edition = segment(read_edition(DATA / "raw-page.txt"))
    assert [a.title for a in edition.articles] == [
        "秋收时节话丰年 全县粮食产量再创新高",
        "为群众办实事 县医院开通老年人就医绿色通道",
        "简讯",
    ]
    first, second, briefs = edition.articles
    assert first.paragraphs[0].sentences[0].text == "本报讯（记者王明通讯员张丽）"
    assert "总产量达到9.8亿斤，比上年增长3.5%。" in first.paragraphs[0].sentences[1].text
    assert "来自New York的农业科技公司" in first.paragraphs[1].text  # a space that belongs
    assert first.paragraphs[1].text.endswith("明显提升。（下转二版）")
    assert second.paragraphs[0].text == "记者赵刚"
    assert second.paragraphs[1].sentences[0].text == "11月20日，县人民医院在门诊大厅设立老年人就医服务台，安排专人帮助老年人挂号、缴费和取药。"
    assert second.paragraphs[-1].text.startswith("（上接一版）各乡镇")
    assert [p.text for p in briefs.paragraphs] == [
        "县图书馆冬季开放时间调整为每天9时至17时。",
        "我县举办第三届农民丰收节，展示特色农产品200余种。",
        "县气象台提醒：本周将有明显降温，请注意防寒保暖。",
    ]


def test_text_before_any_headline_belongs_to_an_untitled_article():
    _, articles = parse("我县召开会议，部署\n冬季防火工作。\n")
    assert [(a.title, [p.text for p in a.paragraphs]) for a in articles] == [("", ["我县召开会议，部署冬季防火工作。"])]


def test_indented_lines_start_paragraphs():
    _, articles = parse("标题在此\n\n　　第一段很短。\n　　第二段也短。\n")
    assert [p.text for p in articles[0].paragraphs] == ["第一段很短。", "第二段也短。"]


def test_spaced_headlines_collapse_but_phrases_keep_their_space():
    assert is_spaced("以 改 革 创 新 释 放 发 展 活 力")
    assert not is_spaced("争做奋斗者 建功新征程")
    assert clean_headline("以 改 革 创 新 释 放 发 展 活 力") == "以改革创新释放发展活力"
    assert clean_headline("争做奋斗者  建功新征程") == "争做奋斗者 建功新征程"


def test_masthead_titles_the_edition_and_headlines_may_hold_a_comma(tmp_path):
    page = (
        "阜蒙县报\n2020年11月25日 星期三 第1版\n\n"
        "习近平：坚持稳中求进，推动高质量发展\n\n"
        "新华社北京11月24日电 会议强调，要坚持稳中求进\n工作总基调。\n\n"
        "全县冬季供暖全面启动\n本报讯（记者 刘 洋）11月1日起，全县\n供暖全面启动。\n"
    )
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    edition = segment(read_edition(path))
    assert edition.title == "阜蒙县报"
    assert edition.date.isoformat() == "2020-11-25"
    assert [a.title for a in edition.articles] == ["习近平：坚持稳中求进，推动高质量发展", "全县冬季供暖全面启动"]
    assert [s.text for s in edition.articles[0].paragraphs[0].sentences] == [
        "新华社北京11月24日电",
        "会议强调，要坚持稳中求进工作总基调。",
    ]
    assert [s.text for s in edition.articles[1].paragraphs[0].sentences] == [
        "本报讯（记者刘洋）",
        "11月1日起，全县供暖全面启动。",
    ]


def test_indented_page_with_kicker_subtitle_and_square_bullets():
    edition = segment(read_edition(DATA / "raw-page-indented.txt"))
    assert [a.title for a in edition.articles] == [
        "聚焦乡村振兴 我县特色产业助农增收 ——来自沙拉镇的调查",
        "县政协召开十届五次常委会议",
        "简讯",
    ]
    feature = edition.articles[0]
    assert [p.text for p in feature.paragraphs][0] == "本报通讯员张三记者李四"
    assert feature.paragraphs[1].sentences[1].text == "“今年的价格比去年好，一个棚能收入三万多元。”"
    assert feature.paragraphs[2].text.endswith("带动农户增收。（下转第三版）")
    assert edition.articles[1].paragraphs[0].sentences[0].text == "本报讯（记者孙丽）"
    assert len(edition.articles[2].paragraphs) == 2
