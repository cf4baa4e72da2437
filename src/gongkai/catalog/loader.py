"""Load a whole catalog: list the files, reuse cached results by content hash, parse the rest."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeGuard

from gongkai.catalog.cache import Cache
from gongkai.catalog.decode import decode_raw
from gongkai.catalog.invisible import RawColumns, remove
from gongkai.catalog.kinds import kind_of
from gongkai.catalog.files import ParsedFile, parse_file
from gongkai.catalog.listing import Listing, changed_while_read, open_catalog, quiet_gc, scan
from gongkai.catalog.skipped import FileNote
from gongkai.catalog.snapshot import Plan, Snapshot, part_files, write_part
from gongkai.catalog.sources import Source, WorkingTree, blob_id
from gongkai.catalog.yamlio import YamlFailure, parse_positional, position
from gongkai.diagnostics import Diagnostic, Location, Severity
from gongkai.forking import in_parallel, ranges, shared
from gongkai.model import Agency, Item, Record
from gongkai.model.base import number_key


# Fewer files than this are parsed in this process: starting workers and sending the models back costs more than it
# saves. Each worker takes several shares, so this process reads the first results back while the others are parsed.
PARALLEL_PARSE = 2000
SHARES_PER_WORKER = 4
_BLOCK_LITERAL = re.compile(r"(?::|^\s*-)\s*\|[-+0-9]*\s*(#.*)?$")  # a value written as a literal block: 正文: |


@dataclass
class Catalog:
    """Everything the catalog holds, loaded once and shared by every command."""

    source: Source
    files: dict[str, ParsedFile]
    attachments: frozenset[str] = frozenset()
    attachment_stats: tuple[tuple[str, int, int, int], ...] = ()  # (path, size, content, links) as listed (Listing)
    cache: Cache = field(default_factory=lambda: Cache(None), repr=False)
    notes: tuple[FileNote, ...] = ()  # files in YAML folders not read, names that break on Windows
    partial: bool = False  # holds only some of the catalog's files (what an incremental check re-read)
    # files read only for what they set (gongkai.yaml beside the files an incremental check re-reads): unchanged, their
    # own findings are remembered, and a per-file rule need not check them again
    context: frozenset[str] = frozenset()
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
        """number_key(索引号) → id of the first record (by path) that has it: 350524-MZ-2026-00001 and
        ３５０５２４-mz-2026-00001 are one number on paper."""
        found: dict[str, str] = {}
        for _, record in self.models("record"):
            if record.index_number is not None:
                found.setdefault(number_key(record.index_number), record.id)
        return found

    @cached_property
    def paths(self) -> dict[tuple[str, str], str]:
        """(kind, id) → path of the file that defines it."""
        found: dict[tuple[str, str], str] = {}
        for path, parsed in sorted(self.files.items()):
            if parsed.object_id is not None:
                found.setdefault((parsed.kind, parsed.object_id), path)
        return found

    def unread_file(self, object_id: str, kinds: tuple[str, ...]) -> tuple[str, Diagnostic | None] | None:
        """The file of one of *kinds* named *object_id*.yaml that could not be loaded, with its first error: a command
        asked about that 编号 names the file and what is wrong in it, rather than saying there is no such 编号."""
        for path, parsed in sorted(self.files.items()):
            if parsed.kind in kinds and parsed.model is None and path.rsplit("/", 1)[-1].rsplit(".", 1)[0] == object_id:
                return path, next((d for d in parsed.diagnostics if d.severity is Severity.ERROR), None)
        return None

    def unreadable(self, kind: str) -> set[str]:
        """File-name stems of *kind* files that could not be loaded: references to them are not reported twice."""
        return {p.rsplit("/", 1)[-1].rsplit(".", 1)[0] for p, f in self.files.items() if f.kind == kind and f.model is None}

    def holds(self, path: Path) -> str | None:
        """*path*'s place in the catalog when it is (or would be) one of the catalog's own files: a YAML file of a kind
        gongkai reads, or an attachment. Output written there would overwrite, or be read as, the catalog itself."""
        root = getattr(self.source, "root", None)
        if root is None:
            return None
        try:
            rel = Path(os.path.realpath(path)).relative_to(os.path.realpath(root)).as_posix()
        except ValueError:
            return None
        return rel if rel in self.files or rel in self.attachments or kind_of(rel) is not None else None

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
        tree, columns = self._tree(path)
        if tree is None:
            return path, 1, 1
        line, column = position(tree, location.field, prefer_key=prefer_key)
        return path, line, columns.column(line, column) if columns else column

    def block_offset(self, location: Location, line: int | None) -> int:
        """Lines from a field's value to its *line* (0-based inside the value), when the value is a literal block
        (正文: |, 总体情况: |, a list entry written - |): its lines are the file's lines below the header, one for one."""
        if line is None:
            return 0
        path, value_line, _ = self.locate(location)
        if path is None or value_line is None:
            return 0
        lines = self.read(path).decode("utf-8-sig", errors="replace").splitlines()
        header = lines[value_line - 1] if 0 < value_line <= len(lines) else ""
        return 1 + line if _BLOCK_LITERAL.search(header) else 0

    def read(self, path: str) -> bytes:
        """The bytes of the catalog's file *path*, as they were when listed (ChangedWhileRead if saved since): what a
        rule reads of a file again must be what was checked, and what its result is remembered under."""
        parsed = self.files.get(path)
        return read_listed(self.source, path, parsed.blob) if parsed is not None else self.source.read(path)

    def _tree(self, path: str) -> tuple[Any, RawColumns | None]:
        """The file as a round-trip tree, and how its columns shift where it held invisible characters."""
        if path not in self._trees:
            raw, _ = decode_raw(self.read(path))
            text = remove(raw) if raw is not None else None
            try:
                tree = parse_positional(text) if text is not None else None
            except YamlFailure:
                tree = None
            self._trees[path] = (tree, RawColumns(raw) if raw is not None and text != raw else None)
        found: tuple[Any, RawColumns | None] = self._trees[path]
        return found

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


def load(source: Source, listing: Listing, cache: Cache, only: set[str] | None = None,
         known: dict[str, ParsedFile] | None = None) -> Catalog:
    """Build the Catalog for *listing*, reusing every cached result whose content hash matches.

    With *only*, the Catalog holds just those files (what an incremental check re-reads); *known* are files already
    parsed in this run, used as they are.
    """
    with quiet_gc(settle=only is None):
        return _load(source, listing, cache, only, known or {})


def _load(source: Source, listing: Listing, cache: Cache, only: set[str] | None,
         known: dict[str, ParsedFile]) -> Catalog:
    wanted = list(listing.files) if only is None else listing.subset(only)
    whole = only is None and isinstance(source, WorkingTree)  # revisions read by diff share the cache: not stale
    kept = Snapshot(cache.folder if whole else None, cache.key)
    cached = cache.parsed([(blob, kind) for path, kind, blob in wanted  # the files that had findings
                           if not _same(known.get(path), kind, blob) and not _same(kept.get(path), kind, blob)])
    files: dict[str, ParsedFile] = {}
    todo: list[tuple[str, str, str]] = []
    for path, kind, blob in wanted:
        # A result is reused only for the same path: what a file means may depend on its name (calendar/<year>.yaml).
        ready = next((candidate for candidate in (known.get(path), kept.get(path), cached.get((blob, kind)))
                      if _same(candidate, kind, blob) and candidate.path == path), None)
        if ready is not None:
            files[path] = ready
        else:
            todo.append((path, kind, blob))
    # A first whole load parses everything: the workers that parse it write the snapshot's base as they go
    plan = kept.plan() if whole and len(todo) == len(wanted) else None
    fresh, parts = _parse_all(source, todo, listing.fresh, plan)
    for path in fresh:
        listing.fresh.pop(path, None)  # parsed: its bytes are not needed any more
    if fresh:
        files = {path: files[path] if path in files else fresh[path] for path, _, _ in wanted}  # the listing's order
    # only files with diagnostics are costly to redo (positions); a clean file is in the snapshot
    new = [(found.blob, found.kind, found) for found in fresh.values() if found.diagnostics]
    parsed = set(fresh)
    cache.put_parsed(new)
    if whole:
        if plan is not None and parts is not None:
            kept.adopt(plan, parts)
        else:
            kept.save(files, parsed)
        cache.evict_parsed(blob for _, _, blob in listing.files)
    return Catalog(source, files, listing.attachments, listing.attachment_stats, cache, listing.notes)


def _parse_all(source: Source, todo: list[tuple[str, str, str]], data: dict[str, bytes],
               plan: Plan | None = None) -> tuple[dict[str, ParsedFile], list[str] | None]:
    """Parse *todo* (path, kind, blob), by path; in forked workers when there are many: a first load of 100,000
    records parses for 6 s on one core. The bytes the listing already read are in *data*; the rest are read here.

    With *plan*, each worker also writes what it parsed as a part of the snapshot's base: the names of the parts come
    back when every part was written (else None, and the base is written as usual)."""
    if not todo:
        return {}, None
    parts = ranges(len(todo), len(todo) >= PARALLEL_PARSE, SHARES_PER_WORKER)
    if len(parts) == 1 or plan is None:
        shares = in_parallel(_parse_share, parts, (source, todo, data))
        return {found.path: found for share in shares for found in share}, None
    written = in_parallel(_parse_part, parts, (source, todo, data, plan), then=_unpacked)
    names = [name for name, _ in written]
    return ({found.path: found for _, share in written for found in share},
            None if None in names else [name for name in names if name is not None])


def _parse_share(part: range) -> list[ParsedFile]:
    source, todo, data = shared()[:3]
    return [parse_file(path, kind, blob, data[path] if path in data else read_listed(source, path, blob))
            for path, kind, blob in (todo[i] for i in part)]


def read_listed(source: Source, path: str, blob: str) -> bytes:
    """The bytes of *path*, which the listing found to hold *blob*; ChangedWhileRead when they are other bytes now
    (saved meanwhile): parsed and kept under *blob*, they would stand for the listed content on every later run.
    A git revision cannot change, and names its blobs itself (SHA-256 in some repositories): not compared."""
    data = source.read(path)
    if isinstance(source, WorkingTree) and blob_id(data) != blob:
        raise changed_while_read(path)
    return data


def _parse_part(part: range) -> tuple[str | None, bytes]:
    """In a worker: _parse_share(), written as part of the base (snapshot.write_part) and sent back as that pickle."""
    plan: Plan = shared()[3]
    return write_part(plan, part.start, _parse_share(part))


def _unpacked(written: tuple[str | None, bytes]) -> tuple[str | None, list[ParsedFile]]:
    name, payload = written
    return name, part_files(payload)


def _same(parsed: ParsedFile | None, kind: str, blob: str) -> TypeGuard[ParsedFile]:
    return parsed is not None and parsed.blob == blob and parsed.kind == kind


def load_catalog(path: Path, use_cache: bool = True) -> Catalog:
    """Load the catalog at or under *path* from the working tree."""
    source, cache = open_catalog(path, use_cache)
    return load(source, scan(source, cache), cache)
