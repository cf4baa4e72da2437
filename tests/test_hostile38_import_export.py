"""gongkai import, fortieth session's hostile pass: the table the 政务公开办 sends back with the clerk's changes.

Every table here is built with openpyxl on conftest's small catalog (社会救助, units 办公室 bgs and 社会救助股 shjzg,
one item SHJZ-001 最低生活保障 / 审批信息); every expected cell, message and file line is typed by hand from the tables
below.

Found by this pass:
1. A table without a 编号 column (the official table has none) in which the 政务公开办 renamed an item's 二级事项
   (审批信息 → 审批结果) added a new item with the same content as SHJZ-001 — a second file of one item, its records
   left under the old one — with one 「y」 in a terminal; only the footnote listed SHJZ-001 as 「not read」. The row is
   now named at its cell as a likely rename, with the 编号 to write, and only --yes writes it (plan._renamed).
2. 「政府网站及村公示栏」「主动和依申请」「全社会与特定群体」: two options joined by 及/和/与 were an error 「不认识的公开渠道
   「及村公示栏」」, naming a channel nobody wrote; they are now read as two options (cells._tokens). 「政府网站等」 said
   「不认识的公开渠道「等」」; it now says the 「等」 hides which others, and to list them all (convert._box_problems).
3. The ditto marks typed for 「同上」 other than 〃 (「"」「”」「〝〞」, 「同上栏」) were imported as the text: SHJZ-001's
   公开依据 became 「”」 with --yes. They are now read as 「同上」. 「同左」「同下」 were imported as the 公开时限 「同左」
   (only a GK401 warning); they are now an error at the cell (read._SAME_AS_OTHER).
4. The 政务公开办 marks what to delete by striking it through (删除线: Ctrl+5, or a run of a cell's text): the text
   was imported as if nobody had struck it — a struck 公开依据 stayed in the file, a struck row was 「未变」, without a
   word. Struck text (the cell's font, or runs of rich text) is now an error at its cell, a struck row one error at
   the row (grid._struck_text, read._struck).
5. A 公开时限 of days alone in Chinese numerals (「十五个工作日内」「七天内」) got the hint 「请写成「自信息形成或者变更之日起
   20个工作日内」」: a clerk copying it changes 15 working days into 20. The days typed are kept in the hint, in any
   numerals (convert._BARE_DAYS).
6. A row the 政务公开办 marks for deletion in words — 「删除」 in a column of its own (「调整情况」), 「建议删除」 in 备注,
   「删」 in 序号 — was imported as it stood: the item kept, 「建议删除」 written as its 备注, the 「调整情况」 column only
   said 「不认识的列，已忽略」 at its header. Such a cell is now an error at the cell (read._marked_deleted).
7. A csv the clerk opened and saved again in Excel holds its long numbers as Excel showed them: 「5.95232E+10」 for
   the 咨询电话 0595-23222617, 「59523222617」 with the 0 gone — both imported as the new 咨询电话, the number lost with
   --yes (the 0 lost was caught in xlsx number cells only). Both are now errors at the cell (read._SCIENTIFIC,
   Grid.csv).
8. A 公开依据 broken inside its title by Alt+Enter (or pasted from a PDF with its line wraps) — 「《中华人民共和国政府
   信息公开⏎条例》」 — was read as two entries, 「《中华人民共和国政府信息公开」 and 「条例》…」, and written so with --yes;
   a line that closes a bracket the line above opened now goes on with it (cells._rewrapped).
9. A row the 政务公开办 emptied but for its 编号 (the cells of B:P selected and deleted, meaning 「delete this item」)
   read as 「未变」 without a word: blank is 「不改」, and the item, named by the row, was not even in the list of items
   the table lacks. It is now said at the 编号 (plan._plan_row).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from conftest import CatalogDir, Run
from sheets import load, workbook

BASIS = "《社会救助暂行办法》（国务院令第649号）"
DEADLINE = "制定或获取信息之日起10个工作日内"
PUBLISHER = "县级人民政府民政部门"
# the official table's columns, without the local 编号
HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象",
          "公开方式", "公开层级"]
FIRST = ["1", "最低生活保障", "审批信息", "低保对象名单及相关信息", BASIS, DEADLINE, PUBLISHER,
         "政府网站、社区/企事业单位/村公示栏（电子屏）", "全社会", "主动", "县级、乡级"]


def _items(cat: CatalogDir) -> list[str]:
    return sorted(p.name for p in (cat.root / "items").rglob("*.yaml"))


# 1 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_row_renamed_in_a_table_without_bianhao_is_said_as_a_rename_and_held_for_yes(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    renamed = ["1", "最低生活保障", "审批结果", *FIRST[3:]]
    table = workbook(tmp_path / "目录.xlsx", [HEADER, renamed], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root)
    assert run.code == 0, run.out + run.err
    assert ("社会救助!C2: 第2行除事项名称外与 SHJZ-001「最低生活保障 / 审批信息」（items/shjz/SHJZ-001.yaml）相同，"
            "而表格中没有读到 SHJZ-001 的行：像是把它改了名。导入会新增 SHJZ-002，SHJZ-001 保持原样，同一事项有两个文件"
            "（它的信息仍归 SHJZ-001）。是改名的，请在这一行的「编号」列写 SHJZ-001（表格没有编号列的，加一列「编号」）"
            "后重新导入；确是另一个新事项的，加 --yes 写入") in run.err
    assert "注意：除事项名称外与表格中没有读到的 SHJZ-001 相同，像是改了名" in run.out
    assert "有 1 个新增的事项像是已有事项改了名（见上方「注意」），没有写入。确认无误后加 --yes 重新运行。" in run.out
    assert _items(cat) == ["SHJZ-001.yaml"]

    # doing what it says: the 编号 column makes it the rename, SHJZ-001's 二级事项 changed, no second file
    with_id = workbook(tmp_path / "目录2.xlsx", [[*HEADER, "编号"], [*renamed, "SHJZ-001"]], sheet="社会救助")
    run = gk("import", "xlsx", with_id, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert _items(cat) == ["SHJZ-001.yaml"]
    assert load(cat.root / "items/shjz/SHJZ-001.yaml")["二级事项"] == "审批结果"


def test_a_new_row_that_is_a_twin_of_an_unread_item_is_written_with_yes(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "目录.xlsx", [HEADER, ["1", "最低生活保障", "审批结果", *FIRST[3:]]], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert _items(cat) == ["SHJZ-001.yaml", "SHJZ-002.yaml"]
    assert load(cat.root / "items/shjz/SHJZ-002.yaml")["二级事项"] == "审批结果"


def test_a_new_row_with_its_own_content_or_beside_the_items_row_is_no_rename(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    other = ["2", "临时救助", "审批信息", "临时救助对象名单", *FIRST[4:]]  # its own 公开内容: a new item
    copied = ["3", "最低生活保障", "审核信息", *FIRST[3:]]  # same content, but SHJZ-001's row is in the table
    table = workbook(tmp_path / "目录.xlsx", [HEADER, FIRST, other, copied], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root)
    assert run.code == 0, run.out + run.err
    assert "改了名" not in run.out + run.err
    assert "新增 2 项，更新 0 项，未变 1 项。" in run.out


# 2 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_two_options_joined_by_ji_he_yu_are_two_options(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    row = [*FIRST[:7], "政府网站及村公示栏和两微一端", "全社会", "主动", "县级与乡级", "SHJZ-001"]
    table = workbook(tmp_path / "目录.xlsx", [[*HEADER, "编号"], row], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "不认识" not in run.err
    item = load(cat.root / "items/shjz/SHJZ-001.yaml")
    assert item["公开渠道"] == ["政府网站", "两微一端", "社区/企事业单位/村公示栏（电子屏）"]
    assert item["公开层级"] == ["县级", "乡级"]


def test_two_options_of_a_one_option_field_joined_by_he_are_the_error_of_two_ticked(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    row = [*FIRST[:8], "全社会及特定群体", "主动", "县级", "SHJZ-001"]
    table = workbook(tmp_path / "目录.xlsx", [[*HEADER, "编号"], row], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 1
    assert ("社会救助!I2: 公开对象只能勾选一项，这里勾选了全社会、特定群体：请只留一项；两种都有的，请分成两个事项各写一行"
            "（如二级事项分别写明）") in run.err
    assert "「及特定群体」" not in run.err


def test_boxed_options_joined_by_he_and_deng_after_boxed_ones_read_the_same(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    row = [*FIRST[:7], "■政府网站 及 ■两微一端", *FIRST[8:10], "■县级和□乡级", "SHJZ-001"]
    table = workbook(tmp_path / "目录.xlsx", [[*HEADER, "编号"], row], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    item = load(cat.root / "items/shjz/SHJZ-001.yaml")
    assert item["公开渠道"] == ["政府网站", "两微一端"]
    assert item["公开层级"] == ["县级"]

    row = [*FIRST[:7], "■政府网站 ■两微一端等", *FIRST[8:], "SHJZ-001"]
    run = gk("import", "xlsx", workbook(tmp_path / "目录2.xlsx", [[*HEADER, "编号"], row], sheet="社会救助"),
             "-C", cat.root, "--yes")
    assert run.code == 1
    assert "社会救助!H2: 公开渠道写了「等」，看不出还有哪些：请逐个写明（或勾选）全部公开渠道，去掉「等」字" in run.err
    assert "前后没有方框" not in run.err


def test_deng_after_the_channels_is_said_as_what_it_hides(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    row = [*FIRST[:7], "政府网站、两微一端等", *FIRST[8:], "SHJZ-001"]
    table = workbook(tmp_path / "目录.xlsx", [[*HEADER, "编号"], row], sheet="社会救助")
    before = (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes()
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 1
    assert "社会救助!H2: 公开渠道写了「等」，看不出还有哪些：请逐个写明（或勾选）全部公开渠道，去掉「等」字" in run.err
    assert "不认识的公开渠道" not in run.err
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes() == before


# 3 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_the_ditto_marks_typed_as_quotation_marks_are_same_as_above(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    second = ["2", "最低生活保障", "审核信息", "低保初审对象名单", "”", '"', "〝〞", "同上栏", *FIRST[8:]]
    table = workbook(tmp_path / "目录.xlsx", [HEADER, FIRST, second], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert ("社会救助!E3: 单元格写的是「同上」，按上一个事项行同一列的内容读（导入的文件中写的是那一行的内容）"
            "（同样的还有 3 处：社会救助!F3、社会救助!G3、社会救助!H3）") in run.err
    item = load(cat.root / "items/shjz/SHJZ-002.yaml")
    assert item["公开依据"] == [BASIS]
    assert item["公开时限"] == DEADLINE
    assert item["公开主体"] == PUBLISHER
    assert item["公开渠道"] == ["政府网站", "社区/企事业单位/村公示栏（电子屏）"]


def test_same_as_left_or_below_is_an_error_at_its_cell(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    row = [*FIRST[:5], "同左", "同下", *FIRST[7:], "SHJZ-001"]
    table = workbook(tmp_path / "目录.xlsx", [[*HEADER, "编号"], row], sheet="社会救助")
    before = (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes()
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 1
    assert ("社会救助!F2: 单元格写的是「同左」：gongkai 只认「同上」（上一个事项行同一列），看不出这里指哪一格的内容："
            "请填写实际内容") in run.err
    assert "社会救助!G2: 单元格写的是「同下」：" in run.err
    assert "GK401" not in run.err
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes() == before


# 4 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def _struck_table(path: Path) -> Path:
    """SHJZ-001's row with one of two 公开依据 struck through as a run, a 公开时限 struck through as a whole cell, and a
    second row (临时救助) struck through all along."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "社会救助"
    second = ["2", "临时救助", "审批信息", "临时救助对象名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"]
    for values in ([*HEADER, "编号"], [*FIRST, "SHJZ-001"], second):
        sheet.append(values)
    sheet["E2"] = CellRichText([f"{BASIS}\n", TextBlock(InlineFont(strike=True), "《临时救助办法》")])
    sheet["F2"].font = Font(strike=True)
    for cell in sheet[3]:
        cell.font = Font(strike=True)
    book.save(path)
    return path


def test_text_struck_through_is_an_error_at_its_cell_and_a_struck_row_one_at_the_row(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    before = (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes()
    run = gk("import", "xlsx", _struck_table(tmp_path / "目录.xlsx"), "-C", cat.root, "--yes")
    assert run.code == 1
    assert ("社会救助!E2: 单元格中「《临时救助办法》」加了删除线（审核时标出要删去的文字？）：gongkai 不按字体格式读，"
            "加了删除线的文字照样会导入。要删去的，请真正删去这些文字；不删的，请去掉删除线后再导入") in run.err
    assert "社会救助!F2: 单元格中「制定或获取信息之日起10个工作日内」加了删除线" in run.err
    assert ("社会救助!A3: 第3行的文字全部加了删除线（审核时标出要删去这一行？）：gongkai 不按字体格式读，这一行会照样导入，"
            "导入也不删除事项。要删去的，请在表格中删去这一行（事项文件另行删去）；不删的，请去掉删除线后再导入") in run.err
    assert "社会救助!B3: 单元格中" not in run.err  # the row said once, not at each of its cells
    assert "共 3 处错误" in run.err
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes() == before
    assert _items(cat) == ["SHJZ-001.yaml"]


def test_an_exported_table_saved_again_without_strikes_imports_as_unchanged(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    exported = tmp_path / "导出.xlsx"
    assert gk("export", "xlsx", "-C", cat.root, "-o", exported).code == 0
    book = openpyxl.load_workbook(exported)
    book["社会救助"]["F4"].font = Font(strike=False, bold=True)  # a format that strikes nothing
    book.save(exported)
    run = gk("import", "xlsx", exported, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "删除线" not in run.err
    assert "新增 0 项，更新 0 项，未变 1 项。" in run.out


# 5 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_the_hint_for_days_alone_keeps_the_days_written_in_chinese_numerals(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    rows = [HEADER, [*FIRST[:5], "十五个工作日内", *FIRST[6:]],
            ["2", "最低生活保障", "审核信息", "低保初审对象名单", BASIS, "七天内", *FIRST[6:]],
            ["3", "最低生活保障", "办事指南", "办理流程", BASIS, "在5个工作日内公开", *FIRST[6:]]]
    run = gk("import", "xlsx", workbook(tmp_path / "目录.xlsx", rows, sheet="社会救助"), "-C", cat.root)
    assert run.code == 0, run.out + run.err
    assert ("社会救助!F2: 公开时限「十五个工作日内」看不出从何时起、多少天内公开（gongkai validate 会警告 GK401，不能核对是否按时）："
            "请写成「自信息形成或者变更之日起15个工作日内」「……，公示7个工作日」「实时公开」「每季度」这样的说法") in run.err
    assert ("社会救助!F3: 公开时限「七天内」看不出从何时起、多少天内公开（gongkai validate 会警告 GK401，不能核对是否按时）："
            "请写成「自信息形成或者变更之日起7日内」") in run.err
    assert ("社会救助!F4: 公开时限「在5个工作日内公开」看不出从何时起、多少天内公开（gongkai validate 会警告 GK401，"
            "不能核对是否按时）：请写成「自信息形成或者变更之日起5个工作日内」") in run.err
    assert "20个工作日" not in run.err


def test_a_merged_group_name_renamed_says_each_row_of_it(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    cat.item(cat.root.joinpath("items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")
             .replace("SHJZ-001", "SHJZ-002").replace("审批信息", "审核信息").replace("低保对象名单", "低保初审对象名单"),
             rel="items/shjz/SHJZ-002.yaml")
    second = ["2", None, "审核信息", "低保初审对象名单及相关信息", *FIRST[4:]]
    table = workbook(tmp_path / "目录.xlsx", [HEADER, ["1", "最低生活保障（低保）", *FIRST[2:]], second],
                     sheet="社会救助", merges=["B2:B3"])
    run = gk("import", "xlsx", table, "-C", cat.root)
    assert run.code == 0, run.out + run.err
    assert "社会救助!B2: 第2行除事项名称外与 SHJZ-001「最低生活保障 / 审批信息」（items/shjz/SHJZ-001.yaml）相同" in run.err
    assert "社会救助!B2: 第3行除事项名称外与 SHJZ-002「最低生活保障 / 审核信息」（items/shjz/SHJZ-002.yaml）相同" in run.err
    assert "有 2 个新增的事项像是已有事项改了名" in run.out
    assert _items(cat) == ["SHJZ-001.yaml", "SHJZ-002.yaml"]


# 6 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_row_marked_for_deletion_in_words_is_an_error_at_the_cell(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    second = ["2", "临时救助", "审批信息", "临时救助对象名单", *FIRST[4:], None, "此项删除。"]
    third = ["删除", "特困人员救助供养", "审批信息", "特困人员名单", *FIRST[4:]]
    table = workbook(tmp_path / "目录.xlsx", [
        [*HEADER, "调整情况", "备注"], [*FIRST, "删除"], second, third], sheet="社会救助")
    before = (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes()
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 1
    assert ("社会救助!L2: 这一行标明「删除」：gongkai 导入不删除事项，这一行会照样导入。要删去这个事项的，请在表格中删去这一行，"
            "再删去它的事项文件（gongkai validate 会指出还引用它的信息）；不删的，请清空这一格后再导入") in run.err
    assert "社会救助!M3: 这一行标明「此项删除。」：gongkai 导入不删除事项，这一行会照样导入（这一格成为事项的备注）。" in run.err
    assert "社会救助!A4: 这一行标明「删除」：" in run.err
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes() == before
    assert _items(cat) == ["SHJZ-001.yaml"]


def test_a_remark_that_only_mentions_cancelling_is_no_deletion_mark(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "目录.xlsx", [[*HEADER, "编号", "备注"], [*FIRST, "SHJZ-001", "已取消收费，删除部分内容"]],
                     sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert load(cat.root / "items/shjz/SHJZ-001.yaml")["备注"] == "已取消收费，删除部分内容"


# 7 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def _csv(path: Path, rows: list[list[str]]) -> Path:
    """A csv as Excel saves 「CSV（逗号分隔）」: GBK, commas, the cells as Excel shows them."""
    path.write_bytes("\r\n".join(",".join(row) for row in rows).encode("gbk") + b"\r\n")
    return path


def test_a_number_excel_saved_into_a_csv_in_scientific_notation_is_an_error(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    header = ["一级事项", "二级事项", "公开内容", "编号", "咨询电话", "备注"]
    table = _csv(tmp_path / "社会救助.csv", [header, ["最低生活保障", "审批信息", "低保对象名单及相关信息", "SHJZ-001",
                                                      "5.95232E+10", "身份证号 3.50524E+17"]])
    before = (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes()
    run = gk("import", "csv", table, "-C", cat.root, "--yes")
    assert run.code == 1
    assert ("社会救助!E2: 单元格是「5.95232E+10」：Excel 把长数字（电话号码、编号）显示成科学计数法后另存，原来的数字已经丢失，"
            "gongkai 无法还原：请在原表中把这一列设为「文本」、重新填写完整的数字后再导入") in run.err
    assert "社会救助!F2" not in run.err  # a text that only holds such a number among words is no such cell
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes() == before


def test_a_phone_number_without_its_leading_zero_in_a_csv_is_an_error(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    header = ["一级事项", "二级事项", "公开内容", "编号", "咨询电话"]
    table = _csv(tmp_path / "社会救助.csv", [header, ["最低生活保障", "审批信息", "低保对象名单及相关信息", "SHJZ-001",
                                                      "59523222617"]])
    run = gk("import", "csv", table, "-C", cat.root, "--yes")
    assert run.code == 1
    assert ("社会救助!E2: 咨询电话「59523222617」没有区号开头的 0：csv 在 Excel 中打开再保存时，长数字按数字保存、去掉了开头的 0。"
            "请改正为带区号的号码（如 0595-23222619）；以后请导入 xlsx，或在 Excel 中把这一列设为「文本」") in run.err
    assert "咨询电话" not in load(cat.root / "items/shjz/SHJZ-001.yaml")

    # the numbers that lose nothing stay as they were: 8 digits, 12345, 400 numbers
    for number in ("23222619", "12345", "4008123123"):
        table = _csv(tmp_path / "社会救助.csv", [header, ["最低生活保障", "审批信息", "低保对象名单及相关信息", "SHJZ-001",
                                                          number]])
        run = gk("import", "csv", table, "-C", cat.root, "--yes")
        assert run.code == 0, run.out + run.err
        assert load(cat.root / "items/shjz/SHJZ-001.yaml")["咨询电话"] == number


# 8 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_title_broken_across_lines_in_a_cell_is_one_entry(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    row = ["1", "最低生活保障", "审批信息", "●低保对象名单（含\n特困人员）\n●救助标准",
           "《中华人民共和国政府信息公开\n条例》（国务院令第711号）\n《社会救助暂行办法》（国务院令\n第649号）",
           *FIRST[5:], "SHJZ-001"]
    table = workbook(tmp_path / "目录.xlsx", [[*HEADER, "编号"], row], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    item = load(cat.root / "items/shjz/SHJZ-001.yaml")
    assert item["公开内容"] == ["低保对象名单（含特困人员）", "救助标准"]
    assert item["公开依据"] == ["《中华人民共和国政府信息公开条例》（国务院令第711号）", BASIS]
    assert "条公开依据" not in run.out  # 《社会救助暂行办法》 is the file's own entry, kept


def test_lines_without_bullets_or_open_brackets_are_still_one_entry_each(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    row = ["1", "最低生活保障", "审批信息", "●低保对象名单\n救助标准", "《甲》\n《乙", *FIRST[5:], "SHJZ-001"]
    table = workbook(tmp_path / "目录.xlsx", [[*HEADER, "编号"], row], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    item = load(cat.root / "items/shjz/SHJZ-001.yaml")
    assert item["公开内容"] == ["低保对象名单", "救助标准"]
    assert item["公开依据"] == ["《甲》", "《乙"]


# 9 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_row_emptied_but_for_its_bianhao_is_said(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "目录.xlsx", [[*HEADER, "编号"], ["1", *[None] * 10, "SHJZ-001"]], sheet="社会救助")
    before = (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes()
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert ("社会救助!L2: 这一行除编号「SHJZ-001」外都是空白（空白表示不改），SHJZ-001 保持原样：要删去这个事项的，"
            "请在表格中删去这一行，再删去它的事项文件（gongkai validate 会指出还引用它的信息）；否则请补上这一行的内容") in run.err
    assert "新增 0 项，更新 0 项，未变 1 项。" in run.out
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_bytes() == before


def test_a_row_with_its_bianhao_and_one_cell_is_no_emptied_row(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    row = ["1", *[None] * 4, "制定或获取信息之日起5个工作日内", *[None] * 5, "SHJZ-001"]
    run = gk("import", "xlsx", workbook(tmp_path / "目录.xlsx", [[*HEADER, "编号"], row], sheet="社会救助"),
             "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "都是空白" not in run.err
    assert load(cat.root / "items/shjz/SHJZ-001.yaml")["公开时限"] == "制定或获取信息之日起5个工作日内"
