"""A line break in a body stays a line break on the page: a clerk writing 联系人、电话、地址 on three lines in Notepad
sees three lines, not one line with spaces (CommonMark joins them). Both renderers (cmark's fast path, markdown-it-py
for bodies with Markdown) agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CatalogDir

BODY = "联系人：社会救助股\n  联系电话：0595-23222516\n  办公时间：工作日上午\n\n  第二段。"


@pytest.mark.parametrize("extra", ["", "  **请携带身份证。**\n"])  # plain text (cmark) / with emphasis (markdown-it-py)
def test_lines_of_a_body_are_lines_on_the_page(gk, cat: CatalogDir, tmp_path: Path, extra: str):
    path = cat.root / "records/2026/R2026-001.yaml"
    text = path.read_text(encoding="utf-8")
    head = text.split("正文:")[0]
    path.write_text(head + "正文: |\n  " + BODY + "\n" + extra, encoding="utf-8")
    run = gk("build-site", cat.root, "--out", tmp_path / "site", "--today", "2026-12-01", "--no-search")
    assert run.code == 0, run.err
    page = (tmp_path / "site/records/R2026-001.html").read_text(encoding="utf-8")
    assert "<p>联系人：社会救助股<br />\n联系电话：0595-23222516<br />\n办公时间：工作日上午</p>" in page
    assert "<p>第二段。" in page
