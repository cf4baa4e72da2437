"""Twenty-first hostile pass over the publishing gate (issues 11 and 6): what hides inside attached documents.

A clerk attaches a file that looks clean on screen and carries a number where the scan did not read it as the program
shows it. The numbers are typed by hand: 13805951234 is a mobile (1[3-9] + 9 digits), shown masked as 138****1234;
0595-23281234 is an office landline (泉州 0595), which is published.

Found this pass:
- A workbook embedded in a Word document (or in another workbook), opened by double-clicking the object, was read as
  XML only: a cell shown through a number format with digits of its own ("1380"0 on 5951234) or a formula joining
  two cells (=B2&C2) was published, though the same workbook attached on its own was held back.
- A number format whose currency text holds the digits ([$1380-804]0, [$1380]0 on 5951234 shows 13805951234) was
  published: only quoted and escaped text was taken as the format's own digits.
- A worksheet's printed header or footer whose codes split a number (1380595&B1234&B: the second half bold;
  &K00FF00 a colour, &"宋体,加粗" a font, &8 a font size) was published: Excel prints 13805951234.
- A chart (in a Word document or a workbook) shows its values through the number format of its data labels or its
  cache («"1380"0» on 5951234 shows 13805951234): that was not read.
- A PDF object packed in a stream encoded as text (ASCII85 or ASCIIHex, alone or before Flate, as older programs and
  PostScript converters write object streams) was not read from the file's bytes: an incremental update's object
  nothing refers to, holding 作者 13805951234, was published; any PDF tool (qpdf, mutool) undoes these encodings.
- A PDF form made with Adobe LiveCycle (XFA) keeps the values filled in as XML in a stream (<xfa:datasets>…
  <电话>13805951234</电话>), which Acrobat shows in the form's fields: no string of the file holds them, and the form was
  published.
- A Word field's numeric picture switch with digits of its own ({ = 1380595 \\# "0'1234'" }, { QUOTE 1380595 \\# … })
  was not applied: Word shows 13805951234 once it updates the field (on opening or printing), as it shows a formula's
  result, which was read already.
- A GIF's XMP (an application extension, «XMP DataXMP») and a PNG chunk of a program's own (prVt) were not read since
  pictures were read by their properties: a number there was published, and a GIF whose XMP says where it was taken.
- A JPEG's XMP too large for one segment (extended XMP, in parts: Photoshop's history) was read part by part: a number
  or a location cut between two parts was published. A phone's JPEG holds a second picture after the first (MPF: a
  depth map, the original) with its own EXIF: the location there was not looked for.
- A TIFF or WebP picture inside a Word document that says where it was taken (EXIF GPS) was published: only JPEG
  and PNG were looked at for a location. And a located picture's finding now names the picture's part.
"""

from __future__ import annotations

import base64
import io
import json
import struct
import zipfile
from pathlib import Path

import pytest

from conftest import text_pdf
from test_hostile19_gate_files import ATTACHED, FILE_LINE, digits_of, findings, pdf_update
from test_privacy_files import publish

MOBILE = "13805951234"
MASKED = "138****1234"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def zipped(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def styles(code: str) -> str:
    """A styles part whose cell format 1 has the number format *code*."""
    code = code.replace("&", "&amp;").replace('"', "&quot;")
    return (f'<?xml version="1.0"?><styleSheet xmlns="{SHEET_NS}"><numFmts count="1">'
            f'<numFmt numFmtId="164" formatCode="{code}"/></numFmts><fonts count="1"><font/></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/>'
            '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')


def workbook(cells: str, code: str = "", after: str = "", **more: bytes) -> bytes:
    """A one-sheet workbook 名单 (header 姓名 | 金额, then row 2: 张* and *cells*); *code* is cell format 1's number
    format; *after* follows the sheet data (a <headerFooter>); *more* adds parts."""
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types '
                               'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                               '<Default Extension="xml" ContentType="application/xml"/>'
                               f'<Override PartName="/xl/workbook.xml" ContentType="{SHEET_TYPE}.sheet.main+xml"/>'
                               '<Override PartName="/xl/worksheets/sheet1.xml" '
                               f'ContentType="{SHEET_TYPE}.worksheet+xml"/>'
                               f'<Override PartName="/xl/styles.xml" ContentType="{SHEET_TYPE}.styles+xml"/></Types>',
        "_rels/.rels": f'<?xml version="1.0"?><Relationships xmlns="{REL_NS}"><Relationship Id="rId1" '
                       f'Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook xmlns="{SHEET_NS}" xmlns:r="{OFFICE}"><sheets>'
                           '<sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": f'<?xml version="1.0"?><Relationships xmlns="{REL_NS}">'
                                      f'<Relationship Id="rId1" Type="{OFFICE}/worksheet" '
                                      'Target="worksheets/sheet1.xml"/>'
                                      + (f'<Relationship Id="rId2" Type="{OFFICE}/styles" Target="styles.xml"/>'
                                         if code else "") + "</Relationships>",
        "xl/worksheets/sheet1.xml": f'<?xml version="1.0"?><worksheet xmlns="{SHEET_NS}"><sheetData>'
                                    '<row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c>'
                                    '<c r="B1" t="inlineStr"><is><t>金额</t></is></c></row>'
                                    f'<row r="2"><c r="A2" t="inlineStr"><is><t>张*</t></is></c>{cells}</row>'
                                    f"</sheetData>{after}</worksheet>",
    }
    if code:
        parts["xl/styles.xml"] = styles(code)
    parts.update(more)
    return zipped(parts)


def word(paragraph: str = "<w:r><w:t>通知</w:t></w:r>", **parts: bytes) -> bytes:
    """A Word document of one paragraph (its runs *paragraph*, «通知»), with *parts* (path → bytes) beside its body."""
    return zipped({"[Content_Types].xml": '<?xml version="1.0"?><Types '
                                          'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
                   "word/document.xml": f"<w:document {W}><w:body><w:p>{paragraph}</w:p></w:body></w:document>",
                   **parts})


def field(code: str, shown: str = "见附表") -> str:
    """A Word field { *code* } showing *shown* until Word updates it."""
    return (f'<w:r><w:t>联系电话：</w:t></w:r><w:fldSimple w:instr="{code.replace(chr(34), "&quot;")}">'
            f"<w:r><w:t>{shown}</w:t></w:r></w:fldSimple>")


def tiff(located: bool) -> bytes:
    """A little-endian TIFF whose first directory holds an ImageDescription (扫描件) and, when *located*, a pointer
    (tag 0x8825) to a GPS directory holding GPSLatitudeRef (tag 1, «N») and GPSLatitude (tag 2)."""
    description = "扫描件".encode() + b"\x00"
    count = 2 if located else 1
    first = 8
    gps = first + 2 + 12 * count + 4
    text_at = gps + (2 + 12 * 2 + 4 if located else 0)
    entries = [struct.pack("<HHII", 0x010E, 2, len(description), text_at)]
    if located:
        entries.append(struct.pack("<HHII", 0x8825, 4, 1, gps))
    data = b"II*\x00" + struct.pack("<I", first) + struct.pack("<H", count) + b"".join(entries) + b"\x00" * 4
    if located:
        data += (struct.pack("<H", 2) + struct.pack("<HHI", 1, 2, 2) + b"N\x00\x00\x00"
                 + struct.pack("<HHII", 2, 5, 3, text_at + len(description)) + b"\x00" * 4)
    return data + description + struct.pack("<6I", 25, 1, 3, 1, 30, 1)


def webp(located: bool) -> bytes:
    """A WebP (RIFF) whose EXIF chunk is *tiff(located)*; its image chunk is a stub (no pixels are read)."""
    exif = tiff(located)
    chunks = b"VP8X" + struct.pack("<I", 10) + b"\x08" + b"\x00" * 9
    chunks += b"EXIF" + struct.pack("<I", len(exif)) + exif + b"\x00" * (len(exif) & 1)
    return b"RIFF" + struct.pack("<I", 4 + len(chunks)) + b"WEBP" + chunks


def gif(*extensions: bytes) -> bytes:
    """A 1×1 GIF89a with *extensions* (raw blocks) before its image."""
    return (b"GIF89a" + struct.pack("<HH", 1, 1) + b"\x00\x00\x00" + b"".join(extensions)
            + b"\x2c" + struct.pack("<HHHH", 0, 0, 1, 1) + b"\x00\x02\x02\x44\x01\x00\x3b")


def gif_xmp(inside: str) -> bytes:
    """An XMP application extension as Photoshop writes it: the packet whole, then the «magic trailer» of 258 bytes."""
    packet = ('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
              f'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
              f'xmlns:exif="http://ns.adobe.com/exif/1.0/">{inside}</rdf:Description></rdf:RDF></x:xmpmeta>')
    return b"\x21\xff\x0bXMP DataXMP" + packet.encode() + bytes([1, *range(255, -1, -1), 0])


def png(*chunks: tuple[bytes, bytes]) -> bytes:
    """A 1×1 grey PNG with *chunks* (kind, body) before its image data."""
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
            + b"".join(chunk(kind, body) for kind, body in chunks) + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
            + chunk(b"IEND", b""))


def segment(marker: int, body: bytes) -> bytes:
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(body) + 2) + body


def jpeg(*segments: bytes) -> bytes:
    """A JPEG of *segments* (APPn …), a start of scan, two bytes of image data and its end."""
    return b"\xff\xd8" + b"".join(segments) + segment(0xDA, b"\x01\x01\x00\x00\x3f\x00") + b"\x12\x34\xff\xd9"


def extended_xmp(packet: bytes, *cuts: int) -> list[bytes]:
    """*packet* as the APP1 segments of an extended XMP, cut at *cuts*; each part names its offset."""
    head = b"http://ns.adobe.com/xmp/extension/\x00" + b"5B1E4B3C8B2A4D0E9F1A2B3C4D5E6F70"
    bounds = [0, *cuts, len(packet)]
    return [segment(0xE1, head + struct.pack(">II", len(packet), start) + packet[start:end])
            for start, end in zip(bounds, bounds[1:])]


XMP_TEL = b"<x:xmpmeta><rdf:Description><dc:description>tel 13805951234</dc:description></rdf:Description></x:xmpmeta>"
JFIF = segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")


def header_footer(element: str, text: str) -> str:
    return f"<headerFooter><{element}>{text.replace('&', '&amp;')}</{element}></headerFooter>"


def packed(objects: bytes, encoding: str) -> bytes:
    """A PDF «Notice» saved once more by an incremental update adding an object stream (/ObjStm) that nothing refers
    to, holding *objects*, its data encoded as *encoding* (a filter chain) says."""
    offsets = b"50 0 "
    data = offsets + objects
    if "Flate" in encoding:
        import zlib

        data = zlib.compress(data)
    data = base64.a85encode(data, adobe=True)[2:] if "ASCII85" in encoding else data.hex().encode() + b">"
    body = (f"<< /Type /ObjStm /N 1 /First {len(offsets)} /Filter {encoding} /Length {len(data)} >>\nstream\n"
            ).encode() + data + b"\nendstream"
    return pdf_update(text_pdf("Notice"), {9: body})


def xfa_form(data: str) -> bytes:
    """A PDF «Application form» whose AcroForm carries an XFA form: a template packet and a datasets packet holding
    *data* (the values filled in), the datasets compressed as Acrobat saves them."""
    import zlib

    template = ('<template xmlns="http://www.xfa.org/schema/xfa-template/3.3/"><subform name="申请表">'
                '<field name="电话"/></subform></template>').encode()
    datasets = zlib.compress(('<xfa:datasets xmlns:xfa="http://www.xfa.org/schema/xfa-data/1.0/"><xfa:data>'
                              f"<申请表>{data}</申请表></xfa:data></xfa:datasets>").encode())
    return pdf_update(text_pdf("Application form"), {
        1: "<< /Type /Catalog /Pages 2 0 R /AcroForm 11 0 R >>",
        9: f"<< /Length {len(template)} >>\nstream\n".encode() + template + b"\nendstream",
        10: f"<< /Filter /FlateDecode /Length {len(datasets)} >>\nstream\n".encode() + datasets + b"\nendstream",
        11: "<< /Fields [] /XFA [(template) 9 0 R (datasets) 10 0 R] >>"})


def chart(label_format: str, value: str = "5951234") -> bytes:
    """A bar chart of one value whose data labels show it through *label_format*."""
    code = label_format.replace("&", "&amp;").replace('"', "&quot;")
    return ('<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea>'
            f'<c:barChart><c:ser><c:dLbls><c:numFmt formatCode="{code}" sourceLinked="0"/><c:showVal val="1"/>'
            "</c:dLbls><c:val><c:numRef><c:f>名单!$B$2</c:f><c:numCache><c:formatCode>General</c:formatCode>"
            f'<c:ptCount val="1"/><c:pt idx="0"><c:v>{value}</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser>'
            "</c:barChart></c:plotArea></c:chart></c:chartSpace>").encode()


EMBEDDED = "word/embeddings/Microsoft_Excel_Worksheet1.xlsx"
HELD_BACK = {
    # (file name, bytes): (code, words of the message: the part and where inside it)
    "embedded-format": ("list.docx", word(**{EMBEDDED: workbook('<c r="B2" s="1"><v>5951234</v></c>', '"1380"0')}),
                        "GK602", f"{EMBEDDED} 名单!B2"),
    "embedded-join": ("list.docx", word(**{EMBEDDED: workbook(
        '<c r="B2" t="inlineStr"><is><t>1380595</t></is></c><c r="C2" t="inlineStr"><is><t>1234</t></is></c>'
        '<c r="D2" t="str"><f>B2&amp;C2</f></c>')}), "GK610", f"嵌入的工作簿（{EMBEDDED}）名单!D2的公式「=B2&C2」"),
    "workbook-in-workbook": ("list.xlsx", workbook('<c r="B2"><v>100</v></c>', **{
        "xl/embeddings/Microsoft_Excel_Worksheet1.xlsx": workbook('<c r="B2" s="1"><v>5951234</v></c>', '"1380"0')}),
        "GK602", "xl/embeddings/Microsoft_Excel_Worksheet1.xlsx 名单!B2"),
    "currency-with-locale": ("list.xlsx", workbook('<c r="B2" s="1"><v>5951234</v></c>', "[$1380-804]0"),
                             "GK602", "名单!B2（按单元格的数字格式显示）"),
    "currency": ("list.xlsx", workbook('<c r="B2" s="1"><v>5951234</v></c>', "[$1380]0"),
                 "GK602", "名单!B2（按单元格的数字格式显示）"),
    "header-bold": ("list.xlsx", workbook('<c r="B2"><v>100</v></c>', after=header_footer(
        "oddHeader", "&L联系电话1380595&B1234&B")), "GK602", "xl/worksheets/sheet1.xml） 页眉页脚"),
    "footer-colour": ("list.xlsx", workbook('<c r="B2"><v>100</v></c>', after=header_footer(
        "oddFooter", "&C1380595&K00FF001234")), "GK602", "页眉页脚（按 Excel 打印显示）"),
    "footer-font": ("list.xlsx", workbook('<c r="B2"><v>100</v></c>', after=header_footer(
        "evenFooter", '&C1380595&"宋体,加粗"1234')), "GK602", "页眉页脚（按 Excel 打印显示）"),
    "footer-size": ("list.xlsx", workbook('<c r="B2"><v>100</v></c>', after=header_footer(
        "firstFooter", "&R1380595&81234")), "GK602", "页眉页脚（按 Excel 打印显示）"),
    "ascii85-flate": ("notice.pdf", packed(b"<< /Author (13805951234) >>", "[/ASCII85Decode /FlateDecode]"),
                      "GK602", "文件中的其他文字（早先版本、注释、名称、未引用的对象）"),
    "asciihex": ("notice.pdf", packed(b"<< /Author <3133383035393531323334> >>", "/AHx"),
                 "GK602", "文件中的其他文字（早先版本、注释、名称、未引用的对象）"),
    "xfa-filled": ("form.pdf", xfa_form("<电话>13805951234</电话>"), "GK602", "XFA 表单数据（datasets）"),
    "field-picture": ("notice.docx", word(field(' = 1380595 \\# "0\'1234\'" ')),
                      "GK602", "正文（word/document.xml）（按 Word 显示）"),
    "field-picture-before": ("notice.docx", word(field(' = 5951234 \\# "\'1380\'0" ')), "GK602", "（按 Word 显示）"),
    "quote-picture": ("notice.docx", word(field(' QUOTE 1380595 \\# "0\'1234\'" ')), "GK602", "（按 Word 显示）"),
    "chart-in-word": ("notice.docx", word(**{"word/charts/chart1.xml": chart('"1380"0')}),
                      "GK602", "word/charts/chart1.xml（图表的数据标签，按数字格式显示）"),
    "chart-in-workbook": ("list.xlsx", workbook('<c r="B2"><v>100</v></c>', **{
        "xl/charts/chart1.xml": chart('[$1380-804]0')}), "GK602", "xl/charts/chart1.xml（图表的数据标签，按数字格式显示）"),
    "gif-xmp": ("notice.docx", word(**{"word/media/image1.gif": gif(gif_xmp(
        "<dc:description>联系电话13805951234</dc:description>"))}), "GK602", "word/media/image1.gif（图片属性）"),
    "gif-located": ("notice.docx", word(**{"word/media/image1.gif": gif(gif_xmp(
        "<exif:GPSLatitude>25,3.5N</exif:GPSLatitude>"))}), "GK610", "图片「word/media/image1.gif」：其中的图片带有拍摄地点"),
    "png-private-chunk": ("notice.docx", word(**{"word/media/image1.png": png((b"prVt", b"tel 13805951234"))}),
                          "GK602", "word/media/image1.png（图片属性）"),
    "jpeg-extended-xmp": ("notice.docx", word(**{"word/media/image1.jpeg": jpeg(
        *extended_xmp(XMP_TEL, XMP_TEL.index(b"59512")))}), "GK602", "word/media/image1.jpeg（图片属性）"),
    "jpeg-second-located": ("photo.docx", word(**{"word/media/image1.jpeg": jpeg(JFIF) + jpeg(
        segment(0xE1, b"Exif\x00\x00" + tiff(located=True)))}),
        "GK610", "图片「word/media/image1.jpeg」：其中的图片带有拍摄地点"),
    "tiff-located": ("photo.docx", word(**{"word/media/image1.tiff": tiff(located=True)}),
                     "GK610", "图片「word/media/image1.tiff」：其中的图片带有拍摄地点（GPS 经纬度）"),
    "webp-located": ("photo.docx", word(**{"word/media/image1.webp": webp(located=True)}),
                     "GK610", "图片「word/media/image1.webp」：其中的图片带有拍摄地点（GPS 经纬度）"),
}
PUBLISHED = {
    "currency-yuan": ("amounts.xlsx", workbook('<c r="B2" s="1"><v>5951234</v></c>', "[$¥-804]#,##0.00")),
    "locale-only": ("amounts.xlsx", workbook('<c r="B2" s="1"><v>5951234</v></c>', "[$-804]0")),
    "header-of-pages": ("amounts.xlsx", workbook('<c r="B2"><v>100</v></c>', after=header_footer(
        "oddFooter", "&L&\"宋体,常规\"&12监督电话：0595-23281234&C第 &P 页，共 &N 页&R&D"))),
    "embedded-amounts": ("notice.docx", word(**{EMBEDDED: workbook(
        '<c r="B2"><v>1200</v></c><c r="C2"><f>SUM(B2:B2)</f><v>1200</v></c>')})),
    "ascii85-of-a-clerk": ("notice.pdf", packed(b"<< /Author (Zhang San) /Producer (PDF 1.4 2026) >>",
                                                 "[/ASCII85Decode /FlateDecode]")),
    "xfa-of-the-office": ("form.pdf", xfa_form("<电话>0595-23281234</电话><日期>2026-09-01</日期>")),
    "field-of-amounts": ("notice.docx", word(field(' = 1200*12 \\# "¥#,##0.00元" ', "¥14,400.00元"))),
    "field-of-a-year": ("notice.docx", word(field(' QUOTE 2026 \\# "0年" ', "2026年"))),
    "chart-of-amounts": ("notice.docx", word(**{"word/charts/chart1.xml": chart('#,##0.00"元"', "13805951.5")})),
    "gif-of-a-logo": ("notice.docx", word(**{"word/media/image1.gif": gif(
        b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00", b"\x21\xf9\x04\x00\x0a\x00\x00\x00",
        gif_xmp("<dc:title>安溪县民政局 2026</dc:title>"))})),
    "png-of-a-logo": ("notice.docx", word(**{"word/media/image1.png": png(
        (b"gAMA", struct.pack(">I", 45455)), (b"pHYs", struct.pack(">IIB", 3780, 3780, 1)),
        (b"tEXt", b"Software\x00Adobe ImageReady"))})),
    "jpeg-second-not-located": ("photo.docx", word(**{"word/media/image1.jpeg": jpeg(JFIF) + jpeg(
        segment(0xE1, b"Exif\x00\x00" + tiff(located=False)))})),
    "tiff-not-located": ("photo.docx", word(**{"word/media/image1.tiff": tiff(located=False)})),
    "webp-not-located": ("photo.docx", word(**{"word/media/image1.webp": webp(located=False)})),
}


def attach(cat, name: str, data: bytes) -> None:
    cat.write(f"files/2026/{name}", data)
    cat.record(ATTACHED.format(name=name))


@pytest.mark.parametrize("case", list(HELD_BACK))
def test_a_number_a_program_shows_inside_an_attachment_is_held_back(gk, cat, case):
    name, data, code, words = HELD_BACK[case]
    attach(cat, name, data)
    found = findings(gk, cat.root)
    assert [(d["code"], d["line"]) for d in found] == [(code, FILE_LINE)], found
    message = found[0]["message"]
    assert f"附件「files/2026/{name}」" in message and words in message, message
    assert MOBILE not in message
    if code == "GK602":
        assert MASKED in message
    run = gk("validate", cat.root)
    assert run.code == 1 and MOBILE not in run.out + run.err


@pytest.mark.parametrize("case", ["embedded-format", "currency-with-locale", "header-bold", "tiff-located"])
def test_nothing_held_back_is_written_anywhere(gk, cat, tmp_path, case):
    name, data, _, _ = HELD_BACK[case]
    attach(cat, name, data)
    written, printed = publish(gk, cat.root, tmp_path)
    assert MOBILE not in printed and MOBILE not in digits_of(written)
    assert b"word/media/image1.tiff" not in written and b"II*\x00" not in written


@pytest.mark.parametrize("case", list(PUBLISHED))
def test_an_ordinary_document_so_made_is_published(gk, cat, case):
    name, data = PUBLISHED[case]
    attach(cat, name, data)
    assert findings(gk, cat.root) == []


def test_the_output_scan_reads_what_the_program_shows(tmp_path):
    """If the gate let one through, the scan of the outputs (before they replace the old ones) stops it."""
    from gongkai.privacy.outputs import scan_tree

    names = []
    for case in ("embedded-format", "currency-with-locale", "header-bold", "footer-size", "ascii85-flate", "xfa-filled",
                 "chart-in-word", "gif-xmp", "png-private-chunk", "jpeg-extended-xmp", "jpeg-second-located",
                 "tiff-located", "webp-located"):
        name = f"{case}.{HELD_BACK[case][0].rsplit('.', 1)[1]}"
        (tmp_path / name).write_bytes(HELD_BACK[case][1])
        names.append(name)
    found = sorted({(f.file, f.kind) for f in scan_tree(tmp_path, names, frozenset())})
    assert found == [("ascii85-flate.pdf", "mobile"), ("chart-in-word.docx", "mobile"),
                     ("currency-with-locale.xlsx", "mobile"), ("embedded-format.docx", "mobile"),
                     ("footer-size.xlsx", "mobile"), ("gif-xmp.docx", "mobile"), ("header-bold.xlsx", "mobile"),
                     ("jpeg-extended-xmp.docx", "mobile"), ("jpeg-second-located.docx", "unreadable"),
                     ("png-private-chunk.docx", "mobile"),
                     ("tiff-located.docx", "unreadable"), ("webp-located.docx", "unreadable"),
                     ("xfa-filled.pdf", "mobile")]
    masked = {f.masked_value for f in scan_tree(tmp_path, names, frozenset()) if f.kind == "mobile"}
    assert masked == {MASKED}


def test_the_json_report_names_the_record_file(gk, cat):
    name, data, _, _ = HELD_BACK["header-bold"]
    attach(cat, name, data)
    report = json.loads(gk("validate", cat.root, "--format", "json").out)
    files = {d["path"] for d in report["diagnostics"] if d["code"] == "GK602"}
    assert [Path(f).as_posix().endswith("records/2026/R2026-001.yaml") for f in files] == [True]
