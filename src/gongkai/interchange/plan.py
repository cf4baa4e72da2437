"""From table rows to a change of the catalog: match existing items, allocate ids, say what changes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gongkai.catalog import Catalog
from gongkai.interchange.convert import row_fields
from gongkai.interchange.infer import infer_five, infer_unit
from gongkai.interchange.read import ImportProblem, Row
from gongkai.model import Item

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


@dataclass
class Change:
    """One item the import adds or updates: its id, path, new field values and what was inferred."""

    item_id: str
    path: str
    fields: dict[str, Any]
    added: bool
    source: str
    changed: list[str] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)


@dataclass
class ImportPlan:
    """Every change the table makes, or the problems that stop it (all rows or none)."""

    changes: list[Change] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    unchanged: int = 0

    @property
    def added(self) -> list[Change]:
        return [c for c in self.changes if c.added]

    @property
    def updated(self) -> list[Change]:
        return [c for c in self.changes if not c.added]


def plan_import(catalog: Catalog, rows: list[Row]) -> ImportPlan:
    """Match each row to an existing item (by 编号, else by 领域+一级事项+二级事项) or allocate a new one."""
    plan = ImportPlan()
    agency = catalog.agency
    assert agency is not None
    units = {u.name: u.id for u in agency.units}
    by_name = {(i.domain, i.level1, i.level2 or ""): i for i in catalog.items.values()}
    taken = set(catalog.items)
    claimed: dict[str, str] = {}
    for row in rows:
        fields, problems = row_fields(row, units)
        plan.problems.extend(problems)
        if problems:
            continue
        existing = _match(fields, catalog, by_name, row, plan)
        item_id = existing.id if existing else _new_id(fields, row, agency, taken, plan)
        if item_id is None:
            continue
        if item_id in claimed:
            plan.problems.append(ImportProblem(row.ref("一级事项"), f"与 {claimed[item_id]} 行是同一事项（{item_id}），重复了"))
            continue
        claimed[item_id] = f"{row.sheet}!{row.number}"
        taken.add(item_id)
        change = _change(catalog, existing, item_id, fields, row)
        if change is None:
            plan.unchanged += 1
        else:
            plan.changes.append(change)
    return plan


def _match(fields: dict[str, Any], catalog: Catalog, by_name: dict[tuple[str, str, str], Item],
           row: Row, plan: ImportPlan) -> Item | None:
    given = fields.get("编号")
    if given:
        return catalog.items.get(given)
    return by_name.get((fields["领域"], fields.get("一级事项") or "", fields.get("二级事项") or ""))


def _new_id(fields: dict[str, Any], row: Row, agency: Any, taken: set[str], plan: ImportPlan) -> str | None:
    given = fields.get("编号")
    if given:
        if not _ID.match(given):
            plan.problems.append(ImportProblem(row.ref("编号"), f"编号「{given}」只能用英文字母、数字、-、_、."))
            return None
        return str(given)
    domain = agency.domain(fields["领域"])
    return next_item_id(domain.code, taken)


def next_item_id(code: str, taken: set[str]) -> str:
    """The next free id of a 领域: CODE-NNN after the highest number in use."""
    numbers = [int(i.rsplit("-", 1)[1]) for i in taken if re.fullmatch(rf"{code}-\d+", i)]
    return f"{code}-{max(numbers, default=0) + 1:03d}"


# Vocabulary lists whose order carries no meaning: the table prints them in a fixed order.
_UNORDERED = frozenset({"公开渠道", "公开层级"})


def _same(key: str, old: Any, new: Any) -> bool:
    if new == [] and not old:
        return True
    if key in _UNORDERED and isinstance(old, list) and isinstance(new, list):
        return sorted(old) == sorted(new)
    return bool(old == new)


def _change(catalog: Catalog, existing: Item | None, item_id: str, fields: dict[str, Any], row: Row) -> Change | None:
    source = f"{row.sheet}!{row.number}"
    fields = {k: v for k, v in fields.items() if v is not None}
    fields["编号"] = item_id
    if existing is not None:
        current = existing.model_dump(by_alias=True)
        changed = [k for k, v in fields.items() if not _same(k, current.get(k), v)]
        if not changed:
            return None
        path = catalog.path_of("item", item_id) or ""
        return Change(item_id, path, {k: fields[k] for k in changed}, False, source, changed)
    inferred: list[str] = []
    if "五公开" not in fields and (five := infer_five(fields)):
        fields["五公开"], inferred = five, inferred + ["五公开"]
    if "责任单位" not in fields and catalog.agency and (unit := infer_unit(fields["领域"], catalog.agency)):
        fields["责任单位"], inferred = unit, inferred + ["责任单位"]
    if not fields.get("其他渠道"):
        fields.pop("其他渠道", None)
    domain = catalog.agency.domain(fields["领域"]) if catalog.agency else None
    folder = domain.slug if domain else item_id.split("-")[0].lower()
    return Change(item_id, f"items/{folder}/{item_id}.yaml", fields, True, source, sorted(fields), inferred)
