"""Twenty-ninth hostile pass: planted bugs in validate's cache — a run after any edit must say what a cold run says.

`gongkai validate` in a pre-commit hook and in CI reuses what it parsed and checked before: parse results by content
hash (git blob id) in SQLite, the last whole load in signed snapshot files, the files' stamps (size, mtime, ctime,
inode, device) in a small table that tells which files to hash again, and the whole report under the listing's
fingerprint (README 「缓存」, issue 18). The mutation group 「cache」 (tools/mutation.py, new in this pass: catalog/cache.py,
snapshot.py, listing.py, files.py, loader.py) showed what no test held. Each test below runs the real CLI on a small
catalog in a real git repository, applies a sequence of edits — written, renamed, moved, deleted, added back, an
attachment replaced under its name, a file saved again with its size and modification time put back, gongkai.yaml
and calendar/2027.yaml edited, a branch switched, the cache's own files cut short, damaged or signed by someone else,
two validates at once — and after each step asserts that the findings (code, file, line) and the exit code are those
of `validate --no-cache` **and** those typed here by hand:

- 11010519491231002X (the standard's sample 身份证号, check digit X) in a 正文 is GK601 at the 正文's line (18 in the
  conftest record, whose 正文 block starts on line 18); a 手机号 in a CSV attachment is GK602 at the 附件's 文件 line;
- a 主动公开 record without 保密审查 is GK303 at its 公开属性 (line 8), a record whose file name is not its 编号 is GK203
  at line 1, a 事项 naming no item is GK205 at line 7;
- from 2026-12-01 on, a catalog without calendar/2027.yaml is GK802; a 2027 notice whose 春节 leaves out the eve
  (2027-02-05, 除夕) is GK801.

Found by this pass:
0. A catalog on a network share (the bureau's NAS) whose clock is behind the PC's: git's racily-clean rule compared
   the share's file times with the PC's clock, so a file saved a moment ago looked older than the 2-second window
   and its stamp was trusted at once; saved again within the same timestamp tick (1–2 s on SMB shares and NAS) with
   the same size — a sync client writing in place, an editor saving twice — its stamp did not change, and validate
   passed a record that now held an ID number (exit 0; --no-cache: GK601), a broken promise of README 「缓存」. The
   cache now measures how far the share's clock is behind (the .gitignore it writes on opening) and trusts a stamp
   only once the file is older than the window by the share's own clock; YAML files, attachments and the privacy
   scan's attachment hashes all go through Cache.remember_blob.
   test_a_record_saved_twice_within_one_tick_of_a_share_whose_clock_is_behind.

Otherwise no result was found wrong: over every sequence tried, the cached run printed what --no-cache printed (also:
a record turned into a folder, a link or GBK; a case-only rename; the catalog folder moved; each cache file replaced
by a folder). What else this pass found is what the tests let through — mutants of the new group, and bugs planted
by hand, that the group's old test files (test_cache, test_snapshot, test_loading, test_hostile20_cache,
test_validate_incremental) all passed; each now makes a test here fail:
1. gongkai's version left out of the cache's salt: after an upgrade that judges the same bytes otherwise (here an
   invisible character made an error), validate answered from what the old version remembered — exit 0 where the new
   version says exit 1. Now test_an_upgrade_of_gongkai_does_not_reuse_what_the_old_version_found.
2. An attachment's recorded hash trusted whatever its stamp (`known_blob` not comparing the stamp): a CSV replaced
   under its name by one with a 手机号 passed (exit 0) where --no-cache says GK602. The old tests' files were always
   younger than git's 2-second racy window, so every file was hashed again anyway and no test saw a stamp vouch for
   a file: the tests here run validate with the clock 10 s on (the `later` fixture), as on a clerk's PC, so the
   stamps are trusted and an edit the stamps hide (the size kept, the mtime put back) has to be found by the ctime.
3. A rule's finding on a line holding an invisible character (U+200B) pointed one column left of the value
   (Catalog._tree without the raw columns): the clerk's Notepad shows the value at column 8, the finding said 7.
4. GK102 (a key written wrong, 「题 名」) pointed at the value, not the key (files._from_note without prefer_key).
5. An invisible character found while decoding (GK017) made an error, not a warning (files._at without
   LOAD_SEVERITY): a file that only warns failed validate and the pre-commit hook.
6. A cache that never answers from the remembered report (Cache.memo always empty): results right, but every
   hook's run re-checked the catalog (100,000 records: 14 s instead of a fraction of one), and nothing said so.
   Now test_an_unchanged_catalog_is_answered_without_reading_a_file: unchanged, no file is read; after one edit,
   the other record is not read.

Planted by hand (each made a test here fail, then was put back): the salt without gongkai's version (1); an
attachment's content left out of the listing (the fingerprint and the re-check key: size only); a deleted record
kept, in the loader (the snapshot's entries added to the catalog) and in the facts store (`removed` empty); the stamp
compared by size and mtime only (ctime, inode and device zeroed); a damaged cache database raising instead of being
made again; the snapshot's MAC not checked (a forged snapshot vouching that a record with an ID number is clean);
the fix of 0 reverted (the share's lag not taken off).
"""

from __future__ import annotations

import datetime as dt
import json
import marshal
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import types
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, git

INTERNAL = "内部错误"
TODAY = "2026-11-27"
CACHE = ".gongkai-cache"
ID_TEXT = RECORD.replace("经审核，现将名单予以公示。", "经审核陈金水11010519491231002X。")  # same number of bytes
NO_REVIEW = RECORD.replace("保密审查:\n  审查人: 张三\n  审查日期: 2026-09-01\n  结论: 不涉及国家秘密，同意主动公开\n", "")
SECOND = RECORD.replace("R2026-001", "R2026-002").replace("-00001", "-00002").replace("〔2026〕1号", "〔2026〕2号")
CLEAN: tuple[int, list[tuple[str, str, int]]] = (0, [])
R1 = "records/2026/R2026-001.yaml"
R2 = "records/2026/R2026-002.yaml"


def _catalog(tmp_path: Path, *extra: tuple[str, str | bytes]) -> Path:
    """The conftest catalog (gongkai.yaml, SHJZ-001, R2026-001) and *extra* files, committed in a git repository."""
    root = tmp_path / "catalog"
    for rel, text in (("gongkai.yaml", AGENCY), ("items/shjz/SHJZ-001.yaml", ITEM), (R1, RECORD), *extra):
        _write(root, rel, text)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "初始目录")
    return root


def _write(root: Path, rel: str, text: str | bytes, keep_stamp: bool = False) -> Path:
    """Write *rel*; with *keep_stamp*, its modification time put back as it was (touch -r, an unzip, a copy)."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    before = path.stat() if keep_stamp else None
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    if before is not None:
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    return path


def _found(gk, root: Path, today: str = TODAY) -> tuple[int, list[tuple[str, str, int]]]:
    """(exit code, [(code, file, line)]) of a cached validate, which must print what --no-cache prints."""
    args = ("validate", root, "--format", "json", "--today", today)
    cached = gk(*args)
    full = gk(*args, "--no-cache")
    assert INTERNAL not in cached.err + full.err and "Traceback" not in cached.err + full.err, cached.err[-600:]
    assert (cached.code, cached.out) == (full.code, full.out)
    return cached.code, [(d["code"], d["path"], d["line"]) for d in json.loads(cached.out)["diagnostics"]]


@pytest.fixture
def later(monkeypatch):
    """validate run 10 s after the files were saved: their stamps are then clearly older than the moment they are
    hashed (git's racily clean rule), and the stamps' table vouches for them — as on a clerk's PC, where the hook runs
    minutes after the last save. Without it every file of a test is younger than 2 s and is hashed again anyway. (The
    share's lag, Cache.lag_ns, is measured on a file written now: 0, as on a PC whose disk is its own.)"""
    from gongkai.catalog import listing
    from gongkai.privacy import scan

    real = time.time_ns
    clock = types.SimpleNamespace(time_ns=lambda: real() + 10_000_000_000)
    monkeypatch.setattr(listing, "time", clock)  # the listing's hashes of YAML files and attachments
    monkeypatch.setattr(scan, "time", clock)  # the privacy scan's of the attachments it reads


# --- 1. the content of a record: the stamps, the snapshot, the parse results -------------------------------------

def test_a_record_saved_with_its_size_and_mtime_put_back_is_checked_again(gk, tmp_path, later):
    root = _catalog(tmp_path)
    assert _found(gk, root) == CLEAN
    assert _found(gk, root) == CLEAN  # answered from the cache: the same
    _write(root, R1, ID_TEXT, keep_stamp=True)
    assert len(ID_TEXT.encode()) == len(RECORD.encode())
    assert _found(gk, root) == (1, [("GK601", R1, 18)])
    _write(root, R1, NO_REVIEW, keep_stamp=True)
    assert _found(gk, root) == (1, [("GK303", R1, 8)])
    _write(root, R1, RECORD, keep_stamp=True)
    assert _found(gk, root) == CLEAN
    # a key with a space in it is pointed at on the key (line 2, column 1), a wrong value on the value: 「页数: 」 is
    # four columns, 「一页」 starts on the fifth
    _write(root, R1, RECORD.replace("题名:", "题 名:").replace("页数: 1", "页数: 一页"))
    assert _found(gk, root) == (1, [("GK102", R1, 2), ("GK103", R1, 16)])
    shown = json.loads(gk("validate", root, "--format", "json", "--today", TODAY).out)["diagnostics"]
    assert [(d["line"], d["column"]) for d in shown] == [(2, 1), (16, 5)]
    # a rule's finding on a line with an invisible character: columns counted as Notepad counts them, the U+200B
    # (GK017) is column 7 after 「公开属性: 」, the value it points at starts at column 8
    _write(root, R1, NO_REVIEW.replace("公开属性: 主动公开", "公开属性: \u200b主动公开"))
    assert _found(gk, root) == (1, [("GK017", R1, 8), ("GK303", R1, 8)])
    shown = json.loads(gk("validate", root, "--format", "json", "--today", TODAY).out)["diagnostics"]
    assert [(d["line"], d["column"]) for d in shown] == [(8, 7), (8, 8)]


def test_records_renamed_moved_deleted_and_added_back(gk, tmp_path, later):
    """The listing (which files there are) and the facts of each file: a duplicate gone must take its finding along."""
    root = _catalog(tmp_path, (R2, SECOND))
    assert _found(gk, root) == CLEAN
    os.rename(root / R2, root / "records/2026/R2026-003.yaml")  # the file name is no longer its 编号
    assert _found(gk, root) == (1, [("GK203", "records/2026/R2026-003.yaml", 1)])
    os.rename(root / "records/2026/R2026-003.yaml", root / R2)
    assert _found(gk, root) == CLEAN
    _write(root, "records/2025/R2026-001.yaml", RECORD)  # a copy in last year's folder: one 编号, two files; GK201
    # at the later of the two by path (records/2025/ comes first)
    assert _found(gk, root) == (1, [("GK201", R1, 1)])
    (root / "records/2025/R2026-001.yaml").unlink()
    assert _found(gk, root) == CLEAN
    _write(root, R2, SECOND.replace("-00002", "-00001"))  # R2026-002 takes R2026-001's 索引号
    assert _found(gk, root) == (1, [("GK202", R2, 4)])
    _write(root, R1, RECORD.replace("-00001", "-00003"), keep_stamp=True)  # the other file is the one edited
    assert _found(gk, root) == CLEAN
    (root / "items/shjz/SHJZ-001.yaml").unlink()  # the 事项 both name
    assert _found(gk, root) == (1, [("GK205", R1, 7), ("GK205", R2, 7)])
    _write(root, "items/shjz/SHJZ-001.yaml", ITEM.replace("编号: SHJZ-001", "编号: [SHJZ-001"))  # there, unreadable:
    # its YAML error (GK001 at line 1) only, not also a 事项 said to name nothing
    assert _found(gk, root) == (1, [("GK001", "items/shjz/SHJZ-001.yaml", 1)])
    _write(root, "items/shjz/SHJZ-001.yaml", ITEM)
    (root / R2).unlink()
    assert _found(gk, root) == CLEAN


CSV_CLEAN = "序号,户主,人数\n1,陈某,3\n9,某,222\n"
CSV_PHONE = "序号,户主,电话\n1,陈某,13805951234\n"
WITH_CSV = RECORD.replace("页数: 1\n", "页数: 1\n附件:\n  - 文件: files/2026/R2026-001.csv\n    名称: 名单\n")


def test_an_attachment_replaced_under_its_name_with_its_stamp_put_back(gk, tmp_path, later):
    """The record does not change, its attachment does: the same size, the old mtime."""
    assert len(CSV_CLEAN.encode()) == len(CSV_PHONE.encode())
    root = _catalog(tmp_path, (R1, WITH_CSV), ("files/2026/R2026-001.csv", CSV_CLEAN))
    assert _found(gk, root) == CLEAN
    _write(root, "files/2026/R2026-001.csv", CSV_PHONE, keep_stamp=True)
    assert _found(gk, root) == (1, [("GK602", R1, 18), ("GK605", R1, 18)])
    _write(root, "files/2026/R2026-001.csv", CSV_CLEAN, keep_stamp=True)
    assert _found(gk, root) == CLEAN
    (root / "files/2026/R2026-001.csv").unlink()
    assert _found(gk, root) == (1, [("GK607", R1, 18)])  # a 附件 that is not there



def _numbered(n: int) -> str:
    return RECORD.replace("R2026-001", f"R2026-{n:03}").replace("-00001", f"-{n:05}").replace("〔2026〕1号", f"〔2026〕{n}号")


def test_one_edit_among_many_records_is_found_where_it_is(gk, tmp_path, later):
    """A run after one edit reads back only the files it needs, found by bisection in the listing of many: the first,
    a middle and the last record edited, each must be the one checked again (and no other in its place)."""
    root = _catalog(tmp_path, *((f"records/2026/R2026-{n:03}.yaml", _numbered(n)) for n in range(2, 25)))
    assert _found(gk, root) == CLEAN
    for n in (13, 24, 1):
        rel = f"records/2026/R2026-{n:03}.yaml"
        _write(root, rel, _numbered(n).replace("经审核，现将名单予以公示。", "经审核陈金水11010519491231002X。"), keep_stamp=True)
        assert _found(gk, root) == (1, [("GK601", rel, 18)])
        _write(root, rel, _numbered(n), keep_stamp=True)
        assert _found(gk, root) == CLEAN
    _write(root, "records/2026/R2026-024.yaml", _numbered(23))  # the last file now repeats the one before it: GK201
    # at the later of the two files by path, GK203 as its name is not its 编号
    last = "records/2026/R2026-024.yaml"
    assert _found(gk, root) == (1, [("GK201", last, 1), ("GK203", last, 1)])


def test_an_unchanged_catalog_is_answered_without_reading_a_file(tmp_path, monkeypatch, later):
    """What the cache is for (README: a hook's run after one edit reads that file, not the catalog): with nothing
    changed no file is read and the report is the one remembered; after one edit the other record is not read."""
    from gongkai.catalog.sources import WorkingTree
    from gongkai.validate import validate

    root = _catalog(tmp_path, (R2, SECOND))
    read = WorkingTree.read
    reads: list[str] = []

    def counted(self, path):
        reads.append(path)
        return read(self, path)

    monkeypatch.setattr(WorkingTree, "read", counted)
    day = dt.date(2026, 11, 27)
    first = validate(root, day)
    assert first.catalog is not None and first.report.diagnostics == [] and R2 in reads
    reads.clear()
    again = validate(root, day)
    assert (again.catalog, again.report.diagnostics, reads) == (None, [], [])
    _write(root, R1, NO_REVIEW)
    edited = validate(root, day)
    assert [(d.code, d.path, d.line) for d in edited.report.diagnostics] == [("GK303", R1, 8)]
    assert R1 in reads and R2 not in reads


def test_a_record_saved_twice_within_one_tick_of_a_share_whose_clock_is_behind(gk, tmp_path, monkeypatch):
    """A catalog on the bureau's NAS (a network share, 1–2 s timestamps) whose clock is 10 s behind the clerk's PC:
    a file saved a moment ago looked 10 s old to the racily-clean rule, so its stamp was trusted at once; saved again
    within the same timestamp tick with the same size (a sync client writing in place, an editor saving twice), the
    stamp was the same and validate passed a record that now holds an ID number (exit 0; --no-cache: GK601). The
    lag is now measured on the file the cache writes when it opens, and a file is trusted only once it is older than
    a tick by the share's own clock."""
    from gongkai.catalog import cache, listing
    from gongkai.catalog.sources import WorkingTree
    from gongkai.privacy import scan

    real = time.time_ns
    ahead = types.SimpleNamespace(time_ns=lambda: real() + 10_000_000_000)  # the PC's clock, 10 s ahead of the NAS's
    for module in (listing, cache, scan):
        monkeypatch.setattr(module, "time", ahead)
    entries = WorkingTree.entries
    ticks: list[int] = []

    def coarse(self):  # R1's times as the share keeps them: one tick, taken when it is first listed
        ticks.append(ticks[0] if ticks else real())
        return [e._replace(mtime_ns=ticks[0], ctime_ns=ticks[0]) if e.path == R1 else e for e in entries(self)]

    monkeypatch.setattr(WorkingTree, "entries", coarse)
    root = _catalog(tmp_path)
    assert _found(gk, root) == CLEAN
    _write(root, R1, ID_TEXT)  # the same size, in place, within the tick: the same stamp
    assert _found(gk, root) == (1, [("GK601", R1, 18)])

# --- 2. what every file's check reads: gongkai.yaml, the holiday notices, the date, the branch ----------------------

def test_gongkai_yaml_and_the_2027_notice_edited(gk, tmp_path, later):
    """From 2026-12-01 the next year's notice is due (GK802, which names the file to write); a notice whose 春节
    leaves out 除夕 (2027-02-05, the day before 正月初一 2027-02-06) is refused (GK801 at the 春节 line, 5), and GK802
    stays; 检查.严重程度 in gongkai.yaml makes GK801 a warning, and GK303 off."""
    from test_hostile28_year2027 import NOTICE_2027_YAML

    root = _catalog(tmp_path)
    due, refused = ("GK802", "calendar/2027.yaml", 1), ("GK801", "calendar/2027.yaml", 5)
    assert _found(gk, root, "2026-12-07") == (0, [("GK802", "calendar/2027.yaml", None)])
    assert _found(gk, root) == CLEAN  # 2026-11-27: not yet due
    _write(root, "calendar/2027.yaml", NOTICE_2027_YAML)
    assert _found(gk, root, "2026-12-07") == CLEAN
    _write(root, "calendar/2027.yaml", NOTICE_2027_YAML.replace("开始: 2027-02-05", "开始: 2027-02-06"))
    assert _found(gk, root, "2026-12-07") == (1, [due, refused])
    _write(root, "gongkai.yaml", AGENCY + "检查:\n  严重程度:\n    GK801: warning\n")
    assert _found(gk, root, "2026-12-07") == (0, [due, refused])
    _write(root, R1, NO_REVIEW)
    assert _found(gk, root, "2026-12-07") == (1, [due, refused, ("GK303", R1, 8)])
    _write(root, "gongkai.yaml", AGENCY + "检查:\n  严重程度:\n    GK801: warning\n    GK303: 'off'\n", keep_stamp=True)
    assert _found(gk, root, "2026-12-07") == (0, [due, refused])
    (root / "calendar/2027.yaml").unlink()
    assert _found(gk, root, "2026-12-07") == (0, [("GK802", "calendar/2027.yaml", None)])


def test_a_branch_switched_back_and_forth(gk, tmp_path, later):
    """git checkout rewrites the files of the other branch: the cache of one branch must not answer for the other."""
    root = _catalog(tmp_path)
    top = root.parent
    assert _found(gk, root) == CLEAN
    git(top, "checkout", "-q", "-b", "草稿")
    _write(root, R1, ID_TEXT)
    _write(root, R2, SECOND)
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "草稿")
    assert _found(gk, root) == (1, [("GK601", R1, 18)])
    git(top, "checkout", "-q", "main")
    assert not (root / R2).exists()
    assert _found(gk, root) == CLEAN
    git(top, "checkout", "-q", "草稿")
    assert _found(gk, root) == (1, [("GK601", R1, 18)])


# --- 3. the cache's own files: cut short, damaged, signed by someone else, two runs at once --------------------------

def test_the_stamps_table_cut_short_or_garbled(gk, tmp_path, later):
    root = _catalog(tmp_path, (R2, SECOND))
    assert _found(gk, root) == CLEAN
    stats = root / CACHE / "stats.v4.marshal"
    stats.write_bytes(stats.read_bytes()[: stats.stat().st_size // 2])
    _write(root, R1, ID_TEXT, keep_stamp=True)
    assert _found(gk, root) == (1, [("GK601", R1, 18)])
    (root / CACHE / "stats-recent.v4.marshal").write_bytes(b"\x00garbage")
    _write(root, R1, RECORD, keep_stamp=True)
    assert _found(gk, root) == CLEAN
    # tables of another shape (another version, a disk fault that still reads as marshal): not read, never exit 3
    stats.write_bytes(marshal.dumps(([R1, R2], b"\x00" * 40, [""])))  # 2 paths, 1 stamp, 1 hash
    (root / CACHE / "stats-recent.v4.marshal").write_bytes(marshal.dumps({R1: ((1, 2, 3), "0" * 40), R2: "y"}))
    _write(root, R1, ID_TEXT, keep_stamp=True)
    assert _found(gk, root) == (1, [("GK601", R1, 18)])


def test_a_cache_database_that_is_no_database_is_made_again(gk, tmp_path, later):
    """A power cut while the cache was written, a sync client that replaced it: never exit 3, and the next run has
    a cache again."""
    root = _catalog(tmp_path)
    assert _found(gk, root) == CLEAN
    database = root / CACHE / "cache.sqlite3"
    for extra in ("-wal", "-shm"):
        database.with_name(database.name + extra).unlink(missing_ok=True)
    database.write_bytes(b"not a database " * 300)
    _write(root, R1, NO_REVIEW)
    assert _found(gk, root) == (1, [("GK303", R1, 8)])
    with sqlite3.connect(database) as db:  # made again: a database, stamped with this machine's salt
        assert db.execute("SELECT count(*) FROM meta WHERE k='salt'").fetchone() == (1,)


def _forged_snapshot(root: Path, path: str, blob: str) -> None:
    """The snapshot's entry for *path* claims content *blob* was parsed clean, signed with a key not this machine's
    (a .gongkai-cache copied from another PC, or written by hand)."""
    import pickle

    from gongkai.catalog.files import parse_file
    from gongkai.catalog.snapshot import BASE, PART, _sign_into

    clean = parse_file(path, "record", blob, RECORD.encode())
    assert clean.diagnostics == [] and clean.blob == blob
    name = PART.format(base="00" * 8, number=0)
    for stale in (root / CACHE).glob("parsed*.pickle"):
        stale.unlink()
    _sign_into(root / CACHE / name, b"k" * 32, ("00" * 8, [clean]))
    _sign_into(root / CACHE / BASE, b"k" * 32, ("00" * 8, [name]))
    assert pickle.loads((root / CACHE / BASE).read_bytes()[18 + 32:]) == ("00" * 8, [name])


def test_a_snapshot_signed_by_someone_else_is_not_read(gk, tmp_path, later):
    """The snapshot holds pickles of parsed files: one whose signature is not this machine's is never read, so it can
    neither run code nor vouch that a record holding an ID number was parsed clean."""
    from gongkai.catalog.sources import blob_id

    root = _catalog(tmp_path)
    assert _found(gk, root) == CLEAN
    _write(root, R1, ID_TEXT)
    _forged_snapshot(root, R1, blob_id(ID_TEXT.encode()))
    (root / CACHE / "cache.sqlite3").unlink()  # no remembered state either: the whole catalog is loaded
    assert _found(gk, root) == (1, [("GK601", R1, 18)])


def test_a_snapshot_part_cut_short_is_not_read(gk, tmp_path, later):
    root = _catalog(tmp_path)
    assert _found(gk, root) == CLEAN
    for part in (root / CACHE).glob("parsed.v3.*.*.pickle"):
        part.write_bytes(part.read_bytes()[:-7])
    _write(root, "gongkai.yaml", AGENCY.replace("测试县民政局", "测试县民政局 "))  # a whole load, through the snapshot
    _write(root, R1, ID_TEXT, keep_stamp=True)
    assert _found(gk, root) == (1, [("GK601", R1, 18)])


def test_an_upgrade_of_gongkai_does_not_reuse_what_the_old_version_found(gk, tmp_path, monkeypatch):
    """A new version may judge the same bytes otherwise (here: an invisible character, GK017, made an error): nothing
    the old version parsed or found is reused — not the remembered report, not the parse results, not the snapshot."""
    import gongkai
    from gongkai.catalog import cache, files
    from gongkai.diagnostics import Severity

    root = _catalog(tmp_path, (R1, RECORD.replace("题名: 测试县", "题名: 测试\u200b县")))
    assert _found(gk, root) == (0, [("GK017", R1, 2)])
    monkeypatch.setattr(gongkai, "__version__", gongkai.__version__ + ".post1")
    monkeypatch.setattr(files, "LOAD_SEVERITY", {**files.LOAD_SEVERITY, "GK017": Severity.ERROR})
    cache.code_salt.cache_clear()
    try:
        assert _found(gk, root) == (1, [("GK017", R1, 2)])
    finally:
        cache.code_salt.cache_clear()


def test_two_validates_at_once_after_an_edit(gk, tmp_path):
    """A pre-commit hook and an editor's check start together: both report the edit, and a run after them too."""
    root = _catalog(tmp_path)
    assert _found(gk, root) == CLEAN
    _write(root, R1, NO_REVIEW)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    command = [sys.executable, "-m", "gongkai", "validate", str(root), "--format", "json", "--today", TODAY]
    runs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for run in runs:
        out, err = run.communicate()
        assert run.returncode == 1, err.decode()[-600:]
        assert [(d["code"], d["path"], d["line"]) for d in json.loads(out)["diagnostics"]] == [("GK303", R1, 8)]
    assert _found(gk, root) == (1, [("GK303", R1, 8)])
