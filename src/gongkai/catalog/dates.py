"""Dates as people type them (2026/3/1, 2026年3月1日, 2026.3.1): accepted, said so, and rewritten by `gongkai fmt`.

Which keys hold a date is read from the models (every field typed `Day`), so a new date field needs no change here.
"""

from __future__ import annotations

import datetime as dt
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any

from pydantic import BaseModel, BeforeValidator

from gongkai.catalog.normalize import Note
from gongkai.days import DayError, is_iso, read_day
from gongkai.model.base import parse_day

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class DateFix:
    """A date written another way: where it is, as written, and its canonical form."""

    field: Path
    written: str
    canonical: str

    @property
    def note(self) -> Note:
        return Note("GK110", f"日期「{self.written}」按 {self.canonical} 处理",
                    f"请写成 {self.canonical}（年-月-日，月和日两位），或运行 gongkai fmt 自动改正。", self.field)


def _reads_day(metadata: Any) -> bool:
    return any(isinstance(m, BeforeValidator) and m.func is parse_day for m in metadata)


def _is_day(annotation: Any) -> bool:
    if typing.get_origin(annotation) is typing.Annotated:
        return _reads_day(annotation.__metadata__) or _is_day(typing.get_args(annotation)[0])
    return any(_is_day(a) for a in typing.get_args(annotation))


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for a in typing.get_args(annotation) for m in _models_in(a)]


@cache
def _shape(model: type[BaseModel]) -> tuple[tuple[str, bool, tuple[type[BaseModel], ...]], ...]:
    """(key, holds a date, nested models holding dates) for the fields of *model* that hold a date somewhere:
    computed once per model, so that a file is checked by looking at those few keys only."""
    shape = []
    for name, info in model.model_fields.items():
        is_day = _reads_day(info.metadata) or _is_day(info.annotation)
        nested = tuple(m for m in _models_in(info.annotation) if _shape(m))
        if is_day or nested:
            shape.append((info.alias or name, is_day, nested))
    return tuple(shape)


def date_fixes(tree: Any, model: type[BaseModel], field: Path = ()) -> list[DateFix]:
    """Every date in *tree* (a file's mapping) written in a form other than YYYY-MM-DD that still reads as a date."""
    found: list[DateFix] = []
    if not isinstance(tree, dict):
        return found
    for key, is_day, nested in _shape(model):
        value = tree.get(key)
        if value is None:
            continue
        if is_day:
            found += _fixes(value, (*field, key))
        for child in nested:
            if isinstance(value, list):
                for index, element in enumerate(value):
                    found += date_fixes(element, child, (*field, key, index))
            else:
                found += date_fixes(value, child, (*field, key))
    return found


def _fixes(value: Any, field: Path) -> list[DateFix]:
    if isinstance(value, str):
        fix = _fix(value, field)
        return [fix] if fix else []
    if isinstance(value, list):
        return [fix for index, text in enumerate(value) if (fix := _fix(text, (*field, index)))]
    return []


def _fix(text: Any, field: Path) -> DateFix | None:
    if not isinstance(text, str) or is_iso(text):
        return None  # not text, or already YYYY-MM-DD (whether that day exists is the model's to say)
    try:
        canonical = read_day(text).isoformat()
    except DayError:
        return None
    return DateFix(field, text, canonical) if canonical != text else None


def apply_fixes(tree: Any, fixes: list[DateFix], as_dates: bool = False) -> None:
    """Write the canonical dates into *tree* in place: as text (what the fast parser gives), or *as_dates* for a
    ruamel document, which then writes them plain (2026-03-01, not '2026-03-01') and keeps the comments."""
    for fix in fixes:
        node = tree
        for part in fix.field[:-1]:
            node = node[part]
        node[fix.field[-1]] = dt.date.fromisoformat(fix.canonical) if as_dates else fix.canonical
