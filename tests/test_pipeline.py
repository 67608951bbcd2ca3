import datetime as dt

from tts_edition import pipeline, presets
from tts_edition.model import Level

PAPER = """# 测试日报

## 第一篇文章

今天天气很好。我们去公园散步。

第二段只有一句。

## 第二篇文章

2020年11月24日，全县共有1689人参加活动。
"""


def make_plan(tmp_path, text=PAPER):
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    return pipeline.plan(path)


def test_plan_reads_titles_sentences_and_what_will_be_said(tmp_path):
    edition = make_plan(tmp_path)
    assert edition.title == "测试日报"
    assert edition.date == dt.date(2020, 11, 24)
    assert [a.title for a in edition.articles] == ["第一篇文章", "第二篇文章"]
    last = edition.articles[1].paragraphs[0].sentences[0]
    assert last.text == "2020年11月24日，全县共有1689人参加活动。"
    assert "一千六百八十九人" in last.spoken and not any(c.isdigit() for c in last.spoken)


def test_pieces_end_with_pauses_that_grow_with_the_level(tmp_path):
    edition = make_plan(tmp_path)
    todo = pipeline.pieces(edition, 80, presets.load("standard"))
    titles = [p for p in todo if p.sentence is None]
    assert [p.article for p in titles] == [0, 1]
    by_sentence = [p.level for p in todo if p.sentence is not None]
    # 今天… (sentence), 我们… (end of paragraph), 第二段… (end of article), 2020… (end of article)
    assert by_sentence == [Level.SENTENCE, Level.PARAGRAPH, Level.ARTICLE, Level.ARTICLE]
    assert [p.sentence for p in todo if p.sentence is not None] == [0, 1, 2, 3]


def test_long_sentences_become_several_chunks_within_the_limit(tmp_path):
    long = "，".join(["我县认真学习贯彻全会精神"] * 12) + "。"
    edition = make_plan(tmp_path, f"# 报\n\n## 长句\n\n{long}\n")
    todo = [p for p in pipeline.pieces(edition, 30, presets.load("standard")) if p.sentence == 0]
    assert len(todo) > 1 and all(len(p.text) <= 30 for p in todo)
    assert [p.last_of_sentence for p in todo] == [False] * (len(todo) - 1) + [True]
    assert "".join(p.text for p in todo) == edition.sentences()[0].spoken


def test_elder_announces_the_edition_each_article_by_number_and_closes(tmp_path):
    edition = make_plan(tmp_path)
    todo = pipeline.pieces(edition, 80, presets.load("elder"))
    spoken = [p.text for p in todo if p.sentence is None]
    assert spoken[0].startswith("测试日报") and "二零二零年十一月二十四日" in spoken[0]
    assert spoken[1].startswith("第一篇，共两篇") or spoken[1].startswith("第一篇，共二篇")
    assert spoken[-1] == presets.load("elder").outro
    assert todo[-1].level == Level.ARTICLE


def test_announcements_carry_their_printed_text_and_kind_for_the_transcript(tmp_path):
    edition = make_plan(tmp_path)
    said = [p for p in pipeline.pieces(edition, 80, presets.load("elder")) if p.sentence is None]
    assert [p.kind for p in said] == ["intro", "title", "title", "outro"]
    assert said[0].shown == "测试日报，2020年11月24日。"  # as printed: digits, not 二零二零
    assert said[1].shown.startswith("第1篇，共2篇：")


def test_brief_reads_headlines_and_first_paragraphs_only(tmp_path):
    edition = make_plan(tmp_path)
    todo = pipeline.pieces(edition, 80, presets.load("brief"))
    assert "第二段只有一句" not in "".join(p.text for p in todo)
    assert [p.sentence for p in todo if p.sentence is not None] == [0, 1, 3]


def test_lexicon_beside_the_input_changes_what_is_said(tmp_path):
    (tmp_path / "lexicon.toml").write_text('[words]\n"公园" = { say = "人民公园" }\n', encoding="utf-8")
    edition = make_plan(tmp_path)
    assert "人民公园" in edition.articles[0].paragraphs[0].sentences[1].spoken


def test_titles_get_the_lexicon_too(tmp_path):
    (tmp_path / "lexicon.toml").write_text('[words]\n"文章" = { say = "报道" }\n', encoding="utf-8")
    edition = make_plan(tmp_path)
    todo = pipeline.pieces(edition, 80, presets.load("standard"), pipeline.lexicon_for(tmp_path / "paper.txt"))
    assert todo[0].text.startswith("第一篇报道")


def test_a_title_longer_than_a_headline_is_not_read_as_one(tmp_path):
    long = "很长的标题" * 40
    edition = make_plan(tmp_path, PAPER.replace("第一篇文章", long))
    todo = pipeline.pieces(edition, 80, presets.load("standard"))
    announced = [p for p in todo if p.sentence is None]
    assert [p.article for p in announced] == [1]


def test_pieces_the_voice_cannot_say_hand_their_pause_and_sentence_end_back():
    from pathlib import Path

    from tts_edition.model import Piece

    todo = [
        Piece("标题", Level.PARAGRAPH, 0, None),
        Piece("前半", Level.CHUNK, 0, 0, last_of_sentence=False),
        Piece("𪚥", Level.SENTENCE, 0, 0),  # the end of sentence 0: cannot be said
        Piece("カタカナ", Level.ARTICLE, 0, 1),  # a whole sentence that cannot be said
        Piece("第二篇", Level.SENTENCE, 1, 2),
    ]
    wavs = [Path("a"), Path("b"), None, None, Path("e")]
    kept, paths = pipeline.without_unsaid(todo, wavs)
    assert [p.text for p in kept] == ["标题", "前半", "第二篇"] and paths == [Path("a"), Path("b"), Path("e")]
    assert kept[1].level == Level.ARTICLE and kept[1].last_of_sentence  # the article still ends here
