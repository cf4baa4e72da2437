"""The front door, fourteenth hostile round: what a clerk's Notepad, a read-only checkout and a pasted escape do to the
commands that rewrite catalog files, against the real CLI. Expected positions are counted by hand from the lines
written here."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ITEM, RECORD, CatalogDir, Run
from sheets import BASIS, DEADLINE, PUBLISHER, load, workbook

UNTIDY = "页数: 1\n" + RECORD.replace("页数: 1\n", "")  # fmt puts 页数 back in its place
IMPORT_HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象",
                 "公开方式", "公开层级", "编号"]


def diagnostics(gk: Callable[..., Run], root: Path) -> list[dict]:
    run = gk("validate", root, "--format", "json", "--no-cache")
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["diagnostics"]


def found(gk: Callable[..., Run], root: Path) -> list[tuple[int | None, int | None, str]]:
    return [(d["line"], d["column"], d["code"]) for d in diagnostics(gk, root)]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# Read-only files: every command that rewrites a file refuses a read-only one, and keeps mode and owner of the rest -


def test_fmt_leaves_a_read_only_file_alone_and_says_so(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: the file was replaced behind its read-only flag (a rename needs only the folder to be writable)."""
    path = cat.record(UNTIDY)
    other = cat.item("责任单位: shjzg\n" + ITEM.replace("责任单位: shjzg\n", ""))
    path.chmod(0o444)
    run = gk("fmt", cat.root)
    assert run.code == 1
    assert f"{path}: 无法整理：文件是只读的" in run.err and "只读" in run.err
    assert path.read_text(encoding="utf-8") == UNTIDY and mode(path) == 0o444
    assert other.read_text(encoding="utf-8") == ITEM  # the writable file is formatted all the same
    assert "共 3 个文件，已整理 1 个，1 个无法整理。" in run.out


def test_fmt_keeps_mode_and_owner(gk: Callable[..., Run], cat: CatalogDir) -> None:
    path = cat.record(UNTIDY)
    path.chmod(0o640)
    owned = os.geteuid() == 0
    if owned:  # only root can give a file away: the rewrite must not take it back
        os.chown(path, 4321, 4321)
    assert gk("fmt", path).code == 0
    assert path.read_text(encoding="utf-8") == RECORD and mode(path) == 0o640
    if owned:
        assert (path.stat().st_uid, path.stat().st_gid) == (4321, 4321)


def test_fmt_writes_through_a_link_and_keeps_the_link(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: the link was replaced by a regular file and its target kept the old text."""
    target = tmp_path / "elsewhere.yaml"
    target.write_text(UNTIDY, encoding="utf-8")
    link = cat.root / "records" / "2026" / "R2026-001.yaml"
    link.unlink()
    link.symlink_to(target)
    assert gk("fmt", link).code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8") == RECORD


def test_import_refuses_a_read_only_item_and_writes_nothing(gk: Callable[..., Run], cat: CatalogDir,
                                                             tmp_path: Path) -> None:
    path = cat.item()
    path.chmod(0o444)
    table = workbook(tmp_path / "t.xlsx", [
        IMPORT_HEADER,
        [1, "最低生活保障", "审批信息", "低保对象名单及相关信息、救助金额", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会",
         "主动", "县级", "SHJZ-001"],
        [2, "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", ""],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 2
    assert "items/shjz/SHJZ-001.yaml" in run.err and "只读" in run.err and "没有写入任何文件" in run.err
    assert path.read_text(encoding="utf-8") == ITEM and mode(path) == 0o444
    assert not (cat.root / "items/shjz/SHJZ-002.yaml").exists()


def test_mask_refuses_a_read_only_list(gk: Callable[..., Run], tmp_path: Path) -> None:
    sheet = tmp_path / "名单.csv"
    text = "姓名,身份证号\n张三,11010519491231002X\n"
    sheet.write_text(text, encoding="utf-8")
    sheet.chmod(0o444)
    run = gk("mask", sheet)
    assert run.code == 2 and "只读" in run.err and "内部错误" not in run.err
    assert sheet.read_text(encoding="utf-8") == text and mode(sheet) == 0o444
