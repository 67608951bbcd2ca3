import datetime as dt

import pytest

from tts_edition.model import Edition
from tts_edition.publish.naming import folder_name, slug


@pytest.mark.parametrize(
    "title, expected",
    [
        ("人民日报", "renmin-ribao"),
        ("阜蒙县报", "fumeng-xianbao"),
        ("阜蒙县报 2020年11月25日", "fumeng-xianbao"),
        ("重庆晨报", "chongqing-chenbao"),  # polyphone read as in the phrase
        ("中国青年报", "zhongguo-qingnian-bao"),
        ("China Daily 中国日报", "china-daily-zhongguo-ribao"),
        ("Le Monde — édition", "le-monde-edition"),
        ("绿色/报:*?", "lvse-bao"),
        ("📰", "edition"),
    ],
)
def test_slug_is_ascii_pinyin_without_tones(title, expected):
    assert slug(title) == expected


def test_folder_name_has_the_date_or_says_undated():
    assert folder_name(Edition("人民日报", dt.date(2020, 11, 24))) == "2020-11-24-renmin-ribao"
    assert folder_name(Edition("人民日报", None)) == "undated-renmin-ribao"
    assert folder_name(Edition("人民日报", dt.date(2020, 11, 24)), part=2) == "2020-11-24-renmin-ribao-part2"


def test_long_titles_are_cut_to_a_safe_length():
    name = slug("很长的标题" * 40)
    assert len(name) <= 60 and not name.endswith("-")
