"""Thirtieth hostile pass: bugs planted in the site's pages and in the inspector's checks must make a test fail.

No mutation group covered site/make.py, site/data.py, site/render.py, inspect/links.py, inspect/thresholds.py,
inspect/dates.py, inspect/guides.py or printing/sheets.py; tools/mutation.py now has the groups "site_pages" and
"inspect_checks" (docs/mutation.md, thirtieth pass). Every expected value below is typed by hand: which records a
column page lists and in which order (in force first, each group newest first), the 2026 calendar's working days
(2026-11-02 is a Monday; no holiday in November), inspect's findings and points from thresholds.yaml (错链 1 point
each, at most 10; 附件 1, at most 5; 办事指南 1, at most 5; 服务不实用: 4 kinds missing), the printed sheets.

Found by this pass:
1. The site listed a 领域's items by the text of their 编号: SHJZ-1000 came between SHJZ-100 and SHJZ-101 (and SHJZ-10
   before SHJZ-9) on the 领域 pages, the 五公开 and 乡镇 pages, the 法定主动公开内容 and the site's data/directory.csv
   and .json, while the official table gongkai export writes (and the county's review reads) has SHJZ-999 before
   SHJZ-1000; inspect's lists of blank columns and the scorecard's 定期事项漏报 followed the text too. Now every one
   of them lists items by the number of their 编号, as the export does (Item.order, one key for all of them).
2. inspect listed a link typed into a 正文 to a page elsewhere on the county portal (https://www.example.gov.cn/zwgk/…
   for a column at …/zwgk/bmzfxxgk/mzj/) twice among the links to review: once as 「正文链接到其他网站」 — it is the
   bureau's own portal, not another website — and once more as 「链接到门户网站本栏目以外」 from the crawl of the
   page that shows it. Now it is listed once, as 「正文链接到门户网站本栏目以外（离线无法核对）」, with the record that
   links it (and without --site as well).

The tests hold, at the CLI, each place a planted bug in these modules changes what a citizen or an inspector sees:
the records of an item page, a town's page, 其他公开信息, the 年报 column (newest year first) and the 制度 column (in
force first); the directory in gongkai.yaml's order of 领域 and the 五公开 pages; no page of, and no word on any page
from, an 依申请 or 不予公开 record; a 正文's raw HTML and script shown as text; inspect's broken links (a missing page
counted once for two pages linking it, a #fragment no page holds), an attachment that cannot be downloaded, a guide
missing elements (and the 否决 at four), a record back-dated against git by four working days (a commit made at noon
in -08:00 is the next day in China; a commit dated before the commit it was made on is dated by that one) and one
three days late passed; the thresholds overridden by inspect.yaml;
print's sheets of a 乡镇 in a date range, both ends included, in order of 公开日期, each list with its 公示期 and its
working days, and the 监督电话 of its town. Also: a record page's 解读, 替代 and 被替代 links (never to a record not on
the web), the 法定主动公开内容 of 主动 items only, a town's phone as a tel: link, a bidi override taken out of a page,
the 指南 and 领导信息 without what says nothing (「无」「待定」), every kind of link as the server reads it (classify),
a crawl's empty pages and downloads, missing folders and fragments, inspect without --site, an inspect.yaml whose
threshold is not a mapping refused at its line, and a record entered by a declared 启用日期 (committed that day) that is
no evidence of a back-dated 公开日期.

Planted by hand (each made a test below fail, then reverted): autoescape off; a body rendered with raw HTML let
through; an item's records in reverse order; the web pages made from every admitted record (a record on the board only,
a list whose 公示 ended); in_force_first not applied; the 年报 oldest first; the 五公开 pages by the wrong 五公开; an
empty page or download taken for a good one; a deduction not capped; 3 working days late flagged; a commit's parents
ignored; a commit's day taken in its own time zone; the 否决 at five kinds missing; print's range without its first or
last day; a 公示期 counted from its second day; every sheet without 公示期; the sheets by id, not 公开日期; the town's
phone replaced by the bureau's; and each fix of this pass reverted (the site's, inspect's
and the scorecard's sort by the text of the 编号; the portal link worded as another website and listed twice).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD
from gongkai.cli import main

TODAY = "2026-11-27"

AGENCY_HERE = AGENCY.replace("""  - 名称: 社会救助
    代码: SHJZ
""", """  - 名称: 社会救助
    代码: SHJZ
  - 名称: 养老服务
    代码: YLFW
""").replace("""  - 编号: shjzg
    名称: 社会救助股
    类型: 股室
""", """  - 编号: shjzg
    名称: 社会救助股
    类型: 股室
  - 编号: htz
    名称: 湖头镇民政办
    类型: 乡镇民政办
    联系电话: 0595-23111111
  - 编号: plz
    名称: 蓬莱镇民政办
    类型: 乡镇民政办
    联系电话: 0595-23222222
""").replace("  电子邮箱: gk@example.gov.cn\n", "  电子邮箱: 无\n").replace("""    职务: 局长
""", """    职务: 局长
  - 姓名: 待定
    职务: 副局长
""")

GUIDE_FULL_BUT_TWO = """\
一、办理流程为提出申请、入户调查、审核公示和审批

## 设定依据

《社会救助暂行办法》

## 申请条件

家庭人均收入低于当地低保标准。

## 办理材料

申请书、户口簿。

## 办理地点

县民政局一楼窗口。

## 联系电话

0595-23000000
"""
# a guide of a 办事指南 item whose title names no matter: each form of label, filled or not (inspect/guides.py)
GUIDE_FOUR_MISSING = """\
一、设定依据：《社会救助暂行办法》
二、申请条件：无
**办理材料**
申请书、户口簿。
（一）受理地点：县民政局一楼
1. 办理时间
2. 联系电话
0595-23000000

## 办理流程

## 备注

无
"""
GUIDE_FIVE_MISSING = """\
## 设定依据

《福建省高龄老年人津贴发放办法》

## 申请条件

年满80周岁的本县户籍老年人。

## 办理地点

（一）乡镇：
（二）县城：

## 备注

无。
"""


def _item(item_id: str, domain: str, level1: str, level2: str, content: str, five: str) -> str:
    return (ITEM.replace("SHJZ-001", item_id).replace("领域: 社会救助", f"领域: {domain}")
            .replace("最低生活保障", level1).replace("审批信息", level2).replace("低保对象名单及相关信息", content)
            .replace("结果公开", five))


def _record(rid: str, title: str, item: str | None, published: str, kind: str = "通知", unit: str = "shjzg",
            attribute: str = "主动公开", extra: str = "", body: str = "正文。\n") -> str:
    number = int(rid[-3:])
    text = (RECORD.replace("R2026-001", rid).replace("测试县民政局关于2026年第三季度低保对象名单的公示", title)
            .replace("事项: SHJZ-001\n", f"事项: {item}\n" if item else "").replace("文种: 公示", f"文种: {kind}")
            .replace("责任单位: shjzg", f"责任单位: {unit}").replace("公开属性: 主动公开", f"公开属性: {attribute}")
            .replace("测民〔2026〕1号", f"测民〔2026〕{number}号").replace("2026-00001", f"2026-{number:05d}")
            .replace("2026-09-01", published).replace("公开日期: 2026-09-03", f"公开日期: {published}")
            .replace("公示截止: 2026-12-31\n", ""))
    text = text.split("正文: |")[0] + extra
    if attribute == "主动公开":
        text += "正文: |\n" + "".join(f"  {line}\n" if line else "\n" for line in body.splitlines())
    return text


# links of every kind typed into a 正文 (the column is https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/, conftest.AGENCY)
LINKS_2024 = """\
上一年度报告见[本栏目](https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/records/R2026-018.html)，
[另一份](https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/records/R2026-098.html)，
[大写的](https://www.example.gov.cn/ZWGK/BMZFXXGK/MZJ/records/R2026-002.html)，
[制度](/zwgk/bmzfxxgk/mzj/zhidu/)，[门户首页](https://www.example.gov.cn/zwgk/index.html)，
[中国政府网](https://www.gov.cn/zhengce/)。
"""
RECORDS = {
    # SHJZ-003 政策文件 (执行公开): its page lists 010, 009, 013, 014, 002 in force, newest first, then 003 (失效)
    "R2026-002": ("关于调整低保标准的通知", "SHJZ-003", "2026-10-10",
                  {"body": "参见[旧文](R2026-099.html)。\n", "extra": "解读: [R2026-021, R2026-004]\n替代: [R2026-003]\n"}),
    "R2026-003": ("关于做好低保年审的通知", "SHJZ-003", "2026-09-21", {"extra": "有效性: 失效\n被替代: R2026-002\n"}),
    "R2026-004": ("关于低保资金使用情况的信息", "SHJZ-003", "2026-10-12", {"attribute": "依申请公开", "kind": "政策解读"}),
    "R2026-005": ("关于低保工作考核的内部通知", "SHJZ-003", "2026-10-13",
                  {"attribute": "不予公开", "extra": "不予公开理由: 内部事务信息\n"}),
    "R2026-006": ("关于高龄津贴发放的通知", "YLFW-001", "2026-09-07",
                  {"body": "详见[名单](R2026-099.html)、[附件](../files/none.pdf)和[说明](#nowhere)。\n"}),
    "R2026-007": ("关于冬季安全的通知<script>alert(3)</script>", None, "2026-09-08",
                  {"body": "<script>alert(1)</script>\n\n<b>加粗</b> 与 [点我](javascript:alert(2))\n\n附件：名单\u202efdp.exe\n"}),
    "R2026-008": ("低保办事指南", "SHJZ-002", "2026-09-09", {"kind": "办事指南", "body": GUIDE_FULL_BUT_TWO}),
    "R2026-009": ("关于低保资金发放的通知", "SHJZ-003", "2026-11-02", {}),
    "R2026-010": ("关于低保标准公示的通知", "SHJZ-003", "2026-11-03", {}),
    "R2026-011": ("湖头镇2026年11月低保对象名单公示", "SHJZ-001", "2026-11-20",
                  {"kind": "公示", "unit": "htz", "extra": "公示期: 7\n"}),
    "R2026-012": ("蓬莱镇2026年11月低保对象名单公示", "SHJZ-001", "2026-11-23",
                  {"kind": "公示", "unit": "plz", "extra": "公示期: 7\n"}),
    "R2026-013": ("湖头镇关于低保年审的通知", "SHJZ-003", "2026-11-01", {"unit": "htz"}),
    "R2026-014": ("湖头镇关于低保复核的通知", "SHJZ-003", "2026-10-30", {"unit": "htz"}),
    "R2026-015": ("高龄津贴办事指南", "YLFW-001", "2026-09-10", {"kind": "办事指南", "body": GUIDE_FIVE_MISSING}),
    "R2026-016": ("测试县民政局政府信息公开保密审查制度", None, "2026-03-04", {"kind": "制度", "extra": "有效性: 有效\n替代: [R2026-017]\n"}),
    "R2026-017": ("测试县民政局依申请公开工作制度（旧）", None, "2026-05-06", {"kind": "制度", "extra": "有效性: 废止\n"}),
    "R2026-018": ("测试县民政局2025年政府信息公开工作年度报告", None, "2026-01-20",
                  {"kind": "年度报告", "extra": "报告年度: 2025\n"}),
    "R2026-020": ("低保申请须知", "SHJZ-002", "2026-09-11", {"body": GUIDE_FOUR_MISSING}),
    "R2026-021": ("关于调整低保标准的解读", "SHJZ-003", "2026-10-12", {"kind": "政策解读"}),
    "R2026-022": ("关于高龄津贴标准的通知", "YLFW-001", "2026-10-30", {"extra": "公开渠道: [政府网站]\n"}),
    # on the board only, and a list whose 公示 ended on 2026-11-10: no page on the web
    "R2026-023": ("蓬莱镇关于冬季救助的通知", "SHJZ-003", "2026-11-25",
                  {"unit": "plz", "extra": "公开渠道: [社区/企事业单位/村公示栏（电子屏）]\n"}),
    "R2026-024": ("2026年11月临时救助对象名单公示", "SHJZ-001", "2026-11-02", {"kind": "公示", "extra": "公示期: 7\n"}),
    "R2026-019": ("测试县民政局2024年政府信息公开工作年度报告", None, "2026-01-21",
                  {"kind": "年度报告", "extra": "报告年度: 2024\n", "body": LINKS_2024}),
}
LATER = ("R2026-009", "R2026-010", "R2026-022")  # committed after the catalog's first commit (below)


def _git(top: Path, *args: str, when: str = "2026-08-03T10:00:00+08:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "测试",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *args], cwd=top, env=env, check=True, capture_output=True)


def _cli(*args: str | Path) -> tuple[int, str]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", TODAY)
        patch.setenv("COLUMNS", "200")
        import contextlib
        import io
        out = io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            code = main([str(a) for a in args])
    return code, out.getvalue()


def _write_catalog(root: Path) -> None:
    files = {"gongkai.yaml": AGENCY_HERE,
             "items/shjz/SHJZ-001.yaml": ITEM,
             "items/shjz/SHJZ-002.yaml": _item("SHJZ-002", "社会救助", "最低生活保障", "办事指南", "低保申请办事指南", "服务公开"),
             "items/shjz/SHJZ-003.yaml": _item("SHJZ-003", "社会救助", "最低生活保障", "政策文件", "低保标准及调整文件",
                                               "执行公开"),
             "items/ylfw/YLFW-001.yaml": _item("YLFW-001", "养老服务", "高龄津贴", "政策文件", "高龄津贴政策", "决策公开")
             + "法定类别: 规范性文件\n",
             "items/ylfw/YLFW-002.yaml": _item("YLFW-002", "养老服务", "高龄津贴", "资金使用", "高龄津贴资金", "管理公开")
             .replace("公开方式: 主动", "公开方式: 依申请").replace("[政府网站, 社区/企事业单位/村公示栏（电子屏）]", "[政府网站]")
             + "法定类别: 规范性文件\n"}
    for rid, (title, item, published, options) in RECORDS.items():
        files[f"records/2026/{rid}.yaml"] = _record(rid, title, item, published, **options)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """The catalog in git (first commit 2026-08-03; then R2026-009 at noon of 2026-11-05 in -08:00, which is 04:00 of
    2026-11-06 in China; R2026-010 on 2026-11-06; R2026-022 in a commit dated 2026-11-04, made on the one before), its
    site built on 2026-11-27."""
    top = tmp_path_factory.mktemp("h140")
    root = top / "catalog"
    _write_catalog(root)
    later = {rid: (root / f"records/2026/{rid}.yaml").read_text(encoding="utf-8") for rid in LATER}
    for rid in LATER:
        (root / f"records/2026/{rid}.yaml").unlink()
    _git(top, "init", "-q", "-b", "main")
    _git(top, "add", "-A")
    _git(top, "commit", "-q", "-m", "启用")
    # R2026-022's commit claims 2026-11-04, before the commit it was made on: it entered the history on 11-06
    for rid, when in (("R2026-009", "2026-11-05T12:00:00-08:00"), ("R2026-010", "2026-11-06T09:00:00+08:00"),
                      ("R2026-022", "2026-11-04T10:00:00+08:00")):
        (root / f"records/2026/{rid}.yaml").write_text(later[rid], encoding="utf-8")
        _git(top, "add", "-A", when=when)
        _git(top, "commit", "-q", "-m", rid, when=when)
    code, out = _cli("build-site", root, "--out", top / "site")
    assert code == 0, out
    yield {"root": root, "site": top / "site", "top": top}


def _listed(page: Path) -> list[str]:
    """The record ids a page links, in order, once each."""
    return list(dict.fromkeys(re.findall(r'href="[./]*records/(R\d{4}-\d{3})\.html"', page.read_text(encoding="utf-8"))))


# ---------------------------------------------------------------------------------------------------------------------
# build-site: which records on which page, in which order


def _item_page_lists_its_records_in_force_first_each_group_newest_first(world):
    assert _listed(world["site"] / "items/SHJZ-003.html") == [
        "R2026-010", "R2026-009", "R2026-013", "R2026-014", "R2026-021", "R2026-002", "R2026-003"]
    page = (world["site"] / "items/SHJZ-003.html").read_text(encoding="utf-8")
    assert "<dt>责任单位</dt><dd>社会救助股</dd>" in page
    assert _listed(world["site"] / "items/SHJZ-001.html") == ["R2026-012", "R2026-011", "R2026-024"]
    assert _listed(world["site"] / "items/YLFW-001.html") == ["R2026-022", "R2026-015", "R2026-006"]
    assert _listed(world["site"] / "items/SHJZ-002.html") == ["R2026-020", "R2026-008"]


def _a_town_page_lists_its_own_records_only(world):
    assert _listed(world["site"] / "towns/htz/index.html") == ["R2026-011", "R2026-013", "R2026-014"]
    assert _listed(world["site"] / "towns/plz/index.html") == ["R2026-012"]
    assert '<p>联系电话：<a href="tel:0595-23111111">0595-23111111</a></p>' in (
        world["site"] / "towns/htz/index.html").read_text(encoding="utf-8")


def _records_of_no_item_go_to_their_parts_of_the_column(world):
    site = world["site"]
    assert _listed(site / "qita/index.html") == ["R2026-007"]
    assert _listed(site / "nianbao/index.html") == ["R2026-018", "R2026-019"]  # 2025, then 2024
    assert _listed(site / "zhidu/index.html") == ["R2026-016", "R2026-017"]  # in force first, though older


def _the_directory_follows_gongkai_yaml_and_the_five_disclosures(world):
    site = world["site"]
    home = (site / "index.html").read_text(encoding="utf-8")
    # gongkai.yaml's order, not the names' (养 U+517B sorts before 社 U+793E)
    assert home.index("directory/shjz/index.html") < home.index("directory/ylfw/index.html")
    town = (site / "towns/htz/index.html").read_text(encoding="utf-8")
    assert re.findall(r"items/([A-Z]+-\d+)\.html", town.split("乡级公开事项")[1]) == [
        "SHJZ-001", "SHJZ-002", "SHJZ-003", "YLFW-001", "YLFW-002"]

    def items(page: str) -> list[str]:
        return list(dict.fromkeys(re.findall(r"items/([A-Z]+-\d+)\.html", (site / page).read_text(encoding="utf-8"))))

    assert items("directory/shjz/index.html") == ["SHJZ-001", "SHJZ-002", "SHJZ-003"]
    assert items("directory/ylfw/index.html") == ["YLFW-001", "YLFW-002"]
    assert items("five/juece/index.html") == ["YLFW-001"]
    assert items("five/zhixing/index.html") == ["SHJZ-003"]
    assert items("five/fuwu/index.html") == ["SHJZ-002"]
    assert items("five/jieguo/index.html") == ["SHJZ-001"]
    assert items("five/guanli/index.html") == ["YLFW-002"]


def _records_the_gate_refuses_leave_no_page_and_no_word(world):
    site = world["site"]
    assert sorted(p.stem for p in (site / "records").iterdir()) == [
        f"R2026-{n:03d}" for n in range(2, 25) if n not in (4, 5, 23)]  # R2026-023 is on the board only
    ended = (site / "records/R2026-024.html").read_text(encoding="utf-8")
    assert '<p class="note" role="note">公示已于2026年11月10日结束。按照规定，公示期满后名单不再在网站上公开。</p>' in ended
    assert "正文。" not in ended
    for page in site.rglob("*"):
        if page.is_file() and page.suffix in (".html", ".xml", ".json", ".csv"):
            text = page.read_text(encoding="utf-8")
            for refused in ("R2026-004", "R2026-005", "关于低保资金使用情况的信息", "关于低保工作考核的内部通知",
                            "待定", "电子邮箱"):  # (the 副局长 「待定」 and the 电子邮箱 「无」 of gongkai.yaml: GK905, GK901)
                assert refused not in text, (page, refused)


def _records_link_their_interpretations_and_replacements_on_the_web(world):
    site = world["site"]

    def sections(rid: str) -> list[tuple[str, list[str]]]:
        page = (site / f"records/{rid}.html").read_text(encoding="utf-8")
        return [(title, re.findall(r"records/(R\d{4}-\d{3})\.html", rest.split("</section>")[0]))
                for title, rest in re.findall(r'<h2 id="[^"]*">([^<]*)</h2>(.*?)(?=<h2|</main>)', page, re.S)]

    assert sections("R2026-002") == [("本文件替代的文件", ["R2026-003"]), ("政策解读", ["R2026-021"])]  # not R2026-004
    assert sections("R2026-021") == [("解读的文件", ["R2026-002"])]
    assert sections("R2026-016") == [("本文件替代的文件", ["R2026-017"])]  # named on its side only
    ended = (site / "records/R2026-003.html").read_text(encoding="utf-8")
    assert ('<p class="invalid-note" role="note"><strong>本文件已失效</strong>，现行文件为'
            '<a href="../records/R2026-002.html">《关于调整低保标准的通知》</a>。</p>') in ended
    # 法定主动公开内容 → 规范性文件: the 主动 item only (YLFW-002, 依申请, is GK907's)
    law = (site / "fdzdgknr/index.html").read_text(encoding="utf-8").split('<h2 id="c3">规范性文件</h2>')[1]
    assert re.findall(r"items/([A-Z]+-\d+)\.html", law.split("</section>")[0]) == ["YLFW-001"]


def _a_body_shows_raw_html_and_scripts_as_text(world):
    page = (world["site"] / "records/R2026-007.html").read_text(encoding="utf-8")
    body = page.split('<div class="body">')[1].split("</div>")[0]
    assert body == ("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"
                    "<p>&lt;b&gt;加粗&lt;/b&gt; 与 [点我](javascript:alert(2))</p>\n"
                    "<p>附件：名单fdp.exe</p>\n")  # the bidi override that showed it as 名单exe.pdf is gone
    assert "<h1>关于冬季安全的通知&lt;script&gt;alert(3)&lt;/script&gt;</h1>" in page  # a title is text too
    assert "<script" not in page.replace('<script src="', "")
    assert "javascript:" not in page.replace("[点我](javascript:alert(2))", "")


# mutmut runs, for each mutant, only the tests that called the mutated function, and a module fixture's work (the
# build, the inspection) is counted for the first test that uses it: the checks of one build run in one test.
def test_the_column_pages_of_one_build(world):
    _item_page_lists_its_records_in_force_first_each_group_newest_first(world)
    _a_town_page_lists_its_own_records_only(world)
    _records_of_no_item_go_to_their_parts_of_the_column(world)
    _the_directory_follows_gongkai_yaml_and_the_five_disclosures(world)
    _records_the_gate_refuses_leave_no_page_and_no_word(world)
    _records_link_their_interpretations_and_replacements_on_the_web(world)
    _a_body_shows_raw_html_and_scripts_as_text(world)


# ---------------------------------------------------------------------------------------------------------------------
# inspect: links, attachments, guides, dates, scores


@pytest.fixture(scope="module")
def inspected(world) -> dict:
    code, out = _cli("inspect", world["root"], "--site", world["site"], "-f", "json")
    assert code == 1, out  # 服务不实用 fails (R2026-015)
    found: dict = json.loads(out)
    return found


def _part(report: dict, key: str) -> dict:
    for part in report["vetoes"] + report["deductions"]:
        if part["key"] == key:
            return part
    raise AssertionError([p["key"] for p in report["vetoes"] + report["deductions"]])


def _inspect_counts_each_broken_link_once_and_names_its_pages(inspected):
    links = _part(inspected, "links")
    assert [e["text"] for e in links["evidence"]] == [
        "链接「https://www.example.gov.cn/ZWGK/BMZFXXGK/MZJ/records/R2026-002.html」路径的大小写与网站地址「/zwgk/bmzfxxgk/mzj/」"
        "不同：网址的路径区分大小写，多数服务器上打不开（records/R2026-019.html）",
        "链接「#nowhere」页面中没有「nowhere」这个位置（records/R2026-006.html）",
    ]  # the 正文's links to R2026-098 and R2026-099 (no such records) are words since the thirty-fifth pass: no 404
    assert (links["status"], links["count"], links["points"]) == ("fail", 2, 2.0)
    files = _part(inspected, "attachments")
    # the 正文's link to ../files/none.pdf (a file on no record) is words since the thirty-eighth session: no 404
    assert files["evidence"] == []
    assert (files["status"], files["count"], files["points"]) == ("pass", 0, 0.0)
    # defect 2: a page elsewhere on the county portal is listed once, as such, with the record that links it
    review = next(r for r in inspected["warnings"] if r["key"] == "review-links")
    assert [(e["id"], e["text"]) for e in review["evidence"]] == [
        ("R2026-019", "正文链接到门户网站本栏目以外（离线无法核对）：https://www.example.gov.cn/zwgk/index.html"),
        ("R2026-019", "正文链接到其他网站：https://www.gov.cn/zhengce/"),
    ]


def _inspect_finds_guides_missing_elements_and_vetoes_at_four(inspected):
    guides = _part(inspected, "guides")
    assert [e["text"] for e in guides["evidence"]] == [
        "「低保申请须知」缺少4类要素：事项名称、申请条件、办理时间、办理流程",
        "「高龄津贴办事指南」缺少5类要素：办理材料、办理地点、办理时间、联系电话、办理流程",
        "「低保办事指南」缺少1类要素：办理时间",  # (a numbered line long enough is its own content)
    ]
    assert (guides["count"], guides["points"]) == (3, 3.0)
    service = _part(inspected, "service")
    assert (service["status"], service["count"]) == ("fail", 2)
    assert [e["id"] for e in service["evidence"]] == ["R2026-020", "R2026-015"]  # four kinds missing is a 否决


def _inspect_flags_a_record_four_working_days_older_than_its_commit(inspected):
    dates = _part(inspected, "dates")
    assert dates["status"] == "fail"
    assert [(e["id"], re.sub(r"（[0-9a-f]{7}）", "（…）", e["text"])) for e in dates["evidence"]] == [
        ("R2026-009", "「关于低保资金发放的通知」公开日期 2026-11-02，2026-11-06 才首次提交（…），晚4个工作日"),
        ("R2026-022", "「关于高龄津贴标准的通知」公开日期 2026-10-30，2026-11-06 才首次提交（…），晚5个工作日")]
    # (R2026-010, three working days late, passes; R2026-016 to 019, published long before, entered with the adoption)


def _inspect_scores_the_deductions_from_thresholds_yaml(inspected):
    # 错链 2 (4 before the thirty-fifth pass) + 办事指南 3 (附件 1 before the thirty-eighth); the 2025 年报 is on the web
    assert inspected["verdict"]["score"] == 95.0
    assert inspected["verdict"]["passed"] is False
    assert _part(inspected, "annual-report")["points"] == 0.0


def test_the_inspection_of_one_build(inspected):
    _inspect_counts_each_broken_link_once_and_names_its_pages(inspected)
    _inspect_finds_guides_missing_elements_and_vetoes_at_four(inspected)
    _inspect_flags_a_record_four_working_days_older_than_its_commit(inspected)
    _inspect_scores_the_deductions_from_thresholds_yaml(inspected)


def test_inspect_yaml_overrides_a_threshold_key_by_key(world, tmp_path):
    top = tmp_path / "copy"
    shutil.copytree(world["top"], top)
    (top / "catalog/inspect.yaml").write_text("服务实用:\n  缺失类别否决: 6\n扣分:\n  错链:\n    每个: 3\n    最多: 5\n",
                                              encoding="utf-8")
    code, out = _cli("inspect", top / "catalog", "--site", top / "site", "-f", "json")
    assert code == 1, out  # the back-dated R2026-009 still fails 严重错误
    report = json.loads(out)
    assert (_part(report, "links")["points"], _part(report, "links")["full"]) == (5.0, 5.0)  # 3 × 4, at most 5
    assert _part(report, "service")["status"] == "pass"  # 4 and 5 kinds missing, the veto now at 6
    assert _part(report, "guides")["points"] == 3.0  # the rest of 扣分 as shipped
    assert report["verdict"]["score"] == 92.0  # 错链 5 + 办事指南 3 (附件 1 before the thirty-eighth session)


def test_inspect_without_the_site_leaves_the_links_unchecked_and_says_so(world):
    code, out = _cli("inspect", world["root"], "-f", "json")
    assert code == 1, out
    report = json.loads(out)
    assert {key: (p["indicator"], p["rule"], p["status"], p["note"], p["points"]) for key in
            ("links", "attachments", "interpretation") for p in [_part(report, key)]} == {
        "links": ("网站可用性", "每个扣1分，最多扣10分", "unchecked",  # (and what, under which rule: below)
                  "没有给出 --site：网站的链接未检查。先运行 gongkai build-site，再用 gongkai inspect --site site 检查", 0.0),
        "attachments": ("服务实用情况", "每个扣1分，最多扣5分", "pass", "没有给出 --site：只核对了目录 files/ 中的附件不是空文件",
                        0.0),
        "interpretation": ("解读回应", "每个扣1分，最多扣5分", "pass", None, 0.0),  # R2026-002 and its 解读 link each other
    }
    links = _part(report, "links")
    assert (links["point"], links["source"]) == ("链接不可用（错链、断链）", "国办秘函〔2019〕19号 扣分指标「网站可用性 — 链接可用性」")
    assert report["verdict"]["score"] == 97.0  # 办事指南 3
    review = next(r for r in report["warnings"] if r["key"] == "review-links")
    assert [(e["id"], e["text"]) for e in review["evidence"]] == [  # no site: the case of a path is said here
        ("R2026-019", "正文链接「https://www.example.gov.cn/ZWGK/BMZFXXGK/MZJ/records/R2026-002.html」路径的大小写与网站地址"
                      "「/zwgk/bmzfxxgk/mzj/」不同：网址的路径区分大小写，多数服务器上打不开"),
        ("R2026-019", "正文链接到门户网站本栏目以外（离线无法核对）：https://www.example.gov.cn/zwgk/index.html"),
        ("R2026-019", "正文链接到其他网站：https://www.gov.cn/zhengce/"),
    ]


def test_inspect_yaml_whose_threshold_is_not_a_mapping_is_refused_at_its_line(world, tmp_path):
    top = tmp_path / "copy"
    shutil.copytree(world["root"], top)
    (top / "inspect.yaml").write_text("扣分:\n  错链: 5\n", encoding="utf-8")
    code, out = _cli("inspect", top)
    assert (code, out) == (2, "错误：inspect.yaml:2:7：「错链」的类型不对：应为若干「键: 值」，而这里是「5」。"
                               "「错链」下面换行，缩进两个空格各写一行：「名称: ……」「依据: ……」「每个: ……」「最多: ……」。\n")


# ---------------------------------------------------------------------------------------------------------------------
# print: the sheets of a 乡镇 in a date range


def test_print_a_town_s_sheets_in_the_range_both_ends_included(world, tmp_path):
    code, out = _cli("print", world["root"], "--town", "htz", "--from", "2026-11-01", "--to", "2026-11-20",
                     "-o", tmp_path / "out")
    assert code == 0, out
    assert out.splitlines()[:4] == [
        "已生成 2 张（A4 纵向，公开日期 2026-11-01 至 2026-11-20）：" + str(tmp_path / "out" / "index.html"),
        "  湖头镇民政办：2 张",
        "    htz/R2026-013.html  湖头镇关于低保年审的通知",
        "    htz/R2026-011.html  湖头镇2026年11月低保对象名单公示",
    ]
    sheet = (tmp_path / "out/htz/R2026-011.html").read_text(encoding="utf-8")
    assert '<p class="period">公示期：2026年11月20日至2026年11月30日（7个工作日）</p>' in sheet
    assert '<p class="phone">监督电话：0595-23111111</p>' in sheet
    notice = (tmp_path / "out/htz/R2026-013.html").read_text(encoding="utf-8")
    assert 'class="period"' not in notice  # a 通知 lists nobody: no 公示期
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["htz", "index.html"]


def test_print_every_unit_in_gongkai_yaml_order(world, tmp_path):
    code, out = _cli("print", world["root"], "--from", "2026-10-30", "--to", "2026-11-27", "-o", tmp_path / "out")
    assert code == 0, out
    assert [line.strip() for line in out.splitlines()[1:]] == [
        "社会救助股：2 张",
        "shjzg/R2026-009.html  关于低保资金发放的通知",
        "shjzg/R2026-010.html  关于低保标准公示的通知",
        "湖头镇民政办：3 张",
        "htz/R2026-014.html  湖头镇关于低保复核的通知",
        "htz/R2026-013.html  湖头镇关于低保年审的通知",
        "htz/R2026-011.html  湖头镇2026年11月低保对象名单公示",
        "蓬莱镇民政办：2 张",
        "plz/R2026-012.html  蓬莱镇2026年11月低保对象名单公示",
        "plz/R2026-023.html  蓬莱镇关于冬季救助的通知",
        "请从社会救助股的公示栏、查阅点和电子屏撤下：2026年11月临时救助对象名单公示（2026-11-11 起，公示已于2026年11月10日结束）",
    ]
    sheet = (tmp_path / "out/plz/R2026-012.html").read_text(encoding="utf-8")
    assert '<p class="period">公示期：2026年11月23日至2026年12月1日（7个工作日）</p>' in sheet
    assert '<p class="phone">监督电话：0595-23222222</p>' in sheet


# ---------------------------------------------------------------------------------------------------------------------
# defect 1: items in the order of their 编号's number, as the official table lists them


def test_items_are_listed_by_the_number_of_their_id_as_the_official_table_has_them(gk, cat, tmp_path):
    for item_id in ("SHJZ-1000", "SHJZ-999"):
        cat.item(ITEM.replace("SHJZ-001", item_id).replace("审批信息", f"审批信息{item_id[5:]}")
                 .replace("制定或获取信息之日起10个工作日内", "每年1月底前"), rel=f"items/shjz/{item_id}.yaml")
    run = gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search")
    assert run.code == 0, run.out + run.err
    site = tmp_path / "site"
    directory = (site / "directory/shjz/index.html").read_text(encoding="utf-8")
    assert list(dict.fromkeys(re.findall(r"items/(SHJZ-\d+)\.html", directory))) == ["SHJZ-001", "SHJZ-999", "SHJZ-1000"]
    rows = (site / "data/directory.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert [re.findall(r"SHJZ-\d+", row)[0] for row in rows] == ["SHJZ-001", "SHJZ-999", "SHJZ-1000"]
    assert gk("export", "csv", "-C", cat.root, "-o", tmp_path / "table.csv").code == 0
    table = (tmp_path / "table.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    assert [re.findall(r"审批信息(\d+)", row) for row in table] == [[], ["999"], ["1000"]]  # the same order
    report = gk("inspect", cat.root, "-f", "json").json()
    blank = next(p for p in report["vetoes"] if p["key"] == "blank-columns")
    assert [e["id"] for e in blank["evidence"] if e["id"]] == ["SHJZ-999", "SHJZ-1000"]
    card = gk("report", "scorecard", cat.root)
    assert [line for line in card.out.splitlines() if line.startswith("定期事项漏报")] == [
        "定期事项漏报：社会救助股 SHJZ-999 2026年（1月底前）", "定期事项漏报：社会救助股 SHJZ-1000 2026年（1月底前）"]


# ---------------------------------------------------------------------------------------------------------------------
# inspect/links.py: how each link is read, and what a crawl of a small folder finds (the functions `inspect --site` runs)

COLUMN = "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/"


@pytest.mark.parametrize(("base", "page", "url", "expected"), [
    (COLUMN, "records/a.html", "#main", ("skip", "#main")),
    (COLUMN, "index.html", "mailto:gk@example.gov.cn", ("skip", "mailto:gk@example.gov.cn")),
    (COLUMN, "index.html", "TEL:0595-23000000", ("skip", "TEL:0595-23000000")),
    (COLUMN, "index.html", "", ("skip", "")),
    (COLUMN, "records/a.html", "?page=2", ("skip", "?page=2")),
    (COLUMN, "records/a.html", "../zhidu/", ("internal", "zhidu/index.html")),
    (COLUMN, "records/a.html", "b.html", ("internal", "records/b.html")),
    (COLUMN, "records/a.html", "../../x.html", ("portal", "../../x.html")),
    (COLUMN, "index.html", "//www.example.gov.cn/zwgk/bmzfxxgk/mzj/data/", ("internal", "data/index.html")),
    (COLUMN, "index.html", "https://WWW.EXAMPLE.GOV.CN/zwgk/bmzfxxgk/mzj", ("internal", "index.html")),
    (COLUMN, "index.html", "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/%E5%90%8D%E5%8D%95.pdf",
     ("internal", "名单.pdf")),
    (COLUMN, "index.html", "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/%2E%2E/x.html",
     ("portal", "https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/%2E%2E/x.html")),
    (COLUMN, "index.html", "https://other.gov.cn/zwgk/bmzfxxgk/mzj/", ("external", "https://other.gov.cn/zwgk/bmzfxxgk/mzj/")),
    (COLUMN, "index.html", "/zwgk/bmzfxxgk/mzj/records/R2026-002.html", ("internal", "records/R2026-002.html")),
    (COLUMN, "index.html", "/ZWGK/bmzfxxgk/mzj/", ("case", "index.html")),
    (COLUMN, "index.html", "/zwgk/", ("portal", "/zwgk/")),
    (COLUMN, "index.html", "/ZWGK/BMZFXXGK/MZJ", ("case", "index.html")),
    (COLUMN, "index.html", "//other.gov.cn/zwgk/bmzfxxgk/mzj/a.html", ("external", "//other.gov.cn/zwgk/bmzfxxgk/mzj/a.html")),
    (COLUMN, "index.html", "..", ("portal", "..")),
    (None, "index.html", "/Xa.html", ("internal", "Xa.html")),
    (None, "records/a.html", "/records/b.html", ("internal", "records/b.html")),
    (None, "records/a.html", "../../x.html", ("internal", "../x.html")),
    (None, "index.html", "https://www.example.gov.cn/", ("external", "https://www.example.gov.cn/")),
])
def test_a_link_is_read_as_the_server_reads_it(base, page, url, expected):
    from gongkai.inspect.links import Base, classify

    assert classify(page, url, Base.of(base)) == expected


def test_a_crawl_finds_empty_files_missing_folders_and_fragments(tmp_path):
    from gongkai.inspect.links import Base, crawl

    site = tmp_path / "site"
    (site / "b").mkdir(parents=True)
    (site / "c").mkdir()
    (site / "files").mkdir()
    (site / "b/index.html").write_text('<p id="x">b</p>', encoding="utf-8")
    (site / "a.html").write_text("", encoding="utf-8")
    (site / "files/x.pdf").write_bytes(b"")
    (site / "d.html").write_text('<h2 id="x">d</h2><a name="n"></a>', encoding="utf-8")
    (site / "index.html").write_text(
        '<a href="a.html">a</a> <a href="files/x.pdf">x</a> <a href="b/">b</a> <a href="c/">c</a> '
        "<a href='d.html#x'>d</a> <a href=\"d.html#y\">d</a> <a href=\"d.html#n\">d</a> <a href=\"#top\">top</a> "
        '<a href="#gone">?</a> <a href="../up.html">up</a> <a href="b/#x">b</a> <a href="b">b</a>', encoding="utf-8")
    (site / "feed.xml").write_text('<link href="https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/e.html"/>'
                                   "<loc>https://www.example.gov.cn/zwgk/bmzfxxgk/mzj/d.html</loc>", encoding="utf-8")
    broken, portal = crawl(site, Base.of(COLUMN))
    assert [(b.target, b.why, b.page, b.pages) for b in broken] == [
        ("a.html", "页面是空的（0字节），打开是一片空白", "index.html", 1),
        ("c/index.html", "文件不存在", "index.html", 1),
        ("d.html#y", "页面中没有「y」这个位置", "index.html", 1),
        ("e.html", "文件不存在", "feed.xml", 1),
        ("files/x.pdf", "文件为空，无法下载", "index.html", 1),
        ("index.html#gone", "页面中没有「gone」这个位置", "index.html", 1),
    ]
    assert portal == [("index.html", "../up.html")]
    broken, portal = crawl(site, Base.of(None))  # no 基础地址: the folder is all there is
    assert [(b.target, b.why) for b in broken if b.target.startswith("..")] == [("../up.html", "指向网站文件夹以外")]
    assert portal == []


def test_a_record_entered_by_the_declared_adoption_day_is_not_evidence(gk, cat):
    """启用日期 2026-11-16, committed that day with R2026-002 (published 2026-11-02): 存量; R2026-003, the same 公开日期,
    committed 2026-11-17: 11 working days late (11-03 to 11-17, no holiday)."""
    repo = cat.root.parent
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "初始目录")  # 2026-08-03
    late = RECORD.replace("公开日期: 2026-09-03", "公开日期: 2026-11-02").replace("公示截止: 2026-12-31", "公示截止: 2027-01-29")
    cat.write("gongkai.yaml", AGENCY + "启用日期: 2026-11-16\n")
    cat.record(late.replace("R2026-001", "R2026-002").replace("00001", "00002").replace("〕1号", "〕2号"),
               rel="records/2026/R2026-002.yaml")
    _git(repo, "add", "-A", when="2026-11-16T10:00:00+08:00")
    _git(repo, "commit", "-q", "-m", "启用日期", when="2026-11-16T10:00:00+08:00")
    cat.record(late.replace("R2026-001", "R2026-003").replace("00001", "00003").replace("〕1号", "〕3号"),
               rel="records/2026/R2026-003.yaml")
    _git(repo, "add", "-A", when="2026-11-17T10:00:00+08:00")
    _git(repo, "commit", "-q", "-m", "R2026-003", when="2026-11-17T10:00:00+08:00")
    cat.record(late.replace("R2026-001", "R2026-004").replace("00001", "00004").replace("〕1号", "〕4号"),
               rel="records/2026/R2026-004.yaml")  # not committed: dated today
    report = gk("inspect", cat.root, "-f", "json").json()
    dates = _part(report, "dates")
    assert [(e["id"], re.sub(r"（[0-9a-f]{7}）", "（…）", e["text"])) for e in dates["evidence"]] == [
        ("R2026-004", "「测试县民政局关于2026年第三季度低保对象名单的公示」公开日期 2026-11-02，至今（2026-11-27）尚未提交，"
                      "晚19个工作日"),
        ("R2026-003", "「测试县民政局关于2026年第三季度低保对象名单的公示」公开日期 2026-11-02，2026-11-17 才首次提交（…），"
                      "晚11个工作日")]
