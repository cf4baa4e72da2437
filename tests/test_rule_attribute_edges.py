"""Edges of the 公开属性 rules (GK302, GK306, GK309) that the one-fixture-per-rule table in test_rules.py misses."""

from __future__ import annotations


from conftest import RECORD, CatalogDir
from rule_edges import TODAY, findings, rec

BODY = "正文: |\n  经审核，现将名单予以公示。\n"


def found(gk, cat: CatalogDir, code: str) -> list[tuple[str, str]]:
    return [(".".join(map(str, d["field"])) if d.get("field") else "", d["message"])
            for d in findings(gk, cat, code, TODAY)]


ON_REQUEST = rec(RECORD.replace(BODY, ""), 公开属性="公开属性: 依申请公开", 公开日期="", 公示截止="")


def test_a_ground_on_a_record_that_is_not_withheld_is_reported(gk, cat):
    cat.record(RECORD + "不予公开理由: 个人隐私\n")
    assert [m for _, m in found(gk, cat, "GK302")] == ["信息的公开属性是「主动公开」，却写了不予公开理由"]


def test_a_forward_marked_on_request_of_a_proactive_original_is_reported(gk, cat):
    # the forwarded document is 主动公开; the bureau's 转发件 is not: the attribute follows the original
    cat.record(ON_REQUEST + "转发: R2026-002\n")
    cat.record(rec(编号="编号: R2026-002", 索引号="索引号: 350524-MZ-2026-00002"), rel="records/2026/R2026-002.yaml")
    assert [m for _, m in found(gk, cat, "GK306")] == ["转发件的公开属性「依申请公开」与原文件 R2026-002 的「主动公开」不同"]


def test_attachments_on_a_record_that_is_not_public_are_reported_as_attachments(gk, cat):
    cat.write("files/2026/底稿.pdf", b"%PDF-1.4\n%%EOF\n")
    cat.record(ON_REQUEST + "附件:\n  - 名称: 底稿\n    文件: files/2026/底稿.pdf\n")
    assert [m for _, m in found(gk, cat, "GK309")] == ["依申请公开的信息登记了附件"]
