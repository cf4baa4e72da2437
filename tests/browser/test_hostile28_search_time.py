"""The search page over a patched index (the index itself over time: tests/test_hostile28_search_time.py).

A site of 2,000 pages or more has its index patched: a page added since the index was written gets the next number,
whatever its date. search.js ranked equal results by number, "newest first": a 2019 notice added today (an older
document entered late, or a withdrawal undone) was listed above this year's notice of the same title — a citizen
looking for the 低保标准 in force read the 2019 one first, where a fresh index of the same catalog lists 2026 first.
Now equal results are ordered by the date each result shows, then by number: as a fresh index orders them.

And a notice withdrawn was still found, title and text, on a computer that had searched before (a 公开查阅点's): a
server that sends Last-Modified and no Cache-Control lets the browser keep each file for a tenth of its age, and
search.js took meta.json, the shards and the texts from its cache. Now it asks the server again for each (a 304 when
unchanged).

Hand-typed: R2026-040 「2026年城乡低保标准调整通知」 (公开日期 2026-11-02) and R2019-041 「2019年城乡低保标准调整通知」
(2019-03-01) hold 低保标准调整 alike (in the title, the same share of it): the newer first.
"""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import gongkai.search
from gongkai.site import build_site
from tests.browser.conftest import _Quiet
from tests.browser.test_search_browser import search
from tests.conftest import AGENCY, ITEM, CatalogDir
from tests.portal_catalog import record

pytestmark = pytest.mark.browser

DAY = dt.date(2026, 11, 27)
NEW = record("R2026-040", "2026年城乡低保标准调整通知", channels="政府网站",
             body="城乡低保标准每人每月920元。")
OLD = record("R2019-041", "2019年城乡低保标准调整通知", channels="政府网站", published="2019-03-01",
             body="城乡低保标准每人每月600元。").replace("成文日期: 2026-08-28", "成文日期: 2019-02-20")
EXPECTED = ["records/R2026-040.html", "records/R2019-041.html"]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two sites of one catalog under one server: patched/ (the 2019 notice added after the index was written, as a
    large site patches it) and fresh/ (written anew)."""
    top = tmp_path_factory.mktemp("hostile28")
    cat = CatalogDir(top / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.write("records/2026/R2026-040.yaml", NEW)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(gongkai.search, "REBUILD_BELOW", 0)
        build_site(cat.root, top / "sites/patched", DAY)
        cat.write("records/2019/R2019-041.yaml", OLD)
        build_site(cat.root, top / "sites/patched", DAY)
    build_site(cat.root, top / "sites/fresh", DAY, use_cache=False)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(top / "sites")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("which", ["fresh", "patched"])
def test_equal_results_are_listed_newest_first_by_their_date(browser: Any, served: str, which: str) -> None:
    context = browser.new_context(locale="zh-CN")
    try:
        tab = context.new_page()
        errors: list[str] = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        assert search(tab, f"{served}{which}/", "低保标准调整") == EXPECTED
        assert search(tab, f"{served}{which}/", "城乡低保标准") == EXPECTED
        assert errors == []
    finally:
        context.close()


WITHDRAWN = record("R2026-042", "关于鹏程万里专项行动的通知", channels="政府网站", body="鹏程万里专项行动方案。")


def test_a_notice_withdrawn_since_the_last_visit_is_not_found_from_the_browser_cache(
        browser: Any, tmp_path: Path) -> None:
    """A server that sends Last-Modified and no Cache-Control (Python's, as many): a browser may keep a file for a tenth
    of its age without asking again. The index written 30 days ago, searched on a computer at a 公开查阅点; the notice
    is withdrawn and the site built again; the next reader on that computer searched from the cached meta.json and
    shards and found the withdrawn notice, title and text. Now every part of the index is asked again."""
    cat = CatalogDir(tmp_path / "catalog")
    cat.write("gongkai.yaml", AGENCY)
    cat.item(ITEM)
    cat.write("records/2026/R2026-040.yaml", NEW)
    cat.write("records/2026/R2026-042.yaml", WITHDRAWN)
    site = tmp_path / "site"
    build_site(cat.root, site, DAY)
    month_ago = time.time() - 30 * 86400
    for path in site.rglob("*"):
        os.utime(path, (month_ago, month_ago))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(locale="zh-CN")
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/"
        tab = context.new_page()
        assert search(tab, url, "鹏程万里") == ["records/R2026-042.html"]
        cat.write("records/2026/R2026-042.yaml", WITHDRAWN.replace("正文: |", "撤回:\n  日期: 2026-11-27\n  原因: 误发\n正文: |"))
        build_site(cat.root, site, DAY)
        assert not (site / "records/R2026-042.html").exists()
        tab = context.new_page()
        assert search(tab, url, "鹏程万里") == []
        assert search(tab, url, "城乡低保标准") == ["records/R2026-040.html"]
    finally:
        context.close()
        server.shutdown()
        server.server_close()
