"""The new catalog's git repository (GitPython): git init, and commits dated on the adoption day."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, cast

from gongkai.errors import UsageProblem

if TYPE_CHECKING:
    import git

BRANCH = "main"
NO_GIT = "找不到 git 程序：gongkai init 要用它建立目录仓库。请先安装 Git（Windows 上装「Git for Windows」），再运行 gongkai init。"


def _git() -> ModuleType:
    """GitPython, which needs the git program: without it, a Chinese usage problem instead of an import error."""
    try:
        import git as module  # noqa: PLC0415 - GitPython refuses to import when git itself is missing
    except ImportError:
        raise UsageProblem(NO_GIT) from None
    return module


def open_or_init(folder: Path) -> git.Repo:
    """The repository at *folder*, created (branch main) when there is none.

    GitPython expands $VAR and %VAR% in a path unless told not to (Repo.init always does, when it reopens the folder it
    made): a folder named 「$HOME局」 or 「100%完成%」 was another folder to it.
    """
    module = _git()
    if (folder / ".git").exists():
        return _open(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _literal(module)[0](folder).init(initial_branch=BRANCH)
        return _open(folder)
    except module.exc.GitCommandNotFound:
        raise UsageProblem(NO_GIT) from None


def _open(folder: Path) -> git.Repo:
    """The repository at *folder*, its path taken as it is written (no $VAR, %VAR% or ~ expanded)."""
    return cast("git.Repo", _literal(_git())[1](folder, expand_vars=False))


def _literal(module: ModuleType) -> tuple[type, type]:
    """GitPython's Git and Repo, running git in the folder as written: its Git expands $VAR and %VAR% in the folder it
    runs in whatever Repo is told, so that the first commit of 「$HOME局」 ran in another folder (and failed)."""

    class LiteralGit(module.Git):  # type: ignore[misc,name-defined]
        def __init__(self, working_dir: str | os.PathLike[str] | None = None) -> None:
            super().__init__(working_dir)
            if working_dir is not None:
                self._working_dir = os.path.abspath(working_dir)

    class LiteralRepo(module.Repo):  # type: ignore[misc,name-defined]
        GitCommandWrapperType = LiteralGit

    return LiteralGit, LiteralRepo


def enclosing_repository(folder: Path) -> Path | None:
    """The git work tree *folder* lies inside when it is not one itself (D:\\政务公开 holding 民政局\\), or None: init
    makes a repository of its own there, which the outer one does not carry (git add records only a link to it)."""
    if (folder / ".git").exists():
        return None
    here = folder.resolve()
    return next((above for above in here.parents if (above / ".git").exists()), None)


def branch_of(folder: Path) -> str:
    """The branch the first commit will go on: main in a new repository, else the one checked out (master, …)."""
    if not (folder / ".git").exists():
        return BRANCH
    module = _git()
    try:
        return str(_open(folder).head.reference.name)
    except (module.exc.GitError, ValueError, TypeError, OSError):  # detached HEAD, or a repository git cannot read
        return BRANCH


def has_commit(folder: Path) -> bool:
    """Whether *folder* is a repository of its own with at least one commit (one gongkai cannot read counts as one:
    git says what is wrong with it when it is used)."""
    if not (folder / ".git").exists():
        return False
    module = _git()
    try:
        return bool(_open(folder).head.is_valid())
    except (module.exc.GitError, ValueError, OSError):
        return True


def refuse_staged(folder: Path) -> None:
    """UsageProblem when *folder* is a repository with work staged but not committed: the adoption commit takes the
    whole index, and would carry the clerk's unfinished work along with it. Also when git's index is locked."""
    if not (folder / ".git").exists():
        return
    lock = folder / ".git" / "index.lock"
    if lock.exists():  # git itself refuses to commit: said now, before any file is moved in
        raise UsageProblem(f"「{lock}」存在：另一个 git 程序（或编辑器的 git 功能）正在使用这个仓库，或上次 git 异常退出时"
                           "留下了它。确认没有 git 在运行后删除这个文件，再运行 gongkai init。")
    module = _git()
    try:
        existing = _open(folder)
        committed = existing.head.is_valid()
        staged = [str(d.a_path or d.b_path) for d in existing.index.diff("HEAD")] if committed else \
            [str(path) for path, _stage in existing.index.entries]
    except (module.exc.GitError, ValueError, OSError):
        return  # a repository gongkai cannot read: git itself says so when init commits
    # git restore --staged needs a commit to restore from: in a repository without one it stops at 「could not
    # resolve HEAD」, so there the way out is git rm --cached (the files themselves stay)
    undo = " git restore --staged 撤销暂存" if committed else \
        f"在「{folder}」中运行 git rm -r -q --cached . 撤销暂存（仓库还没有提交，git restore --staged 用不了；文件本身不删）"
    if staged:
        raise UsageProblem(f"「{folder}」的 git 仓库中有已暂存（git add）还没有提交的修改：{'、'.join(sorted(staged)[:10])}。"
                           f"请先 git commit 提交，或{undo}，再运行 gongkai init"
                           "（启用 gongkai 的第一次提交只放 gongkai init 写的文件）。")


def commit_all(repo: git.Repo, paths: list[str], message: str, when: dt.datetime, name: str, email: str) -> str:
    """Commit *paths* dated *when*; the author is git's configured user, else the contact person. Returns the sha."""
    author = _identity(repo, name, email)
    repo.index.add(paths)
    commit = repo.index.commit(message, author=author, committer=author, author_date=when, commit_date=when)
    return commit.hexsha


def _identity(repo: git.Repo, name: str, email: str) -> git.Actor:
    """git's user.name/user.email when set (anywhere git looks); else *name* and *email*, kept in the repository."""
    actor = _git().Actor
    reader = repo.config_reader()
    if reader.has_option("user", "name") and reader.has_option("user", "email"):
        return cast("git.Actor", actor(str(reader.get_value("user", "name")), str(reader.get_value("user", "email"))))
    with repo.config_writer() as writer:  # later commits by the clerk (git commit) then have an author too
        writer.set_value("user", "name", name)
        writer.set_value("user", "email", email)
    return cast("git.Actor", actor(name, email))


def commit_day(repo: git.Repo, sha: str) -> dt.date:
    """The date of commit *sha* in the time zone it was made in."""
    return repo.commit(sha).committed_datetime.date()
