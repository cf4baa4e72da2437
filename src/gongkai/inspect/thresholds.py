"""The indicators' thresholds: thresholds.yaml shipped with gongkai, overridden key by key by the catalog's inspect.yaml.

The numbers are law in data (国办秘函〔2019〕19号), so a province's own rules are a file change, never a code change.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources
from typing import Annotated, Any

from pydantic import AfterValidator, Field, ValidationError
from pydantic_core import PydanticCustomError

from gongkai.catalog import Catalog
from gongkai.catalog.decode import decode_raw
from gongkai.catalog.invisible import RawColumns, remove
from gongkai.catalog.schema_errors import explain_errors
from gongkai.catalog.yamlio import YamlFailure, parse_fast, parse_positional, position
from gongkai.errors import UsageProblem
from gongkai.inspect.clock import UNITS, Span, parse_span
from gongkai.inspect.sheet import Deduction, Evidence, Status, points_of
from gongkai.model.base import CatalogModel, Text
from gongkai.model.item import ColumnKind, LawCategory

OVERRIDE = "inspect.yaml"  # in the catalog folder


def _span(value: str) -> str:
    if parse_span(value) is None:
        raise PydanticCustomError("span", "时间长度应写成数字加{units}，如 2周、6个月，而不是「{value}」",
                                  {"units": UNITS, "value": value})
    return value


SpanText = Annotated[str, AfterValidator(_span)]
CUSTOM_ERRORS = ("span", "month_day")  # errors whose own message names the value (explain_errors does not know them)


def _month_day(value: str) -> str:
    """A day of every year: 02-30, 04-31 and 02-29 (missing three years in four) are refused."""
    month, day = (int(p) for p in value.split("-"))
    try:
        dt.date(2001, month, day)
    except ValueError:
        raise PydanticCustomError("month_day", "应是每年都有的日期（月-日，如 01-31），而不是「{value}」",
                                  {"value": value}) from None
    return value


MonthDay = Annotated[str, Field(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"), AfterValidator(_month_day)]


class Columns(CatalogModel):
    """栏目不更新: how often each kind of column must be updated, and the 否决 counts."""

    source: Text = Field(alias="依据")
    windows: dict[ColumnKind, SpanText] = Field(alias="周期")
    veto_kinds: list[ColumnKind] = Field(alias="否决类型")
    stale_veto: int = Field(alias="未按期更新否决", ge=1)
    overdue_veto: int = Field(alias="应更新未更新否决", ge=1)
    blank_veto: int = Field(alias="空白栏目否决", ge=1)

    def window(self, kind: str) -> Span | None:
        text = self.windows.get(kind)
        return parse_span(text) if text else None


class KindRule(CatalogModel):
    """栏目类型推定: an item whose name holds one of the words is of this kind, the words of 排除 taken out first
    (「动态」 is news in 「民政工作动态」, not in 「低保对象动态管理」)."""

    kind: ColumnKind = Field(alias="类型")
    words: list[Text] = Field(alias="关键词", min_length=1)
    unless: list[Text] = Field(default_factory=list, alias="排除")

    def matches(self, name: str) -> bool:
        for word in self.unless:
            name = name.replace(word, "")
        return any(word in name for word in self.words)


class Interaction(CatalogModel):
    """互动回应差."""

    source: Text = Field(alias="依据")
    months: int = Field(alias="未回应月数", ge=1, le=24)
    lookback: int = Field(alias="回看月数", ge=1, le=60)


class Element(CatalogModel):
    """A key element of a 办事指南 and the words that name it in a 正文."""

    name: Text = Field(alias="名称")
    words: list[Text] = Field(alias="写法", min_length=1)
    by_title: bool = Field(False, alias="题名可代")  # a title such as 「婚姻登记办事指南」 names the matter itself


class Service(CatalogModel):
    """服务不实用."""

    source: Text = Field(alias="依据")
    veto_missing: int = Field(alias="缺失类别否决", ge=1)
    elements: list[Element] = Field(alias="要素", min_length=1)


class Dating(CatalogModel):
    """伪造发稿日期."""

    source: Text = Field(alias="依据")
    workdays: int = Field(alias="允许工作日", ge=0, le=60)


class Wording(CatalogModel):
    """严重表述错误."""

    source: Text = Field(alias="依据")


class Budget(CatalogModel):
    """财政预决算: the days this year's 预算 and last year's 决算 are due in the column (a warning)."""

    source: Text = Field(alias="依据")
    budget_due: MonthDay = Field(alias="预算公开截止")
    accounts_due: MonthDay = Field(alias="决算公开截止")


class Burst(CatalogModel):
    """突击更新 (a warning)."""

    source: Text = Field(alias="依据")
    count: int = Field(alias="条数", ge=2)
    silence_days: int = Field(alias="沉寂天数", ge=1)


class Points(CatalogModel):
    """One 扣分 item: points per finding, at most a cap."""

    name: Text = Field(alias="名称")
    source: Text = Field(alias="依据")
    each: float = Field(alias="每个", ge=0)
    cap: float = Field(alias="最多", ge=0)

    def deduction(self, key: str, indicator: str, evidence: list[Evidence], note: str | None = None,
                  checked: bool = True) -> Deduction:
        """The 扣分 line for *evidence*: each finding takes 每个 points, all together at most 最多."""
        status = Status.UNCHECKED if not checked else Status.FAIL if evidence else Status.PASS
        return Deduction(key, indicator, self.name, f"每个扣{self.each:g}分，最多扣{self.cap:g}分", self.source, status,
                         evidence, len(evidence), note, full=self.cap,
                         points=points_of(min(self.each * len(evidence), self.cap)))


class Deductions(CatalogModel):
    links: Points = Field(alias="错链")
    attachments: Points = Field(alias="附件")
    interpretation: Points = Field(alias="解读")
    guides: Points = Field(alias="办事指南")
    annual: Points = Field(alias="年报")


class RequiredCategory(CatalogModel):
    """A category of 法定主动公开内容 every department publishes, and why."""

    name: LawCategory = Field(alias="类别")
    why: Text = Field(alias="说明")


class LawCategories(CatalogModel):
    """法定主动公开内容 by the department's duties (a warning)."""

    source: Text = Field(alias="依据")
    required: list[RequiredCategory] = Field(alias="必有")


class Monitoring(CatalogModel):
    """The optional 基层 monitoring profile."""

    enabled: bool = Field(alias="启用")
    source: Text = Field(alias="依据")
    months: int = Field(alias="统计月数", ge=1, le=60)
    minimum: int = Field(alias="最少条数", ge=1)
    since_days: int = Field(alias="距今最长天数", ge=1)
    gap_days: int = Field(alias="间隔最长天数", ge=1)


class Thresholds(CatalogModel):
    """All of thresholds.yaml."""

    name: Text = Field(alias="名称")
    basis: Text = Field(alias="依据")
    full: float = Field(alias="满分", gt=0)
    pass_mark: float = Field(alias="合格分", ge=0)
    columns: Columns = Field(alias="栏目更新")
    kind_rules: list[KindRule] = Field(alias="栏目类型推定")
    interaction: Interaction = Field(alias="互动回应")
    service: Service = Field(alias="服务实用")
    dating: Dating = Field(alias="发稿日期")
    wording: Wording = Field(alias="严重表述错误")
    burst: Burst = Field(alias="突击更新")
    deductions: Deductions = Field(alias="扣分")
    budget: Budget = Field(alias="预决算")
    annual_due: MonthDay = Field(alias="年报截止")
    law: LawCategories = Field(alias="法定类别")
    monitoring: Monitoring = Field(alias="基层监测")


@cache
def _packaged() -> dict[str, Any]:
    text = resources.files("gongkai.inspect").joinpath("thresholds.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = parse_fast(text)
    return data


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """*base* with *override* laid over it key by key (mappings merge, everything else replaces)."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


def load_thresholds(catalog: Catalog | None = None) -> tuple[Thresholds, bool]:
    """The thresholds in force for *catalog* and whether its inspect.yaml changed any; UsageProblem when it is wrong."""
    data = _packaged()
    if catalog is None or not catalog.source.exists(OVERRIDE):
        return Thresholds.model_validate(data), False
    text, columns = _override_text(catalog.source.read(OVERRIDE))
    try:
        return Thresholds.model_validate(merge(data, _override_mapping(text, columns))), True
    except ValidationError as exc:
        raise UsageProblem(_explain(exc, text, columns)) from None


def _at(line: int, column: int, message: str, hint: str, columns: RawColumns | None = None) -> UsageProblem:
    """The problem at *line* and *column* of the text read (*columns*: as Notepad counts them in the file)."""
    column = columns.column(line, column) if columns else column
    return UsageProblem(f"{OVERRIDE}:{line}:{column}：{message}。{hint}")


def _override_text(data: bytes) -> tuple[str, RawColumns | None]:
    """The text of inspect.yaml without invisible characters, and how its columns shift where it held one."""
    raw, problem = decode_raw(data)
    if problem is not None or raw is None:
        raise _at(problem.line, problem.column, problem.message, problem.hint) if problem else _at(1, 1, "无法读取", "")
    text = remove(raw)
    return text, (RawColumns(raw) if text != raw else None)


def _override_mapping(text: str, columns: RawColumns | None) -> dict[str, Any]:
    try:
        override = parse_fast(text)
    except YamlFailure as failure:
        p = failure.problem
        raise _at(p.line, p.column, p.message, p.hint, columns) from None
    if not isinstance(override, dict):
        raise _at(1, 1, "内容应为若干「键: 值」", "键与 gongkai 自带的检查指标文件（见 README「年度检查」）相同，只写要改的项。")
    return override


def _explain(exc: ValidationError, text: str, columns: RawColumns | None) -> str:
    tree = parse_positional(text)
    errors = {tuple(e["loc"]): e for e in exc.errors(include_url=False)}  # a wrong key is one note for two errors
    lines = []
    for note in explain_errors(exc, Thresholds):
        line, column = position(tree, note.field, prefer_key=note.code == "GK102" or note.at_key)
        error = errors.get(note.field)
        custom = error is not None and error["type"] in CUSTOM_ERRORS
        message = f"「{note.field[-1]}」{error['msg']}" if error is not None and custom else note.message
        column = columns.column(line, column) if columns else column
        lines.append(f"{OVERRIDE}:{line}:{column}：{message}。{note.hint}")
    return "\n".join(lines)
