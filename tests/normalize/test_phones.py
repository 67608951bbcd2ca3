from tts_edition.normalize import normalize


def test_phone_numbers_are_read_digit_by_digit_with_yao():
    assert normalize("咨询电话：0418-8812345") == "咨询电话：零四幺八八八幺二三四五"
    assert normalize("手机13904181234") == "手机幺三九零四幺八幺二三四"
    assert normalize("400-810-8888") == "四零零八幺零八八八八"
    assert normalize("尾号1702") == "尾号幺七零二"


def test_service_numbers():
    assert normalize("拨打12345政务服务便民热线") == "拨打幺二三四五政务服务便民热线"
    assert normalize("请拨打110报警") == "请拨打幺幺零报警"
    assert normalize("120急救") == "幺二零急救"


def test_the_same_digits_as_counts_stay_counts():
    assert normalize("共110人") == "共一百一十人"
    assert normalize("120平方米") == "一百二十平方米"
    assert normalize("投诉1200件") == "投诉一千二百件"
    assert normalize("12345人") == "一万两千三百四十五人"


def test_serials_keep_yi():
    assert normalize("陈永仁的编号27149") == "陈永仁的编号二七一四九"
    assert normalize("“26314”号") == "“二六三一四”号"
    assert normalize("302室") == "三零二室"
    assert normalize("邮编123000") == "邮编一二三零零零"
