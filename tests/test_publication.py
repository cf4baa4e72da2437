"""Where and while the law allows: channels decide the web, 公示 periods end lists, withdrawn records leave.

The catalog is tests/portal_catalog.py. Its 公示 run 7 working days counting the 公开日期 (worked out by hand on the
2026 calendar, which has no holiday in late November or early December):
- R2026-014 (web and board), published Tue 2026-11-24: 24, 25, 26, 27, 30 Nov, 1, 2 Dec — last day 2026-12-02.
- R2026-013 (board only), published Wed 2026-11-25: last day 2026-12-03.
- R2026-015 (web and board), published Tue 2026-09-01: 1, 2, 3, 4, 7, 8, 9 Sep — last day 2026-09-09.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest

from conftest import CatalogDir
from portal_catalog import BASE, NEVER, build, record

STORE = ".gongkai-build.json"


@pytest.fixture
def pc(cat: CatalogDir) -> CatalogDir:
    return build(cat)


def everything(site: Path) -> str:
    """Every byte the site holds as text, zip and gzip members unpacked, file names included."""
    chunks = []
    for path in sorted(site.rglob("*")):
        chunks.append(path.relative_to(site).as_posix())
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        elif data[:2] == b"PK":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                data = b"".join(archive.read(n) for n in archive.namelist())
        chunks.append(data.decode("utf-8", "replace"))
    return "\n".join(chunks)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name != STORE}


def site_on(gk, cat: CatalogDir, out: Path, today: str, *args: str) -> Path:
    run = gk("build-site", cat.root, "--out", out, "--today", today, *args)
    assert run.code == 0, run.err
    return out


def test_a_record_for_the_board_only_leaves_nothing_on_the_web(gk, pc, tmp_path):
    text = everything(site_on(gk, pc, tmp_path / "site", "2026-11-27"))
    for absent in ("R2026-013", "湖头镇公示栏专用丁号公示", "林秀治"):
        assert absent not in text, absent


def test_a_running_list_is_on_the_web_but_never_indexed(gk, pc, tmp_path):
    site = site_on(gk, pc, tmp_path / "site", "2026-11-27")
    page = (site / "records/R2026-014.html").read_text("utf-8")
    assert "苏阿森" in page and '<meta name="robots" content="noindex' in page
    assert (site / "files/2026/R2026-014.pdf").is_file()
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert f"<loc>{BASE}records/R2026-010.html</loc>" in sitemap and "R2026-014" not in sitemap
    assert "R2026-014" not in (site / "feed.xml").read_text("utf-8")


@pytest.mark.parametrize(("today", "shown"), [("2026-12-01", True), ("2026-12-02", True), ("2026-12-03", False)])
def test_the_list_comes_down_the_day_after_its_last_day(gk, pc, tmp_path, today, shown):
    site = site_on(gk, pc, tmp_path / "site", today)
    assert ("苏阿森" in everything(site)) is shown
    assert (site / "files/2026/R2026-014.pdf").exists() is shown
    page = (site / "records/R2026-014.html").read_text("utf-8")
    assert ("公示已于2026年12月2日结束" in page) is not shown


def test_an_ended_list_is_gone_from_every_byte(gk, pc, tmp_path):
    text = everything(site_on(gk, pc, tmp_path / "site", "2026-11-27"))
    assert "陈金水" not in text and "files/2026/R2026-015.pdf" not in text
    assert "公示已于2026年9月9日结束" in (tmp_path / "site/records/R2026-015.html").read_text("utf-8")


def test_withdrawn_blocked_and_non_public_records_leave_no_trace(gk, pc, tmp_path):
    run = gk("build-site", pc.root, "--out", tmp_path / "site", "--today", "2026-11-27")
    assert run.code == 0 and "R2026-017 没有发布" in run.err and "11*************02X" in run.err
    assert "11010519491231002X" not in run.err + run.out
    text = everything(tmp_path / "site")
    for absent in (*NEVER, "已撤回庚号通知", "R2026-016", "R2026-011", "R2026-012", "R2026-017"):
        assert absent not in text, absent


def test_a_withdrawn_record_was_there_before_its_withdrawal(gk, pc, tmp_path):
    assert "已撤回庚号通知" in everything(site_on(gk, pc, tmp_path / "site", "2026-11-19"))


def test_build_site_tells_the_next_day_the_site_changes(gk, pc, tmp_path):
    run = gk("build-site", pc.root, "--out", tmp_path / "site", "--today", "2026-11-27")
    assert "下次变化：2026-12-03" in run.out  # R2026-014's list comes down the day after 2026-12-02
    run = gk("build-site", pc.root, "--out", tmp_path / "site", "--today", "2026-12-02")
    assert "网站没有变化" in run.out  # the same catalog, and nothing ends before the 3rd
    run = gk("build-site", pc.root, "--out", tmp_path / "site", "--today", "2026-12-03")
    assert "网站没有变化" not in run.out and "下次变化：2026-12-04" in run.out


def test_the_day_a_list_ends_an_update_equals_a_fresh_build(gk, pc, tmp_path):
    updated = site_on(gk, pc, tmp_path / "updated", "2026-12-02")
    site_on(gk, pc, updated, "2026-12-03")
    fresh = site_on(gk, pc, tmp_path / "fresh", "2026-12-03")
    assert files(updated) == files(fresh)


def test_a_record_claiming_a_channel_its_item_lacks_stays_off_it(gk, pc, tmp_path):
    pc.item(pc.root.joinpath("items/shjz/SHJZ-001.yaml").read_text("utf-8").replace("政府网站, ", ""))
    site = site_on(gk, pc, tmp_path / "site", "2026-11-27")
    assert not (site / "records/R2026-014.html").exists()  # it names 政府网站, its item no longer does
    run = gk("validate", pc.root, "--today", "2026-11-27")
    assert "GK410" in run.out and "items/shjz/SHJZ-001.yaml 第" in run.out


def test_documents_not_in_force_say_so_and_come_last(gk, cat, tmp_path):
    old = record("R2026-002", "二〇二五年低保标准甲", kind="政策文件", published="2026-03-02", item="SHJZ-001",
                 channels="政府网站", extra="有效性: 失效\n有效性日期: 2026-07-01\n被替代: R2026-003\n")
    new = record("R2026-003", "二〇二六年低保标准乙", kind="政策文件", published="2026-03-01", item="SHJZ-001",
                 channels="政府网站", extra="有效性: 有效\n替代: [R2026-002]\n")
    cat.write("records/2026/R2026-002.yaml", old)
    cat.write("records/2026/R2026-003.yaml", new)
    site = site_on(gk, cat, tmp_path / "site", "2026-11-27")
    page = (site / "records/R2026-002.html").read_text("utf-8")
    assert "本文件已失效" in page and 'href="../records/R2026-003.html"' in page
    listing = (site / "items/SHJZ-001.html").read_text("utf-8")
    # newest first, but the one not in force after every one in force, and labelled
    assert listing.index("二〇二六年低保标准乙") < listing.index("二〇二五年低保标准甲")
    assert "二〇二五年低保标准甲</a> <span class=\"invalid\">【失效】</span>" in listing
    assert "本文件替代的文件" in (site / "records/R2026-003.html").read_text("utf-8")


def test_without_a_base_address_no_sitemap_and_a_warning(gk, cat, tmp_path):
    text = cat.root.joinpath("gongkai.yaml").read_text("utf-8")
    cat.write("gongkai.yaml", text[:text.index("网站:\n")])
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "基础地址" in run.err
    assert not (tmp_path / "site/sitemap.xml").exists()


def test_a_mobile_in_gongkai_yaml_stops_the_build(gk, cat, tmp_path):
    text = cat.root.joinpath("gongkai.yaml").read_text("utf-8")
    cat.write("gongkai.yaml", text.replace("  受理机构: 测试县民政局办公室\n", "  受理机构: 测试县民政局办公室（值班 13812345678）\n"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 1 and "138****5678" in run.err and "13812345678" not in run.err
    assert not (tmp_path / "site").exists()


# R2026-016 was published 2026-10-10 and withdrawn 2026-11-20: out from its 公开日期, gone on its 撤回日期.
@pytest.mark.parametrize(("today", "shown"), [
    ("2026-10-09", False), ("2026-10-10", True), ("2026-11-19", True), ("2026-11-20", False), ("2026-11-21", False),
])
def test_a_record_is_out_from_its_publication_day_until_the_day_before_its_withdrawal(gk, pc, tmp_path, today, shown):
    assert ("已撤回庚号通知" in everything(site_on(gk, pc, tmp_path / "site", today))) is shown
