"""The 公示 column allow-list: a published list of people carries only what DOMAIN.md §7 allows.

A 低保 公示 shows 姓名, 保障人数, 保障金额, 所在村（社区）, 救助类别/事由 and 日期. A table counts as a list of people
when one of its columns is 姓名 (or 户主姓名); its other columns must be in the list below. A unit in brackets after
a column name is ignored: 保障金额（元/月） is 保障金额.
"""

from __future__ import annotations

import re

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
# A table of officials in office (领导分工, 工作人员): names with what they hold, public by their office.
OFFICE_COLUMNS = frozenset({"职务", "职位", "职称", "分工", "工作分工", "岗位", "职责"})


def normalize_column(name: str) -> str:
    """A header as compared: no spaces, brackets full-width, a trailing unit in brackets dropped."""
    text = re.sub(r"\s+", "", name).replace("(", "（").replace(")", "）")
    if text in ALLOWED_COLUMNS:
        return text
    return re.sub(r"（[^（）]*）$", "", text)


def is_people_list(header: list[str]) -> bool:
    """True when the table lists people: it has a 姓名 column."""
    return any(normalize_column(h) in NAME_COLUMNS for h in header)


def lists_private_people(header: list[str]) -> bool:
    """True when the table lists people who are not named for an office: a 姓名 column and no 职务, 分工 … column.
    Such a list (of recipients, applicants …) is never indexed, wherever it stands (gate: Admission.lists_people)."""
    return is_people_list(header) and not any(normalize_column(h) in OFFICE_COLUMNS for h in header)


def extra_columns(header: list[str]) -> list[tuple[int, str]]:
    """(1-based column, name) of every column a 公示 list of people may not carry."""
    if not is_people_list(header):
        return []
    return [(n, h) for n, h in enumerate(header, start=1) if h.strip() and normalize_column(h) not in ALLOWED_COLUMNS]
