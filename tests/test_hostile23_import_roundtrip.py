"""The directory table changes hands many times a year: the clerk exports it, the county's 政务公开办 edits it in WPS
(inserts a 「责任科室」 column, unmerges and re-sorts, deletes a row, types a wrong 编号, …) while the clerk goes on
editing the YAML, and it comes back to `gongkai import xlsx`. Twenty-third hostile round. Each test runs the real CLI
on the bundled 安溪县民政局 catalog (or the small test catalog) and compares what was said and written with values
typed by hand from DOMAIN.md §3.1 and the bundled item files."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from conftest import BUNDLED, CatalogDir, Run
from gongkai.catalog import load_catalog
from gongkai.interchange.xlsx import export_directory_xlsx
from sheets import load, workbook

LATER = "自信息形成或者变更之日起20个工作日内"  # the clerk's edit in the YAML, after the export
WAS = "制定或获取信息之日起10个工作日内"  # 社会救助's 公开时限 in the guidelines (DOMAIN.md §3.1), as exported


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bundled catalog's export, made once: rows 4–16 of sheet 社会救助 are SHJZ-001 … SHJZ-013, 编号 in column Q,
    公开时限 in F, 公开方式 主动｜依申请 in K｜L, 一级事项 merged over B4:B5 (综合业务)."""
    copy = tmp_path_factory.mktemp("export") / "catalog"
    shutil.copytree(BUNDLED, copy, ignore=shutil.ignore_patterns(".gongkai-cache"))
    return export_directory_xlsx(load_catalog(copy), every_file=True)


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _save(book: openpyxl.Workbook, path: Path) -> Path:
    book.save(path)  # openpyxl keeps the custom document properties, as Excel and WPS do when they save
    return path


def _texts(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted((root / "items").rglob("*.yaml"))}


def test_a_row_deleted_in_the_table_keeps_its_item_and_is_named(gk: Callable[..., Run], bundled: Path, exported: bytes,
                                                                tmp_path: Path) -> None:
    """Before: the 政务公开办 deleted SHJZ-003's row and changed SHJZ-001 to 依申请; import said 「更新 1 项，未变 48
    项」 and nothing of SHJZ-003 — 50 items, 49 accounted for, and the clerk never learnt the row was gone. Now the item
    is kept (import deletes nothing) and named, before anything is written."""
    book = _book(exported)
    sheet = book["社会救助"]
    for merged in [str(r) for r in sheet.merged_cells.ranges if r.min_row >= 4]:
        sheet.unmerge_cells(merged)
    assert sheet["Q6"].value == "SHJZ-003"
    sheet.delete_rows(6)
    sheet["K4"], sheet["L4"] = "□", "■"  # SHJZ-001: 主动 → 依申请
    before = _texts(bundled)
    run = gk("import", "xlsx", _save(book, tmp_path / "回来的目录.xlsx"), "--yes", "-C", bundled)
    assert run.code == 0, run.err
    assert "更新 SHJZ-001  items/shjz/SHJZ-001.yaml  ← 社会救助 第4行\n  公开方式：主动 → 依申请\n" in run.out
    assert "新增 0 项，更新 1 项，未变 48 项。" in run.out
    assert ("表格中没有读到以下 1 个已有事项（社会救助领域）的行（删去了，或是隐藏、跳过的行，见上方警告），导入不删除事项，"
            "它们保持原样：\n"
            "  SHJZ-003  items/shjz/SHJZ-003.yaml：最低生活保障 / 政策法规文件\n") in run.out
    after = _texts(bundled)
    assert after["items/shjz/SHJZ-003.yaml"] == before["items/shjz/SHJZ-003.yaml"]
    assert after["items/shjz/SHJZ-001.yaml"] == before["items/shjz/SHJZ-001.yaml"].replace(
        "公开方式: 主动".encode(), "公开方式: 依申请".encode())
    assert [p for p in after if after[p] != before[p]] == ["items/shjz/SHJZ-001.yaml"]


def test_a_table_of_one_domain_names_no_item_of_the_others(gk: Callable[..., Run], bundled: Path, exported: bytes,
                                                           tmp_path: Path) -> None:
    """The edge: the 养老服务 sheet alone, all its seven rows: the 43 items of the other five 领域 are not 「missing」."""
    book = _book(exported)
    for name in book.sheetnames:
        if name != "养老服务":
            del book[name]
    run = gk("import", "xlsx", _save(book, tmp_path / "养老服务.xlsx"), "--dry-run", "-C", bundled)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 0 项，未变 7 项。" in run.out
    assert "表格中没有读到" not in run.out


def test_a_mistyped_id_whose_row_names_an_existing_item_adds_no_twin(gk: Callable[..., Run], bundled: Path,
                                                                     exported: bytes, tmp_path: Path) -> None:
    """Before: SHJZ-003 retyped as SHJZ-030 made 「新增 SHJZ-030」, a second file of 最低生活保障 / 政策法规文件."""
    book = _book(exported)
    book["社会救助"]["Q6"] = "SHJZ-030"
    before = _texts(bundled)
    run = gk("import", "xlsx", _save(book, tmp_path / "t.xlsx"), "--yes", "-C", bundled)
    assert run.code == 1
    assert ("社会救助!Q6: 编号「SHJZ-030」目录中没有，这一行的事项「最低生活保障 / 政策法规文件」却是已有的 SHJZ-003"
            "（items/shjz/SHJZ-003.yaml）：编号写错了的，请改为 SHJZ-003") in run.err
    assert _texts(bundled) == before
    # the edge: a 编号 the catalog lacks on a row naming no item it has is a new item under that 编号, as before
    book["社会救助"]["B6"], book["社会救助"]["C6"] = "孤儿救助", "办事指南"
    run = gk("import", "xlsx", _save(book, tmp_path / "t.xlsx"), "--yes", "-C", bundled)
    assert run.code == 0, run.err
    assert "新增 SHJZ-030  items/shjz/SHJZ-030.yaml  ← 社会救助 第6行：孤儿救助 / 办事指南" in run.out
    assert load(bundled / "items/shjz/SHJZ-030.yaml")["一级事项"] == "孤儿救助"


def test_an_id_column_sorted_apart_from_its_rows_changes_nothing(gk: Callable[..., Run], bundled: Path,
                                                                exported: bytes, tmp_path: Path) -> None:
    """WPS sorts only the selected column when asked to: the 编号 of rows 4 and 5 swapped. Before: SHJZ-002 was
    rewritten with SHJZ-001's names and contents and SHJZ-001 with SHJZ-002's (with --yes, two items exchanged)."""
    book = _book(exported)
    sheet = book["社会救助"]
    sheet["Q4"], sheet["Q5"] = "SHJZ-002", "SHJZ-001"
    before = _texts(bundled)
    run = gk("import", "xlsx", _save(book, tmp_path / "t.xlsx"), "--yes", "-C", bundled)
    assert run.code == 1
    assert ("社会救助!Q4: 编号「SHJZ-002」是事项「综合业务 / 监督检查」（items/shjz/SHJZ-002.yaml），这一行的事项"
            "「综合业务 / 政策法规文件」却是 SHJZ-001（items/shjz/SHJZ-001.yaml）：编号与事项名称对不上") in run.err
    assert ("社会救助!Q5: 编号「SHJZ-001」是事项「综合业务 / 政策法规文件」（items/shjz/SHJZ-001.yaml），这一行的事项"
            "「综合业务 / 监督检查」却是 SHJZ-002（items/shjz/SHJZ-002.yaml）") in run.err
    assert _texts(bundled) == before
    # the edge: the right 编号 with a name no item has is a rename, as before
    sheet["Q4"], sheet["Q5"] = "SHJZ-001", "SHJZ-002"
    sheet["C4"] = "政策法规文件汇编"
    run = gk("import", "xlsx", _save(book, tmp_path / "t.xlsx"), "--yes", "-C", bundled)
    assert run.code == 0, run.err
    assert "  二级事项：政策法规文件 → 政策法规文件汇编\n" in run.out
    assert load(bundled / "items/shjz/SHJZ-001.yaml")["二级事项"] == "政策法规文件汇编"


def test_the_clerks_yaml_edit_since_the_export_is_not_undone(gk: Callable[..., Run], bundled: Path, exported: bytes,
                                                            tmp_path: Path) -> None:
    """Before: the clerk changed SHJZ-001's 公开时限 in the YAML (with a comment) after exporting; the table came back
    with only 公开方式 changed, and import 「updated」 公开时限 back to the exported value, the comment kept over a value
    it no longer described. Now the cell still as exported leaves the file's edit, and says so."""
    path = bundled / "items/shjz/SHJZ-001.yaml"
    edited = path.read_text(encoding="utf-8").replace(
        f"公开时限: {WAS}\n", f"# 县政务公开办 2026-12 通知：改为20个工作日\n公开时限: {LATER}\n")
    path.write_text(edited, encoding="utf-8")
    untouched = gk("import", "xlsx", _save(_book(exported), tmp_path / "原样.xlsx"), "--yes", "-C", bundled)
    assert untouched.code == 0, untouched.err
    assert "新增 0 项，更新 0 项，未变 50 项。" in untouched.out
    assert (f"  SHJZ-001  items/shjz/SHJZ-001.yaml  公开时限：保留「{LATER}」（表格中是导出时的「{WAS}」）"
            in untouched.out)
    assert path.read_text(encoding="utf-8") == edited

    book = _book(exported)
    book["社会救助"]["K4"], book["社会救助"]["L4"] = "□", "■"
    run = gk("import", "xlsx", _save(book, tmp_path / "t.xlsx"), "--yes", "-C", bundled)
    assert run.code == 0, run.err
    assert "更新 SHJZ-001  items/shjz/SHJZ-001.yaml  ← 社会救助 第4行\n  公开方式：主动 → 依申请\n新增" in run.out
    assert path.read_text(encoding="utf-8") == edited.replace("公开方式: 主动", "公开方式: 依申请")


def test_a_cell_both_sides_changed_since_the_export_is_a_conflict(gk: Callable[..., Run], bundled: Path,
                                                                  exported: bytes, tmp_path: Path) -> None:
    """Before: the clerk set SHJZ-002's 公开时限 to 20 working days in the YAML, the 政务公开办 to 5 in the table; the
    table won without a word that the file had changed too. Now it is an error at the cell, nothing written."""
    path = bundled / "items/shjz/SHJZ-002.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"公开时限: {WAS}", f"公开时限: {LATER}"), encoding="utf-8")
    before = _texts(bundled)
    book = _book(exported)
    book["社会救助"]["F5"] = "自信息形成或者变更之日起5个工作日内"
    run = gk("import", "xlsx", _save(book, tmp_path / "t.xlsx"), "--yes", "-C", bundled)
    assert run.code == 1
    assert ("社会救助!F5: SHJZ-002 的公开时限在导出表格之后两边都改了：事项文件 items/shjz/SHJZ-002.yaml 中现在是"
            f"「{LATER}」，表格中改为「自信息形成或者变更之日起5个工作日内」。gongkai 不替你选") in run.err
    assert _texts(bundled) == before
    # the edges: both made the same edit — no conflict, nothing to do; the cell cleared — the file's value stands
    book["社会救助"]["F5"] = LATER
    same = gk("import", "xlsx", _save(book, tmp_path / "t.xlsx"), "--yes", "-C", bundled)
    assert same.code == 0, same.err
    assert "新增 0 项，更新 0 项，未变 50 项。" in same.out and "SHJZ-002" not in same.out
    book["社会救助"]["F5"] = None
    cleared = gk("import", "xlsx", _save(book, tmp_path / "t.xlsx"), "--yes", "-C", bundled)
    assert cleared.code == 0 and "未变 50 项" in cleared.out
    assert _texts(bundled) == before


def test_both_names_in_one_column_match_the_items_they_name(gk: Callable[..., Run], cat: CatalogDir,
                                                            tmp_path: Path) -> None:
    """A county table with one 「公开事项」 column written 「一级—二级」. Before: 「最低生活保障—审批信息」 was a new
    item of that whole name beside SHJZ-001 (最低生活保障 / 审批信息)."""
    table = workbook(tmp_path / "t.xlsx", [
        ["序号", "公开事项", "公开内容"],
        [1, "最低生活保障—审批信息", "低保对象名单及相关信息"],
        [2, "临时救助/办事指南", "办理条件"],
        [3, "特困人员救助供养——审核信息", "终止供养名单"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--dry-run", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 SHJZ-002  items/shjz/SHJZ-002.yaml  ← 社会救助 第3行：临时救助 / 办事指南" in run.out
    assert "新增 SHJZ-003  items/shjz/SHJZ-003.yaml  ← 社会救助 第4行：特困人员救助供养 / 审核信息" in run.out
    assert "新增 2 项，更新 0 项，未变 1 项。" in run.out
    assert "社会救助!B2: 表格没有「二级事项」列，一级事项中用「—」「/」分开的名称按一级事项、二级事项" in run.err
    assert "同样的还有 2 处：社会救助!B3、社会救助!B4" in run.err
    # the edges: beside a 二级事项 column left blank, a name is cut only where the two names are an item the catalog
    # has; a name no item has stays whole
    table = workbook(tmp_path / "t2.xlsx", [
        ["序号", "一级事项", "二级事项", "公开内容"],
        [1, "社会组织成立/变更登记", None, "登记条件"],
        [2, "最低生活保障／审批信息", None, "低保对象名单及相关信息"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--dry-run", "-C", cat.root)
    assert "新增 SHJZ-002  items/shjz/SHJZ-002.yaml  ← 社会救助 第2行：社会组织成立/变更登记" in run.out
    assert "新增 1 项，更新 0 项，未变 1 项。" in run.out
    assert "社会救助!B3: 二级事项空着，一级事项中用「—」「/」分开的两个名称正是目录中已有事项的一级事项、二级事项，按它读" in run.err


def test_a_second_column_of_one_field_that_says_otherwise_is_an_error(gk: Callable[..., Run], cat: CatalogDir,
                                                                     tmp_path: Path) -> None:
    """The 政务公开办 inserts 「责任科室」 beside 「责任单位」 and types 办公室 in it. Before: the column was 「重复，已
    忽略」 at its header, and the row's 办公室 was lost without a word at the cell."""
    header = ["编号", "一级事项", "二级事项", "责任单位", "责任科室", "公开内容"]
    table = workbook(tmp_path / "t.xlsx", [header, ["SHJZ-001", "最低生活保障", "审批信息", "社会救助股", "办公室"]],
                     sheet="社会救助")
    before = cat.root.joinpath("items/shjz/SHJZ-001.yaml").read_bytes()
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!E2: 这一格「办公室」与同一行 社会救助!D2「社会救助股」不同：列「责任科室」与列「责任单位」都是责任单位，"
            "只读后者，这一格的内容会丢掉") in run.err
    assert cat.root.joinpath("items/shjz/SHJZ-001.yaml").read_bytes() == before
    # the edge: the same unit in both, or the second left blank, is no error
    for second in ("社会救助股", None):
        table = workbook(tmp_path / "t.xlsx", [header, ["SHJZ-001", "最低生活保障", "审批信息", "社会救助股", second]],
                         sheet="社会救助")
        run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
        assert run.code == 0, run.err
        assert "未变 1 项" in run.out


def test_other_channels_dropped_are_named_at_the_channels_cell(gk: Callable[..., Run], bundled: Path,
                                                               tmp_path: Path) -> None:
    """A table without 其他 or 其他渠道 column that drops SHJZ-002's 12345政务服务热线 (its 其他 box unticked).
    Before: the warning named cell A2, the 编号 column, not the channels'."""
    table = workbook(tmp_path / "t.xlsx", [
        ["编号", "一级事项", "公开渠道", "公开内容"],  # 公开内容 left blank: 「不改」
        ["SHJZ-002", "综合业务", "■政府网站 □其他"],
    ], sheet="社会救助")
    run = gk("import", "xlsx", table, "--dry-run", "-C", bundled)
    assert run.code == 0, run.err
    assert "社会救助!C2: 更新 SHJZ-002 会去掉 1 条其他渠道：12345政务服务热线（只有加 --yes 才会写入）" in run.err


def test_the_table_as_the_office_sends_it_back_after_wps(gk: Callable[..., Run], bundled: Path, exported: bytes,
                                                         tmp_path: Path) -> None:
    """The whole tour on sheet 社会救助: merges undone and the rows re-sorted by 编号 from the last (WPS sorts no merged
    cells), a 「责任科室」 column added at the end with the same units, SHJZ-003's row deleted, 〃 typed for a repeated
    公开主体, two equal 公开时限 merged into one cell, SHJZ-001 moved to 依申请, a row added for a new item. Every edit
    lands on its item, nothing else changes, the deleted row is named."""
    book = _book(exported)
    sheet = book["社会救助"]
    for merged in [str(r) for r in sheet.merged_cells.ranges if r.min_row >= 4]:
        sheet.unmerge_cells(merged)
    rows = [[sheet.cell(r, c).value for c in range(1, 24)] for r in range(4, 17)]
    rows = [r for r in rows if r[16] != "SHJZ-003"]
    rows.sort(key=lambda r: str(r[16]), reverse=True)  # SHJZ-013 first … SHJZ-001 last
    new = list(rows[0])
    new[0], new[1], new[2], new[16] = None, "临时救助", "急难型临时救助办事指南", None
    rows.append(new)
    for r in range(4, 17):
        for c in range(1, 25):
            sheet.cell(r, c).value = None
    for number, values in enumerate(rows, start=4):
        for col, value in enumerate(values, start=1):
            sheet.cell(number, col).value = value
        sheet.cell(number, 24).value = "社会救助股"
    sheet["X2"] = "责任科室"
    assert sheet["Q15"].value == "SHJZ-001" and sheet["G8"].value == sheet["G7"].value
    sheet["K15"], sheet["L15"] = "□", "■"
    sheet["G8"] = "〃"
    assert sheet["F9"].value == sheet["F10"].value == WAS
    sheet.merge_cells("F9:F10")
    before = _everything(bundled)
    run = gk("import", "xlsx", _save(book, tmp_path / "政务公开办改过.xlsx"), "--yes", "-C", bundled)
    assert run.code == 0, run.err
    assert "社会救助!X2: 列「责任科室」与 社会救助!P2「责任单位」重复，已忽略" in run.err
    assert "更新 SHJZ-001  items/shjz/SHJZ-001.yaml  ← 社会救助 第15行\n  公开方式：主动 → 依申请\n" in run.out
    assert "新增 SHJZ-014  items/shjz/SHJZ-014.yaml  ← 社会救助 第16行：临时救助 / 急难型临时救助办事指南" in run.out
    assert "新增 1 项，更新 1 项，未变 48 项。" in run.out
    assert "  SHJZ-003  items/shjz/SHJZ-003.yaml：最低生活保障 / 政策法规文件\n" in run.out
    after = _everything(bundled)
    assert sorted(p for p in after if after.get(p) != before.get(p)) == ["items/shjz/SHJZ-001.yaml",
                                                                          "items/shjz/SHJZ-014.yaml"]
    added = load(bundled / "items/shjz/SHJZ-014.yaml")
    assert (added["一级事项"], added["二级事项"], added["公开时限"], added["责任单位"]) == (
        "临时救助", "急难型临时救助办事指南", WAS, "shjzg")
    assert gk("validate", bundled).code == 0


def _everything(root: Path) -> dict[str, bytes]:
    """Every file of the catalog (records, attachments, gongkai.yaml …), the cache left out."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and ".gongkai-cache" not in p.parts}


def test_a_blank_level1_on_a_row_with_its_id_says_no_change_even_at_the_top(gk: Callable[..., Run], cat: CatalogDir,
                                                                             tmp_path: Path) -> None:
    """Unmerged and re-sorted, a row that lost its 一级事项 to the merge lands first, with no row above to read it from.
    Before: 「一级事项为空：每一行都要有事项名称」, the whole import refused, though its 编号 names the item and a blank
    cell says 「不改」. The edge: a blank 一级事项 beside a 编号 the catalog lacks is still the error (a new item needs
    its name)."""
    header = ["编号", "一级事项", "二级事项", "公开内容"]
    table = workbook(tmp_path / "t.xlsx", [header, ["SHJZ-001", None, "审批信息", "低保对象名单及相关信息"]],
                     sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 0 项，未变 1 项。" in run.out
    table = workbook(tmp_path / "t.xlsx", [header, ["SHJZ-009", None, "审批信息", "低保对象名单及相关信息"]],
                     sheet="社会救助")
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert ("社会救助!B2: 一级事项为空：每一行都要有事项名称（合并单元格也可以）；编号「SHJZ-009」目录中没有，这一行是新事项"
            in run.err)
    assert not (cat.root / "items/shjz/SHJZ-009.yaml").exists()


@pytest.mark.parametrize(("copy_at", "original_at"), [(7, 8), (8, 7)])
def test_a_row_copied_with_its_id_to_add_an_item_is_named_at_the_copy(gk: Callable[..., Run], bundled: Path,
                                                                      exported: bytes, tmp_path: Path, copy_at: int,
                                                                      original_at: int) -> None:
    """The 政务公开办 adds 「最低生活保障 / 低保边缘家庭认定」 by copying SHJZ-004's row (办事指南) and leaves its 编号.
    Before, with the copy above the original: the error was at the original's 编号 (Q8), telling to clear it — done,
    the copy went on renaming SHJZ-004. Now it is at the copy's, above or below."""
    book = _book(exported)
    sheet = book["社会救助"]
    for merged in [str(r) for r in sheet.merged_cells.ranges if r.min_row >= 4]:
        sheet.unmerge_cells(merged)  # WPS inserts no row into a merged cell's middle as the clerk means it
    assert sheet["Q7"].value == "SHJZ-004"
    sheet.insert_rows(copy_at if copy_at < original_at else original_at + 1)
    source = 8 if copy_at < original_at else 7
    for col in range(1, 24):
        sheet.cell(copy_at, col).value = sheet.cell(source, col).value
    sheet.cell(copy_at, 2).value, sheet.cell(copy_at, 3).value = "最低生活保障", "低保边缘家庭认定"
    before = _texts(bundled)
    run = gk("import", "xlsx", _save(book, tmp_path / "t.xlsx"), "--yes", "-C", bundled)
    assert run.code == 1
    assert f"社会救助!Q{copy_at}: 编号「SHJZ-004」" in run.err
    assert f"社会救助!Q{original_at}: 编号" not in run.err
    assert "复制别的行来新增事项时，请清空这一格的编号（gongkai 自动编号）" in run.err
    assert _texts(bundled) == before


def test_an_item_the_clerk_deleted_since_the_export_comes_back_only_with_yes(gk: Callable[..., Run], bundled: Path,
                                                                             exported: bytes, tmp_path: Path) -> None:
    """The clerk deleted SHJZ-003.yaml after exporting; the table came back with its row. Before: 「新增 SHJZ-003」 like
    any new item — at a terminal one 「y」 wrote the deleted item back. Now it is said at the row and, like an update
    that drops content, written only with --yes (a catalog rebuilt from its export on purpose still is)."""
    (bundled / "items/shjz/SHJZ-003.yaml").unlink()
    table = _save(_book(exported), tmp_path / "t.xlsx")
    held = gk("import", "xlsx", table, "-C", bundled)
    assert held.code == 0, held.err
    assert ("社会救助!Q6: 编号「SHJZ-003」的事项在导出表格时还在目录中，之后事项文件被删去了，表格中仍有这一行：会按表格重新建它"
            "（只有加 --yes 才会写入）；删去是对的，请在表格中删去这一行") in held.err
    assert ("新增 SHJZ-003  items/shjz/SHJZ-003.yaml  ← 社会救助 第6行：最低生活保障 / 政策法规文件\n"
            "  注意：这个事项在导出表格之后从目录中删去了，这里按表格重新建起（只有加 --yes 才会写入）\n") in held.out
    assert "有 1 个导出后删去的事项会按表格重新建起（见上方「注意」），没有写入。确认无误后加 --yes 重新运行。" in held.out
    assert not (bundled / "items/shjz/SHJZ-003.yaml").exists()
    run = gk("import", "xlsx", table, "--yes", "-C", bundled)
    assert run.code == 0, run.err
    assert load(bundled / "items/shjz/SHJZ-003.yaml")["二级事项"] == "政策法规文件"
