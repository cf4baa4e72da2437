"""gongkai import xlsx on what real tables hide: hidden sheets and rows, formulas, error results, dates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import openpyxl

from conftest import CatalogDir, Run
from sheets import BASIS, DEADLINE, PUBLISHER, load

HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式", "公开层级"]


def _row(level2: str) -> list[object]:
    return [1, "临时救助", level2, "办理条件", BASIS, DEADLINE, PUBLISHER, "■政府网站 □政府公报", "全社会", "主动", "县级"]


def _book(*rows: list[object]) -> tuple[openpyxl.Workbook, openpyxl.worksheet.worksheet.Worksheet]:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "社会救助"
    for row in (HEADER, *rows):
        ws.append(row)
    return wb, ws


def _new_items(cat: CatalogDir) -> list[str]:
    return sorted(p.name for p in (cat.root / "items").rglob("*.yaml") if p.name != "SHJZ-001.yaml")


def test_hidden_sheet_is_named_and_not_imported(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    wb, _ = _book(_row("办事指南"))
    old = wb.create_sheet("社会救助（旧）")
    for row in (HEADER, _row("作废的事项")):
        old.append(row)
    old.sheet_state = "hidden"
    wb.save(table := tmp_path / "t.xlsx")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助（旧）!A1: 工作表「社会救助（旧）」是隐藏的，没有导入" in run.err
    assert _new_items(cat) == ["SHJZ-002.yaml"] and load(cat.root / "items/shjz/SHJZ-002.yaml")["二级事项"] == "办事指南"


def test_hidden_or_filtered_row_is_named_and_not_imported(gk: Callable[..., Run], cat: CatalogDir,
                                                          tmp_path: Path) -> None:
    wb, ws = _book(_row("办事指南"), _row("隐藏的事项"), _row("审核信息"))
    ws.row_dimensions[3].hidden = True
    wb.save(table := tmp_path / "t.xlsx")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!A3: 第3行是隐藏的（或被筛选隐藏），没有导入" in run.err
    assert [load(cat.root / "items/shjz" / n)["二级事项"] for n in _new_items(cat)] == ["办事指南", "审核信息"]


def test_hidden_column_is_named_and_not_imported(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """An old 公开依据 kept in a hidden column E, the current one in the visible column L that the clerk edits: the
    hidden one was imported and the visible one called a duplicate and ignored."""
    wb, ws = _book()
    ws.cell(1, 12, "公开依据")
    ws.append(_row("办事指南")[:4] + ["《旧办法》（已废止）"] + _row("办事指南")[5:] + [BASIS])
    ws.column_dimensions["E"].hidden = True
    wb.save(table := tmp_path / "t.xlsx")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!E1: 第E列（「公开依据」）是隐藏的，没有导入；确要导入请取消隐藏后再导入" in run.err
    assert "重复" not in run.err
    assert load(cat.root / "items/shjz/SHJZ-002.yaml")["公开依据"] == [BASIS]


def test_hidden_column_group_is_named_too(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    wb, ws = _book(_row("办事指南"))
    for col, label in ((12, "备注（内部）"), (13, "经办人")):
        ws.cell(1, col, label)
        ws.cell(2, col, "内部")
    ws.column_dimensions.group("L", "M", hidden=True)
    wb.save(table := tmp_path / "t.xlsx")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!L1: 第L列（「备注（内部）」）是隐藏的" in run.err and "社会救助!M1: 第M列（「经办人」）是隐藏的" in run.err
    assert "不认识的列" not in run.err


def test_formula_without_a_result_is_an_error_not_a_blank(gk: Callable[..., Run], cat: CatalogDir,
                                                          tmp_path: Path) -> None:
    row = _row("办事指南")
    row[4] = '=CONCATENATE("《社会救助暂行办法》","")'  # openpyxl, like any program, stores no computed result
    wb, _ = _book(row)
    wb.save(table := tmp_path / "t.xlsx")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助!E2: 单元格是公式「=CONCATENATE(" in run.err and "没有保存计算结果" in run.err
    assert _new_items(cat) == []


def test_formula_error_result_and_date_cells_are_errors(gk: Callable[..., Run], cat: CatalogDir,
                                                        tmp_path: Path) -> None:
    broken, dated = _row("办事指南"), _row("审核信息")
    broken[4] = "#REF!"
    dated[5] = dt.datetime(2026, 3, 1)
    wb, _ = _book(broken, dated)
    wb.save(table := tmp_path / "t.xlsx")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助!E2: 单元格的公式出错（#REF!）" in run.err
    assert "社会救助!F3: 单元格是日期格式（Excel 显示为日期，读出的是「2026-03-01 00:00:00」）" in run.err
    assert _new_items(cat) == []


def test_personal_data_in_a_cell_is_named_by_cell_and_masked(gk: Callable[..., Run], cat: CatalogDir,
                                                            tmp_path: Path) -> None:
    """The table's 备注 carried a mobile and a 身份证号 (GB 11643-1999 check digit 6 typed by hand): import wrote them
    into the item without a word; only a later validate said so, at a YAML line the clerk never typed."""
    wb, ws = _book()
    ws.cell(1, 12, "备注")
    ws.append(_row("办事指南") + ["联系人 13812345678，身份证 350524198503151236"])
    wb.save(table := tmp_path / "t.xlsx")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert ("社会救助!L2: 含有未遮盖的个人信息：手机号码「138****5678」、身份证号「35*************236」；"
            "公开前须遮盖（gongkai mask），否则 gongkai validate 报错、不能发布") in run.err
    assert "13812345678" not in run.out + run.err and "350524198503151236" not in run.out + run.err
