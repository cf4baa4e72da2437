"""Spans of time as the indicators write them (2周, 6个月, 1年, 90天) and calendar-month arithmetic."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_SPAN = re.compile(r"^\s*(\d+)\s*(天|日|周|个月|月|年)\s*$")
UNITS = "天、周、个月、年"


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day *months* later (or earlier when negative), clipped to the month's end: 8-31 + 1 → 9-30."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class Span:
    """A length of time: *count* days, weeks, months or years, and its text for people."""

    count: int
    unit: str  # 天, 周, 个月, 年
    text: str

    def after(self, day: dt.date) -> dt.date:
        """The last day of this span counted from *day* (《民法典》第二百零一条至第二百零三条: the day itself is not
        counted; a month or year ends on the same date, or on the month's last day when there is none): 2周 after
        11-13 is 11-27, 6个月 after 02-28 is 08-28, 1年 after 2024-02-29 is 2025-02-28."""
        if self.unit == "天":
            return day + dt.timedelta(days=self.count)
        if self.unit == "周":
            return day + dt.timedelta(weeks=self.count)
        return add_months(day, self.count * (12 if self.unit == "年" else 1))


def within(day: dt.date, months: int, today: dt.date) -> bool:
    """True when *day* is within the *months* before *today*: *today* is no later than the span's last day."""
    return add_months(day, months) >= today


def parse_span(text: str) -> Span | None:
    """「2周」「6个月」「1年」「90天」 as a Span; None when the text is none of these."""
    match = _SPAN.match(text)
    if not match:
        return None
    unit = {"日": "天", "月": "个月"}.get(match.group(2), match.group(2))
    return Span(int(match.group(1)), unit, f"{match.group(1)}{unit}")
