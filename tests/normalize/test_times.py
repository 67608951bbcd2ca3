from tts_edition.normalize import normalize


def test_clock_times():
    assert normalize("14:30") == "十四点三十分"
    assert normalize("7:05") == "七点零五分"
    assert normalize("11:00") == "十一点"
    assert normalize("2:02") == "两点零二分"
    assert normalize("于5:35:36发射") == "于五点三十五分三十六秒发射"
    assert normalize("22：58") == "二十二点五十八分"


def test_am_pm_become_shangwu_xiawu():
    assert normalize("8:00 a.m.准时开会") == "上午八点准时开会"
    assert normalize("下午3:04pm") == "下午三点零四分"


def test_hours_in_words():
    assert normalize("上午10时") == "上午十时"
    assert normalize("9时05分") == "九时零五分"
    assert normalize("凌晨2点") == "凌晨两点"
    assert normalize("3个小时15分钟30秒") == "三个小时十五分钟三十秒"


def test_scores_and_ratios_are_bi():
    assert normalize("中国队以3:1战胜对手") == "中国队以三比一战胜对手"
    assert normalize("爆冷0:1") == "爆冷零比一"
    assert normalize("比分测试17:16") == "比分测试十七比十六"
    assert normalize("1:50000比例尺") == "一比五万比例尺"


def test_time_spans():
    assert normalize("8:00—17:30") == "八点至十七点三十分"


def test_a_list_of_scores_stays_scores_and_a_list_of_times_stays_times():
    assert normalize("三局比分为25:20、25:18、21:19") == "三局比分为二十五比二十、二十五比十八、二十一比十九"
    assert normalize("会议于9:30、14:00两次召开") == "会议于九点三十分、十四点两次召开"
