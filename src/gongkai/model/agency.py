"""gongkai.yaml: the agency, its units, 领域, handover recipients and settings."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from gongkai.model import vocab
from gongkai.model.base import (CatalogModel, ColumnAddress, Day, ObjectId, Text, WebAddress, check_windows_name,
                                numbers_not_true_or_false)
from gongkai.model.reasons import says_something

UnitKind = Literal[vocab.UNIT_KINDS]  # type: ignore[valid-type]
# 「GK902: 警告」: the words `gongkai rules` and every message show for a severity, as a clerk writes them back.
SEVERITY_WORDS = {"错误": "error", "警告": "warning", "提示": "info", "关闭": "off", "不检查": "off"}


def _severity_word(value: object) -> object:
    return SEVERITY_WORDS.get(value.strip(), value.strip().lower()) if isinstance(value, str) else value


SeverityName = Annotated[Literal["error", "warning", "info", "off"], BeforeValidator(_severity_word),
                         WithJsonSchema({"type": "string", "enum": ["error", "warning", "info", "off", *SEVERITY_WORDS]})]
MonthDay = Annotated[int, Field(ge=1, le=31)]  # a day of the month; 0 or 32 cannot name a handover day


def _different_days(days: list[int]) -> list[int]:
    """[5, 5] is a slip of the keyboard (for [5, 20] or [5, 25]): one batch a month where the settings meant two."""
    twice = sorted({day for day in days if days.count(day) > 1})
    if twice:
        raise PydanticCustomError(
            "handover_days_twice", "{days}日写了不止一次：每月的移交日各写一次，如 [5, 20]（每月5日、20日各移交一批）",
            {"days": "、".join(map(str, twice))})
    return days


HandoverDays = Annotated[list[MonthDay], AfterValidator(_different_days)]


class Organisation(CatalogModel):
    """The bureau itself."""

    name: Text = Field(alias="名称", title="机关名称")
    division_code: Text = Field(alias="区划代码", pattern=r"^[0-9]{6}([0-9]{3})?$", title="行政区划代码",
                               description="县级机关6位、乡镇人民政府9位数字，加引号")
    address: Text | None = Field(None, alias="地址", title="地址")
    postcode: Text | None = Field(None, alias="邮编", title="邮编")
    contact: Text | None = Field(None, alias="联系人", title="联系人")
    phone: Text | None = Field(None, alias="联系电话", title="联系电话")
    email: Text | None = Field(None, alias="电子邮箱", title="电子邮箱")
    website: WebAddress | None = Field(None, alias="网站", title="网站地址", description="http:// 或 https:// 开头")


class Domain(CatalogModel):
    """A business area (领域) of the standard directory."""

    name: Text = Field(alias="名称", title="领域名称")
    # directory/<代码>/ on the site: CON, AUX, NUL, PRN are no folder on the county's Windows server
    code: Annotated[str, AfterValidator(check_windows_name)] = Field(
        alias="代码", pattern=r"^[A-Z]{2,8}$", title="领域代码", description="大写字母，如 SHJZ")
    subject: Text | None = Field(
        None, alias="主题分类", title="门户主题分类", description="导出到县政府门户时用的主题分类，不填时为「领域/一级事项」"
    )

    @property
    def slug(self) -> str:
        return self.code.lower()


class Unit(CatalogModel):
    """A 股室 of the bureau or a 乡镇民政办."""

    id: ObjectId = Field(alias="编号", title="单位编号")
    name: Text = Field(alias="名称", title="单位名称")
    kind: UnitKind = Field(alias="类型", title="单位类型", description="股室、乡镇民政办或其他")
    division_code: Text | None = Field(None, alias="区划代码", pattern=r"^[0-9]{9}$", title="乡镇区划代码")
    phone: Text | None = Field(None, alias="联系电话", title="联系电话")
    blank_note: Text | None = Field(None, alias="空白说明", title="空白说明", description="乡镇页面没有公开信息时的说明")


class Leader(CatalogModel):
    """A leader of the bureau (领导信息, 《条例》第二十条第（二）项), also the spelling checked by inspect."""

    name: Text = Field(alias="姓名", title="姓名")
    title: Text = Field(alias="职务", title="职务", description="如：局长、党组书记")
    duties: Text | None = Field(None, alias="分工", title="工作分工")
    resume: Text | None = Field(None, alias="简历", title="简历")


class Recipient(CatalogModel):
    """A body that receives handovers (县档案馆, 县图书馆)."""

    id: ObjectId = Field(alias="编号", title="编号")
    name: Text = Field(alias="名称", title="名称")
    lists: bool | None = Field(
        None, alias="接收名单", title="接收公示名单",
        description="是否送交含个人信息的公示名单（true 或 false）。不写时：名称含「档案」的（档案馆，不对外开放，"
                    "完整保存）为 true；其他（图书馆对公众开放，公示期满后名单不得再公开）为 false，只送目录表登记",
    )

    @property
    def takes_lists(self) -> bool:
        """Whether the lists of people a batch carries go to this recipient (DOMAIN.md §12): the closed archive keeps the
        record complete; a body open to the public (the 图书馆's reading room) would show the names for good."""
        return self.lists if self.lists is not None else "档案" in self.name

    @property
    def short_name(self) -> str:
        """How a 备注 names it: 图书馆 for 安溪县图书馆, else its name."""
        return next((kind for kind in ("图书馆", "档案馆") if kind in self.name), self.name)


class HandoverSettings(CatalogModel):
    """The twice-monthly handover to the 两馆 (闽政办函〔2016〕42号)."""

    recipients: list[Recipient] = Field(alias="接收单位", min_length=1, title="接收单位")
    days: HandoverDays = Field(default=[5, 20], alias="移交日", min_length=1, title="每月移交日",
                                 description="每月的几日，1—31，如 [5, 20]；大于当月天数的（如31日）为当月最后一天")
    copies: int = Field(2, alias="份数", ge=1, le=10, title="份数")
    contact: Text | None = Field(None, alias="联系人", title="联系人")
    phone: Text | None = Field(None, alias="联系电话", title="联系电话")
    limit_workdays: int = Field(20, alias="时限工作日", ge=1, le=200, title="送交时限（工作日）")

    counts_are_numbers = numbers_not_true_or_false("copies", "limit_workdays")

    def clashing_recipients(self) -> list[tuple[int, str]]:
        """(position, 编号) of each recipient whose 编号 an earlier one already uses, capitals aside: each has a folder
        of that name in the batch, and DAG and dag are one folder on the Windows and macOS the 两馆 open it on."""
        seen: set[str] = set()
        found = []
        for index, recipient in enumerate(self.recipients):
            if recipient.id.casefold() in seen:
                found.append((index, recipient.id))
            seen.add(recipient.id.casefold())
        return found


class RequestDesk(CatalogModel):
    """Where and how the public applies for 依申请公开 (《条例》第二十九条)."""

    office: Text = Field(alias="受理机构", title="受理机构")
    address: Text | None = Field(None, alias="地址", title="地址")
    postcode: Text | None = Field(None, alias="邮编", title="邮编")
    phone: Text | None = Field(None, alias="电话", title="电话")
    fax: Text | None = Field(None, alias="传真", title="传真")
    email: Text | None = Field(None, alias="电子邮箱", title="电子邮箱")
    hours: Text | None = Field(None, alias="办公时间", title="办公时间")
    ways: list[Text] = Field(default_factory=list, alias="方式", title="申请方式")
    online: WebAddress | None = Field(
        None, alias="网上申请地址", title="网上申请地址", description="县政府依申请公开系统的网址，http(s):// 开头"
    )
    fee: Text | None = Field(None, alias="信息处理费", title="信息处理费说明", description="不填时按国办函〔2020〕109号写明")
    review_body: Text | None = Field(
        None, alias="复议机关", title="行政复议机关", description="如：安溪县人民政府"
    )
    court: Text | None = Field(None, alias="诉讼法院", title="行政诉讼管辖法院", description="如：安溪县人民法院")

    def unwritten(self, worded: bool = True) -> list[str]:
        """The keys of GUIDE_FIELDS not written (GK901); without *worded*, only those the 指南 has no words for in
        their place (what inspect names: the page lacks them)."""
        return [key for key, name in GUIDE_FIELDS if getattr(self, name) is None and (worded or name not in WORDED)]

    def missing_contacts(self) -> list[tuple[int, str, str]]:
        """(position in 方式, 方式, the key it needs) for each 申请方式 used through a contact that is not written: the
        指南 cannot say how to use it (it printed 「传真。」 and 「电子邮件。」 with no number or address)."""
        return [(index, way, WAY_CONTACTS[way][1]) for index, way in enumerate(self.ways)
                if way in WAY_CONTACTS and getattr(self, WAY_CONTACTS[way][0]) is None]

    @property
    def usable_ways(self) -> list[str]:
        """The 申请方式 the 指南 lists: those whose contact is written."""
        missing = {index for index, _, _ in self.missing_contacts()}
        return [way for index, way in enumerate(self.ways) if index not in missing]

    def said(self, office: str) -> RequestDesk:
        """The desk as the 指南, the 申请表 and the pages that send the public to it show it: a field that says nothing
        (「无」「待定」「——」) is left out as if not written (the 指南 printed 「办公时间：暂无」 and 「向无申请行政复议」),
        and so is such a 方式; a 受理机构 that says nothing is *office* (the bureau itself). GK901 names each one."""
        silent = self.silent_fields()
        ways = [way for way in self.ways if says_something(way)]
        if not silent and ways == self.ways:
            return self
        return self.model_copy(update={**{name: None for name in silent if name != "office"}, "ways": ways,
                                       "office": office if "office" in silent else self.office})

    def silent_fields(self) -> list[str]:
        """The fields written with words that say nothing (「无」「待定」「——」): 受理机构 ("office") and SAID_FIELDS."""
        return [name for name in ("office", *SAID_FIELDS)
                if getattr(self, name) is not None and not says_something(getattr(self, name))]


# The desk's fields the 指南 tells the public and has nothing in place of when not written (《条例》第十二条、第五十一条):
# (key in gongkai.yaml, field).
GUIDE_FIELDS = (("地址", "address"), ("电话", "phone"), ("电子邮箱", "email"), ("办公时间", "hours"),
                ("复议机关", "review_body"), ("诉讼法院", "court"))
# The fields the 指南 words otherwise when they say nothing: 受理机构 as the bureau's name, the remedies as 「本级人民政府」
# and 「有管辖权的人民法院」, the 信息处理费 as 国办函〔2020〕109号 has it (site/guide.py).
WORDED = frozenset({"office", "review_body", "court", "fee"})
# The desk's optional texts the 指南 prints as written (网上申请地址 is a web address, checked where it is read).
SAID_FIELDS = ("address", "postcode", "phone", "fax", "email", "hours", "fee", "review_body", "court")
# 申请方式 → (the RequestDesk field that says how to use it, its key in gongkai.yaml)
WAY_CONTACTS = {"网上申请": ("online", "网上申请地址"), "电子邮件": ("email", "电子邮箱"), "电子邮箱": ("email", "电子邮箱"),
                "传真": ("fax", "传真")}


class SiteSettings(CatalogModel):
    """Settings of the public website."""

    title: Text | None = Field(None, alias="标题", title="网站标题")
    intro: Text | None = Field(None, alias="说明", title="首页简介")
    base_url: ColumnAddress | None = Field(
        None, alias="基础地址", title="网站基础地址",
        description="本栏目在县政府门户网站上的地址，如 https://www.fjax.gov.cn/zwgk/zfxxgkzl/bmzfxxgk/mzj/",
    )
    show_scorecard: bool = Field(False, alias="公开考核表", title="在网站上公开考核表")


class Wording(CatalogModel):
    """A formulation the bureau no longer uses (严重表述错误), and what to write instead."""

    wrong: Text = Field(alias="错误", title="错误写法")
    right: Text | None = Field(None, alias="正确", title="正确写法")


class LintSettings(CatalogModel):
    """Settings of gongkai validate."""

    severity: dict[str, SeverityName] = Field(default_factory=dict, alias="严重程度", title="按规则调整严重程度")
    interpretation_days: int = Field(3, alias="解读时限工作日", ge=0, le=60, title="解读时限（工作日）")
    index_pattern: Text | None = Field(None, alias="索引号格式", title="索引号格式（正则表达式）")
    index_prefix: Text | None = Field(
        None, alias="索引号前缀", title="索引号前缀",
        description="本年还没有索引号时，新信息的索引号为「前缀-年份-00001」，如 350525-MZ",
    )
    wording: list[Wording] = Field(default_factory=list, alias="错误表述", title="错误表述", description="过时或错误的提法及正确写法")

    days_are_numbers = numbers_not_true_or_false("interpretation_days")


class Agency(CatalogModel):
    """The whole of gongkai.yaml."""

    org: Organisation = Field(alias="机关", title="机关")
    domains: list[Domain] = Field(alias="领域", min_length=1, title="领域")
    units: list[Unit] = Field(alias="单位", min_length=1, title="单位")
    handover: HandoverSettings = Field(alias="移交", title="移交两馆")
    requests: RequestDesk | None = Field(None, alias="依申请公开", title="依申请公开")
    leaders: list[Leader] = Field(default_factory=list, alias="领导", title="领导信息")
    adopted: Day | None = Field(
        None, alias="启用日期", title="启用日期", description="开始用 gongkai 登记的日期；此前公开的信息是手工送交的"
    )
    site: SiteSettings = Field(default_factory=lambda: SiteSettings.model_validate({}), alias="网站", title="网站")
    lint: LintSettings = Field(default_factory=lambda: LintSettings.model_validate({}), alias="检查", title="检查设置")

    @property
    def named_leaders(self) -> list[Leader]:
        """The leaders 领导信息 lists: a 姓名 or 职务 that says nothing (「待定」「无」) names no one (GK905)."""
        return [leader for leader in self.leaders if says_something(leader.name) and says_something(leader.title)]

    def unit(self, unit_id: str) -> Unit | None:
        """The unit with this id, if any."""
        return next((u for u in self.units if u.id == unit_id), None)

    def domain(self, name: str) -> Domain | None:
        """The 领域 with this name, if any."""
        return next((d for d in self.domains if d.name == name), None)
