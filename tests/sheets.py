"""Building directory tables as counties lay them out, with openpyxl, for the import tests."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import openpyxl
import yaml_rs

BASIS = "《社会救助暂行办法》（国务院令第649号）"
DEADLINE = "制定或获取信息之日起10个工作日内"
PUBLISHER = "县级人民政府民政部门"

TWO_DOMAINS = """\
  - 名称: 养老服务
    代码: YLFW
单位:
  - 编号: ylfwg
    名称: 养老服务股
    类型: 股室
"""


def workbook(path: Path, rows: Sequence[Sequence[object]], *, sheet: str = "Sheet1",
             merges: Sequence[str] = ()) -> Path:
    """A one-sheet workbook: *rows* from row 1 (None or [] for a blank cell or row), then the merged ranges."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    for number, values in enumerate(rows, start=1):
        for col, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(number, col, value)
    for merged in merges:
        ws.merge_cells(merged)
    wb.save(path)
    return path


def load(path: Path) -> dict[str, object]:
    """An item file as data, to compare with hand-typed values."""
    data = yaml_rs.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def with_second_domain(agency: str) -> str:
    """The test agency with a second 领域 (养老服务, YLFW) and its unit."""
    return agency.replace("单位:\n", TWO_DOMAINS, 1)
