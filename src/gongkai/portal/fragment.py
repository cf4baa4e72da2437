"""A record body as an HTML fragment another system can take in: rendered by the site's Markdown, then sanitised.

The site renders Markdown with raw HTML off; the fragment is cleaned again (nh3, an allow-list of tags and
attributes) because it leaves gongkai for a platform that trusts it: no script, style, event attributes or
comments get through, relative links become absolute under 网站.基础地址, and links or images pointing at any other
host are dropped (their text stays) so that nothing foreign is smuggled onto the portal (暗链).

A relative link is read as the site's page reads it: from the record's page (records/<编号>.html), so that
「../records/R2026-020.html」 and 「R2026-020.html」 open the same document on the portal as on the site (read from the
column's folder, the first left the column and the second named no page).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

import nh3
from markupsafe import Markup

from gongkai.catalog import Catalog
from gongkai.gate import Admission, hidden_names
from gongkai.model.agency import Agency
from gongkai.portal.address import column_address, record_address
from gongkai.privacy.columns import TablePeople, people_of
from gongkai.privacy.mask import mask_names
from gongkai.privacy.titles import enumerated_names, listed_title_names
from gongkai.site.record_links import WebDay, record_links
from gongkai.site.render import markdown

TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td", "a", "img",
})
ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "ol": {"start"},
              "th": {"colspan", "rowspan", "scope"}, "td": {"colspan", "rowspan"}}
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
LINKING = {("a", "href"), ("img", "src")}
SUMMARY_LENGTH = 120
_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_SPACE = re.compile(r"\s+")
# nh3 writes tags in one normal form, so these match what it leaves behind once an address was dropped.
_BARE_LINK = re.compile(r"<a>(.*?)</a>", re.DOTALL)
_BARE_IMAGE = re.compile(r'<img(?: alt="([^"]*)")?(?: title="[^"]*")?>')
TABLES = re.compile(r"<table\b.*?</table>", re.DOTALL)  # each table of a fragment, whole
_ROW = re.compile(r"<tr\b.*?</tr>", re.DOTALL)
_CELL = re.compile(r"<t[hd]\b[^>]*>(.*?)</t[hd]>", re.DOTALL)
_MARKUP = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Fragment:
    """The sanitised HTML and the addresses that were taken out of it."""

    html: str
    removed: tuple[str, ...] = ()


def body_fragment(body: str | None, page: str | None) -> Fragment:
    """*body* (Markdown) as a safe HTML fragment whose links all stay on the portal; *page* is the absolute address
    of the record's page (portal.address.record_address), against which relative links are read, or None without a
    基础地址."""
    return _cleaned(markdown(body), page)


def record_fragment(admission: Admission, agency: Agency, day: WebDay) -> Fragment:
    """A record's body as the portal, the 公众号 and the 公示栏 carry it: each link to another record as the site's page
    shows it on the same *day* (site.record_links: the words alone when that record is not on the web, marked when no
    longer in force), each link to a file of the catalog the words alone unless the file is on the web that day (an
    attachment of a 公众号-only record, of a 公示 that has ended or of no record: a 404 at the column's address), then
    made safe as body_fragment makes it."""
    base = column_address(agency) or ""
    shown = record_links(markdown(admission.record.body), admission.id, admission.facts.links, day.records, base,
                         day.files)
    return _cleaned(shown, record_address(agency, admission.id), (base + "files/", day.files))


def _cleaned(rendered: Markup, page: str | None, files: tuple[str, frozenset[str]] | None = None) -> Fragment:
    """*rendered* made safe; with *files* (the column's files/ address, the catalog paths on the web), a link to a
    file under that address that is not on the web is dropped (its words stay)."""
    removed: list[str] = []

    def keep(element: str, attribute: str, value: str) -> str | None:
        if (element, attribute) not in LINKING:
            return value
        address = _on_portal(value, page)
        if address is None:
            removed.append(value)
        elif files is not None and address.startswith(files[0]) and _catalog_path(address, files[0]) not in files[1]:
            return None
        return address

    cleaned = nh3.clean(str(rendered), tags=set(TAGS), clean_content_tags={"script", "style"},
                        attributes=ATTRIBUTES, attribute_filter=keep, url_schemes=set(SCHEMES), link_rel=None,
                        strip_comments=True)
    cleaned = _BARE_IMAGE.sub(lambda m: m.group(1) or "", _BARE_LINK.sub(r"\1", cleaned))
    return Fragment(cleaned.strip(), tuple(removed))


def _catalog_path(address: str, folder: str) -> str:
    """The catalog path of the file *address* (under the column's *folder* files/) opens."""
    return "files/" + unquote(urlsplit(address).path[len(urlsplit(folder).path):])


def _on_portal(value: str, page: str | None) -> str | None:
    """The absolute address for *value*, read from *page*, when it stays on the portal (or is mailto:/tel:), else
    None."""
    parts = urlsplit(value)
    if parts.scheme in ("mailto", "tel"):
        return value
    if page is None:
        return None
    absolute = urljoin(page, value)
    target, home = urlsplit(absolute), urlsplit(page)
    if target.scheme not in ("http", "https") or target.netloc.lower() != home.netloc.lower():
        return None
    return absolute


def notice_fragment(text: str) -> Fragment:
    """A short notice (e.g. 公示已于…结束) as a fragment."""
    return Fragment(f"<p>{html.escape(text)}</p>")


def summary(fragment: Fragment, fallback: str, names: frozenset[str] = frozenset()) -> str:
    """概述: the text of the first paragraph, at most 120 characters, each of *names* masked (before it is cut: a name
    across the 120th character is masked too); *fallback* when there is none."""
    match = _PARAGRAPH.search(fragment.html)
    text = _SPACE.sub(" ", html.unescape(nh3.clean(match.group(1), tags=set()))).strip() if match else ""
    text = mask_names(text, names) if names else text
    if not text:
        return fallback
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"


def table_people(table: str) -> TablePeople:
    """What the HTML *table* (header first) tells of the people it lists, as the privacy scan reads a table."""
    rows = [[html.unescape(_MARKUP.sub("", cell)).strip() for cell in _CELL.findall(row)]
            for row in _ROW.findall(table)]
    return people_of(rows)


def names_given(catalog: Catalog, admission: Admission, fragment: str) -> frozenset[str]:
    """Every name of a person a record that lists people gives, to mask where its list is not shown (a 公众号 article,
    the portal directory's 概述): those its lists hold (the tables of its body *fragment* as a reader sees them,
    **陈水生** in bold among them; its attachments, as the gate reads them to mask its title), those its title gives
    as a 公示's does, those its text lists in a sentence. A name is said again in a sentence as often as not
    (现将陈水生、林玉燕等2户名单予以公示): read from the sentence alone, two names with nothing done to them are not
    found."""
    tables = frozenset(name for table in TABLES.findall(fragment) for name in table_people(table).names)
    return hidden_names(catalog, admission) | tables | enumerated_names(admission.record.body or "")


def masked_label(label: str, names: frozenset[str]) -> str:
    """An attachment's 名称 (or file name) of a record that lists people, as an output that does not show the list
    names it: each of *names* (names_given) masked, and each the label gives as a title does (陈水生、林玉燕申请材料,
    陈水生低保申请表: hostile pass 34 — a name said only there reached the 公众号 and, after the 公示, the portal's
    notice to delete the file)."""
    found = names | listed_title_names(label)
    return mask_names(label, found) if found else label
