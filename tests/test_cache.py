"""The cache stays as large as the catalog: entries of contents and files that are gone are evicted."""

from __future__ import annotations

import marshal
import os
import sqlite3
import time

from gongkai.catalog.cache import Cache, pack_stamps

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


def test_an_edit_is_recorded_apart_from_the_listing(gk, cat):
    assert gk("validate", cat.root).code == 0
    listing = cat.root / ".gongkai-cache" / "stats.v4.marshal"
    before = listing.read_bytes()
    _edit(cat, RECORD.replace("页数: 1", "页数: 2"))
    assert gk("validate", cat.root).code == 0
    assert listing.read_bytes() == before  # a 100,000-file listing is not written again for one edit
    assert "records/2026/R2026-001.yaml" in _stats(cat)


def test_recorded_hashes_are_found_around_files_added_edited_and_gone(tmp_path):
    # The listing is compared CHUNK files at a time: every run of files that changes is looked up one by one.
    stamp = {f"r/{n:04d}.yaml": (n, 1, 1, n, 7) for n in range(0, 1400, 2)}
    cache = Cache(tmp_path)
    paths = sorted(stamp)
    cache.keep_stats(paths, pack_stamps([stamp[p] for p in paths]), [f"b{p}" for p in paths], set())
    cache.save_stats()
    stamp.update({"r/0001.yaml": (1, 1, 1, 1, 7), "r/0513.yaml": (5, 1, 1, 5, 7), "r/1399.yaml": (9, 1, 1, 9, 7)})
    del stamp["r/0600.yaml"], stamp["r/0000.yaml"]
    stamp["r/0700.yaml"] = (700, 2, 1, 700, 7)  # edited
    stamp["r/0002.yaml"] = (2, 1, 1, 2, 2**63 + 1)  # a device number past 2**63
    now = sorted(stamp)
    found = Cache(tmp_path).known_blobs(now, pack_stamps([stamp[p] for p in now]))
    new = {"r/0001.yaml", "r/0513.yaml", "r/1399.yaml", "r/0700.yaml", "r/0002.yaml"}
    assert found == ["" if p in new else f"b{p}" for p in now]


def test_files_of_earlier_versions_leave_the_cache_folder(gk, cat):
    """After an upgrade the old snapshot (170 MB at 100,000 records) and hash tables are removed, once; what this
    version uses is kept."""
    assert gk("validate", cat.root).code == 0
    folder = cat.root / ".gongkai-cache"
    old = ["stats.marshal", "stats.v2.marshal", "stats.v3.marshal", "parsed.v1.pickle", "parsed-delta.v1.pickle",
           "parsed.v2.pickle", "parsed-delta.v2.pickle"]
    for name in old:
        (folder / name).write_bytes(b"old")
    with sqlite3.connect(folder / "cache.sqlite3") as db:  # as an older gongkai left it: another code salt
        db.execute("UPDATE meta SET v='an older version' WHERE k='salt'")
    assert gk("validate", cat.root).code == 0
    assert [name for name in old if (folder / name).exists()] == []
    assert (folder / "stats.v4.marshal").exists() and (folder / "parsed.v3.pickle").exists()
    (folder / "parsed.v1.pickle").write_bytes(b"someone's file of the same name, written after the upgrade")
    assert gk("validate", cat.root).code == 0
    assert (folder / "parsed.v1.pickle").exists()  # removed only when the version changes


def test_an_upgraded_library_changes_the_salt(tmp_path, monkeypatch):
    """What the cache remembers of a file (its privacy scan above all) depends on the libraries that read it: a newer
    pypdf may read text an older one missed. A library installed, upgraded or removed beside gongkai changes the salt
    every remembered result is keyed with, so nothing read by the old one is reused."""
    import sysconfig

    from gongkai.catalog.cache import code_salt, installed

    site = tmp_path / "site-packages"
    (site / "pypdf-7.1.1.dist-info").mkdir(parents=True)
    (site / "openpyxl-3.1.5.dist-info").mkdir()
    (site / "pypdf").mkdir()  # a package folder: not a version
    monkeypatch.setattr(sysconfig, "get_paths", lambda: {"purelib": str(site), "platlib": str(site)})
    assert installed() == ["openpyxl-3.1.5.dist-info", "pypdf-7.1.1.dist-info"]
    before = code_salt.__wrapped__()
    assert code_salt.__wrapped__() == before
    (site / "pypdf-7.1.1.dist-info").rename(site / "pypdf-7.2.0.dist-info")
    upgraded = code_salt.__wrapped__()
    assert upgraded != before
    (site / "xlrd-2.0.2.dist-info").mkdir()
    assert code_salt.__wrapped__() not in (before, upgraded)
    monkeypatch.setattr(sysconfig, "get_paths", lambda: {"purelib": str(tmp_path / "none"), "platlib": str(site)})
    assert len(installed()) == 3  # a folder that does not exist lists nothing, and is no error
