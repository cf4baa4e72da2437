"""Fifteenth hostile pass on the publishing gate (a helper's attack, this session).

Found, each reaching the site, the portal export or both with validate clean:
1. A mobile whose groups were split by an invisible character outside the hand-made list: musical and shorthand
   format controls (U+1D173, U+1BCA0), Egyptian format controls of Unicode 14 (U+13430), combining marks outside
   U+0300–036F (U+0483 draws a small mark over a digit). Now every format character and mark Python's Unicode knows
   (Cf, Mn, Me: privacy/unseen.py) is invisible to the detector, as those of later versions were (newer.py).
2. A 身份证号 written without its check digit (17 digits): the other 17 decide it. Now an ID.
3. A name in the title of a 公示 told in prose, in shapes the title reader did not know (陈水生的…, 陈水生一家…,
   确认陈水生为特困人员…): it stayed on the home page, the item's page and the portal after the 公示 ended. Now a title
   of a record that lists people is read for a name after any mark a title puts one after, whatever follows it.
4. A CSV or workbook formula gongkai does not compute that builds a number when opened (=CHAR(49)&…,
   =HEX2DEC("336E61902"), =A2&B2). Now such a file is refused (GK610) unless the formula is one of the forms that show
   a value the scan reads already (a reference, a total, a row number, a written-out link).
5. A Word tab (<w:tab/>) between the groups of a mobile: the same text with tab characters in a body was caught.

Expected values are typed by hand; the oracle for (1) is Python's unicodedata, not gongkai's table.
"""

from __future__ import annotations

import json
import unicodedata

import pytest

from conftest import RECORD, docx
from gongkai.privacy.detect import find
from gongkai.privacy.titles import listed_title_names
from test_hostile7_gate import assert_held_back, holding, with_attachment

MOBILE = "13805951234"
ID17 = "35052419900101123"  # 350524199001011238 without its check digit (born 1990-01-01)


def _categories() -> list[int]:
    """Every format character and mark (Cf, Mn, Me) of the Unicode this Python knows."""
    return [c for c in range(0x110000) if unicodedata.category(chr(c)) in ("Cf", "Mn", "Me")]


def test_every_format_character_and_mark_between_groups_hides_no_mobile():
    missed = [f"U+{c:04X}" for c in _categories()
              if [(h.kind, h.value) for h in find(f"经办人联系电话：138{chr(c)}0595{chr(c)}1234。")]
              != [("mobile", MOBILE)]]
    assert missed == []


@pytest.mark.parametrize("mark", ["\U0001D173", "\U0001BCA0", "\U00013430", "\u0483", "\u302a"])
def test_a_mobile_split_by_one_is_held_back_from_site_and_portal(gk, cat, tmp_path, mark):
    written = f"138{mark}0595{mark}1234"
    cat.record(RECORD.replace("经审核，现将名单予以公示。", f"经办人联系电话：{written}。"))
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK602" in run.out + run.err
    assert_held_back(gk, cat, tmp_path, MOBILE, written)
    portal = tmp_path / "portal"
    gk("export", "portal", cat.root, "--out", portal)
    assert holding(portal, MOBILE, written) == []


@pytest.mark.parametrize("written", [ID17, "3505 2419 9001 0112 3", "350524-19900101-123"])
def test_an_id_without_its_check_digit_is_an_id(written):
    assert [(h.kind, h.masked) for h in find(f"申请人身份证号：{written}。")] == [("id", "35************123")]


@pytest.mark.parametrize("text", ["身份证号：34052419800101001 X", "序号12345678901234567", "受理编号 20261204000012345",
                                  "身份证号：35052419900101123 8"])
def test_seventeen_digits_that_are_no_such_id_or_are_a_whole_one(text):
    """An area that is no province (12…), a birth date that is none (2026-12-04 00 00…), and an 18-digit ID written
    with its check digit apart: read as before."""
    expected = {"身份证号：34052419800101001 X": [("id", "34*************01X")],
                "身份证号：35052419900101123 8": [("id", "35*************238")]}.get(text, [])
    assert [(h.kind, h.masked) for h in find(text)] == expected


def test_an_id_without_its_check_digit_is_held_back(gk, cat, tmp_path):
    cat.record(RECORD.replace("经审核，现将名单予以公示。", f"申请人身份证号：{ID17}。"))
    assert "GK601" in gk("validate", cat.root).out
    assert_held_back(gk, cat, tmp_path, ID17)


# The titles of the helper's report, each with the names a reader sees in it (typed by hand).
TITLES = {
    "关于陈水生医疗救助的公示": {"陈水生"},
    "陈水生的临时救助公示": {"陈水生"},
    "陈水生一家申请低保的公示": {"陈水生"},
    "陈水生夫妇享受特困供养的公示": {"陈水生"},
    "陈水生先生丧葬补贴公示": {"陈水生"},
    "陈水生母子临时救助公示": {"陈水生"},
    "陈水生残疾人两项补贴公示": {"陈水生"},
    "陈水生孤儿基本生活费公示": {"陈水生"},
    "陈水生最低生活保障公示": {"陈水生"},
    "确认陈水生为特困人员的公示": {"陈水生"},
    "湖头镇陈水生的公示": {"陈水生"},
    "陈水生、林阿妹两户低保公示": {"陈水生", "林阿妹"},
    "关于欧阳建华临时救助的公示": {"欧阳建华"},
    "关于经兜村村民陈水生家庭申请低保的公示": {"陈水生"},
    "关于陈明医疗救助的公示": {"陈明"},  # (read before 医疗救助 since the thirty-eighth session: 陈明 alone)
    # titles naming no one keep every word
    "关于2026年12月城乡低保对象名单的公示": set(),
    "关于高龄津贴发放名单的公示": set(),
    "关于全县特困人员名单的公示": set(),
    "关于安溪县2026年残疾人两项补贴名单的公示": set(),
    "湖头镇2026年11月低保新增对象公示": set(),
    "关于调整城乡低保标准的公示": set(),
    "2026年第四季度临时救助对象公示": set(),
    # a name after each mark a title puts one after, followed by what the exact reader does not know (的)
    "对林阿妹的医疗救助公示": {"林阿妹"}, "给予林阿妹的临时救助公示": {"林阿妹"}, "同意林阿妹的低保申请公示": {"林阿妹"},
    "将林阿妹的孤儿基本生活费公示": {"林阿妹"}, "批准林阿妹的救助公示": {"林阿妹"}, "取消林阿妹的低保资格公示": {"林阿妹"},
    "停发林阿妹的低保金公示": {"林阿妹"}, "停止林阿妹的供养公示": {"林阿妹"}, "终止林阿妹的救助公示": {"林阿妹"},
    "恢复林阿妹的低保待遇公示": {"林阿妹"}, "经兜村林阿妹的救助公示": {"林阿妹"}, "湖头镇林阿妹的救助公示": {"林阿妹"},
    "龙门乡林阿妹的救助公示": {"林阿妹"}, "城东社区林阿妹的救助公示": {"林阿妹"},
    "经兜村村民林阿妹的救助公示": {"林阿妹"}, "城东居民林阿妹的救助公示": {"林阿妹"}, "2026年林阿妹的救助公示": {"林阿妹"},
    "确认林阿妹的特困供养公示": {"林阿妹"}, "认定林阿妹的低保边缘家庭公示": {"林阿妹"},
    "核定林阿妹的救助金额公示": {"林阿妹"}, "审批林阿妹的救助公示": {"林阿妹"}, "审核林阿妹的救助公示": {"林阿妹"},
    "向林阿妹发放临时救助的公示": {"林阿妹"}, "低保户林阿妹的公示": {"林阿妹"},
    "关于临时救助的林阿妹家庭公示": {"林阿妹"}, "陈水生和林阿妹的救助公示": {"陈水生", "林阿妹"},
    "陈水生与林阿妹的救助公示": {"陈水生", "林阿妹"}, "陈水生及林阿妹的救助公示": {"陈水生", "林阿妹"},
    "陈水生暨林阿妹的救助公示": {"陈水生", "林阿妹"}, "救助对象：林阿妹的公示": {"林阿妹"},
    "救助对象:林阿妹的公示": {"林阿妹"}, "关于「林阿妹」的救助公示": {"林阿妹"}, "关于“林阿妹”的救助公示": {"林阿妹"},
    "救助公示（林阿妹）": {"林阿妹"}, "救助公示(林阿妹)": {"林阿妹"}, "救助对象 林阿妹 的公示": {"林阿妹"},
    "救助对象\u3000林阿妹\u3000的公示": {"林阿妹"},
    # words a surname starts, after such a mark, that name no one
    "关于单位职工困难补助名单的公示": set(), "2026年季度临时救助名单公示": set(), "关于安全生产责任人名单的公示": set(),
    "关于低保提标的方案公示": set(), "临时救助资金的明细公示": set(), "关于易地扶贫搬迁对象名单的公示": set(),
    "关于林业生态护林员名单的公示": set(), "低保审核审批的程序公示": set(), "关于调整救助的范围和标准的公示": set(),
    "2026年计划生育特别扶助对象名单公示": set(), "临时救助的金额公示": set(), "高龄津贴名单（周岁计算）的公示": set(),
}


@pytest.mark.parametrize("title", sorted(TITLES))
def test_the_names_a_listed_title_gives(title):
    assert listed_title_names(title) == TITLES[title]


@pytest.mark.parametrize("title", ["关于陈水生医疗救助的公示", "陈水生一家申请低保的公示", "确认陈水生为特困人员的公示"])
def test_a_name_in_a_notice_title_never_reaches_a_page_or_the_portal(gk, cat, tmp_path, title):
    """A 公示 of one household told in prose; built after it ended and during it."""
    cat.record(RECORD.replace("测试县民政局关于2026年第三季度低保对象名单的公示", title)
               .replace("公示截止: 2026-12-31", "公示截止: 2026-09-10")
               .replace("经审核，现将名单予以公示。", "经审核，该户符合救助条件，现予公示。"))
    for today in ("2026-09-05", "2026-11-27"):
        site = tmp_path / f"site-{today}"
        run = gk("build-site", cat.root, "--out", site, "--today", today)
        assert run.code == 0, run.err
        assert holding(site, "陈水生") == []
        assert "陈*生" in (site / "index.html").read_text(encoding="utf-8")
        assert "陈水生" not in run.out + run.err
    portal = tmp_path / "portal"
    run = gk("export", "portal", cat.root, "--out", portal)
    assert holding(portal, "陈水生") == [] and "陈水生" not in run.out + run.err


UNREAD = ['=HEX2DEC("336E61902")', "=CHAR(49)&CHAR(51)&CHAR(56)&\"05951234\"", '="138"&REPT("0",1)&"5951234"',
          '=SUBSTITUTE("13x05951234","x","8")', "=B3&C3", "=B3*10000+C3"]


def _csv(formula: str) -> str:
    cell = '"' + formula.replace('"', '""') + '"'
    return f"姓名,电话,备注\n陈水生,{cell},\n林玉燕,1380595,1234\n"


@pytest.mark.parametrize("formula", UNREAD)
def test_a_formula_that_may_build_a_number_keeps_its_file_back(gk, cat, tmp_path, formula):
    with_attachment(cat, "files/list.csv", _csv(formula))
    run = gk("validate", cat.root, "--format", "json")
    found = [d for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK610"]
    assert run.code == 1 and found, run.out
    assert "不能计算" in found[0]["message"] and "选择性粘贴" in found[0]["message"]
    assert_held_back(gk, cat, tmp_path, MOBILE, attachment="files/list.csv")


@pytest.mark.parametrize("formula", ["=SUM(D2:D20)", "=ROUND(AVERAGE(D2:D9),2)", "=ROW()-1", "=B3", "=TODAY()",
                                     '=HYPERLINK("https://www.anxi.gov.cn/","办事指南")', "=SUBTOTAL(9,D2:D20)"])
def test_a_formula_that_shows_what_the_scan_reads_passes(gk, cat, formula):
    with_attachment(cat, "files/list.csv", _csv(formula).replace("1380595,1234", "500,备注"))
    run = gk("validate", cat.root, "--format", "json")
    refused = [d["code"] for d in json.loads(run.out)["diagnostics"] if d["code"] in ("GK601", "GK602", "GK603", "GK610")]
    assert refused == [], run.out  # (GK605 warns of the 电话 column: a list may not carry one)


@pytest.mark.parametrize("between", ["</w:t><w:tab/><w:t>", "</w:t></w:r><w:r><w:tab/></w:r><w:r><w:t>",
                                     "</w:t><w:br/><w:t>", "</w:t><w:ptab w:alignment=\"center\"/><w:t>",
                                     # (a hidden run: the document is read as Word shows it, wordml.word_shown, too)
                                     "</w:t><w:tab/></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>注</w:t></w:r><w:r><w:t>"])
def test_a_word_tab_or_break_between_groups_hides_no_mobile(gk, cat, tmp_path, between):
    with_attachment(cat, "files/notice.docx", docx(f"电话138{between}0595{between}1234"))
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK602" in run.out, run.out
    assert_held_back(gk, cat, tmp_path, MOBILE, attachment="files/notice.docx")


def _hex(text: str) -> str:
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


@pytest.mark.parametrize("said", [f"({MOBILE})", _hex(f"电话{MOBILE}"), _hex("138 0595 1234")])
@pytest.mark.parametrize("tag", ["ActualText", "Alt", "E"])
def test_what_a_pdf_says_instead_of_its_glyphs_is_read(gk, cat, tmp_path, said, tag):
    """Copying a PDF's text or a screen reader takes a marked span's /ActualText (or /Alt, /E) for the glyphs drawn
    (here stars): the number it holds reaches every reader of the file."""
    from conftest import text_pdf

    pdf = text_pdf(f"Tel) Tj /Span <</{tag} {said}>> BDC (***********) Tj EMC (.")
    with_attachment(cat, "files/notice.pdf", pdf)
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK602" in run.out, run.out
    assert "替代文字" in run.out
    assert_held_back(gk, cat, tmp_path, MOBILE, attachment="files/notice.pdf")


# 6. Detailed addresses in the forms the helper found published (typed by hand: what the reader sees, masked).
ADDRESSES = {
    "美法社区东岳12号": "法社区东岳**号",  # a place inside a 社区, as inside a 村
    "阳光花园1508": "花园****",  # a compound and a room
    "经兜村3组12": "*组**",  # a group and a house, no 号
    "人民路12號": "人民路**号",  # the traditional 號
    "新华坊5号": "新华坊*号", "城东埕12号": "城东埕**号", "东岳里5号": "东岳里*号", "大同胡同5号": "大同胡同*号",
    "中山路 12 号": "中山路 ** 号", "中山路12-3": "中山路**-*", "中山路12#": "中山路**#", "302房": "***房",
}
# ... and what is no address and must keep passing
NO_ADDRESS = ["按照县里12号文件", "幸福家园2026年", "阳光花园300户", "城东新村300元", "经兜村3组12人", "2026年房价",
              "1000房源", "安民〔2026〕12号", "国道324线", "路段12-15公里"]


@pytest.mark.parametrize("written", sorted(ADDRESSES))
def test_an_address_in_these_forms_is_found(written):
    assert [(h.kind, h.masked) for h in find(f"住址：{written}。")] == [("address", ADDRESSES[written])]


@pytest.mark.parametrize("text", NO_ADDRESS)
def test_these_are_no_address(text):
    assert list(find(f"说明：{text}。")) == []


def test_an_address_in_a_new_form_is_held_back(gk, cat, tmp_path):
    cat.record(RECORD.replace("经审核，现将名单予以公示。", "申请人住址：美法社区东岳12号，阳光花园1508。"))
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK604" in run.out
    assert_held_back(gk, cat, tmp_path, "东岳12号", "花园1508")
