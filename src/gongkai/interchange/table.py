"""Items as rows of the official table: the one place that turns an Item into cell texts."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.catalog import Catalog
from gongkai.interchange import layout
from gongkai.model import Agency, Item


@dataclass(frozen=True)
class Sheet:
    """One 领域 of the directory: its title and items in id order."""

    domain: str
    title: str
    items: list[Item]

    @property
    def with_level3(self) -> bool:
        return any(item.level3 for item in self.items)


def sheets(catalog: Catalog) -> list[Sheet]:
    """The directory split by 领域, in the order of gongkai.yaml; unknown 领域 follow by name."""
    agency = catalog.agency
    order = [d.name for d in agency.domains] if agency else []
    by_domain: dict[str, list[Item]] = {}
    for item in catalog.items.values():
        by_domain.setdefault(item.domain, []).append(item)
    names = [n for n in order if n in by_domain] + sorted(n for n in by_domain if n not in order)
    return [Sheet(n, layout.title(catalog.name, n), sorted(by_domain[n], key=_id_key)) for n in names]


def _id_key(item: Item) -> tuple[str, int, str]:
    prefix, _, number = item.id.rpartition("-")
    return (prefix, int(number), item.id) if number.isdigit() else (item.id, 0, item.id)


def unit_name(agency: Agency | None, unit_id: str) -> str:
    """The unit's name for people; its id when gongkai.yaml does not know it."""
    unit = agency.unit(unit_id) if agency else None
    return unit.name if unit else unit_id


def row(item: Item, serial: int, agency: Agency | None, with_level3: bool) -> list[str | int]:
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
    }
    chosen = {"公开对象": [item.audience], "公开方式": [item.mode], "公开层级": list(item.levels)}
    for column in layout.columns(with_level3):
        if "=" in column.key:
            field, value = column.key.split("=")
            values[column.key] = layout.tick(value in chosen[field])
    return [values[c.key] for c in layout.columns(with_level3)]
