"""The search page tried a seventh time, as a citizen, an inspector and an attacker would: 索引号 tails and numbers
with leading zeros, a 文号 match that must be marked, a pasted paragraph, pinyin with tone marks and apostrophes,
initials, characters typed apart, words typed apart on a large site, table cells, links, odd addresses, hostile
filter values and item names, names from 公示 lists and the paging of large result sets.

Expected pages are read by hand from the bundled catalog (catalog/records/…) or from the small catalog built below.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from gongkai.site import build_site
from tests.browser.conftest import ROOT, TODAY, Watch
from tests.browser.test_search_browser import SUITE, _all_results, _clean, r, search
from tests.conftest import AGENCY, ITEM, RECORD

pytestmark = pytest.mark.browser


def _status(tab: Any) -> str:
    return str(tab.inner_text("#search-status"))


# ---- numbers are whole: a 索引号's tail is not a bare number ----

@pytest.mark.parametrize(("query", "expected"), [
    # 350524-MZ-2026-00031 is R2026-031, a list of people: never indexed, so nothing holds 00031
    ("2026-00031", []),
    ("00031", []),
    # only R2026-007 holds 00007 (its 索引号); 2026年7月 in other records is not 2026-00007
    ("2026-00007", ["records/R2026-007.html"]),
    # the hotline is 0595-23222619: a mistyped 023222619 is another number
    ("0595-023222619", []),
])
def test_a_number_with_leading_zeros_is_not_another_number(page: tuple[Any, Watch], base_url: str, query: str,
                                                          expected: list[str]) -> None:
    tab, watch = page
    assert search(tab, base_url, query) == expected
    if not expected:
        assert "没有找到" in _status(tab)
    _clean(watch)


# ---- a match in the 文号 or 索引号 is marked too ----

@pytest.mark.parametrize(("query", "marked"), [
    ("安民〔2026〕12号", "安民〔2026〕12号"),
    ("安民[2026]12号", "安民〔2026〕12号"),
    ("350524-MZ-2026-00007", "350524-MZ-2026-00007"),
])
def test_a_doc_number_match_is_highlighted(page: tuple[Any, Watch], base_url: str, query: str, marked: str) -> None:
    """R2026-007 is found by its 文号 (安民〔2026〕12号) and 索引号; its result must show the match highlighted."""
    tab, watch = page
    assert search(tab, base_url, query)[:1] == ["records/R2026-007.html"]
    first = tab.locator("#search-results > li").first
    marks = first.locator("mark").all_inner_texts()
    assert marked in "".join(marks), marks
    _clean(watch)


# ---- a pasted paragraph ----

# R2026-032, 第二条, as the page shows it (127 characters)
PARAGRAPH = ("本局各股室、各乡镇民政办起草公文时，应当同步提出“主动公开”“依申请公开”或者“不予公开”的公开属性意见；"
             "拟不予公开的，应当写明《条例》第十四条至第十六条规定的理由。未标明公开属性的公文，办公室退回起草单位重新办理。")


def test_a_pasted_paragraph_is_found_and_highlighted(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    assert search(tab, base_url, PARAGRAPH) == ["records/R2026-032.html"]
    assert tab.locator("#search-results mark").count() > 0
    _clean(watch)


def test_a_pasted_paragraph_is_marked_whole(page: tuple[Any, Watch], base_url: str) -> None:
    """The snippet widens to hold a match longer than its 120 characters: the mark is the paragraph (its last 。 is
    no unit, so the match ends at 办理)."""
    tab, watch = page
    assert search(tab, base_url, PARAGRAPH) == ["records/R2026-032.html"]
    assert tab.locator("#search-results .snippet mark").all_inner_texts() == [PARAGRAPH.removesuffix("。")]
    _clean(watch)


def test_a_pasted_sentence_is_found_and_highlighted(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    assert search(tab, base_url, PARAGRAPH[:60]) == ["records/R2026-032.html"]
    assert tab.locator("#search-results mark").count() > 0
    _clean(watch)


# ---- pinyin as people type it ----

@pytest.mark.parametrize(("query", "word"), [
    ("dībǎo", "低保"), ("dī bǎo", "低保"), ("Dī Bǎo", "低保"), ("yánglǎo", "养老"), ("yang'lao", "养老"),
    ("tè kùn", "特困"),
])
def test_pinyin_with_tone_marks_or_apostrophes(page: tuple[Any, Watch], base_url: str, query: str, word: str) -> None:
    tab, watch = page
    found = search(tab, base_url, query)
    assert f"按拼音查找“{word}”" in _status(tab)
    if word == "低保":
        assert SUITE["低保"][0] <= set(found)
    _clean(watch)


def test_initials_prefer_the_word_of_titles_and_item_names(page: tuple[Any, Watch], base_url: str) -> None:
    """yl: 养老 is a 领域 and in 14 titles and item names; 院令 is the middle of 国务院令 in one item's contents."""
    tab, watch = page
    search(tab, base_url, "yl")
    assert "按拼音查找“养老”" in _status(tab)
    _clean(watch)


@pytest.mark.parametrize(("query", "word"), [("DiBao", "低保"), ("hydj", "婚姻登记"), ("shehuijiuzhu", "社会救助"),
                                             ("ylfw", "养老服务"), ("YANG LAO", "养老")])
def test_pinyin_in_other_cases_and_lengths(page: tuple[Any, Watch], base_url: str, query: str, word: str) -> None:
    tab, watch = page
    assert search(tab, base_url, query)
    assert f"按拼音查找“{word}”" in _status(tab)
    _clean(watch)


# ---- characters typed apart ----

@pytest.mark.parametrize(("query", "same_as"), [("低 保", "低保"), ("社 会 救 助", "社会救助")])
def test_characters_typed_apart(page: tuple[Any, Watch], base_url: str, query: str, same_as: str) -> None:
    tab, watch = page
    together = set(search(tab, base_url, same_as))
    assert together
    assert set(search(tab, base_url, query)) == together
    assert "至少输入两个字" not in _status(tab)
    _clean(watch)


@pytest.mark.parametrize("query", ["低保\u200b标准", "低\u00ad保标准", "低保\u3000标准", "低-保-标-准", "低.保·标/准"])
def test_invisible_and_punctuation_inside_a_word(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    """低保标准 is in R2025-004, R2025-005, R2026-015 and R2026-016 (R2025-008 is a list of people)."""
    tab, watch = page
    found = set(search(tab, base_url, query))
    assert r("R2025-004", "R2025-005", "R2026-015", "R2026-016") <= found
    assert "records/R2025-008.html" not in found
    _clean(watch)


@pytest.mark.parametrize("query", ["安民［2026］12号", "安民（２０２６）１２号", "安民〔2026〕１２号", "安民【2026】12号",
                                   "安民 〔2026〕12号"])
def test_doc_number_in_full_width_and_mixed_writing(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    tab, watch = page
    found = search(tab, base_url, query)
    assert found[:1] == ["records/R2026-007.html"]
    assert set(found) <= r("R2026-007", "R2026-008", "R2026-022", "R2026-019", "R2026-029")
    _clean(watch)


# ---- what is never found ----

@pytest.mark.parametrize("query", ["张碧霞", "吴振南", "刘福来", "临时救助对象名单公示", "2026年7月临时救助对象",
                                   "350524-MZ-2026-00020", "2026年第二批最低生活保障初审对象"])
def test_names_and_lists_of_people_are_never_found(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    """R2026-020 (临时救助对象名单公示, ended) and R2026-009 (湖头镇初审对象公示, on the 公示栏 only) list people."""
    tab, watch = page
    found = search(tab, base_url, query)
    assert not set(found) & r("R2026-020", "R2026-009", "R2026-031", "R2025-008")
    if query in ("张碧霞", "吴振南", "刘福来", "350524-MZ-2026-00020"):
        assert found == [] and "没有找到" in _status(tab)
    _clean(watch)


@pytest.mark.parametrize("query", ["婚姻登记档案整理移交清单", "350524-MZ-2026-00006", "2026年第三季度城乡低保资金发放情况",
                                   "提请提高城乡最低生活保障标准", "机关工作人员年度考核结果", "湖头镇公益性公墓建设项目"])
def test_records_off_the_site_are_never_found(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    """R2026-006, R2025-006, R2025-007 are 依申请公开; R2025-001, R2025-003 不予公开; R2026-030 was withdrawn (撤回)."""
    tab, watch = page
    off = r("R2026-006", "R2026-030", "R2025-001", "R2025-003", "R2025-006", "R2025-007")
    assert not set(search(tab, base_url, query)) & off
    _clean(watch)


@pytest.mark.parametrize("query", ["!!!", "。。。", "😀😀", "《》", "---"])
def test_queries_without_words(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    tab, watch = page
    assert search(tab, base_url, query) == []
    assert "请输入要搜索的词" in _status(tab)
    _clean(watch)


def test_traditional_characters_are_read_as_simplified(page: tuple[Any, Watch], base_url: str) -> None:
    """低保標準 (traditional) is written nowhere, 低保标准 on four pages: it finds them (hostile33; it said 「没有找到」)."""
    tab, watch = page
    found = search(tab, base_url, "低保標準")
    assert len(found) == 4 and found == search(tab, base_url, "低保标准")
    _clean(watch)


# ---- the address ----

@pytest.mark.parametrize(("address", "count"), [
    ("q=低保&领域=社会救助", 6),
    ("q=%E4%BD%8E%E4%BF%9D&%E9%A2%86%E5%9F%9F=%E7%A4%BE%E4%BC%9A%E6%95%91%E5%8A%A9", 6),
    ("q=%E4%BD%8E%E4%BF%9D%", 13),  # a stray % at the end
    ("q=低保&q=特困", 13),  # the first q counts
])
def test_odd_addresses(page: tuple[Any, Watch], base_url: str, address: str, count: int) -> None:
    """低保 is on 13 pages (SUITE, and SHJZ-007 whose 空白说明 reads 城乡低保); in
    社会救助: the items SHJZ-006 and SHJZ-007, and the records of SHJZ items R2025-004, R2025-010, R2025-011 and
    R2026-015 (R2025-005 and R2026-016 are 政策解读, JGXX-006: 机关信息)."""
    tab, watch = page
    tab.goto(f"{base_url}search/index.html?{address}")
    found = _all_results(tab, base_url)
    assert len(found) == count and f"共找到 {count} 条结果" in _status(tab)
    if count == 6:
        assert set(found) == i_and_r(["SHJZ-006", "SHJZ-007"], ["R2025-004", "R2025-010", "R2025-011", "R2026-015"])
    _clean(watch)


def i_and_r(items: list[str], records: list[str]) -> set[str]:
    return {f"items/{x}.html" for x in items} | r(*records)


def test_a_plus_in_the_address_is_a_space(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    tab.goto(f"{base_url}search/index.html?q=低保+标准")
    found = _all_results(tab, base_url)
    assert tab.input_value("#q") == "低保 标准"
    assert r("R2025-004", "R2025-005", "R2026-015", "R2026-016") <= set(found)
    _clean(watch)


@pytest.mark.parametrize("value", ["<img src=x onerror=alert(1)>", "\"><script>alert(2)</script>", "社会救助\u202e"])
def test_hostile_filter_values_in_the_address(page: tuple[Any, Watch], base_url: str, value: str) -> None:
    tab, watch = page
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    assert search(tab, base_url, "低保", **{"领域": value}) == []
    assert value in _status(tab) and "不加筛选共有 13 条" in _status(tab)
    assert tab.locator("#search-status img, #search-status script, #search-near img, select img").count() == 0
    assert dialogs == []
    _clean(watch)


def test_filters_alone_and_filters_that_match_nothing(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    old = search(tab, base_url, "", **{"年份": "2025"})  # the six 2025 records on the web (R2025-008 is a list)
    assert set(old) == r("R2025-002", "R2025-004", "R2025-005", "R2025-009", "R2025-010", "R2025-011")
    assert "共找到 6 条结果" in _status(tab)
    assert search(tab, base_url, "", **{"年份": "1999"}) == []
    assert "没有找到" in _status(tab)
    _clean(watch)


# ---- paging ----

@pytest.mark.parametrize("query", ["民政", "公开", "救助", "政府信息公开", "民政 公开"])
def test_every_result_is_reached_by_showing_more(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    tab, watch = page
    found = search(tab, base_url, query)
    assert len(found) > 40 and len(found) == len(set(found))
    assert f"共找到 {len(found)} 条结果" in _status(tab)
    empty = tab.eval_on_selector_all("#search-results > li", "els => els.map(li => li.className === 'empty')")
    assert empty == sorted(empty)  # no empty page above one with content, over every chunk
    assert not tab.is_visible("#search-more")
    _clean(watch)


# ---- a catalog made for this: a county with many 低保 bulletins, a table, a link, a hostile item name ----

RECORDS: dict[str, tuple[str, str, str, str | None]] = {
    # the one page holding 低保标准: the oldest
    "R2026-001": ("关于调整低保标准的通知", "低保标准自2026年1月1日起调整。", "2026-01-05", "测民〔2026〕1号"),
    # a table: 临时救助 and 供养方式 are two cells, not 救助供养
    "R2026-040": ("各类对象分类统计表", "各类对象统计如下：\n\n| 临时救助 | 供养方式 |\n|---|---|\n| 120 | 分散 |\n",
                  "2026-03-20", None),
    # two words 116 characters apart: the snippet (120 characters from the first) ends inside the second
    "R2026-042": ("专项工作通报", "试点城市" + "。" * 112 + "长期护理保险制度。", "2026-03-22", None),
    # a link: its text is on the page, its address is not
    "R2026-041": ("政策链接汇编", "详见[最低生活保障政策](https://example.gov.cn/zcwj/a.html)。", "2026-03-21", None),
}
for _n in range(2, 37):  # 35 newer bulletins holding 低保 and 标准 apart, in their titles
    RECORDS[f"R2026-{_n:03d}"] = (f"第{_n}期低保工作简报：落实救助标准", "本期简报通报各乡镇工作进展。",
                                  str(dt.date(2026, 2, 2) + dt.timedelta(days=_n)), None)


def _record(number: str, title: str, body: str, published: str, doc_number: str | None) -> str:
    text = RECORD.replace("R2026-001", number).replace("测试县民政局关于2026年第三季度低保对象名单的公示", title)
    text = text.replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
    text = text.replace("索引号: 350524-MZ-2026-00001", f"索引号: 350524-MZ-2026-{int(number[-3:]):05d}")
    text = text.replace("文号: 测民〔2026〕1号", f"文号: {doc_number}" if doc_number else "")
    for field in ("成文日期", "公开日期", "审查日期"):
        text = re.sub(f"{field}: [0-9-]+", f"{field}: {published}", text)
    body = "\n".join("  " + line if line else "" for line in body.split("\n"))
    return text.replace("正文: |\n  经审核，现将名单予以公示。\n", f"正文: |\n{body}\n")


@pytest.fixture(scope="module")
def county_url(site_dir: Path, base_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    catalog = tmp_path_factory.mktemp("hostile7") / "catalog"
    (catalog / "items/shjz").mkdir(parents=True)
    (catalog / "records/2026").mkdir(parents=True)
    (catalog / "gongkai.yaml").write_text(AGENCY, "utf-8")
    item = ITEM.replace("二级事项: 审批信息", "二级事项: '<img src=x onerror=alert(7)>政策文件'")
    (catalog / "items/shjz/SHJZ-001.yaml").write_text(item.replace("低保对象名单及相关信息", "政策文件"), "utf-8")
    for number, fields in RECORDS.items():
        (catalog / f"records/2026/{number}.yaml").write_text(_record(number, *fields), "utf-8")
    build_site(catalog, site_dir / "hostile7", TODAY, use_cache=False)
    return base_url + "hostile7/"


def test_the_county_catalog(page: tuple[Any, Watch], county_url: str) -> None:
    tab, watch = page
    assert search(tab, county_url, "低保标准") == ["records/R2026-001.html"]
    assert len(search(tab, county_url, "低保")) == 36
    _clean(watch)


def test_words_typed_apart_find_the_page_holding_them_together_first(page: tuple[Any, Watch], county_url: str) -> None:
    tab, watch = page
    found = search(tab, county_url, "低保 标准")
    assert len(found) == 36
    assert found[0] == "records/R2026-001.html"
    _clean(watch)


def test_table_cells_are_not_one_phrase(page: tuple[Any, Watch], county_url: str) -> None:
    """docs/decisions/search.md: "no key spans two fields, lines or table cells"; 救助供养 is on no page here."""
    tab, watch = page
    assert search(tab, county_url, "临时救助") == ["records/R2026-040.html"]
    assert search(tab, county_url, "救助供养") == []
    assert "没有找到" in _status(tab)
    _clean(watch)


def test_a_link_is_found_by_its_text_not_its_address(page: tuple[Any, Watch], county_url: str) -> None:
    tab, watch = page
    assert "records/R2026-041.html" in search(tab, county_url, "最低生活保障政策")
    for query in ("example", "zcwj", "https", "gov cn"):
        assert "records/R2026-041.html" not in search(tab, county_url, query), query
    _clean(watch)


def test_a_hostile_item_name_in_results_and_near_terms(page: tuple[Any, Watch], county_url: str) -> None:
    tab, watch = page
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    assert "items/SHJZ-001.html" in search(tab, county_url, "政策文件")
    assert search(tab, county_url, "文件政策") == []  # nowhere; shares characters with the item name
    near = tab.inner_text("#search-near")
    assert "<img src=x onerror=alert(7)>政策文件" in near
    assert tab.locator("#search-near img, #search-results img").count() == 0 and dialogs == []
    _clean(watch)


def test_a_match_running_past_the_snippet_is_marked_up_to_its_end(page: tuple[Any, Watch], county_url: str) -> None:
    tab, watch = page
    assert search(tab, county_url, "试点城市 长期护理保险制度") == ["records/R2026-042.html"]
    snippet = tab.locator("#search-results .snippet").first
    assert snippet.locator("mark").all_inner_texts() == ["试点城市", "长期护理"]
    assert snippet.inner_text() == "试点城市" + "。" * 112 + "长期护理…"
    _clean(watch)
