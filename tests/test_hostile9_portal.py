"""Ninth hostile pass over `gongkai export portal`: a withdrawal (撤回) names only what the portal had, as it had it.

Found by the ninth pass: every withdrawn web record went into the export as 撤回 with its title, index number and
reason, whether or not the portal ever received it — the first export (no ledger) and an export with --since named a
record withdrawn before the portal had it (its title was never public there), and a record whose title was changed
when it was withdrawn (「关于某某违纪问题的处理意见（内部）」) was withdrawn under its new title, which the portal never
had and the webmaster cannot find.
"""

from __future__ import annotations

import pytest

from portal_catalog import build, record
from test_hostile7_gate import holding
from test_portal import by_action, export

WITHDRAWN = "撤回:\n  日期: 2026-11-25\n  原因: 误将内部事务信息作为主动公开信息发布\n"


@pytest.fixture
def pc(cat):
    return build(cat)


def test_the_first_export_names_no_withdrawal_of_a_record_the_portal_never_had(gk, pc, tmp_path):
    # R2026-016 of the shared catalog: published 2026-10-10, withdrawn 2026-11-20, before any export
    out = tmp_path / "out"
    document = export(gk, pc, out, "--today", "2026-11-27")
    assert "撤回" not in by_action(document)
    assert holding(out, "已撤回庚号通知", "350524-MZ-2026-00016", "误将内部事务信息") == []
    assert "已撤回庚号通知" not in (pc.root / "portal/2026-11-27.yaml").read_text(encoding="utf-8")


def test_since_names_no_withdrawal_of_a_record_published_after_it(gk, pc, tmp_path):
    # published on 2026-11-21, after --since 2026-11-20 (so never on the portal), withdrawn on 2026-11-25
    pc.write("records/2026/R2026-019.yaml", record("R2026-019", "癸号内部通知", published="2026-11-21",
                                                   channels="政府网站", extra=WITHDRAWN))
    out = tmp_path / "out"
    document = export(gk, pc, out, "--today", "2026-11-27", "--since", "2026-11-20")
    assert by_action(document)["撤回"] == {"R2026-016"}  # published 10-10, on the portal before --since
    assert holding(out, "癸号内部通知", "350524-MZ-2026-00019") == []


def test_a_withdrawal_names_the_record_as_the_portal_had_it(gk, pc, tmp_path):
    export(gk, pc, tmp_path / "1", "--today", "2026-11-27")
    text = (pc.root / "records/2026/R2026-010.yaml").read_text(encoding="utf-8")
    secret = "关于陈某某违纪问题的处理意见（内部）"
    pc.write("records/2026/R2026-010.yaml", text.replace("题名: 测试县民政局关于网站通知甲的通知", f"题名: {secret}")
             .replace("350524-MZ-2026-00010", "350524-MZ-2026-00099")
             .replace("正文:", "撤回:\n  日期: 2026-11-30\n  原因: 误发布\n正文:"))
    out = tmp_path / "2"
    document = export(gk, pc, out, "--today", "2026-11-30")
    assert document["信息"] == [{"操作": "撤回", "编号": "R2026-010", "索引号": "350524-MZ-2026-00010",
                                "标题": "测试县民政局关于网站通知甲的通知", "撤回日期": "2026-11-30", "撤回原因": "误发布"}]
    assert holding(out, secret, "350524-MZ-2026-00099") == []
    assert secret not in (pc.root / "portal/2026-11-30.yaml").read_text(encoding="utf-8")
