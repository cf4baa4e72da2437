"""Twentieth session: lists of people written in prose that the fourteenth pass's reader still let through.

Found (the record was taken for no list of people: its names went into the search index and the sitemap, for good):
- the names on the line after the sentence that introduces them, with a blank line between
  (经审核，以下人员获得临时救助：⏎⏎陈水生、林阿妹、王建国): Markdown needs that blank line, so it is the likeliest way to write
  it. The sentence about aid was cut at the line break, and the names' own line says nothing of aid;
- one or two names on the line after a colon (以下人员获得临时救助：⏎陈水生、林阿妹);
- three names after a comma (临时救助名单公布如下，陈水生、林阿妹、王建国。);
- lines ended the Windows way (a .txt attachment or pasted text: ⏎ is \\r\\n) or by U+2028: no line held one name;
- a name with what goes with it in a list: a note with a comma (陈水生（男，65岁）), a sum (陈水生1500元), the village
  before it (经兜村陈水生), 户 after it; the names after a verb giving aid (同意陈水生、林阿妹纳入低保) or before a count
  (陈水生、林阿妹、王建国三户纳入…); numbered entries that start with a name (1.陈水生，男，经兜村村民，救助1500元；).

Expected values are typed by hand; the names are those of the fourteenth pass's tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CatalogDir
from test_hostile7_gate import NAMES, NOTICE
from test_hostile14_names import BODY, _listed, _site, assert_a_list_of_people

from gongkai.privacy.titles import enumerated_names, listed_in_title

THIRD = "王建国"


@pytest.mark.parametrize("sentence", [
    f"经审核，以下人员获得临时救助：\n\n{NAMES[0]}、{NAMES[1]}、{THIRD}",
    f"经审核，以下人员获得临时救助：\n{NAMES[0]}、{NAMES[1]}",
    f"临时救助对象：\n\n{NAMES[0]}",
    f"临时救助名单公布如下，{NAMES[0]}、{NAMES[1]}、{THIRD}。",
    f"经审核，以下人员获得临时救助：{NAMES[0]}（男，65岁）、{NAMES[1]}（女，70岁）、{THIRD}（男，58岁）。",
    f"经审核，以下人员获得临时救助：{NAMES[0]}1500元、{NAMES[1]}1200元、{THIRD}800元。",
    f"经审核，以下人员获得临时救助：经兜村{NAMES[0]}、湖头村{NAMES[1]}、城关镇{THIRD}。",
    f"经审核，同意{NAMES[0]}、{NAMES[1]}纳入最低生活保障。",
    f"经审核，{NAMES[0]}、{NAMES[1]}、{THIRD}三户符合临时救助条件。",
    f"一、{NAMES[0]}，经兜村，因病致困，救助1500元。\n\n二、{NAMES[1]}，湖头村，因灾致困，救助1200元。",
    f"{NAMES[0]}，男，65岁，经兜村村民，因病致困。{NAMES[1]}（女，70岁），湖头村村民，因灾致困。",
])
def test_a_list_of_people_below_its_sentence_or_with_what_goes_with_names_is_not_indexed(
        gk, cat: CatalogDir, tmp_path: Path, sentence: str) -> None:
    assert_a_list_of_people(gk, cat, tmp_path, sentence)


def test_a_cell_with_windows_line_ends_lists_people(gk, cat: CatalogDir, tmp_path: Path) -> None:
    """A CSV cell of several lines (Alt+Enter in Excel, saved with Windows line ends)."""
    (cat.root / "files" / "2026").mkdir(parents=True, exist_ok=True)
    (cat.root / "files" / "2026" / "说明.csv").write_bytes(
        f'事项,说明\r\n临时救助,"临时救助对象名单：\r\n1. {NAMES[0]}\r\n2. {NAMES[1]}"\r\n'.encode("utf-8"))
    cat.record(NOTICE.replace("页数: 1", "页数: 1\n附件:\n  - 名称: 说明\n    文件: files/2026/说明.csv"))
    run = gk("validate", cat.root)
    assert "GK611" in run.out, run.out
    site = _site(gk, cat, tmp_path)
    assert _listed(site)


LISTED = frozenset({"陈水生", "林阿妹"})
THREE = LISTED | {THIRD}


@pytest.mark.parametrize(("text", "names"), [
    # the line after a colon (blank lines between or not)
    ("以下人员获得临时救助：\n陈水生、林阿妹。", LISTED),
    ("以下人员获得临时救助:\n陈水生、林阿妹。", LISTED),  # a half-width colon
    ("经审核，以下人员获得临时救助：陈水生。", frozenset({"陈水生"})),  # (and right after the colon)
    ("以下人员获得临时救助：\n\n\n陈水生", frozenset({"陈水生"})),
    ("经审核，以下人员获得临时救助：\n\n陈水生、林阿妹、王建国", THREE),
    ("资金已拨付。以下人员获得临时救助：\n陈水生、林阿妹", LISTED),  # the last sentence of the line before
    # no list: the line before ends without a colon (a PDF's lines break anywhere), names no kind of person, or names
    # officials; the sentence before ended
    ("临时救助对象\n陈水生、林阿妹", frozenset()),
    ("以下人员获得临时救助。\n陈水生、林阿妹", frozenset()),
    ("三是明确了特困人员照料护理标准。\n\u3000\u3000项目\u3000调整前（元/人·月）", frozenset()),
    ("二是特困人员基本生活标准由每人\n项目\u3000调整前", frozenset()),
    ("临时救助资金已拨付：\n陈水生、林阿妹", frozenset()),
    ("任命以下同志：\n陈水生、林阿妹", frozenset()),
    ("经审核，以下人员获得临时救助。资金已拨付：\n陈水生、林阿妹", frozenset()),
    ("以下人员获得临时救助。\n\n陈水生、林阿妹负责联络", frozenset()),
    # two names before what is done for them; one is not a list
    ("陈水生、林阿妹获得临时救助。", LISTED),
    ("经审核，陈水生获得临时救助。", frozenset()),
    # three after a clause mark; two are not
    ("临时救助名单公布如下，陈水生、林阿妹、王建国。", THREE),
    ("临时救助名单公布如下，陈水生、林阿妹。", frozenset()),
    # one name a line: two lines or more, each a name with perhaps a number or bullet before it and a note after it
    ("临时救助对象名单：\n1. 陈水生\n2. 林阿妹（户主）\n", LISTED),
    ("临时救助对象名单：\n  陈水生\n\u3000林阿妹\t\n", LISTED),
    ("临时救助对象名单：\n陈水生\n", frozenset({"陈水生"})),  # one line: the colon's rule, not the lines'
    ("临时救助：\n陈水生\n", frozenset()),  # one line, nothing says a list follows
    ("临时救助对象：\n1. 陈水生\n2. 湖头镇\n", frozenset()),  # a place among them: no list of names
    ("临时救助工作分工：\n1. 联系人陈明\n2. 经办人林华\n", frozenset()),  # staff
    ("临时救助：\n陈水生\u3000\n林阿妹\u3000\n", LISTED),  # ideographic spaces after the names
    ("临时救助：\n陈明\n林华\n", frozenset({"陈明", "林华"})),  # two characters: the shortest line
    # however long the line: a number in brackets, spaces, a compound surname, a note
    ("临时救助：\n（11）欧阳建华（低保户主代表）\n（12）欧阳建国（低保户主代表）\n", frozenset({"欧阳建华", "欧阳建国"})),
    ("临时救助：\n（1）\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000陈水生\n（2）林阿妹\n", LISTED),
    ("临时救助工作联系：\n1. 陈主任\n2. 林书记\n", frozenset()),  # offices, not names
    ("临时救助：陈水生。其余人员另行通知。", frozenset()),  # what says a list follows comes after the name
    ("以下人员获得临时救助：\u3000\n \n陈水生、林阿妹", LISTED),  # spaces at the end of the line and on the blank one
    # every way a line may end
    ("临时救助对象名单：\r\n1. 陈水生\r\n2. 林阿妹\r\n", LISTED),
    ("临时救助对象名单：\r1. 陈水生\r2. 林阿妹", LISTED),
    ("临时救助对象名单：\u20281. 陈水生\u20282. 林阿妹", LISTED),
    ("以下人员获得临时救助：\r\n\r\n陈水生、林阿妹", LISTED),
    # what goes with a name in a list
    ("以下人员获得临时救助：陈水生（男，65岁）、林阿妹（女，70岁）、王建国（男，58岁）。", THREE),
    ("以下人员获得临时救助：陈水生(1500元)、林阿妹(1200元)、王建国(800元)。", THREE),
    ("以下人员获得临时救助：陈水生1500元、林阿妹1200.5元、王建国800元。", THREE),
    ("以下人员获得临时救助：经兜村陈水生、湖头社区林阿妹、城关镇王建国。", THREE),
    ("以下人员获得临时救助：陈水生户、林阿妹家庭、王建国户。", THREE),
    ("以下人员获得临时救助：陈水生（六十五岁，经兜村三组，因病致困户）、林阿妹、王建国。", THREE),  # a note of 16
    ("以下人员获得临时救助：陈水生（六十五岁，经兜村三组，因病致困户主）、林阿妹、王建国。", frozenset()),  # 17: no note
    # after a verb giving aid; before a count
    ("经审核，同意陈水生、林阿妹纳入低保。", LISTED),
    ("拟给予陈水生、林阿妹临时救助。", LISTED),
    ("经审核，拟将陈水生、林阿妹纳入特困供养。", LISTED),
    ("经研究，确认陈水生、林阿妹、王建国为特困人员。", THREE),
    ("经审核，陈水生、林阿妹、王建国三户纳入低保。", THREE),
    ("经审核，陈水生、林阿妹两户纳入低保。", LISTED),
    ("经审核，陈水生、林阿妹等2户办理临时救助。", LISTED),
    ("经审核，同意陈水生纳入低保。", frozenset()),  # one name: no list
    ("对符合条件的困难群众给予临时救助。", frozenset()),
    ("将符合条件的对象纳入低保、特困供养范围。", frozenset()),
    # numbered entries that start with a name
    ("一、陈水生，经兜村，因病致困，救助1500元。\n二、林阿妹，湖头村，因灾致困，救助1200元。", LISTED),
    ("1.陈水生，男，经兜村村民，救助金额1500元；\n\n2.林阿妹，女，湖头村村民，救助金额1200元；", LISTED),
    ("（1）经兜村陈水生户：救助1500元\n（2）湖头村林阿妹户：救助1200元", LISTED),
    ("- 陈水生（户主），救助1500元\n- 林阿妹（户主），救助1200元", LISTED),
    ("1.陈水生，救助1500元；\n说明：以上为临时救助。\n2.林阿妹，救助1200元；", frozenset()),  # not in a row
    ("1.陈水生，救助1500元。", frozenset()),  # one entry
    ("（一）申请条件：具有本县户籍的困难群众。\n（二）申请材料：户口簿、身份证。", frozenset()),
    ("1.宣传，加强低保政策宣传；\n2.培训，组织业务培训。", frozenset()),  # a word, then no name
    ("1.方案，制定低保方案；\n2.程序，规范救助程序。", frozenset()),  # words a surname starts
    ("临时救助工作分工：\n1. 陈明，负责人\n2. 林华，经办人\n", frozenset()),  # staff
    ("临时救助工作分工：\n1. 陈明，联系人\n2. 林华\n", frozenset()),
    ("1.陈水生，电话13800138000，救助1500元；\n2.林阿妹，电话13800138001，救助1200元；", LISTED),  # not staff
    ("分工：\n1. 陈明，负责人\n2. 林华，经办人\n名单如下。\n1.陈水生，救助1500元；\n2.林阿妹，救助1200元；", LISTED),
    ("管理：严格执行低保审核程序。\n查询：可到村委会查询。", frozenset()),  # no number before them: no entries
    # one person described: a name, then the sex (and the age) as a record of a person writes it
    ("陈水生，男，65岁，经兜村村民，因病致困，申请临时救助。", frozenset({"陈水生"})),
    ("申请人陈水生（女，70岁），经兜村村民，申请低保。", frozenset({"陈水生"})),
    ("户主：陈水生，性别：男，年龄65岁。低保", frozenset({"陈水生"})),
    ("陈水生 ， 女性 ， 申请临时救助", frozenset({"陈水生"})),
    ("陈水生，男65岁，申请临时救助", frozenset({"陈水生"})),
    ("陈水生、男、申请临时救助", frozenset({"陈水生"})),
    ("陈水生，男。申请临时救助", frozenset({"陈水生"})),
    ("陈水生，男子，申请临时救助", frozenset()),  # 男子 is no sex written as a record writes it
    ("陈水生，男，1975年出生，现任县民政局社会救助股股长。", frozenset()),  # an official
    ("陈明，男，汉族，中共党员，拟任社会救助股股长。", frozenset()),
    ("陈明，男，拟任社会救助股股长。", frozenset()),
    ("参加培训人员（男女不限）：\n1. 陈明\n2. 林华\n", frozenset()),  # names a line in a text about no aid
    ("联系人：陈明，男，办理临时救助。", frozenset()),  # staff
    ("王局长，男，分管社会救助。", frozenset()),
    ("申请人（男，65岁）应当提交临时救助申请材料。", frozenset()),  # a kind of person, no name
    ("申请人须为本县户籍，男年满60周岁、女年满55周岁的可申请特困供养。", frozenset()),
    ("高龄老人（男，80岁以上）可享受高龄补贴。", frozenset()),
    ("经兜村（男，65岁）临时救助", frozenset()),  # a place
    ("当事人：陈某某，男，45岁，经营户。", frozenset()),  # a name already hidden
    ("以下人员获得临时救助：陈某、林某某、王某。", frozenset()),
    ("当事人：陈水生，男，45岁，经营户。", frozenset({"陈水生"})),  # described in a text about no aid
])
def test_a_list_of_names_is_read_below_its_sentence(text: str, names: frozenset[str]) -> None:
    assert enumerated_names(text) == names


@pytest.mark.parametrize(("title", "names"), [
    ("关于陈水生家庭申请临时救助的通知", frozenset({"陈水生"})),
    ("关于陈水生、林阿妹获得临时救助的通知", LISTED),
    ("关于给予王建国同志临时救助的通知", frozenset()),  # an official: aid and an office in the title
    ("关于陈水生家庭申请建房的通知", frozenset()),  # a name, but no aid
    ("关于2026年临时救助资金的通知", frozenset()),  # aid, but no name
    ("", frozenset()),
    # a person described with the sex, a name before a sum, a name closing the title
    ("陈水生（男，65岁）低保公示", frozenset({"陈水生"})),
    ("关于陈水生1500元临时救助的公示", frozenset({"陈水生"})),
    ("给予陈水生800.5元临时救助的公示", frozenset({"陈水生"})),
    ("临时救助公示：陈水生", frozenset({"陈水生"})),
    ("低保公示（陈水生）", frozenset({"陈水生"})),
    ("关于陈某某临时救助的公示", frozenset()),  # already hidden
    ("关于2026年临时救助资金1500元的公示", frozenset()),
    ("临时救助公示：湖头镇", frozenset()),
    ("低保公示（第三季度）", frozenset()),
    ("关于林业2026年困难补助的公示", frozenset()),  # a word a surname starts
])
def test_a_title_says_whom_aid_is_given_to(title: str, names: frozenset[str]) -> None:
    """titles.listed_in_title: such a record is about the people its title names (a list of people whatever its kind)."""
    assert listed_in_title(title) == names


@pytest.mark.parametrize("title", ["临时救助公示：陈水生", "陈水生（男，65岁）临时救助公示", "关于陈水生1500元临时救助的公示"])
def test_a_notice_whose_title_names_a_person_is_a_list(gk, cat: CatalogDir, tmp_path: Path, title: str) -> None:
    """Its body names no one; its title does: the record is about that person (no index, the name masked)."""
    cat.record(NOTICE.replace("题名: 测试县民政局关于发放2026年第三季度临时救助金的通知", f"题名: {title}"))
    assert "GK611" in gk("validate", cat.root).out
    site = _site(gk, cat, tmp_path)
    assert "R2026-001" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert not any("陈水生" in p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())
