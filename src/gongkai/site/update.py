"""Updating an existing site in place: only changed files move in, and only after everything else succeeded."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from gongkai.site.output import MANIFEST
from gongkai.site.search import index_site

SEARCH_DIR = "pagefind"
MIRROR = ".mirror"


def index_aside(site: Path, staging: Path, changed: list[str], removed: list[str]) -> Path:
    """Index the site as it will be (old files hard-linked, changed ones overlaid) without touching it."""
    mirror = staging / MIRROR
    shutil.copytree(site, mirror, copy_function=os.link, ignore=shutil.ignore_patterns(SEARCH_DIR, MANIFEST))
    for path in changed:
        target = mirror / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)
        os.link(staging / path, target)
    for path in removed:
        (mirror / path).unlink(missing_ok=True)
    index_site(mirror)
    return mirror / SEARCH_DIR


def apply(site: Path, staging: Path, changed: list[str], removed: list[str], search: Path | None) -> None:
    """Move the changed files into *site* (each rename is atomic), drop removed ones, swap the search index."""
    made: set[Path] = set()
    for path in changed:
        target = site / path
        if target.parent not in made:
            target.parent.mkdir(parents=True, exist_ok=True)
            made.add(target.parent)
        os.replace(staging / path, target)
    for path in removed:
        (site / path).unlink(missing_ok=True)
    if search is not None:
        old = site / f".{SEARCH_DIR}.old"
        shutil.rmtree(old, ignore_errors=True)
        if (site / SEARCH_DIR).exists():
            os.replace(site / SEARCH_DIR, old)
        os.replace(search, site / SEARCH_DIR)
        shutil.rmtree(old, ignore_errors=True)
