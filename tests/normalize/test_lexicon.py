from pathlib import Path

import pytest

from tts_edition.errors import UserError
from tts_edition.normalize.lexicon import Lexicon


def write(tmp_path: Path, text: str, name: str = "lexicon.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_default_lexicon_covers_names_the_rules_misread():
    overrides = Lexicon.load(Lexicon.default_path()).pinyin_overrides()
    assert overrides["阜蒙县"] == ["fu4", "meng2", "xian4"]
    assert overrides["六安"] == ["lu4", "an1"]
    assert overrides["蚌埠"] == ["beng4", "bu4"]
    assert overrides["番禺"] == ["pan1", "yu2"]
    assert overrides["尉迟恭"] == ["yu4", "chi2", "gong1"]
    for word, first in [("单霁翔", "shan4"), ("曾晓芃", "zeng1"), ("解振华", "xie4"), ("查良镛", "zha1"),
                        ("仇和", "qiu2"), ("朴槿惠", "piao2")]:
        assert overrides[word][0] == first


def test_apply_replaces_whole_words_with_what_to_say():
    lexicon = Lexicon.load(Lexicon.default_path())
    assert lexicon.apply("单霁翔说") == "善霁翔说"
    assert lexicon.apply("六安市") == "陆安市"  # a place name followed by its suffix
    assert lexicon.apply("十六安置房") == "十六安置房"  # never inside a longer word
    assert lexicon.apply("六安全") == "六安全"
    assert lexicon.apply("没有词") == "没有词"


def test_longest_entry_wins(tmp_path):
    path = write(tmp_path, '[words]\n"尉迟" = { say = "玉迟" }\n"尉迟恭" = { say = "玉迟恭！" }\n')
    assert Lexicon.load(path).apply("尉迟恭是唐朝名将") == "玉迟恭！是唐朝名将"


def test_the_written_zero_is_a_character_with_a_syllable(tmp_path):
    # as the offline voice reads it: 二〇二〇 is four characters, four syllables
    path = write(tmp_path, '[words]\n"二〇二〇" = "er4 ling2 er4 ling2"\n')
    assert Lexicon.load(path).pinyin_overrides() == {"二〇二〇": ["er4", "ling2", "er4", "ling2"]}


def test_later_files_win_and_say_defaults_to_the_word(tmp_path):
    first = write(tmp_path, '[words]\n"阜蒙县" = { say = "甲" }\n"长治" = "chang2 zhi4"\n', "a.toml")
    second = write(tmp_path, '[words]\n"阜蒙县" = { pinyin = "fu4 meng2 xian4" }\n', "b.toml")
    lexicon = Lexicon.load(first, second)
    assert lexicon.apply("阜蒙县") == "阜蒙县"
    assert lexicon.pinyin_overrides() == {"阜蒙县": ["fu4", "meng2", "xian4"], "长治": ["chang2", "zhi4"]}


def test_the_say_spelling_carries_the_pinyin_too():
    overrides = Lexicon.load(Lexicon.default_path()).pinyin_overrides()
    assert overrides["善霁翔"] == ["shan4", "ji4", "xiang2"]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[words]\n"阜蒙县" = { pinyin = "fu4 meng2" }\n', 2, "3 characters but 2 syllables"),
        ('# c\n[words]\n"长治" = { pinyin = "chang zhi4" }\n', 3, "'chang' is not a pinyin syllable"),
        ('[words]\n"长治" = { sound = "x" }\n', 2, "unknown key"),
        ('[words]\n"长治" = { say = "x" \n', 2, ""),
        ('[words]\n"长治" = 3\n', 2, "must be a table"),
    ],
)
def test_a_malformed_file_names_the_file_and_line(tmp_path, text, line, words):
    path = write(tmp_path, text)
    with pytest.raises(UserError) as error:
        Lexicon.load(path)
    message = str(error.value)
    assert str(path) in message and "\n" not in message
    assert f":{line}:" in message or f"line {line}" in message
    assert words in message


def test_a_missing_file_is_a_user_error(tmp_path):
    with pytest.raises(UserError):
        Lexicon.load(tmp_path / "nope.toml")


@pytest.mark.slow  # loads the offline front end (pypinyin phrase tables)
def test_a_lexicon_entry_changes_the_offline_voices_phonemes(tmp_path):
    mandarin = pytest.importorskip("tts_edition.engines.mandarin")
    plain = mandarin.to_pinyin("单田芳的评书")
    # chán, as in 单于, is a reading no rule gives a name: only the lexicon can set it
    path = write(tmp_path, '[words]\n"单田芳" = { pinyin = "chan2 tian2 fang1" }\n')
    lexicon = Lexicon.load(path)
    said = mandarin.to_pinyin(lexicon.apply("单田芳的评书"), lexicon.pinyin_overrides())
    assert plain[0] != "chan2"
    assert said[:3] == ["chan2", "tian2", "fang1"]
