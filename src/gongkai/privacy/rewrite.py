"""Rewrite a list (CSV, XLSX or Markdown) with every piece of personal data in the masking format."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.comments import Comment
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.formulas import FORMULA_STARTS, as_text
from gongkai.privacy.detect import KINDS, find, landline_digits
from gongkai.privacy.documents import as_number, cell_text, check_workbook, conditional_formats
from gongkai.privacy.boxes import boxed_masks, phone_columns
from gongkai.privacy.columns import cells_under, number_columns
from gongkai.privacy.extract import Unreadable, csv_layout, markdown_tables, text_codec, text_of
from gongkai.privacy.mask import mask_text, mask_value
from gongkai.privacy.spreadsheet import format_readings, formula_result
from gongkai.strictxml import usual_names

SUFFIXES = ("csv", "xlsx", "md", "markdown", "txt")
UNREADABLE = "unreadable"  # what mask leaves that the gate refuses the whole file for (Masked.masked says why)


@dataclass(frozen=True)
class Masked:
    """One value masked: where, what kind, and the value as now written."""

    where: str
    kind: str
    masked: str

    @property
    def label(self) -> str:
        return "无法确认" if self.kind == UNREADABLE else KINDS[self.kind]


@dataclass
class MaskResult:
    """The rewritten file's bytes and what was masked in it."""

    data: bytes
    masked: list[Masked] = field(default_factory=list)
    left: list[Masked] = field(default_factory=list)  # what the rewritten file still holds (mask_file)


def agency_allowed(path: Path) -> frozenset[str]:
    """The bureau's own numbers when *path* lies inside a catalog (a parent folder holds gongkai.yaml)."""
    from gongkai.catalog.yamlio import YamlFailure, parse_fast
    from gongkai.model import Agency
    from gongkai.privacy.scan import allowed_of

    for folder in path.resolve().parents:
        agency = folder / "gongkai.yaml"
        if agency.is_file():
            try:
                model = Agency.model_validate(parse_fast(agency.read_text(encoding="utf-8", errors="replace")))
            except (YamlFailure, ValueError):
                return frozenset()
            return allowed_of(model)
    return frozenset()


def mask_file(path: Path, data: bytes, allowed: frozenset[str] = frozenset()) -> MaskResult:
    """*data* (the content of *path*) rewritten with personal data masked; the suffix picks the format. What the
    rewritten file still holds that the publishing gate reads (a comment, a header, document properties…) is listed
    in the result's *left*, found as the gate finds it."""
    suffix = path.suffix.lower().lstrip(".")
    if suffix == "csv":
        result = _mask_csv(data, allowed)
    elif suffix == "xlsx":
        result = _mask_xlsx(data, allowed)
    else:
        result = _mask_lines(data, allowed)
    result.left = _left(suffix, result.data, path.name, allowed)
    return result


def _left(suffix: str, data: bytes, label: str, allowed: frozenset[str]) -> list[Masked]:
    """The personal data the gate would still find in the rewritten file, each value once: read as the gate reads an
    attachment (scan.attachment_scan) — cell by cell, along the rows (an ID one digit to a box of a 申请表, which no
    cell holds whole and mask cannot rewrite), and the masks of one number read together."""
    from gongkai.privacy.documents import document_segments
    from gongkai.privacy.extract import Segment, markdown_segments
    from gongkai.privacy.scan import attachment_scan

    if suffix in ("csv", "xlsx"):
        try:
            segments, tables = document_segments(suffix, data, label)
        except Unreadable as refused:  # (a formula gongkai cannot compute: the gate refuses the file as it is)
            return [Masked(label, UNREADABLE, str(refused))]
    else:
        text = text_of(data)
        # (and line by line, as a record's body is read: two masks of one number on two lines read together)
        segments = [*markdown_segments(text, label), Segment(text, label)]  # (a finding is named at its line first)
        tables = markdown_tables(text) if "|" in text else []
    found = attachment_scan("", (), segments, tables, allowed)
    # (a number the whole text holds and no line does — wrapped onto the next line — is named by the lines it spans)
    spans = {} if suffix in ("csv", "xlsx") else _spans(segments[-1].text, label, allowed)
    return list({(f.where, f.kind, f.masked_value): Masked(spans.get((f.kind, f.masked_value), f.where)
                                                           if f.where == label else f.where, f.kind, f.masked_value)
                 for f in found}.values())


def _spans(text: str, label: str, allowed: frozenset[str]) -> dict[tuple[str, str], str]:
    """(kind, masked value) → 「名单.md第3至4行」: the lines of *text* each number found in it stands on."""
    spans: dict[tuple[str, str], str] = {}
    for hit in find(text, allowed):
        first, last = text.count("\n", 0, hit.start) + 1, text.count("\n", 0, max(hit.end - 1, hit.start)) + 1
        spans.setdefault((hit.kind, hit.masked), f"{label}第{first}行" if first == last else f"{label}第{first}至{last}行")
    return spans


def _encoding(data: bytes) -> str:
    """The encoding a text file is written back in: the one it was read in (extract.text_codec), so Excel and Notepad
    open the rewritten file as they opened it — 「Unicode 文本」 (UTF-16) included; GB18030 for what only decodes
    leniently (extract.text_of)."""
    return text_codec(data) or "gb18030"


def _mask_csv(data: bytes, allowed: frozenset[str]) -> MaskResult:
    text = text_of(data)
    head, delimiter = csv_layout(text)  # (Excel's 「sep=;」 line: the cells as Excel shows them, the line kept)
    rows = list(csv.reader(io.StringIO(text[len(head):]), delimiter=delimiter))
    result = MaskResult(b"")
    for r, cells, kind, masked, how in boxed_masks(rows, allowed):
        for c, mark in cells.items():
            rows[r][c] = mark
        result.masked.append(Masked(f"第{r}行（{how}）" if r else f"表头（{how}）", kind, masked))
    at, labels = number_columns(rows)
    phones_at, phones = phone_columns(rows)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            where = f"第{r}行第{c + 1}列" if r else f"表头第{c + 1}列"
            label = labels.get(c, "") if r > at else ""
            landline = _landline(cell, result, where) if r > phones_at and c in phones else None
            row[c] = landline or _masked_cell(cell, _computed(cell), where, result, allowed, label)
    buffer = io.StringIO(newline="")
    encoding = _encoding(data)
    ends = "\r\n" if "\r\n" in data.decode(encoding, errors="replace") else "\n"
    csv.writer(buffer, delimiter=delimiter, lineterminator=ends).writerows(rows)
    result.data = ((head.rstrip("\r\n") + ends if head else "") + buffer.getvalue()).encode(encoding)
    return result


def _computed(cell: str) -> str | None:
    """What Excel shows for a CSV cell it computes on opening (=13805951*1000+234), when gongkai can compute it."""
    text = cell.lstrip()
    if text[:1] not in FORMULA_STARTS:
        return None
    result = formula_result(text)
    return result if result is not None and result != cell.strip() else None


def _masked_cell(text: str, computed: str | None, where: str, result: MaskResult, allowed: frozenset[str],
                 label: str = "") -> str:
    """A CSV cell with its personal data masked (read after its column's *label*: _mask_under); a formula whose result
    holds some becomes that result, masked."""
    if computed is not None and (shown := _mask_under(label, computed, allowed))[1]:
        masked, done = shown
        result.masked.extend(Masked(f"{where}（公式计算结果）", kind, value) for kind, value in done)
        return masked
    masked, done = _mask_under(label, text, allowed)
    result.masked.extend(Masked(where, kind, value) for kind, value in done)
    return masked


def _landline(cell: str, result: MaskResult, where: str) -> str | None:
    """A cell of a list's phone column holding a landline (boxes.phone_columns), masked and told; else None."""
    digits = landline_digits(cell)
    if digits is None:
        return None
    masked = mask_value("phone", digits)
    result.masked.append(Masked(where, "phone", masked))
    return masked


def _mask_under(label: str, text: str, allowed: frozenset[str]) -> tuple[str, list[tuple[str, str]]]:
    """mask_text of a table cell read after what its column's header says (身份证号：…, 存折账号：…:
    columns.number_columns), as the gate reads it (boxes.headed_numbers); without a *label*, mask_text."""
    if label:
        masked, done = mask_text(label + text, allowed)
        if masked.startswith(label):
            return masked[len(label):], done
    return mask_text(text, allowed)


def _mask_xlsx(data: bytes, allowed: frozenset[str]) -> MaskResult:
    """Every cell as Excel shows it — its value, its formula's result, through its number format — and every cell
    comment; a cell that shows personal data becomes the text it shows, masked, in the General format. A number
    format of the conditional formatting that makes a value show personal data is removed."""
    from openpyxl import load_workbook

    check_workbook(data)  # (opened whole, a workbook makes every cell up to its last one: none too many)
    book = load_workbook(io.BytesIO(usual_names(data)))
    conditional = conditional_formats(data)
    result = MaskResult(b"")
    unsafe: set[str] = set()
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows())
        texts = [["" if c.value is None else cell_text(c.value) for c in row] for row in rows]
        first = next((n for n, values in enumerate(texts) if any(values)), 0)  # (the gate's header: documents.py)
        for number, cells, kind, masked, how in boxed_masks(texts[first:], allowed):
            for column, mark in cells.items():
                rows[first + number][column].value = texts[first + number][column] = mark
            result.masked.append(Masked(f"{sheet.title}!第{first + number + 1}行（{how}）", kind, masked))
        at, labels = number_columns(texts[first:])
        phones_at, phones = phone_columns(texts[first:])
        for number, row in enumerate(rows):
            for column, cell in enumerate(row):
                where = f"{sheet.title}!{cell.coordinate}"
                # (a landline as the cell shows it: its value in the General or text format, no formula)
                if (number > first + phones_at and column in phones and cell.number_format in ("General", "@")
                        and cell.data_type != "f" and isinstance(cell.value, (str, int))
                        and (landline := _landline(texts[number][column], result, where)) is not None):
                    cell.value = landline
                    as_text(cell)
                    continue
                _mask_xlsx_cell(cell, where, result, allowed, labels.get(column, "") if number > first + at else "")
                unsafe.update(_unsafe_conditional(cell.value, conditional, where, result, allowed))
                if cell.comment is not None:
                    text, done = mask_text(cell.comment.text or "", allowed)
                    if done:
                        cell.comment = Comment(text, cell.comment.author or "")
                        result.masked.extend(Masked(f"{where}（批注）", kind, value) for kind, value in done)
        _mask_headers(sheet, result, allowed)
    for style in book._differential_styles.dxf:  # noqa: SLF001 - openpyxl keeps them only there
        if style.numFmt is not None and (style.numFmt.formatCode in unsafe or _holds(style.numFmt.formatCode, allowed)):
            style.numFmt = None
    _general_formats(book, allowed)
    _mask_properties(book, result, allowed)
    buffer = io.BytesIO()
    book.save(buffer)
    result.data = buffer.getvalue()
    return result


def _mask_xlsx_cell(cell: Cell, where: str, result: MaskResult, allowed: frozenset[str], label: str = "") -> None:
    value = cell.value
    formula = getattr(value, "text", value)  # an array formula keeps its text in .text
    if isinstance(formula, str) and formula.startswith("=") and (cell.data_type == "f" or formula is not value):
        computed = formula_result(formula)
        if computed is None:  # not computed (references, other functions): its text, as text
            masked, done = _mask_under(label, formula, allowed)
            if done:
                cell.value = masked
                as_text(cell)  # the masked text, never a formula run on opening
                result.masked.extend(Masked(where, kind, found) for kind, found in done)
            return
        value, where = as_number(computed), f"{where}（公式计算结果）"
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return  # a date, a time, a truth value: nothing a detector reads
    code = cell.number_format if isinstance(cell.number_format, str) else "General"
    readings = [cell_text(value), *(format_readings(value, code) if code != "General" else [])]
    done = [found for text in readings for found in _mask_under(label, text, allowed)[1]]
    if not done:  # (a formula whose result holds none stays a formula)
        return
    shown = format_readings(value, code, shown_only=True)[:1] if code != "General" else []
    for text in (*shown, cell_text(value)):  # what the cell shows, else its value: the first that holds some
        masked, found = _mask_under(label, text, allowed)
        if found:
            break
    else:  # only another section of its format would show some: the cell shows what it showed
        masked = shown[0] if shown else cell_text(value)
    cell.value = masked
    as_text(cell)
    cell.number_format = "General"
    label = where if code == "General" else f"{where}（按单元格的数字格式显示）"
    result.masked.extend(Masked(label, kind, found) for kind, found in dict.fromkeys(done))


def _mask_headers(sheet: Worksheet, result: MaskResult, allowed: frozenset[str]) -> None:
    """The sheet's headers and footers (what it prints at the top and bottom of each page)."""
    for name in ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"):
        for side, part in (("左", "left"), ("中", "center"), ("右", "right")):
            piece = getattr(getattr(sheet.HeaderFooter, name), part)
            masked, done = mask_text(piece.text or "", allowed)
            if done:
                piece.text = masked
                what = "页眉" if "Header" in name else "页脚"
                result.masked.extend(Masked(f"{sheet.title}（{what}{side}）", kind, found) for kind, found in done)


def _general_formats(book: Workbook, allowed: frozenset[str]) -> None:
    """A number format whose own text holds digits of personal data (「"1380"0000000」) becomes General, in its place
    in the workbook's table (its number stays, so every other cell keeps its format). The cells it made show personal
    data were masked already."""
    formats = book._number_formats  # noqa: SLF001 - openpyxl keeps the custom formats only there
    for index, code in enumerate(list(formats)):
        if _holds(code, allowed):
            formats[index] = "General"


def _holds(code: str, allowed: frozenset[str]) -> bool:
    """Whether a number format's own text, or what it shows of 0, holds personal data (the gate reads both)."""
    # (find() gives an iterator, never empty to «any»: asked so, every custom format of the workbook became General —
    # a date shown 46086, an amount without its 元)
    return any(next(find(text, allowed), None) is not None for text in (code, *format_readings(0, code)))


def _mask_properties(book: Workbook, result: MaskResult, allowed: frozenset[str]) -> None:
    """The document properties a reader sees under 文件 → 信息 (标题, 作者, 备注…)."""
    properties = book.properties
    for name in ("creator", "title", "description", "subject", "identifier", "lastModifiedBy", "category",
                 "contentStatus", "keywords", "version", "revision"):
        value = getattr(properties, name, None)
        if isinstance(value, str):
            masked, done = mask_text(value, allowed)
            if done:
                setattr(properties, name, masked)
                result.masked.extend(Masked(f"文档属性（{name}）", kind, found) for kind, found in done)


def _unsafe_conditional(value: object, codes: tuple[str, ...], where: str, result: MaskResult,
                        allowed: frozenset[str]) -> set[str]:
    """The conditional formatting's number formats through which *value* shows personal data."""
    if not codes or not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return set()
    unsafe = set()
    for code in codes:
        done = [found for text in format_readings(value, code) for found in mask_text(text, allowed)[1]]
        if done:
            unsafe.add(code)
            result.masked.extend(Masked(f"{where}（按条件格式的数字格式显示，已删去该数字格式）", kind, found)
                                 for kind, found in dict.fromkeys(done))
    return unsafe


def _with_cells(line: str, cells: dict[int, str]) -> str:
    """A Markdown table row with its cells numbered in *cells* (0-based) replaced, the rest as written."""
    parts = line.split("|")
    offset = 1 if line.lstrip().startswith("|") else 0  # (a leading pipe: an empty part before the first cell)
    for column, text in cells.items():
        part = parts[column + offset]
        parts[column + offset] = part.replace(part.strip(), text, 1) if part.strip() else text
    return "|".join(parts)


def _mask_lines(data: bytes, allowed: frozenset[str]) -> MaskResult:
    encoding = _encoding(data)
    lines = data.decode(encoding).split("\n")
    result = MaskResult(b"")
    # a number along a row first, each cell masked where it stands: the reading of a whole line would take 1380595 |
    # 1234 for one number and write its mask over both cells, the row a cell short of its header
    for table in markdown_tables("\n".join(lines)):
        rows = [table.header, *table.rows]  # (row n of them stands on line table.line + 1 + n: the separator between)
        for index, cells, kind, masked, how in boxed_masks(rows, allowed):
            at_line = (table.line or 0) + (1 + index if index else 0)
            lines[at_line] = _with_cells(lines[at_line], cells)
            result.masked.append(Masked(f"第{at_line + 1}行（{how}）", kind, masked))
    for number, line in enumerate(lines, start=1):
        lines[number - 1], done = mask_text(line, allowed)
        result.masked.extend(Masked(f"第{number}行", kind, value) for kind, value in done)
    for table in markdown_tables("\n".join(lines)):  # (cells under a header that names their number: _mask_under)
        rows = [table.header, *table.rows]
        for index, _, cell in cells_under(rows, *phone_columns(rows)):
            at_line = (table.line or 0) + 1 + index
            if (landline := _landline(cell, result, f"第{at_line + 1}行")) is not None:
                lines[at_line] = lines[at_line].replace(cell, landline, 1)
        at, labels = number_columns(rows)
        for index, column, cell in cells_under(rows, at, labels):
            at_line = (table.line or 0) + 1 + index
            masked, done = _mask_under(labels[column], cell, allowed) if cell else (cell, [])
            if done:
                lines[at_line] = lines[at_line].replace(cell, masked, 1)
                result.masked.extend(Masked(f"第{at_line + 1}行", kind, value) for kind, value in done)
    result.data = "\n".join(lines).encode(encoding)
    return result
