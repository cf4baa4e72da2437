"""The search page tried a thirty-fifth time as an elderly citizen on a phone (what was found and left alone: see
tests/test_hostile35_search_citizen.py): one syllable typed among characters, and a date read on a result.

Expected pages are read by hand from the bundled catalog with grep: 临时救助 is written by 33 pages, 高龄津贴 by 4
(YLFW-006, R2025-009, R2026-002, R2026-025), 低保 by 13, 特困人员 by 35 (the counts the Chinese queries give, held
by test_search_browser's suite and test_hostile33); 公开日期 2026-06-26 is R2026-015's and R2026-016's.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Watch
from tests.browser.test_search_browser import _clean, search

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("typed", "meant"), [("临shi救助", "临时救助"), ("gao龄津贴", "高龄津贴"), ("低bao", "低保"),
                                              ("di保", "低保"), ("特困ren员", "特困人员"), ("te困ren员", "特困人员"),
                                              ("高LING津贴", "高龄津贴")])
def test_one_syllable_typed_among_characters(page: tuple[Any, Watch], base_url: str, typed: str, meant: str) -> None:
    """Before: 「没有找到与“临shi救助”相关的公开信息」, the 依申请 way offered."""
    tab, watch = page
    expected = search(tab, base_url, meant)
    assert expected
    found = search(tab, base_url, typed)
    assert sorted(found) == sorted(expected)
    assert tab.inner_text("#search-status") == f"“{typed}”按拼音查找“{meant}”。“{typed}”共找到 {len(found)} 条结果。"
    _clean(watch)


def test_a_syllable_no_character_beside_makes_a_word_with_finds_nothing(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    assert search(tab, base_url, "临xyz救助") == []
    assert search(tab, base_url, "公ji金") == []  # 公积金 is on no page: 积 is not guessed into one
    assert "没有找到" in tab.inner_text("#search-status")
    _clean(watch)


@pytest.mark.parametrize(("query", "mark"), [("2026年6月26日", "2026年6月26日"), ("2026-06-26", "2026年6月26日"),
                                          ("2026.6.26", "2026年6月26日"), ("2026年06月26日", "2026年6月26日"),
                                          ("06月26日", "6月26日")])
def test_the_day_a_result_shows_finds_it(page: tuple[Any, Watch], base_url: str, query: str, mark: str) -> None:
    """Before: 「没有找到与“2026年6月26日”相关的公开信息」 beside two results that show 「公开日期：2026年6月26日」; typed
    with its zeros (2026年06月26日, as forms and Excel write it) it found nothing even where a body wrote the day."""
    tab, watch = page
    assert sorted(search(tab, base_url, query)) == ["records/R2026-015.html", "records/R2026-016.html"]
    marks = tab.eval_on_selector_all("#search-results li .snippet mark", "m => m.map(e => e.textContent)")
    assert marks == [mark, mark]  # as the page writes it
    snippets = tab.eval_on_selector_all("#search-results li .snippet", "m => m.map(e => e.textContent)")
    assert all("公开日期：2026年6月26日" in s for s in snippets)
    _clean(watch)


# typed by hand from the items' names: 补贴 is in 老年人补贴 and 残疾人两项补贴, 殡葬 in 殡葬管理 and 殡葬服务收费
@pytest.mark.parametrize(("traditional", "simplified", "near"), [("醫療補貼", "医疗补贴", {"老年人补贴", "残疾人两项补贴"}),
                                                                 ("殯葬費用", "殡葬费用", {"殡葬管理", "殡葬服务收费"})])
def test_a_traditional_query_found_nowhere_is_offered_the_near_terms(page: tuple[Any, Watch], base_url: str,
                                                                     traditional: str, simplified: str,
                                                                     near: set[str]) -> None:
    """Before: 「醫療補貼」 was offered no near term at all (only the 依申请 way), 「殯葬費用」 only what shares 葬 and 用;
    typed in simplified, both are offered the items' names that share their characters."""
    tab, watch = page
    offered = []
    for query in (simplified, traditional):
        assert search(tab, base_url, query) == []
        assert tab.inner_text("#search-status") == f"没有找到与“{query}”相关的公开信息。"
        offered.append(tab.eval_on_selector_all("#search-near a", "els => els.map(a => a.textContent)"))
    assert offered[0] == offered[1]
    assert "依申请公开" in offered[1] and near <= set(offered[1])
    _clean(watch)
