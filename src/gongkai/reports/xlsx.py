"""The scorecard and the annual report's tables as xlsx workbooks (openpyxl), deterministic bytes."""

from __future__ import annotations

from collections.abc import Sequence

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.model.request import APPLICANT_TYPES
from gongkai.formulas import texts_stay_text
from gongkai.ooxml import stable_zip, style_cells
from gongkai.reports.annual import AnnualReport
from gongkai.reports.render import (
    FEE_HEADER,
    RESULT_LABELS,
    SCORECARD_HEADERS,
    TABLE3_CORNER,
    TABLE4_GROUPS,
    UNFILLED,
    fee_amount,
    scorecard_missed,
    scorecard_notes,
    scorecard_rows,
    separator,
)
from gongkai.reports.scorecard import Scorecard

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_MIDDLE = Alignment(vertical="center", wrap_text=True)
_FIXED = dt.datetime(2000, 1, 1)  # workbook properties carry no run time: same input, same bytes


def write_table(sheet: Worksheet, rows: Sequence[Sequence[object]], start: int = 1, bold: int = 1) -> int:
    """Write *rows* from row *start* with borders; the first *bold* rows are headers. Returns the next free row."""
    cells = [[sheet.cell(row=start + offset, column=column, value=value) for column, value in enumerate(values, 1)]
             for offset, values in enumerate(rows)]
    style_cells([cell for row in cells[:bold] for cell in row], border=_BORDER, alignment=_MIDDLE, font=Font(bold=True))
    style_cells([cell for row in cells[bold:] for cell in row], border=_BORDER, alignment=_MIDDLE)
    return start + len(rows)


def write_title(sheet: Worksheet, text: str, width: int) -> None:
    """A bold title in row 1 across *width* columns."""
    sheet.cell(row=1, column=1, value=text).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)


def scorecard_workbook(card: Scorecard) -> bytes:
    """考核表 sheet (one row per unit) and 漏报明细 sheet."""
    book = Workbook()
    sheet = book.active
    sheet.title = "考核表"
    write_title(sheet, f"{card.agency}{card.year}年政务公开考核表（截至{card.today}）", len(SCORECARD_HEADERS))
    rows = scorecard_rows(card)
    write_table(sheet, [list(SCORECARD_HEADERS), *rows], start=2)
    for offset, note in enumerate(scorecard_notes(card)):
        sheet.cell(row=len(rows) + 4 + offset, column=1, value=note)
    sheet.column_dimensions["A"].width = 16
    detail = book.create_sheet("漏报明细")
    write_table(detail, [["单位", "事项及期间"], *[list(pair) for pair in scorecard_missed(card)]])
    return save_workbook(book)


def table_workbook(title: str, sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]], Sequence[str]]]) -> bytes:
    """Plain tables, one sheet each (name, headers, rows, notes below); the first sheet carries *title*."""
    book = Workbook()
    book.remove(book.active)
    for index, (name, headers, rows, notes) in enumerate(sheets):
        sheet = book.create_sheet(name)
        start = 1
        if index == 0:
            write_title(sheet, title, len(headers))
            start = 2
        end = write_table(sheet, [list(headers), *[list(r) for r in rows]], start=start)
        for offset, note in enumerate(notes):
            sheet.cell(row=end + 1 + offset, column=1, value=note)
        sheet.column_dimensions["A"].width = 20
    return save_workbook(book)


def annual_workbook(report: AnnualReport, checks: Sequence[tuple[str, str]] | None = None,
                    missing: Sequence[tuple[str, str]] = ()) -> bytes:
    """Tables 二, 三 and 四 of the annual report, one sheet each, plus the check.

    *checks* (a roll-up of several departments): each department's own check, listed after the sum's; *missing*:
    the departments whose own figures of table 二 were not there to be summed, and what that means.
    """
    book = Workbook()
    two = book.active
    two.title = "表二 主动公开"
    t2 = report.table2
    write_table(two, [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
                 ["规章", *(t2.regulations or (UNFILLED,) * 3)], ["行政规范性文件", *t2.normative]])
    write_table(two, [["信息内容", "本年处理决定数量"], ["行政许可", _filled(t2.licensing)],
                      ["行政处罚", _filled(t2.penalty)], ["行政强制", _filled(t2.enforcement)]], start=5)
    fees = UNFILLED if t2.fees is None else float(fee_amount(t2.fees))
    write_table(two, [["信息内容", FEE_HEADER], ["行政事业性收费", fees]], start=10)
    three = book.create_sheet("表三 依申请公开")
    rows: list[list[object]] = [[TABLE3_CORNER, *APPLICANT_TYPES, "总计"]]
    for row in report.table3:
        label = "　" * row.depth + f"{row.number}{separator(row)}{row.label}"
        counts = [row.counts[t] for t in APPLICANT_TYPES] if row.counts is not None else [None] * 6
        rows.append([label, *counts, row.total])
    write_table(three, rows)
    three.column_dimensions["A"].width = 36
    four = book.create_sheet("表四 复议诉讼")
    keys = list(RESULT_LABELS)
    write_table(four, [["类别", *RESULT_LABELS.values()],
                  *[[group, *(report.table4[group][k] for k in keys)] for group in TABLE4_GROUPS]])
    check = book.create_sheet("勾稽检查")
    lines = [[p] for p in report.problems] or [["一 + 二 = 三(七) + 四：平衡"]]
    end = write_table(check, [["检查"], *lines, *[[n] for n in report.notes]])
    if checks is not None:
        end = write_table(check, [["部门", "勾稽检查（一 + 二 = 三(七) + 四）"], *[list(c) for c in checks]], start=end + 1)
    if missing:
        write_table(check, [["部门", "年度报告数据"], *[list(m) for m in missing]], start=end + 1)
    if checks is not None or missing:  # a column of department names
        check.column_dimensions["A"].width = 24
    return save_workbook(book)


def _filled(value: int | None) -> int | str:
    """A count of table 二, or 待填写 where annual/<year>.yaml was not there to give it (never a 0)."""
    return UNFILLED if value is None else value


def save_workbook(book: Workbook) -> bytes:
    """The workbook as bytes that depend only on its content (no save time anywhere)."""
    book.properties.created = _FIXED
    book.properties.modified = _FIXED
    texts_stay_text(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_zip(buffer.getvalue(), _FIXED)
