"""Seventh hostile pass, the document readers: forms of a number that a spreadsheet or a PDF
viewer shows whole but gongkai read otherwise — a spreadsheet formula computed on opening, an xlsx number format
that adds digits of its own, a PDF that draws the pieces of a number out of order. The CLI tests (copied from
tests/test_hostile7_gate.py in branch hostile-gate, helpers imported from tests/test_hostile7_gate.py) run the real CLI on a small catalog and look for the number (as
written and as bare digits) in every file written, .gz and zip members opened; the others test the readers and the
output scan on their own, with values typed by hand.
"""

from __future__ import annotations

import re

import pytest

from test_hostile7_gate import ID, MOBILE, assert_held_back, pdf, with_attachment, xlsx
from gongkai.privacy.detect import find
from gongkai.privacy.documents import pdf_segments, xlsx_cells
from gongkai.privacy.extract import csv_segments
from gongkai.privacy.outputs import scan_output
from gongkai.privacy.spreadsheet import format_readings, formula_result


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


def test_an_id_number_kept_as_a_number_in_xlsx_is_not_published(gk, cat, tmp_path):
    # typed into a number cell, 350524198503151236 is stored as a float: Excel shows 3.50524E+17 and, in the formula
    # bar, 350524198503151000 (15 significant digits) — area, birth date and sequence of a person, check digit lost
    with_attachment(cat, "files/2026/list.xlsx", xlsx([["姓名", "身份证号"], ["王五", float(ID)]]))
    assert_held_back(gk, cat, tmp_path, ID[:15], attachment="files/2026/list.xlsx")
    assert "35*************000" in gk("validate", cat.root).out


def test_cell_text_shows_what_excel_shows():
    from gongkai.privacy.documents import cell_text

    assert cell_text(13812345678.0) == "13812345678"
    assert cell_text(350524198503151236.0) == "350524198503151000"
    assert cell_text(999999999999999.0) == "999999999999999"  # 15 digits: exact
    assert cell_text(1234567890123456.0) == "1234567890123460"  # 16 digits: the 16th is lost
    assert cell_text(1500.5) == "1500.5"

