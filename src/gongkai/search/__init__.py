"""Chinese search for the site: an index of n-gram postings gongkai writes itself, and search.js that reads it.

The site build calls update_index() with the pages that changed; it returns the files to write under the site
(and those to remove) and never writes into the site itself. See docs/decisions/search.md for why and how fast.
The builder and the patcher (numpy, pypinyin: a third of a second) are imported when an index is written, so a
build imports them only in the process that writes the index.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.errors import UsageProblem
from gongkai.search import files
from gongkai.search.doc import SearchDoc, digest
from gongkai.search.files import SEARCH_DIR
from gongkai.search.state import Damaged, Existing

# Past this many changed pages (and a tenth of the index) building anew is quicker than patching.
PATCH_LIMIT = 2000
# An index of up to this many pages is built anew on every change (under a second): it is then byte for byte what a
# fresh build makes. Larger ones are patched: same search results, but pages numbered in the order they came.
REBUILD_BELOW = 2000


@dataclass
class IndexUpdate:
    """What the build must do to the site's search/ folder: write *files*, delete *removed* (site-relative)."""

    files: dict[str, bytes] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    pages: int = 0  # pages in the index afterwards
    changed: int = 0  # pages added, changed or removed
    rebuilt: bool = False  # the whole index was written anew


def is_index_file(path: str) -> bool:
    """True for a file of the index (site-relative path), as opposed to a page such as search/index.html."""
    return path.startswith(f"{SEARCH_DIR}/") and path.endswith(".json.gz")


def update_index(site: Path | None, changed: Mapping[str, SearchDoc | None],
                 everything: Callable[[], Iterable[SearchDoc]] | None = None) -> IndexUpdate:
    """The index of *site* with *changed* applied (url → its new SearchDoc, or None when the page left the site).

    *site* (None for a first build) is only read. Pages whose SearchDoc is unchanged cost nothing. When *site* holds
    no usable index (none yet, or one of an older format), the new index holds the changed pages — or, when given,
    every page that *everything* yields: a build that passes it never loses a page, whatever state the old index is
    in.
    """
    try:
        return _update(site, changed, everything)
    except Damaged as error:
        raise UsageProblem(f"网站的搜索索引文件「{error.path}」无法读取（可能被手工改动或删除）。"
                           f"请删除网站文件夹中的 {SEARCH_DIR}/ 文件夹后重新生成网站，搜索索引会完整重建。") from None


def _update(site: Path | None, changed: Mapping[str, SearchDoc | None],
            everything: Callable[[], Iterable[SearchDoc]] | None) -> IndexUpdate:
    existing = Existing.open(site) if site is not None else None
    if site is None or existing is None:
        docs = list(everything()) if everything is not None else [d for d in changed.values() if d is not None]
        return _rebuilt(site, docs, len(docs))
    try:
        return _patched(site, existing, changed, everything)
    except Damaged:  # a file of the old index is missing or unreadable: built anew when every page is at hand
        if everything is None:
            raise
        return _rebuilt(site, everything(), len(changed))


def _patched(site: Path, existing: Existing, changed: Mapping[str, SearchDoc | None],
             everything: Callable[[], Iterable[SearchDoc]] | None) -> IndexUpdate:
    puts = {url: (doc, digest(doc)) for url, doc in changed.items() if doc is not None}
    puts = {url: put for url, put in puts.items() if (existing.docs.get(url) or [None, None])[1] != put[1]}
    drops = [url for url, doc in changed.items() if doc is None and url in existing.docs]
    count = len(puts) + len(drops)
    # cut by older rules, the index would not find what search.js now asks for: rebuilt even when no page changed
    stale = existing.tokens != files.TOKENS
    if not count and not stale:
        return IndexUpdate(pages=existing.meta.pages)
    small = existing.meta.pages < REBUILD_BELOW and everything is not None
    if small or stale or count > max(PATCH_LIMIT, existing.meta.pages // 10):
        return _rebuilt(site, _all_docs(site, existing, changed, everything), count)
    from gongkai.search.patch import Patch  # noqa: PLC0415 - see the module's docstring

    patch = Patch(site, existing)
    for url in drops:
        patch.drop(url)
    for url, (doc, stamp) in puts.items():
        patch.put(url, doc, stamp)
    written, removed = patch.write()
    return IndexUpdate(written, removed, patch.meta.pages, count)


def _all_docs(site: Path, existing: Existing, changed: Mapping[str, SearchDoc | None],
              everything: Callable[[], Iterable[SearchDoc]] | None) -> Iterable[SearchDoc]:
    """Every page after the change: from *everything* when given, else the old index's own page files."""
    if everything is not None:
        return everything()
    from gongkai.search.patch import Patch  # noqa: PLC0415 - see the module's docstring

    patch = Patch(site, existing)
    docs = {url: patch.old_doc(entry[0]) for url, entry in existing.docs.items() if url not in changed}
    docs.update((url, doc) for url, doc in changed.items() if doc is not None)
    return docs.values()


def _rebuilt(site: Path | None, docs: Iterable[SearchDoc], count: int) -> IndexUpdate:
    from gongkai.search.build import build_index  # noqa: PLC0415 - see the module's docstring

    written, pages = build_index(docs)
    stale = _present(site) - written.keys() if site is not None else set()
    return IndexUpdate(written, sorted(stale), pages, count, rebuilt=True)


def _present(site: Path) -> set[str]:
    """The index files now in *site* (whatever their format), so that a new index leaves none behind."""
    root = site / SEARCH_DIR
    found = {p for p in (files.META, files.OLD_DOCS) if (site / p).is_file()}
    for folder in ("s", "m", "t", "d"):
        if (root / folder).is_dir():
            found.update(f"{SEARCH_DIR}/{folder}/{p.name}" for p in (root / folder).iterdir())
    return found


__all__ = ["SEARCH_DIR", "IndexUpdate", "SearchDoc", "is_index_file", "update_index"]
