"""Reading a directory table as counties publish it: find the header, resolve merged cells, one row per item."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from openpyxl.utils import get_column_letter

from gongkai.interchange import rowkinds
from gongkai.interchange.cells import placeholder, tick_state, unnumbered
from gongkai.interchange.grid import Grid, UnreadableWorkbook, read_grids
from gongkai.interchange.columns import (HEADER_SEARCH_ROWS, LIST_KEYS, OTHER_CHANNEL, PARENT, READ_BY_CELLS, SERIAL,
                                        SheetLayout, cells_below, find_layout, find_layouts,
                                        partial_columns)
from gongkai.interchange.headers import headers, norm
from gongkai.privacy.mask import mask_text

WHOLE_FILE = "（文件）"  # the cell of a problem with the whole workbook: the command puts the file's name there
# A row holding none of these is not an item (a note, a section title, a blank or numbering row).
_ROW_KEYS = ("一级事项", "二级事项", "三级事项", "公开内容", "编号")
# A sheet name or title naming a 领域 (「安溪县民政局养老服务领域基层政务公开标准目录」), and sheet names that name none.
_CLAIMED = re.compile(r"[\u4e00-\u9fff、]{2,16}?领域")
_GENERIC_SHEET = re.compile(r"[^\u4e00-\u9fff]*|(?:工作表|表)\d*|.*(?:目录|公开|事项|清单).*")  # Sheet1, directory
# A sheet of instructions or a sample beside the directory, often with the header and an example row (××事项).
_NOTES_SHEET = re.compile(r"说明|示例|样表|样例|范例|填表要求|填报要求|填写要求|模板|下拉|选项|字典")
# 「同上」 (or the ditto mark 〃) in a cell: the same as the item row above, as tables typed by hand say it.
# The ditto marks typed for it: 〃, ″, and the quotation marks an input method gives (" ” “ ＂ 〞 〝 ,,).
_DITTO = re.compile(r"(?:同上(?:一?行|栏|条|项)?|同前|〃+|″+|[\"”“＂〞〝]{1,2})[。.]?")
# 「同左」「同下」「同右」: the same as a cell gongkai cannot tell (another field's, or a row not read yet): said, never
# imported as the text 「同左」.
_SAME_AS_OTHER = re.compile(r"同(?:左|右|下|前列|后)(?:一?行|栏|列|格)?[。.]?")
# A telephone number typed as a number: Excel dropped the 0 of its area code (0595-23222619 → 59523222619, 010 … →
# 10 …). Ten digits, or eleven that are no mobile number (1 and ten more); eight-digit local numbers lose nothing, nor
# do the nationwide service numbers 400 and 800 (4008123123: ten digits, no area code, no 0 to lose).
_ZERO_LOST = re.compile(r"(?![48]00)\d{10}|[2-9]\d{10}")
# A long number as Excel shows it in a narrow General cell, and writes it so into a csv: 「5.95232E+10」 for 059523222617.
_SCIENTIFIC = re.compile(r"[+-]?\d(?:\.\d+)?[Ee]\+\d{1,3}")
# What Excel and WPS show in a cell whose formula failed.
FORMULA_ERRORS = frozenset(("#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!"))


def shown(text: str) -> str:
    """Cell text fit for a message: personal numbers masked (a 咨询电话 may be a mobile), on one line."""
    return mask_text(" ".join(text.split()))[0]


@dataclass(frozen=True)
class ImportProblem:
    """A problem in the table, at a cell such as 社会救助!C12, in Chinese; a warning does not stop the import."""

    cell: str
    message: str
    warning: bool = False


@dataclass
class Row:
    """One data row: its 领域, its cells by column key, and where each came from."""

    sheet: str
    number: int
    domain: str
    cells: dict[str, str] = field(default_factory=dict)
    refs: dict[str, str] = field(default_factory=dict)
    level1_above: bool = False  # 一级事项 left blank, read from the row above: a name for a new item, no change to a file
    domain_above: bool = False  # 领域 (or 一级目录) left blank, read from the row above: likewise no move of a file
    more: dict[str, list[str]] = field(default_factory=dict)  # list cells of the rows below that continue this item

    def ref(self, key: str) -> str:
        """The cell of *key*; for a field read from sub-columns (公开层级=县级 …), the first of them."""
        if key in self.refs:
            return self.refs[key]
        sub = next((ref for k, ref in self.refs.items() if k.startswith(key + "=")), None)
        if sub is None and key == "其他渠道":  # no column of its own: the 其他 box of the channels says it
            return self.ref("公开渠道")
        return sub or f"{self.sheet}!A{self.number}"

    @property
    def where(self) -> str:
        return f"{self.sheet} 第{self.number}行"


@dataclass
class Reading:
    """Everything read from a workbook: item rows, how each sheet's columns were understood, and problems."""

    rows: list[Row] = field(default_factory=list)
    layouts: list[SheetLayout] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    # Sheets whose rows belong to no 领域 known (社会事务, Sheet2): for `init --from-xlsx` to say which --domain to add,
    # or that the sheet names none.
    undomained: list[str] = field(default_factory=list)
    rows_read: int = 0  # rows below the headers holding text (but the numbers of the columns), for the user's count


def names_a_domain(sheet: str) -> bool:
    """Whether a sheet's name can be a 领域's (社会事务), not a spreadsheet's default or a whole table's (Sheet1, 目录)."""
    return not _GENERIC_SHEET.fullmatch(norm(sheet))


def read_workbook(data: bytes, domains: list[str], name: str = "") -> Reading:
    """Every data row of every sheet of an xlsx or xls workbook or a csv file (*name*: the file's), with the problems
    found on the way."""
    reading = Reading()
    try:
        grids = read_grids(data, name)
    except UnreadableWorkbook as exc:
        reading.problems.append(ImportProblem(WHOLE_FILE, str(exc)))
        return reading
    directories: list[Grid] = []
    others: list[Grid] = []
    for grid in grids:
        if grid.cells and grid.hidden:
            reading.problems.append(ImportProblem(f"{grid.name}!A1", (
                f"工作表「{grid.name}」是隐藏的，没有导入（常是旧版本或下拉选项表）；确要导入请在 Excel 中右键工作表标签"
                "→「取消隐藏」后再导入"), warning=True))
        elif grid.cells:
            layout = find_layout(grid)
            (directories if layout is not None and _is_directory(layout) else others).append(grid)
    # Beside a directory, one named as instructions or a sample (填表说明, 示例) holds the header and an example row.
    notes = [g for g in directories if _NOTES_SHEET.search(norm(g.name)) and not find_domain(g.name, domains)]
    if len(notes) < len(directories):  # a 「目录模板」 filled in and never renamed is read, when it is the only one
        for grid in notes:
            reading.problems.append(ImportProblem(f"{grid.name}!A1", (
                f"工作表「{shown(grid.name)}」按名称是填表说明或示例（其中的表头和示例行不是事项），没有导入；"
                "若它确是目录表，请把工作表改名（如改为领域名称）后再导入"), warning=True))
        directories = [g for g in directories if g not in notes]
    directories = _without_copies(directories, reading)
    # A sheet named after the only 领域 beside one named otherwise: the other is another 领域's, not this one's.
    named = next((g.name for g in directories if find_domain(g.name, domains)), "")
    for grid in directories:
        reading.problems.extend(_hidden_column(grid, col) for col in sorted(grid.hidden_cols))
        _read_sheet(grid, domains, reading, named)
    for grid in others:
        if directories:  # beside a directory, a sheet of notes or of drop-down choices is not one that failed to read
            reading.problems.append(ImportProblem(f"{grid.name}!A1", _not_directory(grid), warning=True))
        else:
            _read_sheet(grid, domains, reading)
    _without_summaries(reading, domains)
    return reading


def _is_directory(layout: SheetLayout) -> bool:
    """Whether a table is a directory's: it names its items (一级事项 …), their 公开内容 or 编号."""
    return bool(set(_ROW_KEYS) & set(layout.keys.values()))


def _without_summaries(reading: Reading, domains: list[str]) -> None:
    """Leaves out, said once, a sheet whose rows are those of two or more other sheets kept, or of one other sheet
    exactly (the same 领域 and cells, however the columns are laid out): the 「汇总」 of the 领域 sheets beside them,
    where each of its rows was 「重复了」. The largest sheet is looked at first (of two alike, the later), so the 领域
    sheets a summary repeats are the ones kept; a summary that differs in a cell is kept, and that row's error said."""
    by_sheet: dict[str, list[Row]] = {}
    for row in reading.rows:
        by_sheet.setdefault(row.sheet, []).append(row)

    def content(row: Row) -> tuple[object, ...]:
        cells = tuple(sorted((k, v) for k, v in row.cells.items() if v and k not in ("领域", PARENT)))
        said = (find_domain(row.cells[key], domains) for key in ("领域", PARENT) if row.cells.get(key))
        return next(said, None) or row.domain, cells, tuple(sorted((k, tuple(v)) for k, v in row.more.items()))

    kept = {sheet: {content(row) for row in rows} for sheet, rows in by_sheet.items()}
    order = list(by_sheet)
    for sheet, rows in sorted(by_sheet.items(), key=lambda pair: (-len(pair[1]), -order.index(pair[0]))):
        mine = kept[sheet]
        twins = {name for name, theirs in kept.items() if name != sheet and mine & theirs}
        if all(any(c in kept[name] for name in twins) for c in mine) and (
                len(twins) > 1 or any(kept[name] == mine for name in twins)):  # a summary of sheets, or a copy
            del kept[sheet]
            reading.problems.append(ImportProblem(f"{sheet}!A1", (
                f"工作表「{shown(sheet)}」的 {len(rows)} 行在其他工作表中都有、内容相同（是它们的汇总或副本），没有导入；"
                "若它本应是另一张表，请填写它自己的内容后再导入"), warning=True))
    if len(kept) < len(by_sheet):
        reading.rows = [row for row in reading.rows if row.sheet in kept]


def _without_copies(grids: list[Grid], reading: Reading) -> list[Grid]:
    """*grids* without a sheet that is a copy of an earlier one, cell for cell (「社会救助 (2)」 made by 「移动或复制」):
    reported once, where each of its rows would be 「重复了」 (or a second item file of each)."""
    first: dict[tuple[object, ...], str] = {}
    kept = []
    for grid in grids:
        content = (tuple(sorted(grid.cells.items())), tuple(sorted(grid.merged)))
        if content in first:
            reading.problems.append(ImportProblem(f"{grid.name}!A1", (
                f"工作表「{shown(grid.name)}」与工作表「{shown(first[content])}」的内容完全相同（是它的副本），只导入一次；"
                "若它本应是另一张表，请填写它自己的内容后再导入"), warning=True))
        else:
            first[content] = grid.name
            kept.append(grid)
    return kept


def _not_directory(grid: Grid) -> str:
    if grid.cols == 1:
        return f"工作表「{grid.name}」只有一列文字，没有目录表的表头（如填表说明、封面），没有导入"
    return (f"工作表「{grid.name}」没有目录表的表头（一级事项、二级事项、公开内容或编号列），不是目录表（如填表说明、"
            "下拉选项），没有导入")


def _hidden_column(grid: Grid, col: int) -> ImportProblem:
    row, text = grid.hidden_cols[col]
    name = f"第{get_column_letter(col)}列（「{shown(text)}」）"
    if col in grid.narrow_cols:
        return ImportProblem(grid.ref(row, col), (
            f"{name}的宽度为 {grid.narrow_cols[col]:g}，看不见，没有导入；确要导入请把列拉宽后再导入"), warning=True)
    return ImportProblem(grid.ref(row, col), f"{name}是隐藏的，没有导入；确要导入请取消隐藏后再导入", warning=True)


def find_domain(text: str, domains: list[str]) -> str | None:
    """The 领域 a sheet name, title or cell names: exactly, or as the longest 领域 name it contains."""
    value = norm(text)
    if value in domains:
        return value
    matches = [name for name in domains if name in value]
    return max(matches, key=len) if matches else None


def _sheet_domain(grid: Grid, header: int, domains: list[str], reading: Reading | None, named: str) -> str | None:
    """The 领域: the sheet's name, else a title row above the header, else the catalog's only 领域 — unless the name or
    title names another (「养老服务领域」) or the sheet is one of several named otherwise, reported in *reading* ("": not
    imported). Without *reading* (a 领域 column names each row's) the only 领域 is taken as it is."""
    above = " ".join(grid.own(r, c) for r in range(1, header) for c in range(1, grid.cols + 1))
    found = find_domain(grid.name, domains) or (find_domain(above, domains) if above.strip() else None)
    if found or len(domains) != 1:
        return found
    only = domains[0]
    if reading is None:
        return only
    if claimed := _CLAIMED.search(norm(f"{grid.name} {above}")):
        reading.problems.append(ImportProblem(f"{grid.name}!A1", (
            f"工作表名称或标题写的是「{shown(claimed.group(0))}」，gongkai.yaml 中只有「{only}」领域：这张表不是{only}的，"
            f"没有导入。请在 gongkai.yaml 的「领域」中加上这个领域后再导入；确属{only}的，请改正工作表名称或标题")))
        return ""
    if named and not _GENERIC_SHEET.fullmatch(norm(grid.name)):
        reading.problems.append(ImportProblem(f"{grid.name}!A1", (
            f"工作表「{shown(grid.name)}」不是 gongkai.yaml 中的领域（只有「{only}」，由工作表「{shown(named)}」导入），"
            f"没有导入：请在 gongkai.yaml 的「领域」中加上它后再导入，或加一列「领域」")))
        return ""
    if not _GENERIC_SHEET.fullmatch(norm(grid.name)):
        reading.problems.append(ImportProblem(f"{grid.name}!A1", (
            f"工作表名称「{shown(grid.name)}」不是 gongkai.yaml 中的领域，按唯一的领域「{only}」导入；"
            f"若不属于{only}，请在 gongkai.yaml 的「领域」中加上它，或加一列「领域」"), warning=True))
    return only


def _read_sheet(grid: Grid, domains: list[str], reading: Reading, named: str = "") -> None:
    layouts = [_category_left(grid, layout, domains, reading) for layout in find_layouts(grid)]
    if not layouts:
        reading.problems.append(ImportProblem(
            f"{grid.name}!A1", f"找不到表头：前 {HEADER_SEARCH_ROWS} 行中没有「序号」「公开事项」「公开内容」等列名"))
        return
    for layout in layouts:
        if layout is not layouts[0]:
            top = layout.header_rows[0]
            ref = grid.ref(top, rowkinds.filled_cells(grid, top)[0])
            if not _is_directory(layout):  # (its rows are passed over: see _read_rows)
                reading.problems.append(ImportProblem(ref, (
                    f"第{top}行起是另一张表，它的表头没有一级事项、二级事项、公开内容或编号列，不是目录表（如联系人、"
                    "统计表），这张表没有导入；它若是目录表，请写明这些列的表头"), warning=True))
                continue
            reading.problems.append(ImportProblem(ref, (
                f"第{top}行是另一张表的表头，各列与第{layouts[0].header_rows[0]}行的表头不同：这一行下面的各行按这一行的表头读"
                "（见 --dry-run 列出的各列）"), warning=True))
        if not _layout_read(grid, layout, reading):
            return
    by_row = any({"领域", PARENT} & set(layout.keys.values()) for layout in layouts)
    domain = _sheet_domain(grid, layouts[0].header_rows[0], domains, None if by_row else reading, named)
    if domain == "":  # names a 领域 gongkai.yaml does not have: reported
        return
    rows = _read_rows(grid, layouts, domain or "", domains, reading)
    heads = {number for layout in layouts[1:] for number in layout.header_rows}
    reading.rows_read += sum(1 for number in range(layouts[0].first_row, grid.rows + 1)
                             if number not in heads and not rowkinds.numbers_only(grid, number))
    if any(not row.domain for row in rows) and not by_row:
        listed = "、".join(domains)
        reading.problems.append(ImportProblem(f"{grid.name}!A1", (
            f"看不出本表属于哪个领域：工作表名称、标题行或分段标题应含 gongkai.yaml 中的领域（{listed}），或加一列「领域」")))
        reading.undomained.append(grid.name)
        return
    reading.rows.extend(rows)


def _layout_read(grid: Grid, layout: SheetLayout, reading: Reading) -> bool:
    """Says how a table's columns were read (the ignored ones, the partly given tick fields); False, with an error at
    its header, when it lacks a column every item needs."""
    reading.layouts.append(layout)
    reading.problems.extend(ImportProblem(c.ref, _ignored(c.label, c.note), warning=True)
                            for c in layout.columns if c.key is None)
    reading.problems.extend(ImportProblem(c.ref, f"列「{shown(c.label)}」：{c.note}", warning=True)
                            for c in layout.columns if c.note and c.key and (c.key.split("=")[0] in ("公开渠道", OTHER_CHANNEL)
                                                                             or c.note.startswith(READ_BY_CELLS)))
    keys = layout.keys
    reading.problems.extend(_partial(layout, field, covered) for field, covered in partial_columns(keys.values()).items())
    missing = [k for k in ("一级事项", "公开内容") if k not in keys.values()]
    if missing:
        reading.problems.append(ImportProblem(grid.ref(layout.header_rows[0], 1), f"表头缺少「{'」「'.join(missing)}」列"))
    return not missing


def _category_left(grid: Grid, layout: SheetLayout, domains: list[str], reading: Reading) -> SheetLayout:
    """「事项类别｜事项名称」 (a category, then the item's name) with no 二级事项 column: no cell of the left column is a
    领域's name, so it is the 一级事项 and the name the 二级事项, said once. Read as 领域 and 一级事项, every category was left
    out and each item named by its 二级事项 alone (「审批信息」), a new item beside the one it is."""
    keys = [c.key for c in layout.columns]
    if "二级事项" in keys or keys.count(PARENT) != 1 or keys.count("一级事项") != 1:
        return layout
    parent = next(c for c in layout.columns if c.key == PARENT)
    level1 = next(c for c in layout.columns if c.key == "一级事项")
    values = cells_below(grid, parent.col, layout.first_row)
    # (a cell that is a 领域's name, 「社会救助」「社会救助领域」; a category that holds one, 「社会救助政策」, is none)
    if not values or any(norm(unnumbered(v)).removesuffix("领域") in domains for v in values):
        return layout
    if parent.ref == level1.ref:  # one header cell merged over both (「公开事项」 over B:C, no row of sub-headers)
        note = f"「{shown(parent.label)}」下的两列，左列格内没有一个是领域：左列按一级事项读，右列按二级事项读"
    else:
        note = (f"「{shown(parent.label)}」在「{shown(level1.label)}」左边，格内没有一个是领域：按一级事项读，"
                f"「{shown(level1.label)}」按二级事项读")
    reading.problems.append(ImportProblem(parent.ref, f"列{note}", warning=True))
    shifted = {parent.col: replace(parent, key="一级事项", note=note), level1.col: replace(level1, key="二级事项", note=note)}
    return replace(layout, columns=tuple(shifted.get(c.col, c) for c in layout.columns))


def _partial(layout: SheetLayout, field: str, covered: frozenset[str]) -> ImportProblem:
    """A tick field split into sub-columns for only some of its options: the others are left as the files have them."""
    choice = headers().choices[field]
    first = next(c.ref for c in layout.columns if c.key and (c.key.startswith(field + "=") or c.key == "其他渠道"))
    has = "、".join(n for n in choice.names if n in covered)
    lacks = "、".join(n for n in choice.names if n not in covered)
    return ImportProblem(first, (f"{choice.title}只有「{has}」的列，没有「{lacks}」的列：已有事项的这些选项不改，"
                                 "保持事项文件中的值"), warning=True)


def _ignored(label: str, note: str) -> str:
    """Why a column is not read: unknown (Sheet1!M3: 不认识的列「联系人」，已忽略), a duplicate, or no header."""
    if not label:
        return note
    return f"列「{shown(label)}」{note}" if note else f"不认识的列「{shown(label)}」，已忽略"


def _read_rows(grid: Grid, layouts: list[SheetLayout], domain: str, domains: list[str], reading: Reading) -> list[Row]:
    layout, below = layouts[0], layouts[1:]  # *below*: the tables further down the sheet, each with its own header
    keys, directory = layout.keys, True
    rows: list[Row] = []
    joined: set[int] = set()  # rows read as going on with the item row above them
    sections: set[str] = set()  # how the section titles that named a 领域 are numbered (「一、」): see _section
    titles: dict[int, str] = {}  # rows that title a group of items (「（一）最低生活保障」 across the row): see _between_rows
    headless: dict[tuple[int, int], list[tuple[int, str]]] = {}  # (header row, column) → the item cells under no header
    for number in range(layout.first_row, grid.rows + 1):
        if below and number == below[0].header_rows[0]:
            layout, below = below[0], below[1:]
            keys, directory = layout.keys, _is_directory(layout)
        if number < layout.first_row or not directory:  # the header of a table below the first; a table no directory's
            continue
        own = {key: grid.own(number, col) for col, key in keys.items()}
        if number not in grid.hidden_rows:
            reading.problems.extend(_struck(grid, number))
        if rowkinds.numbers_only(grid, number):  # the row numbering the columns (1 2 3 …) under the header
            continue
        if total := rowkinds.total(grid, number):
            reading.problems.append(ImportProblem(grid.ref(number, total[0]), (
                f"这一行是合计行（「{shown(total[1])}」），不是事项，已跳过"), warning=True))
            continue
        if rows and _continues(grid, layout, number, rows[-1]):
            _continued(grid, layout, number, rows[-1], reading)
            joined.add(number)
            continue
        if not any(own.get(k) for k in _ROW_KEYS) or rowkinds.spans_row(grid, number):
            domain = _between_rows(grid, number, domains, reading, sections, titles) or domain
            continue
        if footer := rowkinds.footer(grid, number):
            reading.problems.append(ImportProblem(grid.ref(number, footer[0]), (
                f"这一行是{'页码' if rowkinds.PAGE.fullmatch(norm(footer[1])) else '说明或签名行'}（「{shown(footer[1])}」），"
                "不是事项，已跳过"), warning=True))
            continue
        if rowkinds.repeated_header(own):
            continue
        if example := rowkinds.example(grid, number, own):
            reading.problems.append(ImportProblem(grid.ref(number, example[0]), (
                f"这一行是填写示例（「{shown(example[1])}」），不是事项，已跳过；确是事项的，请写明它的名称"), warning=True))
            continue
        if number in grid.hidden_rows:
            reading.problems.append(ImportProblem(grid.ref(number, 1), (
                f"第{number}行是隐藏的（或被筛选隐藏），没有导入；确要导入请取消隐藏（或清除筛选）后再导入"), warning=True))
            continue
        if number in grid.low_rows:
            reading.problems.append(ImportProblem(grid.ref(number, 1), (
                f"第{number}行的行高为 {grid.low_rows[number]:g}，看不见，没有导入；确要导入请调整行高后再导入"), warning=True))
            continue
        if rows and (rows[-1].number == number - 1 or number - 1 in joined) and _goes_on(grid, layout, number,
                                                                                          rows[-1].number):
            _continued(grid, layout, number, rows[-1], reading, merged=False)
            joined.add(number)
            continue
        row = Row(grid.name, number, domain)
        for col, key in keys.items():
            value = grid.value(number, col) if _spread(keys, grid.anchor(number, col)[1], key) else ""
            if row.cells.get(key):  # the next sub-column of a list field (公开依据 / 规范性文件): its entries follow
                if value and not placeholder(value):
                    row.more.setdefault(key, []).append(value)
                continue
            row.cells[key] = "" if placeholder(value) else value  # 「—」「/」「无」: the cell does not apply
            row.refs[key] = grid.ref(*grid.anchor(number, col))
            reading.problems.extend(_formula_problem(grid, grid.anchor(number, col)))
            if key == "咨询电话" and grid.anchor(number, col) in grid.numbers and _ZERO_LOST.fullmatch(value):
                reading.problems.append(ImportProblem(row.refs[key], (
                    f"咨询电话是数字格式，区号开头的 0 已被 Excel 去掉（读出的是「{shown(value)}」）：请把单元格格式改为"
                    "「文本」后重新填写，如 0595-23222619")))
            elif key == "咨询电话" and grid.csv and _ZERO_LOST.fullmatch(value):  # (a csv keeps no cell's type)
                reading.problems.append(ImportProblem(row.refs[key], (
                    f"咨询电话「{shown(value)}」没有区号开头的 0：csv 在 Excel 中打开再保存时，长数字按数字保存、去掉了开头的 0。"
                    "请改正为带区号的号码（如 0595-23222619）；以后请导入 xlsx，或在 Excel 中把这一列设为「文本」")))
            if _DITTO.fullmatch(norm(value)):
                row.cells[key] = _ditto(row, key, rows[-1] if rows else None, reading)
            elif _SAME_AS_OTHER.fullmatch(norm(value)):
                reading.problems.append(ImportProblem(row.refs[key], (
                    f"单元格写的是「{shown(value)}」：gongkai 只认「同上」（上一个事项行同一列），看不出这里指哪一格的内容："
                    "请填写实际内容")))
                row.cells[key] = ""  # reported: not read again as a 公开时限 or channel named 「同左」
        reading.problems.extend(_twins_differ(grid, layout, number))
        reading.problems.extend(_marked_deleted(grid, layout, number))
        reading.problems.extend(_ignored_ticks(grid, layout, number))
        if _names_only(row):  # 「一 | 社会救助」「（二）最低生活保障」: the heading of the group below, no item
            domain = _heading(row, domains, reading, sections) or domain
            continue
        if not row.cells.get("一级事项") and row.cells.get("二级事项") and (
                above := _level1_above(grid, layout, number, titles=titles)):
            row.cells["一级事项"], row.level1_above = above, True
            reading.problems.append(ImportProblem(row.ref("一级事项"), (
                "一级事项为空，按它上面最近的一级事项读（合并单元格取消合并或另存为 csv 后留下的空白）"), warning=True))
        for key in (k for k in ("领域", PARENT) if k in keys.values() and not row.cells.get(k)):
            # a 领域 merged down its rows, unmerged or saved as csv: blank below its first row, as 一级事项 is
            if above := _level1_above(grid, layout, number, key):
                row.cells[key], row.domain_above = above, True
                label = next(c.label for c in layout.columns if c.key == key)
                reading.problems.append(ImportProblem(row.ref(key), (
                    f"{shown(label)}为空，按它上面最近的{shown(label)}读（合并单元格取消合并或另存为 csv 后留下的空白）"),
                    warning=True))
        for col in _headless(grid, layout, number):
            headless.setdefault((layout.header_rows[0], col), []).append((number, grid.own(number, col)))
        rows.append(row)
    for (header, col), cells in headless.items():
        reading.problems.append(ImportProblem(grid.ref(cells[0][0], col), (
            f"第{get_column_letter(col)}列没有表头，事项行中这一列的「{shown(cells[0][1])}」"
            + (f"等 {len(cells)} 格" if len(cells) > 1 else "")
            + f"没有导入：请在 {grid.ref(header, col)} 写明这一列是什么（如「二级事项」「备注」），或删去这一列后再导入"),
            warning=True))
    return rows


def _headless(grid: Grid, layout: SheetLayout, number: int) -> list[int]:
    """The columns of item row *number* that hold text of their own under no header cell at all (not even an unknown
    one, which is reported as such): a 二级事项 typed right of 「事项名称」 without a header of its own."""
    read = {c.col for c in layout.columns} | {col for col, _ in layout.keys.items()}
    return [col for col in rowkinds.filled_cells(grid, number) if col not in read
            and grid.anchor(number, col) == (number, col)
            and not any(grid.own(top, col) or grid.value(top, col) for top in layout.header_rows)]


def _twins_differ(grid: Grid, layout: SheetLayout, number: int) -> Iterator[ImportProblem]:
    """An error at each cell of an ignored second column of one field (「责任科室」 inserted beside 「责任单位」) that says
    something else than the column read: the edit typed there would be lost unsaid. Tick sub-columns are left out
    (√ and ■ say the same)."""
    for column in layout.columns:
        twin = column.twin
        if twin is None or not twin.key or "=" in twin.key:
            continue
        mine, read = grid.value(number, column.col), grid.value(number, twin.col)
        if not mine.strip() or placeholder(mine) or norm(mine) == norm(read):
            continue
        yield ImportProblem(grid.ref(number, column.col), (
            f"这一格「{shown(mine)}」与同一行 {grid.ref(number, twin.col)}「{shown(read) or '（空白）'}」不同：列「{shown(column.label)}」"
            f"与列「{shown(twin.label)}」都是{twin.key}，只读后者，这一格的内容会丢掉。请把两格改成一致，或删去其中一列后再导入"))


def _ignored_ticks(grid: Grid, layout: SheetLayout, number: int) -> Iterator[ImportProblem]:
    """A warning at each ticked cell of a sub-column that is no option of the field above it (公开方式 / 不予公开): the
    tick is not imported and the row is read from its other sub-columns alone (主动 ticked beside it), said at the row."""
    for column in layout.columns:
        text = grid.value(number, column.col) if column.under else ""
        if not text.strip() or placeholder(text) or tick_state(text, (), headers().choices[column.under]) is False:
            continue
        names = "、".join(headers().choices[column.under].names)
        yield ImportProblem(grid.ref(number, column.col), (
            f"列「{shown(column.label)}」不是{column.under}的选项（{names}），这一格的「{shown(text)}」没有导入："
            f"这一行的{column.under}只按{names}各栏读；不对的，请改正后再导入"), warning=True)


def _continues(grid: Grid, layout: SheetLayout, number: int, above: Row) -> bool:
    """Row *number* goes on with the item row *above*: its 事项 names are the cells merged over both rows (an item laid
    out over several rows, one 公开内容 or 公开依据 a row), and it writes no name, 编号 or 序号 of its own."""
    names = [col for col, key in layout.keys.items() if key in rowkinds.NAMES]
    merged = [col for col in names if grid.anchor(number, col)[0] < number]
    return (bool(merged) and above.sheet == grid.name
            and all(grid.anchor(number, col) == grid.anchor(above.number, col) for col in merged)
            and all(not grid.own(number, col) and not grid.value(above.number, col) for col in names if col not in merged)
            and number not in grid.hidden_rows and number not in grid.low_rows
            and not any(grid.own(number, col) for col, key in layout.keys.items() if key in ("编号", SERIAL))
            and any(grid.own(number, col) for col in layout.keys if col not in merged))


def _goes_on(grid: Grid, layout: SheetLayout, number: int, item: int = 0) -> bool:
    """Row *number*, right under an item row, writes a 公开内容 or 公开依据 and nothing else — no name or 编号, and no
    序号 but one numbering an element of the item (「1.1」 under the item row *item* numbered 「1」): the next line of the
    item above, typed one element a row without merging its names (as hand-made tables do)."""
    filled = {layout.keys.get(col) for col in rowkinds.filled_cells(grid, number) if col != _sub_number(grid, layout,
                                                                                                        number, item)}
    return (bool(filled) and filled <= set(LIST_KEYS)
            and all(grid.anchor(number, col) == (number, col) for col, key in layout.keys.items() if key in LIST_KEYS)
            and number not in grid.hidden_rows and number not in grid.low_rows)


# An element's own number under its item, in a numbering of its own (the item 「1」, its elements 「（1）」「（2）」 or
# 「①」「②」, as 公文 number the points under a heading): an element wherever it stands under an item row.
_ELEMENT_NUMBER = re.compile(r"[(（]\s*[0-9０-９]{1,2}\s*[)）]|[\u2460-\u2473\u2474-\u2487\u24f5-\u24fe\u2776-\u277f]")


def _sub_number(grid: Grid, layout: SheetLayout, number: int, item: int) -> int:
    """The 序号 column when row *number* numbers it as an element of the item row *item* (「1.1」「1-2」 under 「1」;
    「（1）」「①」 under an item numbered otherwise), else 0."""
    col = next((c.col for c in layout.columns if c.key == SERIAL), 0)
    if not col:
        return 0
    parent, mine = (grid.own(row, col).strip() for row in (item, number))
    if parent and _ELEMENT_NUMBER.fullmatch(mine) and not _ELEMENT_NUMBER.fullmatch(parent):
        return col
    parent, mine = (unicodedata.normalize("NFKC", text) for text in (parent, mine))
    return col if parent and re.fullmatch(rf"{re.escape(parent.rstrip('.、'))}[.\-_、]\d+", mine) else 0


def _continued(grid: Grid, layout: SheetLayout, number: int, above: Row, reading: Reading, merged: bool = True) -> None:
    """The cells row *number* writes for the item of row *above*: more list elements and channels, and what the item
    row left blank; a different 公开时限 (or any other one-value field) is an error at its cell. *merged*: the rows share
    their merged 事项 names; else the row writes no name at all."""
    added = []
    for col, key in layout.keys.items():
        text = grid.own(number, col)
        if grid.anchor(number, col) != (number, col) or not text or placeholder(text) or _DITTO.fullmatch(norm(text)):
            continue
        if key in LIST_KEYS and above.cells.get(key):
            above.more.setdefault(key, []).append(text)
        elif key == "公开渠道" and above.cells.get(key):
            above.cells[key] += "\n" + text
        elif not above.cells.get(key):
            above.cells[key], above.refs[key] = text, grid.ref(number, col)
        elif norm(above.cells[key]) != norm(text):
            reading.problems.append(ImportProblem(grid.ref(number, col), (
                f"这一行的事项名称与第{above.number}行合并在一起（同一事项），这一格却写了与第{above.number}行不同的"
                f"{key.split('=')[0]}「{shown(text)}」：同一事项只能有一个，请删去其中一个，或把两行分成两个事项"
                "（取消事项名称的合并，分别填写）")))
            continue
        added.append(key.split("=")[0])
    if added:
        sub = grid.own(number, col) if not merged and (col := _sub_number(grid, layout, number, above.number)) else ""
        lacks = f"的序号「{shown(sub)}」是第{above.number}行事项的一小项，没有事项名称和编号" if sub else "没有序号、事项名称和编号"
        why = (f"第{number}行的事项名称与第{above.number}行合并在一起，按同一事项读" if merged else
               f"第{number}行{lacks}，只写了{'、'.join(dict.fromkeys(added))}，按上面第{above.number}行事项的续行读")
        reading.problems.append(ImportProblem(grid.ref(number, 1), (
            f"{why}：这一行的{'、'.join(dict.fromkeys(added))}并入第{above.number}行的事项"
            + ("" if merged else "；若它是另一个事项，请填写它的事项名称")), warning=True))


def _ditto(row: Row, key: str, above: Row | None, reading: Reading) -> str:
    """The text of *key* in the item row *above*, for a cell that says 「同上」; an error when there is none."""
    if above is None or not above.cells.get(key):
        reading.problems.append(ImportProblem(row.ref(key), (
            "单元格写的是「同上」，但上面没有同一列有内容的事项行：请填写实际内容")))
        return ""
    reading.problems.append(ImportProblem(row.ref(key), (
        "单元格写的是「同上」，按上一个事项行同一列的内容读（导入的文件中写的是那一行的内容）"), warning=True))
    return above.cells[key]


def _names_only(row: Row) -> bool:
    """The row names a 事项 and says nothing else of it: no 公开内容, 依据, 时限, 渠道, tick, 编号 …"""
    return any(row.cells.get(k) for k in rowkinds.NAMES) and not any(
        text for key, text in row.cells.items() if key not in (*rowkinds.NAMES, PARENT, "领域"))


def _heading(row: Row, domains: list[str], reading: Reading, sections: set[str]) -> str:
    """A row of names alone: the heading of a group (「一、社会救助」 switches the 领域: its name is returned) or a line
    such as 「以上共2项」, reported and skipped (""). As an item it would be a file of a name and nothing else, which
    validate refuses."""
    names = [(key, row.cells[key]) for key in rowkinds.NAMES if row.cells.get(key)]
    key, text = names[0]
    if len(names) == 1 and (switched := _section(text, row.ref(key), domains, reading, sections)) is not None:
        return switched
    shown_names = " / ".join(shown(t) for _, t in names)
    reading.problems.append(ImportProblem(row.ref(key), (
        f"这一行只有事项名称「{shown_names}」，没有公开内容、公开依据、公开渠道等，按分组标题跳过，不是事项；"
        "确是一个事项的，请在这一行填写它的公开内容等各列后再导入"), warning=True))
    return ""


def _level1_above(grid: Grid, layout: SheetLayout, number: int, field: str = "一级事项",
                  titles: dict[int, str] | None = None) -> str | None:
    """The text of the nearest 一级事项 (or *field*) above *number* among the item rows right above it: a group
    written once at its top, as a merged cell reads once unmerged or saved as csv, or the title of the group above them
    (*titles*: 「（一）最低生活保障」 across its row). None past a blank line, another title or the header."""
    col = next((c for c, key in layout.keys.items() if key == field), 0)
    keys = [c for c, key in layout.keys.items() if key in _ROW_KEYS]
    for above in range(number - 1, layout.first_row - 1, -1):
        if titles and above in titles:
            return titles[above]
        if not any(grid.own(above, c) for c in keys) or rowkinds.total(grid, above) or rowkinds.spans_row(grid, above):
            return None
        if text := grid.value(above, col):
            return None if placeholder(text) else text
    return None


def _spread(keys: dict[int, str], anchor_col: int, key: str) -> bool:
    """Whether a merged range's text, written in *anchor_col*, is also the text of *key*'s column: down a column (the
    一级事项 of several items) and across the sub-columns of one field (县级｜乡级), but not into another field — a 一级事项
    merged across 二级事项 says the item has none, not that both are the same."""
    return keys.get(anchor_col, "").split("=")[0] == key.split("=")[0]


def _struck(grid: Grid, number: int) -> list[ImportProblem]:
    """Text struck through in row *number* (how the 政务公开办 marks what to delete when it sends the table back): an
    error, since gongkai reads the text and not its font — the struck entry would stay, the struck row be 「未变」."""
    if not grid.struck:
        return []
    filled = rowkinds.filled_cells(grid, number)
    crossed = [col for col in filled if (number, col) in grid.struck]
    if not crossed:
        return []
    if len(filled) > 1 and len(crossed) == len(filled) and all(grid.struck[(number, c)] == grid.own(number, c)
                                                                for c in crossed):
        return [ImportProblem(grid.ref(number, crossed[0]), (
            f"第{number}行的文字全部加了删除线（审核时标出要删去这一行？）：gongkai 不按字体格式读，这一行会照样导入，"
            "导入也不删除事项。要删去的，请在表格中删去这一行（事项文件另行删去）；不删的，请去掉删除线后再导入"))]
    return [ImportProblem(grid.ref(number, col), (
        f"单元格中「{shown(grid.struck[(number, col)])}」加了删除线（审核时标出要删去的文字？）：gongkai 不按字体格式读，"
        "加了删除线的文字照样会导入。要删去的，请真正删去这些文字；不删的，请去掉删除线后再导入")) for col in crossed]


# A row the 政务公开办 marks for deletion in words (in 备注, the 序号 or a column of its own: 「调整情况」「审核意见」):
# 「删除」「建议删除」「此项取消」「不再公开」.
_SUBJECT = r"(?:(?:此|该|本)(?:事?项|条))"
_DELETED = re.compile(r"(?:建议|拟|申请|需要?|应|已|予以|请|" + _SUBJECT + r")*"
                      r"(?:删除|删去|删掉|取消(?:公开)?|撤销|作废|不再公开|停止公开)" + _SUBJECT + r"?[。.！!]?")


def _marked_deleted(grid: Grid, layout: SheetLayout, number: int) -> list[ImportProblem]:
    """A cell of 备注, 序号 or a column gongkai does not read that says to delete the row: import deletes nothing, and
    would keep the item (with 「删除」 for its 备注) as if nobody had said so."""
    cols = [c for c in layout.columns if c.key in (None, SERIAL, "备注") and not c.under]
    return [ImportProblem(grid.ref(number, c.col), (
        f"这一行标明「{shown(grid.own(number, c.col))}」：gongkai 导入不删除事项，这一行会照样导入"
        f"{'（这一格成为事项的备注）' if c.key == '备注' else ''}。要删去这个事项的，请在表格中删去这一行，再删去它的事项文件"
        "（gongkai validate 会指出还引用它的信息）；不删的，请清空这一格后再导入"))
        for c in cols if _DELETED.fullmatch(norm(grid.own(number, c.col)))]


def _formula_problem(grid: Grid, cell: tuple[int, int]) -> list[ImportProblem]:
    """A formula without a result, or with an error for a result: the cell cannot be read as what it means."""
    if formula := grid.formulas.get(cell):
        return [ImportProblem(grid.ref(*cell), (
            f"单元格是公式「{shown(formula)}」，但文件里没有保存计算结果（表格可能是程序生成的）：请用 Excel 或 WPS "
            "打开并保存后再导入，或把公式改为「选择性粘贴 → 数值」"))]
    if cell in grid.dates:
        return [ImportProblem(grid.ref(*cell), (
            f"单元格是日期格式（Excel 显示为日期，读出的是「{grid.own(*cell)}」），这一列应是文字：请把单元格格式改为"
            "「文本」后重新填写"))]
    if _SCIENTIFIC.fullmatch(grid.own(*cell)):
        return [ImportProblem(grid.ref(*cell), (
            f"单元格是「{grid.own(*cell)}」：Excel 把长数字（电话号码、编号）显示成科学计数法后另存，原来的数字已经丢失，"
            "gongkai 无法还原：请在原表中把这一列设为「文本」、重新填写完整的数字后再导入"))]
    if grid.own(*cell) in FORMULA_ERRORS:
        return [ImportProblem(grid.ref(*cell), (
            f"单元格的公式出错（{grid.own(*cell)}），读不出内容：请在 Excel 中改正公式，或直接填写内容"))]
    return []


def _between_rows(grid: Grid, number: int, domains: list[str], reading: Reading, sections: set[str],
                  titles: dict[int, str] | None = None) -> str:
    """A row that is no item: a section title switches the 领域 (its name is returned); a numbered title of a group
    (「（一）最低生活保障」, across the row or in the 序号 column) is kept in *titles*, the 一级事项 of the rows under it
    that leave theirs blank; other text is reported, not lost silently ("")."""
    if rowkinds.numbers_only(grid, number):
        return ""
    first = next(c for c in range(1, grid.cols + 1) if grid.own(number, c))
    texts = [grid.own(number, c) for c in rowkinds.filled_cells(grid, number)]
    if len(texts) == 1 and (switched := _section(texts[0], grid.ref(number, first), domains, reading, sections)) is not None:
        return switched
    if len(texts) == 1 and titles is not None and rowkinds.section_style(texts[0]) and unnumbered(texts[0]):
        titles[number] = texts[0]  # (the rows reading it say so: 「一级事项为空，按它上面最近的一级事项读」)
    reading.problems.append(ImportProblem(grid.ref(number, first), (
        f"这一行没有事项名称、公开内容或编号，不是事项，已跳过：「{shown(grid.own(number, first))}」"), warning=True))
    return ""


def _section(text: str, ref: str, domains: list[str], reading: Reading, sections: set[str]) -> str | None:
    """The 领域 a section title names (「一、社会救助」), remembering how it is numbered. A title numbered as one that
    named a 领域 (「二、养老服务」), or one saying 「……领域」, naming none gongkai.yaml has is another 领域's: an error at
    its cell (""), so that its rows never go into the 领域 above. None: the title is a group's (「（一）最低生活保障」), or
    the text is a note (「注：……」) or a sentence (「本表按领域填写，一个领域一个工作表。」), which is no title: a
    sentence is read as one only by its first clause (「二、养老服务领域，共5项」), and never as an unknown 领域's."""
    if rowkinds.note(text):
        return None
    head = rowkinds.first_clause(text)
    sentence = head != text
    style = rowkinds.section_style(head)
    claimed = None if sentence else _CLAIMED.search(norm(head))
    # a short title naming a 领域, or a longer one numbered as the 领域 titles above (「三、区划地名类公开事项」) or
    # saying 「区划地名领域」: that 领域's, not an error saying it is none of gongkai.yaml's while listing it
    if (found := find_domain(head, domains)) and (len(norm(head)) <= len(found) + 6 or (style and style in sections)
                                                  or (claimed and found in claimed.group(0))):
        if style:
            sections.add(style)
        return found
    if sentence or ((style is None or style not in sections) and not claimed):  # 「养老服务领域」 says it
        return None
    listed = "、".join(domains)
    other = next(s for s in ("（一）", "一、", "1.") if rowkinds.section_style(s) not in sections)  # not the 领域's
    reading.problems.append(ImportProblem(ref, (
        f"分段标题「{shown(text)}」是领域的标题，却不是 gongkai.yaml 中的领域（{listed}）：它下面各行属于"
        "哪个领域看不出，没有导入。请在 gongkai.yaml 的「领域」中加上这个领域后再导入；它若只是一组事项的标题，请改用别的编号"
        f"（如「{other}」）")))
    return ""
