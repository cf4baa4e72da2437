"""The 公示 column allow-list: a published list of people carries only what DOMAIN.md §7 allows.

A 低保 公示 shows 姓名, 保障人数, 保障金额, 所在村（社区）, 救助类别/事由 and 日期. A table counts as a list of people
when one of its columns is 姓名 (or 户主姓名); its other columns must be in the list below. A unit in brackets after
a column name is ignored: 保障金额（元/月） is 保障金额.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from gongkai.privacy.detect import named_kind, names_home
from gongkai.privacy.titles import looks_like_name

# Allowed columns of a 公示 list of people, with the spellings seen in real lists.
ALLOWED_COLUMNS: frozenset[str] = frozenset({
    "序号", "姓名", "户主姓名", "户主",
    "保障人数", "家庭人口", "家庭人数", "人数", "享受人数", "救助人数",
    "保障金额", "救助金额", "补助金额", "金额", "月保障金额", "保障金",
    "所在村（社区）", "所在村（居）", "村（社区）", "村（居）", "所在村", "所在社区", "村居",
    "乡镇", "乡镇（街道）", "所在乡镇", "所在乡镇（街道）",
    "救助类别", "保障类别", "类别", "救助事由", "事由", "救助类别/事由", "供养方式",
    "日期", "批准日期", "审批日期", "公示日期", "救助日期", "备注",
})
NAME_COLUMNS = frozenset({"姓名", "户主姓名", "户主"})
# A column naming people, however spelled: one whose name holds 姓名 or 名字 (申请人姓名, 救助对象姓名, 姓名（户主）,
# 老人名字), or a person's role that only a name fills (申请人, 监护人, 收款人 …). Lists of people come down after their
# period and are never indexed: a name column missed here kept the names in the search index and the page in the
# sitemap. (救助对象, 补贴对象 are no such column: a table of rates lists 低保对象、特困人员 under them.)
_NAMES = re.compile(r"姓名|名字")
_ROLES = frozenset({"户主", "申请人", "受助人", "被救助人", "持证人", "监护人", "收款人", "领款人", "户名"})
# A column headed with a kind of person, not with 姓名: 救助对象, 受助学生, 困难群众, 特困人员, 家庭成员, 户主名. It names
# people when the cells under it are names (_named_below): under 救助对象 a table of rates lists 低保对象, 特困人员, and
# a table of staff (工作人员, 联系人 of each township) names people for their office.
# A header ending in 人 or 者 says who stands in the column, whatever the role (领取人, 代领人, 受益人, 获得者, 申报者):
# _ROLES are the roles that never hold anything but a name; these hold names when names stand under them. A role not
# foreseen kept a list of recipients indexed by name, and on the web past any period.
_KINDS_OF_PEOPLE = re.compile(r"对象|人员|学生|幼儿|儿童|孤儿|老人|成员|群众|残疾人|户主|受助|家属|农户|困难户|患者|村民|居民"
                              r"|人$|者$")
_KIND_CHARACTERS = re.compile("[" + "".join(sorted(set(_KINDS_OF_PEOPLE.pattern) - set("|$"))) + "]")
# … but not the staff, nor an organisation's representative, named for their office (法定代表人 of a 社会组织), nor
# the officers of the procedure (审核人, 审批人, 填表人, 签发人 …)
_STAFF = re.compile(r"^(?:工作|联系|负责|经办|责任|带队|值班|包村|挂钩|驻村|帮扶|结对|法定代表|法人|审核|审批|审查|复核|核查|核实"
                    r"|填表|制表|签发|记录|录入|统计|主管|分管|承办|办理|监督)")
# at least two names, and two thirds of the cells filled (a total row, a blank marker, a name with a note may stand there)
MIN_NAMES = 2
# A title row or two (XX镇2026年第三季度低保对象名单, 单位：元) may stand above the header of a list.
HEADER_ROWS = 5
# A table of officials in office (领导分工, 工作人员): names with what they hold, public by their office.
OFFICE_COLUMNS = frozenset({"职务", "职位", "职称", "分工", "工作分工", "岗位", "职责"})


def normalize_column(name: str) -> str:
    """A header as compared: compatibility forms unified (Ｎ, ⼈), no spaces or invisible characters, brackets
    full-width, a trailing unit in brackets dropped."""
    text = "".join(c for c in unicodedata.normalize("NFKC", name) if not c.isspace() and unicodedata.category(c) != "Cf")
    text = text.replace("(", "（").replace(")", "）")
    if text in ALLOWED_COLUMNS:
        return text
    return re.sub(r"（[^（）]*）$", "", text)


def _names_people(column: str) -> bool:
    return _NAMES.search(column) is not None or column in _ROLES


def header_of(rows: list[list[str]]) -> list[str]:
    """The header of a table given by its first rows: the first row that names people (below a title row or two),
    else the first row."""
    for row in rows[:HEADER_ROWS]:
        if is_people_list(row):
            return row
    return rows[0] if rows else []


def is_people_list(header: list[str]) -> bool:
    """True when the table lists people: it has a name column (姓名, 申请人姓名, 户主, 救助对象 …)."""
    return any(_names_people(normalize_column(h)) for h in header)


def name_columns(rows: list[list[str]]) -> tuple[list[str], list[int]]:
    """The header of a table given by its first rows, and its name columns (0-based): those headed 姓名, 名字 or a
    role only a name fills; else those headed with a kind of person (救助对象, 受助学生) with names under them."""
    header = header_of(rows)
    named = [n for n, h in enumerate(header) if _names_people(normalize_column(h))]
    if named:
        return header, named
    for at, row in enumerate(rows[:HEADER_ROWS]):
        named = names_under_kinds(row, rows[at + 1:])
        if named:
            return row, named
    return header, []


def number_columns(rows: list[list[str]]) -> tuple[int, dict[int, str]]:
    """The row among the first HEADER_ROWS of a table (a title row or two above perhaps) whose cells name the kind of
    number in their columns (身份证号, 存折账号: detect.named_kind) or a home (住址, 家庭住址: detect.names_home: 湖二村
    12 号 under it is an address as 住址：湖二村 12 号 is), and for each such column what its header says before every
    cell under it (身份证号码（18位） → 「身份证号码：」), as a text would; (-1, {}) when no row does."""
    for at, row in enumerate(rows[:HEADER_ROWS]):
        said = {n: f"{normalize_column(head)}：" for n, head in enumerate(row) if head}
        labels = {n: text for n, text in said.items() if named_kind(text, len(text)) is not None or names_home(text)}
        if labels:
            return at, labels
    return -1, {}


def cells_under(rows: list[list[str]], at: int, columns: Iterable[int]) -> Iterator[tuple[int, int, str]]:
    """(row's index in *rows*, column, cell) of every cell of *columns* in the rows below row *at* (the header that
    number_columns or boxes.phone_columns found); a row too short for a column reads "" there."""
    columns = list(columns)
    for index in range(at + 1, len(rows)) if columns else ():
        row = rows[index]
        for column in columns:
            yield index, column, row[column] if column < len(row) else ""


def names_under_kinds(header: list[str], below: list[list[str]]) -> list[int]:
    """The columns (0-based) of *header* headed with a kind of person (救助对象, 受助学生 …) that hold names in *below*."""
    if _KIND_CHARACTERS.search("".join(header)) is None:  # most headers: no normalizing cell by cell
        return []
    kinds = [n for n, h in enumerate(header) if _KINDS_OF_PEOPLE.search(c := normalize_column(h)) and not _STAFF.match(c)]
    return [n for n in kinds if _named_below(below, n)]


def _named_below(rows: list[list[str]], column: int) -> bool:
    cells = [cell.strip() for row in rows if column < len(row) and (cell := row[column]).strip()]
    names = sum(1 for cell in cells if looks_like_name(cell))
    return names >= MIN_NAMES and 3 * names >= 2 * len(cells)


@dataclass(frozen=True)
class TablePeople:
    """What a table given by its rows tells of the people it lists, read once (name_columns)."""

    header: list[str]
    named: list[int]  # the name columns, 0-based: headed 姓名, or with a kind of person over names
    private: bool  # people not named for an office: never indexed, wherever it stands (gate: Admission.lists_people)
    names: frozenset[str]  # the names in those columns, when private: what the record's title must not show


def people_of(rows: list[list[str]]) -> TablePeople:
    """The table's header and name columns; whether it lists people not named for an office (a name column and no
    职务, 分工 … column: a list of recipients, applicants …) and, if so, the names in it."""
    header, named = name_columns(rows)
    private = bool(named) and not _for_office(header)
    return TablePeople(header, named, private, _listed_names(rows, header, named) if private else frozenset())


def _for_office(header: list[str]) -> bool:
    """True for a table of officials in office: names with what they hold (a 职务, 分工 … column)."""
    return any(normalize_column(h) in OFFICE_COLUMNS for h in header)


def extra_columns(header: list[str], named: list[int] | None = None) -> list[tuple[int, str]]:
    """(1-based column, name) of every column a 公示 list of people may not carry (a name column may: 申请人姓名,
    but not 姓名及身份证号); *named*: the name columns (name_columns) when the header does not say them."""
    if not named and not is_people_list(header):
        return []
    return [(n, h) for n, h in enumerate(header, start=1)
            if h.strip() and (c := normalize_column(h)) not in ALLOWED_COLUMNS
            and not (c.endswith(("姓名", "名字")) or c in _ROLES) and n - 1 not in (named or [])]


# A name as a list writes it: two to four Chinese characters (a compound surname and a two-character given name at most),
# perhaps with a note in brackets (陈水生（户主）).
# (hostile pass 21) or a minority name with its middle dot (阿依古丽·买买提), or a two-character one padded (陈　明).
_NAME = re.compile(r"([\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff]"
                   r"|[\u4e00-\u9fff]{2,5}[·•・‧．][\u4e00-\u9fff]{2,6})(?:[（(][^）)]*[）)])?")


# What stands in a name column and is no name: a total row, a blank marker.
_NOT_NAMES = frozenset({"合计", "小计", "总计", "共计", "以下空白", "空白", "暂无", "姓名"})


def _listed_names(rows: list[list[str]], header: list[str], columns: list[int]) -> frozenset[str]:
    """The names in the name *columns* of the rows below *header*."""
    below = rows[rows.index(header) + 1:]
    return frozenset(re.sub("[ \u3000]", "", m.group(1)) for row in below for n in columns if n < len(row)
                     and (m := _NAME.fullmatch(row[n].strip())) is not None and m.group(1) not in _NOT_NAMES)
