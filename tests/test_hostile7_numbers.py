"""Seventh hostile pass, the detector's part: a mobile in thousands grouping (13,805,951,234), a number in scientific
notation (1.3805951234E+10, a 身份证号 that went through a float: 3.50524198503151E+17), and rural and urban address
forms (村 + 自然村 + 号, 弄, 幢 + room, a road section). Each CLI test runs the real CLI on a small catalog and looks for
the number (as written and as bare digits) in every file written, .gz and zip members opened; the unit tests give
the detector's rule on each side of its edges.

Copied from tests/test_hostile7_gate.py (branch hostile-gate): the tests of these three leaks (helpers imported from it);
the others (xlsx formats and formulas, PDF order, the gate, lists of people) are fixed elsewhere.

Values typed by hand: 13805951234 is a mobile (1[3-9] + 9 digits); 350524198503151236 a 身份证号 (GB 11643-1999:
S = 281, 281 mod 11 = 6 → 6); 6222021234567894 passes Luhn (test_privacy_detect.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import RECORD
from gongkai.privacy.detect import classify, find
from gongkai.privacy.mask import mask_text
from test_hostile7_gate import ID, MOBILE, assert_held_back, holding, with_attachment


# ---------------------------------------------------------------------------------------------------- through the CLI

# Excel's 千位分隔样式 saves a phone column to CSV as "13,805,951,234"; a system written in Java exports a number kept
# as a double as 1.3805951234E10. Excel (and WPS) opens each as the number 13805951234 and shows it whole.
@pytest.mark.parametrize("cell", ['"13,805,951,234"', "1.3805951234E+10", "1.3805951234E10", "1.3805951234e+10",
                                  '"13,805,951,234.00"', "3.50524198503151E+17"])
def test_a_csv_cell_excel_shows_as_a_number_is_not_published(gk, cat, tmp_path, cell):
    with_attachment(cat, "files/2026/list.csv", f"姓名,村（社区）,联系电话\n王五,经兜村,{cell}\n")
    assert_held_back(gk, cat, tmp_path, cell.strip('"'), attachment="files/2026/list.csv")


def test_a_mobile_with_thousands_separators_in_the_title_is_not_published(gk, cat, tmp_path):
    cat.record(RECORD.replace("名单的公示", "名单的公示（联系人王五13,805,951,234）"))
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK602" in run.out, run.out
    assert "138****1234" in run.out and "13,805,951,234" not in run.out
    assert_held_back(gk, cat, tmp_path, MOBILE, "13,805,951,234")


def test_an_id_number_from_a_float_is_an_error_printed_masked(gk, cat):
    cat.record(RECORD.replace("名单的公示", "名单的公示（户主王五3.50524198503151E+17）"))
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK601" in run.out, run.out
    assert "35*************000" in run.out and "350524198503151" not in run.out


def test_the_portal_export_holds_back_a_thousands_separated_mobile(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/list.csv", '姓名,村（社区）,联系电话\n王五,经兜村,"13,805,951,234"\n')
    out = tmp_path / "portal"
    gk("export", "portal", cat.root, "--out", out)
    assert holding(out, MOBILE, "13,805,951,234") == []


# Detailed addresses below 村: a rural household's address is 村 + 自然村 (or 角落) + 号, the form of every 住址 column
# of a village list.
@pytest.mark.parametrize("address", ["蓬莱镇联中村后洋41号", "官桥镇赤岭村赤岭78号", "魁斗镇莲美村顶坂32-1号",
                                     "凤城镇大同路88弄3号", "凤城镇金谷花园2幢1201", "凤城镇新安路东段2-3号"])
def test_a_rural_address_in_a_list_is_not_published(gk, cat, tmp_path, address):
    with_attachment(cat, "files/2026/list.csv", f"姓名,住址,保障人数\n陈水生,{address},2\n")
    assert_held_back(gk, cat, tmp_path, address, attachment="files/2026/list.csv")


@pytest.mark.parametrize("address", ["湖头镇湖二村新街52号", "城厢镇经兜村第3村民小组15号", "凤城镇河滨南路128号之一",
                                     "龙湖小区B栋502室"])
def test_the_address_forms_already_read_hold(gk, cat, tmp_path, address):
    with_attachment(cat, "files/2026/list.csv", f"姓名,住址,保障人数\n陈水生,{address},2\n")
    assert_held_back(gk, cat, tmp_path, address, attachment="files/2026/list.csv")


@pytest.mark.parametrize("written", ["13 805 951 234", "13.805.951.234", "1 380 595 1234", "350,524,198,503,151,236"])
def test_other_groupings_in_a_csv_are_found(gk, cat, tmp_path, written):
    with_attachment(cat, "files/2026/list.csv", f'姓名,村（社区）,号码\n王五,经兜村,"{written}"\n')
    assert_held_back(gk, cat, tmp_path, written, attachment="files/2026/list.csv")


# ---------------------------------------------------------------------------------------------------- the detector's rules

def found(text: str) -> list[tuple[str, str, str]]:
    """(kind, value, the text the hit covers) of every hit."""
    return [(hit.kind, hit.value, text[hit.start:hit.end]) for hit in find(text)]


# 1. Thousands grouping: a mobile or card number whose grouping is an amount's, unless it reads as money.
@pytest.mark.parametrize(("text", "expected"), [
    ("联系电话13,805,951,234", [("mobile", MOBILE, "13,805,951,234")]),
    ("王五，13,805,951,234，经兜村", [("mobile", MOBILE, "13,805,951,234")]),
    ("13，805，951，234", []),  # the Chinese comma is a clause comma, never a thousands separator (分别为15，120，135，150人)
    ("13,805,951,234.00", [("mobile", MOBILE, "13,805,951,234.00")]),  # 千位分隔样式 with two decimals
    ("13,805,951,234户", []),  # a count: 分别为15,120,135,150人 (found in a false-positive hunt)
    ("卡号6,222,021,234,567,894", [("bank", "6222021234567894", "6,222,021,234,567,894")]),
    ("6,222,021,234,567,894元", [("bank", "6222021234567894", "6,222,021,234,567,894")]),  # no amount has 16 digits
    ("350,524,198,503,151,236", [("id", ID, "350,524,198,503,151,236")]),  # found before this pass: still found
    # money: after ¥ ￥ RMB 人民币 金额, before 元 万元 亿元 万 亿 块
    ("13,805,951,234元", []), ("13,805,951,234 万元", []), ("13,805,951,234亿元", []), ("13,805,951,234万", []),
    ("13,805,951,234亿", []), ("13,805,951,234块", []), ("13,805,951,234.00元", []), ("¥13,805,951,234", []),
    ("￥ 13,805,951,234", []), ("RMB13,805,951,234", []), ("人民币13,805,951,234", []), ("金额：13,805,951,234", []),
    # not thousands grouping, or not a whole number, or not a mobile
    ("13,805,951,234.50", []),  # a fraction: an amount
    ("第1,13,805,951,234条", []),  # a list: 13 follows a comma after a digit
    ("13,805,951,234,567", []),  # one group more: fourteen digits, no mobile, no card
    ("13,805,951,2345", []),  # the last group is no group of three
    ("12,345,678,901", []),  # no mobile begins 12
    ("1,380,595,123", []),  # ten digits
    ("6,222,021,234,567,890", []),  # fails Luhn
])
def test_thousands_grouping(text, expected):
    assert found(text) == expected


def test_thousands_grouping_is_not_read_in_data():
    # In a JSON or CSV file gongkai wrote a comma separates values: [13,805,951,234] is a list of four numbers.
    assert list(find("[13,805,951,234]", data=True)) == []
    assert [h.kind for h in find("13,805,951,234")] == ["mobile"]


# 2. Scientific notation: the integer it denotes; an 18-digit number that lost its check digit in a float.
@pytest.mark.parametrize(("text", "expected"), [
    ("1.3805951234E+10", [("mobile", MOBILE, "1.3805951234E+10")]),
    ("1.3805951234E10", [("mobile", MOBILE, "1.3805951234E10")]),
    ("1.3805951234e+10", [("mobile", MOBILE, "1.3805951234e+10")]),
    ("电话:1.38059512E10", [("mobile", "13805951200", "1.38059512E10")]),  # Java drops the trailing zeros
    ("王五1.3805951234E10", [("mobile", MOBILE, "1.3805951234E10")]),  # 五 is the name's, not the mantissa's
    ("6.222021234567894E15", [("bank", "6222021234567894", "6.222021234567894E15")]),
    ("3.50524198503151E+17", [("id", "350524198503151000", "3.50524198503151E+17")]),
    ("3.5052419850315123E+17", [("id", "350524198503151230", "3.5052419850315123E+17")]),
    ("1.38059512345E+10", []),  # 13805951234.5: no integer
    ("1.3805951234E+11", []),  # 138059512340: twelve digits
    ("1.3805951234E-10", []),
    ("3.50524E+17", []),  # 350524000000000000: no birth date left
    ("9.50524198503151E+17", []),  # 95 is no province (nor 9 a region of GB 11643)
    # a hash is no number: the search index's page table holds 24 hex digits a page (180e10 = 18000000000, 187e8 …);
    # these stopped every build of the 10k benchmark catalog until the notation had to stand alone, with its point
    ('{"records/R1.html":[12,"9f0c180e10d4a3b2c1d0e9f8"]}', []),
    ('"a1b187e8c0ffee1234567890"', []),
    ("3490e12", []),  # no point: Excel and Java write one
    ("x1.3805951234E+10", []),  # part of a word
    ("1.3805951234E+10x", []),
])
def test_scientific_notation(text, expected):
    assert found(text) == expected


# The 身份证号 whose check digit a float lost: written out, eighteen digits ending in 000 with a province's code and a
# birth date between 1900-01-01 and today. Check digits by hand (S, S mod 11 → the right one): none of these is valid.
@pytest.mark.parametrize(("value", "kind"), [
    ("350524198503151000", "id"),  # S = 267, mod 11 = 3 → 9
    ("350524190001011000", "id"),  # born 1900-01-01, the first day (S = 156 → X)
    ("350524189912311000", None),  # born 1899-12-31 (S = 282 → 5)
    ("350524203001011000", None),  # born 2030: not yet (S = 167 → X)
    ("350524198502301000", None),  # 1985-02-30 is no date (S = 253 → 1)
    ("150524198503151000", "id"),  # 15: 内蒙古 (S = 253 → 1)
    ("160524198503151000", None),  # 16: no province (S = 262 → 3)
    ("910524198503151000", "id"),  # 91 is on the list of province codes (S = 273 → 3)
    ("920524198503151000", None),  # 92 is not, and fails Luhn (S = 282 → 5)
    ("100524198503151000", None),  # 10: no province; it passes Luhn, but an 18-digit number shaped as a 身份证号 is no card
    ("350524198503151200", None),  # ends in 00 only: a wrong check digit as today (S = 275 → 1)
    ("350524198503151230", None),  # the float's digits written out: indistinguishable from a near miss (S = 281 → 6)
])
def test_an_id_number_whose_check_digit_was_lost(value, kind):
    assert classify(value, dt.date(2026, 11, 27)) == kind  # (the day of the command: numbers.lost_check_id)


def test_a_lost_check_digit_is_masked_as_an_id_number():
    assert mask_text("户主3.50524198503151E+17。") == ("户主35*************000。", [("id", "35*************000")])
    assert mask_text("户主350524198503151000") == ("户主35*************000", [("id", "35*************000")])


# 3. Addresses: 村 + 自然村 + 号, 弄, a building's room without 室, a road section.
@pytest.mark.parametrize(("text", "covered"), [
    ("蓬莱镇联中村后洋41号", "中村后洋41号"),
    ("官桥镇赤岭村赤岭78号", "岭村赤岭78号"),
    ("魁斗镇莲美村顶坂32-1号", "美村顶坂32-1号"),
    ("赤岭村后洋下厝5号", "岭村后洋下厝5号"),  # a place of four characters
    ("联中村后洋四十一号", "中村后洋四十一号"),  # in Chinese numerals
    ("凤城镇大同路88弄3号", "大同路88弄3号"),
    ("88弄3号", "88弄3号"),
    ("凤城镇金谷花园2幢1201", "2幢1201"),
    ("金谷花园2幢120", "2幢120"),  # three digits
    ("5栋2单元1201", "5栋2单元1201"),
    ("3号楼1201", "3号楼1201"),
    ("大同路88号2幢1201", "大同路88号2幢1201"),
    ("凤城镇新安路东段2-3号", "新安路东段2-3号"),
    ("新安路北段12号", "新安路北段12号"),
])
def test_an_address_form(text, covered):
    assert found(text) == [("address", covered, covered)]  # the value of an address is the text it covers


@pytest.mark.parametrize("text", [
    "赤岭村后洋下厝尾5号",  # a place of five characters: beyond the rule
    "村委会〔2026〕3号", "村委会3号", "村委会公告3号", "各村按照2026年1号文件", "各村按照第1号文件", "乡村振兴1号文件",
    "村务公开栏3号", "各村（社区）第3号", "2026年第3号公告", "（第1号）", "安民〔2026〕12号",
    "新安路东段", "新安路上段2号", "88弄", "大同路88弄",
    "新建2栋1200平方米", "新建2栋1200㎡", "建成3座500人", "2幢12", "2幢12012", "第2栋2026年",
])
def test_not_an_address(text):
    assert found(text) == []
