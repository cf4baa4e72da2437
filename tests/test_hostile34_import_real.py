"""gongkai import, thirty-fourth hostile pass: spreadsheets as real offices make them.

Every table here is built with openpyxl (or written as a GBK csv) the way a county keeps its 标准目录: a title row and a
填报单位 line above a two-row header with merged cells, a neighbour county's column names, comments in the item files.
The catalog is conftest's (社会救助, units 办公室 bgs and 社会救助股 shjzg, one item SHJZ-001); every expected cell,
message and file line is typed by hand from the tables below.

Found by this pass:
1. 「公开时限」 merged over two sub-columns 「时限」｜「依据」 (the deadline and the article setting it) was read as the field
   twice: --dry-run said 「F3「公开时限」→ 与 F3「公开时限」重复，已忽略」 (the same cell), and every row whose 依据 was
   filled was the error 「列「公开时限」与列「公开时限」都是公开时限」: nothing could be imported. Sub-columns of a field
   that is no tick field are now named by their own labels: 「公开时限 / 时限」 is the 公开时限, 「公开时限 / 依据」 is
   reported and left out (the 依据 of a deadline is never the item's 公开依据), at its own cell G4 — and so when the
   header is unmerged (a csv, 「公开时限」 written over the first sub-column only).
2. A header cell merged down into the row below (序号 over two rows) beside sub-labels that read like text
   (「公开依据」 over 「法律法规」｜「规范性文件」, 「责任单位」 over 「科室」｜「联系电话」) was taken for a one-row header: the
   sub-label row was skipped as 「这一行没有事项名称……不是事项」 and each item row was refused for its two 公开依据 cells.
   A row the header's merged cells reach into is now always the header's; a list field (公开内容, 公开依据) reads its
   sub-columns one after another (《社会救助暂行办法》… then 民发〔2012〕220号), any other field its first, and a
   sub-column labelled with another field (联系电话 under 责任单位) is reported and left out.
3. A neighbour county's 「时限要求」 was 「不认识的列」: the deadline of every row silently stayed out (a new item had
   none). It is the 公开时限.
4. A neighbour's 「责任单位」 column that holds what our 公开主体 holds (「县级人民政府民政部门」), in a table with no
   公开主体 column, was an error at every row telling the clerk to add 「县级人民政府民政部门」 to gongkai.yaml's 单位.
   Such a column is now read as the 公开主体, said once at its header; a 责任单位 column naming units stays 责任单位.
5. A column whose header says 公开 but names no field (「公开范围」: 全社会, 特定群体) was left out as unknown; its cells
   are read as the tick field they name (公开对象) when the table has no column for it, said once.
6. The comment the clerk wrote after one 公开依据 (「# 第四十四条」 after 《社会救助暂行办法》) moved to whichever entry
   the table made last (民发〔2012〕220号), and an entry added above shifted every comment one entry up; the comment of
   an entry the table removed (「# 要删」) went to another. Comments now stay with their own entries, also with an entry
   whose text the table corrected (「第649」 → 「第649号」); an entry dropped from a list that grew or shrank takes its
   comment with it; the comment lines below a list stay below it.
7. A 备注 of two lines (Alt+Enter in the cell) was written into the YAML as 「备注: "第一行\\n第二行"」 — an escape the
   clerk in Notepad cannot read or edit. Text of several lines is written as a block, one line a line.
8. The preview of an update that only breaks a line (备注 「第一行 第二行」 in the file, 「第一行⏎第二行」 in the cell) read
   「备注：第一行 第二行 → 第一行 第二行」: the clerk could not see what --yes would write. Line breaks are now shown as ⏎
   (「第一行 第二行 → 第一行⏎第二行」), and a change of spaces alone is said: 「（只有空格不同）」.
9. A group's title written across its row (「（一）最低生活保障」 merged over A:L) or alone in the 序号 column, with the
   一级事项 of the rows under it left blank (the title says it), made each of those rows the error 「一级事项为空」:
   nothing imported. Those rows now read the title's name as their 一级事项 (said once: 「一级事项为空，按它上面最近的一级
   事项读」); a title naming a 领域 still switches the 领域.
10. An item's elements typed one a row under it, numbered 「1.1」「1.2」 under the item's 「1」 (names and the rest blank),
   were each the error 「一级事项为空」: nothing imported. Such a row is now read as the next line of the item above, as a
   row with no 序号 at all already was, and said so: 「第3行的序号「1.1」是第2行事项的一小项……按上面第2行事项的续行读」.

Bugs planted by hand (each reverted), each caught here: a header merged down no longer making the row below the
header's (columns._has_sub_row); a field's sub-columns read as the field twice again (columns._under_field), or without
preferring the one labelled with the field, or grouped by their header cell only (the unmerged csv); a list field's
second sub-column dropped (read._read_rows); 「时限要求」 taken out of headers.yaml; the 责任单位 column never read as
公开主体, or read so with no cell worded as a 公开主体; 「公开范围」 not read by its cells; a list's comments carried by
index again, or to the most similar entry however unlike, or never to an edited one, or the lines below the list
kept on the old last entry; a text of lines written as before; the preview's ⏎ and 「（只有空格不同）」; a group title
not kept for the rows under it; an element numbered 1.1 not going on with its item 1, or any number going on with
any item; the import_real survivors named in docs/mutation.md (「表格中没有找到任何事项行」, --overwrite-invalid, （空）).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from conftest import CatalogDir, Run
from sheets import workbook

BASIS = "《社会救助暂行办法》（国务院令第649号）"
DEADLINE = "制定或获取信息之日起10个工作日内"
LATER = "自信息形成或者变更之日起20个工作日内"
PUBLISHER = "县级人民政府民政部门"
CHANNELS = "政府网站、社区/企事业单位/村公示栏（电子屏）"


def _sheet(path: Path, rows: Sequence[Sequence[object]], merged: Sequence[str] = ()) -> Path:
    return workbook(path, rows, sheet="社会救助", merges=merged)


def _item(cat: CatalogDir, name: str) -> str:
    return (cat.root / "items" / "shjz" / name).read_text(encoding="utf-8")


# 1 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def _deadline_over_basis(tmp_path: Path) -> Path:
    """A county's table: title, 填报 line, header rows 3–4 (公开事项, 公开时限 and 公开层级 merged over sub-columns, the
    others merged down), 最低生活保障 merged over rows 5–6."""
    return _sheet(tmp_path / "目录.xlsx", [
        ["测试县民政局社会救助领域基层政务公开标准目录"],
        ["填报单位：测试县民政局（盖章）", None, None, None, None, None, None, "填报日期：2026年3月1日"],
        ["序号", "公开事项", None, "公开内容（要素）", "公开依据", "公开时限", None, "公开主体", "公开渠道", "公开对象",
         "公开方式", "公开层级", None, "五公开", "责任单位", "备注"],
        [None, "一级事项", "二级事项", None, None, "时限", "依据", None, None, None, None, "县级", "乡级"],
        ["1", "最低生活保障", "审批信息", "低保对象名单及相关信息", BASIS, LATER, "《社会救助暂行办法》第十条",
         PUBLISHER, CHANNELS, "全社会", "主动", "√", "√", "结果公开", "社会救助股", "按季度更新"],
        ["2", None, "办事指南", "办理条件\n申请材料", BASIS, DEADLINE, "《福建省最低生活保障条例》第八条", PUBLISHER,
         "政府网站", "全社会", "主动", "√", "√", "服务公开", "社会救助股"],
    ], ["A1:P1", "B3:C3", "F3:G3", "L3:M3", "B5:B6"] + [f"{c}3:{c}4" for c in "ADEHIJKNOP"])


def test_a_deadline_over_its_term_and_its_basis_reads_the_term_never_the_basis(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = _deadline_over_basis(tmp_path)
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert run.code == 0, run.out + run.err
    assert "工作表「社会救助」：表头在第 3–4 行，数据从第 5 行起" in run.out
    assert "  社会救助!F4「公开时限 / 时限」→ 公开时限\n" in run.out
    assert ("  社会救助!G4「公开时限 / 依据」→ 在「公开时限」下，不是公开时限本身"
            "（公开时限读的是 社会救助!F4「公开时限 / 时限」），已忽略\n") in run.out
    assert ("社会救助!G4: 列「公开时限 / 依据」在「公开时限」下，不是公开时限本身"
            "（公开时限读的是 社会救助!F4「公开时限 / 时限」），已忽略") in run.err
    assert "重复" not in run.out + run.err
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert "新增 1 项，更新 1 项，未变 0 项。" in run.out
    first = _item(cat, "SHJZ-001.yaml")
    assert f"公开时限: {LATER}\n" in first
    assert f"公开依据:\n  - {BASIS}\n公开时限" in first
    assert "第十条" not in first
    second = _item(cat, "SHJZ-002.yaml")
    assert "二级事项: 办事指南\n" in second
    assert "公开内容:\n  - 办理条件\n  - 申请材料\n" in second
    assert f"公开依据:\n  - {BASIS}\n公开时限: {DEADLINE}\n" in second
    assert "福建省最低生活保障条例" not in second
    again = gk("import", "xlsx", table, "-C", cat.root)
    assert "新增 0 项，更新 0 项，未变 2 项。" in again.out, again.out + again.err


def test_of_two_sub_columns_the_one_labelled_with_the_field_is_it(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = _sheet(tmp_path / "目录.xlsx", [
        ["一级事项", "二级事项", "公开内容", "公开时限", None, "编号"],
        [None, None, None, "类型", "时限", None],
        ["最低生活保障", "审批信息", "低保对象名单及相关信息", "常规", LATER, "SHJZ-001"],
    ], ["D1:E1", "A1:A2", "B1:B2", "C1:C2", "F1:F2"])
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert run.code == 0, run.out + run.err
    assert "  社会救助!E2「公开时限 / 时限」→ 公开时限\n" in run.out
    assert ("社会救助!D2: 列「公开时限 / 类型」在「公开时限」下，不是公开时限本身"
            "（公开时限读的是 社会救助!E2「公开时限 / 时限」），已忽略") in run.err
    assert f"  公开时限：{DEADLINE} → {LATER}\n" in run.out


def test_the_same_header_unmerged_in_a_csv_reads_the_same(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    # saved as csv (or unmerged in Excel): 「公开时限」 written over the first of its two sub-columns only
    table = _csv(tmp_path / "社会救助.csv", [
        ["序号", "一级事项", "二级事项", "公开内容", "公开时限", "", "公开对象", ""],
        ["", "", "", "", "时限", "依据", "全社会", "特定群体"],
        ["1", "最低生活保障", "审批信息", "低保对象名单及相关信息", LATER, "《社会救助暂行办法》第十条", "√", ""],
    ])
    run = gk("import", "csv", table, "-C", cat.root, "--dry-run")
    assert run.code == 0, run.out + run.err
    assert "  社会救助!E2「公开时限 / 时限」→ 公开时限\n" in run.out
    assert ("社会救助!F2: 列「公开时限 / 依据」在「公开时限」下，不是公开时限本身"
            "（公开时限读的是 社会救助!E2「公开时限 / 时限」），已忽略") in run.err
    assert f"  公开时限：{DEADLINE} → {LATER}\n" in run.out
    assert "重复" not in run.out + run.err


# 2 ───────────────────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_header_merged_down_makes_the_row_below_a_header_row(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = _sheet(tmp_path / "目录.xlsx", [
        ["序号", "一级事项", "二级事项", "公开内容", "公开依据", None, "公开时限", "公开主体", "公开渠道", "公开对象",
         "公开方式", "公开层级", "责任单位", None],
        [None, None, None, None, "法律法规", "规范性文件", None, None, None, None, None, None, "科室", "联系电话"],
        ["1", "最低生活保障", "审批信息", "低保对象名单及相关信息", BASIS, "民发〔2012〕220号", DEADLINE, PUBLISHER,
         CHANNELS, "全社会", "主动", "县级、乡级", "社会救助股", "0595-23000000"],
        ["2", "临时救助", "审批信息", "临时救助对象名单", None, "民发〔2014〕49号", DEADLINE, PUBLISHER, "政府网站",
         "全社会", "主动", "县级", "办公室", "0595-23000001"],
    ], ["E1:F1", "M1:N1"] + [f"{c}1:{c}2" for c in "ABCDGHIJKL"])
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert run.code == 0, run.out + run.err
    assert "工作表「社会救助」：表头在第 1–2 行，数据从第 3 行起" in run.out
    assert "  社会救助!E2「公开依据 / 法律法规」→ 公开依据\n" in run.out
    assert ("  社会救助!F2「公开依据 / 规范性文件」→ 公开依据（接在 社会救助!E2「公开依据 / 法律法规」之后，"
            "各格的条目依次读作公开依据）\n") in run.out
    assert "  社会救助!M2「责任单位 / 科室」→ 责任单位\n" in run.out
    assert ("社会救助!N2: 列「责任单位 / 联系电话」在「责任单位」下，不是责任单位本身"
            "（责任单位读的是 社会救助!M2「责任单位 / 科室」），已忽略") in run.err
    assert "法律法规」" not in run.err and "不是事项" not in run.err
    assert f"  公开依据：{BASIS} → {BASIS}；民发〔2012〕220号\n" in run.out
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert f"公开依据:\n  - {BASIS}\n  - 民发〔2012〕220号\n" in _item(cat, "SHJZ-001.yaml")
    new = _item(cat, "SHJZ-002.yaml")
    assert "公开依据:\n  - 民发〔2014〕49号\n" in new  # the 法律法规 cell blank: the 规范性文件 one alone
    assert "责任单位: bgs\n" in new
    assert "23000001" not in new
    again = gk("import", "xlsx", table, "-C", cat.root)
    assert "新增 0 项，更新 0 项，未变 2 项。" in again.out, again.out + again.err


# 3, 4, 5 ─────────────────────────────────────────────────────────────────────────────────────────────────────────────


def _csv(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    text = "\r\n".join(",".join(f'"{cell}"' if "\n" in cell or "," in cell else cell for cell in row) for row in rows)
    path.write_bytes((text + "\r\n").encode("gbk"))  # Excel's 「CSV（逗号分隔）」 on a Chinese Windows
    return path


def test_a_neighbour_countys_column_names_read_as_the_fields_they_hold(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = _csv(tmp_path / "社会救助.csv", [
        ["德化县民政局社会救助领域基层政务公开标准目录"] + [""] * 10,
        ["序号", "事项名称", "具体事项", "公开内容", "公开依据", "时限要求", "责任单位", "公开方式", "公开范围", "公开层级",
         "五公开"],
        ["1", "最低生活保障", "审批信息", "低保对象名单及相关信息", BASIS, LATER, PUBLISHER, "政府网站", "全社会",
         "县级、乡级", "结果公开"],
        ["2", "临时救助", "审批信息", "临时救助对象名单", BASIS, DEADLINE, "县级人民政府民政部门\n乡镇人民政府（街道办事处）",
         "政府网站", "特定群体", "县级", "结果公开"],
    ])
    run = gk("import", "csv", table, "-C", cat.root, "--dry-run")
    assert run.code == 0, run.out + run.err
    assert "  社会救助!F2「时限要求」→ 公开时限\n" in run.out
    assert "社会救助!G2: 列「责任单位」：单元格写的是县级人民政府民政部门这样的机关，不是本局的股室、民政办，按公开主体读" in run.err
    assert "社会救助!I2: 列「公开范围」：单元格写的是公开对象的选项，按公开对象读" in run.err
    assert "不在 gongkai.yaml 的「单位」中" not in run.err and "不认识的列" not in run.err
    assert f"  公开时限：{DEADLINE} → {LATER}\n" in run.out
    run = gk("import", "csv", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    new = _item(cat, "SHJZ-002.yaml")
    assert f"公开时限: {DEADLINE}\n" in new
    assert "公开主体: 县级人民政府民政部门、乡镇人民政府（街道办事处）\n" in new
    assert "公开对象: 特定群体\n" in new
    assert "责任单位: shjzg\n" in new  # inferred from 社会救助 (社会救助股), not from the 公开主体 column


def test_a_unit_column_naming_units_stays_the_unit(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    listed = "（办公室（bgs）、社会救助股（shjzg）），或先在 gongkai.yaml 的「单位」中加上它"
    for cells in (["办公室", "县民政局"], ["县民政局", "县民政局"]):  # a unit beside; bodies none worded as 公开主体 are
        table = _csv(tmp_path / "社会救助.csv", [
            ["序号", "一级事项", "二级事项", "公开内容", "责任单位", "公开对象"],
            ["1", "最低生活保障", "审批信息", "低保对象名单及相关信息", cells[0], "全社会"],
            ["2", "临时救助", "审批信息", "临时救助对象名单", cells[1], "全社会"],
        ])
        run = gk("import", "csv", table, "-C", cat.root, "--dry-run")
        assert run.code == 1
        assert "  社会救助!E1「责任单位」→ 责任单位\n" in run.out
        assert f"社会救助!E3: 责任单位「县民政局」不在 gongkai.yaml 的「单位」中：请填其中一个单位的名称或编号{listed}" in run.err


# 6, 7 ────────────────────────────────────────────────────────────────────────────────────────────────────────────────

COMMENTED = """\
# 低保名单，每季度更新
编号: SHJZ-001
领域: 社会救助
五公开: 结果公开
一级事项: 最低生活保障
二级事项: 审批信息
公开内容:
  - 低保对象名单及相关信息   # 按村汇总
公开依据:
  # 国务院令
  - 《社会救助暂行办法》（国务院令第649）  # 第四十四条
  - 民发〔2012〕220号  # 审核审批办法
  - 已废止的文件  # 要删
  # 以下是时限
公开时限: 制定或获取信息之日起10个工作日内  # 县里要求
公开主体: 县级人民政府民政部门
公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]
公开对象: 全社会
公开方式: 主动
公开层级: [县级, 乡级]
责任单位: shjzg
"""

HEAD = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象", "公开方式",
        "公开层级", "编号", "备注"]


def test_comments_stay_with_their_entries_and_notes_of_lines_stay_lines(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    cat.item(COMMENTED)
    basis = "《中华人民共和国政府信息公开条例》（国务院令第711号）\n" + BASIS + "\n民发〔2012〕220号\n民办函〔2019〕52号"
    table = _sheet(tmp_path / "目录.xlsx", [
        HEAD,
        ["1", "最低生活保障", "审批信息", "低保对象名单及相关信息", basis, DEADLINE, PUBLISHER, CHANNELS, "全社会", "主动",
         "县级、乡级", "SHJZ-001", "第一行\n第二行"],
        ["2", "临时救助", "审批信息", "临时救助对象名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级",
         None, "一季度一次\n年底汇总"],
    ])
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert _item(cat, "SHJZ-001.yaml") == """\
# 低保名单，每季度更新
编号: SHJZ-001
领域: 社会救助
五公开: 结果公开
一级事项: 最低生活保障
二级事项: 审批信息
公开内容:
  - 低保对象名单及相关信息   # 按村汇总
公开依据:
  # 国务院令
  - 《中华人民共和国政府信息公开条例》（国务院令第711号）
  - 《社会救助暂行办法》（国务院令第649号） # 第四十四条
  - 民发〔2012〕220号  # 审核审批办法
  - 民办函〔2019〕52号
  # 以下是时限
公开时限: 制定或获取信息之日起10个工作日内  # 县里要求
公开主体: 县级人民政府民政部门
公开渠道: [政府网站, 社区/企事业单位/村公示栏（电子屏）]
公开对象: 全社会
公开方式: 主动
公开层级: [县级, 乡级]
责任单位: shjzg
备注: |-
  第一行
  第二行
"""
    # (a comment keeps its column: one space after the entry made one character longer)
    assert "备注: |-\n  一季度一次\n  年底汇总\n" in _item(cat, "SHJZ-002.yaml")
    assert gk("validate", cat.root).code == 0
    again = gk("import", "xlsx", table, "-C", cat.root)
    assert "新增 0 项，更新 0 项，未变 2 项。" in again.out, again.out + again.err


def test_the_preview_shows_a_line_break_or_a_space_that_changes(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    from conftest import ITEM

    cat.item(ITEM + "备注: 第一行 第二行\n")
    row = ["1", "最低生活保障", "审批信息", "低保对象名单及相关信息", BASIS, DEADLINE, PUBLISHER, CHANNELS, "全社会", "主动",
           "县级、乡级", "SHJZ-001"]
    table = _sheet(tmp_path / "目录.xlsx", [HEAD, row + ["第一行\n第二行"]])
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert "  备注：第一行 第二行 → 第一行⏎第二行\n" in run.out, run.out + run.err
    for nothing in ("", '备注: ""\n', "备注:\n"):  # no 备注, an empty one, a blank one: all said as （空）
        cat.item(ITEM + nothing)  # (an empty 备注 fails validation: updated only with --overwrite-invalid)
        run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run", "--overwrite-invalid")
        assert "  备注：（空） → 第一行⏎第二行\n" in run.out, run.out + run.err
    cat.item(ITEM + "备注: 第一行 第二行\n")
    table = _sheet(tmp_path / "目录.xlsx", [HEAD, row + ["第一行  第二行"]])
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert "  备注：第一行 第二行 → 第一行 第二行（只有空格不同）\n" in run.out, run.out + run.err


def test_a_group_title_across_its_row_names_the_rows_under_it(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    def row(number: str, level2: str, item_id: str | None = None) -> list[object]:
        return [number, None, level2, "名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", item_id]

    table = _sheet(tmp_path / "目录.xlsx", [
        HEAD[:12], ["（一）最低生活保障"], row("1", "审批信息", "SHJZ-001"), row("2", "办事指南"),
        ["（二）临时救助"], row("3", "审批信息"),
    ], ["A2:L2"])  # the second title in the 序号 column alone
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 0, run.out + run.err
    assert ("社会救助!B3: 一级事项为空，按它上面最近的一级事项读（合并单元格取消合并或另存为 csv 后留下的空白）"
            "（同样的还有 2 处：社会救助!B4、社会救助!B6）") in run.err
    assert "新增 SHJZ-002  items/shjz/SHJZ-002.yaml  ← 社会救助 第4行：最低生活保障 / 办事指南" in run.out
    assert "新增 SHJZ-003  items/shjz/SHJZ-003.yaml  ← 社会救助 第6行：临时救助 / 审批信息" in run.out
    assert ("新增 2 项，更新 1 项，未变 0 项。表格中有内容的 5 行里，3 行是事项，其余 2 行不是事项（并入上面事项的续行、"
            "分组标题、重复的表头、说明、签名等，见上方警告）。\n") in run.out
    assert "一级事项: 最低生活保障\n二级事项: 审批信息\n" in _item(cat, "SHJZ-001.yaml")
    assert "一级事项: 临时救助\n二级事项: 审批信息\n" in _item(cat, "SHJZ-003.yaml")


def test_elements_numbered_under_their_item_go_on_with_it(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = _sheet(tmp_path / "目录.xlsx", [
        HEAD[:12],
        [1, "最低生活保障", "审批信息", "低保对象名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", None],
        [1.1, None, None, "低保金额"], ["1.2", None, None, "救助事由"],
        [2, "临时救助", "审批信息", "临时救助对象名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", None],
        ["3.1", None, None, "救助金额"],  # numbered under no item above it (2): still an error
    ])
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert run.code == 1
    assert ("社会救助!A3: 第3行的序号「1.1」是第2行事项的一小项，没有事项名称和编号，只写了公开内容，按上面第2行事项的续行读："
            "这一行的公开内容并入第2行的事项；若它是另一个事项，请填写它的事项名称") in run.err
    assert "社会救助!A4: 第4行的序号「1.2」是第2行事项的一小项" in run.err
    assert "社会救助!B3: 一级事项为空" not in run.err and "社会救助!B4: 一级事项为空" not in run.err
    assert "社会救助!B6: 一级事项为空：每一行都要有事项名称（合并单元格也可以）" in run.err
    table = _sheet(tmp_path / "目录.xlsx", [HEAD[:12], *[
        [1, "最低生活保障", "审批信息", "低保对象名单", BASIS, DEADLINE, PUBLISHER, "政府网站", "全社会", "主动", "县级", None],
        [1.1, None, None, "低保金额"], ["1.2", None, None, "救助事由"]]])
    run = gk("import", "xlsx", table, "-C", cat.root, "--dry-run")
    assert run.code == 0, run.out + run.err
    assert "  公开内容：低保对象名单及相关信息 → 低保对象名单；低保金额；救助事由\n" in run.out


def test_a_table_of_titles_and_notes_alone_is_said_to_hold_no_item(
        gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    table = _sheet(tmp_path / "目录.xlsx", [
        ["测试县民政局社会救助领域基层政务公开标准目录"], HEAD[:12], ["（一）最低生活保障"], ["填表人：张三"]])
    run = gk("import", "xlsx", table, "-C", cat.root, "--yes")
    assert run.code == 1
    assert "目录.xlsx: 表格中没有找到任何事项行\n" in run.err
    assert "共 1 处错误，没有写入任何文件（全部行无误才导入）。" in run.err
