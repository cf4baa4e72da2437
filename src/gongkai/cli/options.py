"""Options shared by several commands."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Annotated

import typer

from gongkai.errors import UsageProblem

CatalogArg = Annotated[
    Path, typer.Argument(help="目录文件夹（含 gongkai.yaml），默认为当前文件夹或其下的 catalog/", show_default=False)
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
    """The date to check against: --today, else GONGKAI_TODAY, else the system date."""
    text = value or os.environ.get("GONGKAI_TODAY")
    if not text:
        return dt.date.today()
    return parse_date(text, "--today")


def parse_date(text: str, label: str) -> dt.date:
    """A YYYY-MM-DD date from the command line, or a Chinese usage error."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UsageProblem(f"{label} 的日期「{text}」格式不对，应为 YYYY-MM-DD，如 2026-12-07") from None
