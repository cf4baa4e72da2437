"""The column's other files: assets, search and data pages, open data, the Atom feed, sitemap.xml, 目录调整记录."""

from __future__ import annotations

import datetime as dt
import heapq
import json
from functools import partial
from collections.abc import Callable, Iterator
from typing import Any

from gongkai.formulas import csv_bytes
from gongkai.gate import Admission
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
    entries = feed_entries(data)
    yield Artifact("feed.xml", (*admitted(entries), f"updated:{data.updated}"),
                   lambda: render("feed.xml", {**common, "base": data.base_url, "entries": entries}))


def feed_entries(data: SiteData) -> list[Admission]:
    """The feed's 50 entries: those that changed last as a reader sees it (Admission.changed: published, or no longer
    in force), newest first — a standard published years ago that lapsed today is news today, as its <updated> says,
    and not only when it is among the 50 published last. Lists of people are never in the feed."""
    shown = [a for a in data.records if not a.lists_people]  # newest published first
    lapsed = [a for a in shown[FEED_SIZE:] if not a.in_force]  # changed after they were published, maybe lately
    return heapq.nlargest(FEED_SIZE, shown[:FEED_SIZE] + lapsed, key=_changed)


def _changed(admission: Admission) -> tuple[dt.date, str]:
    return admission.changed, admission.newest


# The sitemap protocol (sitemaps.org/protocol.html): one file holds at most 50,000 URLs and 50 MB (52,428,800 bytes)
# uncompressed; a bigger site is listed in parts named by a sitemap index. A part lists only addresses under its own
# folder, so the parts sit beside sitemap.xml, at the column's root.
SITEMAP_URLS = 50_000
SITEMAP_BYTES = 52_428_800
_URL_LINE = len("<url><loc></loc></url>\n")
_SITEMAP_FRAME = 256  # the XML declaration and the <urlset> element around the lines


def sitemaps(data: SiteData, paths: list[str]) -> Iterator[Artifact]:
    """sitemap.xml with absolute addresses, none without 网站.基础地址 (a wrong sitemap is worse than none); past
    50,000 pages (or 50 MB) sitemap.xml is an index of parts sitemap-1.xml, sitemap-2.xml … each within the limits."""
    if not data.base_url:
        return
    listed = sorted(paths)
    size = _part_size(data.base_url, listed)
    if len(listed) <= size:
        yield _sitemap_part("sitemap.xml", data.base_url, listed)
        return
    names = [f"sitemap-{n}.xml" for n in range(1, (len(listed) + size - 1) // size + 1)]
    for n, name in enumerate(names):
        yield _sitemap_part(name, data.base_url, listed[n * size:(n + 1) * size])
    yield Artifact("sitemap.xml", (data.base_url, *names),
                   lambda: render("sitemap-index.xml", {"urls": [data.base_url + name for name in names]}))


def _part_size(base: str, listed: list[str]) -> int:
    """How many addresses one sitemap file holds: 50,000, fewer when the longest would pass 50 MB (the addresses are
    ASCII — the base percent-encoded, paths of 编号 and codes — so a character is a byte)."""
    longest = len(base) + max(map(len, listed), default=0) + _URL_LINE
    return max(1, min(SITEMAP_URLS, (SITEMAP_BYTES - _SITEMAP_FRAME) // longest))


def _sitemap_part(name: str, base: str, listed: list[str]) -> Artifact:
    def make() -> bytes:  # the addresses only when it is made (100,000 pages: the build after one edit keeps it)
        return render("sitemap.xml", {"urls": [base + p.removesuffix("index.html") for p in listed]})

    return Artifact(name, (base, *listed), make)


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
