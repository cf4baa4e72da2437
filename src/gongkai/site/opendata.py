"""Open data and machine-readable files: the directory as JSON/CSV/XLSX, the Atom feed, sitemap.xml."""

from __future__ import annotations

import csv
import importlib
import io
import json
from collections.abc import Callable
from typing import Any

from gongkai.catalog import Catalog
from gongkai.site.columns import COLUMNS, row
from gongkai.site.context import SiteData
from gongkai.site.render import render

FEED_SIZE = 50


def directory_json(data: SiteData) -> bytes:
    """The directory in the official column order, one object per row, plus 编号, 领域 and 五公开."""
    rows = []
    for n, item in enumerate(data.items, 1):
        cells = row(item).cells()
        entry: dict[str, Any] = {"编号": item.id, "领域": item.domain, "五公开": item.five, COLUMNS[0]: n}
        entry.update(zip(COLUMNS[1:], cells, strict=True))
        rows.append(entry)
    payload = {"机关": data.agency.org.name, "区划代码": data.agency.org.division_code,
               "日期": str(data.date) if data.date else None, "列": list(COLUMNS), "事项": rows}
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def directory_csv(data: SiteData) -> bytes:
    """The directory as CSV (UTF-8 with BOM so that Excel on Windows reads the Chinese)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["领域", "五公开", "编号", *COLUMNS])
    for n, item in enumerate(data.items, 1):
        writer.writerow([item.domain, item.five, item.id, n, *row(item).cells()])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def directory_xlsx(catalog: Catalog) -> bytes | None:
    """The official-layout spreadsheet, when the interchange module that writes it is installed."""
    try:
        module = importlib.import_module("gongkai.interchange.xlsx")
    except ImportError:
        return None
    export: Callable[[Catalog], bytes] | None = getattr(module, "export_directory_xlsx", None)
    return export(catalog) if export else None


def feed(data: SiteData, base: str) -> bytes:
    """An Atom feed of the newest 主动公开 records."""
    return render("feed.xml", {"site": data, "base": base, "entries": data.records[:FEED_SIZE]})


def sitemap(paths: list[str], base: str) -> bytes:
    """sitemap.xml of every HTML page (absolute when the site's base address is configured)."""
    urls = [base + p.removesuffix("index.html") for p in paths]
    return render("sitemap.xml", {"urls": urls})
