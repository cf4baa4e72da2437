"""Thirty-second hostile pass (h145): bugs planted in the gate's format readers.

The readers the publishing gate reads attachments and texts through — a Word part as Word shows it (wordml.py), an
RTF inside a docx (rtf.py), an OFD page laid out by position (ofd.py), numbers in base64 or hexadecimal (encoded.py),
unassigned code points (unknown.py), the formats and their contents (formats.py), every text of a model (fields.py)
and an organisation's account (organisations.py) — were in no mutation group. This file holds, for each, documents
and texts built by hand, read by the function the gate calls (documents.document_segments, detect.find) and, for the
defects found, by the real CLI once (validate and build-site on one catalog: the module's fixture).

The numbers are typed by hand: 13805951234 is a mobile (1[3-9] + 9 digits), shown masked as 138****1234;
11010519491231002X is GB 11643-1999's own example of a 身份证号 (Σ aᵢ·Wᵢ = 167, 167 mod 11 = 2 → check code X), shown
as 11*************02X; 6222021402001234563 is a bank card number (Luhn: the doubled-digit sum is 60, a multiple of 10),
shown as 6222***********4563 (its first four and last four).

Found this pass (before the fix → now):
1. A Word run hidden through its style — a character style (w:rStyle) or a paragraph style (w:pStyle) whose font is
   隐藏 in styles.xml, or a style based on such a style — between the groups of a mobile: Word shows 13805951234,
   the gate read 1380 ‹备注› 5951234 (only a run's own <w:vanish/> was known), and the document was published. Now
   the document's hidden styles are read (wordml.hidden_styles), and a run's own mark still decides over its style.
2. A Word field shows its result in its place once Word updates it (on opening or printing): 电话138{ QUOTE "0595" }
   1234, { QUOTE "138" }{ QUOTE "05951234" }, or eleven { SYMBOL 49 }… fields (the 插入 → 符号 of a field) show
   13805951234. The gate computed formula and QUOTE results, but appended them after the part, away from the text
   around them, and knew no SYMBOL field: published. Now the part is read a second time as updated, each field's
   result in its place (a formula, a QUOTE of a number or of text, a SYMBOL by decimal or 0x code).
3. RTF pasted into a Word document (an altChunk): hidden text (\\v) and a tracked deletion (\\deleted) between the
   groups of a number are not shown — 138{\\v XYZ}05951234 shows 13805951234 — but were read as text: published. Now
   the chunk is read with them and without them.
4. An OFD page whose text objects are placed by their matrix (CTM «1 0 0 1 20 0» moves an object 20 mm) or whose
   characters are placed one by one by their advances (DeltaX: 电话318 with advances 3 6 -3 6 shows 电话138) was
   read in the order stored: 05951234 before 电话138 — published; and an object moved far right by its matrix was
   read as touching the text before it (a number that is not on the page, the record held back). Now each piece
   stands where its CTM and DeltaX put it.
5. A mobile as a program's array of bytes (0x31, 0x33, 0x38, … or 0x31 0x33 …), which any hex decoder (CyberChef's
   「From Hex」) reads: published. Now read as the other hexadecimal forms are (a CSV row of two-digit numbers apart by
   commas is still not read as bytes).
6. The account of an organisation written as notices write it was held back as a person's card (GK603), so the
   bureau could not publish its 募捐公告: 户名：安溪县慈善总会；账号：… (a semicolon), 户名：安溪县慈善总会（募捐专户）,
   …红十字会赈灾专户, 收款账号 / 对公账号 / 账户号码 / 帐户, and labels spaced to align (户　　名, 账　　号). Now they are
   the organisation's; a person's account (户名：陈水生) so written is still held back. The same for an
   organisation's address (GK604): 安溪县殡仪馆（地　　址：…）, 安溪县社会福利中心；地址：… were a person's.
7. A Word text box (a shape with text, floating where its anchor puts it: Word writes it twice, as a drawing and as
   VML for older readers) or a ruby's phonetic guide (拼音指南, shown above its base) anchored between the groups of
   a mobile: the line shows 电话13805951234, the gate read the box's text in the middle — published. Now text boxes
   and ruby texts are read apart from the line, and the line without them.
8. Two paragraphs joined with 修订 (track changes) on: the first paragraph's mark is a tracked deletion
   (<w:pPr><w:rPr><w:del/>), so the final view shows 电话138 and 05951234 on one line, 电话13805951234 — the gate
   read two paragraphs: published. Now a deleted (or moved-away) paragraph mark joins its paragraph to the next.
9. The same fields in RTF pasted into a Word document (an altChunk, which Word turns into its own text and fields):
   138{\\field{\\*\\fldinst QUOTE "0595"}{\\fldrslt }}1234 shows 13805951234 once updated; the field's code was
   left out and its empty result read: published. Now read as a Word field is.
10. Text a reader cannot see — a run of 2 pt or less (Word's 字号 down to 1), or white on the white page — between the
   groups of a mobile: the page reads 电话13805951234 (a speck) or 电话138 05951234 (a gap), the gate read 138XYZ…:
   published. Now such a run is read as hidden text is (both with it and without it).

Also held (survivors of the group's screen, and bugs planted by hand — each reverted, each failing a test here): the
allowed formats and every refusal of a content against its extension, word for word (a PDF header at byte 0 or
quoted in its first object); a number in unassigned code points (a set's zero anywhere within ten, two sets ten
apart); every text of a record, a mapping by keys and values, a list read across its entries field by field; an item's
and gongkai.yaml's findings at their line and column (in a literal block too) and the annual report's text; RTF
escapes, fallbacks, code pages and boundaries; Word symbols, numeric pictures, tabs, cells and breaks; an OFD line's
gaps (3 mm a word, 8 mm a space, more a column), a wide box, DeltaX; base64 wrapped over lines, in UTF-16 or in bytes
no text encoding reads.
"""

from __future__ import annotations

import base64
import io
import json
import textwrap
import zipfile
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, TODAY, CatalogDir
from test_hostile23_scanner_limits import _record, _run
from gongkai.privacy.detect import find
from gongkai.privacy.documents import document_segments

MOBILE = "13805951234"
MASKED_MOBILE = "138****1234"
ID_NUMBER = "11010519491231002X"
MASKED_ID = "11*************02X"
CARD = "6222021402001234563"
W = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
     'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
     'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
     'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"')
OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


# ------------------------------------------------------------------------------------------------ documents by hand

def _zip(parts: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def word(body: str, styles: str = "") -> bytes:
    """A Word document of *body* (paragraphs), with a styles part of *styles* (w:style elements) when given."""
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types '
                               'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "word/document.xml": f"<w:document {W}><w:body>{body}</w:body></w:document>"}
    if styles:
        parts["word/styles.xml"] = f"<w:styles {W}>{styles}</w:styles>"
    return _zip(parts)


def run(text: str, properties: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{properties}</w:rPr>" if properties else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def style(kind: str, name: str, properties: str = "", based: str = "") -> str:
    return (f'<w:style w:type="{kind}" w:styleId="{name}"><w:name w:val="{name}"/>'
            + (f'<w:basedOn w:val="{based}"/>' if based else "")
            + (f"<w:rPr>{properties}</w:rPr>" if properties else "")
            + "</w:style>")


def field(code: str, stored: str = "") -> str:
    """A field of runs (begin, code, separate, its stored result, end), as Word writes one."""
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + (run(stored) if stored else "")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def with_rtf(rtf: str) -> bytes:
    """A Word document showing an RTF document inline (an altChunk: text pasted from another program)."""
    return _zip({"[Content_Types].xml": '<?xml version="1.0"?><Types '
                                        'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
                 "word/document.xml": f'<w:document {W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                                      '2006/relationships"><w:body><w:altChunk r:id="rId9"/></w:body></w:document>',
                 "word/afchunk.rtf": rtf.encode("ascii")})


def text_object(x: float, width: float, codes: str, extra: str = "") -> str:
    return (f'<ofd:TextObject ID="3" Boundary="{x} 10 {width} 5" Font="3" Size="3" {extra}>{codes}'
            "</ofd:TextObject>")


def text_code(text: str, x: float = 0, more: str = "") -> str:
    return f'<ofd:TextCode X="{x}" Y="3" {more}>{text}</ofd:TextCode>'


def ofd(objects: str) -> bytes:
    """An OFD of one page holding *objects*."""
    return _zip({
        "OFD.xml": f'<?xml version="1.0"?><ofd:OFD {OFD_NS} Version="1.0"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x'
                   "</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f'<?xml version="1.0"?><ofd:Document {OFD_NS}><ofd:Pages><ofd:Page ID="1" '
                              'BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>',
        "Doc_0/Pages/Page_0/Content.xml": f'<?xml version="1.0"?><ofd:Page {OFD_NS}><ofd:Content><ofd:Layer ID="2">'
                                          f"{objects}</ofd:Layer></ofd:Content></ofd:Page>"})


def found(suffix: str, data: bytes) -> list[tuple[str, str, str]]:
    """(kind, digits, where) of every number the gate finds in an attachment of format *suffix*."""
    segments, _ = document_segments(suffix, data, "附件")
    return sorted({(hit.kind, hit.value, segment.where) for segment in segments for hit in find(segment.text)})


def kinds(suffix: str, data: bytes) -> list[tuple[str, str]]:
    return sorted({(kind, value) for kind, value, _ in found(suffix, data)})


P = "<w:p>{}</w:p>".format
SHOWN_WHERE = "正文（word/document.xml）（按 Word 显示）"
SHOWN = f"附件 {SHOWN_WHERE}"
HIDDEN_CHARACTERS = style("character", "Hidden", "<w:vanish/>")
HIDDEN_MARK = '<w:p><w:pPr><w:rPr><w:vanish/></w:rPr></w:pPr>' + run("电话1380") + "</w:p>"  # (its mark hidden)


# ------------------------------------------------------------------------------------------------ the CLI, first

def test_validate_names_every_case_and_build_site_publishes_the_account_alone(built):
    """Every finding of the catalog, in one list (mutmut runs, for a mutant of what the module's fixture calls, the
    first test that used it: this one)."""
    diagnostics, site, _ = built
    assert sorted((str(d["id"]), str(d["code"]), int(str(d["line"]))) for d in diagnostics
                  if str(d["code"]).startswith("GK6")) == [
        ("R2026-001", "GK602", 18), ("R2026-002", "GK602", 18), ("R2026-003", "GK602", 18),
        ("R2026-004", "GK602", 18), ("R2026-005", "GK602", 18), ("R2026-007", "GK603", 18)]
    pages = sorted(path.name for path in (site / "records").glob("R2026-*.html"))
    assert pages == ["R2026-006.html"]


# ------------------------------------------------------------------------------------------------ (1) hidden styles

@pytest.mark.parametrize("body, styles", [
    (P(run("电话1380") + run("（内部备注）", '<w:rStyle w:val="Hidden"/>') + run("5951234")), HIDDEN_CHARACTERS),
    # a style based on a hidden one is hidden too (its own rPr says nothing of 隐藏)
    (P(run("电话1380") + run("（内部备注）", '<w:rStyle w:val="Note"/>') + run("5951234")),
     HIDDEN_CHARACTERS + style("character", "Note", "<w:b/>", based="Hidden")),
    # a paragraph whose style is hidden: its runs and its mark are not shown (its own rPr need not say so) — the
    # paragraph before it (its mark hidden) and the one after meet
    (HIDDEN_MARK + '<w:p><w:pPr><w:pStyle w:val="Gone"/></w:pPr>' + run("（草稿）") + "</w:p>" + P(run("5951234")),
     style("paragraph", "Gone", "<w:vanish/>")),
    (HIDDEN_MARK + '<w:p><w:pPr><w:pStyle w:val="Gone"/></w:pPr>' + run("（草稿）") + "</w:p>" + P(run("5951234")),
     style("paragraph", "Draft", "<w:vanish/>") + style("paragraph", "Gone", based="Draft")),
], ids=["character-style", "based-on-hidden", "hidden-paragraph", "hidden-paragraph-based"])
def test_a_run_hidden_by_its_style_lets_the_text_around_it_meet(body, styles):
    assert ("mobile", MOBILE, SHOWN) in found("docx", word(body, styles))


@pytest.mark.parametrize("body, styles", [
    # a style that is not hidden (bold), or hidden with w:val="0", shows its text: 1380（内部备注）5951234 is no number
    (P(run("电话1380") + run("（内部备注）", '<w:rStyle w:val="Strong"/>') + run("5951234")),
     style("character", "Strong", "<w:b/>")),
    (P(run("电话1380") + run("（内部备注）", '<w:rStyle w:val="Off"/>') + run("5951234")),
     style("character", "Off", '<w:vanish w:val="0"/>')),
    # the run's own mark decides over its style: shown
    (P(run("电话1380") + run("（内部备注）", '<w:rStyle w:val="Hidden"/><w:vanish w:val="false"/>') + run("5951234")),
     HIDDEN_CHARACTERS),
    # a paragraph in a visible style keeps its text and its mark
    (HIDDEN_MARK + '<w:p><w:pPr><w:pStyle w:val="Body"/></w:pPr>' + run("（草稿）") + "</w:p>" + P(run("5951234")),
     style("paragraph", "Body", "<w:sz w:val=\"28\"/>") + HIDDEN_CHARACTERS),
    # a paragraph style's hidden mark: only the paragraph's own rPr, not a character style, can show its runs
    (HIDDEN_MARK + '<w:p><w:pPr><w:pStyle w:val="Gone"/></w:pPr>' + run("（草稿）", '<w:vanish w:val="0"/>')
     + "</w:p>" + P(run("5951234")), style("paragraph", "Gone", "<w:vanish/>")),
], ids=["visible-style", "vanish-off", "own-mark-decides", "visible-paragraph", "run-shown-in-hidden-paragraph"])
def test_a_run_in_a_visible_style_keeps_the_groups_apart(body, styles):
    assert kinds("docx", word(body, styles)) == []


def test_the_document_hidden_by_a_style_is_held_back_by_the_cli(built):
    assert _codes(built, "style") == [("GK602", f"{SHOWN_WHERE}有未遮盖的手机号码「{MASKED_MOBILE}」（已遮盖显示）")]


# ------------------------------------------------------------------------------------------------ (2) fields in place

@pytest.mark.parametrize("body", [
    P(run("电话138") + field(' QUOTE "0595" ') + run("1234")),
    P(run("电话") + field(' QUOTE "138" ') + field(" QUOTE 05951234 ")),
    P(run("电话") + "".join(field(f" SYMBOL {ord(digit)} ") for digit in MOBILE)),
    P(run("电话") + "".join(field(f' SYMBOL 0x{ord(digit):x} \\f "Arial" ') for digit in MOBILE)),
    # a field's stored result is replaced by what it computes: { = 595*10000+1234 } stored as «（见附表）»
    P(run("电话1380") + field(" = 595*10000+1234 ", "（见附表）")),
    # a simple field (one element, w:fldSimple) the same way
    P(run("电话138") + '<w:fldSimple w:instr=" QUOTE 0595 ">' + run("（略）") + "</w:fldSimple>" + run("1234")),
    # a field in a field's code is no part of it: the outer QUOTE shows 0595
    P(run("电话138") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> QUOTE 0595 </w:instrText>'
      "</w:r>" + field(" PAGE ", "1") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + run("1234")),
], ids=["quote-between", "two-quotes", "symbols", "symbols-hex", "formula-replaces-stored", "simple", "nested"])
def test_a_field_shows_its_result_in_its_place(body):
    assert ("mobile", MOBILE, SHOWN) in found("docx", word(body))


@pytest.mark.parametrize("body", [
    # a field gongkai does not compute shows what it stores: 138 ‹第1页› 05951234 is no number
    P(run("电话138") + field(" PAGE ", "第1页") + run("05951234")),
    # a QUOTE of text with its own words between the groups
    P(run("电话138") + field(' QUOTE "（办公室）" ', "（办公室）") + run("05951234")),
    # a field with no result known and an empty stored one, among words
    P(run("电话138") + field(" DATE \\@ yyyy ") + run("，金额5951234元")),
], ids=["page", "quote-words", "date"])
def test_a_field_whose_result_is_words_keeps_the_groups_apart(body):
    assert kinds("docx", word(body)) == []


def test_a_symbol_field_of_a_symbol_font_shows_its_character():
    body = P(run("电话") + "".join(field(f' SYMBOL {0xF000 + ord(digit)} \\f "Symbol" ') for digit in MOBILE))
    assert ("mobile", MOBILE, SHOWN) in found("docx", word(body))


def test_a_field_document_is_held_back_by_the_cli(built):
    assert _codes(built, "field") == [("GK602", f"{SHOWN_WHERE}有未遮盖的手机号码「{MASKED_MOBILE}」（已遮盖显示）")]


# ------------------------------------------------------------------------------------------------ (7) out of line

def text_box(text: str) -> str:
    """A floating text box holding *text*, as Word writes it: a drawing, and the same box in VML for older readers."""
    box = "<w:txbxContent><w:p>" + run(text) + "</w:p></w:txbxContent>"
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wp:positionH '
            'relativeFrom="page"><wp:posOffset>5000000</wp:posOffset></wp:positionH><a:graphic><a:graphicData>'
            f"<wps:wsp><wps:txbx>{box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"
            f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{box}</v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>")


def ruby(base: str, guide: str) -> str:
    return f"<w:r><w:ruby><w:rubyPr/><w:rt>{run(guide)}</w:rt><w:rubyBase>{run(base)}</w:rubyBase></w:ruby></w:r>"


@pytest.mark.parametrize("body", [
    P(run("电话138") + text_box("（注：见附表）") + run("05951234")),
    P(run("电话138") + ruby("0595", "líng wǔ jiǔ wǔ") + run("1234")),
    P(run("电话138") + ruby("0595", "注") + text_box("备注") + run("1234")),
], ids=["text-box", "ruby", "both"])
def test_a_text_box_or_a_ruby_guide_is_not_on_the_line(body):
    assert ("mobile", MOBILE, SHOWN) in found("docx", word(body))


def test_a_text_box_is_read_apart():
    body = P(run("经办人") + text_box(f"身份证号{ID_NUMBER}") + run("已审核"))
    assert ("id", ID_NUMBER, SHOWN) in found("docx", word(body))


# ------------------------------------------------------------------------------------------------ (8) marks deleted

DELETED_MARK = '<w:pPr><w:rPr><w:del w:id="1" w:author="张三" w:date="2026-11-20T09:00:00Z"/></w:rPr></w:pPr>'


@pytest.mark.parametrize("body", [
    f"<w:p>{DELETED_MARK}" + run("电话138") + "</w:p>" + P(run("05951234")),
    f"<w:p>{DELETED_MARK.replace('w:del ', 'w:moveFrom ')}" + run("电话138") + "</w:p>" + P(run("05951234")),
], ids=["deleted", "moved-away"])
def test_a_deleted_paragraph_mark_joins_the_paragraphs(body):
    assert ("mobile", MOBILE, SHOWN) in found("docx", word(body))


def test_an_inserted_paragraph_mark_keeps_them_apart():
    body = ('<w:p><w:pPr><w:rPr><w:ins w:id="1" w:author="张三"/></w:rPr></w:pPr>' + run("电话138") + "</w:p>"
            + P(run("05951234")) + P('<w:del w:id="2" w:author="张三"><w:r><w:delText>旧</w:delText></w:r></w:del>'))
    assert kinds("docx", word(body)) == []


# ------------------------------------------------------------------------------------------------ (10) unseen runs

@pytest.mark.parametrize("properties", ['<w:sz w:val="4"/>', '<w:sz w:val="2"/>', '<w:color w:val="FFFFFF"/>',
                                        '<w:color w:val="ffffff"/><w:sz w:val="28"/>'],
                         ids=["2pt", "1pt", "white", "white-lowercase"])
def test_a_run_too_small_or_white_lets_the_text_around_it_meet(properties):
    assert ("mobile", MOBILE, SHOWN) in found("docx", word(P(run("电话138") + run("XYZ", properties) + run("05951234"))))


@pytest.mark.parametrize("properties", ['<w:sz w:val="6"/>', '<w:sz w:val="x"/>', '<w:color w:val="FF0000"/>',
                                        '<w:color w:val="FFFFFF"/><w:highlight w:val="black"/>',
                                        '<w:color w:val="FFFFFF"/><w:shd w:val="clear" w:fill="C00000"/>'],
                         ids=["3pt", "size-not-a-number", "red", "white-on-black", "white-on-red"])
def test_a_run_a_reader_sees_keeps_the_groups_apart(properties):
    assert kinds("docx", word(P(run("电话138") + run("XYZ", properties) + run("05951234")))) == []


# ------------------------------------------------------------------------------------------------ (3) RTF chunks

RTF_WHERE = "附件 word/afchunk.rtf（RTF，按 Word 显示）"


@pytest.mark.parametrize("rtf", [
    "{\\rtf1\\ansi 138{\\v XYZ}05951234}",
    "{\\rtf1\\ansi 138\\v XYZ\\v0 05951234}",
    "{\\rtf1\\ansi 138{\\deleted XYZ}05951234}",
    "{\\rtf1\\ansi 138\\deleted XYZ\\deleted0 05951234}",
    # \\plain ends hidden text
    "{\\rtf1\\ansi \\v XYZ\\plain 138{\\v 999}05951234}",
], ids=["hidden-group", "hidden-toggled", "deleted-group", "deleted-toggled", "plain"])
def test_hidden_or_deleted_rtf_text_lets_the_text_around_it_meet(rtf):
    assert ("mobile", MOBILE, RTF_WHERE) in found("docx", with_rtf(rtf))


@pytest.mark.parametrize("rtf", [
    # hidden text holding a number is still read (anyone can show hidden text)
    f"{{\\rtf1\\ansi Amount{{\\v {ID_NUMBER}}} yuan}}",
    # an escaped number in a hidden group: read with the group
    "{\\rtf1\\ansi {\\v " + "".join(f"\\'{ord(d):02x}" for d in ID_NUMBER) + "}}",
])
def test_hidden_rtf_text_is_read_too(rtf):
    assert ("id", ID_NUMBER, RTF_WHERE) in found("docx", with_rtf(rtf))


@pytest.mark.parametrize("rtf", [
    # hidden text ends with its group or \\v0: what follows is shown, apart from what came before
    "{\\rtf1\\ansi 138{\\v X}Y05951234}",
    "{\\rtf1\\ansi 138\\v X\\v0 Y05951234}",
    "{\\rtf1\\ansi 138{\\b Y}05951234}",
], ids=["group-ends", "v0-ends", "bold-is-shown"])
def test_rtf_text_shown_keeps_the_groups_apart(rtf):
    assert kinds("docx", with_rtf(rtf)) == []


def test_a_text_box_document_is_held_back_by_the_cli(built):
    assert _codes(built, "box") == [("GK602", f"{SHOWN_WHERE}有未遮盖的手机号码「{MASKED_MOBILE}」（已遮盖显示）")]


@pytest.mark.parametrize("rtf", [
    '{\\rtf1\\ansi 138{\\field{\\*\\fldinst QUOTE "0595"}{\\fldrslt }}1234}',
    # the code in a group of its own, the stored result in one too
    "{\\rtf1\\ansi 138{\\field{\\*\\fldinst { QUOTE 0595 }}{\\fldrslt {(x)}}}1234}",
    # a SYMBOL field replacing a stored 9 by the 0 it shows
    "{\\rtf1\\ansi 138{\\field{\\*\\fldinst SYMBOL 48}{\\fldrslt 9}}5951234}",
    # a formula without a stored result, then an escaped brace after it
    "{\\rtf1\\ansi 1380{\\field{\\*\\fldinst = 595*10000+1234}} \\}}",
], ids=["quote", "groups", "symbol", "formula"])
def test_an_rtf_field_shows_its_result_in_its_place(rtf):
    assert ("mobile", MOBILE, RTF_WHERE) in found("docx", with_rtf(rtf))


def test_an_rtf_field_gongkai_does_not_compute_shows_what_it_stores():
    assert kinds("docx", with_rtf("{\\rtf1\\ansi 138{\\field{\\*\\fldinst PAGE}{\\fldrslt 1}}05951234}")) == []


def test_an_rtf_chunk_with_hidden_text_is_held_back_by_the_cli(built):
    assert _codes(built, "rtf") == [("GK602", f"word/afchunk.rtf（RTF，按 Word 显示）有未遮盖的手机号码「{MASKED_MOBILE}」（已遮盖显示）")]


# ------------------------------------------------------------------------------------------------ (4) OFD placement

OFD_WHERE = "附件 OFD 第1页（Doc_0/Pages/Page_0/Content.xml）（按版面位置）"


@pytest.mark.parametrize("objects", [
    # «05951234» stored first with its box at 10 mm but moved 20 mm right by its matrix; «电话138» at 10 mm to 28 mm
    text_object(10, 20, text_code("05951234"), 'CTM="1 0 0 1 20 0"') + text_object(10, 18, text_code("电话138")),
    # one TextCode written right to left, each character 3 mm left of the one before (read reversed already)
    text_object(40, 36, text_code("43215950831", 33, 'DeltaX="g 10 -3"')),
    # the characters stored 3 1 8, placed 1 3 8 by their advances (电 0 mm, 话 3, 3 at 9, 1 at 6, 8 at 12)
    text_object(10, 40, text_code("电话318", 0, 'DeltaX="3 6 -3 6"') + text_code("05951234", 15)),
    # a matrix that scales points to millimetres (0.3528): X in points (one object: read whole already)
    text_object(10, 60, text_code("电话138") + text_code("05951234", 25.5), 'CTM="0.3528 0 0 0.3528 0 0"'),
], ids=["ctm-moves", "right-to-left", "advances-reorder", "ctm-scales"])
def test_an_ofd_piece_stands_where_its_matrix_and_advances_put_it(objects):
    assert ("mobile", MOBILE, OFD_WHERE) in found("ofd", ofd(objects))


@pytest.mark.parametrize("objects", [
    # moved 60 mm right by its matrix: another column of the table, no number with 电话138
    text_object(30, 20, text_code("05951234"), 'CTM="1 0 0 1 60 0"') + text_object(10, 18, text_code("电话138")),
], ids=["ctm-far-right"])
def test_an_ofd_piece_moved_away_stays_apart(objects):
    assert kinds("ofd", ofd(objects)) == []


def test_an_ofd_piece_moved_by_its_matrix_is_held_back_by_the_cli(built):
    assert _codes(built, "ofd") == [
        ("GK602", f"OFD 第1页（Doc_0/Pages/Page_0/Content.xml）（按版面位置）有未遮盖的手机号码「{MASKED_MOBILE}」（已遮盖显示）")]


# ------------------------------------------------------------------------------------------------ (5) hexadecimal

@pytest.mark.parametrize("text", [
    "数据：0x31, 0x33, 0x38, 0x30, 0x35, 0x39, 0x35, 0x31, 0x32, 0x33, 0x34",
    "{0x31,0x33,0x38,0x30,0x35,0x39,0x35,0x31,0x32,0x33,0x34};",
    "0X31 0X33 0X38 0X30 0X35 0X39 0X35 0X31 0X32 0X33 0X34",
    "0x31;0x33;0x38;0x30;0x35;0x39;0x35;0x31;0x32;0x33;0x34",
])
def test_a_mobile_as_an_array_of_bytes_is_found(text):
    assert [(hit.kind, hit.value, hit.encoded) for hit in find(text)] == [("mobile", MOBILE, "十六进制编码")]


@pytest.mark.parametrize("text", [
    "年龄：31,33,38,30,35,39,35,31,32,33,34",  # a CSV row of ages: no bytes
    "0x31, 0x33, 0x38, 0x30, 0x35, 0x39, 0x35, 0x31, 0x32, 0x33",  # ten bytes: 1380595123, no mobile
])
def test_numbers_apart_by_commas_are_no_bytes(text):
    assert list(find(text)) == []


# ------------------------------------------------------------------------------------------------ (6) accounts

PERSON = f"户名：陈水生；账号：{CARD}"
ACCOUNTS = {
    "semicolons": f"户名：安溪县慈善总会；开户行：中国工商银行安溪支行；账号：{CARD}",
    "note-after-name": f"户名：安溪县慈善总会（募捐专户），账号：{CARD}",
    "special-account": f"户名：安溪县红十字会赈灾专户，账号：{CARD}",
    "basic-account": f"户名：安溪县社会福利中心（基本户），账号：{CARD}",
    "collecting": f"户名：安溪县慈善总会，开户行：中国工商银行安溪支行，收款账号：{CARD}",
    "public": f"户名：安溪县慈善总会，对公账号：{CARD}",
    "number-of-account": f"收款单位：安溪县慈善总会，账户号码：{CARD}",
    "old-spelling": f"户名：安溪县慈善总会，帐户：{CARD}",
    "aligned": f"户　　名：安溪县慈善总会\n开 户 行：中国工商银行安溪支行\n账　　号：{CARD}",
}


@pytest.mark.parametrize("case", list(ACCOUNTS))
def test_an_organisations_account_as_notices_write_it_is_published(case):
    assert list(find(ACCOUNTS[case])) == []


@pytest.mark.parametrize("text", [
    "安溪县殡仪馆（地　　址：安溪县城厢镇砖文村13号）",
    "安溪县社会福利中心\n地　　址：安溪县城厢镇解放路12号",
    "安溪县社会福利中心；地址：安溪县城厢镇解放路12号",
    "安溪县社会福利中心;办公地址:安溪县城厢镇解放路12号",
])
def test_an_organisations_address_as_notices_write_it_is_published(text):
    assert list(find(text)) == []


@pytest.mark.parametrize("text", [
    "陈水生，地　　址：安溪县城厢镇解放路12号",
    "陈水生；地址：安溪县城厢镇解放路12号",
    "陈水生住　　所：安溪县城厢镇解放路12号",
])
def test_a_persons_address_so_written_is_held_back(text):
    assert [hit.kind for hit in find(text)] == ["address"]


@pytest.mark.parametrize("text", [
    PERSON,
    f"户名：陈水生（安溪县慈善总会会员），账号：{CARD}",
    f"户名：安溪县某某公司（陈水生），账号：{CARD}",  # a person named after the company: whose card it may be
    f"户　　名：陈水生\n账　　号：{CARD}",
    f"户名：陈水生，收款账号：{CARD}",
    f"户名：安溪县慈善总会。陈水生账号：{CARD}",  # a sentence ends: no part of the organisation's account
    f"户名：安溪县慈善总会，卡号：{CARD}",  # a card, not an account
])
def test_a_persons_account_so_written_is_held_back(text):
    assert [(hit.kind, hit.value) for hit in find(text)] == [("bank", CARD)]


def test_the_organisations_account_is_on_the_page_and_the_persons_is_not(built):
    diagnostics, site = built[0], built[1]
    assert _codes(built, "account") == []
    page = (site / "records" / f"R2026-{NUMBER['account']:03d}.html").read_text(encoding="utf-8")
    assert "安溪县慈善总会" in page and CARD in page
    assert _codes(built, "person") == [("GK603", "正文第1行有未遮盖的银行卡号「6222***********4563」（已遮盖显示）")]
    assert not (site / "records" / f"R2026-{NUMBER['person']:03d}.html").exists()


# ------------------------------------------------------------------------------------------------ the CLI, once

DOCUMENTS = {
    "style": ("style.docx", lambda: word(P(run("联系电话1380") + run("（内部）", '<w:rStyle w:val="Hidden"/>')
                                          + run("5951234")), HIDDEN_CHARACTERS)),
    "field": ("field.docx", lambda: word(P(run("联系电话138") + field(' QUOTE "0595" ') + run("1234")))),
    "rtf": ("chunk.docx", lambda: with_rtf("{\\rtf1\\ansi 138{\\v XYZ}05951234}")),
    "box": ("box.docx", lambda: word(P(run("联系电话138") + text_box("（注：见附表）") + run("05951234")))),
    "ofd": ("moved.ofd", lambda: ofd(text_object(10, 20, text_code("05951234"), 'CTM="1 0 0 1 20 0"')
                                     + text_object(10, 18, text_code("电话138")))),
}
BODIES = {"account": ACCOUNTS["semicolons"], "person": PERSON}
NUMBER = {case: n for n, case in enumerate([*DOCUMENTS, *BODIES], start=1)}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[dict[str, object]], Path, str]:
    """One catalog of every case, validated (json) and published once: (diagnostics, site, what was printed)."""
    root = tmp_path_factory.mktemp("h32")
    cat = CatalogDir(root / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    for case, (name, make) in DOCUMENTS.items():
        cat.record(_record(NUMBER[case], name), f"records/2026/R2026-{NUMBER[case]:03d}.yaml")
        cat.write(f"files/2026/{name}", make())
    for case, text in BODIES.items():
        record = _record(NUMBER[case], "x").split("附件:")[0] + "正文: |\n  " + text.replace("\n", "\n  ") + "\n"
        cat.record(record, f"records/2026/R2026-{NUMBER[case]:03d}.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", TODAY)
        patch.setenv("COLUMNS", "200")
        code, out = _run("validate", cat.root, "--format", "json", "--no-cache")
        assert code == 1, out
        site = root / "site"
        built_code, printed = _run("build-site", cat.root, "--out", site, "--no-search")
        assert built_code == 0, printed
    return json.loads(out)["diagnostics"], site, printed


def _codes(built: tuple[list[dict[str, object]], Path, str], case: str) -> list[tuple[str, str]]:
    """(code, the message after the attachment's name) of the GK6xx findings of the record of *case*."""
    diagnostics = built[0]
    found = [(str(d["code"]), str(d["message"])) for d in diagnostics
             if d["id"] == f"R2026-{NUMBER[case]:03d}" and str(d["code"]).startswith("GK6")]
    name = DOCUMENTS[case][0] if case in DOCUMENTS else ""
    return [(code, message.split(f"附件「files/2026/{name}」", 1)[-1].lstrip(" ")) for code, message in found]


@pytest.mark.parametrize("case", list(DOCUMENTS))
def test_nothing_of_a_held_back_document_is_published(built, case):
    site = built[1]
    name = DOCUMENTS[case][0]
    assert not (site / "files" / "2026" / name).exists()
    assert not (site / "records" / f"R2026-{NUMBER[case]:03d}.html").exists()
    assert f"R2026-{NUMBER[case]:03d} 没有发布" in built[2]
    written = b"".join(path.read_bytes() for path in site.rglob("*") if path.is_file())
    assert MOBILE.encode() not in written and CARD.encode() in written  # (the organisation's account only)


# ------------------------------------------------------------------------------------------------ formats (held)

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
LOCKED = OLE2 + b"\x00" * 40 + "EncryptedPackage".encode("utf-16-le")
ALLOWED = "允许的格式：PDF、OFD、CEB、DOCX、XLSX、XLS、CSV、JPG、PNG"


@pytest.mark.parametrize("suffix, said", [
    ("pdf", None), ("ofd", None), ("ceb", None), ("docx", None), ("xlsx", None), ("xls", None), ("csv", None),
    ("jpg", None), ("jpeg", None), ("png", None),
    ("svg", f"「.svg」不是允许公开的附件格式：网页和脚本在门户网站上会被浏览器执行（跨站脚本攻击），不能作为附件。{ALLOWED}"),
    ("bat", f"「.bat」不是允许公开的附件格式：可执行程序和脚本不能公开。{ALLOWED}"),
    ("7z", f"「.7z」不是允许公开的附件格式：压缩包里的文件无法逐一检查个人信息，请解压后逐个登记。{ALLOWED}"),
    ("wps", "「.wps」不是允许公开的附件格式：gongkai 不能可靠读取这种格式的全部文字（含页眉页脚、批注、修订记录），"
            f"无法检查其中的个人信息；请另存为 docx、xlsx 或 PDF 后登记。{ALLOWED}"),
    ("txt", f"「.txt」不是允许公开的附件格式。{ALLOWED}"),
    ("", f"没有扩展名的文件不是允许公开的附件格式。{ALLOWED}"),
])
def test_which_formats_may_be_published_and_why_not(suffix, said):
    from gongkai.privacy.formats import refusal

    assert refusal(suffix) == said


def _zip_of(*names: str) -> bytes:
    return _zip({name: "<x/>" for name in names})


@pytest.mark.parametrize("suffix, data, said", [
    ("pdf", b"", "文件是空的（0 字节），可能是复制、下载或保存时没有完成"),
    ("csv", b"", "文件是空的（0 字节），可能是复制、下载或保存时没有完成"),
    ("txt", b"", None),  # (no check of its own: refused by its extension)
    ("pdf", b"\n%PDF-1.7\n", None),
    ("pdf", b" " * 1019 + b"%PDF-1.7", None),  # %PDF- ending at byte 1024: readers find it
    ("pdf", b" " * 1020 + b"%PDF-1.7", "内容不是 PDF（文件开头没有 %PDF-）"),
    ("pdf", b"<html><script></script>%PDF-1.7", "内容不是单纯的 PDF（%PDF- 之前藏有网页或脚本）"),
    ("docx", _zip_of("word/document.xml"), None),
    ("docx", _zip_of("xl/workbook.xml"), "内容不是 Word 文档（缺少 word/document.xml）"),
    ("docx", b"PK\x03\x04" + b"\x00" * 60, "内容不是 Word 文档（zip 结构已损坏）"),
    ("docx", b"%PDF-1.7", "内容不是 Word 文档（不是 zip 格式的文件）"),
    ("docx", LOCKED, "内容不是可读取的 Word 文档（文件设了打开密码，已加密）"),
    ("xlsx", _zip_of("xl/workbook.xml"), None),
    ("xlsx", _zip_of("word/document.xml"), "内容不是 Excel 表格（缺少 xl/workbook.xml）"),
    ("ofd", _zip_of("OFD.xml"), None),
    ("ofd", _zip_of("Doc_0/Document.xml"), "内容不是 OFD 文档（缺少 OFD.xml）"),
    ("xls", OLE2 + b"\x00" * 40, None),
    ("xls", LOCKED, "内容不是可读取的 Excel 97-2003 表格（文件设了打开密码，已加密）"),
    ("xls", _zip_of("xl/workbook.xml"), "内容不是 Excel 97-2003 表格（不是 OLE2 复合文档）"),
    ("jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", None),
    ("jpeg", b"\x89PNG\r\n\x1a\n", "内容不是 JPEG 图片"),
    ("png", b"\x89PNG\r\n\x1a\n\x00", None),
    ("png", b"\xff\xd8\xff\xe0", "内容不是 PNG 图片"),
    ("csv", "姓名,金额\n陈水生,880\n".encode(), None),
    ("csv", b"  \n<html><body>", "内容像网页（以 < 开头），不是 CSV 表格"),
    ("csv", b"\x00\x01\x02\x03\xff\xfe\xfd" * 20,
     "内容不是文本表格（无法按 UTF-8、UTF-16 或 GB18030 解码，或含有二进制内容）"),
    ("ceb", b"%PDF-1.7", "内容是PDF，不是 CEB 文档"),
    ("ceb", b"PK\x03\x04", "内容是zip 压缩包，不是 CEB 文档"),
    ("ceb", b"MZ\x90\x00", "内容是Windows 程序，不是 CEB 文档"),
    ("ceb", OLE2, "内容是Office 文档，不是 CEB 文档"),
    ("ceb", b"\r\n  <HTML>", "内容是网页，不是 CEB 文档"),
    ("ceb", b"\xef\xbb\xbf<html>", "内容是网页，不是 CEB 文档"),
    ("ceb", b"CEBX\x00\x01 layout", None),
])
def test_whether_a_files_content_is_what_its_extension_says(suffix, data, said):
    from gongkai.privacy.formats import mismatch

    assert mismatch(suffix, data) == said


def test_an_ole_file_without_an_encrypted_package_is_not_locked():
    from gongkai.privacy.formats import password_protected

    assert (password_protected(OLE2 + b"\x00" * 40), password_protected(LOCKED),
            password_protected(b"EncryptedPackage".join([b"", b""]) + LOCKED[8:])) == (False, True, False)


# ------------------------------------------------------------------------------------------------ unassigned (held)

# U+0378 and U+0379 have been unassigned since Unicode 1.1 (a gap in Greek and Coptic); planes 4 to 13 (U+40000 …)
# are wholly unassigned. A browser's font of a later Unicode may draw any of them as a digit.
@pytest.mark.parametrize("text", [
    "电话138" + "".join(chr(0x40000 + int(digit)) for digit in "05951234"),  # digits of a set whose zero is U+40000
    "电话" + "".join(chr(0x40003 + int(digit)) for digit in MOBILE),  # … or U+40003: every zero is tried
    "电话1380595\u0379234",  # one unassigned code point as 1 (its set's zero at U+0378)
    "电话138\U00040005" + "0595\U000400051234",  # as a separator between the groups
    # two sets far apart: 0595 in plane 4, the 1 after them at U+0379 (ten zeros tried for it)
    "电话138" + "".join(chr(0x40000 + int(digit)) for digit in "0595") + "\u0379234",
])
def test_a_number_written_in_unassigned_code_points_is_found(text):
    # (U+0379 alone may be any digit: the first reading that is a number is named — its zero at U+0370, a 9)
    expected = "13805959234" if "\u0379" in text else MOBILE
    assert [(hit.kind, hit.value) for hit in find(text)] == [("mobile", expected)]


def test_the_unassigned_code_points_of_a_text():
    from gongkai.privacy.unknown import has_unassigned_astral, unassigned_in

    assert unassigned_in("a\u0379b\U00040005c\u0378\U00040005") == [0x378, 0x379, 0x40005]
    assert unassigned_in("ascii only 123") == [] and unassigned_in("电话😀") == []
    assert (has_unassigned_astral("😀\U00040000"), has_unassigned_astral("😀𠀀"), has_unassigned_astral("\u0378")) == \
        (True, False, False)


# ------------------------------------------------------------------------------------------------ sources (held)

def test_personal_data_in_an_item_or_gongkai_yaml_stops_the_site_and_names_its_line(tmp_path):
    """An ID in an item's 备注, a mobile split over two entries of 公开内容 (a page shows them one under the other), a
    leader's 简历 holding a mobile, another's 分工 holding one on the second line of its block: build-site publishes
    nothing and names each by file, line, column and field; the bureau's own phone (0595-23000000) is no finding."""
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY.replace("    职务: 局长\n", f"    职务: 局长\n    简历: 曾任某某，电话{MOBILE}\n"
                                                         f"  - 姓名: 李副局长\n    职务: 副局长\n    分工: |\n"
                                                         f"      分管社会救助\n      联系电话{MOBILE}\n"))
    cat.item(ITEM.replace("  - 低保对象名单及相关信息\n", "  - 低保对象名单及相关信息\n  - 咨询电话1380595\n  - 1234\n")
             + f"备注: 经办人身份证{ID_NUMBER}\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", TODAY)
        code, printed = _run("build-site", cat.root, "--out", tmp_path / "site", "--no-search")
        checked, out = _run("validate", cat.root, "--format", "json", "--no-cache")
    assert checked == 1
    assert sorted((d["path"], d["id"], d["code"], d["line"], d["column"]) for d in json.loads(out)["diagnostics"]
                  if str(d["code"]).startswith("GK6")) == [
        ("gongkai.yaml", None, "GK602", 36, 9), ("gongkai.yaml", None, "GK602", 41, 1),
        ("items/shjz/SHJZ-001.yaml", "SHJZ-001", "GK601", 19, 5),
        ("items/shjz/SHJZ-001.yaml", "SHJZ-001", "GK602", 8, 5)]
    assert code == 1, printed
    assert printed.splitlines()[-6:] == [
        "已停止发布：公开事项或 gongkai.yaml 中有未遮盖的个人信息，网站没有更新：",
        f"  事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第19行第5列「备注」）：身份证号「{MASKED_ID}」",
        f"  事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第8行第5列「公开内容」第2项与第3项连起来）：手机号码「{MASKED_MOBILE}」",
        f"  gongkai.yaml 第36行第9列「领导」第1项「简历」：手机号码「{MASKED_MOBILE}」",
        f"  gongkai.yaml 第41行第1列「领导」第2项「分工」：手机号码「{MASKED_MOBILE}」",
        "请遮盖或删除后运行 gongkai validate 检查。"]
    assert not (tmp_path / "site").exists() or not list((tmp_path / "site").rglob("*.html"))


def test_the_output_scan_reads_the_documents_as_they_are_shown(tmp_path):
    """What build-site checks last in what it wrote (a docx in a handover's zip, say) reads them as the gate does."""
    from gongkai.privacy.outputs import scan_tree

    for case, (name, make) in DOCUMENTS.items():
        (tmp_path / name).write_bytes(make())
    found = sorted((f.file, f.kind, f.masked_value) for f in scan_tree(tmp_path, None, frozenset()))
    assert found == [("box.docx", "mobile", MASKED_MOBILE), ("chunk.docx", "mobile", MASKED_MOBILE),
                     ("field.docx", "mobile", MASKED_MOBILE),
                     ("moved.ofd", "mobile", MASKED_MOBILE), ("style.docx", "mobile", MASKED_MOBILE)]


# ------------------------------------------------------------------------------------------------ fields (held)

def test_every_text_of_a_record_with_its_path():
    """The source scan reads what model_texts finds: every value, dates and numbers as the page shows them, nested
    fields by their path of YAML keys; a field skipped by name (the body, read on its own) left out."""
    from ruamel.yaml import YAML

    from conftest import RECORD
    from gongkai.model import Record
    from gongkai.privacy.fields import model_texts

    text = RECORD.replace("页数: 1\n", "页数: 1\n附件:\n  - 文件: files/2026/a.pdf\n    名称: 名单\n")
    record = Record.model_validate(YAML(typ="safe").load(text))
    assert model_texts(record, frozenset({"正文"})) == [
        (("编号",), "R2026-001"), (("题名",), "测试县民政局关于2026年第三季度低保对象名单的公示"),
        (("文号",), "测民〔2026〕1号"), (("索引号",), "350524-MZ-2026-00001"), (("文种",), "公示"),
        (("责任单位",), "shjzg"), (("事项",), "SHJZ-001"), (("公开属性",), "主动公开"),
        (("保密审查", "审查人"), "张三"), (("保密审查", "审查日期"), "2026-09-01"),
        (("保密审查", "结论"), "不涉及国家秘密，同意主动公开"), (("成文日期",), "2026-09-01"),
        (("公开日期",), "2026-09-03"), (("公示截止",), "2026-12-31"), (("页数",), "1"),
        (("附件", 0, "文件"), "files/2026/a.pdf"), (("附件", 0, "名称"), "名单")]
    assert (("正文",), "经审核，现将名单予以公示。") in model_texts(record)


def test_a_mapping_is_read_by_its_keys_and_values_and_a_yes_or_no_is_no_text():
    from ruamel.yaml import YAML

    from gongkai.model import Agency
    from gongkai.privacy.fields import model_texts

    text = (AGENCY.replace("      名称: 测试县档案馆\n", "      名称: 测试县档案馆\n      接收名单: true\n")
            + "检查:\n  严重程度:\n    GK605: warning\n")
    agency = Agency.model_validate(YAML(typ="safe").load(text))
    texts = [(path, text) for path, text in model_texts(agency) if path[0] in ("移交", "检查")]
    assert texts == [
        (("移交", "接收单位", 0, "编号"), "dag"), (("移交", "接收单位", 0, "名称"), "测试县档案馆"),
        (("移交", "接收单位", 1, "编号"), "tsg"), (("移交", "接收单位", 1, "名称"), "测试县图书馆"),
        (("移交", "移交日", 0), "5"), (("移交", "移交日", 1), "20"), (("移交", "份数"), "2"),
        (("移交", "时限工作日"), "20"), (("检查", "严重程度"), "GK605"), (("检查", "严重程度", "GK605"), "warning"),
        (("检查", "解读时限工作日"), "3")]


def test_the_texts_a_list_shows_one_under_another():
    """list_runs: each field of a list's entries, in order, with their paths; a list of one entry is no run, and
    fields named as codes (编号, 区划代码) are never read across entries."""
    from gongkai.privacy.fields import describe, list_runs

    texts = [(("公开内容", 0), "咨询电话1380595"), (("公开内容", 1), "1234"), (("公开依据", 0), "《条例》"),
             (("单位", 0, "编号"), "138"), (("单位", 0, "名称"), "办公室"), (("单位", 0, "类型"), "股室"),
             (("单位", 1, "编号"), "05951234"), (("单位", 1, "名称"), "社会救助股"), (("单位", 1, "类型"), "股室"),
             (("单位", 1, "区划代码"), "350524101")]
    assert list_runs(texts) == [
        [(("公开内容", 0), "咨询电话1380595"), (("公开内容", 1), "1234")],
        [(("单位", 0, "名称"), "办公室"), (("单位", 1, "名称"), "社会救助股")],
        [(("单位", 0, "类型"), "股室"), (("单位", 1, "类型"), "股室")]]
    assert describe(("附件", 0, "文件")) == "「附件」第1项「文件」" and describe(("公开内容", 11)) == "「公开内容」第12项"


# ------------------------------------------------------------------------------------------------ RTF (held)

@pytest.mark.parametrize("rtf, shown", [
    # GBK bytes escaped (\'b5\'e7 is 电, \'bb\'b0 话), a paragraph's end a boundary no number crosses
    (rb"{\rtf1\ansi\ansicpg936 \'b5\'e7\'bb\'b0138\par 0595}", "电话138\x000595"),
    # \uN then its fallback: \uc2 skips two characters after each (escapes and text alike)
    (rb"{\rtf1\ansi \uc2\u49\'3f\'3f\u51 xy8}", "138"),
    # \uc0 in a group: no fallback there; after the group, one again
    (rb"{\rtf1\ansi {\uc0 \u49\u51}\u56?}", "138"),
    # a negative \u is a code above 32767 (65536 - 4 = U+FFFC)
    (rb"{\rtf1\ansi \u-4 \'3f}", "\ufffc"),
    # control symbols: a non-breaking space, an optional hyphen (not shown), a non-breaking hyphen, escaped \ { }
    (rb"{\rtf1\ansi a\~b\-c\_d\\e\{f\}}", "a bc-d\\e{f}"),
    # UTF-8 as the code page (65001)
    (rb"{\rtf1\ansi\ansicpg65001 \'e7\'94\'b5}", "电"),
    # tabs, cells, rows, line and section and page breaks all end a piece
    (rb"{\rtf1 x\tab y\cell z\row w\line v\sect u\page t}", "x\x00y\x00z\x00w\x00v\x00u\x00t"),
    # hidden text: everything, then what Word shows
    (rb"{\rtf1 138{\v 99}0595}", "138990595\x001380595"),
    # a group inside hidden text is hidden too
    (rb"{\rtf1 138{\v X{\b Y}}0595}", "138XY0595\x001380595"),
    # an optional destination holding a group of its own: left out whole, the text after it read
    (rb"{\rtf1 138{\*\bkmkstart {a}}0595}", "1380595"),
    # bytes the code page does not decode: shown as replacement characters, not a failure
    (rb"{\rtf1\ansi\ansicpg65001 \'ff\'fe}", "\ufffd\ufffd"),
])
def test_what_an_rtf_document_shows(rtf, shown):
    from gongkai.privacy.rtf import rtf_text

    assert rtf_text(rtf) == shown


# ------------------------------------------------------------------------------------------------ Word (held)

def symbol(code: str, font: str = "宋体") -> str:
    return f'<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>'


HIDDEN_NOTE = run("（备注）", "<w:vanish/>")  # (a part holding hidden text is read as Word shows it)


@pytest.mark.parametrize("body", [
    P(run("电话") + "".join(symbol(f"{0x30 + int(digit):04X}") for digit in MOBILE)),
    P(run("电话") + "".join(symbol(f"F0{0x30 + int(digit):02X}", "Symbol") for digit in MOBILE)),
    # a symbol with no character (a bad code, U+0000) shows nothing between the groups
    P(run("电话138") + symbol("zz") + symbol("0000") + symbol("110000") + run("05951234")),
    # a field's numeric picture with digits of its own: { = 1380595 \# "0'1234'" } shows 13805951234
    P(run("电话") + field(" = 1380595 \\# \"0'1234'\" ")),
    P(run("电话") + field(" QUOTE 1380595 \\# 0'1234' ")),
    # a tab reads on between the groups (as 138, a tab, 0595 … in a body)
    P(run("电话138") + "<w:r><w:tab/></w:r>" + run("0595") + HIDDEN_NOTE + "<w:r><w:tab/></w:r>" + run("1234")),
], ids=["symbols", "symbol-font", "empty-symbols", "picture", "quote-picture", "tabs"])
def test_what_word_shows_of_symbols_pictures_and_tabs(body):
    assert ("mobile", MOBILE, SHOWN) in found("docx", word(body))


@pytest.mark.parametrize("body", [
    # two cells of a table, a hidden run in the part: cells stay apart (a boundary)
    '<w:tbl><w:tr><w:tc><w:p>' + run("电话138") + HIDDEN_NOTE + "</w:p></w:tc><w:tc><w:p>" + run("05951234")
    + "</w:p></w:tc></w:tr></w:tbl>",
    # a line break (w:br, w:cr) is not a tab: 138 ⏎ 05951234 on two lines of a hidden-note paragraph
    P(run("电话138") + HIDDEN_NOTE + "<w:r><w:br/></w:r>" + run("（另行）") + "<w:r><w:cr/></w:r>" + run("05951234")),
    # a picture field whose value is no number shows nothing of its own
    P(run("电话138") + field(" = A1 \\# \"0'0595'\" ") + run("，1234元")),
    # broken XML: Word cannot open it either (read as stored)
    P(run("电话138") + HIDDEN_NOTE).replace("</w:p>", "") + run("05951234"),
], ids=["cells", "breaks", "picture-of-no-number", "broken"])
def test_what_word_shows_apart_stays_apart(body):
    assert kinds("docx", word(body)) == []


def test_a_word_table_is_read_as_rows_of_cells():
    body = ("<w:tbl><w:tr><w:tc><w:p>" + run("姓名") + "</w:p></w:tc><w:tc><w:p>" + run("金额") + "</w:p></w:tc></w:tr>"
            "<w:tr><w:tc><w:p>" + run(" 陈水生 ") + "</w:p></w:tc><w:tc><w:p>" + run("880") + run("元")
            + "</w:p></w:tc></w:tr></w:tbl>")
    _, tables = document_segments("docx", word(body), "附件")
    assert [(table.header, table.where, table.rows) for table in tables] == [
        (["姓名", "金额"], "附件 正文表格1", [["陈水生", "880元"]])]


def test_a_broken_styles_part_hides_nothing():
    body = P(run("电话1380") + run("（内部备注）", '<w:rStyle w:val="Hidden"/>') + run("5951234"))
    broken = HIDDEN_CHARACTERS.replace("</w:style>", "")
    assert kinds("docx", word(body, broken)) == []


# ------------------------------------------------------------------------------------------------ OFD, base64 (held)

@pytest.mark.parametrize("objects, expected", [
    # a CTM of four numbers, an X that is no number: as none (identity, 0)
    (text_object(10, 18, text_code("电话138")) + text_object(30, 20, text_code("05951234"), 'CTM="1 0 0 1"'),
     [("mobile", MOBILE)]),
    (text_object(10, 18, text_code("电话138")) + text_object(30, 20, text_code("05951234", more='X="3mm"')
                                                             .replace(' X="0"', "")), [("mobile", MOBILE)]),
    # broken XML: no reading of its own
    (text_object(40, 18, text_code("05951234")) + text_object(10, 18, text_code("电话138")).replace("</ofd:TextObject>",
                                                                                            ""), []),
    # an object without its Boundary (at 0, 0) and an empty TextCode: read as the others
    (text_object(10, 18, text_code("电话138")).replace('Boundary="10 10 18 5" ', "")
     .replace("</ofd:TextObject>", '<ofd:TextCode X="30" Y="3"/></ofd:TextObject>')
     + text_object(17, 20, text_code("05951234")), [("mobile", MOBILE)]),
], ids=["ctm-of-four", "x-not-a-number", "broken", "no-boundary"])
def test_an_ofd_page_with_what_a_reader_ignores(objects, expected):
    assert kinds("ofd", ofd(objects)) == expected


@pytest.mark.parametrize("text, expected", [
    # base64 wrapped over lines (MIME at 76 characters, PEM at 64, here 16): the numbers cross the lines
    ("\n".join(textwrap.wrap(base64.b64encode(f"联系人：陈水生，身份证号：{ID_NUMBER}，电话{MOBILE}".encode()).decode(), 16)),
     [("id", ID_NUMBER), ("mobile", MOBILE)]),
    # bytes no text encoding reads (a picture's comment): their printable ASCII
    (base64.b64encode(b"\x89\xfe\xff\x80 Tel " + MOBILE.encode() + b" \xff\xfe\x81").decode(), [("mobile", MOBILE)]),
    # UTF-16 big-endian, as a Java or Windows program may write it
    (base64.b64encode(MOBILE.encode("utf-16-be")).decode(), [("mobile", MOBILE)]),
    # a run whose length no encoder writes (4n + 1 characters) is no base64
    ("MTM4MDU5NTEyMzQxM", []),
])
def test_a_number_in_base64(text, expected):
    assert sorted((hit.kind, hit.value) for hit in find(text)) == expected


# ---------------------------------------------------------------------------------------- survivors of the screen

@pytest.mark.parametrize("data, said", [
    (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", None),  # the header at byte 0
    # a string of the first object quoting «%PDF-»: the header is the first one, nothing stands before it
    (b"%PDF-1.4\n1 0 obj\n<< /Title (about %PDF-1.7 files) >>\nendobj\n", None),
])
def test_a_pdf_whose_header_is_at_its_start(data, said):
    from gongkai.privacy.formats import mismatch

    assert mismatch("pdf", data) == said


def test_which_cells_name_an_organisation():
    from gongkai.privacy.organisations import names_body

    assert [names_body(cell) for cell in ("测试县社会福利中心", " 安溪县慈善总会 ", "陈水生", "陈水生（福利中心）住户", "")] == \
        [True, True, False, False, False]


def test_two_unassigned_digits_ten_apart_are_two_sets():
    """U+40009 and U+40013 lie ten apart: no set of ten digits holds both, so each is read in its own set — the first
    reading that is a number (both read with their set's first zero: 9 and 9) is named."""
    text = "电话13805\U00040009" + "5123\U00040013"
    assert [(hit.kind, hit.value) for hit in find(text)] == [("mobile", "13805951239")]


def test_personal_data_in_the_annual_reports_text_is_named(tmp_path):
    """annual/<year>.yaml's texts are published in the 年度报告 (条例第五十条): a mobile there is GK602 at its line."""
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.write("annual/2026.yaml", "年度: 2026\n总体情况: |\n  全年主动公开信息120条。\n"
                                  f"  咨询请联系经办人，电话{MOBILE}。\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GONGKAI_TODAY", TODAY)
        code, out = _run("validate", cat.root, "--format", "json", "--no-cache")
    assert code == 1, out
    assert [(d["path"], d["code"], d["line"], d["message"]) for d in json.loads(out)["diagnostics"]
            if str(d["code"]).startswith("GK6")] == [
        ("annual/2026.yaml", "GK602", 4, f"「总体情况」有未遮盖的手机号码「{MASKED_MOBILE}」（已遮盖显示）")]


def _page(objects: str) -> str:
    return f'<ofd:Page {OFD_NS}><ofd:Content><ofd:Layer ID="2">{objects}</ofd:Layer></ofd:Content></ofd:Page>'


@pytest.mark.parametrize("objects, shown", [
    # «A» in 10–20 mm; «B» 3 mm after (touching: one word), 3.5 mm (a space), 8 mm (a space), 8.5 mm (a column)
    (text_object(10, 10, text_code("A")) + text_object(23, 5, text_code("B")), "AB"),
    (text_object(10, 10, text_code("A")) + text_object(23.5, 5, text_code("B")), "A B"),
    (text_object(10, 10, text_code("A")) + text_object(28, 5, text_code("B")), "A B"),
    (text_object(10, 10, text_code("A")) + text_object(28.5, 5, text_code("B")), "A\x00B"),
    # «B» overlapping «A»'s box by 1 mm: one word
    (text_object(10, 10, text_code("A")) + text_object(19, 5, text_code("B")), "AB"),
    # a wide box (10–60 mm) then a narrow one inside it (20–25): «C» at 62 mm touches the wide one's edge
    (text_object(10, 50, text_code("A")) + text_object(20, 5, text_code("B")) + text_object(62, 5, text_code("C")),
     "ABC"),
    # no CTM: pieces at 10 and 12 mm of one baseline stand on one line
    (text_object(10, 10, text_code("A") + text_code("B", 2)), "AB"),
    # DeltaX: «5 g 2 -3» places a at 0, b at 5, c at 2, d at -1 mm: shown d a c b
    (text_object(10, 10, text_code("abcd", 0, 'DeltaX="5 g 2 -3"')), "dacb"),
    # more characters than advances: the rest follow the last one placed (b at 5 mm, then c)
    (text_object(10, 10, text_code("abc", 0, 'DeltaX="5"')), "abc"),
    # «g 3 -5»: three advances of -5 mm: 4321 stored, 1234 shown
    (text_object(40, 30, text_code("4321", 15, 'DeltaX="g 3 -5"')), "1234"),
], ids=["touching", "spaced", "spaced-8", "column", "overlapping", "wide-box", "no-ctm", "advances", "fewer-advances",
        "repeated-advance"])
def test_how_an_ofd_line_is_read(objects, shown):
    from gongkai.privacy.ofd import ofd_shown

    assert ofd_shown(_page(objects)) == shown


@pytest.mark.parametrize("text, address", [
    ("办理地点：安溪县城厢镇城东路88号县行政服务中心2楼", None),  # the 服务中心's own floor
    ("安溪县城厢镇解放路12号（测试县社会福利中心）", None),  # the address, then whose it is
    # a room of a home before an organisation's name: a person's (a 福利中心's resident, perhaps)
    ("陈水生现住安溪县城厢镇解放路12号302室测试县社会福利中心", "解放路12号302室"),
    ("安溪县城厢镇解放路12号302室（测试县社会福利中心）", "解放路12号302室"),
])
def test_an_address_before_an_organisations_name(text, address):
    assert [text[hit.start:hit.end] for hit in find(text) if hit.kind == "address"] == ([address] if address else [])
