"""The directory as an xlsx workbook in the official layout: one sheet per 领域, deterministic bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, BadZipFile, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from gongkai.catalog import Catalog
from gongkai.days import BEIJING
from gongkai.interchange import base, layout, table
from gongkai.model import Agency
from gongkai.formulas import as_text
from gongkai.ooxml import style_cells

# Workbook properties are fixed so that the same catalog always gives the same bytes.
FIXED_TIME = dt.datetime(2020, 1, 1)
HEADER_ROWS = (2, 3)
FIRST_DATA_ROW = 4
_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")


def export_directory_xlsx(catalog: Catalog, every_file: bool = False) -> bytes:
    """The whole directory as xlsx bytes in the official layout (DOMAIN.md §3).

    With *every_file*, items whose files fail validation are included as far as they read (table.unexported names them).
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheets = table.sheets(catalog, every_file)
    for sheet in sheets:
        _write_sheet(workbook.create_sheet(_sheet_name(sheet.domain)), sheet, catalog)
    if not workbook.worksheets:
        workbook.create_sheet("目录")
    for prop in base.properties([item.model_dump(by_alias=True) for sheet in sheets for item in sheet.items]):
        workbook.custom_doc_props.append(prop)  # what each item was: import tells the clerk's later edits from the table's
    workbook.properties.creator = catalog.name
    workbook.properties.title = "基层政务公开标准目录"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    return _save(workbook)


_MODIFIED = re.compile(r"<dcterms:modified\b[^>]*>([^<]*)</dcterms:modified>")
_SAVED_BY = re.compile(r"<cp:lastModifiedBy\b[^>]*>([^<]*)</cp:lastModifiedBy>")


def saved_since_export(path: Path) -> str | None:
    """How the workbook at *path* was changed since gongkai exported it — saved by Excel or WPS (which stamp the time
    and the person), or never an export at all — or None when it is an export as written (or nothing is there).
    Exporting over it would throw those edits away (the round trip is export → edit → import)."""
    try:
        with ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except (OSError, KeyError, BadZipFile):
        return "不是 gongkai 导出的表格" if path.is_file() else None
    modified = _MODIFIED.search(core)
    if modified is not None and modified.group(1).startswith(FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%S")):
        return None
    saved_by = _SAVED_BY.search(core)
    when = _beijing(modified.group(1)) if modified is not None else ""
    who = f"由「{saved_by.group(1)}」" if saved_by is not None and saved_by.group(1).strip() else ""
    return f"在导出之后{who}{'于 ' + when + ' ' if when else ''}保存过（在 Excel 或 WPS 中改过）"


def _beijing(stamp: str) -> str:
    """A workbook's modified time (W3CDTF, in UTC as Excel writes it) as a clerk's clock shows it (UTC+8)."""
    try:
        moment = dt.datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    except ValueError:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")


def export_departments_xlsx(departments: list[tuple[str, Agency | None, list[table.Sheet]]]) -> bytes:
    """One worksheet per department (name, agency, its 领域 sheets): each 领域 a block in the official layout.

    This is the county's review table (审核把关): the blocks read back with gongkai import xlsx like any directory.
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for name, agency, sheets in departments:
        ws = workbook.create_sheet(_unique(_sheet_name(name), used))
        top = 1
        for sheet in sheets:
            top = _write_block(ws, sheet, agency, top) + 1  # one blank row between 领域
        if sheets:
            _page_setup(ws, layout.columns(sheets[0].with_level3, sheets[0].extras), freeze=len(sheets) == 1)
        else:  # a reviewer must see that the directory is empty, not wonder whether the export failed
            ws.cell(row=1, column=1, value=f"{name}的目录中还没有事项。")
    if not workbook.worksheets:
        workbook.create_sheet("目录")
    workbook.properties.title = "基层政务公开标准目录（审核）"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    return _save(workbook)


def _unique(name: str, used: set[str]) -> str:
    """*name*, or *name* with a number when another sheet already has it (Excel refuses duplicate sheet names)."""
    candidate, number = name, 2
    while candidate.casefold() in used:  # Excel compares sheet names without regard to case
        suffix = f"（{number}）"
        candidate, number = name[: 31 - len(suffix)] + suffix, number + 1
    used.add(candidate.casefold())
    return candidate


def _sheet_name(domain: str) -> str:
    """A name Excel accepts: none of []:*?/\\, no apostrophe at either end, at most 31 characters, not empty."""
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in domain).strip().strip("'").strip()
    return cleaned[:31].strip("'") or "目录"


def _write_sheet(ws: Worksheet, sheet: table.Sheet, catalog: Catalog) -> None:
    _write_block(ws, sheet, catalog.agency, 1)
    _page_setup(ws, layout.columns(sheet.with_level3, sheet.extras))


def _write_block(ws: Worksheet, sheet: table.Sheet, agency: Agency | None, top: int) -> int:
    """Title, two-row header and rows of one 领域 from row *top*; returns the row after the last."""
    level3, extras = sheet.with_level3, sheet.extras  # each looks at every item: once per block, not once per row
    cols = layout.columns(level3, extras)
    put(ws, top, 1, sheet.title)
    ws.merge_cells(start_row=top, start_column=1, end_row=top, end_column=len(cols))
    ws.cell(top, 1).font = Font(bold=True, size=16)
    ws.cell(top, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[top].height = 32
    _write_header(ws, cols, top + 1)
    first = top + 1 + len(HEADER_ROWS)
    for serial, item in enumerate(sheet.items, start=1):
        for number, value in enumerate(table.row(item, serial, agency, level3, extras), start=1):
            put(ws, first + serial - 1, number, value)
    _style_body(ws, cols, first, len(sheet.items))
    _merge_level1(ws, sheet, first)
    return first + len(sheet.items)


def put(ws: Worksheet, row: int, col: int, value: str | int) -> None:
    """Write *value* into a cell as what it is: text starting with 「=」 stays text (openpyxl would write it as a
    formula that Excel runs on opening, e.g. =HYPERLINK(…) in a 备注), so the table shows and imports what the file says."""
    as_text(ws.cell(row, col, value))


def _write_header(ws: Worksheet, cols: tuple[layout.Column, ...], top: int) -> None:
    sub = top + 1
    index = 0
    while index < len(cols):
        column = cols[index]
        span = 1
        while index + span < len(cols) and column.group and cols[index + span].group == column.group:
            span += 1
        first, last = index + 1, index + span
        if column.group:
            ws.cell(top, first, column.group)
            for offset in range(span):
                ws.cell(sub, first + offset, cols[index + offset].label)
            ws.merge_cells(start_row=top, start_column=first, end_row=top, end_column=last)
        else:
            ws.cell(top, first, column.label)
            ws.merge_cells(start_row=top, start_column=first, end_row=sub, end_column=first)
        index += span
    header = [ws.cell(row, number) for row in (top, sub) for number in range(1, len(cols) + 1)]
    style_cells(header, font=Font(bold=True), alignment=_CENTER, border=_BORDER)


def _style_body(ws: Worksheet, cols: tuple[layout.Column, ...], first: int, count: int) -> None:
    for number, column in enumerate(cols, start=1):
        ws.column_dimensions[get_column_letter(number)].width = column.width
        centred = "=" in column.key or column.key == "序号"
        cells = [ws.cell(row, number) for row in range(first, first + count)]
        style_cells(cells, alignment=_CENTER if centred else _WRAP, border=_BORDER)


def _merge_level1(ws: Worksheet, sheet: table.Sheet, first: int) -> None:
    """A run of rows with the same 一级事项 shares one merged cell, as printed directories do."""
    start = 0
    items = sheet.items
    for index in range(1, len(items) + 1):
        if index == len(items) or items[index].level1 != items[start].level1:
            if index - start > 1:
                ws.merge_cells(start_row=first + start, start_column=2, end_row=first + index - 1, end_column=2)
            start = index


def _page_setup(ws: Worksheet, cols: tuple[layout.Column, ...], freeze: bool = True) -> None:
    if freeze:
        ws.freeze_panes = ws.cell(FIRST_DATA_ROW, 1)
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.paperSize = ws.PAPERSIZE_A3
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROWS[0]}:{HEADER_ROWS[1]}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4


class _FixedTimeZip(ZipFile):
    """A zip whose entries all carry one fixed timestamp (zip entries otherwise record the current time)."""

    def writestr(self, zinfo_or_arcname: Any, data: Any, compress_type: Any = None, compresslevel: Any = None) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = ZipInfo(zinfo_or_arcname, date_time=(1980, 1, 1, 0, 0, 0))
            zinfo_or_arcname.compress_type = ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename: Any, arcname: Any = None, compress_type: Any = None, compresslevel: Any = None) -> None:
        with open(filename, "rb") as handle:
            self.writestr(str(arcname or filename), handle.read())


def _save(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    # ExcelWriter directly: openpyxl's save_workbook() would stamp 'modified' with the current time.
    ExcelWriter(workbook, _FixedTimeZip(buffer, "w", ZIP_DEFLATED, allowZip64=True)).save()
    return buffer.getvalue()
