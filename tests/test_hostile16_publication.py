"""Sixteenth hostile pass, over publication (DOMAIN.md §12): where and while a record may be published. Each test runs
the real CLI on a small catalog in tmp_path; the expected days and words are typed by hand from DOMAIN.md and the
2026 holiday notice, not computed by the code under test.
"""

from __future__ import annotations

import json
from functools import partial

import pytest

from conftest import ITEM, RECORD, text_pdf
from test_publication import everything, site_on
from test_reports import _record, _rows

# A 公示 of 低保 (its item lists people) with its list as a PDF, running from 2026-09-03 to 2026-11-20.
LIST_PDF = "files/2026/list.pdf"
NOTICE = RECORD.replace("公示截止: 2026-12-31", "公示截止: 2026-11-20").replace(
    "页数: 1", f"页数: 1\n附件:\n  - 名称: 名单\n    文件: {LIST_PDF}")
# A second item whose content is no list of people, and a 通知 of it.
POLICY_ITEM = (ITEM.replace("编号: SHJZ-001", "编号: SHJZ-002").replace("一级事项: 最低生活保障", "一级事项: 临时救助")
               .replace("  - 低保对象名单及相关信息", "  - 临时救助政策文件"))
TITLE = "测试县民政局关于发放临时救助金的通知"
LETTER = (RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002").replace("〔2026〕1号", "〔2026〕2号")
          .replace("文种: 公示", "文种: 通知").replace("事项: SHJZ-001", "事项: SHJZ-002")
          .replace("公示截止: 2026-12-31\n", "").replace("测试县民政局关于2026年第三季度低保对象名单的公示", TITLE))


# 1. A 通知 that links the list of a running 公示. Found by the sixteenth pass: a list of people is never indexed during
# its period (noindex, nofollow; out of the sitemap, the feed and the search index), but a 通知 of another item
# attaching the same file — by its path, or a copy under another name — was an ordinary page: in the sitemap and the
# feed, indexed, its link to the list followed by every search engine, so the names were findable by search during the
# period (DOMAIN §12); the portal export did not mark it as a list either. After the period the 通知 was already held
# back; during it, it is now a list of people too, shown until the 公示's last day.
@pytest.mark.parametrize("copy", [LIST_PDF, "files/2026/mingxi.pdf"], ids=["same-path", "copy-of-the-file"])
def test_a_record_linking_the_list_of_a_running_notice_is_never_indexed(gk, cat, tmp_path, copy, monkeypatch):
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.record(NOTICE)
    cat.write(LIST_PDF, text_pdf("ChenJinshui 3 Jingdou"))
    cat.write(copy, text_pdf("ChenJinshui 3 Jingdou"))
    cat.record(LETTER.replace("页数: 1", f"页数: 1\n附件:\n  - 名称: 明细\n    文件: {copy}"), "records/2026/R2026-002.yaml")
    site = site_on(gk, cat, tmp_path / "site", "2026-11-10")
    page = (site / "records/R2026-002.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    for listing in ("sitemap.xml", "feed.xml"):
        assert "R2026-002" not in (site / listing).read_text(encoding="utf-8"), listing
    assert "临时救助金" not in everything(site / "search")
    # the portal marks a list by its 公示截止 (noindex there too): the 通知 shows the list until the 公示's last day
    out = tmp_path / "portal"
    # the export is made on that day (an export for a past day that sends a list ended since is refused: hostile20)
    monkeypatch.setenv("GONGKAI_TODAY", "2026-11-10")
    assert gk("export", "portal", cat.root, "--out", out, "--today", "2026-11-10").code == 0
    monkeypatch.setenv("GONGKAI_TODAY", "2026-11-27")
    entries = {e["编号"]: e for e in json.loads((out / "portal.json").read_text(encoding="utf-8"))["信息"]}
    assert entries["R2026-002"]["公示截止"] == "2026-11-20"
    fresh = site_on(gk, cat, tmp_path / "later", "2026-11-21")  # the 公示 ended on 2026-11-20: the 通知 is held back
    assert not (fresh / "records/R2026-002.html").exists() and not (fresh / copy).exists()


# (twentieth session) …and a 通知 whose 正文 links the list's file (no attachment), however the link is written.
@pytest.mark.parametrize("link", ["[名单](../files/2026/list.pdf)", "<../files/2026/list.pdf>",
                                  "[名单](https://www.anxi.gov.cn/mzj/gkml/files/2026/list.pdf?v=1#page=2)",
                                  '<a href="../files/2026/%6Cist.pdf">名单</a>', "[明细](../files/2026/mingxi.pdf)"])
def test_a_record_whose_body_links_a_running_list_is_never_indexed(gk, cat, tmp_path, link):
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.record(NOTICE)
    cat.write(LIST_PDF, text_pdf("ChenJinshui 3 Jingdou"))
    cat.write("files/2026/mingxi.pdf", text_pdf("ChenJinshui 3 Jingdou"))  # a copy of the list under another name
    cat.record(LETTER.replace("经审核，现将名单予以公示。", f"名单见{link}。"), "records/2026/R2026-002.yaml")
    site = site_on(gk, cat, tmp_path / "site", "2026-11-10")
    assert '<meta name="robots" content="noindex, nofollow">' in (site / "records/R2026-002.html").read_text("utf-8")
    for listing in ("sitemap.xml", "feed.xml"):
        assert "R2026-002" not in (site / listing).read_text(encoding="utf-8"), listing
    assert "临时救助金" not in everything(site / "search")


def test_a_record_sharing_no_list_stays_indexed(gk, cat, tmp_path):
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.record(NOTICE)
    cat.write(LIST_PDF, text_pdf("ChenJinshui 3 Jingdou"))
    cat.write("files/2026/form.pdf", text_pdf("Application form"))
    cat.record(LETTER.replace("页数: 1", "页数: 1\n附件:\n  - 名称: 申请表\n    文件: files/2026/form.pdf")
               .replace("经审核，现将名单予以公示。", "申请表见[这里](../files/2026/form.pdf)，政策见[链接](https://www.gov.cn/a.pdf)。"),
               "records/2026/R2026-002.yaml")
    site = site_on(gk, cat, tmp_path / "site", "2026-11-10")
    assert "noindex" not in (site / "records/R2026-002.html").read_text(encoding="utf-8")
    assert "R2026-002" in (site / "sitemap.xml").read_text(encoding="utf-8")


# 2. 公示期 as people write it. Found by the sixteenth pass: 「公示期: 7个工作日」 (the words of every 公开时限: 「公示7个工作日」)
# and 「公示期: ７」 typed in full-width mode were refused as 「应为整数」 with the hint 「请检查「公示期」的值」, which says
# nothing of what to write (dates typed the same ways are read); 「公示期: 7天」, 「1个月」 got the same words, though
# 公示期 counts working days only and a period in calendar days or months has to be written as its last day.
# 2026-09-03 (Thu) + 7 working days: 3, 4, 7, 8, 9, 10, 11 September — the last day is 2026-09-11.
WITH_NAMES = RECORD.replace("经审核，现将名单予以公示。\n", "经审核，现将名单予以公示。\n\n"
                            "  | 姓名 | 所在村 |\n  | --- | --- |\n  | 陈金水 | 经兜村 |\n")


@pytest.mark.parametrize("days", ["7个工作日", "７", "7 个工作日", "7工作日", "“7”"])
def test_a_period_written_in_working_days_is_read(gk, cat, tmp_path, days):
    cat.record(WITH_NAMES.replace("公示截止: 2026-12-31", f"公示期: {days}"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 0, run.out
    assert "陈金水" in (site_on(gk, cat, tmp_path / "last", "2026-09-11") / "records/R2026-001.html").read_text("utf-8")
    after = site_on(gk, cat, tmp_path / "after", "2026-09-12")
    assert "公示已于2026年9月11日结束" in (after / "records/R2026-001.html").read_text("utf-8")
    assert "陈金水" not in everything(after)


@pytest.mark.parametrize("days", ["7天", "15日", "1个月", "2周", "1年", "10个自然日"])
def test_a_period_in_days_months_or_years_says_to_write_its_last_day(gk, cat, tmp_path, days):
    cat.record(WITH_NAMES.replace("公示截止: 2026-12-31", f"公示期: {days}"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1
    assert f"15:6 错误 GK103 「公示期」按工作日计，「{days}」不是工作日数" in run.out, run.out
    assert "只写工作日数，如「公示期: 7」" in run.out and "「公示截止: YYYY-MM-DD」" in run.out
    assert "陈金水" not in everything(site_on(gk, cat, tmp_path / "site", "2026-09-04"))


# 3. The annual report's 规范性文件 by 有效性. Found by the sixteenth pass: table 二 (本年废止件数, 现行有效件数) read only the
# old 「废止日期」; a 规范性文件 recorded the way validate asks since issue 12 (「有效性: 废止」 or 「失效」 with 「有效性日期」)
# was never counted as repealed and stayed 现行有效 in the report while the site labelled it 【废止】. Now the report
# judges 有效性 on 31 December as the site does on its day: 废止 and 失效 dated in the year are 本年废止 and not 现行有效;
# one lapsing in a later year is still 现行有效.
def test_the_annual_report_counts_documents_by_their_validity_at_the_year_end(gk, cat, tmp_path):
    normative = partial(_record, kind="规范性文件")
    cat.record(normative(10, formed="2026-03-02", published="2026-03-05", extra="有效性: 有效\n"),
               "records/2026/R2026-010.yaml")  # issued in 2026, in force
    cat.record(normative(11, formed="2024-03-01", published="2024-03-05",
                         extra="有效性: 废止\n有效性日期: 2026-06-30\n"), "records/2024/R2026-011.yaml")  # repealed
    cat.record(normative(12, formed="2025-03-03", published="2025-03-05",
                         extra="有效性: 失效\n有效性日期: 2026-12-31\n"), "records/2025/R2026-012.yaml")  # lapsed on 31 Dec
    cat.record(normative(13, formed="2025-04-01", published="2025-04-03",
                         extra="有效性: 失效\n有效性日期: 2027-01-01\n"), "records/2025/R2026-013.yaml")  # in force in 2026
    out = tmp_path / "annual.xlsx"
    run = gk("report", "annual", cat.root, "--year", "2026", "-f", "xlsx", "-o", out)
    assert run.code == 0, run.err
    assert _rows(out, "表二 主动公开")[2] == ["行政规范性文件", 1, 2, 2]


# 4. A 公示截止 before the 公开日期. Found by the sixteenth pass: 「公示截止: 2026-08-30」 for a 公示 published on
# 2026-09-03 (9 written as 8) made the page published on 3 September say 「公示已于2026年8月30日结束」 — ended before it
# began, a 严重表述错误 (国办秘函〔2019〕19号) — and validate said nothing for any item but 低保, where GK412 spoke of
# 「0个工作日」. Now validate reports the slip at the line of 公示截止 (GK419), and until it is put right the list is
# never shown (as before) and the page says the 公示 ended on its 公开日期, never before it.
@pytest.mark.parametrize("item", [ITEM, POLICY_ITEM.replace("SHJZ-002", "SHJZ-001")], ids=["dibao", "other-item"])
def test_a_notice_ending_before_its_publication_is_reported_and_never_said_to_end_before_it(gk, cat, tmp_path, item):
    cat.item(item)
    cat.record(WITH_NAMES.replace("公示截止: 2026-12-31", "公示截止: 2026-08-30"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1
    assert "15:7 错误 GK419 公示截止 2026-08-30 早于公开日期 2026-09-03" in run.out, run.out
    assert "GK412" not in run.out
    for today in ("2026-09-03", "2026-09-04"):
        site = site_on(gk, cat, tmp_path / today, today)
        assert "陈金水" not in everything(site) and "8月30日" not in everything(site)
        assert "公示已于2026年9月3日结束" in (site / "records/R2026-001.html").read_text("utf-8")


# 5. 公开渠道 as clerks write it. Found by the sixteenth pass: the spreadsheet import read 「门户网站」「村务公开栏」「微信公众号」
# (headers.yaml) and the YAML loader read only the aliases of vocab.py, so the same words typed in Notepad were GK104
# errors; so were 「政府 网站」 with a space, 「社区／企事业单位／村公示栏（电子屏）」 with a full-width slash and 「村公示欄」 in
# traditional characters. An item that fails to load takes its records with it: a 公示 meant for the 村公示栏 was printed
# nowhere. Now every vocabulary value is compared without spaces, with one spelling of brackets and slashes and in
# simplified characters, and the YAML loader knows every spelling the import knows (GK105 says which name it stands for).
@pytest.mark.parametrize(("item_channels", "record_channels"), [
    ("[门户网站, 村务公开栏]", "[村务公开栏]"),
    ("[政府 网站, 社区／企事业单位／村公示栏（电子屏）]", "[村公示欄]"),
    ("[政府網站, 公示栏]", "[ 社区/企事业单位/村公示栏(电子屏）]"),
], ids=["import-spellings", "space-and-slash", "traditional"])
def test_channels_spelled_as_clerks_write_them_keep_a_board_notice_off_the_web(gk, cat, tmp_path, item_channels,
                                                                                record_channels):
    cat.item(ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]", f"公开渠道: {item_channels}"))
    cat.record(WITH_NAMES.replace("页数: 1", f"页数: 1\n公开渠道: {record_channels}"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 0, run.out
    assert "GK105" in run.out and "GK104" not in run.out
    assert "R2026-001" not in everything(site_on(gk, cat, tmp_path / "site", "2026-11-27"))
    out = tmp_path / "print"
    printed = gk("print", cat.root, "--from", "2026-09-01", "--to", "2026-09-30", "--out", out)  # today: 2026-11-27
    assert printed.code == 0, printed.err
    assert "陈金水" in (out / "shjzg/R2026-001.html").read_text(encoding="utf-8")


# 6. The 公示 period an item's 公开时限 promises. Found by the sixteenth pass: GK412 knew one minimum, matched on the item's
# name containing 「最低生活保障」; an item whose 公开时限 says 「…，公示7个工作日」 (临时救助对象, 特困人员, or 低保 under
# the name 「城乡低保」) took a 「公示期: 3」 without a word, and the list came down after three working days — against
# the period the reviewed directory promises the public. Now the item's own 公示 period is the minimum where the law's
# table has none, in working days or in days as it says. 2026-09-03 (Thu): 3 working days end on 2026-09-07;
# 7 working days on 2026-09-11; 7 days on 2026-09-09.
TEMPORARY = (ITEM.replace("一级事项: 最低生活保障", "一级事项: 城乡低保").replace("二级事项: 审批信息", "二级事项: 审核信息")
             .replace("公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 制定或获取信息之日起10个工作日内，公示{period}"))


@pytest.mark.parametrize(("period", "written", "message"), [
    ("7个工作日", "公示期: 3", "公示期只有3个工作日，少于规定的7个工作日（事项 SHJZ-001 的公开时限「制定或获取信息之日起10个工作日内，公示7个工作日」）"),
    ("7个工作日", "公示截止: 2026-09-10", "公示期只有6个工作日，少于规定的7个工作日"),
    ("7天", "公示截止: 2026-09-08", "公示期只有6天，少于规定的7天（事项 SHJZ-001 的公开时限「制定或获取信息之日起10个工作日内，公示7天」）"),
])
def test_a_notice_shorter_than_its_items_period_is_reported(gk, cat, period, written, message):
    cat.item(TEMPORARY.format(period=period))
    cat.record(RECORD.replace("公示截止: 2026-12-31", written))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1
    assert f"错误 GK412 {message}" in run.out, run.out


@pytest.mark.parametrize(("period", "written"), [("7个工作日", "公示期: 7"), ("7个工作日", "公示截止: 2026-09-11"),
                                                 ("7天", "公示截止: 2026-09-09")])
def test_a_notice_as_long_as_its_items_period_passes(gk, cat, period, written):
    cat.item(TEMPORARY.format(period=period))
    cat.record(RECORD.replace("公示截止: 2026-12-31", written))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert "GK412" not in run.out and run.code == 0, run.out


# 7. The board and the 公众号 after a shared list comes down. Found by the sixteenth pass: a 通知 posted on the 公示栏 (and
# in the 公众号) with the list of a 公示 attached is held back from the day after the 公示 ends, or from the day a record
# whose file it shares is withdrawn — but gongkai print and gongkai wechat listed only the 公示 and the withdrawn
# record to take down, so the 通知 and the list stapled to it stayed on the board. Now they are listed too, from the
# same day and saying why. The 公示 ends on 2026-11-20: down from 2026-11-21.
@pytest.mark.parametrize(("command", "channels"), [("print", "社区/企事业单位/村公示栏（电子屏）"), ("wechat", "两微一端")])
def test_a_record_sharing_a_list_that_came_down_is_listed_to_take_down(gk, cat, tmp_path, command, channels):
    cat.item(POLICY_ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
                                 "公开渠道: [政府网站, 两微一端, 社区/企事业单位/村公示栏（电子屏）]"), "items/shjz/SHJZ-002.yaml")
    cat.record(NOTICE)
    cat.write(LIST_PDF, text_pdf("ChenJinshui 3 Jingdou"))
    cat.record(LETTER.replace("页数: 1", f"页数: 1\n公开渠道: [{channels}]\n附件:\n  - 名称: 明细\n    文件: {LIST_PDF}"),
               "records/2026/R2026-002.yaml")
    run = gk(command, cat.root, "--from", "2026-09-01", "--to", "2026-11-26", "--out", tmp_path / "out")  # today 11-27
    assert run.code == 0, run.err
    said = [line for line in run.out.splitlines() if TITLE in line]
    assert said and "2026-11-21 起" in said[0], run.out


# 8. A date of a 公示 written as a spreadsheet or a program writes it. Found by the sixteenth pass: 「公示截止: 46358」 (a
# cell copied from Excel as its serial number) and 「公示截止: 2026-12-02T20:00:00Z」 (a timestamp from another system)
# were refused — rightly: the record goes nowhere until the date is read — but only with 「日期格式应为 YYYY-MM-DD」, which
# does not tell the clerk which date the value is. Now the message names it: the serial's day (46358 is 2026-12-02),
# and a timestamp's day in Beijing (20:00 UTC on 2 December is 3 December in Beijing).
@pytest.mark.parametrize(("written", "said"), [
    ("46358", "「46358」像是 Excel 的日期序号，即 2026-12-02：写成 2026-12-02"),
    ("2026-12-02T20:00:00Z", "日期只写年月日，不写时间：北京时间是 2026-12-03，写成 2026-12-03"),
    ("2026-12-02 08:30:00", "日期只写年月日，不写时间：写成 2026-12-02"),
    ("2026-12-02T01:00:00+08:00", "日期只写年月日，不写时间：北京时间是 2026-12-02，写成 2026-12-02"),
])
def test_a_date_written_by_a_spreadsheet_or_a_program_says_which_day_it_is(gk, cat, tmp_path, written, said):
    cat.record(WITH_NAMES.replace("公示截止: 2026-12-31", f"公示截止: {written}"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert run.code == 1
    assert f"15:7 错误 GK106 「公示截止」{said}" in run.out, run.out
    assert "陈金水" not in everything(site_on(gk, cat, tmp_path / "site", "2026-11-27"))
