"""gongkai export xlsx|csv, gongkai import xlsx|xls|csv: the directory as the official spreadsheet, and back."""

from __future__ import annotations

import sys
from contextlib import nullcontext
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from gongkai.catalog import Catalog, find_root, load_catalog
from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, app, err, out
from gongkai.cli.options import CatalogOpt, missing_file, out_target
from gongkai.cli.quoting import shell_quote
from gongkai.cli.zh import confirm
from gongkai.errors import UsageProblem
from gongkai.files_io import write_atomic
from gongkai.interchange.csv import export_directory_csv
from gongkai.interchange.importing import import_xlsx
from gongkai.interchange.plan import ImportPlan
from gongkai.interchange.preview import describe_change, describe_layouts, summary
from gongkai.interchange.read import WHOLE_FILE, shown
from gongkai.interchange.table import loose_findings, unexported
from gongkai.interchange.write import apply_plan
from gongkai.interchange.xlsx import export_directory_xlsx, saved_since_export
from gongkai.locking import catalog_lock
from gongkai.portal.write import refuse_personal_data

export_app = typer.Typer(help="导出：标准目录（官方表格样式的 xlsx，或 csv），或导出到县政府门户网站（portal）。", no_args_is_help=True)
import_app = typer.Typer(help="从标准目录表格（xlsx、xls 或 csv）导入（新增或更新事项文件）。", no_args_is_help=True)
app.add_typer(export_app, name="export")
app.add_typer(import_app, name="import")

OutOpt = Annotated[Path | None, typer.Option("--out", "-o", help="输出文件，默认 directory.xlsx / directory.csv", show_default=False)]


def _export(target: Path | None, catalog: Path, exporter: Callable[..., bytes], default: str,
            replace_edits: bool = True) -> int:
    loaded = load_catalog(catalog)
    target = out_target(target, loaded, default) if target is not None else Path(default)
    edited = None if replace_edits else saved_since_export(target)
    if edited is not None:
        raise UsageProblem(f"「{target}」{edited}：再导出会覆盖表格里的修改。要把这些修改写回目录，请先运行 "
                           f"gongkai import xlsx {shell_quote(target)}；确要覆盖，加 --yes；或用 --out 写到另一个文件。")
    data = exporter(loaded, every_file=True)
    # the directory is published: the gate's scan of its items (those that fail validation too) and the output scan
    refuse_personal_data(loaded, {target.name: data}, loose_findings(loaded), "校验不通过的事项文件")
    write_atomic(target, data)
    missing = unexported(loaded)
    for entry in missing:
        what = ("已导出" if entry.whole else "已按能读出的内容导出，可能不完整") if entry.exported else "没有导出（文件读不出来）"
        err.print(f"{entry.path}：事项 {entry.item_id} 校验不通过，{what}：{shown(entry.reason)}", markup=False)
    if missing:
        err.print(f"已导出：{target}，但有 {len(missing)} 个事项文件校验不通过（见上）。"
                  "请运行 gongkai validate 修正后重新导出，再交给政务公开办。", markup=False)
        return EXIT_FINDINGS
    err.print(f"已导出：{target}", markup=False)
    return EXIT_OK


@export_app.command("xlsx")
def export_xlsx(out_file: OutOpt = None, catalog: CatalogOpt = Path("."), yes: Annotated[bool, typer.Option(
        "--yes", "-y", help="覆盖导出后在 Excel 或 WPS 中改过（或不是导出）的同名表格")] = False) -> int:
    """导出标准目录为 xlsx：每个领域一个工作表，两级表头，渠道 ■/□，A3 横向打印。有事项文件校验不通过时逐个列出，退出码 1。

    同名的表格导出后在 Excel 或 WPS 中改过时不覆盖（退出码 2）：先 gongkai import xlsx 把修改写回目录，或加 --yes。
    """
    return _export(out_file, catalog, export_directory_xlsx, "directory.xlsx", replace_edits=yes)


@export_app.command("csv")
def export_csv(out_file: OutOpt = None, catalog: CatalogOpt = Path(".")) -> int:
    """导出标准目录为 csv（UTF-8 带 BOM，Excel 可直接打开）。有事项文件校验不通过时逐个列出，退出码 1。"""
    return _export(out_file, catalog, export_directory_csv, "directory.csv")


FileArg = Annotated[Path, typer.Argument(metavar="表格文件", help="要导入的表格（.xlsx、.xls 或 .csv）", show_default=False)]
YesOpt = Annotated[bool, typer.Option("--yes", "-y", help="不询问，直接写入（会删去已有内容的更新也要加它）")]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help="只显示每一列怎样读、将做哪些修改，不写入")]
OverwriteOpt = Annotated[bool, typer.Option("--overwrite-invalid", help="表格中的行对应校验不通过的事项文件时，也用表格内容更新它")]


@import_app.command("xlsx")
def import_xlsx_command(file: FileArg, yes: YesOpt = False, dry_run: DryRunOpt = False,
                        overwrite_invalid: OverwriteOpt = False, catalog: CatalogOpt = Path(".")) -> int:
    """导入 xlsx、xls 或 csv 表格：全部行无误才写入；已有事项按编号或「领域+事项名称」更新，不重复新增，不覆盖校验不通过的文件。"""
    return _import(file, yes, dry_run, overwrite_invalid, catalog)


@import_app.command("xls")
def import_xls_command(file: FileArg, yes: YesOpt = False, dry_run: DryRunOpt = False,
                       overwrite_invalid: OverwriteOpt = False, catalog: CatalogOpt = Path(".")) -> int:
    """导入旧版 Excel（.xls）表格：与 gongkai import xlsx 相同（两种格式都认）。"""
    return _import(file, yes, dry_run, overwrite_invalid, catalog)


@import_app.command("csv")
def import_csv_command(file: FileArg, yes: YesOpt = False, dry_run: DryRunOpt = False,
                       overwrite_invalid: OverwriteOpt = False, catalog: CatalogOpt = Path(".")) -> int:
    """导入 csv 表格（UTF-8、GBK/GB18030 或 UTF-16 编码，逗号或制表符分隔）：与 gongkai import xlsx 相同。"""
    return _import(file, yes, dry_run, overwrite_invalid, catalog)


def _import(file: Path, yes: bool, dry_run: bool, overwrite_invalid: bool, catalog: Path) -> int:
    if not file.is_file():
        raise missing_file(file)
    root = find_root(catalog)
    with nullcontext() if dry_run else catalog_lock(root, f"gongkai import {file.name}"):
        return _plan_and_write(root, file, yes, dry_run, overwrite_invalid)


def _plan_and_write(root: Path, file: Path, yes: bool, dry_run: bool, overwrite_invalid: bool) -> int:
    loaded = load_catalog(root)
    if loaded.agency is None:
        raise UsageProblem("gongkai.yaml 无效，无法导入：请先运行 gongkai validate 修正")
    plan = import_xlsx(loaded, file.read_bytes(), overwrite_invalid, file.name)
    if dry_run:
        _print(describe_layouts(plan.layouts))
    for problem in plan.problems:
        where = file.name if problem.cell == WHOLE_FILE else problem.cell
        err.print(f"{where}: {problem.message}", markup=False)
    if plan.errors:
        err.print(f"共 {len(plan.errors)} 处错误，没有写入任何文件（全部行无误才导入）。", markup=False)
        return EXIT_FINDINGS
    if plan.warnings:
        err.print(f"共 {len(plan.warnings)} 条警告（见上）。", markup=False)
    for change in plan.changes:
        _print(describe_change(change))
    out.print(summary(plan), markup=False)
    return _confirm_and_write(root, loaded, plan, yes, dry_run)


def _confirm_and_write(root: Path, loaded: Catalog, plan: ImportPlan, yes: bool, dry_run: bool) -> int:
    if not plan.changes:
        return EXIT_OK
    if dry_run:
        out.print("（--dry-run：只显示，没有写入任何文件。）", markup=False)
        return EXIT_OK
    held = ([f"有 {len(plan.drops)} 项更新会去掉已有内容"] if plan.drops else []) + (
        [f"有 {len(plan.revived)} 个导出后删去的事项会按表格重新建起"] if plan.revived else []) + (
        [f"有 {len(plan.twins)} 个新增的事项像是已有事项改了名"] if plan.twins else [])
    if held and not yes:
        out.print(f"{'，'.join(held)}（见上方「注意」），没有写入。确认无误后加 --yes 重新运行。", markup=False)
        return EXIT_OK
    if not yes:
        if not sys.stdin.isatty():
            out.print("以上是将要做的修改，尚未写入。确认无误后加 --yes 重新运行。", markup=False)
            return EXIT_OK
        if not confirm("写入以上修改？"):
            out.print("未写入。", markup=False)
            return EXIT_OK
    written = apply_plan(root, loaded, plan)
    out.print(f"已写入 {len(written)} 个文件。请运行 gongkai validate 检查。", markup=False)
    return EXIT_OK


def _print(lines: list[str]) -> None:
    for line in lines:
        out.print(line, markup=False)
