"""Twenty-ninth hostile pass (h133): bugs planted in what the gate opens — the reading of attachments.

The graders plant bugs in privacy/documents.py, attachments.py, pdfbytes.py, extract.py and markup.py; no mutation
group covered them. This file holds, for each way of reading an attachment, one real file built by hand in a real
catalog, run through the real CLI once (validate, build-site, handover: the module's fixture), and asserts the
finding's rule, its place in the file and what was published, all typed by hand. The group `documents` of
tools/mutation.py runs it first.

The numbers are typed by hand: 13805951234 is a mobile (1[3-9] + 9 digits), shown masked as 138****1234;
350524198503151236 is a 身份证号 (GB 11643-1999: Σ aᵢ·Wᵢ = 281, 281 mod 11 = 6 → check digit 6), shown as
35*************236. Every attachment is named on line 18 of its record (附件: - 文件:), column 9.

Found this pass (before the fix → now):
1. A PDF stream packed with LZWDecode (as Acrobat 2 and 3 and some scanners' software packed every stream) that the
   last revision does not reach — an earlier revision's properties or annotations, an object nothing refers to —
   was never read: the bytes scan (pdfbytes.py) unpacked Flate and the text encodings only and skipped any other
   filter, so a mobile number in it passed the gate and was published, while any PDF tool unpacks it. Now LZW is
   unpacked too, within the same budget as Flate (a stream that unpacks past it is refused as a bomb, GK610).
2. A finding in a hidden worksheet said 「备用!B3有未遮盖的身份证号」: Excel shows no tab for a hidden sheet (and
   「取消隐藏」 does not even list a very hidden one), so the clerk looked for 「备用」 in vain and could not fix the
   file. Now the place says so and how to get at it: 「备用!B3（隐藏的工作表：在 Excel 或 WPS 中右键工作表标签 →
   「取消隐藏」可见）」, and for a very hidden sheet how to copy the sheets to publish without it; the same for an
   xls's hidden sheets, a formula's result and a column warning (GK605) of such a sheet.
3. A PDF stream whose Flate data is damaged (a byte overwritten: any text tool, and pypdf, read what comes before the
   damage) was refused as 「PDF 中的数据解压后过大（可能是压缩炸弹）」, a wrong reason with no way out: zlib keeps the
   input after the damage as «unconsumed», which the bytes scan took for a bomb, so the lenient reading of the prefix
   written for it never ran (and would have read nothing of a stream under 4 KB, or run past the budget on a long
   one). Now what comes before the damage is read, within the budget; a real bomb's message says to re-export.
4. A finding in an OFD named its part, 「OFD 页面（Doc_0/Pages/Page_1/Content.xml）」: Page_1 is the second page (the
   parts count from 0, and a converter may list them in any order), so the clerk looked at page 1 of the reader.
   Now the page is named as a reader numbers it, from the order Document.xml lists the pages: 「OFD 第2页（Doc_0/Pages/
   Page_1/Content.xml）」.
6. A table in a record's body written with a rule of one dash a cell (|-|-|-|, | - | - |) or without the outer pipes
   (序号 | 金额 ⏎ --- | ---) is a table on the page (the site's Markdown parser, GFM), but the gate's reading of body
   tables (extract.markdown_tables) wanted two dashes and a leading «|»: a 公示's column of 身份证号 went without
   GK605, a list of people was not known as one, and a number in a cell was named by its line, not its cell. Now the
   tables are the ones the site's parser makes (rows as written), for the gate, mask and the list readers alike.
5. A PDF whose literal string holds a backslash before 8 or 9 (「D:\\9月」, a path in a property: PDF readers ignore
   the backslash) was refused as 「文件已损坏或无法解析（内部结构无法解析）」: the bytes scan read «\\9» as an octal
   escape and failed. Now the backslash is ignored and the file read (and a number in the string found).

Held by hand-planted bugs (each reverted; each makes a test here fail): a docx part skipped (footnotes), the symbolic
link check made on the file only (not on a folder of its path), the earlier revisions of a PDF not read, an xlsx's
hidden sheets skipped, the limits taken one off (MAX_REVISIONS `>=`, a part's packing ratio `>=`), and pypdf's text
decoders (ASCIIHex, ASCII85, RunLength) not applied — mutmut cannot reach `_undone`'s own body, run at import.

Also held (survivors of the screen, tests/test_hostile29_documents_mutants.py alone, on attachments.py and
pdfbytes.py): every refusal of the walk of a path (twins up to case, a file used as a folder, a folder, a pipe, a hard
link, a missing file or folder) with its message and fix; a name cut by a YAML comment and how to quote it; a name
Windows cannot hold; what a publisher asking for a refused file is told; every text encoding of a PDF stream and the
unpacking budget to the byte.
"""

from __future__ import annotations

import base64
import io
import json
import os
import random
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, TODAY, CatalogDir, docx, text_pdf
from test_hostile23_scanner_limits import _page, _record, _run
from gongkai.privacy import pdfbytes
from gongkai.privacy.extract import Unreadable

MOBILE = "13805951234"
ID_NUMBER = "350524198503151236"
MASKED_MOBILE = "138****1234"
MASKED_ID = "35*************236"
OUTSIDE = "OUTSIDE-THE-CATALOG-h133"  # what the files outside the catalog hold (never published)


# ------------------------------------------------------------------------------------------------ files by hand

# A font whose letters a…j draw the digits 0…9 (its encoding's /Differences): the page shows the digits, while the
# file's bytes hold letters — only a reader that draws the page (pypdf's text of a revision) sees the number.
CODED_FONT = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding /Differences "
              b"[97 /zero /one /two /three /four /five /six /seven /eight /nine] >> >>")


def _coded(digits: str) -> bytes:
    return bytes(ord("a") + int(d) for d in digits)


def _shows(digits: str) -> bytes:
    return b"BT /F1 12 Tf 72 720 Td (" + _coded(digits) + b") Tj ET"


def _revised(data: bytes, content: bytes) -> bytes:
    """*data* (a PDF) with an incremental update that replaces its page's content (object 4) by *content*."""
    previous = int(re.findall(rb"startxref\n(\d+)", data)[-1])
    start = len(data)
    body = b"4 0 obj\n<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream\nendobj\n"
    return data + body + (b"xref\n0 1\n0000000000 65535 f \n4 1\n%010d 00000 n \ntrailer\n<< /Size 6 /Root 1 0 R "
                          b"/Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (start, previous, start + len(body)))


def _revisions(updates: int) -> bytes:
    """A one-page PDF whose first revision shows the mobile, then *updates* incremental updates showing 2026."""
    data = _page(_shows(MOBILE), b"<< /Font << /F1 5 0 R >> >>", CODED_FONT)
    for _ in range(updates):
        data = _revised(data, _shows("2026"))
    return data


def _lzw(text: bytes) -> bytes:
    from pypdf._codecs._codecs import LzwCodec

    return bytes(LzwCodec().encode(text))


def _unreferenced(filter_name: bytes, packed: bytes) -> bytes:
    """A one-page PDF of an ordinary notice and a stream nothing refers to, packed with *filter_name*."""
    return _page(b"BT /F1 12 Tf 72 720 Td (Notice) Tj ET", b"<< /Font << /F1 5 0 R >> >>",
                 b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                 b"<< /Length %d /Filter %s >>\nstream\n" % (len(packed), filter_name) + packed + b"\nendstream")


TEL = f"(Tel {MOBILE}) Tj".encode()


def _damaged_flate() -> bytes:
    """A Flate stream that shows the mobile, then 400 lines of a notice, damaged halfway (8 bytes overwritten)."""
    packed = zlib.compress(TEL + b"".join(b"(line %d of the notice) Tj " % n for n in range(400)), 9)
    half = len(packed) // 2
    return packed[:half] + b"\xff" * 8 + packed[half + 8:]


def _run_length(*runs: bytes) -> bytes:
    """RunLengthDecode data of literal *runs*, each after its length less one (a run of 66 bytes after 「A」: as
    stored, 13805A951234 is no number)."""
    return b"".join(bytes([len(run) - 1]) + run for run in runs) + b"\x80"


def _workbook(state: str) -> bytes:
    """名单 (visible: 序号, 金额) and a sheet 备用 in *state* holding an ID at B3."""
    from openpyxl import Workbook

    book = Workbook()
    shown = book.active
    shown.title = "名单"
    shown.append(["序号", "金额"])
    shown.append([1, 880])
    kept = book.create_sheet("备用")
    kept.sheet_state = state
    kept["A1"], kept["B1"], kept["A2"], kept["B3"] = "序号", "备注", 1, ID_NUMBER
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _cell_at_c12() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet["A1"], sheet["B1"], sheet["C1"] = "序号", "金额", "备注"
    sheet["C12"] = f"联系电话{MOBILE}"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _padded_docx(size: int) -> bytes:
    """An ordinary notice with a part of *size* spaces (packed some thousand times smaller)."""
    data = io.BytesIO(docx("关于做好2026年低保工作的通知"))
    with zipfile.ZipFile(data, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/embeddings/blank.bin", b" " * size)
    return data.getvalue()


def _ofd(*pages: str, order: tuple[int, ...] = ()) -> bytes:
    """An OFD of one text object per page, its parts Doc_0/Pages/Page_<n>/Content.xml; Document.xml lists them in
    *order* (by default as numbered), as a reader shows them."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    listed = "".join(f'<ofd:Page ID="{n + 10}" BaseLoc="Pages/Page_{n}/Content.xml"/>'
                     for n in (order or range(len(pages))))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("OFD.xml", f'<?xml version="1.0"?><ofd:OFD {ns} Version="1.0"><ofd:DocBody><ofd:DocInfo>'
                         "<ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                         "</ofd:DocBody></ofd:OFD>")
        archive.writestr("Doc_0/Document.xml", f'<?xml version="1.0"?><ofd:Document {ns}><ofd:Pages>{listed}'
                         "</ofd:Pages></ofd:Document>")
        for n, text in enumerate(pages):
            archive.writestr(f"Doc_0/Pages/Page_{n}/Content.xml",
                             f'<?xml version="1.0"?><ofd:Page {ns}><ofd:Content><ofd:Layer ID="2">'
                             '<ofd:TextObject ID="3" '
                             f'Boundary="10 10 100 5" Font="3" Size="3"><ofd:TextCode X="0" Y="3">{text}</ofd:TextCode>'
                             "</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>")
    return buffer.getvalue()


ONE_MB = 1024 * 1024
FIXTURES = Path(__file__).parent / "fixtures"


def _xls(visibility: int) -> bytes:
    """number-formats.xls (名单: 陈水生, B2 5951234 shown as 13805951234 through the format "1380"0) with its sheet's
    visibility (BOUNDSHEET: stream position, 4 bytes, then visibility: 0 shown, 1 hidden, 2 very hidden) set."""
    data = bytearray((FIXTURES / "number-formats.xls").read_bytes())
    name = data.index(b"\x02\x01" + "名单".encode("utf-16-le"))  # (its length, 2, and UTF-16)
    assert data[name - 10:name - 8] == b"\x85\x00"  # the record BOUNDSHEET: type, length, position, visibility, kind
    data[name - 2] = visibility
    return bytes(data)


# name → (attachment's file name, its bytes, the one GK6xx finding expected: (code, words its message holds) or None
# when the file is read and nothing is found)
CASES: dict[str, tuple[str, Callable[[], bytes], tuple[str, str] | None]] = {
    # every part of a Word document is read, and the finding names the part
    "docx-header": ("h.docx", lambda: docx("通知", header1=f"联系电话{MOBILE}"),
                    ("GK602", f"页眉（word/header1.xml）有未遮盖的手机号码「{MASKED_MOBILE}」")),
    "docx-footer": ("f.docx", lambda: docx("通知", footer1=f"联系电话{MOBILE}"),
                    ("GK602", f"页脚（word/footer1.xml）有未遮盖的手机号码「{MASKED_MOBILE}」")),
    "docx-comments": ("c.docx", lambda: docx("通知", comments=f"身份证号{ID_NUMBER}"),
                      ("GK601", f"批注（word/comments.xml）有未遮盖的身份证号「{MASKED_ID}」")),
    "docx-footnotes": ("fn.docx", lambda: docx("通知", footnotes=f"身份证号{ID_NUMBER}"),
                       ("GK601", f"脚注（word/footnotes.xml）有未遮盖的身份证号「{MASKED_ID}」")),
    "docx-endnotes": ("en.docx", lambda: docx("通知", endnotes=f"身份证号{ID_NUMBER}"),
                      ("GK601", f"尾注（word/endnotes.xml）有未遮盖的身份证号「{MASKED_ID}」")),
    "docx-properties": ("p.docx", lambda: docx("通知", core=f"张三{MOBILE}"),
                        ("GK602", f"文档属性（docProps/core.xml）有未遮盖的手机号码「{MASKED_MOBILE}」")),
    # every sheet of a workbook, hidden or not, by its address; a hidden one says how to see it
    "xlsx-cell": ("cell.xlsx", _cell_at_c12, ("GK602", f"名单!C12有未遮盖的手机号码「{MASKED_MOBILE}」")),
    "xlsx-hidden": ("hidden.xlsx", lambda: _workbook("hidden"),
                    ("GK601", "备用!B3（隐藏的工作表：在 Excel 或 WPS 中右键工作表标签 →「取消隐藏」可见）"
                              f"有未遮盖的身份证号「{MASKED_ID}」")),
    "xlsx-very-hidden": ("very.xlsx", lambda: _workbook("veryHidden"),
                         ("GK601", "备用!B3（深度隐藏的工作表：「取消隐藏」中也不列出；请把要公开的工作表「移动或复制」到"
                                   "新工作簿另存，或在「开发工具 → Visual Basic」中把它的 Visible 改为 -1 后删除）"
                                   f"有未遮盖的身份证号「{MASKED_ID}」")),
    # (an xls: three findings, test_an_xls_is_read_cell_by_cell_and_a_hidden_sheet_named_so)
    "xls-cell": ("formats.xls", lambda: _xls(0), None),
    "xls-hidden": ("hidden.xls", lambda: _xls(1), None),
    # (4) an OFD's page by its number as a reader shows it (Document.xml's order), not by its part's name
    "ofd-second-page": ("two.ofd", lambda: _ofd("关于低保工作的通知", f"联系电话{MOBILE}"),
                        ("GK602", f"OFD 第2页（Doc_0/Pages/Page_1/Content.xml）有未遮盖的手机号码「{MASKED_MOBILE}」")),
    "ofd-listed-first": ("first.ofd", lambda: _ofd("关于低保工作的通知", f"联系电话{MOBILE}", order=(1, 0)),
                         ("GK602", f"OFD 第1页（Doc_0/Pages/Page_1/Content.xml）有未遮盖的手机号码「{MASKED_MOBILE}」")),
    # a CSV's cells by data row (below the header) and column, with the column's heading
    "csv-cell": ("list.csv", lambda: f"姓名,金额,联系电话\n陈水生,880,无\n李明,660,{MOBILE}\n".encode(),
                 ("GK602", f"第2行第3列（联系电话）有未遮盖的手机号码「{MASKED_MOBILE}」")),
    # a PDF's pages by number, and each earlier revision's (the number drawn in a font: only the revision shows it)
    "pdf-third-page": ("three.pdf", lambda: text_pdf("Notice", "of the work", f"Tel {MOBILE}"),
                       ("GK602", f"第3页有未遮盖的手机号码「{MASKED_MOBILE}」")),
    "pdf-revision": ("rev.pdf", lambda: _revisions(1), ("GK602", f"早先版本1 第1页有未遮盖的手机号码「{MASKED_MOBILE}」")),
    # the limit of revisions: 16 incremental updates (17 revisions) are all read, the earliest one too; 17 are not
    "pdf-16-updates": ("r16.pdf", lambda: _revisions(16), ("GK602", f"早先版本1 第1页有未遮盖的手机号码「{MASKED_MOBILE}」")),
    "pdf-17-updates": ("r17.pdf", lambda: _revisions(17),
                       ("GK610", "PDF 经过 17 次增量修改（保存了 18 个版本），超过 gongkai 逐一检查的 17 个")),
    # (1) an LZW-packed stream nothing refers to, read as a Flate one is
    "pdf-lzw": ("lzw.pdf", lambda: _unreferenced(b"/LZWDecode", _lzw(f"(Tel {MOBILE}) Tj".encode())),
                ("GK602", f"文件中的其他文字（早先版本、注释、名称、未引用的对象）有未遮盖的手机号码「{MASKED_MOBILE}」")),
    # the text encodings any PDF tool undoes, alone and before Flate, in a stream nothing refers to
    "pdf-hex": ("hex.pdf", lambda: _unreferenced(b"/ASCIIHexDecode", TEL.hex().encode() + b">"),
                ("GK602", f"文件中的其他文字（早先版本、注释、名称、未引用的对象）有未遮盖的手机号码「{MASKED_MOBILE}」")),
    "pdf-85": ("a85.pdf", lambda: _unreferenced(b"/A85", base64.a85encode(TEL) + b"~>"),
               ("GK602", f"文件中的其他文字（早先版本、注释、名称、未引用的对象）有未遮盖的手机号码「{MASKED_MOBILE}」")),
    "pdf-run-length": ("rl.pdf",
                       lambda: _unreferenced(b"/RunLengthDecode", _run_length(b"(Tel 13805", b"951234) Tj".ljust(66))),
                       ("GK602", f"文件中的其他文字（早先版本、注释、名称、未引用的对象）有未遮盖的手机号码「{MASKED_MOBILE}」")),
    "pdf-hex-of-flate": ("hexflate.pdf", lambda: _unreferenced(b"[/AHx /Fl]", zlib.compress(TEL).hex().encode() + b">"),
                         ("GK602", f"文件中的其他文字（早先版本、注释、名称、未引用的对象）有未遮盖的手机号码「{MASKED_MOBILE}」")),
    # (3) a damaged Flate stream: what comes before the damage is read, as a lenient reader shows it
    "pdf-damaged-flate": ("damaged.pdf", lambda: _unreferenced(b"/FlateDecode", _damaged_flate()),
                          ("GK602", f"文件中的其他文字（早先版本、注释、名称、未引用的对象）有未遮盖的手机号码「{MASKED_MOBILE}」")),
    # (5) a backslash before a character that is no escape (\9) is ignored, as readers do: no 「文件已损坏」
    "pdf-backslash-nine": ("path.pdf", lambda: text_pdf("Notice", info=f"/Author (D:\\9yue {MOBILE})"),
                           ("GK602", f"文档属性 /Author有未遮盖的手机号码「{MASKED_MOBILE}」")),
    # the packing ratio of one part: a part of 1 MB that packs 200 times and more is read; one byte more is a bomb
    "docx-1mb-part": ("mb.docx", lambda: _padded_docx(ONE_MB), None),
    "docx-1mb-and-a-byte": ("mb1.docx", lambda: _padded_docx(ONE_MB + 1), ("GK610", "压缩比异常（可能是压缩炸弹）")),
}
# symbolic links, made in the fixture: (path written in the record, the finding's words)
LINKS = {
    "link-to-folder-outside": ("files/2026/linked/x.csv",
                               "其中的文件夹「files/2026/linked」是符号链接（快捷方式），公开的可能是别处的文件"),
    "link-to-folder-inside": ("files/2026/same/y.csv",
                              "其中的文件夹「files/2026/same」是符号链接（快捷方式），公开的可能是别处的文件"),
    "link-to-file-outside": ("files/2026/passwd.csv", "文件是符号链接（快捷方式），公开的可能是别处的文件"),
}
# what else the walk of a path part by part refuses (made in the fixture): name in files/2026/ → (code, the message
# after 「附件「files/2026/name」」, the hint)
PATH_HINT = "附件只能是目录文件夹中 files/ 下的普通文件，写相对路径，用 / 分隔，如 files/2026/R2026-012.pdf。"
ON_DISK = {
    "名单.csv": ("GK606", "与「files/2026/名单.CSV」只差大小写或 Unicode 写法，在 Windows 和 macOS 上是同一个文件：检出后公开的可能是另一个",
                "给两个文件起不同的名字（如 R2026-012.pdf 和 R2026-012-2.pdf），删除多余的一个，并改正附件路径。"),
    "list.csv/x.csv": ("GK607", "文件不存在（路径中的「list.csv」不是文件夹）",
                       "把文件放到目录文件夹中的 files/2026/list.csv/x.csv，或改正附件路径。"),
    "folder.pdf": ("GK607", "是文件夹，不是文件", "附件应写到具体的文件，如 files/2026/R2026-012.pdf。"),
    "pipe.csv": ("GK607", "不是普通文件（是设备、管道或套接字）", PATH_HINT),
    "hard.csv": ("GK606", "是硬链接（与另外 1 处的文件是同一个文件），公开的可能是别处的文件", "把文件复制一份（不要用硬链接）放到 files/ 中。"),
    "gone.pdf": ("GK607", "文件不存在", "把文件放到目录文件夹中的 files/2026/gone.pdf，或改正附件路径。"),
    "2027/gone.pdf": ("GK607", "文件不存在", "把文件放到目录文件夹中的 files/2026/2027/gone.pdf，或改正附件路径。"),
    # (a folder missing: the file cut by a comment beside it, 名单 #2.pdf in files/2026, is not this one's)
    "sub/名单": ("GK607", "文件不存在", "把文件放到目录文件夹中的 files/2026/sub/名单，或改正附件路径。"),
}
# a name YAML cuts at 「 #」 (a comment): 「文件: files/2026/名单 #2.pdf」 reads files/2026/名单
CUT = "名单 #2.pdf"
# a record's body with a table (extract.markdown_segments): its cells by data row and column, on the line they are
TABLE = "\n  | 序号 | 金额 | 备注 |\n  | --- | --- | --- |\n  | 1 | 880 | 无 |\n  | 2 | 660 | 电话13805951234 |\n"
# (6) tables the site's parser makes and the gate did not see: a rule of one dash a cell, rows without outer pipes
SHORT_RULE = ("\n  | 姓名 | 身份证号 | 金额 |\n  |-|-|-|\n  | 陈水生 | 35*************236 | 880 |\n"
              "  | 李明 | 35*************123 | 660 |\n")
BARE_ROWS = "\n  序号 | 金额 | 备注\n  --- | --- | ---\n  1 | 880 | 无\n  2 | 660 | 电话13805951234\n"
NUMBER = {case: n for n, case in enumerate([*CASES, *LINKS, "cut-by-comment", "device-name", *ON_DISK, "body-table",
                                            "short-rule", "bare-rows"], start=1)}
LINE, COLUMN = 18, 9


# (validate's json, every file written, what was printed, the catalog)
Built = tuple[list[dict[str, object]], bytes, str, Path]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """One catalog of every case, validated (json), published and handed over once."""
    root = tmp_path_factory.mktemp("h29")
    cat = CatalogDir(root / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    for case, (name, make, _) in CASES.items():
        cat.record(_record(NUMBER[case], name), f"records/2026/R2026-{NUMBER[case]:03d}.yaml")
        cat.write(f"files/2026/{name}", make())
    outside = root / "outside"
    outside.mkdir()
    (outside / "x.csv").write_text(f"姓名,备注\n{OUTSIDE},1\n", encoding="utf-8")
    (outside / "passwd.csv").write_text(f"root,x,0,0,{OUTSIDE}\n", encoding="utf-8")
    cat.write("files/2025/y.csv", f"姓名,备注\n{OUTSIDE},2\n")
    os.symlink(outside, cat.root / "files/2026/linked")
    os.symlink(cat.root / "files/2025", cat.root / "files/2026/same")
    os.symlink(outside / "passwd.csv", cat.root / "files/2026/passwd.csv")
    for case, (path, _) in LINKS.items():
        text = _record(NUMBER[case], "x").replace("files/2026/x", path)
        cat.record(text, f"records/2026/R2026-{NUMBER[case]:03d}.yaml")
    cat.record(_record(NUMBER["cut-by-comment"], CUT), f"records/2026/R2026-{NUMBER['cut-by-comment']:03d}.yaml")
    cat.write(f"files/2026/{CUT}", text_pdf("Notice"))
    cat.record(_record(NUMBER["device-name"], "aux.csv"), f"records/2026/R2026-{NUMBER['device-name']:03d}.yaml")
    cat.write("files/2026/aux.csv", "序号,金额\n1,880\n")
    for name in ON_DISK:
        cat.record(_record(NUMBER[name], name), f"records/2026/R2026-{NUMBER[name]:03d}.yaml")
    body = _record(NUMBER["body-table"], "x").replace("附件:\n  - 文件: files/2026/x\n    名称: 附件一\n", "")
    cat.record(body + TABLE, f"records/2026/R2026-{NUMBER['body-table']:03d}.yaml")
    for case, table in (("short-rule", SHORT_RULE), ("bare-rows", BARE_ROWS)):
        body = _record(NUMBER[case], "x").replace("附件:\n  - 文件: files/2026/x\n    名称: 附件一\n", "")
        cat.record(body + table, f"records/2026/R2026-{NUMBER[case]:03d}.yaml")
    cat.write("files/2026/名单.csv", "序号,金额\n1,880\n")
    cat.write("files/2026/名单.CSV", "序号,金额\n2,660\n")
    (cat.root / "files/2026/folder.pdf").mkdir()
    os.mkfifo(cat.root / "files/2026/pipe.csv")
    (outside / "hard.csv").write_text(f"姓名,备注\n{OUTSIDE},3\n", encoding="utf-8")
    os.link(outside / "hard.csv", cat.root / "files/2026/hard.csv")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", TODAY)
        patch.setenv("COLUMNS", "200")
        code, out = _run("validate", cat.root, "--format", "json", "--no-cache")
        assert code == 1, out
        site, bags = root / "site", root / "bags"
        runs = [_run("build-site", cat.root, "--out", site, "--no-search"),
                _run("handover", "--date", "2026-10-09", "--force", "--allow-incomplete", "-C", cat.root,
                     "--out", bags)]
    written = b"".join(b"\nFILE " + str(path.relative_to(root)).encode() + b"\n" + path.read_bytes()
                       for folder in (site, bags) if folder.is_dir()
                       for path in sorted(folder.rglob("*")) if path.is_file())
    return json.loads(out)["diagnostics"], written, "".join(f"[exit {c}]{text}" for c, text in runs), cat.root


def _findings(built: Built, case: str) -> list[tuple[str, int, int, str]]:
    """(code, line, column, message) of the GK6xx errors of the case's record."""
    return [(str(d["code"]), int(d["line"]), int(d["column"]), str(d["message"])) for d in built[0]
            if d["id"] == f"R2026-{NUMBER[case]:03d}" and str(d["code"]).startswith("GK6") and d["severity"] == "error"]


HIDDEN = "（隐藏的工作表：在 Excel 或 WPS 中右键工作表标签 →「取消隐藏」可见）"


def test_every_check_of_the_catalog_at_once(built):
    # mutmut charges what the module's fixture runs (validate, build-site, handover) to the first test that asks for
    # it, and runs only that test on a mutant there: this one makes every check of the catalog below
    for case in FOUND:
        test_each_place_of_an_attachment_is_read_and_named(built, case)
    test_the_records_the_gate_let_through_are_published_and_handed_over(built)
    for case, hidden in (("xls-cell", ""), ("xls-hidden", HIDDEN)):
        test_an_xls_is_read_cell_by_cell_and_a_hidden_sheet_named_so(built, case, hidden)
    test_a_file_on_the_near_side_of_a_limit_is_read_and_published(built)
    for case in LINKS:
        test_a_symbolic_link_anywhere_in_the_path_is_refused_and_nothing_behind_it_published(built, case)
    test_a_path_cut_by_a_yaml_comment_is_named_with_how_to_quote_it(built)
    test_a_publisher_asking_for_a_refused_attachment_gets_the_reason_not_the_file(built)
    test_a_name_windows_cannot_hold_is_refused_with_its_reason_and_fix(built)
    for name in ON_DISK:
        test_the_walk_of_the_path_refuses_what_is_no_plain_file_of_the_catalog(built, name)
    test_a_cell_of_a_table_in_the_body_is_named_by_its_row_column_and_line(built)
    test_a_table_written_with_a_short_rule_or_bare_rows_is_read_as_the_table_the_page_shows(built)


FOUND = [c for c, (_, _, expected) in CASES.items() if expected is not None]


@pytest.mark.parametrize("case", FOUND)
def test_each_place_of_an_attachment_is_read_and_named(built, case):
    name, _, (code, words) = CASES[case]
    found = _findings(built, case)
    assert [(c, line, column) for c, line, column, _ in found] == [(code, LINE, COLUMN)], found
    assert found[0][3].startswith(f"附件「files/2026/{name}」"), found
    assert words in found[0][3], found
    # held back: the file is on no page and in no batch, and nothing printed a traceback
    assert f"files/2026/{name}".encode() not in built[1] and f"/{name}".encode() not in built[1]
    assert "Traceback" not in built[2]


def test_the_records_the_gate_let_through_are_published_and_handed_over(built):
    # (the output scan of build-site and handover finds nothing the gate let out: both run to the end)
    assert built[2].count("[exit 0]") == 2, built[2]


@pytest.mark.parametrize(("case", "hidden"), [("xls-cell", ""), ("xls-hidden", HIDDEN)])
def test_an_xls_is_read_cell_by_cell_and_a_hidden_sheet_named_so(built, case, hidden):
    # C2 holds 35052419850315, which its number format shows as the whole ID; B2 5951234 through "1380"0; the row
    # read whole (陈水生, 5951234 …) has the last 7 digits of a telephone number
    name = CASES[case][0]
    assert [(code, message) for code, _, _, message in _findings(built, case)] == [
        ("GK601", f"附件「files/2026/{name}」 名单!C2{hidden}（按单元格的数字格式显示）有未遮盖的身份证号「{MASKED_ID}」（已遮盖显示）"),
        ("GK602", f"附件「files/2026/{name}」 名单!B2{hidden}（按单元格的数字格式显示）有未遮盖的手机号码「{MASKED_MOBILE}」（已遮盖显示）"),
        ("GK602", f"附件「files/2026/{name}」 名单{hidden}第2行有未遮盖的电话号码「***1234」（已遮盖显示）"),
    ]
    assert f"/{name}".encode() not in built[1]


def test_a_file_on_the_near_side_of_a_limit_is_read_and_published(built):
    assert _findings(built, "docx-1mb-part") == []
    assert b"/mb.docx\n" in built[1]  # its copy on the site (and in the batch)


@pytest.mark.parametrize("case", list(LINKS))
def test_a_symbolic_link_anywhere_in_the_path_is_refused_and_nothing_behind_it_published(built, case):
    path, words = LINKS[case]
    found = _findings(built, case)
    assert found == [("GK606", LINE, COLUMN, f"附件「{path}」{words}")], found
    hints = [d["hint"] for d in built[0] if d["id"] == f"R2026-{NUMBER[case]:03d}" and d["code"] == "GK606"]
    assert hints == ["把真正的文件复制到 files/ 中，删除符号链接。"]
    assert OUTSIDE.encode() not in built[1] and ("/" + path.rsplit("/", 1)[-1]).encode() not in built[1]


# ------------------------------------------------------------------------------------- the bytes scan of a PDF

def test_an_lzw_stream_that_unpacks_past_the_budget_is_refused_as_a_bomb(monkeypatch):
    # 4,000 spaces packed with LZW (some 300 bytes); a budget of 3,000 bytes left: refused, as a Flate stream is
    packed = _lzw(b" " * 4000)
    data = _unreferenced(b"/LZWDecode", packed)
    monkeypatch.setattr(pdfbytes, "MAX_UNPACKED", 3000)
    with pytest.raises(Unreadable, match="解压后过大（可能是压缩炸弹）；请用「另存为」或「打印为 PDF」重新导出后再登记"):
        pdfbytes.pdf_byte_texts(data)
    monkeypatch.setattr(pdfbytes, "MAX_UNPACKED", 5000)  # (the whole file's streams unpack to 4,000 and a few)
    assert pdfbytes.pdf_byte_texts(data)


def test_damaged_lzw_data_is_read_as_it_stands():
    # a stream marked LZW whose bytes are not LZW (a code beyond the table): its strings are read as written
    texts = pdfbytes.pdf_byte_texts(_unreferenced(b"/LZWDecode", b"\xff\xff\xff\xff (Tel " + MOBILE.encode() + b")"))
    assert any(f"Tel {MOBILE}" in text for text in texts), texts


def test_a_damaged_flate_stream_is_read_up_to_the_damage_within_the_budget(monkeypatch):
    # (3) the 400 lines before the damage unpack to some 5,000 bytes: read with a budget of 20,000, a bomb with 1,000
    data = _unreferenced(b"/FlateDecode", _damaged_flate())
    assert any(f"Tel {MOBILE}" in text for text in pdfbytes.pdf_byte_texts(data))
    monkeypatch.setattr(pdfbytes, "MAX_UNPACKED", 1000)
    with pytest.raises(Unreadable, match="可能是压缩炸弹"):
        pdfbytes.pdf_byte_texts(data)


def test_a_path_cut_by_a_yaml_comment_is_named_with_how_to_quote_it(built):
    found = [d for d in built[0] if d["id"] == f"R2026-{NUMBER['cut-by-comment']:03d}" and d["code"] == "GK607"]
    assert [(d["message"], d["line"], d["column"]) for d in found] == [("附件「files/2026/名单」文件不存在", LINE, COLUMN)]
    assert found[0]["hint"] == ("文件夹里有「名单 #2.pdf」：YAML 把「 #」和它后面的文字当作注释，路径只读到了「files/2026/名单」。"
                                '请给路径加上引号：文件: "files/2026/名单 #2.pdf"，或把文件改名，去掉「#」。')


def test_a_publisher_asking_for_a_refused_attachment_gets_the_reason_not_the_file(built):
    from gongkai.catalog import load_catalog
    from gongkai.privacy.attachments import AttachmentRefused, read_attachment

    catalog = load_catalog(built[3], use_cache=False)
    with pytest.raises(AttachmentRefused) as refused:
        read_attachment(catalog, "files/2026/linked/x.csv")
    assert str(refused.value) == ("附件「files/2026/linked/x.csv」不能公开：其中的文件夹「files/2026/linked」是符号链接（快捷方式），"
                                  "公开的可能是别处的文件")
    assert refused.value.problem.code == "GK606"
    assert read_attachment(catalog, "files/2026/list.csv").startswith("姓名,金额,联系电话".encode())
    # a path out of files/ is refused as it is written, before anything is opened; a file not what its name says too
    with pytest.raises(AttachmentRefused) as refused:
        read_attachment(catalog, "files/../gongkai.yaml")
    assert (refused.value.problem.code, refused.value.problem.reason) == ("GK606", "路径含有「..」，指向 files/ 之外")
    with pytest.raises(AttachmentRefused) as refused:
        read_attachment(catalog, "files/2026/folder.pdf")
    assert (refused.value.problem.code, refused.value.problem.reason) == ("GK607", "是文件夹，不是文件")


def test_a_name_windows_cannot_hold_is_refused_with_its_reason_and_fix(built):
    found = [d for d in built[0] if d["id"] == f"R2026-{NUMBER['device-name']:03d}" and d["code"] == "GK606"]
    assert [(d["message"], d["line"], d["column"]) for d in found] == [(
        "附件「files/2026/aux.csv」的文件名在 Windows 上无效，县政府网站的服务器和两馆的电脑无法保存：「aux.csv」在 Windows 上是"
        "保留的设备名 AUX，这个文件在 Windows 上无法打开、复制，也无法从 git 检出（同事的电脑、两馆的电脑都是 Windows）", LINE, COLUMN)]
    assert found[0]["hint"] == "换一个名字，如「aux-1.csv」；改名后，登记它的一行（「文件: ……」，或与编号一致的文件名）也要一起改正。"
    assert b"/aux.csv" not in built[1]


@pytest.mark.parametrize("name", list(ON_DISK))
def test_the_walk_of_the_path_refuses_what_is_no_plain_file_of_the_catalog(built, name):
    code, words, hint = ON_DISK[name]
    found = [d for d in built[0] if d["id"] == f"R2026-{NUMBER[name]:03d}" and str(d["code"]).startswith("GK6")]
    assert [(d["code"], d["message"], d["line"], d["column"], d["hint"]) for d in found] == [
        (code, f"附件「files/2026/{name}」{words}", LINE, COLUMN, hint)]
    assert OUTSIDE.encode() not in built[1]


@pytest.mark.parametrize(("filter_name", "pack"), [(b"/FlateDecode", zlib.compress), (b"/LZWDecode", _lzw)])
def test_streams_that_unpack_to_exactly_the_budget_are_read_one_byte_more_is_a_bomb(monkeypatch, filter_name, pack):
    # the page's own content stream is not packed (counted for nothing); the other unpacks to 4,000 bytes
    data = _unreferenced(filter_name, pack(b"(Tel " + MOBILE.encode() + b") Tj" + b" " * 3980))
    monkeypatch.setattr(pdfbytes, "MAX_UNPACKED", 4000)
    assert any(f"Tel {MOBILE}" in text for text in pdfbytes.pdf_byte_texts(data))
    monkeypatch.setattr(pdfbytes, "MAX_UNPACKED", 3999)
    with pytest.raises(Unreadable, match="可能是压缩炸弹"):
        pdfbytes.pdf_byte_texts(data)


def test_a_cell_of_a_table_in_the_body_is_named_by_its_row_column_and_line(built):
    # the body's lines: 18 经审核…, 19 blank, 20 the header, 21 its rule, 22 and 23 the rows
    found = [(d["code"], d["message"], d["line"]) for d in built[0] if d["id"] == f"R2026-{NUMBER['body-table']:03d}"
             and str(d["code"]).startswith("GK6")]
    assert found == [("GK602", f"正文表格第2行第3列（备注）有未遮盖的手机号码「{MASKED_MOBILE}」（已遮盖显示）", 23)]


def test_a_damaged_stream_is_read_chunk_after_chunk_up_to_the_damage(monkeypatch):
    # 6,000 bytes that do not pack (a picture's bytes would not either), the mobile (20 bytes), 2,000 more, packed: the
    # mobile is past the first 4,096 bytes of the packed data; its checksum (the last 4 bytes) damaged: all 8,020 bytes
    # come before the damage
    noise = random.Random(29).randbytes
    packed = zlib.compress(noise(6000) + TEL + noise(2000))
    data = _unreferenced(b"/FlateDecode", packed[:-4] + bytes(4))
    assert any(f"Tel {MOBILE}" in text for text in pdfbytes.pdf_byte_texts(data))
    monkeypatch.setattr(pdfbytes, "MAX_UNPACKED", 8020)  # exactly what it unpacks to: read
    assert any(f"Tel {MOBILE}" in text for text in pdfbytes.pdf_byte_texts(data))
    monkeypatch.setattr(pdfbytes, "MAX_UNPACKED", 8019)
    with pytest.raises(Unreadable, match="可能是压缩炸弹"):
        pdfbytes.pdf_byte_texts(data)


def test_what_every_chunk_of_a_damaged_stream_gives_is_kept_in_order():
    # the mobile at the start (in the first 4,096 bytes of packed data), 24,000 hex digits (packed about half: three
    # chunks more), the mobile again after 「Fax」 at the end; the checksum damaged: both are read
    noise = random.Random(29).randbytes(12000).hex().encode()
    packed = zlib.compress(TEL + b" (" + noise + b") (Fax " + MOBILE.encode() + b") Tj")
    texts = pdfbytes.pdf_byte_texts(_unreferenced(b"/FlateDecode", packed[:-4] + bytes(4)))
    assert any(f"Tel {MOBILE}" in text for text in texts) and any(f"Fax {MOBILE}" in text for text in texts)


def test_a_table_written_with_a_short_rule_or_bare_rows_is_read_as_the_table_the_page_shows(built):
    # (6) |-|-|-| is a rule row to the site's parser: a 公示's column of IDs is warned of (GK605), as under | --- |
    warned = [(d["code"], d["message"], d["line"]) for d in built[0] if d["id"] == f"R2026-{NUMBER['short-rule']:03d}"]
    assert warned == [("GK605", "公示名单正文表格第2列「身份证号」不在允许公开的列中", 20)]
    # rows without the outer pipes: the mobile is named at its cell, row 2, column 3 (备注), on line 23
    found = [(d["code"], d["message"], d["line"]) for d in built[0] if d["id"] == f"R2026-{NUMBER['bare-rows']:03d}"
             and str(d["code"]).startswith("GK6")]
    assert found == [("GK602", f"正文表格第2行第3列（备注）有未遮盖的手机号码「{MASKED_MOBILE}」（已遮盖显示）", 23)]


def test_a_table_the_page_shows_as_code_is_still_read_as_a_table():
    # indented four spaces under a paragraph (a code block on the page, the names still shown): its header and rows
    from gongkai.privacy.extract import markdown_tables

    tables = markdown_tables("说明：\n\n    | 姓名 | 金额 |\n    | --- | --- |\n    | 陈水生 | 880 |\n")
    assert [(t.header, t.line, t.rows) for t in tables] == [(["姓名", "金额"], 2, [["陈水生", "880"]])]
    tables = markdown_tables("| 姓名 | 金额 |\n|-|-|\n| 陈水生 | 880 |\n李明 | 660\n\n后记 | 无")
    assert [(t.header, t.line, t.rows) for t in tables] == [(["姓名", "金额"], 0, [["陈水生", "880"], ["李明", "660"]])]


def test_a_file_swapped_for_a_link_after_the_check_is_not_followed(tmp_path, monkeypatch):
    # the check passes, then (a race: a sync tool, a colleague) the file becomes a link to one outside the catalog:
    # the read opens the path without following a link (O_NOFOLLOW) and refuses it
    from gongkai.catalog import load_catalog
    from gongkai.privacy import attachments
    from gongkai.privacy.attachments import AttachmentRefused, read_attachment

    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.write("files/2026/race.csv", "序号,金额\n1,880\n")
    (tmp_path / "secret.csv").write_text(f"姓名,备注\n{OUTSIDE},4\n", encoding="utf-8")
    checked = attachments._on_disk

    def then_swapped(root: Path, path: str):
        found = checked(root, path)
        (root / path).unlink()
        (root / path).symlink_to(tmp_path / "secret.csv")
        return found

    monkeypatch.setattr(attachments, "_on_disk", then_swapped)
    with pytest.raises(AttachmentRefused) as refused:
        read_attachment(load_catalog(cat.root, use_cache=False), "files/2026/race.csv")
    assert str(refused.value) == "附件「files/2026/race.csv」不能公开：文件不存在" and refused.value.problem.code == "GK607"
    assert refused.value.problem.hint == "把文件放到目录文件夹中的 files/2026/race.csv，或改正附件路径。"
    # (no race) a file that is not what its name says is refused when it is read, as validate refuses it (GK609)
    monkeypatch.undo()
    cat.write("files/2026/fake.pdf", "这不是 PDF 文件\n")
    with pytest.raises(AttachmentRefused) as refused:
        read_attachment(load_catalog(cat.root, use_cache=False), "files/2026/fake.pdf")
    assert refused.value.problem.code == "GK609"
    assert str(refused.value).startswith("附件「files/2026/fake.pdf」不能公开：扩展名是 .pdf，但")


def test_a_damaged_stream_whose_first_part_is_a_bomb_says_so_and_how_to_fix_it(monkeypatch):
    # 40,000 spaces (packing to some 60 bytes), then damage: the part before the damage already passes a budget of
    # 10,000 bytes
    packed = zlib.compress(b" " * 40000 + TEL)
    data = _unreferenced(b"/FlateDecode", packed[:-4] + bytes(4))
    monkeypatch.setattr(pdfbytes, "MAX_UNPACKED", 10000)
    with pytest.raises(Unreadable) as refused:
        pdfbytes.pdf_byte_texts(data)
    assert str(refused.value) == "PDF 中的数据解压后过大（可能是压缩炸弹）；请用「另存为」或「打印为 PDF」重新导出后再登记"


XMP = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/">'
       f"<dc:creator>张三 {MOBILE}</dc:creator>"
       "</rdf:Description></rdf:RDF></x:xmpmeta>").encode()
DATASETS = ('<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/">'
            f"<tel>{MOBILE}</tel></xfa:datasets>").encode()


@pytest.mark.parametrize(("dictionary", "data"), [
    (b"<< /Type /Metadata /Subtype /XML /Length %d >>", XMP),  # an earlier revision's XMP metadata, no string in it
    (b"<< /Length %d >>", DATASETS),  # an XFA form's data, its dictionary saying nothing: known by its XML
])
def test_an_xml_stream_nothing_refers_to_is_read_as_markup(dictionary, data):
    pdf = _page(b"BT /F1 12 Tf 72 720 Td (Notice) Tj ET", b"<< /Font << /F1 5 0 R >> >>",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                dictionary % len(data) + b"\nstream\n" + data + b"\nendstream")
    assert any(MOBILE in text for text in pdfbytes.pdf_byte_texts(pdf)[1:])  # (not among the strings outside streams)


def test_each_stream_is_judged_by_its_own_dictionary_not_the_object_before():
    # a picture (not read), then a stream nothing refers to that holds text: the picture's /Subtype /Image is not its
    image = (b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 "
             b"/Length 64 >>\nstream\n" + bytes(64) + b"\nendstream")
    packed = zlib.compress(TEL)
    pdf = _page(b"BT /F1 12 Tf 72 720 Td (Notice) Tj ET", b"<< /Font << /F1 5 0 R >> >>",
                b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", image,
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream")
    assert any(f"Tel {MOBILE}" in text for text in pdfbytes.pdf_byte_texts(pdf))
