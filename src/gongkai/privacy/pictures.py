"""The text a picture carries besides its pixels, as an image viewer shows it among the picture's properties.

JPEG: every APPn segment (EXIF — Windows writes its 备注/作者/标题 as UTF-16 —, XMP, ICC, Photoshop) and the comment
segment, up to the image data. PNG: tEXt, zTXt (compressed), iTXt and eXIf chunks, and any other chunk but the
image data as it stands. GIF: comment blocks and every extension block (XMP). TIFF and WebP: EXIF and XMP. Whatever
follows the end of a JPEG, PNG or GIF picture (data appended to it) is read too. A segment is
read as 8-bit text, UTF-8 and UTF-16 of both byte orders and both alignments: no encoding can hide a number. The
pixels are never read (no text gongkai could read, and none a detector should guess at). A picture that carries where
it was taken (GPS in its EXIF or XMP) is not published at all (Unreadable).
"""

from __future__ import annotations

import re
import struct
import zlib

from gongkai.privacy.extract import Unreadable

PICTURES = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")  # (and WebP, boxes: is_picture)
# The box after a picture file's first size field: an ISO base media file (HEIC, AVIF — a phone's own formats, which
# Word and Excel insert as they are), JPEG 2000, JPEG XL. Their EXIF and XMP sit in boxes gongkai does not walk:
# the whole file is read in every encoding, and searched for a location (located_within).
BOXES = (b"ftyp", b"jP  ", b"JXL ")


def is_picture(data: bytes) -> bool:
    """Whether *data* is a picture whose properties picture_texts() reads: JPEG, PNG, GIF, TIFF, WebP, or one made of
    boxes (BOXES)."""
    return data.startswith(PICTURES) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP") or data[4:8] in BOXES
# XMP names the toolkit that wrote it with its build: x:xmptk="Adobe XMP Core 5.6-c140 79.160451, 2017/05/06-01:08:21"
# (Photoshop CC 2017, and so on for every version since): software, not a person, whose digits read as a mobile
# number (140 79.160451 → 14079160451) and held back every document with a picture Photoshop saved. Only that exact
# form is left out; any other digits there are read.
TOOLKIT = r"Adobe XMP Core \d\.\d-c\d{3} \d{2}\.\d{6}, \d{4}/\d{2}/\d{2}-\d{2}:\d{2}:\d{2}"
_TOOLKIT = re.compile(TOOLKIT.encode())
_TOOLKIT_TEXT = re.compile(TOOLKIT)
MAX_TEXT = 4 * 1024 * 1024  # the compressed text chunks of a picture that unpack to more than this together are refused (a bomb)


def picture_texts(data: bytes) -> list[str]:
    """Every reading of the text *data* (a JPEG, PNG or GIF) carries; [] for anything else."""
    if data.startswith(b"\x89PNG"):
        pieces = _png(data)
    elif data.startswith(b"\xff\xd8\xff"):
        pieces = _jpeg(data)
    elif data.startswith(b"GIF8"):
        pieces = _gif(data)
    elif data[:4] in (b"II*\x00", b"MM\x00*"):  # TIFF: the file is itself what EXIF holds, its first directory first
        pieces = [data]
    elif data[4:8] in BOXES:
        if located_within(data):
            raise Unreadable(LOCATED)
        pieces = [data]
    elif is_picture(data):
        pieces = [data, *_webp(data)]
    else:
        return []
    pieces = [_TOOLKIT.sub(b"Adobe XMP Core", piece) for piece in pieces]
    if any(_located(piece) for piece in pieces):
        raise Unreadable(LOCATED)
    return [text for piece in pieces for text in readings(piece)]


LOCATED = ("其中的图片带有拍摄地点（GPS 经纬度）：照片在谁家门口拍的，任何人都能在地图上找到，这是个人行踪信息（《个人信息保护法》"
           "第二十八条），不能公开；请删除图片的位置信息（Windows：右键图片 → 属性 → 详细信息 → 删除属性和个人信息；手机相机关闭"
           "「位置标签」）后重新插入")
_TIFF_HEADER = re.compile(rb"II\*\x00|MM\x00\*")
MAX_HEADERS = 4096  # TIFF headers looked at in one stream of bytes (each a possible EXIF); more are refused
MAX_EXIF = 64 * 1024  # bytes read from each (a JPEG's EXIF is no longer): a GPS directory further counts as located


def located_within(data: bytes) -> bool:
    """True when bytes gongkai has no reader for hold a picture that gives where it was taken: a HEIC or AVIF photo
    (a phone's own format) inserted in a Word document, a photo kept whole in a stream of an Excel 97 or Word 97 file.
    Its EXIF is found by the TIFF header it starts with, wherever it sits (EXIF always starts so), and its XMP by the
    GPS property, in binary data only (a picture has zero bytes; a page of the site, a CSV file have none and cost
    one look for it)."""
    if b"\x00" not in data:
        return False
    if _XMP_GPS.search(data) is not None:
        return True
    for count, header in enumerate(_TIFF_HEADER.finditer(data)):
        if count == MAX_HEADERS:
            return True  # (made-up headers to bury one among them: fail closed rather than read them all)
        if _located(data[header.start():header.start() + MAX_EXIF]):
            return True
    return False


_GPS_IFD, _LATITUDE, _LONGITUDE = 0x8825, 0x0002, 0x0004
_XMP_GPS = re.compile(rb"GPS(?:Latitude|Longitude)[\"'>=\s]{1,4}-?\d")


def without_toolkit(xmp: str) -> str:
    """*xmp* (the XMP of a picture or a PDF) without its toolkit's name and build (TOOLKIT)."""
    return _TOOLKIT_TEXT.sub("Adobe XMP Core", xmp)


def _located(piece: bytes) -> bool:
    """True when a segment of a picture (EXIF, as JPEG's APP1 or PNG's eXIf holds it, or XMP) gives where it was taken:
    a GPS latitude or longitude. An EXIF whose GPS directory cannot be read counts as located (fail closed)."""
    if _XMP_GPS.search(piece) is not None:
        return True
    tiff = piece[6:] if piece.startswith(b"Exif\x00\x00") else piece
    if tiff[:4] not in (b"II*\x00", b"MM\x00*"):
        return False
    order = "<" if tiff[:2] == b"II" else ">"
    try:
        gps = _entries(tiff, order, struct.unpack(order + "I", tiff[4:8])[0]).get(_GPS_IFD)
    except struct.error:
        return False  # no first directory: no viewer finds a location either
    if gps is None:
        return False
    try:
        return bool({_LATITUDE, _LONGITUDE} & _entries(tiff, order, gps).keys())
    except struct.error:
        return True


def _entries(tiff: bytes, order: str, at: int) -> dict[int, int]:
    """The tags of the TIFF directory at *at*, each with its value field read as an offset."""
    count = struct.unpack(order + "H", tiff[at:at + 2])[0]
    found: dict[int, int] = {}
    for index in range(count):
        entry = tiff[at + 2 + 12 * index:at + 14 + 12 * index]
        tag, _, _, value = struct.unpack(order + "HHII", entry)
        found[tag] = value
    return found


def holds_picture(data: bytes) -> bool:
    """True when *data* (a stream of an Excel 97 or Word 97 file) may hold a picture kept whole: its properties are
    then anywhere in it, in any encoding and at any byte (readings)."""
    return b"\xff\xd8\xff" in data or b"\x89PNG" in data or _TIFF_HEADER.search(data) is not None


def readings(piece: bytes) -> list[str]:
    """*piece* read as 8-bit text (of the West, and GB18030: a JPEG comment, an EXIF 图像描述 or a PNG text that
    Chinese Windows' programs write in code page 936, where 「１３８」 is A3B1 A3B3 A3B8), UTF-8 and UTF-16 of both byte
    orders and both alignments."""
    return [piece.decode("latin-1"), piece.decode("gb18030", errors="replace"),
            piece.decode("utf-8", errors="replace"),
            *(piece[start:].decode(codec, errors="replace") for codec in ("utf-16-le", "utf-16-be") for start in (0, 1))]


# A marker in a JPEG's image data: 0xFF not followed by 0x00 (a stuffed 0xFF), a restart marker or another 0xFF (fill)
_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")
_EXTENDED_XMP = b"http://ns.adobe.com/xmp/extension/\x00"  # then a GUID (32), the full length (4), the offset (4)
MAX_IMAGES = 8  # pictures of one JPEG file read (a phone's second picture after the first: MPF)


def _jpeg(data: bytes, depth: int = 0) -> list[bytes]:
    """The APPn and comment segments; an XMP too large for one segment (extended XMP) also joined whole, in the order
    of its parts; what follows the end of the picture, and the segments of a second picture there (a phone's depth
    map or original, with its own EXIF and location)."""
    pieces: list[bytes] = []
    extended: list[tuple[int, bytes]] = []
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:  # bytes where a segment should start: read as they stand, and the segments after them,
            end = data.find(b"\xff", at)  # as a viewer goes on past them (libjpeg: "extraneous bytes before marker")
            pieces.append(data[at:end if end >= 0 else len(data)])
            at = end if end >= 0 else len(data)
            continue
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0x01, 0xD8) or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        if marker == 0xD9:  # end of image: no segments after it
            after = _after(data, at + 2)
            pieces += after
            second = after[0].find(b"\xff\xd8\xff", 0, 1024) if after else -1
            if second >= 0 and depth < MAX_IMAGES:
                pieces += _jpeg(after[0][second:], depth + 1)
            break
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        if marker == 0xDA:  # the image data, up to the next marker: a progressive picture's tables, comments, scans
            found = _MARKER.search(data, at + 2 + length)
            at = found.start() if found is not None else len(data)
            continue
        if 0xE0 <= marker <= 0xEF or marker == 0xFE:
            segment = data[at + 4:at + 2 + length]
            pieces.append(segment)
            if segment.startswith(_EXTENDED_XMP) and len(segment) >= len(_EXTENDED_XMP) + 40:
                head = len(_EXTENDED_XMP) + 36
                extended.append((struct.unpack(">I", segment[head:head + 4])[0], segment[head + 4:]))
        at += 2 + length
    if extended:
        pieces.append(b"".join(part for _, part in sorted(extended)))
    return pieces


def _png(data: bytes) -> list[bytes]:
    pieces: list[bytes] = []
    left = [MAX_TEXT]  # (what all its compressed text chunks may unpack to, together: a thousand of 4 MB each are 4 GB)
    at = 8
    while at + 8 <= len(data):
        length = struct.unpack(">I", data[at:at + 4])[0]
        kind, body = data[at + 4:at + 8], data[at + 8:at + 8 + length]
        if kind == b"eXIf":
            pieces.append(body)
        elif kind == b"tEXt":
            keyword, _, text = body.partition(b"\x00")
            pieces += [body, *_raw_profile(keyword, text)]
        elif kind in (b"zTXt", b"iCCP"):  # (iCCP: a colour profile, its description and copyright, compressed)
            keyword, _, rest = body.partition(b"\x00")
            text = _inflate(rest[1:], left)
            pieces += [keyword, text, *_raw_profile(keyword, text)]
        elif kind == b"iTXt":
            keyword, _, rest = body.partition(b"\x00")
            compressed, language_and_text = rest[:1] == b"\x01", rest[2:]
            language, _, rest = language_and_text.partition(b"\x00")
            translated, _, text = rest.partition(b"\x00")
            text = _inflate(text, left) if compressed else text
            pieces += [keyword, language, translated, text, *_raw_profile(keyword, text)]
        elif kind == b"IEND":
            pieces += _after(data, at + 12 + length)
            break
        elif kind not in (b"IDAT", b"fdAT"):  # any other chunk (a program's private one: prVt) as it stands
            pieces.append(body)
        at += 12 + length
    return pieces


def _raw_profile(keyword: bytes, text: bytes) -> list[bytes]:
    """The EXIF, XMP or IPTC a PNG text chunk holds in hexadecimal («Raw profile type exif»: ImageMagick and the
    programs built on it keep a photo's EXIF so when they save it as PNG, and exiftool shows it): its bytes, so that
    its location and its UTF-16 text are read as a JPEG's are; [] for any other text."""
    if not keyword.startswith(b"Raw profile type "):
        return []
    words = text.split()  # the profile's name, its length, then its bytes in hexadecimal, 72 digits a line
    try:
        return [bytes.fromhex(b"".join(words[2:]).decode("ascii"))]
    except ValueError:
        return []  # (not hexadecimal: read as the text it is)


def _after(data: bytes, end: int) -> list[bytes]:
    """What a file holds after its picture ends (at *end*; 1 when the end was not found): no viewer shows it, any
    text tool does, and a file that is a picture and something else at once keeps the something else there."""
    return [data[end:]] if 1 < end < len(data) else []


def _webp(data: bytes) -> list[bytes]:
    """The EXIF and XMP chunks of a WebP picture (RIFF): EXIF as a TIFF structure, with or without «Exif\\0\\0»."""
    pieces: list[bytes] = []
    at = 12
    while at + 8 <= len(data):
        kind, length = data[at:at + 4], struct.unpack("<I", data[at + 4:at + 8])[0]
        if kind in (b"EXIF", b"XMP "):
            pieces.append(data[at + 8:at + 8 + length])
        at += 8 + length + (length & 1)
    return pieces


def _gif(data: bytes) -> list[bytes]:
    """The comment blocks (21 FE, then sub-blocks), looked for anywhere; and every extension block as it stands, found
    by walking the blocks: an application's (XMP, «XMP DataXMP», stores its packet whole, its bytes read as the
    lengths of sub-blocks), what follows the end of the picture (3B)."""
    pieces: list[bytes] = []
    start = data.find(b"\x21\xfe")
    while start >= 0:
        at, text = start + 2, b""
        while at < len(data) and data[at] != 0:
            text += data[at + 1:at + 1 + data[at]]
            at += 1 + data[at]
        pieces.append(text)
        start = data.find(b"\x21\xfe", at)
    return pieces + _gif_blocks(data)


def _gif_blocks(data: bytes) -> list[bytes]:
    pieces: list[bytes] = []
    at = 13 + (3 * (2 << (data[10] & 7)) if len(data) > 10 and data[10] & 0x80 else 0)
    while at < len(data):
        kind = data[at]
        if kind == 0x3B:  # the end of the picture
            return pieces + _after(data, at + 1)
        if kind == 0x21:
            end = _sub_blocks_end(data, at + 2)
            pieces.append(data[at:end])
            at = end
        elif kind == 0x2C and at + 10 < len(data):  # an image: descriptor, local colours, LZW data (not read)
            flags = data[at + 9]
            at = _sub_blocks_end(data, at + 11 + (3 * (2 << (flags & 7)) if flags & 0x80 else 0))
        else:  # not a block: the rest of the file as it stands
            return pieces + [data[at:]]
    return pieces


def _sub_blocks_end(data: bytes, at: int) -> int:
    """Where the sub-blocks starting at *at* end (after their terminating empty block)."""
    while at < len(data) and data[at] != 0:
        at += 1 + data[at]
    return min(at + 1, len(data))


def _inflate(data: bytes, left: list[int]) -> bytes:
    """A compressed text chunk of a picture unpacked, counted against what the picture's chunks may unpack to."""
    inflater = zlib.decompressobj()
    try:
        text = inflater.decompress(data, left[0] + 1)
    except zlib.error as exc:
        raise Unreadable("图片中压缩的文字无法解压") from exc
    left[0] -= len(text)
    if inflater.unconsumed_tail or left[0] < 0:
        raise Unreadable("图片中压缩的文字解压后过大（压缩炸弹）；请用画图等程序把这张图片另存为新的 PNG 或 JPG 后重新插入")
    return text
