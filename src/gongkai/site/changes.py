"""目录调整记录: the substantive adjustments of the directory (items only), from the catalog's git history."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gongkai.catalog import Catalog

DIRECTORY_KIND = "item"


@dataclass(frozen=True)
class Adjustment:
    """One substantive change of one item, as the 目录调整记录 page lists it."""

    date: str
    headline: str
    details: tuple[str, ...]


def directory_changes(catalog: Catalog) -> list[Adjustment]:
    """The directory's substantive adjustments, newest first; [] when the catalog is not in git.

    Only changes of items are shown: records (some of them not public) never appear on this page, and commit
    messages and authors stay internal.
    """
    root = getattr(catalog.source, "root", None)
    if root is None:
        return []
    try:
        from gongkai.diff.render import describe
        from gongkai.history import substantive_history
    except ImportError:
        return []
    found: list[Adjustment] = []
    for entry in substantive_history(Path(root)):
        for change in entry.changes:
            if change.kind != DIRECTORY_KIND or not change.substantive:
                continue
            headline, details = describe(change)
            found.append(Adjustment(entry.date.date().isoformat(), headline, tuple(details)))
    return found
