"""Attachment paths: only regular files inside the catalog's files/ folder may ever be published."""

from __future__ import annotations

import os
from pathlib import Path

from gongkai.catalog.load import Catalog

FOLDER = "files/"


def attachment_problem(catalog: Catalog, path: str) -> str | None:
    """Why *path* may not be published (a Chinese reason), or None when it is a regular file inside files/."""
    parts = path.split("/")
    if "\\" in path:
        return "路径中有反斜杠「\\」，请改用正斜杠「/」"
    if path.startswith("/") or ":" in path:
        return "是绝对路径，请写相对于目录文件夹的路径，如 files/2026/R2026-012.pdf"
    if any(p in ("", ".", "..") for p in parts):
        return "路径中有「..」或空的部分，不能指向 files/ 文件夹以外"
    if not path.startswith(FOLDER):
        return "不在目录的 files/ 文件夹中"
    root = getattr(catalog.source, "root", None)
    if root is None:
        return None if path in catalog.attachments else "文件不存在"
    target = Path(root) / path
    if target.is_symlink():
        return "是符号链接（快捷方式），请放入文件本身"
    if target.is_dir():
        return "是文件夹，不是文件"
    if not target.exists():
        return "文件不存在"
    if not target.is_file():
        return "不是普通文件"
    folder = os.path.realpath(Path(root) / FOLDER)
    if not os.path.realpath(target).startswith(folder + os.sep):
        return "实际位置不在目录的 files/ 文件夹中"
    return None
