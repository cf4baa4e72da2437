"""Edges of the handover rules (GK501–GK510) that the handover tests miss: the days on the limit, the agency's own
limit, records not yet published, records asked back, and a record sent again after a letter and then once more.

Days counted by hand on the 2026 calendar: R2026-001 is formed on 2026-09-01 (Tuesday). Working days after it:
09-02, 09-03, 09-04 (3), 09-07 … 09-11 (8), 09-14 … 09-18 (13), Sunday 09-20 (调休, a working day: 14),
09-21 … 09-24 (18; 09-25 is 中秋节), 09-28 (19), 09-29 (20), 09-30 (21). So the 20th working day is 2026-09-29 and
the 10th is 2026-09-15.
"""

from __future__ import annotations


from conftest import RECORD, CatalogDir
from rule_edges import TODAY, findings, rec


def ledger(cat: CatalogDir, day: str, sent: str = "R2026-001", recalls: str = "") -> None:
    text = (f"批次日期: {day}\n覆盖期间: {{开始: 2026-08-21, 结束: {day}}}\n接收单位: [dag, tsg]\n"
            + (f"信息:\n  - 编号: {sent}\n" if sent else "") + recalls)
    cat.write(f"handover/{day}.yaml", text)


def recall(action: str, sent_in: str, rid: str = "R2026-001") -> str:
    return f"撤换:\n  - 编号: {rid}\n    方式: {action}\n    原批次: {sent_in}\n"


def found(gk, cat: CatalogDir, code: str, today: str = TODAY) -> list[str]:
    return [d["message"] for d in findings(gk, cat, code, today)]


def test_a_record_sent_on_the_twentieth_working_day_is_in_time_and_on_the_next_late(gk, cat):
    ledger(cat, "2026-09-29")
    assert found(gk, cat, "GK506") == []
    (cat.root / "handover/2026-09-29.yaml").unlink()
    ledger(cat, "2026-09-30")
    assert found(gk, cat, "GK506") == ["信息 R2026-001 成文于 2026-09-01，2026-09-30 才送交两馆，用了21个工作日，超过20个工作日"]


def test_the_agencys_own_limit_is_used(gk, cat):
    ledger(cat, "2026-09-15")
    assert found(gk, cat, "GK506") == []
    text = cat.root.joinpath("gongkai.yaml").read_text(encoding="utf-8")
    cat.write("gongkai.yaml", text.replace("  份数: 2\n", "  份数: 2\n  时限工作日: 9\n"))
    assert found(gk, cat, "GK506") == ["信息 R2026-001 成文于 2026-09-01，2026-09-15 才送交两馆，用了10个工作日，超过9个工作日"]


def test_a_record_not_sent_is_overdue_the_day_after_its_last_day(gk, cat):
    ledger(cat, "2026-09-07", sent="")  # a batch with nothing in it: the catalog keeps ledgers
    cat.record(RECORD, rel="records/2026/R2026-001.yaml")
    assert found(gk, cat, "GK507", today="2026-09-29") == []
    assert len(found(gk, cat, "GK507", today="2026-09-30")) == 1


def test_a_public_record_without_its_publication_day_is_not_waiting_for_the_handover(gk, cat):
    ledger(cat, "2026-09-07", sent="")
    cat.record(rec(公开日期=""))
    assert found(gk, cat, "GK507") == []
    assert found(gk, cat, "GK501") == []  # nothing to send yet, so nothing it lacks for sending


def test_a_record_asked_back_by_letter_after_it_became_not_public_is_settled(gk, cat):
    cat.record(rec(RECORD.replace("正文: |\n  经审核，现将名单予以公示。\n", ""), 公开属性="公开属性: 依申请公开",
                   公示截止=""))
    ledger(cat, "2026-09-07")
    assert found(gk, cat, "GK508") == ["台账列出的信息 R2026-001 的公开属性是「依申请公开」"]
    ledger(cat, "2026-09-21", sent="", recalls=recall("撤回", "2026-09-07"))
    assert found(gk, cat, "GK508") == []


def test_a_record_sent_again_after_a_letter_and_then_once_more_without_one_is_sent_twice(gk, cat):
    ledger(cat, "2026-09-07")
    ledger(cat, "2026-09-21", recalls=recall("更换", "2026-09-07"))  # the new version, with its letter
    assert found(gk, cat, "GK509") == []
    ledger(cat, "2026-10-09")  # once more, without a letter: the 两馆 hold it twice
    assert found(gk, cat, "GK509") == ["信息 R2026-001 已在 2026-09-21 的批次中送交，不应再次送交"]


def test_a_letter_in_the_batch_that_first_sent_the_record_does_not_excuse_a_later_one(gk, cat):
    ledger(cat, "2026-09-07", recalls=recall("更换", "2026-08-20"))
    ledger(cat, "2026-09-21")
    assert found(gk, cat, "GK509") == ["信息 R2026-001 已在 2026-09-07 的批次中送交，不应再次送交"]
