"""Thirty-first hostile pass (lead): a photo that says where it was taken, in a picture format gongkai has no reader
for, or kept whole inside an Excel 97 or Word 97 file.

gongkai refuses a picture whose EXIF or XMP gives a GPS latitude or longitude (GK610 「拍摄地点」: whose door the photo
was taken at is personal whereabouts, 《个人信息保护法》第二十八条) — but only pictures it recognised as such: JPEG, PNG,
GIF, TIFF, WebP, whole or as a part of a docx, xlsx or OFD.

Found by this pass:
1. A phone's own format — HEIC (every iPhone since 2017) or AVIF — inserted into a Word document or a workbook
   (Word and Excel for Microsoft 365 take them and keep them as they are, word/media/image1.heic) was read as
   unknown bytes: its text, not its EXIF. The photo of a household's door went out with its latitude and longitude
   inside the docx. Now any part gongkai has no reader for is searched for an EXIF (by the TIFF header every EXIF
   starts with, wherever it sits: after 「Exif\\0\\0」 as an iPhone writes it, or bare as libheif does) and for XMP's
   GPS properties: GK610 「拍摄地点」, the picture named; the same photo without a location is published.
2. Excel 97-2003 (.xls, an allowed format) and Word 97 keep an inserted photo whole inside one of the file's streams,
   its EXIF with it. Every stream was read as text, none for a location: published. Now each stream is searched as
   above: GK610, the stream named.
3. The same pictures' properties (an EXIF 备注 with a phone number) were read as UTF-16 from the first byte of the
   part only: a 备注 that began at an odd byte, or an EXIF UserComment in big-endian UTF-16 (an iPhone's order), was
   never seen. Now such a picture, and a stream that holds a JPEG or PNG, is read in both orders and alignments.
4. A PDF keeps a JPEG 2000 picture (/JPXDecode) whole, as it does a JPEG, its boxes with it — a photo's EXIF among
   them, as Photoshop and Acrobat save it. Only JPEG pictures were read for a location. Now JPEG 2000 ones are too.
5. The output scan (what build-site checks last, in what it wrote) read the same parts as text only; and it said
   「Excel 97-2003 工作簿无法解析」 for any reason an OLE file was refused. Now it finds the location too and says it.

The EXIF here are built byte by byte: a first directory whose GPS pointer (tag 0x8825) leads to a GPS directory with
the latitude (tag 2) and longitude (tag 4) 24°58'N 118°11'E (安溪县), in both byte orders.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest

from conftest import docx
from test_hostile7_gate import with_attachment, xlsx
from test_hostile12_gate import _with_member

FIXTURES = Path(__file__).parent / "fixtures"
LOCATED = "其中的图片带有拍摄地点（GPS 经纬度）：照片在谁家门口拍的，任何人都能在地图上找到"


def _exif(order: str, located: bool = True) -> bytes:
    """A TIFF structure (what EXIF is): one directory; with *located*, a GPS directory after it with the latitude
    and longitude (three rationals each), else a camera's make (「Apple」)."""
    head = (b"II*\x00" if order == "<" else b"MM\x00*") + struct.pack(order + "I", 8)
    if not located:
        return head + struct.pack(order + "HHHII", 1, 0x010F, 2, 6, 26) + b"\x00" * 4 + b"Apple\x00"
    first = struct.pack(order + "HHHII", 1, 0x8825, 4, 1, 26) + b"\x00" * 4  # 8 + 18 = 26: the GPS directory
    gps = struct.pack(order + "H", 2) + struct.pack(order + "HHII", 2, 5, 3, 56)
    gps += struct.pack(order + "HHII", 4, 5, 3, 80)
    gps += b"\x00" * 4  # 26 + 30 = 56: the latitude, then 24 bytes on the longitude
    degrees = struct.pack(order + "6I", 24, 1, 58, 1, 0, 1) + struct.pack(order + "6I", 118, 1, 11, 1, 0, 1)
    return head + first + gps + degrees


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _heif(brand: bytes, exif_item: bytes, xmp: bytes = b"") -> bytes:
    """A HEIF file (HEIC, AVIF) as a phone writes it: its brand, a meta box (what it holds is not read here) and the
    data, where an Exif item is a 4-byte offset to the TIFF header and then the EXIF; an XMP item is plain XML."""
    return (_box(b"ftyp", brand + b"\x00\x00\x00\x00mif1" + brand) + _box(b"meta", b"\x00" * 12)
            + _box(b"mdat", exif_item + xmp + b"\x01\x02\x03" * 40))


IPHONE_GPS = _heif(b"heic", struct.pack(">I", 6) + b"Exif\x00\x00" + _exif(">"))
LIBHEIF_GPS = _heif(b"avif", struct.pack(">I", 0) + _exif("<"))
XMP_GPS = _heif(b"heic", b"", b'<rdf:Description exif:GPSLatitude="24,58.0N" exif:GPSLongitude="118,11.0E"/>')
NO_PLACE = _heif(b"heic", struct.pack(">I", 6) + b"Exif\x00\x00" + _exif(">", located=False))


def _jpeg(exif: bytes) -> bytes:
    app1 = b"Exif\x00\x00" + exif
    return b"\xff\xd8" + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + b"\xff\xd9"


def _xls_holding(picture: bytes) -> bytes:
    """The fixture workbook (a 姓名 list) with *picture* kept whole at the start of a stream, as Excel 97 keeps an
    inserted photo (olefile rewrites a stream at its own length)."""
    import olefile

    buffer = io.BytesIO((FIXTURES / "plain-formats.xls").read_bytes())
    with olefile.OleFileIO(buffer, write_mode=True) as opened:
        old = opened.openstream("\x05SummaryInformation").read()
        opened.write_stream("\x05SummaryInformation", picture + old[len(picture):])
    return buffer.getvalue()


def _pdf_with_picture(filters: str, picture: bytes) -> bytes:
    """A one-page PDF with a line of text and *picture* drawn under it, stored as the file it was (no other filter)."""
    content = b"BT /F1 12 Tf 20 150 Td (Notice of the photo) Tj ET q 100 0 0 100 0 0 cm /Im1 Do Q"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im1 4 0 R >> "
               b"/Font << /F1 6 0 R >> >> /Contents 5 0 R >>",
               b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 "
               b"/Filter " + filters.encode() + b" /Length %d >>\nstream\n" % len(picture) + picture + b"\nendstream",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.5\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def _jp2(exif: bytes) -> bytes:
    """A JPEG 2000 file as Photoshop saves one: its signature box, then the EXIF in a uuid box 「JpgTiffExif->JP2」."""
    return (_box(b"jP  ", b"\r\n\x87\n") + _box(b"ftyp", b"jp2 \x00\x00\x00\x00jp2 ")
            + _box(b"uuid", b"JpgTiffExif->JP2" + b"Exif\x00\x00" + exif)
            + _box(b"jp2c", b"\xff\x4f\xff\x51" + b"\x00" * 40))


REFUSED = {  # attachment → the part named in the reason
    "heic.docx": (_with_member(docx("附现场照片"), "word/media/image1.heic", IPHONE_GPS), "图片「word/media/image1.heic」："),
    "avif.docx": (_with_member(docx("附现场照片"), "word/media/image1.avif", LIBHEIF_GPS), "图片「word/media/image1.avif」："),
    "xmp.docx": (_with_member(docx("附现场照片"), "word/media/image2.heic", XMP_GPS), "图片「word/media/image2.heic」："),
    "heic.xlsx": (_with_member(xlsx([["户数"], [3]]), "xl/media/image1.heic", IPHONE_GPS), "图片「xl/media/image1.heic」："),
    "jxl.docx": (_with_member(docx("附现场照片"), "word/media/image1.jxl", _box(b"JXL ", b"\r\n\x87\n")
                       + _box(b"Exif", struct.pack(">I", 0) + _exif("<"))), "图片「word/media/image1.jxl」："),
    "photo.xls": (_xls_holding(_jpeg(_exif("<"))), "数据流 SummaryInformation："),
    "heic.xls": (_xls_holding(IPHONE_GPS[:IPHONE_GPS.index(b"\x01\x02\x03")]), "数据流 SummaryInformation："),
    "jpx.pdf": (_pdf_with_picture("/JPXDecode", _jp2(_exif(">"))), ""),
}
PUBLISHED = {
    "plain.docx": _with_member(docx("附现场照片"), "word/media/image1.heic", NO_PLACE),
    "plain.xls": _xls_holding(_jpeg(_exif("<", located=False))),
    "plain.pdf": _pdf_with_picture("/JPXDecode", _jp2(_exif(">", located=False))),
}


def _commented(order: str, text: bytes, tag: int = 0x9C9C) -> bytes:
    """EXIF with one text tag: Windows' 备注 (XPComment, 0x9C9C, always UTF-16 little-endian) or the EXIF UserComment
    (0x9286: 「UNICODE\\0」 then UTF-16 in the EXIF's own byte order, big-endian on an iPhone)."""
    head = (b"II*\x00" if order == "<" else b"MM\x00*") + struct.pack(order + "I", 8)
    return head + struct.pack(order + "HHHII", 1, tag, 7, len(text), 26) + b"\x00" * 4 + text


PHONE_NOTE = "备注：户主电话13805951234"
LITTLE_NOTE = PHONE_NOTE.encode("utf-16-le") + b"\x00\x00"
BIG_NOTE = b"UNICODE\x00" + PHONE_NOTE.encode("utf-16-be")
SAID = "（图片属性）有未遮盖的手机号码「138****1234」（已遮盖显示）"
COMMENTED = {  # attachment → (bytes, the part named): the note at an odd byte of the file, then at an even one
    f"{name}{pad}.docx": (_with_member(docx("附现场照片"), "word/media/image1.heic",
                               _heif(b"heic", b"\x00" * pad + struct.pack(">I", 6) + b"Exif\x00\x00" + exif)),
                         " word/media/image1.heic")
    for name, exif in (("xp", _commented(">", LITTLE_NOTE)), ("user", _commented(">", BIG_NOTE, 0x9286)))
    for pad in (0, 1)
} | {
    f"note{pad}.xls": (_xls_holding(b"\x00" * pad + _jpeg(_commented("<", LITTLE_NOTE))),
                       " 文档属性（数据流 SummaryInformation）")
    for pad in (0, 1)
}


@pytest.mark.parametrize("name", list(COMMENTED))
def test_a_number_in_the_properties_of_such_a_photo_is_found_at_any_byte(gk, cat, name):
    """Before: the bytes were read as UTF-16 from their first byte only — a 备注 that began at an odd byte read as
    other characters, its phone number never seen — and never as big-endian UTF-16. Now every alignment and order."""
    data, part = COMMENTED[name]
    with_attachment(cat, f"files/2026/{name}", data)
    run = gk("validate", cat.root)
    assert run.code == 1
    said = SAID if name.endswith(".docx") else "有未遮盖的手机号码「138****1234」（已遮盖显示）"
    assert f"错误 GK602 附件「files/2026/{name}」{part}{said}" in run.out, run.out
    assert "13805951234" not in run.out


def test_the_pictures_here_are_what_they_say() -> None:
    """The EXIF read as a viewer does: the GPS pointer of the first directory, then its tags 2 and 4."""
    for order in "<>":
        tiff = _exif(order)
        assert struct.unpack(order + "HHHII", tiff[8:22])[1] == 0x8825
        gps_at = struct.unpack(order + "I", tiff[18:22])[0]
        assert gps_at == 26 and struct.unpack(order + "H", tiff[26:28])[0] == 2
        latitude = struct.unpack(order + "HHII", tiff[28:40])
        assert latitude[0] == 2 and struct.unpack(order + "6I", tiff[latitude[3]:latitude[3] + 24])[::2] == (24, 58, 0)
        longitude = struct.unpack(order + "HHII", tiff[40:52])
        assert longitude[0] == 4 and struct.unpack(order + "6I", tiff[longitude[3]:][:24])[::2] == (118, 11, 0)
    assert IPHONE_GPS[4:8] == b"ftyp" and b"Exif\x00\x00MM\x00*" in IPHONE_GPS and b"Apple" in NO_PLACE


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_photo_with_its_location_in_a_format_without_a_reader_is_not_published(gk, cat, tmp_path, name):
    data, part = REFUSED[name]
    with_attachment(cat, f"files/2026/{name}", data)
    run = gk("validate", cat.root)
    assert run.code == 1
    assert f"错误 GK610 附件「files/2026/{name}」无法读取：{part}{LOCATED}" in run.out, run.out
    site = tmp_path / "site"
    built = gk("build-site", cat.root, "--out", site)
    assert built.code == 0 and f"R2026-001 没有发布：附件「files/2026/{name}」：无法读取：{part}{LOCATED}" in built.err
    assert not (site / "files" / "2026" / name).exists() and not (site / "records" / "R2026-001.html").exists()


@pytest.mark.parametrize("name", list(PUBLISHED))
def test_the_same_photo_without_a_location_is_published(gk, cat, tmp_path, name):
    with_attachment(cat, f"files/2026/{name}", PUBLISHED[name])
    assert "GK610" not in gk("validate", cat.root).out
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site / "files" / "2026" / name).read_bytes() == PUBLISHED[name]


@pytest.mark.parametrize("name", ["heic.docx", "avif.docx", "xmp.docx", "photo.xls", "jpx.pdf"])
def test_the_output_scan_finds_the_location_too(name):
    from gongkai.privacy.outputs import scan_output

    found = scan_output(f"files/2026/{name}", REFUSED[name][0], frozenset())
    assert [f.kind for f in found] == ["unreadable"] and LOCATED in found[0].where, found
    assert "工作簿无法解析" not in found[0].where


@pytest.mark.parametrize("name", list(PUBLISHED))
def test_the_output_scan_passes_the_same_photo_without_a_location(name):
    from gongkai.privacy.outputs import scan_output

    assert scan_output(f"files/2026/{name}", PUBLISHED[name], frozenset()) == []
