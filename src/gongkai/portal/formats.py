"""The export's three forms: JSON and XML for bulk import, xlsx for entry by hand (docs/portal-export.md)."""

from __future__ import annotations

import datetime as dt
import io
import json
import xml.etree.ElementTree as ET
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from gongkai.model.portal import ADDED, CHANGED, FORMAT_ID, WITHDRAWN
from gongkai.formulas import texts_stay_text
from gongkai.ooxml import stable_zip
from gongkai.portal.address import column_address
from gongkai.portal.entry import DIRECTORY_FIELDS
from gongkai.portal.plan import PortalExport
from gongkai.site.render import without_overrides

XML_NAMESPACE = "urn:gongkai:portal:1"
SHEET_COLUMNS = ("操作", *DIRECTORY_FIELDS, "编号", "文种", "公示截止", "正文文件", "附件", "撤回日期", "撤回原因")
WIDTHS = (8, 24, 20, 16, 18, 12, 40, 50, 8, 12, 12, 10, 12, 22, 40, 12, 40)


def document(export: PortalExport) -> dict[str, Any]:
    """The export as one JSON-able object; the JSON, the XML and the xlsx are all written from it.

    As on the site, no text carries a bidi override: 「名单\u202efdp.exe」 would show the webmaster 「名单exe.pdf」."""
    found: dict[str, Any] = _visible({
        "格式": FORMAT_ID,
        "机关": export.agency.org.name,
        "区划代码": export.agency.org.division_code,
        "栏目地址": column_address(export.agency),
        "导出日期": export.date.isoformat(),
        "起始日期": export.since.isoformat() if export.since else None,
        "统计": {"新增": export.count(ADDED), "更新": export.count(CHANGED), "撤回": export.count(WITHDRAWN)},
        "信息": [entry.to_dict() for entry in export.entries],
    })
    return found


def _visible(value: Any) -> Any:
    if isinstance(value, str):
        return without_overrides(value)
    if isinstance(value, dict):
        return {key: _visible(inner) for key, inner in value.items()}
    if isinstance(value, list):
        return [_visible(inner) for inner in value]
    return value


def to_json(export: PortalExport) -> bytes:
    """portal.json: UTF-8, keys in the documented order, two-space indent, one final newline."""
    return (json.dumps(document(export), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def to_xml(export: PortalExport) -> bytes:
    """portal.xml: the same content as the JSON, one element per key, lists as repeated 条目/附件 elements."""
    root = ET.Element("门户导出", {"xmlns": XML_NAMESPACE})
    for key, value in document(export).items():
        _element(root, key, value)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode").encode("utf-8") + b"\n"


def _element(parent: ET.Element, key: str, value: Any) -> None:
    if value is None:
        return  # an absent value is an absent element (the schema marks it optional)
    node = ET.SubElement(parent, key)
    if isinstance(value, dict):
        for name, inner in value.items():
            _element(node, name, inner)
    elif isinstance(value, list):
        child = "附件" if key == "附件" else "条目"
        node.tag = f"{key}列表" if key == "附件" else key
        for inner in value:
            _element(node, child, inner)
    elif isinstance(value, bool):
        node.text = "true" if value else "false"
    else:
        node.text = str(value)


def to_xlsx(export: PortalExport) -> bytes:
    """portal.xlsx: one row per record in the directory's column order, for entering by hand."""
    book = Workbook()
    sheet = book.active
    sheet.title = "导出清单"
    sheet.append(list(SHEET_COLUMNS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for entry, data in zip(export.entries, document(export)["信息"], strict=True):
        files = "；".join(f"{f['名称']}（{f['文件']}）" for f in data.get("附件", []))
        if entry.action == CHANGED and entry.notice_over:
            # entered by hand, an 更新 replaces the text and leaves the files uploaded during the 公示: its list
            files = without_overrides(f"公示已结束，请{entry.files_note}")
        row = [data.get(column) for column in SHEET_COLUMNS]
        row[SHEET_COLUMNS.index("附件")] = files
        sheet.append(["" if v is None else v for v in row])
    for index, width in enumerate(WIDTHS):
        sheet.column_dimensions[sheet.cell(1, index + 1).column_letter].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "B2"
    _about(book.create_sheet("说明"), export)
    stamp = dt.datetime.combine(export.date, dt.time())
    book.properties.creator = export.agency.org.name
    book.properties.created = book.properties.modified = stamp
    texts_stay_text(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_zip(buffer.getvalue(), stamp)


def _about(sheet: Any, export: PortalExport) -> None:
    info = document(export)
    rows = [("格式", info["格式"]), ("机关", info["机关"]), ("栏目地址", info["栏目地址"]), ("导出日期", info["导出日期"]),
            ("起始日期", info["起始日期"] or "（上次导出之后）"),
            *((f"{name}条数", count) for name, count in info["统计"].items()),
            ("正文", "正文的 HTML 片段在 bodies/<编号>.html，复制到平台编辑器的源代码模式"),
            ("附件", "附件文件在 files/<编号>/ 下"), ("撤回", "「操作」为撤回的，请从门户网站撤下这条信息")]
    for label, value in rows:
        sheet.append([label, value])
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 14, 80
