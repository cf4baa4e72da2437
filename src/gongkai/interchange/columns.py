"""Finding a table's header and what each column means: one or two header rows, merged or not, any order."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from gongkai.interchange.grid import Grid
from gongkai.interchange.cells import read_boxes
from gongkai.interchange.headers import BASE, Choice, headers, norm

HEADER_SEARCH_ROWS = 20
MAX_HEADER_ROWS = 3  # 公开属性 / 公开对象 / 全社会: the deepest header published directories use
PARENT = "上级目录"  # a second 一级事项-like column left of 一级事项 (一级目录, 事项类别): read as the 领域
SERIAL = "序号"
OTHER_CHANNEL = "其他渠道"  # 「其他渠道=服务中心」: a channel sub-column that is none of the 13, read as 其他 naming it
# Fields whose header may stand over sub-columns (two-row header).
_LEVELS = ("一级事项", "二级事项", "三级事项")
LIST_KEYS = ("公开内容", "公开依据")  # fields that hold a list: one entry a line (or 「；」「、」) of the cell


@dataclass(frozen=True)
class ColumnUse:
    """How one column was understood: the header cell, its text, the key it became (None: ignored), a note."""

    col: int
    ref: str
    label: str
    key: str | None
    note: str = ""
    twin: ColumnUse | None = None  # ignored as a second column of one field: the column read instead
    under: str = ""  # ignored as a sub-column that is no option: the tick field it stands under (公开方式 / 不予公开)
    part: bool = False  # a further sub-column of a list field (公开依据 / 规范性文件): its entries follow the first's


@dataclass(frozen=True)
class SheetLayout:
    """Where a sheet's header is, where its data starts and what every column means."""

    sheet: str
    header_rows: tuple[int, ...]
    first_row: int
    columns: tuple[ColumnUse, ...]

    @property
    def keys(self) -> dict[int, str]:
        """Column number → key, for the columns that are read."""
        return {c.col: c.key for c in self.columns if c.key and c.key != SERIAL}


def _score(grid: Grid, row: int) -> int:
    table = headers()
    found = {table.field_of(grid.value(row, c)) or (table.option_of(grid.value(row, c)) or ("",))[0]
             for c in range(1, grid.cols + 1)}
    return len(found - {None, ""})


def find_layout(grid: Grid, start: int = 1) -> SheetLayout | None:
    """The header (the first row from *start* naming two or more known columns, with the rows under it that belong to
    it: two or three in all) and the meaning of each column."""
    header = next((r for r in range(start, min(grid.rows, start + HEADER_SEARCH_ROWS - 1) + 1) if _score(grid, r) >= 2),
                  None)
    if header is None:
        return None
    rows: tuple[int, ...] = (header,)
    while len(rows) < MAX_HEADER_ROWS and _has_sub_row(grid, rows):
        rows = (*rows, rows[-1] + 1)
    first = rows[-1] + 1
    uses = _channels_called_mode(grid, [_column(grid, rows, c) for c in range(1, grid.cols + 1)], first)
    uses = _publishers_called_unit(grid, uses, first)
    uses = _read_by_cells(grid, uses, first)
    uses = _under_field(grid, rows, _widened(grid, _unknown_options(grid, rows, uses), first))
    uses = [_unlabelled(grid, use, first) for use in _resolve_duplicates(uses) if use is not None]
    return SheetLayout(grid.name, rows, first, tuple(_serial_ids(grid, u, first) for u in uses if u is not None))


def find_layouts(grid: Grid) -> list[SheetLayout]:
    """Every table of the sheet, top to bottom, each read by its own header. A second table pasted below the first (the
    next 领域's, a 附表) whose header names the columns otherwise is read by that header, not the first's; a header
    repeated as it was (a table pasted page by page) is no new table. Each table is read from its own rows alone."""
    layout = find_layout(grid)
    if layout is None:
        return []
    layouts: list[SheetLayout] = []
    top = 1
    while True:
        below = next((other for r in range(layout.first_row, grid.rows + 1)
                      if (other := _other_header(grid, layout, r))), None)
        if below is None:
            return [*layouts, layout]
        cut = below.header_rows[0]
        layouts.append(find_layout(_rows(grid, top, cut), top) or layout)
        top, layout = cut, below


def _rows(grid: Grid, top: int, end: int) -> Grid:
    """The sheet cut to rows *top* ≤ row < *end* (numbered as in the sheet), with the merged ranges that start there."""
    return replace(grid, cells={k: v for k, v in grid.cells.items() if top <= k[0] < end},
                   merged=[m for m in grid.merged if top <= m[0] < end])


def _other_header(grid: Grid, layout: SheetLayout, number: int) -> SheetLayout | None:
    """The layout of another table headed by row *number*, below *layout*'s header: the row names two or more
    columns, and some column means another field under it (公开依据 where *layout* reads 公开内容, a 备注 column
    *layout* has not). None for no header, or *layout*'s repeated."""
    if sum(1 for c in range(1, grid.cols + 1) if _names_field(grid.own(number, c))) < 2:
        return None
    below = find_layout(_rows(grid, number, grid.rows + 1), number)
    if below is None or below.header_rows[0] != number:
        return None
    # (a field's own name over its sub-columns, 「公开对象」 over 全社会｜特定群体 repeated without them, is no other field)
    fields = {col: key.split("=")[0] for col, key in layout.keys.items()}
    return below if any(fields.get(col) != key.split("=")[0] for col, key in below.keys.items()) else None


@lru_cache(maxsize=4096)
def _names_field(text: str) -> bool:
    """Whether a cell's text is a column's name (asked of every cell of every row: the same texts again and again)."""
    return bool(text) and headers().field_of(text, loose=False) is not None


def _has_sub_row(grid: Grid, rows: tuple[int, ...]) -> bool:
    """The row under *rows* belongs to the header: the last header row has cells merged across (or, when it is the
    first, down), 一级事项/二级事项 stand under 公开事项, or options stand side by side under their group.

    A third row is seen when the second row holds groups (公开属性 over 公开对象 over 全社会|特定群体)."""
    last = rows[-1]
    # A header cell merged down into the next row (序号 over two rows beside 公开依据 over 法律法规｜规范性文件): that row
    # is the header's, whatever its labels look like; no item row shares a cell with the header.
    if any(top in rows and top <= last < bottom and _labels(grid, (top,), left) for top, left, bottom, _ in grid.merged):
        return True
    if _data_cells(grid, rows) >= 2:
        return False
    if any(top == last and (right > left or (bottom > top and len(rows) == 1)) for top, left, bottom, right in grid.merged):
        return True
    keys = [_sub_key(_group(grid, rows, last, c), _own(grid, rows, last + 1, c)) for c in range(1, grid.cols + 1)]
    if any(key in _LEVELS for key in keys):
        return True
    groups = [key.split("=")[0] for key in keys if key and "=" in key]
    if any(groups.count(group) >= 2 for group in groups):
        return True
    # Column names under a header cell that names none, or under nothing (公开要求 over 公开对象 … written unmerged)
    named = [c for c in range(1, grid.cols + 1) if _top_key(_group(grid, rows, last, c)) is None
             and headers().field_of(_own(grid, rows, last + 1, c), loose=False)]
    return len(named) >= 2


def _data_cells(grid: Grid, rows: tuple[int, ...]) -> int:
    """How many cells of the row under *rows* hold what an item holds, not a header: text under 公开内容, 公开依据,
    公开时限 … that names no column. An item's row is no header row, whatever is merged in it (a wide cell)."""
    last, table = rows[-1], headers()
    count = 0
    for col in range(1, grid.cols + 1):
        text = _own(grid, rows, last + 1, col)
        key = _top_key(_group(grid, rows, last, col)) if text else None
        if key and "=" not in key and key not in _LEVELS and key not in table.choices and BASE.sub("", norm(text)) \
                and table.field_of(text) is None and _option_key(text) is None:  # 「（工作日）」 is a header's remark
            count += 1
    return count


def _own(grid: Grid, rows: tuple[int, ...], row: int, col: int) -> str:
    """The header text of (row, col), empty when the cell is merged down from the header row above it."""
    if row > rows[0] and grid.anchor(row, col) == grid.anchor(row - 1, col):
        return ""
    return grid.value(row, col)


def _group(grid: Grid, rows: tuple[int, ...], row: int, col: int) -> str:
    """The header of *row* over *col*; a blank one belongs to the labelled header on its left (an unmerged group)."""
    for c in range(col, 0, -1):
        if text := _own(grid, rows, row, c):
            return text
        if not _own(grid, rows, row + 1, c):
            return ""
    return ""


def _labels(grid: Grid, rows: tuple[int, ...], col: int) -> list[tuple[int, str]]:
    """The header texts over *col*, top to bottom, each once, with the row each stands in."""
    found = []
    for row in rows:
        text = _own(grid, rows, row, col)
        if not text and row != rows[-1] and _own(grid, rows, row + 1, col):
            text = _group(grid, rows, row, col)
        if text:
            found.append((row, text))
    return found


def _column(grid: Grid, rows: tuple[int, ...], col: int) -> ColumnUse | None:
    """What a column means from its header texts: the lowest one under the group right above it, else the top one."""
    labels = _labels(grid, rows, col)
    if not labels:
        return None
    top_row, top = labels[-2] if len(labels) >= 2 else labels[0]
    top_ref = grid.ref(*grid.anchor(top_row, col))
    if len(labels) == 1:
        return ColumnUse(col, top_ref, top, _top_key(top))
    sub_row, sub = labels[-1]
    if key := _sub_key(top, sub):
        return ColumnUse(col, grid.ref(sub_row, col), f"{top} / {sub}", key)
    key = _top_key(top)
    if key is None:
        return ColumnUse(col, grid.ref(sub_row, col), sub, None)
    return ColumnUse(col, top_ref, top, key)


def _sub_key(top: str, sub: str) -> str | None:
    table = headers()
    field = table.field_of(top) if top else None
    choice = table.choices.get(field or "")
    if choice and (options := choice.lookup(sub) or choice.lookup(BASE.sub("", norm(sub)))):
        return f"{field}={'+'.join(options)}"  # 「其他（请注明）」 under 公开渠道和载体 is its 其他
    if field in _LEVELS or not top:
        return table.field_of(sub) or _option_key(sub)
    if field == "公开渠道" and table.field_of(sub) == "其他渠道":
        return "其他渠道"
    return None


def _option_key(label: str) -> str | None:
    found = headers().option_of(label)
    return f"{found[0]}={'+'.join(found[1])}" if found else None


def _top_key(top: str) -> str | None:
    """A one-row header: a field (公开依据), an option alone (全社会), or both in one (公开对象（全社会）)."""
    table = headers()
    key = table.field_of(top, loose=False) or _option_key(top)
    if key:
        return key
    label = norm(top)
    for field, choice in table.choices.items():
        for spelling, name in table.fields.items():
            if name == field and label.startswith(spelling) and len(label) > len(spelling):
                rest = label[len(spelling):].strip("（）-—_/：:")
                if options := choice.lookup(rest):
                    return f"{field}={'+'.join(options)}"
    return table.field_of(top)


def _widened(grid: Grid, uses: list[ColumnUse | None], first: int) -> list[ColumnUse | None]:
    """Columns under one merged header cell that hold nothing of their own (their cells merged with the first
    column's, a column made wide) are that column, not a second one to report as a duplicate."""
    seen: set[str] = set()
    result: list[ColumnUse | None] = []
    for use in uses:
        if use and use.ref in seen and not cells_below(grid, use.col, first):
            continue
        if use:
            seen.add(use.ref)
        result.append(use)
    return result


def _under_field(grid: Grid, rows: tuple[int, ...], uses: list[ColumnUse | None]) -> list[ColumnUse | None]:
    """Sub-columns under one header cell of a field that is no tick field (公开时限 over 时限｜依据, 公开依据 over
    法律法规｜规范性文件, 责任单位 over 科室｜联系电话): each is named by its own label, never the whole field twice (「与 F3
    重复」 named the same cell). The ones labelled with the field itself (时限) are it; one labelled with another field is
    reported and left out — the 依据 of a 公开时限 is no 公开依据 — and so are the rest beside a labelled one. Otherwise
    a list field reads them all, one after another, and any other field reads its first (a second is its twin)."""
    table = headers()
    groups: list[list[ColumnUse]] = []  # side by side under one label (merged over them, or written over the first)
    for use in uses:
        if not (use and use.key and "=" not in use.key and use.key in table.fields.values() and use.key not in
                table.choices and use.key not in _LEVELS and use.key != SERIAL and len(_labels(grid, rows, use.col)) >= 2):
            continue
        last = groups[-1][-1] if groups else None
        if last and last.col == use.col - 1 and (last.key, last.label) == (use.key, use.label):
            groups[-1].append(use)
        else:
            groups.append([use])
    renamed: dict[int, ColumnUse] = {}
    for group in (g for g in groups if len(g) >= 2):
        key = str(group[0].key)
        subs = {use.col: (grid.ref(row, use.col), f"{use.label} / {sub}", table.field_of(sub))
                for use in group for row, sub in _labels(grid, rows, use.col)[-1:]}
        named = [use for use in group if subs[use.col][2] == key]
        keep = named or [use for use in group if subs[use.col][2] is None] or group[:1]
        for use in group:
            ref, label, _ = subs[use.col]
            if use in keep:
                part = key in LIST_KEYS and use is not keep[0]
                renamed[use.col] = ColumnUse(use.col, ref, label, key, (
                    f"接在 {subs[keep[0].col][0]}「{subs[keep[0].col][1]}」之后，各格的条目依次读作{key}" if part else ""), part=part)
            else:
                renamed[use.col] = ColumnUse(use.col, ref, label, None, (
                    f"在「{use.label}」下，不是{key}本身（{key}读的是 {subs[keep[0].col][0]}「{subs[keep[0].col][1]}」），已忽略"))
    return [renamed.get(use.col, use) if use else use for use in uses]


def _unknown_options(grid: Grid, rows: tuple[int, ...], uses: list[ColumnUse | None]) -> list[ColumnUse | None]:
    """A sub-column beside a tick field's options whose label is none of them: 「服务中心」 under 公开渠道和载体 is a channel
    of 其他, named by its label; under 公开对象, 公开方式 … it is reported and left out. Never the whole field."""
    grouped = {use.key.split("=")[0] for use in uses if use and use.key and "=" in use.key}
    # A tick field's header over two or more sub-columns none of which names an option (公开对象 over 面向社会｜面向特定
    # 群体): each is such a sub-column, not the whole field twice (「与 D1 重复」 named the same cell).
    spans = [use.ref for use in uses if use and use.key in headers().choices and len(_labels(grid, rows, use.col)) >= 2]
    grouped |= {use.key for use in uses if use and use.key and spans.count(use.ref) >= 2}
    result: list[ColumnUse | None] = []
    for use in uses:
        key = use.key if use else None
        labels = _labels(grid, rows, use.col) if use and key in grouped else []
        if use and key and len(labels) >= 2 and headers().field_of(labels[-1][1]) != key:
            sub_row, sub = labels[-1]
            ref, label = grid.ref(sub_row, use.col), f"{use.label} / {sub}"
            if key == "公开渠道":
                use = ColumnUse(use.col, ref, label, f"{OTHER_CHANNEL}={sub}",
                                f"「{sub}」不是 13 个标准渠道之一，勾选的行记入「其他」并写明「{sub}」")
            else:
                names = "、".join(headers().choices[key].names)
                use = ColumnUse(use.col, ref, label, None, f"不是{key}的选项（{names}），已忽略", under=key)
        result.append(use)
    return result


def _channels_called_mode(grid: Grid, uses: list[ColumnUse | None], first: int) -> list[ColumnUse | None]:
    """A 「公开方式」 column whose cells name channels (「政府网站、村公示栏」), in a table with no other channel column, is
    the 公开渠道和载体 under the name some counties give it; a column of 主动/依申请 stays 公开方式."""
    if any(use and use.key == "公开渠道" for use in uses):
        return uses
    table = headers()
    result: list[ColumnUse | None] = []
    for use in uses:
        values = cells_below(grid, use.col, first) if use and use.key == "公开方式" else []
        if use and values and _all_read_as(values, table.choices["公开渠道"]) and \
                not any(read_boxes(v, table.choices["公开方式"]).ticked for v in values):
            use = ColumnUse(use.col, use.ref, use.label, "公开渠道", "单元格写的是政府网站等公开渠道，按公开渠道和载体读")
        result.append(use)
    return result


READ_BY_CELLS = "单元格写的是"  # the start of the note of a column read by what its cells say, not by its header
# The end of a body's name (县级人民政府民政部门, 乡镇人民政府（街道办事处）, 县民政局): a 公开主体, never one of the
# bureau's own units (社会救助股, 办公室, 城关镇民政办), which a 责任单位 names. A column is read so only when one of its
# cells is worded as the guidelines word a 公开主体 (…人民政府…部门): a county's 单位 may be its bureaus (县财政局).
_BODY = re.compile(r"(?:政府|部门|办事处|局|委员会)$")
_GUIDELINE_BODY = re.compile(r"(?:政府|部门)$")


def _publishers_called_unit(grid: Grid, uses: list[ColumnUse | None], first: int) -> list[ColumnUse | None]:
    """A 「责任单位」 column whose cells all name bodies (「县级人民政府民政部门」), in a table with no 公开主体 column, is the
    公开主体 under the name a neighbour county gives it — never a 责任单位 to look up among the bureau's units (each row
    was the error 「不在 gongkai.yaml 的「单位」中……加上它」)."""
    if any(use and use.key == "公开主体" for use in uses):
        return uses
    result: list[ColumnUse | None] = []
    for use in uses:
        values = cells_below(grid, use.col, first) if use and use.key == "责任单位" else []
        if use and values and all(_bodies(v) for v in values) and any(
                _GUIDELINE_BODY.search(part) for v in values for part in _bodies(v)):
            use = ColumnUse(use.col, use.ref, use.label, "公开主体", f"{READ_BY_CELLS}县级人民政府民政部门这样的机关，"
                                                                  "不是本局的股室、民政办，按公开主体读")
        result.append(use)
    return result


def _bodies(text: str) -> list[str]:
    """The bodies a cell names one after another (「县民政局、乡镇人民政府（街道办事处）」), or [] when any part is none."""
    parts = [BASE.sub("", norm(part)) for part in re.split(r"[、，,；;\n]+", text) if norm(part)]
    return parts if all(_BODY.search(part) for part in parts) else []


def _read_by_cells(grid: Grid, uses: list[ColumnUse | None], first: int) -> list[ColumnUse | None]:
    """A one-column tick field whose header some counties give another field (「公开类别」: 五公开 here, 主动公开/依申请公开
    there) is read by its cells: when none reads as its own options and all as those of a field the table has no column
    for, it is that field, said in the mapping — never an error per cell that 「主动公开」 is no 五公开. So is a column
    whose header names no field but says 公开 (「公开范围」: 全社会, 特定群体), not left out as unknown."""
    table = headers()
    taken = {use.key.split("=")[0] for use in uses if use and use.key}
    result: list[ColumnUse | None] = []
    for use in uses:
        unknown = bool(use and use.key is None and not use.under and "公开" in use.label)
        by_cells = use and (unknown or use.key in table.choices and use.key != "公开渠道")
        values = cells_below(grid, use.col, first) if use and by_cells else []
        if use and values and (unknown or not any(read_boxes(v, table.choices[str(use.key)]).ticked for v in values)):
            other = next((field for field, choice in table.choices.items() if field not in taken and field != "公开渠道"
                          and _all_read_as(values, choice)), None)
            if other:
                use = ColumnUse(use.col, use.ref, use.label, other, f"{READ_BY_CELLS}{other}的选项，按{other}读")
                taken.add(other)
        result.append(use)
    return result


def _all_read_as(values: list[str], choice: Choice) -> bool:
    """Every cell names at least one option of *choice* and nothing else."""
    return all((boxes := read_boxes(v, choice)).ticked and not boxes.unknown for v in values)


def cells_below(grid: Grid, col: int, first: int) -> list[str]:
    """The texts a column holds from row *first* (the first under the header) down, empty cells left out."""
    return [text for row in range(first, grid.rows + 1) if (text := grid.own(row, col))]


def _resolve_duplicates(uses: list[ColumnUse | None]) -> list[ColumnUse | None]:
    """Two columns of one meaning: an extra 一级目录 left of 一级事项 gives the 领域; others are reported."""
    seen: dict[str, ColumnUse] = {}
    level1 = [u for u in uses if u and u.key == "一级事项"]
    result: list[ColumnUse | None] = []
    for use in uses:
        if use is None or not use.key or use.part:
            result.append(use)
        elif use.key == "一级事项" and use is not level1[-1]:
            result.append(ColumnUse(use.col, use.ref, use.label, PARENT, "在一级事项列之前：按领域读取"))
        elif use.key in seen and use.key != SERIAL:
            note = f"与 {seen[use.key].ref}「{seen[use.key].label}」重复，已忽略"
            result.append(ColumnUse(use.col, use.ref, use.label, None, note, seen[use.key]))
        else:
            seen[use.key] = use
            result.append(use)
    return result


def _unlabelled(grid: Grid, use: ColumnUse, first: int) -> ColumnUse | None:
    """A column without any header is skipped quietly when empty, reported when it holds something."""
    if use.label:
        return use
    if cells_below(grid, use.col, first):
        return ColumnUse(use.col, use.ref, "", None, "这一列没有表头，其中的内容已忽略")
    return None


# A table's own numbering: 1, 1.1, 1-2, (3), 一、 — full-width forms too (read through NFKC).
_NUMBERING = re.compile(r"[(（]?[0-9]+(?:[.\-—_、][0-9]+)*[)）.、]?|[一二三四五六七八九十百零〇]+[、.]?")


def numbering(text: str) -> bool:
    """True when *text* is a table's own numbering (1, 1.1, 1-2, （3）, 一、), not an id such as SHJZ-001."""
    return _NUMBERING.fullmatch(unicodedata.normalize("NFKC", text).strip()) is not None


def _serial_ids(grid: Grid, use: ColumnUse, first: int) -> ColumnUse:
    """A 编号 column holding only 1, 2, 3 … (or 1.1, 1-2 …) is a 序号 column, not gongkai's 编号 (SHJZ-001)."""
    if use.key != "编号":
        return use
    values = cells_below(grid, use.col, first)
    if values and all(numbering(v) for v in values):
        return ColumnUse(use.col, use.ref, use.label, SERIAL, "全是数字，按序号读")
    return use


def partial_columns(keys: Iterable[str]) -> dict[str, frozenset[str]]:
    """Tick fields of several options (公开渠道, 公开层级, 公开格式) that a table splits into sub-columns for only some
    options, from its column *keys*: field → the options it has a column for. An option without a column says nothing
    about the item."""
    keys = set(keys)
    partial = {}
    for choice in headers().choices.values():
        if not choice.many or choice.field in keys:
            continue
        covered = {o for key in keys if key.startswith(choice.field + "=") for o in key.split("=", 1)[1].split("+")}
        if choice.field == "公开渠道" and "其他渠道" in keys:
            covered.add("其他")
        if covered and not set(choice.names) <= covered:
            partial[choice.field] = frozenset(covered)
    return partial
