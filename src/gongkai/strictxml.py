"""Excel's 「Strict Open XML 电子表格」 (.xlsx all the same) in the usual names of 「Excel 工作簿」.

openpyxl knows only the usual names (ECMA-376 transitional) and finds not one cell in a strict workbook: the import
read 「表格中没有找到任何事项行」, and the gate read a 名单 attached so as a workbook of empty sheets — no table with a
「姓名」 column, no list of people, published for good with no 公示期. Every reader of workbooks (the import, the
privacy scan, gongkai mask) reads a strict workbook through usual_names.
"""

from __future__ import annotations

import io
import zipfile

# Excel's 「Strict Open XML 电子表格」 (.xlsx too) names its XML otherwise than the usual 「Excel 工作簿」; openpyxl
# knows only the usual names and found not one cell in it. Each strict name and the usual one for it (ISO/IEC 29500).
STRICT = (
    (b"http://purl.oclc.org/ooxml/spreadsheetml/main", b"http://schemas.openxmlformats.org/spreadsheetml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/officeDocument/extendedProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/customProperties",
     b"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"),
    (b"http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes",
     b"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"),
    (b"http://purl.oclc.org/ooxml/drawingml/main", b"http://schemas.openxmlformats.org/drawingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"),
)


def is_strict(data: bytes) -> bool:
    """Whether the xlsx *data* is saved as 「Strict Open XML 电子表格」."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return STRICT[0][0] in archive.read("xl/workbook.xml")
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, EOFError, NotImplementedError):
        return False  # (a damaged workbook, or one without xl/workbook.xml: its reader says so)


def transitional(data: bytes) -> bytes:
    """The strict xlsx *data* with the usual names, as Excel would save it as 「Excel 工作簿」."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as archive, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as usual:
        for info in archive.infolist():
            part = archive.read(info)
            if info.filename.endswith((".xml", ".rels")):
                for strict_name, usual_name in STRICT:
                    part = part.replace(strict_name, usual_name)
            usual.writestr(info, part)
    return out.getvalue()


def usual_names(data: bytes) -> bytes:
    """*data* itself, or in the usual names when it is a strict workbook."""
    return transitional(data) if is_strict(data) else data
