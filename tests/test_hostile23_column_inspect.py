"""Twenty-third hostile pass over the 政府信息公开 column (issue 13) and `gongkai inspect` (issue 14), as the inspector
who scores the column with the 检查指标 (国办秘函〔2019〕19号) and 国办公开办函〔2019〕61号 in hand.

Found by this pass:
- 互动回应差 passed 「有效咨询渠道」 when every phone of gongkai.yaml said 「见办公室公告」 and the e-mail 「暂未开通」:
  the site shows them as plain text that nobody can call or write to (validate warns GK901), so the column has no
  working channel. Now the item fails, naming each field that leads nowhere at its gongkai.yaml line and column.
- A record whose 公开日期 is before its 成文日期 (a document published before it was written: the signature of a
  backdated 发稿日期; validate's GK404 error does not keep it off the site) was on the web, and inspect gave full
  marks (outside git the item was only 「未检查」). Now it is 伪造发稿日期 evidence, in git or not; 补录 does not
  explain it.
- The 年报 column with 2023's and 2025's reports and none for 2024 (or none for a year that fell due after the
  启用日期) was silent: the deduction judges last year's report only. Now a warning (report-years, no points) names
  each missing year and its due day.
- A 政府信息公开制度 column whose only 制度 was repealed (有效性: 废止, the page listing it as 【废止】) counted as
  filled: the column holds no rule in force. Now it is a blank column (one of the five), naming the record; a rule
  repealed from tomorrow, or 已修改 (in force as amended), still fills it.
- A 空白说明 of 「暂无主动公开的信息」 (the very words issue 13 found on 26 blank pages), 「本栏目暂无信息」 or
  「暂无相关信息」 counted as saying why the column is empty, in inspect and in validate (GK902). Now a note that only
  says nothing is there, in any of these dresses, leaves the column blank; 「本机关本年度未产生此类信息」 still explains.
- 栏目类型 inferred from the name took every 「动态」 for news: 「低保对象动态管理」「救助标准动态调整」「特困人员动态监测」
  were 2-week 动态要闻 columns, five of them a failed site; 「计划生育特殊家庭扶助」 was 人事规划. Now a rule's 排除
  words are taken out of the name first (thresholds.yaml, overridable in inspect.yaml).
- Last year's report registered with 公开渠道 only the 公示栏: the 年报 column on the web is empty and inspect took 5
  points saying 「网站上没有…」 (as if nothing were registered), while validate's GK903 counted the report as
  published and said nothing. Now GK903 counts only a report on the web, and inspect names the registered report,
  its file and what to check.
- With no leader in gongkai.yaml, 法定主动公开内容 → 领导信息 was a heading over nothing (a blank part, not even 「暂无」).
  Now the section says the information is being put together, as the empty 制度 column does; inspect still counts it
  among the blank columns.
- A 2025年度 report with 公开日期 2025-12-31 (before the year it reports on had ended: its 报告年度 or its date is
  wrong) counted as 2025's report published on time. Now it does not count for that year, and the deduction says why.
- `inspect --site` counted an empty file as 「无法下载」 only under files/: a 0-byte 申请表 (zhinan/shenqingbiao.pdf, the
  指南's download) passed, and a 0-byte page passed as a working link. Now an empty document anywhere on the site is
  an attachment that cannot be downloaded (and a missing one too), an empty page a broken link.
- A 空白说明 that gave no reason was reported (GK902 and inspect) as 「也没有空白说明」 at the item's 编号: the clerk,
  looking at the note written there, could not tell what was wrong. Now the message quotes the note, says it gives
  no reason, points at its line, and says to rewrite it; a township's likewise.
- 法定主动公开内容 by the department's duties: with no item marked 机构职能 the part showed only the bureau's address
  and phone (no 职能, no 机构设置), and with none marked 财政预决算 (every department publishes its 预决算, 预算法
  第十四条) the part was simply absent; inspect said nothing. Now a warning (law-categories, no points) names each
  such category (thresholds.yaml 法定类别 → 必有).
- The evidence of stale and blank columns said what was wrong but not how to fix it, and a township's gave
  「gongkai.yaml」 with no line. Now each says what to do, a township's at its line in gongkai.yaml.
"""

from __future__ import annotations

import pytest

from conftest import CatalogDir
from test_inspect import ANNUAL, BASE_AGENCY, LEADERS, SITE, TOWN, check, icat, inspect, write_item, write_record  # noqa: F401


# ---------------------------------------------------------------------------------------------------- 互动回应差: a channel that works

NO_NUMBER = "见办公室公告"


def _agency(org_phone: str, desk_phone: str, desk_email: str) -> str:
    return (BASE_AGENCY.replace("  联系电话: 0595-23000000", f"  联系电话: {org_phone}")
            .replace("  电话: 0595-23000000", f"  电话: {desk_phone}")
            .replace("  电子邮箱: gk@example.gov.cn", f"  电子邮箱: {desk_email}") + LEADERS + SITE)


def test_phones_without_a_number_and_an_email_without_an_address_are_no_consultation_channel(gk, icat):
    icat.write("gongkai.yaml", _agency(NO_NUMBER, NO_NUMBER, "暂未开通"))
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "interaction")
    assert (code, entry["status"], entry["count"], sheet["verdict"]["failed_vetoes"]) == (1, "fail", 1, ["interaction"])
    [evidence] = entry["evidence"]
    assert evidence["path"] == "gongkai.yaml"
    # 机关 → 联系电话 is line 5 of the file, its value at column 9; 依申请公开 → 电话 line 27, 电子邮箱 line 28
    assert "gongkai.yaml:5:9 「机关 → 联系电话」写的「见办公室公告」中没有可以拨打的号码" in evidence["text"]
    assert "gongkai.yaml:27:7 「依申请公开 → 电话」写的「见办公室公告」中没有可以拨打的号码" in evidence["text"]
    assert "gongkai.yaml:28:9 「依申请公开 → 电子邮箱」写的「暂未开通」不是电子邮件地址" in evidence["text"]
    assert "网站上没有有效的咨询渠道；写上区号加号码（如「0595-23222516」）或完整的电子邮箱" in evidence["text"]
    assert sheet["verdict"]["score"] == 100  # a 否决 item: no points


@pytest.mark.parametrize("org_phone, desk_phone, desk_email", [
    ("0595-23000000", NO_NUMBER, "暂未开通"),   # the bureau's own number is enough
    (NO_NUMBER, "12345", "暂未开通"),           # a hotline is a number
    (NO_NUMBER, NO_NUMBER, "民政局 <gk@example.gov.cn>"),  # a named address is an address
])
def test_one_number_or_one_address_is_a_channel(gk, icat, org_phone, desk_phone, desk_email):
    icat.write("gongkai.yaml", _agency(org_phone, desk_phone, desk_email))
    code, sheet = inspect(gk, icat.root)
    assert (code, check(sheet, "interaction")["status"], check(sheet, "interaction")["count"]) == (0, "pass", 0)


# ---------------------------------------------------------------------------------------------------- 发稿日期 before 成文日期

def _dated(cat: CatalogDir, formed: str, extra: str = "") -> None:
    path = cat.root / "records/2026/R2026-050.yaml"  # icat's 通知公告 record, 公开日期 2026-11-02
    path.write_text(path.read_text(encoding="utf-8").replace("成文日期: 2026-11-02", f"成文日期: {formed}") + extra,
                    encoding="utf-8")


def test_a_document_published_before_it_was_written_fails_the_dates_item_outside_git(gk, icat):
    _dated(icat, "2026-11-03")  # written the day after it was published
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "dates")
    assert (code, entry["status"], entry["count"], sheet["verdict"]["failed_vetoes"]) == (1, "fail", 1, ["dates"])
    [evidence] = entry["evidence"]
    assert (evidence["id"], evidence["path"]) == ("R2026-050", "records/2026/R2026-050.yaml")
    assert "公开日期 2026-11-02 早于成文日期 2026-11-03" in evidence["text"]
    assert "改正 records/2026/R2026-050.yaml 中的「公开日期」或「成文日期」" in evidence["text"]
    assert "git 历史" in entry["note"]  # the commit check itself could not be made, and says so


def test_a_late_entry_does_not_explain_a_document_published_before_it_was_written(gk, icat):
    _dated(icat, "2026-11-03", "补录: 2026年11月已在县政府门户网站公开，启用后补登\n")
    code, sheet = inspect(gk, icat.root)
    assert (code, check(sheet, "dates")["status"], check(sheet, "dates")["count"]) == (1, "fail", 1)


def test_written_and_published_on_the_same_day_is_not_evidence(gk, icat):
    _dated(icat, "2026-11-02")
    code, sheet = inspect(gk, icat.root)
    assert (code, check(sheet, "dates")["status"], check(sheet, "dates")["count"]) == (0, "unchecked", 0)


# ---------------------------------------------------------------------------------------------------- 年报 of every year

def _report(cat: CatalogDir, year: int) -> None:
    """The report on *year*, published on 20 January of the next (on time)."""
    rid = f"R{year + 1}-9{year % 100:02d}"
    text = (ANNUAL.replace("R2026-900", rid).replace("2025年", f"{year}年").replace("报告年度: 2025", f"报告年度: {year}")
            .replace("2026-01-", f"{year + 1}-01-").replace("350524-MZ-2026-00900", f"350524-MZ-{year + 1}-009{year % 100:02d}"))
    cat.write(f"records/{year + 1}/{rid}.yaml", text)


def _missing(sheet: dict) -> list[str]:
    return [e["text"] for e in check(sheet, "report-years")["evidence"]]


def test_a_year_missing_between_two_reports_is_named_without_points(gk, icat):
    _report(icat, 2023)  # icat has 2025's; 2024's is missing
    code, sheet = inspect(gk, icat.root)
    assert _missing(sheet) == [
        "网站「政府信息公开年报」栏目中没有2024年度的政府信息公开工作年度报告（应于2025-01-31前公布）：已公布的，登记为"
        "「文种: 年度报告」「报告年度: 2024」的主动公开信息，启用前公布的写「补录」和原因"]
    assert check(sheet, "report-years")["status"] == "fail"
    assert (code, sheet["verdict"]["score"], check(sheet, "annual-report")["points"]) == (0, 100, 0)
    _report(icat, 2024)
    _, sheet = inspect(gk, icat.root)
    assert (_missing(sheet), check(sheet, "report-years")["status"]) == ([], "pass")


@pytest.mark.parametrize("adopted, years", [
    ("2024-01-31", [2023, 2024]),  # 2023's report fell due on the day gongkai was adopted
    ("2024-02-01", [2024]),        # a day later: 2023's was due before, on the old portal
    ("2025-02-01", []),            # adopted after 2024's was due; 2025's is there
])
def test_every_report_due_since_adoption_is_in_the_column(gk, icat, adopted, years):
    icat.write("gongkai.yaml", BASE_AGENCY + LEADERS + SITE + f"启用日期: {adopted}\n")
    code, sheet = inspect(gk, icat.root)
    assert [text[text.index("没有") + 2:text.index("年度的")] for text in _missing(sheet)] == [str(y) for y in years]
    assert (code, sheet["verdict"]["score"]) == (0, 100)


def test_the_missing_year_warning_is_in_the_text_sheet(gk, icat):
    _report(icat, 2023)
    run = gk("inspect", icat.root, "--today", "2026-11-27")
    warnings = run.out[run.out.index("三、提醒"):run.out.index("四、")]
    assert "政府信息公开年报栏目缺少的年度（栏目应有历年的年度报告）：1 项" in warnings
    assert "没有2024年度的政府信息公开工作年度报告" in warnings


# ---------------------------------------------------------------------------------------------------- evidence says how to fix

def test_stale_and_blank_columns_say_how_to_fix_and_a_township_where(gk, icat):
    icat.write("gongkai.yaml", BASE_AGENCY.replace("  - 编号: shjzg", TOWN + "  - 编号: shjzg") + LEADERS + SITE)
    write_item(icat, "SHJZ-070", "审核信息")          # no record, no 空白说明
    write_item(icat, "SHJZ-071", "工作动态")          # 动态要闻: 2 weeks
    write_record(icat, "R2026-071", "SHJZ-071", "2026-11-12")  # 15 days before 2026-11-27
    _, sheet = inspect(gk, icat.root)
    [stale] = check(sheet, "stale-columns")["evidence"]
    assert stale["text"].endswith("最近一次公开 2026-11-12，已15天未更新；在这个栏目公开应公开的新信息"
                                  "（事项的「栏目类型」「公开时限」写错的，改正事项文件）")
    blank = {e["id"]: e["text"] for e in check(sheet, "blank-columns")["evidence"]}
    assert "或在 items/shjz/SHJZ-070.yaml 中写（或更新）「空白说明」说明为什么没有" in blank["SHJZ-070"]
    # the township is the second unit of 单位: its 「- 编号」 on line 13, column 5
    assert "在 gongkai.yaml:13:5 这个单位下写（或更新）「空白说明」" in blank["mzb-102"]


# ---------------------------------------------------------------------------------------------------- 制度 current

def _rules_validity(cat: CatalogDir, validity: str, since: str) -> None:
    path = cat.root / "records/2026/R2026-051.yaml"  # icat's only 制度, published 2026-03-02
    path.write_text(path.read_text(encoding="utf-8") + f"有效性: {validity}\n有效性日期: {since}\n", encoding="utf-8")


def _rules_blank(sheet: dict) -> list[dict]:
    return [e for e in check(sheet, "blank-columns")["evidence"] if e["text"].startswith("政府信息公开制度")]


@pytest.mark.parametrize("validity", ["废止", "失效"])
def test_a_rules_column_whose_every_rule_has_lapsed_is_blank(gk, icat, validity):
    _rules_validity(icat, validity, "2026-11-27")  # out of force from today
    _, sheet = inspect(gk, icat.root)
    [blank] = _rules_blank(sheet)
    assert (blank["id"], blank["path"]) == ("R2026-051", "records/2026/R2026-051.yaml")
    assert blank["text"] == (f"政府信息公开制度：网站上的1项制度都已失效或废止（如「测试县民政局政府信息公开保密审查制度」【{validity}】），"
                             "栏目里没有现行的制度；把本机关现行的政府信息公开制度登记为「文种: 制度」的主动公开信息，或核对这些制度的「有效性」")
    assert check(sheet, "blank-columns")["count"] == 1


@pytest.mark.parametrize("validity, since", [("废止", "2026-11-28"),   # repealed from tomorrow: in force today
                                             ("已修改", "2026-10-01")])  # amended: in force as amended
def test_a_rule_in_force_today_fills_the_rules_column(gk, icat, validity, since):
    _rules_validity(icat, validity, since)
    _, sheet = inspect(gk, icat.root)
    assert (_rules_blank(sheet), check(sheet, "blank-columns")["count"]) == ([], 0)


def test_four_blank_items_and_a_rules_column_of_repealed_rules_fail_the_site(gk, icat):
    _rules_validity(icat, "废止", "2026-06-30")
    for n in range(4):
        write_item(icat, f"SHJZ-3{n:02d}", f"空栏目{n}")
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "blank-columns")
    assert (code, entry["count"], entry["status"], sheet["verdict"]["failed_vetoes"]) == (1, 5, "fail", ["blank-columns"])


# ---------------------------------------------------------------------------------------------------- 「暂无」 dressed up

@pytest.mark.parametrize("note", ["暂无主动公开的信息", "本栏目暂无信息。", "暂无相关信息", "该栏目目前暂无内容", "无此类信息",
                                  "暂无数据"])
def test_a_blank_note_saying_only_that_nothing_is_there_leaves_the_column_blank(gk, icat, note):
    write_item(icat, "SHJZ-070", "审核信息", extra=f"空白说明: {note}\n")
    _, sheet = inspect(gk, icat.root)
    assert ids_blank(sheet) == ["SHJZ-070"]
    run = gk("validate", icat.root, "--today", "2026-11-27")
    assert "GK902" in run.out and "SHJZ-070" in run.out


@pytest.mark.parametrize("note", ["本机关本年度未产生此类信息", "本年度暂无此类信息，有此类信息时自形成之日起20个工作日内公开",
                                  "本县殡葬服务收费标准由县发展和改革局核定公布，本局暂无此类信息。"])
def test_a_blank_note_that_says_why_explains_the_column(gk, icat, note):
    write_item(icat, "SHJZ-070", "审核信息", extra=f"空白说明: {note}\n")
    _, sheet = inspect(gk, icat.root)
    assert ids_blank(sheet) == []


def ids_blank(sheet: dict) -> list[str]:
    return [e["id"] for e in check(sheet, "blank-columns")["evidence"]]


# ---------------------------------------------------------------------------------------------------- 栏目类型 inferred

def test_dynamic_management_is_not_news(gk, icat):
    """Columns named for 动态管理 / 动态调整 / 动态监测 / 动态核查 (how recipients are reviewed), last updated 57 days
    ago: not 动态要闻 (2 weeks), so not stale; a 民政工作动态 column of the same age is."""
    names = ["低保对象动态管理", "救助标准动态调整", "特困人员动态监测", "低保家庭动态核查", "计划生育特殊家庭扶助", "民政工作动态"]
    for n, name in enumerate(names):
        write_item(icat, f"SHJZ-08{n}", name)
        write_record(icat, f"R2026-08{n}", f"SHJZ-08{n}", "2025-10-01" if name.startswith("计划") else "2026-10-01")
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "stale-columns")
    assert (code, entry["count"], [e["id"] for e in entry["evidence"]]) == (0, 1, ["SHJZ-085"])
    # 计划生育 is not 人事规划 either (1 year; its record is 14 months old): a column with no clock
    assert [e["id"] for e in check(sheet, "overdue-columns")["evidence"]] == ["SHJZ-085"]


# ---------------------------------------------------------------------------------------------------- a 年报 kept off the web

BOARD_ONLY = "公开渠道: [社区/企事业单位/村公示栏（电子屏）]\n"


def test_a_report_published_only_on_a_board_is_missing_to_validate_as_to_inspect(gk, icat):
    icat.write("gongkai.yaml", BASE_AGENCY + LEADERS + SITE + "启用日期: 2025-06-01\n")
    icat.write("records/2026/R2026-900.yaml", ANNUAL + BOARD_ONLY)
    run = gk("validate", icat.root, "--today", "2026-11-27")
    assert "GK903 还没有在网站上公开2025年度政府信息公开工作年度报告（应于2026年1月31日前公布）" in run.out
    assert "公开渠道要有「政府网站」" in run.out
    code, sheet = inspect(gk, icat.root)
    [evidence] = check(sheet, "annual-report")["evidence"]
    assert (evidence["id"], evidence["path"]) == ("R2026-900", "records/2026/R2026-900.yaml")
    assert "「测试县民政局2025年政府信息公开工作年度报告」已登记（records/2026/R2026-900.yaml），但今天不在网站上" in evidence["text"]
    assert (code, sheet["verdict"]["score"]) == (0, 95)


def test_the_report_on_the_web_satisfies_validate(gk, icat):
    icat.write("gongkai.yaml", BASE_AGENCY + LEADERS + SITE + "启用日期: 2025-06-01\n")
    run = gk("validate", icat.root, "--today", "2026-11-27")
    assert "GK903" not in run.out


# ---------------------------------------------------------------------------------------------------- an empty 领导信息 on the site

def test_an_empty_leaders_section_says_so_on_the_page_and_is_still_a_blank_column(gk, icat, tmp_path):
    icat.write("gongkai.yaml", BASE_AGENCY + SITE)  # no 领导, no item of that 法定类别
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", "2026-11-27").code == 0
    page = (site / "fdzdgknr/index.html").read_text(encoding="utf-8")
    leaders = page[page.index(">领导信息</h2>"):page.index("</section>", page.index(">领导信息</h2>"))]
    assert "本机关领导信息正在整理，整理完成后在本栏目公开。" in leaders
    _, sheet = inspect(gk, icat.root)
    [blank] = [e["text"] for e in check(sheet, "blank-columns")["evidence"] if "领导信息" in e["text"]]
    assert blank.startswith("法定主动公开内容 → 领导信息：栏目是空的，网站上只写着「正在整理」")


# ---------------------------------------------------------------------------------------------------- a 年报 dated before its year ended

@pytest.mark.parametrize("published, points", [("2025-12-31", 5), ("2026-01-01", 0)])
def test_a_report_published_before_its_year_ended_is_not_that_years_report(gk, icat, published, points):
    icat.write("records/2026/R2026-900.yaml", ANNUAL.replace("公开日期: 2026-01-20", f"公开日期: {published}")
               .replace("2026-01-15", "2025-12-20"))  # 成文日期 and 审查日期 before it
    code, sheet = inspect(gk, icat.root)
    entry = check(sheet, "annual-report")
    assert (code, entry["points"], sheet["verdict"]["score"]) == (0, points, 100 - points)
    if points:
        [evidence] = entry["evidence"]
        assert evidence["text"] == ("「测试县民政局2025年政府信息公开工作年度报告」报告年度 2025，公开日期却是 2025-12-31，在2025年结束之前，"
                                    "不可能是2025年度的报告：核对 records/2026/R2026-900.yaml 中的「报告年度」和「公开日期」")


# ---------------------------------------------------------------------------------------------------- empty files on the site

def test_an_empty_application_form_or_page_on_the_site_is_caught(gk, icat, tmp_path):
    """A site copied to the portal with a 0-byte 申请表 (the 指南's download) and a 0-byte item page: before, only an
    empty file under files/ counted; the form passed as downloadable and the page as a working link."""
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", "2026-11-27").code == 0
    (site / "zhinan/shenqingbiao.pdf").write_bytes(b"")
    (site / "items/SHJZ-050.html").write_bytes(b"")
    code, sheet = inspect(gk, icat.root, "--site", site)
    attachments, links = check(sheet, "attachments"), check(sheet, "links")
    assert [e["text"] for e in attachments["evidence"]] == ["链接「../zhinan/shenqingbiao.pdf」文件为空，无法下载（zhinan/index.html）"]
    [page] = links["evidence"]
    assert "SHJZ-050.html」页面是空的（0字节），打开是一片空白" in page["text"]
    # one point each (每个扣1分), nothing else
    assert (code, attachments["points"], links["points"], sheet["verdict"]["score"]) == (0, 1, 1, 98)


def test_a_blank_note_that_says_nothing_is_named_at_its_line_not_called_missing(gk, icat):
    """Before: 「也没有空白说明」, pointing at 编号 — the clerk looked at the note they had written and saw one."""
    write_item(icat, "SHJZ-070", "审核信息", extra="空白说明: 本栏目暂无信息。\n")
    run = gk("validate", icat.root, "--today", "2026-11-27")
    # write_item's file has 16 lines; the note is line 17, its value at column 7
    assert ("17:7 警告 GK902 事项 SHJZ-070「最低生活保障 / 审核信息」在网站上没有公开信息，"
            "空白说明「本栏目暂无信息。」只说没有信息，没有说明原因") in run.out
    assert "改正：把「空白说明」改写成说明原因的话，如「本机关本年度未产生此类信息」" in run.out
    _, sheet = inspect(gk, icat.root)
    [blank] = [e["text"] for e in check(sheet, "blank-columns")["evidence"]]
    assert blank.startswith("最低生活保障 / 审核信息：网站上没有公开信息，空白说明「本栏目暂无信息。」只说没有信息，没有说明原因；")


@pytest.mark.parametrize("note", ["暂无相关信息", "本乡镇暂无此类信息"])
def test_a_township_note_that_says_nothing_is_named_at_its_line(gk, icat, note):
    town = TOWN + f"    空白说明: {note}\n"
    icat.write("gongkai.yaml", BASE_AGENCY.replace("  - 编号: shjzg", town + "  - 编号: shjzg") + LEADERS + SITE)
    run = gk("validate", icat.root, "--today", "2026-11-27")
    # the township's 空白说明 is line 17 of gongkai.yaml (its 「- 编号」 on 13), the key at column 5
    assert f"17:5 警告 GK902 湖头镇民政办在网站上没有公开信息，空白说明「{note}」只说没有信息，没有说明原因" in run.out
    assert "改正：把这个单位的「空白说明」改写成说明原因的话" in run.out


# ---------------------------------------------------------------------------------------------------- 法定主动公开内容 by duty

LAW_ITEM = """\
编号: JGXX-0{n}
领域: 社会救助
五公开: 管理公开
法定类别: {category}
一级事项: 机关信息
二级事项: {category}
公开内容:
  - {category}
公开依据:
  - 《中华人民共和国政府信息公开条例》
公开时限: 自信息形成或者变更之日起20个工作日内
公开主体: 县级人民政府民政部门
公开渠道: [政府网站]
公开对象: 全社会
公开方式: {mode}
公开层级: [县级]
责任单位: bgs
空白说明: 本事项的信息按年度公开，{category}经批复后20日内在本栏目公开。
"""


def _law_missing(sheet: dict) -> list[str]:
    return [e["text"].split("：")[0] for e in check(sheet, "law-categories")["evidence"]]


def test_the_categories_every_department_publishes_are_named_when_missing_without_points(gk, icat):
    code, sheet = inspect(gk, icat.root)
    assert _law_missing(sheet) == ["法定主动公开内容 → 机构职能", "法定主动公开内容 → 财政预决算"]
    assert (code, sheet["verdict"]["score"], check(sheet, "law-categories")["status"]) == (0, 100, "fail")
    icat.write("items/shjz/JGXX-01.yaml", LAW_ITEM.format(n=1, category="机构职能", mode="主动"))
    icat.write("items/shjz/JGXX-02.yaml", LAW_ITEM.format(n=2, category="财政预决算", mode="依申请"))  # not listed (GK907)
    _, sheet = inspect(gk, icat.root)
    assert _law_missing(sheet) == ["法定主动公开内容 → 财政预决算"]
    icat.write("items/shjz/JGXX-02.yaml", LAW_ITEM.format(n=2, category="财政预决算", mode="主动"))
    code, sheet = inspect(gk, icat.root)
    assert (code, _law_missing(sheet), check(sheet, "law-categories")["status"]) == (0, [], "pass")
