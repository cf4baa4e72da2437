"""From table rows to a change of the catalog: match every item file (valid or not), allocate ids, diff values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gongkai.authoring.existing import ItemFile, item_files, named_by_records, next_item_id
from gongkai.catalog import Catalog
from gongkai.interchange.base import UNORDERED, digest
from gongkai.interchange.convert import LEVEL1_BLANK, row_fields
from gongkai.interchange.columns import SheetLayout, numbering, partial_columns
from gongkai.interchange.headers import headers
from gongkai.interchange.infer import infer_five, infer_unit
from gongkai.interchange.match import NAMES, Index, id_against_names, item_name, same_item, split_levels
from gongkai.interchange.read import ImportProblem, Row, shown
from gongkai.model import Item

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
# Lists an update may shorten only with --yes: losing one of these loses content.
DROP_KEYS = ("公开内容", "公开依据", "公开渠道", "其他渠道", "公开层级", "公开格式")


@dataclass(frozen=True)
class FieldChange:
    """One field an update changes: its value before and after."""

    key: str
    old: Any
    new: Any

    @property
    def removed(self) -> list[str]:
        """Elements the update takes away from a list field (empty for other fields); the old 领域 of an item the
        table moves to another (a 编号 under another 领域's sheet or title: a slip as often as a decision)."""
        if self.key == "领域":
            return [str(self.old)] if self.old and self.old != self.new else []
        if self.key not in DROP_KEYS or not isinstance(self.old, list):
            return []
        new = self.new if isinstance(self.new, list) else []
        return [str(v) for v in self.old if v not in new]


@dataclass
class Change:
    """One item the import adds or updates: id, path, the values to write, and what changes from what."""

    item_id: str
    path: str
    fields: dict[str, Any]
    added: bool
    source: str
    diffs: list[FieldChange] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)
    invalid: bool = False  # updates a file that fails validation (only with --overwrite-invalid)
    lacking: list[str] = field(default_factory=list)  # what a new item must have and the row gives not (validate refuses)
    revived: bool = False  # adds back an item the export had and whose file was deleted since (only with --yes)
    twin_of: ItemFile | None = None  # adds an item whose content is that of an item no row names: a rename? (--yes)

    @property
    def changed(self) -> list[str]:
        return [d.key for d in self.diffs]

    @property
    def drops(self) -> list[FieldChange]:
        return [d for d in self.diffs if d.removed]


@dataclass
class ImportPlan:
    """Every change the table makes, how its columns were read, and what stops or qualifies it."""

    changes: list[Change] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    layouts: list[SheetLayout] = field(default_factory=list)
    unchanged: int = 0
    skipped: int = 0
    absent: list[ItemFile] = field(default_factory=list)  # items of the table's 领域 no row names: kept, and said
    kept: list[tuple[str, str, FieldChange]] = field(default_factory=list)  # (id, path, edit): the file's edits since
    # the export that the table's cell, still as exported, would have undone: kept, and said
    rows_read: int = 0  # rows below the headers holding text, in the sheets read
    item_rows: int = 0  # of them, the rows read as items (the others: continuation lines, titles, notes, signatures)

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.warning]

    @property
    def added(self) -> list[Change]:
        return [c for c in self.changes if c.added]

    @property
    def updated(self) -> list[Change]:
        return [c for c in self.changes if not c.added]

    @property
    def drops(self) -> list[Change]:
        """Updates that take content away (fewer 公开依据, channels, levels …): they need --yes."""
        return [c for c in self.changes if c.drops]

    @property
    def twins(self) -> list[Change]:
        """New items that look like an unread item renamed (a second file of one item): they need --yes."""
        return [c for c in self.changes if c.twin_of is not None]

    @property
    def revived(self) -> list[Change]:
        """Items deleted since the export that the table's rows would add back: they need --yes."""
        return [c for c in self.changes if c.revived]


def plan_import(catalog: Catalog, rows: list[Row], overwrite_invalid: bool = False,
                base: dict[str, dict[str, str]] | None = None) -> ImportPlan:
    """Match each row to an item file (by 编号, else by 领域 and the 事项 names) or allocate a new id. *base* is what
    the export recorded of each item (base.read_base): a cell the table left as exported never undoes a later edit of
    the file, and a field both changed is a conflict."""
    plan = ImportPlan()
    agency = catalog.agency
    assert agency is not None
    units = {u.name: u.id for u in agency.units}
    domains = [d.name for d in agency.domains]
    index = Index(item_files(catalog), base=base or {})
    # a new row never takes the 编号 of an item deleted since: its records still name it, the exported table holds it
    index.taken |= named_by_records(catalog) | set(index.base)
    converted: list[tuple[Row, dict[str, Any]]] = []
    for row in rows:
        fields, problems = row_fields(row, units, domains, agency.org.name)
        plan.problems.extend(problems)
        if not any(not p.warning for p in problems):
            converted.append((row, fields))
    # a 编号 typed for a new item lower down is never given to a row above that leaves its 编号 blank
    index.taken |= {str(fields["编号"]) for _, fields in converted if fields.get("编号")}
    for row, fields in converted:
        index.domains.add(fields["领域"])
        _plan_row(catalog, row, fields, index, plan, overwrite_invalid)
    plan.absent = [f for f in index.files if f.key[0] in index.domains and f.path not in index.seen]
    for change in plan.added:
        _renamed(change, index.new_rows[change.item_id], plan)
    return plan


def _renamed(change: Change, row: Row, plan: ImportPlan) -> None:
    """A new row with the content of an item of its 领域 that no row names (its 二级事项 retyped in a table without
    编号, as the 政务公开办 sends it back): importing it adds a second file of that item, whose records stay under the
    old one, and leaves the old one as it was. Said at the name that differs; only --yes writes it."""
    given = [k for k in _REQUIRED if change.fields.get(k)]
    if change.revived or "公开内容" not in given:
        return
    twins = [f for f in plan.absent if f.key[0] == change.fields["领域"]
             and all(_same(k, f.values.get(k), change.fields[k]) for k in given)]
    if len(twins) != 1:
        return
    twin = change.twin_of = twins[0]
    differs = next((k for k in NAMES if item_name(change.fields.get(k)) != item_name(twin.values.get(k))), "一级事项")
    own = " / ".join(shown(str(twin.values[k])) for k in NAMES if twin.values.get(k))
    plan.problems.append(ImportProblem(row.ref(differs), (
        f"第{row.number}行除事项名称外与 {twin.item_id}「{own}」（{twin.path}）相同，而表格中没有读到 {twin.item_id} 的行：像是把它"
        f"改了名。导入会新增 {change.item_id}，{twin.item_id} 保持原样，同一事项有两个文件（它的信息仍归 {twin.item_id}）。"
        f"是改名的，请在这一行的「编号」列写 {twin.item_id}（表格没有编号列的，加一列「编号」）后重新导入；"
        "确是另一个新事项的，加 --yes 写入"), warning=True))


def _plan_row(catalog: Catalog, row: Row, fields: dict[str, Any], index: Index, plan: ImportPlan,
              overwrite_invalid: bool) -> None:
    if (split := split_levels(fields, row, index)) is not None:
        plan.problems.append(split)
    existing, matched = _match(fields, index, row, plan)
    if not matched:
        plan.skipped += 1
        return
    if existing is None and not fields.get("编号") and _same_names(fields, row, index, plan):
        return
    revived = existing is None and bool(gone := _deleted_since_export(fields, index))
    if revived:
        plan.problems.append(ImportProblem(row.ref("编号"), (
            f"编号「{gone}」的事项在导出表格时还在目录中，之后事项文件被删去了，表格中仍有这一行：会按表格重新建它"
            "（只有加 --yes 才会写入）；删去是对的，请在表格中删去这一行"), warning=True))
    if existing is None and not fields.get("一级事项"):  # a 编号 the catalog lacks: a new item, which needs its name
        plan.problems.append(ImportProblem(row.ref("一级事项"), (
            f"{LEVEL1_BLANK}；编号「{shown(str(fields.get('编号')))}」目录中没有，这一行是新事项")))
        return
    if existing is None:
        _blank_for_new(fields, row, plan)
    item_id = existing.item_id if existing else _new_id(catalog, fields, row, index, plan)
    if item_id is None:
        return
    names = tuple(k for k in NAMES if k in fields and not (k == "一级事项" and row.level1_above))
    if item_id in index.claimed:
        plan.problems.append(_copied_row(row, fields, existing, names, index) or
                             _claimed_twice(row, fields, item_id, index.claimed[item_id]))
        return
    index.claimed[item_id] = row.where
    if existing is not None and fields.get("编号") and fields.get("一级事项") and not same_item(existing, fields, names):
        index.renamed[item_id] = row.ref("编号")  # 编号 and names disagree: a rename, or a row copied with its 编号
    index.taken.add(item_id)
    if existing is None:
        plan.changes.append(_addition(catalog, item_id, fields, row))
        index.new_rows[item_id] = row
        plan.changes[-1].revived = revived
    else:
        if row.level1_above and fields.get("编号"):  # its own blank cell says 「不改」: never the name of the row above
            fields["一级事项"] = None
        if row.domain_above and fields.get("编号"):  # likewise never a move into the 领域 of the row above
            fields["领域"] = existing.values.get("领域")
        if fields.get("编号") and not any(v not in (None, [], "") for k, v in fields.items() if k not in ("领域", "编号")):
            plan.problems.append(ImportProblem(row.ref("编号"), (
                f"这一行除编号「{existing.item_id}」外都是空白（空白表示不改），{existing.item_id} 保持原样：要删去这个事项的，"
                "请在表格中删去这一行，再删去它的事项文件（gongkai validate 会指出还引用它的信息）；否则请补上这一行的内容"),
                warning=True))
        _keep_uncovered(fields, existing.values, partial_columns(row.cells))
        for key in ("一级事项", "二级事项", "三级事项"):  # the same name retyped: the file keeps its own spelling
            if fields.get(key) and item_name(fields[key]) == item_name(existing.values.get(key)):
                fields[key] = existing.values[key]
        # a file that fails validation is updated from the table only with --overwrite-invalid, which says 「the table's」
        exported = index.base.get(item_id, {}) if existing.model is not None else {}
        _update(catalog, existing, {**fields, "编号": item_id}, row, plan, overwrite_invalid, exported)


def _deleted_since_export(fields: dict[str, Any], index: Index) -> str | None:
    """The 编号 of a row whose item the export recorded and the catalog no longer has (its file deleted since): the
    table still holds the row, which would otherwise bring the item back as 「新增」 under its old 编号."""
    given = str(fields.get("编号") or "")
    if not given:
        return None
    return index.base_ids.get(given.casefold())


def _copied_row(row: Row, fields: dict[str, Any], existing: ItemFile | None, names: tuple[str, ...],
                index: Index) -> ImportProblem | None:
    """The row copied above its original to start a new item, 编号 left as it was: the earlier row took the 编号 under
    new names, this one holds the item's own names. The error belongs at the copy's 编号, not here: clearing this cell
    (as the message for a second row says) would leave the copy renaming the item."""
    if existing is None or not fields.get("编号") or existing.item_id not in index.renamed:
        return None
    if not fields.get("一级事项") or not same_item(existing, fields, names):
        return None
    copy = index.renamed[existing.item_id]
    own = " / ".join(shown(str(existing.values[k])) for k in NAMES if existing.values.get(k))
    return ImportProblem(copy, (
        f"编号「{existing.item_id}」是事项「{own}」（{existing.path}，即 {row.where}），这一行的事项名称却不同：复制别的行来"
        f"新增事项时，请清空这一格的编号（gongkai 自动编号）；确是把 {existing.item_id} 改名的，请删去 {row.where}"))


def _claimed_twice(row: Row, fields: dict[str, Any], item_id: str, first: str) -> ImportProblem:
    """A second row of one item: by its 编号 (a row copied to start a new item, its 编号 left as it was) or by name."""
    if fields.get("编号"):
        return ImportProblem(row.ref("编号"), (
            f"编号「{item_id}」与 {first} 相同：一个事项只能有一行。复制别的行来新增事项时，请清空这一格的编号（gongkai "
            "自动编号）；确是同一事项的，请删去其中一行"))
    return ImportProblem(row.ref("一级事项"), (
        f"与 {first} 是同一事项（{item_id}），重复了：请删去重复的一行；确是两个事项的，请写明不同的二级事项或三级事项"))


# What every item must have (五公开 and 责任单位 are inferred): for a new item, a blank cell of such a column is no
# 「不改」 as it is for an item the file holds, but a field the written file lacks, which validate then refuses.
_REQUIRED = ("公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式", "公开层级")


def _blank_for_new(fields: dict[str, Any], row: Row, plan: ImportPlan) -> None:
    """A warning at each blank cell of a required column in a row that adds an item: named here, at its cell, not
    only later by validate at a line of the YAML file."""
    names = " / ".join(str(fields[k]) for k in NAMES if fields.get(k))
    for key in _REQUIRED:
        if key in row.cells and not row.cells[key] and not fields.get(key):
            plan.problems.append(ImportProblem(row.ref(key), (
                f"「{shown(names)}」是新事项，{key}却是空白：写入的事项文件缺少{key}，gongkai validate 会报错、不能发布；"
                "请在表格中补填后再导入，或导入后在事项文件中补上"), warning=True))


def _keep_uncovered(fields: dict[str, Any], current: dict[str, Any], partial: dict[str, frozenset[str]]) -> None:
    """Options the table has no column for keep the file's value: a table with only 政府网站｜两微一端 columns says
    nothing about the 公示栏, one without a 乡级 column nothing about 乡级, one without 其他 nothing about 其他渠道."""
    for key, covered in partial.items():
        if key not in fields:
            continue
        old = current.get(key)
        kept = [str(v) for v in old if str(v) not in covered] if isinstance(old, list) else []
        names = headers().choices[key].names
        chosen = set(fields[key]) | set(kept)
        fields[key] = [n for n in names if n in chosen] + [v for v in kept if v not in names]
        if key == "公开渠道" and "其他" not in covered:  # no 其他 column: the file's 其他渠道 stay, beside any the table names
            old_extras = [str(v) for v in current.get("其他渠道") or []] if isinstance(current.get("其他渠道"), list) else []
            fields["其他渠道"] = old_extras + [e for e in fields.get("其他渠道", []) if e not in old_extras]


def _update(catalog: Catalog, existing: ItemFile, fields: dict[str, Any], row: Row, plan: ImportPlan,
            overwrite_invalid: bool, exported: dict[str, str]) -> None:
    """Update a file the row matches; a file that fails validation only with --overwrite-invalid."""
    diffs, kept = _against_base(existing, diff_fields(existing.values, fields), exported, row, plan)
    for diff in kept:  # the table holds the value as exported: the file's later edit stands
        fields[diff.key] = None
    if not diffs:
        plan.unchanged += 1
        plan.kept.extend((existing.item_id, existing.path, d) for d in kept)
        return
    if existing.model is not None:
        plan.changes.append(Change(existing.item_id, existing.path, {d.key: d.new for d in diffs}, False, row.where, diffs))
        plan.kept.extend((existing.item_id, existing.path, d) for d in kept)
        _warn_drops(plan.changes[-1], row, plan)
        return
    if not overwrite_invalid:
        plan.skipped += 1
        plan.problems.append(ImportProblem(row.ref("一级事项"), (
            f"对应的事项文件 {existing.path} 校验不通过（{shown(existing.problem or '')}），没有改动它："
            f"请先修正该文件（gongkai validate），或加 --overwrite-invalid 用表格内容更新它"), warning=True))
        return
    inferred = _infer(catalog, fields, existing.values)
    diffs = diff_fields(existing.values, fields)
    changed = {d.key: d.new for d in diffs}
    plan.changes.append(Change(existing.item_id, existing.path, changed, False, row.where, diffs, inferred, invalid=True))
    _warn_drops(plan.changes[-1], row, plan)


def _against_base(existing: ItemFile, diffs: list[FieldChange], exported: dict[str, str], row: Row,
                  plan: ImportPlan) -> tuple[list[FieldChange], list[FieldChange]]:
    """(the changes the table makes, the file's edits since the export that the table's old value would undo).

    With the export's record of a field: the table's value as exported means only the file changed (kept, said);
    the file's value as exported means only the table changed (an update); neither means both changed it since — a
    conflict, an error at the cell: gongkai does not choose between the clerk and the 政务公开办."""
    made, kept = [], []
    for diff in diffs:
        recorded = exported.get(diff.key)
        if recorded is None or digest(diff.key, diff.old) == recorded:
            made.append(diff)
        elif digest(diff.key, diff.new) == recorded:
            kept.append(diff)
        else:
            plan.problems.append(ImportProblem(row.ref(diff.key), (
                f"{existing.item_id} 的{diff.key}在导出表格之后两边都改了：事项文件 {existing.path} 中现在是"
                f"「{_value(diff.old)}」，表格中改为「{_value(diff.new)}」。gongkai 不替你选：要用表格的，把事项文件中的"
                f"{diff.key}改成与表格相同；要保留事项文件的，把这一格改成与文件相同或清空这一格（空白表示不改）；"
                "然后重新导入")))
    return made, kept


def _value(value: Any) -> str:
    """A field value in a message: a list joined with ；, personal data masked."""
    if isinstance(value, list):
        return "；".join(shown(str(v)) for v in value)
    return shown(str(value)) if value is not None else "（空）"


def _warn_drops(change: Change, row: Row, plan: ImportPlan) -> None:
    """An update that takes content away is a warning at the cell that does it; only --yes writes it."""
    for diff in change.drops:
        gone = "、".join(shown(v) for v in diff.removed)
        what = (f"把领域从「{gone}」改为「{shown(diff.new)}」" if diff.key == "领域"
                else f"去掉 {len(diff.removed)} 条{diff.key}：{gone}")
        plan.problems.append(ImportProblem(row.ref(diff.key), (
            f"更新 {change.item_id} 会{what}（只有加 --yes 才会写入）"), warning=True))


def _match(fields: dict[str, Any], index: Index, row: Row, plan: ImportPlan) -> tuple[ItemFile | None, bool]:
    """(the item file a row updates or None for a new item, False when the row cannot be matched safely)."""
    given = fields.get("编号")
    names = tuple(k for k in NAMES if k in fields)
    if given:
        candidates = index.by_id.get(given) or index.by_id.get(index.folded.get(given.casefold(), ""), [])
        if (problem := id_against_names(given, candidates, fields, names, index, row)) is not None:
            plan.problems.append(problem)
            return None, False
    else:
        candidates = index.files_named(fields, names)
    index.seen.update(f.path for f in candidates)
    if len(candidates) > 1:
        paths = "、".join(f.path for f in candidates)
        plan.problems.append(ImportProblem(row.ref("编号" if given else "一级事项"), (
            f"这一行同时对应 {paths}，没有改动任何一个：请在表格中加「编号」列写明是哪一个"), warning=True))
        return None, False
    return (candidates[0] if candidates else None), True


def _same_names(fields: dict[str, Any], row: Row, index: Index, plan: ImportPlan) -> bool:
    """True (and an error) when an earlier row without 编号 adds an item of the same 领域 and names: the table holds it
    twice, and importing both would make two files of one item."""
    key = (fields["领域"], *(item_name(fields.get(k)) for k in ("一级事项", "二级事项", "三级事项")))
    if key in index.named:
        plan.problems.append(ImportProblem(row.ref("一级事项"), (
            f"与 {index.named[key]} 是同一事项（领域和事项名称都相同），重复了：请删去重复的一行；确是两个事项的，"
            "请写明不同的二级事项或三级事项，或在「编号」列分别写明编号")))
        return True
    index.named[key] = row.where
    return False


def _new_id(catalog: Catalog, fields: dict[str, Any], row: Row, index: Index, plan: ImportPlan) -> str | None:
    given = fields.get("编号")
    domain = catalog.agency.domain(fields["领域"]) if catalog.agency else None
    assert domain is not None
    if given and numbering(given):  # in a column that also holds ids: this cell is the table's own numbering
        plan.problems.append(ImportProblem(row.ref("编号"), (
            f"编号「{shown(given)}」只有数字，像是序号而不是事项编号（会建成文件 {new_item_path(domain.slug, given)}）："
            f"请写成领域代码加序号，如 {next_item_id(domain.code, index.taken)}；或不填，由 gongkai 自动编号")))
        return None
    if given and not _ID.match(given):
        plan.problems.append(ImportProblem(row.ref("编号"), f"编号「{shown(given)}」只能用英文字母、数字、-、_、.（如 SHJZ-014）"))
        return None
    item_id = str(given) if given else next_item_id(domain.code, index.taken)
    path = new_item_path(domain.slug, item_id)
    # Compared as Windows and macOS file systems do: items/shjz/shjz-001.yaml is SHJZ-001.yaml there.
    holder = next((f for f in index.files if f.path.casefold() == path.casefold()), None)
    if holder is not None:
        plan.problems.append(ImportProblem(row.ref("编号"), f"{path} 已存在（其中编号为 {holder.item_id}），不会覆盖：请改用别的编号"))
        return None
    return item_id


def new_item_path(slug: str, item_id: str) -> str:
    return f"items/{slug}/{item_id}.yaml"


def _same(key: str, old: Any, new: Any) -> bool:
    if new == [] and not old:
        return True
    if key in UNORDERED and isinstance(old, list) and isinstance(new, list):
        return sorted(map(str, old)) == sorted(map(str, new))
    return bool(old == new)


_ORDER = [info.alias or name for name, info in Item.model_fields.items()]


def diff_fields(current: dict[str, Any], fields: dict[str, Any]) -> list[FieldChange]:
    """The fields whose value the row changes, in the item's key order (a blank cell says nothing, changes nothing)."""
    keys = sorted(fields, key=lambda k: _ORDER.index(k) if k in _ORDER else len(_ORDER))
    return [FieldChange(k, current.get(k), fields[k]) for k in keys
            if fields[k] is not None and not _same(k, current.get(k), fields[k])]


def _infer(catalog: Catalog, fields: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """Fill 五公开 and 责任单位 (which the official table lacks) from the names, where neither row nor file has them."""
    inferred: list[str] = []
    merged = {**current, **{k: v for k, v in fields.items() if v is not None}}
    if not merged.get("五公开") and (five := infer_five(merged)):
        fields["五公开"], inferred = five, inferred + ["五公开"]
    if not merged.get("责任单位") and catalog.agency and (unit := infer_unit(merged["领域"], catalog.agency)):
        fields["责任单位"], inferred = unit, inferred + ["责任单位"]
    return inferred


def _addition(catalog: Catalog, item_id: str, fields: dict[str, Any], row: Row) -> Change:
    fields = {k: v for k, v in fields.items() if v is not None and v != []}
    fields["编号"] = item_id
    inferred = _infer(catalog, fields, {})
    domain = catalog.agency.domain(fields["领域"]) if catalog.agency else None
    path = new_item_path(domain.slug if domain else item_id.split("-")[0].lower(), item_id)
    return Change(item_id, path, fields, True, row.where, [], inferred, lacking=[k for k in _REQUIRED if not fields.get(k)])
