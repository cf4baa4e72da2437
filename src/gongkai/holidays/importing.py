"""gongkai calendar import: the State Council's notice as published becomes calendar/<year>.yaml, or nothing does.

The text may be UTF-8, GBK or UTF-16 (Windows Notepad's 「ANSI」 and 「Unicode」). Every line it cannot read, and every weekday, lunar date
or day count that contradicts its dates, is a diagnostic with the line and column in the notice file; the YAML is
written (atomically) only when the whole notice reads.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.catalog.decode import any_text, decode_raw
from gongkai.diagnostics import Diagnostic, Report, Severity
from gongkai.errors import UsageProblem
from gongkai.files_io import write_atomic
from gongkai.workdays import Notice, library_differences, notice_path, read_published
from gongkai.workdays.days import WEEKDAYS
from gongkai.workdays.published import UNREADABLE

_PLAIN = re.compile(r"^[^\s:#\[\]{},&*!|>'\"%@`-][^:#\[\]{}]*$")


@dataclass
class NoticeImport:
    """The outcome of one import: the notice read (or None), the problems, where it was written."""

    source: str  # the notice file as the user named it
    text: str | None  # the decoded notice, for showing the lines problems point at
    notice: Notice | None = None
    arrangements: tuple[str, ...] = ()  # the notice's numbered lines, kept as comments in the YAML
    report: Report = field(default_factory=lambda: Report(files_checked=1))
    target: Path | None = None
    differences: list[dt.date] = field(default_factory=list)  # days chinesecalendar counts otherwise
    unchanged: bool = False  # the catalog already held exactly this notice

    def line(self, path: str, number: int) -> str | None:
        """Line *number* of the notice text (for the report renderer)."""
        lines = (self.text or "").splitlines()
        return lines[number - 1] if path == self.source and 0 < number <= len(lines) else None


def decode_notice(data: bytes) -> tuple[str | None, tuple[int, int]]:
    """The notice as text, in whatever Notepad saved it as (UTF-8 with or without BOM, GBK/GB18030, UTF-16 or UTF-32
    — 「Unicode」 — with or without BOM: catalog.decode reads them all); else None and the first bad byte's place. A
    notice is many lines: bytes that read as UTF-16 without a line break are no notice."""
    text, converted = any_text(data)
    if text is not None and (not (converted or "").startswith("UTF-") or "\n" in text):
        return text.replace("\r\n", "\n").replace("\r", "\n"), (0, 0)
    problem = decode_raw(data)[1]
    if problem is None or problem.code == "GK010":  # a wide encoding that did not read: its start
        return None, (1, 1)
    return None, (problem.line, problem.column)


def read_notice(data: bytes, source: str, year: int | None = None) -> NoticeImport:
    """Read a notice file without writing anything."""
    text, (line, column) = decode_notice(data)
    result = NoticeImport(source, text)
    if text is None:
        result.report.add(Diagnostic(UNREADABLE, Severity.ERROR, "文件不是 UTF-8 或 GBK 编码的文本", source, line, column,
                                     hint="用记事本打开通知文件，「另存为」时编码选 UTF-8（ANSI、Unicode 也都可以读）；或重新从中国政府网复制通知原文"))
        return result
    published = read_published(text, year)
    for problem in published.problems:
        result.report.add(Diagnostic(problem.code, Severity.ERROR, problem.message, source, problem.line,
                                     problem.column, hint=problem.hint))
    result.notice, result.arrangements = published.notice, published.arrangements
    if published.notice is not None:
        result.differences = library_differences(published.notice)
    return result


def import_notice(root: Path, data: bytes, source: str, year: int | None = None, force: bool = False) -> NoticeImport:
    """Read a notice and, when it reads in full, write it to the catalog's calendar/<year>.yaml."""
    result = read_notice(data, source, year)
    if result.notice is None:
        return result
    target = root / notice_path(result.notice.year)
    text = notice_yaml(result.notice, result.arrangements)
    if target.exists():
        if target.read_text(encoding="utf-8", errors="replace") == text:
            result.target, result.unchanged = target, True
            return result
        if not force:
            raise UsageProblem(f"{notice_path(result.notice.year)} 已存在，内容与这份通知不同。"
                               "核对后加 --force 用这份通知覆盖它。")
    write_atomic(target, text)
    result.target = target
    return result


def _scalar(value: str) -> str:
    return value if _PLAIN.match(value) else json.dumps(value, ensure_ascii=False)


def notice_yaml(notice: Notice, arrangements: tuple[str, ...] = ()) -> str:
    """calendar/<year>.yaml for *notice*, citing it, with the notice's own lines kept as comments."""
    cited = "，".join(part for part in (notice.number, f"{notice.issued} 发布" if notice.issued else None) if part)
    lines = [f"# {notice.title}" + (f"（{cited}）" if cited else ""),
             "# 由 gongkai calendar import 从通知原文录入；通知原文：",
             *(f"#   {line}" for line in arrangements),
             f"年度: {notice.year}", f"通知: {_scalar(notice.title)}"]
    if notice.number:
        lines.append(f"文号: {_scalar(notice.number)}")
    if notice.issued:
        lines.append(f"发布日期: {notice.issued.isoformat()}")
    lines.append("放假:")
    for holiday in notice.holidays:
        lines += [f"  - 名称: {_scalar(holiday.name)}", f"    开始: {holiday.start.isoformat()}",
                  f"    结束: {holiday.end.isoformat()}"]
    lines.append("调休上班:" if notice.makeup else "调休上班: []")
    lines += [f"  - {day.isoformat()}  # {WEEKDAYS[day.weekday()]}" for day in notice.makeup]
    return "\n".join(lines) + "\n"
