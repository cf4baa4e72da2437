"""Twenty-fifth hostile pass over the publishing gate (issues 11 and 6): office documents as containers — what the gate
did not open.

A clerk's office suite makes a document a box of boxes: a zip of XML parts, an OLE object holding a file inserted
from disk, a zip inside that. Each fixture here is built by hand (zipfile, a compound file written below, XML typed
out) and hides one number in one place; the numbers are typed by hand: 13805951234 is a mobile (1[3-9] + 9 digits),
shown masked as 138****1234; 350524198503151236 is a 身份证号 (GB 11643-1999: Σ aᵢ·Wᵢ = 281, 281 mod 11 = 6 → check
digit 6), shown as 35*************236.

Found this pass (before the fix → now):
1. A file inserted into a Word document or a workbook as an object («插入 → 对象 → 由文件创建») is an OLE compound
   file whose stream holds the file: a PDF in Acrobat's «CONTENTS», a workbook in «Package», any file in
   «Ole10Native» (a package: its name, its path on the clerk's PC and its bytes). The streams were read only as bare
   bytes, so the text of the PDF (Flate-compressed) and of the workbook (a zip) was never seen: a list of phone numbers
   inserted as an icon into the notice was published (the output scan, which reads OLE objects the same way, saw
   nothing either). The same in an Excel 97-2003 attachment (its embedded objects are compound files inside it). Now
   the file a stream holds is read as what it is, as a part of a docx is, and named: «oleObject1.bin 数据流 CONTENTS
   第1页», «数据流 Ole10Native 名单.pdf 第1页».
2. A compressed archive inside a document (a .7z or .rar part, or packaged in an OLE object) was read as bare bytes —
   its files packed, nothing readable — and published; as an attachment of its own it is refused (GK608). Now GK610
   names it (「7z 压缩包」「RAR 压缩包」, also xz, bzip2, CAB, zstd) and says to delete the object.
3. An Office file with an opening password embedded in a document (an OLE «EncryptedPackage») was published unread;
   a zip part marked encrypted said only 「文件已加密」 with no way out; an xls with a password said 「内部结构无法解析」.
   Now all three are GK610 「设了密码（已加密）」 with how to take the password off; an xlsx with a password renamed
   .xls is GK609 「设了打开密码，已加密」 (as the same file named .xlsx was), not 「内部结构无法解析」.
4. An XML comment (<!-- 联系人 13805951234 -->), a processing instruction (<?… 13805951234?>) or a DTD entity
   (<!ENTITY t "13805951234">) in a part of a docx, xlsx or OFD was dropped by the reading of the markup; anyone who
   unzips the file reads it in Notepad. Now their text is read, each on its own (as an attribute's value is).
5. What a zip holds besides its parts — the file's comment and each part's (unzip -z, 7-Zip shows them), the parts'
   names («customXml/350524198503151236.xml»: unzip -l), bytes appended after the end of the zip, and an earlier part
   left behind by a tool that replaced it (its local header still in the file, compressed: any recovering zip tool
   unpacks it) — was not read. Now each is read, named 「压缩包的注释」「部件的名称」「压缩包中不属于任何部件的数据」;
   a part left behind is unpacked and read as a part. The output scan (build-site, handover, export) reads the same.
6. A PDF page whose text is drawn in a composite font with an Identity encoding and no ToUnicode map (a virtual
   printer's output: the text copies out as 乱码) showed digits on the screen while the text read was control
   characters: the page was published as if it said nothing. Now GK610 names the page and the font and says to
   export the PDF from Word or WPS.
7. A document nested deeper than gongkai reads (a gzip inside a gzip inside …, an OLE package inside a package) said
   「嵌套的文档层数过多」 with no way out, or (gzip) went down until Python's recursion limit and said 「内部结构无法
   解析」. Now one Chinese sentence for both says how many levels are read and what to do.
"""

from __future__ import annotations

import gzip
import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from conftest import RECORD, docx
from test_hostile23_scanner_limits import Made, _page, build_cases, findings_of
from gongkai.privacy.markup import BOUNDARY, markup_text

MOBILE = "13805951234"
ID_NUMBER = "350524198503151236"
FIXTURES = Path(__file__).parent / "fixtures"
NOTICE = docx("关于做好2026年低保工作的通知")


# ------------------------------------------------------------------------------------------------ fixtures by hand

def _compound(streams: dict[str, bytes]) -> bytes:
    """An OLE2 compound file (version 3, 512-byte sectors) of *streams*, each padded to 4,096 bytes (so none lives in
    the mini stream): header, one FAT sector, the directory, the streams' sectors."""
    end, free = 0xFFFFFFFE, 0xFFFFFFFF
    items = sorted(streams.items(), key=lambda kv: (len(kv[0]), kv[0].upper()))
    datas = [data.ljust(max(4096, -(-len(data) // 512) * 512), b"\0") for _, data in items]
    directory_sectors = -(-(1 + len(items)) // 4)
    fat = [0xFFFFFFFD] + [2 + i if i < directory_sectors - 1 else end for i in range(directory_sectors)]
    starts = []
    for data in datas:
        starts.append(len(fat))
        count = len(data) // 512
        fat += [len(fat) + i + 1 if i < count - 1 else end for i in range(count)]
    assert len(fat) <= 128

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1) + struct.pack("<III", free, right, child)
                + bytes(36) + struct.pack("<IQ", start, size))

    directory = entry("Root Entry", 5, 1, free, end, 0) + b"".join(
        entry(name, 2, free, i + 2 if i + 1 < len(items) else free, start, len(data))
        for i, ((name, _), data, start) in enumerate(zip(items, datas, starts)))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + bytes(6)
              + struct.pack("<9I", 0, 1, 1, 0, 4096, end, 0, end, 0) + struct.pack("<I", 0)
              + struct.pack("<108I", *[free] * 108))
    return (header + struct.pack("<128I", *fat + [free] * (128 - len(fat)))
            + directory.ljust(directory_sectors * 512, b"\0") + b"".join(datas))


def _package(name: str, data: bytes) -> bytes:
    """The «Ole10Native» stream Word writes for a file inserted as an object: its size, flags, label, the path it came
    from, the temporary path, and the file's size and bytes."""
    path = f"C:\\Users\\clerk\\Desktop\\{name}".encode("gbk") + b"\0"
    body = (struct.pack("<H", 2) + name.encode("gbk") + b"\0" + path + struct.pack("<HHI", 0, 3, len(path)) + path
            + struct.pack("<I", len(data)) + data)
    return struct.pack("<I", len(body)) + body


def _with(container: bytes, name: str, member: bytes, comment: bytes = b"") -> bytes:
    """*container* (a zip) with one part more, compressed as Office compresses its parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(container)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info, source.read(info))
        info = zipfile.ZipInfo(name)
        info.compress_type, info.comment = zipfile.ZIP_DEFLATED, comment
        out.writestr(info, member)
    return buffer.getvalue()


def _replaced(container: bytes, name: str, member: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(container)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            out.writestr(info.filename, member if info.filename == name else source.read(info))
    return buffer.getvalue()


def _commented(container: bytes, comment: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(container)) as source, zipfile.ZipFile(buffer, "w") as out:
        for info in source.infolist():
            out.writestr(info, source.read(info))
        out.comment = comment.encode("gbk")
    return buffer.getvalue()


def _left_behind(text: str) -> bytes:
    """A Word document with, before its parts, the local entry (header and Deflate data) of an earlier document.xml
    that no longer stands in the central directory: a tool that replaced the part left it behind."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", f"<w:document><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body>"
                                              "</w:document>")
    old = buffer.getvalue()
    return old[:old.find(b"PK\x01\x02")] + NOTICE


def _document_xml(before_root: str) -> bytes:
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    return _replaced(NOTICE, "word/document.xml", (f'<?xml version="1.0" encoding="UTF-8"?>{before_root}'
                                                   f"<w:document {ns}>"
                                                   "<w:body><w:p><w:r><w:t>关于做好2026年低保工作的通知</w:t></w:r></w:p>"
                                                   "</w:body></w:document>").encode())


def _workbook(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


STATISTICS = _workbook([["乡镇", "户数"], ["城厢镇", 12]])  # (a table of no person: its columns are no 公示 list's)
PHONES = _workbook([["乡镇", "联系电话"], ["城厢镇", int(MOBILE)]])


def _flate_pdf(text: str) -> bytes:
    """A one-page PDF whose content stream (Flate-compressed, as Word and WPS write it) draws *text*."""
    content = zlib.compress(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode())
    return _page(content, b"<< /Font << /F1 5 0 R >> >>", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
                 ).replace(b"<< /Length %d >>" % len(content), b"<< /Length %d /Filter /FlateDecode >>" % len(content))


def _identity_pdf(glyphs: str, to_unicode: bool) -> bytes:
    """A page drawing the glyphs of *glyphs* (digits, glyph numbers 19–28 as a TrueType font lays them out from space
    at 3) in a composite font with the Identity-H encoding; with a ToUnicode map of those glyphs to «0»–«9» or none."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /G def 1 begincodespacerange "
            b"<0000> <FFFF> endcodespacerange 1 beginbfrange <0013> <001C> <0030> endbfrange endcmap CMapName "
            b"currentdict /CMap defineresource pop end end")
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R]"
            + (b" /ToUnicode 7 0 R" if to_unicode else b"") + b" >>")
    cid = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering "
           b"(Identity) /Supplement 0 >> /DW 1000 >>")
    more = [font, cid] + ([b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream"] if to_unicode else [])
    codes = "".join(f"{ord(c) - 29:04X}" for c in glyphs).encode()
    return _page(b"BT /F1 12 Tf 72 720 Td <" + codes + b"> Tj ET", b"<< /Font << /F1 5 0 R >> >>", *more)


def _xls_with_object() -> bytes:
    """An Excel 97-2003 workbook (the fixture's Workbook stream) with an embedded object: a workbook in «Package»."""
    import olefile

    with olefile.OleFileIO(str(FIXTURES / "plain-formats.xls")) as ole:
        book = ole.openstream("Workbook").read()
    return _compound({"Workbook": book, "MBD0001": _compound({"Package": PHONES})})


def _locked_xls() -> bytes:
    """The fixture's workbook saved with a password: a FILEPASS record (0x002F) right after its BOF (20 bytes)."""
    import olefile

    with olefile.OleFileIO(str(FIXTURES / "plain-formats.xls")) as ole:
        book = ole.openstream("Workbook").read()
    assert struct.unpack("<HH", book[:4]) == (0x0809, 16)
    return _compound({"Workbook": book[:20] + b"\x2f\x00\x00\x00" + book[20:]})


def _locked_part() -> bytes:
    """A Word document with a zip inside whose one part is marked encrypted (bit 0 of its flags, in both headers)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("名单.txt", b"x" * 40)
    inner = bytearray(buffer.getvalue())
    inner[6] |= 1
    inner[inner.find(b"PK\x01\x02") + 8] |= 1
    return _with(NOTICE, "word/embeddings/名单.zip", bytes(inner))


ENCRYPTED_PACKAGE = {"EncryptedPackage": bytes(range(256)) * 8, "EncryptionInfo": b"\x04\x00\x04\x00" + bytes(60)}


def _nested(levels: int) -> bytes:
    data = f"联系电话 {MOBILE}".encode()
    for _ in range(levels):
        data = gzip.compress(data)
    return _with(NOTICE, "word/embeddings/data.bin", data)


SEVEN_ZIP = b"7z\xbc\xaf\x27\x1c\x00\x04" + bytes(120)
RAR = b"Rar!\x1a\x07\x01\x00" + bytes(120)

# name → (file, bytes, code, words the message says)
HELD_BACK = {
    "pdf-object": ("pdf-object.docx", lambda: _with(NOTICE, "word/embeddings/oleObject1.bin",
                                                    _compound({"CONTENTS": _flate_pdf(f"Tel {MOBILE}")})),
                   "GK602", "word/embeddings/oleObject1.bin 数据流 CONTENTS 第1页"),
    "workbook-object": ("workbook-object.docx", lambda: _with(NOTICE, "word/embeddings/oleObject1.bin",
                                                              _compound({"Package": PHONES})),
                        "GK602", "数据流 Package 工作表（xl/worksheets/sheet1.xml）"),
    "packaged-pdf": ("packaged.docx", lambda: _with(NOTICE, "word/embeddings/oleObject1.bin", _compound(
        {"\x01Ole10Native": _package("名单.pdf", _flate_pdf(f"Tel {MOBILE}"))})), "GK602", "数据流 Ole10Native 名单.pdf 第1页"),
    "object-in-workbook": ("object.xlsx", lambda: _with(STATISTICS, "xl/embeddings/oleObject1.bin",
                                                        _compound({"Package": PHONES})), "GK602", "数据流 Package"),
    "object-in-xls": ("object.xls", _xls_with_object, "GK602", "数据流 MBD0001 数据流 Package"),
    "seven-zip-part": ("seven.docx", lambda: _with(NOTICE, "word/embeddings/名单.7z", SEVEN_ZIP), "GK610", "7z 压缩包"),
    "packaged-rar": ("rar.docx", lambda: _with(NOTICE, "word/embeddings/oleObject1.bin", _compound(
        {"\x01Ole10Native": _package("名单.rar", RAR)})), "GK610", "「名单.rar」是RAR 压缩包"),
    "locked-object": ("locked.docx", lambda: _with(NOTICE, "word/embeddings/oleObject1.bin",
                                                   _compound(ENCRYPTED_PACKAGE)), "GK610", "设了密码（已加密）"),
    "locked-part": ("locked-part.docx", _locked_part, "GK610", "设了密码（已加密）"),
    "locked-xls": ("locked.xls", _locked_xls, "GK610", "设了密码（已加密）"),
    "locked-xlsx-as-xls": ("renamed.xls", lambda: _compound(ENCRYPTED_PACKAGE), "GK609", "设了打开密码，已加密"),
    "xml-comment": ("comment.docx", lambda: _document_xml(f"<!-- 联系人 {MOBILE} -->"), "GK602", "正文（word/document.xml）"),
    "processing-instruction": ("pi.docx", lambda: _document_xml(f"<?mso-contact tel={MOBILE}?>"), "GK602", "正文"),
    "entity": ("entity.docx", lambda: _document_xml(f'<!DOCTYPE w:document [<!ENTITY tel "{MOBILE}">]>'), "GK602",
               "正文"),
    "zip-comment": ("zip-comment.docx", lambda: _commented(NOTICE, f"经办人电话{MOBILE}"), "GK602", "压缩包的注释"),
    "part-comment": ("part-comment.docx", lambda: _with(NOTICE, "customXml/item1.xml", b"<a/>", MOBILE.encode()),
                     "GK602", "压缩包的注释"),
    "part-name": ("part-name.docx", lambda: _with(NOTICE, f"customXml/{ID_NUMBER}.xml", b"<a/>"),
                  "GK601", "部件的名称"),
    "appended": ("appended.docx", lambda: NOTICE + f"联系电话{MOBILE}".encode("gbk"), "GK602", "不属于任何部件的数据"),
    "left-behind": ("left-behind.docx", lambda: _left_behind(f"联系电话{MOBILE}"), "GK602", "不属于任何部件的数据"),
    "garbled-font": ("garbled.pdf", lambda: _identity_pdf(MOBILE, to_unicode=False), "GK610", "第1页的文字使用的字体「SimSun」"),
    "nested-gzip": ("nested.docx", lambda: _nested(6), "GK610", "超过 3 层"),
}
PUBLISHED = {  # the other side of each rule
    "clean-object": ("clean-object.docx", lambda: _with(NOTICE, "word/embeddings/oleObject1.bin", _compound(
        {"\x01Ole10Native": _package("通知.pdf", _flate_pdf("Notice of the 2026 subsistence allowance work"))}))),
    "clean-comment": ("clean-comment.docx", lambda: _document_xml("<!-- 由 WPS 文字 2019 生成 -->")),
    "mapped-font": ("mapped.pdf", lambda: _identity_pdf("2026", to_unicode=True)),
    "nested-three": ("three.docx", lambda: _with(NOTICE, "word/embeddings/data.bin",
                                                 gzip.compress(gzip.compress(gzip.compress(b"2026"))))),
}
CASES = {**{k: (n, m) for k, (n, m, _, _) in HELD_BACK.items()}, **PUBLISHED}
NUMBER = {case: n for n, case in enumerate(CASES, start=1)}
LINE_OF_FILE = next(n for n, line in enumerate(
    RECORD.replace("正文: |", "附件:\n  - 文件: x\n    名称: 附件一\n正文: |").splitlines(), 1) if "- 文件:" in line)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Made:
    return build_cases(tmp_path_factory.mktemp("h25"), CASES)


def _of(diagnostics: list[dict[str, object]], case: str) -> list[dict[str, object]]:
    return findings_of(diagnostics, NUMBER[case])


@pytest.mark.parametrize("case", list(HELD_BACK))
def test_a_number_hidden_in_a_container_holds_back_its_record_and_says_where(built, case):
    diagnostics, written, printed = built
    name, _, code, words = HELD_BACK[case]
    found = [d for d in _of(diagnostics, case) if d["code"] == code]
    assert found and all(d["line"] == LINE_OF_FILE for d in found), _of(diagnostics, case)
    message = str(found[0]["message"])
    assert f"附件「files/2026/{name}」" in message and words in message, message
    if code == "GK601":
        assert "35*************236" in message and ID_NUMBER not in message
    elif code == "GK602":
        assert "138****1234" in message and MOBILE not in message
    else:
        assert "请" in message or code == "GK609", message  # it says how to fix it
    assert re.search(r"Error|Exception|Unreadable|olefile|pypdf|\x01", message) is None, message
    assert f"2026/{name}".encode() not in written and "Traceback" not in printed


@pytest.mark.parametrize("case", list(PUBLISHED))
def test_a_clean_container_on_the_other_side_of_each_rule_is_published(built, case):
    diagnostics, written, _ = built
    assert [d for d in _of(diagnostics, case) if d["severity"] == "error"] == []
    assert b"\nFILE " + CASES[case][0].encode() + b"\n" in written


def test_no_number_of_any_case_reached_the_site_or_the_archives(built):
    _, written, printed = built
    assert MOBILE.encode() not in written and ID_NUMBER.encode() not in written
    assert MOBILE not in printed and ID_NUMBER not in printed


# ----------------------------------------------------------------------------------------- the readers on their own

def test_the_output_scan_opens_a_file_inserted_as_an_object_too():
    from gongkai.privacy.outputs import scan_output

    found = scan_output("files/2026/a.docx", _with(NOTICE, "word/embeddings/oleObject1.bin",
                                                   _compound({"Package": PHONES})), frozenset())
    assert [(f.kind, f.masked) for f in found] == [("mobile", "138****1234")]
    clean = _with(NOTICE, "word/embeddings/oleObject1.bin", _compound({"Package": STATISTICS}))
    assert scan_output("files/2026/a.docx", clean, frozenset()) == []


def test_a_comment_and_a_declaration_are_read_on_their_own_and_join_nothing():
    # (the text of the document first, the comment and the declarations after it, each apart: «旧号» is no part of the
    # number the document's text shows across the comment)
    text = markup_text('<?xml version="1.0"?><!DOCTYPE a [<!ENTITY t "13805951234">]><a>1380595<!-- 旧号 -->1234</a>')
    assert text == (' <!DOCTYPE a [ ]> 1380595 1234 ' + BOUNDARY + 'xml version="1.0"?' + BOUNDARY
                    + 'ENTITY t "13805951234"' + BOUNDARY + ' 旧号 ')


@pytest.mark.parametrize(("case", "kind", "where"), [
    ("zip-comment", "mobile", "压缩包的注释"), ("part-comment", "mobile", "压缩包的注释"), ("part-name", "id", "部件的名称"),
    ("appended", "mobile", "压缩包中不属于任何部件的数据"),
    ("left-behind", "mobile", "压缩包中不属于任何部件的数据 正文（word/document.xml）")])
def test_the_output_scan_reads_what_a_zip_holds_besides_its_parts(case, kind, where):
    from gongkai.privacy.outputs import scan_output

    name, make, _, _ = HELD_BACK[case]
    assert [(f.kind, f.where) for f in scan_output(f"files/2026/{name}", make(), frozenset())] == [(kind, where)]
    assert scan_output("files/2026/notice.docx", NOTICE, frozenset()) == []
