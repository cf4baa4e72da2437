"""gongkai import and export, twenty-ninth hostile pass: bugs planted in the reading of real tables and in the
exported workbook (mutation group 「import_read」: read.py, grid.py, plan.py, table.py, xlsx.py — in no group before).

A small catalog of three 领域 (社会救助 SHJZ, 养老服务 YLFW, 区划地名 QHDM, in that order in gongkai.yaml) holds an
item of the same names in two 领域 (政策文件 / 政策法规文件), and a 公示 naming SHJZ-003. Every table is built here
(openpyxl, csv) as a county lays it out, run through the real CLI, and every value, 编号 and message is typed by hand.

Found by this pass:
1. The 编号 of a deleted item was given to the next new one. SHJZ-003 deleted (its 公示 R2026-003 still names it, and
   validate said so: GK205), then a table row or `gongkai new item` adding 受灾人员救助 was made SHJZ-003: the 公示 of
   临时救助 silently became one of 受灾人员救助 (listed under it on the site), and validate's GK205 was gone. Likewise
   the 编号 an exported table records for an item deleted since: a new row took it, and the export's record of the old
   item was then read as the new one's. A new item now never takes an id a record names or the export recorded:
   SHJZ-004. An id typed in lower case (items/shjz/shjz-004.yaml) now counts too: before, import refused a row without
   编号 with 「SHJZ-004.yaml 已存在……请改用别的编号」, and `new item` wrote SHJZ-004.yaml beside it (one file on Windows).
   Nor the 编号 the clerk typed for another new row further down: before, the blank row above took SHJZ-004 and the
   row that typed it was refused with 「编号「SHJZ-004」与 第2行 相同……请清空这一格的编号」 (row 2 has no 编号).
2. A 领域 column merged down its rows, saved as csv (or unmerged in Excel), is blank below each group's first row:
   every such row was the error 「看不出这一行属于哪个领域：请加一列「领域」」 — the table had that column. A blank
   领域 (or 一级目录) cell is now read from the nearest one above, as a blank 一级事项 already was, and said once
   (「领域为空，按它上面最近的领域读……」); a row matched by its 编号 keeps its file's 领域 (no move, as a blank cell
   says 「不改」); with nothing above, the error is at the 领域 cell: 「领域为空……请填写领域」.
3. A section title naming a 领域 of gongkai.yaml with more than six other characters — 「三、区划地名类公开事项」 numbered
   as the 领域 titles above it, or a first title 「一、社会救助领域基层政务公开事项目录」 — was the error 「分段标题……是领域的
   标题，却不是 gongkai.yaml 中的领域（社会救助、养老服务、区划地名）」, listing the very 领域 it names, and nothing was
   imported. Such a title now switches to the 领域 it names: when numbered as the 领域 titles before it, or saying
   「……领域」 of that name. So the county's review table (`gongkai county`, each department's 领域 in blocks down one
   sheet under 「测试县民政局养老服务领域基层政务公开标准目录」) now reads back: every block after the first was refused.

Bugs planted by hand (each reverted), each caught here: a vertical merge filled one row short (grid.Grid._anchors),
a note row between items switching the 领域 (read._between_rows), a title of six characters besides the 领域 not one,
a two-row header read as one (columns.find_layout), the id counter reused after a deleted item, a row matched by
name ignoring 领域 (match.Index.files_named), the export's sheets not in gongkai.yaml's order (table.sheets) — and
the mutants of the group that survived its first screen (docs/mutation.md, twenty-ninth pass).
"""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from conftest import AGENCY as CONFTEST_AGENCY
from conftest import Run
from gongkai.cli import main
from sheets import load

BASIS = "《社会救助暂行办法》（国务院令第649号）"
DEADLINE = "制定或获取信息之日起10个工作日内"
LATER = "自信息形成或者变更之日起20个工作日内"
PUBLISHER = "县级人民政府民政部门"

AGENCY = CONFTEST_AGENCY.replace("    代码: SHJZ\n", (
    "    代码: SHJZ\n  - 名称: 养老服务\n    代码: YLFW\n  - 名称: 区划地名\n    代码: QHDM\n"), 1).replace("单位:\n", (
    "单位:\n  - 编号: ylfwg\n    名称: 养老服务股\n    类型: 股室\n"), 1)


def _item(item_id: str, domain: str, level1: str, level2: str, content: str, unit: str) -> str:
    return (f"编号: {item_id}\n领域: {domain}\n五公开: 结果公开\n一级事项: {level1}\n二级事项: {level2}\n"
            f"公开内容:\n  - {content}\n公开依据:\n  - {BASIS}\n公开时限: {DEADLINE}\n公开主体: {PUBLISHER}\n"
            f"公开渠道: [政府网站]\n公开对象: 全社会\n公开方式: 主动\n公开层级: [县级]\n责任单位: {unit}\n")


ITEMS = {
    "items/shjz/SHJZ-001.yaml": _item("SHJZ-001", "社会救助", "最低生活保障", "审批信息", "低保对象名单", "shjzg"),
    "items/shjz/SHJZ-002.yaml": _item("SHJZ-002", "社会救助", "政策文件", "政策法规文件", "救助政策文件", "shjzg"),
    "items/shjz/SHJZ-003.yaml": _item("SHJZ-003", "社会救助", "临时救助", "审批信息", "临时救助对象名单", "shjzg"),
    "items/ylfw/YLFW-001.yaml": _item("YLFW-001", "养老服务", "政策文件", "政策法规文件", "养老政策文件", "ylfwg"),
    "items/qhdm/QHDM-001.yaml": _item("QHDM-001", "区划地名", "地名管理", "地名命名", "命名公告", "bgs"),
}
RECORD = """\
编号: R2026-003
题名: 测试县民政局关于2026年10月临时救助对象名单的公示
索引号: 350524-MZ-2026-00003
文种: 公示
责任单位: shjzg
事项: SHJZ-003
公开属性: 主动公开
保密审查:
  审查人: 张三
  审查日期: 2026-11-02
  结论: 不涉及国家秘密，同意主动公开
成文日期: 2026-11-02
公开日期: 2026-11-03
公示截止: 2026-11-10
页数: 1
正文: |
  经审核，现将名单予以公示。
"""


def _run(*args: str | Path) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalog above, written once; each test works on its own copy."""
    root = tmp_path_factory.mktemp("h29") / "catalog"
    for rel, text in {"gongkai.yaml": AGENCY, "records/2026/R2026-003.yaml": RECORD, **ITEMS}.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def gk(monkeypatch: pytest.MonkeyPatch) -> Callable[..., Run]:
    monkeypatch.setenv("GONGKAI_TODAY", "2026-11-27")
    monkeypatch.setenv("COLUMNS", "200")
    return _run


@pytest.fixture
def root(base: Path, tmp_path: Path) -> Path:
    shutil.copytree(base, tmp_path / "catalog")
    return tmp_path / "catalog"


@pytest.fixture
def exported(gk: Callable[..., Run], base: Path, tmp_path: Path) -> bytes:
    """`gongkai export xlsx` of the catalog, made in each test that reads it (mutmut counts only what a test itself
    calls: a module fixture's export would leave the export's mutants 「not reached」)."""
    run = gk("export", "xlsx", "-C", base, "-o", tmp_path / "目录.xlsx")
    assert run.code == 0, run.err
    return (tmp_path / "目录.xlsx").read_bytes()


CSV_HEAD = ["领域", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
            "公开层级"]


def _csv(path: Path, rows: list[list[str]], head: list[str] = CSV_HEAD) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows([head, *rows])
    return path


def _row(domain: str, level1: str, level2: str, content: str = "救助对象名单", deadline: str = DEADLINE) -> list[str]:
    return [domain, level1, level2, content, BASIS, deadline, PUBLISHER, "政府网站", "全社会", "主动", "县级"]


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root / "items")) for p in (root / "items").rglob("*.yaml"))


# 1. The 编号 of a deleted item -----------------------------------------------------------------------------------


def test_a_new_row_never_takes_the_id_of_a_deleted_item_its_record_still_names(gk: Callable[..., Run],
                                                                                root: Path) -> None:
    (root / "items/shjz/SHJZ-003.yaml").unlink()
    assert "GK205 事项「SHJZ-003」在目录中不存在［R2026-003］" in gk("validate", root).out
    table = _csv(root.parent / "新增.csv", [_row("社会救助", "受灾人员救助", "救助信息")])
    run = gk("import", "csv", table, "--yes", "-C", root)
    assert run.code == 0, run.err
    assert "新增 SHJZ-004  items/shjz/SHJZ-004.yaml  ← 新增 第2行：受灾人员救助 / 救助信息" in run.out
    assert _files(root) == ["qhdm/QHDM-001.yaml", "shjz/SHJZ-001.yaml", "shjz/SHJZ-002.yaml", "shjz/SHJZ-004.yaml",
                            "ylfw/YLFW-001.yaml"]
    assert load(root / "items/shjz/SHJZ-004.yaml")["一级事项"] == "受灾人员救助"
    # the 公示 of 临时救助 still points at nothing, and validate still says so
    checked = gk("validate", root)
    assert checked.code == 1
    assert "GK205 事项「SHJZ-003」在目录中不存在［R2026-003］" in checked.out


def test_new_item_never_takes_the_id_of_a_deleted_item_its_record_still_names(gk: Callable[..., Run],
                                                                              root: Path) -> None:
    (root / "items/shjz/SHJZ-003.yaml").unlink()
    run = gk("new", "item", "-C", root, "--domain", "社会救助", "--level1", "受灾人员救助", "--level2", "救助信息",
             "--five", "结果公开", "--content", "救助对象名单", "--basis", BASIS, "--deadline", DEADLINE,
             "--audience", "全社会", "--mode", "主动", "--level", "县级", "--unit", "shjzg")
    assert run.code == 0, run.err
    assert (root / "items/shjz/SHJZ-004.yaml").is_file()
    assert not (root / "items/shjz/SHJZ-003.yaml").exists()


@pytest.mark.parametrize("command", ["import", "new"])
def test_a_new_id_counts_an_id_typed_in_lower_case(gk: Callable[..., Run], root: Path, command: str) -> None:
    """items/shjz/shjz-004.yaml, 编号 shjz-004, typed by hand: the next id is SHJZ-005. Before, import refused the row
    with 「items/shjz/SHJZ-004.yaml 已存在（其中编号为 shjz-004），不会覆盖：请改用别的编号」 (the row had no 编号), and
    `new item` wrote SHJZ-004.yaml beside it — one file on Windows (GK018, GK201)."""
    (root / "items/shjz/shjz-004.yaml").write_text(ITEMS["items/shjz/SHJZ-003.yaml"].replace("SHJZ-003", "shjz-004"),
                                                    encoding="utf-8")
    if command == "import":
        run = gk("import", "csv", _csv(root.parent / "新增.csv", [_row("社会救助", "受灾人员救助", "救助信息")]), "--yes",
                 "-C", root)
    else:
        run = gk("new", "item", "-C", root, "--domain", "社会救助", "--level1", "受灾人员救助", "--level2", "救助信息",
                 "--five", "结果公开", "--content", "救助对象名单", "--basis", BASIS, "--deadline", DEADLINE,
                 "--audience", "全社会", "--mode", "主动", "--level", "县级", "--unit", "shjzg")
    assert run.code == 0, run.err
    assert sorted(p.name for p in (root / "items/shjz").iterdir()) == [
        "SHJZ-001.yaml", "SHJZ-002.yaml", "SHJZ-003.yaml", "SHJZ-005.yaml", "shjz-004.yaml"]


def test_a_new_row_never_takes_the_id_typed_for_another_new_row_below_it(gk: Callable[..., Run], root: Path) -> None:
    """Two new rows: the clerk typed SHJZ-004 for the second and left the first blank. Before: the first was given
    SHJZ-004, and the second was refused with 「编号「SHJZ-004」与 新增 第2行 相同……请清空这一格的编号」 — row 2 has no
    编号. Now the first is SHJZ-005, the second SHJZ-004 as typed."""
    table = _csv(root.parent / "新增.csv", [[*_row("社会救助", "受灾人员救助", "救助信息"), ""],
                                            [*_row("社会救助", "受灾人员救助", "办事指南", content="办理条件"), "SHJZ-004"]],
                 head=[*CSV_HEAD, "编号"])
    run = gk("import", "csv", table, "--yes", "-C", root)
    assert run.code == 0, run.err
    assert "新增 SHJZ-005  items/shjz/SHJZ-005.yaml  ← 新增 第2行：受灾人员救助 / 救助信息" in run.out
    assert "新增 SHJZ-004  items/shjz/SHJZ-004.yaml  ← 新增 第3行：受灾人员救助 / 办事指南" in run.out
    assert load(root / "items/shjz/SHJZ-004.yaml")["二级事项"] == "办事指南"
    assert load(root / "items/shjz/SHJZ-005.yaml")["二级事项"] == "救助信息"


def test_a_row_added_to_the_exported_table_never_takes_the_id_of_an_item_deleted_since(
        gk: Callable[..., Run], root: Path, exported: bytes) -> None:
    """The export recorded SHJZ-003; its file (and its 公示) deleted since, its row deleted from the table, a new row
    typed in its place without 编号: the new item is SHJZ-004. Before, it was SHJZ-003, and the export's record of the
    deleted item was read as the new one's: the clerk's next edit of the row (实时公开 → 20个工作日内) was refused as
    「两边都改了」."""
    (root / "items/shjz/SHJZ-003.yaml").unlink()
    (root / "records/2026/R2026-003.yaml").unlink()
    book = openpyxl.load_workbook(io.BytesIO(exported))
    sheet = book["社会救助"]
    assert [sheet.cell(r, 17).value for r in (4, 5, 6)] == ["SHJZ-001", "SHJZ-002", "SHJZ-003"]
    sheet["B6"], sheet["C6"], sheet["D6"], sheet["F6"], sheet["Q6"] = "受灾人员救助", "救助信息", "受灾人员名单", "实时公开", None
    book.save(root.parent / "改.xlsx")
    run = gk("import", "xlsx", root.parent / "改.xlsx", "--yes", "-C", root)
    assert run.code == 0, run.err
    assert "新增 SHJZ-004  items/shjz/SHJZ-004.yaml  ← 社会救助 第6行：受灾人员救助 / 救助信息" in run.out
    assert "新增 1 项，更新 0 项，未变 4 项" in run.out
    assert not (root / "items/shjz/SHJZ-003.yaml").exists()
    sheet["F6"] = LATER
    book.save(root.parent / "再改.xlsx")
    again = gk("import", "xlsx", root.parent / "再改.xlsx", "--yes", "-C", root)
    assert again.code == 0, again.err
    assert "新增 0 项，更新 1 项，未变 4 项" in again.out
    assert load(root / "items/shjz/SHJZ-004.yaml")["公开时限"] == LATER


# 2. A 领域 column merged down its rows --------------------------------------------------------------------------


def test_a_blank_domain_cell_below_a_group_reads_the_domain_above(gk: Callable[..., Run], root: Path) -> None:
    """The table with its 领域 merged down each group, saved as csv: the 领域 is written on each group's first row only.
    Before: 「看不出这一行属于哪个领域：请加一列「领域」」 at rows 3, 5 and 6, nothing imported."""
    table = _csv(root.parent / "目录.csv", [
        [*_row("社会救助", "受灾人员救助", "救助信息"), ""],
        [*_row("", "受灾人员救助", "办事指南", content="办理条件"), ""],
        [*_row("养老服务", "养老机构", "新增信息", content="机构名单"), ""],
        [*_row("", "养老机构", "补贴信息", content="补贴名单"), ""],
        [*_row("", "最低生活保障", "审批信息", content="低保对象名单", deadline=LATER), "SHJZ-001"],
        [*_row("", "政策文件", "政策法规文件", content="救助政策文件", deadline=LATER), "SHJZ-002"],
    ], head=[*CSV_HEAD, "编号"])
    run = gk("import", "csv", table, "--yes", "-C", root)
    assert run.code == 0, run.err
    assert ("目录!A3: 领域为空，按它上面最近的领域读（合并单元格取消合并或另存为 csv 后留下的空白）"
            "（同样的还有 3 处：目录!A5、目录!A6、目录!A7）") in run.err
    assert "新增 4 项，更新 2 项，未变 0 项" in run.out
    # SHJZ-001's and SHJZ-002's own blank cells: no move into 养老服务, and SHJZ-002 is not taken for YLFW-001 (the
    # same names in 养老服务) by a 领域 the row does not write
    assert "领域从" not in run.err + run.out and "对不上" not in run.err
    expected = {"shjz/SHJZ-004.yaml": ("社会救助", "受灾人员救助", "救助信息"),
                "shjz/SHJZ-005.yaml": ("社会救助", "受灾人员救助", "办事指南"),
                "ylfw/YLFW-002.yaml": ("养老服务", "养老机构", "新增信息"),
                "ylfw/YLFW-003.yaml": ("养老服务", "养老机构", "补贴信息"),
                "shjz/SHJZ-001.yaml": ("社会救助", "最低生活保障", "审批信息")}
    for rel, names in expected.items():
        item = load(root / "items" / rel)
        assert (item["领域"], item["一级事项"], item["二级事项"]) == names, rel
    assert load(root / "items/shjz/SHJZ-001.yaml")["公开时限"] == LATER
    assert load(root / "items/shjz/SHJZ-002.yaml")["公开时限"] == LATER
    assert load(root / "items/ylfw/YLFW-001.yaml")["公开时限"] == DEADLINE
    assert not (root / "items/ylfw/YLFW-004.yaml").exists()


def test_a_blank_domain_cell_with_none_above_is_an_error_at_that_cell(gk: Callable[..., Run], root: Path) -> None:
    table = _csv(root.parent / "目录.csv", [_row("", "受灾人员救助", "救助信息"), _row("社会救助", "受灾人员救助", "办事指南")])
    run = gk("import", "csv", table, "--yes", "-C", root)
    assert run.code == 1
    assert "目录!A2: 领域为空，看不出这一行属于哪个领域：请填写领域（可选：社会救助、养老服务、区划地名）" in run.err
    assert "请加一列「领域」" not in run.err
    assert "共 1 处错误，没有写入任何文件" in run.err
    assert _files(root) == ["qhdm/QHDM-001.yaml", "shjz/SHJZ-001.yaml", "shjz/SHJZ-002.yaml", "shjz/SHJZ-003.yaml",
                            "ylfw/YLFW-001.yaml"]


# Planted: a vertical merge filled one row short (grid.Grid._anchors) --------------------------------------------


def test_a_merge_down_three_rows_gives_its_value_to_all_three(gk: Callable[..., Run], root: Path) -> None:
    """领域 merged over A3:A5 and 公开依据 over E3:E5 (one basis for three items), 一级事项 over B3:B4, in the
    two-row official header: every row has them, and nothing is said of a blank cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "目录"
    rows = [["领域", "公开事项", None, "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", None, "公开方式",
             None, "公开层级", None],
            [None, "一级事项", "二级事项", None, None, None, None, None, "全社会", "特定群体", "主动", "依申请", "县级", "乡级"],
            ["社会救助", "受灾人员救助", "救助信息", "受灾人员名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "√", None, "√",
             None, "√", None],
            [None, None, "办事指南", "办理条件", None, DEADLINE, PUBLISHER, "政府网站", None, "√", None, "√", "√", "√"],
            [None, "医疗救助", "审批信息", "救助对象名单", None, DEADLINE, PUBLISHER, "政府网站", "√", None, "√", None, None,
             "√"]]
    for number, values in enumerate(rows, start=1):
        for col, value in enumerate(values, start=1):
            if value is not None:
                sheet.cell(number, col, value)
    for merged in ("A1:A2", "B1:C1", "D1:D2", "E1:E2", "F1:F2", "G1:G2", "H1:H2", "I1:J1", "K1:L1", "M1:N1",
                   "A3:A5", "E3:E5", "B3:B4"):
        sheet.merge_cells(merged)
    book.save(root.parent / "合并.xlsx")
    run = gk("import", "xlsx", root.parent / "合并.xlsx", "--yes", "-C", root)
    assert run.code == 0, run.err
    assert "工作表「目录」：表头在第 1–2 行，数据从第 3 行起" in gk("import", "xlsx", root.parent / "合并.xlsx", "--dry-run",
                                                            "-C", root).out
    assert "为空" not in run.err and "空白" not in run.err
    assert "新增 3 项，更新 0 项，未变 0 项" in run.out
    first, second, third = (load(root / f"items/shjz/SHJZ-00{n}.yaml") for n in (4, 5, 6))
    assert (first["一级事项"], first["二级事项"], first["公开对象"], first["公开方式"], first["公开层级"]) == (
        "受灾人员救助", "救助信息", "全社会", "主动", ["县级"])
    assert (second["一级事项"], second["二级事项"], second["公开对象"], second["公开方式"], second["公开层级"]) == (
        "受灾人员救助", "办事指南", "特定群体", "依申请", ["县级", "乡级"])
    assert (third["一级事项"], third["二级事项"], third["公开层级"]) == ("医疗救助", "审批信息", ["乡级"])
    assert first["公开依据"] == second["公开依据"] == third["公开依据"] == [BASIS]
    assert first["领域"] == second["领域"] == third["领域"] == "社会救助"


# Planted: a two-row header read as one, sheets out of order; the round trip -------------------------------------


def test_the_exported_workbook_has_one_sheet_per_domain_in_the_order_of_gongkai_yaml(exported: bytes) -> None:
    """社会救助, 养老服务, 区划地名 as gongkai.yaml lists them — not by name (养老服务 区划地名 社会救助) nor by folder
    (qhdm shjz ylfw); each sheet's title, two header rows, and its items' 编号 in order."""
    book = openpyxl.load_workbook(io.BytesIO(exported))
    assert book.sheetnames == ["社会救助", "养老服务", "区划地名"]
    assert [book[name].max_row for name in book.sheetnames] == [6, 4, 4]
    sheet = book["社会救助"]
    assert sheet["A1"].value == "测试县民政局社会救助领域基层政务公开标准目录"
    assert [sheet.cell(2, c).value for c in (1, 2, 4, 9, 11, 13, 17)] == [
        "序号", "公开事项", "公开内容（要素）", "公开对象", "公开方式", "公开层级", "编号"]
    assert [sheet.cell(3, c).value for c in (2, 3, 9, 10, 11, 12, 13, 14)] == [
        "一级事项", "二级事项", "全社会", "特定群体", "主动", "依申请", "县级", "乡级"]
    assert [sheet.cell(r, 17).value for r in range(4, 7)] == ["SHJZ-001", "SHJZ-002", "SHJZ-003"]
    # the title across the sheet; 公开事项, 公开对象, 公开方式, 公开层级 over their two columns, the others over two rows
    assert sorted(str(r) for r in sheet.merged_cells.ranges) == [
        "A1:Q1", "A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:J2", "K2:L2", "M2:N2", "O2:O3",
        "P2:P3", "Q2:Q3"]
    assert (sheet.freeze_panes, sheet.print_title_rows) == ("A4", "$2:$3")
    assert all(sheet[ref].font.b and sheet[ref].border.left.style == "thin" and sheet[ref].alignment.horizontal == "center"
               for ref in ("A2", "B3", "Q2", "N3"))
    assert sheet["R2"].border.left.style is None and not sheet["R3"].font.b  # nothing beyond the last column
    assert [book[name].cell(4, 17).value for name in ("养老服务", "区划地名")] == ["YLFW-001", "QHDM-001"]


def test_the_export_reads_back_as_the_same_catalog(gk: Callable[..., Run], root: Path, exported: bytes) -> None:
    """The export's two header rows are one header (rows 2–3), its first item row 4: nothing added or changed; and an
    export made after the import is the same bytes."""
    (root.parent / "导出.xlsx").write_bytes(exported)
    run = gk("import", "xlsx", root.parent / "导出.xlsx", "--dry-run", "-C", root)
    assert run.code == 0, run.err
    for name in ("社会救助", "养老服务", "区划地名"):
        assert f"工作表「{name}」：表头在第 2–3 行，数据从第 4 行起" in run.out
    assert "新增 0 项，更新 0 项，未变 5 项" in run.out
    assert run.err == ""
    assert gk("import", "xlsx", root.parent / "导出.xlsx", "--yes", "-C", root).code == 0
    assert gk("export", "xlsx", "-C", root, "-o", root.parent / "又.xlsx", "--yes").code == 0
    assert (root.parent / "又.xlsx").read_bytes() == exported


def test_the_csv_export_reads_back_as_the_same_catalog(gk: Callable[..., Run], root: Path) -> None:
    assert gk("export", "csv", "-C", root, "-o", root.parent / "目录.csv").code == 0
    run = gk("import", "csv", root.parent / "目录.csv", "--dry-run", "-C", root)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 0 项，未变 5 项" in run.out


# Planted: a row matched by name ignoring 领域 ------------------------------------------------------------------


def test_a_row_without_id_updates_the_item_of_its_own_domain(gk: Callable[..., Run], root: Path) -> None:
    """政策文件 / 政策法规文件 is an item of 社会救助 (SHJZ-002) and of 养老服务 (YLFW-001): the row on sheet 养老服务
    of a table without 编号 updates YLFW-001 alone."""
    head = CSV_HEAD[1:]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "养老服务"
    for number, values in enumerate([head, _row("", "政策文件", "政策法规文件", content="养老政策文件",
                                                deadline=LATER)[1:]], start=1):
        for col, value in enumerate(values, start=1):
            sheet.cell(number, col, value)
    book.save(root.parent / "养老.xlsx")
    run = gk("import", "xlsx", root.parent / "养老.xlsx", "--yes", "-C", root)
    assert run.code == 0, run.err
    assert "更新 YLFW-001  items/ylfw/YLFW-001.yaml  ← 养老服务 第2行" in run.out
    assert "新增 0 项，更新 1 项，未变 0 项" in run.out
    assert load(root / "items/ylfw/YLFW-001.yaml")["公开时限"] == LATER
    assert (root / "items/shjz/SHJZ-002.yaml").read_text(encoding="utf-8") == ITEMS["items/shjz/SHJZ-002.yaml"]


# 3. Section titles naming the 领域 ---------------------------------------------------------------------------------


def _sectioned(root: Path, titles: tuple[str, str, str]) -> Path:
    """One sheet 「目录」 without 领域 column: three section titles in column A, each over its items, and a note row
    between two items of the first."""
    rows: list[list[str]] = [["序号", *CSV_HEAD[1:]], [titles[0]], ["1", *_row("", "受灾人员救助", "救助信息")[1:]],
                             ["注：以下事项按季度更新"], ["2", *_row("", "受灾人员救助", "办事指南")[1:]], [titles[1]],
                             ["3", *_row("", "养老机构", "新增信息")[1:]], [titles[2]], ["4", *_row("", "地名管理", "地名公告")[1:]]]
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "目录"
    for number, values in enumerate(rows, start=1):
        for col, value in enumerate(values, start=1):
            if value:
                sheet.cell(number, col, value)
    book.save(root.parent / "分段.xlsx")
    return root.parent / "分段.xlsx"


EXPECTED_SECTIONS = {"shjz/SHJZ-004.yaml": ("社会救助", "受灾人员救助", "救助信息"),
                     "shjz/SHJZ-005.yaml": ("社会救助", "受灾人员救助", "办事指南"),
                     "ylfw/YLFW-002.yaml": ("养老服务", "养老机构", "新增信息"),
                     "qhdm/QHDM-002.yaml": ("区划地名", "地名管理", "地名公告")}


@pytest.mark.parametrize("titles", [
    # six characters besides the name (the most a title of a 领域 alone has), then titles numbered as the first
    ("一、社会救助公开事项", "二、养老服务领域基层政务公开事项", "三、区划地名类公开事项"),
    # a first title saying 「……领域」, longer than that
    ("一、社会救助领域基层政务公开事项目录", "二、养老服务", "三、区划地名"),
])
def test_section_titles_naming_a_domain_put_their_rows_in_it(gk: Callable[..., Run], root: Path,
                                                             titles: tuple[str, str, str]) -> None:
    """Before: 「分段标题「三、区划地名类公开事项」是领域的标题，却不是 gongkai.yaml 中的领域（社会救助、养老服务、区划地名）」
    — the 领域 it names listed in the very message — and nothing imported. The note between two items of 社会救助
    is said and skipped, and the item below it stays in 社会救助."""
    run = gk("import", "xlsx", _sectioned(root, titles), "--yes", "-C", root)
    assert run.code == 0, run.err
    assert "目录!A4: 这一行没有事项名称、公开内容或编号，不是事项，已跳过：「注：以下事项按季度更新」" in run.err
    assert "共 1 条警告" in run.err
    assert "新增 4 项，更新 0 项，未变 0 项" in run.out
    for rel, names in EXPECTED_SECTIONS.items():
        item = load(root / "items" / rel)
        assert (item["领域"], item["一级事项"], item["二级事项"]) == names, rel


# Planted: a changed value dropped from the plan ------------------------------------------------------------------


def test_every_field_changed_in_the_exported_table_is_planned_and_written(gk: Callable[..., Run], root: Path,
                                                                         exported: bytes) -> None:
    """Each column of SHJZ-001's row (row 4) changed in the export: the preview names every field, old → new, in the
    item's key order, and --yes writes them all."""
    book = openpyxl.load_workbook(io.BytesIO(exported))
    sheet = book["社会救助"]
    sheet["C4"], sheet["D4"], sheet["E4"] = "审核信息", "●低保对象名单\n●保障金额", "《最低生活保障审核确认办法》"
    sheet["F4"], sheet["G4"] = LATER, "乡镇人民政府"
    sheet["H4"] = sheet["H4"].value.replace("□两微一端", "■两微一端")
    sheet["I4"], sheet["J4"], sheet["K4"], sheet["L4"], sheet["M4"], sheet["N4"] = "□", "■", "□", "■", "■", "■"
    sheet["O4"], sheet["P4"] = "服务公开", "办公室"
    book.save(root.parent / "改.xlsx")
    run = gk("import", "xlsx", root.parent / "改.xlsx", "--dry-run", "-C", root)
    assert run.code == 0, run.err
    assert "\n".join([
        "更新 SHJZ-001  items/shjz/SHJZ-001.yaml  ← 社会救助 第4行",
        "  五公开：结果公开 → 服务公开",
        "  二级事项：审批信息 → 审核信息",
        "  公开内容：低保对象名单 → 低保对象名单；保障金额",
        f"  公开依据：{BASIS} → 《最低生活保障审核确认办法》",
        f"    注意：去掉了 1 条公开依据：{BASIS}",
        f"  公开时限：{DEADLINE} → {LATER}",
        "  公开主体：县级人民政府民政部门 → 乡镇人民政府",
        "  公开渠道：政府网站 → 政府网站；两微一端",
        "  公开对象：全社会 → 特定群体",
        "  公开方式：主动 → 依申请",
        "  公开层级：县级 → 县级；乡级",
        "  责任单位：shjzg → bgs",
        "新增 0 项，更新 1 项，未变 4 项。"]) in run.out
    assert f"社会救助!E4: 更新 SHJZ-001 会去掉 1 条公开依据：{BASIS}（只有加 --yes 才会写入）" in run.err
    assert gk("import", "xlsx", root.parent / "改.xlsx", "--yes", "-C", root).code == 0
    assert load(root / "items/shjz/SHJZ-001.yaml") == {
        "编号": "SHJZ-001", "领域": "社会救助", "五公开": "服务公开", "一级事项": "最低生活保障", "二级事项": "审核信息",
        "公开内容": ["低保对象名单", "保障金额"], "公开依据": ["《最低生活保障审核确认办法》"], "公开时限": LATER,
        "公开主体": "乡镇人民政府", "公开渠道": ["政府网站", "两微一端"], "公开对象": "特定群体", "公开方式": "依申请",
        "公开层级": ["县级", "乡级"], "责任单位": "bgs"}
    assert gk("import", "xlsx", root.parent / "改.xlsx", "--dry-run", "-C", root).out.count("未变 5 项") == 1


# Survivors of the first screen: the export ------------------------------------------------------------------------


def test_a_sheet_with_a_third_level_has_its_column_and_the_others_not(gk: Callable[..., Run], root: Path) -> None:
    """区划地名 holds an item with 三级事项 (QHDM-001) and one without (QHDM-002): its sheet has the 三级事项 column (D),
    the other sheets do not, and the workbook reads back as it was."""
    held = root / "items/qhdm/QHDM-001.yaml"
    held.write_text(held.read_text(encoding="utf-8").replace("二级事项: 地名命名\n", "二级事项: 地名命名\n三级事项: 村名\n"),
                    encoding="utf-8")
    (root / "items/qhdm/QHDM-002.yaml").write_text(_item("QHDM-002", "区划地名", "地名管理", "地名更名", "更名公告", "bgs"),
                                                   encoding="utf-8")
    assert gk("export", "xlsx", "-C", root, "-o", root.parent / "三级.xlsx").code == 0
    book = openpyxl.load_workbook(root.parent / "三级.xlsx")
    places, relief = book["区划地名"], book["社会救助"]
    assert [places.cell(3, c).value for c in (2, 3, 4)] == ["一级事项", "二级事项", "三级事项"]
    assert [places.cell(r, c).value for r in (4, 5) for c in (2, 3, 4, 5)] == [
        "地名管理", "地名命名", "村名", "命名公告", None, "地名更名", None, "更名公告"]
    assert [str(r) for r in places.merged_cells.ranges if r.min_row >= 4] == ["B4:B5"]  # one 一级事项 over both rows
    assert [places.cell(r, 18).value for r in (4, 5)] == ["QHDM-001", "QHDM-002"]
    assert [relief.cell(3, c).value for c in (2, 3, 4)] == ["一级事项", "二级事项", None]
    assert relief["D4"].value == "低保对象名单" and relief["Q4"].value == "SHJZ-001"
    run = gk("import", "xlsx", root.parent / "三级.xlsx", "--dry-run", "-C", root)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 0 项，未变 6 项" in run.out


def test_the_site_export_leaves_out_a_file_that_fails_validation(root: Path) -> None:
    """The site's open data (data/directory.xlsx) is export_directory_xlsx(catalog) with its default: only items that
    pass validate, as on the pages; `gongkai export xlsx` asks for every file."""
    from gongkai.catalog import load_catalog
    from gongkai.interchange.xlsx import export_directory_xlsx

    broken = root / "items/shjz/SHJZ-003.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("五公开: 结果公开\n", ""), encoding="utf-8")
    book = openpyxl.load_workbook(io.BytesIO(export_directory_xlsx(load_catalog(root))))
    assert book["社会救助"].max_row == 5
    assert [book["社会救助"].cell(r, 17).value for r in (4, 5)] == ["SHJZ-001", "SHJZ-002"]
    every = openpyxl.load_workbook(io.BytesIO(export_directory_xlsx(load_catalog(root), every_file=True)))
    assert [every["社会救助"].cell(r, 17).value for r in (4, 5, 6)] == ["SHJZ-001", "SHJZ-002", "SHJZ-003"]


def test_an_empty_catalog_exports_one_sheet_named_directory(gk: Callable[..., Run], root: Path) -> None:
    shutil.rmtree(root / "items")
    (root / "records/2026/R2026-003.yaml").unlink()
    assert gk("export", "xlsx", "-C", root, "-o", root.parent / "空.xlsx").code == 0
    book = openpyxl.load_workbook(root.parent / "空.xlsx")
    assert book.sheetnames == ["目录"]
    assert book.properties.title == "基层政务公开标准目录" and book.properties.creator == "测试县民政局"


def test_a_yaml_edit_since_the_export_is_kept_against_the_unchanged_table(gk: Callable[..., Run], root: Path,
                                                                          exported: bytes) -> None:
    """The export records each item's fields by their Chinese keys: SHJZ-001's 公开时限 edited in the YAML after the
    export, the table's cell still as exported, is kept — never put back to the table's old value."""
    held = root / "items/shjz/SHJZ-001.yaml"
    held.write_text(held.read_text(encoding="utf-8").replace(DEADLINE, LATER), encoding="utf-8")
    (root.parent / "导出.xlsx").write_bytes(exported)
    run = gk("import", "xlsx", root.parent / "导出.xlsx", "--yes", "-C", root)
    assert run.code == 0, run.err
    assert f"公开时限：保留「{LATER}」（表格中是导出时的「{DEADLINE}」）" in run.out
    assert "新增 0 项，更新 0 项，未变 5 项" in run.out
    assert load(held)["公开时限"] == LATER


def test_a_domain_name_excel_refuses_as_a_sheet_name_is_exported_and_read_back(gk: Callable[..., Run],
                                                                               root: Path) -> None:
    """「区划地名/门牌」: Excel refuses 「/」 in a sheet name; the sheet is 「区划地名_门牌」, its title names the 领域 as
    gongkai.yaml writes it, and the workbook reads back unchanged."""
    for rel in ("gongkai.yaml", "items/qhdm/QHDM-001.yaml"):
        path = root / rel
        path.write_text(path.read_text(encoding="utf-8").replace("区划地名", "区划地名/门牌"), encoding="utf-8")
    assert gk("export", "xlsx", "-C", root, "-o", root.parent / "门牌.xlsx").code == 0
    book = openpyxl.load_workbook(root.parent / "门牌.xlsx")
    assert book.sheetnames == ["社会救助", "养老服务", "区划地名_门牌"]
    assert book["区划地名_门牌"]["A1"].value == "测试县民政局区划地名/门牌领域基层政务公开标准目录"
    run = gk("import", "xlsx", root.parent / "门牌.xlsx", "--dry-run", "-C", root)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 0 项，未变 5 项" in run.out


# Survivors of the screen: a blank 一级事项 read from above, and where that stops ----------------------------------


def test_a_blank_level1_in_a_table_of_names_and_contents_only(gk: Callable[..., Run], root: Path) -> None:
    """社会救助.csv with three columns (一级事项, 二级事项, 公开内容), 一级事项 written once over its group."""
    table = _csv(root.parent / "社会救助.csv", [["受灾人员救助", "救助信息", "受灾人员名单"], ["", "办事指南", "办理条件"]],
                 head=["一级事项", "二级事项", "公开内容"])
    run = gk("import", "csv", table, "--dry-run", "-C", root)
    assert run.code == 0, run.err
    assert "社会救助!A3: 一级事项为空，按它上面最近的一级事项读（合并单元格取消合并或另存为 csv 后留下的空白）" in run.err
    assert "新增 SHJZ-005  items/shjz/SHJZ-005.yaml  ← 社会救助 第3行：受灾人员救助 / 办事指南" in run.out
    assert "新增 2 项，更新 0 项，未变 0 项" in run.out


def test_a_blank_level1_is_not_read_across_a_total_or_a_title_row(gk: Callable[..., Run], root: Path) -> None:
    """The 合计 row (in the 一级事项 column) and a title merged across the row end the group above: the rows under
    them are 「一级事项为空」 errors, never items named 「合计」 or after the group above."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "社会救助"
    rows = [["一级事项", "二级事项", "公开内容", "公开依据"], ["受灾人员救助", "救助信息", "受灾人员名单", BASIS],
            ["合计", None, "1项"], [None, "办事指南", "办理条件", BASIS], ["以下为2026年新增事项"],
            [None, "审批信息", "救助对象名单", BASIS]]
    for number, values in enumerate(rows, start=1):
        for col, value in enumerate(values, start=1):
            if value:
                sheet.cell(number, col, value)
    sheet.merge_cells("A5:D5")
    book.save(root.parent / "合计.xlsx")
    run = gk("import", "xlsx", root.parent / "合计.xlsx", "--yes", "-C", root)
    assert run.code == 1
    assert "社会救助!A3: 这一行是合计行（「合计」），不是事项，已跳过" in run.err
    assert "社会救助!A4: 一级事项为空：每一行都要有事项名称（合并单元格也可以）" in run.err
    assert "社会救助!A6: 一级事项为空：每一行都要有事项名称（合并单元格也可以）" in run.err
    assert "共 2 处错误，没有写入任何文件" in run.err
    assert not (root / "items/shjz/SHJZ-004.yaml").exists()


def test_rows_follow_the_number_of_the_id_past_999(gk: Callable[..., Run], root: Path) -> None:
    """SHJZ-1000 comes after SHJZ-999 (as numbers, not as text: 「SHJZ-1000」 sorts before 「SHJZ-999」), and the next
    new item is SHJZ-1001."""
    for number in ("999", "1000"):
        (root / f"items/shjz/SHJZ-{number}.yaml").write_text(
            _item(f"SHJZ-{number}", "社会救助", "医疗救助", f"救助信息{number}", "救助对象名单", "shjzg"), encoding="utf-8")
    assert gk("export", "xlsx", "-C", root, "-o", root.parent / "千.xlsx").code == 0
    sheet = openpyxl.load_workbook(root.parent / "千.xlsx")["社会救助"]
    assert [sheet.cell(r, 17).value for r in range(4, 9)] == ["SHJZ-001", "SHJZ-002", "SHJZ-003", "SHJZ-999",
                                                             "SHJZ-1000"]
    assert [sheet.cell(r, 1).value for r in range(4, 9)] == [1, 2, 3, 4, 5]
    run = gk("import", "csv", _csv(root.parent / "新增.csv", [_row("社会救助", "受灾人员救助", "救助信息")]), "--dry-run",
             "-C", root)
    assert "新增 SHJZ-1001  items/shjz/SHJZ-1001.yaml" in run.out


def test_the_county_review_table_of_a_department_with_three_domains_reads_back(gk: Callable[..., Run],
                                                                               root: Path) -> None:
    """`gongkai county` writes each department's 领域 as blocks down one sheet, each under its title 「测试县民政局养老服务
    领域基层政务公开标准目录」 (export_departments_xlsx: 「the blocks read back with gongkai import xlsx」). Before, every
    block after the first was refused: 「分段标题「……养老服务领域……」是领域的标题，却不是 gongkai.yaml 中的领域（社会救助、
    养老服务、区划地名）」."""
    assert gk("county", root, "--out", root.parent / "县").code == 0
    sheet = openpyxl.load_workbook(root.parent / "县/review-2026.xlsx")["测试县民政局"]
    assert [sheet.cell(r, 1).value for r in (1, 8, 13)] == [f"测试县民政局{name}领域基层政务公开标准目录"
                                                           for name in ("社会救助", "养老服务", "区划地名")]
    run = gk("import", "xlsx", root.parent / "县/review-2026.xlsx", "--dry-run", "-C", root)
    assert run.code == 0, run.err
    assert "新增 0 项，更新 0 项，未变 5 项" in run.out


def test_a_new_item_twice_in_the_table_is_an_error_but_the_same_names_in_two_domains_are_two_items(
        gk: Callable[..., Run], root: Path) -> None:
    twice = _csv(root.parent / "新增.csv", [_row("社会救助", "受灾人员救助", "救助信息"),
                                            _row("养老服务", "受灾人员救助", "救助信息"),
                                            _row("社会救助", "受灾人员救助", "救助信息", content="另一份名单")])
    run = gk("import", "csv", twice, "--yes", "-C", root)
    assert run.code == 1
    assert ("新增!B4: 与 新增 第2行 是同一事项（领域和事项名称都相同），重复了：请删去重复的一行；确是两个事项的，"
            "请写明不同的二级事项或三级事项，或在「编号」列分别写明编号") in run.err
    assert "共 1 处错误，没有写入任何文件" in run.err
    assert not (root / "items/shjz/SHJZ-004.yaml").exists()
    once = _csv(root.parent / "新增.csv", [_row("社会救助", "受灾人员救助", "救助信息"),
                                           _row("养老服务", "受灾人员救助", "救助信息")])
    run = gk("import", "csv", once, "--yes", "-C", root)
    assert run.code == 0, run.err
    assert load(root / "items/shjz/SHJZ-004.yaml")["领域"] == "社会救助"
    assert load(root / "items/ylfw/YLFW-002.yaml")["领域"] == "养老服务"


def test_a_typed_id_of_digits_or_spaces_is_an_error_at_its_cell(gk: Callable[..., Run], root: Path) -> None:
    """In an 编号 column that also holds real ids: 「2」 is the table's own numbering, 「SHJZ 005」 no file name."""
    table = _csv(root.parent / "编号.csv", [[*_row("社会救助", "最低生活保障", "审批信息", content="低保对象名单"), "SHJZ-001"],
                                            [*_row("社会救助", "受灾人员救助", "救助信息"), "2"],
                                            [*_row("社会救助", "受灾人员救助", "办事指南", content="办理条件"), "SHJZ 005"]],
                 head=[*CSV_HEAD, "编号"])
    run = gk("import", "csv", table, "--yes", "-C", root)
    assert run.code == 1
    assert ("编号!L3: 编号「2」只有数字，像是序号而不是事项编号（会建成文件 items/shjz/2.yaml）：请写成领域代码加序号，"
            "如 SHJZ-004；或不填，由 gongkai 自动编号") in run.err
    assert "编号!L4: 编号「SHJZ 005」只能用英文字母、数字、-、_、.（如 SHJZ-014）" in run.err
    assert "共 2 处错误，没有写入任何文件" in run.err


def test_options_the_table_has_no_column_for_keep_the_files_values(gk: Callable[..., Run], root: Path) -> None:
    """A table with only 政府网站｜两微一端 under 公开渠道 and only 县级 under 公开层级: SHJZ-001's 公示栏 and 乡级 stay,
    and 两微一端 ticked is added."""
    held = root / "items/shjz/SHJZ-001.yaml"
    held.write_text(held.read_text(encoding="utf-8").replace("公开渠道: [政府网站]", "公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]")
                    .replace("公开层级: [县级]", "公开层级: [县级, 乡级]"), encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "社会救助"
    for number, values in enumerate([["一级事项", "二级事项", "公开内容", "公开渠道和载体", None, "公开层级", "编号"],
                                     [None, None, None, "政府网站", "两微一端", "县级"],
                                     ["最低生活保障", "审批信息", "低保对象名单", "√", "√", "√", "SHJZ-001"]], start=1):
        for col, value in enumerate(values, start=1):
            if value:
                sheet.cell(number, col, value)
    for merged in ("A1:A2", "B1:B2", "C1:C2", "D1:E1", "G1:G2"):
        sheet.merge_cells(merged)
    book.save(root.parent / "部分.xlsx")
    run = gk("import", "xlsx", root.parent / "部分.xlsx", "--yes", "-C", root)
    assert run.code == 0, run.err
    assert "社会救助!F2: 公开层级只有「县级」的列，没有「乡级」的列：已有事项的这些选项不改，保持事项文件中的值" in run.err
    assert "新增 0 项，更新 1 项，未变 0 项" in run.out
    item = load(held)
    assert item["公开渠道"] == ["政府网站", "两微一端", "社区/企事业单位/村公示栏（电子屏）"]
    assert item["公开层级"] == ["县级", "乡级"]


def test_an_id_in_lower_case_and_names_two_files_hold(gk: Callable[..., Run], root: Path) -> None:
    """「shjz-001」 updates SHJZ-001; a row without 编号 whose 领域 and names two files hold changes neither, said at
    its 一级事项; 公开内容 in another order is a change, 公开层级 in another order none."""
    (root / "items/shjz/SHJZ-009.yaml").write_text(
        _item("SHJZ-009", "社会救助", "政策文件", "政策法规文件", "救助政策文件", "shjzg"), encoding="utf-8")
    held = root / "items/shjz/SHJZ-003.yaml"
    held.write_text(held.read_text(encoding="utf-8").replace("  - 临时救助对象名单\n", "  - 临时救助对象名单\n  - 救助金额\n")
                    .replace("公开层级: [县级]", "公开层级: [县级, 乡级]"), encoding="utf-8")
    table = _csv(root.parent / "编号.csv", [
        [*_row("社会救助", "最低生活保障", "审批信息", content="低保对象名单", deadline=LATER), "shjz-001"],
        [*_row("社会救助", "政策文件", "政策法规文件", content="救助政策文件", deadline=LATER), ""],
        [*_row("社会救助", "临时救助", "审批信息", content="救助金额；临时救助对象名单")[:-1], "乡级、县级", "SHJZ-003"]],
        head=[*CSV_HEAD, "编号"])
    run = gk("import", "csv", table, "--yes", "-C", root)
    assert run.code == 0, run.err
    assert ("编号!B3: 这一行同时对应 items/shjz/SHJZ-002.yaml、items/shjz/SHJZ-009.yaml，没有改动任何一个：请在表格中加"
            "「编号」列写明是哪一个") in run.err
    assert "更新 SHJZ-001  items/shjz/SHJZ-001.yaml  ← 编号 第2行" in run.out
    assert "\n  公开内容：临时救助对象名单；救助金额 → 救助金额；临时救助对象名单\n" in run.out
    assert "公开层级：" not in run.out
    assert "新增 0 项，更新 2 项，未变 0 项" in run.out
    assert load(root / "items/shjz/SHJZ-001.yaml")["公开时限"] == LATER
    assert load(root / "items/shjz/SHJZ-002.yaml")["公开时限"] == DEADLINE
    assert load(held)["公开内容"] == ["救助金额", "临时救助对象名单"] and load(held)["公开层级"] == ["县级", "乡级"]
