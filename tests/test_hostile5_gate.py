"""Fifth hostile pass: ways to write a number that the gate did not read, each tried through the real CLI.

Values typed by hand: 13800138000 is a mobile (1[3-9] + 9 digits); 350524198503151236 an 18-digit 身份证号 whose
check digit is right; 34052419800101001X one whose check digit is X.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import RECORD, git


def findings(gk, root: Path) -> list[tuple[str, int]]:
    run = gk("validate", root, "--format", "json")
    assert run.code in (0, 1), run.err
    return [(d["code"], d["line"]) for d in json.loads(run.out)["diagnostics"] if d["code"].startswith("GK60")]


def with_title(text: str) -> str:
    return RECORD.replace("题名: 测试县民政局关于", f"题名: 测试县民政局{text}关于")


# A field is shown on every page as the clerk typed it (escaped): the digits inside «<…>» or «<!-- -->» are on the
# page. The detector took them for markup a browser hides and dropped them: validate passed, diff and log printed
# the number in full (a CI comment).
@pytest.mark.parametrize("hidden", [
    "<a title=13800138000>", "<span data-x='138 0013 8000'>", "<!-- 13800138000 -->", "<b 350524198503151236>",
])
def test_digits_inside_a_tag_in_a_field_are_found(gk, cat, hidden):
    cat.record(with_title(hidden))
    assert [code for code, line in findings(gk, cat.root)] in (["GK602"], ["GK601"])
    assert [line for code, line in findings(gk, cat.root)] == [2]


def test_diff_and_log_mask_digits_inside_a_tag(gk, repo):
    record = repo / "catalog" / "records" / "2026" / "R2026-001.yaml"
    record.write_text(with_title("<a title=13800138000>"), encoding="utf-8")
    git(repo, "commit", "-qam", "题名<a title=13800138000>")
    for args in (("diff", "HEAD~1", "HEAD"), ("diff", "HEAD~1", "HEAD", "--format", "json"), ("log", "R2026-001")):
        run = gk(*args, "-C", repo / "catalog")
        assert "13800138000" not in run.out + run.err, args
        assert "138****8000" in run.out, args


def test_mask_masks_digits_inside_a_tag(gk, tmp_path):
    sheet = tmp_path / "名单.csv"
    sheet.write_text("姓名,备注\n王五,<a title=13800138000>\n", encoding="utf-8")
    run = gk("mask", sheet)
    assert run.code == 0, run.err
    assert sheet.read_text(encoding="utf-8") == "姓名,备注\n王五,<a title=138****8000>\n"


# Ways to write 13800138000 that a reader reads as that number and the detector did not: numbers of other notations
# (Roman numerals, Hangzhou numerals 〡〢〣, parenthesized and circled ideographs ㈠ ㊀, Ethiopic digits), the
# traditional 兩 and the spoken 洞 (0) 拐 (7) 勾 (9), separators in compatibility forms (… ‥ ﹒ ｡ ﹏ ﹕) or drawn
# as a line (─ ⁓ ‾), letters of other scripts that look like 0 and 1 (Cyrillic О, Greek Ο, Cyrillic І).
@pytest.mark.parametrize("written", [
    "ⅠⅢⅧ〇〇ⅠⅢⅧ〇〇〇", "ⅰⅲⅷ〇〇ⅰⅲⅷ〇〇〇", "〡〣〨〇〇〡〣〨〇〇〇", "㈠㈢㈧〇〇㈠㈢㈧〇〇〇", "㊀㊂㊇〇〇㊀㊂㊇〇〇〇",
    "፩፫፰0013፰000",
    "幺三八兩兩幺三八洞洞洞", "幺三八洞洞幺三拐洞洞洞", "幺三勾洞洞幺三八洞洞洞",
    "138…0013…8000", "138‥0013‥8000", "138﹒0013﹒8000", "138｡0013｡8000", "138﹏0013﹏8000", "138﹕0013﹕8000",
    "138︒0013︒8000", "138─0013─8000", "138━0013━8000", "138⁓0013⁓8000", "138‾0013‾8000", "138‗0013‗8000",
    "138⸱0013⸱8000", "138∶0013∶8000",
    "138\u041e\u041e138000", "138\u039f\u03bf138000", "13\u0406\u04560138000", "13八0013八000", "1三800一38000",
])
def test_other_ways_to_write_a_mobile_are_found(gk, cat, written):
    cat.record(with_title(written))
    assert findings(gk, cat.root) == [("GK602", 2)]


@pytest.mark.parametrize("written", ["35052419850315123６", "3505２4198503151236", "350524…19850315…1236",
                                     "３５０５２４─１９８５０３１５─１２３６", "340524198００1０1００1Ⅹ",
                                     "35052419850315123⑥", "ⅢⅤ〇Ⅴ二四一九八五〇三一五一二三六"])
def test_other_ways_to_write_an_id_are_found(gk, cat, written):
    cat.record(with_title(written))
    assert findings(gk, cat.root) == [("GK601", 2)]


# What stays words and dates: Roman numerals as headings, a 文号's 〔2026〕, a list of single spoken numerals.
@pytest.mark.parametrize("fine", ["第Ⅰ、Ⅱ、Ⅲ类对象", "㈠低保㈡特困㈢临时救助", "2026…2027…2028年", "拐洞勾口村",
                                  "1─3月、4─6月、7─9月、10─12月", "Ⅲ类—2026年—第3季度"])
def test_words_and_dates_written_so_are_not_numbers(gk, cat, fine):
    cat.record(with_title(fine))
    assert findings(gk, cat.root) == []


# A picture inside a docx was not read at all («pixels»), but it carries text an image viewer shows as its
# properties: EXIF (Windows writes its 备注 XPComment in UTF-16), a JPEG comment, XMP, a PNG's tEXt and compressed
# zTXt chunks, a GIF comment. The docx is published whole, pictures included.
def _png(*chunks: tuple[bytes, bytes]) -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    pixels = chunk(b"IDAT", zlib.compress(b"\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + header + b"".join(chunk(k, d) for k, d in chunks) + pixels + chunk(b"IEND", b"")


def _jpeg(segment: int, payload: bytes) -> bytes:
    import struct

    return (b"\xff\xd8" + bytes([0xFF, segment]) + struct.pack(">H", len(payload) + 2) + payload
            + b"\xff\xda\x00\x02" + b"\x13\x80\x01\x38\x00\x00" + b"\xff\xd9")


def _gif(comment: bytes) -> bytes:
    return b"GIF89a\x01\x00\x01\x00\x00\x00\x00" + b"\x21\xfe" + bytes([len(comment)]) + comment + b"\x00" + b"\x3b"


PICTURES = {
    "png-text": _png((b"tEXt", b"Comment\x00tel 13800138000")),
    "png-ztxt": _png((b"zTXt", b"Comment\x00\x00" + __import__("zlib").compress(b"tel 13800138000"))),
    "png-itxt": _png((b"iTXt", "Description\x00\x00\x00\x00\x00联系电话13800138000".encode())),
    "jpeg-xpcomment": _jpeg(0xE1, b"Exif\x00\x00II*\x00" + b"\x00" * 7 + "备注13800138000".encode("utf-16-le")),
    "jpeg-comment": _jpeg(0xFE, "联系人手机 138 0013 8000".encode()),
    "jpeg-xmp": _jpeg(0xE1, b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><dc:description>13800138000"
                            b"</dc:description></x:xmpmeta>"),
    "gif-comment": _gif(b"tel 13800138000"),
}


@pytest.mark.parametrize("picture", sorted(PICTURES))
def test_text_in_a_picture_inside_a_docx_is_found(gk, cat, tmp_path, picture):
    from test_gate_hostile import with_members
    from conftest import docx

    name = {"png": "image1.png", "jpe": "image1.jpeg", "gif": "image1.gif"}[picture[:3]]
    cat.write("files/2026/list.docx", with_members(docx("名单见图"), {f"word/media/{name}": PICTURES[picture]}))
    cat.record(RECORD.replace("页数: 1", "页数: 1\n附件:\n  - 名称: 名单\n    文件: files/2026/list.docx"))
    assert [code for code, line in findings(gk, cat.root)] == ["GK602"]
    gk("build-site", cat.root, "--out", tmp_path / "site")
    assert not (tmp_path / "site" / "files").exists() or not list((tmp_path / "site" / "files").rglob("list.docx"))


@pytest.mark.parametrize("picture", sorted(PICTURES))
def test_the_output_scan_reads_text_in_a_picture(picture):
    from gongkai.privacy.outputs import scan_output
    from test_gate_hostile import with_members
    from conftest import docx

    inside = with_members(docx("名单见图"), {"word/media/image1.bin": PICTURES[picture]})
    for name, data in (("files/a.docx", inside), ("files/a.png", PICTURES[picture])):
        assert [f.masked_value for f in scan_output(name, data, frozenset())] == ["138****8000"], name


def test_a_picture_without_text_passes(gk, cat):
    from test_gate_hostile import with_members
    from conftest import docx

    plain = _png((b"tEXt", b"Software\x00gongkai 2026-11-27"))
    cat.write("files/2026/list.docx", with_members(docx("名单见图"), {"word/media/image1.png": plain,
                                                                     "word/media/image2.jpeg": _jpeg(0xE0, b"JFIF\x00")}))
    cat.record(RECORD.replace("页数: 1", "页数: 1\n附件:\n  - 名称: 名单\n    文件: files/2026/list.docx"))
    assert findings(gk, cat.root) == []


def _pdf_with_image(jpeg: bytes) -> bytes:
    """A one-page text PDF that also draws *jpeg* (DCTDecode keeps the JPEG file whole inside the PDF, EXIF and all)."""
    content = b"BT /F1 12 Tf 72 720 Td (list) Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R"
               b" >> /XObject << /Im1 6 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8"
               b" /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream" % (len(jpeg), jpeg)]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


@pytest.mark.parametrize("picture", ["jpeg-xpcomment", "jpeg-comment", "jpeg-xmp"])
def test_text_in_a_picture_inside_a_pdf_is_found(gk, cat, picture):
    from gongkai.privacy.outputs import scan_output

    data = _pdf_with_image(PICTURES[picture])
    assert [f.masked_value for f in scan_output("files/a.pdf", data, frozenset())] == ["138****8000"]
    cat.write("files/2026/list.pdf", data)
    cat.record(RECORD.replace("页数: 1", "页数: 1\n附件:\n  - 名称: 名单\n    文件: files/2026/list.pdf"))
    assert [code for code, line in findings(gk, cat.root)] == ["GK602"]


def test_a_pdf_with_a_plain_picture_passes(gk, cat):
    cat.write("files/2026/list.pdf", _pdf_with_image(_jpeg(0xE0, b"JFIF\x00")))
    cat.record(RECORD.replace("页数: 1", "页数: 1\n附件:\n  - 名称: 名单\n    文件: files/2026/list.pdf"))
    assert findings(gk, cat.root) == []


# An enclosed number of two digits reads as both: ⑬⑧⓪⓪⑬⑧⓪⓪⓪ is 13800138000; it went out on every page.
@pytest.mark.parametrize("written", ["⑬⑧⓪⓪⑬⑧⓪⓪⓪", "⒀⑻⓪⓪⒀⑻⓪⓪⓪", "⓭❽⓿⓿⓭❽⓿⓿⓿", "⑬800⑬8000", "㉟⓪⑤㉔⑲⑧⑤⓪③⑮⑫㊱"])
def test_enclosed_numbers_of_two_digits_are_found(gk, cat, tmp_path, written):
    cat.record(with_title(written))
    assert [code for code, line in findings(gk, cat.root)] in (["GK602"], ["GK601"])
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert not (tmp_path / "site").exists() or written not in "".join(
        p.read_text(encoding="utf-8", errors="replace") for p in (tmp_path / "site").rglob("*.html"))


def test_a_numbered_list_with_enclosed_numbers_is_not_a_number(gk, cat):
    cat.record(with_title("⑪低保⑫特困⑬临时救助"))
    assert findings(gk, cat.root) == []


# A house number with a sub-number, as 门牌 are written across China (解放北路12-3号, 经兜村5-2号): the address
# pattern wanted digits right before 号, so the whole address went out on the page.
@pytest.mark.parametrize(("written", "masked"), [
    ("申请人住凤城镇解放北路12-3号", "北路**-*号"),
    ("送达经兜村5-2号", "兜村*-*号"),
    ("住人民路12－3号", "人民路**-*号"),
])
def test_a_house_number_with_a_dash_is_an_address(gk, cat, written, masked):
    cat.record(RECORD.replace("经审核，", f"经审核（{written}），"))
    run = gk("validate", cat.root)
    assert [code for code, line in findings(gk, cat.root)] == ["GK604"]
    assert masked in run.out


@pytest.mark.parametrize("fine", ["测民〔2026〕12-3号", "见第12-3号文件", "2026-12号"])
def test_a_document_number_with_a_dash_is_no_address(gk, cat, fine):
    cat.record(RECORD.replace("经审核，", f"经审核（{fine}），"))
    assert findings(gk, cat.root) == []
