"""Record bodies: the fast renderer (cmark) writes exactly the HTML of the reference (markdown-it-py), or is not used."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.catalog import load_catalog
from gongkai.site.render import _markdown, _rendered, markdown

ROOT = Path(__file__).resolve().parents[1]

# Pieces of Markdown and of Chinese documents, the edges where CommonMark renderers part included: raw HTML,
# links with unsafe schemes, tables, entities, escapes, emphasis runs next to CJK punctuation and symbols, Unicode
# spaces (　 for the indent of a paragraph), tabs, CR, empty list items, fences, setext headings.
PIECES = [*"*_`#>-+=.)(:!\\&;'\"~<>[]| \t\n1234567890abcXY", "中", "文", "，", "。", "“", "”", "（", "）", "￥", "、",
          "\u3000", "\u3000\u3000", "\u00a0", "\u2028", "\ufeff", "\r\n", "\r", "\x00", "&amp;", "&copy;", "&#123;",
          "&bogus;", "    ", "\n\n", "1. ", "- ", "* ", "```", "~~~", "---", "***", "**", "__", "*中*", "**中**",
          "_中_", "**“", "”**", "。**", "＋", "＄", "｜", "～", "＝", "😀", "《", "》", "【", "】", "²", "½", "①", "é",
          "http://a.cn", "<b>", "<script>", "[链接](javascript:alert(1))", "[a](http://a.cn)", "![图](x.png)",
          "| a | b |\n|---|---|\n| 1 | 2 |\n", "\n1.\n", "\n-\n  \n  x", "\n# ", "\n## ", "\n> ", "\n  - ",
          "\n\n    x", "=\n", "……", "——", "·"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_the_body_html_is_the_reference_html(text: str) -> None:
    assert str(_rendered(text)) == _markdown().render(text)


def test_bodies_of_the_bundled_catalog() -> None:
    bodies = [record.body or "" for record in load_catalog(ROOT / "catalog").records.values()]
    assert [str(_rendered(b)) for b in bodies] == [_markdown().render(b) for b in bodies]


def test_bodies_of_a_generated_catalog(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks/generate.py")
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    sys.modules["generate"] = generator
    spec.loader.exec_module(generator)
    generator.generate(tmp_path / "catalog", 600, 60)
    bodies = [record.body or "" for record in load_catalog(tmp_path / "catalog", False).records.values()]
    assert len(bodies) == 600
    assert [str(_rendered(b)) for b in bodies] == [_markdown().render(b) for b in bodies]


@pytest.mark.parametrize(("text", "html"), [
    ("经审核，现将名单予以公示。\n\n## 一、对象\n\n- 低保\n- 特困", "<p>经审核，现将名单予以公示。</p>\n<h2>一、对象</h2>\n"
     "<ul>\n<li>低保</li>\n<li>特困</li>\n</ul>\n"),
    ("<b>粗</b>", "<p>&lt;b&gt;粗&lt;/b&gt;</p>\n"),  # raw HTML is shown as text
    ("[点此](javascript:alert(1))", "<p>[点此](javascript:alert(1))</p>\n"),  # an unsafe link is no link
    ("\u3000\u3000首行缩进", "<p>首行缩进</p>\n"),
])
def test_bodies_typed_by_hand(text: str, html: str) -> None:
    assert str(markdown(text)) == html
