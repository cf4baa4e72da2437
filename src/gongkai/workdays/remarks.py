"""The remarks a notice writes in brackets after a date — （周四）, （星期日）, （农历腊月二十八、周日） — checked against it."""

from __future__ import annotations

import datetime as dt
import re

from gongkai.workdays.days import WEEKDAYS
from gongkai.workdays.statutory import is_new_years_eve, solar_to_lunar

_NUMERALS = "一二三四五六七八九十"
_WEEKDAY = re.compile(r"^(?:周|星期|礼拜)(?P<day>[一二三四五六日天])$")
# (农历 may be left out when a notice is typed again: 腊月二十八, 正月初七 and 除夕 are lunar dates whatever precedes them)
_LUNAR = re.compile(r"^(?:农历)?(?:(?P<eve>除夕)|(?P<leap>闰)?(?P<month>[正一二三四五六七八九冬腊]|十[一二]?)月(?P<day>\S{2,3}))$")
LUNAR_MONTHS: dict[str, int] = {
    **{_NUMERALS[i]: i + 1 for i in range(10)}, "正": 1, "十一": 11, "冬": 11, "十二": 12, "腊": 12,
}
LUNAR_DAYS: dict[str, int] = {
    **{f"初{_NUMERALS[i]}": i + 1 for i in range(10)},
    **{f"十{_NUMERALS[i]}": 11 + i for i in range(9)},
    "二十": 20,
    **{f"二十{_NUMERALS[i]}": 21 + i for i in range(9)},
    **{f"廿{_NUMERALS[i]}": 21 + i for i in range(9)},
    "三十": 30,
}
_MONTH_NAMES = {**{i + 1: _NUMERALS[i] for i in range(10)}, 1: "正", 11: "冬", 12: "腊"}
_DAY_NAMES = {value: key for key, value in LUNAR_DAYS.items() if not key.startswith("廿")}


class RemarkError(ValueError):
    """A bracket remark that cannot be read, or that contradicts its date: a Chinese message and a hint."""

    def __init__(self, message: str, hint: str, inconsistent: bool) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.inconsistent = inconsistent  # readable, but the date says otherwise


def lunar_name(day: dt.date) -> str:
    """How a notice writes the lunar date of *day*: 农历腊月二十八, 农历闰四月初一."""
    month, number = solar_to_lunar(day)
    leap = "闰" if month < 0 else ""
    month = abs(month)
    return f"农历{leap}{_MONTH_NAMES[month]}月{_DAY_NAMES[number]}"


def check_remark(part: str, day: dt.date) -> None:
    """Raise RemarkError unless *part* (one item of a bracket remark) is a weekday or lunar date true of *day*."""
    said = day_text(day)
    weekday = _WEEKDAY.match(part)
    if weekday:
        written = "一二三四五六日".find(weekday.group("day").replace("天", "日"))
        if written != day.weekday():
            raise RemarkError(f"写的是{part}，但{said}是{WEEKDAYS[day.weekday()]}",
                              "核对通知原文的日期和星期；年份不对时用 --year 写明通知的年份", True)
        return
    lunar = _LUNAR.match(part)
    if lunar is None:
        raise RemarkError(f"括号中的「{part}」无法识别",
                          "括号中只能写星期（如 周四、星期日）或农历日期（如 农历正月初七、农历除夕）", False)
    if not _lunar_matches(lunar, day):
        actual = "农历除夕" if is_new_years_eve(day) else lunar_name(day)
        raise RemarkError(f"写的是{part}，但{said}是{actual}", "核对通知原文的日期和农历日期", True)


def _lunar_matches(lunar: re.Match[str], day: dt.date) -> bool:
    if lunar.group("eve"):
        return is_new_years_eve(day)
    number = LUNAR_DAYS.get(lunar.group("day"))
    if number is None:
        raise RemarkError(f"农历日期「{lunar.group(0)}」无法识别",
                          "农历日期写作 初一…初十、十一…十九、二十、廿一…廿九、三十", False)
    month = LUNAR_MONTHS[lunar.group("month")] * (-1 if lunar.group("leap") else 1)
    return solar_to_lunar(day) == (month, number)


def day_text(day: dt.date) -> str:
    """A date as a notice writes it: 2026年2月15日 (gongkai.days.chinese_day: the calendar imports nothing above
    model, tests/test_workdays.py)."""
    return f"{day.year}年{day.month}月{day.day}日"
