"""The lead's part of the thirty-fourth pass: what a clerk sees when the year is mistyped.

1. `gongkai report scorecard --year 2062` (2026 mistyped), `report annual --year 2027` in December 2026, and
   `gongkai county --year 2030` printed or wrote a whole table of zeros under the title 「2062年政务公开考核表（截至
   2026-12-07）」, exit 0 — a sheet that could be sent up as the year's result. A year that has not begun on --today is now
   a usage error (exit 2) that says so and gives the year to write; the current year and earlier years work as before.

Today is conftest's day, 2026-11-27, unless --today says otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CatalogDir, Run


@pytest.mark.parametrize("args", [
    ("report", "scorecard", "--year", "2062"),
    ("report", "scorecard", "--year", "2027"),
    ("report", "annual", "--year", "2027"),
])
def test_a_year_not_begun_is_refused(gk: Callable[..., Run], cat: CatalogDir, args: tuple[str, ...]) -> None:
    year = args[-1]
    run = gk(*args[:2], cat.root, *args[2:])
    assert run.code == 2, run.out
    assert f"{year}年还没有开始（今天是 2026-11-27）" in run.err
    assert "--year 2026" in run.err  # the year to write instead
    assert "考核表" not in run.out and "年度报告" not in run.out  # no table of zeros


def test_the_year_under_way_and_a_year_reached_by_today_still_work(gk: Callable[..., Run], cat: CatalogDir) -> None:
    assert gk("report", "scorecard", cat.root, "--year", "2026").code == 0
    assert gk("report", "scorecard", cat.root).code == 0  # the default: --today's year
    run = gk("report", "scorecard", cat.root, "--year", "2027", "--today", "2027-01-04")
    assert run.code == 0 and "2027年政务公开考核表（截至2027-01-04）" in run.out
    # the annual report of the year under way is a draft the office may look at in December
    assert gk("report", "annual", cat.root, "--year", "2026").code in (0, 1)


def test_county_refuses_a_year_not_begun_before_reading_any_catalog(gk: Callable[..., Run], tmp_path: Path) -> None:
    run = gk("county", tmp_path / "没有这个文件夹", "--year", "2030", "--out", tmp_path / "out")
    assert run.code == 2
    assert "2030年还没有开始（今天是 2026-11-27）" in run.err
    assert not (tmp_path / "out").exists()
