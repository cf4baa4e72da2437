"""What one day is (working day, weekend, holiday, make-up day), where that comes from, and how sure it is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

ONE_DAY = dt.timedelta(days=1)
WEEKDAYS = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
LIBRARY = "chinesecalendar"
OFFICIAL = "国务院办公厅通知"  # how a chinesecalendar holiday is cited: the library copies the notices
STATUTORY = "《全国年节及纪念日放假办法》"  # the source of provisional days (2024 revision)
PROVISIONAL_MARK = "（暂定）"
IMPORT_COMMAND = "gongkai calendar import 通知.txt"


def notice_title(year: int) -> str:
    """The usual title of the State Council's holiday notice for a year."""
    return f"国务院办公厅关于{year}年部分节假日安排的通知"


def notice_path(year: int) -> str:
    """Where a year's notice lives in a catalog."""
    return f"calendar/{year}.yaml"


def how_to_import(year: int) -> str:
    """The Chinese instruction for bringing a year's notice into the catalog."""
    return f"把{notice_title(year)}的原文复制到一个文本文件，运行 {IMPORT_COMMAND} 录入 {notice_path(year)}。"


def how_to_mend(path: str) -> str:
    """The Chinese instruction for a year's notice file that is in the catalog but has errors, so is not used."""
    return (f"运行 gongkai validate 查看 {path} 中的错误（GK801 或字段错误）并改正；"
            f"或把通知原文存为文本文件，运行 {IMPORT_COMMAND} --force 重新生成。")


def year_days(year: int) -> Iterable[dt.date]:
    """Every day of *year*, in order."""
    first = dt.date(year, 1, 1)
    return (first + dt.timedelta(days=i) for i in range((dt.date(year + 1, 1, 1) - first).days))


class CalendarMissing(Exception):
    """A date falls in a year for which the calendar has no data, not even a provisional one."""

    def __init__(self, year: int, covered: str = "", broken: str | None = None) -> None:
        super().__init__(year)
        self.year = year
        self.covered = covered  # which years the calendar does know, in Chinese
        self.broken = broken  # the catalog's file for the year, when there is one but it has errors (not used)

    def __str__(self) -> str:
        known = f"（{self.covered}）" if self.covered else ""
        if self.broken is not None:
            return f"{self.broken} 有错误，没有使用，因此没有{self.year}年的节假日安排{known}。{how_to_mend(self.broken)}"
        return f"没有{self.year}年的节假日安排{known}。{how_to_import(self.year)}"


class DayKind(str, Enum):
    """What kind of day a date is."""

    WORKDAY = "工作日"
    WEEKEND = "周末"
    HOLIDAY = "法定节假日"
    MAKEUP = "调休上班日"


@dataclass(frozen=True)
class DayInfo:
    """One day's status, where that status comes from, and whether it is only provisional (暂定)."""

    day: dt.date
    kind: DayKind
    holiday_name: str | None
    source: str  # "chinesecalendar", the notice's file (or title), or 《全国年节及纪念日放假办法》
    provisional: bool = False

    @property
    def is_workday(self) -> bool:
        """True on ordinary working days and make-up working days."""
        return self.kind in (DayKind.WORKDAY, DayKind.MAKEUP)

    @property
    def reason(self) -> str:
        """Why the day is or is not a working day, in Chinese; a provisional day says so."""
        weekday = WEEKDAYS[self.day.weekday()]
        if self.kind is DayKind.WEEKEND:
            text = f"{weekday}，休息日"
        elif self.kind is DayKind.MAKEUP:
            text = f"调休上班日（{weekday}）"
        elif self.kind is DayKind.HOLIDAY:
            origin = OFFICIAL if self.source == LIBRARY else self.source
            text = f"{self.holiday_name or '法定节假日'}假期（{origin}）"
        else:
            text = "工作日"
        return text + PROVISIONAL_MARK if self.provisional else text


@dataclass(frozen=True)
class Step:
    """One day walked by explain_add: counted is the running number of working days, None when skipped."""

    day: dt.date
    info: DayInfo
    counted: int | None


@dataclass(frozen=True)
class DueDate:
    """A date the calendar counted to, and the years whose days it could only guess (暂定) on the way."""

    date: dt.date
    provisional_years: tuple[int, ...] = ()
    broken: tuple[str, ...] = ()  # the catalog's notice files for those years that have errors (so are not used)

    @property
    def provisional(self) -> bool:
        """True when some day counted lies in a year without a holiday notice yet."""
        return bool(self.provisional_years)

    def __str__(self) -> str:
        return self.date.isoformat() + (PROVISIONAL_MARK if self.provisional else "")

    def note(self) -> str:
        """Why the date is provisional, in Chinese; empty when it is final."""
        return provisional_note(self.provisional_years, self.broken)


def differences_shown(pairs: list[tuple[DayInfo, DayInfo]]) -> str:
    """The first three days a catalog notice counts otherwise than chinesecalendar (official, ours), and how many more:
    「2026-09-20，通知：…，这里：…；另有2天」 (GK806 and override_note)."""
    shown = "；".join(f"{o.day}，通知：{o.reason}，这里：{m.reason}" for o, m in pairs[:3])
    return shown + (f"；另有{len(pairs) - 3}天" if len(pairs) > 3 else "")


def override_note(days: Iterable[tuple[DayInfo, DayInfo]]) -> str:
    """Days a catalog notice counts otherwise than chinesecalendar (official, ours), in Chinese; empty for none."""
    pairs = list(days)
    if not pairs:
        return ""
    files = "、".join(sorted({mine.source for _, mine in pairs if mine.source not in (LIBRARY, STATUTORY)}))
    return (f"这里按目录中的 {files or 'calendar/ 中的文件'} 计算，有{len(pairs)}天与 chinesecalendar 收录的国务院办公厅通知不同："
            f"{differences_shown(pairs)}。不是国务院的补充通知的，请按通知原文改正或删去这个文件（gongkai validate 的 GK806 指出位置）。")


def provisional_note(years: Iterable[int], broken: Iterable[str] = ()) -> str:
    """Why a date counted over *years* (without a notice yet) is provisional, in Chinese; empty for none.
    *broken*: the notice files of those years that are in the catalog but have errors, so are not used."""
    named = "、".join(f"{y}年" for y in sorted(years))
    if not named:
        return ""
    files = sorted(broken)
    if files:
        return (f"{'、'.join(files)} 有错误，没有使用，{named}的期限暂按周末和{STATUTORY}规定的法定节假日计算；"
                + "".join(how_to_mend(f) for f in files))
    return (f"{named}的节假日安排尚未录入，期限暂按周末和{STATUTORY}规定的法定节假日计算；"
            f"通知发布后以正式安排为准（{IMPORT_COMMAND}）。")
