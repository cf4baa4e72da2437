"""`gongkai import xlsx` of a workbook the gate would not read for its size (h100's note, twenty-third pass): a 1 KB
xlsx that declares the largest size Excel has and puts one cell in its last row and column made openpyxl build every
cell between — import ended in MemoryError, printed in English, after taking gigabytes. It now asks the gate's limits
first (privacy.documents.check_workbook) and says in Chinese what to do. Run in a child process with its memory
capped at 2 GB, so that a return of the bug fails this test instead of taking the machine."""

from __future__ import annotations

import os
import resource
import subprocess
import sys

from test_hostile23_scanner_limits import _far_cell, _wide_rows, _workbook


def _import(path, catalog) -> subprocess.CompletedProcess[str]:
    def capped() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run([sys.executable, "-m", "gongkai", "import", "xlsx", str(path), "--catalog", str(catalog), "--dry-run"],
                          capture_output=True, text=True, preexec_fn=capped, timeout=120,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_a_workbook_declaring_every_cell_of_a_sheet_is_refused_in_chinese(cat, tmp_path):
    path = tmp_path / "目录.xlsx"
    path.write_bytes(_workbook(_far_cell))
    run = _import(path, cat.root)
    assert run.returncode in (1, 2), run
    assert "超过 1,000,000 个" in run.stderr + run.stdout and "请删去" in run.stderr + run.stdout, run
    assert "MemoryError" not in run.stderr and "Traceback" not in run.stderr


def test_a_workbook_of_too_many_cells_is_refused_and_one_within_the_limit_is_read(cat, tmp_path):
    wide = tmp_path / "宽.xlsx"
    wide.write_bytes(_workbook(_wide_rows(70)))  # 70 rows of 16,384 cells: 1,146,880 and more
    run = _import(wide, cat.root)
    assert run.returncode in (1, 2) and "超过 1,000,000 个" in run.stderr + run.stdout, run
    within = tmp_path / "窄.xlsx"
    within.write_bytes(_workbook(_wide_rows(50)))  # 50 rows: 819,200 and the two of the header rows: read
    run = _import(within, cat.root)
    assert "超过 1,000,000 个" not in run.stderr + run.stdout and "Traceback" not in run.stderr, run
