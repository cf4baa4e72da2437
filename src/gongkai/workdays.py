"""China's working-day calendar: State Council holiday notices, from chinesecalendar or from the catalog.

Working days follow 国务院办公厅关于部分节假日安排的通知: statutory holidays are off, weekends are off except the
official make-up working days (调休上班). A year nobody has data for is an error, never a guess.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import cache
from pathlib import PurePosixPath

import chinese_calendar
from chinese_calendar.constants import holidays as _library_holidays

from gongkai.model.base import DayError, read_day

LIBRARY = "chinesecalendar"
LIBRARY_YEARS = range(min(_library_holidays).year, max(_library_holidays).year + 1)
SPILL_DAYS = 7  # a holiday may run this many days into the next year (a 元旦 or 春节 across the turn of the year)

_ONE_DAY = dt.timedelta(days=1)
_WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
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


def notice_title(year: int) -> str:
    """The usual title of the State Council's holiday notice for a year."""
    return f"国务院办公厅关于{year}年部分节假日安排的通知"


def notice_path(year: int) -> str:
    """Where a year's notice lives in a catalog."""
    return f"calendar/{year}.yaml"


class CalendarMissing(Exception):
    """A date falls in a year for which no holiday notice is known."""

    def __init__(self, year: int) -> None:
        super().__init__(year)
        self.year = year

    def __str__(self) -> str:
        first, last = LIBRARY_YEARS.start, LIBRARY_YEARS.stop - 1
        covered = f"只收录到{last}年" if self.year > last else f"只收录{first}—{last}年"
        return (
            f"没有{self.year}年的节假日安排：{LIBRARY} {covered}，"
            f"请在目录的 {notice_path(self.year)} 中录入{notice_title(self.year)}。"
        )


@dataclass(frozen=True)
class Holiday:
    """One holiday of a notice: an inclusive range of days off."""

    name: str
    start: dt.date
    end: dt.date

    def days(self) -> Iterable[dt.date]:
        """Every day of the range, in order."""
        return (self.start + dt.timedelta(days=i) for i in range((self.end - self.start).days + 1))


@dataclass(frozen=True)
class Notice:
    """One year's State Council holiday notice as kept in the catalog (calendar/<year>.yaml)."""

    year: int
    title: str
    number: str | None = None
    issued: dt.date | None = None
    holidays: tuple[Holiday, ...] = ()
    makeup_workdays: tuple[dt.date, ...] = ()
    source: str | None = None

    @property
    def label(self) -> str:
        """How a day's reason names this notice: its file, else its title."""
        return self.source or self.title


class DayKind(str, Enum):
    """What kind of day a date is."""

    WORKDAY = "工作日"
    WEEKEND = "周末"
    HOLIDAY = "法定节假日"
    MAKEUP = "调休上班日"


@dataclass(frozen=True)
class DayInfo:
    """One day's status and where that status comes from."""

    day: dt.date
    kind: DayKind
    holiday_name: str | None
    source: str  # "chinesecalendar" or the notice's file (or title)

    @property
    def is_workday(self) -> bool:
        """True on ordinary working days and make-up working days."""
        return self.kind in (DayKind.WORKDAY, DayKind.MAKEUP)

    @property
    def reason(self) -> str:
        """Why the day is or is not a working day, in Chinese."""
        weekday = _WEEKDAYS[self.day.weekday()]
        if self.kind is DayKind.WEEKEND:
            return f"{weekday}，休息日"
        if self.kind is DayKind.MAKEUP:
            return f"调休上班日（{weekday}）"
        if self.kind is DayKind.HOLIDAY:
            origin = "国务院办公厅通知" if self.source == LIBRARY else self.source
            return f"{self.holiday_name or '法定节假日'}假期（{origin}）"
        return "工作日"


@dataclass(frozen=True)
class Step:
    """One day walked by explain_add: counted is the running number of working days, None when skipped."""

    day: dt.date
    info: DayInfo
    counted: int | None


@dataclass(frozen=True)
class _YearTable:
    """A year's days by day of year, and the ordinals of its working days for bisect."""

    days: tuple[DayInfo, ...]
    workdays: tuple[int, ...]


def _year_days(year: int) -> Iterable[dt.date]:
    first = dt.date(year, 1, 1)
    return (first + dt.timedelta(days=i) for i in range((dt.date(year + 1, 1, 1) - first).days))


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
def _library_year(year: int) -> tuple[DayInfo, ...]:
    return tuple(_library_day(day) for day in _year_days(year))


def _notice_days(notice: Notice) -> tuple[DayInfo, ...]:
    off, makeup = _days_off(notice), set(notice.makeup_workdays)
    return tuple(_notice_day(day, notice.label, off, makeup) for day in _year_days(notice.year))


def _days_off(notice: Notice) -> dict[dt.date, str]:
    return {day: holiday.name for holiday in notice.holidays for day in holiday.days()}


def _notice_day(day: dt.date, label: str, off: Mapping[dt.date, str], makeup: set[dt.date]) -> DayInfo:
    # A day listed both as off and as make-up is a data error parse_notice reports; off wins meanwhile.
    if day in off:
        return DayInfo(day, DayKind.HOLIDAY, off[day], label)
    if day in makeup:
        return DayInfo(day, DayKind.MAKEUP, None, label)
    kind = DayKind.WEEKEND if day.weekday() >= 5 else DayKind.WORKDAY
    return DayInfo(day, kind, None, label)


class WorkdayCalendar:
    """Working days from the catalog's notices, else chinesecalendar; any other year raises CalendarMissing."""

    def __init__(self, notices: Iterable[Notice] = ()) -> None:
        self._notices: dict[int, Notice] = {notice.year: notice for notice in notices}  # a later one wins
        self._tables: dict[int, _YearTable] = {}

    def years(self) -> set[int]:
        """Years with data: chinesecalendar's and the notices'."""
        return set(LIBRARY_YEARS) | set(self._notices)

    def info(self, day: dt.date) -> DayInfo:
        """The status of one day; raises CalendarMissing for a year without data."""
        table = self._table(day.year)
        return table.days[day.timetuple().tm_yday - 1]

    def is_workday(self, day: dt.date) -> bool:
        """True when the day is a working day (make-up weekend days included)."""
        return self.info(day).is_workday

    def add(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after start (start itself not counted); n=0 gives start."""
        if n < 0:
            raise ValueError(f"工作日数不能为负数：{n}")
        if n == 0:
            return start
        after, year = start.toordinal(), (start + _ONE_DAY).year
        while True:
            workdays = self._table(year).workdays
            index = bisect_right(workdays, after) + n - 1
            if index < len(workdays):
                return dt.date.fromordinal(workdays[index])
            n = index - len(workdays) + 1
            year += 1

    def explain_add(self, start: dt.date, n: int) -> list[Step]:
        """Every day from start+1 to add(start, n), skipped ones included, with the running count."""
        end, day, counted = self.add(start, n), start + _ONE_DAY, 0
        steps: list[Step] = []
        while day <= end:
            info = self.info(day)
            counted += info.is_workday
            steps.append(Step(day, info, counted if info.is_workday else None))
            day += _ONE_DAY
        return steps

    def on_or_after(self, day: dt.date) -> dt.date:
        """The day itself if it is a working day, else the next working day (节假日顺延)."""
        return day if self.is_workday(day) else self.add(day, 1)

    def count_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: start excluded, end included; 0 when end <= start."""
        if end <= start:
            return 0
        low, high = start.toordinal(), end.toordinal()
        total = 0
        for year in range((start + _ONE_DAY).year, end.year + 1):
            workdays = self._table(year).workdays
            total += bisect_right(workdays, high) - bisect_right(workdays, low)
        return total

    def _table(self, year: int) -> _YearTable:
        table = self._tables.get(year)
        if table is None:
            table = self._tables[year] = self._build(year)
        return table

    def _build(self, year: int) -> _YearTable:
        notice = self._notices.get(year)
        if notice is not None:
            days = _notice_days(notice)
        elif year in LIBRARY_YEARS:
            days = _library_year(year)
        else:
            raise CalendarMissing(year)
        previous = self._notices.get(year - 1)
        if previous is not None:  # last year's notice may put the first days of this year off
            off, label = _days_off(previous), previous.label
            days = tuple(DayInfo(i.day, DayKind.HOLIDAY, off[i.day], label) if i.day in off else i for i in days)
        return _YearTable(days, tuple(info.day.toordinal() for info in days if info.is_workday))


# ---------------------------------------------------------------- notice files

Field = tuple[str | int, ...]


@dataclass(frozen=True)
class NoticeProblem:
    """One thing wrong in a notice file: a field path into the mapping, a Chinese message and a hint."""

    field: Field
    message: str
    hint: str


_KEYS = ("年度", "通知", "文号", "发布日期", "放假", "调休上班")
_HOLIDAY_KEYS = ("名称", "开始", "结束")
_DATE_HINT = "日期写作 YYYY-MM-DD，如 2027-01-01"


def parse_notice(data: object, source: str) -> tuple[Notice | None, list[NoticeProblem]]:
    """Read one calendar/<year>.yaml mapping; the Notice is None whenever any problem was found."""
    reader = _NoticeReader(source)
    notice = reader.read(data)
    return (None if reader.problems else notice), reader.problems


def _file_year(source: str) -> int | None:
    stem = PurePosixPath(source.replace("\\", "/")).stem
    return int(stem) if stem.isdigit() else None


class _NoticeReader:
    """Reads one notice mapping, collecting every problem instead of stopping at the first."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[NoticeProblem] = []
        self.year: int | None = None

    def add(self, field: Field, message: str, hint: str) -> None:
        self.problems.append(NoticeProblem(field, message, hint))

    def read(self, data: object) -> Notice | None:
        if not isinstance(data, Mapping):
            self.add((), "节假日通知应为键值映射（年度、通知、放假、调休上班）", "参照 docs/catalog-format.md 的示例")
            return None
        self.unknown_keys(data, (), _KEYS)
        self.year = self.read_year(data.get("年度"))
        title = self.text(data, "通知", (), f"写上通知的标题，如「{notice_title(self.year or 2027)}」")
        number = self.text(data, "文号", ())
        issued = None if data.get("发布日期") is None else self.date(data["发布日期"], ("发布日期",))
        holidays = [h for i, entry in enumerate(self.items(data, "放假")) if (h := self.holiday(entry, ("放假", i)))]
        off = {day for holiday in holidays for day in holiday.days()}
        makeup = [d for i, v in enumerate(self.items(data, "调休上班")) if (d := self.makeup(v, ("调休上班", i), off))]
        if self.year is None or title is None:
            return None
        return Notice(self.year, title, number, issued, tuple(holidays), tuple(makeup), self.source)

    def unknown_keys(self, data: Mapping[object, object], field: Field, known: tuple[str, ...]) -> None:
        for key in data:
            if key not in known:
                self.add((*field, str(key)), f"未知的键「{key}」", f"这里只能用这些键：{'、'.join(known)}")

    def read_year(self, value: object) -> int | None:
        from_file = _file_year(self.source)
        hint = f"写成四位数年份，与文件名一致：{notice_path(from_file or 2027)}"
        if value is None:
            self.add(("年度",), "缺少「年度」", hint)
        elif not isinstance(value, int) or isinstance(value, bool) or not 1949 <= value <= 2200:
            self.add(("年度",), f"「年度」应为四位数年份，而不是「{value}」", hint)
        elif from_file is None:
            self.add(("年度",), f"文件名「{self.source}」不是年份", f"把文件改名为 {notice_path(value)}")
        elif from_file != value:
            message = f"文件名的年份（{from_file}）与「年度」（{value}）不一致"
            self.add(("年度",), message, f"改正「年度」，或把文件改名为 {notice_path(value)}")
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def text(self, data: Mapping[object, object], key: str, field: Field, required: str | None = None) -> str | None:
        """A text value; required is the hint when it is missing, None when it may be left out."""
        value = data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.add((*field, key), f"缺少「{key}」", required)
            return None
        if not isinstance(value, str):
            self.add((*field, key), f"「{key}」应为文字，而不是「{value}」", "给这个值加上引号")
            return None
        return value.strip()

    def date(self, value: object, field: Field) -> dt.date | None:
        try:
            return read_day(value)
        except DayError as exc:
            label = next((part for part in reversed(field) if isinstance(part, str)), "日期")  # the key, not a list index
            message = f"日期不存在：「{value}」" if exc.no_such_day else f"「{label}」应为日期，而不是「{value}」"
            self.add(field, message, _DATE_HINT)
            return None

    def items(self, data: Mapping[object, object], key: str) -> list[object]:
        value = data.get(key)
        if value is None and key == "放假":
            self.add((key,), "缺少「放假」", "逐条列出通知中的放假安排：名称、开始、结束")
        elif value is not None and not isinstance(value, list):
            self.add((key,), f"「{key}」应为列表", "每一项另起一行，以「- 」开头")
        return value if isinstance(value, list) else []

    def holiday(self, entry: object, field: Field) -> Holiday | None:
        if not isinstance(entry, Mapping):
            self.add(field, "每条放假安排应写出名称、开始、结束", "如：- {名称: 元旦, 开始: 2027-01-01, 结束: 2027-01-01}")
            return None
        self.unknown_keys(entry, field, _HOLIDAY_KEYS)
        name = self.text(entry, "名称", field, "写上节日名称，如元旦、春节、国庆节")
        start, end = (self.required_date(entry, key, field) for key in ("开始", "结束"))
        if name is None or start is None or end is None:
            return None
        self.check_range(Holiday(name, start, end), field)
        return Holiday(name, start, end)

    def required_date(self, entry: Mapping[object, object], key: str, field: Field) -> dt.date | None:
        if entry.get(key) is None:
            self.add((*field, key), f"缺少「{key}」", _DATE_HINT)
            return None
        return self.date(entry[key], (*field, key))

    def check_range(self, holiday: Holiday, field: Field) -> None:
        name, start, end, year = holiday.name, holiday.start, holiday.end, self.year
        if year is not None and start.year != year:
            self.add((*field, "开始"), f"{name}的开始日期 {start} 不在{year}年内", "每年的放假安排写在该年度的文件中")
        if end < start:
            self.add((*field, "结束"), f"{name}的结束日期 {end} 早于开始日期 {start}", "核对通知原文")
        elif year is not None and end > dt.date(year, 12, 31) + dt.timedelta(days=SPILL_DAYS):
            self.add((*field, "结束"), f"{name}的结束日期 {end} 超出{year}年", f"放假最多延续到次年1月{SPILL_DAYS}日")

    def makeup(self, value: object, field: Field, off: set[dt.date]) -> dt.date | None:
        day = self.date(value, field)
        if day is None:
            return None
        if self.year is not None and day.year != self.year:
            self.add(field, f"调休上班日 {day} 不在{self.year}年内", "每年的调休安排写在该年度的文件中")
        if day.weekday() < 5:
            self.add(field, f"调休上班日必须是周六或周日，{day} 是{_WEEKDAYS[day.weekday()]}", "核对通知原文中的日期")
        if day in off:
            self.add(field, f"{day} 既是放假日又是调休上班日", "核对通知原文，删去其中一处")
        return day


def notice_missing_warning(today: dt.date, years_with_data: set[int]) -> str | None:
    """From 1 December, warn when next year's notice is missing (all year long when this year's is)."""
    if today.year not in years_with_data:
        year, when = today.year, f"今天已是{today.year}年"
    elif today.month == 12 and today.year + 1 not in years_with_data:
        year, when = today.year + 1, "今天已是12月"
    else:
        return None
    return (
        f"{when}，尚未录入{year}年节假日安排，{year}年的工作日期限无法计算。国务院办公厅通常在11—12月"
        f"发布下一年的通知，请在发布后录入 {notice_path(year)}（{notice_title(year)}）。"
    )
