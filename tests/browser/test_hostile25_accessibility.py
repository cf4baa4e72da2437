"""Twenty-fifth hostile pass, in Chromium (see tests/test_hostile25_accessibility.py for the pass, items 4 and 5).

An older reader's phone: 320 px wide, the system's text at 200 % or 250 % (Android 超大字体, WeChat's 大字体 scale the
page's rem), 大字版 on or off; and a browser with JavaScript off.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import AGENCY, CatalogDir
from gongkai.site import build_site

pytestmark = pytest.mark.browser

TOWN = "  - 编号: mzb-100\n    名称: 城关镇民政办\n    类型: 乡镇民政办\n"


@pytest.fixture(scope="module")
def small_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("h25b") / "catalog"
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", AGENCY.replace("移交:\n", TOWN + "移交:\n"))
    cat.item()
    cat.record()
    out = root.parent / "site"
    build_site(root, out, dt.date(2026, 10, 9), search=False, use_cache=False)
    return out


def test_the_column_tiles_fit_a_phone_with_the_largest_system_text(browser: Any, small_site: Path) -> None:
    """At 320 px with text at 200 % the home page's tiles (12 rem each) were 384 px: the page scrolled sideways and
    cut 「政府信息公开指南」 off (the 乡镇 tiles at 250 %). Every tile now fits the screen."""
    tab = browser.new_page(viewport={"width": 320, "height": 640})
    try:
        for text, big in (("200%", False), ("200%", True), ("250%", False)):
            for page in ("index.html", "towns/index.html"):
                tab.goto((small_site / page).as_uri())
                tab.add_style_tag(content=f"html, html.big {{ font-size: {text} !important; }}")
                if big:
                    tab.evaluate("() => document.documentElement.classList.add('big')")
                assert tab.evaluate("() => document.documentElement.scrollWidth") <= 320, (page, text, big)
                right = tab.eval_on_selector_all(".tiles a", "els => els.map(e => e.getBoundingClientRect().right)")
                assert right and max(right) <= 320, (page, text, big, right)
    finally:
        tab.close()


def test_the_big_text_button_is_shown_only_where_it_works(browser: Any, small_site: Path) -> None:
    """Without JavaScript the 大字版 button was shown and did nothing when pressed; now it is not shown. With
    JavaScript it is there and works, as before."""
    off = browser.new_context(java_script_enabled=False)
    try:
        tab = off.new_page()
        tab.goto((small_site / "index.html").as_uri())
        assert tab.locator("#bigtext").count() == 1 and not tab.is_visible("#bigtext")
        assert tab.is_visible("header nav") and tab.is_visible("main h1")  # the page itself reads as before
    finally:
        off.close()
    on = browser.new_context()
    try:
        tab = on.new_page()
        tab.goto((small_site / "index.html").as_uri())
        assert tab.is_visible("#bigtext")
        tab.click("#bigtext")
        assert tab.evaluate("() => document.documentElement.classList.contains('big')")
        assert tab.get_attribute("#bigtext", "aria-pressed") == "true"
    finally:
        on.close()
