"""Thirty-fifth hostile pass, angle 「site_61」, in a browser: the pager of a long list on a 360-px phone.

Found by this pass (tests/test_hostile35_site_61.py has the rest): the column's lists were never split into pages;
now they are, and the pager must fit the phone the elderly reader holds: no sideways scrolling at 360 px (with the
大字版 on and the system text at 200 %), every page button at least 44 × 44 px, usable with JavaScript off.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import AGENCY, ITEM, RECORD, CatalogDir
from gongkai.site import build_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def long_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One item with 200 records (10 pages)."""
    root = tmp_path_factory.mktemp("h35") / "catalog"
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM.replace("审批信息", "政策法规文件").replace("低保对象名单及相关信息", "政策文件"))
    for n in range(1, 201):
        day = (dt.date(2026, 1, 5) + dt.timedelta(days=n)).isoformat()
        cat.record(RECORD.replace("R2026-001", f"R2026-{n:03d}").replace("-2026-00001", f"-2026-{n:05d}")
                   .replace("文种: 公示", "文种: 通知").replace("公示截止: 2026-12-31\n", "")
                   .replace("2026-09-01", day).replace("2026-09-03", day), f"records/2026/R2026-{n:03d}.yaml")
    out = root.parent / "site"
    build_site(root, out, dt.date(2026, 12, 7), search=False, use_cache=False)
    return out


def test_the_pager_fits_a_phone_and_its_buttons_are_big_enough(browser: Any, long_site: Path) -> None:
    tab = browser.new_page(viewport={"width": 360, "height": 740})
    try:
        for text, big in (("100%", False), ("100%", True), ("200%", True)):
            tab.goto((long_site / "items/SHJZ-001/5.html").as_uri())
            tab.add_style_tag(content=f"html, html.big {{ font-size: {text} !important; }}")
            if big:
                tab.evaluate("() => document.documentElement.classList.add('big')")
            assert tab.evaluate("() => document.documentElement.scrollWidth") <= 360, (text, big)
            boxes = tab.eval_on_selector_all(".pager a", "els => els.map(e => e.getBoundingClientRect().toJSON())")
            assert len(boxes) == 8, boxes  # 上一页 1 3 4 6 7 10 下一页 (…: no link)
            assert all(b["width"] >= 44 and b["height"] >= 44 and b["right"] <= 360 for b in boxes), boxes
    finally:
        tab.close()


def test_the_pager_works_without_javascript(browser: Any, long_site: Path) -> None:
    off = browser.new_context(java_script_enabled=False)
    try:
        tab = off.new_page()
        tab.goto((long_site / "items/SHJZ-001.html").as_uri())
        tab.click(".pager a[rel=next]")
        assert tab.url.endswith("/items/SHJZ-001/2.html")
        assert tab.inner_text(".pager p") == "共200条，第2页，共10页"
    finally:
        off.close()
