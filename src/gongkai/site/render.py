"""Templates and Markdown: one jinja2 environment with autoescape, one Markdown renderer with raw HTML off."""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

import cmarkgfm
import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from gongkai.days import chinese_day
from gongkai.model.contacts import Link, email_spans, phone_spans
from gongkai.privacy.markup import body_parser, column_headings, page_source, under_title
from gongkai.site.fingerprint import TEMPLATES



@cache
def environment() -> jinja2.Environment:
    """The site's jinja2 environment: every value is escaped unless a template says otherwise."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("gongkai", TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # the templates ship with gongkai: not asked again for their modification time each page
    )
    env.filters["cn_date"] = cn_date
    env.filters["phones"] = phone_links
    env.filters["emails"] = email_links
    env.globals["fragment"] = _fragment
    return env


@cache
def _template(name: str) -> jinja2.Template:
    """A template of the site, loaded once a process (jinja2's own lookup costs a lock and a cache walk per page)."""
    return environment().get_template(name)


@jinja2.pass_context
def _fragment(context: jinja2.runtime.Context, name: str) -> Markup:
    """A piece every page repeats (header, footer), rendered once per build and depth.

    It reads only the site and the page's depth (root): the build's shared context carries a dict "fragments" for
    them (one per build, so nothing outlives it); a page rendered without one renders the piece itself.
    """
    root, site = context["root"], context["site"]
    made: dict[tuple[str, str], Markup] | None = context.get("fragments")
    found = made.get((name, root)) if made is not None else None
    if found is None:
        found = Markup(_template(name).render(root=root, site=site))
        if made is not None:
            made[(name, root)] = found
    return found


def cn_date(day: dt.date | None) -> str:
    """2026-05-26 → 2026年5月26日."""
    return chinese_day(day) if day else ""


def _markdown() -> MarkdownIt:
    """The body parser markdown-it-py: gongkai.privacy.markup's, so that the scan reads what the page shows."""
    return body_parser()


def markdown(text: str | None) -> Markup:
    """A record body rendered from Markdown; raw HTML in it is escaped, never passed through; its headings sit under
    the page's title and its pictures are named and linked, never loaded."""
    return Markup(column_headings(under_title(_rendered(page_source(text or "")))))


def _rendered(text: str) -> Markup:
    """*text* through cmark where it writes markdown-it-py's HTML (the reference), else through markdown-it-py."""
    if _plain().search(text) is None and _EMPTY_ITEM.search(text) is None:
        return Markup(cmarkgfm.markdown_to_html(text, _HARDBREAKS))  # the same HTML, ~15× faster (C)
    return Markup(_markdown().render(text))


# Most bodies are paragraphs, headings and lists of Chinese text: on those cmark (C) writes exactly the HTML that
# markdown-it-py writes (tests/test_site_markdown.py compares them on the catalogs and on generated text). They part
# on raw HTML (<), links and their schemes ([ ]), tables (|), entities (&), escapes, code spans, emphasis runs (* _),
# Unicode spaces and symbols (CommonMark 0.29 against 0.31), tabs and CR, and a list item that starts empty: a
# body holding any of these goes to markdown-it-py, the reference.
# A line break in a body is a line break on the page (联系人、电话、地址 each on its own line, as the clerk typed them in
# Notepad), not a space as CommonMark has it: markdown-it-py's «breaks» (privacy.markup.body_parser), cmark's HARDBREAKS.
_HARDBREAKS = cmarkgfm.cmark.Options.CMARK_OPT_HARDBREAKS
_PLAIN_RANGES = [(0x00C0, 0x024F), (0x2010, 0x205E), (0x3001, 0x303F), (0x3400, 0x4DBF), (0x4E00, 0x9FFF),
                 (0xFF01, 0xFF5E)]
_EMPTY_ITEM = re.compile(r"^ *(?:[-+]|[0-9]+[.)]) *$", re.MULTILINE)


@cache
def _plain() -> re.Pattern[str]:
    """Finds a character outside the text on which both renderers agree: letters, digits and punctuation."""
    wide = "".join(chr(c) for low, high in _PLAIN_RANGES for c in range(low, high + 1)
                   if unicodedata.category(chr(c))[0] in "LNP")
    return re.compile(f"[^\\x20-\\x7e\\n{re.escape(wide)}]|[<>\\[\\]|&\\\\~`*_]")


# A table written in a body is as wide as its columns: on a phone it scrolls inside its own frame, which a keyboard can
# reach and a screen reader names, and the page itself never scrolls sideways (a 10-column 资金表 made it 900 px wide).
_BODY_TABLE = re.compile(r"<table>(.*?)</table>", re.DOTALL)
_WIDE_TABLE = Markup('<div class="scroll frame" role="region" aria-label="{}" tabindex="0"><table>{}</table></div>')


def scrolling_tables(body: Markup) -> Markup:
    """A rendered body with each table in a frame that scrolls sideways on its own; several frames are numbered, as
    a screen reader lists regions by their names."""
    several = body.count("<table>") > 1
    number = itertools.count(1)

    def frame(match: re.Match[str]) -> str:
        name = f"表格{next(number)}（可左右滑动）" if several else "表格（可左右滑动）"
        return _WIDE_TABLE.format(name, Markup(match.group(1)))

    return Markup(_BODY_TABLE.sub(frame, body))


def phone_links(text: str | None) -> Markup:
    """The filter |phones: the field as written, every number in it a tel: link (no link where there is none)."""
    return _linked(phone_spans(text))


def email_links(text: str | None) -> Markup:
    """The filter |emails: the field as written, every address in it a mailto: link."""
    return _linked(email_spans(text))


def _linked(spans: list[Link]) -> Markup:
    return Markup("").join(Markup('<a href="{}">{}</a>').format(s.href, s.text) if s.href else escape(s.text)
                           for s in spans)


_TAG = re.compile(r"<[^>]+>")
# Tags that end a block or a table cell: a line break in the plain text, which the search index takes as a break
# between units (no key spans two paragraphs, list items or cells: 临时救助 | 供养方式 holds no 救助供养)
_BLOCK = re.compile(r"</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|pre|table|caption|thead|tbody|tfoot|tr|td|th"
                    r"|hr|br)(?=[\s/>])[^>]*>", re.IGNORECASE)
_BLANKS = re.compile(r"\s+")


def plain_text(rendered: str | None) -> str:
    """The text a reader sees in rendered HTML: tags dropped, entities decoded, blank runs collapsed; one line for
    each paragraph, heading, list item and table cell."""
    if not rendered:
        return ""
    # a line break in the HTML source (a soft break inside a paragraph) is a space, as a browser shows it
    text = _BLOCK.sub("\n", _BLANKS.sub(" ", rendered))
    lines = (_BLANKS.sub(" ", html.unescape(_TAG.sub(" ", line))).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


# Bidi overrides and isolates reorder what follows them: 名单‮fdp.exe shows as 名单exe.pdf. Nothing in a catalog
# needs them (Chinese and Latin text lay themselves out) and no template holds one, so no page carries them: they are
# taken out of the page as a whole (one search), not out of each value put in it.
_OVERRIDES = re.compile("[\u202a-\u202e\u2066-\u2069]")


def without_overrides(text: str) -> str:
    """*text* without bidi overrides and isolates: what every published file (page, feed, export) carries."""
    return _OVERRIDES.sub("", text)


def render(template: str, context: dict[str, Any]) -> bytes:
    """One page as UTF-8 bytes."""
    return without_overrides(_template(template).render(context)).encode("utf-8")


@cache
def asset_names() -> list[str]:
    """The static assets shipped with the templates."""
    folder = resources.files("gongkai").joinpath(TEMPLATES, "assets")
    return sorted(entry.name for entry in folder.iterdir() if entry.is_file())


def asset(name: str) -> bytes:
    """A static asset shipped with the templates (CSS, the tiny script)."""
    return resources.files("gongkai").joinpath(TEMPLATES, "assets", name).read_bytes()
