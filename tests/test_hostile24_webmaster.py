"""Twenty-fourth hostile pass over the site (issue 4), the 61号 column (issue 13) and the build path (issue 17), as the
county webmaster who loads the bureau's column into the portal (a Windows/IIS server, a copy by FTP or rsync) and the
elderly citizen who reads it on a phone.

Found by this pass:
- An attachment whose name Windows cannot hold (「aux.pdf」, 「con.pdf」: device names; 「名单?.pdf」, 「名单:1.pdf」:
  forbidden characters; a folder 「files/2026 」 ending in a space) was GK018 in validate, but the gate published its
  record and build-site copied the file into site/files/: the webmaster's copy to the county's IIS server failed on
  it (or left a page whose attachment answers 404), and the 两馆's Windows PCs could not open the handover batch.
  Now the attachment check (privacy.attachments, the one every publisher passes; after the format check) refuses such a name
  (GK606 at the record's 附件 line): the record is held, nothing of it is copied, and the message says how to rename.
  Likewise an attachment path over 200 characters (folders within folders), which Windows' 259-character paths cannot
  hold once the folder of the column on the server, or of the catalog on a clerk's PC, is in front (GK607).
- The site names pages and folders after 编号 and 领域代码 (records/<编号>.html, items/<编号>.html, towns/<编号>/,
  directory/<代码>/), but any 编号 of letters, digits and - _ . passed: 「aux」 (records/aux.html), a 乡镇民政办
  「nul」 or 「mzb-102.」 (towns/mzb-102./, which Windows reads as towns/mzb-102/), a 领域代码 「CON」 (directory/CON/)
  were built into files the county's Windows/IIS server cannot hold; and a 编号 of 250 characters stopped the whole
  build-site (「文件名太长」) with nothing published. Now a 编号 (wherever written: the record, the item, a unit, a
  reference) or a 领域代码 that is a Windows device name, ends in a dot, or is over 64 characters is GK103 at its line
  with how to write it; the file is not read (its record is not published, build-site says so) and the rest builds.
- A 主动公开 record written without 事项 (a 通知 or 公告; only 制度 and 年度报告 have a part of their own) was listed
  only among the home page's newest 20: the 21st was linked from no page of the column, so a citizen clicking through
  could never reach it (only search, the feed and the sitemap named it). Now such records are listed on
  qita/index.html 「其他公开信息」, linked from the home page (with their number) while there is one, and their page's
  位置 leads back there. Checked by walking the links from index.html to every record page.
- site/.gongkai-build.json, the build record that goes to the portal with the column (an FTP or rsync copy takes it
  along), listed the 编号 a web record names as its 解读 or 被替代 even when that record was 不予公开 or 依申请公开:
  the 编号 of a record that must leave no trace on the web was published. Now only web records' 编号 are kept there.
- On a phone 320 px wide, a body with a paragraph typed with four spaces in front (Markdown's code block) or a fenced
  block made the whole page scroll sideways (tests/browser/test_hostile24_webmaster.py).
"""

from __future__ import annotations

import datetime as dt
import gzip
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ITEM, CatalogDir, text_pdf
from gongkai.site import build_site
from portal_catalog import agency, record
from test_hostile21_site import broken

TODAY = dt.date(2026, 11, 27)
POLICY_ITEM = (ITEM.replace("SHJZ-001", "SHJZ-002").replace("审批信息", "政策文件")
               .replace("低保对象名单及相关信息", "低保政策文件").replace("五公开: 结果公开", "五公开: 决策公开"))

# attachment paths Windows cannot hold, typed from Windows' naming rules (learn.microsoft.com, "Naming Files, Paths,
# and Namespaces"): reserved device names, with any extension and in any case; < > : " / \ | ? *; a trailing dot or
# space of a file or folder name
WINDOWS_REFUSES = {
    "R2026-011": "files/2026/aux.pdf",
    "R2026-012": "files/2026/CON.pdf",
    "R2026-013": "files/2026/Com1.pdf",
    "R2026-014": "files/2026/名单?.pdf",
    "R2026-015": "files/2026/名单:1.pdf",
    "R2026-016": "files/2026 /名单.pdf",
    "R2026-017": "files/nul/名单.pdf",
    "R2026-018": "files/2026/名单|副本.pdf",
}
# the edge on the other side: names that only look like the above, and Windows keeps
WINDOWS_KEEPS = {
    "R2026-021": "files/2026/auxiliary.pdf",
    "R2026-022": "files/2026/console.pdf",
    "R2026-023": "files/2026/名单 2.pdf",
    "R2026-024": "files/2026/com10.pdf",
    "R2026-025": "files/2026/名单（1）.pdf",
    # 200 characters: the longest attachment path (privacy.attachments.MAX_PATH_CHARS) — Windows' 259 less the folder
    # the column or the catalog sits in
    "R2026-026": "files/2026/" + "x" * 100 + "/" + "y" * 84 + ".pdf",
}
TOO_LONG = {"R2026-027": "files/2026/" + "x" * 100 + "/" + "y" * 85 + ".pdf"}  # 201 characters


def _attached(path: str) -> str:
    return f'页数: 1\n附件:\n  - 文件: "{path}"\n    名称: 附件\n'


LONGEST_ID = "R2026-" + "0" * 58  # 64 characters: the longest 编号 (model.base.MAX_ID_LENGTH)
BAD_IDS = {  # file → 编号 written in it
    "records/2026/aux.yaml": "aux",
    "records/2026/Lpt1.x.yaml": "Lpt1.x",
    "records/2026/R2026-031.yaml": "R2026-031.",
    "records/2026/R2026-032.yaml": "R2026-" + "0" * 59,  # 65 characters
}


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("webmaster") / "catalog"
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", agency())
    cat.item()
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    for rid, path in {**WINDOWS_REFUSES, **WINDOWS_KEEPS, **TOO_LONG}.items():
        cat.record(record(rid, f"关于{rid}的通知", item="SHJZ-002", extra=_attached(path)), f"records/2026/{rid}.yaml")
        cat.write(path, text_pdf(rid))
    cat.record(record(LONGEST_ID, "关于最长编号的通知", item="SHJZ-002"), f"records/2026/{LONGEST_ID}.yaml")
    for rel, rid in BAD_IDS.items():
        cat.record(record(rid, f"关于{rel}的通知", item="SHJZ-002"), rel)
    # a web record naming, as its 解读 and as its replacement, records that are not 主动公开
    cat.record(record("R2026-041", "关于甲的通知", item="SHJZ-002", extra="解读: [R2026-042]\n"), "records/2026/R2026-041.yaml")
    cat.record(record("R2026-042", "不予公开的解读", item="SHJZ-002", attribute="不予公开"), "records/2026/R2026-042.yaml")
    cat.record(record("R2026-043", "关于乙的通知", item="SHJZ-002",
                      extra="有效性: 失效\n有效性日期: 2026-11-01\n被替代: R2026-044\n"), "records/2026/R2026-043.yaml")
    cat.record(record("R2026-044", "依申请公开的新文件", item="SHJZ-002", attribute="依申请公开"), "records/2026/R2026-044.yaml")
    for number in range(1, 22):  # 21 records of no item: one more than the home page's newest 20
        rid = f"R2026-{100 + number}"
        cat.record(record(rid, f"关于第{number}批工作的公告", kind="公告", published=f"2026-10-{number:02d}"),
                   f"records/2026/{rid}.yaml")
    return root


@pytest.fixture(scope="module")
def site(catalog: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The column, built once for the module (read only) by the function the CLI calls."""
    out = tmp_path_factory.mktemp("webmaster-site") / "site"
    build_site(catalog, out, TODAY, use_cache=False)
    return out


# ---------------------------------------------------------------------------------------------------- Windows names

def test_an_attachment_windows_cannot_hold_is_not_copied_and_its_record_is_held(site):
    copied = sorted(p.relative_to(site).as_posix() for p in (site / "files").rglob("*") if p.is_file())
    assert copied == sorted(WINDOWS_KEEPS.values())
    for rid in [*WINDOWS_REFUSES, *TOO_LONG]:
        assert not (site / "records" / f"{rid}.html").exists(), rid
        assert rid not in (site / "index.html").read_text(encoding="utf-8")
    for rid in WINDOWS_KEEPS:
        assert (site / "records" / f"{rid}.html").is_file(), rid


def test_validate_names_the_attachment_line_and_how_to_rename(catalog, gk):
    run = gk("validate", catalog, "--format", "json")
    found = {(d["path"], d["line"], d["code"]): d for d in run.json()["diagnostics"]}  # type: ignore[index]
    for rid, path in WINDOWS_REFUSES.items():
        # the record's 附件 entry: line 16 (「  - 文件: …」), column 9 where the path starts (portal_catalog.record)
        diagnostic = found.get((f"records/2026/{rid}.yaml", 16, "GK606"))
        assert diagnostic is not None, (rid, path)
        assert diagnostic["severity"] == "error"
        assert "Windows" in diagnostic["message"] and diagnostic["column"] == 9
        assert "改名" in diagnostic["hint"] or "删去" in diagnostic["hint"]
    for rid in WINDOWS_KEEPS:
        assert not [k for k in found if k[0] == f"records/2026/{rid}.yaml" and k[2] in ("GK606", "GK607", "GK018")], rid
    too_long = found.get(("records/2026/R2026-027.yaml", 16, "GK607"))
    assert too_long is not None and "路径太长（201 个字符）" in too_long["message"] and too_long["column"] == 9
    assert "files/<年份>/" in too_long["hint"]


def test_build_site_says_which_record_was_held_and_why(catalog, gk, tmp_path):
    run = gk("build-site", catalog, "--out", tmp_path / "site", "--today", TODAY.isoformat(), "--no-search")
    assert run.code == 0, run.err
    assert "R2026-011 没有发布" in run.err and "保留的设备名 AUX" in run.err
    assert "R2026-014 没有发布" in run.err and "不允许用在文件名中的字符「?」" in run.err
    assert "R2026-016 没有发布" in run.err and "以空格结尾" in run.err
    assert "R2026-021 没有发布" not in run.err
    # a record whose 编号 no file can be named after: not read, and said so
    assert "records/2026/aux.yaml 没有发布" in run.err and "records/2026/R2026-032.yaml 没有发布" in run.err


# ---------------------------------------------------------------------------------------------------- 编号 as file names

def test_an_id_windows_cannot_hold_or_too_long_names_no_page_and_the_rest_is_built(site):
    pages = sorted(p.name for p in (site / "records").iterdir())
    assert f"{LONGEST_ID}.html" in pages
    assert [p for p in pages if p.lower().startswith(("aux", "lpt1", "r2026-031.", "r2026-0000000000"))] == \
        [f"{LONGEST_ID}.html"]


def test_validate_names_each_bad_id_at_its_line(catalog, gk):
    found = {(d["path"], d["line"], d["column"], d["code"]): d
             for d in gk("validate", catalog, "--format", "json").json()["diagnostics"]}  # type: ignore[index]
    for rel in BAD_IDS:
        diagnostic = found.get((rel, 1, 5, "GK103"))  # 「编号: …」: the value starts at column 5
        assert diagnostic is not None, rel
        assert "编号" in diagnostic["hint"] and "64" in diagnostic["hint"]
    assert "保留的设备名 AUX" in found[("records/2026/aux.yaml", 1, 5, "GK103")]["message"]
    assert "保留的设备名 LPT1" in found[("records/2026/Lpt1.x.yaml", 1, 5, "GK103")]["message"]
    assert "以「.」结尾" in found[("records/2026/R2026-031.yaml", 1, 5, "GK103")]["message"]
    assert "65 个字符" in found[("records/2026/R2026-032.yaml", 1, 5, "GK103")]["message"]
    assert not [k for k in found if k[0] == f"records/2026/{LONGEST_ID}.yaml" and k[3] == "GK103"]


@pytest.mark.parametrize(("before", "after", "line", "said"), [
    ("    代码: SHJZ", "    代码: CON", 8, "保留的设备名 CON"),          # directory/CON/
    ("  - 编号: shjzg", "  - 编号: nul", 13, "保留的设备名 NUL"),        # towns/nul/, a 股室 or a 乡镇民政办
    ("  - 编号: shjzg", "  - 编号: mzb-102.", 13, "以「.」结尾"),        # towns/mzb-102./ is towns/mzb-102/ on Windows
])
def test_a_domain_code_or_unit_id_windows_cannot_hold_is_refused_at_its_line(cat, gk, before, after, line, said):
    text = (cat.root / "gongkai.yaml").read_text(encoding="utf-8")
    assert before in text
    cat.write("gongkai.yaml", text.replace(before, after))
    run = gk("validate", cat.root, "--format", "json")
    found = [d for d in run.json()["diagnostics"]  # type: ignore[index]
             if d["path"] == "gongkai.yaml" and d["code"] == "GK103" and d["line"] == line]
    assert found and said in found[0]["message"], run.out
    assert "Windows" in found[0]["hint"]


# ---------------------------------------------------------------------------------------------------- every page reachable

class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hrefs += [v for k, v in attrs if k == "href" and v]


def _reachable(site: Path) -> set[str]:
    """The pages a reader reaches by clicking from index.html (relative links only, as under the portal's sub-path)."""
    seen, todo = {"index.html"}, ["index.html"]
    while todo:
        name = todo.pop()
        parser = _Links()
        parser.feed((site / name).read_text(encoding="utf-8"))
        for href in parser.hrefs:
            parts = urlsplit(href)
            if parts.scheme or not parts.path.endswith(".html"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), unquote(parts.path)))
            if target not in seen and (site / target).is_file():
                seen.add(target)
                todo.append(target)
    return seen


def test_every_record_page_is_reached_by_clicking_from_the_home_page(site):
    pages = {p.relative_to(site).as_posix() for p in (site / "records").glob("*.html")}
    assert "records/R2026-101.html" in pages and "records/R2026-121.html" in pages  # the oldest and the newest
    assert sorted(pages - _reachable(site)) == []
    # and every address of it opens a file of the column under the portal's sub-path (the twenty-first pass's checker)
    assert broken(site, "https://www.fjax.gov.cn/zwgk/zfxxgkzl/bmzfxxgk/mzj/") == []


def test_records_of_no_item_are_listed_together_and_their_pages_lead_back_there(site):
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="qita/index.html">其他公开信息</a>' in home and "共 21 条" in home
    listed = (site / "qita/index.html").read_text(encoding="utf-8") + (site / "qita/2.html").read_text(encoding="utf-8")
    assert listed.count('<a href="../records/R2026-1') == 21  # 20 a page since the thirty-fifth pass
    # newest first: 10月21日's above 10月1日's
    assert listed.index("R2026-121.html") < listed.index("R2026-101.html")
    page = (site / "records/R2026-101.html").read_text(encoding="utf-8")
    assert '<a href="../index.html">首页</a> › <a href="../qita/index.html">其他公开信息</a>' in page


def test_without_records_of_no_item_there_is_no_such_page_nor_link(cat, gk, tmp_path):
    run = gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search")
    assert run.code == 0, run.err
    assert not (tmp_path / "site/qita").exists()
    assert "qita/" not in (tmp_path / "site/index.html").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------------- nothing of the non-public

def test_no_file_of_the_site_names_a_record_that_is_not_public_not_even_the_build_record(site):
    assert (site / "records/R2026-041.html").is_file() and (site / "records/R2026-043.html").is_file()
    every = [p for p in site.rglob("*") if p.is_file()]
    assert site / ".gongkai-build.json" in every  # the hidden file an FTP or rsync copy takes along
    for path in every:
        data = path.read_bytes()
        data = gzip.decompress(data) if path.suffix == ".gz" else data  # the search index
        for trace in ("R2026-042", "R2026-044", "不予公开的解读", "依申请公开的新文件"):
            assert trace.encode() not in data, (path.relative_to(site).as_posix(), trace)
