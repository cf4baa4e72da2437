"""Writing files so that nothing is lost: write aside, then rename into place."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path


@cache
def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _mode(path: Path) -> int:
    """The mode *path* has (a rewrite keeps it), or what a newly created file gets under the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return 0o666 & ~_umask()


@contextmanager
def _aside(path: Path, data: bytes | str) -> Iterator[str]:
    """*data* written and synced next to *path* with *path*'s mode; removed if the block fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode(path))  # mkstemp makes 0600: keep the mode the file had (or would get)
        yield tmp
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: Path, data: bytes | str) -> None:
    """Replace *path* with *data* in one step, keeping its mode; an interrupted write leaves the old file."""
    with _aside(path, data) as tmp:
        os.replace(tmp, path)


def create_atomic(path: Path, data: bytes | str) -> None:
    """Create *path* with *data* in one step; FileExistsError (and nothing written) if it already exists."""
    with _aside(path, data) as tmp:
        try:
            os.link(tmp, path)  # fails if *path* exists, unlike a rename
        except FileExistsError:
            raise
        except OSError:
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(tmp, path)
        Path(tmp).unlink(missing_ok=True)


@contextmanager
def replace_dir(target: Path) -> Iterator[Path]:
    """Build a folder aside and swap it in for *target* only when the block finishes without error."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building.", dir=target.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = target.parent / f".{target.name}.old"
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(staging, target)
    shutil.rmtree(old, ignore_errors=True)
