"""Limits checked on the text before any YAML parser sees it: how deep lists and mappings nest, how long a number is.

A hostile or broken file must fail fast with a Chinese message at its line: ruamel recurses once per level (a few
thousand levels take seconds and end in RecursionError), and Python refuses to turn integers of more than 4,300
digits into text (pydantic does that for every number in a text field). No catalog file nests more than a handful of
levels. The checks run on every file, so they start with what C does fast (str.count, `in`); the line-by-line scan
runs only for a file that those flag, or one that failed to parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MAX_DEPTH = 32
MAX_DIGITS = 4000  # below Python's limit of 4,300 digits for turning an integer into text
_MAX_BITS = int(MAX_DIGITS * 3.33)
# A hexadecimal digit holds four bits: 0x and 3,700 digits is a number of 4,455 decimal digits, which Python refuses
# to turn into text (it was exit 3, 内部错误). Octal digits are decimal digits: \d{…} finds them.
MAX_HEX_DIGITS = _MAX_BITS // 4

_LONG_NUMBER = re.compile(r"\d{%d}|0x[0-9A-Fa-f]{%d}" % (MAX_DIGITS + 1, MAX_HEX_DIGITS + 1))
_NUMBER = re.compile(r"0x[0-9A-Fa-f]+|0o[0-7]+|\d+")  # YAML 1.2 integers: decimal, hexadecimal, octal
# Block nesting deeper than MAX_DEPTH indents a line by at least that many spaces or "- " markers.
_DEEP_MARKS = (" " * MAX_DEPTH, "- " * (MAX_DEPTH // 2), "-  " * (MAX_DEPTH // 3))
_BLOCK_SCALAR = re.compile(r"(?:^|[:\-]\s)\s*[|>][-+0-9]*\s*(?:#.*)?$")
# Before a plain scalar: start of line, a "- " item, a "key: ", or inside a flow collection after [ { or ,
# (or a key: 「? 999…」, 「999…: 值」, which YAML reads as a number too)
_PLAIN_BEFORE = re.compile(r"(?:^\s*(?:-\s+)*(?:\?\s+)?(?:[^\s#'\"][^#]*?:\s+)?|[\[{,]\s*)[-+]?$")
_PLAIN_AFTER = re.compile(r"\s*(?:$|#|[,\]}]|:(?:\s|$))")  # the digits are the whole value: YAML reads a number


@dataclass(frozen=True)
class Excess:
    """A limit broken at a 1-based line and column."""

    code: str
    message: str
    hint: str
    line: int
    column: int


def check_limits(text: str, numbers: bool = True) -> Excess | None:
    """The first place where *text* nests too deep (or, with *numbers*, holds a number too long); None when within
    the limits. Numbers are left out on the fast path: holds_huge_number() checks the parsed tree instead."""
    deep = text.count("[") + text.count("{") > MAX_DEPTH or any(mark in text for mark in _DEEP_MARKS)
    long_number = numbers and len(text) > MAX_HEX_DIGITS + 2 and _LONG_NUMBER.search(text) is not None
    if not deep and not long_number:
        return None
    return _scan(text.split("\n"), deep, long_number)


def holds_huge_number(tree: Any, text: str) -> bool:
    """True when the parsed *tree* of *text* holds an integer of more than MAX_DIGITS digits (only a file longer
    than 0x and MAX_HEX_DIGITS hexadecimal digits can: most are not even looked at)."""
    if len(text) <= MAX_HEX_DIGITS + 2:
        return False
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif type(node) is int and node.bit_length() > _MAX_BITS:
            return True
    return False


def too_long_number(text: str) -> Excess:
    """Where the too long number of *text* is (holds_huge_number() said there is one)."""
    return check_limits(text) or _too_long(1, 1, MAX_DIGITS + 1)


def _scan(lines: list[str], deep: bool, long_number: bool) -> Excess | None:
    indents: list[int] = []  # indentation of the open block mappings and lists
    flow = 0  # open [ and { carried over from earlier lines
    block: int | None = None  # indentation of the key that opened a | or > text block
    for number, line in enumerate(lines, start=1):
        content = line.lstrip(" ")
        indent = len(line) - len(content)
        if not content or content.startswith("#") or (block is not None and indent > block):
            continue
        block = None
        while indents and indents[-1] >= indent and flow == 0:
            indents.pop()
        if flow == 0:
            indents.append(indent)
        dashes = len(re.match(r"(?:-\s+)*", content).group(0).split("-")) - 1  # type: ignore[union-attr]
        found, flow = _line(line, number, len(indents) + dashes, flow, deep, long_number)
        if found is not None:
            return found
        if _BLOCK_SCALAR.search(line):
            block = indent
    return None


def _line(line: str, number: int, depth: int, flow: int, deep: bool, long_number: bool) -> tuple[Excess | None, int]:
    if deep and depth + flow > MAX_DEPTH:
        return _too_deep(number, len(line) - len(line.lstrip(" -")) + 1), flow
    quote = ""
    for column, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'" and (column == 0 or line[column - 1] in " [{,:"):
            quote = char
        elif char == "#" and (column == 0 or line[column - 1] == " "):
            break
        elif char in "[{":
            flow += 1
            if deep and depth + flow > MAX_DEPTH:
                return _too_deep(number, column + 1), flow
        elif char in "]}":
            flow = max(flow - 1, 0)
        elif long_number and char.isdigit() and (column == 0 or not (line[column - 1].isalnum() or line[column - 1] == ".")):
            run = _NUMBER.match(line, column).group(0)  # type: ignore[union-attr]
            if too_many_digits(run) and _PLAIN_BEFORE.search(line[:column]) and _PLAIN_AFTER.match(line, column + len(run)):
                return _too_long(number, column + 1, len(run)), flow
    return None, flow


def too_many_digits(run: str) -> bool:
    """Whether the digits *run* (0x…, 0o… or decimal) make a number of more than MAX_DIGITS decimal digits."""
    return len(run) - 2 > MAX_HEX_DIGITS if run.startswith("0x") else len(run) > MAX_DIGITS


def _too_deep(line: int, column: int) -> Excess:
    return Excess("GK014", f"列表和「键: 值」嵌套超过 {MAX_DEPTH} 层", "目录文件最多嵌套几层；请检查括号是否成对、缩进是否一层层越缩越多。",
                  line, column)


def _too_long(line: int, column: int, digits: int) -> Excess:
    return Excess("GK111", f"数字太长（{digits} 位）",
                  "页数、份数等写实际的数字；若这是编号或号码，请加引号写成文字，如 \"0123…\"。", line, column)
