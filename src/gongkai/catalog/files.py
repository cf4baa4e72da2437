"""One catalog file, bytes to model: decode, parse, normalise, validate; problems as diagnostics with positions."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from importlib import import_module
from typing import Any

from pydantic import BaseModel, ValidationError

from gongkai.catalog import invisible
from gongkai.catalog.comments import comments_in_values, may_cut_values, may_hold_comment, values_cut_by_comments
from gongkai.catalog.dates import apply_fixes, date_fixes
from gongkai.catalog.decode import decode_raw
from gongkai.catalog.kinds import LABELS, PRIVATE_KEYS, PROVIDERS, SHOWN_WHEN_WITHHELD, kind_of
from gongkai.catalog.normalize import Note, normalize
from gongkai.catalog.schema_errors import (REGISTER_VALUE, REGISTER_VALUE_HINT, bare_key, explain_errors, register_keys,
                                          register_key_shown, unnamed)
from gongkai.catalog.scalars import find_rewrites, read_as
from gongkai.catalog.yamlio import YamlFailure, YamlProblem, parse_fast, parse_positional, position, prescan
from gongkai.diagnostics import Diagnostic, Severity
from gongkai.model import Agency, Item, Record
from gongkai.model.ledger import Ledger
from gongkai.model.portal import PortalLedger
from gongkai.model.request import AnnualData, Appeal, Request, shown_in_register, withheld
from gongkai.model.vocab import ATTRIBUTE_ALIASES, PROACTIVE

Builder = Callable[[dict[str, Any], str], tuple[Any, list[Note]]]

# Severity of what the loader finds; rules may be overridden in gongkai.yaml like any other.
LOAD_SEVERITY: dict[str, Severity] = {"GK017": Severity.WARNING, "GK019": Severity.WARNING, "GK020": Severity.WARNING,
                                      "GK105": Severity.INFO, "GK107": Severity.WARNING, "GK110": Severity.INFO}


@dataclass(frozen=True)
class FileKind:
    """A kind of catalog file: where it lives and how its mapping becomes a model."""

    name: str
    label: str
    build: Builder
    normalize: bool = False
    model: type[BaseModel] | None = None  # the pydantic model, when there is one: its Day fields are dates


@dataclass
class ParsedFile:
    """The result of reading one file: the model (if valid) and its diagnostics, positions resolved."""

    path: str
    kind: str
    blob: str
    model: Any = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def object_id(self) -> str | None:
        return getattr(self.model, "id", None)


def pydantic_builder(model: type[BaseModel]) -> Builder:
    """A builder that validates the mapping with a pydantic model."""

    def build(data: dict[str, Any], path: str) -> tuple[Any, list[Note]]:
        try:
            return model.model_validate(data), []
        except ValidationError as exc:
            return None, explain_errors(exc, model, private=kind_of(path) in PRIVATE_KEYS)

    return build


def model_kind(name: str, model: type[BaseModel], normalize: bool = False) -> FileKind:
    """A kind of file read by a pydantic model."""
    return FileKind(name, LABELS[name], pydantic_builder(model), normalize, model)


KINDS: dict[str, FileKind] = {
    "agency": model_kind("agency", Agency),
    "item": model_kind("item", Item, normalize=True),
    "record": model_kind("record", Record, normalize=True),
    "ledger": model_kind("ledger", Ledger),
    "portal": model_kind("portal", PortalLedger),
    "request": model_kind("request", Request),
    "appeal": model_kind("appeal", Appeal),
    "annual": model_kind("annual", AnnualData),
}


def register_kind(kind: FileKind) -> None:
    """Let a capability (calendar, consultations, county settings…) add its own kind of file (kinds.PROVIDERS)."""
    KINDS[kind.name] = kind


def spec_of(kind: str) -> FileKind | None:
    """How a *kind* file is read; a capability's kind is registered by importing its module (kinds.PROVIDERS)."""
    if kind not in KINDS and kind in PROVIDERS:
        import_module(PROVIDERS[kind])
    return KINDS.get(kind)


def parse_file(path: str, kind: str, blob: str, data: bytes) -> ParsedFile:
    """Read one file into its model; every problem becomes a diagnostic with file, line and column."""
    result = ParsedFile(path, kind, blob)
    raw, problem = decode_raw(data)
    if problem is not None:
        result.diagnostics.append(_at(path, problem.code, problem.message, problem.hint, problem.line, problem.column))
        return result
    assert raw is not None
    text, hidden = invisible.removed(raw)
    _read(result, text)
    if result.diagnostics and (kind in PRIVATE_KEYS or kind == "record"):  # lines the CI log does not show (excerpt)
        lines = text.split("\n")
        result.diagnostics = [_unsaid(d, kind, lines) for d in result.diagnostics]
    if hidden:  # positions were found in the text without those characters: count them as Notepad does
        columns = invisible.RawColumns(raw)
        result.diagnostics = [_at(path, "GK017", h.message, invisible.HINT, h.line, h.column) for h in hidden] + [
            replace(d, column=columns.column(d.line, d.column)) if d.line and d.column else d
            for d in result.diagnostics]
    return result


_ATTRIBUTE = re.compile(r"^公开属性\s*[:：]\s*[\"']?([^\"'#\s]*)")


def withheld_lines(lines: list[str]) -> bool:
    """Whether the lines of a record file do not say it is 主动公开 (依申请公开, 不予公开, or no 公开属性 at all): the gate
    keeps its content inside the building, and a CI log shows its lines as a diff does (SHOWN_WHEN_WITHHELD)."""
    for line in lines:
        said = _ATTRIBUTE.match(line)
        if said is not None:
            value = said.group(1).strip()
            return ATTRIBUTE_ALIASES.get(value, value) != PROACTIVE
    return True


def _unsaid(diagnostic: Diagnostic, kind: str, lines: list[str]) -> Diagnostic:
    """*diagnostic* without what it quotes of its line that the line under it does not show (quoted_in)."""
    if not diagnostic.line:
        return diagnostic
    message, hint = quoted_in(kind, lines, diagnostic.line, diagnostic.message, diagnostic.hint or "")
    if (message, hint) == (diagnostic.message, diagnostic.hint or ""):
        return diagnostic
    return replace(diagnostic, message=message, hint=hint)


def quoted_in(kind: str | None, lines: list[str], line: int, message: str, hint: str) -> tuple[str, str]:
    """*message* and *hint* about line *line* of a *kind* file: for a register or a record that is not 主动公开, without
    what they quote of that line that the line under a finding does not show (unquoted); else as they are."""
    if kind == "record":
        return unquoted(lines, line, message, hint, None) if withheld_lines(lines) else (message, hint)
    spec = spec_of(kind) if kind in PRIVATE_KEYS else None
    if spec is None or spec.model is None:
        return message, hint
    return unquoted(lines, line, message, hint, spec.model)


def unquoted(lines: list[str], line: int, message: str, hint: str, model: type[BaseModel] | None) -> tuple[str, str]:
    """*message* and *hint* about line *line* of a register (*model*: the register's) or of a withheld record (None),
    without what they quote of the line that may name someone: its value (「给整个值加引号：写成「申请人:
    '[王小明]工作人员'」」) but a register's own words or a record's marking and dates, and a key the register does not
    have (「键「王小明」写了两次」)."""
    if not 0 < line <= len(lines):
        return message, hint
    written = lines[line - 1].strip()
    colon = min((at for at in (written.find(":"), written.find("：")) if at >= 0), default=-1)
    key, value = (written[:colon], written[colon + 1:]) if colon >= 0 else ("", written)
    key = key.strip().removeprefix("-").strip().strip("\"'")
    value = value.split(" #")[0].strip()
    if model is None and key in SHOWN_WHEN_WITHHELD:
        return message, hint
    read = read_as(value) if model is None else None  # 「文号: 0595」 as YAML reads it (GK015): 595
    said = [part for part in (value, value.strip("\"'"), *value.split(), read or "")
            if len(part) > 1 and (model is None or not shown_in_register(part))]
    if model is not None and len(key) > 1 and not register_key_shown(key, register_keys(model)):
        said.append(key)
    before = message, hint
    for part in sorted(set(said), key=len, reverse=True):  # a register's own words in the text stay (withheld)
        if model is None:
            message, hint = message.replace(part, REGISTER_VALUE), hint.replace(part, REGISTER_VALUE)
        else:
            message, hint = withheld(message, part, REGISTER_VALUE), withheld(hint, part, REGISTER_VALUE)
    if (message, hint) != before and model is not None and REGISTER_VALUE_HINT not in hint:
        hint += REGISTER_VALUE_HINT
    return message, hint


def _read(result: ParsedFile, text: str) -> None:
    """Parse *text* (decoded, without invisible characters) into *result*'s model and diagnostics."""
    early = prescan(text)
    if not early:
        early = [YamlProblem(r.code, r.message, r.hint, r.line, r.column) for r in find_rewrites(text)]
    if early:
        result.diagnostics.extend(_from_problem(result.path, p) for p in early)
        return
    try:
        tree = parse_fast(text)
    except YamlFailure as failure:
        result.diagnostics.append(_from_problem(result.path, failure.problem))
        return
    if not isinstance(tree, dict):
        message = ("文件是空的（或只有注释），没有任何内容" if tree is None
                   else "文件内容应为若干「键: 值」（YAML 映射），而不是单个值或列表")
        result.diagnostics.append(_at(result.path, "GK009", message, _top_hint(result.kind), 1, 1))
        return
    _build(result, text, tree)


def _build(result: ParsedFile, text: str, tree: dict[str, Any]) -> None:
    spec = spec_of(result.kind)
    assert spec is not None, result.kind
    notes: list[Note] = []
    if "\\" in text:  # an escape in double quotes ("\v", "\u200b") writes what invisible.remove() took out of the text
        tree, escaped = invisible.clean_tree(tree)
        said = "双引号中的转义（如 \\v、\\u200b）写出了看不见的字符，读取时已删去"
        notes += [Note("GK017", said, invisible.HINT, where) for where in escaped.texts]
        notes += [Note("GK017", said, invisible.HINT, where, at_key=True) for where in escaped.keys]
        notes += [Note("GK004", f"键「{invisible.remove(str(where[-1]))}」写了两次：这一处的键名里有看不见的字符，"
                       "记事本里两处看起来一样", "删去其中一行，或把两处的内容合并到一个键下。", where, at_key=True)
                  for where in escaped.same]
    twins = _spaced_twins(tree, ())
    comments = comments_in_values(tree) if may_hold_comment(text) else []
    if spec.normalize:
        tree, normalized = normalize(tree)
        notes += normalized
    if spec.model is not None:
        fixes = date_fixes(tree, spec.model)
        apply_fixes(tree, fixes)
        notes += [fix.note for fix in fixes]
    model, problems = spec.build(tree, result.path)
    result.model = model
    problems = _twins_said(problems, twins)
    wrong = {p.field for p in problems}  # a value refused already says what the input method did to it (schema_errors)
    notes = notes + [c for c in comments if c.field not in wrong] + problems
    cut = may_cut_values(text)
    if notes or cut:
        try:
            positional = parse_positional(text)
        except YamlFailure as failure:  # the two parsers disagree on an edge case: say so, point at the top
            result.diagnostics.append(_from_problem(result.path, failure.problem))
            positional = _placed_without_tabs(text)
        if cut and positional is not None:
            notes += values_cut_by_comments(positional, text, quote=result.kind not in PRIVATE_KEYS)
        object_id = tree.get("编号") if isinstance(tree.get("编号"), str) else None
        result.diagnostics.extend(_from_note(result.path, n, positional, object_id) for n in notes)


def _placed_without_tabs(text: str) -> Any:
    """Where the values of *text* are when ruamel refused a Tab the fast parser took (「主动公开\t」 at a line's end,
    「-\t低保」): each Tab read as one space, which moves no value to another line or column; None when that is not
    why (the file's findings then point at its top)."""
    if "\t" not in text:
        return None
    try:
        return parse_positional(text.replace("\t", " "))
    except YamlFailure:
        return None


_TWIN_HINT = "删去其中一行，或把两处的内容合并到一个键下（只改正键名，就成了同一个键写两次）。"


def _twins_said(problems: list[Note], twins: list[tuple[str | int, ...]]) -> list[Note]:
    """*problems* where a key with spaces is also written without them (_spaced_twins) say that it is the same key
    written twice; a twin no problem names (a mapping no model checks) becomes a GK004 of its own."""
    said = []
    for problem in problems:
        if problem.field in twins:
            problem = replace(problem, message=f"{problem.message}；上面已经有「{_bare(problem.field[-1])}」，"
                              "这是同一个键写了两次", hint=_TWIN_HINT)
        said.append(problem)
    named = {p.field for p in problems}
    return said + [Note("GK004", f"键「{_bare(where[-1])}」写了两次：这一处的键名里多了空格或有只是样子像的字符，记事本里两处看起来是同一个键",
                        _TWIN_HINT, where, at_key=True) for where in twins if where not in named]


def _bare(key: str | int) -> str:
    return bare_key(str(key))


def _spaced_twins(node: Any, where: tuple[str | int, ...]) -> list[tuple[str | int, ...]]:
    """Keys that are another key of their mapping as they look (bare_key: 「文种　: 通知」, 「'文种 ': 通知」, 「⽂种: 通知」
    under 「文种: 公示」): YAML keeps full-width, no-break and quoted spaces in a key, so the parser sees no duplicate.
    Every file is walked: a key of letters only (题名, and nearly every key) is looked at no further."""
    found: list[tuple[str | int, ...]] = []
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        if isinstance(node, dict) and isinstance(key, str) and not key.isalnum() and _bare(key) != key \
                and _bare(key) in node:
            found.append((*where, key))
        if isinstance(value, dict | list):
            found += _spaced_twins(value, (*where, key))
    return found


def _from_note(path: str, note: Note, tree: Any, object_id: str | None) -> Diagnostic:
    line, column = position(tree, note.field, prefer_key=note.code == "GK102" or note.at_key)
    kind = kind_of(path)
    spec = spec_of(kind) if kind is not None and kind in PRIVATE_KEYS else None
    if spec is not None and spec.model is not None:  # found at its keys; those that may name someone are not said
        note = unnamed(note, spec.model)
    return Diagnostic(
        code=note.code,
        severity=LOAD_SEVERITY.get(note.code, Severity.ERROR),
        message=note.message,
        path=path,
        line=line,
        column=column,
        object_id=object_id,
        hint=note.hint,
        field=note.field,
    )


def _from_problem(path: str, problem: YamlProblem) -> Diagnostic:
    return _at(path, problem.code, problem.message, problem.hint, problem.line, problem.column)


def _at(path: str, code: str, message: str, hint: str, line: int, column: int) -> Diagnostic:
    severity = LOAD_SEVERITY.get(code, Severity.ERROR)
    return Diagnostic(code=code, severity=severity, message=message, path=path, line=line, column=column, hint=hint)


def _top_hint(kind: str) -> str:
    label = KINDS[kind].label if kind in KINDS else LABELS.get(kind, "文件")
    example = "「机关:」，下一行缩进两格写「名称: ……」" if kind == "agency" else "「编号: ……」"  # gongkai.yaml has no 编号
    # (not docs/catalog-format.md: that is in gongkai's source, not in the bureau's catalog folder)
    return (f"{label}文件的每一行是「键: 值」，如{example}，参照同一文件夹中其他文件的写法（运行 gongkai rule GK009 "
            "可看样例）；误建的空文件请删除。")
