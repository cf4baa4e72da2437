"""Which item file a table row is: by 编号, else by 领域 and the 事项 names, every file counted (valid or not); and the
rows whose 编号 and names point at two different items."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gongkai.authoring.existing import ItemFile, item_files, taken_ids
from gongkai.catalog import Catalog
from gongkai.errors import UsageProblem
from gongkai.interchange.cells import joined_levels, placeholder, unnumbered
from gongkai.interchange.headers import norm
from gongkai.interchange.read import ImportProblem, Row, shown

NAMES = ("一级事项", "二级事项", "三级事项")


@dataclass
class Index:
    """The item files by id and by name, the ids taken so far, and what the rows matched (for plan.py)."""

    files: list[ItemFile]
    by_id: dict[str, list[ItemFile]] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)
    claimed: dict[str, str] = field(default_factory=dict)
    named: dict[tuple[str, ...], str] = field(default_factory=dict)  # (领域, names) of rows adding an item → the row
    folded: dict[str, str] = field(default_factory=dict)  # id in lower case → id: a 编号 typed as shjz-001
    domains: set[str] = field(default_factory=set)  # the 领域 the table's item rows belong to
    base: dict[str, dict[str, str]] = field(default_factory=dict)  # digests of each item as exported (base.py)
    seen: set[str] = field(default_factory=set)  # paths of the files some row names (matched, or too many to choose)
    renamed: dict[str, str] = field(default_factory=dict)  # id → the 编号 cell of the row that gives it other names
    new_rows: dict[str, Row] = field(default_factory=dict)  # id → the row adding that item

    def __post_init__(self) -> None:
        for f in self.files:
            self.by_id.setdefault(f.item_id, []).append(f)
        for f in self.files:
            if f.stem not in self.by_id:
                self.by_id[f.stem] = [f]
        self.taken = taken_ids(self.files)
        self.folded = {item_id.casefold(): item_id for item_id in self.by_id}
        self._by_names: dict[tuple[str, ...], dict[tuple[str, ...], list[ItemFile]]] = {}
        self.base_ids = {item_id.casefold(): item_id for item_id in self.base}  # the 编号 the export recorded

    def files_named(self, fields: dict[str, Any], names: tuple[str, ...]) -> list[ItemFile]:
        """The files of *fields*' 领域 and 事项 names (those of *names*), as same_item compares them: looked up, not
        searched file by file for every row (a table of 20,000 rows)."""
        table = self._by_names.get(names)
        if table is None:
            table = self._by_names[names] = {}
            for f in self.files:
                table.setdefault((f.key[0], *(item_name(f.values.get(k)) for k in names)), []).append(f)
        return table.get((fields["领域"], *(item_name(fields.get(k)) for k in names)), [])


def split_levels(fields: dict[str, Any], row: Row, index: Index) -> ImportProblem | None:
    """A table with no 二级事项 column that writes both names in one cell (「最低生活保障—办事指南」「临时救助/审批信息」):
    read as the two (or three) names, said once; else each row would add a twin of an item the catalog has under its
    two names. A name an item of the 领域 holds whole as its 一级事项 is not split; beside a blank 二级事项 cell only
    names of an item the catalog has are split (the 政务公开办 typed both into 一级事项 and left 二级事项 empty)."""
    whole = fields.get("一级事项")
    if fields.get("二级事项") or fields.get("三级事项") or not whole or row.level1_above:
        return None
    parts = joined_levels(str(whole))
    if parts is None or (len(parts) == 3 and "三级事项" in row.cells):
        return None
    if index.files_named(fields, ("一级事项",)):
        return None
    split = {**fields, **dict(zip(NAMES, parts))}
    if "二级事项" in row.cells and not index.files_named(split, NAMES[:len(parts)]):
        return None  # a blank 二级事项 cell beside 「A—B」: cut only where the two names are an item the catalog has
    fields.update(split)
    if "二级事项" in row.cells:
        return ImportProblem(row.ref("一级事项"), (
            "二级事项空着，一级事项中用「—」「/」分开的两个名称正是目录中已有事项的一级事项、二级事项，按它读；"
            "请把二级事项移到「二级事项」列"), warning=True)
    return ImportProblem(row.ref("一级事项"), (
        "表格没有「二级事项」列，一级事项中用「—」「/」分开的名称按一级事项、二级事项（第三段为三级事项）读，"
        "如「最低生活保障—办事指南」是一级事项「最低生活保障」、二级事项「办事指南」；名称本身含这些符号、不该拆开的，"
        "请加一列「二级事项」后再导入"), warning=True)



def id_against_names(given: str, candidates: list[ItemFile], fields: dict[str, Any], names: tuple[str, ...],
                      index: Index, row: Row) -> ImportProblem | None:
    """An error when the row's 编号 and its 事项 names point at two different items: a 编号 mistyped (SHJZ-030 for
    SHJZ-003) would add a second file of an item the catalog has, and a 编号 column sorted or pasted apart from its
    rows (WPS 「以当前选定区域排序」) would write each item's contents into another. Only names the row itself gives
    (not a 一级事项 or 领域 read from the row above) are compared; a file the row's names and 编号 both match is no conflict."""
    if row.level1_above or row.domain_above or not fields.get("一级事项") or len(candidates) > 1:
        return None
    if candidates and same_item(candidates[0], fields, names):
        return None
    named = [f for f in index.files_named(fields, names) if f not in candidates]
    if len(named) != 1:
        return None
    other = named[0]
    title = " / ".join(shown(str(fields[k])) for k in names if fields.get(k))
    if not candidates:
        return ImportProblem(row.ref("编号"), (
            f"编号「{shown(given)}」目录中没有，这一行的事项「{title}」却是已有的 {other.item_id}（{other.path}）："
            f"编号写错了的，请改为 {other.item_id}；确是另一个新事项的，请清空编号（gongkai 自动编号）并写明不同的"
            "二级事项或三级事项。没有写入任何文件，以免同一事项有两个文件"))
    mine = candidates[0]
    own = " / ".join(shown(str(mine.values[k])) for k in NAMES if mine.values.get(k))
    return ImportProblem(row.ref("编号"), (
        f"编号「{shown(given)}」是事项「{own}」（{mine.path}），这一行的事项「{title}」却是 {other.item_id}"
        f"（{other.path}）：编号与事项名称对不上（排序或粘贴时只移动了一列？），没有改动任何一个。请核对这一行的编号："
        f"应为 {other.item_id} 的改为 {other.item_id}，改正后重新导入（两个事项不能同名）"))


def same_item(file: ItemFile, fields: dict[str, Any], names: tuple[str, ...] = NAMES) -> bool:
    """Whether *file* (valid or not) is the item of *fields*' 领域 and 事项 names (those of *names*; one not given is
    compared as empty)."""
    return file.key[0] == fields["领域"] and all(item_name(file.values.get(k)) == item_name(fields.get(k)) for k in names)


def refuse_twin(catalog: Catalog, fields: dict[str, Any]) -> None:
    """UsageProblem when an item file, valid or not, already holds the item *fields* would add (same 领域 and 事项 names
    as import matches them): `gongkai new item` run twice, or for an item the directory has, makes no second file."""
    twins = [f for f in item_files(catalog) if same_item(f, fields)]
    if twins:
        names = " / ".join(str(fields[k]) for k in NAMES if fields.get(k))
        held = "、".join(f"{f.path}（{f.item_id}）" for f in twins)
        raise UsageProblem(f"「{fields['领域']}」领域已有事项「{names}」：{held}，未新建。要修改它请编辑该文件；"
                           "确是另一个事项的，请写明不同的二级事项（--level2）")


def item_name(value: Any) -> str:
    """A 事项 name as rows and files are matched: 「临时救助(急难型)」 retyped as 「临时救助（急难型）」 or with a space or
    line break in it, or with a list number before it (「（一）临时救助」), is the same item, not a new one; a file's
    「无」「/」 (no 二级事项) is the empty cell the table reads it as."""
    return norm(unnumbered(str(value))) if value is not None and not placeholder(str(value)) else ""
