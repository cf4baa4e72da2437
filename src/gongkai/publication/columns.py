"""The columns of the website (国办秘函〔2019〕19号「栏目不更新」): which items are kept on the web, and which are blank.

Shared by validate (GK902) and gongkai inspect, so both call the same column blank for the same reason.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from gongkai.catalog import Catalog
from gongkai.characters import cut_short
from gongkai.days import chinese_day
from gongkai.model import Item, Unit
from gongkai.model.reasons import passed_promise, says_something, says_why, under_way, written
from gongkai.model.vocab import LEADERS_CATEGORY, PROACTIVE_MODE, TOWN_UNIT_KIND
from gongkai.publication.channels import WEB_CHANNEL


def web_columns(catalog: Catalog) -> list[Item]:
    """主动 items published through 政府网站, by id: an item published only elsewhere has a page saying where."""
    return sorted((i for i in catalog.items.values() if i.mode == "主动" and WEB_CHANNEL in i.channels),
                  key=lambda i: i.order)


@dataclass(frozen=True)
class Blanks:
    """Columns with nothing on the web and no 空白说明 that says why (model.reasons): items, and township pages with their index in 单位."""

    items: list[Item]
    towns: list[tuple[int, Unit]]


def blank_columns(catalog: Catalog, on_web: Mapping[str, int], today: dt.date | None = None) -> Blanks:
    """The blank columns, given how many records are on the web per item id and per unit id; on *today*, a 空白说明
    whose promised day of publication has passed explains nothing any more (model.reasons.passed_promise)."""
    items = [i for i in web_columns(catalog) if not on_web.get(i.id) and not explains(i.blank_note, today)]
    agency = catalog.agency
    towns = [(n, u) for n, u in enumerate(agency.units if agency else [])
             if u.kind == TOWN_UNIT_KIND and not on_web.get(u.id) and not explains(u.blank_note, today)]
    return Blanks(items, towns)


def blank_reason(note: str | None, today: dt.date) -> str:
    """Why a column with nothing on the web is blank, for people: no 空白说明, one that only says nothing is there
    (「本栏目暂无信息」, model.reasons), or one whose promised day has passed."""
    passed = passed_promise(note, today)
    if passed is None:
        shown = written(note)
        if not shown:
            return "也没有空白说明"
        quoted = cut_short(shown, 30, "……")  # (judged whole: a cut may leave out the part of a number at its end)
        if not says_something(shown):  # 「无」, 「空缺」, 「—」: a placeholder
            return f"空白说明「{quoted}」没有说明原因"
        if under_way(shown):  # 「栏目建设中」「待更新」
            return f"空白说明「{quoted}」只说栏目在建设、更新或整理中，没有说明为什么没有信息"
        return f"空白说明「{quoted}」只说没有信息，没有说明原因"
    return f"空白说明中写的公开时间（{chinese_day(passed)}前）已过，不再能说明栏目为什么是空的"


def explains(note: str | None, today: dt.date | None) -> bool:
    """True when a 空白说明 says why the column is empty, and (on *today*) promises no day that has passed."""
    return says_why(note) and (today is None or passed_promise(note, today) is None)


def leaders_blank(catalog: Catalog) -> bool:
    """True when 法定主动公开内容 → 领导信息 shows nothing: no leader named in gongkai.yaml「领导」 and no item of that 法定类别
    (条例第二十条第（二）项: 负责人姓名 is published; an empty 领导信息 is a blank column to the yearly inspection)."""
    agency = catalog.agency
    listed = (i for i in catalog.items.values() if i.law_category == LEADERS_CATEGORY and i.mode == PROACTIVE_MODE)
    return agency is not None and not agency.named_leaders and next(listed, None) is None
