"""Nineteenth hostile pass over the publishing gate's numbers (issue 11), as a clerk, a citizen and an inspector
would write them.

Found by this pass:
- A mobile number split after its first one or two digits by a mark or symbol that separates no list entries
  (1^3805951234, 13°805951234, 1˘3805951234, 13'805951234) passed validate: a group of one or two digits joined
  nothing across any punctuation. Now that rule holds only across the marks that stand between list entries, columns
  or the thousands of an amount (第1、2、3条, 1,320, 【1】, 1|2), and the ordinary forms stay words.
"""

from __future__ import annotations

import json

import pytest

from conftest import RECORD

# Values typed by hand: 13805951234 is a mobile (1[3-9] and eleven digits); 350524198503151236 is an ID whose
# GB 11643 check digit is 6 (Σ aᵢ·wᵢ mod 11 = 4 → 6).
MOBILE = "13805951234"
MASKED_MOBILE = "138****1234"


def _validate(gk, cat, body: str):
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", "".join(f"  {line}\n" for line in body.split("\n"))))
    run = gk("validate", "-f", "json", "--no-cache", cat.root)
    return run, [d for d in run.json()["diagnostics"] if d["code"].startswith("GK6")]


@pytest.mark.parametrize("written", [
    "联系电话1^3805951234",
    "联系电话13°805951234",
    "联系电话1˘3805951234",
    "联系电话13'805951234",
    "联系电话1380595123¨4",
    "联系电话1※3805951234",
])
def test_short_first_or_last_group_across_a_symbol_is_still_the_number(gk, cat, written):
    run, found = _validate(gk, cat, written)
    assert run.code == 1
    assert [d["code"] for d in found] == ["GK602"]
    assert MASKED_MOBILE in found[0]["message"]
    assert MOBILE not in run.out


@pytest.mark.parametrize("written", [
    "第1、2、3条",
    "资金1,320元，其中1、3805条",
    "【1】3805名，【2】1234名",
    "见表1|2026年|第3季度",
    "1、2026年第3季度共发放12,345元",
])
def test_list_entries_and_amounts_stay_words(gk, cat, written):
    run, found = _validate(gk, cat, written)
    assert found == [], json.dumps(found, ensure_ascii=False)
