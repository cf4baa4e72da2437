"""gongkai import xlsx|csv, sixteenth hostile round: tables as counties publish them that were read wrongly or not at
all — three-row headers, 合计 rows, dashes for 「不适用」, 公开属性 and a 公开方式 column of channels, sub-columns for
only some options or for no option, cells merged across fields, a sheet of another 领域, rows repeated, ticks typed in
a symbol font, and csv files in the encodings Excel and WPS save. Each test builds its table, runs the real CLI and
checks hand-written values."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

from conftest import CatalogDir, Run
from sheets import BASIS, DEADLINE, PUBLISHER, load, workbook
from test_hostile13_import import sheets

NEW = "items/shjz/SHJZ-002.yaml"


def test_three_row_header_with_a_group_over_the_tick_groups(gk: Callable[..., Run], cat: CatalogDir,
                                                            tmp_path: Path) -> None:
    """Before: 公开对象/公开方式/公开层级 under 「公开属性」 were 「不认识的列」; the item came in without them."""
    table = workbook(tmp_path / "t.xlsx", [
        ["序号", "公开事项", None, "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开属性"],
        [None, "一级事项", "二级事项", None, None, None, None, None, "公开对象", None, "公开方式", None, "公开层级"],
        [None, None, None, None, None, None, None, None, "全社会", "特定群体", "主动", "依申请", "县级", "乡级"],
        [1, "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "■政府网站", None, "√", "√", None, "√", "√"],
    ], sheet="社会救助", merges=["A1:A3", "B1:C1", "B2:B3", "C2:C3", "D1:D3", "E1:E3", "F1:F3", "G1:G3", "H1:H3",
                                 "I1:N1", "I2:J2", "K2:L2", "M2:N2"])
    run = gk("import", "xlsx", table, "--yes", "--dry-run", "-C", cat.root)
    assert "工作表「社会救助」：表头在第 1–3 行，数据从第 4 行起" in run.out
    assert "社会救助!J3「公开对象 / 特定群体」→ 公开对象：特定群体" in run.out
    assert "社会救助!N3「公开层级 / 乡级」→ 公开层级：乡级" in run.out
    assert "不认识的列" not in run.err
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    item = load(cat.root / NEW)
    assert (item["公开对象"], item["公开方式"], item["公开层级"]) == ("特定群体", "主动", ["县级", "乡级"])


def test_three_row_header_typed_without_merging(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开渠道", "公开要求"],
        [None, None, None, None, "公开对象", None, "公开方式", None, "公开层级"],
        [None, None, None, None, "全社会", "特定群体", "主动", "依申请", "县级", "乡级"],
        ["临时救助", "办事指南", "办理条件", "政府网站", "✔", None, None, "✔", None, "✔"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    item = load(cat.root / NEW)
    assert (item["公开对象"], item["公开方式"], item["公开层级"]) == ("全社会", "依申请", ["乡级"])


HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
          "公开层级"]
ROW = [1, "临时救助", "办事指南", "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"]


def test_total_rows_are_skipped_wherever_the_word_stands(gk: Callable[..., Run], cat: CatalogDir,
                                                         tmp_path: Path) -> None:
    """Before: 「合计」 under 一级事项 became a new item 「合计」 in silence; under 序号 it stopped the import with
    「一级事项为空」."""
    table = workbook(tmp_path / "t.xlsx", [
        HEADER, ROW,
        [None, "小 计", None, "1项"],
        ["合计：", None, None, "共1项"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!B3: 这一行是合计行（「小 计」），不是事项，已跳过" in run.err
    assert "社会救助!A4: 这一行是合计行（「合计：」），不是事项，已跳过" in run.err
    assert "新增 1 项" in run.out and not (cat.root / "items/shjz/SHJZ-003.yaml").exists()


def test_a_slash_or_dash_in_a_tick_column_is_not_ticked(gk: Callable[..., Run], cat: CatalogDir,
                                                        tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        [*HEADER[:8], "全社会", "特定群体", "主动", "依申请", "县级", "乡级"],
        [*ROW[:8], "√", "/", "／", "√", "—", "√"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    item = load(cat.root / NEW)
    assert (item["公开对象"], item["公开方式"], item["公开层级"]) == ("全社会", "依申请", ["乡级"])


def test_a_mode_column_called_gongkai_shuxing_and_channels_called_gongkai_fangshi(gk: Callable[..., Run],
                                                                               cat: CatalogDir, tmp_path: Path) -> None:
    """Before: 「公开属性」 (主动公开) was 「不认识的列」, and 「公开方式」 holding the channels stopped the import with
    「不认识的公开方式「政府网站」」."""
    table = workbook(tmp_path / "t.xlsx", [
        [*HEADER[:7], "公开方式", "公开对象", "公开属性", "公开层级"],
        [*ROW[:7], "政府网站、村公示栏", "全社会", "依申请公开", "县级"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!H1: 列「公开方式」：单元格写的是政府网站等公开渠道，按公开渠道和载体读" in run.err
    item = load(cat.root / NEW)
    assert item["公开渠道"] == ["政府网站", "社区/企事业单位/村公示栏（电子屏）"]
    assert item["公开方式"] == "依申请"


def test_a_mode_column_of_modes_stays_the_mode(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [HEADER, [*ROW[:9], "依申请", "县级"]], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert load(cat.root / NEW)["公开方式"] == "依申请"


ITEM_WITH_COMMA = """\
编号: SHJZ-002
领域: 社会救助
五公开: 服务公开
一级事项: 临时救助
二级事项: -办事指南
公开内容:
  - 办理时间、地点
公开依据:
  - 《社会救助暂行办法》（国务院令第649号）
  - 民发〔2018〕23号；配套文件
公开时限: 制定或获取信息之日起10个工作日内
公开主体: 县级人民政府民政部门
公开渠道: [政府网站, 其他]
其他渠道: [12345政务服务热线]
公开对象: 全社会
公开方式: 主动
公开层级: [县级]
责任单位: shjzg
备注: =不是公式
"""


def test_an_exported_csv_imports_back_as_no_change(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: a csv was refused (「另存为 .xlsx」); and 「办理时间、地点」 written plain in the csv would have read back
    as two elements."""
    cat.item(ITEM_WITH_COMMA, NEW)
    out = tmp_path / "目录.csv"
    assert gk("export", "csv", "-o", out, "-C", cat.root).code == 0
    before = (cat.root / NEW).read_bytes()
    run = gk("import", "csv", out, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 0 项，未变 2 项。" in run.out
    assert (cat.root / NEW).read_bytes() == before
    run = gk("import", "xlsx", out, "--yes", "-C", cat.root)  # the same reader, whichever command names it
    assert "未变 2 项" in run.out


def _csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    return "\r\n".join(delimiter.join(f'"{v}"' if "\n" in v or "," in v else v for v in row) for row in rows) + "\r\n"


CSV_ROWS = [
    ["序号", "一级事项", "二级事项", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "公开对象",
     "公开方式", "公开层级"],
    ["1", "临时救助", "办事指南", "办理条件\n申请材料", BASIS, DEADLINE, PUBLISHER, "政府网站、村公示栏", "特定群众",
     "依申请公开", "县级、乡级"],
]


def test_csv_saved_by_excel_in_gbk(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Excel's 「CSV（逗号分隔）」 on Chinese Windows: GBK, no BOM; the 领域 from the file's name."""
    table = tmp_path / "社会救助.csv"
    table.write_bytes(_csv_text(CSV_ROWS).encode("gbk"))
    run = gk("import", "csv", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    item = load(cat.root / NEW)
    assert item["公开内容"] == ["办理条件", "申请材料"]
    assert item["公开渠道"] == ["政府网站", "社区/企事业单位/村公示栏（电子屏）"]
    assert (item["公开对象"], item["公开方式"], item["公开层级"]) == ("特定群体", "依申请", ["县级", "乡级"])


def test_csv_saved_as_unicode_text_utf16_with_tabs(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Excel's 「Unicode 文本」: UTF-16 LE with BOM, tab-separated; a cell problem named as in Excel (文件名!单元格)."""
    rows = [["某县民政局社会救助领域基层政务公开标准目录"], *CSV_ROWS]
    rows[2] = [*rows[2][:7], "飞鸽传书", *rows[2][8:]]
    table = tmp_path / "目录.txt"
    table.write_bytes(b"\xff\xfe" + _csv_text(rows, "\t").encode("utf-16-le"))
    run = gk("import", "csv", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "目录!H3: 不认识的公开渠道「飞鸽传书」" in run.err
    rows[2][7] = "政府网站"
    table.write_bytes(b"\xff\xfe" + _csv_text(rows, "\t").encode("utf-16-le"))
    run = gk("import", "csv", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert load(cat.root / NEW)["二级事项"] == "办事指南"


def test_a_file_that_is_no_table_is_named_not_crashed_on(gk: Callable[..., Run], cat: CatalogDir,
                                                         tmp_path: Path) -> None:
    table = tmp_path / "目录.csv"
    table.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    run = gk("import", "csv", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "目录.csv: 既不是 xlsx、xls 表格，也不是能读出文字的 csv 文件" in run.err


def test_options_the_table_has_no_column_for_keep_the_files_value(gk: Callable[..., Run], cat: CatalogDir,
                                                                  tmp_path: Path) -> None:
    """Before: a table with only 政府网站｜两微一端 and 县级 columns took the 公示栏, 乡级 and 其他渠道 away from
    SHJZ-001 (with --yes), though it never said anything about them."""
    item = cat.root / "items/shjz/SHJZ-001.yaml"
    item.write_text(item.read_text(encoding="utf-8").replace(
        "公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]",
        "公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）, 其他]\n其他渠道: [12345政务服务热线]"), encoding="utf-8")
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开渠道和载体", None, "公开层级"],
        [None, None, None, "政府网站", "两微一端", "县级"],
        ["最低生活保障", "审批信息", "低保对象名单及相关信息", "√", "√", "√"],
    ], sheet="社会救助", merges=["A1:A2", "B1:B2", "C1:C2", "D1:E1"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!F2: 公开层级只有「县级」的列，没有「乡级」的列：已有事项的这些选项不改，保持事项文件中的值" in run.err
    assert "去掉" not in run.out + run.err
    data = load(item)
    assert data["公开渠道"] == ["政府网站", "两微一端", "社区/企事业单位/村公示栏（电子屏）", "其他"]
    assert data["其他渠道"] == ["12345政务服务热线"]
    assert data["公开层级"] == ["县级", "乡级"]


def test_an_option_with_a_column_left_empty_is_still_taken_away_with_yes(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开层级"],
        [None, None, None, "县级", "乡级"],
        ["最低生活保障", "审批信息", "低保对象名单及相关信息", "√", None],
    ], sheet="社会救助", merges=["A1:A2", "B1:B2", "C1:C2", "D1:E1"])
    run = gk("import", "xlsx", table, "-C", cat.root)
    assert "社会救助!E3: 更新 SHJZ-001 会去掉 1 条公开层级：乡级（只有加 --yes 才会写入）" not in run.err
    assert "社会救助!D3: 更新 SHJZ-001 会去掉 1 条公开层级：乡级（只有加 --yes 才会写入）" in run.err
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    assert load(cat.root / "items/shjz/SHJZ-001.yaml")["公开层级"] == ["县级"]


def test_dash_slash_or_none_in_a_cell_is_an_empty_cell(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: 「—」 under 二级事项 was a 二级事项 named 「—」: the row matched no item and a duplicate SHJZ-002 was
    added in silence, with 公开依据 「/」."""
    table = workbook(tmp_path / "t.xlsx", [
        ["序号", "一级事项", "二级事项", "三级事项", "公开内容", "公开依据", "公开时限", "编号"],
        [1, "最低生活保障", "审批信息", "／", "低保对象名单及相关信息", "无", "——", "－"],
    ], sheet="社会救助")
    before = (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes()
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 0 项，未变 1 项。" in run.out
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes() == before
    table = workbook(tmp_path / "t2.xlsx", [
        ["序号", "一级事项", "二级事项", "公开内容", "公开依据"],
        [1, "临时救助", "—", "办理条件", "/"],
    ], sheet="社会救助")
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    item = load(cat.root / NEW)
    assert item["一级事项"] == "临时救助" and "二级事项" not in item and "公开依据" not in item


def _two_sheets(path: Path, second: str, title: str | None = None) -> Path:
    rows: list[list[object]] = [[title]] if title else []
    row = [*ROW[:1], "养老机构投资指南", *ROW[2:]]
    return sheets(path, [("社会救助", [HEADER, ROW]), (second, [*rows, HEADER, row])])


def test_a_sheet_of_another_domain_is_not_put_in_the_only_one(gk: Callable[..., Run], cat: CatalogDir,
                                                             tmp_path: Path) -> None:
    """Before: with 社会救助 the catalog's only 领域, the sheet 「养老服务」 beside the sheet 「社会救助」 was imported into
    社会救助 (SHJZ-003) in silence."""
    run = gk("import", "xlsx", _two_sheets(tmp_path / "t.xlsx", "养老服务"), "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("养老服务!A1: 工作表「养老服务」不是 gongkai.yaml 中的领域（只有「社会救助」，由工作表「社会救助」导入），没有导入："
            "请在 gongkai.yaml 的「领域」中加上它后再导入，或加一列「领域」") in run.err
    assert not (cat.root / NEW).exists()


def test_a_title_naming_another_domain_is_not_put_in_the_only_one(gk: Callable[..., Run], cat: CatalogDir,
                                                                 tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [["安溪县民政局养老服务领域基层政务公开标准目录"], HEADER, ROW])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "Sheet1!A1: 工作表名称或标题写的是「安溪县民政局养老服务领域」，gongkai.yaml 中只有「社会救助」领域" in run.err
    assert not (cat.root / NEW).exists()


def test_a_sheet_named_otherwise_alone_goes_to_the_only_domain_said_so(gk: Callable[..., Run], cat: CatalogDir,
                                                                      tmp_path: Path) -> None:
    table = workbook(tmp_path / "t.xlsx", [HEADER, ROW], sheet="低保")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "低保!A1: 工作表名称「低保」不是 gongkai.yaml 中的领域，按唯一的领域「社会救助」导入" in run.err
    assert load(cat.root / NEW)["领域"] == "社会救助"
    table = workbook(tmp_path / "t2.xlsx", [HEADER, [*ROW[:2], "审核信息", *ROW[3:]]])  # Sheet1: nothing to say
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0 and "不是 gongkai.yaml 中的领域" not in run.err


def test_a_channel_sub_column_that_is_no_standard_channel_is_other(gk: Callable[..., Run], cat: CatalogDir,
                                                                   tmp_path: Path) -> None:
    """Before: 「服务中心」 beside 政府网站｜公示栏 under 公开渠道和载体 was read as the whole 公开渠道 column: its 「√」
    gave 「一项也没有勾选」 though two boxes were ticked, and where empty the column was dropped without a word."""
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开渠道和载体", None, None, "公开对象", None],
        [None, None, None, "政府网站", "服务中心", "公示栏", "全社会", "群众"],
        ["临时救助", "办事指南", "办理条件", "√", "√", None, "√", None],
    ], sheet="社会救助", merges=["A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:H1"])
    run = gk("import", "xlsx", table, "--yes", "--dry-run", "-C", cat.root)
    assert ("社会救助!E2「公开渠道和载体 / 服务中心」→ 公开渠道：其他（服务中心）：「服务中心」不是 13 个标准渠道之一，"
            "勾选的行记入「其他」并写明「服务中心」") in run.out
    assert "社会救助!H2: 列「公开对象 / 群众」不是公开对象的选项（全社会、特定群体），已忽略" in run.err
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    item = load(cat.root / NEW)
    assert (item["公开渠道"], item["其他渠道"]) == (["政府网站", "其他"], ["服务中心"])
    assert item["公开对象"] == "全社会"


def test_the_same_new_item_twice_in_the_table_is_an_error_not_two_files(gk: Callable[..., Run], cat: CatalogDir,
                                                                       tmp_path: Path) -> None:
    """Before: two rows 临时救助 / 办事指南 without 编号 (pasted twice, or on two sheets) became SHJZ-002 and SHJZ-003;
    the next import then matched both and skipped them."""
    table = sheets(tmp_path / "t.xlsx", [("社会救助", [HEADER, ROW]),
                                          ("社会救助（续）", [HEADER, [2, "临时救助", "办事指南 ", "申请材料"]])])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助（续）!B2: 与 社会救助 第2行 是同一事项（领域和事项名称都相同），重复了：请删去重复的一行；确是两个事项的，"
            "请写明不同的二级事项或三级事项，或在「编号」列分别写明编号") in run.err
    assert not (cat.root / NEW).exists()
    table = workbook(tmp_path / "t2.xlsx", [HEADER, ROW, [2, "临时救助", "审批信息", "救助对象名单"]], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0 and "新增 2 项" in run.out


def test_a_level1_merged_across_level2_leaves_level2_empty(gk: Callable[..., Run], cat: CatalogDir,
                                                           tmp_path: Path) -> None:
    """Before: 「养老机构投资指南」 merged across 一级事项 and 二级事项 (an item with no 二级事项) became its 二级事项 too.
    Merged down, and across the sub-columns of one field, a cell still fills each."""
    table = workbook(tmp_path / "t.xlsx", [
        ["序号", "公开事项", None, "公开内容", "公开层级", None],
        [None, "一级事项", "二级事项", None, "县级", "乡级"],
        [1, "社会救助扶持政策措施清单", None, "措施名称", "√", None],
        [2, "临时救助", "办事指南", "办理条件", "√", None],
        [3, None, "审批信息", "救助对象名单", "√", None],
    ], sheet="社会救助", merges=["A1:A2", "B1:C1", "D1:D2", "E1:F1", "B3:C3", "B4:B5", "E5:F5"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    first = load(cat.root / NEW)
    assert first["一级事项"] == "社会救助扶持政策措施清单" and "二级事项" not in first
    third = load(cat.root / "items/shjz/SHJZ-004.yaml")
    assert (third["一级事项"], third["二级事项"], third["公开层级"]) == ("临时救助", "审批信息", ["县级", "乡级"])


def test_a_wide_column_made_by_merging_two_keeps_the_first_item(gk: Callable[..., Run], cat: CatalogDir,
                                                                 tmp_path: Path) -> None:
    """Before: 公开内容 merged across D:E in the header and in every row took the first item's row for a second header
    row: that item was lost without a word (now: read as a one-row header, no 「重复」 either)."""
    second = [2, "临时救助", "审批信息", "救助对象名单", None, *ROW[4:]]
    table = workbook(tmp_path / "t.xlsx", [
        [*HEADER[:4], None, *HEADER[4:]],
        [*ROW[:4], None, *ROW[4:]],
        second,
    ], sheet="社会救助", merges=["D1:E1", "D2:E2", "D3:E3"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 2 项" in run.out and "重复" not in run.err
    assert load(cat.root / NEW)["公开内容"] == ["办理条件"]
    assert load(cat.root / "items/shjz/SHJZ-003.yaml")["公开内容"] == ["救助对象名单"]
    remarks = workbook(tmp_path / "t2.xlsx", [  # remarks in brackets under single columns are still a header row
        ["序号", "公开事项", None, "公开内容", "公开依据", "公开时限", "公开对象", None],
        [None, "一级事项", "二级事项", "（要素）", "（法律法规）", "（工作日）", "全社会", "特定群体"],
        [1, "临时救助", "政策法规文件", "相关文件", BASIS, DEADLINE, None, "√"],
    ], sheet="社会救助", merges=["A1:A2", "B1:C1", "G1:H1"])
    run = gk("import", "xlsx", remarks, "--yes", "-C", cat.root)
    assert run.code == 0 and "表头" not in run.err, run.err
    assert load(cat.root / "items/shjz/SHJZ-004.yaml")["公开对象"] == "特定群体"


def test_ticks_typed_in_a_symbol_font_read_as_shown(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: ☑ typed as 「R」 in Wingdings 2 (and ✓ as 「ü」 in Wingdings), as Office users are taught, was an error
    「这里写的是「R」」 — contradicting what Excel shows."""
    table = workbook(tmp_path / "t.xlsx", [
        [*HEADER[:8], "全社会", "特定群体", "主动", "依申请", "县级", "乡级"],
        [*ROW[:7], "R政府网站 £政府公报", "R", "£", "P", "O", "ü", "¨"],
    ], sheet="社会救助")
    book = openpyxl.load_workbook(table)
    for cell in "HIJKL":
        book.active[f"{cell}2"].font = Font(name="Wingdings 2")
    for cell in "MN":
        book.active[f"{cell}2"].font = Font(name="Wingdings")
    book.save(table)
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    item = load(cat.root / NEW)
    assert (item["公开渠道"], item["公开对象"], item["公开方式"], item["公开层级"]) == (["政府网站"], "全社会", "主动", ["县级"])


def test_a_level1_written_once_over_its_group_fills_the_rows_below(gk: Callable[..., Run], cat: CatalogDir,
                                                                   tmp_path: Path) -> None:
    """A merged 一级事项 saved as csv (or unmerged in Excel) is written in the group's first row only. Before: every
    other row was an error 「一级事项为空」, so such a table could not be imported at all. Not across a blank line."""
    table = tmp_path / "社会救助.csv"
    table.write_text("\n".join([
        "序号,一级事项,二级事项,公开内容",
        "1,临时救助,办事指南,办理条件",
        "2,,审批信息,救助对象名单",
        "3,,审核信息,初审对象名单",
        "",
        "4,,政策法规文件,相关文件",
    ]) + "\n", encoding="utf-8-sig")
    run = gk("import", "csv", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!B3: 一级事项为空，按它上面最近的一级事项读（合并单元格取消合并或另存为 csv 后留下的空白）"
            "（同样的还有 1 处：社会救助!B4）") in run.err
    assert "社会救助!B6: 一级事项为空：每一行都要有事项名称" in run.err
    table.write_text(table.read_text(encoding="utf-8-sig").replace("\n\n", "\n"), encoding="utf-8-sig")
    run = gk("import", "csv", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert [load(cat.root / f"items/shjz/SHJZ-00{n}.yaml")["一级事项"] for n in (2, 3, 4, 5)] == ["临时救助"] * 4
    assert load(cat.root / "items/shjz/SHJZ-004.yaml")["二级事项"] == "审核信息"


ITEM_WITH_ODD_EXTRAS = ITEM_WITH_COMMA.replace("其他渠道: [12345政务服务热线]", "其他渠道: [公众号、视频号, 12345热线（24小时）]")


def test_other_channels_with_brackets_or_a_dunhao_survive_export_and_import(gk: Callable[..., Run], cat: CatalogDir,
                                                                            tmp_path: Path) -> None:
    """Before: 「■其他（公众号、视频号、12345热线（24小时））」, as export xlsx wrote it, stopped its own import at the
    inner 「）」; and csv gave back 公众号 and 视频号 as two channels (a 「去掉」 warning on an unchanged item)."""
    cat.item(ITEM_WITH_ODD_EXTRAS, NEW)
    alone = ITEM_WITH_COMMA.replace("其他渠道: [12345政务服务热线]", "其他渠道: [公众号、视频号]")
    cat.item(alone.replace("SHJZ-002", "SHJZ-009").replace("办事指南", "审核信息"), "items/shjz/SHJZ-009.yaml")
    for kind in ("xlsx", "csv"):
        out = tmp_path / f"目录.{kind}"
        assert gk("export", kind, "-o", out, "-C", cat.root).code == 0
        run = gk("import", kind, out, "--yes", "-C", cat.root)
        assert run.code == 0, run.err
        assert "新增 0 项，更新 0 项，未变 3 项。" in run.out, kind
    assert load(cat.root / "items/shjz/SHJZ-009.yaml")["其他渠道"] == ["公众号、视频号"]
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开渠道和载体"],
        ["临时救助", "审批信息", "名单", "■政府网站\n■其他（政务公开专区（县政府）、12345热线）"],
    ], sheet="社会救助")
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    assert load(cat.root / "items/shjz/SHJZ-010.yaml")["其他渠道"] == ["政务公开专区（县政府）", "12345热线"]


def test_a_note_starting_with_an_apostrophe_and_a_formula_sign_survives_csv(gk: Callable[..., Run], cat: CatalogDir,
                                                                            tmp_path: Path) -> None:
    """Before: 备注 「'=原文」 was written as is and read back as 「=原文」 (the 「'」 taken for the export's own)."""
    cat.item(ITEM_WITH_COMMA.replace("备注: =不是公式", "备注: \"'=原文\""), NEW)
    out = tmp_path / "目录.csv"
    assert gk("export", "csv", "-o", out, "-C", cat.root).code == 0
    run = gk("import", "csv", out, "--yes", "-C", cat.root)
    assert run.code == 0 and "未变 2 项" in run.out, run.err
    assert load(cat.root / NEW)["备注"] == "'=原文"


def test_page_numbers_left_in_the_table_are_no_items(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: 「第 1 页，共 2 页」 under 一级事项 (a table converted from PDF, or pasted page by page) became an item of
    that name in silence, and 「- 2 -」 under 公开内容 stopped the import with 「一级事项为空」."""
    table = workbook(tmp_path / "t.xlsx", [
        HEADER, ROW, [None, "第 1 页，共 2 页"], [None, None, None, "- 2 -"], [2, "临时救助", "审批信息", "名单"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!B3: 这一行是页码（「第 1 页，共 2 页」），不是事项，已跳过" in run.err
    assert "社会救助!D4: 这一行是页码（「- 2 -」），不是事项，已跳过" in run.err
    assert "新增 2 项" in run.out and load(cat.root / "items/shjz/SHJZ-003.yaml")["二级事项"] == "审批信息"


def test_a_list_number_before_an_item_name_is_no_part_of_it(gk: Callable[..., Run], cat: CatalogDir,
                                                            tmp_path: Path) -> None:
    """Before: 「（一）最低生活保障」 / 「1.审批信息」 matched no item: a duplicate of SHJZ-001 was added, named with the
    numbers. A file whose name itself starts so keeps it."""
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容"],
        ["（一）最低生活保障", "1.审批信息", "低保对象名单及相关信息"],
        ["（二）临时救助", "①办事指南", "办理条件"],
    ], sheet="社会救助")
    before = (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes()
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 1 项，更新 0 项，未变 1 项。" in run.out
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes() == before
    item = load(cat.root / NEW)
    assert (item["一级事项"], item["二级事项"]) == ("临时救助", "办事指南")
    cat.item(ITEM_WITH_COMMA.replace("一级事项: 临时救助", "一级事项: 1.临时救助"), NEW)
    out = tmp_path / "目录.xlsx"
    assert gk("export", "xlsx", "-o", out, "-C", cat.root).code == 0
    assert "未变 2 项" in gk("import", "xlsx", out, "--yes", "-C", cat.root).out
    assert load(cat.root / NEW)["一级事项"] == "1.临时救助"


def test_the_row_numbering_the_columns_under_the_header_is_skipped(gk: Callable[..., Run], cat: CatalogDir,
                                                                   tmp_path: Path) -> None:
    """Official forms number their columns in a row under the header (1 2 3 … 14). Before: it was read as an item and
    stopped the import: 「公开对象「全社会」栏应为 ■ 或 □，这里写的是「9」」."""
    table = workbook(tmp_path / "t.xlsx", [
        ["序号", "公开事项", None, "公开内容", "公开对象", None],
        [None, "一级事项", "二级事项", None, "全社会", "特定群体"],
        [1, 2, 3, 4, 5, 6],
        [1, "临时救助", "办事指南", "办理条件", "√", None],
    ], sheet="社会救助", merges=["A1:A2", "B1:C1", "D1:D2", "E1:F1"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert run.err == "" and "新增 1 项" in run.out
    assert load(cat.root / NEW)["公开对象"] == "全社会"


def test_level_sub_columns_headed_by_one_character(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """「县｜乡」 (and 「区｜街道」 in a district) under 公开层级: before, 「乡」 and 「街道」 were no option and their column
    was read as the whole 公开层级 column."""
    for top, county, town in (("公开层级", "县", "乡"), ("层级", "区", "街道")):
        table = workbook(tmp_path / "t.xlsx", [
            ["一级事项", "二级事项", "公开内容", top, None],
            [None, None, None, county, town],
            ["临时救助", "办事指南", "办理条件", None, "√"],
        ], sheet="社会救助", merges=["A1:A2", "B1:B2", "C1:C2", "D1:E1"])
        run = gk("import", "xlsx", table, "--yes", "--dry-run", "-C", cat.root)
        assert f"社会救助!E2「{top} / {town}」→ 公开层级：乡级" in run.out
        assert f"社会救助!D2「{top} / {county}」→ 公开层级：县级" in run.out


def test_the_bundled_catalog_exported_as_csv_imports_back_unchanged(gk: Callable[..., Run], bundled: Path,
                                                                    tmp_path: Path) -> None:
    out = tmp_path / "directory.csv"
    gk("export", "csv", "-o", out, "-C", bundled)
    run = gk("import", "csv", out, "--yes", "-C", bundled)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 0 项，未变 50 项。" in run.out
    assert run.err == ""


def test_an_item_the_table_moves_to_another_domain_needs_yes(gk: Callable[..., Run], cat: CatalogDir,
                                                            tmp_path: Path) -> None:
    """(twentieth session) Before: a 编号 written under another 领域 (its row in that 领域's sheet, or a 领域 column saying
    so) moved the item to that 领域 in silence; the preview showed it among the other changes. A slip as often as a
    decision: now it is a warning at the cell, and only --yes writes it, like an update that takes content away."""
    agency = cat.root / "gongkai.yaml"
    agency.write_text(agency.read_text(encoding="utf-8").replace(
        "    代码: SHJZ\n", "    代码: SHJZ\n  - 名称: 养老服务\n    代码: YLFW\n"), encoding="utf-8")
    item = cat.root / "items/shjz/SHJZ-001.yaml"
    before = item.read_text(encoding="utf-8")
    header = ["编号", "领域", *HEADER[1:]]
    row = ["SHJZ-001", "养老服务", "最低生活保障", "审批信息", *ROW[3:]]
    table = workbook(tmp_path / "t.xlsx", [header, row])
    run = gk("import", "xlsx", table, "-C", cat.root)
    assert "Sheet1!B2: 更新 SHJZ-001 会把领域从「社会救助」改为「养老服务」（只有加 --yes 才会写入）" in run.err, run.err
    assert item.read_text(encoding="utf-8") == before
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert load(item)["领域"] == "养老服务"
