"""Thirtieth hostile pass: bugs planted in what the archivists receive (the 送交信息目录表 and its BagIt bag) and in
the catalog's history (gongkai diff, gongkai log) must make a test fail.

No mutation group covered handover/bag.py and handover/manifest.py, nor catalog/gitsource.py, diff/revisions.py,
history.py and diff/render.py; tools/mutation.py now has the groups "handover_out" and "history" (docs/mutation.md,
thirtieth pass). Every expected value below is typed by hand from the records written here: the rows of the 目录表
(序号, 索引号, 题名, 文号, 责任者, 成文日期, 公开日期, 页数, 纸质份数, 电子文件名称, 电子文件格式, 备注), the files of each
bag, bag-info.txt, verify's lines, the lines and JSON of the diff and the log. The bags are checked with the `bagit`
library itself; a file's size and SHA-256 are those of the bytes written into the catalog here.

Found by this pass (1-4 in `gongkai handover verify`, the archivists' check of what they received):
1. A tag file saved by Notepad in another encoding — bag-info.txt with a line added in GBK (「ANSI」), bagit.txt saved
   as UTF-16 (「Unicode」), or a bagit.txt declaring Tag-File-Character-Encoding: GBK — stopped verify with exit 3
   (「内部错误」, a UnicodeDecodeError inside bagit) before any bag of the batch was reported. Now the file is named
   (「bag-info.txt 不是 UTF-8 编码（多见于用记事本打开后另存为 ANSI 或 Unicode……）」), the bag fails, the others are
   checked.
2. A Payload-Oxum without its dot (「Payload-Oxum: 12」) or a line of fetch.txt without its three parts stopped verify
   with exit 3 (a ValueError inside bagit); a Payload-Oxum edited to other figures was reported in bagit's English
   (「校验失败：Payload-Oxum validation failed. Expected 1 files and 100 bytes but found 6 files …」), and the file that
   changed, bag-info.txt, was not named though the tag manifest records its checksum. Now: 「bag-info.txt 中的
   Payload-Oxum（文件数和字节数）无效」, 「fetch.txt 中有一行不是「网址 大小 文件名」」, bag-info.txt named like a document
   (「内容与校验值不符（应为…，实为…）」) and, when the tag manifest was made again too, the figures in Chinese
   (「Payload-Oxum 记录 1 个文件、100 字节，包中实有 6 个文件、… 字节」). No English of bagit's is shown any more: each
   message it raises is translated, one not foreseen is 「包的说明文件或校验清单有误」.
3. A link to nothing in a bag's data/ stopped the whole verify with 「错误：无法读写文件」 (exit 2), the other bags
   unchecked; a bagit.txt saved by Notepad with a byte-order mark was 「校验失败：bagit.txt must not contain a
   byte-order mark」. Now the link is a finding of its bag (「data/说明.pdf：无法读取（指向不存在的文件的链接……）」), and
   a BOM is named: a problem in bagit.txt (the BagIt standard forbids it there), a note in bag-info.txt (the rest of
   it unchanged, as for line endings).
4. A line of bag-info.txt that is not 「名称: 值」 was quoted cut at its last 「/」 (every part of bagit's message holding a
   「/」 was taken for a path): 「备注 原件见 data/files 文件夹」 read 「files 文件夹」, a line the archivist could
   not find. Now the line is quoted as written (the output is masked as every command's is).
5. (gongkai diff) The attachment of a record that is not 主动公开 was named by its record (「R2026-003 的附件（非主动公开，
   文件名不显示）」) only when the record's own file was in the diff too. Replaced alone — the usual way a scan is
   corrected — its file name (「files/2026/林某信访材料.pdf」) was shown in the terminal, in the Markdown a pull request's
   comment posts and in the JSON. Now the unchanged records that list an attachment changed alone are read as well.

The tests also hold, at the CLI or at the function it calls (write_bag, on the batch `handover` plans), each place a
planted bug in these modules (or a mutant that survived the first screen, docs/mutation.md) changes what an archivist
or a reviewer sees: every cell of the 目录表 in CSV, XLSX and the A4 page for a 馆 that takes lists and one that does not
(its 纸质份数 0 and its 备注), a record without 文号, with its own 责任者, with two files or none; the 电子文件清单 with each
file's size and SHA-256; the workbook's merges, print titles, widths, fonts, page set-up and maker; an empty batch in
each form; a 题名 holding markup escaped on the page; the 依申请公开 record and the record published after the batch day
absent from every file of both bags; the bags valid for bagit with exactly the files of their rows; bag-info.txt field
by field; the sorted tag manifest; the batch made again identical byte for byte; verify's lines for a file missing,
changed, added or renamed, for a bag that lost bagit.txt (and a folder that never was a bag), for a bagit.txt bagit
cannot open; verify against the ledger for a file replaced, removed or withheld from a 馆 in a bag whose checksum lists
were made again, a renamed folder, an unknown recipient or batch. For the history: a substantive edit of an item and a
textual one of a record; a renumbered record as one change (moved, 编号 old → new) in text and JSON; an item removed
and one added in the Markdown of a pull request; a number typed into a record masked in text, Markdown and JSON; the
log of a record through its new number, skipping a commit that did not touch it, in text, JSON and Markdown.

Planted by hand (each made a test below fail, then reverted): each fix of this pass reverted — bagit's UnicodeError,
ValueError and OSError let through at the opening and at the validation, tag files left out of the comparison, the
Payload-Oxum figures, the malformed Payload-Oxum and fetch.txt read as 「有误」, the link named at no file, the BOM not
taken off, the BOM in bagit.txt made a note, every tag file read in UTF-8 whatever bagit.txt declares, a quoted
line cut at its last 「/」 again, the records listing an attachment changed alone not read.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import bagit
import pytest
from openpyxl import load_workbook

from gongkai.catalog import Catalog, load_catalog
from gongkai.cli import main
from gongkai.handover.bag import write_bag
from gongkai.handover.plan import Batch
from gongkai.handover.run import prepare
from tests.conftest import AGENCY, ITEM, CatalogDir, text_pdf

# ---------------------------------------------------------------- the catalog handed over on 2026-09-20

SHJZ_002 = """\
编号: SHJZ-002
领域: 社会救助
五公开: 决策公开
一级事项: 社会救助政策
二级事项: 政策文件
公开内容:
  - 社会救助政策文件及解读
公开依据:
  - 《社会救助暂行办法》（国务院令第649号）
公开时限: 制定或获取信息之日起20个工作日内
公开主体: 县级人民政府民政部门
公开渠道: [政府网站]
公开对象: 全社会
公开方式: 主动
公开层级: [县级]
责任单位: shjzg
"""

REVIEW = """\
保密审查:
  审查人: 李四
  审查日期: {formed}
  结论: 不涉及国家秘密，同意主动公开
"""

# R2026-001: a 公示 of a list of people (item SHJZ-001), two PDF files: the 档案馆 receives both, the 图书馆 neither
R1 = """\
编号: R2026-001
题名: 测试县民政局关于2026年第三季度低保对象名单的公示
文号: 测民〔2026〕11号
索引号: 350524-MZ-2026-00001
文种: 公示
责任单位: shjzg
事项: SHJZ-001
公开属性: 主动公开
""" + REVIEW.format(formed="2026-09-01") + """\
成文日期: 2026-09-01
公开日期: 2026-09-03
公示截止: 2026-12-31
页数: 4
正文: |
  经审核，现将名单予以公示。
附件:
  - 文件: files/2026/R2026-001.pdf
  - 文件: files/2026/R2026-001-md.pdf
"""

# R2026-002: no 文号, its own 责任者, one file: both 馆 receive it
R2 = """\
编号: R2026-002
题名: 测试县社会救助政策解读
索引号: 350524-MZ-2026-00002
文种: 通知
责任单位: shjzg
责任者: 测试县人民政府办公室
事项: SHJZ-002
公开属性: 主动公开
""" + REVIEW.format(formed="2026-09-10") + """\
成文日期: 2026-09-10
公开日期: 2026-09-15
页数: 7
正文: |
  政策解读。
附件:
  - 文件: files/2026/R2026-002.pdf
"""

# R2026-003: 依申请公开 — never handed over, neither its row nor its file nor its title
R3 = """\
编号: R2026-003
题名: 关于某申请人的答复
文号: 测民〔2026〕33号
文种: 通知
责任单位: shjzg
事项: SHJZ-002
公开属性: 依申请公开
""" + REVIEW.format(formed="2026-09-02") + """\
成文日期: 2026-09-02
公开日期: 2026-09-04
页数: 1
附件:
  - 文件: files/2026/R2026-003.pdf
"""

# R2026-004: no file at all (sent with --allow-incomplete: its row says so, its paper copies still go)
R4 = """\
编号: R2026-004
题名: 测试县临时救助工作规程
文号: 测民〔2026〕44号
索引号: 350524-MZ-2026-00004
文种: 通知
责任单位: shjzg
事项: SHJZ-002
公开属性: 主动公开
""" + REVIEW.format(formed="2026-09-16") + """\
成文日期: 2026-09-16
公开日期: 2026-09-18
页数: 12
正文: |
  工作规程。
"""

# R2026-005: published the day after the batch day: the next batch's
R5 = R2.replace("R2026-002", "R2026-005").replace("00002", "00005").replace("政策解读", "救助资金管理办法") \
    .replace("2026-09-15", "2026-09-21")

PDFS = {"R2026-001.pdf": text_pdf("notice one"), "R2026-001-md.pdf": text_pdf("list of people one", "page two"),
        "R2026-002.pdf": text_pdf("policy two"), "R2026-003.pdf": text_pdf("reply three"),
        "R2026-005.pdf": text_pdf("fund five")}


def write_catalog(root: Path) -> CatalogDir:
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.write("items/shjz/SHJZ-002.yaml", SHJZ_002)
    for number, text in enumerate((R1, R2, R3, R4, R5), 1):
        cat.write(f"records/2026/R2026-00{number}.yaml", text)
    for name, data in PDFS.items():
        cat.write(f"files/2026/{name}", data)
    return cat


def cli(*args: object) -> int:
    """The real CLI in this process, today pinned to the batch day."""
    saved = os.environ.get("GONGKAI_TODAY")
    os.environ["GONGKAI_TODAY"] = "2026-09-20"
    try:
        return main([str(a) for a in args])
    finally:
        if saved is None:
            os.environ.pop("GONGKAI_TODAY")
        else:
            os.environ["GONGKAI_TODAY"] = saved


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(catalog root, batch folder) of the batch of 2026-09-20, made that day. Read only: copy before changing."""
    base = tmp_path_factory.mktemp("sent")
    cat = write_catalog(base / "catalog")
    out = base / "out"
    assert cli("handover", "--date", "2026-09-20", "--today", "2026-09-20", "-C", cat.root, "--out", out,
               "--allow-incomplete") == 0
    return cat.root, out


@pytest.fixture(scope="module")
def planned(sent: tuple[Path, Path]) -> tuple[Catalog, Batch]:
    """The same batch planned again from its ledger, as `gongkai handover --date 2026-09-20` does to make it again."""
    catalog = load_catalog(sent[0])
    return catalog, prepare(catalog, dt.date(2026, 9, 20), allow_incomplete=True, today=dt.date(2026, 9, 20))


def bag_of(planned: tuple[Catalog, Batch], recipient: str, tmp_path: Path) -> Path:
    """The recipient's bag written in this test by the function `gongkai handover` writes it with (mutmut counts the
    code a module fixture runs for no test but the first: each test here runs it itself)."""
    catalog, batch = planned
    folder = tmp_path / recipient
    write_bag(folder, catalog, batch, next(r for r in batch.settings.recipients if r.id == recipient))
    return folder


def test_the_batch_made_again_is_the_batch_delivered_byte_for_byte(sent, planned, tmp_path):
    for recipient in ("dag", "tsg"):
        made = bag_of(planned, recipient, tmp_path)
        files = sorted(p.relative_to(made).as_posix() for p in made.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(sent[1] / recipient).as_posix()
                               for p in (sent[1] / recipient).rglob("*") if p.is_file())
        for name in files:
            assert (made / name).read_bytes() == (sent[1] / recipient / name).read_bytes(), name


def copy_of(out: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy"
    shutil.copytree(out, target)
    return target


# the 目录表 as typed from the records above: 序号, 索引号, 题名, 文号, 责任者, 成文日期, 公开日期, 页数, 纸质份数,
# 电子文件名称, 电子文件格式, 备注
HEADER_ROWS = [["送交单位", "测试县民政局"], ["接收单位", "测试县档案馆"],
               ["批次", "2026-09-20（覆盖2026年9月3日至2026年9月20日公开的信息）"],
               ["联系人", "张三"], ["联系电话", "0595-23000000"]]
COLUMNS = ["序号", "索引号", "题名", "文号", "责任者", "成文日期", "公开日期", "页数", "纸质份数", "电子文件名称",
           "电子文件格式", "备注"]
WITHHELD = "公示名单含个人信息，按规定公示期满后不再公开（公示期至2026年12月31日），未送图书馆"
DAG_ROWS = [
    ["1", "350524-MZ-2026-00001", "测试县民政局关于2026年第三季度低保对象名单的公示", "测民〔2026〕11号", "测试县民政局",
     "2026-09-01", "2026-09-03", "4", "2", "R2026-001.pdf；R2026-001-md.pdf", "PDF", ""],
    ["2", "350524-MZ-2026-00002", "测试县社会救助政策解读", "", "测试县人民政府办公室",
     "2026-09-10", "2026-09-15", "7", "2", "R2026-002.pdf", "PDF", ""],
    ["3", "350524-MZ-2026-00004", "测试县临时救助工作规程", "测民〔2026〕44号", "测试县民政局",
     "2026-09-16", "2026-09-18", "12", "2", "", "", "缺电子文件"],
]
TSG_ROWS = [
    ["1", "350524-MZ-2026-00001", "测试县民政局关于2026年第三季度低保对象名单的公示", "测民〔2026〕11号", "测试县民政局",
     "2026-09-01", "2026-09-03", "4", "0", "", "", WITHHELD],
    DAG_ROWS[1],
    DAG_ROWS[2],
]


def sha(name: str) -> str:
    return hashlib.sha256(PDFS[name]).hexdigest()


# the 电子文件清单: 序号 (of the record's row), 索引号, 电子文件名称, 电子文件格式, 大小（字节）, SHA-256 — the size and
# checksum of each file as written into the catalog above
def listed(number: str, index: str, name: str) -> list[str]:
    return [number, index, name, "PDF", str(len(PDFS[name])), sha(name)]


DAG_FILES = [listed("1", "350524-MZ-2026-00001", "R2026-001.pdf"),
             listed("1", "350524-MZ-2026-00001", "R2026-001-md.pdf"),
             listed("2", "350524-MZ-2026-00002", "R2026-002.pdf")]
TSG_FILES = [listed("2", "350524-MZ-2026-00002", "R2026-002.pdf")]


# ---------------------------------------------------------------- the 目录表 in its three forms


@pytest.mark.parametrize(("recipient", "name", "rows"), [("dag", "测试县档案馆", DAG_ROWS), ("tsg", "测试县图书馆", TSG_ROWS)])
def test_the_csv_holds_the_header_the_columns_and_one_row_per_record_sent(planned, tmp_path, recipient, name, rows):
    text = (bag_of(planned, recipient, tmp_path) / "data/manifest.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf")  # Excel on Windows reads the Chinese
    read = list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))
    header = [row[:] for row in HEADER_ROWS]
    header[1][1] = name
    assert read == [*header, COLUMNS, *rows]


@pytest.mark.parametrize(("recipient", "name", "rows", "files"),
                         [("dag", "测试县档案馆", DAG_ROWS, DAG_FILES), ("tsg", "测试县图书馆", TSG_ROWS, TSG_FILES)])
def test_the_workbook_holds_the_same_rows_and_a_list_of_files_with_their_checksums(planned, tmp_path, recipient, name,
                                                                                  rows, files):
    book = load_workbook(bag_of(planned, recipient, tmp_path) / "data/manifest.xlsx")
    assert book.sheetnames == ["送交信息目录表", "电子文件清单"]
    sheet = book["送交信息目录表"]
    cells = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    header = [f"{label}：{value}" for label, value in HEADER_ROWS]
    header[1] = f"接收单位：{name}"
    assert [row[0] for row in cells[:6]] == ["送交信息目录表", *header]
    assert all(row[1:] == [""] * 11 for row in cells[:6])
    assert cells[6] == COLUMNS
    assert cells[7:10] == rows
    assert cells[10:] == [[""] * 12, ["送交人（签名）：＿＿＿＿＿＿　　接收人签收：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿"] + [""] * 11]
    # the title, the five header lines and the footer span the twelve columns; the column header repeats on each page
    assert sorted(str(r) for r in sheet.merged_cells.ranges) == sorted(
        ["A1:L1", "A2:L2", "A3:L3", "A4:L4", "A5:L5", "A6:L6", "A12:L12"])
    assert sheet.print_title_rows == "$7:$7"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9  # A4
    assert all((b.left.style, b.right.style, b.top.style, b.bottom.style) == ("thin",) * 4  # every cell boxed
               for b in (sheet.cell(r, c).border for r in range(7, 11) for c in range(1, 13)))
    assert sheet.cell(11, 1).border.left.style is None  # the blank line before the footer has no box
    listed = [[str(v) for v in row] for row in book["电子文件清单"].iter_rows(values_only=True)]
    assert listed[0][0] == "电子文件清单"
    assert listed[1] == ["序号", "索引号", "电子文件名称", "电子文件格式", "大小（字节）", "SHA-256 校验值"]
    assert listed[2:] == files


def html_cells(page: str, table: str) -> list[list[str]]:
    """The cells of each body row of the first table of class *table* on the page."""
    body = re.search(rf'<table class="{table}">.*?<tbody>(.*?)</tbody>', page, re.S)
    assert body is not None
    return [re.findall(r"<td[^>]*>(.*?)</td>", row, re.S) for row in re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S)]


@pytest.mark.parametrize(("recipient", "rows", "files"), [("dag", DAG_ROWS, DAG_FILES), ("tsg", TSG_ROWS, TSG_FILES)])
def test_the_print_page_holds_two_copies_of_the_same_rows(planned, tmp_path, recipient, rows, files):
    page = (bag_of(planned, recipient, tmp_path) / "data/manifest.html").read_text(encoding="utf-8")
    assert page.count('<section class="copy">') == 2
    assert "第一联　接收单位留存" in page and "第二联　签收后退回送交单位" in page
    assert html_cells(page, "rows") == rows
    assert html_cells(page, "rows files") == files
    assert page.count("<h2>电子文件清单</h2>") == 2
    assert "<title>送交信息目录表：测试县民政局 → 测试县" in page and "（2026-09-20）</title>" in page
    for sign in ("送交人（签名）：", "接收人签收：", "日期："):
        assert f'<div class="sign">{sign}</div>' in page
    assert "<dt>批次</dt><dd>2026-09-20（覆盖2026年9月3日至2026年9月20日公开的信息）</dd>" in page


def test_the_workbook_is_set_for_printing_and_names_its_maker(planned, tmp_path):
    book = load_workbook(bag_of(planned, "dag", tmp_path) / "data/manifest.xlsx")
    sheet = book["送交信息目录表"]
    title = sheet.cell(1, 1)
    assert (title.font.size, title.font.bold, title.alignment.horizontal) == (16, True, "center")
    assert sheet.cell(2, 1).font.size != 16 and not sheet.cell(2, 1).font.bold
    assert [sheet.column_dimensions[c].width for c in "ABCDEFGHIJKL"] == [6, 24, 44, 18, 16, 12, 12, 6, 8, 30, 10, 24]
    assert (sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) \
        == (True, 1, 0)
    assert all(sheet.cell(7, c).alignment.wrap_text and sheet.cell(9, c).alignment.vertical == "center"
               for c in range(1, 13))
    files = book["电子文件清单"]
    assert (files.cell(1, 1).font.size, files.cell(1, 1).font.bold) == (14, True)
    assert [files.column_dimensions[c].width for c in "ABCDEF"] == [6, 24, 30, 10, 14, 70]
    assert files.page_setup.orientation == "landscape" and files.page_setup.paperSize == 9  # A4
    assert book.properties.creator == "测试县民政局"
    assert book.properties.created == book.properties.modified == dt.datetime(2026, 9, 20)


@pytest.mark.parametrize(("settings", "org", "contact"), [
    ({"contact": "王五", "phone": "0595-23111111"}, {}, ("王五", "0595-23111111")),  # the 移交's own contact first
    ({}, {"contact": None, "phone": None}, None),  # none written: no empty line in bag-info.txt
])
def test_the_contact_of_the_handover_comes_before_the_bureau_s_and_none_is_left_out(planned, tmp_path, settings, org,
                                                                                     contact):
    catalog, batch = planned
    agency = batch.agency.model_copy(update={"org": batch.agency.org.model_copy(update=org),
                                             "handover": batch.settings.model_copy(update=settings)})
    folder = tmp_path / "dag"
    write_bag(folder, catalog, replace(batch, agency=agency), batch.settings.recipients[0])
    info = (folder / "bag-info.txt").read_text(encoding="utf-8").splitlines()
    read = list(csv.reader(io.StringIO((folder / "data/manifest.csv").read_text(encoding="utf-8-sig"))))
    if contact is None:
        assert not [line for line in info if line.startswith("Contact-")]
        assert read[3:5] == [["联系人", ""], ["联系电话", ""]]
    else:
        assert [line for line in info if line.startswith("Contact-")] == [f"Contact-Name: {contact[0]}",
                                                                         f"Contact-Phone: {contact[1]}"]
        assert read[3:5] == [["联系人", contact[0]], ["联系电话", contact[1]]]


def test_a_batch_with_nothing_to_send_says_so_in_each_form(planned, tmp_path):
    catalog, batch = planned
    empty = replace(batch, entries=[])
    folder = tmp_path / "dag"
    write_bag(folder, catalog, empty, batch.settings.recipients[0])
    read = list(csv.reader(io.StringIO((folder / "data/manifest.csv").read_text(encoding="utf-8-sig"))))
    assert read[5:] == [COLUMNS, ["", "", "本期无主动公开政府信息", "", "", "", "", "", "", "", "", ""]]
    book = load_workbook(folder / "data/manifest.xlsx")
    assert book.sheetnames == ["送交信息目录表"]  # no list of files: there is none
    sheet = book["送交信息目录表"]
    assert [c.value for c in sheet[8]][:3] == [None, None, "本期无主动公开政府信息"]
    assert "C8:L8" in {str(r) for r in sheet.merged_cells.ranges}
    page = (folder / "data/manifest.html").read_text(encoding="utf-8")
    assert page.count('<tr><td class="empty" colspan="12">本期无主动公开政府信息</td></tr>') == 2
    assert "电子文件清单" not in page
    assert sorted(bagit.Bag(str(folder)).payload_files()) == ["data/manifest.csv", "data/manifest.html",
                                                               "data/manifest.xlsx"]
    info = (folder / "bag-info.txt").read_text(encoding="utf-8")
    assert "External-Description: 送交测试县档案馆的主动公开政府信息：0件，电子文件0个（覆盖2026年9月3日至2026年9月20日）" in info


def test_a_title_holding_markup_is_text_on_the_print_page(planned, tmp_path):
    catalog, batch = planned
    entry = batch.entries[1]
    marked = replace(batch, entries=[replace(entry, record=entry.record.model_copy(
        update={"title": "关于<b>社会救助</b>的解读&说明"}))])
    folder = tmp_path / "dag"
    write_bag(folder, catalog, marked, batch.settings.recipients[0])
    page = (folder / "data/manifest.html").read_text(encoding="utf-8")
    assert html_cells(page, "rows")[0][2] == "关于&lt;b&gt;社会救助&lt;/b&gt;的解读&amp;说明"
    assert "<b>" not in page
    # the page as the template lays it out: no line left holding only the spaces of a tag, one line break at the end
    assert page.endswith("</html>\n") and not page.endswith("\n\n")
    assert all(line.strip() for line in page.splitlines())
    assert "\n  <h1>送交信息目录表</h1>\n" in page


def test_nothing_of_the_record_not_made_public_or_not_yet_published_is_handed_over(planned, tmp_path):
    for recipient in ("dag", "tsg"):
        bag = bag_of(planned, recipient, tmp_path)
        for path in bag.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                for secret in ("R2026-003", "某申请人", "测民〔2026〕33号", "R2026-005", "救助资金管理办法"):
                    assert secret.encode() not in data, (path, secret)
                assert PDFS["R2026-003.pdf"] != data


# ---------------------------------------------------------------- the bag


@pytest.mark.parametrize(("recipient", "payload"), [
    ("dag", ["data/files/R2026-001/R2026-001-md.pdf", "data/files/R2026-001/R2026-001.pdf",
             "data/files/R2026-002/R2026-002.pdf", "data/manifest.csv", "data/manifest.html", "data/manifest.xlsx"]),
    ("tsg", ["data/files/R2026-002/R2026-002.pdf", "data/manifest.csv", "data/manifest.html", "data/manifest.xlsx"]),
])
def test_each_bag_is_valid_for_bagit_and_holds_the_files_of_its_rows(planned, tmp_path, recipient, payload):
    folder = bag_of(planned, recipient, tmp_path)
    bag = bagit.Bag(str(folder))
    bag.validate()  # raises on any checksum, count or byte size that does not hold
    assert sorted(bag.payload_files()) == payload
    assert sorted(bag.entries) == sorted([*payload, "bagit.txt", "bag-info.txt", "manifest-sha256.txt"])
    assert bag.algorithms == ["sha256"]
    for name in payload:
        if name.startswith("data/files/"):
            assert (folder / name).read_bytes() == PDFS[name.rsplit("/", 1)[1]]


def test_the_bag_info_names_sender_recipient_batch_and_counts(planned, tmp_path):
    def info(recipient: str) -> dict[str, str]:
        lines = (tmp_path / recipient / "bag-info.txt").read_text(encoding="utf-8").splitlines()
        return {key: value.strip() for key, _, value in (line.partition(":") for line in lines)}

    bag_of(planned, "dag", tmp_path), bag_of(planned, "tsg", tmp_path)
    dag, tsg = info("dag"), info("tsg")
    oxum = {r: f"{sum(p.stat().st_size for p in (tmp_path / r / 'data').rglob('*') if p.is_file())}."
               f"{sum(1 for p in (tmp_path / r / 'data').rglob('*') if p.is_file())}" for r in ("dag", "tsg")}
    assert dag == {
        "Bag-Group-Identifier": "2026-09-20", "Bag-Software-Agent": "gongkai（基层政务公开工具）",
        "Bagging-Date": "2026-09-20", "Contact-Name": "张三", "Contact-Phone": "0595-23000000",
        "External-Description": "送交测试县档案馆的主动公开政府信息：3件，电子文件3个（覆盖2026年9月3日至2026年9月20日）",
        "External-Identifier": "2026-09-20-dag", "Payload-Oxum": oxum["dag"], "Source-Organization": "测试县民政局",
    }
    assert oxum["dag"].endswith(".6") and oxum["tsg"].endswith(".4")
    assert tsg["External-Description"] == ("送交测试县图书馆的主动公开政府信息：3件，电子文件1个，其中1件的公示名单含个人"
                                           "信息未送（覆盖2026年9月3日至2026年9月20日）")
    assert tsg["External-Identifier"] == "2026-09-20-tsg"


def test_the_tag_manifest_lists_every_tag_file_sorted_with_its_checksum(planned, tmp_path):
    folder = bag_of(planned, "dag", tmp_path)
    lines = (folder / "tagmanifest-sha256.txt").read_text(encoding="utf-8").splitlines()
    names = ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"]
    assert lines == [f"{hashlib.sha256((folder / n).read_bytes()).hexdigest()} {n}" for n in names]


# ---------------------------------------------------------------- handover verify


def test_verify_passes_the_bags_as_made_and_counts_their_files(gk, sent):
    run = gk("handover", "verify", sent[1], "-C", sent[0])
    assert run.code == 0, run.out
    assert run.out.splitlines() == [f"✓ {sent[1] / 'dag'}：6 个文件，与校验值一致",
                                    f"✓ {sent[1] / 'tsg'}：4 个文件，与校验值一致", "共 2 个包，全部通过。"]
    run = gk("handover", "verify", sent[1] / "tsg")  # one recipient's folder alone
    assert run.out.splitlines() == [f"✓ {sent[1] / 'tsg'}：4 个文件，与校验值一致", "共 1 个包，全部通过。"]


def test_verify_names_each_file_missing_changed_added_or_renamed(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    (copy / "dag/data/files/R2026-001/R2026-001.pdf").unlink()
    with (copy / "dag/data/files/R2026-002/R2026-002.pdf").open("ab") as changed:
        changed.write(b"x")
    (copy / "dag/data/说明.txt").write_text("多出的", encoding="utf-8")
    moved = copy / "tsg/data/files/R2026-002"
    (moved / "R2026-002.pdf").rename(moved / "R2026-002 (1).pdf")
    run = gk("handover", "verify", copy)
    assert run.code == 1
    assert run.out.splitlines() == [
        f"✗ {copy / 'dag'}：3 处问题",
        "    data/files/R2026-001/R2026-001.pdf：文件缺失",
        "    data/files/R2026-002/R2026-002.pdf：内容与校验值不符（应为 "
        f"{sha('R2026-002.pdf')}，实为 {hashlib.sha256(PDFS['R2026-002.pdf'] + b'x').hexdigest()}）",
        "    data/说明.txt：清单之外多出的文件",
        f"✗ {copy / 'tsg'}：1 处问题",
        "    data/files/R2026-002/R2026-002.pdf：文件名被改成「data/files/R2026-002/R2026-002 (1).pdf」，内容与校验值一致"
        "（中文文件名的包用 GBK 编码的压缩工具打包、在另一种编码的系统上解压时常会这样）。请把文件名改回，或用支持 UTF-8 "
        "文件名的工具重新压缩、解压",
        "共 2 个包，2 个未通过。",
        "未通过的包请向送交方要回原件核对；本机关可运行 gongkai handover --date <批次日期> 按台账重新生成这一批"
        "（目录表和文件与送交时逐字节相同）。",
    ]


def test_a_bag_that_lost_its_bagit_txt_is_checked_and_said_to_be_incomplete(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    (copy / "tsg/bagit.txt").unlink()
    for name in ("bagit.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt", "bag-info.txt"):
        (copy / "dag" / name).unlink()  # only data/ is left: still a bag that was, not passed over
    run = gk("handover", "verify", copy)
    assert run.code == 1
    said = ("不是完整的 BagIt 包：缺少 bagit.txt（包的说明文件被删去了）。这一包被改动过或不完整：请向送交方要回原件，"
            "或用 gongkai handover 重新生成这一批")
    assert run.out.splitlines()[:4] == [f"✗ {copy / 'dag'}：1 处问题", f"    {said}", f"✗ {copy / 'tsg'}：1 处问题",
                                        f"    {said}"]
    shutil.rmtree(copy / "dag/data")
    (copy / "dag/manifest-sha256.txt").write_text("", encoding="utf-8")  # a manifest alone marks a bag that was too
    (copy / "tsg/data").rename(copy / "tsg/payload")  # a folder without data/ or a manifest: not a bag
    (copy / "tsg/manifest-sha256.txt").rename(copy / "tsg/sha256.txt")
    run = gk("handover", "verify", copy)
    assert run.out.splitlines()[:3] == [f"✗ {copy / 'dag'}：1 处问题", f"    {said}", "共 1 个包，1 个未通过。"]


def test_verify_says_in_chinese_what_is_wrong_with_a_bag_it_cannot_open(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    (copy / "dag/bagit.txt").write_text("BagIt-Version: 0.97\n", encoding="utf-8")
    (copy / "tsg/bagit.txt").write_text("BagIt-Version: x.y\nTag-File-Character-Encoding: UTF-8\n", encoding="utf-8")
    run = gk("handover", "verify", copy)
    tail = "。这一包被改动过或不完整：请向送交方要回原件，或用 gongkai handover 重新生成这一批"
    assert run.out.splitlines()[:4] == [
        f"✗ {copy / 'dag'}：1 处问题", f"    不是完整的 BagIt 包：bagit.txt 缺少必需的项：Tag-File-Character-Encoding{tail}",
        f"✗ {copy / 'tsg'}：1 处问题", f"    不是完整的 BagIt 包：bagit.txt 中的 BagIt-Version 无效{tail}"]


AGAIN = "。这一包被改动过或不完整：请向送交方要回原件，或用 gongkai handover 重新生成这一批"


# Defect 1: a tag file saved by Notepad in GBK (ANSI) or UTF-16 (「Unicode」), or a bagit.txt declaring GBK, stopped
# verify with exit 3 (UnicodeDecodeError) before any bag was reported; now the file is named, the other bags checked.
def test_a_tag_file_saved_in_another_encoding_is_named_and_the_other_bags_still_checked(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    with (copy / "dag/bag-info.txt").open("ab") as info:
        info.write("备注: 已收到\n".encode("gbk"))
    (copy / "tsg/bagit.txt").write_bytes((copy / "tsg/bagit.txt").read_text(encoding="utf-8").encode("utf-16"))
    run = gk("handover", "verify", copy)
    assert run.code == 1, run.err
    assert run.out.splitlines()[:4] == [
        f"✗ {copy / 'dag'}：1 处问题",
        "    不是完整的 BagIt 包：bag-info.txt 不是 UTF-8 编码（多见于用记事本打开后另存为 ANSI 或 Unicode；gongkai 生成的包"
        f"都是 UTF-8）{AGAIN}",
        f"✗ {copy / 'tsg'}：1 处问题",
        "    不是完整的 BagIt 包：bagit.txt 不是 UTF-8 编码（多见于用记事本打开后另存为 ANSI 或 Unicode；gongkai 生成的包"
        f"都是 UTF-8）{AGAIN}",
    ]
    (copy / "tsg/bagit.txt").write_text("BagIt-Version: 0.97\nTag-File-Character-Encoding: GBK\n", encoding="utf-8")
    run = gk("handover", "verify", copy / "tsg")
    assert run.out.splitlines()[1] == ("    不是完整的 BagIt 包：bag-info.txt 不是 GBK 编码（多见于用记事本打开后另存为 ANSI 或 "
                                       f"Unicode；gongkai 生成的包都是 UTF-8）{AGAIN}")


# Defect 2: a Payload-Oxum without its dot (「12」) stopped verify with exit 3 (ValueError), a malformed line of fetch.txt
# too; a Payload-Oxum edited to other figures was reported in bagit's English (「校验失败：Payload-Oxum validation
# failed. Expected 1 files and 100 bytes but found …」) without naming bag-info.txt, which its tag manifest shows
# changed. Now each is said in Chinese, and a tag file that changed is named like a document.
def test_an_edited_or_broken_payload_oxum_or_fetch_txt_is_said_in_chinese(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    for recipient, oxum in (("dag", "100.1"), ("tsg", "12")):
        info = copy / recipient / "bag-info.txt"
        info.write_text(re.sub("Payload-Oxum: .*", f"Payload-Oxum: {oxum}", info.read_text(encoding="utf-8")),
                        encoding="utf-8")
    run = gk("handover", "verify", copy)
    assert run.code == 1, run.err
    found = hashlib.sha256((copy / "dag/bag-info.txt").read_bytes()).hexdigest()
    listed = (sent[1] / "dag/tagmanifest-sha256.txt").read_text(encoding="utf-8").split()
    assert run.out.splitlines()[:4] == [
        f"✗ {copy / 'dag'}：1 处问题",
        f"    bag-info.txt：内容与校验值不符（应为 {listed[listed.index('bag-info.txt') - 1]}，实为 {found}）",
        f"✗ {copy / 'tsg'}：1 处问题",
        f"    不是完整的 BagIt 包：bag-info.txt 中的 Payload-Oxum（文件数和字节数）无效{AGAIN}",
    ]
    tags = copy / "dag/tagmanifest-sha256.txt"  # the tag manifest made again too: the figures themselves are said
    tags.write_text(tags.read_text(encoding="utf-8").replace(listed[listed.index("bag-info.txt") - 1], found),
                    encoding="utf-8")
    size = sum(p.stat().st_size for p in (copy / "dag/data").rglob("*") if p.is_file())
    assert gk("handover", "verify", copy / "dag").out.splitlines()[1] == (
        f"    校验失败：bag-info.txt 中的 Payload-Oxum 记录 1 个文件、100 字节，包中实有 6 个文件、{size} 字节{AGAIN}")
    (copy / "tsg/bag-info.txt").write_bytes((sent[1] / "tsg/bag-info.txt").read_bytes())
    (copy / "tsg/fetch.txt").write_text("R2026-002.pdf\n", encoding="utf-8")
    assert gk("handover", "verify", copy / "tsg").out.splitlines()[1] == (
        f"    不是完整的 BagIt 包：fetch.txt 中有一行不是「网址 大小 文件名」{AGAIN}")


# Defect 3: a link to nothing in a bag's data/ stopped verify with 「错误：无法读写文件」 (exit 2), the other bags unchecked;
# a bagit.txt saved by Notepad with a byte-order mark was 「校验失败：bagit.txt must not contain a byte-order mark」.
def test_a_dangling_link_and_a_byte_order_mark_are_findings_of_their_bag(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    (copy / "dag/data/说明.pdf").symlink_to(tmp_path / "nowhere.pdf")
    (copy / "tsg/bagit.txt").write_bytes(b"\xef\xbb\xbf" + (sent[1] / "tsg/bagit.txt").read_bytes())
    info = (sent[1] / "tsg/bag-info.txt").read_bytes()
    (copy / "tsg/bag-info.txt").write_bytes(b"\xef\xbb\xbf" + info.replace(b"\n", b"\r\n"))
    run = gk("handover", "verify", copy)
    assert run.code == 1, run.err
    assert run.out.splitlines()[:5] == [
        f"✗ {copy / 'dag'}：1 处问题",
        "    data/说明.pdf：无法读取（指向不存在的文件的链接，或没有读取权限）。包中只应有送交的文件：请删去它，或向送交方要回原件",
        f"✗ {copy / 'tsg'}：1 处问题",
        "    bagit.txt：开头被加上了字节顺序标记（BOM，多见于用记事本打开后保存），其余内容与校验值一致，但 BagIt 标准不允许 "
        "bagit.txt 带 BOM。请用记事本把它另存为「UTF-8」（不是「带有 BOM 的 UTF-8」），或向送交方要回原件",
        "    （说明）bag-info.txt：开头被加上了字节顺序标记（BOM，多见于用记事本打开后保存），换行符被改为另一种格式（LF 与 "
        "CRLF 互换），内容与校验值一致",
    ]
    (copy / "tsg/bagit.txt").write_bytes((sent[1] / "tsg/bagit.txt").read_bytes())
    (copy / "tsg/bag-info.txt").write_bytes(b"\xef\xbb\xbf" + info)
    run = gk("handover", "verify", copy / "tsg")
    assert run.code == 0
    assert run.out.splitlines() == [f"✓ {copy / 'tsg'}：4 个文件，与校验值一致",
                                    "    （说明）bag-info.txt：开头被加上了字节顺序标记（BOM，多见于用记事本打开后保存），内容与校验值一致",
                                    "共 1 个包，全部通过。"]


def test_a_tag_file_whose_lines_end_in_cr_alone_is_a_note_and_a_document_given_a_bom_a_problem(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    (copy / "tsg/bag-info.txt").write_bytes((sent[1] / "tsg/bag-info.txt").read_bytes().replace(b"\n", b"\r"))
    run = gk("handover", "verify", copy / "tsg")  # RFC 8493 §2.1: LF, CR or CRLF
    assert run.code == 0, run.out
    assert run.out.splitlines()[1] == "    （说明）bag-info.txt：换行符被改为另一种格式（LF 与 CRLF 互换），内容与校验值一致"
    page = copy / "tsg/data/manifest.html"  # a document with a BOM put before it is no longer the one delivered
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes())
    run = gk("handover", "verify", copy / "tsg")
    assert run.code == 1
    delivered = sha256_of(sent[1] / "tsg/data/manifest.html")
    assert run.out.splitlines()[1] == f"    data/manifest.html：内容与校验值不符（应为 {delivered}，实为 {sha256_of(page)}）"


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Defect 4: a line of bag-info.txt that is not 「名称: 值」 was quoted cut at its last 「/」: 「备注 原件见 data/files
# 文件夹」 read 「files 文件夹」, and the archivist looked for a line that is not there. Now the line is quoted as it is written.
def test_a_line_of_bag_info_without_its_colon_is_quoted_whole(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    with (copy / "tsg/bag-info.txt").open("a", encoding="utf-8") as info:
        info.write("备注 原件见 data/files 文件夹\n")
    run = gk("handover", "verify", copy / "tsg")
    assert run.out.splitlines()[1] == (
        f"    不是完整的 BagIt 包：bag-info.txt 中有一行不是「名称: 值」：「备注 原件见 data/files 文件夹」{AGAIN}")


def test_verify_of_a_compressed_file_a_missing_folder_or_another_file_says_what_to_give_it(gk, sent, tmp_path):
    for name in ("2026-09-20.zip", "批次.RAR", "批次.7z", "批次.tar", "批次.tar.gz", "批次.ZIP"):
        (tmp_path / name).write_bytes(b"PK")
        run = gk("handover", "verify", tmp_path / name)
        assert run.code == 2
        assert (f"「{tmp_path / name}」是压缩文件，不是移交批次文件夹：请先解压（中文文件名请用支持 UTF-8 的解压工具），"
                "再核对解压出的文件夹，如 gongkai handover verify 2026-12-07。") in run.err
    for path in (tmp_path / "目录表.xlsx", tmp_path / "没有这个文件夹"):
        if path.suffix:
            path.write_bytes(b"PK")
        run = gk("handover", "verify", path)
        assert run.code == 2
        assert f"「{path}」不是移交批次文件夹：找不到 bagit.txt。请写明 gongkai handover 输出的文件夹。" in run.err
    (tmp_path / "dag").mkdir()  # a folder beside the bags that is none (no bagit.txt, no data/, no manifest)
    for recipient in ("tsg", "dag"):  # the bags sorted by name, whatever order they were copied in
        shutil.copytree(sent[1] / recipient, tmp_path / "批次" / recipient)
    (tmp_path / "批次/说明").mkdir()
    run = gk("handover", "verify", tmp_path / "批次")
    assert [line[:2] for line in run.out.splitlines()[:2]] == ["✓ ", "✓ "]
    assert [line.split("：")[0] for line in run.out.splitlines()[:2]] == [
        f"✓ {tmp_path / '批次/dag'}", f"✓ {tmp_path / '批次/tsg'}"]


def test_the_recipient_is_read_from_bag_info_and_else_from_the_folder_name(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    info = copy / "tsg/bag-info.txt"
    text = info.read_text(encoding="utf-8")
    for old, new in (("External-Identifier: 2026-09-20-tsg\n", ""),  # no identifier: the folder's name
                     ("External-Identifier: 2026-09-20-tsg", "External-Identifier: 图书馆2026")):  # not this batch's
        info.write_text(text.replace(old, new), encoding="utf-8")
        remade(copy / "tsg")
        run = gk("handover", "verify", copy / "tsg", "-C", sent[0])
        assert run.code == 0, run.out
    info.write_text(text.replace("Bag-Group-Identifier: 2026-09-20\n", ""), encoding="utf-8")
    remade(copy / "tsg")
    run = gk("handover", "verify", copy / "tsg", "-C", sent[0])
    assert run.out.splitlines()[1] == "    目录中没有这一批的台账（handover/<批次日期>.yaml）：无法与送交记录核对"


def remade(bag: Path) -> None:
    """The bag's checksum lists made again over what it now holds: it agrees with itself, not with the ledger."""
    bagit.Bag(str(bag)).save(manifests=True)


def test_verify_against_the_ledger_finds_a_file_replaced_removed_or_withheld_in_a_remade_bag(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    (copy / "dag/data/files/R2026-002/R2026-002.pdf").write_bytes(text_pdf("another version"))
    (copy / "dag/data/files/R2026-001/R2026-001.pdf").unlink()
    remade(copy / "dag")
    (copy / "dag").rename(copy / "档案馆")  # the recipient is read from bag-info.txt, not from the folder's name
    (copy / "tsg/data/files/R2026-001").mkdir()
    # the list the 图书馆 must not get
    (copy / "tsg/data/files/R2026-001/R2026-001-md.pdf").write_bytes(PDFS["R2026-001-md.pdf"])
    remade(copy / "tsg")
    assert gk("handover", "verify", copy).code == 0  # each bag agrees with itself
    run = gk("handover", "verify", copy, "-C", sent[0])
    assert run.code == 1
    ledger = "台账 handover/2026-09-20.yaml"
    assert run.out.splitlines()[:6] == [
        f"✗ {copy / 'tsg'}：1 处问题",
        f"    data/files/R2026-001/R2026-001-md.pdf：{ledger} 没有记录把这个版本送交「tsg」（内容被替换，或不属于这一批）",
        f"✗ {copy / '档案馆'}：2 处问题",
        f"    信息 R2026-001：{ledger} 记录送交的 1 个文件不在包中",
        # (thirty-seventh session: R2026-002's one file is there with other content, no file of it is missing)
        f"    data/files/R2026-002/R2026-002.pdf：内容与{ledger} 记录送交「dag」的版本不同（被改动、不完整或换成了另一个文件）",
        "共 2 个包，2 个未通过。",
    ]


def test_verify_against_a_catalog_without_the_batch_or_the_recipient_says_so(gk, sent, tmp_path):
    copy = copy_of(sent[1], tmp_path)
    info = copy / "tsg/bag-info.txt"
    info.write_text(info.read_text(encoding="utf-8").replace("2026-09-20-tsg", "2026-09-20-xzf"), encoding="utf-8")
    remade(copy / "tsg")
    run = gk("handover", "verify", copy / "tsg", "-C", sent[0])
    assert run.out.splitlines()[:2] == [f"✗ {copy / 'tsg'}：1 处问题",
                                        "    台账 handover/2026-09-20.yaml 的接收单位中没有「xzf」"]
    for old, new in (("2026-09-20", "2026-10-08"), ("Bag-Group-Identifier: 2026-10-08", "Bag-Group-Identifier: 第三批")):
        info.write_text(info.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
        remade(copy / "tsg")
        run = gk("handover", "verify", copy / "tsg", "-C", sent[0])
        path = "handover/2026-10-08.yaml" if new == "2026-10-08" else "handover/<批次日期>.yaml"
        assert run.out.splitlines()[1] == f"    目录中没有这一批的台账（{path}）：无法与送交记录核对"


# ---------------------------------------------------------------- the catalog's history: gongkai diff, gongkai log


def git(root: Path, *args: str, when: str = "2026-09-01T09:00:00+08:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "王五", "GIT_AUTHOR_EMAIL": "ww@example.gov.cn", "GIT_COMMITTER_NAME": "王五",
           "GIT_COMMITTER_EMAIL": "ww@example.gov.cn", "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, check=True)
    return done.stdout.decode("utf-8").strip()


def commit(root: Path, message: str, when: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, when=when)
    return git(root, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def history(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """A catalog in git with six commits (the first, then one change each); (root, their ids, oldest first)."""
    root = tmp_path_factory.mktemp("history") / "catalog"
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.write("items/shjz/SHJZ-002.yaml", SHJZ_002)
    cat.write("records/2026/R2026-002.yaml", R2)
    cat.write("records/2026/R2026-004.yaml", R4)
    cat.write("files/2026/R2026-002.pdf", PDFS["R2026-002.pdf"])
    git(root, "init", "-q", "-b", "main")
    ids = [commit(root, "初始目录", "2026-09-01T09:00:00+08:00")]
    # 2. a substantive edit of an item, a textual one of a record
    cat.item(ITEM.replace("10个工作日内", "20个工作日内"))
    cat.write("records/2026/R2026-002.yaml", R2.replace("页数: 7", "页数: 8"))
    ids.append(commit(root, "调整公开时限\n\n依据县政府办通知", "2026-09-05T10:30:00+08:00"))
    # 3. the record renumbered, its file renamed with it
    (root / "records/2026/R2026-002.yaml").unlink()
    cat.write("records/2026/R2026-012.yaml", R2.replace("页数: 7", "页数: 8").replace("编号: R2026-002", "编号: R2026-012"))
    ids.append(commit(root, "信息改号", "2026-09-10T16:00:00+08:00"))
    # 4. another record only
    cat.write("records/2026/R2026-004.yaml", R4.replace("页数: 12", "页数: 13"))
    ids.append(commit(root, "工作规程页数", "2026-09-12T11:00:00+08:00"))
    # 5. an item removed, another added
    (root / "items/shjz/SHJZ-002.yaml").unlink()
    cat.write("items/shjz/SHJZ-003.yaml", SHJZ_002.replace("SHJZ-002", "SHJZ-003").replace("政策文件", "办事指南")
              .replace("社会救助政策文件及解读", "社会救助办事指南"))
    ids.append(commit(root, "事项调整", "2026-09-15T09:00:00+08:00"))
    # 6. a person's ID number typed into a record's 正文
    cat.write("records/2026/R2026-004.yaml", R4.replace("页数: 12", "页数: 13").replace(
        "  工作规程。", "  工作规程。联系人身份证号350524199001011234。"))
    ids.append(commit(root, "补充正文", "2026-09-16T08:00:00+08:00"))
    return root, ids


def test_diff_tells_a_substantive_edit_of_an_item_from_a_textual_one_of_a_record(gk, history):
    root, ids = history
    run = gk("diff", f"{ids[0]}..{ids[1]}", "-C", root)
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        f"目录变化：{ids[0][:7]} → {ids[1][:7]}",  # a commit id given in full is shown short, once
        "共 2 处变化：实质性 1 处，文字性 1 处",
        "",
        "实质性变化（1）",
        "  修改 公开事项 SHJZ-001「最低生活保障 / 审批信息」",
        "    公开时限：「制定或获取信息之日起10个工作日内」→「制定或获取信息之日起20个工作日内」",
        "",
        "文字性变化（1）",
        "  修改 公开信息 R2026-002「测试县社会救助政策解读」",
        "    页数：「7」→「8」",
    ]


def test_diff_json_calls_a_renumbered_record_one_record_moved_not_one_removed_and_one_added(gk, history):
    root, ids = history
    run = gk("diff", "HEAD~4", "HEAD~3", "--format", "json", "-C", root)
    assert run.json() == {
        "schema": "gongkai.diff/1",
        "from": {"rev": "HEAD~4", "commit": ids[1]}, "to": {"rev": "HEAD~3", "commit": ids[2]},
        "summary": {"total": 1, "substantive": 1, "textual": 0, "added": 0, "removed": 0, "modified": 1, "moved": 0,
                    "format": 0, "invalid": 0},
        "changes": [{"kind": "record", "id": "R2026-012", "name": "测试县社会救助政策解读", "change": "modified",
                     "class": "实质性", "old_path": "records/2026/R2026-002.yaml",
                     "new_path": "records/2026/R2026-012.yaml", "moved": True,
                     "fields": [{"field": "编号", "how": "changed", "class": "实质性", "old": "R2026-002",
                                 "new": "R2026-012"}],
                     "problems": [], "side": None}],
    }
    run = gk("diff", "HEAD~4", "HEAD~3", "-C", root)
    assert run.out.splitlines()[3:] == ["实质性变化（1）", "  修改 公开信息 R2026-012「测试县社会救助政策解读」",
                                        "    文件移动：records/2026/R2026-002.yaml → records/2026/R2026-012.yaml",
                                        "    编号：「R2026-002」→「R2026-012」"]


def test_diff_markdown_lists_an_item_removed_and_one_added_as_substantive(gk, history):
    root, ids = history
    run = gk("diff", "HEAD~2..HEAD~1", "--format", "markdown", "-C", root)
    assert run.out.splitlines() == [
        f"## 目录调整：HEAD~2（{ids[3][:7]}） → HEAD~1（{ids[4][:7]}）",
        "",
        "共 2 处变化：实质性 2 处，文字性 0 处。",
        "",
        "### 实质性调整（2）",
        "",
        "- **删除** 公开事项 `SHJZ-002` 社会救助政策 / 政策文件",
        "  - 文件：items/shjz/SHJZ-002.yaml",
        "- **新增** 公开事项 `SHJZ-003` 社会救助政策 / 办事指南",
        "  - 文件：items/shjz/SHJZ-003.yaml",
    ]


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_a_number_typed_into_a_record_is_masked_in_every_form_of_the_diff(gk, history, fmt):
    root, _ = history
    run = gk("diff", "HEAD~1", "HEAD", "--format", fmt, "-C", root)
    assert "350524199001011234" not in run.out and "199001011234" not in run.out
    masked = "35*************234" if fmt != "markdown" else r"35\*\*\*\*\*\*\*\*\*\*\*\*\*234"
    assert f"工作规程。联系人身份证号{masked}。" in run.out


def test_log_follows_a_record_through_its_new_number_and_skips_commits_that_did_not_touch_it(gk, history):
    root, ids = history
    run = gk("log", "R2026-012", "-C", root)
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "R2026-012 的修改历史（3 次提交，最新的在前）",
        "",
        f"2026-09-10 16:00  王五  {ids[2][:7]}",
        "  > 信息改号",
        "  [实质性] 修改 公开信息 R2026-012「测试县社会救助政策解读」",
        "    文件移动：records/2026/R2026-002.yaml → records/2026/R2026-012.yaml",
        "    编号：「R2026-002」→「R2026-012」",
        "",
        f"2026-09-05 10:30  王五  {ids[1][:7]}",
        "  > 调整公开时限",
        "  > 依据县政府办通知",
        "  [文字性] 修改 公开信息 R2026-002「测试县社会救助政策解读」",
        "    页数：「7」→「8」",
        "",
        f"2026-09-01 09:00  王五  {ids[0][:7]}",
        "  > 初始目录",
        "  [文字性] 新增 公开信息 R2026-002「测试县社会救助政策解读」",
        "    文件：records/2026/R2026-002.yaml",
    ]
    assert gk("log", "R2026-002", "-C", root).out == run.out.replace("R2026-012 的修改历史", "R2026-002 的修改历史", 1)


def test_log_json_lists_every_commit_of_one_record_newest_first_with_the_number_masked(gk, history):
    root, ids = history
    data = gk("log", "R2026-004", "--format", "json", "-C", root).json()
    assert (data["schema"], data["id"], data["truncated"]) == ("gongkai.log/1", "R2026-004", False)
    assert [(e["commit"], e["date"], e["author"], e["message"], e["truncated"]) for e in data["entries"]] == [
        (ids[5], "2026-09-16T08:00:00+08:00", "王五", "补充正文", False),
        (ids[3], "2026-09-12T11:00:00+08:00", "王五", "工作规程页数", False),
        (ids[0], "2026-09-01T09:00:00+08:00", "王五", "初始目录", False),
    ]
    assert [[(c["change"], c["class"], c["fields"]) for c in e["changes"]] for e in data["entries"]] == [
        [("modified", "文字性", [{"field": "正文", "how": "changed", "class": "文字性", "old": "工作规程。",
                                 "new": "工作规程。联系人身份证号35*************234。"}])],
        [("modified", "文字性", [{"field": "页数", "how": "changed", "class": "文字性", "old": 12, "new": 13}])],
        [("added", "文字性", [])],
    ]


def test_log_markdown_of_an_item(gk, history):
    root, ids = history
    assert gk("log", "SHJZ-001", "--format", "markdown", "-C", root).out.splitlines() == [
        "## SHJZ-001 的修改历史（2 次提交，最新的在前）",
        "",
        f"### 2026-09-05 10:30  王五  {ids[1][:7]}",
        "> 调整公开时限",
        "> 依据县政府办通知",
        "- [实质性] 修改 公开事项 SHJZ-001「最低生活保障 / 审批信息」",
        "  - 公开时限：「制定或获取信息之日起10个工作日内」→「制定或获取信息之日起20个工作日内」",
        "",
        f"### 2026-09-01 09:00  王五  {ids[0][:7]}",
        "> 初始目录",
        "- [实质性] 新增 公开事项 SHJZ-001「最低生活保障 / 审批信息」",
        "  - 文件：items/shjz/SHJZ-001.yaml",
    ]


# Defect 5: the attachment of a record that is not 主动公开 was named by its record (「R2026-003 的附件」) only when the
# record's own file was in the diff too. Replaced alone — the usual way a scan is corrected — its file name
# (「files/2026/林某信访材料.pdf」) was shown in the terminal, in the Markdown a pull request's comment posts, in the JSON.
# Now the records that list an attachment changed alone are read too, on either side.
def test_an_attachment_of_a_record_not_made_public_replaced_alone_is_named_by_its_record(gk, tmp_path):
    root = tmp_path / "catalog"
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", AGENCY)
    cat.write("items/shjz/SHJZ-002.yaml", SHJZ_002)
    cat.write("records/2026/R2026-002.yaml", R2)
    cat.write("records/2026/R2026-003.yaml", R3.replace("R2026-003.pdf", "林某信访材料.pdf"))
    cat.write("files/2026/R2026-002.pdf", PDFS["R2026-002.pdf"])
    cat.write("files/2026/林某信访材料.pdf", PDFS["R2026-003.pdf"])
    git(root, "init", "-q", "-b", "main")
    commit(root, "初始目录", "2026-09-01T09:00:00+08:00")
    cat.write("files/2026/林某信访材料.pdf", text_pdf("reply three, page replaced"))
    cat.write("files/2026/R2026-002.pdf", text_pdf("policy two, second edition"))
    run = gk("diff", "-C", root)  # the working tree
    assert run.out.splitlines()[3:] == [
        "文字性变化（2）",
        "  修改 附件 R2026-003 的附件（非主动公开，文件名不显示）",
        "    文件内容已更换（附件不逐字比较：请打开新旧两个版本核对）",
        "  修改 附件 files/2026/R2026-002.pdf",
        "    文件内容已更换（附件不逐字比较：请打开新旧两个版本核对）",
    ]
    commit(root, "更换扫描件", "2026-09-02T09:00:00+08:00")
    for fmt in ("text", "markdown", "json"):
        run = gk("diff", "HEAD~1", "HEAD", "--format", fmt, "-C", root)
        assert "林某" not in run.out and "信访" not in run.out, fmt
    changes = gk("diff", "HEAD~1", "HEAD", "--format", "json", "-C", root).json()["changes"]
    assert [(c["id"], c["change"], c["old_path"], c["new_path"]) for c in changes] == [
        ("R2026-003 的附件", "modified", None, None),
        ("files/2026/R2026-002.pdf", "modified", "files/2026/R2026-002.pdf", "files/2026/R2026-002.pdf")]
