"""The site's pages as gongkai.search documents: the text each page shows, never the names of a 公示 list."""

from __future__ import annotations

import re

from gongkai.model import Item, Record
from gongkai.model.agency import Unit
from gongkai.search import SearchDoc
from gongkai.site.attachments import Link
from gongkai.site.context import SiteData

# Markdown to the text a reader sees: links and images keep their text, table cells become lines of their own
# (so that no search key spans two cells), markup characters go.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}[-:| \t]*$", re.MULTILINE)
_MARKUP = re.compile(r"[*_`#>~]+")


def plain(markdown: str | None) -> str:
    """The text of a Markdown body as a reader sees it (cheaply: rendering every body would double a build)."""
    if not markdown:
        return ""
    text = _RULE.sub("", _LINK.sub(r"\1", markdown))
    return _MARKUP.sub(" ", text.replace("|", "\n"))


def search_docs(data: SiteData, attachments: dict[str, list[Link]]) -> list[SearchDoc]:
    """Every page the search finds: records, items, towns and the 依申请公开 guide."""
    docs = [_record(data, r, attachments.get(r.id, [])) for r in data.records]
    docs += [_item(data, i) for i in data.items]
    docs += [_town(data, t) for t in data.towns]
    docs.append(_apply(data))
    return docs


def _filters(item: Item | None) -> dict[str, str]:
    return {"领域": item.domain, "五公开": item.five, "公开主体": item.publisher} if item else {}


def _record(data: SiteData, record: Record, files: list[Link]) -> SearchDoc:
    item = data.item_by_id.get(record.item or "")
    listed = record.id in data.unsearchable  # a list of people: its title only, never its body
    text = "" if listed else "\n".join([plain(record.body), *(f.name for f in files)])
    day = record.published or record.formed
    return SearchDoc(url=f"records/{record.id}.html", title=record.title, date=day, doc_number=record.doc_number,
                     index_number=record.index_number, text=text, filters={**_filters(item), "年份": str(day.year)},
                     kind="record", pinyin_terms=(record.title,))


def _item(data: SiteData, item: Item) -> SearchDoc:
    lines = [item.domain, item.five, *item.contents, *item.basis, item.deadline, item.publisher,
             "、".join(item.channels), item.audience, item.mode, "、".join(item.levels), data.unit_name(item.unit)]
    return SearchDoc(url=f"items/{item.id}.html", title=item.name, text="\n".join(lines), filters=_filters(item),
                     kind="item", empty=not data.by_item.get(item.id),
                     pinyin_terms=(item.name, *item.contents))


def _town(data: SiteData, town: Unit) -> SearchDoc:
    return SearchDoc(url=f"towns/{town.id}/index.html", title=town.name, text=town.phone or "", kind="town",
                     empty=not data.by_unit.get(town.id), pinyin_terms=(town.name,))


def _apply(data: SiteData) -> SearchDoc:
    desk = data.agency.requests
    lines = [data.agency.org.name, "依申请公开", "政府信息公开申请"]
    if desk is not None:
        lines += [desk.office, desk.address or "", desk.phone or "", desk.hours or "", "、".join(desk.ways)]
    lines += [i.name for i in data.items if i.mode == "依申请"]
    return SearchDoc(url="apply/index.html", title="依申请公开指南", text="\n".join(lines), kind="page",
                     pinyin_terms=("依申请公开指南",))
