"""The search page tried a twentieth time, as a citizen on a phone and as an inspector, with writings nobody had tried:
an 索引号 without its hyphens, a 令 number without 第, a 文号 named 「12号文」, a date typed 2026-11-18, and pinyin with
tone numbers (di1bao3). Each found nothing before.

Expected pages are read by hand from the bundled catalog (catalog/records/…, catalog/items/…).
"""

from __future__ import annotations

import unicodedata
from typing import Any
from urllib.parse import quote

import pytest

from tests.browser.conftest import Watch
from tests.browser.test_search_browser import _clean, i, r, search

pytestmark = pytest.mark.browser


def _status(tab: Any) -> str:
    return str(tab.inner_text("#search-status"))


# ---- an 索引号 typed without its separators ----

@pytest.mark.parametrize("query", ["350524MZ202600007", "350524mz202600007", "MZ202600007", "ＭＺ２０２６００００７",
                                   "202600007"])
def test_an_index_number_without_hyphens(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    """R2026-007's 索引号 is 350524-MZ-2026-00007 and no other page's: typed without hyphens it found nothing."""
    tab, watch = page
    assert search(tab, base_url, query) == ["records/R2026-007.html"]
    assert "共找到 1 条结果" in _status(tab)
    # the whole 索引号 is marked (the page writes it with hyphens)
    assert tab.eval_on_selector_all("#search-results li .meta mark", "m => m.map(e => e.textContent)") == [
        "350524-MZ-2026-00007"]
    _clean(watch)


@pytest.mark.parametrize("query", ["350524MZ20260007", "350524MZ2026000071", "MZ2026000007"])
def test_an_index_number_without_hyphens_is_matched_whole(page: tuple[Any, Watch], base_url: str,
                                                          query: str) -> None:
    """A digit more or less is another number: no page (no 索引号 of the catalog has a serial of 4 or 6 digits)."""
    tab, watch = page
    assert search(tab, base_url, query) == []
    assert "没有找到" in _status(tab)
    _clean(watch)


# ---- 第 before a number and 号 ----

# 国务院令第753号 (《地名管理条例》) is written in R2026-026's body and in the 公开依据 of QHDM-002 and QHDM-003; no page
# writes it without 第.
LAW_753 = r("R2026-026") | i("QHDM-002", "QHDM-003")


@pytest.mark.parametrize("query", ["国务院令第753号", "国务院令753号", "国务院令 753号", "国务院令（753号）"])
def test_a_decree_number_with_or_without_di(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    """Like a 文号's 〔2026〕12号 and 〔2026〕第12号, 令 numbers are said with and without 第: 国务院令753号 found
    nothing."""
    tab, watch = page
    assert set(search(tab, base_url, query)) == LAW_753
    _clean(watch)


def test_a_number_without_hao_is_not_given_di(page: tuple[Any, Watch], base_url: str) -> None:
    """Numbers are whole: 国务院令第75号 is another decree (75 is not 753), with 第 or without."""
    tab, watch = page
    assert search(tab, base_url, "国务院令第75号") == []
    assert search(tab, base_url, "国务院令75号") == []
    _clean(watch)


def test_ways_of_a_decree_number(page: tuple[Any, Watch], base_url: str) -> None:
    """The keys search.js looks up for each writing: with and without 第, each way a chain of triples."""
    tab, watch = page
    tab.goto(f"{base_url}search/index.html")
    tab.wait_for_function("window.gongkaiSearch !== undefined")
    ways = tab.evaluate("q => window.gongkaiSearch.ways(q)", "院令753号")
    assert ["院令753 ", "令753 号"] in ways
    assert ["院令第", "令第753 ", "第753 号"] in ways
    ways = tab.evaluate("q => window.gongkaiSearch.ways(q)", "院令第753号")
    assert ["院令753 ", "令753 号"] in ways
    _clean(watch)


# ---- a 文号 named as people say it ----

# 安民〔2026〕12号 is R2026-007's 文号; R2026-008 and R2026-022 cite it in their bodies.
DOC_12 = r("R2026-007", "R2026-008", "R2026-022")


@pytest.mark.parametrize("query", ["安民〔2026〕12号文", "安民〔2026〕12号文件", "安民2026年12号文", "安民[2026]第12号文件"])
def test_a_doc_number_named_with_wen(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    """「12号文」 is how a 文号 is named aloud; no page writes 号文 after it, so it found nothing."""
    tab, watch = page
    found = search(tab, base_url, query)
    assert found[:1] == ["records/R2026-007.html"] and set(found) == DOC_12
    _clean(watch)


def test_a_doc_number_named_with_wen_is_still_whole(page: tuple[Any, Watch], base_url: str) -> None:
    """安民〔2026〕1号文 is no 文号 of the catalog: 1 is not 12 (numbers are whole), with 文 as without."""
    tab, watch = page
    assert search(tab, base_url, "安民〔2026〕1号文") == []
    assert "没有找到" in _status(tab)
    _clean(watch)


# ---- a date typed with numbers ----

@pytest.mark.parametrize("query", ["2026-11-18", "2026.11.18", "2026/11/18", "2026－11－18"])
def test_a_date_typed_with_numbers(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    """R2026-029 is dated 2026年11月18日 at its foot (no other body writes that day): typed 2026-11-18 it found
    nothing. R2026-028 was published that day (its 公开日期, a line of its text since tokenizer rules 8), and is listed
    after R2026-029, published two days later."""
    tab, watch = page
    assert search(tab, base_url, query) == ["records/R2026-029.html", "records/R2026-028.html"]
    marks = tab.eval_on_selector_all("#search-results li .snippet mark", "m => m.map(e => e.textContent)")
    assert set(marks) == {"2026年11月18日"}
    _clean(watch)


@pytest.mark.parametrize("query", ["2026-13-18", "2026-11-32", "MZ-2026-11", "2026-11-0007"])
def test_what_is_no_date_is_not_read_as_one(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    """A 13th month, a 32nd day, or numbers in a code are no date: not read as 2026年11月."""
    tab, watch = page
    assert "records/R2026-029.html" not in search(tab, base_url, query)
    _clean(watch)


def test_ways_of_a_date(page: tuple[Any, Watch], base_url: str) -> None:
    """The writing search.js adds for a date: 2026年3月5日 for 2026-03-05 (pages drop no zeros: 3月, not 03月); none
    for what is no date or is a piece of a code."""
    tab, watch = page
    tab.goto(f"{base_url}search/index.html")
    tab.wait_for_function("window.gongkaiSearch !== undefined")

    def ways(query: str) -> list[list[str]]:
        return list(tab.evaluate("q => window.gongkaiSearch.ways(q)", query))

    assert ["2026 3 月", "3 月5 ", "月5 日"] in ways("2026-03-05")
    assert ["2026 11 月"] in ways("2026-11")
    assert ["2026 11 月", "11 月18 ", "月18 日", "18 日发", "日发布"] in ways("2026.11.18发布")
    for query in ("2026-13-18", "2026-11-32", "2026-00-18", "MZ-2026-11", "2026-11-0007", "350524-2026-11-18",
                  "安民〔2026〕11号", "2026-11号"):
        assert not any("月" in k for way in ways(query) for k in way), query
    _clean(watch)


# ---- pinyin with tone numbers ----

@pytest.mark.parametrize(("query", "word"), [("di1bao3", "低保"), ("di1 bao3", "低保"), ("Di1Bao3", "低保"),
                                             ("dibao3", "低保"), ("lin2shi2jiu4zhu4", "临时救助"), ("lín2shí2jiù4zhù4", "临时救助"),
                                             ("te4kun4ren2yuan2", "特困人员")])
def test_pinyin_with_tone_numbers(page: tuple[Any, Watch], base_url: str, query: str, word: str) -> None:
    """Tone numbers are how pinyin is typed where there are no tone marks; they found nothing."""
    tab, watch = page
    found = search(tab, base_url, query)
    # the status repeats what was read as pinyin: tone marks folded away (lín2 → lin2), as for dī bǎo
    said = "".join(c for c in unicodedata.normalize("NFD", query) if not unicodedata.combining(c))
    assert f"“{said}”按拼音查找“{word}”" in _status(tab)
    assert found and set(found) == set(search(tab, base_url, word))
    _clean(watch)


def test_codes_with_digits_are_not_tones(page: tuple[Any, Watch], base_url: str) -> None:
    """MZ2026 is the middle of an 索引号 (every 2026 record's), never pinyin; 6 is no tone."""
    tab, watch = page
    found = search(tab, base_url, "MZ2026")
    assert "按拼音" not in _status(tab) and "records/R2026-007.html" in found
    for query in ("di6bao3", "mz2", "DB2026"):  # 6 is no tone; mz and db are no syllables (initials need no tone)
        search(tab, base_url, query)
        assert "按拼音" not in _status(tab), query
    _clean(watch)


# ---- the short names people say ----

def test_a_short_name_on_no_page_is_looked_for_in_full(page: tuple[Any, Watch], base_url: str) -> None:
    """低保办事指南 is written nowhere: the 低保 guide is 《安溪县最低生活保障办事指南（2026年版）》 (R2026-017) and its item
    最低生活保障 / 办事指南 (SHJZ-004). The page said 「没有找到」 and sent the reader to 依申请公开 for a published guide."""
    tab, watch = page
    found = search(tab, base_url, "低保办事指南")
    assert set(found[:2]) == r("R2026-017") | i("SHJZ-004")
    status = _status(tab)
    assert status.startswith("没有找到“低保办事指南”，下面是按全称查找“最低生活保障办事指南”的结果。")
    assert f"共找到 {len(found)} 条结果" in status and "相关的公开信息" not in status
    assert tab.locator("#search-near").get_by_role("link", name="依申请公开", exact=True).count() == 0
    _clean(watch)


def test_wubao_is_the_old_name_of_tekun(page: tuple[Any, Watch], base_url: str) -> None:
    """五保户 became 特困人员 in 2014 (《社会救助暂行办法》); no page says 五保."""
    tab, watch = page
    found = search(tab, base_url, "五保户")
    assert "按全称查找“特困人员”" in _status(tab)
    assert found and set(found) == set(search(tab, base_url, "特困人员"))
    _clean(watch)


def test_a_short_name_that_is_found_offers_its_full_name(page: tuple[Any, Watch], base_url: str) -> None:
    """低保 is on 13 pages (SUITE of test_search_browser): those are shown as before, and 最低生活保障 (the 低保 guide
    R2026-017 never says 低保) is offered as a link."""
    tab, watch = page
    found = search(tab, base_url, "低保")
    assert len(found) == 13 and "records/R2026-017.html" not in found
    assert _status(tab) == "“低保”共找到 13 条结果。"
    link = tab.locator("#search-near").get_by_role("link", name="最低生活保障", exact=True)
    assert link.get_attribute("href") == "?q=" + quote("最低生活保障")
    assert "也可以按全称搜索" in tab.inner_text("#search-near")
    _clean(watch)


def test_a_short_name_under_a_filter_is_counted_in_full(page: tuple[Any, Watch], base_url: str) -> None:
    """The 最低生活保障 guide is of 2026: with 年份 2025 nothing is found, and the page must say that the filter, not
    the words, left nothing (it said 「没有找到与“低保办事指南”相关的公开信息」)."""
    tab, watch = page
    assert search(tab, base_url, "低保办事指南", **{"年份": "2025"}) == []
    status = _status(tab)
    assert "在所选条件（年份“2025”）下没有找到“低保办事指南”" in status and "不加筛选共有" in status
    assert "相关的公开信息" not in status
    _clean(watch)


def test_a_short_name_in_one_of_several_words_changes_nothing(page: tuple[Any, Watch], base_url: str) -> None:
    """Words typed apart keep their own way (offered one by one), as test_hostile18 holds."""
    tab, watch = page
    assert search(tab, base_url, "低保、公积金") == []
    assert _status(tab) == "没有找到同时包含“低保”和“公积金”的公开信息。"
    _clean(watch)


# ---- a piece said twice ----

@pytest.mark.parametrize(("query", "said", "alone"), [
    ("低保2026低保", "下面是同时包含“低保”和“2026”的结果", "低保 2026"),
    ("0-0-0", "下面是包含“0”的结果", "0"),
])
def test_a_piece_said_twice_is_one_word(page: tuple[Any, Watch], base_url: str, query: str, said: str,
                                        alone: str) -> None:
    """No page holds 低保2026低保 whole; it is cut where numbers meet characters. The status said 「同时包含“低保”和“2026”和
    “低保”」 (and 「“0”和“0”和“0”」), a word twice."""
    tab, watch = page
    found = search(tab, base_url, query)
    assert _status(tab).startswith(f"没有找到连续的“{query}”，{said}。")
    assert found and set(found) == set(search(tab, base_url, alone))
    _clean(watch)


# ---- initials typed with zh, ch, sh ----

@pytest.mark.parametrize(("query", "word"), [("shhjz", "社会救助"), ("lshjz", "临时救助"), ("zhch", "政策"),
                                             ("SHHJZ", "社会救助"), ("shjz", "社会救助")])
def test_initials_with_zh_ch_sh(page: tuple[Any, Watch], base_url: str, query: str, word: str) -> None:
    """社会救助 is s h j z, and many phone keyboards take shhjz too (sh for 社); it found nothing. shjz alone still reads
    as s h j z."""
    tab, watch = page
    found = search(tab, base_url, query)
    assert f"“{query}”按拼音查找“{word}”" in _status(tab)
    assert found and set(found) == set(search(tab, base_url, word))
    _clean(watch)


def test_initials_with_zh_ch_sh_that_read_nothing_say_so(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    assert search(tab, base_url, "zhzhqd") == []
    assert _status(tab) == "没有找到与“zhzhqd”相关的公开信息。"
    _clean(watch)
