"""The characters folded before matching, one line per class, at the first and last code point of every range.

Expected values are typed by hand from the Unicode names (U+FF01 FULLWIDTH EXCLAMATION MARK → «!», U+00B9
SUPERSCRIPT ONE → «1» …). The table is built once when the module is imported, so each class is also checked on
the builder itself: a mutant of the builder would otherwise never run after the import.
"""

from __future__ import annotations

import pytest

from gongkai.privacy.normalize import _one_to_one, ascii_digits, normalize

FOLDED = [
    # full-width ASCII, the first (U+FF01) and last (U+FF5E) of the block; U+FF5F is past it and stays
    ("！Ａｘ＊／．～", "!Ax*/.~"),
    ("＿｀", "_`"),
    ("｟", "｟"),
    # the Chinese comma is never a thousands separator: it stays itself
    ("，", "，"),
    # every space form, first (U+00A0) to last (U+3000)
    ("1\u00a02\u16803\u20004\u20055\u200a6\u202f7\u205f8\u30009", "1 2 3 4 5 6 7 8 9"),
    # dashes: U+058A first, U+2212 minus, U+301C wave dash, U+FF0D, U+FF70 last
    ("\u058a\u05be\u2010\u2014\u2212\u301c\u30fc\uff0d\uff70", "---------"),
    ("\u00b7\u2024\u30fb\uff65\u22c5", "....."),
    ("\u2044\u2215\u29f8", "///"),
    ("\u2217\u204e\u2731\u066d", "****"),
    # what looks like the check digit X: ×, Greek Χ χ, Cyrillic Х х, Roman numerals Ⅹ ⅹ
    ("\u00d7\u03a7\u03c7\u0425\u0445\u2169\u2179", "XXXXXXX"),
    # digits that are not decimal digits: ² ¹ (U+00B2…U+00B9), ⁰ ₉ (U+2070…U+2089), ① ⓿ (U+2460…U+24FF),
    # ❶ ➒ (U+2776…U+2793), 🄀 🄊 (U+1F100…U+1F10A)
    ("²¹⁰₉①⓿❶➒🄀🄊", "2109101909"),
    # any other notation whose value is one digit (hostile5): Ethiopic ፩ (U+1369), 🄋 (U+1F10B), Roman Ⅸ, Hangzhou 〡;
    # a value of ten or more is not one digit: Ⅹ is the check digit X (above), Ⅼ (fifty) stays; an enclosed ➓ is
    # its two digits, a change of length (test_hostile5_normalize)
    ("፩🄋Ⅸ〡", "1091"),
    ("Ⅼ", "Ⅼ"),
    # ASCII is never touched
    ("Xx09,_`-./* ", "Xx09,_`-./* "),
]


@pytest.mark.parametrize(("text", "folded"), FOLDED)
def test_each_class_of_lookalike_characters_is_folded(text: str, folded: str) -> None:
    assert text.translate(_one_to_one()) == folded
    assert normalize(text).text == folded


@pytest.mark.parametrize(("text", "digits"), [
    ("３٣𝟑", "333"),  # full-width, Arabic-Indic, mathematical bold
    ("x3²٣", "x3²3"),  # ² is a digit but not a decimal digit: it stays (normalize folds it)
    ("abc 123", "abc 123"),
])
def test_digits_of_any_script_become_ascii(text: str, digits: str) -> None:
    assert ascii_digits(text) == digits


def test_a_character_reference_without_its_semicolon_is_decoded_as_browsers_do() -> None:
    assert normalize("3505&#50;4&#49").text == "3505241"
    assert normalize("&#x33;&#X35").text == "35"
    assert normalize("a&nbsp;b &unknown; c").text == "a b &unknown; c"
