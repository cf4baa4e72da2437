"""Every text a model carries, found by walking the model: a field added later is scanned without anyone listing it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

FieldPath = tuple[str | int, ...]


def model_texts(model: BaseModel, skip: frozenset[str] = frozenset()) -> Iterator[tuple[FieldPath, str]]:
    """(field path by the YAML keys, text) of every value of *model*, nested models and lists included."""
    for name, info in type(model).model_fields.items():
        key = info.alias or name
        if key not in skip:
            yield from _walk(getattr(model, name), (key,))


def _walk(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if value is None or isinstance(value, bool):
        return
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            yield from _walk(getattr(value, name), (*path, info.alias or name))
    elif isinstance(value, (list, tuple)):
        for index, entry in enumerate(value):
            yield from _walk(entry, (*path, index))
    elif isinstance(value, dict):
        for key, entry in value.items():
            yield path, str(key)
            yield from _walk(entry, (*path, str(key)))
    elif isinstance(value, (int, float, dt.date)):
        yield path, str(value)


def describe(path: FieldPath) -> str:
    """A field path for people: 「附件」第1项「文件」."""
    return "".join(f"第{part + 1}项" if isinstance(part, int) else f"「{part}」" for part in path)
