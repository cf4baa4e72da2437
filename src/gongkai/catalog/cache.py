"""Parse and validation results cached by content hash (the git blob id), in one SQLite file."""

from __future__ import annotations

import hashlib
import os
import marshal
import pickle
import re
import sqlite3
import sysconfig
import time
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from functools import cache, partial
from pathlib import Path
from typing import Any

import gongkai
from gongkai.files_io import write_atomic

CACHE_DIR = ".gongkai-cache"
DB_FILE = "cache.sqlite3"  # parse results of files with findings, and whole results (memo)
STATS_FILE = "stats.v4.marshal"  # the files of a listing, with their stamps and hashes
RECENT_FILE = "stats-recent.v4.marshal"  # what was hashed since, and the attachments
# Files earlier versions of gongkai kept in the cache folder, removed on the first run of a new version: the parse
# snapshot of 100,000 records alone is 170 MB.
OBSOLETE = ("stats.marshal", "stats.v2.marshal", "stats.v3.marshal", "parsed.v1.pickle", "parsed-delta.v1.pickle",
            "parsed.v2.pickle", "parsed-delta.v2.pickle")
# Files hashed since the listing was written that are kept apart, in the small file, before the listing is written
# again: a run after one edit writes a few entries, not the 11 MB of a 100,000-file listing.
RECENT_LIMIT = 2000
# A file changed less than this before it was hashed may change again unseen within one timestamp tick
# (2 s on FAT, a clock tick elsewhere); git calls such files racily clean and hashes them again.
RACY_NS = 2_000_000_000
# Up to this many keys are looked up one by one; more read the table once (SQLite caps a query at 32,766 values).
LOOKUP_LIMIT = 500
STAMP = 5 * 8  # bytes of a packed stamp: five 64-bit integers
_BLOB = re.compile(r"(?:[0-9a-f]{40}|[0-9a-f]{64})?")  # a git blob id (sha1, sha256), or "" (not vouched for)
CHUNK = 256  # files of the listing compared as one run of bytes


@cache  # one process runs one version of the code; a command reading many catalogs (county) asks once
def code_salt() -> str:
    """Changes whenever gongkai's own code changes, or a library installed beside it (the readers of PDF, Word and
    Excel files decide what the privacy scan sees: an upgraded pypdf may read text an older one missed), so stale
    results are never reused."""
    digest = hashlib.sha1(gongkai.__version__.encode())
    package = Path(gongkai.__file__).parent
    for source in sorted(package.rglob("*.py")):
        stat = source.stat()
        digest.update(f"{source.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    digest.update("\n".join(installed()).encode())
    return digest.hexdigest()


def installed() -> list[str]:
    """The name and version of every library installed where gongkai's libraries are (their dist-info folders,
    pypdf-7.1.1.dist-info: one listing of a folder, no import)."""
    paths = sysconfig.get_paths()
    names: list[str] = []
    for folder in dict.fromkeys((paths["purelib"], paths["platlib"])):
        try:
            names.extend(entry.name for entry in os.scandir(folder) if entry.name.endswith(".dist-info"))
        except OSError:  # (no such folder: nothing installed there)
            continue
    return sorted(names)


@cache
def machine_secret() -> str:
    """A random secret kept outside every catalog (the user's cache folder), made once; a fresh one per process when
    it cannot be kept, so a cache nobody can vouch for is never trusted."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gongkai"
    path = base / "cache-secret"
    try:
        return path.read_text(encoding="ascii").strip() or _new_secret(path)
    except FileNotFoundError:
        return _new_secret(path)
    except OSError:
        return os.urandom(16).hex()


def _new_secret(path: Path) -> str:
    secret = os.urandom(16).hex()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secret)
    except FileExistsError:  # another process made it first: use theirs
        return path.read_text(encoding="ascii").strip() or secret
    except OSError:
        pass
    return secret


# Every database connection opened in this process, so that the CLI can close them when a command ends. A SQLite
# connection sits in a reference cycle with its statement cache: one dropped unclosed keeps its descriptors until the
# cyclic collector happens to run. Only the connections are held, not the caches (with their large stat tables).
_CONNECTIONS: list[sqlite3.Connection] = []


def close_caches() -> None:
    """Close every cache database this process opened (the CLI, when a command ends)."""
    while _CONNECTIONS:
        _CONNECTIONS.pop().close()


def pack_stamps(stamps: Sequence[tuple[int, ...]]) -> bytes:
    """Stamps (size, mtime_ns, ctime_ns, inode, device) as five 64-bit integers each, made in C."""
    try:
        return array("q", chain.from_iterable(stamps)).tobytes()
    except OverflowError:  # an inode or device number past 2**63 (some network file systems): the same bytes unsigned
        return array("Q", [value & 0xFFFF_FFFF_FFFF_FFFF for value in chain.from_iterable(stamps)]).tobytes()


@dataclass
class _Stamps:
    """The recorded hashes: the files of the last listing in path order, and the others (attachments, files hashed
    since) by path."""

    paths: list[str] = field(default_factory=list)
    stamps: bytes = b""  # pack_stamps of the paths' stamps
    blobs: list[str] = field(default_factory=list)  # "" where the stamp does not vouch for the content
    other: dict[str, tuple[tuple[int, int, int, int, int], str]] = field(default_factory=dict)
    # The paths listed() was last given, when they are the listing's own: keep_stats need not compare them again
    same_paths: list[str] | None = field(default=None, compare=False, repr=False)

    @classmethod
    def loaded(cls, listing: object, recent: object) -> _Stamps:
        """The table save_stats wrote, as its two parts; a part that is not as written is left out (a damaged table
        vouches for nothing)."""
        table = cls()
        if isinstance(listing, tuple) and len(listing) == 3:
            paths, stamps, blobs = listing
            if isinstance(paths, list) and isinstance(stamps, bytes) and isinstance(blobs, list) \
                    and len(stamps) == STAMP * len(paths) == STAMP * len(blobs):
                table.paths, table.stamps, table.blobs = paths, stamps, blobs
        if isinstance(recent, dict) and all(isinstance(row, tuple) and len(row) == 2 and isinstance(row[0], tuple)
                                            and len(row[0]) == 5 for row in recent.values()):
            # a hash that is not one (「refused」, which the privacy scan recorded for an attachment it would not read
            # until the twenty-first hostile pass) vouches for nothing: left out, the file is hashed again
            table.other = {path: row for path, row in recent.items()
                           if isinstance(row[1], str) and _BLOB.fullmatch(row[1])}
        return table

    def listed(self, paths: list[str], stamps: bytes) -> list[str]:
        """The blobs of the listing's files whose path and stamp are those of *paths* and *stamps*, else "".

        A listing is nearly always the last one again: CHUNK files at a time, the paths and their packed stamps
        are compared at once (in C) where the last listing had the same files; the files of a run that differs
        (a file added, edited or gone) are looked up one by one.
        """
        found = [""] * len(paths)
        same = len(paths) == len(self.paths)  # every chunk holds the same paths, at the same place
        shift = 0  # where the last listing holds the file at the start of a run: its position here plus shift
        for start in range(0, len(paths), CHUNK):
            end = min(start + CHUNK, len(paths))
            at = start + shift
            if not (0 <= at < len(self.paths) and self.paths[at] == paths[start]):
                position = self._position(paths[start])
                at, shift = (position, position - start) if position is not None else (-1, shift)
            aligned = at >= 0 and self.paths[at:at + end - start] == paths[start:end]
            same = same and aligned and at == start
            if aligned and self.stamps[at * STAMP:(at + end - start) * STAMP] == stamps[start * STAMP:end * STAMP]:
                found[start:end] = self.blobs[at:at + end - start]
                continue
            for here in range(start, end):
                position = self._position(paths[here])
                if position is not None and \
                        self.stamps[position * STAMP:(position + 1) * STAMP] == stamps[here * STAMP:(here + 1) * STAMP]:
                    found[here] = self.blobs[position]
        self.same_paths = paths if same else None
        return found

    def _position(self, path: str) -> int | None:
        return _position(self.paths, path)


def _position(paths: list[str], path: str) -> int | None:
    """Where *path* is in the sorted *paths*, if it is there."""
    at = bisect_left(paths, path)
    return at if at < len(paths) and paths[at] == path else None


def _unmarshal(path: Path) -> object:
    """What a marshal file holds; None when it is missing or damaged."""
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None


class Cache:
    """A content-addressed store; a cache that cannot be opened simply remembers nothing."""

    def __init__(self, root: Path | None) -> None:
        self.db: sqlite3.Connection | None = None
        self.folder: Path | None = None
        self._stats: _Stamps | None = None
        self._dirty_listing = False  # the listing's part of the table changed (STATS_FILE)
        self._dirty_recent = False  # what was recorded apart changed (RECENT_FILE)
        self.key = b""  # signs what this machine wrote into the cache folder (catalog.snapshot)
        # How far the catalog's file system's clock is behind this machine's (a network share, a NAS whose clock is
        # not set): the times it stamps files with are compared with this machine's clock (remember_blob).
        self.lag_ns = 0
        if root is not None:
            self._open(root)

    def _open(self, root: Path) -> None:
        folder = root / CACHE_DIR
        for attempt in ("first", "after deleting a damaged file"):
            try:
                folder.mkdir(exist_ok=True)
                (folder / ".gitignore").write_text("*\n", encoding="utf-8")
                self.lag_ns = max(0, time.time_ns() - (folder / ".gitignore").stat().st_mtime_ns)
                self.db = sqlite3.connect(folder / DB_FILE, isolation_level=None)
                self.db.executescript(
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
                    "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);"
                    "CREATE TABLE IF NOT EXISTS parsed(blob TEXT, kind TEXT, payload BLOB, PRIMARY KEY(blob, kind));"
                    "CREATE TABLE IF NOT EXISTS memo(k TEXT PRIMARY KEY, payload BLOB);"
                )
                self._check_salt(folder)
                self.folder = folder
                _CONNECTIONS.append(self.db)
                return
            except (OSError, sqlite3.Error) as error:
                if self.db is not None:
                    self.db.close()
                self.db = None
                if attempt != "first" or not isinstance(error, sqlite3.Error) or not damaged(error):
                    return
                remove_database(folder / DB_FILE)  # a cache damaged on disk is made again, never read

    def _lost(self, error: sqlite3.Error) -> None:
        """The database failed while this run read it: the rest of the run remembers nothing, and a damaged file
        (a disk fault, a power cut: it is written without waiting for the disk) is deleted for the next run to
        make again."""
        if self.db is None:
            return
        if self.db in _CONNECTIONS:
            _CONNECTIONS.remove(self.db)
        self.db.close()
        self.db = None
        if damaged(error) and self.folder is not None:
            remove_database(self.folder / DB_FILE)

    def _check_salt(self, folder: Path) -> None:
        assert self.db is not None
        # The cache holds pickles: one that did not come from this machine (a .gongkai-cache committed to a
        # repository, an unpacked archive) could run code when loaded, or claim a record was scanned clean. Only a
        # database stamped with this machine's own secret is trusted; any other is emptied before it is read.
        salt = hashlib.sha256((code_salt() + machine_secret()).encode()).hexdigest()
        self.key = bytes.fromhex(salt)
        row = self.db.execute("SELECT v FROM meta WHERE k='salt'").fetchone()
        if row is None or row[0] != salt:
            self.db.executescript("DELETE FROM parsed; DELETE FROM memo;")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES('salt', ?)", (salt,))
            for name in OBSOLETE:
                (folder / name).unlink(missing_ok=True)

    def stats_size(self) -> int:
        """The size in bytes of the files' stamps an earlier command recorded (about 115 bytes a file; 0 when none):
        listing then hashes only the files changed since, and a large one tells a large catalog before it is listed."""
        if self.folder is None:
            return 0
        try:
            return (self.folder / STATS_FILE).stat().st_size
        except OSError:
            return 0

    def _stats_table(self) -> _Stamps:
        """The stamps (size, mtime_ns, ctime_ns, inode, device) under which each file's content hash was recorded,
        read once per run; a blob "" is one the stamp cannot vouch for.

        Kept in a marshal file beside the database: it is read whole on every run. The files of the last listing are
        kept as three arrays (paths, stamps packed as bytes, blobs): 100,000 files load as 200,000 strings instead
        of a million tuples and integers, and compare a few hundred files at a time (known_blobs).
        """
        if self._stats is None:
            self._stats = _Stamps()
            if self.folder is not None:
                self._stats = _Stamps.loaded(_unmarshal(self.folder / STATS_FILE), _unmarshal(self.folder / RECENT_FILE))
        return self._stats

    def known_blob(self, path: str, stamp: tuple[int, int, int, int, int]) -> str | None:
        """The content hash recorded for *path*, when git's stat rules prove the file unchanged since.

        Size, mtime, ctime, inode and device must all match: `touch -r`, an unzip or a copy that puts the mtime
        back still changes the ctime. A file whose mtime or ctime was not clearly older than the moment it was
        hashed is "racily clean" (it may have changed again within the same clock tick): its hash is recorded
        without vouching for it (remember_blob), so it is hashed again.
        """
        table = self._stats_table()
        row = table.other.get(path)  # recorded since the listing: it takes the listing's place
        if row is not None:
            return row[1] or None if row[0] == stamp else None
        return table.listed([path], pack_stamps([stamp]))[0] or None

    def known_blobs(self, paths: list[str], stamps: bytes) -> list[str]:
        """known_blob of many files at once, "" for those not vouched for: *paths* in path order (as a source lists
        them) and their stamps packed (pack_stamps)."""
        table = self._stats_table()
        found = table.listed(paths, stamps)
        for path, (stamp, blob) in table.other.items():  # recorded since the listing: they take its place
            at = _position(paths, path)
            if at is not None:
                found[at] = blob if pack_stamps([stamp]) == stamps[at * STAMP:(at + 1) * STAMP] else ""
        return found

    def remember_blob(self, path: str, stamp: tuple[int, int, int, int, int], blob: str, recorded_ns: int) -> None:
        """Record *path*'s hash under its stamp; *recorded_ns* is a time taken before the file was read.

        The stamp vouches for the content only when the file's mtime and ctime are clearly older than that time
        (git's racily clean rule) and the file's size is known. The file system stamps them with its own clock: one
        behind this machine's (lag_ns, measured on the file written when the cache was opened) would make a file
        saved a moment ago look older than the tick in which it may change again unseen.
        """
        size, mtime, ctime, inode, device = stamp  # a plain tuple (a Stamp is a NamedTuple marshal cannot write)
        vouched = size >= 0 and max(mtime, ctime) < recorded_ns - self.lag_ns - RACY_NS
        self._stats_table().other[path] = ((size, mtime, ctime, inode, device), blob if vouched else "")
        self._dirty_recent = True

    def keep_stats(self, paths: list[str], stamps: bytes, found: list[str], others: set[str]) -> None:
        """The working tree was listed: its files are *paths* with *stamps*, of which known_blobs *found* the hashes;
        what else is kept is recorded since (remember_blob) or of the paths *others* (attachments). The recorded
        hashes of paths the catalog no longer holds are forgotten.

        While the files are those of the listing kept, the few hashed since stay apart (RECENT_FILE): the listing's
        stamps no longer match theirs, and their entries apart take its place for them (known_blobs).
        """
        table = self._stats_table()
        blobs = list(found)
        since: dict[str, tuple[tuple[int, int, int, int, int], str]] = {}  # of the files, as they are now
        other: dict[str, tuple[tuple[int, int, int, int, int], str]] = {}
        recorded = list(table.other.items())  # after a first run, 100,000 of them: packed and placed at once
        packed = pack_stamps([stamp for _, (stamp, _) in recorded])
        # an index of the listing pays only for many entries (a first run); a few (attachments) are bisected
        position = dict(zip(paths, range(len(paths)))).get if len(recorded) * 8 > len(paths) \
            else partial(_position, paths)
        for k, (path, (stamp, blob)) in enumerate(recorded):
            at = position(path)
            if at is not None:
                if packed[k * STAMP:(k + 1) * STAMP] == stamps[at * STAMP:(at + 1) * STAMP]:
                    blobs[at] = blob
                    since[path] = (stamp, blob)
            elif path in others:
                other[path] = (stamp, blob)
        if (table.same_paths is paths or paths == table.paths) and len(since) <= RECENT_LIMIT:
            kept = _Stamps(table.paths, table.stamps, table.blobs, {**since, **other})
        else:
            kept = _Stamps(paths, stamps, blobs, other)
            self._dirty_listing = self._dirty_listing or (paths, stamps, blobs) != \
                (table.paths, table.stamps, table.blobs)
        self._dirty_recent = self._dirty_recent or kept.other != table.other
        self._stats = kept

    def save_stats(self) -> None:
        """Write the recorded hashes, when any were added: the listing's (large) only when it changed."""
        if self.folder is None:
            return
        table = self._stats_table()
        try:
            if self._dirty_listing:
                write_atomic(self.folder / STATS_FILE, marshal.dumps((table.paths, table.stamps, table.blobs)))
                self._dirty_listing = False
            if self._dirty_recent:
                write_atomic(self.folder / RECENT_FILE, marshal.dumps(table.other))
                self._dirty_recent = False
        except OSError:
            pass

    def parsed(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], Any]:
        """Cached results for (blob, kind) pairs that have one.

        A few keys are looked up by index; many keys (a whole catalog) read the table once, which eviction keeps
        no larger than the files of the catalog that had findings.
        """
        if self.db is None or not keys:
            return {}
        wanted = set(keys)
        try:
            if len(wanted) > LOOKUP_LIMIT:
                rows = self.db.execute("SELECT blob, kind, payload FROM parsed").fetchall()
            else:
                blobs = sorted({blob for blob, _ in wanted})
                rows = self.db.execute("SELECT blob, kind, payload FROM parsed "
                                       f"WHERE blob IN ({','.join('?' * len(blobs))})", blobs).fetchall()
        except sqlite3.Error as error:
            self._lost(error)
            return {}
        found = {}
        for blob, kind, payload in rows:
            if (blob, kind) in wanted and (value := _unpickled(payload)) is not _DAMAGED:
                found[(blob, kind)] = value
        return found

    def evict_parsed(self, kept: Iterable[str]) -> None:
        """Forget parse results of contents no file of the catalog has any more (edited, renamed, deleted); *kept*
        are the contents of every file, 100,000 of them: passed over once, never made into a set."""
        if self.db is None:
            return
        try:
            stale = {blob for (blob,) in self.db.execute("SELECT DISTINCT blob FROM parsed")}.difference(kept)
        except sqlite3.Error as error:
            self._lost(error)
            return
        if stale:
            self._write("DELETE FROM parsed WHERE blob=?", [(blob,) for blob in sorted(stale)])

    def put_parsed(self, rows: Iterable[tuple[str, str, Any]]) -> None:
        self._write(
            "INSERT OR REPLACE INTO parsed VALUES(?,?,?)",
            ((b, k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for b, k, v in rows),
        )

    def memo(self, key: str) -> Any:
        """A whole result remembered under *key*, or None."""
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT payload FROM memo WHERE k=?", (key,)).fetchone()
        except sqlite3.Error as error:
            self._lost(error)
            return None
        value = _unpickled(row[0]) if row else None
        return None if value is _DAMAGED else value

    def put_memo(self, key: str, value: Any, replaces: str | None = None) -> None:
        """Remember *value* under *key*; results under other keys starting with *replaces* are dropped (outdated)."""
        if replaces is not None and self.db is not None:
            try:
                stale = [(k,) for (k,) in self.db.execute("SELECT k FROM memo WHERE substr(k, 1, ?) = ?",
                                                           (len(replaces), replaces)) if k != key]
            except sqlite3.Error as error:
                self._lost(error)
                return
            self._write("DELETE FROM memo WHERE k=?", stale)
        self._write("INSERT OR REPLACE INTO memo VALUES(?,?)", [(key, pickle.dumps(value))])

    def _write(self, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
        if self.db is None:
            return
        try:
            self.db.execute("BEGIN")
            self.db.executemany(sql, rows)
            self.db.execute("COMMIT")
        except sqlite3.Error as error:
            if damaged(error):
                self._lost(error)
            elif self.db.in_transaction:
                self.db.execute("ROLLBACK")


_DAMAGED = object()  # what _unpickled gives for bytes that are no longer what was written


def _unpickled(payload: bytes) -> Any:
    """The value a payload of the database holds; _DAMAGED when its bytes were damaged on disk (the database is this
    machine's own, _check_salt: only damage, not a stranger, makes a payload unreadable)."""
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - damaged bytes make pickle raise nearly anything; a damaged entry is computed again
        return _DAMAGED


def damaged(error: sqlite3.Error) -> bool:
    """Whether *error* says a database file is not a database, or a damaged one."""
    return getattr(error, "sqlite_errorname", "") in ("SQLITE_NOTADB", "SQLITE_CORRUPT")


def remove_database(path: Path) -> None:
    """Delete the SQLite database *path* with its journal files (the next run makes a new one)."""
    for suffix in ("", "-wal", "-shm"):
        try:
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        except OSError:
            pass


def cache_for(root: Path, use_cache: bool = True) -> Cache:
    """The cache of the catalog at *root*; none when the command says --no-cache or GONGKAI_NO_CACHE=1 is set."""
    if not use_cache or os.environ.get("GONGKAI_NO_CACHE") == "1":
        return Cache(None)
    return Cache(root)
