"""The search index as part of a build: the pages made again give their entries, pages that left are dropped."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gongkai.site.parallel import Made


def index_changes(site: Path | None, made: list[Made], removed: list[str],
                  write: Callable[[str, bytes], str]) -> list[Made]:
    """The index files to write (made through *write*) and to drop (content ""), for what changed in this build."""
    changed = {m.path: m.search for m in made if m.path.endswith(".html")}
    changed.update({path: None for path in removed if path.endswith(".html")})
    if not changed:
        return []
    return []  # the search package plugs in here
