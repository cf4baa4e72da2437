"""Eleventh hostile pass over the publishing gate and the output scan: 身份证号 masked in part of the birth date only,
numbers percent-encoded in GBK (the encoding of old Chinese web systems), lists of people in a PDF, and names a
公示's title gives after 为 or before 申请. Each test runs the real CLI on a small catalog and looks for the value (as
written and, a number, as bare digits) in every file written (helpers of test_hostile7_gate).
"""

from __future__ import annotations

import pytest

from conftest import RECORD
from test_hostile7_gate import MOBILE, assert_held_back, holding, with_attachment

MARK = "经审核，现将名单予以公示。"

# 1. A 身份证号 masked in part of its birth date. Found by the eleventh pass: a mask counted when it hid the birth date
# or eight characters, so one that hid the year alone (350524****03151236: 1900 to 2100, and the check digit keeps one
# in eleven — eighteen to try) or the month and day (3505241985****1236: a year's days, thirty-three to try) passed
# both scans and went on the web, as did the area code and two of the sequence (******19850315**36, eight stars: nine
# to try). Now a mask is judged by how many IDs it leaves to try: fewer than a card's mask leaves (a thousand) is none.
PART_OF_THE_BIRTH_DATE = ["350524****03151236", "3505241985****1236", "3505241985*****236", "35052419****151236",
                          "350524*****3151236", "******19850315**36", "3505241985■■■■1236"]


@pytest.mark.parametrize("written", PART_OF_THE_BIRTH_DATE)
def test_an_id_masked_in_part_of_its_birth_date_is_held_back(gk, cat, tmp_path, written):
    with_attachment(cat, "files/2026/list.csv", f"姓名,身份证号\n陈水生,{written}\n")
    assert_held_back(gk, cat, tmp_path, written, attachment="files/2026/list.csv")
    out = gk("validate", cat.root).out
    assert "GK601" in out and written not in out


@pytest.mark.parametrize("written", PART_OF_THE_BIRTH_DATE)
def test_the_output_scan_finds_an_id_masked_in_part_of_its_birth_date(written):
    from gongkai.privacy.outputs import scan_output

    found = scan_output("records/R2026-001.html", f"<td>{written}</td>\n".encode(), frozenset())
    assert [f.kind for f in found] == ["id"]


# What hides enough: the county's format, the birth date hidden, the year and two of the sequence (1,800 to try),
# ten days with the whole sequence and the check digit (10,000), and eighteen characters that are no ID.
@pytest.mark.parametrize("fine", ["35*************123", "350524********1236", "350524****0315**36",
                                  "3505241985031*****", "订单号 **2026120400000001"])
def test_an_id_masked_enough_is_published(gk, cat, tmp_path, fine):
    cat.record(RECORD.replace(MARK, f"{MARK}\n  陈水生 {fine}"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "没有发布" not in run.err, run.err
    assert "GK601" not in gk("validate", cat.root).out


# 2. A number percent-encoded in GBK. Found by the eleventh pass: a run of percent-encoded bytes was decoded as UTF-8
# only, so a link written by an older Chinese web system (GBK: %A3%B1 is the full-width １, %D2%BB is 一) or by
# JavaScript's escape() (%uFF11) held the number for anyone who decodes it — and for the server it points at — and both
# scans passed it: the page showed it as written. Now such a run is decoded as UTF-8, else as GBK, %uXXXX as the
# character, in the source scan, the output scan and the log masking alike.
GBK_FULL_WIDTH = "".join(f"%A3%B{d}" for d in MOBILE)  # １３８０５９５１２３４
GBK_NUMERALS = "%D2%BB%C8%FD%B0%CB%C1%E3%CE%E5%BE%C5%CE%E5%D2%BB%B6%FE%C8%FD%CB%C4"  # 一三八零五九五一二三四
ESCAPED = "".join(f"%uFF1{d}" for d in MOBILE)
PERCENT = {"gbk-full-width": GBK_FULL_WIDTH, "gbk-numerals": GBK_NUMERALS, "escape": ESCAPED}


@pytest.mark.parametrize("case", sorted(PERCENT))
def test_a_number_percent_encoded_in_gbk_in_a_link_is_held_back(gk, cat, tmp_path, case):
    cat.record(RECORD.replace(MARK, f"{MARK}咨询请[联系经办人](http://www.example.gov.cn/lx.asp?tel={PERCENT[case]})。"))
    assert_held_back(gk, cat, tmp_path, PERCENT[case])
    out = gk("validate", cat.root).out
    assert "GK602" in out and PERCENT[case] not in out


def test_a_number_percent_encoded_in_gbk_in_a_field_is_held_back(gk, cat, tmp_path):
    cat.record(RECORD.replace("文号: 测民〔2026〕1号", f"文号: 测民〔2026〕1号 {GBK_FULL_WIDTH}"))
    assert_held_back(gk, cat, tmp_path, GBK_FULL_WIDTH)


@pytest.mark.parametrize("case", sorted(PERCENT))
def test_the_output_scan_decodes_gbk_percent_encoding(case):
    from gongkai.privacy.outputs import scan_output

    page = f'<p><a href="http://www.example.gov.cn/lx.asp?tel={PERCENT[case]}">联系经办人</a></p>\n'.encode()
    assert [(f.kind, f.masked_value) for f in scan_output("a.html", page, frozenset())] == [("mobile", "138****1234")]


def test_a_link_percent_encoded_in_gbk_without_a_number_is_published(gk, cat, tmp_path):
    # 民政局 in GBK, and a 文号 in UTF-8: text, not numbers
    cat.record(RECORD.replace(MARK, f"{MARK}见[通知](http://www.example.gov.cn/s.asp?q=%C3%F1%D5%FE%BE%D6&w=%E6%B5%8B2026%E5%B9%B41%E5%8F%B7)。"))
    run = gk("build-site", cat.root, "--out", tmp_path / "site")
    assert run.code == 0 and "没有发布" not in run.err, run.err


# 3. A list of people in a PDF. Found by the eleventh pass: a list was recognised by the 姓名 column of a table — in
# the body, a CSV, a workbook, a Word table — but a PDF (what most lists are published as: Word or WPS 另存为 PDF) holds
# no table, only lines of text in columns. A 通知 naming the recipients of 临时救助 in a PDF went into sitemap.xml, its
# page without noindex, with no GK611: the names findable through search engines for good (DOMAIN §12); and a 公示's
# title naming one of its PDF's list was shown as written. Now a page whose lines, split at white space, hold a header
# naming people reads as a table (and an OFD page laid out).
def cjk_pdf(*lines: str) -> bytes:
    """A one-page PDF showing *lines* one under another, in a Type0 font whose ToUnicode map gives each glyph back as
    its character (as PDFs written by Word or WPS carry Chinese text)."""
    from test_hostile7_gate import pdf_of

    chars = sorted(set("".join(lines)))
    code = {c: n + 1 for n, c in enumerate(chars)}
    shown = "".join(f"1 0 0 1 72 {720 - 20 * n} Tm <{''.join(f'{code[c]:04X}' for c in line)}> Tj\n"
                    for n, line in enumerate(lines))
    content = f"BT /F1 12 Tf\n{shown}ET"
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /U def 1 begincodespacerange "
            f"<0000> <FFFF> endcodespacerange\n{len(chars)} beginbfchar\n"
            + "".join(f"<{code[c]:04X}> <{ord(c):04X}>\n" for c in chars)
            + "endbfchar endcmap CMapName currentdict /CMap defineresource pop end end")
    return pdf_of(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                   "/Resources << /Font << /F1 5 0 R >> >> >>",
                   f"<< /Length {len(content.encode())} >>\nstream\n{content}\nendstream",
                   "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
                   "/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
                   "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun "
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
                   f"<< /Length {len(cmap.encode())} >>\nstream\n{cmap}\nendstream"])


LIST_PDF = cjk_pdf("2026年第三季度临时救助对象名单", "序号  姓名  村（社区）  金额（元）", "1  陈水生  经兜村  1500",
                   "2  林阿妹  湖头村  1200")


def test_a_list_of_people_in_a_pdf_is_not_indexed(gk, cat, tmp_path):
    from test_hostile7_gate import NOTICE

    with_attachment(cat, "files/2026/list.pdf", LIST_PDF, NOTICE)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert "R2026-001" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex' in (site / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert "GK611" in gk("validate", cat.root).out


def test_a_name_a_pdf_list_holds_is_masked_in_the_title(gk, cat, tmp_path):
    # (a title naming her where no 公示 title puts a name: only the list tells her name from the words around it)
    with_attachment(cat, "files/2026/list.pdf", LIST_PDF,
                    RECORD.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 林阿妹临时救助审批结果公示"))
    site, out = tmp_path / "site", tmp_path / "portal"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert gk("export", "portal", cat.root, "--out", out).code == 0
    assert "林*妹临时救助审批结果公示" in (site / "index.html").read_text(encoding="utf-8")
    assert holding(site, "林阿妹临时救助") == [] and holding(out, "林阿妹临时救助") == []


def test_a_pdf_letter_that_mentions_a_name_is_no_list(gk, cat, tmp_path):
    from test_hostile7_gate import NOTICE

    letter = cjk_pdf("关于开展2026年度低保年审工作的通知", "请申请人填写姓名、联系电话等信息后提交至村（居）委会。",
                     "序号  事项  时间", "1  入户调查  11月")
    with_attachment(cat, "files/2026/letter.pdf", letter, NOTICE)
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    assert "R2026-001" in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "GK611" not in gk("validate", cat.root).out


def test_the_tables_of_pages_laid_out():
    from gongkai.privacy.extract import Segment
    from gongkai.privacy.laidout import laid_out_tables

    page = Segment("名单\n序号 户主姓名 保障人数\n1 陈水生 3\n", "附件「x.ofd」 Doc_0/Pages/Page_0/Content.xml（按版面位置）")
    found = laid_out_tables([page, Segment("姓名 作者", "附件「x.pdf」 文档属性 /Author")])
    assert [(t.header, t.rows) for t in found] == [(["序号", "户主姓名", "保障人数"], [["1", "陈水生", "3"]])]


# 4. A name a 公示's title gives before 申请 or after 为. Found by the eleventh pass (left open by the tenth): a name was
# read only before 家庭, 户, 同志, 等 or a 、, so the commonest titles of a 公示 for one person — 「关于陈水生申请最低生活
# 保障的公示」, 「关于为陈水生申请临时救助的公示」 — kept the name on the home page, the item's page and the portal for
# good. Now it is read after 为, 给予 or 同意 and before 申请, 享受, 纳入 or 办理 too.
TITLES = {
    "关于陈水生申请最低生活保障的公示": {"陈水生"},
    "关于为陈水生申请临时救助的公示": {"陈水生"},
    "关于同意林阿妹享受特困人员救助供养的公示": {"林阿妹"},
    "关于给予欧阳小华办理临时救助的公示": {"欧阳小华"},
    "关于同意张三纳入特困人员救助供养的公示": {"张三"},
    # no one is named
    "关于高龄申请的公示": set(),
    "关于安置申请审核结果的公示": set(),
    "关于同意金谷镇申请资金的批复": set(),
    "关于为老年人办理高龄津贴的通知": set(),
    "关于对全县低保对象纳入动态管理的公示": set(),
    "关于康复救助申请的公示": set(),
}


@pytest.mark.parametrize("title", sorted(TITLES))
def test_the_names_a_title_gives_before_an_application(title):
    from gongkai.privacy.titles import titled_names

    assert titled_names(title) == TITLES[title]


def test_a_person_named_before_an_application_in_a_prose_notice_is_masked(gk, cat, tmp_path):
    cat.record(RECORD.replace("题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 关于为陈水生申请临时救助的公示")
               .replace(f"  {MARK}\n", "  经兜村村民陈水生因病致贫，申请临时救助。经审核，符合条件，现予公示。\n"))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--today", "2027-01-05").code == 0  # after the 公示
    assert "关于为陈*生申请临时救助的公示" in (site / "index.html").read_text(encoding="utf-8")
    assert holding(site, "陈水生") == []
