"""送交信息目录表: the rows, the header and footer, as xlsx, csv and a print-ready A4 HTML page."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from importlib.resources import files
from typing import cast

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.worksheet.properties import PageSetupProperties

from gongkai.formulas import csv_bytes, texts_stay_text
from gongkai.handover.plan import EMPTY_NOTE, Batch
from gongkai.model.agency import Recipient
from gongkai.ooxml import stable_zip

TITLE = "送交信息目录表"
COLUMNS = ("序号", "索引号", "题名", "文号", "责任者", "成文日期", "公开日期", "页数", "纸质份数",
           "电子文件名称", "电子文件格式", "备注")
WIDTHS = (6, 24, 44, 18, 16, 12, 12, 6, 8, 30, 10, 24)
# 电子文件清单: each electronic file the 馆 receives, with what it can check the copy it holds against (a file replaced
# after sending keeps its name: the checksum tells the two versions apart)
FILES_TITLE = "电子文件清单"
FILE_COLUMNS = ("序号", "索引号", "电子文件名称", "电子文件格式", "大小（字节）", "SHA-256 校验值")
FILE_WIDTHS = (6, 24, 30, 10, 14, 70)
FOOTER = ("送交人（签名）：", "接收人签收：", "日期：")
COPY_LABELS = ("第一联　接收单位留存", "第二联　签收后退回送交单位")


@dataclass(frozen=True)
class Manifest:
    """The 目录表 of one batch for one recipient, as plain data every format renders."""

    batch: Batch
    recipient: Recipient

    @property
    def header(self) -> list[tuple[str, str]]:
        settings, org = self.batch.settings, self.batch.agency.org
        return [
            ("送交单位", org.name),
            ("接收单位", self.recipient.name),
            ("批次", f"{self.batch.date.isoformat()}（覆盖{self.batch.period}公开的信息"
                     f"{'；' + self.batch.catches_up if self.batch.catches_up else ''}）"),
            ("联系人", settings.contact or org.contact or ""),
            ("联系电话", settings.phone or org.phone or ""),
        ]

    @property
    def rows(self) -> list[list[str]]:
        author = self.batch.agency.org.name
        rows = []
        for number, entry in enumerate(self.batch.entries, 1):
            record, files = entry.record, entry.files_for(self.recipient)
            # paper and electronic copies go together and match in number: a 馆 that receives none of the record's
            # files (its list of people kept back) receives no paper copy either
            paper = str(entry.paper_for(self.recipient))
            rows.append([
                str(number), record.index_number or "", record.title, record.doc_number or "", record.author or author,
                record.formed.isoformat(), record.published.isoformat() if record.published else "",
                str(record.pages or ""), paper, "；".join(f.name.split("/")[-1] for f in files),
                "、".join(sorted({f.format for f in files})), entry.remark_for(self.recipient),
            ])
        return rows

    @property
    def file_rows(self) -> list[list[str]]:
        """Each electronic file the recipient receives: the row (序号) it belongs to, its name, size and SHA-256."""
        return [[str(number), entry.record.index_number or "", sent.name.split("/")[-1], sent.format, str(sent.size),
                 sent.sha256]
                for number, entry in enumerate(self.batch.entries, 1) for sent in entry.files_for(self.recipient)]


def to_csv(manifest: Manifest) -> bytes:
    """The 目录表 as CSV (UTF-8 with BOM, so that Excel on Windows reads the Chinese)."""
    rows = manifest.rows or [["", "", EMPTY_NOTE] + [""] * (len(COLUMNS) - 3)]
    return csv_bytes([*([label, value] for label, value in manifest.header), COLUMNS, *rows])


def to_html(manifest: Manifest) -> bytes:
    """The print page: A4 landscape, one page per copy, with stamp and signature boxes."""
    env = Environment(loader=FileSystemLoader(str(files("gongkai") / "templates" / "handover")),
                      autoescape=select_autoescape(["html"]), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    page = env.get_template("manifest.html").render(
        title=TITLE, header=manifest.header, columns=COLUMNS, rows=manifest.rows, empty_note=EMPTY_NOTE,
        files_title=FILES_TITLE, file_columns=FILE_COLUMNS, file_rows=manifest.file_rows,
        footer=FOOTER, copies=COPY_LABELS, sender=manifest.batch.agency.org.name, recipient=manifest.recipient.name,
        date=manifest.batch.date.isoformat(),
    )
    return page.encode("utf-8")


def to_xlsx(manifest: Manifest) -> bytes:
    """The 目录表 as an xlsx workbook, byte-stable for the same batch."""
    book = Workbook()
    sheet = book.active
    sheet.title = TITLE
    _fill(sheet, manifest)
    if manifest.file_rows:
        _fill_files(book.create_sheet(FILES_TITLE), manifest)
    stamp = dt.datetime.combine(manifest.batch.date, dt.time())
    book.properties.creator = manifest.batch.agency.org.name
    book.properties.created = book.properties.modified = stamp
    texts_stay_text(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return stable_zip(buffer.getvalue(), stamp)


def _fill(sheet: object, manifest: Manifest) -> None:
    ws = cast(Workbook, sheet)
    last = len(COLUMNS)
    ws.append([TITLE])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last)
    ws.cell(1, 1).font, ws.cell(1, 1).alignment = Font(size=16, bold=True), Alignment(horizontal="center")
    for label, value in manifest.header:
        ws.append([f"{label}：{value}"])
        ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=last)
    ws.append(list(COLUMNS))
    header_row, thin = ws.max_row, Side(style="thin")
    for row in manifest.rows or [["", "", EMPTY_NOTE]]:
        ws.append(row)
    if not manifest.rows:
        ws.merge_cells(start_row=ws.max_row, start_column=3, end_row=ws.max_row, end_column=last)
    for row in ws.iter_rows(min_row=header_row, max_row=ws.max_row, max_col=last):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    ws.append([])
    ws.append(["　　".join(f"{text}＿＿＿＿＿＿" for text in FOOTER)])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=last)
    for index, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    _a4_landscape(ws, header_row)


def _a4_landscape(ws: Workbook, header_row: int) -> None:
    """Print *ws* on A4 landscape, one page wide (as many long), its column names atop every page."""
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize, ws.page_setup.orientation = ws.PAPERSIZE_A4, "landscape"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _fill_files(sheet: object, manifest: Manifest) -> None:
    ws = cast(Workbook, sheet)
    ws.append([FILES_TITLE])
    ws.cell(1, 1).font = Font(size=14, bold=True)
    ws.append(list(FILE_COLUMNS))
    for row in manifest.file_rows:
        ws.append(row)
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row, max_col=len(FILE_COLUMNS)):
        for cell in row:  # a long file name wraps in its cell, not over the checksum beside it
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    for index, width in enumerate(FILE_WIDTHS, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    # (the six columns are wider than A4 landscape: printed as they were, the SHA-256 went to a second sheet of paper)
    _a4_landscape(ws, 2)
