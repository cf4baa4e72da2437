"""Holiday notices kept in a catalog (calendar/<year>.yaml): the calendar capability registers them as a kind of
catalog file, builds the working-day calendar from them, and imports a notice as published (see importing.py).

The catalog lists calendar/ (catalog.kinds) and imports this package when it first reads a notice: the calendar
library loads only then, or when a calendar is built.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any, Protocol

from gongkai.catalog.files import FileKind, pydantic_builder, register_kind
from gongkai.catalog.kinds import LABELS
from gongkai.catalog.normalize import Note

if TYPE_CHECKING:
    from gongkai.workdays import Notice, WorkdayCalendar


def _build_notice(data: dict[str, Any], path: str) -> tuple[Notice | None, list[Note]]:
    from gongkai.workdays import Notice, notice_problems

    notice, notes = pydantic_builder(Notice)(data, path)
    if notice is None:
        return None, notes
    problems = notice_problems(notice, path)
    if problems:  # a notice with a wrong day is not used at all: every deadline would be wrong
        return None, [Note("GK801", p.message, p.hint, p.field) for p in problems]
    return notice.located(path), []


def _register() -> None:
    # The model's Day fields say which values are dates: 2027/2/20 or ２０２７年２月２０日 is read, told (GK110) and
    # rewritten by gongkai fmt as in every other file. This package is imported when a notice is first read.
    from gongkai.workdays.notice import Notice

    register_kind(FileKind("notice", LABELS["notice"], _build_notice, model=Notice))


_register()


class HasNotices(Protocol):
    @property
    def files(self) -> Mapping[str, Any]: ...

    def models(self, kind: str) -> list[tuple[str, Any]]: ...


def _broken(catalog: HasNotices) -> dict[int, str]:
    """Year → the catalog's notice file for it that has errors: not used, but named where the year is missed."""
    found: dict[int, str] = {}
    for path, parsed in sorted(catalog.files.items()):
        stem = PurePosixPath(path).stem
        if parsed.kind == "notice" and parsed.model is None and stem.isascii() and stem.isdigit():
            found.setdefault(int(stem), path)
    return found


def calendar_of(catalog: HasNotices) -> WorkdayCalendar:
    """The strict working-day calendar: chinesecalendar's years plus every valid notice in the catalog.

    Call .provisional() on it where a date in a year without a notice may be shown as 暂定 rather than refused.
    """
    from gongkai.workdays import WorkdayCalendar

    return WorkdayCalendar((notice for _, notice in catalog.models("notice")), broken=_broken(catalog))


__all__ = ["calendar_of"]
