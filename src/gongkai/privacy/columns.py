"""The 公示 column allow-list: a published list of people carries only what DOMAIN.md §7 allows.

A 低保 公示 shows 姓名, 保障人数, 保障金额, 所在村（社区）, 救助类别/事由 and 日期. A table counts as a list of people
when one of its columns is 姓名 (or 户主姓名); its other columns must be in the list below. A unit in brackets after
a column name is ignored: 保障金额（元/月） is 保障金额.
"""

from __future__ import annotations

import re
import unicodedata

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


def lists_private_people(header: list[str]) -> bool:
    """True when the table lists people who are not named for an office: a name column and no 职务, 分工 … column.
    Such a list (of recipients, applicants …) is never indexed, wherever it stands (gate: Admission.lists_people)."""
    return is_people_list(header) and not any(normalize_column(h) in OFFICE_COLUMNS for h in header)


def extra_columns(header: list[str]) -> list[tuple[int, str]]:
    """(1-based column, name) of every column a 公示 list of people may not carry (a name column may: 申请人姓名,
    but not 姓名及身份证号)."""
    if not is_people_list(header):
        return []
    return [(n, h) for n, h in enumerate(header, start=1)
            if h.strip() and (c := normalize_column(h)) not in ALLOWED_COLUMNS
            and not (c.endswith(("姓名", "名字")) or c in _ROLES)]


# A name as a list writes it: two to four Chinese characters (a compound surname and a two-character given name at most),
# perhaps with a note in brackets (陈水生（户主）).
_NAME = re.compile(r"([\u4e00-\u9fff]{2,4})(?:[（(][^）)]*[）)])?")


# What stands in a name column and is no name: a total row, a blank marker.
_NOT_NAMES = frozenset({"合计", "小计", "总计", "共计", "以下空白", "空白", "暂无", "姓名"})


def listed_names(rows: list[list[str]]) -> set[str]:
    """The names in the name columns of a table of private people (its header among its first rows): what the title
    of the record listing them must not show (gate: a title naming one is masked)."""
    header = header_of(rows)
    if not lists_private_people(header):
        return set()
    columns = [n for n, h in enumerate(header) if _names_people(normalize_column(h))]
    below = rows[rows.index(header) + 1:]
    return {m.group(1) for row in below for n in columns if n < len(row)
            and (m := _NAME.fullmatch(row[n].strip())) is not None and m.group(1) not in _NOT_NAMES}
