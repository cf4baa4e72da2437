"""Catalog YAML as a round-trip document: comments kept, keys in the official order, new files in house style."""

from __future__ import annotations

import copy
import difflib
import io
import re
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import CommentMark
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import LiteralScalarString, ScalarString
from ruamel.yaml.tokens import CommentToken

from gongkai.model import Agency, Item, Record

# Short vocabulary lists are written on one line, as in docs/catalog-format.md.
FLOW_KEYS = frozenset({"公开层级", "其他渠道", "公开格式", "解读", "移交日", "方式", "调休上班"})
MODELS: dict[str, type[BaseModel]] = {"item": Item, "record": Record, "agency": Agency}


class _Constructor(RoundTripConstructor):
    """Round-trip constructor that keeps dates as dates, whatever other YAML users register globally."""


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", RoundTripConstructor.construct_yaml_timestamp)


class _Representer(RoundTripRepresenter):
    """Round-trip representer that leaves an empty value empty: 「题名:」 stays so, not 「题名: null」 (an English word in
    a clerk's file, which ruamel writes once aliases are off: it takes a document with nothing represented yet for a
    lone null)."""

    def represent_none(self, data: Any) -> Any:
        return self.represent_scalar("tag:yaml.org,2002:null", "")


_Representer.add_representer(type(None), _Representer.represent_none)


def yaml() -> YAML:
    """The round-trip YAML used for every rewrite: UTF-8, 2-space maps, '  - ' lists, no line folding."""
    handler = YAML(typ="rt")
    handler.Constructor = _Constructor
    handler.Representer = _Representer
    handler.preserve_quotes = True
    handler.allow_unicode = True
    handler.width = 4096
    handler.indent(mapping=2, sequence=4, offset=2)
    handler.representer.ignore_aliases = lambda data: True  # the catalog forbids anchors and aliases
    return handler


def load(text: str) -> Any:
    return yaml().load(text)


def dump(document: Any) -> str:
    """*document* as YAML text. ruamel ends a document whose last text keeps its blank lines (正文: |+) with 「...」,
    the end-of-document mark a catalog file may not hold (GK001: fmt made a valid file invalid): the text reads the
    same without it."""
    buffer = io.StringIO()
    yaml().dump(document, buffer)
    text = buffer.getvalue()
    return text[: -len("...\n")] if text.endswith("\n...\n") else text


def key_order(model: type[BaseModel]) -> list[str]:
    """The YAML keys of *model* in the order its fields are declared: the official order."""
    return [f.alias or name for name, f in model.model_fields.items()]


def _nested(model: type[BaseModel], key: str) -> type[BaseModel] | None:
    """The model of a nested mapping (or of the elements of a nested list) under *key*."""
    for name, info in model.model_fields.items():
        if (info.alias or name) != key:
            continue
        for candidate in _types(info.annotation):
            if isinstance(candidate, type) and issubclass(candidate, BaseModel):
                return candidate
    return None


def _types(annotation: Any) -> list[Any]:
    args = getattr(annotation, "__args__", ())
    return [annotation, *[t for a in args for t in _types(a)]]


def reorder(mapping: Any, model: type[BaseModel]) -> bool:
    """Put *mapping*'s keys in the model's order (unknown keys keep their place at the end); True if moved."""
    if not isinstance(mapping, CommentedMap):
        return False
    moved = False
    for key in list(mapping):
        child = _nested(model, key) if isinstance(key, str) else None
        if child is not None:
            values = mapping[key] if isinstance(mapping[key], list) else [mapping[key]]
            moved = any([reorder(v, child) for v in values]) or moved
    order = key_order(model)
    keys = list(mapping)
    wanted = sorted(keys, key=lambda k: (order.index(k) if k in order else len(order), keys.index(k)))
    if wanted == keys:
        return moved
    above = _comments_above(mapping)
    if wanted[0] != keys[0] and (first := _comments_first(mapping)):
        above[keys[0]] = first
    below = _comments_below(mapping)
    for position, key in enumerate(wanted):
        value = mapping[key]
        comment = mapping.ca.items.pop(key, None)
        del mapping[key]
        mapping.insert(position, key, value)
        if comment is not None:
            mapping.ca.items[key] = comment
    for key, lines in above.items():
        slots = mapping.ca.items.setdefault(key, [None, [], None, None])
        slots[1] = [*lines, *(slots[1] or [])]
    if below:
        _put_below(mapping, below)
    return True


def _comments_below(mapping: CommentedMap) -> str:
    """The comment lines after the last entry of *mapping* at its keys' indentation (a file's closing comment, the last
    note of a 保密审查 block), taken out of that entry's slot: they stay at the end when the entry moves up.
    Only when the entry is a one-line or block text: ruamel keeps the lines elsewhere after a nested block."""
    last = list(mapping)[-1]
    slots = mapping.ca.items.get(last)
    if isinstance(mapping[last], CommentedMap | CommentedSeq) or not slots or len(slots) < 3 \
            or not isinstance(slots[2], CommentToken):
        return ""
    try:
        column = mapping.lc.key(last)[1]
    except (KeyError, TypeError):
        return ""
    block = isinstance(mapping[last], ScalarString) and "\n" in str(mapping[last])
    eol, newline, rest = ("", "", slots[2].value) if block else slots[2].value.partition("\n")
    lines = rest.split("\n")[:-1] if rest.endswith("\n") else []
    if not lines or any(line.strip() and _indent(line) != column for line in lines):
        return ""
    kept = eol + newline
    slots[2] = _with_value(slots[2], kept) if kept.strip() else None
    return "".join(line + "\n" for line in lines)


def _put_below(mapping: CommentedMap, lines: str) -> None:
    """*lines* after the entry that is now last (a text, one line or a block; else after the mapping as it was)."""
    last = list(mapping)[-1]
    value = mapping[last]
    if isinstance(value, CommentedMap | CommentedSeq):
        return
    slots = mapping.ca.items.setdefault(last, [None, None, None, None])
    block = isinstance(value, ScalarString) and "\n" in str(value)
    current = slots[2].value if isinstance(slots[2], CommentToken) else ("" if block else "\n")
    if not block and not current.endswith("\n"):
        current += "\n"
    slots[2] = CommentToken(current + lines, CommentMark(0))


def _comments_above(mapping: CommentedMap) -> dict[Any, list[CommentToken]]:
    """The comment lines (and blank lines) right above each key but the first, taken from where ruamel keeps them —
    after the previous entry, at the end of its nested block if it has one — so that they move with the key."""
    keys = list(mapping)
    found: dict[Any, list[CommentToken]] = {}
    for previous, key in zip(keys, keys[1:]):
        tail = _tail(mapping, previous)
        try:
            column = mapping.lc.key(key)[1]
        except (KeyError, TypeError):
            continue
        if tail is None:
            continue
        slots, index = tail
        eol, newline, rest = slots[index].value.partition("\n")
        lines = rest.split("\n")[:-1] if rest.endswith("\n") else []
        start = len(lines)  # the comment lines at the key's own indentation, and blank lines, just above it
        while start and (not lines[start - 1].strip() or _indent(lines[start - 1]) == column):
            start -= 1
        if not any(line.strip() for line in lines[start:]):
            continue
        found[key] = [CommentToken(line.strip() + "\n", CommentMark(_indent(line))) for line in lines[start:]]
        kept = eol + newline + "".join(line + "\n" for line in lines[:start])
        slots[index] = _with_value(slots[index], kept) if kept.strip() or lines[:start] else None
    return found


def _comments_first(mapping: CommentedMap) -> list[CommentToken]:
    """The comment lines right above the first key, with no blank line between (「# 文号待办公室确认」 over 「文号:」),
    taken from where ruamel keeps them — the mapping's own comment, which a comment above them and a blank line stay
    in — so that they go with the key when it moves down, not stay over the key moved up. Lines that open the file are
    its heading (「# 测试县民政局 gongkai 设置」 over 「移交:」): they stay on top."""
    comment = mapping.ca.comment
    tokens = comment[1] if comment and len(comment) > 1 and isinstance(comment[1], list) else []
    start = len(tokens)
    while start and isinstance(tokens[start - 1], CommentToken) and tokens[start - 1].value.strip() \
            and tokens[start - 1].value.count("\n") == 1:
        start -= 1
    if start == 0 and tokens and getattr(tokens[0].start_mark, "line", None) == 0:
        return []  # the file's first lines: its heading, whatever key comes first
    taken = [CommentToken(token.value, CommentMark(token.start_mark.column)) for token in tokens[start:]]
    del tokens[start:]  # in place: a nested mapping's list is also its key's slot in the mapping above
    return taken


def _tail(mapping: CommentedMap, key: Any) -> tuple[list[Any], int] | None:
    """Where the comment after *key*'s entry is kept: its own slot, or that of the last entry of its nested block."""
    node, place = mapping, key
    while isinstance(node[place], CommentedMap | CommentedSeq) and len(node[place]) and not node[place].fa.flow_style():
        node = node[place]
        place = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
    slots = node.ca.items.get(place)
    index = 2 if isinstance(node, CommentedMap) else 0
    if slots is None or len(slots) <= index or not isinstance(slots[index], CommentToken):
        return None
    return slots, index


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _with_value(token: CommentToken, value: str) -> CommentToken:
    token.value = value
    return token


# What a block (「备注: |」) cannot hold as it is: control characters and the other line breaks (written escaped instead).
_NOT_IN_BLOCK = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def as_yaml_value(key: str, value: Any, like: Any = None) -> Any:
    """A Python value as it should appear in YAML: lists of vocabulary words flow-style, as *like* was; text of several
    lines as a block (「备注: |」, each line a line, as a clerk writes it in Notepad), never 「"第一行\\n第二行"」."""
    if isinstance(value, str) and not isinstance(value, ScalarString) and "\n" in value.strip("\n") \
            and not _NOT_IN_BLOCK.search(value):
        return LiteralScalarString(value)
    if not isinstance(value, list):
        return value
    seq = CommentedSeq(value)
    flow = like.fa.flow_style() if isinstance(like, CommentedSeq) else key in FLOW_KEYS
    if flow:
        seq.fa.set_flow_style()
    else:
        seq.fa.set_block_style()
    return seq


def new_document(fields: dict[str, Any], model: type[BaseModel] | None) -> CommentedMap:
    """A fresh mapping of *fields* in the official key order (nested mappings too)."""
    document = CommentedMap()
    order = key_order(model) if model else []
    for key in [k for k in order if k in fields] + [k for k in fields if k not in order]:
        value = fields[key]
        if isinstance(value, dict):
            document[key] = new_document(value, _nested(model, key) if model else None)
        elif value is not None:
            document[key] = as_yaml_value(key, value)
    return document


def update(document: CommentedMap, fields: dict[str, Any], model: type[BaseModel]) -> None:
    """Set *fields* in *document*, keeping comments and the style of what was there; new keys in official order."""
    order = key_order(model)
    for key, value in fields.items():
        if key in document:
            old = document[key]
            document[key] = as_yaml_value(key, value, old)
            if isinstance(old, CommentedSeq) and isinstance(document[key], CommentedSeq):
                _carry_comments(old, document[key])
            elif isinstance(document[key], CommentedSeq) and not document[key].fa.flow_style():
                _below_the_list(document, key)
            continue
        before = [k for k in document if k in order and order.index(k) < order.index(key)] if key in order else list(document)
        document.insert(list(document).index(before[-1]) + 1 if before else 0, key, as_yaml_value(key, value))


def _below_the_list(document: CommentedMap, key: Any) -> None:
    """The comments of a one-line value that became a list of lines (「公开渠道: 网站，公示栏」 split): the one after it
    stays after the key, two spaces on (not where the value ended), and the lines below it, about the next key, go
    after the list's last line, not between 「公开渠道:」 and its first element."""
    slots = document.ca.items.get(key)
    seq = document[key]
    if not slots or len(slots) < 3 or not isinstance(slots[2], CommentToken) or not len(seq):
        return
    eol, newline, rest = slots[2].value.partition("\n")
    if eol.strip() and slots[2].start_mark is not None:
        mark = copy.copy(slots[2].start_mark)
        mark.column = _key_column(document, key) + len(f"{key}:  ")
        slots[2].start_mark = mark
    if rest.strip():
        slots[2] = _with_value(slots[2], eol + newline) if eol.strip() else None
        seq.ca.items[len(seq) - 1] = [CommentToken("\n" + rest, CommentMark(0)), None, None, None]


def _key_column(mapping: CommentedMap, key: Any) -> int:
    try:
        return int(mapping.lc.key(key)[1])
    except (KeyError, TypeError):
        return 0


def _carry_comments(old: CommentedSeq, new: CommentedSeq) -> None:
    """The comments of the list *old* on the list *new* that replaces it: each element's on the same element wherever
    it now stands (an entry added above it moved it down), else on the element edited at its place; a removed
    element's goes with it. The comment lines below the list — about the next key, held by the old last element after
    its own — go below the new last one."""
    if not len(new):
        return
    below, placed = "", set[int]()
    for index, slots in sorted(old.ca.items.items()):
        if not 0 <= index < len(old):  # (a comment ruamel keeps for no element: nowhere to carry it from)
            continue
        token = slots[0] if slots else None
        if index == len(old) - 1 and isinstance(token, CommentToken):
            eol, newline, below = token.value.partition("\n")
            slots = [_with_value(token, eol + newline) if eol.strip() else None, *slots[1:]]
        target = _place(old, index, new, placed)
        if target is not None and any(slots):
            new.ca.items[target] = slots
            placed.add(target)
    if below.strip():
        last = len(new) - 1
        token = new.ca.items[last][0] if last in new.ca.items and new.ca.items[last] else None
        if isinstance(token, CommentToken):
            token.value += below
        else:
            new.ca.items[last] = [CommentToken("\n" + below, CommentMark(0)), None, None, None]


def _place(old: CommentedSeq, index: int, new: CommentedSeq, placed: set[int]) -> int | None:
    """Where the element *old*[*index*] stands in *new*: the same text first; else, in a list of as many entries, the
    new text at its place (an alias mended, a typo put right); else the new text most like it when mostly the same;
    else nowhere — an entry dropped from a list that grew or shrank takes its comment (「# 要删」) with it, never onto
    the entry that came in at its place."""
    same = next((i for i, value in enumerate(new) if value == old[index] and i not in placed), None)
    if same is not None:
        return same
    fresh = [i for i, value in enumerate(new) if value not in old and i not in placed]
    if len(new) == len(old) and index in fresh:
        return index
    ratio, found = max(((difflib.SequenceMatcher(None, str(old[index]), str(new[i])).ratio(), i) for i in fresh),
                       default=(0.0, -1))
    return found if ratio >= _EDITED else None


_EDITED = 0.6  # how much of an entry's text is kept when it counts as the same entry edited
