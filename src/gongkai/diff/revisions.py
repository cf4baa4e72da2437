"""Diff two states of a catalog through git: compare listings by (path, blob), parse only the blobs that differ."""

from __future__ import annotations

import datetime as dt
from pathlib import Path, PurePosixPath

from gongkai.catalog import Listing, find_root, load
from gongkai.catalog.cache import Cache, cache_for
from gongkai.catalog.files import ParsedFile
from gongkai.catalog.kinds import ATTACHMENTS, folder_label, kind_of
from gongkai.catalog.gitsource import EMPTY, GitProblem, GitRevision, Repo
from gongkai.catalog.skipped import not_read, undecodable
from gongkai.catalog.sources import Entry, Source, WorkingTree, file_blob_id
from gongkai.diff.compare import (Key, compare_attachments, compare_files, compare_unread, key_of,
                                  withhold_attachments)
from gongkai.diff.model import CatalogDiff, Change, Side
from gongkai.errors import UsageProblem
from gongkai.model import Record

WORKTREE = "worktree"
RECORDS = "records/"
FORK = "..."  # old side "A...B": the merge base of A and B
Triple = tuple[str, str | None, str | None]  # (catalog-relative path, old blob, new blob)


def parse_range(first: str | None, second: str | None, since: bool = False) -> tuple[str, str]:
    """`[A] [B]` or `A..B` from the command line → (old, new); the defaults are HEAD and the working tree.

    With --since the old side is the last commit before that day, so the one revision written is the new side.
    """
    if since and first is not None:
        if second is not None or ".." in first:
            raise UsageProblem("--since 已经指定了旧版本（该日之前的最后一次提交），只能再写一个新版本，"
                               "如 gongkai diff --since 2026-01-01 v2；不写则与工作区比较")
        return "HEAD", first
    if first and "..." in first and second is None:  # as git diff A...B: B against where it forked from A
        old, _, new = first.partition("...")
        return f"{old or 'HEAD'}{FORK}{new or 'HEAD'}", new or "HEAD"
    if first and ".." in first and second is None:
        old, _, new = first.partition("..")
        return old or "HEAD", new or "HEAD"
    return first or "HEAD", second or WORKTREE


def diff_catalog(path: Path, old: str = "HEAD", new: str = WORKTREE, since: dt.date | None = None,
                 use_cache: bool = True) -> CatalogDiff:
    """The semantic diff of the catalog at or under *path* between two revisions (or a revision and the working tree)."""
    root = find_root(path)
    cache = cache_for(root, use_cache)
    with Repo(root) as repo:
        old_side, new_side = _sides(repo, old, new, since)
        triples, new_source, listing = _changed(repo, root, cache, old_side, new_side)
        return CatalogDiff(old_side, new_side, diff_triples(repo, triples, cache, old_side.commit, new_source,
                                                            new_listing=listing))


def _sides(repo: Repo, old: str, new: str, since: dt.date | None) -> tuple[Side, Side]:
    new_side = Side(WORKTREE) if new == WORKTREE else Side(new, repo.resolve(new))
    if since is not None:
        base = repo.before(since, new_side.commit or "HEAD")
        if base is None and repo.shallow:
            raise GitProblem(f"本仓库是浅克隆（shallow clone），{since} 之前的历史没有下载：运行 git fetch --unshallow 后再试")
        return (Side(f"{since}前", base) if base else Side(EMPTY)), new_side
    if FORK in old:
        return Side(old, repo.merge_base(*old.split(FORK, 1))), new_side
    return (Side(EMPTY) if old == EMPTY else Side(old, repo.resolve(old))), new_side


def _changed(repo: Repo, root: Path, cache: Cache, old: Side,
             new: Side) -> tuple[list[Triple], Source | None, dict[str, str] | None]:
    old_rev = old.commit or EMPTY
    if new.commit is not None:  # a file whose mode alone changed (chmod +x, core.fileMode on Windows) has not changed
        return _catalog_only([t for t in repo.changed(old_rev, new.commit) if t[1] != t[2]]), None, None
    before = repo.tree(old_rev)
    tree = WorkingTree(root)
    after = repo.worktree(root)  # the blobs git would store: a file checked out with CRLF (core.autocrlf) is unchanged
    triples = [(p, before.get(p), after.get(p)) for p in sorted(before.keys() | after.keys())]
    return [_on_disk(root, t) for t in _catalog_only([t for t in triples if t[1] != t[2]])], tree, after


def _on_disk(root: Path, triple: Triple) -> Triple:
    """A changed file of the working tree under the id of its bytes on disk, which the loader reads and checks against
    the id it was listed with (and validate's cache keys by): with core.autocrlf=true the bytes are CRLF and git's id
    is that of the LF text. Only the YAML files are read: an attachment, a link keep git's id (a CSV moved in a
    CRLF checkout is still the same bytes to git, so moved, not removed and added)."""
    path, old, new = triple
    file = root / path
    if new is None or path.startswith(ATTACHMENTS) or kind_of(path) is None or file.is_symlink() or not file.is_file():
        return triple
    try:
        return path, old, file_blob_id(str(file))
    except OSError:  # removed or made unreadable since it was listed: the loader names it
        return triple


def _catalog_only(triples: list[Triple]) -> list[Triple]:
    # a file in a YAML folder that gongkai does not read (SHJZ-050.yaml.txt saved by Notepad) is kept: it is named
    # and so is one validate names where gongkai reads nothing: gongkai.yml beside gongkai.yaml, Records/… (GK011)
    return [t for t in triples if kind_of(t[0]) is not None or t[0].startswith(ATTACHMENTS)
            or folder_label(t[0]) is not None or not_read(Entry(t[0]), None) is not None]


def diff_triples(repo: Repo, triples: list[Triple], cache: Cache, old_commit: str | None,
                 new_source: Source | None = None, new_commit: str | None = None,
                 new_listing: dict[str, str] | None = None) -> list[Change]:
    """Changes for (path, old blob, new blob) triples: parse both versions of each YAML file, match by id;
    attachments (files/) are named, not parsed.

    *new_listing*: every file of the new side (path → blob) when it is already known (the working tree).
    """
    attachments = [t for t in triples if t[0].startswith(ATTACHMENTS)]
    unread = [t for t in triples if not t[0].startswith(ATTACHMENTS) and not _readable(t[0])]
    yaml = [t for t in triples if not t[0].startswith(ATTACHMENTS) and _readable(t[0])]
    changes, parsed = _objects(repo, yaml, cache, old_commit, new_source, new_commit, new_listing) if yaml else ([], [])
    links = frozenset(_links(new_source, {p: n for p, _, n in unread if n}, unread=True)) if new_source else frozenset()
    owners = _owners(repo, attachments, parsed, cache, old_commit)
    files = withhold_attachments(compare_attachments(attachments), parsed + owners)
    return sorted(changes + files + compare_unread(unread, links), key=Change.sort_key)


def _owners(repo: Repo, attachments: list[Triple], parsed: list[ParsedFile], cache: Cache,
            old_commit: str | None) -> list[ParsedFile]:
    """The record files that list an attachment changed without them (replaced, moved, added or removed alone),
    parsed only to tell whether that record is 主动公开: the name of an attachment of one that is not
    (files/2026/林某信访材料.pdf) was shown whenever its record was not in the diff too. A record file not in the diff
    is the same on both sides: it is read from the old one."""
    listed = {a.file for f in parsed if isinstance(f.model, Record) for a in f.model.attachments}
    names = {PurePosixPath(p).name.encode("utf-8") for p, _, _ in attachments if p not in listed}
    if not names or old_commit is None:
        return []
    seen = {f.path for f in parsed}
    source = GitRevision(repo, old_commit, repo.tree(old_commit, (RECORDS,)))
    hits = {path: blob for path, blob in source.blobs.items()
            if kind_of(path) == "record" and path not in seen and any(name in repo.read(blob) for name in names)}
    return _parse(source, cache, hits) if hits else []


def _readable(path: str) -> bool:
    """Whether validate reads the file: a YAML file of a known folder, its name UTF-8 (not one unzipped from GBK)."""
    return kind_of(path) is not None and undecodable(path) is None


def _objects(repo: Repo, triples: list[Triple], cache: Cache, old_commit: str | None, new_source: Source | None,
             new_commit: str | None, new_listing: dict[str, str] | None) -> tuple[list[Change], list[ParsedFile]]:
    """The changes of the YAML files, and the files parsed on either side."""
    old_files = _parse(GitRevision(repo, old_commit or EMPTY, {p: o for p, o, _ in triples if o}), cache)
    new_blobs = {p: n for p, _, n in triples if n}
    source = new_source or GitRevision(repo, new_commit or "", new_blobs)
    links = _links(source, new_blobs)
    new_files = _parse(source, cache, {p: b for p, b in new_blobs.items() if p not in links}) + list(links.values())
    suspects = _suspects(old_files, {p for p, _, n in triples if n is None}) \
        | _suspects(new_files, {p for p, o, _ in triples if o is None})
    if not suspects:
        return compare_files(old_files, new_files), old_files + new_files
    folders = tuple(sorted({path.split("/", 1)[0] + "/" for path in suspects.values()}))
    changed = {p for p, _, _ in triples}
    held_old = _held(suspects, changed, repo.tree(old_commit or EMPTY, folders))
    new_listing = new_listing if new_listing is not None else repo.tree(new_commit or EMPTY, folders)
    return compare_files(old_files, new_files, held_old, _held(suspects, changed, new_listing)), old_files + new_files


def _links(source: Source | None, blobs: dict[str, str], unread: bool = False) -> dict[str, ParsedFile]:
    """The files of the working tree that are symbolic links, as validate names them (GK012), never read: a link
    to /etc/passwd or a CI secret would be printed in a public log, one to /dev/zero would never end.
    *unread*: files gongkai does not read anyway (a folder items/jgxx made a link), only to be named as links."""
    if not isinstance(source, WorkingTree):
        return {}
    found = {}
    for path, blob in blobs.items():
        kind = kind_of(path)
        note = not_read(Entry(path, special="link"), kind) if (source.root / path).is_symlink() else None
        if (kind is not None or unread) and note is not None:
            found[path] = ParsedFile(path, kind or "", blob, None, [note.diagnostic()])
    return found


def _suspects(files: list[ParsedFile], only_here: set[str]) -> dict[Key, str]:
    """Key → path of the files that may share their id with a file that was not parsed: a file found on one side
    only (added, removed, moved, copied), or one holding an id other than its name (an id changed in it)."""
    return {key_of(f): f.path for f in files if f.kind != "agency"
            and (f.path in only_here or key_of(f)[1] != PurePosixPath(f.path).stem)}


def _held(suspects: dict[Key, str], changed: set[str], listing: dict[str, str]) -> dict[Key, tuple[str, ...]]:
    """The files of one side that were not parsed (unchanged) and are named after the id of a suspect."""
    held: dict[Key, list[str]] = {}
    for path in listing:
        key = (kind_of(path) or "", PurePosixPath(path).stem)
        if key in suspects and path not in changed:
            held.setdefault(key, []).append(path)
    return {key: tuple(paths) for key, paths in held.items()}


def _parse(source: Source, cache: Cache, blobs: dict[str, str] | None = None) -> list[ParsedFile]:
    """Load only the listed files through the one loader, reusing cached results by blob id."""
    mapping = blobs if blobs is not None else getattr(source, "blobs", {})
    rows = tuple((p, kind, b) for p, b in sorted(mapping.items()) if (kind := kind_of(p)) is not None)
    return list(load(source, Listing(rows, frozenset()), cache).files.values())
