"""gongkai init as one library call: refuse an existing catalog, write everything aside, move it in, commit."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from gongkai.catalog import load_catalog
from gongkai.catalog.listing import catalog_root_of
from gongkai.diagnostics import Report, Severity
from gongkai.errors import UsageProblem, output_in_place
from gongkai.files_io import create_atomic, folder_mode, make_folder, remove_leftovers, staging_folder
from gongkai.handover.deliver import record_baseline
from gongkai.handover.run import prepare
from gongkai.interchange.plan import ImportPlan
from gongkai.processes import interrupts_deferred
from gongkai.setup import repo
from gongkai.setup.resolve import Setup
from gongkai.setup.agency_file import INIT_MARK
from gongkai.setup.scaffold import CATALOG, IGNORE, merged_ignore, repository_files
from gongkai.setup.table import for_table, import_table
from gongkai.validate import validate


@dataclass
class InitResult:
    """What init made: where, the first commit and its date (启用日期), the items, and what validate says."""

    root: Path
    commit: str
    adopted: dt.date
    files: list[str]
    items: int
    imported: ImportPlan | None
    report: Report
    sources: list[str]  # the guidelines the items were seeded from (empty when they came from a table)

    @property
    def catalog(self) -> Path:
        return self.root / CATALOG


def refuse_existing(target: Path) -> None:
    """UsageProblem when *target* already holds a catalog (or a catalog/ folder): init never overwrites one."""
    if target.exists() and not target.is_dir():
        raise UsageProblem(f"「{target}」是一个文件，不是文件夹：请换一个新的文件夹名，如 gongkai init 成都市武侯区民政局。")
    if (target / CATALOG).exists() and not (target / CATALOG).is_dir():  # no catalog in it to edit
        raise UsageProblem(f"「{target / CATALOG}」是一个文件，不是目录文件夹：gongkai init 要在「{target}」中建立 {CATALOG} "
                           "文件夹。请把这个文件改名或移走后再运行，或换一个新的文件夹。")
    for place in (target / "gongkai.yaml", target / CATALOG / "gongkai.yaml"):
        if place.exists() and place.parent == target / CATALOG and _unfinished(target, place):
            raise UsageProblem(_unfinished_message(target, place))
        if place.exists():
            raise UsageProblem(f"「{place}」已经存在：这里已经有目录了，gongkai init 不会覆盖已有的目录。"
                               f"要改机关名称、单位、移交日等设置，直接编辑 {place}，再运行 gongkai validate 检查；"
                               "要重新建立，请换一个新的文件夹，如 gongkai init 永春县民政局。")
    if (owner := catalog_root_of(target)) is not None:  # its files would become that catalog's items and records
        raise UsageProblem(f"「{target}」在已有的目录「{owner}」之中：新机关的目录建在这里，其中的文件会被当作那个目录的事项和"
                           f"信息，那个目录随即校验出错。请换一个在它外面的文件夹，如 gongkai init {owner.parent / '新机关'}。")
    if (target / CATALOG).exists():  # a folder without gongkai.yaml: no catalog in it, no settings to edit
        raise UsageProblem(f"「{target / CATALOG}」已经存在，但其中没有 gongkai.yaml，不是 gongkai 的目录：gongkai init 要在"
                           f"「{target}」中新建 {CATALOG} 文件夹，不写进已有的文件夹。请把它改名或移走后再运行（其中的文件"
                           "需要时再放回），或换一个新的文件夹。")


# What init writes besides .gitignore (which may be the clone's own): named when an earlier init was cut short.
_WRITTEN = (CATALOG, "schema", ".vscode/settings.json", ".github/workflows/gongkai.yml", ".gitlab-ci.yml",
            ".pre-commit-config.yaml")


def _unfinished(target: Path, settings: Path) -> bool:
    """Whether *settings* is a gongkai.yaml gongkai init wrote into *target* that has no commit behind it: an init cut
    short between writing and committing (a power cut, a killed process, a crash), or its files copied without .git."""
    try:
        with settings.open(encoding="utf-8", errors="replace") as text:
            first = text.readline()
    except OSError:
        return False
    if (target / ".git").exists():
        return INIT_MARK in first and not repo.has_commit(target)
    # no repository of its own: unfinished unless another one holds it (a county's repository with every bureau's)
    return INIT_MARK in first and repo.enclosing_repository(target) is None


def _unfinished_message(target: Path, settings: Path) -> str:
    present = "、".join(name + ("/" if (target / name).is_dir() else "")
                       for name in _WRITTEN if (target / name).exists())
    steps = "git add -A、git commit" if (target / ".git").exists() else "git init、git add -A、git commit"
    where = f"在「{target}」中运行 {steps}"
    return (f"「{settings}」是 gongkai init 写的，但「{target}」中还没有第一次提交：多半是上次的 "
            "gongkai init 被中断了（断电、进程被强行结束），或是复制目录时没有带上 .git。其中没有要保留的内容时，删去上次写入的 "
            f"{present} 后重新运行 gongkai init；要保留的，{where} 提交它，再运行 gongkai validate。")


def init_catalog(target: Path, setup: Setup, now: dt.datetime, table: bytes | None = None,
                 table_name: str = "目录表") -> InitResult:
    """Create the catalog repository at *target* dated *now*; with *table* (file *table_name*), its items come from
    that workbook."""
    refuse_existing(target)
    repo.refuse_staged(target)
    adopted = now.date()
    if table is not None:
        setup = for_table(setup, table, table_name)
    make_folder(target.parent)
    remove_leftovers(target)  # what an init killed on the spot left beside the folder
    staging = staging_folder(target)
    os.chmod(staging, folder_mode(target))  # the new folder as mkdir makes it, not mkdtemp's 0700
    try:
        files = repository_files(setup, adopted, repo.branch_of(target))
        if (target / IGNORE).is_file():  # a clone of a repository made with a .gitignore (GitHub, Gitee offer one)
            files[IGNORE] = merged_ignore((target / IGNORE).read_text(encoding="utf-8", errors="replace"), files[IGNORE])
        for path, text in files.items():
            create_atomic(staging / path, text)
        plan = import_table(staging / CATALOG, table, adopted, setup.county) if table is not None else None
        written = sorted(_walk(staging))
        report = validate(staging, adopted, use_cache=False).report
        _refuse_wrong_settings(report)
        # Moved in and committed as one step: a Ctrl+C meanwhile waits, so that there is never a folder init
        # refuses to redo (it holds a catalog) that has no first commit and no 启用日期 behind it.
        with interrupts_deferred():
            undo = _move_in(staging, target)
            try:
                git_repo = repo.open_or_init(target)
                message = f"启用 gongkai：{setup.name}政务公开目录（gongkai init）"
                sha = repo.commit_all(git_repo, written, message, now, setup.answers.contact or "",
                                      setup.answers.email or "")
            except BaseException:
                undo()  # git failed: the folder as it was, so that init can simply be run again
                raise
            output_in_place(f"目录仓库（{target}）已建立，第一次提交 {sha[:7]}")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    items = sum(p.startswith(f"{CATALOG}/items/") for p in written)
    sources = list(dict.fromkeys(seed.guideline.citation for seed in setup.seeds))
    return InitResult(target, sha, repo.commit_day(git_repo, sha), written, items, plan, report, sources)


def _refuse_wrong_settings(report: Report) -> None:
    """UsageProblem when the answers would make a gongkai.yaml with errors (an 索引号格式 that is no pattern, one 编号
    for two 领域): nothing is written, so the clerk corrects the answer and runs init again."""
    wrong = [d for d in report.diagnostics if d.path == "gongkai.yaml" and d.severity is Severity.ERROR]
    if wrong:
        lines = "\n  ".join(f"{d.message}{'：' + d.hint if d.hint else ''}" for d in wrong)
        raise UsageProblem(f"按这些回答写出的 gongkai.yaml 会有 {len(wrong)} 处错误，没有建立目录：\n  {lines}\n"
                           "请改正相应的回答（命令行选项或答案文件）后重新运行 gongkai init。")


def _walk(folder: Path) -> list[str]:
    return [p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()]


def _move_in(staging: Path, target: Path) -> Callable[[], None]:
    """Put the staged files in place: the whole folder when *target* is new, else file by file into the folders it
    already has (a clone with .github/ or .vscode/); a file of its own is never replaced, except the merged .gitignore.

    Returns what takes them out again (and a .git made since): the folder as it was before.
    """
    if not target.exists():
        os.replace(staging, target)
        staging.mkdir()  # the caller removes it
        return lambda: shutil.rmtree(target, ignore_errors=True)
    files = sorted(_walk(staging))
    clash = [path for path in files if path != IGNORE and (target / path).exists()]
    clash += [str(folder) for folder in dict.fromkeys(f for path in files for f in PurePosixPath(path).parents
                                                      if (target / f).is_file())]
    if clash:
        shown = "、".join(clash[:10]) + (f" 等 {len(clash)} 个" if len(clash) > 10 else "")
        raise UsageProblem(f"「{target}」中已有 {shown}，没有写入任何文件。请换一个新的或空的文件夹，"
                           "或先把这些文件移走。")
    before = {path: (target / path).read_bytes() for path in files if (target / path).is_file()}  # the .gitignore
    made = [f for f in dict.fromkeys(f for path in files for f in PurePosixPath(path).parents)
            if str(f) != "." and not (target / f).exists()]
    had_git = (target / ".git").exists()
    for path in files:
        (target / path).parent.mkdir(parents=True, exist_ok=True)
        os.replace(staging / path, target / path)

    def undo() -> None:
        for path in files:
            if path in before:
                (target / path).write_bytes(before[path])
            else:
                (target / path).unlink(missing_ok=True)
        for folder in sorted(made, key=lambda f: -len(f.parts)):
            shutil.rmtree(target / folder, ignore_errors=True)
        if not had_git:
            shutil.rmtree(target / ".git", ignore_errors=True)

    return undo


def baseline_problem(through: dt.date, adopted: dt.date) -> str | None:
    """Why *through* cannot be the last delivery by hand before adoption on *adopted*: asked before anything is
    written, so that a wrong date does not leave a catalog behind that init then refuses to make again."""
    if through > adopted:
        return f"补登移交的日期 {through.isoformat()} 在今天之后：请写启用前最后一次人工送交两馆的日期。"
    return None


def baseline(root: Path, through: dt.date, now: dt.datetime, name: str, email: str) -> tuple[str, int]:
    """handover baseline at adoption: what was delivered by hand through *through* is recorded, then committed."""
    if problem := baseline_problem(through, now.date()):
        raise UsageProblem(problem)
    catalog = load_catalog(root / CATALOG, use_cache=False)
    batch = prepare(catalog, through, force=True, allow_incomplete=True, baseline=True)
    with interrupts_deferred():  # the ledger and its commit together: never a ledger on disk that is not committed
        if not record_baseline(root / CATALOG, batch):
            raise UsageProblem(f"台账 {batch.ledger_path} 已经存在，没有重复记录。")
        git_repo = repo.open_or_init(root)
        path = f"{CATALOG}/{batch.ledger_path}"
        sha = repo.commit_all(git_repo, [path], f"补登启用前已送交两馆的信息（至 {through.isoformat()}）", now, name, email)
        output_in_place(f"启用前送交两馆的信息已补登（提交 {sha[:7]}）")
    return sha, len(batch.entries)
