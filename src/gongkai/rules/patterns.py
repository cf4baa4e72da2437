"""Patterns users write in gongkai.yaml, compiled with RE2: matching takes time linear in the text, so a pattern
like ^(\\d+)+$ cannot hang validate (Python's own engine backtracks for minutes on it)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would print its English reason on stderr; ours is returned in Chinese
# Python's \uXXXX escape, which RE2 writes \x{XXXX}; only where the backslash is not itself escaped.
_PYTHON_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u([0-9A-Fa-f]{4})")
_REASONS = (
    ("missing )", "圆括号没有闭合"),
    ("unexpected )", "多了一个右圆括号"),
    ("missing ]", "方括号没有闭合"),
    ("invalid perl operator", "不支持向前、向后查找（(?=…)、(?<=…) 等）"),
    ("invalid escape sequence", "不支持这个反斜杠转义（如 \\1 反向引用）"),
    ("trailing \\", "末尾多了一个反斜杠"),
    ("repetition", "重复符号（*、+、?、{n}）用法不对"),
    ("invalid character class range", "方括号中的范围写反了（如 [9-0]）"),
    ("invalid named capture group", "命名分组写法不对"),
)


@dataclass(frozen=True)
class UserPattern:
    """A compiled pattern, or why the text is not one (Chinese)."""

    regex: Any
    problem: str | None = None

    def fullmatch(self, text: str) -> bool:
        return self.regex is not None and self.regex.fullmatch(text) is not None


@cache
def user_pattern(text: str) -> UserPattern:
    """Compile *text* with RE2; a pattern RE2 cannot run is returned with the reason, never raised."""
    try:
        return UserPattern(re2.compile(_PYTHON_ESCAPE.sub(r"\1\\x{\2}", text), _OPTIONS))
    except re2.error as exc:
        raw = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        return UserPattern(None, next((zh for en, zh in _REASONS if en in raw), "写法不对"))
