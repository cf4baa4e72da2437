"""Sixth hostile pass over the publishing gate: records that reached an output they should not (an unknown item's
channels; a file shared with a record whose list has come down), each tried through the real CLI (build-site).
"""

from __future__ import annotations

import json

import pytest

from conftest import ITEM, RECORD


# Channels: a record naming an item the catalog does not hold took the website as if it had no item.
def test_a_record_of_an_unknown_item_is_published_nowhere(gk, cat, tmp_path):
    cat.item(ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]", "公开渠道: [社区/企事业单位/村公示栏（电子屏）]"))
    cat.record(RECORD.replace("事项: SHJZ-001", "事项: SHJZ-999"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0
    assert "R2026-001 没有发布" in run.err and "GK205" in run.err  # the user is told why it is missing
    assert not (tmp_path / "site" / "records" / "R2026-001.html").exists()
    assert "R2026-001" not in (tmp_path / "site" / "index.html").read_text(encoding="utf-8")


def test_a_record_of_an_item_without_the_website_is_not_on_it(gk, cat, tmp_path):
    cat.item(ITEM.replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]", "公开渠道: [社区/企事业单位/村公示栏（电子屏）]"))
    cat.record(RECORD.replace("页数: 1", "页数: 1\n公开渠道: [政府网站]"))
    assert gk("build-site", cat.root, "--out", tmp_path / "site").code == 0
    assert not (tmp_path / "site" / "records" / "R2026-001.html").exists()


# A file shared by two records: the list of an ended 公示 (or of a withdrawn record) stayed on the web through the
# other record, which copies the same files/ path.
SECOND = (RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002").replace("文种: 公示", "文种: 通知")
          .replace("文号: 测民〔2026〕1号\n", "").replace("事项: SHJZ-001\n", "").replace("公示截止: 2026-12-31\n", "")
          .replace("页数: 1", "页数: 1\n附件:\n  - 名称: 名单\n    文件: files/2026/list.csv"))
LIST = "姓名,村（社区）\n王五,经兜村\n"
# SECOND linking a list of people, with a 公示 period of its own still running: without one, its list has come down
# after its 公开日期 anyway (GK611, fourteenth pass), and it shows the file no more.
LISTING = SECOND.replace("页数: 1", "公示截止: 2026-12-31\n页数: 1")


def _shared(cat, first: str) -> None:
    cat.write("files/2026/list.csv", LIST)
    cat.record(first.replace("页数: 1", "页数: 1\n附件:\n  - 名称: 名单\n    文件: files/2026/list.csv"))
    cat.record(LISTING, "records/2026/R2026-002.yaml")


@pytest.mark.parametrize("first", [
    RECORD.replace("公示截止: 2026-12-31", "公示截止: 2026-11-26"),  # its 公示 ended yesterday
    RECORD.replace("页数: 1", "页数: 1\n撤回:\n  日期: 2026-11-20\n  原因: 误将名单作为主动公开信息发布"),
])
def test_a_list_that_came_down_does_not_stay_through_another_record(gk, cat, tmp_path, first):
    _shared(cat, first)
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0, run.err
    assert not (tmp_path / "site" / "files" / "2026" / "list.csv").exists()
    assert not (tmp_path / "site" / "records" / "R2026-002.html").exists()
    assert "R2026-002" in run.out + run.err  # said why


@pytest.mark.parametrize("first", [
    RECORD.replace("公示截止: 2026-12-31", "公示截止: 2026-11-26"),  # its 公示 ended yesterday
    RECORD.replace("页数: 1", "页数: 1\n撤回:\n  日期: 2026-11-20\n  原因: 误将名单作为主动公开信息发布"),
])
def test_a_copy_of_the_list_under_another_name_does_not_keep_it_up(gk, cat, tmp_path, first):
    """The same list saved again as another file (名单（存档）.csv) and linked from a 通知: the names are the same."""
    _shared(cat, first)
    cat.write("files/2026/名单（存档）.csv", LIST)
    cat.record(LISTING.replace("files/2026/list.csv", "files/2026/名单（存档）.csv"), "records/2026/R2026-002.yaml")
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0, run.err
    assert list((tmp_path / "site" / "files").rglob("*.csv")) == []
    assert not (tmp_path / "site" / "records" / "R2026-002.html").exists()
    assert "R2026-002 没有发布" in run.err and "名单内容相同" in run.err


def test_a_file_shared_with_a_withdrawn_record_that_lists_nobody_is_kept_when_copied(gk, cat, tmp_path):
    """A withdrawn 通知 (not a list of people) and a copy of its attachment under another name in another record:
    only the withdrawn record's own path comes down (a form attached to many records is no list of people)."""
    form = "表格名称,填写说明\n申请表,如实填写\n"
    cat.write("files/2026/form.csv", form)
    cat.write("files/2026/申请表.csv", form)
    withdrawn = (SECOND.replace("R2026-002", "R2026-003").replace("00002", "00003")
                 .replace("files/2026/list.csv", "files/2026/form.csv")
                 .replace("页数: 1", "页数: 1\n撤回:\n  日期: 2026-11-20\n  原因: 内容有误"))
    cat.record(withdrawn, "records/2026/R2026-003.yaml")
    cat.record(SECOND.replace("files/2026/list.csv", "files/2026/申请表.csv"), "records/2026/R2026-002.yaml")
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0, run.err
    assert (tmp_path / "site" / "records" / "R2026-002.html").exists()
    assert (tmp_path / "site" / "files" / "2026" / "申请表.csv").exists()
    assert not (tmp_path / "site" / "files" / "2026" / "form.csv").exists()


def test_the_list_stays_on_the_last_day_of_its_notice(gk, cat, tmp_path):
    _shared(cat, RECORD.replace("公示截止: 2026-12-31", "公示截止: 2026-11-27"))
    assert gk("build-site", cat.root, "--out", tmp_path / "site").code == 0
    assert (tmp_path / "site" / "files" / "2026" / "list.csv").exists()
    assert (tmp_path / "site" / "records" / "R2026-002.html").exists()


# An output that bypassed every scan: the annual report (published by law) carries annual/<year>.yaml's texts, which
# are no record's; `report annual --out` wrote a number there in full (only the screen was masked).
@pytest.mark.parametrize("form", ["markdown", "html"])  # the workbook holds the tables only
def test_the_annual_report_is_not_written_with_a_number_in_full(gk, bundled, tmp_path, form):
    annual = bundled / "annual" / "2026.yaml"
    annual.write_text(annual.read_text(encoding="utf-8").replace("（二）依申请公开。", "（二）依申请公开。申请人王五（13800138000）。"),
                      encoding="utf-8")
    out = tmp_path / f"年报.{form}"
    run = gk("report", "annual", bundled, "--year", "2026", "-f", form, "--out", out)
    assert run.code == 1, run.out + run.err
    assert not out.exists()
    assert "138****8000" in run.out + run.err and "13800138000" not in run.out + run.err
    assert gk("report", "annual", bundled, "--year", "2026", "-f", "markdown").out.count("138****8000") == 1


def test_a_clean_annual_report_is_written(gk, bundled, tmp_path):
    out = tmp_path / "年报.md"
    assert gk("report", "annual", bundled, "--year", "2026", "--out", out).code == 0
    assert "年度报告" in out.read_text(encoding="utf-8")


def test_validate_finds_a_number_in_the_annual_reports_data(gk, bundled):
    """annual/<year>.yaml's texts are published in the annual report: validate names the file and the field, masked,
    before `report annual --out` refuses to write it (also after an unrelated edit, from the cache)."""
    annual = bundled / "annual" / "2026.yaml"
    text = annual.read_text(encoding="utf-8")
    annual.write_text(text.replace("（二）依申请公开。", "（二）依申请公开。申请人王五（138,0013,8000）。"), encoding="utf-8")
    for _ in ("first", "from the cache"):
        run = gk("validate", bundled, "--format", "json")
        assert run.code == 1, run.out + run.err
        found = [d for d in json.loads(run.out)["diagnostics"] if d["code"].startswith("GK6")]
        assert [(d["code"], d["path"]) for d in found] == [("GK602", "annual/2026.yaml")]
        assert "138****8000" in found[0]["message"] and "13800138000" not in run.out + run.err
    annual.write_text(text, encoding="utf-8")
    assert gk("validate", bundled).code == 0
