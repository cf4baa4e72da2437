"""Characters a person cannot see in Notepad but that break or change what is published: control characters pasted
from Word (Shift+Enter is U+000B) or an old DOS editor's Ctrl+Z, zero-width spaces from WeChat and web pages.

They are removed as the file is read (so no page, spreadsheet or XML feed ever carries one) and each line holding one
is named, with the character in words, so that the person can find it; `gongkai fmt` removes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gongkai.characters import CONTROL_CHARACTERS

# The control characters a model refuses (gongkai.characters: C0 but Tab, LF and CR; DEL and C1; U+FFFE, U+FFFF)
# but NUL, which is never taken out (a file holding one is refused as binary); soft hyphen; zero-width characters;
# line and paragraph separators (YAML 1.1 readers break lines there, 1.2 readers do not); a BOM inside the text;
# interlinear annotation marks. Not the direction controls (U+202E…): the privacy guard reads a number they show reversed (GK601, GK608),
# which removing them would hide.
# The class is written without NUL rather than guarded by a look-ahead, which would keep sre from skipping in C to
# the next candidate character (3.5 times slower over every file read).
assert CONTROL_CHARACTERS.startswith("\x00-")
_INVISIBLE = re.compile(f"[\x01{CONTROL_CHARACTERS[1:]}"
                        "\u00ad\u180e\u200b-\u200d\u2028\u2029\u2060-\u2064\ufeff\ufff9-\ufffb]")
_DOS_END = "\x1a"  # what old editors and `copy /a` put after the last line: like a BOM, dropped without a word

_NAMES = {
    "\x0b": "垂直制表符（Word 中 Shift+Enter 的手动换行，{}）", "\x0c": "换页符（Word 中的分页符，{}）",
    "\x1a": "文件结束符（Ctrl+Z，{}）", "\u200b": "零宽空格（{}）", "\u200c": "零宽不连字（{}）", "\u200d": "零宽连字（{}）",
    "\u2060": "零宽不换行空格（{}）", "\ufeff": "零宽不换行空格（文件中间的 BOM，{}）", "\u00ad": "软连字符（{}）",
    "\u2028": "行分隔符（{}）", "\u2029": "段分隔符（{}）",
}


@dataclass(frozen=True)
class Invisible:
    """A line holding characters one cannot see: 1-based line and column of the first, and each in words."""

    line: int
    column: int
    names: tuple[str, ...]

    @property
    def message(self) -> str:
        return f"这一行有看不见的字符：{'、'.join(self.names)}，读取时已删去"


HINT = ("这些字符多是从 Word、微信或网页复制时带进来的，记事本里看不见：运行 gongkai fmt 自动删去；"
        "或把光标移到所指的位置，按 Delete 删去后重新输入这一段。")


def name_of(char: str) -> str:
    """The character in words, with its code point (U+200B) so that it can be searched for."""
    code = f"U+{ord(char):04X}"
    if char in _NAMES:
        return _NAMES[char].format(code)
    return f"控制字符（{code}）"


def has_invisible(text: str) -> bool:
    """True when *text* holds a character remove() would take out (nearly never: one regular expression search)."""
    return _INVISIBLE.search(text) is not None


def remove(text: str) -> str:
    """*text* without its invisible characters (and without the Ctrl+Z after its last line)."""
    text = text.rstrip(_DOS_END) if text.endswith(_DOS_END) else text
    return _INVISIBLE.sub("", text) if has_invisible(text) else text


def removed(text: str) -> tuple[str, list[Invisible]]:
    """remove() and find() of *text* with one search of it when it holds nothing to remove (nearly every file)."""
    kept = text.rstrip(_DOS_END) if text.endswith(_DOS_END) else text
    if not has_invisible(kept):
        return kept, []
    return _INVISIBLE.sub("", kept), find(kept)


def find(text: str) -> list[Invisible]:
    """Each line of *text* (LF line ends) that holds an invisible character, with where the first one is."""
    text = text.rstrip(_DOS_END)
    if not has_invisible(text):
        return []
    found: list[Invisible] = []
    for number, line in enumerate(text.split("\n"), start=1):
        first = _INVISIBLE.search(line)
        if first is not None:
            names = dict.fromkeys(name_of(c) for c in _INVISIBLE.findall(line))
            found.append(Invisible(number, first.start() + 1, tuple(names)))
    return found


class RawColumns:
    """Columns counted in a text without its invisible characters, as Notepad counts them in the file, where each
    invisible character still takes a place (and a line shows its stand-in, shown()): a finding after a zero-width
    space points at what the person sees."""

    def __init__(self, raw: str) -> None:
        """*raw*: the file's text (LF line ends) with its invisible characters."""
        self.lines = {number: line for number, line in enumerate(raw.rstrip(_DOS_END).split("\n"), start=1)
                      if has_invisible(line)}

    def __bool__(self) -> bool:
        return bool(self.lines)

    def column(self, line: int, column: int) -> int:
        """The column in the file of the *column*-th character of *line* as read (without invisible characters)."""
        raw = self.lines.get(line)
        if raw is None or column < 1:
            return column
        seen = 0
        for index, char in enumerate(raw):
            if _INVISIBLE.match(char) is None:
                seen += 1
                if seen == column:
                    return index + 1
        return len(raw) + column - seen  # past the end of the line (where the line ends, or a missing value)


def shown(text: str) -> str:
    """*text* with each invisible character as a visible one of the same length (�), for the line under a finding:
    a terminal would act on a control character, and a caret counts characters."""
    return _INVISIBLE.sub("\ufffd", text) if has_invisible(text) else text


Field = tuple[str | int, ...]


@dataclass
class Escaped:
    """Where escapes in double quotes ("\\v", "\\u200b") wrote invisible characters into a parsed file: in texts, in
    keys, and keys that became another key of their mapping (「"题\\u200b名"」 beside 「题名」) — those are left out, the
    first one stays, and the field names the key as it was written."""

    texts: list[Field] = field(default_factory=list)
    keys: list[Field] = field(default_factory=list)
    same: list[Field] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.texts or self.keys or self.same)


def clean_tree(node: Any) -> tuple[Any, Escaped]:
    """*node* (a parsed file, or values about to be written) with invisible characters removed from every key and
    text, and where each was: a double-quoted "\\v" or "\\u200b" is such a character only once the YAML is read."""
    escaped = Escaped()
    return _clean(node, (), escaped), escaped


def _clean(node: Any, where: Field, escaped: Escaped) -> Any:
    if isinstance(node, str):
        cleaned = remove(node)
        if cleaned != node:
            escaped.texts.append(where)
        return cleaned
    if isinstance(node, list):
        return [_clean(element, (*where, index), escaped) for index, element in enumerate(node)]
    if isinstance(node, dict):
        result: dict[Any, Any] = {}
        for key, value in node.items():
            name = remove(key) if isinstance(key, str) else key
            if name in result:
                escaped.same.append((*where, key))
                continue
            if name != key:
                escaped.keys.append((*where, name))
            result[name] = _clean(value, (*where, name), escaped)
        return result
    return node
