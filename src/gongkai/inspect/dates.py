"""伪造发稿日期, proved from git: when each record first entered the catalog, against the 公开日期 it claims.

One `git log` over records/ gives, for every record, the commit that first added its file (a file's name is its id,
so a moved record keeps its first date). A record whose 公开日期 is more than N working days before that commit is
flagged unless it declares 补录 with a reason. Records present when the bureau adopted gongkai — added in the catalog's
first commit, or on or before a declared 启用日期 — are not evidence. A record not committed yet is dated today. In a
shallow clone the commits before the cut are missing: records first seen at the cut cannot be dated and are listed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.catalog.kinds import kind_of
from gongkai.catalog.gitsource import Commit, GitProblem, Repo
from gongkai.catalog.sources import WorkingTree
from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Evidence, Status
from gongkai.model import Record
from gongkai.workdays import CalendarMissing


@dataclass
class Added:
    """When records first entered the catalog, as git tells it."""

    first: dict[str, Commit] = field(default_factory=dict)  # record id → the commit that first added its file
    adoption: Commit | None = None  # the catalog's first commit
    cut: frozenset[str] = frozenset()  # shallow-clone boundary commits

    @staticmethod
    def day(commit: Commit) -> dt.date:
        return dt.date.fromisoformat(commit.date[:10])


def read_history(root: Path) -> Added:
    """First additions of every record file, in one `git log` pass over records/ (GitProblem outside git)."""
    with Repo(root) as repo:
        history = repo.log("HEAD", ["records/**"])
        found = Added(cut=repo.shallow_boundary())
        for commit, triples in history:  # newest first: the last seen is the first added
            for path, old, new in triples:
                if old is None and new is not None and kind_of(path) == "record":
                    found.first[path.rsplit("/", 1)[-1].rsplit(".", 1)[0]] = commit  # the file name is the id
        roots = repo.log("HEAD", ["gongkai.yaml"])
        found.adoption = roots[-1][0] if roots else None
    return found


def _verdict(run: Inspection, added: Added, record: Record, limit: int) -> tuple[str, str] | None:
    """("flag" | "unchecked", why) for one record, or None when its date is fine or not evidence."""
    assert record.published is not None
    commit = added.first.get(record.id)
    adopted = run.catalog.agency.adopted if run.catalog.agency else None
    if commit is not None:
        if commit.sha in added.cut:
            return "unchecked", "首次提交早于浅克隆已下载的历史"
        if added.adoption is not None and commit.sha == added.adoption.sha:
            return None
        if adopted is not None and Added.day(commit) <= adopted:
            return None
    on = Added.day(commit) if commit else run.today
    late = run.calendar.count_between(record.published, on)
    if late <= limit:
        return None
    when = f"{on} 才首次提交（{commit.sha[:7]}）" if commit else f"至今（{on}）尚未提交"
    return "flag", f"公开日期 {record.published}，{when}，晚{late}个工作日"


def check_dates(run: Inspection) -> Check:
    """伪造发稿日期 as one 否决 item."""
    settings = run.thresholds.dating
    point = f"发稿日期与首次提交的时间相符（相差不超过{settings.workdays}个工作日；补录须写明原因）"
    rule = "出现即单项否决（弄虚作假）"
    root = run.catalog.source.root if isinstance(run.catalog.source, WorkingTree) else None
    try:
        if root is None:
            raise GitProblem("目录不是从文件夹读取的")
        added = read_history(root)
    except GitProblem as exc:
        return Check("dates", "严重错误", point, rule, settings.source, Status.UNCHECKED,
                     note=f"无法读取 git 历史，发稿日期未核验：{exc}")
    flagged, unchecked = _judge(run, added, settings.workdays)
    note = _note(unchecked, added)
    return Check("dates", "严重错误", point, rule, settings.source, Status.FAIL if flagged else Status.PASS,
                 flagged, len(flagged), note)


def _judge(run: Inspection, added: Added, limit: int) -> tuple[list[Evidence], list[str]]:
    flagged: list[Evidence] = []
    unchecked: list[str] = []
    for record in run.web_records:
        if record.late_entry:
            continue  # 补录 declared with its reason: not evidence of anything
        try:
            verdict = _verdict(run, added, record, limit)
        except CalendarMissing as exc:
            verdict = ("unchecked", f"缺少{exc.year}年的节假日安排")
        if verdict is None:
            continue
        if verdict[0] == "flag":
            flagged.append(Evidence(f"「{record.title}」{verdict[1]}", record.id, run.path("record", record.id)))
        else:
            unchecked.append(f"{record.id}（{verdict[1]}）")
    return flagged, unchecked


def _note(unchecked: list[str], added: Added) -> str | None:
    if not unchecked:
        return None
    more = "；运行 git fetch --unshallow 后再检查" if added.cut else ""
    return f"{len(unchecked)} 条信息的发稿日期未能核验：{'、'.join(unchecked[:20])}{'……' if len(unchecked) > 20 else ''}{more}"
