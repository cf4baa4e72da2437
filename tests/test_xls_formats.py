"""An Excel 97-2003 workbook (.xls) shows a cell through its number format: 5951234 formatted "1380"0 reads
13805951234, 35052419850315 formatted 0"1236" reads 350524198503151236. The xlsx reading has applied number formats
since the seventh pass; the xls reading read only the stored values. Fixtures (tests/fixtures/*-formats.xls) were made
with openpyxl and saved as Excel 97 by LibreOffice 7.4 (soffice --headless --convert-to xls:"MS Excel 97"):

    number-formats.xls  名单!B2 5951234 "1380"0, C2 35052419850315 0"1236", D2 880 #,##0.00"元", E2 20260901 0000-00-00
    plain-formats.xls   名单!B2 880 #,##0.00"元", C2 20260901 0000-00-00, D2 3 0"户"
"""

from __future__ import annotations

from pathlib import Path

from conftest import RECORD
from gongkai.privacy.documents import document_segments
from gongkai.privacy.detect import find
from gongkai.privacy.outputs import scan_output
from test_hostile7_gate import assert_held_back, with_attachment

FIXTURES = Path(__file__).parent / "fixtures"
SHOWN = {"13805951234", "350524198503151236"}  # what Excel shows in B2 and C2, typed by hand


def _found(name: str) -> set[str]:
    segments, _ = document_segments("xls", (FIXTURES / name).read_bytes(), "附件")
    return {hit.value for segment in segments for hit in find(segment.text)}


def test_the_xls_reading_applies_number_formats():
    assert _found("number-formats.xls") == SHOWN


def test_formats_that_add_no_digits_find_nothing():
    assert _found("plain-formats.xls") == set()


def test_a_record_with_such_a_workbook_is_held_back(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/名单.xls", (FIXTURES / "number-formats.xls").read_bytes(), RECORD)
    assert_held_back(gk, cat, tmp_path, *SHOWN, attachment="files/2026/名单.xls")


def test_the_output_scan_reads_an_xls_as_excel_shows_it():
    found = scan_output("files/2026/a.xls", (FIXTURES / "number-formats.xls").read_bytes(), frozenset())
    assert {f.masked_value for f in found} == {"138****1234", "35*************236"}
    assert scan_output("files/2026/b.xls", (FIXTURES / "plain-formats.xls").read_bytes(), frozenset()) == []
