"""Twenty-fifth hostile pass: the column read by an older citizen — on a cheap phone with the system's largest text,
with a screen reader (TalkBack/VoiceOver), by keyboard alone, with JavaScript off (GB/T 37668-2019; 工信部 互联网应用
适老化及无障碍改造). The browser half is tests/browser/test_hostile25_accessibility.py.

What was already right and stays checked elsewhere: lang="zh-CN", one <h1>, a <title> per page, the landmarks, the skip
link, headings in order, the directory's <th scope> and caption, focus visible in tab order, the search's label and
its count announced (aria-live), 320 px wide in 大字版, axe clean (tests/browser/test_site_browser.py and the hostile
passes 18–24).

Found by this pass:
1. Every list of records — 首页「最新公开信息」, each 事项's page, 政府信息公开制度, 年报, 其他公开信息, each 乡镇's page —
   and the 目录调整记录 page gave dates as 2026-09-03 only, which a screen reader reads out as a subtraction
   (「2026减09减03」) and an older reader takes for a number; every record page and the search results already wrote
   2026年9月3日. Now every date a page shows reads 2026年9月3日 (the <time datetime> keeps 2026-09-03 for machines).
2. A table typed in a record's body (a 标准表, a 资金表, a 检查结果表) had column headings without scope: a screen reader
   reading a row said 「920」 and not 「调整后：920」. Every heading cell of a body table now says it heads its column
   (scope="col"): on the site's page, in the portal's fragment (its allow-list kept scope) and on the printed
   sheets and screens.
3. A record page with no 公示截止 (every 通知, 指南, 年报) had an empty row heading in its 文件信息 table (&nbsp;): a
   screen reader announced a blank heading and then an empty cell. The empty pair is now one empty data cell; a 公示's
   page still says 公示截止 and its date.
4. (browser) The home page's four column tiles (指南, 制度, 法定主动公开内容, 年报) were at least 12 rem wide: on a 320 px
   phone with the system's text at 200 % (Android 超大字体, WeChat's 大字体) they were 384 px, so the home page scrolled
   sideways and cut off 「政府信息公开指南」; the 乡镇 tiles did the same at 250 %. A tile is now never wider than the
   screen.
5. (browser) With JavaScript off (or site.js not loaded, a base path wrong) the 大字版 button was shown and did nothing
   when pressed. It is now shown only where it works; the browser's own zoom still enlarges the page.

The colours of the stylesheet are checked here too (pure Python, WCAG 2 relative luminance): body text, muted text,
links and visited links on the page and on the tiles' background, the header's white on red — all ≥ 4.5:1 (they were;
this keeps them so).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from importlib import resources
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, CatalogDir
from gongkai.portal.fragment import body_fragment
from gongkai.site import build_site

TODAY = dt.date(2026, 10, 9)
TABLE = "\n  | 项目 | 调整前（元/月） | 调整后（元/月） |\n  |---|---:|---:|\n  | 城乡低保标准 | 880 | 920 |\n"
NOTICE = RECORD.replace("  经审核，现将名单予以公示。\n", "  经审核，现将名单予以公示。\n" + TABLE)
POLICY = (RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002").replace("测民〔2026〕1号", "测民〔2026〕2号")
          .replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 测试县民政局关于调整低保标准的通知")
          .replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
          .replace("公开日期: 2026-09-03", "公开日期: 2026-09-17").replace("事项: SHJZ-001\n", ""))


def _git(top: Path, *args: str) -> None:
    when = "2026-05-26T10:00:00+08:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "测试",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=top, env=env, check=True, capture_output=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small catalog in git (the item entered on 2026-05-26), a 公示 with a table in its body and a 通知 without
    公示截止, built once for 2026-10-09."""
    top = tmp_path_factory.mktemp("h25")
    cat = CatalogDir(top / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item()
    cat.record(NOTICE)
    cat.record(POLICY, "records/2026/R2026-002.yaml")
    _git(top, "init", "-q", "-b", "main")
    _git(top, "add", "-A")
    _git(top, "commit", "-q", "-m", "初始目录")
    out = top / "site"
    build_site(cat.root, out, TODAY, search=False, use_cache=False)
    return out


def _page(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


@pytest.mark.parametrize("rel", ["index.html", "items/SHJZ-001.html", "qita/index.html"])
def test_a_list_of_records_writes_its_dates_as_people_read_them(site: Path, rel: str) -> None:
    page = _page(site, rel)
    # the home page: its 最新公开信息, then 「信息更新至」 (the newest 公开日期)
    shown = {"index.html": ["2026-09-17", "2026-09-03", "2026-09-17"], "items/SHJZ-001.html": ["2026-09-03"],
             "qita/index.html": ["2026-09-17"]}[rel]
    written = {"2026-09-03": "2026年9月3日", "2026-09-17": "2026年9月17日"}
    assert re.findall(r'<time datetime="([0-9-]+)">([^<]*)</time>', page) == [(d, written[d]) for d in shown]


def test_the_directory_changes_page_writes_its_dates_as_people_read_them(site: Path) -> None:
    page = _page(site, "changes/index.html")
    assert '<time datetime="2026-05-26">2026年5月26日</time>' in page
    assert ">2026-05-26<" not in page


def test_a_table_in_a_body_says_which_column_each_heading_heads(site: Path) -> None:
    page = _page(site, "records/R2026-001.html")
    body = page.split('<div class="body">', 1)[1]
    assert re.findall(r"<th[^>]*>([^<]*)</th>", body) == ["项目", "调整前（元/月）", "调整后（元/月）"]
    assert re.findall(r"<th( [^>]*)?>", body) == [' scope="col"', ' scope="col" style="text-align:right"',
                                                   ' scope="col" style="text-align:right"']
    fragment = body_fragment("| 项目 | 标准 |\n|---|---|\n| 低保 | 920 |\n", None).html
    assert '<th scope="col">项目</th>' in fragment and '<th scope="col">标准</th>' in fragment


def test_a_body_that_writes_th_as_text_keeps_it_text(site: Path) -> None:
    """Raw HTML in a body is escaped: the words 「<th>」 typed by a clerk stay words, not a heading cell."""
    fragment = body_fragment("表头写作 <th> 标签。\n", None).html
    assert "scope" not in fragment and "&lt;th&gt;" in fragment


def test_a_record_page_has_no_blank_row_heading(site: Path) -> None:
    for rel in ("records/R2026-001.html", "records/R2026-002.html"):
        table = _page(site, rel).split('<table class="meta-table">', 1)[1].split("</table>", 1)[0]
        headings = re.findall(r'<th scope="row">([^<]*)</th>', table)
        assert all(h.strip() and h != "&nbsp;" for h in headings), (rel, headings)
        assert table.count("<th") == len(headings)
    notice = _page(site, "records/R2026-001.html")
    assert '<th scope="row">公示截止</th><td>2026年12月31日</td>' in notice
    policy = _page(site, "records/R2026-002.html")
    assert "公示截止" not in policy
    assert '<tr><th scope="row">有效性</th><td>有效</td><th scope="row">责任单位</th><td>' in policy


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(one: str, two: str) -> float:
    high, low = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_stylesheet_colours_of_text_reach_four_and_a_half_to_one() -> None:
    css = (resources.files("gongkai") / "templates/site/assets/site.css").read_text(encoding="utf-8")
    var = dict(re.findall(r"--([a-z]+): (#[0-9a-f]{6});", css))
    visited = re.search(r"a:visited \{ color: (#[0-9a-f]{6}); \}", css)
    assert visited is not None
    pairs = {"正文": (var["ink"], var["bg"]), "次要文字": (var["muted"], var["bg"]),
             "磁贴上的次要文字": (var["muted"], var["soft"]), "链接": (var["link"], var["bg"]),
             "磁贴链接": (var["link"], var["soft"]), "访问过的链接": (visited.group(1), var["bg"]),
             "访问过的磁贴链接": (visited.group(1), var["soft"]), "红色提示": (var["accent"], var["bg"]),
             "页头白字": ("#ffffff", var["accent"])}
    low = {name: round(_contrast(*pair), 2) for name, pair in pairs.items() if _contrast(*pair) < 4.5}
    assert low == {}
    assert round(_contrast("#4d4d4d", "#ffffff"), 2) == 8.45  # the formula itself, against the ratio a contrast checker gives
