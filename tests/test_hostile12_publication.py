"""Twelfth hostile pass, over publication (DOMAIN.md §12): a record reaches only the channels its item names, and a list
of people is never published past its 公示 period, in any output. Each test runs the real CLI on a small catalog in
tmp_path and reads every file written (.gz and zip members opened, helpers of test_publication), or compares an
update with a fresh build of the same catalog on the same day.
"""

from __future__ import annotations

import json

import pytest

from conftest import ITEM, RECORD, text_pdf
from test_hostile7_gate import holding
from test_publication import everything, files, site_on

STORE = ".gongkai-build.json"

# An item whose content is no list of people, and a 通知 of it with a spreadsheet attached: a list of people only by
# what the spreadsheet holds (the gate reads it: privacy.columns).
POLICY_ITEM = (ITEM.replace("一级事项: 最低生活保障", "一级事项: 临时救助")
               .replace("  - 低保对象名单及相关信息", "  - 临时救助政策文件"))
NOTICE = (RECORD.replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
          .replace("关于2026年第三季度低保对象名单的公示", "关于发放临时救助金的通知")
          .replace("页数: 1", "页数: 1\n附件:\n  - 名称: 明细\n    文件: files/2026/a.csv"))
TITLE = "测试县民政局关于发放临时救助金的通知"


# 1. An attachment that becomes a list of people. Found by the twelfth pass: whether a record lists people is decided by
# the gate from its attachments as well as its own file, but a page's key held the record's file, its state and its
# outputs, not that: after the clerk replaced the 通知's spreadsheet of amounts by one naming the recipients, an update
# re-copied the spreadsheet and left the page as it was — no noindex, and its entry (title, body) in the site search —
# while a fresh build of the same catalog made it a list (noindex, out of search and the sitemap).
def test_an_attachment_that_becomes_a_list_of_people_unindexes_the_page_on_an_update(gk, cat, tmp_path):
    cat.item(POLICY_ITEM)
    cat.record(NOTICE)
    cat.write("files/2026/a.csv", "项目,金额\n临时救助,1000\n")
    site = site_on(gk, cat, tmp_path / "site", "2026-11-27")
    assert "noindex" not in (site / "records/R2026-001.html").read_text(encoding="utf-8")
    assert "records/R2026-001.html" in (site / "sitemap.xml").read_text(encoding="utf-8")
    cat.write("files/2026/a.csv", "姓名,金额\n陈金水,1000\n林美华,800\n")
    site_on(gk, cat, site, "2026-11-27")
    page = (site / "records/R2026-001.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "records/R2026-001.html" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    search = everything(site / "search")
    assert TITLE not in search and "临时救助金" not in search
    assert files(site) == files(site_on(gk, cat, tmp_path / "fresh", "2026-11-27"))


# A 公示 on every channel, its list in the body; the tests pin today at 2026-11-27 (conftest.TODAY).
EVERYWHERE = ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
                          "公开渠道: [政府网站, 两微一端, 社区/企事业单位/村公示栏（电子屏）]")
NAMES = ("陈金水", "林美华")
LISTED = RECORD.replace("经审核，现将名单予以公示。\n", "经审核，现将名单予以公示。\n\n"
                        "  | 姓名 | 保障人数 | 所在村 |\n  | --- | --- | --- |\n"
                        "  | 陈金水 | 3 | 经兜村 |\n  | 林美华 | 2 | 湖头村 |\n")


# 2. The boards and the 公众号 judged on --to. Found by the twelfth pass: gongkai print and gongkai wechat decided what
# stands on the day --to names (the last 公开日期 wanted), not on the day of the run: a clerk printing October's sheets
# in late November (--to 2026-10-31), or making October's articles, got the list of a 公示 that ended on 20 November,
# names and all, and a record withdrawn on 10 November, to post again. Now what stands is decided on today or --to,
# whichever is later, and what ended or was withdrawn by then is listed to take down.
@pytest.mark.parametrize("command", ["print", "wechat"])
@pytest.mark.parametrize(("record", "said"), [
    (LISTED.replace("公示截止: 2026-12-31", "公示截止: 2026-11-20"), "2026-11-21 起，公示已于2026年11月20日结束"),
    (LISTED + "撤回:\n  日期: 2026-11-10\n  原因: 误将未核实的名单公开\n", "2026-11-10 起，撤回：误将未核实的名单公开"),
], ids=["ended-since", "withdrawn-since"])
def test_a_run_for_past_days_leaves_out_what_ended_or_was_withdrawn_since(gk, cat, tmp_path, command, record, said):
    cat.item(EVERYWHERE)
    cat.record(record)
    out = tmp_path / "out"
    run = gk(command, cat.root, "--from", "2026-09-01", "--to", "2026-10-31", "--out", out)
    assert run.code == 0, run.err
    assert holding(out, *NAMES) == []
    assert not [p for p in out.rglob("R2026-001*")]
    assert said in run.out


# 3. The first export to the portal (--since) and a list that ended before it. Found by the twelfth pass: a record
# published before --since was recorded as 已在门户 unless its 公示 ended on or after --since; one that ended before
# was taken to be down already — but a 公示 ends by itself, nobody takes it down (the list on the portal seven months
# after its end is how DOMAIN §12 begins), so the webmaster was never told and the names stayed on the portal for good.
# Now such a record is sent as 更新 with the short notice that replaces the list. (A withdrawal is an act: one made
# before --since was done by hand, and stays unsent.)
def test_the_first_export_sends_the_end_of_a_list_that_ended_before_since(gk, cat, tmp_path):
    cat.record(LISTED.replace("公示截止: 2026-12-31", "公示截止: 2026-11-20"))
    out = tmp_path / "out"
    run = gk("export", "portal", cat.root, "--out", out, "--today", "2026-11-27", "--since", "2026-11-25")
    assert run.code == 0, run.err
    document = json.loads((out / "portal.json").read_text(encoding="utf-8"))
    assert [(e["操作"], e["编号"]) for e in document["信息"]] == [("更新", "R2026-001")]
    assert "公示已于2026年11月20日结束" in json.dumps(document, ensure_ascii=False)
    assert holding(out, *NAMES) == []
    ledger = (cat.root / "portal/2026-11-27.yaml").read_text(encoding="utf-8")
    assert "操作: 更新" in ledger and "已在门户" not in ledger


# 4. A list of people whose item also names an organisation. Found by the twelfth pass: an item's 公开内容 made its
# records lists of people when a line held 名单, 姓名 or 名册 and no word of an organisation or an official anywhere in
# the line, so 「医疗救助对象名单及定点医疗机构」 or 「低保对象名单（含所在单位）」 — a list of people beside an organisation —
# was taken for no list: a 通知 of that item (its list in a scanned PDF gongkai cannot read) got no GK411, stayed in the
# sitemap and site search, and never came down. Now the words are read in the phrase that ends in 名单 (up to the
# nearest 、，；及和与 or bracket): the list is of organisations or officials only when that phrase says so.
@pytest.mark.parametrize(("content", "people"), [
    ("医疗救助对象名单及定点医疗机构", True), ("低保对象名单（含所在单位）", True), ("孤儿名单和福利机构", True),
    ("供养机构、特困人员名单", True), ("集中供养对象花名册及供养单位", True),
    ("年检合格社会组织名单", False), ("养老机构名单及床位数", False), ("领导姓名", False),
    ("活动异常名录和严重违法失信名单", False), ("社会组织负责人名单", False), ("低保政策文件及经办机构", False),
])
def test_a_list_of_people_beside_an_organisation_is_a_list(gk, cat, tmp_path, content, people):
    cat.item(ITEM.replace("低保对象名单及相关信息", content))
    cat.record(RECORD.replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", ""))
    assert ("GK411" in gk("validate", cat.root, "--today", "2026-11-27").out) is people
    page = (site_on(gk, cat, tmp_path / "site", "2026-09-03") / "records/R2026-001.html").read_text("utf-8")
    assert ('<meta name="robots" content="noindex' in page) is people
    later = site_on(gk, cat, tmp_path / "later", "2026-11-27")
    assert ("公示已于2026年9月3日结束" in (later / "records/R2026-001.html").read_text("utf-8")) is people


# 5. A late handover and a record withdrawn since its day. Found by the twelfth pass: a batch run after its day (the
# 20 November batch made on the 27th, as catch-ups are) took what the gate let out on the batch's day, so a record
# withdrawn on the 25th went to the 档案馆 and to the 图书馆 — whose reading room is public — and the next batch then
# had to ask for it back by 公函. Now a new batch leaves out what does not stand on the day it is made (withdrawn, or
# held back since); it travels in a later batch if it is let out again. A recorded batch is still reproduced as sent.
def test_a_late_handover_leaves_out_a_record_withdrawn_since_its_day(gk, cat, tmp_path):
    cat.item(POLICY_ITEM)
    withdrawn = (RECORD.replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
                 .replace("关于2026年第三季度低保对象名单的公示", "关于误发资金明细的通报")
                 .replace("公开日期: 2026-09-03", "公开日期: 2026-11-10")
                 .replace("页数: 1", "页数: 1\n附件:\n  - 名称: 正文\n    文件: files/2026/R2026-001.pdf")
                 + "撤回:\n  日期: 2026-11-25\n  原因: 误将过程性信息公开\n")
    cat.record(withdrawn)
    cat.write("files/2026/R2026-001.pdf", text_pdf("Notice text"))
    kept = (withdrawn.replace("R2026-001", "R2026-002").replace("00001", "00002").replace("测民〔2026〕1号", "测民〔2026〕2号")
            .replace("关于误发资金明细的通报", "关于调整临时救助标准的通知").split("撤回:")[0])
    cat.record(kept, "records/2026/R2026-002.yaml")
    cat.write("files/2026/R2026-002.pdf", text_pdf("Standard text"))
    out = tmp_path / "out"
    run = gk("handover", "-C", cat.root, "--date", "2026-11-20", "--out", out)  # today: 2026-11-27
    assert run.code == 0, run.err
    assert "R2026-002" in run.out and "R2026-001" not in run.out and "误发资金明细" not in run.out
    assert holding(out, "R2026-001", "误发资金明细") == []
    ledger = (cat.root / "handover/2026-11-20.yaml").read_text(encoding="utf-8")
    assert "R2026-002" in ledger and "R2026-001" not in ledger


# 6. A document no longer in force on the boards and the 公众号. Found by the twelfth pass: the site labels a document
# 失效, 废止 or 已修改 where a reader cannot miss it (DOMAIN §12), but the 公示栏 sheet, its 电子屏 page and the 公众号
# article of the same document said nothing: the 2025 standard, lapsed on 1 October, went on the board in November as
# if in force. Now each says 「本文件已失效（2026年10月1日）」 under the title, as the record's page does.
LAPSED = (RECORD.replace("文种: 公示", "文种: 政策文件").replace("公示截止: 2026-12-31\n", "")
          .replace("关于2026年第三季度低保对象名单的公示", "关于2026年城乡低保标准的通知")
          + "有效性: 失效\n有效性日期: 2026-10-01\n")


@pytest.mark.parametrize(("command", "page"), [("print", "shjzg/R2026-001.html"), ("print", "shjzg/R2026-001-screen.html"),
                                               ("wechat", "R2026-001.html")])
def test_a_document_not_in_force_says_so_on_the_board_and_the_account(gk, cat, tmp_path, command, page):
    cat.item(EVERYWHERE.replace("  - 低保对象名单及相关信息", "  - 低保标准"))
    cat.record(LAPSED)
    out = tmp_path / "out"
    run = gk(command, cat.root, "--from", "2026-09-01", "--to", "2026-11-27", "--out", out)
    assert run.code == 0, run.err
    assert "本文件已失效（2026年10月1日）" in (out / page).read_text(encoding="utf-8")
