"""依申请公开 requests, 行政复议/行政诉讼 cases and the bureau's annual-report data: the registers behind tables 三 and 四.

Sources: 《中华人民共和国政府信息公开条例》（国务院令第711号）第三十条（补正）、第三十二条（征求第三方意见）、
第三十三条（20个工作日，延长不超过20个工作日）; 《政府信息公开信息处理费管理办法》（国办函〔2020〕109号: from the
收费通知's delivery to the payment the period stops); the annual-report format of 国办公开办函〔2021〕30号.
Requests never reach the public site: no publisher reads these kinds.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Annotated, Literal, Protocol, get_args

from pydantic import BeforeValidator, Field

from gongkai.days import DayError, read_day
from gongkai.model.base import CatalogModel, Day, ObjectId, Text, numbers_not_true_or_false

REPLY_WORKDAYS = 20  # 《条例》第三十三条第一款
MAX_EXTENSION_WORKDAYS = 20  # 《条例》第三十三条第二款
CORRECTION_NOTICE_WORKDAYS = 7  # 《条例》第三十条

CHANNELS: tuple[str, ...] = ("当面", "邮寄", "网上", "传真", "电子邮件", "其他")
# The channels whose request is received on the day the bureau and the applicant confirm it (《条例》第三十一条第三项;
# 电子邮件 is a 互联网渠道), not on the day it was sent.
CONFIRMED_CHANNELS: tuple[str, ...] = ("网上", "传真", "电子邮件")
# What a 收到日期 written with its hour is told: the hour says the request came after hours, so not that day.
CONFIRMED_HINT = ("网上、传真、电子邮件提交的，收到日期是双方确认之日（《条例》第三十一条）：下班后或休息日提交、"
                  "下一个工作日才确认的，写确认的那一天。")
CHANNEL_ALIASES: dict[str, str] = {
    "当面提交": "当面", "现场": "当面", "信函": "邮寄", "邮寄申请": "邮寄", "网上申请": "网上", "网络": "网上",
    "在线申请": "网上", "邮件": "电子邮件", "电邮": "电子邮件",
}
# Table 三 columns: 自然人, then 法人或其他组织 in five kinds.
APPLICANT_TYPES: tuple[str, ...] = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
# (法人或其他组织 alone names no column: the clerk is asked which of the five)
# What a register writes for an applicant that can only be one column: counted there, as the column's own word.
APPLICANT_ALIASES: dict[str, str] = {
    **dict.fromkeys(("公民", "个人", "公民个人", "个人申请人", "群众", "村民", "居民"), "自然人"),
    **dict.fromkeys(("企业", "公司", "企业法人", "有限公司", "有限责任公司", "股份有限公司", "民营企业", "私营企业",
                     "国有企业", "外资企业"), "商业企业"),
    **dict.fromkeys(("科研院所", "研究所", "研究院", "研究机构"), "科研机构"),
    **dict.fromkeys(("公益组织", "公益机构", "慈善组织", "基金会"), "社会公益组织"),
    **dict.fromkeys(("律师事务所", "律所", "法律服务所", "基层法律服务所", "法律援助中心", "法律援助机构", "公证处",
                     "公证机构", "司法鉴定机构"), "法律服务机构"),
}
# What a register writes for an applicant that may be one column or another: counted in one the bureau did not choose,
# table 三 would be wrong, so the clerk is told how to choose (validate, and a key of 上年结转).
APPLICANT_CHOICES: dict[str, str] = {
    **dict.fromkeys(("律师", "代理律师", "执业律师"),
                    "律师以本人名义申请的，计入「自然人」；以律师事务所名义（所函）申请的，计入「法律服务机构」"),
    **dict.fromkeys(("个体工商户", "个体户"),
                    "以个体工商户的字号（营业执照）名义申请的，计入「商业企业」；经营者以本人名义申请的，计入「自然人」"),
    **dict.fromkeys(("社会组织", "社会团体", "社团", "协会", "行业协会", "商会", "民办非企业单位"),
                    "以公益为宗旨的（慈善组织、公益性社会团体、公益性民办非企业单位）计入「社会公益组织」；"
                    "行业协会、商会等其他社会组织计入「其他」"),
}

# Table 三 rows (三): outcome categories and their numbered sub-reasons, in printed order.
OUTCOMES: dict[str, tuple[str, ...]] = {
    "予以公开": (),
    "部分公开": (),
    "不予公开": (
        "属于国家秘密",
        "其他法律行政法规禁止公开",
        "危及“三安全一稳定”",
        "保护第三方合法权益",
        "属于三类内部事务信息",
        "属于四类过程性信息",
        "属于行政执法案卷",
        "属于行政查询事项",
    ),
    "无法提供": ("本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"),
    "不予处理": (
        "信访举报投诉类申请",
        "重复申请",
        "要求提供公开出版物",
        "无正当理由大量反复申请",
        "要求行政机关确认或重新出具已获取信息",
    ),
    "其他处理": (
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "其他",
    ),
}
# A category whose row the 2021 format names at more length than the register writes it.
OUTCOME_LABELS: dict[str, str] = {"部分公开": "部分公开（区分处理的，只计这一情形，不计其他情形）"}
# One request, one result (国办公开办函〔2021〕30号, table 三: 部分公开 is 「区分处理的，只计这一情形，不计其他情形」).
ONE_RESULT_HINT = ("一件申请只写一个办理结果和一个理由：部分信息公开、其余不予公开或无法提供的（区分处理），写「办理结果: 部分公开」，"
                   "年度报告表三只计这一情形；理由和各部分的情况写入「备注」。")
# 补正 and 延期 happen once in the law, so the register holds one of each, never a list of them.
ONCE_ONLY_HINTS: dict[str, str] = {
    "补正": "《条例》第三十条：补正只能一次性告知，「补正」只写一次（不是列表）：「通知日期」写发出补正通知的日期，「补正日期」写"
            "收到补正的日期，答复期限从收到补正之日起计算；补正后申请内容仍不明确的，写「办理结果: 无法提供」「理由: 补正后仍不明确」。",
    "延期": "《条例》第三十三条：答复期限只能延长一次，最长20个工作日，「延期」只写一次（不是列表）：批准人、批准日期、延长工作日。",
}
# A step written on one line (「补正: 2026-03-05」, 「延期: 20」): not a list, so not ONCE_ONLY_HINTS; how to write its block.
BLOCK_HINTS: dict[str, str] = {
    "补正": "「补正」下面换行，缩进两个空格写「通知日期: YYYY-MM-DD」（发出补正通知的日期）；收到补正后再写一行「补正日期: YYYY-MM-DD」。",
    "延期": "「延期」下面换行，缩进两个空格各写一行：「批准人: ……」「批准日期: YYYY-MM-DD」「延长工作日: 20」（最多20）。",
    "征求第三方意见": "「征求第三方意见」下面换行，缩进两个空格写「开始: YYYY-MM-DD」；结束后再写一行「结束: YYYY-MM-DD」。",
}
# A 其他处理 without a 理由 (a request the applicant withdrew, say) is counted on its last row, 3. 其他.
DEFAULT_REASONS: dict[str, str] = {"其他处理": "其他"}
OUTCOME_ALIASES: dict[str, str] = {
    "公开": "予以公开", "全部公开": "予以公开", "同意公开": "予以公开", "准予公开": "予以公开", "全部予以公开": "予以公开",
    "部分公开（区分处理）": "部分公开", "部分予以公开": "部分公开", "部分同意公开": "部分公开", "不公开": "不予公开",
    "撤回": "其他处理", "撤回申请": "其他处理", "申请人撤回": "其他处理", "申请人撤回申请": "其他处理",
}
# Short spellings people write for a sub-reason (the table's text is long).
REASON_ALIASES: dict[str, str] = {
    "国家秘密": "属于国家秘密",
    "法律法规禁止公开": "其他法律行政法规禁止公开",
    "危及三安全一稳定": "危及“三安全一稳定”",
    "三安全一稳定": "危及“三安全一稳定”",
    "第三方合法权益": "保护第三方合法权益",
    "商业秘密": "保护第三方合法权益",
    "个人隐私": "保护第三方合法权益",
    "内部事务信息": "属于三类内部事务信息",
    "过程性信息": "属于四类过程性信息",
    "行政执法案卷": "属于行政执法案卷",
    "行政查询事项": "属于行政查询事项",
    "本机关不掌握": "本机关不掌握相关政府信息",
    "不掌握": "本机关不掌握相关政府信息",
    "需要另行制作": "没有现成信息需要另行制作",
    "补正后仍不明确": "补正后申请内容仍不明确",
    "信访举报投诉": "信访举报投诉类申请",
    "公开出版物": "要求提供公开出版物",
    "大量反复申请": "无正当理由大量反复申请",
    "确认或重新出具": "要求行政机关确认或重新出具已获取信息",
    "逾期不补正": "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "逾期未补正": "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "申请人无正当理由逾期不补正": "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "逾期未缴费": "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "逾期不缴费": "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "逾期未缴纳费用": "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "逾期未缴纳信息处理费": "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "申请人逾期未按收费通知要求缴纳费用": "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "撤回": "其他",
    "撤回申请": "其他",
    "申请人撤回": "其他",
    "申请人撤回申请": "其他",
}

# How a 答复书 words the ground before the short name: 「属于过程性信息」「涉及个人隐私」「涉及商业秘密」.
REASON_LEADS: tuple[str, ...] = ("属于", "涉及", "因")


def _alias(table: dict[str, str]) -> BeforeValidator:
    return BeforeValidator(lambda v: table.get(v.strip(), v.strip()) if isinstance(v, str) else v)


RequestChannel = Annotated[Literal["当面", "邮寄", "网上", "传真", "电子邮件", "其他"], _alias(CHANNEL_ALIASES)]
ApplicantType = Annotated[
    Literal["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], _alias(APPLICANT_ALIASES)
]


def canonical_outcome(value: str | None) -> str | None:
    """The table-三 category for *value*, or None when it is not one."""
    if value is None:
        return None
    text = OUTCOME_ALIASES.get(value.strip(), value.strip())
    return text if text in OUTCOMES else None


# How a 办理结果 with its ground in the same line is written: 「不予公开（过程性信息）」「无法提供：本机关不掌握」.
_GROUND_AFTER = re.compile(r"^(.+?)\s*(?:[（(【\[]|[：:，,；;—-]|\s)")


def outcome_before_ground(value: str | None) -> str | None:
    """The table-三 category a 办理结果 opens with when the ground follows it in the same line, or None: 表三 counts
    the ground from 「理由」."""
    if value is None or (found := _GROUND_AFTER.match(value.strip())) is None:
        return None
    return canonical_outcome(found.group(1))


def canonical_reason(outcome: str, value: str | None) -> str | None:
    """The numbered sub-reason of *outcome* that *value* names (its default when *value* is None), or None."""
    if value is None:
        return DEFAULT_REASONS.get(outcome)
    text = value.strip()
    for said in (text, *(text.removeprefix(lead) for lead in REASON_LEADS if text.startswith(lead))):
        found = REASON_ALIASES.get(said, said)
        if found in OUTCOMES.get(outcome, ()):
            return found
    return None


class Extension(CatalogModel):
    """延期答复: approved by the head of the 工作机构, at most 20 more working days."""

    approver: Text = Field(alias="批准人", title="批准人")
    approved: Day = Field(alias="批准日期", title="批准日期")
    workdays: int = Field(alias="延长工作日", ge=1, le=MAX_EXTENSION_WORKDAYS, title="延长工作日", description="不超过20")

    days_are_numbers = numbers_not_true_or_false("workdays")


class Consultation(CatalogModel):
    """征求第三方意见: the working days from 开始 to 结束 do not count (《条例》第三十二条、第三十三条)."""

    start: Day = Field(alias="开始", title="开始日期")
    end: Day | None = Field(None, alias="结束", title="结束日期", description="尚在征求意见时留空")


class Correction(CatalogModel):
    """补正: the reply period runs from the day the corrected request arrives (《条例》第三十条)."""

    notified: Day = Field(alias="通知日期", title="补正通知日期")
    corrected: Day | None = Field(None, alias="补正日期", title="收到补正日期", description="尚未补正时留空")


class FeeNotice(CatalogModel):
    """收费通知 of 国办函〔2020〕109号: from its delivery to the payment the reply period stops; unpaid within 20 working
    days, the request is given up (其他处理, 逾期未缴费)."""

    notified: Day = Field(alias="通知日期", title="收费通知送达日期")
    paid: Day | None = Field(None, alias="缴费日期", title="缴费完成日期", description="尚未缴费时留空")


@dataclass(frozen=True)
class Pause:
    """A stretch whose working days the reply period does not count: what it is, its first and last day (None while
    it goes on)."""

    what: str
    start: dt.date
    end: dt.date | None
    awaited: str  # why the clock stands still while end is None


@dataclass(frozen=True)
class Excluded:
    """A pause within the period, and how many of its working days were taken out."""

    pause: Pause
    workdays: int


class Calendar(Protocol):
    def add(self, start: dt.date, n: int) -> dt.date: ...
    def is_workday(self, day: dt.date) -> bool: ...
    def on_or_after(self, day: dt.date) -> dt.date: ...
    def count_between(self, start: dt.date, end: dt.date) -> int: ...
    def provisional_years(self, start: dt.date, end: dt.date) -> tuple[int, ...]: ...


@dataclass(frozen=True)
class Due:
    """When a reply is due, and why; date is None while the clock is stopped (补正 or consultation pending).

    provisional names the years without a holiday notice yet whose days were counted from the statutory
    holidays alone: the date is then 暂定, never final.
    """

    date: dt.date | None
    start: dt.date
    workdays: int
    paused: str | None = None
    provisional: tuple[int, ...] = ()
    extended: int = 0  # the extension's working days counted in (0 when none, or approved too late to count)
    excluded: tuple[Excluded, ...] = ()  # the pauses within the period (征求第三方意见, 收费通知至缴费) taken out


class Request(CatalogModel):
    """One 依申请公开 request as registered by the 受理机构; kept internal, never published."""

    id: ObjectId = Field(alias="编号", title="编号", description="申请编号，与文件名一致，如 YSQ-2026-001")
    received: Day = Field(alias="收到日期", title="收到日期",
                          description="《条例》第三十一条：当面提交的，提交之日；邮寄的，签收之日（平信为与申请人确认之日）；"
                                      "网上、传真提交的，双方确认之日")
    channel: RequestChannel = Field(alias="申请渠道", title="申请渠道", description="当面、邮寄、网上、传真、电子邮件、其他")
    applicant_type: ApplicantType = Field(alias="申请人类型", title="申请人类型", description="年度报告表三的列")
    applicant: Text | None = Field(None, alias="申请人", title="申请人", description="内部登记，不公开")
    content: Text = Field(alias="申请内容", title="申请内容")
    unit: ObjectId | None = Field(None, alias="承办单位", title="承办单位", description="gongkai.yaml 中单位的编号")
    outcome: Text | None = Field(None, alias="办理结果", title="办理结果", description="予以公开、部分公开、不予公开……")
    reason: Text | None = Field(None, alias="理由", title="理由", description="不予公开、无法提供、不予处理的具体情形")
    replied: Day | None = Field(None, alias="答复日期", title="答复日期")
    extension: Extension | None = Field(None, alias="延期", title="延期答复")
    consultation: Consultation | None = Field(None, alias="征求第三方意见", title="征求第三方意见")
    correction: Correction | None = Field(None, alias="补正", title="补正")
    fee: FeeNotice | None = Field(None, alias="收费", title="信息处理费收费通知")
    note: Text | None = Field(None, alias="备注", title="备注")

    @property
    def category(self) -> str | None:
        return canonical_outcome(self.outcome)

    @property
    def reason_unlike_register(self) -> tuple[tuple[str, ...], str, str] | None:
        """(field, what, how to fix) when the 理由 of （六） says what the register says did not happen: 逾期不补正 of a
        request whose 补正 came, 逾期未缴费 of one whose fee was paid. Table 三 would count it in the wrong row."""
        category = self.category
        reason = canonical_reason(category, self.reason) if category is not None else None
        overdue_correction, overdue_fee = OUTCOMES["其他处理"][:2]
        if reason == overdue_correction and self.correction is not None and self.correction.corrected is not None:
            return (("补正", "补正日期"), f"理由是逾期不补正，「补正」却写了补正日期 {self.correction.corrected}",
                    "申请人已补正的，按补正后的申请答复，写实际的办理结果（补正后仍不明确的，写「办理结果: 无法提供」"
                    "「理由: 补正后仍不明确」）；申请人没有补正的，删去「补正日期」")
        if reason == overdue_fee and self.fee is not None and self.fee.paid is not None:
            return (("收费", "缴费日期"), f"理由是逾期未缴费，「收费」却写了缴费日期 {self.fee.paid}",
                    "申请人已缴费的，写实际的办理结果（如「办理结果: 予以公开」）；申请人没有缴费的，删去「缴费日期」")
        return None

    def due(self, calendar: Calendar) -> Due:
        """The reply deadline of 《条例》第三十三条 (may raise CalendarMissing).

        An extension approved after the first deadline had passed extends nothing (第三十三条第二款: it must be approved
        within the period; GK708 names it): a reply after that deadline is late, not within an extension.
        """
        first = self.first_due(calendar)
        extension = self.extension
        if extension is None or first.date is None or extension.approved > first.date:
            return first
        return self._deadline(calendar, extension.workdays)

    def confirmed_on(self, calendar: Calendar) -> dt.date | None:
        """The next working day, when the request came on a day off by a channel whose day of receipt is the day both
        sides confirm it (《条例》第三十一条第三项): the day it was most likely confirmed, so received (GK721). None when
        it came in person or by post, or on a working day (a make-up Saturday is one)."""
        if self.channel not in CONFIRMED_CHANNELS or calendar.is_workday(self.received):
            return None
        return calendar.on_or_after(self.received)

    def first_due(self, calendar: Calendar) -> Due:
        """The 20-working-day deadline before any extension (an extension must be approved by then).

        Consultation days do not count in it either: 第三十三条第三款 excludes them from the period of the first
        paragraph, so an extension approved after day 20 but within 20 + the days consulted is in time.
        """
        return self._deadline(calendar, 0)

    def _deadline(self, calendar: Calendar, extension: int) -> Due:
        start = self.received
        if self.correction is not None:
            if self.correction.corrected is None:
                return Due(None, start, 0, "等待申请人补正")
            start = self.correction.corrected
        workdays = REPLY_WORKDAYS + extension
        excluded: list[Excluded] = []
        counted_to = start  # the last day already taken out: two pauses that overlap take a day out once
        # 第三十三条第三款 (and 国办函〔2020〕109号 for a fee) takes a pause's days out of a running period: one begun after
        # the period had run out stops nothing (the reply is late already), and its days before the clock started
        # (awaiting the 补正, or the day of receipt itself, never counted) are not taken out twice.
        for pause in self.pauses():
            if pause.start > calendar.add(start, workdays):
                continue
            if pause.end is None:
                return Due(None, start, workdays, pause.awaited)
            since = max(pause.start - dt.timedelta(days=1), counted_to)
            days = calendar.count_between(since, pause.end) if pause.end > since else 0
            counted_to = max(counted_to, pause.end)
            workdays += days
            excluded.append(Excluded(pause, days))
        date = calendar.add(start, workdays)
        return Due(date, start, workdays, provisional=calendar.provisional_years(start, date), extended=extension,
                   excluded=tuple(excluded))

    def pauses(self) -> list[Pause]:
        """The stretches that stop the reply clock, first begun first: 征求第三方意见 (《条例》第三十二条、第三十三条) and
        the 收费通知 until the fee is paid (国办函〔2020〕109号)."""
        found = []
        if (consultation := self.consultation) is not None:
            found.append(Pause("征求第三方意见", consultation.start, consultation.end, "正在征求第三方意见"))
        if (fee := self.fee) is not None:
            found.append(Pause("收费通知送达至缴费", fee.notified, fee.paid, "等待申请人缴纳信息处理费"))
        return sorted(found, key=lambda p: p.start)


AppealKind = Literal["行政复议", "行政诉讼"]
AppealRoute = Literal["未经复议直接起诉", "复议后起诉"]
AppealResult = Literal["维持", "纠正", "其他", "尚未审结"]
# How a 登记簿 writes the kind and the route short: table 四's columns all the same.
KIND_ALIASES: dict[str, str] = {"复议": "行政复议", "行政复议申请": "行政复议", "诉讼": "行政诉讼", "起诉": "行政诉讼",
                                "行政起诉": "行政诉讼", "行政诉讼案件": "行政诉讼"}
ROUTE_ALIASES: dict[str, str] = {"直接起诉": "未经复议直接起诉", "未经复议": "未经复议直接起诉", "直诉": "未经复议直接起诉",
                                 "复议后": "复议后起诉", "经复议后起诉": "复议后起诉", "经复议起诉": "复议后起诉",
                                 "复议后诉讼": "复议后起诉"}
_RESULT_ALIASES = {"结果维持": "维持", "结果纠正": "纠正", "其他结果": "其他", "未审结": "尚未审结", "审理中": "尚未审结"}
# The decision as written on it, by the words its operative part opens with after 判决/裁定/决定 (撤销被申请人作出的答复，
# 责令重新答复; 维持原答复; 纠错; 裁定驳回起诉): 纠正 is the act set aside, changed, held unlawful or ordered done; a case
# ended without a decision on the act is 其他. 驳回 alone (on the merits or not?), 调解, 不予受理 are left to be chosen.
_DECIDED_BY = ("复议决定", "判决", "裁定", "决定")
_RESULT_OPENINGS = (("维持", "维持"), ("撤销", "纠正"), ("部分撤销", "纠正"), ("变更", "纠正"), ("确认违法", "纠正"),
                    ("确认无效", "纠正"), ("责令", "纠正"), ("纠正", "纠正"), ("纠错", "纠正"), ("部分纠正", "纠正"),
                    ("撤诉", "其他"), ("撤回", "其他"), ("终止", "其他"), ("驳回起诉", "其他"))


# 驳回 with what it dismisses is no longer open to choice. 驳回（原告的）诉讼请求 is the judgment on the merits that upholds
# the act (行政诉讼法第六十九条; since 2015 no court writes 维持), 驳回（申请人的）行政复议请求 the review's (行政复议法
# 第六十九条): both are 结果维持. 驳回起诉 and 驳回行政复议申请 end the case without judging the act: 其他结果.
_DISMISSED = re.compile(r"^驳回(?:原告|申请人|上诉人)?的?(诉讼请求|行政复议请求|复议请求|起诉|行政复议申请|复议申请)")
_DISMISSED_AS = {"诉讼请求": "维持", "行政复议请求": "维持", "复议请求": "维持", "起诉": "其他", "行政复议申请": "其他",
                 "复议申请": "其他"}


def _appeal_result(value: object) -> object:
    """结果 as table 四 counts it: one of its four words, an alias, or a decision's operative words."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text in _RESULT_ALIASES:
        return _RESULT_ALIASES[text]
    words = next((text[len(d):].lstrip("：:，, ") for d in _DECIDED_BY if text.startswith(d)), text)
    if dismissed := _DISMISSED.match(words):
        return _DISMISSED_AS[dismissed.group(1)]
    return next((result for opening, result in _RESULT_OPENINGS if words.startswith(opening)), text)


# What a decision's operative part may open with: the words table 四 counts by, and those left for the clerk to choose.
_DECISION_OPENINGS = (*_DECIDED_BY, *(opening for opening, _ in _RESULT_OPENINGS), "驳回", "调解", "不予受理")
# The names of table 三's columns that are not one (法人或其他组织 holds five).
_COLUMN_NAMES = ("法人", "法人或其他组织")
_ORGANISATION_KINDS = "".join(f"「{kind}」" for kind in APPLICANT_TYPES[1:])


def column_hint(key: str, allowed: Collection[str]) -> str | None:
    """How to write a count of table 三 (上年结转) keyed by a word that is no column of it, or None: 法人或其他组织 is
    five columns (a guess of its 其他 put every organisation's request in one), 公民 or 律师事务所 another column's word."""
    if not set(APPLICANT_TYPES) <= set(allowed):
        return None
    if key in _COLUMN_NAMES:
        return (f"「{key}」是表三五列的合称，不是一列：按申请人是哪一类，分别写在{_ORGANISATION_KINDS}中，"
                "如「上年结转: {自然人: 1, 商业企业: 1, 社会公益组织: 1}」。")
    if (meant := APPLICANT_ALIASES.get(key)) is not None:
        return f"表三的列名是「{meant}」：把键名改为「{meant}」。"
    if (choose := applicant_choice(key)) is not None:
        return f"{choose}：把键名改为其中一列，按实际情况分开计数。"
    return None


def applicant_choice(value: str) -> str | None:
    """How to choose the column of table 三 for an applicant written as a word that may be two of them (律师, 个体工商户,
    社会组织), or for 法人或其他组织 (five of them); None for any other word."""
    text = value.strip()
    if text in _COLUMN_NAMES:
        return f"「{text}」是表三五列的合称，不是一列：按申请人是哪一类，写{_ORGANISATION_KINDS}中的一个"
    if (choose := APPLICANT_CHOICES.get(text)) is not None:
        return f"「{text}」可以计入表三的不同列，不能替您选：{choose}"
    return None


def shown_in_register(value: str) -> bool:
    """Whether a value written in a register may be shown in a message or the line under it: blank, letters, digits and
    dates, or a word of the registers' own (register_word); anything else may name someone."""
    text = value.strip()
    return text.isascii() or register_word(text) or _a_day(text)


def _a_day(text: str) -> bool:
    """Whether *text* is a date as people type it (2026年3月2日, ２０２６-03-02): digits that name no one; withheld, the
    hint 「日期「……」按 2026-03-02 处理」 hid what it was about while the line under it showed it."""
    try:
        read_day(text)
    except DayError:
        return False
    return True


def register_word(value: str) -> bool:
    """Whether *value* is a word of the registers' own — a channel, an applicant type, a result, a reason, a decision's
    opening words — that a message or the line under it may show; anything else written in a register may be a name."""
    text = value.strip()
    parts = [part for part in _WORDS_APART.split(text) if part]
    # 「自然人、商业企业」 (two applicants of two kinds, one column to choose) is the register's words too: masked, the
    # advice listing the words to choose from lost them (「可选的值：……、科研机构」).
    return _one_register_word(text) or (len(parts) > 1 and all(_one_register_word(part) for part in parts))


# What joins several of the register's words in one value: 自然人、商业企业; 当面/邮寄; 自然人和法律服务机构.
_WORDS_APART = re.compile(r"[、，,/／；;\s\u3000]+|和|与|及")


def _register_words() -> tuple[str, ...]:
    """The words of the registers' own: their channels, applicant types, results, reasons, appeal kinds and routes,
    each with the spellings accepted for it."""
    return (*CHANNELS, *CHANNEL_ALIASES, *APPLICANT_TYPES, *APPLICANT_ALIASES, *APPLICANT_CHOICES, *_COLUMN_NAMES,
            *OUTCOMES, *OUTCOME_ALIASES, *(reason for reasons in OUTCOMES.values() for reason in reasons),
            *REASON_ALIASES, *get_args(AppealKind), *KIND_ALIASES, *get_args(AppealRoute), *ROUTE_ALIASES,
            *get_args(AppealResult), *_RESULT_ALIASES)


def _one_register_word(text: str) -> bool:
    return (text in _register_words() or any(canonical_reason(outcome, text) for outcome in OUTCOMES)
            or text.startswith(_DECISION_OPENINGS))


@functools.cache
def _within_words() -> re.Pattern[str]:
    """The registers' words and their fields' names, longest first, as a message may show them."""
    fields = (field.alias for model in (Request, Appeal, AnnualData, Carryover, RuleCounts, Extension, Consultation,
                                        Correction, FeeNotice) for field in model.model_fields.values() if field.alias)
    words = sorted({*_register_words(), *fields}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


def withheld(text: str, value: str, mask: str) -> str:
    """*text* with each *value* (a register's value that may name someone) in it replaced by *mask*, except where it is
    part of a word of the registers' own or a field's name the text shows: 「复议后起」 masked in the choices too made
    them 「未经复议直接起诉、……诉」, and the clerk was not told what to write."""
    kept = [match.span() for match in _within_words().finditer(text)]
    parts, done = [], 0
    start = text.find(value)
    while start >= 0 and value:
        end = start + len(value)
        if any(first <= start and end <= last for first, last in kept):
            start = text.find(value, start + 1)
            continue
        parts += [text[done:start], mask]
        done = end
        start = text.find(value, end)
    return "".join(parts) + text[done:]


class Appeal(CatalogModel):
    """A 行政复议 or 行政诉讼 about disclosure (table 四)."""

    id: ObjectId = Field(alias="编号", title="编号", description="与文件名一致，如 FY-2026-001")
    kind: Annotated[AppealKind, _alias(KIND_ALIASES)] = Field(alias="类型", title="类型", description="行政复议 或 行政诉讼")
    route: Annotated[AppealRoute, _alias(ROUTE_ALIASES)] | None = Field(
        None, alias="起诉方式", title="起诉方式", description="行政诉讼须写：未经复议直接起诉 或 复议后起诉")
    received: Day = Field(alias="收到日期", title="收到日期")
    result: Annotated[AppealResult, BeforeValidator(_appeal_result)] = Field("尚未审结", alias="结果", title="结果")
    closed: Day | None = Field(None, alias="结案日期", title="结案日期")
    request: ObjectId | None = Field(None, alias="关联申请", title="关联申请", description="依申请公开的编号")
    summary: Text | None = Field(None, alias="案由", title="案由")
    note: Text | None = Field(None, alias="备注", title="备注")


class Carryover(CatalogModel):
    """上年结转: requests carried over from the year before, by applicant type (when not in the register)."""

    natural: int = Field(0, alias="自然人", ge=0)
    business: int = Field(0, alias="商业企业", ge=0)
    research: int = Field(0, alias="科研机构", ge=0)
    charity: int = Field(0, alias="社会公益组织", ge=0)
    legal: int = Field(0, alias="法律服务机构", ge=0)
    other: int = Field(0, alias="其他", ge=0)

    def by_type(self) -> dict[str, int]:
        values = (self.natural, self.business, self.research, self.charity, self.legal, self.other)
        return dict(zip(APPLICANT_TYPES, values, strict=True))

    counts_are_numbers = numbers_not_true_or_false("natural", "business", "research", "charity", "legal", "other")


class RuleCounts(CatalogModel):
    """规章 counts (a county bureau usually has none)."""

    issued: int = Field(0, alias="本年制发", ge=0)
    repealed: int = Field(0, alias="本年废止", ge=0)
    in_force: int = Field(0, alias="现行有效", ge=0)

    counts_are_numbers = numbers_not_true_or_false("issued", "repealed", "in_force")


class AnnualData(CatalogModel):
    """catalog/annual/<year>.yaml: the figures and text of the annual report that records cannot give."""

    year: int = Field(alias="年度", ge=2008, le=2200, title="年度")
    overview: Text | None = Field(None, alias="总体情况", title="一、总体情况")
    problems: Text | None = Field(None, alias="存在的主要问题及改进情况", title="五、存在的主要问题及改进情况")
    other: Text | None = Field(None, alias="其他需要报告的事项", title="六、其他需要报告的事项")
    # (a figure left out is None, not 0: the report writes 待填写 there, as without the file; a 0 says the bureau
    # decided nothing, which nobody wrote)
    regulations: RuleCounts | None = Field(None, alias="规章", title="规章")
    licensing: int | None = Field(None, alias="行政许可", ge=0, title="行政许可本年处理决定数量")
    penalty: int | None = Field(None, alias="行政处罚", ge=0, title="行政处罚本年处理决定数量")
    enforcement: int | None = Field(None, alias="行政强制", ge=0, title="行政强制本年处理决定数量")
    fees: float | None = Field(None, alias="行政事业性收费", ge=0, title="行政事业性收费本年收费金额（万元）")
    carryover: Carryover | None = Field(None, alias="上年结转", title="上年结转", description="不写则按登记簿计算")

    counts_are_numbers = numbers_not_true_or_false("year", "licensing", "penalty", "enforcement")
    fees_are_numbers = numbers_not_true_or_false("fees", kind="float_type")
