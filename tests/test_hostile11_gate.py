"""Eleventh hostile pass over the publishing gate and the output scan: 身份证号 masked in part of the birth date only,
numbers percent-encoded in GBK (the encoding of old Chinese web systems), lists of people in a PDF, and names a
公示's title gives after 为 or before 申请. Each test runs the real CLI on a small catalog and looks for the value (as
written and, a number, as bare digits) in every file written (helpers of test_hostile7_gate).
"""

from __future__ import annotations

import pytest

from conftest import RECORD
from test_hostile7_gate import MOBILE, assert_held_back, holding, with_attachment

MARK = "经审核，现将名单予以公示。"

# 1. A 身份证号 masked in part of its birth date. Found by the eleventh pass: a mask counted when it hid the birth date
# or eight characters, so one that hid the year alone (350524****03151236: 1900 to 2100, and the check digit keeps one
# in eleven — eighteen to try) or the month and day (3505241985****1236: a year's days, thirty-three to try) passed
# both scans and went on the web, as did the area code and two of the sequence (******19850315**36, eight stars: nine
# to try). Now a mask is judged by how many IDs it leaves to try: fewer than a card's mask leaves (a thousand) is none.
PART_OF_THE_BIRTH_DATE = ["350524****03151236", "3505241985****1236", "3505241985*****236", "35052419****151236",
                          "350524*****3151236", "******19850315**36", "3505241985■■■■1236"]


@pytest.mark.parametrize("written", PART_OF_THE_BIRTH_DATE)
def test_an_id_masked_in_part_of_its_birth_date_is_held_back(gk, cat, tmp_path, written):
    with_attachment(cat, "files/2026/list.csv", f"姓名,身份证号\n陈水生,{written}\n")
    assert_held_back(gk, cat, tmp_path, written, attachment="files/2026/list.csv")
    out = gk("validate", cat.root).out
    assert "GK601" in out and written not in out


@pytest.mark.parametrize("written", PART_OF_THE_BIRTH_DATE)
def test_the_output_scan_finds_an_id_masked_in_part_of_its_birth_date(written):
    from gongkai.privacy.outputs import scan_output

    found = scan_output("records/R2026-001.html", f"<td>{written}</td>\n".encode(), frozenset())
    assert [f.kind for f in found] == ["id"]


# What hides enough: the county's format, the birth date hidden, the year and two of the sequence (1,800 to try),
# ten days with the whole sequence and the check digit (10,000), and eighteen characters that are no ID.
@pytest.mark.parametrize("fine", ["35*************123", "350524********1236", "350524****0315**36",
                                  "3505241985031*****", "订单号 **2026120400000001"])
def test_an_id_masked_enough_is_published(gk, cat, tmp_path, fine):
    cat.record(RECORD.replace(MARK, f"{MARK}\n  陈水生 {fine}"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "没有发布" not in run.err, run.err
    assert "GK601" not in gk("validate", cat.root).out


# 2. A number percent-encoded in GBK. Found by the eleventh pass: a run of percent-encoded bytes was decoded as UTF-8
# only, so a link written by an older Chinese web system (GBK: %A3%B1 is the full-width １, %D2%BB is 一) or by
# JavaScript's escape() (%uFF11) held the number for anyone who decodes it — and for the server it points at — and both
# scans passed it: the page showed it as written. Now such a run is decoded as UTF-8, else as GBK, %uXXXX as the
# character, in the source scan, the output scan and the log masking alike.
GBK_FULL_WIDTH = "".join(f"%A3%B{d}" for d in MOBILE)  # １３８０５９５１２３４
GBK_NUMERALS = "%D2%BB%C8%FD%B0%CB%C1%E3%CE%E5%BE%C5%CE%E5%D2%BB%B6%FE%C8%FD%CB%C4"  # 一三八零五九五一二三四
ESCAPED = "".join(f"%uFF1{d}" for d in MOBILE)
PERCENT = {"gbk-full-width": GBK_FULL_WIDTH, "gbk-numerals": GBK_NUMERALS, "escape": ESCAPED}


@pytest.mark.parametrize("case", sorted(PERCENT))
def test_a_number_percent_encoded_in_gbk_in_a_link_is_held_back(gk, cat, tmp_path, case):
    cat.record(RECORD.replace(MARK, f"{MARK}咨询请[联系经办人](http://www.example.gov.cn/lx.asp?tel={PERCENT[case]})。"))
    assert_held_back(gk, cat, tmp_path, PERCENT[case])
    out = gk("validate", cat.root).out
    assert "GK602" in out and PERCENT[case] not in out


def test_a_number_percent_encoded_in_gbk_in_a_field_is_held_back(gk, cat, tmp_path):
    cat.record(RECORD.replace("文号: 测民〔2026〕1号", f"文号: 测民〔2026〕1号 {GBK_FULL_WIDTH}"))
    assert_held_back(gk, cat, tmp_path, GBK_FULL_WIDTH)


@pytest.mark.parametrize("case", sorted(PERCENT))
def test_the_output_scan_decodes_gbk_percent_encoding(case):
    from gongkai.privacy.outputs import scan_output

    page = f'<p><a href="http://www.example.gov.cn/lx.asp?tel={PERCENT[case]}">联系经办人</a></p>\n'.encode()
    assert [(f.kind, f.masked_value) for f in scan_output("a.html", page, frozenset())] == [("mobile", "138****1234")]


def test_a_link_percent_encoded_in_gbk_without_a_number_is_published(gk, cat, tmp_path):
    # 民政局 in GBK, and a 文号 in UTF-8: text, not numbers
    cat.record(RECORD.replace(MARK, f"{MARK}见[通知](http://www.example.gov.cn/s.asp?q=%C3%F1%D5%FE%BE%D6&w=%E6%B5%8B2026%E5%B9%B41%E5%8F%B7)。"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "没有发布" not in run.err, run.err
