"""gongkai import xlsx as a library call: read the table, plan the change, or say why not."""

from __future__ import annotations

from gongkai.catalog import Catalog
from gongkai.interchange.plan import ImportPlan, plan_import
from gongkai.interchange.read import ImportProblem, read_workbook


def import_xlsx(catalog: Catalog, data: bytes) -> ImportPlan:
    """The change the workbook makes to the catalog's items; problems (with cells) stop all of it."""
    domains = [d.name for d in catalog.agency.domains] if catalog.agency else []
    rows, problems = read_workbook(data, domains)
    if problems:
        return ImportPlan(problems=problems)
    plan = plan_import(catalog, rows)
    if plan.problems:
        return ImportPlan(problems=plan.problems)
    if not rows:
        plan.problems.append(_empty())
    return plan


def _empty() -> ImportProblem:
    return ImportProblem("（文件）", "表格中没有找到任何事项行")
