"""Thirty-eighth hostile pass, the reviewer's: cases this session's changes got wrong, tried through the real CLI.

Expected values are typed by hand.

Found by this pass:
1. `new record -i` / `new item -i` asked again for a 责任单位 or 事项 typed wrong (this session), but not for a choice
   (文种, 公开属性, 不予公开理由, 领域, 五公开, 公开对象, 公开方式, 公开渠道, 公开层级) nor a date (成文日期, 保密审查日期):
   「同知」 for 通知, 「公开」 for 主动公开 or 「2026-13-01」 were refused after the last question — 「错误：--formed：日期不存在」,
   naming an option the clerk never typed — exit 2, nothing written, every answer to type again. Now each answer is
   read as the file would read it (an alias, full-width, 繁體 is taken and written in its standard name) and one that
   is none of the choices, or no date, is said at once and asked again; the answers before it are kept.
2. A mobile written for a caller from abroad (「+86 138 5901 2345」) in a 名单's 联系电话 column: this session's reading
   of +86 landlines took 138 for an area code — validate reported the cell twice, once as 「未遮盖的电话号码
   「013*****2345」」, a number the file does not hold, and `gongkai mask` wrote 「013*****2345」 into the table in
   place of the mobile. Now (privacy.detect.landline_digits) +86 and a mobile is the mobile, masked 138****2345; a
   landline so written (+86-595-2345 6789) is still the landline.
"""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest

from conftest import RECORD, CatalogDir, Run

Gk = Callable[..., Run]
TODAY = "2026-11-07"


# 1. `new -i`: a choice or a date typed wrong is asked again, not refused after every answer -------------------------


def _answer(monkeypatch: pytest.MonkeyPatch, *answers: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(answers) + "\n"))


def test_a_kind_attribute_or_date_typed_wrong_is_asked_again(gk: Gk, cat: CatalogDir,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: every question answered, then 「错误：--formed：日期不存在：2026-13-01」, exit 2, nothing written."""
    _answer(monkeypatch, "关于调整低保标准的通知", "同知", "通知", "shjzg", "", "公开", "主动", "2026-13-01",
            "2026-11-02", "张三", "2026-11-31", "2026-11-02")
    run = gk("new", "record", "-C", cat.root, "-i", "--today", TODAY)
    assert run.code == 0, run.out
    assert "「同知」不是可选的文种（可选：规范性文件、政策文件、" in run.err
    assert "「公开」不是可选的公开属性（可选：主动公开、依申请公开、不予公开）" in run.err
    assert "成文日期：日期不存在：2026-13-01（一年只有12个月）" in run.err
    assert "保密审查日期：日期不存在：2026-11-31" in run.err
    assert "--formed" not in run.err and run.err.count("请重新输入。") == 4
    text = (cat.root / "records/2026/R2026-002.yaml").read_text(encoding="utf-8")
    for line in ("题名: 关于调整低保标准的通知\n", "文种: 通知\n", "公开属性: 主动公开\n", "成文日期: 2026-11-02\n",
                 "  审查人: 张三\n", "  审查日期: 2026-11-02\n"):
        assert line in text


def test_a_ground_typed_wrong_is_asked_again_and_an_alias_is_taken(gk: Gk, cat: CatalogDir,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    _answer(monkeypatch, "关于内部会议安排的通知", "通知", "shjzg", "", "不予公开", "2026-11-02", "内部", "内部事务")
    run = gk("new", "record", "-C", cat.root, "-i", "--today", TODAY)
    assert run.code == 0, run.err
    assert "「内部」不是可选的不予公开理由（可选：" in run.err and run.err.count("请重新输入。") == 1
    text = (cat.root / "records/2026/R2026-002.yaml").read_text(encoding="utf-8")
    assert "不予公开理由: 内部事务信息\n" in text  # 「内部事务」 is its alias, written in the standard name


def test_new_item_asks_again_for_a_domain_a_channel_or_a_level(gk: Gk, cat: CatalogDir,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: 「领域「社会救主」不在 gongkai.yaml 中」 after the last of thirteen questions; 「政府网页」 in 公开渠道 the same.
    One board's name written with 「、」 between its parts is one channel, as the file reads it."""
    _answer(monkeypatch, "社会救主", "社会救助", "服务公开", "临时救助", "审批信息", "救助对象、救助金额", "", "", "",
            "政府网页、两微一端", "社区、企事业单位、村公示栏（电子屏）", "", "", "镇级", "县级", "shjzg")
    run = gk("new", "item", "-C", cat.root, "-i", "--today", TODAY)
    assert run.code == 0, run.err
    assert "「社会救主」不是可选的领域（可选：社会救助）" in run.err
    assert "「政府网页」不是可选的公开渠道（可选：政府网站、" in run.err
    assert "「镇级」不是可选的公开层级（可选：县级、乡级）" in run.err
    assert run.err.count("请重新输入。") == 3
    text = (cat.root / "items/shjz/SHJZ-002.yaml").read_text(encoding="utf-8")
    assert "一级事项: 临时救助\n" in text and "公开渠道:\n  - 社区/企事业单位/村公示栏（电子屏）\n公开对象" in text, text


# 2. A mobile written with +86 is a mobile, never a landline 「013…」 --------------------------------------------------


def _gk6(run: Run) -> list[str]:
    return [line.strip() for line in run.out.splitlines() if " GK60" in line and "错误" in line]


def test_a_mobile_written_for_abroad_in_a_list_is_one_mobile(gk: Gk, cat: CatalogDir) -> None:
    """Before: each cell two errors, the second 「未遮盖的电话号码「013*****2345」」."""
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", "  | 姓名 | 村（社区） | 联系电话 |\n  |---|---|---|\n"
                                                        "  | 陈水生 | 经兜村 | +86 138 5901 2345 |\n"
                                                        "  | 林阿妹 | 郭埔村 | +86-595-2345 6789 |\n"))
    run = gk("validate", cat.root)
    assert _gk6(run) == [
        "20:1 错误 GK602 正文表格第1行第3列（联系电话）有未遮盖的手机号码「138****2345」（已遮盖显示）［R2026-001］",
        "21:1 错误 GK602 正文表格第3行有未遮盖的电话号码「0595****6789」（已遮盖显示）［R2026-001］"], run.out


def test_a_home_phone_label_before_a_mobile_written_for_abroad(gk: Gk, cat: CatalogDir) -> None:
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", "  经核实，申请人家庭电话：+86 138 5901 2345。\n"))
    run = gk("validate", cat.root)
    assert _gk6(run) == ["18:1 错误 GK602 正文第1行有未遮盖的手机号码「138****2345」（已遮盖显示）［R2026-001］"], run.out


def test_mask_keeps_a_mobile_written_for_abroad_a_mobile(gk: Gk, cat: CatalogDir) -> None:
    """Before: 「陈水生,经兜村,013*****2345」 — a number nobody has, in place of his."""
    csv = cat.write("files/2026/mingdan.csv", "姓名,村（社区）,联系电话\n陈水生,经兜村,+86 138 5901 2345\n"
                                              "林阿妹,郭埔村,+86-595-2345 6789\n")
    run = gk("mask", csv)
    assert run.code == 0, run.err
    assert csv.read_text(encoding="utf-8") == ("姓名,村（社区）,联系电话\n陈水生,经兜村,+86 138****2345\n"
                                               "林阿妹,郭埔村,0595****6789\n")
