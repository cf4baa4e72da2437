"""Thirty-seventh hostile pass (h181): the inspector of issue 12 and the person on a 公示 list — where and while a name
may be seen.

Each test runs the real CLI on a small catalog in tmp_path; the expected days, files and messages are typed by hand.
The record of conftest is a 公示 of the item SHJZ-001 (最低生活保障, website and 公示栏).

Found by this pass (before the fix → now):
1. A 公示 whose 正文 tells the public its period as a length — 「公示期为7个工作日」, 「现予公示，为期一周」,
   「进行为期七天的公示」, 「自9月28日起公示7个工作日」 — while its 公示期 field says longer: the length was not read,
   validate said nothing (no GK420) and the names stayed on the web, the board and in search days after the public was
   told the 公示 had ended. Now the length is read (from the 公开日期, or the day the sentence says it starts), GK420
   quotes the sentence and the list comes down after the earlier day; the length of an earlier 公示 (「经公示7个工作日
   无异议」) is not read as this one's.
2. A typo mended in a 公示 after its period had ended: `gongkai diff` (text, markdown for the pull-request comment and
   the 目录调整公告, json) and `gongkai log` printed its 正文 — the table of names — and a 题名 naming the household in
   clear, into CI logs and comments that outlive the 公示. Now the 正文 of a record listing people (a 公示, a record
   declaring a period, a body with a list of people) is said to have changed, never shown, and the names its list
   holds or its title gives are masked (陈*水) in every other value.
3. A 正文 telling the days with 开始 or 截止到 — 「公示期从9月24日开始，到10月10日结束」, 「公示时间自…开始至…结束」,
   「公示期限截止到10月10日」 — was not read (the names stayed to the longer registered 公示期, no GK420). Now read.
4. A 更正公示 registered with 「替代: [R2026-001]」 (or the old list with 「被替代」) while the old list's 有效性 was left
   alone (GK414, an error validate reports but build-site publishes through): the wrongly listed names stayed on the
   web and the board beside the corrected list until the old 公示截止. Now a running list that a published record
   replaces ends the day before its replacement was published, as one whose 有效性 says 已修改 does; the board's sheet
   says to take it down; an incremental build the day the correction comes out equals a build from scratch.
5. A 公示 without 公示期 or 公示截止 (GK411) whose 正文 tells the public 「公示期：2026年11月23日至12月1日」: the list came
   down after its 公开日期 and the page said 「公示已于2026年11月23日结束」 — a 公示 that did not run, and a page that
   contradicts the notice (严重表述错误) — while build-site said nothing. Now the period the 正文 tells is the period:
   the names are up to its last day and gone the day after; GK411 quotes the 正文 and says which 公示截止 to add, and
   `deadline explain` says where the day comes from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import RECORD, git

TABLE = "  | 姓名 | 保障人数 | 所在村（社区） |\n  |---|---|---|\n  | 陈金水 | 3 | 湖二村 |\n"
# Published Thursday 2026-09-24; 9-25..27 (中秋) and 10-1..7 (国庆) are off, Saturday 10-10 is a make-up working day:
# 9-24 (1), 9-28 (2), 9-29 (3), 9-30 (4), 10-8 (5), 10-9 (6), 10-10 (7), 10-12 (8), 10-13 (9), 10-14 (10).
TEN_DAYS = (RECORD.replace("公开日期: 2026-09-03", "公开日期: 2026-09-24").replace("2026-09-01", "2026-09-22")
            .replace("公示截止: 2026-12-31", "公示期: 10").replace("  经审核，现将名单予以公示。\n", "  {said}\n") + TABLE)


def _pages(root: Path) -> dict[Path, bytes]:
    """Every file of a built site but the build's own record (.gongkai-build.json: how it was built)."""
    return {p.relative_to(root): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and p.name != ".gongkai-build.json"}


def _names_anywhere(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.is_file() and "陈金水" in p.read_bytes().decode("utf-8", "ignore"))


# 1. The period told as a length in the 正文.
@pytest.mark.parametrize(("said", "quoted", "last"), [
    ("经审核，现将名单予以公示，公示期为7个工作日。", "经审核，现将名单予以公示，公示期为7个工作日", "2026-10-10"),
    ("现予公示，为期一周。", "现予公示，为期一周", "2026-09-30"),          # calendar days: 9-24 … 9-30
    ("现予公示。进行为期七天的公示。", "进行为期七天的公示", "2026-09-30"),
    ("自2026年9月28日起公示7个工作日。", "自2026年9月28日起公示7个工作日", "2026-10-12"),  # 9-28 (1) … 10-12 (7)
    # 3. the days said with 开始 / 截止到
    ("公示期从2026年9月24日开始，到10月10日结束。", "公示期从2026年9月24日开始，到10月10日", "2026-10-10"),
    ("公示时间自2026年9月24日开始至10月10日结束。", "公示时间自2026年9月24日开始至10月10日", "2026-10-10"),
    ("公示期限截止到10月10日。", "公示期限截止到10月10日", "2026-10-10"),
])
def test_a_period_told_in_the_body_takes_the_names_down_that_day(gk, cat, tmp_path, monkeypatch, said, quoted, last):
    cat.record(TEN_DAYS.format(said=said))
    checked = gk("validate", cat.root).out
    assert (f"GK420 正文写的是「{quoted}」（到 {last}），按公示期10个工作日算到 2026-10-14：两者不一致，"
            f"名单在 {last} 之后撤下") in checked, checked
    on_last = tmp_path / "last"
    assert gk("build-site", cat.root, "--out", on_last, "--today", last).code == 0
    assert "records/R2026-001.html" in _names_anywhere(on_last)
    after = tmp_path / "after"
    day_after = {"2026-10-10": "2026-10-11", "2026-09-30": "2026-10-01", "2026-10-12": "2026-10-13"}[last]
    assert gk("build-site", cat.root, "--out", after, "--today", day_after).code == 0
    assert _names_anywhere(after) == []
    for today, names in ((last, True), (day_after, False)):
        monkeypatch.setenv("GONGKAI_TODAY", today)  # print takes its day from the environment
        board = gk("print", cat.root, "--out", tmp_path / today, "--from", "2026-09-01")
        assert board.code == 0 and bool(_names_anywhere(tmp_path / today)) is names, board.out


@pytest.mark.parametrize("said", ["经公示7个工作日无异议，现将审批结果予以公示。",
                                  "现将名单予以公示，公示时间不少于5个工作日。"])  # the least, not the last day
def test_the_length_of_an_earlier_notice_is_not_this_ones(gk, cat, tmp_path, said):
    cat.record(TEN_DAYS.format(said=said))
    assert "GK420" not in gk("validate", cat.root).out
    out = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", out, "--today", "2026-10-14").code == 0
    assert "records/R2026-001.html" in _names_anywhere(out)


# 2. diff and log of a list of people.
NOTICE = RECORD.replace("  经审核，现将名单予以公示。\n", "  经审核，现将名单予以公示。\n" + TABLE)


def test_diff_and_log_never_show_a_list_of_people(gk, cat, repo):
    cat.record(NOTICE)
    git(repo, "commit", "-qam", "登记公示")
    cat.record(NOTICE.replace("| 陈金水 | 3 |", "| 陈金水 | 4 |")
               .replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 关于陈金水家庭低保审核确认的公示"))
    for fmt, masked in (("text", "陈*水"), ("markdown", "陈\\*水"), ("json", "陈*水")):
        shown = gk("diff", "-C", cat.root, "-f", fmt).out
        assert "陈金水" not in shown and "湖二村" not in shown and "保障人数" not in shown, shown
        assert "名单类信息，正文列有人员姓名，内容不在此显示" in shown and f"关于{masked}家庭低保审核确认的公示" in shown, shown
    text = gk("diff", "-C", cat.root).out
    assert "  正文：已修改（名单类信息，正文列有人员姓名，内容不在此显示）\n" in text, text
    git(repo, "commit", "-qam", "更正")
    history = gk("log", "R2026-001", "-C", cat.root).out
    assert "陈金水" not in history and "湖二村" not in history and "正文：已修改（名单类信息" in history, history


def test_diff_still_shows_the_body_of_a_record_listing_no_one(gk, cat, repo):
    policy = (RECORD.replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
              .replace("  经审核，现将名单予以公示。\n", "  请各乡镇认真贯彻执行。\n"))
    cat.record(policy)
    git(repo, "commit", "-qam", "通知")
    cat.record(policy.replace("请各乡镇认真贯彻执行。", "请各乡镇认真贯彻落实。"))
    assert "正文：「请各乡镇认真贯彻执行。」→「请各乡镇认真贯彻落实。」" in gk("diff", "-C", cat.root).out


# 4. A list replaced by a 更正公示 whose 有效性 was not changed.
CORRECTION = (NOTICE.replace("R2026-001", "R2026-002").replace("00001", "00002").replace("〔2026〕1号", "〔2026〕2号")
              .replace("题名: 测试县民政局关于", "题名: 更正：测试县民政局关于").replace("公开日期: 2026-09-03", "公开日期: 2026-11-20")
              .replace("2026-09-01", "2026-11-19").replace("公示截止: 2026-12-31", "公示截止: 2026-12-31\n替代: [R2026-001]")
              .replace("陈金水", "林秀治"))


@pytest.mark.parametrize("old", [NOTICE, NOTICE.replace("公示截止: 2026-12-31", "公示截止: 2026-12-31\n被替代: R2026-002")])
def test_a_list_replaced_by_its_correction_comes_down_the_day_before(gk, cat, tmp_path, monkeypatch, old):
    cat.record(old)
    cat.record(CORRECTION, "records/2026/R2026-002.yaml")
    out = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", out, "--today", "2026-11-19").code == 0
    assert _names_anywhere(out) == ["records/R2026-001.html"]
    assert gk("build-site", cat.root, "--out", out, "--today", "2026-11-20").code == 0  # the same folder: incremental
    assert _names_anywhere(out) == []
    page = (out / "records/R2026-001.html").read_text(encoding="utf-8")
    assert "公示已于2026年11月19日结束" in page and "林秀治" in (out / "records/R2026-002.html").read_text(encoding="utf-8")
    fresh = tmp_path / "fresh"
    assert gk("build-site", cat.root, "--out", fresh, "--today", "2026-11-20", "--no-cache").code == 0
    assert _pages(out) == _pages(fresh)
    monkeypatch.setenv("GONGKAI_TODAY", "2026-11-20")
    board = gk("print", cat.root, "--out", tmp_path / "board", "--from", "2026-09-01")
    assert "请从社会救助股的公示栏、查阅点和电子屏撤下：测试县民政局关于2026年第三季度低保对象名单的公示（2026-11-20 起，" \
           "公示已于2026年11月19日结束）" in board.out, board.out
    assert _names_anywhere(tmp_path / "board") == []


# 5. The period told only in the 正文.
TOLD_ONLY = (NOTICE.replace("公开日期: 2026-09-03", "公开日期: 2026-11-23").replace("公示截止: 2026-12-31\n", "")
             .replace("2026-09-01", "2026-11-20")
             .replace("  经审核，现将名单予以公示。\n", "  经审核，现将名单予以公示。公示期：2026年11月23日至12月1日。\n"))


def test_a_period_told_only_in_the_body_is_the_period(gk, cat, tmp_path):
    cat.record(TOLD_ONLY)
    said = gk("validate", cat.root).out
    assert ("5:1 错误 GK411 名单类信息没有写明公示期：只有正文写了「公示期：2026年11月23日至12月1日」（到 2026-12-01），"
            "名单按它撤下［R2026-001］") in said, said
    assert "改正：加上「公示截止: 2026-12-01」（与正文一致）。" in said
    out = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", out, "--today", "2026-12-01").code == 0
    page = (out / "records/R2026-001.html").read_text(encoding="utf-8")
    assert "陈金水" in page and "已于" not in page and "2026年12月1日" in page
    assert gk("build-site", cat.root, "--out", out, "--today", "2026-12-02").code == 0
    assert _names_anywhere(out) == []
    assert "公示已于2026年12月1日结束" in (out / "records/R2026-001.html").read_text(encoding="utf-8")
    explained = gk("deadline", "explain", "R2026-001", "-C", cat.root).out
    assert "公示期：2026-11-23 至 2026-12-01（正文写的公示期；没有写「公示期」或「公示截止」，GK411）" in explained, explained


def test_a_list_without_any_period_still_comes_down_after_its_day(gk, cat, tmp_path):
    cat.record(TOLD_ONLY.replace("公示期：2026年11月23日至12月1日。", ""))
    assert "改正：加上「公示期: 7」（工作日，从公开日期当天起算）或「公示截止: YYYY-MM-DD」。" in gk("validate", cat.root).out
    out = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", out, "--today", "2026-11-24").code == 0
    assert _names_anywhere(out) == []
