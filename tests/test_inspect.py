"""gongkai inspect: catalogs that fail each indicator of 国办秘函〔2019〕19号 on its edge, and one that passes all.

Today is 2026-11-27 (a Friday) unless a test says otherwise.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import AGENCY, ITEM, CatalogDir

TODAY = "2026-11-27"
BASE_AGENCY = AGENCY.split("领导:")[0]  # the shared test agency without its leader and site settings
LEADERS = """\
领导:
  - 姓名: 赵崇宏
    职务: 党组书记、局长
  - 姓名: 詹辉儒
    职务: 党组成员、副局长
检查:
  错误表述:
    - 错误: 五保户
      正确: 特困人员
"""
SITE = "网站:\n  基础地址: https://www.example.gov.cn/zwgk/mzj/\n"  # without it there is no sitemap.xml to link to
TOWN = """\
  - 编号: mzb-102
    名称: 湖头镇民政办
    类型: 乡镇民政办
    区划代码: "350524102"
"""
ANNUAL = """\
编号: R2026-900
题名: 测试县民政局2025年政府信息公开工作年度报告
索引号: 350524-MZ-2026-00900
文种: 年度报告
责任单位: bgs
公开属性: 主动公开
保密审查: {审查人: 张三, 审查日期: 2026-01-15, 结论: 同意主动公开}
成文日期: 2026-01-15
公开日期: 2026-01-20
报告年度: 2025
正文: |
  本报告依据《政府信息公开条例》编制。
"""


def write_item(cat: CatalogDir, iid: str, level2: str, kind: str | None = None, extra: str = "",
               deadline: str = "制定或获取信息之日起10个工作日内") -> None:
    text = (ITEM.replace("SHJZ-001", iid).replace("二级事项: 审批信息", f"二级事项: {level2}")
            .replace("  - 低保对象名单及相关信息", "  - 文件名称").replace("制定或获取信息之日起10个工作日内", deadline))
    cat.write(f"items/shjz/{iid}.yaml", text + (f"栏目类型: {kind}\n" if kind else "") + extra)


def write_record(cat: CatalogDir, rid: str, item: str | None, published: str, kind: str = "通知",
                 title: str | None = None, body: str = "正文。", extra: str = "") -> None:
    number = rid.split("-")[1]
    lines = [f"编号: {rid}", f"题名: {title or '测试县民政局关于' + rid + '的通知'}",
             f"索引号: 350524-MZ-2026-{number.zfill(5)}", f"文种: {kind}", "责任单位: shjzg"]
    lines += [f"事项: {item}"] if item else []
    lines += ["公开属性: 主动公开", f"保密审查: {{审查人: 张三, 审查日期: {published}, 结论: 同意主动公开}}",
              f"成文日期: {published}", f"公开日期: {published}", "正文: |"]
    lines += ["  " + line for line in body.splitlines()]
    cat.write(f"records/2026/{rid}.yaml", "\n".join(lines) + "\n" + extra)


@pytest.fixture
def icat(cat: CatalogDir) -> CatalogDir:
    """The minimal catalog plus leaders, a lexicon, a base address and last year's annual report: it passes all."""
    cat.write("gongkai.yaml", BASE_AGENCY + LEADERS + SITE)
    cat.write("records/2026/R2026-900.yaml", ANNUAL)
    write_item(cat, "SHJZ-050", "通知公告")  # not a list of people: bodies and attachments stay on the web
    write_record(cat, "R2026-050", "SHJZ-050", "2026-11-02")
    # 政府信息公开制度 (61号文's column): without one, the site says only 「正在整理」, a blank column
    write_record(cat, "R2026-051", None, "2026-03-02", kind="制度", title="测试县民政局政府信息公开保密审查制度")
    return cat


def inspect(gk, root: Path, *args: str | Path) -> tuple[int, dict]:
    run = gk("inspect", root, "--format", "json", "--today", TODAY, *args)
    assert run.code in (0, 1), run.err
    return run.code, json.loads(run.out)


def check(sheet: dict, key: str) -> dict:
    return next(c for part in ("vetoes", "deductions", "warnings") for c in sheet[part] if c["key"] == key)


def ids(entry: dict) -> list[str | None]:
    return sorted(e["id"] or "" for e in entry["evidence"])


# ── the catalog that passes everything ───────────────────────────────────────────────────────────────────────────


def test_a_clean_catalog_passes_every_indicator_with_full_marks(gk, icat, tmp_path):
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", TODAY).code == 0
    code, sheet = inspect(gk, icat.root, "--site", site)
    assert code == 0
    assert sheet["schema"] == "gongkai.inspect/1"
    assert sheet["verdict"] == {"passed": True, "label": "合格", "score": 100, "full": 100, "pass_mark": 60,
                                "failed_vetoes": []}
    assert [v["status"] for v in sheet["vetoes"] if v["key"] != "dates"] == ["pass"] * 6
    assert check(sheet, "dates")["status"] == "unchecked"  # not in git: said, not guessed
    assert all(d["points"] == 0 and d["status"] == "pass" for d in sheet["deductions"])


def test_text_sheet_is_laid_out_like_the_indicator(gk, icat):
    run = gk("inspect", icat.root, "--today", TODAY)
    assert run.code == 0
    out = run.out
    assert out.index("一、单项否决指标") < out.index("二、扣分指标") < out.index("三、提醒") < out.index("四、政府网站工作年度报表")
    assert "结论：合格（单项否决指标没有不通过的项，1 项未检查；扣分指标得分 100 分（1 项未检查，未计扣分）" in out
    assert "国办秘函〔2019〕19号" in out
    assert "栏目不更新 — 空白栏目" in out and "互动回应差" in out and "服务不实用" in out


# ── 栏目不更新: news within 2 weeks, notices and policies within 6 months ─────────────────────────────────────────


def _news_columns(cat: CatalogDir, count: int, last: str) -> None:
    for n in range(count):
        iid = f"SHJZ-1{n:02d}"
        write_item(cat, iid, f"工作动态{n}")  # 栏目类型 inferred from 「动态」: 动态要闻
        write_record(cat, f"R2026-1{n:02d}", iid, last, kind="工作动态")


@pytest.mark.parametrize("last, stale", [("2026-11-13", 0), ("2026-11-12", 5)])  # 14 days ago: fine; 15: not
def test_news_columns_two_weeks(gk, icat, last, stale):
    _news_columns(icat, 5, last)
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "stale-columns")
    assert entry["count"] == stale
    assert entry["status"] == ("fail" if stale else "pass") and code == (1 if stale else 0)
    if stale:
        assert "stale-columns" in sheet["verdict"]["failed_vetoes"]
        assert "应2周内更新" in entry["evidence"][0]["text"] and entry["evidence"][0]["path"].startswith("items/")


def test_four_stale_columns_do_not_fail_the_site(gk, icat):
    _news_columns(icat, 4, "2026-11-12")
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "stale-columns")
    assert (entry["count"], entry["status"], code) == (4, "pass", 0)


@pytest.mark.parametrize("last, stale", [("2026-05-27", False), ("2026-05-26", True)])  # 6 months before 11-27
def test_notice_and_policy_columns_six_months(gk, icat, last, stale):
    write_item(icat, "SHJZ-002", "政策法规文件")  # inferred: 政策文件
    write_record(icat, "R2026-002", "SHJZ-002", last, kind="政策文件",
                 extra="解读: [R2026-003]\n有效性: 有效\n")
    write_record(icat, "R2026-003", None, last, kind="政策解读")
    _, sheet = inspect(gk, icat.root)
    assert ("SHJZ-002" in ids(check(sheet, "stale-columns"))) is stale
    assert ("SHJZ-002" in ids(check(sheet, "overdue-columns"))) is stale


def test_ten_overdue_columns_fail_the_site_even_when_none_is_news(gk, icat):
    for n in range(10):
        iid = f"SHJZ-2{n:02d}"
        write_item(icat, iid, f"规划{n}", kind="人事规划")  # one year
        write_record(icat, f"R2026-2{n:02d}", iid, "2025-11-26" if n else "2025-11-27")
    code, sheet = inspect(gk, icat.root)
    assert check(sheet, "overdue-columns")["count"] == 9  # 2025-11-27 is exactly a year ago: still in time
    assert code == 0
    write_record(icat, "R2026-200", "SHJZ-200", "2025-11-26")
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "overdue-columns")
    assert (entry["count"], entry["status"], code) == (10, "fail", 1)
    assert check(sheet, "stale-columns")["count"] == 0  # 人事规划 is not one of the 2-week / 6-month kinds


@pytest.mark.parametrize("published, overdue", [("2026-09-30", False), ("2026-10-01", True)])
def test_periodic_columns_run_on_their_own_clock(gk, icat, published, overdue):
    write_item(icat, "SHJZ-003", "季度统计", kind="基本信息", deadline="每季度")
    write_record(icat, "R2026-004", "SHJZ-003", "2026-06-30")
    write_record(icat, "R2026-005", "SHJZ-003", published)  # the third quarter ends on 09-30
    _, sheet = inspect(gk, icat.root)
    entry = check(sheet, "overdue-columns")
    assert ("SHJZ-003" in ids(entry)) is overdue
    if overdue:
        assert "2026年第3季度没有公开信息" in entry["evidence"][0]["text"]


def test_column_kind_written_in_the_item_wins_over_the_name(gk, icat):
    write_item(icat, "SHJZ-004", "工作动态", kind="基本信息")
    write_record(icat, "R2026-006", "SHJZ-004", "2026-01-05")
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "overdue-columns")["count"] == 0


# ── 空白栏目 ─────────────────────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("blank, fails", [(4, False), (5, True)])
def test_blank_columns(gk, icat, blank, fails):
    for n in range(blank):
        write_item(icat, f"SHJZ-3{n:02d}", f"空栏目{n}")
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "blank-columns")
    assert (entry["count"], entry["status"] == "fail", code == 1) == (blank, fails, fails)


def test_a_blank_note_or_another_channel_explains_an_empty_column(gk, icat):
    for n in range(4):
        write_item(icat, f"SHJZ-3{n:02d}", f"空栏目{n}", extra="空白说明: 本年度未产生此类信息。\n")
    write_item(icat, "SHJZ-310", "村级公示", extra="")
    path = icat.root / "items/shjz/SHJZ-310.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("[政府网站, 社区/企事业单位/村公示栏（电子屏）]",
                                                             "[社区/企事业单位/村公示栏（电子屏）]"), encoding="utf-8")
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "blank-columns")["count"] == 0


def test_township_pages_without_records_need_a_blank_note(gk, icat):
    agency = BASE_AGENCY.replace("移交:", TOWN + "移交:", 1) + LEADERS
    icat.write("gongkai.yaml", agency)
    _, sheet = inspect(gk, icat.root)
    assert ids(check(sheet, "blank-columns")) == ["mzb-102"]
    icat.write("gongkai.yaml", agency.replace('区划代码: "350524102"\n',
                                              '区划代码: "350524102"\n    空白说明: 名单在村公示栏公示。\n'))
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "blank-columns")["count"] == 0


def test_what_the_gate_keeps_off_the_web_does_not_fill_a_column(gk, icat):
    write_item(icat, "SHJZ-005", "政策法规文件")
    write_record(icat, "R2026-007", "SHJZ-005", "2026-11-02", kind="通知",
                 extra="撤回: {日期: 2026-11-03, 原因: 误发布}\n")
    _, sheet = inspect(gk, icat.root)
    assert "SHJZ-005" in ids(check(sheet, "blank-columns"))


# ── 互动回应差 ───────────────────────────────────────────────────────────────────────────────────────────────────────


def _message(cat: CatalogDir, mid: str, received: str, replied: str | None = None) -> None:
    text = f"编号: {mid}\n收到日期: {received}\n渠道: 网上留言\n主题: 咨询{mid}\n"
    cat.write(f"consultations/2026/{mid}.yaml", text + (f"答复日期: {replied}\n" if replied else ""))


@pytest.mark.parametrize("received, fails", [("2026-08-27", False), ("2026-08-26", True)])  # 3 months before 11-27
def test_unanswered_for_more_than_three_months(gk, icat, received, fails):
    _message(icat, "ZX-2026-001", received)
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "interaction")
    assert (entry["status"] == "fail", code == 1) == (fails, fails)
    if fails:
        assert ids(entry) == ["ZX-2026-001"] and "至今未答复" in entry["evidence"][0]["text"]


def test_answered_late_within_the_year_counts_and_last_years_does_not(gk, icat):
    _message(icat, "ZX-2026-001", "2026-01-05", "2026-04-06")  # 3 months and a day
    _message(icat, "ZX-2026-002", "2026-01-05", "2026-04-05")  # exactly 3 months
    _message(icat, "ZX-2025-001", "2025-06-01", "2025-10-01")  # late, but answered before the look-back year
    _, sheet = inspect(gk, icat.root)
    assert ids(check(sheet, "interaction")) == ["ZX-2026-001"]


def test_no_consultation_channel_fails(gk, icat):
    text = BASE_AGENCY + LEADERS
    for line in ("  联系电话: 0595-23000000\n", "  电话: 0595-23000000\n", "  电子邮箱: gk@example.gov.cn\n"):
        text = text.replace(line, "")
    icat.write("gongkai.yaml", text)
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "interaction")
    assert entry["status"] == "fail" and code == 1
    assert "咨询渠道" in entry["evidence"][0]["text"] and entry["evidence"][0]["path"] == "gongkai.yaml"


# ── 服务不实用 ───────────────────────────────────────────────────────────────────────────────────────────────────────

GUIDE = """\
**一、办理事项**
最低生活保障审核确认。
**二、设定依据**
《社会救助暂行办法》。
**三、申请条件**
户籍和收入符合规定。
**四、申请材料**
申请书、身份证。
**五、办理流程**
申请—审核—公示。
**六、办理时间、地点**
工作日，乡镇便民服务中心。
**七、咨询电话**
0595-23000000。"""


def test_a_complete_guide_passes(gk, icat):
    write_item(icat, "SHJZ-006", "办事指南")
    write_record(icat, "R2026-008", "SHJZ-006", "2026-11-02", kind="办事指南", title="测试县低保办事指南", body=GUIDE)
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "service")["status"] == "pass" and check(sheet, "guides")["points"] == 0


@pytest.mark.parametrize("cut, missing, fails", [
    (("二、设定依据", "七、咨询电话", "五、办理流程"), 3, False),
    (("二、设定依据", "七、咨询电话", "五、办理流程", "四、申请材料"), 4, True),
])
def test_guides_missing_key_elements(gk, icat, cut, missing, fails):
    body = GUIDE
    for heading in cut:
        body = body.replace(f"**{heading}**", "说明")
    write_item(icat, "SHJZ-006", "办事指南")
    write_record(icat, "R2026-008", "SHJZ-006", "2026-11-02", kind="办事指南", title="测试县低保办事指南", body=body)
    code, sheet = inspect(gk, icat.root)
    assert (check(sheet, "service")["status"] == "fail", code == 1) == (fails, fails)
    guides = check(sheet, "guides")
    assert guides["points"] == 1 and f"缺少{missing}类要素" in guides["evidence"][0]["text"]


def test_element_labels_are_read_from_headings_and_colons_not_sentences():
    from gongkai.inspect.guides import labels

    body = "# 办理流程\n## 3. 受理条件\n（一）办理材料\n地点：县婚姻登记处\n本指南的办理时间以窗口公告为准。\n| 联系电话 | 123 |"
    assert list(labels(body)) == ["办理流程", "受理条件", "办理材料", "地点"]


# ── 伪造发稿日期 outside git ────────────────────────────────────────────────────────────────────────────────────────


def test_outside_git_the_dates_are_not_checked_and_it_says_so(gk, icat):
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "dates")
    assert entry["status"] == "unchecked" and "git" in entry["note"] and code == 0


# ── 严重表述错误 ─────────────────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("text, problem", [
    ("局长赵崇宏、副局长詹辉儒出席会议。", None),
    ("赵崇宏局长詹辉儒副局长出席会议。", None),
    ("赵崇宏副局长出席会议。", "「赵崇宏」的职务是「党组书记、局长」，文中写作「副局长」"),
    ("会议由局长赵崇洪主持。", "「赵崇洪局长」疑似把「赵崇宏」的姓名写错"),
    ("做好五保户的救助工作。", "「五保户」应为「特困人员」"),
])
def test_serious_wording_errors_in_bodies(gk, icat, text, problem):
    write_record(icat, "R2026-009", "SHJZ-050", "2026-11-02", body=text)
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "wording")
    if problem is None:
        assert entry["status"] == "pass" and code == 0
    else:
        assert entry["status"] == "fail" and code == 1
        assert [e["text"] for e in entry["evidence"]] == [f"「测试县民政局关于R2026-009的通知」正文：{problem}"]


def test_an_ended_notice_keeps_its_title_on_the_web_but_not_its_body(gk, icat):
    write_record(icat, "R2026-009", "SHJZ-001", "2026-11-02", kind="公示", body="五保户名单。",
                 title="关于五保户名单的公示")  # a list of people whose 公示 ended: only a short notice stays
    _, sheet = inspect(gk, icat.root)
    assert [e["text"] for e in check(sheet, "wording")["evidence"]] == ["「关于五保户名单的公示」题名：「五保户」应为「特困人员」"]


def test_wording_in_titles(gk, icat):
    write_record(icat, "R2026-009", "SHJZ-050", "2026-11-02", title="关于提高五保户供养标准的通知")
    _, sheet = inspect(gk, icat.root)
    assert "题名：「五保户」应为「特困人员」" in check(sheet, "wording")["evidence"][0]["text"]


# ── 解读, 年报 (扣分) ───────────────────────────────────────────────────────────────────────────────────────────────


def test_policy_and_interpretation_must_link_both_ways(gk, icat):
    write_record(icat, "R2026-010", "SHJZ-050", "2026-11-02", kind="规范性文件", extra="有效性: 有效\n")
    write_record(icat, "R2026-011", None, "2026-11-02", kind="政策解读")
    _, sheet = inspect(gk, icat.root)
    entry = check(sheet, "interpretation")
    assert ids(entry) == ["R2026-010", "R2026-011"] and entry["points"] == 2
    write_record(icat, "R2026-010", "SHJZ-050", "2026-11-02", kind="规范性文件", extra="有效性: 有效\n解读: [R2026-011]\n")
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "interpretation")["points"] == 0


@pytest.mark.parametrize("published, points", [("2026-01-31", 0), ("2026-02-01", 5)])
def test_annual_report_due_on_31_january(gk, icat, published, points):
    icat.write("records/2026/R2026-900.yaml", ANNUAL.replace("公开日期: 2026-01-20", f"公开日期: {published}"))
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "annual-report")
    assert entry["points"] == points and code == 0  # a 扣分 item never fails the site on its own
    assert sheet["verdict"]["score"] == 100 - points


def test_an_annual_report_without_a_report_year_reports_on_the_year_before_it_was_formed(gk, icat):
    icat.write("records/2026/R2026-900.yaml", ANNUAL.replace("报告年度: 2025\n", ""))  # formed 2026-01-15
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "annual-report")["points"] == 0


def test_missing_annual_report_and_the_year_it_is_judged_for(gk, icat):
    (icat.root / "records/2026/R2026-900.yaml").unlink()
    _, sheet = inspect(gk, icat.root)
    assert "2025年" in check(sheet, "annual-report")["evidence"][0]["text"]
    sheet = gk("inspect", icat.root, "--format", "json", "--today", "2026-01-31").json()
    assert check(sheet, "annual-report")["evidence"][0]["text"].startswith("网站上没有2024年")  # 2025's not due yet


# ── 突击更新 and the monitoring profile ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("count, warned", [(2, False), (3, True)])
def test_burst_after_silence_is_a_warning(gk, icat, count, warned):
    write_item(icat, "SHJZ-007", "监督检查", kind="通知公告")
    write_record(icat, "R2026-020", "SHJZ-007", "2026-06-01")
    for n in range(count):
        write_record(icat, f"R2026-02{n + 1}", "SHJZ-007", "2026-08-30")  # 90 days later
    code, sheet = inspect(gk, icat.root)
    assert (check(sheet, "bursts")["count"] == 1) is warned and code == 0


@pytest.mark.parametrize("records, fails", [(3, True), (4, False)])
def test_monitoring_profile_counts_records_per_column(gk, icat, records, fails):
    for n in range(records - 1):  # with R2026-001 of 09-03
        write_record(icat, f"R2026-03{n}", "SHJZ-001", ["2026-11-20", "2026-07-15", "2026-05-01"][n])
    _, sheet = inspect(gk, icat.root, "--monitoring")
    rules = {m["key"]: m for m in sheet["monitoring"]}
    assert ("SHJZ-001" in ids(rules["monitor-count"])) is fails
    assert _without_monitoring(gk, icat)


def _without_monitoring(gk, icat) -> bool:
    _, sheet = inspect(gk, icat.root)
    return sheet["monitoring"] is None


def test_monitoring_gaps_and_silence(gk, icat):
    write_record(icat, "R2026-030", "SHJZ-001", "2026-05-01")  # 125 days before the 公示 of 09-03
    _, sheet = inspect(gk, icat.root, "--monitoring")
    rules = {m["key"]: m for m in sheet["monitoring"]}
    assert "相隔125天" in rules["monitor-gap"]["evidence"][0]["text"]
    assert "距今85天" not in json.dumps(rules["monitor-since"])  # 09-03 → 11-27 is 85 days: within 90
    assert rules["monitor-since"]["count"] == 0


# ── thresholds as data ───────────────────────────────────────────────────────────────────────────────────────────


def test_a_catalog_inspect_yaml_overrides_thresholds(gk, icat):
    _news_columns(icat, 5, "2026-11-12")
    icat.write("inspect.yaml", "栏目更新:\n  未按期更新否决: 6\n")
    code, sheet = inspect(gk, icat.root)
    assert code == 0 and sheet["indicator"]["custom"] is True
    assert check(sheet, "stale-columns")["rule"] == "累计≥6个即单项否决"
    icat.write("inspect.yaml", "栏目更新:\n  周期:\n    动态要闻: 3周\n")
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "stale-columns")["count"] == 0


@pytest.mark.parametrize("text, where", [
    ("栏目更新:\n  周期:\n    动态要闻: 两周\n", "inspect.yaml:3:11"),
    ("栏目更新:\n  未按期更新否决: 多\n", "inspect.yaml:2:12"),
    ("栏目更新: [\n", "inspect.yaml:"),
])
def test_a_wrong_inspect_yaml_is_a_usage_error_with_its_position(gk, icat, text, where):
    icat.write("inspect.yaml", text)
    run = gk("inspect", icat.root, "--today", TODAY)
    assert run.code == 2 and where in run.err and "Traceback" not in run.err


def test_the_shipped_thresholds_cite_the_indicator():
    from importlib import resources

    text = resources.files("gongkai.inspect").joinpath("thresholds.yaml").read_text(encoding="utf-8")
    assert "国办秘函〔2019〕19号" in text and "未按期更新否决: 5" in text and "空白栏目否决: 5" in text


# ── formats and what is written ──────────────────────────────────────────────────────────────────────────────────


def test_xlsx_and_html_carry_every_finding_and_are_deterministic(gk, icat, tmp_path):
    _news_columns(icat, 5, "2026-11-12")
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert gk("inspect", icat.root, "--format", "xlsx", "--out", first, "--today", TODAY).code == 1
    assert gk("inspect", icat.root, "--format", "xlsx", "--out", second, "--today", TODAY).code == 1
    assert first.read_bytes() == second.read_bytes()
    book = load_workbook(io.BytesIO(first.read_bytes()))
    assert book.sheetnames == ["检查结果", "问题明细", "年度报表"]
    details = [row[3] for row in book["问题明细"].iter_rows(min_row=2, values_only=True)]
    assert {f"SHJZ-1{n:02d}" for n in range(5)} <= set(details)
    html = gk("inspect", icat.root, "--format", "html", "--today", TODAY).out
    assert html.startswith("<!doctype html>") and "单项否决指标" in html and "SHJZ-104" in html
    assert '<meta name="robots" content="noindex">' in html


def test_inspect_writes_nothing_into_the_site(gk, icat, tmp_path):
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", TODAY).code == 0
    before = _fingerprint(site)
    assert gk("inspect", icat.root, "--site", site, "--today", TODAY).code == 0
    assert _fingerprint(site) == before


def _fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha1(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


def test_default_xlsx_name_and_missing_site_folder(gk, icat, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run = gk("inspect", icat.root, "--format", "xlsx", "--today", TODAY)
    assert run.code == 0 and (tmp_path / f"inspect-{TODAY}.xlsx").is_file() and "结论：合格" in run.err
    run = gk("inspect", icat.root, "--site", tmp_path / "nosuch", "--today", TODAY)
    assert run.code == 2 and "gongkai build-site" in run.err


# ── the bundled catalog ──────────────────────────────────────────────────────────────────────────────────────────


def test_the_bundled_catalog_passes_every_veto_item(gk, bundled, tmp_path):
    site = tmp_path / "site"
    assert gk("build-site", bundled, "--out", site, "--today", TODAY).code == 0
    code, sheet = inspect(gk, bundled, "--site", site)
    assert code == 0, [(v["key"], v["evidence"][:3]) for v in sheet["vetoes"] if v["status"] == "fail"]
    assert sheet["verdict"]["failed_vetoes"] == []
    assert check(sheet, "blank-columns")["count"] == 0
    assert check(sheet, "links")["points"] == 0 and check(sheet, "attachments")["points"] == 0
    assert check(sheet, "interaction")["note"] is None  # the bundled register is there


# ── 错链/断链 and 附件 (扣分) ─────────────────────────────────────────────────────────────────────────────────────────

BUNDLED_PDF = Path(__file__).resolve().parents[1] / "catalog/files/2026/R2026-004.pdf"
BASE = "https://www.example.gov.cn/zwgk/mzj/"


def _with_attachment(cat: CatalogDir, body: str = "正文。") -> None:
    cat.write("files/2026/R2026-040.pdf", BUNDLED_PDF.read_bytes())
    write_record(cat, "R2026-040", "SHJZ-050", "2026-11-02", body=body,
                 extra="附件:\n  - 文件: files/2026/R2026-040.pdf\n    名称: 附件一\n")


def test_broken_links_and_attachments_in_the_built_site_take_points(gk, icat, tmp_path):
    # (a link to a record that is not on the web is written as words since the thirty-fifth pass: a missing item page)
    _with_attachment(icat, body="详见[另一个事项](../items/SHJZ-099.html)。")
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", TODAY).code == 0
    assert (site / "files/2026/R2026-040.pdf").is_file()
    (site / "files/2026/R2026-040.pdf").write_bytes(b"")
    (site / "items/SHJZ-050.html").unlink()
    code, sheet = inspect(gk, icat.root, "--site", site)
    links = check(sheet, "links")
    texts = [e["text"] for e in links["evidence"]]
    assert any("SHJZ-099.html" in t and "records/R2026-040" in t for t in texts), texts
    assert any("SHJZ-050.html" in t and "个页面" in t for t in texts), texts  # one line for many pages
    assert links["count"] == 2 and links["points"] == 2
    files = check(sheet, "attachments")
    assert files["count"] == 1 and "文件为空" in files["evidence"][0]["text"]
    assert code == 0 and sheet["verdict"]["score"] == 97


def test_without_a_site_links_are_unchecked_and_attachments_checked_in_the_catalog(gk, icat):
    _with_attachment(icat)
    (icat.root / "files/2026/R2026-040.pdf").write_bytes(b"")
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "links")["status"] == "unchecked" and "--site" in check(sheet, "links")["note"]
    # An empty file is not a PDF: the one attachment check (GK609) keeps its record off the web, so nothing shown is empty.
    assert check(sheet, "attachments")["evidence"] == []


def test_a_missing_attachment_keeps_the_record_off_the_web_and_the_sheet_says_so(gk, icat):
    _with_attachment(icat)
    (icat.root / "files/2026/R2026-040.pdf").unlink()
    run = gk("inspect", icat.root, "--today", TODAY)
    assert "因附件不能公开" in run.out and "拦下 1 条信息" in run.out


def test_links_under_the_base_address_are_internal(gk, icat, tmp_path):
    icat.write("gongkai.yaml", BASE_AGENCY + LEADERS + SITE)
    body = (f"[本栏目]({BASE}records/R2026-001.html) [失效]({BASE}items/SHJZ-404.html) "
            "[根路径](/zwgk/mzj/items/SHJZ-001.html) [门户](https://www.example.gov.cn/zwgk/other/) "
            "[民政部](https://www.mca.gov.cn/)")
    write_record(icat, "R2026-041", "SHJZ-050", "2026-11-02", body=body)
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", TODAY).code == 0
    _, sheet = inspect(gk, icat.root, "--site", site)
    assert [e["text"].split("」")[0] for e in check(sheet, "links")["evidence"]] == [f"链接「{BASE}items/SHJZ-404.html"]
    review = " ".join(e["text"] for e in check(sheet, "review-links")["evidence"])
    assert "https://www.mca.gov.cn/" in review and "https://www.example.gov.cn/zwgk/other/" in review
    assert "R2026-001.html" not in review


@pytest.mark.parametrize("page, url, expected", [
    ("records/R1.html", "../items/A.html", ("internal", "items/A.html")),
    ("records/R1.html", "R2.html#top", ("internal", "records/R2.html")),
    ("index.html", "directory/shjz/", ("internal", "directory/shjz/index.html")),
    ("index.html", "#main", ("skip", "#main")),
    ("index.html", "data:,", ("skip", "data:,")),
    ("index.html", "mailto:a@b.cn", ("skip", "mailto:a@b.cn")),
    ("records/R1.html", "../../x.html", ("portal", "../../x.html")),
    ("records/R1.html", "/zwgk/mzj/files/a%20b.pdf", ("internal", "files/a b.pdf")),
    ("records/R1.html", "/other/x.html", ("portal", "/other/x.html")),
    ("records/R1.html", f"{BASE}", ("internal", "index.html")),
    ("records/R1.html", "https://www.example.gov.cn/zwgk/mzj", ("internal", "index.html")),
    ("records/R1.html", "https://other.cn/zwgk/mzj/x.html", ("external", "https://other.cn/zwgk/mzj/x.html")),
])
def test_link_classification_under_a_base_path(page, url, expected):
    from gongkai.inspect.links import Base, classify

    assert classify(page, url, Base.of(BASE)) == expected


def test_without_a_base_address_root_links_are_site_relative():
    from gongkai.inspect.links import Base, classify

    assert classify("records/R1.html", "/items/A.html", Base.of(None)) == ("internal", "items/A.html")
    assert classify("records/R1.html", "../../x.html", Base.of(None)) == ("internal", "../x.html")
