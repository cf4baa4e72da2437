"""gongkai export portal: what the county webmaster loads into the portal (集约化平台)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongkai.catalog import find_root, load_catalog
from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, err, out
from gongkai.cli.interchange import export_app
from gongkai.cli.options import CatalogArg, TodayOpt, parse_date, real_today, today
from gongkai.diagnostics import Report, Severity
from gongkai.locking import catalog_lock, output_lock
from gongkai.model.portal import ADDED, CHANGED, WITHDRAWN
from gongkai.output import render_text
from gongkai.output.excerpt import source_lines
from gongkai.portal.plan import PortalExport, ledger_problems, plan_export
from gongkai.portal.write import write_export

EXTENDS = "export"
DEFAULT_OUT = "portal-out"


@export_app.command("portal")
def export_portal_command(
    catalog: CatalogArg = Path("."),
    since: Annotated[str | None, typer.Option("--since", help="起始日期（YYYY-MM-DD）：此前公开的信息已在门户网站上，只记入台账、不导出",
                                              show_default=False)] = None,
    when: TodayOpt = None,
    out_dir: Annotated[Path | None, typer.Option("--out", "-o", help=f"输出文件夹，默认 {DEFAULT_OUT}/<日期>/（当前文件夹下）",
                                                 show_default=False)] = None,
) -> int:
    """导出到县政府门户网站（集约化平台）：上次导出以来新增、更新、撤回的政府网站信息，xlsx（手工录入）、JSON 和 XML（批量导入），含正文 HTML 片段和附件。

    只导出通过公开审核、公开渠道含「政府网站」的主动公开信息；公示期已结束的只导出「公示已于……结束」；导出后记入台账 portal/<日期>.yaml，下次只导出变化。
    """
    day = today(when)
    start = parse_date(since, "--since") if since else None
    root = find_root(catalog)
    # the ledgers are read and written under one lock: two exports at once would both send every record as 新增
    with catalog_lock(root, f"gongkai export portal --today {day.isoformat()}"):
        loaded = load_catalog(root)
        problems = ledger_problems(loaded)
        if any(d.severity is Severity.ERROR for d in problems):
            err.print(render_text(Report(problems, files_checked=len(problems)), source_lines(loaded.source)), end="",
                      markup=False)
            err.print("门户导出台账有错误，没有导出：请按上面的提示改正后再运行。", markup=False)
            return EXIT_FINDINGS
        export = plan_export(loaded, day, start, now=real_today())
        target = out_dir or Path(DEFAULT_OUT) / day.isoformat()
        with output_lock(target, "gongkai export portal"):
            written = write_export(loaded, root, export, target)
    _show(export, target, root, written)
    return EXIT_OK


def _show(export: PortalExport, target: Path, root: Path, written: bool) -> None:
    counts = "，".join(f"{name} {export.count(name)} 条" for name in (ADDED, CHANGED, WITHDRAWN))
    out.print(f"已导出到 {target}（{export.date}）：{counts}；未变化 {export.unchanged} 条。", markup=False)
    for entry in export.entries:
        fields = entry.fields
        out.print(f"  {entry.action}  {fields['索引号'] or '（无索引号）'}  {fields['标题']}", markup=False)
        if entry.action == CHANGED and entry.notice_over:
            out.print(f"        公示已结束：请把门户上的正文换成「{fields['概述']}」，并{entry.files_note}", markup=False)
        for address in entry.fragment.removed:
            out.print(f"        正文中的链接「{address}」不在门户网站上，已去掉（文字保留）", markup=False)
        if not fields["索引号"] and entry.action != WITHDRAWN:
            out.print("        缺索引号：门户目录按索引号登记，请在信息文件中填写「索引号」", markup=False)
    if export.baseline:
        out.print(f"--since {export.since}：{len(export.baseline)} 条此前公开的信息记为「已在门户」，没有导出。",
                  markup=False)
    if export.early:
        listed = "；".join(f"{r.id}「{r.title}」：{r.why}" for r in export.early)
        err.print(f"提示：--today {export.date} 晚于今天，其中有还没到公开日期的信息（{listed}）。门户导出由网站管理员直接发布："
                  "请到那一天再交给网站管理员，不要提前发布。", markup=False)
    for path, why in export.held:
        err.print(f"警告：{path} 没有导出：{why}", markup=False)
    ledger = root / export.ledger_path
    out.print(f"已记入台账：{ledger}" if written else "没有需要导出的变化，未写台账。", markup=False)
