"""Seventeenth hostile pass over the 政府信息公开 column (issue 13) and `gongkai inspect` (issue 14), as the yearly
inspector and the citizen.

Found by this pass:
- 网站.基础地址 copied from the browser's bar with the folder's own page at its end (…/mzj/index.html,
  …/mzj/index.shtml) put that page in the middle of every address in sitemap.xml, feed.xml and the portal export
  (…/mzj/index.html/records/R….html, which names nothing); dot segments (…/zwgk/../mzj/, %2e%2e), doubled slashes,
  lower-case escapes (%e9) and the default port (:443) went into the sitemap as written. Now the base names the
  folder a browser would resolve it to.
- On a 360 px phone a table written in a body (a 10-column 资金表) made the whole record page scroll sideways
  (900 px), a title holding a long run of letters or digits did the same on the home page and the item page, and a
  long 电子邮箱 in gongkai.yaml on the 指南 (its 受理机构 table), and a long link in an item's 公开依据 on its page.
  Now a body's table scrolls in its own frame
  (keyboard-focusable, named for screen readers, numbered when there are several) and long runs wrap.
- A catalog without 领导 in gongkai.yaml (and no item of 法定类别 领导信息) has an empty 法定主动公开内容 → 领导信息
  on the site, which the inspectors count as a blank column; inspect did not count it.
- Without 复议机关 the 指南 sent the citizen to 「本机关的上一级行政机关或者本级人民政府」: since the 2023 revision of the
  行政复议法 (第二十四条) a county department's act is reviewed by 本级人民政府 only.
- An item marked 公开方式 依申请 with a 法定类别 was listed under 法定主动公开内容 (条例第二十条 is 主动公开) with no
  warning. Now it is left out and validate warns (GK907).
- A 办事指南 laid out as a table (| 设定依据 | 《社会救助暂行办法》 |), the way most portals print them, was read as
  running text: inspect found 7 of 8 elements missing and failed 服务不实用 (单项否决) on a complete guide.
- A 空白说明 promising 「下次公开时间为2026年10月10日前」 kept explaining a column that was still empty after that day.
- A 五公开 (or 领域) page with no item showed an empty table, with nothing saying why.
- A yearly column first published in May 2026 was 应更新未更新 in November for want of a 2025 record.
- Citations: the 年报 deduction cited 条例第五十条 (the 1月31日 deadline is 第四十九条); GK901 cited 第二十二条 for
  what a 指南 holds (第十二条).
"""

from __future__ import annotations

import json
import re
import xml.dom.minidom
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM
from portal_catalog import record
from test_hostile13_column import site, web_catalog, with_base
from test_inspect import ANNUAL, BASE_AGENCY, LEADERS, SITE, check, icat, inspect, write_item, write_record  # noqa: F401

FOLDER = "https://www.example.gov.cn/zwgk/mzj/"
AXE = Path(__file__).parent / "browser" / "vendor" / "axe.min.js"


# ---------------------------------------------------------------------------------------------------- 基础地址

def _locations(out: Path) -> list[str]:
    sitemap = xml.dom.minidom.parse(str(out / "sitemap.xml"))
    return [n.firstChild.data for n in sitemap.getElementsByTagName("loc")]


@pytest.mark.parametrize("written", [
    "https://www.example.gov.cn/zwgk/mzj/index.html",
    "https://www.example.gov.cn/zwgk/mzj/INDEX.SHTML",
    "https://www.example.gov.cn/zwgk/mzj/default.aspx?id=7",
    "https://www.example.gov.cn/zwgk/xxgk/../mzj/./",
    "https://www.example.gov.cn/zwgk/xxgk/%2e%2e/mzj",
    "https://www.example.gov.cn//zwgk//mzj//",
    "HTTPS://www.example.gov.cn:443/zwgk/mzj",
])
def test_a_base_address_names_the_folder_a_browser_resolves_it_to(gk, cat, tmp_path, written):
    web_catalog(cat, with_base(written))
    out = site(gk, cat, tmp_path)
    locations = _locations(out)
    assert FOLDER in locations and FOLDER + "records/R2026-020.html" in locations
    assert all(loc.startswith(FOLDER) for loc in locations), locations
    assert f'href="{FOLDER}records/R2026-020.html"' in (out / "feed.xml").read_text(encoding="utf-8")
    run = gk("export", "portal", cat.root, "--out", tmp_path / "portal")
    assert run.code == 0, run.err
    assert json.loads((tmp_path / "portal/portal.json").read_text(encoding="utf-8"))["栏目地址"] == FOLDER


def test_percent_escapes_in_the_base_address_are_written_one_way(gk, cat, tmp_path):
    web_catalog(cat, with_base("https://www.example.gov.cn/zwgk/%e9%83%a8%e9%97%a8/mzj"))
    out = site(gk, cat, tmp_path)
    assert "https://www.example.gov.cn/zwgk/%E9%83%A8%E9%97%A8/mzj/records/R2026-020.html" in _locations(out)


# ---------------------------------------------------------------------------------------------------- 手机

WIDE_TABLE = (
    "现将资金安排情况公布如下。\n\n"
    "| 序号 | 项目名称 | 资金来源 | 中央资金 | 省级资金 | 市级资金 | 县级资金 | 合计 | 备注 | 责任单位 |\n"
    "|---|---|---|---|---|---|---|---|---|---|\n"
    "| 1 | 城乡最低生活保障资金 | 中央财政 | 12345678.90 | 2345678.90 | 345678.90 | 45678.90 | 14982715.60 | 无 | 社会救助股 |"
)
LONG_TITLE = "测试县民政局关于" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" * 3 + "项目资金安排情况的说明"


LONG_MAIL = "gk_shehuijiuzhugu_lianxiyouxiang_xinxigongkai@example.gov.cn"


LONG_LINK = "https://www.gov.cn/zhengce/content/2014-02/28/content_2625652_abcdefghijklmnopqrstuvwxyz0123456789.htm"


def _phone_catalog(cat) -> None:
    web_catalog(cat, AGENCY.replace("gk@example.gov.cn", LONG_MAIL))
    item = cat.root / "items/shjz/SHJZ-001.yaml"
    cat.item(item.read_text(encoding="utf-8").replace("（国务院令第649号）", "（国务院令第649号）" + LONG_LINK))
    cat.write("records/2026/R2026-021.yaml", record("R2026-021", "测试县民政局关于2026年社会救助资金安排情况的公告",
                                                    channels="政府网站", item="SHJZ-001", body=WIDE_TABLE))
    cat.write("records/2026/R2026-022.yaml", record("R2026-022", LONG_TITLE, channels="政府网站", item="SHJZ-001"))


def test_a_table_in_a_body_is_in_a_frame_a_keyboard_reaches(gk, cat, tmp_path):
    _phone_catalog(cat)
    page = (site(gk, cat, tmp_path) / "records/R2026-021.html").read_text(encoding="utf-8")
    frame = re.search(r'<div class="scroll frame" role="region" aria-label="([^"]+)" tabindex="0"><table>', page)
    assert frame is not None and frame.group(1) == "表格（可左右滑动）"
    assert page.count("<table>") == 1 and "</table></div>" in page


def test_several_tables_in_a_body_have_frames_of_their_own_names(gk, cat, tmp_path):
    web_catalog(cat)
    cat.write("records/2026/R2026-021.yaml", record("R2026-021", "测试县民政局关于2026年社会救助资金安排情况的公告",
                                                    channels="政府网站", item="SHJZ-001",
                                                    body=WIDE_TABLE + "\n\n另附：\n\n" + WIDE_TABLE))
    page = (site(gk, cat, tmp_path) / "records/R2026-021.html").read_text(encoding="utf-8")
    assert re.findall(r'role="region" aria-label="([^"]+)"', page) == ["表格1（可左右滑动）", "表格2（可左右滑动）"]


@pytest.mark.browser
@pytest.mark.parametrize("big", [False, True])
def test_no_page_scrolls_sideways_on_a_phone_with_a_wide_table_or_a_long_title(gk, cat, tmp_path, browser, big):
    _phone_catalog(cat)
    out = site(gk, cat, tmp_path)
    assert f'href="mailto:{LONG_MAIL}"' in (out / "zhinan/index.html").read_text(encoding="utf-8")
    tab = browser.new_page(viewport={"width": 360, "height": 740})
    try:
        if big:  # 大字版, as the button leaves it
            tab.add_init_script("localStorage.setItem('gongkai-big', '1');"
                                "document.documentElement.classList.add('big');")
        for page in ("index.html", "items/SHJZ-001.html", "records/R2026-021.html", "records/R2026-022.html",
                     "zhinan/index.html"):
            tab.goto((out / page).as_uri())
            assert tab.evaluate("document.documentElement.classList.contains('big')") == big
            width = tab.evaluate("document.documentElement.scrollWidth")
            assert width <= 360, (page, width)
        tab.goto((out / "records/R2026-021.html").as_uri())
        frame = tab.locator("div.scroll.frame")
        assert frame.evaluate("el => el.scrollWidth > el.clientWidth")  # the table scrolls inside its frame
        assert frame.evaluate("el => getComputedStyle(el).overflowX") == "auto"
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        assert [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")] == []
    finally:
        tab.close()


# ---------------------------------------------------------------------------------------------------- 领导信息

LEADER_ITEM = """\
编号: SHJZ-060
领域: 社会救助
五公开: 管理公开
法定类别: 领导信息
一级事项: 机构信息
二级事项: 领导信息
公开内容:
  - 领导姓名、职务、分工
公开依据:
  - 《中华人民共和国政府信息公开条例》
公开时限: 信息形成或变更之日起20个工作日内
公开主体: 县级人民政府民政部门
公开渠道: [政府网站]
公开对象: 全社会
公开方式: 主动
公开层级: [县级]
责任单位: bgs
"""


def _leaders_blank(sheet: dict) -> list[str]:
    return [e["text"] for e in check(sheet, "blank-columns")["evidence"] if "领导信息" in e["text"]]


def test_an_empty_leaders_column_is_a_blank_column(gk, icat):
    icat.write("gongkai.yaml", BASE_AGENCY + SITE)  # no 领导
    _, sheet = inspect(gk, icat.root)
    assert len(_leaders_blank(sheet)) == 1
    assert check(sheet, "blank-columns")["count"] == 1


def test_four_blank_items_and_an_empty_leaders_column_are_five(gk, icat):
    icat.write("gongkai.yaml", BASE_AGENCY + SITE)
    for n in range(4):
        write_item(icat, f"SHJZ-3{n:02d}", f"空栏目{n}")
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "blank-columns")
    assert (entry["count"], entry["status"], code) == (5, "fail", 1)


def test_leaders_in_gongkai_yaml_or_an_item_of_their_own_fill_the_column(gk, icat):
    _, sheet = inspect(gk, icat.root)  # icat has 领导
    assert _leaders_blank(sheet) == []
    icat.write("gongkai.yaml", BASE_AGENCY + SITE)
    icat.write("items/shjz/SHJZ-060.yaml", LEADER_ITEM)
    write_record(icat, "R2026-060", "SHJZ-060", "2026-11-02", title="测试县民政局领导信息")
    _, sheet = inspect(gk, icat.root)
    assert _leaders_blank(sheet) == []
    assert check(sheet, "blank-columns")["count"] == 0


# ---------------------------------------------------------------------------------------------------- 指南

def test_without_a_review_body_the_guide_names_the_government_the_2023_law_names(gk, cat, tmp_path):
    cat.write("gongkai.yaml", AGENCY.replace("  复议机关: 测试县人民政府\n", ""))
    guide = (site(gk, cat, tmp_path) / "zhinan/index.html").read_text(encoding="utf-8")
    assert "向本级人民政府申请行政复议（《中华人民共和国行政复议法》第二十条、第二十四条）" in guide
    assert "上一级行政机关或者本级人民政府申请" not in guide


# ---------------------------------------------------------------------------------------------------- 法定主动公开内容

def _law_catalog(cat, mode: str) -> None:
    cat.item(ITEM.replace("编号: SHJZ-001\n", "编号: SHJZ-001\n法定类别: 规范性文件\n").replace("公开方式: 主动", f"公开方式: {mode}"))
    (cat.root / "records/2026/R2026-001.yaml").unlink()


def test_an_on_request_item_marked_with_a_law_category_is_gk907_and_not_listed_as_proactive(gk, cat, tmp_path):
    _law_catalog(cat, "依申请")
    found = [(d["path"], d["line"], d["column"]) for d in _diagnostics(gk, cat.root) if d["code"] == "GK907"]
    assert found == [("items/shjz/SHJZ-001.yaml", 2, 7)]
    law = (site(gk, cat, tmp_path) / "fdzdgknr/index.html").read_text(encoding="utf-8")
    assert "SHJZ-001" not in law and "规范性文件" not in law


def test_a_proactive_item_with_a_law_category_is_listed_and_no_gk907(gk, cat, tmp_path):
    _law_catalog(cat, "主动")
    assert [d for d in _diagnostics(gk, cat.root) if d["code"] == "GK907"] == []
    law = (site(gk, cat, tmp_path) / "fdzdgknr/index.html").read_text(encoding="utf-8")
    assert '<h2 id="c3">规范性文件</h2>' in law and 'href="../items/SHJZ-001.html"' in law


def _diagnostics(gk, root: Path) -> list[dict]:
    run = gk("validate", root, "--format", "json", "--no-cache")
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["diagnostics"]


# ---------------------------------------------------------------------------------------------------- 服务不实用

TABLE_GUIDE = """\
| 项目 | 内容 |
|---|---|
| 事项名称 | 最低生活保障审核确认 |
| 设定依据 | 《社会救助暂行办法》（国务院令第649号） |
| 申请条件 | 户籍和家庭收入、财产符合规定 |
| 办理材料 | 申请书；身份证或户口簿；家庭经济状况核对授权书 |
| 办理地点 | 各乡镇便民服务中心民政窗口 |
| 办理时间 | 工作日上午8:00—12:00，下午14:30—17:30 |
| 联系电话 | 0595-23000000 |
| 办理流程 | 申请—受理—调查核对—审核确认—公示—发放 |"""
ACROSS_GUIDE = """\
| 事项名称 | 设定依据 | 申请条件 | 办理材料 | 办理地点 | 办理时间 | 联系电话 | 办理流程 |
|:---|:---:|---|---|---|---|---|---:|
| 最低生活保障审核确认 | 《社会救助暂行办法》 | 收入低于标准 | 申请书 | 乡镇便民服务中心 | 工作日 | 0595-23000000 | 申请—审核—公示 |"""


def _guide(gk, icat, body: str) -> tuple[int, dict]:
    write_item(icat, "SHJZ-006", "办事指南")
    write_record(icat, "R2026-008", "SHJZ-006", "2026-11-02", kind="办事指南", title="测试县低保办事指南", body=body)
    return inspect(gk, icat.root)


@pytest.mark.parametrize("body", [TABLE_GUIDE, ACROSS_GUIDE])
def test_a_guide_laid_out_as_a_table_shows_its_elements(gk, icat, body):
    code, sheet = _guide(gk, icat, body)
    assert (check(sheet, "service")["status"], check(sheet, "guides")["points"], code) == ("pass", 0, 0)


def test_a_table_guide_with_four_cells_empty_or_saying_nothing_fails(gk, icat):
    body = (TABLE_GUIDE.replace("《社会救助暂行办法》（国务院令第649号）", "").replace("申请书；身份证或户口簿；家庭经济状况核对授权书", "无")
            .replace("0595-23000000", "—").replace("申请—受理—调查核对—审核确认—公示—发放", " "))
    code, sheet = _guide(gk, icat, body)
    service = check(sheet, "service")
    assert (service["status"], code) == ("fail", 1)
    assert [e["text"] for e in service["evidence"]] == ["「测试县低保办事指南」缺少4类要素：设定依据、办理材料、联系电话、办理流程"]


# ---------------------------------------------------------------------------------------------------- 空白说明 with a day

def _rules(cat) -> None:
    """A 政府信息公开制度 and a 年报 on the web: without them those columns are blank too (inspect counts them)."""
    write_record(cat, "R2026-051", None, "2026-03-02", kind="制度", title="测试县民政局政府信息公开保密审查制度")
    cat.write("records/2026/R2026-900.yaml", ANNUAL)


def _noted(cat, note: str) -> None:
    cat.item(ITEM + f"空白说明: {note}\n")
    (cat.root / "records/2026/R2026-001.yaml").unlink()
    _rules(cat)


@pytest.mark.parametrize("note, day", [
    ("本事项按季度公开，下次公开时间为2026年11月26日前。", "2026年11月26日前"),
    ("本事项按季度公开，下次公开时间为２０２６年１１月２６日前。", "2026年11月26日前"),
    ("预计2026年10月底前公开。", "2026年10月31日前"),
    ("将于2026-10-31公开本年度资金分配结果。", "2026年10月31日前"),
])
def test_a_blank_note_whose_promised_day_has_passed_explains_nothing(gk, cat, note, day):
    _noted(cat, note)  # today is 2026-11-27
    found = [d for d in _diagnostics(gk, cat.root) if d["code"] == "GK902"]
    assert [(d["path"], d["line"], d["column"]) for d in found] == [("items/shjz/SHJZ-001.yaml", 17, 7)]
    assert f"空白说明中写的公开时间（{day}）已过" in found[0]["message"]
    _, sheet = inspect(gk, cat.root)
    assert [e["id"] for e in check(sheet, "blank-columns")["evidence"]] == ["SHJZ-001"]


@pytest.mark.parametrize("note", [
    "本事项按季度公开，下次公开时间为2026年11月27日前。",  # the day itself: still in time
    "预计2026年11月底前公开。",
    "自2020年1月1日起本机关未产生此类信息。",  # a date since when, no promise
])
def test_a_blank_note_with_a_day_not_yet_passed_or_no_promise_explains(gk, cat, note):
    _noted(cat, note)
    assert [d for d in _diagnostics(gk, cat.root) if d["code"] == "GK902"] == []
    _, sheet = inspect(gk, cat.root)
    assert check(sheet, "blank-columns")["count"] == 0


# ---------------------------------------------------------------------------------------------------- 年报

def test_the_annual_report_deduction_cites_the_article_that_sets_31_january(gk, icat):
    # 《政府信息公开条例》第四十九条: 每年1月31日前…公布上一年度政府信息公开工作年度报告 (第五十条 is what it contains)
    _, sheet = inspect(gk, icat.root)
    source = check(sheet, "annual-report")["source"]
    assert source.startswith("《政府信息公开条例》第四十九条") and "第五十条" not in source


def test_gk901_cites_the_article_on_the_guide(gk):
    # 《政府信息公开条例》（2019）第十二条 says what a 指南 holds; 第二十二条 is about widening 主动公开 content
    run = gk("rule", "GK901")
    assert run.code == 0
    assert "第十二条：政府信息公开指南包括" in run.out and "第二十二条" not in run.out


# ---------------------------------------------------------------------------------------------------- 五公开

def test_a_five_disclosures_page_with_no_item_says_so_instead_of_an_empty_table(gk, cat, tmp_path):
    out = site(gk, cat, tmp_path)  # the one item is 结果公开
    empty = (out / "five/juece/index.html").read_text(encoding="utf-8")
    assert "本机关政务公开事项标准目录中没有列为「决策公开」的事项。" in empty and "<table" not in empty
    full = (out / "five/jieguo/index.html").read_text(encoding="utf-8")
    assert '<table class="dir">' in full and 'href="../../items/SHJZ-001.html"' in full
    assert "没有列为" not in full


# ---------------------------------------------------------------------------------------------------- 定期公开的栏目

@pytest.mark.parametrize("published, overdue", [
    (["2026-05-20"], False),  # the column began in 2026: the year 2025 (the last one ended) owed nothing
    (["2024-05-20", "2026-05-20"], True),  # it was kept in 2024 and skipped 2025
    (["2025-12-31"], False),
])
def test_a_yearly_column_is_judged_from_its_first_record(gk, icat, published, overdue):
    write_item(icat, "SHJZ-003", "年度统计", kind="基本信息", deadline="每年")
    for n, day in enumerate(published):
        write_record(icat, f"R2026-00{n + 4}", "SHJZ-003", day)
    _, sheet = inspect(gk, icat.root)
    entry = check(sheet, "overdue-columns")
    assert ("SHJZ-003" in [e["id"] for e in entry["evidence"]]) is overdue
    if overdue:
        assert "2025年没有公开信息" in entry["evidence"][0]["text"]


def test_a_township_blank_note_whose_promised_month_has_passed_is_named_at_the_note(gk, cat):
    town = ('  - 编号: mzb-102\n    名称: 湖头镇民政办\n    类型: 乡镇民政办\n    区划代码: "350524102"\n'
            "    空白说明: 预计2026年10月底前公开本镇临时救助情况。\n")
    cat.write("gongkai.yaml", AGENCY.replace("移交:", town + "移交:", 1))
    _rules(cat)
    found = [d for d in _diagnostics(gk, cat.root) if d["code"] == "GK902"]
    assert [(d["path"], d["line"], d["column"]) for d in found] == [("gongkai.yaml", 20, 5)]
    assert "（2026年10月31日前）已过" in found[0]["message"] and "改写「空白说明」" in found[0]["hint"]
    _, sheet = inspect(gk, cat.root)
    assert [e["id"] for e in check(sheet, "blank-columns")["evidence"]] == ["mzb-102"]


# ---------------------------------------------------------------------------------------------------- 政府信息公开制度

def _rules_evidence(sheet: dict) -> list[str]:
    return [e["text"] for e in check(sheet, "blank-columns")["evidence"] if e["text"].startswith("政府信息公开制度")]


def test_an_empty_rules_column_is_a_blank_column(gk, icat, tmp_path):
    """61号文 names the column 政府信息公开制度; with no 制度 on the web the site says only 「正在整理」, which the
    inspection counts as a blank column (lead, twenty-first session: left alone by the pass, now counted)."""
    (icat.root / "records/2026/R2026-051.yaml").unlink()
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", "2026-11-27").code in (0, 1)
    assert "正在整理" in (site / "zhidu" / "index.html").read_text(encoding="utf-8")
    _, sheet = inspect(gk, icat.root)
    found = _rules_evidence(sheet)
    assert len(found) == 1 and "文种: 制度" in found[0]


def test_a_rules_record_not_on_the_web_leaves_the_column_blank(gk, icat):
    rules = icat.root / "records/2026/R2026-051.yaml"
    rules.write_text(rules.read_text(encoding="utf-8").replace("公开属性: 主动公开", "公开属性: 依申请公开"), encoding="utf-8")
    _, sheet = inspect(gk, icat.root)
    assert len(_rules_evidence(sheet)) == 1


def test_a_rules_record_on_the_web_fills_the_column(gk, icat):
    _, sheet = inspect(gk, icat.root)
    assert _rules_evidence(sheet) == []
