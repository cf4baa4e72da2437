"""Updating an existing site in place: only changed files move in, and only after everything else succeeded."""

from __future__ import annotations

import os
from pathlib import Path


def apply(site: Path, staging: Path, changed: list[str], removed: list[str]) -> None:
    """Move the changed files into *site* (each rename is atomic) and drop removed ones."""
    made: set[Path] = set()
    for path in changed:
        target = site / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        os.replace(staging / path, target)
    for path in removed:
        (site / path).unlink(missing_ok=True)
