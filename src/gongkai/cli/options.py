"""Options shared by several commands."""

from __future__ import annotations

import datetime as dt
import glob
import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from gongkai.days import BEIJING, YEARS, DayError, read_day
from gongkai.errors import UsageProblem, quote_slip
from gongkai.files_io import refuse_inside_repository

if TYPE_CHECKING:
    from gongkai.catalog import Catalog

CatalogArg = Annotated[
    Path, typer.Argument(metavar="目录文件夹", help="目录文件夹（含 gongkai.yaml），默认为当前文件夹或其下的 catalog/", show_default=False)
]
CatalogOpt = Annotated[
    Path, typer.Option("--catalog", "-C", help="目录文件夹（含 gongkai.yaml），默认为当前文件夹或其下的 catalog/")
]
TodayOpt = Annotated[
    str | None,
    typer.Option("--today", help="按哪一天检查（YYYY-MM-DD），默认今天；也可用环境变量 GONGKAI_TODAY", show_default=False),
]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="不使用缓存，重新读取全部文件")]


def today(value: str | None) -> dt.date:
    """The date to check against: --today, else GONGKAI_TODAY, else today's date in Beijing."""
    if value:
        return parse_date(value, "--today")
    text = os.environ.get("GONGKAI_TODAY")
    if not text:
        return dt.datetime.now(BEIJING).date()
    # set in a CI job or a scheduled task, not typed: 「--today：」 sent the user looking for an option nobody wrote
    return parse_date(text, "环境变量 GONGKAI_TODAY（不用时删去这个变量）")


def real_today() -> dt.date:
    """Today's date, whatever --today says: GONGKAI_TODAY (a scheduled job's or a test's today), else Beijing's."""
    try:
        return today(None)
    except UsageProblem:  # a GONGKAI_TODAY that is no date: --today was given, so it was never read before either
        return dt.datetime.now(BEIJING).date()


def parse_date(text: str, label: str) -> dt.date:
    """A date from the command line (YYYY-MM-DD, or as the catalog accepts it), or a Chinese usage error."""
    try:
        return read_day(text)
    except DayError as exc:
        raise UsageProblem(f"{label}：{exc.message}。日期写成 YYYY-MM-DD，如 2026-12-07") from None


def check_year(year: int, label: str = "--year", day: dt.date | None = None) -> int:
    """A year gongkai can compute with (as for dates in the catalog), or a Chinese usage error; with *day* (today), a
    year that has not begun is one too: its scorecard or report is all zeros (a typo, 2062 for 2026)."""
    if year not in YEARS:
        raise UsageProblem(f"{label} 的年份「{year}」不对，应为 {YEARS.start}—{YEARS.stop - 1} 之间的四位数年份，如 2026")
    if day is not None and year > day.year:
        raise UsageProblem(f"{label} {year}：{year}年还没有开始（今天是 {day.isoformat()}），这一年的统计全是 0。"
                           f"请写已经开始的年度，如 {label} {day.year}；要按将来某一天统计，用 --today 写那一天")
    return year


def out_target(path: Path, catalog: Catalog, example: str) -> Path:
    """*path* as the file an output goes to: not a folder, and not one of the catalog's own files (a register, a
    record, gongkai.yaml, an attachment), which the output would overwrite. *example* is a file name to suggest."""
    if path.is_dir():
        raise UsageProblem(f"--out「{path}」是一个文件夹：请写上文件名，如 --out {path / example}")
    refuse_inside_repository(path)
    held = catalog.holds(path)
    if held is not None:
        raise UsageProblem(f"--out「{path}」是目录自己的文件（{held}），输出会覆盖它或被当作目录文件读取："
                           f"请写到目录文件夹以外，如 --out {example}")
    return path


Format = TypeVar("Format", bound=Enum)


def output_format(given: Format | None, out_path: Path | None, default: Format, by_suffix: dict[str, Format]) -> Format:
    """The format an output is written in: as --format says; without it, as the extension of --out says (「-o 自查.xlsx」
    is a workbook: a text written there is a file Excel and WPS refuse to open), else *default*. A --format the
    extension contradicts (「-f json -o 自查.xlsx」) is refused."""
    implied = by_suffix.get(out_path.suffix.lower()) if out_path is not None else None
    if given is None:
        return implied or default
    if implied is not None and implied is not given and out_path is not None:
        wanted = suffix_of(given, by_suffix)
        rename = f"，或把文件名改为「{out_path.with_suffix(wanted).name}」" if wanted else ""
        raise UsageProblem(f"--format {given.value} 与 --out「{out_path.name}」的扩展名不符：按 {given.value} 写出的文件"
                           f"不能当作 {out_path.suffix} 文件打开。去掉 --format（按扩展名写成 {implied.value}）{rename}")
    return given


def suffix_of(kind: Format, by_suffix: dict[str, Format]) -> str | None:
    """The extension a file of *kind* is written with: the first of *by_suffix* (output_format's table) naming it."""
    return next((suffix for suffix, named in by_suffix.items() if named is kind), None)


def missing_file(file: Path, what: str = "文件") -> UsageProblem:
    """*file* (an input the user named) is not there: say what is there instead — the folder it is, or a file of the
    same name whose extension Explorer hid (名单.xls for 名单.xlsx, 名单.xlsx.xlsx) — or how to write a path."""
    if file.is_dir():
        return UsageProblem(f"「{file}」是一个文件夹，不是{what}：请写出其中的文件名。")
    folder = file.parent if file.parent.is_dir() else None
    near = sorted({p.name for pattern in (f"{glob.escape(file.stem)}.*", f"{glob.escape(file.name)}.*")
                   for p in folder.glob(pattern) if p.is_file()}) if folder is not None else []
    if near:
        listed = "」「".join(near[:5])
        return UsageProblem(f"找不到{what}「{file}」，但同一文件夹中有「{listed}」：Windows 资源管理器默认不显示扩展名，"
                            "请在「查看」中勾选「文件扩展名」，核对后写出完整的文件名。")
    if slip := quote_slip(file):
        return UsageProblem(f"找不到{what}「{file}」。{slip}。")
    return UsageProblem(f"找不到{what}「{file}」：请检查文件夹和文件名；路径中有空格时整个路径要加引号，"
                        "如 \"D:\\政务公开\\标准目录 2026.xlsx\"。")
