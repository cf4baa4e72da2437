"""Handover days: the 5th and 20th of each month (configurable), moved to the next working day (节假日顺延).

Shared by the handover (which makes the batches) and the rules (which say when one was missed)."""

from __future__ import annotations

import calendar as months
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from gongkai.workdays import CalendarMissing, DayInfo, DayKind, WorkdayCalendar

DEFAULT_DAYS = (5, 20)


@dataclass(frozen=True)
class HandoverDay:
    """One handover: the nominal day of the month, the working day it falls on, and the days it skipped."""

    nominal: dt.date
    actual: dt.date
    skipped: tuple[DayInfo, ...] = ()
    makeup: bool = False  # the nominal day is a weekend day the notice makes a working day (调休上班): it stays

    @property
    def note(self) -> str:
        """Why a handover on a Saturday or Sunday stays there, in Chinese; empty otherwise."""
        return f"{self.nominal.month}月{self.nominal.day}日是调休上班日，照常移交" if self.makeup else ""

    @property
    def moved(self) -> bool:
        return self.actual != self.nominal

    @property
    def reason(self) -> str:
        """Why the day moved, in Chinese; empty when it did not."""
        if not self.moved:
            return ""
        runs: list[list[DayInfo]] = []
        for info in self.skipped:  # consecutive days of the same holiday (or one weekend) read as one range
            if runs and (runs[-1][-1].kind, runs[-1][-1].holiday_name) == (info.kind, info.holiday_name):
                runs[-1].append(info)
            else:
                runs.append([info])
        days = "；".join(_run_text(run) for run in runs)
        return f"{days}，节假日顺延至{self.actual.month}月{self.actual.day}日"

    def to_dict(self) -> dict[str, object]:
        return {"nominal": self.nominal.isoformat(), "actual": self.actual.isoformat(),
                "moved": self.moved, "reason": self.reason, "note": self.note}


def _run_text(run: list[DayInfo]) -> str:
    first, last = run[0].day, run[-1].day
    end = f"{last.month}月{last.day}日" if last.month != first.month else f"{last.day}日"  # 1月31日至2月1日
    span = f"{first.month}月{first.day}日" + (f"至{end}" if last != first else "")
    if run[0].kind is DayKind.WEEKEND:
        return f"{span}是{'周末' if len(run) > 1 else run[0].reason.split('，')[0]}"
    return f"{span}{run[0].reason}"


def _nominal(year: int, month: int, day: int) -> dt.date:
    # A day beyond the month's end (a county that hands over on the 31st) falls on its last day.
    return dt.date(year, month, min(day, months.monthrange(year, month)[1]))


def handover_day(nominal: dt.date, calendar: WorkdayCalendar) -> HandoverDay:
    """The nominal day, moved to the next working day when it is not one."""
    actual = calendar.on_or_after(nominal)
    skipped, day = [], nominal
    while day < actual:
        skipped.append(calendar.info(day))
        day += dt.timedelta(days=1)
    makeup = actual == nominal and calendar.info(nominal).kind is DayKind.MAKEUP
    return HandoverDay(nominal, actual, tuple(skipped), makeup)


def schedule(year: int, calendar: WorkdayCalendar, days: Sequence[int] = DEFAULT_DAYS) -> list[HandoverDay]:
    """Every handover of *year*, in order; raises CalendarMissing when the year has no holiday notice."""
    nominals = sorted({_nominal(year, month, d) for month in range(1, 13) for d in days})
    return [handover_day(n, calendar) for n in nominals]


def first_nominal(year: int, days: Sequence[int] = DEFAULT_DAYS) -> dt.date:
    """The first nominal handover day of *year* (5 January for the 5th and 20th): named when the year has no holiday
    notice yet, so whether it moves is not known."""
    return min(_nominal(year, 1, d) for d in days)


def _around(day: dt.date, calendar: WorkdayCalendar, days: Sequence[int]) -> list[HandoverDay]:
    found = schedule(day.year, calendar, days)
    for year in (day.year - 1, day.year + 1):  # a neighbour year without a notice just adds nothing
        try:
            found += schedule(year, calendar, days)
        except CalendarMissing:
            continue
    return sorted(found, key=lambda h: h.actual)


def find_handover(day: dt.date, calendar: WorkdayCalendar, days: Sequence[int] = DEFAULT_DAYS) -> HandoverDay | None:
    """The handover that falls on *day*, if any."""
    return next((h for h in _around(day, calendar, days) if h.actual == day), None)


def nearest(day: dt.date, calendar: WorkdayCalendar,
            days: Sequence[int] = DEFAULT_DAYS) -> tuple[HandoverDay | None, HandoverDay | None]:
    """The last handover before *day* and the first after it."""
    around = _around(day, calendar, days)
    before = [h for h in around if h.actual < day]
    after = [h for h in around if h.actual > day]
    return (before[-1] if before else None), (after[0] if after else None)


def previous(day: dt.date, calendar: WorkdayCalendar, days: Sequence[int] = DEFAULT_DAYS) -> HandoverDay | None:
    """The last handover strictly before *day*."""
    return nearest(day, calendar, days)[0]


def missed(after: dt.date, before: dt.date, calendar: WorkdayCalendar,
           days: Sequence[int] = DEFAULT_DAYS) -> tuple[dt.date, ...]:
    """The handover days strictly between *after* (the last batch made) and *before*: batches never made. A year
    without a holiday notice adds none (its days are not known). A batch made on a handover's nominal day made that
    one, though the day it is moved to (节假日顺延) comes later: a Saturday worked, or a notice corrected since (a
    make-up Saturday struck out) — the 两馆 have its 目录表."""
    found: set[dt.date] = set()
    for year in range(after.year, before.year + 1):
        try:
            found |= {h.actual for h in schedule(year, calendar, days) if h.nominal != after}
        except CalendarMissing:
            continue
    return tuple(sorted(d for d in found if after < d < before))


def unsettled(after: dt.date, before: dt.date, calendar: WorkdayCalendar,
              days: Sequence[int] = DEFAULT_DAYS) -> tuple[tuple[dt.date, CalendarMissing], ...]:
    """The handover days strictly between *after* and *before* in years without a holiday notice, placed on the
    provisional (暂定) calendar, each with why gongkai cannot make its batch yet; missed() adds none of them, so on
    6 January a batch due on the 5th would otherwise pass without a word."""
    found: list[tuple[dt.date, CalendarMissing]] = []
    for year in range(after.year, before.year + 1):
        try:
            schedule(year, calendar, days)
        except CalendarMissing as exc:
            try:
                guessed = schedule(year, calendar.provisional(), days)
            except CalendarMissing:
                continue  # no provisional view of the year either (before 2004, after the statutory table)
            found += [(h.actual, exc) for h in guessed if after < h.actual < before and h.nominal != after]
    return tuple(sorted(found, key=lambda pair: pair[0]))
