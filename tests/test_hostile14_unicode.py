"""Fourteenth hostile pass, digits and symbols Unicode added after the version Python's unicodedata knows.

Python 3.11 reads Unicode 14.0. Unicode 15–17 added sets of decimal digits — Garay, Gurung Khema, Kirat Rai, Sunuwar,
Ol Onal, Tolong Siki, Kawi, Nag Mundari, Myanmar Pao, Eastern Pwo Karen, the outlined digits U+1CCF0 — and the Kaktovik
numerals; a browser with a recent font draws them, and the detector read them as letters of no value: a mobile or an ID
written in them passed validate, the gate and the output scan. Emoji of Unicode 15–17 (🫨 U+1FAE8) between the groups
of a number, and the code points Unicode reserves to be drawn as nothing (U+FFF0, U+E0080), hid it the same way.

Now a table of what Unicode 17 added (gongkai/privacy/newer.py, written by tools/newer_unicode.py from Node's ICU data)
gives each its role, and a code point no version up to 17 assigns is read as every digit it may become in a later
one (gongkai/privacy/unknown.py). The zeros below are typed from the Unicode charts, not taken from that table.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from conftest import RECORD, CatalogDir
from gongkai.privacy.detect import find
from gongkai.privacy.normalize import may_hold_number, may_hold_personal_data
from gongkai.privacy.outputs import scan_output
from test_hostile7_gate import assert_held_back, with_attachment

FORM = "经审核，现将名单予以公示。"
MOBILE = "13805951234"
ID = "350524198503151236"  # area 350524, born 1985-03-15, check digit 6 (test_hostile7_gate checks it)
# The digit zero of each set (Unicode 15.0: Kawi, Nag Mundari; 16.0: Garay, Gurung Khema, Kirat Rai, Sunuwar, Ol Onal,
# Myanmar Pao, Eastern Pwo Karen, outlined digits; 17.0: Tolong Siki), and the Kaktovik numeral zero (15.0).
ZEROS = {"Garay": 0x10D40, "Gurung Khema": 0x16130, "Kirat Rai": 0x16D70, "Sunuwar": 0x11BF0, "Ol Onal": 0x1E5F1,
         "outlined": 0x1CCF0, "Kawi": 0x11F50, "Nag Mundari": 0x1E4F0, "Myanmar Pao": 0x116D0,
         "Eastern Pwo Karen": 0x116DA, "Tolong Siki": 0x11DE0, "Kaktovik": 0x1D2C0}
# Ten code points no Unicode version up to 17.0 assigns (a later one may make them digits).
UNASSIGNED_ZEROS = {"U+1D380": 0x1D380, "U+1E8E0": 0x1E8E0, "U+1EAA0": 0x1EAA0}


def spelled(number: str, zero: int) -> str:
    return "".join(chr(zero + int(digit)) for digit in number)


def test_python_knows_these_digits_as_the_table_does_or_not_at_all():
    # (Python 3.11 knows none of them: what the table is for; a later Python's data must agree with it)
    for zero in ZEROS.values():
        assert unicodedata.category(chr(zero)) == "Cn" or unicodedata.digit(chr(zero)) == 0
    for zero in UNASSIGNED_ZEROS.values():
        assert unicodedata.category(chr(zero)) == "Cn"


@pytest.mark.parametrize("script", sorted(ZEROS))
def test_a_number_in_digits_of_unicode_15_to_17_is_found(script: str) -> None:
    zero = ZEROS[script]
    for number, kind in ((MOBILE, "mobile"), (ID, "id")):
        text = f"联系电话：{spelled(number, zero)}。"
        assert may_hold_personal_data(text) and may_hold_number(text)
        assert [(hit.kind, hit.value) for hit in find(text)] == [(kind, number)]
        assert [(hit.kind, hit.value) for hit in find(spelled(number, zero), data=True)] == [(kind, number)]


@pytest.mark.parametrize("script", ["Garay", "outlined", "Sunuwar"])
def test_mixed_with_ascii_digits_and_grouped(script: str) -> None:
    zero = ZEROS[script]
    assert [h.value for h in find(f"138 {spelled('0595', zero)} 1234")] == [MOBILE]


def test_kaktovik_numerals_from_ten_read_as_two_digits():
    # 13 8 0 0 13 8 0 0 0 (as ⑬⑧⓪⓪⑬⑧⓪⓪⓪ is read)
    text = "".join(chr(0x1D2C0 + n) for n in (13, 8, 0, 0, 13, 8, 0, 0, 0))
    assert [h.value for h in find(text)] == ["13800138000"]


@pytest.mark.parametrize("between", ["\U0001FAE8", "\U0001FA77", "\U0001FBCB", "\u2B96", "\U00010D6E"])
def test_a_symbol_or_dash_of_unicode_15_to_17_joins_the_groups(between: str) -> None:
    assert [h.value for h in find(f"138{between}0595{between}1234")] == [MOBILE]


@pytest.mark.parametrize("between", ["\uFFF0", "\U000E0080", "\U000E01F0", "\U00013439", "\u0897"])
def test_what_unicode_draws_as_nothing_hides_no_digit(between: str) -> None:
    assert [h.value for h in find(f"1380{between}595{between}1234")] == [MOBILE]


@pytest.mark.parametrize("name", sorted(UNASSIGNED_ZEROS))
def test_a_number_in_code_points_no_version_assigns_yet_is_read_as_the_digits_they_may_become(name: str) -> None:
    zero = UNASSIGNED_ZEROS[name]
    for number, kind in ((MOBILE, "mobile"), (ID, "id")):
        text = f"电话{spelled(number, zero)}"
        assert may_hold_personal_data(text) and may_hold_number(text)
        assert (kind, number) in [(hit.kind, hit.value) for hit in find(text)]
    assert MOBILE in [hit.value for hit in find("138" + spelled("05951234", zero))]
    # or as a symbol not yet known between the groups
    assert MOBILE in [hit.value for hit in find(f"138{chr(zero)}0595{chr(zero)}1234")]


def test_text_in_letters_added_since_holds_no_number():
    # Garay letters and a CJK Extension J character (Unicode 16, 17): words, not digits
    assert list(find("\U00010D50\U00010D51\U00010D52 \U00031350\U00031351 2026年")) == []


def test_a_mobile_in_sunuwar_digits_in_the_body_is_held_back(gk, cat: CatalogDir, tmp_path: Path) -> None:
    written = spelled(MOBILE, ZEROS["Sunuwar"])
    cat.record(RECORD.replace(FORM, f"{FORM}联系电话：{written}"))
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK602" in run.out and "138****1234" in run.out
    assert written not in run.out
    assert_held_back(gk, cat, tmp_path, written)


def test_an_id_in_outlined_digits_in_an_attachment_is_held_back(gk, cat: CatalogDir, tmp_path: Path) -> None:
    written = spelled(ID, ZEROS["outlined"])
    with_attachment(cat, "files/2026/mingdan.csv", f"姓名,身份证号\n陈水生,{written}\n")
    assert "GK601" in gk("validate", cat.root).out
    assert_held_back(gk, cat, tmp_path, written, attachment="files/2026/mingdan.csv")


@pytest.mark.parametrize("script", ["Garay", "Kirat Rai", "Ol Onal", "outlined"])
def test_the_output_scan_reads_them(script: str) -> None:
    page = f"<p>联系电话：{spelled(MOBILE, ZEROS[script])}</p>\n".encode()
    assert [f.kind for f in scan_output("page.html", page, frozenset())] == ["mobile"]
    data = f'{{"t": "{spelled(ID, ZEROS[script])}"}}'.encode()
    assert [f.kind for f in scan_output("search.json", data, frozenset())] == ["id"]


def test_the_output_scan_reads_unassigned_code_points_as_digits():
    page = f"<p>{spelled(MOBILE, UNASSIGNED_ZEROS['U+1E8E0'])}</p>\n".encode()
    assert [f.kind for f in scan_output("page.html", page, frozenset())] == ["mobile"]


# (found by looking further) Tag characters U+E0020–E007E mirror ASCII and are drawn as nothing: a number spelled in
# them is invisible on the page but whole to anyone who copies the text into a program ("ASCII smuggling"); the scans
# dropped them as invisible. Round 12 listed them as not recognised.
def tagged(text: str) -> str:
    return "".join(chr(0xE0000 + ord(char)) for char in text)


@pytest.mark.parametrize(("written", "kind", "value"), [(tagged(MOBILE), "mobile", MOBILE),
                                                         (tagged("138 0595 1234"), "mobile", MOBILE),
                                                         (tagged(ID), "id", ID)])
def test_a_number_spelled_in_tag_characters_is_found(written: str, kind: str, value: str) -> None:
    text = f"联系人陈水生{written}。"
    assert may_hold_personal_data(text) and may_hold_number(text)
    assert [(hit.kind, hit.value) for hit in find(text)] == [(kind, value)]
    assert [f.kind for f in scan_output("page.html", f"<p>{text}</p>\n".encode(), frozenset())] == [kind]


def test_a_record_with_a_number_in_tag_characters_is_held_back(gk, cat: CatalogDir, tmp_path: Path) -> None:
    written = tagged(MOBILE)
    cat.record(RECORD.replace(FORM, f"{FORM}联系人陈水生{written}"))
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK602" in run.out
    assert_held_back(gk, cat, tmp_path, written)
