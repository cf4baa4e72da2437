"""Hostile pass on validate's cache (issues 2 and 18): after any sequence of edits, `validate` with its cache prints
exactly what `validate --no-cache` prints, and a damaged cache is computed again — never exit 3 on every run after.

The property test here tries edits tests/test_validate_incremental.py does not: moves between year folders, items and
gongkai.yaml units edited, an edit of the same size with the modification time put back, a file deleted and put back
with other content, attachments replaced by other bytes of the same size, --today crossing a year, and the cache's
own files damaged between runs. More examples: GONGKAI_PROPERTY_EXAMPLES=100 .venv/bin/python -m pytest <this file>
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import BUNDLED

EXAMPLES = int(os.environ.get("GONGKAI_PROPERTY_EXAMPLES", "5"))
RECORDS = ["2026/R2026-001", "2026/R2026-002", "2026/R2026-008", "2026/R2026-011", "2025/R2025-003"]
DAYS = ["2026-11-27", "2026-12-31", "2027-01-04", "2025-06-30"]
INTERNAL = "内部错误"


def _catalog(folder: Path) -> Path:
    root = folder / "catalog"
    shutil.copytree(BUNDLED, root, ignore=shutil.ignore_patterns(".gongkai-cache"))
    return root


def _same_as_without_cache(gk, root: Path, today: str = "2026-11-27"):
    args = ("validate", root, "--format", "json", "--today", today)
    cached, full = gk(*args), gk(*args, "--no-cache")
    assert INTERNAL not in cached.err and "Traceback" not in cached.err, cached.err[-800:]
    assert (cached.code, cached.out) == (full.code, full.out)
    return cached


# --- a damaged cache (a disk fault, a power cut: the cache is written without waiting for the disk) ---------------

def _damage_pages(path: Path) -> None:
    """Every page of a SQLite file but the first (its header and schema) overwritten."""
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    data = path.read_bytes()
    path.write_bytes(data[:4096] + b"A" * (len(data) - 4096))


def _damage_table(path: Path, table: str) -> None:
    """The root page of *table* overwritten; the header and the other tables (the salt in 「meta」) intact."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = db.execute("PRAGMA page_size").fetchone()[0]
    (root,) = db.execute("SELECT rootpage FROM sqlite_master WHERE name=?", (table,)).fetchone()
    db.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(b"A" * size)


def _damage_rows(path: Path, table: str) -> None:
    """Every payload of *table* replaced by bytes that are no pickle and no marshal (the database itself intact)."""
    db = sqlite3.connect(path)
    db.execute(f"UPDATE {table} SET payload = ?", (b"A" * 40,))
    db.commit()
    db.close()


def test_a_cache_database_with_damaged_pages_is_made_again(gk, tmp_path):
    """cache.sqlite3 with broken pages: every validate exited 3 (「database disk image is malformed」) until the user
    deleted .gongkai-cache by hand; now the run reports as --no-cache does and the next run has a working cache."""
    root = _catalog(tmp_path)
    assert _same_as_without_cache(gk, root).code == 0
    _damage_pages(root / ".gongkai-cache" / "cache.sqlite3")
    assert _same_as_without_cache(gk, root).code == 0
    one = root / "records/2026/R2026-002.yaml"
    one.write_text(one.read_text("utf-8").replace("350524-MZ-2026-00002", "350524-MZ-2026-00001"), "utf-8")
    run = _same_as_without_cache(gk, root)
    assert run.code == 1 and '"code": "GK202"' in run.out  # R2026-001 holds 00001 first
    assert (root / ".gongkai-cache" / "cache.sqlite3").read_bytes().startswith(b"SQLite format 3\x00")
    db = sqlite3.connect(root / ".gongkai-cache" / "cache.sqlite3")
    assert db.execute("SELECT count(*) FROM memo").fetchone()[0] > 0  # the cache works again
    db.close()


@pytest.mark.parametrize("table", ["memo", "parsed"])
def test_a_damaged_table_of_the_cache_is_made_again(gk, tmp_path, table):
    """The salt still readable, one table's page broken: the first read of it failed (「database disk image is
    malformed」, exit 3) on every run; now that run remembers nothing and the file is made anew for the next."""
    root = _catalog(tmp_path)
    bad = root / "records/2026/R2026-005.yaml"  # a file with a finding: its parse result is kept in 「parsed」
    bad.write_text(bad.read_text("utf-8").replace("页数: 1", "页数: 三", 1), "utf-8")
    assert _same_as_without_cache(gk, root).code == 1
    cache = root / ".gongkai-cache" / "cache.sqlite3"
    _damage_table(cache, table)
    other = root / "records/2026/R2026-001.yaml"
    other.write_text(other.read_text("utf-8").replace("题名: ", "题名: 修改", 1), "utf-8")
    run = _same_as_without_cache(gk, root)
    assert run.code == 1 and '"code": "GK103"' in run.out
    if table == "memo":  # read on every run: made anew, not left damaged (a 「parsed」 page may go unread)
        db = sqlite3.connect(cache)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()
    assert _same_as_without_cache(gk, root).code == 1


@pytest.mark.parametrize("table", ["memo", "parsed"])
def test_damaged_entries_of_the_cache_are_computed_again(gk, tmp_path, table):
    """A remembered result whose bytes changed on disk: pickle raised (UnpicklingError, exit 3) on every run."""
    root = _catalog(tmp_path)
    bad = root / "records/2026/R2026-005.yaml"  # a file with a finding: its parse result is kept in 「parsed」
    bad.write_text(bad.read_text("utf-8").replace("页数: 1", "页数: 三", 1), "utf-8")
    first = _same_as_without_cache(gk, root)
    assert first.code == 1 and '"code": "GK103"' in first.out
    _damage_rows(root / ".gongkai-cache" / "cache.sqlite3", table)
    assert _same_as_without_cache(gk, root).out == first.out
    other = root / "records/2026/R2026-001.yaml"
    other.write_text(other.read_text("utf-8").replace("题名: ", "题名: 修改", 1), "utf-8")
    _damage_rows(root / ".gongkai-cache" / "cache.sqlite3", table)
    run = _same_as_without_cache(gk, root)
    assert run.code == 1 and '"code": "GK103"' in run.out


@pytest.mark.parametrize("table", ["facts", "parts"])
def test_damaged_rows_of_the_facts_store_are_made_again(gk, tmp_path, table):
    """validate-facts.sqlite3 with a payload that is no marshal: exit 3 (「bad marshal data」) plus a Python
    「Exception ignored in …」 traceback on stderr; now the store is discarded and every file checked again."""
    root = _catalog(tmp_path)
    assert _same_as_without_cache(gk, root).code == 0
    _damage_rows(root / ".gongkai-cache" / "validate-facts.sqlite3", table)
    two = root / "records/2026/R2026-002.yaml"
    two.write_text(two.read_text("utf-8").replace("350524-MZ-2026-00002", "350524-MZ-2026-00001"), "utf-8")
    run = _same_as_without_cache(gk, root)
    assert run.code == 1 and '"code": "GK202"' in run.out
    assert "Exception ignored" not in run.err


def test_a_facts_store_with_damaged_pages_is_made_again(gk, tmp_path):
    root = _catalog(tmp_path)
    assert _same_as_without_cache(gk, root).code == 0
    _damage_pages(root / ".gongkai-cache" / "validate-facts.sqlite3")
    two = root / "records/2026/R2026-002.yaml"
    two.write_text(two.read_text("utf-8").replace("350524-MZ-2026-00002", "350524-MZ-2026-00001"), "utf-8")
    run = _same_as_without_cache(gk, root)
    assert run.code == 1 and '"code": "GK202"' in run.out


# --- random edit sequences --------------------------------------------------------------------------------------

class Hostile:
    """The bundled catalog, and what a hostile clerk (or an accident) does to it between two validates."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.today = DAYS[0]

    def record(self, n: int) -> Path:
        return self.root / "records" / f"{RECORDS[n % len(RECORDS)]}.yaml"

    def _rewrite(self, path: Path, old: str, new: str, keep_stamp: bool = False) -> None:
        if not path.is_file():
            return
        stat = path.stat()
        text = path.read_text("utf-8")
        path.write_text(text.replace(old, new, 1) if old in text else text + f"\n# {new}\n", "utf-8")
        if keep_stamp:  # touch -r: the old modification time put back
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))

    def apply(self, op: str, n: int) -> None:
        path = self.record(n)
        if op == "same-size":  # one digit of the 公开日期 changed, size unchanged, mtime put back
            if path.is_file():
                text = path.read_text("utf-8")
                at = text.find("公开日期: 20")
                if at >= 0:
                    digit = text[at + 14]
                    other = "1" if digit != "1" else "2"
                    self._rewrite(path, text[at:at + 15], text[at:at + 14] + other, keep_stamp=True)
        elif op == "move":  # between year folders, same name
            if path.is_file():
                year = "2025" if "/2026/" in str(path) else "2026"
                target = self.root / "records" / year / path.name
                if not target.exists():
                    path.rename(target)
        elif op == "readd":  # deleted, then put back with another 索引号 and the old modification time
            if path.is_file():
                stat = path.stat()
                text = path.read_text("utf-8")
                path.unlink()
                path.write_text(text.replace("350524-MZ-", "350524-MZ-9", 1), "utf-8")
                os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        elif op == "item":  # the item a record names: its 公开方式, its 公开时限, or the item gone
            item = self.root / "items" / "shjz" / f"SHJZ-00{n % 3 + 1}.yaml"
            if n % 3 == 2:
                item.unlink(missing_ok=True)
            else:
                self._rewrite(item, "公开时限: 制定或获取信息之日起10个工作日内" if n % 2 else "公开方式: 主动",
                              "公开时限: 制定或获取信息之日起1个工作日内" if n % 2 else "公开方式: 依申请")
        elif op == "unit":  # a unit renamed in gongkai.yaml: every 责任单位 naming it points at nothing
            agency = self.root / "gongkai.yaml"
            text = agency.read_text("utf-8")
            agency.write_text(text.replace("shjzg", "shjzg2", 1), "utf-8")
        elif op == "today":
            self.today = DAYS[n % len(DAYS)]
        elif op == "attachment":  # other bytes, same size, same modification time
            pdfs = sorted((self.root / "files" / "2026").glob("*.pdf"))
            if pdfs:
                pdf = pdfs[n % len(pdfs)]
                stat = pdf.stat()
                data = pdf.read_bytes()
                marker = b"% 350524199001011234\n" if n % 2 else b"% 13805951234 phone\n"
                pdf.write_bytes(data[:-len(marker) - 6] + marker + data[-6:] if len(data) > 40 else data)
                os.utime(pdf, ns=(stat.st_atime_ns, stat.st_mtime_ns))
        elif op == "damage":
            cache = self.root / ".gongkai-cache"
            target = cache / ("cache.sqlite3" if n % 2 else "validate-facts.sqlite3")
            if target.is_file():
                _damage_pages(target) if n % 4 < 2 else _damage_rows(target, "memo" if n % 2 else "facts")
        elif op == "stats":  # the file stamps' table truncated
            stats = self.root / ".gongkai-cache" / "stats.v4.marshal"
            if stats.is_file():
                stats.write_bytes(stats.read_bytes()[: n * 37])


OPS = st.sampled_from(["same-size", "move", "readd", "item", "unit", "today", "attachment", "damage", "stats"])


@settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(OPS, st.integers(0, 40)), min_size=1, max_size=5))
@example([("damage", 1), ("same-size", 0)])  # the cache's pages broken, then an edit the stamps cannot see
@example([("damage", 2), ("readd", 1)])  # a facts row damaged, then a file put back with another 索引号
@example([("today", 1), ("today", 2), ("item", 1)])  # 2026-12-31 → 2027-01-04 (no 2027 notice), a 时限 shortened
@example([("attachment", 1), ("move", 4), ("unit", 0)])
def test_cached_validate_equals_a_full_check_over_hostile_edits(gk, steps):
    with tempfile.TemporaryDirectory() as folder:
        clerk = Hostile(_catalog(Path(folder)))
        _same_as_without_cache(gk, clerk.root, clerk.today)
        for op, n in steps:
            clerk.apply(op, n)
            _same_as_without_cache(gk, clerk.root, clerk.today)


# --- a file saved while validate runs ----------------------------------------------------------------------------

def test_a_file_saved_while_it_is_checked_is_not_remembered_as_the_listed_content(gk, tmp_path, monkeypatch):
    """The listing vouches for R2026-003 by its stamp (unchanged for more than 2 s) and does not read it; an editor
    saves it (页数: 三, GK103) before the loader reads it. The result of the new bytes was kept under the old content's
    hash: once the clerk undid the edit, every cached validate still reported GK103 for a file without it (and exit 1),
    where --no-cache reported nothing (exit 0). Now the run notices, lists again and checks what is on disk."""
    import time

    from gongkai.catalog.sources import WorkingTree

    root = _catalog(tmp_path)
    one = root / "records/2026/R2026-003.yaml"
    listed = one.read_bytes()
    saved = listed.replace("页数: 2".encode(), "页数: 三".encode(), 1)
    assert saved != listed
    time.sleep(2.2)  # every file older than the racy window: its stamp vouches for it
    args = ("validate", root, "--format", "json", "--today", "2026-11-27")
    assert gk(*args).code == 0
    for snapshot in (root / ".gongkai-cache").glob("parsed*.pickle"):
        snapshot.unlink()  # (so the next whole load parses every file from disk)
    read = WorkingTree.read

    def saving_meanwhile(self, path):
        if path == "records/2026/R2026-003.yaml" and one.read_bytes() == listed:
            one.write_bytes(saved)  # the editor saves just before the loader reads
        return read(self, path)

    monkeypatch.setattr(WorkingTree, "read", saving_meanwhile)
    during = gk(*args, "--today", "2026-11-30")  # another day: every file checked again (a whole load)
    monkeypatch.setattr(WorkingTree, "read", read)
    assert during.code == 1 and '"code": "GK103"' in during.out, during.out[-600:]
    one.write_bytes(listed)  # the clerk undoes the edit
    after = _same_as_without_cache(gk, root, "2026-11-30")
    assert after.code == 0 and '"code": "GK103"' not in after.out


def test_a_file_that_keeps_changing_while_it_is_checked_stops_with_exit_2(gk, tmp_path, monkeypatch):
    """Saved again on every reading (a sync client fighting an editor): after three tries, exit 2 and a Chinese
    sentence naming the file, no traceback, nothing remembered as that file's result."""
    from gongkai.catalog.sources import WorkingTree

    root = _catalog(tmp_path)
    one = root / "records/2026/R2026-003.yaml"
    text = one.read_text("utf-8")
    # published before it was formed (GK404, a rule's finding: placed by reading the file again), in two spellings
    versions = [text.replace("公开日期: 2026-03-04", f"公开日期: 2026-03-0{day}", 1).encode() for day in (1, 1)]
    versions[1] += "# 再次保存\n".encode()
    read = WorkingTree.read

    def saving_every_time(self, path):
        if path == "records/2026/R2026-003.yaml":
            one.write_bytes(versions[0] if one.read_bytes() != versions[0] else versions[1])
        return read(self, path)

    monkeypatch.setattr(WorkingTree, "read", saving_every_time)
    run = gk("validate", root, "--today", "2026-11-27")
    monkeypatch.setattr(WorkingTree, "read", read)
    assert run.code == 2
    assert "「records/2026/R2026-003.yaml」在检查过程中被修改了" in run.err and "重新运行" in run.err
    assert "Traceback" not in run.err and INTERNAL not in run.err
    one.write_text(text, "utf-8")
    assert _same_as_without_cache(gk, root).code == 0


# --- an attachment replaced within one timestamp tick ------------------------------------------------------------

def test_an_attachment_replaced_within_one_timestamp_tick_is_read_again(gk, tmp_path, monkeypatch):
    """On a file system whose timestamps are coarse (FAT/exFAT on a USB stick: 2 s; SMB shares, some NAS: 1 s) a PDF
    replaced by other bytes of the same size right after a validate keeps its size, mtime and ctime. YAML files were
    hashed again while that close to the run (git's racily clean rule); attachments were trusted by their stamp, and
    the whole result remembered: a mobile number put into the PDF passed validate (exit 0) where --no-cache found it
    (GK602, exit 1). Simulated here: the PDF's stamp is the same before and after the replacement."""
    import time

    from gongkai.catalog.sources import WorkingTree

    root = _catalog(tmp_path)
    pdf = root / "files/2026/R2026-001.pdf"
    clean = pdf.read_bytes()
    marked = clean.replace(b"ReportLab Generated PDF document", b"tel 13805951234".ljust(32), 1)
    assert len(marked) == len(clean) and marked != clean
    tick = time.time_ns() // 2_000_000_000 * 2_000_000_000  # the 2-second tick both writes fall in
    entries = WorkingTree.entries

    def coarse(self):
        return [e._replace(mtime_ns=tick, ctime_ns=tick) if e.path == "files/2026/R2026-001.pdf" else e
                for e in entries(self)]

    monkeypatch.setattr(WorkingTree, "entries", coarse)
    args = ("validate", root, "--format", "json", "--today", "2026-11-27")
    assert gk(*args).code == 0
    pdf.write_bytes(marked)  # within the same tick: same size, same stamp
    cached = gk(*args)
    assert cached.code == 1 and '"code": "GK602"' in cached.out and "138****1234" in cached.out
    assert (cached.code, cached.out) == (lambda full: (full.code, full.out))(gk(*args, "--no-cache"))
