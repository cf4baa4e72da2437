"""The county's annual-report roll-up: tables 二、三、四 summed over the departments, each department's 勾稽 check."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.county.review import CountyView
from gongkai.reports.annual import RESULTS, AnnualReport, Table2, Table3Row, check_balance, year_not_over
from gongkai.reports.render import TABLE4_GROUPS

BALANCED = "平衡"
NOT_SUMMED = "无法读取，没有计入汇总（表二、表三、表四少了该部门的数字）"


@dataclass
class Rollup:
    """The summed report (its problems are the sum's own check) and every department's check."""

    report: AnnualReport
    checks: list[tuple[str, str]]  # (department, 平衡 or what is wrong with its report: department_check; or NOT_SUMMED)
    missing_data: list[str]  # departments without annual/<year>.yaml (figures of table 二 only that file gives: 0 in the sum)

    @property
    def balanced(self) -> bool:
        """The sum balances and so does every department's own report."""
        return not self.report.problems and all(check == BALANCED for _, check in self.checks)


def roll_up(view: CountyView, title: str) -> Rollup:
    """Sum the readable departments' annual reports of the view's year."""
    reports = [(view.told_apart(d), d.annual) for d in view.readable if d.annual is not None]
    summed = AnnualReport(view.year, title, None, _table2([r for _, r in reports]), _table3([r for _, r in reports]),
                          _table4([r for _, r in reports]))
    summed.problems = check_balance(summed.table3) if summed.table3 else []
    # (each department's report is built without the day; the sum says it once, in its check sheet and on the screen)
    summed.notes = [note for note in (year_not_over(view.year, view.today),) if note]
    checks = [(name, department_check(r)) for name, r in reports]
    # a department that could not be read is in none of the sums: said where the sums are, not only on the scorecard
    checks += [(d.name, f"{NOT_SUMMED}：{d.problem}") for d in view.unreadable]
    missing = [name for name, r in reports if r.data is None]
    return Rollup(summed, checks, missing)


def department_check(report: AnnualReport) -> str:
    """平衡, or every problem of the department's own report: a register file that cannot be read, a request
    registered twice, a lawsuit without its route leave table 三 balanced and its figures wrong all the same."""
    return "；".join(report.problems) or BALANCED


def _add(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def _table2(reports: list[AnnualReport]) -> Table2:
    """The sum over the departments; one without annual/<year>.yaml adds nothing to the figures only that file gives
    (it is named in missing_data)."""
    regulations, normative, licensing, penalty, enforcement, fees = (0, 0, 0), (0, 0, 0), 0, 0, 0, 0.0
    for report in reports:
        t = report.table2
        regulations, normative = _add(regulations, t.regulations or (0, 0, 0)), _add(normative, t.normative)
        licensing, penalty = licensing + (t.licensing or 0), penalty + (t.penalty or 0)
        enforcement, fees = enforcement + (t.enforcement or 0), round(fees + (t.fees or 0.0), 4)
    return Table2(regulations, normative, licensing, penalty, enforcement, fees)


def _table3(reports: list[AnnualReport]) -> list[Table3Row]:
    """Row by row (every report has the same rows in the same order), column by column."""
    if not reports:
        return []
    rows = []
    for index, first in enumerate(reports[0].table3):
        counts = None
        if first.counts is not None:
            counts = {k: sum((r.table3[index].counts or {}).get(k, 0) for r in reports) for k in first.counts}
        rows.append(Table3Row(first.number, first.label, first.depth, counts))
    return rows


def _table4(reports: list[AnnualReport]) -> dict[str, dict[str, int]]:
    total = {group: dict.fromkeys((*RESULTS, "总计"), 0) for group in TABLE4_GROUPS}
    for report in reports:
        for group, results in report.table4.items():
            into = total.setdefault(group, {})
            for result, count in results.items():
                into[result] = into.get(result, 0) + count
    return total
