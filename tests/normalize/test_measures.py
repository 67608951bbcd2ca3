import pytest

from tts_edition.normalize import normalize


@pytest.mark.parametrize(
    ("printed", "spoken"),
    [
        ("￥1.25", "一点二五元"), ("$5", "五美元"), ("€5", "五欧元"), ("£100", "一百英镑"),
        ("HKD13.5", "十三点五港元"), ("HK$13.5", "十三点五港元"), ("$1.5万", "一点五万美元"),
        ("3.5亿元", "三点五亿元"), ("2万元", "两万元"), ("2元", "两元"), ("36.00元", "三十六元"),
        ("100 USD", "一百美元"), ("12块5", "十二块五"),
    ],
)
def test_money(printed, spoken):
    assert normalize(printed) == spoken


def test_percent_and_permille():
    assert normalize("同比增长6.3%") == "同比增长百分之六点三"
    assert normalize("-98%") == "负百分之九十八"
    assert normalize("0.70%") == "百分之零点七"
    assert normalize("5‰") == "千分之五"
    assert normalize("同比升高0.6个百分点") == "同比升高零点六个百分点"


def test_temperatures_below_zero_are_lingxia():
    assert normalize("最低气温-12℃") == "最低气温零下十二摄氏度"
    assert normalize("38°C") == "三十八摄氏度"


@pytest.mark.parametrize(
    ("printed", "spoken"),
    [
        ("25kg", "二十五千克"), ("1 kg", "一千克"), ("全长12.5km", "全长十二点五公里"),
        ("120m²", "一百二十平方米"), ("10km²", "十平方公里"), ("10km/h", "每小时十公里"),
        ("500ml", "五百毫升"), ("10ms", "十毫秒"), ("2m", "两米"), ("1.2万㎡", "一点二万平方米"),
        ("153.5cm", "一百五十三点五厘米"),
    ],
)
def test_units(printed, spoken):
    assert normalize(printed) == spoken


def test_a_letter_after_a_number_is_not_a_unit_when_it_spells_a_word():
    assert normalize("5A级景区") == "五A级景区"
    assert normalize("5G") == "五G"
