"""Where catalog files come from: the working tree, or a git revision read without a checkout."""

from __future__ import annotations

import hashlib
import os
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple, Protocol

from gongkai.catalog.kinds import YAML_SUFFIXES

SKIP_DIRS = {".git", ".gongkai-cache", "__pycache__", ".venv", "node_modules"}


def blob_id(data: bytes) -> str:
    """The git blob id of *data*: the same content hash git uses."""
    digest = hashlib.sha1(b"blob %d\0" % len(data))
    digest.update(data)  # not the header + data: that copies every file read (650 MB for a cold 100,000-file run)
    return digest.hexdigest()


def file_blob_id(path: str) -> str:
    """blob_id() of the file at *path*, read a megabyte at a time (an attachment may be a large video); OSError
    when it cannot be read, or changed size while it was read."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        digest = hashlib.sha1(b"blob %d\0" % size)
        read = 0
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
            read += len(chunk)
    if read != size:
        raise OSError(f"{path} changed while it was read")
    return digest.hexdigest()


class Entry(NamedTuple):
    """A file of the catalog: relative POSIX path, its stat signature when known, and what kind of file it is.

    The signature is git's: size, mtime, ctime, inode and device; *special* is "" for a regular file, "link" for a
    symbolic link to a file (signature of the target), "dangling" for a link to nothing, "loop" for a link that leads
    back to itself, "other" for a pipe or device, "folder" for a folder named like a YAML file, "dir" for any other
    folder; *links* is how many names the file has
    (st_nlink: more than one is a hard link, which GK606 refuses in an attachment: it may be changed from elsewhere).
    """

    path: str
    size: int = -1
    mtime_ns: int = -1
    blob: str | None = None
    ctime_ns: int = -1
    ino: int = -1
    dev: int = -1
    special: str = ""
    links: int = 1


# An Entry's stamp (size, mtime_ns, ctime_ns, ino, dev) as a plain tuple, made in C: 100,000 Stamp() calls take a
# quarter of a second.
stamp_fields = itemgetter(1, 2, 4, 5, 6)


class Stamp(NamedTuple):
    """What git compares to decide that a file is unchanged without reading it."""

    size: int
    mtime_ns: int
    ctime_ns: int
    ino: int
    dev: int


def stamp_of(stat: os.stat_result) -> Stamp:
    """The stamp of an os.stat() result."""
    return Stamp(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, stat.st_dev)


class Source(Protocol):
    """A readable catalog: list its files and read their bytes."""

    label: str

    def entries(self) -> list[Entry]: ...

    def read(self, path: str) -> bytes: ...

    def exists(self, path: str) -> bool: ...


def _entry(entry: os.DirEntry[str], path: str) -> Entry:
    link = entry.is_symlink()
    try:
        regular = entry.is_file()  # follows links: False for a dangling one, a link to a folder, a pipe or a device
    except OSError:  # ELOOP: a link that leads back to itself (ln -s a b, ln -s b a) stopped every command
        return Entry(path, special="loop")
    if not regular:
        special = ("link" if os.path.exists(entry.path) else "dangling") if link else "other"
        return Entry(path, special=special)
    stat = entry.stat()
    # tuple.__new__ skips the NamedTuple's Python-level constructor: a catalog lists 100,000 files on every run
    return _make_entry(Entry, (path, stat.st_size, stat.st_mtime_ns, None, stat.st_ctime_ns, stat.st_ino, stat.st_dev,
                               "link" if link else "", stat.st_nlink))


_make_entry = tuple.__new__
_path_of = itemgetter(0)


class WorkingTree:
    """The catalog folder on disk."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.label = str(root)
        self._root = str(root)

    def entries(self) -> list[Entry]:
        """Every file under the root, hidden and tool folders skipped, sorted by path."""
        found: list[Entry] = []
        self._walk(self._root, "", found)
        found.sort(key=_path_of)
        return found

    def _walk(self, folder: str, prefix: str, found: list[Entry]) -> None:
        # Runs once per file of the catalog on every command: a regular file is listed here, without _entry().
        with os.scandir(folder) as it:
            for entry in it:
                name = entry.name
                if entry.is_file(follow_symlinks=False):  # a regular file, asked first: nearly every entry is one
                    if name in SKIP_DIRS and name.startswith("."):  # a .git file (a worktree's pointer)
                        continue
                    stat = entry.stat()
                    found.append(_make_entry(Entry, (prefix + name, stat.st_size, stat.st_mtime_ns, None,
                                                     stat.st_ctime_ns, stat.st_ino, stat.st_dev, "", stat.st_nlink)))
                elif entry.is_dir(follow_symlinks=False):
                    if name not in SKIP_DIRS and not name.startswith("."):
                        # 新建文件夹 named R2026-012.yaml: never read; any other is listed as what lies on a path
                        # an attachment may name (files/2027/a.pdf made a folder: GK607 says so)
                        found.append(Entry(prefix + name, special="folder" if name.lower().endswith(YAML_SUFFIXES)
                                           else "dir"))
                        self._walk(entry.path, prefix + name + "/", found)
                elif name in SKIP_DIRS and name.startswith("."):
                    continue
                else:  # a symbolic link, a pipe, a device
                    found.append(_entry(entry, prefix + name))

    def read(self, path: str) -> bytes:
        """The bytes of *path*."""
        with open(os.path.join(self._root, path), "rb") as handle:
            return handle.read()

    def exists(self, path: str) -> bool:
        target = (self.root / path).resolve()
        return target.is_file() and target.is_relative_to(self.root.resolve())
