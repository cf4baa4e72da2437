"""Eighth hostile pass over the detectors: numbers that a reader sees whole but the scans did not join — groups
apart by a symbol beyond U+FFFF (an emoji: 138📞0013📞8000), and letters drawn like digits at an end of the number
(l38OOl38OOO). Each form is found in a field, printed masked by validate (the CI log), and reaches no page."""

from __future__ import annotations

import re

import pytest

from conftest import RECORD
from gongkai.privacy.detect import find
from gongkai.privacy.mask import mask_log
from test_hostile7_gate import holding

MOBILE = "13800138000"
ID = "350524198503151236"

FORMS = {
    "138📞0013📞8000": ("mobile", MOBILE),
    "138🔥0013🔥8000": ("mobile", MOBILE),
    "138 👉 0013 👉 8000": ("mobile", MOBILE),
    "350524🌟19850315🌟1236": ("id", ID),
    "l38OOl38OOO": ("mobile", MOBILE),
    "13800138OOO": ("mobile", MOBILE),
    "I3800138000": ("mobile", MOBILE),
    "电话l3800138000": ("mobile", MOBILE),
    "35O524l985O3l5l236": ("id", ID),
}


@pytest.mark.parametrize("text", sorted(FORMS))
def test_the_form_is_found_and_masked(text):
    assert [(h.kind, h.value) for h in find(text)] == [FORMS[text]]
    assert re.sub(r"\D", "", mask_log(text)) != FORMS[text][1]


@pytest.mark.parametrize("text", ["第1😀2😀3条", "2026年🎉12月", "ISO 9001", "No.12号", "Ol 2026", "第l3号", "1O人",
                                  "SHJZ-001", "测民〔2026〕1号 📄 350524-MZ-2026-00001", "联系电话☎0595-23000000"])
def test_what_is_no_number_stays_fine(text):
    assert list(find(text, frozenset({"0595-23000000", "059523000000"}))) == []


def test_an_emoji_is_no_separator_in_data():
    # in what gongkai writes (JSON, CSV, the search index) a symbol separates values, as «|» does
    assert list(find("138📞0013📞8000", data=True)) == []


@pytest.mark.parametrize("text", ["138📞0013📞8000", "l38OOl38OOO"])
def test_validate_prints_it_masked_and_build_site_holds_the_record_back(gk, cat, tmp_path, text):
    cat.record(RECORD.replace("经审核，现将名单予以公示。", f"咨询电话：{text}"))
    for form in ("text", "github", "sarif", "json"):
        run = gk("validate", cat.root, "--format", form)
        assert run.code == 1 and "GK602" in run.out
        assert text not in run.out and MOBILE not in re.sub(r"\D", "", run.out)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert not (site / "records" / "R2026-001.html").exists()
    assert holding(site, text, MOBILE) == []
