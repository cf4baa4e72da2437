"""Attachments from the user's side: paths, links, formats and content are errors in validate at the 附件 entry,
the record is blocked, and nothing refused reaches the site or the handover bags."""

from __future__ import annotations

import gzip
import io
import json
import os
import zipfile
from pathlib import Path

import pytest

from conftest import RECORD, CatalogDir, docx, text_pdf

ATTACHED = RECORD.replace("正文: |", "附件:\n  - 文件: '{path}'\n    名称: 附件一\n正文: |")
FILE_LINE = next(n for n, line in enumerate(ATTACHED.splitlines(), 1) if "- 文件:" in line)
SECRET = b"root:x:0:0:secret-outside-the-catalog"


def diagnostics(gk, root: Path) -> list[dict]:
    run = gk("validate", root, "--format", "json")
    assert run.code in (0, 1), run.err
    return json.loads(run.out)["diagnostics"]


def everything_written(folder: Path) -> bytes:
    """Every byte under *folder*, zip members and gzip contents unpacked."""
    chunks = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            chunks.append(unpacked(path.read_bytes()))
    return b"\n".join(chunks)


def unpacked(data: bytes) -> bytes:
    if data[:2] == b"\x1f\x8b":
        return data + unpacked(gzip.decompress(data))
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return data + b"".join(unpacked(archive.read(n)) for n in archive.namelist())
    return data


def publish(gk, root: Path, tmp_path: Path) -> tuple[bytes, str]:
    """Build the site and a handover; (every byte written, every line printed)."""
    site, bags = tmp_path / "site", tmp_path / "bags"
    runs = [gk("build-site", root, "--out", site, "--no-search"),
            gk("handover", "--date", "2026-10-09", "--force", "--allow-incomplete", "-C", root, "--out", bags)]
    printed = "".join(r.out + r.err for r in runs)
    written = b"".join(everything_written(f) for f in (site, bags) if f.exists())
    return written, printed


@pytest.fixture
def outside(cat: CatalogDir) -> Path:
    target = cat.root.parent / "outside.pdf"
    target.write_bytes(text_pdf("outside") + SECRET)
    (cat.root / "files/2026").mkdir(parents=True, exist_ok=True)
    cat.write("files/2026/real.pdf", text_pdf("real document"))
    return target


@pytest.mark.parametrize(("path", "setup", "code", "words"), [
    ("files/2026/x.pdf", "link-outside", "GK606", "符号链接"),
    ("files/2026/x.pdf", "link-inside", "GK606", "符号链接"),
    ("files/linked/real.pdf", "linked-folder", "GK606", "符号链接"),
    ("../outside.pdf", "", "GK606", ".."),
    ("files/../../outside.pdf", "", "GK606", ".."),
    ("/etc/passwd", "", "GK606", "绝对路径"),
    ("files\\2026\\real.pdf", "", "GK606", "反斜杠"),
    ("records/2026/R2026-001.yaml", "", "GK606", "files/"),
    ("files/2026", "", "GK607", "文件夹"),
    ("files/2026/missing.pdf", "", "GK607", "不存在"),
])
def test_unsafe_or_missing_attachment_is_an_error_at_its_line_and_never_published(
        gk, cat, outside, tmp_path, path, setup, code, words):
    if setup == "link-outside":
        os.symlink(outside, cat.root / "files/2026/x.pdf")
    elif setup == "link-inside":
        os.symlink(cat.root / "files/2026/real.pdf", cat.root / "files/2026/x.pdf")
    elif setup == "linked-folder":
        os.symlink(cat.root / "files/2026", cat.root / "files/linked")
    cat.record(ATTACHED.replace("{path}", path))
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == code]
    assert [(d["path"], d["line"], d["severity"]) for d in found] == [("records/2026/R2026-001.yaml", FILE_LINE, "error")]
    assert words in found[0]["message"]
    if code == "GK607":
        assert "不在" not in found[0]["message"] or "文件夹" in words  # missing is not called "outside files/"
    assert gk("validate", cat.root).code == 1
    written, printed = publish(gk, cat.root, tmp_path)
    assert SECRET not in written and b"real document" not in written
    assert "Traceback" not in printed
    assert not (tmp_path / "site/records/R2026-001.html").exists()


def test_missing_and_outside_are_told_apart(gk, cat):
    cat.record(ATTACHED.replace("{path}", "files/2026/missing.pdf"))
    [missing] = [d for d in diagnostics(gk, cat.root) if d["code"].startswith("GK60")]
    cat.record(ATTACHED.replace("{path}", "../missing.pdf"))
    [outside] = [d for d in diagnostics(gk, cat.root) if d["code"].startswith("GK60")]
    assert (missing["code"], outside["code"]) == ("GK607", "GK606")
    assert "不存在" in missing["message"] and "files/" not in missing["message"].split("」", 1)[1]


@pytest.mark.parametrize(("name", "content", "code", "words"), [
    ("list.html", b"<html><script>alert(1)</script></html>", "GK608", "跨站脚本"),
    ("logo.svg", b"<svg onload='alert(1)'/>", "GK608", "跨站脚本"),
    ("app.js", b"alert(1)", "GK608", "跨站脚本"),
    ("setup.exe", b"MZ\x90\x00", "GK608", "可执行"),
    ("all.zip", b"PK\x03\x04", "GK608", "压缩包"),
    ("list.7z", b"7z\xbc\xaf", "GK608", "压缩包"),
    ("notice.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "GK608", "docx"),
    ("notice.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "GK608", "docx"),
    ("notes.txt", "说明".encode(), "GK608", "允许的格式"),
    ("notice.pdf", b"<html><script>alert(1)</script></html>", "GK609", "%PDF-"),
    ("photo.png", b"<svg onload='alert(1)'/>", "GK609", "PNG"),
    ("photo.jpg", b"GIF89a", "GK609", "JPEG"),
    ("list.xlsx", b"PK\x03\x04not really a zip", "GK609", "zip"),
    ("notice.docx", "EMPTY_ZIP", "GK609", "word/document.xml"),
    ("list.xls", b"<table><tr><td>1</td></tr></table>", "GK609", "OLE2"),
    ("list.csv", b"<script>alert(1)</script>", "GK609", "网页"),
    ("list.csv", b"\x81\x30\xff\xfe\x00\x00\x00garbage\xff", "GK609", "解码"),
    ("notice.ofd", b"%PDF-1.4", "GK609", "zip"),
])
def test_refused_formats_and_content_that_is_not_what_it_says(gk, cat, tmp_path, name, content, code, words):
    if content == "EMPTY_ZIP":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("readme.txt", "x")
        content = buffer.getvalue()
    cat.write(f"files/2026/{name}", content)
    cat.record(ATTACHED.replace("{path}", f"files/2026/{name}"))
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == code]
    assert [(d["line"], d["severity"]) for d in found] == [(FILE_LINE, "error")], found
    assert words in found[0]["message"] + found[0]["hint"]
    publish(gk, cat.root, tmp_path)
    copies = [p for folder in ("site", "bags") for p in (tmp_path / folder).rglob(name)]
    assert copies == [] and not (tmp_path / "site/records/R2026-001.html").exists()


@pytest.mark.parametrize(("name", "content", "words"), [
    ("scan.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ngarbage", "损坏"),
    ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "图片"),
    ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "图片"),
    ("notice.ceb", b"CEB\x00\x01\x02", "CEB"),
])
def test_a_file_that_cannot_be_read_blocks_its_record(gk, cat, tmp_path, name, content, words):
    cat.write(f"files/2026/{name}", content)
    cat.record(ATTACHED.replace("{path}", f"files/2026/{name}"))
    found = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK610"]
    assert [(d["line"], d["severity"]) for d in found] == [(FILE_LINE, "error")]
    assert words in found[0]["message"]
    run = gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search")
    assert run.code == 0 and not (tmp_path / "site/records/R2026-001.html").exists()
    assert "pypdf" not in run.err and "Warning" not in run.err


def test_a_scanned_pdf_page_blocks(gk, cat):
    scan = text_pdf("cover page").replace(b"/Resources << /Font", b"/Resources << /XObject << /Im1 99 0 R >> /Font")
    scan = scan.replace(b"(cover page) Tj", b"() Tj")
    scan = scan.replace(b"trailer", b"99 0 obj\n<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /Length 1 >>\n"
                                     b"stream\nx\nendstream\nendobj\ntrailer")
    cat.write("files/2026/scan.pdf", scan)
    cat.record(ATTACHED.replace("{path}", "files/2026/scan.pdf"))
    [found] = [d for d in diagnostics(gk, cat.root) if d["code"] == "GK610"]
    assert "扫描件" in found["message"]


def test_clean_attachments_of_every_readable_format_pass(gk, cat, tmp_path):
    cat.write("files/2026/a.pdf", text_pdf("notice"))
    cat.write("files/2026/b.docx", docx("关于做好养老服务补贴发放工作的通知", header1="安溪县民政局"))
    cat.write("files/2026/c.csv", "姓名,保障金额\n陈水生,1144\n".encode("gbk"))
    files = "".join(f"  - 文件: files/2026/{n}\n" for n in ("a.pdf", "b.docx", "c.csv"))
    cat.record(RECORD.replace("正文: |", f"附件:\n{files}正文: |"))
    assert [d for d in diagnostics(gk, cat.root) if d["severity"] == "error"] == []
    gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search")
    assert (tmp_path / "site/files/2026/b.docx").read_bytes() == (cat.root / "files/2026/b.docx").read_bytes()


def test_a_pdf_read_once_is_answered_by_its_own_bytes():
    # pdf_segments remembers what a PDF holds by its bytes: the same bytes under another label, two PDFs of the same
    # size with different numbers, and an unreadable PDF asked twice must each answer as if read afresh.
    from gongkai.privacy.documents import pdf_segments
    from gongkai.privacy.extract import Unreadable

    first, second = text_pdf("tel 13812345678"), text_pdf("tel 13987654321")
    assert len(first) == len(second)
    assert [s.where for s in pdf_segments(first, "甲.pdf")][0] == "甲.pdf 第1页"
    assert [s.where for s in pdf_segments(first, "乙.pdf")][0] == "乙.pdf 第1页"
    assert "13987654321" in pdf_segments(second, "丙.pdf")[0].text
    assert "13812345678" in pdf_segments(first, "丁.pdf")[0].text
    locked = text_pdf("x").replace(b"/Type /Catalog", b"/Type /Catalog /AA << /O << /S /JavaScript /JS (app.alert(1)) >> >>")
    for _ in range(2):
        with pytest.raises(Unreadable):
            pdf_segments(locked, "戊.pdf")
