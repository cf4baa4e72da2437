"""Thirty-fifth hostile pass, angle 「site_61」: the 政府信息公开 column as the yearly inspector and an elderly citizen on a
phone see it (国办公开办函〔2019〕61号 structure; 国办秘函〔2019〕19号 indicators; DOMAIN.md §10–12).

The oracle: small real catalogs built in tmp dirs with the real CLI (`gongkai build-site`), one item whose records
are dated by hand (two a day, every third day from 2026-01-05), and the pages each list must show typed by hand.

Found by this pass:
1. No list of the column was ever split into pages: an item with 45 records (a 低保 item of 24 乡镇 publishing every
   month has 288 a year) listed all of them on one page, and so did a 乡镇 page, 其他公开信息, 政府信息公开制度 and
   政府信息公开年报 — after five years some 1,500 lines on an elderly reader's phone, where the county portal's own
   lists show 20 a page. Now every such list shows 20 a page, newest first (same date: the higher 编号 first, the
   same on every build); 第1页 keeps the list's address, 第n页 lies beside it (`zhidu/2.html`,
   `items/<编号>/2.html`: a folder no 编号 can name), each page says 「共45条，第2页，共3页」, links 上一页 / 下一页 and
   the page numbers (tap targets of 44 px; only the first, the last and two either side when there are many), its
   title names the page (「……（第2页）」), the sitemap lists every page; pages no longer needed are deleted and listed
   for the portal's copy like any other removed page. Printed, the page keeps 「共…条，第…页」 and drops the links.
2. A record page's breadcrumb skipped a level: 「首页 › 最低生活保障 / 政策法规文件」, where the item's own page reads
   「首页 › 社会救助 › 最低生活保障 / 政策法规文件」; and a 年度报告 or 制度 filed under an item (the bundled catalog's
   年报 is, under JGXX-005) led to that item of the 标准目录, not to 政府信息公开年报 / 政府信息公开制度 where the
   column lists it and where the reader came from. Now a record page's trail is its item page's trail (with the
   领域), and a 年报 or 制度 leads back to its 61号 part whether or not it names an item.
3. A 正文 linking another record of the column (「[办事指南](R2026-020.html)」, 「../records/…」, the portal's full
   address) linked it whatever that record's state: withdrawn, not yet published, never 主动公开 or no such 编号 — a
   404 inside the built tree, an inspector's 错链 — and a 废止 document's link said nothing of it. Now the page
   shows the words alone when the linked record is not on the web that day (no reason given: nothing tells whether a
   non-public record exists), marks a link to one no longer in force 【废止】/【失效】/【已修改】, and the linking
   page is rebuilt when the linked record comes or goes (its key reads the linked records' state; an incremental
   build gives what a whole one gives).

Seen and left alone:
- Titles with HTML or Markdown (`<b>粗体</b> **加粗** [链接](javascript:…)`) are shown as the text typed, escaped, in
  the heading, the <title> and every list; a body's `<img src=https://…>` is shown as text and a Markdown image as
  「［图片：说明］」 linking to it: nothing is loaded from another host.
- A record whose 公开日期 is after the build day, or whose 撤回 date has come, is on no page; a 废止 document is listed
  after those in force, marked 【废止】, and links its replacement.
- The same links in the 公众号 article (gongkai wechat), the printed 公示栏 sheet and the portal fragment (export portal)
  are written as typed: they read the record alone, not the day's site; left for a pass on those outputs.
- A 正文 link to another page of the tree that is not there (「../items/SHJZ-099.html」, a 领域 never configured)
  is still a 404 on the site; inspect --site counts it as 错链 (tests/test_inspect.py plants such links now). Only
  record pages come and go with the day; the other pages follow the catalog, which validate checks.
- The 指南 shows no 更新日期: what it describes (gongkai.yaml's 依申请公开 and contacts, the items' channels) has no
  date of its own outside git; adding one needs a decision on which changes count (left for the lead).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from conftest import AGENCY, ITEM, RECORD, CatalogDir, Run

TODAY = "2026-12-07"
POLICY_ITEM = ITEM.replace("审批信息", "政策法规文件").replace("低保对象名单及相关信息", "政策文件")


def _record(n: int, published: dt.date, kind: str = "通知", item: str | None = "SHJZ-001") -> str:
    text = (RECORD.replace("R2026-001", f"R2026-{n:03d}").replace("-2026-00001", f"-2026-{n:05d}")
            .replace("测民〔2026〕1号", f"测民〔2026〕{n}号").replace("文种: 公示", f"文种: {kind}")
            .replace("公示截止: 2026-12-31\n", "")
            .replace("2026年第三季度低保对象名单的公示", f"第{n}号文件")
            .replace("2026-09-01", published.isoformat()).replace("2026-09-03", published.isoformat()))
    return text if item else text.replace("事项: SHJZ-001\n", "")


def _catalog(tmp_path: Path, count: int, kind: str = "通知", item: str | None = "SHJZ-001") -> CatalogDir:
    """*count* records: R2026-001 and -002 on 2026-01-05, then two every third day (R2026-003, -004 on 01-08 …)."""
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(POLICY_ITEM)
    for n in range(1, count + 1):
        day = dt.date(2026, 1, 5) + dt.timedelta(days=3 * ((n - 1) // 2))
        cat.record(_record(n, day, kind, item), f"records/2026/R2026-{n:03d}.yaml")
    return cat


def _listed(page: Path) -> list[str]:
    """The record ids a list page shows, in order."""
    return re.findall(r'<li><a href="[./]*records/(R2026-\d+)\.html">', page.read_text(encoding="utf-8"))


def _ids(*numbers: int) -> list[str]:
    return [f"R2026-{n:03d}" for n in numbers]


def test_a_long_item_list_is_split_into_pages_of_20_newest_first(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, 45)
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site, "--today", TODAY)
    assert run.code == 0, run.out + run.err
    first, second, third = site / "items/SHJZ-001.html", site / "items/SHJZ-001/2.html", site / "items/SHJZ-001/3.html"
    # 45 was published on 03-12 alone; 44 and 43 on 03-09, … : newest first, the higher 编号 first on the same day
    assert _listed(first) == _ids(*range(45, 25, -1))
    assert _listed(second) == _ids(*range(25, 5, -1))
    assert _listed(third) == _ids(5, 4, 3, 2, 1)
    page2 = second.read_text(encoding="utf-8")
    assert "<title>最低生活保障 / 政策法规文件（第2页） - " in page2
    assert "共45条，第2页，共3页" in page2
    assert '<a href="../../items/SHJZ-001.html" rel="prev">上一页</a>' in page2
    assert '<a href="../../items/SHJZ-001/3.html" rel="next">下一页</a>' in page2
    assert '<span aria-current="page">2</span>' in page2
    assert '<a href="../../records/R2026-025.html">测试县民政局关于第25号文件</a>' in page2  # links from two folders down
    page1 = first.read_text(encoding="utf-8")
    assert "共45条，第1页，共3页" in page1 and "上一页" not in page1
    assert '<a href="../items/SHJZ-001/2.html" rel="next">下一页</a>' in page1
    assert "<title>最低生活保障 / 政策法规文件 - " in page1
    assert "下一页" not in third.read_text(encoding="utf-8")
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("items/SHJZ-001.html", "items/SHJZ-001/2.html", "items/SHJZ-001/3.html"):
        assert f"<loc>https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/{path}</loc>" in sitemap


def test_every_page_link_resolves_inside_the_built_tree(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, 45)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    for page in (site / "items/SHJZ-001.html", site / "items/SHJZ-001/2.html", site / "items/SHJZ-001/3.html"):
        for href in re.findall(r'href="([^"#:]+)"', page.read_text(encoding="utf-8")):
            assert (page.parent / href).resolve().is_file(), (page, href)


def test_twenty_records_are_one_page_without_a_pager(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, 20)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    page = (site / "items/SHJZ-001.html").read_text(encoding="utf-8")
    assert len(_listed(site / "items/SHJZ-001.html")) == 20
    assert "分页" not in page and not (site / "items/SHJZ-001").exists()


def test_pages_no_longer_needed_are_deleted_and_listed(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, 41)  # 3 pages: the 41st record alone on 第3页
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    assert _listed(site / "items/SHJZ-001/3.html") == _ids(1)
    for n in range(21, 42):
        (cat.root / f"records/2026/R2026-{n:03d}.yaml").unlink()
    run = gk("build-site", cat.root, "--out", site, "--today", TODAY)
    assert run.code == 0, run.out + run.err
    assert _listed(site / "items/SHJZ-001.html") == _ids(*range(20, 0, -1))
    assert not (site / "items/SHJZ-001").exists()
    assert "items/SHJZ-001/2.html" in run.out and "items/SHJZ-001/3.html" in run.out
    assert "分页" not in (site / "items/SHJZ-001.html").read_text(encoding="utf-8")


def test_the_rules_and_other_parts_of_the_column_are_paged_too(tmp_path: Path, gk: Callable[..., Run]) -> None:
    rules = _catalog(tmp_path / "a", 21, kind="制度", item=None)
    site = tmp_path / "a/site"
    assert gk("build-site", rules.root, "--out", site, "--today", TODAY).code == 0
    assert _listed(site / "zhidu/index.html") == _ids(*range(21, 1, -1))
    assert _listed(site / "zhidu/2.html") == _ids(1)
    page2 = (site / "zhidu/2.html").read_text(encoding="utf-8")
    assert "<title>政府信息公开制度（第2页） - " in page2 and "共21条，第2页，共2页" in page2
    assert '<a href="../zhidu/index.html" rel="prev">上一页</a>' in page2
    others = _catalog(tmp_path / "b", 22, item=None)
    site = tmp_path / "b/site"
    assert gk("build-site", others.root, "--out", site, "--today", TODAY).code == 0
    assert _listed(site / "qita/2.html") == _ids(2, 1)


def test_many_pages_link_the_first_the_last_and_two_either_side(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, 200)  # 10 pages
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    nav = (site / "items/SHJZ-001/6.html").read_text(encoding="utf-8").split('<nav class="pager"')[1]
    shown = re.findall(r'aria-label="第(\d+)页"|aria-current="page">(\d+)<|<span>(…)</span>', nav)
    assert ["".join(m) for m in shown] == ["1", "…", "4", "5", "6", "7", "8", "…", "10"]


def _crumbs(page: Path) -> str:
    found = re.search(r'<nav class="crumbs" aria-label="位置">(.*?)</nav>', page.read_text(encoding="utf-8"))
    assert found is not None
    return re.sub(r"<[^>]+>", "", found.group(1))


def test_a_record_page_leads_back_the_way_the_column_lists_it(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _catalog(tmp_path, 1)
    cat.record(_record(2, dt.date(2026, 1, 20), kind="年度报告"), "records/2026/R2026-002.yaml")
    cat.record(_record(3, dt.date(2026, 3, 4), kind="制度"), "records/2026/R2026-003.yaml")
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    # the same trail as the item's own page: 首页 › 领域 › 事项
    assert _crumbs(site / "items/SHJZ-001.html") == "首页 › 社会救助 › 最低生活保障 / 政策法规文件"
    assert _crumbs(site / "records/R2026-001.html") == "首页 › 社会救助 › 最低生活保障 / 政策法规文件"
    assert 'href="../directory/shjz/index.html">社会救助</a>' in (site / "records/R2026-001.html").read_text("utf-8")
    # a 年报 or 制度 filed under an item is listed in its 61号 part, and its page leads back there
    assert _listed(site / "nianbao/index.html") == _ids(2)
    assert _crumbs(site / "records/R2026-002.html") == "首页 › 政府信息公开年报"
    assert _listed(site / "zhidu/index.html") == _ids(3)
    assert _crumbs(site / "records/R2026-003.html") == "首页 › 政府信息公开制度"


LINKING_BODY = ("正文: |\n  详见[现行文件](R2026-002.html)、[将来的](../records/R2026-003.html)、[撤回的](R2026-004.html)、"
                "[废止的](R2026-005.html)、[没有的](R2026-099.html)、"
                "[全网址](https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/records/R2026-004.html)。\n")


def _body(page: Path) -> str:
    found = re.search(r'<div class="body">(.*?)</div>', page.read_text(encoding="utf-8"), re.DOTALL)
    assert found is not None
    return found.group(1).strip()


def _linking_catalog(tmp_path: Path) -> CatalogDir:
    cat = _catalog(tmp_path, 2)
    cat.record(_record(1, dt.date(2026, 1, 5)).split("正文: |")[0] + LINKING_BODY, "records/2026/R2026-001.yaml")
    cat.record(_record(3, dt.date(2026, 12, 21)), "records/2026/R2026-003.yaml")  # 公开日期 after the build day
    withdrawn = _record(4, dt.date(2026, 2, 2)).replace("正文:", "撤回:\n  日期: 2026-03-01\n  原因: 误发布\n正文:")
    cat.record(withdrawn, "records/2026/R2026-004.yaml")
    lapsed = _record(5, dt.date(2026, 2, 2)).replace("正文:", "有效性: 废止\n有效性日期: 2026-06-01\n正文:")
    cat.record(lapsed, "records/2026/R2026-005.yaml")
    return cat


def test_a_body_links_no_page_that_is_not_on_the_web(tmp_path: Path, gk: Callable[..., Run]) -> None:
    cat = _linking_catalog(tmp_path)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    assert not (site / "records/R2026-003.html").exists() and not (site / "records/R2026-004.html").exists()
    assert _body(site / "records/R2026-001.html") == (
        '<p>详见<a href="R2026-002.html">现行文件</a>、将来的、撤回的、'
        '<a href="R2026-005.html">废止的</a> <span class="invalid">【废止】</span>、没有的、全网址。</p>')
    # the day R2026-003 is published its link is there, on a build of the same folder and on a whole one
    assert gk("build-site", cat.root, "--out", site, "--today", "2026-12-21").code == 0
    expected = ('<p>详见<a href="R2026-002.html">现行文件</a>、<a href="../records/R2026-003.html">将来的</a>、撤回的、'
                '<a href="R2026-005.html">废止的</a> <span class="invalid">【废止】</span>、没有的、全网址。</p>')
    assert _body(site / "records/R2026-001.html") == expected
    fresh = tmp_path / "fresh"
    assert gk("build-site", cat.root, "--out", fresh, "--today", "2026-12-21").code == 0
    assert _body(fresh / "records/R2026-001.html") == expected


def test_a_body_link_leaves_with_the_record_it_links_on_an_incremental_build(tmp_path: Path,
                                                                             gk: Callable[..., Run]) -> None:
    cat = _linking_catalog(tmp_path)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    current = cat.root / "records/2026/R2026-002.yaml"
    current.write_text(current.read_text(encoding="utf-8").replace(
        "正文:", "撤回:\n  日期: 2026-12-01\n  原因: 误将过程性信息作为主动公开信息发布\n正文:"), encoding="utf-8")
    assert gk("build-site", cat.root, "--out", site, "--today", TODAY).code == 0
    assert not (site / "records/R2026-002.html").exists()
    assert _body(site / "records/R2026-001.html").startswith("<p>详见现行文件、将来的、撤回的、<a href=")
