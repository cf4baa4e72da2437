"""gongkai validate as a library call: load, lint, and remember the whole result for an unchanged catalog."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from gongkai.catalog import Catalog, load, open_catalog, scan
from gongkai.catalog.decode import decode
from gongkai.catalog.sources import Source
from gongkai.diagnostics import Report
from gongkai.lint import lint
from gongkai.privacy.mask import mask_text


@dataclass
class Validation:
    """The outcome of one validate run, and a way to show the source lines it points at."""

    report: Report
    source: Source
    catalog: Catalog | None  # None when the result came whole from the cache

    def line(self, path: str, number: int) -> str | None:
        """Line *number* of catalog file *path*, for showing next to a finding."""
        try:
            data = self.source.read(path)
        except OSError:
            return None
        text, _ = decode(data)
        if text is None:  # shown anyway, so the person sees which line of a GBK file is meant
            text = data.decode("gb18030", errors="replace").replace("\r\n", "\n")
        lines = text.split("\n")
        # A CI log never carries personal data, whatever rule points at the line (DOMAIN.md §7).
        return mask_text(lines[number - 1])[0] if 0 < number <= len(lines) else None


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
