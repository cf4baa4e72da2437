"""A 正文 paragraph begun with a tab, as Word's first-line indent pastes it, is a paragraph on the site.

Seen by the front-door pass (twenty-first session) and mended by the lead: Markdown reads a line indented by a tab after
a blank line as an indented code block, so a pasted 通知 showed its paragraphs in monospace, each one line that
scrolled sideways on a phone. Now such a block at the left margin is a paragraph (with the Chinese first-line indent),
or the list it is; a tab inside a list still nests, and a fenced block is left as written. The privacy scan reads the
body as the site shows it, so a number in such a paragraph is found as before.
"""

from __future__ import annotations

import pytest

from conftest import RECORD
from gongkai.site.render import markdown


@pytest.mark.parametrize(("body", "html"), [
    ("\t第一段。\n\n\t第二段。", "<p>第一段。</p>\n<p>第二段。</p>\n"),
    ("\t第一段第一行\n\t第一段第二行", "<p>第一段第一行<br />\n第一段第二行</p>\n"),  # a line break kept
    ("## 一、总则\n\t第一条 内容", "<h2>一、总则</h2>\n<p>第一条 内容</p>\n"),
    ("\t- 一\n\t- 二", "<ul>\n<li>一</li>\n<li>二</li>\n</ul>\n"),  # a list Word tabbed in: two items, not nested
    ("- 项\n\t- 子项", "<ul>\n<li>项\n<ul>\n<li>子项</li>\n</ul>\n</li>\n</ul>\n"),  # inside a list a tab nests
    ("1. 第一条\n\n\t说明", "<ol>\n<li>\n<p>第一条</p>\n<p>说明</p>\n</li>\n</ol>\n"),  # a list item's next paragraph
    ("```\n\t代码\n```", "<pre><code>\t代码\n</code></pre>\n"),  # a fenced block as written
    ("```\n第一行\n\n\t代码\n```", "<pre><code>第一行\n\n\t代码\n</code></pre>\n"),  # also after a blank line in it
])
def test_a_tabbed_block_at_the_margin_is_no_code_block(body, html):
    assert str(markdown(body)) == html


def test_the_record_page_shows_paragraphs_and_the_scan_still_reads_them(gk, cat, tmp_path):
    body = "\t经审核，现将名单予以公示。\n\n\t公示期内如有异议，请与我局联系。"
    cat.record(RECORD.replace("  经审核，现将名单予以公示。\n", "".join(f"  {line}\n" for line in body.split("\n"))))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site).code == 0
    page = (site / "records" / "R2026-001.html").read_text(encoding="utf-8")
    assert "<pre>" not in page and "<p>公示期内如有异议，请与我局联系。</p>" in page
    leaking = RECORD.replace("  经审核，现将名单予以公示。\n", "  \t申请人身份证号350524199001011238。\n")
    cat.record(leaking)
    run = gk("validate", cat.root)
    assert run.code == 1 and "GK601" in run.out
