"""Tables 三 and 四 of an annual report as published (the 正文 of the 年度报告 record, Markdown tables as `report annual`
writes them or as typed by hand), read back and checked: the sums the 2021 format implies, and 上年结转 against last
year's 结转下年度 (reports.annual compares them with the registers).

A 政务公开办 reads a published report line by line: 一 + 二 = 三(七) + 四 in every column (the format prints the check
in the table's corner), each category the sum of its numbered rows, （七） the sum of （一）–（六）, 总计 the sum of the
six columns. A report whose figures were typed or edited by hand fails these where `report annual` never would.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gongkai.model.request import APPLICANT_TYPES, OUTCOMES

COLUMNS = (*APPLICANT_TYPES, "总计")
_FIRST_ROWS = {"本年新收政府信息公开申请数量": "一", "上年结转政府信息公开申请数量": "二", "结转下年度继续办理": "四"}
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(][一二三四五六七八九十]+[)]|\d+[.．、]?)")
_HEADING = "本年度办理结果"  # 三's own words, which a condensed table writes on the line of （一）
# Table 四: its groups (as report annual keys them, and as a report names them) and its five headings under each.
TABLE4_NAMES = {"行政复议": "行政复议", "未经复议直接起诉": "行政诉讼（未经复议直接起诉）", "复议后起诉": "行政诉讼（复议后起诉）"}
TABLE4_HEADINGS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


@dataclass(frozen=True)
class PublishedRow:
    """One row of a published table 三: its place in the format (一, 不予公开, 不予公开/属于国家秘密 …), its words as
    printed, and its figures (None where a cell holds no whole number)."""

    key: str
    label: str
    cells: tuple[int | None, ...]


@dataclass(frozen=True)
class PublishedTable:
    """Table 三 as published: its figure columns (the 2021 format's seven, or the header of a condensed table such as
    自然人 / 法人或其他组织 / 总计; the last is 总计) and its rows in order."""

    columns: tuple[str, ...]
    rows: list[PublishedRow]


def _plain(text: str) -> str:
    """Words without spaces, Markdown emphasis, quotes or width differences, for matching a label to the format."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if not c.isspace() and c not in "*_`\"“”'‘’")


def _number(cell: str) -> int | None:
    text = _plain(cell)
    return int(text) if text.isdigit() else None


def _words(label: str) -> str:
    """*label* without its numbering (一、 （三） 4.), and without 本年度办理结果 before （一）."""
    words = _NUMBERING.sub("", label)
    return _NUMBERING.sub("", words.removeprefix(_HEADING)) if words.startswith(_HEADING) else words


def _category_of(words: str) -> str | None:
    """The category of 三 a row names: its words, or its words before a colon (不予公开：保护第三方合法权益)."""
    head = words.split(":", 1)[0]
    if head == "总计":
        return "总计"
    return next((c for c in OUTCOMES if head == c or (c == "部分公开" and head.startswith(c))), None)


def _cells(line: str) -> list[str]:
    return line.strip().strip("|").split("|") if line.lstrip().startswith("|") else []


def read_table3(body: str) -> PublishedTable | None:
    """Table 三 in *body*, found by its header (a row naming 自然人 and ending in 总计); None when *body* holds none
    (a report given only as an attachment)."""
    lines = [_cells(line) for line in body.splitlines()]
    header = next((i for i, c in enumerate(lines) if len(c) > 2 and "自然人" in map(_plain, c[1:])
                   and _plain(c[-1]) == "总计"), None)
    if header is None:
        return None
    columns = tuple(c.strip() for c in lines[header][1:])
    if tuple(map(_plain, columns)) == COLUMNS:
        columns = COLUMNS
    rows: list[PublishedRow] = []
    category: str | None = None
    for cells in lines[header + 1:]:
        if not cells:
            break  # the end of the table
        if len(cells) != len(columns) + 1:
            continue
        label, shown = _plain(cells[0]), cells[0].strip(" \t　*")
        words, figures = _words(label), tuple(_number(c) for c in cells[1:])
        if words in _FIRST_ROWS:
            category = None
            rows.append(PublishedRow(_FIRST_ROWS[words], shown, figures))
        elif not label[:1].isdigit() and (found := _category_of(words)) is not None:
            category = found
            rows.append(PublishedRow("（七）" if found == "总计" else found, shown, figures))
        elif category in OUTCOMES and label[:1].isdigit():
            reason = next((r for r in OUTCOMES[category] if _plain(r) == words), None)
            if reason is not None:
                rows.append(PublishedRow(f"{category}/{reason}", shown, figures))
    return PublishedTable(columns, rows)


def differing(table: PublishedTable, what: str, row: PublishedRow, expected: list[int | None]) -> list[str]:
    """What differs between *row* and the *expected* cells (None: not compared), column by column."""
    return [f"「{row.label}」行「{column}」列是 {got}，{what}是 {want}"
            for column, got, want in zip(table.columns, row.cells, expected, strict=True)
            if got is not None and want is not None and got != want]


def _sum(rows: list[PublishedRow], width: int) -> list[int | None]:
    return [None if any(r.cells[i] is None for r in rows) else sum(r.cells[i] or 0 for r in rows) for i in range(width)]


def check_sums(table: PublishedTable) -> list[str]:
    """Every sum the format implies that the published figures break, in words a reader can find in the table."""
    rows, width = table.rows, len(table.columns)
    by_key = {r.key: r for r in rows}
    problems = [f"「{r.label}」行「{'、'.join(table.columns[i] for i, v in enumerate(r.cells) if v is None)}」列不是数字"
                for r in rows if None in r.cells]
    # 总计 = the columns before it (unless a 法人或其他组织 subtotal stands beside its own five kinds)
    parts = [_plain(c) for c in table.columns[:-1]]
    summed = not ("法人或其他组织" in parts and any(t in parts for t in APPLICANT_TYPES[1:]))
    for row in rows if summed else []:
        if None not in row.cells[:-1]:
            problems += differing(table, "前面各列之和", row, [None] * (width - 1) + [sum(c or 0 for c in row.cells[:-1])])
    categories = [by_key[c] for c in OUTCOMES if c in by_key]
    for category in categories:
        if subs := [r for r in rows if r.key.startswith(f"{category.key}/")]:
            problems += differing(table, "下面各项之和", category, _sum(subs, width))
    if "（七）" in by_key and categories:
        problems += differing(table, "（一）至（六）之和", by_key["（七）"], _sum(categories, width))
    if all(k in by_key for k in ("一", "二", "（七）", "四")):
        left = _sum([by_key["一"], by_key["二"]], width)
        right = _sum([by_key["（七）"], by_key["四"]], width)
        problems += [f"「{column}」列：第一项加第二项是 {a}，第三项（七）总计加第四项是 {b}，应相等"
                     for column, a, b in zip(table.columns, left, right, strict=True)
                     if a is not None and b is not None and a != b]
    return problems


def _by_column(columns: tuple[str, ...], cells: tuple[int | None, ...] | list[int | None]) -> dict[str, int | None]:
    """Figures by column name, with 法人或其他组织 (a condensed table's column) as the sum of its five kinds."""
    found = dict(zip(columns, cells, strict=True))
    if all(found.get(t) is not None for t in APPLICANT_TYPES[1:]):
        found.setdefault("法人或其他组织", sum(found[t] or 0 for t in APPLICANT_TYPES[1:]))
    return {_plain(k): v for k, v in found.items()}


def carried_over(previous: PublishedTable, this_year: tuple[tuple[str, ...], tuple[int | None, ...]]) -> list[str]:
    """Columns where this year's 二、上年结转 (its columns and cells) is not last year's published 四、结转下年度继续办理:
    the same requests, counted at the same midnight, so the two reports must say the same."""
    four = next((r for r in previous.rows if r.key == "四"), None)
    if four is None:
        return []
    before = _by_column(previous.columns, four.cells)
    now = _by_column(*this_year)
    return [f"「{column}」列：本年「二、上年结转」是 {now[key]}，上一年度报告「四、结转下年度继续办理」是 {before[key]}"
            for column in previous.columns if (key := _plain(column)) in now
            and before[key] is not None and now[key] is not None and before[key] != now[key]]


def _group(label: str) -> str | None:
    """The group of table 四 a row names (行政诉讼（复议后起诉）, 复议后起诉 …)."""
    return next((g for g in ("未经复议直接起诉", "复议后起诉", "行政复议") if g[:3] in label), None)


def read_table4(body: str) -> dict[str, tuple[int | None, ...]]:
    """Table 四 in *body*, group → its five figures; {} when there is none. Two layouts: `report annual`'s (the fifteen
    headings in a row, the fifteen figures in the next) and one row per group under a row of the five headings."""
    lines = [[_plain(c) for c in _cells(line)] for line in body.splitlines()]
    for index, cells in enumerate(lines[:-1]):
        if cells == list(TABLE4_HEADINGS) * 3 and len(lines[index + 1]) == 15:
            figures = tuple(_number(c) for c in lines[index + 1])
            return {group: figures[5 * n:5 * n + 5] for n, group in enumerate(TABLE4_NAMES)}
        if cells[1:] == list(TABLE4_HEADINGS):
            found: dict[str, tuple[int | None, ...]] = {}
            for row in lines[index + 1:]:
                if not row:
                    break
                if len(row) == 6 and (group := _group(row[0])) is not None:
                    found[group] = tuple(_number(c) for c in row[1:])
            return found
    return {}


def check_table4(groups: dict[str, tuple[int | None, ...]]) -> list[str]:
    """Each group's 总计 against its four results."""
    problems = []
    for group, figures in groups.items():
        name = TABLE4_NAMES[group]
        if None in figures:
            problems.append(f"「{name}」的「{'、'.join(h for h, v in zip(TABLE4_HEADINGS, figures) if v is None)}」不是数字")
        elif figures[4] != sum(v or 0 for v in figures[:4]):
            problems.append(f"「{name}」的「总计」是 {figures[4]}，结果维持、结果纠正、其他结果、尚未审结之和是 "
                            f"{sum(v or 0 for v in figures[:4])}")
    return problems
