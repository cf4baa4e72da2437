"""Twenty-fifth hostile pass: bugs planted in the gate, the handover and the working days must not survive.

Every date below is typed by hand from the State Council's holiday notices, never computed by the code under test:

- 2025 (国办发明电〔2024〕12号): off 1/1, 1/28–2/4 (春节), 4/4–4/6, 5/1–5/5, 5/31–6/2, 10/1–10/8 (国庆、中秋);
  make-up working days 1/26 (Sun), 2/8 (Sat), 4/27 (Sun), 9/28 (Sun), 10/11 (Sat).
- 2026 (国办发明电〔2025〕7号): off 1/1–1/3, 2/15–2/23, 4/4–4/6, 5/1–5/5, 6/19–6/21, 9/25–9/27, 10/1–10/7;
  make-up working days 1/4 (Sun), 2/14 (Sat), 2/28 (Sat), 5/9 (Sat), 9/20 (Sun), 10/10 (Sat).

Handover days are the 5th and 20th, moved to the next working day (闽政办函〔2016〕42号, DOMAIN.md §6); the 两馆
receive a document within 20 working days of its 成文日期; a 公示期 of N working days counts its 公开日期 (or the next
working day) as the first.

Found by this pass:
1. A handover batch holding one document formed in a year no holiday notice covers (成文日期 2003-05-01: an old
   regulation published in the column now) was refused whole with 「没有2003年的节假日安排……录入 calendar/2003.yaml」,
   naming neither the record nor its file: no 目录表 reached the 两馆 that day. The batch is made; the record's 备注
   says 「成文于2003年5月1日，2004年1月1日至送交已有N个工作日，超过20个工作日时限」 (the days that can be counted are
   already far over the limit).

Planted by hand (each made one test of this file fail, then reverted):
1. plan.py: a record published on the batch day left for the next batch (``published <= day`` → ``<``).
2. workdays: a holiday falling on a weekday counted as a working day (official.py, ``_library_day``).
3. workdays: a weekend make-up working day (调休上班) counted as a day off (official.py, ``_library_day``).
4. periods.py: a 公示期 one working day too long (``notice_days - 1`` → ``notice_days``).
5. gate/admit.py: a record whose 保密审查 is dated after the day let out (the review status skipped).
6. schedule.py: ``missed`` counting the last batch's own day as missed (``after < d`` → ``after <= d``).
7. plan.py: the 20-working-day limit noted one day late (``>`` → ``>=``) — a document handed over on its 20th
   working day is on time.

Surviving mutants of tools/mutation.py's handover and workdays groups that change what a user relies on are killed
by the cases below (named in each test's comment).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import AGENCY, CatalogDir
from tests.test_handover import NOTICE_2027, add
from gongkai.catalog import load_catalog
from gongkai.gate import Output, admit
from gongkai.publication.schedule import find_handover, first_nominal, missed, nearest, previous, schedule, unsettled
from gongkai.workdays import WorkdayCalendar

D = dt.date.fromisoformat
CAL = WorkdayCalendar()  # chinesecalendar's copy of the notices: 2025 and 2026 are the State Council's


# ------------------------------------------------------------------------------------------------ working days


@pytest.mark.parametrize(("start", "n", "due"), [
    ("2025-09-26", 1, "2025-09-28"),  # Fri → the make-up Sunday 9/28
    ("2025-09-30", 1, "2025-10-09"),  # 国庆、中秋 10/1–10/8 skipped
    ("2025-10-09", 2, "2025-10-11"),  # Thu 10/9 excluded: Fri 10/10, the make-up Saturday 10/11
    ("2025-01-24", 1, "2025-01-26"),  # Fri → the make-up Sunday before 春节
    ("2025-01-24", 2, "2025-01-27"),
    ("2025-01-24", 3, "2025-02-05"),  # 春节 1/28–2/4 skipped
    ("2024-12-31", 1, "2025-01-02"),  # 元旦 2025 is one day
    ("2025-12-31", 1, "2026-01-04"),  # 元旦 2026 1/1–1/3, then the make-up Sunday 1/4, across the year
    ("2026-02-13", 1, "2026-02-14"),  # the make-up Saturday before 春节
    ("2026-02-13", 2, "2026-02-24"),  # 春节 2/15–2/23 skipped
    ("2026-02-24", 4, "2026-02-28"),  # Wed 2/25, Thu, Fri, the make-up Saturday 2/28
    ("2026-09-30", 3, "2026-10-10"),  # 国庆 10/1–10/7; 10/8, 10/9, the make-up Saturday 10/10
    ("2026-11-27", 10, "2026-12-11"),  # two ordinary weeks
    ("2026-05-05", 0, "2026-05-05"),  # no day to count: the day itself, a holiday or not
])
def test_working_days_over_holidays_and_makeup_days(gk, start, n, due):
    # kills: makeup ignored, holidays counted (planted 2, 3), off-by-one in WorkdayCalendar.add and its year loop
    run = gk("workdays", "add", start, str(n))
    assert run.code == 0, run.err
    assert run.out.splitlines()[-1].strip().startswith(f"→ {due}（")


def test_count_of_working_days_between_two_days():
    # (start, end]: start excluded, end included — the count the handover's 20-day limit uses
    assert CAL.count_between(D("2025-01-24"), D("2025-02-08")) == 6  # 1/26, 1/27, 2/5, 2/6, 2/7, 2/8
    assert CAL.count_between(D("2026-02-13"), D("2026-02-24")) == 2  # 2/14, 2/24
    assert CAL.count_between(D("2025-12-31"), D("2026-01-05")) == 2  # 1/4 (Sun, make-up), 1/5
    assert CAL.count_between(D("2026-09-30"), D("2026-10-10")) == 3
    assert CAL.count_between(D("2026-10-10"), D("2026-10-10")) == 0
    assert CAL.count_between(D("2026-10-12"), D("2026-10-10")) == 0


@pytest.mark.parametrize(("day", "working"), [
    ("2025-10-08", False), ("2025-10-09", True), ("2025-10-11", True), ("2025-09-28", True), ("2025-05-31", False),
    ("2026-01-04", True), ("2026-02-14", True), ("2026-02-23", False), ("2026-06-19", False), ("2026-09-20", True),
    ("2026-09-25", False), ("2026-10-11", False), ("2026-10-10", True),
])
def test_which_days_are_working_days(day, working):
    assert CAL.is_workday(D(day)) is working
    assert CAL.on_or_after(D(day)) == D(day) if working else CAL.on_or_after(D(day)) > D(day)


# ------------------------------------------------------------------------------------------------ handover days


@pytest.mark.parametrize(("nominal", "actual"), [
    ("2025-01-05", "2025-01-06"), ("2025-04-05", "2025-04-07"), ("2025-05-05", "2025-05-06"),
    ("2025-09-20", "2025-09-22"), ("2025-10-05", "2025-10-09"), ("2025-10-20", "2025-10-20"),
    ("2026-01-05", "2026-01-05"), ("2026-02-20", "2026-02-24"), ("2026-06-20", "2026-06-22"),
    ("2026-09-20", "2026-09-20"), ("2026-10-05", "2026-10-08"), ("2026-12-20", "2026-12-21"),
])
def test_handover_day_moves_to_the_next_working_day(nominal, actual):
    day = next(h for h in schedule(D(nominal).year, CAL) if h.nominal == D(nominal))
    assert day.actual == D(actual)
    assert day.moved is (nominal != actual)


def test_a_working_sunday_keeps_its_handover_and_says_why(gk, tmp_path):
    catalog = CatalogDir(tmp_path / "c")
    catalog.write("gongkai.yaml", AGENCY)
    run = gk("handover", "schedule", "--year", "2026", "--format", "json", "-C", catalog.root)
    assert run.code == 0, run.err
    days = {d["nominal"]: d for d in run.json()}  # type: ignore[union-attr]
    assert days["2026-09-20"] == {"nominal": "2026-09-20", "actual": "2026-09-20", "moved": False, "reason": "",
                                  "note": "9月20日是调休上班日，照常移交"}
    assert days["2026-09-05"]["note"] == ""  # a Saturday that is no working day moves instead
    assert days["2026-09-05"]["actual"] == "2026-09-07"
    # the days skipped are those before the handover, never the handover day itself
    assert days["2026-02-20"]["reason"] == "2月20日至23日春节假期（国务院办公厅通知），节假日顺延至2月24日"
    assert days["2026-09-05"]["reason"] == "9月5日至6日是周末，节假日顺延至9月7日"


def test_a_year_from_the_catalog_s_own_notice(gk, tmp_path):
    # calendar/2027.yaml (the test notice of test_handover.py): off 1/1–1/3 and 春节 2/5 (Fri)–2/11 (Thu), make-up
    # working day Saturday 2/20 — the notice's own days, not chinesecalendar's (which has no 2027)
    catalog = CatalogDir(tmp_path / "c")
    catalog.write("gongkai.yaml", AGENCY)
    catalog.write("calendar/2027.yaml", NOTICE_2027)
    run = gk("handover", "schedule", "--year", "2027", "--format", "json", "-C", catalog.root)
    assert run.code == 0, run.err
    days = {d["nominal"]: (d["actual"], d["note"]) for d in run.json()}  # type: ignore[union-attr]
    assert days["2027-01-05"] == ("2027-01-05", "")
    assert days["2027-02-05"] == ("2027-02-12", "")
    assert days["2027-02-20"] == ("2027-02-20", "2月20日是调休上班日，照常移交")
    assert days["2027-03-20"] == ("2027-03-22", "")  # an ordinary Saturday
    for start, n, last in (("2027-02-04", 2, "→ 2027-02-15（共经过11天，其中跳过9天）"),
                           ("2027-02-19", 1, "→ 2027-02-20（共经过1天，其中跳过0天）"),
                           ("2026-12-31", 1, "→ 2027-01-04（共经过4天，其中跳过3天）")):
        added = gk("workdays", "add", start, str(n), "-C", catalog.root)
        assert added.code == 0, added.err
        assert added.out.splitlines()[-1].strip() == last


# The 2026 notice as a clerk typed it wrong: 春节 to 2/24 (a working day), 国庆 from 9/30 (a working day), the
# make-up Saturday 10/10 typed as Sunday 10/11.
WRONG_2026 = """\
年度: 2026
通知: 国务院办公厅关于2026年部分节假日安排的通知
放假:
  - 名称: 元旦
    开始: 2026-01-01
    结束: 2026-01-03
  - 名称: 春节
    开始: 2026-02-15
    结束: 2026-02-24
  - 名称: 国庆节
    开始: 2026-09-30
    结束: 2026-10-07
调休上班: [2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-11]
"""


def test_a_notice_typed_wrong_is_reported_at_its_entries(gk, tmp_path):
    # each day that differs is reported at the entry it comes from: a holiday at its 开始 line, or at its 结束 line
    # when the days it takes too many run to its last day (春节 typed to 2/24, a day late)
    catalog = CatalogDir(tmp_path / "c")
    catalog.write("gongkai.yaml", AGENCY)
    catalog.write("calendar/2026.yaml", WRONG_2026)
    run = gk("validate", catalog.root, "--format", "json")
    found = {d["message"].split("不同：")[1][:10]: (d["line"], d["field"])  # type: ignore[index]
             for d in run.json()["diagnostics"] if d["code"] == "GK806"}  # type: ignore[index]
    assert found == {"2026-02-24": (9, "放假.1.结束"), "2026-09-30": (11, "放假.2.开始"),
                     "2026-10-10": (13, "调休上班"), "2026-10-11": (13, "调休上班.5"),
                     # the weekdays of 清明, 劳动节, 端午 and 中秋 the file leaves out: 4/6, 5/1, 5/4, 5/5, 6/19, 9/25
                     "2026-04-06": (3, "放假")}
    assert "2026年有6天与国务院办公厅通知" in run.out and "另有3天" in run.out


def test_a_count_into_a_year_whose_notice_file_is_broken_names_the_file(gk, tmp_path):
    # calendar/2027.yaml has a day that does not exist (2027-13-03): it is not used, the count into 2027 is 暂定, and
    # the note sends the clerk to that file rather than telling her to enter a notice she already entered
    catalog = CatalogDir(tmp_path / "c")
    catalog.write("gongkai.yaml", AGENCY)
    catalog.write("calendar/2027.yaml", "年度: 2027\n通知: 国务院办公厅关于2027年部分节假日安排的通知\n放假:\n"
                                        "  - 名称: 元旦\n    开始: 2027-01-01\n    结束: 2027-13-03\n")
    run = gk("workdays", "add", "2026-12-30", "3", "-C", catalog.root)
    assert run.code == 0, run.err
    last = [line.strip() for line in run.out.splitlines()][-2:]
    assert last[0] == "→ 2027-01-05（暂定）（共经过6天，其中跳过3天）"  # 12-31, then 2027-01-01 off, 01-04, 01-05
    assert last[1].startswith("暂定：calendar/2027.yaml 有错误，没有使用，2027年的期限暂按周末和")


def test_a_county_handing_over_on_the_31st():
    # the 31st of a short month is its last day: 2026-02-28 is a make-up Saturday, so the handover stays there;
    # 2026-05-31 is a Sunday (→ 6/1); 2026-10-31 a Saturday (→ 11/2)
    days = {h.nominal: h.actual for h in schedule(2026, CAL, (31,))}
    assert days[D("2026-02-28")] == D("2026-02-28")
    assert days[D("2026-04-30")] == D("2026-04-30")
    assert days[D("2026-05-31")] == D("2026-06-01")
    assert days[D("2026-10-31")] == D("2026-11-02")
    assert len(days) == 12
    assert first_nominal(2027) == D("2027-01-05") and first_nominal(2027, (20, 10)) == D("2027-01-10")


def test_handovers_around_a_day():
    on = find_handover(D("2026-02-24"), CAL)
    assert on is not None and on.nominal == D("2026-02-20")
    assert find_handover(D("2026-02-20"), CAL) is None  # a holiday: no handover that day
    before, after = nearest(D("2026-09-20"), CAL)
    assert before is not None and before.actual == D("2026-09-07")
    assert after is not None and after.actual == D("2026-10-08")
    last = previous(D("2026-09-21"), CAL)
    assert last is not None and last.actual == D("2026-09-20")
    turn = previous(D("2026-01-05"), CAL)  # across the year: 2025-12-20 is a Saturday, moved to Monday
    assert turn is not None and (turn.nominal, turn.actual) == (D("2025-12-20"), D("2025-12-22"))


def test_missed_handovers_exclude_both_ends():
    # planted 6: the last batch's own day is not missed, nor the day of the batch being made
    assert missed(D("2026-09-07"), D("2026-10-08"), CAL) == (D("2026-09-20"),)
    assert missed(D("2026-09-07"), D("2026-09-20"), CAL) == ()
    assert missed(D("2026-09-06"), D("2026-09-21"), CAL) == (D("2026-09-07"), D("2026-09-20"))
    assert missed(D("2025-12-22"), D("2026-01-20"), CAL) == (D("2026-01-05"),)
    assert missed(D("2025-12-05"), D("2026-01-06"), CAL) == (D("2025-12-22"), D("2026-01-05"))  # both years
    # a county handing over on the 10th: 2026-10-10 is the make-up Saturday, a handover day
    assert missed(D("2026-09-07"), D("2026-10-20"), CAL, (10,)) == (D("2026-09-10"), D("2026-10-10"))
    # 2027 has no notice: its days are not known, so none is missed, but the 5 January batch is named as unsettled
    assert missed(D("2026-12-21"), D("2027-01-25"), CAL) == ()
    assert [day for day, _ in unsettled(D("2026-12-21"), D("2027-01-25"), CAL)] == [D("2027-01-05"), D("2027-01-20")]
    assert unsettled(D("2026-09-07"), D("2026-10-08"), CAL) == ()


def test_unsettled_handovers_of_years_without_a_notice():
    # 2027 and 2028 have no notice yet: their days are placed on the provisional calendar (weekends and the statutory
    # holidays: 2027-01-05 a Tuesday, 2027-01-20 a Wednesday, 2028-01-05 a Wednesday), both ends excluded
    assert unsettled(D("2027-01-05"), D("2027-01-20"), CAL) == ()
    assert [day for day, _ in unsettled(D("2027-01-04"), D("2027-01-21"), CAL)] == [D("2027-01-05"), D("2027-01-20")]
    # a county handing over on the 10th: 2027-01-10 is a Sunday, so Monday the 11th
    assert [day for day, _ in unsettled(D("2026-12-21"), D("2027-01-25"), CAL, (10,))] == [D("2027-01-11")]
    # over two years without a notice, every day of both is named, in order
    both = [day for day, _ in unsettled(D("2026-12-21"), D("2028-01-10"), CAL)]
    assert len(both) == 25 and both[:2] == [D("2027-01-05"), D("2027-01-20")] and both[-1] == D("2028-01-05")
    assert all(missing.year == day.year for day, missing in unsettled(D("2026-12-21"), D("2028-01-10"), CAL))


# ------------------------------------------------------------------------------------------------ a batch's contents


@pytest.fixture(scope="module")
def batch_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    catalog = CatalogDir(tmp_path_factory.mktemp("h25") / "catalog")
    catalog.write("gongkai.yaml", AGENCY)
    catalog.item()
    add(catalog, 1, "2026-09-08", formed="2026-08-24")  # handed over 2026-09-20: its 20th working day, on time
    add(catalog, 2, "2026-09-18", formed="2026-08-21")  # its 21st working day: late
    add(catalog, 3, "2026-09-20", formed="2026-09-18")  # published on the batch day (a working Sunday): in it
    add(catalog, 4, "2026-09-21", formed="2026-09-18")  # the day after: the next batch
    add(catalog, 5, "2026-09-10", formed="2026-09-01", attribute="依申请公开")  # never handed over
    late_review = catalog.root / "records/2026/R2026-006.yaml"
    add(catalog, 6, "2026-09-15", formed="2026-09-14")
    # its 保密审查 is dated after the batch day: not public yet on 2026-09-20 (planted 5)
    late_review.write_text(late_review.read_text(encoding="utf-8").replace("审查日期: 2026-09-14", "审查日期: 2026-09-21"),
                           encoding="utf-8")
    add(catalog, 7, "2026-09-09", formed="2026-09-08")
    withdrawn = catalog.root / "records/2026/R2026-007.yaml"
    withdrawn.write_text(withdrawn.read_text(encoding="utf-8").replace(
        "附件:", "撤回:\n  日期: 2026-09-20\n  原因: 误将内部事务信息作为主动公开信息发布\n附件:"), encoding="utf-8")
    return catalog.root


def test_a_batch_holds_what_was_published_by_its_day(gk, batch_catalog):
    # planted 1 (the batch day's record), 5 (a review after the day); a record withdrawn on the batch day is not sent
    run = gk("handover", "--date", "2026-09-20", "--dry-run", "--today", "2026-09-20", "-C", batch_catalog)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "将送交 2026-09-20 批次（覆盖2026年9月8日至2026年9月20日）：3 件信息"
    sent = [line.split()[1] for line in lines if line.startswith("    ") and line.strip()[0].isdigit()]
    assert sent == ["350524-MZ-2026-00001", "350524-MZ-2026-00002", "350524-MZ-2026-00003"]
    assert "R2026-006" in run.err + run.out and "GK507" in run.err + run.out  # named, left for a later batch


def test_the_twenty_working_day_limit_is_noted_from_the_21st(gk, batch_catalog):
    # planted 7: 2026-08-24 → 2026-09-20 is 20 working days (8/25–8/28, 8/31, 15 days of September up to the
    # make-up Sunday 9/20); 2026-08-21 → 21
    run = gk("handover", "--date", "2026-09-20", "--dry-run", "--today", "2026-09-20", "-C", batch_catalog)
    first, second = (next(line for line in run.out.splitlines() if f"MZ-2026-0000{n}" in line) for n in (1, 2))
    assert "备注" not in first
    assert "备注：成文后第21个工作日送交，超过20个工作日时限" in second


def test_a_document_formed_before_any_holiday_notice_is_handed_over_as_late(gk, tmp_path):
    # defect 1: the whole batch was refused with 「没有2003年的节假日安排……录入 calendar/2003.yaml」, naming no record
    catalog = CatalogDir(tmp_path / "c")
    catalog.write("gongkai.yaml", AGENCY)
    catalog.item()
    add(catalog, 1, "2026-09-08", formed="2026-09-07")
    add(catalog, 8, "2026-09-16", formed="2003-05-01")  # an old regulation published now: formed in 2003
    run = gk("handover", "--date", "2026-09-20", "--dry-run", "--today", "2026-09-20", "-C", catalog.root)
    assert run.code == 0, run.err
    assert run.out.splitlines()[0] == "将送交 2026-09-20 批次（覆盖2026年9月8日至2026年9月20日）：2 件信息"
    old = next(line for line in run.out.splitlines() if "MZ-2026-00008" in line)
    remark = old.split("备注：")[1]
    assert remark.startswith("成文于2003年5月1日，2004年1月1日至送交已有")
    assert remark.endswith("个工作日，超过20个工作日时限")
    assert int(remark.split("已有")[1].split("个")[0]) > 22 * 250  # 22 whole years of about 250 working days


# ------------------------------------------------------------------------------------------------ the gate and 公示


@pytest.fixture(scope="module")
def notice_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    catalog = CatalogDir(tmp_path_factory.mktemp("h25n") / "catalog")
    catalog.write("gongkai.yaml", AGENCY)
    catalog.item()
    for number, published, days in ((1, "2026-09-30", 7), (2, "2026-10-01", 7), (3, "2026-10-03", 1),
                                    (4, "2026-02-13", 2)):
        rid = add(catalog, number, published, formed="2026-01-05")
        path = catalog.root / f"records/2026/{rid}.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("公示截止: 2026-12-31", f"公示期: {days}"),
                        encoding="utf-8")
    return catalog.root


@pytest.mark.parametrize(("rid", "end"), [
    ("R2026-001", "2026-10-14"),  # Wed 9/30 (1), 10/8, 10/9, Sat 10/10, 10/12, 10/13, 10/14 (7)
    ("R2026-002", "2026-10-15"),  # published on 国庆: 10/8 is the first of the seven
    ("R2026-003", "2026-10-08"),  # one day, published on a holiday: the first working day after it
    ("R2026-004", "2026-02-14"),  # Fri 2/13 (1), the make-up Saturday 2/14 (2)
])
def test_a_notice_period_ends_on_its_last_working_day(notice_catalog, rid, end):
    # planted 4 (one day too long); the list is up on its last day and down the day after
    catalog = load_catalog(notice_catalog, use_cache=False)
    last = D(end)
    on = admit(catalog, last).get(rid)
    assert on is not None and on.notice_end == last and on.state.name == "CURRENT"
    after = admit(catalog, last + dt.timedelta(days=1)).get(rid)
    assert after is not None and after.state.name == "ENDED"


def test_the_gate_on_the_edges_of_a_record_s_days(batch_catalog):
    catalog = load_catalog(batch_catalog, use_cache=False)
    before, on = admit(catalog, D("2026-09-19")), admit(catalog, D("2026-09-20"))
    assert before.admits("R2026-007", Output.ARCHIVES) and not on.admits("R2026-007")  # withdrawn 9/20
    assert not before.admits("R2026-003") and on.admits("R2026-003", Output.ARCHIVES)  # published 9/20
    assert not on.admits("R2026-006") and "R2026-006" in on.held  # reviewed 9/21
    assert admit(catalog, D("2026-09-21")).admits("R2026-006", Output.ARCHIVES)
    assert not on.admits("R2026-005")  # 依申请公开
