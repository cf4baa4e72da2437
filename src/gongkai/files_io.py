"""Writing files so that nothing is lost: write aside, then rename into place."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace *path* with *data* in one step; an interrupted write leaves the old file. The file keeps its mode."""
    StagedFile(path, data).commit()


def _read_umask() -> int:
    mask = os.umask(0)  # the only way to read it; done once, at import, before any thread could create a file
    os.umask(mask)
    return mask


_UMASK = _read_umask()


def _mode_for(path: Path) -> int:
    """The mode *path* has, or the one a new file gets (0666 less the umask): never mkstemp's private 0600."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK


class StagedFile:
    """A file written aside now and renamed into place by commit() (or thrown away by discard()).

    Two staged writes committed one after the other, with undo() on failure, make two outputs succeed or fail
    together: a handover's bags and its ledger.
    """

    def __init__(self, path: Path, data: bytes | str) -> None:
        self.path = path
        self.committed = False
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = data.encode("utf-8") if isinstance(data, str) else data
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        self.tmp = Path(tmp)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, _mode_for(path))
        except BaseException:
            self.tmp.unlink(missing_ok=True)
            raise

    def commit(self) -> None:
        """Put the file in place (one rename)."""
        try:
            os.replace(self.tmp, self.path)
        except BaseException:
            self.discard()
            raise
        self.committed = True

    def discard(self) -> None:
        """Throw the staged file away, if it was not committed."""
        if not self.committed:
            self.tmp.unlink(missing_ok=True)

    def undo(self) -> None:
        """Remove a committed file that did not exist before (the only kind staged for undo)."""
        if self.committed:
            self.path.unlink(missing_ok=True)
            self.committed = False


@contextmanager
def replace_dir(target: Path, then: Callable[[], None] | None = None) -> Iterator[Path]:
    """Build a folder aside and swap it in for *target* only when the block finishes without error.

    *then* runs right after the swap; if it fails, the swap is undone and the old folder is back in place.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building.", dir=target.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.parent / f".{target.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    moved = False
    try:
        if target.exists():
            os.replace(target, old)
            moved = True
        os.replace(staging, target)
        try:
            if then is not None:
                then()
        except BaseException:
            os.replace(target, staging)
            raise
    except BaseException:
        if moved:
            os.replace(old, target)
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
