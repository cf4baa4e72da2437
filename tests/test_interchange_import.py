"""gongkai import xlsx: tables as counties publish them, malformed ones included; export → import → export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from conftest import CatalogDir, Run

BOXES = ["政府网站", "政府公报", "两微一端", "发布会/听证会", "广播电视", "纸质媒体", "公开查阅点", "政务服务中心",
         "便民服务站", "入户/现场", "社区/企事业单位/村公示栏（电子屏）", "精准推送", "其他"]


def channels(*ticked: str, other: str = "") -> str:
    lines = []
    for name in BOXES:
        line = ("■" if name in ticked else "□") + name
        if name == "其他" and other:
            line += f"（{other}）"
        lines.append(line)
    return "\n".join(lines)


def county_table(path: Path, rows: list[list[object]], *, sheet: str = "Sheet1",
                 title: str | None = "测试县民政局社会救助领域基层政务公开标准目录", audience_label: str = "特定群体",
                 merge_level1: tuple[int, int] | None = None) -> Path:
    """An official-layout table as a county would make it: title row, two-level merged header, no local columns."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    if title:
        ws.append([title])
        ws.merge_cells("A1:N1")
    top = len(ws["A"]) + 1 if title else 1
    ws.append(["序号", "公开事项", None, "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
               "公开对象", None, "公开方式", None, "公开层级", None])
    ws.append([None, "一级事项", "二级事项", None, None, None, None, None, "全社会", audience_label, "主动",
               "依申请公开", "县级", "乡级"])
    for col in ("A", "D", "E", "F", "G", "H"):
        ws.merge_cells(f"{col}{top}:{col}{top + 1}")
    for group in ("B", "I", "K", "M"):
        nxt = chr(ord(group) + 1)
        ws.merge_cells(f"{group}{top}:{nxt}{top}")
    for row in rows:
        ws.append(row)
    if merge_level1:
        first, last = merge_level1
        ws.merge_cells(f"B{first}:B{last}")
    wb.save(path)
    return path


def row(n: int, level1: str | None, level2: str, contents: str, chans: str, *, audience: tuple[str, str] = ("■", "□"),
        mode: tuple[str, str] = ("■", "□"), levels: tuple[str, str] = ("■", "■")) -> list[object]:
    return [n, level1, level2, contents, "《社会救助暂行办法》（国务院令第649号）", "制定或获取信息之日起10个工作日内",
            "县级人民政府民政部门", chans, *audience, *mode, *levels]


GUIDE = "1.办理事项\n2.办理条件\n3.申请材料\n4.办理流程"


@pytest.fixture
def xl(tmp_path: Path) -> Callable[..., Path]:
    def make(rows: list[list[object]], **kwargs: object) -> Path:
        return county_table(tmp_path / "table.xlsx", rows, **kwargs)  # type: ignore[arg-type]
    return make


def test_merged_cells_title_row_and_numbered_contents(gk: Callable[..., Run], cat: CatalogDir, xl: Callable[..., Path]) -> None:
    table = xl([
        row(1, "特困人员救助供养", "办事指南", GUIDE, "■政府网站\n□政府公报\n■政府服务中心"),
        row(2, None, "审批信息", "●特困人员名单\n●救助供养标准", channels("政府网站", "社区/企事业单位/村公示栏（电子屏）", "其他", other="12345政务服务热线")),
    ], merge_level1=(4, 5))
    dry = gk("import", "xlsx", table, "-C", cat.root)
    assert dry.code == 0 and "--yes" in dry.out and not (cat.root / "items/shjz/SHJZ-002.yaml").exists()
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "新增 2 项" in run.out
    guide = (cat.root / "items/shjz/SHJZ-002.yaml").read_text(encoding="utf-8")
    assert "一级事项: 特困人员救助供养" in guide and "五公开: 服务公开" in guide and "责任单位: shjzg" in guide
    assert "  - 办理条件\n" in guide and "  - 政务服务中心\n" in guide
    listing = (cat.root / "items/shjz/SHJZ-003.yaml").read_text(encoding="utf-8")
    assert "一级事项: 特困人员救助供养" in listing and "五公开: 结果公开" in listing
    assert "其他渠道: [12345政务服务热线]" in listing and "社区/企事业单位/村公示栏（电子屏）" in listing
    assert gk("validate", cat.root).code == 0


def test_tick_layout_and_sheet_name_domain(gk: Callable[..., Run], cat: CatalogDir, xl: Callable[..., Path]) -> None:
    table = xl([row(1, "临时救助", "政策法规文件", "国发〔2014〕47号；民发〔2018〕23号", "政府网站、政务服务中心",
                    audience=("", "√"), mode=("√", ""), levels=("√", ""))], sheet="社会救助", title=None,
               audience_label="特定群众")
    assert gk("import", "xlsx", table, "--yes", "-C", cat.root).code == 0
    text = (cat.root / "items/shjz/SHJZ-002.yaml").read_text(encoding="utf-8")
    assert "公开对象: 特定群体" in text and "公开层级: [县级]" in text
    assert "  - 国发〔2014〕47号\n  - 民发〔2018〕23号\n" in text
    assert "五公开: 执行公开" in text


def test_existing_item_updated_not_duplicated_comments_kept(gk: Callable[..., Run], cat: CatalogDir,
                                                            xl: Callable[..., Path]) -> None:
    path = cat.root / "items/shjz/SHJZ-001.yaml"
    path.write_text("# 低保审批名单\n" + path.read_text(encoding="utf-8").replace(
        "公开主体: 县级人民政府民政部门", "公开主体: 县级人民政府民政部门  # 主体别改"), encoding="utf-8")
    table = xl([row(1, "最低生活保障", "审批信息", "低保对象名单及相关信息\n保障金额", "政府网站、村公示栏")])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 0, run.err
    assert "更新 SHJZ-001" in run.out and "公开内容" in run.out and "新增 0 项" in run.out
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# 低保审批名单\n") and "# 主体别改" in text
    assert "  - 保障金额\n" in text and "五公开: 结果公开" in text
    assert not (cat.root / "items/shjz/SHJZ-002.yaml").exists()


def test_problems_reported_by_cell_and_nothing_written(gk: Callable[..., Run], cat: CatalogDir,
                                                       xl: Callable[..., Path]) -> None:
    table = xl([
        row(1, "临时救助", "办事指南", GUIDE, channels("政府网站")),
        row(2, "临时救助", "审核审批信息", "救助对象名单", "■政府网站\n■飞鸽传书"),
        row(3, "临时救助", "统计", "救助金额", channels("政府网站"), mode=("□", "□")),
    ])
    run = gk("import", "xlsx", table, "--yes", "-C", cat.root)
    assert run.code == 1
    assert "Sheet1!H5" in run.err and "飞鸽传书" in run.err
    assert "Sheet1!K6" in run.err and "公开方式一项也没有勾选" in run.err
    assert not (cat.root / "items/shjz/SHJZ-002.yaml").exists()


def test_missing_header(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "社会救助"
    wb.active.append(["最低生活保障", "办事指南", "办理条件"])
    wb.save(tmp_path / "bad.xlsx")
    run = gk("import", "xlsx", tmp_path / "bad.xlsx", "-C", cat.root)
    assert run.code == 1 and "社会救助!A1" in run.err and "找不到表头" in run.err


def test_not_an_xlsx(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_bytes(b"not a zip")
    assert gk("import", "xlsx", tmp_path / "x.xlsx", "-C", cat.root).code == 1


def test_uninferable_five_left_for_validate(gk: Callable[..., Run], cat: CatalogDir, xl: Callable[..., Path]) -> None:
    assert gk("import", "xlsx", xl([row(1, "综合业务", "其他事项", "联系地址", channels("政府网站"))]), "--yes",
              "-C", cat.root).code == 0
    text = (cat.root / "items/shjz/SHJZ-002.yaml").read_text(encoding="utf-8")
    assert "五公开" not in text
    run = gk("validate", cat.root)
    assert run.code == 1 and "SHJZ-002" in run.out


def test_export_import_export_is_lossless(gk: Callable[..., Run], bundled: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert gk("export", "xlsx", "-o", first, "-C", bundled).code == 0
    same = gk("import", "xlsx", first, "-C", bundled)
    assert same.code == 0 and "新增 0 项，更新 0 项" in same.out
    for path in (bundled / "items").rglob("*.yaml"):
        path.unlink()
    assert gk("import", "xlsx", first, "--yes", "-C", bundled).code == 0
    assert gk("export", "xlsx", "-o", second, "-C", bundled).code == 0
    assert first.read_bytes() == second.read_bytes()


def test_export_csv(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    assert gk("export", "csv", "-o", tmp_path / "d.csv", "-C", cat.root).code == 0
    text = (tmp_path / "d.csv").read_bytes().decode("utf-8-sig")
    assert text.startswith("领域,序号,一级事项") and "SHJZ-001" in text and "社会救助股" in text
