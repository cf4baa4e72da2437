"""Seventh hostile pass over the publishing gate and the output scan: forms of a number that a spreadsheet or a PDF
viewer shows whole but neither scan reads as one, addresses of the commonest rural form, lists of people outside a
公示, and a withheld record's file reaching the web through another record. Each test runs the real CLI on a small
catalog and looks for the number (as written and as bare digits) in every file written, .gz and zip members opened.

The spreadsheet, PDF and address forms found by the same pass are tested in test_hostile7_numbers.py and
test_hostile7_documents.py.
"""

from __future__ import annotations

import gzip
import io
import re
import zipfile
from pathlib import Path

import pytest

from conftest import RECORD

MOBILE = "13805951234"
ID = "350524198503151236"  # GB 11643 check digit 6 (checked below)
NAMES = ("陈水生", "林阿妹")


def test_the_numbers_of_these_tests_are_valid():
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    assert "10X98765432"[sum(int(d) * w for d, w in zip(ID[:17], weights)) % 11] == ID[17]
    assert re.fullmatch(r"1[3-9]\d{9}", MOBILE)


def _contents(folder: Path):
    """(name, bytes) of every file under *folder*, and of what a .gz or a zip (xlsx, docx) holds."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        yield str(path), data
        if data[:2] == b"\x1f\x8b":
            yield f"{path} (gunzip)", gzip.decompress(data)
        if data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for member in archive.namelist():
                    yield f"{path}!{member}", archive.read(member)


def holding(folder: Path, *values: str) -> list[str]:
    """The files under *folder* that hold one of *values* as written, or (a number of eleven digits or more) as bare
    digits on one line."""
    found = []
    if not folder.exists():
        return found
    numbers = [d for v in values if len(d := re.sub(r"[^0-9]", "", v)) >= 11]
    for name, data in _contents(folder):
        lines = [re.sub(rb"[^0-9]", b"", line).decode() for line in data.splitlines()] if numbers else []
        if any(v.encode() in data for v in values) or any(n in line for n in numbers for line in lines):
            found.append(name)
    return found


def with_attachment(cat, rel: str, data: bytes | str, record: str = RECORD) -> None:
    cat.write(rel, data)
    cat.record(record.replace("页数: 1", f"页数: 1\n附件:\n  - 名称: 名单\n    文件: {rel}"))


def assert_held_back(gk, cat, tmp_path, *values: str, attachment: str | None = None) -> None:
    """build-site leaves the record and its attachment out, says so in Chinese, and no file holds *values*."""
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site)
    assert run.code in (0, 1), run.err
    assert holding(site, *values) == []
    assert not (site / "records" / "R2026-001.html").exists()
    if attachment is not None:
        assert not (site / attachment).exists()
    if run.code == 0:
        assert "R2026-001 没有发布" in run.err


def xlsx(rows: list[list[object]], formats: dict[str, str] | None = None) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    for row in rows:
        sheet.append(row)
    for cell, code in (formats or {}).items():
        sheet[cell].number_format = code
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def pdf(content: str) -> bytes:
    """A one-page PDF whose content stream is *content* (font /F1 is Helvetica)."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> >>",
               f"<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return pdf_of(objects)


def pdf_of(objects: list[str]) -> bytes:
    """A PDF file of *objects* (numbered from 1, the first the catalog), with its cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# 4. A list of people outside a 公示: a 通知 (no 事项) that names the recipients of 临时救助 in a table. DOMAIN §12: lists
# of people come down when their period ends and are never findable by name through site search or search engines.
NOTICE = (RECORD.replace("文种: 公示", "文种: 通知").replace("事项: SHJZ-001\n", "").replace("公示截止: 2026-12-31\n", "")
          .replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 测试县民政局关于发放2026年第三季度临时救助金的通知"))
PEOPLE_TABLE = ("正文: |\n  经审核，以下人员获得临时救助：\n\n  | 姓名 | 村（社区） | 金额（元） |\n  | --- | --- | --- |\n"
                f"  | {NAMES[0]} | 经兜村 | 1500 |\n  | {NAMES[1]} | 湖头村 | 1200 |\n")


# Found by the seventh pass: the names went into the search index and the page into sitemap.xml, for good. Now the gate
# reads the scan's «people» (a table with a 姓名 column) as a list of people, and validate warns (GK611).
def test_a_list_of_people_in_a_notice_is_not_indexed(gk, cat, tmp_path):
    cat.record(NOTICE.replace("正文: |\n  经审核，现将名单予以公示。\n", PEOPLE_TABLE))
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site)
    assert run.code == 0, run.err
    assert holding(site / "search", *NAMES) == []
    assert "R2026-001" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "GK611" in gk("validate", cat.root).out


def test_a_table_of_officials_is_no_list_of_people(gk, cat, tmp_path):
    # 领导分工: names with the office they hold are public by that office; the page stays findable, no GK611
    table = ("正文: |\n  | 姓名 | 职务 | 分工 |\n  | --- | --- | --- |\n  | 黄明德 | 局长 | 主持全面工作 |\n")
    cat.record(NOTICE.replace("正文: |\n  经审核，现将名单予以公示。\n", table))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert holding(site / "search", "黄明德") and "R2026-001" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "GK611" not in gk("validate", cat.root).out


# 5. A file registered as the attachment of a record that may not be published (不予公开 for 个人隐私, 依申请公开) is linked
# from a 主动公开 record too (or a copy of it is): the file goes on the web.
WITHHELD = {
    "不予公开": "公开属性: 不予公开\n不予公开理由: 个人隐私",
    "依申请公开": "公开属性: 依申请公开",
}


@pytest.mark.parametrize("copy", [False, True])
@pytest.mark.parametrize("kind", sorted(WITHHELD))
# Found by the seventh pass: only withdrawn records' and ended 公示' files were retired; now withheld ones are too.
def test_a_withheld_records_file_is_not_published_through_another(gk, cat, tmp_path, kind, copy):
    secret = "姓名,病情\n陈水生,精神分裂症\n"
    cat.write("files/2026/内部名单.csv", secret)
    withheld = (RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002")
                .replace("公开属性: 主动公开", WITHHELD[kind]).replace("正文: |\n  经审核，现将名单予以公示。\n", "")
                .replace("页数: 1", "页数: 1\n附件:\n  - 名称: 内部名单\n    文件: files/2026/内部名单.csv"))
    cat.record(withheld, "records/2026/R2026-002.yaml")
    shown = "files/2026/附件.csv" if copy else "files/2026/内部名单.csv"
    # (with a 公示 period running: a list of people without one has come down after its 公开日期 anyway, GK611)
    with_attachment(cat, shown, secret, NOTICE.replace("页数: 1", "公示截止: 2026-12-31\n页数: 1"))
    assert_held_back(gk, cat, tmp_path, NAMES[0], attachment=shown)


# 6. What held.
def test_an_ended_notice_leaves_every_file_on_a_later_build(gk, cat, tmp_path):
    """Built while the 公示 runs, then again the day after it ended, into the same folder: the names are in no page,
    feed, data file, search shard (gunzipped) or attachment copy."""
    with_attachment(cat, "files/2026/list.csv", f"姓名,村（社区）\n{NAMES[0]},经兜村\n",
                    RECORD.replace("现将名单予以公示。", f"现将名单予以公示：{NAMES[0]}（经兜村）。"))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert holding(site, NAMES[0])
    assert gk("build-site", cat.root, "--out", site, "--today", "2027-01-05").code == 0
    assert holding(site, NAMES[0]) == []


def test_the_internal_registers_reach_no_output(gk, bundled, tmp_path):
    """A phone in a 咨询留言 subject and an ID in an 依申请公开 request reach no page, report or self-inspection file."""
    consultation = bundled / "consultations" / "2026" / "ZX-2026-001.yaml"
    consultation.write_text(consultation.read_text(encoding="utf-8").replace(
        "主题: ", f"主题: 留言人王五{MOBILE} "), encoding="utf-8")
    request = sorted((bundled / "requests" / "2026").glob("*.yaml"))[0]
    request.write_text(request.read_text(encoding="utf-8").replace("申请内容: ", f"申请内容: 申请人{ID} "), encoding="utf-8")
    out = tmp_path / "out"
    assert gk("build-site", bundled, "--out", out / "site").code == 0
    for form in ("json", "html", "xlsx"):
        gk("inspect", bundled, "-f", form, "--out", out / f"inspect.{form}")
    gk("report", "annual", bundled, "--year", "2026", "-f", "html", "--out", out / "annual.html")
    gk("report", "scorecard", bundled, "-f", "xlsx", "--out", out / "scorecard.xlsx")
    assert holding(out, MOBILE, ID) == []
