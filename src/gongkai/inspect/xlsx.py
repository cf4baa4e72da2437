"""The score sheet as an xlsx workbook laid out like the indicator: 检查结果, 问题明细, 年度报表 (and 基层监测)."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook

from gongkai.inspect.render import SECTIONS, deduction_text, headline, status_text
from gongkai.inspect.sheet import Check, Sheet, Status
from gongkai.reports.xlsx import save_workbook, write_table, write_title

RESULT_HEADERS = ("类别", "一级指标", "考察点", "判定标准 / 扣分细则", "依据", "结果", "扣分")
DETAIL_HEADERS = ("类别", "一级指标", "考察点", "编号", "文件或页面", "问题")
WIDTHS = {"A": 14, "B": 14, "C": 40, "D": 36, "E": 36, "F": 18, "G": 8}


def _figure(value: float) -> int | float:
    """Points as a number Excel can add up (=SUM over the 扣分 column), 3 rather than 3.0; text (「3」) sums to 0."""
    return int(value) if value == int(value) else value


def _detail(section: str, checks: Sequence[Check]) -> list[list[object]]:
    rows: list[list[object]] = [[section, c.indicator, c.point, e.object_id or "", e.path or "", e.text]
                                for c in checks for e in c.evidence]
    return rows + [[section, c.indicator, c.point, "", "", f"说明：{c.note}"] for c in checks if c.note]


def inspect_workbook(sheet: Sheet) -> bytes:
    """检查结果 (one row per indicator), 问题明细 (one row per finding), 年度报表, and 基层监测 when enabled."""
    book = Workbook()
    result = book.active
    result.title = "检查结果"
    write_title(result, f"{sheet.agency} 政府网站与政务新媒体检查（自查） {sheet.today}", len(RESULT_HEADERS))
    rows: list[list[object]] = [list(RESULT_HEADERS)]
    rows += [["单项否决", v.indicator, v.point, v.rule, v.source, status_text(v), ""] for v in sheet.vetoes]
    rows += [["扣分", d.indicator, d.point, d.rule, d.source, deduction_text(d),
              None if d.status is Status.UNCHECKED else _figure(d.points)] for d in sheet.deductions]
    rows += [["提醒", w.indicator, w.point, w.rule, w.source, f"{w.count} 项", ""] for w in sheet.warnings]
    rows.append(["结论", "", headline(sheet), "", "", sheet.verdict, _figure(sheet.score)])
    write_table(result, rows, start=2)
    for column, width in WIDTHS.items():
        result.column_dimensions[column].width = width
    detail = book.create_sheet("问题明细")
    monitoring = sheet.monitoring or []
    write_table(detail, [list(DETAIL_HEADERS), *_detail("单项否决", sheet.vetoes), *_detail("扣分", sheet.deductions),
                         *_detail("提醒", sheet.warnings), *_detail("基层监测", monitoring)])
    detail.column_dimensions["F"].width = 80
    figures = book.create_sheet("年度报表")
    write_table(figures, [[f"{SECTIONS[3]}（{sheet.figures.year}年度）", "项目", "数值", "单位"],
                          *[[f.group, f.label, f.value, f.unit] for f in sheet.figures.rows]])
    if sheet.monitoring is not None:
        watch = book.create_sheet("基层监测")
        write_table(watch, [["规则", "结果", "依据"], *[[m.point, status_text(m), m.source] for m in monitoring]])
    return save_workbook(book)
