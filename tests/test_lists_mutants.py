"""The edges of reading lists and boxes, written after the first mutation run of the "lists" group (fourteenth session:
72.7 %, 54 survivors). Each test names the rule it holds; the expected values are typed by hand from the rule, and the
IDs are the standard's own example (GB 11643-1999: 11010519491231002X) or the one the boxed-ID tests use.

- boxes.py: an ID one character to a cell anywhere in a row; a card only after a cell naming it, a mobile (11 cells) too
  or where nothing names a count;
  the bureau's own number is no finding; each number once per table; the finding says where it stands.
- laidout.py: a PDF or OFD page's lines under a header naming people are a table; a line of prose is no header.
- columns.py: how a column name is compared (spaces, invisible characters, half-width brackets, a unit in brackets).
"""

from __future__ import annotations

import pytest

from gongkai.privacy.boxes import boxed_ids
from gongkai.privacy.columns import (extra_columns, header_of, is_people_list, name_columns, names_under_kinds,
                                     normalize_column, people_of)
from gongkai.privacy.detect import bureau_values
from gongkai.privacy.extract import Segment, Table
from gongkai.privacy.findings import PrivacyFinding
from gongkai.privacy.laidout import laid_out_tables
from gongkai.privacy.titles import enumerated_names, looks_like_name

ID = "350524198503151236"  # area 350524, born 1985-03-15, check digit 6
ID_MASKED = "35*************236"
STANDARD_ID = "11010519491231002X"  # GB 11643-1999's example: check digit X
STANDARD_MASKED = "11*************02X"
MOBILE = "13800138000"
MOBILE_MASKED = "138****8000"
BODY = ("正文",)


def _table(*rows: list[str], where: str = "表格1", line: int | None = 7) -> Table:
    return Table(["项目", "内容"], where, line, list(rows))


def _found(*rows: list[str], allowed: frozenset[str] = frozenset()) -> list[tuple[str, str, str]]:
    return [(f.kind, f.masked_value, f.where) for f in boxed_ids("R2026-001", BODY, [_table(*rows)], allowed)]


# ---------------------------------------------------------------- boxes


def test_a_boxed_id_is_reported_with_its_record_field_row_line_and_label() -> None:
    found = boxed_ids("R2026-001", BODY, [_table(["姓名", "陈水生"], ["身份证号", *ID])], frozenset())
    # (the row's own line: header on line 7, the rule row |---| on 8, the rows on 9 and 10 — thirtieth pass)
    assert found == [PrivacyFinding("R2026-001", "id", "表格1第3行（一格一个字）", ID_MASKED, BODY, 10, "身份证号")]


def test_a_boxed_id_needs_no_label_before_it() -> None:
    assert _found([*ID]) == [("id", ID_MASKED, "表格1第2行（一格一个字）")]


@pytest.mark.parametrize("check", ["X", "x"])
def test_the_check_digit_x_is_a_box_in_either_case(check: str) -> None:
    assert _found(["公民身份号码", *STANDARD_ID[:-1], check]) == [("id", STANDARD_MASKED, "表格1第2行（一格一个字）")]


def test_eleven_boxes_after_a_phone_label_are_a_mobile() -> None:
    assert _found(["联系电话", *MOBILE]) == [("mobile", MOBILE_MASKED, "表格1第2行（一格一个字）")]


@pytest.mark.parametrize("label", ["人数", "户数", "金额（元）", "1月"])
def test_eleven_boxes_after_a_cell_naming_a_count_are_counts(label: str) -> None:
    assert _found([label, *MOBILE]) == []


# (fourteenth hostile pass: eleven boxes that nothing names — an applicant's phone typed a digit to a cell — are a mobile;
# twelve or more, a row of months, are not)
@pytest.mark.parametrize("label", ["", "陈水生"])
def test_eleven_boxes_naming_nothing_are_a_mobile(label: str) -> None:
    assert _found([label, *MOBILE]) == [("mobile", MOBILE_MASKED, "表格1第2行（一格一个字）")]
    assert _found([label, *MOBILE, "5"]) == []


def test_the_bureaus_own_number_in_boxes_is_no_finding() -> None:
    own = bureau_values([MOBILE], [])
    assert _found(["联系电话", *MOBILE], allowed=own) == []
    assert _found(["联系电话", *"13905951234"], allowed=own) == [("mobile", "139****1234", "表格1第2行（一格一个字）")]


def test_one_number_in_two_rows_of_a_table_is_reported_once() -> None:
    assert _found(["身份证号", *ID], ["身份证号", *ID], ["身份证号", *STANDARD_ID]) == [
        ("id", ID_MASKED, "表格1第2行（一格一个字）"), ("id", STANDARD_MASKED, "表格1第4行（一格一个字）")]


def test_a_cell_of_two_characters_ends_a_run() -> None:
    assert _found(["身份证号", *ID[:9], "19", *ID[11:]]) == []


# ---------------------------------------------------------------- laid-out pages


def _page(text: str, where: str = "附件「名单.pdf」第1页") -> Segment:
    return Segment(text, where)


def test_a_page_read_as_lines_in_columns_is_a_table_under_its_header() -> None:
    text = "2026年第三季度低保对象名单\n\n序号  姓名  金额\n1  陈水生  650\n\n2  林金花  430\n"
    assert laid_out_tables([_page(text)]) == [
        Table(["序号", "姓名", "金额"], "附件「名单.pdf」第1页", None, [["1", "陈水生", "650"], ["2", "林金花", "430"]])]


def test_a_two_column_header_and_a_twelve_character_cell_are_a_header() -> None:
    text = "申请人姓名（户主监护人）  金额\n陈水生  650\n"
    assert [t.header for t in laid_out_tables([_page(text)])] == [["申请人姓名（户主监护人）", "金额"]]


def test_a_line_of_prose_naming_a_name_column_is_no_header() -> None:
    assert laid_out_tables([_page("请填写申请人姓名、联系电话后交乡镇民政办\n姓名\n")]) == []
    assert laid_out_tables([_page("申请人姓名（户主或监护人）  金额\n陈水生  650\n")]) == []  # a cell of 13


def test_a_page_without_a_header_gives_no_table_and_metadata_is_skipped() -> None:
    pages = [Segment("姓名  金额", "附件「名单.pdf」的文档属性"), _page("本月无新增对象。"),
             _page("姓名  金额\n陈水生  650", "附件「名单.pdf」第2页")]
    assert [t.where for t in laid_out_tables(pages)] == ["附件「名单.pdf」第2页"]


# ---------------------------------------------------------------- columns


@pytest.mark.parametrize(("written", "compared"), [
    ("姓\u200b名", "姓名"),  # a zero-width space (Cf) pasted from a web page
    (" 姓 名 ", "姓名"),
    ("保障金额(元)", "保障金额"),  # half-width brackets and the unit dropped
    ("金额（元/月）", "金额"),
    ("所在村（社区）", "所在村（社区）"),  # an allowed name keeps its brackets
    ("村（居）", "村（居）"),
    ("备注（其他）", "备注"),
])
def test_a_column_name_is_compared_as_the_allow_list_writes_it(written: str, compared: str) -> None:
    assert normalize_column(written) == compared


def test_extra_columns_are_numbered_from_one_and_name_columns_pass() -> None:
    header = ["序号", "申请人姓名", "老人名字", "申请人", "保障金额(元)", "村（居）", "乡镇（街道）", "身份证号", "联系电话"]
    assert extra_columns(header) == [(8, "身份证号"), (9, "联系电话")]
    assert extra_columns(["月份", "身份证号"]) == []  # no list of people: nothing to check
    assert is_people_list(["序号", "姓\u200b名"])


def test_the_header_of_rows_that_name_no_one_is_their_first_row() -> None:
    assert header_of([["月份", "人数"], ["1月", "12"]]) == ["月份", "人数"]
    assert header_of([["2026年第三季度低保对象名单"], ["姓名", "金额"], ["陈水生", "650"]]) == ["姓名", "金额"]
    assert header_of([]) == []


def test_a_row_shorter_than_the_header_gives_the_names_it_holds() -> None:
    rows = [["序号", "姓名", "金额"], ["1", "陈水生", "650"], ["合计"], ["2", "林金花"]]
    assert people_of(rows).names == {"陈水生", "林金花"}


# ---------------------------------------------------------------- a kind of person over names (twelfth pass)

RELIEF = [["序号", "救助对象", "金额"], ["1", "陈水生", "100"], ["2", "林阿妹", "200"], ["3", "王建国", "300"]]


def test_a_column_headed_with_a_kind_of_person_over_names_is_a_name_column() -> None:
    assert name_columns(RELIEF) == (["序号", "救助对象", "金额"], [1])
    titled = [["2026年第三季度临时救助对象名单"], *RELIEF]
    assert name_columns(titled) == (["序号", "救助对象", "金额"], [1])
    assert extra_columns(["序号", "救助对象", "金额", "身份证号"], [1]) == [(4, "身份证号")]


@pytest.mark.parametrize(("header", "below"), [
    (["序号", "金额", "审核人"], [["1", "100", "陈水生"], ["2", "200", "林阿妹"]]),  # no kind of person
    (["乡镇", "工作人员"], [["湖头镇", "陈水生"], ["城关镇", "林阿妹"]]),  # staff, named for their office
    (["序号", "救助对象"], [["1", "低保对象"], ["2", "特困人员"]]),  # a table of rates: kinds, not names
    (["序号", "救助对象"], [["1", "陈水生"], ["2", ""]]),  # one name is no list
])
def test_no_name_column_without_a_kind_of_person_over_two_names(header: list[str], below: list[list[str]]) -> None:
    assert names_under_kinds(header, below) == []


@pytest.mark.parametrize(("cells", "named"), [
    (["陈水生", "林阿妹", "经兜村"], True),  # two thirds names: a list
    (["陈水生", "林阿妹", "经兜村", "湖头村", "合计"], False),  # three fifths
    (["陈水生", "林阿妹", "王建国", "经兜村", "湖头村"], False),
    (["陈水生", "林阿妹", "王建国", "经兜村"], True),
])
def test_two_thirds_of_the_cells_under_a_kind_of_person_are_names(cells: list[str], named: bool) -> None:
    rows = [[str(n), cell] for n, cell in enumerate(cells, start=1)] + [["99"]]  # a short row is passed over
    assert names_under_kinds(["序号", "受助学生"], rows) == ([1] if named else [])


def test_a_laid_out_page_under_a_kind_of_person_is_a_table() -> None:
    text = "2026年临时救助对象名单\n序号  救助对象  金额\n1  陈水生  100\n2  林阿妹  200\n"
    assert laid_out_tables([_page(text)]) == [
        Table(["序号", "救助对象", "金额"], "附件「名单.pdf」第1页", None, [["1", "陈水生", "100"], ["2", "林阿妹", "200"]])]


@pytest.mark.parametrize(("last", "table"), [("", True), ("61  湖头村  100", True)])
def test_a_laid_out_page_reads_sixty_lines_under_a_kind_of_person(last: str, table: bool) -> None:
    lines = ["序号  救助对象  金额", *[str(n) for n in range(1, 58)], "58  陈水生  100", "59  林阿妹  200",
             "60  经兜村  300", last]
    assert bool(laid_out_tables([_page("\n".join(lines))])) is table


def test_names_beyond_sixty_lines_do_not_make_a_header() -> None:
    lines = ["序号  救助对象  金额", *[str(n) for n in range(1, 60)], "60  陈水生  100", "61  林阿妹  200"]
    assert laid_out_tables([_page("\n".join(lines))]) == []


@pytest.mark.parametrize(("cell", "name"), [
    ("陈水生", True), ("欧阳建华", True), ("陈水生（户主）", True), ("陈水生(户主)", True),
    ("陈坑村", False), ("陈坑村（一组）", False), ("陈坑村(一组)", False), ("低保对象", False), ("100", False),
])
def test_a_cell_is_written_as_a_name(cell: str, name: bool) -> None:
    assert looks_like_name(cell) is name


# ---------------------------------------------------------------- a list of names written as a sentence (twelfth pass)

THREE = frozenset({"陈水生", "林阿妹", "王建国"})


@pytest.mark.parametrize(("text", "names"), [
    ("经审核，以下人员获得临时救助：陈水生、林阿妹、王建国。", THREE),
    ("陈水生、林阿妹、王建国等3户获得临时救助。", THREE),  # the list starts the text
    ("经审核，下列家庭纳入低保：\n陈水生（户主）、林阿妹、王建国", THREE),  # a note after a name; the text ends
    ("经研究，任命张三为局长。以下人员获得临时救助：陈水生、林阿妹、王建国。", THREE),  # the sentence before is its own
    ("会议决定如下。任命张三为局长。以下人员获得临时救助：陈水生、林阿妹、王建国。", THREE),  # the last 。 before it
    ("任命张三为局长\n以下人员获得临时救助：陈水生、林阿妹、王建国", THREE),  # the last line break before it
    ("临时救助资金已拨付。参加会议的有：陈水生、林阿妹、王建国。", frozenset()),  # aid is said in another sentence
    ("经研究，任命：陈水生、林阿妹、王建国同志为科员。", frozenset()),  # officials
    ("获得临时救助：陈水生、林阿妹。", frozenset()),  # two names are no list here
    ("救助范围：湖头镇、城关镇、官桥镇。", frozenset()),  # places
    ("经审核，陈水生获得临时救助。", frozenset()),
    ("任命：陈水生、林阿妹、王建国，负责救助联络。", frozenset()),  # the office is the sentence's first word
    ("参加会议的有：陈水生、林阿妹、王建国。会后发放临时救助金。", frozenset()),  # aid in the sentence after
    ("以下人员：陈水生、林阿妹、王建国等获得救助", THREE),  # no 。 at the end: the sentence runs to the end
    ("救助范围：陈坑村、林边村、王庄村。", frozenset()),  # villages that start with a surname
])
def test_a_list_of_names_in_a_sentence_about_aid(text: str, names: frozenset[str]) -> None:
    assert enumerated_names(text) == names
