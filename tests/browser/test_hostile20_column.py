"""Twentieth hostile pass, in Chromium: the column with parts missing, read on a 320 px phone in 大字版 (see
tests/test_hostile20_column.py for the pass).

No defect was found here; this guards what an elderly reader meets on the smallest phones in use: every page of a
column with no 年报 and no 制度 yet, an empty 领域, an item with no record and one with sixty, a lapsed document and
its replacement — no sideways scrolling at 320 px with 大字版 on, nothing loaded from another host, and axe clean
(serious and critical) on the pages that say a part is empty.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.test_hostile20_column import _build, _hostile_column
from tests.test_inspect import ANNUAL, BASE_AGENCY, LEADERS, SITE, write_item, write_record

pytestmark = pytest.mark.browser
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
EMPTY_PARTS = ["nianbao/index.html", "zhidu/index.html", "directory/qhdm/index.html", "items/SHJZ-301.html"]


@pytest.fixture
def column(gk, cat, tmp_path) -> Path:
    cat.write("gongkai.yaml", BASE_AGENCY + LEADERS + SITE)
    cat.write("records/2026/R2026-900.yaml", ANNUAL)
    write_item(cat, "SHJZ-050", "通知公告")
    write_record(cat, "R2026-050", "SHJZ-050", "2026-11-02")
    write_record(cat, "R2026-051", None, "2026-03-02", kind="制度", title="测试县民政局政府信息公开保密审查制度")
    _hostile_column(cat)
    return _build(gk, cat.root, tmp_path / "site")


def _outside(context: Any) -> list[str]:
    asked: list[str] = []

    def route(route: Any) -> None:
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            asked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    return asked


def test_every_page_of_a_column_with_parts_missing_fits_a_320px_phone_in_big_text(browser, column):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="zh-CN")
    asked = _outside(context)
    tab = context.new_page()
    try:
        tab.goto((column / "index.html").as_uri())
        tab.keyboard.press("Tab")  # the skip link first, then on to the 大字版 button, pressed by keyboard alone
        assert tab.evaluate("document.activeElement.textContent").strip() == "跳到正文"
        tab.focus("#bigtext")
        tab.keyboard.press("Space")
        assert tab.get_attribute("#bigtext", "aria-pressed") == "true"
        wide = []
        for page in sorted(column.rglob("*.html")):
            name = page.relative_to(column).as_posix()
            if name.endswith("poster.html"):
                continue  # printed on A3 by design
            tab.goto(page.as_uri())
            width = tab.evaluate("document.documentElement.scrollWidth")
            big = tab.evaluate("document.documentElement.classList.contains('big')")
            if width > 320 or not big:
                wide.append((name, width, big))
        assert wide == []
    finally:
        context.close()
    assert asked == []


@pytest.mark.parametrize("part", EMPTY_PARTS)
def test_a_page_saying_a_part_is_empty_is_accessible(browser, column, part):
    tab = browser.new_page()
    try:
        tab.goto((column / part).as_uri())
        tab.add_script_tag(path=str(AXE))
        result = tab.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
        bad = [(v["id"], v["impact"]) for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert bad == [], json.dumps(bad, ensure_ascii=False)
        assert tab.evaluate("document.querySelectorAll('h1').length") == 1
    finally:
        tab.close()
