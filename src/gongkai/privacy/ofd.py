"""An OFD page as a reader sees it: the text of its text objects laid out by where they stand.

OFD (GB/T 33190, the format of 公文) places every piece of text at a position of its own: a converter often writes a
line as many text objects, or one object per character, in any order. Read part by part, «138» and «00138000» in two
objects side by side are two texts; on the page they are one number. A piece stands where its object's matrix
(CTM) puts it, and each of its characters where the advances DeltaX give (a converter may store a line's characters
in any order and place them back right: 3 1 8 with advances 3 -6 shows 138). documents.py reads each part as stored
and, for a page holding text objects, this reading too (the PDF's is pypdf's layout mode: documents._page_texts).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from gongkai.privacy.markup import BOUNDARY

_HAS_TEXT = re.compile(r"<(?:\w+:)?TextObject\b")
LINE_TOLERANCE = 1.0  # mm: pieces whose baselines differ less stand on one line
# mm between one text object's box and the next on the line: closer, the reader sees one word (joined as it is);
# a gap of a few characters is a space; wider, the next column of a table (a boundary no number crosses).
TOUCHING = 3.0
SPACED = 8.0


def ofd_shown(xml: str) -> str | None:
    """The text of an OFD page part laid out line by line, left to right; None when it holds no text object (or an
    OFD reader could not open it either)."""
    if _HAS_TEXT.search(xml) is None:
        return None
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return None
    pieces: list[tuple[float, float, str, float]] = []  # (baseline, left, text, right edge of its object)
    for element in root.iter():
        if _local(element.tag) != "TextObject":
            continue
        left, top, width = _box(element.get("Boundary", ""))
        a, b, c, d, e, f = _matrix(element.get("CTM", ""))
        for code in element:
            if _local(code.tag) == "TextCode" and code.text:
                y = _number(code.get("Y"))
                for x, glyphs in _placed(code.text, _number(code.get("X")), code.get("DeltaX")):
                    pieces.append((top + b * x + d * y + f, left + a * x + c * y + e, glyphs, left + width))
    lines: list[list[tuple[float, float, str, float]]] = []
    for piece in sorted(pieces):
        if lines and piece[0] - lines[-1][0][0] < LINE_TOLERANCE:
            lines[-1].append(piece)
        else:
            lines.append([piece])
    return "\n".join(_line(sorted(line, key=lambda p: p[1])) for line in lines)


def _line(pieces: list[tuple[float, float, str, float]]) -> str:
    out: list[str] = []
    right: float | None = None
    for _, left, text, edge in pieces:
        if right is not None and left > right + TOUCHING:
            out.append(" " if left <= right + SPACED else BOUNDARY)
        out.append(text)
        right = edge if right is None else max(right, edge)
    return "".join(out)


def _placed(text: str, x: float, advances: str | None) -> list[tuple[float, str]]:
    """(x, characters) of a TextCode's text: where its DeltaX («3 3 g 4 2.5»: g N V is N advances of V) place its
    characters, one by one; the whole text at *x* without one. A character past the advances given follows the one
    before it."""
    if not advances:
        return [(x, text)]
    steps: list[float] = []
    tokens = advances.split()
    while tokens:
        token = tokens.pop(0)
        if token == "g" and len(tokens) >= 2:
            count, step = tokens.pop(0), tokens.pop(0)
            steps += [_number(step)] * min(int(_number(count)), len(text))
        else:
            steps.append(_number(token))
    placed = [(x, text[0])]
    for index, glyph in enumerate(text[1:]):
        if index < len(steps):
            x += steps[index]
            placed.append((x, glyph))
        else:
            placed[-1] = (placed[-1][0], placed[-1][1] + glyph)
    return placed


def _matrix(ctm: str) -> tuple[float, float, float, float, float, float]:
    """The six numbers of a CTM «a b c d e f» (x' = a·x + c·y + e, y' = b·x + d·y + f); none moves nothing."""
    parts = ctm.split()
    if len(parts) != 6:
        return 1.0, 0.0, 0.0, 1.0, 0.0, 0.0
    a, b, c, d, e, f = (_number(part) for part in parts)
    return a, b, c, d, e, f


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1]


def _box(boundary: str) -> tuple[float, float, float]:
    """(left, top, width) of a Boundary «x y w h»."""
    parts = boundary.split()
    return (_number(parts[0]), _number(parts[1]), _number(parts[2])) if len(parts) >= 3 else (0.0, 0.0, 0.0)


def _number(text: str | None) -> float:
    try:
        return float(text) if text else 0.0
    except ValueError:
        return 0.0
