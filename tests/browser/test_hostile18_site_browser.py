"""Eighteenth hostile pass, in Chromium: the column on paper (see tests/test_hostile18_site.py for the pass).

Found by this pass: printed, every link lost its address (the print style made links plain text), so the 指南 a
citizen prints (or the 公开查阅点 files on paper) said 「网上申请：通过县人民政府依申请公开系统提交」 with no address
anywhere, and a document's links to other sites printed as bare words. Now an address on the web is printed after
its link's words; on screen nothing changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.conftest import AGENCY, ITEM

ONLINE = "https://www.example.gov.cn/ysqgk/"
BODY = "政策原文见[中国政府网](https://www.gov.cn/zhengce/content/2014-02/28/content_2625652.htm)。"


def _site(gk: Any, cat: Any, tmp_path: Path) -> Path:
    cat.write("gongkai.yaml", AGENCY.replace("  方式: [当面提交, 邮寄]\n",
                                             f"  方式: [当面提交, 邮寄, 网上申请]\n  网上申请地址: {ONLINE}\n"))
    cat.item(ITEM.replace("政府网站, 社区/企事业单位/村公示栏（电子屏）", "政府网站")
             .replace("低保对象名单及相关信息", "政策法规文件"))
    record = cat.root / "records/2026/R2026-001.yaml"
    record.write_text(record.read_text(encoding="utf-8").replace("  经审核，现将名单予以公示。", "  " + BODY)
                      .replace("文种: 公示", "文种: 通知").replace("2026年第三季度低保对象名单的公示", "低保政策的通知").replace("公示截止: 2026-12-31\n", ""), encoding="utf-8")
    out = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", out)
    assert run.code == 0, run.err
    return out


def _after(tab: Any, selector: str) -> list[str]:
    return tab.eval_on_selector_all(selector, "els => els.map(e => getComputedStyle(e, '::after').content)")


def test_printed_links_show_their_web_address(gk, cat, tmp_path, browser):
    # (the session's one browser, tests/browser/conftest.py: a second Playwright in the same worker cannot start)
    out = _site(gk, cat, tmp_path)
    tab = browser.new_page()
    try:
        tab.goto((out / "zhinan/index.html").as_uri())
        online = f'#apply a[href="{ONLINE}"]'
        assert _after(tab, online) and set(_after(tab, online)) == {"none"}  # on screen: the words only
        tab.emulate_media(media="print")
        assert set(_after(tab, online)) == {f'"（{ONLINE}）"'}
        assert set(_after(tab, 'a[href^="tel:"]')) == {"none"}  # a number is its own words
        assert _after(tab, 'nav.crumbs a') == ["none"]  # a page of the column: no address to print
        tab.goto((out / "records/R2026-001.html").as_uri())
        tab.emulate_media(media="print")
        link = '.body a[href^="https://www.gov.cn/"]'
        assert _after(tab, link) == ['"（https://www.gov.cn/zhengce/content/2014-02/28/content_2625652.htm）"']
    finally:
        tab.close()
