"""The search index tried an eighteenth time, as an inspector would: a document no longer in force is known to the
index as such (meta.json's "lapsed" and the seventh field of its result entry), so that search.js ranks it after a
document in force that matches as well — from the day its 有效性日期 comes, in a fresh build and in a patched one.

Expected pages are typed by hand from the bundled catalog: only R2025-004 is 失效 (有效性日期 2026-07-01).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from gongkai.search import SearchDoc, files, update_index
from gongkai.site import build_site

TODAY = dt.date(2026, 11, 27)


def _read(path: Path) -> Any:
    return json.loads(gzip.decompress(path.read_bytes()))


def lapsed(site: Path) -> set[str]:
    """The urls of the pages meta.json calls lapsed, checked against each page's result entry."""
    root = site / "search"
    meta = _read(root / "meta.json.gz")
    assert meta["format"] == files.FORMAT
    entries: dict[int, list[Any]] = {}
    for path in (root / "m").iterdir():
        entries.update({int(p): e for p, e in _read(path).items()})
    assert all(len(e) == 7 for e in entries.values())
    flagged = {e[0] for e in entries.values() if e[6] == 1}
    assert {entries[p][0] for p in meta["lapsed"]} == flagged
    return flagged


def _edit(catalog: Path, rid: str, old: str, new: str) -> None:
    path = catalog / f"records/{rid[1:5]}/{rid}.yaml"
    text = path.read_text("utf-8")
    assert old in text, (rid, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


def test_a_lapsed_document_is_marked_in_the_index(bundled: Path, tmp_path: Path) -> None:
    build_site(bundled, tmp_path / "site", TODAY, use_cache=False)
    # its 解读 R2025-005 lapses with it (fortieth session: gate.interpreted)
    assert lapsed(tmp_path / "site") == {"records/R2025-004.html", "records/R2025-005.html"}


@pytest.mark.parametrize("rebuild_below", [0, 10**9])  # patched as a large index is, and rebuilt as a small one
def test_a_document_lapses_on_its_day_in_a_patched_index(bundled: Path, tmp_path: Path, rebuild_below: int,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """R2026-007 marked 废止 from 2026-12-01: in force on 11-30, lapsed on 12-01; R2025-004 made 有效 again leaves."""
    monkeypatch.setattr("gongkai.search.REBUILD_BELOW", rebuild_below)
    site = tmp_path / "site"
    build_site(bundled, site, TODAY, use_cache=False)
    _edit(bundled, "R2026-007", "有效性: 有效", "有效性: 废止\n有效性日期: 2026-12-01")
    build_site(bundled, site, dt.date(2026, 11, 30))
    # each document's 解读 (R2025-005, R2026-008) lapses with it (fortieth session: gate.interpreted)
    assert lapsed(site) == {"records/R2025-004.html", "records/R2025-005.html"}
    build_site(bundled, site, dt.date(2026, 12, 1))
    assert lapsed(site) == {"records/R2025-004.html", "records/R2025-005.html", "records/R2026-007.html",
                            "records/R2026-008.html"}
    _edit(bundled, "R2025-004", "有效性: 失效\n有效性日期: 2026-07-01\n被替代: R2026-015\n", "有效性: 有效\n")
    build_site(bundled, site, dt.date(2026, 12, 1))
    assert lapsed(site) == {"records/R2026-007.html", "records/R2026-008.html"}


DOCS = [SearchDoc("records/R2025-004.html", "关于提高城乡最低生活保障标准的通知【失效】", text="低保标准。",
                  kind="record", lapsed=True),
        SearchDoc("records/R2026-015.html", "关于调整城乡最低生活保障标准的通知", text="低保标准。", kind="record")]


def test_an_index_without_lapsed_pages_is_rebuilt(tmp_path: Path) -> None:
    """An index written before lapsed pages were kept (format 3) is replaced whole, even when no page changed: never
    read as having none."""
    site = tmp_path / "site"
    _write(site, update_index(None, {d.url: d for d in DOCS}).files)
    meta = _read(site / files.META)
    meta["format"] = 3
    del meta["lapsed"]
    (site / files.META).write_bytes(gzip.compress(json.dumps(meta, ensure_ascii=False).encode("utf-8")))
    update = update_index(site, {}, lambda: DOCS)  # a build in which no page changed
    assert update.rebuilt
    _write(site, update.files)
    assert lapsed(site) == {"records/R2025-004.html"}


def _write(site: Path, files_: dict[str, bytes]) -> None:
    for path, data in files_.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_bytes(data)
