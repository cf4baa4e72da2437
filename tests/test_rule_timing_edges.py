"""Edges of the timing rules (GK402–GK405) that the one-fixture-per-rule table in test_rules.py does not reach.

Dates are counted by hand on the 2026 calendar: 2026-09-03 is a Thursday; three working days after it are
09-04 (Fri), 09-07 (Mon), 09-08 (Tue). No holiday falls in September before the National Day week.
"""

from __future__ import annotations


from conftest import CatalogDir
from rule_edges import findings, rec



POLICY = rec(文种="文种: 规范性文件", 公示截止="")
INTERPRETATION = rec(文种="文种: 政策解读", 索引号="索引号: 350524-MZ-2026-00002", 文号="", 公示截止="", 编号="编号: R2026-002")


def interpretation(cat: CatalogDir, published: str, rid: str = "R2026-002", attribute: str = "主动公开") -> None:
    text = rec(INTERPRETATION, 编号=f"编号: {rid}", 公开日期=f"公开日期: {published}", 公开属性=f"公开属性: {attribute}",
               索引号=f"索引号: 350524-MZ-2026-{int(rid[-3:]):05d}")
    cat.record(text, rel=f"records/2026/{rid}.yaml")


# GK402 公开时限: only 主动公开 records are judged; a late 公开日期 on an 依申请公开 record is no late publication
def test_late_date_on_a_record_that_is_not_public_is_not_published_late(gk, cat):
    cat.record(rec(公开日期="公开日期: 2026-09-30"))
    assert len(findings(gk, cat, "GK402")) == 1  # the same dates on a 主动公开 record are late (10 working days: 09-15)
    cat.record(rec(公开日期="公开日期: 2026-09-30", 公开属性="公开属性: 依申请公开", 公示截止="", 正文="")
               .replace("  经审核，现将名单予以公示。\n", ""))
    assert findings(gk, cat, "GK402") == []


# GK403 三同步: the days are the agency's own (检查 → 解读时限工作日), three by default
def test_interpretation_on_the_third_working_day_is_in_time_and_the_fourth_is_late(gk, cat):
    cat.record(POLICY + "解读: [R2026-002]\n")
    interpretation(cat, "2026-09-08")
    assert findings(gk, cat, "GK403") == []
    interpretation(cat, "2026-09-09")
    assert [d["message"] for d in findings(gk, cat, "GK403")] == [
        "政策解读 2026-09-09 才公开，晚于文件公开后3个工作日（2026-09-08）"]


def test_the_agencys_own_interpretation_days_are_used(gk, cat):
    cat.record(POLICY + "解读: [R2026-002]\n")
    interpretation(cat, "2026-09-04")
    assert findings(gk, cat, "GK403") == []
    cat.write("gongkai.yaml", cat.root.joinpath("gongkai.yaml").read_text(encoding="utf-8") + "检查:\n  解读时限工作日: 0\n")
    assert len(findings(gk, cat, "GK403")) == 1  # 同步: the same day only


def test_the_earliest_of_two_interpretations_counts(gk, cat):
    cat.record(POLICY + "解读: [R2026-002, R2026-003]\n")
    interpretation(cat, "2026-09-03")
    interpretation(cat, "2026-10-20", rid="R2026-003")  # a later 图解 of the same policy
    assert findings(gk, cat, "GK403") == []


def test_an_interpretation_that_is_not_public_is_no_interpretation(gk, cat):
    cat.record(POLICY + "解读: [R2026-002]\n")
    interpretation(cat, "2026-09-03", attribute="依申请公开")
    assert [d["message"] for d in findings(gk, cat, "GK403")] == ["关联的政策解读尚未主动公开"]


def test_a_policy_that_is_not_public_needs_no_published_interpretation(gk, cat):
    cat.record(rec(POLICY, 公开属性="公开属性: 依申请公开", 正文="").replace("  经审核，现将名单予以公示。\n", ""))
    assert findings(gk, cat, "GK403") == []


# GK405: today itself is not in the future
def test_a_record_published_today_is_not_dated_in_the_future(gk, cat):
    cat.record(rec(公开日期="公开日期: 2026-11-27", 成文日期="成文日期: 2026-11-27")
               .replace("审查日期: 2026-09-01", "审查日期: 2026-11-27"))
    assert findings(gk, cat, "GK405") == []
    assert [d["message"] for d in findings(gk, cat, "GK405", today="2026-11-26")] == [
        "成文日期 2026-11-27 在今天（2026-11-26）之后", "公开日期 2026-11-27 在今天（2026-11-26）之后"]
