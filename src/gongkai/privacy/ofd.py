"""An OFD page as a reader sees it: the text of its text objects laid out by where they stand.

OFD (GB/T 33190, the format of 公文) places every piece of text at a position of its own: a converter often writes a
line as many text objects, or one object per character, in any order. Read part by part, «138» and «00138000» in two
objects side by side are two texts; on the page they are one number. documents.py reads each part as stored and,
for a page holding text objects, this reading too (the PDF's is pypdf's layout mode: documents._page_texts).
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
        for code in element:
            if _local(code.tag) == "TextCode" and code.text:
                pieces.append((top + _number(code.get("Y")), left + _number(code.get("X")), code.text, left + width))
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
