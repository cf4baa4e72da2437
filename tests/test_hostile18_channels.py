"""Eighteenth hostile pass, over the channels outside the website (DOMAIN.md §12): the 公示栏 sheets of gongkai print
and the 公众号 articles of gongkai wechat after the catalog changes under what was already posted. Each test runs the
real CLI on a small catalog in tmp_path, twice into the same output folder as a clerk does; what the second run must
say is typed by hand.
"""

from __future__ import annotations

import pytest

from conftest import ITEM, RECORD
from tests.test_handover_recall import LETTER, commit, letter_text, sent  # noqa: F401 (sent: a fixture)

# An item on every channel gongkai produces for, and a 公示 of it published on 2026-09-03, running to 2026-12-31.
EVERYWHERE = ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
                          "公开渠道: [政府网站, 两微一端, 社区/企事业单位/村公示栏（电子屏）]")
TITLE = "测试县民政局关于2026年第三季度低保对象名单的公示"
PAGES = {"print": "shjzg/R2026-001.html", "wechat": "R2026-001.html"}
SAID = {"print": "请从社会救助股的公示栏、查阅点和电子屏撤下：", "wechat": "请在公众号中删除："}


def _posted_in_september(gk, cat, out, command):
    """The clerk's September run: the 公示 is made for its channel."""
    cat.item(EVERYWHERE)
    run = gk(command, cat.root, "--from", "2026-09-01", "--to", "2026-09-30", "--out", out)
    assert run.code == 0 and (out / PAGES[command]).exists(), run.out + run.err


# 1. What was posted, and is carried by no channel of the kind any more. Found by the eighteenth pass: print and wechat
# listed to take down only a 公示 that ended or a record withdrawn; a record posted on the board (or in the 公众号) and
# then taken off that channel — its item's 公开渠道 lost the board, the record was re-judged 不予公开, or its file was
# deleted — was simply not made again, and nothing told the clerk to take down what was up: the board kept a list that
# no longer had any ground. Now the next run into the same folder lists it to take down, from the day of the run
# (today: 2026-11-27), saying why.
CHANGES = {
    "item-channels": lambda cat: cat.item(EVERYWHERE.replace("公开渠道: [政府网站, 两微一端, 社区/企事业单位/村公示栏（电子屏）]",
                                                             "公开渠道: [政府网站]")),
    "record-channels": lambda cat: cat.record(RECORD.replace("页数: 1", "页数: 1\n公开渠道: [政府网站]")),
    "not-public": lambda cat: cat.record(RECORD.replace("公开属性: 主动公开", "公开属性: 依申请公开")),
    "deleted": lambda cat: (cat.root / "records/2026/R2026-001.yaml").unlink(),
}


@pytest.mark.parametrize("command", ["print", "wechat"])
@pytest.mark.parametrize("change", list(CHANGES))
def test_what_was_posted_and_no_longer_goes_there_is_listed_to_take_down(gk, cat, tmp_path, command, change):
    out = tmp_path / "out"
    _posted_in_september(gk, cat, out, command)
    CHANGES[change](cat)
    run = gk(command, cat.root, "--from", "2026-11-01", "--to", "2026-11-30", "--out", out)
    assert run.code == 0, run.err
    said = [line for line in run.out.splitlines() if line.startswith(SAID[command])]
    assert said == [f"{SAID[command]}{TITLE}（2026-11-27 起，已不在这一渠道公开（公开渠道、公开属性或公开审核已改变，"
                    "或信息已从目录中删除））"], run.out
    assert TITLE in (out / "index.html").read_text(encoding="utf-8")
    assert not (out / PAGES[command]).exists()


# 2. The memory survives a run for other days. A run for November (nothing published then) must still remember the
# September 公示 on the board, so that a later change is told: the index lists it as still posted.
@pytest.mark.parametrize("command", ["print", "wechat"])
def test_a_run_for_other_days_keeps_what_is_still_posted(gk, cat, tmp_path, command):
    out = tmp_path / "out"
    _posted_in_september(gk, cat, out, command)
    quiet = gk(command, cat.root, "--from", "2026-11-01", "--to", "2026-11-30", "--out", out)
    assert quiet.code == 0 and SAID[command] not in quiet.out and "内容已修改" not in quiet.out, quiet.out
    assert TITLE in (out / "index.html").read_text(encoding="utf-8")  # listed as still up
    CHANGES["item-channels"](cat)
    run = gk(command, cat.root, "--from", "2026-11-01", "--to", "2026-11-30", "--out", out)
    assert f"{SAID[command]}{TITLE}（2026-11-27 起" in run.out, run.out


# 3. A record edited after it was posted. Found by the eighteenth pass: a 公示 corrected after it went up (a name, an
# amount, its title) was made again only when its 公开日期 fell in the run's days, and even then nothing said that the
# sheet on the board (or the article in the 公众号) was the old one: the wrong list stayed up. Now the next run makes it
# again, whatever its 公开日期, and says to replace the old one.
@pytest.mark.parametrize("command", ["print", "wechat"])
def test_a_record_edited_after_it_was_posted_is_made_again_to_replace_the_old(gk, cat, tmp_path, command):
    out = tmp_path / "out"
    _posted_in_september(gk, cat, out, command)
    corrected = TITLE.replace("名单的公示", "名单（更正）的公示")
    cat.record(RECORD.replace(TITLE, corrected))
    run = gk(command, cat.root, "--from", "2026-11-01", "--to", "2026-11-30", "--out", out)
    assert run.code == 0, run.err
    assert "内容已修改" in run.out and corrected in run.out, run.out
    assert corrected in (out / PAGES[command]).read_text(encoding="utf-8")
    again = gk(command, cat.root, "--from", "2026-11-01", "--to", "2026-11-30", "--out", out)
    assert "内容已修改" not in again.out, again.out  # told once: the new one is what is posted now


# 4. A 公示 moved to another unit after it was posted: the old unit's board still carries it.
def test_a_record_moved_to_another_unit_comes_down_from_the_old_board(gk, cat, tmp_path):
    out = tmp_path / "out"
    _posted_in_september(gk, cat, out, "print")
    cat.record(RECORD.replace("责任单位: shjzg", "责任单位: bgs"))
    run = gk("print", cat.root, "--from", "2026-11-01", "--to", "2026-11-30", "--out", out)
    assert run.code == 0, run.err
    assert f"请从社会救助股的公示栏、查阅点和电子屏撤下：{TITLE}（2026-11-27 起，责任单位已改变，改由新的责任单位张贴）" in run.out
    assert TITLE in (out / "bgs/R2026-001.html").read_text(encoding="utf-8")  # made for the new unit's board


# 5. Nothing changed: nothing to take down or replace (the edge of rules 1 and 3).
@pytest.mark.parametrize("command", ["print", "wechat"])
def test_nothing_changed_says_nothing(gk, cat, tmp_path, command):
    out = tmp_path / "out"
    _posted_in_september(gk, cat, out, command)
    run = gk(command, cat.root, "--from", "2026-09-01", "--to", "2026-09-30", "--out", out)
    assert SAID[command] not in run.out and "内容已修改" not in run.out, run.out


# 6. 依申请公开 and 不予公开 records with channels. Found by the eighteenth pass: 「公开属性: 不予公开」 with
# 「公开渠道: [社区/企事业单位/村公示栏（电子屏）]」 went nowhere (rightly) with no word from validate, so the clerk took it
# for posted; now GK309 says, at the line of 公开渠道, that it is published through no channel.
@pytest.mark.parametrize("attribute", ["依申请公开", "不予公开\n不予公开理由: 个人隐私"])
def test_a_record_not_for_disclosure_with_channels_is_told_it_goes_nowhere(gk, cat, tmp_path, attribute):
    cat.item(EVERYWHERE)
    cat.record(RECORD.replace("公开属性: 主动公开", f"公开属性: {attribute}")
               .replace("正文: |\n  经审核，现将名单予以公示。\n", "")
               .replace("页数: 1", "页数: 1\n公开渠道: [社区/企事业单位/村公示栏（电子屏）]"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    word = attribute.split("\n")[0]
    line = 17 if word == "依申请公开" else 18
    assert (f"{line}:1 警告 GK309 {word}的信息登记了公开渠道「社区/企事业单位/村公示栏（电子屏）」，但它不在任何渠道发布"
            in run.out), run.out
    printed = gk("print", cat.root, "--from", "2026-09-01", "--to", "2026-09-30", "--out", tmp_path / "out")
    assert "已生成 0 张" in printed.out


def test_a_public_record_with_channels_is_not_told_it_goes_nowhere(gk, cat):
    cat.item(EVERYWHERE)
    cat.record(RECORD.replace("页数: 1", "页数: 1\n公开渠道: [社区/企事业单位/村公示栏（电子屏）]"))
    assert "GK309" not in gk("validate", cat.root, "--today", "2026-11-27").out


# 7. A record the 两馆 hold, re-judged not for disclosure. Found by the eighteenth pass: R2026-011 went to the 两馆 on
# 2026-09-07, then the bureau re-judged it 不予公开 (a 过程性信息, 条例 Art. 16); validate said GK508 on the old ledger,
# telling the clerk to 「向两馆撤回」, but the next handover drafted no 撤换公函 — only a withdrawal (撤回) did — and the
# 图书馆's public reading room kept the copy (the 两馆 take one out only on a formal letter, 闽政办函〔2016〕42号). Now the
# next batch's letter asks for it back, dated that batch, once; GK508 is quiet once a ledger's 撤换 names it.
@pytest.mark.parametrize("attribute", ["不予公开\n不予公开理由: 过程性信息", "依申请公开"])
def test_a_record_re_judged_after_it_was_handed_over_is_asked_back_by_letter(gk, cat, sent, tmp_path, attribute):
    path = cat.root / "records/2026/R2026-011.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("公开属性: 主动公开", f"公开属性: {attribute}"),
                    encoding="utf-8")
    commit(sent, "R2026-011 改判")
    word = attribute.split("\n")[0]
    before = gk("validate", cat.root, "--today", "2026-10-08")
    assert f"错误 GK508 台账列出的信息 R2026-011 的公开属性是「{word}」" in before.out, before.out
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-10-08", "-C", cat.root, "--out", out)
    assert run.code == 0, run.err
    assert "撤换公函" in run.out and "350524-MZ-2026-00011" in run.out.split("撤换公函")[1], run.out
    for recipient in ("dag", "tsg"):
        text = letter_text(out / recipient / LETTER)
        assert "350524-MZ-2026-00011" in text and "2026-09-07" in text and "2026-10-08" in text
        assert f"公开属性已改为「{word}」，不应存于馆藏" in text
        assert "350524-MZ-2026-00012" not in text  # still 主动公开: not asked back
    ledger = (cat.root / "handover/2026-10-08.yaml").read_text(encoding="utf-8")
    assert "撤换:\n  - 编号: R2026-011\n" in ledger and "方式: 撤回" in ledger
    commit(sent, "移交台账")
    assert "GK508" not in gk("validate", cat.root, "--today", "2026-10-08").out
    later = gk("handover", "--date", "2026-10-20", "-C", cat.root, "--out", tmp_path / "later")
    assert later.code == 0 and "撤换公函" not in later.out, later.out  # asked once


# …and one re-judged for the personal data in its title is named in the letter with that data masked, as a withdrawn
# record is (35*************123: first 2, last 3 kept, DOMAIN §7).
def test_a_re_judged_record_is_named_masked_in_the_letter(gk, cat, sent, tmp_path):
    path = cat.root / "records/2026/R2026-011.yaml"
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("题名: "))
    path.write_text(text.replace("公开属性: 主动公开", "公开属性: 不予公开\n不予公开理由: 个人隐私")
                    .replace(title, "题名: 关于陈某（440524188001010014）临时救助的通知"), encoding="utf-8")
    commit(sent, "R2026-011 改判")
    out = tmp_path / "o"
    run = gk("handover", "--date", "2026-10-08", "-C", cat.root, "--out", out)
    assert run.code == 0, run.err + run.out
    text = letter_text(out / "tsg" / LETTER)
    assert "关于陈某（44*************014）临时救助的通知" in text and "440524188001010014" not in text


# 8. A lapsed document names the one in force, on the board and in the 公众号. Found by the eighteenth pass: the site says
# 「本文件已失效（2026年10月1日），现行文件为《…》」 (DOMAIN §12: a superseded 标准 must say so where a reader sees it), but
# the 公示栏 sheet, its 电子屏 page and the 公众号 article said only 「本文件已失效（2026年10月1日）」: a reader at the board
# was not told which standard now applies. Now each names it, when the new one is out; one not yet out is not named.
LAPSED = (RECORD.replace("文种: 公示", "文种: 政策文件").replace("公示截止: 2026-12-31\n", "")
          .replace("关于2026年第三季度低保对象名单的公示", "关于2025年城乡低保标准的通知")
          + "有效性: 失效\n有效性日期: 2026-10-01\n被替代: R2026-002\n")
NEW = (RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002").replace("〔2026〕1号", "〔2026〕2号")
       .replace("文种: 公示", "文种: 政策文件").replace("公示截止: 2026-12-31\n", "")
       .replace("关于2026年第三季度低保对象名单的公示", "关于2026年城乡低保标准的通知")
       .replace("公开日期: 2026-09-03", "公开日期: {published}") + "有效性: 有效\n替代: [R2026-001]\n")


@pytest.mark.parametrize(("command", "page"), [("print", "shjzg/R2026-001.html"), ("print", "shjzg/R2026-001-screen.html"),
                                               ("wechat", "R2026-001.html")])
@pytest.mark.parametrize(("published", "named"), [("2026-09-30", True), ("2026-11-28", False)])
def test_a_lapsed_document_names_the_one_in_force_on_the_board_and_the_account(gk, cat, tmp_path, command, page,
                                                                                published, named):
    cat.item(EVERYWHERE.replace("  - 低保对象名单及相关信息", "  - 低保标准"))
    cat.record(LAPSED)
    cat.record(NEW.format(published=published), "records/2026/R2026-002.yaml")
    out = tmp_path / "out"
    run = gk(command, cat.root, "--from", "2026-09-01", "--to", "2026-11-27", "--out", out)  # today 2026-11-27
    assert run.code == 0, run.err
    text = (out / page).read_text(encoding="utf-8")
    assert "本文件已失效（2026年10月1日）" in text
    assert ("本文件已失效（2026年10月1日），现行文件为《测试县民政局关于2026年城乡低保标准的通知》" in text) is named


# 9. Sheets made ahead with --from only. Found by the eighteenth pass: 「gongkai print --from 2026-12-01」 on 27 November
# (the clerk preparing December's sheets) said 「--from 2026-12-01 晚于 --to 2026-11-27」 — a --to nobody wrote; now the
# message says that --to is today when it is not written, and shows a --to to add.
@pytest.mark.parametrize("command", ["print", "wechat"])
def test_from_after_today_without_to_says_where_to_came_from(gk, cat, tmp_path, command):
    run = gk(command, cat.root, "--from", "2026-12-01", "--out", tmp_path / "out")  # today 2026-11-27
    assert run.code == 2
    said = run.out + run.err
    assert "--from 2026-12-01 晚于 --to 2026-11-27（不写 --to 时就是今天）" in said, said
    assert "--from 2026-12-01 --to 2026-12-31" in said and "Traceback" not in said


# 10. A record whose every channel is one its item lacks. Found by the eighteenth pass: 「公开渠道: [两微一端]」 under an item
# listing 政府网站 and the 公示栏 went nowhere at all — not the 公众号 it names, nor the web or the board its item lists —
# and GK410 said only 「不会发布到「两微一端」」, so the clerk believed it was at least on the website. Now GK410 says it
# is published through no channel; one keeping a channel of its item is not told so (the edge).
@pytest.mark.parametrize(("channels", "nowhere"), [("[两微一端]", True), ("[两微一端, 政府网站]", False)])
def test_a_record_whose_channels_are_all_outside_its_item_is_told_it_goes_nowhere(gk, cat, tmp_path, channels, nowhere):
    cat.record(RECORD.replace("页数: 1", f"页数: 1\n公开渠道: {channels}"))
    run = gk("validate", cat.root, "--today", "2026-11-27")
    assert "警告 GK410 公开渠道「两微一端」不在事项 SHJZ-001 的公开渠道中（items/shjz/SHJZ-001.yaml 第12行），不会发布到「两微一端」" in run.out
    assert ("这条信息写的渠道都不在事项中，因此不在任何渠道发布" in run.out) is nowhere, run.out
    wechat = gk("wechat", cat.root, "--from", "2026-09-01", "--to", "2026-09-30", "--out", tmp_path / "w")
    assert "已生成 0 篇" in wechat.out


# 11. A run for one 乡镇 into the folder of a run for all units must not forget the other units' boards: a later run
# for all units still lists what came down there.
TOWN_AGENCY_UNIT = "  - 编号: mzb-102\n    名称: 湖头镇民政办\n    类型: 乡镇民政办\n"


def test_a_run_for_one_town_remembers_the_other_units_boards(gk, cat, tmp_path):
    agency = (cat.root / "gongkai.yaml").read_text(encoding="utf-8")
    cat.write("gongkai.yaml", agency.replace("移交:\n", TOWN_AGENCY_UNIT + "移交:\n", 1))
    out = tmp_path / "out"
    _posted_in_september(gk, cat, out, "print")
    town = gk("print", cat.root, "--town", "mzb-102", "--from", "2026-11-01", "--to", "2026-11-30", "--out", out)
    assert town.code == 0, town.out + town.err
    CHANGES["item-channels"](cat)
    run = gk("print", cat.root, "--from", "2026-11-01", "--to", "2026-11-30", "--out", out)
    assert f"{SAID['print']}{TITLE}（2026-11-27 起" in run.out, run.out


# 12. A wechat run into a print folder (the same index.html name) does not take the board's sheets for articles.
# (fortieth session, h197) It no longer replaces the print folder at all: the board's sheets stay, nothing is written.
def test_a_wechat_run_into_a_print_folder_lists_no_board_sheet(gk, cat, tmp_path):
    out = tmp_path / "out"
    _posted_in_september(gk, cat, out, "print")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    cat.item(ITEM)  # the item loses 两微一端: the board sheet was never an article
    run = gk("wechat", cat.root, "--from", "2026-11-01", "--to", "2026-11-30", "--out", out)
    assert run.code == 2 and SAID["wechat"] not in run.out, run.out
    assert "「index.html」不是这个命令上次生成的" in run.err, run.err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
