"""The columns of the website (国办秘函〔2019〕19号「栏目不更新」): which items are kept on the web, and which are blank.

Shared by validate (GK902) and gongkai inspect, so both call the same column blank for the same reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gongkai.catalog import Catalog
from gongkai.model import Item, Unit
from gongkai.model.reasons import says_why
from gongkai.model.vocab import LEADERS_CATEGORY, PROACTIVE_MODE, TOWN_UNIT_KIND
from gongkai.publication.channels import WEB_CHANNEL


def web_columns(catalog: Catalog) -> list[Item]:
    """主动 items published through 政府网站, by id: an item published only elsewhere has a page saying where."""
    return sorted((i for i in catalog.items.values() if i.mode == "主动" and WEB_CHANNEL in i.channels),
                  key=lambda i: i.id)


@dataclass(frozen=True)
class Blanks:
    """Columns with nothing on the web and no 空白说明 that says why (model.reasons): items, and township pages with their index in 单位."""

    items: list[Item]
    towns: list[tuple[int, Unit]]


def blank_columns(catalog: Catalog, on_web: Mapping[str, int]) -> Blanks:
    """The blank columns, given how many records are on the web per item id and per unit id."""
    items = [i for i in web_columns(catalog) if not on_web.get(i.id) and not says_why(i.blank_note)]
    agency = catalog.agency
    towns = [(n, u) for n, u in enumerate(agency.units if agency else [])
             if u.kind == TOWN_UNIT_KIND and not on_web.get(u.id) and not says_why(u.blank_note)]
    return Blanks(items, towns)


def leaders_blank(catalog: Catalog) -> bool:
    """True when 法定主动公开内容 → 领导信息 shows nothing: no leader in gongkai.yaml「领导」 and no item of that 法定类别
    (条例第二十条第（二）项: 负责人姓名 is published; an empty 领导信息 is a blank column to the yearly inspection)."""
    agency = catalog.agency
    return (agency is not None and not agency.leaders
            and not any(i.law_category == LEADERS_CATEGORY and i.mode == PROACTIVE_MODE for i in catalog.items.values()))
