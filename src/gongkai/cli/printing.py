"""gongkai print and gongkai wechat: what the 公示栏, 公开查阅点, 电子屏 and the 公众号 carry."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from gongkai.catalog import load_catalog
from gongkai.cli.app import EXIT_OK, app, err, out
from gongkai.cli.options import CatalogArg, parse_date, today
from gongkai.locking import output_lock
from gongkai.printing.posted import posted_in
from gongkai.printing.sheets import PaperSize, PrintRun, plan_print
from gongkai.printing.wechat import WechatRun, plan_wechat
from gongkai.printing.write import write_print, write_wechat

DEFAULT_DAYS = 30


@app.command("print")
def print_command(
    catalog: CatalogArg = Path("."),
    town: Annotated[str | None, typer.Option("--town", help="乡镇民政办的单位编号或乡镇名，如 mzb-102、湖头镇；不写则打印全部单位",
                                             show_default=False)] = None,
    start: Annotated[str | None, typer.Option("--from", help=f"公开日期从哪天起（YYYY-MM-DD），默认 --to 之前{DEFAULT_DAYS}天",
                                              show_default=False)] = None,
    end: Annotated[str | None, typer.Option("--to", help="公开日期到哪天止（YYYY-MM-DD），默认今天；晚于今天时按这一天判断公示是否已结束",
                                            show_default=False)] = None,
    size: Annotated[PaperSize, typer.Option("--size", help="纸张：A4（默认）或 A3，纵向（a4、a3 也可）",
                                            case_sensitive=False)] = PaperSize.A4,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="输出文件夹，默认 print-out/")] = Path("print-out"),
) -> int:
    """打印公示栏和公开查阅点的张贴件：按乡镇和日期，每条信息一页（含名单、公示期、监督电话，在网站公开的附二维码），另有一页清单。

    只打印公开渠道含公示栏、公开查阅点或便民服务站且通过公开审核的信息；公示期已结束的不再打印，这段时间公示期满或撤回的列在清单的「请撤下」中。网页文件可离线打开，用浏览器打印。
    """
    day = today(None)
    last = parse_date(end, "--to") if end else day
    first = parse_date(start, "--from") if start else last - dt.timedelta(days=DEFAULT_DAYS)
    loaded = load_catalog(catalog)
    with output_lock(out_dir, "gongkai print"):  # what was posted is read from the folder, then the folder replaced
        run = plan_print(loaded, first, last, day, town, size, posted_in(out_dir, by_unit=True))
        _unread(run)
        count = write_print(loaded, run, out_dir)
    out.print(f"已生成 {count} 张（{size.value} 纵向，公开日期 {first} 至 {last}）：{out_dir / 'index.html'}", markup=False)
    for unit, sheets in run.by_unit():
        out.print(f"  {unit.name}：{len(sheets)} 张", markup=False)
        for sheet in sheets:
            out.print(f"    {sheet.path}  {sheet.admission.record.title}", markup=False)
    if not count:
        whose = f"{run.town.name}（{run.town.id}）" if run.town else ""  # --town 湖头: which unit it took
        out.print(f"这段时间{whose}没有需要张贴的公示和公开信息。", markup=False)
    for board, found in run.removals():
        for takedown in found:
            out.print(f"请从{board}的公示栏、查阅点和电子屏撤下：{takedown.title}（{takedown.day} 起，"
                      f"{takedown.reason}）", markup=False)
    for sheet in run.replaced:
        out.print(f"内容已修改，请用新张贴件替换{sheet.unit.name}公示栏、查阅点和电子屏上的旧件：{sheet.admission.record.title}"
                  f"（{sheet.path}）", markup=False)
    return EXIT_OK


@app.command("wechat")
def wechat_command(
    catalog: CatalogArg = Path("."),
    start: Annotated[str | None, typer.Option("--from", help=f"公开日期从哪天起（YYYY-MM-DD），默认 --to 之前{DEFAULT_DAYS}天",
                                              show_default=False)] = None,
    end: Annotated[str | None, typer.Option("--to", help="公开日期到哪天止（YYYY-MM-DD），默认今天；晚于今天时按这一天判断公示是否已结束",
                                            show_default=False)] = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="输出文件夹，默认 wechat-out/")] = Path("wechat-out"),
) -> int:
    """生成公众号文章：公开渠道含“两微一端”且通过公开审核的信息，每条一页，样式写在文字上，可整页复制到公众号编辑器。

    公示期满和已撤回的信息不再生成，并列在清单的「请在公众号中删除」中（公众号上的文章要手工删除）。
    """
    day = today(None)
    last = parse_date(end, "--to") if end else day
    first = parse_date(start, "--from") if start else last - dt.timedelta(days=DEFAULT_DAYS)
    loaded = load_catalog(catalog)
    with output_lock(out_dir, "gongkai wechat"):
        run = plan_wechat(loaded, first, last, day, posted_in(out_dir, by_unit=False))
        _unread(run)
        count = write_wechat(loaded, run, out_dir)
    out.print(f"已生成 {count} 篇公众号文章（公开日期 {first} 至 {last}）：{out_dir / 'index.html'}", markup=False)
    for article in run.articles:
        out.print(f"  {article.path}  {article.admission.record.title}", markup=False)
    for takedown in run.takedowns:
        out.print(f"请在公众号中删除：{takedown.title}（{takedown.day} 起，{takedown.reason}）", markup=False)
    for article in run.replaced:
        out.print(f"内容已修改，请在公众号中按新文章修改或重发：{article.admission.record.title}（{article.path}）", markup=False)
    return EXIT_OK


def _unread(run: PrintRun | WechatRun) -> None:
    """Name each record the run's channel would carry and does not (its file does not read, the gate holds it back, its
    item lacks the channel, its unit is unknown): a board or the 公众号 would miss it without a word."""
    for path, why in run.unread:
        err.print(f"警告：{path} 没有生成：{why}", markup=False)
