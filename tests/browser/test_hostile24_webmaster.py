"""Twenty-fourth hostile pass, in Chromium (see tests/test_hostile24_webmaster.py for the pass).

Found by this pass: on a phone 320 px wide, a record whose body has a paragraph typed with four spaces in front (what
Markdown reads as a code block: a clerk indenting a paragraph by hand) or a fenced block made the whole page wider than
the screen: the elderly reader had to scroll sideways for every line. Now such a block wraps like any text.
The webmaster who opens the built folder (file://) to check it before loading it into the portal found the search
page saying 「搜索索引未能加载」, as if the upload were broken: the browser reads no file by script from a folder. Now it
says that, and that search works once the column is on the server (or under gongkai serve).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from conftest import ITEM, CatalogDir
from gongkai.site import build_site
from portal_catalog import agency, record

pytestmark = pytest.mark.browser

BODY = ("各乡镇民政办：\n\n"
        "    现将2026年城乡低保标准调整情况通知如下，城市低保标准由每人每月850元提高到每人每月880元，农村低保标准同步提高。\n\n"
        "```\n办理地点：安溪县民政局一楼便民服务窗口（各乡镇民政办同时受理，请携带身份证件和户口簿原件及复印件）（工作日上午8:00—12:00，下午14:30—17:30）\n```\n\n"
        "    https://www.fjax.gov.cn/zwgk/zfxxgkzl/bmzfxxgk/mzj/records/R2026-001.html?from=notice&page=1\n")


@pytest.fixture(scope="module")
def indented_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("indented") / "catalog"
    cat = CatalogDir(root)
    cat.write("gongkai.yaml", agency())
    cat.item(ITEM.replace("低保对象名单及相关信息", "低保政策文件"))
    cat.record(record("R2026-001", "关于调整城乡低保标准的通知", item="SHJZ-001", body=BODY))
    out = root.parent / "site"
    build_site(root, out, dt.date(2026, 11, 27), search=False, use_cache=False)
    return out


@pytest.mark.parametrize("big", [False, True], ids=["normal", "大字版"])
def test_an_indented_paragraph_never_makes_a_phone_scroll_sideways(browser: Any, indented_site: Path, big: bool) -> None:
    tab = browser.new_page(viewport={"width": 320, "height": 640})
    try:
        tab.goto((indented_site / "records/R2026-001.html").as_uri())  # file://, as a webmaster opens the folder
        if big:
            tab.evaluate("() => document.documentElement.classList.add('big')")
        assert tab.eval_on_selector_all(".body pre", "els => els.length") == 3  # the blocks are there, as blocks
        assert tab.evaluate("() => document.documentElement.scrollWidth") <= 320
        # every line of the blocks is shown whole: nothing cut off inside a box either
        assert tab.eval_on_selector_all(".body pre", "els => els.every(e => e.scrollWidth <= e.clientWidth)")
    finally:
        tab.close()


def test_the_search_page_opened_from_a_folder_says_why_it_cannot_search(browser: Any, site_dir: Path) -> None:
    tab = browser.new_page()
    try:
        tab.goto((site_dir / "search/index.html").as_uri() + "?q=低保")
        tab.wait_for_function("() => document.querySelector('[role=status]').textContent.trim() !== ''")
        said = tab.inner_text("[role=status]")
        assert "直接打开文件夹中的网页时" in said and "gongkai serve" in said, said
        assert "未能加载" not in said
    finally:
        tab.close()
