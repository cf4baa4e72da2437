"""Compare parsed catalog files by id: which objects were added, removed, moved or changed, field by field."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import PurePosixPath
from typing import Any

from pydantic import BaseModel

from gongkai.catalog.files import ParsedFile
from gongkai.catalog.kinds import FOLDERS, LABELS, PRIVATE_KEYS
from gongkai.catalog.skipped import not_read, undecodable
from gongkai.catalog.sources import Entry
from gongkai.diagnostics import Diagnostic, Severity
from gongkai.diff.model import ID_FIELD, PERSONAL_FIELDS, Change, FieldChange, register_text_fields
from gongkai.model import Record
from gongkai.model.request import shown_in_register
from gongkai.privacy.listed import body_people
from gongkai.privacy.mask import mask_names, mask_value
from gongkai.privacy.titles import listed_title_names
from gongkai.publication.periods import is_notice

Key = tuple[str, str]
Held = Mapping[Key, tuple[str, ...]]
_SPACE = re.compile(r"\s+")
_QUOTED = re.compile(r"「(.*?)」")
# What separates the entries of a text or a list (after NFKC: ，→, ；→;): a comma between two digits is a thousands
# mark (1,000), not a separator.
_SEPARATORS = re.compile(r"[、;。]|,(?!\d)|(?<!\d),")
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


def compare_files(old: Iterable[ParsedFile], new: Iterable[ParsedFile], held_old: Held | None = None,
                  held_new: Held | None = None) -> list[Change]:
    """Every change between two sets of parsed files (typically only the files whose content differs).

    *held_old* / *held_new*: the other files of each side (unchanged, so not parsed) whose file name is an id that a
    parsed file holds: a second file with one id is reported, never taken for an item added or removed.
    """
    before, after = _index(old), _index(new)
    for old_key, new_key in _renumbered(before, after).items():  # matched by file: the id itself is what changed
        if after[new_key][0].model is None:  # a file made unreadable in place: compared under the id it had
            after[old_key] = after.pop(new_key)
        else:
            before[new_key] = before.pop(old_key)
    changes = [_change(key, before.get(key, []), after.get(key, []), (held_old or {}).get(key, ()),
                       (held_new or {}).get(key, ())) for key in sorted(before.keys() | after.keys())]
    return sorted((c for c in changes if c is not None), key=Change.sort_key)


def compare_attachments(triples: Iterable[tuple[str, str | None, str | None]]) -> list[Change]:
    """Attachments added, removed, replaced (same path, other bytes) or moved (same bytes, other path), from
    (path, old blob, new blob): binary files are not compared inside, only named by their path."""
    triples = list(triples)
    gone = {old: path for path, old, new in triples if old and not new}
    moves = {gone[new]: path for path, old, new in triples if new and not old and new in gone}  # old path → new
    arrived = set(moves.values())
    changes = []
    for path, old, new in triples:
        if path in moves:
            changes.append(Change("attachment", moves[path], "moved", old_path=path, new_path=moves[path]))
        elif path not in arrived:
            what = "modified" if old and new else "added" if new else "removed"
            changes.append(Change("attachment", path, what, old_path=path if old else None,
                                  new_path=path if new else None))
    return changes


def withhold_attachments(changes: list[Change], parsed: Iterable[ParsedFile]) -> list[Change]:
    """*changes* of attachments, an attachment of a record that is not 主动公开 (among the records *parsed* on either
    side, and of none of them that is) named by that record, not by its file name: the diff shows no 附件 of such a
    record, and 「files/2026/林某信访材料.pdf」 would tell what it withholds."""
    withheld: dict[str, str] = {}
    public: set[str] = set()
    for found in parsed:
        record = found.model
        if not isinstance(record, Record):  # another kind, or a record file that does not validate
            continue
        for attachment in record.attachments:
            if record.is_public:
                public.add(attachment.file)
            else:
                withheld.setdefault(attachment.file, record.id)
    shown = []
    for change in changes:
        owner = next((withheld[p] for p in (change.new_path, change.old_path) if p in withheld and p not in public), None)
        shown.append(change if owner is None else withheld_attachment(change, owner))
    return shown


def withheld_attachment(change: Change, owner: str) -> Change:
    """*change* of an attachment of the record *owner*, not 主动公开: named by the record, not by its file."""
    return replace(change, id=f"{owner} 的附件", old_path=None, new_path=None, withheld=True)


def compare_unread(triples: Iterable[tuple[str, str | None, str | None]],
                   links: frozenset[str] = frozenset()) -> list[Change]:
    """Files added or changed in a YAML folder that gongkai does not read (SHJZ-050.yaml.txt, a .docx among the
    items), named with validate's finding (GK011; GK012 for the *links* among them): the editor takes them for an
    item, the diff must not stay silent."""
    changes = []
    for path, _, new in triples:
        entry = Entry(path, special="link" if path in links else "")
        note = (undecodable(path) or not_read(entry, None)) if new else None
        if note is not None:  # named as validate names it: a name unzipped from GBK as it reads in GBK
            top = path.split("/", 1)[0] if "/" in path else ""
            kind = FOLDERS.get(top) or FOLDERS.get(top.lower(), "agency")  # Records/…; gongkai.yml beside gongkai.yaml
            changes.append(Change(kind, note.path, "invalid", new_path=note.path, side="new",
                                  problems=(note.diagnostic(),)))
    return changes


def _index(files: Iterable[ParsedFile]) -> dict[Key, list[ParsedFile]]:
    found: dict[Key, list[ParsedFile]] = {}
    for parsed in sorted(files, key=lambda f: f.path):
        found.setdefault(key_of(parsed), []).append(parsed)
    return found


def _renumbered(before: dict[Key, list[ParsedFile]], after: dict[Key, list[ParsedFile]]) -> dict[Key, Key]:
    """Old key → new key of each object whose id was changed: its file kept its path, or (moved) kept everything
    but its 编号. An object written anew under a new id, with other edits too, stays removed and added.

    A file unreadable on one side (keyed by its name) is matched by its path alone: a record saved under another name
    than its 编号 and broken in place is one record that cannot be compared, not one removed and another added."""
    gone = {key: files[0] for key, files in before.items() if key not in after and len(files) == 1}
    by_path = {f.path: key for key, f in gone.items()}
    by_content = {(key[0], _without_id(f)): key for key, f in gone.items() if f.model is not None}
    pairs: dict[Key, Key] = {}
    for key, files in after.items():
        if key in before or len(files) != 1:
            continue
        old_key = by_path.get(files[0].path)
        if old_key is None and files[0].model is not None:
            old_key = by_content.get((key[0], _without_id(files[0])))
        if old_key is not None and old_key not in pairs:
            pairs[old_key] = key
    return pairs


def _without_id(parsed: ParsedFile) -> str:
    return json.dumps({k: v for k, v in fields_of(parsed.model).items() if k != ID_FIELD}, ensure_ascii=False,
                      sort_keys=True)


def _change(key: Key, olds: list[ParsedFile], news: list[ParsedFile], held_old: tuple[str, ...] = (),
            held_new: tuple[str, ...] = ()) -> Change | None:
    change = _compare(key, olds, news, held_old, held_new)
    if change is None or _withheld(*olds[:1], *news[:1]):
        return None if change is None else change.withhold()
    listed = _listed(*olds[:1], *news[:1])
    return change if listed is None else _unnamed(change, *listed)


# A diff is posted as a pull-request comment, printed in CI logs and drafted into the 目录调整公告: it outlives any
# 公示, and a name on a list must not be seen once its 公示 ends (DOMAIN.md §12). A 正文 listing people is said to have
# changed, never shown; a name its list holds (or a list record's title gives) is masked wherever else it stands
# (hostile pass 37: a typo mended in an ended 公示 printed its table, names and all, into the PR comment).
LISTED_BODY = "名单类信息，正文列有人员姓名，内容不在此显示"
_BODY = "正文"


def _listed(*files: ParsedFile) -> tuple[bool, frozenset[str]] | None:
    """For the change of a record that lists people on either side (a body with a list of people, or a 公示 or a record
    declaring a 公示 period, whose list may be in an attachment): whether its 正文 lists them, and the names to mask
    (its list's, and those its title gives); else None."""
    records = [f.model for f in files if isinstance(f.model, Record)]
    found = [(record, body_people(record.body)) for record in records]
    body = any(listed.people for _, listed in found)
    if not body and not any(is_notice(record, None) for record in records):
        return None
    return body, frozenset().union(*(listed.names | listed_title_names(record.title) for record, listed in found))


def _unnamed(change: Change, body: bool, names: frozenset[str]) -> Change:
    """*change* of a record listing *names*: its 正文 hidden when it lists them (*body*), the names masked in its 题名
    and every other value."""
    def masked(value: Any) -> Any:
        if isinstance(value, str):
            return mask_names(value, names)
        return [masked(v) for v in value] if isinstance(value, list) else value

    def unnamed(field: FieldChange) -> FieldChange:
        if body and field.field == _BODY:
            return FieldChange(field.field, field.how, hidden=True, why=LISTED_BODY)
        return replace(field, old=masked(field.old), new=masked(field.new), added=tuple(masked(list(field.added))),
                       removed=tuple(masked(list(field.removed))))

    return replace(change, name=mask_names(change.name, names), fields=tuple(unnamed(f) for f in change.fields))


def _compare(key: Key, olds: list[ParsedFile], news: list[ParsedFile], held_old: tuple[str, ...],
             held_new: tuple[str, ...]) -> Change | None:
    kind, object_id = key
    old, new = (olds[0] if olds else None), (news[0] if news else None)
    old_path, new_path = (old.path if old else None), (new.path if new else None)
    name = name_of(new.model if new and new.model is not None else old.model if old else None)
    base: dict[str, Any] = {"kind": kind, "id": object_id, "name": name, "old_path": old_path, "new_path": new_path}
    twice = {side: _twice(kind, object_id, [f.path for f in files], held)
             for side, files, held in (("old", olds, held_old), ("new", news, held_new))}
    bad = [(side, f) for side, f in (("old", old), ("new", new)) if f is not None and f.model is None]
    if bad or any(twice.values()):
        sides = {s for s, _ in bad} | {s for s, d in twice.items() if d}
        side = "both" if len(sides) == 2 else sides.pop()
        problems = tuple(d for _, f in bad for d in f.diagnostics) + tuple(d for d in twice.values() if d)
        what = "removed" if new is None and not held_new else "invalid"
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


def _twice(kind: str, object_id: str, changed: list[str], held: tuple[str, ...]) -> Diagnostic | None:
    """The finding for an id held by more than one file on one side (GK201's words), else None: named at the file
    that came second (the one named after the id and left as it was is taken for the first)."""
    paths = changed + list(held)
    if len(paths) < 2:
        return None
    first, *others = sorted(paths, key=lambda p: (PurePosixPath(p).stem != object_id, p not in held, p))
    label = LABELS.get(kind, kind)
    return Diagnostic("GK201", Severity.ERROR, f"{label}编号「{object_id}」重复，已在 {first} 中使用"
                      f"（{'、'.join(others)} 也写了这个编号）",
                      others[0], object_id=object_id, field=("编号",),
                      hint="每个编号只能用一次：把复制出来的文件改用一个新的编号（gongkai new 会自动分配），或删去多余的文件")


def _withheld(*files: ParsedFile) -> bool:
    """A record that is not 主动公开 on either side (or not yet marked): only its marking and metadata are shown."""
    models = [f.model for f in files if f.model is not None]
    return any(not m.is_public for m in models if isinstance(m, Record))


def compare_models(old: ParsedFile, new: ParsedFile) -> tuple[FieldChange, ...]:
    """Field changes between two valid versions of one object, in the model's field order."""
    a, b = fields_of(old.model), fields_of(new.model)
    order = list(a) + [k for k in b if k not in a]
    changes = [_field(k, a.get(k), b.get(k)) for k in order if a.get(k) != b.get(k)]
    changes.extend(_aliases(old, new, {c.field for c in changes}, b))
    if new.kind not in PRIVATE_KEYS:
        return tuple(changes)
    private = register_text_fields(new.kind)
    return tuple(_person(c) if c.field in PERSONAL_FIELDS
                 else c.withhold() if c.field in private or not _says_no_one(c) else c for c in changes)


def _says_no_one(change: FieldChange) -> bool:
    """Whether every value of a register's field change is a word of the register's own, a date or a number (as validate
    shows them): 「理由: 涉及第三人陈金水的个人隐私」, 「办理结果: 已答复陈金水本人」 name someone, and a diff is posted
    as a pull-request comment and printed in CI logs."""
    def said(value: Any) -> bool:
        if isinstance(value, str):
            return shown_in_register(value)
        if isinstance(value, dict):
            return all(said(v) for v in value.values())
        if isinstance(value, (list, tuple)):
            return all(said(v) for v in value)
        return True

    return said([change.old, change.new, change.added, change.removed])


def _person(change: FieldChange) -> FieldChange:
    """A change of a field naming a person, its values masked (compared in clear: 张三 → 张四 is still a change)."""
    def masked(value: Any) -> Any:
        return mask_value("name", value) if isinstance(value, str) and value else value

    return replace(change, old=masked(change.old), new=masked(change.new))


def _field(key: str, old: Any, new: Any) -> FieldChange:
    if old is None:
        return FieldChange(key, "added", new=new)
    if new is None:
        return FieldChange(key, "removed", old=old)
    if isinstance(old, list) and isinstance(new, list):
        return _list(key, old, new)
    if _squash(old) == _squash(new):
        return FieldChange(key, "whitespace", old, new)
    if _fold(old) == _fold(new):
        return FieldChange(key, "width", old, new)
    if isinstance(old, str) and isinstance(new, str) and _entries(old) == _entries(new):
        return FieldChange(key, "split", old, new)
    if _parts(old) is not None and _parts(old) == _parts(new):
        return FieldChange(key, "order", old, new)
    return FieldChange(key, "changed", old, new)


def _entries(*values: Any) -> list[str]:
    """The entries the values hold, in order, whatever separates them (、，；。 or the list itself): 「A、B」, 「A，B」,
    「A；B」 and the list [A, B] hold the same two."""
    return [e for v in values for e in _SEPARATORS.split(_fold(v)) if e]


def _parts(value: Any) -> Counter[str] | None:
    """The parts of a text written as a list on one line (县级人民政府民政部门、乡镇人民政府), or None: the same parts
    in another order say the same."""
    parts = str(value).split("、") if isinstance(value, str) else []
    return Counter(_fold(p) for p in parts) if len(parts) > 1 else None


def _list(key: str, old: list[Any], new: list[Any]) -> FieldChange:
    old_keys, new_keys = [_fold(x) for x in old], [_fold(x) for x in new]
    added = tuple(x for x, k in zip(new, new_keys) if k not in old_keys)
    removed = tuple(x for x, k in zip(old, old_keys) if k not in new_keys)
    texts = all(isinstance(x, str) for x in old + new)
    if (added or removed) and texts and _entries(*old) == _entries(*new):  # 「A；B」 written as two, or two as one
        return FieldChange(key, "split", old, new)
    if added or removed:
        return FieldChange(key, "list", old, new, added, removed)
    if Counter(old_keys) != Counter(new_keys):  # an element written twice, or its second copy taken out
        return FieldChange(key, "repeated", old, new)
    if old_keys != new_keys:
        return FieldChange(key, "order", old, new)
    spacing = [_squash(x) for x in old] == [_squash(x) for x in new]
    return FieldChange(key, "whitespace" if spacing else "width", old, new)


def _squash(value: Any) -> str:
    """A value with all whitespace removed: two values equal here differ only in spacing."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return _SPACE.sub("", text)


def _fold(value: Any) -> str:
    """A value with its full-width and half-width forms made one (NFKC: （→(, ，→,, ２→2) and no whitespace: two
    values equal here differ only in how the input method was set, never in what they say."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", _squash(value)))


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
