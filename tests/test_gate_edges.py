"""The gate on the edge of each of its comparisons: the day before, of and after publication, withdrawal, the end of
a 公示 and a change of 有效性; channels and outputs; blank columns. Every date is typed by hand from the 2026 notice
(国庆 10-01..07 with make-up Saturday 10-10; 中秋 09-25..27 with make-up Sunday 09-20)."""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.catalog import load_catalog
from gongkai.gate import Output, State, admit
from gongkai.publication.columns import blank_columns, web_columns
from gongkai.publication.periods import lists_people, minimum_for
from tests.conftest import AGENCY, ITEM, CatalogDir

D = dt.date
WEB_ONLY_ITEM = (ITEM.replace("SHJZ-001", "SHJZ-002").replace("二级事项: 审批信息", "二级事项: 政策文件")
                 .replace("  - 低保对象名单及相关信息\n", "  - 低保政策文件\n")
                 .replace("公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]", "公开渠道: [政府网站, 两微一端]"))


def record(rid: str, published: str, *, item: str | None = None, kind: str = "通知", extra: str = "") -> str:
    number = int(rid[-3:])
    return (f"编号: {rid}\n题名: 测试县民政局关于第{number}号事项的{kind}\n文号: 测民〔2026〕{number}号\n"
            f"索引号: 350524-MZ-2026-{number:05d}\n文种: {kind}\n责任单位: shjzg\n"
            + (f"事项: {item}\n" if item else "")
            + "公开属性: 主动公开\n保密审查:\n  审查人: 张三\n  审查日期: 2026-09-01\n  结论: 不涉及国家秘密，同意主动公开\n"
            f"成文日期: 2026-09-01\n公开日期: {published}\n页数: 1\n正文: |\n  现予公布。\n{extra}")


@pytest.fixture
def gc(cat: CatalogDir) -> CatalogDir:
    """The minimal catalog without its record, and a second item published on the web and WeChat only."""
    (cat.root / "records/2026/R2026-001.yaml").unlink()
    cat.item(WEB_ONLY_ITEM, "items/shjz/SHJZ-002.yaml")
    return cat


def put(cat: CatalogDir, rid: str, published: str, **kwargs: str) -> None:
    cat.record(record(rid, published, **kwargs), f"records/2026/{rid}.yaml")  # type: ignore[arg-type]


def on(cat: CatalogDir, day: dt.date):
    return admit(load_catalog(cat.root, use_cache=False), day)


# ---------------------------------------------------------------- publication and withdrawal


def test_a_record_is_out_from_its_publication_day(gc):
    put(gc, "R2026-010", "2026-09-10")
    before, of, after = (on(gc, D(2026, 9, d)) for d in (9, 10, 11))
    assert before.admitted == [] and before.next_change == D(2026, 9, 10)
    assert [a.id for a in of.admitted] == ["R2026-010"] and of.next_change is None
    assert [a.id for a in after.admitted] == ["R2026-010"]
    assert before.withdrawn == [] and of.withdrawn == []


def test_a_withdrawn_record_leaves_on_its_withdrawal_day(gc):
    put(gc, "R2026-010", "2026-09-10", extra="撤回:\n  日期: 2026-09-20\n  原因: 误将内部事务信息作为主动公开信息发布\n")
    before, of, after = (on(gc, D(2026, 9, d)) for d in (19, 20, 21))
    assert [a.id for a in before.admitted] == ["R2026-010"] and before.withdrawn == []
    assert before.next_change == D(2026, 9, 20)
    assert of.admitted == [] and [r.id for r in of.withdrawn] == ["R2026-010"] and of.next_change is None
    assert after.admitted == [] and [r.id for r in after.withdrawn] == ["R2026-010"]


def test_a_record_not_public_is_never_admitted_nor_reported_withdrawn(gc):
    put(gc, "R2026-010", "2026-09-10", extra="撤回:\n  日期: 2026-09-20\n  原因: 误将内部事务信息作为主动公开信息发布\n")
    path = gc.root / "records/2026/R2026-010.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("公开属性: 主动公开", "公开属性: 依申请公开")
                    .replace("索引号: 350524-MZ-2026-00010\n", ""), encoding="utf-8")
    gate = on(gc, D(2026, 9, 21))
    assert gate.admitted == [] and gate.withdrawn == []


def test_a_published_record_on_request_is_never_admitted(gc):
    put(gc, "R2026-010", "2026-09-10")
    path = gc.root / "records/2026/R2026-010.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("公开属性: 主动公开", "公开属性: 依申请公开")
                    .replace("索引号: 350524-MZ-2026-00010\n", ""), encoding="utf-8")
    gate = on(gc, D(2026, 9, 30))
    assert gate.admitted == [] and gate.withdrawn == [] and gate.next_change is None


def test_newest_first_and_by_id_within_a_day(gc):
    put(gc, "R2026-010", "2026-09-10")
    put(gc, "R2026-011", "2026-09-11")
    put(gc, "R2026-012", "2026-09-11")
    gate = on(gc, D(2026, 9, 30))
    assert [a.id for a in gate.admitted] == ["R2026-012", "R2026-011", "R2026-010"]
    assert gate.get("R2026-011") is gate.admitted[1] and gate.get("R2026-099") is None
    assert gate.admits("R2026-010") and gate.admits("R2026-010", Output.WEB) and not gate.admits("R2026-099")
    assert not gate.admits("R2026-010", Output.PRINT)


def test_the_next_change_is_the_earliest_of_all_records(gc):
    put(gc, "R2026-010", "2026-10-12")
    put(gc, "R2026-011", "2026-09-10", extra="撤回:\n  日期: 2026-10-09\n  原因: 误将内部事务信息作为主动公开信息发布\n")
    put(gc, "R2026-012", "2026-09-10", extra="有效性: 失效\n有效性日期: 2026-10-08\n")
    assert on(gc, D(2026, 10, 1)).next_change == D(2026, 10, 8)
    assert on(gc, D(2026, 10, 8)).next_change == D(2026, 10, 9)
    assert on(gc, D(2026, 10, 9)).next_change == D(2026, 10, 12)
    assert on(gc, D(2026, 10, 12)).next_change is None


# ---------------------------------------------------------------- 公示 periods


def test_a_notice_runs_through_its_last_day_and_is_ended_the_day_after(gc):
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-001", kind="公示", extra="公示截止: 2026-09-30\n")
    last, after = on(gc, D(2026, 9, 30)).get("R2026-010"), on(gc, D(2026, 10, 1)).get("R2026-010")
    assert (last.state, last.notice_end, last.shows_content, last.lists_people) == (
        State.CURRENT, D(2026, 9, 30), True, True)
    assert (after.state, after.notice_end, after.shows_content) == (State.ENDED, D(2026, 9, 30), False)
    assert on(gc, D(2026, 9, 30)).next_change == D(2026, 10, 1)
    assert on(gc, D(2026, 10, 1)).next_change is None


@pytest.mark.parametrize(("published", "days", "end"), [
    ("2026-09-24", 7, D(2026, 10, 10)),  # 9/24, 9/28, 9/29, 9/30, 10/8, 10/9 and the make-up Saturday 10/10
    ("2026-09-26", 1, D(2026, 9, 28)),  # published on a holiday: the first working day after is day 1
    ("2026-09-26", 2, D(2026, 9, 29)),
    ("2026-09-28", 1, D(2026, 9, 28)),
    ("2026-09-28", 3, D(2026, 9, 30)),
])
def test_a_period_in_working_days_counts_the_publication_day_as_the_first(gc, published, days, end):
    put(gc, "R2026-010", published, item="SHJZ-001", kind="公示", extra=f"公示期: {days}\n")
    found = on(gc, D(2026, 9, 28)).get("R2026-010")
    assert found.notice_end == end and found.state is State.CURRENT and not found.notice_provisional


def test_a_list_without_a_period_comes_down_the_day_after_publication(gc):
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-001", kind="公示")
    assert on(gc, D(2026, 9, 10)).get("R2026-010").state is State.CURRENT
    ended = on(gc, D(2026, 9, 11)).get("R2026-010")
    assert ended.state is State.ENDED and ended.notice_end == D(2026, 9, 10)


def test_a_record_that_is_no_list_has_no_period(gc):
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-002")
    found = on(gc, D(2026, 12, 31)).get("R2026-010")
    assert (found.state, found.notice_end, found.lists_people, found.notice_provisional) == (
        State.CURRENT, None, False, False)


def test_a_record_that_declares_a_period_runs_for_it_whatever_its_item(gc):
    # (eighth hostile pass: a 通知 carrying a list with 公示期 stayed up for good; the period it declares is kept)
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-002", extra="公示期: 7\n")
    found = on(gc, D(2026, 12, 31)).get("R2026-010")
    assert (found.state, found.notice_end, found.lists_people, found.notice_provisional) == (
        State.ENDED, D(2026, 9, 18), True, False)


@pytest.mark.parametrize(("content", "people"), [
    ("低保对象名单", True), ("补贴对象姓名", True), ("特困人员花名册", True), ("低保政策文件", False),
    ("社会组织名单", False), ("领导干部名单", False), ("失信被执行人名单", False), ("经营异常名录", False),
])
def test_which_contents_are_lists_of_people(content, people):
    item = type("I", (), {"contents": [content]})()
    assert lists_people(item) is people  # type: ignore[arg-type]


def test_no_item_is_no_list_and_has_no_minimum_period():
    assert lists_people(None) is False and minimum_for(None) is None


def test_the_minimum_period_of_a_low_income_list_is_7_working_days(gc):
    catalog = load_catalog(gc.root, use_cache=False)
    found = minimum_for(catalog.items["SHJZ-001"])  # 一级事项: 最低生活保障
    assert found is not None and (found.days, found.workdays) == (7, True) and "民办函〔2019〕52号" in found.source
    other = ITEM.replace("一级事项: 最低生活保障", "一级事项: 特困人员救助供养").replace("SHJZ-001", "SHJZ-003")
    gc.item(other, "items/shjz/SHJZ-003.yaml")
    assert minimum_for(load_catalog(gc.root, use_cache=False).items["SHJZ-003"]) is None


# ---------------------------------------------------------------- 有效性


def test_a_document_is_in_force_until_its_validity_date(gc):
    put(gc, "R2026-010", "2026-09-10", extra="有效性: 失效\n有效性日期: 2026-10-01\n")
    before, of = on(gc, D(2026, 9, 30)).get("R2026-010"), on(gc, D(2026, 10, 1)).get("R2026-010")
    assert (before.validity, before.validity_date, before.in_force) == ("有效", None, True)
    assert (of.validity, of.validity_date, of.in_force) == ("失效", D(2026, 10, 1), False)
    assert on(gc, D(2026, 9, 30)).next_change == D(2026, 10, 1)


def test_a_repeal_date_alone_repeals_from_that_day(gc):
    put(gc, "R2026-010", "2026-09-10", extra="废止日期: 2026-10-01\n")
    before, of = on(gc, D(2026, 9, 30)).get("R2026-010"), on(gc, D(2026, 10, 1)).get("R2026-010")
    assert (before.validity, before.validity_date) == ("有效", None)
    assert (of.validity, of.validity_date) == ("废止", D(2026, 10, 1))
    assert on(gc, D(2026, 9, 30)).next_change == D(2026, 10, 1)


def test_a_validity_without_a_date_stands_as_written(gc):
    put(gc, "R2026-010", "2026-09-10", extra="有效性: 已修改\n")
    put(gc, "R2026-011", "2026-09-10", extra="有效性: 有效\n")
    gate = on(gc, D(2026, 9, 30))
    assert (gate.get("R2026-010").validity, gate.get("R2026-010").validity_date) == ("已修改", None)
    assert (gate.get("R2026-011").validity, gate.get("R2026-011").validity_date) == ("有效", None)


def test_a_repeal_date_stands_in_for_a_missing_validity_date(gc):
    put(gc, "R2026-010", "2026-09-10", extra="有效性: 废止\n废止日期: 2026-10-01\n")
    assert on(gc, D(2026, 9, 30)).get("R2026-010").validity == "有效"
    assert (on(gc, D(2026, 10, 1)).get("R2026-010").validity_date) == D(2026, 10, 1)


# ---------------------------------------------------------------- channels and outputs


@pytest.mark.parametrize(("item", "own", "channels", "outputs"), [
    (None, "", ("政府网站",), {Output.WEB, Output.ARCHIVES}),
    (None, "公开渠道: [两微一端]\n", ("两微一端",), {Output.WECHAT, Output.ARCHIVES}),
    ("SHJZ-001", "", ("政府网站", "社区/企事业单位/村公示栏（电子屏）"), {Output.WEB, Output.PRINT, Output.ARCHIVES}),
    ("SHJZ-001", "公开渠道: [社区/企事业单位/村公示栏（电子屏）, 两微一端]\n", ("社区/企事业单位/村公示栏（电子屏）",),
     {Output.PRINT, Output.ARCHIVES}),
    ("SHJZ-002", "公开渠道: [两微一端]\n", ("两微一端",), {Output.WECHAT, Output.ARCHIVES}),
])
def test_a_record_reaches_its_own_channels_within_its_items(gc, item, own, channels, outputs):
    put(gc, "R2026-010", "2026-09-10", **({"item": item} if item else {}), extra=own + "公示截止: 2026-12-31\n")
    found = on(gc, D(2026, 9, 10)).get("R2026-010")
    assert found.channels == channels and found.outputs == frozenset(outputs)
    assert all(found.reaches(o) for o in outputs) and not found.reaches(next(iter(set(Output) - outputs)))


@pytest.mark.parametrize("channel", ["公开查阅点", "便民服务站"])
def test_reading_rooms_and_service_stations_are_printed(gc, channel):
    gc.item(WEB_ONLY_ITEM.replace("[政府网站, 两微一端]", f"[{channel}]"), "items/shjz/SHJZ-002.yaml")
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-002")
    found = on(gc, D(2026, 9, 10)).get("R2026-010")
    assert found.channels == (channel,) and found.outputs == frozenset({Output.PRINT, Output.ARCHIVES})


def test_the_token_changes_with_each_part_of_the_standing(gc):
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-001", kind="公示",
        extra="公示截止: 2026-09-30\n有效性: 失效\n有效性日期: 2026-10-02\n")
    tokens = [on(gc, D(2026, m, d)).get("R2026-010").token for m, d in ((9, 29), (9, 30), (10, 1), (10, 2))]
    assert tokens[0] == tokens[1] and len(set(tokens[1:])) == 3  # ended on 10/1, lapsed on 10/2
    gc.item(ITEM.replace("社区/企事业单位/村公示栏（电子屏）", "两微一端"))
    assert on(gc, D(2026, 9, 30)).get("R2026-010").token != tokens[1]  # other outputs
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-001", kind="公示",
        extra="公示截止: 2026-09-29\n有效性: 失效\n有效性日期: 2026-10-02\n")
    assert on(gc, D(2026, 9, 29)).get("R2026-010").token != tokens[0]  # another last day


# ---------------------------------------------------------------- blank columns


def test_blank_columns_are_web_items_and_towns_with_nothing_and_no_note(gc):
    towns = AGENCY.replace("\n单位:\n", "\n单位:\n  - 编号: czz\n    名称: 城厢镇民政办\n    类型: 乡镇民政办\n"
                                      "  - 编号: fyz\n    名称: 凤城镇民政办\n    类型: 乡镇民政办\n"
                                      "    空白说明: 本镇本年度未产生此类信息\n")
    gc.write("gongkai.yaml", towns)
    gc.item(ITEM.replace("SHJZ-001", "SHJZ-004").replace("公开方式: 主动", "公开方式: 依申请"), "items/shjz/SHJZ-004.yaml")
    gc.item(ITEM.replace("SHJZ-001", "SHJZ-005").replace("公开渠道: [政府网站, ", "公开渠道: ["), "items/shjz/SHJZ-005.yaml")
    gc.item(ITEM.replace("SHJZ-001", "SHJZ-006") + "空白说明: 本机关本年度未产生此类信息\n", "items/shjz/SHJZ-006.yaml")
    catalog = load_catalog(gc.root, use_cache=False)
    assert [i.id for i in web_columns(catalog)] == ["SHJZ-001", "SHJZ-002", "SHJZ-006"]
    blanks = blank_columns(catalog, {})
    assert [i.id for i in blanks.items] == ["SHJZ-001", "SHJZ-002"]
    assert [(n, u.id) for n, u in blanks.towns] == [(0, "czz")]
    blanks = blank_columns(catalog, {"SHJZ-001": 1, "czz": 2, "SHJZ-002": 0})
    assert [i.id for i in blanks.items] == ["SHJZ-002"] and blanks.towns == []


# ---------------------------------------------------------------- held back


def test_unsafe_attachments_and_personal_data_hold_a_record_back_and_say_why(gc):
    put(gc, "R2026-010", "2026-09-10", extra="附件:\n  - 文件: files/2026/R2026-010.doc\n")
    gc.write("files/2026/R2026-010.doc", b"\xd0\xcf\x11\xe0 old word")
    gc.record(record("R2026-011", "2026-09-10").replace("现予公布。", "现予公布。联系电话13712345678。"),
              "records/2026/R2026-011.yaml")
    put(gc, "R2026-012", "2026-09-10")
    gate = on(gc, D(2026, 9, 30))
    assert [a.id for a in gate.admitted] == ["R2026-012"]
    [unsafe] = gate.unsafe["R2026-010"]
    assert unsafe.startswith("附件「files/2026/R2026-010.doc」「.doc」不是允许公开的附件格式") and list(gate.unsafe) == ["R2026-010"]
    assert [(f.where, f.label, f.masked_value) for f in gate.blocked["R2026-011"]] == [
        ("正文第1行", "手机号码", "137****5678")]
    assert list(gate.blocked) == ["R2026-011"]


def test_personal_data_in_the_directory_and_gongkai_yaml_is_found_masked(gc):
    gc.write("gongkai.yaml", AGENCY.replace("下午14:30—17:30", "下午14:30—17:30，值班13812345678"))
    gc.item(ITEM.replace("责任单位: shjzg", "责任单位: shjzg\n备注: 联系王五 13912345678"))
    assert on(gc, D(2026, 9, 30)).directory_findings == [
        ("事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第17行第5列「备注」）", "手机号码", "139****5678"),
        ("gongkai.yaml 第29行第9列「依申请公开」「办公时间」", "手机号码", "138****5678")]
