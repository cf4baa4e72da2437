"""Thirty-ninth session, the lead's pass: a 正文's links written as a clerk writes them.

Found (before the fix → now):
1. A clerk links a document in the 正文 the way its 附件 line writes it — 「[表格](files/2026/表格.pdf)」 — or with
   「./files/…」 or 「/files/…」. The gate reads all of these as the catalog's file (privacy.links) and checks them; the
   site kept the address as written: from records/R2026-002.html 「files/2026/表格.pdf」 opens records/files/…, a 404
   (inspect --site: 错链), and 「/files/…」 opens the portal's root, a 404 once the column sits under its 基础地址. The
   portal fragment kept the same 404. Links to a record's page written 「records/R2026-002.html」 or 「/records/…」 were
   404s in the same way. Now every exit gives such a link the address that opens what the gate read
   (site.record_links): ../files/2026/表格.pdf, R2026-002.html — or the words alone when it is not on the web.
2. A 正文 linking a file of files/ that no 主动公开 record attaches (a 申请表 put in files/ and linked, never registered;
   a path with a typo; a path differing from the 附件 line in case) was published with the words alone and no word to
   the clerk: validate exit 0, the reader cannot download it. Now validate warns GK908 at the line of the link and
   says why (not an attachment, not in the catalog, or spelt otherwise than the 附件 line), and the incremental run
   re-checks the record when a record attaching the file changes (the same as --no-cache).
3. The same for a record's page: a 正文 linking 「R2026-0002.html」 (a typo) or a 依申请公开 record's page gave the words
   alone on every exit, validate silent. Now GK909 names the 编号 and why (no such record, or its 公开属性); a record not
   yet published or withdrawn is not named (its link comes on its day; words after a withdrawal are as they should
   be). The incremental run looks the linked records up as it does a 解读's (keys_of: refers).
4. (From h184's report.) A 名单 attached as a workbook saved in Excel as 「Strict Open XML 电子表格」 was read by the
   gate as empty sheets — openpyxl knows the usual names only — so no table, no 「姓名」 column: a 通知 with no 公示期
   went out with the list, to stay for good, where the same list in the usual xlsx was held back (GK611). gongkai mask
   refused the file. Now every reader of workbooks reads a strict one in the usual names (gongkai.strictxml).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import AGENCY, RECORD, CatalogDir, Run, text_pdf
from test_hostile35_other_exits import FILES, _files_catalog
from test_hostile35_site_61 import _linking_catalog
from test_hostile37_import_tables import _strict_xlsx

TODAY = "2026-12-07"
FORM = "%E8%A1%A8%E6%A0%BC.pdf"  # 表格.pdf as the renderer quotes it


def _body_of(path: Path, start: str) -> str:
    text = path.read_text(encoding="utf-8")
    at = text.index(start)
    return text[at:text.index("</p>", at) + 4]


def _relink(cat: CatalogDir, record: str, old: str, new: str) -> None:
    path = cat.root / f"records/2026/{record}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


WRITTEN = ("  填写[表格](files/2026/表格.pdf)、[表格二](./files/2026/表格.pdf)、[表格三](/files/2026/表格.pdf)，"
           "参照[指南](files/2026/办事指南.pdf)。\n")
# R2026-002's 正文 in _files_catalog
LINKED = "  填写[表格](../files/2026/表格.pdf)，参照[指南](../files/2026/%E5%8A%9E%E4%BA%8B%E6%8C%87%E5%8D%97.pdf)。\n"


def test_a_file_linked_as_its_attachment_line_writes_it_opens_on_the_site(gk: Callable[..., Run],
                                                                          tmp_path: Path) -> None:
    cat = _files_catalog(tmp_path)
    _relink(cat, "R2026-002", LINKED, WRITTEN)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY, "--no-search").code == 0
    assert _body_of(site / "records/R2026-002.html", "<p>填写") == (
        f'<p>填写<a href="../files/2026/{FORM}">表格</a>、<a href="../files/2026/{FORM}">表格二</a>、'
        f'<a href="../files/2026/{FORM}">表格三</a>，参照指南。</p>')
    assert (site / "files/2026/表格.pdf").is_file()
    inspected = gk("inspect", cat.root, "--site", site, "--today", TODAY)
    assert "文件不存在" not in inspected.out, inspected.out  # (was: 链接「files/2026/表格.pdf」文件不存在)
    fresh = tmp_path / "fresh"  # the same bytes from an incremental build and a whole one
    assert gk("build-site", cat.root, "--out", fresh, "--today", TODAY, "--no-search", "--no-cache").code == 0
    assert (fresh / "records/R2026-002.html").read_bytes() == (site / "records/R2026-002.html").read_bytes()


def test_the_portal_takes_the_same_reading(gk: Callable[..., Run], tmp_path: Path) -> None:
    cat = _files_catalog(tmp_path)
    _relink(cat, "R2026-002", LINKED, WRITTEN)
    portal = tmp_path / "portal"
    assert gk("export", "portal", cat.root, "--today", TODAY, "--out", portal).code == 0
    assert (portal / "bodies/R2026-002.html").read_text(encoding="utf-8").strip() == (
        f'<p>填写<a href="{FILES}{FORM}">表格</a>、<a href="{FILES}{FORM}">表格二</a>、<a href="{FILES}{FORM}">表格三</a>'
        "，参照指南。</p>")


def test_a_record_page_linked_from_the_column_root_opens(gk: Callable[..., Run], tmp_path: Path) -> None:
    cat = _linking_catalog(tmp_path)
    _relink(cat, "R2026-001", "[现行文件](R2026-002.html)", "[现行文件](records/R2026-002.html)")
    _relink(cat, "R2026-001", "[废止的](", "[废止的](/records/R2026-005.html)[旧写法](")
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY, "--no-search").code == 0
    body = _body_of(site / "records/R2026-001.html", "<p>详见")
    assert body.startswith('<p>详见<a href="R2026-002.html">现行文件</a>、将来的、撤回的、'
                           '<a href="R2026-005.html">废止的</a> <span class="invalid">【废止】</span>'), body
    assert "records/R2026-002.html" not in body and "/records/" not in body


def _catalog(tmp_path: Path) -> CatalogDir:
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item()
    cat.write("files/2026/表格.pdf", text_pdf("form"))
    cat.write("files/2026/申请表.pdf", text_pdf("application"))
    attached = RECORD.replace("页数: 1", "页数: 1\n附件:\n  - 名称: 表格\n    文件: files/2026/表格.pdf")
    cat.record(attached + "  填写[表格](../files/2026/表格.pdf)。\n"
               "  下载[申请表](../files/2026/申请表.pdf)、[须知](../files/2026/须知.pdf)、[表格](../files/2026/表格.PDF)。\n")
    return cat


def _findings(run: Run, code: str) -> list[tuple[int, str]]:
    found = json.loads(run.out)
    return [(d["line"], d["message"]) for d in found["diagnostics"] if d["code"] == code]


def test_validate_says_which_linked_files_the_site_will_not_have(gk: Callable[..., Run], tmp_path: Path) -> None:
    cat = _catalog(tmp_path)
    run = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert run.code == 0, run.out  # a warning
    assert _findings(run, "GK908") == [
        (23, "正文链接的文件「files/2026/申请表.pdf」不会出现在网站上：它不是任何主动公开的信息的附件，网站不复制它；"
             "网站上这个链接只显示文字"),
        (23, "正文链接的文件「files/2026/表格.PDF」不会出现在网站上：与附件登记的「files/2026/表格.pdf」写法不同（大小写或斜杠），"
             "网站上是两个地址；网站上这个链接只显示文字"),
        (23, "正文链接的文件「files/2026/须知.pdf」不会出现在网站上：目录中没有这个文件（路径写错了，或文件没有放进 files/）；"
             "网站上这个链接只显示文字"),
    ]
    text = gk("validate", cat.root, "--today", TODAY)
    assert "23:1 警告 GK908" in text.out and "改正：把这个文件登记为本信息的附件" in text.out, text.out


def test_attaching_the_file_elsewhere_clears_the_warning_in_the_cached_run_too(gk: Callable[..., Run],
                                                                              tmp_path: Path) -> None:
    cat = _catalog(tmp_path)
    assert len(_findings(gk("validate", cat.root, "--format", "json", "--today", TODAY), "GK908")) == 3
    second = (RECORD.replace("R2026-001", "R2026-002").replace("-2026-00001", "-2026-00002")
              .replace("测民〔2026〕1号", "测民〔2026〕2号")
              .replace("页数: 1", "页数: 1\n附件:\n  - 名称: 申请表\n    文件: files/2026/申请表.pdf"))
    cat.record(second, "records/2026/R2026-002.yaml")
    cached = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    full = gk("validate", cat.root, "--format", "json", "--today", TODAY, "--no-cache")
    assert cached.out == full.out
    assert [m.split("」")[0] for _, m in _findings(cached, "GK908")] == ["正文链接的文件「files/2026/表格.PDF",
                                                                         "正文链接的文件「files/2026/须知.pdf"]
    # R2026-002 becomes 不予公开: its 申请表 is a withheld file (GK612, an error), never GK908 as well
    withheld = second.replace("公开属性: 主动公开", "公开属性: 不予公开\n不予公开理由: 个人隐私")
    cat.record(withheld, "records/2026/R2026-002.yaml")
    cached = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert cached.out == gk("validate", cat.root, "--format", "json", "--today", TODAY, "--no-cache").out
    assert len(_findings(cached, "GK908")) == 2 and len(_findings(cached, "GK612")) == 1


def test_validate_names_a_linked_record_that_is_not_on_the_site(gk: Callable[..., Run], tmp_path: Path) -> None:
    """R2026-001 links R2026-002 (现行), -003 (公开日期 after the day: no warning, the link comes that day), -004
    (withdrawn: words, as they should be), -005 (废止: linked and marked), R2026-099 (none), a typo R2026-0002 and
    R2026-006 (依申请公开)."""
    cat = _linking_catalog(tmp_path)
    _relink(cat, "R2026-001", "[现行文件](R2026-002.html)",
            "[现行文件](R2026-002.html)、[错号](R2026-0002.html)、[依申请的](records/R2026-006.html)")
    cat.record(RECORD.replace("R2026-001", "R2026-006").replace("-2026-00001", "-2026-00006")
               .replace("测民〔2026〕1号", "测民〔2026〕6号").replace("公开属性: 主动公开", "公开属性: 依申请公开"),
               "records/2026/R2026-006.yaml")
    run = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert [m for _, m in _findings(run, "GK909")] == [
        "正文链接的信息「R2026-0002」不在网站上：目录中没有这个编号的信息（编号写错了？）；网站上这个链接只显示文字",
        "正文链接的信息「R2026-006」不在网站上：它是「依申请公开」的信息；网站上这个链接只显示文字",
        "正文链接的信息「R2026-099」不在网站上：目录中没有这个编号的信息（编号写错了？）；网站上这个链接只显示文字",
    ]
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY, "--no-search").code == 0
    assert _body_of(site / "records/R2026-001.html", "<p>详见").startswith(
        '<p>详见<a href="R2026-002.html">现行文件</a>、错号、依申请的、将来的、撤回的、')


def test_the_cached_run_names_a_linked_record_the_day_it_is_withheld(gk: Callable[..., Run], tmp_path: Path) -> None:
    cat = _linking_catalog(tmp_path)
    first = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert "R2026-002" not in json.dumps(_findings(first, "GK909"), ensure_ascii=False)
    _relink(cat, "R2026-002", "公开属性: 主动公开", "公开属性: 不予公开\n不予公开理由: 个人隐私")  # R2026-001 is not edited
    cached = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert cached.out == gk("validate", cat.root, "--format", "json", "--today", TODAY, "--no-cache").out
    assert "正文链接的信息「R2026-002」不在网站上：它是「不予公开」的信息；网站上这个链接只显示文字" in [
        m for _, m in _findings(cached, "GK909")]


# 4 ── a 名单 in a workbook saved as 「Strict Open XML 电子表格」 ─────────────────────────────────────────────────────

NAMES = [["姓名", "村（社区）", "金额（元）"], ["陈水生", "经兜村", "1500"], ["林秀英", "湖头村", "1200"]]


def _notice_with(cat: CatalogDir, workbook: bytes) -> None:
    """R2026-001, a 通知 with no 公示期 and outside any item, attaching 名单.xlsx."""
    cat.write("files/2026/名单.xlsx", workbook)
    notice = (RECORD.replace("文种: 公示", "文种: 通知").replace("事项: SHJZ-001\n", "").replace("公示截止: 2026-12-31\n", "")
              .replace("页数: 1", "页数: 1\n附件:\n  - 名称: 名单\n    文件: files/2026/名单.xlsx"))
    cat.record(notice)


def test_a_list_of_people_in_a_strict_workbook_is_a_list_of_people(gk: Callable[..., Run], cat: CatalogDir,
                                                                    tmp_path: Path) -> None:
    """The gate read a strict workbook as one of empty sheets (openpyxl knows the usual names only): no table, so no
    「姓名」 column — the 通知 went out with its 名单 and no 公示期, to stay for good. The same list in the usual
    format was held back (GK611). Now both are."""
    _notice_with(cat, _strict_xlsx(NAMES))
    run = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert run.code == 1
    assert [m[:43] for _, m in _findings(run, "GK611")] == ["信息 R2026-001 列有人员名单（表格的姓名列，或逐一列出的姓名），但文种是「通"]
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY, "--no-search").code == 0
    assert not (site / "files/2026/名单.xlsx").exists()  # (was copied to the site, and linked from the page)
    assert "名单不再在网站上公开" in (site / "records/R2026-001.html").read_text(encoding="utf-8")


def test_mask_reads_a_strict_workbook(gk: Callable[..., Run], tmp_path: Path) -> None:
    table = tmp_path / "名单.xlsx"
    table.write_bytes(_strict_xlsx([["村（社区）", "联系电话"], ["经兜村", "13805951234"]]))
    run = gk("mask", table)
    assert run.code == 0, run.out + run.err
    assert "社会救助!B2：手机号码 → 138****1234" in run.out
    assert gk("mask", "--dry-run", table).out.strip().endswith("没有发现需要遮盖的个人信息。")


def test_a_link_to_files_in_capitals_is_named_and_never_a_404(gk: Callable[..., Run], cat: CatalogDir,
                                                               tmp_path: Path) -> None:
    """「FILES/2026/表格.pdf」 (as Windows Explorer may show the folder): the gate reads it as the file; the site on
    Linux would 404 on it. The page gives the words alone and validate names it (spelt otherwise than the 附件)."""
    cat.write("files/2026/表格.pdf", text_pdf("form"))
    cat.record(RECORD.replace("页数: 1", "页数: 1\n附件:\n  - 名称: 表格\n    文件: files/2026/表格.pdf")
               + "  填写[表格](FILES/2026/表格.pdf)。\n")
    run = gk("validate", cat.root, "--format", "json", "--today", TODAY)
    assert [m.split("：")[0] for _, m in _findings(run, "GK908")] == ["正文链接的文件「FILES/2026/表格.pdf」不会出现在网站上"]
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY, "--no-search").code == 0
    page = (site / "records/R2026-001.html").read_text(encoding="utf-8")
    assert "<br />\n填写表格。</p>" in page and "FILES/" not in page
