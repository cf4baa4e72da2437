"""Human text: grouped by file, each finding with its line of the file and a caret under the column."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from itertools import groupby

from gongkai.diagnostics import Diagnostic, Report, Severity
from gongkai.privacy.findings import CODES
from gongkai.privacy.mask import mask_excerpt, mask_log

_PERSONAL_DATA = frozenset(CODES.values())  # the rules of personal data (GK601–GK604)

LineReader = Callable[[str, int], str | None]
_SHOWN = 100  # characters of a long line shown under a finding, around its column


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _excerpt(item: Diagnostic, read_line: LineReader) -> list[str]:
    if item.path is None or item.line is None:
        return []
    source = read_line(item.path, item.line)
    if source is None:
        return []
    if item.code in _PERSONAL_DATA:  # (the part of a number on this line, when it goes on over the next)
        source = mask_excerpt(source, address=item.code == CODES["address"])
    gutter = f"{item.line:>5} | "
    column = max((item.column or 1) - 1, 0)
    if len(source) > _SHOWN:  # a line of a megabyte (a pasted table, 10,000 brackets): the part around the column
        start = max(min(column - _SHOWN // 2, len(source) - _SHOWN), 0)
        head, tail = ("…" if start else ""), ("…" if start + _SHOWN < len(source) else "")
        source = head + source[start:start + _SHOWN] + tail
        column = column - start + len(head)
    caret = " " * (len(gutter) - 2) + "| " + " " * _width(source[:column]) + "^"
    return [gutter + source.replace("\t", " "), caret]


def _one(item: Diagnostic, read_line: LineReader) -> list[str]:
    where = f"{item.line}:{item.column or 1}" if item.line else "-"
    about = f"［{item.object_id}］" if item.object_id else ""
    lines = [f"  {where} {item.severity.label} {item.code} {item.message}{about}"]
    lines += ["    " + line for line in _excerpt(item, read_line)]
    if item.hint:
        lines.append(f"    改正：{item.hint}")
    return lines


def summary(report: Report) -> str:
    """One line: files checked and counts per severity."""
    errors, warnings, infos = (report.count(s) for s in Severity)
    if not report.diagnostics:
        return f"检查了 {report.files_checked} 个文件，没有发现问题。"
    return f"检查了 {report.files_checked} 个文件：{errors} 个错误，{warnings} 个警告，{infos} 个提示。"


def render_text(report: Report, read_line: LineReader) -> str:
    """The report as text for people, grouped by file."""
    out: list[str] = []
    if report.diagnostics and (names := getattr(read_line, "names", None)) is not None:  # (excerpt.SourceLines)
        from gongkai.output.names import unnamed

        report = unnamed(report, names)
    for path, group in groupby(report.sorted(), key=lambda d: d.path or ""):
        out.append(path or "（整个目录）")
        for item in group:
            out.extend(_one(item, read_line))
        out.append("")
    out.append(summary(report))
    return mask_log("\n".join(out) + "\n")
