"""公开时限 as the tool understands it: anchor + N (working) days, periodic, or real-time; and the 公示 period it
promises (notice_period)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

DeadlineKind = Literal["after", "periodic", "realtime"]

_NUM = r"(\d+|[一二两三四五六七八九十]+)"
_AFTER = re.compile(
    r"^(?:自|从|在)?(?P<anchor>[^，,；;]*?)(?:之日|后)起?(?:的)?" + _NUM.replace("(", "(?P<days>", 1)
    + r"\s*个?(?P<unit>工作日|日|天|自然日)(?:内|以内)?"
)
# 「公示7个工作日」, 「公示期为7天」, 「公示期限7天」, 「公示时间不少于5天」, 「公示一周」 (a week: 7 days)
_NOTICE = re.compile(r"公示(?:期限|时间|期)?[：:]?(?:为|不少于|不得少于|至少)?" + _NUM.replace("(", "(?P<days>", 1)
                     + r"\s*个?(?P<unit>工作日|自然日|日|天|周|星期)")
_WEEK = ("周", "星期")
_REALTIME = re.compile(r"^(实时|及时|即时|常态化?|长期)公开$|^实时$|^及时$")
_PERIODIC = re.compile(r"^(每|按)(?P<period>季度|月|半年|年度?|周)(?P<rest>.*)$")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


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


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS[text[1]]
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS[tens] * 10 + (_CN_DIGITS[ones] if ones else 0)
    return _CN_DIGITS[text]


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
    if not after:
        return None
    # (a 公示 period the text promises as well is read by notice_period)
    return Deadline("after", text, anchor=after.group("anchor") or None, days=_number(after.group("days")),
                    workdays=after.group("unit") == "工作日")


@lru_cache(maxsize=4096)
def notice_period(text: str) -> tuple[int, bool] | None:
    """The 公示 period a 公开时限 promises wherever it says it (「…，公示7个工作日」, 「公示期为7天」): its length, and
    whether it counts working days; None when it promises none."""
    found = _NOTICE.search(re.sub(r"\s+", "", text))
    if found is None:
        return None
    days, unit = _number(found.group("days")), found.group("unit")
    return (days * 7, False) if unit in _WEEK else (days, unit == "工作日")
