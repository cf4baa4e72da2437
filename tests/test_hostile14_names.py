"""Fourteenth hostile pass, names of people past their 公示 period.

Found:
- a list of people written in prose with commas or spaces (以下人员获得临时救助：陈水生，林阿妹，王建国。), of one or two
  names (…：陈水生。), before what is done for them (陈水生、林阿妹、王建国获得临时救助), or one name a line (1. 陈水生⏎
  2. 林阿妹) was no list of people: indexed by site search, in the sitemap, for good;
- a 通知 that lists people without a 公示 period (GK611, a warning) stayed on the web with the names for good;
  DOMAIN.md §12: lists of people come down when their period ends. Now it comes down after its 公开日期, as a 公示 without
  a period does (GK411), and GK611 is an error;
- a 公示截止 years away (2062 for 2026) kept the names up indefinitely; 公示期 and 公示截止 that disagree went by
  公示截止 even when it was the later. No rule sets a 公示 of people longer than days or weeks: the list comes down a
  year after its 公开日期 at the latest (GK418 reports the period), and on the earlier of the two days.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import RECORD, CatalogDir
from test_hostile7_gate import NAMES, NOTICE, holding

BODY = "经审核，现将名单予以公示。"


def _site(gk, cat: CatalogDir, tmp_path: Path, *args: str) -> Path:
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site, *args)
    assert run.code == 0, run.err
    return site


def _listed(site: Path) -> bool:
    """The record is taken for a list of people: its names in no search file, not in the sitemap."""
    return (holding(site / "search", *NAMES) == []
            and "R2026-001" not in (site / "sitemap.xml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("sentence", [
    f"经审核，以下人员获得临时救助：{NAMES[0]}，{NAMES[1]}，王建国。",
    f"经审核，以下人员获得临时救助：{NAMES[0]},{NAMES[1]},王建国。",
    f"经审核，以下人员获得临时救助：{NAMES[0]}　{NAMES[1]}　王建国。",
    f"经审核，以下人员获得临时救助：{NAMES[0]}；{NAMES[1]}。",
    f"经审核，以下人员获得临时救助：{NAMES[0]}、{NAMES[1]}。",
    f"经审核，下列家庭纳入最低生活保障：{NAMES[0]}（户主）。",
    f"{NAMES[0]}、{NAMES[1]}、王建国获得临时救助。",
    f"经审核，{NAMES[0]}、{NAMES[1]}等2户纳入最低生活保障。",
    f"临时救助对象名单：\n\n  1. {NAMES[0]}\n  2. {NAMES[1]}\n",
    f"临时救助对象：\n\n  - {NAMES[0]}\n  - {NAMES[1]}\n",
])
def test_a_list_of_people_in_prose_of_any_shape_is_not_indexed(gk, cat: CatalogDir, tmp_path: Path, sentence: str) -> None:
    assert_a_list_of_people(gk, cat, tmp_path, sentence)


def assert_a_list_of_people(gk, cat: CatalogDir, tmp_path: Path, sentence: str) -> None:
    """A 通知 whose body is *sentence* lists people: GK611, and its names are in no file of the site."""
    cat.record(NOTICE.replace(BODY, sentence.replace("\n", "\n  ")))
    run = gk("validate", cat.root)
    assert "GK611" in run.out and run.code == 1, run.out
    site = _site(gk, cat, tmp_path)
    assert _listed(site)
    # (and, no 公示 period declared, the names have left the page after its 公开日期)
    assert holding(site, *NAMES) == []


@pytest.mark.parametrize("sentence", [
    "任命陈志强，林建华，黄明德同志为低保工作领导小组成员。",
    "联系人：陈明，联系电话0595-23222617，办理临时救助。",
    "请携带：户口簿，身份证，银行卡，到村委会申请临时救助。",
    "救助对象：低保对象，特困人员，孤儿。",
    "临时救助办理流程：\n\n  1. 申请\n  2. 审核\n  3. 审批\n",
    "经审核，符合临时救助条件的家庭共12户。",
])
def test_prose_naming_officials_staff_kinds_or_steps_is_no_list_of_people(gk, cat: CatalogDir, tmp_path: Path,
                                                                         sentence: str) -> None:
    cat.record(NOTICE.replace(BODY, sentence.replace("\n", "\n  ")))
    assert "GK611" not in gk("validate", cat.root).out
    site = _site(gk, cat, tmp_path)
    assert "R2026-001" in (site / "sitemap.xml").read_text(encoding="utf-8")


TABLE = ("正文: |\n  经审核，以下人员获得临时救助：\n\n  | 姓名 | 村（社区） | 金额（元） |\n  | --- | --- | --- |\n"
         f"  | {NAMES[0]} | 经兜村 | 1500 |\n  | {NAMES[1]} | 湖头村 | 1200 |\n")
NOTICE_WITH_TABLE = NOTICE.replace(f"正文: |\n  {BODY}\n", TABLE)


def test_a_notice_listing_people_without_a_period_comes_down_after_its_publication_day(gk, cat: CatalogDir,
                                                                                     tmp_path: Path) -> None:
    cat.record(NOTICE_WITH_TABLE.replace("公开日期: 2026-09-03", "公开日期: 2026-11-27"))  # today (conftest.TODAY)
    run = gk("validate", cat.root)
    assert run.code == 1 and "错误 GK611" in run.out and "之后就从网站上撤下" in run.out
    on_the_day = _site(gk, cat, tmp_path)
    page = (on_the_day / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert NAMES[0] in page  # its 公开日期: the list is shown (not indexed)
    the_day_after = _site(gk, cat, tmp_path, "--today", "2026-11-28")
    assert holding(the_day_after, *NAMES) == []
    page = (the_day_after / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert "2026年11月27日结束" in page


def test_a_notice_listing_people_with_a_period_stays_up_for_it(gk, cat: CatalogDir, tmp_path: Path) -> None:
    cat.record(NOTICE_WITH_TABLE.replace("页数: 1", "公示期: 7\n页数: 1").replace("公开日期: 2026-09-03", "公开日期: 2026-11-23"))
    assert "GK611" not in gk("validate", cat.root).out
    page = (_site(gk, cat, tmp_path) / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert NAMES[0] in page
    # 11-23 … 12-01 is seven working days: gone on 12-02
    assert holding(_site(gk, cat, tmp_path, "--today", "2026-12-02"), *NAMES) == []


def test_the_portal_export_drops_the_list_too(gk, cat: CatalogDir, tmp_path: Path) -> None:
    cat.record(NOTICE_WITH_TABLE)
    out = tmp_path / "portal"
    run = gk("export", "portal", cat.root, "--out", out)
    assert run.code == 0, run.err
    assert holding(out, "R2026-001") and holding(out, *NAMES) == []


# A 公示截止 years away: the names leave a year after the 公开日期 at the latest.
FAR = RECORD.replace("公示截止: 2026-12-31", "公示截止: 2062-12-31").replace(
    BODY, f"{BODY}\n\n  | 姓名 | 保障人数 |\n  | --- | --- |\n  | {NAMES[0]} | 2 |\n")


def test_a_notice_end_years_away_is_an_error_and_the_list_leaves_after_a_year(gk, cat: CatalogDir,
                                                                              tmp_path: Path) -> None:
    cat.record(FAR)
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK418" in run.out and "2027-09-02" in run.out, run.out
    site = _site(gk, cat, tmp_path)  # 2026-11-27: within the year, shown (not indexed)
    assert NAMES[0] in (site / "records" / "R2026-001.html").read_text(encoding="utf-8")
    page = (_site(gk, cat, tmp_path, "--today", "2027-09-02") / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert NAMES[0] in page and "2027年9月2日" in page  # its last day, shown as the day it ends
    assert holding(_site(gk, cat, tmp_path, "--today", "2027-09-03"), *NAMES) == []


def test_a_notice_period_of_hundreds_of_working_days_is_reported(gk, cat: CatalogDir) -> None:
    cat.record(RECORD.replace("公示截止: 2026-12-31", "公示期: 300"))
    run = gk("validate", cat.root)
    assert "GK418" in run.out and "按公示期300个工作日算到" in run.out


def test_a_notice_period_and_end_that_disagree_go_by_the_earlier(gk, cat: CatalogDir, tmp_path: Path) -> None:
    # 公示期: 7 from 2026-09-03 ends on 09-11; 公示截止 says 2027-06-30: the list leaves on 09-12
    cat.record(FAR.replace("公示截止: 2062-12-31", "公示期: 7\n公示截止: 2027-06-30"))
    run = gk("validate", cat.root)
    assert "GK416" in run.out and "较早" not in run.out  # (the message names both days)
    site = _site(gk, cat, tmp_path)
    assert holding(site, *NAMES) == []
    assert "2026年9月11日结束" in (site / "records" / "R2026-001.html").read_text(encoding="utf-8")


def test_gk418_explains_itself(gk) -> None:
    run = gk("rule", "GK418")
    assert run.code == 0 and "一年" in run.out and "DOMAIN.md §12" in run.out


# (found by looking further) A title naming the people aid is given to, over a body that lists nobody: the names stayed
# in the title on every list page, the feed and the search index, for good (the title's names were masked only when the
# body or an attachment listed people).
@pytest.mark.parametrize("title", [f"测试县民政局关于{NAMES[0]}、{NAMES[1]}、王建国获得临时救助的通知",
                                   f"测试县民政局关于{NAMES[0]}家庭申请临时救助的通知"])
def test_a_title_naming_who_gets_aid_makes_a_list_of_people(gk, cat: CatalogDir, tmp_path: Path, title: str) -> None:
    cat.record(NOTICE.replace("题名: 测试县民政局关于发放2026年第三季度临时救助金的通知", f"题名: {title}")
               .replace("公开日期: 2026-09-03", "公开日期: 2026-11-27"))
    assert "GK611" in gk("validate", cat.root).out
    site = _site(gk, cat, tmp_path)
    assert holding(site, *NAMES) == []  # masked in the title everywhere: 陈*生
    assert "陈*生" in (site / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert "R2026-001" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_a_title_naming_an_official_stays_as_it_is(gk, cat: CatalogDir, tmp_path: Path) -> None:
    cat.record(NOTICE.replace("题名: 测试县民政局关于发放2026年第三季度临时救助金的通知",
                              "题名: 测试县民政局关于给予王建国同志慰问金的通知"))
    assert "GK611" not in gk("validate", cat.root).out
    site = _site(gk, cat, tmp_path)
    assert "王建国" in (site / "records" / "R2026-001.html").read_text(encoding="utf-8")
