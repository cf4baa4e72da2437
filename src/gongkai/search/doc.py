"""SearchDoc: what the site build tells the index about one page, and how it is kept in the index's files."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gongkai.characters import lettered
from gongkai.search import files
from gongkai.search.tokens import units

KINDS = ("record", "item", "town", "page")
# The filters the search page offers, in its order; a SearchDoc names its value for each (or leaves it out).
FILTERS = ("领域", "五公开", "公开主体", "年份")


@dataclass(frozen=True)
class SearchDoc:
    """One page for the index: only text the page shows, and never the names in a 公示 list."""

    url: str  # site-relative, e.g. "records/R2026-001.html"
    title: str
    date: dt.date | None = None
    doc_number: str | None = None  # 文号
    index_number: str | None = None  # 索引号
    text: str = ""  # the plain text the page shows: body, item contents …; "" for a page listing people
    filters: dict[str, str] = field(default_factory=dict)  # 领域, 五公开, 公开主体, 年份
    kind: str = "page"  # record | item | town | page
    empty: bool = False  # nothing published on it yet: never ranks above a page with content
    pinyin_terms: Sequence[str] = ()  # titles and item names also findable by pinyin (full and initials)
    lapsed: bool = False  # a document no longer in force (失效, 废止, 已修改): after one in force that matches as well

    @property
    def head(self) -> str:
        """The fields a match in which ranks first: title, 文号, 索引号 (one per line, so no key spans two), and the
        索引号 as it is typed without its separators (350524MZ202600007 for 350524-MZ-2026-00007: search.js marks it
        so), when that cuts it otherwise."""
        compact = "".join(units(self.index_number)) if self.index_number else ""
        if compact and units(compact) == units(self.index_number or ""):
            compact = ""
        return "\n".join(p for p in (self.title, self.doc_number, self.index_number, compact) if p)

    @property
    def is_nav(self) -> bool:
        """A page of the directory itself (an item, a town, a guide) rather than one document."""
        return self.kind != "record"


def digest(doc: SearchDoc, text: bytes | None = None) -> str:
    """A hash of everything the index keeps of *doc* (*text*: text_entry(doc) as JSON, when already made), in 24
    letters a–p: written in hexadecimal it could end in a run of decimal digits (bafbecf60635511781874857) that the
    output scan rightly reads as a bank card glued to a word — one page in a few thousand stopped the build."""
    text = text if text is not None else files.dumps(text_entry(doc))
    return lettered(hashlib.blake2b(files.dumps(meta_entry(doc)) + b"\n" + text, digest_size=12).hexdigest())


def meta_entry(doc: SearchDoc) -> list[Any]:
    """What a result shows (kept in the small group files the browser loads for the results it lists)."""
    return [doc.url, doc.title, doc.date.isoformat() if doc.date else "", doc.doc_number or "", doc.kind,
            1 if doc.empty else 0, 1 if doc.lapsed else 0]


def text_entry(doc: SearchDoc) -> dict[str, Any]:
    """The rest of *doc* (one small file per page, loaded for the snippet of a result that is shown)."""
    entry: dict[str, Any] = {"x": doc.text}
    if doc.index_number:
        entry["i"] = doc.index_number
    if doc.filters:
        entry["f"] = dict(doc.filters)
    if list(doc.pinyin_terms) != [doc.title]:
        entry["p"] = list(doc.pinyin_terms)
    return entry


def from_entries(meta: list[Any], text: dict[str, Any]) -> SearchDoc:
    """The SearchDoc that meta_entry() and text_entry() were made from."""
    url, title, date, doc_number, kind, empty, lapsed = meta
    return SearchDoc(
        url=url, title=title, date=dt.date.fromisoformat(date) if date else None, doc_number=doc_number or None,
        index_number=text.get("i"), text=text.get("x", ""), filters=dict(text.get("f", {})), kind=kind,
        empty=bool(empty), lapsed=bool(lapsed), pinyin_terms=tuple(text.get("p", [title])),
    )
