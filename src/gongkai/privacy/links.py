"""The files of the catalog a record's body links to: a link shows a file as an attachment does (the gate holds back
a record linking a file no record may show; GK612 says so; the site links a file only when it is on the web).

A reader follows 详见[名单](../files/2026/名单.csv) to the copy on the site, the portal or the county's server, and so
does a search engine: the gate holds back a body that links a file no record may show, as it holds back a record that
attaches it. The links are read as the page's renderer writes them (privacy.markup: the one Markdown parser of
bodies), so that every form CommonMark makes a link of counts — a reference ([名单][1] … [1]: …), an autolink
(<https://…/files/2026/名单.csv>), an entity or an escape in the address — and, besides, as a pattern over the text,
which also finds an HTML href pasted into the body.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator, Mapping
from urllib.parse import unquote

from gongkai.privacy.attachments import same_file
from gongkai.privacy.markup import RENDERED_LINK, render_markdown

# A link in a Markdown body as written: [名单](../files/2026/名单.csv), <../files/…>, or an HTML href
_BODY_LINK = re.compile(r"\]\(\s*<?([^()\s<>]+)|<((?:\.\.?/|/)?files/[^<>\s]+)>|href\s*=\s*[\"']([^\"']+)",
                        re.IGNORECASE)
FOLDER = "files/"


def body_links(body: str | None) -> tuple[str, ...]:
    """Every address *body* links to, once, as a path: ../files/2026/%E5%90%8D%E5%8D%95.csv → files/2026/名单.csv,
    https://www.anxi.gov.cn/gkml/files/… → https:/www.anxi.gov.cn/gkml/files/…. The gate reads them once, when it
    decides on the record, and keeps them with its decision (Facts.addresses): the checks across records read a
    record kept from an earlier build's decision without its 正文."""
    return tuple(dict.fromkeys(path_of(address) for address in _addresses(body or "")))


def path_of(address: str) -> str:
    """*address* as a path, read as the gate reads a link: without its query and fragment, decoded, with 「\\」 for
    「/」, and without 「..」, 「.」 and empty parts (../files/2026/%E5%90%8D%E5%8D%95.csv, ./files/2026/名单.csv and
    /files/2026/名单.csv are all files/2026/名单.csv)."""
    target = unquote(address.split("#")[0].split("?")[0])
    return "/".join(part for part in target.replace("\\", "/").split("/") if part not in ("", ".", ".."))


# A record's page as a relative link means it, read as path_of reads the link: R2026-003.html, records/R2026-003.html;
# never the column's 首页 (../index.html, /index.html: the page the site has at its root, not a record's 编号 「index」;
# hostile pass 37, review: the link was given as words alone on every exit and GK909 asked to correct the 编号)
PAGE = re.compile(r"(?!(?i:index)\.html$)(?:records/)?([A-Za-z0-9][A-Za-z0-9._-]*)\.html")


def linked_pages(addresses: Iterable[str]) -> list[str]:
    """The 编号 of the record pages among a body's *addresses* (body_links): those a relative link means."""
    return [found.group(1) for address in addresses if (found := PAGE.fullmatch(address))]


def linked_paths(addresses: Iterable[str], known: Mapping[str, object]) -> list[str]:
    """The catalog paths of a body's *addresses* (body_links): those in files/ (../FILES/… as the county's Windows
    server opens it), and those of *known* (paths as same_file writes them) an address ends with
    (/gkml/files/2026/名单.csv, a link to the file on the portal)."""
    found: list[str] = []
    for link in addresses:
        found += [link] if link.casefold().startswith(FOLDER) else []
        found += [path for path in known if f"/{same_file(link)}".endswith(f"/{path}")]
    return found


def linked_files(addresses: Iterable[str]) -> list[str]:
    """The catalog paths a body's *addresses* (body_links) may open in the column: every tail of an address from a
    folder 「files」 on — more than the body links, never fewer (what depends on them: a page's inputs, GK612's keys)."""
    found = []
    for address in addresses:
        parts = address.split("/")
        found += ["/".join(parts[n:]) for n, part in enumerate(parts) if part.casefold() == "files"]
    return found


def shown_links(body: str | None) -> list[str]:
    """The addresses a reader can follow on *body*'s page, once each, as its renderer links them: an address in raw
    HTML (shown as text), in a code span or typed bare is words on the page, not a link."""
    if not body or ("[" not in body and "<" not in body):  # a CommonMark link is a bracket or an autolink
        return []
    return list(dict.fromkeys(html.unescape(link.group(1)) for link in RENDERED_LINK.finditer(render_markdown(body))))


def _addresses(body: str) -> Iterator[str]:
    """Every address *body* links to: as written, and as its rendered page links it."""
    for match in _BODY_LINK.finditer(body):
        yield next(group for group in match.groups() if group is not None)
    yield from shown_links(body)
