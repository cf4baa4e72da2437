"""A scanned list pasted into Word or Excel is as unreadable as the scan itself (GK610).

Found this session: a JPG attachment and a PDF page that is only a scan are refused (gongkai has no text recognition,
so it cannot show the picture holds no 身份证号), but the same scan pasted into a .docx — a document whose body is one
picture — or onto an empty worksheet passed validate clean and was published. Now a Word document whose body shows no
text, or a workbook with no cell holding anything, that holds pictures is GK610 and held back; a picture beside text (a
seal, a logo, a photo with its caption) is read as before, as a PDF page with text and a picture is.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx
import pytest
from docx.shared import Inches
from openpyxl import Workbook

from conftest import RECORD
from test_hostile7_gate import assert_held_back, with_attachment


def png(width: int = 1240, height: int = 1754) -> bytes:
    """A grey picture the size of an A4 page scanned at 150 dpi: what a scanner hands a clerk."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\xc0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def word(*paragraphs: str, picture: bool = True) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if picture:
        document.add_picture(io.BytesIO(png()), width=Inches(6))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def workbook(rows: list[list[object]], picture: bool = True) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    if not picture:
        return buffer.getvalue()
    with zipfile.ZipFile(buffer, "a") as archive:  # where Excel keeps a picture pasted onto a sheet
        archive.writestr("xl/media/image1.png", png())
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "data"), [("scan.docx", "word"), ("scan.xlsx", "workbook")])
def test_a_scan_pasted_into_an_empty_document_is_gk610_and_held_back(gk, cat, tmp_path, name, data):
    made = word() if data == "word" else workbook([])
    with_attachment(cat, f"files/2026/{name}", made, RECORD)
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK610" in run.out and "文件中只有图片（1 张" in run.out
    assert_held_back(gk, cat, tmp_path, attachment=f"files/2026/{name}")


@pytest.mark.parametrize(("name", "made"), [
    ("caption.docx", lambda: word("临时救助对象名单如下：")),  # text beside the picture, as a PDF page with text
    ("seal.docx", lambda: word("测试县民政局关于开展冬季救助的通知", "现将有关事项通知如下。")),
    ("plain.docx", lambda: word("通知正文。", picture=False)),
    ("empty.docx", lambda: word(picture=False)),  # nothing at all: nothing to hide
    ("cells.xlsx", lambda: workbook([["序号", "村（社区）", "户数"], [1, "经兜村", 3]])),
    ("blank.xlsx", lambda: workbook([], picture=False)),
])
def test_a_picture_beside_text_or_no_picture_is_read_as_before(gk, cat, name, made):
    with_attachment(cat, f"files/2026/{name}", made(), RECORD)
    run = gk("validate", cat.root)
    assert "GK610" not in run.out, run.out
