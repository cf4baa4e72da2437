"""Whether a free-text explanation says anything: a 空白说明 or a 补录 reason of 「无」, 「—」 or a zero-width space
explains nothing, and an inspector reads such a column as blank and such a record as undeclared.

Shared by the site's blank columns (validate GK902, gongkai inspect) and the 伪造发稿日期 check.
"""

from __future__ import annotations

import unicodedata

# What people type when a form insists on a reason they do not give (compared without spaces and punctuation).
PLACEHOLDERS = frozenset({
    "无", "暂无", "没有", "暂没有", "无说明", "暂无说明", "无原因", "暂无原因", "无信息", "暂无信息", "略", "空", "待定", "待补",
    "待补充", "待填", "不详", "同上", "见上", "详见", "是", "否", "有", "补录", "空白", "说明", "原因",
    "none", "null", "nil", "na", "n/a", "tbd", "todo", "true", "false", "yes", "no", "x", "xx", "xxx",
})


def _letters(text: str) -> str:
    """*text* in NFKC without spaces, punctuation, symbols and invisible characters."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c)[0] in "LN").casefold()


def says_something(text: str | None) -> bool:
    """True when *text* holds letters or digits and is not merely a placeholder such as 「无」 or 「暂无」."""
    core = _letters(text or "")
    return bool(core) and core not in PLACEHOLDERS


def says_why(text: str | None) -> bool:
    """True when *text* gives a reason: some letters (「1」 is none), and not merely a placeholder."""
    return says_something(text) and any(unicodedata.category(c)[0] == "L" for c in _letters(text or ""))
