"""Twenty-fourth hostile pass over the handover to the 两馆 (issue 3; DOMAIN.md §6): the archivist who receives the
bags and the clerk whose hand-over goes wrong. The real CLI in-process on small catalogs in tmp dirs; every expected
word and date typed by hand (2026 notice: 10/1–10/7 off, 10/10 a working Saturday; 10-05 moves to 10-08).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from gongkai.cli import main
from test_handover import add
from tests.conftest import AGENCY, ITEM, RECORD, TODAY, CatalogDir

INDEX_2 = "350524-MZ-2026-00002"


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalog whose 2026-09-20 batch (R2026-001, R2026-002) was delivered that day. Read only: copy to change."""
    base = tmp_path_factory.mktemp("sent")
    cat = CatalogDir(base / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(RECORD)
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    add(cat, 2, "2026-09-15", formed="2026-09-10")
    saved = os.environ.get("GONGKAI_TODAY")
    os.environ["GONGKAI_TODAY"] = TODAY
    try:
        assert main(["handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", str(cat.root),
                     "--out", str(base / "out")]) == 0
    finally:
        if saved is None:
            os.environ.pop("GONGKAI_TODAY")
        else:
            os.environ["GONGKAI_TODAY"] = saved
    return cat.root


def copy_of(catalog: Path, tmp_path: Path) -> CatalogDir:
    target = tmp_path / "catalog"
    shutil.copytree(catalog, target)
    return CatalogDir(target)


# 1. A record renamed after it was handed over (R2026-002 → R2026-012: the clerk renumbers her files, the 索引号 and the
# PDF unchanged) was sent to the 两馆 a second time by the next batch as a new record — the same 索引号 twice in their
# holdings, the period pulled back to 9月15日, and not a word. Now the batch stops (GK509 at the record, saying how
# to mend), nothing is written, and validate says the same, and GK508 names the record now holding the number.
def test_a_record_renamed_after_handover_is_not_sent_twice(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    old = cat.root / "records/2026/R2026-002.yaml"
    cat.record(old.read_text("utf-8").replace("编号: R2026-002", "编号: R2026-012"), "records/2026/R2026-012.yaml")
    old.unlink()
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", out)
    assert run.code == 1
    said = run.out + run.err
    assert ("records/2026/R2026-012.yaml" in said and "1:5 错误 GK509 信息 R2026-012 的索引号 350524-MZ-2026-00002 "
            "已在 2026-09-20 的批次中随信息 R2026-002 送交两馆，再送就是同一份文件送了两次" in said)
    assert "改正：R2026-012 是 R2026-002 改了编号的：把编号（和信息文件名）改回 R2026-002" in said
    assert not out.exists()
    assert sorted(p.name for p in (cat.root / "handover").iterdir()) == ["2026-09-20.yaml"]
    run = gk("validate", cat.root, "--today", "2026-10-08")
    assert run.code == 1
    assert "错误 GK509 信息 R2026-012 的索引号 350524-MZ-2026-00002 已在 2026-09-20 的批次中随信息 R2026-002 送交两馆" in run.out
    assert ("错误 GK508 台账列出的信息 R2026-002 不存在（它送交时的索引号 350524-MZ-2026-00002 现在是信息 R2026-012 的）"
            in run.out)
    # renamed back, the next batch is empty: nothing is sent twice
    cat.record((cat.root / "records/2026/R2026-012.yaml").read_text("utf-8").replace("R2026-012", "R2026-002"),
               "records/2026/R2026-002.yaml")
    (cat.root / "records/2026/R2026-012.yaml").unlink()
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", out)
    assert run.code == 0, run.out + run.err
    assert "0 件信息，本期无主动公开政府信息" in run.out


# 1b. A second record given the 索引号 of one the 两馆 hold (a copy of a file, its number left as it was) is not sent
# under that number either: the hint says to give it its own.
def test_a_new_record_under_a_number_the_archives_hold_stops_the_batch(gk, sent, tmp_path):
    cat = copy_of(sent, tmp_path)
    add(cat, 4, "2026-09-30", formed="2026-09-29")
    path = cat.root / "records/2026/R2026-004.yaml"
    path.write_text(path.read_text("utf-8").replace("350524-MZ-2026-00004", INDEX_2), "utf-8")
    run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", tmp_path / "o")
    assert run.code == 1
    assert "信息 R2026-004 的索引号 350524-MZ-2026-00002 已在 2026-09-20 的批次中随信息 R2026-002 送交两馆" in run.err
    assert "改正：两条信息不能用同一个索引号：给 R2026-004 填写它自己的索引号。" in run.err
