"""build_site: render every page into a staging folder, reuse what did not change, index, then swap it in."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai import __version__
from gongkai.catalog import Catalog, Listing
from gongkai.files_io import replace_dir, write_atomic
from gongkai.site import opendata, update
from gongkai.site.attachments import Link, links
from gongkai.site.changes import Adjustment, directory_changes
from gongkai.site.context import FIVE_SLUGS, SiteData, site_data
from gongkai.site.output import MANIFEST, Emitter, Manifest, digest, forget
from gongkai.site.pages import Page, pages
from gongkai.site.parallel import Job, render_all
from gongkai.site.render import asset, render, templates_fingerprint
from gongkai.search import SEARCH_DIR, sync_index
from gongkai.site.search import search_docs

ASSETS = ("site.css", "site.js", "search.js")
OWN_COPIES = ("wechat.html", "slide.html")  # a record's other versions: not listed in the sitemap


@dataclass
class BuildResult:
    """What a build did: counts, refused attachments, whether anything changed, the search-index time."""

    out: Path
    pages: int = 0
    written: int = 0
    reused: int = 0
    unchanged: bool = False
    refused: list[str] = field(default_factory=list)
    xlsx: bool = False
    search_seconds: float = 0.0
    data: SiteData | None = None  # what the pages were made from (for the snapshot of the next fast build)
    fast: int = -1  # record files updated by the incremental path; -1 when the whole catalog was loaded


def fingerprint(catalog: Catalog, search: bool, changes: list[Adjustment]) -> str:
    """Everything a build depends on: tool version, templates, catalog blobs, attachment stats, adjustments."""
    blobs = sorted((p, f.blob) for p, f in catalog.files.items())
    return fingerprint_of(blobs, catalog.attachment_stats, search, changes)


def fingerprint_of(blobs: Iterable[tuple[str, str]], attachments: Iterable[tuple[str, int, int]], search: bool,
                   changes: list[Adjustment]) -> str:
    """fingerprint() from the catalog's (path, blob) pairs and its attachments' stats as listed, without the models.

    The stats come from the scan that listed the catalog: the files are not stat-ed a second time.
    """
    parts = [__version__, templates_fingerprint(), str(search), repr(changes)]
    parts += [f"{p}:{blob}" for p, blob in blobs]
    parts += [f"{path}:{size}:{mtime}" for path, size, mtime in sorted(attachments) if size >= 0]
    return digest("\n".join(parts))


QUICK_STAMP = ".gongkai-listing"


def quick_stamp(listing: Listing, search: bool) -> str:
    """What a build depends on, known before loading: file hashes, attachment stats, git HEAD, templates, options."""
    return digest("\n".join([__version__, templates_fingerprint(), str(search), listing.fingerprint, _head(listing)]))


def _head(listing: Listing) -> str:
    # The 目录调整记录 page reads the history: a new commit may change it even when no file did.
    root = listing.root
    if root is None:
        return ""
    run = subprocess.run(["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=False)
    return run.stdout.strip() if run.returncode == 0 else ""


def unchanged_since_last_build(out: Path, stamp: str) -> bool:
    """True when the site in *out* was built from exactly this catalog: nothing need be loaded or written."""
    try:
        return (out / QUICK_STAMP).read_text("utf-8") == stamp and (out / MANIFEST).is_file()
    except OSError:
        return False


def remember_build(out: Path, stamp: str) -> None:
    """Record, after a successful build, what it was built from."""
    write_atomic(out / QUICK_STAMP, stamp)


def build_site(catalog: Catalog, out: Path, today: dt.date, search: bool = True) -> BuildResult:
    """Build the public website for *catalog* into *out*; a failure leaves the old site untouched."""
    result = BuildResult(out)
    changes = directory_changes(catalog)
    stamp = fingerprint(catalog, search, changes)
    if Manifest.stamp(out) == stamp and out.is_dir():
        result.unchanged = True
        return result
    old = Manifest.read(out)
    data = result.data = site_data(catalog, today)
    if old.files and out.is_dir():
        _update(catalog, data, out, old, result, changes, search, stamp)
    else:
        _fresh(catalog, data, out, old, result, changes, search, stamp)
    return result


def _fresh(catalog: Catalog, data: SiteData, out: Path, old: Manifest, result: BuildResult,
           changes: list[Adjustment], search: bool, stamp: str) -> None:
    """A whole new site built aside and swapped in for the old folder in one step."""
    with replace_dir(out) as staging:
        emitter = Emitter(out, staging, old)
        attachments = _emit_pages(catalog, data, emitter, result, changes)
        _emit_data(catalog, data, emitter, result)
        if search:  # staging holds no index yet: the whole index is made (files equal to the old are linked)
            _emit_search(data, attachments, staging, emitter, result)
        emitter.new.fingerprint = stamp
        (staging / MANIFEST).write_text(emitter.new.dumps(), "utf-8")
    result.written, result.reused = emitter.written, emitter.reused


def _update(catalog: Catalog, data: SiteData, out: Path, old: Manifest, result: BuildResult,
            changes: list[Adjustment], search: bool, stamp: str) -> None:
    """Render what changed aside; only when all of it (and the search index) succeeded, move it in."""
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.update.", dir=out.parent))
    try:
        emitter = Emitter(out, staging, old, in_place=True)
        attachments = _emit_pages(catalog, data, emitter, result, changes)
        _emit_data(catalog, data, emitter, result)
        if search:  # the old index is patched: only the files the changed pages touch are written
            _emit_search(data, attachments, out, emitter, result)
        removed = sorted(p for p in old.files if p not in emitter.new.files)
        emitter.new.fingerprint = stamp
        forget(getattr(catalog.source, "root", None), out)
        update.apply(out, staging, emitter.changed, removed)
        write_atomic(out / MANIFEST, emitter.new.dumps())
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.written, result.reused = emitter.written, emitter.reused


def _emit_pages(catalog: Catalog, data: SiteData, emitter: Emitter, result: BuildResult,
                changes: list[Adjustment]) -> dict[str, list[Link]]:
    """Render (or reuse) every page and copy the attachments; the attachments of each record."""
    attachments, result.refused = links(catalog, data.records)
    listed = render_pages(data, pages(data, attachments, changes), emitter)
    result.pages = len(listed)
    root = getattr(catalog.source, "root", None)
    for record_links in attachments.values():
        for link in record_links:
            if root is not None:
                emitter.copy(link.path, Path(root) / link.path)
            else:
                emitter.emit(link.path, catalog.source.read(link.path))
    _sitemap(data, emitter, [p.path for p in listed if p.template not in OWN_COPIES])
    return attachments


def _emit_search(data: SiteData, attachments: dict[str, list[Link]], index_site: Path, emitter: Emitter,
                 result: BuildResult) -> None:
    """Bring the search index up to date with the pages; old index files that did not change stay as they are."""
    started = time.perf_counter()
    update = sync_index(index_site, search_docs(data, attachments))
    for path, payload in sorted(update.files.items()):
        emitter.emit(path, payload)
    gone = set(update.removed)
    if emitter.in_place:
        kept = [p for p in emitter.old.files if p.startswith(f"{SEARCH_DIR}/") and p not in emitter.new.files]
        emitter.new.files.update((p, emitter.old.files[p]) for p in kept if p not in gone)
    result.search_seconds = time.perf_counter() - started


def render_pages(data: SiteData, todo: Iterable[Page], emitter: Emitter) -> list[Page]:
    """Render (or reuse, when its inputs are unchanged) every page of *todo*; the pages, in order."""
    chrome = digest(templates_fingerprint() + data.agency.model_dump_json())
    common = {"site": data, "fives": FIVE_SLUGS}
    listed: list[Page] = []
    jobs: list[Job] = []
    for page in todo:
        listed.append(page)
        inputs = digest(chrome + page.key) if page.key else ""
        if not emitter.reuse(page.path, inputs):
            jobs.append((page.path, page.template, inputs, _with(page, common)))
    render_all(jobs, emitter, _render_job)
    return listed


def _with(page: Page, common: dict[str, Any]) -> Callable[[], dict[str, Any]]:
    return lambda: {**common, **page.context(), "root": page.root, "path": page.path}


def _render_job(job: Job) -> bytes:
    return render(job[1], job[3]())


def _sitemap(data: SiteData, emitter: Emitter, paths: list[str]) -> None:
    emitter.emit("sitemap.xml", opendata.sitemap(paths, base_url(data)))


def base_url(data: SiteData) -> str:
    base = data.agency.site.base_url or data.agency.org.website or ""
    return base.rstrip("/") + "/" if base else ""


def _emit_data(catalog: Catalog, data: SiteData, emitter: Emitter, result: BuildResult) -> None:
    for name in ASSETS:
        emitter.emit(f"assets/{name}", asset(name))
    emitter.emit("data/directory.json", opendata.directory_json(data))
    emitter.emit("data/directory.csv", opendata.directory_csv(data))
    xlsx = opendata.directory_xlsx(catalog)
    if xlsx is not None:
        emitter.emit("data/directory.xlsx", xlsx)
        result.xlsx = True
    emitter.emit("feed.xml", opendata.feed(data, base_url(data)))


__all__ = ["BuildResult", "build_site", "quick_stamp", "remember_build", "render", "unchanged_since_last_build"]
