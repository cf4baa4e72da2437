"""Rows of a directory table that are no items: the numbering of the columns, note and signature lines, page
numbers, totals, examples of how to fill it in, titles merged across the row, a header repeated on a new page."""

from __future__ import annotations

import re

from gongkai.interchange.grid import Grid
from gongkai.interchange.headers import headers, norm

NAMES = ("一级事项", "二级事项", "三级事项")
# A cell of a note or signature line below (or above) the rows: 「注：」「说明：」「填表人：张三」「单位（盖章）：」, and the
# other words a county's form signs with (「经办人：」「制表：」「分管领导：」「单位负责人：」「手机：」「联系人及电话：」): a
# person's name and mobile, never an item.
_ROLE = (r"(?:单位|科室|股室|部门|主要|分管|主管)?(?:(?:[填制报审核负责联系签经办统计]{1,4}[表报核字稿]?[人员])|领导|填表|填报|"
         r"制表|审核|审定|审签|审批|签发|核稿|经办|统计)(?:签字|签名)?(?:及(?:联系)?(?:电话|手机|方式))?")
# What a form writes in brackets after such a word: 「填表人（签字）：」「审核人(签名)：」「联系电话（手机）：」.
_ASIDE = r"(?:\s*[（(](?:签字|签名|盖章|手机|电话|座机|手机号码?|姓名|职务)[)）])?"
_FOOTER = re.compile(
    r"^\s*(?:注|注释|附注|备注|说明|填表说明|填报说明|" + _ROLE + r"|(?:联系|咨询|办公)?(?:电话|手机)(?:号码)?|联系方式|签字|签名|"
    r"日期|时间|[填制报]?[表报](?:日期|时间)|报送(?:日期|时间)|[填报送制]*单位|盖章)" + _ASIDE + r"\s*\d{0,2}\s*[:：]")
# The same words alone in a cell, the name or number in the next one (「经办人｜李四｜联系电话｜138……」), with or without
# their colon (「填表人：｜张三｜填表日期：｜2026-03-02」).
_LABEL = re.compile(r"\s*(?:" + _ROLE + r"|(?:联系|咨询|办公)?(?:电话|手机)(?:号码)?|联系方式|[填制报]?[表报]日期|报送日期)"
                    + _ASIDE + r"\s*[:：]?\s*")
# A page number left in the table by printing or by converting a PDF: 「第 1 页」「第1页，共3页」「共3页」「- 2 -」「1/3」.
PAGE = re.compile(r"第\d+页(?:[,，/]?共\d+页)?|共\d+页(?:[,，/]?第\d+页)?|[-—－]\d+[-—－]|\d+/\d+页?")
# The first cell of a row that counts the rows above it: 「合计」「小计：12项」「总计 25」「共计」, also said of the page or
# the rows above (「本页小计」「以上合计」「本表合计」).
_TOTAL = re.compile(r"^(?:本页|本表|本领域|以上|全部)?(?:合计|小计|总计|共计|总数|累计)(?:[:：(（]|共|\d|$)")
# A row showing how to fill the table: its first cell says so (「示例」「例：」「样例1」), or a name is a blank to fill in.
_EXAMPLE = re.compile(r"^(?:填写|填报)?(?:示例|样例|范例|举例|例)(?:\d*|[:：(（].*)$")
_TO_FILL = re.compile(r"[×Xx*]{2,}|…|\.{3}|[（(]\s*[）)]$")


def numbers_only(grid: Grid, number: int) -> bool:
    """A blank row, or one holding only numbers: the row under a printed header that numbers its columns."""
    return all(grid.own(number, c).isdigit() for c in filled_cells(grid, number))


def filled_cells(grid: Grid, number: int) -> list[int]:
    """The columns of row *number* that hold text of their own."""
    return [c for c in range(1, grid.cols + 1) if grid.own(number, c)]


def footer(grid: Grid, number: int) -> tuple[int, str] | None:
    """(column, text) of the first cell of a note or signature line written in the item columns: every cell of the row
    is one (「注：……」「填表人：张三」「审核人：李四」「填表日期：……」), so it is no item whatever columns it is in."""
    filled = filled_cells(grid, number)
    labels = [c for c in filled if _LABEL.fullmatch(grid.own(number, c))]

    def signs(col: int) -> bool:
        text = grid.own(number, col)
        return bool(_FOOTER.match(text) or PAGE.fullmatch(norm(text))) or col in labels

    if filled and signs(filled[0]) and all(signs(c) or filled[i - 1] in labels for i, c in enumerate(filled)):
        return filled[0], grid.own(number, filled[0])
    return None


# The punctuation of a clause: a title (「一、社会救助」「（一）最低生活保障」「第一部分：社会救助」) has none.
_CLAUSE = re.compile(r"[，。；！？;!?]")


def note(text: str) -> bool:
    """Text that begins as a note or a signature does (「注：」「备注：1.……」「填表人：」): never a section title."""
    return bool(_FOOTER.match(text))


def first_clause(text: str) -> str:
    """*text* up to its first clause punctuation: the title of 「二、养老服务领域，共5项」; the whole of a title."""
    return _CLAUSE.split(text, 1)[0]


def example(grid: Grid, number: int, own: dict[str, str]) -> tuple[int, str] | None:
    """(column, text) of what marks a row as an example of how to fill the table: 「示例」 in its first cell, or a 事项
    name left as a blank to fill in (「××事项」「……」)."""
    filled = filled_cells(grid, number)
    first = grid.own(number, filled[0]) if filled else ""
    if _EXAMPLE.match(norm(first)):
        return filled[0], first
    for key in NAMES:
        if _TO_FILL.search(norm(own.get(key, ""))):
            return next(c for c in filled if grid.own(number, c) == own[key]), own[key]
    return None


def total(grid: Grid, number: int) -> tuple[int, str] | None:
    """(column, text) of a 合计/小计 row's first cell, in whatever column it is written (序号, 一级事项 …)."""
    filled = filled_cells(grid, number)
    if filled and _TOTAL.match(norm(grid.own(number, filled[0]))):
        return filled[0], grid.own(number, filled[0])
    return None


def spans_row(grid: Grid, number: int) -> bool:
    """The row's only text is one cell merged across three or more columns: a title, a section or a note, no item."""
    filled = filled_cells(grid, number)
    return len(filled) == 1 and any((top, left) == (number, filled[0]) and right - left >= 2
                                    for top, left, bottom, right in grid.merged)


def repeated_header(own: dict[str, str]) -> bool:
    """A header repeated inside the data (tables pasted page by page)."""
    table = headers()
    return sum(1 for key, text in own.items() if text and table.field_of(text) == key.split("=")[0]) >= 2


# The number before a section title: 「一、」「（一）」「第一部分」. A table titling its 领域 so (「一、社会救助」) titles the
# next 领域 in the same style; 「（一）最低生活保障」 under it is a group of items.
_SECTION = re.compile(r"\s*(?:([一二三四五六七八九十]{1,3})\s*[、．.]|[（(]([一二三四五六七八九十]{1,3})[）)]|"
                      r"第([一二三四五六七八九十]{1,3})(?:部分|章|节|类))")


def section_style(text: str) -> str | None:
    """Which numbering a section title is written in (「一、」, 「（一）」 or 「第一部分」), or None for no such title."""
    found = _SECTION.match(text)
    if found is None:
        return None
    return ("、", "（）", "第")[next(i for i, group in enumerate(found.groups()) if group)]
