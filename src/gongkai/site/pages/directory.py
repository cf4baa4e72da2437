"""The 标准目录 as the column shows it: per 领域, per 五公开, one page per item, one per township."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import Any

from gongkai.gate import WEB_CHANNEL
from gongkai.model import Item
from gongkai.model.agency import Unit
from gongkai.model.vocab import FIVE_DISCLOSURES
from gongkai.site.artifact import Artifact, admitted, page
from gongkai.site.columns import COLUMNS, row
from gongkai.site.data import FIVE_SLUGS, SiteData
from gongkai.site.pages.paging import paged
from gongkai.site.search_docs import item_doc, page_doc

NO_RECORDS = "本栏目暂无主动公开的信息。"


def _items(items: list[Item], data: SiteData) -> tuple[str, ...]:
    return tuple(f"item:{i.id}:{data.blob('item', i.id)}" for i in items)


def directory_artifacts(data: SiteData, common: dict[str, Any]) -> Iterator[Artifact]:
    """标准目录 per 领域 (and its A3 poster), per 五公开, every item page, every township page."""
    for domain in data.agency.domains:
        items = data.domain_items(domain)
        yield page(f"directory/{domain.slug}/index.html", "directory.html", _items(items, data),
                   partial(_context, domain=domain, items=items, columns=COLUMNS), common)
        yield page(f"directory/{domain.slug}/poster.html", "poster.html", (*_items(items, data), _updated(data)),
                   partial(_context, domain=domain, items=items), common, sitemap=False)
    for five in FIVE_DISCLOSURES:
        items = data.five_items(five)
        yield page(f"five/{FIVE_SLUGS[five]}/index.html", "five.html", _items(items, data),
                   partial(_context, five=five, items=items, columns=COLUMNS), common)
    for item in data.items:
        yield from item_pages(data, item, common)
    yield page("towns/index.html", "towns.html", (), lambda: {}, common)
    for town in data.towns:
        yield from town_pages(data, town, common)


def _context(items: list[Item], **values: Any) -> dict[str, Any]:
    """A directory page's context: *values* and the rows of *items* (made when the page is rendered)."""
    return {**values, "rows": [row(i) for i in items]}


def _updated(data: SiteData) -> str:
    return f"updated:{data.updated}"


def blank_reason(item: Item) -> str:
    """Why an item shows no record: its 空白说明, or the channels it is published through when not the web."""
    if item.blank_note:
        return item.blank_note
    if WEB_CHANNEL not in item.channels:
        return f"本事项通过{'、'.join(row(item).channels)}公开，不在网站上发布。"
    return NO_RECORDS


def item_pages(data: SiteData, item: Item, common: dict[str, Any]) -> Iterator[Artifact]:
    """items/<id>.html (and items/<id>/2.html … for a long list): the item's official columns and the records
    published under it, in force first, 20 a page."""
    records = data.by_item.get(item.id, [])
    reason = blank_reason(item)
    search = partial(item_doc, item, len(records), "" if records else reason)
    for path, shown, pager in paged(f"items/{item.id}.html", records):
        yield page(path, "item.html", (*_items([item], data), *admitted(shown), *pager.inputs),
                   partial(dict, item=item, row=row(item), item_records=shown, blank=reason, columns=COLUMNS,
                           pager=pager),
                   common, search=search if pager.number == 1 else None)


def town_pages(data: SiteData, town: Unit, common: dict[str, Any]) -> Iterator[Artifact]:
    """towns/<id>/index.html (and …/2.html …): the 乡级 items and what the township's 民政办 published."""
    records = data.by_unit.get(town.id, [])
    reason = town.blank_note or NO_RECORDS
    first = f"towns/{town.id}/index.html"
    text = "\n".join(i.name for i in data.town_items)
    search = partial(page_doc, first, town.name, text, not records)
    for path, shown, pager in paged(first, records):
        yield page(path, "town.html", (*_items(data.town_items, data), *admitted(shown), *pager.inputs),
                   partial(dict, town=town, items=data.town_items, town_records=shown, blank=reason, pager=pager),
                   common, search=search if pager.number == 1 else None)
