"""The search index as part of a build: the pages made again give their entries, pages that left are dropped."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from gongkai.search import SearchDoc, is_index_file, update_index
from gongkai.site.parallel import Made


def index_changes(site: Path | None, made: list[Made], removed: list[str], write: Callable[[str, bytes], str],
                  everything: Callable[[], Iterable[SearchDoc]]) -> list[Made]:
    """The index files to write (made through *write*) and to drop (content ""), for what changed in this build.

    *site* is the site as it stands (None for a first build); *everything* gives every page's entry, for when the
    old index cannot be patched (none yet, another format, damaged).
    """
    changed: dict[str, SearchDoc | None] = {m.path: m.search for m in made if m.path.endswith(".html")}
    changed.update({path: None for path in removed if path.endswith(".html") and not is_index_file(path)})
    update = update_index(site, changed, everything)
    found = [Made(path, "", "") for path in update.removed]
    for path, data in sorted(update.files.items()):
        content = write(path, data)
        found.append(Made(path, content, content))
    return found
