"""Comments YAML did not take for comments: typed with the Chinese input method on, they become part of the value.

YAML starts a comment only at 「#」 after an ASCII space or tab. 「文号: 安民〔2026〕12号　# 待编号」 (a full-width space
before the #) and 「题名: 关于……的通知 ＃ 草稿」 (a full-width ＃) are read without a word as a 文号 「安民〔2026〕12号　#
待编号」 and a title ending in 「＃ 草稿」, and published so on every page, feed and manifest.
"""

from __future__ import annotations

import re
from typing import Any

from gongkai.catalog.normalize import Note

# A full-width ＃ at the start or after any space; a # after a space YAML does not count (full-width, no-break).
_COMMENT = re.compile("(?:^|[\\s\u3000\u00a0])＃|[\u3000\u00a0]#")
BODIES = frozenset({"正文"})  # Markdown: 「# 标题」 and ＃ are text there, and no comment can be written inside


def may_hold_comment(text: str) -> bool:
    """False when no value of a file with this source *text* can hold such a comment (one search, not a walk of every
    value: nearly every file): no ＃, no # after a full-width or no-break space, and no escape that could write one."""
    return "＃" in text or "\u3000#" in text or "\u00a0#" in text or "\\" in text


def comments_in_values(tree: Any, path: tuple[str | int, ...] = ()) -> list[Note]:
    """A warning for every one-line value of *tree* holding what was meant as a comment."""
    if isinstance(tree, dict):
        return [note for key, value in tree.items() if key not in BODIES
                for note in comments_in_values(value, (*path, key))]
    if isinstance(tree, list):
        return [note for index, value in enumerate(tree) for note in comments_in_values(value, (*path, index))]
    if isinstance(tree, str) and "\n" not in tree and (found := _COMMENT.search(tree)):
        mark = "＃" if "＃" in found.group() else "#"
        start = found.start() + (found.group()[0] != mark)
        kept = tree[:start].rstrip(" \t\u3000\u00a0")
        label = next((p for p in reversed(path) if isinstance(p, str)), "内容")
        return [Note("GK019", f"「{label}」的值里有「{tree[start:]}」，像是注释，但 YAML 把它读成了值的一部分",
                     f"注释要用半角井号「#」，前面留一个半角空格（中文输入法按 Shift+空格 切换到半角）；"
                     f"不是注释的，删去它，只写「{kept}」。", path)]
    return []
