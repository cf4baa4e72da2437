"""A 正文's links to other records of the column, as a reader can follow them on the day.

One rule for every exit that carries a body — the record's page on the site, the county portal's fragment and 概述,
the 公众号 article, the 公示栏 sheet and its 电子屏 slides: a link to a record that is not on the web that day
(withdrawn, not yet published, never 主动公开, no such 编号) is the words alone (a 404 on the portal, an
inspector's 错链, and nothing tells whether a non-public record exists); a link to one no longer in force is marked
【废止】/【失效】/【已修改】. A link to a file of the catalog (../files/2026/指南.pdf) is the words alone unless the file is
on the web that day (the attachment of a record on the web that shows its content: the site copies no other file).
A link is read as the gate reads it (privacy.links): 「files/2026/指南.pdf」 written as the 附件 is, 「./files/…」 and
「/files/…」 mean the catalog's file, 「records/R2026-003.html」 and 「/records/…」 the record's page; such a link is
given the address that opens it from the record's page (../files/…, R2026-003.html) — as written it is a 404 (the
page is in records/, and 「/…」 opens the portal's root, not the column's).
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import quote, unquote, urljoin, urlsplit

from markupsafe import Markup

from gongkai.gate import Admission, Gate, Output
from gongkai.privacy.links import FOLDER, PAGE, path_of
from gongkai.privacy.markup import RENDERED_LINK

SELF = "https://site.invalid/"  # a stand-in host to resolve the body's relative links from the record's page


def record_links(body: Markup, record_id: str, links: Collection[str], on_web: Mapping[str, Admission],
                 base_url: str, files: Collection[str] | None = None) -> Markup:
    """*body* (rendered) with each link to a record's page of the column (「R2026-020.html」「../records/…」, the
    column's full address under *base_url*) as the reader can follow it: the words alone when that record is not in
    *on_web* (编号 → the records on the web that day), marked when no longer in force. *links* are the 编号 the body
    may link (Facts.links): an address spelt otherwise is kept as written. With *files* (the catalog paths on the web
    that day: files_shown), a link to the column's files/ is the words alone when its file is not among them. A link
    that means the record or the file but would not open it from the page is given the address that does."""
    page = f"{SELF}records/{record_id}.html"

    def shown(match: re.Match[str]) -> str:
        address = html.unescape(match.group(1))
        on_portal = SELF + address.removeprefix(base_url) if base_url and address.startswith(base_url) else None
        # what the address opens as written (「/files/…」 opens the portal's root, not the column's), and what it means
        rooted = address.startswith("/") and not address.startswith("//")
        opened = on_portal or ("" if rooted else urljoin(page, address))
        meant = _meant(address)
        # (FILES/… as the clerk's Windows Explorer may show the folder)
        in_folder = meant if meant and meant[:6].casefold() == FOLDER else None
        if files is not None and ((path := _file_of(opened)) or (path := in_folder)):
            if path not in files:
                return match.group(2)
            return match.group(0) if path == _file_of(opened) else _addressed(match, "../" + quote(path))
        linked = _record_of(opened)
        if linked is None and meant and (found := PAGE.fullmatch(meant)):
            linked = found.group(1)
        if linked is None or linked not in links:
            return match.group(0)
        if (admission := on_web.get(linked)) is None:
            return match.group(2)
        link = match.group(0) if linked == _record_of(opened) else _addressed(match, f"{linked}.html")
        return link + ("" if admission.in_force else f' <span class="invalid">【{admission.validity}】</span>')

    return Markup(RENDERED_LINK.sub(shown, body))


def _meant(address: str) -> str | None:
    """The path in the column a relative *address* means, read as the gate reads the body's links (privacy.links):
    files/2026/名单.pdf for 「files/2026/名单.pdf」 written as the 附件 is (from the record's page that opens
    records/files/…, a 404), 「./files/…」 or 「/files/…」 (the portal's root, not the column's); records/R2026-003.html
    for 「records/R2026-003.html」. None for an address with a scheme or a host."""
    parts = urlsplit(address)
    return None if parts.scheme or parts.netloc else path_of(address)


def _addressed(match: re.Match[str], address: str) -> str:
    """The link *match* with its address replaced by *address* (already quoted), keeping the place in it the link was
    written with: 「files/2026/指南.pdf#page=3」 opens the guide at page 3, 「records/R2026-003.html#fj」 at the heading
    (hostile pass 37, review: the address given dropped it, the reader landed at the top)."""
    text = str(match.string)  # (a Markup would escape what is added to it)
    place = urlsplit(html.unescape(match.group(1))).fragment
    address += f"#{place}" if place else ""
    return text[match.start(0):match.start(1)] + html.escape(address) + text[match.end(1):match.end(0)]


def _file_of(address: str) -> str | None:
    """The catalog path (files/…) of the file *address* opens in the column, else None."""
    return unquote(urlsplit(address).path)[1:] if address.startswith(f"{SELF}files/") else None


def files_shown(admissions: Iterable[Admission]) -> frozenset[str]:
    """The files on the web among the attachments of *admissions* (the records on the web): those of the records that
    show their content, as the site copies them (catalog paths)."""
    return frozenset(path for a in admissions if a.shows_content for path in a.facts.attachments)


def _record_of(address: str) -> str | None:
    """The 编号 of the record page *address* opens in the column, else None."""
    if not address.startswith(SELF):
        return None
    path = unquote(urlsplit(address).path)
    found = re.fullmatch(r"/records/([A-Za-z0-9][A-Za-z0-9._-]*)\.html", path)
    return found.group(1) if found else None


@dataclass(frozen=True)
class WebDay:
    """What is on the web on a day, as a body's links may open it: the records (编号 → admission) and the files (the
    attachments of those that show their content, as the site copies them: catalog paths)."""

    records: dict[str, Admission]
    files: frozenset[str]


def web_records(gate: Gate) -> WebDay:
    """What is on the web on the gate's day."""
    records = {admission.id: admission for admission in gate.to(Output.WEB)}
    return WebDay(records, files_shown(records.values()))
