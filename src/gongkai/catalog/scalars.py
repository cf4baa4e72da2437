"""Plain values YAML would publish differently from how they were typed, explicit tags, and merge keys.

An unquoted 059523000000 is the number 59523000000 to YAML (the landline loses its 0 on every page), 1.3812345678e10
becomes 13812345678.0, +86… loses its +, 0x…, 0o… and 1_000 change their digits. A tag (!!binary, !foo) makes the two
parsers disagree and hides the value from the reviewer; so does a merge key (<<: merges a mapping in YAML 1.1, is a
plain key in YAML 1.2). All are found with their position before the file is read;
the line scan below costs a regular expression per file, and the exact check runs only on a file it flags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml_rs
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.events import CollectionEndEvent, CollectionStartEvent, MappingStartEvent, ScalarEvent

from gongkai.catalog.limits import MAX_DIGITS, too_many_digits
from gongkai.model.request import AnnualData

# A value standing alone after "key: ", "- " or inside [ … ] that YAML reads as a number (a superset: _judge decides).
_PLAIN_NUMBER = re.compile(
    r"(?:[\[{,]|[:-](?=[ \t]))[ \t]*"
    r"(?P<value>[-+]?(?:0[xo][0-9A-Fa-f_]+|[0-9][0-9_]*\.?[0-9_]*(?:[eE][-+]?[0-9]+)?|\.[0-9_]+(?:[eE][-+]?[0-9]+)?"
    r"|\.(?:inf|Inf|INF|nan|NaN|NAN)))(?=[ \t]*(?:#|$|[,\]}]))",
    re.MULTILINE,
)
_TAG = re.compile(r"(?:^|[\s\[{,])![!<A-Za-z]")
_STR_TAG = "tag:yaml.org,2002:str"
# Longer numbers are GK111 (limits.py); up to there YAML rewrites them as any other: 0 and forty 1s loses its 0.
_LONGEST = MAX_DIGITS
# A float keeps 15 to 17 significant digits: a decimal written with more (3.14159265358979323846) loses the others.
_PRECISE = 16
_EXPONENT_NEXT = frozenset("0123456789-+")
# What a rewritten number needs (a leading 0 or ., a sign, _ or an exponent): str's "in" finds these in a fraction
# of what a regular expression takes to scan a file, so most files never reach the regular expression.
_OPENINGS = (" 0", "[0", ",0", " .", "[.", ",.", " -0", " -.", "+", "_")
# 880.50 is read as 880.5: the same amount where the field is an amount, not flagged there; anywhere else the value is
# text, and 「文号: 1.10」 would be published as 1.1
_DECIMAL = re.compile(r"(?:0|[1-9][0-9]*)\.[0-9]*")
_LOST_ZERO = re.compile(r"\.(?:[0-9_]*0)?[ \t]*(?:#|$|[,\]}])", re.MULTILINE)
_AMOUNTS = frozenset(f.alias for f in AnnualData.model_fields.values()
                     if f.alias and f.annotation in (float, float | None))


@dataclass(frozen=True)
class Rewrite:
    """A value that would not be published as typed: code, message, hint, 1-based position."""

    code: str
    message: str
    hint: str
    line: int
    column: int


def find_rewrites(text: str) -> list[Rewrite]:
    """Every plain number YAML would rewrite and every explicit tag in *text*, in file order (a clerk fixes them all
    in one pass, not one per run)."""
    suspects = _suspects(text) if _may_hold_rewrite(text) else set()
    tagged = "!" in text and _TAG.search(text) is not None
    merging = "<<" in text
    if not suspects and not tagged and not merging:
        return []
    try:
        events = list(YAML(typ="rt").parse(text))
    except (YAMLError, ValueError, RecursionError):
        return []  # broken YAML is explained by the parser that reads the file
    keys = _keys(events)
    merges = {i for i, key in keys.items() if key is None and _plain(events[i], "<<")} if merging else set()
    amounts = {i for i, key in keys.items() if key in _AMOUNTS}
    return [found for index, event in enumerate(events)
            if (found := _merge(event) if index in merges else _judge(event, suspects, index in amounts)) is not None]


def _plain(event: object, value: str) -> bool:
    return isinstance(event, ScalarEvent) and event.value == value and event.style is None


def _keys(events: list[object]) -> dict[int, str | None]:
    """For each event in the place of a mapping's key: None; of its value: the key's text (the value of the key)."""
    found: dict[int, str | None] = {}
    slots: list[list[Any]] = []  # per open collection: [is a mapping, the next node is a key, the last key's text]
    for index, event in enumerate(events):
        if isinstance(event, CollectionEndEvent):
            slots.pop()
            continue
        top = slots[-1] if slots else None
        if top is not None and top[0]:
            found[index] = None if top[1] else top[2]
            if top[1]:
                top[2] = event.value if isinstance(event, ScalarEvent) else ""
            top[1] = not top[1]  # a key, then its value
        if isinstance(event, CollectionStartEvent):
            slots.append([isinstance(event, MappingStartEvent), True, ""])
    return found


def _merge(event: object) -> Rewrite:
    mark = event.start_mark  # type: ignore[attr-defined]
    return Rewrite("GK005", "目录文件不能使用合并键（<<）",
                   "把要合并的内容逐项写成「键: 值」；若键名本身是 <<，请给它加引号。", mark.line + 1, mark.column + 1)


def read_as(typed: str, amount: bool = False) -> str | None:
    """How YAML publishes the unquoted *typed* when that differs from what was typed; None when it does not (nor, for
    an *amount*, when only the zeros after its point go)."""
    if len(typed) > _LONGEST or too_many_digits(typed):
        return None  # GK111 reports the file
    try:
        document: Any = yaml_rs.loads(f"v: {typed}", parse_datetime=False)
    except (yaml_rs.YAMLDecodeError, ValueError):
        return None
    value = document["v"]
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    shown = str(value)
    if shown == typed or amount and isinstance(value, float) and _DECIMAL.fullmatch(typed) and float(typed) == value:
        return None
    return shown


def _suspects(text: str) -> set[str]:
    """The plain values of *text* that YAML would publish differently (the event scan finds where they are)."""
    values = (m.group("value") for m in _PLAIN_NUMBER.finditer(text))
    return {value for value in values if not _canonical(value) and read_as(value) is not None}


def _may_hold_rewrite(text: str) -> bool:
    """False when *text* cannot hold a number YAML would rewrite: no opening of one, no digit before an e or E."""
    if any(opening in text for opening in _OPENINGS):
        return True
    at = text.find(".")
    while at > 0:  # 1.10 or 1. loses its last zero or its point (a digit before the point: .5 has " ." above), and
        # 3.14159265358979323846 its last digits
        if text[at - 1].isdigit() and (_LOST_ZERO.match(text, at) or _digits_around(text, at) >= _PRECISE):
            return True
        at = text.find(".", at + 1)
    for letter in "eE":
        at = text.find(letter, 1)
        while at > 0:
            if text[at - 1].isdigit() and text[at + 1:at + 2] in _EXPONENT_NEXT:
                return True
            at = text.find(letter, at + 1)
    return False


def _digits_around(text: str, at: int) -> int:
    """The digits (and _) of the number whose point is at *at*, on both sides of it."""
    start, end = at, at + 1
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] == "_"):
        start -= 1
    while end < len(text) and (text[end].isdigit() or text[end] == "_"):
        end += 1
    return end - start - 1


def _canonical(typed: str) -> bool:
    """True for 3, 2026 or 0: a number written as YAML writes it back (nearly every number in a catalog)."""
    return typed.isdigit() and (typed[0] != "0" or typed == "0")


def _judge(event: object, suspects: set[str], amount: bool) -> Rewrite | None:
    if not isinstance(event, ScalarEvent | CollectionStartEvent):
        return None
    mark = event.start_mark
    tag = event.tag
    if tag is not None and tag != _STR_TAG:
        return Rewrite(
            "GK016", f"目录文件不能使用 YAML 标签「{_short(tag)}」",
            "删去标签，直接写出内容；若值本身以 ! 开头，请给整个值加引号。", mark.line + 1, mark.column + 1,
        )
    if isinstance(event, ScalarEvent) and tag is None and event.style is None and event.value in suspects \
            and (shown := read_as(event.value, amount)) is not None:
        return Rewrite(
            "GK015", f"「{event.value}」没有加引号，会被当作数字读成「{shown}」，与所写的不同",
            f"号码、编号等文字请加引号，如 \"{event.value}\"；若确是数字，请写成 {shown}。",
            mark.line + 1, mark.column + 1,
        )
    return None


def _short(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
