"""Load a whole catalog: list the files, reuse cached results by content hash, parse the rest."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from gongkai.catalog.cache import Cache, cache_for
from gongkai.catalog.decode import decode
from gongkai.catalog.files import ParsedFile, kind_of, parse_file
from gongkai.catalog.skipped import FileNote, name_problem, not_read
from gongkai.catalog.sources import Entry, Source, WorkingTree, blob_id
from gongkai.catalog.yamlio import YamlFailure, parse_positional, position
from gongkai.diagnostics import Diagnostic, Location, Severity
from gongkai.errors import UsageProblem
from gongkai.model import Agency, Item, Record


class CatalogNotFound(UsageProblem):
    """The folder given is not a catalog; str() is a Chinese message."""


@dataclass(frozen=True)
class Listing:
    """The catalog's YAML files with their content hashes: enough to know whether anything changed."""

    files: tuple[tuple[str, str, str], ...]  # (path, kind, blob)
    attachments: frozenset[str]
    # (path, size, changed_ns) of every other file: an edited attachment changes the fingerprint. changed_ns is the
    # later of mtime and ctime, so that an edit whose mtime was put back (touch -r, an unzip) still shows.
    attachment_stats: tuple[tuple[str, int, int], ...] = ()
    root: Path | None = None  # the catalog folder, when the source is a working tree
    # Bytes already read to hash a changed file, so loading does not read it again.
    fresh: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)
    notes: tuple[FileNote, ...] = ()  # files not read, file names that break on Windows

    @property
    def fingerprint(self) -> str:
        return blob_id(repr((self.files, self.attachment_stats, self.notes)).encode())


@dataclass
class Catalog:
    """Everything the catalog holds, loaded once and shared by every command."""

    source: Source
    files: dict[str, ParsedFile]
    attachments: frozenset[str] = frozenset()
    attachment_stats: tuple[tuple[str, int, int], ...] = ()  # (path, size, changed_ns) as listed; size -1 if unknown
    cache: Cache = field(default_factory=lambda: Cache(None), repr=False)
    notes: tuple[FileNote, ...] = ()  # files in YAML folders not read, names that break on Windows
    partial: bool = False  # holds only some of the catalog's files (what an incremental check re-read)
    _trees: dict[str, Any] = field(default_factory=dict, repr=False)

    @cached_property
    def agency(self) -> Agency | None:
        parsed = self.files.get("gongkai.yaml")
        return parsed.model if parsed else None

    def models(self, kind: str) -> list[tuple[str, Any]]:
        """(path, model) of every valid file of *kind*, by path."""
        return self._by_kind.get(kind, [])

    @cached_property
    def _by_kind(self) -> dict[str, list[tuple[str, Any]]]:
        grouped: dict[str, list[tuple[str, Any]]] = {}
        for path in sorted(self.files):
            parsed = self.files[path]
            if parsed.model is not None:
                grouped.setdefault(parsed.kind, []).append((path, parsed.model))
        return grouped

    @cached_property
    def items(self) -> dict[str, Item]:
        return _first_by_id(self.models("item"))

    @cached_property
    def records(self) -> dict[str, Record]:
        return _first_by_id(self.models("record"))

    @cached_property
    def index_holders(self) -> dict[str, str]:
        """索引号 → id of the first record (by path) that has it."""
        found: dict[str, str] = {}
        for _, record in self.models("record"):
            if record.index_number is not None:
                found.setdefault(record.index_number, record.id)
        return found

    @cached_property
    def paths(self) -> dict[tuple[str, str], str]:
        """(kind, id) → path of the file that defines it."""
        found: dict[tuple[str, str], str] = {}
        for path, parsed in sorted(self.files.items()):
            if parsed.object_id is not None:
                found.setdefault((parsed.kind, parsed.object_id), path)
        return found

    def unreadable(self, kind: str) -> set[str]:
        """File-name stems of *kind* files that could not be loaded: references to them are not reported twice."""
        return {p.rsplit("/", 1)[-1].rsplit(".", 1)[0] for p, f in self.files.items() if f.kind == kind and f.model is None}

    def path_of(self, kind: str, object_id: str) -> str | None:
        return self.paths.get((kind, object_id))

    @property
    def load_diagnostics(self) -> list[Diagnostic]:
        return [d for f in self.files.values() for d in f.diagnostics] + [n.diagnostic() for n in self.notes]

    @property
    def name(self) -> str:
        return self.agency.org.name if self.agency else "（未命名机关）"

    def has_file(self, path: str) -> bool:
        """True when *path* (relative to the catalog) is a file inside it."""
        return path in self.attachments or (".." not in path.split("/") and self.source.exists(path))

    def locate(self, location: Location, prefer_key: bool = False) -> tuple[str | None, int | None, int | None]:
        """(path, line, column) of what a rule points at; only files with findings are ever re-read."""
        path = location.path
        if path is None and location.object_id is not None:
            path = next((p for (k, i), p in self.paths.items() if i == location.object_id and k != "agency"), None)
        if path is None or path not in self.files:
            return path, None, None
        tree = self._tree(path)
        if tree is None:
            return path, 1, 1
        line, column = position(tree, location.field, prefer_key=prefer_key)
        return path, line, column

    def _tree(self, path: str) -> Any:
        if path not in self._trees:
            text, _ = decode(self.source.read(path))
            try:
                self._trees[path] = parse_positional(text) if text is not None else None
            except YamlFailure:
                self._trees[path] = None
        return self._trees[path]

    def diagnostic(self, code: str, severity: Severity, message: str, location: Location,
                   hint: str | None = None, prefer_key: bool = False) -> Diagnostic:
        """A diagnostic for *location*, with file, line and column filled in."""
        path, line, column = self.locate(location, prefer_key)
        return Diagnostic(code, severity, message, path, line, column, location.object_id, hint, location.field)


def _first_by_id(models: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for _, model in models:
        found.setdefault(model.id, model)
    return found


def find_root(path: Path) -> Path:
    """The catalog folder: *path* itself, or its catalog/ subfolder; else CatalogNotFound."""
    for candidate in (path, path / "catalog"):
        if (candidate / "gongkai.yaml").is_file():
            return candidate
    for candidate in (path, path / "catalog"):
        if near := _misnamed_agency_file(candidate):
            raise CatalogNotFound(
                f"「{candidate}」中没有 gongkai.yaml，但有「{near.name}」：文件名应是 gongkai.yaml（全小写，"
                f"扩展名 .yaml）。记事本保存时常加上 .txt，Windows 资源管理器又不显示扩展名：请把「{near.name}」改名为 "
                "gongkai.yaml（在资源管理器「查看」中勾选「文件扩展名」后改名）")
    raise CatalogNotFound(
        f"「{path}」不是目录文件夹：找不到 gongkai.yaml。请在目录文件夹中运行，或写明路径，如 gongkai validate catalog"
    )


def _misnamed_agency_file(folder: Path) -> Path | None:
    """A file that is meant to be gongkai.yaml: GONGKAI.YAML, gongkai.yml, gongkai.yaml.txt, 「gongkai .yaml」…"""
    try:
        entries = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return None
    squeezed = {"gongkai.yaml", "gongkai.yml", "gongkai.yaml.txt", "gongkai.yml.txt", "gongkai.txt"}
    return next((e for e in entries if e.is_file() and "".join(e.name.lower().split()) in squeezed), None)


def catalog_root_of(path: Path) -> Path | None:
    """The nearest folder at or above *path* that holds gongkai.yaml: the catalog *path* belongs to, if any."""
    path = path.resolve()
    for parent in [path, *path.parents] if path.is_dir() else [path.parent, *path.parent.parents]:
        if (parent / "gongkai.yaml").is_file():
            return parent
    return None


def scan(source: Source, cache: Cache) -> Listing:
    """List the catalog's files with their blob ids, hashing only files whose size or mtime changed."""
    with _quiet_gc():
        return _scan(source, cache)


def _scan(source: Source, cache: Cache) -> Listing:
    files: list[tuple[str, str, str]] = []
    attachments: list[Entry] = []
    notes: list[FileNote] = []
    fresh: dict[str, bytes] = {}
    for entry in source.entries():
        kind = kind_of(entry.path)
        note = not_read(entry, kind)
        notes.extend(n for n in (note, name_problem(entry.path)) if n is not None)
        if note is not None or (entry.special and entry.size < 0):
            continue
        if kind is None:
            attachments.append(entry)
            continue
        files.append((entry.path, kind, _blob(source, entry, cache, fresh)))
    if isinstance(source, WorkingTree):  # a git revision lists only its own files; the stats are the working tree's
        cache.evict_stats({e.path for e in attachments} | {path for path, _, _ in files})
    cache.save_stats()
    root = source.root if isinstance(source, WorkingTree) else None
    return Listing(tuple(files), frozenset(e.path for e in attachments),
                   tuple((e.path, e.size, max(e.mtime_ns, e.ctime_ns)) for e in attachments), root, fresh, tuple(notes))


def _blob(source: Source, entry: Entry, cache: Cache, fresh: dict[str, bytes]) -> str:
    if entry.blob is not None:
        return entry.blob
    known = cache.known_blob(entry.path, entry.stamp)
    if known is not None:
        return known
    recorded = time.time_ns()
    data = source.read(entry.path)
    blob = blob_id(data)
    cache.remember_blob(entry.path, entry.stamp, blob, recorded)
    fresh[entry.path] = data
    return blob


@contextmanager
def _quiet_gc() -> Iterator[None]:
    """Parse without cyclic garbage collection.

    A catalog is hundreds of thousands of small acyclic objects; without this, Python's collector walks all of them
    again and again while they are created (a third of the time). Freezing them afterwards is the command line's
    business (gongkai.cli): a library caller may be a long-running process.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load(source: Source, listing: Listing, cache: Cache, only: set[str] | None = None,
         known: dict[str, ParsedFile] | None = None) -> Catalog:
    """Build the Catalog for *listing*, reusing every cached result whose content hash matches.

    With *only*, the Catalog holds just those files (what an incremental check re-reads); *known* are files already
    parsed in this run, used as they are.
    """
    with _quiet_gc():
        return _load(source, listing, cache, only, known or {})


def _load(source: Source, listing: Listing, cache: Cache, only: set[str] | None,
          known: dict[str, ParsedFile]) -> Catalog:
    wanted = [f for f in listing.files if (only is None or f[0] in only)]
    cached = cache.parsed([(blob, kind) for path, kind, blob in wanted if path not in known])  # had findings
    files: dict[str, ParsedFile] = {}
    new: list[tuple[str, str, Any]] = []
    for path, kind, blob in wanted:
        ready = known.get(path)
        if ready is not None and ready.blob == blob and ready.kind == kind:
            files[path] = ready
            continue
        hit = cached.get((blob, kind))
        if hit is not None:
            files[path] = _moved(hit, path)
            continue
        data = listing.fresh.pop(path, None)
        parsed = parse_file(path, kind, blob, data if data is not None else source.read(path))
        files[path] = parsed
        if parsed.diagnostics:  # only these are costly to redo (positions); a clean file parses faster than it unpickles
            new.append((blob, kind, parsed))
    cache.put_parsed(new)
    if only is None and isinstance(source, WorkingTree):  # revisions read by diff share the cache: not stale
        cache.evict_parsed({blob for _, _, blob in listing.files})
    return Catalog(source, files, listing.attachments, listing.attachment_stats, cache, listing.notes)


def _moved(parsed: ParsedFile, path: str) -> ParsedFile:
    """A cached result for the same content at another path."""
    if parsed.path == path:
        return parsed
    diagnostics = [Diagnostic(**{**d.__dict__, "path": path}) for d in parsed.diagnostics]
    return ParsedFile(path, parsed.kind, parsed.blob, parsed.model, diagnostics, parsed.outline)


def open_catalog(path: Path, use_cache: bool = True) -> tuple[WorkingTree, Cache]:
    """The working-tree source and cache for the catalog at or under *path*."""
    root = find_root(path)
    return WorkingTree(root), cache_for(root, use_cache)


def load_catalog(path: Path, use_cache: bool = True) -> Catalog:
    """Load the catalog at or under *path* from the working tree."""
    source, cache = open_catalog(path, use_cache)
    return load(source, scan(source, cache), cache)
