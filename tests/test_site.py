"""gongkai build-site: pages, the gate, escaping, attachments, determinism, atomicity, incremental builds."""

from __future__ import annotations

import gzip
import io
import zipfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

from gongkai.catalog import load_catalog
from gongkai.model.vocab import PROACTIVE
from tests.conftest import RECORD, CatalogDir, Run

Gk = Callable[..., Run]


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _readable(data: bytes) -> bytes:
    """The text inside a file: the search index's gzip files and xlsx zips unpacked."""
    if data[:2] == b"\x1f\x8b":
        return gzip.decompress(data)
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return b"".join(archive.read(n) for n in archive.namelist())
    return data


@pytest.fixture
def built(bundled: Path, gk: Gk, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    run = gk("build-site", bundled, "--out", site)
    assert run.code == 0, run.err
    return site


def test_pages_exist(built: Path) -> None:
    for path in ("index.html", "directory/shjz/index.html", "directory/shjz/poster.html", "five/jieguo/index.html",
                 "items/SHJZ-001.html", "zhinan/index.html", "zhidu/index.html", "fdzdgknr/index.html",
                 "nianbao/index.html", "towns/mzb-100/index.html", "changes/index.html",
                 "data/directory.json", "data/directory.csv", "data/directory.xlsx", "feed.xml", "search/index.html",
                 "search/meta.json.gz", "assets/search.js", "assets/site.css", ".gongkai-build.json"):
        assert (built / path).is_file(), path
    home = (built / "index.html").read_text("utf-8")
    assert '<html lang="zh-CN">' in home and 'class="skip"' in home and "决策公开" in home
    table = (built / "directory/shjz/index.html").read_text("utf-8")
    assert "<caption>" in table and 'scope="col"' in table and 'scope="row"' in table
    heads = ["序号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
             "公开对象", "公开方式", "公开层级"]
    positions = [table.index(f">{h}</th>") for h in heads]
    assert positions[:1] + positions[3:] == sorted(positions[:1] + positions[3:])


# The bundled catalog on 2026-11-27, worked out by hand from the record files: 主动公开, published by that day,
# naming 政府网站, not withdrawn. R2025-008 and R2026-020 are 公示 whose 7 working days are over: their pages stay
# as a short notice without the list or its attachment. R2026-031's 公示 runs from 2026-11-27 to 2026-12-07.
ON_THE_WEB = {
    "R2025-002", "R2025-004", "R2025-005", "R2025-008", "R2025-009", "R2025-010", "R2025-011",
    "R2026-001", "R2026-002", "R2026-003", "R2026-004", "R2026-005", "R2026-007", "R2026-008", "R2026-011",
    "R2026-012", "R2026-014", "R2026-015", "R2026-016", "R2026-017", "R2026-019", "R2026-020", "R2026-022",
    "R2026-023", "R2026-025", "R2026-026", "R2026-027", "R2026-028", "R2026-029", "R2026-031", "R2026-032",
}
NOT_ON_THE_WEB = {  # not 主动公开; R2026-009 is for the 公示栏 only; R2026-030 was withdrawn
    "R2025-001", "R2025-003", "R2025-006", "R2025-007", "R2026-006", "R2026-009", "R2026-010", "R2026-013",
    "R2026-018", "R2026-021", "R2026-024", "R2026-030",
}
ENDED = {"R2025-008", "R2026-020"}


def test_record_pages_are_exactly_the_web_records(bundled: Path, built: Path) -> None:
    pages = {p.stem for p in (built / "records").glob("*.html")}
    assert pages == ON_THE_WEB
    catalog = load_catalog(bundled, use_cache=False)
    assert set(catalog.records) == ON_THE_WEB | NOT_ON_THE_WEB
    for record_id in ON_THE_WEB:
        record = catalog.records[record_id]
        page = (built / "records" / f"{record_id}.html").read_text("utf-8")
        assert record.title in page
        for attachment in record.attachments:
            copied = built / attachment.file
            if record_id in ENDED:
                assert not copied.exists() and "公示已于" in page
            else:
                assert copied.read_bytes() == (bundled / attachment.file).read_bytes()


def test_nothing_but_public_records_anywhere(bundled: Path, built: Path) -> None:
    catalog = load_catalog(bundled, use_cache=False)
    hidden = [r for r in catalog.records.values() if r.attribute != PROACTIVE]
    assert hidden, "the bundled catalog should hold 依申请/不予公开 records"
    secrets = [s for r in hidden for s in (r.title, r.doc_number, r.id) if s]
    for name, data in _files(built).items():
        text = _readable(data).decode("utf-8", "replace")
        leaked = [s for s in secrets if s in text]
        assert not leaked, f"{name} shows non-public {leaked}"


def test_body_cannot_inject_html(cat: CatalogDir, gk: Gk, tmp_path: Path) -> None:
    cat.record(RECORD.replace("题名: 测试县民政局", "题名: <b>测试县民政局</b>").replace(
        "  经审核，现将名单予以公示。", "  <script>alert(1)</script>\n\n  [点我](javascript:alert(2))\n\n  <img src=x onerror=alert(3)>"))
    assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 0
    page = (tmp_path / "site/records/R2026-001.html").read_text("utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "href=\"javascript:" not in page and "<img" not in page and "&lt;b&gt;测试县民政局" in page


@pytest.mark.parametrize("path", ["../outside.pdf", "files/../gongkai.yaml", "records/2026/R2026-001.yaml",
                                  "/etc/passwd", "files/missing.pdf", "files\\..\\gongkai.yaml"])
def test_attachment_outside_catalog_refused(cat: CatalogDir, gk: Gk, tmp_path: Path, path: str) -> None:
    (cat.root.parent / "outside.pdf").write_bytes(b"%PDF-secret")
    cat.record(RECORD + f"附件:\n  - 文件: '{path}'\n    名称: 附件一\n")
    run = gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search")
    assert run.code == 0
    assert "R2026-001 没有发布" in run.err and path in run.err
    assert not (tmp_path / "site/records/R2026-001.html").exists()
    assert not any(b"secret" in d or b"root:" in d for d in _files(tmp_path / "site").values())


def test_same_catalog_byte_identical(bundled: Path, gk: Gk, tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert gk("build-site", bundled, "--out", tmp_path / name, "--no-search", "--no-cache").code == 0
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


@pytest.mark.parametrize("mode", ["update", "fresh"])
def test_failed_build_leaves_old_site(cat: CatalogDir, gk: Gk, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    if mode == "fresh":  # without the manifest the whole site is rebuilt aside and swapped
        (site / ".gongkai-build.json").unlink()
    before = _files(site)
    cat.record(RECORD.replace("低保对象名单的公示", "低保对象名单的更正公示"))

    def broken(*args: object) -> None:
        raise RuntimeError("output scan crashed")

    monkeypatch.setattr("gongkai.site.make.check_tree", broken)
    assert gk("build-site", cat.root, "--out", site).code == 3
    assert _files(site) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")] == []


def _mtimes(site: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(site).as_posix(): (p.stat().st_mtime_ns, p.stat().st_ino)
            for p in site.rglob("*") if p.is_file()}


def test_rebuild_rewrites_nothing(built: Path, bundled: Path, gk: Gk) -> None:
    before = _mtimes(built)
    run = gk("build-site", bundled, "--out", built)
    assert run.code == 0 and "没有变化" in run.out
    assert _mtimes(built) == before


def test_one_changed_record_rewrites_only_its_pages(built: Path, bundled: Path, gk: Gk) -> None:
    before = _mtimes(built)
    target = bundled / "records/2026/R2026-012.yaml"
    target.write_text(target.read_text("utf-8").replace("请结合实际认真贯彻落实", "请结合本地实际认真贯彻落实"), "utf-8")
    run = gk("build-site", bundled, "--out", built)
    assert run.code == 0, run.err
    after = _mtimes(built)
    changed = {p for p in before if p in after and before[p] != after[p]}
    assert "records/R2026-012.html" in changed
    assert "records/R2026-011.html" not in changed and "items/SHJZ-001.html" not in changed
    assert not any(p.startswith("files/") for p in changed)
    assert "本地实际" in (built / "records/R2026-012.html").read_text("utf-8")


def test_serve_refuses_missing_site(gk: Gk, tmp_path: Path) -> None:
    run = gk("serve", "--dir", tmp_path / "nothing")
    assert run.code == 2 and "build-site" in run.err


def test_record_withdrawn_leaves_no_trace_after_update(built: Path, bundled: Path, gk: Gk) -> None:
    target = bundled / "records/2026/R2026-012.yaml"
    text = target.read_text("utf-8")
    title = next(line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("题名: "))
    target.write_text(text.replace("公开属性: 主动公开", "公开属性: 依申请公开"), "utf-8")
    run = gk("build-site", bundled, "--out", built)
    assert run.code == 0, run.err
    assert not (built / "records/R2026-012.html").exists()
    assert title
    # another public document may quote the title in its own body; no page, link, feed entry or index entry remains
    leaked = [n for n, d in _files(built).items() if "R2026-012" in _readable(d).decode("utf-8", "replace")]
    assert leaked == []


@pytest.mark.parametrize("mode", ["first", "update"])
def test_the_output_scan_names_the_record_a_leak_came_from(cat: CatalogDir, gk: Gk, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch, mode: str) -> None:
    """Defence in depth: should the gate ever let a number through, the scan of the written files stops the build
    and says which record's page holds it."""
    import importlib

    from gongkai.privacy.scan import RecordScan

    gate_admit = importlib.import_module("gongkai.gate.admit")

    site = tmp_path / "site"
    if mode == "update":
        assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    cat.record(RECORD.replace("经审核，现将名单予以公示。", "经审核，现将名单予以公示。联系电话 13912345678。"))
    # a gate that misses it
    monkeypatch.setattr(gate_admit, "catalog_scan", lambda catalog: defaultdict(RecordScan))
    run = gk("build-site", cat.root, "--out", site, "--no-search")
    assert run.code != 0
    assert "records/R2026-001.html" in run.err and "来自信息 R2026-001" in run.err
    assert "13912345678" not in run.out + run.err
