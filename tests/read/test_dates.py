import datetime as dt

from tts_edition.read import read_edition
from tts_edition.read.dates import find_date, split_title


def test_first_full_date_in_any_common_form():
    assert find_date("（2020年11月24日）新华社北京11月25日电") == dt.date(2020, 11, 24)
    assert find_date("发布时间：2020-11-25 10:30") == dt.date(2020, 11, 25)
    assert find_date("2020/1/5 更新") == dt.date(2020, 1, 5)
    assert find_date("二〇二〇年十一月二十四日 星期二") == dt.date(2020, 11, 24)
    assert find_date("先是 2021.03.08，后是2020年1月1日") == dt.date(2021, 3, 8)


def test_no_full_date():
    assert find_date("新华社北京11月24日电，2020版目录，共200项") is None
    assert find_date("2020年13月40日") is None


def test_a_masthead_gives_the_paper_and_its_day():
    assert split_title("阜蒙县报 2020年11月25日") == ("阜蒙县报", dt.date(2020, 11, 25))
    assert split_title("人民日报 2020-11-25 星期三 第3版") == ("人民日报", dt.date(2020, 11, 25))
    assert split_title("在全国劳动模范和先进工作者表彰大会上的讲话") == ("在全国劳动模范和先进工作者表彰大会上的讲话", None)
    assert split_title("2020年11月25日") == ("2020年11月25日", None)  # nothing else to call it


def test_the_masthead_date_leaves_the_edition_title(tmp_path):
    paper = tmp_path / "paper.txt"
    paper.write_text("# 阜蒙县报 2020年11月25日\n\n## 标题\n\n正文一句，2019年1月1日。\n", encoding="utf-8")
    edition = read_edition(paper)
    assert (edition.title, edition.date) == ("阜蒙县报", dt.date(2020, 11, 25))
