"""China's working-day calendar: State Council holiday notices, from chinesecalendar or from the catalog.

Working days follow 国务院办公厅关于部分节假日安排的通知: statutory holidays are off, weekends are off except the
official make-up working days (调休上班). A year nobody has a notice for is an error for the strict calendar; its
provisional() view computes such a year from weekends and the statutory holidays and marks every date it gives as
暂定 (provisional), never final.
"""

from gongkai.workdays.calendar import WorkdayCalendar, library_differences
from gongkai.workdays.days import (
    IMPORT_COMMAND,
    LIBRARY,
    STATUTORY,
    CalendarMissing,
    DayInfo,
    DayKind,
    DueDate,
    Step,
    how_to_import,
    notice_path,
    notice_title,
    provisional_note,
)
from gongkai.workdays.notice import Notice, NoticeHoliday, NoticeProblem, notice_missing_warning, notice_problems
from gongkai.workdays.official import LIBRARY_YEARS
from gongkai.workdays.published import PublishedNotice, TextProblem, read_published
from gongkai.workdays.statutory import PROVISIONAL_YEARS, statutory_days

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
    "how_to_import",
    "provisional_note",
    "library_differences",
    "notice_missing_warning",
    "notice_path",
    "notice_problems",
    "notice_title",
    "read_published",
    "statutory_days",
]
