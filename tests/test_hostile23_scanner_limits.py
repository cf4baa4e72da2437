"""Twenty-third hostile pass over the publishing gate (issues 11 and 6): files that defeat the scanner by size,
structure, encryption or damage.

The principle: a file the gate cannot read completely is a file it cannot prove clean. It is held back (GK610) with a
Chinese reason that says how to fix it — never let through, never a traceback, never a hang or a blown memory. Every
fixture is built by hand here and is small (a bomb is small); the limits it sits on are typed by hand from README.

Found this pass (before the fix → now):
- An xlsx of 1.3 KB that declares its size as A1:XFD1048576 and has a cell in its last row and column: openpyxl handed
  out 1,048,576 rows of 16,384 cells; validate took all 24 GB of the machine and was killed. Now the declared size is
  not read, a row is as wide as its own last cell, and a workbook of more than 1,000,000 cells (blank ones between
  them counted) is GK610. `gongkai mask` on that file hung the same way; it now stops with the same reason (exit 2).
- An xls of 10 KB with one cell at IV65536: 65,536 rows of 256 cells, 400 MB and 53 s. Now its rows are ragged: 3 s.
- A docx of 287 KB holding 250 parts of 1 MB of digits (each part under the 1 MB bomb rule): validate ran for more than
  150 s. Now a container that unpacks to over 8 MB and over 200 times its size is a bomb; over 10,000 parts is GK610.
- A gzip part inside a docx (200 MB of digits in 200 KB, stored): unpacked with a budget of its own, read for minutes.
  Now it unpacks within the container's budget and a bomb's ratio.
- A PNG in a docx with 300 compressed text chunks of 4 MB each (stored, 1.2 MB): each chunk was under the 4 MB limit;
  together 4.9 GB of memory. Now one picture's chunks share the 4 MB.
- A PDF whose content stream is a Flate bomb: held back as 「PDF 的内部结构已损坏」 (it is not damaged). Now 「解压后过大」.
- An encrypted PDF that opens without a password (a 权限密码 only) was published: its strings and streams are stored
  encrypted, so what the byte scan reads of it (earlier revisions, objects nothing refers to) is ciphertext. Now every
  encrypted PDF is held back, 「另存为未加密的 PDF」.
- A scanned page drawn as an inline image (BI … ID … EI) or as an image inside a form XObject, or a scan with only its
  page number as text («- 1 -»), was published as a page with no text. Now it is a scan (GK610).
- A 300 MB PDF: read whole, 2.2 GB and more than 150 s. Now an attachment over 100 MB is GK610 at once.
- A CSV of 6 MB (3,000,000 cells): 47 s and 935 MB; 60 MB would take ten times that. Now a CSV, as a workbook, of
  more than 1,000,000 cells is GK610.
- A PDF of many pages, or saved again by incremental updates (each revision read whole): no bound but 17
  revisions. Now a PDF of more than 5,000 pages, every revision's counted, is GK610.
- An empty (0-byte) CSV was published as a list of nothing; other empty files were 「文件开头没有 %PDF-」. Now GK609
  says the file is empty.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, TODAY, CatalogDir, docx, text_pdf
from gongkai.cli import main
from gongkai.privacy import documents
from gongkai.privacy.documents import document_segments
from gongkai.privacy.extract import Unreadable

FIXTURES = Path(__file__).parent / "fixtures"
MOBILE = "13805951234"  # 1[3-9] + 9 digits
LINE_OF_FILE = next(n for n, line in enumerate(
    RECORD.replace("正文: |", "附件:\n  - 文件: x\n    名称: 附件一\n正文: |").splitlines(), 1) if "- 文件:" in line)


# ------------------------------------------------------------------------------------------------ fixtures by hand

def _workbook(patch=None) -> bytes:
    """A real workbook (openpyxl) of a 姓名 header and one row; *patch* rewrites its sheet's XML."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["姓名", "保障金额"])
    sheet.append(["陈*生", 880])
    buffer = io.BytesIO()
    book.save(buffer)
    if patch is None:
        return buffer.getvalue()
    source, out = zipfile.ZipFile(buffer), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            archive.writestr(info.filename, patch(data) if info.filename == "xl/worksheets/sheet1.xml" else data)
    return out.getvalue()


def _far_cell(sheet: bytes) -> bytes:
    """Declares the largest size Excel has and puts a cell in its last row and column."""
    sheet = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', sheet)
    return sheet.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'
                                          b"</row></sheetData>")


def _wide_rows(count: int):
    """*count* rows (from row 3) of a cell in column A and one in column XFD (16,384 cells wide each)."""
    rows = "".join(f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>a</t></is></c>'
                   f'<c r="XFD{r}" t="inlineStr"><is><t>x</t></is></c></row>' for r in range(3, 3 + count))
    return lambda sheet: sheet.replace(b"</sheetData>", rows.encode() + b"</sheetData>")


def _xls_far() -> bytes:
    """plain-formats.xls (名单: 姓名 … / 陈水生 880 …) with its cell A2 moved to IV65536, the last cell of a sheet."""
    data = bytearray((FIXTURES / "plain-formats.xls").read_bytes())
    at = 0
    while (at := data.find(b"\xfd\x00\x0a\x00", at + 1)) >= 0:  # LABELSST records: row, column, style, string
        if struct.unpack("<HH", data[at + 4:at + 8]) == (1, 0):
            data[at + 4:at + 8] = struct.pack("<HH", 65535, 255)
            return bytes(data)
    raise AssertionError("no cell A2 in the fixture")


def _word(parts: dict[str, bytes], stored: bool = False) -> bytes:
    """A Word document of an ordinary notice and *parts*."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", '<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>关于做好2026年低保工作的通知'
                                              "</w:t></w:r></w:p></w:body></w:document>")
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _png(*texts: bytes) -> bytes:
    """A 1×1 PNG with one compressed text chunk (zTXt) per text."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + b"".join(chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(text, 9)) for text in texts)
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


FOUR_MB = b" " * (4 * 1024 * 1024 - 1024)  # one text chunk just under the 4 MB a picture's chunks may unpack to


def _pdf(objects: list[bytes]) -> bytes:
    """A PDF of *objects* (1: catalog, 2: pages, 3: the page …) with a correct cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _page(content: bytes, resources: bytes, *more: bytes) -> bytes:
    """One page drawing *content* with *resources*; *more* objects from number 5 on."""
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources " + resources + b" >>",
                 b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream", *more])


PIXELS = b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 " \
         b"/Length 64 >>\nstream\n" + bytes(64) + b"\nendstream"
FONT = b"<< /Font << /F1 6 0 R >> /XObject << /Im0 5 0 R >> >>"
HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
INLINE_SCAN = _page(b"q 612 0 0 792 0 0 cm BI /W 8 /H 8 /CS /G /BPC 8 ID " + bytes(64) + b" EI Q", b"<< >>")
FORM_SCAN = _page(b"q /Fm0 Do Q", b"<< /XObject << /Fm0 5 0 R >> >>",
                  b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /Im0 6 0 R >> >> "
                  b"/Length 29 >>\nstream\nq 612 0 0 792 0 0 cm /Im0 Do Q\nendstream", PIXELS)
NUMBERED_SCAN = _page(b"q 612 0 0 792 0 0 cm /Im0 Do Q BT /F1 10 Tf 300 20 Td (- 1 -) Tj ET", FONT, PIXELS, HELVETICA)
# (the last page of a notice: the date and a red seal, a picture beside text — read as before)
SEALED = _page(b"BT /F1 12 Tf 72 720 Td (Anxi County Civil Affairs Bureau 2026-11-27) Tj ET q 100 0 0 100 400 600 cm "
               b"/Im0 Do Q", FONT, PIXELS, HELVETICA)
NUMBER_ONLY = _page(b"BT /F1 10 Tf 300 20 Td (- 2 -) Tj ET", b"<< /Font << /F1 5 0 R >> >>", HELVETICA)


def _flate_bomb() -> bytes:
    """A page whose content stream unpacks to 80 MB of spaces (more than any reader's limit), 80 KB packed: one
    flushed block of 1 MB repeated (the stream's checksum is never reached)."""
    packer = zlib.compressobj(9)
    block = packer.compress(b" " * (1 << 20)) + packer.flush(zlib.Z_FULL_FLUSH)
    data = block[:2] + block[2:] * 80 + packer.flush()
    return _page(data, b"<< >>").replace(b"<< /Length %d >>" % len(data), b"<< /Length %d /Filter /FlateDecode >>" % len(data))


def _encrypted(user: str) -> bytes:
    """An ordinary PDF encrypted (RC4, 128 bits) with *user* as the password to open it ("" opens it without one)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(text_pdf("Notice of the 2026 subsistence allowance work"))))
    writer.encrypt(user_password=user, owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# name → (file, bytes, code, words the message says): each a record of its own in one catalog, validated and
# published once (the module's fixture)
HELD_BACK = {
    "far-cell": ("list.xlsx", lambda: _workbook(_far_cell), "GK610", "超过 1,000,000 个"),
    "wide-rows": ("wide.xlsx", lambda: _workbook(_wide_rows(70)), "GK610", "超过 1,000,000 个"),
    # (12 parts of 1 MB of digits, each under the 1 MB of the rule for one part: 12 KB that unpack to 12 MB)
    "many-parts": ("parts.docx", lambda: _word({f"word/media/x{i}.bin": b"1" * (1 << 20) for i in range(12)}),
                   "GK610", "压缩比异常"),
    "too-many-parts": ("members.docx", lambda: _word({f"word/m{i}.xml": b"<a/>" for i in range(10_000)}),
                       "GK610", "10,000"),
    "gzip-part": ("gz.docx", lambda: _word({"word/embeddings/data.bin": gzip.compress(b"1" * (10 << 20), 9)},
                                          stored=True), "GK610", "解压后过大"),
    "png-chunks": ("png.docx", lambda: _word({"word/media/image1.png": _png(FOUR_MB, FOUR_MB)}, stored=True),
                   "GK610", "解压后过大"),
    "flate-bomb": ("bomb.pdf", _flate_bomb, "GK610", "解压后过大"),
    "no-password": ("rc4.pdf", lambda: _encrypted(""), "GK610", "另存为未加密的 PDF"),
    "password": ("locked.pdf", lambda: _encrypted("secret"), "GK610", "另存为未加密的 PDF"),
    "inline-scan": ("inline.pdf", lambda: INLINE_SCAN, "GK610", "扫描件"),
    "form-scan": ("form.pdf", lambda: FORM_SCAN, "GK610", "扫描件"),
    "numbered-scan": ("numbered.pdf", lambda: NUMBERED_SCAN, "GK610", "扫描件"),
    "csv-cells": ("cells.csv", lambda: "姓名,金额\n".encode() + b"1\n" * 999_999, "GK610", "超过 1,000,000 个"),
    "empty-csv": ("empty.csv", lambda: b"", "GK609", "0 字节"),
    "empty-pdf": ("empty.pdf", lambda: b"", "GK609", "0 字节"),
}
PUBLISHED = {  # on the other side of each rule
    "xls-far-cell": ("far.xls", _xls_far),  # one cell far away: 65,536 rows of one cell, not of 256
    "sealed-page": ("sealed.pdf", lambda: SEALED),
    "page-number-only": ("blank.pdf", lambda: NUMBER_ONLY),  # a page left blank, numbered, with no picture
    "ordinary-docx": ("notice.docx", lambda: docx("关于做好2026年低保工作的通知")),
}
CASES = {**{k: (n, m) for k, (n, m, _, _) in HELD_BACK.items()}, **PUBLISHED}
NUMBER = {case: n for n, case in enumerate(CASES, start=1)}


def _run(*args: str | Path) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue() + err.getvalue()


def _record(number: int, name: str) -> str:
    text = (RECORD.replace("R2026-001", f"R2026-{number:03d}").replace("350524-MZ-2026-00001", f"350524-MZ-2026-{number:05d}")
            .replace("测民〔2026〕1号", f"测民〔2026〕{number}号"))
    return text.replace("正文: |", f"附件:\n  - 文件: files/2026/{name}\n    名称: 附件一\n正文: |")


Made = tuple[list[dict[str, object]], bytes, str]


def build_cases(root: Path, cases: dict[str, tuple[str, Callable[[], bytes]]]) -> Made:
    """One catalog holding every case of *cases* (name → (attachment file name, its bytes)), record R2026-00n for the
    n-th: (validate's diagnostics, every file build-site and a handover wrote, what they printed)."""
    cat = CatalogDir(root / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    for number, (name, make) in enumerate(cases.values(), start=1):
        cat.record(_record(number, name), f"records/2026/R2026-{number:03d}.yaml")
        cat.write(f"files/2026/{name}", make())
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", TODAY)
        patch.setenv("COLUMNS", "200")
        code, out = _run("validate", cat.root, "--format", "json", "--no-cache")
        assert code == 1, out
        site, bags = root / "site", root / "bags"
        runs = [_run("build-site", cat.root, "--out", site, "--no-search"),
                _run("handover", "--date", "2026-10-09", "--force", "--allow-incomplete", "-C", cat.root, "--out", bags)]
    assert [c for c, _ in runs] == [0, 0], runs
    written = b"".join(b"\nFILE " + path.name.encode() + b"\n" + path.read_bytes()
                       for folder in (site, bags) for path in sorted(folder.rglob("*")) if path.is_file())
    return json.loads(out)["diagnostics"], written, "".join(text for _, text in runs)


def findings_of(diagnostics: list[dict[str, object]], number: int) -> list[dict[str, object]]:
    """The GK6xx findings of record R2026-00n."""
    return [d for d in diagnostics if d["id"] == f"R2026-{number:03d}" and str(d["code"]).startswith("GK6")]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return build_cases(tmp_path_factory.mktemp("h23"), CASES)


def _of(diagnostics: list[dict[str, object]], case: str) -> list[dict[str, object]]:
    return findings_of(diagnostics, NUMBER[case])


@pytest.mark.parametrize("case", list(HELD_BACK))
def test_a_file_the_scanner_cannot_read_whole_is_held_back_with_the_reason(built, case):
    diagnostics, written, printed = built
    name, _, code, words = HELD_BACK[case]
    found = _of(diagnostics, case)
    assert [(d["code"], d["line"]) for d in found] == [(code, LINE_OF_FILE)], found
    message = str(found[0]["message"])
    assert f"附件「files/2026/{name}」" in message and words in message, message
    assert "请" in message or code == "GK609", message  # it says how to fix it
    assert re.search(r"Error|Exception|Unreadable|BadZip|pypdf|openpyxl|xlrd", message) is None, message  # no library
    assert f"2026/{name}".encode() not in written and "Traceback" not in printed


@pytest.mark.parametrize("case", list(PUBLISHED))
def test_a_file_on_the_other_side_of_each_limit_is_read_and_published(built, case):
    diagnostics, written, _ = built
    assert [d for d in _of(diagnostics, case) if d["severity"] == "error"] == []
    assert b"\nFILE " + CASES[case][0].encode() + b"\n" in written


# ------------------------------------------------------------------------------------------- the limits' edges

def test_a_workbook_of_up_to_a_million_cells_is_read_one_more_row_is_not():
    # header (2 cells) + one row (2) + 61 rows of 16,384 = 999,428 cells; 62 rows = 1,015,812
    segments, _ = document_segments("xlsx", _workbook(_wide_rows(61)), "附件")
    assert [s.text for s in segments if s.where.endswith("!XFD63")] == ["x"]
    with pytest.raises(Unreadable, match="超过 1,000,000 个"):
        document_segments("xlsx", _workbook(_wide_rows(62)), "附件")


def test_a_csv_of_up_to_the_limit_of_cells_is_read_one_more_is_not(monkeypatch):
    # (the limit is 1,000,000: the module's catalog holds a CSV of 1,000,001 cells; here the edge, at 1,000)
    from gongkai.privacy import extract

    monkeypatch.setattr(extract, "MAX_CELLS", 1000)
    header = "姓名,金额\n".encode()  # 2 cells, then rows of one (a blank line is a row of none: counted as one)
    assert len(extract.csv_rows(header + b"1\n" * 997 + b"\n")) == 999
    with pytest.raises(Unreadable, match="超过 1,000 个"):
        extract.csv_rows(header + b"1\n" * 997 + b"\n1\n")


def test_the_size_a_worksheet_declares_is_not_trusted():
    # declared A1:XFD1048576, cells in A1:B2 and A100: 100 rows of 16,384 cells (1,638,400) if the declaration were
    # read, 5 cells and 97 blank rows as Excel shows it
    def declared(sheet: bytes) -> bytes:
        sheet = re.sub(rb'<dimension ref="[^"]*"/>', b'<dimension ref="A1:XFD1048576"/>', sheet)
        return sheet.replace(b"</sheetData>", b'<row r="100"><c r="A100" t="inlineStr"><is><t>y</t></is></c></row>'
                                              b"</sheetData>")

    segments, tables = document_segments("xlsx", _workbook(declared), "附件")
    assert [s.text for s in segments if s.where.endswith("!A100")] == ["y"]
    assert max(len(row) for row in tables[0].rows) == 2


def test_a_pictures_text_chunks_may_unpack_to_4_mb_together():
    one = _word({"word/media/image1.png": _png(FOUR_MB)}, stored=True)  # 4 MB less 1 KB
    assert document_segments("docx", one, "附件")
    halves = _word({"word/media/image1.png": _png(FOUR_MB[:2 << 20], FOUR_MB[:2 << 20] + b" " * 2048)}, stored=True)
    with pytest.raises(Unreadable, match="解压后过大"):  # 2 MB and 2 MB + 2 KB: each under 4 MB, together over
        document_segments("docx", halves, "附件")


def test_an_xls_far_cell_is_counted_as_its_rows_not_as_a_full_sheet(monkeypatch):
    # 65,535 rows of no cell, then one of 256: 65,791 cells — the full sheet would be 16,777,216
    monkeypatch.setattr(documents, "MAX_CELLS", 100_000)
    segments, tables = document_segments("xls", _xls_far(), "附件")
    assert "陈水生" in {s.text for s in segments if s.where.endswith("!IV65536")}
    assert max(len(row) for row in tables[0].rows) == 256 and min(len(row) for row in tables[0].rows) < 256
    monkeypatch.setattr(documents, "MAX_CELLS", 65_000)
    with pytest.raises(Unreadable, match="超过 65,000 个"):
        document_segments("xls", _xls_far(), "附件")


def test_parts_that_unpack_to_200_times_the_file_are_a_bomb_from_8_mb():
    # 7 parts of 1 MB each (7 MB, under 8 MB) are read; 9 (over 8 MB, packed some 1,000 times) are not
    seven = _word({f"word/media/x{i}.bin": b" " * (1 << 20) for i in range(7)})
    assert document_segments("docx", seven, "附件")
    nine = _word({f"word/media/x{i}.bin": b" " * (1 << 20) for i in range(9)})
    with pytest.raises(Unreadable, match="压缩比异常"):
        document_segments("docx", nine, "附件")


def test_an_attachment_over_the_size_limit_is_held_back(monkeypatch, tmp_path):
    # (the limit is 100 MB; a test writes no such file: the limit is set to the size of a small PDF)
    pdf = text_pdf("Notice of the 2026 subsistence allowance work")
    monkeypatch.setattr(documents, "MAX_FILE", len(pdf))
    assert document_segments("pdf", pdf, "附件")
    with pytest.raises(Unreadable, match="超过 gongkai 检查的上限"):
        document_segments("pdf", pdf + b"%" + b" " * 10 + b"\n", "附件")


def test_a_pdf_of_more_pages_than_are_read_is_held_back_every_revision_counted(monkeypatch):
    # (the limit is 5,000 pages: 5,000 pages of a line each are read in some 15 s; here the edge, at 3)
    monkeypatch.setattr(documents, "MAX_PAGES", 3)
    three = text_pdf("Page one", "Page two", "Page three")
    assert document_segments("pdf", three, "附件")
    with pytest.raises(Unreadable, match="PDF 有 4 页，超过 gongkai 逐页检查的 3 页"):
        document_segments("pdf", text_pdf("Page one", "Page two", "Page three", "Page four"), "附件")
    # two pages saved again by an incremental update (a new /Info, the same pages): 2 + 2 pages read
    two = text_pdf("Page one", "Page two")
    start = two.rindex(b"startxref\n") + len(b"startxref\n")
    update = (b"9 0 obj\n<< /Title (notice) >>\nendobj\nxref\n0 1\n0000000000 65535 f \n9 1\n%010d 00000 n \n"
              % len(two) + b"trailer\n<< /Size 10 /Root 1 0 R /Info 9 0 R /Prev " + two[start:].split(b"\n")[0]
              + b" >>\nstartxref\n%d\n%%%%EOF\n" % (len(two) + len(b"9 0 obj\n<< /Title (notice) >>\nendobj\n")))
    with pytest.raises(Unreadable, match="PDF 有 4 页（各个版本合计）"):
        document_segments("pdf", two + update, "附件")


def test_mask_stops_at_a_workbook_the_gate_would_not_read(gk, tmp_path):
    path = tmp_path / "名单.xlsx"
    path.write_bytes(_workbook(_wide_rows(70)))  # 70 rows of 16,384 cells: 1,146,884
    run = gk("mask", path, "--dry-run")
    assert run.code == 2 and "超过 1,000,000 个" in run.err and "请删去" in run.err, run
    assert "Unreadable" not in run.err and "Traceback" not in run.err


def test_mask_names_a_damaged_workbook_in_chinese(gk, tmp_path):
    # (it printed the library's name of the error: 「无法读取「名单.xlsx」：BadZipFile。」)
    path = tmp_path / "名单.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    run = gk("mask", path, "--dry-run")
    assert run.code == 2 and "无法读取「名单.xlsx」" in run.err and "已损坏" in run.err, run
    assert re.search(r"BadZip|Error|Exception", run.err) is None, run.err
