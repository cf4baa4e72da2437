"""gongkai calendar import: type in the State Council's holiday notice as published."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from gongkai.catalog import find_root
from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, app, err, out
from gongkai.cli.options import CatalogOpt
from gongkai.errors import UsageProblem
from gongkai.holidays.importing import NoticeImport, import_notice
from gongkai.locking import catalog_lock
from gongkai.output import render_text
from gongkai.workdays import LIBRARY, Notice, makeup_shortfall, notice_path
from gongkai.workdays.days import WEEKDAYS
from gongkai.workdays.notice import NOTICE_YEARS

calendar_app = typer.Typer(help="节假日安排：把国务院办公厅的节假日安排通知录入目录的 calendar/<年份>.yaml。",
                           no_args_is_help=True)
app.add_typer(calendar_app, name="calendar")


def _read(file: Path) -> tuple[bytes, str]:
    if str(file) == "-":
        return sys.stdin.buffer.read(), "（标准输入）"
    if not file.is_file():
        raise UsageProblem(f"找不到通知文件「{file}」：把中国政府网上的通知原文复制到一个文本文件，再写它的路径。")
    return file.read_bytes(), str(file)


@calendar_app.command("import")
def import_command(
    file: Annotated[Path, typer.Argument(metavar="通知文件", help="通知原文的文本文件（UTF-8、GBK 或 UTF-16，记事本的各种编码都可以）；写 - 则从标准输入读", show_default=False)],
    year: Annotated[int | None, typer.Option("--year", help="通知的年份；原文没有标题时必须写，有标题时须与标题一致",
                                             min=NOTICE_YEARS.start, max=NOTICE_YEARS.stop - 1, show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help="calendar/<年份>.yaml 已存在且内容不同时，用这份通知覆盖它")] = False,
    catalog: CatalogOpt = Path("."),
) -> int:
    """读取国务院办公厅关于某年部分节假日安排的通知原文，核对星期、农历和天数，写入 calendar/<年份>.yaml。

    例：gongkai calendar import 2027年节假日通知.txt
    整份通知读懂才写入；读不懂的行给出行号和列号，退出码 1。
    """
    root = find_root(catalog)
    data, name = _read(file)
    with catalog_lock(root, "gongkai calendar import"):  # two notices of a year at once: the later is refused
        result = import_notice(root, data, name, year, force)
    if result.notice is None:
        out.print(render_text(result.report, result.line), end="", markup=False)
        err.print(f"没有写入任何文件：整份通知读懂了才写入 {notice_path(year) if year else 'calendar/<年份>.yaml'}。",
                  markup=False)
        return EXIT_FINDINGS
    _show(result.notice)
    _written(result)
    return EXIT_OK


def _show(notice: Notice) -> None:
    cited = "，".join(p for p in (notice.number, f"{notice.issued} 发布" if notice.issued else None) if p)
    out.print(f"已读取：{notice.title}" + (f"（{cited}）" if cited else ""), markup=False)
    for holiday in notice.holidays:
        days = (holiday.end - holiday.start).days + 1
        span = _day(holiday.start) + ("" if days == 1 else f" 至 {_day(holiday.end)}")
        out.print(f"  放假  {holiday.name}：{span}，{days}天", markup=False)
    if notice.makeup:
        out.print("  上班  " + "、".join(_day(day) for day in notice.makeup), markup=False)


def _day(day: dt.date) -> str:
    return f"{day.isoformat()}（{WEEKDAYS[day.weekday()]}）"


def _written(result: NoticeImport) -> None:
    assert result.notice is not None and result.target is not None
    path = notice_path(result.notice.year)
    if result.unchanged:
        out.print(f"{path} 已是这份通知的内容，没有改动。", markup=False)
    else:
        out.print(f"已写入 {path}。请运行 gongkai validate 检查。", markup=False)
    if result.differences:
        shown = "、".join(day.isoformat() for day in result.differences[:10])
        years = "、".join(f"{year}年" for year in sorted({day.year for day in result.differences}))
        err.print(f"注意：这份通知与 {LIBRARY} 收录的{years}安排有 {len(result.differences)} 天不同"
                  f"（{shown}{'……' if len(result.differences) > 10 else ''}）；以通知原文为准，请再核对一遍。", markup=False)
    if (short := makeup_shortfall(result.notice)) is not None:
        err.print(f"注意：各节日多放了{short[0]}个工作日（法定节假日和周末补假以外），读到的调休上班日却只有{short[1]}天："
                  "核对通知原文每个节日后面的「……上班」是否都粘贴进来了（gongkai validate 的 GK807 也会提醒）。", markup=False)
