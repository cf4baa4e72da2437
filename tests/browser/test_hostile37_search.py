"""The search page tried a thirty-seventh time as a citizen (tests/test_hostile37_search.py: what was found and what
was left alone): a telephone number typed as a phone shows it, and words in quotation marks.

Expected pages are read by hand from the bundled catalog with grep: 0595-23222619 is written by R2025-011, R2026-005
and R2026-017 (R2025-008, R2026-009 and R2026-020 write it too, but are lists of people, never indexed); no page writes
059523222619 or 公积金.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from gongkai.site import build_site
from tests.browser.conftest import Watch, _Quiet
from tests.browser.test_search_browser import _clean, search
from tests.conftest import AGENCY, ITEM, CatalogDir
from tests.portal_catalog import record

pytestmark = pytest.mark.browser

COMPLAINTS = ["records/R2025-011.html", "records/R2026-005.html", "records/R2026-017.html"]


@pytest.mark.parametrize("query", ["059523222619", "０５９５２３２２２６１９", "0595-23222619", "(0595)23222619"])
def test_a_phone_number_typed_as_a_phone_shows_it_finds_the_pages(page: tuple[Any, Watch], base_url: str,
                                                                  query: str) -> None:
    """Before: 「没有找到与“059523222619”相关的公开信息」 and the 依申请 way, for the 社会救助投诉举报电话 three pages
    write 0595-23222619: a phone shows the number that called without its dash (an elderly reader checking that the
    call was the bureau's)."""
    tab, watch = page
    assert sorted(search(tab, base_url, query)) == COMPLAINTS
    assert tab.inner_text("#search-status") == f"“{query}”共找到 3 条结果。"
    marks = tab.eval_on_selector_all("#search-results li .snippet mark", "m => m.map(e => e.textContent)")
    assert marks and set(marks) == {"0595-23222619"}
    _clean(watch)


@pytest.mark.parametrize("query", ["05952322261", "0595232226199", "2322261905"])
def test_other_numbers_are_not_cut_as_phones(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    """One digit short or over, or not starting with a 区号's 0: no page writes it, nothing is found."""
    tab, watch = page
    assert search(tab, base_url, query) == []
    assert tab.inner_text("#search-status") == f"没有找到与“{query}”相关的公开信息。"
    _clean(watch)


DAY = dt.date(2026, 11, 27)


@pytest.fixture(scope="module")
def phones(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A site whose page writes a telephone number whole, as the number typed on a phone."""
    top = tmp_path_factory.mktemp("hostile37")
    cat = CatalogDir(top / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.write("records/2026/R2026-042.yaml", record("R2026-042", "敬老院值班电话", channels="政府网站",
                                                    body="值班电话059523229999，全天有人接听。"))
    build_site(cat.root, top / "site", DAY, use_cache=False)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(top / "site")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(("query", "expected", "mark"), [
    ("0595-23229999", ["records/R2026-042.html"], "059523229999"),
    ("（0595）23229999", ["records/R2026-042.html"], "059523229999"),
    ("059523229999", ["records/R2026-042.html"], "059523229999"),
])
def test_a_number_with_its_dash_finds_it_written_whole(browser: Any, phones: str, query: str, expected: list[str],
                                                      mark: str) -> None:
    context = browser.new_context(locale="zh-CN")
    try:
        tab = context.new_page()
        assert search(tab, phones, query) == expected
        assert tab.eval_on_selector_all("#search-results .snippet mark", "m => m.map(e => e.textContent)") == [mark]
    finally:
        context.close()


@pytest.mark.parametrize("query", ["“低保”“公积金”", "\"低保 公积金\"", "「低保」「公积金」"])
def test_words_in_quotation_marks_are_words(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    """Before: “低保”“公积金” was the one word 低保公积金 (「没有找到与““低保”“公积金””相关的公开信息」, no word to
    search alone), and "低保 公积金" said 「没有找到同时包含“"低保”和“公积金"”」, offering to search 「"低保」."""
    tab, watch = page
    assert search(tab, base_url, query) == []
    assert tab.inner_text("#search-status") == "没有找到同时包含“低保”和“公积金”的公开信息。"
    offered = tab.eval_on_selector_all("#search-near p:first-child a", "a => a.map(e => e.textContent)")
    assert offered == ["低保"]
    _clean(watch)


def test_a_query_in_quotation_marks_is_echoed_once_quoted(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    found = search(tab, base_url, "“低保办事指南”")
    assert found and set(found) == set(search(tab, base_url, "最低生活保障办事指南"))
    search(tab, base_url, "“低保办事指南”")
    assert tab.inner_text("#search-status").startswith(
        "没有找到“低保办事指南”，下面是按全称查找“最低生活保障办事指南”的结果。“低保办事指南”共找到 ")
    search(tab, base_url, "「低保」")
    assert tab.eval_on_selector_all("#search-near a", "a => a.map(e => e.textContent)") == ["最低生活保障"]
    _clean(watch)


@pytest.mark.parametrize(("query", "expected"), [
    ("低保金", ["records/R2025-004.html", "records/R2025-010.html"]),
    ("低保边缘", ["records/R2025-010.html", "records/R2025-011.html", "records/R2026-007.html", "records/R2026-008.html",
              "records/R2026-028.html"]),
])
def test_a_full_name_no_page_writes_is_not_offered(page: tuple[Any, Watch], base_url: str, query: str,
                                                   expected: list[str]) -> None:
    """Before: 「也可以按全称搜索：最低生活保障金」 under the two results for 低保金, and the link said 「没有找到与
    “最低生活保障金”相关的公开信息」 with the 依申请 way: no page writes it (nor 最低生活保障边缘)."""
    tab, watch = page
    assert sorted(search(tab, base_url, query)) == expected
    assert tab.inner_text("#search-status") == f"“{query}”共找到 {len(expected)} 条结果。"
    assert "全称" not in tab.eval_on_selector("#search-near", "e => e.textContent")
    _clean(watch)


def test_a_full_name_that_finds_pages_is_offered(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    search(tab, base_url, "低保对象")
    assert tab.eval_on_selector_all("#search-near a", "a => a.map(e => e.textContent)") == ["最低生活保障对象"]
    tab.click("#search-near a")
    assert search(tab, base_url, "最低生活保障对象") == ["records/R2026-007.html"]
    search(tab, base_url, "低保怎么申请")
    assert tab.eval_on_selector_all("#search-near a", "a => a.map(e => e.textContent)") == ["最低生活保障 申请"]
    _clean(watch)


@pytest.mark.parametrize(("query", "expected", "pieces", "mark"), [
    ("2025年度报告", ["records/R2026-001.html"], "“2025”和“年度报告”", "年度报告"),
    ("2026年度", ["records/R2026-001.html", "records/R2026-014.html"], "“2026”和“年度”", "年度"),
    ("2026年底", ["records/R2026-004.html"], "“2026”和“年底”", "年底"),
])
def test_a_year_before_nian_du_keeps_the_word(page: tuple[Any, Watch], base_url: str, query: str, expected: list[str],
                                              pieces: str, mark: str) -> None:
    """Before: 「下面是同时包含“2025”和“度报告”的结果」, 度报告 marked in the annual report's title; and 2026年度 found
    nothing: the 年 after a year was dropped as in 2026年低保, cutting 年度, 年底 in half."""
    tab, watch = page
    assert sorted(search(tab, base_url, query)) == expected
    assert tab.inner_text("#search-status") == (f"没有找到连续的“{query}”，下面是同时包含{pieces}的结果。"
                                                f"“{query}”共找到 {len(expected)} 条结果。")
    assert mark in tab.eval_on_selector_all("#search-results mark", "m => m.map(e => e.textContent)")
    _clean(watch)


def test_a_year_before_other_words_is_still_the_year(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    assert "records/R2026-015.html" in search(tab, base_url, "2026年低保")
    assert tab.inner_text("#search-status").startswith("没有找到连续的“2026年低保”，下面是同时包含“2026”和“低保”的结果。")
    _clean(watch)


# read by hand: 低保 and 2026 are both on R2026-004, 007, 008, 015, 016, 022, 028 (published in 2026, or writing it)
# and on items/SHJZ-007 (「2026年」 in its contents) — the pages 低保2026 and dibao 2026 find
DIBAO_2026 = ["items/SHJZ-007.html", "records/R2026-004.html", "records/R2026-007.html", "records/R2026-008.html",
              "records/R2026-015.html", "records/R2026-016.html", "records/R2026-022.html", "records/R2026-028.html"]


@pytest.mark.parametrize(("query", "letters"), [
    ("dibao2026", "dibao"), ("2026dibao", "dibao"), ("2026年dibao", "dibao"), ("dibao2026年", "dibao"),
    ("DiBao2026", "DiBao"), ("ＤＩＢＡＯ２０２６", "ＤＩＢＡＯ"),
])
def test_pinyin_typed_against_a_number_is_read_as_pinyin(page: tuple[Any, Watch], base_url: str, query: str,
                                                         letters: str) -> None:
    """Before: 「没有找到与“dibao2026”相关的公开信息」 and the 依申请 way, where dibao 2026 (with a space) and 低保2026
    find eight pages: pinyin was read beside characters only, never beside a number."""
    tab, watch = page
    assert sorted(search(tab, base_url, query)) == DIBAO_2026
    assert tab.inner_text("#search-status") == f"“{letters}”按拼音查找“低保”。“{query}”共找到 8 条结果。"
    _clean(watch)


def test_pinyin_with_characters_against_a_number(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    assert search(tab, base_url, "gaolingjintie2025") == ["records/R2025-009.html"]
    assert sorted(search(tab, base_url, "2026低保biaozhun")) == ["records/R2026-015.html", "records/R2026-016.html"]
    assert tab.inner_text("#search-status") == "“低保biaozhun”按拼音查找“低保标准”。“2026低保biaozhun”共找到 2 条结果。"
    _clean(watch)


@pytest.mark.parametrize("query", ["MZ2026", "mz202600007", "MZ202699999"])
def test_letters_of_an_index_number_are_not_pinyin(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    """An 索引号's MZ beside its numbers stays as typed: found where pages write it, and a mistyped one finds nothing
    (never 「按拼音查找“民政”」)."""
    tab, watch = page
    found = search(tab, base_url, query)
    assert "拼音" not in tab.inner_text("#search-status")
    assert (found == []) == (query == "MZ202699999")
    _clean(watch)


def test_quotation_marks_inside_the_query_are_echoed_as_typed(page: tuple[Any, Watch], base_url: str) -> None:
    """Only a query quoted whole loses its outer quotes in the status: “低保”和“特困” is never echoed 「低保”和“特困」."""
    tab, watch = page
    found = search(tab, base_url, "“低保”和“特困”")
    assert found and set(found) == set(search(tab, base_url, "低保 特困"))
    search(tab, base_url, "“低保”和“特困”")
    assert tab.inner_text("#search-status") == (f"单个汉字太常见，未按“和”查找。““低保”和“特困””共找到 {len(found)} 条结果。")
    _clean(watch)
