"""The catalog's history through git: one object's changes commit by commit, and the substantive adjustments."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from itertools import groupby
from pathlib import Path, PurePosixPath
from typing import Any

from gongkai.privacy.mask import mask_data, mask_log
from gongkai.catalog import find_root
from gongkai.catalog.cache import Cache, cache_for
from gongkai.catalog.kinds import ATTACHMENTS, kind_of
from gongkai.catalog.gitsource import Commit, GitProblem, Repo, glob_quoted
from gongkai.catalog.yamlio import YamlFailure, parse_fast
from gongkai.diff.compare import withheld_attachment
from gongkai.diff.model import SUBSTANTIVE_KINDS, Change
from gongkai.diff.render import describe, escape_markdown
from gongkai.diff.revisions import RECORDS, Triple, diff_triples
from gongkai.days import BEIJING, as_typed
from gongkai.errors import UsageProblem

LOG_SCHEMA = "gongkai.log/1"
Select = Callable[[list[Triple]], list[Triple]]


@dataclass(frozen=True)
class HistoryEntry:
    """One commit and what it changed; *truncated* marks where a shallow clone cut the history off."""

    commit: str
    date: dt.datetime
    author: str
    message: str
    changes: tuple[Change, ...] = ()
    truncated: bool = False
    committed: dt.datetime | None = None  # when it entered this history (a rebase, amend or cherry-pick moves it)

    @property
    def subject(self) -> str:
        return self.message.splitlines()[0] if self.message else ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "commit": self.commit, "date": self.date.isoformat(), "author": self.author, "message": self.message,
            "truncated": self.truncated, "changes": [c.to_dict() for c in self.changes],
        }


@dataclass(frozen=True)
class History:
    """The history of one item or record, newest first."""

    object_id: str
    entries: tuple[HistoryEntry, ...]

    @property
    def truncated(self) -> bool:
        return any(e.truncated for e in self.entries)


def item_history(path: Path, object_id: str, use_cache: bool = True) -> History:
    """Every commit that changed the item or record *object_id* (found by its file name, which equals its id)."""
    root = find_root(path)
    object_id = _id_of(root, object_id)
    entries = _object_walk(root, object_id, "HEAD", use_cache)
    if not entries:
        raise UsageProblem(_not_found(root, object_id, use_cache))
    # a record not 主动公开 at some time: its 题名 and content are shown in none of its commits, even those when it was
    if any(c.withheld for e in entries for c in e.changes):
        entries = [replace(e, changes=tuple(_withheld(c, object_id) for c in e.changes)) for e in entries]
    return History(object_id, tuple(entries))


def _withheld(change: Change, object_id: str) -> Change:
    """*change* in the log of *object_id*, not 主动公开 at some time: its attachment named by it, not by its file."""
    if change.kind != "attachment":
        return change.withhold()
    return change if change.withheld else withheld_attachment(change, object_id)


def _id_of(root: Path, typed: str) -> str:
    """The id a person meant: pasted from a spreadsheet cell or a chat with its spaces, or given as the file's path
    (completed by the shell's Tab: items/shjz/SHJZ-001.yaml, or items\\shjz\\SHJZ-001.yaml on Windows). A folder,
    gongkai.yaml or an attachment is no item or record: said so, with what to type instead."""
    text = typed.strip().replace("\\", "/")
    if not text:
        raise UsageProblem("请写出事项或信息的编号，如 gongkai log SHJZ-001")
    path = PurePosixPath(text)
    name = path.name
    if (not name or text.endswith("/") or name in (".", "..") or Path(typed.strip()).is_dir()  # 「gongkai log .」
            or (root / text).is_dir()):
        raise UsageProblem(f"「{typed.strip()}」是文件夹，不是编号：gongkai log 查看一个事项或一条信息的修改历史，编号写在命令后，"
                           "目录文件夹用 -C 指定，如 gongkai log SHJZ-001 -C catalog；整个目录的变化用 gongkai diff 查看")
    if name.lower() in ("gongkai.yaml", "gongkai.yml"):
        raise UsageProblem(f"「{typed}」是机关设置，不是事项或信息：它的修改用 gongkai diff 查看（如 gongkai diff HEAD~5 HEAD，"
                           "只列出改了的设置），逐次的提交用 git log -p -- gongkai.yaml")
    folder = ATTACHMENTS.rstrip("/")
    if folder in path.parts[:-1] and not name.lower().endswith((".yaml", ".yml")):
        raise UsageProblem(_attachment_named(root, typed, "/".join(path.parts[path.parts.index(folder):])))
    return name.rsplit(".", 1)[0] if name.lower().endswith((".yaml", ".yml")) else name


def _attachment_named(root: Path, typed: str, file: str) -> str:
    """What to type for the history of the attachment *file*: the log of the records that list it."""
    with Repo(root) as repo:
        head = repo.resolve("HEAD") if repo.born else None
        listing = repo.tree(head, (RECORDS,)) if head else {}
        # (by its 编号: the file of a record not 主动公开 may be named 林某信访材料处理意见.yaml)
        owners = sorted(str(_data(repo, b).get("编号") or PurePosixPath(p).stem) for p, b in listing.items()
                        if kind_of(p) == "record" and file in _listed(repo, b))
    if not owners:
        return (f"「{typed}」是附件，不是事项或信息，目录里也没有信息把 {file} 列为附件：附件的新增、删除和更换"
                "在 gongkai diff 中列出（如 gongkai diff HEAD~5 HEAD）")
    return (f"「{typed}」是附件，不是事项或信息：它的更换列在引用它的信息的修改历史中，请运行 "
            + "、".join(f"gongkai log {o}" for o in owners))


def _not_found(root: Path, object_id: str, use_cache: bool) -> str:
    """Why no history: nothing committed yet, or (「是否想查 SHJZ-001？」) an id that differs only in case."""
    with Repo(root) as repo:
        if not repo.born:
            return "仓库里还没有任何提交，没有修改历史：先提交目录（git add -A，再 git commit）"
        head = repo.resolve("HEAD")  # (an empty branch: resolve says why)
        stems = repo.object_ids(head)
        # a file named as typed holds another id (shjz-001.yaml holding SHJZ-001): that id is the one meant
        named: list[Triple] = [(p, None, b) for p, b in repo.tree(head).items()
                              if PurePosixPath(p).stem == object_id and kind_of(p) not in (None, "agency")]
        held = {c.id for c in diff_triples(repo, named, cache_for(root, use_cache), None, new_commit=head)}
    near = sorted(s for s in (stems | held) - {object_id} if _typed_key(s) == _typed_key(object_id))
    message = f"目录的提交历史中没有编号为「{object_id}」的事项或信息（文件名须与编号一致，且已提交）"
    if not near:
        return message
    why = "编号区分大小写" if near[0].casefold() == object_id.casefold() else "编号里的字母、数字和「-」是半角的"
    return message + f"。{why}：是否想查「{near[0]}」？"


def _typed_key(object_id: str) -> str:
    """An id as a person may have typed it: in another case, or with the input method in full-width mode
    (ＳＨＪＺ－００１, SHJZ－001, SHJZ—001 copied from a Word table)."""
    return unicodedata.normalize("NFKC", as_typed(object_id)).casefold()


def _object_walk(root: Path, object_id: str, rev: str, use_cache: bool, depth: int = 0) -> list[HistoryEntry]:
    """The commits of one object from *rev* back; where it was renumbered (its 编号 changed, the file kept or
    renamed), on into the history of the id it had before, and, at its end, the id it was given."""
    names = [f"**/{object_id}.yaml", f"**/{object_id}.yml"]
    with Repo(root) as repo:
        files = _attachments(repo, repo.log(rev, names), object_id)
    # its attachments replaced in place (same name, new bytes), which its own file does not show
    # (the attachments *mine* selects are its own: one of a record not 主动公开 is named after it, without a path)
    keep = lambda change: object_id in (change.id, change.former_id) or change.kind == "attachment"  # noqa: E731
    # its file under any case of the name, as git's log finds it (icase): a file renamed only in case (shjz-001.yaml,
    # as Windows tools or a zip round trip leave it) is the same object moved, not the object removed
    mine: Select = lambda triples: [t for t in triples  # noqa: E731
                                    if (kind_of(t[0]) is not None
                                        and PurePosixPath(t[0]).stem.casefold() == object_id.casefold())
                                    or (t[0] in files and t[1] is not None and t[2] is not None)]
    entries = _walk(root, names + [glob_quoted(f) for f in sorted(files)], mine, keep, use_cache, rev)
    if not entries or depth > 20:
        return entries
    first, last = entries[-1], entries[0]
    with Repo(root) as repo:
        cache = cache_for(root, use_cache)
        given = _renumbering(repo, last, cache) if [c.what for c in last.changes] == ["removed"] else None
        taken = _renumbering(repo, first, cache) if [c.what for c in first.changes] == ["added"] else None
    if given is not None:
        entries[0] = replace(last, changes=(given[1],))
    if taken is None or first.truncated:
        return entries
    parent, change = taken
    before = _object_walk(root, str(change.former_id), parent, use_cache, depth + 1)
    return entries[:-1] + [replace(first, changes=(change,))] + before


def _attachments(repo: Repo, log: list[tuple[Commit, list[Triple]]], object_id: str) -> frozenset[str]:
    """The files under files/ that some version of the record *object_id* lists as its 附件 (none for an item)."""
    found: set[str] = set()
    for _, triples in log:
        for path, old, new in triples:
            if kind_of(path) == "record" and PurePosixPath(path).stem.casefold() == object_id.casefold():
                found.update(*(_listed(repo, b) for b in (old, new) if b is not None))
    return frozenset(found)


def _listed(repo: Repo, blob: str) -> set[str]:
    """The files under files/ a version of a record lists as its 附件 (none when it cannot be read)."""
    listed = _data(repo, blob).get("附件")
    return {a["文件"] for a in listed if isinstance(a, dict) and isinstance(a.get("文件"), str)
            and a["文件"].startswith(ATTACHMENTS)} if isinstance(listed, list) else set()


def _data(repo: Repo, blob: str) -> dict[str, Any]:
    """A version of a catalog file as plain data, read only for what it names ({} when it cannot be read)."""
    try:
        data = parse_fast(repo.read(blob).decode("utf-8-sig", "replace"))
    except (YamlFailure, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _renumbering(repo: Repo, entry: HistoryEntry, cache: Cache) -> tuple[str, Change] | None:
    """(parent, the change of 编号) when the commit that added an object took it from a file it removed, or the one
    that removed it gave it to a file it added: the object renumbered, its file renamed with it."""
    commit = repo.commit(entry.commit)
    if len(commit.parents) != 1:
        return None
    own = entry.changes[0]
    path, other = (own.new_path, 2) if own.what == "added" else (own.old_path, 1)
    triples = [t for t in repo.changed(commit.parents[0], commit.sha)
               if t[0] == path or (t[other] is None and kind_of(t[0]) == own.kind)]
    for change in diff_triples(repo, triples, cache, commit.parents[0], new_commit=commit.sha):
        if change.former_id is not None and own.id in (change.id, change.former_id):
            return commit.parents[0], change
    return None


def substantive_history(catalog_root: Path) -> list[HistoryEntry]:
    """The 实质性 adjustments over the catalog's whole history, newest first; [] when it is not in git."""
    try:
        root = find_root(catalog_root)
        return _walk(root, [], _substantive_candidates, lambda change: change.substantive, True)
    except GitProblem:
        return []


def _substantive_candidates(triples: list[Triple]) -> list[Triple]:
    """Skip files that cannot hold a substantive change: attachments, records only added (or only removed) in a
    commit."""
    triples = [t for t in triples if kind_of(t[0]) is not None]
    kinds_moving = {k for k in {kind_of(p) for p, _, _ in triples}
                    if any(kind_of(p) == k and o is None for p, o, _ in triples)
                    and any(kind_of(p) == k and n is None for p, _, n in triples)}
    return [t for t in triples if kind_of(t[0]) in SUBSTANTIVE_KINDS or (t[1] and t[2])
            or kind_of(t[0]) in kinds_moving]


def _walk(root: Path, names: list[str], select: Select, keep: Callable[[Change], bool],
          use_cache: bool, rev: str = "HEAD") -> list[HistoryEntry]:
    cache = cache_for(root, use_cache)
    entries: list[HistoryEntry] = []
    with Repo(root) as repo:
        boundary = repo.shallow_boundary()
        segment: tuple[str, str | None] | None = (rev, None)
        while segment is not None:  # from where the catalog is, back to each folder it was moved from
            commits, segment = _commits(repo.log(segment[0], names, merges=True, prefix=segment[1])), None
            for commit, per_parent in commits:
                if commit.sha in boundary:
                    entries.append(_entry(commit, (), truncated=True))
                    continue
                moved = _moved_from(repo, commit, per_parent, bool(names))
                if moved is not None:  # the commit that moved the catalog: what changed between its two folders
                    per_parent, segment = [repo.changed(moved, commit.sha)], (moved, repo.catalog_at(moved))
                _keep(repo, commit, per_parent, select, keep, cache, entries)
                if segment is not None:
                    break  # older commits of this folder are not the catalog's
    return entries


def _moved_from(repo: Repo, commit: Commit, per_parent: list[list[Triple]], named: bool) -> str | None:
    """The parent of *commit* when the commit brought the catalog from another folder (moved it into this one), else
    None: asked of a commit that added gongkai.yaml, or, in the history of *named* files (one object's), any of them."""
    added = {p for p, o, _ in per_parent[0] if o is None}
    if len(commit.parents) != 1 or not (added if named else "gongkai.yaml" in added):
        return None
    parent = commit.parents[0]
    return parent if repo.catalog_at(parent) != repo.catalog_at(commit.sha) else None


def _keep(repo: Repo, commit: Commit, per_parent: list[list[Triple]], select: Select,
          keep: Callable[[Change], bool], cache: Cache, entries: list[HistoryEntry]) -> None:
    """The commit as an entry of the history, when it changed what is asked for."""
    wanted = [select([t for t in triples if kind_of(t[0]) is not None or t[0].startswith(ATTACHMENTS)])
              for triples in per_parent]
    if len(commit.parents) > 1:
        found = _merged(repo, commit, wanted, cache)
    else:
        parent = commit.parents[0] if commit.parents else None
        found = diff_triples(repo, wanted[0], cache, parent, new_commit=commit.sha) if wanted[0] else []
        found = [_mended(repo, commit, change, wanted[0], cache) for change in found]
    changes = tuple(c for c in found if keep(c))
    if changes:
        entries.append(_entry(commit, changes))


MENDED_DEPTH = 50  # how many earlier versions of a broken file are read to find the last one that could be


def _mended(repo: Repo, commit: Commit, change: Change, triples: list[Triple], cache: Cache) -> Change:
    """*change* of a file that *commit* mended (unreadable before it, readable after) as the change from the last
    version of the file that could be read, or from none when it entered the catalog unreadable: an edit made in the
    commit that broke the file (公开时限 changed and a key mistyped, the key fixed in the next commit) was lost between
    two 「无法比较」, from the log and from the 目录调整记录 page alike. Left as it is when nothing changed since, or
    when a shallow clone cut the history off before a readable version (its first commit would read as 新增)."""
    path = change.new_path
    if change.what != "invalid" or change.side != "old" or path != change.old_path or not commit.parents:
        return change
    new = next((n for p, _, n in triples if p == path), None)
    boundary = repo.shallow_boundary()
    for older, blob in repo.versions(commit.parents[0], str(path))[:MENDED_DEPTH]:
        if older.sha in boundary:  # a shallow clone: what the file was before it is not here
            return change
        base = older.parents[0] if older.parents else None
        found = [c for c in diff_triples(repo, [(str(path), blob, new)], cache, base, new_commit=commit.sha)
                 if (c.kind, c.id) == (change.kind, change.id)]
        if not found or found[0].what != "invalid":
            return replace(found[0], broken_since=older.sha) if found else change
    return change


def _commits(log: list[tuple[Commit, list[Triple]]]) -> Iterator[tuple[Commit, list[list[Triple]]]]:
    """Each commit once, with what it changed against each parent in turn (git lists a merge once per parent)."""
    for _, group in groupby(log, key=lambda pair: pair[0].sha):
        pairs = list(group)
        yield pairs[0][0], [triples for _, triples in pairs]


def _merged(repo: Repo, commit: Commit, per_parent: list[list[Triple]], cache: Cache) -> list[Change]:
    """What a merge itself changed: the fields whose merged value is in none of its parents (a conflict resolved by
    hand, or an edit slipped into the merge). What came from a branch is listed at the branch's own commits."""
    if len(per_parent) != len(commit.parents):
        return []  # the merge left the file as one parent had it: nothing of its own
    paths = set.intersection(*({t[0] for t in triples} for triples in per_parent))
    if not paths:
        return []
    sides = [{(c.kind, c.id): c for c in diff_triples(repo, [t for t in triples if t[0] in paths], cache, parent,
                                                       new_commit=commit.sha)}
             for parent, triples in zip(commit.parents, per_parent)]
    found = []
    for key, change in sides[0].items():
        others = [side.get(key) for side in sides[1:]]
        if any(other is None or other.what != change.what for other in others):
            continue
        if change.what == "modified":
            own = tuple(f for f in change.fields
                        if all(f.field in {g.field for g in other.fields} for other in others if other is not None))
            if not own:
                continue
            change = replace(change, fields=own)
        found.append(change)
    return found


def _entry(commit: Commit, changes: tuple[Change, ...], truncated: bool = False) -> HistoryEntry:
    # shown in Beijing time: a commit made at 00:30 in China by a machine set to UTC belongs to China's day
    when = dt.datetime.fromisoformat(commit.date).astimezone(BEIJING)
    entered = dt.datetime.fromisoformat(commit.committed).astimezone(BEIJING) if commit.committed else None
    return HistoryEntry(commit.sha, when, commit.author, commit.message, changes, truncated, entered)


UNCOMPARED = "性质未定"
MENDED = "本次提交修正了自 {} 起有错误、无法读取的文件：以下是与那次提交之前的版本相比的变化"
TRUNCATED = "历史到此为止：本仓库是浅克隆（shallow clone），更早的提交没有下载；运行 git fetch --unshallow 可查看完整历史"


def render_history(history: History, fmt: str = "text") -> str:
    """The history of one object as Chinese text, Markdown or JSON."""
    if fmt == "json":
        data = {"schema": LOG_SCHEMA, "id": history.object_id, "truncated": history.truncated,
                "entries": [e.to_dict() for e in history.entries]}
        return mask_log(json.dumps(mask_data(data), ensure_ascii=False, indent=2) + "\n")
    markdown = fmt == "markdown"
    count = sum(1 for e in history.entries if not e.truncated)
    lines = [f"{'## ' if markdown else ''}{history.object_id} 的修改历史（{count} 次提交，最新的在前）"]
    for entry in history.entries:
        lines += [""] + _entry_lines(entry, markdown)
    return mask_log("\n".join(lines) + "\n")


def _entry_lines(entry: HistoryEntry, markdown: bool) -> list[str]:
    when = entry.date.strftime("%Y-%m-%d %H:%M")
    if entry.truncated:
        return [f"{when}  {entry.commit[:7]}  {TRUNCATED}"]
    text = escape_markdown if markdown else str
    head = f"{when}  {text(entry.author)}  {entry.commit[:7]}"
    lines = [f"### {head}" if markdown else head]
    # the commit message quoted ("> "), so that a line in it cannot pass for one of the changes listed below it
    lines += [f"{'' if markdown else '  '}> {text(m)}" for m in entry.message.splitlines() if m.strip()]
    for change in entry.changes:
        title, details = describe(change)
        klass = UNCOMPARED if change.what == "invalid" else change.klass  # as diff lists it: not known to be 文字性
        lines.append(f"{'- ' if markdown else '  '}[{klass}] {text(title)}")
        if change.broken_since:
            details.insert(0, MENDED.format(change.broken_since[:7]))
        lines += [f"{'  - ' if markdown else '    '}{text(d.strip())}" for d in details]
    return lines
