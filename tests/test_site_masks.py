"""A masked number or name is shown on the page exactly as masked: its asterisks are not Markdown emphasis.

Before, 138****8000 in a body was shown as 138 and a bold 8000 (the reader saw 1388000), and 陈*水，李*明 put 水，李
in italics (the names read 陈水，李明). Expected page text typed by hand.
"""

from __future__ import annotations

import re

import pytest

from conftest import RECORD

BODY = "正文: |\n  经审核，现将名单予以公示。\n"


@pytest.mark.parametrize(("written", "shown"), [
    ("联系电话 138****8000，身份证号 35*************123。", "联系电话 138****8000，身份证号 35*************123。"),
    ("身份证号 35*************123，银行卡 6222***********0128。", "身份证号 35*************123，银行卡 6222***********0128。"),
    ("名单：陈*水，李*明，张**。", "名单：陈*水，李*明，张**。"),
    ("尾号****5678的申请人", "尾号****5678的申请人"),
])
def test_a_mask_is_shown_as_written(gk, cat, tmp_path, written, shown):
    cat.record(RECORD.replace(BODY, f"正文: |\n  {written}\n"))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    page = (site / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert f"<p>{shown}</p>" in page
    assert not re.search(r"<(em|strong)>", page.split("<main", 1)[1])


def test_emphasis_the_clerk_meant_stays(gk, cat, tmp_path):
    cat.record(RECORD.replace(BODY, "正文: |\n  这是**重点**内容，*请注意*。\n"))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    page = (site / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert "<p>这是<strong>重点</strong>内容，<em>请注意</em>。</p>" in page
