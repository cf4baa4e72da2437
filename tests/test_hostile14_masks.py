"""Fourteenth hostile pass, masks typed with ○, 〇 and the low line (350524○○○○○○○○1234, 138____5678).

Found: ○ and 〇 are read as zeros (二〇二六, 13八0○138000), so a list masked with them read as numbers — 138○○○○5678
as the mobile 13800005678, 350524〇〇〇〇〇〇〇〇1236 as a card passing Luhn — and a well-masked 公示 was held back (GK602,
GK603). The other way round, a number whose groups were joined by one ○ (138○0595○1234) or masked too little with a low
line (1380595_234: ten guesses) passed both scans. Now a text holding one of them is read twice, as written and with
each a star (detect._as_masks): the masks pass, the numbers are found.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import RECORD, CatalogDir
from gongkai.privacy.detect import find
from gongkai.privacy.outputs import scan_output
from test_hostile7_gate import assert_held_back, holding, with_attachment

FORM = "经审核，现将名单予以公示。"
ID = "350524198503151236"  # area 350524, born 1985-03-15, sequence 123, check digit 6
MOBILE = "13805951234"
NUMBER_RULES = re.compile("GK60[123]")

# Masked enough (four digits of a mobile, the birth date of an ID): to be published as written.
MASKED = ["138○○○○5678", "138〇〇〇〇5678", "138◯◯◯◯5678", "138____5678", "138＿＿＿＿5678",
          "350524○○○○○○○○1234", "350524〇〇〇〇〇〇〇〇1236", "35○○○○○○○○○○○○○123", "350524________1236",
          "一三八○○○○五六七八"]
# A number the marks join or mask too little (one to three digits hidden: ten to a thousand guesses).
LEAKING = {
    "138○0595○1234": ("mobile", MOBILE),
    "138〇0595〇1234": ("mobile", MOBILE),
    "138◯0595◯1234": ("mobile", MOBILE),
    "1380595_234": ("mobile", "1380595*234"),
    "1380595○234": ("mobile", None),  # (a zero there makes 13805950234, a mobile as well)
    "13800__8000": ("mobile", "13800**8000"),
    "3505241985031512__": ("id", "3505241985031512**"),
    "3505241985031512○○": ("id", None),
    "350524_19850315_1236": ("id", ID),
    "13805951234○○○○○": ("mobile", MOBILE),  # (the marks after a whole number mask nothing of it)
    "138〇〇138〇〇〇": ("mobile", "13800138000"),  # (zeros in two runs: a mask is one run of marks)
    "ⅠⅢⅧ〇〇ⅠⅢⅧ〇〇〇": ("mobile", "13800138000"),
}


def test_the_numbers_of_these_tests_are_valid():
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert "10X98765432"[sum(int(d) * w for d, w in zip(ID[:17], weights)) % 11] == ID[17]


@pytest.mark.parametrize("text", MASKED)
def test_a_mask_typed_with_circles_or_low_lines_is_no_number(text: str) -> None:
    assert list(find(f"联系电话：{text}")) == []
    assert list(find(text, data=True)) == []


@pytest.mark.parametrize("text", sorted(LEAKING))
def test_a_number_joined_or_masked_too_little_by_them_is_found(text: str) -> None:
    kind, value = LEAKING[text]
    hits = [(hit.kind, hit.value) for hit in find(f"联系人陈水生，{text}。")]
    assert hits and all(found == kind for found, _ in hits), hits
    if value is not None:
        assert (kind, value) in hits


def test_a_list_masked_with_circles_is_published(gk, cat: CatalogDir, tmp_path: Path) -> None:
    table = ("| 姓名 | 联系电话 | 身份证号 |\n  | --- | --- | --- |\n"
             "  | 陈水生 | 138○○○○5678 | 350524○○○○○○○○1236 |\n  | 林阿妹 | 139____1234 | 35○○○○○○○○○○○○○123 |\n")
    cat.record(RECORD.replace(FORM, f"{FORM}\n\n  {table}"))
    run = gk("validate", cat.root)
    assert not NUMBER_RULES.search(run.out), run.out
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    page = (site / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert "138○○○○5678" in page and "350524○○○○○○○○1236" in page


def test_a_csv_masked_with_low_lines_is_published(gk, cat: CatalogDir, tmp_path: Path) -> None:
    with_attachment(cat, "files/2026/mingdan.csv", "姓名,联系电话\n陈水生,138____5678\n林阿妹,139〇〇〇〇1234\n")
    assert not NUMBER_RULES.search(gk("validate", cat.root).out)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site / "files" / "2026" / "mingdan.csv").exists()


@pytest.mark.parametrize("text", ["138○0595○1234", "1380595_234", "3505241985031512○○"])
def test_a_number_joined_or_undermasked_by_them_is_held_back(gk, cat: CatalogDir, tmp_path: Path, text: str) -> None:
    cat.record(RECORD.replace(FORM, f"{FORM}联系电话：{text}"))
    run = gk("validate", cat.root)
    assert run.code == 1 and ("GK601" in run.out or "GK602" in run.out), run.out
    assert text not in run.out and MOBILE not in run.out
    assert_held_back(gk, cat, tmp_path, text)


def test_an_attachment_with_a_number_joined_by_circles_is_held_back(gk, cat: CatalogDir, tmp_path: Path) -> None:
    with_attachment(cat, "files/2026/mingdan.csv", "姓名,联系电话\n陈水生,138〇0595〇1234\n")
    assert "GK602" in gk("validate", cat.root).out
    assert_held_back(gk, cat, tmp_path, "138〇0595〇1234", attachment="files/2026/mingdan.csv")
    assert holding(tmp_path / "site", MOBILE) == []


@pytest.mark.parametrize("line", ["<p>联系电话 1380595_234</p>", "<p>1380595_234</p>", '{"a": "13800__8000"}',
                                  "<p>138○0595○1234</p>"])
def test_the_output_scan_finds_them_too(line: str) -> None:
    assert [f.kind for f in scan_output("page.html", line.encode(), frozenset())] == ["mobile"]


@pytest.mark.parametrize("line", ["<p>138____5678</p>", "<p>138○○○○5678</p>", '{"a": "350524〇〇〇〇〇〇〇〇1236"}'])
def test_the_output_scan_passes_the_masks(line: str) -> None:
    assert scan_output("page.html", line.encode(), frozenset()) == []
