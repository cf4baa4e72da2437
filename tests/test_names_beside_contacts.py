"""A list of people written in a sentence that goes on to a 监督电话, 咨询 or 联系人 — the way a 公示 ends — is still a
list of people. Before, any of these words anywhere in the sentence (meant for 「低保咨询电话：陈明、林华」, staff named
as contacts) made the names no list: the record was indexed by name and stayed up after its period. Now only the clause
that leads into the names and the clause they stand in say who they are.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from conftest import RECORD, CatalogDir
from gongkai.privacy.titles import enumerated_names

RECIPIENTS = {"陈水生", "林阿妹", "黄明德"}


@pytest.mark.parametrize("text", [
    "经审核，陈水生、林阿妹、黄明德获得临时救助，监督电话：0595-23222619。",
    "经审核，陈水生、林阿妹、黄明德获得临时救助，联系人：林华，电话0595-23222619。",
    "临时救助对象：陈水生、林阿妹、黄明德，如有异议请拨打电话0595-23222619反映。",
    "陈水生、林阿妹、黄明德三户获得低保，咨询请联系社会救助股。",
    "经审核，陈水生、林阿妹、黄明德获得临时救助，经办人：林华。",
])
def test_recipients_before_the_contacts_of_a_notice_are_a_list(text):
    assert enumerated_names(text) == RECIPIENTS


def test_a_person_described_before_the_supervision_phone_is_a_list():
    text = "陈水生，男，65岁，经兜村村民，申请临时救助，如有异议请拨打监督电话0595-23222619。"
    assert enumerated_names(text) == {"陈水生"}


@pytest.mark.parametrize("text", [
    "低保咨询电话：陈明、林华、黄强（社会救助股）。",  # contacts, led into by what they are
    "社会救助工作人员：陈明、林华、黄强。",
    "经研究，陈志强、林建华、黄明德同志任社会救助股副股长。",  # officials, in the clause of their names
    "救助咨询：陈明，男，社会救助股。",  # a contact described
    "陈明，男，1975年出生，现任社会救助股股长。",  # an official described
    "会议参加人员：王局长、李主任、张书记，研究低保工作。",  # posts in the names themselves
    "现将社会救助投诉举报电话公告如下：\n项目　内容\n社会救助投诉举报电话　0595-23222619",  # a table header
])
def test_staff_and_contacts_are_no_list(text):
    assert enumerated_names(text) == frozenset()


def test_such_a_notice_is_never_indexed_by_name(gk, cat: CatalogDir, tmp_path: Path) -> None:
    body = "  经审核，陈水生、林阿妹、黄明德获得临时救助，监督电话：0595-23000000。\n"
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", body))
    assert gk("build-site", cat.root, "--out", tmp_path / "site").code == 0
    site = tmp_path / "site"
    page = (site / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "R2026-001" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    texts = [gzip.decompress(p.read_bytes()).decode("utf-8") if p.suffix == ".gz" else p.read_text(encoding="utf-8")
             for p in (site / "search").rglob("*") if p.is_file() and p.suffix in (".gz", ".json")]
    assert texts and not [t for t in texts if "陈水" in t or "水生" in t or "阿妹" in t or "明德" in t]
