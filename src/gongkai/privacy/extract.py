"""The text of what will be published, piece by piece, each piece with where it is (line, table cell, sheet cell, page).

Markdown and CSV table cells are named 第N行第M列 counting data rows below the header (表头 is the header row);
XLSX cells by their sheet and address (Sheet1!C12); PDF text by page (第2页).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field


TEXT_SUFFIXES = ("csv", "xlsx", "pdf", "txt", "md")
_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Segment:
    """A piece of published text and its place: a description for people and, in the body, the line in it."""

    text: str
    where: str
    line: int | None = None  # 0-based line inside the body or text file


@dataclass
class Table:
    """A table found in the published text: its header and where it is, for the 公示 column allow-list."""

    header: list[str]
    where: str
    line: int | None = None
    rows: list[list[str]] = field(default_factory=list)


def split_row(line: str) -> list[str]:
    """The cells of one Markdown table row."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", inner)]


def markdown_tables(text: str) -> list[Table]:
    """Every pipe table of a Markdown text, with the 0-based line of its header row."""
    lines = text.split("\n")
    tables: list[Table] = []
    index = 0
    while index < len(lines) - 1:
        if lines[index].lstrip().startswith("|") and _SEPARATOR.match(lines[index + 1].strip()):
            table = Table(split_row(lines[index]), "正文表格", index)
            index += 2
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                table.rows.append(split_row(lines[index]))
                index += 1
            tables.append(table)
        else:
            index += 1
    return tables


def markdown_segments(text: str, label: str) -> Iterator[Segment]:
    """Lines of a Markdown text; table cells are named by their row and column."""
    cells: dict[int, list[tuple[int, int, str, str]]] = {}
    for table in markdown_tables(text):
        assert table.line is not None
        for r, row in enumerate(table.rows, start=1):
            cells[table.line + 1 + r] = [(r, c, cell, _header(table.header, c)) for c, cell in enumerate(row, 1)]
    for number, line in enumerate(text.split("\n")):
        if number in cells:
            for r, c, cell, head in cells[number]:
                yield Segment(cell, f"{label}表格第{r}行第{c}列{head}", number)
        else:
            yield Segment(line, f"{label}第{number + 1}行", number)


def _header(header: list[str], column: int) -> str:
    name = header[column - 1] if 0 < column <= len(header) else ""
    return f"（{name}）" if name else ""


def csv_rows(data: bytes) -> list[list[str]]:
    """The rows of a CSV file in UTF-8 (with or without BOM) or GB18030, the encodings Excel writes."""
    return list(csv.reader(io.StringIO(text_of(data))))


def text_of(data: bytes) -> str:
    """Attachment bytes as text: UTF-8 (with or without BOM), else GB18030 as older Excel saves it."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("gb18030", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def csv_segments(data: bytes, label: str) -> tuple[list[Segment], list[Table]]:
    """Cells of a CSV file; the first row is the header."""
    rows = csv_rows(data)
    if not rows:
        return [], []
    header = rows[0]
    segments = [Segment(cell, f"{label} 表头第{c}列") for c, cell in enumerate(header, 1)]
    for r, row in enumerate(rows[1:], start=1):
        segments.extend(Segment(cell, f"{label} 第{r}行第{c}列{_header(header, c)}") for c, cell in enumerate(row, 1))
    return segments, [Table(header, label, None, rows[1:])]


def xlsx_segments(data: bytes, label: str) -> tuple[list[Segment], list[Table]]:
    """Cells of every sheet of an XLSX workbook, named Sheet!C12; each sheet's first row is its header."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    segments: list[Segment] = []
    tables: list[Table] = []
    try:
        for sheet in book.worksheets:
            header: list[str] | None = None
            rows: list[list[str]] = []
            for row in sheet.iter_rows():
                values = ["" if c.value is None else _cell_text(c.value) for c in row]
                if header is None and any(values):
                    header = values
                elif header is not None:
                    rows.append(values)
                segments.extend(Segment(v, f"{label} {sheet.title}!{c.coordinate}")
                                for c, v in zip(row, values, strict=False) if v and hasattr(c, "coordinate"))
            if header is not None:
                tables.append(Table(header, f"{label} {sheet.title}", None, rows))
    finally:
        book.close()
    return segments, tables


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def pdf_segments(data: bytes, label: str) -> list[Segment]:
    """The text of each page of a text PDF (scanned pages have none and are skipped)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [Segment(page.extract_text() or "", f"{label} 第{n}页") for n, page in enumerate(reader.pages, start=1)]


def attachment_segments(suffix: str, data: bytes, label: str) -> tuple[list[Segment], list[Table]]:
    """The readable text of an attachment; formats gongkai cannot read give nothing."""
    if suffix == "csv":
        return csv_segments(data, label)
    if suffix == "xlsx":
        return xlsx_segments(data, label)
    if suffix == "pdf":
        return pdf_segments(data, label), []
    if suffix in ("txt", "md"):
        text = text_of(data)
        return list(markdown_segments(text, label)), markdown_tables(text)
    return [], []
