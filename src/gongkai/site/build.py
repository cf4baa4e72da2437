"""build_site: the one build path. The CLI, the tests and the benchmarks all call it.

Every file of the site is an Artifact that declares its inputs; the build keys each by a hash of its inputs and
makes exactly the files whose key changed since the last build (a first build has an empty store and makes all).
The gate decides on the day of the build, so a page that shows a 公示 changes when the 公示 ends; the store remembers
the next day on which the gate's decision changes, and until then an unchanged catalog needs no work at all.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import NamedTuple

from gongkai.catalog.cache import Cache, code_salt
from gongkai.catalog.gitsource import GitProblem, Repo
from gongkai.catalog.listing import Listing, open_catalog, quiet_gc, scan
from gongkai.catalog.snapshot import Snapshot
from gongkai.catalog.sources import WorkingTree
from gongkai.errors import naming
from gongkai.files_io import remove_leftovers, through_link
from gongkai.forking import beside
from gongkai.site.fingerprint import search_fingerprint, templates_fingerprint
from gongkai.site.result import BuildResult
from gongkai.site.store import Store, digest
from gongkai.site.tree import Tree, holds, read_note, walk, write_note


# The stamps recorded of about 40,000 files: from there on listing takes longer than importing the gate's modules
# (0.2 s), which a build with nothing to do would otherwise not import; below, the catalog is listed first.
BESIDE_FROM = 4_500_000


def build_site(catalog_path: Path, out: Path, today: dt.date, search: bool = True, use_cache: bool = True,
               now: dt.date | None = None) -> BuildResult:
    """Build the department's column for *today* from the catalog at *catalog_path* into *out*. *now*: the real date,
    when *today* may be before it: what has left the web by then (an ended 公示's list, a withdrawn record) does not
    come back, the build is refused (gongkai.gate.past)."""
    remove_leftovers(through_link(out))  # first: a build killed half-way through its swap left the old site aside
    source, cache = open_catalog(catalog_path, use_cache)
    memo = None
    if cache.stats_size() >= BESIDE_FROM:
        # The listing and the walk of the site folder are mostly stat() calls: a worker makes each while this process
        # reads the gate's memo, and stops reading as soon as both are in and nothing changed (no memo needed then).
        site, listing = beside(partial(_site, out)), beside(partial(_listing, source, cache, search))

        def nothing_to_do() -> bool:
            return site.ready() and listing.ready() and _decided(listing.results()[0], site.results()[0], today,
                                                                    now).listing is None

        memo = _memo(source, cache, nothing_to_do)
        listed = _decided(listing.results()[0], site.results()[0], today, now)
    else:
        listed = _decided(_listing(source, cache, search), _site(out), today, now)
    if listed.listing is None:
        blocked, warnings = _held_back(out, listed.stamp, today, now)
        return _without_search(BuildResult(out, pages=listed.pages, unchanged=True,
                                           next_change=listed.head.next_change,
                                           next_change_provisional=listed.head.next_change_provisional,
                                           blocked=blocked, warnings=warnings), search)
    # Only now the loader, the gate, the templates and the index: a build with nothing to do does not import them.
    from gongkai.gate.memo import admit_remembered  # noqa: PLC0415
    from gongkai.site.make import build_catalog  # noqa: PLC0415

    # after an edit of a few records the gate decides those and takes the others' outcomes from its memo
    with quiet_gc(settle=True):
        catalog, gate, since = admit_remembered(source, listed.listing, cache, today, memo)
    # a folder changed by hand since the last build (a file edited, deleted or added) is made again whole
    try:
        result = build_catalog(catalog, out, today, search, listed.stamp, Store.read(out), gate, since, now,
                               listed.kept)
    except OSError as exc:  # a page written on a full disk names no file: the site folder is the one to name
        raise naming(exc, out) from None
    _hold_back(out, listed.stamp, today, now, result)  # (not the warning below: the folder is the build's now)
    if listed.kept is None and listed.pages:
        result.warnings.append(f"网站文件夹「{out}」与上次生成时不一致（其中的文件被手工修改、删除或添加过，或由旧版 gongkai 生成），"
                               "已整个重新生成，手工改动没有保留。要改网页内容，请修改目录后重新生成。")
    return _without_search(result, search)


def _without_search(result: BuildResult, search: bool) -> BuildResult:
    """*result*, told when the site has no search index (--no-search): the 「搜索」 of every page's header then finds
    nothing (the page says only that the index did not load) — a preview, not a site to deploy."""
    if search:
        return result
    dropped = (f"上次生成的搜索索引（{result.index_dropped} 个文件）已从这个文件夹删除，不在撤下的文件中："
               "门户网站上的副本请不要删除它们；") if result.index_dropped else ""
    result.warnings.append("没有生成搜索索引（--no-search）：网站上的「搜索」页不能搜索，只显示「搜索索引未能加载」；"
                           f"{dropped}这样生成的网站只用于预览，请不要部署到门户网站，部署前不带 --no-search 重新运行 "
                           "gongkai build-site。")
    return result


# The records a build held back, and why, and what it warned of: a build with nothing to do tells them again (they
# are held back still, and 「网站没有变化」 alone would say all is well). Kept beside the folder's lock, not in the site
# (whose store goes to the portal with it): a reason names records that are not public. A site built elsewhere has
# no note: nothing is told. The warnings (a site for another day, no 基础地址) are told again for the same --today
# and the same real date only; the records held back, for any day the site stays unchanged.
HELD = "held"


def _hold_back(out: Path, stamp: str, today: dt.date, now: dt.date | None, result: BuildResult) -> None:
    told = {"stamp": stamp, "days": _days(today, now), "blocked": result.blocked, "warnings": result.warnings}
    write_note(out, HELD, json.dumps(told, ensure_ascii=False) if result.blocked or result.warnings else None)


def _held_back(out: Path, stamp: str, today: dt.date, now: dt.date | None) -> tuple[dict[str, str], list[str]]:
    """What the build that left the site in *out* from the listing *stamp* held back and warned of (its note, when it
    is that one's)."""
    try:
        noted = json.loads(read_note(out, HELD) or "{}")
        if noted.get("stamp") != stamp:
            return {}, []
        warnings = [str(w) for w in noted["warnings"]] if noted.get("days") == _days(today, now) else []
        return {str(record): str(why) for record, why in noted["blocked"].items()}, warnings
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}, []


def _days(today: dt.date, now: dt.date | None) -> str:
    return f"{today.isoformat()} {now.isoformat() if now else ''}"


class _Listed(NamedTuple):
    """The catalog listed, and whether the site in the output folder was built from it: then no listing (there is
    nothing to do with it) and the store's head."""

    listing: Listing | None
    stamp: str
    head: Store
    pages: int  # the files the store names
    kept: Tree | None  # the site folder walked, when it holds what the last build left there (gongkai.site.tree)


class _Site(NamedTuple):
    """The output folder: its store's head, how many files the store names, and the folder walked when it holds what
    the last build left there (None: changed by hand, unreadable, or no site yet)."""

    head: Store
    pages: int
    kept: Tree | None


def _listing(source: WorkingTree, cache: Cache, search: bool) -> tuple[Listing, str]:
    listing = scan(source, cache)
    return listing, listing_stamp(listing, search)


def _site(out: Path) -> _Site:
    head, count = Store.read_head(out)
    found = walk(out) if count > 0 and out.is_dir() else None
    return _Site(head, count, found if holds(found, head.tree, out) else None)


def _decided(listed: tuple[Listing, str], site: _Site, today: dt.date, now: dt.date | None) -> _Listed:
    listing, stamp = listed
    head = site.head
    # for a day in the past, a site whose next change has come by the real date may show what has left the web since
    behind = now is not None and today < now and head.next_change is not None and head.next_change <= now
    unchanged = site.kept is not None and head.holds_days(stamp, today) and not behind
    return _Listed(None if unchanged else listing, stamp, head, site.pages, site.kept)


def _memo(source: WorkingTree, cache: Cache, stop: Callable[[], bool]) -> Snapshot:
    """The gate's memo, read (with the gate's modules imported) while the catalog is listed beside."""
    from gongkai.gate.memo import open_memo  # noqa: PLC0415

    with quiet_gc(settle=True):
        return open_memo(source, cache, stop)


def listing_stamp(listing: Listing, search: bool) -> str:
    """Everything a build reads, known before loading: files, attachments, git HEAD, templates, options, gongkai's own
    code (code_salt: the version number stayed 0.1.0 through every mend of the gate, so a site an older gate decided is
    decided again after an upgrade, never kept because 「网站没有变化」; the cache and the gate's memo are signed with the
    same salt) and the search index's code (where its format and tokenizer rules are written: an index cut by older
    rules is rebuilt even when nothing else changed, gongkai.search.update_index)."""
    index = f"search={search_fingerprint()}" if search else "search=False"
    return digest("\n".join([code_salt(), templates_fingerprint(), index, listing.fingerprint, _head(listing)]))


def _head(listing: Listing) -> str:
    # the 目录调整记录 page reads the history: a new commit may change it even when no file did, and so may
    # `git fetch --unshallow` in a shallow clone, which changes not even HEAD (Repo.history_stamp)
    if listing.root is None:
        return ""
    try:
        with Repo(listing.root) as repo:
            return repo.history_stamp()
    except GitProblem:
        return ""

