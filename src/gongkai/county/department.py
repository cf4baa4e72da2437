"""One department's part of the county view, computed from its catalog and remembered whole by its fingerprint."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from dataclasses import dataclass, field, replace

from gongkai.catalog import Catalog, load, open_catalog, scan
from gongkai.catalog.cache import Cache
from gongkai.catalog.gitsource import GitProblem, Repo
from gongkai.catalog.listing import (CatalogNotFound, Listing, NotACatalogFolder, catalog_root_of,
                                     unchecked_submodule)
from gongkai.catalog.sources import Source
from gongkai.county.config import Department
from gongkai.county.inspection import Inspection, inspection_of
from gongkai.county.versions import Pin, ci_pins
from gongkai.diagnostics import Location, Report, Severity
from gongkai.errors import UsageProblem, advise_os_error, crash_summary, describe_os_error
from gongkai.interchange import table
from gongkai.authoring.existing import item_files
from gongkai.authoring.new import index_prefixes
from gongkai.lint import lint
from gongkai.privacy.mask import mask_log
from gongkai.privacy.findings import model_findings
from gongkai.privacy.scan import allowed_of
from gongkai.model import Agency
from gongkai.reports.annual import AnnualReport, annual_data, build_annual
from gongkai.reports.scorecard import Scorecard, build_scorecard

MEMO_VERSION = 8  # raise when DepartmentResult changes shape (the cache salt also changes with the code)


@dataclass(frozen=True)
class Totals:
    """The department's figures summed over its units."""

    items: int = 0
    published: int = 0
    checkable: int = 0
    on_time: int = 0
    missed: int = 0
    handed: int | None = None  # None: no handover ledger yet
    handed_on_time: int = 0


@dataclass
class DepartmentResult:
    """What the county view needs of one department; *problem* says why there is nothing else (a broken catalog)."""

    label: str
    folder: str
    name: str
    problem: str | None = None
    internal: bool = False  # the problem is gongkai's own bug, not the department's files
    duplicate: bool = False  # the problem is that an earlier department is the same catalog: read once, not broken
    agency: Agency | None = None
    sheets: list[table.Sheet] = field(default_factory=list)
    score: Scorecard | None = None
    annual: AnnualReport | None = None
    totals: Totals = field(default_factory=Totals)
    errors: int = 0
    warnings: int = 0
    first_errors: list[str] = field(default_factory=list)  # where its first errors are: the notes name them
    invalid_items: int = 0
    inspection: Inspection | None = None
    withheld: list[str] = field(default_factory=list)  # items left out of the review: id, file and what they hold
    annual_gap: str = ""  # why table 二's own figures are missing (no annual/<year>.yaml, or it has an error)
    fingerprint: str = ""  # the catalog's listing fingerprint (empty for a folder that is not a catalog)
    index_prefixes: list[str] = field(default_factory=list)  # the 索引号前缀 configured (or implied) and in use
    off_main: tuple[str, str] | None = None  # (checked out, main branch): figures of work not merged yet
    before_adoption: int = 0  # records of the year published before 启用日期 and registered afterwards (补录)
    pins: tuple[Pin, ...] = ()  # the gongkai its CI installs (versions.py): read beside the catalog, never remembered

    def __post_init__(self) -> None:
        # The name heads the department's rows and sheets in every workbook and on the screen: a number typed into its
        # 机关名称 (GK601/GK602) is masked, as its scorecard shows it, and does not stop the county's outputs. So are
        # the texts quoted from its files under the table, in its 年报勾稽 and 网站检查 (an ID typed as 区划代码 in a
        # broken gongkai.yaml, a wrong value in annual/<year>.yaml or inspect.yaml), as validate shows them:
        # unmasked, the scan of the written workbooks refused every department's outputs for it. The label and folder
        # (a folder named after who sent it, 「张三13812345678」) head the notes of a department that cannot be read.
        self.name, self.label, self.folder = mask_log(self.name), mask_log(self.label), mask_log(self.folder)
        self.problem = mask_log(self.problem) if self.problem else self.problem
        self.annual_gap = mask_log(self.annual_gap)
        self.first_errors = [mask_log(e) for e in self.first_errors]
        if self.annual is not None:
            self.annual = replace(self.annual, problems=[mask_log(p) for p in self.annual.problems])
        if self.inspection is not None and self.inspection.problem:  # (its findings come masked, as inspect's sheet)
            self.inspection = replace(self.inspection, problem=mask_log(self.inspection.problem))

    @property
    def broken(self) -> bool:
        return self.problem is not None


def memo_key(fingerprint: str, year: int, today: dt.date) -> str:
    """Where a department's whole result is remembered in its own catalog's cache."""
    return f"county/{MEMO_VERSION}:{fingerprint}:{year}:{today.isoformat()}"


def _listed(department: Department, use_cache: bool) -> tuple[Source, Cache, Listing] | str:
    """The catalog's source, cache and listing; or why the folder is not a catalog (or cannot be read at all: a name
    too long for the system, a folder without permission — this department's problem, not the county's)."""
    try:
        return _listing(department, use_cache)
    except OSError as exc:
        return f"无法读取「{department.folder}」（{describe_os_error(exc)}）：{advise_os_error(exc)}"


def _listing(department: Department, use_cache: bool) -> tuple[Source, Cache, Listing] | str:
    where = missing(department)
    if where:
        return where
    try:
        source, cache = open_catalog(department.folder, use_cache)
    except NotACatalogFolder as exc:  # its hint is for a command run in one catalog (gongkai validate catalog)
        return (f"「{exc.path}」不是目录文件夹：其中和其下的 catalog/ 中都没有 gongkai.yaml。请写该部门的目录文件夹"
                "（含 gongkai.yaml 的文件夹，或其上一级的目录仓库）")
    except CatalogNotFound as exc:
        return str(exc)
    return source, cache, scan(source, cache)


def probe(department: Department, use_cache: bool = True) -> str:
    """The catalog's listing fingerprint, or «!» and why there is none: enough to know whether anything changed."""
    listed = _listed(department, use_cache)
    if isinstance(listed, str):
        return "!" + listed
    history, branch = git_state(department.folder)  # checking the main branch out again must rewrite the notes
    pins = "".join(f"|{p.version}@{p.file}:{p.line}" for p in ci_pins(department.folder))  # so must a CI upgraded
    return listed[2].fingerprint + f"#{history}" + (f"@{branch[0]}>{branch[1]}" if branch else "") + pins


def git_state(folder: Path) -> tuple[str, tuple[str, str] | None]:
    """The history the inspection dates records by (HEAD and a shallow clone's cut: after `git fetch --unshallow` no
    file has changed, yet a back-dated record is proved), and (checked out, main branch) when the catalog's repository
    is not on its main branch (a clone left on a branch under review: its figures are of work not merged); ("", None)
    outside git: the folder is all there is."""
    try:
        with Repo(folder) as repo:
            return repo.history_stamp(), repo.off_main_line()
    except GitProblem:
        return "", None


def _recall(department: Department, cache: Cache, key: str) -> DepartmentResult | None:
    try:
        found = cache.memo(key)
    except Exception:  # noqa: BLE001 - a damaged or outdated cache entry is simply computed again
        return None
    if not isinstance(found, DepartmentResult):
        return None
    # Remembered by the catalog's content alone: what county.yaml says of it (label, folder, 名称) is today's.
    own = found.agency.org.name if found.agency else department.label
    return replace(found, label=department.label, folder=str(department.folder), name=department.name or own)


def read_department(department: Department, year: int, today: dt.date, use_cache: bool = True) -> DepartmentResult:
    """The department's result: from the memo when its catalog has not changed, else computed and remembered."""
    listed = _listed(department, use_cache)
    if isinstance(listed, str):
        return _broken(department, listed)
    source, cache, listing = listed
    history, branch = git_state(department.folder)
    # the files and the history: the website check's 伪造发稿日期 reads when each record was first committed
    key = memo_key(f"{listing.fingerprint}#{history}", year, today)
    found = _recall(department, cache, key)
    if found is None:
        found = replace(summarise(department, load(source, listing, cache), year, today), fingerprint=listing.fingerprint)
        cache.put_memo(key, found, replaces="county/")  # only the latest state of the catalog is worth keeping
    return replace(found, off_main=branch, pins=ci_pins(department.folder))


def read_safely(department: Department, year: int, today: dt.date, use_cache: bool = True) -> DepartmentResult:
    """read_department, with any failure kept to this department: a usage problem, or gongkai's own bug."""
    try:
        return read_department(department, year, today, use_cache)
    except UsageProblem as exc:
        return _broken(department, str(exc))
    except Exception as exc:  # noqa: BLE001 - one department's crash must not stop the county; reported as a bug
        # its kind and place only: the error's text may hold the department's records (errors.crash_summary)
        return replace(_broken(department, f"gongkai 内部错误（不是该部门文件的问题）：{crash_summary(exc)}"),
                       internal=True)


def summarise(department: Department, catalog: Catalog, year: int, today: dt.date) -> DepartmentResult:
    """Compute the department's directory, scorecard, annual tables and findings from its loaded catalog."""
    agency = catalog.agency
    if agency is None:
        return _broken(department, _agency_problem(catalog))
    report = lint(catalog, today, positions=False)  # counted, never shown: no need to find lines
    score = build_scorecard(catalog, year, today, report=report)
    sheets = table.sheets(catalog, every_file=True)
    # 事项 counts every item of the directory the review lists (one that fails validation, or whose 责任单位 is no
    # unit of gongkai.yaml, too): the units' figures leave those out, and the department's would not match its sheet.
    listed = sum(len(s.items) for s in sheets)
    withheld = _personal_items(catalog, sheets, agency)
    sheets = [replace(s, items=[i for i in s.items if i.id not in withheld]) for s in sheets]
    return DepartmentResult(
        label=department.label, folder=str(department.folder), name=department.name or agency.org.name,
        agency=agency, sheets=[s for s in sheets if s.items], score=score, annual=build_annual(catalog, year),
        withheld=list(withheld.values()), annual_gap=annual_data(catalog, year)[1],
        totals=replace(_totals(score), items=listed), errors=_count(report, Severity.ERROR),
        warnings=_count(report, Severity.WARNING), first_errors=_first_errors(catalog, report),
        invalid_items=len(table.unexported(catalog)), inspection=inspection_of(catalog, today),
        index_prefixes=index_prefixes(catalog), before_adoption=_before_adoption(catalog, year, today),
    )


def _before_adoption(catalog: Catalog, year: int, today: dt.date) -> int:
    """How many records of *year* published before gongkai was adopted are registered (补录): none means the
    department's figures of the year start on its 启用日期."""
    adopted = catalog.agency.adopted if catalog.agency else None
    return sum(1 for r in catalog.records.values()
               if adopted and r.out_by(today) and r.published and r.published.year == year and r.published < adopted)


def _personal_items(catalog: Catalog, sheets: list[table.Sheet], agency: Agency) -> dict[str, str]:
    """Items with unmasked personal data, by id: kept out of the review like any published table.

    Every item of the review is looked at, those that fail validation too (validate checks their privacy only once
    they load). One department's unmasked number must not stop the county's outputs for every other department (the
    scan of the written workbooks stays as the last defence); the 政务公开办 is told which item, where, and what.
    """
    allowed = allowed_of(agency)
    paths = {f.item_id: f.path for f in item_files(catalog)}
    found = {}
    for item in (item for sheet in sheets for item in sheet.items):
        kinds = list(dict.fromkeys(f.label for f in model_findings(item.id, item, allowed)))
        if kinds:
            found[item.id] = f"{item.id}（{paths.get(item.id, 'items/')}）：含有未遮盖的个人信息（{'、'.join(kinds)}）"
    return found


def missing(department: Department) -> str | None:
    """Why the department's folder is not there (a repository not cloned yet), or None."""
    if department.problem:
        return department.problem
    if department.folder.is_dir():
        return None
    if department.repository:
        return (f"仓库 {department.repository} 还没有克隆到「{department.folder}」："
                f"请先运行 git clone {department.repository} {department.folder}")
    if department.folder.exists():  # a file dragged onto the command line (gongkai.yaml, say): not "not found"
        owner = catalog_root_of(department.folder)
        return (f"「{department.folder}」是一个文件，不是文件夹："
                + (f"请写它所在的目录文件夹「{owner}」" if owner else "请写该部门的目录文件夹（含 gongkai.yaml 的文件夹）"))
    if department.folder.is_symlink():  # a link to a share not mounted, or to a folder moved away: the link is there
        return (f"「{department.folder}」是一个符号链接，指向的「{os.readlink(department.folder)}」不存在（网络盘没有连接，"
                "或目录已经移走）：请连接网络盘，或改正链接、改写该部门目录的实际位置后重新运行")
    return unchecked_submodule(department.folder) or f"找不到文件夹「{department.folder}」"


def _broken(department: Department, problem: str) -> DepartmentResult:
    return DepartmentResult(department.label, str(department.folder), department.name or department.label, problem)


def _agency_problem(catalog: Catalog) -> str:
    """Why gongkai.yaml could not be read, at its first problem's line and column."""
    found = sorted((d for d in catalog.load_diagnostics if d.path == "gongkai.yaml"), key=lambda d: (d.line or 0, d.column or 0))
    if not found:
        return "gongkai.yaml 无法读取"
    first = found[0]
    more = f"（共 {len(found)} 处，运行 gongkai validate 查看全部）" if len(found) > 1 else ""
    fix = f"。改正：{first.hint.rstrip('。')}" if first.hint else ""
    return f"gongkai.yaml 第{first.line}行第{first.column}列：{first.message}{fix}{more}"


def _first_errors(catalog: Catalog, report: Report, shown: int = 3) -> list[str]:
    """The department's first errors as validate shows them (file, line, column, what): the 错误 column alone told the
    政务公开办 that something was wrong, not what or where. Only these few are placed (lint counted without lines)."""
    found = report.errors[:shown]
    placed = [d if d.line else catalog.diagnostic(d.code, d.severity, d.message, Location(d.path, d.object_id, d.field),
                                                  d.hint) for d in found]
    return [f"{d.path or 'gongkai.yaml'}{f' 第{d.line}行第{d.column}列' if d.line else ''}：{d.code} {d.message}"
            for d in placed]


def _count(report: Report, severity: Severity) -> int:
    return sum(d.severity is severity for d in report.diagnostics)


def _totals(score: Scorecard) -> Totals:
    units = [*score.units, score.unplaced]  # a record of a mistyped 责任单位 is still the department's (and published)
    ledgers = score.handover_counted
    return Totals(
        items=sum(u.items for u in units), published=sum(u.published for u in units),
        checkable=sum(u.checkable for u in units), on_time=sum(u.on_time for u in units),
        missed=sum(len(u.missed) for u in units),
        handed=sum(u.handed or 0 for u in units) if ledgers else None,
        handed_on_time=sum(u.handed_on_time or 0 for u in units),
    )
