"""gongkai county: the 县政务公开办's view of every department's catalog."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from gongkai.catalog.sources import WorkingTree
from gongkai.cli.app import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, app, err, out
from gongkai.cli.options import NoCacheOpt, TodayOpt, check_year, missing_file, today
from gongkai.county.config import Department, departments_from_paths, departments_of, read_config
from gongkai.county.outputs import output_paths, previous, write_outputs
from gongkai.county.review import inputs_key, review_county
from gongkai.diagnostics import Report
from gongkai.errors import UsageProblem
from gongkai.files_io import refuse_inside_repository
from gongkai.locking import output_lock
from gongkai.output.excerpt import source_lines
from gongkai.output.text import render_text

DEFAULT_TITLE = "县政务公开办"


class Format(str, Enum):
    text = "text"
    json = "json"


@app.command("county")
def county_command(
    folders: Annotated[list[Path] | None, typer.Argument(metavar="目录文件夹", help="各部门的目录文件夹（或目录仓库），可写多个", show_default=False)] = None,
    config: Annotated[Path | None, typer.Option("--config", "-c", help="county.yaml：列出各部门的目录（本地文件夹或已克隆的 git 仓库）", show_default=False)] = None,
    year: Annotated[int | None, typer.Option("--year", "-y", help="考核和年报的年度，默认今天所在的年度", show_default=False)] = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="输出文件夹：scorecard-、review-、annual-<年度>.xlsx")] = Path("county-out"),
    format: Annotated[Format, typer.Option("--format", "-f", help="屏幕输出：text（表格，默认）或 json")] = Format.text,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", help="同时读取几个目录（默认为 CPU 核数）", show_default=False)] = None,
    no_cache: NoCacheOpt = False,
    when: TodayOpt = None,
) -> int:
    """县政务公开办审核、考核各部门：各部门标准目录的审核表（每个部门一个工作表，官方表格样式）、跨部门考核表、年度报告汇总（表二、三、四相加，逐个部门勾稽检查）。

    每个目录按它自己的设置和缓存读取；读不了的目录单独报告（哪个、为什么），不影响其他部门。退出码：0 全部读取；1 有目录读不了，或有事项因含未遮盖的个人信息未列入审核表；3 gongkai 内部错误。

    例：gongkai county 民政局 人社局 教育局 --year 2026；gongkai county --config county.yaml --out 考核/2026。
    """
    if out_dir.exists() and not out_dir.is_dir():  # said before every catalog is read, not after
        raise UsageProblem(f"--out「{out_dir}」是一个文件：请写一个文件夹，如 --out county-out")
    refuse_inside_repository(out_dir)
    day = today(when)
    season = check_year(year, day=day) if year is not None else day.year  # said before any catalog is read, as --out is
    departments, title = _departments(folders or [], config)
    key = inputs_key(departments, season, day, use_cache=not no_cache, jobs=jobs, title=title)
    with output_lock(out_dir, "gongkai county"):  # two runs at once would mix their tables under one stamp
        made = previous(out_dir, season, key)
        unchanged = made is not None
        if made is None:
            made = write_outputs(review_county(departments, season, day, not no_cache, jobs), out_dir, title, key)
    if format is Format.json:
        out.print(json.dumps(made, ensure_ascii=False, indent=2), markup=False)
    else:
        _show(made)
    broken = [d for d in made["departments"] if not d["ok"]]
    paths = "、".join(str(p) for p in output_paths(out_dir, season))
    if len(broken) == len(made["departments"]):
        err.print(f"没有一个部门的目录能够读取（原因见上）：没有写出工作簿，{out_dir} 中原有的文件保持不变。"
                  "请核对各目录文件夹的位置（相对于当前文件夹或 county.yaml）后重新运行。", markup=False)
    else:
        err.print(f"{'没有变化，未重写' if unchanged else '已写入'}：{paths}", markup=False)
    if any(d["internal"] for d in broken):
        return EXIT_INTERNAL
    withheld = any(d.get("withheld") for d in made["departments"])  # items left out of the review: personal data
    return EXIT_FINDINGS if broken or withheld else EXIT_OK


def _departments(folders: list[Path], config: Path | None) -> tuple[list[Department], str]:
    if bool(folders) == bool(config):
        raise UsageProblem("请写明各部门的目录文件夹（gongkai county 民政局 人社局 …），或用 --config county.yaml，二者选一。")
    if config is None:
        return departments_from_paths(folders), DEFAULT_TITLE
    if not config.is_file():
        raise missing_file(config, "县里的配置文件")
    parsed = read_config(config)
    if parsed.model is None:
        err.print(render_text(Report(parsed.diagnostics, 1), source_lines(WorkingTree(config.parent))), end="", markup=False)
        raise UsageProblem(f"{config} 有错误（见上），请改正后重新运行。")
    return departments_of(parsed.model, config.parent), parsed.model.title or DEFAULT_TITLE


def _show(made: dict[str, Any]) -> None:
    """The scorecard across departments as a plain table (CJK characters are two columns wide)."""
    out.print(f"{made['year']}年各部门政务公开情况（截至 {made['today']}）", markup=False)
    table = made["table"]
    rows = [table["headers"], *table["rows"]]
    # a department that could not be read has one cell of text (无法读取…): it does not widen the 事项 column
    whole = [r for r in rows if any(r[2:])] or rows
    widths = [max(_width(r[i]) for r in whole) for i in range(len(rows[0]))]
    widths[0] = max(_width(r[0]) for r in rows)
    for row in rows:
        out.print("  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip(), markup=False)
    for note in table["notes"]:
        out.print(note, markup=False)


def _width(text: str) -> int:
    """Columns a text takes in a terminal: CJK characters take two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
