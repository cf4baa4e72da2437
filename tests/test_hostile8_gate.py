"""Eighth hostile pass over the publishing gate: records that are 主动公开 on paper but were never cleared by a
保密审查, and lists of people whose name column is spelled otherwise or sits under a title row. Each test runs the
real CLI on a small catalog and looks for the record's words in every file written (helpers of test_hostile7_gate)."""

from __future__ import annotations

import pytest

from gongkai.publication.review import conclusion_problem

from conftest import RECORD
from test_hostile7_gate import NAMES, NOTICE, holding, with_attachment, xlsx

REVIEW = "保密审查:\n  审查人: 张三\n  审查日期: 2026-09-01\n  结论: 不涉及国家秘密，同意主动公开\n"
MARK = "经审核，现将名单予以公示。"
WORDS = "此件尚未审定请勿外传"


# 1. 未经保密审查. Found by the eighth pass: a 主动公开 record without a 保密审查, with one dated after the build, or
# with a conclusion that does not let it out (涉及国家秘密，不予公开) went on the website, the portal, print and the
# handover; validate said GK303/GK304 (or nothing, for the conclusion) but every publisher took it.
UNREVIEWED = {
    "none": RECORD.replace(REVIEW, ""),
    "later": RECORD.replace("审查日期: 2026-09-01", "审查日期: 2026-12-20"),
    "secret": RECORD.replace("不涉及国家秘密，同意主动公开", "涉及国家秘密，不予公开"),
    "refused": RECORD.replace("不涉及国家秘密，同意主动公开", "不涉及国家秘密，但涉及个人隐私，不同意公开"),
    "deferred": RECORD.replace("不涉及国家秘密，同意主动公开", "暂缓公开"),
    "on-request": RECORD.replace("不涉及国家秘密，同意主动公开", "不涉及国家秘密，建议依申请公开"),
    "no-consent": RECORD.replace("不涉及国家秘密，同意主动公开", "待审查"),
}


@pytest.mark.parametrize("case", sorted(UNREVIEWED))
def test_an_unreviewed_record_reaches_no_output(gk, cat, tmp_path, case):
    cat.record(UNREVIEWED[case].replace(MARK, WORDS))
    with_attachment(cat, "files/2026/list.csv", f"姓名,村（社区）\n{NAMES[0]},经兜村\n",
                    UNREVIEWED[case].replace(MARK, WORDS))
    out = tmp_path / "out"
    run = gk("build-site", cat.root, "--out", out / "site")
    assert run.code == 0, run.err
    assert "R2026-001 没有发布" in run.err and "保密审查" in run.err
    assert not (out / "site" / "records" / "R2026-001.html").exists()
    gk("export", "portal", cat.root, "--out", out / "portal")
    gk("print", cat.root, "--out", out / "print")
    gk("handover", cat.root, "--out", out / "handover", "--date", "2026-12-05")
    assert holding(out, WORDS, NAMES[0]) == []
    assert "GK303" in (validated := gk("validate", cat.root).out) or "GK304" in validated


# What build-site says, typed by hand: the reason names the rule and what to do.
SAID = {
    "none": "R2026-001 没有发布：没有保密审查记录（GK303），未经保密审查的信息不能公开",
    "later": "R2026-001 没有发布：保密审查日期 2026-12-20 还没有到（GK304），审查之前不能公开",
    "secret": "R2026-001 没有发布：保密审查结论「涉及国家秘密，不予公开」没有同意主动公开",
}


@pytest.mark.parametrize("case", sorted(SAID))
def test_build_site_says_why_an_unreviewed_record_is_not_published(gk, cat, tmp_path, case):
    cat.record(UNREVIEWED[case])
    run = gk("build-site", cat.root, "--out", tmp_path / "site", "--today", "2026-12-02")
    assert run.code == 0 and SAID[case] in run.err, run.err


def test_a_file_an_unreviewed_record_shares_with_a_reviewed_one_is_published_by_the_reviewed_one(gk, cat, tmp_path):
    # the reviewed record's own 保密审查 let the file out; the unreviewed record waits for its own
    form = "序号,事项,材料\n1,低保申请,身份证复印件\n"
    cat.write("files/2026/材料清单.csv", form)
    unreviewed = (RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002").replace(REVIEW, "")
                  .replace("页数: 1", "页数: 1\n附件:\n  - 名称: 材料清单\n    文件: files/2026/材料清单.csv"))
    cat.record(unreviewed, "records/2026/R2026-002.yaml")
    with_attachment(cat, "files/2026/材料清单.csv", form, NOTICE)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site / "records" / "R2026-001.html").exists() and not (site / "records" / "R2026-002.html").exists()
    assert (site / "files" / "2026" / "材料清单.csv").exists()


def test_a_record_reviewed_later_is_published_from_that_day(gk, cat, tmp_path):
    cat.record(UNREVIEWED["later"])
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert not (site / "records" / "R2026-001.html").exists()
    assert gk("build-site", cat.root, "--out", site, "--today", "2026-12-20").code == 0
    assert (site / "records" / "R2026-001.html").exists()


@pytest.mark.parametrize("conclusion", [
    "不涉及国家秘密、商业秘密和个人隐私，同意主动公开",
    "已对名单中的个人信息作去标识化处理，不涉及国家秘密，同意主动公开",
    "上级来文，原件标注主动公开，不涉及国家秘密，同意主动公开",
    "经审查，不涉密，可以公开",
    "未发现涉密内容，同意公开",
    "同意主动公开",
])
def test_a_conclusion_that_lets_the_record_out_passes(gk, cat, tmp_path, conclusion):
    cat.record(RECORD.replace("不涉及国家秘密，同意主动公开", conclusion))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site / "records" / "R2026-001.html").exists()
    assert "GK303" not in gk("validate", cat.root).out


def test_validate_points_at_a_conclusion_that_does_not_let_the_record_out(gk, cat):
    cat.record(UNREVIEWED["secret"])
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "12:7 错误 GK303 保密审查结论「涉及国家秘密，不予公开」没有同意主动公开，这条信息不会发布" in run.out


# 2. A list of people whose name column is spelled otherwise, or whose header stands under a title row. Found by the
# eighth pass: only a first row with a column called exactly 姓名, 户主姓名 or 户主 made a list of people, so these
# notices' names went into the search index and the page into sitemap.xml.
def _table(header: str, title: str | None = None) -> str:
    rows = [f"| {title} | | |", "| --- | --- | --- |", f"| {header} | 村（社区） | 金额（元） |"] if title else \
        [f"| {header} | 村（社区） | 金额（元） |", "| --- | --- | --- |"]
    rows += [f"| {NAMES[0]} | 经兜村 | 1500 |", f"| {NAMES[1]} | 湖头村 | 1200 |"]
    return "正文: |\n  经审核，以下人员获得临时救助：\n\n" + "".join(f"  {row}\n" for row in rows)


@pytest.mark.parametrize("header,title", [
    ("申请人姓名", None), ("救助对象姓名", None), ("姓名（户主）", None), ("姓\u200b名", None), ("名字", None),
    ("申请人", None), ("收款人", None), ("姓名", "2026年第三季度临时救助对象名单"),
])
def test_a_list_of_people_however_its_header_is_written_is_not_indexed(gk, cat, tmp_path, header, title):
    cat.record(NOTICE.replace("正文: |\n  经审核，现将名单予以公示。\n", _table(header, title)))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert holding(site / "search", *NAMES) == []
    assert "R2026-001" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "GK611" in gk("validate", cat.root).out


@pytest.mark.parametrize("form", ["csv", "xlsx"])
def test_a_list_under_a_title_row_in_an_attachment_is_a_list_of_people(gk, cat, tmp_path, form):
    rows = [["测试县2026年第三季度临时救助对象名单", "", ""], ["姓名", "村（社区）", "金额（元）"], [NAMES[0], "经兜村", "1500"]]
    data = "".join(",".join(row) + "\n" for row in rows) if form == "csv" else xlsx(rows)
    with_attachment(cat, f"files/2026/list.{form}", data, NOTICE)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert "R2026-001" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "GK611" in gk("validate", cat.root).out


def test_a_notice_under_a_title_row_is_checked_against_the_column_allow_list(gk, cat, tmp_path):
    rows = "测试县2026年低保对象名单,,\n申请人姓名,身份证号,家庭住址\n陈水生,35*************236,经兜村**号\n"
    with_attachment(cat, "files/2026/list.csv", rows)
    out = gk("validate", cat.root).out
    assert "GK605" in out and "身份证号" in out and "家庭住址" in out and "申请人姓名」" not in out


@pytest.mark.parametrize("header", ["单位名称", "社会组织名称", "项目名称", "法定代表人", "补贴对象", "救助对象"])
def test_a_table_of_organisations_is_no_list_of_people(gk, cat, tmp_path, header):
    table = f"正文: |\n  | {header} | 登记证号 |\n  | --- | --- |\n  | 安溪县慈善总会 | 51350524MJ0000001X |\n"
    cat.record(NOTICE.replace("正文: |\n  经审核，现将名单予以公示。\n", table))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert "R2026-001" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "GK611" not in gk("validate", cat.root).out


# 3. One 编号, two files. Found by the eighth pass: the file first by name stood, so a copy left beside a record
# (R2026-001 - 副本.yaml, .R2026-001.yaml, an older R2026-000.yaml with the same 编号) that still said 主动公开 was
# published while the record itself had been changed to 不予公开; validate said GK201, build-site published the copy.
@pytest.mark.parametrize("copy", ["records/2026/R2026-001 - 副本.yaml", "records/2026/.R2026-001.yaml",
                                  "records/2026/R2026-000.yaml", "records/2026/R2026-001.YAML"])
def test_a_record_declared_by_two_files_is_published_by_neither(gk, cat, tmp_path, copy):
    withheld = RECORD.replace("公开属性: 主动公开", "公开属性: 不予公开\n不予公开理由: 个人隐私")
    cat.record(withheld.replace(MARK, "现行登记"))
    cat.write("files/2026/list.csv", f"姓名,村（社区）\n{NAMES[0]},经兜村\n")
    cat.write(copy, RECORD.replace(MARK, WORDS).replace("页数: 1", "页数: 1\n附件:\n  - 文件: files/2026/list.csv"))
    out = tmp_path / "out"
    run = gk("build-site", cat.root, "--out", out / "site")
    assert run.code == 0 and "R2026-001 没有发布" in run.err and "GK201" in run.err
    gk("export", "portal", cat.root, "--out", out / "portal")
    gk("handover", cat.root, "--out", out / "handover", "--date", "2026-12-05")
    assert holding(out, WORDS, NAMES[0]) == []
    assert "GK201" in gk("validate", cat.root).out


def test_a_record_of_an_item_declared_by_two_files_is_not_published(gk, cat, tmp_path):
    from conftest import ITEM

    # the item now names the 公示栏 only; a stale copy of it still names the website
    cat.item(ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]", "公开渠道: [社区/企事业单位/村公示栏（电子屏）]"))
    cat.item(ITEM, "items/shjz/SHJZ-001 - 副本.yaml")
    cat.record(RECORD.replace(MARK, WORDS))
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site)
    assert run.code == 0 and "R2026-001 没有发布" in run.err and "SHJZ-001" in run.err
    assert holding(site, WORDS) == []


def test_distinct_numbers_in_files_named_alike_are_published(gk, cat, tmp_path):
    cat.record(RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002"), "records/2026/R2026-002.yaml")
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site / "records" / "R2026-001.html").exists() and (site / "records" / "R2026-002.html").exists()


# 4. A period declared on a record that is no 公示. Found by the eighth pass: a 通知 carrying a list with 公示截止 (or 公示期)
# stayed on the web whole, and in the search index, after its period: only the 文种 公示 or an item listing people
# made a record come down.
@pytest.mark.parametrize("period", ["公示截止: 2026-10-01", "公示期: 5"])
def test_a_notice_with_a_period_comes_down_when_it_ends(gk, cat, tmp_path, period):
    cat.record(NOTICE.replace("页数: 1", f"页数: 1\n{period}").replace(MARK, WORDS))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert holding(site, WORDS) == []
    assert (site / "records" / "R2026-001.html").exists()  # the short notice that the 公示 has ended


def test_a_notice_with_a_running_period_is_published_and_not_indexed(gk, cat, tmp_path):
    cat.record(NOTICE.replace("页数: 1", "页数: 1\n公示截止: 2026-12-31").replace(MARK, WORDS))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert WORDS in (site / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert holding(site / "search", WORDS) == []


def test_the_self_inspection_says_how_many_records_the_review_held_back(gk, cat, tmp_path):
    cat.record(UNREVIEWED["none"])
    out = tmp_path / "inspect.json"
    gk("inspect", cat.root, "-f", "json", "--out", out)
    assert "未经保密审查" in out.read_text(encoding="utf-8")


# Conclusions as clerks write them, typed by hand: with or without the comma between the clauses, the bare decision,
# and refusals hidden after a clearing clause. (Found in review: 「可主动公开」 and 「不涉及国家秘密同意主动公开」 were held
# back, and a comma-less 「不涉密但不同意公开」 must not read as 同意公开.)
LETS_OUT = ["不涉及国家秘密、商业秘密和个人隐私，同意主动公开", "不涉及国家秘密同意主动公开", "无涉密内容同意公开",
            "经审查不涉密可以公开", "可主动公开", "不涉及国家秘密，可主动公开", "主动公开", "主动公开。",
            "不涉及国家秘密，主动公开", "经审核，可予公开", "准予公开", "经保密审查，无异议", "同意\u3000主动公开",
            "经审查不涉密，予以主动公开", "不涉及国家秘密和工作秘密，同意公开发布",
            "不涉及 国家秘密，同意 主动公开", "不涉及国家秘密\n同意主动公开"]  # spaces and a line break as typed
HOLDS_BACK = ["不涉密", "不涉密但不同意公开", "不涉及国家秘密但暂不公开", "不主动公开", "不涉密，不公开", "非公开",
              "不涉密，内部公开", "不涉及国家秘密，涉及内部事项", "涉及工作秘密", "拟主动公开", "拟不公开", "依申请公开",
              "待审查", "删除个人信息后再公开", "涉及国家秘密，不予公开", "不宜公开"]


@pytest.mark.parametrize("conclusion", LETS_OUT)
def test_conclusions_that_let_the_record_out(conclusion):
    assert conclusion_problem(conclusion) is None


@pytest.mark.parametrize("conclusion", HOLDS_BACK)
def test_conclusions_that_hold_the_record_back(conclusion):
    assert conclusion_problem(conclusion) == f"保密审查结论「{conclusion}」没有同意主动公开"
