"""The edges of what makes a run of digits personal data (privacy/numbers.py, mask_format.py), each value worked out by
hand from the rule it tests: GB 11643-1999's weights and check characters, the Luhn check, the calendar.

Bugs planted in numbers.py and mask_format.py that no test caught (twenty-first session): the residence permits of
Hong Kong, Macao and Taiwan residents (area codes 81–83) dropped, a card's six-digit issuer number read from five, the
last day of a 31-day month or the year 2100 left out of a birth date's days, a 15-digit ID's century, cards of the
issuers numbered 3 (American Express, JCB), a two-character name left unmasked.
"""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.privacy.detect import cardinal_value, find
from gongkai.privacy.mask import mask_names, mask_text
from gongkai.privacy.mask_format import mask_name
from gongkai.privacy.numbers import classify, undermasked, undermasked_id, valid_id15


# Residence permits for residents of Hong Kong (81), Macao (82) and Taiwan (83) carry an 18-character number in the
# 身份证号 format (GB 11643). The check character by hand, for 81000019900101123:
#   S = 8·7 + 1·9 + 0 + 0 + 0 + 0 + 1·2 + 9·1 + 9·6 + 0 + 0 + 1·9 + 0 + 1·5 + 1·8 + 2·4 + 3·2 = 166, 166 mod 11 = 1 → 0
@pytest.mark.parametrize("value", ["810000199001011230"])
def test_a_residence_permit_of_hong_kong_is_an_id(value):
    assert classify(value, dt.date(2026, 12, 5)) == "id"
    assert [(h.kind, h.masked) for h in find(f"持证人证件号码：{value}。")] == [("id", "81*************230")]


@pytest.mark.parametrize("value", ["3530111333300000", "378282246310005"])
def test_cards_whose_issuer_number_starts_with_3(value):
    """JCB (35…, 16 digits) and American Express (37…, 15 digits): the issuers' published test numbers, Luhn-valid."""
    assert classify(value) == "bank"


def test_a_card_masked_in_its_issuer_number_is_an_undermasked_card_too():
    """A card's mask keeps its first six digits (the issuer) and hides the middle: one star in the middle is too few.
    (Twenty-ninth session: a star among the first six hides no more — Luhn gives a single starred digit back, so
    62*2021234567894 is the whole card 6222021234567894; it was passed as «some other masking».)"""
    assert undermasked("622202*234567890") == "bank"
    assert undermasked("62220*1234567890") == "bank"
    assert undermasked("62*2021234567894") == "bank"
    assert undermasked("**2026120400000001") is None  # an order number starting with stars (test_hostile10_gate.py)
    assert undermasked("6222**1234567894") == "bank"
    assert undermasked("622202******7894") is None  # the format itself (6 stars): masked enough


def test_a_birth_date_on_the_31st_counts_its_days():
    """3505241985**31*236: month starred, day 31, one digit of the sequence starred. 1985's months of 31 days are
    January, March, May, July, August, October and December: 7 days, ×10 for the starred digit, /11 for the check
    character shown: 6 guesses, far fewer than a thousand, so the mask hides too little."""
    assert undermasked_id("3505241985**31*236") is True


def test_a_birth_in_2100_is_a_birth_date_still():
    """3505242100****1236: born some day of 2100 (a year the detector reads to, as it reads births to 2100-12-31):
    365 days /11 = 33 guesses."""
    assert undermasked_id("3505242100****1236") is True


@pytest.mark.parametrize(("value", "valid"), [
    ("350524850315123", True),   # 1985-03-15
    ("350524000229123", False),  # 1900-02-29: 1900 was no leap year (a 15-digit number is of the 1900s)
    ("350524960229123", True),   # 1996-02-29
    ("350524851315123", False),  # month 13
])
def test_a_fifteen_digit_id_is_of_the_1900s(value, valid):
    assert valid_id15(value) is valid


@pytest.mark.parametrize(("name", "masked"), [("陈芳", "陈*"), ("王", "王*"), ("陈水生", "陈*生"), ("欧阳小华", "欧**华")])
def test_a_name_keeps_its_first_and_last_character_only(name, masked):
    assert mask_name(name) == masked


# The detector's edges (detect.py) that planted bugs survived, each expectation read from the rule's own words.
@pytest.mark.parametrize(("text", "expected"), [
    # a landline of a city with a four-digit area code and seven digits (0771 南宁): written backwards it would read
    # 13654321770, a mobile; a landline is no mobile backwards
    ("联系电话：07712345631", []),
    # a sum in thousands grouping after 人民币 and up to three marks (为, ：, a space) is money, not a mobile
    ("人民币为： 13,805,951,234", []),
    ("共13,805,951,234处", []),  # a count of places
    ("共13,805,951,234", [("mobile", "138****1234")]),  # nothing says it is a sum or a count
    # hexadecimal of 350524198503151000 (an ID a float rounded, in decimal): written in hexadecimal it is a serial
    ("0x4DD4FE6C0F57598", []),
    # 22 hexadecimal characters with two runs of digits: too short for a checksum (24), a reader sees the mobile in it
    ("dead1beef13805951234ab", [("mobile", "138****1234")]),
])
def test_detector_edges(text, expected):
    assert [(h.kind, h.masked) for h in find(text)] == expected


def test_a_run_of_base64_holding_a_number_is_masked_as_stars_of_its_length():
    """base64 of 「联系电话13805951234」 (UTF-8), typed by hand from the bytes: shown as 138****1234 in its place it would
    tell a reader how to read the rest of the run; it is replaced by as many stars as it has characters (32)."""
    run = "6IGU57O755S16K+dMTM4MDU5NTEyMzQ="
    assert mask_text(f"附件数据：{run}。") == ("附件数据：" + "*" * 32 + "。", [("mobile", "138****1234")])


def test_a_name_inside_a_longer_name_does_not_unmask_the_longer_one():
    """欧阳小华 and 阳小华 both listed: the longer is masked first (欧**华); 阳小华 first would leave 欧阳*华."""
    assert mask_names("关于欧阳小华的公示", frozenset({"欧阳小华", "阳小华"})) == "关于欧**华的公示"


# An ID masked in its birth date and sequence hides it when at least a thousand fillings (ID_GUESSES) remain: the days
# the starred date may be, times ten for each starred digit of the sequence, over eleven when the check digit is shown
# (one filling in eleven has it right). Each count worked by hand (March and December 1985 have 31 days, February 28):
@pytest.mark.parametrize(("token", "undermasked"), [
    # 1985-03-1*: the 10th to the 19th, 10 days; sequence 1**: 100; check starred: 10 × 100 = 1,000 — enough
    ("3505241985031*1***", False),
    # the same with the check digit shown: 1,000 / 11 ≈ 91 — too few
    ("3505241985031*1**6", True),
    # 1985-03-0*: the 1st to the 9th, 9 days: 9 × 100 = 900 — too few
    ("3505241985030*1***", True),
    # 1985-**-30: every month but February, 11 days; sequence ***: 1,000; check shown: 11 × 1,000 / 11 = 1,000 — enough
    ("3505241985**30***6", False),
    # 1985-*2-31: February has no 31st, December has: 1 day; 1 × 1,000 / 11 ≈ 91 — too few
    ("3505241985*231***6", True),
    # 1985-02-3*: no such day at all: no ID, whatever the count
    ("3505241985023*1***", False),
])
def test_an_id_starred_in_its_birth_date_hides_it_with_a_thousand_fillings(token, undermasked):
    assert undermasked_id(token) is undermasked


# A number written as a quantity in Chinese numerals, read by hand: 一百三十八亿 = 138 × 10⁸, 零五百九十五万 = 595 × 10⁴,
# 一千二百三十四 = 1,234.
@pytest.mark.parametrize(("written", "value"), [
    ("一百三十八亿零五百九十五万一千二百三十四", 13_805_951_234),
    ("一百三十亿", 13_000_000_000),  # a unit closes the part before 亿: nothing more is added
    ("十三", 13),  # 十 alone is one ten
    ("两千零五十", 2_050),
    ("一三八零五九五一二三四", None),  # read out digit by digit: no quantity (another reader finds that mobile)
    ("九一", None),
])
def test_a_quantity_in_chinese_numerals(written, value):
    assert cardinal_value(written) == value


def test_a_mobile_read_out_as_a_quantity_keeps_seven_digits_or_more():
    # 13,805,950,000: seven digits before its zeros (1380595), a mobile; 13,805,900,000: six, a round sum
    assert [(h.kind, h.value) for h in find("电话：一百三十八亿零五百九十五万")] == [("mobile", "13805950000")]
    assert list(find("电话：一百三十八亿零五百九十万")) == []
