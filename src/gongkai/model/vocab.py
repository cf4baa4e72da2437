"""The vocabularies of the field, each with its legal source: the one place they live.

Sources: 国办发〔2019〕54号 (standard directories and their columns), 民办函〔2019〕52号 (民政 guidelines),
《中华人民共和国政府信息公开条例》（国务院令第711号） Arts. 14–16 (grounds for 不予公开).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

FIVE_DISCLOSURES: tuple[str, ...] = ("决策公开", "执行公开", "管理公开", "服务公开", "结果公开")
FIVE_DISCLOSURE_ALIASES: dict[str, str] = {name[:2]: name for name in FIVE_DISCLOSURES}

# The 13 boxes of 公开渠道和载体, in their printed order (国办发〔2019〕54号 标准指引).
CHANNELS: tuple[str, ...] = (
    "政府网站",
    "政府公报",
    "两微一端",
    "发布会/听证会",
    "广播电视",
    "纸质媒体",
    "公开查阅点",
    "政务服务中心",
    "便民服务站",
    "入户/现场",
    "社区/企事业单位/村公示栏（电子屏）",
    "精准推送",
    "其他",
)
BOARD = "社区/企事业单位/村公示栏（电子屏）"
CHANNEL_ALIASES: dict[str, str] = {
    # seen in real directories and spreadsheets (the spreadsheet import reads the same: interchange.headers)
    **dict.fromkeys(("政府门户网站", "门户网站", "政府网", "政务网站", "部门网站", "网站"), "政府网站"),
    **dict.fromkeys(("政务新媒体", "微信公众号", "政务微信公众号", "政务微博、微信", "微博微信", "新媒体", "客户端",
                     "政务客户端"), "两微一端"),
    # as a clerk writes the account and the village's screen (hostile pass 23): 「公众号」 alone was GK104 and the item
    # went nowhere, not even to its board
    **dict.fromkeys(("公众号", "政务公众号", "微信号", "官方微信", "微信平台", "微信公众平台"), "两微一端"),
    **dict.fromkeys(("LED屏", "LED显示屏", "LED电子屏", "电子屏幕", "显示屏", "电子显示屏幕", "触摸屏", "电子触摸屏",
                     "触摸查询屏"), BOARD),
    **dict.fromkeys(("新闻发布会", "发布会、听证会"), "发布会/听证会"),
    **dict.fromkeys(("广播", "电视", "广播、电视"), "广播电视"),
    **dict.fromkeys(("报刊", "报纸", "纸质材料", "宣传册", "明白纸"), "纸质媒体"),
    **dict.fromkeys(("查阅点", "政府信息公开查阅点", "信息公开查阅点", "档案馆、图书馆"), "公开查阅点"),
    **dict.fromkeys(("政务服务大厅", "行政服务中心大厅", "便民服务中心（大厅）"), "政务服务中心"),
    **dict.fromkeys(("便民服务点", "便民服务中心", "村便民服务站", "为民服务站"), "便民服务站"),
    **dict.fromkeys(("入户、现场", "入户现场"), "入户/现场"),
    **dict.fromkeys(("公告栏", "村务公开栏", "政务公开栏", "公示栏（电子屏）", "村（居）公示栏", "社区公示栏", "宣传栏",
                     "电子显示屏"), "社区/企事业单位/村公示栏（电子屏）"),
    # the village's own board as county forms head its column: 村（居）务公开栏, 村（社区）公示栏, 党务村务公开栏 …
    **dict.fromkeys(("村（居）务公开栏", "村（社区）务公开栏", "村（居）务公示栏", "村（社区）公示栏", "社区（村）公示栏",
                     "村（居）公开栏", "居务公开栏", "村居公示栏", "村务公示栏", "党务村务公开栏", "村务公开栏（电子屏）",
                     "公示公告栏", "信息公开栏"), BOARD),
    **dict.fromkeys(("短信", "短信推送"), "精准推送"),
    "政府服务中心": "政务服务中心",
    "行政服务中心": "政务服务中心",
    "纸质载体": "纸质媒体",
    "宣传资料": "纸质媒体",
    "村公示栏": BOARD,
    "镇村公示公开栏": BOARD,
    "公示栏": BOARD,
    "公开栏": BOARD,
    "电子屏": BOARD,
    "社区/企事业单位/村公示栏(电子屏)": BOARD,
    "社区/企事业单位/村公示栏": BOARD,
    "微信": "两微一端",
    "政务微信": "两微一端",
    "微博": "两微一端",
    "政务微博": "两微一端",
    "发布会": "发布会/听证会",
    "听证会": "发布会/听证会",
    "入户": "入户/现场",
    "现场": "入户/现场",
}
# A board named by the place it stands in, as each village and township calls its own (hostile pass 36): 「村委会公示栏」,
# 「乡镇政府公示栏」, 「街道办事处公告栏」, 「村部宣传栏」 were GK104, the item unread, its 公示 on no channel. Only place words stand
# before the board's word (compared as spelled: full-width brackets), so 「网站公告栏」 — a column of the website — is not it.
_BOARD_NAMED = re.compile(r"[各乡镇街道村居社区委会部级组政府办事处（）/]+(?:公示|公开|公告|宣传|公示公开|务公开)栏(?:（电子屏）)?")
# Seen in real directories as extras written under 其他.
OTHER_CHANNEL_EXAMPLES: tuple[str, ...] = ("12345政务服务热线", "政务公开专区", "便民惠民服务中心", "新闻媒体")

AUDIENCES: tuple[str, ...] = ("全社会", "特定群体")
AUDIENCE_ALIASES: dict[str, str] = {"特定群众": "特定群体", "社会公众": "全社会"}

MODES: tuple[str, ...] = ("主动", "依申请")
PROACTIVE_MODE = MODES[0]  # 公开方式 主动: the items 法定主动公开内容 lists (《条例》第二十条)
MODE_ALIASES: dict[str, str] = {"主动公开": "主动", "依申请公开": "依申请"}

LEVELS: tuple[str, ...] = ("县级", "乡级")
LEVEL_ALIASES: dict[str, str] = {"县": "县级", "乡": "乡级", "乡镇级": "乡级", "县级政府": "县级", "乡镇": "乡级"}

PROACTIVE = "主动公开"
ON_REQUEST = "依申请公开"
WITHHELD = "不予公开"
ATTRIBUTES: tuple[str, ...] = (PROACTIVE, ON_REQUEST, WITHHELD)
ATTRIBUTE_ALIASES: dict[str, str] = {"主动": PROACTIVE, "依申请": ON_REQUEST, "不公开": WITHHELD, "免予公开": WITHHELD}

FORMATS: tuple[str, ...] = ("文本", "图表", "图片", "音频", "视频")

# Kinds of document (文种 / 信息类别). 规范性文件 and 政策文件 need a 解读 (三同步).
POLICY_KINDS: tuple[str, ...] = ("规范性文件", "政策文件")
INTERPRETATION_KIND = "政策解读"
DOCUMENT_KINDS: tuple[str, ...] = (
    "规范性文件",
    "政策文件",
    "政策解读",
    "通知",
    "公告",
    "公示",
    "通报",
    "报告",
    "批复",
    "方案",
    "规划计划",
    "统计数据",
    "办事指南",
    "工作动态",
    "回应关切",
    "财政预决算",
    "年度报告",
    "制度",
    "其他",
)
# 政府信息公开制度 (国办公开办函〔2019〕61号): the bureau's own rules on 公开, 保密审查, 两馆移交 …
RULES_KIND = "制度"
ANNUAL_REPORT_KIND = "年度报告"
NOTICE_KIND = "公示"

# 有效性 of a document (安溪县 directory field; DOMAIN.md §12).
VALIDITY: tuple[str, ...] = ("有效", "失效", "废止", "已修改")
IN_FORCE = "有效"
# As the national 法律法规数据库 and county portals write it (hostile pass 38: each was GK104, the document unread and
# gone from every channel; 「已废止」 was told 「是否想写「废止」？」, 「部分失效」 「失效」, which says the whole of it lapsed).
VALIDITY_ALIASES: dict[str, str] = {
    **dict.fromkeys(("现行有效", "继续有效"), IN_FORCE),
    **dict.fromkeys(("已失效", "全部失效"), "失效"),
    **dict.fromkeys(("已废止", "全文废止", "全部废止", "已废除", "废除"), "废止"),
    **dict.fromkeys(("已修订", "已修正", "已被修改", "修改"), "已修改"),
}
# Words of 有效性 that are none of the four and may not be guessed: what to write instead.
VALIDITY_UNSAID: dict[str, str] = {
    **dict.fromkeys(("部分失效", "部分废止", "部分有效"), "文件只有一部分不再执行的，写「已修改」，并写「有效性日期」和修改它的文件"
                    "（「被替代」）；整个文件不再执行的才写「失效」或「废止」。"),
    **dict.fromkeys(("尚未生效", "未生效", "待生效"), "文件公布后、施行日期前写「有效」：施行日期写在正文中（如「本办法自2027年1月1日起"
                    "施行」）；不要写成「失效」。"),
    "修订": "被修订的旧文件写「已修改」，并写「有效性日期」和修订后的新文件（「被替代」）；修订后的新文件写「有效」。",
}
# What takes a document out of 现行有效: repealed, or lapsed at the end of its term. One that is 已修改 stands as amended.
OUT_OF_FORCE: tuple[str, ...] = ("废止", "失效")

# 栏目类型: how often the inspection expects an item's column to be updated (国办秘函〔2019〕19号).
COLUMN_KINDS: tuple[str, ...] = ("动态要闻", "通知公告", "政策文件", "人事规划", "办事服务", "基本信息")

# 法定主动公开内容: the categories of 《政府信息公开条例》第二十条 (领导信息 split from 机构职能, as portals show it).
LAW_CATEGORIES: tuple[tuple[str, str], ...] = (
    ("机构职能", "第二十条第（二）项：机关职能、机构设置、办公地址、办公时间、联系方式"),
    ("领导信息", "第二十条第（二）项：负责人姓名"),
    ("规范性文件", "第二十条第（一）项：行政法规、规章和规范性文件"),
    ("规划计划", "第二十条第（三）项：国民经济和社会发展规划、专项规划、区域规划及相关政策"),
    ("统计信息", "第二十条第（四）项：国民经济和社会发展统计信息"),
    ("行政许可", "第二十条第（五）项：办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"),
    ("行政处罚和强制", "第二十条第（六）项：实施行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定"),
    ("财政预决算", "第二十条第（七）项：财政预算、决算信息"),
    ("行政事业性收费", "第二十条第（八）项：行政事业性收费项目及其依据、标准"),
    ("政府采购", "第二十条第（九）项：政府集中采购项目的目录、标准及实施情况"),
    ("重大建设项目", "第二十条第（十）项：重大建设项目的批准和实施情况"),
    ("民生政策", "第二十条第（十一）项：扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"),
    ("应急管理", "第二十条第（十二）项：突发公共事件的应急预案、预警信息及应对情况"),
    ("监督检查", "第二十条第（十三）项：环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"),
    ("公务员招考", "第二十条第（十四）项：公务员招考的职位、名额、报考条件等事项以及录用结果"),
    ("其他法定信息", "第二十条第（十五）项：法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"),
)
LAW_CATEGORY_NAMES: tuple[str, ...] = tuple(name for name, _ in LAW_CATEGORIES)
LEADERS_CATEGORY = "领导信息"  # shown from gongkai.yaml「领导」, and from the items of this 法定类别


@dataclass(frozen=True)
class WithholdingGround:
    """A ground for 不予公开 and the article of the 条例 it rests on."""

    name: str
    article: str
    text: str


WITHHOLDING_GROUNDS: tuple[WithholdingGround, ...] = (
    WithholdingGround("国家秘密", "第十四条", "依法确定为国家秘密的政府信息"),
    WithholdingGround("法律法规禁止公开", "第十四条", "法律、行政法规禁止公开的政府信息"),
    WithholdingGround("危及三安全一稳定", "第十四条", "公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息"),
    WithholdingGround("商业秘密", "第十五条", "涉及商业秘密，公开会对第三方合法权益造成损害的政府信息"),
    WithholdingGround("个人隐私", "第十五条", "涉及个人隐私，公开会对第三方合法权益造成损害的政府信息"),
    WithholdingGround("内部事务信息", "第十六条第一款", "人事管理、后勤管理、内部工作流程等方面的内部事务信息"),
    WithholdingGround("过程性信息", "第十六条第二款", "讨论记录、过程稿、磋商信函、请示报告等过程性信息"),
    WithholdingGround("行政执法案卷", "第十六条第二款", "行政执法案卷信息"),
)
GROUND_NAMES: tuple[str, ...] = tuple(g.name for g in WITHHOLDING_GROUNDS)
GROUNDS_BY_NAME: dict[str, WithholdingGround] = {g.name: g for g in WITHHOLDING_GROUNDS}
GROUND_ALIASES: dict[str, str] = {
    "涉密": "国家秘密",
    "三安全一稳定": "危及三安全一稳定",
    "内部事务": "内部事务信息",
    "过程性": "过程性信息",
    "执法案卷": "行政执法案卷",
}
# Words that stand for more than one ground: read as one of them, the record (and fmt's rewrite of it) would say what
# the bureau did not decide. 第十五条 protects 第三方合法权益 against the disclosure of 商业秘密 and of 个人隐私 alike; the
# annual report counts both in one row (保护第三方合法权益), the record names which one it is.
AMBIGUOUS_GROUNDS: dict[str, tuple[str, ...]] = dict.fromkeys(
    ("第三方合法权益", "保护第三方合法权益", "损害第三方合法权益", "第十五条"), ("商业秘密", "个人隐私"))

TOWN_UNIT_KIND = "乡镇民政办"
UNIT_KINDS: tuple[str, ...] = ("股室", TOWN_UNIT_KIND, "其他")


def canonical(value: str, names: tuple[str, ...], aliases: dict[str, str]) -> str | None:
    """The canonical spelling of *value*, or None when it is not a known one: a name or an alias as written, else as
    spelled (spelling: 「政府 网站」, 「社区／企事业单位／村公示栏(电子屏)」, 「政府網站」); for a channel, a board named by its
    place (「村委会公示栏」)."""
    text = value.strip()
    if text in names:
        return text
    found = aliases.get(text)
    if found is not None:
        return found
    typed = spelling(text)
    found = _spellings(names, tuple(aliases.items())).get(typed)
    if found is None and names == CHANNELS and _BOARD_NAMED.fullmatch(typed):
        return BOARD
    return found


# How a vocabulary value is compared: typed with spaces, half- or full-width brackets and slashes, or in the traditional
# characters of a Hong Kong or Taiwan input method (the characters of the vocabularies only).
_TRADITIONAL = ("網兩會聽廣電視紙體閱點務戶場區業單欄準開發報級鄉鎮縣群眾決執結請規範", "网两会听广电视纸体阅点务户场区业单栏准开发报级乡镇县群众决执结请规范")
# 「、」 between the parts of one box's name (社区、企事业单位、村公示栏（电子屏）) is the box's 「/」.
_SPELLING = str.maketrans({"(": "（", ")": "）", "／": "/", "\\": "/", "、": "/",
                           **dict(zip(*_TRADITIONAL, strict=True))})


def spelling(text: str) -> str:
    """*text* as vocabulary values are compared: no spaces, full-width brackets, one slash (「、」 read as one),
    simplified characters, Latin letters in capitals (「led屏」)."""
    return "".join(text.split()).upper().translate(_SPELLING)


@functools.lru_cache(maxsize=64)  # a handful of vocabularies; only values not written as a name or alias come here
def _spellings(names: tuple[str, ...], aliases: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {spelling(written): name for written, name in (*((n, n) for n in names), *aliases)}
