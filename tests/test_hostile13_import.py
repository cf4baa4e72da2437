"""gongkai import xlsx / export xlsx|csv against tables as county clerks really keep them (round 13).

Each test builds its table with openpyxl, runs the real CLI on a small catalog and checks hand-written values.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import openpyxl

from conftest import ITEM, CatalogDir, Run
from sheets import BASIS, DEADLINE, PUBLISHER, load, workbook

HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
          "公开层级"]
ROW = [1, "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"]
NEW = "items/shjz/SHJZ-002.yaml"


def sheets(path: Path, books: Sequence[tuple[str, Sequence[Sequence[object]]]]) -> Path:
    """A workbook of several visible sheets, each (name, rows from row 1)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in books:
        ws = wb.create_sheet(name)
        for number, values in enumerate(rows, start=1):
            for col, value in enumerate(values, start=1):
                if value is not None:
                    ws.cell(number, col, value)
    wb.save(path)
    return path


def test_notes_and_signature_lines_below_the_table_are_skipped_not_errors(gk: Callable[..., Run], cat: CatalogDir,
                                                                          tmp_path: Path) -> None:
    # Written in the item columns: 填表人 under 一级事项, 审核人 under 公开依据, 填表日期 under 公开渠道; a note merged
    # across the row from the 一级事项 column. Before, each became an "item" and its channel/tick errors stopped all.
    table = workbook(tmp_path / "t.xlsx", [
        HEADER, ROW,
        [None, "填表人：张三", None, None, "审核人：李四", None, None, "填表日期：2020年5月"],
        [None, "注：本表由县民政局负责解释。"],
    ], sheet="社会救助", merges=["B4:K4"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!B3: 这一行是说明或签名行（「填表人：张三」），不是事项，已跳过" in run.err
    assert "社会救助!B4: 这一行没有事项名称、公开内容或编号，不是事项，已跳过：「注：本表由县民政局负责解释。」" in run.err
    assert "新增 1 项" in run.out
    assert load(cat.root / NEW)["二级事项"] == "办事指南"


def test_sheets_of_notes_or_choices_beside_the_directory_are_reported_not_errors(gk: Callable[..., Run],
                                                                                cat: CatalogDir, tmp_path: Path) -> None:
    table = sheets(tmp_path / "t.xlsx", [
        ("社会救助", [HEADER, ROW]),
        ("填表说明", [["序号", "说明"], [1, "公开渠道请打√"], [2, "不要改动表头"]]),
        ("下拉选项", [["公开对象", "公开方式", "公开层级"], ["全社会", "主动", "县级"], ["特定群体", "依申请", "乡级"]]),
    ])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    for name in ("填表说明", "下拉选项"):
        assert (f"{name}!A1: 工作表「{name}」没有目录表的表头（一级事项、二级事项、公开内容或编号列），不是目录表"
                "（如填表说明、下拉选项），没有导入") in run.err
    assert "新增 1 项" in run.out


def test_a_sheet_of_choices_alone_is_still_an_error(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = sheets(tmp_path / "t.xlsx", [("下拉选项", [["公开对象", "公开方式"], ["全社会", "主动"]])])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "下拉选项!A1: 表头缺少「一级事项」「公开内容」列" in run.err


def test_other_channel_column_naming_the_channels(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    # One sub-column per channel with 是/否 and √, and an 「其他（请注明）」 column holding the channel's name.
    table = workbook(tmp_path / "t.xlsx", [
        ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体", None, None, None,
         "公开对象", "公开方式", "公开层级"],
        [None] * 7 + ["政府网站", "政务服务中心", "村公示栏", "其他（请注明）"],
        [1, "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "是", "否", "√", "√12345政务服务热线、政务公开专区",
         "全社会", "主动", "县级"],
        [2, "临时救助", "审核审批信息", "救助对象名单", BASIS, DEADLINE, PUBLISHER, "是", "否", "", "□", "全社会", "主动",
         "县级"],
    ], sheet="社会救助", merges=["H1:K1"] + [f"{c}1:{c}2" for c in "ABCDEFGLMN"])
    run = gk("import", "xlsx", table, "--yes", "--dry-run", "-C", cat.root)
    assert "社会救助!K2「公开渠道和载体 / 其他（请注明）」→ 公开渠道：其他" in run.out
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    guide = load(cat.root / NEW)
    assert guide["公开渠道"] == ["政府网站", "社区/企事业单位/村公示栏（电子屏）", "其他"]
    assert guide["其他渠道"] == ["12345政务服务热线", "政务公开专区"]
    assert load(cat.root / "items/shjz/SHJZ-003.yaml")["公开渠道"] == ["政府网站"]


def test_separate_other_channel_column_ticks_other(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        [*HEADER, "其他渠道"], [*ROW, "12345政务服务热线"],
    ], sheet="社会救助")
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    item = load(cat.root / NEW)
    assert (item["公开渠道"], item["其他渠道"]) == (["政府网站", "其他"], ["12345政务服务热线"])
    assert gk("validate", cat.root).code == 0


def test_half_width_brackets_in_a_file_survive_export_and_import(gk: Callable[..., Run], cat: CatalogDir,
                                                                 tmp_path: Path) -> None:
    # The file was typed with half-width brackets. Before, the import read them back as full-width, proposed to
    # "remove" the 公开依据 and replace it, and needed --yes for what was no change at all.
    cat.item(ITEM.replace("《社会救助暂行办法》（国务院令第649号）", "《社会救助暂行办法》(国务院令第649号)\n  - 民发[2012]220号"))
    out = tmp_path / "d.xlsx"
    assert gk("export", "xlsx", "-C", cat.root, "-o", out).code == 0
    run = gk("import", "xlsx", out, "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 0 项，未变 1 项。" in run.out and "去掉" not in run.err
    again = tmp_path / "again.xlsx"
    assert gk("export", "xlsx", "-C", cat.root, "-o", again).code == 0
    assert out.read_bytes() == again.read_bytes()


def test_list_cells_split_on_half_width_numbering_keep_their_brackets(gk: Callable[..., Run], cat: CatalogDir,
                                                                      tmp_path: Path) -> None:
    row = [*ROW]
    row[3], row[4] = "(1)办理条件(含低保边缘家庭)\n(2)申请材料", "1)《社会救助暂行办法》(国务院令第649号) 2)民发[2012]220号"
    table = workbook(tmp_path / "t.xlsx", [HEADER, row], sheet="社会救助")
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    item = load(cat.root / NEW)
    assert item["公开内容"] == ["办理条件(含低保边缘家庭)", "申请材料"]
    assert item["公开依据"] == ["《社会救助暂行办法》(国务院令第649号)", "民发[2012]220号"]


def test_id_typed_in_lower_case_or_full_width_updates_the_item(gk: Callable[..., Run], cat: CatalogDir,
                                                              tmp_path: Path) -> None:
    # Before, 「shjz-001」 made a second file items/shjz/shjz-001.yaml (the same file on Windows), and 「ＳＨＪＺ－００１」
    # was refused.
    header = ["编号", "一级事项", "二级事项", "公开内容", "公开时限"]
    for typed in ("shjz-001", "ＳＨＪＺ－００１ "):
        table = workbook(tmp_path / "t.xlsx", [header, [typed, "最低生活保障", "审批信息", "低保对象名单及相关信息",
                                                           "信息形成或变更之日起20个工作日内"]],
                         sheet="社会救助")
        run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
        assert run.code == 0, run.err
        assert sorted(p.name for p in (cat.root / "items/shjz").iterdir()) == ["SHJZ-001.yaml"]
        assert load(cat.root / "items/shjz/SHJZ-001.yaml")["公开时限"] == "信息形成或变更之日起20个工作日内"


def test_item_names_retyped_with_other_brackets_or_spaces_match_the_item(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    cat.item(ITEM.replace("二级事项: 审批信息", "二级事项: 审批信息（名单）"))
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开时限"], ["最低 生活保障", "审批信息(名单)", "低保对象名单及相关信息", "常态"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 1 项" in run.out
    assert sorted(p.name for p in (cat.root / "items/shjz").iterdir()) == ["SHJZ-001.yaml"]


def test_export_never_writes_text_as_a_formula(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    cat.item(ITEM.replace("  - 低保对象名单及相关信息", '  - "=1+1"') + '备注: =HYPERLINK("http://x.example","点我")\n'
             '咨询电话: "+86-595-23000000"\n')
    out = tmp_path / "d.xlsx"
    assert gk("export", "xlsx", "-C", cat.root, "-o", out).code == 0
    ws = openpyxl.load_workbook(out)["社会救助"]
    cells = {ws.cell(3, c).value or ws.cell(2, c).value: ws.cell(4, c) for c in range(1, ws.max_column + 1)}
    assert (cells["备注"].data_type, cells["备注"].value) == ("s", '=HYPERLINK("http://x.example","点我")')
    assert (cells["公开内容（要素）"].data_type, cells["公开内容（要素）"].value) == ("s", "=1+1")
    again = gk("import", "xlsx", out, "-C", cat.root)
    assert again.code == 0, again.err
    assert "未变 1 项" in again.out
    table = tmp_path / "d.csv"
    assert gk("export", "csv", "-C", cat.root, "-o", table).code == 0
    rows = list(csv.DictReader(io.StringIO(table.read_bytes().decode("utf-8-sig"))))
    assert rows[0]["公开内容（要素）"] == "'=1+1"
    assert rows[0]["备注"] == "'=HYPERLINK(\"http://x.example\",\"点我\")"
    assert rows[0]["咨询电话"] == "'+86-595-23000000"
    assert rows[0]["一级事项"] == "最低生活保障"


def test_check_boxes_linked_to_cells_and_name_headers(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    # WPS/Excel check boxes leave TRUE/FALSE in their cells; 「一级事项名称」「二级事项名称」 are the 事项 columns.
    table = workbook(tmp_path / "t.xlsx", [
        ["序号", "一级事项名称", "二级事项名称", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", None,
         "公开方式", "公开层级"],
        [None] * 8 + ["全社会", "特定群体"],
        [*ROW[:8], False, True, "主动", "县级"],
    ], sheet="社会救助", merges=["I1:J1"] + [f"{c}1:{c}2" for c in "ABCDEFGHKL"])
    run = gk("import", "xlsx", table, "--yes", "--dry-run", "-C", cat.root)
    assert "社会救助!B1「一级事项名称」→ 一级事项" in run.out and "社会救助!C1「二级事项名称」→ 二级事项" in run.out
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    item = load(cat.root / NEW)
    assert (item["一级事项"], item["二级事项"], item["公开对象"]) == ("临时救助", "办事指南", "特定群体")
