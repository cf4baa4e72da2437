"""The years chinesecalendar holds: the State Council's notices 2004 to its last year, copied by the library."""

from __future__ import annotations

import datetime as dt
from functools import cache

import chinese_calendar
from chinese_calendar.constants import holidays as _library_holidays

from gongkai.workdays.days import LIBRARY, DayInfo, DayKind, year_days

LIBRARY_YEARS = range(min(_library_holidays).year, max(_library_holidays).year + 1)
HOLIDAY_NAMES: dict[str, str] = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


def _library_day(day: dt.date) -> DayInfo:
    on_holiday, english = chinese_calendar.get_holiday_detail(day)
    name = HOLIDAY_NAMES.get(english, english) if english else None
    weekend = day.weekday() >= 5
    if not on_holiday:
        kind = DayKind.MAKEUP if weekend else DayKind.WORKDAY
        return DayInfo(day, kind, name if weekend else None, LIBRARY)
    kind = DayKind.HOLIDAY if name or not weekend else DayKind.WEEKEND
    return DayInfo(day, kind, name, LIBRARY)


@cache
def library_year(year: int) -> tuple[DayInfo, ...]:
    """Every day of a year chinesecalendar holds, in order."""
    return tuple(_library_day(day) for day in year_days(year))
