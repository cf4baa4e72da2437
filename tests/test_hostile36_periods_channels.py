"""Thirty-sixth hostile pass (h169): the inspector of the publication law — channels and 公示 periods.

Each test runs the real CLI on a small catalog in tmp_path; the expected files, lines, columns and messages are typed
by hand. The record of conftest is a 公示 published 2026-09-03 with 公示截止 2026-12-31 (so still running on 2026-11-27,
the pinned today), of the item SHJZ-001 whose 公开渠道 is the website and the 公示栏.

Found by this pass (before the fix → now):
1. An item whose 公开渠道 the clerk typed as nobody else does (「村民微信群」, a GK104 error) is not read:
   its row left the site's standard directory and its 公示 left the web and the board. build-site said nothing at all of
   the item, and of the 公示 said 「它的「事项」在目录中不存在（GK205）……请改正事项编号」 — the 事项 number was right, and
   the clerk was sent to change it. print and wechat said 「不在目录中，或事项文件有错误没有读入」 without saying which.
   Now every output names the item's file, the line and column of its error and what it is (gongkai.gate.unread), and
   build-site warns that the item's file was not read (its row and its records are on no channel), on every run.
2. 公示期 「7（工作日）」 (as a form's cell is filled in) was GK103, the 公示 on no channel, with a hint to type the
   brackets in half-width (which leaves it wrong); 「7（天）」 was not said to be a period in days. Now the first reads as 7
   working days, the second is the error of 「7天」, and no integer gets the half-width hint unless half-width mends it.
3. A board named by the place it stands in (「村委会公示栏」, 「乡镇政府公示栏」, 「街道办事处公告栏」) was GK104: the item unread,
   its 公示 on no channel. Now it is the standard 公示栏 box (GK105); 「网站公告栏」, 「微信公示栏」 stay GK104.
4. A 公示 of 2026-12-30 whose 正文 says 「公示期：1月5日至1月11日」 was read as January 2026: over before it was published,
   the list on no channel, 「公示已于2026年12月30日结束」 on its first day. Now a start without a year is the nearest one.
5. 公开渠道 copied from the table with its boxes: 「■政府网站」 was GK104 (the item unread, on no channel) and 「□两微一端」
   GK104 with the list of names only. Now a ticked box reads as its channel (GK105); an unticked one says to delete it.
6. 「公示期：12月30日至次年1月8日」 was not read (the next year in words): the names stayed to a longer 公示期. Now read.

Seen and left alone:
- A 公开渠道 with a note (「其他（村微信群）」, 「政府网站（县门户）」) is GK104: the file is not read and now says so
  everywhere; guessing what a note means is not safe for a channel.
"""

from __future__ import annotations

import pytest

from conftest import ITEM, RECORD

CHANNELS = "公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]"
UNREAD = ITEM.replace(CHANNELS, "公开渠道: [政府网站, 村民微信群]")
ITEM_FILE = "items/shjz/SHJZ-001.yaml"
# where 「村民微信群」 stands in UNREAD: line 12, after 「公开渠道: [政府网站, 」 (13 characters)
AT = "第12行第14列，「村民微信群」不是有效的「公开渠道」"


def test_a_record_of_an_unread_item_names_the_item_file_not_a_wrong_number(gk, cat, tmp_path):
    cat.item(UNREAD)
    out = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", out)
    assert run.code == 0, run.err
    said = run.out + run.err
    assert ("警告：R2026-001 没有发布：它的事项 SHJZ-001 的文件 items/shjz/SHJZ-001.yaml 有错误，没有读入，"
            f"不知道从哪些渠道公开（{AT}；请改正这个事项文件，不是信息的「事项」，见 gongkai validate）") in said, said
    assert "在目录中不存在" not in said and "改正事项编号" not in said
    assert not (out / "records/R2026-001.html").exists()
    assert not (out / "items/SHJZ-001.html").exists()


def test_build_site_says_the_item_file_was_not_read_on_every_run(gk, cat, tmp_path):
    cat.item(UNREAD)
    out = tmp_path / "site"
    told = (f"警告：{ITEM_FILE} 没有发布：事项文件有错误，没有读入：这个事项不在网站的标准目录中，它的信息也不在任何渠道公开"
            f"（{AT}；请运行 gongkai validate 改正后重新生成）")
    first = gk("build-site", cat.root, "--out", out)
    assert told in first.out + first.err, first.err
    again = gk("build-site", cat.root, "--out", out)  # nothing changed: the daily log still says it
    assert "网站没有变化" in again.out + again.err and told in again.out + again.err, again.err


@pytest.mark.parametrize("command", ["print", "wechat"])
def test_the_board_and_the_account_name_the_unread_item_file(gk, cat, tmp_path, command):
    cat.item(UNREAD.replace("公开渠道: [政府网站, 村民微信群]", "公开渠道: [政府网站, 两微一端, 村民微信群]"))
    run = gk(command, cat.root, "--out", tmp_path / "out", "--from", "2026-09-01")
    said = run.out + run.err
    assert ("主动公开的信息 R2026-001 没有通过公开审核：它的事项 SHJZ-001 的文件 items/shjz/SHJZ-001.yaml 有错误，没有读入，"
            f"不知道从哪些渠道公开（第12行第20列，「村民微信群」不是有效的「公开渠道」") in said, said


def test_a_record_naming_no_such_item_is_told_to_correct_its_item(gk, cat, tmp_path):
    cat.record(RECORD.replace("事项: SHJZ-001", "事项: SHJZ-009"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    said = run.out + run.err
    assert ("警告：R2026-001 没有发布：它的事项 SHJZ-009 在目录中不存在，不知道从哪些渠道公开"
            "（GK205：请改正「事项」，见 gongkai validate）") in said, said
    assert "items/shjz/SHJZ-001.yaml 没有发布" not in said


# 2. 公示期 as a form's cell is filled in: 「7（工作日）」 was a GK103 error — the file unread, the 公示 on no channel — and
# its hint said 「按 Shift+空格 切换到半角」, which leaves 「7(工作日)」 as wrong as before; so did 「7（天）」 and
# 「7个工作日（4月21日至4月29日）」. Now the unit in brackets reads as written, a unit that is no working day is said to be
# one (write 公示截止), and the half-width hint is given only when half-width makes the value a number.
TABLE = "  | 姓名 | 保障人数 | 所在村（社区） |\n  |---|---|---|\n  | 陈金水 | 3 | 湖二村 |\n"
# Published Thursday 2026-09-24; 9-25..27 (中秋) and 10-1..7 (国庆) are off, Saturday 10-10 is a make-up working day:
# 9-24 (1), 9-28 (2), 9-29 (3), 9-30 (4), 10-8 (5), 10-9 (6), 10-10 (7) — the list is up on 10-10, gone on 10-12.
SEVEN_IN_BRACKETS = (RECORD.replace("公开日期: 2026-09-03", "公开日期: 2026-09-24").replace("2026-09-01", "2026-09-22")
                     .replace("公示截止: 2026-12-31", "公示期: 7（工作日）") + TABLE)


@pytest.mark.parametrize(("today", "shown"), [("2026-10-10", True), ("2026-10-12", False)])
def test_a_period_with_its_unit_in_brackets_counts_working_days_across_the_holidays(gk, cat, tmp_path, today, shown):
    cat.record(SEVEN_IN_BRACKETS)
    assert "GK103" not in gk("validate", cat.root).out
    out = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", out, "--today", today)
    assert run.code == 0, run.err
    page = (out / "records/R2026-001.html").read_text(encoding="utf-8")
    assert ("陈金水" in page) is shown
    if not shown:
        assert "公示已于2026年10月10日结束" in page


@pytest.mark.parametrize(("written", "message"), [
    ("7（天）", "「公示期」按工作日计，「7（天）」不是工作日数"),
    ("7个工作日（9月24日至10月10日）", "「公示期」的类型不对：应为整数，而这里是「7个工作日（9月24日至10月10日）」"),
])
def test_a_period_half_width_cannot_mend_gets_no_half_width_hint(gk, cat, written, message):
    cat.record(SEVEN_IN_BRACKETS.replace("公示期: 7（工作日）", f"公示期: {written}"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert f"错误 GK103 {message}［R2026-001］" in run.out, run.out
    assert "Shift+空格" not in run.out and "只写工作日数，如「公示期: 7」" in run.out


# 3. A board named by the place it stands in — 「村委会公示栏」, 「乡镇政府公示栏」, 「街道办事处公告栏」, 「村（居）委会公开栏」,
# 「村部宣传栏」 — was GK104: the item unread, its 公示 on no channel, not even the board it was written for. Now it is the
# standard 公示栏 box (GK105 names the standard name, fmt writes it); a board of the website or the account is not a place.
@pytest.mark.parametrize("written", ["村委会公示栏", "乡镇政府公示栏", "街道办事处公告栏", "村（居）委会公开栏", "村部宣传栏",
                                     "各村公示栏(电子屏)"])
def test_a_board_named_by_its_place_is_the_board(gk, cat, tmp_path, written):
    cat.item(ITEM.replace(CHANNELS, f"公开渠道: [政府网站, {written}]"))
    checked = gk("validate", cat.root)
    assert (f"提示 GK105 「{written}」是公开渠道的别称，按标准名称「社区/企事业单位/村公示栏（电子屏）」处理［SHJZ-001］"
            in checked.out), checked.out
    run = gk("print", cat.root, "--out", tmp_path / "print", "--from", "2026-09-01")
    assert run.code == 0, run.err
    assert "测试县民政局关于2026年第三季度低保对象名单的公示" in (tmp_path / "print/shjzg/R2026-001.html").read_text("utf-8")


@pytest.mark.parametrize("written", ["网站公告栏", "微信公示栏", "公众号宣传栏"])
def test_a_column_of_the_website_or_the_account_is_not_taken_for_the_board(gk, cat, written):
    cat.item(ITEM.replace(CHANNELS, f"公开渠道: [政府网站, {written}]"))
    assert f"错误 GK104 「{written}」不是有效的「公开渠道」［SHJZ-001］" in gk("validate", cat.root).out


# 4. A 公示 published at the turn of the year whose 正文 gives its period without the year — 「公示期：1月5日至1月11日」 in a
# notice of 2026-12-30 (the period starts after the New Year holiday) — was read as January 2026: over before it was
# published, so the list was never shown on any channel, the page said 「公示已于2026年12月30日结束」 on its first day, and
# GK420 said the 正文 ran 「到 2026-01-11」. Now a start without a year is the one nearest the 公开日期.
NEW_YEAR = (RECORD.replace("2026-09-01", "2026-12-29").replace("公开日期: 2026-09-03", "公开日期: 2026-12-30")
            .replace("公示截止: 2026-12-31", "公示截止: 2027-01-11") + TABLE + "\n  {stated}\n")


@pytest.mark.parametrize("stated", ["公示期：1月5日至1月11日。", "公示时间：1.5-1.11", "自1月5日起至1月11日止进行公示。"])
def test_a_period_without_its_year_in_a_notice_of_late_december_is_the_coming_january(gk, cat, tmp_path, stated):
    cat.record(NEW_YEAR.format(stated=stated))
    assert "GK420" not in gk("validate", cat.root).out
    up = tmp_path / "up"
    assert gk("build-site", cat.root, "--out", up, "--today", "2026-12-30").code == 0
    page = (up / "records/R2026-001.html").read_text(encoding="utf-8")
    assert "陈金水" in page and "2027年1月11日" in page and "已于" not in page
    down = tmp_path / "down"
    assert gk("build-site", cat.root, "--out", down, "--today", "2027-01-12").code == 0
    page = (down / "records/R2026-001.html").read_text(encoding="utf-8")
    assert "陈金水" not in page and "公示已于2027年1月11日结束" in page


def test_a_period_stated_across_the_new_year_in_a_notice_of_january_keeps_its_days(gk, cat):
    # registered on 2027-01-04 for a 公示 that began on 28 December: its 正文 ends on 2027-01-08, a day before 公示截止
    cat.record(NEW_YEAR.replace("公开日期: 2026-12-30", "公开日期: 2027-01-04").replace("2026-12-29", "2027-01-04")
               .format(stated="公示期：12月28日至1月8日。"))
    assert "正文写的是「公示期：12月28日至1月8日」（到 2027-01-08），公示截止是 2027-01-11" in gk("validate", cat.root).out


# 5. 公开渠道 copied from the official table with its boxes: 「■政府网站」 (the ticked box) was GK104 — the item unread, its
# records on no channel — and 「□两微一端」 (a box not ticked) was GK104 with nothing but the list of names. Now a ticked
# box's value is that channel (GK105, fmt writes the name); an unticked one stays an error that says to delete it.
def test_a_channel_copied_with_its_ticked_box_is_that_channel(gk, cat, tmp_path):
    cat.item(ITEM.replace(CHANNELS, "公开渠道: [■政府网站, ■社区/企事业单位/村公示栏（电子屏）]"))
    checked = gk("validate", cat.root)
    assert "提示 GK105 「■政府网站」中的「■」是表格的勾选框，按「政府网站」处理［SHJZ-001］" in checked.out, checked.out
    out = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", out).code == 0
    assert (out / "records/R2026-001.html").is_file() and (out / "items/SHJZ-001.html").is_file()
    assert gk("fmt", cat.root / "items/shjz/SHJZ-001.yaml").code == 0
    assert CHANNELS in (cat.root / "items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")


def test_a_channel_copied_with_its_empty_box_is_told_to_be_deleted(gk, cat):
    cat.item(ITEM.replace(CHANNELS, "公开渠道: [■政府网站, □两微一端]"))
    said = gk("validate", cat.root).out
    assert "12:15 错误 GK104 「□两微一端」不是有效的「公开渠道」［SHJZ-001］" in said, said
    assert "改正：「□」是表格里没有勾选的框：没有勾选的不是这一项的公开渠道，删去这一项（勾选的只写名称，不写「■」）。" in said


# 6. 「公示期：12月30日至次年1月8日」 (the next year said in words) was not read: the list stayed up to a longer 公示期 (here
# 10 working days, to 2027-01-13 on the provisional calendar), days after the public was told it ended.
def test_a_period_ending_in_the_next_year_said_in_words_ends_on_that_day(gk, cat, tmp_path):
    cat.record(NEW_YEAR.replace("公示截止: 2027-01-11", "公示期: 10").format(stated="公示期：12月30日至次年1月8日。"))
    said = gk("validate", cat.root).out
    assert "GK420 正文写的是「公示期：12月30日至次年1月8日」（到 2027-01-08）" in said, said
    out = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", out, "--today", "2027-01-11").code == 0
    page = (out / "records/R2026-001.html").read_text(encoding="utf-8")
    assert "陈金水" not in page and "公示已于2027年1月8日结束" in page
