"""List the catalog: its YAML files with their content hashes, its attachments; what tells whether anything changed.

Light on purpose (no models, no YAML): a validate run whose catalog did not change imports only this and the cache.
"""

from __future__ import annotations

import gc
import os
import re
import time
from bisect import bisect_left
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain
from operator import itemgetter
from pathlib import Path

from gongkai.catalog.cache import Cache, cache_for, pack_stamps
from gongkai.catalog.kinds import AGENCY_SLIPS, kind_of
from gongkai.catalog.skipped import FileNote, name_problem, not_read, undecodable, windows_trouble
from gongkai.catalog.sources import Entry, Source, WorkingTree, blob_id, file_blob_id, stamp_fields
from gongkai.errors import UsageProblem, quote_slip
from gongkai.forking import in_parallel, ranges, shared


class CatalogNotFound(UsageProblem):
    """The folder given is not a catalog; str() is a Chinese message. *folder*, when there is one, is the catalog folder
    to name instead: the command line adds the command the user ran with it (「，如 gongkai export xlsx -C …」)."""

    def __init__(self, message: str, folder: Path | str | None = None) -> None:
        super().__init__(message)
        self.folder = folder


class NotACatalogFolder(CatalogNotFound):
    """A folder with no gongkai.yaml in it nor in its catalog/ (and no file misnamed so): *path*, as given."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message, "catalog")
        self.path = path


class ChangedWhileRead(UsageProblem):
    """A file changed between the listing (which recorded its content hash) and its reading; str() is a Chinese message.
    What was read is not the content the listing names: a result kept under that name would be another file's."""


def changed_while_read(path: str) -> ChangedWhileRead:
    return ChangedWhileRead(f"「{path}」在检查过程中被修改了（可能是编辑器或同步软件正在保存它），这次的结果没有采用、没有记住。"
                            "请等文件保存完毕后重新运行。")


@dataclass(frozen=True)
class Listing:
    """The catalog's YAML files with their content hashes: enough to know whether anything changed."""

    files: tuple[tuple[str, str, str], ...]  # (path, kind, blob)
    attachments: frozenset[str]
    # (path, size, content, links) of every other file: an edited attachment changes the fingerprint. content is a
    # number from the file's hash (_attachment_stats), so that an edit whose stamp was put back or not changed still
    # shows; links what GK606 reads besides the bytes: the names of the file (a hard link made elsewhere), or -1 for a
    # symbolic link (an attachment swapped for a link to the same bytes).
    attachment_stats: tuple[tuple[str, int, int, int], ...] = ()
    root: Path | None = None  # the catalog folder, when the source is a working tree
    # Bytes already read to hash a changed file, so loading does not read it again.
    fresh: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)
    notes: tuple[FileNote, ...] = ()  # files not read, file names that break on Windows
    # (path, what) of the rest of the tree: folders, links to a folder or to nothing, pipes. No file is there, but an
    # attachment's path that runs into one is refused otherwise (GK606: a link on the way; GK607: a folder, not a file)
    unlisted: tuple[tuple[str, str], ...] = ()

    def subset(self, paths: AbstractSet[str]) -> list[tuple[str, str, str]]:
        """The listed files whose path is one of *paths*, in the listing's order."""
        listed = self._sorted_paths
        if listed is None or len(paths) * 8 > len(self.files):
            return [f for f in self.files if f[0] in paths]
        # a run after one edit loads a few files several times: found by bisection, not by walking 100,000 each time
        found = []
        for path in sorted(paths):
            at = bisect_left(listed, path)
            if at < len(listed) and listed[at] == path:
                found.append(self.files[at])
        return found

    @cached_property
    def _sorted_paths(self) -> list[str] | None:
        """The paths of the files, when they are listed in path order (as every source lists them)."""
        paths = list(map(_path_of, self.files))
        return paths if paths == sorted(paths) else None

    @property
    def fingerprint(self) -> str:
        # the files joined in C (no path holds a NUL): a repr of 100,000 tuples costs a tenth of a second
        return blob_id("\0".join(chain.from_iterable(self.files)).encode() + b"\0" + self.besides.encode())

    @property
    def besides(self) -> str:
        """What a check of the files may read besides their contents: the attachments, the tree's folders and links,
        the files noted (not read)."""
        return repr((self.attachment_stats, self.notes, self.unlisted))


def find_root(path: Path) -> Path:
    """The catalog folder: *path* itself, or its catalog/ subfolder; else CatalogNotFound."""
    for candidate in (path, path / "catalog"):
        if (candidate / "gongkai.yaml").is_file():
            return candidate
    for candidate in (path, path / "catalog"):
        if (odd := _not_a_file(candidate / "gongkai.yaml")) is not None:
            raise CatalogNotFound(f"「{candidate / 'gongkai.yaml'}」{odd}，不是机关设置文件：请把它改名或移走，换上本机关的 "
                                  "gongkai.yaml（还没有的，在这个文件夹中运行 gongkai init 建立）")
        if near := _misnamed_agency_file(candidate):
            raise CatalogNotFound(
                f"「{candidate}」中没有 gongkai.yaml，但有「{near.name}」：文件名应是 gongkai.yaml（全小写，"
                f"扩展名 .yaml）。记事本保存时常加上 .txt，Windows 资源管理器又不显示扩展名：请把「{near.name}」改名为 "
                "gongkai.yaml（在资源管理器「查看」中勾选「文件扩展名」后改名）")
    if path.is_file() and (owner := catalog_root_of(path)) is not None:  # one file of a catalog, dragged onto the window
        raise CatalogNotFound(f"「{path}」是目录中的一个文件：这里要写的是目录文件夹「{owner}」（gongkai 每次检查整个目录，"
                              "并在结果中逐个指出有问题的文件）")
    if path.is_dir() and (owner := catalog_root_of(path)) is not None:  # items/ of a catalog: where the clerk works
        raise CatalogNotFound(f"「{path}」是目录「{owner}」中的一个文件夹：gongkai 每次读取整个目录，请在目录文件夹"
                              f"「{owner}」中运行，或写明它的路径", owner)
    if slip := quote_slip(path):  # the example command would only repeat the slip
        raise CatalogNotFound(f"「{path}」不是目录文件夹：找不到 gongkai.yaml。{slip}")
    if pending := unchecked_submodule(path):
        raise CatalogNotFound(pending)
    if (path / ".git").is_dir() and _only_server_files(path):
        # a bureau's repository made on the county's git server (with its README), cloned before anything was pushed
        state = "还没有任何提交" if _unborn(path / ".git") else "其中只有 README 等建仓库时的文件，没有 gongkai.yaml"
        raise CatalogNotFound(f"「{path}」是一个 git 仓库，但{state}：这个机关还没有在这里建立目录。请在这个文件夹中运行 "
                              "gongkai init 建立；已在别处建立的，推送（git push）到这个仓库后 git pull，再重新运行")
    raise NotACatalogFolder(path, f"「{path}」不是目录文件夹：找不到 gongkai.yaml。请在目录文件夹中运行，或写明路径")


def _unborn(git_dir: Path) -> bool:
    """Whether the repository whose .git folder is *git_dir* has no commit yet (HEAD names a branch that does not
    exist: what git init and a clone of an empty repository leave)."""
    try:
        head = (git_dir / "HEAD").read_text(encoding="utf-8").strip()
        packed = (git_dir / "packed-refs").read_text(encoding="utf-8") if (git_dir / "packed-refs").is_file() else ""
    except (OSError, UnicodeDecodeError):
        return False
    if not head.startswith("ref: "):
        return False  # a detached HEAD is a commit
    branch = head[5:].strip()
    return not (git_dir / branch).is_file() and not any(line.endswith(" " + branch) for line in packed.splitlines())


# What a git server puts into a repository it makes ("initialize with a README"): nothing of a catalog yet.
_SERVER_FILES = (".gitignore", ".gitattributes", ".gitkeep")


def _only_server_files(folder: Path) -> bool:
    """Whether *folder* holds nothing but .git and what a git server makes a repository with (README, LICENSE, …):
    not another kind of repository (a county's holding every bureau's folder, a program's) run in by mistake."""
    try:
        names = [entry.name for entry in folder.iterdir() if entry.name != ".git"]
    except OSError:
        return False
    return all(name in _SERVER_FILES or name.upper().startswith(("README", "LICENSE")) for name in names)


def _not_a_file(path: Path) -> str | None:
    """What stands under the name gongkai.yaml when it is not a file: a folder, or a link to nothing."""
    if path.is_dir():
        return "是一个文件夹"
    if path.is_symlink() and not path.exists():
        return "是一个符号链接，指向的文件不存在"
    return None


def _misnamed_agency_file(folder: Path) -> Path | None:
    """A file that is meant to be gongkai.yaml: GONGKAI.YAML, gongkai.yml, gongkai.yaml.txt, 「gongkai .yaml」…"""
    try:
        entries = sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError:
        return None
    return next((e for e in entries if e.is_file() and "".join(e.name.lower().split()) in AGENCY_SLIPS), None)


_SUBMODULE_PATH = re.compile(r"^\s*path\s*=\s*(.+?)\s*$", re.MULTILINE)


def unchecked_submodule(path: Path) -> str | None:
    """What to run when *path* is (or lies in) a git submodule not checked out yet, or None.

    A county's repository holding each bureau's catalog as a submodule, cloned without --recurse-submodules, has an
    empty folder where each catalog should be: the folder is the right one, its files are just not there yet.
    """
    here = path.resolve()
    for top in here.parents if not here.is_dir() or not any(here.iterdir()) else ():
        if not (top / ".git").exists():
            continue
        try:
            listed = (top / ".gitmodules").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        for written in _SUBMODULE_PATH.findall(listed):
            module = (top / written.strip('"')).resolve()
            if (module == here or module in here.parents) and not (module / ".git").exists():
                name = module.relative_to(top).as_posix()
                return (f"「{path}」在 git 仓库「{top}」的子模块「{name}」中，这个子模块还没有检出（克隆时没有加 "
                        f"--recurse-submodules），文件夹是空的：请在「{top}」中运行 git submodule update --init {name}，"
                        "再重新运行")
        return None
    return None


def catalog_root_of(path: Path) -> Path | None:
    """The nearest folder at or above *path* that holds gongkai.yaml: the catalog *path* belongs to, if any (a file
    that is a symbolic link belongs where the link is, not where it points)."""
    path = path.resolve() if path.is_dir() else path.parent.resolve() / path.name
    for parent in [path, *path.parents] if path.is_dir() else [path.parent, *path.parent.parents]:
        if (parent / "gongkai.yaml").is_file():
            return parent
    return None


def scan(source: Source, cache: Cache) -> Listing:
    """List the catalog's files with their blob ids, hashing only files whose size or mtime changed."""
    with quiet_gc():
        return _scan(source, cache)


def _scan(source: Source, cache: Cache) -> Listing:
    attachments: list[Entry] = []
    notes: list[FileNote] = []
    fresh: dict[str, bytes] = {}
    listed: list[Entry] = []  # the YAML files to read
    unread: list[str] = []  # files named as not read (GK011): a name Windows cannot hold is named too (GK018)
    unlisted: list[tuple[str, str]] = []
    kinds: list[str] = []  # the kind of each
    for entry in source.entries():
        path = entry.path
        kind = kind_of(path)
        # A regular YAML file with an ASCII name (nearly every file) has nothing to note: decided without the checks.
        if kind is None or entry.special or not path.isascii():
            if entry.special == "dir":  # before the checks of a file's name: its files are named as they are listed
                unlisted.append((path, "dir"))
                continue
            if garbled := undecodable(path):  # every later step writes the name out: it must be text
                notes.append(garbled)
                continue
            note = not_read(entry, kind)
            notes.extend(n for n in (note, name_problem(path)) if n is not None)
            if note is not None or (entry.special and entry.size < 0):
                if note is not None and not entry.special:
                    unread.append(path)
                elif entry.size < 0:
                    unlisted.append((path, entry.special))
                continue
            if kind is None:
                attachments.append(entry)
                continue
        listed.append(entry)
        kinds.append(kind)
    # Column by column, in C where it can be: this runs on 100,000 files in every command.
    paths = list(map(_path_of, listed))
    notes.extend(windows_trouble(chain(paths, map(_path_of, attachments), unread)))
    named = list(map(_blob_of, listed))  # a git revision names the blob of each file; a working tree of none
    asked = [e for e, blob in zip(listed, named) if blob is None] if any(named) else listed
    asked_paths = paths if asked is listed else list(map(_path_of, asked))
    stamps = pack_stamps(list(map(stamp_fields, asked)))
    # first: known_blobs leaves what keep_stats compares (Stamps.same_paths), which a lookup of each attachment resets
    attachment_stats = _attachment_stats(source, cache, attachments)
    known = cache.known_blobs(asked_paths, stamps)
    hashed = list(known)
    unknown = list(_unknown(hashed))
    entries = [asked[at] for at in unknown]
    for at, entry, (blob, data, recorded) in zip(unknown, entries, _read_all(source, entries)):
        # a file the recorded stats do not vouch for: its hash recorded, its bytes kept for the parser
        cache.remember_blob(entry.path, stamp_fields(entry), blob, recorded)
        fresh[entry.path] = data
        hashed[at] = blob
    blobs = hashed if asked is listed else _merged(named, hashed)
    if isinstance(source, WorkingTree):  # a git revision lists only its own files; the stats are the working tree's
        cache.keep_stats(asked_paths, stamps, known, {e.path for e in attachments})
    cache.save_stats()
    root = source.root if isinstance(source, WorkingTree) else None
    return Listing(tuple(zip(paths, kinds, blobs)), frozenset(e.path for e in attachments),
                   attachment_stats, root, fresh, tuple(notes), tuple(unlisted))


def _attachment_stats(source: Source, cache: Cache, attachments: list[Entry]) -> tuple[tuple[str, int, int, int], ...]:
    """(path, size, content, links) of each attachment: content a number from its hash, known by git's stat rules as a
    YAML file's is (the stamp vouches only once the file is older than a timestamp tick: a PDF replaced by other bytes
    of the same size within one tick, 2 s on FAT and exFAT, keeps its stamp), else read and hashed now. A revision
    names its blobs; a file that cannot be read stands by its stamp (the attachment rules report it); links: _links."""
    stats = []
    for entry in attachments:
        blob = entry.blob or cache.known_blob(entry.path, stamp_fields(entry))
        if blob is None:
            recorded = time.time_ns()
            try:
                blob = file_blob_id(os.path.join(source.root, entry.path)) if isinstance(source, WorkingTree) \
                    else blob_id(source.read(entry.path))
            except OSError:
                stats.append((entry.path, entry.size, max(entry.mtime_ns, entry.ctime_ns), _links(entry)))
                continue
            cache.remember_blob(entry.path, stamp_fields(entry), blob, recorded)
        stats.append((entry.path, entry.size, -1 - int(blob[:15], 16), _links(entry)))
    return tuple(stats)


def _links(entry: Entry) -> int:
    """-1 for a symbolic link, else how many names the file has: an attachment that became a link, or gained a hard
    link outside the catalog (GK606), keeps its bytes but not its result."""
    return -1 if entry.special else entry.links


# Files to hash from which the reading is shared by forked workers (each takes 4 shares, handed back as they finish)
PARALLEL_HASH = 2000
SHARES_PER_WORKER = 4
_path_of = itemgetter(0)
_blob_of = itemgetter(3)


def _unknown(blobs: list[str]) -> Iterator[int]:
    """The positions of the files whose hash is not known (""), found by list.index in C."""
    at = -1
    while True:
        try:
            at = blobs.index("", at + 1)
        except ValueError:
            return
        yield at


def _merged(named: list[str | None], hashed: list[str]) -> list[str]:
    """The blobs a revision names, those it does not name taken from *hashed* in turn."""
    rest = iter(hashed)
    return [blob if blob is not None else next(rest) for blob in named]


def _read_all(source: Source, entries: list[Entry]) -> Iterator[tuple[str, bytes, int]]:
    """_read() of each of *entries*, in order; on a first run (or a fresh clone, a --no-cache run) the reading is
    the listing's cost, shared by forked workers."""
    if len(entries) < PARALLEL_HASH or not isinstance(source, WorkingTree):
        return (_read(source, entry) for entry in entries)
    parts = ranges(len(entries), True, SHARES_PER_WORKER)
    return (one for share in in_parallel(_hash_share, parts, (source, entries)) for one in share)


def _read(source: Source, entry: Entry) -> tuple[str, bytes, int]:
    """(blob id, content, a time taken before reading: remember_blob's) of the file *entry*."""
    recorded = time.time_ns()
    data = source.read(entry.path)
    return blob_id(data), data, recorded


def _hash_share(part: range) -> list[tuple[str, bytes, int]]:
    """In a worker: _read() of a share of the files (their contents go back to be parsed without reading again)."""
    source, entries = shared()
    return [_read(source, entries[i]) for i in part]


# Called once a whole catalog is loaded (and once a build has planned its files). The command line freezes the new
# objects here (gongkai.cli), so that the cyclic collector never walks them again, nor touches their memory pages in
# forked workers; a library caller may be a long-running process and decides for itself.
SETTLED: list[Callable[[], None]] = []


@contextmanager
def quiet_gc(settle: bool = False) -> Iterator[None]:
    """Parse without cyclic garbage collection.

    A catalog is hundreds of thousands of small acyclic objects; without this, Python's collector walks all of them
    again and again while they are created (a third of the time). With *settle*, what is made is handed to SETTLED.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
        if settle:  # before the collector is back: its first pass would walk every object made meanwhile
            for hook in SETTLED:
                hook()
    finally:
        if enabled:
            gc.enable()


def open_catalog(path: Path, use_cache: bool = True) -> tuple[WorkingTree, Cache]:
    """The working-tree source and cache for the catalog at or under *path*."""
    root = find_root(path)
    return WorkingTree(root), cache_for(root, use_cache)
