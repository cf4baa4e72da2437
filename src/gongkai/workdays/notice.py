"""One year's State Council holiday notice as kept in a catalog (calendar/<year>.yaml): the model and its checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath

from pydantic import Field, PrivateAttr

from gongkai.model.base import CatalogModel, Day, Text
from gongkai.workdays.days import WEEKDAYS, how_to_import, how_to_mend, notice_path

# A notice may reach this many days into the neighbouring years: 元旦 across the turn of the year
# (国务院办公厅关于2023年…的通知: 2022年12月31日至2023年1月2日).
SPILL_DAYS = 7
FieldPath = tuple[str | int, ...]
# The years a notice may be for: from the first 《全国年节及纪念日放假办法》 (1949) to the last year a date of the catalog
# may lie in (days.YEARS, 2199): a notice for 2200 could hold no day, and its import ended in an internal error.
NOTICE_YEARS = range(1949, 2200)


class NoticeHoliday(CatalogModel):
    """One holiday of a notice: an inclusive range of days off."""

    name: Text = Field(alias="名称", title="名称", description="节日名称，如元旦、春节、国庆节")
    start: Day = Field(alias="开始", title="开始", description="放假第一天")
    end: Day = Field(alias="结束", title="结束", description="放假最后一天（含）")

    def days(self) -> Iterable[dt.date]:
        """Every day of the range, in order."""
        return (self.start + dt.timedelta(days=i) for i in range((self.end - self.start).days + 1))


class Notice(CatalogModel):
    """国务院办公厅关于某年部分节假日安排的通知: the days off and the make-up working days it sets."""

    year: int = Field(alias="年度", ge=NOTICE_YEARS.start, le=NOTICE_YEARS.stop - 1, title="年度",
                      description="四位数年份，与文件名一致")
    title: Text = Field(alias="通知", title="通知", description="通知的标题")
    number: Text | None = Field(None, alias="文号", title="文号", description="如 国办发明电〔2025〕7号")
    issued: Day | None = Field(None, alias="发布日期", title="发布日期", description="通知落款的日期")
    holidays: list[NoticeHoliday] = Field(alias="放假", title="放假", description="每个节日一项：名称、开始、结束")
    makeup: list[Day] = Field(default_factory=list, alias="调休上班", title="调休上班",
                              description="调休上班的周六、周日")
    _source: str | None = PrivateAttr(None)

    def located(self, source: str) -> Notice:
        """The same notice, remembering the file it was read from (named in each day's reason)."""
        copy = self.model_copy()
        copy._source = source
        return copy

    @property
    def label(self) -> str:
        """How a day's reason names this notice: its file, else its title."""
        return self._source or self.title

    def days_off(self) -> dict[dt.date, str]:
        """Every day off the notice sets, with its holiday's name."""
        return {day: holiday.name for holiday in self.holidays for day in holiday.days()}


@dataclass(frozen=True)
class NoticeProblem:
    """Something a well-formed notice gets wrong: a field path into it, a Chinese message and a hint."""

    field: FieldPath
    message: str
    hint: str


def _file_year(source: str) -> int | None:
    stem = PurePosixPath(source.replace("\\", "/")).stem
    return int(stem) if stem.isdigit() else None


def _window(year: int) -> tuple[dt.date, dt.date]:
    spill = dt.timedelta(days=SPILL_DAYS)
    return dt.date(year, 1, 1) - spill, dt.date(year, 12, 31) + spill


def notice_problems(notice: Notice, source: str | None = None, *, statutory: bool = True) -> list[NoticeProblem]:
    """What a notice gets wrong: its file name, days outside its year, make-up days that are not weekend days, and
    (unless *statutory* is false: a notice text already found wrong elsewhere) a festival's statutory days not off."""
    problems = list(_name_problems(notice, source)) if source is not None else []
    problems += _holiday_problems(notice)
    problems += _makeup_problems(notice)
    problems += _statutory_problems(notice) if statutory else []
    return problems


def _name_problems(notice: Notice, source: str) -> Iterator[NoticeProblem]:
    from_file, year = _file_year(source), notice.year
    if from_file is None:
        yield NoticeProblem(("年度",), f"文件名「{source}」不是年份", f"把文件改名为 {notice_path(year)}")
    elif from_file != year:
        yield NoticeProblem(("年度",), f"文件名的年份（{from_file}）与「年度」（{year}）不一致",
                            f"改正「年度」，或把文件改名为 {notice_path(year)}")


def _holiday_problems(notice: Notice) -> Iterator[NoticeProblem]:
    first, last = _window(notice.year)
    span = f"放假日期应在{notice.year}年内（跨年的元旦可前后延伸{SPILL_DAYS}天）"
    for i, holiday in enumerate(notice.holidays):
        name, start, end = holiday.name, holiday.start, holiday.end
        if not first <= start <= last:
            yield NoticeProblem(("放假", i, "开始"), f"{name}的开始日期 {start} 不在{notice.year}年内",
                                f"{span}；每年的放假安排写在该年度的文件中")
        if end < start:
            yield NoticeProblem(("放假", i, "结束"), f"{name}的结束日期 {end} 早于开始日期 {start}", "核对通知原文")
        elif end > last:
            yield NoticeProblem(("放假", i, "结束"), f"{name}的结束日期 {end} 超出{notice.year}年",
                                f"{span}，最多到次年1月{SPILL_DAYS}日")


def _makeup_problems(notice: Notice) -> Iterator[NoticeProblem]:
    first, last = _window(notice.year)
    off = notice.days_off()
    for i, day in enumerate(notice.makeup):
        field: FieldPath = ("调休上班", i)
        if not first <= day <= last:
            yield NoticeProblem(field, f"调休上班日 {day} 不在{notice.year}年内", "每年的调休安排写在该年度的文件中")
        if day.weekday() < 5:
            yield NoticeProblem(field, f"调休上班日必须是周六或周日，{day} 是{WEEKDAYS[day.weekday()]}", "核对通知原文中的日期")
        if day in off:
            yield NoticeProblem(field, f"{day} 既是放假日又是调休上班日", "核对通知原文，删去其中一处")


# How a notice names the festivals of 《全国年节及纪念日放假办法》 (a combined item reads 「中秋节、国庆节」).
_FESTIVALS = ("元旦", "春节", "清明", "劳动", "端午", "中秋", "国庆")


def _statutory_problems(notice: Notice) -> Iterator[NoticeProblem]:
    """A festival the notice names whose statutory days (《全国年节及纪念日放假办法》, 2024 revision) it leaves at work:
    the notice sets the bridges and the make-up days, never the statutory days themselves, so such a file was written
    for another year (last year's copied and renamed) or mistyped. Only for years chinesecalendar does not hold (GK806
    compares those with the notice itself) and the revision governs."""
    from gongkai.workdays.official import LIBRARY_YEARS
    from gongkai.workdays.statutory import PROVISIONAL_YEARS

    if notice.year in LIBRARY_YEARS or notice.year not in PROVISIONAL_YEARS:
        return
    off, makeup = notice.days_off(), set(notice.makeup)
    for i, holiday in enumerate(notice.holidays):
        for festival in (f for f in _FESTIVALS if f in holiday.name):
            days = _festival_days(festival, holiday)
            # a weekend day not worked is off anyway; one both off and worked is _makeup_problems' to report
            left = [day for day in days if day not in off and (day in makeup or day.weekday() < 5)]
            if left:
                shown = "、".join(f"{day}（{WEEKDAYS[day.weekday()]}）" for day in left)
                yield NoticeProblem(("放假", i, "开始"),
                                    f"{holiday.name}放假 {holiday.start} 至 {holiday.end}，但{days[0].year}年{festival}的法定"
                                    f"节假日{shown}没有放假（《全国年节及纪念日放假办法》）",
                                    "法定节假日每年都放假，通知只另定调休；核对通知原文的日期和年份——多半是照上一年的文件改的。"
                                    f"最好用 gongkai calendar import 通知.txt 从{notice.year}年的通知原文生成这个文件")
    yield from _festivals_left_out(notice, off, makeup)


def _festivals_left_out(notice: Notice, off: Mapping[dt.date, str], makeup: set[dt.date]) -> Iterator[NoticeProblem]:
    """A festival the yearly notice does not name at all whose statutory days fall on working days: its line was lost
    in pasting (「三、清明节：……」) or left out when typing, and 清明 on a Monday became a working day, final. Every
    yearly notice since the 2024 revision names all seven; one naming a single festival is a supplementary notice
    (国务院办公厅关于延长2020年春节假期的通知), which changes that festival only."""
    from gongkai.workdays.statutory import statutory_days

    named = [f for f in _FESTIVALS if any(f in holiday.name for holiday in notice.holidays)]
    if len(named) < 2:
        return
    for festival in (f for f in _FESTIVALS if f not in named):
        days = [day for day, name in sorted(statutory_days(notice.year).items()) if festival in name]
        left = [day for day in days if day not in off and (day in makeup or day.weekday() < 5)]
        if left:
            name = festival if festival in ("元旦", "春节") else f"{festival}节"
            shown = "、".join(f"{day}（{WEEKDAYS[day.weekday()]}）" for day in left)
            yield NoticeProblem(("放假",), f"没有{name}的放假安排：{notice.year}年{name}的法定节假日{shown}没有放假"
                                          "（《全国年节及纪念日放假办法》）",
                                f"对照通知原文补上{name}的放假安排（多半是复制时漏了那一行）；最好用 gongkai calendar import "
                                f"通知.txt 从{notice.year}年的通知原文重新生成这个文件")


def _festival_days(festival: str, holiday: NoticeHoliday) -> list[dt.date]:
    """The statutory days of *festival* in the year nearest the holiday (元旦 in a notice may be the next year's)."""
    from gongkai.workdays.statutory import PROVISIONAL_YEARS, statutory_days

    years = [y for y in (holiday.start.year, holiday.end.year) if y in PROVISIONAL_YEARS]
    clusters = [found for y in dict.fromkeys(years)
                if (found := [day for day, name in sorted(statutory_days(y).items()) if festival in name])]
    if not clusters:
        return []
    return min(clusters, key=lambda c: min(abs((day - holiday.start).days) for day in c))


def makeup_shortfall(notice: Notice) -> tuple[int, int] | None:
    """(weekdays the notice's festivals give off beyond the statutory days and the weekend substitutes, make-up days)
    when the first is larger: every notice since the 2024 revision balances the two (a day bridged is a weekend day
    worked), so a shortfall is a 调休上班 line left out. None when they balance, or for a year this cannot judge
    (chinesecalendar's, which GK806 compares day by day, and years before the revision)."""
    from gongkai.workdays.official import LIBRARY_YEARS
    from gongkai.workdays.statutory import PROVISIONAL_YEARS, shared_days, statutory_days

    if notice.year in LIBRARY_YEARS or notice.year not in PROVISIONAL_YEARS:
        return None
    off = {day for h in notice.holidays if any(f in h.name for f in _FESTIVALS) for day in h.days()}
    # the statutory days of each year a day off falls in (元旦 may reach into a neighbouring year)
    statutory = {d: n for year in {day.year for day in off} & set(PROVISIONAL_YEARS)
                 for d, n in statutory_days(year).items()}
    bridged = sum(day.weekday() < 5 and day not in statutory for day in off)
    owed = sum(day.weekday() >= 5 and day in statutory for day in off)  # 第六条: given back on a working day
    owed += sum(shared_days(statutory[day]) for day in off if day in statutory)  # 中秋 on a 国庆 day: given back too
    extra = bridged - owed
    return (extra, len(notice.makeup)) if extra > len(notice.makeup) else None


def notice_missing_warning(today: dt.date, years_with_notices: set[int],
                           broken: Mapping[int, str] | None = None) -> str | None:
    """From 1 December, warn when next year's notice is missing (all year long when this year's is); a notice file
    that is there but has errors (*broken*: year → file) is named, not called missing."""
    if today.year not in years_with_notices:
        year, when = today.year, f"今天已是{today.year}年"
    elif today.month == 12 and today.year + 1 not in years_with_notices:
        year, when = today.year + 1, "今天已是12月"
    else:
        return None
    path = (broken or {}).get(year)
    if path is not None:
        return f"{when}，{path} 有错误，没有使用，{year}年的工作日期限只能暂定。{how_to_mend(path)}"
    return (f"{when}，尚未录入{year}年节假日安排，{year}年的工作日期限只能暂定。"
            f"国务院办公厅通常在11—12月发布下一年的通知；发布后，{how_to_import(year)}")
