"""A 公示 of one household told in prose: the name its title gives is masked in every output, during and after it.

Found by the tenth hostile pass (left open there): the ninth pass masked a title's name only when the record's own
table held it, so 「关于陈水生家庭申请最低生活保障的公示」 with its case in prose (村民陈水生，家庭人口3人…) showed 陈水生 on
the home page, the item's page and the record's page, and kept it there after the 公示 ended (DOMAIN.md §12).
The names are typed here by hand; so is every title (helpers of test_hostile7_gate).
"""

from __future__ import annotations

import pytest

from conftest import RECORD
from test_hostile7_gate import NOTICE, holding

from gongkai.privacy.titles import titled_names

TITLES = {
    "关于陈水生家庭申请最低生活保障的公示": {"陈水生"},
    "陈水生户申请特困人员救助供养的公示": {"陈水生"},
    "关于张三、李四等5户家庭申请低保的公示": {"张三", "李四"},
    "关于黄建国等3人享受临时救助的公示": {"黄建国"},
    "关于对王芳家庭申请低保的公示": {"王芳"},
    "关于欧阳小华同志任职的公示": {"欧阳小华"},
    "关于关小明家庭申请临时救助的公示": {"关小明"},  # 关 is a surname too; 关于 never a name
    # no one is named
    "测试县民政局关于2026年第三季度低保对象名单的公示": set(),
    "关于文明家庭评选结果的公示": set(),
    "关于农户家庭经济状况核对的公示": set(),
    "关于单亲家庭困难补助的公示": set(),
    "关于边缘家庭认定结果的公示": set(),
    "关于城乡低保户调整的公示": set(),
    "关于李村家庭农场补贴的公示": set(),  # a place
    "关于高龄津贴发放对象的公示": set(),
    "关于林业补贴申请的公示": set(),
}


@pytest.mark.parametrize("title", sorted(TITLES))
def test_the_names_a_title_gives(title):
    assert titled_names(title) == TITLES[title]


PROSE = (RECORD.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 关于陈水生家庭申请最低生活保障的公示")
         .replace("  经审核，现将名单予以公示。\n", "  经兜村村民陈水生，家庭人口3人，申请最低生活保障。经审核，符合条件，现予公示。\n"))


@pytest.mark.parametrize("today", ["2026-11-27", "2027-01-05"])  # during the 公示 (it ends 2026-12-31), and after
def test_a_household_named_in_a_titles_prose_notice_is_masked(gk, cat, tmp_path, today):
    cat.record(PROSE)
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site, "--today", today)
    assert run.code == 0, run.err
    # during the 公示 its own page shows the case as written (never indexed); after it, nothing names him
    assert holding(site, "陈水生") == ([str(site / "records" / "R2026-001.html")] if today < "2026-12-31" else [])
    assert "关于陈*生家庭申请最低生活保障的公示" in (site / "index.html").read_text(encoding="utf-8")
    assert "关于陈*生家庭申请最低生活保障的公示" in (site / "records" / "R2026-001.html").read_text(encoding="utf-8")


def test_an_official_named_in_a_notice_that_lists_no_one_keeps_the_title(gk, cat, tmp_path):
    # a 通知 with no list of people: the names in its title are those of the office (任职), not of a household
    cat.record(NOTICE.replace("题名: 测试县民政局关于发放2026年第三季度临时救助金的通知", "题名: 关于王建国同志任职的通知"))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert "关于王建国同志任职的通知" in (site / "index.html").read_text(encoding="utf-8")


def test_a_notice_naming_no_one_keeps_its_title(gk, cat, tmp_path):
    cat.record(RECORD.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 关于文明家庭评选结果的公示"))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert "关于文明家庭评选结果的公示" in (site / "index.html").read_text(encoding="utf-8")

