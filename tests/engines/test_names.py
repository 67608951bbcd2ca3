"""Person names: a polyphonic surname read as a surname only where news frames a name."""

import pytest

from tts_edition.engines.mandarin import HAN, to_pinyin


def reading(sentence: str, char: str) -> str:
    """The front end's reading of the first ``char`` in ``sentence``."""
    return to_pinyin(sentence, sandhi=False)[HAN.findall(sentence).index(char)]


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        # an office before, an act after
        ("外交部发言人华春莹在例行记者会上表示，中方欢迎。", "华", "hua4"),
        ("故宫博物院原院长单霁翔出席了论坛。", "单", "shan4"),
        ("故宫博物院原院长单霁翔近日做客节目。", "单", "shan4"),  # a time word after the name
        ("中国气候变化事务特使解振华会见了各国代表。", "解", "xie4"),
        ("新华社记者查文晔摄", "查", "zha1"),
        # a verb of speech or a title after
        ("华为公司创始人任正非接受了媒体采访。", "任", "ren2"),
        ("仇和同志指出，要抓好落实。", "仇", "qiu2"),
        ("据华春莹介绍，双方达成共识。", "华", "hua4"),
        # a surname and how people are called, with or without a given name
        ("市民曾先生反映，路灯坏了。", "曾", "zeng1"),
        ("盖老师在讲台上站了四十年。", "盖", "ge3"),
        ("原县委书记任远航同志因病逝世。", "任", "ren2"),
        ("被告人任某被依法逮捕。", "任", "ren2"),
        ("在社区做了二十多年人民调解员的单大姐，被居民们称为“和事佬”。", "单", "shan4"),
        # an office, then a given name jieba reads as a rare word or does not know
        ("女足主教练曾立新在赛后新闻发布会上回答了记者提问。", "曾", "zeng1"),
        ("新华社记者单玉婷报道", "单", "shan4"),
        ("县委书记单正平主持会议。", "单", "shan4"),
        ("区长曾庆红出席会议。", "曾", "zeng1"),
        # 老 or 小 and a surname, as friends call someone
        ("小曾是一名外卖骑手。", "曾", "zeng1"),
        ("老单今年六十五岁了。", "单", "shan4"),
        ("家住城东的仇先生反映，路灯坏了。", "仇", "qiu2"),  # jieba keeps 仇先生 as one name
    ],
)
def test_a_framed_name_takes_the_surname_reading(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("总理曾多次强调要稳增长。", "曾", "ceng2"),  # an adverb, not a given name, after 曾
        ("总书记曾指出，发展是第一要务。", "曾", "ceng2"),  # nothing between 曾 and the verb
        ("部长曾公开表示支持。", "曾", "ceng2"),  # a common word after 曾, not a given name
        ("英国国王查尔斯三世出席了仪式。", "查", "cha2"),  # the sounds of a foreign name
        ("教练华丽转身成为解说员。", "华", "hua2"),  # jieba's name tag on an ordinary word
        ("局长盖章后文件生效。", "盖", "gai4"),
        ("华为发布新款手机。", "华", "hua2"),  # no frame
        ("院长任期五年。", "任", "ren4"),  # a word of its own
        ("她曾某天说过这件事。", "曾", "ceng2"),  # 某 before a measure is not a name
    ],
)
def test_a_surname_character_elsewhere_keeps_its_common_reading(sentence, char, expected):
    assert reading(sentence, char) == expected


def test_the_lexicon_outranks_the_rule():
    # a pinned entry is read as written, whatever frames it
    words = to_pinyin("发言人华春莹说", {"华春莹": ["hua2", "chun1", "ying2"]}, sandhi=False)
    assert words[3] == "hua2"


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("本报记者单文报道", "单", "shan4"),  # a byline, whatever jieba tags the given name
        ("记者查金华报道", "查", "zha1"),
        ("教练员单大勇介绍，队员们状态不错。", "单", "shan4"),
        ("家住城西的仇女士说，楼道灯坏了。", "仇", "qiu2"),  # jieba keeps 仇女士 as one name
        ("游泳名将覃海洋夺冠。", "覃", "qin2"),
        ("记者曾多次报道此事。", "曾", "ceng2"),  # not a byline: a word between 曾 and 报道
        ("记者曾专门报道此事。", "曾", "ceng2"),
        ("总理曾就此表示关切。", "曾", "ceng2"),
    ],
)
def test_bylines_and_names_jieba_keeps_whole(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("县农业农村局局长解建华介绍，全县高标准农田建设已完成年度任务。", "解", "xie4"),  # jieba: 解/建华 (nz)
        ("公司董事长曾庆华在年度股东大会上表示，明年将加大研发投入。", "曾", "zeng1"),  # 曾/庆 (vg)/华
        ("合作社理事长查卫东说，今年春茶收购价格稳中有升。", "查", "zha1"),
        ("网格员查丽萍介绍，社区已完成全部登记。", "查", "zha1"),  # jieba: 网格/员
        ("网格员曾上门走访。", "曾", "ceng2"),  # jieba tags 上门 ns: not a given name
        ("志愿者曾多次到敬老院服务。", "曾", "ceng2"),
        ("广西北海养殖户查建国说，今年对虾行情好得很。", "查", "zha1"),  # jieba: 建国 (ns)
        ("民警曾上门说，要注意防范诈骗。", "曾", "ceng2"),  # jieba tags 上门 ns too
        ("执法人员查北京来的货车。", "查", "cha2"),
        ("民营企业家仇立新说，这几年公司就算“勒紧裤腰带”。", "仇", "qiu2"),  # jieba: 民营企业/家仇/立新
        ("国恨家仇不能忘。", "仇", "chou2"),
        ("刚毕业的小任在杭州一家直播公司做运营。", "任", "ren2"),  # 的, then 小 and a surname
        ("大的小的任你挑。", "任", "ren4"),
        ("退休教师区伯告诉记者，加装电梯后他能下楼了。", "区", "ou1"),  # a surname and 伯, as people are called
        ("社区伯伯们都来帮忙了。", "区", "qu1"),
        ("区长任永刚表示，将完成全区雨污分流改造。", "任", "ren2"),  # jieba: 任/永/刚 (an adverb)/表示
        ("院长曾又表示，医院将扩建。", "曾", "ceng2"),
        ("网格员朴英兰挨家挨户发放宣传单。", "朴", "piao2"),  # an idiom after the name
        ("志愿者曾挨家挨户发放宣传单。", "曾", "ceng2"),
    ],
)
def test_trades_and_given_names_jieba_tags_otherwise(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("著名考古学家任晓岚在讲座中说，每件文物都有故事。", "任", "ren2"),  # …学家, an office
        ("经济学家任泽平表示，消费正在回暖。", "任", "ren2"),
        ("历史学家曾经说过这句话。", "曾", "ceng2"),  # 曾经, a word
        ("青年演员查一鸣凭借反派角色获得提名。", "查", "zha1"),  # jieba: 查/一/鸣
        ("主教练曾一凡赛后接受了采访。", "曾", "zeng1"),
        ("记者查一查就明白了。", "查", "cha2"),  # the verb said twice
        ("老师解一道题给大家看。", "解", "jie3"),  # a measure word after 一
        ("赛后，解立彬在新闻发布会上坦言，球队还需提高。", "解", "xie4"),  # jieba: 解立/彬
        ("会后，任晓岚在接受采访时说，展览将延期。", "任", "ren2"),  # jieba: 时说
        ("华为在发布会上表示，新机下月上市。", "华", "hua2"),  # a word jieba knows as a name
        ("解放军在演习中表示，将严守纪律。", "解", "jie3"),
    ],
)
def test_names_jieba_cuts_short_or_long(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("种植户单德华正忙着采摘西红柿。", "单", "shan4"),  # a set phrase (jieba: 正忙着/l) after the name
        ("乡村医生盖立新扎根基层三十年。", "盖", "ge3"),  # jieba tags 扎根 a place
        ("市民朴敏浩对记者说，他希望局势缓和。", "朴", "piao2"),  # who, then 对记者说
        ("村民曾多次反映路灯问题。", "曾", "ceng2"),
        ("市民曾表示不满。", "曾", "ceng2"),
        ("老兵曾祥林退役后回到家乡。", "曾", "zeng1"),  # 老兵, an office before a name
        ("老兵曾参加过抗美援朝。", "曾", "ceng2"),
        ("马来西亚华人区氏宗亲会日前举行恳亲大会。", "区", "ou1"),  # a clan by its surname
        ("来自世界各地的区姓族人齐聚吉隆坡。", "区", "ou1"),
        ("产后十天左右，仇氏逝世。", "仇", "qiu2"),
        ("盖氏虎尾草又名非洲虎尾草。", "盖", "gai4"),  # a species named after someone
        ("气温达到华氏一百度。", "华", "hua2"),  # Fahrenheit
    ],
)
def test_clans_and_names_after_people(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("乡村医生解红梅扎根大山二十年。", "解", "xie4"),  # jieba tags 扎根 a place
        ("领队任晓东说。", "任", "ren2"),
        ("青年研究员单一鸣介绍，团队攻克了难题。", "单", "shan4"),  # jieba: 单一/鸣
        ("课题组负责人查立平在回答记者提问时说。", "查", "zha1"),  # jieba: 查/立 (verbs)/平
        ("院长曾到京参加会议。", "曾", "ceng2"),  # an adverb: no verb in a given name after it
        ("负责人查处了三起案件。", "查", "cha2"),
        ("领队任务繁重。", "任", "ren4"),
        ("书记曾经说过。", "曾", "ceng2"),
        ("在广州西关，区伯经营的糖水铺已有三十年历史。", "区", "ou1"),  # how people are called
        ("种粮大户曾国强一边晾晒稻谷，一边算账。", "曾", "zeng1"),  # an adverb after the name
        ("部长曾多次强调要稳增长。", "曾", "ceng2"),
    ],
)
def test_names_that_jieba_cuts_or_tags_otherwise(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("返乡创业的小伙子单鹏承包了三百亩山地。", "单", "shan4"),  # 小伙子 frames a name
        ("小伙子单手举起了杠铃。", "单", "dan1"),
        ("小伙子曾在外地打工。", "曾", "ceng2"),
        ("养殖户单立民把羊群扩大到两百多只。", "单", "shan4"),  # jieba: 单立/民, then 把
        ("技术员单立平在田间指导。", "单", "shan4"),
        ("医生查房时发现病人发烧。", "查", "cha2"),  # 查房, then a time: not a name
        ("这是一个单一品种。", "单", "dan1"),
        ("这位老艺术家华发早生。", "华", "hua2"),  # grey hair (jieba: 华发/早/生)
    ],
)
def test_names_in_the_countryside(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("急诊科护士长单丽娟说，患儿多为发烧。", "单", "shan4"),  # 护士长, an office
        ("护士长曾多次提醒患者按时服药。", "曾", "ceng2"),
        ("老中医查永年坐诊五十余年。", "查", "zha1"),  # jieba tags 永年 a time word
        ("部长曾当年就提出过这一设想。", "曾", "ceng2"),  # a common time word is not a given name
        ("年过六旬的业余跑者区建国冲过终点后说，坚持长跑十几年了。", "区", "ou1"),  # a verb, then 后说
        ("民警查北京来的货车。", "查", "cha2"),  # a verb, and nothing said: a place
        ("队长区建国冲过终点时说，这是最好的一次。", "区", "ou1"),  # jieba: 时说
    ],
)
def test_names_of_health_and_sport(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("市住建局单立新处长表示，今年全市计划改造老旧小区。", "单", "shan4"),  # the office after the name
        ("他曾立新功，处长表示祝贺。", "曾", "ceng2"),
        ("退休前曾任副处长的老李说。", "曾", "ceng2"),
        ("局长区志强带队检查沿街商铺。", "区", "ou1"),  # jieba tags 带队 a noun
        ("区城管局局长区志强带队检查沿街商铺。", "区", "qu1"),  # the first 区: a district
        ("院长单德华领衔攻关。", "单", "shan4"),
        ("县长曾多次带队调研。", "曾", "ceng2"),
        ("这是区里带队检查的结果。", "区", "qu1"),
    ],
)
def test_names_of_city_officials(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("街坊们都叫她区姐。", "区", "ou1"),  # a pronoun never ends a given name
        ("快递员老查每天要跑一百多个点位。", "查", "zha1"),  # an office, then how friends call him
        ("技术员老查不出毛病。", "查", "cha2"),  # keeps checking
        ("退休教师华老先生说。", "华", "hua4"),
    ],
)
def test_how_neighbours_and_colleagues_call_someone(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("单晓峰是河北一所县中的数学老师。", "单", "shan4"),  # heading the sentence, jieba tags 晓 and 峰 as name characters
        ("单晓峰在学校工作了二十年。", "单", "shan4"),
        ("单是今年就新建了三所学校。", "单", "dan1"),  # only
        ("单靠政府投入远远不够。", "单", "dan1"),
        ("查布罗错是西藏的一个湖泊。", "查", "cha2"),  # the sounds of a Tibetan name (jieba: 布罗/nrt)
    ],
)
def test_a_name_heading_a_sentence(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("护林员老查每天都要沿着防火道巡查一遍。", "查", "zha1"),  # 老 and a surname after an office
        ("种粮大户老曾今年六十五岁了。", "曾", "zeng1"),
        ("班长老查我们的作业。", "查", "cha2"),  # 老 is "always" here
        ("医生老查不出病因。", "查", "cha2"),
        ("解家村位于两条河流的交汇处。", "解", "xie4"),  # a village named after a family
        ("查家庄的村民连夜转移。", "查", "zha1"),
        ("他在自家种家庄稼。", "种", "zhong4"),
        ("那家村办企业已经停产。", "那", "na4"),
        ("区德华是当地有名的养蜂能手。", "区", "ou1"),  # a name heading the sentence, then 是
        ("区里是这样安排的。", "区", "qu1"),
        ("任正非是华为创始人。", "任", "ren2"),  # jieba keeps the name whole
        ("解释是这样的。", "解", "jie3"),
        ("镇党委书记仇建国带领党员突击队跳入水中。", "仇", "qiu2"),  # jieba tags 建国 a place
        ("记者查北京发布的数据。", "查", "cha2"),
    ],
)
def test_names_from_blind_labels_w(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("今年九十三岁的单秀兰老人是第一位社区调解员。", "单", "shan4"),  # 的, a name and a title
        ("二十年的曾庆和同志因病逝世。", "曾", "zeng1"),  # jieba tags 和 a conjunction
        ("他曾和同志们一起战斗。", "曾", "ceng2"),
        ("离家六十多年后，九十岁的查老先生终于回到了老家。", "查", "zha1"),
        ("住在六楼的柏大爷乐得合不拢嘴。", "柏", "bai3"),  # 柏 as a surname
        ("柏拉图认为理念先于事物。", "柏", "bo2"),
        ("德国柏林的冬天很冷。", "柏", "bo2"),
    ],
)
def test_names_from_blind_labels_u(sentence, char, expected):
    assert reading(sentence, char) == expected


@pytest.mark.parametrize(
    "sentence, char, expected",
    [
        ("著名作家单明远的长篇新作日前出版发行。", "单", "shan4"),  # 的 after the name
        ("说书艺人区春林正在给游客表演山东快书。", "区", "ou1"),  # a performer's trade before the name
        ("作家单独的创作空间很重要。", "单", "dan1"),
        ("手艺人曾多次表示要把手艺传下去。", "曾", "ceng2"),
        ("民间艺人曾在庙会上表演。", "曾", "ceng2"),
        ("老艺人区分真假很有一套。", "区", "qu1"),
        ("舞蹈家曾晓梅的新作在京首演。", "曾", "zeng1"),  # trades of the arts before a name
        ("收藏家单国强的藏品亮相博物馆。", "单", "shan4"),
        ("编剧解晓东表示，剧本改了十几稿。", "解", "xie4"),
        ("指挥家曾多次来华演出。", "曾", "ceng2"),
        ("评论家解读了这部作品。", "解", "jie3"),
    ],
)
def test_names_after_artists_and_before_de(sentence, char, expected):
    assert reading(sentence, char) == expected
