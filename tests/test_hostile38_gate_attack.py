"""Hostile pass 38 (fortieth session), 「gate attack」: the attacker and the careless clerk against the publishing
gate (issue 11: nothing private or hostile leaves the building; issue 6: the privacy guard), where the earlier passes
had not looked.

Each test runs the real CLI on a small catalog in tmp_path; the expected values are typed by hand. Today is
conftest's day, 2026-11-27.

Found by this pass (before the fix → now):
1. A 民政局's own 公告 of its 社会组织's yearly inspection lists each organisation with its 统一社会信用代码; one in ten
   all-digit codes (older organisations keep their old 组织机构代码: 513505245001248270) passes a bank card's Luhn
   check, and validate called it 「未遮盖的银行卡号」(GK603) — the 公告 could not be published, and 「mask」 would
   have starred an organisation's public code. Now a code whose GB 32100 check digit is right (privacy.numbers.
   credit_code) is no card; an account so written after 「账号」 and a card that fails that check still are.
2. Bytes of text that declare no encoding — an .xls's 文档属性 (its SummaryInformation stream: 作者, 备注, which Excel
   and WPS on Chinese Windows write in code page 936), Excel 95's strings, a metafile's text in a docx, data outside a
   zip's parts — were read as latin-1 and UTF-16 only: 「电话１３８０５９５１２３４」 typed in full-width digits (the IME's
   全角 mode) is A3B1 A3B3 … in GBK, «£±£³» to latin-1, no digit. validate said nothing, build-site published the
   file, and the output scan, reading the same way, let it through. Now these bytes are also read as GB18030
   (privacy.documents.unknown_text), by both scans. So are the names of a docx's, xlsx's or OFD's parts written
   without zip's UTF-8 flag (Chinese zip tools and OFD writers write them in GBK; zipfile reads them as cp437):
   「陈水生１３８０５９５１２３４.png」 was no number to either scan.
3. The same for a PDF's strings read from its bytes (document properties an old 虚拟打印机 writes in GBK, without a
   byte order mark; earlier versions; unreferenced objects): Notepad on Chinese Windows reads them as GBK, gongkai
   read them as latin-1 only. Now privacy.pdfbytes reads an 8-bit string both ways.
4. And for a picture's properties in a docx, xlsx or OFD: a JPEG comment, an EXIF 图像描述, a PNG text that Chinese
   Windows' programs write in GBK (「拍摄：陈水生家，电话１３８０５９５１２３４」) — read as latin-1, UTF-8 and UTF-16 only,
   published. Now privacy.pictures.readings reads them as GB18030 too (both scans).
5. A landline written for a caller from abroad (安溪 is a 侨乡): 「监督电话：+86-595-23222516」, the bureau's own
   published phone, read as 13 digits 8659523222516 — one such number in ten passes Luhn, and this one was
   「未遮盖的银行卡号」 (GK603): the notice could not be published. And 「宅电：+86-595-2345 6789」, a person's home
   phone, was no phone at all (only 0595-… was): published. Now (privacy.detect) a run of digits that is 86 and a
   landline is a phone, no card (no bank's card begins with 86; the search index keeps it as 86 595 23222516); after 宅电/家庭电话 and in a 名单's 联系电话 column it is a home phone (GK602,
   masked 0595****6789), as 0595-2345 6789 is.
"""

from __future__ import annotations

import io
import struct
import uuid
import zipfile
from pathlib import Path

import olefile
import pytest

from conftest import ITEM, RECORD, CatalogDir, docx, text_pdf
from test_hostile7_gate import with_attachment
from test_publication import everything

FIXTURES = Path(__file__).parent / "fixtures"

SHZZ_ITEM = ITEM.replace("低保对象名单及相关信息", "社会组织年度检查结果")

INSPECTION = RECORD.replace("文种: 公示", "文种: 公告").replace("公示截止: 2026-12-31\n", "").replace(
    "题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 测试县民政局关于2025年度社会组织年度检查结果的公告")


def gk6(run) -> list[str]:
    return [line.strip() for line in run.out.splitlines() if " GK6" in line]


def announcing(cat: CatalogDir, body: str) -> None:
    cat.item(SHZZ_ITEM)
    cat.record(INSPECTION.replace("  经审核，现将名单予以公示。\n", body))


CODES = """\
  | 社会组织名称 | 统一社会信用代码 | 年检结论 |
  |---|---|---|
  | 测试县老年人体育协会 | 513505245001236648 | 合格 |
  | 测试县慈善总会 | 513505245001248270 | 合格 |
  | 测试县阳光社会工作服务中心 | 523505245001231382 | 基本合格 |

  测试县某某物业管理有限公司（统一社会信用代码913505245001230668）承接服务。
"""


def test_organisations_credit_codes_are_no_bank_cards(gk, cat, tmp_path):
    announcing(cat, CODES)
    run = gk("validate", cat.root)
    assert gk6(run) == [] and run.code == 0, run.out
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0, run.out + run.err
    site = everything(tmp_path / "site")
    assert "513505245001248270" in site and "913505245001230668" in site


def test_a_card_with_a_credit_code_s_shape_but_not_its_check_is_still_a_card(gk, cat):
    # passes Luhn; its GB 32100 check digit would be 0
    announcing(cat, "  | 社会组织名称 | 统一社会信用代码 | 年检结论 |\n  |---|---|---|\n"
                    "  | 测试县老年人体育协会 | 513505245001234908 | 合格 |\n")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert gk6(run) == ["19:1 错误 GK603 正文表格第1行第2列（统一社会信用代码）有未遮盖的银行卡号「51*************908」"
                        "（已遮盖显示）［R2026-001］"]


def test_a_card_that_passes_the_credit_codes_check_but_not_its_organisation_code_is_a_card(gk, cat):
    """(fortieth session, from h202's review) 513505245001237752 passes Luhn and the GB 32100 check digit; the
    组织机构代码 inside it (500123775) fails its GB 11714 check digit (6 would be right): a card, not a code."""
    announcing(cat, "  | 社会组织名称 | 统一社会信用代码 | 年检结论 |\n  |---|---|---|\n"
                    "  | 测试县老年人体育协会 | 513505245001237752 | 合格 |\n")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert gk6(run) == ["19:1 错误 GK603 正文表格第1行第2列（统一社会信用代码）有未遮盖的银行卡号「51*************752」"
                        "（已遮盖显示）［R2026-001］"]


def test_an_account_after_its_label_is_reported_whatever_its_check(gk, cat):
    announcing(cat, "  捐赠请汇入陈水生个人账号：513505245001248270。\n")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert [line[:40] for line in gk6(run)] == ["17:1 错误 GK603 正文第1行有未遮盖的银行卡号「51*********"]


# ---------------------------------------------------------------- 2. 8-bit text of Chinese Windows (code page 936)

def _summary(comments: str, size: int = 200) -> bytes:
    """A SummaryInformation property set as Excel on Chinese Windows writes it: code page 936, 备注 (PID 6) in GBK."""
    text = comments.encode("gbk") + b"\0"
    text += b"\0" * (-len(text) % 4)
    properties = [(1, struct.pack("<HHh2x", 2, 0, 936)), (6, struct.pack("<HHI", 0x1E, 0, len(text)) + text)]
    start = 8 + 8 * len(properties)
    pairs, values = b"", b""
    for pid, value in properties:
        pairs += struct.pack("<II", pid, start + len(values))
        values += value
    section = struct.pack("<II", start + len(values), len(properties)) + pairs + values
    fmtid = uuid.UUID("F29F85E0-4FF9-1068-AB91-08002B27B3D9").bytes_le
    stream = (struct.pack("<HHI", 0xFFFE, 0, 0x20A) + b"\0" * 16 + struct.pack("<I", 1) + fmtid
              + struct.pack("<I", 48) + section)
    return stream + b"\0" * (size - len(stream))


def _xls_with_comments(comments: str) -> bytes:
    """The LibreOffice fixture (a 姓名 list) with its 文档属性「备注」 replaced by *comments*, in GBK."""
    buffer = io.BytesIO((FIXTURES / "plain-formats.xls").read_bytes())
    with olefile.OleFileIO(buffer, write_mode=True) as ole:
        ole.write_stream("\x05SummaryInformation", _summary(comments))
    return buffer.getvalue()


def test_the_summary_is_what_excel_shows_in_its_properties():
    with olefile.OleFileIO(_xls_with_comments("电话１３８０５９５１２３４")) as ole:
        meta = ole.get_metadata()
    assert meta.codepage == 936 and meta.comments.decode("gbk") == "电话１３８０５９５１２３４"


WRITTEN_IN_GBK = ["联系人陈水生，电话１３８０５９５１２３４", "身份证号：３５０５２４１９８５０３１５１２３６",
                  "手机一三八〇五九五一二三四"]


@pytest.mark.parametrize("comments", WRITTEN_IN_GBK)
def test_a_number_in_an_xls_s_properties_in_gbk_is_held_back(gk, cat, tmp_path, comments):
    with_attachment(cat, "files/2026/mingdan.xls", _xls_with_comments(comments))
    run = gk("validate", cat.root)
    assert run.code == 1
    found = [line for line in gk6(run) if "错误" in line]
    assert len(found) == 1 and found[0].startswith("19:9 错误 GK60"), found
    assert "附件「files/2026/mingdan.xls」 文档属性（数据流 SummaryInformation）有未遮盖的" in found[0]
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "R2026-001 没有发布" in run.err, run.err
    assert not (tmp_path / "site/files/2026/mingdan.xls").exists()


def test_the_output_scan_reads_an_xls_s_properties_in_gbk():
    from gongkai.privacy.outputs import scan_output

    found = scan_output("files/2026/mingdan.xls", _xls_with_comments(WRITTEN_IN_GBK[0]), frozenset())
    assert [(f.kind, f.masked_value, f.where) for f in found] == [
        ("mobile", "138****1234", "文档属性（数据流 SummaryInformation）")]


def test_an_xls_whose_properties_hold_no_number_is_published(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/mingdan.xls", _xls_with_comments("测试县民政局　２０２６年第三季度"))
    assert [line for line in gk6(gk("validate", cat.root)) if "错误" in line] == []
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "没有发布" not in run.err, run.err
    assert (tmp_path / "site/files/2026/mingdan.xls").is_file()


def test_a_metafile_in_a_docx_drawing_a_number_in_gbk_is_held_back(gk, cat):
    # an EMF's EMR_EXTTEXTOUTA draws 8-bit text of the system's code page: a picture of the text, no XML to read
    emf = b"\x01\x00\x00\x00" + b"\0" * 36 + " EMF".encode() + b"\0" * 20 + "宅电１３８０５９５１２３４".encode("gbk")
    buffer = io.BytesIO(docx("通知"))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("word/media/image1.emf", emf)
    with_attachment(cat, "files/2026/tongzhi.docx", buffer.getvalue())
    run = gk("validate", cat.root)
    assert run.code == 1
    assert [line[:60] for line in gk6(run)] == [
        "19:9 错误 GK602 附件「files/2026/tongzhi.docx」 word/media/image1.emf 有未遮盖的手机号码「138****1234」"[:60]]


# ---------------------------------------------------------------- 3. a PDF's 8-bit strings in GBK

def _pdf_with_author(author: str) -> bytes:
    """A PDF whose /Author is *author* in GBK bytes, with no byte order mark (as older Chinese PDF printers write)."""
    written = author.encode("gbk")
    return text_pdf("NOTICE", info=f"/Author ({'X' * len(written)})").replace(b"X" * len(written), written)


def test_a_number_in_a_pdf_s_properties_in_gbk_is_held_back(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/tongzhi.pdf", _pdf_with_author("联系人陈水生１３８０５９５１２３４"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert [line for line in gk6(run) if "错误" in line] == [
        "19:9 错误 GK602 附件「files/2026/tongzhi.pdf」 文件中的其他文字（早先版本、注释、名称、未引用的对象）"
        "有未遮盖的手机号码「138****1234」（已遮盖显示）［R2026-001］"]
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "R2026-001 没有发布" in run.err, run.err
    assert not (tmp_path / "site/files/2026/tongzhi.pdf").exists()


def test_the_output_scan_reads_a_pdf_s_strings_in_gbk():
    from gongkai.privacy.outputs import scan_output

    found = scan_output("files/2026/tongzhi.pdf", _pdf_with_author("身份证号３５０５２４１９８５０３１５１２３６"),
                        frozenset())
    assert [(f.kind, f.masked_value) for f in found] == [("id", "35*************236")]


def test_a_pdf_whose_properties_in_gbk_hold_no_number_is_published(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/tongzhi.pdf", _pdf_with_author("测试县民政局　２０２６年１２月"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "没有发布" not in run.err, run.err
    assert (tmp_path / "site/files/2026/tongzhi.pdf").is_file()


# ---------------------------------------------------------------- 4. a picture's properties in GBK

def _docx_with_photo(comment: str) -> bytes:
    """A docx holding a JPEG (word/media/image1.jpeg) whose comment (COM segment) is *comment* in GBK."""
    written = comment.encode("gbk")
    jpeg = (b"\xff\xd8\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            + b"\xff\xfe" + struct.pack(">H", len(written) + 2) + written + b"\xff\xd9")
    buffer = io.BytesIO(docx("附现场照片"))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("word/media/image1.jpeg", jpeg)
    return buffer.getvalue()


def test_a_number_in_a_photo_s_comment_in_gbk_is_held_back(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/zhaopian.docx", _docx_with_photo("拍摄：陈水生家，电话１３８０５９５１２３４"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert [line for line in gk6(run) if "错误" in line] == [
        "19:9 错误 GK602 附件「files/2026/zhaopian.docx」 word/media/image1.jpeg（图片属性）有未遮盖的手机号码"
        "「138****1234」（已遮盖显示）［R2026-001］"]
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "R2026-001 没有发布" in run.err, run.err
    assert not (tmp_path / "site/files/2026/zhaopian.docx").exists()


def test_the_output_scan_reads_a_photo_s_comment_in_gbk():
    from gongkai.privacy.outputs import scan_output

    found = scan_output("files/2026/zhaopian.docx", _docx_with_photo("电话１３８０５９５１２３４"), frozenset())
    assert [(f.kind, f.masked_value, f.where) for f in found] == [
        ("mobile", "138****1234", "word/media/image1.jpeg 图片属性")]


def test_a_photo_whose_comment_in_gbk_holds_no_number_is_published(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/zhaopian.docx", _docx_with_photo("测试县民政局　２０２６年１２月　养老院"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "没有发布" not in run.err, run.err
    assert (tmp_path / "site/files/2026/zhaopian.docx").is_file()


# ---------------------------------------------------------------- 5. a landline written for a caller from abroad

def test_an_office_phone_written_for_abroad_is_no_bank_card(gk, cat, tmp_path):
    announcing(cat, "  监督电话：+86-595-23222516（海外侨胞请拨 +86 595 2322 2516）。\n")
    run = gk("validate", cat.root)
    assert gk6(run) == [] and run.code == 0, run.out
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "没有发布" not in run.err, run.err
    assert "+86-595-23222516" in (tmp_path / "site/records/R2026-001.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("written", ["+86-595-2345 6789", "0086 595 23456789", "+86 (0)595 2345 6789",
                                     "＋８６－５９５－２３４５６７８９"])
def test_a_home_phone_written_for_abroad_is_held_back(gk, cat, written):
    announcing(cat, f"  经核实，申请人家庭电话：{written}。\n")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert gk6(run) == ["17:1 错误 GK602 正文第1行有未遮盖的电话号码「0595****6789」（已遮盖显示）［R2026-001］"]


def test_a_list_s_phone_written_for_abroad_is_held_back_and_masked(gk, cat, tmp_path):
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", "  | 姓名 | 村（社区） | 联系电话 |\n  |---|---|---|\n"
                                                        "  | 陈水生 | 经兜村 | +86-595-2345 6789 |\n"))
    run = gk("validate", cat.root)
    assert [line for line in gk6(run) if "错误" in line] == [
        "20:1 错误 GK602 正文表格第2行有未遮盖的电话号码「0595****6789」（已遮盖显示）［R2026-001］"]
    csv = cat.write("files/2026/mingdan.csv", "姓名,村（社区）,联系电话\n陈水生,经兜村,+86-595-2345 6789\n")
    assert gk("mask", csv).code == 0
    assert csv.read_text(encoding="utf-8") == "姓名,村（社区）,联系电话\n陈水生,经兜村,0595****6789\n"


def _docx_with_part_named(name: str) -> bytes:
    """A docx holding a part named *name* in GBK, without the UTF-8 flag (as a Chinese zip tool writes it)."""
    placeholder = "word/media/" + "P" * 40 + ".png"
    buffer = io.BytesIO(docx("通知"))
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr(placeholder, b"x")
    written = name.encode("gbk")
    assert len(written) <= len(placeholder)
    return buffer.getvalue().replace(placeholder.encode(), written + b"_" * (len(placeholder) - len(written)))


def test_a_number_in_a_part_s_name_in_gbk_is_held_back(gk, cat):
    with_attachment(cat, "files/2026/tongzhi.docx", _docx_with_part_named("word/media/陈水生１３８０５９５１２３４.png"))
    run = gk("validate", cat.root)
    assert run.code == 1
    assert [line for line in gk6(run) if "错误" in line] == [
        "19:9 错误 GK602 附件「files/2026/tongzhi.docx」 部件的名称有未遮盖的手机号码「138****1234」（已遮盖显示）［R2026-001］"]


def test_the_output_scan_reads_a_part_s_name_in_gbk():
    from gongkai.privacy.outputs import scan_output

    data = _docx_with_part_named("word/media/陈水生１３８０５９５１２３４.png")
    assert [(f.kind, f.where) for f in scan_output("files/2026/a.docx", data, frozenset())] == [("mobile", "部件的名称")]
    data = _docx_with_part_named("word/media/现场照片２０２６年.png")
    assert scan_output("files/2026/a.docx", data, frozenset()) == []
