"""One writer at a time: a lock per catalog, and one per output folder, around every command that writes them.

Two handovers started together would otherwise both read the ledgers before either wrote one and send the same
records twice. The lock is an OS file lock (filelock): it is released when the process ends, however it ends, so a
crash never leaves the catalog locked. A second command waits a few seconds, then stops and says who holds it.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import socket
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from filelock import FileLock, Timeout

from gongkai.catalog.cache import CACHE_DIR
from gongkai.errors import UsageProblem, describe_os_error
from gongkai.files_io import make_folder, write_atomic

DEFAULT_WAIT_S = 5.0
SHARED = 0o1777  # everyone may make files, only their owner may remove them
# a file named .gongkai-cache in the catalog (copied from elsewhere, made by hand) is no read-only folder
_ADVICE = {errno.ENOTDIR: f"这个名字的文件挡住了 gongkai 的缓存文件夹：请删去或改名目录中的 {CACHE_DIR} 文件（其中不是目录内容）后再运行。"}
WRITABLE = ("请确认目录文件夹不是只读的、您有写入权限；目录在只读的磁盘、光盘或网络共享上时，请先复制到可以写入的位置，"
            "在那里运行。")
TEMP = "请确认系统临时文件夹可以写入，或用环境变量 TMPDIR 指定一个可以写入的文件夹。"


class Busy(UsageProblem):
    """Another gongkai command holds the lock; str() says which, since when, and what to do."""


def _wait() -> float:
    try:
        return max(float(os.environ.get("GONGKAI_LOCK_WAIT", DEFAULT_WAIT_S)), 0.0)
    except ValueError:
        return DEFAULT_WAIT_S


@contextmanager
def catalog_lock(root: Path, what: str) -> Iterator[None]:
    """Hold the lock of the catalog at *root* while *what* (the command, as typed) writes it."""
    folder = root / CACHE_DIR
    try:
        make_folder(folder)
    except OSError as exc:
        raise UsageProblem(f"无法写入目录文件夹「{root}」（{describe_os_error(exc)}），{what} 没有执行，目录保持原样。"
                           f"{_ADVICE.get(exc.errno or 0, WRITABLE)}") from None
    with _held(folder / "catalog.lock", what, f"目录「{root}」", f"{what} 没有执行，目录保持原样。{WRITABLE}"):
        yield


@contextmanager
def output_lock(folder: Path, what: str) -> Iterator[None]:
    """Hold the lock of the output *folder* (a site, a file) while *what* writes it.

    The lock file lives in the system's temp folder, named after the folder's real path: nothing is left beside the
    output, and the source catalog need not be writable to build from it.
    """
    lock = output_note(folder, "lock")
    try:
        _shared_folder(lock.parent)
    except OSError as exc:
        raise UsageProblem(f"无法建立锁文件夹「{lock.parent}」（{describe_os_error(exc)}），{what} 没有执行。{TEMP}") from None
    with _held(lock, what, f"输出「{folder}」", f"{what} 没有执行。{TEMP}"):
        yield


def _shared_folder(folder: Path) -> None:
    """Make *folder* (in the system's temp folder) one every user can make lock files in, as /tmp itself: the umask
    made it 0755, and the next user's build of any folder then stopped, unable to make its lock."""
    folder.mkdir(exist_ok=True)
    info = os.stat(folder)
    if hasattr(os, "geteuid") and info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) != SHARED:
        os.chmod(folder, SHARED)


def output_note(folder: Path, kind: str) -> Path:
    """Where gongkai keeps its *kind* of note about the output *folder* (its lock, what a build left in it): in the
    system's temp folder, named after the folder's real path, so nothing is left beside or inside the output."""
    key = hashlib.sha1(os.path.realpath(folder).encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return Path(tempfile.gettempdir()) / "gongkai-locks" / f"{key}.{kind}"


@contextmanager
def _held(path: Path, what: str, label: str, advice: str) -> Iterator[None]:
    lock = FileLock(path, timeout=_wait(), mode=0o666)  # another user may wait on the same output
    holder = path.with_name(path.name + ".holder")
    try:
        lock.acquire()
    except Timeout:
        raise Busy(f"{label}正被另一个 gongkai 命令使用：{_describe(holder)}。请等它结束后再运行；"
                   f"若确认没有别的命令在运行，请稍候重试。") from None
    except OSError as exc:
        raise UsageProblem(f"无法在「{path.parent}」中建立锁文件（{describe_os_error(exc)}），{advice}") from None
    try:
        _record(holder, what)
        yield
    finally:
        with suppress(OSError):  # a note another user's killed run left, which we could not replace either
            holder.unlink(missing_ok=True)
        lock.release()


def _record(holder: Path, what: str) -> None:
    since = dt.datetime.now().isoformat(timespec="seconds")
    info = {"what": what, "pid": os.getpid(), "host": socket.gethostname(), "since": since}
    try:
        write_atomic(holder, json.dumps(info, ensure_ascii=False))
    except OSError:
        pass  # the lock holds without the note; a waiting command then cannot say who holds it


def _describe(holder: Path) -> str:
    try:
        info = json.loads(holder.read_text(encoding="utf-8"))
        return f"「{info['what']}」（进程 {info['pid']}，{info['host']}，开始于 {info['since'].replace('T', ' ')}）"
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return "（没有记录是哪个命令）"
