"""公开时限 as the tool understands it: anchor + N (working) days, periodic, or real-time; and the 公示 period it
promises (notice_period)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from gongkai.days import chinese_number

DeadlineKind = Literal["after", "periodic", "realtime"]
# 《条例》第二十六条: 主动公开 information is published within 20 working days of being formed or changed — the
# ceiling of a 公开时限 that names no days (实时公开, 及时公开).
ARTICLE_26_WORKDAYS = 20

_NUM = r"(\d+|[一二两三四五六七八九十]+)"
_AFTER = re.compile(
    r"^(?:自|从|在)?(?P<anchor>[^，,；;]*?)(?:之日|后)起?(?:的)?" + _NUM.replace("(", "(?P<days>", 1)
    + r"\s*个?(?P<unit>工作日|日|天|自然日)(?:内|以内)?"
)
# 「公示7个工作日」, 「公示期为7天」, 「公示期限7天」, 「公示时间不少于5天」, 「公示一周」 (a week: 7 days), and (hostile pass 34)
# 「公示期一般为7天」, 「公示期为不少于7个工作日」, 「公示期间为7个工作日」, 「公示为期7天」 …
# (fortieth session) and in hours, 「公示24小时」: from the hour it went up, so it runs into the day after the 24th hour
_NOTICE_UNITS = "工作日|自然日|日|天|周|星期|小时"
# (fortieth session) and counted from the day it goes up, said in words: 「公示期：自发布之日起7个工作日」, 「公示时间自即日起
# 7天」, 「公示期为自公示之日起7个工作日」
_FROM_DAY = r"(?:为)?(?:自|从)?(?:即日|今日|当日|(?:发布|公布|公示|公告|张贴|印发)之?日)(?:起|开始)(?:计算)?[，,]?"
_NOTICE = re.compile(rf"公示(?:期限|时间|期间|期)?[：:]?(?:{_FROM_DAY})?(?:为期|一般为|原则上为|为|不少于|不得少于|至少|共)*"
                     + _NUM.replace("(", "(?P<days>", 1) + rf"\s*个?(?P<unit>{_NOTICE_UNITS})")
# … and the period before the word: 「进行为期7天的公示」, 「为期7个工作日的公示」.
_NOTICE_BEFORE = re.compile(r"为期" + _NUM.replace("(", "(?P<days>", 1) + rf"\s*个?(?P<unit>{_NOTICE_UNITS})的?公示")
_WEEK = ("周", "星期")
# (fortieth session) 「即时」「长期」 alone as 「实时」「及时」 are: a table writes them so (h195's report)
_REALTIME = re.compile(r"^(实时|及时|即时|常态化?|长期)公开$|^(实时|及时|即时|长期)$")
_PERIODIC = re.compile(r"^(每|按)(?P<period>季度|月|半年|年度?|周)(?P<rest>.*)$")


@dataclass(frozen=True)
class Deadline:
    """A parsed 公开时限."""

    kind: DeadlineKind
    text: str
    anchor: str | None = None
    days: int | None = None
    workdays: bool = True
    period: str | None = None

    @property
    def checkable(self) -> bool:
        """True when publication lateness can be computed from the formed date."""
        return self.kind == "after" and self.days is not None

    @property
    def limit(self) -> tuple[int, bool] | None:
        """The days (working days or not) from the 成文日期 a record must be published within: the item's own (anchor +
        N), or for 实时/及时公开 the ceiling of 《条例》第二十六条, 20 working days — 及时 is never later than the law
        allows; None for a periodic deadline (its period is what is checked)."""
        if self.checkable and self.days is not None:
            return self.days, self.workdays
        return (ARTICLE_26_WORKDAYS, True) if self.kind == "realtime" else None


def _number(text: str) -> int | None:
    """A number of days in digits or in Chinese numerals (二十, 十五, 两); None when no one writes it so (十十, 九九)."""
    return int(text) if text.isdigit() else chinese_number(text)


@lru_cache(maxsize=4096)
def parse_deadline(text: str) -> Deadline | None:
    """Understand a 公开时限 text, or None when it has none of the recognised forms."""
    clean = re.sub(r"\s+", "", text).rstrip("。.")
    if _REALTIME.match(clean):
        return Deadline("realtime", text)
    periodic = _PERIODIC.match(clean)
    if periodic:
        return Deadline("periodic", text, period=clean)
    if re.match(r"^每年\d+月", clean):
        return Deadline("periodic", text, period=clean)
    after = _AFTER.match(clean)
    if not after or (days := _number(after.group("days"))) is None:
        return None
    # (a 公示 period the text promises as well is read by notice_period)
    return Deadline("after", text, anchor=after.group("anchor") or None, days=days,
                    workdays=after.group("unit") == "工作日")


# 「公示期为一个月」 too: a month is no count of days, so it is told, not read (it was silently no period at all); so is
# half of one, 「公示半个月」 (hostile pass 34: it set no minimum and said nothing).
_NOTICE_WRITTEN = re.compile(r"公示[^，,；;。]*?(?:" + _NUM + rf"\s*(?:个?(?:{_NOTICE_UNITS})|个月)|半个?月)"
                             + r"|为期" + _NUM + r"\s*个?月的?公示")


def notice_unread(text: str) -> bool:
    """Whether *text* states a 公示 period with a number notice_period() cannot read (公示七七天, 公示十十个工作日)."""
    return _NOTICE_WRITTEN.search(re.sub(r"\s+", "", text)) is not None and notice_period(text) is None


@lru_cache(maxsize=4096)
def notice_period(text: str) -> tuple[int, bool] | None:
    """The 公示 period a 公开时限 promises wherever it says it (「…，公示7个工作日」, 「公示期为7天」): its length, and
    whether it counts working days; None when it promises none."""
    clean = re.sub(r"\s+", "", text)
    found = _NOTICE.search(clean) or _NOTICE_BEFORE.search(clean)
    if found is None:
        return None
    days, unit = _number(found.group("days")), found.group("unit")
    if days is None:
        return None
    if unit == "小时":  # 24 hours from 10 o'clock on the 3rd end on the 4th: two calendar days, the 3rd counted
        return days // 24 + 1, False
    return (days * 7, False) if unit in _WEEK else (days, unit == "工作日")
