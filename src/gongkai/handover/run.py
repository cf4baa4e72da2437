"""The handover as one library call: check the date, load the calendar, plan the batch."""

from __future__ import annotations

import datetime as dt

from gongkai.catalog import Catalog
from gongkai.errors import UsageProblem
from gongkai.handover.plan import Batch, plan_handover
from gongkai.handover.schedule import HandoverDay, find_handover, nearest, schedule
from gongkai.holidays import calendar_of
from gongkai.workdays import CalendarMissing, WorkdayCalendar


def checked_calendar(catalog: Catalog | None) -> WorkdayCalendar:
    """The catalog's strict working-day calendar: a handover is never planned on a provisional (暂定) day."""
    return calendar_of(catalog) if catalog is not None else WorkdayCalendar()


def handover_days(catalog: Catalog, year: int) -> list[HandoverDay]:
    """Every handover of *year* by the catalog's settings; a year without a notice is a usage problem."""
    days = catalog.agency.handover.days if catalog.agency else [5, 20]
    try:
        return schedule(year, checked_calendar(catalog), days)
    except CalendarMissing as exc:
        raise UsageProblem(str(exc)) from None


def _describe(day: HandoverDay | None) -> str:
    if day is None:
        return "（无）"
    return f"{day.actual.isoformat()}" + (f"（{day.nominal.month}月{day.nominal.day}日顺延）" if day.moved else "")


def prepare(catalog: Catalog, day: dt.date, force: bool = False, allow_incomplete: bool = False) -> Batch:
    """Plan the batch for *day*; refuses a day that is not a handover day unless forced."""
    calendar = checked_calendar(catalog)
    days = catalog.agency.handover.days if catalog.agency else [5, 20]
    try:
        if not force and find_handover(day, calendar, days) is None:
            before, after = nearest(day, calendar, days)
            raise UsageProblem(
                f"{day.isoformat()} 不是移交日（每月{'、'.join(str(d) for d in days)}日，节假日顺延）。"
                f"最近的移交日：前一个 {_describe(before)}，后一个 {_describe(after)}。确需在这天移交，请加 --force。"
            )
        return plan_handover(catalog, day, calendar, allow_incomplete)
    except CalendarMissing as exc:
        raise UsageProblem(str(exc)) from None
