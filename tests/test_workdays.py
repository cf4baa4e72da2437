"""The working-day calendar, checked against the State Council's notices written out by hand."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.workdays import (
    CalendarMissing,
    DayKind,
    Holiday,
    Notice,
    WorkdayCalendar,
    notice_missing_warning,
    parse_notice,
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


def fake_2027(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "年度": 2027,
        "通知": FAKE_TITLE,
        "文号": "测试〔2026〕1号",
        "发布日期": "2026-11-20",
        "放假": [
            {"名称": "元旦", "开始": D(2027, 1, 1), "结束": "2027-01-03"},
            {"名称": "测试节", "开始": "2027-03-01", "结束": "2027-03-03"},
        ],
        "调休上班": ["2027-02-27", D(2027, 3, 6)],
    }
    data.update(changes)
    return data


def test_a_catalog_notice_makes_2027_work() -> None:
    notice, problems = parse_notice(fake_2027(), "calendar/2027.yaml")
    assert problems == [] and notice is not None
    assert notice.issued == D(2026, 11, 20) and notice.number == "测试〔2026〕1号"
    assert notice.holidays[1] == Holiday("测试节", D(2027, 3, 1), D(2027, 3, 3))
    cal = WorkdayCalendar([notice])
    assert 2027 in cal.years()
    assert cal.info(D(2027, 3, 1)).kind is DayKind.HOLIDAY
    assert cal.info(D(2027, 3, 1)).reason == "测试节假期（calendar/2027.yaml）"
    assert cal.info(D(2027, 2, 27)).kind is DayKind.MAKEUP
    # 2/26 Fri; 2/27 Sat works = 1; 2/28 Sun off; 3/1–3/3 off; 3/4 Thu = 2, 3/5 Fri = 3, 3/6 Sat works = 4.
    assert cal.add(D(2027, 2, 26), 4) == D(2027, 3, 6)
    assert cal.add(D(2026, 12, 31), 1) == D(2027, 1, 4)


def test_a_catalog_notice_overrides_chinesecalendar() -> None:
    correction = Notice(2026, FAKE_TITLE, holidays=(Holiday("测试节", D(2026, 3, 9), D(2026, 3, 9)),))
    cal = WorkdayCalendar([correction])
    assert cal.info(D(2026, 3, 9)).kind is DayKind.HOLIDAY
    assert cal.info(D(2026, 3, 9)).source == FAKE_TITLE
    assert cal.info(D(2026, 10, 1)).kind is DayKind.WORKDAY  # the whole year now comes from the notice
    assert cal.info(D(2026, 9, 20)).kind is DayKind.WEEKEND
    assert WorkdayCalendar().info(D(2026, 3, 9)).kind is DayKind.WORKDAY


def test_a_holiday_may_run_into_the_next_year() -> None:
    notice, problems = parse_notice(
        fake_2027(放假=[{"名称": "元旦", "开始": "2027-12-30", "结束": "2028-01-03"}], 调休上班=[]), "calendar/2027.yaml"
    )
    assert problems == [] and notice is not None
    next_year = Notice(2028, FAKE_TITLE, source="calendar/2028.yaml")
    cal = WorkdayCalendar([notice, next_year])
    assert cal.info(D(2028, 1, 3)).kind is DayKind.HOLIDAY
    assert cal.info(D(2028, 1, 3)).source == "calendar/2027.yaml"
    assert cal.add(D(2027, 12, 29), 1) == D(2028, 1, 4)


# ---------------------------------------------------------------- validating notice files


def holiday(name: str, start: object, end: object) -> dict[str, object]:
    return {"名称": name, "开始": start, "结束": end}


@pytest.mark.parametrize(
    ("changes", "source", "field"),
    [
        ({"年度": None}, "calendar/2027.yaml", ("年度",)),
        ({"年度": "二〇二七"}, "calendar/2027.yaml", ("年度",)),
        ({}, "calendar/2026.yaml", ("年度",)),
        ({}, "calendar/notice.yaml", ("年度",)),
        ({"通知": None}, "calendar/2027.yaml", ("通知",)),
        ({"文号": 12}, "calendar/2027.yaml", ("文号",)),
        ({"发布日期": "2026-13-01"}, "calendar/2027.yaml", ("发布日期",)),
        ({"备注": "x"}, "calendar/2027.yaml", ("备注",)),
        ({"放假": None}, "calendar/2027.yaml", ("放假",)),
        ({"放假": "元旦"}, "calendar/2027.yaml", ("放假",)),
        ({"放假": ["元旦"]}, "calendar/2027.yaml", ("放假", 0)),
        ({"放假": [{"名称": "元旦", "开始": "2027-01-01"}]}, "calendar/2027.yaml", ("放假", 0, "结束")),
        ({"放假": [holiday("元旦", "明年", "2027-01-01")]}, "calendar/2027.yaml", ("放假", 0, "开始")),
        ({"放假": [holiday("", "2027-01-01", "2027-01-01")]}, "calendar/2027.yaml", ("放假", 0, "名称")),
        ({"放假": [holiday("元旦", "2026-12-31", "2027-01-01")]}, "calendar/2027.yaml", ("放假", 0, "开始")),
        ({"放假": [holiday("春节", "2027-02-10", "2027-02-05")]}, "calendar/2027.yaml", ("放假", 0, "结束")),
        ({"放假": [holiday("元旦", "2027-12-31", "2028-01-10")]}, "calendar/2027.yaml", ("放假", 0, "结束")),
        ({"调休上班": "2027-02-27"}, "calendar/2027.yaml", ("调休上班",)),
        ({"调休上班": ["2027-02-27", "2027-03-03"]}, "calendar/2027.yaml", ("调休上班", 1)),
        ({"调休上班": ["2026-12-26"]}, "calendar/2027.yaml", ("调休上班", 0)),
        ({"调休上班": ["2027-01-02"]}, "calendar/2027.yaml", ("调休上班", 0)),
    ],
)
def test_notice_problems_point_at_the_field(changes: dict[str, Any], source: str, field: tuple[str | int, ...]) -> None:
    notice, problems = parse_notice(fake_2027(**changes), source)
    assert notice is None
    assert field in [p.field for p in problems]
    assert all(p.message and p.hint for p in problems)


def test_notice_problem_messages() -> None:
    _, weekday = parse_notice(fake_2027(调休上班=["2027-03-04"]), "calendar/2027.yaml")
    assert [p.message for p in weekday] == ["调休上班日必须是周六或周日，2027-03-04 是周四"]
    _, both = parse_notice(fake_2027(调休上班=["2027-01-02"]), "calendar/2027.yaml")
    assert [(p.field, p.message) for p in both] == [(("调休上班", 0), "2027-01-02 既是放假日又是调休上班日")]
    _, misnamed = parse_notice(fake_2027(), "calendar/2026.yaml")
    assert [p.message for p in misnamed] == ["文件名的年份（2026）与「年度」（2027）不一致"]


def test_every_problem_is_collected_and_nothing_raises() -> None:
    bad = {"年度": 2027, "放假": [holiday("元旦", "x", "y"), 3], "调休上班": ["2027-03-03", None]}
    _, problems = parse_notice(bad, "calendar/2027.yaml")
    assert [p.field for p in problems] == [
        ("通知",),
        ("放假", 0, "开始"),
        ("放假", 0, "结束"),
        ("放假", 1),
        ("调休上班", 0),
        ("调休上班", 1),
    ]
    assert parse_notice(["年度", 2027], "calendar/2027.yaml")[1][0].field == ()


# ---------------------------------------------------------------- the December reminder


def test_notice_missing_warning() -> None:
    known = set(range(2004, 2027))
    assert notice_missing_warning(D(2026, 11, 30), known) is None
    text = notice_missing_warning(D(2026, 12, 1), known)
    assert text is not None and "2027年" in text and "calendar/2027.yaml" in text
    assert notice_missing_warning(D(2026, 12, 1), known | {2027}) is None
    assert notice_missing_warning(D(2027, 6, 1), known) is not None  # the year has begun without its notice
