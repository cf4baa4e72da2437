"""Holiday notices kept in the catalog (calendar/<year>.yaml) and the working-day calendar built from them."""

from __future__ import annotations

from typing import Any, Protocol

from gongkai.catalog.files import FileKind, register_kind
from gongkai.catalog.normalize import Note
from gongkai.workdays import Notice, WorkdayCalendar, parse_notice


def _build_notice(data: dict[str, Any], path: str) -> tuple[Notice | None, list[Note]]:
    notice, problems = parse_notice(data, path)
    return notice, [Note("GK801", p.message, p.hint, p.field) for p in problems]


register_kind(FileKind("notice", "节假日安排", _build_notice), folder="calendar")


class HasNotices(Protocol):
    def models(self, kind: str) -> list[tuple[str, Any]]: ...


def calendar_of(catalog: HasNotices) -> WorkdayCalendar:
    """The working-day calendar: chinesecalendar's years plus every valid notice in the catalog."""
    return WorkdayCalendar(notice for _, notice in catalog.models("notice"))
