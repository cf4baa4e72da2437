"""The text of what will be published, piece by piece, each piece with where it is (line, table cell, sheet cell, page).

Markdown and CSV table cells are named 第N行第M列 counting data rows below the header (表头 is the header row);
XLSX cells by their sheet and address (Sheet1!C12); PDF text by page (第2页).
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from gongkai.characters import cut_short
from gongkai.privacy.columns import name_columns
from gongkai.privacy.normalize import SEPARATE
from gongkai.privacy.organisations import ACCOUNT_LINES, names_body

_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-*:?\s*)*\|?\s*$")  # what the site's parser may take for a rule row
_CODE_INDENT = re.compile(r"^(?: {4}|\t)")
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_BORDER = f"{SEPARATE}。{SEPARATE}"
FORMULA_STARTS = ("=", "+", "-", "@")  # a CSV cell Excel takes for a formula


class Unreadable(Exception):
    """An attachment gongkai cannot read in full; str() says why, in Chinese. Its record is not published."""


# Cells of a table read (a CSV file; a workbook's sheets together, blank cells between counted): a list of 10,000
# households of 10 columns has 100,000. A 6 MB CSV of 3,000,000 cells took 47 s and 935 MB.
MAX_CELLS = 1_000_000


def too_many_cells(limit: int) -> Unreadable:
    """Why a table of more than *limit* cells is not read."""
    return Unreadable(f"表格的单元格（连同其间的空白单元格）超过 {limit:,} 个，gongkai 无法在合理的时间内全部检查；"
                      "请删去表格中多余的空行、空列（或远处误填的单元格），或把名单拆成几个文件后再登记")


@dataclass(frozen=True)
class Segment:
    """A piece of published text and its place: a description for people and, in the body, the line in it."""

    text: str
    where: str
    line: int | None = None  # 0-based line inside the body or text file
    # a table cell's row before it (its cells joined by SEPARATE) in a table that lists no people: the organisation a
    # row names owns the address in the row's 地址 column (findings.segment_findings reads the cell after it:
    # organisations.py); in a list of people (姓名, 救助对象 …) the 工作单位 beside a name owns no one's home
    row: str = ""
    # a line of the body: the lines before it that an account is written over (户名：…⏎开户行：…⏎账号：…)
    above: str = ""


@dataclass
class Table:
    """A table found in the published text: its header and where it is, for the 公示 column allow-list."""

    header: list[str]
    where: str
    line: int | None = None
    rows: list[list[str]] = field(default_factory=list)

    def row_line(self, index: int) -> int | None:
        """The 0-based line of row *index* of [header, *rows] in a Markdown text (the rule row |---| between the
        header and the first row), the line shown under a finding in that row; None for a document's table."""
        return self.line if self.line is None or index == 0 else self.line + 1 + index


def split_row(line: str) -> list[str]:
    """The cells of one Markdown table row."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", inner)]


def markdown_tables(text: str) -> list[Table]:
    """Every pipe table of a Markdown text as the site shows it, with the 0-based line of its header row: the site's
    parser finds the tables (a rule row of one dash a cell, |-|-|, and rows without the outer pipes are tables on the
    page too), and each row's cells are read from its line as written."""
    lines = text.split("\n")
    return [Table(split_row(lines[header]), "正文表格", header, [split_row(lines[n]) for n in rows])
            for header, *rows in _table_lines(text)]


@functools.lru_cache(maxsize=256)
def _table_lines(text: str) -> tuple[tuple[int, ...], ...]:
    """(header line, each row's line) of every table of *text*: each the site's Markdown parser makes, and each
    written with its pipes that the page shows as code instead (indented, fenced), which lists what it lists."""
    if "|" not in text:
        return ()
    lines = text.split("\n")
    written = _written_tables(lines, set())
    if _plain(lines, written):  # (most bodies: the parser would find just these — a third of a millisecond saved)
        return tuple(tuple(table) for table in written)
    from gongkai.privacy.markup import body_parser, page_source

    found: list[list[int]] = []
    for token in body_parser().parse(page_source(text)):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open" and found and token.map is not None:
            found[-1].append(token.map[0])
    found = [table for table in found if table]
    taken = {line for table in found for line in (*table, table[0] + 1)}
    return tuple(tuple(table) for table in sorted(found + _written_tables(lines, taken)))


def _written_tables(lines: list[str], taken: set[int]) -> list[list[int]]:
    """(header line, each row's line) of each table written with its pipes — a line starting with «|», a rule row
    under it, the rows starting with «|» below — outside the lines *taken*."""
    tables: list[list[int]] = []
    index = 0
    while index < len(lines) - 1:
        if index not in taken and lines[index].lstrip().startswith("|") and _SEPARATOR.match(lines[index + 1].strip()):
            table = [index]
            index += 2
            while index < len(lines) and lines[index].lstrip().startswith("|"):
                table.append(index)
                index += 1
            tables.append(table)
        else:
            index += 1
    return tables


def _plain(lines: list[str], tables: list[list[int]]) -> bool:
    """Whether the site's parser would find exactly *tables* (those written with their pipes): every line holding a «|»
    is in one (the parser's header rows hold one), and each ends at a blank line or the end (the parser reads a line
    without pipes right under a table as one more row)."""
    inside = {line for table in tables for line in (*table, table[0] + 1)}
    return (all(n in inside for n, line in enumerate(lines) if "|" in line)
            and all(not any(_CODE_INDENT.match(lines[n]) for n in (*table, table[0] + 1))
                    and not any(_RULE.match(lines[row]) for row in table[1:])
                    for table in tables)  # (nor a line indented as code, nor a rule row among the rows: a new table)
            and all(max(table[-1], table[0] + 1) + 1 >= len(lines) or not lines[max(table[-1], table[0] + 1) + 1].strip()
                    for table in tables))


def cells_apart(text: str) -> str:
    """*text* with the cell borders («|», not an escaped «\\|») of its pipe tables turned into NUL (SEPARATE),
    which joins no digits: read whole, a row of counts (| 1582 | 346 | 7890 |) is three numbers, as the page shows
    it, not one. (A full stop beside it: read whole, a row joins no organisation's name to an address either — a
    工作单位 beside a name owns no one's home; markdown_segments reads each cell with its row.)"""
    lines = text.split("\n")
    for table in markdown_tables(text):
        assert table.line is not None
        for number in range(table.line, table.line + 2 + len(table.rows)):
            lines[number] = _CELL_BORDER.sub(_BORDER, lines[number])
    return "\n".join(lines)


def organisation_rows(text: str) -> frozenset[int]:
    """The 0-based lines of *text* that are rows naming an organisation (a cell holds its name alone) in pipe tables
    that list no people: the addresses in such a row are judged cell by cell (markdown_segments)."""
    return frozenset(table.line + 1 + r for table in markdown_tables(text) if table.line is not None
                     and not lists_people([table.header, *table.rows])
                     for r, row in enumerate(table.rows, start=1) if any(names_body(cell) for cell in row))


def lists_people(rows: list[list[str]]) -> bool:
    """True when the table given by its rows (header first) has a column of people's names (columns.name_columns)."""
    return bool(name_columns(rows)[1])


def markdown_segments(text: str, label: str) -> Iterator[Segment]:
    """Lines of a Markdown text; table cells are named by their row and column."""
    cells: dict[int, list[tuple[int, int, str, str]]] = {}
    rowed: set[int] = set()
    for table in markdown_tables(text):
        assert table.line is not None
        for r, row in enumerate(table.rows, start=1):
            cells[table.line + 1 + r] = [(r, c, cell, _header(table.header, c)) for c, cell in enumerate(row, 1)]
        if not lists_people([table.header, *table.rows]):
            rowed.update(range(table.line + 2, table.line + 2 + len(table.rows)))
    lines = text.split("\n")
    for number, line in enumerate(lines):
        if number in cells:
            for r, c, cell, head in cells[number]:
                before = SEPARATE.join(cell for _, _, cell, _ in cells[number][:c - 1]) if number in rowed else ""
                yield Segment(cell, f"{label}表格第{r}行第{c}列{head}", number, before)
        else:
            above = "\n".join(lines[max(0, number - ACCOUNT_LINES + 1):number]) if "户名" in text else ""
            yield Segment(line, f"{label}第{number + 1}行", number, "", above)


def _header(header: list[str], column: int) -> str:
    name = header[column - 1] if 0 < column <= len(header) else ""
    return f"（{name}）" if name else ""


def csv_rows(data: bytes) -> list[list[str]]:
    """The rows of a CSV file in any encoding Excel writes, as Excel shows them (csv_readings); Unreadable when it
    cannot be decoded."""
    return csv_readings(data)[0]


# Excel's first line 「sep=;」: the delimiter of the lines after it, itself not shown. Exports meant for Excel in the
# locales whose list separator is no comma write it; a file read by commas alone hides from the scan the cells Excel
# makes of it — a formula (=1380595*10000+1234 shows 13805951234, =cmd|' /C calc'!A0 runs a program) after a 「;」.
_SEP_LINE = re.compile(r"\Asep=(.)[ \t]*(?:\r\n?|\n)", re.IGNORECASE)


def csv_readings(data: bytes) -> list[list[list[str]]]:
    """The rows of a CSV file as each program shows them: as Excel does, and, when its first line names another
    delimiter (sep=;), as a program that knows no such line does too (by commas, that line a row)."""
    text = decode_text(data)
    if text is None:
        raise Unreadable("无法识别文字编码（不是 UTF-8、UTF-16 或 GB18030），或含有二进制内容")
    head, delimiter = csv_layout(text)
    shown = [_rows(text[len(head):], delimiter)]
    return shown if delimiter == "," else [*shown, _rows(text, ",")]


def csv_layout(text: str) -> tuple[str, str]:
    """Excel's 「sep=;」 first line of a CSV text as written ("" when there is none), and the delimiter of its rows."""
    named = _SEP_LINE.match(text)
    return (named.group(0), named.group(1)) if named else ("", ",")


def _rows(text: str, delimiter: str) -> list[list[str]]:
    rows: list[list[str]] = []
    left = MAX_CELLS
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        left -= max(len(row), 1)
        if left < 0:
            raise too_many_cells(MAX_CELLS)
        rows.append(row)
    return rows


def decode_text(data: bytes) -> str | None:
    """Text bytes as Excel and Notepad save them: UTF-8 (with or without BOM), UTF-16 (BOM, or the NUL pattern of
    UTF-16 without one), else GB18030 (「ANSI」 on Chinese Windows). None when none of these decodes, or for binary."""
    return _read_text(data)[1]


def text_codec(data: bytes) -> str | None:
    """The codec decode_text() reads *data* with (utf-8-sig, utf-16, utf-16-le, utf-16-be, utf-8, gb18030), or None:
    what a rewrite writes it back in, so Excel and Notepad open it as they did."""
    return _read_text(data)[0]


def _read_text(data: bytes) -> tuple[str | None, str | None]:
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return _with(codec, data)
    if len(data) >= 4 and data[1:40:2].count(0) > 10 and data[0:40:2].count(0) == 0:
        return _with("utf-16-le", data)
    if len(data) >= 4 and data[0:40:2].count(0) > 10 and data[1:40:2].count(0) == 0:
        return _with("utf-16-be", data)
    found = _with("utf-8", data)
    return found if found[1] is not None else _with("gb18030", data)


def _with(codec: str, data: bytes) -> tuple[str | None, str | None]:
    text = _decoded(data, codec)
    return (codec if text is not None else None), text


def _decoded(data: bytes, codec: str) -> str | None:
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    if "\x00" in text:
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def text_of(data: bytes) -> str:
    """Text bytes decoded as decode_text() does, or leniently when it cannot (for rewriting, never for checking)."""
    text = decode_text(data)
    return text if text is not None else data.decode("gb18030", errors="replace")


def csv_segments(data: bytes, label: str) -> tuple[list[Segment], list[Table]]:
    """Cells of a CSV file as each program shows them (csv_readings); the first row is the header."""
    readings = csv_readings(data)
    found, tables = _csv_segments(readings[0], label)
    for rows in readings[1:]:  # (the file read by commas: what it shows besides Excel's cells)
        more, _ = _csv_segments(rows, f"{label}（按逗号分列）")
        found.extend(more)
    return found, tables


def _csv_segments(rows: list[list[str]], label: str) -> tuple[list[Segment], list[Table]]:
    if not rows:
        return [], []
    header = rows[0]
    segments = [Segment(cell, f"{label} 表头第{c}列") for c, cell in enumerate(header, 1)]
    rowed = not lists_people(rows)
    for r, row in enumerate(rows[1:], start=1):
        segments.extend(Segment(cell, f"{label} 第{r}行第{c}列{_header(header, c)}", None,
                                SEPARATE.join(row[:c - 1]) if rowed else "")
                        for c, cell in enumerate(row, 1))
    return segments + formula_segments(segments), [Table(header, label, None, rows[1:])]


def formula_segments(cells: list[Segment]) -> list[Segment]:
    """What Excel shows for the cells of a CSV file that it computes on opening (=13805951*1000+234 shows
    13805951234): each formula of plain arithmetic on literals, computed (privacy/spreadsheet.py)."""
    from gongkai.privacy.spreadsheet import builds_unread, formula_result

    found = []
    for cell in cells:
        if cell.text.lstrip()[:1] not in FORMULA_STARTS:
            continue
        if (result := formula_result(cell.text.lstrip())) is not None and result != cell.text.strip():
            found.append(Segment(result, f"{cell.where}（公式计算结果）", cell.line))
        elif builds_unread(cell.text):
            raise Unreadable(unread_formula(cell.where, cell.text))
    return found


def unread_formula(where: str, formula: str) -> str:
    """Why a file with a formula gongkai does not compute (spreadsheet.builds_unread) is not published."""
    shown = formula.strip()
    shown = cut_short(shown, 40)
    return (f"{where.strip()}的公式「{shown}」gongkai 不能计算，打开文件时它可能显示出号码，不能确认其中没有个人信息；"
            "请在 Excel 或 WPS 中把公式换成数值（复制后「选择性粘贴 → 数值」）再发布")


def csv_formula_texts(data: bytes) -> list[str]:
    """The computed values of the formulas of a CSV file (formula_segments), for the output scan; none when the file
    cannot be read as CSV (the output scan reads its text in any case)."""
    try:
        readings = csv_readings(data)
    except Unreadable:
        return []
    cells = [Segment(cell, "") for rows in readings for row in rows for cell in row]
    return [s.text for s in formula_segments(cells)]
