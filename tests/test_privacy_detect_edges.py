"""The detectors on the edge of each of their comparisons: where a number stops being one, and the reverse.

Every value is typed by hand. 身份证号 are the ones of test_privacy_detect.py (checked by hand with GB 11643-1999);
the card numbers' last digits were worked out with Luhn by hand (6222021234566: 13 digits; 62220212345678901234: 20).
"""

from __future__ import annotations

import pytest

from gongkai.privacy.detect import classify, find
from gongkai.privacy.mask import mask_text, mask_value

ID = "350524198503151236"
MOBILE = "13812345678"


def values(text: str, allowed: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    return [(hit.kind, hit.value) for hit in find(text, allowed)]


@pytest.mark.parametrize(("raw", "kind"), [
    ("350524 19850315 1236", "id"),  # classify takes a number in its groups, as written
    ("138-1234-5678", "mobile"),
    ("34052419800101001x", "id"),  # the check digit in lower case
    ("6222 0212 3456 7894", "bank"),
    ("6222021234566", "bank"),  # 13 digits: the shortest card
    ("622202123456", None),  # 12 digits (Luhn-valid too): too short for a card
    ("6222021234567890128", "bank"),  # 19 digits: the longest
    ("62220212345678901234", None),  # 20 digits, Luhn-valid: too long
])
def test_classify_at_the_edges_of_each_length(raw: str, kind: str | None) -> None:
    assert classify(raw) == kind


@pytest.mark.parametrize(("text", "found"), [
    # a number written wholly as character references has no digit before it is decoded
    ("&#51;&#53;&#48;&#53;&#50;&#52;&#49;&#57;&#56;&#53;&#48;&#51;&#49;&#53;&#49;&#50;&#51;&#54;", [("id", ID)]),
    # digits that run on from a checksum into a number: the checksum's part is dropped, the number is not
    ("abcdef0123456789-13812345678", [("mobile", MOBILE)]),
    # short numbers before a number do not end the search
    ("2026年第3期，电话13812345678", [("mobile", MOBILE)]),
    ("1.2.3.4.5.6 电话 13812345678", [("mobile", MOBILE)]),
    # a word of amount or count after a number drops it only when it is a card number (an amount)
    ("13812345678人", [("mobile", MOBILE)]),
    ("6222021234567894元", [("bank", "6222021234567894")]),  # no amount has sixteen digits
    ("6222021234567894 张三", [("bank", "6222021234567894")]),
    # the check digit x comes out upper case
    ("34052419800101001x", [("id", "34052419800101001X")]),
    # a name's last numeral glued to a number written in numerals (王五 + 一三八…): the name's numeral is cut off,
    # wherever the name stands; a twelve-digit number that follows no name is not a mobile with a digit before it
    ("王五一三八一二三四五六七八，请联系", [("mobile", MOBILE)]),
    ("（王五一三八一二三四五六七八）", [("mobile", MOBILE)]),
    ("户主王五三五〇五二四一九八五〇三一五一二三六", [("id", ID)]),
    ("编号 五一三八一二三四五六七八", []),
    ("513812345678", []),
    # a list 第1、2、… is not the groups of one number: a group of one or two digits is not joined across 、
    ("见第1、2、13812345678", [("mobile", MOBILE)]),
    ("第1、3812345678条", []),
    ("第1、3812345678、2条", []),
    # a dot before two digits is a decimal point; before three, a separator between groups
    ("合计3505241985031512.36元", [("id", ID)]),  # nor sixteen before its point
    ("合计35052419850315.36元", []),
    ("350524198503151.236", [("id", ID)]),
    ("余额 13812345678.5 元", []),
    ("余额 13812345678. 元", [("mobile", MOBILE)]),
    # digits inside a checksum are skipped, and the search goes on after it
    ("摘要 ab13812345678901cd 电话 13812345678", [("mobile", MOBILE)]),
    # a masked number before a mobile glued to +86 does not hide it
    ("旧号138****5678，新号+8613812345678", [("mobile", MOBILE)]),
    ("ab0123456789abcdef +8613812345678", [("mobile", MOBILE)]),
    # two numbers side by side in one run, each found once
    ("13812345678 13905950000", [("mobile", MOBILE), ("mobile", "13905950000")]),
    ("6222021234567894 350524198503151236", [("bank", "6222021234567894"), ("id", ID)]),
    # 350524 19850318 1232: its first two groups (35052419850318) also pass Luhn; the 身份证号 (S = 296,
    # mod 11 = 10 → 2) wins and no card is reported inside it
    ("350524 19850318 1232", [("id", "350524198503181232")]),
])
def test_what_is_found_at_the_edges(text: str, found: list[tuple[str, str]]) -> None:
    assert values(text) == found


def test_a_mobile_glued_to_the_country_code_points_at_the_mobile_alone() -> None:
    text = "电话+8613812345678。"
    [hit] = find(text)
    assert text[hit.start:hit.end] == MOBILE


def test_an_allowed_number_does_not_hide_the_next_one_in_the_same_run() -> None:
    allowed = frozenset({"13905950000"})
    assert values("13905950000、13812345678", allowed) == [("mobile", MOBILE)]
    assert mask_text("13905950000 13812345678", allowed) == ("13905950000 138****5678", [("mobile", "138****5678")])


def test_a_number_inside_an_address_is_masked_once_and_masking_goes_on() -> None:
    assert mask_text("3号楼13812345678室，电话13905950000") == (
        "*号楼***********室，电话139****0000", [("address", "*号楼***********室"), ("mobile", "139****0000")])


@pytest.mark.parametrize(("kind", "value", "masked"), [
    ("mobile", "(138)1234-5678", "138****5678"),
    ("id", "350524 19850315 1236", "35*************236"),
    ("id", "34052419800101001x", "34*************01X"),
    ("bank", "6222 0212 3456 7894", "6222********7894"),
])
def test_masking_a_value_written_with_separators(kind: str, value: str, masked: str) -> None:
    assert mask_value(kind, value) == masked
