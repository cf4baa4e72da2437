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
import subprocess
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


def _dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def test_what_a_killed_build_left_beside_an_output_named_with_dots_is_tidied(gk: Callable[..., Run], cat: CatalogDir,
                                                                           tmp_path: Path) -> None:
    out = tmp_path / "www.anxi.gov.cn"
    assert gk("build-site", cat.root, "--out", out).code == 0
    dead = _dead_pid()
    staging = tmp_path / f".www.anxi.gov.cn.building.{dead}.k2j4x9ab"  # kill -9 while the pages were made
    (staging / "records").mkdir(parents=True)
    (staging / "records/R2026-001.html").write_text("半成品", encoding="utf-8")
    other = tmp_path / f".www.anxi.gov.cn.old.building.{dead}.q8w7e6rt"  # the output www.anxi.gov.cn.old's: not ours
    other.mkdir()
    built = gk("build-site", cat.root, "--out", out)
    assert built.code == 0, built.err
    assert not staging.exists()  # was left for good: every killed build kept a copy of the site beside it
    assert other.is_dir()


def test_a_site_put_back_when_its_build_was_killed_between_the_two_renames(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    out = tmp_path / "mzj.anxi"
    assert gk("build-site", cat.root, "--out", out).code == 0
    holder = tmp_path / f".mzj.anxi.old.{_dead_pid()}.a1b2c3d4"
    holder.mkdir()
    out.rename(holder / "previous")  # the old site moved aside, the new one not yet in: then the power went
    (holder / "previous/index.html").write_text("上一次的网站", encoding="utf-8")
    assert gk("validate", cat.root).code == 0
    built = gk("build-site", cat.root, "--out", out)
    assert built.code == 0, built.err
    assert not holder.exists()
    assert "上一次的网站" not in (out / "index.html").read_text(encoding="utf-8")  # made whole again from the catalog
    assert (out / ".gongkai-build.json").is_file()


LONG_NAME = "安溪县民政局政府信息公开网站" * 5 + "安溪县民政局政府信息"  # 240 bytes: a name the system takes (255 at most)


def test_an_output_whose_name_is_long_but_legal_is_written(gk: Callable[..., Run], cat: CatalogDir,
                                                           tmp_path: Path) -> None:
    assert len(LONG_NAME.encode("utf-8")) == 240
    site = tmp_path / LONG_NAME
    built = gk("build-site", cat.root, "--out", site)
    assert built.code == 0, built.err  # was 「文件名太长」: the hidden folder beside it has 27 bytes more
    assert (site / "index.html").is_file()
    again = gk("build-site", cat.root, "--out", site, "--no-cache")
    assert again.code == 0, again.err
    assert {p.name for p in tmp_path.iterdir()} == {LONG_NAME, "catalog"}  # nothing left beside it
    table = tmp_path / f"{LONG_NAME}.xlsx"  # 245 bytes
    exported = gk("export", "xlsx", "-C", cat.root, "--out", table)
    assert exported.code == 0, exported.err
    assert table.read_bytes()[:2] == b"PK"
    assert {p.name for p in tmp_path.iterdir()} == {LONG_NAME, f"{LONG_NAME}.xlsx", "catalog"}


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes into a read-only folder")
def test_a_read_only_output_folder_is_named_not_the_hidden_file_written_aside(gk: Callable[..., Run], cat: CatalogDir,
                                                                              tmp_path: Path) -> None:
    shelf = tmp_path / "只读"
    shelf.mkdir()
    shelf.chmod(0o555)
    try:
        exported = gk("export", "xlsx", "-C", cat.root, "--out", shelf / "目录.xlsx")
        built = gk("build-site", cat.root, "--out", shelf / "site")
    finally:
        shelf.chmod(0o755)
    assert exported.code == 2 and f"没有权限：{shelf / '目录.xlsx'}）" in exported.err
    assert built.code == 2 and f"没有权限：{shelf / 'site'}）" in built.err
    assert ".tmp" not in exported.err and ".building." not in built.err
