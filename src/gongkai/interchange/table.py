"""Items as rows of the official table: the one place that turns an Item into cell texts, and picks the items."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from gongkai.authoring.existing import ItemFile, item_files
from gongkai.catalog import Catalog
from gongkai.interchange import layout
from gongkai.model import Agency, Item, vocab
from gongkai.privacy.mask import mask_log
from gongkai.privacy.sources import item_findings

_LISTS = ("公开内容", "公开依据", "公开渠道", "其他渠道", "公开层级", "公开格式")


@dataclass(frozen=True)
class Sheet:
    """One 领域 of the directory: its title, items in id order, and the local columns its items use."""

    domain: str
    title: str
    items: list[Item]

    @property
    def with_level3(self) -> bool:
        return any(item.level3 for item in self.items)

    @property
    def extras(self) -> tuple[str, ...]:
        return tuple(c.key for c in layout.EXTRAS if any(cell(item, c.key) for item in self.items))


@dataclass(frozen=True)
class Unexported:
    """An item file that fails validation: exported as far as it reads (exported), or not at all, and why."""

    path: str
    item_id: str
    reason: str
    exported: bool
    whole: bool = False  # exported in full: the file loads, but its row cannot come back as it is


def sheets(catalog: Catalog, every_file: bool = False) -> list[Sheet]:
    """The directory split by 领域, in the order of gongkai.yaml; unknown 领域 follow by name.

    With *every_file*, item files that fail validation are included as far as they can be read.
    """
    agency = catalog.agency
    order = [d.name for d in agency.domains] if agency else []
    by_domain: dict[str, list[Item]] = {}
    for item in _items(catalog, every_file):
        by_domain.setdefault(item.domain, []).append(item)
    names = [n for n in order if n in by_domain] + sorted(n for n in by_domain if n not in order)
    # (the title names the agency and the 领域 as gongkai.yaml writes them: masked, as unit_name)
    return [Sheet(n, mask_log(layout.title(catalog.name, n)), sorted(by_domain[n], key=lambda item: item.order)) for n in names]


def _items(catalog: Catalog, every_file: bool) -> list[Item]:
    if not every_file:
        return list(catalog.items.values())
    return [f.model or loose_item(f) for f in item_files(catalog) if f.model or f.values]


def unexported(catalog: Catalog) -> list[Unexported]:
    """Every item file that fails validation, with the reason and whether its row could still be exported; and those
    that load but whose row the table cannot carry back: a 领域 gongkai.yaml lacks (its sheet is refused on import),
    an 编号 another file holds too (two rows of one 编号)."""
    files = item_files(catalog)
    domains = {d.name for d in catalog.agency.domains} if catalog.agency else set()
    first: dict[str, str] = {}
    found = []
    for f in files:
        if f.model is None:
            found.append(Unexported(f.path, f.item_id, f.problem or "", bool(f.values)))
        elif f.model.domain not in domains:
            found.append(Unexported(f.path, f.item_id, (
                f"领域「{f.model.domain}」不在 gongkai.yaml 的「领域」中（GK208），它的工作表再导入时会被拒绝"), True, True))
        elif f.item_id in first:
            found.append(Unexported(f.path, f.item_id, (
                f"编号 {f.item_id} 与 {first[f.item_id]} 重复（GK201），表格中有两行编号相同"), True, True))
        first.setdefault(f.item_id, f.path)
    return found


def loose_findings(catalog: Catalog) -> list[tuple[str, str, str]]:
    """(where, kind, masked value) of the personal data in the item files that fail validation and still go into the
    table as far as they can be read (sheets' *every_file*): the gate's scan of the directory reads the items that load
    only, and a number written the way the output scan does not read it went out in such a row (1395<sup>1492</sup>371
    in an xlsx cell, where the csv of the same row was refused)."""
    return [(f"事项 {file.item_id}（{file.path}{finding.where}）", finding.label, finding.masked_value)
            for file in item_files(catalog) if file.model is None and file.values
            for finding in item_findings(catalog, loose_item(file))]


def loose_item(file: ItemFile) -> Item:
    """An Item built, without validation, from a file that fails it: what is readable goes into the table."""
    values: dict[str, Any] = {}
    for key, value in file.values.items():
        if key in _LISTS:
            values[key] = [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []
        elif value is not None and not isinstance(value, (dict, list)):
            values[key] = str(value)
    channels = values.get("公开渠道", [])
    strange = [c for c in channels if c not in vocab.CHANNELS]
    if strange:  # shown under 其他 rather than lost from the table
        values["公开渠道"] = [c for c in channels if c in vocab.CHANNELS] + ["其他"]
        values["其他渠道"] = values.get("其他渠道", []) + strange
    defaults: dict[str, Any] = {key: [] for key in _LISTS}
    defaults.update({"编号": file.item_id, "领域": "（领域不明）", "一级事项": "", "公开时限": "", "公开主体": "",
                     "公开对象": "", "公开方式": "", "五公开": "", "责任单位": ""})
    return Item.model_construct(**{**defaults, **values})


def unit_name(agency: Agency | None, unit_id: str) -> str:
    """The unit's name for people, masked (a number typed into gongkai.yaml, GK602: the county's review shows every
    department's directory, and one department's gongkai.yaml must not stop it); its id when gongkai.yaml does not
    know it."""
    unit = agency.unit(unit_id) if agency else None
    return _shown(unit.name) if unit else unit_id


@functools.lru_cache(maxsize=256)  # (a few units, named on every row of the table: masked once each)
def _shown(name: str) -> str:
    return mask_log(name)


def cell(item: Item, key: str) -> str:
    """The text of a local column (公开格式, 咨询电话 …) for *item*; empty when it has none."""
    value = getattr(item, _ATTRS[key], None)
    if isinstance(value, list):
        return "、".join(value)
    return str(value) if value else ""


_ATTRS = {"公开格式": "formats", "咨询电话": "phone", "备注": "note", "栏目类型": "column_kind", "法定类别": "law_category", "空白说明": "blank_note"}


def row(item: Item, serial: int, agency: Agency | None, with_level3: bool, extras: tuple[str, ...] = ()) -> list[str | int]:
    """The cells of *item*'s row, in the order of layout.columns()."""
    values: dict[str, str | int] = {
        "序号": serial,
        "一级事项": item.level1,
        "二级事项": item.level2 or "",
        "三级事项": item.level3 or "",
        "公开内容": layout.list_cell(item.contents),
        "公开依据": layout.list_cell(item.basis),
        "公开时限": item.deadline,
        "公开主体": item.publisher,
        "公开渠道": layout.channels_cell(list(item.channels), item.other_channels),
        "五公开": item.five,
        "责任单位": unit_name(agency, item.unit),
        "编号": item.id,
        **{key: cell(item, key) for key in extras},
    }
    chosen = {"公开对象": [item.audience], "公开方式": [item.mode], "公开层级": list(item.levels)}
    for column in layout.columns(with_level3):
        if "=" in column.key:
            field, value = column.key.split("=")
            values[column.key] = layout.tick(value in chosen[field])
    return [values[c.key] for c in layout.columns(with_level3, extras)]
