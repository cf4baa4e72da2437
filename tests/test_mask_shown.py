"""gongkai mask masks what a spreadsheet shows, not only what its cells store.

Found (eighteenth session's left-alone list): the gate reads a workbook as Excel shows it — a formula's result
(=13805951*1000+234 shows 13805951234), a value through a number format with digits of its own ("1380"0000000 on
5951234), a comment, the page header, the document properties — but `gongkai mask` masked only the stored text. It
said 「共遮盖 N 处」, exit 0, and the file it left was still refused by validate (or, read as stored, looked clean).
Now mask rewrites those too, and what it cannot rewrite it lists and exits 1.

Every expected value is typed here by hand: the numbers, their masks, the cells after the rewrite.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.formatting.rule import Rule
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.styles.numbers import NumberFormat
from openpyxl.workbook.defined_name import DefinedName

from test_hostile7_gate import holding, with_attachment

ID = "350524199001011238"  # area 350524, born 1990-01-01, check digit 8 (test below)
MOBILE = "13805951234"
ANOTHER = "13905951234"
FULL = (ID, MOBILE, ANOTHER, "13705951234", "13800138000")


def test_the_id_of_these_tests_is_valid():
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert "10X98765432"[sum(int(d) * w for d, w in zip(ID[:17], weights)) % 11] == ID[17]


def _no_full_number(text: str) -> None:
    digits = re.sub(r"[^0-9]", "", text)
    for value in FULL:
        assert value not in text and value[:11] not in digits, value


def test_csv_formulas_are_masked_as_their_results(gk, tmp_path):
    target = tmp_path / "名单.csv"
    target.write_text('姓名,电话,备注\r\n'
                      '陈水生,=13805951*1000+234,\r\n'
                      '林玉燕,"=""1390595""&""1234""",\r\n'
                      '王阿福,=1+1,无\r\n', encoding="utf-8")
    run = gk("mask", target)
    assert run.code == 0, run.out + run.err
    assert "第1行第2列（公式计算结果）：手机号码 → 138****1234" in run.out
    assert "第2行第2列（公式计算结果）：手机号码 → 139****1234" in run.out
    assert "共遮盖 2 处" in run.out
    _no_full_number(run.out + run.err)
    # the formulas holding a number become the masked result; a harmless one stays as written
    assert target.read_bytes().decode("utf-8") == ('姓名,电话,备注\r\n陈水生,138****1234,\r\n林玉燕,139****1234,\r\n'
                                                  '王阿福,=1+1,无\r\n')
    again = gk("mask", target)
    assert again.code == 0 and "没有发现" in again.out


def _book() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["姓名", "电话", "身份证号", "金额"])
    sheet.append(["陈水生", "=13805951*1000+234", 350524, 8000])
    sheet["C2"].number_format = f'"{ID}"'  # the format shows the whole ID, whatever the value
    sheet.append(["林玉燕", 5951234, '="350524"&"199001011238"', 100])
    sheet["B3"].number_format = '"1380"0000000'  # 5951234 shows as 13805951234
    sheet["A3"].comment = Comment(f"电话 {ANOTHER}", "经办人")
    sheet.append(["=SUM(D2:D3)", '=HYPERLINK("tel:13905951234","打电话")', "", "=5951000+234"])
    sheet["D4"].number_format = '"1380"0000000'  # the formula's number, through the format
    sheet.append(["黄秀珍", 13805951234, 5951234, ""])
    sheet["B5"].number_format = '"电话："0'  # shows 电话：13805951234
    sheet["C5"].number_format = '"=1380"0000000'  # shows =13805951234: masked, it must stay text
    sheet.oddHeader.center.text = f"联系电话 {ANOTHER}"
    book.properties.title = "13705951234 的名单"
    # conditional formatting: 8000 shows as 13800138000 while the rule holds
    style = DifferentialStyle(numFmt=NumberFormat(numFmtId=200, formatCode='"1380013"0'))
    sheet.conditional_formatting.add("D2:D3", Rule(type="cellIs", operator="greaterThan", formula=["0"], dxf=style))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xlsx_is_masked_as_excel_shows_it(gk, tmp_path):
    target = tmp_path / "名单.xlsx"
    target.write_bytes(_book())
    run = gk("mask", target)
    assert run.code == 0, run.out + run.err
    _no_full_number(run.out + run.err)
    for line in ("名单!B2（公式计算结果）：手机号码 → 138****1234",
                 "名单!C2（按单元格的数字格式显示）：身份证号 → 35*************238",
                 "名单!B3（按单元格的数字格式显示）：手机号码 → 138****1234",
                 "名单!C3（公式计算结果）：身份证号 → 35*************238",
                 "名单!A3（批注）：手机号码 → 139****1234",
                 "名单!B4：手机号码 → 139****1234",
                 "名单（页眉中）：手机号码 → 139****1234",
                 "文档属性（title）：手机号码 → 137****1234",
                 "名单!D2（按条件格式的数字格式显示，已删去该数字格式）：手机号码 → 138****8000",
                 "名单!D4（公式计算结果）（按单元格的数字格式显示）：手机号码 → 138****1234"):
        assert line in run.out, (line, run.out)
    book = load_workbook(target)
    sheet = book["名单"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["姓名", "电话", "身份证号", "金额"],
        ["陈水生", "138****1234", "35*************238", 8000],
        ["林玉燕", "138****1234", "35*************238", 100],
        ["=SUM(D2:D3)", '=HYPERLINK("tel:139****1234","打电话")', None, "138****1234"],
        ["黄秀珍", "电话：138****1234", "=138****1234", None],  # as Excel showed them, masked
    ]
    assert sheet["C5"].data_type == "s"
    assert sheet["A4"].data_type == "f"  # a formula holding no number still computes
    assert sheet["B4"].data_type == "s"  # a masked formula is text: Excel shows it, never runs it
    assert [sheet[c].number_format for c in ("B2", "C2", "B3", "C3")] == ["General"] * 4
    assert sheet["A3"].comment.text == "电话 139****1234"
    assert sheet.oddHeader.center.text == "联系电话 139****1234"
    assert book.properties.title == "137****1234 的名单"
    assert all(s.numFmt is None for s in book._differential_styles.dxf)
    assert sheet.conditional_formatting  # the rule stays; only its number format went
    # nothing of the numbers is left in any part of the file, in any writing the gate reads
    _no_full_number(_all_text(target.read_bytes()))
    again = gk("mask", target)
    assert again.code == 0 and "没有发现" in again.out, again.out


def _all_text(data: bytes) -> str:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


def test_what_mask_cannot_rewrite_is_listed_and_exits_1(gk, tmp_path):
    book = Workbook()
    book.active.append(["姓名", "电话"])
    book.active.append(["陈水生", MOBILE])
    book.defined_names["联系"] = DefinedName("联系", attr_text=f'"{ANOTHER}"')
    target = tmp_path / "名单.xlsx"
    book.save(target)
    run = gk("mask", target)
    assert run.code == 1, run.out + run.err
    assert "Sheet!B2：手机号码 → 138****1234" in run.out and "共遮盖 1 处" in run.out
    assert "未能遮盖" in run.out and "139****1234" in run.out and "不能发布" in run.out
    _no_full_number(run.out + run.err)
    assert load_workbook(target).active["B2"].value == "138****1234"  # what it could mask is masked
    dry = gk("mask", target, "--dry-run")
    assert dry.code == 1 and "未能遮盖" in dry.out


def test_a_masked_workbook_passes_the_gate(gk, cat, tmp_path):
    """The file validate refused before mask is published after it, and the site holds none of the numbers."""
    with_attachment(cat, "files/list.xlsx", _book())
    before = gk("validate", cat.root)
    assert before.code == 1 and re.search("GK60[12]", before.out + before.err)
    assert gk("mask", cat.root / "files" / "list.xlsx").code == 0
    after = gk("validate", cat.root)
    assert after.code == 0, after.out + after.err
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site / "records" / "R2026-001.html").exists()
    assert holding(site, *FULL) == []
