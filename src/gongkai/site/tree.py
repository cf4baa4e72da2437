"""What the site folder holds, in one signature: the store's entries are right only for the files the build wrote.

A file edited, deleted or added by hand in the output folder (or a folder left empty) would otherwise stay there for
good: the store says the file is as the build made it, and a build with nothing to do writes nothing. The signature
sums a hash of every entry's path, size and modification time (folders by path alone), so the build that moves
files in can bring it up to date from the few entries it touched, and the next build compares it with the folder as
it is now: any difference makes that build a full one, which replaces the whole folder.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from gongkai.site.store import STORE

_MOD = 1 << 128


def tree_signature(site: Path) -> str:
    """The signature of every file and folder in *site* but the store; "" when it cannot be read."""
    total = 0
    root = str(site)
    cut = len(root) + 1
    stack = [root]
    try:
        while stack:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    name = entry.path[cut:] if os.sep == "/" else entry.path[cut:].replace(os.sep, "/")
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
                        total += _folder(name)
                    elif name != STORE:
                        total += _file(name, entry.stat(follow_symlinks=False))
    except OSError:
        return ""
    return _hex(total)


class TreeChange:
    """A signature brought up to date as a build moves files in, removes them and makes or removes folders."""

    def __init__(self, site: Path, signature: str) -> None:
        self.site = site
        self.total: int | None = int(signature, 16) if len(signature) == 32 else None

    def before(self, path: str) -> None:
        """Call before *path* (a file) is replaced or removed."""
        self._file(path, -1)

    def after(self, path: str) -> None:
        """Call after *path* (a file) was moved in."""
        self._file(path, 1)

    def folder(self, path: str, sign: int) -> None:
        """A folder made (+1) or removed (-1)."""
        if self.total is not None:
            self.total = (self.total + sign * _folder(path)) % _MOD

    def signature(self) -> str:
        return "" if self.total is None else _hex(self.total)

    def _file(self, path: str, sign: int) -> None:
        if self.total is None:
            return
        try:
            stat = (self.site / path).lstat()
        except FileNotFoundError:
            return
        except OSError:
            self.total = None
            return
        self.total = (self.total + sign * _file(path, stat)) % _MOD


def _file(name: str, stat: os.stat_result) -> int:
    return _hash(f"{name}\0{stat.st_size}\0{stat.st_mtime_ns}\0{stat.st_mode}")


def _folder(name: str) -> int:
    return _hash(f"{name}/")


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).digest(), "big")


def _hex(total: int) -> str:
    return format(total % _MOD, "032x")
