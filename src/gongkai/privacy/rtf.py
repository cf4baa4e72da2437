"""The text of an RTF document as Word shows it: a Word document may carry one inside (an altChunk, as pasted from
another program), and Word shows it inline. RTF attachments themselves are refused (GK608); inside a docx, the raw
bytes do not show the number — control words and escapes split or hide its digits (138\\b 0013\\b0 8000,
\\'31\\'33\\'38…, \\u49?\\u51?…).

Read here: escapes (\\'hh in the document's code page, \\uN with its fallback skipped), control words dropped,
paragraph, line, cell and row ends and tabs as boundaries, and optional destinations ({\\*\\bkmkstart …}) left out.
Hidden text (\\v, 字体 → 隐藏) and a tracked deletion (\\deleted) are not shown: what stands around them meets
(138{\\v XYZ}05951234 shows 13805951234), so the text is read both with them and without. A field shows its
result in its place once Word updates it, as a Word field does (wordml.field_shown): 138{\\field{\\*\\fldinst QUOTE
"0595"}{\\fldrslt }}1234 shows 13805951234, so the text is read a third time so, where a field's value is known.
"""

from __future__ import annotations

import re

from gongkai.privacy.markup import BOUNDARY

_TOKEN = re.compile(rb"\\'([0-9a-fA-F]{2})|\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\([^a-zA-Z])|([{}])|([^\\{}]+)", re.DOTALL)
_APART = frozenset({b"par", b"line", b"cell", b"row", b"tab", b"sect", b"page", b"nestcell", b"nestrow"})
_SYMBOLS = {b"~": " ", b"-": "", b"_": "-", b"\\": "\\", b"{": "{", b"}": "}"}
_UNSEEN = frozenset({b"v", b"deleted"})  # character properties Word does not show the text of (hidden, deleted)


def is_rtf(data: bytes) -> bool:
    return data.lstrip()[:5] == b"{\\rtf"


def rtf_text(data: bytes) -> str:
    """The text *data* (an RTF document) holds; where some of it is hidden or deleted, then the text Word shows."""
    codec = _codec(data)
    out: list[str] = []
    unseen = [False]  # per group: its text is hidden or deleted
    shown: list[str] = []  # the text outside hidden or deleted text
    pending = bytearray()  # \\'hh bytes of a multi-byte character
    skip = 0  # fallback characters of a \\u still to skip
    fallback = [1]  # \\ucN per group
    hidden_depth: int | None = None  # the depth of an optional destination {\\* …} being left out
    depth = 0

    def put(text: str) -> None:
        out.append(text)
        if not unseen[-1]:
            shown.append(text)

    def flush() -> None:
        if pending:
            put(pending.decode(codec, errors="replace"))
            pending.clear()

    for match in _TOKEN.finditer(data):
        hexa, word, number, symbol, brace, text = match.groups()
        if brace == b"{":
            flush()
            depth += 1
            fallback.append(fallback[-1])
            unseen.append(unseen[-1])
            continue
        if brace == b"}":
            if hidden_depth is not None and depth == hidden_depth:
                hidden_depth = None
            depth -= 1
            flush()
            if len(fallback) > 1:
                fallback.pop()
                unseen.pop()
            continue
        if hidden_depth is not None:
            continue
        if symbol == b"*":
            hidden_depth = depth  # {\\* …}: a destination a reader that does not know it skips
            continue
        if hexa is not None:
            if skip:
                skip -= 1
                continue
            pending.append(int(hexa, 16))
            continue
        flush()
        if word is not None:
            if word == b"u" and number is not None:
                value = int(number)
                put(chr(value + 65536 if value < 0 else value) if -32768 <= value <= 0x10FFFF else "")
                skip = fallback[-1]
            elif word == b"uc" and number is not None:
                fallback[-1] = int(number)
            elif word in _UNSEEN:
                unseen[-1] = number != b"0"
            elif word == b"plain":
                unseen[-1] = False
            elif word in _APART:
                put(BOUNDARY)
            continue
        if symbol is not None:
            put(_SYMBOLS.get(symbol, ""))
            continue
        if text is not None:
            chunk = text.replace(b"\r", b"").replace(b"\n", b"")
            if skip:
                cut = min(skip, len(chunk))
                chunk, skip = chunk[cut:], skip - cut
            put(chunk.decode(codec, errors="replace"))
    flush()
    updated = _fields_updated(data)
    return ("".join(out) + (BOUNDARY + "".join(shown) if len(shown) < len(out) else "")
            + (BOUNDARY + rtf_text(updated) if updated is not None else ""))


_FIELD_CODE = re.compile(rb"\{\\\*\\fldinst\b ?")
_FIELD_RESULT = re.compile(rb"\s*\{\\fldrslt\b")


def _fields_updated(data: bytes) -> bytes | None:
    """*data* with each field whose value is known showing that value instead of its stored result ({\\*\\fldinst …}
    and {\\fldrslt …} replaced by it); None when no field's value is known."""
    from gongkai.privacy.wordml import field_shown

    out, at = bytearray(), 0
    for match in _FIELD_CODE.finditer(data):
        if match.start() < at:
            continue
        code_end = _group_end(data, match.start())
        value = field_shown(rtf_text(data[match.end():code_end - 1]))
        result = _FIELD_RESULT.match(data, code_end)
        if value is None:
            continue
        end = _group_end(data, result.end() - len(b"{\\fldrslt")) if result is not None else code_end
        out += data[at:match.start()] + "".join(f"\\u{ord(c)}?" for c in value).encode("ascii")
        at = end
    return bytes(out + data[at:]) if at else None


def _group_end(data: bytes, start: int) -> int:
    """Where the group opening at data[start] («{») ends, past its «}» (the end of *data* if it never does)."""
    depth, at = 0, start
    while at < len(data):
        byte = data[at]
        if byte == 0x5C:  # «\»: the next byte is escaped (\{, \}, \\) or begins a control word
            at += 2
            continue
        depth += (byte == 0x7B) - (byte == 0x7D)
        at += 1
        if depth == 0:
            return at
    return len(data)


def _codec(data: bytes) -> str:
    found = re.search(rb"\\ansicpg(\d+)", data[:4096])
    page = int(found.group(1)) if found else 1252
    return {936: "gb18030", 950: "big5", 65001: "utf-8", 1200: "utf-16-le"}.get(page, f"cp{page}")
