"""The incremental path: when only a few record files changed, update the site without loading the others.

After every successful build a snapshot (marshal, in the catalog's cache folder) keeps what the listing pages need
about every record file: its id, whether the gate admitted it, and the few fields a list, the feed and the sitemap show.
The next build scans the catalog; when nothing but a few record files changed, it parses only those, puts them
through the gate, and re-renders only the pages that can show them (their own pages, their items' and towns' pages,
the home page, the feed, the sitemap; the posters and directory.json when the site's date moves), patching the
manifest's lines in place. Anything else takes the full path.

A record whose pages depend on other records (解读, 转发) or that is referenced by one, a published record whose
attachments change or that stops being published while it has attachments (the files may be shared), and an id that
two files define all take the full path too: those are the cases where a change reaches files this path does not
touch. A changed record keeps its attachment links; a newly published one has its attachments copied in.
"""

from __future__ import annotations

import datetime as dt
import marshal
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, NamedTuple, cast

from gongkai import __version__
from gongkai.catalog import Catalog, Listing, load
from gongkai.catalog.cache import Cache
from gongkai.catalog.sources import Source
from gongkai.files_io import write_atomic
from gongkai.gate import publishable
from gongkai.model import Record
from gongkai.site import opendata, update
from gongkai.site.attachments import links
from gongkai.site.build import OWN_COPIES, SEARCH_DIR, BuildResult, base_url, fingerprint_of, render_pages
from gongkai.site.changes import directory_changes
from gongkai.site.context import SiteData
from gongkai.site.opendata import FEED_SIZE
from gongkai.site.output import MANIFEST, Emitter, Manifest, ManifestLines, digest, forget, snapshot_path
from gongkai.site.pages import Page, item_page, overview_pages, record_pages
from gongkai.site.render import templates_fingerprint

VERSION = 5
MAX_CHANGES = 200
RECORD = "record"


class Summary(NamedTuple):
    """A record file in the snapshot, and an admitted record as the lists, the feed and the sitemap show it
    (the attribute names are those the templates use); id is "" for a file that did not load."""

    id: str
    admitted: bool
    title: str
    doc_number: str | None
    index_number: str | None
    published: str  # ISO date: renders exactly as the date does
    kind: str
    item: str | None
    unit: str
    linked: bool  # it has 解读 or 转发: its change may reach other records' pages
    blob: str
    attachments: tuple[str, ...]  # the catalog paths of its attachments


class FastSiteData(SiteData):
    """SiteData whose records are summaries: only the newest FEED_SIZE (the home page shows fewer, NEWEST)."""

    @property
    def date(self) -> dt.date | None:
        return dt.date.fromisoformat(str(self.records[0].published)) if self.records else None


def entry(record: Record, admitted: bool, blob: str) -> tuple[Any, ...]:
    """The snapshot entry of a loaded record (a Summary as a plain tuple)."""
    published = record.published.isoformat() if record.published else ""
    return (record.id, admitted, record.title, record.doc_number, record.index_number, published, record.kind,
            record.item, record.unit, _linked(record), blob, tuple(a.file for a in record.attachments))


def unloaded(blob: str) -> tuple[Any, ...]:
    """The snapshot entry of a record file that did not load: it shows nowhere."""
    return ("", False, "", None, None, "", "", None, "", False, blob, ())


def _linked(model: Record) -> bool:
    return bool(model.interpretations or model.forwards)


def sitemap_paths(data: SiteData, ids: list[str]) -> list[str]:
    """The pages sitemap.xml lists, in order (as _emit_pages lists them); *ids*: the admitted records, newest first."""
    listed = [p.path for p in overview_pages(data, []) if p.template not in OWN_COPIES]
    return listed + [f"items/{i.id}.html" for i in data.items] + [f"records/{i}.html" for i in ids]


def save(out: Path, catalog: Catalog, listing: Listing, data: SiteData, search: bool) -> None:
    """Write the snapshot of a site just built from the whole *catalog* (when the catalog's cache is in use)."""
    where = snapshot_path(listing.root, out)
    if where is None or catalog.cache.folder is None:
        return
    records: dict[str, tuple[Any, ...]] = {}
    others: dict[str, tuple[str, str]] = {}
    for path, parsed in catalog.files.items():
        model = parsed.model
        if parsed.kind != RECORD:
            others[path] = (parsed.kind, parsed.blob)
        elif model is None:
            records[path] = unloaded(parsed.blob)
        else:
            records[path] = entry(model, data.by_id.get(model.id) is model, parsed.blob)
    referenced = _references(m for _, m in catalog.models(RECORD))
    _write(where, out, {"others": others, "records": records, "referenced": sorted(referenced),
                        "sitemap": digest("\n".join(sitemap_paths(data, [r.id for r in data.records]))),
                        "date": data.date.isoformat() if data.date else "",
                        "attachments": listing.attachment_stats, "search": search})


def _write(path: Path, out: Path, snapshot: dict[str, Any]) -> None:
    snapshot.update(version=VERSION, tool=__version__, templates=templates_fingerprint(),
                    manifest=Manifest.stamp(out))
    write_atomic(path, marshal.dumps(snapshot))


def _read(path: Path, out: Path, search: bool) -> dict[str, Any] | None:
    try:
        snapshot = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(snapshot, dict) or snapshot.get("version") != VERSION or snapshot.get("tool") != __version__:
        return None
    if snapshot.get("templates") != templates_fingerprint() or snapshot.get("search") != search:
        return None
    if not snapshot.get("manifest") or snapshot["manifest"] != Manifest.stamp(out):
        return None
    return snapshot


def try_update(source: Source, listing: Listing, cache: Cache, out: Path, search: bool) -> BuildResult | None:
    """Update the site in *out* from the few record files that changed; None when the full path must run."""
    where = snapshot_path(listing.root, out)
    if where is None or cache.folder is None:
        return None
    snapshot = _read(where, out, search)
    if snapshot is None:
        return None
    records: dict[str, tuple[Any, ...]] = snapshot["records"]
    changed = _changed(snapshot, records, listing)
    if changed is None:
        return None
    subset = tuple(f for f in listing.files if f[1] != RECORD or f[0] in changed)
    small = load(source, Listing(subset, listing.attachments, listing.attachment_stats, listing.root,
                                 listing.fresh), cache)
    if small.agency is None:
        return None
    referenced = set(snapshot["referenced"])
    taken = {e[0] for p, e in records.items() if e[0] and p not in changed}
    olds = [records[p] for p in changed if p in records and records[p][0]]
    news: dict[str, Record] = {}
    for path in changed:
        parsed = small.files.get(path)
        model = parsed.model if parsed is not None else None
        if model is None:
            continue
        if model.id in taken or model.id in news:
            return None  # one id in two files: which one wins depends on every file
        news[model.id] = model
    if any(old[9] or old[0] in taken or old[0] in referenced for old in olds):
        return None
    if any(_linked(model) or model.id in referenced for model in news.values()):
        return None
    admitted = {r.id for r in publishable(small).admitted}
    if any(_attachments_leave(old, news, admitted) for old in olds):
        return None
    for path in changed:
        parsed = small.files.get(path)
        if parsed is None:
            del records[path]
        elif parsed.model is None:
            records[path] = unloaded(parsed.blob)
        else:
            records[path] = entry(parsed.model, parsed.model.id in admitted, parsed.blob)
    try:
        result = _render(small, listing, out, search, snapshot, olds, news, admitted)
    except _FullPath:
        return None
    result.fast = len(changed)
    _write(where, out, snapshot)
    return result


def _attachments_leave(old: tuple[Any, ...], news: dict[str, Record], admitted: set[str]) -> bool:
    """True when a published record's attachment files may have to leave the site (they can be shared)."""
    if not (old[1] and old[11]):
        return False
    new = news.get(old[0])
    return new is None or new.id not in admitted or tuple(a.file for a in new.attachments) != old[11]


def _references(models: Any) -> set[str]:
    found: set[str] = set()
    for model in models:
        found.update(model.interpretations)
        if model.forwards:
            found.add(model.forwards)
    return found


def _changed(snapshot: dict[str, Any], records: dict[str, tuple[Any, ...]], listing: Listing) -> set[str] | None:
    """The record files added, changed or removed; None unless only a few record files changed."""
    others: dict[str, tuple[str, str]] = snapshot["others"]
    if snapshot["attachments"] != listing.attachment_stats:
        return None
    seen_others = known = 0
    changed: set[str] = set()
    for path, kind, blob in listing.files:
        if kind != RECORD:
            if others.get(path) != (kind, blob):
                return None
            seen_others += 1
            continue
        old = records.get(path)
        if old is not None:
            known += 1
        if old is None or old[10] != blob:
            changed.add(path)
            if len(changed) > MAX_CHANGES:
                return None
    if seen_others != len(others):
        return None
    if known < len(records):  # some record files are gone
        changed |= set(records) - {p for p, k, _ in listing.files if k == RECORD}
    return changed if len(changed) <= MAX_CHANGES else None


def _site(small: Catalog, records: dict[str, Any], news: dict[str, Record], items: set[str],
          units: set[str]) -> tuple[FastSiteData, list[str]]:
    """SiteData from the snapshot's summaries, and the admitted ids newest first.

    Only what the re-rendered pages read is filled: the newest records (home page, feed, the site's date), the
    lists of *items* and of the towns among *units*, the full models of the changed records.
    """
    agency = small.agency
    assert agency is not None
    order = {d.name: n for n, d in enumerate(agency.domains)}
    listed = sorted(small.items.values(), key=lambda i: (order.get(i.domain, len(order)), i.domain, i.id))
    rows = [e for e in records.values() if e[1]]
    rows.sort(key=_newest, reverse=True)
    data = FastSiteData(agency, listed, [Summary._make(e) for e in rows[:FEED_SIZE]])  # type: ignore[misc]
    data.item_by_id = {i.id: i for i in listed}
    data.blobs = {key: small.files[path].blob for key, path in small.paths.items() if key[0] != RECORD}
    towns = {t.id for t in data.towns} & units
    for row in rows:
        if row[7] in items or row[8] in towns:
            summary = Summary._make(row)
            data.blobs[(RECORD, summary.id)] = summary.blob
            if summary.item in items:
                data.by_item.setdefault(summary.item, []).append(summary)  # type: ignore[arg-type]
            if summary.unit in towns:
                data.by_unit.setdefault(summary.unit, []).append(summary)  # type: ignore[arg-type]
        elif row[0] in news:
            data.blobs[(RECORD, row[0])] = row[10]
    data.by_id.update(news)
    return data, [row[0] for row in rows]


def _newest(row: tuple[Any, ...]) -> str:
    return row[5] + row[0]  # 公开日期 + id: ISO dates are all ten characters, so the order of (date, id)


def _render(small: Catalog, listing: Listing, out: Path, search: bool, snapshot: dict[str, Any],
            olds: list[Any], news: dict[str, Record], admitted: set[str]) -> BuildResult:
    result = BuildResult(out)
    manifest = ManifestLines.open(out)
    if manifest is None:
        raise _FullPath
    items = {e[7] for e in olds if e[1] and e[7]} | {m.item for m in news.values() if m.id in admitted and m.item}
    units = {e[8] for e in olds if e[1]} | {m.unit for m in news.values() if m.id in admitted}
    data, ids = _site(small, snapshot["records"], {k: v for k, v in news.items() if k in admitted}, items, units)
    changes = directory_changes(small)
    # Of the overview pages only these show records or the site's date (site.date: home, posters, feed,
    # directory.json); the others depend on gongkai.yaml, the items and the templates alone, all unchanged here.
    date = data.date.isoformat() if data.date else ""
    wanted = {"index.html", "changes/index.html", *(f"towns/{u}/index.html" for u in units)}
    todo: list[Page] = [p for p in overview_pages(data, changes)
                        if p.path in wanted or (date != snapshot["date"] and p.template == "poster.html")]
    todo += [item_page(data, data.item_by_id[i]) for i in sorted(items) if i in data.item_by_id]
    attached, result.refused = links(small, [news[i] for i in sorted(admitted)])
    for record_id in sorted(admitted):
        todo += record_pages(data, news[record_id], attached.get(record_id, []))
    gone = {e[0] for e in olds if e[1]} - admitted
    removed = sorted(f"records/{i}{s}.html" for i in gone for s in ("", "-wechat", "-slide"))
    for path in removed:
        del manifest[path]
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.update.", dir=out.parent))
    try:
        before = cast(dict[str, list[str]], ManifestLines(manifest.head, list(manifest.entries)))
        emitter = Emitter(out, staging, Manifest(files=before), Manifest(files=cast(dict[str, list[str]], manifest)),
                          in_place=True)
        render_pages(data, todo, emitter)
        for record_links in attached.values():
            for link in record_links:
                emitter.copy(link.path, Path(cast(Path, listing.root)) / link.path)
        html_changed = any(p.endswith(".html") for p in emitter.changed)
        listed = sitemap_paths(data, ids)
        sitemap = digest("\n".join(listed))
        if sitemap != snapshot["sitemap"] or "sitemap.xml" not in manifest:
            emitter.emit("sitemap.xml", opendata.sitemap(listed, base_url(data)))
            snapshot["sitemap"] = sitemap
        if date != snapshot["date"]:
            emitter.emit("data/directory.json", opendata.directory_json(data))
            snapshot["date"] = date
        emitter.emit("feed.xml", opendata.feed(data, base_url(data)))
        index = None
        if search and (html_changed or removed or not (out / SEARCH_DIR).is_dir()):
            started = time.perf_counter()
            index = update.index_aside(out, staging, emitter.changed, removed)
            result.search_seconds = time.perf_counter() - started
        pairs = ((p, b) for p, _, b in listing.files)  # sorted by path, as the full build sorts them
        stamp = fingerprint_of(pairs, listing.attachment_stats, search, changes)
        forget(listing.root, out)
        update.apply(out, staging, emitter.changed, removed, index)
        text = manifest.dumps(stamp)
        write_atomic(out / MANIFEST, text)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.pages = text.count('.html":[')
    result.written = emitter.written
    result.reused = len(manifest.entries) - emitter.written
    result.xlsx = "data/directory.xlsx" in manifest
    return result


class _FullPath(Exception):
    """The site is not in a state the incremental path can patch."""
