"""Every parsed file of the last whole load, kept in two signed files: what lets a command skip parsing.

Parsing is most of what loading a large catalog costs (100,000 records: 14 s), while one pickle of all the parsed
files reads back in about a second. The snapshot is a *base* (the whole catalog as last written) and a small
*delta* (files parsed since then), so an edit costs a small write, not the whole snapshot again; the base is
rewritten when the delta or the entries no file uses any more grow past a share of the catalog.

Both are pickles, which can run code when loaded: each starts with a MAC keyed by this machine's cache secret and
gongkai's code (Cache.key), and a file whose MAC does not match — copied from elsewhere, written by another version,
cut short — is ignored, never unpickled.
"""

from __future__ import annotations

import hmac
import os
import pickle
from pathlib import Path
from typing import Any, BinaryIO

from gongkai.files_io import write_atomic

BASE = "parsed.v2.pickle"
DELTA = "parsed-delta.v2.pickle"
MAGIC = b"gongkai-parsed-v2\n"
MAC_SIZE = 32
# HMAC-SHA-256: processors since about 2017 compute SHA-256 in hardware, twice as fast as BLAKE2b here (0.10 s
# against 0.19 s for the 170 MB of 100,000 records), and the MAC is computed over the whole file on every read.
HASH = "sha256"
# The base is written again when the files parsed since, or the entries no file uses any more, exceed this share of
# the catalog (and this many files): a delta is rewritten whole on every change, so it must stay small.
REWRITE_SHARE = 0.02
REWRITE_MIN = 200

Key = str  # the file's path in the catalog; the entry says which content (blob) and kind it was parsed from


class Snapshot:
    """The parsed files a previous load kept, by path; empty when there is none to trust."""

    def __init__(self, folder: Path | None, key: bytes) -> None:
        self.folder = folder if key else None
        self.key = key
        self.base_id = ""
        self.base: dict[Key, Any] = {}
        self.delta: dict[Key, Any] = {}
        if self.folder is not None:
            self._read()

    def get(self, key: Key) -> Any:
        found = self.delta.get(key)
        return found if found is not None else self.base.get(key)

    def _read(self) -> None:
        base = self._load(BASE)
        if not isinstance(base, tuple) or len(base) != 2 or not isinstance(base[1], dict):
            return
        self.base_id, self.base = base
        delta = self._load(DELTA)
        if isinstance(delta, tuple) and len(delta) == 2 and delta[0] == self.base_id and isinstance(delta[1], dict):
            self.delta = delta[1]

    def _load(self, name: str) -> Any:
        assert self.folder is not None
        try:
            data = (self.folder / name).read_bytes()
        except OSError:
            return None
        head = len(MAGIC) + MAC_SIZE
        if not data.startswith(MAGIC) or len(data) < head:
            return None
        mac, payload = data[len(MAGIC):head], memoryview(data)[head:]
        if not hmac.compare_digest(mac, self._mac(payload)):
            return None
        try:
            return pickle.loads(payload)
        except Exception:  # noqa: BLE001 — signed by us yet unreadable (another Python): simply not used
            return None

    def _mac(self, payload: memoryview) -> bytes:
        return hmac.new(self.key, payload, HASH).digest()

    def _write(self, name: str, value: Any) -> None:
        """Pickle *value* straight into the file (100,000 files: 170 MB never held in memory), then sign it."""
        assert self.folder is not None
        mac = hmac.new(self.key, digestmod=HASH)

        def fill(handle: BinaryIO) -> None:
            handle.write(MAGIC + bytes(MAC_SIZE))  # the MAC's place, filled once the payload is written
            pickle.Pickler(_Signing(handle, mac), protocol=pickle.HIGHEST_PROTOCOL).dump(value)
            handle.seek(len(MAGIC))
            handle.write(mac.digest())

        write_atomic(self.folder / name, fill)

    def save(self, files: dict[Key, Any], parsed: set[Key]) -> None:
        """Keep *files* (every parsed file of this load) for the next one; *parsed* were not in the snapshot.

        Failing to write (a read-only or full disk) only means the next load parses again.
        """
        if self.folder is None:
            return
        unused = sum(1 for key in self.base if key not in files)
        since = {key: files[key] for key in self.delta if key in files}
        since.update((key, files[key]) for key in parsed)
        limit = max(REWRITE_MIN, REWRITE_SHARE * len(files))
        try:
            if not self.base_id or len(since) > limit or unused > limit:
                self.base_id = os.urandom(8).hex()
                self._write(BASE, (self.base_id, files))
                (self.folder / DELTA).unlink(missing_ok=True)
            elif parsed or len(since) != len(self.delta):
                self._write(DELTA, (self.base_id, since))
        except OSError:
            pass


class _Signing:
    """A file that adds everything written to it to a MAC on the way."""

    def __init__(self, handle: BinaryIO, mac: Any) -> None:
        self.handle, self.mac = handle, mac

    def write(self, data: bytes) -> int:
        self.mac.update(data)
        return self.handle.write(data)
