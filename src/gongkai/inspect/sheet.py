"""The score sheet: each 单项否决 item 通过 / 不通过 with its evidence, each 扣分 item with its points."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum

SCHEMA = "gongkai.inspect/1"


class Status(str, Enum):
    """How one check came out."""

    PASS = "pass"
    FAIL = "fail"
    UNCHECKED = "unchecked"  # gongkai could not check it (no built site, no git history …): the note says why

    @property
    def label(self) -> str:
        return {"pass": "通过", "fail": "不通过", "unchecked": "未检查"}[self.value]


@dataclass(frozen=True)
class Evidence:
    """One thing found: what, and where (the item's or record's id; the catalog file or the site page)."""

    text: str
    object_id: str | None = None
    path: str | None = None


@dataclass
class Check:
    """One line of the sheet: a 否决 item, a warning, or a rule of the monitoring profile."""

    key: str  # stable English name, e.g. "stale-columns"
    indicator: str  # 一级指标 as the indicator names it, e.g. 栏目不更新
    point: str  # 考察点
    rule: str  # 判定标准, e.g. "累计≥5个即单项否决"
    source: str
    status: Status
    evidence: list[Evidence] = field(default_factory=list)
    count: int = 0
    note: str | None = None  # what could not be checked, and why


def points_of(value: float) -> float:
    """Points as inspect.yaml writes them, without the binary float's tail (0.1 × 3 is 0.3, not 0.30000000000000004):
    the sheet's JSON shows them, and the score is compared with the 合格分."""
    return round(value, 6)


@dataclass
class Deduction(Check):
    """A 扣分 item: the points it may take and the points it took."""

    full: float = 0
    points: float = 0


@dataclass(frozen=True)
class Figure:
    """One row of the 政府网站工作年度报表 figures."""

    group: str
    label: str
    value: float | int | None
    unit: str


@dataclass
class Figures:
    """The figures gongkai can give for the 政府网站工作年度报表 of one year."""

    year: int
    source: str
    rows: list[Figure] = field(default_factory=list)


@dataclass
class Sheet:
    """The whole result of gongkai inspect on one day."""

    agency: str
    today: dt.date
    name: str
    basis: str
    custom: bool  # the catalog's inspect.yaml changed the thresholds
    full: float
    pass_mark: float
    vetoes: list[Check]
    deductions: list[Deduction]
    warnings: list[Check]
    figures: Figures
    monitoring: list[Check] | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        return max(points_of(self.full - sum(d.points for d in self.deductions)), 0)

    @property
    def failed_vetoes(self) -> list[Check]:
        return [v for v in self.vetoes if v.status is Status.FAIL]

    @property
    def passed(self) -> bool:
        """合格: no 单项否决 item fails and the 扣分 score reaches the pass mark."""
        return not self.failed_vetoes and self.score >= self.pass_mark

    @property
    def verdict(self) -> str:
        return "合格" if self.passed else "不合格"
