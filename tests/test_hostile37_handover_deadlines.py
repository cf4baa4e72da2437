"""Thirty-ninth session, hostile pass on the handover days and ledgers (h187): the clerk who hands the 主动公开
documents to the county archives and library on the 5th and 20th, and a ledger edited by hand. The real CLI in-process
on small catalogs in tmp dirs; every expected value typed by hand.

Found (before the fix → now):
1. A ledger whose 批次日期 was changed by hand (handover/2026-09-20.yaml saying 「批次日期: 2026-09-08」), or a ledger
   file renamed: validate said GK203 (an error) — and also GK513 「移交日 2026-09-20 已过，没有这一批的台账」 pointing
   at that very file. gongkai handover went on as if nothing were wrong: the next batch said it 「含未按时移交的2026年9月
   20日批次」, and `handover --date 2026-09-20` (doing as GK513 said) wrote a new, empty ledger over the edited file,
   exit 0 — what that batch sent and the 撤换 it asked for were forgotten, to go to the 两馆 again with the next batch.
   `handover baseline` wrote over it the same way. Now every handover (--dry-run too) and baseline stops, exit 1, no
   file written, with GK203 at the ledger's 批次日期 (line and column), as validate says; validate no longer says
   GK513 for a handover day whose ledger file is there.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import CatalogDir, Run
from test_handover import add

NAMED = "移交台账的文件名「2026-09-20」与批次日期「2026-09-08」不一致"


def _two_batches(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> Path:
    """R2026-001 (published 9-03) in the 2026-09-07 batch (the 5th moved over the weekend), R2026-002 (9-10) in 9-20's."""
    add(cat, 1, "2026-09-03")
    add(cat, 2, "2026-09-10")
    for day in ("2026-09-07", "2026-09-20"):
        run = gk("handover", "--date", day, "--today", day, "-C", cat.root, "--out", tmp_path / day)
        assert run.code == 0, run.err
    ledger = cat.root / "handover/2026-09-20.yaml"
    assert "编号: R2026-002" in ledger.read_text(encoding="utf-8")
    return ledger


def _redate(ledger: Path) -> str:
    text = ledger.read_text(encoding="utf-8")
    assert "批次日期: 2026-09-20\n" in text
    edited = text.replace("批次日期: 2026-09-20\n", "批次日期: 2026-09-08\n")
    ledger.write_text(edited, encoding="utf-8")
    return edited


def test_a_ledger_whose_date_was_edited_is_never_written_over(gk: Callable[..., Run], cat: CatalogDir,
                                                              tmp_path: Path) -> None:
    ledger = _two_batches(gk, cat, tmp_path)
    edited = _redate(ledger)
    out = tmp_path / "again"
    # what GK513 used to ask for: make the 9-20 batch "again"
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-09-21", "-C", cat.root, "--out", out)
    assert run.code == 1, run.out + run.err
    assert ledger.read_text(encoding="utf-8") == edited  # (was: a new ledger with 信息: [], R2026-002 forgotten)
    assert not out.exists()
    assert "handover/2026-09-20.yaml" in run.err and "2:7 错误 GK203 " + NAMED in run.err, run.err
    assert "git checkout -- handover/" in run.err
    # the next handover day, and a dry run, stop as well (was: 「含未按时移交的2026年9月20日批次」, exit 0)
    for more in ((), ("--dry-run",)):
        later = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out",
                   tmp_path / "1008", *more)
        assert later.code == 1 and NAMED in later.err, later.out + later.err
        assert "含未按时移交" not in later.out
    assert not (cat.root / "handover/2026-10-08.yaml").exists() and not (tmp_path / "1008").exists()
    # nor does baseline record the day of that file
    base = gk("handover", "baseline", "--through", "2026-09-20", "-C", cat.root, "--today", "2026-10-08")
    assert base.code == 1 and NAMED in base.err, base.out + base.err
    assert ledger.read_text(encoding="utf-8") == edited


def test_validate_says_what_the_handover_says(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    ledger = _two_batches(gk, cat, tmp_path)
    _redate(ledger)
    run = gk("validate", cat.root, "--today", "2026-10-08", "--format", "json")
    found = [(d["code"], d["path"], d["line"], d["column"]) for d in run.json()["diagnostics"]  # type: ignore[index]
             if d["path"].startswith("handover/")]
    # GK508: R2026-002 was published after 9-08; GK512: the period still ends on 9-20; no GK513 for 9-20 (its ledger
    # file is there; was: 「移交日 2026-09-20 已过，没有这一批的台账」) nor for 10-08 (today)
    assert sorted(found) == [("GK203", "handover/2026-09-20.yaml", 2, 7), ("GK508", "handover/2026-09-20.yaml", 8, 9),
                             ("GK512", "handover/2026-09-20.yaml", 5, 7)]


def test_a_ledger_file_renamed_stops_the_handover(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    ledger = _two_batches(gk, cat, tmp_path)
    ledger.rename(cat.root / "handover/2026-09-18.yaml")
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 1, run.out + run.err
    assert "移交台账的文件名「2026-09-18」与批次日期「2026-09-20」不一致" in run.err
    assert not (cat.root / "handover/2026-10-08.yaml").exists()
    # put back as it was, the batch goes: nothing sent twice, nothing said missed
    (cat.root / "handover/2026-09-18.yaml").rename(ledger)
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 0, run.err
    assert "0 件信息" in run.out and "含未按时移交" not in run.out, run.out
