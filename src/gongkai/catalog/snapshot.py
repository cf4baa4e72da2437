"""Every parsed file of the last whole load, kept in signed files: what lets a command skip parsing.

Parsing is most of what loading a large catalog costs (100,000 records: 14 s), while pickles of all the parsed
files read back in about a second. The snapshot is a *base* (the whole catalog as last written) and a small
*delta* (files parsed since then), so an edit costs a small write, not the whole snapshot again; the base is
rewritten when the delta or the entries no file uses any more grow past a share of the catalog.

The base is a list of *parts* named by a signed index: one part when this process writes it, one a worker when a
first load parses in forked workers — each worker writes the pickle of what it parsed, which it sends back anyway, so
a first load does not pickle the whole catalog a second time (100,000 records: 3 s). A part holds its base's id: a
part of another base, a missing or damaged one, discards the whole base.

All are pickles, which can run code when loaded: each starts with a MAC keyed by this machine's cache secret and
gongkai's code (Cache.key), and a file whose MAC does not match — copied from elsewhere, written by another version,
cut short — is ignored, never unpickled.
"""

from __future__ import annotations

import hmac
import os
import pickle
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from gongkai.files_io import write_atomic

BASE = "parsed.v3.pickle"  # the index of the base: (base id, the names of its parts)
DELTA = "parsed-delta.v3.pickle"
PART = "parsed.v3.{base}.{number}.pickle"  # (base id, the parsed files of one part)
PARTS = "parsed.v3.*.*.pickle"
MAGIC = b"gongkai-parsed-v3\n"
MAC_SIZE = 32
# HMAC-SHA-256: processors since about 2017 compute SHA-256 in hardware, twice as fast as BLAKE2b here (0.10 s
# against 0.19 s for the 170 MB of 100,000 records), and the MAC is computed over the whole file on every read.
HASH = "sha256"
# The base is written again when the files parsed since, or the entries no file uses any more, exceed this share of
# the catalog (and this many files): a delta is rewritten whole on every change, so it must stay small.
REWRITE_SHARE = 0.02
REWRITE_MIN = 200
# Entries of one part of a base this process writes: a reader can stop between parts (a build that finds nothing
# changed while it was reading the gate's memo), each about a tenth of a second at most.
PART_SIZE = 12_500

Key = str  # the file's path in the catalog; the entry says which content (blob) and kind it was parsed from


@dataclass(frozen=True)
class Plan:
    """A base the workers of a first load write, part by part (write_part); adopted once all are written."""

    folder: Path
    key: bytes
    base_id: str
    part: str = PART  # the parts' names


class Snapshot:
    """The parsed files a previous load kept, by path; empty when there is none to trust."""

    def __init__(self, folder: Path | None, key: bytes, name: str = "parsed",
                 stop: Callable[[], bool] | None = None) -> None:
        """The snapshot *name* kept in *folder*; *stop*, asked before each part is read, ends the reading when it
        says the snapshot is not needed after all (then it is empty)."""
        self.folder = folder if key else None
        self.key = key
        self.names = _Names.of(name)
        self.base_id = ""
        self.base: dict[Key, Any] = {}
        self.delta: dict[Key, Any] = {}
        self.entries: dict[Key, Any] = {}  # every entry, the delta's over the base's (entries.get: a lookup in C)
        if self.folder is not None:
            self._read(stop)

    def get(self, key: Key) -> Any:
        return self.entries.get(key)

    def paths(self) -> Iterator[Key]:
        """Every key the snapshot holds an entry for."""
        return iter(self.entries)

    def _read(self, stop: Callable[[], bool] | None) -> None:
        index = self._load(self.names.base)
        if not isinstance(index, tuple) or len(index) != 2 or not isinstance(index[1], list):
            return
        base_id, names = index
        base: dict[Key, Any] = {}
        for name in names:
            if stop is not None and stop():
                return
            part = self._load(name) if isinstance(name, str) and self.names.is_part(name) else None
            if not isinstance(part, tuple) or len(part) != 2 or part[0] != base_id or not isinstance(part[1], list):
                return  # one part lost, damaged or of another base: the base is not whole
            base.update((parsed.path, parsed) for parsed in part[1])
        self.base_id, self.base = base_id, base
        delta = self._load(self.names.delta)
        if isinstance(delta, tuple) and len(delta) == 2 and delta[0] == self.base_id and isinstance(delta[1], dict):
            self.delta = delta[1]
        self.entries = base
        if self.delta:
            self.entries = {**base, **{key: entry for key, entry in self.delta.items() if entry is not None}}

    def _load(self, name: str) -> Any:
        assert self.folder is not None
        return _signed(self.folder / name, self.key)

    def _write(self, name: str, value: Any) -> None:
        assert self.folder is not None
        _sign_into(self.folder / name, self.key, value)

    def plan(self) -> Plan | None:
        """A new base for forked workers to write, part by part (None without a folder to keep it in)."""
        return None if self.folder is None else Plan(self.folder, self.key, os.urandom(8).hex(), self.names.part)

    def adopt(self, plan: Plan, names: list[str]) -> None:
        """Make the parts the workers wrote under *plan* the base: together they hold every file of this load."""
        try:
            self._write(self.names.base, (plan.base_id, names))
            self.base_id = plan.base_id
            self._tidy(names)
        except OSError:
            pass

    def _tidy(self, names: list[str]) -> None:
        """Remove the delta and the parts of other bases."""
        assert self.folder is not None
        (self.folder / self.names.delta).unlink(missing_ok=True)
        for stale in self.folder.glob(self.names.parts):
            if stale.name not in names:
                stale.unlink(missing_ok=True)

    def save(self, files: dict[Key, Any], parsed: set[Key]) -> bool:
        """Keep *files* (every parsed file of this load) for the next one; *parsed* were not in the snapshot. False
        when they could not be written (a read-only or full disk: the next load only parses again).
        """
        if self.folder is None:
            return False
        unused = sum(1 for key in self.base if key not in files)
        since = {key: files[key] for key in self.delta if key in files}
        since.update((key, files[key]) for key in parsed)
        limit = max(REWRITE_MIN, REWRITE_SHARE * len(files))
        try:
            if not self.base_id or len(since) > limit or unused > limit:
                base_id = os.urandom(8).hex()
                values = list(files.values())
                starts = range(0, len(values), PART_SIZE)
                names = [self.names.part.format(base=base_id, number=start) for start in starts]
                for start, name in zip(starts, names):
                    self._write(name, (base_id, values[start:start + PART_SIZE]))
                self._write(self.names.base, (base_id, names))
                self.base_id = base_id
                self._tidy(names)
            elif parsed or len(since) != len(self.delta):
                self._write(self.names.delta, (self.base_id, since))
        except OSError:
            return False
        return True


def write_part(plan: Plan, number: int, files: list[Any]) -> tuple[str | None, bytes]:
    """In a worker: the pickle of *files* (what it sends back), written as part *number* of *plan*'s base; the part's
    name, or None when it could not be written (then the base is written whole, as without workers)."""
    payload = pickle.dumps((plan.base_id, files), protocol=pickle.HIGHEST_PROTOCOL)
    name = plan.part.format(base=plan.base_id, number=number)
    try:
        write_atomic(plan.folder / name, MAGIC + hmac.new(plan.key, payload, HASH).digest() + payload)
    except OSError:
        return None, payload
    return name, payload


def part_files(payload: bytes) -> list[Any]:
    """The parsed files of a part's pickle (write_part), in the parent."""
    files: list[Any] = pickle.loads(payload)[1]
    return files


class _Names(NamedTuple):
    """The files of one kind of snapshot: the parsed files (BASE, DELTA, PART, PARTS), or another by its name."""

    base: str
    delta: str
    part: str
    parts: str
    part_name: re.Pattern[str]  # a part's name as *part* gives it (an index naming any other file is not followed)

    @classmethod
    def of(cls, name: str) -> _Names:
        base, delta, part, parts = (pattern.replace("parsed", name, 1) for pattern in (BASE, DELTA, PART, PARTS))
        return cls(base, delta, part, parts, re.compile(re.escape(name) + r"\.v3\.[0-9a-f]{16}\.[0-9]+\.pickle"))

    def is_part(self, name: str) -> bool:
        return self.part_name.fullmatch(name) is not None


def _signed(path: Path, key: bytes) -> Any:
    """What the signed file at *path* holds; None when it is missing, cut short or its MAC does not match."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(MAGIC) + MAC_SIZE
    if not data.startswith(MAGIC) or len(data) < head:
        return None
    mac, payload = data[len(MAGIC):head], memoryview(data)[head:]
    if not hmac.compare_digest(mac, hmac.new(key, payload, HASH).digest()):
        return None
    try:
        return pickle.loads(payload)
    except Exception:  # noqa: BLE001 — signed by us yet unreadable (another Python): simply not used
        return None


def _sign_into(path: Path, key: bytes, value: Any) -> None:
    """Pickle *value* straight into the file (100,000 files: 170 MB never held in memory), then sign it."""
    mac = hmac.new(key, digestmod=HASH)

    def fill(handle: BinaryIO) -> None:
        handle.write(MAGIC + bytes(MAC_SIZE))  # the MAC's place, filled once the payload is written
        pickle.Pickler(_Signing(handle, mac), protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        handle.seek(len(MAGIC))
        handle.write(mac.digest())

    write_atomic(path, fill)


class _Signing:
    """A file that adds everything written to it to a MAC on the way."""

    def __init__(self, handle: BinaryIO, mac: Any) -> None:
        self.handle, self.mac = handle, mac

    def write(self, data: bytes) -> int:
        self.mac.update(data)
        return self.handle.write(data)
