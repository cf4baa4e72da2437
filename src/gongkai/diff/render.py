"""A CatalogDiff in words: Chinese text for the terminal, Markdown for a pull request or a 目录调整公告, JSON."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from gongkai.diagnostics import Diagnostic
from gongkai.diff.model import CatalogDiff, Change, FieldChange
from gongkai.privacy.mask import mask_data, mask_log

WHAT = {"added": "新增", "removed": "删除", "modified": "修改", "moved": "移动", "format": "格式", "invalid": "无法比较"}
SIDES = {"old": "旧版本", "new": "新版本", "both": "两个版本"}
LONG = 80
CONTEXT = 20  # characters shown before the first difference of two long texts
WITHHELD = "非主动公开的信息，内容不在此显示"
NAME_WITHHELD = "（非主动公开，题名不显示）"
FILE_WITHHELD = "（非主动公开，文件名不显示）"
SPLIT = "仅拆分、合并条目或改了分隔符（、，；。），条目的文字和顺序不变"
HIDDEN_HOW = {"added": "新填", "removed": "删去", "order": "仅调整顺序", "whitespace": "仅空白或换行变化",
              "width": "仅全角、半角写法变化", "alias": "别称改为标准名称", "repeated": "仅重复写的条目变化",
              "split": SPLIT}
MASKED_ONLY = "（改动在遮盖显示的号码、门牌之中）"
_BREAKS = re.compile("[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def _value(value: Any) -> str:
    if isinstance(value, list):
        text = "、".join(_value(v) for v in value)
    elif isinstance(value, dict):  # a key left empty is not written: None is no word a reader knows
        text = "，".join(f"{k}：{_value(v)}" for k, v in value.items() if v not in (None, "", [], {}))
    else:
        text = str(value)
    # masked before it is cut short: a number cut at the edge is no longer found, and its first digits would show
    text = mask_log(" ".join(text.split()))
    return text if len(text) <= LONG else text[: LONG - 1] + "…"


def _around(old: str, new: str) -> tuple[str, str]:
    """Two long texts shown from a little before where they first differ (「…」 for what is left out): cut at 80
    characters from their start, an edit further into a 正文 read 「A…」→「A…」. Masked before anything is cut."""
    a, b = (mask_log(" ".join(text.split())) for text in (old, new))
    same = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = same - CONTEXT if same > LONG - CONTEXT and max(len(a), len(b)) > LONG else 0
    lead = "…" if start else ""
    return lead + _value(a[start:]), lead + _value(b[start:])


def describe_field(change: FieldChange) -> str:
    """One field change in words, e.g. 公开时限：「A」→「B」."""
    how = change.how
    if change.hidden:
        return f"{change.field}：{HIDDEN_HOW.get(how, '已修改')}（{change.why or WITHHELD}）"
    if how == "list":
        parts = []
        if change.added:
            parts.append("新增" + "".join(f"「{_value(v)}」" for v in change.added))
        if change.removed:
            parts.append("删除" + "".join(f"「{_value(v)}」" for v in change.removed))
        text = "；".join(parts)
    elif how == "changed" and isinstance(change.old, dict) and isinstance(change.new, dict):
        text = "；".join(_inner(change.old, change.new)) or f"「{_value(change.old)}」→「{_value(change.new)}」"
    elif how == "changed" and isinstance(change.old, str) and isinstance(change.new, str):
        text = _arrow(*_around(change.old, change.new))
    elif how == "changed":
        text = _arrow(_value(change.old), _value(change.new))
    elif how == "added":
        text = f"新填「{_value(change.new)}」"
    elif how == "removed":
        text = f"删去（原为「{_value(change.old)}」）"
    elif how == "repeated":
        twice = {_value(v) for v in (change.old or []) + (change.new or [])
                 if (change.old or []).count(v) != (change.new or []).count(v)}
        text = "仅重复写的条目变化（条目本身没有增删）：" + "".join(f"「{v}」" for v in sorted(twice))
    elif how == "order":
        text = "仅调整顺序"
    elif how == "split":
        text = SPLIT
    elif how == "width":
        lists = isinstance(change.old, list) and isinstance(change.new, list)
        pairs = zip(change.old, change.new) if lists else [(change.old, change.new)]
        text = "仅全角、半角写法变化：" + "；".join(f"「{_value(a)}」→「{_value(b)}」" for a, b in pairs if a != b)
    elif how == "whitespace":
        text = "仅空白或换行变化"
    else:
        text = f"别称「{change.old}」改为标准名称" + _each(change.new)
    return f"{change.field}：{text}"


def _inner(old: dict[str, Any], new: dict[str, Any], where: str = "") -> list[str]:
    """The keys of a group (机关, 保密审查, 网站…) whose values differ, each old → new: the whole group cut at 80
    characters would hide a change made at its end (联系电话 after 地址)."""
    parts = []
    for key in list(old) + [k for k in new if k not in old]:
        a, b = old.get(key), new.get(key)
        if a == b or (a in (None, "", [], {}) and b in (None, "", [], {})):
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            parts += _inner(a, b, f"{where}{key} / ")
        elif isinstance(a, list) and isinstance(b, list):  # 接收单位: the entries added and removed, not the whole list
            added = "".join(f"「{_value(v)}」" for v in b if v not in a)
            removed = "".join(f"「{_value(v)}」" for v in a if v not in b)
            both = "，".join(filter(None, (added and "新增" + added, removed and "删除" + removed)))
            parts.append(f"{where}{key} {both or '仅调整顺序'}")
        elif a in (None, "", [], {}):
            parts.append(f"{where}{key} 新填「{_value(b)}」")
        elif b in (None, "", [], {}):
            parts.append(f"{where}{key} 删去（原为「{_value(a)}」）")
        else:
            parts.append(f"{where}{key}{_arrow(_value(a), _value(b))}")
    return parts


def _arrow(old: str, new: str) -> str:
    """「old」→「new」, as shown (masked): two values that differ only where they are masked (a phone's middle digits,
    a house number: 河滨北路168号 → 188号) read the same, so the reader is told that they changed there."""
    return f"「{old}」→「{new}」" + (MASKED_ONLY if old == new else "")


def _each(value: Any) -> str:
    """A value in 「」, each element of a list in its own (a run-on 县级、乡级 split into 「县级」「乡级」 reads as such)."""
    return "".join(f"「{_value(v)}」" for v in value) if isinstance(value, list) else f"「{_value(value)}」"


def _withheld(change: Change) -> str:
    """What stands for the name of an object that is not 主动公开: a record's 题名, an attachment's file name."""
    if not change.withheld:
        return ""
    return FILE_WITHHELD if change.kind == "attachment" else NAME_WITHHELD


def describe(change: Change) -> tuple[str, list[str]]:
    """The headline of one change and its detail lines."""
    name = f"「{change.name}」" if change.name else _withheld(change)
    head = f"{WHAT[change.what]} {change.label} {change.id}{name}"
    details = [describe_field(f) for f in change.fields]
    if change.moved:
        details.insert(0, f"文件移动：{change.old_path} → {change.new_path}")
    elif change.what in ("added", "removed", "format") and (change.new_path or change.old_path):
        details.insert(0, f"文件：{change.new_path or change.old_path}")
    if change.what == "format":
        details.append("只改了写法（空白、换行符、BOM、引号、注释、键的顺序或别称），内容不变")
    if change.kind == "attachment" and change.what == "modified":
        details.append("文件内容已更换（附件不逐字比较：请打开新旧两个版本核对）")
    if change.problems:
        details.insert(0, f"{SIDES.get(change.side or '', '')}的文件有错误，无法比较内容：")
        for d in change.problems:
            details.append(f"  {_where(d)} {d.code} {d.message}")
            details.extend([f"    改法：{d.hint}"] if d.hint else [])
    return one_line(head), [one_line(d) for d in details]


def one_line(text: str) -> str:
    """*text* on one line: a name, path or value holding a line break cannot start a line that passes for another
    change (「审核信息\n  删除 公开事项 SHJZ-009」)."""
    return _BREAKS.sub(" ", text)


def _where(d: Diagnostic) -> str:
    """file:line:column, as far as it is known."""
    return ":".join(str(part) for part in (d.path, d.line, d.column) if part)


def _heading(diff: CatalogDiff) -> str:
    return f"{diff.old.label} → {diff.new.label}"


UNCOMPARED = "这些文件有错误，其中的修改是否实质性无法判断：请先修正（gongkai validate），再比较一次"


def _uncompared(diff: CatalogDiff) -> list[Change]:
    """Changes whose file could not be read on a side: listed apart, never among the 文字性 ones, so that an edit to
    公开时限 made in a file broken by the same commit is not passed over as textual."""
    return [c for c in diff.textual if c.what == "invalid"]


def _textual(diff: CatalogDiff) -> list[Change]:
    return [c for c in diff.textual if c.what != "invalid"]


def _count(diff: CatalogDiff) -> str:
    text = f"共 {len(diff.changes)} 处变化：实质性 {len(diff.substantive)} 处，文字性 {len(_textual(diff))} 处"
    return text + (f"，无法比较 {len(_uncompared(diff))} 处" if _uncompared(diff) else "")


def render_text(diff: CatalogDiff) -> str:
    """Plain Chinese text for the terminal."""
    if not diff:
        return f"目录没有变化（{_heading(diff)}）。\n"
    lines = [f"目录变化：{_heading(diff)}", _count(diff)]
    for title, changes in (("实质性变化", diff.substantive), ("无法比较", _uncompared(diff)),
                           ("文字性变化", _textual(diff))):
        if changes:
            lines += ["", f"{title}（{len(changes)}）"] + ([f"  {UNCOMPARED}。"] if title == "无法比较" else [])
            for change in changes:
                head, details = describe(change)
                lines.append(f"  {head}")
                lines.extend(f"    {d}" for d in details)
    return "\n".join(lines) + "\n"


def escape_markdown(text: str) -> str:
    """*text* as plain text inside Markdown: a name or a commit message cannot open a link, a tag or a heading. Its
    personal numbers are masked first: the asterisks of a mask made after escaping (138****5678) are Markdown's, and
    two such numbers on one line were shown in bold as 「1385678」, the mask gone from the pull-request comment."""
    return _MD_SPECIAL.sub(r"\\\1", mask_log(text))


# GitHub refuses a pull-request comment over 65,536 characters (the CI template posts this Markdown as one): a commit
# touching a thousand files must still post one, with the substantive changes first. Room is left for the marker the
# comment action adds.
COMMENT_LIMIT = 60_000


def render_markdown(diff: CatalogDiff, title: str = "目录调整", limit: int = COMMENT_LIMIT) -> str:
    """Markdown for a pull-request comment or a 目录调整公告: 实质性 first, then what could not be compared, 文字性
    folded; within *limit* characters, the entries that do not fit counted instead of listed."""
    lines = [f"## {escape_markdown(title)}：{escape_markdown(_heading(diff))}", ""]
    if not diff:
        return "\n".join(lines + ["目录没有变化。", ""])
    lines += [f"{_count(diff)}。", ""]
    sections = [(f"### 实质性调整（{len(diff.substantive)}）", [], diff.substantive, []),
                (f"### 无法比较（{len(_uncompared(diff))}）", ["", f"{UNCOMPARED}。"], _uncompared(diff), []),
                (f"<details><summary>文字性修改（{len(_textual(diff))}）</summary>", [], _textual(diff),
                 ["", "</details>"])]
    room = limit - len("\n".join(lines)) - 200 * len(sections)  # each section's heading and its «not listed» line
    for heading, intro, changes, tail in sections:
        if not changes:
            continue
        entries, listed, room = _fitting(changes, room)
        lines += [heading, *intro, "", *entries]
        if listed < len(changes):
            lines += ["", f"……另有 {len(changes) - listed} 处未列出（评论最长 65,536 字）：完整列表请在本地运行"
                      " gongkai diff（或加 --format json）"]
        lines += [*tail, ""]
    return "\n".join(lines)


def _fitting(changes: list[Change], room: int) -> tuple[list[str], int, int]:
    """The Markdown lines of the first changes that fit in *room* characters (whole entries only), how many changes
    they are, and the room left."""
    lines: list[str] = []
    for listed, change in enumerate(changes):
        entry = _md_list([change])
        size = sum(len(line) + 1 for line in entry)
        if size > room:
            return lines, listed, 0  # later entries are not listed either: the list keeps its order, none is skipped
        lines += entry
        room -= size
    return lines, len(changes), room


def code_span(text: str) -> str:
    """*text* as Markdown code: a fence longer than any run of backticks in it, so that a file named
    a`[点此领取](evil.example)`.pdf cannot close the span and post a live link in a pull-request comment."""
    fence = "`" * (max((len(run) for run in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_list(changes: list[Change]) -> list[str]:
    lines = []
    for change in changes:
        name = f" {escape_markdown(one_line(change.name))}" if change.name else _withheld(change)
        lines.append(f"- **{WHAT[change.what]}** {change.label} {code_span(one_line(change.id))}{name}")
        lines.extend(f"  - {escape_markdown(d.strip())}" for d in describe(change)[1])
    return lines


def render_json(diff: CatalogDiff) -> str:
    """The documented, versioned JSON shape (README.md 的「目录变化与修改历史」)."""
    # (every text masked before it is encoded: mask_data)
    return json.dumps(mask_data(diff.to_dict()), ensure_ascii=False, indent=2, default=str) + "\n"


def _masked(render: Callable[[CatalogDiff], str]) -> Callable[[CatalogDiff], str]:
    # A diff is posted as a PR comment and printed in CI logs: it never shows a full personal number.
    return lambda diff: mask_log(render(diff))


RENDERERS = {"text": _masked(render_text), "markdown": _masked(render_markdown), "json": _masked(render_json)}
