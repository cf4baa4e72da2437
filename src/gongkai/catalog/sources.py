"""Where catalog files come from: the working tree, or a git revision read without a checkout."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import NamedTuple, Protocol

SKIP_DIRS = {".git", ".gongkai-cache", "__pycache__", ".venv", "node_modules"}


def blob_id(data: bytes) -> str:
    """The git blob id of *data*: the same content hash git uses."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


class Entry(NamedTuple):
    """A file of the catalog: relative POSIX path, and a stat signature when known (size, mtime_ns)."""

    path: str
    size: int = -1
    mtime_ns: int = -1
    blob: str | None = None


class Source(Protocol):
    """A readable catalog: list its files and read their bytes."""

    label: str

    def entries(self) -> list[Entry]: ...

    def read(self, path: str) -> bytes: ...

    def exists(self, path: str) -> bool: ...


class WorkingTree:
    """The catalog folder on disk."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.label = str(root)
        self._root = str(root)

    def entries(self) -> list[Entry]:
        """Every file under the root, hidden and tool folders skipped, sorted by path."""
        found: list[Entry] = []
        self._walk(self.root, "", found)
        found.sort(key=lambda e: e.path)
        return found

    def _walk(self, folder: Path, prefix: str, found: list[Entry]) -> None:
        with os.scandir(folder) as it:
            for entry in it:
                if entry.name.startswith(".") and entry.name != ".":
                    if entry.name in SKIP_DIRS or entry.is_dir(follow_symlinks=False):
                        continue
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in SKIP_DIRS:
                        self._walk(Path(entry.path), prefix + entry.name + "/", found)
                elif entry.is_file():
                    stat = entry.stat()
                    found.append(Entry(prefix + entry.name, stat.st_size, stat.st_mtime_ns))

    def read(self, path: str) -> bytes:
        with open(os.path.join(self._root, path), "rb") as handle:
            return handle.read()

    def exists(self, path: str) -> bool:
        target = (self.root / path).resolve()
        return target.is_file() and target.is_relative_to(self.root.resolve())
