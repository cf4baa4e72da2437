"""A character reference or a percent-encoded byte that stands for an invisible character or a two-digit circled
number: the page shows what it stands for (CommonMark decodes references in a body; a browser decodes them in a
page and percent-encoding in a link), so the scans must read it as that character. Found while speeding up the
output scan (tenth session): «138&#8203;1234&#8203;5678» reached the site, shown as 13812345678.
"""

from __future__ import annotations

import pytest

from conftest import RECORD
from gongkai.privacy.detect import find
from test_hostile7_gate import assert_held_back

# Each shows 13805951234 (or a two-digit part of it) to a reader; typed by hand.
WRITTEN = [
    "138&#8203;0595&#8203;1234",  # zero-width space, decimal
    "138&#x200B;0595&#x200b;1234",  # zero-width space, hex
    "138&#xFEFF;0595&#65279;1234",  # byte-order mark
    "138&#173;0595&#173;1234",  # soft hyphen
    "138&shy;0595&shy;1234",  # soft hyphen by name
    "138&#x2060;0595&#8288;1234",  # word joiner
    "&#9324;805951234",  # ⑬ = 13
    "138%E2%80%8B0595%E2%80%8B1234",  # zero-width spaces, percent-encoded
]


@pytest.mark.parametrize("text", WRITTEN)
def test_the_detector_reads_a_reference_as_the_character_it_stands_for(text):
    assert [(h.kind, h.value) for h in find(f"联系电话：{text}")] == [("mobile", "13805951234")], text


@pytest.mark.parametrize("text", ["138&#8203;0595&#8203;1234", "&#9324;805951234",
                                  "[拨打](tel:138%E2%80%8B0595%E2%80%8B1234)"])  # a link a phone dials
def test_a_record_showing_such_a_number_is_held_back(gk, cat, tmp_path, text):
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", f"  经审核，现将名单予以公示。联系电话：{text}\n"))
    assert_held_back(gk, cat, tmp_path, "13805951234")
    assert "GK602" in gk("validate", cat.root).out
