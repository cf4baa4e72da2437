"""gongkai schema: write JSON Schema files for editors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from gongkai.cli.app import app, out
from gongkai.files_io import refuse_inside_repository, write_atomic
from gongkai.schema_export import schema_files


@app.command("schema")
def schema_command(
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="写入的文件夹")] = Path("schema"),
) -> None:
    """生成事项、信息和 gongkai.yaml 的 JSON Schema，供编辑器（如 VS Code 的 YAML 插件）边写边检查、自动补全。"""
    refuse_inside_repository(out_dir)
    for name, text in schema_files().items():
        write_atomic(out_dir / name, text)
        out.print(f"已写入 {out_dir / name}", markup=False)
