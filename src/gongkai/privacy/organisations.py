"""What belongs to an organisation, not to a person (hostile pass 23): a legal entity's address and bank account are
no personal data (DOMAIN.md §7 protects people), and a 民政局 must publish them — the 养老机构 a list names and where
it is, the 行政服务中心 where a service is done (办理地点, DOMAIN.md §3.1), the 慈善总会's account for donations.

An address or account is an organisation's when the text names the organisation right before it: its name ends in
a word only organisations end in (中心, 福利院, 殡仪馆, 委员会, 公司 …), then a bracket, comma, colon, cell border
or a label (地址, 住所, 位于 …), then at most the names of the province, city, county and town the address starts with
(安溪县殡仪馆（地址：安溪县城厢镇砖文村13号）). A person's name ends in none of these words, and 住所, 住处, 家 are
no organisations: 陈水生住所：解放路12号 stays an address of a person.
"""

from __future__ import annotations

import re

from gongkai.compiled import lazy

_HANZI = "\u4e00-\u9fff"
# Words that end only the names of organisations (never a single 所, 处, 院, 会: 住所, 住处, 陈会 are no bodies). Not
# 局: the bureau's own address is registered (gongkai.yaml, detect.bureau_values), so 测试县民政局（经兜村十二号） names
# some other place, a person's perhaps.
_BODY = ("中心|福利院|敬老院|养老院|颐养院|幸福院|光荣院|儿童院|殡仪馆|火化场|火葬场|公墓|陵园|墓园|骨灰堂|救助站|服务站|"
         "管理站|工作站|管理所|派出所|事务所|研究所|卫生所|服务社|合作社|人民政府|委员会|村委会|居委会|"
         "办事处|登记处|服务处|联络处|法院|检察院|医院|卫生院|学院|学校|小学|中学|幼儿园|公司|集团|协会|商会|学会|研究会|基金会|"
         "总会|红十字会|慈善会|联合会|促进会|联谊会|银行|支行|分行|营业部|档案馆|图书馆|文化馆|纪念馆|博物馆|体育馆|服务大厅|窗口")
# Between the name and the address: brackets, commas, colons, spaces, a label; in a row of cells read as one text
# (a workbook's sheet as its XML shows it: cells apart by NUL, normalize.SEPARATE), the cells between. A row in the
# body or a CSV is read cell by cell instead (names_body), and cells_apart puts a full stop in its borders.
# (Spaces alone link nothing: a PDF's line of a list of people, 陈水生 某某公司 解放路13号302室, sets its columns apart
# with spaces.)
# (A label may be spaced out to align the lines, 地　　址, and the parts apart by semicolons.)
_JOIN = (r"(?:[（(，,：:；;]|\x00(?:[^\x00\n。]{0,40}\x00)*|(?:办公|通讯|联系|注册|服务|办理|机构|单位)?"
         r"(?:地\s*址|住\s*所|地\s*点)|位于|坐落于|设在|设于)")
_LINK = rf"\s*{_JOIN}(?:\s*{_JOIN})*\s*"
# The places an address starts with (福建省、泉州市、安溪县、城厢镇、凤城街道), then the first characters of its road or village.
_PLACES = rf"(?:[{_HANZI}]{{1,4}}(?:省|市|县|区|镇|乡|街道))*[{_HANZI}]{{0,3}}"
_ADDRESS_OF_BODY = lazy(rf"(?:{_BODY}){_LINK}{_PLACES}$")
# ... or right before it: 城东路88号县行政服务中心2楼, 解放路12号（测试县社会福利中心）. Not a home near one or in one
# (解放路12号302室某某公司宿舍, …隔壁的福利中心): no room or unit in the address, no words of where or whose between,
# nothing after the name that makes it a place to live.
_BODY_AFTER = lazy(rf"[（(]?(?:(?![的旁边隔壁近对面住家与和及在是])[{_HANZI}]){{0,10}}?(?:{_BODY})"
                   r"(?!宿舍|家属|员工|职工|小区|住宅|公寓|楼下|旁|附近|对面)")
_HOME_PARTS = re.compile("室|单元|房")
_NAME_OF_BODY = lazy(rf"[{_HANZI}（）()·]{{0,40}}(?:{_BODY})")


def _spaced(*labels: str) -> str:
    """A pattern of *labels*, each perhaps spaced out to align the lines (户　　名)."""
    return "(?:" + "|".join(r"\s*".join(label) for label in labels) + ")"


# 户名：安溪县慈善总会，开户行：…，账号：… — the account of the body the 户名 names (a person's name ends in no such word;
# a bureau's, 户名：安溪县民政局, is one too).
# Only the labels of one account may stand between the name and the number (开户行, 账号), apart by commas or
# semicolons, the name perhaps followed by which of its accounts it is (安溪县慈善总会（募捐专户）, （基本户）,
# …红十字会赈灾专户 — not a person's name in brackets, 某某公司（陈水生）, whose card it may be) and
# the label by whose account it is (收款账号, 对公账号, 账户号码); a label may be spaced out to align the lines (户　　名,
# 账　　号). A sentence that ends, or a card of a person (陈水生银行卡号), is no part of it.
_ACCOUNT_OF_BODY = lazy(rf"{_spaced('户名', '收款单位', '收款人', '账户名称', '开户单位')}\s*[：:]?\s*"
                        rf"[{_HANZI}（）()]{{2,40}}?(?:{_BODY}|局)(?:[{_HANZI}]{{0,4}}专户|[（(][{_HANZI}]{{0,6}}户[）)])?"
                        rf"[，,、；;\s]*(?:{_spaced('开户银行', '开户行', '开户网点')}\s*[：:]?\s*[^，,。；;！!？?\n]{{1,30}}?"
                        r"[，,、；;\s]*)?(?:银行|收款|捐款|募捐|对公|开户|单位)?"
                        rf"{_spaced('账号', '帐号', '账户', '帐户')}(?:号码|号)?\s*[：:]?\s*$")
_LOOK_BACK = 48


def address_of_body(text: str, start: int, end: int) -> bool:
    """True when the address text[start:end] is written right after the name of an organisation, or right before
    it: it is that organisation's address."""
    return (_ADDRESS_OF_BODY.search(text, max(0, start - _LOOK_BACK), start) is not None
            or (_HOME_PARTS.search(text, start, end) is None and _BODY_AFTER.match(text, end) is not None))


def names_body(cell: str) -> bool:
    """True when a table cell holds the name of an organisation and nothing else (测试县社会福利中心)."""
    return _NAME_OF_BODY.fullmatch(cell.strip()) is not None


def account_of_body(text: str, start: int) -> bool:
    """True when the bank account at text[start:…] follows «户名：<an organisation>» in its line or the two before (户名,
    开户行 and 账号 a line each): the account of that organisation (a 募捐 or 单位 account), which is published, not a
    person's card."""
    first = start
    for _ in range(ACCOUNT_LINES):
        first = text.rfind("\n", 0, max(0, first - 1))
    return _ACCOUNT_OF_BODY.search(text, first + 1, start) is not None


# The lines an account is written over: 户名, 开户行, 账号, a blank line between each perhaps.
ACCOUNT_LINES = 5
