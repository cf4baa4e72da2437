"""A table row to an item's fields: tick boxes, channel lines, lists in one cell, all checked cell by cell."""

from __future__ import annotations

import re
from typing import Any

from gongkai.interchange import layout
from gongkai.interchange.read import ImportProblem, Row
from gongkai.model import vocab

_CHANNEL_LINE = re.compile(r"^\s*([■□√✓✔☑☐▣●○×✗])?\s*(.+?)\s*$")
_OTHER = re.compile(r"^其他\s*[：:（(]?\s*(.*?)\s*[）)]?$")
TICK_FIELDS = (("公开对象", vocab.AUDIENCES, False), ("公开方式", vocab.MODES, False), ("公开层级", vocab.LEVELS, True))


def row_fields(row: Row, units: dict[str, str]) -> tuple[dict[str, Any], list[ImportProblem]]:
    """The item fields a row states (YAML keys → values), and its problems with their cells."""
    fields: dict[str, Any] = {"领域": row.domain}
    problems: list[ImportProblem] = []
    cells = row.cells
    for key in ("编号", "一级事项", "二级事项", "三级事项", "公开时限", "公开主体"):
        if key in cells:
            fields[key] = cells[key] or None
    for key in ("公开内容", "公开依据"):
        if cells.get(key):
            fields[key] = layout.split_list(cells[key])
    if cells.get("公开渠道"):
        fields.update(_channels(cells["公开渠道"], row.ref("公开渠道"), problems))
    for name, names, many in TICK_FIELDS:
        fields.update(_ticks(row, name, names, many, problems))
    if cells.get("五公开"):
        fields["五公开"] = _five(cells["五公开"], row.ref("五公开"), problems)
    if cells.get("责任单位"):
        fields["责任单位"] = _unit(cells["责任单位"], units, row.ref("责任单位"), problems)
    if not fields.get("一级事项"):
        problems.append(ImportProblem(row.ref("一级事项"), "一级事项为空"))
    return fields, problems


def _is_tick(text: str) -> bool | None:
    """True for a ticked box (■, √ …), False for an empty one, None for anything else."""
    text = text.strip()
    if not text or text in layout.UNTICK_MARKS or text in ("否", "无"):
        return False
    if text in layout.TICK_MARKS or text in ("是", "有", "1", "Y", "y"):
        return True
    return None


def _ticks(row: Row, name: str, names: tuple[str, ...], many: bool, problems: list[ImportProblem]) -> dict[str, Any]:
    keys = [f"{name}={value}" for value in names]
    if not any(k in row.cells for k in keys):
        return {}
    chosen = []
    for key, value in zip(keys, names):
        state = _is_tick(row.cells.get(key, ""))
        if state is None:
            problems.append(ImportProblem(row.ref(key), f"{name}「{value}」栏应为 ■（勾选）或 □（未勾选），而不是「{row.cells[key]}」"))
        elif state:
            chosen.append(value)
    first = row.ref(keys[0])
    if not chosen:
        problems.append(ImportProblem(first, f"{name}一项也没有勾选：请在{'、'.join(names)}中勾选{'至少' if many else ''}一项（■ 或 √）"))
    elif len(chosen) > 1 and not many:
        problems.append(ImportProblem(first, f"{name}只能勾选一项，这里勾选了{'、'.join(chosen)}"))
    if not chosen or (len(chosen) > 1 and not many):
        return {}
    return {name: chosen if many else chosen[0]}


def _channels(text: str, ref: str, problems: list[ImportProblem]) -> dict[str, Any]:
    """The ■/□ channel lines (or a plain list of ticked names) → 公开渠道 and 其他渠道."""
    lines = [line for line in re.split(r"[\n\r]+", text) if line.strip()]
    marked = any(_CHANNEL_LINE.match(line).group(1) for line in lines)  # type: ignore[union-attr]
    if not marked:
        lines = ["■" + part for line in lines for part in re.split(r"[、，,；;]", line) if part.strip()]
    chosen: list[str] = []
    others: list[str] = []
    for line in lines:
        match = _CHANNEL_LINE.match(line)
        assert match is not None
        mark, name = match.group(1) or "", match.group(2)
        if _is_tick(mark) is False:
            continue
        other = _OTHER.match(name)
        if other:
            chosen.append("其他")
            others.extend(p.strip() for p in re.split(r"[、，,；;]", other.group(1)) if p.strip())
            continue
        found = vocab.canonical(name, vocab.CHANNELS, vocab.CHANNEL_ALIASES)
        if found is None:
            problems.append(ImportProblem(ref, f"不认识的公开渠道「{name}」：应是 13 个标准渠道之一，其他渠道请写在「其他（……）」里"))
        elif found not in chosen:
            chosen.append(found)
    result: dict[str, Any] = {"公开渠道": [c for c in vocab.CHANNELS if c in chosen], "其他渠道": others}
    if not chosen:
        problems.append(ImportProblem(ref, "公开渠道和载体一项也没有勾选"))
    return result


def _five(text: str, ref: str, problems: list[ImportProblem]) -> str | None:
    parts = re.findall(r"[■√✓✔☑]\s*(\S{2,4})", text) or [text]
    found = [vocab.canonical(p.strip(), vocab.FIVE_DISCLOSURES, vocab.FIVE_DISCLOSURE_ALIASES) for p in parts]
    if len(found) != 1 or found[0] is None:
        problems.append(ImportProblem(ref, f"五公开「{text}」应是决策公开、执行公开、管理公开、服务公开、结果公开之一"))
        return None
    return found[0]


def _unit(text: str, units: dict[str, str], ref: str, problems: list[ImportProblem]) -> str | None:
    """The unit's id from its name or id (units: name → id)."""
    if text in units.values():
        return text
    if text in units:
        return units[text]
    problems.append(ImportProblem(ref, f"责任单位「{text}」不在 gongkai.yaml 的「单位」中"))
    return None
