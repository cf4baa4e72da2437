"""Twenty-first hostile pass, in Chromium (see tests/test_hostile21_site.py for the pass).

Found by this pass: a page printed by a citizen (the 指南 to take to the office, a directory for the 查阅点's folder)
carried no name of the bureau: the print style hid the whole header and footer, so a printed 标准目录 or 指南 said
「社会救助领域政务公开事项标准目录」「政府信息公开指南」 and not whose. Now the column's name heads the printed page and the
footer's contact line (bureau, address, phone, e-mail) ends it; the menu, the 大字版 button and the search stay off paper.
In Windows 高对比度 (forced colours) the 大字版 button looked the same pressed and not; the pressed one now takes the
system's highlight colours.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser


def _shown(tab: Any, selector: str) -> list[str]:
    """The text of each element matching *selector* that takes space on the page (display not none)."""
    return tab.eval_on_selector_all(
        selector, "els => els.filter(e => getComputedStyle(e).display !== 'none' && e.getClientRects().length)"
                  ".map(e => e.innerText.trim())")


def test_a_printed_page_names_the_bureau_and_leaves_the_menu_off(browser: Any, site_dir: Path) -> None:
    tab = browser.new_page()
    try:
        tab.goto((site_dir / "directory/shjz/index.html").as_uri())
        tab.emulate_media(media="print")
        assert _shown(tab, "header .brand") == ["安溪县民政局政府信息公开"]
        colour = tab.eval_on_selector("header .brand a", "e => getComputedStyle(e).color")
        assert colour == "rgb(26, 26, 26)"  # dark ink on paper, not the screen's white on red
        assert _shown(tab, "header nav") == [] and _shown(tab, "#bigtext") == [] and _shown(tab, "a.skip") == []
        foot = _shown(tab, "footer p")
        assert len(foot) == 1 and foot[0].startswith("安溪县民政局 · 地址：福建省泉州市安溪县凤城镇河滨北路168号")
        tab.emulate_media(media="screen")  # on screen: as before
        assert _shown(tab, "header nav") != [] and len(_shown(tab, "footer p")) == 2
    finally:
        tab.close()


def test_the_big_text_button_shows_it_is_on_in_windows_high_contrast(browser: Any, site_dir: Path) -> None:
    """Forced colours (Windows 高对比度) painted the 大字版 button alike pressed and not: a reader could not see it was on.
    Now the pressed button takes the system's highlight colours."""
    tab = browser.new_page()
    try:
        tab.goto((site_dir / "index.html").as_uri())
        tab.emulate_media(forced_colors="active")
        look = "e => { const s = getComputedStyle(e); return [s.backgroundColor, s.color]; }"
        off = tab.eval_on_selector("#bigtext", look)
        tab.click("#bigtext")
        tab.evaluate("() => document.activeElement.blur()")  # the focus ring is not the state
        assert tab.get_attribute("#bigtext", "aria-pressed") == "true"
        assert tab.eval_on_selector("#bigtext", look) != off
    finally:
        tab.evaluate("() => localStorage.removeItem('gongkai-big')")
        tab.close()
