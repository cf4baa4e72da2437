"""China's working-day calendar: State Council holiday notices, from chinesecalendar or from the catalog.

Working days follow 国务院办公厅关于部分节假日安排的通知: statutory holidays are off, weekends are off except the
official make-up working days (调休上班). A year nobody has a notice for is an error for the strict calendar; its
provisional() view computes such a year from weekends and the statutory holidays and marks every date it gives as
暂定 (provisional), never final.
"""

from typing import TYPE_CHECKING

from gongkai.workdays.calendar import WorkdayCalendar, library_differences, official_differences
from gongkai.workdays.days import (
    IMPORT_COMMAND,
    LIBRARY,
    STATUTORY,
    CalendarMissing,
    DayInfo,
    DayKind,
    DueDate,
    Step,
    differences_shown,
    how_to_import,
    notice_path,
    notice_title,
    override_note,
    provisional_note,
)
from gongkai.workdays.notice import (
    Notice,
    NoticeHoliday,
    NoticeProblem,
    makeup_shortfall,
    notice_missing_warning,
    notice_problems,
)
from gongkai.workdays.official import LIBRARY_YEARS
from gongkai.workdays.statutory import PROVISIONAL_YEARS, statutory_days

if TYPE_CHECKING:
    from gongkai.workdays.published import PublishedNotice, TextProblem, read_published

# The reader of a notice as gov.cn publishes it is for `gongkai calendar import` alone: imported on first use, not by
# every command that reads a calendar (some 10 ms of what validate imports after one edit).
_PUBLISHED = frozenset({"PublishedNotice", "TextProblem", "read_published"})


def __getattr__(name: str) -> object:
    if name in _PUBLISHED:
        from gongkai.workdays import published

        return getattr(published, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "IMPORT_COMMAND",
    "LIBRARY",
    "LIBRARY_YEARS",
    "PROVISIONAL_YEARS",
    "STATUTORY",
    "CalendarMissing",
    "DayInfo",
    "DayKind",
    "DueDate",
    "Notice",
    "NoticeHoliday",
    "NoticeProblem",
    "PublishedNotice",
    "Step",
    "TextProblem",
    "WorkdayCalendar",
    "differences_shown",
    "how_to_import",
    "makeup_shortfall",
    "provisional_note",
    "library_differences",
    "notice_missing_warning",
    "notice_path",
    "notice_problems",
    "notice_title",
    "official_differences",
    "override_note",
    "read_published",
    "statutory_days",
]
