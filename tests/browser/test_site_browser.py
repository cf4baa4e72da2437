"""The built site in real headless Chromium: navigation, search, accessibility, no other hosts, small screens."""

from __future__ import annotations

import datetime as dt

import json
from pathlib import Path
from typing import Any

import pytest

from gongkai.catalog import load_catalog
from gongkai.site.data import site_data
from tests.browser.conftest import ROOT, Watch, artifact

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
PAGE_TYPES = {
    "home": "index.html", "directory": "directory/shjz/index.html", "five": "five/jieguo/index.html",
    "item": "items/SHJZ-003.html", "record": "records/{record}.html", "guide": "zhinan/index.html",
    "rules": "zhidu/index.html", "law": "fdzdgknr/index.html", "reports": "nianbao/index.html",
    "towns": "towns/index.html", "town": "towns/mzb-100/index.html", "changes": "changes/index.html",
    "data": "data/index.html", "search": "search/index.html?q=%E4%BD%8E%E4%BF%9D",
    "poster": "directory/shjz/poster.html",
}


def _newest_record() -> str:
    return site_data(load_catalog(ROOT / "catalog", use_cache=False), dt.date(2026, 11, 27)).records[0].id


def _clean(watch: Watch) -> None:
    assert watch.errors == [], f"console errors: {watch.errors}"
    assert watch.outside == [], f"requests to other hosts: {watch.outside}"


def test_home_to_record(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    tab.goto(base_url)
    assert tab.locator("html").get_attribute("lang") == "zh-CN"
    with tab.expect_navigation():
        tab.click("main .tiles >> text=社会救助")
    assert tab.locator("table.dir caption").count() == 1
    with tab.expect_navigation():
        tab.locator("table.dir tbody th a").first.click()
    assert "/items/" in tab.url and tab.url.endswith(".html")
    with tab.expect_navigation():
        tab.locator("ul.records a").first.click()
    assert "/records/" in tab.url
    assert tab.locator("h1").inner_text()
    _clean(watch)


def test_skip_link_and_keyboard(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    tab.goto(base_url)
    tab.keyboard.press("Tab")
    focused = tab.evaluate("document.activeElement.textContent")
    assert focused == "跳到正文"
    outline = tab.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    tab.keyboard.press("Enter")
    tab.wait_for_url("**#main", timeout=5000)  # the jump is a navigation: on a loaded machine it lands a moment later
    assert tab.url.endswith("#main")
    _clean(watch)


def test_big_text_toggle_persists(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    tab.goto(base_url)
    tab.click("#bigtext")
    assert "big" in tab.evaluate("document.documentElement.className")
    tab.goto(base_url + "zhinan/index.html")
    assert "big" in tab.evaluate("document.documentElement.className")
    assert tab.get_attribute("#bigtext", "aria-pressed") == "true"
    _clean(watch)


@pytest.mark.parametrize("kind", sorted(PAGE_TYPES))
def test_axe_and_screenshots(page: tuple[Any, Watch], base_url: str, kind: str) -> None:
    tab, watch = page
    url = base_url + PAGE_TYPES[kind].format(record=_newest_record())
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert bad == [], json.dumps(bad, ensure_ascii=False)
    tab.screenshot(path=str(artifact(f"{kind}-desktop.png")), full_page=True)
    tab.set_viewport_size({"width": 360, "height": 780})
    tab.goto(url)
    tab.wait_for_load_state("networkidle")
    if kind not in ("poster",):
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{kind}: page is {width}px wide at 360px"
    tab.screenshot(path=str(artifact(f"{kind}-360.png")), full_page=True)
    _clean(watch)


def test_zoom_200(page: tuple[Any, Watch], base_url: str) -> None:
    """200% zoom on a 1280px window is a 640 CSS px viewport: nothing may need sideways scrolling."""
    tab, watch = page
    tab.set_viewport_size({"width": 640, "height": 450})
    for path in ("index.html", "records/" + _newest_record() + ".html", "zhinan/index.html", "directory/shjz/index.html"):
        tab.goto(base_url + path)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 640
    _clean(watch)
