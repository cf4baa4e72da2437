"""Accept what people really type, and say so: aliases become canonical names, run-on lists are split."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from gongkai.model import vocab

SPLIT = re.compile(r"[，、,；;]\s*")
# The official table's boxes, as a clerk copies a ticked one with its value (「■政府网站」, hostile pass 36): the value is the
# box's; an unticked one (「□两微一端」) is no value, and stays an error that says so (catalog.schema_errors).
TICKED = "■☑✓✔√"
UNTICKED = "□☐"


@dataclass(frozen=True)
class Vocabulary:
    """One vocabulary-bound field: its canonical names and the aliases people use."""

    title: str
    names: tuple[str, ...]
    aliases: dict[str, str]
    is_list: bool = False


FIELDS: dict[str, Vocabulary] = {
    "五公开": Vocabulary("五公开", vocab.FIVE_DISCLOSURES, vocab.FIVE_DISCLOSURE_ALIASES),
    "公开渠道": Vocabulary("公开渠道", vocab.CHANNELS, vocab.CHANNEL_ALIASES, is_list=True),
    "公开对象": Vocabulary("公开对象", vocab.AUDIENCES, vocab.AUDIENCE_ALIASES),
    "公开方式": Vocabulary("公开方式", vocab.MODES, vocab.MODE_ALIASES),
    "公开层级": Vocabulary("公开层级", vocab.LEVELS, vocab.LEVEL_ALIASES, is_list=True),
    "公开格式": Vocabulary("公开格式", vocab.FORMATS, {}, is_list=True),
    "公开属性": Vocabulary("公开属性", vocab.ATTRIBUTES, vocab.ATTRIBUTE_ALIASES),
    "有效性": Vocabulary("有效性", vocab.VALIDITY, vocab.VALIDITY_ALIASES),
    "不予公开理由": Vocabulary(
        "不予公开理由", tuple(g.name for g in vocab.WITHHOLDING_GROUNDS), vocab.GROUND_ALIASES
    ),
}


@dataclass(frozen=True)
class Note:
    """Something normalisation accepted but the author should know: code, message, hint, field path."""

    code: str
    message: str
    hint: str
    field: tuple[str | int, ...]
    at_key: bool = False  # points at the key of *field*, not its value


def normalize(data: dict[str, Any]) -> tuple[dict[str, Any], list[Note]]:
    """Canonical vocabulary values in a copy of *data*, with a note for every change made."""
    out = dict(data)
    notes: list[Note] = []
    for key, spec in FIELDS.items():
        if key in out and out[key] is not None:
            out[key] = _list_field(out[key], key, spec, notes) if spec.is_list else _one(out[key], (key,), spec, notes)
    return out, notes


def _one(value: Any, field: tuple[str | int, ...], spec: Vocabulary, notes: list[Note]) -> Any:
    if not isinstance(value, str) or value in spec.names:
        return value
    if (ticked := value.strip()) and ticked[0] in TICKED:
        found = vocab.canonical(ticked[1:], spec.names, spec.aliases)
        if found is not None:
            notes.append(Note("GK105", f"「{value.strip()}」中的「{ticked[0]}」是表格的勾选框，按「{found}」处理",
                              f"只写名称「{found}」，不写勾选框，或运行 gongkai fmt 自动改正。", field))
            return found
    found = vocab.canonical(value, spec.names, spec.aliases)
    if found is not None and found != value:
        said = (f"「{value}」前后多了空格（全角空格），按「{found}」处理" if value.strip() == found  # 「主动公开　」
                else f"「{value}」是{spec.title}的别称，按标准名称「{found}」处理")
        fix = "删去这个空格" if value.strip() == found else f"请改为标准名称「{found}」"
        notes.append(Note("GK105", said, f"{fix}，或运行 gongkai fmt 自动改正。", field))
        return found
    return value


def _list_field(value: Any, key: str, spec: Vocabulary, notes: list[Note]) -> Any:
    if isinstance(value, str) and (row := _box_row(value, spec)) is not None:
        notes.append(_row_note(value, row, (key,)))
        return row
    if isinstance(value, str):
        parts = _split_known(value, spec)
        if parts is None:
            return value
        notes.append(_run_on(value, parts, (key,), spec))
        return list(dict.fromkeys(_one(p, (key,), spec, notes) for p in parts))  # 「发布会，听证会」: one box
    if not isinstance(value, list):
        return value
    result: list[Any] = []
    for index, element in enumerate(value):
        if element in spec.names:
            result.append(element)
            continue
        parts = _split_known(element, spec) if isinstance(element, str) else None
        if parts is not None and len(parts) > 1:
            notes.append(_run_on(element, parts, (key, index), spec))
            found = [_one(p, (key, index), spec, notes) for p in parts]
        else:
            found = [_one(element, (key, index), spec, notes)]
        # a name it became that is listed already (发布会, 听证会: both 发布会/听证会) is listed once
        for name in found:  # (compared, not hashed: an element may be a mapping, refused later with its line)
            if name == element or name not in result:
                result.append(name)
    return result


# 「■政府网站 □政府公报 ■两微一端 …」: the official table's whole cell of boxes (DOMAIN.md §3), one box a mark and a name
_BOX = re.compile(f"([{TICKED}{UNTICKED}])([^{TICKED}{UNTICKED}]*)")
_BETWEEN = " \t\n\u3000，、,；;"


def _box_row(text: str, spec: Vocabulary) -> list[str] | None:
    """The ticked names of a cell of boxes copied whole from the official table (「■政府网站 □政府公报 ■两微一端」,
    one a line or in a row), when every ticked box names a choice and one at least is ticked; else None. An unticked
    box is no choice: the table says so (hostile pass 38: the cell was a GK103 error, its item unread, its records on
    no channel, and the hint asked for half-width brackets where 「（电子屏）」 is the standard name)."""
    if not (first := text.strip(_BETWEEN)[:1]) or first not in TICKED + UNTICKED:
        return None
    boxes = [(mark, vocab.canonical(name.strip(_BETWEEN), spec.names, spec.aliases))
             for mark, name in _BOX.findall(text)]
    ticked = [name for mark, name in boxes if mark in TICKED]
    if len(boxes) < 2 or not ticked or None in ticked:
        return None  # a ticked box naming no choice: the whole cell's error says what to write (schema_errors)
    return list(dict.fromkeys(name for name in ticked if name is not None))


def _row_note(text: str, row: list[str], field: tuple[str | int, ...]) -> Note:
    shown = text if len(text) <= 40 else text[:40] + "…"
    listed = ", ".join(row)
    return Note("GK107", f"「{' '.join(shown.split())}」是表格里的一整格勾选框：按勾选（■）的读作 [{listed}]，没有勾选（□）的不算",
                f"写成 [{listed}]（只写勾选的名称），或运行 gongkai fmt 自动改正。", field)


def _split_known(text: str, spec: Vocabulary) -> list[str] | None:
    if vocab.canonical(text, spec.names, spec.aliases) is not None:
        return [text]  # one box, though written with 、: 「发布会、听证会」 is 发布会/听证会, not two of it
    parts = [p for p in SPLIT.split(text.strip()) if p]
    if all(vocab.canonical(p, spec.names, spec.aliases) for p in parts):
        return parts
    return None


def _run_on(text: str, parts: list[str], field: tuple[str | int, ...], spec: Vocabulary) -> Note:
    # the list to write, in the standard names (「公示栏」 in it would be the next finding, GK105)
    listed = ", ".join(dict.fromkeys(vocab.canonical(p, spec.names, spec.aliases) or p for p in parts))
    if len(parts) == 1:  # 「公开渠道: 政府网站」: one value, no list: nothing was written together
        return Note("GK107", f"「{text}」没有写成列表：「{spec.title}」是列表，只有一项也要写成列表",
                    f"写成 [{listed}]，或在下一行写「  - {listed}」。", field)
    return Note(
        "GK107", f"「{text}」把几项写在了一起（用了全角逗号、顿号或没有写成列表）",
        f"列表要用半角逗号分隔，写成 [{listed}]，或每项一行「- 」。", field,
    )
