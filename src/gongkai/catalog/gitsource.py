"""A catalog read from a git revision without a checkout: `git ls-tree` for the listing, `git cat-file --batch`
for contents, reading only the blobs that are asked for."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from gongkai.catalog.kinds import kind_of
from gongkai.catalog.sources import Entry, blob_id
from gongkai.days import BEIJING, DayError, read_day
from gongkai.errors import UsageProblem

EMPTY = "empty"  # a revision name meaning "no catalog at all" (before the first commit)


class GitProblem(UsageProblem):
    """git is missing, the folder is not in a repository, or a revision cannot be read; str() is Chinese."""


def _git(cwd: Path, *args: str, check: bool = True, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat"}
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=false", *args], cwd=cwd, env=env, capture_output=True, check=False,
            input=stdin,
        )
    except FileNotFoundError:
        raise GitProblem("找不到 git 程序：请先安装 git（https://git-scm.com）") from None
    if check and done.returncode != 0:
        raise GitProblem(f"git {args[0]} 失败：{done.stderr.decode('utf-8', 'replace').strip()}")
    return done


@dataclass(frozen=True)
class Commit:
    """One commit as the history shows it."""

    sha: str
    parents: tuple[str, ...]
    date: str  # author date, ISO 8601 with offset, as git gives it
    author: str
    message: str
    committed: str = ""  # committer date, likewise: when the commit entered this history (a rebase or amend moves it)
    encoding: str = ""  # the commit's 「encoding」 header (GBK), "" when it has none (UTF-8)

    @property
    def subject(self) -> str:
        return self.message.strip().splitlines()[0] if self.message.strip() else ""


def path_in_repository(catalog_root: Path) -> str:
    """The catalog folder's path from the top of its git repository ("catalog/"; "" at the top), as CI annotations and
    code scanning name files; outside a repository, its path from the working folder; "" when neither applies."""
    root = catalog_root.resolve()
    try:
        done = _git(root, "rev-parse", "--show-prefix", check=False)
    except GitProblem:  # no git on this machine: the working folder is all there is to go by
        done = None
    if done is not None and done.returncode == 0:
        return done.stdout.decode("utf-8", "replace").strip()
    try:
        rel = root.relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return ""
    return "" if rel == "." else rel + "/"


class Repo:
    """The git repository holding a catalog folder, and a long-lived `git cat-file --batch` to read blobs."""

    def __init__(self, catalog_root: Path) -> None:
        root = catalog_root.resolve()
        done = _git(root, "rev-parse", "--show-toplevel", check=False)
        if done.returncode != 0:
            raise GitProblem(_not_a_repository(catalog_root, done.stderr.decode("utf-8", "replace")))
        self.top = Path(done.stdout.decode("utf-8").strip())
        rel = root.relative_to(self.top.resolve()).as_posix()
        self.prefix = "" if rel == "." else rel + "/"
        self._where: dict[str, str] = {}
        self._batch: subprocess.Popen[bytes] | None = None

    @property
    def shallow(self) -> bool:
        done = _git(self.top, "rev-parse", "--is-shallow-repository", check=False)
        return done.stdout.strip() == b"true"

    @property
    def born(self) -> bool:
        """Whether the repository has any commit at all (a fresh `git init` has none: HEAD names nothing yet)."""
        return bool(_git(self.top, "rev-list", "-n", "1", "--all", check=False).stdout.strip())

    def shallow_boundary(self) -> frozenset[str]:
        """Commits whose parents were cut off by a shallow clone."""
        path = _git(self.top, "rev-parse", "--git-path", "shallow").stdout.decode().strip()
        file = (self.top / path) if not Path(path).is_absolute() else Path(path)
        return frozenset(file.read_text().split()) if file.is_file() else frozenset()

    def history_stamp(self) -> str:
        """HEAD and a shallow clone's cut: what a reading of the history depends on besides the files (a commit amended,
        or `git fetch --unshallow`, changes no file of the working tree)."""
        head = _git(self.top, "rev-parse", "-q", "--verify", "HEAD", check=False).stdout.decode().strip()
        return " ".join([head, *sorted(self.shallow_boundary())])

    def resolve(self, rev: str) -> str:
        """The full commit id of *rev*, or a Chinese error that says why it cannot be found."""
        done = _git(self.top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}", check=False)
        if done.returncode == 0:
            return done.stdout.decode().strip()
        message = f"找不到版本「{rev}」：请用提交号、分支名或标签，如 HEAD~1、main、v1.0"
        remote = self._remote_branch(rev)
        if remote is not None:
            name, branch = remote
            raise GitProblem(f"找不到版本「{rev}」：远程分支 {name}/{branch} 没有下载到本机。先运行 "
                             f"git fetch {name} {branch}:refs/remotes/{name}/{branch}，再比较（只下载了一个分支的克隆里，"
                             f"git fetch {name} {branch} 不会建立 {name}/{branch}）；在 GitHub Actions 中，actions/checkout "
                             "默认只下载一个提交、不下载其他分支，也可以在它的 with: 下写 fetch-depth: 0")
        day = re.fullmatch(r"\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*", rev)
        if day is not None:  # a date where a revision goes: 「gongkai diff 2026-01-01」 for 「since the first of January」
            since = "-".join((day[1], day[2].zfill(2), day[3].zfill(2)))
            try:
                read_day(since)
            except DayError as exc:  # 2026-13-01: not a day to tell them to write after --since either
                raise GitProblem(f"找不到版本「{rev}」：这像是一个日期，但{exc.message}。要看某一天以来目录的变化，"
                                 "请写 gongkai diff --since 年-月-日，如 gongkai diff --since 2026-01-01") from None
            raise GitProblem(f"找不到版本「{rev}」：这是一个日期，不是版本。要看这一天以来目录的变化，请写 "
                             f"gongkai diff --since {since}（与这一天零点前最后一次提交比较）")
        if not self.born:
            message = (f"找不到版本「{rev}」：仓库里还没有任何提交。先提交目录（git add -A，再 git commit），"
                       "或用 gongkai diff --since 2000-01-01 把整个目录当作新增来查看")
        elif re.match(r"HEAD(?![\w/-])", rev) and not _git(self.top, "rev-parse", "-q", "--verify", "HEAD",
                                                           check=False).stdout.strip():
            branch = _git(self.top, "symbolic-ref", "-q", "--short", "HEAD", check=False).stdout.decode("utf-8", "replace")
            message = (f"找不到版本「{rev}」：当前分支「{branch.strip()}」还没有任何提交（如 git checkout --orphan 新建的"
                       "空分支）。先在这个分支上提交（git add -A，再 git commit），或切换回有提交的分支（如 git checkout main）")
        elif (half := unicodedata.normalize("NFKC", rev)) != rev and all(  # HEAD～1: the input method's tilde
                self._commit(side or "HEAD") for side in re.split(r"\.\.\.?", half)):
            message = (f"找不到版本「{rev}」：其中有全角字符（输入法的中文状态打出的「～」「＾」等），"
                       f"请写半角的 {half}")
        elif (meant := self._object_named(rev)) is not None:  # 「gongkai diff SHJZ-001」 for what changed in one item
            message = (f"找不到版本「{rev}」：这是事项或信息 {meant} 的{'编号' if meant == rev.strip() else '文件'}，不是版本。"
                       f"gongkai diff 比较整个目录；要看 {meant} 的修改，请写 gongkai log {meant}")
        elif self.shallow:
            message += "。本仓库是浅克隆（shallow clone），较早的历史没有下载：运行 git fetch --unshallow 后再试"
        elif (back := self._too_far_back(rev)) is not None:  # HEAD~10 in a catalog of 7 commits: the form is right
            message = f"找不到版本「{rev}」：{back}"
        raise GitProblem(message)

    def _commit(self, rev: str) -> bool:
        """Whether *rev* names a commit."""
        return _git(self.top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}",
                    check=False).returncode == 0

    def _too_far_back(self, rev: str) -> str | None:
        """Why 「HEAD~10」 is not found when HEAD is: its history has fewer commits (the earliest one named), or None."""
        steps = re.fullmatch(r"(.+?)~(\d+)", rev.strip())
        if steps is None:
            return None
        base = _git(self.top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{steps[1]}^{{commit}}",
                    check=False)
        if base.returncode != 0:
            return None
        count = _git(self.top, "rev-list", "--first-parent", "--count", base.stdout.decode().strip()).stdout.decode()
        earliest = int(count) - 1
        if int(steps[2]) <= earliest:
            return None
        before = (f"之前只有 {earliest} 次提交，最早的一次是 {steps[1]}~{earliest}" if earliest
                  else "是第一次提交，之前没有提交")
        return f"{steps[1]} {before}；要与空目录比较（全部算新增），请用 gongkai diff --since 2000-01-01"

    def object_ids(self, rev: str = "HEAD") -> set[str]:
        """The ids of the catalog's objects at *rev*: the names (without .yaml) of the files gongkai reads."""
        return {PurePosixPath(path).stem for path in self.tree(rev) if kind_of(path) not in (None, "agency")}

    def _object_named(self, rev: str) -> str | None:
        """The id of an item or record *rev* names, by its id or its file's path (items/shjz/SHJZ-001.yaml), or
        None."""
        name = PurePosixPath(rev.strip().replace("\\", "/")).name
        stem = name.rsplit(".", 1)[0] if name.lower().endswith((".yaml", ".yml")) else name
        return stem if stem and stem in self.object_ids() else None

    def _remote_branch(self, rev: str) -> tuple[str, str] | None:
        """(remote, branch) when *rev* names a branch of one of the repository's remotes that is not here
        (origin/main in a CI checkout that fetched only the commit under test), else None."""
        name, _, branch = re.split(r"[~^@:]|\.\.", rev, maxsplit=1)[0].partition("/")
        if not branch:
            return None
        remotes = _git(self.top, "remote", check=False).stdout.decode("utf-8", "replace").split()
        if name not in remotes:
            return None
        known = _git(self.top, "rev-parse", "--verify", "--quiet", f"refs/remotes/{name}/{branch}", check=False)
        return None if known.returncode == 0 else (name, branch)

    def before(self, day: dt.date, head: str = "HEAD") -> str | None:
        """The last commit on *head* made before *day* began in Beijing (whatever zone this machine or the commit
        is in), or None. git's --before counts a commit at that very second, hence one second earlier."""
        start = dt.datetime.combine(day, dt.time(), BEIJING) - dt.timedelta(seconds=1)
        done = _git(self.top, "rev-list", "-1", f"--before={start.isoformat()}", head, "--", check=False)
        sha = done.stdout.decode().strip()
        return sha or None

    def off_main_line(self) -> tuple[str, str] | None:
        """(what is checked out, the main branch) when the working tree is not on the repository's main branch: the
        branch origin/HEAD names (what a clone checks out), else a local main or master; None when it is on it, or
        when there is no main branch to tell by."""
        named = _git(self.top, "symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD", check=False).stdout
        main = named.decode("utf-8", "replace").strip().removeprefix("origin/")
        if not main:
            branches = set(_git(self.top, "branch", "--format=%(refname:short)", check=False).stdout.decode().split())
            main = next((b for b in ("main", "master") if b in branches), "")
        current = _git(self.top, "symbolic-ref", "-q", "--short", "HEAD", check=False).stdout.decode().strip()
        if not main or current == main:
            return None
        if current:
            return current, main
        sha = _git(self.top, "rev-parse", "--short", "HEAD", check=False).stdout.decode().strip()
        return f"提交 {sha}（不在任何分支上）", main

    def merge_base(self, first: str, second: str) -> str:
        """The commit where the histories of two revisions met (what `git diff A...B` compares B against)."""
        a, b = self.resolve(first), self.resolve(second)
        done = _git(self.top, "merge-base", a, b, check=False)
        if done.returncode == 0:
            return done.stdout.decode().strip()
        message = f"「{first}」和「{second}」没有共同的历史（找不到分叉点）：改用两个点的 {first}..{second} 直接比较"
        if self.shallow:
            message += "。本仓库是浅克隆（shallow clone），分叉点可能没有下载：运行 git fetch --unshallow 后再试"
        raise GitProblem(message)

    def commit(self, rev: str) -> Commit:
        """Author, date and message of one commit."""
        out = _git(self.top, "show", "-s", f"--format={_FORMAT}", rev).stdout.decode("utf-8", "surrogateescape")
        return self._as_written(_commit(out.split("\x1f", 6)))

    def tree(self, rev: str, folders: tuple[str, ...] = ()) -> dict[str, str]:
        """Catalog-relative path → blob id of every file of the catalog at *rev* (or in those of its *folders*,
        written "items/"): one `git ls-tree`."""
        if rev == EMPTY:
            return {}
        prefix = self.catalog_at(rev)
        where = [self._spec(f, prefix) for f in folders] if folders else [self._spec("", prefix)]
        out = _git(self.top, "ls-tree", "-r", "-z", "--full-tree", rev, "--", *where).stdout
        found: dict[str, str] = {}
        for line in out.split(b"\0"):
            if not line:
                continue
            meta, path = line.split(b"\t", 1)
            _, kind, blob = meta.split(b" ")
            if kind == b"blob":
                found[path.decode("utf-8", "surrogateescape")[len(prefix):]] = blob.decode()
        return found

    def worktree(self, root: Path) -> dict[str, str]:
        """Catalog-relative path → blob id of the working tree: git's index for clean files (its stat cache is
        always warm), hashing only files git reports modified or untracked."""
        where = self._spec()
        blobs: dict[str, str] = {}
        for line in _git(self.top, "ls-files", "-s", "-z", "--", where).stdout.split(b"\0"):
            if line:
                meta, path = line.split(b"\t", 1)
                blobs[self._rel(path)] = meta.split(b" ")[1].decode()
        dirty = _git(self.top, "diff-files", "--name-only", "-z", "--", where).stdout.split(b"\0")
        dirty += _git(self.top, "ls-files", "--others", "--exclude-standard", "-z", "--", where).stdout.split(b"\0")
        files: list[tuple[str, bytes]] = []
        for path in filter(None, dirty):
            rel = self._rel(path)
            file = root / rel
            if any(folder.is_symlink() for folder in file.parents if folder.is_relative_to(root) and folder != root):
                blobs.pop(rel, None)  # behind a folder that is now a link: gone, as git sees it, never read through
            elif file.is_symlink():  # hashed as git stores a link (its target's name), never followed: /dev/zero, ~/.ssh
                blobs[rel] = blob_id(os.fsencode(os.readlink(file)))
            elif file.is_file():
                files.append((rel, path))
            else:
                blobs.pop(rel, None)
        hashed = self._hash_files(files)
        for rel, _ in files:  # (removed since git listed it: gone)
            if rel in hashed:
                blobs[rel] = hashed[rel]
            else:
                blobs.pop(rel, None)
        return blobs

    def _hash_files(self, files: list[tuple[str, bytes]]) -> dict[str, str]:
        """Catalog-relative path → the blob id git would store for each working-tree file (path from the top): git
        hashes them itself, so its conversions apply (core.autocrlf=true, the Windows default, stores a file saved
        with CRLF as LF; .gitattributes eol=…) and a repository with sha256 ids gets sha256 ids. Hashing the bytes on
        disk instead showed every file an editor saved unchanged as a format change that git does not see."""
        if not files:
            return {}
        paths = b"".join(path + b"\n" for _, path in files if b"\n" not in path)
        done = _git(self.top, "hash-object", "--stdin-paths", check=False, stdin=paths) if paths else None
        ids = done.stdout.decode().split() if done is not None and done.returncode == 0 else []
        named = [rel for rel, path in files if b"\n" not in path]
        found = dict(zip(named, ids)) if len(ids) == len(named) else {}
        for rel, path in files:  # a name git cannot take one to a line (a line break in it), or git refused: the bytes
            if rel not in found:
                try:
                    found[rel] = blob_id((self.top / os.fsdecode(path)).read_bytes())
                except OSError:
                    continue
        return found

    def _spec(self, folder: str = "", prefix: str | None = None) -> str:
        """The pathspec of the catalog folder (or of one *folder* in it), taken literally: a catalog kept in
        「目录[2026]」 or 「公开*」 names that folder, not a pattern matching others (or, as a glob, none)."""
        return f":(literal){(self.prefix if prefix is None else prefix) + folder or '.'}"

    def catalog_at(self, rev: str) -> str:
        """Where the catalog folder was at *rev* (its path from the top, as self.prefix): where it is now, unless
        gongkai.yaml was not there then and was in one other folder, which holds none now (the catalog moved: from the
        top of the repository into catalog/, or 目录/ renamed), so that a move is not read as the whole catalog added."""
        if rev == EMPTY:
            return self.prefix
        if rev not in self._where:
            found = self.prefix
            if _git(self.top, "cat-file", "-e", f"{rev}:{self.prefix}gongkai.yaml", check=False).returncode != 0:
                out = _git(self.top, "ls-tree", "-r", "-z", "--name-only", "--full-tree", rev, check=False).stdout
                places = [p[:-len("gongkai.yaml")] for p in out.decode("utf-8", "surrogateescape").split("\0")
                          if p == "gongkai.yaml" or p.endswith("/gongkai.yaml")]
                # several catalogs (a county's): none is it; one still there (a sample kept beside it): another one
                if len(places) == 1 and not (self.top / places[0] / "gongkai.yaml").exists():
                    found = places[0]
            self._where[rev] = found
        return self._where[rev]

    def _rel(self, path: bytes) -> str:
        return path.decode("utf-8", "surrogateescape")[len(self.prefix):]

    def changed(self, old: str, new: str) -> list[tuple[str, str | None, str | None]]:
        """(path, old blob, new blob) of every catalog file that differs between two commits: one `git diff-tree`."""
        if old == EMPTY:
            return [(p, None, b) for p, b in sorted(self.tree(new).items())]
        before, after = self.catalog_at(old), self.catalog_at(new)
        if before != after:  # the catalog moved between them: its two folders compared, as trees
            out = _git(self.top, "diff-tree", "-r", "-z", "--no-renames", "--no-abbrev", f"{old}:{before}",
                       f"{new}:{after}").stdout
            return self._raw(out.decode("utf-8", "surrogateescape"), "")
        out = _git(self.top, "diff-tree", "-r", "-z", "--no-renames", "--no-abbrev", old, new, "--",
                   self._spec("", after)).stdout
        return self._raw(out.decode("utf-8", "surrogateescape"), after)

    def _raw(self, text: str, prefix: str | None = None) -> list[tuple[str, str | None, str | None]]:
        prefix = self.prefix if prefix is None else prefix
        parts = text.lstrip("\0\n").split("\0")
        found = []
        for meta, path in zip(parts[0::2], parts[1::2]):
            if not meta.startswith(":") or not path.startswith(prefix):
                continue
            fields = meta[1:].split(" ")
            old, new = (None if set(b) == {"0"} else b for b in fields[2:4])
            found.append((path[len(prefix):], old, new))
        return found

    def log(self, rev: str = "HEAD", globs: list[str] | None = None, merges: bool = False,
            prefix: str | None = None) -> list[tuple[Commit, list[tuple[str, str | None, str | None]]]]:
        """Commits reachable from *rev* touching the catalog (or files matching *globs* in it), newest first; in the
        folder *prefix* (where the catalog was before it moved, catalog_at) instead of where it is now.

        With *merges*, a merge commit is there too, once for each of its parents with what it changes against that
        parent (`-m`): a file that entered the history only as the merge was made (a conflict resolved by adding it)
        is seen entering there.
        """
        prefix = self.prefix if prefix is None else prefix
        specs = [f":(glob,icase){glob_quoted(prefix)}{g}" for g in globs] if globs else [self._spec("", prefix)]
        out = _git(self.top, "log", "-z", "--raw", "--no-renames", "--no-abbrev", "-m" if merges else "--no-merges",
                   f"--format=%x1e{_FORMAT}%x1f", rev, "--", *specs, check=False)
        if out.returncode != 0:
            return []
        history = []
        for chunk in out.stdout.decode("utf-8", "surrogateescape").split("\x1e")[1:]:
            *head, rest = chunk.split("\x1f", 7)
            history.append((self._as_written(_commit(head)), self._raw(rest, prefix)))
        return history

    def versions(self, rev: str, path: str) -> list[tuple[Commit, str | None]]:
        """The commits reachable from *rev* that changed the catalog's file *path*, newest first, each with the blob
        the file held before it (None: the commit added it)."""
        return [(commit, next(old for p, old, _ in triples if p == path))
                for commit, triples in self.log(rev, [glob_quoted(path)]) if any(p == path for p, _, _ in triples)]

    def _as_written(self, commit: Commit) -> Commit:
        """*commit* with its author and message read from the commit object's own bytes when it declares an encoding
        (i18n.commitEncoding=GBK, a setting Chinese guides recommend for the Windows console): git converts the
        whole commit to UTF-8, which garbles an author written in UTF-8 beside a GBK message (测试 → 娴嬭瘯), or
        gives the bytes unconverted when the mix cannot be converted."""
        if not commit.encoding or commit.encoding.replace("-", "").lower() == "utf8":
            return commit
        header, _, body = self.read(commit.sha).partition(b"\n\n")
        author = next((line[len(b"author "):] for line in header.split(b"\n") if line.startswith(b"author ")), b"")
        name = author[:author.rindex(b" <")] if b" <" in author else author
        return replace(commit, author=_decoded(name, commit.encoding), message=_decoded(body, commit.encoding).strip())

    def timeline(self, rev: str = "HEAD") -> list[Commit]:
        """Every commit reachable from *rev*, parents before children (no messages); [] before the first commit."""
        out = _git(self.top, "log", "-z", "--topo-order", "--reverse", "--format=%H%x1f%P%x1f%aI%x1f%cI%x1f%x1f", rev,
                   check=False)
        if out.returncode != 0:
            return []
        return [_commit(entry.split("\x1f")) for entry in out.stdout.decode("utf-8", "replace").split("\0") if entry]

    def read(self, blob: str) -> bytes:
        """The bytes of one blob, through the long-lived `git cat-file --batch`."""
        proc = self._cat_file()
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(blob.encode() + b"\n")
        proc.stdin.flush()
        header = proc.stdout.readline().split()
        if len(header) != 3:
            raise GitProblem(f"git 仓库中缺少内容 {blob}（浅克隆或仓库损坏？）")
        data = proc.stdout.read(int(header[2]) + 1)
        return data[:-1]

    def _cat_file(self) -> subprocess.Popen[bytes]:
        if self._batch is None or self._batch.poll() is not None:
            self._batch = subprocess.Popen(
                ["git", "cat-file", "--batch"], cwd=self.top, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        return self._batch

    def close(self) -> None:
        """Stop the cat-file process."""
        if self._batch is not None:
            if self._batch.stdin:
                self._batch.stdin.close()
            self._batch.wait()
            self._batch = None

    def __enter__(self) -> Repo:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _not_a_repository(catalog_root: Path, said: str) -> str:
    """Why git reads no repository at *catalog_root*, from what git *said* (in English: LC_ALL=C), and what to do."""
    owned = re.search(r"dubious ownership in repository at '(.+)'", said)
    if owned:  # a checkout made by another user: a CI container, a folder copied from another account
        return (f"git 拒绝读取「{catalog_root}」所在的仓库 {owned.group(1)}：它属于另一个用户（git 称 dubious ownership，"
                "CI 的容器里常见）。确认这个仓库可信后，运行 git config --global --add safe.directory "
                f"{owned.group(1)}，再试")
    return f"「{catalog_root}」不在 git 仓库中：比较版本和查看历史需要用 git 管理目录（git init）"


def glob_quoted(path: str) -> str:
    """*path* matched as itself inside a glob pathspec: git's wildcards *, ?, [ and its escape \\ escaped."""
    return re.sub(r"([*?\[\\])", r"\\\1", path)


_FORMAT = "%H%x1f%P%x1f%aI%x1f%cI%x1f%an%x1f%e%x1f%B"  # the fields _commit reads, the message last


def _commit(fields: list[str]) -> Commit:
    sha, parents, date, committed, author, encoding, message = (fields + [""] * 7)[:7]
    return Commit(sha, tuple(parents.split()), date, _written(author, encoding), _written(message, encoding).strip(),
                  committed, encoding.strip())


def _written(text: str, encoding: str) -> str:
    """An author or a commit message as git gave it (decoded with surrogateescape), its bytes read again when they
    are not UTF-8: a commit written by a tool that put GBK bytes in without git's 「encoding」 header."""
    if not any("\udc80" <= c <= "\udcff" for c in text):
        return text
    return _decoded(text.encode("utf-8", "surrogateescape"), encoding)


def _decoded(raw: bytes, encoding: str) -> str:
    """*raw* read as UTF-8 when it is UTF-8, else in the commit's *encoding*, else as GB18030 (which GBK is part of)."""
    for name in ("utf-8", encoding.strip() or "gb18030", "gb18030"):
        try:
            return raw.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    return raw.decode("utf-8", "replace")


class GitRevision:
    """A Source: the catalog as it was at one revision (or a given path → blob mapping), read without checkout."""

    def __init__(self, repo: Repo, rev: str, blobs: dict[str, str] | None = None) -> None:
        self.repo = repo
        self.rev = rev
        self.label = rev
        self._blobs = blobs

    @property
    def blobs(self) -> dict[str, str]:
        if self._blobs is None:
            self._blobs = self.repo.tree(self.rev)
        return self._blobs

    def entries(self) -> list[Entry]:
        return [Entry(path, blob=blob) for path, blob in sorted(self.blobs.items())]

    def read(self, path: str) -> bytes:
        blob = self.blobs.get(path)
        if blob is None:
            raise FileNotFoundError(f"{self.rev}:{path}")
        return self.repo.read(blob)

    def exists(self, path: str) -> bool:
        return path in self.blobs
