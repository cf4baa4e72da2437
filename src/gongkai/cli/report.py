"""gongkai report scorecard | annual: the 考核表 per unit and the 政府信息公开工作年度报告."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from gongkai.catalog import load_catalog
from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, app, err, out
from gongkai.cli.options import (CatalogArg, TodayOpt, check_year, out_target, output_format, suffix_of,
                                 today)
from gongkai.errors import UsageProblem
from gongkai.files_io import write_atomic
from gongkai.portal.write import refuse_outputs, refuse_personal_data
from gongkai.privacy.scan import allowed_of
from gongkai.reports.annual import build_annual, personal_data
from gongkai.reports.render import (
    SCORECARD_HEADERS,
    annual_html,
    annual_markdown,
    scorecard_html,
    scorecard_missed,
    scorecard_notes,
    scorecard_rows,
)
from gongkai.reports.scorecard import Scorecard, build_scorecard
from gongkai.reports.xlsx import annual_workbook, scorecard_workbook

sub = typer.Typer(help="内部报表：各单位政务公开考核表、政府信息公开工作年度报告。", no_args_is_help=True)
app.add_typer(sub, name="report")


class CardFormat(str, Enum):
    table = "table"
    xlsx = "xlsx"
    html = "html"


class AnnualFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


CARD_SUFFIXES = {".xlsx": CardFormat.xlsx, ".html": CardFormat.html, ".htm": CardFormat.html}
ANNUAL_SUFFIXES = {".md": AnnualFormat.markdown, ".html": AnnualFormat.html, ".htm": AnnualFormat.html,
                   ".xlsx": AnnualFormat.xlsx}
YearOpt = Annotated[int | None, typer.Option("--year", help="统计年度，默认为 --today 所在年度", show_default=False)]
# (the annual report is written in January for the year before: its default is not the scorecard's)
AnnualYearOpt = Annotated[int | None, typer.Option("--year", help="报告年度，默认为 --today 的上一年度", show_default=False)]
OutOpt = Annotated[Path | None, typer.Option("--out", "-o", help="写入的文件；不写时 xlsx 写到当前文件夹，其余输出到屏幕",
                                             show_default=False)]


def _year(value: int | None, default: int, day: dt.date) -> int:
    return check_year(value if value is not None else default, day=day)


@sub.command("scorecard")
def scorecard_command(
    catalog: CatalogArg = Path("."),
    year: YearOpt = None,
    unit: Annotated[str | None, typer.Option("--unit", help="只看一个单位（gongkai.yaml 中的单位编号）", show_default=False)] = None,
    given: Annotated[CardFormat | None, typer.Option("--format", "-f", help="table（屏幕表格，默认；--out 写成 .xlsx、.html 时按扩展名）、xlsx、html",
                                                     show_default=False)] = None,
    out_path: OutOpt = None,
    when: TodayOpt = None,
) -> int:
    """各单位（股室、乡镇民政办）考核表：负责事项、公开信息、按时公开率、定期事项漏报、按时移交率、待整改问题。"""
    day = today(when)
    format = output_format(given, out_path, CardFormat.table, CARD_SUFFIXES)
    if format is CardFormat.table and out_path is not None:  # the screen's table is no file: -o was dropped unsaid
        raise UsageProblem(f"--out「{out_path.name}」：考核表只能写成 xlsx 或 html 文件，请把文件名写成"
                           f"「{out_path.with_suffix('.xlsx').name}」或「{out_path.with_suffix('.html').name}」")
    loaded = load_catalog(catalog)
    if unit is not None and (loaded.agency is None or loaded.agency.unit(unit) is None):
        raise UsageProblem(f"没有编号为「{unit}」的单位，请填写 gongkai.yaml「单位」中的编号，如 shjzg")
    card = build_scorecard(loaded, _year(year, day.year, day), day, unit)
    suffix = suffix_of(format, CARD_SUFFIXES) or ".xlsx"  # (the table is never written: refused above)
    target = out_target(out_path, loaded, f"scorecard-{card.year}{suffix}") if out_path is not None else None
    if format is CardFormat.table:
        _print_card(card)
    elif format is CardFormat.xlsx:
        _write(target or Path(f"scorecard-{card.year}.xlsx"), scorecard_workbook(card), allowed_of(loaded.agency))
    else:
        _emit(target, scorecard_html(card), allowed_of(loaded.agency))
    return EXIT_OK


def _print_card(card: Scorecard) -> None:
    table = Table(title=f"{card.agency}{card.year}年政务公开考核表（截至{card.today}）")
    for header in SCORECARD_HEADERS:
        # a figure longer than its column folds onto the next line: cropped, 「100.…」 said nothing (80 columns, cmd.exe)
        table.add_column(header, justify="left" if header in ("单位", "类型") else "right", no_wrap=header in ("单位", "类型"),
                         overflow="fold")
    for row in scorecard_rows(card):
        table.add_row(*row)
    out.print(table, markup=False)
    for name, text in scorecard_missed(card):
        out.print(f"定期事项漏报：{name} {text}", markup=False)
    if not card.handover_counted:
        out.print("没有移交台账（handover/*.yaml），gongkai.yaml 也没有「启用日期」，按时移交率无法统计。", markup=False)
    for note in scorecard_notes(card):
        out.print(f"注意：{note}", markup=False)


@sub.command("annual")
def annual_command(
    catalog: CatalogArg = Path("."),
    year: AnnualYearOpt = None,
    given: Annotated[AnnualFormat | None, typer.Option("--format", "-f", help="markdown（默认；--out 写成 .html、.xlsx 时按扩展名）、html、xlsx",
                                                       show_default=False)] = None,
    out_path: OutOpt = None,
    when: TodayOpt = None,
) -> int:
    """政府信息公开工作年度报告（国办公开办函〔2021〕30号格式）：表二、表三、表四及勾稽检查。

    不写 --year 时为上一年度（报告于次年1月31日前公布）。
    表三不平衡（一 + 二 ≠ 三(七) + 四），或表中的数字不全、可能有误（登记簿或 annual/<年度>.yaml 有读不出的文件、
    已答复的申请没有计入办理结果等，逐条列在错误输出中）时，退出码为 1。
    """
    format = output_format(given, out_path, AnnualFormat.markdown, ANNUAL_SUFFIXES)
    loaded = load_catalog(catalog)
    day = today(when)
    report = build_annual(loaded, _year(year, day.year - 1, day), day)  # written in January for the year before
    if out_path is not None:
        suffix = suffix_of(format, ANNUAL_SUFFIXES)
        out_path = out_target(out_path, loaded, f"annual-{report.year}{suffix}")
    if format is AnnualFormat.xlsx:
        target: Path | None = out_path or Path(f"annual-{report.year}.xlsx")
        data = annual_workbook(report)
    else:
        text = annual_markdown(report) if format is AnnualFormat.markdown else annual_html(report)
        target, data = out_path, text.encode("utf-8")
        if target is None:
            out.print(text, end="", markup=False)  # the screen is masked
    if target is not None:
        # The annual report is published (条例 Art. 50), and annual/<year>.yaml's texts are no record's: the output
        # scan that export csv runs stops a number in full before the file is written.
        # 详细住址 in its texts is found by the source scan only.
        refuse_personal_data(loaded, {target.name: data}, personal_data(loaded, report.year),
                             f"annual/{report.year}.yaml")
        _write(target, data)
    for problem in report.problems:
        err.print(f"检查：{problem}", markup=False)
    for note in report.notes:
        err.print(f"注意：{note}", markup=False)
    return EXIT_FINDINGS if report.problems else EXIT_OK


def _emit(path: Path | None, text: str, allowed: frozenset[str] | None = None) -> None:
    if path is None:
        out.print(text, end="", markup=False)
    else:
        _write(path, text.encode("utf-8"), allowed)


def _write(path: Path, data: bytes, allowed: frozenset[str] | None = None) -> None:
    if allowed is not None:  # (a file leaves the screen's masking behind: scanned as every output is, *allowed* passing)
        refuse_outputs({path.name: data}, allowed)
    write_atomic(path, data)
    err.print(f"已写入 {path}", markup=False)
