"""The privacy group's survivors of the tenth mutation session (docs/mutation.md), each on the edge of its rule.

Every expected value is typed by hand: 13800138000 is a mobile (1[3-9] + 9 digits); 350524198503151236 a 身份证号
(GB 11643-1999: S = 281, 281 mod 11 = 6 → 6); 6222021234567894 passes Luhn (test_privacy_detect.py). 𝟏 … 𝟗 are
MATHEMATICAL BOLD DIGITS (U+1D7CF …), beyond U+FFFF; 😀 is an emoji, beyond U+FFFF and no digit.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.privacy.detect import find, find_unfiltered
from gongkai.privacy.mask_format import mask_value
from gongkai.privacy.normalize import _one_to_one, may_hold_number, may_hold_personal_data
from gongkai.privacy.numbers import lost_check_id, undermasked, undermasked_id

BOLD = "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"


def bold(digits: str) -> str:
    return "".join(BOLD[int(d)] if d.isdigit() else d for d in digits)


# may_hold_number: the output scan's pre-filter, for a line of data whose tags are gone (markup and list punctuation
# are read as they are: «<», «;» join nothing), with the characters beyond U+FFFF looked at only when there is one.
@pytest.mark.parametrize(("text", "holds"), [
    ("13800138000", True),
    ("电话 138 0013 8000", True),
    ("1.38059512E10", True),  # scientific notation: nine digits before the E, none eleven in a row
    (bold("13800138000"), True),  # digits beyond U+FFFF only
    (bold("1.38059512") + "E" + bold("10"), True),
    ("abc", False),
    ("<b>13800</b>", False),  # markup is no number here
    ("&#49;&#51;&#56;", False),
    ("城关镇人民路12号", False),  # an address: the output scan reads only numbers
    ("138;1234;5678", False),  # in data «;» separates values
    ("数值 1E;5", False),
    ("😀", False),
    ("😀 <b>", False),
    ("138;1234;5678 😀", False),
    ("😀 数值 1E;5", False),
    ("😀 城关镇人民路12号", False),
])
def test_may_hold_number_reads_a_line_of_data(text: str, holds: bool) -> None:
    assert may_hold_number(text) is holds



# may_hold_personal_data: find()'s pre-filter, for what people write (tags and references may become anything, an
# address counts, list punctuation joins groups) or, without *lists*, for data (find(data=True)).
@pytest.mark.parametrize(("text", "lists", "holds"), [
    ("13800138000", True, True),
    ("城关镇人民路12号", True, True),
    ("城关镇人民路12号", False, True),  # an address is personal data in data too
    ("138;1234;5678", True, True),
    ("138;1234;5678", False, False),
    ("数值 1E;5", True, True),  # in text «;» may join an exponent to its digits
    ("数值 1E;5", False, False),
    ("abc", True, False),
    ("😀", True, False),
    (bold("13800138000"), True, True),
    ("城关镇人民路" + bold("12") + "号", True, True),
    ("城关镇人民路" + bold("12") + "号", False, True),
    ("😀 138;1234;5678", True, True),
    ("😀 138;1234;5678", False, False),
    (bold("1.38059512") + "E" + bold("10"), True, True),
    ("😀 数值 1E;5", True, True),
    ("😀 数值 1E;5", False, False),
])
def test_may_hold_personal_data_reads_text_or_data(text: str, lists: bool, holds: bool) -> None:
    assert may_hold_personal_data(text, lists) is holds


def test_may_hold_personal_data_reads_text_unless_told_otherwise() -> None:
    assert may_hold_personal_data("138;1234;5678") is True

def hits(text: str) -> list[tuple[str, str, int, int]]:
    return [(hit.kind, hit.value, hit.start, hit.end) for hit in find(text)]


# A run of points between short groups: «1.3.8…» has more than one point, so they separate the groups of one number
# (a number has one decimal point); one point before one or two digits is a decimal point.
@pytest.mark.parametrize(("text", "found"), [
    ("1.3.812345678", [("mobile", "13812345678", 0, 13)]),  # the point after the first group, then one more
    ("138.12.34.5678", [("mobile", "13812345678", 0, 14)]),
    ("138123456 7.8", []),  # 138123456 and the decimal 7.8: the point before it is the only one
    ("1 380 013 800.5", []),  # an amount grouped by spaces, with a decimal part
])
def test_points_between_groups(text: str, found: list[tuple[str, str, int, int]]) -> None:
    assert hits(text) == found


# Addresses: two in one text, side by side, and the longest reading of one place (a building in digits, its unit in
# numerals: 3号楼 and 3号楼五单元 are readings of one place).
@pytest.mark.parametrize(("text", "found"), [
    ("湖头镇湖二村7号，城厢镇某小区3号楼2单元301室", [("address", "二村7号", 4, 8), ("address", "3号楼2单元301室", 15, 25)]),
    ("湖二村7号三组十五号", [("address", "二村7号", 1, 5), ("address", "三组十五号", 5, 10)]),
    ("三组十五号二村7号", [("address", "三组十五号", 0, 5), ("address", "二村7号", 5, 9)]),
    ("3号楼五单元", [("address", "3号楼五单元", 0, 6)]),
])
def test_addresses_side_by_side_and_overlapping(text: str, found: list[tuple[str, str, int, int]]) -> None:
    assert hits(text) == found


@pytest.mark.parametrize(("value", "masked"), [
    ("经兜村十二号", "经兜村**号"),
    ("三组十五号", "*组**号"),
    ("五栋二单元三〇一室", "*栋*单元***室"),
    ("五一路十二号", "五一路**号"),  # the numerals of a road's name stay
    ("人民路一百零八号", "人民路****号"),
])
def test_an_address_in_chinese_numerals_is_masked_numeral_by_numeral(value: str, masked: str) -> None:
    assert mask_value("address", value) == masked


# A mobile in thousands grouping after a word that is a count unit elsewhere (户主 starts with 户): only what follows
# the number makes it a count.
def test_a_count_word_before_a_grouped_number_does_not_make_it_a_count() -> None:
    assert hits("户主电话 13,805,951,234") == [("mobile", "13805951234", 5, 19)]
    assert hits("电话 13,805,951,234户") == []


# Percent-encoded bytes (a tel: link), one run decoded as UTF-8; bytes that are no UTF-8 are replaced, not an error.
@pytest.mark.parametrize(("text", "found"), [
    ("tel:%31%33%38%30%30%31%33%38%30%30%30", [("mobile", "13800138000", 4, 37)]),
    ("%FF 13800138000", [("mobile", "13800138000", 4, 15)]),
    ("%E6%89%8B%E6%9C%BA13800138000", [("mobile", "13800138000", 18, 29)]),  # 手机, percent-encoded
])
def test_percent_encoded_bytes_are_decoded(text: str, found: list[tuple[str, str, int, int]]) -> None:
    assert hits(text) == found


def test_enclosed_numbers_of_two_digits_are_read_as_two() -> None:
    """⑬ is 13, ⑧ 8, ⓪ 0: ⑬⑧⓪⓪⑬⑧⓪⓪⓪ reads 13800138000."""
    assert hits("⑬⑧⓪⓪⑬⑧⓪⓪⓪") == [("mobile", "13800138000", 0, 9)]


# The separators folded one for one, on the builder itself (the table is built at import): a line drawn between the
# groups, the compatibility forms of a separator (NFKC, its first character; a small comma is the Chinese comma).
@pytest.mark.parametrize(("code", "folded"), [
    (0x2500, "-"), (0x23E4, "-"), (0x2053, "~"), (0x02DC, "~"), (0x203E, "_"), (0x2017, "_"), (0x2236, ":"),
    (0xA789, ":"), (0x2025, "."), (0x2026, "."), (0xFE50, "，"), (0xFE10, "，"), (0xFE55, ":"), (0xFF61, "。"),
    (0xFE4D, "_"),
])
def test_separators_are_folded_one_for_one(code: int, folded: str) -> None:
    assert _one_to_one()[code] == folded


def test_chinese_numerals_are_not_folded_one_for_one() -> None:
    """一 … 九 are digits only in a run of eleven (normalize._NUMERAL_RUN); alone they are words (第一、一一对应)."""
    table = _one_to_one()
    assert [c for c in "〇一二三四五六七八九十" if ord(c) in table] == []


# lost_check_id: 18 digits, a province's area code (35: 福建), a real birth date from 1900-01-01 to today; the last
# four digits (a float's rounding) are not read.
@pytest.mark.parametrize(("digits", "lost"), [
    ("350524198503151000", True),
    ("350524198510151000", True),  # October: the month is two digits
    ("350524198503101000", True),  # the 10th: the day is two digits
    ("350524190001011000", True),  # 1900-01-01, the first day
    ("350524189912311000", False),
    ("350524198502301000", False),  # 30 February
    ("35052419850315100X", False),  # no float writes an X
    ("35052419850315100", False),  # 17 digits
    ("3505241985031510000", False),  # 19 digits
    ("990524198503151000", False),  # 99 is no province
])
def test_an_id_a_float_rounded_is_known_by_its_area_and_birth_date(digits: str, lost: bool) -> None:
    assert lost_check_id(digits) is lost


def test_an_id_a_float_rounded_may_be_of_someone_born_today_not_tomorrow() -> None:
    # the day is the command's (a build's --today), never the machine's clock; without one, any birth date to 2100
    assert lost_check_id("350524202611271000", dt.date(2026, 11, 27))
    assert not lost_check_id("350524202611281000", dt.date(2026, 11, 27))
    assert lost_check_id("350524202611281000", dt.date(2026, 11, 28))
    assert lost_check_id("350524210012311000") and not lost_check_id("350524210101011000")


# Groups join across a comma only when both have three digits or more, counting the pieces of one run of digits that
# a name's numeral (王五 + 一三…) or a numeral meeting a digit (00一三八…) cut apart: 5|13 is three digits, 5|1 two.
@pytest.mark.parametrize(("text", "found"), [
    ("王五一三，八零零一三八零零零", [("mobile", "13800138000", 2, 14)]),  # 13 glued to the name's 5 before it
    ("138，00一三八零零零", [("mobile", "13800138000", 0, 12)]),  # 00 glued to 138000 after it
    ("王五一，三八零零一三八零零零", []),  # 1 glued to 5: two digits, not joined across the comma
])
def test_pieces_of_one_run_count_together_across_a_comma(text: str, found: list[tuple[str, str, int, int]]) -> None:
    assert hits(text) == found



# A right-to-left override (U+202E) draws what follows it backwards; tags are read both ways (as rendered, as typed).
# Each reading adds what the readings before did not find.
@pytest.mark.parametrize(("text", "found"), [
    ("电话\u202e00083100831", [("mobile", "13800138000", 3, 14)]),
    ("\u202e00083100831\u202c，\u202e00093100931", [("mobile", "13800138000", 1, 12), ("mobile", "13900139000", 15, 26)]),
    ("13900139000，\u202e00083100831", [("mobile", "13900139000", 0, 11), ("mobile", "13800138000", 13, 24)]),
    ("<a title=13800138000>电话</a>", [("mobile", "13800138000", 9, 20)]),
    ("13900139000<a title=13800138000>", [("mobile", "13900139000", 0, 11), ("mobile", "13800138000", 20, 31)]),
    ("<a title=13800138000><b title=13900139000>", [("mobile", "13800138000", 9, 20), ("mobile", "13900139000", 30, 41)]),
    # a mobile in thousands grouping beside another number: both
    ("13900139000 和 13,805,951,234", [("mobile", "13900139000", 0, 11), ("mobile", "13805951234", 14, 28)]),
])
def test_each_reading_adds_what_the_others_did_not_find(text: str, found: list[tuple[str, str, int, int]]) -> None:
    assert hits(text) == found


def test_in_data_list_punctuation_separates_numbers() -> None:
    """find(data=True) reads a JSON or CSV file gongkai wrote: «;» and «,» separate values there."""
    text = "13900139000;138,1234,5678"
    assert [(h.kind, h.value, h.start, h.end) for h in find(text, data=True)] == [("mobile", "13900139000", 0, 11)]
    assert [(h.kind, h.value) for h in find(text)] == [("mobile", "13900139000"), ("mobile", "13812345678")]
    assert [(h.kind, h.value, h.start, h.end) for h in find_unfiltered("138,1234,5678")] == [
        ("mobile", "13812345678", 0, 13)]


# Scientific notation (detect._scientific), read as the integer it denotes. 6222021234563000 passes Luhn (sum 40,
# every second digit from the right doubled), and so do 6222021234520000 (30) and 6222021234567820000 (60): a card
# written with 13, 12 and 15 significant digits.
@pytest.mark.parametrize(("text", "found"), [
    # a name's last numeral read as a digit before the mantissa (王五 + 3.505…): not part of the number
    ("王五3.50524198503151E+17", [("id", "350524198503151000", 2, 22)]),
    ("王五1.3805951234E+10", [("mobile", "13805951234", 2, 18)]),
    # a numeral that is the mantissa's only digit before the point is the number's first digit
    ("电话一.3805951234E+10", [("mobile", "13805951234", 2, 18)]),
    # a mobile keeps seven significant digits or more, a card thirteen: fewer is a round value
    ("电话1.380595E+10", [("mobile", "13805950000", 2, 14)]),
    ("电话1.38059E+10", []),
    ("卡号6.222021234563E+15", [("bank", "6222021234563000", 2, 20)]),
    ("卡号6.22202123452E+15", []),
    ("卡号6.22202123456782E+18", [("bank", "6222021234567820000", 2, 22)]),  # nineteen digits: a card still
    # a value that is no number (too short, or round) does not stop the reading of the next one
    ("数值1.5E+3，电话1.3805951234E+10", [("mobile", "13805951234", 11, 27)]),
    ("约1.38E+10，电话1.3805951234E+10", [("mobile", "13805951234", 12, 28)]),
])
def test_scientific_notation_edges(text: str, found: list[tuple[str, str, int, int]]) -> None:
    assert hits(text) == found


def test_the_bureaus_own_mobile_in_scientific_notation_is_allowed() -> None:
    assert list(find("电话1.3805951234E+10", frozenset({"13805951234"}))) == []
    assert hits("电话1.3805951234E+10") == [("mobile", "13805951234", 2, 18)]


# A run of 13 to 15 digits before 元 is an amount even when it passes Luhn (6222021234566: sum 50;
# 922202123456789: sum 70, and no 15-digit 身份证号, which starts with 1 to 8); without 元 it is a card.
@pytest.mark.parametrize(("text", "found"), [
    ("合计6222021234566元", []),
    ("卡号6222021234566", [("bank", "6222021234566", 2, 15)]),
    ("合计922202123456789元", []),
    ("合计922202123456789.00元", []),
    ("卡号922202123456789", [("bank", "922202123456789", 2, 17)]),
    ("6222021234567894元", [("bank", "6222021234567894", 0, 16)]),  # sixteen digits: no amount
])
def test_a_card_of_fifteen_digits_or_fewer_before_yuan_is_an_amount(
        text: str, found: list[tuple[str, str, int, int]]) -> None:
    assert hits(text) == found


# A checksum (24 hexadecimal characters or more, digits and letters mixed) is no number; a number beside one is.
@pytest.mark.parametrize(("text", "found"), [
    ("a1b2c3d4e5f6a7b8c9d0e1f2 13800138000", [("mobile", "13800138000", 25, 36)]),
    ("13800138000 1a2b3c4d5e6f7a8b9c0d1e2f", [("mobile", "13800138000", 0, 11)]),
    # between two checksums, joined to both by spaces (a log line): the number is read
    ("a1b2c3d4e5f6a7b8c9d0e1f2 13800138000 1a2b3c4d5e6f7a8b9c0d1e2f", [("mobile", "13800138000", 25, 36)]),
    # eleven digits inside a checksum are none, and do not stop the reading of what follows
    ("0f3c9a13800138000b7e5d4c3a21 电话13900139000", [("mobile", "13900139000", 31, 42)]),
    ("0f3c9a13800138000b7e5d4c3a21", []),
])
def test_numbers_beside_a_checksum(text: str, found: list[tuple[str, str, int, int]]) -> None:
    assert hits(text) == found


# In data (find(data=True)), eighteen digits ending in 000 that fail the check digit are a serial, not an ID a float
# rounded (350524198503151000: area 350524, born 1985-03-15); a valid 身份证号 (…1236) and a card of eighteen digits
# (622202123456789012: Luhn sum 60, no birth date at its 7th digit) are found still.
@pytest.mark.parametrize(("text", "found"), [
    ("350524198503151000", []),
    ("350524198503151236", [("id", "350524198503151236", 0, 18)]),
    ("622202123456789012", [("bank", "622202123456789012", 0, 18)]),
    ("350524198503151000 13800138000", [("mobile", "13800138000", 19, 30)]),
])
def test_in_data_a_rounded_id_is_a_serial(text: str, found: list[tuple[str, str, int, int]]) -> None:
    assert [(h.kind, h.value, h.start, h.end) for h in find(text, data=True)] == found


def test_in_text_a_rounded_id_is_an_id() -> None:
    assert hits("350524198503151000") == [("id", "350524198503151000", 0, 18)]


# Thousands grouping (detect._thousands): a mobile, or a card of sixteen digits or more, even after ¥ or before 元;
# a card of 13 digits in thousands grouping reads as an amount.
@pytest.mark.parametrize(("text", "found"), [
    ("¥6,222,021,234,567,894", [("bank", "6222021234567894", 1, 22)]),
    ("6,222,021,234,567,894元", [("bank", "6222021234567894", 0, 21)]),
    ("卡号 6,222,021,234,566", []),
    ("卡号 9,999,999,999,999,999", []),  # sixteen digits that pass no check (Luhn sum 144)
    ("共1,234户，电话13,805,951,234", [("mobile", "13805951234", 10, 24)]),
])
def test_thousands_grouping_edges(text: str, found: list[tuple[str, str, int, int]]) -> None:
    assert hits(text) == found


# A letter drawn like a digit between digits (O for 0, l for 1) is read as that digit, in ASCII text and beside
# Chinese; alone in a word it stays a letter.
@pytest.mark.parametrize(("text", "found"), [
    ("3505241985O3151236", [("id", "350524198503151236", 0, 18)]),
    ("电话138l2345678", [("mobile", "13812345678", 2, 13)]),
    ("13800138OOO", [("mobile", "13800138000", 0, 11)]),
    ("ISO 13800138000", [("mobile", "13800138000", 4, 15)]),
])
def test_letters_read_as_digits(text: str, found: list[tuple[str, str, int, int]]) -> None:
    assert hits(text) == found


# A point after sixteen digits in groups is no decimal point (no amount has sixteen digits): the card before it is
# read, as the groups of four a card is printed in.
def test_a_point_after_a_card_in_groups_is_no_decimal_point() -> None:
    assert hits("卡号6222 0212 3456 7894.5") == [("bank", "6222021234567894", 2, 21)]


# Numbers masked too little (numbers.undermasked, detect._undermasked): an ID whose stars leave the birth date in
# full or are one or two the check digit gives back (350524198503151236 is the ID: 1 in the 7th place, 03 as the
# month make it); fewer than four stars in a mobile or a card. The group's other files never reached these.
@pytest.mark.parametrize(("token", "shown"), [
    ("3505241985031512**", True),  # the birth date in full
    ("35052419850315****", True),  # four stars, fewer than eight
    ("35052419850315***X", True),
    ("350524********1236", False),  # the birth date hidden: the common mask
    ("35*************123", False),  # the masking format
    ("350524*98503151236", True),  # one star: 1 fills it, the check digit agrees
    ("3505241985**151236", True),  # the month starred: 03 fills it
    # three stars in the birth date: a month's days of 1985, some 270, the check digit keeping one in eleven (since the
    # eleventh pass a mask leaving fewer than a thousand IDs to try is none; before, any star in the birth date hid it)
    ("35052419850***1236", True),
    ("350524198503****36", True),  # a month's days and two of the sequence: 31 × 100 / 11
    ("350524****0315**36", False),  # the years 1900–2100 and two of the sequence: some 1,800
    ("990524198503151***", False),  # 99 is no province
    ("3505241985023*1236", False),  # 30 to 39 February: no filling makes a date
    ("350524198503151236", False),  # no star: no mask at all, nothing masked too little
    # the province starred: the county's own area code, or the check digit, gives it back (the tenth pass; before,
    # a starred province passed whatever the rest showed)
    ("**0524198503151236", True),
    ("******198503151236", True),
    ("0*0524198503151236", False),  # no province starts with 0
    ("35*524198503151236", True),  # the province shown, the birth date in full
])
def test_an_id_masked_too_little(token: str, shown: bool) -> None:
    assert undermasked_id(token) is shown


@pytest.mark.parametrize(("token", "kind"), [
    ("3505241985031512**", "id"),
    ("138***38000", "mobile"),  # three stars: a thousand guesses
    ("13800*38000", "mobile"),
    ("138****8000", None),  # four: masked
    ("*3805951234", "mobile"),  # the 1 every mobile starts with starred: nothing hidden
    ("****5951234", "mobile"),  # the 1 and three digits
    ("*****951234", None),  # the 1 and four
    ("6222021234567***", "bank"),
    ("6222021234******", None),
    ("2222021234567***", None),  # no card starts with 2
    ("6222021234567894***", "bank"),  # nineteen characters
    ("62220212345678941***", None),  # twenty: no card
    ("622202123456789*", "bank"),  # one star
    ("622202123456****", None),  # four stars
    ("622202*234567894", "bank"),  # the star right after the six digits of the bank
    ("6222021234567894**", "bank"),  # eighteen characters, no birth date at the 7th: a card, no ID
])
def test_the_kind_of_a_number_masked_too_little(token: str, kind: str | None) -> None:
    assert undermasked(token) == kind


@pytest.mark.parametrize(("text", "found"), [
    ("身份证 3505241985031512**", [("id", "3505241985031512**", 4, 22)]),
    ("身份证35052419850315●●●●", [("id", "35052419850315****", 3, 21)]),  # every mask mark read as a star
    ("电话138***38000", [("mobile", "138***38000", 2, 13)]),
    ("卡号6222021234567***", [("bank", "6222021234567***", 2, 18)]),
    ("卡号6222021234******", []),
    ("电话138****8000", []),
    ("身份证35052419850315***x", [("id", "35052419850315***X", 3, 21)]),  # the check digit written upper case
    ("身份证35052419850315***X", [("id", "35052419850315***X", 3, 21)]),
])
def test_a_number_masked_too_little_is_found(text: str, found: list[tuple[str, str, int, int]]) -> None:
    assert hits(text) == found


def test_the_bureaus_own_mobile_half_masked_is_the_bureaus() -> None:
    assert list(find("值班手机 13905*50000", frozenset({"13905950000"}))) == []
    assert [(h.kind, h.value) for h in find("值班手机 13905*50001", frozenset({"13905950000"}))] == [
        ("mobile", "13905*50001")]
    assert [(h.kind, h.value) for h in find("值班手机 13905*50000", frozenset({"1390595000"}))] == [
        ("mobile", "13905*50000")]  # an allowed value of another length is another number
