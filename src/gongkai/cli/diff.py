"""gongkai diff, gongkai log."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, app, out
from gongkai.cli.options import NoCacheOpt, parse_date
from gongkai.diff import RENDERERS, diff_catalog, parse_range
from gongkai.history import item_history, render_history

CatalogOpt = Annotated[
    Path, typer.Option("--catalog", "-C", help="目录文件夹（含 gongkai.yaml），默认为当前文件夹或其下的 catalog/")
]


class Format(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


FormatOpt = Annotated[
    Format, typer.Option("--format", "-f", help="输出格式：text（默认）、markdown（拉取请求评论、目录调整公告）、json")
]


@app.command("diff")
def diff_command(
    first: Annotated[str | None, typer.Argument(metavar="旧版本", help="旧版本（提交号、分支、标签），或 A..B、A...B（B 与它从 A 分出的那一点比较）；默认 HEAD", show_default=False)] = None,
    second: Annotated[str | None, typer.Argument(metavar="新版本", help="新版本；默认为工作区（尚未提交的修改）", show_default=False)] = None,
    catalog: CatalogOpt = Path("."),
    since: Annotated[str | None, typer.Option("--since", help="与该日（YYYY-MM-DD）之前最后一次提交比较", show_default=False)] = None,
    format: FormatOpt = Format.text,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="有变化时返回 1（便于脚本判断）")] = False,
    no_cache: NoCacheOpt = False,
) -> int:
    """比较目录的两个版本：按编号列出新增、删除、移动和逐字段的修改，并区分实质性与文字性变化。

    例：gongkai diff（HEAD 与工作区）；gongkai diff HEAD~3；gongkai diff v1..v2；gongkai diff main...分支；
    gongkai diff --since 2026-01-01（该日北京时间零点之前的最后一次提交）。
    退出码：0（有无变化都是 0；加 --exit-code 时有变化为 1）；2 用法错误（如版本不存在）。
    """
    old, new = parse_range(first, second, since=since is not None)
    day = parse_date(since, "--since") if since is not None else None  # --since= (an unset variable) is refused
    result = diff_catalog(catalog, old, new, since=day, use_cache=not no_cache)
    out.print(RENDERERS[format.value](result), end="", markup=False)
    return EXIT_FINDINGS if exit_code and result else EXIT_OK


@app.command("log")
def log_command(
    item_id: Annotated[str, typer.Argument(metavar="编号", help="事项或信息的编号，如 SHJZ-001、R2026-012", show_default=False)],
    catalog: CatalogOpt = Path("."),
    format: FormatOpt = Format.text,
    no_cache: NoCacheOpt = False,
) -> int:
    """一个事项（或一条信息）的修改历史：何时、何人、改了什么、提交说明，最新的在前。"""
    history = item_history(catalog, item_id, use_cache=not no_cache)
    out.print(render_history(history, format.value), end="", markup=False)
    return EXIT_OK
