"""Sixth hostile pass over the publishing gate: number forms it did not read, each tried through the real CLI (validate,
build-site, export, mask) and the output scan.

Values typed by hand: 13800138000 is a mobile (1[3-9] + 9 digits); 350524198503151236 an 18-digit 身份证号 whose
check digit is right; 6222021234567894 and 4111111111111111 16-digit card numbers, 6222021001115678903 a 19-digit
one (each passes Luhn: checked below by a Luhn written out here, not the project's).
"""

from __future__ import annotations

import pytest

from conftest import ITEM, RECORD
from test_hostile5_gate import findings, with_title
from test_hostile5_outputs import test_export_csv_stops_on_a_number_written_otherwise_in_an_item as export_stops
from gongkai.privacy.outputs import scan_output

MOBILE = "13800138000"
CARDS = ("6222021234567894", "4111111111111111", "6222021001115678903")


def _luhn(digits: str) -> bool:
    odd = [int(d) for d in digits[::-2]]
    even = [sum(divmod(2 * int(d), 10)) for d in digits[-2::-2]]
    return (sum(odd) + sum(even)) % 10 == 0


def test_the_card_numbers_of_these_tests_pass_luhn():
    assert all(_luhn(card) for card in CARDS)
    assert not _luhn("6222021234567895")


FOUND = [
    # 1. A card number followed by 元, 万元 or 块 was taken for an amount and published: no amount has sixteen digits,
    # nor sixteen before a decimal point (3505241985031512.36 is the 身份证号 with a dot put in).
    *((written, "GK603") for written in (
        "卡号6222021234567894元", "6222021234567894万元", "6222021234567894块", "6222021234567894 元",
        "6222 0212 3456 7894 元", "6222-0212-3456-7894万元", "6222021234567894.00元", "6222021234567894.5元",
        "4111111111111111元", "卡号6222021001115678903元", "６２２２０２１２３４５６７８９４元", "张三6222021234567894")),
    ("合计3505241985031512.36元", "GK601"),
    # 2. Digits glued to letters: a reader sees the number (0x…, ab…cd, ID…, a word of hexadecimal letters beside it)
    ("0x13800138000", "GK602"), ("ab13800138000cd", "GK602"), ("deadbeef13800138000", "GK602"),
    ("13800138000abcdef", "GK602"), ("fedcbaabcdef13800138000", "GK602"), ("13800138000x", "GK602"),
    ("13800138000X号", "GK602"), ("tel13800138000ext", "GK602"), ("ID350524198503151236", "GK601"),
    ("abcdefabcdefabcdef350524198503151236", "GK601"), ("350524198503151236abcdefabcdef", "GK601"),
    ("sfz350524198503151236", "GK601"),
    # 3. Percent-encoded digits (a link a browser dials, a text pasted from an address bar), character references as
    # browsers accept them: leading zeros, legacy names without «;».
    *((written, "GK602") for written in (
        "%31%33%38%30%30%31%33%38%30%30%30", "tel:%31%33%38-%30%30%31%33-%38%30%30%30", "138%200013%208000",
        "%E4%B8%80%E4%B8%89%E5%85%AB%E9%9B%B6%E9%9B%B6%E4%B8%80%E4%B8%89%E5%85%AB%E9%9B%B6%E9%9B%B6%E9%9B%B6",
        "%EF%BC%91%EF%BC%93%EF%BC%98%EF%BC%90%EF%BC%90%EF%BC%91%EF%BC%93%EF%BC%98%EF%BC%90%EF%BC%90%EF%BC%90",
        "&#49;&#51;&#56;&#48;&#48;&#49;&#51;&#56;&#48;&#48;&#48;",
        "&#x31;&#x33;&#x38;&#x30;&#x30;&#x31;&#x33;&#x38;&#x30;&#x30;&#x30;",
        "&#0000049;3800138000", "&#x0000031;3800138000", "138&nbsp0013&nbsp8000", "138&middot0013&middot8000",
        "&sup1&sup3;800138000")),
    # 4. Chinese numerals with spaces or other separators between them, alone or mixed with digits; 么 for 1.
    *((written, "GK602") for written in (
        "一 三 八 零 零 一 三 八 零 零 零", "壹 叁 捌 零 零 壹 叁 捌 零 零 零", "幺　三　八　洞　洞　幺　三　八　洞　洞　洞",
        "一-三-八-零-零-一-三-八-零-零-零", "1 三 8 0 0 1 3 8 0 0 0", "一 3 八 0 0 1 三 8 0 0 0",
        "一三八，零零一三，八零零零", "一三八、零零一三、八零零零", "一三八·零零一三·八零零零", "(一三八)零零一三-八零零零",
        "电话一3800138000", "电话：一3800138000", "1380013800零", "幺三八 0013 8000", "么三八零零么三八零零零")),
    ("三 五 〇 五 二 四 一 九 八 五 〇 三 一 五 一 二 三 六", "GK601"),
    # A right-to-left override draws what follows it backwards: «‮00083100831» is read 13800138000 wherever the
    # override is kept (a spreadsheet, a feed reader, a text editor).
    ("\u202e00083100831", "GK602"), ("\u202e0008-3100-831\u202c", "GK602"), ("\u202e632151305891425053", "GK601"),
    # A detailed address with its numbers in Chinese numerals, as a village list writes it.
    *((written, "GK604") for written in (
        "（经兜村十二号）", "（城厢镇经兜村三组十五号）", "（人民路一百零八号）", "（五栋二单元三〇一室）", "（三号楼二单元五〇二室）",
        "（解放路十二号之三）", "（人民路12号三单元五室）", "（经兜村五-二号）")),
]


@pytest.mark.parametrize(("written", "code"), FOUND)
def test_a_number_so_written_in_a_field_is_found(gk, cat, written, code):
    cat.record(with_title(written))
    assert findings(gk, cat.root) == [(code, 2)]


FINE = [
    # amounts of fifteen digits or fewer
    "1234567890123元", "合计 1，320.00元", "12,345,678.90元", "27915.20 万元", "余额 13812345678.5 元",
    "资金622202123456.78万元",
    # codes, addresses of the portal, checksums (24 characters or more, letters and digits mixed)
    "（索引号350524-MZ-2026-000002）", "（安民〔2026〕12号）", "（见https://www.example.gov.cn/zwgk/R2026-001.html）",
    "（sha256 0f3c13812345678a9e4b7d2c1350524198503151236ffa0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d）",
    "（摘要a1b2c3d413800138000e5f6a7b8c）", "（统一社会信用代码52350524MJD123456X）",
    # percent signs and encoded links
    "（完成率100%，增长5%）", "（见[名单](files/2026/%E5%90%8D%E5%8D%95.pdf)）", "（AT&T 2026&2027）", "（50%2026年）",
    # numerals that are words
    "第一、二、三、四、五、六、七、八、九、十条", "二〇二六年 一月 一日至 二〇二六年 十二月 三十一日",
    "一 二 三 四 五 六 七 八 九 十 十一", "第一、三、五、七、九、一、三、五、七、九、一批",
    # numerals beside the words of an address that are no address
    "（中央一号文件）", "（建成三座农村幸福院，第二栋楼已封顶）", "（行政中心一号楼）", "（第三单元第五课）", "（三十组数据）",
    # text drawn backwards without a number
    "\u202e名单fdp.exe", "（\u202e6202年）",
]


@pytest.mark.parametrize("fine", FINE)
def test_what_is_no_number_stays_fine(gk, cat, fine):
    cat.record(with_title(fine))
    assert findings(gk, cat.root) == []


def with_body(text: str) -> str:
    return RECORD.replace("  经审核，现将名单予以公示。\n", f"  经审核，现将名单予以公示。\n  {text}\n")


@pytest.mark.parametrize("written", ["[联系电话](tel:%31%33%38%30%30%31%33%38%30%30%30)",
                                     "[联系](https://example.org/?m=%31%33%38%30%30%31%33%38%30%30%30)",
                                     "电话 &#0049;&#0051;&#0056;00138000"])
def test_encoded_digits_in_the_body_are_found(gk, cat, tmp_path, written):
    cat.record(with_body(written))
    assert [code for code, line in findings(gk, cat.root)] == ["GK602"]
    gk("build-site", cat.root, "--out", tmp_path / "site")
    assert not (tmp_path / "site" / "records" / "R2026-001.html").exists()


def test_encoded_digits_in_a_csv_attachment_are_found(gk, cat):
    cat.write("files/2026/list.csv", "姓名,备注\n王五,tel:%31%33%38%30%30%31%33%38%30%30%30\n")
    cat.record(RECORD.replace("页数: 1", "页数: 1\n附件:\n  - 名称: 名单\n    文件: files/2026/list.csv"))
    assert [code for code, line in findings(gk, cat.root) if code != "GK605"] == ["GK602"]


# Where a numeral meets a digit the number is tried with it and without it: the 三 of a name stays the name's.
@pytest.mark.parametrize("written", ["张三13805951234", "13805951234三户", "张三 13805951234", "王五一三八零五九五一二三四"])
def test_a_numeral_of_a_word_beside_a_number_is_left_out(gk, tmp_path, written):
    sheet = tmp_path / "名单.csv"
    sheet.write_text(f"备注\n{written}\n", encoding="utf-8")
    assert gk("mask", sheet).code == 0
    masked = sheet.read_text(encoding="utf-8")
    assert "138****1234" in masked and masked.replace("138****1234", "") == f"备注\n{written}\n".replace(
        written, written.replace("13805951234", "").replace("一三八零五九五一二三四", ""))


@pytest.mark.parametrize(("written", "masked"), [("城厢镇经兜村三组十五号", "城厢镇经兜村*组**号"),
                                               ("五一路十二号", "五一路**号"), ("人民路12号三单元五〇一室", "人民路**号*单元***室")])
def test_mask_masks_the_numbers_of_an_address_in_numerals(gk, tmp_path, written, masked):
    sheet = tmp_path / "名单.csv"
    sheet.write_text(f"姓名,住址\n王五,{written}\n", encoding="utf-8")
    assert gk("mask", sheet).code == 0
    assert sheet.read_text(encoding="utf-8") == f"姓名,住址\n王五,{masked}\n"


# The output scan reads what the source scan reads: a number so written in an item stops `export csv`.
@pytest.mark.parametrize("written", ["%31%33%38%30%30%31%33%38%30%30%30", "138&nbsp0013&nbsp8000",
                                     "一 三 八 零 零 一 三 八 零 零 零", "1 三 8 0 0 1 3 8 0 0 0", "&#0000049;3800138000",
                                     "\u202e00083100831\u202c"])
def test_export_csv_stops_on_a_number_so_written_in_an_item(gk, cat, tmp_path, written):
    export_stops(gk, cat, tmp_path, written)


@pytest.mark.parametrize(("line", "masked"), [
    ('<p><a href="tel:%31%33%38%30%30%31%33%38%30%30%30">电话</a></p>', "138****8000"),
    ("<p>138&nbsp0013&nbsp8000</p>", "138****8000"), ("<p>发放至6222021234567894元</p>", "6222********7894"),
    ("<p>\u202e00083100831\u202c</p>", "138****8000"), ("<p>deadbeef13800138000</p>", "138****8000"),
])
def test_the_output_scan_reads_these_forms(line, masked):
    assert [f.masked_value for f in scan_output("a.html", f"{line}\n".encode(), frozenset())] == [masked]


def test_validate_prints_encoded_numbers_masked(gk, cat):
    cat.record(with_title("%31%33%38%30%30%31%33%38%30%30%30"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "138****8000" in run.out
    assert "%31%33%38%30%30%31%33%38%30%30%30" not in run.out + run.err and MOBILE not in run.out + run.err


def test_an_item_is_scanned_for_the_same_forms(gk, cat):
    cat.item(ITEM.replace("公开主体: 县级人民政府民政部门", "公开主体: 县级人民政府民政部门（一 三 八 零 零 一 三 八 零 零 零）"))
    run = gk("validate", cat.root, "--format", "json")
    assert "GK602" in run.out
