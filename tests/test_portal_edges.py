"""export portal on the edges of its days: --since, a record's withdrawal and loss of force, the ledger, the order.

The fixture is tests/portal_catalog.py (R2026-010 on the web since 11-02, R2026-014 since 11-24, R2026-016 withdrawn
on 11-20). Each expectation is worked by hand from the rule the README states for `export portal`.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CatalogDir
from portal_catalog import BOARD, build, record


@pytest.fixture
def pc(cat: CatalogDir) -> CatalogDir:
    return build(cat)


def export(gk, cat: CatalogDir, out: Path, *args: str) -> list[dict]:
    run = gk("export", "portal", cat.root, "--out", out, *args)
    assert run.code == 0, run.err
    return json.loads((out / "portal.json").read_text(encoding="utf-8"))["信息"]


def actions(entries: list[dict]) -> list[tuple[str, str]]:
    return [(e["操作"], e["编号"]) for e in entries]


def test_a_record_gone_from_the_catalog_is_taken_down_once(gk, pc, tmp_path):
    export(gk, pc, tmp_path / "1", "--today", "2026-11-27")
    (pc.root / "records/2026/R2026-010.yaml").unlink()
    second = export(gk, pc, tmp_path / "2", "--today", "2026-11-30")
    assert actions(second) == [("撤回", "R2026-010")]
    assert second[0]["撤回日期"] == "2026-11-30" and second[0]["标题"] == "测试县民政局关于网站通知甲的通知"
    assert export(gk, pc, tmp_path / "3", "--today", "2026-12-01") == []  # the ledger of the 30th says it is down


@pytest.mark.parametrize(("since", "sent"), [("2026-11-24", True), ("2026-11-25", False)])
def test_a_record_published_on_the_since_day_is_new(gk, pc, tmp_path, since, sent):
    # --since says what the portal got by hand before that day; R2026-014 came out on 11-24
    entries = export(gk, pc, tmp_path / "out", "--today", "2026-11-27", "--since", since)
    assert (("新增", "R2026-014") in actions(entries)) is sent


@pytest.mark.parametrize(("since", "sent"), [("2026-07-01", True), ("2026-07-02", False)])
def test_a_document_that_lapsed_on_the_since_day_is_sent_as_changed(gk, pc, tmp_path, since, sent):
    pc.write("records/2026/R2026-002.yaml", record(
        "R2026-002", "二〇二五年低保标准乙", kind="政策文件", published="2026-03-02", channels="政府网站",
        extra="有效性: 失效\n有效性日期: 2026-07-01\n"))
    entries = export(gk, pc, tmp_path / "out", "--today", "2026-07-10", "--since", since)
    assert (("更新", "R2026-002") in actions(entries)) is sent


def test_a_record_published_on_the_since_day_and_withdrawn_is_named_nowhere(gk, pc, tmp_path):
    # out on 11-21 (after the portal's hand-loaded state of --since 11-21), withdrawn on 11-23: the portal never had it
    pc.write("records/2026/R2026-030.yaml", record(
        "R2026-030", "当日新发即撤回通知", published="2026-11-21", channels="政府网站",
        extra="撤回:\n  日期: 2026-11-23\n  原因: 误发布\n"))
    entries = export(gk, pc, tmp_path / "out", "--today", "2026-11-27", "--since", "2026-11-21")
    assert "R2026-030" not in {e["编号"] for e in entries}
    assert "当日新发即撤回通知" not in (tmp_path / "out/portal.json").read_text(encoding="utf-8")


def test_a_board_record_withdrawn_after_since_is_not_the_portals_business(gk, pc, tmp_path):
    pc.write("records/2026/R2026-030.yaml", record(
        "R2026-030", "公示栏专用撤回通知", published="2026-11-02", unit="mzb-102", channels=BOARD,
        extra="撤回:\n  日期: 2026-11-23\n  原因: 误张贴\n"))
    entries = export(gk, pc, tmp_path / "out", "--today", "2026-11-27", "--since", "2026-11-20")
    assert "R2026-030" not in {e["编号"] for e in entries}


def test_the_ledger_keeps_no_fingerprint_of_what_was_taken_down(gk, pc, tmp_path):
    export(gk, pc, tmp_path / "1", "--today", "2026-11-27")
    text = (pc.root / "records/2026/R2026-010.yaml").read_text(encoding="utf-8")
    pc.write("records/2026/R2026-010.yaml", text.replace("正文:", "撤回:\n  日期: 2026-11-30\n  原因: 误发布\n正文:"))
    export(gk, pc, tmp_path / "2", "--today", "2026-11-30")
    ledger = (pc.root / "portal/2026-11-30.yaml").read_text(encoding="utf-8")
    row = ledger[ledger.index("编号: R2026-010"):]
    row = row[:row.index("\n- ") if "\n- " in row else len(row)]
    assert "操作: 撤回" in row and "指纹" not in row


def test_entries_of_one_action_follow_their_publication_days(gk, pc, tmp_path):
    # ids in the reverse order of their days: the webmaster adds them as they came out
    pc.write("records/2026/R2026-031.yaml", record("R2026-031", "十一月三日通知", published="2026-11-03",
                                                   channels="政府网站"))
    pc.write("records/2026/R2026-032.yaml", record("R2026-032", "十一月一日通知", published="2026-11-01",
                                                   channels="政府网站"))
    entries = export(gk, pc, tmp_path / "out", "--today", "2026-11-27")
    added = [e["编号"] for e in entries if e["操作"] == "新增"]
    assert added.index("R2026-032") < added.index("R2026-010") < added.index("R2026-031") < added.index("R2026-014")
