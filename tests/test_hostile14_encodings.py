"""Fourteenth hostile pass, numbers written backwards, in hexadecimal, as escaped bytes, and one digit to a cell.

Found (each passed validate, the gate and the output scan, and reached the site):
- backwards: 43215950831 is 13805951234, 632151305891425053 the ID 350524198503151236;
- hexadecimal notation (0x336E61902 is 13805951234) and hexadecimal bytes (3133383035393531323334, 31 33 38 …, 31:33:…
  are the text «13805951234», as hexlify and every hex dump write it);
- quoted-printable (=31=33=38…, with soft line breaks «=⏎»: an e-mail's or an MHT file's text) and C's \\x31 escapes;
- a reference or percent-encoded byte that decodes to nothing a reader sees in its place: «&#13805951234» is no
  reference (seven digits at most) and shows its digits, and «%13805951234» on a page shows them; decoded, the first
  digits became U+FFFD or a control character and the number was gone;
- a mobile typed one digit to a cell in a spreadsheet, with no cell before it naming a phone;
- (looking further) a mobile read out as a quantity: 一百三十八亿零五百九十五万一千二百三十四.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ITEM, RECORD, CatalogDir
from gongkai.privacy.detect import find
from gongkai.privacy.outputs import scan_output
from test_hostile7_gate import assert_held_back, with_attachment, xlsx

FORM = "经审核，现将名单予以公示。"
MOBILE = "13805951234"
ID = "350524198503151236"  # area 350524, born 1985-03-15, check digit 6
ID_X = "34052419800101001X"  # DOMAIN.md §7's example, check digit X

WRITTEN = {
    "backwards mobile": ("43215950831", "mobile", MOBILE),
    "backwards mobile ending in 0": ("00083100831", "mobile", "13800138000"),
    "backwards ID": ("632151305891425053", "id", ID),
    "backwards ID, check digit X first": ("X10010100891425043", "id", ID_X),
    "hexadecimal notation": ("0x336E61902", "mobile", MOBILE),
    "hexadecimal notation of an ID": ("0x4dd4fe6c0f57684", "id", ID),
    "hexadecimal bytes": ("3133383035393531323334", "mobile", MOBILE),
    "hexadecimal bytes apart by colons": ("31:33:38:30:35:39:35:31:32:33:34", "mobile", MOBILE),
    "hexadecimal bytes of UTF-8 text": ("e88194e7b3bbe794b5e8af9d3133383035393531323334", "mobile", MOBILE),
    "quoted-printable": ("=31=33=38=30=35=39=35=31=32=33=34", "mobile", MOBILE),
    "quoted-printable with a soft line break": ("=31=33=38=30=35=\n=39=35=31=32=33=34", "mobile", MOBILE),
    "quoted-printable of UTF-8 text": ("=E8=81=94=E7=B3=BB=E7=94=B5=E8=AF=9D=31=33=38=30=35=39=35=31=32=33=34", "mobile",
                                       MOBILE),
    "C escapes": (r"\x31\x33\x38\x30\x35\x39\x35\x31\x32\x33\x34", "mobile", MOBILE),
    "C escapes among digits": (r"138\x30595\x31234", "mobile", MOBILE),
    "no reference": ("&#13805951234", "mobile", MOBILE),
    "no hexadecimal reference": ("&#x13805951234", "mobile", MOBILE),
    "a percent sign before": ("%13805951234", "mobile", MOBILE),
    "quoted-printable sign before": ("=13805951234", "mobile", MOBILE),
    # (found by looking further: a number read out as a quantity)
    "a quantity in Chinese numerals": ("一百三十八亿零五百九十五万一千二百三十四", "mobile", MOBILE),
    "a quantity in 大写": ("壹佰叁拾捌亿零伍佰玖拾伍万壹仟贰佰叁拾肆", "mobile", MOBILE),
}


def test_the_numbers_of_these_tests_are_valid():
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    for number in (ID, ID_X):
        assert "10X98765432"[sum(int(d) * w for d, w in zip(number[:17], weights)) % 11] == number[17]


@pytest.mark.parametrize("case", sorted(WRITTEN))
def test_a_number_written_so_is_found(case: str) -> None:
    written, kind, value = WRITTEN[case]
    assert (kind, value) in [(hit.kind, hit.value) for hit in find(f"联系方式：{written}")], case
    assert kind in [hit.kind for hit in find(written, data=True)]


@pytest.mark.parametrize("case", sorted(WRITTEN))
def test_the_output_scan_finds_it(case: str) -> None:
    written = WRITTEN[case][0].replace("\n", "\\n").replace("\\x", "\\\\x")  # as JSON writes it
    page = f"<p>联系方式：{WRITTEN[case][0]}</p>\n".encode()
    assert scan_output("page.html", page, frozenset()), case
    assert scan_output("search.json", f'{{"x": "{written}"}}'.encode(), frozenset()), case


@pytest.mark.parametrize("text", [
    "01065121231",  # a Beijing landline with its area code: backwards it starts 13 (no mobile is written so)
    "0595-23222516",
    "sha1 da39a3ee5e6b4b0d3255bfef95601890afd80709",  # a checksum: hexadecimal, but no number in it
    "350524-MZ-2026-00012",
    "12345678931元",  # an amount
    "0x7fffffff",  # a hexadecimal constant too short for a number
    "a=12&b=34",
    "预算一百三十八亿零五百九十五万一千二百三十四元",  # an amount
    "人民币壹佰叁拾捌亿零伍佰玖拾伍万壹仟贰佰叁拾肆",
    "全省一百三十九亿零五十万",  # a round quantity
])
def test_what_only_looks_so_is_no_number(text: str) -> None:
    assert list(find(text)) == []


@pytest.mark.parametrize("case", ["backwards mobile", "hexadecimal bytes", "quoted-printable", "no reference"])
def test_a_record_with_one_is_held_back(gk, cat: CatalogDir, tmp_path: Path, case: str) -> None:
    written = WRITTEN[case][0]
    cat.record(RECORD.replace(FORM, f"{FORM}联系方式：{written}"))
    run = gk("validate", cat.root)
    assert run.code == 1 and re.search("GK60[123]", run.out), run.out
    assert written not in run.out and MOBILE not in run.out
    assert_held_back(gk, cat, tmp_path, written, MOBILE)


def test_hexadecimal_bytes_are_named_so_and_removed_not_masked(gk, cat: CatalogDir) -> None:
    cat.record(RECORD.replace(FORM, f"{FORM}联系方式：{WRITTEN['hexadecimal bytes'][0]}"))
    out = gk("validate", cat.root).out
    assert "手机号码（十六进制编码）" in out and "删去这段十六进制编码的文字" in out


# One digit to a cell with nothing naming it: a spreadsheet of applicants (姓名, then the phone typed in eleven cells).
APPLICANTS = [["姓名", "住址", *[""] * 11], ["陈水生", "经兜村", *MOBILE], ["林阿妹", "湖头村", *"13905951111"]]


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_mobile_one_digit_to_a_cell_with_no_label_is_held_back(gk, cat: CatalogDir, tmp_path: Path,
                                                                suffix: str) -> None:
    cat.item(ITEM)
    data: bytes | str = (xlsx(APPLICANTS) if suffix == "xlsx"
                         else "\n".join(",".join(row) for row in APPLICANTS) + "\n")
    with_attachment(cat, f"files/2026/shenqing.{suffix}", data)
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK602" in run.out and "138****1234" in run.out, run.out
    assert_held_back(gk, cat, tmp_path, MOBILE, attachment=f"files/2026/shenqing.{suffix}")


def test_a_mobile_one_digit_to_a_cell_under_a_header_naming_it_is_held_back(gk, cat: CatalogDir, tmp_path: Path) -> None:
    rows = [["序号", "姓名", "联系电话", *[""] * 10], ["1", "陈水生", *MOBILE]]
    with_attachment(cat, "files/2026/shenqing.xlsx", xlsx(rows))
    assert "GK602" in gk("validate", cat.root).out
    assert_held_back(gk, cat, tmp_path, MOBILE, attachment="files/2026/shenqing.xlsx")


@pytest.mark.parametrize("rows", [
    # counts, labelled: 户数 before them, or months over them
    [["村", *[str(n) for n in range(1, 12)]], ["户数", *MOBILE]],
    [["村", *[f"{n}月" for n in range(1, 12)]], ["经兜村", *MOBILE]],
    # twelve months of counts: a run of twelve is no mobile
    [["村", *[f"{n}" for n in range(1, 13)]], ["经兜村", *(MOBILE + "5")]],
])
def test_a_row_of_one_digit_counts_is_no_mobile(gk, cat: CatalogDir, tmp_path: Path, rows: list[list[str]]) -> None:
    with_attachment(cat, "files/2026/tongji.xlsx", xlsx(rows))
    assert "GK602" not in gk("validate", cat.root).out
    assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 0
    assert (tmp_path / "site" / "files" / "2026" / "tongji.xlsx").exists()
