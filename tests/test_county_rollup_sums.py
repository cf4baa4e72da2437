"""county: the roll-up of the annual reports adds every department's table 二 and table 四, figure by figure.

Sums worked by hand: 行政处罚 3 + 2 = 5, 行政许可 12 + 0 = 12, 行政事业性收费 1.25 + 0.0125 = 1.2625 万元 (four places,
as the departments wrote them), 行政复议 维持 1 + 1 = 2.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import Run
from tests.test_county import county  # noqa: F401 - the fixture

ANNUAL = "年度: 2026\n总体情况: 全年依法公开。\n行政许可: {licensing}\n行政处罚: {penalty}\n行政强制: 0\n行政事业性收费: {fees}\n"
APPEAL = "编号: FY-001\n类型: 行政复议\n收到日期: 2026-05-10\n结果: 维持\n结案日期: 2026-07-01\n"


def _write(catalog: Path, rel: str, text: str) -> None:
    path = catalog / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_roll_up_adds_tables_two_and_four(gk: Callable[..., Run], county: tuple[Path, Path, Path],  # noqa: F811
                                              tmp_path: Path) -> None:
    yongchun, dehua = county[0] / "catalog", county[1] / "catalog"
    _write(yongchun, "annual/2026.yaml", ANNUAL.format(licensing=12, penalty=3, fees=1.25))
    _write(dehua, "annual/2026.yaml", ANNUAL.format(licensing=0, penalty=2, fees=0.0125))
    _write(yongchun, "appeals/FY-001.yaml", APPEAL)
    _write(dehua, "appeals/FY-001.yaml", APPEAL)
    out = tmp_path / "o"
    gk("county", county[0], county[1], "--year", "2026", "--out", out)
    book = load_workbook(out / "annual-2026.xlsx")
    two = book[next(s for s in book.sheetnames if s.startswith("表二"))]
    rows = {row[0]: list(row[1:]) for row in two.iter_rows(values_only=True) if row[0]}
    assert rows["行政许可"][0] == 12 and rows["行政处罚"][0] == 5 and rows["行政强制"][0] == 0
    assert rows["行政事业性收费"][0] == 1.2625
    four = book[next(s for s in book.sheetnames if s.startswith("表四"))]
    appeals = {row[0]: list(row[1:]) for row in four.iter_rows(values_only=True) if row[0]}
    assert appeals["行政复议"] == [2, 0, 0, 0, 2]  # 结果维持 … 总计
