"""gongkai inspect: the yearly 政府网站与政务新媒体检查 as a score sheet, before the inspectors come."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from gongkai.catalog import load_catalog
from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, app, err, out
from gongkai.cli.options import CatalogArg, TodayOpt, out_target, output_format, suffix_of, today
from gongkai.files_io import write_atomic
from gongkai.inspect import inspect_catalog
from gongkai.inspect.render import headline, render_html, render_json, render_text
from gongkai.inspect.xlsx import inspect_workbook
from gongkai.portal.write import refuse_outputs
from gongkai.privacy.scan import allowed_of


class SheetFormat(str, Enum):
    text = "text"
    json = "json"
    xlsx = "xlsx"
    html = "html"


SHEET_SUFFIXES = {".txt": SheetFormat.text, ".json": SheetFormat.json, ".xlsx": SheetFormat.xlsx,
                  ".html": SheetFormat.html, ".htm": SheetFormat.html}


@app.command("inspect")
def inspect_command(
    catalog: CatalogArg = Path("."),
    site: Annotated[Path | None, typer.Option("--site", help="已生成的网站文件夹（gongkai build-site 的输出），检查错链、断链和附件",
                                              show_default=False)] = None,
    given: Annotated[SheetFormat | None, typer.Option("--format", "-f", help="text（默认；--out 写成 .xlsx、.html、.json 时按扩展名）、json、xlsx、html",
                                                      show_default=False)] = None,
    out_path: Annotated[Path | None, typer.Option("--out", "-o", help="写入的文件；不写时 xlsx 写到当前文件夹，其余输出到屏幕",
                                                  show_default=False)] = None,
    monitoring: Annotated[bool | None, typer.Option("--monitoring/--no-monitoring",
                                                    help="加上（或不加）基层监测：每栏目近一年至少4条、间隔不超过90天",
                                                    show_default=False)] = None,
    when: TodayOpt = None,
) -> int:
    """年度检查自查：按《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）给出单项否决和扣分结果。

    只看当天通过公开把关、发布到政府网站的信息；发稿日期用 git 历史核验。结果只供内部使用，不进入网站。
    有单项否决指标不通过（或扣分后低于合格分）时退出码为 1。
    """
    day = today(when)
    format = output_format(given, out_path, SheetFormat.text, SHEET_SUFFIXES)
    loaded = load_catalog(catalog)
    if out_path is not None:
        out_path = out_target(out_path, loaded, f"inspect-{day}{suffix_of(format, SHEET_SUFFIXES)}")
    sheet = inspect_catalog(loaded, day, site, monitoring)
    allowed = allowed_of(loaded.agency)
    if format is SheetFormat.xlsx:
        _write(out_path or Path(f"inspect-{day}.xlsx"), inspect_workbook(sheet), allowed)
        err.print(headline(sheet), markup=False)
    else:
        render = {SheetFormat.text: render_text, SheetFormat.json: render_json, SheetFormat.html: render_html}[format]
        text = render(sheet)
        if out_path is None:
            out.print(text, end="", markup=False)
        else:
            _write(out_path, text.encode("utf-8"), allowed)
            err.print(headline(sheet), markup=False)
    return EXIT_OK if sheet.passed else EXIT_FINDINGS


def _write(path: Path, data: bytes, allowed: frozenset[str]) -> None:
    # The sheet is masked (inspect_catalog); what it writes is scanned as every other output before it is written: a
    # file leaves the screen's masking behind, and goes on to the county's workbook and the inspectors.
    refuse_outputs({path.name: data}, allowed)
    write_atomic(path, data)
    err.print(f"已写入 {path}", markup=False)
