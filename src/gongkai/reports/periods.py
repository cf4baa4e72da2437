"""The periods a periodic 公开时限 (每季度, 每月, 每半年, 每年3月底前…) asks a record for, within one year."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from gongkai.model.deadline import Deadline


@dataclass(frozen=True)
class Period:
    """One period in which at least one record must be published: [start, end], named for people."""

    start: dt.date
    end: dt.date
    label: str


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + 1, 1, 1) if month == 12 else dt.date(year, month + 1, 1)) - dt.timedelta(days=1)


# Once a year by a named time: 每年3月底前, 每年三月底前, 每年第一季度, 每年一季度内, 每年上半年 (the period ends with that
# month, quarter or half; 每年下半年 is the whole year). A 季度, 半年 or 月 named after 每年 is not the period itself.
_ONCE_A_YEAR = re.compile(r"^(?:每|按)年度?(?:第?(?P<quarter>[一二三四1-4])季度|(?P<half>[上下])半年"
                          r"|(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])月)")
_CN_NUMBERS = {c: n for n, c in enumerate("一二三四五六七八九十", 1)} | {"十一": 11, "十二": 12}


def _by_month(text: str) -> int | None:
    """The month a once-a-year 公开时限 names its period's end by; None when it names none."""
    found = _ONCE_A_YEAR.match(text)
    if found is None:
        return None
    if quarter := found["quarter"]:
        return 3 * (int(quarter) if quarter.isdigit() else _CN_NUMBERS[quarter])
    if half := found["half"]:
        return 6 if half == "上" else 12
    month = found["month"]
    number = int(month) if month.isdigit() else _CN_NUMBERS[month]
    return number if 1 <= number <= 12 else None


def periods_of(deadline: Deadline, year: int) -> list[Period]:
    """Every period of *year* for a periodic deadline; [] for other kinds or an unknown period."""
    if deadline.kind != "periodic" or not deadline.period:
        return []
    text = deadline.period
    if re.match(r"^(?:每|按)年", text):  # once a year, whatever 季度, 半年 or 月 the text names after 每年
        if (month := _by_month(text)) is None:
            return [Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年")]
        return [Period(dt.date(year, 1, 1), _month_end(year, month), f"{year}年（{month}月底前）")]
    if "季度" in text:
        return [Period(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), f"{year}年第{q}季度") for q in range(1, 5)]
    if "半年" in text:
        return [Period(dt.date(year, 1, 1), _month_end(year, 6), f"{year}年上半年"),
                Period(dt.date(year, 7, 1), _month_end(year, 12), f"{year}年下半年")]
    if "月" in text:
        return [Period(dt.date(year, m, 1), _month_end(year, m), f"{year}年{m}月") for m in range(1, 13)]
    return []


def missed_periods(deadline: Deadline, year: int, published: list[dt.date], today: dt.date) -> list[Period]:
    """Periods of *year* that ended before *today* with no publication inside them."""
    return [p for p in periods_of(deadline, year)
            if p.end < today and not any(p.start <= day <= p.end for day in published)]
