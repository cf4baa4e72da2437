"""Comments YAML did not take for comments: typed with the Chinese input method on, they become part of the value;
and the converse, text YAML took for a comment (「题名: 关于城关镇 #3 地块的公示」).

YAML starts a comment only at 「#」 after an ASCII space or tab. 「文号: 安民〔2026〕12号　# 待编号」 (a full-width space
before the #) and 「题名: 关于……的通知 ＃ 草稿」 (a full-width ＃) are read without a word as a 文号 「安民〔2026〕12号　#
待编号」 and a title ending in 「＃ 草稿」, and published so on every page, feed and manifest.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

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


# A 「#」 after a half-width space and before a character that is no space: YAML starts a comment there, while comments
# are written 「# 说明」. The one search decides whether a file's values are looked at (values_cut_by_comments).
_CUT = re.compile(r"[ \t]#[^\s#]")
_SAID_ELSEWHERE = frozenset({"文件"})  # an attachment's path cut so is GK607's, with the file it finds in the folder
_CUT_AFTER = re.compile(r"[ \t]+(#[^\s#].*?)\s*$")


def may_cut_values(text: str) -> bool:
    return _CUT.search(text) is not None


def values_cut_by_comments(tree: Any, text: str, quote: bool = True, path: tuple[str | int, ...] = ()) -> list[Note]:
    """A warning (GK020) for every one-line value of the round-trip *tree* of *text* that YAML ended at a 「 #」 followed
    by text: 「题名: 关于城关镇 #3 地块的公示」 is the title 「关于城关镇」, 「联系电话: 0595-23000000 #8001」 loses the
    extension, on every page, without a word. Not quoted from a register (*quote* False): its values may name
    someone."""
    if isinstance(tree, CommentedMap):
        places = [(key, tree.lc.value(key) if tree[key] is not None else tree.lc.key(key)) for key in tree]
    elif isinstance(tree, CommentedSeq):
        places = [(index, tree.lc.item(index)) for index in range(len(tree))]
    else:
        return []
    lines = text.split("\n")
    found: list[Note] = []
    for part, (line, column) in places:
        value = tree[part]
        if isinstance(value, CommentedMap | CommentedSeq):
            found += values_cut_by_comments(value, text, quote, (*path, part))
        elif part not in _SAID_ELSEWHERE and (cut := _cut_from(lines[line], column, value)) is not None:
            label = next((p for p in reversed((*path, part)) if isinstance(p, str)), "内容")
            found.append(_cut_note(label, value, cut, quote, (*path, part)))
    return found


def _cut_from(line: str, column: int, value: Any) -> str | None:
    """The text after *value* (at *column* of *line*, written without quotes) that YAML took for a comment."""
    if value is None:  # 「题名: #3 地块的公示」: all of it; the position is the key's
        after = line.find(":", column)
        found = _CUT_AFTER.match(line[after + 1:]) if after >= 0 else None
        return found.group(1) if found else None
    if not isinstance(value, str) or line[column:column + len(value)] != value:
        return None  # a number, or text in quotes or on several lines: no comment cut it
    found = _CUT_AFTER.match(line[column + len(value):])
    return found.group(1) if found else None


def _cut_note(label: str, value: Any, cut: str, quote: bool, path: tuple[str | int, ...]) -> Note:
    whole = f"{value} {cut}" if value is not None else cut
    mark = "'" if '"' in whole else '"'
    if not quote:
        return Note("GK020", f"「{label}」的值里半角空格后的「#」及其后的文字被 YAML 当作注释，没有读进值里",
                    "「#」后面是值的一部分的，给整个值加上引号；确是注释的，在「#」后面空一格。", path)
    said = f"在「{cut}」前断开了" if value is not None else f"「{cut}」整个成了注释"
    read = f"读到的{label}只有「{value}」" if value is not None else f"读到的{label}是空的"
    written = f"- {mark}{whole}{mark}" if isinstance(path[-1], int) else f"{label}: {mark}{whole}{mark}"
    return Note("GK020", f"「{label}」的值{said}：YAML 把半角空格后的「#」当作注释的开始，{read}",
                f"「{cut}」是值的一部分的，给整个值加上引号：{written}；确是注释的，在「#」后面空一格（「# 说明」）。", path)
