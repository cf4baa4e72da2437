"""Every word of an attachment, format by format; what cannot be read in full raises Unreadable (fail closed).

- docx, xlsx, ofd (zip of XML): the text and attribute values of every XML part — body, tables, headers, footers,
  comments, footnotes, tracked deletions, document properties, every sheet (hidden and very hidden), shared strings,
  defined names — plus the cells of each sheet by address (名单!C12) for xlsx. Embedded Office files are read too.
- xls: every cell of every sheet (xlrd), and the text of every stream of the compound file (headers, footers,
  comments, names, document properties).
- PDF: the text of every page, the document information and XMP metadata, and every text string object
  (annotations, form values, bookmarks). A page with images and no text (a scan) cannot be read.
- csv: see extract.py. Images and CEB cannot be read: gongkai has no OCR and CEB is a closed format.
"""

from __future__ import annotations

import hashlib
import html
import io
import itertools
import logging
import posixpath
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from decimal import Decimal
from typing import Any

from gongkai.bounded import Bounded
from gongkai.privacy.extract import (
    MAX_CELLS, Segment, Table, Unreadable, csv_segments, decode_text, lists_people, too_many_cells, unread_formula,
)
from gongkai.privacy.fetched import pdf_action_problem, refuse_fetched, refuse_fetching_fields
from gongkai.privacy.formats import ALLOWED, OLE2, ZIP, password_protected, zip_on_end
from gongkai.privacy.laidout import laid_out_tables
from gongkai.privacy.markup import markup_text
from gongkai.privacy.normalize import SEPARATE
from gongkai.privacy.pictures import (LOCATED, holds_picture, is_picture, located_within, picture_texts, readings,
                                      without_toolkit)
from gongkai.privacy.ofd import ofd_shown
from gongkai.privacy.pdfbytes import pdf_byte_texts
from gongkai.privacy.rtf import is_rtf, rtf_text
from gongkai.privacy.wordml import field_codes, hidden_styles, word_shown, word_tables
from gongkai.strictxml import usual_names

MAX_FILE = 100 * 1024 * 1024  # an attachment of more is not read (a 集约化 portal takes attachments of some 50 MB)
MAX_UNPACKED = 256 * 1024 * 1024  # a zip that unpacks to more than this is refused (zip bomb)
MAX_DEPTH = 3
MAX_REVISIONS = 16
MAX_PAGES = 5_000  # of a PDF, every revision's counted: 5,000 pages of plain text are read in some 15 s
MAX_OBJECTS = 200_000  # of a PDF, read for text strings (_strings); a file with more is not published
MAX_REMEMBERED = 512  # PDFs whose reading is remembered (pdf_segments)
RESAVE = "请用 Word、WPS 或 Excel 打开后「另存为」一个新文件再登记"
NESTED = (f"嵌套的文档层数过多（文档中嵌入的文档又嵌入了文档，超过 {MAX_DEPTH} 层），gongkai 不能逐层检查；请把嵌入的文档"
          "另存为单独的文件分别登记，并在文档中删除嵌入的对象后再登记")
LOCKED = ("文件或其中嵌入的文件设了密码（已加密），gongkai 读不出其中的文字，不能确认其中没有个人信息；请在 Word、WPS 或 Excel "
          "中去掉密码（「文件 → 信息 → 保护文档」或「文档加密」），另存后再登记")
MAX_MEMBERS = 10_000  # parts of one zip container (an OFD of 1,000 pages has some 3,000)
BOMB_FLOOR = 8 * 1024 * 1024  # a container unpacking to more than this and to BOMB_RATIO times its size is a bomb
BOMB_RATIO = 200  # Office XML compresses about 10:1; a part of over 1 MB that unpacks 200 times its size is a bomb
# What each PDF read in this process holds, by a hash of its bytes: (text, where after the label) or why unreadable.
_PDF_READ: Bounded[bytes, list[tuple[str, str]] | str] = Bounded(MAX_REMEMBERED)
_PARTS = (("word/document.xml", "正文"), ("word/header", "页眉"), ("word/footer", "页脚"), ("word/comments", "批注"),
          ("word/footnotes", "脚注"), ("word/endnotes", "尾注"), ("docProps/", "文档属性"), ("xl/worksheets/", "工作表"),
          ("xl/sharedStrings", "共享字符串"), ("xl/comments", "批注"), ("xl/workbook.xml", "工作簿（含定义的名称）"),
          ("Doc_", "OFD 页面"), ("OFD.xml", "OFD 文档属性"))


@contextmanager
def quiet() -> Iterator[None]:
    """Library warnings (pypdf's English, openpyxl's) never reach the user's screen."""
    loggers = [logging.getLogger(name) for name in ("pypdf", "openpyxl", "xlrd")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL + 1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            yield
        finally:
            for logger, level in zip(loggers, levels, strict=True):
                logger.setLevel(level)


def document_segments(suffix: str, data: bytes, label: str) -> tuple[list[Segment], list[Table]]:
    """The text of an attachment of an allowed format, with where each piece is; Unreadable when not all of it can be."""
    if not ALLOWED[suffix].readable:
        why = "CEB 是封闭格式" if suffix == "ceb" else "gongkai 没有文字识别"  # a photo is no CEB: say its own reason
        raise Unreadable(f"gongkai 无法读取{ALLOWED[suffix].name}中的文字（{why}），不能确认其中没有个人信息")
    if len(data) > MAX_FILE:
        raise Unreadable(f"文件有 {len(data) / 1024 / 1024:,.0f} MB，超过 gongkai 检查的上限 {MAX_FILE // 1024 // 1024} MB，"
                         "不能在合理的时间内读完全部内容；请压缩其中的图片（WPS、Acrobat：「压缩图片」「减小文件大小」）"
                         "或拆成几个文件后再登记")
    with quiet():
        try:
            return _by_format(suffix, data, label)
        except Unreadable:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure of a reader means the file was not read: fail closed
            if type(exc).__name__ == "XLRDError" and "encrypted" in str(exc):  # an xls saved with a password
                raise Unreadable(LOCKED) from None
            if type(exc).__name__ == "LimitReachedError":  # pypdf's bound on what one stream unpacks to
                raise Unreadable("PDF 中的数据解压后过大（可能是压缩炸弹）；请用「另存为」或「打印为 PDF」重新导出") from None
            raise Unreadable(f"文件已损坏或无法解析（{broken(exc)}）") from None


def broken(exc: Exception) -> str:
    """What a reader's failure says of the file, in Chinese (never the library's English name of the error)."""
    if isinstance(exc, NotImplementedError):
        return "使用了 gongkai 不支持的压缩或加密方式"
    if isinstance(exc, (zipfile.BadZipFile, zlib.error, EOFError)):
        return "压缩的数据已损坏：校验不符或被截断"
    if type(exc).__module__.startswith("pypdf"):
        return "PDF 的内部结构已损坏"
    if isinstance(exc, (SyntaxError, KeyError, IndexError)):  # (xml.etree's ParseError is a SyntaxError)
        return "内部结构不完整：缺少部件或 XML 写法有误"
    return "内部结构无法解析"


def _by_format(suffix: str, data: bytes, label: str) -> tuple[list[Segment], list[Table]]:
    if suffix == "csv":
        return csv_segments(data, label)
    if suffix == "pdf":
        pages = pdf_segments(data, label)
        return pages, laid_out_tables(pages)
    if suffix == "xls":
        return xls_segments(data, label)
    segments = zip_segments(data, label)
    if suffix == "xlsx":
        cells, tables = xlsx_cells(data, label)
        if not cells:
            _refuse_pictures_only(data, "xl/media/", "工作簿的单元格都是空的，")
        return cells + segments, tables
    if suffix == "docx":
        body = _docx_body(data)
        if not html.unescape("".join(_WORD_TEXT.findall(body))).strip():
            _refuse_pictures_only(data, "word/media/", "")
        return segments, _docx_tables(body, label)
    return segments, laid_out_tables(segments)  # (an OFD: its pages laid out)


# The text of a Word document's runs (w:t): no attribute, field code (w:instrText) or deleted text (w:delText).
_WORD_TEXT = re.compile(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>")


def _refuse_pictures_only(data: bytes, media: str, said: str) -> None:
    """Unreadable when a Word document or a workbook that shows no text (the caller knows: *said* tells how) holds
    pictures in its *media* folder: a scanned list pasted into Word or Excel, which gongkai cannot read, as a PDF page
    that is only a scan (_pdf_pieces) or a JPG attachment. A picture beside text (a seal, a logo, a photo) is read as
    before."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        pictures = [name for name in archive.namelist() if name.startswith(media) and not name.endswith("/")]
    if pictures:
        raise Unreadable(f"{said}文件中只有图片（{len(pictures)} 张，可能是把扫描的名单粘贴进了文档），没有可读取的文字；"
                         "gongkai 没有文字识别，不能确认其中没有个人信息；请改为有文字的 Word、Excel 或 PDF 文件")


def _docx_body(data: bytes) -> str:
    """The XML of a Word document's body (word/document.xml), or "" when it has none."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        body = archive.read("word/document.xml") if "word/document.xml" in archive.namelist() else b""
    return decode_text(body) or body.decode("utf-8", errors="replace")


def _docx_tables(body: str, label: str) -> list[Table]:
    """The tables of a Word document's body (the 公示 column allow-list and lists of people read them)."""
    return [Table(rows[0], f"{label} 正文表格{n}", None, rows[1:])
            for n, rows in enumerate(word_tables(body), start=1)]


class _Budget:
    """What a container and every container inside it may unpack, together: a zip of zips cannot multiply it."""

    def __init__(self) -> None:
        self.left = MAX_UNPACKED

    def spend(self, infos: list[zipfile.ZipInfo], size: int) -> None:
        """Count a container of *size* bytes whose members are *infos* against the budget; Unreadable for a bomb."""
        if len(infos) > MAX_MEMBERS:
            raise Unreadable(f"压缩包内的部件有 {len(infos):,} 个，超过 gongkai 逐一检查的 {MAX_MEMBERS:,} 个（Word、Excel 文件"
                             "通常只有几十个）；" + RESAVE)
        unpacked = sum(i.file_size for i in infos)
        self.left -= unpacked
        if self.left < 0:
            raise Unreadable("解压后过大（可能是压缩炸弹）；" + RESAVE)
        # (each part under 1 MB, many of them, a few bytes each packed: a 300 KB file of 250 parts of 1 MB of digits
        # took minutes; Office files pack to a fifth or a tenth of their size, pictures hardly at all)
        if any(i.file_size > BOMB_RATIO * max(i.compress_size, 1) and i.file_size > 1024 * 1024 for i in infos) or (
                unpacked > BOMB_RATIO * max(size, 1) and unpacked > BOMB_FLOOR):
            raise Unreadable("压缩比异常（可能是压缩炸弹）；" + RESAVE)

    def gunzipped(self, data: bytes) -> bytes:
        """gzip *data* inside a container unpacked, within what the container may still unpack to and the packing ratio
        of a bomb (200 MB of digits packed in 200 KB, stored in a Word document: minutes of scanning)."""
        try:
            unpacked = gunzipped(data, min(self.left, max(BOMB_FLOOR, BOMB_RATIO * len(data))))
        except Unreadable as exc:
            raise Unreadable(f"{exc}；{RESAVE}") from None
        self.left -= len(unpacked)
        return unpacked


def zip_segments(data: bytes, label: str, depth: int = 0, budget: _Budget | None = None) -> list[Segment]:
    """The text of every part of a zip container (docx, xlsx, ofd), embedded files included."""
    if depth > MAX_DEPTH:
        raise Unreadable(NESTED)
    budget = budget or _Budget()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
        budget.spend(infos, len(data))
        if any(i.flag_bits & 0x1 for i in infos):
            raise Unreadable(LOCKED)
        segments: list[Segment] = []
        pages = _ofd_pages(archive)
        styles = word_styles(archive)
        for info in infos:
            page = pages.get(info.filename, "")
            segments.extend(_member(archive.read(info), info.filename, label, depth, budget, page, styles))
        segments.extend(_beside_parts(data, archive, label, depth, budget))
    return segments


def _beside_parts(data: bytes, archive: zipfile.ZipFile, label: str, depth: int, budget: _Budget) -> list[Segment]:
    """What a zip container holds besides its parts, which Word and Excel never show and any zip tool does (unzip -l,
    -z; 7-Zip): the parts' names, the comments of the file and of each part, and bytes outside every part — data
    appended after the end, or an earlier part left behind when a tool replaced it (its local header still in the
    file, a recovering tool reads it). A part left behind is read as a part is."""
    infos = archive.infolist()
    segments = [Segment(SEPARATE.join(i.filename for i in infos), f"{label} 部件的名称")]
    # A name without the UTF-8 flag is in the code page of the machine that wrote it, which zipfile takes for cp437:
    # the zip tools and OFD writers of Chinese Windows write GBK (7-Zip and WinRAR show it so there)
    local = [i.filename.encode("cp437").decode("gb18030", errors="replace") for i in infos
             if not i.flag_bits & 0x800 and not i.filename.isascii()]
    if local:
        segments.append(Segment(SEPARATE.join(local), f"{label} 部件的名称"))
    comments = [archive.comment, *(i.comment for i in infos)]
    segments.extend(Segment(text, f"{label} 压缩包的注释") for comment in comments if comment
                    for text in (comment.decode("gb18030", errors="replace"), comment.decode("latin-1")))
    taken = sorted((i.header_offset, _entry_end(data, i)) for i in infos)
    end = data.rfind(b"PK\x05\x06")
    end = len(data) if end < 0 else end + 22 + int.from_bytes(data[end + 20:end + 22], "little")
    taken.append((archive.start_dir, end))  # the central directory (its names and comments read above)
    gaps, at = [], 0
    for start, stop in sorted(taken):
        if start > at:
            gaps.append(data[at:start])
        at = max(at, stop)
    gaps.append(data[at:])
    where = f"{label} 压缩包中不属于任何部件的数据"
    for gap in gaps:
        if gap.strip(b"\0"):
            segments.extend(unknown_text(gap, where))
            segments.extend(_left_behind(gap, where, depth, budget))
    return segments


def zip_surroundings(data: bytes, label: str) -> list[Segment]:
    """What the zip *data* holds besides its parts (_beside_parts): the output scan reads it too."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return _beside_parts(data, archive, label, 0, _Budget())


def _entry_end(data: bytes, info: zipfile.ZipInfo) -> int:
    """Where the local entry of *info* (its header, data and data descriptor) ends in *data*."""
    at = info.header_offset
    end = at + 30 + int.from_bytes(data[at + 26:at + 28], "little") + int.from_bytes(data[at + 28:at + 30], "little")
    end += info.compress_size
    if info.flag_bits & 0x08:  # a data descriptor: its signature (optional), CRC and the sizes (8 bytes each in zip64)
        end += (4 if data[end:end + 4] == b"PK\x07\x08" else 0) + (20 if info.file_size >= 0xFFFFFFFF else 12)
    return end


def _left_behind(gap: bytes, where: str, depth: int, budget: _Budget) -> list[Segment]:
    """The parts whose local entries stand in *gap* (bytes outside every part of a zip): stored ones are read with the
    gap's bytes, packed ones unpacked within the container's budget; one packed otherwise is not read (Unreadable)."""
    segments: list[Segment] = []
    at = gap.find(ZIP)
    while at >= 0 and at + 30 <= len(gap):
        method = int.from_bytes(gap[at + 8:at + 10], "little")
        size = int.from_bytes(gap[at + 18:at + 22], "little")
        name_length = int.from_bytes(gap[at + 26:at + 28], "little")
        start = at + 30 + name_length + int.from_bytes(gap[at + 28:at + 30], "little")
        name = gap[at + 30:at + 30 + name_length].decode("utf-8", errors="replace")
        packed = gap[start:start + size] if size else gap[start:]
        if method == zipfile.ZIP_DEFLATED:
            inflater = zlib.decompressobj(-zlib.MAX_WBITS)
            try:
                unpacked = inflater.decompress(packed, max(budget.left, 0) + 1)
            except zlib.error:
                unpacked = b""  # (not a part's data after all: its bytes were read as text)
            if len(unpacked) > budget.left:
                raise Unreadable("解压后过大（可能是压缩炸弹）；" + RESAVE)
            budget.left -= len(unpacked)
            segments.extend(_member(unpacked, name, where, depth, budget))
        elif method != zipfile.ZIP_STORED:
            raise Unreadable(f"文件中有不属于任何部件的压缩数据（{name}），gongkai 不能读取；" + RESAVE)
        at = gap.find(ZIP, start)
    return segments


def word_styles(archive: zipfile.ZipFile) -> frozenset[str]:
    """The hidden styles of a Word document (wordml.hidden_styles), none for any other container."""
    if "word/styles.xml" not in archive.namelist():
        return frozenset()
    return hidden_styles(_markup_source(archive.read("word/styles.xml")))


def _member(data: bytes, name: str, label: str, depth: int, budget: _Budget, page: str = "",
            styles: frozenset[str] = frozenset()) -> list[Segment]:
    where = f"{label} {_part_name(name, page)}" if name else label
    if depth > MAX_DEPTH:  # (a gzip inside a gzip inside …, a package inside a package)
        raise Unreadable(NESTED)
    if data.startswith(ZIP):  # an Office file embedded whole (a workbook in a Word document): as its program shows it
        return zip_segments(data, where, depth + 1, budget) + _embedded_workbook(data, where, name)
    if hidden := zip_on_end(data):  # (formats.mismatch: a picture or a PDF with an archive on its end)
        raise Unreadable(f"文档中的「{name}」末尾还接着一个 zip 压缩包（{hidden} 个文件），解压文档后用解压软件就能打开"
                         "其中的文件，gongkai 不检查其中的个人信息；请在文档中删除它，重新插入原来的图片或文件，另存后再登记")
    # A file embedded whole (a PDF, a gzip member, an OLE object) is read as what it is, as the output scan reads it:
    # its bytes hold its text compressed, or (a workbook) not as Excel shows it.
    if data.startswith(GZIP):
        return _member(budget.gunzipped(data), name, f"{where} 解压后", depth + 1, budget)
    if b"%PDF-" in data[:1024]:
        return pdf_segments(data, where)
    if data.startswith(OLE2):
        return ole_file_segments(data, where, depth + 1, budget)
    if is_picture(data):  # not the pixels: the text an image viewer shows among its properties
        try:
            texts = picture_texts(data)
        except Unreadable as exc:  # (which picture of the document it is)
            raise Unreadable(f"图片「{name}」：{exc}") from None
        return [Segment(text, f"{where}（图片属性）") for text in texts]
    if data.startswith(b"MIME-Version") or name.lower().endswith((".mht", ".mhtml")):
        return _mime_segments(data, where)  # an altChunk: a web page Word shows inside the document
    if name.lower().endswith(".rels"):  # (what the file loads from elsewhere as it opens: not published)
        refuse_fetched(name, _markup_source(data))
    if name.startswith("word/") and any(mark in data for mark in _FIELD_MARKS):  # (a field that runs or fetches)
        refuse_fetching_fields(name, field_codes(_markup_source(data)))
    if _is_markup(name, data):
        return [Segment(markup_text(_markup_source(data)), where), *shown_readings(name, data, where, styles)]
    if (kind := packed_kind(data)) is not None:  # its bytes are its files compressed: read as text, they say nothing
        raise Unreadable(f"文档中嵌入的「{name}」是{kind}，gongkai 无法解压检查其中的文件，不能确认其中没有个人信息；"
                         "请在文档中删除这个嵌入的对象（需要公开其中的文件时解压后逐个登记），另存后再登记")
    if located_within(data):  # (a HEIC or AVIF photo: a picture gongkai has no reader for, and its EXIF)
        raise Unreadable(f"图片「{name}」：{LOCATED}")
    # Anything else (metafile pictures that draw text, fonts, printer settings, unknown parts) may hold text in
    # 8-bit or UTF-16: read both ways rather than guess it holds none; an RTF document (an altChunk) as Word shows it.
    return [*shown_readings(name, data, where), *unknown_text(data, where)]


def unknown_text(data: bytes, where: str) -> list[Segment]:
    """Bytes that may hold text in no encoding they declare (an OLE stream, a metafile, bytes outside a zip's parts),
    read every way Office and Windows write it: as UTF-16; as 8-bit text of the West (latin-1, where ASCII digits
    stand as themselves); and as 8-bit text of Chinese Windows (GB18030, the code page 936 of Excel's and WPS's
    文档属性 and of Excel 95's strings): there １３８ in full-width digits is A3B1 A3B3 A3B8, which latin-1 reads as
    «£±£³£¸», no digit at all."""
    return [Segment(data.decode("utf-16-le", errors="replace"), where), Segment(data.decode("latin-1"), where),
            Segment(data.decode("gb18030", errors="replace"), where)]


# a Word part with fields, in UTF-8 or UTF-16
_FIELD_MARKS = tuple(mark.encode(codec) for mark in ("instrText", "fldSimple") for codec in ("utf-8", "utf-16-le"))


def _embedded_workbook(data: bytes, where: str, name: str) -> list[Segment]:
    """What Excel shows of a workbook embedded in a document (双击 the object opens it) beyond the values it stores —
    cells through number formats that add digits, formulas computed, a formula not computed refused — as of a workbook
    attached itself (xlsx_shown); nothing for a container that is no workbook."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        workbook = "xl/workbook.xml" in archive.namelist()
    if not workbook:
        return []
    try:
        return xlsx_shown(data, where)
    except Unreadable as exc:  # (a formula not computed names its cell: and the part the workbook is)
        raise Unreadable(f"嵌入的工作簿（{name}）{exc}") from None


def _is_markup(name: str, data: bytes) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml", ".txt", ".htm", ".html")) or data.lstrip()[:1] == b"<"


def _markup_source(data: bytes) -> str:
    """An XML part's text: UTF-16 with or without its byte order mark, as an XML reader detects it."""
    return decode_text(data) or data.decode("utf-8", errors="replace")


def shown_readings(name: str, data: bytes, where: str, styles: frozenset[str] = frozenset()) -> list[Segment]:
    """What a reader shows of a container's part beyond the text it stores (the source scan and the output scan both
    read these): a Word part as Word shows it (wordml.py; *styles*: the document's hidden styles, word_styles), an
    OFD page laid out (ofd.py), an RTF chunk (rtf.py), a worksheet's header and footer as Excel prints them and a
    chart's values through its number formats (spreadsheet.py)."""
    if is_rtf(data):
        return [Segment(rtf_text(data), f"{where}（RTF，按 Word 显示）")]
    if name.startswith(("xl/worksheets/", "xl/chartsheets/")) and (b"Header" in data or b"Footer" in data or
                                                                   b"H\x00e\x00a\x00d\x00e\x00r" in data or
                                                                   b"F\x00o\x00o\x00t\x00e\x00r" in data):
        from gongkai.privacy.spreadsheet import header_footer_shown

        return [Segment(text, f"{where} 页眉页脚（按 Excel 打印显示）")
                for text in header_footer_shown(_markup_source(data))]
    if re.match(r"(?:word|xl)/charts/chart[^/]*$", name) and _is_markup(name, data):
        from gongkai.privacy.spreadsheet import chart_shown

        return [Segment(text, f"{where}（图表的数据标签，按数字格式显示）") for text in chart_shown(_markup_source(data))]
    if not _is_markup(name, data) or not name.startswith(("word/", "Doc_")):
        return []
    text = _markup_source(data)
    shown = word_shown(text, styles) if name.startswith("word/") else ofd_shown(text)
    return [Segment(shown, f"{where}（{'按 Word 显示' if name.startswith('word/') else '按版面位置'}）")] if shown else []


def _mime_segments(data: bytes, where: str) -> list[Segment]:
    """The decoded text of every part of a MIME (MHT) document: base64 or quoted-printable cannot hide digits."""
    import email

    message = email.message_from_bytes(data)
    segments = []
    for part in message.walk():
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            text = payload.decode(part.get_content_charset() or "utf-8", errors="replace")
            segments.append(Segment(markup_text(text), where))
    return segments


def _part_name(name: str, page: str = "") -> str:
    label = f"OFD {page}" if page else next((text for prefix, text in _PARTS if name.startswith(prefix)), "")
    return f"{label}（{name}）" if label else name


# An OFD's pages in the order a reader shows them: each document's Document.xml lists them (<ofd:Page BaseLoc=…/>),
# whatever their parts are called — Page_0 is the first page, and a converter may name them in any order.
_OFD_DOCUMENT = re.compile(r"(?:^|/)Document\.xml$")
_OFD_PAGE = re.compile(r"<(?:[\w.-]+:)?Page\b[^>]*?\bBaseLoc\s*=\s*[\"']([^\"']+)[\"']")


def _ofd_pages(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each page part of an OFD (Doc_0/Pages/Page_1/Content.xml) → 「第2页」, its number as a reader shows it; empty for
    a container that is no OFD."""
    names = archive.namelist()
    if "OFD.xml" not in names:
        return {}
    pages: dict[str, str] = {}
    for document in (name for name in names if _OFD_DOCUMENT.search(name)):
        folder = posixpath.dirname(document)
        text = _markup_source(archive.read(document))
        for number, match in enumerate(_OFD_PAGE.finditer(text), start=1):
            location = match.group(1).replace("\\", "/")
            part = location.lstrip("/") if location.startswith("/") else posixpath.join(folder, location)
            pages.setdefault(posixpath.normpath(part), f"第{number}页")
    return pages


def xlsx_cells(data: bytes, label: str) -> tuple[list[Segment], list[Table]]:
    """Cells of every sheet of an XLSX workbook (hidden ones too), named Sheet!C12; each sheet's first row is its header.

    Besides the value stored, what Excel shows: a value through a number format that adds digits of its own
    ("1380"# on 5951234), and a formula's result computed when the file holds none (as openpyxl and scripts write
    it) — see privacy/spreadsheet.py.
    """
    from openpyxl import load_workbook

    data = usual_names(data)  # (a 「Strict Open XML」 workbook: openpyxl would find no cell, and no list of people)
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    segments: list[Segment] = []
    tables: list[Table] = []
    conditional = conditional_formats(data)
    cells = _Cells()
    try:
        for sheet in book.worksheets:
            header: list[str] | None = None
            rows: list[list[str]] = []
            placed: list[tuple[int, int, int]] = []  # (segment, row, column) of each cell's value: its row, below
            for row in cells.rows(sheet):
                values = ["" if c.value is None else cell_text(c.value) for c in row]
                if header is None and any(values):
                    header = values
                elif header is not None:
                    rows.append(values)
                for n, (c, v) in enumerate(zip(row, values, strict=False)):
                    if v and hasattr(c, "coordinate"):
                        where = f"{label} {_sheet(sheet, c.coordinate)}"
                        placed.append((len(segments), len(rows) - 1, n))
                        segments.append(Segment(v, where))
                        segments.extend(_formatted(c, c.value, where, conditional))
            if header is not None:
                tables.append(Table(header, f"{label} {_sheet(sheet)}", None, rows))
                if not lists_people([header, *rows]):  # (a list of 养老机构: each row's name owns its 地址)
                    for at, r, n in placed:
                        if r >= 0 and n:
                            segments[at] = replace(segments[at], row=SEPARATE.join(rows[r][:n]))
    finally:
        book.close()
    return segments + (xlsx_formulas(data, label) if _has_formulas(data) else []), tables


# Excel shows no tab for a hidden sheet (and 「取消隐藏」 does not list a very hidden one): a finding at 备用!B3 names a
# sheet the clerk cannot find. Its name says so, and how to get at it (openpyxl's sheet_state; xlrd's visibility).
_HIDDEN_SHEET = "（隐藏的工作表：在 Excel 或 WPS 中右键工作表标签 →「取消隐藏」可见）"
_VERY_HIDDEN_SHEET = ("（深度隐藏的工作表：「取消隐藏」中也不列出；请把要公开的工作表「移动或复制」到新工作簿另存，"
                      "或在「开发工具 → Visual Basic」中把它的 Visible 改为 -1 后删除）")
_HIDDEN_STATES = {"hidden": _HIDDEN_SHEET, 1: _HIDDEN_SHEET, "veryHidden": _VERY_HIDDEN_SHEET, 2: _VERY_HIDDEN_SHEET}


def _sheet(sheet: Any, address: str = "") -> str:
    """A worksheet (openpyxl's or xlrd's), or its cell at *address* (名单!C12), as a finding names it: a hidden sheet's
    says that it is hidden, after the address."""
    title = getattr(sheet, "title", None) or getattr(sheet, "name", "")
    state = getattr(sheet, "sheet_state", None) or getattr(sheet, "visibility", 0)
    return f"{title}{'!' if address else ''}{address}{_HIDDEN_STATES.get(state, '')}"


class _Cells:
    """The cells a reading of one workbook goes through, counted against MAX_CELLS (each row at least one).

    A worksheet declares its size (<dimension ref="A1:XFD1048576"/>), and openpyxl hands out every row up to it, each
    as wide as it: a 1 KB file with a cell in its last row and column is 1,048,576 rows of 16,384 cells, which took all
    of the memory of the machine. The declared size is not read (reset_dimensions): each row is as wide as its own
    last cell, and a workbook of more cells than that, blank ones between them counted, is not read at all."""

    def __init__(self) -> None:
        self.left = MAX_CELLS

    def rows(self, sheet: Any) -> Iterator[tuple[Any, ...]]:
        sheet.reset_dimensions()
        for row in sheet.iter_rows():
            self.left -= max(len(row), 1)
            if self.left < 0:
                raise too_many_cells(MAX_CELLS)
            yield row


def check_workbook(data: bytes) -> None:
    """Unreadable when the gate would not read the workbook *data* for its size (a zip bomb, too many parts or
    cells): what opens a workbook whole (gongkai mask) asks first, and makes no cell of the blank ones between."""
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        _Budget().spend(archive.infolist(), len(data))
    book = load_workbook(io.BytesIO(usual_names(data)), read_only=True)
    cells = _Cells()
    try:
        for sheet in book.worksheets:
            for _ in cells.rows(sheet):
                pass
    finally:
        book.close()


def xlsx_formulas(data: bytes, label: str) -> list[Segment]:
    """The result of every formula of a workbook that is plain arithmetic on literals, computed as Excel does on
    opening the file (whatever result the file stores, or none), and shown through its cell's number format."""
    from openpyxl import load_workbook

    from gongkai.privacy.spreadsheet import builds_unread, formula_result

    book = load_workbook(io.BytesIO(usual_names(data)), read_only=True, data_only=False)
    segments: list[Segment] = []
    cells = _Cells()
    try:
        for sheet in book.worksheets:
            for row in cells.rows(sheet):
                for c in row:
                    formula = getattr(c.value, "text", c.value)  # an array formula keeps its text in .text
                    if not isinstance(formula, str) or not formula.startswith("=") or not hasattr(c, "coordinate"):
                        continue
                    result = formula_result(formula)
                    if result is not None:
                        where = f"{label} {_sheet(sheet, c.coordinate)}（公式计算结果）"
                        segments.append(Segment(result, where))
                        segments.extend(_formatted(c, as_number(result), where))
                    elif builds_unread(formula):
                        raise Unreadable(unread_formula(f"{_sheet(sheet, c.coordinate)} ", formula))
    finally:
        book.close()
    return segments


_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_FORMAT_DIGIT = re.compile(rb"formatCode\s*=\s*(?:\"[^\"]*[1-9]|'[^']*[1-9])")


def xlsx_shown(data: bytes, label: str) -> list[Segment]:
    """Only what Excel shows beyond the values a workbook stores — cells through number formats that add digits,
    formulas computed — for the output scan, which reads every part's XML itself. A workbook with neither (styles.xml
    has no format with a digit 1-9, no sheet has a formula) is not opened again."""
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        formats = any(_FORMAT_DIGIT.search(archive.read(i)) is not None for i in archive.infolist()
                      if i.filename.startswith("xl/styles"))
    segments: list[Segment] = []
    data = usual_names(data)
    if formats:
        conditional = conditional_formats(data)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        cells = _Cells()
        try:
            for sheet in book.worksheets:
                for row in cells.rows(sheet):
                    segments.extend(segment for c in row if c.value is not None and hasattr(c, "coordinate")
                                    for segment in _formatted(c, c.value, f"{label} {_sheet(sheet, c.coordinate)}",
                                                              conditional))
        finally:
            book.close()
    return segments + (xlsx_formulas(data, label) if _has_formulas(data) else [])


def _has_formulas(data: bytes) -> bool:
    """True when a worksheet of the workbook holds a formula (its XML a <f> element): only then is it read again."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return any(_FORMULA_TAG.search(archive.read(i)) is not None for i in archive.infolist()
                   if i.filename.startswith("xl/worksheets/"))


_DXF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dxf[\s>].*?</(?:[A-Za-z_][\w.-]*:)?dxf>", re.DOTALL)
_FORMAT_CODE = re.compile(rb"formatCode\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def conditional_formats(data: bytes) -> tuple[str, ...]:
    """The number formats a workbook's conditional formatting applies (styles.xml, <dxf>) that show digits of their
    own: Excel shows 8000 as 13800138000 through "1380013"0 when the rule holds. Which cells a rule holds for is not
    worked out: every value is read through each such format too."""
    from gongkai.privacy.spreadsheet import format_readings

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        styles = [archive.read(i) for i in archive.infolist() if i.filename.startswith("xl/styles")]
    codes = [html.unescape((m.group(1) or m.group(2) or b"").decode("utf-8", "replace"))
             for part in styles for block in _DXF.findall(part) for m in _FORMAT_CODE.finditer(block)]
    return tuple(dict.fromkeys(c for c in codes if format_readings(0, c)))


def _formatted(cell: Any, value: object, where: str, conditional: tuple[str, ...] = ()) -> list[Segment]:
    """What *cell* shows of *value* through its number format, and through the number formats of the workbook's
    conditional formatting (*conditional*), when the format shows digits of its own."""
    from gongkai.privacy.spreadsheet import format_readings

    if not isinstance(value, (int, float, str)) or isinstance(value, bool):
        return []  # a date, a time, a truth value: the format shows what the value holds already
    found = [Segment(text, f"{where}（按条件格式的数字格式显示）") for code in conditional
             for text in format_readings(value, code)]
    try:
        code = cell.number_format
    except (AttributeError, IndexError, KeyError):  # a style the workbook does not define: Excel shows General
        return found
    return _through_format(value, code, where) + found


def _through_format(value: int | float | str, code: object, where: str) -> list[Segment]:
    """What a cell holding *value* shows through its number format *code* (nothing for General or none)."""
    from gongkai.privacy.spreadsheet import format_readings

    if not isinstance(code, str) or code == "General":
        return []
    return [Segment(text, f"{where}（按单元格的数字格式显示）") for text in format_readings(value, code)]


def as_number(text: str) -> int | float | str:
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def cell_text(value: object) -> str:
    """A cell as Excel shows it: 13812345678.0 is 13812345678. Excel keeps 15 significant digits: a 身份证号 typed into
    a number cell (350524198503151236, stored as a float) reads 350524198503151000 in its formula bar, which the
    detector knows as an ID that lost its check digit."""
    if isinstance(value, float) and value.is_integer():
        if abs(value) >= 1e15:
            return format(Decimal(f"{value:.15g}"), "f")
        return str(int(value))
    return str(value)


def xls_segments(data: bytes, label: str, depth: int = 0, budget: _Budget | None = None
                 ) -> tuple[list[Segment], list[Table]]:
    """Cells of every sheet of an Excel 97-2003 workbook (xlrd), as stored and through their number formats, and the
    text of all its streams."""
    import xlrd

    # (ragged: a row as long as its own last cell, not as the widest row: one cell at IV65536 made 65,536 rows of 256
    # cells, 400 MB and a minute for a 10 KB file; and as the xlsx reading, no more than MAX_CELLS cells)
    book = xlrd.open_workbook(file_contents=data, on_demand=False, formatting_info=True, ragged_rows=True)
    if sum(max(sheet.row_len(r), 1) for sheet in book.sheets() for r in range(sheet.nrows)) > MAX_CELLS:
        raise too_many_cells(MAX_CELLS)
    segments: list[Segment] = []
    tables: list[Table] = []
    for sheet in book.sheets():
        rows = [[cell_text(v) if v != "" else "" for v in sheet.row_values(r)] for r in range(sheet.nrows)]
        for r, row in enumerate(rows):
            segments.extend(Segment(v, f"{label} {_sheet(sheet, xlrd.formula.colname(c) + str(r + 1))}")
                            for c, v in enumerate(row) if v)
        segments.extend(_xls_formatted(book, sheet, label))
        if rows:
            tables.append(Table(rows[0], f"{label} {_sheet(sheet)}", None, rows[1:]))
    return segments + ole_segments(data, label, depth, budget), tables


def _xls_formatted(book: Any, sheet: Any, label: str) -> Iterator[Segment]:
    """What Excel shows of each number cell through a number format that shows digits of its own ("1380"0 shows
    5951234 as 13805951234), as the xlsx reading does (_formatted)."""
    import xlrd

    for r in range(sheet.nrows):
        for c, cell in enumerate(sheet.row(r)):
            if cell.ctype != xlrd.XL_CELL_NUMBER:
                continue
            shown = book.format_map.get(book.xf_list[cell.xf_index].format_key) if cell.xf_index is not None else None
            value = int(cell.value) if cell.value.is_integer() else cell.value
            yield from _through_format(value, shown.format_str if shown is not None else None,
                                       f"{label} {_sheet(sheet, xlrd.formula.colname(c) + str(r + 1))}")


GZIP = b"\x1f\x8b"


def gunzipped(data: bytes, most: int | None = None) -> bytes:
    """gzip data unpacked, every member of it, within one budget (both scans); Unreadable when a member is broken or
    cut short, or when all of them unpack to more than *most* (MAX_UNPACKED when not given)."""
    most = MAX_UNPACKED if most is None else most
    unpacked, rest = b"", data
    try:
        while rest[:2] == GZIP:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            unpacked += inflater.decompress(rest, most + 1 - len(unpacked))
            if len(unpacked) > most or inflater.unconsumed_tail:
                raise Unreadable("解压后过大（可能是压缩炸弹）")
            if not inflater.eof:
                raise Unreadable("嵌入的 gzip 数据不完整")
            rest = inflater.unused_data
    except zlib.error:
        raise Unreadable("嵌入的 gzip 数据已损坏") from None
    return unpacked


def ole_file_segments(data: bytes, label: str, depth: int = 0, budget: _Budget | None = None) -> list[Segment]:
    """An OLE2 file inside a container: an Excel 97-2003 workbook as Excel shows it (cells through their number
    formats), anything else (a Word 97 document, an equation, a packaged file) stream by stream."""
    import olefile

    if not olefile.isOleFile(data):
        raise Unreadable("不是完整的 OLE2 复合文档")
    if password_protected(data):  # (its one stream of text is the document encrypted)
        raise Unreadable(LOCKED)
    with olefile.OleFileIO(data) as ole:
        workbook = ole.exists("Workbook") or ole.exists("Book")
    return xls_segments(data, label, depth, budget)[0] if workbook else ole_segments(data, label, depth, budget)


def ole_segments(data: bytes, label: str, depth: int = 0, budget: _Budget | None = None) -> list[Segment]:
    """The text of every stream of an OLE2 compound file, read as UTF-16 and as 8-bit text (how Office stores it); and
    a file a stream holds (an object inserted from a file: a PDF in Acrobat's «CONTENTS», a workbook in «Package», any
    file packaged in «Ole10Native»), read as what it is, as a part of a docx is (_member): its bytes hold its text
    compressed."""
    import olefile

    if not olefile.isOleFile(data):
        raise Unreadable("不是完整的 OLE2 复合文档")
    if depth > MAX_DEPTH:
        raise Unreadable(NESTED)
    budget = budget or _Budget()
    segments: list[Segment] = []
    with olefile.OleFileIO(data) as ole:
        for entry in ole.listdir(streams=True, storages=False):
            raw = ole.openstream(entry).read()
            name = "/".join("".join(c for c in part if c >= " ") for part in entry)  # (\x01Ole10Native, \x05…)
            where = f"{label} 数据流 {name}"
            if name.endswith("SummaryInformation"):  # (what Excel shows under 文件 → 属性, WPS under 文档属性)
                where = f"{label} 文档属性（数据流 {name}）"
            if located_within(raw):  # (Excel 97 and Word 97 keep an inserted photo whole in a stream, its EXIF too)
                raise Unreadable(f"数据流 {name}：{LOCATED}")
            if holds_picture(raw):  # (its EXIF's 备注 in UTF-16 at any byte, of either order)
                segments.extend(Segment(text, where) for text in readings(raw))
            else:
                segments.extend(unknown_text(raw, where))
            packaged = _packaged(entry[-1], raw)
            if packaged is not None:  # (a package names its file; another stream is the file)
                inner, called = packaged
                segments.extend(_member(inner, called, where, depth, budget))
    return segments


def _packaged(stream: str, raw: bytes) -> tuple[bytes, str] | None:
    """(the file, its name: "" when only the stream names it) that an OLE stream holds, or None: an «Ole10Native»
    stream (a package: any file inserted as an object) holds a file's name, paths and bytes; any other stream that
    begins as a file does (a zip, a PDF, a compound file, gzip, a compressed archive) is one."""
    if stream.endswith("Ole10Native"):
        return _native(raw)
    if raw.startswith((ZIP, OLE2, GZIP)) or b"%PDF-" in raw[:1024] or packed_kind(raw) is not None:
        return raw, ""
    return None


def _native(raw: bytes) -> tuple[bytes, str] | None:
    """The file packaged in an Ole10Native stream: size (4 bytes), flags (2), label, path (each ending in NUL), two
    words, the temporary path (its length, 4 bytes, first), the file's size (4) and bytes."""
    import struct

    try:
        at = raw.index(b"\0", 6) + 1
        label = raw[6:at - 1].decode("gbk", errors="replace")
        at = raw.index(b"\0", at) + 1 + 4
        length = struct.unpack_from("<I", raw, at)[0]
        at += 4 + length
        size = struct.unpack_from("<I", raw, at)[0]
        at += 4
    except (ValueError, struct.error):
        return None  # (not as Office writes it: its bytes are read as text above)
    if at + size > len(raw):
        return None
    return raw[at:at + size], label or "Ole10Native"


# Compressed archives (and one stream of compressed data) that gongkai does not open: their bytes are their files
# packed, and read as text they hold nothing. As an attachment these are refused (GK608); inside a document, read.
_PACKED = ((b"7z\xbc\xaf\x27\x1c", "7z 压缩包"), (b"Rar!\x1a\x07", "RAR 压缩包"), (b"\xfd7zXZ\x00", "xz 压缩数据"),
           (b"MSCF\x00\x00\x00\x00", "CAB 压缩包"), (b"\x28\xb5\x2f\xfd", "zstd 压缩数据"), (b"LZIP", "lzip 压缩数据"))
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")


def packed_kind(data: bytes) -> str | None:
    """What compressed archive *data* is (in Chinese), or None when it is none gongkai knows but does not open."""
    kind = next((what for signature, what in _PACKED if data.startswith(signature)), None)
    return kind if kind is not None or _BZIP2.match(data) is None else "bzip2 压缩数据"


def pdf_segments(data: bytes, label: str) -> list[Segment]:
    """Every page's text, the metadata and every text string of a PDF; Unreadable for a scan or a locked file.

    Reading a PDF is the dearest part of a scan, and a build reads each twice (the gate, then the output scan of the
    copy it published) and one file attached to many records many times: what the same bytes hold is worked out once
    per process.
    """
    key = hashlib.blake2b(data, digest_size=20).digest()
    pieces = _PDF_READ.get(key)
    if pieces is None:
        try:
            pieces = _pdf_pieces(data)
        except Unreadable as exc:
            pieces = str(exc)
        _PDF_READ.put(key, pieces)
    if isinstance(pieces, str):
        raise Unreadable(pieces)
    return [Segment(text, label + where) for text, where in pieces]


def pdf_reads() -> dict[bytes, list[tuple[str, str]] | str]:
    """What this process has read of PDFs, by a hash of their bytes: a forked worker hands it to its parent."""
    return _PDF_READ.copy()


def remember_pdf_reads(found: dict[bytes, list[tuple[str, str]] | str]) -> None:
    """Keep what a forked worker read of PDFs, so this process (and the workers it forks later) reads none again."""
    for key, pieces in found.items():
        _PDF_READ.put(key, pieces)


def _pdf_pieces(data: bytes) -> list[tuple[str, str]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    # Even one that opens without a password (a 权限密码 only: no copying, no printing) is not read: its strings and
    # streams are stored encrypted, so what the file holds beyond the pages a reader shows (an earlier revision,
    # objects nothing refers to: pdfbytes.py) cannot be read from its bytes, while any PDF tool decrypts them all.
    if reader.is_encrypted:
        raise Unreadable("PDF 已加密（设了打开密码或权限密码），文件中的文字是加密存放的，gongkai 不能读出全部内容，"
                         "不能确认其中没有个人信息；请在 WPS、Acrobat 中去掉密码，另存为未加密的 PDF 后再登记")
    if len(reader.pages) > MAX_PAGES:  # (a page of plain text is read in some 3 ms, one of a dense table in 50)
        raise too_many_pages(len(reader.pages), "")
    pieces: list[tuple[str, str]] = []
    for number, page in enumerate(reader.pages, start=1):
        text, shown = _page_texts(page)
        if _no_words(text) and _has_images(page):
            raise Unreadable(f"第{number}页是图片（扫描件），没有可读取的文字；gongkai 没有文字识别，不能确认其中没有个人信息；"
                             "请登记由 Word、WPS 直接另存（导出）的有文字的 PDF")
        _refuse_unmapped(page, f"第{number}页")
        pieces.append((text, f" 第{number}页"))
        if shown is not None:
            pieces.append((shown, f" 第{number}页（按显示位置）"))
        pieces.extend((drawn, f" 第{number}页 批注、表单的外观") for drawn in _appearances(reader, page))
        pieces.extend((said, f" 第{number}页 替代文字（ActualText、Alt）") for said in _marked_texts(reader, page))
    pieces.extend((str(value), f" 文档属性 {key}") for key, value in (reader.metadata or {}).items())
    root: Any = reader.trailer["/Root"].get_object()
    metadata = root.get("/Metadata")
    if metadata is not None:
        xmp = without_toolkit(metadata.get_object().get_data().decode("utf-8", "replace"))
        pieces.append((markup_text(xmp), " XMP 元数据"))
    pieces.extend((text, " 文本对象") for text in _strings(reader))
    pieces.extend(_xfa(root))
    # (what the file holds that the last revision does not reach: an earlier revision's properties, comments, names)
    pieces.extend((text, " 文件中的其他文字（早先版本、注释、名称、未引用的对象）") for text in pdf_byte_texts(data))
    return pieces + _earlier_revisions(data, len(reader.pages))


def too_many_pages(count: int, how: str) -> Unreadable:
    """Why a PDF of more than MAX_PAGES pages (*how* they were counted) is not read."""
    return Unreadable(f"PDF 有 {count:,} 页{how}，超过 gongkai 逐页检查的 {MAX_PAGES:,} 页，不能在合理的时间内读完；"
                      "请拆成几个文件（或用「另存为」保存为一个版本）后再登记")


def _xfa(root: Any) -> list[tuple[str, str]]:
    """The packets of an XFA form (Adobe LiveCycle: the form's template and the values filled in, «datasets»), XML
    that Acrobat shows in the form's fields and that no text string of the file holds."""
    from pypdf.generic import ArrayObject, StreamObject

    form = root.get("/AcroForm")
    xfa = form.get_object().get("/XFA") if form is not None else None
    xfa = xfa.get_object() if xfa is not None else None
    if isinstance(xfa, StreamObject):
        packets = [("XFA", xfa)]
    elif isinstance(xfa, ArrayObject):
        packets = [(str(xfa[i]), xfa[i + 1].get_object()) for i in range(0, len(xfa) - 1, 2)]
    else:
        return []
    return [(markup_text(_markup_source(packet.get_data())), f" XFA 表单数据（{name}）")
            for name, packet in packets if isinstance(packet, StreamObject)]


_MARKED = re.compile(rb"/(?:ActualText|Alt|E)\s*[(<]")


def _marked_texts(reader: Any, page: Any) -> list[str]:
    """The texts a page's marked content gives in its own content stream (`/Span <</ActualText (…)>> BDC … EMC`): what
    copying the text and a screen reader take instead of the glyphs drawn, which page text does not hold."""
    from pypdf.generic import ContentStream, DictionaryObject, TextStringObject

    contents = page.get_contents()
    if contents is None or _MARKED.search(contents.get_data()) is None:
        return []
    found: list[str] = []
    for operands, operator in ContentStream(contents, reader).operations:
        if operator in (b"BDC", b"DP") and len(operands) > 1 and isinstance(operands[1], DictionaryObject):
            found.extend(str(v) for v in operands[1].values() if isinstance(v, TextStringObject))
    return found


def _earlier_revisions(data: bytes, read: int) -> list[tuple[str, str]]:
    """The page text of every earlier revision of a PDF saved by incremental updates: what an update covered or
    deleted is still in the file, and any reader can open the file as it was. *read*: the pages of the last revision,
    which count with theirs against MAX_PAGES."""
    from pypdf import PdfReader

    pieces: list[tuple[str, str]] = []
    ends = [match.end() for match in re.finditer(rb"%%EOF", data)][:-1]
    if len(ends) > MAX_REVISIONS:  # each is read whole: past this many, the earliest would go unread
        raise Unreadable(f"PDF 经过 {len(ends)} 次增量修改（保存了 {len(ends) + 1} 个版本），超过 gongkai 逐一检查的 "
                         f"{MAX_REVISIONS + 1} 个；早先版本中的文字仍在文件里，任何人都能打开；请用「另存为」或「打印为 PDF」"
                         "重新导出为一个版本后再登记")
    for number, end in enumerate(ends, start=1):
        try:
            reader = PdfReader(io.BytesIO(data[:end]), strict=False)
            count = len(reader.pages)
        except Exception:  # noqa: BLE001 - the first part of a linearized file is no revision of its own
            continue
        read += count
        if read > MAX_PAGES:
            raise too_many_pages(read, "（各个版本合计）")
        try:
            texts = [_page_texts(page) for page in reader.pages]
        except Exception:  # noqa: BLE001 - (as above)
            continue
        for page, (text, shown) in enumerate(texts, 1):
            _refuse_unmapped(reader.pages[page - 1], f"早先版本{number} 第{page}页")
            pieces.append((text, f" 早先版本{number} 第{page}页"))
            if shown is not None:
                pieces.append((shown, f" 早先版本{number} 第{page}页（按显示位置）"))
    return pieces


def _page_texts(page: Any) -> tuple[str, str | None]:
    """A page's text as drawn (the order of its content stream) and, when it differs beyond white space, as shown:
    left to right, top to bottom, each piece where it stands (pypdf's layout mode). A viewer shows «1380013» drawn
    second at the left and «8000» drawn first at the right as 13800138000; the order of drawing reads 80001380013.

    The layout reading costs about as much as the first; a page it cannot lay out (pypdf fails on some fonts) is read
    by the position of each piece of text instead, sorted by line and then from the left."""
    spots: list[tuple[float, float, str]] = []

    def spot(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            spots.append((round(-y), x, text))

    text = page.extract_text(visitor_text=spot) or ""
    try:
        shown = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # noqa: BLE001 - a page pypdf cannot lay out: the pieces by where they stand
        shown = "\n".join(" ".join(t for _, _, t in line) for _, line in itertools.groupby(sorted(spots), lambda s: s[0]))
    return text, (shown if "".join(shown.split()) != "".join(text.split()) else None)


def _appearances(reader: Any, page: Any) -> list[str]:
    """The text drawn by the appearance streams of a page's annotations and form fields (a stamp, a text box, a
    field's shown value): a viewer shows them over the page, and neither the page's text nor the file's text strings
    hold it (a stamp may have no /Contents at all)."""
    from pypdf import PageObject
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    found: list[str] = []
    for annotation in page.get("/Annots") or []:
        appearance = annotation.get_object().get("/AP")
        if not isinstance(appearance := appearance.get_object() if appearance is not None else None, DictionaryObject):
            continue
        for key in ("/N", "/R", "/D"):
            value = appearance.get(key)
            value = value.get_object() if value is not None else None
            forms = [value] if isinstance(value, StreamObject) else (
                [v.get_object() for v in value.values()] if isinstance(value, DictionaryObject) else [])
            for form in forms:
                if not isinstance(form, StreamObject):
                    continue
                drawn = PageObject(pdf=reader)
                drawn[NameObject("/Resources")] = form.get("/Resources") or DictionaryObject()
                drawn[NameObject("/Contents")] = form
                drawn[NameObject("/MediaBox")] = form.get("/BBox") or page.mediabox
                try:
                    found.append(drawn.extract_text() or "")
                except Exception:  # noqa: BLE001 - what pypdf cannot lay out: the stream's strings as written
                    found.append(form.get_data().decode("latin-1"))
    return [text for text in found if text.strip()]


def _refuse_active(node: dict[Any, Any]) -> None:
    """A PDF that carries files, scripts or actions that run or fetch something is not published: gongkai does not
    read the files; scripts and such actions are hostile (privacy.fetched)."""
    if "/EF" in node or node.get("/Type") == "/EmbeddedFile":
        raise Unreadable("PDF 中嵌有其他文件（附件），gongkai 不能逐一检查其中的个人信息；请去掉嵌入的文件后重新导出")
    if "/JS" in node or node.get("/S") == "/JavaScript":
        raise Unreadable("PDF 中含有脚本（JavaScript），不能公开；请用「打印为 PDF」重新导出")
    if (why := pdf_action_problem(node)) is not None:
        raise Unreadable(f"{why}，不能公开；请用「打印为 PDF」重新导出（打印出的 PDF 不带动作）")


# A page's text that is only its number (「- 3 -」, 「第 3 页 共 5 页」, 「Page 3 of 5」): a scanner or a converter writes
# it over the scanned picture, and no word of the scan is read.
_PAGE_NUMBER = re.compile(r"(?:[\s\d\W_]|第|页|共|[Pp]age|of)*")
# An inline image in a content stream: BI, its dictionary, ID and the pixels (a scan need not be an image object)
_BEGIN_IMAGE = re.compile(rb"(?:^|[\s\]>)])BI\s")
_IMAGE_DATA = re.compile(rb"\sID\s")


def _inline_image(content: bytes) -> bool:
    """Whether a content stream draws an inline image: BI, then ID after it (two searches, each once over the
    stream: a pattern of the two would go over the rest of the stream again at every BI)."""
    begin = _BEGIN_IMAGE.search(content)
    return begin is not None and _IMAGE_DATA.search(content, begin.end()) is not None


def _no_words(text: str) -> bool:
    """True when a page's *text* says nothing but, at most, the page's number."""
    return _PAGE_NUMBER.fullmatch(text) is not None


def _has_images(page: Any) -> bool:
    """Whether *page* draws a picture: an image object of its own, one inside a form it draws (converters wrap a
    scan in a form), or an image inline in its content or a form's (BI … ID … EI)."""
    contents = page.get_contents()
    if contents is not None and _inline_image(contents.get_data()):
        return True
    return _draws_image(page.get("/Resources"), set(), 0)


def _draws_image(resources: Any, seen: set[int], depth: int) -> bool:
    """Whether a picture is drawn through the XObjects of *resources* (forms followed *depth* levels deep)."""
    from pypdf.generic import DictionaryObject, IndirectObject

    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if isinstance(resources, DictionaryObject) else None
    xobjects = xobjects.get_object() if xobjects is not None else None
    if not isinstance(xobjects, DictionaryObject) or depth > MAX_DEPTH * 3:
        return False
    for reference in xobjects.values():
        if isinstance(reference, IndirectObject):
            if reference.idnum in seen:
                continue
            seen.add(reference.idnum)
        xobject = reference.get_object()
        if xobject.get("/Subtype") == "/Image":
            return True
        if xobject.get("/Subtype") == "/Form" and (_inline_image(xobject.get_data())
                                                   or _draws_image(xobject.get("/Resources"), seen, depth + 1)):
            return True
    return False


def _refuse_unmapped(page: Any, which: str) -> None:
    """Unreadable when the page *which* draws text in a font whose text cannot be read (_unmapped_font)."""
    if (font := _unmapped_font(page.get("/Resources"), set(), 0)) is not None:
        raise Unreadable(f"{which}的文字使用的字体「{font}」没有文字编码信息（ToUnicode），复制出来是乱码：gongkai 读不出"
                         "这一页显示的文字，不能确认其中没有个人信息；请用 Word、WPS 直接「另存为」或「导出为」PDF"
                         "（不要用虚拟打印机打印成 PDF），或在 Acrobat 中「另存为」时嵌入字体后再登记")


def _unmapped_font(resources: Any, seen: set[int], depth: int) -> str | None:
    """The name of a font of *resources* (forms they draw followed) whose text no reader can turn into characters: a
    composite font with an Identity encoding (its codes are the numbers of glyphs in the embedded font) and no
    ToUnicode map. A viewer draws the glyphs — digits — while the text read is control characters (乱码)."""
    from pypdf.generic import DictionaryObject, IndirectObject

    resources = resources.get_object() if resources is not None else None
    if not isinstance(resources, DictionaryObject) or depth > MAX_DEPTH * 3:
        return None
    fonts = resources.get("/Font")
    fonts = fonts.get_object() if fonts is not None else None
    for font in fonts.values() if isinstance(fonts, DictionaryObject) else ():
        font = font.get_object()
        if (isinstance(font, DictionaryObject) and font.get("/Subtype") == "/Type0" and "/ToUnicode" not in font
                and str(font.get("/Encoding")) in ("/Identity-H", "/Identity-V")):
            return str(font.get("/BaseFont", "")).lstrip("/")
    xobjects = resources.get("/XObject")
    xobjects = xobjects.get_object() if xobjects is not None else None
    for reference in xobjects.values() if isinstance(xobjects, DictionaryObject) else ():
        if isinstance(reference, IndirectObject):
            if reference.idnum in seen:
                continue
            seen.add(reference.idnum)
        xobject = reference.get_object()
        if isinstance(xobject, DictionaryObject) and xobject.get("/Subtype") == "/Form":
            found = _unmapped_font(xobject.get("/Resources"), seen, depth + 1)
            if found is not None:
                return found
    return None


def _image_bytes(image: Any) -> bytes:
    """The bytes of a picture in a PDF: a JPEG (DCTDecode) as the file it was, whatever other filters wrap it."""
    try:
        return bytes(image.get_data())
    except Exception:  # noqa: BLE001 - a filter pypdf cannot undo: the stream as stored (a bare JPEG is unfiltered)
        return bytes(image._data)


def _strings(reader: object) -> list[str]:
    """Every text string object of the file: annotations, form values, bookmarks, names (not content streams); and
    the properties of every picture (a JPEG is kept whole in a PDF, EXIF and comments included: pictures.py)."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject, TextStringObject

    found: list[str] = []
    seen: set[int] = set()
    stack: list[object] = [reader.trailer]  # type: ignore[attr-defined]
    while stack:
        if len(seen) > MAX_OBJECTS:  # what is left unread could hold anything: not published
            raise Unreadable(f"PDF 中的对象超过 {MAX_OBJECTS:,} 个，gongkai 无法全部检查；请用「另存为」或「打印为 PDF」重新导出")
        node = stack.pop()
        if isinstance(node, IndirectObject):
            if node.idnum in seen:
                continue
            seen.add(node.idnum)
            node = node.get_object()
        if isinstance(node, TextStringObject):
            found.append(str(node))
        elif isinstance(node, DictionaryObject):
            _refuse_active(node)
            if isinstance(node, StreamObject) and node.get("/Subtype") == "/Image":
                filters = str(node.get("/Filter"))
                if "/DCTDecode" in filters:  # a JPEG keeps a file's properties; other pictures are bare pixels …
                    found.extend(picture_texts(_image_bytes(node)))
                elif "/JPXDecode" in filters and located_within(_image_bytes(node)):  # … but JPEG 2000's boxes
                    raise Unreadable(LOCATED)
            stack.extend(v for k, v in node.items() if k not in ("/Parent", "/Contents") or isinstance(v, TextStringObject))
        elif isinstance(node, ArrayObject):
            stack.extend(node)
    return found
