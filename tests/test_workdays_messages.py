"""What the calendar says to a person when it lacks a year, a notice file is misnamed, or a notice line is wrong.

Every message is typed out in full, hint included: chinesecalendar (pinned) holds 2004—2026; provisional years run
2025—2100 (《全国年节及纪念日放假办法》, 2024 revision); the 2026 notice's 春节 is 2月15日（周日）至23日（周一）, 9 days,
with 2月14日（周六） and 2月28日（周六） worked (DOMAIN.md §4).
"""

from __future__ import annotations

import datetime as dt

import pytest

from gongkai.workdays import CalendarMissing, Notice, NoticeProblem, WorkdayCalendar, notice_problems, read_published
from gongkai.workdays.published import TextProblem

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
