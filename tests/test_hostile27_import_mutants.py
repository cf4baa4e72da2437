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
5. A section title numbered as the 领域 titles above but naming no 领域 (「（一）社会救助」 … 「（二）养老服务」) is an
   error, and its hint said to number a group 「（一）」 — the very numbering of the 领域 titles. The hint now names a
   numbering the table's 领域 titles do not use (「一、」 there).
6. A level gongkai does not model ticked in its own sub-column (市级 in column R) was reported at the group's first
   cell (P3, the 县级 column). It is now reported at the cell that holds the tick.
7. A 公开时限 typed as only a number of days (「15个工作日内」「7天内」, the start written once in the header) was
   warned with the hint 「自信息形成或者变更之日起20个工作日内」: 20 whatever the clerk typed. The hint now keeps the
   days typed and their kind (「……起15个工作日内」「……起7日内」); 「及时更新」 still gets 20.
8. A tick in a sub-column that is no option of its field — 公开方式 over 主动｜依申请｜不予公开, a row ticking 主动 and
   不予公开 — was dropped with nothing said at the row (only 「列……已忽略」 once at the header): the item came in as
   主动. Each such tick is now a warning at its cell, saying the row's 公开方式 is read from 主动、依申请 alone.
9. (Checked, not a defect.) 公开方式 「不予公开」「不公开」 is an error at its cell (an item is 主动 or 依申请; 不予公开
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

from conftest import AGENCY, ITEM, CatalogDir, Run
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


OTHER_ITEM = ITEM.replace("SHJZ-001", "SHJZ-003").replace("最低生活保障", "临时救助").replace("审批信息", "办事指南")
WITH_ID = [*SMALL, "编号"]


def _with_id(item_id: str, level1: str, level2: str) -> list[object]:
    return [*_small(level1)[:2], level2, *_small(level1)[3:], item_id]


def test_an_id_typed_wrong_for_an_item_the_names_hold_is_an_error(gk: Callable[..., Run], cat: CatalogDir,
                                                                  tmp_path: Path) -> None:
    """SHJZ-030 typed for SHJZ-003: no second file of 临时救助 / 办事指南."""
    cat.item(OTHER_ITEM, "items/shjz/SHJZ-003.yaml")
    table = workbook(tmp_path / "t.xlsx", [WITH_ID, _with_id("SHJZ-030", "临时救助", "办事指南")], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!L2: 编号「SHJZ-030」目录中没有，这一行的事项「临时救助 / 办事指南」却是已有的 SHJZ-003"
            "（items/shjz/SHJZ-003.yaml）：编号写错了的，请改为 SHJZ-003；确是另一个新事项的，请清空编号（gongkai 自动编号）"
            "并写明不同的二级事项或三级事项。没有写入任何文件，以免同一事项有两个文件") in run.err
    assert _items(cat) == ["SHJZ-001.yaml", "SHJZ-003.yaml"]


def test_an_id_sorted_apart_from_its_names_is_an_error(gk: Callable[..., Run], cat: CatalogDir,
                                                       tmp_path: Path) -> None:
    """编号 SHJZ-001 on the row of 临时救助 / 办事指南 (SHJZ-003): neither item is changed."""
    cat.item(OTHER_ITEM, "items/shjz/SHJZ-003.yaml")
    before = (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes()
    table = workbook(tmp_path / "t.xlsx", [WITH_ID, _with_id("SHJZ-001", "临时救助", "办事指南")], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!L2: 编号「SHJZ-001」是事项「最低生活保障 / 审批信息」（items/shjz/SHJZ-001.yaml），这一行的事项"
            "「临时救助 / 办事指南」却是 SHJZ-003（items/shjz/SHJZ-003.yaml）：编号与事项名称对不上（排序或粘贴时只移动了"
            "一列？），没有改动任何一个。请核对这一行的编号：应为 SHJZ-003 的改为 SHJZ-003，改正后重新导入（两个事项不能同名）"
            ) in run.err
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes() == before


def test_an_id_with_its_own_names_or_new_names_is_no_conflict(gk: Callable[..., Run], cat: CatalogDir,
                                                              tmp_path: Path) -> None:
    """The edges: SHJZ-003 with its own names is updated; SHJZ-001 with names no item has is renamed."""
    cat.item(OTHER_ITEM, "items/shjz/SHJZ-003.yaml")
    table = workbook(tmp_path / "t.xlsx", [WITH_ID, _with_id("SHJZ-003", "临时救助", "办事指南"),
                                           _with_id("SHJZ-001", "最低生活保障", "办事指南")], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 2 项" in run.out
    assert load(cat.root / "items/shjz/SHJZ-001.yaml")["二级事项"] == "办事指南"
    assert load(cat.root / "items/shjz/SHJZ-003.yaml")["公开内容"] == ["办理条件"]


def test_a_unit_is_read_by_name_id_or_after_the_agency_name(gk: Callable[..., Run], cat: CatalogDir,
                                                            tmp_path: Path) -> None:
    """责任单位 「ＢＧＳ」 (full width, upper case) is bgs, 「民政局社会救助股」 (the agency shortened) is shjzg; another
    agency's 办公室 is no unit of this one: an error listing the units."""
    header = [*SMALL, "责任单位"]
    table = workbook(tmp_path / "t.xlsx", [header, [*_small("临时救助"), "ＢＧＳ"], [*_small("医疗救助"), "民政局社会救助股"],
                                           [*_small("受灾人员救助"), "县政府办公室"]], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!L4: 责任单位「县政府办公室」不在 gongkai.yaml 的「单位」中：请填其中一个单位的名称或编号"
            "（办公室（bgs）、社会救助股（shjzg）），或先在 gongkai.yaml 的「单位」中加上它") in run.err
    assert "社会救助!L2" not in run.err and "社会救助!L3" not in run.err
    table = workbook(tmp_path / "t2.xlsx", [header, [*_small("临时救助"), "ＢＧＳ"], [*_small("医疗救助"), "民政局社会救助股"]],
                     sheet="社会救助")
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    assert load(cat.root / "items/shjz/SHJZ-002.yaml")["责任单位"] == "bgs"
    assert load(cat.root / "items/shjz/SHJZ-003.yaml")["责任单位"] == "shjzg"


def test_a_vague_deadline_is_named_with_the_days_it_gives(gk: Callable[..., Run], cat: CatalogDir,
                                                          tmp_path: Path) -> None:
    """「15」 is 15 days from nobody knows when; 「及时更新」 no days at all (the hint says 20). Before, 「15个工作日内」 and
    「7天内」 (a header 「公开时限（自信息形成之日起）」 above them) were told to write 20个工作日."""
    table = workbook(tmp_path / "t.xlsx", [SMALL, _small("临时救助", deadline="15"), _small("医疗救助", deadline="及时更新"),
                                           _small("受灾人员救助", deadline="15个工作日内"), _small("特困供养", deadline="7天内"),
                                           _small("敬老院", deadline="30日内")],
                     sheet="社会救助")
    run = gk("import", "xlsx", table, "--dry-run", "-C", cat.root)
    assert run.code == 0, run.err
    tail = "「……，公示7个工作日」「实时公开」「每季度」这样的说法"
    assert ("社会救助!F2: 公开时限「15」看不出从何时起、多少天内公开（gongkai validate 会警告 GK401，不能核对是否按时）："
            "请写成「自信息形成或者变更之日起15个工作日内」" + tail) in run.err
    assert ("社会救助!F3: 公开时限「及时更新」看不出从何时起、多少天内公开（gongkai validate 会警告 GK401，不能核对是否按时）："
            "请写成「自信息形成或者变更之日起20个工作日内」" + tail) in run.err
    assert ("社会救助!F4: 公开时限「15个工作日内」看不出从何时起、多少天内公开（gongkai validate 会警告 GK401，不能核对是否"
            "按时）：请写成「自信息形成或者变更之日起15个工作日内」" + tail) in run.err
    assert ("社会救助!F5: 公开时限「7天内」看不出从何时起、多少天内公开（gongkai validate 会警告 GK401，不能核对是否按时）："
            "请写成「自信息形成或者变更之日起7日内」" + tail) in run.err
    assert "社会救助!F6: 公开时限「30日内」看不出从何时起、多少天内公开" in run.err
    assert "请写成「自信息形成或者变更之日起30日内」" + tail in run.err


def test_lists_boxes_and_references_written_in_one_cell(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Numbers on one line with their trailing 「；」「、」「，」, circled numbers, 文号 and 《》 one after the other, 口 typed
    for □ before or after a name, 其他 with a bracket inside its bracket."""
    table = workbook(tmp_path / "t.xlsx", [
        SMALL,
        [1, "临时救助", "办事指南", "1.办理条件；2.办理程序、3.办理时限，", "国发〔2014〕47号 民发〔2018〕23号", DEADLINE,
         "县级人民政府民政部门", "口政府网站 ■两微一端 ■其他（12345热线（24小时））", "全社会", "主动", "■县级 口乡级"],
        [2, "医疗救助", "办事指南", "①救助对象②救助标准", "《社会救助暂行办法》 《医疗保障基金使用监督管理条例》", DEADLINE,
         "县级人民政府民政部门", "政府网站", "全社会", "主动", "县级■ 乡级口"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    first = load(cat.root / "items/shjz/SHJZ-002.yaml")
    assert first["公开内容"] == ["办理条件", "办理程序", "办理时限"]
    assert first["公开依据"] == ["国发〔2014〕47号", "民发〔2018〕23号"]
    assert first["公开渠道"] == ["两微一端", "其他"] and first["其他渠道"] == ["12345热线（24小时）"]
    assert first["公开层级"] == ["县级"]
    second = load(cat.root / "items/shjz/SHJZ-003.yaml")
    assert second["公开内容"] == ["救助对象", "救助标准"]
    assert second["公开依据"] == ["《社会救助暂行办法》", "《医疗保障基金使用监督管理条例》"]
    assert second["公开层级"] == ["县级"]


def test_names_of_two_levels_in_one_cell(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """No 二级事项 column: 「—」「/」 and a hyphen between Chinese characters part the levels (SHJZ-001 is found by its
    two names); a hyphen in 「COVID-19」 does not."""
    header = [h for h in SMALL if h != "二级事项"]

    def row(names: str) -> list[object]:
        return [1, names, "办理条件", BASIS, DEADLINE, "县级人民政府民政部门", "政府网站", "全社会", "主动", "县级"]

    table = workbook(tmp_path / "t.xlsx", [header, row("最低生活保障—审批信息"), row("临时救助/办事指南/申请条件"),
                                           row("受灾人员救助-资金发放"), row("COVID-19救助")], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 3 项，更新 1 项" in run.out
    assert ("社会救助!B2: 表格没有「二级事项」列，一级事项中用「—」「/」分开的名称按一级事项、二级事项（第三段为三级事项）读，"
            "如「最低生活保障—办事指南」是一级事项「最低生活保障」、二级事项「办事指南」；名称本身含这些符号、不该拆开的，"
            "请加一列「二级事项」后再导入（同样的还有 2 处：社会救助!B3、社会救助!B4）") in run.err
    names = [(i.get("一级事项"), i.get("二级事项"), i.get("三级事项"))
             for i in (load(cat.root / f"items/shjz/SHJZ-00{n}.yaml") for n in (1, 2, 3, 4))]
    assert names == [("最低生活保障", "审批信息", None), ("临时救助", "办事指南", "申请条件"), ("受灾人员救助", "资金发放", None),
                     ("COVID-19救助", None, None)]


@pytest.mark.parametrize(("domain_title", "group_title", "next_title", "instead"), [
    ("一、社会救助", "（一）临时救助", "二、养老服务", "（一）"),
    ("第一部分 社会救助", "一、临时救助", "第二部分 养老服务", "（一）"),
    ("（一）社会救助", "1.临时救助", "（二）养老服务", "一、"),
])
def test_a_section_numbered_as_the_domain_titles_names_another_domain(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path, domain_title: str, group_title: str, next_title: str,
        instead: str) -> None:
    """A title numbered as the 领域 title above (一、 … 二、; 第一部分 … 第二部分; （一） … （二）) is another 领域's: an
    error, its rows not put into 社会救助; a title numbered otherwise is a group's. Before, the hint said to number a
    group 「（一）」 even where （一） numbered the 领域 titles."""
    table = workbook(tmp_path / "t.xlsx", [SMALL, [domain_title], [group_title], _small("临时救助"), [next_title],
                                           _small("敬老院")])
    run = gk("import", "xlsx", table, "--dry-run", "-C", cat.root)
    assert run.code == 1
    assert f"Sheet1!A3: 这一行没有事项名称、公开内容或编号，不是事项，已跳过：「{group_title}」" in run.err
    assert (f"Sheet1!A5: 分段标题「{next_title}」是领域的标题，却不是 gongkai.yaml 中的领域（社会救助）：它下面各行属于哪个领域"
            "看不出，没有导入。请在 gongkai.yaml 的「领域」中加上这个领域后再导入；它若只是一组事项的标题，请改用别的编号"
            f"（如「{instead}」）") in run.err
    assert "共 1 处错误" in run.err


TICKED_HEADER = [["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体", None, None, None,
                  "公开对象", None, "公开方式", None, "公开层级", None, None],
                 [None] * 7 + ["政府网站", "两微一端", "服务中心", "其他（请注明）", "全社会", "特定群体", "主动", "依申请", "县级",
                               "乡级", "市级"]]
TICKED_MERGES = [f"{c}1:{c}2" for c in "ABCDEFG"] + ["H1:K1", "L1:M1", "N1:O1", "P1:R1"]


def _ticked(level1: str, *ticks: object) -> list[object]:
    return [1, level1, "办事指南", "办理条件", BASIS, DEADLINE, "县级人民政府民政部门", *ticks]


def test_one_sub_column_per_option_in_every_way_of_ticking(gk: Callable[..., Run], cat: CatalogDir,
                                                           tmp_path: Path) -> None:
    """√ ■ ✓ 是 v 1 tick, □ 否 0 / and a blank do not; a channel column no standard one (服务中心) and the 其他 column's
    text go to 其他渠道; 市级 is reported at its own cell (R3; it was the group's first cell, P3)."""
    table = workbook(tmp_path / "t.xlsx", [
        *TICKED_HEADER,
        _ticked("临时救助", "√", "□", "√", "12345政务服务热线", "是", "否", "v", "0", "1", "/", "■"),
        _ticked("医疗救助", "■", "✓", None, None, None, "√", None, "√", None, "√", None),
    ], sheet="社会救助", merges=TICKED_MERGES)
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert ("社会救助!J2: 列「公开渠道和载体 / 服务中心」：「服务中心」不是 13 个标准渠道之一，勾选的行记入「其他」并写明"
            "「服务中心」") in run.err
    assert "社会救助!R3: 勾选了「市级」：gongkai 的公开层级只分县级、乡级，「市级」没有导入" in run.err
    first = load(cat.root / "items/shjz/SHJZ-002.yaml")
    assert (first["公开渠道"], first["其他渠道"]) == (["政府网站", "其他"], ["服务中心", "12345政务服务热线"])
    assert (first["公开对象"], first["公开方式"], first["公开层级"]) == ("全社会", "主动", ["县级"])
    second = load(cat.root / "items/shjz/SHJZ-003.yaml")
    assert (second["公开渠道"], second.get("其他渠道")) == (["政府网站", "两微一端"], None)
    assert (second["公开对象"], second["公开方式"], second["公开层级"]) == ("特定群体", "依申请", ["乡级"])


def test_sub_columns_that_cannot_be_read_are_errors_at_their_cell(gk: Callable[..., Run], cat: CatalogDir,
                                                                  tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        *TICKED_HEADER,
        _ticked("临时救助", "√", None, None, None, "看情况", None, "√", None, "√", None, None),
        _ticked("医疗救助", "√", None, None, None, "√", None, None, None, "√", None, None),
        _ticked("受灾人员救助", "√", None, None, None, "√", None, "√", None, None, None, "√"),
        _ticked("特困供养", None, None, None, None, "√", None, "√", None, "★", None, None),
    ], sheet="社会救助", merges=TICKED_MERGES)
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助!L3: 公开对象「全社会」栏应为 ■（勾选）或 □（未勾选），这里写的是「看情况」" in run.err
    assert "社会救助!N4: 公开方式一项也没有勾选：主动、依申请两栏都没有勾选（■ 或 √ 表示勾选）" in run.err
    assert "社会救助!R5: 勾选了「市级」：gongkai 的公开层级只分县级、乡级，「市级」没有导入" in run.err
    assert "社会救助!P5: 公开层级只勾选了市级：请至少勾选县级、乡级之一" in run.err
    assert "社会救助!P6: 公开层级「县级」栏应为 ■（勾选）或 □（未勾选），这里写的是「★」" in run.err
    assert ("社会救助!H6: 公开渠道和载体一项也没有勾选：政府网站、两微一端、服务中心、其他各栏都没有勾选（■ 或 √ 表示勾选）"
            in run.err)
    assert "共 5 处错误，没有写入任何文件" in run.err
    assert _items(cat) == ["SHJZ-001.yaml"]


def test_a_sub_column_of_two_options_ticks_both(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """公开层级 in sub-columns 「县级」「县乡两级」: a tick under 县乡两级 is 县级 and 乡级; what is no tick there is
    named with both options."""
    header = [["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
               "公开层级", None], [None] * 10 + ["县级", "县乡两级"]]
    merges = [f"{c}1:{c}2" for c in "ABCDEFGHIJ"] + ["K1:L1"]
    wrong = workbook(tmp_path / "w.xlsx", [*header, [*_small("医疗救助")[:10], None, "看情况"]], sheet="社会救助",
                     merges=merges)
    run = gk("import", "xlsx", wrong, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助!L3: 公开层级「县级、乡级」栏应为 ■（勾选）或 □（未勾选），这里写的是「看情况」" in run.err
    right = workbook(tmp_path / "r.xlsx", [*header, [*_small("临时救助")[:10], None, "√"]], sheet="社会救助",
                     merges=merges)
    assert gk("import", "xlsx", right, "--yes", "-C", cat.root).code == 0
    assert load(cat.root / "items/shjz/SHJZ-002.yaml")["公开层级"] == ["县级", "乡级"]


def test_names_joined_by_a_dash_beside_a_level2_or_level3_are_not_split(gk: Callable[..., Run], cat: CatalogDir,
                                                                        tmp_path: Path) -> None:
    """With 二级事项 and 三级事项 columns: 「临时救助—急难型」 and 「最低生活保障—审批信息」 beside a 二级事项, 「医疗救助/资助参保」
    beside a 三级事项, three names 「临时救助/办事指南/申请条件」 beside an empty 三级事项 are names as typed;
    「最低生活保障—审批信息」 beside empty 二级 and 三级 cells is SHJZ-001's two names (said at its cell)."""
    header = ["序号", "一级事项", "二级事项", "三级事项", *SMALL[3:]]

    def row(level1: str, level2: str | None, level3: str | None) -> list[object]:
        return [1, level1, level2, level3, *_small(level1)[3:]]

    table = workbook(tmp_path / "t.xlsx", [header, row("临时救助—急难型", "办事指南", None), row("医疗救助/资助参保", None, "申请条件"),
                                           row("最低生活保障—审批信息", None, None), row("最低生活保障—审批信息", "办事指南", None),
                                           row("临时救助/办事指南/申请条件", None, None)], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 4 项，更新 1 项" in run.out
    assert ("社会救助!B4: 二级事项空着，一级事项中用「—」「/」分开的两个名称正是目录中已有事项的一级事项、二级事项，按它读；"
            "请把二级事项移到「二级事项」列") in run.err
    names = [(i.get("一级事项"), i.get("二级事项"), i.get("三级事项"))
             for i in (load(cat.root / f"items/shjz/SHJZ-00{n}.yaml") for n in (1, 2, 3, 4, 5))]
    assert names == [("最低生活保障", "审批信息", None), ("临时救助—急难型", "办事指南", None), ("医疗救助/资助参保", None, "申请条件"),
                     ("最低生活保障—审批信息", "办事指南", None), ("临时救助/办事指南/申请条件", None, None)]


def test_an_id_whose_names_a_second_file_also_holds_is_still_its_item(gk: Callable[..., Run], cat: CatalogDir,
                                                                      tmp_path: Path) -> None:
    """SHJZ-001 and a stray copy SHJZ-009 both named 最低生活保障 / 审批信息: the row with 编号 SHJZ-001 and those names
    updates SHJZ-001 (its own names), no conflict with the copy."""
    cat.item(ITEM.replace("SHJZ-001", "SHJZ-009"), "items/shjz/SHJZ-009.yaml")
    table = workbook(tmp_path / "t.xlsx", [WITH_ID, _with_id("SHJZ-001", "最低生活保障", "审批信息")], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "更新 1 项" in run.out
    assert load(cat.root / "items/shjz/SHJZ-001.yaml")["公开内容"] == ["办理条件"]
    assert load(cat.root / "items/shjz/SHJZ-009.yaml")["公开内容"] == ["低保对象名单及相关信息"]


def test_new_item_refuses_a_second_file_of_an_item(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """`gongkai new item` matches names as import does (match.refuse_twin): the same 领域 and names (a space aside) make
    no file; another 二级事项 does."""
    new = ("new", "item", "--domain", "社会救助", "--five", "结果公开", "--content", "低保对象名单", "--unit", "shjzg",
           "--level1", "最低生活保障")
    run = gk(*new, "--level2", "审批 信息", "-C", cat.root)
    assert run.code == 2
    assert ("「社会救助」领域已有事项「最低生活保障 / 审批 信息」：items/shjz/SHJZ-001.yaml（SHJZ-001），未新建。要修改它请编辑"
            "该文件；确是另一个事项的，请写明不同的二级事项（--level2）") in run.err
    assert _items(cat) == ["SHJZ-001.yaml"]
    assert gk(*new, "--level2", "办事指南", "-C", cat.root).code == 0
    assert _items(cat) == ["SHJZ-001.yaml", "SHJZ-002.yaml"]


def test_a_choice_cell_that_names_no_option_says_what_to_write(gk: Callable[..., Run], cat: CatalogDir,
                                                               tmp_path: Path) -> None:
    """A tick with no name (「√」, 「是」), boxes all empty, no name at all, a name no option, a name without a box beside
    one with a box, a box without a name, a remark in brackets: each said at its cell, with the options of that field."""
    def row(level1: str, channels: str, audience: str, mode: str, levels: str) -> list[object]:
        return [1, level1, "办事指南", "办理条件", BASIS, DEADLINE, "县级人民政府民政部门", channels, audience, mode, levels]

    table = workbook(tmp_path / "t.xlsx", [
        SMALL,
        row("临时救助", "■政府网站（县政府门户网站）", "√", "主动", "是"),
        row("医疗救助", "□政府网站 □两微一端 □其他", "全社会", "、", "县级"),
        row("受灾人员救助", "■飞鸽传书", "全社会", "主动", "县级"),
        row("特困供养", "■政府网站 两微一端", "全社会", "主动", "■县级 □"),
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!I2: 单元格只写了「√」，没有写明勾选的是公开对象的哪一项：请写选项名称（全社会或特定群体），或把表头分成"
            "「全社会」「特定群体」各一小列，在小列中勾选") in run.err
    assert ("社会救助!K2: 单元格只写了「是」，没有写明勾选的是公开层级的哪一项：请写选项名称（县级、乡级），或把表头分成"
            "「县级」「乡级」各一小列，在小列中勾选") in run.err
    assert ("社会救助!H2: 「政府网站（县政府门户网站）」括号里的说明没有导入：事项文件的公开渠道和载体只记名称；要留下说明，"
            "请写在「备注」列") in run.err
    assert "社会救助!H3: 公开渠道和载体一项也没有勾选：单元格里的 3 个方框都没有勾选（■、☑、√ 表示勾选）" in run.err
    assert "社会救助!J3: 公开方式一项也没有勾选：单元格里没有公开方式的名称" in run.err
    assert "社会救助!H4: 不认识的公开渠道「飞鸽传书」：应是 13 个标准渠道之一，其他渠道请写在「其他（……）」里" in run.err
    assert ("社会救助!H5: 「两微一端」前后没有方框，而同一格的其他名称有：看不出是否勾选。请写成「■两微一端」或「□两微一端」"
            in run.err)
    assert "社会救助!K5: 有 1 个方框旁边没有名称，已忽略" in run.err
    assert "共 6 处错误，没有写入任何文件" in run.err


def test_a_tick_under_a_sub_column_that_is_no_option_is_named_at_its_cell(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    """公开方式 over 主动｜依申请｜不予公开: 不予公开 is no option of an item (the column is said once at its header);
    before, a row ticking 主动 and 不予公开 came in as 主动 with no word at the row. The tick is now named at its cell."""
    header = [SMALL[:10] + [None, None, "公开层级"], [None] * 9 + ["主动", "依申请", "不予公开", None]]
    merges = [f"{c}1:{c}2" for c in "ABCDEFGHIM"] + ["J1:L1"]
    table = workbook(tmp_path / "t.xlsx", [*header, [*_small("临时救助")[:9], "√", None, "√", "县级"]], sheet="社会救助",
                     merges=merges)
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!L2: 列「公开方式 / 不予公开」不是公开方式的选项（主动、依申请），已忽略" in run.err
    assert ("社会救助!L3: 列「公开方式 / 不予公开」不是公开方式的选项（主动、依申请），这一格的「√」没有导入：这一行的"
            "公开方式只按主动、依申请各栏读；不对的，请改正后再导入") in run.err
    assert load(cat.root / "items/shjz/SHJZ-002.yaml")["公开方式"] == "主动"


def test_an_id_checked_against_the_names_the_table_has(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """No 二级事项 column: 编号 SHJZ-001 with 一级事项 最低生活保障 is SHJZ-001 (its 二级事项 not compared, nor changed),
    though SHJZ-003 is also 最低生活保障 (/ 办事指南)."""
    cat.item(ITEM.replace("SHJZ-001", "SHJZ-003").replace("审批信息", "办事指南"), "items/shjz/SHJZ-003.yaml")
    header = [h for h in WITH_ID if h != "二级事项"]
    row = [v for i, v in enumerate(_with_id("SHJZ-001", "最低生活保障", "")) if i != 2]
    run = gk("import", "xlsx", workbook(tmp_path / "t.xlsx", [header, row], sheet="社会救助"), "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "更新 1 项" in run.out and "对不上" not in run.err
    item = load(cat.root / "items/shjz/SHJZ-001.yaml")
    assert (item["二级事项"], item["公开内容"]) == ("审批信息", ["办理条件"])


def test_one_header_row_with_a_column_per_option_and_names_ending_in_mingcheng(gk: Callable[..., Run], cat: CatalogDir,
                                                                              tmp_path: Path) -> None:
    """One header row: 「一级事项名称」「二级事项名称」 are the names, 全社会｜特定群体｜主动公开｜依申请公开｜县级｜乡级 one
    column per option, ticked with √."""
    header = ["一级事项名称", "二级事项名称", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "全社会", "特定群体",
              "主动公开", "依申请公开", "县级", "乡级"]
    row = ["临时救助", "审批结果", "救助对象名单", BASIS, DEADLINE, "县级人民政府民政部门", "政府网站", None, "√", None, "√", "√",
           "√"]
    run = gk("import", "xlsx", workbook(tmp_path / "t.xlsx", [header, row], sheet="社会救助"), "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    item = load(cat.root / "items/shjz/SHJZ-002.yaml")
    assert (item["一级事项"], item["二级事项"], item["公开内容"]) == ("临时救助", "审批结果", ["救助对象名单"])
    assert (item["公开对象"], item["公开方式"], item["公开层级"]) == ("特定群体", "依申请", ["县级", "乡级"])


def test_signature_label_and_value_examples_and_a_stray_last_cell_are_no_items(gk: Callable[..., Run], cat: CatalogDir,
                                                                                tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        SMALL, _small("临时救助"),
        [None, "经办人", "李四", "联系电话", "13812345678"],
        ["示例", "最低生活保障", "办事指南", "办理条件", BASIS, DEADLINE, "县级人民政府民政部门", "政府网站", "全社会", "主动", "县级"],
        [2, "XX信息", "办事指南", "办理条件", BASIS, DEADLINE, "县级人民政府民政部门", "政府网站", "全社会", "主动", "县级"],
        [None] * 10 + ["县级"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 1 项，更新 0 项" in run.out
    assert "社会救助!B3: 这一行是说明或签名行（「经办人」），不是事项，已跳过" in run.err
    assert "社会救助!A4: 这一行是填写示例（「示例」），不是事项，已跳过；确是事项的，请写明它的名称" in run.err
    assert "社会救助!B5: 这一行是填写示例（「XX信息」），不是事项，已跳过；确是事项的，请写明它的名称" in run.err
    assert "社会救助!K6: 这一行没有事项名称、公开内容或编号，不是事项，已跳过：「县级」" in run.err
    assert _items(cat) == ["SHJZ-001.yaml", "SHJZ-002.yaml"]
    assert "13812345678" not in run.err + run.out
