"""Office files (xlsx, docx) as reproducible bytes: one fixed time in every zip entry and in the core properties.

openpyxl and python-docx stamp the save time into docProps/core.xml and every zip entry records the current time,
so the same workbook saved twice differs; builds and manifests must not.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.run import Run
from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles.cell_style import StyleArray

_STAMPED = re.compile(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*(</dcterms:(?:modified|created)>)")


def stable_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """*data* (a zip) rewritten with *stamp* as every entry's time and as the document's created/modified time."""
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    when = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    source, target = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            payload = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                payload = _STAMPED.sub(rb"\g<1>" + iso + rb"\g<2>", payload)
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(entry, payload)
    return target.getvalue()


FONT = "宋体"


def set_font(run: Run, size: float, bold: bool = False) -> None:
    """Give a Word run its size, weight and 宋体, in the East Asian slot too."""
    run.font.size, run.font.bold, run.font.name = Pt(size), bold, FONT
    # Word takes Chinese text's font from the East Asian slot, which python-docx does not set by itself.
    fonts = run._element.get_or_add_rPr().find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        run._element.get_or_add_rPr().append(fonts)
    fonts.set(qn("w:eastAsia"), FONT)


def add_line(document: Document, text: str, size: float, *, bold: bool = False,
             align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT) -> None:
    """Append a paragraph of one run of *text* to a Word document."""
    paragraph = document.add_paragraph()
    paragraph.alignment = align
    set_font(paragraph.add_run(text), size, bold)


# Word's core properties hold at most 255 characters each (python-docx refuses more): a longer title or name is cut
# there, with an ellipsis; the document's own text keeps it whole.
_PROPERTY_MOST = 255


def _property(text: str) -> str:
    return text if len(text) <= _PROPERTY_MOST else text[:_PROPERTY_MOST - 1] + "…"


def docx_bytes(document: Document, title: str, author: str, stamp: dt.datetime) -> bytes:
    """A Word document's bytes with *title*, *author* and *stamp* as its properties, byte-stable."""
    properties = document.core_properties
    title, author = _property(title), _property(author)
    properties.title, properties.author, properties.last_modified_by = title, author, author
    properties.created = properties.modified = stamp
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue(), stamp)


# Where openpyxl keeps the workbook-wide index of each kind of style in a cell's style array.
_STYLE_INDEX = {"font": "fontId", "alignment": "alignmentId", "border": "borderId"}


def style_cells(cells: list[Cell | MergedCell], **styles: Any) -> None:
    """Give every cell the same *styles* (font, alignment, border).

    The styles are set on the first cell, and their indices copied to the others: openpyxl hashes a style object on
    every assignment, which was most of the time of the county's review table and scorecard.
    """
    if not cells:
        return
    for name, value in styles.items():
        setattr(cells[0], name, value)
    indices = [(_STYLE_INDEX[name], getattr(cells[0]._style, _STYLE_INDEX[name])) for name in styles]
    for cell in cells[1:]:
        if not cell._style:  # a merged cell has none yet; openpyxl's own setter starts one the same way
            cell._style = StyleArray()
        for key, index in indices:
            setattr(cell._style, key, index)
