"""The gate's rules that the twelfth session's mutation run found untested (docs/mutation.md), each on a small catalog
through gongkai.gate.admit: what a record sharing a file with a withdrawn, withheld, doubly declared or ended record
is told, word for word; which records the gate goes on to judge after one it holds back; 保密审查 conclusions typed
without a comma or with a space; a name masked in the admitted title; the day a rounded 身份证号 becomes one; the page
token; blank town pages without a loaded gongkai.yaml. Every expected value is typed by hand (dates from the 2026
notice: 国庆 10-01..07, make-up Saturday 10-10). The helpers and the `gc` catalog (no record; SHJZ-001 lists people,
SHJZ-002 does not) are test_gate_edges'."""

from __future__ import annotations

import datetime as dt
import pickle
import subprocess

import pytest

from gongkai.catalog import load_catalog
from gongkai.gate import State
from gongkai.publication.columns import blank_columns
from tests.conftest import AGENCY, ITEM, CatalogDir
from tests.test_gate_edges import WEB_ONLY_ITEM, gc, on, put, record  # noqa: F401 (gc: the fixture)

D = dt.date
WITHDRAWN = "撤回:\n  日期: 2026-09-20\n  原因: 误将内部事务信息作为主动公开信息发布\n"
LIST = "姓名,村（社区）\n陈水生,经兜村\n林阿妹,湖头村\n"  # a list of people: a 姓名 column
FORM = "项目,金额（元）\n办公用品,1200\n"  # a form that names nobody
NEWBORN = "350524202701151000"  # a 身份证号 a float rounded: born 2027-01-15, a serial before that day
# A period running past every build day of these tests: a record whose file lists people and that declares none has
# come down after its 公开日期 (GK611, fourteenth pass), so it no longer shows the file these tests share.
RUNNING = "公示截止: 2026-12-31\n"


def attached(*files: str) -> str:
    return "附件:\n" + "".join(f"  - 名称: 附件{n}\n    文件: {f}\n" for n, f in enumerate(files, start=1))


def shared(cat: CatalogDir, extra: str, *, kind: str = "通知", item: str | None = None,
           content: str = LIST, second: str = "files/2026/b.csv") -> None:
    """R2026-010 (published 09-10, *kind*, *extra*) with files/2026/a.csv, and R2026-011 (published 09-12, a 通知
    with a period RUNNING) linking *second*: the same file, or (another path) a copy of it."""
    cat.write("files/2026/a.csv", content)
    if second != "files/2026/a.csv":
        cat.write(second, content)
    put(cat, "R2026-010", "2026-09-10", kind=kind, extra=extra + attached("files/2026/a.csv"), **({"item": item} if item else {}))
    put(cat, "R2026-011", "2026-09-12", extra=RUNNING + attached(second))


def said(gate) -> dict[str, list[str]]:
    return dict(gate.unsafe)


def ids(gate) -> list[str]:
    return [a.id for a in gate.admitted]


# ---------------------------------------------------------------- a withdrawn record's file


def test_a_withdrawn_records_file_linked_by_another_record_keeps_it_off_the_web_from_the_withdrawal_day(gc):
    shared(gc, WITHDRAWN, content=FORM, second="files/2026/a.csv")
    assert ids(on(gc, D(2026, 9, 19))) == ["R2026-011", "R2026-010"] and said(on(gc, D(2026, 9, 19))) == {}
    gate = on(gc, D(2026, 9, 20))
    assert ids(gate) == [] and [r.id for r in gate.withdrawn] == ["R2026-010"]
    assert said(gate) == {"R2026-011": [
        "附件「files/2026/a.csv」也是别的信息的附件，信息 R2026-010 已撤回，不能在这里公开"]}


def test_a_copy_of_a_withdrawn_list_of_people_under_another_name_is_held_back(gc):
    # a 通知 (no item, no period) whose attachment lists people: its copy is matched by content
    shared(gc, WITHDRAWN)
    gate = on(gc, D(2026, 9, 20))
    assert ids(gate) == [] and said(gate) == {"R2026-011": [
        "附件「files/2026/b.csv」与别的信息的名单内容相同，信息 R2026-010 已撤回，不能在这里公开"]}


def test_a_copy_of_a_withdrawn_notice_is_held_back_though_its_file_shows_no_names(gc):
    # every 公示 is taken for a list of people (a list in a PDF may name people the scan cannot see)
    shared(gc, WITHDRAWN, kind="公示", content=FORM)
    assert said(on(gc, D(2026, 9, 20))) == {"R2026-011": [
        "附件「files/2026/b.csv」与别的信息的名单内容相同，信息 R2026-010 已撤回，不能在这里公开"]}


def test_a_copy_of_a_withdrawn_record_of_an_item_that_lists_people_is_held_back(gc):
    # a 通知 of SHJZ-001 (低保对象名单及相关信息), its file showing no names: a list by its item
    shared(gc, WITHDRAWN, item="SHJZ-001", content=FORM)
    assert said(on(gc, D(2026, 9, 20))) == {"R2026-011": [
        "附件「files/2026/b.csv」与别的信息的名单内容相同，信息 R2026-010 已撤回，不能在这里公开"]}


def test_a_copy_of_a_form_a_withdrawn_record_shared_stays_published(gc):
    # a withdrawn 通知 of SHJZ-002 (no list) whose file names nobody: a blank form others may use under another name
    shared(gc, WITHDRAWN, item="SHJZ-002", content=FORM)
    gate = on(gc, D(2026, 9, 20))
    assert ids(gate) == ["R2026-011"] and said(gate) == {}


# ---------------------------------------------------------------- a withheld record's file


def withheld(cat: CatalogDir, attribute: str, second: str) -> None:
    shared(cat, "", second=second)
    path = cat.root / "records/2026/R2026-010.yaml"
    text = path.read_text(encoding="utf-8").replace("公开属性: 主动公开\n", attribute)
    path.write_text(text.replace("索引号: 350524-MZ-2026-00010\n", ""), encoding="utf-8")


def test_a_file_of_a_record_withheld_for_privacy_is_not_published_through_another(gc):
    withheld(gc, "公开属性: 不予公开\n不予公开理由: 个人隐私\n", "files/2026/a.csv")
    gate = on(gc, D(2026, 9, 30))
    assert ids(gate) == [] and [r.id for r in gate.withheld] == ["R2026-010"] and gate.withdrawn == []
    assert said(gate) == {"R2026-011": [
        "附件「files/2026/a.csv」也是别的信息的附件，信息 R2026-010 为「不予公开」，不是主动公开，不能在这里公开"]}


def test_a_copy_of_a_file_published_on_request_only_is_not_published_through_another(gc):
    withheld(gc, "公开属性: 依申请公开\n", "files/2026/b.csv")
    assert said(on(gc, D(2026, 9, 30))) == {"R2026-011": [
        "附件「files/2026/b.csv」与别的信息的附件内容相同，信息 R2026-010 为「依申请公开」，不是主动公开，不能在这里公开"]}


def test_a_file_of_a_record_not_yet_marked_is_not_published_through_another(gc):
    withheld(gc, "", "files/2026/a.csv")
    assert said(on(gc, D(2026, 9, 30))) == {"R2026-011": [
        "附件「files/2026/a.csv」也是别的信息的附件，信息 R2026-010 为「未标明公开属性」，不是主动公开，不能在这里公开"]}


def test_only_records_not_public_with_files_are_withheld(gc):
    # R2026-010 依申请公开 without files, R2026-011 主动公开 published after the build day with a form R2026-012
    # (published) links too, R2026-013 不予公开 with a file of its own
    put(gc, "R2026-010", "2026-09-10")
    gc.write("files/2026/a.csv", FORM)
    gc.write("files/2026/c.csv", LIST)
    put(gc, "R2026-011", "2026-10-12", extra=attached("files/2026/a.csv"))
    put(gc, "R2026-012", "2026-09-10", extra=attached("files/2026/a.csv"))
    put(gc, "R2026-013", "2026-09-10", extra=attached("files/2026/c.csv"))
    for rid, attribute in (("R2026-010", "公开属性: 依申请公开\n"), ("R2026-013", "公开属性: 不予公开\n不予公开理由: 个人隐私\n")):
        path = gc.root / f"records/2026/{rid}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("公开属性: 主动公开\n", attribute)
                        .replace(f"索引号: 350524-MZ-2026-000{rid[-2:]}\n", ""), encoding="utf-8")
    gate = on(gc, D(2026, 9, 30))
    assert [r.id for r in gate.withheld] == ["R2026-013"]
    assert ids(gate) == ["R2026-012"] and said(gate) == {}


# ---------------------------------------------------------------- one 编号 in two files


def test_a_file_of_a_number_declared_twice_is_not_published_through_another_record(gc):
    shared(gc, "", second="files/2026/a.csv")
    gc.write("records/2026/R2026-010 - 副本.yaml",
             (gc.root / "records/2026/R2026-010.yaml").read_text(encoding="utf-8"))
    put(gc, "R2026-012", "2026-09-10")  # after the copy by path: judged too
    gate = on(gc, D(2026, 9, 30))
    twice = ("编号 R2026-010 在 2 个文件中登记（GK201），不知道哪一个是现行的，"
             "请删去多余的文件（如复制出来的副本）后运行 gongkai validate")
    assert gate.held == {"R2026-010": twice}
    assert [r.id for r in gate.withheld] == ["R2026-010", "R2026-010"]
    assert ids(gate) == ["R2026-012"]
    assert said(gate) == {"R2026-011": [f"附件「files/2026/a.csv」也是别的信息的附件，信息 R2026-010 {twice}，不能在这里公开"]}


def test_a_record_of_an_item_declared_twice_is_held_and_says_why(gc):
    gc.item(WEB_ONLY_ITEM, "items/shjz/SHJZ-002 - 副本.yaml")
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-002")
    put(gc, "R2026-011", "2026-09-10", item="SHJZ-001")
    gate = on(gc, D(2026, 9, 30))
    assert gate.held == {"R2026-010": "它的事项 SHJZ-002 在 2 个文件中登记（GK201），不知道按哪一个的公开渠道和公示期公开，"
                                      "请删去多余的事项文件"}
    assert gate.withheld == [] and ids(gate) == ["R2026-011"]


# ---------------------------------------------------------------- an ended 公示's list


def test_an_ended_lists_file_and_a_copy_of_it_leave_the_other_records_the_day_after_its_last_day(gc):
    shared(gc, "公示截止: 2026-09-30\n", kind="公示", item="SHJZ-001")
    gc.write("files/2026/a2.csv", LIST)
    put(gc, "R2026-012", "2026-09-12", extra=RUNNING + attached("files/2026/a.csv"))
    assert said(on(gc, D(2026, 9, 30))) == {}
    gate = on(gc, D(2026, 10, 1))
    assert ids(gate) == ["R2026-010"] and gate.get("R2026-010").state is State.ENDED
    assert said(gate) == {
        "R2026-011": ["附件「files/2026/b.csv」与别的信息的名单内容相同，信息 R2026-010 的公示已结束，不能在这里公开"],
        "R2026-012": ["附件「files/2026/a.csv」也是别的信息的附件，信息 R2026-010 的公示已结束，不能在这里公开"]}


# ---------------------------------------------------------------- the records after one held back are judged


def test_the_records_after_one_held_back_are_still_judged(gc):
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-099")  # an item the catalog does not hold
    put(gc, "R2026-011", "2026-09-10", extra="")
    path = gc.root / "records/2026/R2026-011.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("审查日期: 2026-09-01", "审查日期: 2026-10-12"),
                    encoding="utf-8")
    put(gc, "R2026-012", "2026-09-10", item="SHJZ-001")
    gate = on(gc, D(2026, 9, 30))
    assert gate.no_item == ["R2026-010"] and list(gate.held) == ["R2026-011"]
    assert ids(gate) == ["R2026-012"] and gate.get("R2026-012").item.id == "SHJZ-001"


def test_a_record_reviewed_later_is_out_from_its_review_day_and_the_rebuild_is_due_then(gc):
    put(gc, "R2026-010", "2026-09-10")
    path = gc.root / "records/2026/R2026-010.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("审查日期: 2026-09-01", "审查日期: 2026-09-15"),
                    encoding="utf-8")
    before, of = on(gc, D(2026, 9, 14)), on(gc, D(2026, 9, 15))
    assert ids(before) == [] and before.next_change == D(2026, 9, 15)
    assert ids(of) == ["R2026-010"] and of.next_change is None


def test_a_bare_decision_after_a_clearing_clause_or_typed_with_a_space_lets_the_record_out(gc):
    # 「不涉及国家秘密主动公开」 without a comma, 「主动　公开」 with a full-width space (as test_hostile8_gate's
    # LETS_OUT, which has neither): both let the record out; 「不涉密，不公开」 does not
    for rid, conclusion in (("R2026-010", "不涉及国家秘密主动公开"), ("R2026-011", "主动\u3000公开"),
                            ("R2026-012", "不涉密，不公开")):
        gc.record(record(rid, "2026-09-10").replace("不涉及国家秘密，同意主动公开", conclusion), f"records/2026/{rid}.yaml")
    gate = on(gc, D(2026, 9, 30))
    assert ids(gate) == ["R2026-011", "R2026-010"]
    assert gate.held == {"R2026-012": "保密审查结论「不涉密，不公开」没有同意主动公开（GK303），不能公开"}


# ---------------------------------------------------------------- the admitted record as shown


def test_a_name_its_own_list_holds_is_masked_in_the_admitted_title(gc):
    body = "  经审核，现予公示。\n\n  | 姓名 | 保障人数 |\n  | --- | --- |\n  | 陈水生 | 3 |\n"
    gc.record(record("R2026-010", "2026-09-10", item="SHJZ-001", kind="公示", extra="公示截止: 2026-09-30\n")
              .replace("题名: 测试县民政局关于第10号事项的公示", "题名: 关于陈水生家庭申请最低生活保障的公示")
              .replace("  现予公布。\n", body), "records/2026/R2026-010.yaml")
    found = on(gc, D(2026, 9, 30)).get("R2026-010")
    assert found.record.title == "关于陈*生家庭申请最低生活保障的公示" and found.item.id == "SHJZ-001"
    assert found.token.endswith(":关于陈*生家庭申请最低生活保障的公示")


def test_the_token_changes_with_the_last_day_of_a_running_notice_alone(gc):
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-001", kind="公示", extra="公示截止: 2026-09-30\n")
    longer = on(gc, D(2026, 9, 29)).get("R2026-010")
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-001", kind="公示", extra="公示截止: 2026-09-29\n")
    shorter = on(gc, D(2026, 9, 29)).get("R2026-010")
    assert (longer.state, longer.outputs, longer.validity) == (shorter.state, shorter.outputs, shorter.validity)
    assert longer.token != shorter.token


def test_a_record_of_an_item_that_lists_people_comes_down_the_day_after_publication_without_a_period(gc):
    # a 通知 of SHJZ-001 (低保对象名单及相关信息): a list by its item, whatever its 文种; no period declared (GK411)
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-001")
    of = on(gc, D(2026, 9, 10)).get("R2026-010")
    assert (of.state, of.notice_end, of.lists_people) == (State.CURRENT, D(2026, 9, 10), True)
    assert on(gc, D(2026, 9, 11)).get("R2026-010").state is State.ENDED


def test_a_notice_in_a_year_no_calendar_covers_ends_on_its_publication_day_provisionally(gc):
    # 2003: before chinesecalendar's years and before the statutory rules the provisional calendar applies
    put(gc, "R2026-010", "2003-06-02", item="SHJZ-001", kind="公示", extra="公示期: 5\n")
    path = gc.root / "records/2026/R2026-010.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("2026-09-01", "2003-05-30"), encoding="utf-8")
    found = on(gc, D(2003, 6, 2)).get("R2026-010")
    assert (found.state, found.notice_end, found.notice_provisional) == (State.CURRENT, D(2003, 6, 2), True)
    assert on(gc, D(2003, 6, 3)).get("R2026-010").state is State.ENDED


# ---------------------------------------------------------------- a rounded 身份证号 on the day of the build


def test_a_rounded_id_in_a_record_holds_it_back_from_the_holders_birth_day(gc):
    gc.record(record("R2026-010", "2026-09-10").replace("现予公布。", f"现予公布。编号：{NEWBORN}。"),
              "records/2026/R2026-010.yaml")
    assert ids(on(gc, D(2027, 1, 14))) == ["R2026-010"]
    gate = on(gc, D(2027, 1, 15))
    assert ids(gate) == [] and [(f.label, f.masked_value) for f in gate.blocked["R2026-010"]] == [
        ("身份证号", "35*************000")]


def test_a_rounded_id_in_the_directory_is_found_from_the_holders_birth_day(gc):
    gc.write("gongkai.yaml", AGENCY.replace("下午14:30—17:30", f"下午14:30—17:30，编号{NEWBORN}"))
    gc.item(ITEM.replace("责任单位: shjzg", f"责任单位: shjzg\n备注: 编号{NEWBORN}"))
    assert on(gc, D(2027, 1, 14)).directory_findings == []
    assert on(gc, D(2027, 1, 15)).directory_findings == [
        ("事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第17行第5列「备注」）", "身份证号", "35*************000"),
        ("gongkai.yaml 第29行第9列「依申请公开」「办公时间」", "身份证号", "35*************000")]


# ---------------------------------------------------------------- blank columns


def test_a_catalog_whose_gongkai_yaml_does_not_load_has_no_blank_town_pages(gc):
    # (validate and inspect still report the columns while the agency file has errors)
    gc.write("gongkai.yaml", "机关:\n  名称: 测试县民政局\n")
    catalog = load_catalog(gc.root, use_cache=False)
    assert catalog.agency is None
    blanks = blank_columns(catalog, {})
    assert [i.id for i in blanks.items] == ["SHJZ-001", "SHJZ-002"] and blanks.towns == []


# ---------------------------------------------------------------- the order of lists (sixteenth session: one sort key)


def test_admitted_records_are_newest_first_by_publication_day_then_number(gc):
    """Lists show the newest 公开日期 first, and among one day's the higher 编号 first: the 编号 order is not the order
    of publication (R2026-005 published after R2026-009)."""
    for rid, day in [("R2026-009", "2026-09-10"), ("R2026-005", "2026-09-12"), ("R2026-007", "2026-09-12"),
                     ("R2026-100", "2026-09-11"), ("R2026-010", "2026-09-09")]:
        put(gc, rid, day)
    assert ids(on(gc, D(2026, 9, 30))) == ["R2026-007", "R2026-005", "R2026-100", "R2026-009", "R2026-010"]


def test_the_order_holds_for_outcomes_kept_by_the_memo(gc):
    """A build after one edit takes the other outcomes from the gate's memo: the list order is the same."""
    from gongkai.catalog.listing import open_catalog, scan
    from gongkai.gate.memo import admit_remembered

    for rid, day in [("R2026-009", "2026-09-10"), ("R2026-005", "2026-09-12"), ("R2026-100", "2026-09-11")]:
        put(gc, rid, day)

    def remembered() -> tuple[list[str], bool]:
        source, cache = open_catalog(gc.root)
        catalog, gate, _ = admit_remembered(source, scan(source, cache), cache, D(2026, 9, 30))
        return ids(gate), catalog.partial  # partial: the other outcomes came from the memo

    assert remembered() == (["R2026-005", "R2026-100", "R2026-009"], False)
    put(gc, "R2026-007", "2026-09-12")
    assert remembered() == (["R2026-007", "R2026-005", "R2026-100", "R2026-009"], True)


# ---------------------------------------------------------------- what lists read of a record (Facts)


def test_the_facts_lists_read_are_the_records_own(gc):
    """Every field lists and page keys read of an admitted record, typed by hand from its file (seventeenth session:
    the gate's mutation run changed each of them and no gate test noticed)."""
    gc.write("files/2026/a.csv", FORM)
    gc.write("files/2026/b.csv", FORM)
    put(gc, "R2026-010", "2026-09-10", item="SHJZ-002",
        extra="解读:\n  - R2026-011\n转发: R2026-012\n被替代: R2026-013\n替代:\n  - R2026-008\n  - R2026-009\n"
              + attached("files/2026/b.csv", "files/2026/a.csv"))
    put(gc, "R2026-020", "2026-09-11", extra="报告年度: 2024\n")
    # (twenty-second session) a withdrawal dated after the day decided: the day travels with the facts (gate.past)
    put(gc, "R2026-021", "2026-09-12", extra="撤回:\n  日期: 2026-10-08\n  原因: 误将内部事务信息作为主动公开信息发布\n")
    put(gc, "R2026-022", "2026-09-13", extra="有效性: 失效\n有效性日期: 2026-10-20\n")
    put(gc, "R2026-023", "2026-09-14", extra="废止日期: 2026-10-21\n")
    gate = on(gc, D(2026, 9, 30))
    assert tuple(gate.get("R2026-010").facts) == (
        "R2026-010", "测试县民政局关于第10号事项的通知", "测民〔2026〕10号", "350524-MZ-2026-00010", D(2026, 9, 10),
        "SHJZ-002", "shjzg", "通知", 2025, ("R2026-011",), "R2026-012", "R2026-013", ("R2026-008", "R2026-009"),
        ("files/2026/b.csv", "files/2026/a.csv"), None, None, (), ())  # (links, addresses: its 正文 names no
    # record's page and links nothing)
    assert gate.get("R2026-021").facts.withdrawn == D(2026, 10, 8)
    # (twenty-second pass) the day a document lapses, after the day decided, travels too: a site set back before it is
    # refused (gate.past.relapsed); 废止日期 alone is 废止
    assert gate.get("R2026-022").facts.lapse == ("失效", D(2026, 10, 20))
    assert gate.get("R2026-023").facts.lapse == ("废止", D(2026, 10, 21))
    facts = gate.get("R2026-020").facts  # 报告年度 given: not the year before 成文日期
    assert (facts.report_year, facts.item, facts.interpretations, facts.forwards, facts.replaced_by, facts.replaces,
            facts.attachments) == (2024, None, (), None, None, (), ())


# ---------------------------------------------------------------- each outcome and the next day it may change
# (eighteenth session: the mutation run dropped the day from each kind of outcome and no test noticed; the memo keeps
# an outcome until that day, so a lost day leaves a record as it was after the law says it changes)

LATER = "撤回:\n  日期: 2026-09-25\n  原因: 误将内部事务信息作为主动公开信息发布\n"  # after the build day (09-15)


def _outcome(cat: CatalogDir, day: dt.date):
    gate = on(cat, day)
    (outcome,) = gate.outcomes.values()  # the gc catalog holds this one record
    return outcome.verdict.name, outcome.change, gate.next_change


@pytest.mark.parametrize(("case", "extra", "verdict"), [
    ("admitted", "", "ADMITTED"),
    ("held: reviewed after the build day", "", "HELD"),
    ("no such item", "", "NO_ITEM"),
    ("unsafe: a missing file", attached("files/2026/none.pdf"), "UNSAFE"),
    ("blocked: a mobile number", "", "BLOCKED"),
])
def test_a_record_withdrawn_later_changes_on_its_withdrawal_day_whatever_it_is_now(gc, case, extra, verdict):
    text = record("R2026-010", "2026-09-10", extra=LATER + extra)
    if case.startswith("held"):
        text = text.replace("审查日期: 2026-09-01", "审查日期: 2026-09-30")
    elif case == "no such item":
        text = text.replace("责任单位: shjzg\n", "责任单位: shjzg\n事项: SHJZ-999\n")
    elif case.startswith("blocked"):
        text = text.replace("现予公布。", "现予公布。联系电话13805951234。")
    gc.record(text, "records/2026/R2026-010.yaml")
    assert _outcome(gc, D(2026, 9, 15)) == (verdict, D(2026, 9, 25), D(2026, 9, 25))


def test_a_record_not_yet_published_is_out_until_its_publication_day(gc):
    put(gc, "R2026-010", "2026-09-20")
    assert _outcome(gc, D(2026, 9, 15)) == ("OUT", D(2026, 9, 20), D(2026, 9, 20))


def test_a_withdrawn_record_never_changes_again_without_an_edit(gc):
    # withdrawn on 09-12, with a 废止日期 later: down for good, no rebuild is due on 09-30
    put(gc, "R2026-010", "2026-09-10", extra="撤回:\n  日期: 2026-09-12\n  原因: 误将内部事务信息作为主动公开信息发布\n"
        "废止日期: 2026-09-30\n")
    assert _outcome(gc, D(2026, 9, 15)) == ("WITHDRAWN", None, None)


def test_a_notice_listing_people_without_a_period_comes_down_the_day_after_it_went_up(gc):
    # a 通知 (no 公示, no item that lists people) whose file is a list of names: down after its 公开日期 (GK611)
    gc.write("files/2026/a.csv", LIST)
    put(gc, "R2026-010", "2026-09-10", extra=attached("files/2026/a.csv"))
    of = on(gc, D(2026, 9, 10))
    found = of.get("R2026-010")
    assert (found.state, found.notice_end, found.lists_people, of.next_change) == (
        State.CURRENT, D(2026, 9, 10), True, D(2026, 9, 11))
    after = on(gc, D(2026, 9, 11))
    assert (after.get("R2026-010").state, after.next_change) == (State.ENDED, None)


def test_a_rounded_id_is_the_next_change_the_day_before_its_birth_day_and_not_on_it(gc):
    gc.record(record("R2026-010", "2026-09-10").replace("现予公布。", f"现予公布。编号：{NEWBORN}。"),
              "records/2026/R2026-010.yaml")
    assert on(gc, D(2027, 1, 14)).next_change == D(2027, 1, 15)
    assert on(gc, D(2027, 1, 15)).next_change is None  # held from today on: nothing is due today again


def test_a_rounded_id_in_the_directory_is_the_next_change_and_directory_findings_is_on_the_day(gc):
    from gongkai.gate.admit import directory_findings

    put(gc, "R2026-010", "2026-09-10")
    gc.item(ITEM.replace("责任单位: shjzg", f"责任单位: shjzg\n备注: 编号{NEWBORN}"))
    assert on(gc, D(2027, 1, 14)).next_change == D(2027, 1, 15)
    assert on(gc, D(2027, 1, 15)).next_change is None
    catalog = load_catalog(gc.root, use_cache=False)
    assert directory_findings(catalog, D(2027, 1, 14)) == []
    assert directory_findings(catalog, D(2027, 1, 15)) == [
        ("事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第17行第5列「备注」）", "身份证号", "35*************000")]


# ---------------------------------------------------------------- the longest a list stays up


@pytest.mark.parametrize(("published", "last"), [
    (D(2026, 9, 10), D(2027, 9, 9)),
    (D(2027, 3, 1), D(2028, 2, 29)),  # 2028 is a leap year
    (D(2028, 2, 29), D(2029, 2, 28)),  # no 29 February in 2029: the day before 1 March
    (D(2026, 12, 31), D(2027, 12, 30)),
])
def test_a_list_stays_up_a_year_at_most(published, last):
    from gongkai.publication.periods import latest_notice_end

    assert latest_notice_end(published) == last


# ---------------------------------------------------------------- the admission itself


def test_the_admission_names_its_files_content_hash_and_day(gc):
    put(gc, "R2026-010", "2026-09-10")
    path = gc.root / "records/2026/R2026-010.yaml"
    blob = subprocess.run(["git", "hash-object", str(path)], capture_output=True, text=True, check=True).stdout.strip()
    gate = on(gc, D(2026, 9, 30))
    assert gate.today == D(2026, 9, 30) and gate.get("R2026-010").blob == blob


def test_the_token_changes_with_each_last_day_of_a_notice_alone(gc):
    from gongkai.gate.admission import Admission

    put(gc, "R2026-010", "2026-09-10")
    found = on(gc, D(2026, 9, 30)).get("R2026-010")

    def token(end: dt.date | None) -> str:
        return Admission.of(found.record, "abc", None, (), frozenset(), State.CURRENT, end, True, "有效", None,
                            False).token

    assert len({token(None), token(D(2026, 9, 29)), token(D(2026, 9, 30))}) == 3


def test_a_remembered_admission_keeps_no_record(gc):
    """The memo keeps what lists read (facts, state, token), not the record (twice the size, as slow to read)."""
    put(gc, "R2026-010", "2026-09-10")
    found = on(gc, D(2026, 9, 30)).get("R2026-010")
    kept = pickle.loads(pickle.dumps(found))
    assert "source" in found.__dict__ and kept.__dict__["source"] is None
    assert (kept.facts, kept.token, kept.newest) == (found.facts, found.token, found.newest)


# ---------------------------------------------------------------- the notices that take a record down


@pytest.mark.parametrize(("title", "shown"), [
    ("关于陈水生家庭申请最低生活保障的公示", "关于陈*生家庭申请最低生活保障的公示"),
    # a name its list would not give (an official's, 同志): a 公示's title shows it masked all the same, as when admitted
    ("关于给予王建国同志记三等功的公示", "关于给予王*国同志记三等功的公示"),
])
def test_a_withdrawn_notice_masks_the_name_its_title_gives_as_the_admitted_title_did(gc, title, shown):
    # no list in its file: the name is known only from the title
    text = record("R2026-010", "2026-09-10", kind="公示", extra="公示截止: 2026-09-30\n" + WITHDRAWN).replace(
        "题名: 测试县民政局关于第10号事项的公示", f"题名: {title}")
    gc.record(text, "records/2026/R2026-010.yaml")
    assert [r.title for r in on(gc, D(2026, 9, 21)).withdrawn] == [shown]
    assert on(gc, D(2026, 9, 19)).get("R2026-010").record.title == shown


def test_a_withdrawn_notice_whose_file_lists_people_masks_a_name_its_title_gives(gc):
    # a 通知 (no period) whose file lists other people: a list of people by its file, so its title's name goes too
    gc.write("files/2026/a.csv", LIST)
    gc.record(record("R2026-010", "2026-09-10", extra=WITHDRAWN + attached("files/2026/a.csv"))
              .replace("题名: 测试县民政局关于第10号事项的通知", "题名: 关于给予王建国同志等人临时救助的通知"),
              "records/2026/R2026-010.yaml")
    assert [r.title for r in on(gc, D(2026, 9, 21)).withdrawn] == ["关于给予王*国同志等人临时救助的通知"]
