"""Eighth hostile pass over attachments: a Word document that Word shows otherwise than it stores. A number typed as
inserted symbols (<w:sym w:char="0031"/>), or whose groups are kept apart by hidden text, a hidden paragraph mark or
a tracked deletion, reads whole on the screen; each case is held back by build-site and named by validate."""

from __future__ import annotations

import io
import zipfile

import pytest

from test_hostile7_gate import assert_held_back, pdf_of, with_attachment

MOBILE = "13800138000"
NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def word(body: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types '
                         'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("word/document.xml", f"<w:document {NS}><w:body>{body}</w:body></w:document>")
    return buffer.getvalue()


def run(text: str, hidden: str = "") -> str:
    return f"<w:r>{f'<w:rPr>{hidden}</w:rPr>' if hidden else ''}<w:t>{text}</w:t></w:r>"


SHOWN_WHOLE = {
    "symbols": "<w:p>" + "".join(f'<w:r><w:sym w:font="宋体" w:char="{0x30 + int(d):04X}"/></w:r>' for d in MOBILE) + "</w:p>",
    "symbol-font": "<w:p>" + "".join(f'<w:r><w:sym w:font="Symbol" w:char="F0{0x30 + int(d):02X}"/></w:r>'
                                     for d in MOBILE) + "</w:p>",
    "hidden-text": "<w:p>" + run("联系电话138") + run("（内部）", "<w:vanish/>") + run("00138000") + "</w:p>",
    "hidden-paragraph-mark": ("<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>" + run("联系电话138") + "</w:p><w:p>"
                              + run("00138000") + "</w:p>"),
    "tracked-deletion": ("<w:p>" + run("联系电话138") + '<w:del w:id="1" w:author="张三"><w:r><w:delText>（已删）</w:delText>'
                         "</w:r></w:del>" + run("00138000") + "</w:p>"),
}


# Found by the eighth pass: every one of these reached the website; the scan read 0031 0033 …, or 138 （内部） 00138000.
@pytest.mark.parametrize("case", sorted(SHOWN_WHOLE))
def test_a_number_word_shows_whole_is_not_published(gk, cat, tmp_path, case):
    with_attachment(cat, "files/2026/list.docx", word(SHOWN_WHOLE[case]))
    assert_held_back(gk, cat, tmp_path, MOBILE, attachment="files/2026/list.docx")
    out = gk("validate", cat.root).out
    assert "GK602" in out and "按 Word 显示" in out and MOBILE not in out


@pytest.mark.parametrize("body", [
    "<w:p>" + run("咨询电话：0595-23000000") + '<w:r><w:sym w:font="Wingdings" w:char="F0FE"/></w:r>' + run("已核实") + "</w:p>",
    "<w:p>" + run("发放金额1500元") + run("（草稿批注）", "<w:vanish/>") + run("，共计12户") + "</w:p>",
    "<w:p>" + run("第138") + run("号", '<w:vanish w:val="false"/>') + "</w:p><w:p>" + run("00138000元") + "</w:p>",
])
def test_an_ordinary_document_so_written_is_published(gk, cat, tmp_path, body):
    with_attachment(cat, "files/2026/list.docx", word(body))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site / "records" / "R2026-001.html").exists() and (site / "files" / "2026" / "list.docx").exists()


def conditional_workbook(code: str) -> bytes:
    """A list whose 电话 cell holds 8000, with a conditional format that shows it through *code* when above 0."""
    from openpyxl import Workbook
    from openpyxl.formatting.rule import Rule
    from openpyxl.styles.differential import DifferentialStyle
    from openpyxl.styles.numbers import NumberFormat

    book = Workbook()
    sheet = book.active
    sheet.title = "名单"
    sheet.append(["姓名", "金额（元）"])
    sheet.append(["陈水生", 8000])
    style = DifferentialStyle(numFmt=NumberFormat(numFmtId=200, formatCode=code))
    sheet.conditional_formatting.add("B2", Rule(type="cellIs", operator="greaterThan", formula=["0"], dxf=style))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# Found by the eighth pass: Excel shows 8000 as 13800138000 through the number format of a conditional format
# ("1380013"0 in styles.xml's <dxf>); only a cell's own number format was read.
def test_a_number_a_conditional_format_shows_is_not_published(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/list.xlsx", conditional_workbook('"1380013"0'))
    assert_held_back(gk, cat, tmp_path, MOBILE, attachment="files/2026/list.xlsx")
    assert "按条件格式的数字格式显示" in gk("validate", cat.root).out


@pytest.mark.parametrize("code", ['#,##0.00"元"', "0.00", '[Red]"超标"0'])
def test_a_conditional_format_without_digits_of_its_own_is_published(gk, cat, tmp_path, code):
    with_attachment(cat, "files/2026/list.xlsx", conditional_workbook(code))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site / "files" / "2026" / "list.xlsx").exists()


def word_table(*rows: tuple[str, ...]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc><w:p>{run(c)}</w:p></w:tc>" for c in row) + "</w:tr>" for row in rows)
    return f"<w:p>{run('经审核，以下人员获得临时救助：')}</w:p><w:tbl>{cells}</w:tbl>"


# Found by the eighth pass: a list of people in a Word table (the commonest form of a 名单) was no list to the gate —
# a 通知 carrying one went into sitemap.xml, and a 公示 carrying 身份证号、家庭住址 columns got no GK605.
def test_a_list_of_people_in_a_word_table_is_a_list_of_people(gk, cat, tmp_path):
    from test_hostile7_gate import NOTICE

    rows = [("2026年第三季度临时救助对象名单", "", ""), ("序号", "姓名", "金额（元）"), ("1", "陈水生", "1500")]
    with_attachment(cat, "files/2026/list.docx", word(word_table(*rows)), NOTICE)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert "R2026-001" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "GK611" in gk("validate", cat.root).out


def test_a_word_table_in_a_notice_is_checked_against_the_column_allow_list(gk, cat):
    rows = [("姓名", "身份证号", "家庭住址"), ("陈水生", "35*************236", "经兜村**号")]
    with_attachment(cat, "files/2026/list.docx", word(word_table(*rows)))
    out = gk("validate", cat.root).out
    assert "GK605" in out and "身份证号" in out and "家庭住址" in out


def test_a_word_table_of_rates_is_no_list_of_people(gk, cat, tmp_path):
    from test_hostile7_gate import NOTICE

    rows = [("补贴对象", "补贴标准（元/人·月）"), ("低保对象", "300")]
    with_attachment(cat, "files/2026/list.docx", word(word_table(*rows)), NOTICE)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert "R2026-001" in (site / "sitemap.xml").read_text(encoding="utf-8")


def with_rtf_chunk(rtf: str) -> bytes:
    """A Word document showing an RTF document inline (an altChunk, as Word keeps text pasted from another program)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types '
                         'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("word/document.xml", f'<w:document {NS} xmlns:r="http://schemas.openxmlformats.org/'
                         'officeDocument/2006/relationships"><w:body><w:altChunk r:id="rId9"/></w:body></w:document>')
        archive.writestr("word/afchunk.rtf", rtf.encode("ascii"))
    return buffer.getvalue()


# Found by the eighth pass: an RTF altChunk was read as raw bytes, where control words and escapes keep the digits apart.
@pytest.mark.parametrize("rtf", [
    "{\\rtf1\\ansi 138\\b 0013\\b0 8000}",
    "{\\rtf1\\ansi " + "".join(f"\\'{ord(d):02x}" for d in MOBILE) + "}",
    "{\\rtf1\\ansi " + "".join(f"\\u{ord(d)}?" for d in MOBILE) + "}",
    "{\\rtf1\\ansi 138{\\*\\bkmkstart a}0013{\\*\\bkmkend a}8000}",
])
def test_a_number_in_an_rtf_chunk_is_not_published(gk, cat, tmp_path, rtf):
    with_attachment(cat, "files/2026/list.docx", with_rtf_chunk(rtf))
    assert_held_back(gk, cat, tmp_path, MOBILE, attachment="files/2026/list.docx")


def test_an_rtf_chunk_of_ordinary_text_is_published(gk, cat, tmp_path):
    rtf = "{\\rtf1\\ansi\\ansicpg936 \\'b7\\'a2\\'b7\\'c5 1500\\'d4\\'aa\\par 2026\\'c4\\'ea12\\'d4\\'c24\\'c8\\'d5}"
    with_attachment(cat, "files/2026/list.docx", with_rtf_chunk(rtf))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site / "files" / "2026" / "list.docx").exists()


def stamped_pdf(stamp: str) -> bytes:
    """A one-page PDF reading «Notice», with a stamp annotation whose appearance draws *stamp* (no /Contents)."""
    page, drawn = "BT /F1 12 Tf 72 720 Td (Notice) Tj ET", f"BT /F1 12 Tf 2 2 Td ({stamp}) Tj ET"
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               "/Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>",
               f"<< /Length {len(page)} >>\nstream\n{page}\nendstream",
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               "<< /Type /Annot /Subtype /Stamp /Rect [100 100 300 130] /AP << /N 7 0 R >> >>",
               f"<< /Type /XObject /Subtype /Form /BBox [0 0 200 30] /Resources << /Font << /F1 5 0 R >> >> "
               f"/Length {len(drawn)} >>\nstream\n{drawn}\nendstream"]
    return pdf_of(objects)


# Found by the eighth pass: what a stamp, a text box or a form field's appearance draws was read nowhere (neither the
# page's text nor the file's text strings hold it); a viewer shows it over the page.
def test_a_number_an_annotation_draws_is_not_published(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/notice.pdf", stamped_pdf(MOBILE))
    assert_held_back(gk, cat, tmp_path, MOBILE, attachment="files/2026/notice.pdf")
    assert "批注、表单的外观" in gk("validate", cat.root).out


def test_an_ordinary_stamp_is_published(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/notice.pdf", stamped_pdf("APPROVED 2026-12-04"))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site / "files" / "2026" / "notice.pdf").exists()


def ofd(*objects: tuple[float, float, str]) -> bytes:
    """A one-page OFD whose page holds a text object for each (left, width, text), on one line (mm)."""
    ns = 'xmlns:ofd="http://www.ofdspec.org/2016"'
    texts = "".join(f'<ofd:TextObject ID="{n}" Boundary="{left} 10 {width} 5" Font="3" Size="3">'
                    f'<ofd:TextCode X="0" Y="3">{text}</ofd:TextCode></ofd:TextObject>'
                    for n, (left, width, text) in enumerate(objects, start=10))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("OFD.xml", f'<?xml version="1.0"?><ofd:OFD {ns} Version="1.0"><ofd:DocBody><ofd:DocInfo>'
                         "<ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                         "</ofd:DocBody></ofd:OFD>")
        archive.writestr("Doc_0/Document.xml", f'<?xml version="1.0"?><ofd:Document {ns}><ofd:Pages>'
                         '<ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>')
        archive.writestr("Doc_0/Pages/Page_0/Content.xml", f'<?xml version="1.0"?><ofd:Page {ns}><ofd:Content>'
                         f'<ofd:Layer ID="2">{texts}</ofd:Layer></ofd:Content></ofd:Page>')
    return buffer.getvalue()


# Found by the eighth pass: an OFD converter writes a line as many text objects (one per character, often); each was
# read alone, so a number set in two or more objects side by side — in any order in the file — was never whole.
@pytest.mark.parametrize("objects", [
    ((10, 6, "138"), (16.5, 16, "00138000")),
    ((16.5, 16, "00138000"), (10, 6, "138")),
    tuple((10 + 2.2 * n, 2, d) for n, d in enumerate(MOBILE)),
    ((10, 6, "138"), (20, 8, "0013"), (32, 8, "8000")),
])
def test_a_number_an_ofd_page_shows_whole_is_not_published(gk, cat, tmp_path, objects):
    with_attachment(cat, "files/2026/notice.ofd", ofd(*objects))
    assert_held_back(gk, cat, tmp_path, MOBILE, attachment="files/2026/notice.ofd")


def test_the_columns_of_an_ofd_table_are_apart(gk, cat, tmp_path):
    with_attachment(cat, "files/2026/notice.ofd", ofd((10, 8, "1582"), (40, 6, "346"), (70, 8, "7890")))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site / "files" / "2026" / "notice.ofd").exists()


def field(code: str, cached: str = "（未更新）") -> str:
    """A Word field whose code is *code*, split over two runs, showing *cached* until Word updates it."""
    half = len(code) // 2
    return ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{code[:half]}</w:instrText></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{code[half:]}</w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{run(cached)}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


# Found by the eighth pass: Word computes a formula field when it updates fields (on opening, on printing).
@pytest.mark.parametrize("body", [field(" = 13805951*1000+234 "), field(" =1380013*10000+8000 \\# \"0\" "),
                                  '<w:p><w:fldSimple w:instr=" = 13805951*1000+234 ">' + run("x") + "</w:fldSimple></w:p>"])
def test_a_number_a_formula_field_computes_is_not_published(gk, cat, tmp_path, body):
    with_attachment(cat, "files/2026/list.docx", word(body))
    assert_held_back(gk, cat, tmp_path, "13805951234" if "13805951" in body else MOBILE,
                     attachment="files/2026/list.docx")


def test_ordinary_fields_are_published(gk, cat, tmp_path):
    body = field(" = 1500*3 ", "4500") + field(" PAGE ", "1") + field(" DATE \\@ \"yyyy-MM-dd\" ", "2026-12-04")
    with_attachment(cat, "files/2026/list.docx", word(body))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert (site / "files" / "2026" / "list.docx").exists()


def test_the_output_scan_reads_word_and_ofd_as_they_are_shown(tmp_path):
    from gongkai.privacy.outputs import scan_tree

    (tmp_path / "a.docx").write_bytes(word(SHOWN_WHOLE["hidden-text"]))
    (tmp_path / "b.ofd").write_bytes(ofd((16.5, 16, "00138000"), (10, 6, "138")))
    (tmp_path / "c.docx").write_bytes(with_rtf_chunk("{\\rtf1\\ansi 138\\b 0013\\b0 8000}"))
    found = sorted((f.file, f.kind, f.masked_value) for f in scan_tree(tmp_path, ["a.docx", "b.ofd", "c.docx"],
                                                                        frozenset()))
    assert found == [("a.docx", "mobile", "138****8000"), ("b.ofd", "mobile", "138****8000"),
                     ("c.docx", "mobile", "138****8000")]
