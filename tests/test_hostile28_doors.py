"""Hostile pass 28 (h131): every door out — the gate against every output a person reads besides the site.

How the pass was run: a catalog holding an 18-digit ID and a mobile (plain, full-width, in Chinese numerals, spaced,
dashed, split by zero-width spaces, split over two lines of a 正文) in each field a door shows — an item's 一级事项,
公开主体, 公开内容, 空白说明; gongkai.yaml's 机关名称, 单位名称, 领导; a record's 题名, 文号, 正文, 保密审查, an
attachment's name and its content (a PDF's text, a docx's properties, header and table, an xlsx's comment, hidden sheet,
hidden column, properties, defined name, number cell, page header, an ID one digit to a cell) — and a 不予公开 record,
one published later and one whose 公示 has ended; then every door: validate (text, json, github, sarif), diff and log
(text, markdown, json; the commit message and author), print, wechat, export xlsx/csv/portal, report scorecard
(table, xlsx, html) and annual, inspect (text, json, html, xlsx), county, handover, build-site, mask; every printed
line and every file written (zip members unpacked) grepped for the numbers, and scanned with the output scan.

Found sound (no test added: earlier passes hold them): every printed line goes through the masked console; diff and
log mask what they quote (the commit message and author too) and say nothing of a record that is not 主动公开; the
files of print, wechat, export, the annual report, county, handover and build-site are scanned before they are written.

Found by this pass:
1. `gongkai inspect -f html|xlsx|json|text -o 文件`: a number typed into gongkai.yaml's 机关名称 (GK601/GK602 in
   validate) went out in full in the sheet's title — its evidence and notes were masked, the agency's name was not,
   and only the screen's masking ever saw it. Now the sheet masks its name (138****1234 in every format), and what
   inspect writes is scanned as every other output before it is written (as `report scorecard`'s files now are too).
2. `gongkai mask 申请表.xlsx` (or .csv) on a form whose 身份证号 is written one digit to a cell answered 「没有发现需要
   遮盖的个人信息」, exit 0 — while validate refuses the same file as an attachment (GK601, 「一格一个字」): mask's
   check of what it leaves read the cells one by one, not along the rows as the gate reads an attachment. Now mask
   lists it (「未能遮盖 …第2行（一格一个字）：身份证号 11*************02X」) and exits 1, saying how to fix it.
   (Round 29: mask now rewrites such a number, a 「*」 to each box in its mask's middle.)
3. The same check missed two masks of one number that together show more than the masking format (3505**********1236
   in one cell, 3505241985******** in another: 3505241985****1236 to a reader of both), which validate refuses (masks
   read together): mask said the file was clean. Now listed, exit 1 — in an xlsx, a csv and a Markdown list alike.
4. `gongkai county 人社局 民政局`: when one department's gongkai.yaml held a number in its 机关名称 or a 股室's name,
   the county wrote nothing for any department (「生成的文件中有未遮盖的个人信息，没有写入任何文件」): the names went
   into the rows, sheet names and directory titles unmasked and the last scan refused all three workbooks — what
   _personal_items exists to prevent for an item. Now the department's name, its 股室 names and each 领域's title
   are masked where the directory table and the county show them (as the scorecard masks them), and every
   department's outputs are written.
5. `gongkai handover` with such a 机关名称 (or 移交 联系人) stopped — rightly — but named ten output files
   (「dag/data/manifest.xlsx（docProps/core.xml 第1行）」…) and not the line to fix, and left an empty handover/ folder in
   the catalog. Now it stops before writing anything: 「gongkai.yaml 第2行第7列「机关」「名称」：手机号码「138****1234」」.

Expected values are typed by hand: DOMAIN.md §7's masking format (first 2 and last 3 of an ID, 138****1234).
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from conftest import AGENCY, CatalogDir, Run

ID = "11010519491231002X"  # DOMAIN.md §7's valid example
MOBILE = "13805951234"
NAMED = AGENCY.replace("  名称: 测试县民政局\n", f"  名称: 测试县民政局（联系人何隆遐{MOBILE}）\n", 1)


def _text_of(path: Path) -> str:
    """Every text a reader of *path* can reach: the file; a workbook's members and its cells as Excel shows them."""
    data = path.read_bytes()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        return data.decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        members = [book.read(name).decode("utf-8", "replace") for name in book.namelist()]
    cells = [str(c.value) for sheet in openpyxl.load_workbook(io.BytesIO(data)) for row in sheet.iter_rows()
             for c in row if c.value is not None]
    return "\n".join(members + cells)


# ---------------------------------------------------------------- 1. inspect's files


@pytest.fixture(scope="module")
def inspected(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[int, str, Path]]:
    """inspect on 2026-11-27 of a catalog whose 机关名称 holds the contact's mobile, written in each format."""
    from conftest import ITEM, RECORD
    from gongkai.cli import main

    root = tmp_path_factory.mktemp("named")
    cat = CatalogDir(root / "catalog")
    cat.write("gongkai.yaml", NAMED)
    cat.item(ITEM)
    cat.record(RECORD)
    made: dict[str, tuple[int, str, Path]] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", "2026-11-27")
        for form in ("html", "xlsx", "json", "text"):
            target = root / f"inspect.{form}"
            code = main(["inspect", str(cat.root), "-f", form, "-o", str(target)])
            made[form] = (code, "", target)
    return made


@pytest.mark.parametrize("form", ["html", "xlsx", "json", "text"])
def test_inspect_writes_the_agency_name_masked(inspected: dict[str, tuple[int, str, Path]], form: str) -> None:
    """Before: 「测试县民政局（联系人何隆遐13805951234）」 in full in the html's and the workbook's title. Now masked, as
    validate shows it (GK602), in every format written."""
    code, _, target = inspected[form]
    assert code in (0, 1) and target.is_file(), (form, code)
    text = _text_of(target)
    assert MOBILE not in text and "0595" + "1234" not in text, form
    assert "测试县民政局（联系人何隆遐138****1234）" in text, form


def test_inspect_on_the_screen_is_masked_as_before(gk: Callable[..., Run], cat: CatalogDir) -> None:
    cat.write("gongkai.yaml", NAMED)
    run = gk("inspect", cat.root, "-f", "json")
    assert run.code in (0, 1), run.err
    assert json.loads(run.out)["agency"] == "测试县民政局（联系人何隆遐138****1234）"
    assert MOBILE not in run.out + run.err


# ---------------------------------------------------------------- 4. county: one department's gongkai.yaml


def test_county_writes_every_department_when_one_names_itself_with_a_number(gk: Callable[..., Run],
                                                                             tmp_path: Path) -> None:
    """Before: `gongkai county 人社局 民政局` stopped with 「生成的文件中有未遮盖的个人信息，没有写入任何文件」 — the
    民政局's 机关名称 (and a 股室's name) holding the contact's mobile went into the department's rows, sheet and
    directory title unmasked, and the output scan refused all three workbooks, every department's. Now the names
    are masked where they are shown and the county's workbooks are written (exit 0)."""
    from conftest import ITEM, RECORD

    for folder, agency in (("rsj", AGENCY.replace("测试县民政局", "测试县人社局")),
                           ("mzj", NAMED.replace("    名称: 社会救助股\n", f"    名称: 社会救助股（{MOBILE}）\n"))):
        cat = CatalogDir(tmp_path / folder)
        cat.write("gongkai.yaml", agency)
        cat.item(ITEM)
        cat.record(RECORD)
    out = tmp_path / "county"
    run = gk("county", tmp_path / "rsj", tmp_path / "mzj", "--year", "2026", "--out", out)
    assert run.code == 0, run.out + run.err
    assert MOBILE not in run.out + run.err
    texts = {name: _text_of(out / name) for name in ("scorecard-2026.xlsx", "review-2026.xlsx", "annual-2026.xlsx")}
    for name, text in texts.items():
        assert MOBILE not in text, name
        assert "测试县民政局（联系人何隆遐138****1234）" in text and "测试县人社局" in text, name
    review = texts["review-2026.xlsx"]
    assert "测试县民政局（联系人何隆遐138****1234）社会救助领域基层政务公开标准目录" in review
    assert "社会救助股（138****1234）" in review


# ---------------------------------------------------------------- 5. handover: what the bags show of gongkai.yaml


def test_a_handover_names_the_line_of_gongkai_yaml_that_stops_it(gk: Callable[..., Run], cat: CatalogDir,
                                                                 tmp_path: Path) -> None:
    """Before: 「输出中发现未遮盖的个人信息……dag/data/manifest.xlsx（docProps/core.xml 第1行）：手机号码…」, ten lines
    naming the manifests, the csv, the html and bag-info.txt of both bags — nothing the clerk can open and fix — and an
    empty handover/ folder left in the catalog. Now the batch stops before anything is written, naming gongkai.yaml's
    line and column (机关名称 is line 2, its value starts at column 7)."""
    cat.write("gongkai.yaml", NAMED)
    out = tmp_path / "bags"
    run = gk("handover", "--date", "2026-11-20", "-C", cat.root, "--out", out, "--allow-incomplete")
    assert run.code == 1, run.out + run.err
    assert ("gongkai.yaml 第2行第7列「机关」「名称」：手机号码「138****1234」" in run.err), run.err
    assert "manifest" not in run.err and MOBILE not in run.out + run.err
    assert not out.exists() and not (cat.root / "handover").exists()


# ---------------------------------------------------------------- 2, 3. mask: what it leaves, as the gate reads it


def _boxed_form(path: Path) -> Path:
    """A 申请表 whose 身份证号 row has one digit to a cell (the last the check digit X)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "张三"])
    sheet.append(["身份证号", *ID])
    book.save(path)
    return path


def test_mask_masks_an_id_written_one_digit_to_a_cell(gk: Callable[..., Run], tmp_path: Path) -> None:
    """Before: 「申请表.xlsx：没有发现需要遮盖的个人信息。」, exit 0, while validate refuses it as an attachment; then (round
    28) listed as left, exit 1. Now (round 29, test_hostile29_lead.py) each box in the mask's middle takes a 「*」."""
    form = _boxed_form(tmp_path / "form.xlsx")
    run = gk("mask", form)
    assert run.code == 0, run.out + run.err
    assert "form.xlsx Sheet!第2行（一格一个字）：身份证号 → 11*************02X" in run.out
    assert "没有发现" not in run.out and ID not in run.out
    assert [c.value for c in openpyxl.load_workbook(form).active[2]] == ["身份证号", "1", "1", *"*" * 13, "0", "2", "X"]


def test_mask_masks_an_id_one_digit_to_a_csv_cell(gk: Callable[..., Run], tmp_path: Path) -> None:
    form = tmp_path / "form.csv"
    form.write_text("姓名,身份证号\n张三," + ",".join(ID) + "\n", encoding="utf-8")
    run = gk("mask", form)
    assert run.code == 0, run.out
    assert "form.csv 第1行（一格一个字）：身份证号 → 11*************02X" in run.out
    assert form.read_text("utf-8") == "姓名,身份证号\n张三,1,1," + ",".join("*" * 13) + ",0,2,X\n"


def test_the_gate_refuses_the_same_form_as_an_attachment(gk: Callable[..., Run], cat: CatalogDir) -> None:
    """What mask now says agrees with validate on the same file."""
    from conftest import RECORD

    (cat.root / "files").mkdir()
    _boxed_form(cat.root / "files" / "form.xlsx")
    cat.record(RECORD.replace("页数: 1", "页数: 1\n附件:\n  - 文件: files/form.xlsx\n    名称: 申请表"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "GK601" in run.out and "（一格一个字）" in run.out and "11*************02X" in run.out


TWO_MASKS = ("3505**********1236", "3505241985********")  # together: 3505241985****1236 (ID 350524198503151236)


def test_mask_lists_two_masks_of_one_number_in_a_workbook(gk: Callable[..., Run], tmp_path: Path) -> None:
    """Before: 「没有发现需要遮盖的个人信息」, exit 0."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名", "身份证号"])
    sheet.append(["张三", TWO_MASKS[0]])
    sheet.append(["备注", f"张三 {TWO_MASKS[1]}"])
    book.save(tmp_path / "list.xlsx")
    run = gk("mask", tmp_path / "list.xlsx")
    assert run.code == 1, run.out
    assert "的遮盖合起来：身份证号 35*************236" in run.out
    assert "没有发现" not in run.out


@pytest.mark.parametrize("name, text", [
    ("list.csv", f"姓名,身份证号\n张三,{TWO_MASKS[0]}\n李四,{TWO_MASKS[1]}\n"),
    ("list.md", f"| 姓名 | 身份证号 |\n|---|---|\n| 张三 | {TWO_MASKS[0]} |\n| 张三 | {TWO_MASKS[1]} |\n"),
])
def test_mask_lists_two_masks_of_one_number_in_a_list(gk: Callable[..., Run], tmp_path: Path, name: str,
                                                      text: str) -> None:
    (tmp_path / name).write_text(text, encoding="utf-8")
    run = gk("mask", tmp_path / name)
    assert run.code == 1, run.out
    assert "的遮盖合起来：身份证号 35*************236" in run.out


def test_mask_still_masks_and_says_so(gk: Callable[..., Run], tmp_path: Path) -> None:
    """The ordinary list is unchanged: masked in place, exit 0; run again, nothing left."""
    path = tmp_path / "list.csv"
    path.write_text(f"姓名,身份证号,电话\n张三,{ID},{MOBILE}\n", encoding="utf-8")
    run = gk("mask", path)
    assert run.code == 0, run.out
    assert path.read_text(encoding="utf-8") == "姓名,身份证号,电话\n张三,11*************02X,138****1234\n"
    again = gk("mask", path)
    assert (again.code, again.out.strip()) == (0, "list.csv：没有发现需要遮盖的个人信息。")
