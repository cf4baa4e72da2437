"""build-site on every core: forked workers make the same bytes, and scan what they wrote before it is published."""

from __future__ import annotations

import importlib
import shutil
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

from gongkai.bounded import Bounded
from gongkai.privacy.documents import MAX_REMEMBERED
from gongkai.privacy.scan import RecordScan

from tests.conftest import ITEM, RECORD, CatalogDir, Run

Gk = Callable[..., Run]
LEAK = "张三 身份证号 11010519491231002X"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_forked_build_is_byte_identical(bundled: Path, gk: Gk, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    assert gk("build-site", bundled, "--out", tmp_path / "one", "--no-cache").code == 0
    monkeypatch.setattr("gongkai.site.parallel.MIN_PARALLEL", 1)
    assert gk("build-site", bundled, "--out", tmp_path / "many", "--no-cache").code == 0
    assert _files(tmp_path / "one") == _files(tmp_path / "many")


@pytest.mark.parametrize("min_parallel", [1, 1_000_000], ids=["forked", "one-process"])
@pytest.mark.parametrize("fresh", [True, False], ids=["fresh", "update"])
def test_output_scan_stops_a_page_the_gate_let_through(cat: CatalogDir, gk: Gk, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch, min_parallel: int,
                                                        fresh: bool) -> None:
    site = tmp_path / "site"
    cat.item(ITEM.replace("低保对象名单及相关信息", "低保政策及相关信息"))  # not a list of people: its records are indexed
    assert gk("build-site", cat.root, "--out", site).code == 0
    if fresh:
        (site / ".gongkai-build.json").unlink()
    before = _files(site)
    cat.record(RECORD.replace("经审核，现将名单予以公示。", LEAK).replace("文种: 公示", "文种: 通知")
               .replace("公示截止: 2026-12-31\n", "").replace("低保对象名单的公示", "低保工作的通知"))
    # a gate that misses the number: the scan of the assembled pages is the second line of defence
    admit = importlib.import_module("gongkai.gate.admit")
    monkeypatch.setattr(admit, "catalog_scan", lambda catalog: defaultdict(RecordScan))
    monkeypatch.setattr("gongkai.site.parallel.MIN_PARALLEL", min_parallel)
    run = gk("build-site", cat.root, "--out", site, "--no-cache")
    assert run.code == 1, run.out + run.err
    said = run.out + run.err
    assert "输出中发现未遮盖的个人信息" in said and "records/R2026-001.html" in said
    assert "search/" in said  # the index's files are scanned too (here or in workers)
    assert "11010519491231002X" not in run.out + run.err
    assert _files(site) == before



def test_forked_gate_scan_holds_back_the_same_records(bundled: Path, gk: Gk, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    leaked = (bundled / "records/2025/R2025-002.yaml").read_text(encoding="utf-8")
    (bundled / "records/2025/R2025-902.yaml").write_text(
        leaked.replace("R2025-002", "R2025-902", 1).replace("00002", "00902")
        .replace("为方便群众办理婚姻登记", f"联系人{LEAK}。为方便群众办理婚姻登记"), encoding="utf-8")
    sites, said = {}, {}
    for name, min_parallel in (("one", 1_000_000), ("many", 1)):
        monkeypatch.setattr("gongkai.privacy.scan._PROCESS", {})  # nothing remembered from the other scan
        monkeypatch.setattr("gongkai.privacy.documents._PDF_READ", Bounded(MAX_REMEMBERED))
        monkeypatch.setattr("gongkai.privacy.scan.MIN_PARALLEL", min_parallel)
        run = gk("build-site", bundled, "--out", tmp_path / name, "--no-cache")
        said[name], sites[name] = run.out + run.err, _files(tmp_path / name)
    assert "R2025-902" in said["many"] and "11010519491231002X" not in said["many"]
    assert "records/R2025-902.html" not in sites["many"]
    assert "records/R2025-002.html" in sites["many"] and "files/2025/R2025-002.pdf" in sites["many"]
    assert said["one"].replace("one", "many") == said["many"] and sites["one"] == sites["many"]


def _parts_in_worker(_: int) -> int:
    from gongkai.forking import ranges

    return len(ranges(100, True))


def test_a_worker_starts_no_pool_of_its_own() -> None:
    """The index of a first build is written in a page worker: its shard loop must run there, not fork again (a
    pool's worker may not have children)."""
    from gongkai.forking import can_fork
    from gongkai.processes import map_in_workers

    if not can_fork():
        pytest.skip("one core or no fork")
    assert map_in_workers(_parts_in_worker, [0, 1], 2) == [1, 1]


def _share_squares(part: range) -> list[int]:
    from gongkai.forking import shared

    return [shared()[i] ** 2 for i in part]


def test_work_started_in_workers_is_collected_in_order_after_other_work_here() -> None:
    """forking.in_parallel_later(): the workers are forked with the items as they are when started; this process
    goes on (here: changes the list) and collects the results, in the order of the parts, later."""
    from gongkai.forking import can_fork, in_parallel_later, ranges

    if not can_fork():
        pytest.skip("one core or no fork")
    items = list(range(40))
    parts = ranges(len(items), True, 4)
    later = in_parallel_later(_share_squares, parts, items)
    items[:] = [0] * 40  # after the fork: the workers have their own copy
    assert [n for share in later.results() for n in share] == [n * n for n in range(40)]


def test_validate_scans_ahead_in_workers_with_the_result_of_one_process(bundled: Path, gk: Gk,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The privacy scan starts in workers before the other rules run (lint, and validate's first run): the findings,
    their order and their places are those of a scan in this process after the other rules."""
    leaked = (bundled / "records/2025/R2025-002.yaml").read_text(encoding="utf-8")
    (bundled / "records/2025/R2025-902.yaml").write_text(
        leaked.replace("R2025-002", "R2025-902", 1).replace("00002", "00902")
        .replace("为方便群众办理婚姻登记", f"联系人{LEAK}。为方便群众办理婚姻登记"), encoding="utf-8")
    said = {}
    for name, min_parallel in (("one", 1_000_000), ("many", 1)):
        for cached in ("--no-cache", "--today"):
            monkeypatch.setattr("gongkai.privacy.scan._PROCESS", {})
            monkeypatch.setattr("gongkai.privacy.scan.MIN_PARALLEL", min_parallel)
            shutil.rmtree(bundled / ".gongkai-cache", ignore_errors=True)
            run = gk("validate", bundled, *([cached] if cached == "--no-cache" else ["--today", "2026-11-27"]))
            said[name, cached] = (run.code, run.out)
    assert said["one", "--no-cache"][0] == 1 and "R2025-902" in said["one", "--no-cache"][1]
    assert said["one", "--no-cache"] == said["many", "--no-cache"] == said["one", "--today"] == said["many", "--today"]
