"""Which attachment formats a bureau may publish, and whether a file's content is what its extension says.

The allow-list follows the law and practice: documents as PDF, OFD (GB/T 33190-2016, the national format for
electronic documents) or CEB (the 两馆 accept PDF or CEB, 闽政办函〔2016〕42号); 公示 lists as the office formats they
come in (xlsx, xls, csv, docx); photos as jpg or png. Everything else is refused: web pages and scripts (html, svg,
js) run on the portal's origin (stored cross-site scripting), programs and archives cannot be checked.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
HEAD_BYTES = 4096
# A zip archive ends with its end-of-central-directory record (22 bytes and a comment of at most 65,535): unzip,
# 7-Zip, Windows' 「全部解压缩」 and Python's zipfile look for it there, whatever stands before the archive.
ZIP_END = b"PK\x05\x06"
TAIL_BYTES = 22 + 65535


def password_protected(data: bytes) -> bool:
    """Whether *data* is an Office 2007+ file (docx, xlsx) saved with an opening password: Office and WPS then write
    an OLE2 file holding the encrypted zip as its 「EncryptedPackage」 stream."""
    return data.startswith(OLE2) and "EncryptedPackage".encode("utf-16-le") in data


@dataclass(frozen=True)
class Format:
    """An allowed format: its Chinese name and whether gongkai can read all of its text."""

    name: str
    readable: bool = True


ALLOWED: dict[str, Format] = {
    "pdf": Format("PDF 文档"),
    "ofd": Format("OFD 版式文档"),
    "ceb": Format("CEB 版式文档", readable=False),
    "docx": Format("Word 文档（docx）"),
    "xlsx": Format("Excel 表格（xlsx）"),
    "xls": Format("Excel 97-2003 表格（xls）"),
    "csv": Format("CSV 表格"),
    "jpg": Format("JPEG 图片", readable=False),
    "jpeg": Format("JPEG 图片", readable=False),
    "png": Format("PNG 图片", readable=False),
}
ALLOWED_NAMES = "PDF、OFD、CEB、DOCX、XLSX、XLS、CSV、JPG、PNG"

_WEB = "网页和脚本在门户网站上会被浏览器执行（跨站脚本攻击），不能作为附件"
_REFUSED: dict[str, str] = {
    **{s: _WEB for s in ("html", "htm", "xhtml", "shtml", "svg", "svgz", "js", "mjs", "xml", "xsl", "swf", "php",
                         "asp", "aspx", "jsp")},
    **{s: "可执行程序和脚本不能公开" for s in ("exe", "com", "bat", "cmd", "msi", "dll", "scr", "ps1", "vbs", "sh",
                                       "jar", "apk", "py")},
    **{s: "压缩包里的文件无法逐一检查个人信息，请解压后逐个登记" for s in ("zip", "rar", "7z", "gz", "tgz", "tar", "bz2",
                                                            "xz", "cab", "iso")},
    **{s: "gongkai 不能可靠读取这种格式的全部文字（含页眉页脚、批注、修订记录），无法检查其中的个人信息；"
          "请另存为 docx、xlsx 或 PDF 后登记" for s in ("doc", "wps", "et", "dps", "ppt", "pptx", "rtf", "odt", "ods")},
}


def refusal(suffix: str) -> str | None:
    """Why a file with this extension may not be an attachment, or None when the format is allowed."""
    if suffix in ALLOWED:
        return None
    reason = _REFUSED.get(suffix, "")
    shown = f"「.{suffix}」" if suffix else "没有扩展名的文件"
    return f"{shown}不是允许公开的附件格式" + (f"：{reason}" if reason else "") + f"。允许的格式：{ALLOWED_NAMES}"


def mismatch(suffix: str, data: bytes) -> str | None:
    """Why *data* (the file, or its first HEAD_BYTES when its last TAIL_BYTES hold no ZIP_END) is not a file of format
    *suffix* (magic bytes, zip members, a zip archive on its end), or None when it is."""
    check = _CHECKS.get(suffix)
    if check is not None and not data:  # (an empty CSV decodes, as no rows: a download on the portal that is nothing)
        return "文件是空的（0 字节），可能是复制、下载或保存时没有完成"
    if check is None:
        return None
    return check(data) or (_hidden_zip(suffix, data) if suffix not in ZIP_FORMATS else None)


ZIP_FORMATS = frozenset({"docx", "xlsx", "ofd"})


def _hidden_zip(suffix: str, data: bytes) -> str | None:
    """A zip archive on the end of a file that is no zip (a PDF, an xls, a picture): readers show the document, and
    anyone who renames the download to .zip, or opens it with 7-Zip or WinRAR, gets the files the archive holds — a
    list of people zipped onto a notice's PDF, which no scan of the PDF reads."""
    count = zip_on_end(data)
    if not count:
        return None
    return (f"内容不是单纯的 {ALLOWED[suffix].name}：文件末尾还接着一个 zip 压缩包（{count} 个文件），"
            "把扩展名改为 .zip 或用解压软件就能打开其中的文件，gongkai 不检查其中的个人信息")


def zip_on_end(data: bytes) -> int:
    """How many files the zip archive that ends *data* holds, as zip tools find one there (0: none); a workbook that
    an xls or an OLE object embeds is a zip inside one of its streams, and counts as none."""
    if ZIP_END not in data[-TAIL_BYTES:]:
        return 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):  # bytes that only look like the record's signature
        return 0
    if infos and data.startswith(OLE2) and _in_stream(data, min(i.header_offset for i in infos)):
        return 0
    return len(infos)


def _in_stream(data: bytes, start: int) -> bool:
    """Whether byte *start* of the OLE2 compound file *data* lies in a sector its FAT gives to a stream (sector n
    begins at (n + 1) × the sector size, after the header): bytes on its end belong to no stream, none reads them."""
    import olefile

    try:
        with olefile.OleFileIO(data) as ole:
            index = start // ole.sectorsize - 1
            return bool(0 <= index < len(ole.fat) and ole.fat[index] != olefile.FREESECT)
    except (OSError, ValueError, IndexError, TypeError):  # (a damaged file: its reader says so)
        return False


def _pdf(data: bytes) -> str | None:
    start = data.find(b"%PDF-", 0, 1024)
    if start < 0:
        return "内容不是 PDF（文件开头没有 %PDF-）"
    # Readers skip what stands before %PDF-; a browser that sniffs the file would run a page hidden there.
    if b"<" in data[:start]:
        return "内容不是单纯的 PDF（%PDF- 之前藏有网页或脚本）"
    return None


def _zip_with(member: str, name: str) -> Callable[[bytes], str | None]:
    def check(data: bytes) -> str | None:
        if password_protected(data):
            return f"内容不是可读取的{name}（文件设了打开密码，已加密）"
        if not data.startswith(ZIP):
            return f"内容不是{name}（不是 zip 格式的文件）"
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return f"内容不是{name}（zip 结构已损坏）"
        return None if member in names else f"内容不是{name}（缺少 {member}）"
    return check


def _xls(data: bytes) -> str | None:
    if password_protected(data):  # (an xlsx with an opening password renamed .xls by WPS or a clerk)
        return "内容不是可读取的 Excel 97-2003 表格（文件设了打开密码，已加密）"
    return None if data.startswith(OLE2) else "内容不是 Excel 97-2003 表格（不是 OLE2 复合文档）"


def _jpeg(data: bytes) -> str | None:
    return None if data.startswith(b"\xff\xd8\xff") else "内容不是 JPEG 图片"


def _png(data: bytes) -> str | None:
    return None if data.startswith(b"\x89PNG\r\n\x1a\n") else "内容不是 PNG 图片"


def _csv(data: bytes) -> str | None:
    from gongkai.privacy.extract import decode_text

    text = decode_text(data)
    if text is None:
        return "内容不是文本表格（无法按 UTF-8、UTF-16 或 GB18030 解码，或含有二进制内容）"
    if text.lstrip()[:1] == "<":
        return "内容像网页（以 < 开头），不是 CSV 表格"
    return None


def _ceb(data: bytes) -> str | None:
    for signature, what in ((b"%PDF-", "PDF"), (ZIP, "zip 压缩包"), (b"MZ", "Windows 程序"), (OLE2, "Office 文档")):
        if data.startswith(signature):
            return f"内容是{what}，不是 CEB 文档"
    head = data[:512].lstrip().lower()
    return "内容是网页，不是 CEB 文档" if head.startswith((b"<", b"\xef\xbb\xbf<")) else None


_CHECKS = {
    "pdf": _pdf, "ofd": _zip_with("OFD.xml", " OFD 文档"), "docx": _zip_with("word/document.xml", " Word 文档"),
    "xlsx": _zip_with("xl/workbook.xml", " Excel 表格"), "xls": _xls, "csv": _csv, "jpg": _jpeg, "jpeg": _jpeg,
    "png": _png, "ceb": _ceb,
}
