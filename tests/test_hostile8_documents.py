"""Eighth hostile pass over attachments: a Word document that Word shows otherwise than it stores. A number typed as
inserted symbols (<w:sym w:char="0031"/>), or whose groups are kept apart by hidden text, a hidden paragraph mark or
a tracked deletion, reads whole on the screen; each case is held back by build-site and named by validate."""

from __future__ import annotations

import io
import zipfile

import pytest

from test_hostile7_gate import assert_held_back, with_attachment

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
