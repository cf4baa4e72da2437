"""Run every rule over a loaded catalog and collect one Report, severities adjusted per gongkai.yaml."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from gongkai.catalog import Catalog
from gongkai.diagnostics import Diagnostic, Report, Severity
from gongkai.rules import REGISTRY, Context
from gongkai.rules.base import Finding, Rule
from gongkai.workdays import CalendarMissing


def lint(catalog: Catalog, today: dt.date) -> Report:
    """All diagnostics of *catalog*: what the loader found plus every rule's findings."""
    report = Report(files_checked=len(catalog.files))
    report.extend(catalog.load_diagnostics)
    context = Context(catalog, today)
    for rule in REGISTRY.values():
        if rule.check is None:
            continue
        try:
            for finding in rule.check(context):
                report.add(_placed(catalog, rule, finding))
        except CalendarMissing as exc:  # a date beyond the known holiday notices: say so, check the rest
            report.add(Diagnostic(rule.code, Severity.WARNING, f"「{rule.title}」没有检查完：{exc}",
                                  hint="录入该年的节假日安排后再检查。"))
    return apply_overrides(report, catalog)


def _placed(catalog: Catalog, rule: Rule, finding: Finding) -> Diagnostic:
    found = catalog.diagnostic(rule.code, rule.severity, finding.message, finding.location, finding.hint,
                               finding.prefer_key)
    if finding.line_offset and found.line is not None:
        found = replace(found, line=found.line + finding.line_offset, column=1)
    return found


def apply_overrides(report: Report, catalog: Catalog) -> Report:
    """Severity per code as set in gongkai.yaml (检查 → 严重程度); "off" drops the code."""
    overrides = catalog.agency.lint.severity if catalog.agency else {}
    if not overrides:
        return report
    kept: list[Diagnostic] = []
    for item in report.diagnostics:
        wanted = overrides.get(item.code)
        if wanted == "off":
            continue
        kept.append(item.with_severity(Severity(wanted)) if wanted else item)
    return Report(kept, report.files_checked)
