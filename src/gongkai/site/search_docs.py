"""What each page gives the search index: its title, date, 文号, 索引号, text and filters."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from gongkai.days import chinese_day
from gongkai.gate import Admission
from gongkai.model import Item
from gongkai.search import SearchDoc
from gongkai.site.data import SiteData
from gongkai.site.render import without_overrides


def filters_of(item: Item | None, year: int | None = None) -> dict[str, str]:
    found = {"领域": item.domain, "五公开": item.five, "公开主体": item.publisher} if item else {}
    if year:
        found["年份"] = str(year)
    return found


def record_doc(data: SiteData, admission: Admission, item: Item | None, text: str,
               attachments: Sequence[str] = ()) -> SearchDoc:
    """A record page: never called for lists of people, which are not indexed. *attachments*: the names its 附件
    section shows, each a line of the text (a reader finds 「资金分配表」 that only an attachment is named)."""
    record = admission.record
    published = record.published
    text = "\n".join([text, *(f"附件：{name}" for name in attachments), *dates_shown(record.formed, published)])
    # a reader of the results must not take a lapsed document for the one in force
    title = record.title if admission.in_force else f"{record.title}【{admission.validity}】"
    return shown(SearchDoc(f"records/{record.id}.html", title, published, record.doc_number, record.index_number,
                           text, filters_of(item, published.year if published else None), "record", False,
                           (record.title,), not admission.in_force))


def dates_shown(formed: dt.date, published: dt.date | None) -> list[str]:
    """The dates a record's 文件信息 table shows, each a line as the page writes it (成文日期：2026年6月24日): a reader who
    searches 2026年6月26日 (or 2026-06-26) finds the documents published that day, whose results show that date."""
    return [f"{label}：{chinese_day(day)}" for label, day in (("成文日期", formed), ("公开日期", published)) if day]


def item_doc(item: Item, records: int, note: str) -> SearchDoc:
    """An item page: its name, contents and basis; empty when no record is published under it."""
    text = "\n".join([*item.contents, *item.basis, item.publisher, note])
    return shown(SearchDoc(f"items/{item.id}.html", item.name, None, None, None, text, filters_of(item), "item",
                           records == 0, (item.name, *item.contents)))  # pinyin: dibao finds 低保对象名单 in contents


def page_doc(url: str, title: str, text: str, empty: bool = False) -> SearchDoc:
    """A page of the column (指南, 乡镇 …)."""
    return shown(SearchDoc(url, title, None, None, None, text, {}, "page", empty, (title,)))


def shown(doc: SearchDoc) -> SearchDoc:
    """*doc* as its page shows it: without the bidi overrides and isolates that every published file drops
    (render.without_overrides). The index is published too, and a result's title and snippet are laid out by the
    reader's browser: 附表 U+202E fdp.exe would read 「附表exe.pdf」 there, as the page never lets it."""
    def clean(value: str | None) -> str | None:
        return without_overrides(value) if value else value

    return dataclasses.replace(
        doc, title=without_overrides(doc.title), doc_number=clean(doc.doc_number),
        index_number=clean(doc.index_number), text=without_overrides(doc.text),
        filters={k: without_overrides(v) for k, v in doc.filters.items()},
        pinyin_terms=tuple(without_overrides(t) for t in doc.pinyin_terms))
