"""gongkai import, thirty-ninth session's hostile pass: tables from other counties and provinces, as clerks bring them.

Every table here is built with openpyxl (or written as bytes the way Excel, WPS or Notepad save them) on conftest's
small catalog (社会救助, units 办公室 bgs and 社会救助股 shjzg, one item SHJZ-001); every expected cell, message and file line
is typed by hand from the tables below.

Found by this pass:
1. A second table pasted below the first on the same sheet (a 附表, the next 领域's table) with its own header in
   another column order (公开依据 before 公开内容, 公开主体 before 公开时限) was read by the first table's header:
   its header row was skipped as a 「repeated header」 and each item below got its 公开依据 as 公开内容, its 公开主体 as
   公开时限 — written without an error. Such a header now heads its own table (columns.find_layouts), said once at it.
   A table below that is no directory's (the 股室's contacts: 序号｜责任单位｜联系人｜联系电话) made an item of each
   contact, written with --yes; it is now left out, said once at its header (read._is_directory).
2. A csv parted by semicolons (Excel with 「;」 for its list separator, LibreOffice, a provincial platform's export)
   was 「找不到表头」: only commas and tabs were tried. The separator the first rows hold most of the three is used
   (grid.CSV_DELIMITERS).
3. A workbook saved by Excel as 「Strict Open XML 电子表格」 (.xlsx all the same) was 「表格中没有找到任何事项行」:
   openpyxl knows only the usual XML names and found no cell. Its parts are now read in the usual names
   (grid._transitional), within the same size limits.
4. A header naming the level in brackets after the item's name (「事项名称（一级）｜事项名称（二级）」, as some provinces
   print it) read both as 一级事项 by their base 「事项名称」; with an 一级事项 naming the 领域 (社会救助政策) the first
   column was then taken for the 领域's and SHJZ-001's 一级事项 was renamed 「审批信息」 with --yes. The bracketed
   level is now the column's level (headers.HeaderTable.field_of).
   The same rename came from a category column beside 「事项名称」 (or one 「公开事项」 merged over both columns) one
   of whose cells held a 领域's name inside it (社会救助政策): it was taken for the 领域 column. Only a cell that is a
   领域's name (社会救助, 社会救助领域) makes it one now (read._category_left).
5. A column of item cells under no header cell at all (the 二级事项 typed right of 「事项名称」) was dropped without a
   word (a column with an unknown header is reported; one with none was not). It is now said once, with its first
   cell and the header cell to fill in (read._headless).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CatalogDir, Run
from sheets import load, workbook

BASIS = "《社会救助暂行办法》（国务院令第649号）"
DEADLINE = "制定或获取信息之日起10个工作日内"
PUBLISHER = "县级人民政府民政部门"
HEADER = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象",
          "公开方式", "公开层级", "编号"]
FIRST = ["1", "最低生活保障", "审批信息", "低保对象名单及相关信息", BASIS, DEADLINE, PUBLISHER,
         "政府网站、社区/企事业单位/村公示栏（电子屏）", "全社会", "主动", "县级、乡级", "SHJZ-001"]


def _items(cat: CatalogDir) -> list[str]:
    return sorted(p.name for p in (cat.root / "items").rglob("*.yaml"))


# 1 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_second_table_below_with_its_own_column_order_is_read_by_its_own_header(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = workbook(tmp_path / "目录.xlsx", [
        HEADER, FIRST, [],
        ["序号", "一级事项", "二级事项", "公开依据", "公开内容", "公开主体", "公开时限", "公开渠道", "公开对象", "公开方式",
         "公开层级", "备注", "编号"],
        ["1", "临时救助", "审批信息", "《临时救助办法》", "临时救助对象名单", PUBLISHER, "信息形成之日起20个工作日内",
         "政府网站", "全社会", "主动", "县级", "按月公示"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "社会救助!A4: 第4行是另一张表的表头，各列与第1行的表头不同：这一行下面的各行按这一行的表头读" in run.err
    assert _items(cat) == ["SHJZ-001.yaml", "SHJZ-002.yaml"]
    item = load(cat.root / "items/shjz/SHJZ-002.yaml")
    assert item["公开内容"] == ["临时救助对象名单"]
    assert item["公开依据"] == ["《临时救助办法》"]
    assert item["公开时限"] == "信息形成之日起20个工作日内"
    assert item["公开主体"] == PUBLISHER
    assert item["备注"] == "按月公示"
    assert "编号" not in run.err  # the 备注 column was once read as the 编号: 「编号「按月公示」只能用英文字母……」


def test_a_header_repeated_as_it_was_is_still_no_new_table(gk: Callable[..., Run], cat: CatalogDir,
                                                           tmp_path: Path) -> None:
    second = ["2", "临时救助", "审批信息", "临时救助对象名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动",
              "县级", None]
    table = workbook(tmp_path / "目录.xlsx", [HEADER, FIRST, HEADER, second], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert run.code == 0, run.out + run.err
    assert "另一张表" not in run.err
    assert run.out.count("表头在第") == 1
    assert "新增 SHJZ-002  items/shjz/SHJZ-002.yaml  ← 社会救助 第4行：临时救助 / 审批信息" in run.out



def test_the_top_row_of_a_two_row_header_repeated_is_no_new_table(gk: Callable[..., Run], cat: CatalogDir,
                                                                  tmp_path: Path) -> None:
    # 公开对象, 公开方式, 公开层级 stand over their options' sub-columns; the page pasted below repeats the top row only
    top = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", None,
           "公开方式", None, "公开层级", None, "编号"]
    sub = [None] * 8 + ["全社会", "特定群体", "主动", "依申请", "县级", "乡级"]
    table = workbook(tmp_path / "目录.xlsx", [
        top, sub,
        ["1", "最低生活保障", "审批信息", "低保对象名单及相关信息", BASIS, DEADLINE, PUBLISHER,
         "政府网站、社区/企事业单位/村公示栏（电子屏）", "√", None, "√", None, "√", "√", "SHJZ-001"],
        top,
        ["2", "临时救助", "审批信息", "临时救助对象名单", BASIS, DEADLINE, PUBLISHER, "政府网站", None, "√", "√", None,
         "√", None],
    ], sheet="社会救助", merges=["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:F2", "G1:G2", "H1:H2", "I1:J1",
                                 "K1:L1", "M1:N1", "O1:O2"])
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "另一张表" not in run.err
    assert "未变 1 项" in run.out
    item = load(cat.root / "items/shjz/SHJZ-002.yaml")
    assert item["公开对象"] == "特定群体"
    assert item["公开方式"] == "主动"
    assert item["公开层级"] == ["县级"]



def test_a_table_of_contacts_below_the_directory_makes_no_item(gk: Callable[..., Run], cat: CatalogDir,
                                                               tmp_path: Path) -> None:
    # Read by the directory's header, 「责任单位｜联系人」 and each contact became an item (SHJZ-002 社会救助股 / 张三 …),
    # a warning apiece that its 公开依据 was blank, and was written with --yes.
    table = workbook(tmp_path / "目录.xlsx", [
        HEADER, FIRST, [],
        ["附：各股室联系人"],
        ["序号", "责任单位", "联系人", "联系电话"],
        ["1", "社会救助股", "张三", "0595-23000000"],
        ["2", "办公室", "李四", "0595-23000001"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert ("社会救助!A5: 第5行起是另一张表，它的表头没有一级事项、二级事项、公开内容或编号列，不是目录表（如联系人、统计表），"
            "这张表没有导入") in run.err
    assert _items(cat) == ["SHJZ-001.yaml"]
    assert "新增 0 项，更新 0 项，未变 1 项。" in run.out


# 2 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_csv_parted_by_semicolons_is_read(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    # As Excel with 「;」 for its list separator saves 「CSV（逗号分隔）」, in GBK; a cell with commas and a line break
    # quoted. Typed by hand, not written by the csv module.
    text = (
        "序号;一级事项;二级事项;公开内容;公开依据;公开时限;公开主体;公开渠道;公开对象;公开方式;公开层级;编号\r\n"
        "1;最低生活保障;审批信息;低保对象名单及相关信息;《社会救助暂行办法》（国务院令第649号）;"
        "制定或获取信息之日起10个工作日内;县级人民政府民政部门;政府网站、社区/企事业单位/村公示栏（电子屏）;全社会;主动;"
        "县级、乡级;SHJZ-001\r\n"
        '2;临时救助;审批信息;"救助对象姓名,救助金额\r\n救助事由";《临时救助办法》;信息形成或变更之日起20个工作日内;'
        "县级人民政府民政部门;政府网站;全社会;主动;县级;\r\n")
    table = tmp_path / "社会救助.csv"
    table.write_bytes(text.encode("gb18030"))
    run = gk("import", "csv", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "新增 SHJZ-002  items/shjz/SHJZ-002.yaml  ← 社会救助 第3行：临时救助 / 审批信息" in run.out
    item = load(cat.root / "items/shjz/SHJZ-002.yaml")
    assert item["公开内容"] == ["救助对象姓名,救助金额", "救助事由"]
    assert item["公开时限"] == "信息形成或变更之日起20个工作日内"
    assert item["公开层级"] == ["县级"]
    assert "未变 1 项" in run.out


def test_a_comma_csv_with_a_semicolon_in_a_cell_is_still_parted_by_commas(gk: Callable[..., Run], cat: CatalogDir,
                                                                           tmp_path: Path) -> None:
    text = (
        "序号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道,公开对象,公开方式,公开层级,编号\n"
        "2,临时救助,审批信息,救助对象姓名;救助金额,《临时救助办法》;《社会救助暂行办法》,信息形成之日起20个工作日内,"
        "县级人民政府民政部门,政府网站,全社会,主动,县级,\n")
    table = tmp_path / "社会救助.csv"
    table.write_text(text, encoding="utf-8")
    run = gk("import", "csv", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    item = load(cat.root / "items/shjz/SHJZ-002.yaml")
    assert item["公开依据"] == ["《临时救助办法》", "《社会救助暂行办法》"]
    assert item["公开渠道"] == ["政府网站"]


# 3 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────

_S = "http://purl.oclc.org/ooxml/spreadsheetml/main"
_R = "http://purl.oclc.org/ooxml/officeDocument/relationships"


def _strict_xlsx(rows: list[list[str]]) -> bytes:
    """A workbook as Excel saves 「Strict Open XML 电子表格」: the strict names (ISO/IEC 29500), shared strings."""
    strings: list[str] = []
    cells = []
    for number, values in enumerate(rows, start=1):
        row = []
        for col, value in enumerate(values):
            strings.append(value)
            row.append(f'<c r="{"ABCDEFGHIJKL"[col]}{number}" t="s"><v>{len(strings) - 1}</v></c>')
        cells.append(f'<row r="{number}">{"".join(row)}</row>')
    shared = "".join(f"<si><t>{text}</t></si>" for text in strings)
    members = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_R}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<workbook xmlns="{_S}" xmlns:r="{_R}" conformance="strict">'
            '<sheets><sheet name="社会救助" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{_R}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_R}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<worksheet xmlns="{_S}" xmlns:r="{_R}"><sheetData>{"".join(cells)}</sheetData></worksheet>'),
        "xl/sharedStrings.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<sst xmlns="{_S}" count="{len(strings)}" uniqueCount="{len(strings)}">{shared}</sst>'),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in members.items():
            archive.writestr(name, text.encode("utf-8"))
    return out.getvalue()


def test_a_strict_open_xml_workbook_is_read(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = tmp_path / "目录.xlsx"
    table.write_bytes(_strict_xlsx([
        HEADER, FIRST,
        ["2", "临时救助", "审批信息", "临时救助对象名单", "《临时救助办法》", DEADLINE, PUBLISHER, "政府网站", "全社会",
         "主动", "县级", ""],
    ]))
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "新增 SHJZ-002  items/shjz/SHJZ-002.yaml  ← 社会救助 第3行：临时救助 / 审批信息" in run.out
    assert "未变 1 项" in run.out
    item = load(cat.root / "items/shjz/SHJZ-002.yaml")
    assert item["公开依据"] == ["《临时救助办法》"]
    assert item["公开渠道"] == ["政府网站"]


# 4 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(("level1", "level2"), [("事项名称（一级）", "事项名称（二级）"),
                                                ("事项名称(一级)", "事项名称(二级事项)"),
                                                ("公开事项（一级）", "事项名称（二级）")],
                         ids=["full-width", "half-width", "mixed"])
def test_a_level_in_brackets_after_the_item_name_is_that_level(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path,
                                                               level1: str, level2: str) -> None:
    # With 「社会救助政策」 (naming the 领域) among the 一级事项, the first column was read as the 领域's and the second
    # as the 一级事项: SHJZ-001's 一级事项 became 「审批信息」 and 「政策文件」 a new item of no 二级事项, with --yes.
    table = workbook(tmp_path / "目录.xlsx", [
        ["序号", level1, level2, *HEADER[3:]],
        FIRST,
        ["2", "社会救助政策", "政策文件", "救助政策文件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "新增 SHJZ-002  items/shjz/SHJZ-002.yaml  ← 社会救助 第3行：社会救助政策 / 政策文件" in run.out
    assert "新增 1 项，更新 0 项，未变 1 项。" in run.out
    assert load(cat.root / "items/shjz/SHJZ-001.yaml")["一级事项"] == "最低生活保障"
    assert "领域" not in run.err



@pytest.mark.parametrize(("header", "merges"), [(["事项类别", "事项名称"], []), (["公开事项", None], ["B1:C1"])],
                         ids=["category-and-name", "one-cell-over-both"])
def test_a_category_holding_the_domain_name_is_no_domain(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path,
                                                         header: list[str | None], merges: list[str]) -> None:
    # 「社会救助政策」 holds 社会救助 but is no 领域: the left column was read as the 领域's, SHJZ-001's 一级事项 renamed
    # 「审批信息」 and 「政策文件」 made an item of no 二级事项.
    table = workbook(tmp_path / "目录.xlsx", [
        ["序号", *header, *HEADER[3:]],
        FIRST,
        ["2", "社会救助政策", "政策文件", "救助政策文件", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
    ], sheet="社会救助", merges=merges)
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "新增 SHJZ-002  items/shjz/SHJZ-002.yaml  ← 社会救助 第3行：社会救助政策 / 政策文件" in run.out
    assert "新增 1 项，更新 0 项，未变 1 项。" in run.out
    assert load(cat.root / "items/shjz/SHJZ-001.yaml")["一级事项"] == "最低生活保障"
    assert "不是 gongkai.yaml 中的领域" not in run.err


# 5 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_column_of_item_cells_under_no_header_is_said(gk: Callable[..., Run], cat: CatalogDir,
                                                        tmp_path: Path) -> None:
    # 「事项名称」 over B, the 二级事项 typed in C under a blank header cell: C was dropped without a word, and 临时救助
    # became a new item of no 二级事项.
    table = workbook(tmp_path / "目录.xlsx", [
        ["序号", "事项名称", None, *HEADER[3:]],
        FIRST,
        ["2", "临时救助", "审批信息", "临时救助对象名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级"],
        [],
        [None, None, "填表人：张三"],  # a signature under the table: no item row, not counted
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert run.code == 0, run.out + run.err
    assert ("社会救助!C2: 第C列没有表头，事项行中这一列的「审批信息」等 2 格没有导入：请在 社会救助!C1 写明这一列是什么"
            "（如「二级事项」「备注」），或删去这一列后再导入") in run.err
    assert run.err.count("没有表头") == 1
