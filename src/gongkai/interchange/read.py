"""Reading a directory table as counties publish it: find the header, resolve merged cells, one row per item."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.interchange import layout

HEADER_SEARCH_ROWS = 12
_GROUPS = ("公开事项", "公开对象", "公开方式", "公开层级", "")
# Labels that only a header row carries; two of them mark the row.
_MARKERS = ("序号", "公开事项", "一级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道")


@dataclass(frozen=True)
class ImportProblem:
    """A problem in the table, at a cell such as 社会救助!C12, in Chinese."""

    cell: str
    message: str


@dataclass
class Row:
    """One data row: its 领域, its cells by column key, and where each came from."""

    sheet: str
    number: int
    domain: str
    cells: dict[str, str] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)

    def ref(self, key: str) -> str:
        return self.refs.get(key, f"{self.sheet}!A{self.number}")


def read_workbook(data: bytes, domains: list[str]) -> tuple[list[Row], list[ImportProblem]]:
    """Every data row of every sheet, or the problems that stop the import."""
    try:
        workbook = load_workbook(io.BytesIO(data), data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError) as exc:
        return [], [ImportProblem("（文件）", f"无法作为 xlsx 表格打开：{exc}。请用 Excel 或 WPS 另存为「.xlsx」格式后再导入")]
    rows: list[Row] = []
    problems: list[ImportProblem] = []
    for ws in workbook.worksheets:
        if ws.max_row <= 1 and ws.cell(1, 1).value is None:
            continue
        found, trouble = _read_sheet(ws, domains)
        rows.extend(found)
        problems.extend(trouble)
    return rows, problems


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _merged_values(ws: Worksheet) -> dict[tuple[int, int], Any]:
    """Every cell inside a merged range, mapped to the value of the range's top-left cell."""
    values: dict[tuple[int, int], Any] = {}
    for merged in ws.merged_cells.ranges:
        anchor = ws.cell(merged.min_row, merged.min_col).value
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                values[(row, col)] = anchor
    return values


def _label(text: str) -> str:
    return "".join(text.split()).replace("(", "（").replace(")", "）")


def _find_header(ws: Worksheet, merged: dict[tuple[int, int], Any]) -> int | None:
    for row in range(1, min(ws.max_row, HEADER_SEARCH_ROWS) + 1):
        labels = {_label(_text(merged.get((row, c), ws.cell(row, c).value))) for c in range(1, ws.max_column + 1)}
        if sum(1 for marker in _MARKERS if any(label.startswith(marker) for label in labels)) >= 2:
            return row
    return None


def _columns(ws: Worksheet, merged: dict[tuple[int, int], Any], header: int) -> tuple[dict[int, str], int]:
    """Column number → key, and the first data row (after a second header row when there is one)."""
    keys: dict[int, str] = {}
    has_sub = False
    for col in range(1, ws.max_column + 1):
        top = _label(_text(merged.get((header, col), ws.cell(header, col).value)))
        sub = _label(_text(ws.cell(header + 1, col).value)) if (header + 1, col) not in merged else ""
        if top in _GROUPS and (sub in layout.SUB_LABELS or sub in ("一级事项", "二级事项", "三级事项")):
            keys[col] = layout.SUB_LABELS.get(sub, sub)
            has_sub = True
        elif top in layout.LABELS:
            keys[col] = layout.LABELS[top]
        elif top in layout.SUB_LABELS:
            keys[col] = layout.SUB_LABELS[top]
    return keys, header + (2 if has_sub else 1)


def _domain(ws: Worksheet, header: int, domains: list[str]) -> str | None:
    """The 领域: the sheet's name, else a 领域 named in a title row above the header."""
    for name in domains:
        if ws.title.strip() == name:
            return name
    above = " ".join(_text(ws.cell(r, c).value) for r in range(1, header) for c in range(1, ws.max_column + 1))
    matches = [name for name in domains if name in above]
    return max(matches, key=len) if matches else None


def _read_sheet(ws: Worksheet, domains: list[str]) -> tuple[list[Row], list[ImportProblem]]:
    merged = _merged_values(ws)
    header = _find_header(ws, merged)
    if header is None:
        return [], [ImportProblem(f"{ws.title}!A1", "找不到表头：前 12 行中没有「序号」「公开事项」「公开内容」等列名")]
    domain = _domain(ws, header, domains)
    if domain is None:
        listed = "、".join(domains)
        return [], [ImportProblem(f"{ws.title}!A1", f"看不出本表属于哪个领域：工作表名称或标题行应含 gongkai.yaml 中的领域（{listed}）")]
    keys, first = _columns(ws, merged, header)
    missing = [k for k in ("一级事项", "公开内容") if k not in keys.values()]
    if missing:
        where = f"{ws.title}!A{header}"
        return [], [ImportProblem(where, f"表头缺少「{'」「'.join(missing)}」列")]
    rows = []
    for number in range(first, ws.max_row + 1):
        row = Row(ws.title, number, domain)
        for col, key in keys.items():
            row.cells[key] = _text(merged.get((number, col), ws.cell(number, col).value))
            row.refs[key] = f"{ws.title}!{get_column_letter(col)}{number}"
        own = {k: _text(ws.cell(number, c).value) for c, k in keys.items()}
        if any(own.get(k) for k in ("一级事项", "二级事项", "公开内容", "编号")):
            rows.append(row)
    return rows, []
