"""Thirty-fifth hostile pass (h163): the handover to the 两馆 seen by the archivist of the 县档案馆 and the librarian of
the 县图书馆 who receive the batches on the 5th and 20th, and by the clerk who makes them (DOMAIN.md §6, §12;
闽政办函〔2016〕42号). The real CLI in-process on small catalogs in tmp dirs; every expected cell, name and file typed
by hand.

Found by this pass (each test named below failed before its fix):
1. A 公示 whose list is a file of its own, named as clerks name it — 「陈水生、林阿妹等2户低保名单.pdf」 — was rightly
   kept from the 图书馆, and its 目录表 (csv, the A4 print page, the xlsx) said so in the 备注 with the file name whole:
   「公示名单（陈水生、林阿妹等2户低保名单.pdf）含个人信息……未送图书馆」. The names went to the one place that keeps
   them open to the public for good, in the very sentence saying they were kept back. The 备注 now names the file
   with the names and numbers masked as the title is (「陈*生、林*妹等2户低保名单.pdf」); the 档案馆 still receives
   the file under its own name. test_a_list_file_named_after_people_is_masked_in_the_librarys_remark.
2. A 台账 edited by hand so that it no longer loads (a SHA-256 retyped with a stray letter, a bracket left open) was
   passed over as if it did not exist: the next `gongkai handover --date 2026-10-08` sent the 两馆 the batch's
   records a second time, the 覆盖期间 pulled back to 9月3日, exit 0 and not a word; `handover verify -C` said
   「目录中没有这一批的台账」 of a ledger that is there. Now the batch stops (exit 1, nothing written, no ledger) with
   the ledger's own error at its line and column and how to restore it, and verify says the ledger does not read,
   where and why. `handover baseline` recorded that batch's records a second time, as sent by hand: it stops too.
   test_a_ledger_that_no_longer_loads_stops_the_next_batch, test_a_ledger_that_no_longer_loads_stops_a_baseline,
   test_verify_says_a_ledger_that_no_longer_loads_is_there_and_broken.
3. A document cut short in the archivist's copy (a copy or download broken off), or changed, was told three times by
   `handover verify -C`, the last time wrongly: 「内容与校验值不符」, 「台账没有记录把这个版本送交」 and 「信息
   R2026-002：台账记录送交的 1 个文件不在包中」 — it is in the bag. The ledger's check now says once that the file
   there differs from the version the ledger recorded; 「不在包中」 only of a document that is not there.
   test_verify_against_the_ledger_says_a_cut_short_file_is_there_and_differs.
4. A 公示 of a cover letter and a list, whose cover letter names the household in its file name (「关于陈水生家庭低保
   的通知.pdf」, its text naming nobody), sent the letter to the 图书馆 under that name: the name on its shelf, in the
   目录表's 电子文件名称 and its 电子文件清单, for good. A file name cannot be masked (「*」 is no letter of a Windows
   file name), so a file whose name gives a name of the list, or a name as a 公示's title gives it, is kept back from
   the 图书馆 like the list (0 paper copies, the ledger's 未送), and the 档案馆 receives it.
   test_a_cover_letter_named_after_the_household_is_kept_from_the_library.
5. A document whose file name has no place to break — the hash-like names an OA system gives its downloads
   (「5f3c2a1b…9b8c.pdf」, 94 letters) — widened the 目录表's print page past A4 landscape: the table and the 电子文件清单
   were 1181 px where the page holds 1032, and the 备注 and 签收 columns fell off the paper. Any cell now wraps where it
   must. test_a_file_name_without_a_break_still_fits_the_a4_print_page (browser).
6. The xlsx's second sheet, the 电子文件清单, was set to A4 landscape only: its six columns (6+24+30+10+14+70
   characters, ≈ 1108 px) are wider than the 987 px A4 landscape holds within Excel's margins, so the SHA-256 column
   printed on a second sheet of paper, and a long file name ran under the checksum beside it. It now prints one page
   wide with its column names atop every page, as the 目录表 sheet does, each cell wrapping.
   test_the_xlsx_file_list_prints_one_a4_page_wide.

Seen and left alone:
- The 页数 of a 公示 the 图书馆 receives in part is the record's (the list's pages too): the catalog registers pages per
  record, not per file; the 纸质份数 and 电子文件 columns say what was received.
- The 题名 of a 公示 that names the household (关于陈水生同志低保资格的公示) is masked in both 馆's 目录表 by the gate
  (陈*生), as on the site; the 档案馆 receives the list itself under the file's own name — it is closed.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from test_handover import add, record
from test_hostile20_handover import LIST_PDF, batch
from tests.conftest import CatalogDir, text_pdf

LETTER = "files/2026/关于低保的通知.pdf"
RUNNING = "含个人信息，按规定公示期满后不再公开（公示期至2026年12月31日），未送图书馆"


def _cover_and_named_list(cat: CatalogDir, name: str) -> None:
    """R2026-001, a 公示 of two files: the cover letter, naming nobody, and the list, in a file named *name*."""
    text = record(1, "2026-09-03", formed="2026-09-01", attach=False)
    cat.write("records/2026/R2026-001.yaml", text + f"附件:\n  - 文件: {LETTER}\n  - 文件: files/2026/{name}\n")
    cat.write(LETTER, text_pdf("经审核，现将2026年第三季度低保对象名单予以公示。"))
    cat.write(f"files/2026/{name}", LIST_PDF)


def _rows(bag: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO((bag / "data/manifest.csv").read_text(encoding="utf-8-sig"))))[6:]


# 1. Named as a 公示's title names a household, or after a name the list holds (LIST_PDF: 陈水生, 林阿妹).
@pytest.mark.parametrize(("name", "shown"), [("陈水生、林阿妹等2户低保名单.pdf", "陈*生、林*妹等2户低保名单.pdf"),
                                             ("名单-陈水生.pdf", "名单-陈*生.pdf")])
def test_a_list_file_named_after_people_is_masked_in_the_librarys_remark(gk, cat, tmp_path, name, shown):
    _cover_and_named_list(cat, name)
    out = tmp_path / "o"
    remark = f"公示名单（{shown}）{RUNNING}"
    batch(gk, cat, "2026-09-20", out)
    # the 图书馆: the cover letter only, and a 备注 that names no one — in the csv, the print page and the xlsx
    assert sorted(p.name for p in (out / "tsg/data/files").rglob("*.pdf")) == ["关于低保的通知.pdf"]
    assert _rows(out / "tsg") == [
        ["1", "350524-MZ-2026-00001", "测试县民政局关于2026年第三季度低保对象名单的公示", "测民〔2026〕1号", "测试县民政局",
         "2026-09-01", "2026-09-03", "2", "2", "关于低保的通知.pdf", "PDF", remark]]
    html = (out / "tsg/data/manifest.html").read_text(encoding="utf-8")
    assert remark in html
    sheets = load_workbook(out / "tsg/data/manifest.xlsx")
    cells = [str(c) for ws in sheets.worksheets for row in ws.iter_rows(values_only=True) for c in row if c]
    assert remark in cells
    for person in ("陈水生", "林阿妹"):
        assert person not in html and person not in "".join(cells), person
        assert person not in (out / "tsg/bag-info.txt").read_text(encoding="utf-8")
        assert not [p for p in (out / "tsg").rglob("*") if person in p.name]
    # the 档案馆 is closed and keeps the record whole: the list under its own name, no 备注
    assert sorted(p.name for p in (out / "dag/data/files").rglob("*.pdf")) == sorted(["关于低保的通知.pdf", name])
    assert _rows(out / "dag")[0][9:] == [f"关于低保的通知.pdf；{name}", "PDF", ""]


# 2.
def _sent_catalog(gk, cat: CatalogDir, tmp_path: Path) -> Path:
    """The catalog's two records sent in the 2026-09-20 batch: the batch's folder."""
    add(cat, 1, "2026-09-03", formed="2026-09-01")
    add(cat, 2, "2026-09-15", formed="2026-09-10")
    out = tmp_path / "sent"
    batch(gk, cat, "2026-09-20", out)
    return out


def _break(ledger: Path, old: str, new: str) -> None:
    text = ledger.read_text(encoding="utf-8")
    assert old in text
    ledger.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("old", "new", "where"), [
    ("sha256: ", "sha256: x", "16:17"),  # a SHA-256 retyped with a stray letter
    ("接收单位: [dag, tsg]", "接收单位: [dag, tsg", "6:7"),  # a bracket left open
])
def test_a_ledger_that_no_longer_loads_stops_the_next_batch(gk, cat, tmp_path, old, new, where):
    _sent_catalog(gk, cat, tmp_path)
    _break(cat.root / "handover/2026-09-20.yaml", old, new)
    out = tmp_path / "next"
    for dry in ((), ("--dry-run",)):
        run = gk("handover", "--date", "2026-10-08", "--today", "2026-10-08", "-C", cat.root, "--out", out, *dry)
        assert run.code == 1, run.out + run.err
        said = run.out + run.err
        assert "handover/2026-09-20.yaml" in said and f"{where} 错误" in said, said
        assert "台账读不出来" in said and "git checkout -- handover/2026-09-20.yaml" in said, said
    assert not out.exists()
    assert sorted(p.name for p in (cat.root / "handover").iterdir()) == ["2026-09-20.yaml"]


def test_a_ledger_that_no_longer_loads_stops_a_baseline(gk, cat, tmp_path):
    _sent_catalog(gk, cat, tmp_path)
    _break(cat.root / "handover/2026-09-20.yaml", "sha256: ", "sha256: x")
    run = gk("handover", "baseline", "--through", "2026-09-25", "-C", cat.root, "--today", "2026-11-27")
    assert run.code == 1, run.out + run.err
    assert "handover/2026-09-20.yaml\n  16:17 错误" in run.err and "没有补登：请先改正上面的台账。" in run.err, run.err
    assert sorted(p.name for p in (cat.root / "handover").iterdir()) == ["2026-09-20.yaml"]


def test_verify_says_a_ledger_that_no_longer_loads_is_there_and_broken(gk, cat, tmp_path):
    sent = _sent_catalog(gk, cat, tmp_path)
    _break(cat.root / "handover/2026-09-20.yaml", "sha256: ", "sha256: x")
    run = gk("handover", "verify", sent, "-C", cat.root)
    assert run.code == 1
    assert run.out.count("台账 handover/2026-09-20.yaml 读不出来（第16行第17列") == 2, run.out  # dag and tsg
    assert "目录中没有这一批的台账" not in run.out


# 3.
def test_verify_against_the_ledger_says_a_cut_short_file_is_there_and_differs(gk, cat, tmp_path):
    sent = _sent_catalog(gk, cat, tmp_path)
    cut = sent / "dag/data/files/R2026-002/R2026-002.pdf"
    cut.write_bytes(cut.read_bytes()[:100])  # the copy broke off
    (sent / "dag/data/files/R2026-001/R2026-001.pdf").unlink()  # and this one is really gone
    run = gk("handover", "verify", sent / "dag", "-C", cat.root)
    assert run.code == 1
    ledger = "台账 handover/2026-09-20.yaml"
    problems = [line.strip() for line in run.out.splitlines() if line.startswith("    ")]
    assert problems[-2:] == [
        f"信息 R2026-001：{ledger} 记录送交的 1 个文件不在包中",
        f"data/files/R2026-002/R2026-002.pdf：内容与{ledger} 记录送交「dag」的版本不同（被改动、不完整或换成了另一个文件）",
    ]
    assert "R2026-002：台账" not in run.out and "没有记录把这个版本" not in run.out


# 4.
def test_a_cover_letter_named_after_the_household_is_kept_from_the_library(gk, cat, tmp_path):
    letter = "files/2026/关于陈水生家庭低保的通知.pdf"
    text = record(1, "2026-09-03", formed="2026-09-01", attach=False)
    cat.write("records/2026/R2026-001.yaml", text + f"附件:\n  - 文件: {letter}\n  - 文件: files/2026/名单.pdf\n")
    cat.write(letter, text_pdf("经审核，现将2026年第三季度低保对象名单予以公示。"))
    cat.write("files/2026/名单.pdf", LIST_PDF)
    out = tmp_path / "o"
    batch(gk, cat, "2026-09-20", out)
    assert not (out / "tsg/data/files").exists()
    assert _rows(out / "tsg") == [
        ["1", "350524-MZ-2026-00001", "测试县民政局关于2026年第三季度低保对象名单的公示", "测民〔2026〕1号", "测试县民政局",
         "2026-09-01", "2026-09-03", "2", "0", "", "", f"公示名单{RUNNING}"]]
    assert "陈水生" not in (out / "tsg/data/manifest.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in (out / "dag/data/files").rglob("*.pdf")) == ["关于陈水生家庭低保的通知.pdf", "名单.pdf"]
    ledger = (cat.root / "handover/2026-09-20.yaml").read_text(encoding="utf-8")
    assert ledger.count("未送: [tsg]") == 2, ledger
    # made again from its ledger: the same bytes
    again = tmp_path / "again"
    batch(gk, cat, "2026-09-20", again)
    for name in ("manifest.csv", "manifest.html", "manifest.xlsx"):
        assert (again / "tsg/data" / name).read_bytes() == (out / "tsg/data" / name).read_bytes(), name


# 5.
OA_NAME = "5f3c2a1b9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c.pdf"
A4_LANDSCAPE_PX = 1032  # 297 mm less the page's 2 × 12 mm margins, at 96 px to the inch


@pytest.mark.browser
def test_a_file_name_without_a_break_still_fits_the_a4_print_page(gk, cat, tmp_path, browser):
    notice = (record(1, "2026-09-03", formed="2026-09-01", attach=False)
              .replace("文种: 公示\n", "文种: 通知\n").replace("公示截止: 2026-12-31\n", ""))
    cat.write("records/2026/R2026-001.yaml", notice + f"附件:\n  - 文件: files/2026/{OA_NAME}\n")
    cat.write(f"files/2026/{OA_NAME}", text_pdf("关于做好低保工作的通知"))
    out = tmp_path / "o"
    batch(gk, cat, "2026-09-20", out)
    assert _rows(out / "dag")[0][9] == OA_NAME
    tab = browser.new_page(viewport={"width": A4_LANDSCAPE_PX, "height": 700})
    try:
        tab.emulate_media(media="print")
        for recipient in ("dag", "tsg"):
            tab.goto((out / recipient / "data/manifest.html").as_uri())
            widths = tab.evaluate("[...document.querySelectorAll('table')].map(t => t.scrollWidth)")
            assert widths and max(widths) <= A4_LANDSCAPE_PX, (recipient, widths)  # both copies, 目录表 and 清单
    finally:
        tab.close()


# 6.
def test_the_xlsx_file_list_prints_one_a4_page_wide(gk, cat, tmp_path):
    _cover_and_named_list(cat, "名单.pdf")
    out = tmp_path / "o"
    batch(gk, cat, "2026-09-20", out)
    for recipient in ("dag", "tsg"):
        sheets = load_workbook(out / recipient / "data/manifest.xlsx").worksheets
        assert [ws.title for ws in sheets] == ["送交信息目录表", "电子文件清单"]
        for ws, titles in zip(sheets, ("$7:$7", "$2:$2")):
            setup = ws.page_setup
            assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, "landscape", 1, 0)
            assert ws.sheet_properties.pageSetUpPr.fitToPage is True
            assert ws.print_title_rows == titles
        files = sheets[1]
        assert files.cell(3, 3).value == "关于低保的通知.pdf" and files.cell(3, 3).alignment.wrap_text
