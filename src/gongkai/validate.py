"""gongkai validate as a library call: the whole result for an unchanged catalog, else re-check what changed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from gongkai.catalog.listing import ChangedWhileRead, Listing, open_catalog, scan
from gongkai.catalog.sources import Source
from gongkai.diagnostics import Report
from gongkai.output.excerpt import SourceLines, source_lines

if TYPE_CHECKING:
    from gongkai.catalog.cache import Cache
    from gongkai.catalog.loader import Catalog
    from gongkai.output.names import ListedNames

MEMO_PREFIX = "validate:"


@dataclass
class Validation:
    """The outcome of one validate run, and a way to show the source lines it points at."""

    report: Report
    source: Source
    catalog: Catalog | None  # the whole catalog when this run loaded it; None when the result came from the cache
    names: ListedNames | None = None  # the names each record file lists, read or remembered (output.names)
    line: SourceLines = field(init=False)  # line(path, number): the masked line shown next to a finding

    def __post_init__(self) -> None:
        self.line = source_lines(self.source, self.names)
        if self.report.diagnostics:  # every format shows them: the names a record lists masked
            from gongkai.output.names import unnamed

            self.report = unnamed(self.report, self.line.names)

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
        return _shown(remembered, source, None, listing, cache)
    if cache.db is None:  # no cache (--no-cache): the reference an incremental run must equal, every rule on all
        from gongkai.catalog.loader import load
        from gongkai.lint import lint

        catalog = load(source, listing, cache)
        return Validation(lint(catalog, today), source, catalog)
    from gongkai.recheck import recheck  # every rule and what it reads: not needed when the result is remembered

    report, whole = recheck(source, listing, cache, today)
    cache.put_memo(key, report, replaces=MEMO_PREFIX)  # only the latest state is worth keeping
    return _shown(report, source, None if whole.partial else whole, listing, cache)


NAMES_MEMO = "validate-names"  # blob → the names the record lists, of the record files findings were shown in


def _shown(report: Report, source: Source, catalog: Catalog | None, listing: Listing, cache: Cache) -> Validation:
    """The validation of *report*: with findings, the names their records list, remembered by content from the last
    run and for the next one when they changed; a catalog with nothing to show reads nothing for them."""
    if not report.diagnostics:
        return Validation(report, source, catalog)
    from gongkai.output.names import ListedNames

    remembered = cache.memo(NAMES_MEMO)
    names = ListedNames(source, {path: blob for path, _, blob in listing.files},
                        remembered if isinstance(remembered, dict) else None)
    validation = Validation(report, source, catalog, names)
    if names.changed:
        cache.put_memo(NAMES_MEMO, names.used)
    return validation
