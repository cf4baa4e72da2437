"""The cache stays as large as the catalog: entries of contents and files that are gone are evicted."""

from __future__ import annotations

import marshal
import os
import sqlite3
import time

from gongkai.catalog.cache import Cache

from conftest import RECORD, CatalogDir

BROKEN = RECORD.replace("页数: 1", "页数: 一页")  # a file with findings: its parse result is cached


def _table(cat: CatalogDir, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(cat.root / ".gongkai-cache" / "cache.sqlite3") as db:
        return db.execute(sql).fetchall()


def _stats(cat: CatalogDir) -> set[str]:
    """The paths whose hashes are recorded: those of the last listing, and those recorded since."""
    paths, _, _ = marshal.loads((cat.root / ".gongkai-cache" / "stats.v4.marshal").read_bytes())
    recent = cat.root / ".gongkai-cache" / "stats-recent.v4.marshal"
    return {*paths, *(marshal.loads(recent.read_bytes()) if recent.exists() else {})}


def _edit(cat: CatalogDir, text: str, rel: str = "records/2026/R2026-001.yaml") -> None:
    path = cat.write(rel, text)
    later = time.time() + 5  # a clearly new mtime, so the stat check sees the change at once
    os.utime(path, (later, later))


def test_edited_contents_leave_the_cache(gk, cat):
    for n in range(1, 5):
        _edit(cat, BROKEN.replace("正文: |", f"文号: 测民〔2026〕{n}号\n正文: |").replace("文号: 测民〔2026〕1号\n", "", 1))
        assert gk("validate", cat.root).code == 1
    assert len(_table(cat, "SELECT blob FROM parsed")) == 1  # only the current content of the file with findings
    assert len(_table(cat, "SELECT k FROM memo WHERE k LIKE 'validate:%'")) == 1


def test_a_fixed_file_leaves_the_cache(gk, cat):
    _edit(cat, BROKEN)
    assert gk("validate", cat.root).code == 1
    assert len(_table(cat, "SELECT blob FROM parsed")) == 1
    _edit(cat, RECORD)
    assert gk("validate", cat.root).code == 0
    assert _table(cat, "SELECT blob FROM parsed") == []


def test_deleted_files_leave_the_recorded_hashes(gk, cat):
    cat.record(RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002"), "records/2026/R2026-002.yaml")
    assert gk("validate", cat.root).code == 0
    assert "records/2026/R2026-002.yaml" in _stats(cat)
    (cat.root / "records/2026/R2026-002.yaml").unlink()
    assert gk("validate", cat.root).code == 0
    assert "records/2026/R2026-002.yaml" not in _stats(cat)
    assert "records/2026/R2026-001.yaml" in _stats(cat)


def test_a_few_keys_are_looked_up_by_index(cat):
    cache = Cache(cat.root)
    assert cache.db is not None
    cache.put_parsed([(f"blob{n}", "record", n) for n in range(50)])
    statements: list[str] = []
    cache.db.set_trace_callback(statements.append)
    assert cache.parsed([("blob7", "record"), ("blob9", "item")]) == {("blob7", "record"): 7}
    assert len(statements) == 1 and "WHERE blob IN" in statements[0]


def test_a_process_running_many_commands_keeps_no_descriptors(gk, cat: CatalogDir, tmp_path) -> None:
    # The tests (and anything else calling gongkai.cli.main many times in one process) ran out of descriptors: every
    # command left its SQLite connection open, in a reference cycle only the cyclic collector frees.
    def descriptors() -> int:
        return len(os.listdir("/proc/self/fd"))

    gk("validate", cat.root, "--today", "2026-11-27")
    before = descriptors()
    for _ in range(5):
        assert gk("validate", cat.root, "--today", "2026-11-27").code == 0
        assert gk("build-site", cat.root, "--out", tmp_path / "site", "--today", "2026-11-27", "--no-search").code == 0
    assert descriptors() == before
