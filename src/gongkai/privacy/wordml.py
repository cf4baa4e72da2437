"""A Word part as Word shows it (final view): what the part stores can read apart from what a reader sees.

- A symbol inserted through 插入 → 符号 is stored as its code, not as text: <w:sym w:font="Arial" w:char="0031"/>
  shows «1» (a symbol font's F031 shows its «1» too);
- hidden text (字体 → 隐藏, <w:vanish/>) between the runs of a number is not shown, nor is a hidden paragraph mark
  between two paragraphs: 138 ‹XYZ› 00138000 shows 13800138000 — hidden by the run's own properties or by its
  character or paragraph style (styles.xml: a style whose font is 隐藏, or based on one that is);
- tracked deletions (<w:del>, <w:moveFrom>) are not shown in the final view, and what stood around them meets — a
  deleted paragraph mark too (two lines joined with 修订 on: 电话138 ¶ 05951234 shows 电话13805951234);
- text a reader cannot see on the page — a font of 2 pt or less (<w:sz w:val="4"/>: a speck), white on the white page
  without a highlight or shading — is as good as hidden: 138 ‹XYZ in white› 05951234 reads 138 05951234;
- a text box (<w:txbxContent>, floating where its anchor puts it) and the phonetic guide of a ruby (<w:rt>, 拼音指南,
  above its base) are not on the line of the run that holds them: 138 ‹text box› 05951234 shows 13805951234, and the
  box's text is read apart;
- a formula field ({ = 13805951*1000+234 }) shows what it computes once Word updates it (on opening or printing):
  its result is read too, computed as a spreadsheet formula is (spreadsheet.formula_result) — and in its place, as
  Word shows it, between the text around it: 138{ QUOTE "0595" }1234, or eleven { SYMBOL 49 } fields, read whole.

documents.py reads every part as stored (deleted text included) and, where one of these is present, this reading
as well.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from gongkai.privacy.markup import BOUNDARY

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Only a part holding one of these can show otherwise than markup_text reads it.
_CHANGES_SHOWN = re.compile(r"<w:(?:sym|vanish|webHidden|specVanish|del|moveFrom|fldChar|txbxContent|rt)\b|w:instr="
                            r'|<w:sz w:val="[0-4](?:\.\d*)?"|<w:color w:val="[Ff]{6}"')
_STYLED = re.compile(r"<w:[rp]Style\b")
_NOT_SHOWN = frozenset({f"{_W}del", f"{_W}moveFrom"})
_ELSEWHERE = frozenset({f"{_W}txbxContent", f"{_W}rt"})  # shown apart from the line that holds them
_HIDDEN = (f"{_W}vanish", f"{_W}webHidden", f"{_W}specVanish")
# What Word shows for these elements, as markup_text reads them: a tab and a line break read on (138<tab/>0595<tab/>1234
# is one number, as 138, a tab, 0595… in a record's body is), a table cell or row ends a block.
_SHOWN_AS = {f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}tc": BOUNDARY,
             f"{_W}tr": BOUNDARY}


def word_shown(xml: str, hidden_styles: frozenset[str] = frozenset()) -> str | None:
    """The text of a WordprocessingML part as Word shows it (*hidden_styles*: the ids of the document's styles whose
    font is hidden, hidden_styles); None when it shows nothing else than it stores (or Word could not open it either).
    With fields, the part as Word shows it before and after it updates them, one after the other."""
    if _CHANGES_SHOWN.search(xml) is None and not (hidden_styles and _STYLED.search(xml)):
        return None
    try:
        root = ET.fromstring(xml)
    except ET.ParseError:
        return None
    codes = _field_codes(root)
    results = _formula_results(codes)
    known = any(field_shown(code) is not None for code in codes)  # (a table of contents, page numbers: none)
    readings = []
    for part in [root, *_detached(root)]:
        out: list[str] = []
        _walk(part, out, hidden_styles)
        readings.append("".join(out))
        if known:
            updated: list[str] = []
            _walk(part, updated, hidden_styles, [])
            readings.append("".join(updated))
    return BOUNDARY.join(readings) + "".join(BOUNDARY + result for result in results)


def _detached(root: ET.Element) -> list[ET.Element]:
    """The text boxes and ruby texts of a part, taken out of it: Word shows them apart from the line of their run."""
    parents = {child: parent for parent in root.iter() for child in parent}
    apart = [element for element in root.iter() if element.tag in _ELSEWHERE]
    for element in apart:
        parents[element].remove(element)
    return apart


def hidden_styles(styles_xml: str) -> frozenset[str]:
    """The ids of the styles of a styles part (word/styles.xml) whose font is hidden (字体 → 隐藏), themselves or
    through the style they are based on: a run or paragraph in one of them is not shown."""
    try:
        root = ET.fromstring(styles_xml)
    except ET.ParseError:
        return frozenset()
    hidden: dict[str, bool | None] = {}
    based: dict[str, str] = {}
    for style in root.iter(f"{_W}style"):
        name = style.get(f"{_W}styleId", "")
        hidden[name] = _hidden_mark(style.find(f"{_W}rPr"))
        parent = style.find(f"{_W}basedOn")
        if parent is not None:
            based[name] = parent.get(f"{_W}val", "")
    found = set()
    for name in hidden:
        seen, at = set(), name
        while hidden.get(at) is None and at in based and at not in seen:
            seen.add(at)
            at = based[at]
        if hidden.get(at):
            found.add(name)
    return frozenset(found)


def _formula_results(codes: list[str]) -> list[str]:
    """What the formula fields of a part (their *codes*, _field_codes) compute, and show through their numeric
    picture (\\# "0'1234'")."""
    results: list[str] = []
    for code in codes:
        value = _field_value(code)
        if value:
            results += [value, *_pictured(value, code)]
    return results


def field_codes(xml: str) -> list[str]:
    """The codes of the fields of a WordprocessingML part (none when Word could not open it either)."""
    try:
        return _field_codes(ET.fromstring(xml))
    except ET.ParseError:
        return []


def _field_codes(root: ET.Element) -> list[str]:
    """The codes of the fields of a part: a field's code may be split over runs (<w:instrText>), or be one attribute
    (<w:fldSimple w:instr=" = … ">)."""
    codes = [simple.get(f"{_W}instr", "") for simple in root.iter(f"{_W}fldSimple")]
    open_fields: list[list[str]] = []  # (a field inside another's code: the other's code goes on after it)
    for element in root.iter():
        if element.tag == f"{_W}fldChar":
            kind = element.get(f"{_W}fldCharType")
            if kind == "begin":
                open_fields.append([])
            elif kind == "end" and open_fields:
                codes.append("".join(open_fields.pop()))
        elif element.tag == f"{_W}instrText" and open_fields:
            open_fields[-1].append(element.text or "")
    return codes


_QUOTED_NUMBER = re.compile(r'\s*QUOTE\s+"?([-+]?\d+(?:\.\d+)?)"?\s*(?:\\|$)', re.IGNORECASE)
# A field showing literal text ({ QUOTE "0595" }) or one character ({ SYMBOL 49 }, { SYMBOL 0x31 \f "Arial" }).
_QUOTED = re.compile(r'\s*QUOTE\s+(?:"([^"]*)"|([^\s"\\]+))\s*(?:\\|$)', re.IGNORECASE)
_SYMBOL_FIELD = re.compile(r"\s*SYMBOL\s+(0x[0-9a-f]+|\d+)\b", re.IGNORECASE)
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


def field_shown(code: str) -> str | None:
    """What a field shows in its place once Word updates it, when gongkai knows (a formula, a QUOTE, a SYMBOL): the
    value through its numeric picture; None for any other field (its stored result is what it shows)."""
    symbol = _SYMBOL_FIELD.match(code)
    if symbol is not None:
        return _symbol(f"{int(symbol.group(1), 0):x}")
    value = _field_value(code)
    if value is None:
        quoted = _QUOTED.match(code)
        return None if quoted is None else quoted.group(1) if quoted.group(1) is not None else quoted.group(2)
    return next(iter(_pictured(value, code)), value)


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


@dataclass
class _Field:
    """A field being read: its code so far, where it begins in the text shown, whether its code has ended."""

    code: str
    begin: int
    separated: bool = False


def _walk(element: ET.Element, out: list[str], styles: frozenset[str], fields: list[_Field] | None = None,
          paragraph: bool = False) -> None:
    """The text of *element* as Word shows it into *out*; *fields* (a stack of the fields open) when the fields are
    read as updated, each field then showing what it computes instead of what it stores; *paragraph*: the
    element's paragraph has a hidden style."""
    tag = element.tag
    if tag in _NOT_SHOWN or (tag == f"{_W}r" and (_hidden(element.find(f"{_W}rPr"), styles, paragraph)
                                                  or _unseen(element.find(f"{_W}rPr")))):
        return
    if tag == f"{_W}p":
        paragraph = _hidden_paragraph_style(element.find(f"{_W}pPr"), styles)
    if fields is not None and _field_part(element, out, fields):
        return
    if tag in (f"{_W}t", f"{_W}delText"):  # (a field's code is not shown: its result is)
        out.append(element.text or "")
    elif tag == f"{_W}sym":
        out.append(_symbol(element.get(f"{_W}char", "")))
    for child in element:
        _walk(child, out, styles, fields, paragraph)
    if tag in _SHOWN_AS:
        out.append(_SHOWN_AS[tag])
    elif tag == f"{_W}p":
        properties = element.find(f"{_W}pPr")
        mark = properties.find(f"{_W}rPr") if properties is not None else None
        if not _hidden(mark, styles, paragraph) and not (mark is not None and any(mark.find(name) is not None
                                                                                   for name in _NOT_SHOWN)):
            out.append(BOUNDARY)  # a hidden or deleted paragraph mark joins the paragraph to the next


def _field_part(element: ET.Element, out: list[str], fields: list[_Field]) -> bool:
    """Read a field's part as Word shows it once it updates the field: True when *element* is read so (a simple
    field whose value is known: that value, not its stored result). A field whose value is known shows that alone,
    in its place: not what it stores, nor the fields inside its code."""
    tag = element.tag
    if tag == f"{_W}fldSimple":
        value = field_shown(element.get(f"{_W}instr", ""))
        if value is not None:
            out.append(value)
        return value is not None
    if tag == f"{_W}fldChar":
        kind = element.get(f"{_W}fldCharType")
        if kind == "begin":
            fields.append(_Field("", len(out)))
        elif kind == "separate" and fields:
            fields[-1].separated = True
        elif kind == "end" and fields:
            ended = fields.pop()
            value = field_shown(ended.code)
            if value is not None:
                del out[ended.begin:]
                out.append(value)
    elif tag == f"{_W}instrText" and fields and not fields[-1].separated:
        fields[-1].code += element.text or ""
    return False


def _hidden(properties: ET.Element | None, styles: frozenset[str] = frozenset(), paragraph: bool = False) -> bool:
    """Whether run properties hide their run: a hidden mark of their own decides, else their style's, else the
    paragraph's style."""
    mark = _hidden_mark(properties)
    if mark is not None:
        return mark
    style = properties.find(f"{_W}rStyle") if properties is not None else None
    return (style is not None and style.get(f"{_W}val", "") in styles) or paragraph


def _unseen(properties: ET.Element | None) -> bool:
    """Whether run properties make their text too small to see (2 pt and less) or white on the page (no highlight, no
    shading behind it)."""
    if properties is None:
        return False
    size = properties.find(f"{_W}sz")
    if size is not None and _size(size.get(f"{_W}val", "")) <= 4:  # (half-points)
        return True
    color = properties.find(f"{_W}color")
    return (color is not None and color.get(f"{_W}val", "").upper() == "FFFFFF"
            and properties.find(f"{_W}highlight") is None and properties.find(f"{_W}shd") is None)


def _size(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 24.0  # (Word's default, 12 pt)


def _hidden_mark(properties: ET.Element | None) -> bool | None:
    """True or False when run properties say whether their run is hidden, None when they do not say."""
    if properties is None:
        return None
    marks = [mark for name in _HIDDEN if (mark := properties.find(name)) is not None]
    if not marks:
        return None
    return any(mark.get(f"{_W}val", "true").lower() not in ("0", "false", "off") for mark in marks)


def _hidden_paragraph_style(properties: ET.Element | None, styles: frozenset[str]) -> bool:
    style = properties.find(f"{_W}pStyle") if properties is not None else None
    return style is not None and style.get(f"{_W}val", "") in styles


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
