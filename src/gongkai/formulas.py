"""Cells Excel (and WPS) must show as the text they are, never run as a formula: a catalog's 题名, 文号, 事项 or unit
name written 「=HYPERLINK(…)」 or 「@SUM(…)」 reaches the archive's, the reviewer's and the webmaster's spreadsheet as text.

Every CSV and xlsx gongkai writes goes through here, so that no writer escapes on its own.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (openpyxl imports numpy: a build that writes a CSV need not, nor fork its workers with it)
    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell

# What makes Excel take a CSV cell for a formula (OWASP's list: = + - @, and a tab or CR before one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"  # so that Excel on Windows reads the Chinese of a CSV file as UTF-8


def inert(value: object) -> object:
    """*value* as a CSV cell Excel shows as text: text starting like a formula gets a leading 「'」 (OWASP's advice);
    numbers stay numbers. Text that already starts with 「'」 and a formula's first character gets one too, so that
    a reader dropping one 「'」 (gongkai import csv) reads back what was written."""
    if isinstance(value, str) and value.removeprefix("'").startswith(FORMULA_STARTS):
        return "'" + value
    return value


def uninert(text: str) -> str:
    """A CSV cell as inert() wrote it, read back: the 「'」 it put before a formula sign taken away."""
    return text[1:] if text.startswith("'") and text[1:].removeprefix("'").startswith(FORMULA_STARTS) else text


def csv_bytes(rows: Iterable[Sequence[object]]) -> bytes:
    """*rows* as a CSV file for Excel: UTF-8 with BOM, CRLF line ends, every cell inert()."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([inert(value) for value in row] for row in rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def as_text(cell: Cell) -> None:
    """A cell openpyxl took for a formula because its text starts with 「=」, written as that text."""
    if cell.data_type == "f" and isinstance(cell.value, str):
        cell.data_type = "s"


def texts_stay_text(book: Workbook) -> None:
    """as_text() for every cell of *book*, just before it is saved (whatever wrote the cells: append, cell())."""
    for sheet in book.worksheets:
        for cell in getattr(sheet, "_cells", {}).values():  # the cells that exist (iter_rows() would add empty ones)
            as_text(cell)
