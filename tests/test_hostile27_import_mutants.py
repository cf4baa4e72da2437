"""gongkai import, twenty-seventh hostile pass: bugs planted in the reading of the official table (mutation group
「import」: headers.py, columns.py, cells.py, convert.py, rowkinds.py, match.py) and the tables a county really sends.

One table (module fixture) is laid out as a county types it — a merged title, a required mark before a header, less
common header words (事项类别、具体事项、设定依据、更新时限、公开部门、公开途径、面向对象、公开属性、层级、责任科室、
咨询方式), the row numbering the columns, words broken over two lines in narrow columns, totals and the signature at
the foot — and imported once; every value written is typed here by hand from the table.

Found by this pass:
1. A signature line whose role carries a word in brackets — 「填表人（签字）：张三」「审核人(签名):李四」「联系电话（手机）：
   138……」 — was taken for an item: two new item files named 「填表人（签字）：张三」, the clerk's mobile written into
   the catalog. Such lines (and 「填报时间：……」) are now skipped as 说明或签名行 and said so at their cell.
2. A total said of the page or of the rows above — 「本页小计」「以上合计」「本表合计：3项」 — became an item named so. It
   is now a 合计行, skipped and said so.
3. A header marked as required before its name — 「*一级事项」「★公开内容」「※公开依据」 — or with its remark in 【】 or
   〔〕 (「公开内容【要素】」) was 「不认识的列，已忽略」: the column's edits were dropped (only a warning) or the table
   refused with 「表头缺少「一级事项」」 while the header said 一级事项. Such headers now read as their field.
4. An option broken over two lines (or by a space) in a narrow column — 「主动⏎公开」「依申请⏎公开」「全社⏎会」「特定⏎群体」
   「政府⏎网站」「社会 公众」 — was refused as 「不认识的公开方式「公开」」 (the clerk had typed 主动公开). It now reads
   as the option it spells; two options on two lines (「县级⏎乡级」) are still two.
5. (Checked, not a defect.) 公开方式 「不予公开」「不公开」 is an error at its cell (an item is 主动 or 依申请; 不予公开
   is a record's 公开属性), never mapped to 主动; 「主动/依申请」 is the error 「只能勾选一项」. A cell Excel holds as a
   date is an error at its cell (no directory column is a date): import reads no date, so none can be read day-first.

Bugs planted by hand (each reverted), each caught here: a header synonym dropped from headers.yaml (公开属性), a date
cell read as text, the 合计 pattern not matching, 不予公开 added as a spelling of 主动, list elements not trimmed of
their trailing 「；」 (cells._unmarked).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import AGENCY, CatalogDir, Run
from gongkai.cli import main
from sheets import load, workbook

TITLE = "测试县民政局社会救助领域基层政务公开标准目录"
HEADER = ["序号", "*事项类别", "具体事项", "公开内容【要素】", "设定依据", "更新时限", "公开部门", "公开途径", "面向对象",
          "公开属性", "层级", "责任科室", "咨询方式", "备注"]
BASIS = "《社会救助暂行办法》（国务院令第649号）"
DEADLINE = "制定或获取信息之日起10个工作日内"
ROWS: list[list[object]] = [
    [TITLE],
    HEADER,
    list(range(1, 15)),  # the row numbering the columns
    ["1", "最低生活保障", "审批信息", "1.低保对象名单；\n2.保障金额；", BASIS + "《最低生活保障审核确认办法》", DEADLINE,
     "县级人民政府\n民政部门", "政府网站、公众号、村公示栏", "社会 公众", "主动\n公开", "县、乡两级", "社会救助股",
     "0595-23000000", "按季度更新"],
    ["2", "（一）临时救助（续）", "办事指南", "●办理条件●办理程序", "《社会救助暂行办法》第四十七条、第四十八条",
     "信息形成之日起20个工作日内\n公示7个工作日", "县级人民政府民政部门\n乡镇人民政府（街道办事处）", "■政府网站 □两微一端",
     "特定\n群体", "依申请\n公开", "县级", "县民政局社会救助股", "12345", "—"],
    ["小计", None, None, "2项"],
    ["3", "特困人员救助供养", "审核信息", "特困人员名单", "《特困人员认定办法》", "实时公开", "县级人民政府民政部门",
     "政府\n网站", "全社\n会", "主动公开", "县级", "办公室", "0595-23000000"],
    [None, "以上合计", None, "3"],
    [None, "本页小计：3项"],
    [None, "填表人（签字）：张三", None, "联系电话（手机）：13812345678"],
    [None, "审核人(签名):李四"],
    [None, "填报时间：2026年12月1日"],
    [],
    [None, None, None],
]


def _run(*args: str | Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """The table above imported once with --yes into the test catalog (SHJZ-001 最低生活保障 / 审批信息 exists)."""
    root = tmp_path_factory.mktemp("h27")
    cat = CatalogDir(root / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item()
    cat.record()
    table = workbook(root / "目录.xlsx", ROWS, sheet="社会救助", merges=["A1:N1"])
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", "2026-11-27")
        patch.setenv("COLUMNS", "200")
        run = _run("import", "xlsx", table, "--yes", "-C", cat.root)
    return cat.root, run


def test_the_table_imports_its_three_items_and_nothing_else(imported: tuple[Path, Run]) -> None:
    root, run = imported
    assert run.code == 0, run.err
    assert "新增 2 项，更新 1 项，未变 0 项" in run.out
    # rows 4–12 (the row numbering the columns is the header's, not counted)
    assert "表格中有内容的 9 行里，3 行是事项，其余 6 行不是事项" in run.out
    assert sorted(p.name for p in (root / "items").rglob("*.yaml")) == ["SHJZ-001.yaml", "SHJZ-002.yaml",
                                                                         "SHJZ-003.yaml"]
    written = "".join(p.read_text(encoding="utf-8") for p in (root / "items").rglob("*.yaml"))
    for word in ("张三", "李四", "1381234", "合计", "小计", "填表", "审核人"):
        assert word not in written
    assert "13812345678" not in run.out + run.err


def test_rows_that_are_no_items_are_named_at_their_cell(imported: tuple[Path, Run]) -> None:
    err = imported[1].err
    assert "社会救助!A6: 这一行是合计行（「小计」），不是事项，已跳过" in err
    assert "社会救助!B8: 这一行是合计行（「以上合计」），不是事项，已跳过" in err
    assert "社会救助!B9: 这一行是合计行（「本页小计：3项」），不是事项，已跳过" in err
    assert "社会救助!B10: 这一行是说明或签名行（「填表人（签字）：张三」），不是事项，已跳过" in err
    assert "社会救助!B11: 这一行是说明或签名行（「审核人(签名):李四」），不是事项，已跳过" in err
    assert "社会救助!B12: 这一行是说明或签名行（「填报时间：2026年12月1日」），不是事项，已跳过" in err
    assert "不认识的列" not in err and "不认识的公开" not in err


def test_an_existing_item_is_updated_from_less_common_headers(imported: tuple[Path, Run]) -> None:
    """*事项类别 / 具体事项 name SHJZ-001; each cell as typed, words broken over lines read whole."""
    item = load(imported[0] / "items/shjz/SHJZ-001.yaml")
    assert item["一级事项"] == "最低生活保障" and item["二级事项"] == "审批信息"
    assert item["公开内容"] == ["低保对象名单", "保障金额"]
    assert item["公开依据"] == [BASIS, "《最低生活保障审核确认办法》"]
    assert item["公开时限"] == DEADLINE
    assert item["公开主体"] == "县级人民政府民政部门"
    assert item["公开渠道"] == ["政府网站", "两微一端", "社区/企事业单位/村公示栏（电子屏）"]
    assert item["公开对象"] == "全社会"
    assert item["公开方式"] == "主动"
    assert item["公开层级"] == ["县级", "乡级"]
    assert item["责任单位"] == "shjzg"
    assert item["咨询电话"] == "0595-23000000"
    assert item["备注"] == "按季度更新"
    assert item["五公开"] == "结果公开"  # kept: the table has no 五公开 column


def test_a_new_item_reads_every_cell_form(imported: tuple[Path, Run]) -> None:
    item = load(imported[0] / "items/shjz/SHJZ-002.yaml")
    assert item == {
        "编号": "SHJZ-002", "领域": "社会救助", "五公开": "服务公开", "一级事项": "临时救助", "二级事项": "办事指南",
        "公开内容": ["办理条件", "办理程序"], "公开依据": ["《社会救助暂行办法》第四十七条、第四十八条"],
        "公开时限": "信息形成之日起20个工作日内，公示7个工作日",
        "公开主体": "县级人民政府民政部门、乡镇人民政府（街道办事处）",
        "公开渠道": ["政府网站"], "公开对象": "特定群体", "公开方式": "依申请", "公开层级": ["县级"],
        "责任单位": "shjzg", "咨询电话": "12345"}


def test_a_new_item_below_a_total_row(imported: tuple[Path, Run]) -> None:
    item = load(imported[0] / "items/shjz/SHJZ-003.yaml")
    assert item["一级事项"] == "特困人员救助供养" and item["二级事项"] == "审核信息"
    assert item["公开渠道"] == ["政府网站"] and item["公开对象"] == "全社会" and item["公开方式"] == "主动"
    assert item["五公开"] == "结果公开" and item["责任单位"] == "bgs" and item["公开时限"] == "实时公开"


SMALL = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
         "公开层级"]


def _small(level1: str, *, mode: object = "主动", deadline: object = DEADLINE) -> list[object]:
    return [1, level1, "办事指南", "办理条件", BASIS, deadline, "县级人民政府民政部门", "政府网站", "全社会", mode, "县级"]


def _items(cat: CatalogDir) -> list[str]:
    return sorted(p.name for p in (cat.root / "items").rglob("*.yaml"))


def test_a_mode_no_item_has_is_an_error_at_its_cell(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """不予公开 is a record's 公开属性, never an item's 公开方式: not read as 主动 (a planted spelling was caught here)."""
    table = workbook(tmp_path / "t.xlsx", [SMALL, _small("临时救助", mode="不予公开"), _small("医疗救助", mode="不公开"),
                                           _small("受灾人员救助", mode="主动/依申请")], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助!J2: 不认识的公开方式「不予公开」：应是主动、依申请之一" in run.err
    assert "社会救助!J3: 不认识的公开方式「不公开」：应是主动、依申请之一" in run.err
    assert ("社会救助!J4: 公开方式只能勾选一项，这里勾选了主动、依申请：请只留一项；两种都有的，请分成两个事项各写一行"
            "（如二级事项分别写明）") in run.err
    assert "共 3 处错误，没有写入任何文件" in run.err
    assert _items(cat) == ["SHJZ-001.yaml"]


def test_a_cell_excel_holds_as_a_date_is_an_error_not_text(gk: Callable[..., Run], cat: CatalogDir,
                                                           tmp_path: Path) -> None:
    """「12月1日」 typed in 公开时限 becomes a date in Excel: an error at the cell, not 「2026-12-01 00:00:00」 written."""
    table = workbook(tmp_path / "t.xlsx", [SMALL, _small("临时救助", deadline=dt.datetime(2026, 12, 1))],
                     sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!F2: 单元格是日期格式（Excel 显示为日期，读出的是「2026-12-01 00:00:00」），这一列应是文字："
            "请把单元格格式改为「文本」后重新填写") in run.err
    assert _items(cat) == ["SHJZ-001.yaml"]


def test_a_header_marked_required_still_names_its_column(gk: Callable[..., Run], cat: CatalogDir,
                                                         tmp_path: Path) -> None:
    """Before: 「*一级事项」「★公开内容」「※公开依据」 were unknown columns and the table was refused with 「表头缺少
    「一级事项」「公开内容」列」."""
    header = ["序号", "*一级事项", "二级事项", "★公开内容", "※公开依据", "公开时限〔必填〕", "公开主体", "公开渠道", "公开对象",
              "公开方式", "公开层级"]
    table = workbook(tmp_path / "t.xlsx", [header, _small("临时救助")], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "不认识的列" not in run.err
    item = load(cat.root / "items/shjz/SHJZ-002.yaml")
    assert (item["一级事项"], item["公开内容"], item["公开依据"], item["公开时限"]) == ("临时救助", ["办理条件"], [BASIS],
                                                                                DEADLINE)
