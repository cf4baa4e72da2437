"""gongkai validate."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, app, out
from gongkai.cli.options import CatalogArg, NoCacheOpt, TodayOpt, today
from gongkai.output import FORMATS
from gongkai.validate import validate


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


@app.command("validate")
def validate_command(
    catalog: CatalogArg = Path("."),
    format: Annotated[Format, typer.Option("--format", "-f", help="输出格式：text（默认）、json、github（注释）、sarif")] = Format.text,
    strict: Annotated[bool, typer.Option("--strict", help="有警告也返回失败（退出码 1）")] = False,
    when: TodayOpt = None,
    no_cache: NoCacheOpt = False,
) -> int:
    """校验目录：YAML 格式、字段、编号与引用、公开属性、保密审查、公开时限等全部规则。

    退出码：0 无问题；1 有错误（--strict 时警告也算）；2 用法错误；3 内部错误。
    """
    result = validate(catalog, today(when), use_cache=not no_cache)
    prefix = result.path_in_repository() if format in (Format.github, Format.sarif) else ""
    out.print(FORMATS[format.value](result.report, result.line, prefix), end="", markup=False)
    return EXIT_FINDINGS if result.report.has_errors(strict) else EXIT_OK
