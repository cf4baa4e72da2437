"""Text out of markup, as a reader (or anyone opening the file) sees it: HTML pages, Office XML, OFD, Markdown bodies.

Tags become separators; the ends of paragraphs, cells and rows become boundaries (NUL) that no number crosses,
so two neighbouring cells never read as one number; attribute values (links, titles, document properties) are
kept as text of their own; character references are decoded by the detector's normalization.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from gongkai.privacy.normalize import SEPARATE

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

BOUNDARY = SEPARATE  # joins no digits («|» did once; now it joins them as the punctuation a person writes does)
# Elements that end a block for a reader: HTML blocks and cells, Word paragraphs and cells (w:p, w:tc), DrawingML
# paragraphs (a:p), spreadsheet cells, rows and shared strings (c, row, si), comments.
_BLOCKS = frozenset({
    "p", "div", "td", "th", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "section",
    "article", "header", "footer", "nav", "main", "aside", "blockquote", "pre", "dt", "dd", "dl", "title", "option",
    "caption", "thead", "tbody", "tfoot", "figure", "figcaption", "form", "script", "style", "meta", "link", "head",
    "body", "html", "entry", "item", "url", "loc", "lastmod", "summary", "updated", "published", "id", "name", "uri",
    "tc", "c", "row", "si", "comment", "author", "textobject", "property", "text", "f", "definedname", "v",
    "cp:keywords", "dc:title", "dc:subject", "dc:creator", "dc:description",
})
# A comment, a processing instruction and a declaration (<!DOCTYPE, <!ENTITY …>) show nothing on the page, but they
# are in the file, which anyone opens with unzip and Notepad: their text is read as an attribute value is, on its own.
_TAG = re.compile(r"<!--(.*?)-->|<!\[CDATA\[(.*?)\]\]>|<(/?)([A-Za-z_][\w:.-]*)([^<>]*)>|<([?!][^<>]*)>", re.DOTALL)
# (a value without quotes too, as HTML allows and a browser shows it: <a title=13805951234>)
_ATTRIBUTE = re.compile(r"""[\w:.-]+\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_SPACES = re.compile(r"[ \t\r\n]{2,}")
_SKIPPED_ATTRIBUTES = re.compile(r"^(?:xmlns|xml:space|w:rsid|r:id|w14:|style|class|mc:)")


def markup_text(markup: str) -> str:
    """The text of an HTML or XML document: tags as separators, block ends as boundaries; the attribute values
    (links, titles, document properties) follow the text, each on its own."""
    values: list[str] = []
    # Word splits a number into runs whenever formatting, spell-checking or a bookmark changes: the tags between two
    # runs are one separator, however many there are.
    text = _SPACES.sub(" ", _TAG.sub(lambda match: _tag_text(match, values), markup))
    return text + "".join(f"{BOUNDARY}{v}" for v in values if v.strip())


def _tag_text(match: re.Match[str], values: list[str]) -> str:
    if match.group(2) is not None:  # CDATA: its text as written
        return match.group(2)
    name = match.group(4)
    if name is None:  # a comment, a processing instruction, a declaration: a text of its own
        values.append(match.group(1) if match.group(1) is not None else match.group(6)[1:])
        return " "
    if match.group(5):
        values.extend(_attribute_values(match.group(5)))
    local = name.lower().rsplit(":", 1)[-1]
    if local == "br":  # a line break within a paragraph: the lines read on, as a body's lines do (138<br>0595<br>1234)
        return "\n"
    if local in ("tab", "ptab"):  # a tab in Word (w:tab): read on, as a tab in a body is (138<w:tab/>0595<w:tab/>1234)
        return "\t"
    return BOUNDARY if local in _BLOCKS or name.lower() in _BLOCKS else " "


def _attribute_values(text: str) -> list[str]:
    found = []
    for match in _ATTRIBUTE.finditer(text):
        key = match.group(0).split("=", 1)[0].strip()
        if not _SKIPPED_ATTRIBUTES.match(key):
            found.append(next(value for value in match.groups() if value is not None))
    return found


# The asterisks of a masked value (138****5678, 35*************123, 陈*水) are Markdown's emphasis marks: unescaped,
# 138****8000 was shown as 138 and a bold 8000, and 陈*水，李*明 put 水，李 in italics — the reader saw a wrong number.
# A run of stars between letters or digits, three or more beside one, or one star inside a word is a mask; ** beside
# Chinese text (这是**重点**) stays bold. Code spans are left as written.
_MASK_STARS = re.compile(r"(?<=[0-9A-Za-z])\*+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z])\*{3,}|\*{3,}(?=[0-9A-Za-z])"
                         r"|(?<=[^\W_])(?<!\*)\*(?![\*\W_])")
_CODE_SPAN = re.compile(r"(`+)(?:.|\n)*?(?<!`)\1(?!`)")


def literal_masks(text: str) -> str:
    """*text* with the asterisks of masked values escaped, so that Markdown shows them as written."""
    if "*" not in text:
        return text
    kept, start = [], 0
    for span in _CODE_SPAN.finditer(text):
        kept += [_MASK_STARS.sub(_escaped, text[start:span.start()]), span.group(0)]
        start = span.end()
    kept.append(_MASK_STARS.sub(_escaped, text[start:]))
    return "".join(kept)


def _escaped(stars: re.Match[str]) -> str:
    return "\\*" * len(stars.group(0))


@cache
def body_parser() -> MarkdownIt:
    """The one Markdown parser of record bodies, the site's and the scan's (so the scan reads what a page shows):
    commonmark, raw HTML off (shown as text; unsafe link schemes refused), tables on, pictures never loaded, and a line
    break kept as one (<br />): a clerk's lines are not joined."""
    # Imported here: only a body with Markdown in it needs the parser (20 ms), not every run that scans one record.
    from markdown_it import MarkdownIt

    from mdit_py_plugins.footnote import footnote_plugin

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "breaks": True}).enable("table")
    md.add_render_rule("image", _picture)
    md.use(footnote_plugin, inline=False)
    md.add_render_rule("footnote_block_open", _notes_open)
    md.add_render_rule("footnote_anchor", _back_to_text)
    return md


# A footnote ([^1] in the text, 「[^1]: 《社会救助暂行办法》……」 below it: what pandoc writes for a Word footnote) is a
# note at the end of the body, linked both ways on the page. Read as CommonMark, the note was a link definition: the
# text showed 「^1」 linking to the note's words as an address (a 404), and the note itself was never shown.
def _notes_open(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    return '<hr class="footnotes-sep" />\n<section class="footnotes" aria-label="注释">\n<ol class="footnotes-list">\n'


def _back_to_text(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    ident = renderer.rules["footnote_anchor_name"](tokens, idx, options, env)
    if tokens[idx].meta["subId"] > 0:
        ident += f":{tokens[idx].meta['subId']}"
    return f' <a href="#fnref{ident}" class="footnote-backref">返回正文</a>'


# A picture in a body is never loaded by the page. One on another host is a request the site must not make (the
# reader's address goes to that host; DESIGN.md: nothing from other hosts); a data: picture is bytes no scan can read
# (a scanned 名单 is refused as an attachment, GK610, and would be published unread inside the page). The reader gets
# its name, and a link he may follow when it is an address on the web.
def _picture(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
    token = tokens[idx]
    alt = renderer.renderInlineAsText(token.children or [], options, env)
    label = html.escape(f"［图片：{alt}］" if alt.strip() else "［图片］", quote=False)
    source = str(token.attrGet("src") or "")
    if source.lower().startswith(("http://", "https://")):
        return f'<a href="{html.escape(source)}">{label}</a>'
    return label


# The page's title is its one h1, and a screen reader's list of headings must skip no level (WCAG 1.3.1): a body's
# headings, however it numbers them (「# 一、总体情况」 from a Word outline, 「### 附件说明」 typed alone, 「#」 then
# 「####」), take their places under the title: the first at h2, each one level below the nearest heading above it of
# a higher level in the body, or at that heading's level when the body gives it the same or a higher one (h6 at most).
_HEADING = re.compile(r"<(/?)h([1-6])>")


def under_title(body: str) -> str:
    """Rendered body HTML with its headings under the page's h1, none more than one level below the one before."""
    if "<h" not in body:
        return body
    above: list[int] = []  # the body's own levels of the headings the next one may sit under
    shown = 2

    def placed(match: re.Match[str]) -> str:
        nonlocal shown
        if not match.group(1):
            level = int(match.group(2))
            while above and above[-1] >= level:
                above.pop()
            shown = min(len(above) + 2, 6)
            above.append(level)
        return f"<{match.group(1)}h{shown}>"

    return _HEADING.sub(placed, body)


# A table typed in a body has its headings in its first row only (Markdown has no other): each names its column, so
# that a screen reader says 「调整后」 before each amount it reads (GB/T 37668 asks a data cell to be tied to its
# heading). Raw HTML in a body is escaped, so every <th here is one the renderer wrote.
_HEADER_CELL = re.compile(r"<th(?=[\s>])")


def column_headings(body: str) -> str:
    """Rendered body HTML whose table heading cells each say they head their column (scope="col")."""
    return _HEADER_CELL.sub('<th scope="col"', body)


# A paragraph that Word's first-line indent begins with a tab would be an indented code block to Markdown: set in
# monospace, and on a phone one line that scrolls sideways. Inside a list the tab nests a line; at the margin a list
# item or a quote tabbed in is one still.
_OTHER_BLOCK = re.compile(r"(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|>")
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
CHINESE_INDENT = "\u3000\u3000"


def page_source(text: str) -> str:
    """A Markdown body as the site hands it to the renderer (the scan reads the same): the stars of masked values
    escaped (literal_masks), and a block begun with tabs at the left margin (after a blank line or a heading, outside
    a list and a fenced block) not a code block: a paragraph begins with the Chinese first-line indent (two ideographic
    spaces), a list item or quote at the margin."""
    return _tab_indents(literal_masks(text))


def _tab_indents(text: str) -> str:
    if "\t" not in text:
        return text
    lines = text.split("\n")
    fence: str | None = None
    in_list = False
    number = 0
    while number < len(lines):
        line = lines[number]
        opening = _FENCE.match(line)
        stripped = line.lstrip(" \t")
        before = lines[number - 1].strip() if number else ""
        if fence is not None:  # inside a fenced block: as written, up to its closing fence
            fence = None if opening is not None and opening.group(1)[0] == fence else fence
        elif opening is not None:
            fence = opening.group(1)[0]
        elif line[:1] == "\t" and stripped and not in_list and (not before or before.startswith("#")):
            # the block's lines carry the same tabs (Word indents each line of a tabbed list): all come to the margin
            tabs = line[:len(line) - len(line.lstrip("\t"))]
            other = _OTHER_BLOCK.match(stripped) is not None  # a list item or quote tabbed in
            lines[number] = stripped if other else CHINESE_INDENT + stripped
            while number + 1 < len(lines) and lines[number + 1].strip() and lines[number + 1].startswith(tabs):
                number += 1
                lines[number] = lines[number][len(tabs):]
            in_list = other
        elif stripped and line == stripped:  # a line at the margin: a list starts, or any other block ends one
            in_list = _OTHER_BLOCK.match(line) is not None
        number += 1
    return "\n".join(lines)


# A link of a rendered body: its address (the renderer quotes every address with «"», and writes «"» in one as &quot;)
# and its words
RENDERED_LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)


def render_markdown(text: str) -> str:
    """A Markdown body as the site renders it (HTML)."""
    return column_headings(under_title(str(body_parser().render(page_source(text)))))


def markdown_blocks(text: str) -> Iterator[tuple[int, str]]:
    """(0-based source line, reader's text) of every block of a Markdown body, as rendered and with tags stripped.

    What a reader sees can differ from the source: emphasis, code spans, escapes, links and entities split or hide
    a number in the source that the rendered page shows whole. A line break stays a line break in the text (the page
    shows one; the detector joins over it), so a finding's line is the block's plus the breaks before.
    """
    from markdown_it.utils import OptionsDict

    md = body_parser()
    # a line break as the source's own «\n», not «<br />\n» (which markup_text reads as one space): a finding's line
    settings = dict(md.options.items())
    settings["breaks"] = False
    options = OptionsDict(settings)  # type: ignore[arg-type]
    for token in md.parse(page_source(text)):
        line = token.map[0] if token.map else 0
        if token.type == "inline" and token.children is not None:
            rendered = md.renderer.renderInline(token.children, options, {})  # type: ignore[attr-defined]
            yield line, markup_text(rendered)
        elif token.type in ("fence", "code_block"):
            yield line + (1 if token.type == "fence" else 0), token.content
