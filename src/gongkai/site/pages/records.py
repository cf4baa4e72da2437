"""A record's page on the website and the attachments it links, for every record the gate admits to the web."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.gate import Admission
from gongkai.site.artifact import Artifact, admitted, page
from gongkai.site.attachments import Link, links_of
from gongkai.site.data import SiteData
from gongkai.site.render import markdown, plain_text
from gongkai.site.search_docs import record_doc

ENDED_NOTE = "公示已于{end}结束。按照规定，公示期满后名单不再在网站上公开。"


@dataclass(frozen=True)
class FileSource:
    """Where the build reads an attachment from: the catalog folder on disk, or bytes from a git revision."""

    root: Path | None
    read: Any  # Callable[[str], bytes]
    identity: Any  # Callable[[str], str]: a content identity of the file (hash, or git's stat rules)


def record_artifacts(data: SiteData, common: dict[str, Any], files: FileSource) -> Iterator[Artifact]:
    """Every admitted web record's page, and each attachment it shows (once, however many records link it)."""
    shown: dict[str, Link] = {}
    for admission in data.records:
        links = links_of(admission.record) if admission.shows_content else []
        for link in links:
            shown.setdefault(link.path, link)
        yield record_page(data, admission, links, common)
    for path in sorted(shown):
        yield attachment(path, files)


def record_page(data: SiteData, admission: Admission, links: list[Link], common: dict[str, Any]) -> Artifact:
    """records/<id>.html: the document, its metadata, 有效性, relations; a short notice once its 公示 has ended."""
    record = admission.record
    related = {
        "interpretations": data.related(record.interpretations),
        "forwarded": data.related([record.forwards] if record.forwards else []),
        "interprets": data.interpreted.get(record.id, []),
        "replacement": [r for r in [data.replacement(admission)] if r is not None],
        "predecessors": data.predecessors(admission),
    }
    inputs = (
        data.inputs[admission.id],
        f"item:{record.item}:{data.blob('item', record.item)}",
        *(f"{name}:{','.join(admitted(group, data.inputs)) if group else ''}" for name, group in related.items()),
        *(f"file:{link.path}" for link in links),
    )
    item = data.item_by_id.get(record.item or "")
    made: dict[str, Any] = {}

    def context() -> dict[str, Any]:
        if not made:  # the page and its search entry share one rendering of the Markdown
            body = markdown(record.body) if admission.shows_content else None
            made.update(admission=admission, record=record, item=item, body=body, files=links,
                        unit=data.unit_name(record.unit), ended_note=_ended(admission), **related)
        return made

    search = None if admission.lists_people else (lambda: record_doc(data, admission, item, plain_text(context()["body"])))
    return page(f"records/{record.id}.html", "record.html", inputs, context, common,
                sitemap=not admission.lists_people, search=search)


def _ended(admission: Admission) -> str | None:
    if admission.shows_content or admission.notice_end is None:
        return None
    end = admission.notice_end
    return ENDED_NOTE.format(end=f"{end.year}年{end.month}月{end.day}日")


def attachment(path: str, files: FileSource) -> Artifact:
    """A copy of an attachment, keyed by its content, so an edit that keeps size and mtime is still copied."""
    return Artifact(path, (f"content:{files.identity(path)}",), lambda: files.read(path))
