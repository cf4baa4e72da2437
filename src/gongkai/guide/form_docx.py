"""The 申请表 as a Word document (python-docx): a bordered table on A4, 宋体, fixed dates for reproducible bytes."""

from __future__ import annotations

import datetime as dt

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table, _Cell

from gongkai.guide.layout import Cell, Form
from gongkai.ooxml import add_line, docx_bytes, set_font

CENTER = WD_ALIGN_PARAGRAPH.CENTER
COLUMNS = 4  # label | answer | label | answer


def form_docx(form: Form, stamp: dt.datetime) -> bytes:
    """*form* as .docx bytes; *stamp* is written as its created and modified time."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(18)
    add_line(document, form.title, 18, bold=True, align=CENTER)
    add_line(document, form.heading, 11, align=CENTER)
    if form.desk:
        add_line(document, "　".join(form.desk), 9, align=CENTER)
    table = document.add_table(rows=0, cols=COLUMNS)
    table.style, table.alignment = "Table Grid", WD_TABLE_ALIGNMENT.CENTER
    for part in form.sections:
        _heading_row(table, part.title)
        for row in part.rows:
            _row(table, row)
    add_line(document, "说明：", 9, bold=True)
    for number, note in enumerate(form.notes, 1):
        add_line(document, f"{number}. {note}", 9)
    return docx_bytes(document, form.title, form.agency, stamp)



def _write(cell: _Cell, text: str, bold: bool = False, lines: int = 1) -> None:
    paragraph = cell.paragraphs[0]
    set_font(paragraph.add_run(text), 10.5 if not bold else 11, bold)
    for _ in range(lines - 1):
        cell.add_paragraph()


def _heading_row(table: Table, title: str) -> None:
    cells = table.add_row().cells  # type: ignore[no-untyped-call]  # python-docx ships no annotation here
    merged = cells[0].merge(cells[-1])
    _write(merged, title, bold=True)
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), "E7E6E6")
    merged._tc.get_or_add_tcPr().append(shading)


def _row(table: Table, row: tuple[Cell, ...]) -> None:
    cells = table.add_row().cells  # type: ignore[no-untyped-call]  # python-docx ships no annotation here
    if len(row) == 1:
        _write(cells[0], row[0].label, bold=True)
        _write(cells[1].merge(cells[-1]), row[0].answer, lines=row[0].lines)
        return
    for index, item in enumerate(row):
        _write(cells[index * 2], item.label, bold=True)
        _write(cells[index * 2 + 1], item.answer, lines=item.lines)
