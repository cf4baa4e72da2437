"""The yearly website inspection's result (gongkai inspect, 国办秘函〔2019〕19号) in the county scorecard.

Each department's catalog is inspected as it stands on the day, without its built site (the county office does not
have the departments' sites), so the link checks are left 未检查 and only the other indicators count.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gongkai.catalog import Catalog
from gongkai.errors import UsageProblem
from gongkai.inspect import inspect_catalog
from gongkai.inspect.sheet import Status
from gongkai.inspect.yearly import ANNUAL_REPORT


@dataclass(frozen=True)
class Inspection:
    """A department's inspection result: passed or not, its score (of 100), the 单项否决 items it failed."""

    passed: bool
    score: float | None
    vetoes: int
    problem: str | None = None  # why it could not be inspected (the department's inspect.yaml is wrong)
    annual_late: str | None = None  # last year's 年报 not on the web by 31 January: what inspect found, in its words

    @property
    def text(self) -> str:
        """合格（97分） / 不合格（95分，单项否决 1 项） / 无法检查：…, for tables."""
        if self.problem:
            return f"无法检查：{self.problem}"
        points = f"{self.score:g}分" if self.score is not None else ""
        if self.passed:
            return f"合格（{points}）" if points else "合格"
        reasons = [r for r in (points, f"单项否决 {self.vetoes} 项" if self.vetoes else "") if r]
        return f"不合格（{'，'.join(reasons)}）" if reasons else "不合格"


def inspection_of(catalog: Catalog, today: dt.date) -> Inspection:
    """The department's inspection as of *today* (gongkai inspect, links not checked)."""
    try:
        sheet = inspect_catalog(catalog, today)
    except UsageProblem as exc:
        return Inspection(False, None, 0, str(exc))
    # the 年报 is a department's own duty the county office chases (《条例》第四十九条): said by name, not only as points
    late = [e.text for d in sheet.deductions if d.key == ANNUAL_REPORT and d.status is Status.FAIL for e in d.evidence]
    return Inspection(sheet.passed, sheet.score, len(sheet.failed_vetoes), annual_late=late[0] if late else None)
