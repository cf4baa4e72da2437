"""The 政府信息公开申请表 as data: one layout that the docx and the PDF both draw.

Its fields are what 《政府信息公开条例》第二十九条 asks of an application (姓名或者名称、身份证明、联系方式；所需信息的
名称、文号或者特征性描述；获取信息的方式、途径) and they line up with the request register (model/request.py):
申请人类型 has the register's (and the annual report's) applicant kinds, 所需信息的内容描述 is 申请内容, and the box the
受理机构 fills in holds 编号, 收到日期, 申请渠道 and 承办单位.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.model.agency import Agency
from gongkai.model.request import APPLICANT_TYPES, CHANNELS

TITLE = "政府信息公开申请表"
BOX, TICKED = "□", "■"
CITIZEN, ORGANISATION = "公民", "法人或其他组织"
DELIVERY = ("邮寄", "快递", "电子邮件", "传真", "自行领取", "当场阅读、抄录")
MEDIA = ("纸质", "电子邮件", "光盘", "其他")
NOTES = (
    "申请人应如实填写本表，并附身份证明复印件（公民：居民身份证等有效证件；法人或其他组织：营业执照、统一社会信用代码证"
    "等）。委托他人代为申请的，另附授权委托书和受托人身份证明。",
    "所需信息的内容描述应写明政府信息的名称、文号，或者便于本机关查询的其他特征性描述（《中华人民共和国政府信息公开"
    "条例》第二十九条）。描述不明确的，本机关将一次性告知补正（第三十条）。",
    "本机关自收到申请之日起20个工作日内答复；需要延长的，经批准可延长不超过20个工作日（第三十三条）。",
    "申请人对答复不服的，可以依法申请行政复议或者提起行政诉讼（第五十一条）。",
)


@dataclass(frozen=True)
class Cell:
    """A label and what the applicant writes (blank, or boxes to tick); *lines* is the height of a blank answer."""

    label: str
    choices: tuple[str, ...] = ()
    lines: int = 1
    text: str = ""  # printed in the answer box instead of the choices

    @property
    def answer(self) -> str:
        return self.text or boxes(self.choices)


@dataclass(frozen=True)
class Section:
    """A block of the form: its title and its rows of one or two cells."""

    title: str
    rows: tuple[tuple[Cell, ...], ...]


@dataclass(frozen=True)
class Form:
    """The whole form for one agency."""

    agency: str
    office: str
    desk: tuple[str, ...]
    sections: tuple[Section, ...]
    notes: tuple[str, ...] = NOTES

    @property
    def title(self) -> str:
        return TITLE

    @property
    def heading(self) -> str:
        """受理机关 and 受理机构, as printed under the title."""
        return f"受理机关：{self.agency}　　受理机构：{self.office}"


def boxes(choices: tuple[str, ...]) -> str:
    """□甲　□乙 …: the choices with a box to tick each."""
    return "　".join(f"{BOX}{c}" for c in choices)


def applicant_kinds() -> str:
    """公民, or 法人或其他组织 of one of the register's kinds (the register calls a 公民 自然人)."""
    return f"{BOX}{CITIZEN}　{BOX}{ORGANISATION}（{boxes(APPLICANT_TYPES[1:])}）"


def application_form(agency: Agency) -> Form:
    """The 申请表 with *agency*'s name, its 受理机构 and how to reach it filled in."""
    desk = agency.requests
    office = desk.office if desk else agency.org.name
    contact = []
    if desk is not None:
        for label, value in (("地址", desk.address), ("邮编", desk.postcode), ("电话", desk.phone),
                             ("传真", desk.fax), ("电子邮箱", desk.email), ("办公时间", desk.hours)):
            if value:
                contact.append(f"{label}：{value}")
    return Form(agency.org.name, office, tuple(contact), SECTIONS)


SECTIONS = (
    Section("申请人信息", (
        (Cell("申请人类型", lines=2, text=applicant_kinds()),),
        (Cell("公民：姓名"), Cell("工作单位")),
        (Cell("证件名称"), Cell("证件号码")),
        (Cell("法人或其他组织：名称"), Cell("统一社会信用代码")),
        (Cell("法定代表人或负责人"), Cell("联系人姓名")),
        (Cell("联系电话"), Cell("电子邮箱")),
        (Cell("通信地址"), Cell("邮政编码")),
    )),
    Section("所需信息情况", (
        (Cell("所需信息的内容描述", lines=5),),
        (Cell("所需信息的名称、文号（选填）", lines=2),),
        (Cell("所需信息的用途（选填）", lines=2),),
        (Cell("获取信息的方式（可多选）", DELIVERY),),
        (Cell("信息的载体形式（可多选）", MEDIA),),
        (Cell("申请人签名或盖章"), Cell("申请日期")),
    )),
    Section("以下由受理机构填写", (
        (Cell("申请编号"), Cell("收到日期")),
        (Cell("申请渠道", CHANNELS),),
        (Cell("承办单位"), Cell("经办人")),
    )),
)
