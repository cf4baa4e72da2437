"""Edges of the publication rules (GK410–GK420) that the one-fixture-per-rule table in test_rules.py misses.

Days by hand on the 2026 calendar: 2026-09-03 is a Thursday; the 公示 counts its 公开日期 as the first day.
"""

from __future__ import annotations


from conftest import ITEM, RECORD, CatalogDir
from rule_edges import TODAY, findings, rec

BODY = "正文: |\n  经审核，现将名单予以公示。\n"


def found(gk, cat: CatalogDir, code: str) -> list[tuple[str, str]]:
    return [(d["message"], d["hint"]) for d in findings(gk, cat, code, TODAY)]


def on_request(text: str) -> str:
    """*text* as an 依申请公开 record: not published anywhere, whatever else it says."""
    return rec(text.replace(BODY, ""), 公开属性="公开属性: 依申请公开")


def test_channels_of_a_record_not_public_are_no_channel_finding(gk, cat):
    cat.record(RECORD + "公开渠道: [两微一端]\n")
    assert len(found(gk, cat, "GK410")) == 1
    cat.record(on_request(RECORD + "公开渠道: [两微一端]\n"))
    assert found(gk, cat, "GK410") == []  # GK309 says to delete the channels: no second finding


def test_a_notice_not_public_needs_no_period(gk, cat):
    cat.record(rec(公示截止=""))
    assert len(found(gk, cat, "GK411")) == 1
    cat.record(on_request(rec(公示截止="")))
    assert found(gk, cat, "GK411") == []


def test_a_short_period_of_a_notice_not_public_is_no_short_notice(gk, cat):
    cat.record(rec(公示截止="公示截止: 2026-09-10"))
    assert len(found(gk, cat, "GK412")) == 1
    cat.record(on_request(rec(公示截止="公示截止: 2026-09-10")))
    assert found(gk, cat, "GK412") == []


def test_a_period_in_calendar_days_is_counted_and_mended_in_calendar_days(gk, cat):
    # an item without a legal minimum promising 「公示7天」: 09-03 … 09-09 is seven days, 09-08 six
    cat.item(ITEM.replace("一级事项: 最低生活保障", "一级事项: 临时救助")
             .replace("公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 制定或获取信息之日起10个工作日内，公示7天"))
    cat.record(rec(公示截止="公示截止: 2026-09-09"))
    assert found(gk, cat, "GK412") == []
    cat.record(rec(公示截止="公示截止: 2026-09-08"))
    assert found(gk, cat, "GK412") == [(
        "公示期只有6天，少于规定的7天（事项 SHJZ-001 的公开时限「制定或获取信息之日起10个工作日内，公示7天」）",
        "改为「公示截止: 2026-09-09」（公开日期当天算第1天）。")]


POLICY = rec(文种="文种: 规范性文件", 公示截止="")


def test_a_policy_not_public_needs_no_validity(gk, cat):
    cat.record(POLICY)
    assert [m for m, _ in found(gk, cat, "GK413")] == ["规范性文件没有写明有效性"]
    cat.record(on_request(POLICY))
    assert found(gk, cat, "GK413") == []


def test_a_repeal_day_is_the_day_of_a_repealed_policy(gk, cat):
    cat.record(POLICY + "有效性: 废止\n")
    assert [m for m, _ in found(gk, cat, "GK413")] == ["有效性为「废止」，但没有写明日期"]
    cat.record(POLICY + "有效性: 废止\n废止日期: 2026-10-01\n")
    assert found(gk, cat, "GK413") == []


def _pair(cat: CatalogDir, old_extra: str, new_extra: str) -> None:
    """R2026-001 (a lapsed policy) and R2026-002 (the one in force), each with the lines given."""
    cat.record(POLICY + "有效性: 失效\n有效性日期: 2026-10-01\n" + old_extra)
    cat.record(rec(POLICY, 编号="编号: R2026-002", 索引号="索引号: 350524-MZ-2026-00002", 文号="文号: 测民〔2026〕2号")
               + "有效性: 有效\n" + new_extra, rel="records/2026/R2026-002.yaml")
    cat.record(rec(POLICY, 编号="编号: R2026-003", 索引号="索引号: 350524-MZ-2026-00003", 文号="文号: 测民〔2026〕3号")
               + "有效性: 有效\n", rel="records/2026/R2026-003.yaml")


def test_a_replacement_named_from_the_old_side_only_is_enough(gk, cat):
    _pair(cat, "被替代: R2026-002\n", "")
    assert found(gk, cat, "GK414") == []


def test_a_replacement_listing_other_documents_must_list_this_one(gk, cat):
    _pair(cat, "被替代: R2026-002\n", "替代: [R2026-003]\n")
    assert ("R2026-002 的「替代」没有列出 R2026-001", "在 R2026-002 的「替代」中加上 R2026-001。") in found(gk, cat, "GK414")


def test_a_document_replacing_one_replaced_by_another_is_reported(gk, cat):
    # R2026-002 says it replaces R2026-001, but R2026-001 says R2026-003 replaced it
    _pair(cat, "被替代: R2026-003\n", "替代: [R2026-001]\n")
    assert ("R2026-001 没有写「被替代: R2026-002」", "在 R2026-001 中加上「被替代: R2026-002」和有效性。") \
        in found(gk, cat, "GK414")


def test_a_withdrawal_of_a_record_never_public_is_reported(gk, cat):
    withdrawal = "撤回:\n  日期: 2026-10-16\n  原因: 误发布\n"
    cat.record(RECORD + withdrawal)
    assert found(gk, cat, "GK415") == []
    cat.record(on_request(RECORD) + withdrawal)  # it has a 公开日期, but it was never 主动公开
    assert [m for m, _ in found(gk, cat, "GK415")] == ["没有主动公开过的信息不需要撤回"]


def test_a_period_told_in_the_body_of_a_record_not_public_is_not_compared(gk, cat):
    told = RECORD.replace("  经审核，现将名单予以公示。\n", "  经审核，现将名单予以公示。公示期：2026年9月3日至9月11日。\n")
    cat.record(told)
    assert len(found(gk, cat, "GK420")) == 1  # 公示截止 2026-12-31 against the body's 9月11日
    cat.record(rec(told, 公开属性="公开属性: 依申请公开"))
    assert found(gk, cat, "GK420") == []
