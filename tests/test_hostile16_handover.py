"""Sixteenth hostile pass, over the handover to the 两馆 (DOMAIN.md §6, 闽政办函〔2016〕42号): the real CLI on a small
catalog in tmp_path, the expected figures typed by hand."""

from __future__ import annotations

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
