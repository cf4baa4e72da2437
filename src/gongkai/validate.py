"""gongkai validate as a library call: the whole result for an unchanged catalog, else re-check what changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from gongkai.catalog.listing import ChangedWhileRead, open_catalog, scan
from gongkai.catalog.sources import Source
from gongkai.diagnostics import Report
from gongkai.output.excerpt import source_lines
from gongkai.output.text import LineReader

if TYPE_CHECKING:
    from gongkai.catalog.loader import Catalog

MEMO_PREFIX = "validate:"


@dataclass
class Validation:
    """The outcome of one validate run, and a way to show the source lines it points at."""

    report: Report
    source: Source
    catalog: Catalog | None  # the whole catalog when this run loaded it; None when the result came from the cache
    line: LineReader = field(init=False)  # line(path, number): the masked line shown next to a finding

    def __post_init__(self) -> None:
        self.line = source_lines(self.source)

    def path_in_repository(self) -> str:
        """The catalog folder's path from the top of its git repository, which CI annotations name files by."""
        from gongkai.catalog.gitsource import path_in_repository

        root = getattr(self.source, "root", None)
        return path_in_repository(root) if isinstance(root, Path) else ""


# Runs made when a file keeps changing while it is checked (an editor saving, a sync client writing) before giving up
ATTEMPTS = 3


def validate(path: Path, today: dt.date, use_cache: bool = True) -> Validation:
    """Check the catalog at *path*: every file and every rule; an unchanged catalog is answered from the cache.

    A file saved while it is checked is listed and checked again from the start; ChangedWhileRead (exit 2) when it
    keeps changing."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _validate(path, today, use_cache)
        except ChangedWhileRead:
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def _validate(path: Path, today: dt.date, use_cache: bool) -> Validation:
    source, cache = open_catalog(path, use_cache)
    listing = scan(source, cache)
    key = f"{MEMO_PREFIX}{listing.fingerprint}:{today.isoformat()}"
    remembered = cache.memo(key)
    if isinstance(remembered, Report):
        return Validation(remembered, source, None)
    if cache.db is None:  # no cache (--no-cache): the reference an incremental run must equal, every rule on all
        from gongkai.catalog.loader import load
        from gongkai.lint import lint

        catalog = load(source, listing, cache)
        return Validation(lint(catalog, today), source, catalog)
    from gongkai.recheck import recheck  # every rule and what it reads: not needed when the result is remembered

    report, whole = recheck(source, listing, cache, today)
    cache.put_memo(key, report, replaces=MEMO_PREFIX)  # only the latest state is worth keeping
    return Validation(report, source, None if whole.partial else whole)
