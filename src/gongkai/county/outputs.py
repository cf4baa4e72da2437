"""What the 县政务公开办 gets: the scorecard across departments, the review workbook, the annual roll-up."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from contextlib import suppress
from pathlib import Path
from typing import Any

from gongkai.county.department import DepartmentResult
from gongkai.county.review import CountyView
from gongkai.county.rollup import Rollup, department_check, roll_up
from gongkai.county.versions import version_note
from gongkai.files_io import write_all, write_atomic
from gongkai.interchange.xlsx import export_departments_xlsx
from gongkai.portal.write import refuse_outputs
from gongkai.privacy.mask import mask_log
from gongkai.privacy.scan import allowed_of
from gongkai.processes import interrupts_deferred
from gongkai.reports.annual import unfilled_figures, year_not_over
from gongkai.reports.render import fraction, scorecard_rows, unrecorded_note
from gongkai.reports.xlsx import annual_workbook, table_workbook

HEADERS: tuple[str, ...] = ("部门", "事项", "公开信息", "按时公开率", "定期事项漏报", "按时移交率", "错误", "警告",
                            "网站检查", "年报勾稽")
UNIT_HEADERS: tuple[str, ...] = ("部门", "单位", "类型", "负责事项", "公开信息", "按时公开率", "定期事项漏报", "按时移交率",
                                 "错误", "警告")
STAMP = ".gongkai-county.json"
NOT_INSPECTED = "未检查"
UNREADABLE = "无法读取（见表下说明）"
REPEATED = "重复，只统计一次（见表下说明）"
SCHEMA = "gongkai.county/1"


def score_row(result: DepartmentResult) -> list[str]:
    """One department's row in the order of HEADERS; a broken catalog says so (the reason is in the notes)."""
    if result.broken:
        return [result.name, REPEATED if result.duplicate else UNREADABLE, *([""] * (len(HEADERS) - 2))]
    t = result.totals
    provisional = bool(result.score and result.score.provisional)
    annual = result.annual
    balance = department_check(annual) if annual else "—"
    return [result.name, str(t.items), str(t.published), fraction(t.on_time, t.checkable, provisional), str(t.missed),
            _handover_cell(result, provisional),
            str(result.errors), str(result.warnings),
            result.inspection.text if result.inspection else NOT_INSPECTED, balance]


def _handover_cell(result: DepartmentResult, provisional: bool) -> str:
    """按时移交率, and the handover days passed with no batch (since the last ledger, or since 启用日期 when there is
    none): said there, not hidden behind 无台账 or a clean rate."""
    t = result.totals
    if t.handed is None:
        return "—（无台账）"
    rate = fraction(t.handed_on_time, t.handed, provisional)
    unrecorded = len(result.score.unrecorded) if result.score else 0
    return f"{'' if rate == '—' else rate + '；'}{unrecorded}个移交日没有台账" if unrecorded else rate


def _unfilled(result: DepartmentResult, year: int) -> str:
    """The figures of table 二 the department's annual/<year>.yaml leaves out, summed as 0 (empty when none is)."""
    data = result.annual.data if result.annual is not None else None
    unfilled = unfilled_figures(data) if data is not None else []
    return f"annual/{year}.yaml 没有写{''.join(f'「{name}」' for name in unfilled)}" if unfilled else ""


def notes(view: CountyView) -> list[str]:
    """What a reader of the county scorecard must know: unreadable catalogs and why, what is not counted yet."""
    # A catalog written twice is one department, read once: neither a second department nor an unreadable one.
    again = f"；另有 {len(view.repeated)} 项与前面的部门是同一个目录" if view.repeated else ""
    found = [f"共 {len(view.departments) - len(view.repeated)} 个部门，{len(view.unreadable)} 个无法读取{again}。"]
    found += [f"{'重复' if d.duplicate else '无法读取'} {d.label}：{d.problem}" for d in view.broken]
    found += [f"审核表未列出 {d.name} 的事项 {w}。请该部门按 gongkai validate 所示遮盖后重新运行"
              for d in view.readable for w in d.withheld]
    found += _invalid(view)
    found += [f"年度报告：{d.name} {d.inspection.annual_late}"
              for d in view.readable if d.inspection and d.inspection.annual_late]
    found += [f"移交两馆：{d.name} {note}" for d in view.readable if d.score and (note := unrecorded_note(d.score))]
    found += _adopted_late(view)
    found += _shared_names(view) + _shared_prefixes(view) + _other_counties(view) + _off_main(view)
    # (an unreadable one too: a gongkai.yaml with a field this gongkai does not know may be a newer gongkai's)
    found += [note for d in view.departments if (note := version_note(view.told_apart(d), d.pins))]
    found += [f"年度报告数据：{d.name} {d.annual_gap}，表二的规章、行政许可、行政处罚、行政强制和行政事业性收费按 0 汇总："
              + (f"请该部门填写 catalog/annual/{view.year}.yaml（见 README「年度报告数据」）" if d.annual_gap.startswith("没有")
                 else "请该部门改正（gongkai validate 列出）")
              for d in view.readable if d.annual_gap]
    found += [f"年度报告数据：{d.name} {gap}，表二的这几项按 0 汇总：请该部门填上{view.year}年的数字（没有的，写 0）"
              for d in view.readable if (gap := _unfilled(d, view.year))]
    unfinished = year_not_over(view.year, view.today)
    if view.readable and unfinished:  # the annual roll-up of the year under way: run with --year <last year> in January
        found.append(f"年度报告汇总：{unfinished}（汇总上一年度的报告请加 --year {view.year - 1}）")
    if view.readable:
        found.append("网站检查：按 gongkai inspect（国办秘函〔2019〕19号指标）检查各部门目录当天的内容；"
                      "县里没有各部门生成的网站，错链、断链和附件下载未检查，不扣分。")
    return found


def _invalid(view: CountyView) -> list[str]:
    """Departments whose catalog fails validation, and where: counted all the same (their items are in the review as
    far as they can be read), but the figures are of a catalog its own CI refuses."""
    return [f"校验错误：{view.told_apart(d)} 的目录有 {d.errors} 个错误（gongkai validate 不通过），"
            f"{'如 ' if d.errors > len(d.first_errors) else ''}{'；'.join(d.first_errors)}。"
            f"各表照常统计，但数字可能不准：请该部门运行 gongkai validate 查看全部并改正后重新运行"
            for d in view.readable if d.errors]


def _adopted_late(view: CountyView) -> list[str]:
    """Departments that adopted gongkai after the year began and registered nothing published before (补录): their
    公开信息 of the year starts on the day they adopted it — not a bureau that published nothing all year."""
    return [f"启用日期：{view.told_apart(d)} {adopted.isoformat()} 才启用 gongkai，{view.year}年启用前公开的信息一条也没有"
            "登记：该部门的「公开信息」「按时公开率」只算启用以后的，不是全年的。请该部门把启用前已公开的信息补登"
            "（gongkai new record，写「补录」）后重新运行"
            for d in view.readable if d.agency and (adopted := d.agency.adopted) and adopted > dt.date(view.year, 1, 1)
            and not d.before_adoption]


def _shared_names(view: CountyView) -> list[str]:
    """Departments under one 机关名称: two clones of one catalog (every figure counted twice), or a naming slip."""
    by_name: dict[str, list[str]] = {}
    for number, d in enumerate(view.departments, start=1):
        if not d.broken:
            by_name.setdefault(d.name, []).append(f"第{number}个部门（{d.label}）")
    return [f"机关名称「{name}」：{'、'.join(places)} 相同。若是同一个部门的几份目录，请只写一份（否则各表都算了几次）；"
            "若确是不同的部门，请改正 gongkai.yaml 的「机关: 名称」（或在 county.yaml 中写「名称」）"
            for name, places in by_name.items() if len(places) > 1]


def _shared_prefixes(view: CountyView) -> list[str]:
    """Departments whose 索引号 would collide: 索引号 are unique per agency, so two agencies need two prefixes."""
    by_prefix: dict[str, list[str]] = {}
    for d in view.readable:  # a prefix not written in gongkai.yaml counts too: new record numbers with <区划代码>-MZ
        for prefix in d.index_prefixes:
            by_prefix.setdefault(prefix, []).append(d.name)
    return [f"索引号前缀「{prefix}」：{'、'.join(names)} 用的是同一个前缀，索引号会重号："
            "请改正其中一个 gongkai.yaml 的「检查: 索引号前缀」和「索引号格式」"
            for prefix, names in by_prefix.items() if len(names) > 1]


def _other_counties(view: CountyView) -> list[str]:
    """Departments of another county than most (a 区划代码's first 6 digits): a folder listed by mistake, or a code
    mistyped in gongkai.yaml; either way the county's totals are not the county's. Counted all the same."""
    codes = {id(d): d.agency.org.division_code[:6] for d in view.readable if d.agency}
    if len(set(codes.values())) < 2:
        return []
    # the county is the code most departments have; on a tie, the first department's (most_common keeps that order)
    county = Counter(codes.values()).most_common(1)[0][0]
    return [f"区划代码：{view.told_apart(d)} 的区划代码 {d.agency.org.division_code} 不属于其他部门所在的县（{county}）。"
            "若列错了目录，请从 county.yaml（或命令行）中去掉；若确属本县，请改正该部门 gongkai.yaml 的「机关: 区划代码」"
            for d in view.readable if d.agency and codes[id(d)] != county]


def _off_main(view: CountyView) -> list[str]:
    """Departments whose repository has a branch under review checked out: its figures are not what is published."""
    return [f"分支：{view.told_apart(d)} 的目录仓库（{d.label}）检出的是「{d.off_main[0]}」，不是主分支「{d.off_main[1]}」："
            f"统计的是尚未合入主分支的内容。请在该仓库运行 git checkout {d.off_main[1]}（再 git pull）后重新运行"
            for d in view.readable if d.off_main]


def summary(view: CountyView, rollup: Rollup) -> dict[str, Any]:
    """The county view as plain data (schema gongkai.county/1): what the screen shows, and the json output."""
    rows = [score_row(d) for d in view.departments]
    departments = []
    for d, row in zip(view.departments, rows):
        entry: dict[str, Any] = {"label": d.label, "folder": d.folder, "name": d.name, "ok": not d.broken}
        if d.broken:
            entry.update(problem=d.problem, internal=d.internal)
        else:
            entry.update(dict(zip(HEADERS[1:], row[1:])), totals=d.totals.__dict__, withheld=d.withheld,
                         first_errors=d.first_errors)
        departments.append(entry)
    return {"schema": SCHEMA, "year": view.year, "today": view.today.isoformat(), "departments": departments,
            "annual_balanced": rollup.balanced, "annual_checks": dict(rollup.checks),
            "annual_missing": rollup.missing_data,
            "table": {"headers": list(HEADERS), "rows": rows, "notes": notes(view)}}


def output_paths(folder: Path, year: int) -> list[Path]:
    return [folder / f"{stem}-{year}.xlsx" for stem in ("scorecard", "review", "annual")]


def previous(folder: Path, year: int, key: str) -> dict[str, Any] | None:
    """The summary of the last run when it was made from the very same inputs and its workbooks are all there."""
    try:
        stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(stamp, dict) or stamp.get("key") != key or not all(p.is_file() for p in output_paths(folder, year)):
        return None
    found = stamp.get("summary")
    return found if isinstance(found, dict) and found.get("schema") == SCHEMA else None


def write_outputs(view: CountyView, folder: Path, title: str, key: str) -> dict[str, Any]:
    """The three workbooks in *folder*, then the stamp that lets the next run with the same *key* skip them all.

    Nothing is written when no department could be read: empty workbooks would replace the last ones that had data.
    The *title* (county.yaml's 名称) heads every workbook: a number typed there is masked, as a department's name is,
    before the year is written after it (unmasked, the scan refused every department's workbooks for it).
    """
    title = mask_log(title)
    rollup = roll_up(view, f"{title}（{len(view.readable)}个部门汇总）")
    made = summary(view, rollup)
    if not view.readable:  # every folder wrong (run from another folder, say): the last good workbooks are kept
        return made
    paths = output_paths(folder, view.year)
    missing = [(view.told_apart(d), f"{d.annual_gap}：表二的规章、行政许可、行政处罚、行政强制、收费按 0 汇总")
               for d in view.readable if d.annual_gap]
    missing += [(view.told_apart(d), f"{gap}：表二的这几项按 0 汇总")
                for d in view.readable if (gap := _unfilled(d, view.year))]
    contents = [_scorecard(view, title), _review(view), annual_workbook(rollup.report, rollup.checks, missing)]
    # The review holds every department's directory: scanned as every published table is, before anything is written.
    allowed = frozenset().union(*(allowed_of(d.agency) for d in view.readable))
    refuse_outputs({path.name: data for path, data in zip(paths, contents)}, allowed)
    # The three workbooks or none: each was renamed in as it was written, so a read-only or locked workbook, a full
    # disk or a Ctrl+C left new beside old ones under the old stamp, and a run on those earlier inputs then found its
    # stamp and kept the mix. The stamp goes first and comes back last: a run stopped at any point runs again.
    with suppress(FileNotFoundError, NotADirectoryError):  # no folder yet, or a file in its place (named below)
        (folder / STAMP).unlink()
    write_all(dict(zip(paths, contents)), guard=interrupts_deferred)
    write_atomic(folder / STAMP, json.dumps({"key": key, "summary": made}, ensure_ascii=False, indent=1) + "\n")
    return made


def _scorecard(view: CountyView, title: str) -> bytes:
    units = [_counts([d.name, *row]) for d in view.readable if d.score for row in scorecard_rows(d.score)]
    rows = [_counts(score_row(d)) for d in view.departments]
    sheets = [("部门考核", HEADERS, rows, notes(view)), ("各单位", UNIT_HEADERS, units, [])]
    return table_workbook(f"{title}{view.year}年政务公开考核表（截至{view.today}）", sheets)


def _counts(row: list[str]) -> list[object]:
    """Counts as numbers, so that the 政务公开办 can sum and sort them in Excel; the rest stays text."""
    return [int(cell) if cell.isascii() and cell.isdigit() else cell for cell in row]


def _review(view: CountyView) -> bytes:
    return export_departments_xlsx([(d.name, d.agency, d.sheets) for d in view.readable])
