"""gongkai import / export, nineteenth hostile round: directory tables from other counties — references written one
after the other, articles of one law listed with 「、」, numbers Word and PDF converters leave in one character, … Each
test runs the real CLI and compares the imported fields with values typed by hand from the table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl

from conftest import CatalogDir, Run
from sheets import DEADLINE, PUBLISHER, load, workbook

NEW = "items/shjz/SHJZ-002.yaml"
HEADER = ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
          "公开层级", "责任单位"]


def _row(content: str, basis: str, *, level2: str = "办事指南", publisher: str = PUBLISHER) -> list[object]:
    return ["临时救助", level2, content, basis, DEADLINE, publisher, "政府网站", "全社会", "主动", "县级", "社会救助股"]


def _import_one(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path, row: list[object]) -> dict[str, object]:
    table = workbook(tmp_path / "t.xlsx", [HEADER, row], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    return load(cat.root / NEW)


def test_references_written_one_after_the_other_are_one_each(gk: Callable[..., Run], cat: CatalogDir,
                                                            tmp_path: Path) -> None:
    """Before: 「《甲》（文号）《乙》（文号）」, 「《甲》 《乙》」 and 「国发〔2014〕47号 民发〔2018〕23号」 (no 、 or ； between,
    as tables copied from a PDF write them) were each one 公开依据: two documents merged into one in silence."""
    cases = {
        "《社会救助暂行办法》（国务院令第649号）《最低生活保障审核审批办法（试行）》（民发〔2012〕220号）":
            ["《社会救助暂行办法》（国务院令第649号）", "《最低生活保障审核审批办法（试行）》（民发〔2012〕220号）"],
        "《社会救助暂行办法》 《福建省最低生活保障条例》": ["《社会救助暂行办法》", "《福建省最低生活保障条例》"],
        "国发〔2014〕47号 民发〔2018〕23号": ["国发〔2014〕47号", "民发〔2018〕23号"],
    }
    for typed, expected in cases.items():
        assert _import_one(gk, cat, tmp_path, _row("办理条件", typed))["公开依据"] == expected, typed
        (cat.root / NEW).unlink()


def test_a_reference_in_a_sentence_or_with_a_dunhao_inside_its_title_stays_one(gk: Callable[..., Run],
                                                                               cat: CatalogDir, tmp_path: Path) -> None:
    """The edge: 「《甲》和《乙》」 is one sentence; a 「、」 inside 《…》 parts nothing; 「民发〔2012〕220号 配套文件」 has no
    second 文号 after the space."""
    for typed in ("《社会救助暂行办法》和《民法典》", "《民政部、财政部关于加强流浪乞讨人员救助管理工作的通知》",
                  "民发〔2012〕220号 配套文件"):
        assert _import_one(gk, cat, tmp_path, _row("办理条件", typed))["公开依据"] == [typed], typed
        (cat.root / NEW).unlink()


def test_articles_of_one_law_listed_with_a_dunhao_stay_one_basis(gk: Callable[..., Run], cat: CatalogDir,
                                                                tmp_path: Path) -> None:
    """Before: 「《中华人民共和国政府信息公开条例》第十九条、第二十条」 became two 公开依据, the second 「第二十条」 of no
    law at all; 「第1、2项」 became 「第1」 and 「2项」."""
    basis = "《中华人民共和国政府信息公开条例》第十九条、第二十条、《社会救助暂行办法》第六十条"
    item = _import_one(gk, cat, tmp_path, _row("审核信息、第1、2项所列人员名单", basis))
    assert item["公开依据"] == ["《中华人民共和国政府信息公开条例》第十九条、第二十条", "《社会救助暂行办法》第六十条"]
    assert item["公开内容"] == ["审核信息", "第1、2项所列人员名单"]


def test_numbers_in_one_character_mark_a_list(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: 「⑴办理事项⑵办理条件」 and 「㈠…㈡…」 (as Word's numbering pasted as text leaves them) were one 公开内容 with
    the marks in it; ⒈ on each line kept its mark."""
    cases = {"⑴办理事项⑵办理条件⑶申请材料": ["办理事项", "办理条件", "申请材料"],
             "㈠办理事项㈡办理条件": ["办理事项", "办理条件"],
             "⒈办理事项\n⒉办理条件": ["办理事项", "办理条件"],
             "救助标准⑴城市": ["救助标准⑴城市"]}  # the edge: not at the start, it is text
    for typed, expected in cases.items():
        assert _import_one(gk, cat, tmp_path, _row(typed, "无"))["公开内容"] == expected, typed
        (cat.root / NEW).unlink()


def test_a_list_continued_from_the_row_above_counts_up_from_its_first_number(gk: Callable[..., Run],
                                                                            cat: CatalogDir, tmp_path: Path) -> None:
    """Before: 「8.救助金额 9.救助事由」 (a list numbered on from the row above) was one element 「救助金额 9.救助事由」."""
    item = _import_one(gk, cat, tmp_path, _row("8.救助金额 9.救助事由 10.审批结果", "无"))
    assert item["公开内容"] == ["救助金额", "救助事由", "审批结果"]
    (cat.root / NEW).unlink()
    # the edge: numbers that do not count up are text
    item = _import_one(gk, cat, tmp_path, _row("8.救助金额 3.救助事由", "无"))
    assert item["公开内容"] == ["救助金额 3.救助事由"]


def test_references_and_articles_survive_export_and_import(gk: Callable[..., Run], cat: CatalogDir,
                                                          tmp_path: Path) -> None:
    """A file that holds 「《甲》《乙》」 as one element by hand (and the article list) exports and imports back with
    no change."""
    text = (cat.root / "items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")
    text = text.replace("  - 《社会救助暂行办法》（国务院令第649号）\n",
                        "  - 《社会救助暂行办法》《民法典》\n  - 《中华人民共和国政府信息公开条例》第十九条、第二十条\n"
                        "  - 救助标准⑴城市\n")
    cat.item(text)
    out = tmp_path / "e.xlsx"
    assert gk("export", "xlsx", "-C", cat.root, "-o", out).code == 0
    run = gk("import", "xlsx", out, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 0 项，未变 1 项" in run.out
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8") == text


MERGED_ITEM = [
    HEADER,
    ["临时救助", "审核审批信息", "支出型临时救助对象名单", "国发〔2014〕47号", DEADLINE, PUBLISHER, "政府网站", "全社会", "主动",
     "县级", "社会救助股"],
    [None, None, "救助金额", "民发〔2018〕23号", None, None, "村公示栏"],
    [None, None, "救助事由"],
]


def test_an_item_merged_over_rows_with_one_element_a_row_is_one_item(gk: Callable[..., Run], cat: CatalogDir,
                                                                     tmp_path: Path) -> None:
    """Before: 临时救助 / 审核审批信息 merged over three rows, one 公开内容 (and 公开依据, 渠道) a row, stopped the import
    with 「社会救助!B2: 与 社会救助 第2行 是同一事项……请删去重复的一行」 — the row compared with itself, and no row to
    delete. Now the rows below are the same item's further elements, and the import says so."""
    table = workbook(tmp_path / "t.xlsx", MERGED_ITEM, sheet="社会救助", merges=["A2:A4", "B2:B4"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!A3: 第3行的事项名称与第2行合并在一起，按同一事项读：这一行的公开内容、公开依据、公开渠道并入第2行的事项" \
        in run.err
    assert "新增 1 项" in run.out
    item = load(cat.root / NEW)
    assert (item["一级事项"], item["二级事项"]) == ("临时救助", "审核审批信息")
    assert item["公开内容"] == ["支出型临时救助对象名单", "救助金额", "救助事由"]
    assert item["公开依据"] == ["国发〔2014〕47号", "民发〔2018〕23号"]
    assert item["公开渠道"] == ["政府网站", "社区/企事业单位/村公示栏（电子屏）"]
    assert (item["公开时限"], item["公开主体"], item["公开层级"]) == (DEADLINE, PUBLISHER, ["县级"])
    assert not (cat.root / "items/shjz/SHJZ-003.yaml").exists()


def test_a_row_under_a_merged_item_with_another_deadline_is_an_error_at_its_cell(gk: Callable[..., Run],
                                                                                 cat: CatalogDir, tmp_path: Path) -> None:
    """The edge: one item has one 公开时限; a second one written in the merged item's next row is not taken in silence."""
    rows = [list(r) for r in MERGED_ITEM]
    rows[2][4] = "信息形成或变更之日起3个工作日内"
    table = workbook(tmp_path / "t.xlsx", rows, sheet="社会救助", merges=["A2:A4", "B2:B4"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!E3: 这一行的事项名称与第2行合并在一起（同一事项），这一格却写了与第2行不同的公开时限"
            "「信息形成或变更之日起3个工作日内」") in run.err
    assert not (cat.root / NEW).exists()


def test_a_level1_merged_over_rows_with_a_level2_each_is_still_one_item_a_row(gk: Callable[..., Run],
                                                                              cat: CatalogDir, tmp_path: Path) -> None:
    """The edge: only 一级事项 merged, each row its own 二级事项 — two items, not one continued."""
    rows = [list(r) for r in MERGED_ITEM[:3]]
    rows[2] = ["临时救助", "办事指南", "办理条件", "无", DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", "社会救助股"]
    rows[2][0] = None
    table = workbook(tmp_path / "t.xlsx", rows, sheet="社会救助", merges=["A2:A3"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert load(cat.root / NEW)["公开内容"] == ["支出型临时救助对象名单"]
    assert load(cat.root / "items/shjz/SHJZ-003.yaml")["二级事项"] == "办事指南"


def test_a_phone_typed_as_a_number_that_lost_its_area_codes_zero_is_refused_at_its_cell(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: 0595-23222619 typed without the dash into a number cell, which Excel keeps as 59523222619, was imported
    as 咨询电话 「59523222619」 in silence — a number nobody can call. 010-12345678 so typed is 1012345678."""
    for typed in (59523222619, 1012345678):
        table = workbook(tmp_path / "t.xlsx", [[*HEADER, "咨询电话"], [*_row("办理条件", "无"), typed]], sheet="社会救助")
        run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
        assert run.code == 1, typed
        assert (f"社会救助!L2: 咨询电话是数字格式，区号开头的 0 已被 Excel 去掉（读出的是「{typed}」）：请把单元格格式改为"
                "「文本」后重新填写") in run.err
        assert not (cat.root / NEW).exists()


def test_a_phone_typed_as_a_number_that_lost_nothing_is_taken(gk: Callable[..., Run], cat: CatalogDir,
                                                             tmp_path: Path) -> None:
    """The edge: an eight-digit local number and the 12345 hotline lose nothing as numbers; the same digits typed as
    text (the area code's 0 kept) are as typed."""
    for typed, expected in ((23222619, "23222619"), (12345, "12345"), ("059523222619", "059523222619")):
        table = workbook(tmp_path / "t.xlsx", [[*HEADER, "咨询电话"], [*_row("办理条件", "无"), typed]], sheet="社会救助")
        run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
        assert run.code == 0, (typed, run.err)
        assert load(cat.root / NEW)["咨询电话"] == expected
        (cat.root / NEW).unlink()


def test_a_publisher_or_deadline_broken_over_lines_is_read_as_the_directory_writes_it(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: 公开主体 「县级人民政府民政部门⏎乡镇人民政府（街道办事处）」 (one body a line, Alt+Enter) was imported with
    the line break inside: 「县级人民政府民政部门\\n乡镇人民政府（街道办事处）」, unlike the same 主体 in every other item;
    a 公开时限 broken over two lines likewise. Now the bodies are parted by 「、」, and a phrase broken mid-way is one."""
    cases = [
        ("县级人民政府民政部门\n乡镇人民政府（街道办事处）", "县级人民政府民政部门、乡镇人民政府（街道办事处）",
         "制定或获取信息之日起10个工作日内\n公示7个工作日", "制定或获取信息之日起10个工作日内，公示7个工作日"),
        ("县级人民政府\n民政部门", "县级人民政府民政部门",  # the edge: a name wrapped in a narrow column
         "制定或获取信息之日起\n10个工作日内", "制定或获取信息之日起10个工作日内"),
        ("县民政局、\n乡镇人民政府", "县民政局、乡镇人民政府",
         "制定或获取信息之日起10个工作日内，\n公示7个工作日", "制定或获取信息之日起10个工作日内，公示7个工作日"),
    ]
    for publisher, publisher_read, deadline, deadline_read in cases:
        row = _row("办理条件", "无", publisher=publisher)
        row[4] = deadline
        item = _import_one(gk, cat, tmp_path, row)
        assert (item["公开主体"], item["公开时限"]) == (publisher_read, deadline_read), publisher
        (cat.root / NEW).unlink()


def test_a_note_keeps_its_line_breaks(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """The edge: 备注 is free text; its lines stay lines."""
    table = workbook(tmp_path / "t.xlsx", [[*HEADER, "备注"], [*_row("办理条件", "无"), "2026年新增\n按季度更新"]],
                     sheet="社会救助")
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    assert load(cat.root / NEW)["备注"] == "2026年新增\n按季度更新"


TICK_HEADER = ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", None, "公开方式", None,
               "公开层级", None]
TICK_MERGES = ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:F2", "G1:G2", "H1:I1", "J1:K1", "L1:M1"]


def _tick_table(path: Path, audience: tuple[str, str], levels: tuple[str, str]) -> Path:
    return workbook(path, [
        TICK_HEADER,
        [None] * 7 + [*audience, "主动", "依申请", *levels],
        ["临时救助", "办事指南", "办理条件", "无", DEADLINE, PUBLISHER, "政府网站", None, "√", "√", None, "√", "√"],
    ], sheet="社会救助", merges=TICK_MERGES)


def test_tick_sub_columns_headed_mianxiang_or_by_the_government_are_read(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    """Before: 「面向社会｜面向特定群体」 under 公开对象 were no options — the item came in without its 公开对象, with
    「社会救助!H1: 列「公开对象」与 社会救助!H1「公开对象」重复」 (a cell the same as itself); 「县级政府｜乡镇政府」 under
    公开层级 dropped 乡级 with 「不是公开层级的选项」."""
    run = gk("import", "xlsx", _tick_table(tmp_path / "t.xlsx", ("面向社会", "面向特定群体"), ("县级人民政府", "乡镇政府")),
             "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "重复" not in run.err and "不是" not in run.err
    item = load(cat.root / NEW)
    assert (item["公开对象"], item["公开方式"], item["公开层级"]) == ("特定群体", "主动", ["县级", "乡级"])


def test_sub_columns_of_a_tick_field_none_of_which_is_an_option_are_named_each(gk: Callable[..., Run],
                                                                               cat: CatalogDir, tmp_path: Path) -> None:
    """The edge: sub-headers nobody could read as 全社会/特定群体 are each named at their own cell, and the new item's
    missing 公开对象 is said before anything is written — not 「与 H1 重复」."""
    run = gk("import", "xlsx", _tick_table(tmp_path / "t.xlsx", ("甲类", "乙类"), ("县级", "乡级")), "--dry-run",
             "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!H2: 列「公开对象 / 甲类」不是公开对象的选项（全社会、特定群体），已忽略" in run.err
    assert "社会救助!I2: 列「公开对象 / 乙类」不是公开对象的选项（全社会、特定群体），已忽略" in run.err
    assert "重复" not in run.err
    assert "注意：表格没有给出公开依据、公开对象，新的事项文件缺少这些，gongkai validate 会报错" in run.out


def test_a_table_without_a_required_column_says_what_new_items_will_lack(gk: Callable[..., Run], cat: CatalogDir,
                                                                        tmp_path: Path) -> None:
    """Before: a table with no 公开时限 and no 公开对象 column wrote a new item without either, and said nothing (the
    blank-cell warning needs a cell); validate refused the file afterwards. The existing item's row changes nothing."""
    header = ["一级事项", "二级事项", "公开内容", "公开依据", "公开主体", "公开渠道", "公开方式", "公开层级"]
    table = workbook(tmp_path / "t.xlsx", [
        header,
        ["临时救助", "办事指南", "办理条件", "无", PUBLISHER, "政府网站", "主动", "县级"],
        ["最低生活保障", "审批信息", "低保对象名单及相关信息", "《社会救助暂行办法》（国务院令第649号）", PUBLISHER,
         "政府网站、村公示栏", "主动", "县级、乡级"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--dry-run", "-C", cat.root)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    added = next(i for i, line in enumerate(lines) if line.startswith("新增 SHJZ-002"))
    assert lines[added + 1] == ("  注意：表格没有给出公开依据、公开时限、公开对象，新的事项文件缺少这些，gongkai validate 会报错、"
                                "不能发布；请在表格中补上这些列后再导入，或导入后在事项文件中补上")
    assert run.out.count("注意：表格没有给出") == 1
    assert "新增 1 项，更新 0 项，未变 1 项" in run.out


def test_a_row_copied_with_its_id_to_start_a_new_item_says_to_clear_the_id(gk: Callable[..., Run], cat: CatalogDir,
                                                                          tmp_path: Path) -> None:
    """Hand edit of the exported table: the row of SHJZ-001 copied below and its 二级事项 and 公开内容 retyped, the 编号
    left as it was. Before: 「社会救助!B5: 与 社会救助 第4行 是同一事项（SHJZ-001），重复了」 at the name, with no way out
    named; now at the 编号 cell, saying to clear it. Nothing is written either way."""
    out = tmp_path / "e.xlsx"
    assert gk("export", "xlsx", "-C", cat.root, "-o", out).code == 0
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    assert (sheet["B4"].value, sheet["Q2"].value, sheet["Q4"].value) == ("最低生活保障", "编号", "SHJZ-001")
    for col in range(1, 18):
        sheet.cell(5, col).value = sheet.cell(4, col).value
    sheet["C5"], sheet["D5"] = "审核信息", "初审对象名单及相关信息"
    book.save(out)
    before = (cat.root / "items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8")
    run = gk("import", "xlsx", out, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!Q5: 编号「SHJZ-001」与 社会救助 第4行 相同：一个事项只能有一行。复制别的行来新增事项时，请清空这一格的编号"
            "（gongkai 自动编号）") in run.err
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8") == before
    sheet["Q5"] = None  # as told: the row is a new item
    book.save(out)
    run = gk("import", "xlsx", out, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 1 项，更新 0 项，未变 1 项" in run.out
    assert (cat.root / "items/shjz/SHJZ-001.yaml").read_text(encoding="utf-8") == before
    item = load(cat.root / NEW)
    assert (item["一级事项"], item["二级事项"], item["公开内容"]) == ("最低生活保障", "审核信息", ["初审对象名单及相关信息"])


CATEGORY_HEADER = ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开类别", "公开层级"]


def _category_rows(first: str, second: str) -> list[list[object]]:
    return [CATEGORY_HEADER,
            ["临时救助", "办事指南", "办理条件", "无", DEADLINE, PUBLISHER, "政府网站", "全社会", first, "县级"],
            ["临时救助", "政策法规文件", "国发〔2014〕47号", "无", DEADLINE, PUBLISHER, "政府网站", "全社会", second, "县级"]]


def test_a_category_column_of_modes_is_the_mode(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: 「公开类别」 (五公开 in the header table) holding 依申请公开 / 主动公开, as some counties head the 公开方式
    column, stopped the import at every cell with 「不认识的五公开「依申请公开」」. Now it is read as 公开方式, said once."""
    table = workbook(tmp_path / "t.xlsx", _category_rows("依申请公开", "主动公开"), sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "社会救助!I1: 列「公开类别」：单元格写的是公开方式的选项，按公开方式读" in run.err
    assert load(cat.root / NEW)["公开方式"] == "依申请"
    assert load(cat.root / "items/shjz/SHJZ-003.yaml")["公开方式"] == "主动"


def test_a_category_column_of_five_disclosures_stays_five_disclosures(gk: Callable[..., Run], cat: CatalogDir,
                                                                      tmp_path: Path) -> None:
    """The edge: the same header over 服务公开 / 执行 is 五公开; one cell of a mode among them is an error at its cell."""
    table = workbook(tmp_path / "t.xlsx", _category_rows("服务公开", "执行"), sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "按公开方式读" not in run.err
    assert (load(cat.root / NEW)["五公开"], load(cat.root / "items/shjz/SHJZ-003.yaml")["五公开"]) == ("服务公开", "执行公开")
    (cat.root / NEW).unlink()
    (cat.root / "items/shjz/SHJZ-003.yaml").unlink()
    table = workbook(tmp_path / "t.xlsx", _category_rows("服务公开", "主动公开"), sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助!I3: 不认识的五公开「主动公开」" in run.err


def _ticks_table(path: Path, audience: tuple[object, object], channels: str) -> Path:
    rows = [TICK_HEADER, [None] * 7 + ["全社会", "特定群体", "主动", "依申请", "县级", "乡级"],
            ["临时救助", "办事指南", "办理条件", "无", DEADLINE, PUBLISHER, channels, *audience, "√", None, "√", None]]
    return workbook(path, rows, sheet="社会救助", merges=TICK_MERGES)


def test_ticks_as_phones_full_width_keyboards_and_a_letter_v_write_them(gk: Callable[..., Run], cat: CatalogDir,
                                                                         tmp_path: Path) -> None:
    """Before: 「✔️」 (✔ with the emoji variation selector, as a phone or WeChat types it), 「１」 (full width), 「v」
    (typed for √ where no input method gives one) were each 「应为 ■ 或 □，这里写的是……」 — contradicting the cell; a
    channel cell 「✔️政府网站 ✖️政府公报」 was 「不认识的公开渠道」. 〇 (ideographic zero) is typed for ○: not ticked."""
    for ticked, other in (("✔️", None), ("１", "０"), ("v", None), ("V", "〇"), ("☑️", "⬜")):
        table = _ticks_table(tmp_path / "t.xlsx", (other, ticked), "✔️政府网站 ✖️政府公报\n❌两微一端 ✅政务服务中心")
        run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
        assert run.code == 0, (ticked, run.err)
        item = load(cat.root / NEW)
        assert item["公开对象"] == "特定群体", ticked
        assert item["公开渠道"] == ["政府网站", "政务服务中心"], ticked
        (cat.root / NEW).unlink()


def test_a_star_alone_in_a_tick_column_is_no_empty_cell(gk: Callable[..., Run], cat: CatalogDir,
                                                       tmp_path: Path) -> None:
    """The edge: 「★」 (which a header's required-mark loses) was read as an empty cell — 全社会 not ticked in silence;
    it is a cell that cannot be read, named with what it holds."""
    table = _ticks_table(tmp_path / "t.xlsx", ("★", None), "■政府网站")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "社会救助!H3: 公开对象「全社会」栏应为 ■（勾选）或 □（未勾选），这里写的是「★」" in run.err
    assert not (cat.root / NEW).exists()


def test_a_remark_in_brackets_after_a_channel_is_said_not_read_as_a_channel(gk: Callable[..., Run], cat: CatalogDir,
                                                                            tmp_path: Path) -> None:
    """Before: 「政府网站（安溪县人民政府网）、政务服务中心」 stopped the import with 「不认识的公开渠道「（安溪县人民政府网）」」,
    and 「■村公示栏（各村）」 with 「「（各村）」前后没有方框……请写成「■（各村）」」 — advice that makes no sense. A bracket
    right after a channel is a remark on it: the channel is read, the remark named as not kept."""
    table = workbook(tmp_path / "t.xlsx", [HEADER, [
        "临时救助", "办事指南", "办理条件", "无", DEADLINE, PUBLISHER,
        "■政府网站（安溪县人民政府网）\n□政府公报\n■村公示栏（各村）\n■社区/企事业单位/村公示栏（电子屏）",
        "全社会", "主动", "县级", "社会救助股"]], sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert ("社会救助!G2: 「政府网站（安溪县人民政府网）」括号里的说明没有导入：事项文件的公开渠道和载体只记名称；"
            "要留下说明，请写在「备注」列") in run.err
    assert "「村公示栏（各村）」括号里的说明没有导入" in run.err
    assert "电子屏" not in run.err  # the standard name's own bracket is no remark
    assert load(cat.root / NEW)["公开渠道"] == ["政府网站", "社区/企事业单位/村公示栏（电子屏）"]


def test_rows_under_one_merged_name_with_their_own_ids_are_items_each(gk: Callable[..., Run], cat: CatalogDir,
                                                                      tmp_path: Path) -> None:
    """The edge of the merged item: each row writes its own 编号 (or 序号) — separate items, as before."""
    header = ["编号", "一级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式", "公开层级",
              "责任单位"]
    rest = [DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", "社会救助股"]
    table = workbook(tmp_path / "t.xlsx", [header, ["SHJZ-002", "养老服务", "补贴名称", "无", *rest],
                                           ["SHJZ-003", None, "机构名单", "无", *rest]],
                     sheet="社会救助", merges=["B2:B3"])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "合并在一起" not in run.err
    assert load(cat.root / NEW)["公开内容"] == ["补贴名称"]
    assert load(cat.root / "items/shjz/SHJZ-003.yaml")["公开内容"] == ["机构名单"]
