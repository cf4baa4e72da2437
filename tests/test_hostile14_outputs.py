"""Every table gongkai writes, fourteenth hostile round: a cell a clerk typed as 「=…」, 「+…」, 「-…」 or 「@…」 is text
when Excel or WPS opens the file, never a formula run on opening (CSV cells get a leading 「'」, xlsx cells are typed
as text), in every CSV and xlsx writer: handover 目录表, the site's open data, portal export, scorecard, inspection."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl

from conftest import ITEM, CatalogDir, Run
from test_handover import add

TITLE = '=HYPERLINK("http://example.com/x","点击查看")测试县民政局关于2026年第三季度低保对象名单的公示'
NUMBER = "@测民〔2026〕1号"


def no_formulas(book: bytes) -> list[str]:
    """The text cells of an xlsx file (every sheet), asserting that none of its cells is a formula."""
    with zipfile.ZipFile(io.BytesIO(book)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name), name
    workbook = openpyxl.load_workbook(io.BytesIO(book))
    return [c.value for ws in workbook.worksheets for row in ws.iter_rows() for c in row if isinstance(c.value, str)]


def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def hostile(cat: CatalogDir) -> None:
    """A record whose 题名 and 文号 start like formulas, an item whose 二级事项 does, a unit whose name does."""
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    path = cat.root / "records/2026/R2026-001.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", f"题名: '{TITLE}'")
                    .replace("文号: 测民〔2026〕1号", f"文号: '{NUMBER}'"), encoding="utf-8")
    cat.item(ITEM.replace("二级事项: 审批信息", "二级事项: '-审批信息'"))
    agency = (cat.root / "gongkai.yaml").read_text(encoding="utf-8")
    cat.write("gongkai.yaml", agency.replace("名称: 社会救助股", "名称: '=社会救助股'"))


def test_the_handover_manifest_never_holds_a_formula(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """Before: the 目录表 the archive opens in Excel ran =HYPERLINK(…) from the record's 题名 (csv and xlsx)."""
    hostile(cat)
    out = tmp_path / "out"
    assert gk("handover", "--date", "2026-09-20", "-C", cat.root, "--out", out).code == 0
    table = rows((out / "dag" / "data" / "manifest.csv").read_bytes())
    row = table[table.index(next(r for r in table if r[0] == "序号")) + 1]
    assert (row[2], row[3]) == ("'" + TITLE, "'" + NUMBER)
    cells = no_formulas((out / "dag" / "data" / "manifest.xlsx").read_bytes())
    assert TITLE in cells and NUMBER in cells


def test_the_sites_open_data_never_holds_a_formula(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    hostile(cat)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    [header, row] = rows((site / "data" / "directory.csv").read_bytes())
    assert row[header.index("二级事项")] == "'-审批信息"
    assert "-审批信息" in no_formulas((site / "data" / "directory.xlsx").read_bytes())


def test_the_portal_export_never_holds_a_formula(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    hostile(cat)
    out = tmp_path / "portal"
    assert gk("export", "portal", cat.root, "--out", out).code == 0
    cells = no_formulas((out / "portal.xlsx").read_bytes())
    assert TITLE in cells and NUMBER in cells


def test_the_scorecard_and_the_inspection_never_hold_a_formula(gk: Callable[..., Run], cat: CatalogDir,
                                                               tmp_path: Path) -> None:
    hostile(cat)
    card = tmp_path / "card.xlsx"
    assert gk("report", "scorecard", cat.root, "-f", "xlsx", "-o", card, "--year", "2026").code == 0
    assert "=社会救助股" in no_formulas(card.read_bytes())
    agency = (cat.root / "gongkai.yaml").read_text(encoding="utf-8")
    cat.write("gongkai.yaml", agency.replace("名称: 测试县民政局", "名称: '=测试县民政局'"))
    sheet = tmp_path / "inspect.xlsx"
    assert gk("inspect", cat.root, "-f", "xlsx", "-o", sheet).code in (0, 1)
    assert any(c.startswith("=测试县民政局") for c in no_formulas(sheet.read_bytes()))


def test_the_directory_csv_export_is_unchanged(gk: Callable[..., Run], cat: CatalogDir, tmp_path: Path) -> None:
    """The one writer that escaped already, now through the shared function: the same cells as before."""
    hostile(cat)
    out = tmp_path / "d.csv"
    assert gk("export", "csv", "-C", cat.root, "-o", out).code == 0
    [header, row] = rows(out.read_bytes())
    assert (row[header.index("二级事项")], row[header.index("责任单位")]) == ("'-审批信息", "'=社会救助股")
