"""The search page tried a twenty-seventh time, as a citizen typing one character (the index itself, and the bugs
planted in it: tests/test_hostile27_search_mutants.py).

- 「低」 with a filter chosen (领域: 社会救助) listed every page of the filter under 「“低”共找到 19 条结果」, as if those
  pages held 低: a single character is never searched, and without a filter the page said so. Now it says so with a
  filter too (「请至少输入两个字…」), and a query of marks alone (〔〕) asks for a word, as it does without a filter.
- 「低保 表」 and 「县 低保」 found the pages holding 低保 under 「“低保 表”共找到 13 条结果」: the lone 表 was left out
  unsaid. Now the status line says which characters were not searched (「单个汉字太常见，未按“表”查找」).

Expected pages are read by hand from the bundled catalog with grep: 低保 is written by SHJZ-006, SHJZ-007 and eleven
records (R2025-004, -005, -010, -011, R2026-004, -007, -008, -015, -016, -022, -028); R2025-008, R2026-009 and R2026-031
are lists of people (never indexed) and R2026-030 is withdrawn.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.conftest import Watch
from tests.browser.test_search_browser import _clean, search

pytestmark = pytest.mark.browser

DIBAO = {"items/SHJZ-006.html", "items/SHJZ-007.html",
         *(f"records/{r}.html" for r in ("R2025-004", "R2025-005", "R2025-010", "R2025-011", "R2026-004", "R2026-007",
                                         "R2026-008", "R2026-015", "R2026-016", "R2026-022", "R2026-028"))}


def _status(tab: Any) -> str:
    return str(tab.inner_text("#search-status"))


def test_one_character_with_a_filter_is_not_searched_and_says_so(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    assert search(tab, base_url, "低", 领域="社会救助") == []
    assert _status(tab) == "请至少输入两个字（单个汉字太常见，无法搜索）：低"
    assert search(tab, base_url, "〔〕", 年份="2026") == []
    assert _status(tab) == "请输入要搜索的词，如：低保、临时救助。"
    # a filter alone still lists its pages (19 pages of 社会救助: the status line counts them)
    assert len(search(tab, base_url, "", 领域="社会救助")) == 19
    assert _status(tab) == "所选条件共找到 19 条结果（已按领域“社会救助”筛选）。"
    _clean(watch)


@pytest.mark.parametrize(("query", "alone"), [("低保 表", "表"), ("县 低保", "县"), ("低保，县", "县")])
def test_a_character_left_out_beside_a_word_is_named(page: tuple[Any, Watch], base_url: str, query: str,
                                                     alone: str) -> None:
    tab, watch = page
    assert set(search(tab, base_url, query)) == DIBAO
    assert _status(tab) == f"单个汉字太常见，未按“{alone}”查找。“{query}”共找到 13 条结果。"
    _clean(watch)
