import pytest

from tts_edition.normalize import normalize
from tts_edition.normalize.numbers import cardinal, count, decimal, digits, number


@pytest.mark.parametrize(
    ("n", "said"),
    [
        ("0", "零"), ("10", "十"), ("15", "十五"), ("110", "一百一十"), ("1010", "一千零一十"),
        ("1689", "一千六百八十九"), ("804", "八百零四"), ("100010", "十万零一十"),
        ("1903971", "一百九十万三千九百七十一"), ("100000001000", "一千亿零一千"),
        ("9876543298765432", "九千八百七十六万五千四百三十二亿九千八百七十六万五千四百三十二"),
    ],
)
def test_cardinal(n, said):
    assert cardinal(n) == said


def test_two_is_liang_at_the_head_of_thousands_and_ten_thousands():
    assert cardinal("2000") == "两千"
    assert cardinal("12000") == "一万两千"
    assert cardinal("22000") == "两万两千"
    assert cardinal("200000000") == "两亿"
    assert cardinal("200") == "二百"  # hundreds stay 二 (design notes)
    assert cardinal("120000") == "十二万"
    assert cardinal("2") == "二"


def test_a_lone_two_before_a_measure_word_is_liang():
    assert count("2") == "两"
    assert normalize("2个孩子") == "两个孩子"
    assert normalize("2年后") == "两年后"
    assert normalize("2万人") == "两万人"
    assert normalize("2月") == "二月"
    assert normalize("2号线") == "二号线"
    assert normalize("2两") == "二两"
    assert normalize("第2名") == "第二名"
    assert normalize("22个") == "二十二个"


def test_decimals_keep_printed_zeros():
    assert decimal("3.14") == "三点一四"
    assert decimal("12.30") == "十二点三零"
    assert decimal("36.00", strip_zeros=True) == "三十六"
    assert normalize("共计6.42万人") == "共计六点四二万人"
    assert normalize("一支.22口径的手枪") == "一支零点二二口径的手枪"


def test_negatives():
    assert number("-1.5") == "负一点五"
    assert number("-0") == "零"
    assert normalize("计算-2的绝对值") == "计算负二的绝对值"


def test_digit_strings():
    assert digits("0418") == "零四一八"
    assert digits("0418", yao=True) == "零四幺八"
    assert normalize("127.0.0.1") == "一二七点零点零点一"
    assert normalize("编号012") == "编号零一二"
    assert normalize("1" * 20) == "一" * 20  # too long to be a quantity


def test_ordinals_and_approximations():
    assert normalize("第12次") == "第十二次"
    assert normalize("200余人") == "二百余人"
    assert normalize("10几个") == "十几个"
    assert normalize("30多个国家") == "三十多个国家"
    assert normalize("400元左右") == "四百元左右"


def test_thousands_separators():
    assert normalize("1,234,567人") == "一百二十三万四千五百六十七人"
    assert normalize("1,200.5万元") == "一千二百点五万元"


def test_chinese_numerals_and_idioms_are_left_alone():
    for text in ("十四五", "不管三七二十一", "九九八十一难", "一点一滴", "五千万元"):
        assert normalize(text) == text
