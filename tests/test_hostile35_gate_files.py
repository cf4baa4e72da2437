"""Thirty-fifth hostile pass (h160): the file side of the publishing gate — the files a record shows, what they hide.

A record shows a file of the catalog in two ways: as an attachment (附件: - 文件: …), which the site, the portal export
and the 两馆's batch copy, and as a link in its 正文 (详见[名单](../files/2026/list.pdf)), which a reader and a search
engine follow to the copy that is on the site, the portal or the county's server. The gate holds back a record that
shows a file another record may not show (a list of people whose 公示 has ended, the file of a 不予公开 record). Each test
runs the real CLI (build-site) on a small catalog in tmp_path; the days are typed by hand: the 公示 of
test_hostile16_publication runs from 2026-09-03 to 2026-11-20, so 2026-11-10 is within it and 2026-11-21 after it.

Found by this pass (before the fix → now):
1. A 通知 whose 正文 links the list of a 公示 once the 公示 has ended: README said it is no longer published, but only a
   record attaching the list was held back; the 通知 went on as an ordinary page — indexed, in the sitemap and the
   feed, its link to the list (and to the list's copy under another name) followed by every search engine and kept
   by the portal export as an address on the portal. Now a link in a 正文 shows a file as an attachment does: the
   record is held back, the output says why once (「正文链接的文件「files/2026/list.pdf」也是别的信息的附件，……」).
2. The same for a 正文 linking the file of a 不予公开 or 依申请公开 record (GK612 held back only a record attaching it): the
   page told the world the withheld file's name and where it lies. Now held back, as the attachment is.
3. A link the renderer reads but the gate's pattern did not: a reference link ([名单][1] … [1]: ../files/2026/list.pdf),
   an autolink to the portal (<https://…/files/2026/list.pdf>), an entity or an escape in the address
   (../files/2026/&#108;ist.pdf, ../files/2026/list\\.pdf), a path in capitals (../FILES/2026/LIST.PDF: the same file on
   the county's Windows server). During the 公示 the linking record was an ordinary page (indexed), after it published.
   Now the gate reads every link as the page's renderer writes it (markdown-it: the link the reader clicks), with the
   pattern kept for what is written as HTML, and compares paths as any computer opens them (same_file).
4. A zip archive on the end of a PDF (copy /b 通知.pdf+名单.zip 通知.pdf): readers show the PDF; renamed .zip, or opened
   with 7-Zip, WinRAR or unzip (which find a zip by its end record, whatever stands before it), the download gives the
   archive's files — here the full 名单 with 身份证号 and mobile. validate said nothing; build-site and the handover
   published it. Now GK609 「内容不是单纯的 PDF 文档：文件末尾还接着一个 zip 压缩包（1 个文件）」 at the 文件 line, for
   every format that is no zip (PDF, XLS, CEB, pictures; a workbook an xls embeds is a zip inside one of its streams,
   not on its end, and stays readable); the one check (attachment_problem, which reads a PDF's head) reads the last
   64 KB too and agrees with the one reader (read_attachment).
5. The same inside a Word document: a picture (word/media/image1.png) or an embedded PDF with a zip on its end — Word
   shows the picture, unpacking the docx and opening the part with 7-Zip gives the list. Now GK610 naming the part.

Seen and left alone:
- Attachment paths written as an attacker writes them (absolute, ../, C:\\, C:foo, \\\\server\\share, //server/share,
  file://, 「files／2026／…」 with a full-width slash, files/%2e%2e/…, files/2026/x.pdf:secret, x.pdf::$DATA, x.pdf.,
  an 8.3 name R2026~1.PDF) are each GK606 or GK607 at the 文件 line, nothing published; a quoted path with a trailing
  space names the file without it.
- A RAR or 7z archive inside a PDF (WinRAR and 7-Zip search a file for their signatures): finding one means reading
  every PDF whole at every check, and no tool opens it on a double click as Windows opens a zip; a zip whose end record
  stands more than 64 KB before the end of the file is found by no unzip tool either.
- Body links to a file that is the attachment of no record: a dead link on the site (gongkai inspect reports it), no
  file is copied.
- A picture in a 正文 (![名单](../files/2026/list.png)) is never loaded nor linked by the page (privacy.markup): it
  names nothing a reader can open.
"""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from conftest import RECORD, docx, text_pdf
from gongkai.catalog import load_catalog
from gongkai.privacy import AttachmentRefused, attachment_problem, read_attachment
from test_hostile16_publication import LETTER, LIST_PDF, NOTICE, POLICY_ITEM
from test_publication import everything, site_on

PORTAL_LIST = "https://www.anxi.gov.cn/mzj/gkml/files/2026/list.pdf"
# The 正文 links, as clerks and tools write them; each opens files/2026/list.pdf (or its copy mingxi.pdf).
LINKS = {
    "inline": "名单见[名单](../files/2026/list.pdf)。",
    "copy": "名单见[明细](../files/2026/mingxi.pdf)。",
    "reference": "名单见[名单][1]。\n\n  [1]: ../files/2026/list.pdf",
    "autolink": f"名单见<{PORTAL_LIST}>。",
    "entity": "名单见[名单](../files/2026/&#108;ist.pdf)。",
    "escape": "名单见[名单](../files/2026/list\\.pdf)。",
    "capitals": "名单见[名单](../FILES/2026/LIST.PDF)。",
}


def linking(cat, link: str) -> None:
    """The 公示 of test_hostile16_publication with its list, a copy of the list, and a 通知 whose 正文 holds *link*."""
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.record(NOTICE)
    cat.write(LIST_PDF, text_pdf("ChenJinshui 3 Jingdou"))
    cat.write("files/2026/mingxi.pdf", text_pdf("ChenJinshui 3 Jingdou"))
    cat.record(LETTER.replace("经审核，现将名单予以公示。", link), "records/2026/R2026-002.yaml")


@pytest.mark.parametrize("link", LINKS.values(), ids=LINKS.keys())
def test_a_body_linking_a_list_whose_notice_ended_is_not_published(gk, cat, tmp_path, link):
    linking(cat, link)
    out = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", out, "--today", "2026-11-21")
    assert run.code == 0, run.err
    assert not (out / "records/R2026-002.html").exists()
    for listing in ("sitemap.xml", "feed.xml", "index.html"):
        assert "R2026-002" not in (out / listing).read_text(encoding="utf-8"), listing
    assert "临时救助金" not in everything(out)
    said = run.out + run.err
    assert said.count("正文链接的文件「") == 1 and "信息 R2026-001 的公示已结束，不能在这里公开" in said, said


@pytest.mark.parametrize("link", [LINKS["reference"], LINKS["autolink"], LINKS["entity"], LINKS["escape"],
                                  LINKS["capitals"]], ids=["reference", "autolink", "entity", "escape", "capitals"])
def test_a_body_linking_a_running_list_however_written_is_never_indexed(gk, cat, tmp_path, link):
    linking(cat, link)
    site = site_on(gk, cat, tmp_path / "site", "2026-11-10")
    assert '<meta name="robots" content="noindex, nofollow">' in (site / "records/R2026-002.html").read_text("utf-8")
    for listing in ("sitemap.xml", "feed.xml"):
        assert "R2026-002" not in (site / listing).read_text(encoding="utf-8"), listing
    assert "临时救助金" not in everything(site / "search")


WITHHELD = (RECORD.replace("R2026-001", "R2026-003").replace("00001", "00003").replace("〔2026〕1号", "〔2026〕3号")
            .replace("公开属性: 主动公开", "公开属性: 不予公开\n不予公开理由: 内部事务信息")
            .replace("页数: 1", "页数: 1\n附件:\n  - 名称: 内部材料\n    文件: files/2026/neibu.pdf"))


@pytest.mark.parametrize("link", ["详见[材料](../files/2026/neibu.pdf)。", "详见[材料][n]。\n\n  [n]: ../files/2026/neibu.pdf",
                                  "详见<https://www.anxi.gov.cn/mzj/gkml/files/2026/NEIBU.pdf>。"],
                         ids=["inline", "reference", "portal"])
def test_a_body_linking_the_file_of_a_withheld_record_is_not_published(gk, cat, tmp_path, link):
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.write("files/2026/neibu.pdf", text_pdf("Internal working papers"))
    cat.record(WITHHELD, "records/2026/R2026-003.yaml")
    cat.record(LETTER.replace("经审核，现将名单予以公示。", link), "records/2026/R2026-002.yaml")
    out = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", out, "--today", "2026-11-10")
    assert run.code == 0, run.err
    assert not (out / "records/R2026-002.html").exists()
    assert "neibu" not in everything(out).lower()
    said = run.out + run.err
    assert said.count("正文链接的文件「files/2026/neibu.pdf」也是别的信息的附件，信息 R2026-003 为「不予公开」") == 1, said


def test_a_body_linking_a_file_nobody_withholds_is_published(gk, cat, tmp_path):
    cat.item(POLICY_ITEM, "items/shjz/SHJZ-002.yaml")
    cat.write("files/2026/form.pdf", text_pdf("Application form"))
    cat.record(LETTER.replace("经审核，现将名单予以公示。", "申请表见[表][f]。\n\n  [f]: ../files/2026/form.pdf")
               .replace("页数: 1", "页数: 1\n附件:\n  - 名称: 申请表\n    文件: files/2026/form.pdf"),
               "records/2026/R2026-002.yaml")
    site = site_on(gk, cat, tmp_path / "site", "2026-11-21")
    assert "noindex" not in (site / "records/R2026-002.html").read_text(encoding="utf-8")
    assert "R2026-002" in (site / "sitemap.xml").read_text(encoding="utf-8")


# 4. A zip archive on the end of a PDF. Readers show the PDF; unzip, 7-Zip and Windows read a zip from its end whatever
# stands before it, so the download renamed .zip (or opened with 7-Zip) gives the files the archive holds. The numbers
# are typed by hand: 350524198503151236 (GB 11643-1999: Σ aᵢ·Wᵢ = 281, 281 mod 11 = 6 → check digit 6) and the mobile
# 13805951234 (1[3-9] + 9 digits).
ID, MOBILE = "350524198503151236", "13805951234"
ATTACHED = RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/notice.pdf\n    名称: 附件一\n正文: |")
FILE_LINE = next(n for n, line in enumerate(ATTACHED.splitlines(), 1) if "- 文件:" in line)


def zipped(method: int, comment: bytes = b"") -> bytes:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", method) as packed:
        packed.writestr("低保全员名单.csv", f"姓名,身份证号,电话\n陈水生,{ID},{MOBILE}\n")
        packed.comment = comment
    return archive.getvalue()


def unzipped(folder: Path) -> str:
    """Every file under *folder* as an unzip tool sees it: the members of each that holds a zip archive, decoded."""
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            with zipfile.ZipFile(path) as archive:
                found += [archive.read(name).decode("utf-8", "replace") for name in archive.namelist()]
        except zipfile.BadZipFile:
            continue
    return "\n".join(found)


@pytest.mark.parametrize("tail", [zipped(zipfile.ZIP_DEFLATED), zipped(zipfile.ZIP_STORED),
                                  zipped(zipfile.ZIP_DEFLATED) + b"\n%%EOF\n",
                                  zipped(zipfile.ZIP_DEFLATED, b"x" * 30000)],
                         ids=["deflated", "stored", "pdf-trailer-after-it", "long-comment"])
def test_a_pdf_with_a_zip_on_its_end_is_refused_and_never_published(gk, cat, tmp_path, tail):
    cat.write("files/2026/notice.pdf", text_pdf("Notice of the third quarter") + tail)
    cat.record(ATTACHED)
    run = gk("validate", cat.root, "--format", "json")
    found = [d for d in json.loads(run.out)["diagnostics"] if d["code"].startswith("GK6")]
    assert [(d["code"], d["line"]) for d in found] == [("GK609", FILE_LINE)], found
    assert "扩展名是 .pdf，但内容不是单纯的 PDF 文档：文件末尾还接着一个 zip 压缩包（1 个文件）" in found[0]["message"]
    site, bags = tmp_path / "site", tmp_path / "bags"
    gk("build-site", cat.root, "--out", site, "--today", "2026-11-10")
    gk("handover", "--date", "2026-10-09", "--force", "--allow-incomplete", "-C", cat.root, "--out", bags)
    assert not (site / "files/2026/notice.pdf").exists()
    for folder in (site, bags):
        assert ID not in unzipped(folder) and MOBILE not in unzipped(folder)


def test_a_pdf_is_still_published(gk, cat, tmp_path):
    cat.write("files/2026/notice.pdf", text_pdf("Notice of the third quarter"))
    cat.record(ATTACHED)
    site = site_on(gk, cat, tmp_path / "site", "2026-11-10")
    assert (site / "files/2026/notice.pdf").read_bytes() == text_pdf("Notice of the third quarter")


def test_the_one_check_and_the_one_reader_agree_on_a_zip_after_the_first_4096_bytes(cat):
    """attachment_problem reads a PDF's head only (validate, the gate, the handover plan); read_attachment the whole
    file (every publisher): a zip on the end of a long PDF is refused by both, in the same words."""
    data = text_pdf("Notice of the third quarter") + b"%" + b"x" * 8000 + b"\n" + zipped(zipfile.ZIP_DEFLATED)
    cat.write("files/2026/notice.pdf", data)
    cat.record(ATTACHED)
    catalog = load_catalog(cat.root)
    problem = attachment_problem(catalog, "files/2026/notice.pdf")
    assert problem is not None and problem.code == "GK609"
    with pytest.raises(AttachmentRefused) as refused:
        read_attachment(catalog, "files/2026/notice.pdf")
    assert refused.value.problem == problem


def png_pixel() -> bytes:
    """A 1×1 grey PNG, chunk by chunk (PNG specification §5.3: length, type, data, CRC-32 of type and data)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


# 5. The same inside a Word document: a picture or a PDF in it with a zip on its end. Word shows the picture; unpack the
# docx (it is a zip) and open word/media/image1.png with 7-Zip, and the list is there.
@pytest.mark.parametrize(("part", "content"), [("word/media/image1.png", png_pixel),
                                               ("word/embeddings/notice.pdf", lambda: text_pdf("Embedded notice"))],
                         ids=["picture", "pdf"])
def test_a_part_of_a_docx_with_a_zip_on_its_end_is_refused(gk, cat, tmp_path, part, content):
    document = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx("关于发放临时救助金的通知"))) as plain, zipfile.ZipFile(document, "w") as packed:
        for name in plain.namelist():
            packed.writestr(name, plain.read(name))
        packed.writestr(part, content() + zipped(zipfile.ZIP_DEFLATED))
    cat.write("files/2026/notice.docx", document.getvalue())
    cat.record(ATTACHED.replace("notice.pdf", "notice.docx"))
    run = gk("validate", cat.root, "--format", "json")
    found = [d for d in json.loads(run.out)["diagnostics"] if d["code"].startswith("GK6")]
    assert [(d["code"], d["line"]) for d in found] == [("GK610", FILE_LINE)], found
    assert f"文档中的「{part}」末尾还接着一个 zip 压缩包（1 个文件）" in found[0]["message"]
    site = tmp_path / "site"
    gk("build-site", cat.root, "--out", site, "--today", "2026-11-10")
    assert not (site / "files/2026/notice.docx").exists()


def test_an_xls_with_a_zip_on_its_end_is_refused_and_one_embedding_a_workbook_is_not(gk, cat):
    """An xls (OLE2) holds an embedded workbook as a zip inside one of its streams (test_hostile25_containers reads
    it); a zip after the compound file's last sector belongs to no stream: Excel never shows it, unzip does."""
    plain = (Path(__file__).parent / "fixtures/plain-formats.xls").read_bytes()
    cat.write("files/2026/list.xls", plain + zipped(zipfile.ZIP_DEFLATED))
    cat.record(ATTACHED.replace("notice.pdf", "list.xls"))
    problem = attachment_problem(load_catalog(cat.root), "files/2026/list.xls")
    assert problem is not None and problem.code == "GK609"
    assert "内容不是单纯的 Excel 97-2003 表格（xls）：文件末尾还接着一个 zip 压缩包（1 个文件）" in problem.reason
    cat.write("files/2026/list.xls", plain)
    assert attachment_problem(load_catalog(cat.root), "files/2026/list.xls") is None
