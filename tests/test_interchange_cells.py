"""gongkai import: cells read by meaning — lists in one cell, channel boxes in any arrangement, messages by cell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CatalogDir, Run
from gongkai.interchange.cells import split_list
from sheets import BASIS, DEADLINE, PUBLISHER, load, workbook

HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象",
          "公开方式", "公开层级"]
BOARD = "社区/企事业单位/村公示栏（电子屏）"


def table(path: Path, cells: list[tuple[str, str]], **fixed: str) -> Path:
    """One row per (公开内容, 公开渠道) pair; the other cells are fixed and valid."""
    rows: list[list[object]] = [HEADER]
    for number, (contents, channels) in enumerate(cells, start=1):
        rows.append([number, "临时救助", f"事项{number}", contents, fixed.get("basis", BASIS), DEADLINE, PUBLISHER, channels,
                     fixed.get("audience", "全社会"), "主动", "县级"])
    return workbook(path, rows, sheet="社会救助")


LISTS = [
    ("1.办理事项\n2.办理条件", ["办理事项", "办理条件"]),
    ("办理事项、办理条件、申请材料", ["办理事项", "办理条件", "申请材料"]),
    ("1.办理事项 2.办理条件 3.申请材料", ["办理事项", "办理条件", "申请材料"]),
    ("1、办理事项2、办理条件", ["办理事项", "办理条件"]),
    ("（1）办理事项（2）办理条件", ["办理事项", "办理条件"]),
    ("(1)办理事项 (2)办理条件", ["办理事项", "办理条件"]),
    ("①办理事项②办理条件③申请材料", ["办理事项", "办理条件", "申请材料"]),
    ("一、办理事项\n二、办理条件", ["办理事项", "办理条件"]),
    ("●办理事项●办理条件", ["办理事项", "办理条件"]),
    ("• 办理事项\n• 办理时间、地点", ["办理事项", "办理时间、地点"]),
    ("办理事项·办理条件", ["办理事项", "办理条件"]),
    ("办理事项；办理时间、地点；", ["办理事项", "办理时间、地点"]),
    ("办理事项;办理条件", ["办理事项", "办理条件"]),
    ("补贴名称（建设补贴、运营补贴等）", ["补贴名称（建设补贴、运营补贴等）"]),
    ("“双随机、一公开”抽查计划", ["“双随机、一公开”抽查计划"]),
    ("低保标准为每人每月2.5元", ["低保标准为每人每月2.5元"]),
]


@pytest.mark.parametrize(("cell", "expected"), LISTS)
def test_split_list(cell: str, expected: list[str]) -> None:
    assert split_list(cell) == expected


def test_basis_lists_keep_titles_and_document_numbers_whole(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    basis = "《社会救助暂行办法》（国务院令第649号）、《最低生活保障审核审批办法（试行）》（民发〔2012〕220号）"
    path = table(tmp_path / "t.xlsx", [("办理条件", "政府网站")], basis=basis)
    assert gk("import", "xlsx", path, "--yes", "-C", cat.root).code == 0
    assert load(cat.root / "items/shjz/SHJZ-002.yaml")["公开依据"] == [
        "《社会救助暂行办法》（国务院令第649号）", "《最低生活保障审核审批办法（试行）》（民发〔2012〕220号）"]


def test_contents_written_on_one_line_through_the_cli(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    path = table(tmp_path / "t.xlsx", [(cell, "政府网站") for cell, _ in LISTS[:4]])
    assert gk("import", "xlsx", path, "--yes", "-C", cat.root).code == 0
    for number, (_, expected) in enumerate(LISTS[:4], start=2):
        assert load(cat.root / f"items/shjz/SHJZ-00{number}.yaml")["公开内容"] == expected


CHANNELS = [
    ("■政府网站\n□政府公报\n■政务服务中心", ["政府网站", "政务服务中心"], []),
    ("■政府网站 □政府公报 ■政务服务中心 ■村公示栏", ["政府网站", "政务服务中心", BOARD], []),
    ("口政府网站\n■政府公报\n口政务服务中心", ["政府公报"], []),
    ("政府网站■ 政府公报□ 政务服务中心√", ["政府网站", "政务服务中心"], []),
    ("政府网站口 政务服务中心√", ["政务服务中心"], []),
    ("☑政府网站☐政府公报☑其他（12345政务服务热线、政务公开专区）", ["政府网站", "其他"], ["12345政务服务热线", "政务公开专区"]),
    ("✓政府网站 ×政府公报 ✗两微一端 √政府服务中心", ["政府网站", "政务服务中心"], []),
    ("政府网站、行政服务中心、镇村公示公开栏", ["政府网站", "政务服务中心", BOARD], []),
    ("政府网站\n纸质载体", ["政府网站", "纸质媒体"], []),
    ("■政府网站\n■其他：12345政务服务热线", ["政府网站", "其他"], ["12345政务服务热线"]),
    ("政府网站■ 政府公报□ 其他（12345政务服务热线、政务公开专区）√", ["政府网站", "其他"], ["12345政务服务热线", "政务公开专区"]),
]


def test_channel_boxes_in_any_arrangement(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    path = table(tmp_path / "t.xlsx", [("办理条件", cell) for cell, _, _ in CHANNELS])
    run = gk("import", "xlsx", path, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    for number, (_, expected, others) in enumerate(CHANNELS, start=2):
        item = load(cat.root / f"items/shjz/SHJZ-{number:03d}.yaml")
        assert item["公开渠道"] == expected, number
        assert item.get("其他渠道", []) == others, number


def test_channel_problems_say_what_the_cell_holds(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    path = table(tmp_path / "t.xlsx", [
        ("办理条件", "■政府网站\n■飞鸽传书"),
        ("办理条件", "口政府网站 口政府公报 □政务服务中心"),
        ("办理条件", "■政府网站 政务服务中心"),
    ], audience="大家")
    run = gk("import", "xlsx", path, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助!H2: 不认识的公开渠道「飞鸽传书」" in run.err
    assert "社会救助!H3: 公开渠道和载体一项也没有勾选：单元格里的 3 个方框都没有勾选" in run.err
    assert "社会救助!H4: 「政务服务中心」前后没有方框" in run.err
    assert "社会救助!I2: 不认识的公开对象「大家」：应是全社会、特定群体之一" in run.err
    assert "一项也没有勾选" not in run.err.split("H3")[0]  # ticked boxes are never called unticked
    assert not (cat.root / "items/shjz/SHJZ-002.yaml").exists()


def test_tick_cell_that_is_no_tick_names_what_it_found(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "全社会", "特定群体", "主动", "依申请",
         "县级", "乡级"],
        ["临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "看情况", "", "√", "", "√", ""],
        ["临时救助", "审核审批信息", "名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "√", "", "□", "口", "√", ""],
    ], sheet="社会救助")
    run = gk("import", "xlsx", path, "-C", cat.root)
    assert run.code == 1
    assert "社会救助!H2: 公开对象「全社会」栏应为 ■（勾选）或 □（未勾选），这里写的是「看情况」" in run.err
    assert "社会救助!J3: 公开方式一项也没有勾选：主动、依申请两栏都没有勾选" in run.err


def test_messages_mask_personal_numbers(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", [
        HEADER + ["责任单位"],
        [1, "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级",
         "11010519491231002X"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", path, "-C", cat.root)
    assert run.code == 1
    assert "11*************02X" in run.err and "11010519491231002X" not in run.err + run.out
