"""The names of private people that a 公示's title gives: 关于陈水生家庭申请最低生活保障的公示.

A 公示 about one household often names it in its title and tells its case in prose, with no table to take the names
from (columns.people_of). Its page comes down when the 公示 ends, but its title stays on the home page, the item's
page, the portal and print for good (DOMAIN.md §12): the gate masks a name the title gives as a list's name is masked.

A name is read where a 公示's title puts one: a surname and one or two characters (a compound surname and one or two),
right after the start, 关于, 对, 为, 给予, 同意, 将, 批准, 取消, 停发, 恢复, the place (村, 镇, 社区, 村民) or the year, or
a 、 between names, and right before 家庭, 户, 同志, 等 (陈水生等3户), the 、 of a list of names, 申请, 享受, 纳入, 办理,
低保, 特困, 临时救助 or 实施 (关于为陈水生申请临时救助的公示, 关于湖头镇经兜村陈水生申请最低生活保障的公示). The surnames are the commonest ones
(about 96 % of people); words that read so and name no one (文明家庭, 万元户, a place ending in 村) are left as they are.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.compiled import lazy

# The commonest surnames (in order of frequency), then the compound ones still met in Fujian.
_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
             "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
             "莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪"
             "梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简"
             "车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄"
             "丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝"
             "区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿"
             "薄邸雍辜羊洪")
_COMPOUND = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "司徒", "夏侯", "长孙")
# (hostile pass 21) the name of a person of an ethnic minority, its parts joined by a middle dot (阿依古丽·买买提,
# 买买提·艾力; typed with any dot an IME gives: · • ・ ‧ ．), whatever its first character; and a two-character name
# padded to a three-character one's width, as a list aligns it (陈　明, 陈 明: a list's name, read without the space)
# (not starting with a word a title puts before a name: 关于为买买提·艾力申请… is 买买提·艾力)
_DOTTED = r"(?:(?![为对将和与及])[\u4e00-\u9fff]){2,5}?[·•・‧．][\u4e00-\u9fff]{2,6}(?![·•・‧．])"
_DOTTED_SHORTEST = _DOTTED.replace("{2,6}", "{2,6}?")  # (in a title, up to what follows a name: 家庭, 申请 …)
_PADDED = r"[{}][ \u3000]{{1,2}}[\u4e00-\u9fff](?![\u4e00-\u9fff])"
_SPACES = re.compile("[ \u3000]")
_NAME = rf"(?!关于)(?:(?:{'|'.join(_COMPOUND)}|[{_SURNAMES}])[\u4e00-\u9fff]{{1,2}}?|{_DOTTED_SHORTEST})"
# a name, where a title puts one, and what follows it (the lookahead keeps 、 for the next name)
# (关于为陈水生申请临时救助的公示, 关于陈水生申请最低生活保障的公示, 关于同意林阿妹享受特困人员救助供养的公示)
# (twelfth pass) also after the place the person lives in (关于湖头镇经兜村陈水生申请…, 经兜村村民陈水生家庭…), the year
# (2026年陈水生等5户…) or what is done to the household (将, 批准, 取消, 停发, 恢复 …), and before 低保, 特困,
# 临时救助 or 实施 (陈水生低保申请公示, 关于停发陈水生低保金的公示, 关于对陈水生实施临时救助的公示)
# (thirty-eighth session) also after 给, 确定, 撤销, 注销, 增发, 补发, 减发, 停保, 暂停, 核减, 追回, 发放, and before
# 发放, 资格, 待遇, 基本生活, 医疗救助, 供养, 救济, 申领 or 为 and a kind of aid (关于撤销郑美玲低保资格的通知, 关于给李春花发放
# 临时救助金的通知, 关于拟确定刘桂兰为低保对象的通知: a 通知 about one household, as 取消 and 低保 said before)
_BEFORE = ("关于", "对", "、", "为", "给予", "同意", "将", "批准", "取消", "停发", "停止", "终止", "恢复", "村", "镇", "乡",
           "社区", "村民", "居民", "年", "/", "／", "和", "与", "及", "给", "确定", "撤销", "注销", "增发", "补发", "减发",
           "停保", "暂停", "核减", "追回", "发放")
_AID_KINDS = "特困|低保|孤儿|残疾|困境|事实无人抚养|临时救助|救助|供养"
_TITLED = lazy(rf"(?:^|{'|'.join(f'(?<={word})' for word in _BEFORE)})({_NAME})"
               r"(?=家庭|户|同志|等|、|/|／|申请|享受|纳入|办理|低保|特困|临时救助|实施|获得|领取"
               rf"|发放|资格|待遇|基本生活|医疗救助|供养|救济|申领|为(?:{_AID_KINDS}))")
# what reads as a name there and names no one: kinds of households and honours, and places or bodies
_NOT_NAMES = frozenset({"文明", "和谐", "平安", "幸福", "书香", "万元", "光荣", "美丽", "和睦", "文化", "安居", "平凡",
                        "金牌", "明星", "模范", "温馨", "孝老", "黄金", "高龄", "江南", "农户", "单亲", "计生", "边缘",
                        "支出型", "常住", "邻里", "和美", "相关", "全体", "云端",
                        # a scope or a place before 低保, 特困 (2026年全年低保…, 关于将农村低保…)
                        "全年", "全县", "全市", "全镇", "全乡", "全村", "全省", "全区", "农村", "农业", "城乡",
                        "城镇", "城市", "部分", "符合", "上述", "以上", "以下", "申请", "申报",
                        # what comes before 申请 or 办理 and names no one (关于高龄申请…, 关于安置申请…)
                        "安置", "应急", "于是", "万人", "全部", "全员", "全面", "成员", "时间", "申请人",
                        # a table's header words that start with a surname, on the line after 「如下：」
                        "项目", "金额", "单位", "程序", "费用", "范围",
                        # (fortieth session) who a sentence of what was decided is about, when it names no one
                        # (经核实，全家不符合…, 华侨家庭不属于…)
                        "全家", "余下", "华侨", "侨眷", "党员", "军属", "原低保", "原特困", "单人",
                        # words of a policy's title (关于明确低保对象认定条件的通知, 关于严格低保审核的通知)
                        "明确", "严格", "曾经", "陆续"})
_PLACE_ENDS = tuple("村镇乡县区市省街组局站院所会队厂司校园场社")


# A name as a list of people writes it in a cell: a surname and one or two characters (陈水生, 欧阳建华), a note in
# brackets after it (陈水生（户主）); no place (陈坑村) or body.
_CELL_NAME = lazy(rf"(?:(?:{'|'.join(_COMPOUND)}|[{_SURNAMES}])[\u4e00-\u9fff]{{1,2}}|{_DOTTED}"
                  rf"|{_PADDED.format(_SURNAMES)})(?:[（(][^（）()]{{0,8}}[）)])?")


def looks_like_name(cell: str) -> bool:
    """True when *cell* is written as a person's name is (not whether it is one: 高明 may be a word)."""
    text = cell.strip()
    return _CELL_NAME.fullmatch(text) is not None and not text.split("（")[0].split("(")[0].endswith(_PLACE_ENDS)


# A list of people written as a sentence (经审核，以下人员获得临时救助：陈水生、林阿妹、王建国。): names one after another,
# the same mark between each two — 、 or (fourteenth pass) a comma, a semicolon or spaces (陈水生，林阿妹，王建国;
# 陈水生　林阿妹) — in a sentence about aid, and
# - three or more after a colon, a clause mark or at the start of a line, ending the sentence or before 等;
# - (fourteenth pass) one or two after a colon, when what comes before it in the sentence says a list of people follows
#   (以下人员, 下列家庭, 名单, 救助对象 …: 经审核，以下人员获得临时救助：陈水生。); (twentieth session) so too at the start
#   of the line after that colon, with blank lines between or not (以下人员获得临时救助：⏎⏎陈水生、林阿妹), and the
#   sentence about aid then runs back over those lines;
# - (fourteenth pass) two or more before what is done for them, at the start of a sentence or clause
#   (陈水生、林阿妹、王建国获得临时救助; 经审核，陈水生、林阿妹等2户纳入低保);
# - (fourteenth pass) two or more lines each holding one name, perhaps numbered or bulleted (1. 陈水生⏎2. 林阿妹), in a
#   text about aid.
# (twentieth session) also what goes with a name in a list: the village or town before it (经兜村陈水生), 户 or 家庭 after
# it, then a note in brackets (陈水生（男，65岁）, 陈水生(户主)) or a sum (陈水生1500元); after a verb that gives aid
# (同意陈水生、林阿妹纳入低保, 拟给予陈水生、林阿妹临时救助); before a count (陈水生、林阿妹、王建国三户纳入…).
_LISTED_NAME = rf"(?:{_DOTTED}|(?:{'|'.join(_COMPOUND)}|[{_SURNAMES}])[\u4e00-\u9fff]{{1,2}}|{_PADDED.format(_SURNAMES)})"
_PLACE_BEFORE = r"(?:[\u4e00-\u9fff]{1,6}?(?:村|社区|镇|乡|街道|组))"
_NOTE = r"(?:户|家庭)?(?:[（(][^（）()\n]{0,16}[）)]|\d+(?:\.\d+)?元)?"
_NOTED = rf"{_PLACE_BEFORE}?{_LISTED_NAME}{_NOTE}"
_ITEM = lazy(rf"{_PLACE_BEFORE}?(?P<name>{_LISTED_NAME}){_NOTE}")
# (hostile pass 21) also slashes and bars, and spaces around a mark (陈水生/林阿妹/王建国, 陈明, 林华, 王强.)
_APART = r"(?:[ \t\u3000]*(?:、|，|,|；|;|/|／|\||｜)[ \t\u3000]*|[ \t\u3000]+)"
_NAMES = rf"{_NOTED}(?:(?P<apart>{_APART}){_NOTED}(?:(?P=apart){_NOTED})*)?"
# (hostile pass 34) also after 向 and before the relief given: 同意向陈水生、林阿妹、王建国3户发放临时救助金, 对…3户给予临时救助
_GIVING = ("同意", "给予", "拟将", "将", "对", "向", "确认", "批准", "认定", "为")
# One pattern for the first two forms: the names after a colon, line break or clause mark or a verb giving aid (each
# starting with a character of one set, which the regular expression engine skips to: a look-behind for the verbs
# instead made the pattern seven times slower), ending the sentence, before 等, or (the second form) before what is
# done for them.
_FIRST = "".join(sorted(set(_SURNAMES) | {c[0] for c in _COMPOUND}))  # (one class turns most places away at once)
_ENUMERATION = lazy(rf"(?:(?P<mark>[：:\n，,。；;])[ \t\u3000]*|(?:{'|'.join(_GIVING)}))"
                    rf"(?=[{_FIRST}]|{_PLACE_BEFORE}|{_DOTTED})(?P<names>{_NAMES})"
                    r"(?:等?[\d一二三四五六七八九十两]*[户人名家]?"
                    r"(?P<done>获得|享受|纳入|领取|符合|申请|经审核|家庭|办理|临时救助|低保|特困|为|发放|给予|予以|发给|拨付)"
                    r"|(?=等|[。；;，,）).．\s]|$))")
# (fortieth session) one person or more of whom a list's decision is told, in a 更正公示, 通报 or 解读 of a text about aid
# (经核实，陈水生不符合条件，予以删除; 陈水生户已死亡; 原名单中陈水生应为陈水升; 取消陈水生低保资格; 将陈水生从名单中删除):
# one name is enough, as a 公示 of one household is a list (DOMAIN.md §12); not in a sentence about officials or staff
_STRUCK = ("取消", "删除", "剔除", "撤销", "终止", "停发", "停止", "核减", "增加", "增补", "补充", "补录", "更正")
_RULED = ("不符合", "不再符合", "不具备", "不属于", "已不符合", "予以删除", "予以取消", "予以剔除", "予以退出", "予以停发",
          "予以停保", "予以核减", "予以撤销", "自愿退出", "主动退出", "退出低保", "已死亡", "已去世", "已故", "已迁出",
          "系误列", "为误列", "误列", "从名单中", "从公示名单中")
# told after what says a person follows (经核实，…; 原名单中…; 将…), or after a clause mark with 户 or 家庭 (，陈水生户已死亡);
# struck (取消陈水生低保资格), only before what is struck
_CHECKED = ("经核实", "经核查", "经审核", "经复核", "经调查", "经入户调查", "原名单中", "名单中", "其中", "将")
_DECIDED = lazy(rf"(?:(?:{'|'.join(_CHECKED)})[，,]?[ \t\u3000]*[「“]?{_PLACE_BEFORE}?(?P<name>{_LISTED_NAME}){_NOTE}"
                rf"|(?<=[：:\n，,。；;、])[ \t\u3000]*{_PLACE_BEFORE}?(?P<household>{_LISTED_NAME})(?:户|家庭))"
                rf"[」”]?[ \t\u3000]*(?:(?:应为|更正为|改为)[ \t\u3000]*[「“]?(?P<to>{_LISTED_NAME})|{'|'.join(_RULED)})"
                rf"|(?:{'|'.join(_STRUCK)})[ \t\u3000]*{_PLACE_BEFORE}?(?P<struck>{_LISTED_NAME})(?:户|家庭)?的?"
                r"(?=低保|特困|救助|供养|资格|待遇|从)")
# (fortieth session) the title of a 公示 about one household, quoted in a 通报 or 解读 (见《关于陈水生家庭申请最低生活保障的
# 公示》) or as a link's words ([关于陈水生家庭申请…的公示](R2026-001.html)): the list's own page masks it, the quote did not
_QUOTED_TITLE = lazy(r"《(?P<title>[^《》\n]{4,80})》|\[(?P<linked>[^\[\]\n]{4,80})\]\(")
_BULLET = r"(?:[-*•·]|\d{1,3}[.、．)）]|[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．])"
_NAME_LINE = lazy(rf"{_BULLET}?[ \t\u3000]*(?P<name>{_LISTED_NAME})(?:（[^（）、，,]{{0,6}}）)?")
# (twentieth session) a numbered entry that starts with a name and goes on (1.陈水生，男，经兜村，救助1500元；)
_ENTRY_LINE = lazy(rf"{_BULLET}[ \t\u3000]*{_PLACE_BEFORE}?(?P<name>{_LISTED_NAME})(?:户|家庭)?"
                   r"(?=[，,、：:；;（( \t\u3000])")
# (twentieth session) one person described, in any text: a name, then the sex (and perhaps the age) as a record
# of a person writes it, then a mark or the age (陈水生，男，65岁，经兜村村民…; 陈水生（女，70岁）; 陈水生，男65岁);
# not in a sentence about an official (陈明，男，1975年出生，现任社会救助股股长)
_DESCRIBED = lazy(rf"(?P<name>{_LISTED_NAME})[ \t\u3000]*[，,、（(][ \t\u3000]*(?:性别[：:]?)?[男女]性?"
                  r"[ \t\u3000]*[，,、；;。）)\d]")
_OFFICIAL = re.compile(r"现任|拟任|曾任|参加工作|入党|学历|职称|党员|干部")
_INTRO = re.compile(r"以下|如下|下列|名单|人员|对象|申请人|受助人|救助户|家庭|户主")
_AID = re.compile(r"救助|低保|最低生活保障|特困|补助|补贴|资助|慰问|救济|供养|困难|帮扶|抚恤|优待|残疾|助学")
# officials and staff named in a run of lines (_name_lines); in a sentence, also what a line about staff says
_POSTS = "同志|局长|主任|书记|职务|任命|任职|免去|委员|组长|负责人|工作人员"
_ROLES = "联系人|经办人|审核人|审批人|填表人"  # on a form or at a 公示's end: someone else's than the list's
_STAFF_WORDS = f"{_POSTS}|{_ROLES}"
_STAFF = re.compile(_STAFF_WORDS)
_OFFICE = re.compile(f"{_STAFF_WORDS}|成员单位|咨询|电话")
# (twenty-second session) in a sentence of a list, only the clause that leads into the names (工作人员：…, 咨询电话：…)
# and the clause they stand in (…同志任…, …为联系人) say who they are: the 监督电话, 咨询 or 联系人 a 公示's sentence ends
# with (陈水生、林阿妹、黄明德获得临时救助，监督电话：…) are someone else's; a person described reads the same words in the
# clause before the name only, the sentence's other staff words as before
_DESCRIBED_STAFF = re.compile(f"{_POSTS}|成员单位")
_CLAUSE_MARKS = re.compile("[，,；;]")
_CLAUSE_END = re.compile("[，,；;。\n]")
# every way a line may end (a text file from Windows, a PDF's or a Word document's line separator): one line break
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_SOLE = 3  # names that make a list by themselves; fewer need a sentence that says a list follows


def enumerated_names(text: str) -> frozenset[str]:
    """The names of a list of people written in prose in *text* (see _ENUMERATION and what follows it), and of a person
    described with the sex (_DESCRIBED), of one told what a list decided of him (_DECIDED: 经核实，陈水生不符合条件), and
    those the title of a 公示 quoted in it gives (_QUOTED_TITLE: 《关于陈水生家庭申请最低生活保障的公示》);
    none in a sentence about officials or staff (任命陈志强、林建华、黄明德同志…,
    联系人：陈明)."""
    aid, described = _AID.search(text) is not None, "男" in text or "女" in text
    if not (aid or described):  # most texts about something else: a search decides
        return frozenset()
    found: set[str] = set()
    text = "\n" + _LINE_BREAKS.sub("\n", text)  # a list may start the text
    for match in _ENUMERATION.finditer(text) if aid else ():
        names = _names(match.group("names"))
        # three names or more; two before what is done for them; after a colon, or starting a line, fewer when what
        # comes before says a list follows (名单：陈水生。, 以下人员获得临时救助：⏎⏎陈水生、林阿妹)
        mark = match.group("mark")
        if len(names) >= _SOLE or (match.group("done") is not None and len(names) >= 2) or (
                mark is not None and mark in "：:\n"
                and _INTRO.search(_sentence_before(text, match.start())) is not None):
            found.update(_kept(text, match, names))
    for match in _DECIDED.finditer(text) if aid and _may_decide(text) else ():
        names = [_SPACES.sub("", name) for name in match.group("name", "household", "to", "struck") if name]
        names = [name[:-1] if name.endswith("户") else name for name in names]  # (全户, 常住户: a kind of household)
        if not (any(_no_one(n) or len(n) < 2 or "户" in n for n in names)
                or _OFFICE.search(_clause_of(text, match))):
            found.update(names)
    for match in _QUOTED_TITLE.finditer(text) if aid else ():
        found.update(household_names(match.group("title") or match.group("linked")))
    for names in _name_lines(text) if aid else ():
        if not any(_no_one(n) for n in names):
            found.update(names)
    for match in _DESCRIBED.finditer(text) if described else ():
        sentence = _sentence_of(text, match)
        lead = _lead(text, match.start(), match.start("name"))
        if not (_no_one(match.group("name")) or _DESCRIBED_STAFF.search(sentence) or _OFFICIAL.search(sentence)
                or _OFFICE.search(lead)):
            found.add(match.group("name"))
    return frozenset(found)


# what a sentence of _DECIDED cannot do without: a plain search of these skips the pattern on most texts about aid (the
# pattern tries every clause mark of a text, a tenth of a cold validate when run on every record)
_DECIDING = (*_RULED, "应为", "更正为", "改为", *_STRUCK)


def _may_decide(text: str) -> bool:
    """Whether *text* holds a word a sentence of _DECIDED needs (a ruling, a correction or a striking out)."""
    return any(word in text for word in _DECIDING)


def _no_one(name: str) -> bool:
    """True for what reads as a name and names no one: a word (高龄, 方案), a place (陈坑村), a name already hidden (陈某某)."""
    return (name in _NOT_NAMES or name[:2] in _WORDS or name.endswith(_PLACE_ENDS) or "某" in name
            or name.endswith("族"))  # a people (苗族家庭), not a person


def _name_lines(text: str) -> Iterator[list[str]]:
    """The names of each run of two lines or more, blank lines between them or not, that each hold one name or start
    a numbered entry with one; none from a run about officials or staff."""
    run: list[str] = []
    staff = False
    for line in [*text.split("\n"), "\x00"]:
        shown = line.strip(" \t\u3000")
        if not shown:
            continue
        match = _NAME_LINE.fullmatch(shown) or _ENTRY_LINE.match(shown)
        if match is not None:
            run.append(match.group("name"))
            staff = staff or _STAFF.search(shown) is not None
            continue
        if len(run) >= 2 and not staff:
            yield run
        run, staff = [], False


def _names(listed: str) -> list[str]:
    return [_SPACES.sub("", match.group("name")) for match in _ITEM.finditer(listed)]


_BLANK = " \t\u3000\n"


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence of a list starting at *at* (its mark) starts: after the last 。 or line break before *at*;
    for a list that starts a line after a line ending with a colon, however many blank lines between, the sentence
    of that colon (以下人员获得临时救助：⏎⏎陈水生、林阿妹、王建国)."""
    if text.startswith("\n", at) and (colon := _colon_before(text, at)) >= 0:
        at = colon
    return max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1


def _lead(text: str, at: int, start: int) -> str:
    """The clause that leads into names starting at *start* (their sentence's mark at *at*): from the last 「，」 or
    「；」 before them, or their sentence's start, to the names."""
    return _CLAUSE_MARKS.split(text[_sentence_start(text, at):start])[-1]


def _colon_before(text: str, at: int) -> int:
    """Where the colon is that what comes before *at* ends with, blank lines and spaces after it or not; -1 when it
    ends otherwise (walked back from *at*: no copy of a long attachment's text for each list in it)."""
    end = at
    while end > 0 and text[end - 1] in _BLANK:
        end -= 1
    return end - 1 if end > 0 and text[end - 1] in "：:" else -1


def _sentence_before(text: str, at: int) -> str:
    """The part of the sentence of a list starting at *at* that comes before the list (see _sentence_start); none
    for a list that starts a line after a line ending otherwise: a PDF's lines break anywhere (…特困人员⏎项目　调整前)."""
    if text.startswith("\n", at) and _colon_before(text, at) < 0:
        return ""
    return text[_sentence_start(text, at):at]


def _sentence_of(text: str, match: re.Match[str]) -> str:
    """The sentence *match* stands in (see _sentence_start), to its 。 or the end of *text*."""
    end = text.find("。", match.end())
    return text[_sentence_start(text, match.start()):end if end >= 0 else len(text)]


def _clause_of(text: str, match: re.Match[str]) -> str:
    """The clause *match* stands in: from the last 「，」 or 「；」 of its sentence before it to the next clause mark."""
    clause = _CLAUSE_END.search(text, match.end())
    return _lead(text, match.start(), match.start()) + text[match.start():clause.start() if clause else len(text)]


def _kept(text: str, match: re.Match[str], names: list[str]) -> list[str]:
    """*names*, unless the sentence of *match* is about no aid or names officials, or one of them is a word or a
    place."""
    sentence = _sentence_of(text, match)
    start, end = match.start("names"), match.end("names")
    clause = _CLAUSE_END.search(text, end)
    around = _lead(text, match.start(), start) + text[start:clause.start() if clause else len(text)]
    if _AID.search(sentence) is None or _OFFICE.search(around) is not None:
        return []
    if any(_no_one(n) for n in names):
        return []
    return names


def titled_names(title: str) -> frozenset[str]:
    """The names of people that *title* gives where a 公示's title puts them (see the module's note)."""
    if not title:
        return frozenset()
    return frozenset(name for name in _TITLED.findall(title)
                     if name not in _NOT_NAMES and not name.endswith(_PLACE_ENDS))


def listed_in_title(title: str) -> frozenset[str]:
    """The names of the people a title says aid is given to (关于陈水生家庭申请临时救助的通知, 关于陈水生、林阿妹获得临时
    救助的通知): such a record is about them, a list of people whatever its kind (scan.RecordScan.people), and its title
    shows the names masked. None in a title about officials (关于给予王建国同志…)."""
    # (twentieth session) also a person the title describes with the sex (陈水生（男，65岁）低保公示), a name before a
    # sum (关于陈水生1500元临时救助的公示) or a name closing the title (临时救助公示：陈水生, 低保公示（陈水生）)
    read = {*titled_names(title), *(m.group("name") for m in _DESCRIBED.finditer(title)),
            *(m.group(1) or m.group(2) for m in _TITLE_NAMES.finditer(title))}
    names = frozenset(name for name in read if not _no_one(name))
    if not names or _AID.search(title) is None or _OFFICE.search(title) is not None:
        return frozenset()
    return names


def household_names(title: str) -> frozenset[str]:
    """The names a title quoted elsewhere, or an attachment's 名称 or file name, gives of a household (listed_in_title)
    followed by 家庭, 户, 等 or 申请 (关于湖二村陈水生家庭申请…的公示, 陈水生等3户低保名单): read where the title is
    not a record's own, only so — a policy's title quoted by its 解读 is never a list (关于严格低保审核的通知)."""
    if not any(word in title for word in _HOUSEHOLD):  # (most titles quoted: a law's, a policy's)
        return frozenset()
    return frozenset(name for name in listed_in_title(title) if re.search(re.escape(name) + "(?:家庭|户|等|申请)", title))


_HOUSEHOLD = ("家庭", "户", "等", "申请")


_TITLE_NAMES = lazy(rf"(?:^|(?<=关于)|(?<=[予对为将]))({_LISTED_NAME})(?=\d+(?:\.\d+)?元)"
                    rf"|[：:（(][ \u3000]*({_LISTED_NAME})[）)]?[ \u3000]*$")


# (fifteenth pass) In the title of a record that lists people, a name is also read after any mark a title puts before
# one — the start, 关于, 对, 为, 确认, a place (镇, 村, 社区), the year, 、, 和, 及, 的, 户 … — whatever follows it
# (陈水生的…, 陈水生一家…, 陈水生夫妇…, 陈水生残疾人两项补贴…, 确认陈水生为特困人员…): what follows a name in a title is
# open-ended, what comes before it is not. Its length then is not known: a surname and the next two characters are
# masked (陈水生医疗救助 → 陈*生医疗救助; a two-character name, 陈明医疗救助 → 陈*医疗救助, loses its given name as well).
# Only for a record that lists people (the gate's names to mask): over-masking a word in such a title costs a
# character; a name left shows a person after the 公示 ends.
# (thirty-eighth session) also after the kind of person it is (户主, 老人: 关于高龄老人陈金水…; not 孤儿: 孤儿和事实无人
# 抚养儿童… is a kind of aid)
_AFTER = (*_BEFORE, "确认", "认定", "核定", "审批", "审核", "向", "户", "的", "和", "与", "及", "暨", "：", ":", "「", "“",
          "（", "(", " ", "\u3000", "户主", "老人")
_ANY_NAME = rf"(?:^|{'|'.join(f'(?<={re.escape(word)})' for word in _AFTER)})" \
            rf"((?!关于)(?:{'|'.join(_COMPOUND)}|[{_SURNAMES}])[\u4e00-\u9fff]{{1,2}})"
_ANY_NAME_AT = lazy(rf"(?={_ANY_NAME})")  # (every reading, overlapping: 向林阿 and 林阿妹 both)
# (thirty-eighth session) and, whatever comes before it, right before what a 公示 says is done for the person or given
# to them (关于撤销郑美玲低保资格的公示, 关于拟确定刘桂兰为低保对象的公示, 关于给李春花发放临时救助金的公示): the word
# before a name is open-ended too, so a name is read from either side. Read exactly, it masks the name itself.
# (not 补贴, 津贴, 救助 alone: a kind of aid comes before them, 临时价格补贴, 慈善救助)
_AID_AFTER = ("低保", "最低生活", "特困", "临时救助", "医疗救助", "基本生活", "救济", "供养", "资格", "待遇", "发放",
              "申请", "申领", "享受", "纳入", "领取", "获得", "家庭", "等")
_NAME_BEFORE_AID = lazy(rf"(?=((?!关于)(?:{'|'.join(_COMPOUND)}|[{_SURNAMES}])[\u4e00-\u9fff]{{1,2}}?)"
                        rf"(?:{'|'.join(_AID_AFTER)}|为(?:{_AID_KINDS})))")
# words a surname starts that such a title puts after one of those marks, besides _NOT_NAMES (关于单位职工…, 的方案,
# 2026年计划生育…)
_WORDS = frozenset({"单位", "单独", "周岁", "季度", "安全", "方案", "明细", "易地", "林业", "程序", "范围", "计划", "金额"})


def listed_title_names(title: str) -> frozenset[str]:
    """The names to mask in the title of a record that lists people: those titled_names() reads, and every surname
    and the (up to) two characters after it where a title may put a name (see _ANY_NAME). A reading that starts with
    one of those marks, itself a surname's character (向林阿妹…: 向 is a surname and a mark), gives way to the name
    after the mark."""
    if not title:
        return frozenset()
    found = {name for name in titled_names(title) if name[:2] not in _WORDS}
    readings = [(match.start(1), match.group(1)) for match in _ANY_NAME_AT.finditer(title)]
    starts = {start for start, _ in readings}
    # a name read before what is done for it, unless it starts within a mark (关于) or a reading already made (关于陈明医疗
    # 救助: 明医疗; 欧阳建华临时救助: 阳建华, 华临时), where the reading made masks it
    within = {at for word in _AFTER if len(word) > 1 for found_at in _occurrences(title, word)
              for at in range(found_at + 1, found_at + len(word))}
    for match in _NAME_BEFORE_AID.finditer(title):
        start = match.start(1)
        if start not in starts and start not in within:
            readings.append((start, match.group(1)))
        within.update(range(start + 1, start + len(match.group(1))))
    within_readings = {at for start, candidate in readings for at in range(start + 1, start + len(candidate))}
    readings = [(start, candidate) for start, candidate in readings if start not in within_readings or start in starts]
    for start, candidate in readings:
        if any(candidate.startswith(name) for name in found) or any(
                start + len(word) in starts for word in _AFTER if candidate.startswith(word)):
            continue  # read exactly already, or a mark before a name
        if candidate in _NOT_NAMES or candidate[:2] in _NOT_NAMES or candidate[:2] in _WORDS \
                or candidate.endswith(_PLACE_ENDS) or candidate[:2].endswith(_PLACE_ENDS):
            continue
        found.add(candidate)
    return frozenset(found)


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where *word* starts in *text*, each time."""
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)
