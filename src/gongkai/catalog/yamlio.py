"""YAML in two speeds: a fast Rust parser for data, ruamel for positions, both YAML 1.2 and in agreement.

The fast path (yaml-rs) reads every file; the positional path (ruamel round-trip) is used only for files that
have findings, to give each one its line and column, and to explain broken YAML in Chinese.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml_rs
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent

from gongkai.catalog.invisible import has_invisible, remove
from gongkai.catalog.limits import Excess, check_limits, holds_huge_number, too_long_number
from gongkai.catalog.skipped import windows_path_hint

_LIMITS = yaml_rs.AliasLimits(max_total_replayed_events=20_000, max_replay_stack_depth=16)
_ANCHOR_LIKE = re.compile(r"(?:^|[\s\[{,:-])[&*][^\s*]", re.MULTILINE)
# A number that starts with its point and has an exponent (.5e1, -.0E0): YAML 1.2 reads a float, ruamel text unless the
# exponent has a sign. Such a file is read by ruamel alone, so that the two paths never disagree on a value.
_POINT_EXPONENT = re.compile(r"(?<![0-9A-Za-z_.])[-+]?\.[0-9][0-9_]*[eE]")


@dataclass(frozen=True)
class YamlProblem:
    """Broken YAML, explained: code, Chinese message and hint, 1-based position."""

    code: str
    message: str
    hint: str
    line: int
    column: int


class YamlFailure(Exception):
    """Raised by the parsers with the explained problem."""

    def __init__(self, problem: YamlProblem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _TextDates(RoundTripConstructor):
    """Dates stay text, as in the fast path; the models parse them. A subclass, so ruamel's own class is untouched."""


_TextDates.add_constructor("tag:yaml.org,2002:timestamp", lambda c, node: c.construct_scalar(node))


# A key whose value is a block of text on the lines below it (「正文: |」, 「备注: >-」), a comment allowed after it.
BLOCK_START = re.compile(r"[:：]\s*[|>][-+0-9]*\s*(#.*)?$")


# What a clerk's editor puts at the start of a line that YAML does not take for indentation (a no-break space comes
# with text copied from a web page or Word: the key is then read as text and the error falls on a later line).
_ODD_INDENT = {
    "\u3000": ("行首用了全角空格「　」缩进", "缩进只能用半角空格（英文输入法下的空格键），请删除全角空格后重新缩进；gongkai fmt 可自动改正。"),
    "\u00a0": ("行首用了不间断空格缩进（从网页、Word 复制来的，看起来和空格一样）",
               "缩进只能用半角空格：删去行首的这些空格，用空格键重新缩进；gongkai fmt 可自动改正。"),
}
INDENT_SPACES = " \t\u3000\u00a0"  # the characters a line's indentation may be typed with, for prescan and fmt
# A Tab typed after a key's colon to line the values up (「公开方式:\t主动」): the fast parser takes it, ruamel does not,
# and every other finding of the file then pointed at line 1 (it could not be placed). Found here, each at its column.
_TAB_AFTER_KEY = re.compile(r"^[ ]*(?:-[ ]+)*(?:[^\s#'\"\[{][^#\t'\"]*?|\"[^\"\n]*\"|'[^'\n]*')[ ]*:(?=\t)")
_SPACE_NAME = {"\t": "制表符（Tab）", "\u3000": "全角空格「　」", "\u00a0": "不间断空格（从网页、Word 复制来的）"}


# 「键: 值」 (after 「- 」 marks, if any): where the key starts, and whether the value is on the line (a nested block or
# a 「|」 text opens below a key without one).
_KEY_LINE = re.compile(r"""^((?:[ \t]*-[ \t]+)*[ \t]*)([^\s#'"\[{:-][^:#]*?|"[^"]*"|'[^']*'):(?:[ \t]+(.*))?$""")


def _key_at(line: str) -> tuple[int, bool] | None:
    """(column where the key of a 「键: 值」 line starts, True when its value is on this line); None for other lines."""
    found = _KEY_LINE.match(line)
    if found is None:
        return None
    value = (found.group(3) or "").split(" #")[0].strip()
    return len(found.group(1)), bool(value) and BLOCK_START.search(line) is None


def aligned_indent(previous: str | None, line: str) -> int | None:
    """The indentation a key *line* must have when it is indented deeper than the key of the *previous* line (None: the
    first line of the file) although that key has its value on its own line, so nothing can nest under it: 「索引号: …」
    then 「⇥文种: 公示」. None when *line* is no such key."""
    here = _key_at(line)
    if here is None:
        return None
    above = _key_at(previous) if previous is not None else (0, True)
    return above[0] if above is not None and above[1] and here[0] > above[0] else None


def child_indent(previous: str | None, line: str, following: str | None) -> int | None:
    """The indentation the first key *line* under a key with nothing after its colon (「保密审查:」) must have when its
    converted indentation (「　　审查人」: two full-width spaces, four columns) is deeper than the lines *following*
    it in half-width spaces (「  审查日期」): YAML takes the first child's indentation for all of them. None otherwise."""
    here, above = _key_at(line), _key_at(previous) if previous is not None else None
    if here is None or above is None or above[1] or BLOCK_START.search(previous or "") or following is None:
        return None
    after = len(following) - len(following.lstrip(" "))
    if following[after:after + 1] in ("", "\t", "\u3000", "\u00a0") or _key_at(following) is None:
        return None
    return after if above[0] < after < here[0] else None


def over_indented(text: str, line: int) -> tuple[int, bool] | None:
    """The first key line up to *line* indented deeper than its level allows (aligned_indent), outside 「|」 texts,
    and whether it is the file's first."""
    previous: str | None = None
    block: int | None = None
    for number, written in enumerate(text.split("\n")[:line], start=1):
        content = written.strip(" \t")
        indent = len(written) - len(written.lstrip(" \t"))
        if not content or content.startswith("#") or (block is not None and indent > block):
            continue
        block = indent if BLOCK_START.search(written) else None
        if aligned_indent(previous, written.replace("\t", "  ")) is not None:
            return number, previous is None
        previous = written.replace("\t", "  ")
    return None


def blank_line_odd_space(line: str, inner: int) -> int | None:
    """Where a blank-looking line of a block of text (正文: |) holds a tab, full-width or no-break space before the
    block's indentation *inner* (an empty paragraph pasted from Word): YAML ends the block there and fails."""
    odd = len(line) - len(line.lstrip(" "))
    return odd if odd < len(line) and odd < inner else None


def unindented_text_line(line: str, block: int, inner: int | None) -> int | None:
    """Where a line of a block of text (正文: |, opened by a key indented *block*; *inner*: the text's indentation, None
    before its first line) starts with a tab, full-width or no-break space before it has the half-width spaces YAML
    counts: a paragraph pasted from Word (「　　经审核……」) or indented with Notepad's Tab. YAML ends the text above it and
    fails. None for other lines, and for a 「键: 值」 line or a comment, which do end the text as YAML reads it."""
    spaces = len(line) - len(line.lstrip(" "))
    if spaces >= (inner if inner is not None else block + 1) or line[spaces:spaces + 1] not in _SPACE_NAME:
        return None
    content = line.lstrip(INDENT_SPACES)
    return None if not content or content.startswith(("#", "＃")) or _key_at(content) is not None else spaces


def text_key_column(line: str) -> int | None:
    """The column (from 0) of the key whose block of text *line* opens (「正文: |」, 「  - 说明: >」): lines of the text
    are indented deeper than it. None for a block whose indentation is written (「|2」): its first line may be deeper."""
    if _INDENT_GIVEN.search(line):
        return None
    found = _key_at(line)
    return found[0] if found is not None else len(line) - len(line.lstrip(" "))


_INDENT_GIVEN = re.compile(r"[|>][-+]?[1-9]")


def short_text_line(line: str, key: int, inner: int | None) -> bool:
    """Whether *line*, in a block of text whose key is at column *key* and whose first line is indented *inner*, is
    indented less than that line and more than the key: a space deleted in Notepad. YAML ends the text above it and
    fails; the line is text all the same. Not a 「键: 值」 line: a key indented wrongly is no line of the text."""
    spaces = len(line) - len(line.lstrip(" "))
    content = line.strip(INDENT_SPACES)
    return inner is not None and key < spaces < inner and bool(content) and _key_at(content) is None


def short_text(text: str, line: int) -> tuple[int, int, int] | None:
    """(line, spaces, the text's indentation) of the first line up to *line* + 1 that short_text_line finds."""
    key: int | None = None
    inner: int | None = None
    for number, written in enumerate(text.split("\n")[:line + 1], start=1):
        spaces = len(written) - len(written.lstrip(" "))
        if key is not None and not written.strip():
            continue
        if key is not None and short_text_line(written, key, inner):
            return number, spaces, inner  # type: ignore[return-value]
        if key is not None and spaces > key:
            inner = spaces if inner is None else inner
            continue
        key = text_key_column(written) if BLOCK_START.search(written) and not written.lstrip().startswith("#") else None
        inner = None
    return None


def _unindented_text(line: str, number: int, block: int, inner: int | None) -> YamlProblem | None:
    """GK006/GK007 for a line of a block of text that unindented_text_line finds: the spaces fmt puts before it."""
    odd = unindented_text_line(line, block, inner)
    if odd is None:
        return None
    typed = _SPACE_NAME[line[odd]]
    return YamlProblem("GK007" if line[odd] == "\t" else "GK006",
                       f"多行文字的这一行以{typed}开头，前面没有半角空格：YAML 不把它算作缩进，读到这里文字就断了",
                       f"在这一行行首加上 {inner if inner is not None else block + 2} 个半角空格，与多行文字的其他行对齐；"
                       f"{typed}作为段首缩进照原样留在文字里。gongkai fmt 可自动改正。", number, odd + 1)


def _round_trip() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _TextDates
    yaml.allow_duplicate_keys = False
    return yaml


def prescan(text: str) -> list[YamlProblem]:
    """Found before parsing, with exact positions: indentation made of tabs or full-width spaces, a tab after a key's
    colon, nesting too deep, numbers too long."""
    excess = check_limits(text, numbers=False)
    if excess is not None:
        return [_problem(excess)]
    if ("\n---" in text or "\n..." in text) and (second := second_document(text)):
        return [second]
    if "\\" in text and (path := quoted_windows_path(text)):
        return [path]
    problems: list[YamlProblem] = []
    if "\t" not in text and "\u3000" not in text and "\u00a0" not in text:
        return problems
    block: int | None = None  # the indentation of the key that opened a block scalar (正文: |)
    inner: int | None = None  # the block's own indentation, from its first line
    previous: str | None = None  # the last line with content outside 「|」 texts (tabs as two spaces)
    for number, line in enumerate(text.split("\n"), start=1):
        spaces = len(line) - len(line.lstrip(" "))
        if block is not None:
            if not line.strip(INDENT_SPACES):  # a blank line belongs to the block, if nothing but spaces leads it
                if (odd := blank_line_odd_space(line, inner if inner is not None else block + 1)) is not None:
                    problems.append(YamlProblem(
                        "GK007" if line[odd] == "\t" else "GK006", f"多行文字中的空行里有{_SPACE_NAME[line[odd]]}",
                        "YAML 不认它作空行，读到这里就断了：把这一行清空（删去其中的空格）；gongkai fmt 可自动改正。",
                        number, odd + 1,
                    ))
                continue
            if (unindented := _unindented_text(line, number, block, inner)) is not None:
                problems.append(unindented)
                continue
            inner = spaces if inner is None and spaces > block else inner
            if inner is not None and spaces >= inner:
                continue  # the block's text: a paragraph starting 「　　」 or a tab (pasted from Word) is content
            block = inner = None
        if BLOCK_START.search(line):
            block = spaces
        indent = len(line) - len(line.lstrip(INDENT_SPACES))
        for column, char in enumerate(line[:indent], start=1):
            if char in _ODD_INDENT:
                problems.append(YamlProblem("GK006", *_ODD_INDENT[char], number, column))
                break
            if char == "\t":
                deeper = aligned_indent(previous, line.replace("\t", "  ")) is not None
                fix = ("文件的第一个键顶格写：删去行首的 Tab" if previous is None else
                       "这一行的键与上一行的键是同一层：删去行首的 Tab，与上一行的键对齐") if deeper else \
                    "YAML 只能用空格缩进：把 Tab 换成两个半角空格"
                problems.append(YamlProblem("GK007", "行首用了制表符（Tab）缩进", f"{fix}；gongkai fmt 可自动改正。",
                                            number, column))
                break
        if "\t" in line and (colon := _TAB_AFTER_KEY.match(line)) is not None:
            problems.append(YamlProblem("GK007", "冒号后面用了制表符（Tab）", "键名后面是半角冒号和一个半角空格：把 Tab 换成一个"
                                        "半角空格（对齐用的 Tab 都删去）；gongkai fmt 可自动改正。", number, colon.end() + 1))
        if line.strip(INDENT_SPACES) and not line.lstrip(INDENT_SPACES).startswith("#"):
            previous = line.replace("\t", "  ")
    return problems


_DOCUMENT_MARKER = re.compile(r"^(---|\.\.\.)(?=[ \t]|$)", re.MULTILINE)


# A value in double quotes on one line (「文件: "files\\2026\\通知.pdf"」, 「- "C:\\Users\\…"」), its key if any.
_DOUBLE_QUOTED = re.compile(r"""^[ ]*(?:-[ ]+)*(?:([^\s#'"\[{:-][^:#]*?):[ ]+)?"((?:[^"\\\n]|\\.)*)"[ ]*(?:#.*)?$""")
# Each escape of a double-quoted value, left to right; one of a letter, digit or 汉字 is a backslash between two parts
# of a name, not one of the escapes a file means (\u200b, \x0b, \U0001F600, \", \\)
_ESCAPE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|[0-9A-Za-z\u3400-\u9fff]|.)")
# A path as Windows writes it: a drive (C:\), a share (\\server), a relative start, or a file's extension at the end
_WINDOWS_PATH = re.compile(r"^(?:[A-Za-z]:\\|\\\\|\.{1,2}\\|files\\)|\.[A-Za-z][A-Za-z0-9]{1,4}$", re.IGNORECASE)


def quoted_windows_path(text: str) -> YamlProblem | None:
    """A Windows path (「C:\\Users\\张三\\通知.pdf」, 「files\\2026\\名单.xlsx」) written in double quotes, where YAML
    reads each backslash as an escape: 「\\a」 becomes an invisible character (that fmt then removed: 「filesbc.pdf」),
    「\\U」 or 「\\2」 an error about escapes the clerk never meant. At the first backslash, with the value to write."""
    block: int | None = None  # the indentation of the key that opened a 「|」 text: its lines are literal
    for number, line in enumerate(text.split("\n"), start=1):
        indent = len(line) - len(line.lstrip(" "))
        if block is not None and (not line.strip() or indent > block):
            continue
        block = indent if BLOCK_START.search(line) else None
        found = _DOUBLE_QUOTED.match(line) if "\\" in line else None
        if found is None or not _WINDOWS_PATH.search(value := found.group(2)):
            continue
        backslash = next((e for e in _ESCAPE.finditer(value) if len(e.group(1)) == 1 and e.group(1).isalnum()), None)
        if backslash is None:
            continue
        hint = windows_path_hint((found.group(1) or "").strip(), value)
        return YamlProblem("GK001", "双引号里写了 Windows 路径：反斜杠「\\」在双引号中是转义符，"
                           f"「{value[backslash.start():backslash.end()]}」会被读成别的字符（或读不出来）",
                           hint, number, found.start(2) + backslash.start() + 1)
    return None


def second_document(text: str) -> YamlProblem | None:
    """A 「---」 or 「...」 line after the file's content: YAML starts another document there (two records pasted into
    one file, or a Markdown rule at the start of a line in 正文), which a one-document reader refuses or drops."""
    for marker in _DOCUMENT_MARKER.finditer(text):
        before = text[:marker.start()].split("\n")
        if any(line.strip() and not line.lstrip().startswith(("#", "%")) and not _DOCUMENT_MARKER.match(line)
               for line in before):
            after = text[marker.end():].split("\n")[1:]
            if marker.group(1) == "..." and not any(line.strip() and not line.lstrip().startswith("#") for line in after):
                return YamlProblem("GK001", "「...」是 YAML 的文档结束符，目录文件中不用它（后面的内容都不会读到）",
                                   "删去这一行；若是正文里的省略号或分隔线，要和正文一样缩进。", len(before), 1)
            return YamlProblem("GK001", f"「{marker.group(1)}」在这里开始了另一份内容（YAML 的另一个文档），一个文件只能写一份",
                               "删去这一行；若后面是另一条信息，请把它移到自己的文件中（一个文件一条）；正文里的分隔线"
                               "要和正文一样缩进。", len(before), 1)
    return None


def refuse_aliases(text: str) -> None:
    """YamlFailure (GK005) when *text* holds an anchor or an alias, which catalog files may not: a few lines of them
    stand for hundreds of millions of values in a reader that writes them out (fmt's round trip)."""
    if ("&" in text or "*" in text) and _ANCHOR_LIKE.search(text):
        _reject_aliases(text)


def refuse_before_round_trip(text: str) -> None:
    """YamlFailure when *text* must not reach a round trip (fmt's ruamel): nesting deeper than the limit or a number
    too long (GK014, GK111: ruamel recurses once per level, 10,000 levels took 18 s before failing), a second document
    (GK001), or an anchor or alias (GK005)."""
    excess = check_limits(text)
    if excess is not None:
        raise YamlFailure(_problem(excess))
    if ("\n---" in text or "\n..." in text) and (second := second_document(text)):
        raise YamlFailure(second)  # 「...」 at the end: the round trip keeps it, validate refuses it (GK001)
    if "\\" in text and (path := quoted_windows_path(text)):
        raise YamlFailure(path)  # its escapes would be written out as what they mean: 「filesbc.pdf」
    refuse_aliases(text)


def parse_fast(text: str) -> Any:
    """Parse with yaml-rs; on any problem, re-parse positionally to explain it."""
    refuse_aliases(text)
    if "." in text and _POINT_EXPONENT.search(text):
        return to_plain(parse_positional(text))
    try:
        tree = yaml_rs.loads(text, parse_datetime=False, alias_limits=_LIMITS)
    except (yaml_rs.YAMLDecodeError, ValueError, RecursionError):
        if (excess := check_limits(text)) is not None:  # before ruamel, which takes seconds to fail on 10,000 levels
            raise YamlFailure(_problem(excess)) from None
        parse_positional(text)
        raise YamlFailure(_unexplained(text)) from None
    if holds_huge_number(tree, text):
        raise YamlFailure(_problem(too_long_number(text)))
    return tree


def parse_positional(text: str) -> Any:
    """Parse with ruamel round-trip: the result carries line and column of every key and value."""
    try:
        return _round_trip().load(text)
    except MarkedYAMLError as exc:
        raise YamlFailure(explain(exc, text)) from None
    except (YAMLError, ValueError, RecursionError):
        raise YamlFailure(_unexplained(text)) from None


_CONFLICT = re.compile(r"^(<{7}|={7}|>{7})(?: |$)", re.MULTILINE)


def _conflict_line(text: str, line: int) -> YamlProblem | None:
    """A git merge left its markers in the file (a catalog mid-merge): that, at the first marker up to *line*."""
    found = _CONFLICT.search(text)
    number = text.count("\n", 0, found.start()) + 1 if found else 0
    if found is None or number > line + 1:
        return None
    return YamlProblem("GK001", "git 合并（merge）没有完成，这里留着冲突标记「<<<<<<<」",
                       "保留要的内容，删去 <<<<<<<、=======、>>>>>>> 这三行，然后 git add 并 git commit 完成合并", number, 1)


# 「\ud83d」 alone (half of a JSON-style pair), 「\U00110000」: escapes of no character, which ruamel lets through
_NO_CHARACTER = re.compile(r"(?<!\\)(?:\\\\)*(\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
                           r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\U[0-9a-fA-F]{8})")


def _no_character(text: str) -> YamlProblem | None:
    """The first escape in *text* that writes no character, where it is."""
    for found in _NO_CHARACTER.finditer(text):
        escape = found.group(1)
        if escape[1] == "U" and int(escape[2:], 16) <= 0x10FFFF:
            continue
        line = text.count("\n", 0, found.start(1)) + 1
        column = found.start(1) - (text.rfind("\n", 0, found.start(1)) + 1) + 1
        return YamlProblem("GK001", f"双引号中的转义「{escape}」不是一个字符（Unicode 没有这个编号，或只是半个「代理对」）",
                           "删去这个转义，直接写出要的字符；从网页或程序复制来的 \\ud83d\\ude00 这样成对的要两个一起写。",
                           line, column)
    return None


def _unexplained(text: str) -> YamlProblem:
    """A parser failed without saying where (its English is never shown): name a broken limit, else say so."""
    if "\\" in text and (escape := _no_character(text)):
        return escape
    excess = check_limits(text)
    if excess is None and (conflict := _conflict_line(text, text.count("\n") + 1)):
        return conflict
    return _problem(excess) if excess is not None else YamlProblem("GK001", "YAML 格式错误", "请检查缩进、冒号和引号。", 1, 1)


def _problem(excess: Excess) -> YamlProblem:
    return YamlProblem(excess.code, excess.message, excess.hint, excess.line, excess.column)


def _reject_aliases(text: str) -> None:
    try:
        for event in YAML(typ="rt").parse(text):
            anchor = getattr(event, "anchor", None)
            if isinstance(event, AliasEvent) or anchor:
                mark = event.start_mark
                raise YamlFailure(YamlProblem(
                    "GK005", "目录文件不能使用锚点（&）和别名（*）",
                    "请把要重复的内容直接写出来；若值本身以 & 或 * 开头，请给整个值加引号。",
                    mark.line + 1, mark.column + 1,
                ))
    except MarkedYAMLError as exc:
        raise YamlFailure(explain(exc, text)) from None
    except (YAMLError, ValueError, RecursionError):
        raise YamlFailure(_unexplained(text)) from None


def to_plain(node: Any) -> Any:
    """ruamel's round-trip objects as plain Python values, equal to what the fast path returns."""
    if isinstance(node, dict):
        return {to_plain(k): to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node


_EXPLANATIONS: tuple[tuple[str, str, str, str], ...] = (
    ("found duplicate key", "GK004", "同一个键写了两次", "删除重复的一行，或把两处内容合并到一个键下。"),
    ("cannot start any token", "GK007", "这里有不能出现的字符（常见为制表符 Tab 或 @、` 开头的值）",
     "用空格代替 Tab；若值以 @ 或 ` 开头，请给整个值加引号。"),
    ("found undefined alias", "GK005", "用了未定义的别名（*）", "若值以 * 开头，请给整个值加引号。"),
    ("while scanning a quoted scalar", "GK001", "引号没有闭合", "检查这一行开始的引号，成对补齐（\" \" 或 ' '）。"),
    ("mapping values are not allowed here", "GK001", "这里不能出现冒号加空格「: 」",
     "若值中含有「: 」，请给整个值加引号；若是缩进错了，请与上一行的键对齐。"),
    ("could not find expected ':'", "GK001", "缺少冒号，或缩进不对", "每个键后面要有半角冒号和一个空格，如「题名: ……」。"),
    ("expected ',' or ']'", "GK001", "这里开始的方括号列表没有闭合或格式不对", "列表写成 [甲, 乙]：用半角逗号分隔，最后补上 ]。"),
    ("expected ',' or '}'", "GK001", "这里开始的花括号没有闭合或格式不对", "写成 {键: 值, 键: 值}，最后补上 }。"),
    ("expected <block end>", "GK001", "缩进不一致", "同一层的键要左对齐，子项比上一层多缩进两个空格。"),
    ("did not find expected key", "GK001", "缩进不一致", "同一层的键要左对齐，子项比上一层多缩进两个空格。"),
    ("did not find expected '-' indicator", "GK001", "列表缩进不一致", "同一个列表的每一项「- 」要左对齐。"),
    ("found unexpected end of stream", "GK001", "文件意外结束（引号或括号没有闭合）", "检查引号和括号是否成对。"),
    ("found unknown escape character", "GK001", "双引号中有无效的反斜杠转义", "把双引号换成单引号，或把 \\ 写成 \\\\。"),
)


# Errors about something left open: ruamel reports them where it gave up (often lines later, or the end of the file).
# A key without its colon (「公开依据：」 above its list, 「＃ 备注」, 「页数 1」) is one of them: the parser notices only
# at the next key, after the lines that followed it; the key starts where the user must look.
_OPENED_AT = ("while parsing a flow", "while scanning a quoted scalar", "while scanning a double-quoted scalar",
              "while scanning a single-quoted scalar", "while scanning a simple key")


def explain(exc: MarkedYAMLError, text: str) -> YamlProblem:
    """A ruamel error as a Chinese problem at the line and column where it happened."""
    mark = exc.problem_mark or exc.context_mark
    if exc.context_mark is not None and (exc.context or "").startswith(_OPENED_AT):
        mark = exc.context_mark  # the parser notices only where the text ends; the user left it open here
    line = mark.line + 1 if mark else 1
    column = mark.column + 1 if mark else 1
    raw = f"{exc.context or ''} {exc.problem or ''}"
    code, message, hint = "GK001", "YAML 格式错误", "请检查缩进、冒号和引号。"
    for needle, c, m, h in _EXPLANATIONS:
        if needle in raw:
            code, message, hint = c, m, h
            break
    if "expected a single document" in raw and (second := second_document(text)):
        return second
    fullwidth = _fullwidth_colon_line(text, line)
    odd_space = _odd_space_line(text, line)
    opened = _open_quote_line(text, line)
    conflict = _conflict_line(text, line)
    if conflict:
        return conflict
    if code == "GK001" and (short := short_text(text, line)) is not None:
        line, spaces, inner = short  # 「  申请条件如下：」 above: not 「用了全角冒号」, not a key
        return YamlProblem(code, "多行文字的这一行比上面的文字缩进得少：YAML 读到这里认为文字已经结束",
                           f"这一行行首要有 {inner} 个半角空格（现在是 {spaces} 个），与上面的文字对齐；"
                           "gongkai fmt 可自动改正。", line, spaces + 1)
    if code == "GK001" and "mapping values are not allowed" in raw and (above := _key_without_colon(text, line)):
        line, column = above  # 「  审查人 张三」 above 「  审查日期: …」: the parser took both for one value
        lines = text.split("\n")
        written = lines[line - 1].strip().removeprefix("- ").strip()
        colon = ":" in written  # 「编号:R2026-001」, else 「审查人 张三」
        key, _, value = written.partition(":" if colon else " ")
        message = "冒号后面缺少空格" if colon else "缺少冒号"
        if value.strip():
            hint = f"键后面要有半角冒号和一个空格：写成「{key.strip()}: {value.strip()}」" + \
                ("；gongkai fmt 可自动改正。" if colon else "。")
        elif column <= len(lines[line]) - len(lines[line].lstrip(" ")):  # the lines below are indented under it
            hint = f"键后面要有半角冒号：写成「{key.strip()}:」，下面缩进的各行属于它。"
        else:  # 「  审查人」 left half-typed
            hint = f"每个键后面要有半角冒号和一个空格：写成「{key.strip()}: ……」（冒号后面写上值）。"
    if code == "GK001" and "could not find expected ':'" in raw and (bare := _bare_key(text, line)):
        column, message, hint = bare  # 「文种 通知」, 「页数」 left half-typed: the line itself, not 「或缩进不对」
    if code == "GK007" and _tab_for_colon(text, line) and (bare := _bare_key(text, line)):
        message, hint = "键后面是制表符（Tab），缺少冒号", bare[2]  # 「文种⇥通知」: not 「用空格代替 Tab」
    if code == "GK001" and (dash := _fullwidth_dash(text, line)):
        line, column = dash
        message = f"列表项前的「{text.split(chr(10))[line - 1].strip()[0]}」是全角符号，YAML 不认作列表"
        hint = "列表每项以半角减号加空格「- 」开头（英文输入法下输入）；gongkai fmt 可自动改正。"
    elif code == "GK001" and (hash_at := _fullwidth_hash(text, line, "mapping values are not allowed" in raw)):
        starts = hash_at[0] == line  # a line of its own (fmt mends it); else the value of the key above
        line, column = hash_at
        message = "全角井号「＃」不是注释符号，YAML 把它和后面的文字当作了内容"
        hint = "注释要用半角井号「#」（英文输入法下输入）：把「＃」改成「#」，或删去「＃」和它后面的文字" + \
            ("；gongkai fmt 可自动改正。" if starts else "。")
    elif code == "GK001" and fullwidth:
        line, column = fullwidth
        message, hint = "用了全角冒号「：」", "键和值之间要用半角冒号加一个空格，如「题名: ……」，请在英文输入法下输入冒号。"
    elif code == "GK001" and odd_space:
        line, column = odd_space
        message = "冒号后面是全角空格或不间断空格，YAML 不认它作分隔，把这一行读成了一段文字"
        hint = "冒号后面要用半角空格（英文输入法下的空格键）：删去这个空格，重新输入一个半角空格；gongkai fmt 可自动改正。"
    elif code == "GK001" and opened:
        line, column = opened
        message, hint = "引号没有闭合", "在这一行的末尾补上同样的引号（\" 或 '）。"
    elif code == "GK001" and message in ("YAML 格式错误", "缩进不一致") and (special := _special_start(text, line)):
        column, message, hint = special
    elif code == "GK004":
        message = _duplicate_message(raw, text, line, column)
    elif code == "GK001" and message in ("YAML 格式错误", "缩进不一致", "这里不能出现冒号加空格「: 」") and \
            (deeper := over_indented(text, line)):
        line, column = deeper[0], 1
        message, hint = _OVER_INDENTED[deeper[1]]
    if message == "引号没有闭合" and (closed := _closed_by_input_method(text.split("\n")[line - 1], column)):
        column, message, hint = closed  # 「题名: "……的通知”」, 「公开渠道: ["政府网站”, …]」
    return YamlProblem(code, message, hint, line, column)


_OVER_INDENTED = {
    True: ("文件的第一个键前面有空格（缩进了）", "文件的第一个键顶格写：删去行首的空格（或 Tab）。"),
    False: ("这一行的键比上一行的键多缩进了，上一行的键已经有值，不能再有下一层",
            "同一层的键要左对齐：删去行首多出的空格（或 Tab），与上一行的键对齐。"),
}


# A value after 「键: 」 or 「- 」 that starts with a character YAML reads as its own sign, text following it:
# 「题名: [转发]关于……」 (a list, then text), 「题名: "低保"工作方案」 (a quoted value, then text), 「文号: -」, 「|关于」.
_SPECIAL_VALUE = re.compile(r"""^(\s*(?:-\s+)?[^\s:#'"\[{][^:#]*?:\s+|\s*-\s+)([\[\]{}"'!|>?-].*?)\s*$""")
_SPECIAL_SAID = {"[": "YAML 把「[…]」读成了列表", "{": "YAML 把「{…}」读成了「键: 值」",
                 '"': "YAML 只把引号里的文字读作值", "'": "YAML 只把引号里的文字读作值"}


def _special_start(text: str, line: int) -> tuple[int, str, str] | None:
    """Column, message and hint for a value on *line* that YAML cannot read because of the sign it starts with."""
    lines = text.split("\n")
    found = _SPECIAL_VALUE.match(lines[line - 1]) if 1 <= line <= len(lines) else None
    if found is None:
        return None
    lead, value = found.groups()
    sign = value[0]
    quoted = f"'{value}'" if "'" not in value else f'"{value}"' if '"' not in value else "'" + value.replace("'", "''") + "'"
    fix = f"给整个值加引号：写成「{lead.strip()} {quoted}」。"
    if sign == "-" and value[1:2] in ("", " "):
        return (len(lead) + 1, "「- 」只能写在一行的开头（列表每项一行），不能跟在「键: 」后面",
                "列表的每一项另起一行，以「- 」开头，比键多缩进两个空格；若值本身就是「-」或以「- 」开头，" + fix)
    said = _SPECIAL_SAID.get(sign, f"「{sign}」在 YAML 中是特殊符号")
    return len(lead) + 1, f"值以「{sign}」开头，{said}，后面的文字就接不上了", fix


def _duplicate_message(raw: str, text: str, line: int, column: int) -> str:
    """Which key is written twice, and the line of its first occurrence (at the same indentation, above)."""
    found = re.search(r'found duplicate key "(.*?)"', raw)
    if found is None:
        return "同一个键写了两次"
    key = found.group(1)
    lines = text.split("\n")[: line - 1]
    pattern = re.compile(r"^\s{" + str(column - 1) + r"}(?:-\s+)?" + re.escape(key) + r"\s*:")
    first = next((n for n in range(len(lines), 0, -1) if pattern.match(lines[n - 1])), None)
    return f"键「{key}」写了两次" + (f"（第{first}行已有）" if first else "")


_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:#'"][^:#]*:\s+)?(["'])(?:(?!\1).)*$""")


# The quote a Chinese input method types for each of YAML's: 「"低保”」 is closed on screen, not for YAML.
_TWIN_QUOTES = {'"': ("“", "”", "＂"), "'": ("‘", "’", "＇")}


def _closed_by_input_method(written: str, column: int) -> tuple[int, str, str] | None:
    """Column, message and hint when the quote opened at *column* of *written* is closed, where its value ends (the end
    of the line, or 「,」「]」「}」 in a list), by its Chinese twin: 「题名: "关于……的通知”」, 「["政府网站”, 公示栏]」.
    Adding one more 「"」 (the usual fix) would keep 「”」 in the value. A 「”」 closing a 「“」 inside the value
    (「"关于“双随机”」) is the value's own."""
    quote = written[column - 1] if 1 <= column <= len(written) else ""
    if quote not in _TWIN_QUOTES:
        return None
    opening, closing, full_width = _TWIN_QUOTES[quote]
    for found in re.finditer(rf"[{closing}{full_width}](?=\s*(?:$|[,\]}}]))", written[column:]):
        last, before = found.group(), written[column:column + found.start()]
        if last == closing and before.count(opening) > before.count(closing):
            continue
        return (column + found.start() + 1,
                f"引号没有闭合：开头是半角引号「{quote}」，结尾的「{last}」是中文输入法打出的引号，YAML 不认它作闭合",
                f"把结尾的「{last}」改成半角的「{quote}」（英文输入法下输入），前后两个引号要一样；不要在后面再补一个引号，"
                f"否则「{last}」会成为值的一部分。")
    return None


def _open_quote_line(text: str, line: int) -> tuple[int, int] | None:
    """The last line up to *line* whose value opens a quote it does not close: where a quoted value was left open."""
    lines = text.split("\n")[:line]
    for number in range(len(lines), 0, -1):
        match = _OPEN_QUOTE.match(lines[number - 1])
        if match:
            return number, match.start(1) + 1
    return None


def _key_without_colon(text: str, line: int) -> tuple[int, int] | None:
    """The line just above *line*, at its indentation or (the key of the block *line* opens: 「机关」 above 「  名称: …」
    as a mapping's first key) less, that holds no colon at all: a key whose colon was left out."""
    lines = text.split("\n")
    if not 2 <= line <= len(lines):
        return None
    here, above = lines[line - 1], lines[line - 2]
    indent = len(here) - len(here.lstrip(" "))
    content = above.lstrip(" ")
    if content.startswith("- "):  # 「  - 名称 社会救助」 above 「    代码: SHJZ」: the item's first key
        content = content[1:].lstrip(" ")
    if not content or len(above) - len(content) > indent or content[0] in "#-'\"[{":
        return None
    if "：" in above or re.search(r":(\s|$)", above):
        return None  # a colon that YAML reads: not this
    glued = above.find(":")  # 「编号:R2026-001」: YAML reads key and value as one word without the space
    return (line - 1, glued + 2) if glued >= 0 else (line - 1, len(above) - len(content) + 1)


_TAB_FOR_COLON = re.compile(r"^ *[^\s:#'\"\[{|>&*!%@`-][^\s:]*\t+\S")


def _tab_for_colon(text: str, line: int) -> bool:
    """Whether *line* is a word, a Tab and more where a key and its colon belong (「文种⇥通知」), not the next line of
    the value above it (「不予公开理由: 内部事务信息」 then 「  LIST-2026⇥7」, indented under a key with its value)."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines) or not _TAB_FOR_COLON.match(lines[line - 1]):
        return False
    above = next((x for x in reversed(lines[:line - 1]) if x.strip() and not x.lstrip().startswith("#")), None)
    key = _key_at(above) if above is not None else None
    indent = len(lines[line - 1]) - len(lines[line - 1].lstrip(" "))
    return not (key is not None and key[1] and indent > key[0])


def _bare_key(text: str, line: int) -> tuple[int, str, str] | None:
    """Column, message and hint for *line* when it is a word (and what follows) without any colon YAML reads: a key
    whose colon was left out (「文种 通知」, a line left half-typed 「页数」), or a value the user broke onto a line of
    its own (「题名: 关于调整」 then 「低保标准的通知」 at the left edge)."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    written = lines[line - 1].rstrip("\r")
    content = written.lstrip()
    if not content or content[0] in "#-'\"[{|>&*!%@`" or "：" in content or re.search(r":(\s|$)", content):
        return None
    key, value = (re.split(r"\s+", content.rstrip(), maxsplit=1) + [""])[:2]
    glued = key.find(":")  # 「编号:R2026-001」
    if glued > 0:
        key, value = key[:glued], key[glued + 1:] + (" " + value if value else "")
    column = len(written) - len(content) + 1 + (glued + 1 if glued > 0 else 0)
    wanted = f"「{key}: {value}」" if value else f"「{key}: ……」（冒号后面写上值）"
    hint = f"每个键后面要有半角冒号和一个空格：写成{wanted}。"
    above = re.match(r"\s*(?:-\s+)?([^\s:#'\"\[{][^:#]*?):[ \t]+[^\s|>#'\"\[{]", lines[line - 2]) if line >= 2 else None
    if above and not value:
        hint = f"这一行若是上一行「{above.group(1).strip()}」的值没写完、换了行，把它接到上一行的末尾；若是一个键，" + \
            hint.removeprefix("每个键后面要有半角冒号和一个空格：")
    return column, ("冒号后面缺少空格" if glued > 0 else "缺少冒号"), hint


FULL_WIDTH_DASH = re.compile("^( *)[－—–](?=[ \u3000])")  # 「－ 名称: …」: a list item typed in Chinese input mode


def _fullwidth_dash(text: str, line: int) -> tuple[int, int] | None:
    """The line at or just above *line* that starts a list item with a full-width dash: line and column."""
    lines = text.split("\n")
    for number in (line, line - 1):
        if 1 <= number <= len(lines) and (match := FULL_WIDTH_DASH.match(lines[number - 1])):
            return number, match.end()  # the dash: its 0-based end is its 1-based column
    return None


def _fullwidth_hash(text: str, line: int, above: bool = False) -> tuple[int, int] | None:
    """Where a full-width ＃ meant as a comment (Chinese input method on) starts *line*, or (*above*: the parser
    stumbled on the nested keys below it) is all the value of the key on the line above: line and column."""
    lines = text.split("\n")
    if 1 <= line <= len(lines) and (match := re.match(r"\s*＃", lines[line - 1])):
        return line, match.end()
    if above and 2 <= line <= len(lines) and (match := re.match(r"[^#＃]*?:\s+＃", lines[line - 2])):
        return line - 1, match.end()
    return None


def _fullwidth_colon_line(text: str, line: int) -> tuple[int, int] | None:
    lines = text.split("\n")
    for number in (line, line - 1, line + 1):
        if 1 <= number <= len(lines):
            match = re.match(r"^\s*(?:-\s+)?[^\s:：#'\"][^:：#]*?：", lines[number - 1])
            if match:
                return number, match.end()
    return None


_ODD_SPACE = re.compile("^\\s*(?:-\\s+)?[^\\s:：#'\"][^:：#]*?:[\u3000\u00a0]")


def _odd_space_line(text: str, line: int) -> tuple[int, int] | None:
    """The line near *line* whose key is followed by a colon and a full-width or no-break space: YAML reads
    「公开属性:　主动公开」 as one piece of text, and complains only at a later line."""
    lines = text.split("\n")
    for number in (line - 1, line, line + 1):
        if 1 <= number <= len(lines) and (match := _ODD_SPACE.match(lines[number - 1])):
            return number, match.end()
    return None


def _written_key(mapping: CommentedMap, key: str | int) -> Any:
    """The key of *mapping* that *key* names: the same once invisible characters are out of it ("题\\u200b名" for
    题名), or a key that is no text, as pydantic names it ("None" for 「~:」, "('甲', '乙')" for 「? [甲, 乙]」)."""
    if not isinstance(key, str):
        return key
    for written in mapping:
        if isinstance(written, str):
            if has_invisible(written) and remove(written) == key:
                return written
        elif str(tuple(written) if isinstance(written, list | tuple) else written) == key:
            return written
    return key


def position(tree: Any, path: tuple[str | int, ...], prefer_key: bool = False) -> tuple[int, int]:
    """1-based (line, column) of the value (or key) at *path* in a round-trip tree; nearest parent if missing."""
    node, found = tree, (1, 1)
    for index, part in enumerate(path):
        last = index == len(path) - 1
        if isinstance(node, CommentedMap) and part not in node:
            part = _written_key(node, part)
        if isinstance(node, CommentedMap) and part in node:
            line, col = node.lc.key(part)
            if last and not prefer_key and not isinstance(node[part], (CommentedMap, CommentedSeq)):
                value_at = node.lc.value(part)
                # 「题名:」 with nothing after it: ruamel marks the empty value where the next token starts, a line below
                if node[part] is not None or value_at[0] == line:
                    line, col = value_at
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, col = node.lc.item(part)
        else:
            break
        found, node = (line + 1, col + 1), node[part]
    return found
