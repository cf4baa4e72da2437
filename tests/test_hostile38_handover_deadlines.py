"""Fortieth session, hostile pass on the handover days and ledgers (h201): the clerk who hands the 主动公开 documents
to the county archives and library on the 5th and 20th, checking what validate says against what gongkai handover
does. The real CLI in-process on small catalogs in tmp dirs; every expected value typed by hand.

Found (before the fix → now):
1. A record withdrawn (「撤回」) before any batch sent it — the bundled catalog's own R2026-030, published on 10-15 and
   withdrawn on 10-16 — is rightly never sent by gongkai handover, without a word. validate said, on every run and for
   ever, GK507 「应于 2026-11-11 前送交两馆，至今尚未送交」 with 「补送这条信息」, and GK501 「没有附件，无法向两馆送交电子
   文件」: advice the clerk could never follow (handover would not send it). The same for a record sent, withdrawn and
   taken back by the 撤换公函: once the letter asked for it, validate called it overdue again. Now a record withdrawn
   by today waits for no batch (rules.handover._waiting, Record.withdrawn_by): validate and handover agree.
2. `gongkai deadline explain R2026-004` counted the 移交两馆时限 day by day and stopped at the date: not whether the
   record was sent, when, in time or not — validate said GK507 「至今尚未送交」 of it, GK506 of one sent late, and the
   clerk had to read the ledgers to learn which. A withdrawn record was given a handover deadline it never had. Now the
   count ends with what validate judges (publication.handover.delivery_of): 「2026-09-07 送交两馆，在期限 2026-09-29
   内。」 and its ledger, 「晚于期限」, 「尚未送交两馆，已超过期限 … (GK507)」, 「已撤回 … 不送交」, a 补登 batch, or that
   the catalog keeps no ledger yet.
3. A record whose 公开日期 is still to come (filled in ahead, or a late publication) and is past its handover time:
   validate said GK507 with 「在下一个移交日运行 gongkai handover --date 移交日，补送这条信息」 — and the next batch
   rightly left it out (not public yet). The hint now says it goes with the first batch after its 公开日期, and
   deadline explain says the same.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import CatalogDir, Run
from test_handover import add, record

WITHDRAWN = "撤回:\n  日期: {day}\n  原因: 误将内部事务信息作为主动公开信息发布\n"


def _codes(run: Run, code: str) -> list[str]:
    """The 编号 in brackets of each *code* finding of a validate run (「［R2026-002］」)."""
    return [line.rsplit("［", 1)[1].rstrip("］") for line in run.out.splitlines() if f" {code} " in line]


def test_a_record_withdrawn_is_not_overdue_for_the_two_archives(gk: Callable[..., Run], cat: CatalogDir,
                                                                tmp_path: Path) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    # withdrawn the day after it was published, before any batch; no PDF was ever registered
    cat.write("records/2026/R2026-002.yaml",
              record(2, "2026-09-03", formed="2026-09-01", attach=False) + WITHDRAWN.format(day="2026-09-04"))
    # sent on 9-07, withdrawn on 9-10: the 9-20 batch's 撤换公函 asks the 两馆 to take it out
    add(cat, 3, "2026-09-03", formed="2026-09-01")
    # published late and never sent: the one record validate must still call overdue
    add(cat, 4, "2026-09-25", formed="2026-09-01")
    first = gk("handover", "--date", "2026-09-07", "--today", "2026-09-07", "-C", cat.root, "--out", tmp_path / "a")
    assert first.code == 0, first.out + first.err
    assert "350524-MZ-2026-00001" in first.out and "350524-MZ-2026-00003" in first.out
    assert "00002" not in first.out + first.err  # handover leaves the withdrawn record out, without a word
    path = cat.root / "records/2026/R2026-003.yaml"
    path.write_text(path.read_text(encoding="utf-8") + WITHDRAWN.format(day="2026-09-10"), encoding="utf-8")
    second = gk("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", cat.root, "--out", tmp_path / "b")
    assert second.code == 0, second.out + second.err
    assert "撤换公函" in second.out and "350524-MZ-2026-00003" in second.out
    assert "00002" not in second.out + second.err
    run = gk("validate", cat.root, "--today", "2026-11-27")
    # (was: GK507 and GK501 for R2026-002, GK507 for R2026-003 — handover sends neither, ever)
    assert _codes(run, "GK507") == ["R2026-004"], run.out
    assert _codes(run, "GK501") == [], run.out
    # and what validate still says of R2026-004 is what the next batch does: it sends R2026-004 and nothing withdrawn
    third = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", tmp_path / "c",
               "--dry-run")
    assert third.code == 0, third.out + third.err
    assert "350524-MZ-2026-00004" in third.out and "00002" not in third.out


def test_deadline_explain_says_whether_and_when_the_record_went_to_the_two_archives(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")  # sent 9-07: in time (due 9-29, over 中秋 and the 9-20 make-up day)
    cat.write("records/2026/R2026-002.yaml",
              record(2, "2026-09-03", formed="2026-09-01") + WITHDRAWN.format(day="2026-09-04"))
    add(cat, 4, "2026-09-25", formed="2026-09-01")  # never sent: past its 9-29 on 11-27
    add(cat, 5, "2026-09-03", formed="2026-07-01")  # sent 9-07, due 7-29
    add(cat, 6, "2026-11-26", formed="2026-11-25")  # waiting, due 12-23
    before = gk("deadline", "explain", "R2026-004", "-C", cat.root)
    assert before.code == 0, before.err
    assert before.out.splitlines()[-1] == \
        "  目录中还没有移交台账（gongkai handover 送交后写入），无法说明是否已送交两馆。", before.out
    run = gk("handover", "--date", "2026-09-07", "--today", "2026-09-07", "-C", cat.root, "--out", tmp_path / "a")
    assert run.code == 0, run.out + run.err
    said = {}
    for rid in ("R2026-001", "R2026-002", "R2026-004", "R2026-005", "R2026-006"):
        explained = gk("deadline", "explain", rid, "-C", cat.root)  # today: 2026-11-27 (conftest)
        assert explained.code == 0, explained.err
        said[rid] = explained.out.split("移交两馆时限", 1)[1].splitlines()[-2:]
    assert said["R2026-001"] == ["  2026-09-07 送交两馆，在期限 2026-09-29 内。", "  （台账 handover/2026-09-07.yaml）"]
    assert said["R2026-005"] == ["  2026-09-07 送交两馆，晚于期限 2026-07-29。", "  （台账 handover/2026-09-07.yaml）"]
    assert said["R2026-002"][-1] == "  2026-09-04 已撤回，送交两馆之前撤回的信息不送交，不计时限。"
    assert said["R2026-004"][-1] == ("  尚未送交两馆，已超过期限 2026-09-29（gongkai validate 报 GK507）：在下一个移交日运行 "
                                     "gongkai handover --date 移交日 补送。")
    assert said["R2026-006"][-1] == "  尚未送交两馆；期限是 2026-12-23，在这天或之前的移交日送交。"
    # what validate says of the same records: GK506 for R2026-005, GK507 for R2026-004 alone
    checked = gk("validate", cat.root, "--today", "2026-11-27")
    assert _codes(checked, "GK507") == ["R2026-004"], checked.out
    assert any(" GK506 " in line and "R2026-005" in line for line in checked.out.splitlines()), checked.out


def test_deadline_explain_names_a_baseline_batch_as_sent_by_hand(gk: Callable[..., Run], cat: CatalogDir) -> None:
    add(cat, 1, "2026-09-03", formed="2026-06-01")
    run = gk("handover", "baseline", "--through", "2026-09-07", "-C", cat.root, "--today", "2026-09-08")
    assert run.code == 0, run.out + run.err
    explained = gk("deadline", "explain", "R2026-001", "-C", cat.root)
    assert explained.out.splitlines()[-1] == "  启用 gongkai 前已人工送交两馆（补登台账 handover/2026-09-07.yaml），不计时限。"


def test_a_record_not_public_yet_is_not_sent_to_the_next_batch_by_validate(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    run = gk("handover", "--date", "2026-09-07", "--today", "2026-09-07", "-C", cat.root, "--out", tmp_path / "a")
    assert run.code == 0, run.out + run.err
    add(cat, 7, "2026-12-30", formed="2026-09-01")  # due 9-29; its 公开日期 is after today (11-27)
    checked = gk("validate", cat.root, "--today", "2026-11-27")
    assert _codes(checked, "GK507") == ["R2026-007"], checked.out
    hint = checked.out.split(" GK507 ", 1)[1].split("改正：", 1)[1].splitlines()[0]
    # (was: 「在下一个移交日运行 gongkai handover --date 移交日，补送这条信息。」 — a batch that leaves it out)
    assert hint == ("它的公开日期 2026-12-30 还没到，公开以前不能送交两馆：公开后的第一个移交日，gongkai handover 会把它"
                    "列入那一批；公开日期写错的，请改正。"), checked.out
    batch = gk("handover", "--date", "2026-10-08", "--today", "2026-11-27", "-C", cat.root, "--dry-run")
    assert batch.code == 0 and "00007" not in batch.out, batch.out + batch.err
    explained = gk("deadline", "explain", "R2026-007", "-C", cat.root)
    assert explained.out.splitlines()[-1] == \
        "  尚未送交两馆，已超过期限 2026-09-29：公开日期 2026-12-30 还没到，公开后的第一个移交日随那一批送交。", explained.out
