"""What a PDF file holds beyond what a reader reaches from its last revision, read straight from its bytes.

A viewer shows the objects the last trailer reaches. The file may hold more, which any text tool (strings, grep) or
a PDF tool that opens an earlier revision shows: the document properties, annotations and XMP metadata of an earlier
revision that an incremental update replaced, objects nothing refers to, comments (% …), names (/Tel13805951234), and
objects packed in compressed object streams. Every string (literal or hex, 8-bit, UTF-8 or UTF-16), name and comment
is read here: in the file, and in every stream that is not a picture or a font program, unpacked; a metadata stream
and any stream of XML (an XFA form's data) is read whole, as markup. Numbers of PDF syntax (offsets, coordinates,
widths) are not text and are never read, so a page's drawing never reads as a telephone number.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator

from gongkai.privacy.extract import Unreadable
from gongkai.privacy.markup import markup_text
from gongkai.privacy.normalize import SEPARATE
from gongkai.privacy.pictures import without_toolkit

MAX_UNPACKED = 256 * 1024 * 1024  # what the streams of one file may unpack to, together (a bomb is refused)
BOMB = "PDF 中的数据解压后过大（可能是压缩炸弹）；请用「另存为」或「打印为 PDF」重新导出后再登记"

_STREAM = re.compile(rb"\bstream(?:\r\n|\n|\r)")
_ENDSTREAM = b"endstream"
# (a dictionary holds at most this much before its stream: the object's header is looked for this far back)
_DICTIONARY_REACH = 8192
_OBJECT = re.compile(rb"\d+\s+\d+\s+obj\b")
# Streams that hold no text: pictures (their pixels), font programs, cross-reference tables (binary offsets).
_NOT_TEXT = re.compile(rb"/Subtype\s*/Image\b|/Length[123]\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)\b"
                       rb"|/Type\s*/XRef\b")
# Streams of XML text (XMP metadata: 作者, 标题, 说明 of this revision or an earlier one): read whole, as markup.
_XML = re.compile(rb"/Type\s*/Metadata\b|/Subtype\s*/XML\b")
# A stream whose data is an XML document, whatever its dictionary says: the packets of an XFA form (Adobe LiveCycle
# forms, filled in: <xfa:datasets …><tel>13805951234</tel>), which Acrobat shows in the form's fields and no PDF
# string holds. A content stream never opens so (a hex string <ABCD> has no «:» name and no xmlns).
_XML_DATA = re.compile(rb"(?:\xef\xbb\xbf)?\s*<(?:\?xml\b|[A-Za-z_][\w.-]*:[\w.-]+[\s>/]"
                       rb"|[A-Za-z_][\w.-]*\s[^<>]*\bxmlns\b)")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
# A literal string (two levels of parentheses inside; a deeper one is still found from its inner parenthesis), a hex
# string, a name, a comment.
_LITERAL = rb"\((?:[^()\\]|\\.|\((?:[^()\\]|\\.|\((?:[^()\\]|\\.)*\))*\))*\)"
_TOKEN = re.compile(_LITERAL + rb"|<[0-9A-Fa-f\s]+>|/[^\s/\[\]()<>{}%]+|%[^\r\n]*", re.DOTALL)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|\r\n|.)", re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f", b"\r\n": b"", b"\n": b"", b"\r": b""}
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def pdf_byte_texts(data: bytes) -> list[str]:
    """The strings, names and comments of *data* (a PDF), outside streams and in each stream that may hold text, each
    region's tokens joined by SEPARATE (which joins no digits); Unreadable when its streams unpack to too much."""
    outside: list[bytes] = []
    texts: list[str] = []
    budget = [MAX_UNPACKED]
    at = 0
    for start, end, dictionary in _streams(data):
        outside.append(data[at:start])
        at = end
        inside = _unpacked(dictionary, data[start:end], budget)
        if inside is not None:
            xml = _XML.search(dictionary) is not None or _XML_DATA.match(inside) is not None
            texts.append(markup_text(without_toolkit(inside.decode("utf-8", "replace"))) if xml else _tokens_text(inside))
    outside.append(data[at:])
    return [_tokens_text(b"\n".join(outside)), *(text for text in texts if text)]


def _streams(data: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(start, end, dictionary) of each stream's data: from after «stream» to «endstream» (or the end of the file)."""
    at = 0
    while (found := _STREAM.search(data, at)) is not None:
        start = found.end()
        end = data.find(_ENDSTREAM, start)
        end = len(data) if end < 0 else end
        head = data[max(0, found.start() - _DICTIONARY_REACH):found.start()]
        headers = list(_OBJECT.finditer(head))
        yield start, end, head[headers[-1].end():] if headers else head
        at = max(end, start)


def _unpacked(dictionary: bytes, raw: bytes, budget: list[int]) -> bytes | None:
    """A stream's data as its reader gets it: unfiltered, or undone filter by filter (FlateDecode, and the text
    encodings ASCIIHexDecode, ASCII85Decode and RunLengthDecode that any PDF tool undoes as well, alone or
    before FlateDecode, as older programs write an object stream; LZWDecode, as Acrobat 2 and 3 packed every stream);
    None for a picture, a font, a cross-reference stream or another filter (of pictures: DCT, JPX, CCITT, JBIG2)."""
    if _NOT_TEXT.search(dictionary) is not None:
        return None
    found = _FILTER.search(dictionary)
    filters = re.findall(rb"/([^\s/\[\]<>()]+)", found.group(1)) if found is not None else []
    if any(_DECODERS.get(name) is None for name in filters):
        return None
    data = raw
    for name in filters:
        data = _DECODERS[name](data, budget)
        budget[0] -= len(data)
        if budget[0] < 0:
            raise Unreadable(BOMB)
    return data


def _inflated(raw: bytes, budget: list[int]) -> bytes:
    inflater = zlib.decompressobj()
    try:
        unpacked = inflater.decompress(raw, budget[0] + 1)
    except zlib.error:  # (zlib keeps the input after the damage as unconsumed: that is no bomb)
        return _inflated_prefix(raw, budget[0])
    if inflater.unconsumed_tail:
        raise Unreadable(BOMB)
    return unpacked


def _undone(name: str) -> Callable[[bytes, list[int]], bytes]:
    """pypdf's decoder of the filter *name*; what it cannot decode (damaged data) is read as it stands."""

    def undo(data: bytes, budget: list[int]) -> bytes:
        from pypdf import filters

        try:
            return bytes(getattr(filters, name).decode(data))
        except Exception:  # noqa: BLE001 - damaged data: a tool shows it as it stands, and so is it read
            return data

    return undo


def _lzw(raw: bytes, budget: list[int]) -> bytes:
    """LZW data unpacked, stopped as soon as it passes what the file may still unpack to (its data may unpack some
    3,600 times over); damaged data is read as it stands, as a damaged Flate stream's prefix is."""
    from pypdf._codecs._codecs import LzwCodec
    from pypdf.errors import LimitReachedError

    try:
        return LzwCodec(max_output_length=max(budget[0], 0)).decode(raw)
    except LimitReachedError:
        raise Unreadable(BOMB) from None
    except Exception:  # noqa: BLE001 - damaged data: a tool shows it as it stands, and so is it read
        return raw


_ENCODINGS = {b"AHx": "ASCIIHexDecode", b"A85": "ASCII85Decode", b"RL": "RunLengthDecode"}
_DECODERS: dict[bytes, Callable[[bytes, list[int]], bytes]] = {
    b"FlateDecode": _inflated, b"Fl": _inflated, b"LZWDecode": _lzw, b"LZW": _lzw,
    **{key: _undone(name) for short, name in _ENCODINGS.items() for key in (short, name.encode())},
}


def _inflated_prefix(raw: bytes, most: int) -> bytes:
    """What a damaged stream gives before the damage, as a lenient reader takes it; Unreadable past *most* bytes."""
    inflater = zlib.decompressobj()
    out = b""
    for at in range(0, len(raw), 4096):
        chunk, before = raw[at:at + 4096], inflater.copy()
        try:
            out += inflater.decompress(chunk, most + 1 - len(out))
        except zlib.error:  # the damage is in this chunk: its bytes before it, one by one
            inflater = before
            for byte in range(len(chunk)):
                try:
                    out += inflater.decompress(chunk[byte:byte + 1], most + 1 - len(out))
                except zlib.error:
                    break
                if len(out) > most or inflater.unconsumed_tail:
                    raise Unreadable(BOMB) from None
            return out
        if len(out) > most or inflater.unconsumed_tail:
            raise Unreadable(BOMB)
    return out


def _tokens_text(data: bytes) -> str:
    """The strings, names and comments of *data* as text, joined by SEPARATE."""
    return SEPARATE.join(text for token in _TOKEN.finditer(data) if (text := _token_text(token.group())))


def _token_text(token: bytes) -> str:
    if token[:1] == b"(":
        return _string_text(_ESCAPE.sub(_unescape, token[1:-1]))
    if token[:1] == b"<":
        digits = re.sub(rb"\s", b"", token[1:-1])
        return _string_text(bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii")))
    if token[:1] == b"/":
        return _string_text(_NAME_ESCAPE.sub(lambda m: bytes.fromhex(m.group(1).decode("ascii")), token[1:]))
    return _string_text(token[1:])


def _unescape(match: re.Match[bytes]) -> bytes:
    """An escape of a literal string: octal digits are a byte; after another character (\\9, \\年) the backslash is
    ignored, as PDF readers do (a path written D:\\9月 in a property is no damage)."""
    escaped = match.group(1)
    if escaped[:1] in b"01234567":
        return bytes([int(escaped, 8) & 0xFF])
    return _ESCAPES.get(escaped, escaped)


def _string_text(raw: bytes) -> str:
    """A PDF string as a reader decodes it: UTF-16 after its byte order mark, UTF-8 after its own, else 8-bit — of the
    West (PDFDocEncoding, latin-1 to the digits), and of Chinese Windows, where Notepad and the tools of older 虚拟打印机
    read it (GB18030: 「１３８」 in full-width digits, A3B1 A3B3 A3B8, is no digit to latin-1), the two apart."""
    if raw[:2] in (b"\xfe\xff", b"\xff\xfe"):
        return raw[2:].decode("utf-16-be" if raw[:1] == b"\xfe" else "utf-16-le", errors="replace")
    if raw[:3] == b"\xef\xbb\xbf":
        return raw[3:].decode("utf-8", errors="replace")
    western = raw.decode("latin-1")
    return western if western.isascii() else western + SEPARATE + raw.decode("gb18030", errors="replace")
