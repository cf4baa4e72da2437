"""gongkai mask."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.app import EXIT_FINDINGS, EXIT_OK, app, out
from gongkai.cli.options import missing_file
from gongkai.errors import UsageProblem
from gongkai.catalog.listing import catalog_root_of
from gongkai.files_io import write_atomic
from gongkai.locking import catalog_lock, output_lock
from gongkai.privacy.documents import broken
from gongkai.privacy.extract import Unreadable
from gongkai.privacy.rewrite import SUFFIXES, agency_allowed, mask_file


@app.command("mask")
def mask_command(
    file: Annotated[Path, typer.Argument(metavar="名单文件", help="要遮盖的名单文件：CSV、XLSX 或 Markdown（.md）", show_default=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="只列出要遮盖的内容，不改写文件")] = False,
) -> int:
    """遮盖名单中的个人信息：身份证号 35*************123、手机号 138****1234、银行卡号、详细住址。

    就地改写文件（先写临时文件再替换，中断不会损坏原文件）；列出遮盖了什么，只显示遮盖后的值。
    文件在目录文件夹中时，gongkai.yaml 里登记的本机关电话和地址不遮盖。
    表格按打开时显示的内容遮盖：公式的计算结果、数字格式显示出的号码、批注。
    改写后仍有无法自动遮盖的个人信息时，逐处列出，退出码为 1。
    """
    if not file.is_file():
        raise missing_file(file)
    if file.suffix.lower().lstrip(".") not in SUFFIXES:
        raise UsageProblem(f"「{file.name}」不是 CSV、XLSX 或 Markdown 文件，gongkai mask 只处理这几种名单文件")
    try:
        result = mask_file(file, file.read_bytes(), agency_allowed(file))
    except Unreadable as exc:  # (a workbook the gate would not read either: too large, a bomb)
        raise UsageProblem(f"无法读取「{file.name}」：{exc}") from None
    except Exception as exc:  # noqa: BLE001 - a damaged workbook is the user's file, not our crash
        raise UsageProblem(f"无法读取「{file.name}」：{broken(exc)}。请确认文件未损坏、未加密。") from None
    for item in result.masked:
        out.print(f"{file.name} {item.where}：{item.label} → {item.masked}", markup=False)
    if not result.masked:
        if not result.left:  # (what is left is listed below: the file holds personal data, found by no cell alone)
            out.print(f"{file.name}：没有发现需要遮盖的个人信息。", markup=False)
    elif dry_run:
        out.print(f"共 {len(result.masked)} 处需要遮盖（--dry-run，未改写文件）。", markup=False)
    else:
        root = catalog_root_of(file)
        with catalog_lock(root, f"gongkai mask {file.name}") if root else output_lock(file, f"gongkai mask {file.name}"):
            write_atomic(file, result.data)
        out.print(f"共遮盖 {len(result.masked)} 处，已改写 {file.name}。", markup=False)
    if result.left:
        for item in result.left:
            out.print(f"未能遮盖 {item.where}：{item.label} {item.masked}", markup=False)
        if file.suffix.lower() in (".csv", ".xlsx"):
            what = ("如拆在几个单元格里的号码、定义的名称、嵌入的对象、隐藏的部件", "在 Excel 或 WPS 中打开文件，删去或手工遮盖")
        else:  # (a Markdown or text list: a number wrapped onto the next line, masks that show it together)
            what = ("如断在两行的号码、两处遮盖位置不同的号码", "用记事本打开文件，删去或手工遮盖（断在两行的号码先合到一行）")
        out.print(f"还有 {len(result.left)} 处个人信息 gongkai mask 无法改写（{what[0]}）：请{what[1]}上面列出的内容后再运行 "
                  "gongkai mask 检查；不处理的话，gongkai validate 会报错，这个文件不能发布。", markup=False)
        return EXIT_FINDINGS
    return EXIT_OK
