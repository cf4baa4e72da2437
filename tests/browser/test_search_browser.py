"""The search page in real Chromium: expected and forbidden pages, absent terms, 文号 variants, pinyin, substrings,
filters, ranking, keyboard, large text, and search.js cutting queries exactly as tokens.py does."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from gongkai.catalog import load_catalog
from gongkai.site import build_site
from gongkai.site.data import site_data
from tests.browser.conftest import ROOT, Watch, artifact
from tests.conftest import AGENCY, ITEM, RECORD
from tests.search_cases import QUERY_KEYS

pytestmark = pytest.mark.browser
TODAY = dt.date(2026, 11, 27)
CJK_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")


def r(*ids: str) -> set[str]:
    return {f"records/{i}.html" for i in ids}


def i(*ids: str) -> set[str]:
    return {f"items/{x}.html" for x in ids}


# query → (pages that must be found, pages that must not be), hand-checked against the bundled catalog.
# Lists of people (R2025-008, R2026-020, R2026-031) are not in the index at all; R2026-006/009/013/018/030 are not
# on the web.
SUITE: dict[str, tuple[set[str], set[str]]] = {
    "低保": (r("R2025-004", "R2025-005", "R2025-010", "R2025-011", "R2026-004", "R2026-007", "R2026-008",
              "R2026-015", "R2026-016", "R2026-022", "R2026-028") | i("SHJZ-006"),
             r("R2025-008", "R2026-009", "R2026-020", "R2026-030", "R2026-031")),
    "救助供养": (r("R2025-010", "R2026-002", "R2026-003", "R2026-005", "R2026-015", "R2026-016")
             | i("SHJZ-007", "SHJZ-008", "SHJZ-009", "SHJZ-010"),
             r("R2025-008", "R2026-007", "R2026-008")),  # 供养 alone is not enough
    "临时救助": (r("R2025-010", "R2025-011", "R2026-002", "R2026-003", "R2026-004", "R2026-005")
             | i("SHJZ-011", "SHJZ-012", "SHJZ-013"), r("R2026-020", "R2025-008")),
    "高龄津贴": (r("R2025-009", "R2026-002", "R2026-025") | i("YLFW-006"), r("R2026-007")),
    "婚姻登记": (r("R2025-002", "R2026-003") | i("SHSW-001", "SHSW-002", "SHSW-003"), r("R2026-006")),
    "湖头": (r("R2026-026") | {"towns/mzb-102/index.html"}, r("R2026-009", "R2025-007")),
    "依申": ({"zhinan/index.html"} | r("R2026-004", "R2026-032") | i("JGXX-008"),
           r("R2026-006", "R2026-013", "R2026-018")),
    "养老机构备案": (i("YLFW-004"), set()),
    "寒冬送温暖": (r("R2026-029"), set()),
    "双随机": (r("R2026-027") | i("SHZZ-006"), set()),
    "安民〔2026〕": (r("R2026-004", "R2026-007", "R2026-012", "R2026-014", "R2026-015", "R2026-019", "R2026-026"),
                 r("R2026-029", "R2025-004", "R2025-011", "R2026-032")),
}
DOC_NUMBER_VARIANTS = ["安民〔2026〕12号", "安民[2026]12号", "安民(2026)12号", "安民（2026）12号", "安民2026年12号",
                       "安民〔2026〕12", "安民2026年12", "安民〔2026〕第12号", "安民【2026】12号"]
OTHER_DOC_NUMBERS = r("R2026-004", "R2026-012", "R2026-014", "R2026-015", "R2026-019", "R2026-026", "R2026-029")
ABSENT = ["公积金", "救灾", "医保"]
PINYIN = {"dibao": "低保", "db": "低保", "tkry": "特困人员", "tekunrenyuan": "特困人员", "gaolingjintie": "高龄津贴"}


def search(tab: Any, base_url: str, query: str, **filters: str) -> list[str]:
    """Open the search page for *query*; the site paths of every result (showing more until there are no more)."""
    params = "&".join(f"{quote(k)}={quote(v)}" for k, v in {"q": query, **filters}.items())
    tab.goto(f"{base_url}search/index.html?{params}")
    return _all_results(tab, base_url)


def _all_results(tab: Any, base_url: str) -> list[str]:
    tab.wait_for_function("document.getElementById('search-status').textContent.length > 0", timeout=15000)
    while tab.is_visible("#search-more"):
        count = tab.locator("#search-results li").count()
        tab.click("#search-more")
        tab.wait_for_function(f"document.querySelectorAll('#search-results li').length > {count}", timeout=15000)
    links = tab.eval_on_selector_all("#search-results a.result-title", "els => els.map(a => a.href)")
    return [link.removeprefix(base_url) for link in links]


_MANY = """async queries => {
  const found = {}, more = document.getElementById('search-more'), shown = () => document.querySelectorAll('#search-results li').length;
  for (const q of queries) {
    await window.gongkaiSearch.run(q, []);
    while (!more.hidden) {
      const count = shown();
      more.click();
      for (let i = 0; i < 3000 && shown() <= count; i++) await new Promise(r => setTimeout(r, 5));
    }
    found[q] = Array.from(document.querySelectorAll('#search-results a.result-title'), a => a.href);
  }
  return found;
}"""


def search_many(tab: Any, base_url: str, queries: list[str]) -> dict[str, list[str]]:
    """The results of each query, run one after the other on one search page as the form runs them (one page load:
    the index parts already fetched stay loaded, as they do for a reader who searches again)."""
    tab.goto(f"{base_url}search/index.html")
    tab.wait_for_function("window.gongkaiSearch !== undefined")
    found = tab.evaluate(_MANY, sorted(set(queries)))
    return {q: [link.removeprefix(base_url) for link in links] for q, links in found.items()}


def _clean(watch: Watch) -> None:
    assert watch.errors == [], f"console errors: {watch.errors}"
    assert watch.outside == [], f"requests to other hosts: {watch.outside}"


@pytest.mark.parametrize("query", sorted(SUITE))
def test_expected_and_forbidden_pages(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    tab, watch = page
    found = search(tab, base_url, query)
    must, must_not = SUITE[query]
    assert must <= set(found), f"{query}: missing {sorted(must - set(found))}"
    assert not must_not & set(found), f"{query}: forbidden {sorted(must_not & set(found))}"
    assert len(found) == len(set(found))
    assert f"共找到 {len(found)} 条结果" in tab.inner_text("#search-status")
    assert tab.locator("#search-results mark").count() > 0  # the match is highlighted
    _clean(watch)


@pytest.mark.parametrize("query", DOC_NUMBER_VARIANTS)
def test_doc_number_variants(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    tab, watch = page
    found = search(tab, base_url, query)
    assert found[0] == "records/R2026-007.html"
    # its 政策解读 and a reply quote the 文号 in their text; no other 文号 matches
    assert set(found) <= r("R2026-007", "R2026-008", "R2026-022") and not OTHER_DOC_NUMBERS & set(found)
    first = tab.locator("#search-results li").first.inner_text()
    assert "文号：安民〔2026〕12号" in first and "公开日期：2026年4月10日" in first
    _clean(watch)


def test_index_number_and_partial_doc_number(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    assert search(tab, base_url, "350524-MZ-2026-00007")[:1] == ["records/R2026-007.html"]
    assert search(tab, base_url, "安民〔2026〕1") == []  # 1 is not 12: numbers are whole
    _clean(watch)


@pytest.mark.parametrize("query", ABSENT)
def test_absent_terms_say_so(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    tab, watch = page
    assert search(tab, base_url, query) == []
    assert "没有找到" in tab.inner_text("#search-status")
    near = tab.locator("#search-near")
    assert near.is_visible()
    apply = near.get_by_role("link", name="依申请公开", exact=True)
    assert apply.get_attribute("href").endswith("zhinan/index.html#apply")
    if query == "救灾":  # near terms share its characters
        assert "临时救助" in near.inner_text()
    _clean(watch)


@pytest.mark.parametrize("query", sorted(PINYIN))
def test_pinyin(page: tuple[Any, Watch], base_url: str, query: str) -> None:
    tab, watch = page
    found = search(tab, base_url, query)
    word = PINYIN[query]
    assert f"按拼音查找“{word}”" in tab.inner_text("#search-status")
    assert found and set(found) >= SUITE.get(word, (set(), set()))[0]
    assert tab.locator("#search-results mark", has_text=word).count() > 0
    _clean(watch)


def test_empty_pages_never_above_content(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    for query in ("婚姻登记", "救助供养", "特困人员", "残疾人", "社会组织"):
        search(tab, base_url, query)
        empty = tab.eval_on_selector_all("#search-results > li", "els => els.map(li => li.className === 'empty')")
        assert True in empty and empty == sorted(empty), query
    top = search(tab, base_url, "婚姻登记")[:2]
    assert set(top) == {"items/SHSW-001.html", "records/R2025-002.html"}  # the 办事指南 people need
    _clean(watch)


def test_filters(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    assert set(search(tab, base_url, "办事指南", **{"五公开": "服务公开"})) >= r("R2025-002") | i("SHSW-001")
    assert not set(search(tab, base_url, "办事指南", **{"五公开": "结果公开"})) & (r("R2025-002") | i("SHSW-001"))
    old = search(tab, base_url, "民政", **{"年份": "2025"})
    assert old and all(p.startswith("records/R2025-") for p in old)
    care = search(tab, base_url, "补贴", **{"领域": "养老服务"})
    assert i("YLFW-006") <= set(care) and not set(care) & i("SHSW-007", "SHSW-008")
    assert tab.locator("#f-domain").input_value() == "养老服务"
    assert "领域“养老服务”" in tab.inner_text("#search-status")
    county = search(tab, base_url, "低保", **{"公开主体": "县级人民政府民政部门"})
    assert county and set(county) <= SUITE["低保"][0]
    years = tab.eval_on_selector_all("#f-year option", "els => els.map(o => o.value)")
    assert years == ["", "2026", "2025"]
    _clean(watch)


def _substrings(text: str | None, lengths: tuple[int, ...]) -> list[str]:
    runs = sorted(CJK_RUN.findall(text or ""), key=len, reverse=True)
    if not runs:
        return []
    run = runs[0]
    return [run[len(run) // 3:len(run) // 3 + n] for n in lengths if len(run) // 3 + n <= len(run)]


def test_any_substring_finds_its_page(page: tuple[Any, Watch], base_url: str) -> None:
    """Two- to five-character pieces of every title and body, every 文号 and 索引号: each finds its page."""
    tab, watch = page
    data = site_data(load_catalog(ROOT / "catalog", use_cache=False), TODAY)
    wanted: list[tuple[str, str]] = []
    for admission in data.records:
        record, url = admission.record, f"records/{admission.id}.html"
        if admission.lists_people:
            continue
        wanted += [(q, url) for q in _substrings(record.title, (2, 5))]
        wanted += [(q, url) for q in (record.doc_number, record.index_number) if q]
        if admission.shows_content:
            wanted += [(q, url) for q in _substrings(record.body, (3,))]
    for item in data.items:
        wanted += [(q, f"items/{item.id}.html") for q in _substrings(item.name, (2,))]
    found = search_many(tab, base_url, [q for q, _ in wanted])
    missing = [(q, url) for q, url in wanted if url not in found[q]]
    assert missing == []
    _clean(watch)


def test_names_in_lists_are_not_found(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    for name in ("詹丽华", "刘福来", "陈水生", "林玉燕", "陈金水", "李美玉", "詹建国"):
        assert search(tab, base_url, name) == [], name
    _clean(watch)


def test_keyboard_large_text_and_announcement(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    tab.goto(f"{base_url}search/index.html")
    tab.click("#bigtext")
    tab.set_viewport_size({"width": 360, "height": 780})
    tab.focus("#q")
    tab.keyboard.type("民政")
    tab.keyboard.press("Enter")
    tab.wait_for_function("document.getElementById('search-status').textContent.length > 0", timeout=15000)
    status = tab.locator("#search-status")
    assert status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    assert re.search(r"共找到 \d+ 条结果", status.inner_text())
    assert "q=%E6%B0%91%E6%94%BF" in tab.url  # the address can be shared and bookmarked
    assert tab.locator("#search-results li").count() == 20
    tab.focus("#search-more")
    tab.keyboard.press("Enter")
    tab.wait_for_function("document.querySelectorAll('#search-results li').length > 20", timeout=15000)
    assert tab.evaluate("document.activeElement.closest('li') === document.querySelectorAll('#search-results li')[20]")
    assert tab.evaluate("document.documentElement.classList.contains('big')")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360
    tab.screenshot(path=str(artifact("search-big-360.png")), full_page=True)
    _clean(watch)


def test_single_character_asks_for_two(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    assert search(tab, base_url, "低") == []
    assert "至少输入两个字" in tab.inner_text("#search-status")
    _clean(watch)


def test_search_js_cuts_queries_as_tokens_py(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    tab.goto(f"{base_url}search/index.html")
    tab.wait_for_function("window.gongkaiSearch !== undefined")
    got = tab.evaluate("cases => Object.fromEntries(cases.map(q => [q, window.gongkaiSearch.keys(q)]))",
                       list(QUERY_KEYS))
    assert got == QUERY_KEYS
    _clean(watch)


# ---- precision on a catalog made for it ----

PRECISION_RECORDS = {
    "R2026-001": ("特困人员救助供养标准", "落实特困人员救助供养制度。"),
    "R2026-002": ("社会救助工作通知", "做好社会救助和特困供养工作。"),  # 救助, 供养: not contiguous
    "R2026-003": ("救助供给情况", "救助供给和供养服务。"),  # 救助, 助供 and 供养 all present: still not 救助供养
}


@pytest.fixture(scope="module")
def precision_url(site_dir: Path, base_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A small catalog made for precision, built into a folder of the served site."""
    catalog = tmp_path_factory.mktemp("precision") / "catalog"
    (catalog / "items/shjz").mkdir(parents=True)
    (catalog / "records/2026").mkdir(parents=True)
    (catalog / "gongkai.yaml").write_text(AGENCY, "utf-8")
    (catalog / "items/shjz/SHJZ-001.yaml").write_text(ITEM.replace("审批信息", "政策文件").replace(
        "低保对象名单及相关信息", "政策文件"), "utf-8")
    for number, (title, body) in PRECISION_RECORDS.items():
        text = RECORD.replace("R2026-001", number).replace("测试县民政局关于2026年第三季度低保对象名单的公示", title)
        text = (text.replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")  # no list: indexed
                .replace("经审核，现将名单予以公示。", body))
        (catalog / f"records/2026/{number}.yaml").write_text(text, "utf-8")
    build_site(catalog, site_dir / "precision", TODAY, use_cache=False)
    return base_url + "precision/"


def test_precision(page: tuple[Any, Watch], precision_url: str) -> None:
    tab, watch = page
    assert search(tab, precision_url, "救助供养") == ["records/R2026-001.html"]
    assert set(search(tab, precision_url, "供养")) == r("R2026-001", "R2026-002", "R2026-003")
    assert search(tab, precision_url, "救助供给") == ["records/R2026-003.html"]
    assert search(tab, precision_url, "特困供养") == ["records/R2026-002.html"]
    _clean(watch)
