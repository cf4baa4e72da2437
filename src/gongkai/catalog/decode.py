"""Bytes to text as Windows users save them: UTF-8 with or without BOM, CRLF. GBK and UTF-16/32 (Notepad's
「ANSI」 and 「Unicode」) are recognised, named and refused with how to re-save them; `gongkai fmt` converts them."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from gongkai.catalog import invisible

MAX_FILE_BYTES = 2_000_000
BOM = codecs.BOM_UTF8


@dataclass(frozen=True)
class DecodeProblem:
    """Why the bytes are not usable text, with the position of the first bad byte."""

    code: str
    message: str
    hint: str
    line: int
    column: int


@dataclass(frozen=True)
class Wide:
    """A UTF-16 or UTF-32 encoding: its codec, its name, and what Windows programs call it."""

    codec: str
    name: str
    notepad: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} 编码（记事本「另存为」时编码选了「{self.notepad}」）" if self.notepad else f"{self.name} 编码"


RESAVE_HINT = (
    "用记事本打开该文件，选择「文件 → 另存为」，在「编码」中选「UTF-8」后保存；"
    "或运行 gongkai fmt 自动转换为 UTF-8。"
)
# Bytes no encoding reads: neither 「另存为」 nor gongkai fmt can convert them, so neither is offered.
NOT_TEXT_HINT = "目录里只能放 YAML 文本：误放的文件请删除；若是从别处复制来的一段文字，把所指的这一行删去后重新输入。"
MIXED_HINT = ("用记事本打开该文件，把所指的这一行删去后重新输入（或从原处重新复制），再以 UTF-8 保存：两种编码混在一个文件里，"
              "记事本「另存为」和 gongkai fmt 都无法自动转换。")
STRAY_HINT = ("用记事本打开该文件，在所指的位置删去显示为乱码或 � 的字符，把那个字重新输入，再以 UTF-8 保存；"
              "gongkai fmt 无法自动改正。")
# With their BOMs, longest first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_WIDE: tuple[tuple[bytes, Wide], ...] = (
    (codecs.BOM_UTF32_LE, Wide("utf-32-le", "UTF-32 LE")),
    (codecs.BOM_UTF32_BE, Wide("utf-32-be", "UTF-32 BE")),
    (codecs.BOM_UTF16_LE, Wide("utf-16-le", "UTF-16 LE", "Unicode")),
    (codecs.BOM_UTF16_BE, Wide("utf-16-be", "UTF-16 BE", "Unicode big endian")),
)
_SNIFF_BYTES = 4096


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column of byte *offset* as Notepad counts them: a character is one column in the encoding the line
    is written in (UTF-8, else GBK: 「公」 is two bytes of GBK, one column, not two replacement characters)."""
    before = data[:offset]
    line = before.count(b"\n") + 1
    start = before.rfind(b"\n") + 1
    return line, len(_line_text(before[start:])) + 1


def _line_text(data: bytes) -> str:
    """The bytes of (part of) one line as text: UTF-8, else GB18030, else UTF-8 with a replacement character for
    each byte neither reads."""
    for codec in ("utf-8", "gb18030"):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            pass
    return data.decode("utf-8", errors="replace")


def wide_encoding(data: bytes) -> tuple[Wide, int] | None:
    """(encoding, BOM length) of UTF-16/32 bytes, by BOM or by where the NUL bytes fall; None for other bytes."""
    for bom, wide in _WIDE:
        if data.startswith(bom):  # and what follows reads as text in it: FF FE before UTF-8 text is no UTF-16 file
            return (wide, len(bom)) if _reads_as(data[len(bom):], wide.codec) else None
    if b"\x00" not in data[:_SNIFF_BYTES]:
        return None
    return next(((wide, 0) for _, wide in _WIDE if _looks_like(data, wide.codec)), None)


def _looks_like(data: bytes, codec: str) -> bool:
    """Text in *codec* whose ASCII characters (keys' colons, spaces, ids) put NULs in the codec's places."""
    unit = 4 if "32" in codec else 2
    if len(data) % unit:
        return False
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return False
    return "\n" in text and _ascii_share(text)


def _reads_as(data: bytes, codec: str) -> bool:
    """False when *data* (after a BOM of *codec*) is plainly UTF-8 text instead: it decodes as UTF-8, holds characters
    beyond ASCII and no NUL (which UTF-16 and UTF-32 put beside every ASCII character). Converting such bytes as
    UTF-16 turns the whole file into other characters."""
    return b"\x00" in data or data.isascii() or not _is_utf8(data)


def _ascii_share(text: str) -> bool:
    """A fifth or more of the first 2,000 characters are printable ASCII or line ends."""
    ascii_share = sum(1 for c in text[:2000] if " " <= c < "\x7f" or c in "\n\r")
    return ascii_share * 5 >= min(len(text), 2000)


def display_text(data: bytes) -> str:
    """The best reading of *data* for showing a line to a person, whatever its encoding (never fails)."""
    wide = wide_encoding(data)
    if wide is not None:
        text = data[wide[1]:].decode(wide[0].codec, errors="replace")
    else:
        if data.startswith(BOM):
            data = data[len(BOM):]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:  # each line as it was written: a GBK file, or a UTF-8 one with a stray byte
            text = "\n".join(_line_shown(line) for line in data.split(b"\n"))
    # lines as decode() numbers them (a lone CR ends a line too), invisible characters made visible
    return invisible.shown(text.replace("\r\n", "\n").replace("\r", "\n"))


def _line_shown(line: bytes) -> str:
    """One line of a file that is not all UTF-8, for showing: a UTF-8 line with a stray byte (a lone surrogate, a
    character cut in half) as UTF-8 with � for the bad bytes, not as GBK mojibake; a GBK line as GBK."""
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    loose = line.decode("utf-8", errors="replace")
    return loose if _stray_bytes(loose) else line.decode("gb18030", errors="replace")


def _stray_bytes(loose: str) -> bool:
    """True when a line read as UTF-8 with replacement (*loose*) is UTF-8 text with a few bad bytes (half a character
    cut off, a lone surrogate, a stray BOM of another encoding): at least as many characters read well as not. A GBK
    line read so is mostly �."""
    bad = loose.count("\ufffd")
    good = sum(1 for c in loose if not c.isascii() and c != "\ufffd")
    return good >= bad and good > 0


def any_text(data: bytes) -> tuple[str | None, str | None]:
    """(text, the encoding it was converted from) of UTF-8, UTF-16/32 or GBK bytes; (None, None) when none fits."""
    wide = wide_encoding(data)
    if wide is not None:
        try:
            return data[wide[1]:].decode(wide[0].codec), wide[0].name
        except UnicodeDecodeError:
            return None, None
    if data.startswith(BOM):
        data = data[len(BOM):]
    if b"\x00" in data:  # binary content (GK003): no encoding makes it a catalog file
        return None, None
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if _stray_bytes(data.decode("utf-8", errors="replace")):  # UTF-8 with a few bad bytes: as GBK, every 字 garbles
        return None, None
    try:
        return data.decode("gb18030"), "GBK/GB18030"
    except UnicodeDecodeError:
        return None, None


def decode(data: bytes) -> tuple[str | None, DecodeProblem | None]:
    """Decode catalog file bytes to text with LF line ends and no invisible characters, or say why that is
    impossible."""
    text, problem = decode_raw(data)
    return (invisible.remove(text) if text is not None else None), problem


def decode_raw(data: bytes) -> tuple[str | None, DecodeProblem | None]:
    """decode(), the invisible characters left in (for invisible.find() to say where they were)."""
    if len(data) > MAX_FILE_BYTES:
        return None, DecodeProblem(
            "GK008", f"文件过大（{len(data) // 1024} KB），超过 {MAX_FILE_BYTES // 1000} KB 的上限",
            "一个文件只写一个事项或一条信息；大段正文请放到附件中。", 1, 1,
        )
    wide = wide_encoding(data)
    if wide is not None:
        return None, DecodeProblem(
            "GK010", f"文件是 {wide[0].label}，gongkai 只读 UTF-8", RESAVE_HINT, 1, 1,
        )
    if data.startswith(BOM):
        data = data[len(BOM):]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _position(data, nul)
        return None, DecodeProblem(
            "GK003", "文件含有二进制内容（空字节），不是文本文件",
            "目录里只能放 YAML 文本；若是误存的文件请删除，或用记事本重新保存为 UTF-8 文本。", line, column,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, _not_utf8(data, exc)
    return text.replace("\r\n", "\n").replace("\r", "\n"), None


def _not_utf8(data: bytes, exc: UnicodeDecodeError) -> DecodeProblem:
    line, column = _position(data, exc.start)
    # Mostly UTF-8 (more characters read well than not) is no GBK file, even when its bytes happen to read as GBK: a
    # short file with half a character cut off often does, and converting it (gongkai fmt) would garble every 字.
    mostly_utf8 = _stray_bytes(data.decode("utf-8", errors="replace"))
    if mostly_utf8 or not _is_gbk(data):
        bad_line = data[data.rfind(b"\n", 0, exc.start) + 1:].split(b"\n", 1)[0]
        if mostly_utf8 and _stray_bytes(bad_line.decode("utf-8", errors="replace")):
            return DecodeProblem("GK003", "这一行中间有不是 UTF-8 的字节（显示为 �；多是复制时截断了半个字，或别的程序写坏了）",
                                 STRAY_HINT, line, column)
        if any(not part.isascii() and _is_utf8(part) for part in data.split(b"\n")):
            return DecodeProblem("GK003", "文件其他各行是 UTF-8，这一行却不是（多是从 GBK 保存的文件或网页复制来的一段文字）",
                                 MIXED_HINT, line, column)
        return DecodeProblem("GK003", "文件不是 UTF-8 编码的文本，含有无法识别的字节", NOT_TEXT_HINT, line, column)
    return DecodeProblem(
        "GK002", "文件是 GBK/GB18030 编码（Windows 记事本的「ANSI」），gongkai 只读 UTF-8", RESAVE_HINT, line, column,
    )


def _is_gbk(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
