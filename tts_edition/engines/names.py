"""Person names in news text, so a polyphonic surname gets its surname reading.

A surname such as 单 (shàn), 解 (xiè) or 曾 (zēng) is read that way only at the
head of a name; elsewhere it is an ordinary word (单位, 解决, 曾经). jieba's
name tag alone cannot tell: it marks 华为, 盖章, 查尔斯 and 任满 as names too,
and cuts names it does not know into single characters (华/春/莹). News,
though, frames a name: an office or trade before it (外交部发言人华春莹,
特使解振华) or a verb of speech or a title after it (任正非表示, 仇和同志).
A name here is the surname and one or two more characters, framed so:

- an office before, two characters of a given name (or a word jieba knows as a
  name) and after them a verb, a preposition, a conjunction, a particle or the
  end of a clause (原院长单霁翔出席了论坛, 外交部发言人华春莹在…);
- or a verb of speech or a title after, and before it an office, the start of
  a clause, a list or a preposition (任正非表示, 、仇和同志, 据华春莹介绍);
- or how people are called: the surname and 先生, 女士, 老师, 某 (市民曾先生,
  被告人任某), or a given name jieba reads as a word and a title (任远航同志).

The characters after the surname must look like a given name: single
characters that are neither function words nor verbs (老师曾教过他 is 曾 céng),
or one word jieba tags as a name; not a word of another kind (总理曾多次强调),
not the sounds of a foreign name (英国国王查尔斯 is 查 chá); and the surname
must not follow a single character, as the end of a given name does (黄佩华先生).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..zh import frequency

if TYPE_CHECKING:
    from .mandarin import Word

# Surnames whose reading differs from the character's common one, as 现代汉语词典 gives
# them; left out where the surname itself has two readings (乐 lè/yuè, 尉 wèi/yù).
SURNAMES = {"曾": "zeng1", "单": "shan4", "解": "xie4", "仇": "qiu2", "朴": "piao2", "区": "ou1",
            "查": "zha1", "盖": "ge3", "华": "hua4", "任": "ren2", "缪": "miao4", "翟": "zhai2",
            "覃": "qin2", "种": "chong2", "折": "she2", "召": "shao4", "纪": "ji3", "葛": "ge3",
            "宁": "ning4", "薄": "bo2", "应": "ying1", "燕": "yan1", "那": "na1", "相": "xiang4",
            "繁": "po2", "句": "gou1", "秘": "bi4", "员": "yun4", "隗": "wei3", "柏": "bai3"}  # fmt: skip
# After 姓 the surname is named outright: there a surname with two readings takes the
# one the rule has always given it.
STATED = SURNAMES | {"尉": "yu4", "乐": "yue4"}

# Offices and trades news puts before a name (and a word ending in one: 副总理, 原院长); not
# 村民 or 网友, who are the subject of what follows more often than the frame of a name.
ROLES = {"发言人", "总理", "主席", "部长", "书记", "记者", "教授", "院士", "主任", "委员", "代表", "特使",
         "大使", "总统", "首相", "总裁", "创始人", "董事长", "经理", "专家", "研究员", "医生", "护士",
         "教练", "队员", "选手", "运动员", "老师", "作家", "导演", "演员", "歌手", "画家", "主持人",
         "法官", "检察官", "律师", "民警", "工程师", "航天员", "艺术家", "科学家", "书法家", "负责人",
         "通讯员", "博士", "主编", "编辑", "队长", "冠军", "烈士", "英雄", "模范",
         "校长", "院长", "局长", "市长", "省长", "县长", "区长", "镇长", "乡长", "村长", "厅长", "处长",
         "科长", "厂长", "行长", "社长", "会长", "团长", "馆长", "所长", "站长", "秘书长", "委员长", "支书",
         "摄影", "演奏家", "音乐家", "企业家", "学者", "诗人", "作者", "得主", "名将", "健将", "老将", "小将", "名宿",
         "教练员", "裁判员", "指导员", "辅导员", "驾驶员", "飞行员", "宣传员", "调解员", "理事长", "养殖户", "种植户",
         "技术员", "农技员", "网格员", "护林员", "讲解员", "消防员", "快递员", "调度员", "质检员", "传承人", "带头人",
         "志愿者", "总监", "主管", "组长", "班长", "理事", "店主", "摊主", "户主", "大户", "学家", "老兵", "领队",
         "小伙子", "小伙",
         "护士长", "医师", "药师", "老中医", "营养师", "跑者", "球员", "艺人", "匠人",
         "舞蹈家", "歌唱家", "评论家", "收藏家", "雕塑家", "钢琴家", "提琴家", "指挥家", "作曲家", "篆刻家", "摄影家",
         "翻译家", "编剧", "制片人", "策展人", "主唱", "乐手", "鼓手", "舞者"}  # fmt: skip
# What news says after a name: verbs of speech, acts of office, and titles.
SAID = {"说", "表示", "指出", "强调", "认为", "介绍", "称", "透露", "坦言", "告诉", "回忆", "说道", "表态",
        "提出", "呼吁", "宣布", "回答", "答", "发言", "讲话", "致辞", "报道", "摄", "同志", "先生", "女士",
        "主席", "总理", "部长", "书记", "教授", "院长", "院士", "委员", "局长", "市长", "省长", "主任",
        "老师", "医生", "大使", "总统", "总经理", "董事长", "研究员", "博士", "一行", "等人", "会见", "会晤", "老人",
        "出席", "主持", "参加", "接受", "签署", "率团", "率领"}  # fmt: skip
# Verbs of speech alone, the surest sign that what comes before is a name.
SPEECH = {"说", "表示", "指出", "认为", "介绍", "称", "透露", "坦言"}
# What someone says where or to whom, after a name (在发布会上强调, 对记者说): any verb of speech,
# without titles.
SPEAKING = SPEECH | {"强调", "告诉", "回忆", "说道", "表态", "呼吁", "宣布", "回答", "答", "发言", "讲话", "致辞"}
# Verbs that jieba tags otherwise (扎根/ns, 投身/n, 带队/n), as news puts them after a name (盖立新扎根基层,
# 局长区志强带队检查).
UNTAGGED_ACTS = {"扎根", "投身", "带队", "领衔", "挂帅", "坐镇"}
# People named by where they live or what they use, before a name that a verb of speech follows
# (市民朴敏浩对记者说); not an office: 村民曾多次反映 is 曾 céng.
PEOPLE = {"市民", "村民", "居民", "游客", "网友", "群众", "乘客", "旅客", "顾客", "消费者", "家长", "患者"}
# Before a name that a verb of speech follows: a list, or a preposition (据华春莹介绍).
LEADS = {"、", "和", "与", "及", "据", "对", "向", "同", "由", "给", "跟", "让", "请", "被"}
# Titles that follow a name (任远航同志) or a surname alone (盖老师, 曾先生, 被告人任某).
TITLES = {"同志", "先生", "女士", "老人", "老师", "教授", "院士", "医生", "书记", "主任", "局长", "院长", "校长",
          "县长", "市长", "部长"}  # fmt: skip
HONORIFICS = {"先生", "女士", "老师", "大爷", "大妈", "大娘", "阿姨", "师傅", "老汉", "某", "某某", "大姐", "大哥", "大叔",
              "大婶", "大嫂", "奶奶", "爷爷", "婆婆", "老伯", "伯", "叔", "姐", "哥", "老先生", "老太太", "老师傅",
              "老大爷", "老奶奶", "老爷爷"}  # fmt: skip
FUNCTION_POS = tuple("upcdrmqfyex")
PRONOUNS = {"我", "你", "他", "她", "您"}  # never the end of a given name: 叫她区姐
# Below this jieba frequency a two-character word after an office and a surname is taken
# for a given name (立新 51, 振华 69; 多次, 一度, 亲自 are in the thousands).
RARE = 100
# How news names a village after the family that lives there: 解家村, 曾家庄, 华家岭 (not
# 种家庄稼, 单家营业额).
FAMILY_PLACE = re.compile("家[村庄屯寨湾堡营坝岭沟洼峪坪窑圩塘](?!稼|业|养|通)")
# Time words after an office and 老/小 and a surname, where 老 is how people call someone
# (护林员老查每天…), not "always" (班长老查我们的作业).
EVERY = {"每天", "每年", "每月", "每周", "每日", "每晚"}
# What a leader does, after an office and a name (镇党委书记仇建国带领党员突击队…).
LEADER_ACTS = {"带领", "率领", "带队", "率队", "主持"}
# Characters that spell foreign names (查尔斯, 盖茨), hardly ever a Chinese given name.
FOREIGN = set("尔斯莱普顿曼韦兹茨丝娃夫基奇拉")  # 拉: 柏拉图, 查拉图斯特拉


def surname(words: list[Word], i: int) -> str:
    """The surname reading of ``words[i]``'s first character if it heads a person's name, else ""."""
    w = words[i]
    if not w.text or w.text[0] not in SURNAMES or w.pinned:
        return ""
    reading = SURNAMES[w.text[0]]
    if _family_place(words, i):
        return reading  # 解家村位于…, 曾家庄: a village named after a family
    if len(w.text) == 1 and _clan(words, i):
        return reading  # 区氏宗亲会, 区姓族人: a clan named by its surname
    if len(w.text) == 1 and _familiar(words, i):
        return reading  # 小曾是一名外卖骑手, 老单今年六十五岁了: how friends call someone
    if len(w.text) == 1 and _titled(words, i):
        return reading  # 市住建局单立新处长表示: a given name, then the office and a verb of speech
    if len(w.text) == 1 and _inside_name(words, i) and not _office_before(words, i):
        return ""  # 黄佩华先生: the end of someone's given name
    if len(w.text) == 1 and _text(words, i + 1) in HONORIFICS and not _counted(words, i + 2):
        return reading  # 市民曾先生, 被告人任某
    if len(w.text) == 1 and _given_word(words, i + 1) and _text(words, i + 2) in TITLES:
        return reading  # 任远航同志: a given name jieba reads as a word, then a title
    if len(w.text) == 1 and _office_before(words, i) and _rare_word(words, i + 1) and _ends_name(words, i + 2):
        return reading  # 主教练曾立新在…: an office, then a given name jieba reads as a rare word
    if 2 <= len(w.text) <= 3 and w.pos.startswith("nr") and w.text[1:] in HONORIFICS:
        return reading  # 仇先生, 曾大爷: jieba keeps the surname and how one is called as one name
    if len(w.text) == 1 and _byline(words, i):
        return reading  # 本报记者曾志刚报道: a reporter's byline
    if len(w.text) == 2 and _office_before(words, i) and _glued_to_given(words, i):
        return reading  # 研究员单一鸣介绍 (jieba: 单一/鸣): a surname glued to the given name's first character
    if len(w.text) == 1 and w.text != "曾" and _office_before(words, i) and _place_word(words, i + 1) and (_acts(words, i + 2) or _text(words, i + 2) in LEADER_ACTS):
        return reading  # 养殖户查建国说, 跑者区建国冲过终点, 书记仇建国带领…: a given name jieba reads as a place (网格员曾上门说明 is céng, once)
    if len(w.text) == 2 and not w.pos.startswith("nr") and _glued(words, i):
        return reading  # 赛后，解立/彬在发布会上坦言: jieba glued the surname to the given name
    if 2 <= len(w.text) <= 3 and w.pos.startswith("nr"):
        given, after = w.text[1:], i + 1
    elif len(w.text) == 1:
        given, after = _given(words, i + 1, verb_first=w.pos.startswith("v") and _office_before(words, i))
    else:
        return ""
    if not given or given[0] in FOREIGN:
        return ""
    before, nxt = _text(words, i - 1), _text(words, after)
    office = _office_before(words, i)
    spoke = nxt in SAID or nxt[:2] in SAID or (nxt == "等" and len(w.text) == 3) or (len(w.text) != 2 and _spoke_at(words, after))
    said = spoke and (office or not _spoken(words, i - 1) or before in LEADS or before in PEOPLE)
    said = said or (before == "的" and nxt in TITLES and len(given) == 2)  # 九十三岁的单秀兰老人, 二十年的曾庆和同志
    if len(w.text) != 2 and len(given) == 2 and nxt == "是" and not _spoken(words, i - 1):
        return reading  # 区德华是当地有名的养蜂能手, 任正非是…: a name heading the sentence, then what the person is
    if len(w.text) == 2:
        return reading if said else ""  # a word jieba knows as a name is often not one: 华丽, 盖章
    pos = words[after].pos if after < len(words) else "x"
    ends = not _spoken(words, after) or nxt in SAID or nxt in UNTAGGED_ACTS or pos.startswith(("v", "p", "c", "u", "t", "d", "i", "l"))  # 单霁翔近日做客, 朴英兰挨家挨户, 单德华正忙着, 区志强带队
    ends = ends or (pos.startswith("ns") and len(w.text) == 1 and words[i + 1].pos.startswith("nr"))  # 解红梅扎根 (jieba: 扎根/ns)
    # after an office alone, two characters of a given name, or a word jieba knows as a name
    named = len(given) == 2 or (len(w.text) == 1 and words[i + 1].pos.startswith("nr"))
    return reading if said or ((office or _head_named(words, i, after)) and ends and named) else ""


def _head_named(words: list[Word], i: int, after: int) -> bool:
    """A surname alone heading a clause, then two characters of a given name that jieba tags
    as name characters, each alone or as one word (单晓峰是…: 单/晓/峰, where 单靠, 单是 and
    单个 are words, and a given name of common characters is left to an office before it); not
    the sounds of a foreign name, which jieba tags nrt (查/布罗/错, a Tibetan lake)."""
    given = words[i + 1 : after]
    return len(words[i].text) == 1 and not _spoken(words, i - 1) and len("".join(g.text for g in given)) == 2 and all(g.pos in ("nr", "nrfg") for g in given)


def glued(words: list[Word], i: int) -> str:
    """The surname reading of ``words[i]``'s last character where jieba glued the surname to
    the end of the office before it (民营企业/家仇/立新/说: 企业家仇立新), then a given name
    and what may follow one; else ""."""
    w = words[i]
    if len(w.text) != 2 or w.text[1] not in SURNAMES or w.pinned or not _office(_text(words, i - 1) + w.text[0]):
        return ""
    given, after = _given_or_rare(words, i + 1)
    return SURNAMES[w.text[1]] if len(given) == 2 and _ends_name(words, after) else ""


def _acts(words: list[Word], j: int) -> bool:
    """A verb of speech at ``j`` (查建国说), or a verb and, later in the clause, a verb of speech
    after 后 or 时 (区建国冲过终点后说): what news says a named person did and said. Not a verb
    alone: 民警查北京来的货车 is chá."""
    if _text(words, j) in SPEECH:
        return True
    return _spoken(words, j) and words[j].pos == "v" and _speech_after(words, j + 1, 9, "后时")


def _titled(words: list[Word], i: int) -> bool:
    """Two characters of a given name (or a word jieba hardly knows: 立新), then an office and
    a verb of speech: news also puts the office after the name (住建局单立新处长表示)."""
    given, after = _given_or_rare(words, i + 1)
    if len(given) != 2 or not _office(_text(words, after)):
        return False
    return _text(words, after + 1) in SPEAKING or _spoke_at(words, after + 1)


def _place_word(words: list[Word], j: int) -> bool:
    """A two-character word jieba tags as a place, as it does given names such as 建国."""
    return _spoken(words, j) and len(words[j].text) == 2 and words[j].pos == "ns"


def _given(words: list[Word], j: int, verb_first: bool = False) -> tuple[str, int]:
    """The given name after a surname cut off alone: one or two single
    characters, or one word jieba tags as a name or a proper noun (nz: 解/建华); and the index
    after it. ``verb_first``: the surname is a verb to jieba (查, 解) and an office comes before
    it, so the first of two characters may be one too (负责人查立平在…: 查/立/平)."""
    if verb_first and _single_verb_then_name(words, j):
        return words[j].text + words[j + 1].text, j + 2
    if j < len(words) and words[j].pos.startswith(("nr", "nz")) and 1 <= len(words[j].text) <= 2 and _spoken(words, j):
        nr = words[j].text, j + 1
    else:
        nr = "", j
    given = ""
    if _yi_name(words, j):
        return words[j].text + words[j + 1].text, j + 2  # 查/一/鸣: 一 heads a given name (一鸣, 一凡)
    while j < len(words) and len(given) < 2 and len(words[j].text) == 1 and _spoken(words, j):
        function = _not_given(words[j])
        # 区长任永刚表示: jieba tags 刚 an adverb, but it ends a given name a verb of speech follows
        ends_given = len(given) == 1 and words[j].pos.startswith("d") and _text(words, j + 1) in SPEECH
        # 曾庆和同志: jieba tags 和 a conjunction, but before a title it ends a given name
        ends_given = ends_given or (len(given) == 1 and words[j].pos.startswith("c") and _text(words, j + 1) in TITLES)
        if function and not ends_given:
            break  # not a verb: 老师曾教过他 is 曾 céng (a character jieba does not know, x, or a verb's root, vg, may be a name's: 单玉婷, 曾庆华)
        given += words[j].text
        j += 1
    if nr[0] and len(nr[0]) >= len(given):
        return nr
    return given, j


def _given_or_rare(words: list[Word], j: int) -> tuple[str, int]:
    """``_given``, or else a two-character word jieba hardly knows (立新), which after a surname
    is a given name too; and the index after it."""
    given, after = _given(words, j)
    if not given and _rare_word(words, j):
        return words[j].text, j + 1
    return given, after


def _not_given(w: Word) -> bool:
    """A function word, a verb or a verb of speech: not part of a given name (a character jieba
    does not know, x, or a verb's root, vg, may be a name's: 单玉婷, 曾庆华)."""
    return (w.pos.startswith(FUNCTION_POS + ("v",)) and w.pos not in ("x", "vg")) or w.text in SAID


def _yi_name(words: list[Word], j: int) -> bool:
    """一 cut off alone and one more character cut off alone, neither a measure word nor a
    word of position or function nor the surname said again: a given name such as 一鸣 or 一凡
    (记者查一下, 民警查一查, 解一道题 are not)."""
    if _text(words, j) != "一" or not _spoken(words, j + 1) or len(words[j + 1].text) != 1:
        return False
    after = words[j + 1]
    return not after.pos.startswith(tuple("qmfupcr")) and after.text != _text(words, j - 1) and after.text not in SAID


def _clan(words: list[Word], i: int) -> bool:
    """The surname before 氏 or 姓 (区氏宗亲会, 区姓族人, 解氏族谱, 仇氏逝世); not 华氏 (Fahrenheit),
    nor a species named after someone (盖氏虎尾草: a noun after, not of kin)."""
    after = _text(words, i + 1)
    if not (after[:1] == "氏" or after == "姓") or words[i].text == "华":
        return False
    kin = words[i + 2] if len(after) == 1 and _spoken(words, i + 2) else None
    return not kin or not kin.pos.startswith("n") or kin.pos.startswith(("nr", "nz")) or kin.text[0] in "宗家族后祖先"


def _glued(words: list[Word], i: int) -> bool:
    """A surname that jieba glued to the first character of a given name, as a word it hardly
    knows (解立/彬), heading a clause or after an office, and a verb of speech after the name."""
    if frequency(words[i].text) >= RARE or not _spoken(words, i + 1) or len(words[i + 1].text) != 1:
        return False
    if _not_given(words[i + 1]):
        return False
    framed = _office_before(words, i) or not _spoken(words, i - 1) or _text(words, i - 1) in LEADS
    return framed and (_text(words, i + 2) in SAID or _spoke_at(words, i + 2))


def _spoke_at(words: list[Word], j: int) -> bool:
    """在, where, and a verb of speech right after 上/中/时 ending it, in the same clause: how news
    says where someone spoke (在新闻发布会上坦言, 在讲座中说, 在接受采访时说: jieba's 时说); or
    to whom (对记者说)."""
    if _text(words, j) in ("对", "向", "跟") and _text(words, j + 1).endswith(("记者", "大家", "我们")):
        return _text(words, j + 2) in SPEAKING  # 对记者说, 向本报记者介绍
    return _text(words, j) == "在" and _speech_after(words, j + 1, 11, "上中时")


def _speech_after(words: list[Word], start: int, span: int, marks: str) -> bool:
    """A verb of speech right after a word ending in one of ``marks`` (会上坦言), or glued to it by
    jieba (时说), within ``span`` words of ``start`` and before the clause ends."""
    for k in range(start, min(start + span, len(words))):
        if not _spoken(words, k):
            return False
        text = words[k].text
        if (text in SPEAKING and _text(words, k - 1)[-1:] in marks) or (text[:1] in marks and text[1:] in SPEAKING):
            return True
    return False


def _single_verb_then_name(words: list[Word], j: int) -> bool:
    """A one-character verb, then one character that is neither a verb, a place nor a function word."""
    if not (_spoken(words, j) and _spoken(words, j + 1)) or len(words[j].text) != 1 or len(words[j + 1].text) != 1:
        return False
    second = words[j + 1].pos
    return words[j].pos == "v" and words[j].text not in SAID and not second.startswith(FUNCTION_POS + ("v", "ns"))


def _glued_to_given(words: list[Word], i: int) -> bool:
    """A two-character word headed by a surname (单一), then one character and a verb of speech:
    jieba took the surname and the given name's first character for a word (单一/鸣/介绍). Where
    that word is one jieba hardly knows and not a verb, and the character is one a name may end
    in (a noun's root to jieba, or one it does not know), any end of a name will do
    (养殖户单立/民/把羊群…; not 医生查房/时/发现, nor 艺术家华发/早/生)."""
    if not _spoken(words, i + 1) or len(words[i + 1].text) != 1 or words[i + 1].text in SAID:
        return False
    if words[i + 1].pos.startswith(FUNCTION_POS):
        return False
    if _text(words, i + 2) in SAID:
        return True
    rare = frequency(words[i].text) < RARE and not words[i].pos.startswith("v") and words[i + 1].pos.startswith(("n", "x", "vg"))
    return rare and _ends_name(words, i + 2)


def _inside_name(words: list[Word], i: int) -> bool:
    """A single character before (佩 in 黄/佩/华): the surname character ends a name, not heads one."""
    prev = words[i - 1] if i else None
    return bool(prev and prev.syllables and len(prev.text) == 1 and prev.text not in LEADS | PRONOUNS and not prev.pos.startswith(("p", "c", "u")))


def _byline(words: list[Word], i: int) -> bool:
    """记者 or 通讯员, the surname, a given name of one or two single characters (jieba may tag
    them as adverbs: 曾/志/刚) or one word jieba tags as a name or hardly knows (查/金华),
    and 报道 or 摄: how a news report is signed (记者曾多次报道 is not one)."""
    if not _text(words, i - 1).endswith(("记者", "通讯员")):
        return False
    for j in (i + 2, i + 3):
        given = words[i + 1 : j]
        if _text(words, j) not in ("报道", "摄") or not all(_spoken(words, k) for k in range(i + 1, j)):
            continue
        if all(len(g.text) == 1 and not g.pos.startswith(tuple("pcurmq")) for g in given):
            return True
        if len(given) == 1 and (given[0].pos.startswith(("nr", "ns", "nz")) or _rare_word(words, i + 1)):
            return True  # 记者查金华报道: a given name jieba reads as a name or a rare word
    return False


def _given_word(words: list[Word], j: int) -> bool:
    """A two-character word that could be a given name (远航, 振华): not a function word nor a title."""
    if not _spoken(words, j):
        return False
    w = words[j]
    return len(w.text) == 2 and not w.pos.startswith(FUNCTION_POS) and w.text not in SAID


def _rare_word(words: list[Word], j: int) -> bool:
    """A two-character word jieba hardly knows (立新, 振华; 永年, that it tags as a time), not a
    verb, a number or a function word: a given name, where a word after 曾 in 部长曾多次强调 is common."""
    if not _spoken(words, j) or len(words[j].text) != 2 or words[j].text in SAID:
        return False
    return frequency(words[j].text) < RARE and not words[j].pos.startswith(tuple("vmqfrpcu"))


def _ends_name(words: list[Word], j: int) -> bool:
    """What may follow a name: a verb of speech (or a word it starts: 主持会议), a verb, a
    preposition, 的 (作家单明远的新作), or the clause's end."""
    w = words[j] if _spoken(words, j) else None
    return not w or SAID & {w.text, w.text[:2]} != set() or w.pos.startswith(("v", "p", "d", "l")) or w.text in UNTAGGED_ACTS or w.text == "的"


def _familiar(words: list[Word], i: int) -> bool:
    """老 or 小 and a surname heading a clause or after 的, then what a subject does (小曾是…,
    老单今年…, 刚毕业的小任在…); or after an office, then a time (每天 too), or a preposition
    (快递员老查每天…, 种粮大户老曾今年…; 技术员老查不出毛病, 班长老查我们的作业 are chá, checking)."""
    if _text(words, i - 1) not in ("老", "小") or not _spoken(words, i + 1):
        return False
    after = words[i + 1]
    if _office_before(words, i - 1):
        return after.text in SAID or after.pos.startswith(("t", "p")) or after.text in EVERY  # 班长老查我们的作业 is chá
    if i > 1 and _spoken(words, i - 2) and _text(words, i - 2) != "的":
        return False
    return after.text in SAID or after.pos.startswith(("v", "p", "t", "d"))


def _family_place(words: list[Word], i: int) -> bool:
    """A surname heading a word, then 家 and a settlement (解/家村, 曾家庄, 仇家/庄, 华家岭); not
    那 (那家村办企业)."""
    w = words[i]
    if len(w.text) > 3 or w.text[0] == "那" or not (len(w.text) == 1 or w.text[1] == "家"):
        return False
    return bool(FAMILY_PLACE.match(w.text[1:] + "".join(x.text for x in words[i + 1 : i + 3])))


def _counted(words: list[Word], j: int) -> bool:
    """A time or a measure at ``j``, as after 某 in 曾某天: not 某 as a name."""
    if j >= len(words) or not words[j - 1].text.startswith("某"):
        return False
    return len(words[j].text) == 1 and words[j].pos.startswith(("q", "t", "m", "n"))


def _office_before(words: list[Word], i: int) -> bool:
    """An office right before word i, or one whose last character jieba cut off (网格/员, 承/人)."""
    before = _text(words, i - 1)
    return _office(before) or (len(before) == 1 and _office(_text(words, i - 2) + before))


def _office(text: str) -> bool:
    return any(text.endswith(role) for role in ROLES)


def _text(words: list[Word], i: int) -> str:
    return words[i].text if 0 <= i < len(words) else ""


def _spoken(words: list[Word], i: int) -> bool:
    return 0 <= i < len(words) and bool(words[i].syllables)
