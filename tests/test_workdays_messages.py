"""What the calendar says to a person when it lacks a year, a notice file is misnamed, or a notice line is wrong.

Every message is typed out in full, hint included: chinesecalendar (pinned) holds 2004—2026; provisional years run
2025—2100 (《全国年节及纪念日放假办法》, 2024 revision); the 2026 notice's 春节 is 2月15日（周日）至23日（周一）, 9 days,
with 2月14日（周六） and 2月28日（周六） worked (DOMAIN.md §4).
"""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.workdays import (
    CalendarMissing,
    Notice,
    NoticeProblem,
    WorkdayCalendar,
    notice_problems,
    provisional_note,
    read_published,
)
from gongkai.workdays.published import TextProblem
from gongkai.workdays.remarks import RemarkError, check_remark

D = dt.date
TITLE = "国务院办公厅关于2026年部分节假日安排的通知"


def notice(year: int) -> Notice:
    return Notice.model_validate({"年度": year, "通知": f"国务院办公厅关于{year}年部分节假日安排的通知",
                                  "放假": [{"名称": "元旦", "开始": D(year, 1, 1), "结束": D(year, 1, 1)}]})


def missing(calendar: WorkdayCalendar, day: dt.date) -> str:
    with pytest.raises(CalendarMissing) as raised:
        calendar.info(day)
    return str(raised.value)


def test_a_year_nobody_holds_names_what_the_calendar_does_hold() -> None:
    assert missing(WorkdayCalendar(), D(2027, 1, 4)) == (
        "没有2027年的节假日安排（chinesecalendar 收录2004—2026年）。"
        "把国务院办公厅关于2027年部分节假日安排的通知的原文复制到一个文本文件，"
        "运行 gongkai calendar import 通知.txt 录入 calendar/2027.yaml。")


def test_beyond_the_provisional_years_the_notices_of_the_catalog_are_named_too() -> None:
    calendar = WorkdayCalendar([notice(2028), notice(2027)], provisional=True)
    assert missing(calendar, D(2101, 1, 3)) == (
        "没有2101年的节假日安排（chinesecalendar 收录2004—2026年，目录中有2027年、2028年的通知，"
        "暂定计算只用于2025—2100年）。"
        "把国务院办公厅关于2101年部分节假日安排的通知的原文复制到一个文本文件，"
        "运行 gongkai calendar import 通知.txt 录入 calendar/2101.yaml。")


def test_the_day_before_the_first_year_chinesecalendar_holds() -> None:
    assert "没有2003年的节假日安排" in missing(WorkdayCalendar(), D(2003, 12, 31))
    assert WorkdayCalendar().is_workday(D(2004, 1, 2))


@pytest.mark.parametrize(("source", "problems"), [
    ("calendar/abc.yaml", [NoticeProblem(("年度",), "文件名「calendar/abc.yaml」不是年份", "把文件改名为 calendar/2027.yaml")]),
    ("calendar\\2026.yaml", [NoticeProblem(("年度",), "文件名的年份（2026）与「年度」（2027）不一致",
                                           "改正「年度」，或把文件改名为 calendar/2027.yaml")]),
    ("calendar\\2027.yaml", []),  # a Windows path
    ("calendar/2027.yaml", []),
])
def test_a_notice_file_named_for_another_year(source: str, problems: list[NoticeProblem]) -> None:
    assert notice_problems(notice(2027), source) == problems


@pytest.mark.parametrize(("line", "problem"), [
    ("一、春节：2月15日（周日）至23日（周一）放假调休，共9天。2月14日（周六）上班，2月28日补班。",
     TextProblem(code="GK803", line=2, column=44, message="读不懂「2月28日补班」",
                 hint="上班日写作「2月14日（周六）、2月28日（周六）上班」")),
    ("一、春节：2月15日（周日）至23日（周一）放假调休，共8天。",
     TextProblem(code="GK804", line=2, column=28, message="写的是共8天，但 2026年2月15日 至 2026年2月23日 放假9天",
                 hint="核对通知原文的起止日期和天数")),
])
def test_a_wrong_arrangement_line_says_where_and_how_to_fix_it(line: str, problem: TextProblem) -> None:
    found = read_published(f"{TITLE}\n{line}\n")
    assert found.notice is None
    assert found.problems == (problem,)


@pytest.mark.parametrize(("part", "day"), [
    ("星期天", D(2026, 2, 15)),
    ("礼拜日", D(2026, 2, 15)),
    ("农历腊月二十八", D(2026, 2, 15)),
    ("农历除夕", D(2026, 2, 16)),
    ("农历闰二月初一", D(2023, 3, 22)),  # 2023 had a leap second month, from 3月22日
    ("农历二月初一", D(2023, 2, 20)),
])
def test_a_remark_true_of_its_date(part: str, day: dt.date) -> None:
    check_remark(part, day)


@pytest.mark.parametrize(("part", "day", "error"), [
    ("周四", D(2026, 2, 15), ("写的是周四，但2026年2月15日是周日",
                             "核对通知原文的日期和星期；年份不对时用 --year 写明通知的年份", True)),
    ("初七", D(2026, 2, 23), ("括号中的「初七」无法识别",
                             "括号中只能写星期（如 周四、星期日）或农历日期（如 农历正月初七、农历除夕）", False)),
    ("农历正月三一", D(2026, 2, 23), ("农历日期「农历正月三一」无法识别",
                                   "农历日期写作 初一…初十、十一…十九、二十、廿一…廿九、三十", False)),
    ("农历除夕", D(2026, 2, 15), ("写的是农历除夕，但2026年2月15日是农历腊月二十八", "核对通知原文的日期和农历日期", True)),
    ("农历二月初一", D(2023, 3, 22), ("写的是农历二月初一，但2023年3月22日是农历闰二月初一", "核对通知原文的日期和农历日期", True)),
    ("农历闰二月初一", D(2023, 2, 20), ("写的是农历闰二月初一，但2023年2月20日是农历二月初一", "核对通知原文的日期和农历日期", True)),
])
def test_a_remark_the_date_contradicts(part: str, day: dt.date, error: tuple[str, str, bool]) -> None:
    with pytest.raises(RemarkError) as raised:
        check_remark(part, day)
    assert (raised.value.message, raised.value.hint, raised.value.inconsistent) == error


def test_the_note_on_provisional_years_names_each_year() -> None:
    assert provisional_note([2028, 2027]) == (
        "2027年、2028年的节假日安排尚未录入，期限暂按周末和《全国年节及纪念日放假办法》规定的法定节假日计算；"
        "通知发布后以正式安排为准（gongkai calendar import 通知.txt）。")
    assert provisional_note([]) == ""


def test_days_out_of_the_notices_year_are_reported_where_they_are_written() -> None:
    found = read_published(f"{TITLE}\n一、元旦：2027年2月1日至3日放假。\n")
    assert [(p.code, p.line, p.column, p.message) for p in found.problems] == [
        ("GK804", 2, 6, "元旦的开始日期 2027-02-01 不在2026年内"),
        ("GK804", 2, 16, "元旦的结束日期 2027-02-03 超出2026年"),
    ]


def test_an_arrangement_it_cannot_read_names_the_form_to_use() -> None:
    found = read_published(f"{TITLE}\n一、元旦：1月1日休息，共1天。\n")
    assert found.problems == (TextProblem(
        code="GK803", line=2, column=6, message="读不懂「1月1日休息，共1天」",
        hint="放假安排写作「1月1日（周四）至3日（周六）放假调休，共3天」或「6月10日放假，与周末连休」；"
             "上班日写作「2月14日（周六）、2月28日（周六）上班」"),)
    found = read_published(f"{TITLE}\n一、元旦：1月1日至3日放假休息，共3天。\n")
    assert found.problems == (TextProblem(
        code="GK803", line=2, column=6, message="读不懂放假安排「1月1日至3日放假休息」",
        hint="放假安排写作「1月1日（周四）至3日（周六）放假调休，共3天」或「6月10日放假，与周末连休」"),)


# 2026's notice may reach 7 days into its neighbours: 2025-12-25 to 2027-01-07 (both Thursdays).
@pytest.mark.parametrize(("day", "messages"), [
    (D(2025, 12, 24), ["调休上班日 2025-12-24 不在2026年内", "调休上班日必须是周六或周日，2025-12-24 是周三"]),
    (D(2025, 12, 25), ["调休上班日必须是周六或周日，2025-12-25 是周四"]),
    (D(2027, 1, 7), ["调休上班日必须是周六或周日，2027-01-07 是周四"]),
    (D(2027, 1, 8), ["调休上班日 2027-01-08 不在2026年内", "调休上班日必须是周六或周日，2027-01-08 是周五"]),
])
def test_a_make_up_day_on_the_edge_of_the_notices_reach(day: dt.date, messages: list[str]) -> None:
    made = Notice.model_validate({"年度": 2026, "通知": TITLE, "放假": [], "调休上班": [day]})
    assert [(p.field, p.message) for p in notice_problems(made)] == [(("调休上班", 0), m) for m in messages]


def test_chinesecalendars_holidays_are_named_in_chinese() -> None:
    assert WorkdayCalendar().info(D(2025, 1, 29)).holiday_name == "春节"
    assert WorkdayCalendar().info(D(2025, 10, 1)).holiday_name == "国庆节"
