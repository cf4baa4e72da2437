"""gongkai import xlsx, fourteenth hostile round: columns and rows a clerk hid by dragging them to nothing, and 编号
columns that hold a table's own numbering. Each test builds its table with openpyxl (and, where openpyxl cannot write
what Excel and WPS write, edits the sheet's XML), runs the real CLI and checks hand-written values."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from conftest import CatalogDir, Run
from sheets import BASIS, DEADLINE, PUBLISHER, load, with_second_domain, workbook
from test_hostile13_import import sheets

HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
          "公开层级"]
ROW = [1, "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"]
NEW = "items/shjz/SHJZ-002.yaml"


def squeezed(path: Path, columns: dict[str, float] | None = None, rows: dict[int, float] | None = None,
             unused_rows_hidden: bool = False) -> Path:
    """*path* with the given columns' widths and rows' heights set in the sheet's XML, with no 「hidden」 flag: what a
    column dragged to nothing in WPS, or a table written by another program, holds."""
    source = zipfile.ZipFile(io.BytesIO(path.read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                cols = "".join(f'<col min="{n}" max="{n}" width="{w}" customWidth="1"/>'
                               for n, w in (columns or {}).items())
                text = re.sub(r"<sheetData>", f"<cols>{cols}</cols><sheetData>" if cols else "<sheetData>", text)
                if unused_rows_hidden:  # Excel: every row without a height of its own is hidden
                    text = text.replace("<sheetFormatPr ", '<sheetFormatPr zeroHeight="1" ')
                for number, height in (rows or {}).items():
                    text = text.replace(f'<row r="{number}">', f'<row r="{number}" ht="{height}" customHeight="1">')
                data = text.encode("utf-8")
            target.writestr(info, data)
    path.write_bytes(out.getvalue())
    return path


def test_a_column_of_width_zero_is_hidden(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: the old 公开依据 dragged to nothing in column E was imported, and the visible one in L 「重复，已忽略」."""
    table = workbook(tmp_path / "t.xlsx", [
        [*HEADER, "公开依据"],
        [*ROW[:4], "旧依据（已废止）", *ROW[5:], BASIS],
    ], sheet="社会救助")
    squeezed(table, columns={"5": 0})
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!E1: 第E列（「公开依据」）的宽度为 0，看不见，没有导入；确要导入请把列拉宽后再导入" in run.err
    assert load(cat.root / NEW)["公开依据"] == [BASIS]


def test_a_row_of_height_zero_is_hidden(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        HEADER, ROW, [2, "临时救助", "旧的二级事项", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
    ], sheet="社会救助")
    squeezed(table, rows={3: 0})
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!A3: 第3行的行高为 0，看不见，没有导入；确要导入请调整行高后再导入" in run.err
    assert "新增 1 项" in run.out and not (cat.root / "items/shjz/SHJZ-003.yaml").exists()


def test_a_row_without_a_height_in_a_sheet_that_hides_such_rows_is_hidden(gk: Callable[..., Run], cat: CatalogDir,
                                                                          tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        HEADER, ROW, [2, "临时救助", "旧的二级事项", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
    ], sheet="社会救助")
    squeezed(table, rows={1: 15, 2: 15}, unused_rows_hidden=True)
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!A3: 第3行的行高为 0，看不见，没有导入" in run.err and "新增 1 项" in run.out


def test_an_id_that_is_only_a_number_is_refused_at_its_cell(gk: Callable[..., Run], cat: CatalogDir,
                                                             tmp_path: Path) -> None:
    """Before: 「2」 became items/shjz/2.yaml, an item with the 编号 2, beside the SHJZ-001 the same column named."""
    table = workbook(tmp_path / "t.xlsx", [
        [*HEADER, "编号"],
        [*ROW, "SHJZ-001"],
        [2, "临时救助", "审核审批信息", "救助对象名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", "2"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!L3: 编号「2」只有数字，像是序号而不是事项编号（会建成文件 items/shjz/2.yaml）：请写成领域代码加"
            "序号，如 SHJZ-002；或不填，由 gongkai 自动编号") in run.err
    assert not (cat.root / "items/shjz/2.yaml").exists() and not (cat.root / NEW).exists()


def test_a_numbering_column_named_id_with_sub_numbers_is_a_serial(gk: Callable[..., Run], cat: CatalogDir,
                                                                   tmp_path: Path) -> None:
    """「1」「1.1」「1-2」: a table's own numbering under the heading 编号, read as 序号 (the new items get SHJZ-002 …)."""
    rows = [["编号", *HEADER[1:]]]
    for number, level2 in (("1", "办事指南"), ("1.1", "审核审批信息"), ("1-2", "政策法规文件")):
        rows.append([number, "临时救助", level2, "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"])
    table = workbook(tmp_path / "t.xlsx", rows, sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert [load(cat.root / f"items/shjz/SHJZ-00{n}.yaml")["二级事项"] for n in (2, 3, 4)] == [
        "办事指南", "审核审批信息", "政策法规文件"]
    assert not list((cat.root / "items/shjz").glob("1*.yaml"))


def test_invisible_characters_in_cells_are_not_imported(gk: Callable[..., Run], cat: CatalogDir,
                                                        tmp_path: Path) -> None:
    """Before: 「SHJZ-001​」 was refused as an id (the message showed nothing wrong), 「最低生活保障​」 was an update
    that changed nothing one could see, and new files carried the zero-width spaces and Excel's 「_x000B_」 (Word's
    Shift+Enter as Excel stores it) into the catalog."""
    table = workbook(tmp_path / "t.xlsx", [
        [*HEADER, "编号"],
        [1, "最低生活保障\u200b", "审批信息", "低保对象名单及相关信息", BASIS, DEADLINE, PUBLISHER,
         "政府网站、村公示栏", "全社会", "主动", "县级、乡级", "SHJZ-001\u200b"],
        [2, "临时\u2060救助", "办事_x000B_指南", "办理\u200b条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动",
         "县级", ""],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 1 项，更新 0 项，未变 1 项。" in run.out
    item = load(cat.root / NEW)
    assert (item["一级事项"], item["二级事项"], item["公开内容"]) == ("临时救助", "办事指南", ["办理条件"])
    assert "\u200b" not in (cat.root / NEW).read_text(encoding="utf-8")


def test_a_literal_underscore_x_in_a_cell_stays(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    # Excel writes the text 「_x0041_」 as 「_x005F_x0041_」 (its own escape for the underscore)
    table = workbook(tmp_path / "t.xlsx", [
        HEADER, [1, "临时救助", "办事指南", "编码_x005F_x0041_说明", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
    ], sheet="社会救助")
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    assert load(cat.root / NEW)["公开内容"] == ["编码_x0041_说明"]


def test_an_import_that_cannot_write_one_file_writes_none(gk: Callable[..., Run], cat: CatalogDir,
                                                          tmp_path: Path) -> None:
    """Before: SHJZ-001 was updated, then the new YLFW item could not be written (items/ylfw is a file, not a folder):
    half an import in the catalog, and the table could no longer be imported as it was meant."""
    cat.write("gongkai.yaml", with_second_domain((cat.root / "gongkai.yaml").read_text(encoding="utf-8")))
    cat.write("items/ylfw", "误建的文件\n")
    table = sheets(tmp_path / "t.xlsx", [
        ("社会救助", [[*HEADER, "编号"], [1, "最低生活保障", "审批信息", "低保对象名单及相关信息、救助金额", BASIS, DEADLINE,
                                         PUBLISHER, "政府网站、村公示栏", "全社会", "主动", "县级、乡级", "SHJZ-001"]]),
        ("养老服务", [HEADER, [1, "养老机构投资指南", "", "投资环境简介", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动",
                               "县级"]]),
    ])
    before = (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes()
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 2 and "没有写入任何文件" in run.err and "内部错误" not in run.err
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes() == before
    assert not [p for p in (cat.root / "items").rglob(".*.tmp")]  # nothing left aside either
