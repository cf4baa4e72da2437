"""Nineteenth hostile pass over the publishing gate: files and attachments (issue 11).

Each test plants a value in a file the way a hostile user (or an unwary clerk's tools) would, runs the real CLI, and
looks at what validate says and at every byte build-site and a handover write (zip and gzip members opened). The
numbers are typed by hand: 13805951234 is a mobile (1[3-9] + 9 digits); 350524198503151236 is a 身份证号
(GB 11643-1999: Σ aᵢ·Wᵢ = 281, 281 mod 11 = 6 → check digit 6).

Found this pass:
- A PDF holds more than its last revision shows: the document properties or an annotation of an earlier revision that
  an incremental update replaced, a comment («% …»), a name («/Tel13805951234»), all readable with any text tool,
  were published; and a PDF of more than 17 revisions had its earliest revisions left unread (fail open). Also an
  earlier revision's XMP metadata, and an object packed in a compressed object stream nothing refers to.
- Text appended after the end of a JPEG or PNG picture inside a docx was published.
- A photo inside a docx whose EXIF or XMP holds the GPS latitude and longitude where it was taken was published.
- A damaged attachment was held back, but its reason named the library's English error (BadZipFile,
  NotImplementedError, PdfStreamError); it now says in Chinese what is wrong.
- A 不予公开 record that registers its file as files\\2026\\list.pdf, ./files/…, files/2026//…, or in another case
  (the same file on Windows and macOS) did not stop a 主动公开 record that registers files/2026/list.pdf: the file went to
  the site and to both 馆 (GK612 silent).
- False positive: the XMP toolkit's build that Photoshop writes into every picture it saves (Adobe XMP Core 5.6-c140
  79.160451) read as the mobile 14079160451 and held back any document with such a picture.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import RECORD, text_pdf
from test_privacy_files import publish

MOBILE = "13805951234"
ID = "350524198503151236"
MASKED_MOBILE = "138****1234"
ATTACHED = RECORD.replace("正文: |", "附件:\n  - 文件: files/2026/{name}\n    名称: 附件一\n正文: |")
FILE_LINE = next(n for n, line in enumerate(ATTACHED.splitlines(), 1) if "- 文件:" in line)


def test_the_numbers_of_these_tests_are_valid():
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert sum(int(d) * w for d, w in zip(ID[:17], weights)) == 281
    assert "10X98765432"[281 % 11] == ID[17]
    assert re.fullmatch(r"1[3-9]\d{9}", MOBILE)


def findings(gk, root: Path) -> list[dict]:
    run = gk("validate", root, "--format", "json")
    assert run.code in (0, 1), run.err
    return [d for d in json.loads(run.out)["diagnostics"] if d["code"].startswith("GK6")]


def digits_of(data: bytes) -> str:
    return re.sub(rb"[^0-9]", b"", data).decode()


def with_file(cat, name: str, data: bytes) -> None:
    cat.write(f"files/2026/{name}", data)
    cat.record(ATTACHED.format(name=name))


def assert_refused(gk, cat, tmp_path, code: str, words: str, *values: str) -> None:
    """validate reports *code* at the attachment's line, *words* in its message; nothing written holds *values*."""
    found = findings(gk, cat.root)
    assert [(d["code"], d["line"]) for d in found] == [(code, FILE_LINE)], found
    assert words in found[0]["message"]
    written, printed = publish(gk, cat.root, tmp_path)
    for value in values:
        assert value not in printed
        assert value.encode() not in written and value not in digits_of(written)


# ------------------------------------------------------------------------------------ PDF: beyond the last revision

def pdf_update(original: bytes, objects: dict[int, str | bytes], info: int | None = None) -> bytes:
    """*original* with *objects* (number → body) redefined by an incremental update, as Acrobat saves an edit: the old
    objects stay in the file; *info* makes the trailer name that object as the document properties."""
    previous = int(re.findall(rb"startxref\n(\d+)", original)[-1])
    size = int(re.findall(rb"/Size (\d+)", original)[-1])
    out = bytearray(original)
    offsets = {}
    for number, body in objects.items():
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + (body if isinstance(body, bytes) else body.encode()) + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for number in sorted(offsets):
        out += f"{number} 1\n{offsets[number]:010d} 00000 n \n".encode()
    named = f" /Info {info} 0 R" if info is not None else ""
    out += (f"trailer\n<< /Size {max(size, max(offsets) + 1)} /Root 1 0 R /Prev {previous}{named} >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def _info_number(pdf: bytes) -> int:
    return int(re.search(rb"/Info (\d+) 0 R", pdf).group(1))


def _earlier_properties() -> bytes:
    first = text_pdf("nothing here", info=f"/Author (chen {MOBILE})")
    return pdf_update(first, {_info_number(first): "<< /Author (clerk) >>"}, info=_info_number(first))


def _earlier_annotation() -> bytes:
    page = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R >> >>{} >>")
    first = text_pdf("nothing here").replace(
        b"/Contents 4 0 R", f"/Annots [<< /Type /Annot /Subtype /Text /Rect [0 0 9 9] /Contents (tel {MOBILE}) >>] "
                            "/Contents 4 0 R".encode())
    return pdf_update(first, {3: page.format("")})


def _in_a_name() -> bytes:
    return text_pdf("nothing here").replace(b"/Type /Catalog", f"/Type /Catalog /PieceInfo /Tel{MOBILE}".encode())


def _in_a_comment() -> bytes:
    return text_pdf("nothing here").replace(b"%PDF-1.4\n", f"%PDF-1.4\n% contact {MOBILE}\n".encode())


def _in_an_octal_string_nothing_refers_to() -> bytes:
    # (an object left in the xref that no other object names: a tool lists it, no viewer shows it)
    written = "".join(f"\\{ord(c):03o}" for c in MOBILE)
    first = text_pdf("nothing here")
    return pdf_update(first, {9: f"({written})"})


def _in_a_compressed_object_stream() -> bytes:
    import zlib

    packed = zlib.compress(f"10 0 << /Author (chen {MOBILE}) >>".encode())
    stream = f"<< /Type /ObjStm /N 1 /First 5 /Filter /FlateDecode /Length {len(packed)} >>\nstream\n".encode()
    return pdf_update(text_pdf("nothing here"), {9: stream + packed + b"\nendstream"})


@pytest.mark.parametrize("made", [_earlier_properties, _earlier_annotation, _in_a_name, _in_a_comment,
                                  _in_an_octal_string_nothing_refers_to, _in_a_compressed_object_stream])
def test_a_number_a_pdf_holds_beyond_its_last_revision_is_not_published(gk, cat, tmp_path, made):
    with_file(cat, "notice.pdf", made())
    assert_refused(gk, cat, tmp_path, "GK602", MASKED_MOBILE, MOBILE)


def test_a_pdf_of_more_revisions_than_are_read_is_held_back_not_passed(gk, cat, tmp_path):
    # 18 versions: the first, with the number on its page, then 17 edits (gongkai reads 17 versions, 16 earlier ones).
    pdf = text_pdf(f"tel {MOBILE}")
    for edit in range(17):
        content = f"BT /F1 12 Tf 72 720 Td (edit {edit}) Tj ET"
        pdf = pdf_update(pdf, {4: f"<< /Length {len(content)} >>\nstream\n{content}\nendstream"})
    with_file(cat, "notice.pdf", pdf)
    assert_refused(gk, cat, tmp_path, "GK610", "18 个版本", MOBILE)
    assert "另存为" in findings(gk, cat.root)[0]["hint"] + findings(gk, cat.root)[0]["message"]


def test_a_pdf_edited_a_few_times_with_ordinary_text_is_published(gk, cat, tmp_path):
    # 文号, dates, amounts and an office landline in the page, the properties and a comment, over three revisions.
    first = text_pdf("2026-09-01 0595-23000000 No.350524-MZ-2026-00001 123456.50",
                     info="/Title (2026 notice) /CreationDate (D:20260901120000+08'00') /Producer (WPS 12.1.0.15374)")
    pdf = pdf_update(first, {_info_number(first): "<< /Title (2026 notice, final) /ModDate (D:20260903093000+08'00') >>"},
                     info=_info_number(first))
    pdf = pdf_update(pdf, {9: "<< /Type /Metadata /Subtype /XML /Length 0 >>\nstream\n\nendstream"})
    with_file(cat, "notice.pdf", pdf.replace(b"%PDF-1.4\n", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"))
    assert findings(gk, cat.root) == []
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    assert (site / "files/2026/notice.pdf").exists()


def test_the_xmp_metadata_of_an_earlier_revision_is_not_published(gk, cat, tmp_path):
    xmp = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description><dc:creator>chen {MOBILE}</dc:creator>'
           "</rdf:Description></rdf:RDF></x:xmpmeta>")
    first = text_pdf("nothing here").replace(b"/Type /Catalog", b"/Type /Catalog /Metadata 9 0 R")
    first = pdf_update(first, {9: f"<< /Type /Metadata /Subtype /XML /Length {len(xmp)} >>\nstream\n{xmp}\nendstream"})
    # the next revision drops the metadata: the catalog no longer names it, the old stream stays in the file
    catalog = "<< /Type /Catalog /Pages 2 0 R >>"
    with_file(cat, "notice.pdf", pdf_update(first, {1: catalog}))
    assert_refused(gk, cat, tmp_path, "GK602", MASKED_MOBILE, MOBILE)


# ------------------------------------------------------------------------- pictures inside documents: after their end

JPEG = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"  # SOI, APP0 (JFIF)
        b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\x12\x34\x56\xff\x00\x78\xff\xd9")  # SOS, scan data, EOI


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


def _word_with_picture(name: str, picture: bytes) -> bytes:
    import io
    import zipfile

    from conftest import docx

    with zipfile.ZipFile(io.BytesIO(docx("关于做好2026年低保工作的通知"))) as archive:
        parts = {member: archive.read(member) for member in archive.namelist()}
    parts[f"word/media/{name}"] = picture
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in parts.items():
            archive.writestr(member, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "picture"), [("image1.jpeg", JPEG), ("image1.png", _png())], ids=["jpeg", "png"])
def test_text_appended_after_a_pictures_end_is_not_published(gk, cat, tmp_path, name, picture):
    with_file(cat, "notice.docx", _word_with_picture(name, picture + f"tel {MOBILE}".encode()))
    assert_refused(gk, cat, tmp_path, "GK602", MASKED_MOBILE, MOBILE)


@pytest.mark.parametrize(("name", "picture"), [("image1.jpeg", JPEG), ("image1.png", _png())], ids=["jpeg", "png"])
def test_a_picture_that_ends_where_it_ends_is_published(gk, cat, tmp_path, name, picture):
    with_file(cat, "notice.docx", _word_with_picture(name, picture))
    assert findings(gk, cat.root) == []


# ------------------------------------------------------------------------- malformed files: a reason a clerk can read

def _damaged(kind: str) -> tuple[str, bytes]:
    import io
    import struct
    import zipfile

    from conftest import docx

    if kind == "crc":  # a byte of the body's compressed data flipped: the zip's checksum no longer matches
        data = bytearray(docx("关于做好2026年低保工作的通知"))
        at = data.find(b"word/document.xml") + len("word/document.xml") + 5
        data[at] ^= 0xFF
        return "notice.docx", bytes(data)
    if kind == "method":  # compression method 99 (WinZip AES), which no Office program writes
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<w:document/>")
        data = bytearray(buffer.getvalue())
        for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
            at = 0
            while (at := data.find(signature, at)) >= 0:
                data[at + offset:at + offset + 2] = struct.pack("<H", 99)
                at += 4
        return "notice.docx", bytes(data)
    return "notice.pdf", b"%PDF-1.4\n" + b"\x00garbage" * 100  # a header and nothing a reader can parse


@pytest.mark.parametrize(("kind", "words"), [("crc", "校验不符"), ("method", "不支持的压缩"), ("pdf", "PDF 的内部结构")])
def test_a_damaged_file_is_held_back_with_a_reason_in_chinese(gk, cat, tmp_path, kind, words):
    name, data = _damaged(kind)
    with_file(cat, name, data)
    found = findings(gk, cat.root)
    assert [(d["code"], d["line"]) for d in found] == [("GK610", FILE_LINE)]
    said = found[0]["message"].replace(f"files/2026/{name}", "").replace("gongkai", "")
    assert words in said and re.search(r"[A-Za-z]{4,}", said) is None, said  # no «BadZipFile», «PdfStreamError»
    assert found[0]["hint"]
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code in (0, 1)
    assert not (site / f"files/2026/{name}").exists()


# ------------------------------------------------------------------- pictures inside documents: where they were taken

def _exif(*gps_tags: int) -> bytes:
    """A JPEG APP1 EXIF segment (little-endian TIFF) whose first directory points at a GPS directory holding
    *gps_tags* (1 GPSLatitudeRef, 2 GPSLatitude, 3 GPSLongitudeRef, 4 GPSLongitude; 0 GPSVersionID), or none."""
    import struct

    tiff = b"II*\x00" + struct.pack("<I", 8)
    if not gps_tags:
        make = b"Canon\x00"
        tiff += struct.pack("<H", 1) + struct.pack("<HHII", 0x010F, 2, len(make), 26) + b"\x00" * 4 + make
    else:
        gps_at = 8 + 2 + 12 + 4
        values_at = gps_at + 2 + 12 * len(gps_tags) + 4
        tiff += struct.pack("<H", 1) + struct.pack("<HHII", 0x8825, 4, 1, gps_at) + b"\x00" * 4
        tiff += struct.pack("<H", len(gps_tags))
        for tag in gps_tags:  # (degrees, minutes, seconds of 24°58'N 118°11'E, as rationals; refs as letters)
            tiff += (struct.pack("<HHII", tag, 5, 3, values_at) if tag in (2, 4)
                     else struct.pack("<HHI", tag, 2 if tag else 1, 2 if tag else 4) + (b"N\x00\x00\x00" if tag else b"\x02\x02\x00\x00"))
        tiff += b"\x00" * 4 + struct.pack("<6I", 24, 1, 58, 1, 0, 1)
    body = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + len(body + b"xx").to_bytes(2, "big") + body


def _photo(exif: bytes) -> bytes:
    return JPEG[:2] + exif + JPEG[2:]


def test_a_photo_that_says_where_it_was_taken_is_not_published(gk, cat, tmp_path):
    # A clerk's phone photo of a household's house, in the 入户核查 notice: its EXIF holds the latitude and longitude.
    with_file(cat, "notice.docx", _word_with_picture("image1.jpeg", _photo(_exif(1, 2, 3, 4))))
    assert_refused(gk, cat, tmp_path, "GK610", "拍摄地点")
    site = tmp_path / "site"
    assert not (site / "files/2026/notice.docx").exists()


def test_a_photo_whose_xmp_says_where_it_was_taken_is_not_published(gk, cat, tmp_path):
    xmp = (b'http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><rdf:Description exif:GPSLatitude="24,58.0N" '
           b'exif:GPSLongitude="118,11.0E"/></x:xmpmeta>')
    with_file(cat, "notice.docx", _word_with_picture("image1.jpeg", _photo(b"\xff\xe1" + len(xmp + b"xx").to_bytes(2, "big") + xmp)))
    assert_refused(gk, cat, tmp_path, "GK610", "拍摄地点")


@pytest.mark.parametrize("exif", [_exif(), _exif(0)], ids=["camera-only", "gps-version-only"])
def test_a_photo_that_does_not_say_where_is_published(gk, cat, tmp_path, exif):
    with_file(cat, "notice.docx", _word_with_picture("image1.jpeg", _photo(exif)))
    assert findings(gk, cat.root) == []


# ---------------------------------------------------------------- a withheld record's file, its path written otherwise

WITHHELD = (RECORD.replace("R2026-001", "R2026-002").replace("350524-MZ-2026-00001", "350524-MZ-2026-00002")
            .replace("公开属性: 主动公开", "公开属性: 不予公开\n不予公开理由: 内部事务信息")
            .replace("正文: |\n  经审核，现将名单予以公示。\n", "附件:\n  - 名称: 内部名单\n    文件: '{path}'\n"))
INTERNAL = "internal list of the bureau"


def _both_records(cat, withheld_path: str | None, name: str = "list.pdf") -> None:
    with_file(cat, name, text_pdf(INTERNAL))
    if withheld_path is not None:
        cat.record(WITHHELD.format(path=withheld_path), rel="records/2026/R2026-002.yaml")


def _sent(gk, cat, tmp_path) -> tuple[Path, Path]:
    site, bags = tmp_path / "site", tmp_path / "bags"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code in (0, 1)
    assert gk("handover", "--date", "2026-09-07", "--force", "--allow-incomplete", "-C", cat.root, "--out", bags).code in (0, 1)
    return site, bags


@pytest.mark.parametrize("withheld_path", ["files\\2026\\list.pdf", "./files/2026/list.pdf", "files/2026//list.pdf",
                                           "files/2026/./list.pdf", "files/x/../2026/list.pdf", "files/2026/LIST.pdf",
                                           "files/2026/List.PDF"])
def test_a_withheld_records_file_written_another_way_is_not_published(gk, cat, tmp_path, withheld_path):
    # R2026-002 (不予公开) registers the file as a Windows clerk writes it, or as another computer opens it (Windows
    # and macOS: case does not matter); R2026-001 (主动公开) registers the same file as files/2026/list.pdf.
    _both_records(cat, withheld_path)
    public = [(d["code"], d["line"]) for d in findings(gk, cat.root) if d["path"].endswith("R2026-001.yaml")]
    assert public == [("GK612", FILE_LINE)]
    site, bags = _sent(gk, cat, tmp_path)
    for folder in (site, bags):
        assert not any(INTERNAL.encode() in p.read_bytes() for p in folder.rglob("*") if p.is_file())
    assert not (site / "records/R2026-001.html").exists()


@pytest.mark.parametrize("withheld_path", ["files/2026/R2026-List.pdf", "files\\2026\\r2026-list.PDF"])
def test_a_withheld_records_file_with_capitals_in_its_name_is_held_back_by_its_name(gk, cat, tmp_path, withheld_path):
    _both_records(cat, withheld_path, name="R2026-List.pdf")
    site, bags = _sent(gk, cat, tmp_path)
    assert not (site / "records/R2026-001.html").exists()
    for folder in (site, bags):
        assert not any(INTERNAL.encode() in p.read_bytes() for p in folder.rglob("*") if p.is_file())


def test_the_same_file_without_a_withheld_record_is_published_and_sent(gk, cat, tmp_path):
    _both_records(cat, None)
    assert findings(gk, cat.root) == []
    site, bags = _sent(gk, cat, tmp_path)
    assert (site / "files/2026/list.pdf").exists()
    assert any(INTERNAL.encode() in p.read_bytes() for p in bags.rglob("*.pdf"))


# ------------------------------------------------------ false positives: the XMP toolkit's build is not a telephone

PHOTOSHOP_XMP = ('<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 5.6-c140 79.160451, 2017/05/06-01:08:21">'
                 '<rdf:RDF><rdf:Description xmp:CreatorTool="Adobe Photoshop CC 2017 (Windows)" {more}/></rdf:RDF>'
                 "</x:xmpmeta>")


def _png_with_xmp(xmp: str) -> bytes:
    import struct
    import zlib

    png = _png()
    body = b"XML:com.adobe.xmp\x00\x00\x00\x00\x00" + xmp.encode()
    chunk = struct.pack(">I", len(body)) + b"iTXt" + body + struct.pack(">I", zlib.crc32(b"iTXt" + body))
    return png[:33] + chunk + png[33:]  # after IHDR (8 + 25 bytes), as Photoshop writes it


def test_a_logo_photoshop_saved_is_published(gk, cat, tmp_path):
    # «c140 79.160451» held back every document holding a picture Photoshop CC 2017 saved (14079160451, a «mobile»).
    with_file(cat, "notice.docx", _word_with_picture("image1.png", _png_with_xmp(PHOTOSHOP_XMP.format(more=""))))
    assert findings(gk, cat.root) == []
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    assert (site / "files/2026/notice.docx").exists()


def test_a_pdf_whose_xmp_names_the_toolkit_is_published(gk, cat, tmp_path):
    xmp = PHOTOSHOP_XMP.format(more="").replace("c140 79.160451", "c148 79.164036")
    pdf = text_pdf("nothing here").replace(b"/Type /Catalog", b"/Type /Catalog /Metadata 9 0 R")
    with_file(cat, "notice.pdf", pdf_update(pdf, {9: f"<< /Type /Metadata /Subtype /XML /Length {len(xmp)} >>\n"
                                                     f"stream\n{xmp}\nendstream"}))
    assert findings(gk, cat.root) == []


def test_a_number_elsewhere_in_that_xmp_is_still_found(gk, cat, tmp_path):
    xmp = PHOTOSHOP_XMP.format(more=f'dc:creator="chen {MOBILE}"')
    with_file(cat, "notice.docx", _word_with_picture("image1.png", _png_with_xmp(xmp)))
    assert_refused(gk, cat, tmp_path, "GK602", MASKED_MOBILE, MOBILE)


def test_a_copy_of_a_withheld_file_named_the_windows_way_is_not_published(gk, cat, tmp_path):
    # R2026-002 (不予公开) holds files/2026/list.pdf; R2026-001 (主动公开) names a byte copy of it as a Windows clerk
    # writes paths: the copy is read by its content as any computer opens it, and held back like the file itself
    _both_records(cat, "files/2026/list.pdf")
    cat.write("files/2026/copy.pdf", (cat.root / "files/2026/list.pdf").read_bytes())
    cat.record(ATTACHED.replace("files/2026/{name}", "'files\\2026\\copy.pdf'"))
    site, bags = _sent(gk, cat, tmp_path)
    assert not (site / "records/R2026-001.html").exists()
    for folder in (site, bags):
        assert not any(INTERNAL.encode() in p.read_bytes() for p in folder.rglob("*") if p.is_file())
