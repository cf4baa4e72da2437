"""Every page of the site: its output path, template, the inputs it depends on, and how to build its context."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from gongkai.model import Item, Record
from gongkai.model.vocab import FIVE_DISCLOSURES
from gongkai.site.attachments import Link, links
from gongkai.site.columns import COLUMNS, row
from gongkai.site.context import FIVE_SLUGS, SiteData
from gongkai.site.render import markdown

NEWEST = 20


@dataclass(frozen=True)
class Page:
    """One HTML file: where it goes, which template, and a key that changes whenever its inputs change."""

    path: str
    template: str
    key: str
    context: Callable[[], dict[str, Any]]

    @property
    def root(self) -> str:
        return "../" * self.path.count("/")


def pages(data: SiteData, attachments: dict[str, list[Link]], changes: list[Any]) -> Iterator[Page]:
    """All pages, in a stable order."""
    yield from overview_pages(data, changes)
    for item in data.items:
        yield item_page(data, item)
    for record in data.records:
        yield from record_pages(data, record, attachments.get(record.id, []))


def _always(path: str, template: str, **context: Any) -> Page:
    """A page rendered on every build (there are few of them); its key is unique so it is never skipped."""
    return Page(path, template, "", lambda: context)


def overview_pages(data: SiteData, changes: list[Any]) -> Iterator[Page]:
    yield _always("index.html", "home.html", newest=data.records[:NEWEST], fives=FIVE_SLUGS)
    for domain in data.agency.domains:
        rows = [row(i) for i in data.domain_items(domain)]
        yield _always(f"directory/{domain.slug}/index.html", "directory.html", domain=domain, rows=rows)
        yield _always(f"directory/{domain.slug}/poster.html", "poster.html", domain=domain, rows=rows)
    for five in FIVE_DISCLOSURES:
        rows = [row(i) for i in data.five_items(five)]
        yield _always(f"five/{FIVE_SLUGS[five]}/index.html", "five.html", five=five, rows=rows)
    for town in data.towns:
        yield _always(f"towns/{town.id}/index.html", "town.html", town=town, items=data.town_items,
                      town_records=data.by_unit.get(town.id, []))
    yield _always("towns/index.html", "towns.html", towns=data.towns)
    yield _always("apply/index.html", "apply.html", desk=data.agency.requests,
                  request_items=[i for i in data.items if i.mode == "依申请"])
    yield _always("changes/index.html", "changes.html", changes=changes)
    yield _always("search/index.html", "search.html", fives=FIVE_SLUGS,
                  publishers=sorted({i.publisher for i in data.items}))
    yield _always("data/index.html", "data.html")


def item_page(data: SiteData, item: Item) -> Page:
    records = data.by_item.get(item.id, [])
    key = "|".join([data.blob("item", item.id), data.unit_name(item.unit), *(data.blob("record", r.id) for r in records)])
    return Page(f"items/{item.id}.html", "item.html", key,
                lambda: {"item": item, "row": row(item), "item_records": records, "columns": COLUMNS})


def record_pages(data: SiteData, record: Record, files: list[Link]) -> Iterator[Page]:
    item = data.item_by_id.get(record.item or "")
    interpretations = data.related(record.interpretations)
    forwarded = data.related([record.forwards] if record.forwards else [])
    interprets = data.interpreted.get(record.id, [])
    related = [data.blob("record", r.id) for r in interpretations + forwarded + interprets]
    key = "|".join([data.blob("record", record.id), data.blob("item", record.item), data.unit_name(record.unit),
                    *related, *(f.href for f in files)])
    made: list[dict[str, Any]] = []

    def context() -> dict[str, Any]:
        # the three pages of a record share one context: the Markdown is rendered once
        if not made:
            made.append({"record": record, "item": item, "body": markdown(record.body), "files": files,
                         "interpretations": interpretations, "forwarded": forwarded, "interprets": interprets,
                         "unit": data.unit_name(record.unit)})
        return made[0]

    # flat files, not one folder per record: creating 100,000 folders costs more than rendering the pages
    base = f"records/{record.id}"
    yield Page(base + ".html", "record.html", key, context)
    yield Page(base + "-wechat.html", "wechat.html", key, context)
    yield Page(base + "-slide.html", "slide.html", key, context)


__all__ = ["Link", "Page", "links", "pages"]
