"""The classes of characters normalize() reads as a digit or a separator, enumerated over all of Unicode this Python
knows: a character added to a class later is read without anyone listing it (hostile5)."""

from __future__ import annotations

import sys
import unicodedata

from gongkai.privacy.normalize import NUMERALS, normalize


def _every(predicate):
    return [chr(code) for code in range(sys.maxunicode + 1) if predicate(chr(code))]


def test_every_character_with_the_value_of_one_digit_reads_as_that_digit():
    # Roman and Hangzhou numerals, circled and parenthesized ideographs, Ethiopic, counting rods … (not Chinese
    # ideographs 一二三, which are read only in runs: see test_gate_hostile).
    numeric = _every(lambda c: unicodedata.category(c) in ("No", "Nl") and c not in NUMERALS
                     and unicodedata.numeric(c, -1) in (0, 1, 2, 3, 4, 5, 6, 7, 8, 9))
    assert len(numeric) > 300
    wrong = [c for c in numeric if normalize(f"1{c}1").text != f"1{int(unicodedata.numeric(c))}1"]
    assert wrong == []


def test_every_dash_reads_as_a_dash():
    dashes = _every(lambda c: unicodedata.category(c) == "Pd")
    assert [c for c in dashes if normalize(f"1{c}1").text != "1-1"] == []


def test_every_compatibility_form_of_a_separator_reads_as_it():
    # … → . ; ﹒ → . ; ｡ → 。 ; ﹏ → _ ; ﹕ → : ; ﹑ → 、; a comma form → the Chinese comma (never a thousands separator)
    wanted = {".": ".", "-": "-", "/": "/", "_": "_", "*": "*", "~": "~", ":": ":", "、": "、", "。": "。", ",": "，"}
    def separator_form(c: str) -> bool:
        n = unicodedata.normalize("NFKC", c)
        return n != c and n != "" and len(set(n)) == 1 and n[0] in wanted

    forms = {c: wanted[unicodedata.normalize("NFKC", c)[0]] for c in _every(separator_form)}
    assert len(forms) >= 20
    assert [c for c, to in forms.items() if normalize(f"1{c}1").text != f"1{to}1"] == []


def test_every_enclosed_number_from_ten_reads_as_its_digits():
    # ⑩–⑳, ⑽–⒇, ⒑–⒛, ⓫–⓴, ❿, ➓, ㉑–㉟, ㊱–㊿, ㈩, ㊉: ⑬⑧⓪⓪⑬⑧⓪⓪⓪ reads 13800138000
    blocks = ((0x2460, 0x24FF), (0x2776, 0x2793), (0x3200, 0x32FF))
    enclosed = [chr(code) for first, last in blocks for code in range(first, last + 1)
                if unicodedata.numeric(chr(code), -1) in range(10, 100)]
    assert len(enclosed) >= 80
    wrong = [c for c in enclosed if normalize(f"a{c}b").text != f"a{int(unicodedata.numeric(c))}b"]
    assert wrong == []
    # and the way back: the two digits come from the one character
    found = normalize("电话⑬⑧⓪⓪⑬⑧⓪⓪⓪。")
    assert found.text == "电话13800138000。"
    assert found.span(2, 13) == (2, 11)
