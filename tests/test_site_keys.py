"""Every input a page is keyed by, one edit at a time: the updated site equals a fresh build and shows the edit.

The bundled 安溪县民政局 catalog has every relation a page reads: R2026-007 is explained by its 解读 R2026-008,
R2026-012 forwards R2026-011, R2026-015 replaces R2025-004 and is explained by R2026-016, R2026-032 is the only 制度,
R2026-001 the only 年度报告, SHJZ-001 is a 乡级 item in the 规范性文件 category, SHSW-003 an item 依申请公开.
Each case makes one edit after a first build, updates the site, builds the same catalog afresh into another folder
and compares every file byte for byte (a page that forgot an input keeps its old bytes), then checks by hand that
the edit shows on the pages that must show it (the pages were named from what each page is for, not from a build).
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import shutil
import signal
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import BUNDLED
from gongkai.site import build_site
from gongkai.site.store import STORE

TODAY = dt.date(2026, 11, 27)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.name != STORE}


@pytest.fixture(scope="module")
def first(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bundled catalog and its site built for TODAY, made once; each case works on a copy."""
    top = tmp_path_factory.mktemp("keys")
    catalog = top / "catalog"
    shutil.copytree(BUNDLED, catalog, ignore=shutil.ignore_patterns(".gongkai-cache"))
    build_site(catalog, top / "site", TODAY, search=False, use_cache=False)
    return catalog, top / "site"


@pytest.fixture
def copy(first: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    catalog, site = first
    shutil.copytree(catalog, tmp_path / "catalog")
    shutil.copytree(site, tmp_path / "site")
    return tmp_path / "catalog", tmp_path / "site"


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def retitle(rid: str, title: str) -> Callable[[Path], None]:
    def edit(catalog: Path) -> None:
        path = catalog / "records" / rid[1:5] / f"{rid}.yaml"
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(f"题名: {title}\n" if line.startswith("题名:") else line for line in lines),
                        encoding="utf-8")
    return edit


def in_item(iid: str, old: str, new: str) -> Callable[[Path], None]:
    def edit(catalog: Path) -> None:
        replace(next(catalog.glob(f"items/*/{iid}.yaml")), old, new)
    return edit


def updated_equals_fresh(catalog: Path, site: Path, today: dt.date = TODAY, search: bool = False) -> dict[str, bytes]:
    build_site(catalog, site, today, search=search)
    fresh = site.with_name("fresh")
    build_site(catalog, fresh, today, search=search, use_cache=False)
    made, expected = files(site), files(fresh)
    assert sorted(made) == sorted(expected)
    assert [p for p in expected if made[p] != expected[p]] == []
    return made


# (edit, the text it writes, the pages that must show that text)
CASES = {
    "a 解读's title shows on the document it explains": (
        retitle("R2026-008", "改题甲解读"), "改题甲解读",
        ["records/R2026-008.html", "records/R2026-007.html", "items/JGXX-006.html", "index.html", "feed.xml"]),
    "an explained document's title shows on its 解读": (
        retitle("R2026-007", "改题乙办法"), "改题乙办法",
        ["records/R2026-007.html", "records/R2026-008.html", "items/YLFW-006.html", "index.html", "feed.xml"]),
    "a forwarded document's title shows on the forwarding one": (
        retitle("R2026-011", "改题丙省厅通知"), "改题丙省厅通知",
        ["records/R2026-011.html", "records/R2026-012.html", "items/YLFW-001.html"]),
    "a replaced document's title shows on its replacement": (
        retitle("R2025-004", "改题丁旧标准"), "改题丁旧标准",
        ["records/R2025-004.html", "records/R2026-015.html", "items/SHJZ-003.html"]),
    "a replacement's title shows on the document it replaced": (
        retitle("R2026-015", "改题戊新标准"), "改题戊新标准",
        ["records/R2026-015.html", "records/R2025-004.html", "records/R2026-016.html", "items/SHJZ-003.html"]),
    "the 制度's title shows in 政府信息公开制度": (
        retitle("R2026-032", "改题己制度"), "改题己制度", ["zhidu/index.html", "records/R2026-032.html"]),
    "the 年度报告's title shows in 年报 and on the home page": (
        retitle("R2026-001", "改题庚年报"), "改题庚年报", ["nianbao/index.html", "index.html", "records/R2026-001.html"]),
    "a 乡级 item shows in the directory, its 五公开, the townships and the open data": (
        in_item("SHJZ-001", "二级事项: 政策法规文件", "二级事项: 改名辛文件"), "改名辛文件",
        ["directory/shjz/index.html", "directory/shjz/poster.html", "five/juece/index.html", "items/SHJZ-001.html",
         "towns/mzb-102/index.html", "data/directory.json", "data/directory.csv", "fdzdgknr/index.html"]),
    "an item 依申请公开 shows in the 指南": (
        in_item("SHSW-003", "二级事项: 婚姻登记档案查询", "二级事项: 改名壬查询"), "改名壬查询",
        ["zhinan/index.html", "items/SHSW-003.html", "directory/shsw/index.html", "five/fuwu/index.html"]),
    "a new 公开主体 shows on the item's page and in the open data": (
        in_item("SHJZ-001", "公开主体: 县级人民政府民政部门、乡镇人民政府（街道办事处）", "公开主体: 癸主体"), "癸主体",
        ["items/SHJZ-001.html", "directory/shjz/index.html", "data/directory.json", "data/directory.csv"]),
    "a record's body shows on its page": (
        lambda catalog: replace(catalog / "records/2026/R2026-011.yaml", "平潭综合实验区社会事业局：", "正文改子事业局："),
        "正文改子事业局", ["records/R2026-011.html"]),
    "an attachment's name shows on its record's page": (
        lambda catalog: replace(catalog / "records/2026/R2026-011.yaml", "名称: 闽民养老〔2026〕31号", "名称: 附件改丑"),
        "附件改丑", ["records/R2026-011.html"]),
    "an item's name shows on the pages of its records": (
        in_item("YLFW-001", "二级事项: 法律、法规、政策文件", "二级事项: 改名寅文件"), "改名寅文件",
        ["records/R2026-011.html", "records/R2026-012.html", "items/YLFW-001.html"]),
    "a unit's name shows on the pages of its records": (
        lambda catalog: replace(catalog / "gongkai.yaml", "名称: 养老服务股", "名称: 改名卯股"), "改名卯股",
        ["records/R2026-011.html"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_an_edit_updates_every_page_that_shows_it(copy: tuple[Path, Path], case: str) -> None:
    catalog, site = copy
    edit, text, pages = CASES[case]
    edit(catalog)
    made = updated_equals_fresh(catalog, site)
    assert [p for p in pages if text not in made[p].decode("utf-8")] == []


def test_the_day_a_notice_ends_its_list_leaves_the_site(copy: tuple[Path, Path]) -> None:
    """R2026-031's 公示 runs 2026年11月27日至12月7日 (7 working days, its own text): the store holds through the 7th."""
    catalog, site = copy
    build_site(catalog, site, TODAY, search=False)  # the copy is another listing (another folder)
    assert build_site(catalog, site, dt.date(2026, 12, 7), search=False).unchanged
    result = build_site(catalog, site, dt.date(2026, 12, 8), search=False)
    assert not result.unchanged and result.made > 0
    made = updated_equals_fresh(catalog, site, dt.date(2026, 12, 8))
    page = made["records/R2026-031.html"].decode("utf-8")
    assert "公示已于2026年12月7日结束。按照规定，公示期满后名单不再在网站上公开。" in page
    assert "黄清泉" not in page and all("黄清泉" not in data.decode("utf-8", "replace") for data in made.values())


def test_an_attachment_rewritten_with_the_same_size_and_time_is_copied(copy: tuple[Path, Path]) -> None:
    catalog, site = copy
    attachment = catalog / "files/2026/R2026-007.pdf"
    old, stat = attachment.read_bytes(), attachment.stat()
    new = old[:-8] + b"%%EOF\n\n\n" if not old.endswith(b"%%EOF\n\n\n") else old[:-8] + b"\n\n%%EOF\n"
    assert len(new) == len(old) and new != old
    attachment.write_bytes(new)
    os.utime(attachment, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    made = updated_equals_fresh(catalog, site)
    assert made["files/2026/R2026-007.pdf"] == new


def test_a_deleted_record_is_taken_down_with_its_attachment(copy: tuple[Path, Path]) -> None:
    catalog, site = copy
    (catalog / "records/2026/R2026-011.yaml").unlink()
    result = build_site(catalog, site, TODAY, search=False)
    assert result.taken_down == ["files/2026/R2026-011.pdf", "records/R2026-011.html"]
    assert result.removed == 2
    made = updated_equals_fresh(catalog, site)
    assert "records/R2026-011.html" not in made and "files/2026/R2026-011.pdf" not in made
    assert "R2026-011.html" not in made["records/R2026-012.html"].decode("utf-8")


def test_the_sites_address_and_title_reach_every_page(copy: tuple[Path, Path]) -> None:
    catalog, site = copy
    replace(catalog / "gongkai.yaml", "https://www.fjax.gov.cn/zwgk/zfxxgkzl/bmzfxxgk/mzj/", "https://gk.example.cn/mzj")
    replace(catalog / "gongkai.yaml", "标题: 安溪县民政局政府信息公开", "标题: 新标题子")
    made = updated_equals_fresh(catalog, site)
    sitemap = made["sitemap.xml"].decode("utf-8")
    assert "<loc>https://gk.example.cn/mzj/changes/</loc>" in sitemap and "fjax" not in sitemap
    assert "<loc>https://gk.example.cn/mzj/records/R2026-007.html</loc>" in sitemap
    assert "R2026-031" not in sitemap and "poster" not in sitemap and "search/" not in sitemap  # a list of people, posters, search
    pages = [p for p in made if p.endswith(".html")]
    assert len(pages) > 100 and [p for p in pages if "新标题子" not in made[p].decode("utf-8")] == []


def test_without_an_address_there_is_no_sitemap(copy: tuple[Path, Path]) -> None:
    catalog, site = copy
    replace(catalog / "gongkai.yaml", "  基础地址: https://www.fjax.gov.cn/zwgk/zfxxgkzl/bmzfxxgk/mzj/\n", "")
    result = build_site(catalog, site, TODAY, search=False)
    assert result.warnings[0] == "gongkai.yaml 没有设置「网站: 基础地址」，没有生成 sitemap.xml，订阅中的链接不是完整网址。"
    assert len(result.warnings) == 2 and result.warnings[1].startswith("没有生成搜索索引（--no-search）")  # search=False
    assert result.taken_down == ["sitemap.xml"] and result.removed == 1  # (the portal's copy is stale: listed)
    made = updated_equals_fresh(catalog, site)
    assert "sitemap.xml" not in made


def test_an_edit_updates_the_search_index_as_a_fresh_build_makes_it(copy: tuple[Path, Path]) -> None:
    catalog, site = copy
    build_site(catalog, site, TODAY, search=True)  # the first build had no index
    retitle("R2026-012", "改题丑转发通知")(catalog)
    in_item("SHSW-003", "二级事项: 婚姻登记档案查询", "二级事项: 改名寅查询")(catalog)
    made = updated_equals_fresh(catalog, site, search=True)
    assert any(p.startswith("search/") and p != "search/index.html" for p in made)
    assert "改题丑转发通知" in made["records/R2026-012.html"].decode("utf-8")
    results = [gzip.decompress(made[p]).decode("utf-8") for p in made if p.startswith("search/m/")]
    assert any("改题丑转发通知" in group for group in results)  # what a result shows: the new title


@pytest.mark.parametrize(("page", "root"), [("index.html", ""), ("records/R2026-011.html", "../"),
                                          ("directory/shjz/index.html", "../../")])
def test_links_inside_a_page_are_relative_to_its_folder(first: tuple[Path, Path], page: str, root: str) -> None:
    """A webmaster may put the section under any address: every link is relative, one «../» a folder deep."""
    _, site = first
    html = (site / page).read_text(encoding="utf-8")
    for target in ("assets/site.css", "index.html", "feed.xml"):
        assert f'href="{root}{target}"' in html
        assert (site / page).parent.joinpath(root, target).resolve().is_file()


def test_a_list_of_people_is_never_in_the_search_index(copy: tuple[Path, Path]) -> None:
    """R2026-031 and R2026-020 are 名单公示: their pages are on the site during the 公示, never in the index; nor is
    a name from R2026-031's table (黄清泉)."""
    catalog, site = copy
    build_site(catalog, site, TODAY, search=True)
    index = b"".join(gzip.decompress(p.read_bytes()) for p in sorted((site / "search").rglob("*.json.gz")))
    assert (site / "records/R2026-031.html").is_file() and "黄清泉" in (site / "records/R2026-031.html").read_text("utf-8")
    assert b"R2026-031" not in index and b"R2026-020" not in index
    assert "黄清泉".encode() not in index and "清泉".encode() not in index
    assert b"R2026-011" in index  # a document that lists nobody is there


def test_a_build_removes_what_dead_builds_left_and_nothing_else(copy: tuple[Path, Path]) -> None:
    """Staging folders are named .<site>.<building|old|update>.<pid>.<random>; a live process's folder stays."""
    catalog, site = copy
    top = site.parent
    # (no folder of process id 0: a mutant of the check would signal the test's group); .abc.: an older gongkai's
    # folder, without a process id
    dead = [".site.building.999999999.a", ".site.old.999999999.b", ".site.update.999999999.c",
            ".site.building.abc.e"]
    # Another build still running (a process that a stray signal would end, whatever this test's own signals are)
    # and this process. Not process 1: a mutant signalling it would reach the machine's init (systemd reloads on
    # SIGHUP), as process 0 would reach the test's whole group.
    other = subprocess.Popen(["sleep", "60"], preexec_fn=lambda: signal.signal(signal.SIGHUP, signal.SIG_DFL))
    try:
        kept = [f".site.building.{other.pid}.f", f".site.old.{os.getpid()}.j",
                ".site.notes.999999999.g", ".site.building", ".sitex.building.999999999.h", ".other.old.999999999.i"]
        for name in dead + kept:
            (top / name).mkdir()
            (top / name / "index.html").write_text("旧", encoding="utf-8")
        (top / ".site.old.999999999.file").write_text("不是文件夹", encoding="utf-8")
        (catalog / "records/2026/R2026-011.yaml").unlink()
        build_site(catalog, site, TODAY, search=False)
        assert other.poll() is None  # asked whether it runs, not signalled
    finally:
        other.kill()
        other.wait()
    assert sorted(p.name for p in top.iterdir() if p.name.startswith(".")) == sorted(
        [*kept, ".site.old.999999999.file"])


def test_an_update_leaves_every_file_whose_bytes_did_not_change_as_it_was(copy: tuple[Path, Path]) -> None:
    """A webmaster mirrors the site by modification time: only the files an edit changed are written again."""
    catalog, site = copy
    before = {p: (s.st_ino, s.st_mtime_ns) for p in site.rglob("*") if p.is_file() for s in (p.stat(),)}
    retitle("R2026-012", "改题辰转发通知")(catalog)
    result = build_site(catalog, site, TODAY, search=False)
    after = {p: (s.st_ino, s.st_mtime_ns) for p in site.rglob("*") if p.is_file() for s in (p.stat(),)}
    touched = sorted(p.relative_to(site).as_posix() for p in after if after[p] != before.get(p))
    assert "records/R2026-012.html" in touched and STORE in touched
    assert len(touched) == result.written + 1 < 20  # the pages showing the title, and the store
    assert "records/R2026-007.html" not in touched and "records/R2025-004.html" not in touched


def test_a_page_deleted_by_hand_and_then_taken_down_is_no_trouble(copy: tuple[Path, Path]) -> None:
    catalog, site = copy
    (site / "records/R2026-011.html").unlink()  # the webmaster removed it from the server's copy
    (catalog / "records/2026/R2026-011.yaml").unlink()
    result = build_site(catalog, site, TODAY, search=False)
    assert result.taken_down == ["files/2026/R2026-011.pdf", "records/R2026-011.html"]
    updated_equals_fresh(catalog, site)


def test_an_attachment_moved_into_new_nested_folders_is_published_there(copy: tuple[Path, Path]) -> None:
    catalog, site = copy
    (catalog / "files/2030/补发/第一批").mkdir(parents=True)
    shutil.copy2(catalog / "files/2026/R2026-011.pdf", catalog / "files/2030/补发/第一批/R2026-011.pdf")
    replace(catalog / "records/2026/R2026-011.yaml", "files/2026/R2026-011.pdf", "files/2030/补发/第一批/R2026-011.pdf")
    made = updated_equals_fresh(catalog, site)
    assert "files/2030/补发/第一批/R2026-011.pdf" in made and "files/2026/R2026-011.pdf" not in made


@pytest.mark.parametrize("store", ["none", "damaged"])
def test_a_build_without_a_store_replaces_the_whole_folder(copy: tuple[Path, Path], store: str) -> None:
    catalog, site = copy
    if store == "none":
        (site / STORE).unlink()
    else:
        (site / STORE).write_text("{", encoding="utf-8")
    (site / "stale.html").write_text("上次以外的文件", encoding="utf-8")
    (site / "records/R2026-011.html").write_text("被改过的页面", encoding="utf-8")
    result = build_site(catalog, site, TODAY, search=False)
    assert result.made == result.pages == result.written
    assert not (site / "stale.html").exists()
    assert "被改过的页面" not in (site / "records/R2026-011.html").read_text(encoding="utf-8")
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".site")] == []
    assert build_site(catalog, site, TODAY, search=False).unchanged


def test_a_site_in_a_folder_not_yet_made_is_built(first: tuple[Path, Path], tmp_path: Path) -> None:
    catalog, _ = first
    site = tmp_path / "部署" / "县门户" / "site"
    assert build_site(catalog, site, TODAY, search=False).pages > 100
    assert (site / "index.html").is_file() and build_site(catalog, site, TODAY, search=False).unchanged


@pytest.mark.parametrize("store", ["kept", "deleted"])
def test_files_are_made_beside_the_site_in_a_folder_named_for_the_build(
        copy: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, store: str) -> None:
    """.<site>.building.<pid>.<random>, next to the site: the name is what lets a later build remove it."""
    import gongkai.site.make as build

    catalog, site = copy
    if store == "deleted":
        (site / STORE).unlink()
    retitle("R2026-012", "改题卯")(catalog)
    seen: list[list[str]] = []
    scan = build.check_tree

    def watched(folder: Path, *args: object) -> None:
        seen.append([folder.parent.as_posix(), folder.name])
        scan(folder, *args)

    monkeypatch.setattr(build, "check_tree", watched)
    build_site(catalog, site, TODAY, search=False)
    [[parent, name]] = seen
    assert parent == site.parent.as_posix() and name.startswith(f".site.building.{os.getpid()}.")
    assert [p.name for p in site.parent.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o755), (0o027, 0o750)])
def test_a_first_build_gives_the_site_folder_the_usual_permissions(first: tuple[Path, Path], tmp_path: Path,
                                                                    umask: int, mode: int) -> None:
    """The site is made in a private temporary folder and renamed: the web server must still be able to read it."""
    catalog, _ = first
    before = os.umask(umask)
    try:
        build_site(catalog, tmp_path / "site", TODAY, search=False)
    finally:
        os.umask(before)
    assert (tmp_path / "site").stat().st_mode & 0o7777 == mode
