"""Parse and validation results cached by content hash (the git blob id), in one SQLite file."""

from __future__ import annotations

import hashlib
import os
import marshal
import pickle
import sqlite3
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import gongkai
from gongkai.files_io import write_atomic

CACHE_DIR = ".gongkai-cache"
STATS_FILE = "stats.v3.marshal"
# A file changed less than this before it was hashed may change again unseen within one timestamp tick
# (2 s on FAT, a clock tick elsewhere); git calls such files racily clean and hashes them again.
RACY_NS = 2_000_000_000
# Up to this many keys are looked up one by one; more read the table once (SQLite caps a query at 32,766 values).
LOOKUP_LIMIT = 500


@cache  # one process runs one version of the code; a command reading many catalogs (county) asks once
def code_salt() -> str:
    """Changes whenever gongkai's own code changes, so stale results are never reused."""
    digest = hashlib.sha1(gongkai.__version__.encode())
    package = Path(gongkai.__file__).parent
    for source in sorted(package.rglob("*.py")):
        stat = source.stat()
        digest.update(f"{source.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


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


class Cache:
    """A content-addressed store; a cache that cannot be opened simply remembers nothing."""

    def __init__(self, root: Path | None) -> None:
        self.db: sqlite3.Connection | None = None
        self.folder: Path | None = None
        self._stats: dict[str, tuple[tuple[int, int, int, int, int], str]] | None = None
        self._dirty = False
        self.key = b""  # signs what this machine wrote into the cache folder (catalog.snapshot)
        if root is not None:
            self._open(root)

    def _open(self, root: Path) -> None:
        folder = root / CACHE_DIR
        try:
            folder.mkdir(exist_ok=True)
            (folder / ".gitignore").write_text("*\n", encoding="utf-8")
            self.db = sqlite3.connect(folder / "cache.sqlite3", isolation_level=None)
            self.db.executescript(
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
                "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);"
                "CREATE TABLE IF NOT EXISTS parsed(blob TEXT, kind TEXT, payload BLOB, PRIMARY KEY(blob, kind));"
                "CREATE TABLE IF NOT EXISTS memo(k TEXT PRIMARY KEY, payload BLOB);"
            )
            self._check_salt()
            self.folder = folder
            _CONNECTIONS.append(self.db)
        except (OSError, sqlite3.Error):
            self.db = None

    def _check_salt(self) -> None:
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

    def _stats_table(self) -> dict[str, tuple[tuple[int, int, int, int, int], str]]:
        """path → (stamp, blob): the stamp (size, mtime_ns, ctime_ns, inode, device) under which the file's content
        hash *blob* was recorded, read once per run; blob is "" when the stamp cannot vouch for the content.

        Kept in a marshal file beside the database: it is read whole on every run, and marshal reads 100,000
        entries ten times faster than SQLite can hand out rows.
        """
        if self._stats is None:
            self._stats = {}
            if self.folder is not None:
                try:
                    loaded = marshal.loads((self.folder / STATS_FILE).read_bytes())
                    self._stats = loaded if isinstance(loaded, dict) else {}
                except (OSError, ValueError, EOFError, TypeError):
                    self._stats = {}
        return self._stats

    def known_blob(self, path: str, stamp: tuple[int, int, int, int, int]) -> str | None:
        """The content hash recorded for *path*, when git's stat rules prove the file unchanged since.

        Size, mtime, ctime, inode and device must all match: `touch -r`, an unzip or a copy that puts the mtime
        back still changes the ctime. A file whose mtime or ctime was not clearly older than the moment it was
        hashed is "racily clean" (it may have changed again within the same clock tick): its hash is recorded
        without vouching for it (remember_blob), so it is hashed again.
        """
        return self.known_blobs([(path, stamp)])[0]

    def known_blobs(self, wanted: list[tuple[str, tuple[int, int, int, int, int]]]) -> list[str | None]:
        """known_blob of many (path, stamp) pairs at once: a whole catalog in one call."""
        get = self._stats_table().get
        try:  # a row is (stamp, blob) as marshal kept it: compared with the stamp as it is
            return [row[1] or None if row is not None and row[0] == stamp else None
                    for path, stamp in wanted for row in (get(path),)]
        except (TypeError, IndexError, KeyError):  # a damaged table vouches for nothing
            self._stats = {}
            return [None] * len(wanted)

    def remember_blob(self, path: str, stamp: tuple[int, int, int, int, int], blob: str, recorded_ns: int) -> None:
        """Record *path*'s hash under its stamp; *recorded_ns* is a time taken before the file was read.

        The stamp vouches for the content only when the file's mtime and ctime are clearly older than that time
        (git's racily clean rule) and the file's size is known.
        """
        size, mtime, ctime, inode, device = stamp  # a plain tuple (a Stamp is a NamedTuple marshal cannot write)
        vouched = size >= 0 and max(mtime, ctime) < recorded_ns - RACY_NS
        self._stats_table()[path] = ((size, mtime, ctime, inode, device), blob if vouched else "")
        self._dirty = True

    def save_stats(self) -> None:
        """Write the recorded hashes, when any were added."""
        if not self._dirty or self.folder is None:
            return
        try:
            write_atomic(self.folder / STATS_FILE, marshal.dumps(self._stats_table()))
            self._dirty = False
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
        if len(wanted) > LOOKUP_LIMIT:
            rows = self.db.execute("SELECT blob, kind, payload FROM parsed")
        else:
            blobs = sorted({blob for blob, _ in wanted})
            rows = self.db.execute(f"SELECT blob, kind, payload FROM parsed WHERE blob IN ({','.join('?' * len(blobs))})",
                                   blobs)
        return {(blob, kind): pickle.loads(payload) for blob, kind, payload in rows if (blob, kind) in wanted}

    def evict_parsed(self, kept: set[str]) -> None:
        """Forget parse results of contents no file of the catalog has any more (edited, renamed, deleted)."""
        if self.db is None:
            return
        stale = [(blob,) for (blob,) in self.db.execute("SELECT DISTINCT blob FROM parsed") if blob not in kept]
        if stale:
            self._write("DELETE FROM parsed WHERE blob=?", stale)

    def evict_stats(self, kept: set[str]) -> None:
        """Forget the recorded hashes of paths the catalog no longer holds."""
        table = self._stats_table()
        stale = [path for path in table if path not in kept]
        for path in stale:
            del table[path]
        self._dirty = self._dirty or bool(stale)

    def put_parsed(self, rows: Iterable[tuple[str, str, Any]]) -> None:
        self._write(
            "INSERT OR REPLACE INTO parsed VALUES(?,?,?)",
            ((b, k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for b, k, v in rows),
        )

    def memo(self, key: str) -> Any:
        """A whole result remembered under *key*, or None."""
        if self.db is None:
            return None
        row = self.db.execute("SELECT payload FROM memo WHERE k=?", (key,)).fetchone()
        return pickle.loads(row[0]) if row else None

    def put_memo(self, key: str, value: Any, replaces: str | None = None) -> None:
        """Remember *value* under *key*; results under other keys starting with *replaces* are dropped (outdated)."""
        if replaces is not None and self.db is not None:
            stale = [(k,) for (k,) in self.db.execute("SELECT k FROM memo WHERE substr(k, 1, ?) = ?",
                                                       (len(replaces), replaces)) if k != key]
            self._write("DELETE FROM memo WHERE k=?", stale)
        self._write("INSERT OR REPLACE INTO memo VALUES(?,?)", [(key, pickle.dumps(value))])

    def _write(self, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
        if self.db is None:
            return
        try:
            self.db.execute("BEGIN")
            self.db.executemany(sql, rows)
            self.db.execute("COMMIT")
        except sqlite3.Error:
            self.db.execute("ROLLBACK") if self.db.in_transaction else None


def cache_for(root: Path, use_cache: bool = True) -> Cache:
    """The cache of the catalog at *root*; none when the command says --no-cache or GONGKAI_NO_CACHE=1 is set."""
    if not use_cache or os.environ.get("GONGKAI_NO_CACHE") == "1":
        return Cache(None)
    return Cache(root)
