"""Thirty-fourth hostile pass: the inspector's eye. The 政府信息公开 column built from small catalogs and scored by hand
with 国办秘函〔2019〕19号 (DOMAIN.md §11) and 国办公开办函〔2019〕61号 in hand, then compared with `gongkai inspect` in
text, JSON, HTML and xlsx and with the pages the site folder really holds.

Every expected value is typed by hand: the 2026 calendar (2026-11-27 is a Friday; no holiday from 10-08 to the year's
end), the thresholds of README's table (空白栏目 ≥5 否决; 解读 1 point each; 基层监测: 4 records in 12 months, 90 days).

Found by this pass:
1. `inspect --site` on a site folder built on an earlier day said nothing about it when no page was missing: a folder
   built on 2026-11-27 and inspected on 2026-12-03 still held the page of a record withdrawn on 12-01 (published by
   mistake) and a 低保 list whose 公示 ended on 12-02, and the sheet gave the links full marks with no word — the
   webmaster deployed it, and the inspector found a withdrawn document and a list of names past its 公示 on the portal.
   Now the 链接 deduction and the sheet's notes (every format) say the folder is old: the pages of records that are
   off the web today (「R2026-060（已撤回）」), and the day from which it should have been built again (the build's own
   record, 下次变化), with what to do.
2. The headline said 「单项否决指标全部通过」 while an item had not been checked (发稿日期 without git history), and
   「扣分指标得分 100 分」 while the links were not checked (no --site): the line a bureau head signs claimed more than
   was checked. Now 「单项否决指标没有不通过的项，1 项未检查」 and 「（1 项未检查，未计扣分）」, in text, HTML and xlsx.
3. The xlsx 检查结果 wrote the points and the score as text (「1」「99」): =SUM over the 扣分 column gave 0 in Excel and
   WPS, and an item not checked read 「0」 like one that passed. Now numbers (whole points as integers), and an item not
   checked has no points written.
4. A 空白说明 that only says the column is under construction — 「栏目建设中」「本栏目正在建设中，敬请期待！」「待更新」
   「信息整理中」「暂未公开」, the commonest blank column the inspections name (and what the site itself writes on its
   empty 制度 and 领导信息 parts, 「正在整理」, which inspect counts blank) — explained the column to inspect and to
   validate (GK902): five such columns passed 空白栏目. Now each is blank, and GK902 says the note only says the
   column is being built, updated or put together.
5. 基层监测 (--monitoring) skipped a column without records whose 空白说明 promised a day that has passed
   (「下次公开时间为2026年10月10日前」), which 空白栏目 and GK902 already count blank. Now it is 「从未公开」 there too.
6. A 办事指南 published as its attachment (正文 「办事指南全文详见附件。」 and the guide in a PDF or Word file, the way
   most county guides are posted) failed 服务不实用 — a 单项否决 — with 7 of 8 elements 「missing」, and took a point,
   though an inspector opens the attachment and finds the guide whole. gongkai does not read a guide's elements out of
   an attachment (as it leaves a 年报 published only as an attachment unchecked): a guide whose 正文 shows no element
   under a label of its own and that has an attachment is now left out of the count and named in the note of both
   items, to be checked by hand; a 正文 that is the guide is judged as before.
7. `gongkai inspect catalog -o 自查2026.xlsx` (no --format, as one writes a file name) wrote the text sheet into a file
   named .xlsx, which Excel and WPS refuse to open (-o 自查.html the same); `report annual -o 年报.xlsx` wrote Markdown
   there; `report scorecard -o 考核表.xlsx` printed the table on the screen and wrote no file, exit 0. Now without
   --format the extension of --out decides (.xlsx, .html, .json, .md), a --format it contradicts is refused (exit 2,
   saying what to write), and the scorecard refuses a file it cannot write instead of dropping -o.

Planted by hand (each made the test named fail, then reverted): each fix above reverted in turn — the old-folder note
(test_an_old_site_folder_is_named_with_what_must_come_down), the headline
(test_the_headline_says_what_was_not_checked), the xlsx numbers (test_the_workbook_points_add_up_in_a_spreadsheet),
the under-construction notes (test_a_note_saying_the_column_is_under_construction_leaves_it_blank), the monitoring's
promise (test_monitoring_lists_a_column_whose_promised_day_has_passed), the guide left to its attachment
(test_a_guide_written_in_its_attachment_is_left_to_the_reader_not_failed), the format by the extension in inspect
and in report (test_the_sheet_is_written_in_the_format_its_file_is_named, test_the_reports_follow_the_file_name_as_inspect_does).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import CatalogDir
from test_inspect import TODAY, check, icat, inspect, write_item, write_record  # noqa: F401


def _sheet(gk, root: Path, *args: str | Path) -> dict:
    run = gk("inspect", root, "--format", "json", *args)
    assert run.code in (0, 1), run.err
    return json.loads(run.out)


# ------------------------------------------------------------------------------ 1. a site folder older than the day


def test_an_old_site_folder_is_named_with_what_must_come_down(gk, icat, tmp_path):
    # the 低保 list of conftest (SHJZ-001) runs its 公示 to 2026-12-02; a 通知 published 11-20 is withdrawn on 12-01
    icat.record(icat.root.joinpath("records/2026/R2026-001.yaml").read_text(encoding="utf-8")
                .replace("公示截止: 2026-12-31", "公示截止: 2026-12-02"))
    write_record(icat, "R2026-060", "SHJZ-050", "2026-11-20",
                 extra="撤回:\n  日期: 2026-12-01\n  原因: 误将内部工作信息作为主动公开信息发布\n")
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", "2026-11-27").code == 0
    assert (site / "records/R2026-060.html").exists()

    # the Monday after: nothing has changed since the build (the first change is the withdrawal on 12-01)
    fresh = _sheet(gk, icat.root, "--site", site, "--today", "2026-11-30")
    assert check(fresh, "links")["note"] is None
    assert not [n for n in fresh["notes"] if "网站文件夹" in n]

    # Thursday 12-03: the withdrawn record's page and the list past its 公示 are still in the folder
    old = _sheet(gk, icat.root, "--site", site, "--today", "2026-12-03")
    note = check(old, "links")["note"]
    assert note == ("网站文件夹还有今天不应在网站上的 1 条信息的页面（R2026-060（已撤回））；网站是按 2026-11-27 生成的，"
                    "2026-12-01 起就应重新生成（公示期满的名单、撤回的信息、失效的文件在这个文件夹中还是生成时的样子）："
                    "网站不是按今天的目录生成的，链接检查的是旧网站，部署在门户网站上的也是这样。"
                    "先运行 gongkai build-site 重新生成，再部署到门户网站")
    assert note in old["notes"]
    text = gk("inspect", icat.root, "--site", site, "--today", "2026-12-03").out
    assert "注：网站文件夹还有今天不应在网站上的 1 条信息的页面（R2026-060（已撤回））" in text

    # built again for the day: nothing to say
    assert gk("build-site", icat.root, "--out", site, "--today", "2026-12-03").code == 0
    assert not (site / "records/R2026-060.html").exists()
    again = _sheet(gk, icat.root, "--site", site, "--today", "2026-12-03")
    assert check(again, "links")["note"] is None and not [n for n in again["notes"] if "网站文件夹" in n]


# ----------------------------------------------------------------- 2, 3. what was not checked; points that add up


@pytest.fixture
def unchecked(icat: CatalogDir) -> CatalogDir:
    """icat (every indicator passes) plus a 规范性文件 without a 解读: 1 point off. Not in git (发稿日期 未检查), and
    inspected without --site (links 未检查)."""
    write_record(icat, "R2026-070", "SHJZ-050", "2026-11-10", kind="规范性文件", extra="有效性: 有效\n")
    return icat


HEADLINE = ("结论：合格（单项否决指标没有不通过的项，1 项未检查；扣分指标得分 99 分（1 项未检查，未计扣分），"
            "满分 100 分，60 分合格）")


def test_the_headline_says_what_was_not_checked(gk, unchecked, tmp_path):
    run = gk("inspect", unchecked.root, "--today", TODAY)
    assert run.code == 0, run.err
    assert HEADLINE in run.out.splitlines()
    assert "全部通过" not in run.out
    page = tmp_path / "sheet.html"
    assert gk("inspect", unchecked.root, "--today", TODAY, "-f", "html", "-o", page).code == 0
    assert f'<p class="verdict pass">{HEADLINE}</p>' in page.read_text(encoding="utf-8")
    sheet = _sheet(gk, unchecked.root, "--today", TODAY)
    assert [v["key"] for v in sheet["vetoes"] if v["status"] == "unchecked"] == ["dates"]
    assert [d["key"] for d in sheet["deductions"] if d["status"] == "unchecked"] == ["links"]


def test_a_fully_checked_sheet_still_says_all_passed(gk, icat, tmp_path):
    from conftest import git
    git(icat.root.parent, "init", "-q", "-b", "main")
    git(icat.root.parent, "add", "-A")
    git(icat.root.parent, "commit", "-q", "-m", "目录", "--date", "2026-11-02T09:00:00+08:00")
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", TODAY).code == 0
    run = gk("inspect", icat.root, "--site", site, "--today", TODAY)
    assert "结论：合格（单项否决指标全部通过；扣分指标得分 100 分，满分 100 分，60 分合格）" in run.out.splitlines()


def test_the_workbook_points_add_up_in_a_spreadsheet(gk, unchecked, tmp_path):
    book = tmp_path / "sheet.xlsx"
    assert gk("inspect", unchecked.root, "--today", TODAY, "-f", "xlsx", "-o", book).code == 0
    rows = list(load_workbook(io.BytesIO(book.read_bytes()))["检查结果"].iter_rows(min_row=3, values_only=True))
    points = {r[2]: r[6] for r in rows if r[0] == "扣分"}
    assert points == {"链接不可用（错链、断链）": None, "附件无法下载": 0, "政策文件与解读未相互关联": 1,
                      "办事指南要素不全": 0, "政府信息公开工作年度报告未按时公开": 0}
    assert all(isinstance(p, int) for p in points.values() if p is not None)
    (verdict,) = [r for r in rows if r[0] == "结论"]
    assert (verdict[2], verdict[5], verdict[6]) == (HEADLINE, "合格", 99)
    assert 100 - sum(p or 0 for p in points.values()) == verdict[6]


# --------------------------------------------------------------------- 4, 5. a note that says nothing of why


UNDER_WAY = ("栏目建设中", "本栏目正在建设中，敬请期待！", "待更新", "信息整理中", "暂未公开")


def test_a_note_saying_the_column_is_under_construction_leaves_it_blank(gk, icat):
    for n, note in enumerate(UNDER_WAY, 81):
        write_item(icat, f"SHJZ-0{n}", f"事项{n}", extra=f"空白说明: {note}\n")
    write_item(icat, "SHJZ-086", "事项86", extra="空白说明: 本机关本年度未产生此类信息\n")  # a reason: explained
    code, sheet = inspect(gk, icat.root)
    blank = check(sheet, "blank-columns")
    assert (code, blank["status"], blank["count"]) == (1, "fail", 5)
    assert [e["id"] for e in blank["evidence"]] == ["SHJZ-081", "SHJZ-082", "SHJZ-083", "SHJZ-084", "SHJZ-085"]
    assert blank["evidence"][0]["text"].startswith(
        "最低生活保障 / 事项81：网站上没有公开信息，空白说明「栏目建设中」只说栏目在建设、更新或整理中，没有说明为什么没有信息；")
    assert sheet["verdict"]["failed_vetoes"] == ["blank-columns"]
    text = gk("inspect", icat.root, "--today", TODAY).out.splitlines()
    assert "结论：不合格（单项否决 1 项不通过；扣分指标得分 100 分（1 项未检查，未计扣分），满分 100 分，60 分合格）" in text
    assert any(line.endswith("：不通过（5 个）") and "空白栏目" in line for line in text)
    found = json.loads(gk("validate", icat.root, "--format", "json").out)["diagnostics"]
    told = [(d["code"], d["id"], d["line"], d["field"]) for d in found if d["code"] == "GK902"]
    assert told == [("GK902", f"SHJZ-0{n}", 17, "空白说明") for n in range(81, 86)]
    assert next(d["message"] for d in found if d["id"] == "SHJZ-083") == (
        "事项 SHJZ-083「最低生活保障 / 事项83」在网站上没有公开信息，空白说明「待更新」只说栏目在建设、更新或整理中，没有说明为什么没有信息")


def test_monitoring_lists_a_column_whose_promised_day_has_passed(gk, icat):
    write_item(icat, "SHJZ-091", "季度信息", extra="空白说明: 本事项按季度公开，下次公开时间为2026年10月10日前\n")
    write_item(icat, "SHJZ-092", "年度信息", extra="空白说明: 本事项按年度公开，下次公开时间为2027年1月10日前\n")
    _, sheet = inspect(gk, icat.root, "--monitoring")
    since = next(m for m in sheet["monitoring"] if m["key"] == "monitor-since")
    assert [(e["id"], e["text"]) for e in since["evidence"]] == [("SHJZ-091", "最低生活保障 / 季度信息：从未公开")]
    count = next(m for m in sheet["monitoring"] if m["key"] == "monitor-count")
    # SHJZ-001 (09-03) and SHJZ-050 (11-02) have one record each in the 12 months; SHJZ-092 still explains itself
    assert [e["id"] for e in count["evidence"]] == ["SHJZ-001", "SHJZ-050", "SHJZ-091"]


# ----------------------------------------------------------------------- 6. a guide whose elements are in its attachment

BUNDLED_PDF = Path(__file__).resolve().parents[1] / "catalog/files/2026/R2026-004.pdf"
SHORT_GUIDE = "**一、办理事项**\n最低生活保障审核确认。\n**二、办理地点**\n各乡镇便民服务中心。\n"  # 6 of 8 elements missing


def test_a_guide_written_in_its_attachment_is_left_to_the_reader_not_failed(gk, icat):
    write_item(icat, "SHJZ-006", "办事指南")
    icat.write("files/2026/R2026-008.pdf", BUNDLED_PDF.read_bytes())
    attachment = "附件:\n  - 文件: files/2026/R2026-008.pdf\n    名称: 办事指南全文\n"
    write_record(icat, "R2026-008", "SHJZ-006", "2026-11-02", kind="办事指南", title="测试县低保办事指南",
                 body="办事指南全文详见附件。", extra=attachment)
    # a 正文 that is the guide (two elements under their labels) is judged as written, attachment or not
    write_record(icat, "R2026-009", "SHJZ-006", "2026-11-03", kind="办事指南", title="测试县特困供养办事指南",
                 body=SHORT_GUIDE, extra=attachment.replace("R2026-008.pdf", "R2026-009.pdf"))
    icat.write("files/2026/R2026-009.pdf", BUNDLED_PDF.read_bytes())
    code, sheet = inspect(gk, icat.root)
    service, guides = check(sheet, "service"), check(sheet, "guides")
    assert (service["status"], [e["id"] for e in service["evidence"]]) == ("fail", ["R2026-009"])
    assert (guides["points"], [e["id"] for e in guides["evidence"]]) == (1, ["R2026-009"])
    assert guides["evidence"][0]["text"] == "「测试县特困供养办事指南」缺少6类要素：设定依据、申请条件、办理材料、办理时间、联系电话、办理流程"
    note = ("1 个办事指南的正文没有写出要素、写在附件中（R2026-008）：gongkai 不读附件里的要素，这些指南没有计入，"
            "请打开附件逐项核对（或把要素写进正文）")
    assert service["note"] == guides["note"] == note
    # without the second guide, the column passes 服务不实用 and loses no point, and says what to read by hand
    (icat.root / "records/2026/R2026-009.yaml").unlink()
    code, sheet = inspect(gk, icat.root)
    assert (code, check(sheet, "service")["status"], check(sheet, "guides")["points"]) == (0, "pass", 0)
    assert check(sheet, "service")["note"] == note


# ------------------------------------------------------------- 7. the file named by --out is the format it is named


def test_the_sheet_is_written_in_the_format_its_file_is_named(gk, icat, tmp_path):
    book, page = tmp_path / "自查2026.xlsx", tmp_path / "自查2026.html"
    assert gk("inspect", icat.root, "--today", TODAY, "-o", book).code == 0
    assert book.read_bytes()[:2] == b"PK"  # a workbook (a zip), not the text sheet
    assert load_workbook(io.BytesIO(book.read_bytes())).sheetnames == ["检查结果", "问题明细", "年度报表"]
    assert gk("inspect", icat.root, "--today", TODAY, "-o", page).code == 0
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>")
    clash = gk("inspect", icat.root, "--today", TODAY, "-f", "json", "-o", tmp_path / "自查.xlsx")
    assert clash.code == 2 and not (tmp_path / "自查.xlsx").exists()
    assert clash.err.strip() == ("错误：--format json 与 --out「自查.xlsx」的扩展名不符：按 json 写出的文件不能当作 .xlsx 文件打开。"
                                 "去掉 --format（按扩展名写成 xlsx），或把文件名改为「自查.json」")


def test_the_reports_follow_the_file_name_as_inspect_does(gk, icat, tmp_path):
    card, report = tmp_path / "考核表.xlsx", tmp_path / "年报.xlsx"
    assert gk("report", "scorecard", icat.root, "--year", "2026", "-o", card).code == 0
    assert load_workbook(io.BytesIO(card.read_bytes())).sheetnames[0] == "考核表"
    assert gk("report", "annual", icat.root, "--year", "2025", "-o", report).code in (0, 1)
    assert report.read_bytes()[:2] == b"PK"
    # the screen's table is no file: -o was dropped without a word, and the clerk looked for a file never written
    dropped = gk("report", "scorecard", icat.root, "--year", "2026", "-o", tmp_path / "考核表.csv")
    assert dropped.code == 2 and "请把文件名写成「考核表.xlsx」或「考核表.html」" in dropped.err
