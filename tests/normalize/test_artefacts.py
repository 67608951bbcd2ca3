from tts_edition.normalize import normalize
from tts_edition.normalize.artefacts import clean, pauses


def test_bullets_headings_and_continuation_marks_are_not_read():
    assert clean("● 国务院总理") == "国务院总理"
    assert clean("### ► 高端要讯") == "高端要讯"
    assert clean("协调解决。 （下转三版）") == "协调解决。"
    assert clean("（上接一版）各级党委") == "各级党委"
    assert clean("（紧接第1版）") == ""


def test_spaces_between_chinese_characters_are_dropped():
    assert clean("以 改 革 创 新") == "以改革创新"
    assert clean("二 〇 二 〇 年") == "二〇二〇年"  # 〇 is a Chinese character too
    assert clean("本报记者 谢红静 刘 超") == "本报记者 谢红静 刘超"  # a space between names stays
    assert clean("200 余人") == "200余人"
    assert clean("iPad Pro 12.9") == "iPad Pro 12.9"


def test_dashes_and_ellipses_are_one_pause():
    assert pauses("他说……我们") == "他说，我们"
    assert pauses("建功新征程——2020年") == "建功新征程，2020年"
    assert pauses("——2020年") == "2020年"
    assert pauses("好……。") == "好。"
    assert normalize("争做奋斗者 建功新征程 ——2020年全国劳动模范") == "争做奋斗者 建功新征程，二零二零年全国劳动模范"


def test_parentheses_quotes_and_title_marks_stay():
    assert normalize("《实施方案》“健康码”（记者）") == "《实施方案》“健康码”（记者）"
