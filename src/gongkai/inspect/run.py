"""gongkai inspect: every indicator of the yearly inspection over one catalog on one day, as one score sheet."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from gongkai.catalog import Catalog
from gongkai.inspect.budget import check_budget
from gongkai.inspect.columns import check_bursts, check_columns, check_law_categories
from gongkai.inspect.context import Inspection
from gongkai.inspect.dates import check_dates
from gongkai.inspect.guides import check_guides
from gongkai.inspect.interaction import check_interaction
from gongkai.inspect.interpretation import check_interpretation, check_interpretation_timing
from gongkai.inspect.links import check_links
from gongkai.inspect.monitoring import check_monitoring
from gongkai.inspect.request_guide import check_request_guide
from gongkai.inspect.sheet import Sheet
from gongkai.inspect.thresholds import load_thresholds
from gongkai.inspect.validity import check_validity
from gongkai.inspect.wording import check_wording
from gongkai.inspect.yearly import check_annual_report, check_report_tables, check_report_years, website_figures
from gongkai.privacy.mask import mask_log


def inspect_catalog(catalog: Catalog, today: dt.date, site: Path | None = None,
                    monitoring: bool | None = None) -> Sheet:
    """The score sheet of *catalog* as published on *today* (the built *site* checked for links when given).

    *monitoring* turns the 基层 profile on or off; None leaves it as the thresholds say (基层监测 → 启用).
    Raises UsageProblem when the catalog's inspect.yaml is wrong.
    """
    thresholds, custom = load_thresholds(catalog)
    run = Inspection(catalog, today, thresholds, site)
    service, guides = check_guides(run)
    links, attachments, review = check_links(run)
    vetoes = [*check_columns(run), check_interaction(run), service, check_dates(run), check_wording(run)]
    enabled = thresholds.monitoring.enabled if monitoring is None else monitoring
    sheet = Sheet(catalog.name, today, thresholds.name, thresholds.basis, custom, thresholds.full,
                  thresholds.pass_mark, vetoes, [links, attachments, check_interpretation(run), guides,
                                                  check_annual_report(run)],
                  [check_bursts(run), review, check_report_years(run), check_report_tables(run),
                   check_law_categories(run), check_request_guide(run),
                   check_validity(run), check_interpretation_timing(run), check_budget(run)], website_figures(run),
                  check_monitoring(run) if enabled else None)
    sheet.notes = _notes(run) + ([links.note] if site is not None and links.note else [])  # the site folder is old
    return masked(sheet)


def masked(sheet: Sheet) -> Sheet:
    """*sheet* with every personal number or name the detectors find masked in what it says: a consultation's 主题 or
    a title may hold a phone number, and the sheet goes to files (-o), CI logs and the county's workbook alike. The
    agency's name heads every format and the evidence names files: masked as well (a number typed into 机关名称, GK601,
    went out in full in the sheet's html and xlsx, which the console's masking never sees)."""
    sheet.agency, sheet.name, sheet.basis = mask_log(sheet.agency), mask_log(sheet.name), mask_log(sheet.basis)
    for check in [*sheet.vetoes, *sheet.deductions, *sheet.warnings, *(sheet.monitoring or [])]:
        check.evidence = [replace(e, text=mask_log(e.text), path=mask_log(e.path) if e.path else e.path)
                          for e in check.evidence]
        check.note = mask_log(check.note) if check.note else check.note
    sheet.notes = [mask_log(n) for n in sheet.notes]
    return sheet


def _notes(run: Inspection) -> list[str]:
    """What the reader should know about what was judged."""
    notes = [f"按 {run.today} 网站上的内容检查：只看通过公开把关、发布到政府网站的 {len(run.web)} 条信息。"]
    if run.gate.blocked:
        notes.append(f"公开把关拦下 {len(run.gate.blocked)} 条含未遮盖个人信息的信息（未发布，不计入）："
                     "运行 gongkai validate 查看并处理。")
    if run.gate.unsafe:
        notes.append(f"公开把关因附件不能公开（缺失、不在 files/ 中、格式或内容不符）拦下 {len(run.gate.unsafe)} 条信息（未发布，栏目里看不到）："
                     "运行 gongkai validate 查看并处理。")
    if run.gate.held:
        notes.append(f"公开把关因未经保密审查（或结论没有同意公开）、编号重复拦下 {len(run.gate.held)} 条主动公开的信息（未发布，栏目里看不到）："
                     "运行 gongkai validate 查看并处理。")
    if run.catalog.agency is None:
        notes.append("gongkai.yaml 有错误，乡镇页面、领导信息和咨询渠道无法检查：先运行 gongkai validate 修正。")
    return notes
