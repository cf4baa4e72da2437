"""The search page tried a thirty-eighth time as a citizen on a phone (tests/test_hostile38_search.py: what was found
and what was left alone): two things asked about together, a question in traditional characters, a question whose
words are published apart, and a question under a filter.

Expected pages are read by hand from the bundled catalog with grep: 低保 and 临时救助 are both written by R2025-010,
R2025-011 and R2026-004; 低保 and 特困 by R2025-010, R2025-011, R2026-004, R2026-007, R2026-008, R2026-015 and
R2026-016 (and R2025-008, a list of names, never indexed) and the item SHJZ-007's page; 低保 and 申请 by R2025-005,
R2026-004, R2026-007, R2026-008, R2026-016, R2026-022 and R2026-028; no page writes 公积金 or 申请条件 next to 低保.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Watch
from tests.browser.test_search_browser import _all_results, _clean, search

pytestmark = pytest.mark.browser


def _records(*numbers: str) -> list[str]:
    return sorted(f"records/{n}.html" for n in numbers)


BOTH_HELPS = _records("R2025-010", "R2025-011", "R2026-004")
LOW_AND_HARDSHIP = sorted(_records("R2025-010", "R2025-011", "R2026-004", "R2026-007", "R2026-008", "R2026-015",
                                   "R2026-016") + ["items/SHJZ-007.html"])
LOW_AND_APPLY = _records("R2025-005", "R2026-004", "R2026-007", "R2026-008", "R2026-016", "R2026-022", "R2026-028")


def _status(tab: Any) -> str:
    return str(tab.inner_text("#search-status"))


def _offered(tab: Any) -> list[str]:
    return list(tab.eval_on_selector_all("#search-near p:first-child a", "a => a.map(e => e.textContent)"))


@pytest.mark.parametrize(("query", "words", "expected"), [
    ("低保和临时救助", "“低保”和“临时救助”", BOTH_HELPS),
    ("临时救助和低保", "“临时救助”和“低保”", BOTH_HELPS),
    ("低保与特困", "“低保”和“特困”", LOW_AND_HARDSHIP),
    ("低保與特困", "“低保”和“特困”", LOW_AND_HARDSHIP),
    ("低保及特困", "“低保”和“特困”", LOW_AND_HARDSHIP),
    ("低保以及特困", "“低保”和“特困”", LOW_AND_HARDSHIP),
    ("低保或者特困", "“低保”和“特困”", LOW_AND_HARDSHIP),
])
def test_two_things_asked_about_together_are_two_words(page: tuple[Any, Watch], base_url: str, query: str,
                                                        words: str, expected: list[str]) -> None:
    """Before: 「没有找到与“低保和临时救助”相关的公开信息」 and the 依申请 way, where 「低保 临时救助」 typed with a space
    finds three pages: 和, 与, 及, 以及, 或者 between two words are how people speak of two things."""
    tab, watch = page
    assert sorted(search(tab, base_url, query)) == expected
    assert _status(tab) == (f"没有找到连续的“{query}”，下面是同时包含{words}的结果。"
                            f"“{query}”共找到 {len(expected)} 条结果。")
    _clean(watch)


@pytest.mark.parametrize(("query", "expected"), [("低保和特困人员", ["items/SHJZ-007.html"]),
                                                 ("规划和年度计划", ["items/JGXX-003.html"])])
def test_a_name_with_and_in_it_is_still_found_whole(page: tuple[Any, Watch], base_url: str, query: str,
                                                    expected: list[str]) -> None:
    """A page holding the words with their 和 (an item's name) is found as typed, never cut."""
    tab, watch = page
    assert search(tab, base_url, query) == expected
    assert _status(tab) == f"“{query}”共找到 1 条结果。"
    _clean(watch)


@pytest.mark.parametrize("query", ["低保怎麼申請", "低保怎么申请", "請問低保如何申請"])
def test_a_question_in_traditional_characters_is_a_question(page: tuple[Any, Watch], base_url: str,
                                                           query: str) -> None:
    """Before: 「没有找到与“低保怎麼申請”相关的公开信息」: 怎麼 and 請問 were no question words, though 申請 is read as
    申请."""
    tab, watch = page
    assert sorted(search(tab, base_url, query)) == LOW_AND_APPLY
    assert _status(tab) == f"没有找到连续的“{query}”，下面是同时包含“低保”和“申请”的结果。“{query}”共找到 7 条结果。"
    _clean(watch)


@pytest.mark.parametrize(("query", "words", "alone"), [
    ("低保的申请条件", "“低保”和“申请条件”", ["低保", "申请条件"]),
    ("低保和公积金", "“低保”和“公积金”", ["低保"]),
    ("2026年公积金", "“2026”和“公积金”", ["2026"]),
])
def test_a_question_whose_words_are_published_apart_says_so(page: tuple[Any, Watch], base_url: str, query: str,
                                                           words: str, alone: list[str]) -> None:
    """Before: 「没有找到与“低保的申请条件”相关的公开信息」, as if nothing were published on 低保, where 「低保 申请条件」
    typed apart says 「没有找到同时包含“低保”和“申请条件”的公开信息」 and offers each word alone."""
    tab, watch = page
    assert search(tab, base_url, query) == []
    assert _status(tab) == f"没有找到同时包含{words}的公开信息。"
    assert _offered(tab) == alone
    assert tab.locator("#search-near a[href$='zhinan/index.html#apply']").count() == 1
    _clean(watch)


@pytest.mark.parametrize(("query", "expected"), [("低保怎么申请", LOW_AND_APPLY),
                                                 ("2026年低保", sorted(_records("R2026-004", "R2026-007", "R2026-008",
                                                                             "R2026-015", "R2026-016", "R2026-022",
                                                                             "R2026-028") + ["items/SHJZ-007.html"])),
                                                 ("低保怎麼申請", LOW_AND_APPLY)])
def test_a_question_under_a_filter_says_the_filter_left_nothing(page: tuple[Any, Watch], base_url: str, query: str,
                                                                expected: list[str]) -> None:
    """Before, with 领域 区划地名 chosen: 「没有找到与“低保怎么申请”相关的公开信息」 and the 依申请 way, though without the
    filter the same question finds seven pages (README: a filter that leaves nothing never says there is no such
    information). The count offered is what the link then finds."""
    tab, watch = page
    assert search(tab, base_url, query, 领域="区划地名") == []
    n = len(expected)
    assert _status(tab) == f"在所选条件（领域“区划地名”）下没有找到“{query}”。不加筛选共有 {n} 条结果。"
    assert tab.locator("#search-near a[href$='zhinan/index.html#apply']").count() == 0
    with tab.expect_navigation():
        tab.click(f"text=不加筛选查看全部 {n} 条")
    assert sorted(_all_results(tab, base_url)) == expected
    assert f"“{query}”共找到 {n} 条结果。" in _status(tab)
    _clean(watch)


@pytest.mark.parametrize(("typed", "word", "n"), [
    ("bingzang", "殡葬", 28),  # bin zang: in/ing
    ("lingshijiuzhu", "临时救助", 33),  # lin shi jiu zhu
    ("hunyingdengji", "婚姻登记", 5),  # hun yin deng ji
    ("tekunrengyuan", "特困人员", 35),  # te kun ren yuan: en/eng
    ("shehuijiuzu", "社会救助", 26),  # jiu zhu: z/zh
    ("sehuijiuzhu", "社会救助", 26),  # she: s/sh
    ("naonianren", "老年人", 42),  # lao: n/l
    ("bing葬", "殡葬", 28),  # one syllable among characters
    ("ling时救助", "临时救助", 33),
])
def test_pinyin_typed_with_the_sounds_a_southern_speaker_mixes_is_read(page: tuple[Any, Watch], base_url: str,
                                                                     typed: str, word: str, n: int) -> None:
    """Before: 「没有找到与“bingzang”相关的公开信息」 and the 依申请 way. Speakers of southern Min (安溪) do not tell in
    from ing, en from eng, z from zh or n from l, and phone keyboards offer 模糊音 for them; the page read only the
    exact syllables of titles and item names."""
    tab, watch = page
    found = search(tab, base_url, typed)
    assert _status(tab) == f"“{typed}”按拼音查找“{word}”。“{typed}”共找到 {n} 条结果。"
    assert sorted(found) == sorted(search(tab, base_url, word)) and len(found) == n
    _clean(watch)


@pytest.mark.parametrize("typed", ["gongjijin", "dibaogongjijin", "bingqing"])
def test_pinyin_no_title_says_even_fuzzily_finds_nothing(page: tuple[Any, Watch], base_url: str, typed: str) -> None:
    """公积金 (gong ji jin) and 病情 are in no title or item name, however their syllables are heard."""
    tab, watch = page
    assert search(tab, base_url, typed) == []
    assert _status(tab) == f"没有找到与“{typed}”相关的公开信息。"
    _clean(watch)
