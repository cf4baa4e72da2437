"""Calendar dates as people type them (2026-03-02, 2026/3/2, 2026年3月2日): light, so that reading --today does not
import the models (pydantic)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_DATE_FORMS = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?$", re.ASCII)
# Typed with the input method in full-width mode (２０２６－０３－０２, ２０２６／３／２), or pasted from Word with its
# curly quotes (“2026-03-02”): read as the same date, which GK110 then shows in its canonical form.
# Copied from a web page or a chat, a date may carry characters nobody sees (a zero-width space, a BOM): taken out, or
# 「而不是「2026-03-02」」 named a difference the user cannot find.
_HALF_WIDTH = {**{0xFF10 + n: str(n) for n in range(10)}, ord("－"): "-", ord("／"): "/", ord("．"): ".",
               ord("。"): ".", ord("—"): "-", ord("–"): "-", ord("\u3000"): " ",
               **dict.fromkeys((0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF))}
_QUOTES = "\"'“”‘’「」『』"


# The years a date of the catalog may fall in: every deadline computed from one stays a real date (Python's end at
# 9999-12-31 would turn "the next working day" into a crash).
YEARS = range(1900, 2200)


class DayError(ValueError):
    """Not a date: *no_such_day* when the form is right but the day is not real (2026-02-30) or not within YEARS,
    else the form is wrong. *message* says which, in Chinese."""

    def __init__(self, value: Any, no_such_day: bool) -> None:
        super().__init__(value)
        self.value = ("true" if value else "false") if isinstance(value, bool) else value  # as written, not True
        self.no_such_day = no_such_day

    @property
    def message(self) -> str:
        if not self.no_such_day:
            return _meant(self.value) or f"日期格式应为 YYYY-MM-DD，如 2026-03-02，而不是「{self.value}」"
        year = _DATE_FORMS.match(str(self.value).strip())
        if year and int(year.group(1)) not in YEARS:
            return f"日期「{self.value}」不在 {YEARS.start}—{YEARS.stop - 1} 年之间"
        return f"日期不存在：{self.value}" + (_why_no_such_day(year) if year else "")


def _why_no_such_day(written: re.Match[str]) -> str:
    """Why year, month and day of a date in a right form are no day: 「（2026年2月只有28天）」, 「（一年只有12个月）」."""
    year, month, day = (int(g) for g in written.groups())
    if not 1 <= month <= 12:
        return "（一年只有12个月）"
    if day < 1:
        return "（日从1日数起）"
    last = ((dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)).day
    return f"（{year}年{month}月只有{last}天）" if day > last else ""


# A date as a spreadsheet or another program writes it: Excel's serial number (days since 1899-12-30, five digits for
# 1927–2173), a timestamp with a time and perhaps a zone. Refused — the record waits until the date is written — but the
# message says which day it is.
_SERIAL = re.compile(r"^\d{5}$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_STAMP = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$")
# China's days (UTC+8, no summer time): the day a date of the law names, whatever zone a machine or a commit is in.
BEIJING = dt.timezone(dt.timedelta(hours=8))
# The archives' eight digits (DA/T 22: 20260907) and a date in Chinese numerals as older 公文 print their 成文日期
# (二〇一一年十二月三十日): refused like the forms above, but the message says which day it is.
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "○": 0, "Ｏ": 0}
_NUMERALS = re.compile(r"^([〇零○Ｏ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})[日号]$")


_SMALL = re.compile(r"^(?:(?P<tens>[一二两三四五六七八九]?)十(?P<ones>[一二三四五六七八九]?)|(?P<one>[〇零○Ｏ一二两三四五六七八九]))$")


def chinese_number(text: str) -> int | None:
    """一 … 九 (两), 十, 十一, 二十, 三十一, 九十九 as a number; None for anything else (十十, 九九, 二十二十, 一百)."""
    found = _SMALL.match(text)
    if found is None:
        return None
    if found["one"]:
        return _DIGITS.get(found["one"], 2)  # (两)
    tens, ones = found["tens"], found["ones"]
    return (_DIGITS.get(tens, 2) if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def _written_day(text: str) -> tuple[dt.date, str] | None:
    """The day of an eight-digit or a Chinese-numeral date, with what to call that form; None otherwise."""
    compact, numerals = _COMPACT.match(text), _NUMERALS.match(text)
    try:
        if compact:
            return dt.date(*(int(g) for g in compact.groups())), "8位数字的日期（档案目录的写法）"
        if numerals:
            year = int("".join(str(_DIGITS[c]) for c in numerals.group(1)))
            month, day = chinese_number(numerals.group(2)), chinese_number(numerals.group(3))
            if month is not None and day is not None:
                return dt.date(year, month, day), "汉字数字的日期"
    except ValueError:
        return None
    return None


# The year written last, as an English-locale Excel or a form from abroad writes it (3/5/2026, 13.5.2026): month and
# day cannot be told apart unless one of them is above 12. Refused — gongkai does not guess the month — but the message
# names the one day it can be, or both.
_YEAR_LAST = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$")


def _year_last(text: str) -> str | None:
    """The message for a date with its year written last: the day it is, or the two it may be; None otherwise."""
    found = _YEAR_LAST.match(as_typed(text))
    if found is None or int(found.group(3)) not in YEARS:
        return None
    first, second, year = (int(g) for g in found.groups())
    days = []
    for month, day in ((first, second), (second, first)):
        try:
            days.append(dt.date(year, month, day).isoformat())
        except ValueError:
            continue
    days = sorted(set(days), key=days.index)
    said = f"「{text}」把年份写在了最后"
    if len(days) == 1:
        return f"{said}，即 {days[0]}：写成 {days[0]}"
    if len(days) == 2:
        return f"{said}，看不出是 {first}月{second}日 还是 {second}月{first}日：对照原件写成 {days[0]} 或 {days[1]}"
    return None


# The weekday a clerk copies with the date from a calendar or a notice (2026年3月5日（星期四）), and a month and day
# without the year (3月5日): refused, the message says what to write.
_WEEKDAY = re.compile(r"^(.*?)\s*[（(]?\s*(?:星期|周|礼拜)([一二三四五六日天])\s*[）)]?$")
_WEEKDAYS = "一二三四五六日"
_NO_YEAR = re.compile(r"^(\d{1,2})\s*(?:月|[-/.．／－])\s*(\d{1,2})\s*[日号]?$")


def _without_year_or_weekday(text: str) -> str | None:
    """The message for a date written with its weekday or without its year; None otherwise."""
    weekday = _WEEKDAY.match(text)
    if weekday is not None:
        try:
            day = read_day(weekday.group(1))
        except DayError:
            return None
        said = f"日期只写年月日，不写星期：写成 {day.isoformat()}"
        named = weekday.group(2).replace("天", "日")
        if _WEEKDAYS[day.weekday()] != named:
            said += f"（{day.isoformat()} 是星期{_WEEKDAYS[day.weekday()]}，不是星期{named}：请对照原件核对日期）"
        return said
    no_year = _NO_YEAR.match(text)
    if no_year is not None and 1 <= int(no_year.group(1)) <= 12 and 1 <= int(no_year.group(2)) <= 31:
        month, day_of = (int(g) for g in no_year.groups())
        return f"「{text}」没有写年份：补上原件上的年份，如 2026-{month:02d}-{day_of:02d}"
    return None


def _meant(value: Any) -> str | None:
    """What a value in a spreadsheet's or a program's form means, as the message saying how to write it; else None."""
    text = str(value).strip()
    if (year_last := _year_last(text)) is not None:
        return year_last
    if (partial := _without_year_or_weekday(as_typed(text))) is not None:
        return partial
    written = _written_day(text)
    if written is not None and written[0].year in YEARS:
        day = written[0].isoformat()
        return f"「{text}」是{written[1]}，即 {day}：写成 {day}"
    if _SERIAL.match(text):
        day = (_EXCEL_EPOCH + dt.timedelta(days=int(text))).isoformat()
        return f"「{text}」像是 Excel 的日期序号，即 {day}：写成 {day}（在 Excel 中把单元格设为日期格式后再复制）"
    stamp = _STAMP.match(text)
    if stamp is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(f"{stamp.group(1)}T{stamp.group(2)}{_zone(stamp.group(3))}")
    except ValueError:
        return None
    if moment.tzinfo is None:
        return f"日期只写年月日，不写时间：写成 {moment.date().isoformat()}"
    day = moment.astimezone(BEIJING).date().isoformat()
    return f"日期只写年月日，不写时间：北京时间是 {day}，写成 {day}"


def has_time(value: Any) -> bool:
    """Whether *value* is a date written with a time of day (2026-12-04 22:30, 2026-12-04T22:30:00+08:00)."""
    return _STAMP.match(as_typed(str(value))) is not None


def _zone(zone: str | None) -> str:
    if not zone:
        return ""
    return "+00:00" if zone == "Z" else (zone if ":" in zone else f"{zone[:3]}:{zone[3:]}")


def as_typed(value: str) -> str:
    """*value* with full-width digits and date punctuation made half-width and the spaces and quotes around it taken
    off: 「２０２６－０３－０２」 and 「“7”」 as they were meant."""
    return value.translate(_HALF_WIDTH).strip().strip(_QUOTES)


def is_iso(text: str) -> bool:
    """Whether *text* is written exactly YYYY-MM-DD (ten ASCII characters), whether or not that day exists: not
    「2026-03-2日」 or 「2026- 3-02」, which are as long and read as their day in another form."""
    digits = text[:4] + text[5:7] + text[8:]
    return len(text) == 10 and text[4] == text[7] == "-" and digits.isascii() and digits.isdigit()


def read_day(value: Any) -> dt.date:
    """A calendar date as people type it: 2026-03-02, 2026/3/2, 2026.3.2, 2026年3月2日 (or 号), in full-width digits
    or in quotes; else DayError."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        if value.year not in YEARS:
            raise DayError(value.isoformat(), no_such_day=True)
        return value
    if isinstance(value, str):
        if not value.isascii():
            value = as_typed(value)
        match = _DATE_FORMS.match(value.strip())
        if match:
            try:  # YYYY-MM-DD, by far the most common form, read by the fast C parser
                day = dt.date.fromisoformat(value) if is_iso(value) else dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                raise DayError(value, no_such_day=True) from None
            if day.year not in YEARS:
                raise DayError(value, no_such_day=True)
            return day
    raise DayError(value, no_such_day=False)


def chinese_day(day: dt.date) -> str:
    """A date as Chinese documents write it: 2026年3月2日."""
    return f"{day.year}年{day.month}月{day.day}日"


# The year an id carries (YSQ-2027-001, R2027-005, 350524-MZ-2027-00001): the first four digits 2000–2099 standing alone.
_ID_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def year_slip(object_id: str, day: dt.date) -> int | None:
    """The year *object_id* carries when *day* lies before December of the year before it: a date typed in January
    with last year's number out of habit (2026-01-05 for 2027-01-05), a year early. None otherwise (a December day
    registered in January under the new year's number is no slip)."""
    found = _ID_YEAR.search(object_id)
    year = int(found.group(1)) if found else None
    return year if year is not None and day < dt.date(year - 1, 12, 1) else None
