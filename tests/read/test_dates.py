import datetime as dt

from tts_edition.read.dates import find_date


def test_first_full_date_in_any_common_form():
    assert find_date("（2020年11月24日）新华社北京11月25日电") == dt.date(2020, 11, 24)
    assert find_date("发布时间：2020-11-25 10:30") == dt.date(2020, 11, 25)
    assert find_date("2020/1/5 更新") == dt.date(2020, 1, 5)
    assert find_date("二〇二〇年十一月二十四日 星期二") == dt.date(2020, 11, 24)
    assert find_date("先是 2021.03.08，后是2020年1月1日") == dt.date(2021, 3, 8)


def test_no_full_date():
    assert find_date("新华社北京11月24日电，2020版目录，共200项") is None
    assert find_date("2020年13月40日") is None
