"""Every text a model carries, found by walking the model: a field added later is scanned without anyone listing it."""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

from pydantic import BaseModel

FieldPath = tuple[str | int, ...]


def model_texts(model: BaseModel, skip: frozenset[str] = frozenset()) -> list[tuple[FieldPath, str]]:
    """(field path by the YAML keys, text) of every value of *model*, nested models and lists included."""
    found: list[tuple[FieldPath, str]] = []
    for name, key in _fields(type(model)):
        if key not in skip:
            _walk(getattr(model, name), (key,), found)
    return found


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, str], ...]:
    """(attribute, YAML key) of every field of a model class: worked out once per class, not once per record."""
    return tuple((name, info.alias or name) for name, info in model.model_fields.items())


def _walk(value: Any, path: FieldPath, found: list[tuple[FieldPath, str]]) -> None:
    if isinstance(value, str):
        found.append((path, value))
    elif value is None or isinstance(value, bool):
        return
    elif isinstance(value, BaseModel):
        for name, key in _fields(type(value)):
            _walk(getattr(value, name), (*path, key), found)
    elif isinstance(value, (list, tuple)):
        for index, entry in enumerate(value):
            _walk(entry, (*path, index), found)
    elif isinstance(value, dict):
        for key, entry in value.items():
            found.append((path, str(key)))
            _walk(entry, (*path, str(key)), found)
    elif isinstance(value, (int, float, dt.date)):
        found.append((path, str(value)))


def list_runs(texts: list[tuple[FieldPath, str]]) -> list[list[tuple[FieldPath, str]]]:
    """The texts a list shows one under another (公开内容, 公开依据, the 名称 of each 附件 …), from model_texts: for
    every list of two entries or more, each field of its entries in their order (the entries themselves when they are
    texts), with their paths. A number split over two entries (「咨询电话1380595」, 「1234」) is read across them as a
    page shows it."""
    columns: dict[tuple[FieldPath, FieldPath], list[tuple[FieldPath, str]]] = {}
    for path, text in texts:
        name = next((part for part in reversed(path) if isinstance(part, str)), "")
        if name.endswith(_CODES):
            continue
        for at, part in enumerate(path):
            if isinstance(part, int):  # (the same field of every entry of the list at path[:at])
                columns.setdefault((path[:at], path[at + 1:]), []).append((path, text))
    return [run for run in columns.values() if len(run) > 1]


# Fields that hold a code, by their names (区划代码, 编号, 文号, 索引号, 号码 …): the 区划代码 of two 乡镇, one under the
# other (350525101, 350525102), are digits in a row that are no number a reader sees.
_CODES = ("代码", "号", "码")


def describe(path: FieldPath) -> str:
    """A field path for people: 「附件」第1项「文件」."""
    return "".join(f"第{part + 1}项" if isinstance(part, int) else f"「{part}」" for part in path)
