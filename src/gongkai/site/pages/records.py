"""A record's page on the website and the attachments it links, for every record the gate admits to the web."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gongkai.days import chinese_day
from gongkai.gate import Admission
from gongkai.model.vocab import ANNUAL_REPORT_KIND, RULES_KIND
from gongkai.privacy.links import linked_files
from gongkai.publication.subject import subject_of
from gongkai.site.artifact import Artifact, admitted, page
from gongkai.site.attachments import links_of
from gongkai.site.carried import Carry
from gongkai.site.data import SiteData
from gongkai.site.pages.column import OTHERS, REPORTS, RULES
from gongkai.site.record_links import record_links
from gongkai.site.render import markdown, plain_text, scrolling_tables, without_overrides
from gongkai.site.search_docs import record_doc

ENDED_NOTE = "公示已于{end}结束。按照规定，公示期满后名单不再在网站上公开。"
# The part of the 61号 column that lists records of these kinds: a page of one leads back there, even when it also
# belongs to an item (it used to lead to the home page alone, then to the item: a reader who came from
# 政府信息公开年报 was led to 「政府信息公开 / 政府信息公开工作年度报告」, a page of the 标准目录 he had never seen).
KIND_COLUMNS = {RULES_KIND: (RULES, "政府信息公开制度"), ANNUAL_REPORT_KIND: (REPORTS, "政府信息公开年报")}
UNFILED = (OTHERS, "其他公开信息")  # any other record of no item (SiteData.unfiled) is listed there


@dataclass(frozen=True)
class FileSource:
    """Where the build reads an attachment from: the catalog folder on disk, or bytes from a git revision."""

    root: Path | None
    read: Any  # Callable[[str], bytes]
    identity: Any  # Callable[[str], str]: a content identity of the file (hash, or git's stat rules)


def record_artifacts(data: SiteData, common: dict[str, Any], files: FileSource,
                     carry: Carry | None = None) -> Iterator[Artifact]:
    """Every admitted web record's page, and each attachment it shows (once, however many records link it); with
    *carry*, a page that reads no other record and stands as the last build made it is carried over."""
    shown: set[str] = set()
    ids, keys = carry if carry is not None else (frozenset[str](), {})
    for admission in data.records:  # 100,000 times on every build
        facts = admission.facts
        if admission.shows_content:
            shown.update(facts.attachments)
        related = _related(data, admission)
        path = f"records/{facts.id}.html"
        if (related is NO_RELATIONS and not facts.links and facts.id in ids and (entry := keys.get(path)) is not None
                and not (facts.addresses and linked_files(facts.addresses))):
            yield _carried(data, admission, common, path, entry[0])
        else:
            yield record_page(data, admission, common, related)
    for path in sorted(shown):
        yield attachment(path, files)


def _carried(data: SiteData, admission: Admission, common: dict[str, Any], path: str, key: str) -> Artifact:
    """A record page carried over with *key*: declared in full only when it is made or indexed after all."""
    search = None if admission.lists_people else (lambda: _search(record_page(data, admission, common)))
    return Artifact(path, (), lambda: record_page(data, admission, common).make(), not admission.lists_people,
                    search, key)


def _search(artifact: Artifact) -> Any:
    return artifact.search() if artifact.search is not None else None


def record_page(data: SiteData, admission: Admission, common: dict[str, Any],
                related: dict[str, list[Admission]] | None = None) -> Artifact:
    """records/<id>.html: the document, its metadata, 有效性, relations; a short notice once its 公示 has ended.

    Its key is made from the record's facts; the record itself is read only when the page is made."""
    facts = admission.facts
    related = related if related is not None else _related(data, admission)
    inputs = (
        admission.token,
        f"item:{facts.item}:{data.blob('item', facts.item)}",
        *(NO_RELATIONS_READ if related is NO_RELATIONS else
          (f"{name}:{','.join(admitted(group)) if group else ''}" for name, group in related.items())),
        *(f"file:{path}" for path in (facts.attachments if admission.shows_content else ())),
        *(f"link:{linked}:{shown.token if (shown := data.by_id.get(linked)) else ''}" for linked in facts.links),
        *(f"file-link:{path}:{path in data.web_files}" for path in linked_files(facts.addresses)),
    )
    item = data.item_by_id.get(facts.item or "")
    made: dict[str, Any] = {}

    def context() -> dict[str, Any]:
        if not made:  # the page and its search entry share one rendering of the Markdown
            record = admission.record
            body = (scrolling_tables(record_links(markdown(record.body), facts.id, facts.links, data.by_id,
                                                  data.base_url, data.web_files)) if admission.shows_content else None)
            links = links_of(record) if admission.shows_content else []
            made.update(admission=admission, record=record, item=item, body=body, files=links,
                        column=KIND_COLUMNS.get(facts.kind) or (None if item else UNFILED),
                        unit=data.unit_name(record.unit), ended_note=_ended(admission),
                        subject=subject_of(data.agency, str(facts.kind), item), **related)
        return made

    search = None if admission.lists_people else (lambda: record_doc(
        data, admission, item, plain_text(context()["body"]), [without_overrides(f.name) for f in context()["files"]]))
    return page(f"records/{facts.id}.html", "record.html", inputs, context, common,
                sitemap=not admission.lists_people, search=search)


# What a record page shows of related records; most records have none (read once, not 100,000 times)
NO_RELATIONS: dict[str, list[Admission]] = {"interpretations": [], "forwarded": [], "interprets": [], "replacement": [],
                                            "predecessors": []}
NO_RELATIONS_READ = tuple(f"{name}:" for name in NO_RELATIONS)


def _related(data: SiteData, admission: Admission) -> dict[str, list[Admission]]:
    """The web records a record page links: its 解读, what it forwards, what it explains, what replaced it, what it
    replaced (named on either side)."""
    facts = admission.facts
    if not (facts.interpretations or facts.forwards or facts.replaced_by or facts.replaces
            or facts.id in data.interpreted or facts.id in data.replaced or facts.id in data.replacements.naming):
        return NO_RELATIONS
    return {
        "interpretations": data.related(facts.interpretations),
        "forwarded": data.related([facts.forwards] if facts.forwards else []),
        "interprets": data.interpreted.get(facts.id, []),
        "replacement": [r for r in [data.replacement(admission) or _explained_instead(data, admission)]
                        if r is not None],
        "predecessors": data.predecessors(admission),
    }


def _explained_instead(data: SiteData, admission: Admission) -> Admission | None:
    """The document in force in place of the one a lapsed 解读 explains (gate.interpreted), if one is out."""
    if admission.in_force:
        return None
    return next((found for document in data.interpreted.get(admission.id, [])
                 if (found := data.replacement(document)) is not None), None)


def _ended(admission: Admission) -> str | None:
    if admission.shows_content or admission.notice_end is None:
        return None
    end = admission.notice_end
    return ENDED_NOTE.format(end=chinese_day(end))


def attachment(path: str, files: FileSource) -> Artifact:
    """A copy of an attachment, keyed by its content, so an edit that keeps size and mtime is still copied."""
    return Artifact(path, (f"content:{files.identity(path)}",), lambda: files.read(path))
