"""gongkai export xlsx|csv: the official layout, deterministic bytes."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from gongkai.catalog import load_catalog
from gongkai.interchange.xlsx import export_directory_xlsx


def test_export_layout_of_bundled_catalog(bundled: Path) -> None:
    data = export_directory_xlsx(load_catalog(bundled, use_cache=False))
    assert data == export_directory_xlsx(load_catalog(bundled, use_cache=False))
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert workbook.sheetnames[0] == "社会救助"
    ws = workbook["社会救助"]
    assert ws["A1"].value == "安溪县民政局社会救助领域基层政务公开标准目录"
    assert [ws.cell(2, c).value for c in (1, 2, 4, 8, 9, 11, 13)] == [
        "序号", "公开事项", "公开内容（要素）", "公开渠道和载体", "公开对象", "公开方式", "公开层级"]
    assert [ws.cell(3, c).value for c in range(2, 4)] == ["一级事项", "二级事项"]
    assert [ws.cell(3, c).value for c in range(9, 15)] == ["全社会", "特定群体", "主动", "依申请", "县级", "乡级"]
    assert "B2:C2" in {str(r) for r in ws.merged_cells.ranges}
    assert ws.freeze_panes == "A4"
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == "8"
    channels = ws["H4"].value.split("\n")
    assert len(channels) == 13 and channels[0] == "■政府网站" and channels[1] == "□政府公报"
    assert ws["Q4"].value == "SHJZ-001" and ws["P4"].value == "社会救助股"
    assert ws["H4"].alignment.wrap_text
