"""Office files (xlsx, docx) as reproducible bytes: one fixed time in every zip entry and in the core properties.

openpyxl and python-docx stamp the save time into docProps/core.xml and every zip entry records the current time,
so the same workbook saved twice differs; builds and manifests must not.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

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
