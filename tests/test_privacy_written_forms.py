"""Forms a number is written in that the detector reads, each typed by hand: characters between the groups of a
mobile, letters drawn as the X of an ID, percent- and %u-escaped digits, references that decode to an invisible
character or a circled number. Each row names what a reader sees.

Bugs planted in normalize.py that no test caught (twenty-second session, the privacy mutation group): any one entry of
these tables dropped, the %u branch of a percent-encoded run skipped or joined with other text, a decoded invisible
character kept, a decoded circled number read as nothing.
"""

from __future__ import annotations

import pytest

from gongkai.privacy.detect import find
from gongkai.privacy.normalize import percent_decoded

MOBILE = "13805951234"

# (character, what it is) — put between 138, 0595 and 1234 a reader still reads one mobile number
BETWEEN_GROUPS = [
    ("\u02c9", "ˉ modifier letter macron: on the symbol table of every Chinese input method (GB2312 A1A5)"),
    ("\u02cd", "ˍ modifier letter low macron"),
    ("\ua78f", "ꞏ sinological dot"),
    ("\u1427", "ᐧ Canadian syllabics final middle dot"),
    ("\u2025", "‥ two dot leader"),
    ("\u2026", "… horizontal ellipsis"),
    ("\ufe10", "︐ presentation form for vertical comma"),
    ("\ufe11", "︑ presentation form for vertical ideographic comma"),
    ("\ufe12", "︒ presentation form for vertical ideographic full stop"),
    ("\ufe13", "︓ presentation form for vertical colon"),
    ("\ufe19", "︙ presentation form for vertical horizontal ellipsis"),
    ("\ufe30", "︰ presentation form for vertical two dot leader"),
    ("\ufe33", "︳ presentation form for vertical low line"),
    ("\ufe34", "︴ presentation form for vertical wavy low line"),
    ("\ufe4d", "﹍ dashed low line"),
    ("\ufe4e", "﹎ centreline low line"),
    ("\ufe4f", "﹏ wavy low line"),
    ("\ufe50", "﹐ small comma"),
    ("\ufe51", "﹑ small ideographic comma"),
    ("\ufe52", "﹒ small full stop"),
    ("\ufe55", "﹕ small colon"),
    ("\ufe61", "﹡ small asterisk"),
    ("\uff61", "｡ halfwidth ideographic full stop"),
    ("\uff64", "､ halfwidth ideographic comma"),
    # characters of Unicode 16 (2024), which Python 3.11's tables do not know yet (privacy/newer.py)
    ("\U00010d6e", "Garay hyphen, a dash"),
    ("\u2b96", "equals sign with infinity above, a symbol"),
    ("\U0001ccef", "the last of the legacy computing supplement's symbols"),
]


@pytest.mark.parametrize("char,name", BETWEEN_GROUPS, ids=[hex(ord(c)) for c, _ in BETWEEN_GROUPS])
def test_a_mark_between_the_groups_hides_no_mobile(char, name):
    text = f"联系电话：138{char}0595{char}1234。"
    assert [(h.kind, h.value) for h in find(text)] == [("mobile", MOBILE)], name


# The check character X of 11010519491231002X (DOMAIN.md's example), written with a letter drawn as X
X_FORMS = [("\u00d7", "× multiplication sign"), ("\u03a7", "Χ Greek capital chi"), ("\u03c7", "χ Greek small chi"),
           ("\u0425", "Х Cyrillic capital ha"), ("\u0445", "х Cyrillic small ha"), ("\u2169", "Ⅹ Roman numeral ten"),
           ("\u2179", "ⅹ small Roman numeral ten")]


@pytest.mark.parametrize("char,name", X_FORMS, ids=[hex(ord(c)) for c, _ in X_FORMS])
def test_a_letter_drawn_as_x_ends_an_id(char, name):
    found = [(h.kind, h.value, h.masked) for h in find(f"身份证号：11010519491231002{char}")]
    assert found == [("id", "11010519491231002X", "11*************02X")], name


@pytest.mark.parametrize("text", [
    # JavaScript's escape() writes every character outside Latin-1 as %uXXXX, and some systems every character
    "电话%u0031%u0033%u0038%u0030%u0035%u0039%u0035%u0031%u0032%u0033%u0034",
    "电话%U0031%U0033%U0038%U0030%U0035%U0039%U0035%U0031%U0032%U0033%U0034",
    # %u escapes beside %XX bytes in one run: 1 3 8 as %u, the rest as bytes
    "电话%u0031%u0033%u0038%30%35%39%35%31%32%33%34",
    # the bytes first, then the escapes
    "电话%31%33%38%30%35%39%35%u0031%u0032%u0033%u0034",
])
def test_digits_escaped_with_percent_u_are_a_mobile(text):
    assert [(h.kind, h.value) for h in find(text)] == [("mobile", MOBILE)]


def test_a_percent_encoded_run_decodes_escapes_and_bytes_in_order():
    assert percent_decoded("%u0031%u0033%38") == "138"
    assert percent_decoded("%31%u0033%u0038") == "138"
    assert percent_decoded("%E4%B8%AD%u6587") == "中文"  # UTF-8 bytes of 中, then 文 (U+6587) escaped
    assert percent_decoded("%u4E2D%u6587%uFF11") == "中文１"


@pytest.mark.parametrize("text", [
    "电话138%E2%80%8B0595%E2%80%8B1234",  # U+200B zero width space, percent-encoded as UTF-8: nothing to a reader
    "电话138%u200B0595%u200B1234",  # the same, %u-escaped
    "电话138&#8203;0595&#8203;1234",  # the same, as a reference
    "电话&#9324;805951234",  # ⑬ is 13
    "电话%E2%91%AC805951234",  # ⑬ percent-encoded as UTF-8
    "电话%u246C805951234",  # ⑬ %u-escaped
])
def test_what_a_decoded_escape_shows_is_read(text):
    assert [(h.kind, h.value) for h in find(text)] == [("mobile", MOBILE)]
