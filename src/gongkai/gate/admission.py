"""One admitted record: the outputs it reaches, how it stands on the day, and the facts every list of it reads.

A list (the item's page, the home page, the feed, the keys of every page) reads only the record's *facts*; the record
itself (its body, tables, attachments' names) is read by the pages that show it. So an admission the gate remembers
from an earlier day (gongkai.gate.memo) reads its record's file only when a page asks for it: a build after one edit
reads one record of 100,000, not all of them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, NamedTuple

from gongkai.privacy.links import body_links
from gongkai.model import Item, Record
from gongkai.model.vocab import IN_FORCE
from gongkai.publication.standing import lapse
from gongkai.publication.channels import Output


class State(str, Enum):
    """How an admitted record stands on the day of the build."""

    CURRENT = "current"
    ENDED = "ended"  # its 公示 is over: the web keeps a short notice, the list and its attachments have left


class Facts(NamedTuple):
    """What lists and page keys read of an admitted record (as shown: a name its list holds is masked in the title)."""

    id: str
    title: str
    doc_number: str | None
    index_number: str | None
    published: dt.date
    item: str | None
    unit: str
    kind: str
    report_year: int  # the year an annual report reports on: 报告年度, else the year before it was formed
    interpretations: tuple[str, ...]
    forwards: str | None
    replaced_by: str | None
    replaces: tuple[str, ...]
    attachments: tuple[str, ...]  # the attachments' paths, in the record's order
    withdrawn: dt.date | None  # the day it is withdrawn (撤回), when that is after the day decided (gate.past reads it)
    lapse: tuple[str, dt.date] | None  # the 有效性 it takes (失效…) and from which day (gate.past reads it)
    # the 编号 its 正文 may link as 「<编号>.html」 (every such word: more than it links, never fewer): its page
    # shows each as a link, marked when no longer in force, or as words alone when that record is not on the web
    links: tuple[str, ...] = ()
    # every address its 正文 links to, as a path (privacy.links.body_links): the files it shows besides its attachments
    addresses: tuple[str, ...] = ()


# 「(R2026-020.html」「<./R2026-020.html」「../records/R2026-020.html」, a full address on the portal: the
# 编号 (model ObjectId) before .html where a link's address starts, or after 「./」 or 「records/」 (not
# 「content_5555.html」 of another website: a page that links none of the column's records is carried over)
_PAGE_WORD = re.compile(r"(?:^|(?<=[(<\s])|(?<=\./)|(?<=records/))([A-Za-z0-9][A-Za-z0-9._-]*)\.html",
                        re.IGNORECASE | re.MULTILINE)


def facts_of(record: Record) -> Facts:
    assert record.published is not None  # admitted: published by the day
    links = tuple(sorted({m for m in _PAGE_WORD.findall(record.body or "") if m != record.id}))
    return Facts(record.id, record.title, record.doc_number, record.index_number, record.published, record.item, record.unit, record.kind,
                 record.report_year or record.formed.year - 1, tuple(record.interpretations), record.forwards,
                 record.replaced_by, tuple(record.replaces), tuple(a.file for a in record.attachments),
                 record.withdrawn.date if record.withdrawn is not None else None, lapse(record), links,
                 body_links(record.body))


@dataclass(frozen=True, eq=False)
class Admission:
    """One admitted record: the outputs it reaches and how it stands on the day of the build."""

    facts: Facts
    blob: str  # the content hash of the record's file: part of what every page showing it reads
    item: Item | None
    channels: tuple[str, ...]
    outputs: frozenset[Output]
    state: State = State.CURRENT
    notice_end: dt.date | None = None  # the last day of its 公示, when it is one
    lists_people: bool = False  # a 公示 or a list of people: never indexed, never in the sitemap
    validity: str = IN_FORCE  # 有效性 on the day of the build (a 失效 dated later is still 有效)
    validity_date: dt.date | None = None  # since when it is not in force
    notice_provisional: bool = False  # notice_end is 暂定: its year has no holiday notice yet
    # the Record, or for an admission remembered from an earlier day (gate.memo) what reads it when a page asks
    source: Record | Callable[[Admission], Record] | None = field(default=None, repr=False)
    # What a page showing this record reads of it: its 编号, its file's content hash, and its state, outputs and whether
    # it lists people — decided from its attachments too, so a spreadsheet that now names people makes its page
    # noindex (made once and kept in the gate's memo: every page listing the record reads it).
    token: str = field(init=False, repr=False, default="")
    # Where it stands in lists, newest first: its 公开日期 (ISO, ten characters) and 编号 in one string (100,000 are
    # sorted on every build; two strings compare four times as fast as two tuples of a date and a string)
    newest: str = field(init=False, repr=False, default="")

    @classmethod
    def of(cls, record: Record, blob: str, item: Item | None, channels: tuple[str, ...], outputs: frozenset[Output],
           state: State, notice_end: dt.date | None, lists_people: bool, validity: str, validity_date: dt.date | None,
           notice_provisional: bool) -> Admission:
        return cls(facts_of(record), blob, item, channels, outputs, state, notice_end, lists_people, validity, validity_date,
                   notice_provisional, record)

    def __post_init__(self) -> None:
        object.__setattr__(self, "token", f"record:{self.facts.id}:{self.blob}:{self.state.value}:"
                           f"{self.notice_end or ''}:{self.notice_provisional}:{self.validity}:{_names(self.outputs)}:"
                           f"{self.lists_people}:{self.facts.title}")
        object.__setattr__(self, "newest", f"{self.facts.published.isoformat()}{self.facts.id}")

    @property
    def record(self) -> Record:
        """The record as every output shows it (an admission remembered from an earlier day reads its file now)."""
        source = self.source
        if source is None:
            raise LookupError(f"{self.id}: the record of a remembered admission was not attached (gate.memo)")
        if not isinstance(source, Record):
            source = source(self)
            object.__setattr__(self, "source", source)
        return source

    def remembered(self, read: Callable[[Admission], Record]) -> None:
        """Attach what reads the record of an admission the memo kept (it keeps no records: see __getstate__)."""
        object.__setattr__(self, "source", read)

    def __getstate__(self) -> dict[str, Any]:
        # The memo keeps what lists and page keys read (facts, state, token), not the record: 100,000 records would
        # make it twice the size of the parsed snapshot and as slow to read, for the one or two pages made again.
        return {**self.__dict__, "source": None}

    @property
    def in_force(self) -> bool:
        return self.validity == IN_FORCE

    @property
    def changed(self) -> dt.date:
        """The last day the document changed as a reader sees it: its 公开日期, or the day it stopped being in force
        (失效、废止、已修改) when that came later. The feed's <updated> (RFC 4287 §4.2.15): a subscriber's reader shows
        an entry again only when this moves, so a standard that lapsed is news on the day it lapses."""
        published = self.facts.published
        since = self.validity_date
        return since if not self.in_force and since is not None and since > published else published

    @property
    def validity_note(self) -> str:
        """What every channel shows of a document no longer in force: 「本文件已失效」, 「本文件已修改」 ("" in force)."""
        if self.in_force:
            return ""
        return "本文件" + (self.validity if self.validity.startswith("已") else "已" + self.validity)

    @property
    def id(self) -> str:
        return self.facts.id

    def reaches(self, output: Output) -> bool:
        return output in self.outputs

    @property
    def shows_content(self) -> bool:
        """Body, tables and attachments are shown (false once a 公示 has ended)."""
        return self.state is State.CURRENT


@functools.lru_cache(maxsize=256)  # a handful of distinct sets among 100,000 records
def _names(outputs: frozenset[Output]) -> str:
    return ",".join(sorted(o.name for o in outputs))
