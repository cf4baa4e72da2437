"""What a semantic diff is made of, and the rule that classes each change 实质性 or 文字性."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath
from typing import Any

from gongkai.catalog.kinds import LABELS, PRIVATE_KEYS, SHOWN_WHEN_WITHHELD
from gongkai.diagnostics import Diagnostic

SCHEMA = "gongkai.diff/1"

# 实质性 fields: a change to any of these changes what the public is owed (the rule, never the editor's say).
SUBSTANTIVE_FIELDS: frozenset[str] = frozenset({
    "公开内容", "公开依据", "公开时限", "公开主体", "公开方式", "公开对象", "公开层级", "公开属性", "责任单位",
})
# Kinds whose additions and removals are 实质性: the rows of the standard directory.
SUBSTANTIVE_KINDS: frozenset[str] = frozenset({"item"})

# What each kind is called in the output: every kind of catalog file, and the attachments under files/.
KIND_LABELS = {**LABELS, "attachment": "附件"}
# Fields of the internal registers that name a person (依申请公开登记's 申请人: 内部登记，不公开): a diff is posted as a
# pull-request comment and printed in CI logs, so their values are shown masked as names are (陈*生).
PERSONAL_FIELDS: frozenset[str] = frozenset({"申请人"})


def register_text_fields(kind: str) -> frozenset[str]:
    """Free text of the register of *kind* that may retell who asked (申请内容 「陈金水本人的低保审批材料」, 备注
    「陈金水来电催办」, 案由 「欧阳明远不服答复」, a consultation's 主题): a diff says that it changed, never what it says."""
    return PRIVATE_KEYS.get(kind, frozenset()) - PERSONAL_FIELDS


ID_FIELD = "编号"
# How a field may change without changing what it says: never 实质性, whatever the field.
FORM_ONLY: frozenset[str] = frozenset({"alias", "whitespace", "width", "order", "repeated", "split"})  # an id changed in place: the row (or record) renumbered, its published links broken
SUBSTANTIVE, TEXTUAL = "实质性", "文字性"
# What stands for the file name of a record that is not 主动公开 when the name is not its 编号.
NAME_NOT_SHOWN = "（文件名不显示）"
# A catalog file's path in a message (GK201 names every file holding one id: 已在 records/2026/X.yaml 中使用).
_YAML_PATH = re.compile(r"[^\s「」（）、，：]+\.ya?ml")


@dataclass(frozen=True)
class FieldChange:
    """One field of one object, old → new.

    how: "changed" (scalar old → new), "list" (elements added/removed), "order" (same elements, new order),
    "repeated" (the same elements, one of them written more or fewer times),
    "alias" (an alias replaced by its standard name), "whitespace" (only spaces or line breaks differ), "width"
    (only full-width and half-width forms differ: （ and (, ， and ,), "split" (the same entries in the same order,
    only split or joined otherwise: 「A、B」→「A，B」, [A, B] → [「A；B」]),
    "added"/"removed" (the field appeared or disappeared).
    """

    field: str
    how: str
    old: Any = None
    new: Any = None
    added: tuple[Any, ...] = ()
    removed: tuple[Any, ...] = ()
    hidden: bool = False  # a content field of a record that is not 主动公开: which values changed is not shown
    why: str = ""  # why it is hidden, when not for that (the 正文 of a list of people: LISTED_BODY)

    def withhold(self) -> FieldChange:
        """This change with its values dropped: what the field held is not printed, only that it changed."""
        if self.field in SHOWN_WHEN_WITHHELD:
            return self
        return FieldChange(self.field, self.how, hidden=True)

    @property
    def substantive(self) -> bool:
        if self.field == ID_FIELD:
            return self.how == "changed"
        return self.field in SUBSTANTIVE_FIELDS and self.how not in FORM_ONLY

    @property
    def klass(self) -> str:
        return SUBSTANTIVE if self.substantive else TEXTUAL

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"field": self.field, "how": self.how, "class": self.klass}
        if self.how == "list":
            data.update(added=list(self.added), removed=list(self.removed))
        else:
            data.update(old=self.old, new=self.new)
        return data | ({"hidden": True} if self.hidden else {}) | ({"why": self.why} if self.why else {})


@dataclass(frozen=True)
class Change:
    """What happened to one item, record or other catalog object, matched by id (not by path).

    what: "added", "removed", "modified", "moved" (only the file moved), "format" (only the way it is written
    changed), "invalid" (the file cannot be read on one side, so it cannot be compared).
    """

    kind: str
    id: str
    what: str
    name: str = ""
    old_path: str | None = None
    new_path: str | None = None
    fields: tuple[FieldChange, ...] = ()
    problems: tuple[Diagnostic, ...] = ()
    side: str | None = None  # for "invalid": "old" or "new"
    withheld: bool = False  # a record not 主动公开 on either side: its name and content values are not shown
    # in a history: the commit since which the file could not be read, when this change (at the commit that mended
    # it) is from the last version of it that could be (gongkai.history)
    broken_since: str | None = None

    def withhold(self) -> Change:
        """This change as it may be shown of a record that is not 主动公开: no 题名, no content, only its marking;
        its file's path only where it names nothing but the 编号 (records/2026/R2026-002.yaml): a file saved as
        records/2026/林某信访材料处理意见.yaml would tell what is withheld, as an attachment's name would."""
        ids = {self.id, self.former_id}
        problems = tuple(replace(d, path=_path_shown(d.path, ids),
                                 message=_YAML_PATH.sub(lambda m: str(_path_shown(m.group(), ids)), d.message))
                         for d in self.problems)
        return replace(self, name="", withheld=True, fields=tuple(f.withhold() for f in self.fields),
                       old_path=_path_shown(self.old_path, ids), new_path=_path_shown(self.new_path, ids),
                       problems=problems)

    @property
    def former_id(self) -> str | None:
        """The id the object had before this change renumbered it, else None."""
        return next((str(f.old) for f in self.fields if f.field == ID_FIELD and f.how == "changed"), None)

    @property
    def moved(self) -> bool:
        return self.old_path is not None and self.new_path is not None and self.old_path != self.new_path

    @property
    def substantive(self) -> bool:
        if self.what in ("added", "removed"):
            return self.kind in SUBSTANTIVE_KINDS
        return any(f.substantive for f in self.fields)

    @property
    def klass(self) -> str:
        return SUBSTANTIVE if self.substantive else TEXTUAL

    @property
    def label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    def sort_key(self) -> tuple[int, str, str]:
        return (0 if self.kind == "agency" else 1 if self.kind == "item" else 2, self.kind, self.id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "change": self.what,
            "class": self.klass,
            "old_path": self.old_path,
            "new_path": self.new_path,
            "moved": self.moved,
            "fields": [f.to_dict() for f in self.fields],
            "problems": [_problem(d) for d in self.problems],
            "side": self.side,
        } | ({"withheld": True} if self.withheld else {}) \
            | ({"broken_since": self.broken_since} if self.broken_since else {})


def _path_shown(path: str | None, ids: set[str | None]) -> str | None:
    """*path* as a diff may show it of a record that is not 主动公开: as it is when its file is named after the id
    and its folders say nothing (ASCII: 2026, Q3), else its file name (and any folder written in Chinese) left out."""
    if path is None:
        return None
    parts = PurePosixPath(path)
    if parts.stem in ids and path.isascii():
        return path
    folder = parts.parent if str(parts.parent).isascii() else PurePosixPath(parts.parts[0])
    return f"{folder}/{NAME_NOT_SHOWN}"


def _problem(d: Diagnostic) -> dict[str, Any]:
    return {"code": d.code, "message": d.message, "path": d.path, "line": d.line, "column": d.column}


@dataclass(frozen=True)
class Side:
    """One side of a comparison: the revision as asked, the commit it resolved to (None: working tree)."""

    rev: str
    commit: str | None = None

    @property
    def label(self) -> str:
        if self.rev == "worktree":
            return "工作区"
        if self.rev == "empty":
            return "（空目录）"
        if self.commit is None:
            return self.rev
        short = self.commit[:7]
        if "..." in self.rev:
            first, _, second = self.rev.partition("...")
            return f"{first} 与 {second} 的分叉点（{short}）"
        return short if self.commit.startswith(self.rev) else f"{self.rev}（{short}）"

    def to_dict(self) -> dict[str, Any]:
        return {"rev": self.rev, "commit": self.commit}


@dataclass
class CatalogDiff:
    """Every change between two states of a catalog, sorted: agency, items, records, then others."""

    old: Side
    new: Side
    changes: list[Change] = field(default_factory=list)

    @property
    def substantive(self) -> list[Change]:
        return [c for c in self.changes if c.substantive]

    @property
    def textual(self) -> list[Change]:
        return [c for c in self.changes if not c.substantive]

    def __bool__(self) -> bool:
        return bool(self.changes)

    def summary(self) -> dict[str, int]:
        counts = {"total": len(self.changes), "substantive": len(self.substantive), "textual": len(self.textual)}
        for what in ("added", "removed", "modified", "moved", "format", "invalid"):
            counts[what] = sum(1 for c in self.changes if c.what == what)
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "from": self.old.to_dict(),
            "to": self.new.to_dict(),
            "summary": self.summary(),
            "changes": [c.to_dict() for c in self.changes],
        }
