"""A Word part as Word shows it (final view): what the part stores can read apart from what a reader sees.

- A symbol inserted through 插入 → 符号 is stored as its code, not as text: <w:sym w:font="Arial" w:char="0031"/>
  shows «1» (a symbol font's F031 shows its «1» too);
- hidden text (字体 → 隐藏, <w:vanish/>) between the runs of a number is not shown, nor is a hidden paragraph mark
  between two paragraphs: 138 ‹XYZ› 00138000 shows 13800138000;
- tracked deletions (<w:del>, <w:moveFrom>) are not shown in the final view, and what stood around them meets;
- a formula field ({ = 13805951*1000+234 }) shows what it computes once Word updates it (on opening or printing):
  its result is read too, computed as a spreadsheet formula is (spreadsheet.formula_result).

documents.py reads every part as stored (deleted text included) and, where one of these is present, this reading
as well.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from gongkai.privacy.markup import BOUNDARY

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Only a part holding one of these can show otherwise than markup_text reads it.
_CHANGES_SHOWN = re.compile(r"<w:(?:sym|vanish|webHidden|specVanish|del|moveFrom|fldChar)\b|w:instr=")
_NOT_SHOWN = frozenset({f"{_W}del", f"{_W}moveFrom"})
_HIDDEN = (f"{_W}vanish", f"{_W}webHidden", f"{_W}specVanish")
# What Word shows for these elements, as markup_text reads them: a tab and a line break read on (138<tab/>0595<tab/>1234
# is one number, as 138, a tab, 0595… in a record's body is), a table cell or row ends a block.
_SHOWN_AS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}tc": BOUNDARY,
             f"{_W}tr": BOUNDARY}


def word_shown(xml: str) -> str | None:
    """The text of a WordprocessingML part as Word shows it; None when it shows nothing else than it stores (or Word
    could not open it either)."""
    if _CHANGES_SHOWN.search(xml) is None:
        return None
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return None
    out: list[str] = []
    _walk(root, out)
    return "".join(out) + "".join(BOUNDARY + result for result in _formula_results(root))


def _formula_results(root: ET.Element) -> list[str]:
    """What the formula fields of a part compute, and show through their numeric picture (\\# "0'1234'"): a field's
    code may be split over runs (<w:instrText>), or be one attribute (<w:fldSimple w:instr=" = … ">)."""
    codes = [simple.get(f"{_W}instr", "") for simple in root.iter(f"{_W}fldSimple")]
    current: list[str] | None = None
    for element in root.iter():
        if element.tag == f"{_W}fldChar":
            kind = element.get(f"{_W}fldCharType")
            if kind == "begin":
                current = []
            elif current is not None:
                codes.append("".join(current))
                current = None
        elif element.tag == f"{_W}instrText" and current is not None:
            current.append(element.text or "")
    results: list[str] = []
    for code in codes:
        value = _field_value(code)
        if value:
            results += [value, *_pictured(value, code)]
    return results


_QUOTED_NUMBER = re.compile(r'\s*QUOTE\s+"?([-+]?\d+(?:\.\d+)?)"?\s*(?:\\|$)', re.IGNORECASE)
# A numeric picture switch: \# "0'1234'" — digit placeholders (0 #), and text of its own, quoted '…' or bare.
_PICTURE = re.compile(r'\\#\s*(?:"([^"]*)"|(\S+))')


def _field_value(code: str) -> str | None:
    """What a formula field ({ = 13805951*1000+234 }) computes, or the number a QUOTE field gives, before its
    switches; None for any other field."""
    from gongkai.privacy.spreadsheet import formula_result

    if code.strip().startswith("="):
        return formula_result(code.split("\\", 1)[0])
    quoted = _QUOTED_NUMBER.match(code)
    return quoted.group(1) if quoted is not None else None


def _pictured(value: str, code: str) -> list[str]:
    """*value* shown through the field's numeric picture switch when the picture shows digits of its own:
    { = 1380595 \\# "0'1234'" } shows 13805951234. The picture is read as a spreadsheet number format ('…' as "…")."""
    from gongkai.privacy.spreadsheet import format_readings

    picture = _PICTURE.search(code)
    if picture is None or not re.fullmatch(r"[-+]?\d+(?:\.\d+)?", value):
        return []
    text = picture.group(1) if picture.group(1) is not None else picture.group(2)
    number = float(value) if "." in value else int(value)
    return format_readings(number, re.sub(r"'([^']*)'", r'"\1"', text))


def _walk(element: ET.Element, out: list[str]) -> None:
    tag = element.tag
    if tag in _NOT_SHOWN or (tag == f"{_W}r" and _hidden(element.find(f"{_W}rPr"))):
        return
    if tag in (f"{_W}t", f"{_W}delText"):  # (a field's code is not shown: its result is)
        out.append(element.text or "")
    elif tag == f"{_W}sym":
        out.append(_symbol(element.get(f"{_W}char", "")))
    for child in element:
        _walk(child, out)
    if tag in _SHOWN_AS:
        out.append(_SHOWN_AS[tag])
    elif tag == f"{_W}p":
        properties = element.find(f"{_W}pPr")
        if not _hidden(properties.find(f"{_W}rPr") if properties is not None else None):
            out.append(BOUNDARY)  # a hidden paragraph mark joins the paragraph to the next


def _hidden(properties: ET.Element | None) -> bool:
    if properties is None:
        return False
    return any((mark := properties.find(name)) is not None and mark.get(f"{_W}val", "true").lower() not in
               ("0", "false", "off") for name in _HIDDEN)


def _symbol(code: str) -> str:
    """The character a w:sym shows: its code, a symbol font's private-use F0xx read as xx."""
    try:
        value = int(code, 16)
    except ValueError:
        return ""
    value = value - 0xF000 if 0xF000 <= value <= 0xF0FF else value
    return chr(value) if 0 < value <= 0x10FFFF else ""


def word_tables(xml: str) -> list[list[list[str]]]:
    """The tables of a WordprocessingML part, each as rows of cell texts (a nested table's cells inside its cell's
    text): a list of people in a Word document is a list of people as it is in a spreadsheet."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return []
    tables = []
    for table in root.iter(f"{_W}tbl"):
        rows = [["".join(t.text or "" for t in cell.iter(f"{_W}t")).strip() for cell in row.findall(f"{_W}tc")]
                for row in table.findall(f"{_W}tr")]
        if rows:
            tables.append(rows)
    return tables
