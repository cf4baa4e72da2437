"""What the site folder holds: the store's entries are right only for the files the build left there.

A file edited, deleted or added by hand in the output folder (or a folder left empty) would otherwise stay there for
good: the store says the file is as the build made it, and a build with nothing to do writes nothing. So a build
walks the folder and compares it with what the last build left:

- the store notes a sum of a hash of every entry's path and size (folders by path alone): the same for the same
  site, wherever and whenever it was built, so the site stays the same bytes for the same input;
- a note kept with the folder's lock (gongkai.locking.output_note) adds the sum of the files' modification times,
  which tells a file edited in place to the same size. It holds only on the machine and for the folder it was written
  for; without it (a site copied or checked out elsewhere) the sizes alone are compared.

Any difference makes the build a full one, which replaces the whole folder. Both are sums, so the build that moves
files in brings them up to date from the few entries it touched.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import NamedTuple

from gongkai.locking import output_note
from gongkai.site.store import STORE

_MOD = 1 << 128


class Tree(NamedTuple):
    """The folder's entries summed: by path and size (what the store notes), and the files' modification times."""

    sizes: int
    times: int

    @property
    def code(self) -> str:
        """What the store notes."""
        return format(self.sizes, "032x")


def walk(site: Path) -> Tree | None:
    """Every file and folder in *site* but the store, summed; None when it cannot be read."""
    sizes = times = 0
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
                        sizes += _folder(name)
                    elif name != STORE:
                        stat = entry.stat(follow_symlinks=False)
                        sizes += _file(name, stat)
                        times += stat.st_mtime_ns
    except OSError:
        return None
    return Tree(sizes % _MOD, times % _MOD)


def files_in(site: Path) -> set[str]:
    """The path of every file in *site* but the store (of a folder that cannot be read, those that could be)."""
    found: set[str] = set()
    for folder, _, names in os.walk(site):
        here = Path(folder).relative_to(site).as_posix()
        found.update(name if here == "." else f"{here}/{name}" for name in names)
    found.discard(STORE)
    return found


def holds(found: Tree | None, code: str, site: Path) -> bool:
    """True when the folder *site*, walked as *found*, holds what the last build left there (*code*: its store's)."""
    if found is None or not code or found.code != code:
        return False
    kept = _read_note(site)
    return kept is None or kept.code != code or kept.times == found.times


def keep(site: Path, tree: Tree | None) -> None:
    """Note *tree* with *site*'s lock for the next build (none when it could not be made: that build is full)."""
    # without a note, an old one cannot match the folder as this build left it: the next build is a full one
    write_note(site, "tree", f"{tree.code} {tree.times:x}\n" if tree is not None else None)


def write_note(site: Path, kind: str, text: str | None) -> None:
    """Keep *text* as *site*'s note of *kind* beside its lock (gongkai.locking.output_note), readable by its owner
    alone; None, or a note that cannot be written, leaves no note of that kind."""
    path = output_note(site, kind)
    try:
        if text is not None:
            path.parent.mkdir(mode=0o777, exist_ok=True)
            # a new file renamed over the note: a link someone else put there is replaced, not written through
            handle, aside = tempfile.mkstemp(prefix=f"{path.name}.", dir=path.parent)
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as stream:
                    stream.write(text)
                os.replace(aside, path)
            finally:
                Path(aside).unlink(missing_ok=True)  # gone when renamed
            return
    except OSError:
        pass
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def read_note(site: Path, kind: str) -> str | None:
    """*site*'s note of *kind*, None when there is none or it cannot be read."""
    try:
        return output_note(site, kind).read_text("utf-8")
    except (OSError, ValueError):
        return None


def _read_note(site: Path) -> Tree | None:
    try:
        sizes, times = (read_note(site, "tree") or "").split()
        return Tree(int(sizes, 16), int(times, 16))
    except ValueError:
        return None


class TreeChange:
    """A folder's sums brought up to date as a build moves files in, removes them and makes or removes folders."""

    def __init__(self, site: Path, tree: Tree | None) -> None:
        self.site = site
        self.tree = tree

    def before(self, path: str) -> None:
        """Call before *path* (a file) is replaced or removed."""
        self._file(path, -1)

    def after(self, path: str) -> None:
        """Call after *path* (a file) was moved in."""
        self._file(path, 1)

    def folder(self, path: str, sign: int) -> None:
        """A folder made (+1) or removed (-1)."""
        if self.tree is not None:
            self.tree = Tree((self.tree.sizes + sign * _folder(path)) % _MOD, self.tree.times)

    def _file(self, path: str, sign: int) -> None:
        if self.tree is None:
            return
        try:
            stat = (self.site / path).lstat()
        except FileNotFoundError:
            return
        except OSError:
            self.tree = None
            return
        self.tree = Tree((self.tree.sizes + sign * _file(path, stat)) % _MOD,
                         (self.tree.times + sign * stat.st_mtime_ns) % _MOD)


def _file(name: str, stat: os.stat_result) -> int:
    return _hash(f"{name}\0{stat.st_size}")


def _folder(name: str) -> int:
    return _hash(f"{name}/")


def _hash(text: str) -> int:
    # not store.digest: a name planted by hand may hold bytes that are no UTF-8 (surrogates), and must not crash
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).digest(), "big")
