"""What the last validate run knew of every file (its Facts), in a database beside the cache: a run after one edit
reads the facts of the files it re-checks and answers lookups by id, 索引号 or key with a query, instead of reading
and writing the facts of all 100,000 files.

The facts are trusted only together with the State remembered in the cache: both carry the same random generation,
written after the facts were committed, so a run that stopped in between (or a store copied from elsewhere, or one
written by another version of gongkai: the cache's memo is emptied then) starts again from nothing.
"""

from __future__ import annotations

import marshal
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from gongkai.catalog.cache import damaged, remove_database
from gongkai.catalog.listing import quiet_gc
from gongkai.recheck.state import Facts, Key

FILE_NAME = "validate-facts.sqlite3"
BATCH = 500  # values in one IN (...): SQLite caps a query at 32,766
SCHEMA = (
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
    "CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);"
    "CREATE TABLE IF NOT EXISTS facts(path TEXT PRIMARY KEY, kind TEXT, object_id TEXT, valid INTEGER, payload BLOB);"
    "CREATE INDEX IF NOT EXISTS facts_by_id ON facts(kind, object_id);"
    "CREATE INDEX IF NOT EXISTS facts_invalid ON facts(kind) WHERE valid=0;"
    "CREATE TABLE IF NOT EXISTS keys(kind TEXT, value TEXT, path TEXT, PRIMARY KEY(kind, value, path)) WITHOUT ROWID;"
    # what VIEW rules read of each valid record (Facts.parts) apart: they read it of all 100,000 records on most runs
    "CREATE TABLE IF NOT EXISTS parts(path TEXT PRIMARY KEY, object_id TEXT, payload BLOB) WITHOUT ROWID;"
)
HOLDERS = ("SELECT k.value, f.object_id FROM keys k JOIN facts f ON f.path=k.path WHERE k.kind='索引号' "
           "AND f.kind='record' AND f.valid=1 AND f.object_id IS NOT NULL")
FirstKey = tuple[str, "str | None"]  # (kind, id) of a valid file; id None for a file that has none


class DamagedRow(sqlite3.DatabaseError):
    """A row whose payload is no longer what was written (a disk fault, a power cut: the store is written without
    waiting for the disk): the store is as damaged as when SQLite finds a page broken (damaged() says so)."""

    sqlite_errorname = "SQLITE_CORRUPT"


def _decoded(payload: object) -> tuple[object, ...]:
    """The tuple marshal kept in *payload*; DamagedRow when its bytes are damaged."""
    try:
        value = marshal.loads(payload)  # type: ignore[arg-type]
    except (ValueError, EOFError, TypeError) as error:
        raise DamagedRow(f"damaged payload: {error}") from None
    if not isinstance(value, tuple):
        raise DamagedRow("damaged payload")
    return value


def _facts(payload: object) -> Facts:
    value = _decoded(payload)
    if len(value) != len(Facts._fields):
        raise DamagedRow("damaged payload")
    return Facts._make(value)


class Store:
    """The facts of every file, changed within one transaction that commit() ends; lookups see the changes."""

    def __init__(self, folder: Path | None, generation: str | None) -> None:
        self.db = _open(folder)
        self.pending: dict[str, Facts | None] = {}  # written (None: deleted) at the next lookup or at commit()
        self.stored: dict[str, Facts] = {}  # as the database holds them, of the files read or written in this run
        self.fresh = False  # emptied in this run: the database holds only what this run wrote
        row = self.db.execute("SELECT v FROM meta WHERE k='generation'").fetchone()
        self.trusted = generation is not None and row is not None and row[0] == generation
        if not self.trusted:
            self.clear()

    def clear(self) -> None:
        self.db.execute("DELETE FROM facts")
        self.db.execute("DELETE FROM keys")
        self.db.execute("DELETE FROM parts")
        self.pending.clear()
        self.stored.clear()
        self.fresh = True

    def put(self, path: str, facts: Facts) -> None:
        self.pending[path] = facts

    def remove(self, paths: Iterable[str]) -> None:
        self.pending.update((path, None) for path in paths)

    def commit(self, generation: str) -> None:
        """Write what changed and mark the store as that of *generation* (the State remembered next)."""
        self._flush()
        self.db.execute("INSERT OR REPLACE INTO meta VALUES('generation', ?)", (generation,))
        self.db.execute("COMMIT")

    def close(self) -> None:
        """Close the store; what was not committed is forgotten."""
        self.db.close()

    def _flush(self) -> None:
        """Write the facts that changed, and of the keys only those a file gained or lost."""
        if not self.pending:
            return
        with quiet_gc():  # a whole catalog's rows are hundreds of thousands of acyclic tuples: no collector passes
            self._write()

    def _write(self) -> None:
        changed = self.pending
        self.pending = {}
        if not self.fresh:  # what a file held before is known from reading it
            self.facts(path for path in changed if path not in self.stored)
        gone: list[tuple[str, str, str]] = []
        added: list[tuple[str, str, str]] = []
        rows: list[tuple[str, str, str | None, int, bytes]] = []
        parts: list[tuple[str, str | None, bytes]] = []
        rewritten: list[tuple[str]] = []  # paths whose facts changed: their parts row is written again (or not at all)
        for path, facts in changed.items():
            old = self.stored.pop(path, None)
            if facts == old:
                if old is not None:
                    self.stored[path] = old
                continue
            rewritten.append((path,))
            before, after = _keys(old), _keys(facts)
            gone.extend((kind, value, path) for kind, value in before - after)
            added.extend((kind, value, path) for kind, value in after - before)
            if facts is not None:
                self.stored[path] = facts
                rows.append((path, facts.kind, facts.object_id, int(facts.valid), marshal.dumps(tuple(facts))))
                if facts.kind == "record" and facts.valid and facts.object_id is not None:
                    parts.append((path, facts.object_id, marshal.dumps(facts.parts)))
        self.db.executemany("DELETE FROM keys WHERE kind=? AND value=? AND path=?", gone)
        self.db.executemany("DELETE FROM facts WHERE path=?", ((path,) for path, f in changed.items() if f is None))
        # Each table's rows in the order of its key: appended to its B-tree, not scattered (a first run writes 100,000
        # files' rows in half the time); the keys' order as one string each, compared in C (tuples took a second).
        rows.sort()
        added.sort(key="\x00".join)
        self.db.executemany("INSERT OR REPLACE INTO facts VALUES(?,?,?,?,?)", rows)
        self.db.executemany("DELETE FROM parts WHERE path=?", rewritten)
        self.db.executemany("INSERT INTO parts VALUES(?,?,?)", parts)
        self.db.executemany("INSERT INTO keys VALUES(?,?,?)", added)

    def _query(self, sql: str, values: Iterable[object] = ()) -> list[tuple[object, ...]]:
        self._flush()
        return self.db.execute(sql, tuple(values)).fetchall()

    def _batched(self, sql: str, values: Iterable[object]) -> Iterator[tuple[object, ...]]:
        """Rows of *sql* (which ends in IN ({})) for every value, BATCH values per query."""
        self._flush()
        wanted = list(values)
        for start in range(0, len(wanted), BATCH):
            chunk = wanted[start:start + BATCH]
            yield from self.db.execute(sql.format(",".join("?" * len(chunk))), chunk)

    def facts(self, paths: Iterable[str]) -> dict[str, Facts]:
        """The facts kept of *paths* (those it has)."""
        rows = list(self._batched("SELECT path, payload FROM facts WHERE path IN ({})", paths))
        found = {str(path): _facts(payload) for path, payload in rows}
        self.stored.update(found)
        return found

    def record_parts(self) -> Iterator[tuple[str, str, tuple[object, ...]]]:
        """(path, id, Facts.parts) of every valid record with an id, by path: what VIEW rules read of each record."""
        for path, object_id, payload in self._query("SELECT path, object_id, payload FROM parts ORDER BY path"):
            yield str(path), str(object_id), _decoded(payload)

    def every(self, kind: str) -> Iterator[tuple[str, Facts]]:
        """(path, facts) of every file of *kind*, by path."""
        for path, payload in self._query("SELECT path, payload FROM facts WHERE kind=? ORDER BY path", (kind,)):
            yield str(path), _facts(payload)

    def firsts(self, keys: set[FirstKey]) -> dict[FirstKey, str]:
        """(kind, id) → the first valid file (by path) with it, for *keys* (state.firsts of the whole catalog)."""
        if len(keys) > BATCH:
            rows = self._query("SELECT kind, object_id, min(path) FROM facts WHERE valid=1 GROUP BY kind, object_id")
            return {(str(kind), object_id): str(path) for kind, object_id, path in rows  # type: ignore[misc]
                    if (kind, object_id) in keys}
        found: dict[FirstKey, str] = {}
        for kind, object_id in keys:
            row = self._query("SELECT min(path) FROM facts WHERE kind=? AND object_id IS ? AND valid=1",
                              (kind, object_id))
            if row and row[0][0] is not None:
                found[(kind, object_id)] = str(row[0][0])
        return found

    def every_first(self, kind: str | None = None) -> Iterator[tuple[tuple[str, str], str]]:
        """((kind, id), path) of the first valid file of each id (of *kind*), by path."""
        where, values = ("AND kind=?", (kind,)) if kind is not None else ("", ())
        rows = self._query("SELECT kind, object_id, min(path) AS first FROM facts WHERE valid=1 AND object_id IS NOT "
                           f"NULL {where} GROUP BY kind, object_id ORDER BY first", values)
        for found_kind, object_id, path in rows:
            yield (str(found_kind), str(object_id)), str(path)

    def holder(self, number: str) -> str | None:
        """The id of the first valid record (by path) with the 索引号 *number*."""
        row = self._query(f"{HOLDERS} AND k.value=? ORDER BY f.path LIMIT 1", (number,))
        return str(row[0][1]) if row else None

    def holders(self) -> dict[str, str]:
        """索引号 → the id of the first valid record (by path) with it, for every 索引号."""
        found: dict[str, str] = {}
        for number, object_id in self._query(f"{HOLDERS} ORDER BY f.path"):
            found.setdefault(str(number), str(object_id))
        return found

    def invalid(self, kind: str) -> list[str]:
        """Paths of the files of *kind* that could not be read."""
        return [str(path) for (path,) in self._query("SELECT path FROM facts WHERE kind=? AND valid=0", (kind,))]

    def sharing(self, keys: set[Key]) -> set[str]:
        """Paths of the files that define or refer to any of *keys*."""
        found: set[str] = set()
        for kind, value in keys:
            found.update(str(path) for (path,) in self._query("SELECT path FROM keys WHERE kind=? AND value=?",
                                                               (kind, value)))
        return found


def _keys(facts: Facts | None) -> set[Key]:
    return {*facts.defines, *facts.refers} if facts is not None else set()


def _open(folder: Path | None) -> sqlite3.Connection:
    """The store in *folder*, in a write transaction; one in memory (remembering nothing) when that cannot be.

    A damaged file is deleted and made again; one that another validate holds longer than the timeout is left alone.
    """
    for attempt in ("first", "after deleting a damaged file") if folder is not None else ():
        assert folder is not None
        db = None
        try:
            db = sqlite3.connect(folder / FILE_NAME, isolation_level=None, timeout=30)
            db.executescript(SCHEMA)
            db.execute("BEGIN IMMEDIATE")  # another validate of this catalog waits until this one has written
            return db
        except sqlite3.Error as error:
            if db is not None:
                db.close()
            if attempt != "first" or not damaged(error):
                break
            discard(folder)
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.executescript(SCHEMA)
    db.execute("BEGIN")
    return db


def discard(folder: Path) -> None:
    """Delete the store in *folder* (the next run makes a new one)."""
    remove_database(folder / FILE_NAME)
