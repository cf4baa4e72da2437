"""gongkai import xlsx as a library call: read the table (xlsx or xls), plan the change, or say why not."""

from __future__ import annotations

from gongkai.catalog import Catalog
from gongkai.interchange.plan import ImportPlan, plan_import
from gongkai.interchange.read import WHOLE_FILE, ImportProblem, read_workbook


def import_xlsx(catalog: Catalog, data: bytes, overwrite_invalid: bool = False) -> ImportPlan:
    """The change an xlsx or xls workbook makes to the catalog's items; any error (with its cell) stops all of it."""
    domains = [d.name for d in catalog.agency.domains] if catalog.agency else []
    reading = read_workbook(data, domains)
    plan = ImportPlan(layouts=reading.layouts)
    if not any(not p.warning for p in reading.problems):
        plan = plan_import(catalog, reading.rows, overwrite_invalid)
        plan.layouts = reading.layouts
        if not reading.rows:
            plan.problems.append(ImportProblem(WHOLE_FILE, "表格中没有找到任何事项行"))
    plan.problems = _once(reading.problems + plan.problems)
    if plan.errors:
        plan.changes = []  # all rows or none
    return plan


def _once(problems: list[ImportProblem]) -> list[ImportProblem]:
    """Errors as found; a warning repeated row after row is shown once, at its first cell, naming the others."""
    repeats: dict[str, list[str]] = {}
    for problem in problems:
        if problem.warning:
            cells = repeats.setdefault(problem.message, [])
            if problem.cell not in cells:
                cells.append(problem.cell)
    kept = []
    for problem in problems:
        if not problem.warning:
            kept.append(problem)
            continue
        if problem.message not in repeats:
            continue
        cells = repeats.pop(problem.message)
        more = cells[1:]
        note = f"（同样的还有 {len(more)} 处：{'、'.join(more[:5])}{'……' if len(more) > 5 else ''}）" if more else ""
        kept.append(ImportProblem(problem.cell, problem.message + note, warning=True))
    return kept
