"""The 政府信息公开 column in Chromium: the four parts one click from home, a working 指南, a 公示 that comes down."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import pytest

from gongkai.site import build_site
from tests.browser.conftest import ROOT, Watch, _Quiet

pytestmark = pytest.mark.browser
PARTS = {"政府信息公开指南": "/zhinan/index.html", "政府信息公开制度": "/zhidu/index.html",
         "法定主动公开内容": "/fdzdgknr/index.html", "政府信息公开年报": "/nianbao/index.html"}
# R2026-031 (bundled catalog) is published 2026-11-27 with 公示期 7: 27, 30 Nov, 1, 2, 3, 4, 7 Dec.
RUNNING = "records/R2026-031.html"
NAME = "黄清泉"


@pytest.fixture(scope="module")
def after_end(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The bundled catalog built for 2026-12-08, the day after R2026-031's 公示 ended, served on 127.0.0.1."""
    out = tmp_path_factory.mktemp("after") / "site"
    build_site(ROOT / "catalog", out, dt.date(2026, 12, 8), use_cache=False)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def _clean(watch: Watch) -> None:
    assert watch.errors == [] and watch.outside == [], (watch.errors, watch.outside)


@pytest.mark.parametrize("part", sorted(PARTS))
def test_each_part_is_one_click_from_home(page: tuple[Any, Watch], base_url: str, part: str) -> None:
    tab, watch = page
    tab.goto(base_url)
    with tab.expect_navigation():
        tab.locator("main .tiles").get_by_role("link", name=part).click()
    assert tab.url.endswith(PARTS[part])
    assert part in tab.locator("h1").inner_text()
    _clean(watch)


def test_the_guide_calls_mails_and_offers_the_form(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    tab.goto(base_url + "zhinan/index.html")
    phones = tab.eval_on_selector_all("a[href^='tel:']", "els => els.map(a => a.getAttribute('href'))")
    assert "tel:0595-23222516" in phones
    mails = tab.eval_on_selector_all("a[href^='mailto:']", "els => els.map(a => a.getAttribute('href'))")
    assert "mailto:axmzjzwgk@163.com" in mails
    for heading in ("主动公开", "依申请公开", "信息处理费", "监督和救济"):
        assert tab.get_by_role("heading", name=heading).count() >= 1, heading
    text = tab.locator("main").inner_text()
    assert "国办函〔2020〕109号" in text and "60日" in text and "6个月" in text and "安溪县人民法院" in text
    with tab.expect_download() as download:
        tab.get_by_role("link", name="《政府信息公开申请表》（Word）").click()
    assert download.value.suggested_filename == "shenqingbiao.docx"
    pdf = tab.get_by_role("link", name="（PDF，可打印）").get_attribute("href")
    assert urlopen(base_url + "zhinan/" + pdf.rsplit("/", 1)[-1]).read(5) == b"%PDF-"
    _clean(watch)


def test_the_directory_on_a_phone_is_cards_without_sideways_scroll(page: tuple[Any, Watch], base_url: str) -> None:
    tab, watch = page
    tab.set_viewport_size({"width": 360, "height": 780})
    tab.goto(base_url + "directory/shjz/index.html")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 360
    first = tab.locator("table.dir tbody tr").first
    assert first.evaluate("el => getComputedStyle(el).display") == "block"
    label = tab.locator("table.dir tbody td[data-label='公开时限']").first
    assert tab.evaluate("el => getComputedStyle(el, '::before').content", label.element_handle()) == '"公开时限："'
    _clean(watch)


def test_a_running_notice_is_on_the_web_then_nowhere(browser: Any, base_url: str, after_end: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    watch = Watch()
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith((base_url, after_end))
                  else (watch.outside.append(route.request.url), route.abort()))
    tab = context.new_page()
    tab.on("pageerror", lambda e: watch.errors.append(str(e)))
    tab.goto(base_url)  # built for 2026-11-27: the 公示 runs
    with tab.expect_navigation():
        tab.get_by_role("link", name="安溪县2026年11月新增城乡最低生活保障对象名单公示").first.click()
    assert NAME in tab.locator("main").inner_text()
    assert tab.locator("meta[name='robots']").get_attribute("content").startswith("noindex")
    tab.goto(after_end)  # built for 2026-12-08: the list has come down
    with tab.expect_navigation():
        tab.get_by_role("link", name="安溪县2026年11月新增城乡最低生活保障对象名单公示").first.click()
    main = tab.locator("main").inner_text()
    assert NAME not in main and "公示已于2026年12月7日结束" in main
    for path in ("index.html", "items/SHJZ-006.html", "feed.xml", "sitemap.xml", RUNNING):
        assert NAME not in urlopen(after_end + path).read().decode("utf-8"), path
    context.close()
    _clean(watch)
