"""The thirty-sixth pass, state safety: what a run stopped half-way (a read-only file, a full disk, Ctrl+C) leaves.

1. `gongkai county -o 文件夹` renamed each workbook in as it wrote it and the stamp (.gongkai-county.json) last. A run
   stopped at the second workbook (open in Excel, read-only, a full disk, Ctrl+C) left a new scorecard beside the
   old review and annual under the old stamp; a run on the earlier inputs (a department's edit undone) then found its
   stamp, said 「没有变化，未重写」 and kept the mixed set for good. The three are now written aside first and renamed in
   together, the stamp removed before and written after them: a stopped run leaves the old set and runs again.

Today is conftest's day, 2026-11-27.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CatalogDir, Run, git
from gongkai.errors import advise_os_error, describe_os_error

WORKBOOKS = ("annual-2026.xlsx", "review-2026.xlsx", "scorecard-2026.xlsx")


def _sums(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in WORKBOOKS}


def test_county_stopped_at_one_workbook_keeps_the_old_set_and_runs_again(gk: Callable[..., Run], cat: CatalogDir,
                                                                         repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "县汇总 2026"
    first = gk("county", cat.root, "-o", out)
    assert first.code == 0, first.err
    before = _sums(out)
    item = cat.root / "items/shjz/SHJZ-001.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace("二级事项: 审批信息", "二级事项: 审批结果信息"), encoding="utf-8")
    os.chmod(out / "annual-2026.xlsx", 0o444)  # the last one written: the other two went in before it
    stopped = gk("county", cat.root, "-o", out)
    assert stopped.code == 2  # bad state of the user's files, not our bug (3)
    assert "只读" in stopped.err and "annual-2026.xlsx" in stopped.err
    assert _sums(out) == before  # not one workbook of the new inputs beside the old ones
    git(repo, "checkout", "--", str(item))  # the edit undone: the very inputs of the first run again
    os.chmod(out / "annual-2026.xlsx", 0o644)
    again = gk("county", cat.root, "-o", out)
    assert again.code == 0, again.err
    assert _sums(out) == before
    last = gk("county", cat.root, "-o", out)
    assert "没有变化，未重写" in last.out + last.err


def test_a_symbolic_link_looping_back_on_itself_is_one_finding_not_the_end_of_every_command(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    (cat.root / "records/2026/旧").symlink_to("旧")  # ln -s 旧 旧: a shortcut made to itself
    (cat.root / "items/a").symlink_to("b")  # two that lead to each other
    (cat.root / "items/b").symlink_to("a")
    checked = gk("validate", cat.root)
    assert checked.code == 1
    assert "records/2026/旧" in checked.out and "「旧」是符号链接（绕回自己，形成循环，什么也读不到）" in checked.out
    assert "items/a" in checked.out and "items/b" in checked.out
    assert "ELOOP" not in checked.out + checked.err
    built = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert built.code in (0, 1), built.err
    assert (tmp_path / "site/index.html").is_file()
    assert "ELOOP" not in built.out + built.err


def test_a_loop_the_system_reports_is_said_in_chinese(tmp_path: Path) -> None:
    loop = tmp_path / "循环"
    loop.symlink_to(loop)
    with pytest.raises(OSError) as raised:
        (loop / "名单.csv").read_bytes()
    assert describe_os_error(raised.value) == f"符号链接（快捷方式）绕回了自己，形成循环：{loop / '名单.csv'}"
    assert advise_os_error(raised.value) == "请删去这个链接，或让它指向真正的文件（文件夹）"
