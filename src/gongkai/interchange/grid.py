"""A worksheet as plain text cells and merged ranges, whatever the file: xlsx (openpyxl), old .xls (xlrd) or csv."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePath
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.utils import get_column_letter

from gongkai.catalog import invisible
from gongkai.formulas import uninert
from gongkai.privacy.documents import check_workbook
from gongkai.strictxml import usual_names
from gongkai.privacy.extract import Unreadable, decode_text
from gongkai.privacy.formats import password_protected

XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2 compound file: Excel 97–2003 .xls
XLSX_MAGIC = b"PK"
_DAMAGED = "文件可能已损坏、不完整或加了密码。请用 Excel 或 WPS 打开，另存为「.xlsx」后再导入"
# Saving again keeps an opening password: the clerk has to clear it, and gongkai says where.
_PASSWORD = ("表格设了打开密码（已加密），gongkai 读不出内容：请在 Excel 中「文件 → 信息 → 保护工作簿 → 用密码进行加密」"
             "（WPS：「文件 → 文档加密 → 密码加密」）清空打开密码并保存后再导入；只设了「保护工作表」的不用改")
# A column narrower than one character, a row lower than three points, shows no text: hidden as surely as by the
# 「隐藏」 flag (a column dragged to nothing in WPS, a table written by another program).
MIN_WIDTH = 1.0  # characters
MIN_HEIGHT = 3.0  # points


class UnreadableWorkbook(Exception):
    """The bytes are not a workbook gongkai can open; str() is a Chinese explanation."""


@dataclass
class Grid:
    """One sheet: non-empty cell texts by (row, column), 1-based, and merged ranges (top, left, bottom, right)."""

    name: str
    cells: dict[tuple[int, int], str]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: bool = False  # the sheet itself is hidden (often an old version or a list of choices)
    hidden_rows: frozenset[int] = frozenset()  # rows hidden by hand or by a filter
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # formulas the file holds no result for
    dates: frozenset[tuple[int, int]] = frozenset()  # cells Excel holds as a date (no directory column is one)
    numbers: frozenset[tuple[int, int]] = frozenset()  # cells Excel holds as a number (a leading 0 is gone)
    # Hidden columns that held text, each with its first cell (row, text): often an old version of a column kept
    # beside the current one. Their cells are left out of `cells`, as hidden rows are left out of the import.
    hidden_cols: dict[int, tuple[int, str]] = field(default_factory=dict)
    narrow_cols: dict[int, float] = field(default_factory=dict)  # hidden by their width alone: column → width
    low_rows: dict[int, float] = field(default_factory=dict)  # hidden by their height alone: row → height
    # Text drawn struck through (the whole cell's font, or runs of it): how a reviewer marks what to delete. The
    # text is still in the cell, and would be imported as if nobody had struck it.
    struck: dict[tuple[int, int], str] = field(default_factory=dict)
    csv: bool = False  # read from a csv file: every cell is text, a number Excel saved in it shows no type

    @cached_property
    def rows(self) -> int:
        return max((r for r, _ in self.cells), default=0)

    @cached_property
    def cols(self) -> int:
        return max((c for _, c in self.cells), default=0)

    @cached_property
    def _anchors(self) -> dict[tuple[int, int], tuple[int, int]]:
        anchors = {}
        for top, left, bottom, right in self.merged:
            for row in range(top, bottom + 1):
                for col in range(left, right + 1):
                    anchors[(row, col)] = (top, left)
        return anchors

    def own(self, row: int, col: int) -> str:
        """The text written in this very cell (empty inside a merged range except its top-left cell)."""
        return self.cells.get((row, col), "")

    def value(self, row: int, col: int) -> str:
        """The text a reader sees in this cell: a merged range's value fills every cell of it."""
        return self.cells.get(self._anchors.get((row, col), (row, col)), "")

    def anchor(self, row: int, col: int) -> tuple[int, int]:
        """The top-left cell of the merged range holding (row, col), or the cell itself."""
        return self._anchors.get((row, col), (row, col))

    def ref(self, row: int, col: int) -> str:
        """A cell reference as Excel shows it, e.g. 社会救助!C12."""
        return f"{self.name}!{get_column_letter(col)}{row}"


# How Excel stores a character XML cannot hold (「_x000B_」 for Word's Shift+Enter, 「_x000D_」 for a CR), and the
# underscore of a text that looks like one (「_x005F_x0041_」 is 「_x0041_」); openpyxl leaves them as they are.
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescaped(text: str) -> str:
    """*text* with Excel's _xHHHH_ escapes read; a pair of them for one character beyond U+FFFF joined, and half of
    such a pair (no character at all) shown as 「\ufffd」."""
    text = _EXCEL_ESCAPE.sub(lambda found: chr(int(found.group(1), 16)), text)
    try:
        return text.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def cell_text(value: Any) -> str:
    """A cell's value as text: whole numbers without .0, TRUE/FALSE as Excel shows them, Excel's _xHHHH_ escapes read,
    Windows line ends and the characters one cannot see (zero-width spaces, Word's line break …) removed."""
    if value is None:
        return ""
    if isinstance(value, bool):  # a check box linked to its cell (Excel, WPS) leaves TRUE or FALSE, shown so
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if "_x" in text:
        text = _unescaped(text)
    text = invisible.remove(text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.strip()


CSV_DELIMITERS = (",", "\t", ";")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv")  # what Excel and WPS save as 「CSV」 and 「Unicode 文本」


# Boxes and ticks typed in a symbol font, as Office users are taught to (font 「Wingdings 2」, type R for ☑): the file
# holds the letter, Excel shows the box. Read as what is shown, never as 「R」.
_SYMBOL_FONTS: dict[str, dict[str, str]] = {
    "wingdings": {"ü": "✓", "û": "✗", "þ": "☑", "ý": "☒", "¨": "☐", "n": "■", "o": "□"},
    "wingdings 2": {"P": "✓", "O": "✗", "R": "☑", "S": "☒", "T": "☒", "£": "☐"},
}


def shown_text(text: str, font: str | None) -> str:
    """*text* as a cell in *font* shows it: the letters of a symbol font as the boxes and ticks they draw."""
    symbols = _SYMBOL_FONTS.get((font or "").casefold())
    return "".join(symbols.get(ch, ch) for ch in text) if symbols else text


def read_grids(data: bytes, name: str = "") -> list[Grid]:
    """Every sheet of an xlsx or xls workbook, or the one table of a csv file (named after the file *name*), or
    UnreadableWorkbook saying why not. The bytes tell a workbook; a file named .csv (.txt, .tsv) that is none is read
    as text."""
    if password_protected(data):
        raise UnreadableWorkbook(_PASSWORD)
    if (other := no_table(data)) is not None:
        raise UnreadableWorkbook(other)
    if data.startswith(XLS_MAGIC):
        return _xls_grids(data, PurePath(name).suffix.lower())
    if not data.startswith(XLSX_MAGIC):
        if PurePath(name).suffix.lower() in TEXT_SUFFIXES:
            return [_csv_grid(data, PurePath(name).stem)]
        raise UnreadableWorkbook("既不是 xlsx 也不是 xls 表格。请用 Excel 或 WPS 打开后另存为「.xlsx」再导入")
    try:
        # (a 1 KB file can declare a million rows of 16,384 cells, which openpyxl would make one by one: the gate's
        # limits are asked first, on a reading that makes no cell of the blank ones between)
        check_workbook(data)  # (a 「Strict Open XML」 workbook in the usual names, as every reader of gongkai reads it)
        data = usual_names(data)
        # (runs of a cell in their own font, only where some are struck through: read so, every cell is slower)
        workbook = load_workbook(io.BytesIO(data), data_only=True, rich_text=_has_struck_runs(data))
        # The same file again for the formulas themselves: a formula whose result the file does not hold (a table
        # written by a program, never recalculated) reads as empty above, which would mean 「不改」 in silence. Only
        # when a sheet holds a formula: a table formatted far below its rows (borders drawn over 20,000 empty rows in
        # WPS) takes seconds to parse, and twice as long read twice.
        written = load_workbook(io.BytesIO(data)) if _has_formulas(data) else None
    except Unreadable as exc:
        raise UnreadableWorkbook(str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - a damaged file can fail anywhere in openpyxl: say so, never crash
        raise UnreadableWorkbook(f"无法作为 xlsx 表格打开：{_DAMAGED}") from exc
    return [_xlsx_grid(ws, None if written is None else written[ws.title]) for ws in workbook.worksheets]


_TO_XLSX = "请用 Excel 或 WPS 打开后另存为「.xlsx」再导入"
_WORD = ("是 Word（或 WPS 文字）文档，不是表格，gongkai 只导入表格：请在 Word 或 WPS 中选中整个目录表格、复制，粘贴到 Excel 或"
         " WPS 表格的空白工作表中，另存为「.xlsx」后再导入")


def no_table(data: bytes) -> str | None:
    """What a file that is no workbook nor csv really is, and what to do with it; None for any other file. The 目录 a
    county sends in Word or as a PDF, the web page a system's 「导出 Excel」 names .xls, an empty download: said for what
    they are, never 「文件可能已损坏」, never 「用 Excel 打开」 for a PDF."""
    if not data:
        return "文件是空的（0 字节），可能是复制、下载或保存时没有完成：请重新保存或下载后再导入"
    if b"%PDF-" in data[:1024]:
        return ("是 PDF 文件，不是表格，gongkai 读不出其中的表格：请向县政务公开办要 Excel 原表；或用 WPS「PDF 转 Excel」"
                "转换，逐行核对后另存为「.xlsx」再导入")
    if data.startswith(XLSX_MAGIC):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                kind = archive.read("mimetype")[:80] if "mimetype" in names else b""
        except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError, NotImplementedError):
            return None  # (a damaged workbook: its reader says so)
        if "word/document.xml" in names:
            return _WORD
        if "xl/workbook.bin" in names:
            return "是 Excel 二进制工作簿（.xlsb），gongkai 读不了：请在 Excel 中「另存为 → Excel 工作簿（*.xlsx）」后再导入"
        if "OFD.xml" in names:
            return "是 OFD 版式文件，不是表格，gongkai 读不出其中的表格：请向县政务公开办要 Excel 原表后再导入"
        if kind.startswith(b"application/vnd.oasis.opendocument"):
            return "是 OpenDocument 文件（.ods/.odt，LibreOffice 等保存），gongkai 读不了：" + _TO_XLSX
        return None
    if data.startswith(XLS_MAGIC):
        return _WORD if "WordDocument".encode("utf-16-le") in data and _word_streams(data) else None
    head = (decode_text(data[:1024]) or decode_text(data[:1023]) or "").lstrip("\ufeff \t\r\n").casefold()
    if "urn:schemas-microsoft-com:office:spreadsheet" in head:
        return "是 Excel 2003 XML 表格（扩展名常是 .xls 或 .xml），gongkai 读不了：" + _TO_XLSX
    if head.startswith(("<!doctype html", "<html", "<table", "<?xml", "<meta", "<head", "<body")):
        return "是网页（HTML）文件，不是 Excel 表格（有的系统「导出 Excel」导出的其实是网页）：" + _TO_XLSX
    return None


def _word_streams(data: bytes) -> bool:
    """Whether the OLE2 file *data* is a Word (or WPS 文字) document: its top holds Word's stream and no workbook's (an
    .xls may embed a Word object, whose streams lie deeper)."""
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            return bool(ole.exists("WordDocument") and not ole.exists("Workbook") and not ole.exists("Book"))
    except (OSError, ValueError, IndexError, TypeError):  # (a damaged file: its reader says so)
        return False


_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")  # <f>, <f t="shared" …/>, <x:f> of SpreadsheetML


def _has_formulas(data: bytes) -> bool:
    """Whether any worksheet of the xlsx *data* holds a formula."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return any(_FORMULA_TAG.search(archive.read(name)) for name in archive.namelist()
                   if name.startswith("xl/worksheets/") and name.endswith(".xml"))


_STRIKE_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?strike(?:\s*/>|\s+val=\"(?:1|true)\")")


def _has_struck_runs(data: bytes) -> bool:
    """Whether the xlsx *data*'s shared strings or sheets (inline strings) strike some run of text through."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return any(_STRIKE_TAG.search(archive.read(name)) for name in archive.namelist()
                   if name == "xl/sharedStrings.xml" or name.startswith("xl/worksheets/") and name.endswith(".xml"))


def _struck_text(cell: Any) -> str:
    """The text of an xlsx cell drawn struck through: all of it (the cell's font), or its struck runs (a run without
    a font of its own is in the cell's)."""
    whole = bool(cell.font is not None and cell.font.strike)
    if isinstance(cell.value, CellRichText):
        return cell_text("".join(run.text if isinstance(run, TextBlock) else run for run in cell.value
                                 if (run.font.strike if isinstance(run, TextBlock) else whole)))
    return cell_text(cell.value) if whole else ""


# A formula cell whose saved result is text (t="str", or a shared string) has a result even when it is empty:
# 「=IF(C5="是","√","")」 as Excel and WPS save it. Only a formula with no result at all (t absent, no <v>) is unread.
_TEXT_RESULT = frozenset(("s", "str"))


def _xlsx_grid(ws: Any, formulas: Any | None) -> Grid:
    cells, pending, dates, numbers, struck = {}, {}, set(), set(), {}
    for row in ws.iter_rows():
        for cell in row:
            text = cell_text(cell.value)
            if text:
                cells[(cell.row, cell.column)] = shown_text(text, cell.font.name if cell.font else None)
                if crossed := _struck_text(cell):
                    struck[(cell.row, cell.column)] = crossed
                if isinstance(cell.value, (dt.date, dt.time)):
                    dates.add((cell.row, cell.column))
                elif isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    numbers.add((cell.row, cell.column))
            elif formulas is not None and cell.data_type not in _TEXT_RESULT and isinstance(
                    formula := formulas.cell(cell.row, cell.column).value, str) and formula.startswith("="):
                pending[(cell.row, cell.column)] = formula
    merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    hidden_rows = frozenset(n for n, dim in ws.row_dimensions.items() if dim.hidden)
    hidden = {col for dim in ws.column_dimensions.values() if dim.hidden for col in range(dim.min, dim.max + 1)}
    grid = Grid(ws.title, cells, merged, ws.sheet_state != "visible", hidden_rows, pending, frozenset(dates),
                frozenset(numbers))
    grid.narrow_cols = {col: dim.width for dim in ws.column_dimensions.values()
                        if not dim.hidden and dim.width is not None and dim.width < MIN_WIDTH
                        for col in range(dim.min, dim.max + 1)}
    grid.low_rows = _low_rows(ws, {row for row, _ in cells} - hidden_rows)
    grid.struck = struck
    return _without_columns(grid, hidden | set(grid.narrow_cols))


def _low_rows(ws: Any, rows: set[int]) -> dict[int, float]:
    """The rows of *rows* too low to show text: by their own height, or with no height of their own in a sheet whose
    rows are hidden unless given one (Excel's 「zeroHeight」, written when every unused row is hidden)."""
    unset = 0.0 if ws.sheet_format.zeroHeight else None
    low = {}
    for row in rows:
        dim = ws.row_dimensions.get(row) if row in ws.row_dimensions else None
        height = dim.height if dim is not None and dim.height is not None else unset
        if height is not None and height < MIN_HEIGHT:
            low[row] = height
    return low


def _xls_grids(data: bytes, suffix: str = ".xls") -> list[Grid]:
    import xlrd  # only old .xls files need it

    try:
        # (ragged: a row as long as its own last cell — one cell at IV65536 made 65,536 rows of 256 cells to look at)
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, ragged_rows=True,
                                  logfile=io.StringIO())  # xlrd would print
    except Exception as exc:  # noqa: BLE001 - likewise anywhere in xlrd (encrypted, truncated, not BIFF8)
        if "encrypted" in str(exc):
            raise UnreadableWorkbook(_PASSWORD) from exc
        if suffix == ".et":  # WPS's own format: an OLE2 file like .xls, but not one xlrd reads
            raise UnreadableWorkbook("是 WPS 表格自己的格式（.et），gongkai 读不了：请在 WPS 中「文件 → 另存为 → "
                                     "Excel 工作簿（*.xlsx）」后再导入") from exc
        raise UnreadableWorkbook(f"无法作为 xls 表格打开：{_DAMAGED}") from exc
    grids = []
    for sheet in book.sheets():
        cells, dates, numbers = {}, set(), set()
        for row in range(sheet.nrows):
            for col in range(sheet.row_len(row)):
                cell = sheet.cell(row, col)
                # An error result (#REF! …) is stored as a number: show it as Excel does, never as that number.
                value = xlrd.error_text_from_code.get(cell.value, "#N/A") if cell.ctype == xlrd.XL_CELL_ERROR else cell.value
                if text := cell_text(value):
                    cells[(row + 1, col + 1)] = shown_text(text, _xls_font(book, cell))
                if text and cell.ctype == xlrd.XL_CELL_DATE:
                    dates.add((row + 1, col + 1))
                elif text and cell.ctype == xlrd.XL_CELL_NUMBER:
                    numbers.add((row + 1, col + 1))
        # xlrd gives (first row, row after last, first column, column after last), 0-based.
        merged = [(rlo + 1, clo + 1, rhi, chi) for rlo, rhi, clo, chi in sheet.merged_cells]
        hidden_rows = frozenset(r + 1 for r, info in sheet.rowinfo_map.items() if info.hidden)
        hidden = {c + 1 for c, info in sheet.colinfo_map.items() if info.hidden}
        grid = Grid(sheet.name, cells, merged, sheet.visibility != 0, hidden_rows, {}, frozenset(dates), frozenset(numbers))
        # widths in 1/256 of a character, heights in twips (1/20 of a point)
        grid.narrow_cols = {c + 1: info.width / 256 for c, info in sheet.colinfo_map.items()
                            if not info.hidden and info.width < MIN_WIDTH * 256}
        filled = {row for row, _ in cells}
        grid.low_rows = {r + 1: info.height / 20 for r, info in sheet.rowinfo_map.items()
                         if not info.hidden and r + 1 in filled and info.height < MIN_HEIGHT * 20}
        grids.append(_without_columns(grid, hidden | set(grid.narrow_cols)))
    return grids


def _csv_grid(data: bytes, name: str) -> Grid:
    """A csv file as Excel and WPS save it (UTF-8 with or without BOM, 「ANSI」 GBK/GB18030, UTF-16 「Unicode 文本」
    with tabs; cells parted by commas, tabs or semicolons) as one sheet; a cell gongkai wrote as 「'=…」 so that Excel
    shows it as text reads as 「=…」."""
    text = decode_text(data)
    if text is None:
        raise UnreadableWorkbook("既不是 xlsx、xls 表格，也不是能读出文字的 csv 文件（应是 UTF-8、GBK/GB18030 或 UTF-16 编码）。"
                                 "请用 Excel 或 WPS 打开后另存为「.xlsx」再导入")
    head = "\n".join(text.split("\n", 20)[:20])  # a title row above the header has no separator
    # Commas; tabs (「Unicode 文本」); semicolons where Excel's list separator is 「;」 (a system set to a European
    # locale, LibreOffice's or a provincial platform's export): the one the first rows hold most, commas on a tie.
    delimiter = max(CSV_DELIMITERS, key=head.count)
    cells = {}
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    read_to = 0  # the last line of the last row read: the row that fails starts on the next (where its quote opened)
    try:
        for row, values in enumerate(reader, start=1):
            for col, value in enumerate(values, start=1):
                if text_value := cell_text(uninert(value)):
                    cells[(row, col)] = text_value
            read_to = reader.line_num
    except csv.Error as exc:
        raise UnreadableWorkbook(f"csv 文件第 {read_to + 1} 行格式有误（{_csv_reason(str(exc))}）。"
                                 "请用 Excel 或 WPS 打开后另存为「.xlsx」再导入") from None
    return Grid(name, cells, csv=True)


def _csv_reason(english: str) -> str:
    """Python's csv error in Chinese: almost always a quote left open, which reads the rest of the file as one cell."""
    if english.startswith("field larger than field limit"):
        return "有一格太长：多是这一格的双引号没有闭合，把后面的内容都读进了这一格"
    if "NUL" in english:
        return "含有空字节，不是文本"
    if "end of data" in english or "expected after" in english:
        return "双引号没有闭合或位置不对"
    return "无法按逗号、制表符或分号分开各格"


def _xls_font(book: Any, cell: Any) -> str | None:
    """The name of an .xls cell's font; None when the file does not say (or says it wrongly)."""
    try:
        return str(book.font_list[book.xf_list[cell.xf_index].font_index].name)
    except (IndexError, TypeError, AttributeError):
        return None


def _without_columns(grid: Grid, hidden: set[int]) -> Grid:
    """*grid* with the cells of its *hidden* columns left out, and those columns noted with their first cell."""
    for (row, col), text in sorted(grid.cells.items(), key=lambda cell: (cell[0][1], cell[0][0])):
        if col in hidden:
            grid.hidden_cols.setdefault(col, (row, text))
    if grid.hidden_cols:
        grid.cells = {cell: text for cell, text in grid.cells.items() if cell[1] not in hidden}
    return grid
