"""财政预决算 (a warning): the department's budget of this year and its final accounts of last year in the column.
《预算法》第十四条: 经批复的部门预算、决算 are public within 20 days of the 财政部门's 批复; 第五十二条 and 第七十八条
put that 批复 within 20 days of the 人大's approval, which each county holds on its own calendar — so the days by
which each is due are data (thresholds.yaml 预决算), not law gongkai can compute."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Evidence, Status
from gongkai.model import Item, Record
from gongkai.model.reasons import says_something

CATEGORY = "财政预决算"


def check_budget(run: Inspection) -> Check:
    """This year's 预算 and last year's 决算 on the web once their day has passed, for a bureau with such a column."""
    settings = run.thresholds.budget
    columns = [i for i in run.columns if i.law_category == CATEGORY]
    evidence: list[Evidence] = []
    if columns and not any(says_something(i.blank_note) for i in columns):  # a note says where they are instead
        papers = [r for r in run.web_records if r.kind == CATEGORY or r.item in {i.id for i in columns}]
        year = run.today.year
        for what, of_year, due in (("预算", year, settings.budget_due), ("决算", year - 1, settings.accounts_due)):
            day = _day(year, due)
            if run.today > day and not any(_is(r, what, of_year) for r in papers):
                evidence.append(_missing(run, columns[0], what, of_year, day))
    return Check("budget", "法定主动公开内容", "财政预决算栏目中当年的部门预算、上年的部门决算", "到期未公开的逐项提醒（不计分）",
                 settings.source, Status.FAIL if evidence else Status.PASS, evidence, len(evidence))


def _is(record: Record, what: str, year: int) -> bool:
    """The record is the 预算 (决算) of *year* by its title: 「2026年部门预算」, 「2025年度部门决算」, 「部门决算（2025年度）」,
    「２０２６年部门预算」."""
    title = re.sub(r"\s+", "", unicodedata.normalize("NFKC", record.title))
    return f"{year}年" in title and what in title


def _day(year: int, month_day: str) -> dt.date:
    month, day = (int(p) for p in month_day.split("-"))
    return dt.date(year, month, day)


def _missing(run: Inspection, item: Item, what: str, year: int, day: dt.date) -> Evidence:
    return Evidence(f"{item.name}：网站上没有{year}年部门{what}（题名写「{year}年部门{what}」的信息），已过"
                    f"{day}：批复后20日内公开（《预算法》第十四条），用 gongkai new record 登记到这个事项；在县财政局"
                    "统一平台公开的，在事项的「空白说明」中写明在哪里公开", item.id, run.path("item", item.id))
