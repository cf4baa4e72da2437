"""公开信息: a document or piece of information the bureau forms, with its 公开属性."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from gongkai.days import as_typed, chinese_number
from gongkai.model import vocab
from gongkai.model.base import CatalogModel, Day, Body, ObjectId, Text, numbers_not_true_or_false
from gongkai.model.item import Channel

Attribute = Literal[vocab.ATTRIBUTES]  # type: ignore[valid-type]
Ground = Literal[vocab.GROUND_NAMES]  # type: ignore[valid-type]
Kind = Literal[vocab.DOCUMENT_KINDS]  # type: ignore[valid-type]
Validity = Literal[vocab.VALIDITY]  # type: ignore[valid-type]


# 公示期 as people write it: 7, ７, 「7个工作日」 (the words of 公开时限: 「公示7个工作日」), and in Chinese numerals as a
# 公开时限 writes them too, 七, 「七个工作日」, 十五 (hostile pass 34: an error, the file unread, the 公示 on no channel) …
# … and with the unit in brackets, as a form's cell is filled in: 「7（工作日）」 (hostile pass 36: an error whose hint asked
# for half-width brackets, which left it an error).
_WORKDAYS = re.compile(r"(\d+|[一二两三四五六七八九十]+)\s*(?:(?:个\s*)?工作日|[（(]\s*(?:个\s*)?工作日\s*[)）])?")
# … and a period in other units, which 公示期 cannot hold: its last day is written as 公示截止 instead (一周, 半个月).
_UNIT = r"(?:个\s*)?(?:自然日|日历日|天|日|周|星期|礼拜|月|年)"
_OTHER_UNITS = re.compile(rf"(?:\d+|[一二两三四五六七八九十]+|半)\s*(?:{_UNIT}|[（(]\s*{_UNIT}\s*[)）])")


def read_notice_days(value: Any) -> Any:
    """The number of working days a 公示期 is written as (7, ７, 7个工作日, 七个工作日); a period in days, weeks, months
    or years is an error saying to write its last day; anything else is left to the integer check."""
    if not isinstance(value, str):
        return value
    text = as_typed(value)
    if (days := _WORKDAYS.fullmatch(text)) is not None:
        number = days.group(1)
        return int(number) if number.isdigit() else (chinese_number(number) or value)  # 十十: the integer check
    if _OTHER_UNITS.fullmatch(text):
        raise PydanticCustomError("notice_days_unit", "按工作日计，「{value}」不是工作日数", {"value": value.strip()})
    return value


NoticeDays = Annotated[int, BeforeValidator(read_notice_days)]


class Review(CatalogModel):
    """保密审查: who reviewed the document for secrets, when, and the conclusion."""

    reviewer: Text = Field(alias="审查人", title="审查人")
    date: Day = Field(alias="审查日期", title="审查日期")
    conclusion: Text = Field(alias="结论", title="审查结论", description="如：不涉及国家秘密，同意主动公开")


class Attachment(CatalogModel):
    """A file under the catalog folder; PDF or CEB for the handover to the 两馆."""

    file: Text = Field(alias="文件", title="文件", description="相对于目录文件夹的路径，如 files/2026/R2026-012.pdf")
    name: Text | None = Field(None, alias="名称", title="名称", description="显示名称，可选")

    @property
    def suffix(self) -> str:
        return self.file.rsplit(".", 1)[-1].lower() if "." in self.file else ""


class Withdrawal(CatalogModel):
    """撤回: a record published by mistake leaves every channel from this date (DOMAIN.md §12)."""

    date: Day = Field(alias="日期", title="撤回日期")
    reason: Text = Field(alias="原因", title="撤回原因", description="如：误将内部事务信息作为主动公开信息发布")


# Keys people write on a record that are no field of it, and what to write instead: a guess by spelling told 「施行日期」
# to be 「成文日期」 and 「生效日期」 「有效性日期」 — the day it was signed and the day it lapses (hostile pass 38).
_IN_FORCE_FROM = ("文件自哪天起施行，写在正文中（如「本办法自2027年1月1日起施行」），不另登记：「成文日期」是签发的日期，"
                  "「有效性日期」是失效、废止或修改的日期，都不是施行日期。删去这一行。")
_WITHDRAWN = "撤回写成一块：「撤回:」下面换行，缩进两个空格各写一行「日期: YYYY-MM-DD」（撤下的日期）和「原因: ……」。"
UNKNOWN_KEY_HINTS: dict[str, str] = {
    **dict.fromkeys(("施行日期", "生效日期", "实施日期", "执行日期", "生效时间", "施行时间"), _IN_FORCE_FROM),
    **dict.fromkeys(("撤回日期", "撤回原因", "撤回时间", "撤销日期"), _WITHDRAWN),
    **dict.fromkeys(("失效日期", "失效时间", "修改日期"),
                    "写成「有效性日期: YYYY-MM-DD」，并写「有效性: 失效」（或 废止、已修改）。"),
}


class Record(CatalogModel):
    """A registered document: metadata always, body and attachments only if 主动公开."""

    id: ObjectId = Field(alias="编号", title="编号", description="信息编号，永不改变，与文件名一致，如 R2026-012")
    title: Text = Field(alias="题名", title="题名")
    doc_number: Text | None = Field(None, alias="文号", title="文号", description="如：安民〔2026〕12号")
    index_number: Text | None = Field(None, alias="索引号", title="索引号", description="主动公开的信息必填，机关内唯一")
    kind: Kind = Field(alias="文种", title="文种", description="规范性文件、政策文件、政策解读、通知、公示……")
    author: Text | None = Field(None, alias="责任者", title="责任者（发文机关）", description="默认为机关名称")
    unit: ObjectId = Field(alias="责任单位", title="责任单位", description="起草股室或乡镇民政办的编号")
    item: ObjectId | None = Field(None, alias="事项", title="所属公开事项", description="公开事项的编号")
    attribute: Attribute | None = Field(
        None, alias="公开属性", title="公开属性", description="主动公开、依申请公开或不予公开（源头认定）"
    )
    ground: Ground | None = Field(None, alias="不予公开理由", title="不予公开理由", description="《条例》第十四至十六条")
    review: Review | None = Field(None, alias="保密审查", title="保密审查")
    formed: Day = Field(alias="成文日期", title="成文日期")
    published: Day | None = Field(None, alias="公开日期", title="公开日期")
    notice_days: NoticeDays | None = Field(
        None, alias="公示期", ge=1, le=366, title="公示期（工作日）", description="从公开日期当天起算的工作日数，如 7"
    )
    notice_until: Day | None = Field(None, alias="公示截止", title="公示截止日期", description="公示的最后一天")
    # 「公开渠道: []」 is an error, not its item's channels: no line means the item's (publication.effective_channels)
    channels: list[Channel] = Field(default_factory=list, alias="公开渠道", min_length=1, title="公开渠道")
    pages: int | None = Field(None, alias="页数", ge=1, le=100000, title="页数")
    attachments: list[Attachment] = Field(default_factory=list, alias="附件", title="附件")
    interpretations: list[ObjectId] = Field(default_factory=list, alias="解读", title="解读", description="解读信息的编号")
    forwards: ObjectId | None = Field(None, alias="转发", title="转发", description="所转发文件的信息编号")
    repealed: Day | None = Field(None, alias="废止日期", title="废止日期")
    validity: Validity | None = Field(
        None, alias="有效性", title="有效性", description="有效、失效、废止或已修改；规范性文件和政策文件必填"
    )
    validity_date: Day | None = Field(None, alias="有效性日期", title="有效性日期", description="失效、废止或修改的日期")
    replaced_by: ObjectId | None = Field(None, alias="被替代", title="被替代", description="替代本文件的信息编号")
    replaces: list[ObjectId] = Field(default_factory=list, alias="替代", title="替代", description="本文件替代的信息编号")
    withdrawn: Withdrawal | None = Field(None, alias="撤回", title="撤回", description="误发布的信息撤回：日期和原因")
    late_entry: Text | None = Field(
        None, alias="补录", title="补录说明", description="启用后补登的早先已公开信息：写明原因（年度检查核验发稿日期）"
    )
    report_year: int | None = Field(None, alias="报告年度", ge=2000, le=2100, title="报告年度", description="年度报告所报告的年份")
    body: Body | None = Field(None, alias="正文", title="正文", description="Markdown 格式：空一行分段，# 开头为标题")

    counts_are_numbers = numbers_not_true_or_false("pages", "report_year")

    @property
    def is_public(self) -> bool:
        """主动公开: the only records that may leave the building."""
        return self.attribute == "主动公开"

    def out_by(self, day: dt.date) -> bool:
        """主动公开 with a 公开日期 on or before *day*: a 公开日期 still to come (filled in ahead, GK405) is not out yet."""
        return self.is_public and self.published is not None and self.published <= day

    def withdrawn_by(self, day: dt.date) -> bool:
        """撤回 on or before *day*: from then on it leaves every channel, and no batch hands it to the 两馆."""
        return self.withdrawn is not None and self.withdrawn.date <= day

    @property
    def in_force(self) -> bool:
        """Not marked 失效, 废止 or 已修改 (a record with no 有效性 counts as in force unless it has a 废止日期)."""
        if self.validity is None:
            return self.repealed is None
        return bool(self.validity == vocab.IN_FORCE)

    @property
    def year(self) -> int:
        return self.formed.year

    @property
    def reported_year(self) -> int | None:
        """The year a 年度报告 reports on: 报告年度, else the year before it was formed; None for other 文种."""
        if self.kind != vocab.ANNUAL_REPORT_KIND:
            return None
        return self.report_year or self.formed.year - 1
