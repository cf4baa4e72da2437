"""gongkai import / new / fmt, eighteenth hostile round: tables and commands as county bureaus really fill them in —
a 责任单位 written after the bureau's own name, `new item` run for an item the directory already has or with the
words the loader accepts, … Each test runs the real CLI and checks values typed by hand."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

from conftest import ITEM, CatalogDir, Run
from sheets import BASIS, DEADLINE, PUBLISHER, load, workbook

NEW = "items/shjz/SHJZ-002.yaml"
UNIT_HEADER = ["一级事项", "二级事项", "公开内容", "公开渠道", "公开对象", "公开方式", "公开层级", "责任单位"]


def _unit_row(unit: str) -> list[object]:
    return ["临时救助", "办事指南", "办理条件", "政府网站", "全社会", "主动", "县级", unit]


def test_a_unit_written_after_the_bureaus_name_is_that_unit(gk: Callable[..., Run], cat: CatalogDir,
                                                             tmp_path: Path) -> None:
    """Before: 「县民政局社会救助股」 (as county tables write it) was 「不在 gongkai.yaml 的单位中」 and stopped the import."""
    for typed in ("县民政局社会救助股", "测试县民政局 社会救助股", "社会救助 股"):
        table = workbook(tmp_path / "t.xlsx", [UNIT_HEADER, _unit_row(typed)], sheet="社会救助")
        run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
        assert run.code == 0, (typed, run.err)
        assert load(cat.root / NEW)["责任单位"] == "shjzg", typed
        (cat.root / NEW).unlink()


def test_a_unit_after_another_bodys_name_is_not_taken_and_the_units_are_listed(gk: Callable[..., Run],
                                                                               cat: CatalogDir, tmp_path: Path) -> None:
    """「县政府办公室」 ends with the bureau's unit 「办公室」 but is the county government's office: an error at the cell
    that lists the units to choose from, not bgs in silence."""
    table = workbook(tmp_path / "t.xlsx", [UNIT_HEADER, _unit_row("县政府办公室")], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助!H2: 责任单位「县政府办公室」不在 gongkai.yaml 的「单位」中" in run.err
    assert "办公室（bgs）、社会救助股（shjzg）" in run.err
    assert not (cat.root / NEW).exists()


NEW_ITEM = ("new", "item", "--domain", "社会救助", "--five", "结果公开", "--content", "低保对象名单", "--unit", "shjzg")


def test_new_item_for_an_item_the_catalog_has_makes_no_second_file(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: `new item --level1 最低生活保障 --level2 审批信息` wrote SHJZ-002, a second file of SHJZ-001."""
    run = gk(*NEW_ITEM, "--level1", "最低生活保障", "--level2", "审批信息", "-C", cat.root)
    assert run.code == 2
    assert "「社会救助」领域已有事项「最低生活保障 / 审批信息」：items/shjz/SHJZ-001.yaml（SHJZ-001），未新建" in run.err
    assert not (cat.root / NEW).exists()
    # retyped with a list number and another bracket width, as import matches it: still the same item
    run = gk(*NEW_ITEM, "--level1", "（一）最低生活保障", "--level2", "审批 信息", "-C", cat.root)
    assert run.code == 2 and "SHJZ-001" in run.err and not (cat.root / NEW).exists()


def test_new_item_beside_an_invalid_file_of_the_same_item_makes_no_second_file(gk: Callable[..., Run],
                                                                                cat: CatalogDir) -> None:
    cat.item(ITEM.replace("编号: SHJZ-001", "编号: SHJZ-005").replace("公开方式: 主动", "公开方式: 随便"),
             "items/shjz/SHJZ-005.yaml")
    (cat.root / "items/shjz/SHJZ-001.yaml").unlink()
    run = gk(*NEW_ITEM, "--level1", "最低生活保障", "--level2", "审批信息", "-C", cat.root)
    assert run.code == 2 and "items/shjz/SHJZ-005.yaml（SHJZ-005）" in run.err
    assert sorted(p.name for p in (cat.root / "items/shjz").iterdir()) == ["SHJZ-005.yaml"]


def test_new_item_of_another_second_level_name_is_made(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """The edge: same 一级事项, another 二级事项 (or none) is another item."""
    run = gk(*NEW_ITEM, "--level1", "最低生活保障", "--level2", "审批结果", "-C", cat.root)
    assert run.code == 0, run.err
    assert load(cat.root / NEW)["二级事项"] == "审批结果"
    run = gk(*NEW_ITEM, "--level1", "最低生活保障", "-C", cat.root)
    assert run.code == 0, run.err
    assert "二级事项" not in load(cat.root / "items/shjz/SHJZ-003.yaml")


def test_new_item_takes_the_words_a_hand_written_file_may_use(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: `--five 服务 --audience 社会公众 --mode 主动公开 --level 县级、乡级` were 「不是有效的」, though a file
    written with them validates; now they are written as the loader reads them."""
    run = gk("new", "item", "--domain", "社会救助", "--level1", "临时救助", "--five", "服务", "--content", "办理条件",
             "--audience", "社会公众", "--mode", "主动公开", "--level", "县级、乡级", "--channel", "村务公开栏",
             "--unit", "shjzg", "-C", cat.root)
    assert run.code == 0, run.err
    item = load(cat.root / NEW)
    assert (item["五公开"], item["公开对象"], item["公开方式"], item["公开层级"], item["公开渠道"]) == (
        "服务公开", "全社会", "主动", ["县级", "乡级"], ["社区/企事业单位/村公示栏（电子屏）"])


def _with_results(path: Path, results: dict[str, str]) -> Path:
    """*path* with each formula cell of *results* given the text result Excel saves with it (t="str"); an empty text
    is the result of 「=IF(…,"√","")」, saved as <v></v>."""
    with zipfile.ZipFile(path) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    for ref, text in results.items():
        sheet, count = re.subn(rf'<c r="{ref}"[^>]*><f>(.*?)</f>(?:<v>.*?</v>|<v\s*/>)?</c>',
                               lambda found: f'<c r="{ref}" t="str"><f>{found.group(1)}</f><v>{text}</v></c>', sheet)
        assert count == 1, ref
    parts["xl/worksheets/sheet1.xml"] = sheet.encode()
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


def test_a_formula_whose_saved_result_is_empty_text_is_an_empty_cell(gk: Callable[..., Run], cat: CatalogDir,
                                                                    tmp_path: Path) -> None:
    """Before: 「=IF(…,"√","")」 saved by Excel with its empty result was 「没有保存计算结果」 and stopped the import."""
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开渠道", "公开对象", "公开方式", "公开层级"],
        [None, None, None, None, None, None, "县级", "乡级"],
        ["临时救助", "办事指南", "办理条件", "政府网站", "全社会", "主动", '=IF(A3="","","√")', '=IF(A3="","√","")'],
    ], sheet="社会救助", merges=["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:F2", "G1:H1"])
    _with_results(table, {"G3": "√", "H3": ""})
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert load(cat.root / NEW)["公开层级"] == ["县级"]


def test_a_formula_saved_without_any_result_is_still_an_error(gk: Callable[..., Run], cat: CatalogDir,
                                                              tmp_path: Path) -> None:
    """The edge: a formula written by a program, with no result at all, is not read as empty."""
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开渠道", "公开对象", "公开方式", "公开层级"],
        [None, None, None, None, None, None, "县级", "乡级"],
        ["临时救助", "办事指南", "办理条件", "政府网站", "全社会", "主动", "√", '=IF(A3="","√","")'],
    ], sheet="社会救助", merges=["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:F2", "G1:H1"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1 and "社会救助!H3: 单元格是公式" in run.err and "没有保存计算结果" in run.err
    assert not (cat.root / NEW).exists()


FULL = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
        "公开层级"]


def _full(serial: object, level1: str | None, level2: str) -> list[object]:
    return [serial, level1, level2, "办理条件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"]


def test_group_headings_and_a_closing_line_in_the_name_column_are_no_items(gk: Callable[..., Run], cat: CatalogDir,
                                                                          tmp_path: Path) -> None:
    """Before: 「一 | 社会救助」「二 | 临时救助」 (group headings) and 「以上共2项」 each became an item file holding a
    name and nothing else (exit 0), which validate then refused."""
    table = workbook(tmp_path / "t.xlsx", [
        FULL,
        ["一", "社会救助"],
        ["二", "临时救助"],
        _full(1, None, "办事指南"),
        _full(2, None, "审批结果"),
        [None, "以上共2项"],
    ], sheet="Sheet1")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "Sheet1!B3: 这一行只有事项名称「临时救助」，没有公开内容、公开依据、公开渠道等，按分组标题跳过" in run.err
    assert "Sheet1!B6: 这一行只有事项名称「以上共2项」" in run.err
    assert "Sheet1!B2" not in run.err  # a heading naming the 领域 is the 领域's, as a section row is
    files = sorted(p.name for p in (cat.root / "items/shjz").iterdir())
    assert files == ["SHJZ-001.yaml", "SHJZ-002.yaml", "SHJZ-003.yaml"]
    # the heading still names the group's 一级事项 for the rows under it that leave it blank
    assert [load(cat.root / f"items/shjz/{f}")["一级事项"] for f in files[1:]] == ["临时救助", "临时救助"]
    assert [load(cat.root / f"items/shjz/{f}")["二级事项"] for f in files[1:]] == ["办事指南", "审批结果"]
    assert "未变 2 项" in gk("import", "xlsx", table, "--yes", "-C", cat.root).out


def test_a_row_with_a_name_and_one_more_cell_is_an_item_and_its_blanks_are_named(gk: Callable[..., Run],
                                                                                 cat: CatalogDir, tmp_path: Path) -> None:
    """The edge: a name with anything else of the item (here only 公开内容) is an item row. Its blank cells, which for
    an item the catalog has mean 「不改」, leave a new item's file without what validate requires: before, in silence."""
    table = workbook(tmp_path / "t.xlsx", [FULL, [1, "临时救助", None, "办理条件"]], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "按分组标题跳过" not in run.err
    assert load(cat.root / NEW)["公开内容"] == ["办理条件"]
    for cell, key in (("E2", "公开依据"), ("F2", "公开时限"), ("G2", "公开主体"), ("H2", "公开渠道"), ("I2", "公开对象"),
                      ("J2", "公开方式"), ("K2", "公开层级")):
        assert f"社会救助!{cell}: 「临时救助」是新事项，{key}却是空白：写入的事项文件缺少{key}，gongkai validate 会报错" in run.err
    # an item the catalog has: the same blanks say 「不改」, and nothing is reported
    run = gk("import", "xlsx", workbook(tmp_path / "u.xlsx", [FULL, [1, "最低生活保障", "审批信息", "低保对象名单及相关信息"]],
                                        sheet="社会救助"), "--yes", "-C", cat.root)
    assert run.code == 0 and "空白" not in run.err and "未变 1 项" in run.out


def test_a_tick_alone_under_a_fields_own_column_says_which_option_is_missing(gk: Callable[..., Run],
                                                                            cat: CatalogDir, tmp_path: Path) -> None:
    """Before: 「√」 in the 公开对象 column (its 全社会｜特定群体 sub-row lost) was 「一项也没有勾选：单元格里的 0 个方框
    都没有勾选」, a message that contradicts the cell, beside 「有 1 个方框旁边没有名称，已忽略」."""
    header = ["一级事项", "二级事项", "公开内容", "公开渠道", "公开对象", "公开方式", "公开层级"]
    table = workbook(tmp_path / "t.xlsx", [header, ["临时救助", "办事指南", "办理条件", "政府网站", "√", "是", "县级"]],
                     sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!E2: 单元格只写了「√」，没有写明勾选的是公开对象的哪一项：请写选项名称（全社会或特定群体），"
            "或把表头分成「全社会」「特定群体」各一小列，在小列中勾选") in run.err
    assert "社会救助!F2: 单元格只写了「是」，没有写明勾选的是公开方式的哪一项" in run.err
    assert "0 个方框" not in run.err and "旁边没有名称" not in run.err
    assert not (cat.root / NEW).exists()
    # the edge: a tick beside its option's name is read
    table = workbook(tmp_path / "t.xlsx", [header, ["临时救助", "办事指南", "办理条件", "政府网站", "√全社会", "主动", "县级"]],
                     sheet="社会救助")
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    assert load(cat.root / NEW)["公开对象"] == "全社会"


def test_an_instructions_sheet_with_the_header_and_an_example_row_is_not_imported(gk: Callable[..., Run],
                                                                                  cat: CatalogDir,
                                                                                  tmp_path: Path) -> None:
    """Before: beside 「Sheet1」 the example row 「××事项 / ××信息」 of a 「填表说明」 sheet became an item file; beside a
    sheet named 社会救助 the same sheet stopped the import, advising to add 「填表说明」 to gongkai.yaml as a 领域."""
    for main in ("Sheet1", "社会救助"):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = main
        for values in (FULL, _full(1, "临时救助", "办事指南")):
            sheet.append(values)
        notes = book.create_sheet("填表说明")
        for values in (["填表说明：请按以下示例填写，每个二级事项一行。"], FULL, _full("示例", "××事项", "××信息")):
            notes.append(values)
        book.save(tmp_path / "t.xlsx")
        run = gk("import", "xlsx", tmp_path / "t.xlsx", "--yes", "-C", cat.root)
        assert run.code == 0, (main, run.err)
        assert "填表说明!A1: 工作表「填表说明」按名称是填表说明或示例（其中的表头和示例行不是事项），没有导入" in run.err
        assert sorted(p.name for p in (cat.root / "items/shjz").iterdir()) == ["SHJZ-001.yaml", "SHJZ-002.yaml"], main
        (cat.root / NEW).unlink()


def test_example_rows_in_the_directory_are_skipped_and_named(gk: Callable[..., Run], cat: CatalogDir,
                                                             tmp_path: Path) -> None:
    """Before: 「示例」 and 「××事项」 rows left at the top of the table were imported as items."""
    table = workbook(tmp_path / "t.xlsx", [
        FULL, _full("示例", "临时救助", "办事指南"), _full("例1", "特困人员救助供养", "审批结果"),
        _full(1, "XX事项", "XX信息"), _full(2, "临时救助", "审批结果"),
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!A2: 这一行是填写示例（「示例」），不是事项，已跳过" in run.err
    assert "社会救助!A3: 这一行是填写示例（「例1」）" in run.err
    assert "社会救助!B4: 这一行是填写示例（「XX事项」）" in run.err
    assert sorted(p.name for p in (cat.root / "items/shjz").iterdir()) == ["SHJZ-001.yaml", "SHJZ-002.yaml"]
    assert (load(cat.root / NEW)["一级事项"], load(cat.root / NEW)["二级事项"]) == ("临时救助", "审批结果")


def test_a_serial_or_name_that_only_starts_like_an_example_is_an_item(gk: Callable[..., Run], cat: CatalogDir,
                                                                     tmp_path: Path) -> None:
    """The edge: 「例外情形」 is no 「例」, a single X no blank to fill in."""
    table = workbook(tmp_path / "t.xlsx", [FULL, _full(None, "例外情形救助", "X线检查费用减免")], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0 and "示例" not in run.err
    assert load(cat.root / NEW)["一级事项"] == "例外情形救助"


def _without_id_column(path: Path) -> Path:
    """The exported table as the 政务公开办 returns it: the local 编号 column deleted."""
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        column = next(c.column for row in sheet.iter_rows() for c in row if c.value == "编号")
        sheet.delete_cols(column)
    book.save(path)
    return path


def test_a_file_whose_second_level_is_wu_or_a_slash_matches_its_row_again(gk: Callable[..., Run], cat: CatalogDir,
                                                                          tmp_path: Path) -> None:
    """Before: 「二级事项: 无」 in a file was exported as 「无」, read back as an empty cell, matched no file, and the
    import added SHJZ-004 and SHJZ-005: second files of SHJZ-002 and SHJZ-003."""
    cat.item(ITEM.replace("SHJZ-001", "SHJZ-002").replace("一级事项: 最低生活保障", "一级事项: 临时救助")
             .replace("二级事项: 审批信息", "二级事项: 无"), "items/shjz/SHJZ-002.yaml")
    cat.item(ITEM.replace("SHJZ-001", "SHJZ-003").replace("一级事项: 最低生活保障", "一级事项: 特困人员救助供养")
             .replace("二级事项: 审批信息", "二级事项: /"), "items/shjz/SHJZ-003.yaml")
    assert gk("export", "xlsx", "-C", cat.root, "-o", tmp_path / "out.xlsx").code == 0
    table = _without_id_column(tmp_path / "out.xlsx")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 0 项，未变 3 项" in run.out
    assert sorted(p.name for p in (cat.root / "items/shjz").iterdir()) == ["SHJZ-001.yaml", "SHJZ-002.yaml",
                                                                           "SHJZ-003.yaml"]
    assert load(cat.root / "items/shjz/SHJZ-002.yaml")["二级事项"] == "无"


def test_a_second_level_that_only_starts_with_wu_is_a_name(gk: Callable[..., Run], cat: CatalogDir,
                                                           tmp_path: Path) -> None:
    """The edge: 「无障碍设施」 is a name, not 「无」: a row with no 二级事项 is another item."""
    cat.item(ITEM.replace("二级事项: 审批信息", "二级事项: 无障碍设施"))
    table = workbook(tmp_path / "t.xlsx", [FULL, _full(1, "最低生活保障", "")], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 SHJZ-002" in run.out and "二级事项" not in load(cat.root / NEW)


NEW_RECORD = ("new", "record", "--title", "关于调整临时救助标准的通知", "--kind", "通知", "--unit", "shjzg",
              "--formed", "2026-03-05")


def test_new_record_with_the_short_attribute_is_numbered_and_dated_as_zhudong_gongkai(gk: Callable[..., Run],
                                                                                      cat: CatalogDir) -> None:
    """「--attribute 主动」 (the loader's alias of 主动公开): the record gets the 索引号 and 公开日期 a 主动公开 one gets."""
    run = gk(*NEW_RECORD, "--attribute", "主动", "--item", "SHJZ-001", "-C", cat.root)
    record = load(cat.root / "records/2026/R2026-002.yaml")
    assert (record["公开属性"], record["索引号"], record["公开日期"]) == ("主动公开", "350524-MZ-2026-00002", dt.date(2026, 3, 5))
    assert "GK307" not in run.out and "GK308" not in run.out


def test_new_record_names_its_item_as_import_matches_an_id(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """Before: 「--item shjz-001」 was written as typed (GK205 after writing); 「--item SHJZ-999」 wrote a record of an
    item that does not exist."""
    gk(*NEW_RECORD, "--attribute", "依申请公开", "--item", "ｓｈｊｚ-001", "-C", cat.root)
    assert load(cat.root / "records/2026/R2026-002.yaml")["事项"] == "SHJZ-001"
    run = gk(*NEW_RECORD, "--attribute", "依申请公开", "--item", "SHJZ-999", "-C", cat.root)
    assert run.code == 2
    assert "事项「SHJZ-999」在目录中不存在（items/ 下有：SHJZ-001），未新建" in run.err
    assert not (cat.root / "records/2026/R2026-003.yaml").exists()


def test_tongshang_in_a_cell_is_the_item_row_above(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: 「同上」 under 一级事项, 公开依据, 公开时限, 公开主体 was imported as the text 「同上」 (an item named 同上,
    a 公开依据 「同上」), and under 公开对象 … was 「不认识的公开对象「同上」」."""
    table = workbook(tmp_path / "t.xlsx", [
        FULL,
        _full(1, "临时救助", "办事指南"),
        [2, "同上", "审批结果", "救助对象名单", "同上", "同上。", "〃", "同上", "同上", "同上", "同上"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!B3: 单元格写的是「同上」，按上一个事项行同一列的内容读" in run.err
    item = load(cat.root / "items/shjz/SHJZ-003.yaml")
    assert (item["一级事项"], item["二级事项"], item["公开内容"]) == ("临时救助", "审批结果", ["救助对象名单"])
    assert (item["公开依据"], item["公开时限"], item["公开主体"]) == ([BASIS], DEADLINE, PUBLISHER)
    assert (item["公开渠道"], item["公开对象"], item["公开方式"], item["公开层级"]) == (["政府网站"], "全社会", "主动", ["县级"])


def test_tongshang_with_no_item_row_above_is_an_error(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """The edge: 「同上」 in the first item row has nothing to repeat."""
    table = workbook(tmp_path / "t.xlsx", [FULL, [1, "临时救助", "办事指南", "办理条件", "同上", DEADLINE, PUBLISHER,
                                                  "政府网站", "全社会", "主动", "县级"]], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助!E2: 单元格写的是「同上」，但上面没有同一列有内容的事项行：请填写实际内容" in run.err
    assert not (cat.root / NEW).exists()


def test_export_names_items_whose_rows_cannot_come_back(gk: Callable[..., Run], cat: CatalogDir,
                                                        tmp_path: Path) -> None:
    """Before: an item of a 领域 gongkai.yaml lacks (its sheet is refused on import) and a second file of 编号 SHJZ-001
    (two rows of one 编号) were exported with 「已导出」 and exit 0: the table handed over could not come back."""
    cat.item(ITEM.replace("领域: 社会救助", "领域: 养老服务").replace("SHJZ-001", "SHJZ-002"), "items/shjz/SHJZ-002.yaml")
    cat.item(ITEM, "items/shjz/SHJZ-003.yaml")
    for kind in ("xlsx", "csv"):
        run = gk("export", kind, "-C", cat.root, "-o", tmp_path / f"out.{kind}")
        assert run.code == 1, kind
        assert ("items/shjz/SHJZ-002.yaml：事项 SHJZ-002 校验不通过，已导出：领域「养老服务」不在 gongkai.yaml 的「领域」中"
                "（GK208），它的工作表再导入时会被拒绝") in run.err
        assert ("items/shjz/SHJZ-003.yaml：事项 SHJZ-001 校验不通过，已导出：编号 SHJZ-001 与 items/shjz/SHJZ-001.yaml "
                "重复（GK201），表格中有两行编号相同") in run.err
        assert "但有 2 个事项文件校验不通过" in run.err
    book = openpyxl.load_workbook(tmp_path / "out.xlsx")
    assert book.sheetnames == ["社会救助", "养老服务"]  # every item is still in the table


def test_export_of_a_clean_catalog_names_nothing(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """The edge: two items of one 领域 with their own 编号 are no finding."""
    cat.item(ITEM.replace("SHJZ-001", "SHJZ-002").replace("二级事项: 审批信息", "二级事项: 审批结果"),
             "items/shjz/SHJZ-002.yaml")
    run = gk("export", "xlsx", "-C", cat.root, "-o", tmp_path / "out.xlsx")
    assert run.code == 0 and run.err.strip() == f"已导出：{tmp_path / 'out.xlsx'}"


def test_a_group_name_repeated_on_the_next_page_with_xu_is_the_same_item(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    """Before: 「临时救助（续）」, as a table continued on the next page repeats its group, was a 一级事项 of its own, and
    「最低生活保障(续) / 审批信息」 a second file of SHJZ-001."""
    table = workbook(tmp_path / "t.xlsx", [
        FULL, _full(1, "临时救助", "办事指南"),
        FULL, _full(2, "临时救助（续）", "审批结果"),
        [3, "最低生活保障(续)", "审批信息", "低保对象名单及相关信息", BASIS, "制定或获取信息之日起10个工作日内", PUBLISHER,
         "政府网站、村公示栏", "全社会", "主动", "县级、乡级"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "未变 1 项" in run.out
    assert [load(cat.root / f"items/shjz/SHJZ-00{n}.yaml")["一级事项"] for n in (2, 3)] == ["临时救助", "临时救助"]
    assert not (cat.root / "items/shjz/SHJZ-004.yaml").exists()


def test_a_name_with_xu_inside_is_kept(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """The edge: 「续」 inside a name (接续救助, 继续教育（续训）…) is no page mark unless it stands alone in the
    closing brackets."""
    table = workbook(tmp_path / "t.xlsx", [FULL, _full(1, "接续救助（续训）", "办事指南")], sheet="社会救助")
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    assert load(cat.root / NEW)["一级事项"] == "接续救助（续训）"


def test_a_blank_level1_in_a_row_with_an_id_never_renames_the_item(gk: Callable[..., Run], cat: CatalogDir,
                                                                  tmp_path: Path) -> None:
    """Before: an exported table unmerged and sorted put SHJZ-001's row (一级事项 blank) under 临时救助; the import
    renamed SHJZ-001 「最低生活保障 → 临时救助」. A blank cell of a row matched by its 编号 says 「不改」."""
    cat.item(ITEM.replace("SHJZ-001", "SHJZ-002").replace("一级事项: 最低生活保障", "一级事项: 临时救助")
             .replace("二级事项: 审批信息", "二级事项: 办事指南"), "items/shjz/SHJZ-002.yaml")
    row = ["低保对象名单及相关信息", BASIS, "制定或获取信息之日起10个工作日内", PUBLISHER, "政府网站、村公示栏", "全社会", "主动",
           "县级、乡级"]
    table = workbook(tmp_path / "t.xlsx", [
        [*FULL, "编号"],
        [1, "临时救助", "办事指南", *row, "SHJZ-002"],
        [2, None, "审批信息", *row, "SHJZ-001"],
        [3, None, "审批结果", *row, None],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 1 项，更新 0 项，未变 2 项" in run.out
    assert load(cat.root / "items/shjz/SHJZ-001.yaml")["一级事项"] == "最低生活保障"
    # the edge: the row without 编号 is a new item, named after the row above as before
    assert (load(cat.root / "items/shjz/SHJZ-003.yaml")["一级事项"], load(cat.root / "items/shjz/SHJZ-003.yaml")["二级事项"]
            ) == ("临时救助", "审批结果")


def test_a_directory_sheet_named_as_a_template_alone_is_read(gk: Callable[..., Run], cat: CatalogDir,
                                                             tmp_path: Path) -> None:
    """The edge: the county's 「标准目录模板」 filled in and never renamed is the directory when it is the only one."""
    table = workbook(tmp_path / "t.xlsx", [FULL, _full(1, "临时救助", "办事指南")], sheet="标准目录模板")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "填表说明或示例" not in run.err and load(cat.root / NEW)["一级事项"] == "临时救助"


def test_a_deadline_validate_cannot_read_is_named_at_its_cell(gk: Callable[..., Run], cat: CatalogDir,
                                                              tmp_path: Path) -> None:
    """Before: 「20」 (under 「公开时限（工作日）」) and 「及时更新」 were imported in silence; validate then warned GK401 at
    a line of a YAML file the clerk never wrote. The law's own wording, and its variants, pass."""
    rows = [[*_full(n, "临时救助", level2)[:5], deadline, *_full(n, "临时救助", level2)[6:]]
            for n, (level2, deadline) in enumerate([("办事指南", "20"), ("审批结果", "及时更新"),
                                                    ("政策文件", "自信息形成或者变更之日起20个工作日内"),
                                                    ("救助标准", "信息形成（变更）之日起二十个工作日内")], start=1)]
    header = [*FULL[:5], "公开时限（工作日）", *FULL[6:]]
    table = workbook(tmp_path / "t.xlsx", [header, *rows], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert ("社会救助!F2: 公开时限「20」看不出从何时起、多少天内公开（gongkai validate 会警告 GK401，不能核对是否按时）：请写成"
            "「自信息形成或者变更之日起20个工作日内」") in run.err
    assert "社会救助!F3: 公开时限「及时更新」看不出从何时起" in run.err
    assert "社会救助!F4" not in run.err and "社会救助!F5" not in run.err
    assert load(cat.root / NEW)["公开时限"] == "20"  # imported as typed: nothing is invented


def test_contents_numbered_with_chinese_numerals_on_one_line_are_a_list(gk: Callable[..., Run], cat: CatalogDir,
                                                                        tmp_path: Path) -> None:
    """Before: 「（一）办理条件（二）申请材料（三）办理流程」 was one 公开内容 「办理条件（二）申请材料（三）办理流程」, and
    「一、办理条件 二、申请材料」 one 「办理条件 二、申请材料」; the 「1. 2.」 and 「①②」 forms were already lists."""
    table = workbook(tmp_path / "t.xlsx", [
        FULL,
        _full(1, "临时救助", "办事指南", ) [:3] + ["（一）办理条件（二）申请材料（三）办理流程"] + _full(1, "", "")[4:],
        _full(2, "临时救助", "审批结果")[:3] + ["一、统一、规范的救助标准 二、救助对象名单"] + _full(1, "", "")[4:],
        _full(3, "临时救助", "政策文件")[:3] + ["一、相关政策文件"] + _full(1, "", "")[4:],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert load(cat.root / NEW)["公开内容"] == ["办理条件", "申请材料", "办理流程"]
    assert load(cat.root / "items/shjz/SHJZ-003.yaml")["公开内容"] == ["统一、规范的救助标准", "救助对象名单"]
    # the edge: one numbered element is one element, its 「、」 kept
    assert load(cat.root / "items/shjz/SHJZ-004.yaml")["公开内容"] == ["相关政策文件"]


def test_an_audience_sub_column_headed_bu_teding_gongzhong_is_quanshehui(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    """Before: 「不特定公众」 (as some directories head the 全社会 column) was 「不是公开对象的选项，已忽略」, and every row
    ticked there was 「公开对象一项也没有勾选」."""
    table = workbook(tmp_path / "t.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开渠道", "公开对象", None, "公开方式", "公开层级"],
        [None, None, None, None, "不特定公众", "特定对象", None, None],
        ["临时救助", "办事指南", "办理条件", "政府网站", "√", None, "主动", "县级"],
    ], sheet="社会救助", merges=["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:G2", "H1:H2"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "不认识" not in run.err and "已忽略" not in run.err
    assert load(cat.root / NEW)["公开对象"] == "全社会"
