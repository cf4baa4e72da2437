"""目录调整记录: the substantive adjustments of the directory (items only), from the catalog's git history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from gongkai.catalog import Catalog
from gongkai.privacy.mask import mask_text
from gongkai.privacy.scan import allowed_of

DIRECTORY_KIND = "item"


@dataclass(frozen=True)
class Adjustment:
    """One substantive change of one item, as the 目录调整记录 page lists it."""

    date: dt.date
    headline: str
    details: tuple[str, ...]


def directory_changes(catalog: Catalog) -> list[Adjustment]:
    """The directory's substantive adjustments, newest first; [] when the catalog is not in git.

    Only changes of items are shown: records (some of them not public) never appear on this page, and commit
    messages and authors stay internal. What the history shows is masked: a value a clerk has since masked in the
    item is still unmasked in the commits before. Each is dated by the day it entered the catalog's history (the
    commit date, the order git lists them in): a commit written on 1 February and rebased onto one of 1 March took
    effect after it, and the page, newest first, must not list 2026-02-01 above 2026-03-01.
    """
    root = getattr(catalog.source, "root", None)
    if root is None:
        return []
    try:
        from gongkai.diff.render import describe
        from gongkai.history import substantive_history
    except ImportError:
        return []
    allowed = allowed_of(catalog.agency)
    found: list[Adjustment] = []
    for entry in substantive_history(Path(root)):
        for change in entry.changes:
            if change.kind != DIRECTORY_KIND or not change.substantive:
                continue
            headline, details = describe(change)
            entered = entry.committed or entry.date
            found.append(Adjustment(entered.date(), mask_text(headline, allowed)[0],
                                    tuple(mask_text(detail, allowed)[0] for detail in details)))
    return found
