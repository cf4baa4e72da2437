"""The directory as one CSV table (UTF-8 with BOM, so that Excel on Windows reads the Chinese)."""

from __future__ import annotations

import csv as _csv
import io

from gongkai.catalog import Catalog
from gongkai.interchange import table
from gongkai.model import Item

HEADER: tuple[str, ...] = (
    "领域", "序号", "一级事项", "二级事项", "三级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体",
    "公开渠道和载体", "其他渠道", "公开对象", "公开方式", "公开层级", "五公开", "责任单位", "编号",
)


def export_directory_csv(catalog: Catalog) -> bytes:
    """Every item as one CSV row, 领域 by 领域 as in the xlsx; list cells hold one element per line."""
    buffer = io.StringIO()
    writer = _csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for sheet in table.sheets(catalog):
        for serial, item in enumerate(sheet.items, start=1):
            writer.writerow(_row(item, serial, catalog))
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def _row(item: Item, serial: int, catalog: Catalog) -> list[str | int]:
    return [
        item.domain, serial, item.level1, item.level2 or "", item.level3 or "",
        "\n".join(item.contents), "\n".join(item.basis), item.deadline, item.publisher,
        "、".join(item.channels), "、".join(item.other_channels), item.audience, item.mode, "、".join(item.levels),
        item.five, table.unit_name(catalog.agency, item.unit), item.id,
    ]
