"""gongkai validate as a library call: load, lint, and remember the whole result for an unchanged catalog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.catalog import Catalog, load, open_catalog, scan
from gongkai.catalog.sources import Source
from gongkai.diagnostics import Report
from gongkai.output.excerpt import source_lines
from gongkai.output.text import LineReader

MEMO_PREFIX = "validate:"


@dataclass
class Validation:
    """The outcome of one validate run, and a way to show the source lines it points at."""

    report: Report
    source: Source
    catalog: Catalog | None  # None when the result came whole from the cache
    line: LineReader = field(init=False)  # line(path, number): the masked line shown next to a finding

    def __post_init__(self) -> None:
        self.line = source_lines(self.source)


def validate(path: Path, today: dt.date, use_cache: bool = True) -> Validation:
    """Check the catalog at *path*: every file and every rule; an unchanged catalog is answered from the cache."""
    source, cache = open_catalog(path, use_cache)
    listing = scan(source, cache)
    key = f"{MEMO_PREFIX}{listing.fingerprint}:{today.isoformat()}"
    remembered = cache.memo(key)
    if isinstance(remembered, Report):
        return Validation(remembered, source, None)
    from gongkai.lint import lint  # every rule and what it reads: not needed when the result is remembered

    catalog = load(source, listing, cache)
    report = lint(catalog, today)
    cache.put_memo(key, report, replaces=MEMO_PREFIX)  # only the latest state is worth keeping
    return Validation(report, source, catalog)
