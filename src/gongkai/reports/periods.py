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


def periods_of(deadline: Deadline, year: int) -> list[Period]:
    """Every period of *year* for a periodic deadline; [] for other kinds or an unknown period."""
    if deadline.kind != "periodic" or not deadline.period:
        return []
    text = deadline.period
    by_month = re.match(r"^每年(\d{1,2})月", text)
    if by_month and 1 <= int(by_month.group(1)) <= 12:
        month = int(by_month.group(1))
        return [Period(dt.date(year, 1, 1), _month_end(year, month), f"{year}年（{month}月底前）")]
    if "季度" in text:
        return [Period(dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), f"{year}年第{q}季度") for q in range(1, 5)]
    if "半年" in text:
        return [Period(dt.date(year, 1, 1), _month_end(year, 6), f"{year}年上半年"),
                Period(dt.date(year, 7, 1), _month_end(year, 12), f"{year}年下半年")]
    if "月" in text:
        return [Period(dt.date(year, m, 1), _month_end(year, m), f"{year}年{m}月") for m in range(1, 13)]
    if "年" in text:
        return [Period(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年")]
    return []


def missed_periods(deadline: Deadline, year: int, published: list[dt.date], today: dt.date) -> list[Period]:
    """Periods of *year* that ended before *today* with no publication inside them."""
    return [p for p in periods_of(deadline, year)
            if p.end < today and not any(p.start <= day <= p.end for day in published)]
