"""Hostile pass 33 on the reports people read (`report scorecard`, `report annual`, `inspect`, `print`): what the
county office, the inspector and a bureau head read off the screen, the workbook and the HTML page, every figure
counted by hand from the small catalogs below.

1. The scorecard's 按时公开率 and 按时移交率 were rounded half to even on a binary float: 13 of 16 records on time
   (81.25%) read 「81.2%」, where every Chinese form and inspector rounds 四舍五入 to 「81.3%」 (5/16 read 31.2% for
   31.3%). The share is now counted exactly and rounded half up, in the screen table, the HTML page and the xlsx
   workbook alike (and `county`'s tables, which share the same function).
2. The 政府网站工作年度报表's 平均办理时间 of 留言 (`inspect`) had the same fault: four messages answered in 2, 2, 2 and 3
   days (9/4 = 2.25 天) read 「2.2」; now 「2.3」, in the text, JSON, xlsx and HTML sheets.
3. On an 80-column console (cmd.exe's default) the scorecard table cropped its figures to 「100.…」 and 「0.0%…」, and
   the headers to 「负责…」: a bureau head could not read a single rate. Every column now folds onto the next line
   instead of cropping; the unit name and its type stay whole on one line.

Checked and found sound (not defects): a 题名 with <script>, quotes and &amp; escaped in every HTML output of
`print` and `inspect`; the annual report's own text with <script>/<img onerror> escaped in the HTML; a 身份证号 or
手机号 in annual/<year>.yaml refused before any file is written, naming file, line and column; the same catalog
giving byte-identical xlsx, JSON and print folders on a second run; a year with no data printing 「待填写」, never 0.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from conftest import AGENCY, ITEM, RECORD, CatalogDir

# SHJZ-001's 公开时限 is 10 working days from 成文日期 2026-09-01: due 2026-09-15. 13 records published 2026-09-03
# (on time), 3 published 2026-11-02 (late): 13/16 = 81.25% → 81.3% (四舍五入).
ON_TIME, LATE = 13, 3


def _record(number: int, published: str) -> str:
    return (RECORD.replace("R2026-001", f"R2026-{number:03d}")
            .replace("350524-MZ-2026-00001", f"350524-MZ-2026-{number:05d}")
            .replace("测民〔2026〕1号", f"测民〔2026〕{number}号").replace("公开日期: 2026-09-03", f"公开日期: {published}")
            .replace("公示截止: 2026-12-31\n", ""))


@pytest.fixture(scope="module")
def card_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cat = CatalogDir(tmp_path_factory.mktemp("h151") / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    for n in range(1, ON_TIME + LATE + 1):
        cat.record(_record(n, "2026-09-03" if n <= ON_TIME else "2026-11-02"), f"records/2026/R2026-{n:03d}.yaml")
    return cat.root


def _rate(text: str, unit: str) -> str:
    """The 按时公开率 cell of *unit*'s row as a reader reads it: on one line on a wide console, folded over the lines
    of its cell on a narrow one (pytest-xdist's workers run with COLUMNS=80, which the console reads when imported)."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if unit in line)
    cells = [line.split("│")[5].strip() for line in lines[start:start + 4] if line.startswith("│")
             and (line is lines[start] or line.split("│")[1].strip() == "")]
    return "".join(cells)


def test_scorecard_rate_rounds_half_up_in_every_form(gk, card_catalog: Path, tmp_path: Path) -> None:
    run = gk("report", "scorecard", card_catalog, "--year", "2026")
    assert run.code == 0, run.err
    assert _rate(run.out, "社会救助股") == "81.3%（13/16）"
    assert "81.2%" not in run.out
    page = tmp_path / "card.html"
    assert gk("report", "scorecard", card_catalog, "--year", "2026", "-f", "html", "-o", page).code == 0
    assert "<td>81.3%（13/16）</td>" in page.read_text(encoding="utf-8")
    book = tmp_path / "card.xlsx"
    assert gk("report", "scorecard", card_catalog, "--year", "2026", "-f", "xlsx", "-o", book).code == 0
    rows = [list(r) for r in load_workbook(io.BytesIO(book.read_bytes()))["考核表"].iter_rows(values_only=True)]
    shjz = next(r for r in rows if r[0] == "社会救助股")
    assert shjz[:5] == ["社会救助股", "股室", "1", "16", "81.3%（13/16）"]


def test_scorecard_figures_whole_on_an_80_column_console(gk, card_catalog: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    run = gk("report", "scorecard", card_catalog, "--year", "2026")
    assert run.code == 0, run.err
    assert "…" not in run.out  # nothing cropped
    assert all(len(line) <= 80 for line in run.out.splitlines() if line.startswith(("┃", "│", "┏")))
    # the rate, folded over lines of its cell, reads whole when the cells of 社会救助股's rows are put together
    assert _rate(run.out, "社会救助股") == "81.3%（13/16）"
    assert any("社会救助股" in line and "股室" in line for line in run.out.splitlines())


INQUIRY = "编号: ZX-2026-00{n}\n收到日期: 2026-06-0{r}\n渠道: 12345热线\n主题: 咨询低保申请材料\n答复日期: 2026-06-{d}\n承办单位: shjzg\n"


def test_average_days_of_messages_rounds_half_up(gk, cat: CatalogDir, tmp_path: Path) -> None:
    # received on the 1st, 2nd, 3rd and 4th of June; answered 2, 2, 2 and 3 days later: 9 days / 4 = 2.25 → 2.3 天
    for n, (received, answered) in enumerate(((1, "03"), (2, "04"), (3, "05"), (4, "07")), 1):
        cat.write(f"consultations/2026/ZX-2026-00{n}.yaml", INQUIRY.format(n=n, r=received, d=answered))
    run = gk("inspect", cat.root, "--format", "json", "--today", "2026-11-27")
    assert run.code in (0, 1), run.err
    rows = {r["label"]: r for r in json.loads(run.out)["figures"]["rows"]}
    assert rows["收到留言数量"]["value"] == 4
    assert rows["办结留言数量"]["value"] == 4
    assert rows["平均办理时间"]["value"] == 2.3
    text = gk("inspect", cat.root, "--format", "text", "--today", "2026-11-27").out
    assert "互动交流 — 平均办理时间：2.3 天" in text
