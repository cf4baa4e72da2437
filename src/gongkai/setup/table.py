"""gongkai init --from-xlsx: the bureau's own published directory table, read by the same importer as import xlsx."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from gongkai.authoring import document
from gongkai.catalog import load_catalog
from gongkai.errors import UsageProblem
from gongkai.files_io import write_atomic
from gongkai.interchange.importing import import_xlsx
from gongkai.interchange.plan import ImportPlan
from gongkai.interchange.read import WHOLE_FILE, read_workbook
from gongkai.interchange.write import apply_plan
from gongkai.model import Item, Unit
from gongkai.model.agency import Domain
from gongkai.setup.guidelines import guideline_for, guidelines
from gongkai.setup.resolve import Setup
from gongkai.setup.scaffold import mark_blank


def for_table(setup: Setup, data: bytes, name: str = "目录表") -> Setup:
    """*setup* with the 领域 the table's rows belong to (and a 股室 for each), and nothing seeded from guidelines.

    A table that is not a workbook at all is refused for what it is (*name* is its file name). When nothing in the
    table names a 领域 and the clerk named exactly one (--domain), every row is of that one.
    """
    given = {d.name: d for d in setup.domains}
    known = {g.domain: Domain.model_validate({"名称": g.domain, "代码": g.code}) for g in guidelines()}
    known.update(given)
    reading = read_workbook(data, list(known))
    unreadable = [p.message for p in reading.problems if p.cell == WHOLE_FILE and not p.warning]
    if unreadable:
        raise UsageProblem(f"{name}：{'；'.join(unreadable)}")
    used = list(dict.fromkeys(row.domain for row in reading.rows if row.domain))
    if not used and len(given) == 1:
        used = list(dict.fromkeys(row.domain for row in read_workbook(data, list(given)).rows if row.domain))
    errors = [p for p in reading.problems if not p.warning]
    if not used and errors:  # nothing read because the table is wrong: say where, not that no 领域 was found
        cells = "\n  ".join(f"{p.cell}: {p.message}" for p in errors)
        raise UsageProblem(f"{name}有 {len(errors)} 处错误，没有建立目录：\n  {cells}\n改正表格后重新运行 gongkai init。")
    if not used:
        raise UsageProblem("表格中找不到任何领域：请用 --domain 名称=代码（如 --domain 社会救助=SHJZ）写明表格中的领域；"
                           "工作表名称、标题行或「领域」列中写有领域名称时会自动认出。")
    domains = [known[name] for name in used] + [d for name, d in given.items() if name not in used]
    units = list(setup.units)
    for name in used:
        guideline = guideline_for(name)
        if any(name in u.name for u in units) or (guideline is None and setup.answers.units):
            continue  # the bureau's own 股室 named: validate asks for a 责任单位 where none fits
        # As for a guideline's 领域: a 股室 named after it, so that every imported item has its 责任单位.
        unit_id, unit_name = (guideline.unit.id, guideline.unit.name) if guideline else (f"{known[name].slug}g", f"{name}股")
        units.insert(1, Unit.model_validate({"编号": unit_id, "名称": unit_name, "类型": "股室"}))
    return replace(setup, domains=domains, units=units, seeds=[])


def import_table(root: Path, data: bytes, adopted: dt.date) -> ImportPlan:
    """Import the table into the new catalog at *root*; every row or none (UsageProblem naming the cells)."""
    catalog = load_catalog(root, use_cache=False)
    plan = import_xlsx(catalog, data)
    if plan.errors:
        cells = "\n  ".join(f"{p.cell}: {p.message}" for p in plan.errors)
        raise UsageProblem(f"目录表有 {len(plan.errors)} 处错误，没有建立目录：\n  {cells}\n改正表格后重新运行 gongkai init。")
    apply_plan(root, catalog, plan)
    for change in plan.added:
        _mark(root / change.path, adopted)
    return plan


def _mark(path: Path, adopted: dt.date) -> None:
    """Give an imported item the generated 空白说明 when it needs one (when it is valid enough to tell)."""
    tree = document.load(path.read_text(encoding="utf-8"))
    try:
        item = Item.model_validate(dict(tree))
    except ValueError:
        return  # validate will point at what the table lacked
    if mark_blank(tree, item, adopted):
        write_atomic(path, document.dump(tree))
