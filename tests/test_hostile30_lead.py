"""Hostile pass, round 30 (lead): a number split over a few cells of a row.

Found and fixed:

1. A 公示 list with the 身份证号 typed over three cells (350524 | 19800101 | 1233 under 身份证号 and two blank headers,
   or 身份证号前段 | 身份证号后段), or a mobile over two (1380595 | 1234 under 电话, 138 | 05951234 under 区号 | 电话),
   passed validate with one warning (GK605, a column not allowed) and was published: each cell alone is too short to
   be a number, and the page shows the whole number across them. Only one digit to a cell (a 申请表's boxes) was read
   along the row. Now cells of digits side by side are read as the number they make — each cell whole, the headers
   over the later cells blank or naming the number again — in the body's tables, CSV, XLSX (and every table the gate
   reads): GK601/GK602 「第2行（分在3格）」 at the row's line, and the build holds the record back. A row of counts
   (户数 138 | 人数 0595 …) and an amount beside an ID column (保障金额) are no part of a number.
2. `gongkai mask` left such a number whole, or (Markdown) wrote one mask over both cells and left the row a cell short
   of its header. Now each cell is masked where it stands (35**** | ******** | *233; 138**** | 1234), and the
   rewritten list passes the gate.
3. A home landline typed a digit at a time after what names it a person's own (家庭电话：2 3 4 5 6 7 8, 宅电 0595 2 3 4
   5 6 7 8 9, 家庭电话 0-5-9-5-2-3-4-5-6-7-8-9) went out: a mobile and an ID so written were found, a landline after
   家庭电话 only in its usual groups. Now a separator between any two of its digits; masked ***5678 by `gongkai mask`.
4. A house in a 角落 whose name holds 路 (松岩村大路边12号, 湖头村路口3号, 松岩村路下五号) went out: a place between 村 and
   the house number could hold no 路 (so that a street's address was read once). Now it may; 村道3号桥 stays a bridge.
5. GK501 (a record without an attachment for the 两馆) told every clerk 「如 files/2026/R2026-012.pdf」 — another
   record's file, which a clerk copying the example registered. Now the record's own (files/2026/R2026-031.pdf).
6. A number `gongkai mask` read across the cells of a Markdown row that no header names (| 陈水生 | 1380595 | 1234 |
   under 甲 乙) was written back as one mask over both cells, the row a cell short of its header; the line shown under
   a finding merged them the same way. Each digit now takes the mask's character in its own cell, the pipes stay.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import RECORD, CatalogDir

# 350524198001011233: 3·7+5·9+0·10+5·5+2·8+4·4+1·2+9·1+8·6+0·3+0·7+1·9+0·10+1·5+1·8+2·4+3·2 = 218; 218 mod 11 = 9 →
# check digit 3 (1 0 X 9 8 7 6 5 4 3 2: index 9 is 3). Masked as the Fujian format says: first two, last three.
ID_MASKED = "35*************233"
MOBILE_MASKED = "138****1234"


def _record(body: str) -> str:
    return RECORD.replace("  经审核，现将名单予以公示。\n", "".join(f"  {line}\n" for line in body.splitlines()))


def _validate(gk, cat: CatalogDir):
    return gk("validate", "--no-cache", cat.root, "--today", "2026-11-27")


@pytest.mark.parametrize(("table", "finding"), [
    ("| 姓名 | 身份证号 | | |\n|---|---|---|---|\n| 陈水生 | 350524 | 19800101 | 1233 |",
     f"GK601 正文表格第2行（分在3格）有未遮盖的身份证号「{ID_MASKED}」"),
    ("| 姓名 | 身份证号前段 | 身份证号后段 | 保障人数 |\n|---|---|---|---|\n| 陈水生 | 350524198 | 001011233 | 1 |",
     f"GK601 正文表格第2行（分在2格）有未遮盖的身份证号「{ID_MASKED}」"),
    # a check digit typed wrong (3 → 5) under the header 身份证号: an ID all the same, as in prose
    ("| 姓名 | 身份证号 | | |\n|---|---|---|---|\n| 陈水生 | 350524 | 19800101 | 1235 |",
     "GK601 正文表格第2行（分在3格）有未遮盖的身份证号「35*************235」"),
    ("| 姓名 | 电话 | |\n|---|---|---|\n| 陈水生 | 1380595 | 1234 |",
     f"GK602 正文表格第2行（分在2格）有未遮盖的手机号码「{MOBILE_MASKED}」"),
    ("| 姓名 | 区号 | 电话 |\n|---|---|---|\n| 陈水生 | 138 | 05951234 |",
     f"GK602 正文表格第2行（分在2格）有未遮盖的手机号码「{MOBILE_MASKED}」"),
    ("| 姓名 | 联系电话 | | |\n|---|---|---|---|\n| 陈水生 | １３８ | ０５９５ | １２３４ |",  # full-width digits
     f"GK602 正文表格第2行（分在3格）有未遮盖的手机号码「{MOBILE_MASKED}」"),
])
def test_a_number_split_over_cells_of_a_body_table_is_found_at_its_row(gk, cat, tmp_path, table, finding) -> None:
    cat.record(_record(table))
    run = _validate(gk, cat)
    assert run.code == 1, run.out
    # 正文 on line 17: the header on 18, the rule row on 19, the row itself on 20
    assert f"20:1 错误 {finding}" in run.out, run.out
    for piece in ("19800101", "1380595", "05951234", "０５９５"):
        assert piece not in run.out
    built = gk("build-site", cat.root, "--out", tmp_path / "site", "--today", "2026-11-27")
    assert "R2026-001" in built.err + built.out  # held back, named
    assert not list((tmp_path / "site").rglob("R2026-001*"))


@pytest.mark.parametrize("table", [
    # counts side by side, whatever they spell
    "| 乡镇 | 户数 | 人数 | 金额 | 年 |\n|---|---|---|---|---|\n| 城厢镇 | 138 | 0595 | 123456 | 2026 |",
    # an amount beside a column of an ID's first fourteen digits is no part of it (the header says what it is)
    "| 姓名 | 户籍编号 | 保障金额 |\n|---|---|---|\n| 陈水生 | 35052419800101 | 1233 |",
    # people, their counts and the month: 1 1144 202610 are no mobile
    "| 姓名 | 保障人数 | 保障金额 | 月份 |\n|---|---|---|---|\n| 陈水生 | 1 | 1144 | 202610 |",
    # a date over three cells
    "| 姓名 | 年 | 月 | 日 |\n|---|---|---|---|\n| 陈水生 | 2026 | 10 | 20 |",
])
def test_cells_that_make_no_number_stay_published(gk, cat, table) -> None:
    cat.record(_record(table))
    run = _validate(gk, cat)
    assert "GK601" not in run.out and "GK602" not in run.out and "GK603" not in run.out, run.out


def _sheet(path: Path, *rows: list[object]) -> Path:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_number_split_over_cells_of_an_xlsx_attachment_is_refused(gk, cat, tmp_path) -> None:
    (cat.root / "files").mkdir()
    _sheet(cat.root / "files" / "list.xlsx", ["姓名", "身份证号", None, None, "保障金额"],
           ["陈水生", 350524, 19800101, 1233, 880])
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/list.xlsx\n    名称: 名单\n正文: |"))
    run = _validate(gk, cat)
    assert run.code == 1, run.out
    assert f"第2行（分在3格）有未遮盖的身份证号「{ID_MASKED}」" in run.out, run.out
    assert "19800101" not in run.out


def test_mask_masks_each_cell_where_it_stands(gk, cat, tmp_path) -> None:
    csv_file = tmp_path / "名单.csv"
    csv_file.write_text("姓名,身份证号,,,联系电话,\n陈水生,350524,19800101,1233,1380595,1234\n", encoding="utf-8")
    markdown = tmp_path / "名单.md"
    markdown.write_text("| 姓名 | 身份证号 | | | 联系电话 | |\n|---|---|---|---|---|---|\n"
                        "| 陈水生 | 350524 | 19800101 | 1233 | 1380595 | 1234 |\n", encoding="utf-8")
    workbook = _sheet(tmp_path / "名单.xlsx", ["姓名", "身份证号前段", "身份证号后段"], ["陈水生", 350524198, "001011233"])
    for path in (csv_file, markdown, workbook):
        run = gk("mask", path)
        assert run.code == 0, run.out + run.err
        assert f"（分在3格）：身份证号 → {ID_MASKED}" in run.out or f"（分在2格）：身份证号 → {ID_MASKED}" in run.out
    assert csv_file.read_text("utf-8").splitlines()[1] == "陈水生,35****,********,*233,138****,1234"
    assert markdown.read_text("utf-8").splitlines()[2] == "| 陈水生 | 35**** | ******** | *233 | 138**** | 1234 |"
    assert [cell.value for cell in load_workbook(workbook).active[2]] == ["陈水生", "35*******", "******233"]
    # the rewritten list passes the gate as an attachment
    cat.write("files/名单.csv", csv_file.read_bytes())
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/名单.csv\n    名称: 名单\n正文: |"))
    run = _validate(gk, cat)
    assert "GK601" not in run.out and "GK602" not in run.out, run.out


@pytest.mark.parametrize(("body", "masked"), [
    ("申请人陈水生，家庭电话：2 3 4 5 6 7 8。", "***5678"),
    ("宅电 0595 2 3 4 5 6 7 8 9，晚上可联系。", "0595****6789"),
    ("本人电话0-5-9-5-2-3-4-5-6-7-8-9。", "0595****6789"),
    ("家庭电话：２ ３ ４ ５ ６ ７ ８。", "***5678"),  # full-width digits
])
def test_a_home_landline_typed_a_digit_at_a_time_is_a_persons_phone(gk, cat, tmp_path, body, masked) -> None:
    cat.record(_record(body))
    run = _validate(gk, cat)
    assert run.code == 1, run.out
    assert f"18:1 错误 GK602 正文第1行有未遮盖的电话号码「{masked}」" in run.out, run.out
    listed = tmp_path / "名单.md"
    listed.write_text(body + "\n", encoding="utf-8")
    assert gk("mask", listed).code == 0
    assert masked in listed.read_text("utf-8")


@pytest.mark.parametrize("body", [
    "家庭人口 2 3 4 5 6 7 8 人不等。",  # no phone named
    "家庭电话费补贴：每户 2 3 4 5 元。",  # four digits: no landline
])
def test_digits_one_by_one_that_are_no_home_phone(gk, cat, body) -> None:
    cat.record(_record(body))
    assert "GK602" not in _validate(gk, cat).out


@pytest.mark.parametrize("body", [
    "陈水生，住址：西坪镇松岩村大路边12号。",
    "林玉燕，湖头村路口3号。",
    "苏金土，住址：松岩村路下五号。",  # (Chinese numerals)
])
def test_a_house_in_a_corner_named_with_a_road_is_an_address(gk, cat, body) -> None:
    cat.record(_record(body))
    run = _validate(gk, cat)
    assert run.code == 1 and "GK604" in run.out, run.out


@pytest.mark.parametrize("body", ["经兜村村道3号桥完成维修。", "陈水生住松岩村新安路12号。"])
def test_a_village_road_and_a_street_address_are_read_as_before(gk, cat, body) -> None:
    cat.record(_record(body))
    run = _validate(gk, cat)
    assert run.out.count("GK604") == ("新安路" in body), run.out


def test_the_missing_attachments_example_is_the_records_own_file(gk, cat) -> None:
    cat.record(RECORD.replace("编号: R2026-001", "编号: R2026-031"), rel="records/2026/R2026-031.yaml")
    cat.write("handover/2026-09-07.yaml", "批次日期: 2026-09-07\n覆盖期间: {开始: 2026-08-21, 结束: 2026-09-07}\n"
                                          "接收单位: [dag, tsg]\n信息: []\n")
    run = _validate(gk, cat)
    assert "GK501" in run.out, run.out
    assert "如 files/2026/R2026-031.pdf。" in run.out and "R2026-012" not in run.out


def test_a_mask_over_the_cells_of_a_row_keeps_the_cells(gk, tmp_path) -> None:
    listed = tmp_path / "名单.md"
    listed.write_text("| 姓名 | 甲 | 乙 |\n|---|---|---|\n| 陈水生 | 1380595 | 1234 |\n| 林玉燕 | 138 0595 | 1234 |\n",
                      encoding="utf-8")
    run = gk("mask", listed)
    assert run.code == 0, run.out + run.err
    assert listed.read_text("utf-8").splitlines()[2:] == ["| 陈水生 | 138**** | 1234 |", "| 林玉燕 | 138 **** | 1234 |"]
