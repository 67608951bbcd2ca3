"""Polyphones: which reading a character with several takes here.

In order of trust: the user's lexicon (pinned before this stage), our own
phrase list (``data/phrases.tsv``, words pypinyin misreads), the dictionaries
(pypinyin's phrases, and the common words jieba knows, which pypinyin reads
right from its single-character defaults), then g2pM's model (``neural.py``)
for every polyphone no dictionary covers, and over a dictionary only for the
few readings where CPP dev showed the model right (``data/overrule.tsv``).
Last, rules for characters that stand alone as a jieba word, where the
neighbours tell the reading: 地 after an adverbial is de5, 得 after a verb de5
and before one dei3, a measure word after a numeral (两只 zhi1, 二十行 hang2),
为 wei4 only before what is done for someone (为人民服务) and wei2 otherwise
(以…为, 提升为, 主题为, 为唇形科…属下的一个种: what the model says), 应 alone
ying1 unless a request follows, 还 ending a clause huan2, a verb said twice
(量了量), 长 after a degree adverb (最长) chang2; what follows a verb (结了果子
jiē, 挑起重担 tiāo, 一场大雨 cháng but 一场比赛 chǎng); and a surname heading a
person's name that news frames (发言人华春莹, 任正非表示: ``names.py``).

CPP (Wikipedia, the readings of each character about equally often) favours
the model; news, where the common reading is the usual one, favours the
dictionaries and rules. The rules were tuned on the ``dev`` sentences of
``data/polyphones.tsv`` only (news sentences written for the purpose, labelled
from the dictionaries' conventions); the held-out ones measure them, and
``python -m tests.engines.cpp`` measures every part on CPP dev.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from pypinyin.constants import PHRASES_DICT
from pypinyin.seg.mmseg import seg

from ..zh import frequency, tag
from . import names, neural

if TYPE_CHECKING:
    from .mandarin import Word

HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
NUMERAL_CHARS = set("零〇一二三四五六七八九十百千万两几每这那各某多")
ADVERBIAL_POS = {"a", "ad", "an", "b", "d", "z", "i", "l", "v", "vd", "vn"}


def _rows(name: str) -> list[list[str]]:
    text = (files(__package__) / "data" / name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def phrases() -> dict[str, list[str]]:
    return {word: reading.split() for word, reading in _rows("phrases.tsv")}


def apply(words: list[Word], text: str, *, model: bool = True, rules: bool = True) -> None:
    """Correct the readings of polyphonic characters from their context;
    ``text`` is what the words were cut from (the model reads all of it).
    ``model`` and ``rules`` off measure what each part adds."""
    places = _places(words, text)
    listed = _phrases(places, text)
    if model:
        _model(places, text, listed)
    if rules:
        _rules(words, {id(places[p][0]) for p in listed})


Place = tuple["Word", int]  # a word and the index of a character in it


def _places(words: list[Word], text: str) -> dict[int, Place]:
    """Offset in ``text`` -> (word, index) for each Chinese character a rule may change."""
    places, start = {}, 0
    for w in words:
        at = text.find(w.text, start)
        if at < 0:
            continue
        start = at + len(w.text)
        if not w.pinned and w.pos not in ("letter", "digit") and len(w.syllables) == len(w.text):
            places.update({at + k: (w, k) for k in range(len(w.text))})
    return places


def _phrases(places: dict[int, Place], text: str) -> set[int]:
    """Set the syllables of every listed phrase, longest first, inside one word or
    made of whole words (新冠 that jieba cuts 新/冠); the offsets it set."""
    table, done = phrases(), set[int]()
    longest = max(map(len, table))
    for size in range(longest, 1, -1):
        for start in range(len(text) - size + 1):
            piece = text[start : start + size]
            span = range(start, start + size)
            if piece not in table or len(table[piece]) != size or any(p not in places or p in done for p in span):
                continue
            first, last = places[start], places[start + size - 1]
            if first[0] is not last[0] and (first[1] != 0 or last[1] != len(last[0].text) - 1):
                continue  # across words, only whole ones: not 作为 in 工作/为
            for p, syllable in zip(span, table[piece]):
                w, k = places[p]
                w.syllables[k] = syllable
            done.update(span)
    return done


def _model(places: dict[int, Place], text: str, listed: set[int]) -> None:
    """The model's reading for every polyphone no phrase settles; where a
    dictionary has the word, only when CPP dev showed the model right where
    that reading is wrong (``data/overrule.tsv``)."""
    net = neural.model()
    asked = [p for p in sorted(places) if p not in listed and net.is_polyphone(text[p])]
    covered: dict[int, set[int]] = {}
    for p, guess in zip(asked, net.predict(text, asked)):
        w, k = places[p]
        if id(w) not in covered:
            covered[id(w)] = _covered(w)
        if guess.reading and not _suffix_zi(w, k) and (k not in covered[id(w)] or (w.text[k], w.syllables[k], guess.reading) in overrule()):
            w.syllables[k] = guess.reading


def _suffix_zi(w: Word, k: int) -> bool:
    """子 ending a word that pypinyin reads neutral is the noun suffix (果子, 包子, 轮子, 镇子),
    whatever the model says: CPP, where 子 is mostly zǐ, taught it 原子 and 男子. Not where 子 is
    a person, a son, a seed or a particle (游子, 次子, 棋子, 阳离子), which end as ``ZI3``."""
    if w.text[k] != "子" or not 0 < k == len(w.text) - 1 or w.syllables[k] != "zi5" or w.pos != "n":
        return False  # 其子, 三子 (a son), a name (胡子春), a year (庚子)
    return w.text[k - 1] not in "甲乙丙丁戊己庚辛壬癸" and not w.text.endswith(ZI3)


@cache
def overrule() -> set[tuple[str, str, str]]:
    """(character, phrase reading, model reading): where the model beats pypinyin's phrases."""
    return {(char, phrase, guess) for char, phrase, guess in _rows("overrule.tsv")}


# pypinyin leaves out of its phrase dictionary the words its single-character readings
# already get right, so a common word it lacks (隆重, 尊重) is one it reads right. Names and
# rare words are where its defaults fail (CPP dev, in words it lacks: 83% against the model's
# 98%); from this jieba frequency up, keeping its reading costs CPP dev nothing measurable.
COMMON = 500
NAME_POS = ("nr", "ns", "nt", "nz")
# An adverb, conjunction or position word alone (还 都 更, 和, 中 间): pypinyin's reading and
# rules tie with the model on CPP dev (95%, 100%, 100%) and beat it on news.
FUNCTION_POS = ("d", "c", "f")


def _covered(w: Word) -> set[int]:
    """Positions of a word read from a dictionary: inside one of pypinyin's
    phrases (it cuts a word into its longest known ones), or inside a common
    word jieba knows (隆重 in 隆重举行), or a function word alone."""
    if len(w.text) == 1 and w.pos[:1] in FUNCTION_POS:
        return {0}
    covered, at = set[int](), 0
    for piece in seg.cut(w.text):
        if len(piece) > 1 and piece in PHRASES_DICT:
            covered.update(range(at, at + len(piece)))
        at += len(piece)
    for size in range(len(w.text), 1, -1):
        for start in range(len(w.text) - size + 1):
            piece = w.text[start : start + size]
            if frequency(piece) >= COMMON and not tag(piece).startswith(NAME_POS):
                covered.update(range(start, start + size))
    return covered


def _known(word: str) -> bool:
    """A word of pypinyin's phrases or jieba's dictionary (获得 in 获得者)."""
    return word in PHRASES_DICT or frequency(word) > 0


def _rules(words: list[Word], listed: set[int]) -> None:
    """The rules, except on words a listed phrase has read (原因/为: 原因为 is wei2)."""
    for i, w in enumerate(words):
        if w.text == "行为" and not w.pinned and _text(words, i - 1) in BANKS and _glued_wei(words, i, "hang2") == "wei4":
            w.syllables[:] = ["hang2", "wei4"]  # 农商行为合作社提供贷款 (jieba: 农商/行为): a bank acting for someone, not the listed 行为
            continue
        if w.pinned or not w.syllables or id(w) in listed:
            continue
        prev = words[i - 1] if i and words[i - 1].syllables else None
        nxt = words[i + 1] if i + 1 < len(words) and words[i + 1].syllables else None
        if len(w.text) == 1 and (w.text in ALONE or w.text in SINGLE):
            reading = ALONE.get(w.text) or SINGLE[w.text](prev, nxt, words, i)
            if reading:
                w.syllables[0] = reading
        if w.text[:1] in LEADING:
            reading = LEADING[w.text[0]](prev, nxt, words, i)
            if reading:
                w.syllables[0] = reading
        if len(w.text) == 1 and w.text in COUNTED and _reduplicated(words, i):
            w.syllables[0] = COUNTED[w.text]
        if w.text in ("量完", "量好", "量过") and _liang(prev, nxt, words, i):
            w.syllables[0] = "liang2"  # 量完体温
        if _manner(w, nxt):
            w.syllables[-1] = "de5"  # 熟练地操作, 真诚地希望 (one jieba word): how it is done
        if _doctor(w, prev, nxt, words):
            w.syllables[-2:] = ["dai4", "fu5"]
        if w.text == "丈夫" and prev and (prev.text == "的" or prev.pos.startswith("r")):
            w.syllables[1] = "fu5"  # 她的丈夫, 我丈夫: a husband, zhàng·fu (男子汉大丈夫, a man, is fū)
        if w.text in ("闷", "闷得") and prev and prev.text in ("里", "内") and _text(words, i - 2) != "心":
            w.syllables[0] = "men1"  # 厨房里闷得像蒸笼: stuffy (心里闷 is mèn)
        if w.text in ("圈", "圈里") and any(c in x.text for x in _clause_ahead(words, i)[:5] for c in LIVESTOCK):
            w.syllables[0] = "juan4"  # 我家圈里的三十头猪: a pen
        if w.text in ("背上", "背回", "背进") and nxt and (nxt.text == "了" or (_text(words, i - 1) != "在" and any(x.text in ("把", "将") for x in _clause_behind(words, i)[:3]))):
            w.syllables[0] = "bei1"  # 把一袋大米背上了楼, 将其背上崖顶: carried on the back (背上有伤, 放在背上 are bèi)
        if w.text == "见长" and any(x.text == "以" for x in words[max(0, i - 6) : i]):
            w.syllables[1] = "chang2"  # 以刀刻见长: to excel in (个子见长 is zhǎng)
        if w.text.startswith("银发") and _text(words, i + 1)[:1] not in "(〔[【（":
            w.syllables[1] = "fa4"  # 银发经济, 银发族: silver hair (银发〔2023〕12号, the central bank's document number, is fā)
        if w.text == "天台" and prev and prev.text.startswith(("浙江", "台州")):
            w.syllables[1] = "tai1"  # 浙江天台, 台州天台: the county, Tiāntāi (他在天台晒被子, a roof terrace, is tái)
        if w.text == "人为" and _counted_people(words, i):
            w.syllables[1] = _glued_wei(words, i, "ren2") or w.syllables[1]  # 兄妹四人为分割房产闹上法庭 (jieba: 四/人为): 为 alone
        if w.text in ("应从", "应为"):
            w.syllables[0] = "ying1"  # 应从供给侧发力, 应为此负责: should, that jieba glues to what follows
        if w.text == "大都" and nxt and (nxt.pos[:1] in ("v", "d", "p", "a") or nxt.pos.startswith("nr")):
            w.syllables[1] = "dou1"  # mostly, before what is done: 大都外出打工, 大都关了门 (jieba: a name)
        _characters(w, "".join(x.text for x in words[max(0, i - 2) : i]), nxt.text if nxt else "")
        _what_follows(words, i)
        _counted(words, i)
        reading = names.surname(words, i)
        if reading:
            w.syllables[0] = reading  # 发言人华春莹, 任正非表示: a surname
        reading = names.glued(words, i)
        if reading:
            w.syllables[1] = reading  # 企业家仇立新说 (jieba: 民营企业/家仇): a surname glued to an office


def _characters(w: Word, before_word: str, after_word: str) -> None:
    """Rules that look at the characters before, inside a word or across."""
    for k, ch in enumerate(w.text[: len(w.syllables)]):
        left = before_word + w.text[:k]
        after = w.text[k + 1 :] + after_word
        before = left[-1:]
        if ch == "只" and before in NUMERAL_CHARS and not (k == 0 and len(w.text) > 1 and w.pos[:1] in "cdv"):
            w.syllables[k] = "zhi1"  # a measure word: 两只 三只
        elif ch == "血" and len(w.text) == 1 and ((before and before in "点口滴摊") or left.endswith(SOME)):
            w.syllables[k] = "xie3"  # 流了点血, 吐了一口血, 流了不少血: blood alone, spoken (现汉 xiě)
        elif ch == "血":
            w.syllables[k] = "xue4"  # the reading of news and compounds
        elif ch == "着" and before in ("不", "得") and k == len(w.text) - 1:
            w.syllables[k] = "zhao2"  # 睡不着, 用得着: a result reached
        elif ch == "得" and k == 1 and len(w.text) == 3 and (not _known(w.text[:2]) or (w.text[0] != "不" and w.text[2] in CAN)):
            w.syllables[k] = "de5"  # 说得对, 做得好, 上得起: a verb and its complement, one jieba word (不得了 is dé)
        elif ch == "率" and k == len(w.text) - 1 and k >= 2:
            w.syllables[k] = "lv4"  # a rate: 绿化率, 城镇化率
        elif ch == "地" and k >= 2 and k == len(w.text) - 1 and w.text[k - 1] == w.text[k - 2]:
            w.syllables[k] = "de5"  # after a doubled word, one jieba word: 默默地, 悄悄地
        elif ch == "地" and k == 0 and len(left) >= 2 and left[-1] == left[-2] and (len(w.text) == 1 or w.pos in ("l", "i")):
            w.syllables[k] = "de5"  # after a doubled word: 早早/地, 慢慢/地走了 (jieba's cuts)
        elif ch == "地" and k >= 2 and k == len(w.text) - 1 and w.text[k - 1] in "性般然心":
            w.syllables[k] = "de5"  # how it is done, one jieba word: 创造性地, 奇迹般地, 断然地, 细心地
        elif ch == "载" and before in YEAR_NUMERALS:
            w.syllables[k] = "zai3"  # a year: 三年五载, 至德二载
        elif ch == "长" and before in DEGREE_CHARS:
            w.syllables[k] = "chang2"  # long, as an adjective: 最长 较长 过长
        elif ch == "重" and before in DEGREE_CHARS and (k or len(w.text) == 1):
            w.syllables[k] = "zhong4"  # heavy, serious: 最重 较重 很重 (not 很/重复)
        elif ch == "行" and left[-2:] in ("这一", "那一", "每一", "哪一", "同一") and not after.startswith("人"):
            w.syllables[k] = "hang2"  # a line, a trade: 在这一行干了三十年
        elif ch == "行" and k and k == len(w.text) - 1 and w.pos.startswith("m") and w.text != "一行" and before in NUMERAL_CHARS:
            w.syllables[k] = "hang2"  # 第二行, 两行, 二十行: lines (一行 may be a party: 代表团一行)
        elif ch == "没" and k == 0 and len(w.text) > 1 and w.syllables[k] == "mo4" and not w.text.startswith(SUNK):
            w.syllables[k] = "mei2"  # 没过多久, 没考上, 没舍得: the negation, in a word the model read (没收 没落 are mò)
        elif ch == "转" and k == len(w.text) - 1 and (before in NUMERAL_CHARS or before.isdigit()) and (k == 0 or w.pos.startswith("m")):
            w.syllables[k] = "zhuan4"  # 每分钟三转, 1500转: turns, counted
        elif ch == "重" and before in COUNTERS and ((k == len(w.text) - 1 and (k == 0 or w.pos.startswith("m"))) or (k == 0 and after[:1] in "山门关天楼障围")):
            w.syllables[k] = "chong2"  # 一重又一重, 两重, 一/重山 (jieba's cut): layers, counted
        elif ch == "弄" and k == 0 and len(w.text) > 1 and w.text[1] in DONE_TO:
            w.syllables[k] = "nong4"  # 弄清楚, 弄明白, 弄虚作假: to make, in a word the model read (弄堂 is lòng)
        elif ch == "都" and w.syllables[k] == "dou1" and after[:1] in "县区镇乡" and (k or w.pos.startswith("ns")):
            w.syllables[k] = "du1"  # a place named …都: 宁都县, 于都县 (all, dōu, does not come before 县)
        elif ch == "通" and k == len(w.text) - 1 and before in COUNTERS and left[-2:-1] == "了" and not after.startswith(MESSAGES):
            w.syllables[k] = "tong4"  # 打了三通鼓, 说了一通: a bout (一通电话 is tōng)
        elif ch == "的" and len(w.text) == 1 and left.endswith(("“黑", "坐黑", "搭黑")):
            w.syllables[k] = "di1"  # 乘坐“黑的”: an unlicensed taxi
        elif ch == "担" and k == len(w.text) - 1 and (before in NUMERAL_CHARS or (before == "担" and left.rstrip("担")[-1:] in NUMERAL_CHARS and w.pos[:1] in "mqv")):
            w.syllables[k] = "dan4"  # 一担水, 每担, 一担担鲜笋: a load, counted (担心, 承担 are dān)
        elif ch == "宿" and k == len(w.text) - 1 and before and before in "一两几半整":
            w.syllables[k] = "xiu3"  # 整宿睡不着, 住了一宿: nights, counted
        elif ch == "种" and w.text == "新种" and after[:1] in ("了", "下", "上", "树", "林", "苗"):
            w.syllables[k] = "zhong4"  # 小区里新种了一排树: planted (a new species takes no 了)
        elif ch == "卷" and k and w.text[0] in NUMERAL_CHARS and (left[-2:-1] == "成" or after[:1] in ROLLED):
            w.syllables[k] = "juan3"  # 卷成一卷, 一卷胶带: a roll (第一卷 is a volume)
        elif ch == "只" and before == "只" and left[-2:-1] in NUMERAL_CHARS:
            w.syllables[k] = "zhi1"  # 一只只白鹭: the measure word said twice
        elif ch == "觉" and k == len(w.text) - 1 and before in NUMERAL_CHARS:
            w.syllables[k] = "jiao4"  # 一觉睡到中午: a sleep, counted
        elif ch == "铺" and w.text == "铺" and after[:1] in ("好", "上", "满", "平", "开", "了", "在", "着", "设"):
            w.syllables[k] = "pu1"  # 铺好这段路, 铺上地毯: to spread, to pave (店铺 is pù)
        elif ch == "蒙" and after[:1] in ("住", "上", "着"):
            w.syllables[k] = "meng2"  # 用黑布蒙住 (jieba: 黑布蒙/住): to cover (搞蒙了, dazed, is mēng)
        elif ch == "卡" and w.text == "卡" and before not in NUMERAL_CHARS and before != "张" and (after[:1] in ("在", "住", "着") or before == "被"):
            w.syllables[k] = "qia3"  # 鱼刺卡在喉咙里, 被卡: stuck (这张卡在哪里办的 is kǎ)
        elif ch == "看" and w.text == "看" and ((after.startswith("大门") and after[2:3] != "口") or (after[:1] == "门" and after[1:2] not in "诊口票外前内上框店面")):
            w.syllables[k] = "kan1"  # 在工厂里看大门: to keep watch
        elif ch == "分" and w.text == "分" and before == "糖" and after[:1] in "高低足多少偏较很挺含":
            w.syllables[k] = "fen4"  # 葡萄糖分高 (jieba: 葡萄糖/分): sugar content, 糖分 (白糖分两次加入 is fēn)
        elif ch == "场" and (w.text == "在场" or (w.text == "场" and before not in NUMERAL_CHARS)) and after[:2] in ("院里", "院上", "院中", "院子", "院内"):
            w.syllables[k] = "chang2"  # 在场院里晾晒小麦, 合作社的场院里 (jieba: 在场/院里, 场/院里): a threshing floor (在场院士, 这场院士论坛 are chǎng)
        elif before == "姓" and ch in names.STATED and k == 0:
            w.syllables[k] = names.STATED[ch]


def _what_follows(words: list[Word], i: int) -> None:
    """Rules where the words after tell the reading: 一场大雨 cháng but 一场比赛
    chǎng, 结了果子 jiē, 挑起重担 tiāo, 一行字 háng, 转个不停 zhuàn, 背着书包 bēi,
    盛了一碗饭 chéng, 露了一手 lòu, 穿着整齐 zhuó."""
    w = words[i]
    ahead = _clause_ahead(words, i)
    following = "".join(x.text for x in ahead)
    last = len(w.text) - 1
    if w.text[-1] == "场" and len(w.text) == 2 and w.text[0] in NUMERAL_CHARS:
        kind = _counted_noun(ahead)
        if kind in STAGED or (kind and kind not in HAPPENED):
            w.syllables[last] = "chang3"  # 一场比赛, 这场演出: a show, a match
        elif kind in HAPPENED:
            w.syllables[last] = "chang2"  # 一场大雨, 这场突如其来的疫情: an event that runs its course
    elif w.text in ("累累", "累累的") and any(x.text in FRUIT or x.text.endswith("果") for x in ahead[:3] + _clause_behind(words, i)[:2]):
        w.syllables[:2] = ["lei2", "lei2"]  # 累累的果实 (jieba: 累累的/果实), 果子累累: in strings (罪行累累, 伤痕累累, piled up, are lěi)
    elif w.text == "结" and any(x.text in FRUIT for x in ahead[:4]):
        w.syllables[0] = "jie1"  # 结了很多果子: to bear fruit
    elif w.text in ("挑", "挑起") and any(x.text == "大梁" for x in ahead[:3]):
        w.syllables[0] = "tiao3"  # 挑起了大梁: to take the lead (现汉 挑大梁 tiǎo)
    elif w.text in ("挑", "挑起") and any(x.text in BURDENS for x in ahead[:6] + words[max(0, i - 8) : i]):
        w.syllables[0] = "tiao1"  # 挑起重担, 这副担子…他挑了起来: to carry on the shoulder
    elif w.text.endswith("行") and w.text[:-1] in ("一", "几", "数", "") and _written(words, i, ahead):
        w.syllables[last] = "hang2"  # 一行红色的字: a line of writing
    elif w.text.endswith("转") and following.startswith(("个不停", "不停", "圈", "个圈", "了几圈")):
        w.syllables[last] = "zhuan4"  # 转个不停: to turn round
    elif _carried(w, ahead):
        w.syllables[0] = "bei1"  # 背着书包: to carry on the back (背着父母 is behind their back)
    elif w.text in ("倒车", "倒") and _changed(words, i, ahead, following):
        w.syllables[0] = "dao3"  # 不用再倒车，坐一趟就能直达, 要倒两趟车: to change buses or trains (倒车入库 is dào, to reverse)
    elif w.text == "倒" and (any(x in following[:6] for x in POURED) or _poured_before(words, i)):
        w.syllables[0] = "dao4"  # 倒了一杯水, 往杯子里倒了一些水: to pour
    elif w.text == "倒" and w.pos.startswith("v") and following.startswith(("了", "在", "塌")):
        w.syllables[0] = "dao3"  # 树倒了好几棵, 倒在地上: to fall
    elif w.text == "盛" and (following.startswith(("了", "满", "上", "饭", "汤")) or "碗" in following[1:3]):
        w.syllables[0] = "cheng2"  # 盛了一碗饭: to ladle, to fill
    elif w.text.endswith("盛") and len(w.text) <= 2 and following[:1] in ("到", "在", "进", "入") and any(c in following[1:4] for c in VESSELS):
        w.syllables[last] = "cheng2"  # 饭菜刚盛到碗里 (jieba: 刚盛/到), 盛在盘子里: put into a vessel
    elif w.text == "乐得" and following.startswith(GLAD_TILL):
        w.syllables[1] = "de5"  # 乐得合不拢嘴: so glad that (乐得清闲, glad to have, is dé)
    elif w.text == "露" and following.removeprefix("了").startswith(("一手", "面", "马脚", "馅", "怯")):
        w.syllables[0] = "lou4"  # 露了一手: to show
    elif w.text == "穿着" and ahead and ahead[0].text in DRESS and following[len(ahead[0].text) :][:1] != "的":
        w.syllables[1] = "zhuo2"  # 穿着整齐: dress, as a noun
    elif w.text == "空" and following.startswith("着") and not following.startswith(("着手", "着肚子")):
        w.syllables[0] = "kong4"  # 房子空着: vacant (空着手 is kōng)
    elif len(w.text) == 2 and w.text[-1] == "长" and w.text[0] in "总全段身体翼边线桥堤坝波臂" and LENGTH.match(following):
        w.syllables[last] = "chang2"  # 总长3596公里, 过渡段长约半公里: a length (队长一米八 is a captain)
    elif w.text == "门将" and _text(words, i - 1).endswith("部") and not _text(words, i - 1).endswith("俱乐部") and ahead and ahead[0].pos[:1] in "dav":
        w.syllables[1] = "jiang1"  # 商务部/门将/适时投放 (jieba's cut): 部门 and 将, will (俱乐部门将 is a goalkeeper)
    elif w.text == "中伤" and i > 1 and words[i - 1].pos in ("n", "vn") and words[i - 1].text not in ("恶意", "造谣") and _after_zai(words, i):
        w.syllables[0] = "zhong1"  # 在比赛中伤了膝盖: in (在…中), then hurt; not 恶意中伤 (to slander)
    elif w.text == "和" and following.startswith("面包") and following[2:4] in KNEADED:
        w.syllables[0] = "huo2"  # 和面包饺子 (jieba: 和/面包): to knead dough
    elif w.text == "和" and following[:1] == "得" and following[1:2] in "软硬匀稀":
        w.syllables[0] = "huo2"  # 面要和得软一些: to knead (和得来 is hé)
    elif w.text == "和" and _text(words, i - 1) in DOUGH and _text(words, i - 2)[-1:] not in "了见碰露照" and ahead and ahead[0].text in KNEAD_DONE:
        w.syllables[0] = "huo2"  # 把面和好, 面粉和匀: to knead (买了面和好吃的, 碰了面和好了 are hé)
    elif w.text == "和" and following.removeprefix("了").startswith("稀泥"):
        w.syllables[0] = "huo4"  # 和了稀泥: to smooth things over
    elif w.text == "落" and following[:1] in ("在", "下") and _left_behind(words, i):
        w.syllables[0] = "la4"  # 把钥匙落在了办公室: to leave behind
    elif w.text == "哄" and ahead and (ahead[0].pos.startswith("r") or ahead[0].text in COAXED):
        w.syllables[0] = "hong3"  # 哄孩子睡觉: to coax (哄抢, 哄堂 are hōng, 起哄 hòng)
    elif w.text == "折" and following[:1] == "了" and i and words[i - 1].text in SNAPPED:
        w.syllables[0] = "she2"  # 树枝被大风吹折了: to snap (打折 is zhé)
    elif w.text == "背" and following.startswith(("在背上", "在身上")):
        w.syllables[0] = "bei1"  # 把孙子背在背上: to carry on the back
    elif w.text == "不得" and not ahead and i and words[i - 1].syllables:
        w.syllables[1] = "de5"  # 松懈不得, 马虎不得 ending the clause: must not (不得无故缺席 is dé)
    elif w.text == "晃" and (following[:1] == "眼" or (following[:1] == "得" and "眼" in following[:8]) or (i and words[i - 1].text.endswith("光"))):
        w.syllables[0] = "huang3"  # 阳光晃得人睁不开眼: to dazzle (摇晃 is huàng)
    elif w.text == "抹" and following.startswith(PLASTERED):
        w.syllables[0] = "mo4"  # 在墙面抹水泥: to plaster (抹眼泪 mǒ, 抹布 mā)
    elif w.text == "同行" and following.startswith(TRAVELLED):
        w.syllables[1] = "xing2"  # 同行回国: to travel together (同行认为, peers, is háng)
    elif w.text == "同行" and following.startswith("的") and _companion(ahead[1:4]):
        w.syllables[1] = "xing2"  # 同行的退休护士, 同行的朋友: someone travelling with them (同行的评价, peers', is háng)
    elif w.text == "为名" and any(x.text == "以" for x in words[max(0, i - 6) : i] + _clause_behind(words, i)):
        w.syllables[0] = "wei2"  # 以考察为名, 以“退款”为名: under the name of (不为名, 吾岂为名乎: for fame, is wèi)
    elif w.text == "的" and i and words[i - 1].text == "打" and ahead and ahead[0].text in TAXI_TO:
        w.syllables[0] = "di1"  # 打的去机场: took a taxi (打的电话, 是他打的 are de)
    elif w.text == "一角" and any(x.text in PLAYED for x in words[max(0, i - 8) : i]):
        w.syllables[1] = "jue2"  # 饰演张三一角: a role
    elif w.text == "落下" and _text(words, i - 1) in NOT_LEFT and ahead:
        w.syllables[0] = "la4"  # 绝不能落下一户一人: to leave out
    elif w.text.startswith("落下") and w.syllables[0] == "la4" and not _left_out(words, i, following):
        w.syllables[0] = "luo4"  # 夕阳缓缓落下, 石块从山上落下: to fall (pypinyin's phrase has only là, left behind)
    elif w.text == "得数" and _text(words, i - 1) in ("多", "少") and following.startswith(("都", "也", "不")):
        w.syllables[:] = ["de5", "shu3"]  # 多得数都数不过来 (jieba: 多/得数): too many to count
    elif w.text == "结果" and _grown(words, i) and (following in ("", "了") or following.startswith(("多", "少", "早", "晚", "累累", "很多", "不多"))):
        w.syllables[0] = "jie1"  # 苹果树今年结果多: to bear fruit, said of a tree
    elif w.text == "各种" and following.startswith("各的"):
        w.syllables[1] = "zhong4"  # 大家各种各的: each plants their own (各种各样 is zhǒng)
    elif w.text == "当日" and _same_day(words, i, ahead):
        w.syllables[0] = "dang4"  # 当日揽收、次日发出: the same day (现汉 dàngrì; 想当日, back then, is dāngrì)
    elif w.text == "当年" and _text(words, i - 1) in SAME_YEAR:
        w.syllables[0] = "dang4"  # 毕业当年就回到家乡: that same year (想当年, 他当年… are dāng)
    elif w.text == "结果" and _text(words, i - 1) in BEARING and following in ("", "了"):
        w.syllables[0] = "jie1"  # 栽下第三年就开始结果了: to bear fruit (事情有了结果 is jié)
    elif w.text == "盛放" and (_text(words, i - 1) in ("用来", "用于", "用以") or (following[:1] == "着" and len(following) > 1) or any(x.text == "把" for x in _clause_behind(words, i))):
        w.syllables[0] = "cheng2"  # 用来盛放粮食, 碗里盛放着水果, 把药品盛放在…: to hold (樱花盛放在枝头, 盛放季节: in bloom, shèng)
    elif w.text == "引种" and following[:1] in ("到", "在"):
        w.syllables[1] = "zhong4"  # 引种到海南的咖啡树: brought and planted there (引种优良品种 is zhǒng)
    elif w.text == "看" and ahead[:1] and ahead[0].text in MINDED and _text(words, i - 1) in TENDING and (len(ahead) == 1 or _text(words, i + 2) == "、"):
        w.syllables[0] = "kan1"  # 又要看孙子，在家看孩子、做饭: to mind (回老家看孙子, 要看孩子自己 are kàn)
    elif w.text == "教会" and _taught(words, i, ahead):
        w.syllables[0] = "jiao1"  # 教会老人用智能手机, 教会了我: to teach (教会学校, 加入教会: a church)


def _changed(words: list[Word], i: int, ahead: list[Word], following: str) -> bool:
    """倒车 dǎo, changing buses or trains on the way: after 不用, 中途, 再… in a text about
    riding a line, or 倒 before how many times and 车 (倒两趟车); never where someone drives
    or parks (司机倒车时, 不用倒车就能停进车位: dào, to reverse)."""
    text = _sentence(words)
    if any(x in text for x in DRIVING) or following.startswith(("时", "入库", "出库", "雷达", "影像", "镜", "灯")):
        return False
    if words[i].text == "倒":
        return len(ahead) > 1 and ahead[0].pos.startswith("m") and ahead[0].text[-1] in "趟次回" and ahead[1].text.startswith("车")
    return _text(words, i - 1) in CHANGE_BEFORE and any(x in text for x in RIDING)


def _same_day(words: list[Word], i: int, ahead: list[Word]) -> bool:
    """当日 against the next day in the same text (当日揽收、次日发出), after an event (开业当日) or
    before what is done within it (当日到账, 当日有效)."""
    if any(x.text in ("次日", "翌日", "隔日") for x in words):
        return True
    return _text(words, i - 1) in SAME_YEAR or bool(ahead and ahead[0].text in DONE_SAME_DAY)


def _taught(words: list[Word], i: int, ahead: list[Word]) -> bool:
    """教会 before 了, someone, or (after an adverb or a verb) someone and what they learn to do."""
    if ahead and (ahead[0].text == "了" or ahead[0].pos.startswith("r")):
        return True
    if not (i and words[i - 1].syllables and words[i - 1].pos.startswith(("d", "v"))):
        return False
    learner = [n for n, x in enumerate(ahead[:5]) if x.text in TAUGHT or x.text.endswith(("人", "们"))]
    return any(n + 1 < len(ahead) and (n == 0 or ahead[n + 1].pos.startswith(("v", "p"))) for n in learner)  # 要教会学生学会学习


def _companion(ahead: list[Word]) -> bool:
    """A person in the words after 同行的, before any other noun (同行的退休护士; not 同行的评价)."""
    for x in ahead:
        if x.text in KIN or x.text.endswith(COMPANIONS):
            return True
        if x.pos.startswith("n"):
            return False
    return False


def _counted(words: list[Word], i: int) -> None:
    """A measure word after a numeral reads as one (一打鸡蛋 dá, 一扎啤酒 zā, 三服中药 fù,
    一溜平房 liù, 一更天 gēng), whether jieba glues it to the numeral or not."""
    w = words[i]
    ch, last = w.text[-1], len(w.text) - 1
    glued = len(w.text) == 2 and w.text[0] in NUMERAL_CHARS and w.pos.startswith("m")
    alone = len(w.text) == 1 and _text(words, i - 1)[-1:] in NUMERAL_CHARS and words[i - 1].pos.startswith("m")
    if ch not in MEASURES or not (glued or alone):
        return
    nxt = words[i + 1] if i + 1 < len(words) and words[i + 1].syllables else None
    reading = MEASURES[ch]
    if ch in "打扎" and not (nxt and nxt.pos.startswith("n")):
        return  # 一打就是半天: once one hits
    numeral = _text(words, i - 1)[-1] if alone else w.text[0]
    if ch == "打" and numeral not in "一两半几":
        return  # 三打白骨精: three fights
    if ch == "服" and not (nxt and nxt.text.endswith("药")):
        return
    if ch == "更" and nxt and not nxt.text.startswith(("天", "时")):
        return
    w.syllables[last] = reading


def _manner(w: Word, nxt: Word | None) -> bool:
    """地 ending a word that jieba's dictionary holds whole (熟练地, 剧烈地, 骄傲地) after an
    adjective or an adverb (熟练, 骄傲), before what is done (not a noun nor a particle): the
    particle of manner, de5. Not land that such a word describes (低洼地), nor a word pypinyin
    lists (开阔地, a noun)."""
    if len(w.text) < 3 or w.text[-1] != "地" or w.text in PHRASES_DICT or w.text in LAND:
        return False
    return nxt is not None and not nxt.pos.startswith(("n", "u")) and tag(w.text[:-1]).startswith(("a", "z", "d"))


def _doctor(w: Word, prev: Word | None, nxt: Word | None, words: list[Word]) -> bool:
    """大夫 as a doctor, dàifu: after 的/位/名/个 or before what a doctor does (医院的大夫, 一位大夫,
    大夫叮嘱), in a text about medicine (这位大夫从医三十年), or with a surname that jieba keeps
    as one name (刘大夫, 老大夫). Not an official of old, dàfū (郑国大夫, 光禄大夫), nor the
    ranks jieba tags as names too (士大夫, 卿大夫, 御史大夫, 范大夫 for 范蠡). After a hospital's
    department (骨科大夫, 儿科大夫) it is a doctor too."""
    if len(w.text) == 3:
        return w.text.endswith("大夫") and w.pos.startswith("nr") and w.text[0] not in "士卿史范"
    if w.text != "大夫":
        return False
    called = (prev and (prev.text[-1] in "的位名个" or prev.text.endswith("科"))) or (nxt and nxt.text in DOCTOR_DOES)
    return bool(called) or any(c in _sentence(words) for c in ("医", "病", "诊", "患者", "药"))


def _text(words: list[Word], i: int) -> str:
    return words[i].text if 0 <= i < len(words) else ""


def _clause_behind(words: list[Word], i: int) -> list[Word]:
    """The words before ``words[i]`` back to the start of its clause, nearest first."""
    out = []
    for w in reversed(words[:i]):
        if not w.syllables and w.brk >= 3:
            break
        if w.syllables:
            out.append(w)
    return out


def _after_zai(words: list[Word], i: int) -> bool:
    """在 two or three words before word i, in its clause (在比赛中伤了)."""
    return any(w.text == "在" for w in _clause_behind(words, i)[1:3])


def _grown(words: list[Word], i: int) -> bool:
    """A tree or a vine in the three words before word i in its clause (苹果树今年结果多), no 的 between."""
    for w in _clause_behind(words, i)[:3]:
        if w.text == "的":
            return False
        if w.text.endswith(("树", "藤", "果树")) or w.text in FRUIT:
            return True
    return False


def _left_behind(words: list[Word], i: int) -> bool:
    """A belonging right before 落, after 把 (把钥匙落在家里; 把目光落在 is luò) or before a room
    or a vehicle where it stayed (背包落在了观光车上, 钥匙落在家里了; 手机落在地上, dropped, is luò)."""
    behind = _clause_behind(words, i)[:3]
    if not behind or behind[0].text not in BELONGINGS:
        return False
    place = re.split("[上里中内]", _following(words, i).removeprefix("在").removeprefix("了"), maxsplit=1)[0]
    return any(x.text == "把" for x in behind[1:]) or any(c in place[:8] for c in LEFT_IN)


def _left_out(words: list[Word], i: int, following: str) -> bool:
    """落下 là, left behind or out: 把钥匙落下了, 一个都不能落下, 落下了很多课, 落下病根, 我的手机落下了
    (a belonging right before, not falling 从 somewhere: 钥匙从口袋里落下 is luò)."""
    behind = _clause_behind(words, i)
    if any(x.text == "把" for x in behind) or _text(words, i - 1) in NOT_LEFT:
        return True
    if behind and behind[0].text in BELONGINGS and not any(x.text == "从" for x in behind):
        return True
    return any(x in following[:8] for x in MISSED)


def _placed(words: list[Word], i: int) -> bool:
    """在 or 在家 earlier in the clause: where someone is (在图书馆待到很晚)."""
    return any(w.text in ("在", "在家") for w in _clause_behind(words, i))


def _poured_before(words: list[Word], i: int) -> bool:
    """把 + what is poured right before 倒 (把垃圾倒了, 把剩菜倒掉)."""
    behind = _clause_behind(words, i)[:3]
    return any(x.text == "把" for x in behind[1:]) and any(p in behind[0].text for p in POURED + ("剩", "汤", "油"))


def _clause_ahead(words: list[Word], i: int) -> list[Word]:
    """The words after ``words[i]`` up to the end of its clause."""
    out = []
    for w in words[i + 1 :]:
        if not w.syllables and w.brk >= 3:
            break
        if w.syllables:
            out.append(w)
    return out


def _sentence(words: list[Word]) -> str:
    """The whole text the rules read, as one string: what a text is about (医, 人参, 博物馆)."""
    return "".join(w.text for w in words)


def _following(words: list[Word], i: int) -> str:
    """The text after ``words[i]`` up to the end of its clause, as one string (转了两圈)."""
    return "".join(w.text for w in _clause_ahead(words, i))


def _counted_noun(ahead: list[Word]) -> str:
    """The noun a measure word counts, past what describes it (这场突如其来的疫情)."""
    joined = "".join(x.text for x in ahead[:3])
    if joined.startswith(MATCHES):
        return "比赛"  # 一场焦点战, 这场揭幕战: a match, staged like 一场比赛
    cut = max((x for x in HAPPENED if len(x) > 1 and joined.startswith(x) and not ahead[0].text.startswith(x)), key=len, default="")
    if cut:
        return cut  # 这场大火烧了一夜, that jieba cuts 大/火烧
    for x in ahead[:4]:
        if x.text in STAGED or x.text in HAPPENED:
            return x.text
        if x.text.endswith(STAGED_ENDS):
            return x.text  # 一场秘密会议, 一场公益长跑活动, 一场表演赛
        if x.text.endswith("战") and len(x.text) > 1:
            return "大战"  # 这场攻坚战, 一场阻击战: a fight runs its course, like 一场大战 (现汉)
        if x.pos.startswith(("v", "p")):
            break
    return ""


def _written(words: list[Word], i: int, ahead: list[Word]) -> bool:
    """一行 before what is written (一行字, 一行红色的字), not 代表团一行 (a party)."""
    if words[i].text == "行" and not (i and words[i - 1].text[-1:] in "一几数"):
        return False
    for x in ahead[:4]:
        if x.pos.startswith(("v", "p", "ul", "ug", "uz")):
            return False  # 代表团一行参观了文字博物馆: the party did something
        if any(c in x.text for c in "字诗泪"):
            return True
    return False


def _carried(w: Word, ahead: list[Word]) -> bool:
    """背着书包, 背起沉重的行囊, 背着山货: a load on the back; not 背着父母 or 背着组织 (behind
    their back), nor 背课文 (by heart): only before a load."""
    if w.text == "背" and ahead and ahead[0].text in ("着", "起", "了", "出", "回", "下"):
        ahead = ahead[1:]
    elif w.text not in ("背着", "背起"):
        return False
    for n, x in enumerate(ahead[:4]):
        if x.text in LOADS or (x.text in KIN and n and ahead[n - 1].text == "的") or x.text[-1] in "包篓箱筐袋囊货" or (x.pos.startswith(("m", "q")) and x.text[-1] in "斤吨"):
            return True
        if x.pos.startswith(("r", "nr")) and n + 1 < len(ahead) and ahead[n + 1].text in CARRIED_TO:
            return True  # 邻居背着他走了三里山路: someone carried somewhere (背着他偷偷… is behind his back)
        if x.pos.startswith(("v", "r", "nr")):
            break
    return False


def _reduplicated(words: list[Word], i: int) -> bool:
    """A verb said twice, 量了量 数一数: to measure, to count."""
    ch = words[i].text
    after = "".join(w.text for w in words[i + 1 : i + 3])
    before = "".join(w.text for w in words[max(0, i - 2) : i])
    return after in (f"了{ch}", f"一{ch}") or before in (f"{ch}了", f"{ch}一")


def _de_particle(prev, nxt, words, i):
    if (nxt and nxt.text[0] in "了到") or (prev and prev.text in GAIN):
        return "de2"  # 得了 得到, 夺/得 (jieba's cut): to get
    if prev and nxt and (nxt.text in ("很", "挺") or prev.syllables in (["chu3"], ["shu3"])):
        return "de5"  # 圈舍里长得很好 (jieba: 里长/得), 两人处得像姐妹, 都数得出来: how well, never "must"
    if prev and nxt and len(nxt.text) == 4 and nxt.text[0] == nxt.text[1] and nxt.text[2] == nxt.text[3] and _text(words, i + 2) != "地":
        return "de5"  # 指示牌标得清清楚楚 (jieba tags 标 a noun): how it was done (得清清楚楚地交代 is děi)
    subject = prev and prev.pos[:1] in ("r", "n", "m", "t") and not (len(prev.text) == 1 and prev.pos == "ns")
    if prev and (subject or prev.text in BEFORE_AFTER or prev.text in MUST or prev.text == "了") and nxt and (nxt.pos[:1] in ("v", "d", "l", "p", "z") or nxt.text.startswith("好好")):
        return "dei3"  # 这件事得抓紧办, 他病了得去医院: must (not after 美 that jieba takes for a place: 美得让人陶醉)
    if prev and (prev.pos[:1] in ("r", "n", "t") or prev.text in BEFORE_AFTER) and nxt and nxt.text in ("早", "快", "先", "赶快"):
        return "dei3"  # 这事得早做打算: must
    if prev and prev.text in MUST and prev.text != "可" and nxt and (nxt.pos[:1] in ("m", "a", "t") or len(nxt.text) == 4):
        return "dei3"  # 就得多下功夫, 还得快点, 都得现熬: must (可得三个 is dé, to get)
    if prev and prev.text in MUST and prev.text != "可" and nxt and nxt.pos == "n" and len(nxt.text) > 1 and _text(words, i + 2) and words[i + 2].pos.startswith("v"):
        return "dei3"  # 村子就得整体转移 (jieba tags 整体 a noun): must, then how and what is done
    if subject and nxt and nxt.pos.startswith("m") and len(nxt.text) > 2 and nxt.text[-1] == nxt.text[-2]:
        return "dei3"  # 你得一次次上门: must, over and over (他得三分 is dé)
    if prev and nxt and prev.pos.startswith("n") and nxt.pos.startswith("a") and i + 2 < len(words) and words[i + 2].pos.startswith("v"):
        return "dei3"  # 这事得早做打算: must, then how it is done
    if prev:
        return "de5"  # 跑得很快
    return None


def _di(prev, nxt, words, i):
    if nxt and nxt.text in ("的", "之"):
        return "di4"  # 以发现地的地名: a place (the particle 地 comes before what is done, never before 的)
    if prev and prev.text in SITES and _text(words, i - 2) in AT_PLACE:
        return "di4"  # 在就业地缴纳社保, 向参保地申请: the place where it is done (not 认真地)
    if prev and len(prev.text) == 1 and nxt and nxt.pos.startswith("n"):
        return None  # one character, then a noun: the model decides (新地王)
    if prev and nxt and prev.pos in ADVERBIAL_POS and (len(prev.text) > 1 or prev.pos != "v"):
        return "de5"  # 认真地听取
    if prev and nxt and len(prev.text) == 2 and prev.text[0] == prev.text[1] and HAN_CHAR.match(prev.text):
        return "de5"  # after a doubled word jieba tags otherwise: 美美/地睡上一觉
    if prev and nxt and len(prev.text) == 2 and _text(words, i - 2) and words[i - 2].pos in ("a", "ad", "d") and nxt.pos.startswith("v"):
        return "de5"  # 迅速有序地撤到, 平稳有序地完成 (jieba tags 有序 a noun): two ways it is done, one after the other
    if prev and nxt and len(prev.text) == 4:
        return "de5"  # after an idiom, whatever jieba tags it: 加班加点地赶工期
    if prev and nxt and ((len(prev.text) == 3 and prev.text[0] == prev.text[2]) or (prev.pos.startswith(("m", "q")) and _text(words, i - 2) == prev.text)):
        return "de5"  # 手把手地教, 面对面地交流, 一件一件地办好: how it is done
    if prev and nxt and i > 1 and words[i - 2].text in DEGREE | {"更加", "越来越", "十分", "如此", "这样", "最"}:
        return "de5"  # after a degree word and what it grades: 更公平地惠及, 十分认真地听
    if prev and nxt and len(prev.text) > 2 and prev.text[-1] in "般性":
        return "de5"  # 闪电般地冲了出去, 预见性地警告, 创造性地开展工作: how it is done
    if prev and nxt and len(prev.text) == 2 and prev.text[-1] == "心" and nxt.pos.startswith(("v", "p", "d")) and nxt.text not in ("滑", "湿"):
        return "de5"  # 小心地剪开, 耐心地解释 (jieba tags them nouns): how it is done (小心地滑 is the floor, dì)
    if prev and nxt and len(prev.text) == 2 and prev.pos == "nr" and nxt.pos.startswith("v"):
        return "de5"  # 麻利地盛好 (jieba: 麻利/nr): how it is done; a name does not take 地 before a verb
    if prev and nxt and prev.pos.startswith("m") and _text(words, i - 2) in ("接", "又", "连") and _text(words, i - 3) == prev.text:
        return "de5"  # 一茬接一茬地种下, 一遍又一遍地: over and over
    return None


def _wei(prev, nxt, words, i):
    """为: wei2 as "to be, to become" (以人民为中心, 提升为), wei4 as "for" (为人民服务)."""
    clause = []
    for w in reversed(words[:i]):
        if not w.syllables and w.brk >= 3:
            break  # only inside the clause, past quotes: 以深化“放管服”改革为抓手
        if not w.syllables:
            continue
        if w.text in ("以", "化"):
            return "wei2"  # 以人民为中心, 化压力为动力
        clause.append(w)
    if prev and (prev.text in BECOME or prev.text in NAMED):
        return "wei2"  # 提升为, 不愧为, 主题为推动绿色发展
    after = words[i + 2] if i + 2 < len(words) else None
    if nxt and nxt.text in ROLES and (not after or after.text == "的" or not after.syllables):
        return "wei2"  # (以)习近平同志为核心的党中央, 改革为抓手: X as Y
    if nxt and nxt.text == "人" and (not after or not after.syllables or after.pos[:1] in "ad" or after.text in TRAITS):
        return "wei2"  # 他为人低调, 为人和善: how one behaves
    if i + 1 < len(words) and words[i + 1].text in ("“", "「"):
        return "wei2"  # a name or title follows: 主题为“绿色发展”
    ahead = [w.text for w in _clause_ahead(words, i)]
    rest = "".join(ahead)
    if any(ahead[n] == "所" and not _counts(ahead[n - 1]) for n in range(1, min(4, len(ahead)))):
        return "wei2"  # 为这个故事所感动, 为明军所败: the passive 为…所 (为每所村小配齐 counts schools)
    if rest.endswith(("之最", "之首", "之冠")):
        return "wei2"  # 为世界同类桥梁之最: what it ranks as
    if rest.endswith(("目的", "起见")):
        return "wei4"  # 为达到快速减重的目的, 为安全起见: for the sake of
    if prev and prev.text in MOSTLY and not (nxt and nxt.pos.startswith("r")) and not _done_for(_clause_ahead(words, i)):
        return "wei2"  # 患儿多为发烧和呕吐症状, 多为老人和孩子: what most of them are (多为群众办实事 is wei4)
    if nxt and (nxt.pos.startswith("r") or nxt.text in RECIPIENTS):
        return "wei4"  # for someone: 为他感到高兴, 为患者量血压
    if prev and prev.text in ON_PURPOSE:
        return "wei4"  # 专门为邻里间的纠纷“降温”, 免费为群众…: done on purpose for someone
    if _served(_clause_ahead(words, i)):
        return "wei4"  # 为行动不便的老人上门剃头 (jieba tags 上门/ns, 剃头/n): for someone, then what is done
    if not clause and (i == 0 or words[i - 1].text in SENTENCE_ENDS) and _clause_end(words, i) in ("，", ","):
        return "wei4"  # heading a sentence's first clause, "in order to": 为方便群众办事，…
    if any(x in FEELINGS for x in ahead):
        return "wei4"  # 官吏为秋操十分忙碌, 为孩子担心: a feeling or a state for something
    if any(a == "的" and b in EFFORTS for a, b in zip(ahead, ahead[1:])):
        return "wei4"  # 观众为本片的打分很高, 大家为此的付出: what was done for it, named
    if ahead and ahead[-1] in GROUPS:
        return "wei2"  # 儿童为流感的易感人群: which group someone is
    if rest.endswith(CHEERS):
        return "wei4"  # 为球员们的拼搏精神点赞 (jieba: 点/赞), 为他们喝彩: cheered for
    if _predicate_ahead(words, i):
        return "wei4"
    return "wei2" if nxt and _amount(nxt) else None  # 招生计划为两千人, 总投资为八十亿元: what it comes to


def _counts(text: str) -> bool:
    """A word ending in a numeral, a digit or a word that counts (每, 这, 该), so that a 所 after
    it is a measure word (每所学校, 3所, 该所), not the passive's 所."""
    return text[-1:] in NUMERAL_CHARS or text[-1:].isdigit() or text[-1:] == "该"


def _predicate_ahead(words: list[Word], i: int) -> bool:
    """A verb later in the clause that is what is done for someone (为人民服务, 为国家作出
    贡献, 为群众办的实事, 为患者义诊: an act jieba tags a noun). Not a verb in a short 的-phrase right after 为 nor a measure word
    after a number: they belong to what 为 introduces as "to be" (为较具实力的县市, 转速为
    每分钟一千转); nor 属, a genus there (为唇形科…属下的一个种). A verb with 了/着/过 after
    it is done, whatever follows (为中外进出口提供了所需的信息)."""
    verbs: list[tuple[int, bool]] = []  # (place among the clause's words, kept past a 的)
    ahead, someone = _clause_ahead(words, i), False
    for n, w in enumerate(ahead):
        if w.text in ("的", "之"):
            verbs = [(at, kept) for at, kept in verbs if kept or at < n - 3]
        elif (w.pos.startswith(VERBAL_POS) or w.text in SERVICES or _done(ahead, n)) and w.text[0] not in "属每" and not w.text.endswith(("以来", "年来")) and not _amount(w):
            before = ahead[n - 1] if n else None
            if before and ((before.text == "的" and w.pos == "v") or (len(w.text) == 1 and before.pos.startswith(("m", "digit", "t")))):
                continue  # 来自上海的选手 (a noun after 的), 一千转 (counted), 五年来 (since)
            done = n + 1 < len(ahead) and ahead[n + 1].text in ("了", "着", "过")
            verbs.append((n, done or someone))
        elif w.pos.startswith(("n", "r")):
            someone = True  # for whom, before what is done: 为荣宝斋画过的, 为群众办的
    return bool(verbs)


def _served(ahead: list[Word]) -> bool:
    """Someone described with 的 in the first words after 为, and more after them than a list
    (为行动不便的老人上门剃头; 多为行动不便的老人和儿童 is wei2: what they are)."""
    for n, x in enumerate(ahead[:5]):
        if n and x.text in RECIPIENTS and ahead[n - 1].text == "的":
            rest = ahead[n + 1 : n + 2]
            return bool(rest) and not rest[0].pos.startswith(("c", "u")) and rest[0].text not in ("等", "、")
    return False


def _done_for(ahead: list[Word]) -> bool:
    """A verb after someone in the clause after 为: something done for them (多为群众办实事, 多为基层减负)."""
    return any((x.pos.startswith("v") or x.text in SERVICES) and any(y.pos.startswith(("n", "r")) for y in ahead[:n]) for n, x in enumerate(ahead))


def _amount(w: Word) -> bool:
    """A number, or a number and what it counts in one word that jieba may tag as an idiom
    (两千人/i): what 为 says something comes to, not a verb."""
    return w.pos.startswith(("m", "digit")) or bool(AMOUNT.fullmatch(w.text))


def _done(ahead: list[Word], n: int) -> bool:
    """A word of two characters or more that 了/着/过 follow, whatever jieba tags it: a verb
    (为每名职工都办理了保险, where jieba's dictionary tags 办理 n)."""
    return len(ahead[n].text) > 1 and n + 1 < len(ahead) and ahead[n + 1].text in ("了", "着", "过")


def _clause_end(words: list[Word], i: int) -> str:
    """The mark that ends the clause word i is in ("" at the end of the text)."""
    return next((w.text for w in words[i + 1 :] if not w.syllables and w.brk >= 3), "")


def _hang(prev, nxt, words, i):
    if prev and ((prev.text[-1] in NUMERAL_CHARS and prev.text[-1] != "一") or prev.text == "若干"):
        return "hang2"  # 二十行
    if prev and prev.text.endswith("车") and _text(words, i - 2).endswith("家") and words[i - 2].pos.startswith(("m", "r", "q")):
        return "hang2"  # 开了一家二手车行: a firm, counted by 家 (车行至路口 is xíng)
    return None


def _zhao(prev, nxt, words, i):
    if nxt and nxt.text in ("了", "起来", "火"):
        return "zhao2"  # 着了, 着起来: caught fire, fell asleep
    if prev and prev.pos.startswith("m") and prev.text[-1] in NUMERAL_CHARS:
        return "zhao1"  # 下出一着妙棋, 这一着: a move in chess, counted
    return _zhuo(prev, nxt, words, i)


def _shu(prev, nxt, words, i):
    if (nxt and nxt.text == "了") or (prev and prev.pos == "r") or _following(words, i).startswith(COUNTLESS):
        return "shu3"  # 他数了数, 数不过来: to count
    if prev and prev.pos.startswith("d") and nxt and len(nxt.text) > 1 and nxt.pos.startswith("n"):
        return "shu3"  # 逐一数人头: to count what follows (数人 "several people" has no adverb before)
    if nxt and nxt.text == "得" and _text(words, i + 2) in COUNTABLE:
        return "shu3"  # 闭着眼睛都数得清: can be counted (这个数得完全准确 is shù, a number)
    return None


def _zhong(prev, nxt, words, i):
    if prev and len(prev.text) > 1 and prev.text[-1] == "一" and prev.pos.startswith("v") and nxt:
        return "zhong4"  # 统一种上了中药材 (jieba: 统一/种/上): to plant, after a verb ending in 一, not a count (同一种 is zhǒng)
    if prev and (prev.text[-1] in NUMERAL_CHARS or prev.text in ("哪", "此", "该", "其") or prev.pos.startswith(("q", "digit"))):
        return "zhong3"  # 这种 几种 哪种 40种, 属下的一个种: a kind
    if not nxt:
        return "zhong3"  # a noun at the end of a clause
    return "zhong4"  # 忙着种小麦: to plant


def _zhang(prev, nxt, words, i):
    later = words[i + 2] if i + 2 < len(words) else None
    if prev and prev.text in CHIEFED and (_text(words, i - 2).endswith(("级", "总", "副")) or (nxt and nxt.text.startswith("巡")) or "长制" in _sentence(words)):
        return "zhang3"  # 各级河长, 湖长巡湖, 推行河长制…河长: the official in charge of a river (这条河长一千公里 is cháng)
    if prev and prev.text.endswith("国外"):
        return "zhang3"  # 两国外长 (jieba: 两/国外/长): foreign ministers
    if prev and prev.text in GRADED and (not nxt or nxt.text in ("了", "的", "些", "一些", "一点")):
        return "chang2"  # 续航里程越来越长, 队伍越来越长了: longer (越来越长得像他爸 is zhǎng)
    if nxt and nxt.text == "了" and later and later.text.endswith(SPANS) and _compared(words, i):
        return "chang2"  # 汛期比去年长了三天: longer, a span of time compared
    if nxt and (nxt.text in ("出", "成", "满", "在", "着", "高", "胖", "壮", "粗") or (nxt.text == "了" and later and later.pos.startswith(("m", "n", "a")))):
        return "zhang3"  # 长了一百多年, 长出新芽, 长在脸上, 长着一张圆脸, 长高了: to grow
    if nxt and nxt.text == "到" and later and later.pos.startswith(("m", "n")):
        return "zhang3"  # 已经长到两层楼高: grown to
    if nxt and nxt.pos.startswith("m") and "岁" not in nxt.text:
        return "chang2"  # 比往年长一天: longer by
    return None


def _compared(words: list[Word], i: int) -> bool:
    """比 earlier in the clause of word i (比去年长了三天)."""
    return any(w.text == "比" for w in _clause_behind(words, i))


def _dang(prev, nxt, words, i):
    """当 alone between a thing and the use it is put to is dàng, as (靠砍伐灌木当柴烧, 拿手机当手电筒用,
    把他当亲人看待); dāng, to serve as, otherwise (他当老师看了很多书)."""
    if not nxt or nxt.pos.startswith(("v", "p", "d", "u", "m", "r")) or _text(words, i + 2) not in USED_AS:
        return None
    ends = i + 3 >= len(words) or not words[i + 3].syllables
    return "dang4" if ends or any(x.text in ("把", "拿", "用", "靠") for x in _clause_behind(words, i)) else None


def _zhong_hit(prev, nxt, words, i):
    if nxt and nxt.text == "了":
        return "zhong4"  # 中了大奖, 中了一枪: to hit, to win
    if prev and prev.text in ("未", "没"):
        return "zhong4"  # 一发未中, 两枪都没中: missed (jieba cuts 未/中)
    if prev and prev.text in HIT and prev.pos.startswith("v"):
        return "zhong4"  # 被球砸中鼻梁 (jieba: 砸/中): hit (在射击中 is zhōng: one word before)
    if nxt and nxt.text == "得" and any("奖" in x.text for x in _clause_ahead(words, i)[1:4]) and not _placed(words, i):
        return "zhong4"  # 彩民中得千万元大奖: won (在比赛中得了一等奖 is zhōng)
    return None


def _cang(prev, nxt, words, i):
    if prev and prev.text.endswith("入") and _collected(words):
        return "cang2"  # 这批文物已入藏国家博物馆, 这批竹简入藏后: taken into a collection (文成公主入藏, 游客自驾入藏: Tibet, zàng)
    if prev and prev.text in TO_TIBET and words[i].pos == "j" and not (nxt and nxt.text in ("起来", "起", "着", "了", "在")):
        return "zang4"  # 空运出藏, 入藏, 驻藏多年: Tibet (藏起来, to hide, is cáng)
    if nxt and nxt.text in ("在", "着", "了", "起", "起来", "于", "进"):
        return "cang2"  # 被藏在山洞里: to hide
    if nxt and nxt.text.startswith("到") and not (prev and prev.text[-1] in "进入援赴川青滇西新"):
        return "cang2"  # 苹果能藏到来年开春: to store (进藏到, 援藏: Tibet)
    return None


def _collected(words: list[Word]) -> bool:
    """A text about a museum's or a library's holdings: a collection named (博物馆, 馆藏, 文物 …), or
    what is collected, shown or donated (竹简, 收藏, 展出, 捐赠 …) where nothing speaks of travel in Tibet."""
    text = _sentence(words)
    return any(c in text for c in COLLECTIONS) or (any(c in text for c in COLLECTED) and not any(t in text for t in TIBET))


def _counted_people(words: list[Word], i: int) -> bool:
    """人为 after a numeral (四/人为, 3/人为): jieba glued people counted to the 为 after them;
    rénwéi, man-made, comes after no number (七分人为: 分 ends the word before)."""
    prev = words[i - 1] if i and words[i - 1].syllables else None
    return bool(prev and (prev.pos == "digit" or (prev.pos.startswith("m") and prev.text[-1] in NUMERAL_CHARS)))


def _glued_wei(words: list[Word], i: int, head: str) -> str | None:
    """What the rule for 为 alone reads in ``words[i]``, a word jieba glued from the end of the
    word before and 为 (四/人为, 农商/行为); ``head`` is the first character's reading."""
    w = words[i]
    first, wei = replace(w, text=w.text[0], pos="n", syllables=[head]), replace(w, text="为", pos="p", syllables=["wei2"])
    split = [*words[:i], first, wei, *words[i + 1 :]]
    nxt = split[i + 2] if i + 2 < len(split) and split[i + 2].syllables else None
    return _wei(first, nxt, split, i + 1)


def _stuck(prev, nxt, words, i):
    """卡 alone before the throat is qiǎ, stuck (误吞后可能卡喉, 鱼刺卡了嗓子); kǎ, a card, otherwise
    (一张卡, 办了卡). Stuck in or held is ``_characters``' (卡在, 卡住, 被卡)."""
    counted = prev and (prev.text[-1] in NUMERAL_CHARS or prev.text == "张")
    return "qia3" if not counted and _following(words, i).removeprefix("了").startswith(THROAT) else None


def _ying(prev, nxt, words, i):
    """应 alone is "should" (ying1), but ying4 "at the request of", before who asked and the
    request: 应中方邀请, 应国务院总理李强邀请, 应有关方面要求. Not after a negation or an
    adverb of "should" (不应要求企业垫资), nor with a verb between (不应强行要求供应商)."""
    if prev and prev.text in SHOULD_BEFORE:
        return "ying1"
    for w in words[i + 1 : i + 7]:
        if not w.syllables:
            break
        if w.text in ("邀请", "要求", "请求", "之邀", "之约", "邀"):
            return "ying4"
        if w.pos == "v" or w.pos.startswith("d"):
            break  # what should be done: 应强行要求, 应及时响应客户要求
    return "ying1"  # 有关部门应及时公开相关信息


def _huan(prev, nxt, words, i):
    if not nxt or nxt.text in ("给", "清", "回", "完", "了"):
        return "huan2"  # 借的钱要按时还。 还给, 还完, 还了贷款: to give back (the adverb never ends a clause, nor takes 了)
    ends = not (i + 2 < len(words) and words[i + 2].syllables)
    if nxt.text == "上" and (ends or (_text(words, i + 2) == "了" and not _text(words, i + 3).strip("。，；！.,;!"))):
        return "huan2"  # 都得还上，…, 终于还上了。: paid back, ending the clause (还上过大学 is hái)
    if nxt.pos.startswith("m") and any(x.text.endswith(DEBTS) for x in _clause_ahead(words, i)[1:3]):
        return "huan2"  # 每月要还三千元房贷: to repay (还有三千元存款 is hái)
    if prev and prev.text in ("借", "租") and nxt.text[:1] in RETURNED_AT:
        return "huan2"  # 自行车租还点, 借还书: borrowed and given back (先租还不如买 is hái)
    if prev and prev.text in ("没", "没有", "未", "不") and nxt.text in ("上", "钱", "款", "债", "贷款", "欠款"):
        return "huan2"  # 借的钱还没还上, 一直不还钱: not paid back (the adverb comes before the negation: 还没上班)
    return None


def _liang(prev, nxt, words, i):
    ahead = [w.text for w in _clause_ahead(words, i)]
    if ahead[:1] == ["体"]:
        return "liang2"  # 在线量体服务 (jieba: 量/体): to measure the body (质量体系 is one word, liàng)
    if any(t in MEASURED for t in ahead[:2]):
        return "liang2"  # 量完体温: to measure
    if ahead and ahead[0] in RESULTS and any(t in MEASURED for t in ahead[:8]):
        return "liang2"  # 量出了这一跳的距离: measured, then what
    return None


def _mei(prev, nxt, words, i):
    """没 alone is the negation méi (他今天没来上班), whatever the model says; mò, to
    submerge, only before 过 and what water rises over (积水没过膝盖)."""
    following = _following(words, i)
    if following.startswith("过") and following[1:].removeprefix("了").startswith(SUBMERGED):
        return "mo4"
    if nxt and nxt.text in ("膝", "踝", "腰", "胫"):
        return "mo4"  # 没膝的积雪: up to the knee
    if prev and len(prev.text) == 1 and prev.pos.startswith(("nr", "j")):
        return None  # a sound in a foreign name (麻哈没的, 阿没里): the model decides
    return "mei2"


def _pare(prev, nxt, words, i):
    """削 alone before what is pared is xiāo (削水果, 削苹果皮, 削出刨花); xuē, to strip,
    is in words (削减, 削弱) and in the old sense of a rank or a name (削亲王品级, 削籍)."""
    if nxt and (nxt.text in PARED or nxt.text[-1] in "皮果笔" or nxt.text in ("出", "成", "掉", "去", "好", "尖", "了")):
        return "xiao1"
    return None


def _dai(prev, nxt, words, i):
    """待 alone before where or how long one stays is dāi (待在家里, 在实验室待到深夜,
    待了三天); dài, to treat or to wait, otherwise (待人热情, 待到明年春天, 待到山花烂漫时)."""
    following = _following(words, i)
    if (nxt and nxt.text in STAYED) or following.startswith(("在", "了", "着")):
        return "dai1"
    if following.startswith("到") and _placed(words, i):
        return "dai1"  # 在图书馆待到很晚: 在 earlier in the clause
    if nxt and nxt.text == "到" and any(w.text == "在" for w in words[max(0, i - 4) : i]):
        return "dai1"  # 在 in the four words before, past a comma
    if prev and prev.text == "一" and nxt and nxt.text.startswith("就"):
        return "dai1"  # 一待就是好几天: once one stays
    return None


def _sleep(prev, nxt, words, i):
    """觉 alone after sleeping or what a sleep is like is jiào (睡了一觉, 美美地睡上一觉, 睡个好觉,
    睡不着觉); jué, to feel, is in words (觉得, 感觉). 一觉 counted is ``_characters``'."""
    if any("睡" in w.text for w in words[max(0, i - 4) : i]) or (i and words[i - 1].text[-1:] in "好个午懒着"):
        return "jiao4"
    return None


def _turn(prev, nxt, words, i):
    if TURNS.match(_following(words, i)):
        return "zhuan4"  # 转了两圈, 转过三圈: to turn round
    return None


def _le(prev, nxt, words, i):
    """乐 alone is glad, laughing, lè (逗得网友直乐, 心里直乐); yuè, music, is in words (音乐, 鼓乐)
    and a surname (主持人乐嘉说: a name follows)."""
    return None if nxt and nxt.pos.startswith("nr") else "le4"


def _grind(prev, nxt, words, i):
    """磨 alone with a millstone, grinding grain or beans, is mò (泡豆、磨浆, 用石磨磨出的豆浆,
    磨好的面粉); mó, to whet or to rub, otherwise (磨剪子, 磨了半天)."""
    if any(x.text in MILLED for x in _clause_ahead(words, i)[:4]) or (prev and prev.text.endswith("磨")):
        return "mo4"
    return "mo2" if words[i].pos.startswith("v") else None


def _row(prev, nxt, words, i):
    if nxt and nxt.text in ROWED:
        return "hua2"  # 划着船, 划桨: to row (huà, to mark off, is in words: 划分, 计划)
    return None


def _tie_up(prev, nxt, words, i):
    """扎 starting a word is zā, to tie, before 紧 (把行李扎紧, 扎紧) or what is tied
    (扎着两条小辫子, 扎好腰带) or what is bound from strips (用竹篾扎骨架, 扎风筝); zhā (扎根, 扎针) otherwise. 一扎啤酒, counted, is ``_counted``'s."""
    w = words[i]
    if len(w.text) > 1:
        return "za1" if w.text[1] == "紧" else None
    following = _following(words, i)
    if (nxt and nxt.text[0] == "紧") or any(x.text in PLAITED or x.text in BOUND for x in words[i + 1 : i + 5]) or any(x in following[:8] for x in TIED):
        return "za1"
    return None


def _nong(prev, nxt, words, i):
    if nxt and nxt.text[0] in DONE_TO + "不得了到":
        return "nong4"  # 弄不起来, 弄清楚, 弄坏了: to do, to make (lòng, a lane, is 武康路40弄)
    return None


def _nan(prev, nxt, words, i):
    """难 alone is "hard" (上学难、就业难, 问题难解决); nàn, a disaster, is in words (遇难, 逃难),
    so only after what forms them does the model decide."""
    if prev and prev.text[-1] in "遇逃避落受殉遭罹蒙赴患灾矿海空国劫危苦一":
        return None  # 矿/难 (jieba's cut), 免此一难: a disaster
    return "nan2"


def _jiang(prev, nxt, words, i):
    if (nxt and nxt.text in ("服", "伏", "龙", "妖")) or (prev and prev.text[-1] in "迎尽皆乞来请投归纳诈劝诱招受"):
        return None  # 降服, 降龙: to subdue; 出城迎降, 余众尽降: to surrender (xiáng)
    return "jiang4"  # 利率降至1.1%: to fall, to lower (xiáng, to surrender, is in words: 投降)


def _bao(prev, nxt, words, i):
    """薄 alone, said of a thing, is báo (只有一张纸那么薄, 冰层很薄); bó is in words (薄弱,
    单薄, 薄膜) and names (薄谷开来, 越南薄辽省), so only after a degree word or ending its clause."""
    if (prev and prev.text in THIN_BEFORE) or not nxt or nxt.text in ("了", "的", "得", "些", "一些", "点", "又", "而", "且"):
        return "bao2"
    return None


def _zhuo(prev, nxt, words, i):
    """着 before what is worn is "to wear" (受阅官兵统一着新式礼服, 着便装出席)."""
    ahead = _clause_ahead(words, i)[:2]
    worn = [n for n, w in enumerate(ahead) if len(w.text) > 1 and w.text.endswith(CLOTHES)]
    if not worn or (worn[0] and ahead[0].pos.startswith(("v", "u"))):
        return None  # 笑着换上礼服: what is worn belongs to another verb
    if prev and prev.pos.startswith(("v", "a")) and prev.text not in UNIFORMLY:
        return None  # 忙着礼服的事: 着 after a verb is the aspect marker
    return "zhuo2"


def _chong(prev, nxt, words, i):
    if prev and prev.text in DEGREE:
        return "chong4"  # 说话很冲: blunt, strong
    return None


def _heavy(prev, nxt, words, i):
    if nxt and nxt.text.startswith("特大"):
        return "zhong4"  # 遏制重特大事故: serious and very big (jieba cuts 重/特大事故)
    if not nxt and prev and prev.text in ("而", "又", "且", "越"):
        return "zhong4"  # 车少而重: heavy, ending its clause
    return None


def _cha(prev, nxt, words, i):
    if not nxt or (prev and prev.pos.startswith("d")) or nxt.text[0] in "了得一多太远点不":
        return "cha4"  # 成绩差, 还差最后一步, 差了一些, 差太远: short of, poor (气压差 is chā, 差人 chāi)
    return None


def _gan(prev, nxt, words, i):
    if prev and prev.text in DRIED:
        return "gan1"  # 沥干, 晒干: dried, as the result
    wet_before = prev and prev.text == "又" and any(x.text == "湿" for x in words[max(0, i - 4) : i])
    if wet_before or "".join(x.text for x in words[i + 1 : i + 4]).startswith(("了又湿", "又湿")):
        return "gan1"  # 湿了又干，干了又湿: dry, against wet (地面湿了，他干了一天活 is gàn)
    if words[i].pos.startswith("v"):
        return "gan4"  # 干出一番事业, 干一行爱一行: to do
    return None


def _jiao(prev, nxt, words, i):
    """教 alone before whom or what is taught is the verb jiāo (教了一辈子书, 教我们唱歌,
    教学生写字); jiào is in words (教育). jieba also leaves a religion alone as a verb
    (两教, 宗教法教禁止), so only a pupil, a subject, a pronoun or 了/过 after it counts."""
    if nxt and (nxt.text in ("了", "过", "着") or nxt.pos.startswith("r") or nxt.text in TAUGHT):
        return "jiao1"
    if nxt and len(nxt.text) > 1 and nxt.text.endswith(("农", "户")) and nxt.pos.startswith("n"):
        return "jiao1"  # 手把手教农户剪枝, 教果农嫁接: farmers and households taught
    if prev and prev.text == "一" and nxt and nxt.text.startswith("就"):
        return "jiao1"  # 一教就是十年: once one starts teaching
    if nxt and nxt.pos.startswith("n") and _text(words, i + 2) in HOW:
        return "jiao1"  # 教居民如何看懂标签: someone, then how to do it
    return None


def _hao(prev, nxt, words, i):
    if prev and prev.pos.startswith("v") and len(prev.text) <= 2:
        return "hao3"  # 穿戴好, 挖好: done well, a result
    if nxt and nxt.text in FOND_OF:
        quite = prev and (prev.text in DEGREE or prev.text in ("可", "好"))
        return "hao3" if quite else "hao4"  # 自称“好折腾”, 好面子: fond of (这一路真好折腾, quite a hassle, is hǎo)
    return None


def _chu(prev, nxt, words, i):
    if prev and prev.text in PLACED:
        return "chu4"  # 高处, 低处: a place
    if prev and (prev.pos == "digit" or prev.text[-1] in NUMERAL_CHARS):
        return "chu4"  # 辖区内23处闲置用房: places, counted
    after = _text(words, i + 2)
    if nxt and nxt.text == "得" and (after in ("来", "像", "不", "很", "挺", "好") or (after and words[i + 2].pos.startswith(("d", "a", "m")))):
        return "chu3"  # 邻里关系处得十分融洽, 处得来: to get along (在他处得知 is chù)
    return None


def _jin(prev, nxt, words, i):
    if not nxt or nxt.text in ("了", "到", "力", "心", "职", "责", "孝", "全力", "最大", "己所能", "其所能"):
        return "jin4"  # 尽了最大的努力, 尽到责任, 粮尽: to use up, to do one's utmost
    return None


def _lei(prev, nxt, words, i):
    if nxt and nxt.text == "是" and _text(words, i + 2) == "累":
        return "lei4"  # 累是累了点: tired, said twice
    if not nxt or nxt.text[0] in "得了坏死着的极也" or (prev and prev.text[-1:] in "很太挺真好不喊怕再更最"):
        return "lei4"  # 累得满头大汗, 挺累的, 喊累, 再累也值得: tired (累迁 "promoted again and again" is lěi)
    return None


def _si(prev, nxt, words, i):
    return "shi4" if nxt and nxt.text == "的" else "si4"  # 平声似去, 似有道理: to seem, to be like; 似的 shì


def _supply(prev, nxt, words, i):
    """供 alone before who uses it and what they do is gōng (供学者研究, 供游客参观, and past
    what describes them: 供年轻教师参考); gòng, to offer or to confess, is in words (供奉, 口供)
    or before 出/认 (供出同伙)."""
    ahead = _clause_ahead(words, i)
    for n, x in enumerate(ahead[:3]):
        if any(not y.pos.startswith(("a", "b", "m")) for y in ahead[:n]):
            break  # only an adjective or a number between: 供广大读者参考, 供两名学生使用
        if x.pos.startswith(("n", "r")) and n + 1 < len(ahead) and ahead[n + 1].pos.startswith("v"):
            return "gong1"
        if x.text in RECIPIENTS or x.text.endswith(("者", "人", "们", "客", "民", "生")):
            return "gong1"  # 供游客参观: for someone's use
    return None


def _stick(prev, nxt, words, i):
    if nxt and nxt.text in ("在", "住", "上", "到", "满", "着", "了", "成"):
        return "zhan1"  # 粘在一起, 粘上: to stick (粘 nián is sticky, as 黏)
    return None


def _fry(prev, nxt, words, i):
    """炸 alone in cooking is zhá (下锅炸, 炸至金黄, 炸了一盘花生米); zhà, to explode, otherwise."""
    near = words[max(0, i - 3) : i + 4]
    if any(x.text in COOKING for x in near) or any("锅" in x.text or "油" in x.text for x in words[max(0, i - 3) : i]):
        return "zha2"
    if any(x.text in FRIED or x.text.endswith(FRIED_ENDS) for x in words[i + 1 : i + 5]) or (nxt and nxt.text in ("至", "到", "成")):
        return "zha2"
    return None


def _tie(prev, nxt, words, i):
    if any(x.text in KNOTTED for x in _clause_ahead(words, i)[:3]):
        return "ji4"  # 系个鞋带, 系好安全带: to tie (系 xì: 系累犯, 关系)
    behind = _clause_behind(words, i)
    if any(x.text == "把" for x in behind) and any(x.text in KNOTTED for x in behind[:4]):
        return "ji4"  # 把她的围巾重新系了一下: what is tied, before
    if nxt and nxt.text in ("在", "上", "好", "紧", "牢", "着", "住", "成", "个") and not (prev and prev.text[-1] in "连联维关"):
        return "ji4"  # 把绳子系在树上, 系好: to tie (连系 is xì)
    if nxt and nxt.text[0] in "紧牢" and nxt.pos.startswith("v") and prev and prev.pos[:1] in ("c", "d", "v"):
        return "ji4"  # 并系紧扣带 (jieba: 系/紧扣/带): tied tight (本系紧急通知 is xì)
    return None


def _stuff(prev, nxt, words, i):
    """塞 starting a word before where or how full is sāi, to stuff (塞进手里, 塞满, 塞给他,
    one jieba word or two); sài and sè are in words (边塞, 要塞, 堵塞)."""
    w = words[i]
    if len(w.text) > 1:
        return "sai1" if w.text[1] in STUFFED else None
    return "sai1" if nxt and nxt.text[0] in STUFFED | {"在"} else None


def _head_for(prev, nxt, words, i):
    after = words[i + 2] if i + 2 < len(words) else None
    if nxt and nxt.text == "着" and after and after.syllables and not after.pos.startswith(("v", "u", "d", "p", "c")):
        return "ben4"  # 奔着早市去: to head for (奔跑 bēn)
    return None


def _fan(prev, nxt, words, i):
    """扇 alone is shān, to fan, before 着/了/风 or a fan (扇着扇子, 扇风, 扇起凉风); shàn
    counts doors and fans (一扇门)."""
    if nxt and (nxt.text in ("着", "了", "风", "扇子") or nxt.text.startswith("扇")):
        return "shan1"
    counted = _text(words, i - 1)[-1:] in NUMERAL_CHARS
    if nxt and not counted and (nxt.text[0] in "着了起风凉" or "扇子" in nxt.text[:4]):
        return "shan1"
    return None


def _fool(prev, nxt, words, i):
    fooled = _text(words, i + 2) if _text(words, i + 1) in ("”", "’") else ""
    if fooled in COAXED or (len(fooled) > 1 and fooled.endswith("人")):
        return "meng1"  # 专门“蒙”老年人: who is fooled, past the quote
    after = words[i + 2] if i + 2 < len(words) else None
    if nxt and (nxt.text in ("我", "你", "他", "她", "人", "谁", "我们", "你们", "他们") or nxt.pos.startswith("r")) and (not after or not after.syllables or after.text == "了"):
        return "meng1"  # 别想蒙我, 蒙人: to fool (蒙他关照 is méng)
    if nxt and nxt.text == "了":
        return "meng1"  # 一下子蒙了: dazed
    return None


def _mix(prev, nxt, words, i):
    if (nxt and (nxt.text in MIXED or nxt.text[0] in "馅匀")) or (prev and prev.text[-1] in "馅汁"):
        return "tiao2"  # 调馅儿, 调匀, 馅调好了: to mix (调查 diào)
    if nxt and nxt.text == "好" and "馅" in _following(words, i)[:6]:
        return "tiao2"  # 把调好的馅料包进酥皮: mixed (调好人手 is diào)
    return None


def _spill(prev, nxt, words, i):
    """撒 alone, spilt or sprinkled somewhere, is sǎ (饭菜有没有撒, 撒在地上, 撒上可可粉); sā,
    to cast or let go, is in words (撒网, 撒手); 撒种子 sows it, and 撒 spells foreign names (以撒, 帖撒利)."""
    if words[i].pos.startswith(("nr", "ns")) or (prev and prev.pos.startswith(("nr", "ns", "j"))):
        return None
    following = _following(words, i)
    spilt = nxt and (nxt.text in SPILT or nxt.text in SCATTERED or nxt.text == "向" or following.startswith(("了一地", "了满地")))
    strewn = nxt and nxt.text == "了" and (_text(words, i + 2) in SCATTERED or _text(words, i + 2).endswith(("剂", "粉", "盐", "肥")))
    spilt = spilt or strewn  # 主干道上撒了融雪剂
    return "sa3" if not nxt or spilt else None


def _swell(prev, nxt, words, i):
    """涨 of a face going red is zhàng (脸涨得通红, 涨红了脸, 涨得发紫); zhǎng, to rise, otherwise (涨价)."""
    following = _following(words, i)
    flushed = following.startswith(("红", "得通红", "得满脸", "得发紫")) or (following.startswith("得") and "红" in following[:5])
    if (i and words[i - 1].text.endswith("脸")) or flushed:
        return "zhang4"
    return None


def _fa(prev, nxt, words, i):
    cut = words[i - 2] if i > 1 else None
    if prev and len(prev.text) == 1 and prev.text in CUT_HAIR:
        return "fa4"  # 剪/发 (jieba's cut): hair
    if prev and prev.text in ("了", "过", "完", "个") and cut and cut.text in CUT_HAIR:
        return "fa4"  # 理了发, 剪过发: hair, the verb split from it
    return None


def _juan(prev, nxt, words, i):
    if nxt and nxt.text[0] in "成起入走着了进上" and not (prev and (prev.pos.startswith("m") or prev.text[-1] in "第上下")):
        return "juan3"  # 卷成一卷, 卷起裤腿, 被卷入: to roll (第一卷, 上卷 are volumes)
    return None


def _cut(prev, nxt, words, i):
    """切 starting a word is qiē, to cut, before what the knife does or makes or what it cuts (切菜,
    切碎, 切下去; alone: 把菜切好, 切生肉, jieba's 切/成细丝), where pypinyin's default is qiè;
    qiè, earnest or close, is in words (切实, 切身, 切勿, 关切, 一切)."""
    w = words[i]
    if len(w.text) > 1:
        return "qie1" if w.text[1] in CUT else None
    if nxt and (nxt.text[0] in CUT or (len(nxt.text) > 1 and nxt.pos.startswith("n") and not nxt.pos.startswith(NAME_POS))):
        return "qie1"  # 切/成, 切好, 切生肉: what is cut or how (not a sound of a name: 阿拉克/切/耶/夫, 库/切/的作品)
    return None


def _shen(prev, nxt, words, i):
    """参 alone as a noun in a text about ginseng is shēn (参农, 一株好参: jieba's 参/农); cān, to
    join, otherwise."""
    text = _sentence(words)
    return "shen1" if words[i].pos.startswith("n") and any(g in text for g in GINSENG) else None


def _tan(prev, nxt, words, i):
    if prev and prev.text[-1] in "枪炮拆排":
        return "dan4"  # 步枪弹, 拆弹: a bullet, a bomb
    return "tan2"  # alone, 弹 is the verb: 弹了一首曲子


def _pick(prev, nxt, words, i):
    if nxt and nxt.text.startswith(RAISED):
        return None  # 挑/起来, 挑/明, 被挑断: to raise, to stir up, to pick with a point (tiǎo), or a load lifted: the rules after decide
    return "tiao1"  # 专挑早高峰作案, 挑了两担水: to choose, to carry on a pole (tiǎo is in words: 挑战, 挑衅)


def _rate(prev, nxt, words, i):
    """率 alone after what is counted is a rate, lǜ (参保/率稳定在…: jieba's cut); shuài, to
    lead, comes after who leads and before who is led (市长率团, 粟裕率新四军)."""
    if not prev or len(prev.text) < 2 or prev.pos.startswith(("nr", "ns", "nt", "r")) or prev.text.endswith(tuple(names.ROLES)):
        return None
    return "lv4" if not nxt or not nxt.pos.startswith(("n", "r", "m", "q")) else None


# Characters read one way whenever they stand alone as a jieba word; the other reading
# lives only in words that the dictionaries read.
ALONE = {"少": "shao3",  # 少了往日的锐气: few, lacking (shào only in words: 少年)
         "剥": "bao1",  # 剥玉米, 剥了皮 (bō in 剥削, 剥夺, 剥离)
         "逮": "dai3",  # 逮了个正着, 逮老鼠 (dài in 逮捕)
         "嚼": "jiao2",  # 嚼不动, 嚼了几口 (jué in 咀嚼)
         "吭": "keng1",  # 一声没吭 (háng in 引吭高歌)
         "倔": "jue4",  # 这孩子挺倔 (jué in 倔强)
         "曝": "bao4"}  # 有网友曝该店…, 被曝出: to expose (pù, to sun, in words: 曝晒, 一曝十寒)
SINGLE = {"得": _de_particle, "地": _di, "为": _wei, "行": _hang, "着": _zhao, "数": _shu,
          "种": _zhong, "弹": _tan, "冲": _chong, "差": _cha,
          "长": _zhang, "干": _gan, "中": _zhong_hit, "藏": _cang,
          "应": _ying, "量": _liang, "还": _huan, "教": _jiao,
          "重": _heavy, "似": _si, "没": _mei, "薄": _bao, "削": _pare, "难": _nan, "降": _jiang, "待": _dai, "好": _hao, "处": _chu, "尽": _jin, "累": _lei, "供": _supply,
          "粘": _stick, "炸": _fry, "系": _tie, "奔": _head_for, "扇": _fan,
          "蒙": _fool, "调": _mix, "撒": _spill, "涨": _swell, "卷": _juan, "发": _fa,
          "觉": _sleep, "转": _turn, "弄": _nong, "划": _row,
          "挑": _pick, "率": _rate, "参": _shen, "乐": _le, "磨": _grind, "当": _dang, "卡": _stuck}  # fmt: skip
# Characters that the next character reads, whether jieba leaves them alone (塞/进, 扎/紧)
# or glues them to it (塞进, 扎紧).
LEADING = {"塞": _stuff, "扎": _tie_up, "切": _cut}
BECOME = {"提升", "升格", "不愧", "无愧", "贬", "改", "称", "视", "定", "列", "评", "选", "变", "转", "分", "译", "更名",
          "改名", "任命", "认定", "确定", "确认", "划", "作", "成", "化", "誉", "尊", "奉", "封", "立", "拜", "推", "推选",
          "选举", "聘", "聘请", "命名", "定名", "确诊", "诊断", "鉴定", "判定", "评定", "核定", "转化", "简化", "细化", "量化", "固化", "演化", "分化", "演变", "转变", "改编",
          "改造", "改建", "扩建", "升级", "合并", "调整", "设立", "确立", "当选", "表现", "解释", "折算", "换算"}  # fmt: skip
NAMED = {"主题", "原因", "目标", "宗旨", "口号", "名称", "内容", "题目", "重点", "任务", "理念", "标准", "要求", "条件",
         "核心", "结果", "冠军", "亚军", "季军", "得主", "死者", "伤者", "嫌疑人", "期限", "时间", "地点"}  # fmt: skip
ROLES = {"核心", "中心", "主体", "主线", "导向", "抓手", "契机", "指导", "榜样", "目标", "重点", "基础", "依托", "载体", "引领",
         "统领", "主导", "己任", "荣", "耻", "宗旨", "根本", "前提", "保障", "动力", "支撑", "纽带", "桥梁", "突破口", "切入点"}  # fmt: skip
TRAITS = {"低调", "正直", "谦和", "谦虚", "和善", "厚道", "忠厚", "豪爽", "随和", "热情", "诚恳", "坦荡", "耿直", "实在", "仗义"}
RECIPIENTS = {"人民", "群众", "患者", "病人", "企业", "孩子", "老人", "学生", "农民", "居民", "消费者", "游客", "客户", "百姓",
              "老百姓", "大家", "他人", "别人", "国家", "社会", "祖国", "家乡", "人类", "世界", "职工", "员工", "村民", "市民", "乘客", "考生", "读者",
              "观众", "您", "战友", "亲人", "家人", "父母", "老伴", "邻居", "乡亲", "乡亲们"}  # fmt: skip
FEELINGS = {"忙碌", "高兴", "担心", "担忧", "骄傲", "自豪", "着急", "难过", "伤心", "发愁", "操心", "忧虑", "惋惜", "庆幸",
            "欣慰", "揪心", "捏一把汗", "感到高兴", "感到骄傲", "感到自豪"}  # fmt: skip
SERVICES = {"义诊", "义演", "把脉", "代言", "办实事", "办好事", "扫墓"}  # what is done for someone, that jieba tags a noun: 为患者义诊
EFFORTS = {"打分", "付出", "奉献", "努力", "牺牲", "辛劳", "操劳", "贡献"}
GROUPS = {"人群", "群体", "对象"}
AMOUNT = re.compile("[零〇一二三四五六七八九十百千万亿两几]+[人名个次元户家]")
SENTENCE_ENDS = set("。！？!?；;")
VERBAL_POS = ("v", "l", "i")  # a verb, or a set phrase or idiom, which jieba tags l or i: 感到高兴
DEGREE = {"很", "太", "真", "挺", "特别", "非常", "比较", "有点", "更"}
MUST = {"必须", "就", "还", "都", "也", "总", "非", "可", "只"}  # 必须得解决: dei3
GAIN = {"夺", "获", "取", "赢", "博", "求", "觅", "习", "测", "而", "中"}  # 测得最大风速, 挖掘而得, 彩民中得大奖
YEAR_NUMERALS = set("一二三四五六七八九十百千两半几")
RESULTS = {"出", "了", "完", "好", "过", "一下", "准"}
SUBMERGED = ("膝盖", "脚踝", "脚面", "小腿", "大腿", "腰", "胸", "脖子", "头顶", "车轮", "轮胎", "车顶", "车身", "车窗", "路面", "桥面",
             "河堤", "堤坝", "屋顶", "房顶", "窗台", "门槛")  # fmt: skip
ZI3 = ("男子", "女子", "太子", "公子", "君子", "弟子", "学子", "才子", "游子", "赤子", "天子", "孝子", "浪子", "仙子", "皇子",
       "世子", "养子", "幼子", "次子", "长子", "爱子", "独子", "嫡子", "庶子", "臣子", "举子", "士子", "诸子", "瓜子", "棋子",
       "莲子", "松子", "黑子", "原子", "电子", "离子", "分子", "粒子", "光子", "中子", "质子", "因子", "介子", "孢子", "配子",
       "卵子", "精子", "量子", "微子", "米子", "生子", "产子", "双子", "义子", "国子", "贝子")  # fmt: skip
MILLED = {"浆", "豆浆", "米浆", "面", "面粉", "豆子", "豆", "米", "玉米", "麦子", "小麦", "粉", "芝麻"}
ROWED = {"着", "船", "小船", "桨", "艇", "龙舟", "过", "向", "水"}
SCATTERED = {"种子", "种", "化肥", "肥料", "盐", "石灰", "药", "药粉", "鱼食", "饲料", "花瓣", "纸钱", "面粉", "芝麻", "葱花"}
PLAITED = {"辫子", "小辫子", "辫", "马尾", "马尾辫", "头发", "腰带", "彩带", "丝带"}
BOUND = {"骨架", "风筝", "灯笼", "花灯", "彩灯", "龙灯", "花圈", "纸人", "纸马", "草人", "稻草人", "扫帚", "笤帚", "篱笆", "彩门", "彩楼", "彩球"}  # 扎骨架, 扎风筝: bound from strips
FRIED = {"花生", "花生米", "油条", "丸子", "鸡", "鸡块", "鸡翅", "鱼", "小鱼", "薯条", "馓子", "麻花", "春卷", "酱"}
FRIED_ENDS = ("丸子", "鸡腿", "排骨", "带鱼", "年糕", "糕")
DONE_TO = "清明懂坏脏乱丢好成出虚巧弯散湿错混糊"  # what 弄 does to a thing: 弄清, 弄坏, 弄错
COUNTERS = set("一二两三四五六七八九十百千万几每")
MESSAGES = ("电话", "电报", "邮件", "信", "短信", "书信", "文书")
TURNS = re.compile(r"^[了过]?[一二两三四五六七八九十几数百千0-9]+个?圈")
PARED = {"水果", "苹果", "梨", "土豆", "萝卜", "甘蔗", "铅笔", "木头", "竹子"}
SUNK = ("没收", "没落", "没入", "没顶", "没齿", "没世", "没药", "没食", "没骨", "没金", "没没")  # mò: submerged, confiscated, gone
THIN_BEFORE = DEGREE | {"那么", "这么", "多么", "较", "最", "越来越", "变", "变得", "极", "超", "既", "又", "而", "且"}
CLOTHES = ("服", "便装", "军装", "西装", "正装", "盛装", "戎装", "时装", "古装", "工装", "套装", "服装", "新装", "唐装", "春装",
           "夏装", "秋装", "冬装", "泳装", "汉服")  # fmt: skip
UNIFORMLY = {"统一", "一律", "均", "都", "全部", "全体", "一身"}
MEASURED = {"体温", "血压", "身高", "体重", "尺寸", "长度", "距离", "腰围", "面积", "脉搏", "心率", "血糖", "体长", "身长",
            "胸围", "头围", "臀围", "肩高", "体宽", "甲长", "尾长", "翼展", "周长"}  # fmt: skip
COUNTED = {"数": "shu3", "量": "liang2", "转": "zhuan4"}
STAGED = {"比赛", "球赛", "演出", "电影", "音乐会", "晚会", "戏", "考试", "演唱会", "决赛", "半决赛", "对决", "发布会",
          "招聘会", "讲座", "报告会", "直播", "相声", "小品", "话剧", "歌剧", "京剧", "戏剧", "舞剧", "音乐剧", "评书", "魔术",
          "杂技", "演讲", "球"}  # fmt: skip
HAPPENED = {"雨", "大雨", "暴雨", "小雨", "降雨", "降雪", "雪", "大雪", "暴雪", "冰雹", "风", "大风", "风暴", "沙尘暴", "疫情",
            "寒潮", "病", "大病", "重病", "灾难", "灾", "灾害", "大火", "火", "洪水", "地震", "虚惊", "误会", "噩梦",
            "梦", "空", "浩劫", "大战", "战争", "官司", "争论", "争吵", "纠纷", "危机", "革命", "运动", "斗争", "变革", "风波",
            "车祸", "事故", "火灾", "意外", "劫难", "冲突", "瘟疫", "旱灾", "水灾", "雪灾", "干旱", "大旱", "洪灾"}  # fmt: skip
MATCHES = ("焦点战", "揭幕战", "收官战", "卫冕战", "德比战", "复仇战", "保级战", "排位战", "资格战", "热身战", "焦点之战")
STAGED_ENDS = ("赛", "会议", "活动", "演出", "晚会", "仪式", "典礼", "表演", "讲座", "音乐会", "发布会", "演唱会")
LENGTH = re.compile(r"^(约|达|近|逾|超过|为|仅|共)?[0-9.零〇一二三四五六七八九十百千万两点余多]+(米|公里|千米|厘米|毫米|里|海里|英里)")
PLAYED = {"饰演", "扮演", "出演", "演", "饰"}
PLACED = {"高", "低", "深", "远", "近", "暗", "明", "痛", "长", "短", "难", "好", "坏", "妙", "益", "用", "住", "去"}
DRIED = {"沥", "晒", "烘", "擦", "吹", "晾", "烤", "弄", "风", "阴", "控", "拧"}
POURED = ("杯", "碗", "壶", "水", "茶", "酒", "垃圾")
KNEADED = ("饺子", "包子", "馄饨", "馅")
COUNTLESS = ("不过来", "不清", "不完", "都数不", "也数不")  # 数不过来: to count
COUNTABLE = {"清", "过来", "完", "出", "出来"}  # 数得清, 数得过来, 数得出来: can be counted
SAME_YEAR = {"毕业", "成立", "建成", "投产", "开业", "入伍", "参军", "入学", "结婚", "上市", "竣工", "开工", "投用", "落成", "通车",
             "栽种", "种植", "栽植", "立项", "出生", "退休", "引进"}  # fmt: skip
LAND = {"低洼地"}  # land a word of manner's head describes (低洼地积水): dì
GINSENG = ("人参", "海参", "党参", "丹参", "西洋参", "山参", "红参", "参农", "参园")
DOUGH = {"面", "面粉", "面团", "白面", "玉米面", "荞麦面"}
KNEAD_DONE = {"好", "了", "匀", "成", "完", "上", "起来"}  # 把面和好: kneaded, then what it came to
FRUIT = {"果", "果子", "果实", "籽", "穗", "瓜", "果儿", "苹果", "桃子", "梨", "枣", "柿子", "橘子", "石榴", "核桃", "葡萄"}
BURDENS = {"担", "担子", "重担", "重任", "扁担"}
BELONGINGS = {"钥匙", "手机", "钱包", "雨伞", "伞", "书包", "背包", "包", "证件", "身份证", "东西", "行李", "作业", "眼镜"}
LEFT_IN = set("车家室店馆座舱厅柜房")  # where a belonging stays behind: 观光车上, 家里, 办公室, 座位上
KIN = {"母亲", "父亲", "老母亲", "老父亲", "妈妈", "爸爸", "奶奶", "爷爷", "外婆", "战友", "伤者"}  # after 的: 年迈的母亲
LOADS = {"孩子", "行李", "柴", "柴火", "枪", "水壶", "干粮", "喷雾器", "药品", "粮食", "伤员", "老人", "米面", "大米", "面粉", "物资"}
TAUGHT = {"学生", "孩子", "孩子们", "村民", "老人", "老年人", "大家", "群众", "年轻人", "战友", "徒弟", "学员", "农民", "书", "音乐",
          "英语", "语文", "数学", "美术", "体育", "历史", "物理", "化学", "书法", "舞蹈", "唱歌", "绘画", "外语"}  # fmt: skip
CAN = set("起了动完到上下出住清见过懂开去来着")  # what one can or cannot do: 上得起, 看得见, 用得上, 用得着
CUT_HAIR = {"理", "剪", "烫", "染", "洗", "吹"}
ROLLED = set("纸布线绳胶钢毛铺地席")
STUFFED = set("进满入给到住了着")
CUT = set("菜肉成开碎块片丝段条好下掉断去了出得")  # what the knife does or makes: 切菜, 切碎, 切下去
STAYED = {"在", "了", "着", "过", "一会儿", "一会", "几天", "下去", "下来"}  # 待在家里, 待了三天
SPANS = ("天", "小时", "分钟", "秒", "周", "星期", "个月", "日")
PLASTERED = ("水泥", "灰", "泥", "墙", "石灰", "腻子", "砂浆")
TIED = ("辫", "头发", "腰带", "马尾", "扫帚", "笤帚", "扫把")  # tied or bound: 扎辫子, 扎扫帚
SNAPPED = {"吹", "压", "撞", "摔", "掰", "碰", "踩", "砸"}
COAXED = {"孩子", "孩子们", "小孩", "女儿", "儿子", "老人", "宝宝", "妻子", "顾客", "老伴"}
TRAVELLED = ("回国", "回京", "前往", "出发", "返回", "抵达", "到达", "出访", "赴", "来到", "去往")
DRESS = {"整齐", "得体", "朴素", "时尚", "考究", "讲究", "简朴", "随意", "光鲜", "入时", "整洁"}
DEGREE_CHARS = set("最更较很太过极挺超颇")
DOCTOR_DOES = {"给", "说", "开", "看", "告诉", "叮嘱", "嘱咐", "建议", "们", "让", "问", "诊断", "检查", "提醒"}
LIVESTOCK = set("猪羊牛鸡鸭鹅马驴")
COOKING = {"下锅", "油锅", "油温", "金黄", "酥脆", "捞出", "油条", "薯条", "丸子", "炸至", "外酥里嫩"}
KNOTTED = {"鞋带", "领带", "安全带", "红领巾", "围巾", "围裙", "扣子", "纽扣", "绳子", "腰带", "皮带", "红绳", "丝带", "丝巾", "蝴蝶结"}
MIXED = {"料", "酱", "汁", "味", "色", "颜色", "馅料", "蘸料", "酱汁", "味道"}
SPILT = {"在", "落", "满", "一地", "到", "出", "上", "得", "出来", "进"}
RETURNED_AT = set("点处站桩柜机车书")  # 租还点, 借还处, 借还书: where or what is borrowed and returned
CHANGE_BEFORE = {"不用", "不必", "无需", "无须", "免去", "省去", "免得", "省得", "中途", "来回", "多次", "再", "需要", "还要", "还得", "要", "得"}
RIDING = ("直达", "换乘", "中转", "趟", "公交", "地铁", "火车", "高铁", "班车", "大巴", "乘客", "旅客", "线路", "通勤")  # 倒车: changing on the way
DRIVING = ("司机", "驾驶", "停车", "车位", "车库", "泊车", "停进", "倒车镜", "倒车雷达", "倒车影像")  # 倒车: reversing
GRADED = {"越来越", "愈来愈", "越发", "愈发", "更加", "非常", "特别", "十分", "比较", "相当", "有点", "有些"}  # degree words of more than one character
DEBTS = ("贷", "贷款", "债", "欠款", "借款", "钱")  # 还三千元房贷: what is repaid
BEFORE_AFTER = {"前", "后", "之前", "之后", "以前", "以后"}  # 下一轮前得抓紧 děi (下 in 雨下得正是时候 is a verb)
NOT_LEFT = {"不能", "不会", "别", "没", "没有", "不", "不要", "不让", "绝不能", "决不能"}  # 一个都不能落下: left out
MISSED = ("课", "功课", "作业", "病", "残疾", "后遗症", "伤", "进度", "东西", "钥匙", "手机")
BEARING = {"开始", "已经", "陆续", "相继", "就", "才", "便", "都", "也"}  # before 结果了, bearing fruit
RAISED = ("起", "明", "灯", "开", "破", "断", "顶", "亮", "旺", "拨", "逗", "衅", "唆", "动", "大梁")
MEASURES = {"打": "da2", "扎": "za1", "服": "fu4", "溜": "liu4", "更": "geng1"}
SHOULD_BEFORE = {"不", "也", "均", "亦", "理", "本", "仍", "更", "尤", "则"}  # 不应, 也应, 理应: should
FOND_OF = {"折腾", "面子"}  # 好折腾, 好面子: hào, fond of
CHEERS = ("点赞", "喝彩", "叫好", "鼓掌", "欢呼", "助威", "加油", "打气")  # 为…点赞: what is done for someone
MINDED = {"孩子", "小孩", "孙子", "孙女", "外孙", "外孙女", "娃", "娃娃", "孙辈"}  # who is minded at home: 看孙子 kān
TENDING = {"要", "帮", "帮忙", "帮着", "在家", "负责", "替", "得"}  # before 看 + a child: minding them
HIT = {"砸", "击", "射", "踢", "刺", "戳", "撞", "扎", "咬", "猜", "考", "押", "命"}  # 砸中, 猜中: hit, guessed right
SOME = ("不少", "很多", "好多", "许多", "好些", "一些", "太多", "这么多", "那么多")  # 流了不少血: xiě
HOW = {"如何", "怎么", "怎样", "怎么样"}  # 教居民如何…: jiāo
MOSTLY = {"多", "大多", "大都", "多数", "大多数", "绝大多数", "均", "皆", "主要"}  # 患儿多为发烧: wéi
COMPANIONS = ("人", "士", "员", "者", "友", "们", "属", "伴")  # 同行的护士, 同行的朋友: xíng
THROAT = ("喉", "嗓", "咽", "脖子", "食道", "气管")  # 卡喉, 卡了嗓子: stuck in the throat
BANKS = {"农商", "工", "农", "建", "交", "招"}  # 工行, 农商行: a bank that jieba glues to 为 after it (农商/行为)
DONE_SAME_DAY = {"有效", "到账", "办结", "达", "送达", "往返", "结清", "售罄", "揽收", "发货", "办理"}
COLLECTIONS = ("博物馆", "博物院", "图书馆", "档案馆", "美术馆", "纪念馆", "文物", "古籍", "藏品", "标本", "馆藏")
COLLECTED = ("版本馆", "艺术馆", "文学馆", "馆方", "竹简", "典籍", "文献", "书画", "善本", "档案", "手稿", "珍品", "收藏",
             "展出", "展品", "捐赠", "征集", "画作", "字画", "名画")  # fmt: skip
TIBET = ("西藏", "拉萨", "高原", "川藏", "青藏", "滇藏", "新藏", "自驾", "骑行", "徒步")
TO_TIBET = {"出", "进", "入", "援", "赴", "离", "返", "回", "驻"}
SITES = {"就业", "参保", "居住", "工作", "生产", "注册", "登记", "经营", "消费", "发生", "缴费", "投保", "务工", "打工",
         "入境", "出境", "出发", "到达", "销售", "发货", "收货", "求学", "就医", "就学", "常住", "迁入", "迁出", "始发"}  # fmt: skip
AT_PLACE = {"在", "到", "回", "从", "于", "向", "赴", "往", "回到", "返回", "的"}
TAXI_TO = {"去", "到", "回到", "回家", "回来", "回去", "前往", "赶往", "赶到", "赶去", "过去", "过来", "上班", "出行"}  # 打的去机场
CHIEFED = {"河", "湖", "林", "路", "田"}  # 河长, 湖长, 林长: the chiefs of the 河长制 and its kin
USED_AS = {"用", "烧", "使", "卖", "吃", "喝", "看", "看待", "使用", "使唤", "养", "穿", "戴", "住", "玩"}  # 当柴烧: used as
VESSELS = set("碗盘锅盆杯碟桶罐瓢勺缸盒坛壶")  # 盛到碗里: what food or water is put into
GLAD_TILL = ("合不拢嘴", "像", "直", "笑", "眉开眼笑", "手舞足蹈", "跳", "蹦", "拍手", "说不出", "睡不着", "满脸")  # 乐得合不拢嘴
CARRIED_TO = {"走", "跑", "爬", "蹚", "趟", "冲", "往", "向", "送", "赶", "翻", "涉", "下山", "上山", "回家", "过河", "撤离", "转移"}
ON_PURPOSE = {"专门", "特地", "特意", "专程", "义务", "免费", "无偿", "主动"}  # 专门为…: for someone, done on purpose
