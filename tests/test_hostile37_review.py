"""Thirty-ninth session, review of the day's change (h190): where the new code disagrees with itself.

Found (before the fix → now):
1. A 公示 registered for the web days after the board's 公示 ended, its 正文 telling the period as a length from a
   day (「自2026年11月10日起公示5个工作日」: to 11月16日), was shown with its names on the web and the portal on its
   公开日期 (11月23日), and deadline explain gave it a 公示期 of 「2026-11-23 至 2026-11-23」 — while the same days
   written as a range (「自2026年11月10日至11月16日公示」) were never shown (hostile pass 34), and GK420 said the names
   come down after 11-16. The length counted in declared_notice_end but not in over_before_publication. Now both read
   the 正文 the same way: never shown, on every exit.
2. A link to a place in a file or page written as the 附件 line writes it — 「[附表](files/2026/表格.pdf#page=3)」,
   「[第三条](records/R2026-002.html#three)」 — was given the address that opens it (site.record_links, this session)
   without the place: the reader landed on page 1 / at the top, on the site and the portal alike. Now the address
   given keeps the #place it was written with.
3. A 正文 linking the column's 首页 — 「[返回栏目首页](../index.html)」, 「[门户首页](/index.html)」 — lost the link on
   the site and the portal (the words alone), and validate warned GK909 「正文链接的信息「index」不在网站上：目录中没有这个
   编号的信息（编号写错了？）」: this session's reading of a page link as a record's (privacy.links.PAGE) took 「index」 for
   a 编号. (tests/test_hostile13_inspect.py::test_a_fragment_to_a_missing_id_is_broken failed on main for it.) Now the
   首页 is not a record: the link stays as written, and validate says nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, CatalogDir, Run
from test_hostile35_other_exits import FILES, _files_catalog
from test_hostile37_lead import FORM, LINKED, _body_of, _relink

NAMES = "  | 姓名 | 村（社区） |\n  |---|---|\n  | 陈水生 | 湖三村 |\n"


def _late_notice(tmp_path: Path, body: str) -> CatalogDir:
    """R2026-001, a 公示 with 公示期: 7 registered for the web on 2026-11-23; its 正文 *body* and a 名单."""
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.record(RECORD.replace("公开日期: 2026-09-03\n公示截止: 2026-12-31", "公开日期: 2026-11-23\n公示期: 7")
               .replace("  经审核，现将名单予以公示。\n", f"  {body}\n{NAMES}"))
    return cat


@pytest.mark.parametrize("body", ["经审核，自2026年11月10日起公示5个工作日。",
                                  "经审核，从11月10日起在湖三村公示栏公示5个工作日。",
                                  "经审核，自2026年11月10日至11月16日在湖三村公示栏公示。"])
def test_a_notice_over_before_its_publication_never_shows_its_names(gk: Callable[..., Run], tmp_path: Path,
                                                                   body: str) -> None:
    cat = _late_notice(tmp_path, body)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", "2026-11-23", "--no-search").code == 0
    page = (site / "records/R2026-001.html").read_text(encoding="utf-8")
    assert "陈水生" not in page
    assert "名单不再在网站上公开" in page
    explained = gk("deadline", "explain", "R2026-001", "-C", cat.root)
    assert "公示期：「公示截止」或正文写的公示期在公开日期 2026-11-23 之前已结束（GK419、GK420），名单不在任何渠道公开。" in explained.out


def test_a_length_from_the_publication_day_still_shows_the_names(gk: Callable[..., Run], tmp_path: Path) -> None:
    """「公示期为5个工作日」 counted from the 公开日期 (2026-11-23, a Monday) ends 11-27: the names are up until then."""
    cat = _late_notice(tmp_path, "经审核，现予公示，公示期为5个工作日。")
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", "2026-11-27", "--no-search").code == 0
    assert "陈水生" in (site / "records/R2026-001.html").read_text(encoding="utf-8")
    explained = gk("deadline", "explain", "R2026-001", "-C", cat.root)
    assert "公示期：2026-11-23 至 2026-11-27" in explained.out


COLUMN = "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/"  # the 基础地址 of AGENCY
PLACES = "  填写[附表](files/2026/表格.pdf#page=3)，见[第三条](records/R2026-001.html#three)、[全文](/records/R2026-001.html)。\n"


def test_a_link_to_a_place_keeps_it_on_the_site_and_the_portal(gk: Callable[..., Run], tmp_path: Path) -> None:
    cat = _files_catalog(tmp_path)
    _relink(cat, "R2026-002", LINKED, PLACES)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", "2026-12-07", "--no-search").code == 0
    assert _body_of(site / "records/R2026-002.html", "<p>填写") == (
        f'<p>填写<a href="../files/2026/{FORM}#page=3">附表</a>，见<a href="R2026-001.html#three">第三条</a>、'
        '<a href="R2026-001.html">全文</a>。</p>')
    portal = tmp_path / "portal"
    assert gk("export", "portal", cat.root, "--today", "2026-12-07", "--out", portal).code == 0
    assert (portal / "bodies/R2026-002.html").read_text(encoding="utf-8").strip() == (
        f'<p>填写<a href="{FILES}{FORM}#page=3">附表</a>，见<a href="{COLUMN}records/R2026-001.html#three">第三条</a>、'
        f'<a href="{COLUMN}records/R2026-001.html">全文</a>。</p>')


HOME = "  详见[第三条](R2026-001.html)，返回[栏目首页](../index.html)、[门户首页](/index.html)。\n"


def test_a_link_to_the_home_page_is_not_a_record(gk: Callable[..., Run], tmp_path: Path) -> None:
    cat = _files_catalog(tmp_path)
    _relink(cat, "R2026-002", LINKED, HOME)
    run = gk("validate", cat.root, "--format", "json", "--today", "2026-12-07")
    assert "「index」" not in run.out and "R2026-002.yaml" not in run.out
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", "2026-12-07", "--no-search").code == 0
    assert _body_of(site / "records/R2026-002.html", "<p>详见") == (
        '<p>详见<a href="R2026-001.html">第三条</a>，返回<a href="../index.html">栏目首页</a>、'
        '<a href="/index.html">门户首页</a>。</p>')
