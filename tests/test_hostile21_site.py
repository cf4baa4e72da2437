"""Twenty-first hostile pass over the site (issue 4), the 61号 column (issue 13) and the build path (issue 17), as the
county webmaster who loads the column into the portal and an elderly citizen on a phone.

Found by this pass:
- Two 编号 differing only in case (R2026-001 in records/2026/, r2026-001 in records/2025/ — a clerk typing the id of
  a copied file in lower case) passed validate and built records/R2026-001.html beside records/r2026-001.html. On the
  county's Windows/IIS server, and on a portal that lowercases addresses, those are one file: the upload kept one of
  the two documents, and every link to the other opened the wrong one. GK018 saw it only for two files of one folder.
  Now GK201 names the clash (for items too) and the gate publishes neither record (as for a 编号 written twice), also
  when the second file is added after a build (the gate's memo). Two 乡镇民政办 编号 differing only in case (towns/<编号>/)
  are GK210.
- The portal export, the 公众号 article and the printed sheet read a body's relative links from the column's folder,
  not from the record's page as the site does: 「[办事指南](../records/R2026-020.html)」 became
  …/bmzfxxgk/records/R2026-020.html (outside the column) and 「R2026-020.html」 …/mzj/R2026-020.html (no such page), so
  a link that works on the site broke on the portal (an inspector's 错链). Now both open …/mzj/records/R2026-020.html.
- A clerk who copied in a file that is not what its name says (a web page saved as 名单.pdf) and ran validate at once
  left the word 「refused」 in the catalog's cache as that file's hash; every later validate and build-site stopped with
  「内部错误 … ValueError」 (exit 3) until the cache was deleted. Now the scan does not remember a refused file, and a
  cache row whose hash is not one is not trusted.
- `--out catalog/site` (a new or empty folder inside the catalog) was accepted by build-site, export portal, print and
  wechat: the output became part of the catalog (listed with it, so the next build never found the catalog unchanged;
  committed with it). Now refused with exit 2, as the catalog itself and its folders holding files were.
- `serve --dir catalog` advised 「gongkai build-site --out catalog」, which build-site refuses.
(In Chromium, tests/browser/test_hostile21_site.py: a printed page carried no name of the bureau; the 大字版 button
looked the same pressed and not in Windows 高对比度.)

The link checker below (`broken`) reads every href/src/action of every page, every url() of the style sheets, and the
sitemap's and feed's addresses, independently of gongkai's own inspect.
"""

from __future__ import annotations

import datetime as dt
import marshal
import os
import posixpath
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import AGENCY, BUNDLED, ITEM, CatalogDir
from gongkai.site import build_site
from portal_catalog import record

BASE = "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/"  # conftest's AGENCY: 网站 → 基础地址


# ---------------------------------------------------------------------------------------------------- the checker

class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (attribute, value)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src", "action", "srcset", "poster", "data", "formaction") and value is not None:
                self.links.append((name, value))
            if name in ("id", "name") and value:
                self.ids.add(value)
            if name == "style" and value:
                self.links += [("url", u) for u in _css_urls(value)]


def _css_urls(text: str) -> list[str]:
    return [m.strip("'\" ") for m in re.findall(r"url\(([^)]*)\)", text)]


def broken(out: Path, base: str | None = BASE) -> list[str]:
    """Every address of the built site that does not open a file of it: page links, pictures, scripts, forms,
    style-sheet url()s; addresses starting with 「/」 (they leave the column under the portal's sub-path); things
    loaded from other hosts; and sitemap/feed addresses not under *base* or naming no file."""
    found: list[str] = []
    pages: dict[str, _Page] = {}
    for page in sorted(out.rglob("*.html")):
        parsed = _Page()
        parsed.feed(page.read_text(encoding="utf-8"))
        pages[page.relative_to(out).as_posix()] = parsed
    sheets = {css.relative_to(out).as_posix(): [("url", u) for u in _css_urls(css.read_text(encoding="utf-8"))]
              for css in out.rglob("*.css")}
    for name, links in [*((n, p.links) for n, p in pages.items()), *sheets.items()]:
        for attribute, value in links:
            parts = urlsplit(value)
            if parts.scheme in ("tel", "mailto") or value.startswith("data:"):
                continue
            if parts.scheme in ("http", "https"):
                if attribute != "href":
                    found.append(f"{name}: 从其他网站加载 {value}")
                continue
            if parts.scheme or value.startswith("/"):
                found.append(f"{name}: {value!r} 离开了栏目所在的路径")
                continue
            if not parts.path:
                if parts.fragment and parts.fragment != "top" and name in pages \
                        and unquote(parts.fragment) not in pages[name].ids:
                    found.append(f"{name}: 没有 #{parts.fragment}")
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
            target = f"{target}/index.html" if parts.path.endswith("/") else target
            if target.startswith("../") or not (out / target).is_file():
                found.append(f"{name}: {value} → {target} 不存在")
            elif parts.fragment and parts.fragment != "top" and target in pages \
                    and unquote(parts.fragment) not in pages[target].ids:
                found.append(f"{name}: {value} 没有 #{parts.fragment}")
    return found + _absolute(out, base)


def _absolute(out: Path, base: str | None) -> list[str]:
    found = []
    addresses = []
    if (out / "sitemap.xml").exists():
        addresses += [e.text or "" for e in ET.parse(out / "sitemap.xml").iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    if (out / "feed.xml").exists():
        addresses += [e.get("href") or "" for e in ET.parse(out / "feed.xml").iter("{http://www.w3.org/2005/Atom}link")]
    for address in addresses:
        if base is None or not address.startswith(base):
            found.append(f"不在基础地址下：{address}")
            continue
        target = unquote(address[len(base):]) or "index.html"
        target = f"{target}index.html" if target.endswith("/") else target
        if not (out / target).is_file():
            found.append(f"{address} → {target} 不存在")
    return found


def case_clashes(out: Path) -> list[str]:
    """Files of the site whose paths differ only in case: one file on a Windows/IIS server."""
    seen: dict[str, str] = {}
    clashes = []
    for path in sorted(p.relative_to(out).as_posix() for p in out.rglob("*")):
        if (first := seen.setdefault(path.lower(), path)) != path:
            clashes.append(f"{first} = {path}")
    return clashes


# ---------------------------------------------------------------------------------------------------- the bundled column

@pytest.fixture(scope="module")
def bundled_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled catalog's column, built once for the module (read only) by the function the CLI calls."""
    out = tmp_path_factory.mktemp("bundled") / "site"
    build_site(BUNDLED, out, dt.date(2026, 11, 27), use_cache=False)
    return out


def test_every_address_of_the_bundled_column_opens_a_file_of_it_under_any_sub_path(bundled_site):
    """Served under /zwgk/zfxxgkzl/bmzfxxgk/mzj/ on the portal, or opened from a folder (file://): no address starts
    with 「/」, every relative one names a file of the site, the sitemap and feed name files under the 基础地址."""
    assert broken(bundled_site, "https://www.fjax.gov.cn/zwgk/zfxxgkzl/bmzfxxgk/mzj/") == []
    assert case_clashes(bundled_site) == []


def test_the_link_checker_finds_what_it_is_for(bundled_site, tmp_path):
    """The checker itself, on a copy of the column with four planted faults."""
    import shutil

    out = tmp_path / "site"
    shutil.copytree(bundled_site, out)
    page = out / "items/SHJZ-001.html"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("</main>", '<a href="/records/R2026-001.html">根</a><a href="../records/R2099-001.html">无</a>'
                                 '<img src="https://cdn.example.com/a.png" alt="外"></main>'), encoding="utf-8")
    (out / "records/r2026-001.html").write_text("x", encoding="utf-8")
    assert broken(out, "https://www.fjax.gov.cn/zwgk/zfxxgkzl/bmzfxxgk/mzj/") == [
        "items/SHJZ-001.html: '/records/R2026-001.html' 离开了栏目所在的路径",
        "items/SHJZ-001.html: ../records/R2099-001.html → records/R2099-001.html 不存在",
        "items/SHJZ-001.html: 从其他网站加载 https://cdn.example.com/a.png"]
    assert case_clashes(out) == ["records/R2026-001.html = records/r2026-001.html"]


# ---------------------------------------------------------------------------------------------------- fixtures

def web_catalog(cat: CatalogDir) -> CatalogDir:
    """conftest's catalog with one web item (SHJZ-001) and no record yet."""
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM.replace("政府网站, 社区/企事业单位/村公示栏（电子屏）", "政府网站").replace("低保对象名单及相关信息", "政策法规文件"))
    (cat.root / "records/2026/R2026-001.yaml").unlink(missing_ok=True)
    return cat


def web_record(cat: CatalogDir, rel: str, rid: str, title: str, number: str) -> None:
    text = record(rid, title, channels="政府网站", item="SHJZ-001")
    cat.write(rel, text.replace(f'"350524-MZ-2026-{rid[-3:].zfill(5)}"', f'"350524-MZ-2026-{number}"'))


def build(gk, root: Path, out: Path) -> Path:
    run = gk("build-site", root, "--out", out)
    assert run.code == 0, run.err
    return out


# ---------------------------------------------------------------------------------------------------- 编号 and case

def test_two_record_ids_differing_only_in_case_are_gk201_and_neither_is_published(gk, cat, tmp_path):
    web_catalog(cat)
    web_record(cat, "records/2026/R2026-001.yaml", "R2026-001", "测试县民政局关于甲事项的通知", "00001")
    web_record(cat, "records/2025/r2026-001.yaml", "r2026-001", "测试县民政局关于乙事项的通知", "00002")
    run = gk("validate", cat.root, "--format", "json")
    found = [(d["path"], d["line"], d["message"]) for d in run.json()["diagnostics"] if d["code"] == "GK201"]
    assert found == [("records/2026/R2026-001.yaml", 1,
                      "信息编号「R2026-001」与 records/2025/r2026-001.yaml 中的「r2026-001」只差大小写：网站上的两个页面在"
                      "不分大小写的服务器（Windows、IIS）和门户网站上是同一个文件，一个会覆盖另一个；两条都不发布")]
    out = build(gk, cat.root, tmp_path / "site")
    assert not list((out / "records").glob("*.html"))
    assert "甲事项" not in (out / "items/SHJZ-001.html").read_text(encoding="utf-8")
    assert case_clashes(out) == []


def test_a_record_id_differing_only_in_case_added_after_a_build_takes_both_pages_down(gk, cat, tmp_path):
    """The second build decides only the new file (the gate's memo): the clash is across files it did not re-read."""
    web_catalog(cat)
    web_record(cat, "records/2026/R2026-001.yaml", "R2026-001", "测试县民政局关于甲事项的通知", "00001")
    out = build(gk, cat.root, tmp_path / "site")
    assert (out / "records/R2026-001.html").is_file()
    web_record(cat, "records/2025/r2026-001.yaml", "r2026-001", "测试县民政局关于乙事项的通知", "00002")
    run = gk("build-site", cat.root, "--out", out)
    assert run.code == 0, run.err
    assert "编号 r2026-001 与 R2026-001 只差大小写（GK201）" in run.err
    assert not (out / "records/R2026-001.html").exists() and not (out / "records/r2026-001.html").exists()
    assert "records/R2026-001.html" in run.out  # listed as taken down, for the copy on the portal


def test_two_item_ids_differing_only_in_case_are_gk201_and_their_records_are_held(gk, cat, tmp_path):
    web_catalog(cat)
    cat.item(ITEM.replace("SHJZ-001", "shjz-001"), rel="items/shjz/copy/shjz-001.yaml")
    web_record(cat, "records/2026/R2026-001.yaml", "R2026-001", "测试县民政局关于甲事项的通知", "00001")
    run = gk("validate", cat.root, "--format", "json")
    found = [(d["path"], d["message"]) for d in run.json()["diagnostics"] if d["code"] == "GK201"]
    assert found == [("items/shjz/copy/shjz-001.yaml",
                      "事项编号「shjz-001」与 items/shjz/SHJZ-001.yaml 中的「SHJZ-001」只差大小写：网站上的两个页面在"
                      "不分大小写的服务器（Windows、IIS）和门户网站上是同一个文件，一个会覆盖另一个；两个事项下的信息都不发布")]
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0, run.err
    assert ("R2026-001 没有发布：它的事项 SHJZ-001 与 shjz-001 只差大小写（GK201），网站上是同一个页面，"
            "不知道按哪一个的公开渠道和公示期公开，请给其中一个事项改用新的编号") in run.err
    assert not (tmp_path / "site/records/R2026-001.html").exists()


def test_ids_that_differ_in_more_than_case_are_not_a_clash(gk, cat, tmp_path):
    web_catalog(cat)
    web_record(cat, "records/2026/R2026-001.yaml", "R2026-001", "测试县民政局关于甲事项的通知", "00001")
    web_record(cat, "records/2026/R2026-011.yaml", "R2026-011", "测试县民政局关于乙事项的通知", "00002")
    run = gk("validate", cat.root, "--format", "json")
    assert [d for d in run.json()["diagnostics"] if d["code"] == "GK201"] == []
    out = build(gk, cat.root, tmp_path / "site")
    assert (out / "records/R2026-001.html").is_file() and (out / "records/R2026-011.html").is_file()


TOWNS = """\
  - 编号: mzb-100
    名称: 城关镇民政办
    类型: 乡镇民政办
  - 编号: MZB-100
    名称: 参内镇民政办
    类型: 乡镇民政办
"""


def test_two_township_ids_differing_only_in_case_are_gk210_at_the_second(gk, cat):
    """A township's page is towns/<编号>/index.html: towns/mzb-100/ and towns/MZB-100/ are one folder on IIS."""
    cat.write("gongkai.yaml", AGENCY.replace("移交:\n", TOWNS + "移交:\n"))
    run = gk("validate", cat.root, "--format", "json")
    found = [(d["path"], d["line"], d["column"], d["message"]) for d in run.json()["diagnostics"] if d["code"] == "GK210"]
    line = AGENCY.replace("移交:\n", TOWNS + "移交:\n").splitlines().index("  - 编号: MZB-100") + 1
    assert found == [("gongkai.yaml", line, 5,
                      "编号「MZB-100」与「mzb-100」只差大小写：乡镇的网页文件夹 towns/MZB-100/ 与 towns/mzb-100/ 在不分大小写的"
                      "服务器（Windows、IIS）和门户网站上是同一个，一个会覆盖另一个")]


# ---------------------------------------------------------------------------------------------------- links in a body

LINKS = "见[甲](R2026-002.html)、[乙](../records/R2026-002.html)、[事项](../items/SHJZ-001.html)和[指南](../zhinan/index.html)。"


def test_a_body_link_opens_the_same_page_on_the_portal_as_on_the_site(gk, cat, tmp_path):
    """A body's relative links are read from the record's page (records/R2026-001.html), as the site's page reads
    them; the portal export read them from the column's folder: 「R2026-002.html」 became …/mzj/R2026-002.html (no
    such page) and 「../records/R2026-002.html」 …/bmzfxxgk/records/R2026-002.html, outside the column."""
    web_catalog(cat)
    cat.item(ITEM.replace("政府网站, 社区/企事业单位/村公示栏（电子屏）", "政府网站, 两微一端")
             .replace("低保对象名单及相关信息", "政策法规文件"))
    web_record(cat, "records/2026/R2026-002.yaml", "R2026-002", "测试县民政局关于乙事项的通知", "00002")
    cat.write("records/2026/R2026-001.yaml", record("R2026-001", "测试县民政局关于甲事项的通知",
                                                    channels="政府网站, 两微一端", item="SHJZ-001", body=LINKS))
    out = build(gk, cat.root, tmp_path / "site")
    assert broken(out) == []  # each link opens a page of the site
    run = gk("export", "portal", cat.root, "--out", tmp_path / "portal")
    assert run.code == 0, run.err
    body = (tmp_path / "portal/bodies/R2026-001.html").read_text(encoding="utf-8")
    assert re.findall(r'href="([^"]*)"', body) == [
        "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/records/R2026-002.html",
        "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/records/R2026-002.html",
        "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/items/SHJZ-001.html",
        "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/zhinan/index.html"]
    run = gk("wechat", cat.root, "--from", "2026-11-01", "--to", "2026-11-27", "--out", tmp_path / "wechat")
    assert run.code == 0, run.err
    article = (tmp_path / "wechat/R2026-001.html").read_text(encoding="utf-8")
    assert 'href="https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/records/R2026-002.html"' in article
    assert "bmzfxxgk/records/" not in article and "mzj/R2026-002.html" not in article


# ---------------------------------------------------------------------------------------------------- the cache

class _Later:
    """time as the privacy scan reads it, ten seconds on: the seconds a validate of a real catalog takes between
    listing the files and scanning the attachments (no sleep in the test)."""

    @staticmethod
    def time_ns() -> int:
        import time

        return time.time_ns() + 10_000_000_000


def test_an_attachment_refused_just_after_it_was_copied_in_does_not_break_the_next_command(gk, cat, monkeypatch):
    """A clerk copies a file that is not what its name says (a web page saved as 名单.pdf) and runs validate at once:
    the listing could not yet vouch for the new file's hash (git's racily-clean rule: 2 s), the privacy scan, seconds
    later, recorded the word 「refused」 in the cache as the file's hash, and every later command on the catalog
    stopped with 「内部错误 … ValueError: invalid literal for int() with base 16: 'refused'」 (exit 3)."""
    import gongkai.privacy.scan

    web_catalog(cat)
    cat.write("files/2026/名单.pdf", b"<html>not a pdf</html>")
    cat.write("records/2026/R2026-001.yaml", record("R2026-001", "测试县民政局关于甲事项的通知", channels="政府网站",
                                                    item="SHJZ-001", extra="附件:\n  - 文件: files/2026/名单.pdf\n"))
    monkeypatch.setattr(gongkai.privacy.scan, "time", _Later)
    first = gk("validate", cat.root)
    assert first.code == 1 and "GK609" in first.out
    assert "refused" not in [blob for _, blob in _recent(cat.root).values()]  # the cache holds content hashes only
    again = gk("validate", cat.root)
    assert again.code == 1 and "内部错误" not in again.err and "GK609" in again.out
    site = gk("build-site", cat.root, "--out", cat.root.parent / "site")
    assert site.code == 0 and "内部错误" not in site.err
    assert "R2026-001 没有发布：附件「files/2026/名单.pdf」" in site.err


def _recent(root: Path) -> dict:
    """The hashes the cache recorded apart from the listing (gongkai.catalog.cache.RECENT_FILE): path → (stamp, hash)."""
    from gongkai.catalog.cache import RECENT_FILE

    return marshal.loads((root / ".gongkai-cache" / RECENT_FILE).read_bytes())


def test_a_cache_holding_a_word_for_a_hash_heals_instead_of_breaking_every_command(gk, cat):
    """A catalog whose cache an earlier gongkai wrote 「refused」 into (above) reads again: the row is not trusted."""
    from gongkai.catalog.cache import RECENT_FILE

    web_catalog(cat)
    cat.write("files/2026/名单.pdf", b"<html>not a pdf</html>")
    cat.write("records/2026/R2026-001.yaml", record("R2026-001", "测试县民政局关于甲事项的通知", channels="政府网站",
                                                    item="SHJZ-001", extra="附件:\n  - 文件: files/2026/名单.pdf\n"))
    assert gk("validate", cat.root).code == 1
    stamp = os.lstat(cat.root / "files/2026/名单.pdf")
    recent = _recent(cat.root)
    recent["files/2026/名单.pdf"] = ((stamp.st_size, stamp.st_mtime_ns, stamp.st_ctime_ns, stamp.st_ino, stamp.st_dev),
                                   "refused")
    (cat.root / ".gongkai-cache" / RECENT_FILE).write_bytes(marshal.dumps(recent))
    run = gk("validate", cat.root)
    assert run.code == 1 and "内部错误" not in run.err and "GK609" in run.out


def test_previewing_the_catalog_folder_says_to_build_the_site_beside_it(gk, cat):
    """`gongkai serve --dir catalog` said 「请先运行 gongkai build-site --out catalog」, which build-site refuses (the
    catalog is never an output): the advice led nowhere."""
    run = gk("serve", "--dir", cat.root)
    assert run.code == 2
    assert run.err.strip() == (f"错误：「{cat.root}」是目录文件夹（有 gongkai.yaml），不是网站。请先运行 gongkai build-site "
                               f"{cat.root} --out site，再运行 gongkai serve --dir site。")
    assert gk("build-site", cat.root, "--out", cat.root).code == 2  # what the old advice said to run


# ---------------------------------------------------------------------------------------------------- the output folder

@pytest.mark.parametrize("command", [["build-site"], ["export", "portal"]])  # (print, wechat: the same replace_dir)
def test_a_new_folder_inside_the_catalog_is_refused_as_output(gk, cat, tmp_path, command):
    """「--out catalog/site」 (a new folder, so not refused as 「已有不是 gongkai 生成的文件」) put the site inside the
    catalog: listed with the catalog's files, the next build never found the catalog unchanged (「重新生成 0 个」, never
    「网站没有变化」), and the pages went into git with the catalog. Through a link the same."""
    web_catalog(cat)
    web_record(cat, "records/2026/R2026-001.yaml", "R2026-001", "测试县民政局关于甲事项的通知", "00001")
    before = sorted(p.relative_to(cat.root).as_posix() for p in cat.root.rglob("*") if ".gongkai-cache" not in p.parts)
    (tmp_path / "link").symlink_to(cat.root / "site")
    for out in (cat.root / "site", tmp_path / "link"):
        run = gk(*command, cat.root, "--out", out)
        assert run.code == 2, run.out + run.err
        assert run.err.strip() == (f"错误：「{out if out.name == 'site' else cat.root / 'site'}」在目录文件夹「{cat.root}」里面："
                                   "生成的文件会混进目录（和目录一起提交，下次生成也总以为目录改动过），所以没有写入。"
                                   "请在 --out 后写目录文件夹以外的文件夹，如与目录文件夹并列的一个新文件夹。")
    after = sorted(p.relative_to(cat.root).as_posix() for p in cat.root.rglob("*") if ".gongkai-cache" not in p.parts)
    assert after == before
    assert gk(*command, cat.root, "--out", tmp_path / "beside").code == 0  # beside the catalog, as `gongkai init` lays it out
