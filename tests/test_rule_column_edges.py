"""Edges of the column rules (GK901, GK906) that the one-fixture-per-rule table in test_rules.py misses."""

from __future__ import annotations


from conftest import CatalogDir
from rule_edges import TODAY, findings, rec



REPORT = rec(文种="文种: 年度报告", 公示截止="") + "报告年度: 2025\n"


def found(gk, cat: CatalogDir, code: str, today: str = TODAY) -> list[tuple[str, str]]:
    return [(d["message"], d["hint"]) for d in findings(gk, cat, code, today)]


def _settings(cat: CatalogDir, old: str, new: str) -> None:
    text = cat.root.joinpath("gongkai.yaml").read_text(encoding="utf-8")
    assert old in text
    cat.write("gongkai.yaml", text.replace(old, new))


def test_online_applications_without_their_address_are_told_to_give_the_systems_address(gk, cat):
    _settings(cat, "方式: [当面提交, 邮寄]", "方式: [当面提交, 网上申请]")
    assert found(gk, cat, "GK901") == [(
        "申请方式有「网上申请」，但没有写网上申请地址，指南中不会列出这种方式",
        "加上「网上申请地址: https://……」（县政府依申请公开系统的网址），或从「方式」中删去「网上申请」。")]


def test_a_fax_without_its_number_is_told_to_give_it_with_no_web_address_example(gk, cat):
    _settings(cat, "方式: [当面提交, 邮寄]", "方式: [当面提交, 传真]")
    assert [hint for _, hint in found(gk, cat, "GK901")] == ["加上「传真: ……」，或从「方式」中删去「传真」。"]


def test_a_report_withdrawn_today_no_longer_counts_as_a_second(gk, cat):
    withdrawal = "撤回:\n  日期: {}\n  原因: 重新上传了修订后的报告\n"
    cat.record(REPORT)
    second = rec(REPORT, 编号="编号: R2026-002", 索引号="索引号: 350524-MZ-2026-00002")
    cat.record(second + withdrawal.format("2026-11-28"), rel="records/2026/R2026-002.yaml")
    assert len(found(gk, cat, "GK906")) == 1  # withdrawn tomorrow: still out today
    cat.record(second + withdrawal.format("2026-11-27"), rel="records/2026/R2026-002.yaml")
    assert found(gk, cat, "GK906") == []


def test_one_report_registered_in_two_files_is_a_duplicate_id_not_a_second_report(gk, cat):
    cat.record(REPORT)
    cat.record(REPORT, rel="records/2026/R2026-001-副本.yaml")
    assert found(gk, cat, "GK906") == []  # GK201 and GK203 say what is wrong
