"""Writing the site into a staging folder: unchanged files are hard-linked from the old site, never rewritten."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.catalog.cache import CACHE_DIR

MANIFEST = ".gongkai-build.json"
VERSION = 2


def snapshot_path(catalog_root: Path | None, site: Path) -> Path | None:
    """Where the incremental path (site/fast.py) keeps what it knows about the records behind *site*.

    In the catalog's cache folder, never in the site: it names records that are not public.
    """
    if catalog_root is None:
        return None
    return catalog_root / CACHE_DIR / f"site-{digest(str(site.resolve()))}.snapshot"


def forget(catalog_root: Path | None, site: Path) -> None:
    """Drop the snapshot before the site changes by another way: it would no longer describe the site."""
    path = snapshot_path(catalog_root, site)
    if path is not None:
        path.unlink(missing_ok=True)


def digest(data: bytes | str) -> str:
    """A 128-bit content hash (hex): plenty to tell versions of a page apart, half the manifest size."""
    return hashlib.blake2b(data.encode("utf-8") if isinstance(data, str) else data, digest_size=16).hexdigest()


@dataclass
class Manifest:
    """What the last build wrote: per file, the hash of its inputs and of its bytes."""

    fingerprint: str = ""
    files: dict[str, list[str]] = field(default_factory=dict)  # path → [inputs hash, content hash]

    @classmethod
    def read(cls, site: Path) -> Manifest:
        try:
            raw: dict[str, Any] = json.loads((site / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError):
            return cls()
        if raw.get("version") != VERSION:
            return cls()
        return cls(str(raw.get("fingerprint", "")), dict(raw.get("files", {})))

    @staticmethod
    def stamp(site: Path) -> str:
        """The last build's fingerprint, from the manifest's first line only (the fast no-change check)."""
        try:
            with (site / MANIFEST).open(encoding="utf-8") as handle:
                head = json.loads(handle.readline().rstrip().removesuffix('"files":{').rstrip(",") + "}")
        except (OSError, ValueError):
            return ""
        return str(head.get("fingerprint", "")) if head.get("version") == VERSION else ""

    def dumps(self) -> str:
        files = dict(sorted(self.files.items()))
        # one file per line keeps the manifest diffable; one json.dumps call (its C encoder) for all of them:
        # '"], "' only ever ends an entry, since every quote inside a key is escaped as \"
        body = json.dumps(files, ensure_ascii=False, separators=(", ", ":"))[1:-1].replace('"], "', '"],\n"')
        head = f'{{"version":{VERSION},"fingerprint":{json.dumps(self.fingerprint)},"files":{{\n'
        return head + body + "\n}}\n"


@dataclass
class Emitter:
    """Puts files into *staging*, reusing the old site's file whenever the inputs or the bytes are the same."""

    old_site: Path
    staging: Path
    old: Manifest
    new: Manifest = field(default_factory=Manifest)
    in_place: bool = False  # True: staging holds only changed files, unchanged ones stay where they are
    written: int = 0
    reused: int = 0
    changed: list[str] = field(default_factory=list)
    _dirs: set[Path] = field(default_factory=set)

    def reuse(self, path: str, inputs: str) -> bool:
        """Keep the old file when its inputs hash is unchanged; True if done (nothing rendered)."""
        previous = self.old.files.get(path)
        if not inputs or previous is None or previous[0] != inputs or not self._keep(path):
            return False
        self.new.files[path] = previous
        self.reused += 1
        return True

    def emit(self, path: str, data: bytes, inputs: str = "") -> None:
        """Write *data* at *path*, or link the old file when the bytes are identical."""
        content = digest(data)
        self.new.files[path] = [inputs, content]
        previous = self.old.files.get(path)
        if previous is not None and previous[1] == content and self._keep(path):
            self.reused += 1
            return
        target = self._target(path)
        target.write_bytes(data)
        self.changed.append(path)
        self.written += 1

    def copy(self, path: str, source: Path) -> None:
        """Copy a file (an attachment) keyed by its size and mtime; reuse the old copy when they match."""
        stat = source.stat()
        inputs = f"{stat.st_size}:{stat.st_mtime_ns}"
        if self.reuse(path, inputs):
            return
        shutil.copyfile(source, self._target(path))
        self.new.files[path] = [inputs, inputs]
        self.changed.append(path)
        self.written += 1

    def _target(self, path: str) -> Path:
        target = self.staging / path
        if target.parent not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(target.parent)
        return target

    def _keep(self, path: str) -> bool:
        return True if self.in_place else self._link(path)

    def _link(self, path: str) -> bool:
        try:
            os.link(self.old_site / path, self._target(path))
        except OSError:
            return False
        return True


class ManifestLines:
    """The manifest as its lines, patched in place: a few entries change without parsing or re-encoding the rest.

    The manifest holds one entry per line, sorted by path, so an entry is found by bisection and only the keys
    visited are decoded. open() gives None when the file is not in exactly the format dumps() writes.
    """

    def __init__(self, head: str, entries: list[str]) -> None:
        self.head = head
        self.entries = entries  # '"path":["inputs", "content"],' (the last one without the comma)

    @classmethod
    def open(cls, site: Path) -> ManifestLines | None:
        try:
            text = (site / MANIFEST).read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        lines = text.split("\n")
        if len(lines) < 4 or lines[-2:] != ["}}", ""] or not lines[0].startswith(f'{{"version":{VERSION},'):
            return None
        entries = lines[1:-2]
        if text.count('"],\n') != len(entries) - 1 or not entries[-1].endswith('"]'):
            return None  # every entry but the last ends with its comma
        found = cls(lines[0], entries)
        keys = [found._key(e) for e in entries[:1] + entries[-1:]]
        if None in keys or keys != sorted(keys):  # type: ignore[type-var]
            return None
        return found

    @staticmethod
    def _key(entry: str) -> str | None:
        end = entry.find('":[')
        if end < 0:
            return None
        try:
            return str(json.loads(entry[:end + 1]))
        except ValueError:
            return None

    def _find(self, path: str) -> tuple[int, bool]:
        low, high = 0, len(self.entries)
        while low < high:
            middle = (low + high) // 2
            if (self._key(self.entries[middle]) or "") < path:
                low = middle + 1
            else:
                high = middle
        return low, low < len(self.entries) and self._key(self.entries[low]) == path

    def get(self, path: str, default: Any = None) -> Any:
        index, found = self._find(path)
        if not found:
            return default
        entry = self.entries[index]
        return json.loads(entry[entry.find('":[') + 2:].rstrip(","))

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self._find(path)[1]

    def __setitem__(self, path: str, value: list[str]) -> None:
        line = f"{json.dumps(path, ensure_ascii=False)}:{json.dumps(value)}"
        index, found = self._find(path)
        last = len(self.entries) - 1
        if found:
            self.entries[index] = line if index == last else line + ","
        elif index > last:
            if self.entries:
                self.entries[last] += ","
            self.entries.append(line)
        else:
            self.entries.insert(index, line + ",")

    def __delitem__(self, path: str) -> None:
        index, found = self._find(path)
        if not found:
            return
        del self.entries[index]
        if self.entries and index == len(self.entries):
            self.entries[-1] = self.entries[-1].rstrip(",")

    def dumps(self, fingerprint: str) -> str:
        head = f'{{"version":{VERSION},"fingerprint":{json.dumps(fingerprint)},"files":{{\n'
        return head + "\n".join(self.entries) + "\n}}\n"
