"""The search page tried a thirty-sixth time as a citizen (tests/test_hostile36_search_again.py: what was left alone):
a date said as people say it, the day with 号, and a year said 今年 or 去年.

Expected pages are read by hand from the bundled catalog with grep: 公开日期 2026-06-26 is R2026-015's and R2026-016's,
2026-04-10 R2026-007's and R2026-008's; no page writes 6月26号 or 4月10号.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Watch
from tests.browser.test_search_browser import _clean, search

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("query", "expected", "mark"), [
    ("6月26号", ["records/R2026-015.html", "records/R2026-016.html"], "6月26日"),
    ("2026年6月26号", ["records/R2026-015.html", "records/R2026-016.html"], "2026年6月26日"),
    ("06月26号", ["records/R2026-015.html", "records/R2026-016.html"], "6月26日"),
    ("２０２６年６月２６号", ["records/R2026-015.html", "records/R2026-016.html"], "2026年6月26日"),
    ("4月10号", ["records/R2026-007.html", "records/R2026-008.html"], "4月10日"),
])
def test_a_day_said_with_hao_finds_the_day(page: tuple[Any, Watch], base_url: str, query: str, expected: list[str],
                                          mark: str) -> None:
    """Before: 「没有找到与“6月26号”相关的公开信息」 beside two results that show 「公开日期：2026年6月26日」: 号 is how
    people say the day (6月26号), pages write 日."""
    tab, watch = page
    assert sorted(search(tab, base_url, query)) == expected
    assert tab.inner_text("#search-status") == f"“{query}”共找到 2 条结果。"
    marks = tab.eval_on_selector_all("#search-results li .snippet mark", "m => m.map(e => e.textContent)")
    assert marks == [mark, mark]
    _clean(watch)


@pytest.mark.parametrize("query", ["13月26号", "6月32号", "6月0号"])
def test_a_day_no_calendar_has_is_not_read_as_one(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    tab, watch = page
    assert search(tab, base_url, query) == []
    assert tab.inner_text("#search-status") == f"没有找到与“{query}”相关的公开信息。"
    _clean(watch)


def test_a_doc_number_is_still_its_number_not_a_day(page: tuple[Any, Watch], base_url: str) -> None:
    """安民〔2026〕12号 has no 月 before 12: it is not read as a day (R2026-007's 文号, quoted by R2026-008 and R2026-022)."""
    tab, watch = page
    assert sorted(search(tab, base_url, "安民〔2026〕12号")) == ["records/R2026-007.html", "records/R2026-008.html",
                                                            "records/R2026-022.html"]
    _clean(watch)


# read by hand: 低保标准 is written by R2026-015/016 (2026年6月26日, 2026年城乡最低生活保障…标准) and R2025-004/005
# (2025年6月24日); 今年 is written only by R2026-022 (「家中老人今年65岁」)
@pytest.mark.parametrize(("now", "query", "expected", "note"), [
    ("2026-11-27T10:00:00+08:00", "今年低保标准", ["records/R2026-015.html", "records/R2026-016.html"], "“今年”按“2026年”查找"),
    ("2026-11-27T10:00:00+08:00", "今年的低保标准", ["records/R2026-015.html", "records/R2026-016.html"],
     "“今年”按“2026年”查找"),
    ("2026-11-27T10:00:00+08:00", "去年低保标准", ["records/R2025-004.html", "records/R2025-005.html"],
     "“去年”按“2025年”查找"),
    # 20:00 on New Year's Eve in London is 2027 in Anxi: 去年 is 2026
    ("2026-12-31T20:00:00+00:00", "去年低保标准", ["records/R2026-015.html", "records/R2026-016.html"],
     "“去年”按“2026年”查找"),
])
def test_a_year_said_as_people_say_it_is_read_as_the_year(page: tuple[Any, Watch], base_url: str, now: str, query: str,
                                                          expected: list[str], note: str) -> None:
    """Before: 「没有找到与“今年低保标准”相关的公开信息」 while 低保标准 has four pages, two of this year: pages write
    2026年, people say 今年."""
    tab, watch = page
    tab.clock.set_fixed_time(now)
    assert sorted(search(tab, base_url, query)) == expected
    assert note in tab.inner_text("#search-status")
    assert tab.inner_text("#search-status").endswith(f"“{query}”共找到 2 条结果。")
    _clean(watch)


def test_a_page_writing_the_word_itself_is_found_as_typed(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    tab.clock.set_fixed_time("2026-11-27T10:00:00+08:00")
    assert search(tab, base_url, "今年65岁") == ["records/R2026-022.html"]
    assert tab.inner_text("#search-status") == "“今年65岁”共找到 1 条结果。"
    _clean(watch)
