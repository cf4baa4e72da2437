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
   GK513 for a handover day whose ledger file is there. `handover verify -C` said 「目录中没有这一批的台账
   （handover/2026-09-20.yaml）」 of that very file; it now says the ledger's 批次日期 is not its file name.
2. A batch made again from its ledger (the 馆 lost its copy, or the clerk reprints the 目录表) was made for the
   recipients gongkai.yaml names today, as they are set today. A 图书馆 set to 「接收名单: true」 after the batch received
   the 公示名单 its ledger says it never got (「未送: [tsg]」) — a list of names in a bag for a public reading room, and
   a bag no longer 「与送交时逐字节相同」 as README promises; a 馆 added since (县史志室) got a bag of a batch it never
   received; a 馆 taken out since got none. Now a batch made again goes to the recipients its ledger names, each
   taking the lists as its 未送 says (handover.plan.recorded_recipients), byte for byte as first made; one taken out
   of gongkai.yaml since is named by its 编号, with a note saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import CatalogDir, Run
from test_handover import add

NAMED = "移交台账的文件名「2026-09-20」与批次日期「2026-09-08」不一致"


def _two_batches(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> Path:
    """R2026-001 (published 9-03) in the 2026-09-07 batch (the 5th moved over the weekend), R2026-002 (9-10) in
    9-20's."""
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


def test_verify_names_the_redated_ledger(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    ledger = _two_batches(gk, cat, tmp_path)
    assert gk("handover", "verify", tmp_path / "2026-09-20", "-C", cat.root).code == 0
    _redate(ledger)
    run = gk("handover", "verify", tmp_path / "2026-09-20", "-C", cat.root)
    assert run.code == 1
    assert "目录中没有这一批的台账" not in run.out + run.err
    assert (NAMED + "：无法与送交记录核对。台账由 gongkai handover 写入") in run.out, run.out


def test_validate_says_what_the_handover_says(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    ledger = _two_batches(gk, cat, tmp_path)
    _redate(ledger)
    run = gk("validate", cat.root, "--today", "2026-10-08", "--format", "json")
    found = [(d["code"], d["path"], d["line"], d["column"]) for d in run.json()["diagnostics"]  # type: ignore[index]
             if d["path"].startswith("handover/")]
    # GK508: R2026-002 was published after 9-08; GK512: the period still ends on 9-20; no GK513 for 9-20 (its ledger
    # file is there; was: 「移交日 2026-09-20 已过，没有这一批的台账」) nor for 10-08 (today)
    assert sorted(found) == [("GK203", "handover/2026-09-20.yaml", 2, 7), ("GK508", "handover/2026-09-20.yaml", 9, 9),
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


def _recipients(cat: CatalogDir, block: str) -> None:
    """gongkai.yaml's 「接收单位」 replaced by *block*."""
    path = cat.root / "gongkai.yaml"
    text = path.read_text(encoding="utf-8")
    old = "  接收单位:\n    - 编号: dag\n      名称: 测试县档案馆\n    - 编号: tsg\n      名称: 测试县图书馆\n"
    assert old in text
    path.write_text(text.replace(old, "  接收单位:\n" + block), encoding="utf-8")


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_batch_made_again_goes_to_its_recipients_as_they_took_it(gk: Callable[..., Run], cat: CatalogDir,
                                                                     tmp_path: Path) -> None:
    _two_batches(gk, cat, tmp_path)
    first = tmp_path / "2026-09-20"
    assert (first / "dag/data/files/R2026-002/R2026-002.pdf").is_file()
    assert not (first / "tsg/data/files").exists()  # the 公示 list stayed with the 档案馆
    # since then the library takes lists, and a third body receives batches
    _recipients(cat, "    - 编号: dag\n      名称: 测试县档案馆\n    - 编号: tsg\n      名称: 测试县图书馆\n      接收名单: true\n"
                     "    - 编号: szk\n      名称: 测试县史志室\n")
    again = tmp_path / "again"
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-10-01", "-C", cat.root, "--out", again)
    assert run.code == 0, run.err
    assert sorted(p.name for p in again.iterdir()) == ["dag", "tsg"]  # (was: dag, szk, tsg)
    assert not (again / "tsg/data/files").exists()  # (was: tsg/data/files/R2026-002/R2026-002.pdf, the list)
    assert _tree(again) == _tree(first)
    assert "测试县图书馆（tsg）：公示名单含个人信息" in run.out and "szk" not in run.out, run.out
    # the next batch is made for the recipients as they are set now
    add(cat, 3, "2026-09-25")
    later = tmp_path / "1008"
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", later)
    assert run.code == 0, run.err
    assert sorted(p.name for p in later.iterdir()) == ["dag", "szk", "tsg"]
    assert (later / "tsg/data/files/R2026-003/R2026-003.pdf").is_file()
    assert not (later / "szk/data/files").exists()


def test_a_batch_made_again_still_goes_to_a_recipient_taken_out_since(gk: Callable[..., Run], cat: CatalogDir,
                                                                     tmp_path: Path) -> None:
    _two_batches(gk, cat, tmp_path)
    _recipients(cat, "    - 编号: dag\n      名称: 测试县档案馆\n")
    again = tmp_path / "again"
    run = gk("handover", "--date", "2026-09-20", "--today", "2026-10-01", "-C", cat.root, "--out", again)
    assert run.code == 0, run.err
    assert sorted(p.name for p in again.iterdir()) == ["dag", "tsg"]  # (was: dag alone)
    assert not (again / "tsg/data/files").exists()
    assert ("注意：台账中的接收单位「tsg」已不在 gongkai.yaml「移交 → 接收单位」中：按台账仍为它重新生成了包，名称写作它的编号；"
            "要写出名称，把它（编号 tsg）加回 gongkai.yaml。") in run.out, run.out
    first = tmp_path / "2026-09-20"
    assert (again / "dag/data/manifest.csv").read_bytes() == (first / "dag/data/manifest.csv").read_bytes()
