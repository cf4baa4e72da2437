"""Provisional (暂定) days for a year whose notice is not out yet, and the lunar calendar notices refer to.

《全国年节及纪念日放假办法》 (2024 revision, in force from 2025) fixes the statutory days off: 元旦 1 day, 春节 4 days
(除夕 to 正月初三), 清明节 1 day (the solar term), 劳动节 2 days (5月1日、2日), 端午节 1 day (五月初五), 中秋节 1 day
(八月十五), 国庆节 3 days (10月1日至3日), and for those on a weekend as many working days after (第六条). The yearly notice adds bridges and make-up days nobody can foresee, so a
year computed from these alone is provisional, never final. Lunar dates and 清明 come from lunar-python.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from gongkai.workdays.days import STATUTORY, DayInfo, DayKind, year_days

# From the year the 2024 revision took effect to the last year the lunar tables are trusted for.
PROVISIONAL_YEARS = range(2025, 2101)
_DAY = dt.timedelta(days=1)


def lunar_to_solar(year: int, month: int, day: int) -> dt.date:
    """The Gregorian date of lunar *month*/*day* of the lunar year that begins in Gregorian *year*."""
    from lunar_python import Lunar  # only a year without a notice needs the lunar tables (8 ms to import)

    solar = Lunar.fromYmd(year, month, day).getSolar()
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


def solar_to_lunar(day: dt.date) -> tuple[int, int]:
    """(lunar month, lunar day) of a Gregorian date; a leap month is negative, as lunar-python gives it."""
    from lunar_python import Solar

    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    return int(lunar.getMonth()), int(lunar.getDay())


def is_new_years_eve(day: dt.date) -> bool:
    """True on 除夕, the last day of the lunar year (腊月二十九 or 三十)."""
    return solar_to_lunar(day + _DAY) == (1, 1)


def qingming(year: int) -> dt.date:
    """The day of the 清明 solar term in *year*."""
    from lunar_python import Lunar

    solar = Lunar.fromYmd(year, 3, 1).getJieQiTable()["清明"]
    return dt.date(solar.getYear(), solar.getMonth(), solar.getDay())


@cache
def statutory_days(year: int) -> dict[dt.date, str]:
    """The statutory days off of *year* by the 2024 revision, with their festival's name."""
    spring = lunar_to_solar(year, 1, 1)
    named = [(dt.date(year, 1, 1), "元旦"), *((spring + dt.timedelta(days=i), "春节") for i in range(-1, 3)),
             (qingming(year), "清明节"), (dt.date(year, 5, 1), "劳动节"), (dt.date(year, 5, 2), "劳动节"),
             (lunar_to_solar(year, 5, 5), "端午节"), (lunar_to_solar(year, 8, 15), "中秋节"),
             *((dt.date(year, 10, d), "国庆节") for d in (1, 2, 3))]
    days: dict[dt.date, str] = {}
    for day, name in sorted(named):  # 中秋 may fall in the 国庆 days (2028): one day, both names
        days[day] = f"{days[day]}、{name}" if day in days else name
    return days


def shared_days(name: str) -> int:
    """How many statutory days a day named by several festivals loses (「中秋节、国庆节」: 1): days off the 办法 gives
    that no day holds."""
    return name.count("、")


@cache
def weekend_substitutes(year: int) -> dict[dt.date, str]:
    """The working days given back for statutory days off that fall on a Saturday or Sunday: 第六条 of the 办法
    (「全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假」), the next working days after the festival.

    2027's 春节 (2/5 Fri – 2/8 Mon, with 2/6 and 2/7 a weekend) gives back 2/9 and 2/10; without them a provisional
    deadline across it came two working days early, and GK701 called a request overdue that was not.

    So is a day two festivals share (中秋 on 10月3日 2028, a 国庆 day): their four days off are four, as the notices
    gave them when it last happened (2020: 中秋 on 10月1日, 「共8天」 with two make-up days), not three.
    """
    off = statutory_days(year)
    festivals: dict[str, list[dt.date]] = {}
    for day, name in off.items():
        festivals.setdefault(name, []).append(day)
    given: dict[dt.date, str] = {}
    for name, days in festivals.items():
        owed = [(f"{name}（适逢周末补假）", sum(day.weekday() >= 5 for day in days)),
                (f"{name}（同日补假）", shared_days(name) * len(days))]
        day = max(days)
        for label, count in owed:
            while count:
                day += _DAY
                if day.year != year:
                    break
                if day.weekday() < 5 and day not in off and day not in given:
                    given[day] = label
                    count -= 1
    return given


def _provisional_day(day: dt.date, off: dict[dt.date, str]) -> DayInfo:
    if day in off:
        return DayInfo(day, DayKind.HOLIDAY, off[day], STATUTORY, provisional=True)
    kind = DayKind.WEEKEND if day.weekday() >= 5 else DayKind.WORKDAY
    return DayInfo(day, kind, None, STATUTORY, provisional=True)


@cache
def provisional_year(year: int) -> tuple[DayInfo, ...]:
    """Every day of *year* from weekends and statutory holidays alone, each marked provisional."""
    off = {**statutory_days(year), **weekend_substitutes(year)}
    return tuple(_provisional_day(day, off) for day in year_days(year))
