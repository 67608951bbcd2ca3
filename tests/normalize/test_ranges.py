from tts_edition.normalize import normalize


def test_spans_of_dates_take_zhi():
    assert normalize("2015—2020年") == "二零一五至二零二零年"
    assert normalize("1—10月份") == "一至十月份"
    assert normalize("11月24日—26日") == "十一月二十四日至二十六日"
    assert normalize("2021至2025年") == "二零二一至二零二五年"


def test_other_spans_take_dao():
    assert normalize("3-5年") == "三到五年"
    assert normalize("12~23") == "十二到二十三"
    assert normalize("5～10℃") == "五到十摄氏度"
    assert normalize("-5～3℃") == "零下五到三摄氏度"
    assert normalize("5%-10%") == "百分之五到百分之十"
    assert normalize("2～3人") == "两到三人"
    assert normalize("-1.5~2") == "负一点五到二"
    assert normalize("雨量10～25mm") == "雨量十到二十五毫米"


def test_a_printed_zhi_or_dao_is_kept():
    assert normalize("1万至2万元") == "一万至两万元"
    assert normalize("从1到100") == "从一到一百"
