"""Text hidden in base64 or hexadecimal bytes: a run a reader pastes into any decoder and reads a number from ("in any
form").

One decoding for everything that looks: the detector (detect.find reads what a run decodes to), its pre-filter
(normalize.may_hold_personal_data), the output scan and the masking of logs (mask.mask_text shows such a run as
stars). A run is read when it decodes — standard or URL-safe alphabet, padded or not, wrapped over lines as MIME and
PEM wrap it — to text in UTF-8, GB18030 or UTF-16, or to bytes whose printable ASCII is read (a picture's comment).
What only looks like base64 (a hex digest, a long word, a path, a URL) decodes to bytes that hold no number.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re
from collections.abc import Iterator

# Eleven bytes (a mobile number) take fifteen characters without padding: nothing shorter can hold a number.
MIN_RUN = 15
# A run of either alphabet (standard «+/», URL-safe «-_»), perhaps padded: one search finds none in nearly every text.
# (no look-behind: a greedy run starts where the one before ended, and «?tel=» or «base64,» may stand before it)
_RUN = re.compile(rf"[A-Za-z0-9+/_\-]{{{MIN_RUN},}}={{0,2}}")
_URL_ONLY = re.compile(r"[_\-]")
_STANDARD_ONLY = re.compile(r"[+/]")
_PIECES = re.compile(rf"[A-Za-z0-9+]{{{MIN_RUN},}}={{0,2}}")
# The next line of a wrapped run (MIME wraps at 76 characters, PEM at 64; a YAML block indents it).
_NEXT_LINE = re.compile(r"\r?\n[ \t]*([A-Za-z0-9+/]+={0,2})(?![A-Za-z0-9+/=])")
_WRAP_FROM = 16  # a line shorter than this is no line of a wrapped run
_URL_ALPHABET = str.maketrans("-_", "+/")
_UNPRINTABLE = re.compile(rb"[^\x20-\x7e]+")
_APART = b"\x00"  # what stands for the bytes between printable stretches: it joins no digits (normalize.SEPARATE)


BASE64, HEX = "base64 编码", "十六进制编码"  # what a run is encoded in, as a finding names it
# A run of hexadecimal digits, pairs of them each a byte (3133383035393531323334 is «13805951234», as hexlify, xxd -p
# and every hex dump write text): eleven bytes at least (a mobile), or the same with a space, colon or dash between the
# bytes (31 33 38 30 …, 31:33:38:…), or each byte written 0x31 as a program's array writes it (0x31, 0x33, …; 0x31
# 0x33 …): what a hex decoder (CyberChef's 「From Hex」) reads with any of these delimiters. (Bare bytes apart by
# commas are not read: a CSV row of ages 31,33,38,… is one.)
_HEX_RUN = re.compile(r"(?:[0-9A-Fa-f]{2}){11,}")
_HEX_BYTES = re.compile(r"(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{2}(?:([ :\-])[0-9A-Fa-f]{2})(?:\1[0-9A-Fa-f]{2}){9,}"
                        r"|0[xX][0-9A-Fa-f]{2}(?:\s*[,;]?\s*0[xX][0-9A-Fa-f]{2}){10,})(?![0-9A-Za-z])")
_BYTE_DIGITS = re.compile(r"([0-9A-Fa-f]{2})(?![0-9A-Za-z])")


def encoded_texts(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, decoded text, encoding) of every base64 or hexadecimal run in *text* that decodes; a run may give
    several readings.

    A text without fifteen letters, digits, «+/-_» in a row costs one search in C (the pre-filter's hot path)."""
    for start, end, run in _runs(text):
        for reading, encoding in _decoded(run):
            yield start, end, reading, encoding


def spaced_hex_texts(text: str) -> Iterator[tuple[int, int, str, str]]:
    """The same for hexadecimal bytes written apart (31 33 38 …): a text holding such a run holds twenty-two digits
    close together, which the pre-filter lets through, so only the full path looks for it."""
    for match in _HEX_BYTES.finditer(text):
        data = bytes.fromhex("".join(_BYTE_DIGITS.findall(match.group(0))))
        for reading in _readings(data) if _digit_bytes(data) else ():
            yield match.start(), match.end(), reading, HEX


@functools.lru_cache(maxsize=4096)  # the same runs come back record after record (files/2026/R2026…)
def _decoded(run: str) -> tuple[tuple[str, str], ...]:
    data = _decode(run)
    found = [] if data is None else [(reading, BASE64) for reading in _readings(data)]
    if len(run) % 2 == 0 and _HEX_RUN.fullmatch(run) is not None and _digit_bytes(hexed := bytes.fromhex(run)):
        found += [(reading, HEX) for reading in _readings(hexed)]
    return tuple(found)


def _digit_bytes(data: bytes) -> bool:
    """True when *data* holds eleven ASCII digits (in UTF-8, GBK or UTF-16 text alike): a checksum's random bytes
    seldom do, and need not be read as text (every page's digests made the output scan a fifth slower)."""
    return len(data) - len(data.translate(None, b"0123456789")) >= 11


def _runs(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, run without line breaks) of the runs in *text*: the whole run (standard and wrapped over lines, or
    URL-safe where «-» or «_» stands in it), and the pieces between «/», «-» and «_» — a path, an address or a name
    before the run is no part of it (files/2026/MTM4…, zwgk/MTM4…, tel-MTM4…)."""
    for match in _RUN.finditer(text):
        run = match.group(0)
        url_safe = _URL_ONLY.search(run) is not None
        if not url_safe:
            yield _wrapped(text, match.start(), run)
        elif _STANDARD_ONLY.search(run) is None:
            yield match.start(), match.end(), run.translate(_URL_ALPHABET)
        if url_safe or "/" in run:
            for piece in _PIECES.finditer(run):
                if piece.group(0) != run:
                    yield _wrapped(text, match.start() + piece.start(), piece.group(0))


def _wrapped(text: str, start: int, run: str) -> tuple[int, int, str]:
    """The run at *start*, with the lines that continue it when it fills its line as MIME and PEM wrap one."""
    end = start + len(run)
    while len(run) % 4 == 0 and "=" not in run and len(run) >= _WRAP_FROM:
        more = _NEXT_LINE.match(text, end)
        if more is None:
            break
        run, end = run + more.group(1), more.end()
    return start, end, run


def _decode(run: str) -> bytes | None:
    body = run.rstrip("=")
    if len(body) % 4 == 1:  # no encoder writes that
        return None
    try:
        return base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
    except (binascii.Error, ValueError):
        return None


def _readings(data: bytes) -> list[str]:
    """The texts a decoder shows for *data*: UTF-16 when every other byte is NUL, else UTF-8 or GB18030 (as files are
    written in China); bytes that are none of these, by their printable ASCII (a comment in a picture)."""
    readings = []
    if data.count(0) * 3 >= len(data):
        order = "utf-16-le" if data[1::2].count(0) >= data[0::2].count(0) else "utf-16-be"
        readings.append(data[: len(data) // 2 * 2].decode(order, errors="replace"))
    for encoding in ("utf-8", "gb18030"):
        try:
            return [*readings, data.decode(encoding)]
        except UnicodeDecodeError:
            continue
    return [*readings, _UNPRINTABLE.sub(_APART, data).decode("ascii")]
