"""`gongkai export xlsx` over a workbook edited since it was exported keeps the edits (exit 2), unless --yes.

Found this session: the round trip is export → edit in Excel → import. A clerk who ran export again before importing
(or exported onto the county's own table of the same name) had the edited workbook replaced without a word. Now an
export recognises its own file by the fixed time it stamps (2020-01-01T00:00:00Z, for byte-identical exports) and
refuses to replace a workbook Excel or WPS saved since (they stamp the time and the person), or a file that was never
an export; it names who saved it and when (Beijing time), and says to import first or add --yes.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

EXCEL_CORE = ('<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
              'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>测试县民政局</dc:creator>'
              '<cp:lastModifiedBy>林雅娟</cp:lastModifiedBy>'
              '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-04T01:30:00Z</dcterms:modified>'
              '</cp:coreProperties>')


def _saved_by_excel(path: Path) -> bytes:
    """*path* as Excel leaves it after a save: the same parts, its core properties stamped with the time and the
    person (01:30 UTC is 09:30 in Beijing)."""
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    parts["docProps/core.xml"] = EXCEL_CORE.encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)
    return path.read_bytes()


def test_an_export_replaces_its_own_earlier_export(gk, cat, tmp_path):
    out = tmp_path / "目录.xlsx"
    assert gk("export", "xlsx", "-C", cat.root, "-o", out).code == 0
    first = out.read_bytes()
    assert gk("export", "xlsx", "-C", cat.root, "-o", out).code == 0
    assert out.read_bytes() == first  # the same catalog: the same bytes


def test_a_workbook_saved_in_excel_since_is_kept(gk, cat, tmp_path):
    out = tmp_path / "目录.xlsx"
    assert gk("export", "xlsx", "-C", cat.root, "-o", out).code == 0
    edited = _saved_by_excel(out)
    run = gk("export", "xlsx", "-C", cat.root, "-o", out)
    assert run.code == 2 and out.read_bytes() == edited
    assert "由「林雅娟」于 2026-12-04 09:30 保存过" in run.err and "gongkai import xlsx" in run.err and "--yes" in run.err
    again = gk("export", "xlsx", "-C", cat.root, "-o", out, "--yes")
    assert again.code == 0 and out.read_bytes() != edited


@pytest.mark.parametrize("content", [b"PK\x03\x04 not a workbook", "县政务公开办下发的表格".encode()])
def test_a_file_that_was_never_an_export_is_kept(gk, cat, tmp_path, content):
    out = tmp_path / "标准目录.xlsx"
    out.write_bytes(content)
    run = gk("export", "xlsx", "-C", cat.root, "-o", out)
    assert run.code == 2 and "不是 gongkai 导出的表格" in run.err and out.read_bytes() == content
