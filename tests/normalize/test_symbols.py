from tts_edition.normalize import normalize


def test_math():
    assert normalize("1+6") == "一加六"
    assert normalize("2 = 1 + 1") == "二等于一加一"
    assert normalize("3×4=12") == "三乘四等于十二"
    assert normalize("2>=1") == "二大于等于一"
    assert normalize("当场票数≥100万") == "当场票数大于等于一百万"
    assert normalize("±2的平方都是4") == "正负二的平方都是四"


def test_fractions():
    assert normalize("3/16") == "十六分之三"
    assert normalize("占全市总人口的1/5") == "占全市总人口的五分之一"
    assert normalize("-1/3") == "负三分之一"
    assert normalize("5又2分之1") == "五又二分之一"


def test_letters_with_digits():
    assert normalize("PM2.5") == "PM二点五"
    assert normalize("G20峰会") == "G二十峰会"
    assert normalize("4K超高清") == "四K超高清"
    assert normalize("C919大飞机") == "C九一九大飞机"
    assert normalize("No.3") == "第三"
    assert normalize("B2B") == "B to B"


def test_full_width_forms():
    assert normalize("共１２项") == "共十二项"
    assert normalize("新ＩＰＨＯＮＥ") == "新IPHONE"
    assert normalize("６２％") == "百分之六十二"
    assert normalize("同志们：") == "同志们："  # Chinese punctuation is kept


def test_list_marks_and_roman_numerals_say_their_number():
    assert normalize("①加强组织领导") == "一加强组织领导"
    assert normalize("Ⅱ型糖尿病") == "二型糖尿病"
