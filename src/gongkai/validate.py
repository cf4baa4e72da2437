"""gongkai validate as a library call: load, lint, and remember the whole result for an unchanged catalog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from gongkai.catalog import Catalog, load, open_catalog, scan
from gongkai.catalog.sources import Source
from gongkai.diagnostics import Report
from gongkai.lint import lint
from gongkai.output.excerpt import source_lines


@dataclass
class Validation:
    """The outcome of one validate run, and a way to show the source lines it points at."""

    report: Report
    source: Source
    catalog: Catalog | None  # None when the result came whole from the cache

    def line(self, path: str, number: int) -> str | None:
        """Line *number* of catalog file *path*, masked, for showing next to a finding."""
        return source_lines(self.source)(path, number)


def validate(path: Path, today: dt.date, use_cache: bool = True) -> Validation:
    """Check the catalog at *path*: every file and every rule; an unchanged catalog is answered from the cache."""
    source, cache = open_catalog(path, use_cache)
    listing = scan(source, cache)
    key = f"validate:{listing.fingerprint}:{today.isoformat()}"
    remembered = cache.memo(key)
    if isinstance(remembered, Report):
        return Validation(remembered, source, None)
    catalog = load(source, listing, cache)
    report = lint(catalog, today)
    cache.put_memo(key, report)
    return Validation(report, source, catalog)
