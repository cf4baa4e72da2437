"""伪造发稿日期, proved from git: when each record first entered the catalog, against the 公开日期 it claims.

One `git log` over records/ gives, for every record, the commit that first added its file (a file's name is its id,
so a moved record keeps its first date). A commit is dated by the day (in China) it entered the history: the later of
its author and committer dates, and never before its parents — so `git commit --date`, an amended date or a commit
dated before the one it was built on does not make a record look older. A record whose 公开日期 is more than N working
days before that day is flagged unless it declares 补录 with a reason (model.reasons: 「补录: 无」 gives none). Records
present when the bureau adopted gongkai — added in the catalog's first commit, or on or before a declared 启用日期 (no
later than the day that 启用日期 was first committed) — are not evidence. A record not committed yet is dated today,
unless nothing is committed yet (it enters with the adoption). In a shallow clone the commits before the cut are
missing: records first seen at the cut cannot be dated and are listed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.catalog.kinds import kind_of
from gongkai.catalog.gitsource import Commit, GitProblem, Repo
from gongkai.catalog.sources import WorkingTree
from gongkai.days import BEIJING
from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Evidence, Status
from gongkai.model import Record
from gongkai.model.reasons import says_why
from gongkai.workdays import CalendarMissing


_DECLARES_ADOPTION = re.compile(r"^启用日期\s*:", re.MULTILINE)


def china_day(stamp: str) -> dt.date:
    """The day in China of a git ISO 8601 time (a commit at 20:00 in -08:00 is the next day there)."""
    return dt.datetime.fromisoformat(stamp).astimezone(BEIJING).date()


@dataclass
class Added:
    """When records first entered the catalog, as git tells it."""

    first: dict[str, Commit] = field(default_factory=dict)  # record id → the commit that first added its file
    entered: dict[str, dt.date] = field(default_factory=dict)  # commit → the day it entered the history (below)
    adoption: Commit | None = None  # the catalog's first commit (None: gongkai.yaml never committed)
    declared: dt.date | None = None  # the day a 启用日期 was first committed to gongkai.yaml
    cut: frozenset[str] = frozenset()  # shallow-clone boundary commits

    def day(self, commit: Commit) -> dt.date:
        return self.entered.get(commit.sha) or china_day(commit.date)


def entered_days(timeline: list[Commit]) -> dict[str, dt.date]:
    """Commit → the day it entered the history: the later of its author and committer days, and never before any of
    its ancestors (a commit cannot be made before its parent; a fake --date or an amended date shows up as a commit
    older than what it was built on)."""
    days: dict[str, dt.date] = {}
    for commit in timeline:  # parents first
        own = [china_day(s) for s in (commit.date, commit.committed) if s]
        days[commit.sha] = max(own + [days[p] for p in commit.parents if p in days])
    return days


def read_history(root: Path) -> Added:
    """First additions of every record file (one `git log` over records/), the day each commit entered the history
    (one `git log` of all commits), and the catalog's adoption (the log of gongkai.yaml); GitProblem outside git."""
    with Repo(root) as repo:
        found = Added(cut=repo.shallow_boundary(), entered=entered_days(repo.timeline("HEAD")))
        for commit, triples in repo.log("HEAD", ["records/**"], merges=True):  # against every parent: the earliest wins
            for path, old, new in triples:
                if old is None and new is not None and kind_of(path) == "record":
                    rid = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]  # the file name is the id
                    known = found.first.get(rid)
                    if known is None or found.day(commit) <= found.day(known):  # newest first: ties go to the older
                        found.first[rid] = commit
        agency = repo.log("HEAD", ["gongkai.yaml"], merges=True)
        found.adoption = agency[-1][0] if agency else None
        for commit, triples in reversed(agency):  # oldest first
            if any(new and _DECLARES_ADOPTION.search(repo.read(new).decode("utf-8", "replace")) for _, _, new in triples):
                found.declared = found.day(commit)
                break
    return found


def adoption_day(run: Inspection, added: Added) -> dt.date | None:
    """The declared 启用日期, but never later than the day it was first committed: a 启用日期 moved later afterwards
    (or set in the future) does not turn records entered since into 存量."""
    adopted = run.catalog.agency.adopted if run.catalog.agency else None
    if adopted is None:
        return None
    return min(adopted, added.declared or run.today)


def _verdict(run: Inspection, added: Added, record: Record, limit: int) -> tuple[str, str] | None:
    """("flag" | "unchecked", why) for one record, or None when its date is fine or not evidence."""
    assert record.published is not None
    commit = added.first.get(record.id)
    adopted = adoption_day(run, added)
    if commit is None and added.adoption is None:
        return None  # nothing committed yet: the record goes in with the catalog's first commit, as 存量
    if commit is not None:
        if commit.sha in added.cut:
            return "unchecked", "首次提交早于浅克隆已下载的历史"
        if added.adoption is not None and commit.sha == added.adoption.sha:
            return None
        if adopted is not None and added.day(commit) <= adopted:
            return None
    on = added.day(commit) if commit else run.today
    late = run.calendar.count_between(record.published, on)
    if late <= limit:
        return None
    when = f"{on} 才首次提交（{commit.sha[:7]}）" if commit else f"至今（{on}）尚未提交"
    return "flag", f"公开日期 {record.published}，{when}，晚{late}个工作日"


def check_dates(run: Inspection) -> Check:
    """伪造发稿日期 as one 否决 item: a 发稿日期 before the document was written (no git needed), or before the
    record entered the catalog by more than the allowed working days."""
    settings = run.thresholds.dating
    point = f"发稿日期真实：不早于成文日期，与首次提交的时间相符（相差不超过{settings.workdays}个工作日；补录须写明原因）"
    rule = "出现即单项否决（弄虚作假）"
    impossible = before_formed(run)
    root = run.catalog.source.root if isinstance(run.catalog.source, WorkingTree) else None
    try:
        if root is None:
            raise GitProblem("目录不是从文件夹读取的")
        added = read_history(root)
    except GitProblem as exc:
        return Check("dates", "严重错误", point, rule, settings.source, Status.FAIL if impossible else Status.UNCHECKED,
                     impossible, len(impossible), note=f"无法读取 git 历史，发稿日期与首次提交的时间未核验：{exc}")
    flagged, unchecked = _judge(run, added, settings.workdays)
    flagged = impossible + [e for e in flagged if e.object_id not in {i.object_id for i in impossible}]
    note = _note(unchecked, added)
    return Check("dates", "严重错误", point, rule, settings.source, Status.FAIL if flagged else Status.PASS,
                 flagged, len(flagged), note)


def before_formed(run: Inspection) -> list[Evidence]:
    """Records on the web whose 公开日期 is before their 成文日期: the page shows a document published before it was
    written, a date that cannot be true (validate's GK404 error, which does not keep the record off the site); 补录
    does not explain it."""
    return [Evidence(f"「{r.title}」公开日期 {r.published} 早于成文日期 {r.formed}，网站上的发稿日期不可能是真的："
                     f"核对公文，改正 {run.path('record', r.id) or r.id} 中的「公开日期」或「成文日期」",
                     r.id, run.path("record", r.id))
            for r in run.web_records if r.published is not None and r.published < r.formed]


def _judge(run: Inspection, added: Added, limit: int) -> tuple[list[Evidence], list[str]]:
    flagged: list[Evidence] = []
    unchecked: list[str] = []
    for record in run.web_records:
        if says_why(record.late_entry):
            continue  # 补录 declared with its reason: not evidence of anything (「补录: 无」 gives none)
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
