import pytest

from tts_edition.normalize import normalize


@pytest.mark.parametrize(
    "printed",
    ["2020年11月24日", "2020-11-24", "2020/11/24", "2020.11.24", "2020·11·24", "11-24-2020", "２０２０年１１月２４日"],
)
def test_a_full_date_in_every_printed_form(printed):
    assert normalize(printed) == "二零二零年十一月二十四日"


def test_year_and_month_forms():
    assert normalize("2008-08") == "二零零八年八月"
    assert normalize("08/2008") == "二零零八年八月"
    assert normalize("08-08") == "八月八日"
    assert normalize("2015.5") == "二千零一十五点五".replace("二千", "两千")  # a decimal, not a date


def test_years_digit_by_digit_counts_of_years_as_numbers():
    assert normalize("1950年党和国家首次表彰劳动模范70年来") == "一九五零年党和国家首次表彰劳动模范七十年来"
    assert normalize("近1000年来") == "近一千年来"
    assert normalize("2015年以来") == "二零一五年以来"
    assert normalize("已有3000多年历史") == "已有三千多年历史"
    assert normalize("过去5年") == "过去五年"
    assert normalize("86年8月18日") == "八六年八月十八日"
    assert normalize("05年") == "零五年"
    assert normalize("公元前221年") == "公元前二二一年"
    assert normalize("90年代") == "九十年代"
    assert normalize("1990年代") == "一九九零年代"


def test_datelines_and_days():
    assert normalize("新华社北京11月24日电") == "新华社北京十一月二十四日电"
    assert normalize("24日上午") == "二十四日上午"
    assert normalize("30号") == "三十号"


def test_years_used_as_names():
    assert normalize("（2020版）") == "（二零二零版）"
    assert normalize("国发〔2020〕35号") == "国发〔二零二零〕三十五号"
    assert normalize("2019—2020赛季") == "二零一九至二零二零赛季"


def test_generations_and_named_days():
    assert normalize("90后") == "九零后"
    assert normalize("“9·18”事变") == "“九一八”事变"
    assert normalize("“11·11”购物节") == "“双十一”购物节"
