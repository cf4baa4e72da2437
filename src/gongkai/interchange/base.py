"""What an exported workbook says each item was when it was exported: the base of the round trip.

The table changes hands (export → the 政务公开办 edits it in Excel or WPS → import) while the clerk goes on editing the
YAML. Without the values as exported, an import cannot tell a cell the 政务公开办 changed from a cell still holding the
old value of a field the clerk has since changed in the file: it would write the old value back over the clerk's edit.
The export therefore records, per item, a short digest of every field as written (a custom document property, which
Excel and WPS keep when they save); import compares the file's value and the table's value with it (plan.py).
"""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import zlib
from typing import Any
from zipfile import BadZipFile, ZipFile

from openpyxl.packaging.custom import StringProperty

from gongkai.characters import lettered

# The fields in the order their digests are written; a field added later is appended (older exports lack it: no base).
FIELDS = ("编号", "领域", "五公开", "法定类别", "一级事项", "二级事项", "三级事项", "公开内容", "公开依据", "公开时限",
          "公开主体", "公开渠道", "其他渠道", "公开对象", "公开方式", "公开层级", "责任单位", "公开格式", "咨询电话",
          "备注", "栏目类型", "空白说明")
# Vocabulary lists whose order carries no meaning (the table prints them in a fixed order): compared as sets, here and
# by the import's diff (plan.py).
UNORDERED = frozenset({"公开渠道", "公开层级", "公开格式"})
PREFIX = "gongkai 导出时的值 "
_WIDTH = 6
_MOST = 64 * 1024 * 1024  # bytes of properties read: an export of 100,000 items writes about 25 MB


def digest(key: str, value: Any) -> str:
    """A field's value as a short fingerprint, the same for the value as exported and as read back from the table
    (a blank and an empty list are one; the unordered lists sorted). Letters only (a–p): no run of digits a privacy
    scan could take for a number."""
    if value is None or value == "" or value == []:
        canonical: Any = None
    elif isinstance(value, list):
        canonical = sorted(str.__str__(v) if isinstance(v, str) else json.dumps(v) for v in value) if key in UNORDERED \
            else [str.__str__(v) if isinstance(v, str) else json.dumps(v) for v in value]
    else:
        canonical = str.__str__(value) if isinstance(value, str) else json.dumps(value)
    hexed = hashlib.sha256(json.dumps(canonical, ensure_ascii=False).encode("utf-8")).hexdigest()[:_WIDTH]
    return lettered(hexed)


def properties(items: list[dict[str, Any]]) -> list[StringProperty]:
    """One custom document property per item (by 编号; an 编号 two files share gets none): its fields' digests."""
    counts: dict[str, int] = {}
    for values in items:
        counts[str(values.get("编号"))] = counts.get(str(values.get("编号")), 0) + 1
    made = []
    for values in sorted(items, key=lambda v: str(v.get("编号"))):
        item_id = str(values.get("编号") or "")
        if not item_id or counts[item_id] > 1:
            continue
        made.append(StringProperty(name=PREFIX + item_id, value=".".join(digest(k, values.get(k)) for k in FIELDS)))
    return made


_DIGEST = re.compile(rf"[a-p]{{{_WIDTH}}}")
_PROPERTY = re.compile(r"""<(?:\w+:)?property\b[^>]*\bname=["']([^"']*)["'][^>]*>\s*"""
                       r"<(?:\w+:)?lpwstr\b[^>]*>([^<]*)</(?:\w+:)?lpwstr>", re.S)


def read_base(data: bytes) -> dict[str, dict[str, str]]:
    """The digests an export recorded, by 编号 and field; empty for a workbook no export wrote (or whose properties
    were lost on the way): then import has no base and goes by the file and the table alone, as before."""
    try:
        with ZipFile(io.BytesIO(data)) as archive:
            if archive.getinfo("docProps/custom.xml").file_size > _MOST:
                return {}  # no export writes so much (a zip bomb): no base, rather than all memory
            text = archive.read("docProps/custom.xml").decode("utf-8", errors="replace")
    except (KeyError, BadZipFile, OSError, ValueError, EOFError, RuntimeError, NotImplementedError, zlib.error):
        return {}  # no properties, or a part that cannot be read (encrypted, truncated, unknown compression): no base
    base: dict[str, dict[str, str]] = {}
    for name, value in _PROPERTY.findall(text):
        name = html.unescape(name)
        if not name.startswith(PREFIX):
            continue
        parts = value.strip().split(".")
        base[name[len(PREFIX):]] = {k: v for k, v in zip(FIELDS, parts) if _DIGEST.fullmatch(v)}
    return base

