"""Thirtieth hostile pass: what a finding shows (the line under it, its message and hint, masked) and the text a
picture carries besides its pixels — output/excerpt.py, rules/privacy.py (GK601–GK605), privacy/pictures.py, which
no mutation group covered (tools/mutation.py: privacy_rest).

How the pass was run: bugs were planted in the three modules by mutmut (1,085 mutants) and by hand, and the real CLI
(`validate`, `--format json`, `--format github`, `build-site`) was run on catalogs holding a full ID, mobile, bank
card, address and landline in every place a clerk writes them, and on Word documents holding one picture each, built
here byte by byte with the number in one metadata place: EXIF (Windows' 备注, UTF-16), a JPEG comment, XMP, an ICC
profile, PNG tEXt/zTXt/iTXt/eXIf, a GIF comment and XMP, WebP and TIFF EXIF. Every line, column, masked value and
message below is typed by hand: the lines are counted in the records written here, the masks are the formats of
DOMAIN.md §7 (ID: first two and last three; mobile: first three and last four; card: first four and last four).

Found by this pass:
1. A JPEG whose segments had a stray byte between them (a program that pads the APP0 segment, a picture cut and
   pasted by a tool: every viewer goes on past it — libjpeg warns 「extraneous bytes before marker」 and reads on) had
   nothing after the stray byte read: the EXIF with a phone number in its 备注 went out with the document. Now the
   bytes are read as they stand and the segments after them as any others: GK602.
2. A progressive JPEG (what a phone or a web tool saves for quick loading: several scans) can carry a comment or an
   APP segment between its scans; gongkai skipped from the first scan straight to the end of the picture. Now it
   walks every marker up to the end: a number there is GK602.
3. A PNG's colour profile (iCCP) is compressed: its description and copyright, which an image viewer shows, were
   never read — a phone number typed there went out. Now it is unpacked (counted against the same limit as the
   compressed text chunks) and read: GK602.
4. ImageMagick (and the programs built on it) keep a photo's EXIF, when they save it as PNG, in a text chunk
   「Raw profile type exif」 written in hexadecimal; exiftool shows it, location included. gongkai read the text but
   not its bytes: a photo of a household's door whose EXIF gives the latitude and longitude was published. The
   profile's bytes are now read as a JPEG's EXIF is: GK610 「拍摄地点」, not published.
5. A number found through its table (an ID under a 身份证号 column whose check digit is wrong, a number one character
   to a cell, a landline in a list's phone column) was shown under the finding at the table's header row — 「| 姓名 |
   身份证号 |」, line 21 — not at the row that holds it: in a list of 200 households the clerk could not tell which
   row to fix. The line is now the row's (the rule row |---| counted): line 23 in the record below.
6. The hint of GK603 (bank card), GK604 (address) and of a landline under a list's phone column (GK602) said
   「按遮盖格式改写：手机号 138****1234，身份证号 35*************123」: no word of the card or the address, and an
   address cannot be masked into shape. Each kind now has its own: 银行卡号只留前四位、后四位, 住址只写到村（社区）,
   删去名单中个人的联系电话一列.

What the survivors of the mutants asked for (each checked below with values typed by hand): the exact excerpt line
under GK601–GK605 with its digits starred, the line and column in text, json and github forms, and the full number
nowhere in stdout, stderr or json; a register's 申请人 line and a withheld record's 正文 line shown only as their
notes; every metadata place of every picture format refused with the picture named (「（图片属性）」), a picture with a
GPS directory or XMP GPS refused as 「拍摄地点」, one whose EXIF holds a camera's name or Photoshop's toolkit build
published.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

from conftest import AGENCY, ITEM, RECORD, TODAY, CatalogDir
from test_hostile19_gate_files import _word_with_picture
from gongkai.cli import main

MOBILE = "13805951234"
MASKED_MOBILE = "138****1234"
ID = "350524198503151236"  # weighted sum of its first 17 digits 281, 281 % 11 = 6 → check digit 「6」
MASKED_ID = "35*************236"
CARD = "6222021234567890128"  # Luhn: checked in test_the_numbers_of_these_tests_are_valid
MASKED_CARD = "6222***********0128"
WRONG_CHECK = "350524194912310019"  # the check digit should be 7: a number only its column (身份证号) names
LANDLINE = "0595-23456789"


def _run(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def test_the_numbers_of_these_tests_are_valid() -> None:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert sum(int(d) * w for d, w in zip(ID[:17], weights)) == 281 and "10X98765432"[281 % 11] == ID[17]
    assert "10X98765432"[sum(int(d) * w for d, w in zip(WRONG_CHECK[:17], weights)) % 11] != WRONG_CHECK[17]
    doubled = [int(d) * (2 if n % 2 else 1) for n, d in enumerate(reversed(CARD))]
    assert sum(d - 9 if d > 9 else d for d in doubled) % 10 == 0


# ------------------------------------------------------------------------------------ pictures, byte by byte

JPEG = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"  # SOI, APP0 (JFIF, 16 bytes)
        b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00\x12\x34\x56\xff\x00\x78\xff\xd9")  # SOS, scan data, EOI
APP0_END = 20  # SOI (2) + APP0's marker (2) and its 16 bytes


def _segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def _tiff(*entries: tuple[int, int, bytes], order: str = "<") -> bytes:
    """A TIFF structure (what EXIF is) with one directory of *entries* (tag, type, value), values after it."""
    head = (b"II*\x00" if order == "<" else b"MM\x00*") + struct.pack(order + "I", 8)
    values_at = 8 + 2 + 12 * len(entries) + 4
    directory, values = struct.pack(order + "H", len(entries)), b""
    for tag, kind, value in entries:
        directory += struct.pack(order + "HHII", tag, kind, len(value), values_at + len(values))
        values += value
    return head + directory + b"\x00" * 4 + values


def _xp_comment(text: str, order: str = "<") -> bytes:
    """EXIF whose XPComment (0x9C9C) holds *text*: what Windows writes when a clerk types in 属性 → 详细信息 → 备注 —
    UTF-16 little-endian whatever the byte order of the rest."""
    return b"Exif\x00\x00" + _tiff((0x9C9C, 1, text.encode("utf-16-le") + b"\x00\x00"), order=order)


def _gps_exif() -> bytes:
    """EXIF whose first directory points at a GPS directory with the latitude and longitude (24°58'N 118°11'E)."""
    tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 1) + struct.pack("<HHII", 0x8825, 4, 1, 26)
    tiff += b"\x00" * 4 + struct.pack("<H", 2)
    tiff += struct.pack("<HHII", 2, 5, 3, 26 + 2 + 24 + 4) + struct.pack("<HHII", 4, 5, 3, 26 + 2 + 24 + 4 + 24)
    tiff += b"\x00" * 4 + struct.pack("<6I", 24, 1, 58, 1, 0, 1) + struct.pack("<6I", 118, 1, 11, 1, 0, 1)
    return b"Exif\x00\x00" + tiff


def _xmp(inside: str) -> bytes:
    return (b"http://ns.adobe.com/xap/1.0/\x00" + f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description '
            f'{inside}/></rdf:RDF></x:xmpmeta>'.encode())


def _jpeg_with(*segments: bytes, after_app0: bytes = b"") -> bytes:
    return JPEG[:APP0_END] + after_app0 + b"".join(segments) + JPEG[APP0_END:]


def _progressive(between: bytes) -> bytes:
    """A JPEG of two scans with *between* them (a progressive picture's tables, comments, scans)."""
    scan = JPEG[APP0_END:-2]  # SOS and its data
    return JPEG[:APP0_END] + scan + between + scan + b"\xff\xd9"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_with(*chunks: bytes) -> bytes:
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)) + b"".join(chunks)
            + _chunk(b"IDAT", zlib.compress(b"\x00\x80")) + _chunk(b"IEND", b""))


def _raw_profile(data: bytes) -> bytes:
    """ImageMagick's text of a profile: its name, its length, its bytes in hexadecimal 72 digits a line."""
    digits = data.hex()
    return f"\nexif\n{len(data):8d}\n".encode() + b"\n".join(
        digits[n:n + 72].encode() for n in range(0, len(digits), 72)) + b"\n"


def _icc(description: str) -> bytes:
    """An ICC profile (header of 128 bytes, a tag table of one: desc) whose description is *description*."""
    text = description.encode("ascii") + b"\x00"
    desc = b"desc" + b"\x00" * 4 + struct.pack(">I", len(text)) + text
    return struct.pack(">I", 128 + 4 + 12 + len(desc)) + b"\x00" * 124 + struct.pack(">I", 1) \
        + b"desc" + struct.pack(">II", 128 + 4 + 12, len(desc)) + desc


GIF_HEAD = b"GIF89a" + struct.pack("<HH", 1, 1) + b"\x80\x00\x00" + b"\x00\x00\x00\xff\xff\xff"  # 2 colours
GIF_IMAGE = b"\x2c" + struct.pack("<HHHH", 0, 0, 1, 1) + b"\x00" + b"\x02\x02\x44\x01\x00"


def _gif_with(*blocks: bytes) -> bytes:
    return GIF_HEAD + b"".join(blocks) + GIF_IMAGE + b"\x3b"


def _sub_blocks(data: bytes) -> bytes:
    return b"".join(bytes([len(data[n:n + 255])]) + data[n:n + 255] for n in range(0, len(data), 255)) + b"\x00"


def _webp_with(*chunks: tuple[bytes, bytes]) -> bytes:
    body = b"".join(kind + struct.pack("<I", len(data)) + data + b"\x00" * (len(data) & 1) for kind, data in
                    ((b"VP8X", b"\x08" + b"\x00" * 9), *chunks))
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


NOTE = f"陈金水 {MOBILE}"  # what a clerk types in the photo's 备注
EXTENDED = b"http://ns.adobe.com/xmp/extension/\x00" + b"0" * 32  # then the full length and the part's offset


def _extended_xmp() -> bytes:
    """A JPEG whose XMP is too long for one segment: its two parts written last first, each holding half the
    number — only the parts joined in their order hold it."""
    whole = f'<x:xmpmeta><dc:description>{NOTE}</dc:description></x:xmpmeta>'.encode()
    half = whole.index(b"0595")  # (1380 | 595…)
    parts = [(half, whole[half:]), (0, whole[:half])]
    return _jpeg_with(*(_segment(0xE1, EXTENDED + struct.pack(">II", len(whole), at) + part) for at, part in parts))
PHOTOSHOP = ('xmlns:xmp="http://ns.adobe.com/xap/1.0/" x:xmptk="Adobe XMP Core 5.6-c140 79.160451, '
             '2017/05/06-01:08:21" xmp:CreatorTool="Adobe Photoshop CC 2017 (Windows)"')
# case → (picture's name in the document, its bytes, what validate says: GK602 with the mobile, GK610 with 拍摄地点,
# or None: published)
PICTURES: dict[str, tuple[str, bytes, str | None]] = {
    "jpeg-exif-note": ("image1.jpeg", _jpeg_with(_segment(0xE1, _xp_comment(NOTE))), "GK602"),
    "jpeg-exif-big-endian": ("image1.jpeg", _jpeg_with(_segment(0xE1, _xp_comment(NOTE, order=">"))), "GK602"),
    "jpeg-comment": ("image1.jpeg", _jpeg_with(_segment(0xFE, NOTE.encode())), "GK602"),
    "jpeg-xmp": ("image1.jpeg", _jpeg_with(_segment(0xE1, _xmp(f'dc:description="{NOTE}"'))), "GK602"),
    "jpeg-icc": ("image1.jpeg", _jpeg_with(_segment(0xE2, b"ICC_PROFILE\x00\x01\x01" + _icc(f"tel {MOBILE}"))),
                 "GK602"),
    "jpeg-stray-byte": ("image1.jpeg", _jpeg_with(_segment(0xE1, _xp_comment(NOTE)), after_app0=b"\x00"), "GK602"),
    "jpeg-between-scans": ("image1.jpeg", _progressive(_segment(0xFE, NOTE.encode())), "GK602"),
    "jpeg-after-end": ("image1.jpeg", JPEG + NOTE.encode(), "GK602"),
    "jpeg-fill-bytes": ("image1.jpeg", _jpeg_with(b"\xff\xff" + _segment(0xE1, _xp_comment(NOTE))), "GK602"),
    "jpeg-extended-xmp": ("image1.jpeg", _extended_xmp(), "GK602"),
    "jpeg-gps": ("image1.jpeg", _jpeg_with(_segment(0xE1, _gps_exif())), "GK610"),
    "jpeg-second-picture-gps": ("image1.jpeg", JPEG + _jpeg_with(_segment(0xE1, _gps_exif())), "GK610"),
    "jpeg-xmp-gps": ("image1.jpeg", _jpeg_with(_segment(0xE1, _xmp('exif:GPSLatitude="24,58.0N"'))), "GK610"),
    "jpeg-camera": ("image1.jpeg", _jpeg_with(_segment(0xE1, b"Exif\x00\x00" + _tiff((0x010F, 2, b"Canon\x00")))),
                    None),
    "jpeg-photoshop": ("image1.jpeg", _jpeg_with(_segment(0xE1, _xmp(PHOTOSHOP))), None),
    "png-text": ("image1.png", _png_with(_chunk(b"tEXt", b"Comment\x00" + NOTE.encode())), "GK602"),
    "png-ztxt": ("image1.png", _png_with(_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(NOTE.encode()))), "GK602"),
    "png-itxt": ("image1.png", _png_with(_chunk(b"iTXt", b"Description\x00\x01\x00zh\x00\xe6\x8f\x8f\xe8\xbf\xb0\x00"
                                                + zlib.compress(NOTE.encode()))), "GK602"),
    "png-exif": ("image1.png", _png_with(_chunk(b"eXIf", _xp_comment(NOTE)[6:])), "GK602"),
    "png-icc": ("image1.png", _png_with(_chunk(b"iCCP", b"sRGB\x00\x00" + zlib.compress(_icc(f"tel {MOBILE}")))),
                "GK602"),
    "png-raw-profile-gps": ("image1.png", _png_with(_chunk(b"zTXt", b"Raw profile type exif\x00\x00"
                                                           + zlib.compress(_raw_profile(_gps_exif())))), "GK610"),
    "png-raw-profile-words": ("image1.png", _png_with(_chunk(b"tEXt", b"Raw profile type comment\x00\n"
                                                             + NOTE.encode() + b"\n")), "GK602"),
    "png-damaged-ztxt": ("image1.png", _png_with(_chunk(b"zTXt", b"Comment\x00\x00" + b"not zlib data")), "GK610"),
    "png-private-chunk": ("image1.png", _png_with(_chunk(b"prVt", NOTE.encode())), "GK602"),
    "png-photoshop": ("image1.png", _png_with(_chunk(b"iTXt", b"XML:com.adobe.xmp\x00\x00\x00\x00\x00"
                                                     + _xmp(PHOTOSHOP)[29:])), None),
    "gif-comment": ("image1.gif", _gif_with(b"\x21\xfe" + _sub_blocks(NOTE.encode())), "GK602"),
    "gif-xmp": ("image1.gif", _gif_with(b"\x21\xff\x0bXMP DataXMP" + _xmp(f'dc:description="{NOTE}"')[29:]
                                        + b"\x01" + bytes(range(255, -1, -1)) + b"\x00"), "GK602"),
    "gif-after-end": ("image1.gif", _gif_with() + NOTE.encode(), "GK602"),
    "webp-exif": ("image1.webp", _webp_with((b"EXIF", _xp_comment(NOTE)[6:])), "GK602"),
    "webp-gps": ("image1.webp", _webp_with((b"EXIF", _gps_exif()[6:])), "GK610"),
    "tiff-gps": ("image1.tif", _gps_exif()[6:], "GK610"),
    "tiff-note": ("image1.tif", _xp_comment(NOTE)[6:], "GK602"),
}


# ------------------------------------------------------------------------------------ the catalog

def _record(number: int, body: str = "  经审核，现将名单予以公示。\n", attached: str = "",
            changes: tuple[tuple[str, str], ...] = ()) -> str:
    text = (RECORD.replace("R2026-001", f"R2026-{number:03d}").replace("00001", f"{number:05d}")
            .replace("测民〔2026〕1号", f"测民〔2026〕{number}号").replace("  经审核，现将名单予以公示。\n", body))
    if attached:
        text = text.replace("正文: |", f"附件:\n  - 文件: files/2026/{attached}\n    名称: 附件一\n正文: |")
    for old, new in changes:
        text = text.replace(old, new)
    return text


# R2026-101: every kind in the body, one line each, and a list whose ID (wrong check digit) only its column names.
# Line 17 is 「正文: |」 (RECORD), so the body's lines are 18 on.
NUMBERS = (f"  经审核，现将名单予以公示。\n"                                   # 18
           f"  联系人 陈金水，电话 {MOBILE}，身份证 {ID}。\n"                  # 19
           f"  补助资金打入账号 {CARD}。\n"                                     # 20
           f"  住址：剑斗镇剑斗村12号。\n"                                      # 21
           f"\n"                                                                 # 22
           f"  | 姓名 | 身份证号 | 联系电话 |\n"                                # 23
           f"  |---|---|---|\n"                                                  # 24
           f"  | 陈水生 | {WRONG_CHECK} | {LANDLINE} |\n")                     # 25
# R2026-102: a mobile written over two lines, which only the page read whole shows
SPLIT = "  经审核，现将名单予以公示。\n  咨询电话：138 0595\n  1234（陈先生）。\n"  # 18, 19, 20
# R2026-103: 依申请公开, its 正文 line broken YAML (a colon after the number): the excerpt must not show it
WITHHELD = _record(103, f"  经审核。\n正文二: 陈金水 {MOBILE}: 电话\n", changes=(("公开属性: 主动公开", "公开属性: 依申请公开"),))
# R2026-104: a mobile in the 题名 (line 2, its value at column 5)
TITLED = _record(104, changes=(("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", f"题名: 关于陈金水（{MOBILE}）低保资格的公示"),))
# R2026-105: 依申请公开, a field a diff shows (公开日期) written twice, a note after it naming whom it is about
NOTED = _record(105, "  经审核。\n公开日期: 2026-09-04  # 陈金水本人要求\n",
                changes=(("公开属性: 主动公开", "公开属性: 依申请公开"),))  # the second 公开日期: line 19
# R2026-106 and 107: the mobile in base64 («tel 13805951234») and in hexadecimal, line 19
ENCODED = {106: "  附注 dGVsIDEzODA1OTUxMjM0\n", 107: "  附注 3133383035393531323334\n"}
# R2026-108: a 通知 listing people, without a 公示期 (GK611 at its 文种, line 5)
LISTED = _record(108, "  经审核，下列人员获得临时救助。\n\n  | 姓名 | 所在村（社区） |\n  |---|---|\n  | 陈水生 | 湖二村 |\n",
                 changes=(("文种: 公示", "文种: 通知"), ("公示截止: 2026-12-31\n", ""), ("事项: SHJZ-001", "事项: SHJZ-002")))
POLICY = ITEM.replace("SHJZ-001", "SHJZ-002").replace("低保对象名单及相关信息", "临时救助政策文件")  # (no list)
_REFUSED = (("公开属性: 主动公开", "公开属性: 不予公开\n不予公开理由: 内部事务信息"), ("正文: |\n  经审核，现将名单予以公示。\n", ""))
WITHHELD_TWICE = _record(110, changes=_REFUSED) + "不予公开理由: 属于内部事务信息\n"  # line 18
WITHHELD_TAB = _record(111, changes=_REFUSED).replace("不予公开理由: 内部事务信息\n",
                                                      "不予公开理由: 内部事务信息\n  LIST-2026\t7\n")  # line 10
FIRST_PICTURE = 200  # R2026-200 on: one picture each

REGISTER = """\
编号: YSQ-2026-{number:03d}
收到日期: 2026-10-12
申请渠道: 当面
申请人类型: 自然人
申请人: 林申请
申请内容: 本人的低保审批材料
承办单位: shjzg
办理结果: 不予公开
理由: 内部事务信息
答复日期: 2026-10-20
"""
# register → its line 11, a key written twice (GK004), and that line as the CI log may show it: a field that names
# no one with its value, a field that names the requester, or a value that is no word of its field, by key only; a
# note after a value never
REGISTER_LINES = {
    1: (f"收到日期: 2026-10-13  # 林申请补正 {MOBILE}", "收到日期: 2026-10-13  # （内部登记，不在此显示）"),
    2: ("申请人: 林申请", "申请人: （内部登记，不在此显示）"),
    3: ("申请人类型: 陈金水", "申请人类型: （内部登记，不在此显示）"),
    4: ("办理结果: 不予公开", "办理结果: 不予公开"),
    5: ("理由: '属于四类过程性信息' # 林申请", "理由: '属于四类过程性信息' # （内部登记，不在此显示）"),
    6: ("答复日期: 2026-10-21", "答复日期: 2026-10-21"),
    7: ("办理结果: 不予公开 陈金水", "办理结果: （内部登记，不在此显示）"),
    8: ('办理结果: "不予公开"', '办理结果: "不予公开"'),
    9: ("收到日期: 2026年10月13日", "收到日期: 2026年10月13日"),  # (a date its field takes: names no one)
}
# register → its lines from line 11, the line of its finding, and that line as shown: a text going on over a line (a Tab
# in it, GK007), a field of 延期 under a comment at the margin
REGISTER_BLOCKS = {
    10: ("延期:\n  批准日期: 2026-10-30\n# 林申请补正\n  批准日期: 2026-10-31\n", 14, "  批准日期: 2026-10-31"),
    11: ("延期:\n  批准日期: 2026-10-30\n  批准日期: 2026-10-31\n", 13, "  批准日期: 2026-10-31"),
}


class Checked:
    """validate (text, json, github) and build-site of the one catalog of every case, run once."""

    def __init__(self, root: Path) -> None:
        cat = CatalogDir(root / "catalog")
        cat.write("gongkai.yaml", AGENCY)
        cat.item(ITEM)
        cat.record(_record(101, NUMBERS), "records/2026/R2026-101.yaml")
        cat.record(_record(102, SPLIT), "records/2026/R2026-102.yaml")
        cat.record(WITHHELD, "records/2026/R2026-103.yaml")
        cat.record(TITLED, "records/2026/R2026-104.yaml")
        cat.record(NOTED, "records/2026/R2026-105.yaml")
        cat.record(LISTED, "records/2026/R2026-108.yaml")
        cat.item(POLICY, "items/shjz/SHJZ-002.yaml")
        for number, line in ENCODED.items():
            cat.record(_record(number, "  经审核。\n" + line), f"records/2026/R2026-{number}.yaml")
        for number, (written, _) in REGISTER_LINES.items():  # (the last: no line break at its end)
            cat.write(f"requests/2026/YSQ-2026-{number:03d}.yaml", REGISTER.format(number=number) + written
                      + ("\n" if number != max(REGISTER_LINES) else ""))
        for number, (written, _, _) in REGISTER_BLOCKS.items():
            cat.write(f"requests/2026/YSQ-2026-{number:03d}.yaml", REGISTER.format(number=number) + written)
        # R2026-109: its first line a key a record does not have; R2026-110: 不予公开, its reason written twice and a
        # Tab in the line its reason goes on over
        cat.record(f"备考: 陈金水 {MOBILE}\n" + _record(109), "records/2026/R2026-109.yaml")
        cat.record(WITHHELD_TWICE, "records/2026/R2026-110.yaml")
        cat.record(WITHHELD_TAB, "records/2026/R2026-111.yaml")
        for number, (case, (name, picture, _)) in enumerate(PICTURES.items(), start=FIRST_PICTURE):
            cat.write(f"files/2026/{case}.docx", _word_with_picture(name, picture))
            cat.record(_record(number, attached=f"{case}.docx"), f"records/2026/R2026-{number:03d}.yaml")
        # (a number in gongkai.yaml or an item stops the whole build: a catalog of its own, validated only)
        bureau = CatalogDir(root / "bureau")
        bureau.write("gongkai.yaml", AGENCY.replace("  联系人: 张三\n", f"  联系人: 张三 {MOBILE}\n"))  # line 4
        bureau.item(ITEM.replace("  - 低保对象名单及相关信息\n", f"  - 低保对象名单及相关信息\n  - 咨询 陈先生 {MOBILE}\n"))
        bureau.record()  # (the item's 公开内容: line 8)
        bureau.write("annual/2026.yaml", f"年度: 2026\n总体情况: |\n  全年办结。\n  联系人陈金水，身份证{ID}。\n")  # line 4
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("GONGKAI_TODAY", TODAY)
            patch.setenv("COLUMNS", "200")
            self.bureau = _run("validate", bureau.root, "--no-cache")
            self.bureau_json = _run("validate", bureau.root, "--format", "json", "--no-cache")
            self.text = _run("validate", cat.root, "--no-cache")
            self.json = _run("validate", cat.root, "--format", "json", "--no-cache")
            self.github = _run("validate", cat.root, "--format", "github", "--no-cache")
            self.site = root / "site"
            self.build = _run("build-site", cat.root, "--out", self.site, "--no-search")
        self.diagnostics: list[dict[str, Any]] = json.loads(self.json[1])["diagnostics"]
        self.written = b"".join(path.read_bytes() for path in sorted(self.site.rglob("*")) if path.is_file())

    def printed(self) -> str:
        return "".join(out + err for _, out, err in (self.text, self.json, self.github, self.build, self.bureau,
                                                      self.bureau_json))

    def of(self, number: int) -> list[tuple[str, int, int, str]]:
        return [(d["code"], d["line"], d["column"], d["message"]) for d in self.diagnostics
                if d["id"] == f"R2026-{number:03d}"]


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Checked:
    return Checked(tmp_path_factory.mktemp("h30"))


def test_every_check_of_the_catalog_at_once(checked: Checked) -> None:
    # mutmut charges what the module's fixture runs to the first test that asks for it, and runs only that test on a
    # mutant there: this one makes every check below
    test_each_kind_in_the_body_is_found_at_its_line_masked_in_message_and_excerpt(checked)
    test_a_number_found_through_its_table_is_shown_at_its_row_not_the_header(checked)
    test_each_kind_has_its_own_hint(checked)
    test_the_github_annotations_carry_the_same_line_column_and_masked_message(checked)
    test_a_number_over_two_lines_is_starred_in_the_excerpt_on_the_line_it_starts(checked)
    test_a_withheld_records_content_line_shows_its_key_and_the_note_only(checked)
    test_a_number_in_the_title_is_at_the_titles_value(checked)
    test_a_number_in_gongkai_yaml_an_item_or_the_annual_report_is_at_its_line(checked)
    test_a_note_after_a_withheld_records_date_is_not_shown(checked)
    test_a_notice_listing_people_without_a_period_is_named_at_its_kind(checked)
    test_an_encoded_number_is_told_to_go_not_to_be_masked(checked, 106, "base64 编码", "改正：删去这段 base64 编码的文字"
                                                          "（任何人解码即得完整号码）；需要公开的内容按遮盖格式写明文，如 138****1234。")
    for number in REGISTER_LINES:
        test_a_register_line_shows_only_what_names_no_one(checked, number)
    for number in REGISTER_BLOCKS:
        test_a_field_of_a_registers_block_is_shown_under_a_comment_at_the_margin(checked, number)
    test_the_first_line_a_reason_and_the_line_a_reason_goes_on_over_are_shown(checked)
    test_an_encoded_number_is_told_to_go_not_to_be_masked(checked, 107, "十六进制编码", "改正：删去这段十六进制编码的文字"
                                                          "（任何人解码即得完整号码）；需要公开的内容按遮盖格式写明文，如 138****1234。")
    for case in PICTURES:
        test_each_place_a_picture_holds_text_is_read(checked, case)
    test_build_site_says_why_each_record_is_held_back(checked)
    test_no_full_number_is_printed_or_published(checked)


def test_each_kind_in_the_body_is_found_at_its_line_masked_in_message_and_excerpt(checked: Checked) -> None:
    code, out, err = checked.text
    assert code == 1 and "Traceback" not in out + err
    assert [(c, line, column, message) for c, line, column, message in checked.of(101) if line < 23] == [
        ("GK601", 19, 1, "正文第2行有未遮盖的身份证号「35*************236」（已遮盖显示）"),
        ("GK602", 19, 1, "正文第2行有未遮盖的手机号码「138****1234」（已遮盖显示）"),
        ("GK603", 20, 1, "正文第3行有未遮盖的银行卡号「6222***********0128」（已遮盖显示）"),
        ("GK604", 21, 1, "正文第4行有未遮盖的详细住址「斗村**号」（已遮盖显示）")]
    lines = out.splitlines()
    shown = [lines[n + 1] for n, line in enumerate(lines) if "［R2026-101］" in line]
    assert shown[:4] == [
        "       19 |   联系人 陈金水，电话 138****1234，身份证 35*************236。",
        "       19 |   联系人 陈金水，电话 138****1234，身份证 35*************236。",
        "       20 |   补助资金打入账号 6222***********0128。",
        "       21 |   住址：剑斗镇剑斗村**号。"], shown
    assert "  19:1 错误 GK601 正文第2行有未遮盖的身份证号「35*************236」（已遮盖显示）［R2026-101］" in lines


def test_a_number_found_through_its_table_is_shown_at_its_row_not_the_header(checked: Checked) -> None:
    """The ID whose check digit is wrong only its column names, and the landline under the list's 联系电话: line 25,
    the row (header 23, rule row 24); the columns a 公示 may not carry stay at the header, 23."""
    assert [(c, line, column, message) for c, line, column, message in checked.of(101) if line >= 23] == [
        ("GK605", 23, 1, "公示名单正文表格第2列「身份证号」不在允许公开的列中"),
        ("GK605", 23, 1, "公示名单正文表格第3列「联系电话」不在允许公开的列中"),
        ("GK601", 25, 1, "正文表格第2行有未遮盖的身份证号「35*************019」（已遮盖显示）"),
        ("GK602", 25, 1, "正文表格第2行有未遮盖的电话号码「0595****6789」（已遮盖显示）")]
    lines = checked.text[1].splitlines()
    warned = lines.index("  23:1 警告 GK605 公示名单正文表格第2列「身份证号」不在允许公开的列中［R2026-101］")
    assert lines[warned + 1:warned + 4] == ["       23 |   | 姓名 | 身份证号 | 联系电话 |", "          | ^",
                                            "    改正：删除这一列；公示名单只列姓名、保障人数、保障金额、所在村（社区）、救助类别/事由、日期。"]
    at = lines.index("  25:1 错误 GK601 正文表格第2行有未遮盖的身份证号「35*************019」（已遮盖显示）［R2026-101］")
    assert lines[at + 1] == "       25 |   | 陈*生 | ****************** | 0595-******** |"


BANK_HINT = ("改正：按遮盖格式改写：银行卡号只留前四位、后四位，如 6222***********0128（名单不需要账号的，删去这一列）；"
             "表格附件可运行 gongkai mask 文件 自动遮盖。")
ADDRESS_HINT = "改正：住址只写到村（社区），如「剑斗镇剑斗村」，删去其后的门牌号、楼号、单元和室号；本机关的地址在 gongkai.yaml 登记后不算。"
PHONE_HINT = "改正：删去名单中个人的联系电话一列，或遮盖为 0595****1234；监督、咨询电话写本机关的办公电话（在 gongkai.yaml 登记）。"
MOBILE_HINT = "改正：按遮盖格式改写：手机号 138****1234，身份证号 35*************123；表格附件可运行 gongkai mask 文件 自动遮盖。"


def test_each_kind_has_its_own_hint(checked: Checked) -> None:
    lines = checked.text[1].splitlines()
    hints = {lines[n][lines[n].index("GK"):lines[n].index("GK") + 5] + lines[n].split("有未遮盖的")[1][:4]:
             lines[n + 3].strip() for n, line in enumerate(lines) if "［R2026-101］" in line and "有未遮盖的" in line}
    assert hints == {"GK601身份证号": MOBILE_HINT, "GK602手机号码": MOBILE_HINT, "GK603银行卡号": BANK_HINT,
                     "GK604详细住址": ADDRESS_HINT, "GK602电话号码": PHONE_HINT}, hints


def test_the_github_annotations_carry_the_same_line_column_and_masked_message(checked: Checked) -> None:
    lines = checked.github[1].splitlines()
    assert ("::error file=records/2026/R2026-101.yaml,line=20,col=1,title=GK603::正文第3行有未遮盖的银行卡号"
            f"「6222***********0128」（已遮盖显示）（{BANK_HINT}）") in lines
    assert ("::error file=records/2026/R2026-104.yaml,line=2,col=5,title=GK602::「题名」有未遮盖的手机号码"
            f"「138****1234」（已遮盖显示）（{MOBILE_HINT}）") in lines


def test_a_number_over_two_lines_is_starred_in_the_excerpt_on_the_line_it_starts(checked: Checked) -> None:
    assert checked.of(102) == [("GK602", 19, 1, "正文第2行（显示后）有未遮盖的手机号码「138****1234」（已遮盖显示）")]
    lines = checked.text[1].splitlines()
    at = lines.index("  19:1 错误 GK602 正文第2行（显示后）有未遮盖的手机号码「138****1234」（已遮盖显示）［R2026-102］")
    assert lines[at + 1] == "       19 |   咨询电话：*** ****"


def test_a_withheld_records_content_line_shows_its_key_and_the_note_only(checked: Checked) -> None:
    found = [d for d in checked.diagnostics if d["path"] == "records/2026/R2026-103.yaml"]
    assert [(d["code"], d["line"], d["column"]) for d in found] == [("GK001", 19, 21)]
    lines = checked.text[1].splitlines()
    at = lines.index("records/2026/R2026-103.yaml")
    assert lines[at + 2] == "       19 | 正文二: （非主动公开的信息，内容不在此显示）"


def test_a_number_in_the_title_is_at_the_titles_value(checked: Checked) -> None:
    assert checked.of(104) == [("GK602", 2, 5, "「题名」有未遮盖的手机号码「138****1234」（已遮盖显示）")]
    lines = checked.text[1].splitlines()
    at = lines.index("  2:5 错误 GK602 「题名」有未遮盖的手机号码「138****1234」（已遮盖显示）［R2026-104］")
    assert lines[at + 1:at + 3] == ["        2 | 题名: 关于陈*水（138****1234）低保资格的公示", "          |       ^"]


def test_a_number_in_gongkai_yaml_an_item_or_the_annual_report_is_at_its_line(checked: Checked) -> None:
    found = {(d["path"], d["id"], d["code"], d["line"], d["column"], d["message"])
             for d in json.loads(checked.bureau_json[1])["diagnostics"]}
    assert found == {
        ("gongkai.yaml", None, "GK602", 4, 8, "「机关」「联系人」有未遮盖的手机号码「138****1234」（已遮盖显示）"),
        ("items/shjz/SHJZ-001.yaml", "SHJZ-001", "GK602", 8, 5, "「公开内容」第2项有未遮盖的手机号码「138****1234」（已遮盖显示）"),
        ("annual/2026.yaml", None, "GK601", 4, 1, "「总体情况」有未遮盖的身份证号「35*************236」（已遮盖显示）")}, found
    text = checked.bureau[1]
    assert "        4 |   联系人: 张三 138****1234\n" in text
    assert "        8 |   - 咨询 陈先生 138****1234\n" in text
    assert "        4 |   联系人陈金水，身份证35*************236。\n" in text


@pytest.mark.parametrize(("number", "encoding", "hint"), [
    (106, "base64 编码", "改正：删去这段 base64 编码的文字（任何人解码即得完整号码）；需要公开的内容按遮盖格式写明文，如 138****1234。"),
    (107, "十六进制编码", "改正：删去这段十六进制编码的文字（任何人解码即得完整号码）；需要公开的内容按遮盖格式写明文，如 138****1234。")])
def test_an_encoded_number_is_told_to_go_not_to_be_masked(checked: Checked, number: int, encoding: str,
                                                          hint: str) -> None:
    assert checked.of(number) == [("GK602", 19, 1, f"正文第2行有未遮盖的手机号码（{encoding}）「138****1234」（已遮盖显示）")]
    lines = checked.text[1].splitlines()
    at = lines.index(f"records/2026/R2026-{number}.yaml")
    assert lines[at + 2] == "       19 |   附注 " + "*" * (20 if number == 106 else 22)
    assert lines[at + 4] == "    " + hint


def test_a_notice_listing_people_without_a_period_is_named_at_its_kind(checked: Checked) -> None:
    assert checked.of(108) == [("GK611", 5, 1, "信息 R2026-108 列有人员名单（表格的姓名列，或逐一列出的姓名），但文种是「通知」、"
                                               "没有公示期：名单在公开日期（2026-09-03）之后就从网站上撤下")]
    lines = checked.text[1].splitlines()
    at = lines.index("records/2026/R2026-108.yaml")
    assert lines[at + 2:at + 5] == ["        5 | 文种: 通知", "          | ^",
                                    "    改正：把名单另登记为「文种: 公示」并写明「公示期」或「公示截止」（或在本信息中写明公示期）；"
                                    "本信息只写人数和金额，或删去名单；通报、更正里只提到个别人的，把姓名写成「陈某某」或「该户」。"]


def test_a_note_after_a_withheld_records_date_is_not_shown(checked: Checked) -> None:
    """Before: 「19 | 公开日期: 2026-09-04  # 陈金水本人要求」 — the date of a record that is not 主动公开 may be shown,
    the clerk's note after it named whom the record is about. Now the note is replaced by the record's note."""
    lines = checked.text[1].splitlines()
    at = lines.index("records/2026/R2026-105.yaml")
    assert lines[at + 1:at + 3] == ["  19:1 错误 GK004 键「公开日期」写了两次（第14行已有）",
                                    "       19 | 公开日期: 2026-09-04  # （非主动公开的信息，内容不在此显示）"]


@pytest.mark.parametrize("number", REGISTER_BLOCKS)
def test_a_field_of_a_registers_block_is_shown_under_a_comment_at_the_margin(checked: Checked, number: int) -> None:
    written, line, shown = REGISTER_BLOCKS[number]
    lines = checked.text[1].splitlines()
    at = lines.index(f"requests/2026/YSQ-2026-{number:03d}.yaml")
    assert lines[at + 1] == f"  {line}:3 错误 GK004 键「批准日期」写了两次（第12行已有）"
    assert lines[at + 2] == f"       {line} | {shown}"


def test_the_first_line_a_reason_and_the_line_a_reason_goes_on_over_are_shown(checked: Checked) -> None:
    """The edges of a file: its first line (a key no record has), and of a 不予公开 record the fields a diff shows of
    it — its 不予公开理由 written twice, the line that reason goes on over (a Tab in it)."""
    lines = checked.text[1].splitlines()
    at = lines.index("records/2026/R2026-109.yaml")
    assert lines[at + 1:at + 3] == ["  1:1 错误 GK102 未知字段「备考」［R2026-109］", "        1 | 备考: 陈金水 138****1234"]
    at = lines.index("records/2026/R2026-110.yaml")
    assert lines[at + 1:at + 3] == ["  18:1 错误 GK004 键「不予公开理由」写了两次（第9行已有）",
                                    "       18 | 不予公开理由: 属于内部事务信息"]
    at = lines.index("  10:12 错误 GK007 这里有不能出现的字符（常见为制表符 Tab 或 @、` 开头的值）")
    assert lines[at + 1] == "       10 |   LIST-2026 7"


@pytest.mark.parametrize("number", REGISTER_LINES)
def test_a_register_line_shows_only_what_names_no_one(checked: Checked, number: int) -> None:
    """Before: a register's field that names no one was shown with the note after it — 「收到日期: 2026-10-13  #
    林申请补正 138****1234」, the requester's name in the CI log. Now the note is not shown."""
    lines = checked.text[1].splitlines()
    at = lines.index(f"requests/2026/YSQ-2026-{number:03d}.yaml")
    assert lines[at + 1].startswith("  11:1 错误 GK004 键「"), lines[at + 1]
    assert lines[at + 2] == f"       11 | {REGISTER_LINES[number][1]}"
    assert "林申请" not in checked.printed()


LOCATED = "其中的图片带有拍摄地点（GPS 经纬度）：照片在谁家门口拍的，任何人都能在地图上找到"
REFUSED = {"png-damaged-ztxt": "图片中压缩的文字无法解压"}  # (the others: LOCATED)


@pytest.mark.parametrize("case", PICTURES)
def test_each_place_a_picture_holds_text_is_read(checked: Checked, case: str) -> None:
    number = FIRST_PICTURE + list(PICTURES).index(case)
    name, _, code = PICTURES[case]
    found = checked.of(number)
    published = (checked.site / "files" / "2026" / f"{case}.docx").exists()
    if code is None:  # a camera's name, Photoshop's toolkit build: nothing personal, published
        assert found == [] and published
        assert (checked.site / "records" / f"R2026-{number:03d}.html").exists()
        return
    assert [(c, line, column) for c, line, column, _ in found] == [(code, 18, 9)], found
    if code == "GK602":
        assert found[0][3] == (f"附件「files/2026/{case}.docx」 word/media/{name}（图片属性）"
                               "有未遮盖的手机号码「138****1234」（已遮盖显示）")
    else:
        said = REFUSED.get(case, LOCATED)
        assert found[0][3].startswith(f"附件「files/2026/{case}.docx」无法读取：图片「word/media/{name}」：{said}")
    assert not published and not (checked.site / "records" / f"R2026-{number:03d}.html").exists()


def test_build_site_says_why_each_record_is_held_back(checked: Checked) -> None:
    """Before: a record held back for a picture with a location was announced 「没有发布：附件「files/2026/x.docx」：
    附件「」」 — no reason. Now the reason validate gives."""
    code, _, err = checked.build
    assert code == 0
    lines = err.splitlines()
    number = FIRST_PICTURE + list(PICTURES).index("jpeg-gps")
    assert (f"警告：R2026-{number} 没有发布：附件「files/2026/jpeg-gps.docx」：无法读取：图片「word/media/image1.jpeg」："
            f"{LOCATED}") in "\n".join(lines)
    assert ("警告：R2026-101 没有发布：正文第2行：手机号码「138****1234」；正文第2行：身份证号「35*************236」；"
            "正文第3行：银行卡号「6222***********0128」；正文第4行：详细住址「斗村**号」；"
            "正文表格第2行：身份证号「35*************019」；正文表格第2行：电话号码「0595****6789」") in lines
    assert "「」" not in err


def test_no_full_number_is_printed_or_published(checked: Checked) -> None:
    printed = checked.printed()
    for secret in (MOBILE, ID, CARD, WRONG_CHECK, LANDLINE, "23456789", "0595951234", "1380595", "19850315",
                   "4912310019", "21234567890", "剑斗村12号", "dGVsIDEzODA1OTUxMjM0", "3133383035393531323334"):
        assert secret not in printed, secret
        assert secret.encode() not in checked.written, secret
    assert re.search(r"\d{7}", printed.replace("2026", "").replace("350524", "")) is None
