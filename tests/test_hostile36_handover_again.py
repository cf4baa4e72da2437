"""Thirty-sixth hostile pass on the handover (h177), seen by the archivist of the 县档案馆 and the librarian of the
县图书馆 who file each batch as its 送交信息目录表 describes it (DOMAIN.md §6, §12; 闽政办函〔2016〕42号). The real CLI
in-process on small catalogs in tmp dirs; every expected cell typed by hand.

Found by this pass (each test named below failed before its fix):
1. A document already superseded when its batch is made — the 2025 低保 standard, 失效 since 2026-09-10 and replaced
   by the 2026 one, both handed over together in the 2026-09-20 batch (the first batch a bureau makes, or one that
   catches up) — went into both 馆's 目录表 as if in force: its 备注 said nothing, the 馆 filed it as current, and
   only the next batch's 撤换公函 told them it had lapsed before they ever received it. Its 备注 now says
   「本文件送交时已失效（2026年9月10日起），由350524-MZ-2026-00002替代」 (废止, 已修改 alike; without a replacement
   out by the batch day, no 「由…替代」), in the csv, xlsx and print page of each 馆, and the ledger keeps it, so the
   batch made again says what the 馆 signed. A document that lapses after the batch day is not marked.
   test_a_document_already_superseded_says_so_in_its_row, test_a_repealed_document_without_replacement_says_since_when,
   test_a_document_that_lapses_later_is_not_marked.
2. A 通知 sent as a PDF with its 申请表 and 标准表 attached as docx and xlsx: the 两馆 take PDF or CEB only, so only the
   PDF went into the bag, while the paper copies (纸质份数 2) hold all three — 纸质件 and 电子件 no longer matched
   (闽政办函〔2016〕42号) and the 目录表 said nothing, its 电子文件名称 naming the PDF as if it were all. The 备注 now
   names the files not sent electronically, once each, with a name of a list masked as the 图书馆's 目录表 masks it:
   「另有附件「申请表.docx」、「标准表.xlsx」不是 PDF 或 CEB，未送电子件」; a batch made again says what the ledger
   says. test_attachments_that_are_not_pdf_are_named_in_the_remark.

Seen and left alone:
- The next batch's 撤换公函 still lists that superseded document (替代, 原批次 2026-09-20): the 两馆 take a change to
  their holdings only by formal letter, and the letter and the 备注 agree.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from openpyxl import Workbook, load_workbook

from test_handover import PDF, record
from test_hostile20_handover import LIST_PDF, batch
from tests.conftest import ITEM, CatalogDir, docx

OLD_TITLE = "测试县民政局关于2025年城乡最低生活保障标准的通知"
NEW_TITLE = "测试县民政局关于2026年城乡最低生活保障标准的通知"
NOTE = "本文件送交时已失效（2026年9月10日起），由350524-MZ-2026-00002替代"


def _standard(cat: CatalogDir, number: int, title: str, published: str, extra: str) -> None:
    """A 通知 of an item that lists nobody (not a 公示) with its own PDF, *extra* lines appended."""
    text = (record(number, published, formed=published, attach=False)
            .replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
            .replace("测试县民政局关于2026年第三季度低保对象名单的公示", title)
            .replace("经审核，现将名单予以公示。", "现将城乡最低生活保障标准通知如下。")
            .replace("事项: SHJZ-001", "事项: SHJZ-002"))
    cat.item(ITEM.replace("SHJZ-001", "SHJZ-002").replace("低保对象名单及相关信息", "低保标准"), "items/shjz/SHJZ-002.yaml")
    rid = f"R2026-{number:03d}"
    cat.write(f"records/2026/{rid}.yaml", text + f"附件:\n  - 文件: files/2026/{rid}.pdf\n" + extra)
    cat.write(f"files/2026/{rid}.pdf", PDF + rid.encode())


def _xlsx(*cells: str) -> bytes:
    """A small workbook of one row."""
    book = Workbook()
    book.active.append(list(cells))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _remarks(bag: Path) -> dict[str, str]:
    """索引号 → 备注 of the 目录表 (csv)."""
    rows = list(csv.reader(io.StringIO((bag / "data/manifest.csv").read_text(encoding="utf-8-sig"))))
    return {row[1]: row[-1] for row in rows if row and row[0].isdigit()}


def test_a_document_already_superseded_says_so_in_its_row(gk, cat, tmp_path):
    _standard(cat, 1, OLD_TITLE, "2026-09-03", "有效性: 失效\n有效性日期: 2026-09-10\n被替代: R2026-002\n")
    _standard(cat, 2, NEW_TITLE, "2026-09-10", "有效性: 有效\n替代: [R2026-001]\n")
    out = tmp_path / "out"
    run = batch(gk, cat, "2026-09-20", out)
    assert NOTE in run.out
    for bag in ("dag", "tsg"):
        assert _remarks(out / bag) == {"350524-MZ-2026-00001": NOTE, "350524-MZ-2026-00002": ""}
        sheet = load_workbook(out / bag / "data/manifest.xlsx").worksheets[0]
        assert NOTE in [cell.value for row in sheet.iter_rows() for cell in row]
        assert NOTE in (out / bag / "data/manifest.html").read_text(encoding="utf-8")
    assert f'备注: "{NOTE}"' in (cat.root / "handover/2026-09-20.yaml").read_text(encoding="utf-8")
    # made again: the 目录表 the 馆 signed, byte for byte, from the ledger
    again = tmp_path / "again"
    batch(gk, cat, "2026-09-20", again)
    assert (again / "dag/data/manifest.csv").read_bytes() == (out / "dag/data/manifest.csv").read_bytes()


def test_a_repealed_document_without_replacement_says_since_when(gk, cat, tmp_path):
    _standard(cat, 1, OLD_TITLE, "2026-09-03", "有效性: 废止\n有效性日期: 2026-09-15\n")
    out = tmp_path / "out"
    batch(gk, cat, "2026-09-20", out)
    assert _remarks(out / "dag") == {"350524-MZ-2026-00001": "本文件送交时已废止（2026年9月15日起）"}


def test_a_document_that_lapses_later_is_not_marked(gk, cat, tmp_path):
    _standard(cat, 1, OLD_TITLE, "2026-09-03", "有效性: 失效\n有效性日期: 2026-10-12\n被替代: R2026-002\n")
    _standard(cat, 2, NEW_TITLE, "2026-10-12", "有效性: 有效\n替代: [R2026-001]\n")
    out = tmp_path / "out"
    batch(gk, cat, "2026-09-20", out)
    assert _remarks(out / "dag") == {"350524-MZ-2026-00001": ""}


def test_attachments_that_are_not_pdf_are_named_in_the_remark(gk, cat, tmp_path):
    _standard(cat, 1, NEW_TITLE, "2026-09-10", "  - 文件: files/2026/表格/申请表.docx\n  - 文件: files/2026/标准表.xlsx\n"
              "  - 文件: files/2026/表格/申请表.docx\n")
    cat.write("files/2026/表格/申请表.docx", docx("政府信息公开申请表"))
    cat.write("files/2026/标准表.xlsx", _xlsx("城市低保标准", "每人每月900元"))
    out = tmp_path / "out"
    run = batch(gk, cat, "2026-09-20", out)
    said = "另有附件「申请表.docx」、「标准表.xlsx」不是 PDF 或 CEB，未送电子件"
    assert said in run.out
    for bag in ("dag", "tsg"):
        assert _remarks(out / bag) == {"350524-MZ-2026-00001": said}
        assert sorted(p.name for p in (out / bag / "data/files").rglob("*") if p.is_file()) == ["R2026-001.pdf"]
    assert f'备注: "{said}"' in (cat.root / "handover/2026-09-20.yaml").read_text(encoding="utf-8")


def test_a_non_pdf_attachment_named_after_a_person_of_the_list_is_masked(gk, cat, tmp_path):
    cat.write("records/2026/R2026-001.yaml", record(1, "2026-09-03", formed="2026-09-01")
              + "  - 文件: files/2026/陈水生家庭情况说明.docx\n")
    cat.write("files/2026/R2026-001.pdf", LIST_PDF)
    cat.write("files/2026/陈水生家庭情况说明.docx", docx("家庭情况说明"))
    out = tmp_path / "out"
    batch(gk, cat, "2026-09-20", out)
    for bag in ("dag", "tsg"):
        assert "另有附件「陈*生家庭情况说明.docx」不是 PDF 或 CEB，未送电子件" in _remarks(out / bag)["350524-MZ-2026-00001"]
        assert "陈水生" not in (out / bag / "data/manifest.csv").read_text(encoding="utf-8-sig")
