"""build-site's incremental path: a few changed record files update the site exactly as a full build would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ITEM, RECORD

FAST = "增量更新"
BOOKKEEPING = {".gongkai-build.json", ".gongkai-listing"}


def record(n: int, title: str = "", published: str = "2026-09-03", extra: str = "") -> str:
    text = RECORD.replace("R2026-001", f"R2026-{n:03d}").replace("00001", f"{n:05d}")
    text = text.replace("测民〔2026〕1号", f"测民〔2026〕{n}号").replace("2026-09-03", published)
    if title:
        text = text.replace("测试县民政局关于2026年第三季度低保对象名单的公示", title)
    return text + extra


@pytest.fixture
def many(cat):
    """The small catalog with a second item and eight records over two items and several days."""
    cat.item(ITEM.replace("SHJZ-001", "SHJZ-002").replace("审批信息", "资金信息"), "items/shjz/SHJZ-002.yaml")
    for n in range(1, 9):
        text = record(n, published=f"2026-09-{n:02d}")
        if n % 2 == 0:
            text = text.replace("事项: SHJZ-001", "事项: SHJZ-002")
        cat.record(text, f"records/2026/R2026-{n:03d}.yaml")
    return cat


def files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name not in BOOKKEEPING}


def same_as_full_build(gk, catalog: Path, site: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    assert gk("build-site", catalog, "--out", fresh, "--no-search").code == 0
    built, expected = files(site), files(fresh)
    assert sorted(built) == sorted(expected)
    assert [p for p in built if built[p] != expected[p]] == []
    # the bookkeeping agrees too: the same fingerprint, the same inputs and content hashes for every file
    manifest = json.loads((site / ".gongkai-build.json").read_text("utf-8"))
    assert manifest == json.loads((fresh / ".gongkai-build.json").read_text("utf-8"))


def build(gk, catalog: Path, site: Path):
    run = gk("build-site", catalog, "--out", site, "--no-search")
    assert run.code == 0, run.err
    return run


def test_changed_title_takes_the_fast_path(gk, many, tmp_path):
    site = tmp_path / "site"
    assert FAST not in build(gk, many.root, site).out
    many.record(record(3, "关于新标题的公示", "2026-09-03"), "records/2026/R2026-003.yaml")
    run = build(gk, many.root, site)
    assert "增量更新：1 条信息" in run.out
    assert "关于新标题的公示" in (site / "index.html").read_text("utf-8")
    assert "关于新标题的公示" in (site / "items/SHJZ-001.html").read_text("utf-8")
    assert "关于新标题的公示" in (site / "feed.xml").read_text("utf-8")
    same_as_full_build(gk, many.root, site, tmp_path)
    # the next build of the same catalog does nothing; a full rebuild in place agrees too
    assert "网站没有变化" in build(gk, many.root, site).out


def test_new_record_newest_and_the_site_date(gk, many, tmp_path):
    site = tmp_path / "site"
    build(gk, many.root, site)
    many.record(record(9, "最新的公示", "2026-10-01"), "records/2026/R2026-009.yaml")
    assert FAST in build(gk, many.root, site).out
    assert (site / "records/R2026-009-slide.html").is_file()
    assert "2026年10月1日" in (site / "index.html").read_text("utf-8")
    same_as_full_build(gk, many.root, site, tmp_path)


def test_removed_record(gk, many, tmp_path):
    site = tmp_path / "site"
    build(gk, many.root, site)
    (many.root / "records/2026/R2026-008.yaml").unlink()
    assert FAST in build(gk, many.root, site).out
    assert not (site / "records/R2026-008.html").exists()
    assert "R2026-008" not in (site / "sitemap.xml").read_text("utf-8")
    same_as_full_build(gk, many.root, site, tmp_path)


def test_removed_and_added_at_once_and_a_renamed_file(gk, many, tmp_path):
    site = tmp_path / "site"
    build(gk, many.root, site)
    (many.root / "records/2026/R2026-008.yaml").unlink()
    many.record(record(9, "新的一条"), "records/2026/R2026-009.yaml")
    assert "增量更新：2 条信息" in build(gk, many.root, site).out
    assert not (site / "records/R2026-008.html").exists()
    same_as_full_build(gk, many.root, site, tmp_path / "a")
    (many.root / "records/2026/R2026-007.yaml").rename(many.root / "records/2026/R2026-007-renamed.yaml")
    assert FAST in build(gk, many.root, site).out
    same_as_full_build(gk, many.root, site, tmp_path / "b")


def test_record_switched_to_on_request_disappears_everywhere(gk, many, tmp_path):
    site = tmp_path / "site"
    build(gk, many.root, site)
    many.record(record(8).replace("公开属性: 主动公开", "公开属性: 依申请公开"), "records/2026/R2026-008.yaml")
    assert FAST in build(gk, many.root, site).out
    assert not list(site.glob("records/R2026-008*"))
    for path, data in files(site).items():
        assert b"R2026-008" not in data, path
    same_as_full_build(gk, many.root, site, tmp_path)
    # and back again
    many.record(record(8), "records/2026/R2026-008.yaml")
    assert FAST in build(gk, many.root, site).out
    assert (site / "records/R2026-008.html").is_file()
    same_as_full_build(gk, many.root, site, tmp_path / "again")


def test_unmasked_id_number_is_blocked(gk, many, tmp_path):
    site = tmp_path / "site"
    build(gk, many.root, site)
    many.record(record(5, extra="  王某某，身份证号350524198001011233。\n"), "records/2026/R2026-005.yaml")
    assert FAST in build(gk, many.root, site).out
    for path, data in files(site).items():
        assert b"R2026-005" not in data and "198001011233".encode() not in data, path
    same_as_full_build(gk, many.root, site, tmp_path)


def test_change_of_item_item_moves_between_item_pages(gk, many, tmp_path):
    site = tmp_path / "site"
    build(gk, many.root, site)
    many.record(record(3).replace("事项: SHJZ-001", "事项: SHJZ-002"), "records/2026/R2026-003.yaml")
    assert FAST in build(gk, many.root, site).out
    assert "R2026-003" in (site / "items/SHJZ-002.html").read_text("utf-8")
    assert "R2026-003" not in (site / "items/SHJZ-001.html").read_text("utf-8")
    same_as_full_build(gk, many.root, site, tmp_path)


def test_item_change_takes_the_full_path(gk, many, tmp_path):
    site = tmp_path / "site"
    build(gk, many.root, site)
    many.item(ITEM.replace("审批信息", "审批结果"))
    run = build(gk, many.root, site)
    assert FAST not in run.out and "已生成网站" in run.out
    same_as_full_build(gk, many.root, site, tmp_path)


def test_linked_records_take_the_full_path(gk, many, tmp_path):
    site = tmp_path / "site"
    build(gk, many.root, site)
    many.record(record(7, extra="解读: [R2026-006]\n"), "records/2026/R2026-007.yaml")
    assert FAST not in build(gk, many.root, site).out
    same_as_full_build(gk, many.root, site, tmp_path / "a")
    # R2026-006 is now referenced: its own change takes the full path as well (R2026-007's page lists it)
    many.record(record(6, "被解读的文件"), "records/2026/R2026-006.yaml")
    assert FAST not in build(gk, many.root, site).out
    assert "被解读的文件" in (site / "records/R2026-007.html").read_text("utf-8")
    same_as_full_build(gk, many.root, site, tmp_path / "b")


def test_duplicate_id_takes_the_full_path(gk, many, tmp_path):
    site = tmp_path / "site"
    build(gk, many.root, site)
    many.record(record(2, "重复编号"), "records/2026/R2026-002b.yaml")
    assert FAST not in build(gk, many.root, site).out
    same_as_full_build(gk, many.root, site, tmp_path)


def test_no_snapshot_without_the_cache(gk, many, tmp_path):
    site = tmp_path / "site"
    assert gk("build-site", many.root, "--out", site, "--no-search", "--no-cache").code == 0
    assert not list((many.root / ".gongkai-cache").glob("site-*.snapshot"))
    many.record(record(3, "又一个标题"), "records/2026/R2026-003.yaml")
    assert FAST not in build(gk, many.root, site).out
    assert list((many.root / ".gongkai-cache").glob("site-*.snapshot"))


def test_bundled_catalog_town_record(gk, bundled, tmp_path):
    """A new record of a 乡镇民政办 on the bundled catalog: its town page, item page, home page and feed."""
    site = tmp_path / "site"
    build(gk, bundled, site)
    text = record(901, "湖头镇2026年第三季度低保对象名单的公示", "2026-12-01").replace("责任单位: shjzg", "责任单位: mzb-100")
    (bundled / "records/2026/R2026-901.yaml").write_text(text.replace("事项: SHJZ-001", "事项: SHJZ-001"), "utf-8")
    assert FAST in build(gk, bundled, site).out
    assert "湖头镇2026年第三季度" in (site / "towns/mzb-100/index.html").read_text("utf-8")
    same_as_full_build(gk, bundled, site, tmp_path)
    (bundled / "records/2026/R2026-901.yaml").unlink()
    assert FAST in build(gk, bundled, site).out
    same_as_full_build(gk, bundled, site, tmp_path / "again")


def test_bundled_catalog_record_edit(gk, bundled, tmp_path):
    site = tmp_path / "site"
    build(gk, bundled, site)
    path = next(p for p in sorted((bundled / "records").rglob("*.yaml"))
                if "公开属性: 主动公开" in p.read_text("utf-8"))
    path.write_text(path.read_text("utf-8").replace("题名: ", "题名: 修订：", 1), "utf-8")
    build(gk, bundled, site)
    same_as_full_build(gk, bundled, site, tmp_path)


def test_a_failed_snapshot_is_ignored(gk, many, tmp_path):
    site = tmp_path / "site"
    build(gk, many.root, site)
    [snapshot] = (many.root / ".gongkai-cache").glob("site-*.snapshot")
    snapshot.write_bytes(b"not marshal")
    many.record(record(3, "又一个标题"), "records/2026/R2026-003.yaml")
    assert FAST not in build(gk, many.root, site).out
    many.record(record(3, "再一个标题"), "records/2026/R2026-003.yaml")
    assert FAST in build(gk, many.root, site).out
    same_as_full_build(gk, many.root, site, tmp_path)


ATTACHED = "附件:\n  - 文件: files/2026/R2026-{n:03d}.pdf\n"


@pytest.fixture
def attached(many):
    """The eight records, R2026-002 and R2026-004 with a PDF each."""
    for n in (2, 4):
        many.write(f"files/2026/R2026-{n:03d}.pdf", b"%PDF-1.4 " + str(n).encode())
        text = (many.root / f"records/2026/R2026-{n:03d}.yaml").read_text("utf-8")
        many.record(text + ATTACHED.format(n=n), f"records/2026/R2026-{n:03d}.yaml")
    return many


def test_record_with_attachment_edited_takes_the_fast_path(gk, attached, tmp_path):
    site = tmp_path / "site"
    build(gk, attached.root, site)
    text = (attached.root / "records/2026/R2026-002.yaml").read_text("utf-8")
    attached.record(text.replace("题名: 测试县", "题名: 修订 测试县"), "records/2026/R2026-002.yaml")
    assert FAST in build(gk, attached.root, site).out
    page = (site / "records/R2026-002.html").read_text("utf-8")
    assert "修订 测试县" in page and "files/2026/R2026-002.pdf" in page
    same_as_full_build(gk, attached.root, site, tmp_path)


def test_new_record_with_attachment_copies_the_file(gk, attached, tmp_path):
    site = tmp_path / "site"
    build(gk, attached.root, site)
    attached.write("files/2026/R2026-009.pdf", b"%PDF-1.4 nine")
    attached.record(record(9, "带附件的新公示", "2026-10-01", ATTACHED.format(n=9)), "records/2026/R2026-009.yaml")
    assert FAST not in build(gk, attached.root, site).out  # a new attachment file changes the listing: full path
    assert (site / "files/2026/R2026-009.pdf").read_bytes() == b"%PDF-1.4 nine"
    same_as_full_build(gk, attached.root, site, tmp_path)


def test_attachment_added_to_a_record_from_an_existing_file(gk, attached, tmp_path):
    site = tmp_path / "site"
    build(gk, attached.root, site)
    attached.write("files/2026/R2026-005.pdf", b"%PDF-1.4 five")  # in the catalog, not yet used by any record
    build(gk, attached.root, site)
    text = (attached.root / "records/2026/R2026-005.yaml").read_text("utf-8")
    attached.record(text + ATTACHED.format(n=5), "records/2026/R2026-005.yaml")
    assert FAST in build(gk, attached.root, site).out  # attachments added: copied in by the incremental path
    assert (site / "files/2026/R2026-005.pdf").read_bytes() == b"%PDF-1.4 five"
    same_as_full_build(gk, attached.root, site, tmp_path)


def test_unpublishing_a_record_with_attachment_takes_the_full_path(gk, attached, tmp_path):
    site = tmp_path / "site"
    build(gk, attached.root, site)
    text = (attached.root / "records/2026/R2026-004.yaml").read_text("utf-8")
    attached.record(text.replace("公开属性: 主动公开", "公开属性: 依申请公开"), "records/2026/R2026-004.yaml")
    assert FAST not in build(gk, attached.root, site).out
    assert not (site / "files/2026/R2026-004.pdf").exists()
    same_as_full_build(gk, attached.root, site, tmp_path)
