"""Text out of markup, as a reader (or anyone opening the file) sees it: HTML pages, Office XML, OFD, Markdown bodies.

Tags become separators; the ends of paragraphs, cells and rows become boundaries (「|」) that no number crosses,
so two neighbouring cells never read as one number; attribute values (links, titles, document properties) are
kept as text of their own; character references are decoded by the detector's normalization.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

BOUNDARY = "|"
# Elements that end a block for a reader: HTML blocks and cells, Word paragraphs and cells (w:p, w:tc), DrawingML
# paragraphs (a:p), spreadsheet cells, rows and shared strings (c, row, si), comments.
_BLOCKS = frozenset({
    "p", "div", "td", "th", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "section",
    "article", "header", "footer", "nav", "main", "aside", "blockquote", "pre", "dt", "dd", "dl", "title", "option",
    "caption", "thead", "tbody", "tfoot", "figure", "figcaption", "form", "script", "style", "meta", "link", "head",
    "body", "html", "entry", "item", "url", "loc", "lastmod", "summary", "updated", "published", "id", "name", "uri",
    "tc", "c", "row", "si", "comment", "author", "textobject", "property", "text", "f", "definedname", "v", "tab",
    "cp:keywords", "dc:title", "dc:subject", "dc:creator", "dc:description",
})
_TAG = re.compile(r"<!--.*?-->|<!\[CDATA\[(.*?)\]\]>|<(/?)([A-Za-z_][\w:.-]*)([^<>]*)>|<[?!][^<>]*>", re.DOTALL)
_ATTRIBUTE = re.compile(r"""[\w:.-]+\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SKIPPED_ATTRIBUTES = re.compile(r"^(?:xmlns|xml:space|w:rsid|r:id|w14:|style|class|mc:)")


def markup_text(markup: str) -> str:
    """The text of an HTML or XML document: tags as separators, block ends as boundaries, attribute values kept."""
    return _TAG.sub(_tag_text, markup)


def _tag_text(match: re.Match[str]) -> str:
    if match.group(1) is not None:  # CDATA: its text as written
        return match.group(1)
    name = match.group(3)
    if name is None:
        return " "
    local = name.lower().rsplit(":", 1)[-1]
    values = [v for v in (_attribute_values(match.group(4)) if match.group(4) else []) if v.strip()]
    extra = "".join(f"{BOUNDARY}{v}{BOUNDARY}" for v in values)
    if local in _BLOCKS or name.lower() in _BLOCKS:
        return BOUNDARY + extra
    return " " + extra if extra else " "


def _attribute_values(text: str) -> list[str]:
    found = []
    for match in _ATTRIBUTE.finditer(text):
        key = match.group(0).split("=", 1)[0].strip()
        if not _SKIPPED_ATTRIBUTES.match(key):
            found.append(match.group(1) if match.group(1) is not None else match.group(2))
    return found


@cache
def _markdown() -> MarkdownIt:
    # The site's configuration (gongkai.site.render): commonmark, raw HTML off, tables on. A test keeps them equal.
    return MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")


def render_markdown(text: str) -> str:
    """A Markdown body as the site renders it (HTML)."""
    return _markdown().render(text)


def markdown_blocks(text: str) -> Iterator[tuple[int, str]]:
    """(0-based source line, reader's text) of every block of a Markdown body, as rendered and with tags stripped.

    What a reader sees can differ from the source: emphasis, code spans, escapes, links and entities split or hide
    a number in the source that the rendered page shows whole.
    """
    md = _markdown()
    for token in md.parse(text):
        line = token.map[0] if token.map else 0
        if token.type == "inline" and token.children is not None:
            rendered = md.renderer.renderInline(_soft_breaks_as_spaces(token.children), md.options, {})
            yield line, markup_text(rendered)
        elif token.type in ("fence", "code_block"):
            yield line + (1 if token.type == "fence" else 0), token.content


def _soft_breaks_as_spaces(children: list[Token]) -> list[Token]:
    # A soft line break shows as a space: a number wrapped over two source lines is one number on the page.
    return [Token("text", "", 0, content=" ") if t.type == "softbreak" else t for t in children]
