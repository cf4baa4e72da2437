"""Twenty-seventh hostile pass: planted bugs in the 政府信息公开 column (国办公开办函〔2019〕61号: 政府信息公开指南 ·
政府信息公开制度 · 法定主动公开内容 · 政府信息公开年报, one click from the column's front page) and in the verdicts
on it (validate GK901–GK907; inspect's 空白栏目, 栏目不更新 and 法定主动公开内容).

tools/mutation.py had no group for these modules; it now has one, "column" (rules/column.py, site/pages/column.py,
site/guide.py, inspect/columns.py). Every expected name, order, link, sentence and verdict below is typed by hand from
61号文, the 条例 and the small catalog written next to it, never computed by the code under test.

Found by this pass:
1. A field of 「依申请公开」 in gongkai.yaml that says nothing (「地址: 无」「办公时间: 暂无」「电话: 待定」
   「复议机关: ——」「信息处理费: 无」「受理机构: 待定」) passed validate, and the 指南 printed it as written:
   「通信地址 无」「办公时间 暂无」, 「向——申请行政复议」, 「三、信息处理费 无」 (where 国办函〔2020〕109号's rules
   belong), and the front page, every 依申请 item's page and the 申请表 sent the public 「向待定申请」. Now GK901 names
   each such field (file, line, column) and says what the 指南 shows instead; the 指南, the pages and the 申请表 leave
   it out as if unwritten (复议机关, 诉讼法院 and 信息处理费 fall back on the law's wording, a 受理机构 on the bureau's
   own name), and a phone 「待定」 is reported once, not twice.
2. 「依申请公开」 without 「方式」 (or 「方式: []」) passed validate while the 指南's 「申请方式」 named no way to hand in
   an application (条例第二十九条); a 方式 that says nothing (「方式: [当面提交, 无]」) was printed as a way (「无。」).
   Now GK901 warns for both, and the 指南 leaves 「无」 out.
3. A leader written 「姓名: 待定」 (a post being filled) was listed on 法定主动公开内容 → 领导信息 as 「待定　局长」,
   validate and inspect counted the column as filled, and inspect's 严重表述错误 (a 单项否决 item) failed the site on a
   body naming 「张定局长」: 「「张定局长」疑似把「待定」的姓名写错」. Now a leader whose 姓名 or 职务 says nothing is
   no leader: GK905 names the line, the page says 「正在整理」 when no one is left, inspect counts the blank column
   and reads no name from 「待定」.
4. The 指南's 「公开方式」 said 「本机关主动公开的政府信息通过以下渠道公开：。」 for a directory with no item yet (as
   `init` may leave it), and never named the channels items spell out under 其他 (「其他渠道: [12345政务服务热线]」,
   eight items of the bundled catalog). Now it names them after the standard ones, and 政府网站 when there is none.
5. (Mutants) The column's structure and its notices were checked by no test of these modules: the four parts' names,
   order and links (front page and every page's header), each part's heading, the 指南's 受理机构 table, 申请方式,
   依申请 items, fee and remedies, its entry in the site's search, the 年报 newest year first and 「最新年报」, the
   其他公开信息 page, the notices of an empty 制度, 年报 and 领导信息, a renamed item on the next build; inspect's
   quarterly columns on the edges of a quarter and in January, a 6-month column on its last day, a 空白说明 whose
   promised day passed, a town page or a 领域 with nothing in it, a 公开时限 of no known period. Each now has a test on small
   catalogs.
6. (Tool) mutmut runs a mutant only against the tests that called the mutated function while its stats were taken;
   a module-scoped fixture's calls belong to the first test that asked for it, so a check of the built site in any
   later test never saw a mutant of the build (「desk = None」 in guide_context survived a test reading the 受理机构
   table). The fixture here reads the sites whole where it builds them (tools/mutation.py runs the fastest test
   first, so no test is surely the first to ask); other files with sites built once per module share the gap.

Planted by hand (each reverted; the test that caught it): the 年报 part dropped from the column (column_artifacts)
— the sites fixture (_read_whole), test_each_part_is_its_own_page…[nianbao…]; the 年报 of last year not required
(GK903 looking at the year before last) — test_last_years_report_is_due_from_1_february; a catalog without
「依申请公开」 passing GK901 — test_a_guide_without_its_desk_is_reported…; 制度 and 法定主动公开内容 swapped on the
front page — test_the_front_page_links_the_four_parts…; an empty 制度 not marked (the notice dropped from
rules.html; inspect's check removed) — test_an_empty_column_says_so_on_its_page, test_inspect_counts_the_empty_parts…,
test_five_empty_columns_fail_the_site; each fix above reverted — the tests named in its item.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import re
import zipfile
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, CatalogDir
from gongkai.cli import main

TODAY = "2026-11-27"
BASE_AGENCY = AGENCY.split("领导:")[0]  # the shared agency without its leader and its site settings
RULES_ITEM = (ITEM.replace("SHJZ-001", "SHJZ-002").replace("二级事项: 审批信息", "二级事项: 政策文件")
              .replace("  - 低保对象名单及相关信息", "  - 文件名称").replace(", 社区/企事业单位/村公示栏（电子屏）", "")
              + "法定类别: 规范性文件\n")


def _record(rid: str, title: str, kind: str, published: str, extra: str = "", item: str | None = None) -> str:
    number = rid.split("-")[1]
    return "\n".join([f"编号: {rid}", f"题名: {title}", f"索引号: 350524-MZ-{published[:4]}-{number.zfill(5)}",
                      f"文种: {kind}", "责任单位: bgs", *([f"事项: {item}"] if item else []), "公开属性: 主动公开",
                      f"保密审查: {{审查人: 张三, 审查日期: {published}, 结论: 同意主动公开}}", f"成文日期: {published}",
                      f"公开日期: {published}", "正文: |", "  正文。"]) + "\n" + extra


def _run(*args: str | Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue() + err.getvalue()


ON_REQUEST = (RULES_ITEM.replace("SHJZ-002", "SHJZ-003").replace("二级事项: 政策文件", "二级事项: 审核确认档案")
              .replace("公开方式: 主动", "公开方式: 依申请").replace("法定类别: 规范性文件\n", ""))
FEE = "本机关依申请提供政府信息，按国办函〔2020〕109号收取信息处理费；至今未收取。"


def _full(cat: CatalogDir) -> None:
    """The shared agency (受理机构 with its own 信息处理费 text, 领导, 网站), a 规范性文件 item and its document, a 制度,
    the 年报 of 2024 and 2025 (the later year written first, published later), a 通知 of no item."""
    cat.write("gongkai.yaml", AGENCY.replace("  复议机关:", f"  信息处理费: {FEE}\n  复议机关:"))
    cat.record(_record("R2026-040", "测试县民政局关于春节期间值班安排的通知", "通知", "2026-02-01"), "records/2026/R2026-040.yaml")
    cat.item(ON_REQUEST, "items/shjz/SHJZ-003.yaml")
    cat.item(RULES_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.record(_record("R2026-010", "测试县民政局关于印发低保审核确认办法的通知", "通知", "2026-06-01", item="SHJZ-002"),
               "records/2026/R2026-010.yaml")
    cat.record(_record("R2026-020", "测试县民政局政府信息公开保密审查制度", "制度", "2026-03-02"), "records/2026/R2026-020.yaml")
    cat.record(_record("R2026-031", "测试县民政局2025年政府信息公开工作年度报告", "年度报告", "2026-01-20", "报告年度: 2025\n"),
               "records/2026/R2026-031.yaml")
    cat.record(_record("R2025-030", "测试县民政局2024年政府信息公开工作年度报告", "年度报告", "2025-01-22", "报告年度: 2024\n"),
               "records/2025/R2025-030.yaml")


def _empty(cat: CatalogDir) -> None:
    """No 领导, no 制度, no 年报: three parts of the column with nothing in them."""
    cat.write("gongkai.yaml", BASE_AGENCY)
    cat.item(RULES_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.record(_record("R2026-010", "测试县民政局关于印发低保审核确认办法的通知", "通知", "2026-06-01", item="SHJZ-002"),
               "records/2026/R2026-010.yaml")


def _placeholders(cat: CatalogDir) -> None:
    """The 指南's desk written with words that say nothing (defect 1 and 2)."""
    text = (AGENCY.replace("受理机构: 测试县民政局办公室", "受理机构: 待定").replace("地址: 测试县城关镇人民路1号", "地址: 无")
            .replace("办公时间: 工作日上午8:00—12:00，下午14:30—17:30", "办公时间: 暂无")
            .replace("方式: [当面提交, 邮寄]", "方式: [当面提交, 无]\n  信息处理费: 无")
            .replace("复议机关: 测试县人民政府", "复议机关: ——"))
    cat.write("gongkai.yaml", text)
    cat.item(RULES_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.record(_record("R2026-010", "测试县民政局关于印发低保审核确认办法的通知", "通知", "2026-06-01", item="SHJZ-002"),
               "records/2026/R2026-010.yaml")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three catalogs built once: name → site folder (the catalog is its sibling 「catalog-NAME」)."""
    root = tmp_path_factory.mktemp("h27")
    built = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", TODAY)
        patch.setenv("COLUMNS", "200")
        for name, make in (("full", _full), ("empty", _empty), ("placeholders", _placeholders)):
            cat = CatalogDir(root / f"catalog-{name}")
            make(cat)
            # the full site with its search index (the 指南's entry in it), the others without (faster)
            code, out = _run("build-site", cat.root, "--out", root / name, *(["--no-search"] if name != "full" else []))
            assert code == 0, out
            built[name] = root / name
    _read_whole(built)
    return built


def _read_whole(sites: dict[str, Path]) -> None:
    """Every reading below of the sites, done where they are built. mutmut runs a mutant only against the tests that
    called the mutated function while its stats were taken; the builds of a module-scoped fixture belong to whichever
    test asked first (and tools/mutation.py runs the fastest first), so a reading in any other test alone would never
    see a mutant of the build."""
    test_the_front_page_links_the_four_parts_in_61号s_order_and_names(sites)
    for part in PARTS:
        test_each_part_is_its_own_page_named_as_61号_names_it_and_leads_back_to_the_front_page(sites, *part)
    test_the_guide_gives_the_desk_its_ways_the_fee_and_the_remedies(sites)
    test_the_reports_are_listed_newest_year_first_and_the_rules_are_listed(sites)
    test_the_law_part_has_the_bureau_its_leaders_and_the_categories_with_items(sites)
    test_an_empty_column_says_so_on_its_page(sites)
    test_the_guide_leaves_out_what_says_nothing(sites)


def _page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def _section(html: str, heading_id: str) -> str:
    """The HTML inside the <section> labelled by *heading_id*."""
    start = html.index(">", html.index(f'aria-labelledby="{heading_id}"')) + 1
    return html[start:html.index("</section>", start)]


def _nav(page: str) -> list[tuple[str, str]]:
    """The links of the header every page shows (the column's parts, one click from anywhere)."""
    nav = page[page.index('aria-label="政府信息公开栏目"'):]
    return re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', nav[:nav.index("</nav>")])


# ------------------------------------------------------------------------------------------------ the column's parts


def test_the_front_page_links_the_four_parts_in_61号s_order_and_names(sites):
    home = _page(sites["full"], "index.html")
    column = _section(home, "col-h")
    assert re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', column) == [
        ("zhinan/index.html", "政府信息公开指南"), ("zhidu/index.html", "政府信息公开制度"),
        ("fdzdgknr/index.html", "法定主动公开内容"), ("nianbao/index.html", "政府信息公开年报")]
    assert '<h2 id="col-h">政府信息公开</h2>' in column
    assert _nav(_page(sites["full"], "records/R2026-010.html"))[1:5] == [
        ("../zhinan/index.html", "政府信息公开指南"), ("../zhidu/index.html", "政府信息公开制度"),
        ("../fdzdgknr/index.html", "法定主动公开内容"), ("../nianbao/index.html", "政府信息公开年报")]
    assert '<a href="zhinan/index.html#apply">依申请公开：向测试县民政局办公室申请</a>' in column
    # the latest report is the latest year's, though the 2024 report has the later record number in no order
    assert '最新年报：<a href="records/R2026-031.html">测试县民政局2025年政府信息公开工作年度报告</a>' in column
    # a 通知 of no item is on no item's page: the front page leads to it through 其他公开信息
    assert ('<p><a href="qita/index.html">其他公开信息</a>（不属于标准目录事项的通知、公告等，共 1 条）</p>'
            in _section(home, "new-h"))
    others = _page(sites["full"], "qita/index.html")
    assert "<h1>其他公开信息</h1>" in others
    assert re.findall(r'<li><a href="\.\./records/([^"]+)\.html">([^<]+)</a>', others) == [
        ("R2026-040", "测试县民政局关于春节期间值班安排的通知")]
    assert '<a href="qita/index.html">' not in _page(sites["empty"], "index.html")
    assert not (sites["empty"] / "qita").exists()


PARTS = [("zhinan/index.html", "政府信息公开指南", "测试县民政局政府信息公开指南"),
         ("zhidu/index.html", "政府信息公开制度", "政府信息公开制度"),
         ("fdzdgknr/index.html", "法定主动公开内容", "法定主动公开内容"),
         ("nianbao/index.html", "政府信息公开年报", "政府信息公开年报")]


@pytest.mark.parametrize(("path", "title", "heading"), PARTS)
def test_each_part_is_its_own_page_named_as_61号_names_it_and_leads_back_to_the_front_page(sites, path, title, heading):
    page = _page(sites["full"], path)
    assert f"<h1>{heading}</h1>" in page
    assert _nav(page) == [("../index.html", "首页"), ("../zhinan/index.html", "政府信息公开指南"),
                          ("../zhidu/index.html", "政府信息公开制度"), ("../fdzdgknr/index.html", "法定主动公开内容"),
                          ("../nianbao/index.html", "政府信息公开年报"), ("../search/index.html", "搜索")]
    assert re.search(rf"<title>{title}\b", page), re.search(r"<title>[^<]*", page)
    assert f'<nav class="crumbs" aria-label="位置"><a href="../index.html">首页</a> › {title}</nav>' in page


def test_the_guide_gives_the_desk_its_ways_the_fee_and_the_remedies(sites):
    site = sites["full"]
    guide = _page(site, "zhinan/index.html")
    desk = _section(guide, "apply-h")
    rows = [(th, _text(td)) for th, td in re.findall(r'<tr><th scope="row">([^<]+)</th><td>(.*?)</td></tr>', desk)]
    assert rows == [("受理机构", "测试县民政局办公室"), ("通信地址", "测试县城关镇人民路1号"),
                    ("办公时间", "工作日上午8:00—12:00，下午14:30—17:30"), ("咨询电话", "0595-23000000"),
                    ("电子邮箱", "gk@example.gov.cn")]
    ways = [_text(li) for li in re.findall(r"<li>(.*?)</li>", desk.split("（二）申请方式")[1].split("</ul>")[0], re.S)]
    assert ways == ["填写《政府信息公开申请表》（Word）或（PDF，可打印），也可以自行书写申请书。",
                    "当面提交：在办公时间到测试县民政局办公室（测试县城关镇人民路1号）提交书面申请。",
                    "信函申请：将申请寄至测试县城关镇人民路1号，信封上请注明“政府信息公开申请”。"]
    assert all((site / f"zhinan/shenqingbiao.{kind}").stat().st_size > 0 for kind in ("docx", "pdf"))
    remedy = _text(_section(guide, "remedy-h"))
    assert "自知道或者应当知道该行政行为之日起60日内，向测试县人民政府申请行政复议" in remedy
    assert "自知道或者应当知道作出行政行为之日起6个月内，向测试县人民法院提起行政诉讼" in remedy
    assert _text(_section(guide, "fee-h")) == f"三、信息处理费 {FEE}"  # as the bureau wrote it
    assert re.findall(r"<li>(.*?)</li>", desk.split("（四）依申请公开的事项")[1].split("</ul>")[0]) == [
        '<a href="../items/SHJZ-003.html">最低生活保障 / 审核确认档案</a>（社会救助）']
    # the site's search finds the 指南 by its name, its parts and its 受理机构 (search/m: url and title; search/t: text)
    meta, text = ({k: v for f in sorted((site / "search" / part).glob("*.json.gz"))
                   for k, v in json.loads(gzip.decompress(f.read_bytes())).items()} for part in ("m", "t"))
    [number] = [k for k, entry in meta.items() if entry[0] == "zhinan/index.html"]
    assert meta[number][1] == "政府信息公开指南"
    assert text[number]["x"] == "政府信息公开指南 主动公开 依申请公开 申请表 信息处理费 行政复议 行政诉讼 测试县民政局办公室 政府网站"
    # the 主动公开 part sends the reader to the three other parts
    active = _section(guide, "active-h")
    assert [href for href in re.findall(r'href="\.\./(zhidu|fdzdgknr|nianbao)/index.html"', active)] == [
        "fdzdgknr", "zhidu", "nianbao"]
    assert "本机关主动公开的政府信息通过以下渠道公开：政府网站。" in _text(active)


def test_the_reports_are_listed_newest_year_first_and_the_rules_are_listed(sites):
    site = sites["full"]
    reports = re.findall(r'<li><a href="\.\./records/([^"]+)\.html">([^<]+)</a>', _page(site, "nianbao/index.html"))
    assert reports == [("R2026-031", "测试县民政局2025年政府信息公开工作年度报告"),
                       ("R2025-030", "测试县民政局2024年政府信息公开工作年度报告")]
    rules = re.findall(r'<li><a href="\.\./records/([^"]+)\.html">([^<]+)</a>', _page(site, "zhidu/index.html"))
    assert rules == [("R2026-020", "测试县民政局政府信息公开保密审查制度")]


def test_the_law_part_has_the_bureau_its_leaders_and_the_categories_with_items(sites):
    law = _page(sites["full"], "fdzdgknr/index.html")
    assert re.findall(r'<h2 id="[^"]+">([^<]+)</h2>', law) == ["机构职能", "领导信息", "规范性文件", "政务公开事项标准目录"]
    assert "<strong>王局长</strong>　局长" in law
    assert "测试县民政局，办公时间：工作日上午8:00—12:00，下午14:30—17:30，联系电话：" in _text(law)
    assert '<li><a href="../items/SHJZ-002.html">最低生活保障 / 政策文件</a></li>' in law
    assert '<a href="../directory/shjz/index.html">社会救助领域政务公开事项标准目录</a>' in law


def test_an_empty_column_says_so_on_its_page(sites):
    site = sites["empty"]
    assert '<li class="blank">本机关的政府信息公开制度正在整理，整理完成后在本栏目公开。</li>' in _page(site, "zhidu/index.html")
    assert '<li class="blank">暂无年度报告。</li>' in _page(site, "nianbao/index.html")
    law = _page(site, "fdzdgknr/index.html")
    assert '<p class="note">本机关领导信息正在整理，整理完成后在本栏目公开。</p>' in law
    assert "最新年报" not in _page(site, "index.html")


# ------------------------------------------------------------------------------------------------ inspect's verdicts


def _sheet(root: Path, today: str = TODAY) -> dict:
    code, out = _run("inspect", root, "--format", "json", "--today", today)
    assert code in (0, 1), out
    return json.loads(out)


def _check(sheet: dict, key: str) -> dict:
    return next(c for part in ("vetoes", "deductions", "warnings") for c in sheet[part] if c["key"] == key)


def test_inspect_counts_the_empty_parts_of_the_column(sites):
    blank = _check(_sheet(sites["empty"].parent / "catalog-empty"), "blank-columns")
    said = [e["text"].split("：")[0] for e in blank["evidence"]]
    assert said == ["法定主动公开内容 → 领导信息", "政府信息公开制度", "政府信息公开年报"]
    assert (blank["status"], blank["count"]) == ("pass", 3)  # 5 空白栏目 fail the site (国办秘函〔2019〕19号)
    assert _check(_sheet(sites["full"].parent / "catalog-full"), "blank-columns")["evidence"] == []


def test_five_empty_columns_fail_the_site(gk, tmp_path):
    cat = CatalogDir(tmp_path / "catalog")
    _empty(cat)
    # two more 主动 items with nothing on the web: one without 空白说明, one whose promised day has passed
    for number, note in ((3, ""), (4, "空白说明: 本事项按季度公开，下次公开时间为2026年10月10日前\n")):
        cat.item(RULES_ITEM.replace("SHJZ-002", f"SHJZ-00{number}").replace("法定类别: 规范性文件\n", note),
                 f"items/shjz/SHJZ-00{number}.yaml")
    run = gk("inspect", cat.root, "--format", "json", "--today", TODAY)
    assert run.code == 1
    sheet = json.loads(run.out)
    blank = _check(sheet, "blank-columns")
    assert (blank["status"], blank["count"]) == ("fail", 5)
    assert sorted(e["id"] or "" for e in blank["evidence"]) == ["", "", "", "SHJZ-003", "SHJZ-004"]
    fix = ("在这个栏目公开信息，或在 items/shjz/{0}.yaml 中写（或更新）「空白说明」说明为什么没有"
           "（如「本机关本年度未产生此类信息」「本事项按季度公开，下次公开时间为……」）")
    assert blank["evidence"][:2] == [
        {"text": "最低生活保障 / 政策文件：网站上没有公开信息，也没有空白说明；" + fix.format("SHJZ-003"),
         "id": "SHJZ-003", "path": "items/shjz/SHJZ-003.yaml"},
        {"text": "最低生活保障 / 政策文件：网站上没有公开信息，空白说明中写的公开时间（2026年10月10日前）已过，"
                 "不再能说明栏目为什么是空的；" + fix.format("SHJZ-004"),
         "id": "SHJZ-004", "path": "items/shjz/SHJZ-004.yaml"}]
    assert sheet["verdict"]["passed"] is False and "blank-columns" in sheet["verdict"]["failed_vetoes"]


# ------------------------------------------------------------------------------------------------ validate's verdicts


def _findings(gk, root: Path, code: str, today: str = TODAY) -> list[tuple[int, str]]:
    run = gk("validate", root, "--format", "json", "--no-cache", "--today", today)
    assert run.code in (0, 1), run.err
    return [(d["line"], d["message"]) for d in json.loads(run.out)["diagnostics"] if d["code"] == code]


def _adopted(cat: CatalogDir, *records: tuple[str, str]) -> None:
    cat.write("gongkai.yaml", AGENCY + "启用日期: 2026-01-01\n")
    cat.item(RULES_ITEM, "items/shjz/SHJZ-002.yaml")
    (cat.root / "records/2026/R2026-001.yaml").unlink()
    for rid, text in records:
        cat.record(text, f"records/{rid[1:5]}/{rid}.yaml")


def test_last_years_report_is_due_from_1_february(gk, cat):
    _adopted(cat)
    due = [(1, "还没有在网站上公开2026年度政府信息公开工作年度报告（应于2027年1月31日前公布）")]
    assert _findings(gk, cat.root, "GK903", "2027-01-31") == []
    assert [m for _, m in _findings(gk, cat.root, "GK903", "2027-02-01")] == [m for _, m in due]
    # on the 公示栏 only, the 年报 part of the column is still empty
    board = _record("R2027-001", "测试县民政局2026年政府信息公开工作年度报告", "年度报告", "2027-01-20",
                    "报告年度: 2026\n公开渠道: [社区/企事业单位/村公示栏（电子屏）]\n")
    cat.record(board, "records/2027/R2027-001.yaml")
    assert [m for _, m in _findings(gk, cat.root, "GK903", "2027-02-01")] == [m for _, m in due]
    cat.record(board.replace("公开渠道: [社区/企事业单位/村公示栏（电子屏）]\n", ""), "records/2027/R2027-001.yaml")
    assert _findings(gk, cat.root, "GK903", "2027-02-01") == []
    assert _findings(gk, cat.root, "GK903", "2028-02-01") == [(1, "还没有在网站上公开2027年度政府信息公开工作年度报告（应于2028年1月31日前公布）")]


def test_a_guide_without_its_desk_is_reported_and_sends_the_public_to_the_bureau(gk, cat, tmp_path):
    cat.write("gongkai.yaml", AGENCY.split("依申请公开:")[0] + "领导:" + AGENCY.split("领导:")[1])
    assert _findings(gk, cat.root, "GK901") == [(1, "没有「依申请公开」设置，政府信息公开指南无法写明受理机构和申请方式")]
    assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 0
    guide = _page(tmp_path / "site", "zhinan/index.html")
    apply = _text(_section(guide, "apply-h"))
    assert "（一）受理机构 请与测试县民政局联系（电话：0595-23000000）。 （二）申请方式 填写《政府信息公开申请表》" in apply
    remedy = _text(_section(guide, "remedy-h"))
    assert "向本级人民政府申请行政复议" in remedy and "向有管辖权的人民法院提起行政诉讼" in remedy
    assert "同一申请人一个自然月内累计申请10件以下（含10件）不收费" in _text(_section(guide, "fee-h"))
    assert "依申请公开：向测试县民政局申请" in _page(tmp_path / "site", "index.html")


def test_a_desk_written_with_words_that_say_nothing_is_named_line_by_line(gk, sites):
    root = sites["placeholders"].parent / "catalog-placeholders"
    # gongkai.yaml lines: 25 受理机构, 26 地址, 29 办公时间, 30 方式, 31 信息处理费, 32 复议机关
    assert _findings(gk, root, "GK901") == [
        (25, "「依申请公开」的「受理机构」只写了「待定」，没有实际内容，指南写成「测试县民政局」"),
        (26, "「依申请公开」的「地址」只写了「无」，没有实际内容，指南中不列这一项"),
        (29, "「依申请公开」的「办公时间」只写了「暂无」，没有实际内容，指南中不列这一项"),
        (30, "申请方式「无」不是一种申请方式，指南中不列出"),
        (31, "「依申请公开」的「信息处理费」只写了「无」，没有实际内容，指南按国办函〔2020〕109号写明"),
        (32, "「依申请公开」的「复议机关」只写了「——」，没有实际内容，指南只写「本级人民政府」"),
    ]


def test_the_guide_leaves_out_what_says_nothing(sites):
    site = sites["placeholders"]
    guide = _page(site, "zhinan/index.html")
    desk = _section(guide, "apply-h")
    rows = [(th, _text(td)) for th, td in re.findall(r'<tr><th scope="row">([^<]+)</th><td>(.*?)</td></tr>', desk)]
    assert rows == [("受理机构", "测试县民政局"), ("咨询电话", "0595-23000000"), ("电子邮箱", "gk@example.gov.cn")]
    assert "无。" not in _text(desk) and "待定" not in guide and "暂无" not in guide and "——" not in guide
    assert "当面提交：在办公时间到测试县民政局提交书面申请。" in _text(desk)
    assert "向本级人民政府申请行政复议" in _text(_section(guide, "remedy-h"))
    assert "同一申请人一个自然月内累计申请10件以下（含10件）不收费" in _text(_section(guide, "fee-h"))
    assert "依申请公开：向测试县民政局申请" in _page(site, "index.html")
    with zipfile.ZipFile(site / "zhinan/shenqingbiao.docx") as form:  # the 申请表 the 指南 offers
        document = _text(form.read("word/document.xml").decode("utf-8"))
    assert "受理机构：测试县民政局" in document and "待定" not in document and "暂无" not in document


def test_a_desk_without_ways_is_reported(gk, cat):
    cat.write("gongkai.yaml", AGENCY.replace("  方式: [当面提交, 邮寄]\n", ""))
    assert _findings(gk, cat.root, "GK901") == [
        (24, "「依申请公开」没有写申请方式，指南不能告诉公众怎样提交申请（《条例》第二十九条）")]
    cat.write("gongkai.yaml", AGENCY.replace("  电话: 0595-23000000\n", "  电话: 待定\n"))
    assert _findings(gk, cat.root, "GK901") == [(27, "「依申请公开」的「电话」只写了「待定」，没有实际内容，指南中不列这一项")]


# ------------------------------------------------------------------------------------------------ 栏目不更新 by period

QUARTERLY = (RULES_ITEM.replace("SHJZ-002", "SHJZ-005").replace("二级事项: 政策文件", "二级事项: 资金使用情况")
             .replace("制定或获取信息之日起10个工作日内", "每季度结束后10日内").replace("法定类别: 规范性文件\n", ""))


def _quarterly(cat: CatalogDir, *published: str) -> None:
    cat.write("gongkai.yaml", AGENCY)
    (cat.root / "records/2026/R2026-001.yaml").unlink(missing_ok=True)
    for rid in (p.name for p in (cat.root / "records/2026").glob("*.yaml")):
        (cat.root / "records/2026" / rid).unlink()
    cat.item(QUARTERLY, "items/shjz/SHJZ-005.yaml")
    for number, day in enumerate(published, start=60):
        cat.record(_record(f"R2026-0{number}", f"测试县民政局资金使用情况（{day}）", "通知", day, item="SHJZ-005"),
                   f"records/2026/R2026-0{number}.yaml")


@pytest.mark.parametrize(("today", "published", "missed"), [
    # the last quarter ended before today is the third (1 July – 30 September 2026): nothing in it
    ("2026-11-27", ("2026-04-10", "2026-05-05"), "2026年第3季度没有公开信息，最近一次公开 2026-05-05"),
    ("2026-11-27", ("2026-04-10", "2026-09-30"), None),  # its last day is in it
    ("2026-11-27", ("2026-10-01",), None),  # the column began after it: nothing was owed then
    ("2026-10-01", ("2026-04-10",), "2026年第3季度没有公开信息，最近一次公开 2026-04-10"),
    ("2026-09-30", ("2026-04-10",), None),  # on its last day the third quarter has not ended: the second is judged
    ("2026-11-27", ("2026-04-10", "2026-07-01"), None),  # its first day is in it too
    # in January the last quarter ended is last year's fourth
    ("2027-01-05", ("2026-04-10", "2026-08-03"), "2026年第4季度没有公开信息，最近一次公开 2026-08-03"),
])
def test_a_quarterly_column_is_judged_by_its_last_ended_quarter(gk, cat, today, published, missed):
    _quarterly(cat, *published)
    run = gk("inspect", cat.root, "--format", "json", "--today", today)
    assert run.code in (0, 1), run.err
    evidence = _check(json.loads(run.out), "overdue-columns")["evidence"]
    assert evidence == ([{"text": f"最低生活保障 / 资金使用情况（公开时限「每季度结束后10日内」）：{missed}；在这个栏目公开应公开的新信息"
                                  "（事项的「栏目类型」「公开时限」写错的，改正事项文件）",
                          "id": "SHJZ-005", "path": "items/shjz/SHJZ-005.yaml"}] if missed else [])


@pytest.mark.parametrize(("last", "overdue"), [
    ("2026-05-26", "最近一次公开 2026-05-26，已185天未更新"),  # 26 May + 6 months = 26 November, before today
    ("2026-05-27", None),  # 27 May + 6 months = today: still in time
])
def test_a_notice_column_is_overdue_six_months_after_its_last_record(gk, cat, last, overdue):
    _quarterly(cat, "2026-01-05", "2026-03-02", last)
    cat.item(QUARTERLY.replace("每季度结束后10日内", "制定或获取信息之日起20个工作日内") + "栏目类型: 通知公告\n",
             "items/shjz/SHJZ-005.yaml")
    run = gk("inspect", cat.root, "--format", "json")
    assert run.code in (0, 1), run.err
    sheet = json.loads(run.out)
    # a 通知公告 column is one of the kinds the 单项否决 counts as 未按期更新 (stale), as well as 应更新未更新 (overdue)
    assert [e["id"] for e in _check(sheet, "stale-columns")["evidence"]] == (["SHJZ-005"] if overdue else [])
    evidence = _check(sheet, "overdue-columns")["evidence"]
    assert evidence == ([{"text": f"最低生活保障 / 资金使用情况（通知公告，应6个月内更新）：{overdue}；在这个栏目公开应公开的新信息"
                                  "（事项的「栏目类型」「公开时限」写错的，改正事项文件）",
                          "id": "SHJZ-005", "path": "items/shjz/SHJZ-005.yaml"}] if overdue else [])


@pytest.mark.parametrize("limit", ["按规定及时公开", "每周更新"])  # read as no time limit; as a period of no known length
def test_a_time_limit_read_as_no_period_is_judged_by_the_kind_of_its_column(gk, cat, limit):
    _quarterly(cat, "2026-11-02")
    cat.item(QUARTERLY.replace("每季度结束后10日内", limit), "items/shjz/SHJZ-005.yaml")
    run = gk("inspect", cat.root, "--format", "json")
    assert run.code in (0, 1), run.err
    assert _check(json.loads(run.out), "overdue-columns")["evidence"] == []


# ---------------------------------------------------------------------------------------------- 领导信息 naming no one


def test_a_leader_written_as_to_be_decided_is_no_leader(gk, cat, tmp_path):
    cat.write("gongkai.yaml", AGENCY.replace("  - 姓名: 王局长\n", "  - 姓名: 待定\n"))
    assert _findings(gk, cat.root, "GK905") == [
        (34, "第1位领导的姓名只写了「待定」，「法定主动公开内容 → 领导信息」不列这一位，栏目将是空的")]
    assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 0
    law = _page(tmp_path / "site", "fdzdgknr/index.html")
    assert "待定" not in law and '<p class="note">本机关领导信息正在整理，整理完成后在本栏目公开。</p>' in law
    cat.record(RECORD.replace("  经审核，现将名单予以公示。", "  经审核，现将名单予以公示。张定局长出席。"))
    sheet = _sheet(cat.root)
    assert [e["text"].split("：")[0] for e in _check(sheet, "blank-columns")["evidence"]][:1] == ["法定主动公开内容 → 领导信息"]
    # 「待定」 is nobody whose name 「张定」 misspells: no 严重表述错误 (a 单项否决 item)
    assert (_check(sheet, "wording")["status"], _check(sheet, "wording")["evidence"]) == ("pass", [])
    # a second leader named in full: the column lists her alone, and only the first is reported
    cat.write("gongkai.yaml", AGENCY.replace("  - 姓名: 王局长\n", "  - 姓名: 待定\n")
              .replace("    职务: 局长\n", "    职务: 局长\n  - 姓名: 李副局长\n    职务: 副局长\n"))
    assert _findings(gk, cat.root, "GK905") == [(34, "第1位领导的姓名只写了「待定」，「法定主动公开内容 → 领导信息」不列这一位")]
    assert "法定主动公开内容 → 领导信息" not in json.dumps(_check(_sheet(cat.root), "blank-columns"), ensure_ascii=False)


# ------------------------------------------------------------------------------------------------ the 指南's channels


def test_the_guide_names_every_channel_of_the_directory_and_the_web_when_it_names_none(gk, cat, tmp_path):
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
                          "公开渠道: [社区/企事业单位/村公示栏（电子屏）, 其他]\n其他渠道: [县电视台滚动字幕, 乡镇广播]"))
    assert gk("build-site", cat.root, "--out", tmp_path / "one", "--no-search").code == 0
    said = "本机关主动公开的政府信息通过以下渠道公开：社区/企事业单位/村公示栏（电子屏）、县电视台滚动字幕、乡镇广播。"
    assert said in _text(_page(tmp_path / "one", "zhinan/index.html"))
    (cat.root / "items/shjz/SHJZ-001.yaml").unlink()  # a directory with no item yet, as after `init`
    (cat.root / "records/2026/R2026-001.yaml").unlink()
    assert gk("build-site", cat.root, "--out", tmp_path / "none", "--no-search").code == 0
    assert "本机关主动公开的政府信息通过以下渠道公开：政府网站。" in _text(_page(tmp_path / "none", "zhinan/index.html"))


def test_a_renamed_item_is_renamed_in_the_law_part_and_the_guide_on_the_next_build(gk, cat, tmp_path):
    _full(cat)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    cat.item(RULES_ITEM.replace("二级事项: 政策文件", "二级事项: 规范性文件"), "items/shjz/SHJZ-002.yaml")
    cat.item(ON_REQUEST.replace("二级事项: 审核确认档案", "二级事项: 审批档案"), "items/shjz/SHJZ-003.yaml")
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0  # into the same folder: what changed
    assert '<li><a href="../items/SHJZ-002.html">最低生活保障 / 规范性文件</a></li>' in _page(site, "fdzdgknr/index.html")
    assert '<a href="../items/SHJZ-003.html">最低生活保障 / 审批档案</a>（社会救助）' in _page(site, "zhinan/index.html")


def test_a_town_page_with_nothing_on_it_is_a_blank_column_named_by_its_line(gk, cat):
    town = '  - 编号: mzb-102\n    名称: 湖头镇民政办\n    类型: 乡镇民政办\n    区划代码: "350524102"\n'
    # lines 10-15 are 办公室 and 社会救助股 under 「单位:」 (line 9): the town is written from line 16, its key at column 5
    cat.write("gongkai.yaml", AGENCY.replace("移交:\n", town + "移交:\n", 1))
    blank = _check(_sheet(cat.root), "blank-columns")
    assert [e for e in blank["evidence"] if e["id"] == "mzb-102"] == [{
        "text": "湖头镇民政办的乡镇页面：网站上没有公开信息，也没有空白说明；在 gongkai.yaml:16:5 这个单位下写（或更新）「空白说明」"
                "（如「本乡镇民政办的公示在各村公示栏张贴，为保护个人隐私不在网站发布」）",
        "id": "mzb-102", "path": "gongkai.yaml"}]


@pytest.mark.parametrize(("item_domain", "broken", "empty"), [
    ("社会救助", False, ["YLFW"]),  # 养老服务 is listed in gongkai.yaml and has no item: its directory page is empty
    ("养老服务", False, ["SHJZ"]),
    ("社会救助", True, []),  # an item that does not read may well be 养老服务's: not judged
    ("社会救助（低保）", False, []),  # a 领域 written otherwise (GK208) may well be one of them: not judged
])
def test_a_domain_with_no_item_is_a_blank_column(gk, cat, item_domain, broken, empty):
    cat.write("gongkai.yaml", AGENCY.replace("    代码: SHJZ\n", "    代码: SHJZ\n  - 名称: 养老服务\n    代码: YLFW\n"))
    cat.item(ITEM.replace("领域: 社会救助", f"领域: {item_domain}"))
    if broken:
        cat.write("items/shjz/SHJZ-009.yaml", "编号: SHJZ-009\n领域: [\n")
    evidence = [e for e in _check(_sheet(cat.root), "blank-columns")["evidence"] if e["id"] in ("SHJZ", "YLFW")]
    name, folder = {"SHJZ": ("社会救助", "shjz"), "YLFW": ("养老服务", "ylfw")}[empty[0]] if empty else ("", "")
    assert evidence == ([{"text": f"{name}领域政务公开事项标准目录：栏目是空的（gongkai.yaml「领域」中列了，标准目录中没有这个领域的"
                                  f"事项）；在 items/{folder}/ 下登记它的公开事项，或从「领域」中删去它",
                          "id": empty[0], "path": "gongkai.yaml"}] if empty else [])


def test_the_sheet_states_each_column_indicator_as_19号文_does(gk, cat):
    sheet = _sheet(cat.root)
    heads = [{k: c[k] for k in ("key", "indicator", "point", "rule", "source")} for c in sheet["vetoes"][:3]]
    law = _check(sheet, "law-categories")
    assert ({k: law[k] for k in ("indicator", "point", "rule", "source", "count")} ==
            {"indicator": "法定主动公开内容", "point": "法定主动公开内容缺少每个部门都要公开的类别（机构职能、财政预决算）",
             "rule": "缺少的类别逐一提醒（不计分）", "source": "《政府信息公开条例》第二十条；《中华人民共和国预算法》第十四条",
             "count": 2})  # the catalog's one item has no 法定类别: both are missing
    assert [(e["id"], e["path"]) for e in law["evidence"]] == [(None, None), (None, None)]
    source = "国办秘函〔2019〕19号 单项否决指标「栏目不更新」"
    assert heads == [
        {"key": "stale-columns", "indicator": "栏目不更新", "source": source, "rule": "累计≥5个即单项否决",
         "point": "动态要闻、通知公告、政策文件类栏目未按期更新（动态要闻2周、通知公告6个月、政策文件6个月）"},
        {"key": "overdue-columns", "indicator": "栏目不更新", "source": source, "rule": "≥10个即单项否决",
         "point": "应更新但长期未更新的栏目（含定期公开的事项按其公开时限）"},
        {"key": "blank-columns", "indicator": "栏目不更新", "source": source, "rule": "≥5个即单项否决",
         "point": "空白栏目（事项、乡镇页面、领导信息、政府信息公开制度和政府信息公开年报没有公开信息，也没有空白说明；领域目录中没有事项）"}]
