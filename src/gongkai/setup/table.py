"""gongkai init --from-xlsx: the bureau's own published directory table, read by the same importer as import xlsx."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

from gongkai.authoring import document
from gongkai.catalog import Catalog, load_catalog
from gongkai.errors import UsageProblem
from gongkai.files_io import write_atomic
from gongkai.interchange.convert import unit_of
from gongkai.interchange.importing import import_xlsx
from gongkai.interchange.plan import ImportPlan
from gongkai.interchange.read import WHOLE_FILE, ImportProblem, names_a_domain, read_workbook
from gongkai.interchange.write import apply_plan
from gongkai.model import Item, Unit
from gongkai.model.agency import Domain
from gongkai.setup.agency_file import another_day_note
from gongkai.setup.divisions import County, other_counties_in
from gongkai.setup.guidelines import guideline_for, guidelines
from gongkai.setup.resolve import Setup, domain_code, unit_code
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
    rows = reading.rows
    used = list(dict.fromkeys(row.domain for row in rows if row.domain))
    # The others were read: these sheets are 领域 of the bureau's own, or name none (and would be filed under another
    # 领域; with one --domain named, a Sheet1 is of that one, as the importer takes it).
    unclear = [sheet for sheet in reading.undomained if names_a_domain(sheet) or len(given) != 1]
    if unclear and used:
        raise UsageProblem(_name_the_domains(name, unclear))
    if not used and len(given) == 1:
        rows = read_workbook(data, list(given)).rows
        used = list(dict.fromkeys(row.domain for row in rows if row.domain))
    errors = [p for p in reading.problems if not p.warning]
    if not used and errors:  # nothing read because the table is wrong: say where, not that no 领域 was found
        cells = "\n  ".join(f"{p.cell}: {p.message}" for p in errors)
        raise UsageProblem(f"{name}有 {len(errors)} 处错误，没有建立目录：\n  {cells}\n改正表格后重新运行 gongkai init。")
    if not used:
        raise UsageProblem("表格中找不到任何领域：请用 --domain 名称=代码（如 --domain 社会救助=SHJZ）写明表格中的领域；"
                           "工作表名称、标题行或「领域」列中写有领域名称时会自动认出。")
    domains = [known[domain] for domain in used] + [d for domain, d in given.items() if domain not in used]
    units = list(setup.units)
    for domain in used:
        guideline = guideline_for(domain)
        if any(domain in u.name for u in units) or (guideline is None and setup.answers.units):
            continue  # the bureau's own 股室 named: validate asks for a 责任单位 where none fits
        # As for a guideline's 领域: a 股室 named after it, so that every imported item has its 责任单位.
        unit_id, unit_name = (guideline.unit.id, guideline.unit.name) if guideline else (f"{known[domain].slug}g", f"{domain}股")
        units.insert(1, Unit.model_validate({"编号": unit_id, "名称": unit_name, "类型": "股室"}))
    by_name = {u.name: u.id for u in units}
    unknown = dict.fromkeys(row.cells["责任单位"] for row in rows if row.domain in used
                            and row.cells.get("责任单位") and unit_of(row.cells["责任单位"], by_name, setup.name) is None)
    if unknown:  # import would say 「先在 gongkai.yaml 的「单位」中加上它」, and there is no gongkai.yaml yet
        raise UsageProblem(_name_the_units(name, list(unknown), units))
    return replace(setup, domains=domains, units=units, seeds=[])


def _name_the_domains(name: str, sheets: list[str]) -> str:
    """What to add to the command for sheets named after a 领域 no guideline has (社会事务, 区划地名): --domain each;
    for sheets that name no 领域 (Sheet2), where to write it. Their rows were otherwise filed under another 领域."""
    named = [sheet for sheet in sheets if names_a_domain(sheet)]
    unnamed = [sheet for sheet in sheets if not names_a_domain(sheet)]
    said = []
    if named:
        options = " ".join(f"--domain {sheet}={domain_code(sheet)}" for sheet in named)
        said.append(f"工作表「{'」「'.join(named)}」不是标准指引中的领域（gongkai 自带的指引只有"
                    f"{'、'.join(g.domain for g in guidelines())}）。它们是本机关的领域时，在命令后面加上 {options}"
                    "（代码是事项编号的开头，用2—8个大写字母，可以改）；不需要的工作表请从表格中删去")
    if unnamed:
        said.append(f"工作表「{'」「'.join(unnamed)}」的名称和标题行都没有写领域：把工作表改名为它的领域（如「社会事务」，"
                    "不是标准指引中的领域时再加 --domain 社会事务=SHSW），或加一列「领域」")
    return f"表格「{name}」中：{'；'.join(said)}。没有建立目录。"


def _name_the_units(name: str, unknown: list[str], units: list[Unit]) -> str:
    """What to add for 责任单位 of the table that are none of the units init would write: --unit each (and the others)."""
    have = "、".join(f"{u.name}（{u.id}）" for u in units)
    return (f"表格「{name}」的「责任单位」列中有「{'」「'.join(unknown)}」，不是本机关的单位（{have}），没有建立目录。"
            "在命令后面用 --unit 编号=名称 写明本机关的全部股室（写了 --unit 时只设所写的股室，编号用小写字母，如 "
            f"--unit bgs=办公室 --unit {unit_code(unknown[0])}={unknown[0]}），或改正表格中的责任单位。")


def import_table(root: Path, data: bytes, adopted: dt.date, own: County) -> ImportPlan:
    """Import the table into the new catalog at *root*; every row or none (UsageProblem naming the cells).

    A table taken from a bureau of another county (a neighbour's export: its texts name a county other than *own*)
    speaks for that bureau: its 空白说明 (「安溪县救助管理站24小时求助电话……」) and 咨询电话 are its own. They are
    not published as this bureau's: each 空白说明 becomes the generated one (marked 待确认) and each 咨询电话 other
    than this bureau's is left out, said once; any other field naming another county is said at its row.
    """
    catalog = load_catalog(root, use_cache=False)
    plan = import_xlsx(catalog, data, own_export=False)  # the new catalog exported nothing: no base of its own
    if plan.errors:
        cells = "\n  ".join(f"{p.cell}: {p.message}" for p in plan.errors)
        raise UsageProblem(f"目录表有 {len(plan.errors)} 处错误，没有建立目录：\n  {cells}\n改正表格后重新运行 gongkai init。")
    apply_plan(root, catalog, plan)
    trees = {change.path: document.load((root / change.path).read_text(encoding="utf-8")) for change in plan.added}
    foreign = {(change.source, change.path, key): names for change in plan.added
               for key, value in trees[change.path].items()
               if (names := other_counties_in(" ".join(_texts(value)), own))}
    theirs = _numbers_of(catalog) if foreign else None
    notes, phones = 0, 0
    for path, tree in trees.items():
        notes += (stale := _theirs(tree, "空白说明", theirs is not None or another_day_note(tree.get("空白说明"), adopted)))
        phones += (dropped := _theirs(tree, "咨询电话", theirs is not None and tree.get("咨询电话") not in theirs))
        try:
            item = Item.model_validate(dict(tree))
        except ValueError:
            item = None  # validate will point at what the table lacked
        if (item is not None and mark_blank(tree, item, adopted)) or stale or dropped:
            write_atomic(root / path, document.dump(tree))
    if foreign:
        plan.problems.append(_another_county(next(iter(foreign)), foreign, notes, phones, own))
    plan.problems += [ImportProblem(row, f"「{key}」写的是「{'」「'.join(names)}」，不是{own.name}：这是别县的目录表中的内容，"
                                         f"请在 {path} 中改为本机关的", warning=True)
                      for (row, path, key), names in foreign.items() if key not in ("空白说明", "咨询电话")]
    return plan


def _theirs(tree: Any, key: str, drop: bool) -> bool:
    """Take *key* out of the item's *tree* when *drop* says it is not this bureau's; True when it was there."""
    if drop and key in tree:
        del tree[key]
        return True
    return False


def _numbers_of(catalog: Catalog) -> set[str]:
    """The bureau's own phone numbers (its own and its units', as init wrote them): a 咨询电话 it may keep."""
    agency = catalog.agency
    if agency is None:
        return set()
    return {n for n in (agency.org.phone, agency.requests.phone if agency.requests else None,
                        *(u.phone for u in agency.units)) if n}


def _another_county(first: tuple[str, str, str], foreign: dict[tuple[str, str, str], list[str]], notes: int,
                    phones: int, own: County) -> ImportProblem:
    """One word for a table of another county's bureau: what was not taken as this bureau's, and where it showed."""
    names = "」「".join(dict.fromkeys(name for found in foreign.values() for name in found))
    row, _path, key = first
    dropped = "、".join(part for part in (f"{notes} 个事项的空白说明已改为本机关的通用空白说明（标「# 待确认」，不需要的删去）"
                                          if notes else "", f"{phones} 个事项的咨询电话已删去" if phones else "") if part)
    return ImportProblem(row, f"目录表写的是「{names}」（第一处：「{key}」），不是{own.name}，是别县机关的目录表："
                              f"{dropped or '其中没有空白说明和咨询电话'}——那是别县机关的情况和电话，不能作为本机关的公开。"
                              "请按本机关的实际情况填写（gongkai validate 列出待确认的空白说明）", warning=True)


def _texts(value: object) -> list[str]:
    """The texts of a field's value: itself, or each of a list's."""
    if isinstance(value, list):
        return [text for v in value for text in _texts(v)]
    return [value] if isinstance(value, str) else []
