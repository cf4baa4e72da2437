"""The parsed-files snapshot: a whole load reuses what the last one parsed, never a stale or foreign result."""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import shutil
import time
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from gongkai import forking
from gongkai.catalog import loader, snapshot
from gongkai.catalog.loader import load_catalog

from conftest import RECORD, CatalogDir
from test_notice_files import BASE as NOTICE

TITLE = "测试县民政局关于2026年第三季度低保对象名单的公示"


def _edit(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    later = time.time() + 5  # a clearly new mtime: the stat check sees the change at once
    os.utime(path, (later, later))


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths parse_file was called for, in this process."""
    seen: list[str] = []
    real = loader.parse_file

    def counting(path: str, *args: object) -> object:
        seen.append(path)
        return real(path, *args)

    monkeypatch.setattr(loader, "parse_file", counting)
    return seen


def _records(cat: CatalogDir, count: int) -> None:
    for n in range(2, count + 2):
        cat.record(RECORD.replace("R2026-001", f"R2026-{n:03d}").replace("00001", f"{n:05d}")
                   .replace("〕1号", f"〕{n}号"), f"records/2026/R2026-{n:03d}.yaml")


def test_a_second_load_parses_only_what_changed(cat: CatalogDir, parses: list[str]) -> None:
    _records(cat, 3)
    first = load_catalog(cat.root)
    assert len(parses) == 6  # gongkai.yaml, one item, four records
    parses.clear()
    again = load_catalog(cat.root)
    assert parses == []
    assert again.records["R2026-003"].title == first.records["R2026-003"].title
    _edit(cat.root / "records/2026/R2026-003.yaml", (cat.root / "records/2026/R2026-003.yaml").read_text(encoding="utf-8")
          .replace(TITLE, "改过的题名"))
    edited = load_catalog(cat.root)
    assert parses == ["records/2026/R2026-003.yaml"]
    assert edited.records["R2026-003"].title == "改过的题名"
    assert edited.records["R2026-002"].title == TITLE
    parses.clear()
    assert load_catalog(cat.root).records["R2026-003"].title == "改过的题名"
    assert parses == []  # the edit was kept (in the delta)


@pytest.mark.parametrize("rewrite", [False, True], ids=["delta", "base-rewritten"])
def test_every_edit_is_seen_whichever_part_holds_it(cat: CatalogDir, monkeypatch: pytest.MonkeyPatch,
                                                   rewrite: bool) -> None:
    if rewrite:  # every load writes the whole snapshot again
        monkeypatch.setattr(snapshot, "REWRITE_MIN", 0)
        monkeypatch.setattr(snapshot, "REWRITE_SHARE", 0)
    _records(cat, 2)
    path = cat.root / "records/2026/R2026-002.yaml"
    original = path.read_text(encoding="utf-8")
    for n in range(4):
        _edit(path, original.replace(TITLE, f"第{n}次修改"))
        assert load_catalog(cat.root).records["R2026-002"].title == f"第{n}次修改"
    _edit(path, original)  # back to a content the base or the delta held before
    assert load_catalog(cat.root).records["R2026-002"].title == TITLE
    (cat.root / "records/2026/R2026-003.yaml").unlink()
    assert set(load_catalog(cat.root).records) == {"R2026-001", "R2026-002"}


def test_a_moved_file_with_findings_is_reported_where_it_now_is(cat: CatalogDir) -> None:
    broken = RECORD.replace("页数: 1", "页数: 一页")
    cat.record(broken)
    assert [d.path for d in load_catalog(cat.root).files["records/2026/R2026-001.yaml"].diagnostics]
    (cat.root / "records/2026/R2026-001.yaml").rename(cat.root / "records/2026/改名.yaml")
    moved = load_catalog(cat.root).files["records/2026/改名.yaml"]
    assert moved.diagnostics and {d.path for d in moved.diagnostics} == {"records/2026/改名.yaml"}


def test_no_cache_writes_no_snapshot(cat: CatalogDir) -> None:
    load_catalog(cat.root, use_cache=False)
    assert not (cat.root / ".gongkai-cache" / snapshot.BASE).exists()


class Payload:
    """Runs code when unpickled: creates the file named."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (open, (str(self.marker), "w"))


@pytest.mark.parametrize("name", [snapshot.BASE, snapshot.DELTA])
def test_a_snapshot_shipped_with_the_catalog_is_never_unpickled(gk, cat: CatalogDir, tmp_path: Path,
                                                                 name: str) -> None:
    """A .gongkai-cache committed to a repository or unpacked from an archive. The attacker knows gongkai's code,
    so its MAC is keyed with everything public (version, sizes and times of the code) — not this machine's secret."""
    load_catalog(cat.root)  # a real base and delta exist: the forged one replaces one of them
    marker = tmp_path / "pwned"
    public = hashlib.sha256(loader.__name__.encode()).digest() * 2
    payload = pickle.dumps(("forged", {("x", "record"): Payload(marker)}))
    forged = snapshot.MAGIC + hmac.new(public, payload, "sha256").digest() + payload
    (cat.root / ".gongkai-cache" / name).write_bytes(forged)
    cat.record(RECORD.replace("经审核", "经审核，联系电话13812345678"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search")
    assert not marker.exists()
    assert run.code != 3
    assert "138****5678" in run.out + run.err  # the record was read and scanned anew, and held back


def test_a_cut_short_snapshot_is_ignored(cat: CatalogDir) -> None:
    load_catalog(cat.root)
    base = cat.root / ".gongkai-cache" / snapshot.BASE
    base.write_bytes(base.read_bytes()[:-10])
    assert load_catalog(cat.root).records["R2026-001"].title == TITLE




def test_a_file_whose_meaning_depends_on_its_name_is_read_again_when_moved(gk, cat: CatalogDir) -> None:
    """calendar/<year>.yaml: the same content under another year's name is wrong, whatever was remembered."""
    cat.write("calendar/2027.yaml", NOTICE)
    load_catalog(cat.root)  # the snapshot holds the valid notice
    assert gk("validate", cat.root).code == 0
    (cat.root / "calendar/2027.yaml").rename(cat.root / "calendar/2026.yaml")
    assert [f.diagnostics[0].message for f in [load_catalog(cat.root).files["calendar/2026.yaml"]]] == [
        "文件名的年份（2026）与「年度」（2027）不一致"]
    run = gk("validate", cat.root)
    assert run.code != 0 and "文件名的年份（2026）与「年度」（2027）不一致" in run.out + run.err


def test_files_parsed_in_workers_are_those_parsed_here(cat: CatalogDir, parses: list[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A first load of a large catalog parses in forked workers: the same files, in the same order, with the same
    models and the same problems (line and column) as one process parses them."""
    if not forking.can_fork():
        pytest.skip("one core or no fork: the workers are never started")
    _records(cat, 12)
    cat.record(RECORD.replace("R2026-001", "R2026-090").replace("题名:", "题名: [未闭合"), "records/2026/R2026-090.yaml")
    (cat.root / "records/2026/R2026-091.yaml").write_bytes("题名: 测试\n".encode("gbk"))
    alone = loader.load_catalog(cat.root, use_cache=False)
    assert len(parses) == 17
    parses.clear()
    monkeypatch.setattr(loader, "PARALLEL_PARSE", 2)
    shared = loader.load_catalog(cat.root, use_cache=False)
    assert parses == []  # none in this process
    assert list(shared.files) == list(alone.files)
    assert shared.files == alone.files
    problems = [(d.path, d.code, d.line, d.column) for d in shared.load_diagnostics]
    # the unclosed bracket of the second line (题名 after 编号), the file in GBK
    assert problems == [("records/2026/R2026-090.yaml", "GK001", 2, 5), ("records/2026/R2026-091.yaml", "GK002", 1, 1)]


def test_files_hashed_in_workers_are_those_hashed_here(cat: CatalogDir, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first listing of a large catalog reads and hashes in forked workers: the same blob ids (git's, computed here
    by hand), the same contents handed to the parser, the same stats remembered as one process reads them."""
    import shutil

    from gongkai.catalog import cache as cache_module, listing

    if not forking.can_fork():
        pytest.skip("one core or no fork: the workers are never started")
    _records(cat, 12)

    def listed(parallel_from: int) -> tuple[listing.Listing, dict[str, Any]]:
        shutil.rmtree(cat.root / ".gongkai-cache", ignore_errors=True)
        monkeypatch.setattr(listing, "PARALLEL_HASH", parallel_from)
        source, cache = listing.open_catalog(cat.root, True)
        found = listing.scan(source, cache)
        table = cache._stats_table()
        return found, {"paths": list(table.paths), "stamps": bytes(table.stamps), "blobs": list(table.blobs),
                       "other": dict(table.other)}

    # (a stat vouches for a hash only of a file older than 2 s when read: here, of any file written before)
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    alone, stats_alone = listed(10**9)
    shared, stats_shared = listed(2)
    assert shared.files == alone.files and shared.fresh == alone.fresh
    assert stats_shared == stats_alone and len(stats_alone["paths"]) == 15  # gongkai.yaml, the item, 13 records
    assert all(stats_alone["blobs"])
    by_hand = {p.relative_to(cat.root).as_posix(): p.read_bytes() for p in cat.root.rglob("*.yaml")}
    assert shared.fresh == by_hand
    for path, kind, blob in shared.files:
        data = by_hand[path]
        assert blob == hashlib.sha1(b"blob %d\x00" % len(data) + data).hexdigest(), path


def _first_load_in_workers(cat: CatalogDir, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A first load parsed in forked workers (as of a large catalog): the parts of the base they wrote."""
    if not forking.can_fork():
        pytest.skip("one core or no fork: the workers are never started")
    monkeypatch.setattr(loader, "PARALLEL_PARSE", 2)
    load_catalog(cat.root)
    monkeypatch.setattr(loader, "PARALLEL_PARSE", 10**9)  # from now on parsed here, where `parses` sees it
    return sorted((cat.root / ".gongkai-cache").glob(snapshot.PARTS))


def test_the_workers_of_a_first_load_write_the_base_and_the_next_load_parses_nothing(
        cat: CatalogDir, parses: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    _records(cat, 12)
    parts = _first_load_in_workers(cat, monkeypatch)
    assert len(parts) >= 2  # one a share of the work: written in the workers, not again here
    again = load_catalog(cat.root)
    assert parses == []
    alone = load_catalog(cat.root, use_cache=False)
    assert again.files == alone.files and list(again.files) == list(alone.files)
    _edit(cat.root / "records/2026/R2026-005.yaml", (cat.root / "records/2026/R2026-005.yaml").read_text(encoding="utf-8")
          .replace(TITLE, "改过的题名"))
    parses.clear()
    assert load_catalog(cat.root).records["R2026-005"].title == "改过的题名"
    assert parses == ["records/2026/R2026-005.yaml"]  # the base stands, the edit goes to the delta
    assert sorted((cat.root / ".gongkai-cache").glob(snapshot.PARTS)) == parts


@pytest.mark.parametrize("harm", ["cut-short", "removed", "of-another-base"])
def test_a_base_missing_a_sound_part_is_not_used(cat: CatalogDir, parses: list[str], monkeypatch: pytest.MonkeyPatch,
                                                 harm: str) -> None:
    _records(cat, 12)
    earlier = _first_load_in_workers(cat, monkeypatch)[0].read_bytes()
    shutil.rmtree(cat.root / ".gongkai-cache")
    parts = _first_load_in_workers(cat, monkeypatch)  # another base, another id
    if harm == "cut-short":
        parts[-1].write_bytes(parts[-1].read_bytes()[:-10])
    elif harm == "removed":
        parts[-1].unlink()
    else:  # a sound, signed part of the earlier base under this base's name: its id says it is not of this base
        parts[0].write_bytes(earlier)
    parses.clear()
    found = load_catalog(cat.root)
    assert len(parses) == 15  # everything parsed again: gongkai.yaml, the item, 13 records
    assert found.files == load_catalog(cat.root, use_cache=False).files


def test_a_part_replaced_by_one_signed_with_public_knowledge_is_never_unpickled(cat: CatalogDir, tmp_path: Path,
                                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _records(cat, 12)
    part = _first_load_in_workers(cat, monkeypatch)[0]
    marker = tmp_path / "pwned"
    public = hashlib.sha256(loader.__name__.encode()).digest() * 2
    base_id = part.name.split(".")[2]
    payload = pickle.dumps((base_id, [Payload(marker)]))
    part.write_bytes(snapshot.MAGIC + hmac.new(public, payload, "sha256").digest() + payload)
    assert load_catalog(cat.root).records["R2026-005"].title == TITLE
    assert not marker.exists()


class Kept(NamedTuple):
    path: str
    number: int


def test_a_base_is_written_in_parts_and_a_reader_may_stop_between_them(tmp_path: Path) -> None:
    """A large base is several signed parts; a reader told to stop (a build that found nothing changed) keeps none."""
    key = b"k" * 32
    entries = {path: Kept(path, n) for n in range(30_001) for path in [f"records/2026/R2026-{n:06d}.yaml"]}
    snapshot.Snapshot(tmp_path, key).save(entries, set(entries))
    parts = sorted(p.name for p in tmp_path.glob("parsed.v3.*.*.pickle"))
    assert len(parts) == 3  # 12,500 + 12,500 + 5,001 entries (PART_SIZE written out: 30,001 needs three)
    whole = snapshot.Snapshot(tmp_path, key)
    assert whole.get("records/2026/R2026-030000.yaml") == ("records/2026/R2026-030000.yaml", 30_000)
    assert len(whole.base) == 30_001
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 1  # the first part is read, then the reader is told to stop

    stopped = snapshot.Snapshot(tmp_path, key, stop=stop)
    assert stopped.base == {} and stopped.get("records/2026/R2026-000000.yaml") is None and len(asked) == 2
    (tmp_path / parts[1]).write_bytes(b"damaged")  # one part lost: the base is not whole, none of it is used
    assert snapshot.Snapshot(tmp_path, key).base == {}
