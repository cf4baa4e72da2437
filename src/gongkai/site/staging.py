"""Making a build's files aside and moving them in only when everything succeeded.

A first build (no store) is made in a new folder that replaces the old one in one rename. A later build makes only
the files whose inputs changed, in a staging folder beside the site; when all of them (and the search index, and the
output scan) succeeded they are renamed into place one by one and the store is written last, so an interrupted run
leaves the old files and the old store, and the next run makes again whatever does not match.
"""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.errors import output_in_place
from gongkai.files_io import (PREVIOUS, keep_folder, make_folder, move_aside, Opening, opening, refuse_foreign_output,
                               settle_modes, staging_folder, through_link, write_atomic)
from gongkai.processes import interrupts_deferred
from gongkai.site.store import STORE, Store, digest
from gongkai.site.tree import Tree, TreeChange, keep, walk

# What only a site folder holds: its store, or (the store deleted to force a full build) the 61号 column's folder.
MARKS = (STORE, "fdzdgknr")


@dataclass
class Staging:
    """The folder a build writes into, and what it changed compared with the last build."""

    out: Path
    old: Store
    full: bool
    found: Tree | None = None  # the site folder as it is (gongkai.site.tree.walk), for an update
    folder: Path = field(init=False)
    changed: list[str] = field(default_factory=list)
    _dirs: set[Path] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.out = through_link(self.out)
        refuse_foreign_output(self.out, MARKS)
        make_folder(self.out.parent)
        self.folder = staging_folder(self.out)
        keep_folder(self.out, self.folder)

    def write(self, path: str, data: bytes) -> str:
        """Put *data* at *path* unless the site already holds exactly these bytes; its content hash.

        Safe in a forked worker: what was written is told again by note(), from the same rule, in the main process.
        """
        content = digest(data)
        if self.needs(path, content):
            target = self.folder / path
            if target.parent not in self._dirs:
                target.parent.mkdir(parents=True, exist_ok=True)
                self._dirs.add(target.parent)
            target.write_bytes(data)
        return content

    def needs(self, path: str, content: str) -> bool:
        """True when the site does not already hold these bytes at *path*."""
        previous = self.old.files.get(path)
        return self.full or previous is None or previous[1] != content

    def note(self, path: str, content: str) -> None:
        """Remember that *path* was made with *content* (written by write(), here or in a worker)."""
        if self.needs(path, content):
            self.changed.append(path)

    def commit(self, store: Store, removed: Iterable[str]) -> None:
        """Move the build in: the whole folder for a first build, else the changed files, then the store.

        Ctrl+C waits until the build is in (then it only cuts short the removal of the old copy, which the next
        build finishes): a site is never left half swapped or half updated, and an interrupted command is told
        whether its site was changed.
        """
        if self.full:
            tree = walk(self.folder)
            store.tree = tree.code if tree is not None else ""
            write_atomic(self.folder / STORE, store.dumps())
            settle_modes(self.folder)  # a job's umask (077) does not lock the web server out of the new pages
            old: Path | None = None
            swapped = False
            try:
                with interrupts_deferred():
                    if self.out.exists():
                        old = move_aside(self.out)
                    try:
                        os.replace(self.folder, self.out)
                    except OSError:
                        if old is not None:  # the old site goes back where it was
                            os.replace(old / PREVIOUS, self.out)
                        raise
                    swapped = True
                    keep(self.out, tree)
                    output_in_place(f"网站（{self.out}）已换成新生成的版本")
            finally:
                if swapped and old is not None:  # also when the Ctrl+C held above arrives now
                    shutil.rmtree(old, ignore_errors=True)
            return
        settle_modes(self.folder)
        removed = list(removed)
        self._refuse_unwritable(removed)
        with interrupts_deferred():
            self._move_in(store, removed)
            output_in_place(f"网站（{self.out}）已更新")
        self.discard()

    def _refuse_unwritable(self, removed: list[str]) -> None:
        """PermissionError naming the first folder of the site the update would write in but may not (another user's,
        one made immutable). Met half-way through the moves, it left a site half updated, told 「没有权限」 alone."""
        for folder in sorted({os.path.dirname(path) for path in (*self.changed, *removed)} | {""}):
            here = self.out / folder
            while here != self.out and not here.is_dir():  # a folder still to make: the one it is made in
                here = here.parent
            if not os.access(here, os.W_OK | os.X_OK):
                raise PermissionError(errno.EACCES, "没有权限", str(here))

    def _move_in(self, store: Store, removed: Iterable[str]) -> None:
        tree = TreeChange(self.out, self.found)
        how = opening(self.out)
        # every folder first: one that cannot be made (a full disk) stops the update before any file is replaced
        for parent in sorted({os.path.dirname(path) for path in self.changed}):
            self._make_folders(parent, tree, how)
        for path in self.changed:
            tree.before(path)
            os.replace(self.folder / path, self.out / path)
            tree.after(path)
        for path in removed:
            tree.before(path)
            (self.out / path).unlink(missing_ok=True)
            self._prune(os.path.dirname(path), tree)
        store.tree = tree.tree.code if tree.tree is not None else ""
        write_atomic(self.out / STORE, store.dumps())
        keep(self.out, tree.tree)

    def _make_folders(self, folder: str, tree: TreeChange, how: Opening | None) -> None:
        """Make *folder* (relative to the site) and the folders above it that are missing, noting each one made."""
        if not folder or (self.out / folder).is_dir():
            return
        self._make_folders(os.path.dirname(folder), tree, how)
        (self.out / folder).mkdir()
        if how is not None:
            how.open_up(str(self.out / folder))
        tree.folder(folder, 1)

    def _prune(self, folder: str, tree: TreeChange) -> None:
        """Remove *folder* and the folders above it that the removal left empty: a fresh build has no empty folder."""
        while folder:
            try:
                (self.out / folder).rmdir()
            except OSError:  # not empty (or gone): the folders above are not empty either
                return
            tree.folder(folder, -1)
            folder = os.path.dirname(folder)

    def discard(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
