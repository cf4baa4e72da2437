"""The 申请表 as PDF (reportlab): the built-in Adobe CID font STSong-Light, so nothing is embedded or downloaded.

Readers with Chinese support (Adobe Reader, WPS, Foxit, browsers) draw STSong-Light from their own fonts; the PDF
stays small and licence-free. invariant mode fixes the creation date and document id: same form, same bytes.
"""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from gongkai.guide.layout import Cell, Form

FONT = "STSong-Light"
WIDTHS = (44 * mm, 41 * mm, 44 * mm, 41 * mm)


def _style(size: float, bold: bool = False, align: int = 0) -> ParagraphStyle:
    # CID fonts have no bold face: labels are set apart by the grey column instead.
    return ParagraphStyle(f"s{size}{bold}{align}", fontName=FONT, fontSize=size, leading=size * 1.5,
                          alignment=align, wordWrap="CJK")


def form_pdf(form: Form) -> bytes:
    """*form* as PDF bytes on A4."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=16 * mm,
                                 bottomMargin=16 * mm, title=form.title, author=form.agency, subject=form.heading,
                                 creator="gongkai", invariant=1)
    story: list[Flowable] = [Paragraph(form.title, _style(18, align=1)), Spacer(0, 3 * mm),
                             Paragraph(form.heading, _style(11, align=1))]
    if form.desk:
        story.append(Paragraph("　".join(form.desk), _style(8.5, align=1)))
    story += [Spacer(0, 3 * mm), _table(form), Spacer(0, 3 * mm), Paragraph("说明：", _style(9))]
    story += [Paragraph(f"{n}. {note}", _style(8.5)) for n, note in enumerate(form.notes, 1)]
    document.build(story)
    return buffer.getvalue()


def _table(form: Form) -> Table:
    rows: list[list[object]] = []
    heights: list[float | None] = []  # room to write by hand: at least 8 mm a row, more for long answers
    commands: list[tuple[object, ...]] = [("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                                          ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    label, answer = _style(10), _style(10)
    for part in form.sections:
        commands += [("SPAN", (0, len(rows)), (-1, len(rows))),
                     ("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.HexColor("#E7E6E6"))]
        rows.append([Paragraph(part.title, _style(11)), "", "", ""])
        heights.append(None)
        for row in part.rows:
            rows.append(_cells(row, label, answer))
            heights.append(max(8 * mm, max(item.lines for item in row) * 6.5 * mm))
            if len(row) == 1:
                commands.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
            commands += [("BACKGROUND", (i, len(rows) - 1), (i, len(rows) - 1), colors.HexColor("#F4F4F4"))
                         for i in range(0, 2 * len(row), 2)]
    return Table(rows, colWidths=WIDTHS, rowHeights=heights, style=TableStyle(commands))


def _cells(row: tuple[Cell, ...], label: ParagraphStyle, answer: ParagraphStyle) -> list[object]:
    cells: list[object] = []
    for item in row:
        cells += [Paragraph(item.label, label), Paragraph(item.answer, answer)]
    return cells + [""] * (4 - len(cells))
