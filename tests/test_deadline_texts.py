"""公开时限 as bureaus write them, read through the real CLI (`validate` GK401/GK402 and `deadline explain`), every
date counted by hand on the State Council's 2026 notice: off 9/25–9/27 and 10/1–10/7, make-up working days 9/20 (Sun)
and 10/10 (Sat). The record is formed on Tuesday 2026-09-01.

Bugs planted in model/deadline.py that no test caught (twenty-second session): 十五 read as 十, 二十二 as 二十,
「N日内」 counted in working days, 「长期公开」 not understood.
"""

from __future__ import annotations

import re

import pytest

from conftest import ITEM, RECORD

DEFAULT = "制定或获取信息之日起10个工作日内"


def _catalog(cat, deadline: str, published: str) -> None:
    cat.item(ITEM.replace(DEFAULT, deadline))
    cat.record(RECORD.replace("公开日期: 2026-09-03", f"公开日期: {published}"))


def _codes(gk, cat) -> list[str]:
    data = gk("validate", cat.root, "--format", "json", "--today", "2026-11-27").json()
    found = data["diagnostics"] if isinstance(data, dict) else data
    return sorted(d["code"] for d in found if d["code"] in ("GK401", "GK402"))


def _limit(gk, cat) -> str:
    run = gk("deadline", "explain", "R2026-001", "--catalog", cat.root)
    assert run.code == 0, run.out + run.err
    # the working-day count ends on 「→ 2026-09-21（…）」, the calendar-day one on 「= 2026-09-11」
    found = re.search(r"(?:→|=) (\d{4}-\d{2}-\d{2})", run.out)
    assert found, run.out
    return found.group(1)


# (公开时限, the last day by hand)
LIMITS = [
    # 9/2 3 4 7 8 9 10 11 14 15 16 17 18, Sunday 9/20 (make-up), 9/21: the fifteenth working day
    ("自信息形成之日起十五个工作日内", "2026-09-21"),
    # … 9/22 23 24, 9/25–27 off, 9/28, 9/29: the twentieth
    ("自信息形成或者变更之日起二十个工作日内", "2026-09-29"),
    ("信息形成之日起十个工作日内", "2026-09-15"),  # 9/2 3 4 7 8 9 10 11 14 15
    ("自信息形成之日起10日内", "2026-09-11"),  # calendar days: 9/1 + 10
    ("自信息形成之日起二十二日内", "2026-09-23"),  # 9/1 + 22, a Wednesday
    # 9/1 + 12 = Sunday 9/13, a day off: the period ends on the next working day (民法典第二百零三条)
    ("自信息形成之日起12日内", "2026-09-14"),
    # 9/1 + 24 = Friday 9/25, the Mid-Autumn holiday to 9/27: Monday 9/28
    ("自信息形成之日起24日内", "2026-09-28"),
    # 9/1 + 19 = Sunday 9/20, a make-up working day: it stands
    ("自信息形成之日起19日内", "2026-09-20"),
]


@pytest.mark.parametrize(("deadline", "last"), LIMITS)
def test_the_last_day_of_a_deadline_as_written(gk, cat, deadline, last):
    _catalog(cat, deadline, "2026-09-03")
    assert _limit(gk, cat) == last


@pytest.mark.parametrize(("deadline", "last"), LIMITS)
def test_published_on_the_last_day_is_in_time_and_a_day_later_late(gk, cat, deadline, last):
    _catalog(cat, deadline, last)
    assert _codes(gk, cat) == []
    day_after = {"2026-09-21": "2026-09-22", "2026-09-29": "2026-09-30", "2026-09-15": "2026-09-16",
                 "2026-09-11": "2026-09-12", "2026-09-23": "2026-09-24", "2026-09-14": "2026-09-15",
                 "2026-09-28": "2026-09-29", "2026-09-20": "2026-09-21"}[last]
    _catalog(cat, deadline, day_after)
    assert _codes(gk, cat) == ["GK402"]


@pytest.mark.parametrize("deadline", ["每季度", "每年3月底前"])
def test_deadlines_that_name_no_count_are_understood(gk, cat, deadline):
    _catalog(cat, deadline, "2026-11-20")  # months after formed: the period is what counts, never late
    assert _codes(gk, cat) == []


@pytest.mark.parametrize("deadline", ["长期公开", "实时公开", "及时公开", "常态化公开"])
def test_deadlines_that_name_no_days_are_held_to_article_26(gk, cat, deadline):
    # 《条例》第二十六条: within 20 working days of being formed, whatever the item promises beyond it — the 20th
    # working day from 9/1 is 9/29 (9/25–27 off, 9/20 worked). Thirty-eighth session: months later was never late.
    _catalog(cat, deadline, "2026-09-29")
    assert _codes(gk, cat) == []
    _catalog(cat, deadline, "2026-11-20")
    assert _codes(gk, cat) == ["GK402"]


def test_a_deadline_in_no_known_form_is_gk401(gk, cat):
    _catalog(cat, "尽快公开", "2026-09-03")
    assert _codes(gk, cat) == ["GK401"]
