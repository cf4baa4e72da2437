"""gongkai import xlsx as a library call: read the table (xlsx, xls or csv), plan the change, or say why not."""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.catalog import Catalog
from gongkai.interchange.base import read_base
from gongkai.interchange.plan import ImportPlan, plan_import
from gongkai.interchange.read import WHOLE_FILE, ImportProblem, Row, read_workbook
from gongkai.privacy.detect import KINDS
from gongkai.privacy.mask import mask_text
from gongkai.privacy.scan import allowed_of


def import_xlsx(catalog: Catalog, data: bytes, overwrite_invalid: bool = False, name: str = "",
                own_export: bool = True) -> ImportPlan:
    """The change an xlsx or xls workbook, or a csv file, makes to the catalog's items; any error (with its cell) stops
    all of it. *name* is the file's name: a csv's one sheet is named after it (directory!C3). *own_export* False: the
    workbook cannot be one this catalog exported (a new catalog's, started from a neighbour's exported table), so what
    that export recorded is no base here — else every row was 「事项文件被删去了」 and to be deleted from the table."""
    domains = [d.name for d in catalog.agency.domains] if catalog.agency else []
    reading = read_workbook(data, domains, name)
    allowed = allowed_of(catalog.agency)
    reading.problems.extend(problem for row in reading.rows for problem in _personal_data(row, allowed))
    plan = ImportPlan(layouts=reading.layouts)
    if not any(not p.warning for p in reading.problems):
        plan = plan_import(catalog, reading.rows, overwrite_invalid, read_base(data) if own_export else {})
        plan.layouts = reading.layouts
        plan.rows_read, plan.item_rows = reading.rows_read, len(reading.rows)
        if not reading.rows:
            plan.problems.append(ImportProblem(WHOLE_FILE, "表格中没有找到任何事项行"))
    plan.problems = _once(reading.problems + plan.problems)
    if plan.errors:
        plan.changes = []  # all rows or none
    return plan


def _personal_data(row: Row, allowed: frozenset[str]) -> Iterator[ImportProblem]:
    """A warning at each cell holding unmasked personal data: it is imported as typed (nothing is lost), and named
    here at the cell the clerk typed it in, not only later by validate at a line of a YAML file."""
    for key, text in row.cells.items():
        found = mask_text(text, allowed)[1]
        if found:
            listed = "、".join(f"{KINDS[kind]}「{masked}」" for kind, masked in found)
            yield ImportProblem(row.ref(key), f"含有未遮盖的个人信息：{listed}；公开前须遮盖（gongkai mask），"
                                              "否则 gongkai validate 报错、不能发布", warning=True)


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
