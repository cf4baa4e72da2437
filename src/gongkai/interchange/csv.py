"""The directory as one CSV table (UTF-8 with BOM, so that Excel on Windows reads the Chinese)."""

from __future__ import annotations

from gongkai.catalog import Catalog
from gongkai.formulas import csv_bytes
from gongkai.interchange import layout, table
from gongkai.model import Item

HEADER: tuple[str, ...] = (
    "领域", "序号", "一级事项", "二级事项", "三级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体",
    "公开渠道和载体", "其他渠道", "公开对象", "公开方式", "公开层级", "五公开", "责任单位", "编号",
)


def export_directory_csv(catalog: Catalog, every_file: bool = False) -> bytes:
    """Every item as one CSV row, 领域 by 领域 as in the xlsx; list cells as in the xlsx (one ●-bulleted line each),
    so that the file reads back as it was written (gongkai import csv).

    Local columns (公开格式, 咨询电话 …) follow 编号 when some item has them; *every_file* as for the xlsx.
    """
    sheets = table.sheets(catalog, every_file)
    extras = tuple(c.key for c in layout.EXTRAS if any(c.key in s.extras for s in sheets))
    header = HEADER + tuple(c.label for c in layout.EXTRAS if c.key in extras)
    return csv_bytes([header, *(_row(item, serial, catalog) + [table.cell(item, key) for key in extras]
                                for sheet in sheets for serial, item in enumerate(sheet.items, start=1))])


def _row(item: Item, serial: int, catalog: Catalog) -> list[str | int]:
    return [
        item.domain, serial, item.level1, item.level2 or "", item.level3 or "",
        layout.list_cell(item.contents), layout.list_cell(item.basis), item.deadline, item.publisher,
        "、".join(item.channels), layout.names_cell(item.other_channels), item.audience, item.mode, "、".join(item.levels),
        item.five, table.unit_name(catalog.agency, item.unit), item.id,
    ]
