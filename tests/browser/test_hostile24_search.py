"""The search page tried a twenty-fourth time, as citizens with queries we were not shown (the index itself:
tests/test_hostile24_search.py).

A result's snippet is 120 characters from 30 before the first match. Its ends fell wherever the count did:
- inside an amount — 「…6,789.50元」 for 3,456,789.50元, which a reader takes for six thousand yuan;
- inside a telephone number — 「电话0595-…」;
- between the two halves of a character outside the BMP (𠀋, written in village names of Fujian): a lone surrogate
  on the page, shown as �;
- inside a word, a clause mark a few characters on — 「…作的关注。根据《…》」.
Now a snippet begins and ends where a number, a code or a character ends, and, where a clause ends within a few
characters, there.

The three paragraphs below are put at the head of R2026-027's body; their positions are counted by hand in UTF-16
units, as search.js counts (𠀋 is two): the first paragraph's telephone number starts at 115 (its query is at 0, so
the window ends at 120, inside the number); 茗城社工 is at 188, so the window starts at 158, four characters into
3,456,789.50 (154–166); 长者饭堂 is at 236, so the window starts at 206, the second half of 𠀋 (205–207). None of
the three paragraphs holds a clause mark.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from gongkai.site import build_site
from tests.browser.conftest import ROOT, TODAY, Watch
from tests.browser.test_search_browser import _clean, search

pytestmark = pytest.mark.browser

CALL = ("敬老爱老志愿服务队由县民政局牵头组建队员来自各乡镇民政办和村社区的党员干部以及热心公益的退休教师和医务人员平时主要"
        "为辖区内的高龄独居空巢和失能老年人提供上门探访生活照料精神慰藉和政策宣传等服务需要志愿服务老年人可拨打养老服务股"
        "电话0595-23222735进行预约")
FUNDS = "县财政局按季度拨付社会组织培育扶持资金共计3,456,789.50元由各乡镇民政办按照项目进度分期拨付统一用于茗城社工示范基地建设和运营"
VILLAGE = "湖头镇𠀋坑村村民委员会所在地一带为全县第一批社区嵌入式综合养老服务长者饭堂试点区域"
R23 = "安溪县民政局开展中秋国庆节前养老机构安全检查"
R23_NOW = "安溪县民政局落实积极应对人口老龄化国家战略开展养老机构防范虐待老年人专项检查"
# a character standing alone of a surrogate pair (what a cut between its halves leaves)
LONE = r"/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/"


@pytest.fixture(scope="module")
def cut_url(site_dir: Path, base_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    catalog = tmp_path_factory.mktemp("hostile24") / "catalog"
    shutil.copytree(ROOT / "catalog", catalog, ignore=shutil.ignore_patterns(".gongkai-cache"))
    record = catalog / "records/2026/R2026-027.yaml"
    text = record.read_text("utf-8")
    assert text.count("正文: |\n") == 1
    record.write_text(text.replace("正文: |\n", "正文: |\n" + "".join(f"  {p}\n\n" for p in (CALL, FUNDS, VILLAGE))),
                      "utf-8")
    # 战略 (zhan lüe) and 虐待 (nüe dai), which no page of the bundled catalog writes (grep), in a title
    record = catalog / "records/2026/R2026-023.yaml"
    text = record.read_text("utf-8")
    assert text.count(f"题名: {R23}\n") == 1
    record.write_text(text.replace(f"题名: {R23}\n", f"题名: {R23_NOW}\n"), "utf-8")
    build_site(catalog, site_dir / "hostile24", TODAY, use_cache=False)
    return base_url + "hostile24/"


def _snippet(tab: Any) -> str:
    return str(tab.eval_on_selector("#search-results li .snippet", "p => p.textContent"))


def test_a_snippet_never_ends_inside_a_number(page: tuple[Any, Watch], cut_url: str) -> None:
    tab, watch = page
    assert search(tab, cut_url, "敬老爱老志愿服务队") == ["records/R2026-027.html"]
    assert _snippet(tab) == CALL.removesuffix("进行预约") + "…"  # the number whole, then nothing of 进行预约
    _clean(watch)


def test_a_snippet_never_begins_inside_an_amount(page: tuple[Any, Watch], cut_url: str) -> None:
    tab, watch = page
    assert search(tab, cut_url, "茗城社工") == ["records/R2026-027.html"]
    assert _snippet(tab).startswith("…3,456,789.50元由各乡镇民政办")
    _clean(watch)


def test_a_snippet_never_parts_the_halves_of_a_character(page: tuple[Any, Watch], cut_url: str) -> None:
    tab, watch = page
    assert search(tab, cut_url, "长者饭堂") == ["records/R2026-027.html"]
    assert _snippet(tab).startswith("…𠀋坑村村民委员会")
    assert tab.eval_on_selector("#search-results", f"list => {LONE}.test(list.textContent)") is False
    _clean(watch)


def test_a_snippet_begins_where_a_clause_does(page: tuple[Any, Watch], base_url: str) -> None:
    """R2026-022 writes 「…感谢您对民政工作的关注。根据《安溪县经济困难老年人养老服务补贴实施办法》（安民〔2026〕12号），…」:
    30 characters before the 文号 fall in 工作, four before the 。"""
    tab, watch = page
    assert "records/R2026-022.html" in search(tab, base_url, "安民〔2026〕12号")
    result = tab.locator("#search-results li", has=tab.locator("a[href$='records/R2026-022.html']"))
    snippet = result.locator(".snippet")
    assert str(snippet.text_content()).startswith("…根据《安溪县经济困难老年人养老服务补贴实施办法》（安民〔2026〕12号）")
    _clean(watch)


# grep -l 低保 of records/ and items/: these (R2025-008, R2026-009, R2026-031 are lists of people, R2026-030 is not on
# the web: none in the index)
LOW = {f"records/{r}.html" for r in ("R2025-004", "R2025-005", "R2025-010", "R2025-011", "R2026-004", "R2026-007",
                                     "R2026-008", "R2026-015", "R2026-016", "R2026-022", "R2026-028")} | {
    "items/SHJZ-006.html", "items/SHJZ-007.html"}


@pytest.mark.parametrize("query", ["低保，低保，低保", "dibao dibao"])
def test_a_word_typed_twice_is_one_word(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    tab, watch = page
    assert set(search(tab, base_url, query)) == LOW
    status = tab.inner_text("#search-status")
    assert f"“{query}”共找到 13 条结果" in status and "“低保”“低保”" not in status
    assert tab.eval_on_selector_all("#search-near a", "a => a.map(e => e.textContent)") == ["最低生活保障"]
    _clean(watch)


def test_a_word_nowhere_beside_a_word_typed_many_times(page: tuple[Any, Watch], base_url: str) -> None:
    """公积金 is on no page (grep): two words, never 「等 201 个词」 and 200 links to 低保."""
    tab, watch = page
    assert search(tab, base_url, "公积金" + "，低保" * 200) == []
    assert "没有找到同时包含“公积金”和“低保”的公开信息。" in tab.inner_text("#search-status")
    links = tab.eval_on_selector_all("#search-near p:first-child a", "a => a.map(e => e.textContent)")
    assert links == ["低保"]
    _clean(watch)


def test_a_decree_number_without_di_and_hao(page: tuple[Any, Watch], base_url: str) -> None:
    """Pages write 《中华人民共和国政府信息公开条例》（国务院令第711号）; people type 国务院令711. It said 「没有找到连续的
    “国务院令711”」 and listed pages holding 国务院令 and 711 apart. 国务院令71 is no number a page writes."""
    tab, watch = page
    found = search(tab, base_url, "国务院令711")
    assert found and "没有找到" not in tab.inner_text("#search-status")
    assert set(found) == set(search(tab, base_url, "国务院令第711号"))
    assert search(tab, base_url, "国务院令71") == []
    _clean(watch)


@pytest.mark.parametrize(("query", "word"), [("zhanlue", "战略"), ("zhan lue", "战略"), ("nuedai", "虐待")])
def test_lue_and_nue_typed_with_u(page: tuple[Any, Watch], cut_url: str, query: str, word: str) -> None:
    """Pinyin keyboards take lue and nue for lüe and nüe (there is no lue or nue in Mandarin); zhanlue found nothing."""
    tab, watch = page
    assert search(tab, cut_url, query) == ["records/R2026-023.html"]
    assert f"按拼音查找“{word}”" in tab.inner_text("#search-status")
    _clean(watch)


# The 低保 guides: SHJZ-004 (最低生活保障 / 办事指南) and R2026-017 (安溪县最低生活保障办事指南（2026年版）) — neither
# writes 低保 (grep), both write 申请 and 办理
GUIDES = {"items/SHJZ-004.html", "records/R2026-017.html"}


@pytest.mark.parametrize("query", ["我要办低保", "低保在哪里办", "怎么办理低保"])
def test_a_question_with_a_verb_glued_to_its_word(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    """办低保, 低保在 + 里办 (cut at 在哪) and 办理低保 are on no page: these found nothing and said there was no
    such information, about 低保. The verb or particle glued to the word is now read apart (a character that starts
    no word left out), and 在哪里 is one question word."""
    tab, watch = page
    found = set(search(tab, base_url, query))
    if query == "怎么办理低保":
        assert found and found <= LOW and "同时包含“办理”和“低保”的结果" in tab.inner_text("#search-status")
    else:
        assert found == LOW and "下面是包含“低保”的结果" in tab.inner_text("#search-status")
    assert f"没有找到连续的“{query}”" in tab.inner_text("#search-status")
    _clean(watch)


def test_a_question_about_a_short_name_offers_the_full_name(page: tuple[Any, Watch], base_url: str) -> None:
    """低保怎么申请 lists the pages holding 低保 and 申请, never the guides, which say 最低生活保障; nothing offered to
    search in full (the offer was left out whenever a query was cut). Now 「也可以按全称搜索：最低生活保障 申请」,
    which finds both guides."""
    tab, watch = page
    search(tab, base_url, "低保怎么申请")
    links = tab.eval_on_selector_all("#search-near a", "a => a.map(e => [e.textContent, e.getAttribute('href')])")
    assert links == [["最低生活保障 申请", "?q=%E6%9C%80%E4%BD%8E%E7%94%9F%E6%B4%BB%E4%BF%9D%E9%9A%9C%20%E7%94%B3%E8%AF%B7"]]
    assert GUIDES <= set(search(tab, base_url, "最低生活保障 申请"))
    _clean(watch)


@pytest.mark.parametrize(("query", "words", "alone"), [("公积金和低保怎么办", "“公积金”和“低保”", ["低保"]),
                                                  ("救灾怎么申请", "“救灾”和“申请”", ["申请"])])
def test_a_question_about_what_is_on_no_page_still_finds_nothing(page: tuple[Any, Watch], base_url: str,
                                                                 query: str, words: str, alone: list[str]) -> None:
    """公积金 and 救灾 are on no page (grep): never read as 金和 + 低保, or as 申请 alone. Since the fortieth session the
    status names the words the question was cut into, as for the words typed apart (it said 「没有找到与“公积金和低保
    怎么办”相关的公开信息」, as if 低保 were on no page: tests/browser/test_hostile38_search.py)."""
    tab, watch = page
    assert search(tab, base_url, query) == []
    assert tab.inner_text("#search-status") == f"没有找到同时包含{words}的公开信息。"
    assert tab.eval_on_selector_all("#search-near p:first-child a", "a => a.map(e => e.textContent)") == alone
    assert tab.locator("#search-near a[href$='zhinan/index.html#apply']").count() == 1
    _clean(watch)


def test_a_pasted_page_is_looked_up_by_its_first_two_hundred_characters(page: tuple[Any, Watch],
                                                                           base_url: str) -> None:
    """Each piece of a query fetches a part of the index: a pasted page of 2,000 characters fetched as many parts at
    100,000 records (megabytes on a phone). Only the first 200 characters are looked up (a pasted paragraph is still
    found whole: test_hostile7_search_browser), and the reader is told: what follows them (低保, 婚姻登记, words many
    pages hold) finds nothing."""
    tab, watch = page
    first = "临时救助" + "".join(chr(0x4E00 + 37 * n) for n in range(196))  # 200 characters, no two alike
    alone = search(tab, base_url, first)
    assert "只按前" not in tab.inner_text("#search-status")
    pasted = first + " 低保 婚姻登记 " + "".join(chr(0x5E00 + 41 * n) for n in range(200))
    assert search(tab, base_url, pasted) == alone
    said = tab.inner_text("#search-status")
    assert f"搜索词有 {len(pasted.strip())} 个字，只按前 200 个字查找" in said
    assert "低保" not in said and "婚姻登记" not in said  # (not looked up: not named among the words)
    _clean(watch)
