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

from conftest import CatalogDir, Run, git

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
