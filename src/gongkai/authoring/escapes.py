"""Invisible characters written as escapes in double quotes ("\\v", "\\u200b"), taken out by `gongkai fmt` so that
the line reads as if they had never been typed: the quotes that were there only for the escape go, a key keeps its
place, and a comment after the value keeps its distance from it."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import OrderedDict
from collections.abc import Collection
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, ScalarString
from ruamel.yaml.tokens import CommentToken

from gongkai.authoring import document
from gongkai.catalog import invisible
from gongkai.catalog.schema_errors import bare_key

_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class SameKey(Exception):
    """Two keys of one mapping are the same once the invisible characters are out of them; str() says so in Chinese."""


def remove_escaped(node: Any, text: str) -> bool:
    """Take invisible characters out of every key and text of *node* (a document read from *text*), in place; True
    when there was one. SameKey when a key becomes another key of its mapping."""
    return _clean(node, text.split("\n"))


def _clean(node: Any, lines: list[str]) -> bool:
    found = False
    if isinstance(node, CommentedMap):
        for key in [k for k in node if isinstance(k, str) and invisible.has_invisible(k)]:
            _rename(node, key, invisible.remove(key), lines)
            found = True
    places = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for place, value in list(places):
        if isinstance(value, str) and invisible.has_invisible(value):
            start = _start(node, place)
            _set_as_written(node, place, _restyled(value, invisible.remove(value)))
            _keep_comment_gap(node, place, start, lines)
            found = True
        elif isinstance(value, dict | list) and _clean(value, lines):
            found = True
            if _flow(value):  # a one-line [甲, "乙\u200b"] moves the comment after it
                _keep_comment_gap(node, place, _start(node, place), lines)
    return found


def squeeze_keys(node: Any, text: str, known: Collection[str]) -> list[str]:
    """Make every key of *node* (a document read from *text*) that is a *known* key as it looks (bare_key) that key,
    in place: 「'文种 ': …」, 「"题 名": …」 written in quotes, which fmt's line fixes leave alone, and 「⽂种」 with a
    KANGXI RADICAL copied from a PDF. What was done, for fmt to say; SameKey when the key is already in its mapping
    (「文种: 公示」 above)."""
    done: list[str] = []
    _squeeze(node, text.split("\n"), known, done)
    return sorted(set(done))


def _squeeze(node: Any, lines: list[str], known: Collection[str], done: list[str]) -> None:
    if isinstance(node, CommentedMap):
        for key in [k for k in node if isinstance(k, str) and bare_key(k) != k and bare_key(k) in known]:
            _rename(node, key, bare_key(key), lines, "其中一处的键名里多了空格，或有只是样子像的字符")
            done.append("删去键名中间的空格" if "".join(key.split()) == bare_key(key) else "键名中只是样子像的字符改为标准的字")
    for value in node.values() if isinstance(node, dict) else node if isinstance(node, list) else ():
        if isinstance(value, dict | list):
            _squeeze(value, lines, known, done)


def _rename(mapping: CommentedMap, key: str, name: str, lines: list[str],
            why: str = "其中一处的键名里有看不见的字符，记事本里两处看起来一样") -> None:
    if name in mapping:
        first = _start(mapping, name)
        where = f"第{first[0] + 1}行已有；" if first is not None else ""
        raise SameKey(f"键「{name}」写了两次（{where}{why}）：删去其中一行，或把两处的内容合并到一个键下")
    start = _start(mapping, key)
    index, value, comment = list(mapping).index(key), mapping[key], mapping.ca.items.pop(key, None)
    del mapping[key]
    mapping.insert(index, str(name), value)
    if comment is not None:
        mapping.ca.items[name] = comment
    if start is not None:
        mapping.lc.data[name] = [*start, *start]
        _keep_comment_gap(mapping, name, start, lines)


def _restyled(written: str, text: str) -> Any:
    """*text* (*written* without its escaped invisible characters) as fmt writes a value typed without them: quotes that
    were there for the escape go (ruamel quotes what needs it: 「'@…'」, 「'1'」), a date is written plain, and double
    quotes stay only while another escape (a line break, a tab) still needs them."""
    if isinstance(written, ScalarString) and not isinstance(written, DoubleQuotedScalarString):
        return type(written)(text)
    if isinstance(written, DoubleQuotedScalarString) and not text.isprintable():
        return DoubleQuotedScalarString(text)
    if _ISO_DAY.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    return str(text)


def _set_as_written(node: Any, place: Any, value: Any) -> None:
    """Put *value* in *node* as it is: ruamel's own setters would give it the quoting style of the value it replaces."""
    if isinstance(node, dict):
        OrderedDict.__setitem__(node, place, value)
    else:
        list.__setitem__(node, place, value)


def _flow(value: Any) -> bool:
    return isinstance(value, CommentedMap | CommentedSeq) and bool(value.fa.flow_style())


def _start(node: Any, place: Any) -> tuple[int, int] | None:
    """0-based (line, column) where the entry at *place* starts: a key, or a list item's value."""
    try:
        line, column = node.lc.key(place) if isinstance(node, CommentedMap) else node.lc.item(place)
    except (KeyError, IndexError, TypeError):
        return None
    return line, column


def _comments(node: Any, place: Any) -> list[CommentToken]:
    """The comment at the end of the entry's line, where ruamel keeps it: with the entry, and for a one-line [甲, 乙]
    also with the list itself."""
    slots = node.ca.items.get(place) or []
    index = 2 if isinstance(node, CommentedMap) else 0
    found = [slots[index]] if len(slots) > index else []
    if _flow(node[place]) and node[place].ca.comment:
        found.append(node[place].ca.comment[0])
    tokens = {id(t): t for t in found if isinstance(t, CommentToken) and t.start_mark is not None}
    return list(tokens.values())  # often the same token twice


def _keep_comment_gap(node: Any, place: Any, start: tuple[int, int] | None, lines: list[str]) -> None:
    """The comment after a rewritten entry, as many spaces after the new text as it was after the old one (ruamel
    would keep its column, leaving a wide gap where the escape was)."""
    for token in _comments(node, place):
        if start is None or token.start_mark.line != start[0] or start[0] >= len(lines):
            continue
        before = lines[start[0]][:token.start_mark.column]
        gap = len(before) - len(before.rstrip(" "))
        mark = copy.copy(token.start_mark)
        mark.column = start[1] + _width(node, place) + max(gap, 1)
        token.start_mark = mark


def _width(node: Any, place: Any) -> int:
    """How many characters the entry takes on its line as fmt writes it (a key and its value, or a list item)."""
    value = _bare(node[place])
    if isinstance(node, CommentedMap):
        return len(document.dump({place: value}).split("\n")[0])
    return len(document.dump([value]).split("\n")[0].lstrip(" ")) - 2  # from the item's column, after 「- 」


def _bare(value: Any) -> Any:
    """*value* as it is written, without the comments it carries (a one-line list keeps the comment after it)."""
    if not _flow(value):
        return value
    bare = CommentedMap(value) if isinstance(value, CommentedMap) else CommentedSeq(value)
    bare.fa.set_flow_style()
    return bare
