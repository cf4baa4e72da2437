"""The score sheet for people and machines: text laid out like the indicator, versioned JSON, a standalone HTML page."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jinja2

from gongkai.inspect.sheet import SCHEMA, Check, Deduction, Evidence, Figure, Sheet, Status

SECTIONS = ("一、单项否决指标", "二、扣分指标", "三、提醒（不计分）", "四、政府网站工作年度报表", "五、基层监测（可选，不计入结论）")
MAX_SHOWN = 30  # evidence lines shown per check in text; JSON, xlsx and HTML carry all of them


def number(value: float | int | None) -> str:
    """A figure as people write it: 97 rather than 97.0, — when there is none."""
    if value is None:
        return "—"
    return f"{value:g}" if isinstance(value, float) else str(value)


def headline(sheet: Sheet) -> str:
    """One line: the verdict and why."""
    failed = sheet.failed_vetoes
    unchecked = sum(v.status is Status.UNCHECKED for v in sheet.vetoes)
    # an item gongkai could not check (no git history, no --site) has not passed: the line a bureau head signs says so
    vetoes = (f"单项否决 {len(failed)} 项不通过" if failed else f"单项否决指标没有不通过的项，{unchecked} 项未检查"
              if unchecked else "单项否决指标全部通过")
    open_points = sum(d.status is Status.UNCHECKED for d in sheet.deductions)
    score = f"扣分指标得分 {number(sheet.score)} 分" + (f"（{open_points} 项未检查，未计扣分）" if open_points else "")
    return f"结论：{sheet.verdict}（{vetoes}；{score}，满分 {number(sheet.full)} 分，{number(sheet.pass_mark)} 分合格）"


def status_text(check: Check) -> str:
    """通过 / 不通过 / 未检查, with the count when something was found."""
    if check.status is Status.FAIL and check.count:
        return f"{check.status.label}（{check.count} 个）"
    if check.status is Status.PASS and check.count:
        return f"{check.status.label}（{check.count} 个，未达否决线）"
    return check.status.label


def deduction_text(item: Deduction) -> str:
    if item.status is Status.UNCHECKED:
        return "未检查"
    return f"扣 {number(item.points)} 分" + (f"，{item.count} 个" if item.count else "")


def _evidence_lines(check: Check, indent: str = "     ") -> list[str]:
    lines = [f"{indent}· {e.object_id + ' ' if e.object_id else ''}{e.text}" for e in check.evidence[:MAX_SHOWN]]
    if len(check.evidence) > MAX_SHOWN:
        lines.append(f"{indent}……另有 {len(check.evidence) - MAX_SHOWN} 项（完整清单见 --format json、xlsx 或 html）")
    if check.note:
        lines.append(f"{indent}说明：{check.note}")
    return lines


def render_text(sheet: Sheet) -> str:
    """The sheet as plain Chinese text."""
    custom = "，本目录 inspect.yaml 调整了阈值" if sheet.custom else ""
    lines = [f"{sheet.agency} 政府网站与政务新媒体检查（自查）  检查日期 {sheet.today}",
             f"依据：《{sheet.name}》（{sheet.basis}）{custom}", "", headline(sheet), "", SECTIONS[0]]
    for n, check in enumerate(sheet.vetoes, 1):
        lines += [f"  {n}. {check.indicator} — {check.point}：{status_text(check)}", f"     判定：{check.rule}"]
        lines += _evidence_lines(check)
    lines += ["", f"{SECTIONS[1]}（满分 {number(sheet.full)} 分，得分 {number(sheet.score)} 分）"]
    for n, item in enumerate(sheet.deductions, 1):
        lines += [f"  {n}. {item.indicator} — {item.point}：{deduction_text(item)}（{item.rule}）"]
        lines += _evidence_lines(item)
    lines += ["", SECTIONS[2]]
    for check in sheet.warnings:
        lines += [f"  · {check.point}：{check.count} 项" if check.count else f"  · {check.point}：无"]
        lines += _evidence_lines(check)
    lines += ["", f"{SECTIONS[3]}（{sheet.figures.year}年度；{sheet.figures.source}）"]
    lines += [f"  {f.group} — {f.label}：{number(f.value)} {f.unit}" for f in sheet.figures.rows]
    if sheet.monitoring is not None:
        lines += ["", SECTIONS[4]]
        for check in sheet.monitoring:
            lines += [f"  · {check.point}：{status_text(check)}"] + _evidence_lines(check)
    lines += [""] + [f"注：{note}" for note in sheet.notes]
    return "\n".join(lines) + "\n"


def _evidence(item: Evidence) -> dict[str, Any]:
    return {"text": item.text, "id": item.object_id, "path": item.path}


def _check(check: Check) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": check.key, "indicator": check.indicator, "point": check.point, "rule": check.rule,
        "source": check.source, "status": check.status.value, "status_label": check.status.label,
        "count": check.count, "note": check.note, "evidence": [_evidence(e) for e in check.evidence],
    }
    if isinstance(check, Deduction):
        data.update(full=check.full, points=check.points)
    return data


def _figure(row: Figure) -> dict[str, Any]:
    return {"group": row.group, "label": row.label, "value": row.value, "unit": row.unit}


def sheet_dict(sheet: Sheet) -> dict[str, Any]:
    """The sheet as plain data in the documented gongkai.inspect/1 layout."""
    return {
        "schema": SCHEMA,
        "agency": sheet.agency,
        "today": sheet.today.isoformat(),
        "indicator": {"name": sheet.name, "basis": sheet.basis, "custom": sheet.custom},
        "verdict": {"passed": sheet.passed, "label": sheet.verdict, "score": sheet.score, "full": sheet.full,
                    "pass_mark": sheet.pass_mark, "failed_vetoes": [v.key for v in sheet.failed_vetoes]},
        "vetoes": [_check(v) for v in sheet.vetoes],
        "deductions": [_check(d) for d in sheet.deductions],
        "warnings": [_check(w) for w in sheet.warnings],
        "figures": {"year": sheet.figures.year, "source": sheet.figures.source,
                    "rows": [_figure(r) for r in sheet.figures.rows]},
        "monitoring": None if sheet.monitoring is None else [_check(m) for m in sheet.monitoring],
        "notes": sheet.notes,
    }


def render_json(sheet: Sheet) -> str:
    """The sheet as JSON (gongkai.inspect/1)."""
    return json.dumps(sheet_dict(sheet), ensure_ascii=False, indent=2) + "\n"


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.PackageLoader("gongkai", "templates/reports"), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.globals.update(number=number, status_text=status_text, deduction_text=deduction_text, sections=SECTIONS)
    return env.get_template("inspect.html.j2")


def render_html(sheet: Sheet) -> str:
    """The sheet as a standalone HTML page (internal; never part of the public site)."""
    return _template().render(sheet=sheet, headline=headline(sheet))
