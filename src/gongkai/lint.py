"""Run every rule over a loaded catalog and collect one Report, severities adjusted per gongkai.yaml."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from gongkai.catalog import Catalog
from gongkai.diagnostics import Diagnostic, Location, Report, Severity
from gongkai.privacy import scan_ahead
from gongkai.rules import REGISTRY, Context, Finding, Rule


def lint(catalog: Catalog, today: dt.date, positions: bool = True) -> Report:
    """All diagnostics of *catalog*: what the loader found plus every rule's findings.

    Without *positions*, rule findings name their file but no line or column: finding a line re-reads the file with
    positions, which a caller that only counts findings (the county view) need not pay for.
    """
    report = Report(files_checked=len(catalog.files))
    report.extend(catalog.load_diagnostics)
    scan_ahead(catalog)  # the privacy scan (GK601–GK612) runs in workers while the rules before them run here
    context = Context(catalog, today)
    for rule in checking_rules():
        assert rule.check is not None
        for finding in rule.check(context):
            report.add(place(catalog, rule, finding) if positions else
                       _unplaced(catalog, rule.code, rule.severity, finding))
    return apply_overrides(report, catalog)


def checking_rules() -> list[Rule]:
    """Every rule with a check, in the order lint runs them: registry order, GK805 (runs_last) at the end."""
    return [r for r in sorted(REGISTRY.values(), key=lambda r: r.runs_last) if r.check is not None]


def place(catalog: Catalog, rule: Rule, finding: Finding) -> Diagnostic:
    """The diagnostic for *finding*, with file, line and column."""
    found = catalog.diagnostic(rule.code, rule.severity, finding.message, finding.location,
                               finding.hint, finding.prefer_key)
    if finding.line_offset and found.line is not None:
        found = replace(found, line=found.line + finding.line_offset, column=1)
    return found


def _unplaced(catalog: Catalog, code: str, severity: Severity, finding: Finding) -> Diagnostic:
    location = finding.location
    path = location.path or (catalog.path_of("item", location.object_id or "")
                             or catalog.path_of("record", location.object_id or ""))
    return Diagnostic(code, severity, finding.message, path, None, None, location.object_id, finding.hint, location.field)


def _no_such_rule(catalog: Catalog, code: str) -> Diagnostic:
    """「GK999: off」 in 检查 → 严重程度: a code no rule has, which silently changed nothing (a typo of the code meant).
    A warning: the line harms nothing by itself, and CI must not turn red over it after an upgrade."""
    where = Location("gongkai.yaml", None, ("检查", "严重程度", code))
    meant = f"GK{code.strip()}"  # 「101: off」: the number without its GK
    guess = f"是否想写「{meant}」？" if meant in REGISTRY else ""
    return catalog.diagnostic("GK104", Severity.WARNING, f"「{code.strip()}」不是规则编号，这一行不起作用", where,
                              f"{guess}改成要调整的规则的编号（GK 加三位数字，如 GK902），运行 gongkai rules 查看全部规则编号；"
                              "不需要的，删去这一行。", prefer_key=True)


def apply_overrides(report: Report, catalog: Catalog) -> Report:
    """Severity per code as set in gongkai.yaml (检查 → 严重程度); "off" drops the code."""
    written = catalog.agency.lint.severity if catalog.agency else {}
    if not written:
        return report
    overrides = {code.strip().upper(): wanted for code, wanted in written.items()}  # 「gk902」 is GK902
    kept = [_no_such_rule(catalog, code) for code in written if code.strip().upper() not in REGISTRY]
    for item in report.diagnostics:
        wanted = overrides.get(item.code)
        if wanted == "off":
            continue
        kept.append(item.with_severity(Severity(wanted)) if wanted else item)
    return Report(kept, report.files_checked)
