"""Sixteenth hostile pass, over the handover to the 两馆 (DOMAIN.md §6, 闽政办函〔2016〕42号): the real CLI on a small
catalog in tmp_path, the expected figures typed by hand."""

from __future__ import annotations

from test_handover import ho  # noqa: F401  (the fixture)
from test_reports import LEDGER, _rows, _scorecard_catalog, _unit_row


# 1. A withdrawn record counted as a handover the unit missed. Found by the sixteenth pass: the scorecard's 按时移交率
# counted every 主动公开 record formed in the year, and a record withdrawn before anything was handed over — which the
# handover rightly never sends (DOMAIN §12: withdrawn from every channel, the 两馆 included) — stood as a record
# never handed over, for good: 社会救助股 got 50.0%（1/2） for doing what the law asks. A withdrawn record that was
# handed over still counts, by the day it was sent.
def test_a_record_withdrawn_before_it_was_handed_over_is_no_missed_handover(gk, cat, tmp_path):
    _scorecard_catalog(cat)
    cat.write("handover/2026-09-07.yaml", LEDGER)  # R2026-001 sent on 2026-09-07
    withdrawn = cat.root / "records/2026/R2026-002.yaml"  # published 2026-10-20, never sent
    withdrawn.write_text(withdrawn.read_text("utf-8") + "撤回:\n  日期: 2026-10-21\n  原因: 误将过程性信息公开\n", "utf-8")
    out = tmp_path / "card.xlsx"
    run = gk("report", "scorecard", cat.root, "-f", "xlsx", "-o", out)
    assert run.code == 0, run.err
    assert _unit_row(_rows(out, "考核表"), "社会救助股")[6] == "100.0%（1/1）"


def test_a_withdrawn_record_that_was_handed_over_still_counts(gk, cat, tmp_path):
    _scorecard_catalog(cat)
    cat.write("handover/2026-09-07.yaml", LEDGER)
    sent = cat.root / "records/2026/R2026-001.yaml"
    sent.write_text(sent.read_text("utf-8") + "撤回:\n  日期: 2026-10-21\n  原因: 误将过程性信息公开\n", "utf-8")
    out = tmp_path / "card.xlsx"
    assert gk("report", "scorecard", cat.root, "-f", "xlsx", "-o", out).code == 0
    assert _unit_row(_rows(out, "考核表"), "社会救助股")[6] == "50.0%（1/2）"  # R2026-001 on time, R2026-002 never sent


# 2. A batch made late looked punctual. Found by the sixteenth pass: `handover --date 2026-09-20` run on 2026-11-27
# wrote a ledger dated 2026-09-20 and nothing else, so the 备注 of the 目录表, GK506 and the scorecard's 按时移交率 all
# measured from 2026-09-20: two months late, counted on time. Now the ledger says 生成日期 when the batch is made after
# its date, and every figure measures from the day it was really handed over.
def _late_and_punctual(gk, ho, tmp_path, today):
    run = gk("handover", "--date", "2026-09-20", "--today", today, "-C", ho.root, "--out", tmp_path / today)
    assert run.code == 0, run.err
    return (ho.root / "handover/2026-09-20.yaml").read_text(encoding="utf-8")


def test_a_batch_made_on_its_day_is_punctual(gk, ho, tmp_path):
    ledger = _late_and_punctual(gk, ho, tmp_path, "2026-09-20")
    assert "生成日期" not in ledger
    manifest = (tmp_path / "2026-09-20" / "dag" / "data" / "manifest.csv").read_text(encoding="utf-8-sig")
    assert "超过20个工作日时限" not in manifest
    assert "GK506" not in gk("validate", ho.root, "--today", "2026-11-27").out


def test_a_batch_made_late_says_when_it_was_made_and_counts_late(gk, ho, tmp_path):
    ledger = _late_and_punctual(gk, ho, tmp_path, "2026-11-27")
    assert "批次日期: 2026-09-20\n生成日期: 2026-11-27\n" in ledger
    manifest = (tmp_path / "2026-11-27" / "dag" / "data" / "manifest.csv").read_text(encoding="utf-8-sig")
    assert manifest.count("超过20个工作日时限") == 2  # R2026-001 formed 09-01, R2026-002 formed 09-10
    run = gk("validate", ho.root, "--today", "2026-11-27")
    assert "GK506" in run.out and "2026-11-27 才送交两馆" in run.out, run.out
    # made again later, from its ledger: the same ledger, the day it was made kept
    again = gk("handover", "--date", "2026-09-20", "--today", "2026-11-30", "-C", ho.root, "--out", tmp_path / "again")
    assert again.code == 0, again.err
    assert (ho.root / "handover/2026-09-20.yaml").read_text(encoding="utf-8") == ledger
    assert (tmp_path / "again" / "dag" / "data" / "manifest.csv").read_text(encoding="utf-8-sig") == manifest


def test_the_scorecard_counts_a_batch_by_the_day_it_was_made(gk, cat, tmp_path):
    _scorecard_catalog(cat)
    cat.write("handover/2026-09-07.yaml", LEDGER.replace("批次日期: 2026-09-07\n", "批次日期: 2026-09-07\n生成日期: 2026-11-20\n"))
    out = tmp_path / "card.xlsx"
    run = gk("report", "scorecard", cat.root, "-f", "xlsx", "-o", out)
    assert run.code == 0, run.err
    assert _unit_row(_rows(out, "考核表"), "社会救助股")[6] == "0.0%（0/2）"  # R2026-001 sent two months after 09-07
