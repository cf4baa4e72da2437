"""An ID written one character to a box (the 身份证号 row of an application form): 18 cells of one digit each, in a
Markdown table of the body or a table in an attachment. The scans read cells apart, so it was never whole to them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ITEM, RECORD, CatalogDir
from tests.test_hostile7_gate import assert_held_back, with_attachment, xlsx

ID = "350524198503151236"  # valid: area 350524, born 1985-03-15, check digit 6
MASKED = "35*************236"
NOT_AN_ID = "123456789012345678"  # 18 digits whose check digit is wrong: a row of counts
FORM = "经审核，现将名单予以公示。"


def _row(label: str, digits: str) -> str:
    return f"| {label} | " + " | ".join(digits) + " |"


def _table(digits: str) -> str:
    header = "| 项目 | " + " | ".join(f"{n}" for n in range(1, len(digits) + 1)) + " |"
    rule = "|" + "---|" * (len(digits) + 1)
    return f"{header}\n  {rule}\n  {_row('身份证号', digits)}"


def test_an_id_one_digit_to_a_cell_in_the_body_is_found_and_held_back(gk, cat: CatalogDir, tmp_path: Path) -> None:
    cat.item(ITEM)
    cat.record(RECORD.replace(FORM, "申请表：\n\n  " + _table(ID)))
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK601" in run.out and MASKED in run.out
    assert ID not in run.out + run.err
    assert_held_back(gk, cat, tmp_path, ID)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_an_id_one_digit_to_a_cell_in_an_attachment_is_held_back(gk, cat: CatalogDir, tmp_path: Path,
                                                                suffix: str) -> None:
    cat.item(ITEM)
    rows = [["姓名", *[str(n) for n in range(1, 19)]], ["陈水生", *ID]]
    data: bytes | str = ("\n".join(",".join(row) for row in rows) + "\n") if suffix == "csv" else xlsx(rows)
    with_attachment(cat, f"files/2026/申请表.{suffix}", data)
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK601" in run.out and MASKED in run.out
    assert_held_back(gk, cat, tmp_path, ID, attachment=f"files/2026/申请表.{suffix}")


def test_a_row_of_one_digit_counts_is_no_id(gk, cat: CatalogDir, tmp_path: Path) -> None:
    cat.item(ITEM)
    # (a run of counts that reads as a mobile stays too: one digit to a cell is looked at for IDs only)
    rows = "\n  ".join([_row("人数", "3" * 18), _row("户数", "138059512340000000")])
    cat.record(RECORD.replace(FORM, "各月户数：\n\n  " + _table(NOT_AN_ID) + "\n  " + rows))
    assert gk("validate", cat.root).code == 0
    assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 0
    assert (tmp_path / "site/records/R2026-001.html").exists()


@pytest.mark.parametrize(("label", "digits", "masked"), [
    ("联系电话", "13805951234", "138****1234"),
    ("手机号码", "13805951234", "138****1234"),
    ("银行卡号", "6222021234567894", None),  # (a card's mask keeps its first six and last four)
])
def test_a_mobile_or_card_one_digit_to_a_cell_after_a_label_naming_it_is_held_back(
        gk, cat: CatalogDir, tmp_path: Path, label: str, digits: str, masked: str | None) -> None:
    cat.item(ITEM)
    cat.record(RECORD.replace(FORM, "申请表：\n\n  " + _table(digits).replace("| 身份证号 |", f"| {label} |")))
    run = gk("validate", cat.root)
    assert run.code == 1 and ("GK602" in run.out or "GK603" in run.out), run.out
    assert digits not in run.out + run.err
    if masked is not None:
        assert masked in run.out
    assert_held_back(gk, cat, tmp_path, digits)


def test_a_run_of_counts_after_a_label_naming_no_number_is_no_mobile(gk, cat: CatalogDir, tmp_path: Path) -> None:
    cat.item(ITEM)
    cat.record(RECORD.replace(FORM, "各月户数：\n\n  " + _table("13805951234").replace("| 身份证号 |", "| 户数 |")))
    assert gk("validate", cat.root).code == 0
    assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 0
    assert (tmp_path / "site/records/R2026-001.html").exists()
