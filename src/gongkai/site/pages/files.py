"""The column's other files: assets, search and data pages, open data, the Atom feed, sitemap.xml, 目录调整记录."""

from __future__ import annotations

import json
from functools import partial
from collections.abc import Callable, Iterator
from typing import Any

from gongkai.formulas import csv_bytes
from gongkai.site.artifact import Artifact, admitted, page
from gongkai.site.changes import Adjustment
from gongkai.site.columns import COLUMNS, row
from gongkai.site.data import FIVE_SLUGS, SiteData
from gongkai.site.render import asset, asset_names, render

FEED_SIZE = 50


def asset_artifacts() -> Iterator[Artifact]:
    """The stylesheet and scripts shipped with the templates (the chrome key covers their content)."""
    for name in asset_names():
        yield Artifact(f"assets/{name}", (), partial(asset, name))


def data_artifacts(data: SiteData, common: dict[str, Any], changes: list[Adjustment],
                   xlsx: Callable[[], bytes]) -> Iterator[Artifact]:
    """Search and data pages, the directory as JSON/CSV/XLSX, the feed and the 目录调整记录."""
    items = tuple(f"item:{i.id}:{data.blob('item', i.id)}" for i in data.items)
    publishers = sorted({i.publisher for i in data.items})
    yield page("search/index.html", "search.html", (f"publishers:{publishers}",),
               lambda: {"fives": FIVE_SLUGS, "publishers": publishers}, common, sitemap=False)
    yield page("data/index.html", "data.html", (), lambda: {}, common)
    yield Artifact("data/directory.json", items, lambda: directory_json(data))
    yield Artifact("data/directory.csv", items, lambda: directory_csv(data))
    yield Artifact("data/directory.xlsx", items, xlsx)
    yield page("changes/index.html", "changes.html", (f"changes:{changes!r}",), lambda: {"changes": changes}, common)
    entries = [a for a in data.records if not a.lists_people][:FEED_SIZE]
    yield Artifact("feed.xml", (*admitted(entries), f"updated:{data.updated}"),
                   lambda: render("feed.xml", {**common, "base": data.base_url, "entries": entries}))


def sitemap(data: SiteData, paths: list[str]) -> Artifact | None:
    """sitemap.xml with absolute addresses; none without 网站.基础地址 (a wrong sitemap is worse than none)."""
    if not data.base_url:
        return None
    listed = sorted(paths)

    def make() -> bytes:  # the addresses only when it is made (100,000 pages: the build after one edit keeps it)
        return render("sitemap.xml", {"urls": [data.base_url + p.removesuffix("index.html") for p in listed]})

    return Artifact("sitemap.xml", (data.base_url, *listed), make)


def directory_json(data: SiteData) -> bytes:
    """The directory in the official column order, one object per row, plus 编号, 领域 and 五公开."""
    rows = []
    for n, item in enumerate(data.items, 1):
        entry: dict[str, Any] = {"编号": item.id, "领域": item.domain, "五公开": item.five, COLUMNS[0]: n}
        entry.update(zip(COLUMNS[1:], row(item).cells(), strict=True))
        rows.append(entry)
    payload = {"机关": data.agency.org.name, "区划代码": data.agency.org.division_code, "地址": data.base_url or None,
               "列": list(COLUMNS), "事项": rows}
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def directory_csv(data: SiteData) -> bytes:
    """The directory as CSV (UTF-8 with BOM so that Excel on Windows reads the Chinese)."""
    return csv_bytes([["领域", "五公开", "编号", *COLUMNS],
                      *([item.domain, item.five, item.id, n, *row(item).cells()] for n, item in enumerate(data.items, 1))])
