"""Hostile pass 28 (lead): a 身份证号 whose check digit was mistyped, a bank account that follows no check.

1. 「身份证号：350524198001011235」 passed validate and the gate and went out whole: eighteen digits count as an ID only
   when their check digit is right (GB 11643-1999), and a clerk's typo in any one digit makes it wrong — the person's
   area code, birth date and sequence all shown. Now eighteen characters (the last perhaps X) or fifteen digits right after
   what names it one — 身份证号、身份证、公民身份号码、证件号码, in the same clause — is GK601 whatever its check digit
   (and whatever its area code or birth date, where the typo may fall as well; fifteen digits the same), masked
   35*************235 in every message; full-width digits and a full-width Ｘ the same. Elsewhere eighteen such
   digits stay a serial unless the check digit is right (受理编号 350524202611271231: an area code, a date, a count).
2. A bank account counted only when its digits passed Luhn, as a card's do: a passbook's (存折账号) or a rural credit
   union's account follows no check, and 「存折账号：35001234567890123456」 went out whole — the commonest leak in a
   低保 list (DOMAIN.md §7). Now twelve to twenty digits right after what names an account — 银行卡号、账号、帐号、存折、
   账户 — are GK603 whatever their check, masked as a card is; an organisation's account after its 户名 (户名：测试县
   慈善总会，开户行：…，账号：…) stays published, and an amount (账户余额：…元) is no account.
3. The same in a table: a column headed 身份证号 (证件号码, 身份证号码（18位） …) or 存折账号 (开户账号 …) in the body
   or in a CSV attachment — each cell is read after its header, as the text would say it; an account in a row that
   names an organisation (测试县慈善总会) is its own. A column headed 受理编号 is not. In a workbook the header may
   stand below a title row (2026年低保名单).
5. A number written one digit at a time with list punctuation between (身份证号：3、5、0、5、…; 电话1，3，8，…;
   1;3;8 …, 1|3|8 …, 1：3：8 …, 1+3+8 …) passed: across 、，；： a digit or two is an entry of a list (第1、3、5条), not a
   group of a number. After what names a number (身份证, 账号, 电话, 手机) no list follows: the digits are that number
   — GK601/GK602. Without such a label a list of single digits stays a list (各月分别为1、3、2、0、0、1、4、2、1、0、3件).
   And an ID whose digits a point separates (3.5.0.5.…1.0.1.1.2.3.3) was read as a float ending in .0, the number cut
   there: a float has one point, several in a row separate digits.
6. A person's landline in a list of people (a 低保 list's 联系电话 column: 0595-23456789, (0595)2345 6789, 2345678)
   was no kind the gate knew and went out whole, with only GK605's warning about the column; DOMAIN.md §7 keeps a
   phone out of such a list. Now in a table that lists people not named for an office (a name column, no 职务), a
   landline in a column headed 电话 / 手机 / 联系方式 is GK602 「电话号码」, masked 0595****6789 (the area code and the last
   four digits; ****6789 without an area code), and `gongkai mask` masks it. A staff table (姓名, 职务, 联系电话), a
   table of offices and an office's column beside the people (监督电话, 村委会电话) keep their landlines: those are
   published on purpose.
4. `gongkai mask` on such a list (CSV, XLSX, Markdown) left those cells whole and said it was done (exit 0), and
   validate then refused the file: now it masks them as the gate reads them, under their header.

Check digits by hand (S = Σ aᵢ·Wᵢ, W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; S mod 11 → 1 0 X 9 8 7 6 5 4 3 2):
- 35052419800101123: S = 21+45+0+25+16+16+2+9+48+0+0+9+0+5+8+8+6 = 218, 218 mod 11 = 9 → 3. So …1233 is right,
  …1235, …1230 and …123X are mistyped.
- 35052420261127123: S = 21+45+0+25+16+16+4+0+12+18+7+9+20+35+16+8+6 = 258, 258 mod 11 = 5 → 7. So …1231 is wrong.
"""

from __future__ import annotations

import pytest

from openpyxl import Workbook, load_workbook

from conftest import RECORD

from gongkai.privacy.mask import mask_text
from gongkai.privacy.normalize import may_hold_personal_data

TYPOS = [
    ("身份证号：350524198001011235", "35*************235"),
    ("身份证号：３５０５２４１９８００１０１１２３Ｘ", "35*************23X"),
    ("户主陈水生（身份证350524198001011230）", "35*************230"),
    ("公民身份号码为350524198001011235。", "35*************235"),
    ("证件号码 350524 19800101 1235", "35*************235"),
    ("身份证号：160524198001011235", "16*************235"),  # the typo in the area code: 16 is no province
    ("身份证号：350524198013011233", "35*************233"),  # in the birth date: no thirteenth month
    ("身份证号码：350524801301123", "35**********123"),  # fifteen digits (before 1999), the month mistyped
]


def _record(body: str) -> str:
    return RECORD.replace("  经审核，现将名单予以公示。\n", "".join(f"  {line}\n" for line in body.splitlines()))


@pytest.mark.parametrize(("body", "masked"), TYPOS)
def test_a_mistyped_id_after_its_label_is_an_id(gk, cat, body: str, masked: str) -> None:
    cat.record(_record(body))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1, run.out + run.err
    assert "GK601" in run.out and masked in run.out
    assert "19800101" not in run.out + run.err


@pytest.mark.parametrize("body", [
    "受理编号350524202611271231",  # an area code, a date, a count: no label, the check digit wrong
    "身份证号：350524198001011233，受理编号350524202611271231",  # the label is the first number's
])
def test_a_serial_shaped_as_an_id_without_its_label_is_no_id(gk, cat, body: str) -> None:
    cat.record(_record(body))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert "35*************231" not in run.out
    assert run.code == (1 if "1233" in body else 0), run.out


def test_a_mistyped_id_in_a_column_headed_id(gk, cat) -> None:
    cat.record(_record("| 序号 | 姓名 | 身份证号 | 金额 |\n|---|---|---|---|\n| 1 | 陈水生 | 350524198001011235 | 500 |"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1 and "GK601" in run.out and "35*************235" in run.out, run.out


def test_a_mistyped_id_in_a_csv_attachment(gk, cat) -> None:
    cat.write("files/list.csv", "序号,户主,证件号码\n1,陈水生,35052419800101123X\n".encode("utf-8"))
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/list.csv\n    名称: 名单\n正文: |"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1 and "GK601" in run.out and "35*************23X" in run.out, run.out


def test_a_serial_column_is_no_id(gk, cat) -> None:
    cat.record(_record("| 序号 | 受理编号 |\n|---|---|\n| 1 | 350524202611271231 |"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 0, run.out


ACCOUNTS = [
    ("存折账号：35001234567890123456", "3500************3456"),
    ("银行账号：3500 1234 5678 9012 3456", "3500************3456"),
    ("开户账号：350012345678", "3500****5678"),
    ("银行卡号：6222021234567890123", "6222***********0123"),  # a card's digit mistyped: Luhn fails
]


@pytest.mark.parametrize(("body", "masked"), ACCOUNTS)
def test_an_account_after_its_label_is_an_account_whatever_its_check(gk, cat, body: str, masked: str) -> None:
    cat.record(_record(body))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1, run.out + run.err
    assert "GK603" in run.out and masked in run.out
    assert "12345678" not in run.out.replace("3500 1234 5678", "")


@pytest.mark.parametrize("body", [
    "户名：测试县慈善总会，开户行：测试县农村信用社，账号：35001234567890123456",  # the organisation's, published
    "账户余额：123456789012元",  # an amount
    "| 序号 | 单位名称 | 开户账号 |\n|---|---|---|\n| 1 | 测试县慈善总会 | 35001234567890123456 |",
    "受理编号：35001234567890123456",  # no label of an account
])
def test_what_is_no_persons_account(gk, cat, body: str) -> None:
    cat.record(_record(body.replace("\\n", "\n")))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 0, run.out


def test_an_account_in_a_column_headed_account(gk, cat) -> None:
    cat.record(_record("| 序号 | 姓名 | 存折账号 | 金额（元） |\n|---|---|---|---|\n| 1 | 陈水生 | 35001234567890123456 | 500 |"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1 and "GK603" in run.out and "3500************3456" in run.out, run.out


def test_validate_reads_an_id_one_digit_at_a_time(gk, cat) -> None:
    cat.record(_record("户主陈水生，身份证号：3、5、0、5、2、4、1、9、8、0、0、1、0、1、1、2、3、3。"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1 and "GK601" in run.out and "35*************233" in run.out, run.out


def test_the_gate_holds_the_record_back(gk, cat, tmp_path) -> None:
    cat.record(_record("身份证号：350524198001011235"))
    out = tmp_path / "site"
    gk("build-site", cat.root, "--out", out, "--no-search", "--today", "2026-11-27")
    published = "".join(p.read_text("utf-8", errors="replace") for p in out.rglob("*") if p.is_file())
    assert "3505241980010112" not in published and "R2026-001" not in published


def test_mask_hides_a_mistyped_id() -> None:
    assert mask_text("身份证号：350524198001011235") == ("身份证号：35*************235", [("id", "35*************235")])


def _workbook(path, rows) -> None:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)


LIST = [["2026年第三季度低保对象名单"], ["序号", "户主", "身份证号", "存折账号"],
        [1, "陈水生", "350524198001011235", "35001234567890123456"]]


def test_a_workbook_with_a_title_row_above_its_header(gk, cat) -> None:
    (cat.root / "files").mkdir()
    _workbook(cat.root / "files" / "list.xlsx", LIST)
    cat.record(RECORD.replace("正文: |", "附件:\n  - 文件: files/list.xlsx\n    名称: 名单\n正文: |"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1 and "35*************235" in run.out and "3500************3456" in run.out, run.out


def test_mask_masks_the_columns_under_their_header(gk, tmp_path) -> None:
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("序号,户主,身份证号码,存折账号,金额\n1,陈水生,350524198001011235,35001234567890123456,500\n",
                        encoding="utf-8")
    markdown = tmp_path / "list.md"
    markdown.write_text("| 序号 | 户主 | 存折账号 |\n|---|---|---|\n| 1 | 陈水生 | 35001234567890123456 |\n", encoding="utf-8")
    book = tmp_path / "list.xlsx"
    _workbook(book, LIST)
    for path in (csv_file, markdown, book):
        run = gk("mask", path)
        assert run.code == 0, run.out + run.err
    assert csv_file.read_text("utf-8") == "序号,户主,身份证号码,存折账号,金额\n1,陈水生,35*************235,3500************3456,500\n"
    assert markdown.read_text("utf-8") == "| 序号 | 户主 | 存折账号 |\n|---|---|---|\n| 1 | 陈水生 | 3500************3456 |\n"
    assert [c.value for c in list(load_workbook(book).active.iter_rows())[2]] == [
        1, "陈水生", "35*************235", "3500************3456"]


SEPARATORS = ["、", "，", ",", ";", "；", "|", "。", ":", "：", "+", "."]


@pytest.mark.parametrize("mark", SEPARATORS)
def test_digits_one_by_one_after_a_label_are_the_number(mark: str) -> None:
    ids, phones = "身份证号：" + mark.join("350524198001011233"), "联系电话" + mark.join("13812345678")
    assert mask_text(ids)[1] == [("id", "35*************233")]
    assert mask_text(phones)[1] == [("mobile", "138****5678")]
    # (the pre-filter a long scan uses first lets them through to the detector)
    assert may_hold_personal_data(ids) and may_hold_personal_data(phones)


@pytest.mark.parametrize("text", [
    "各月分别为1、3、2、0、0、1、4、2、1、0、3件。",  # twelve months' counts: a list, no label of a number
    "第1、3、5、7、9、2、4、6、8、0、1条。",
    "联系电话：0595-23000000，共1、3、8、1、2、3、4、5、6、7、8户",  # the label is the landline's
])
def test_a_list_of_single_digits_is_a_list(text: str) -> None:
    assert mask_text(text)[1] == []


PHONES = "| 序号 | 姓名 | 所在村 | 联系电话 |\n|---|---|---|---|\n| 1 | 陈水生 | 经兜村 | 0595-23456789 |\n| 2 | 林阿妹 | 经兜村 | 2345678 |"


def test_a_landline_in_a_list_of_people_is_a_persons_phone(gk, cat) -> None:
    cat.record(_record(PHONES))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1 and "GK602" in run.out, run.out
    assert "电话号码「0595****6789」" in run.out and "电话号码「***5678」" in run.out
    assert "23456789" not in run.out and "2345678" not in run.out


@pytest.mark.parametrize("table", [
    "| 序号 | 姓名 | 职务 | 联系电话 |\n|---|---|---|---|\n| 1 | 陈明 | 股长 | 0595-23456789 |",  # staff, for their office
    "| 序号 | 单位 | 联系电话 |\n|---|---|---|\n| 1 | 社会救助股 | 0595-23456789 |",  # offices
    "| 序号 | 姓名 | 金额 | 监督电话 |\n|---|---|---|---|\n| 1 | 陈水生 | 500 | 0595-23000000 |",  # the bureau's, beside
])
def test_an_offices_landline_stays(gk, cat, table: str) -> None:
    cat.record(_record(table))
    assert gk("validate", cat.root, "--today", "2026-11-27").code == 0


def test_mask_masks_a_landline_in_a_list_of_people(gk, tmp_path) -> None:
    csv_file = tmp_path / "list.csv"
    csv_file.write_text("序号,姓名,联系电话\n1,陈水生,0595-23456789\n2,林阿妹,13812345678\n", encoding="utf-8")
    markdown = tmp_path / "list.md"
    markdown.write_text("| 序号 | 姓名 | 联系电话 |\n|---|---|---|\n| 1 | 陈水生 | (010)2345 6789 |\n", encoding="utf-8")
    book = tmp_path / "list.xlsx"
    _workbook(book, [["2026年低保名单"], ["序号", "户主", "联系电话"], [1, "陈水生", "0595-23456789"], [2, "林阿妹", 2345678]])
    for path in (csv_file, markdown, book):
        assert gk("mask", path).code == 0
    assert csv_file.read_text("utf-8") == "序号,姓名,联系电话\n1,陈水生,0595****6789\n2,林阿妹,138****5678\n"
    assert markdown.read_text("utf-8") == "| 序号 | 姓名 | 联系电话 |\n|---|---|---|\n| 1 | 陈水生 | 010****6789 |\n"
    assert [[c.value for c in row] for row in list(load_workbook(book).active.iter_rows())[2:]] == [
        [1, "陈水生", "0595****6789"], [2, "林阿妹", "***5678"]]
