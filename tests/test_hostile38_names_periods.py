"""Fortieth session (h203): the person on a 公示 list, and the inspector of issue 12 — names in places nobody checked.

Each test runs the real CLI on a small catalog in tmp_path; the expected days, files and messages are typed by hand.
The record of conftest is a 公示 of the item SHJZ-001 (最低生活保障, website and 公示栏).

Found by this pass (before the fix → now):
1. A 通报 (or 解读, 更正) of a policy item that quotes one person of a list and what was decided of him —
   「经核实，陈金水不符合低保条件，予以删除」, 「原名单中陈金水应为陈金山」, 「取消陈金水低保资格」, 「陈金水户已死亡」:
   the name stayed on its page, in the sitemap, the feed and the search index for good, long after the list itself
   had come down, and validate said nothing. Now one person told so is a list of people, as three names in a row
   are (GK611): never indexed, down after its 公开日期, masked in diff and log; a sentence about officials or about no
   one (申请人, 陈某某, 全家, 华侨家庭) is not; GK611 says to write 陈某某 or 该户.
2. The title of a 公示 about one household quoted in another record (「详见《关于湖二村陈金水家庭申请最低生活保障的
   公示》」, or as a link's words), or an attachment whose 名称 or file name gives the household: the list's own page
   masked the name (陈*水), the quoting page kept it in clear for good. Now such a record is a list of people (GK611).
3. A period told in hours — 「公示期为24小时」 in the 正文 was not read (the names stayed to the registered 公示期, no
   GK420); 「公示期: 24小时」 was 「类型不对：应为整数」. Now the body's hours are read (to the day the last hour falls
   on) and 公示期 in hours says to write 公示截止.
4. A period told from the day it went up — 「公示期：自发布之日起7个工作日」, 「公示时间：自即日起7天」, 「公示期：即日起至
   9月10日」 — or as a length with its days in brackets, 「公示7个工作日（9月3日至9月11日）」: not read, the names stayed to
   a longer registered 公示期 with no GK420. Now read; a window for objections (「自公示之日起5个工作日内」) is not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import BUNDLED, ITEM, RECORD

TABLE = "  | 姓名 | 保障人数 | 所在村（社区） |\n  |---|---|---|\n  | 陈金水 | 3 | 湖二村 |\n"
LIST = RECORD.replace("公示截止: 2026-12-31", "公示期: 7") + TABLE  # 9-3 … 9-11
POLICY = (ITEM.replace("SHJZ-001", "SHJZ-002").replace("二级事项: 审批信息", "二级事项: 政策文件")
          .replace("  - 低保对象名单及相关信息", "  - 低保政策文件"))
REPORT = """\
编号: R2026-002
题名: 测试县民政局关于第三季度低保对象公示情况的通报
文号: 测民〔2026〕2号
索引号: 350524-MZ-2026-00002
文种: 通知
责任单位: shjzg
事项: SHJZ-002
公开属性: 主动公开
保密审查:
  审查人: 张三
  审查日期: 2026-09-01
  结论: 不涉及国家秘密，同意主动公开
成文日期: 2026-09-01
公开日期: 2026-09-03
页数: 1
正文: |
  第三季度低保对象名单公示期间收到群众反映1件。{said}
"""


def _names_anywhere(root: Path, name: str = "陈金水") -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*")
                  if p.is_file() and name in p.read_bytes().decode("utf-8", "ignore"))


def _body(page: Path) -> str:
    return page.read_text(encoding="utf-8")


# 1. One person of a list quoted in another record, with what was decided of him.
@pytest.mark.parametrize("said", [
    "经核实，陈金水不符合低保条件，予以删除。",
    "经核实，陈金水不符合条件，予以删除。",
    "原名单中陈金水应为陈金山，特此更正。",
    "原名单中「陈金水」更正为「陈金山」。",
    "经研究，取消陈金水低保资格。",
    "经核查，湖二村陈金水家庭已迁出本县，予以停保。",
    "其中，陈金水户已死亡，予以删除。",
    "将陈金水从名单中删除。",
])
def test_one_person_quoted_in_a_report_is_a_list_of_people(gk, cat, tmp_path, said):
    cat.record(LIST)
    cat.item(POLICY, "items/shjz/SHJZ-002.yaml")
    cat.record(REPORT.format(said=said), "records/2026/R2026-002.yaml")
    checked = gk("validate", cat.root).out
    assert ("错误 GK611 信息 R2026-002 列有人员名单（表格的姓名列，或逐一列出的姓名），但文种是「通知」、没有公示期："
            "名单在公开日期（2026-09-03）之后就从网站上撤下［R2026-002］") in checked, checked
    assert "通报、更正里只提到个别人的，把姓名写成「陈某某」或「该户」。" in checked
    on_the_day = tmp_path / "day"
    assert gk("build-site", cat.root, "--out", on_the_day, "--today", "2026-09-03").code == 0
    page = _body(on_the_day / "records/R2026-002.html")
    assert "陈金水" in page and '<meta name="robots" content="noindex, nofollow">' in page
    assert "R2026-002" not in _body(on_the_day / "sitemap.xml")
    later = tmp_path / "later"
    assert gk("build-site", cat.root, "--out", later, "--today", "2026-10-20").code == 0
    assert _names_anywhere(later) == [] and _names_anywhere(later, "陈金山") == []
    assert "公示已于2026年9月3日结束" in _body(later / "records/R2026-002.html")


@pytest.mark.parametrize("said", [
    "经核实，申请人不符合低保条件的，不予纳入。",
    "经核实，陈某某不符合低保条件，予以删除。",
    "经考核，陈明同志不符合低保经办岗位任职条件。",
    "对不符合条件的，取消其低保资格。",
    "单独立户不符合低保条件的，按规定办理。",
    "经核实，全家不符合低保条件的，不予纳入。",
    "经核实，华侨家庭不属于本县低保对象。",
    "其中，苗族家庭不符合低保条件的，另行告知。",
    "经核实，常住户不符合低保条件的，不予纳入。",
    "经核实，原户主已死亡的，重新确定户主后办理低保。",
])
def test_a_report_naming_no_one_of_a_list_stays(gk, cat, tmp_path, said):
    cat.record(LIST)
    cat.item(POLICY, "items/shjz/SHJZ-002.yaml")
    cat.record(REPORT.format(said=said), "records/2026/R2026-002.yaml")
    assert "GK611" not in gk("validate", cat.root).out
    later = tmp_path / "later"
    assert gk("build-site", cat.root, "--out", later, "--today", "2026-10-20").code == 0
    page = _body(later / "records/R2026-002.html")
    assert said in page and "noindex" not in page
    assert "R2026-002" in _body(later / "sitemap.xml")


# 2. The title of a 公示 about one household quoted in another record, or given by an attachment's 名称 or file name.
HOUSEHOLD = LIST.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 关于湖二村陈金水家庭申请最低生活保障的公示")
PDF = (BUNDLED / "files/2026/R2026-001.pdf").read_bytes()  # a notice of the bundled catalog: it names no one


@pytest.mark.parametrize(("said", "attached"), [
    ("详见[关于湖二村陈金水家庭申请最低生活保障的公示](R2026-001.html)。", None),
    ("详见《关于湖二村陈金水家庭申请最低生活保障的公示》。", None),
    ("详见《关于为陈金水申请临时救助的公示》。", None),
    ("审核材料见附件。", "  - 文件: files/2026/hz.pdf\n    名称: 陈金水家庭申请最低生活保障审核表\n"),
    ("审核材料见附件。", "  - 文件: files/2026/陈金水家庭低保审核表.pdf\n"),
])
def test_a_household_named_by_a_quoted_title_or_an_attachment_is_a_list(gk, cat, tmp_path, said, attached):
    cat.record(HOUSEHOLD)
    cat.item(POLICY, "items/shjz/SHJZ-002.yaml")
    report = REPORT.format(said=said)
    if attached is not None:
        report = report.replace("页数: 1\n", "页数: 1\n附件:\n" + attached)
        cat.write(attached.split("文件: ")[1].split("\n")[0], PDF)
    cat.record(report, "records/2026/R2026-002.yaml")
    assert "GK611 信息 R2026-002 列有人员名单" in gk("validate", cat.root).out
    on_the_day = tmp_path / "day"
    assert gk("build-site", cat.root, "--out", on_the_day, "--today", "2026-09-03").code == 0
    assert "noindex" in _body(on_the_day / "records/R2026-002.html")
    assert "R2026-002" not in _body(on_the_day / "sitemap.xml")
    later = tmp_path / "later"
    assert gk("build-site", cat.root, "--out", later, "--today", "2026-10-20").code == 0
    assert _names_anywhere(later) == []
    assert "陈*水" in _body(later / "records/R2026-001.html")  # the list's own title, as before


@pytest.mark.parametrize(("said", "attached"), [
    ("依据《社会救助暂行办法》《福建省最低生活保障实施办法》。", None),
    ("现对《关于严格低保审核的通知》解读如下。", None),  # 严格 reads as a name, in a policy's title it is none
    ("审核办法见附件。", "  - 文件: files/2026/sp.pdf\n    名称: 关于明确低保对象认定条件的通知\n"),
    ("审核材料见附件。", "  - 文件: files/2026/sp.pdf\n    名称: 最低生活保障申请审核表（空白）\n"),
])
def test_a_quoted_law_or_a_blank_form_names_no_one(gk, cat, tmp_path, said, attached):
    cat.record(HOUSEHOLD)
    cat.item(POLICY, "items/shjz/SHJZ-002.yaml")
    report = REPORT.format(said=said)
    if attached is not None:
        report = report.replace("页数: 1\n", "页数: 1\n附件:\n" + attached)
        cat.write("files/2026/sp.pdf", PDF)
    cat.record(report, "records/2026/R2026-002.yaml")
    assert "GK611" not in gk("validate", cat.root).out
    later = tmp_path / "later"
    assert gk("build-site", cat.root, "--out", later, "--today", "2026-10-20").code == 0
    assert "noindex" not in _body(later / "records/R2026-002.html")
    assert "R2026-002" in _body(later / "sitemap.xml")


# 3. A period in hours: in the 正文 it is read (the names come down after the day its last hour falls on), in 公示期 it is
# an error that says to write the last day.
@pytest.mark.parametrize(("said", "last", "after"), [
    ("经审核，现将名单予以公示，公示期为24小时。", "2026-09-04", "2026-09-05"),  # from 9-3 (published) to 9-4
    ("经审核，现将名单予以公示，公示时间48小时。", "2026-09-05", "2026-09-06"),
])
def test_a_period_in_hours_told_in_the_body_takes_the_names_down(gk, cat, tmp_path, said, last, after):
    cat.record(LIST.replace("  经审核，现将名单予以公示。\n", f"  {said}\n"))
    checked = gk("validate", cat.root).out
    assert (f"GK420 正文写的是「{said.rstrip('。')}」（到 {last}），按公示期7个工作日算到 2026-09-11：两者不一致，"
            f"名单在 {last} 之后撤下") in checked, checked
    on_last = tmp_path / "last"
    assert gk("build-site", cat.root, "--out", on_last, "--today", last).code == 0
    assert "records/R2026-001.html" in _names_anywhere(on_last)
    gone = tmp_path / "gone"
    assert gk("build-site", cat.root, "--out", gone, "--today", after).code == 0
    assert _names_anywhere(gone) == []


def test_a_notice_period_in_hours_says_to_write_the_last_day(gk, cat):
    cat.record(LIST.replace("公示期: 7", "公示期: 24小时"))
    checked = gk("validate", cat.root).out
    assert "15:6 错误 GK103 「公示期」按工作日计，「24小时」不是工作日数［R2026-001］" in checked, checked
    assert ("改正：只写工作日数，如「公示期: 7」（公开日期当天算第1个工作日）；按小时、天、周、月或年计的公示，"
            "改写最后一天：「公示截止: YYYY-MM-DD」。") in checked


# 4. The period told from the day it went up, in words (自发布之日起…, 即日起至…), or as a length with its days in brackets.
# Published Thursday 2026-09-03 with 公示期 10: 9-3 (1), 9-4, 9-7, 9-8, 9-9, 9-10, 9-11 (7), 9-14, 9-15, 9-16 (10).
@pytest.mark.parametrize(("said", "quoted", "last"), [
    ("公示期：自发布之日起7个工作日。", "公示期：自发布之日起7个工作日", "2026-09-11"),
    ("公示期为自公示之日起7个工作日。", "公示期为自公示之日起7个工作日", "2026-09-11"),
    ("公示时间：自即日起7天。", "公示时间：自即日起7天", "2026-09-09"),  # calendar days: 9-3 … 9-9
    ("公示期限为发布之日起7日。", "公示期限为发布之日起7日", "2026-09-09"),
    ("公示期：即日起至9月10日。", "公示期：即日起至9月10日", "2026-09-10"),
    ("公示时间：自发布之日起至2026年9月10日止。", "公示时间：自发布之日起至2026年9月10日", "2026-09-10"),
    ("现予公示，公示7个工作日（9月3日至9月11日）。", "公示7个工作日（9月3日至9月11日）", "2026-09-11"),
])
def test_a_period_from_the_day_it_went_up_takes_the_names_down(gk, cat, tmp_path, said, quoted, last):
    cat.record(LIST.replace("公示期: 7", "公示期: 10").replace("  经审核，现将名单予以公示。\n", f"  {said}\n"))
    checked = gk("validate", cat.root).out
    assert (f"GK420 正文写的是「{quoted}」（到 {last}），按公示期10个工作日算到 2026-09-16：两者不一致，"
            f"名单在 {last} 之后撤下") in checked, checked
    day_after = {"2026-09-09": "2026-09-10", "2026-09-10": "2026-09-11", "2026-09-11": "2026-09-12"}[last]
    gone = tmp_path / "gone"
    assert gk("build-site", cat.root, "--out", gone, "--today", day_after).code == 0
    assert _names_anywhere(gone) == []
    assert f"公示已于2026年9月{int(last[-2:])}日结束" in _body(gone / "records/R2026-001.html")


def test_a_window_for_objections_is_not_the_period(gk, cat):
    cat.record(LIST.replace("  经审核，现将名单予以公示。\n", "  现予公示。自公示之日起5个工作日内，如有异议请反映。\n"))
    assert "GK420" not in gk("validate", cat.root).out
