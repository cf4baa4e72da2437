"""Compare parsed catalog files by id: which objects were added, removed, moved or changed, field by field."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel

from gongkai.catalog.files import ParsedFile
from gongkai.diff.model import Change, FieldChange

Key = tuple[str, str]
_SPACE = re.compile(r"\s+")
_QUOTED = re.compile(r"「(.*?)」")
_FORMAT_NOTES = ("GK105", "GK107", "GK110")  # alias, run-on list and date-form notes: normalisation the loader did


def fields_of(model: Any) -> dict[str, Any]:
    """The model as the official Chinese keys → plain values; empty values dropped so absent == empty."""
    if isinstance(model, BaseModel):
        data = model.model_dump(by_alias=True, mode="json")
    elif model is None:
        data = {}
    else:
        data = {"内容": repr(model)}
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def name_of(model: Any) -> str:
    """What people call the object: an item's 事项 path, a record's 题名, the agency's name."""
    for attribute in ("name", "title"):
        value = getattr(model, attribute, None)
        if isinstance(value, str):
            return value
    org = getattr(model, "org", None)
    return str(getattr(org, "name", "")) if org is not None else ""


def key_of(parsed: ParsedFile) -> Key:
    """(kind, id); a file without a readable id is keyed by its file name, which must equal the id."""
    if parsed.object_id is not None:
        return (parsed.kind, parsed.object_id)
    if parsed.kind == "agency":
        return (parsed.kind, parsed.path)
    return (parsed.kind, PurePosixPath(parsed.path).stem)


def compare_files(old: Iterable[ParsedFile], new: Iterable[ParsedFile]) -> list[Change]:
    """Every change between two sets of parsed files (typically only the files whose content differs)."""
    before = _index(old)
    after = _index(new)
    changes = [_change(key, before.get(key), after.get(key)) for key in sorted(before.keys() | after.keys())]
    return sorted((c for c in changes if c is not None), key=Change.sort_key)


def _index(files: Iterable[ParsedFile]) -> dict[Key, ParsedFile]:
    found: dict[Key, ParsedFile] = {}
    for parsed in sorted(files, key=lambda f: f.path):
        found.setdefault(key_of(parsed), parsed)
    return found


def _change(key: Key, old: ParsedFile | None, new: ParsedFile | None) -> Change | None:
    kind, object_id = key
    old_path, new_path = (old.path if old else None), (new.path if new else None)
    name = name_of(new.model if new and new.model is not None else old.model if old else None)
    base: dict[str, Any] = {"kind": kind, "id": object_id, "name": name, "old_path": old_path, "new_path": new_path}
    bad = [(side, f) for side, f in (("old", old), ("new", new)) if f is not None and f.model is None]
    if bad:
        side = bad[0][0] if len(bad) == 1 else "both"
        problems = tuple(d for _, f in bad for d in f.diagnostics)
        what = "removed" if new is None else "invalid"
        return Change(what=what, side=side, problems=problems, **base)
    if old is None:
        return Change(what="added", **base)
    if new is None:
        return Change(what="removed", **base)
    fields = compare_models(old, new)
    if fields:
        return Change(what="modified", fields=fields, **base)
    if old_path != new_path:
        return Change(what="moved", **base)
    if old.blob != new.blob:
        return Change(what="format", **base)
    return None


def compare_models(old: ParsedFile, new: ParsedFile) -> tuple[FieldChange, ...]:
    """Field changes between two valid versions of one object, in the model's field order."""
    a, b = fields_of(old.model), fields_of(new.model)
    order = list(a) + [k for k in b if k not in a]
    changes = [_field(k, a.get(k), b.get(k)) for k in order if a.get(k) != b.get(k)]
    changes.extend(_aliases(old, new, {c.field for c in changes}, b))
    return tuple(changes)


def _field(key: str, old: Any, new: Any) -> FieldChange:
    if old is None:
        return FieldChange(key, "added", new=new)
    if new is None:
        return FieldChange(key, "removed", old=old)
    if isinstance(old, list) and isinstance(new, list):
        return _list(key, old, new)
    if _squash(old) == _squash(new):
        return FieldChange(key, "whitespace", old, new)
    return FieldChange(key, "changed", old, new)


def _list(key: str, old: list[Any], new: list[Any]) -> FieldChange:
    old_keys, new_keys = [_squash(x) for x in old], [_squash(x) for x in new]
    added = tuple(x for x, k in zip(new, new_keys) if k not in old_keys)
    removed = tuple(x for x, k in zip(old, old_keys) if k not in new_keys)
    if added or removed:
        return FieldChange(key, "list", old, new, added, removed)
    return FieldChange(key, "whitespace" if old_keys == new_keys else "order", old, new)


def _squash(value: Any) -> str:
    """A value with all whitespace removed: two values equal here differ only in spacing."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return _SPACE.sub("", text)


def _aliases(old: ParsedFile, new: ParsedFile, seen: set[str], values: dict[str, Any]) -> list[FieldChange]:
    """Aliases (or run-on lists) the old version relied on and the new version writes in standard form."""
    remaining = {_top(d.field) for d in new.diagnostics if d.code in _FORMAT_NOTES}
    found: dict[str, list[str]] = {}
    for diagnostic in old.diagnostics:
        key = _top(diagnostic.field)
        if diagnostic.code in _FORMAT_NOTES and key and key not in seen and key not in remaining:
            match = _QUOTED.search(diagnostic.message)
            found.setdefault(key, []).append(match.group(1) if match else "")
    return [FieldChange(k, "alias", "、".join(v), values.get(k)) for k, v in found.items()]


def _top(field: tuple[str | int, ...]) -> str:
    return str(field[0]) if field else ""
