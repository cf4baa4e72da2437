"""The working-day calendar, checked against the State Council's notices written out by hand."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gongkai
from gongkai.workdays import (
    CalendarMissing,
    DayKind,
    DueDate,
    Notice,
    NoticeHoliday,
    WorkdayCalendar,
    notice_missing_warning,
    notice_problems,
)

D = dt.date


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


# 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04), typed from the notice, not from any library.
OFF_2026: dict[str, list[dt.date]] = {
    "元旦": days(D(2026, 1, 1), D(2026, 1, 3)),
    "春节": days(D(2026, 2, 15), D(2026, 2, 23)),
    "清明节": days(D(2026, 4, 4), D(2026, 4, 6)),
    "劳动节": days(D(2026, 5, 1), D(2026, 5, 5)),
    "端午节": days(D(2026, 6, 19), D(2026, 6, 21)),
    "中秋节": days(D(2026, 9, 25), D(2026, 9, 27)),
    "国庆节": days(D(2026, 10, 1), D(2026, 10, 7)),
}
MAKEUP_2026 = [D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)]

# 国务院办公厅关于2025年部分节假日安排的通知.
OFF_2025 = [
    *days(D(2025, 1, 1), D(2025, 1, 1)),
    *days(D(2025, 1, 28), D(2025, 2, 4)),
    *days(D(2025, 4, 4), D(2025, 4, 6)),
    *days(D(2025, 5, 1), D(2025, 5, 5)),
    *days(D(2025, 5, 31), D(2025, 6, 2)),
    *days(D(2025, 10, 1), D(2025, 10, 8)),
]
MAKEUP_2025 = [D(2025, 1, 26), D(2025, 2, 8), D(2025, 4, 27), D(2025, 9, 28), D(2025, 10, 11)]

FAKE_TITLE = "测试用虚构通知（不是国务院办公厅的真实安排）"


def expected_kind(day: dt.date, off: list[dt.date], makeup: list[dt.date]) -> DayKind:
    if day in off:
        return DayKind.HOLIDAY
    if day in makeup:
        return DayKind.MAKEUP
    return DayKind.WEEKEND if day.weekday() >= 5 else DayKind.WORKDAY


@pytest.fixture(scope="module")
def cal() -> WorkdayCalendar:
    return WorkdayCalendar()


# ---------------------------------------------------------------- the official years


def test_hand_tables_are_what_the_notices_say() -> None:
    assert [d.weekday() for d in MAKEUP_2026] == [6, 5, 5, 5, 6, 5]  # Sun Sat Sat Sat Sun Sat
    assert [d.weekday() for d in MAKEUP_2025] == [6, 5, 6, 6, 5]  # Sun Sat Sun Sun Sat
    assert sum(len(v) for v in OFF_2026.values()) == 33


@pytest.mark.parametrize(
    ("year", "off", "makeup"),
    [(2026, [d for v in OFF_2026.values() for d in v], MAKEUP_2026), (2025, OFF_2025, MAKEUP_2025)],
)
def test_every_day_of_the_year_matches_the_notice(
    cal: WorkdayCalendar, year: int, off: list[dt.date], makeup: list[dt.date]
) -> None:
    wrong = [
        (day, cal.info(day).kind, expected_kind(day, off, makeup))
        for day in days(D(year, 1, 1), D(year, 12, 31))
        if cal.info(day).kind is not expected_kind(day, off, makeup)
    ]
    assert wrong == []
    assert all(cal.is_workday(day) for day in makeup)
    assert not any(cal.is_workday(day) for day in off)


@pytest.mark.parametrize("name", list(OFF_2026))
def test_2026_holiday_names_in_chinese(cal: WorkdayCalendar, name: str) -> None:
    assert {cal.info(day).holiday_name for day in OFF_2026[name]} == {name}


def test_reasons(cal: WorkdayCalendar) -> None:
    assert cal.info(D(2026, 10, 3)).reason == "国庆节假期（国务院办公厅通知）"  # a Saturday inside the holiday
    assert cal.info(D(2026, 9, 20)).reason == "调休上班日（周日）"
    assert cal.info(D(2026, 3, 7)).reason == "周六，休息日"
    assert cal.info(D(2026, 3, 9)).reason == "工作日"
    assert cal.info(D(2026, 3, 9)).source == "chinesecalendar"


# ---------------------------------------------------------------- counting


def test_add_skips_the_national_day_week(cal: WorkdayCalendar) -> None:
    # 9/30 Wed is the start and is not counted; 10/1–10/7 are off.
    # 10/8 Thu = 1, 10/9 Fri = 2, 10/10 Sat (调休上班) = 3, 10/11 Sun off,
    # 10/12 Mon = 4, 10/13 = 5, 10/14 = 6, 10/15 = 7, 10/16 Fri = 8, 10/17–18 weekend off,
    # 10/19 Mon = 9, 10/20 Tue = 10.
    assert cal.add(D(2026, 9, 30), 10) == D(2026, 10, 20)
    assert cal.count_between(D(2026, 9, 30), D(2026, 10, 20)) == 10


def test_add_edges(cal: WorkdayCalendar) -> None:
    assert cal.add(D(2026, 10, 3), 0) == D(2026, 10, 3)
    assert cal.add(D(2026, 2, 13), 1) == D(2026, 2, 14)  # Friday → the make-up Saturday
    assert cal.add(D(2025, 12, 31), 2) == D(2026, 1, 5)  # across the year: 1/1–1/3 off, 1/4 Sunday works = 1
    with pytest.raises(ValueError):
        cal.add(D(2026, 1, 5), -1)


def test_count_between_is_half_open(cal: WorkdayCalendar) -> None:
    assert cal.count_between(D(2026, 3, 9), D(2026, 3, 9)) == 0
    assert cal.count_between(D(2026, 3, 10), D(2026, 3, 9)) == 0
    assert cal.count_between(D(2026, 3, 8), D(2026, 3, 13)) == 5  # Sun excluded … Fri included
    assert cal.count_between(D(2025, 12, 30), D(2026, 1, 5)) == 3  # 12/31, 1/4 (Sun, 调休), 1/5


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (D(2026, 9, 20), D(2026, 9, 20)),  # a working Sunday stays
        (D(2026, 10, 5), D(2026, 10, 8)),
        (D(2026, 2, 20), D(2026, 2, 24)),
        (D(2026, 3, 9), D(2026, 3, 9)),
        (D(2026, 3, 7), D(2026, 3, 9)),
    ],
)
def test_on_or_after(cal: WorkdayCalendar, day: dt.date, expected: dt.date) -> None:
    assert cal.on_or_after(day) == expected


def test_explain_add_lists_skipped_days(cal: WorkdayCalendar) -> None:
    steps = cal.explain_add(D(2026, 9, 30), 3)
    assert [(s.day, s.counted) for s in steps] == [
        *[(day, None) for day in OFF_2026["国庆节"]],
        (D(2026, 10, 8), 1),
        (D(2026, 10, 9), 2),
        (D(2026, 10, 10), 3),
    ]
    assert {s.info.reason for s in steps[:7]} == {"国庆节假期（国务院办公厅通知）"}
    assert steps[-1].info.reason == "调休上班日（周六）"
    assert cal.explain_add(D(2026, 9, 30), 0) == []


@settings(max_examples=300, deadline=None)
@given(start=st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 10, 31)), n=st.integers(0, 40))
def test_add_and_count_agree(start: dt.date, n: int) -> None:
    cal = WorkdayCalendar()
    end = cal.add(start, n)
    assert cal.count_between(start, end) == n
    if n > 0:
        assert cal.is_workday(end)
        assert cal.count_between(start, end - dt.timedelta(days=1)) == n - 1
        assert [s.counted for s in cal.explain_add(start, n) if s.counted] == list(range(1, n + 1))


# ---------------------------------------------------------------- years nobody has data for


@pytest.mark.parametrize("call", ["info", "is_workday", "on_or_after"])
def test_2027_without_a_notice_is_an_error(cal: WorkdayCalendar, call: str) -> None:
    with pytest.raises(CalendarMissing) as raised:
        getattr(cal, call)(D(2027, 3, 1))
    assert raised.value.year == 2027
    assert "2027" in str(raised.value) and "calendar/2027.yaml" in str(raised.value)


def test_counting_into_a_missing_year_is_an_error(cal: WorkdayCalendar) -> None:
    with pytest.raises(CalendarMissing, match="calendar/2027.yaml"):
        cal.add(D(2026, 12, 30), 5)
    with pytest.raises(CalendarMissing, match="2003"):
        cal.info(D(2003, 12, 31))
    assert 2027 not in cal.years() and {2004, 2025, 2026} <= cal.years()


    assert "gongkai calendar import" in str(pytest.raises(CalendarMissing, cal.info, D(2027, 1, 4)).value)


def notice(year: int, holidays: list[tuple[str, dt.date, dt.date]], makeup: list[dt.date], source: str = "") -> Notice:
    found = Notice.model_validate({
        "年度": year, "通知": FAKE_TITLE, "放假": [{"名称": n, "开始": s, "结束": e} for n, s, e in holidays],
        "调休上班": makeup,
    })
    return found.located(source) if source else found


FAKE_2027 = notice(2027, [("元旦", D(2027, 1, 1), D(2027, 1, 3)), ("测试节", D(2027, 3, 1), D(2027, 3, 3))],
                   [D(2027, 2, 27), D(2027, 3, 6)], "calendar/2027.yaml")


def test_a_catalog_notice_makes_2027_work() -> None:
    cal = WorkdayCalendar([FAKE_2027])
    assert 2027 in cal.years()
    assert cal.info(D(2027, 3, 1)).kind is DayKind.HOLIDAY
    assert cal.info(D(2027, 3, 1)).reason == "测试节假期（calendar/2027.yaml）"
    assert cal.info(D(2027, 2, 27)).kind is DayKind.MAKEUP
    # 2/26 Fri; 2/27 Sat works = 1; 2/28 Sun off; 3/1–3/3 off; 3/4 Thu = 2, 3/5 Fri = 3, 3/6 Sat works = 4.
    assert cal.add(D(2027, 2, 26), 4) == D(2027, 3, 6)
    assert cal.add(D(2026, 12, 31), 1) == D(2027, 1, 4)
    assert cal.due(D(2026, 12, 31), 1) == DueDate(D(2027, 1, 4))  # a notice: final, not provisional


def test_a_catalog_notice_overrides_chinesecalendar() -> None:
    correction = notice(2026, [("测试节", D(2026, 3, 9), D(2026, 3, 9))], [])
    cal = WorkdayCalendar([correction])
    assert cal.info(D(2026, 3, 9)).kind is DayKind.HOLIDAY
    assert cal.info(D(2026, 3, 9)).source == FAKE_TITLE
    assert cal.info(D(2026, 10, 1)).kind is DayKind.WORKDAY  # the whole year now comes from the notice
    assert cal.info(D(2026, 9, 20)).kind is DayKind.WEEKEND
    assert WorkdayCalendar().info(D(2026, 3, 9)).kind is DayKind.WORKDAY


def test_a_holiday_may_run_into_the_next_year() -> None:
    spill = notice(2027, [("元旦", D(2027, 12, 30), D(2028, 1, 3))], [], "calendar/2027.yaml")
    assert notice_problems(spill, "calendar/2027.yaml") == []
    next_year = notice(2028, [("测试节", D(2028, 3, 1), D(2028, 3, 1))], [], "calendar/2028.yaml")
    cal = WorkdayCalendar([spill, next_year])
    assert cal.info(D(2028, 1, 3)).kind is DayKind.HOLIDAY
    assert cal.info(D(2028, 1, 3)).source == "calendar/2027.yaml"
    assert cal.add(D(2027, 12, 29), 1) == D(2028, 1, 4)


def test_a_notice_may_reach_back_into_the_year_before() -> None:
    # 国务院办公厅关于2023年部分节假日安排的通知: 元旦 2022年12月31日至2023年1月2日. A 2019-style make-up day too.
    back = notice(2028, [("元旦", D(2027, 12, 30), D(2028, 1, 1))], [D(2027, 12, 26)], "calendar/2028.yaml")
    assert notice_problems(back, "calendar/2028.yaml") == []
    cal = WorkdayCalendar([FAKE_2027, back])
    assert cal.info(D(2027, 12, 30)).source == "calendar/2028.yaml"
    assert not cal.is_workday(D(2027, 12, 30)) and not cal.is_workday(D(2027, 12, 31))
    assert cal.info(D(2027, 12, 26)).kind is DayKind.MAKEUP  # a Sunday
    assert cal.info(D(2027, 12, 29)).source == "calendar/2027.yaml"
    assert cal.add(D(2027, 12, 29), 1) == D(2028, 1, 3)


# ---------------------------------------------------------------- provisional (暂定) years

# 《全国年节及纪念日放假办法》 (2024 revision) for 2027, typed by hand: 春节 = 除夕 2/5 … 初三 2/8 (正月初一 is
# 2027-02-06), 清明 4/5, 端午 (五月初五) 6/9, 中秋 (八月十五) 9/15.
STATUTORY_2027 = {
    D(2027, 1, 1): "元旦", D(2027, 2, 5): "春节", D(2027, 2, 6): "春节", D(2027, 2, 7): "春节", D(2027, 2, 8): "春节",
    D(2027, 4, 5): "清明节", D(2027, 5, 1): "劳动节", D(2027, 5, 2): "劳动节", D(2027, 6, 9): "端午节",
    D(2027, 9, 15): "中秋节", D(2027, 10, 1): "国庆节", D(2027, 10, 2): "国庆节", D(2027, 10, 3): "国庆节",
}
# 第六条: 「全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假」, the next working days after the festival:
# 春节 2/6 Sat and 2/7 Sun → 2/9, 2/10; 劳动节 5/1 Sat, 5/2 Sun → 5/3, 5/4; 国庆节 10/2 Sat, 10/3 Sun → 10/4, 10/5.
SUBSTITUTES_2027 = {
    D(2027, 2, 9): "春节（适逢周末补假）", D(2027, 2, 10): "春节（适逢周末补假）",
    D(2027, 5, 3): "劳动节（适逢周末补假）", D(2027, 5, 4): "劳动节（适逢周末补假）",
    D(2027, 10, 4): "国庆节（适逢周末补假）", D(2027, 10, 5): "国庆节（适逢周末补假）",
}


def test_provisional_2027_is_weekends_and_the_statutory_days() -> None:
    cal = WorkdayCalendar().provisional()
    off = {day: cal.info(day).holiday_name for day in days(D(2027, 1, 1), D(2027, 12, 31))
           if cal.info(day).kind is DayKind.HOLIDAY}
    assert off == {**STATUTORY_2027, **SUBSTITUTES_2027}
    assert all(cal.info(day).provisional for day in days(D(2027, 1, 1), D(2027, 12, 31)))
    assert not any(cal.info(day).kind is DayKind.MAKEUP for day in days(D(2027, 1, 1), D(2027, 12, 31)))
    assert cal.info(D(2027, 2, 8)).reason == "春节假期（《全国年节及纪念日放假办法》）（暂定）"
    assert cal.info(D(2027, 2, 9)).reason == "春节（适逢周末补假）假期（《全国年节及纪念日放假办法》）（暂定）"
    assert cal.info(D(2027, 2, 11)).reason == "工作日（暂定）"
    assert 2027 not in cal.years()  # provisional years are not data


def test_provisional_2028_when_mid_autumn_meets_national_day() -> None:
    cal = WorkdayCalendar().provisional()
    assert cal.info(D(2028, 1, 25)).holiday_name == "春节"  # 除夕; 正月初一 is 2028-01-26
    assert cal.info(D(2028, 1, 29)).kind is DayKind.WEEKEND  # 初四, a Saturday
    assert cal.info(D(2028, 4, 4)).holiday_name == "清明节"
    assert cal.info(D(2028, 5, 28)).holiday_name == "端午节"
    assert cal.info(D(2028, 10, 3)).holiday_name == "中秋节、国庆节"
    # 10/1 is a Sunday: one day given back on Wednesday 10/4 (第六条); 中秋 on 国庆's 10/3 is given back too, on
    # Thursday 10/5, as the notices of 2009 and 2020 did (中秋 on a 国庆 day, four working days off net; thirty-eighth
    # session: it had given nothing back, one day short; tests/test_hostile36_deadlines_holidays.py)
    assert not cal.is_workday(D(2028, 10, 4)) and not cal.is_workday(D(2028, 10, 5)) and cal.is_workday(D(2028, 10, 6))


def test_due_says_when_it_is_provisional() -> None:
    cal = WorkdayCalendar().provisional()
    # 2026-12-31 Thu is the start; 2027-01-01 元旦 off, 1/2–1/3 weekend, 1/4 Mon = 1 … 1/8 Fri = 5.
    due = cal.due(D(2026, 12, 31), 5)
    assert due == DueDate(D(2027, 1, 8), (2027,)) and due.provisional
    assert str(due) == "2027-01-08（暂定）"
    assert "2027年的节假日安排尚未录入" in due.note() and "gongkai calendar import" in due.note()
    final = cal.due(D(2026, 12, 24), 5)  # 12/25 … 12/31: all of 2026, which has a notice
    assert final == DueDate(D(2026, 12, 31)) and str(final) == "2026-12-31" and final.note() == ""
    assert cal.provisional_years(D(2026, 12, 30), D(2026, 12, 31)) == ()
    assert cal.provisional_years(D(2026, 12, 31), D(2027, 1, 1)) == (2027,)  # the day after: guessed


def test_a_notice_ends_the_guessing_for_its_days() -> None:
    cal = WorkdayCalendar([FAKE_2027]).provisional()
    assert cal.due(D(2026, 12, 31), 5) == DueDate(D(2027, 1, 8))
    assert not cal.info(D(2027, 3, 2)).is_workday and not cal.info(D(2027, 3, 2)).provisional
    assert cal.info(D(2028, 1, 3)).provisional


def test_the_strict_calendar_still_refuses_and_the_view_is_explicit() -> None:
    strict = WorkdayCalendar()
    view = strict.provisional()
    assert view.is_provisional and not strict.is_provisional
    with pytest.raises(CalendarMissing):
        strict.add(D(2026, 12, 31), 5)
    with pytest.raises(CalendarMissing, match="2101"):
        view.info(D(2101, 1, 3))
    with pytest.raises(CalendarMissing, match="2003"):
        view.info(D(2003, 6, 2))  # years before chinesecalendar's are never guessed
    # ten calendar days end on Sunday 2027-01-10, a day off: the period ends on Monday (民法典第二百零三条), a day of
    # 2027 the view could only guess
    assert view.limit(D(2026, 12, 31), 10, workdays=False) == DueDate(D(2027, 1, 11), (2027,))
    assert view.limit(D(2026, 12, 31), 8, workdays=False) == DueDate(D(2027, 1, 8), (2027,))  # a Friday: it stands


@settings(max_examples=200, deadline=None)
@given(start=st.dates(min_value=D(2026, 10, 1), max_value=D(2028, 6, 30)), n=st.integers(0, 40))
def test_provisional_add_and_count_agree(start: dt.date, n: int) -> None:
    cal = WorkdayCalendar().provisional()
    due = cal.due(start, n)
    assert cal.count_between(start, due.date) == n
    assert due.provisional == (due.date.year >= 2027 and n > 0)


# ---------------------------------------------------------------- the December reminder


def test_notice_missing_warning() -> None:
    known = set(range(2004, 2027))
    assert notice_missing_warning(D(2026, 11, 30), known) is None
    text = notice_missing_warning(D(2026, 12, 1), known)
    assert text is not None and "2027年" in text and "calendar/2027.yaml" in text
    assert "gongkai calendar import" in text and "暂定" in text
    assert notice_missing_warning(D(2026, 12, 1), known | {2027}) is None
    assert notice_missing_warning(D(2027, 6, 1), known) is not None  # the year has begun without its notice


def test_notice_holiday_days() -> None:
    holiday = NoticeHoliday.model_validate({"名称": "春节", "开始": "2027-02-05", "结束": D(2027, 2, 7)})
    assert list(holiday.days()) == [D(2027, 2, 5), D(2027, 2, 6), D(2027, 2, 7)]


# ---------------------------------------------------------------- layers: the catalog does not know the calendar

SRC = Path(gongkai.__file__).parent
IMPORT = re.compile(r"^\s*(?:from|import)\s+gongkai\.(\w+)", re.M)


def _imports(folder: Path) -> set[str]:
    return {name for path in folder.rglob("*.py") for name in IMPORT.findall(path.read_text(encoding="utf-8"))}


def test_the_catalog_does_not_know_the_calendar() -> None:
    assert _imports(SRC / "catalog") & {"workdays", "holidays"} == set()


def test_the_calendar_imports_only_below_the_catalog() -> None:
    assert _imports(SRC / "workdays") <= {"workdays", "model"}
    assert _imports(SRC / "holidays") <= {"workdays", "catalog", "diagnostics", "errors", "files_io"}


def test_the_provisional_view_is_built_once() -> None:
    strict = WorkdayCalendar([FAKE_2027])
    assert strict.provisional() is strict.provisional()
    assert strict.provisional().provisional() is strict.provisional()
