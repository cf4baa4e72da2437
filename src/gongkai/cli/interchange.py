"""gongkai export xlsx|csv, gongkai import xlsx: the directory as the official spreadsheet, and back."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from gongkai.catalog import Catalog, find_root, load_catalog
from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, app, err, out
from gongkai.cli.options import CatalogOpt
from gongkai.errors import UsageProblem
from gongkai.files_io import write_atomic
from gongkai.interchange.csv import export_directory_csv
from gongkai.interchange.importing import import_xlsx
from gongkai.interchange.plan import ImportPlan
from gongkai.interchange.write import apply_plan
from gongkai.interchange.xlsx import export_directory_xlsx
from gongkai.locking import catalog_lock

export_app = typer.Typer(help="导出标准目录：官方表格样式的 xlsx，或 csv。", no_args_is_help=True)
import_app = typer.Typer(help="从官方表格样式的 xlsx 导入标准目录（新增或更新事项文件）。", no_args_is_help=True)
app.add_typer(export_app, name="export")
app.add_typer(import_app, name="import")

OutOpt = Annotated[Path | None, typer.Option("--out", "-o", help="输出文件，默认 directory.xlsx / directory.csv", show_default=False)]


def _export(target: Path, catalog: Path, exporter: Callable[[Catalog], bytes]) -> int:
    write_atomic(target, exporter(load_catalog(catalog)))
    err.print(f"已导出：{target}", markup=False)
    return EXIT_OK


@export_app.command("xlsx")
def export_xlsx(out_file: OutOpt = None, catalog: CatalogOpt = Path(".")) -> int:
    """导出标准目录为 xlsx：每个领域一个工作表，两级表头，渠道 ■/□，A3 横向打印。"""
    return _export(out_file or Path("directory.xlsx"), catalog, export_directory_xlsx)


@export_app.command("csv")
def export_csv(out_file: OutOpt = None, catalog: CatalogOpt = Path(".")) -> int:
    """导出标准目录为 csv（UTF-8 带 BOM，Excel 可直接打开）。"""
    return _export(out_file or Path("directory.csv"), catalog, export_directory_csv)


@import_app.command("xlsx")
def import_xlsx_command(
    file: Annotated[Path, typer.Argument(help="要导入的 xlsx 表格", show_default=False)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="不询问，直接写入")] = False,
    catalog: CatalogOpt = Path("."),
) -> int:
    """导入 xlsx 表格：全部行无误才写入；已有事项按编号或「领域+一级事项+二级事项」更新，不重复新增。"""
    if not file.is_file():
        raise UsageProblem(f"找不到文件「{file}」")
    root = find_root(catalog)
    with catalog_lock(root, f"gongkai import xlsx {file.name}"):
        return _import(root, file, yes)


def _import(root: Path, file: Path, yes: bool) -> int:
    loaded = load_catalog(root)
    if loaded.agency is None:
        raise UsageProblem("gongkai.yaml 无效，无法导入：请先运行 gongkai validate 修正")
    plan = import_xlsx(loaded, file.read_bytes())
    if plan.problems:
        for problem in plan.problems:
            err.print(f"{problem.cell}: {problem.message}", markup=False)
        err.print(f"共 {len(plan.problems)} 处问题，没有写入任何文件（全部行无误才导入）。", markup=False)
        return EXIT_FINDINGS
    _show(plan)
    if not plan.changes:
        return EXIT_OK
    if not yes:
        if not sys.stdin.isatty():
            out.print("以上是将要做的修改，尚未写入。确认无误后加 --yes 重新运行。", markup=False)
            return EXIT_OK
        if not typer.confirm("写入以上修改？"):
            out.print("未写入。", markup=False)
            return EXIT_OK
    written = apply_plan(root, loaded, plan)
    out.print(f"已写入 {len(written)} 个文件。请运行 gongkai validate 检查。", markup=False)
    return EXIT_OK


def _show(plan: ImportPlan) -> None:
    for change in plan.added:
        note = f"（推断：{'、'.join(change.inferred)}）" if change.inferred else ""
        out.print(f"新增 {change.item_id}  {change.path}  ← {change.source}{note}", markup=False)
    for change in plan.updated:
        out.print(f"更新 {change.item_id}  {change.path}  ← {change.source}：{'、'.join(change.changed)}", markup=False)
    out.print(f"新增 {len(plan.added)} 项，更新 {len(plan.updated)} 项，未变 {plan.unchanged} 项。", markup=False)
