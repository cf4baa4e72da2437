"""Writing files so that nothing is lost: write aside, then rename into place."""

from __future__ import annotations

import errno
import glob
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import BinaryIO, NamedTuple

from gongkai.errors import naming, renamed


# A callable writes the contents into the open file itself: a large file is never held whole in memory.
Data = bytes | str | Callable[[BinaryIO], None]


class ReadOnlyFile(PermissionError):
    """A file gongkai was to rewrite is read-only: it is left as it is, as Notepad would leave it.

    A rename needs only the folder to be writable, so without this check a file protected by its read-only flag (a
    signed ledger, a record kept as it was published) would be replaced behind the flag.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EACCES, "文件是只读的", str(path))
        self.path = path

    @property
    def advice(self) -> str:
        return ("文件是只读的，gongkai 不改写只读文件：确要修改，请先去掉只读属性（Windows：右键 → 属性 → 取消勾选「只读」；"
                "Linux、macOS：chmod u+w 文件名），再运行一次")

    def __str__(self) -> str:
        return f"「{self.path}」{self.advice}"


class NotAnOutput(FileExistsError):
    """The output named (--out) is a file, the catalog, a repository, or a folder holding files the command did not
    make: it is left as it is.

    A command replaces its output folder whole; without this check 「--out 桌面」, 「--out 名单.xlsx」 or
    「build-site catalog --out catalog」 (which replaced the catalog with the site) would throw away what was there.
    """

    def __init__(self, path: Path, reason: str, is_file: bool = False) -> None:
        super().__init__(errno.EEXIST, "不是 gongkai 生成的输出文件夹", str(path))
        self.path = path
        self.reason = reason
        self.is_file = is_file

    def __str__(self) -> str:
        if self.is_file:
            return (f"「{self.path}」{self.reason}：输出会整个替换它，所以没有写入，文件保持原样。"
                    f"请在 --out 后写一个新的文件夹名（如 {self.path.stem}-out），或先把这个文件移走。")
        return (f"「{self.path}」{self.reason}：输出会整个替换这个文件夹，其中的文件会丢失，所以没有写入，文件夹保持原样。"
                "请在 --out 后写一个新的或空的文件夹，或先把其中的文件移到别处。")


class InsideRepository(NotAnOutput):
    """The output named (--out) is inside a git repository's own folder (.git): written there, a file replaces what
    git keeps (「--out .git/config」 replaced the repository's settings with a table), a folder of pages becomes refs
    and objects git cannot read."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "在 git 仓库自己的文件夹（.git）中")

    def __str__(self) -> str:
        return (f"「{self.path}」{self.reason}：写到这里会损坏仓库，所以没有写入，仓库保持原样。"
                "请在 --out 后写一个 .git 以外的文件夹或文件名。")


class InsideCatalog(NotAnOutput):
    """The output named (--out) is a folder inside a catalog (「--out catalog/site」): its files would become part of
    the catalog — listed with its files (so the next build never finds the catalog unchanged), committed with it, and
    under files/ taken for attachments."""

    def __init__(self, path: Path, catalog: Path) -> None:
        super().__init__(path, f"在目录文件夹「{catalog}」里面")
        self.catalog = catalog

    def __str__(self) -> str:
        return (f"「{self.path}」{self.reason}：生成的文件会混进目录（和目录一起提交，下次生成也总以为目录改动过），"
                "所以没有写入。请在 --out 后写目录文件夹以外的文件夹，如与目录文件夹并列的一个新文件夹。")


class MountPoint(NotAnOutput):
    """The output named (--out) is where a disk or a share is mounted (the portal's upload share at /mnt/zwgk): a
    folder that cannot be renamed, nor files renamed into it from beside it (another file system). A build there
    failed with 「文件正被占用：.zwgk.old.4711.k2j4/previous」, a name no one typed, and no way out."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, "是一个挂载点（另一块磁盘或网络共享挂在这里）")

    def __str__(self) -> str:
        return (f"「{self.path}」{self.reason}：输出要在它旁边生成后整个换入，挂载点不能这样替换，所以没有写入，文件夹保持原样。"
                f"请在 --out 后写它里面的一个文件夹，如 --out {self.path / 'site'}。")


def refuse_inside_catalog(path: Path) -> None:
    """InsideCatalog when *path* (or, through links, where it leads) lies in a folder holding gongkai.yaml."""
    for above in Path(os.path.realpath(path)).parents:
        if (above / "gongkai.yaml").is_file():
            raise InsideCatalog(path, above)


def refuse_inside_repository(path: Path) -> None:
    """InsideRepository when *path* (or, through links, where it leads) lies in a folder named .git."""
    for form in (path.absolute(), Path(os.path.realpath(path))):
        if ".git" in form.parts[:-1] or (form.name == ".git" and form.is_dir()):
            raise InsideRepository(path)


class Mark(NamedTuple):
    """A file whose name alone is no command's own (index.html: a website's, a print run's, a 公众号 run's): the
    output is the command's only when the file also holds *text* near its beginning."""

    pattern: str  # a glob, relative to the output folder
    text: str  # what the file holds in its first _MARKED bytes


_MARKED = 16384  # bytes of a marked file read: its head (a print run's title follows its inline style)


def refuse_foreign_output(target: Path, marks: tuple[str | Mark, ...]) -> None:
    """NotAnOutput unless *target* is absent, an empty folder, or a folder holding one of *marks* (glob patterns of
    what only the command's own output holds: a site's store, a print run's index.html with its title, a batch's
    bags). A catalog (gongkai.yaml) or a repository (.git) is never an output, whatever else it holds, nor anything
    inside a .git."""
    refuse_inside_repository(target)
    if os.path.ismount(target):
        raise MountPoint(target)
    if os.path.lexists(target):
        _refuse_foreign_files(target, marks)
    refuse_inside_catalog(target)  # also a new or empty folder, or an earlier output, inside the catalog


def _refuse_foreign_files(target: Path, marks: tuple[str | Mark, ...]) -> None:
    if not target.is_dir():
        raise NotAnOutput(target, "是一个文件，不是输出文件夹", is_file=True)
    if (target / "gongkai.yaml").exists():
        raise NotAnOutput(target, "是一个目录文件夹（有 gongkai.yaml）")
    if (target / ".git").exists():
        raise NotAnOutput(target, "是一个 git 仓库")
    for mark in marks:
        found = next(target.glob(mark if isinstance(mark, str) else mark.pattern), None)
        if found is None:
            continue
        if isinstance(mark, str) or _holds(found, mark.text):
            return
        # 「print --out site」 replaced a whole website (its index.html taken for a print run's) with six sheets
        raise NotAnOutput(target, f"中的「{found.relative_to(target).as_posix()}」不是这个命令上次生成的"
                                  "（可能是网站、另一个 gongkai 命令的输出或您自己的文件）")
    with os.scandir(target) as entries:
        names = sorted(entry.name for entry in entries)
    if names:
        raise NotAnOutput(target, f"中已有不是 gongkai 生成的文件（如「{names[0]}」）")


def _holds(path: Path, text: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return text.encode("utf-8") in handle.read(_MARKED)
    except OSError:  # a folder, or unreadable: not the command's own file
        return False


def read_only(path: Path) -> bool:
    """True when *path* is a file that must not be rewritten: no write permission for anyone, or none for us."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False  # not there (yet): created, not rewritten
    return not mode & 0o222 or not os.access(path, os.W_OK)  # as root, access() says yes even to a 0444 file


def refuse_read_only(path: Path) -> None:
    """ReadOnlyFile when *path* is read_only()."""
    if read_only(path):
        raise ReadOnlyFile(path)


def through_link(path: Path) -> Path:
    """Where a rewrite of *path* goes: through a symbolic link to its target, as an editor saves (the link stays).
    An output folder too: a site served through a link (/var/www/html → /srv/site) is replaced where the link leads."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def make_folder(folder: Path) -> None:
    """Make *folder* and those above it that are missing. A file (or a dangling link) where a folder should be is
    NotADirectoryError naming that file, not 「already exists」, which callers take for a clash and users cannot fix."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocking = next((p for p in (folder, *folder.parents) if os.path.lexists(p) and not p.is_dir()), folder)
        raise NotADirectoryError(errno.ENOTDIR, "路径中有同名的文件挡住了文件夹", str(blocking)) from None


def _write_aside(path: Path, data: Data) -> str:
    """*data* written and synced to a new file next to *path*, with the mode (and, where allowed, the owner and group)
    *path* has, or the mode a new file would get."""
    make_folder(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{_aside_name(path.name)}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:  # a read-only folder: the hidden name tried (.名单.xlsx.k2j4.tmp) is no file the user knows
        raise renamed(exc, path) from None
    try:
        _keep_owner(path, tmp)
        os.chmod(tmp, _mode_for(path))  # after chown, which clears the set-id bits
        with os.fdopen(fd, "wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:  # a full disk: the system names no file; the one the user knows is *path*
        Path(tmp).unlink(missing_ok=True)
        raise naming(exc, path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


@contextmanager
def _aside(path: Path, data: Data) -> Iterator[str]:
    """*data* written and synced next to *path*, with the mode *path* has (or would get); removed if the block fails."""
    tmp = _write_aside(path, data)
    try:
        yield tmp
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class StagedFile:
    """A file written aside now and renamed into place by commit() (or thrown away by discard()).

    Two outputs that must succeed or fail together (a handover's bags and its ledger) stage the one that can fail
    for reasons of its own (a read-only catalog, a full disk) before the other is even built.
    """

    def __init__(self, path: Path, data: bytes | str) -> None:
        path = through_link(path)
        refuse_read_only(path)
        self.path = path
        self.tmp = Path(_write_aside(path, data))
        self.committed = False

    def commit(self, new: bool = False) -> None:
        """Put the file in place (one rename); *new*: only if nothing is there yet (FileExistsError otherwise)."""
        if new:
            _link_new(str(self.tmp), self.path)
        else:
            os.replace(self.tmp, self.path)
        self.committed = True

    def discard(self) -> None:
        """Throw the staged file away, if it was not committed."""
        if not self.committed:
            self.tmp.unlink(missing_ok=True)


def write_atomic(path: Path, data: Data) -> None:
    """Replace *path* with *data* in one step; an interrupted write leaves the old file. A read-only *path* is refused
    (ReadOnlyFile); mode, owner and group are kept; a symbolic link is written through."""
    path = through_link(path)
    refuse_read_only(path)
    with _aside(path, data) as tmp:
        os.replace(tmp, path)


def create_atomic(path: Path, data: bytes | str) -> None:
    """Create *path* with *data* in one step; FileExistsError (and nothing written) if it already exists."""
    with _aside(path, data) as tmp:
        _link_new(tmp, path)


def _link_new(tmp: str, path: Path) -> None:
    """Move *tmp* to *path* only if *path* does not exist yet."""
    try:
        os.link(tmp, path)  # unlike a rename, fails when *path* exists
    except FileExistsError:
        raise FileExistsError(errno.EEXIST, "已经存在", str(path)) from None
    except OSError:  # no hard links on this file system
        if path.exists():
            raise FileExistsError(path) from None
        os.replace(tmp, path)
    Path(tmp).unlink(missing_ok=True)


def write_all(files: dict[Path, bytes], new: frozenset[Path] = frozenset(),
              guard: Callable[[], AbstractContextManager[object]] = nullcontext) -> None:
    """Write every file of *files* or none: all are written aside first, so that a read-only file, a full disk or a
    folder that cannot be made stops the lot before anything is replaced; then each is renamed into place (those in
    *new* only where nothing is there yet: FileExistsError). *guard* holds the renames together, as replace_dir's."""
    staged: list[StagedFile] = []
    try:
        for path in sorted(files):
            staged.append(StagedFile(path, files[path]))
        with guard():
            for file in staged:
                file.commit(new=file.path in new)
    finally:
        for file in staged:
            file.discard()


def current_umask() -> int:
    """The process umask (read without changing it for longer than a moment)."""
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _keep_owner(path: Path, tmp: str) -> None:
    """Give *tmp* the owner and group of *path* when they differ from ours: root can, anyone may keep the group of a
    shared folder they belong to; what the system refuses stays ours."""
    if not hasattr(os, "geteuid"):  # Windows: no owners to keep this way
        return
    try:
        info = os.stat(path)
    except OSError:
        return
    if (info.st_uid, info.st_gid) == (os.geteuid(), os.getegid()):
        return
    for uid in (info.st_uid, -1):
        try:
            os.chown(tmp, uid, info.st_gid)
            return
        except OSError:
            continue


def _mode_for(path: Path) -> int:
    """The mode the file keeps: its own when it exists, else what the umask gives a new file (not mkstemp's 0600)."""
    try:
        return os.stat(path).st_mode & 0o7777
    except OSError:
        return 0o666 & ~current_umask()


BUILDING = "building"  # the staging folder's kind, in its name: .<output>.building.<pid>.<random>
_LEFT = (BUILDING, "old", "update", "init")  # the kinds of folder a run leaves beside its output (init: older versions)
_ROOM = 200  # bytes of an output's name kept in the names made beside it (a name may have 255)
PREVIOUS = "previous"  # the old output, inside .<output>.old.<pid>.<random> while a swap is under way


def remove_leftovers(out: Path) -> None:
    """Tidy what runs of *out* killed on the spot (kill -9, a power cut) left beside it — those whose process is gone:
    staging folders are removed; an old output moved aside (move_aside) goes back when *out* is missing, since the run
    died between the two renames of its swap. A live run's folders are left alone."""
    prefix = f".{_aside_name(out.name)}."
    for folder in sorted(out.parent.glob(f"{glob.escape(prefix)}*")):  # a name may hold [ ] * ?
        # read after the name, which may hold dots itself (--out www.anxi.gov.cn: such leftovers stayed for good)
        # — kind.pid.random (kind.random from older versions); more parts are another output's (site.old's)
        parts = folder.name[len(prefix):].split(".")
        if folder.is_dir() and len(parts) in (2, 3) and parts[0] in _LEFT and not _alive(parts[1] if parts[2:] else ""):
            if parts[0] == "old" and not os.path.lexists(out) and os.path.isdir(folder / PREVIOUS):
                os.replace(folder / PREVIOUS, out)
            shutil.rmtree(folder, ignore_errors=True)


def _aside_name(name: str) -> str:
    """*name* as the hidden files and folders made beside it begin: cut (at a character) to _ROOM bytes, so that with
    what follows (.building.<pid>.<random>, .<random>.tmp) it stays a name the system takes. A folder named with 80
    Chinese characters (240 bytes of the 255 a name may have) was refused as 「文件名太长」 though mkdir made it."""
    encoded = name.encode("utf-8", "surrogateescape")
    return name if len(encoded) <= _ROOM else encoded[:_ROOM].decode("utf-8", "ignore")


def staging_folder(target: Path, kind: str = BUILDING) -> Path:
    """A new folder beside *target*, .<name>.<kind>.<pid>.<random> (so remove_leftovers() knows whose it is). A failure
    (a read-only disk, a full one) names *target*: the hidden name tried is no folder the user ever typed."""
    try:
        return Path(tempfile.mkdtemp(prefix=f".{_aside_name(target.name)}.{kind}.{os.getpid()}.", dir=target.parent))
    except OSError as exc:
        raise renamed(exc, target) from None


def move_aside(target: Path) -> Path:
    """Move the folder *target* out of the way (the first rename of a swap); the folder that holds it now, which
    remove_leftovers() finds (and puts back) if the process dies before the swap is done."""
    holder = staging_folder(target, "old")
    os.replace(target, holder / PREVIOUS)
    return holder


def _alive(pid: str) -> bool:
    if not pid.isdigit():
        return False  # folders of older versions carried no process id
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return int(pid) != 0


def folder_mode(target: Path) -> int:
    """The mode a folder made to replace *target* gets: *target*'s own when it exists, else what mkdir gives (the umask,
    and the set-group-id bit of a shared parent folder, so that what is made inside keeps the shared group)."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        pass
    try:
        shared = os.stat(target.parent).st_mode & stat.S_ISGID
    except OSError:
        shared = 0
    return (0o777 & ~current_umask()) | shared


class Opening(NamedTuple):
    """What is made in an output folder gets to be readable by whoever may read the folder itself."""

    files: int  # the mode of a file
    folders: int  # the mode of a folder
    group: int  # the folder's group, -1 when what is made in it gets it anyway (ours, or a set-group-id folder)

    def open_up(self, path: str) -> None:
        """Give *path* (a file or folder made in the output; a link is left alone) its group and mode."""
        if os.path.islink(path):  # chmod would follow it out of the output
            return
        if self.group != -1:
            try:
                os.chown(path, -1, self.group)
            except OSError:  # not a member of that group: the permissions alone
                pass
        is_folder = os.path.isdir(path)
        os.chmod(path, self.folders if is_folder else self.files)  # after chown, which clears the set-id bits


def opening(folder: Path) -> Opening | None:
    """How to open up what is made in the output *folder*: its group, and its permissions added to what the umask
    gave; None when what the umask gives already is all that *folder* allows (the usual case: nothing to do).

    A site folder of 0755 rebuilt by a job with umask 077 (cron, a systemd service with UMask=0077) otherwise held
    0600 pages the web server could not read (403 on the portal), and a folder of the web server's group, 0750, pages
    of root's group; nothing is ever narrowed.
    """
    if not hasattr(os, "geteuid"):  # Windows: no modes or groups to open up this way
        return None
    info = os.stat(folder)
    shared = info.st_mode & stat.S_ISGID
    group = -1 if shared or info.st_gid == os.getegid() else info.st_gid
    umask = current_umask()
    files, folders = 0o666 & ~umask, 0o777 & ~umask
    if group == -1 and (files | info.st_mode & 0o666, folders | info.st_mode & 0o777) == (files, folders):
        return None
    return Opening(files | info.st_mode & 0o666, folders | info.st_mode & 0o777 | shared, group)


def settle_modes(folder: Path) -> None:
    """Open up (opening()) every file and folder in the output *folder* made aside, before it is moved in."""
    how = opening(folder)
    if how is None:
        return
    for top, subfolders, names in os.walk(folder):
        for name in (*subfolders, *names):
            how.open_up(os.path.join(top, name))


def keep_folder(target: Path, staging: Path) -> None:
    """Give *staging*, which is to replace the folder *target*, its owner, group and mode (or mkdir's, for a new one):
    a site folder of the web server's group, 0750, must not come back as root's own after a build run as root."""
    _keep_owner(target, str(staging))
    os.chmod(staging, folder_mode(target))  # after chown, which clears the set-id bits


@contextmanager
def replace_dir(target: Path, then: Callable[[], None] | None = None,
                guard: Callable[[], AbstractContextManager[object]] = nullcontext,
                marks: tuple[str | Mark, ...] = ()) -> Iterator[Path]:
    """Build a folder aside and swap it in for *target* only when the block finishes without error.

    With *marks* (names only the command's own output holds), *target* must be absent, empty, or hold one of them:
    anything else is refused before any work (NotAnOutput).

    *then* runs right after the swap; if it fails, the swap is undone and the old folder is back in place. *guard*
    holds the swap and *then* together (processes.interrupts_deferred: a Ctrl+C waits until both are done, so it
    never finds the new folder in place and its ledger not yet written, nor *target* missing between two renames).
    """
    target = through_link(target)
    remove_leftovers(target)
    if marks:
        refuse_foreign_output(target, marks)
    make_folder(target.parent)
    staging = staging_folder(target)
    try:
        keep_folder(target, staging)
        yield staging
        settle_modes(staging)
    except OSError as exc:  # a full disk names no file: the output folder is the one to name
        shutil.rmtree(staging, ignore_errors=True)
        raise naming(exc, target) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old: list[Path] = []
    swapped = False
    try:
        with guard():
            _swap(staging, target, old, then)
            swapped = True
    finally:
        if swapped and old:  # also when the Ctrl+C held by *guard* arrives now
            shutil.rmtree(old[0], ignore_errors=True)


def _swap(staging: Path, target: Path, old: list[Path], then: Callable[[], None] | None) -> None:
    """Put *staging* in place of *target*, then run *then*; on any failure the old folder is back. *old* receives
    the folder holding the old one (move_aside)."""
    moved = False
    try:
        if target.exists():
            old.append(move_aside(target))
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
            os.replace(old[0] / PREVIOUS, target)
            shutil.rmtree(old[0], ignore_errors=True)
        shutil.rmtree(staging, ignore_errors=True)
        raise
