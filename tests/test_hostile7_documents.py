"""Seventh hostile pass, the document readers: forms of a number that a spreadsheet or a PDF
viewer shows whole but neither scan reads as one, addresses of the commonest rural form, lists of people outside a
viewer shows whole but gongkai read otherwise — a spreadsheet formula computed on opening, an xlsx number format
that adds digits of its own, a PDF that draws the pieces of a number out of order. The CLI tests (copied from
tests/test_hostile7_gate.py in branch hostile-gate) run the real CLI on a small catalog and look for the number (as
written and as bare digits) in every file written, .gz and zip members opened; the others test the readers and the
output scan on their own, with values typed by hand.
"""

from __future__ import annotations

import gzip
import io
import re
import time
import zipfile
from pathlib import Path

import pytest

from conftest import RECORD
from gongkai.privacy.detect import find
from gongkai.privacy.documents import pdf_segments, xlsx_cells
from gongkai.privacy.extract import csv_segments
from gongkai.privacy.outputs import scan_output
from gongkai.privacy.spreadsheet import format_readings, formula_result

MOBILE = "13805951234"
ID = "350524198503151236"  # GB 11643 check digit 6 (checked below)


def test_the_numbers_of_these_tests_are_valid():
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert "10X98765432"[sum(int(d) * w for d, w in zip(ID[:17], weights)) % 11] == ID[17]
    assert re.fullmatch(r"1[3-9]\d{9}", MOBILE)


def _contents(folder: Path):
    """(name, bytes) of every file under *folder*, and of what a .gz or a zip (xlsx, docx) holds."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        yield str(path), data
        if data[:2] == b"\x1f\x8b":
            yield f"{path} (gunzip)", gzip.decompress(data)
        if data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for member in archive.namelist():
                    yield f"{path}!{member}", archive.read(member)


def holding(folder: Path, *values: str) -> list[str]:
    """The files under *folder* that hold one of *values* as written, or (a number of eleven digits or more) as bare
    digits on one line."""
    found = []
    if not folder.exists():
        return found
    numbers = [d for v in values if len(d := re.sub(r"[^0-9]", "", v)) >= 11]
    for name, data in _contents(folder):
        lines = [re.sub(rb"[^0-9]", b"", line).decode() for line in data.splitlines()] if numbers else []
        if any(v.encode() in data for v in values) or any(n in line for n in numbers for line in lines):
            found.append(name)
    return found


def with_attachment(cat, rel: str, data: bytes | str, record: str = RECORD) -> None:
    cat.write(rel, data)
    cat.record(record.replace("页数: 1", f"页数: 1\n附件:\n  - 名称: 名单\n    文件: {rel}"))


def assert_held_back(gk, cat, tmp_path, *values: str, attachment: str | None = None) -> None:
    """build-site leaves the record and its attachment out, says so in Chinese, and no file holds *values*."""
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site)
    assert run.code in (0, 1), run.err
    assert holding(site, *values) == []
    assert not (site / "records" / "R2026-001.html").exists()
    if attachment is not None:
        assert not (site / attachment).exists()
    if run.code == 0:
        assert "R2026-001 没有发布" in run.err


def xlsx(rows: list[list[object]], formats: dict[str, str] | None = None) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    for row in rows:
        sheet.append(row)
    for cell, code in (formats or {}).items():
        sheet[cell].number_format = code
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pdf(content: str) -> bytes:
    """A one-page PDF whose content stream is *content* (font /F1 is Helvetica)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def assert_found_by_the_gate(gk, cat, *values: str) -> None:
    """validate reports the attachment (GK601 身份证号, GK602 mobile), the value masked: the gate's own reading finds
    it, not only the output scan that stops a build after it."""
    run = gk("validate", cat.root)
    assert run.code == 1 and re.search(r"GK60[12] 附件「files/2026/list", run.out), run.out
    assert not any(v in run.out + run.err for v in values)


def assert_published(gk, cat, tmp_path, attachment: str) -> None:
    """build-site publishes the record and its attachment: nothing in it is personal data."""
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site)
    assert run.code == 0, run.err
    assert (site / "records" / "R2026-001.html").exists(), run.err
    assert (site / attachment).exists()


def kinds(segments) -> list[str]:
    return sorted({hit.kind for segment in segments for hit in find(segment.text, frozenset())})


# 1. Formulas. Excel (and WPS) computes a formula when it opens a CSV file, and a formula an xlsx file holds without
# a result (as openpyxl and scripts write it) when it opens the workbook.
@pytest.mark.parametrize("cell", [
    "=13805951*1000+234",  # copied from test_hostile7_gate.py: Excel computes and shows 13805951234
    '"=""1380""&""5951234"""',  # ="1380"&"5951234", quoted as CSV quotes it
    '"=CONCATENATE(""1380"",""5951234"")"',
    '"=SUM(6902975617,6902975617)"',
    "=1380*10^7+5951234",
    "+13805951*1000+234",  # Excel takes a cell that starts with + or - for a formula too
])
def test_a_csv_cell_excel_shows_as_a_mobile_is_not_published(gk, cat, tmp_path, cell):
    with_attachment(cat, "files/2026/list.csv", f"姓名,村（社区）,联系电话\n王五,经兜村,{cell}\n")
    assert_found_by_the_gate(gk, cat, MOBILE)
    assert_held_back(gk, cat, tmp_path, MOBILE, cell.strip('"'), attachment="files/2026/list.csv")


def test_a_csv_formula_that_computes_an_amount_is_published(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/list.csv", "姓名,村（社区）,全年补助（元）\n王五,经兜村,=1500*12\n"
                                                 "李四,经兜村,\"=SUM(1380,5951)\"\n")
    assert_published(gk, cat, tmp_path, "files/2026/list.csv")


@pytest.mark.parametrize(("rows", "formats"), [
    # copied from test_hostile7_gate.py: number format "1380"# puts the first digits in styles.xml and the rest in
    # the cell: Excel shows 13805951234
    ([["姓名", "村（社区）", "联系电话"], ["王五", "经兜村", 5951234]], {"C2": '"1380"#'}),
    # copied: the same for a 身份证号 kept as text under the format "350524"@ (the county's area code typed once)
    ([["姓名", "村（社区）", "身份证号"], ["王五", "经兜村", "198503151236"]], {"C2": '"350524"@'}),
    # copied: a formula without a stored result (as openpyxl and scripts write it): Excel computes it on opening
    ([["姓名", "村（社区）", "联系电话"], ["王五", "经兜村", "=13805951*1000+234"]], None),
    # escaped digits, and the text section of a format of four sections
    ([["姓名", "村（社区）", "联系电话"], ["王五", "经兜村", 5951234]], {"C2": "\\1\\3\\8\\0#"}),
    ([["姓名", "村（社区）", "身份证号"], ["王五", "经兜村", "198503151236"]], {"C2": '0;-0;0;"350524"@'}),
    # a formula whose result a number format completes
    ([["姓名", "村（社区）", "联系电话"], ["王五", "经兜村", "=5951000+234"]], {"C2": '"1380"0'}),
    ([["姓名", "村（社区）", "联系电话"], ["王五", "经兜村", '=CONCATENATE("1380","5951234")']], None),
    # padding zeros: the number itself is read as before
    ([["姓名", "村（社区）", "联系电话"], ["王五", "经兜村", 13805951234]], {"C2": "00000000000"}),
])
def test_an_xlsx_cell_excel_shows_as_a_number_is_not_published(gk, cat, tmp_path, rows, formats):
    with_attachment(cat, "files/2026/list.xlsx", xlsx(rows, formats))
    assert_found_by_the_gate(gk, cat, MOBILE, ID)
    assert_held_back(gk, cat, tmp_path, attachment="files/2026/list.xlsx")


@pytest.mark.parametrize(("value", "code"), [
    (13805.5, "¥#,##0.00"),  # a currency: ¥13,805.50
    (5951234, "00000000000"),  # padding zeros add no digit but zeros: 00005951234
    (18000, '0"元"'),
    (12, '"第"0"号"'),
    (5951234, "0.00"),
])
def test_an_xlsx_number_format_without_digits_of_its_own_is_published(gk, cat, tmp_path, value, code):
    rows = [["项目", "金额"], ["临时救助", value], ["合计", "=1500*12"]]
    with_attachment(cat, "files/2026/list.xlsx", xlsx(rows, {"B2": code}))
    assert_published(gk, cat, tmp_path, "files/2026/list.xlsx")


# 2. A PDF draws its text in any order: the viewer shows 13800138000 where pypdf reads the strokes as they were drawn.
@pytest.mark.parametrize("drawn", [
    # copied from test_hostile7_gate.py: «8000» drawn first at the right, «1380013» then at the left
    "BT /F1 12 Tf 118.72 720 Td (8000) Tj ET BT /F1 12 Tf 72 720 Td (1380013) Tj ET",
    "BT /F1 12 Tf 118.72 720 Td (8000) Tj -46.72 0 Td (1380013) Tj ET",  # in one text object, moved back
    "BT /F1 12 Tf 1 0 0 1 118.72 720 Tm (8000) Tj 1 0 0 1 72 720 Tm (1380013) Tj ET",  # placed by text matrix
])
def test_a_pdf_that_draws_a_number_out_of_order_is_not_published(gk, cat, tmp_path, drawn):
    with_attachment(cat, "files/2026/list.pdf", pdf(drawn))
    assert_found_by_the_gate(gk, cat, "13800138000")
    assert_held_back(gk, cat, tmp_path, "13800138000", "80001380013", attachment="files/2026/list.pdf")


@pytest.mark.parametrize("drawn", [  # copied from test_hostile7_gate.py: what held must hold
    "BT /F1 12 Tf 72 720 Td [(138) 3000 (0013) -3000 (8000)] TJ ET",  # kerned apart
    "BT /F1 12 Tf 3 Tr 72 720 Td (13800138000) Tj ET",  # invisible text (render mode 3)
    "BT /F1 12 Tf 72 720 Td (1380) Tj 0 -14 Td (0138000) Tj ET",  # over two lines
])
def test_a_pdf_number_drawn_apart_in_order_is_found(gk, cat, tmp_path, drawn):
    with_attachment(cat, "files/2026/list.pdf", pdf(drawn))
    assert_held_back(gk, cat, tmp_path, "13800138000", attachment="files/2026/list.pdf")


TWO_COLUMNS = ("BT /F1 12 Tf 320 720 Td (Staff 138) Tj 0 -14 Td (Cars 12) Tj ET "  # the right column drawn first
               "BT /F1 12 Tf 72 720 Td (Income 27915.20) Tj 0 -14 Td (Fund 737.16) Tj ET")


def test_a_pdf_in_two_columns_of_ordinary_text_is_published(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/list.pdf", pdf(TWO_COLUMNS))
    assert_published(gk, cat, tmp_path, "files/2026/list.pdf")


# The readers themselves, with values typed by hand.
@pytest.mark.parametrize(("formula", "shown"), [
    ("=13805951*1000+234", "13805951234"),
    ('="1380"&"5951234"', "13805951234"),
    ('=CONCATENATE("1380",5951234)', "13805951234"),
    ('=_xlfn.CONCAT("1380","5951234")', "13805951234"),  # as newer Excel stores CONCAT
    ("=SUM(6902975617,6902975617)", "13805951234"),
    ("=1.3805951234E10", "13805951234"),  # a whole number is shown whole: no exponent, no «.0»
    ("=27610.5*2", "55221"),
    ('=TEXT(5951234,"""1380""0")', "13805951234"),
    ('="1380"*10000000+5951234', "13805951234"),  # a text that is a number counts as one
    ("=(1380+0)*(10^7)+5951234", "13805951234"),
    ("=1500*12", "18000"),
    ("=1/4", "0.25"),
    ("=50%", "0.5"),
    ('="a"""&1', 'a"1'),
    ("=" + "0+" * 2000 + "13805951*1000+234", "13805951234"),  # padding does not hide it
])
def test_a_formula_of_plain_arithmetic_is_computed(formula, shown):
    assert formula_result(formula) == shown


@pytest.mark.parametrize("formula", [
    "=A1*1000+234", "=Sheet2!B3", "=FOO(1)", "=INDIRECT(\"A1\")", "=1/0", "=9^9^9", "=10^400", "=1+2,3", "=()",
    '=__import__("os")', "=(1).__class__", "=1 if 1 else 2", "=[1]", '="x"*2', "=1<2", "=TRUE",
    "=" + "(" * 65 + "1" + ")" * 65,  # nested deeper than Excel allows
    "=" + "1+" * 5000 + "1",  # longer than Excel allows
    "=" + "-" * 300 + "1",
])
def test_a_formula_that_is_not_plain_arithmetic_is_not_computed(formula):
    assert formula_result(formula) is None


@pytest.mark.parametrize(("value", "code", "shown"), [
    (5951234, '"1380"#', "13805951234"),
    ("198503151236", '"350524"@', ID),
    (5951234, "\\1\\3\\8\\0#", "13805951234"),
    (1234, '0"5"0', "12354"),  # the value's digits fill the placeholders from the right
    ("198503151236", '0;-0;0;"350524"@', ID),
    (-5951234, '"1380"#;"1390"#', "13905951234"),  # a negative value: the second section, no minus sign
    (5951234, '"1380"General', "13805951234"),
    (59512.34, '"1380"0%', "13805951234"),
    (5951234.5, '[Red][$¥-804]"138"0.00', "¥1385951234.50"),
])
def test_a_number_format_shows_digits_of_its_own(value, code, shown):
    readings = format_readings(value, code)
    assert readings[0] == shown, readings


@pytest.mark.parametrize(("value", "code"), [
    (13805.5, "¥#,##0.00"), (13805951234, "00000000000"), (18000, '0"元"'), (12, '"第"0"号"'), (0.25, "0.00%"),
    (45000, "yyyy-mm-dd"), ("王五", "@"),
])
def test_a_number_format_without_digits_of_its_own_adds_no_reading(value, code):
    assert format_readings(value, code) == []


def test_an_xlsx_reading_names_the_cell_and_never_the_format():
    rows = [["姓名", "联系电话", "补助"], ["王五", 5951234, "=1500*12"]]
    segments, _ = xlsx_cells(xlsx(rows, {"B2": '"1380"#'}), "名单.xlsx")
    shown = [(s.text, s.where) for s in segments if "（" in s.where]
    assert shown == [("13805951234", "名单.xlsx 名单!B2（按单元格的数字格式显示）"),
                     ("59512341380", "名单.xlsx 名单!B2（按单元格的数字格式显示）"),
                     ("18000", "名单.xlsx 名单!C2（公式计算结果）")]


def test_a_csv_reading_gives_the_formula_and_its_result():
    segments, _ = csv_segments("姓名,电话\n王五,=13805951*1000+234\n李四,-5\n".encode(), "名单.csv")
    assert [(s.text, s.where) for s in segments if s.where.startswith("名单.csv 第")] == [
        ("王五", "名单.csv 第1行第1列（姓名）"), ("=13805951*1000+234", "名单.csv 第1行第2列（电话）"),
        ("李四", "名单.csv 第2行第1列（姓名）"), ("-5", "名单.csv 第2行第2列（电话）"),
        ("13805951234", "名单.csv 第1行第2列（电话）（公式计算结果）")]


def test_a_pdf_is_read_as_drawn_and_as_shown():
    drawn = "BT /F1 12 Tf 118.72 720 Td (8000) Tj ET BT /F1 12 Tf 72 720 Td (1380013) Tj ET"
    segments = pdf_segments(pdf(drawn), "名单.pdf")
    assert [(s.text, s.where) for s in segments[:2]] == [("80001380013", "名单.pdf 第1页"),
                                                          ("13800138000", "名单.pdf 第1页（按显示位置）")]
    assert kinds(segments) == ["mobile"]
    assert kinds(pdf_segments(pdf(TWO_COLUMNS), "名单.pdf")) == []
    in_order = pdf_segments(pdf("BT /F1 12 Tf 72 720 Td (Income 27915.20) Tj ET"), "x")
    assert not any("按显示位置" in s.where for s in in_order)  # the same text as shown: read once


# The output scan reads what it writes the same way (defence in depth: the gate never consulted).
def test_the_output_scan_finds_what_excel_or_a_viewer_shows():
    drawn = "BT /F1 12 Tf 118.72 720 Td (8000) Tj ET BT /F1 12 Tf 72 720 Td (1380013) Tj ET"
    assert [f.masked_value for f in scan_output("a.pdf", pdf(drawn), frozenset())] == ["138****8000"]
    for book in (xlsx([["电话"], [5951234]], {"A2": '"1380"#'}), xlsx([["电话"], ["=13805951*1000+234"]])):
        assert [f.masked_value for f in scan_output("a.xlsx", book, frozenset())] == ["138****1234"]
    found = scan_output("a.csv", '姓名,电话\n王五,"=""1380""&""5951234"""\n'.encode(), frozenset())
    assert [(f.masked_value, f.where) for f in found] == [("138****1234", "公式计算结果")]
    assert scan_output("a.csv", "项目,金额\n补助,=1500*12\n".encode(), frozenset()) == []
    assert scan_output("a.xlsx", xlsx([["金额"], [13805.5]], {"A2": "¥#,##0.00"}), frozenset()) == []
    assert scan_output("a.pdf", pdf(TWO_COLUMNS), frozenset()) == []
