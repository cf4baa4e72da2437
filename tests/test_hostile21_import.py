"""gongkai import, twenty-first hostile round: the table a county's 政务公开办 sends as it really comes — signed at the
foot with the clerk's name and mobile, saved with an opening password or in WPS's own format, boxes ticked one a line,
an item typed over several rows without merging, a sheet copied beside the first. Each test runs the real CLI and
compares what was written with values typed by hand from the table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl

from conftest import CatalogDir, Run
from sheets import DEADLINE, PUBLISHER, load, workbook

NEW = "items/shjz/SHJZ-002.yaml"
HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象",
          "公开方式", "公开层级"]
BASIS = "《社会救助暂行办法》（国务院令第649号）"


def _row(serial: object, level1: str, *, channels: str = "政府网站", content: str = "办理条件") -> list[object]:
    return [serial, level1, "办事指南", content, BASIS, DEADLINE, PUBLISHER, channels, "全社会", "主动", "县级"]


def _items(cat: CatalogDir) -> list[str]:
    return sorted(p.name for p in (cat.root / "items").rglob("*.yaml"))


def test_signature_lines_with_other_titles_and_a_mobile_are_no_items(gk: Callable[..., Run], cat: CatalogDir,
                                                                     tmp_path: Path) -> None:
    """Before: 「经办人：李四｜联系电话：13812345678」 under 一级事项 and 公开内容 (the foot of the form as the 政务公开办
    sends it) became item SHJZ-003 「经办人：李四」 whose 公开内容 was the clerk's mobile, unmasked, in the catalog."""
    table = workbook(tmp_path / "t.xlsx", [
        HEADER, _row(1, "临时救助"), [],
        [None, "经办人：李四", None, "联系电话：13812345678"],
        [None, "经办人", "李四", "联系电话", "13812345678"],  # the label in one cell, the value in the next
        [None, "分管领导：钱七", None, None, None, "手机：13912345678"],
        [None, "单位负责人：赵六", None, None, "审核：孙八"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 1 项" in run.out
    assert _items(cat) == ["SHJZ-001.yaml", "SHJZ-002.yaml"]
    # the rows read and the items made, said together: 5 rows hold text below the header, 1 is an item
    assert "表格中有内容的 5 行里，1 行是事项，其余 4 行不是事项" in run.out
    assert "社会救助!B4: 这一行是说明或签名行（「经办人：李四」），不是事项，已跳过" in run.err
    assert "社会救助!B5: 这一行是说明或签名行（「经办人」），不是事项，已跳过" in run.err
    assert "社会救助!B6: 这一行是说明或签名行（「分管领导：钱七」），不是事项，已跳过" in run.err
    assert "社会救助!B7: 这一行是说明或签名行（「单位负责人：赵六」），不是事项，已跳过" in run.err
    assert "13812345678" not in run.out + run.err and "13912345678" not in run.out + run.err
    catalog_text = "".join(p.read_text(encoding="utf-8") for p in (cat.root / "items").rglob("*.yaml"))
    assert "1381234" not in catalog_text and "经办人" not in catalog_text


def test_an_item_named_like_a_signature_word_is_still_an_item(gk: Callable[..., Run], cat: CatalogDir,
                                                             tmp_path: Path) -> None:
    """The edge of the rule: a 事项 whose name begins with such a word (「领导信息」「审核结果」), written with its other
    columns, is an item."""
    table = workbook(tmp_path / "t.xlsx", [HEADER, _row(1, "审核结果"), _row(2, "领导信息")], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 2 项" in run.out
    assert load(cat.root / NEW)["一级事项"] == "审核结果"
    assert load(cat.root / "items/shjz/SHJZ-003.yaml")["一级事项"] == "领导信息"


def test_a_workbook_with_an_opening_password_says_to_clear_it(gk: Callable[..., Run], cat: CatalogDir,
                                                             tmp_path: Path) -> None:
    """Before: an xlsx saved with an opening password (an OLE2 file holding the EncryptedPackage stream) was refused as
    「无法作为 xls 表格打开」, and told the clerk to save it as .xlsx again, which keeps the password."""
    locked = tmp_path / "目录.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedInfo".encode("utf-16-le")
                       + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512)
    run = gk("import", "xlsx", locked, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "目录.xlsx: 表格设了打开密码（已加密），gongkai 读不出内容：请在 Excel 中「文件 → 信息 → 保护工作簿 → 用密码进行加密」" in run.err
    assert "xls 表格" not in run.err and "Traceback" not in run.err
    assert _items(cat) == ["SHJZ-001.yaml"]


def test_a_wps_et_file_it_cannot_read_says_to_save_it_as_xlsx(gk: Callable[..., Run], cat: CatalogDir,
                                                            tmp_path: Path) -> None:
    """Before: a WPS 表格 .et (an OLE2 file, not one the .xls reader takes) was 「无法作为 xls 表格打开」: the clerk never
    saved an .xls. An .et that is an xlsx inside (as WPS can save it) is read as one."""
    et = tmp_path / "目录.et"
    et.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    run = gk("import", "xlsx", et, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "目录.et: 是 WPS 表格自己的格式（.et），gongkai 读不了：请在 WPS 中「文件 → 另存为 → Excel 工作簿（*.xlsx）」后再导入" in run.err
    inside = workbook(tmp_path / "t.xlsx", [HEADER, _row(1, "临时救助")], sheet="社会救助")
    et.write_bytes(inside.read_bytes())
    run = gk("import", "xlsx", et, "--yes", "-C", cat.root)
    assert run.code == 0 and "新增 1 项" in run.out, run.err


def test_a_box_belongs_to_the_name_on_its_own_line(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: in 「政府网站□⏎■政务新媒体」 the ■ of the second line was taken for 政府网站's (box after the name), and
    政务新媒体 was refused as having none; 「政府网站⏎□政务新媒体」 was refused naming 政务新媒体, the one with a box."""
    table = workbook(tmp_path / "t.xlsx", [HEADER, _row(1, "临时救助", channels="政府网站□\n■政务新媒体\n村公示栏√")],
                     sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert load(cat.root / NEW)["公开渠道"] == ["两微一端", "社区/企事业单位/村公示栏（电子屏）"]
    (cat.root / NEW).unlink()
    table = workbook(tmp_path / "t.xlsx", [HEADER, _row(1, "临时救助", channels="政府网站\n□政务新媒体")],
                     sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助!H2: 「政府网站」前后没有方框，而同一格的其他名称有：看不出是否勾选。" in run.err
    assert "「政务新媒体」前后没有方框" not in run.err


def test_rows_of_contents_under_an_item_without_merging_go_on_with_it(gk: Callable[..., Run], cat: CatalogDir,
                                                                     tmp_path: Path) -> None:
    """Before: an item typed over several rows without merging its names — the rows below write only one more 公开内容
    (or 公开依据), 序号 and names left blank — stopped the import with 「一级事项为空」 at each of those rows."""
    table = workbook(tmp_path / "t.xlsx", [
        HEADER, _row("一、", "临时救助", content="1.申请条件"),
        [None, None, None, "2.办理流程"],
        [None, None, None, "3.办理时限", "《福建省临时救助办法》"],
        _row("二、", "特困人员救助供养"),
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 2 项，更新 0 项，未变 0 项。表格中有内容的 4 行里，2 行是事项，其余 2 行不是事项" in run.out
    item = load(cat.root / NEW)
    assert item["公开内容"] == ["申请条件", "办理流程", "办理时限"]
    assert item["公开依据"] == [BASIS, "《福建省临时救助办法》"]
    assert load(cat.root / "items/shjz/SHJZ-003.yaml")["公开内容"] == ["办理条件"]
    assert ("社会救助!A3: 第3行没有序号、事项名称和编号，只写了公开内容，按上面第2行事项的续行读：这一行的公开内容并入"
            "第2行的事项；若它是另一个事项，请填写它的事项名称") in run.err


def test_a_row_of_contents_alone_under_the_header_or_a_blank_row_is_still_an_error(gk: Callable[..., Run],
                                                                                   cat: CatalogDir,
                                                                                   tmp_path: Path) -> None:
    """The edge: with no item row right above it (the header, or a blank row between), such a row goes on with nothing:
    still 「一级事项为空」 at its cell; and a row writing a 公开时限 too is a new item lacking its name, not a line more."""
    table = workbook(tmp_path / "t.xlsx", [
        HEADER, [None, None, None, "办理流程"], _row(1, "临时救助"), [], [None, None, None, "办理时限"],
        _row(2, "特困人员救助供养"), [None, None, None, "办理地点", None, DEADLINE],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助!B2: 一级事项为空" in run.err
    assert "社会救助!B5: 一级事项为空" in run.err
    assert "社会救助!B7: 一级事项为空" in run.err
    assert _items(cat) == ["SHJZ-001.yaml"]


def test_a_sheet_copied_beside_the_first_is_imported_once(gk: Callable[..., Run], cat: CatalogDir,
                                                         tmp_path: Path) -> None:
    """Before: 「社会救助 (2)」, made by Excel's 「移动或复制 → 建立副本」 and left in the file, stopped the import with
    「重复了」 at every one of its rows. A copy that differs in one cell is still every row's error."""
    rows = [["测试县民政局社会救助领域基层政务公开标准目录"], HEADER, _row(1, "临时救助"), _row(2, "特困人员救助供养")]
    book = openpyxl.Workbook()
    for index, name in enumerate(("社会救助", "社会救助 (2)")):
        sheet = book.active if index == 0 else book.create_sheet(name)
        sheet.title = name
        for line in rows:
            sheet.append(line)
        sheet.merge_cells("A1:K1")
    book.save(tmp_path / "t.xlsx")
    run = gk("import", "xlsx", tmp_path / "t.xlsx", "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 2 项" in run.out
    assert ("社会救助 (2)!A1: 工作表「社会救助 (2)」与工作表「社会救助」的内容完全相同（是它的副本），只导入一次；"
            "若它本应是另一张表，请填写它自己的内容后再导入") in run.err
    for path in (cat.root / "items/shjz").glob("SHJZ-00[23].yaml"):
        path.unlink()
    book["社会救助 (2)"]["D4"] = "救助标准"
    book.save(tmp_path / "t.xlsx")
    run = gk("import", "xlsx", tmp_path / "t.xlsx", "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助 (2)!B3: 与 社会救助 第3行 是同一事项" in run.err
    assert _items(cat) == ["SHJZ-001.yaml"]


def test_a_section_titled_as_another_domain_keeps_its_rows_out_of_the_one_above(gk: Callable[..., Run],
                                                                               cat: CatalogDir,
                                                                               tmp_path: Path) -> None:
    """Before: a county-wide table titled by 领域 (「一、社会救助」「二、养老服务」「三、社会事务」) imported into a catalog
    with only 社会救助 put the 养老服务 and 社会事务 rows in 社会救助 — the title rows only 「不是事项，已跳过」."""
    table = workbook(tmp_path / "t.xlsx", [
        HEADER, ["一、社会救助"], _row(1, "临时救助"), ["二、养老服务"], _row(1, "养老机构备案"),
        [None, "三、社会事务"], _row(1, "婚姻登记"), ["殡葬管理领域"], _row(1, "殡葬服务"),
    ], sheet="Sheet1", merges=["A2:K2", "A4:K4", "A8:K8"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("Sheet1!A4: 分段标题「二、养老服务」是领域的标题，却不是 gongkai.yaml 中的领域（社会救助）：它下面各行属于"
            "哪个领域看不出，没有导入。请在 gongkai.yaml 的「领域」中加上这个领域后再导入") in run.err
    assert "Sheet1!B6: 分段标题「三、社会事务」是领域的标题" in run.err
    assert "Sheet1!A8: 分段标题「殡葬管理领域」是领域的标题" in run.err
    assert _items(cat) == ["SHJZ-001.yaml"]


def test_group_titles_numbered_otherwise_under_a_domain_title_are_groups(gk: Callable[..., Run], cat: CatalogDir,
                                                                        tmp_path: Path) -> None:
    """The edge: under 「一、社会救助」, 「（一）最低生活保障」 and 「（二）临时救助」 are groups of items, numbered in another
    style, not 领域; and a table whose only titles are 「一、最低生活保障」「二、临时救助」 names no 领域 at all."""
    tables = {
        "a.xlsx": [HEADER, ["一、社会救助"], [None, "（一）最低生活保障"], _row(1, "最低生活保障"),
                   [None, "（二）临时救助"], _row(1, "临时救助")],
        "b.xlsx": [HEADER, [None, "一、最低生活保障"], _row(1, "最低生活保障"), [None, "二、临时救助"], _row(1, "临时救助")],
    }
    for name, rows in tables.items():
        run = gk("import", "xlsx", workbook(tmp_path / name, rows, sheet="Sheet1"), "--dry-run", "-C", cat.root)
        assert run.code == 0, run.err
        assert "新增 SHJZ-002" in run.out and "新增 SHJZ-003" in run.out and "新增 2 项" in run.out
        assert "分段标题" not in run.err


def test_both_options_of_a_one_option_field_ticked_says_how_to_fix(gk: Callable[..., Run], cat: CatalogDir,
                                                                   tmp_path: Path) -> None:
    """Before: 「全社会、特定群体」 in 公开对象 (DOMAIN: one ticked) was 「公开对象只能勾选一项，这里勾选了全社会、特定群体」
    and no word of what to do."""
    row = _row(1, "临时救助")
    row[8] = "全社会、特定群体"
    table = workbook(tmp_path / "t.xlsx", [HEADER, row], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!I2: 公开对象只能勾选一项，这里勾选了全社会、特定群体：请只留一项；两种都有的，请分成两个事项各写一行"
            in run.err)


def test_the_village_board_headed_as_county_forms_head_it_is_the_standard_board(gk: Callable[..., Run],
                                                                               cat: CatalogDir,
                                                                               tmp_path: Path) -> None:
    """Before: a channel sub-column headed 「村（居）务公开栏」 (or a cell ticking 「■村（社区）公示栏」) was no standard
    channel: its ticks went to 「其他」 as an extra channel named so, and the item lost the board (GK4xx: print, screens)."""
    top = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体", None, None,
           "公开对象", "公开方式", "公开层级"]
    sub = [None] * 7 + ["政府网站", "村（居）务公开栏", "其他", None, None, None]
    row = [1, "临时救助", "办事指南", "申请条件", BASIS, DEADLINE, PUBLISHER, "√", "√", None, "全社会", "主动", "县级"]
    merges = [f"{c}1:{c}2" for c in "ABCDEFGKLM"] + ["H1:J1"]
    table = workbook(tmp_path / "t.xlsx", [top, sub, row], sheet="社会救助", merges=merges)
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    board = "社区/企事业单位/村公示栏（电子屏）"
    assert load(cat.root / NEW)["公开渠道"] == ["政府网站", board]
    assert "其他渠道" not in load(cat.root / NEW)
    assert "不是 13 个标准渠道之一" not in run.err
    one_cell = _row(2, "特困人员救助供养", channels="■政府网站 ■村（社区）公示栏 □居务公开栏")
    run = gk("import", "xlsx", workbook(tmp_path / "u.xlsx", [HEADER, one_cell], sheet="社会救助"), "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert load(cat.root / "items/shjz/SHJZ-003.yaml")["公开渠道"] == ["政府网站", board]


def test_a_table_of_items_only_says_no_more_than_the_counts(gk: Callable[..., Run], cat: CatalogDir,
                                                            tmp_path: Path) -> None:
    """The edge of the count: every row below the header an item (and the row numbering the columns, which is no
    content): the summary is the counts alone."""
    table = workbook(tmp_path / "t.xlsx", [HEADER, list(range(1, 12)), _row(1, "临时救助"), _row(2, "特困人员救助供养")],
                     sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 2 项，更新 0 项，未变 0 项。\n" in run.out
    assert "表格中有内容" not in run.out


def test_boxes_typed_as_brackets_with_a_tick_or_nothing_inside(gk: Callable[..., Run], cat: CatalogDir,
                                                              tmp_path: Path) -> None:
    """Before: 「政府网站（√） 政务新媒体（ ）」 (a form typed in Word or Excel without box characters) read the tick but
    refused 「政务新媒体（ ）」 as a name without a box, and 「[ ]」 as two names 「[」「]」: empty brackets beside bracketed
    ticks are the empty boxes."""
    cells = {"政府网站（√） 政务新媒体（ ） 公开查阅点（√）": ["政府网站", "公开查阅点"],
             "政府网站[√]政务新媒体[ ]": ["政府网站"], "政府网站【√】\n政务新媒体【】": ["政府网站"]}
    rows: list[list[object]] = [HEADER] + [_row(n, f"临时救助{n}", channels=c) for n, c in enumerate(cells, 1)]
    run = gk("import", "xlsx", workbook(tmp_path / "t.xlsx", rows, sheet="社会救助"), "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    for number, expected in enumerate(cells.values(), 2):
        assert load(cat.root / f"items/shjz/SHJZ-00{number}.yaml")["公开渠道"] == expected
