"""The working-day calendar: catalog notices first, then chinesecalendar, then (when asked) provisional years.

A strict calendar raises CalendarMissing for a year nobody has a notice for. Its provisional() view computes such a
year from weekends and the statutory holidays instead, and every date it gives says whether it was guessed (暂定).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from gongkai.workdays.days import LIBRARY, ONE_DAY, CalendarMissing, DayInfo, DayKind, DueDate, Step, year_days
from gongkai.workdays.notice import Notice, NoticeHoliday
from gongkai.workdays.official import LIBRARY_YEARS, library_year
from gongkai.workdays.statutory import PROVISIONAL_YEARS, provisional_year


@dataclass(frozen=True)
class _YearTable:
    """A year's days by day of year; the ordinals of its working days and of its provisional days, for bisect."""

    days: tuple[DayInfo, ...]
    workdays: tuple[int, ...]
    guessed: tuple[int, ...]


def _notice_day(day: dt.date, notice: Notice, off: dict[dt.date, str], makeup: set[dt.date]) -> DayInfo:
    # A day listed both as off and as make-up is a data error notice_problems reports; off wins meanwhile.
    if day in off:
        return DayInfo(day, DayKind.HOLIDAY, off[day], notice.label)
    if day in makeup:
        return DayInfo(day, DayKind.MAKEUP, None, notice.label)
    kind = DayKind.WEEKEND if day.weekday() >= 5 else DayKind.WORKDAY
    return DayInfo(day, kind, None, notice.label)


def _notice_year(notice: Notice) -> tuple[DayInfo, ...]:
    off, makeup = notice.days_off(), set(notice.makeup)
    return tuple(_notice_day(day, notice, off, makeup) for day in year_days(notice.year))


def _overlay(days: tuple[DayInfo, ...], neighbour: Notice) -> tuple[DayInfo, ...]:
    """The days a neighbouring year's notice names explicitly (元旦 across the turn of the year) take precedence."""
    off, makeup = neighbour.days_off(), set(neighbour.makeup)
    if not any(info.day in off or info.day in makeup for info in days):
        return days
    return tuple(_notice_day(i.day, neighbour, off, makeup) if i.day in off or i.day in makeup else i for i in days)


class WorkdayCalendar:
    """Working days from the catalog's notices, else chinesecalendar, else (provisional view) the statutory days."""

    def __init__(self, notices: Iterable[Notice] = (), *, provisional: bool = False,
                 broken: Mapping[int, str] | None = None) -> None:
        self._notices: dict[int, Notice] = {notice.year: notice for notice in notices}  # a later one wins
        # year → the catalog's notice file for it that has errors: not used, but named wherever the year is missed
        self._broken = {year: path for year, path in (broken or {}).items() if year not in self._notices}
        self._provisional = provisional
        self._tables: dict[int, _YearTable] = {}
        self._view: WorkdayCalendar | None = self if provisional else None

    def provisional(self) -> WorkdayCalendar:
        """A view of this calendar that computes years without a notice provisionally instead of raising."""
        if self._view is None:  # one view per calendar, so its year tables are built once
            self._view = WorkdayCalendar(self._notices.values(), provisional=True, broken=self._broken)
        return self._view

    @property
    def is_provisional(self) -> bool:
        """True for the provisional() view."""
        return self._provisional

    def years(self) -> set[int]:
        """Years with real data: chinesecalendar's and the notices' (never the provisional ones)."""
        return set(LIBRARY_YEARS) | set(self._notices)

    def broken(self) -> dict[int, str]:
        """Years whose notice file is in the catalog but has errors (so is not used), with the file."""
        return dict(self._broken)

    def info(self, day: dt.date) -> DayInfo:
        """The status of one day; raises CalendarMissing for a year without data."""
        return self._table(day.year).days[day.timetuple().tm_yday - 1]

    def is_workday(self, day: dt.date) -> bool:
        """True when the day is a working day (make-up weekend days included)."""
        return self.info(day).is_workday

    def add(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after start (start itself not counted); n=0 gives start."""
        if n < 0:
            raise ValueError(f"工作日数不能为负数：{n}")
        if n == 0:
            return start
        after, year = start.toordinal(), (start + ONE_DAY).year
        while True:
            workdays = self._table(year).workdays
            index = bisect_right(workdays, after) + n - 1
            if index < len(workdays):
                return dt.date.fromordinal(workdays[index])
            n = index - len(workdays) + 1
            year += 1

    def due(self, start: dt.date, n: int) -> DueDate:
        """add(start, n) with the years whose days were only guessed on the way (暂定)."""
        return self.counted(start, self.add(start, n))

    def counted(self, start: dt.date, end: dt.date) -> DueDate:
        """*end*, a day counted from *start*, with the years whose days were only guessed on the way (暂定) and the
        notice files of those years that have errors."""
        years = self.provisional_years(start, end)
        return DueDate(end, years, tuple(self._broken[y] for y in years if y in self._broken))

    def limit(self, start: dt.date, days: int, workdays: bool = True) -> DueDate:
        """The last day of a period of *days* working days (or calendar days) after *start*.

        A period of calendar days that ends on a day off (a weekend not worked, a statutory holiday) ends on the next
        working day instead (《民法典》第二百零三条：期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日).
        """
        if workdays:
            return self.due(start, days)
        last = start + dt.timedelta(days=days)
        end = self.on_or_after(last)
        return DueDate(end, self.provisional_years(last - ONE_DAY, end))

    def provisional_years(self, start: dt.date, end: dt.date) -> tuple[int, ...]:
        """Years with a provisional day in (start, end]; empty for a strict calendar."""
        low, high = start.toordinal(), end.toordinal()
        found = []
        for year in range((start + ONE_DAY).year, end.year + 1):
            guessed = self._table(year).guessed
            if bisect_right(guessed, high) > bisect_right(guessed, low):
                found.append(year)
        return tuple(found)

    def explain_add(self, start: dt.date, n: int) -> list[Step]:
        """Every day from start+1 to add(start, n), skipped ones included, with the running count."""
        end, day, counted = self.add(start, n), start + ONE_DAY, 0
        steps: list[Step] = []
        while day <= end:
            info = self.info(day)
            counted += info.is_workday
            steps.append(Step(day, info, counted if info.is_workday else None))
            day += ONE_DAY
        return steps

    def overrides(self, start: dt.date, end: dt.date) -> list[tuple[DayInfo, DayInfo]]:
        """(chinesecalendar's day, this calendar's) for the days from start to end that a catalog notice counts
        otherwise than the State Council's notice as chinesecalendar holds it: the catalog's file wins (a
        supplementary notice), but whoever reads a count over such a day is told (GK806 says where the file differs)."""
        found = []
        for year in range(start.year, end.year + 1):
            if year not in LIBRARY_YEARS or not any(y in self._notices for y in (year - 1, year, year + 1)):
                continue
            for official in library_year(year):
                if start <= official.day <= end and self.info(official.day).is_workday != official.is_workday:
                    found.append((official, self.info(official.day)))
        return found

    def on_or_after(self, day: dt.date) -> dt.date:
        """The day itself if it is a working day, else the next working day (节假日顺延)."""
        return day if self.is_workday(day) else self.add(day, 1)

    def count_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: start excluded, end included; 0 when end <= start."""
        if end <= start:
            return 0
        low, high = start.toordinal(), end.toordinal()
        total = 0
        for year in range((start + ONE_DAY).year, end.year + 1):
            workdays = self._table(year).workdays
            total += bisect_right(workdays, high) - bisect_right(workdays, low)
        return total

    def _table(self, year: int) -> _YearTable:
        table = self._tables.get(year)
        if table is None:
            table = self._tables[year] = self._build(year)
        return table

    def _build(self, year: int) -> _YearTable:
        days = self._base(year)
        for neighbour in (self._notices.get(year - 1), self._notices.get(year + 1)):
            if neighbour is not None:
                days = _overlay(days, neighbour)
        return _YearTable(days, tuple(i.day.toordinal() for i in days if i.is_workday),
                          tuple(i.day.toordinal() for i in days if i.provisional))

    def _base(self, year: int) -> tuple[DayInfo, ...]:
        notice = self._notices.get(year)
        if notice is not None:
            return _notice_year(notice)
        if year in LIBRARY_YEARS:
            return library_year(year)
        if self._provisional and year in PROVISIONAL_YEARS:
            return provisional_year(year)
        raise CalendarMissing(year, self._covered(), self._broken.get(year))

    def _covered(self) -> str:
        first, last = LIBRARY_YEARS.start, LIBRARY_YEARS.stop - 1
        text = f"{LIBRARY} 收录{first}—{last}年"
        if self._notices:
            text += "，目录中有" + "、".join(f"{y}年" for y in sorted(self._notices)) + "的通知"
        if self._provisional:
            text += f"，暂定计算只用于{PROVISIONAL_YEARS.start}—{PROVISIONAL_YEARS.stop - 1}年"
        return text


def official_differences(notice: Notice) -> list[tuple[tuple[str | int, ...], DayInfo, DayInfo]]:
    """The days it counts otherwise than the State Council's notice (as chinesecalendar holds it), each with the notice
    field it comes from (its holiday, its make-up day, or the list missing it), the official day and the notice's:
    every day of its year when chinesecalendar holds that year, and the days it names in a neighbouring year that
    chinesecalendar holds (元旦 reaching back into December overrides that year's days too)."""
    ours = WorkdayCalendar([notice])
    makeup = {day: index for index, day in enumerate(notice.makeup)}
    differing = [(official, mine) for official in _official_days(notice)
                 if official.is_workday != (mine := ours.info(official.day)).is_workday]
    days = {official.day for official, _ in differing}
    found = []
    for official, mine in differing:
        holiday = next((i for i, h in enumerate(notice.holidays) if h.start <= official.day <= h.end), None)
        if holiday is not None:
            field: tuple[str | int, ...] = ("放假", holiday, _end_at_fault(notice.holidays[holiday], official.day, days))
        elif official.day in makeup:
            field = ("调休上班", makeup[official.day])
        else:
            field = ("调休上班",) if official.kind is DayKind.MAKEUP else ("放假",)
        found.append((field, official, mine))
    return found


def _end_at_fault(span: NoticeHoliday, day: dt.date, differing: set[dt.date]) -> str:
    """Where a day of a holiday the notice counts otherwise is to be corrected: 「结束」 when it lies in a run of such
    days that reaches the holiday's last day and not its first (国庆节 typed to 10-08, a day late), else 「开始」."""
    def run(first: dt.date, last: dt.date) -> bool:
        return all(first + n * ONE_DAY in differing for n in range((last - first).days + 1))
    return "结束" if run(day, span.end) and not run(span.start, day) else "开始"


def _official_days(notice: Notice) -> Iterable[DayInfo]:
    """chinesecalendar's days the notice decides: its whole year, and the days it names in neighbouring years."""
    if notice.year in LIBRARY_YEARS:
        yield from library_year(notice.year)
    named = sorted(set(notice.days_off()) | set(notice.makeup))
    for year in sorted({day.year for day in named} - {notice.year}):
        if year in LIBRARY_YEARS:
            days = library_year(year)
            yield from (days[day.timetuple().tm_yday - 1] for day in named if day.year == year)


def library_differences(notice: Notice) -> list[dt.date]:
    """Days of the notice's year that chinesecalendar counts differently (working or not); empty when it has no data."""
    return [official.day for _, official, _ in official_differences(notice)]
