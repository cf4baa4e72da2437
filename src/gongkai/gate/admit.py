"""The one gate that decides what may leave the building, where it may go, and until when.

Every publisher — the site, search index, feeds, open data, print sheets, the portal export, exports, the library's
handover manifest — takes its records from admit() and filters nothing on its own (a test enumerates the
publishers). A record is admitted when it is 主动公开, has been published by the day of the build, is not withdrawn
and holds no unmasked personal data; it reaches the outputs its channels name; a 公示 whose period has ended is on
the web only as a short notice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from operator import attrgetter
from enum import Enum
from typing import Any

from gongkai.catalog import Catalog
from gongkai.gate.admission import Admission, State
from gongkai.gate.interpreted import follow_interpreted
from gongkai.gate.replacements import end_replaced_lists
from gongkai.gate.unread import no_item_reason
from gongkai.privacy.links import linked_paths
from gongkai.holidays import calendar_of
from gongkai.publication.channels import Output, effective_channels, outputs_of
from gongkai.publication.standing import Standing, next_change, standing
from gongkai.model import Item, Record
from gongkai.model.base import page_key
from gongkai.privacy import (PrivacyFinding, RecordScan, agency_findings, allowed_of, attachment_id,
                             attachment_problem, catalog_scan, item_findings, listed_title_names, mask_log,
                             mask_names, mask_text, placed, resolved, same_file, standing_on)
from gongkai.publication.periods import is_notice
from gongkai.publication.review import review_problem
from gongkai.workdays import WorkdayCalendar


class Verdict(Enum):
    """The gate's decision on one record, before the checks across records."""

    ADMITTED = "admitted"
    BLOCKED = "blocked"  # unmasked personal data
    UNSAFE = "unsafe"  # an attachment that may not be published
    HELD = "held"  # no 保密审查 that lets it out, or its 编号 (or its item's) declared twice
    NO_ITEM = "no_item"  # its 事项 is not in the catalog
    WITHDRAWN = "withdrawn"
    OUT = "out"  # not 主动公开, or not published yet: it goes nowhere


@dataclass(frozen=True)
class Outcome:
    """The gate's decision on one record on the day, and the next day on which it may change."""

    id: str
    verdict: Verdict
    change: dt.date | None = None
    withheld: tuple[Record, ...] = ()  # records whose files go nowhere: it, when not 主动公开; stale copies
    admission: Admission | None = None  # ADMITTED
    findings: tuple[PrivacyFinding, ...] = ()  # BLOCKED
    reasons: tuple[str, ...] = ()  # UNSAFE
    why: str = ""  # HELD, NO_ITEM
    record: Record | None = None  # WITHDRAWN: as the notices to take it down name it
    copy: str | None = None  # WITHDRAWN: what a copy of its file is called (名单 when it lists people)
    # what a 转发件 of it takes (DOMAIN.md §4: a 转发 document has the attribute of the one it forwards), set only for a
    # record that is not 主动公开 or forwards one: its 公开属性 then (未标明公开属性 for none), and the 编号 it forwards
    withheld_as: str | None = None
    forwards: str | None = None


@dataclass
class Gate:
    """The outcome of the gate on one day."""

    today: dt.date
    admitted: list[Admission] = field(default_factory=list)  # newest first
    blocked: dict[str, list[PrivacyFinding]] = field(default_factory=dict)
    unsafe: dict[str, list[str]] = field(default_factory=dict)  # record id → attachments that may not be published
    no_item: list[str] = field(default_factory=list)  # records naming an item the catalog does not hold (GK205)
    # record id → why: the item's file is named with its error when it could not be read (gate.unread)
    no_item_why: dict[str, str] = field(default_factory=dict)
    # record id → why it is not published though 主动公开: its 保密审查 does not let it out, or its 编号 (or its
    # item's) is declared by two files, so which one stands is a guess (GK201)
    held: dict[str, str] = field(default_factory=dict)
    withdrawn: list[Record] = field(default_factory=list)  # as the notices to take them down name them (_withdrawn)
    # 依申请公开 or 不予公开 (or not yet marked) with attachments, and every file of a 编号 declared twice
    withheld: list[Record] = field(default_factory=list)
    next_change: dt.date | None = None  # the next day on which the outcome changes: rebuild then
    # next_change is the day after a 公示 whose end was counted on the provisional calendar (a year without a holiday
    # notice yet): it moves when the notice is entered, and is said to be 暂定
    next_change_provisional: bool = False
    directory_findings: list[tuple[str, str, str]] = field(default_factory=list)  # (where, kind, masked value)
    outcomes: dict[str, Outcome] = field(default_factory=dict, repr=False)  # record file path → its outcome
    declared_twice: bool = False  # some 编号 is declared by two files (GK201): the outcomes depend on each other
    # records held back from the day a file they show came down with another record (its 公示 ended, it was withdrawn),
    # with that day and why: what a board or the 公众号 that carried them must take down (printing.takedown)
    shared_down: list[tuple[Admission, dt.date, str]] = field(default_factory=list)

    def enter(self, outcome: Outcome) -> None:
        """Take one record's outcome into the day's lists."""
        self.withheld.extend(outcome.withheld)
        verdict = outcome.verdict
        if outcome.admission is not None:  # ADMITTED
            self.admitted.append(outcome.admission)
        elif verdict is Verdict.BLOCKED:
            self.blocked[outcome.id] = list(outcome.findings)
        elif verdict is Verdict.UNSAFE:
            self.unsafe[outcome.id] = list(outcome.reasons)
        elif verdict is Verdict.HELD:
            self.held[outcome.id] = outcome.why
        elif verdict is Verdict.NO_ITEM:
            self.no_item.append(outcome.id)
            self.no_item_why[outcome.id] = outcome.why
        elif outcome.record is not None:  # WITHDRAWN
            self.withdrawn.append(outcome.record)

    def to(self, output: Output) -> list[Admission]:
        """The admitted records that reach *output*, newest first."""
        return [a for a in self.admitted if output in a.outputs]

    def get(self, record_id: str) -> Admission | None:
        return self._by_id.get(record_id)

    def admits(self, record_id: str, output: Output | None = None) -> bool:
        found = self._by_id.get(record_id)
        return found is not None and (output is None or output in found.outputs)

    @property
    def _by_id(self) -> dict[str, Admission]:
        return {a.id: a for a in self.admitted}


def admit(catalog: Catalog, today: dt.date, kept: Mapping[str, Outcome] | None = None) -> Gate:
    """The gate's decision for every record of *catalog* on *today*.

    *kept*: the outcomes an earlier gate reached for record files that have not changed since, by path, still right
    on *today* (gongkai.gate.memo keeps them and knows until when); *catalog* then holds only the record files that
    changed, beside every file of the other kinds. The checks across records run over all of them either way.
    """
    gate = Gate(today)
    calendar = calendar_of(catalog)
    scans = catalog_scan(catalog)
    allowed = allowed_of(catalog.agency)  # the bureau's own numbers: unmasked in the notices of withdrawn records
    records_twice, items_twice = _declared_twice(catalog, "record"), _declared_twice(catalog, "item")
    gate.declared_twice = bool(records_twice or items_twice)
    decided = {path: (record, catalog.files[path].blob) for record in catalog.records.values()
               if (path := catalog.path_of("record", record.id)) is not None}
    remembered = kept or {}
    order = [*remembered, *(path for path in decided if path not in remembered)]
    order.sort()  # the kept outcomes come in path order: sorted in one pass
    outcomes, admitted, enter = gate.outcomes, gate.admitted.append, gate.enter
    for path in order:  # 100,000 times after one edit: the common case written out
        if (found := decided.get(path)) is not None:
            outcome = _decide(catalog, found[0], found[1], today, calendar, scans, allowed, records_twice, items_twice)
            if found[0].forwards or not found[0].is_public:  # (a few records: the rest pay nothing)
                outcome = replace(outcome, withheld_as=None if found[0].is_public else _attribute(found[0]),
                                  forwards=found[0].forwards)
        else:
            outcome = remembered[path]
        outcomes[path] = outcome
        if (admission := outcome.admission) is not None:  # ADMITTED (it withholds nothing)
            admitted(admission)
        else:
            enter(outcome)
    _hold_forwards(gate)
    gate.admitted = end_replaced_lists(sorted(gate.admitted, key=_newest, reverse=True))  # by a record still out
    gate.admitted = follow_interpreted(gate.admitted)  # a 解读 lapses with the document it explains
    _hold_shared_files(gate, catalog)
    _unindex_shared_lists(gate, catalog)
    gate.directory_findings, change = directory_findings_until(catalog, today)
    gate.admitted.sort(key=_newest, reverse=True)
    gate.next_change = min([o.change for o in gate.outcomes.values() if o.change is not None]
                           + ([change] if change is not None else []), default=None)
    gate.next_change_provisional = gate.next_change is not None and any(
        (a := o.admission) is not None and a.notice_provisional and a.notice_end is not None
        and a.notice_end + dt.timedelta(days=1) == gate.next_change for o in gate.outcomes.values())
    return gate


_newest = attrgetter("newest")  # admitted records are listed newest first


def _decide(catalog: Catalog, record: Record, blob: str, today: dt.date, calendar: WorkdayCalendar,
            scans: dict[str, RecordScan], allowed: frozenset[str], records_twice: dict[str, list[Any]],
            items_twice: dict[str, list[Any]]) -> Outcome:
    """The gate's decision on one record (the checks across records come after)."""
    item = catalog.items.get(record.item or "")
    if record.is_public and (twice := _twice(record, records_twice, items_twice)) is not None:
        # a copy left beside the file (R2026-001 - 副本.yaml) may still say 主动公开 when the record was changed to
        # 不予公开, or a stale copy of the item may name the website: neither file is published, nor their files
        return Outcome(record.id, Verdict.HELD, why=twice, withheld=tuple(records_twice.get(page_key(record.id), [])))
    # From here on no other file declares its 编号 when it is 主动公开 (held above), and only a 主动公开 record stands
    # or is withdrawn: every 主动公开 record of the catalog was scanned (catalog_scan).
    found = standing(record, item, today, calendar)
    change = next_change(record, today, found)
    if found is None:
        if record.is_public and record.withdrawn is not None and record.withdrawn.date <= today:
            # it is down for good (the notices to take it down are made from it): nothing changes it but an edit
            scan = scans[record.id]
            return Outcome(record.id, Verdict.WITHDRAWN, record=_withdrawn(catalog, record, scan, allowed),
                           copy="名单" if _lists_people(catalog, record, scan) else None)
        # the file that stands is not 主动公开: a stale copy's files go nowhere either
        others = tuple(model for model in records_twice.get(page_key(record.id), []) if model is not record)
        return Outcome(record.id, Verdict.OUT, change,
                       withheld=(*others, record) if not record.is_public and record.attachments else others)
    if (problem := review_problem(record, today)) is not None:
        # 未经保密审查 (none recorded, dated after today, or a conclusion that does not let it out): not public yet.
        # Its files may still be shown by another record: that record's own review let them out.
        return Outcome(record.id, Verdict.HELD, change, why=problem)
    if record.item and item is None:
        # Its channels and its 公示 period are its item's: unknown, so it goes nowhere (validate: GK205)
        return Outcome(record.id, Verdict.NO_ITEM, change, why=no_item_reason(catalog, record.item))
    scan = scans[record.id]
    # an ID a float rounded stands only from its birth date on: from that day the record is held back
    change = min([change, *(f.born for f in scan.findings if f.born is not None and f.born > today)],
                 key=lambda day: day or dt.date.max)
    unsafe = tuple(f"附件「{mask_log(a.file)}」{refused.reason}" for a in record.attachments
                   if (refused := attachment_problem(catalog, a.file)) is not None)
    if unsafe:
        return Outcome(record.id, Verdict.UNSAFE, change, reasons=unsafe)
    findings = standing_on(scan.findings, today)
    if findings:
        return Outcome(record.id, Verdict.BLOCKED, change, findings=tuple(findings))
    # a table of names in a record that is no 公示 (a 通知 naming who got relief) is a list of people too: never
    # indexed, never in the sitemap, and without a period declared (a record declaring one is a 公示 already) it
    # comes down after its 公开日期, as a 公示 without a period does (DOMAIN.md §12; validate: GK611)
    people = found.lists_people or scan.people
    if people and not found.lists_people:
        found = _as_a_list_without_period(found, record, today)
        if not found.ended:  # published today: it comes down tomorrow
            change = min([change, today + dt.timedelta(days=1)], key=lambda day: day or dt.date.max)
    admission = Admission.of(_shown(record, _unshown_names(record, scan, people)), blob, item, found.channels,
                             found.outputs, State.ENDED if found.ended else State.CURRENT, found.notice_end,
                             found.lists_people, found.validity, found.validity_date, found.notice_provisional)
    return Outcome(record.id, Verdict.ADMITTED, change, admission=admission)


def _as_a_list_without_period(found: Standing, record: Record, today: dt.date) -> Standing:
    """*found* for a record that lists people and declares no 公示 period: its list ends on its 公开日期."""
    assert record.published is not None  # standing: published by today
    return replace(found, notice_end=record.published, lists_people=True, ended=record.published < today)


def hidden_names(catalog: Catalog, admission: Admission) -> frozenset[str]:
    """The names the gate masked in *admission*'s title (its list's, and a list record's title's own), for an output
    that retells the record where its list is not shown (a 公众号 article, the portal's 概述) to mask them there too:
    the record is read as written here, in the gate, so that no publisher reads past it."""
    record = catalog.records.get(admission.id)
    scan = catalog_scan(catalog).get(admission.id)
    if record is None or scan is None:
        return frozenset()
    return _unshown_names(record, scan, admission.lists_people)


def _unshown_names(record: Record, scan: RecordScan, people: bool) -> frozenset[str]:
    """The names *record*'s title may not show: those its own list holds, and for a record that lists people (a 公示 of
    one household told in prose) those its title gives as a 公示's title does (关于陈水生家庭…)."""
    return (scan.names | listed_title_names(record.title)) if people else scan.names


def _shown(record: Record, names: frozenset[str]) -> Record:
    """*record* as every output shows it: a name its own list holds masked in its title (关于陈*生家庭申请…的公示). The
    list comes down when its 公示 ends and is never indexed; a title naming the household stays on the home page,
    the item's page, the portal and print for good (DOMAIN.md §12)."""
    title = mask_names(record.title, names) if names else record.title
    return record if title == record.title else record.model_copy(update={"title": title})


def _withdrawn(catalog: Catalog, record: Record, scan: RecordScan, allowed: frozenset[str]) -> Record:
    """*record*, withdrawn, as the notices to take it down name it — the print and 公众号 runs' lists to remove, the
    portal's 撤回 entry, the 两馆's 撤换公函, and the messages of those commands: its title and 撤回原因 with the names
    its own list holds and every number and address masked. A record is often withdrawn for what it showed
    (「误将陈水生住址经兜村3组15号公开」), and no scan holds a withdrawn record back: these notices are its only outputs."""
    names = _unshown_names(record, scan, _lists_people(catalog, record, scan))

    def shown(text: str) -> str:
        return mask_text(mask_names(text, names) if names else text, allowed)[0]

    withdrawal = record.withdrawn
    assert withdrawal is not None  # withdrawn
    title, reason = shown(record.title), shown(withdrawal.reason)
    if title == record.title and reason == withdrawal.reason:
        return record
    return record.model_copy(update={"title": title, "withdrawn": withdrawal.model_copy(update={"reason": reason})})


def _declared_twice(catalog: Catalog, kind: str) -> dict[str, list[Any]]:
    """Every 编号 of *kind* (record, item) that more than one file declares, with each file's model (GK201), by
    page_key: R2026-001 and r2026-001 name one page on a server that does not tell case apart."""
    declared: dict[str, list[Any]] = {}
    for _, model in catalog.models(kind):
        declared.setdefault(page_key(model.id), []).append(model)
    return {number: models for number, models in declared.items() if len(models) > 1}


def _twice(record: Record, records: dict[str, list[Any]], items: dict[str, list[Any]]) -> str | None:
    """Why *record* is not published for a 编号 declared twice, or None."""
    if (same := records.get(page_key(record.id))) is not None:
        if others := sorted({m.id for m in same} - {record.id}):
            return (f"编号 {record.id} 与 {'、'.join(others)} 只差大小写（GK201）：网站上的页面在不分大小写的服务器"
                    "（Windows、IIS）和门户网站上是同一个文件，一个会覆盖另一个，请给其中一条改用新的编号")
        return (f"编号 {record.id} 在 {len(same)} 个文件中登记（GK201），不知道哪一个是现行的，"
                "请删去多余的文件（如复制出来的副本）后运行 gongkai validate")
    if (same := items.get(page_key(record.item or ""))) is not None:
        if others := sorted({m.id for m in same} - {record.item}):
            return (f"它的事项 {record.item} 与 {'、'.join(others)} 只差大小写（GK201），网站上是同一个页面，"
                    "不知道按哪一个的公开渠道和公示期公开，请给其中一个事项改用新的编号")
        return (f"它的事项 {record.item} 在 {len(same)} 个文件中登记（GK201），不知道按哪一个的公开渠道和公示期公开，"
                "请删去多余的事项文件")
    return None


def directory_findings(catalog: Catalog, today: dt.date | None = None) -> list[tuple[str, str, str]]:
    """(where, kind, masked value) of the personal data in the public items and gongkai.yaml on *today* (None: any
    day): while there is any, nothing that shows them is published (the output scan looks for numbers, not for
    addresses)."""
    return directory_findings_until(catalog, today)[0]


def directory_findings_until(catalog: Catalog, today: dt.date | None) -> tuple[list[tuple[str, str, str]], dt.date | None]:
    """directory_findings(), and the first day after *today* on which another stands (an ID a float rounded)."""
    found: list[tuple[str | None, list[PrivacyFinding]]] = [(item.id, item_findings(catalog, item))
                                                           for item in catalog.items.values()]
    found.append((None, agency_findings(catalog)))
    later = [f.born for _, findings in found for f in findings if f.born is not None and today and f.born > today]
    return ([(_directory_place(catalog, item_id, f), f.label, f.masked_value) for item_id, findings in found
             for f in standing_on(findings, today)], min(later, default=None))


def _directory_place(catalog: Catalog, item_id: str | None, finding: PrivacyFinding) -> str:
    """事项 SHJZ-001（items/shjz/SHJZ-001.yaml 第12行第5列「公开内容」）, or gongkai.yaml 第9行第9列「机关」「名称」."""
    if item_id is None:
        return placed(catalog, finding, path="gongkai.yaml")
    return f"事项 {item_id}（{placed(catalog, finding, object_id=item_id)}）"


def _attribute(record: Record) -> str:
    return record.attribute or "未标明公开属性"


def _hold_forwards(gate: Gate) -> None:
    """Hold back a 转发件 of a record that is not 主动公开, however it is marked itself: a 转发 document has the attribute
    of the one it forwards (DOMAIN.md §4; validate: GK306), and it carries that one's text (现将《…》转发给你们,
    the forwarded document attached). Followed along a chain of 转发 (A forwards B, which forwards C); a 编号 declared
    by two files counts as withheld when either is."""
    if not any(a.facts.forwards for a in gate.admitted):
        return
    withheld: dict[str, str] = {}
    forwards: dict[str, str] = {}
    for outcome in gate.outcomes.values():
        if outcome.withheld_as is not None:
            withheld.setdefault(outcome.id, outcome.withheld_as)
        if outcome.forwards:
            forwards.setdefault(outcome.id, outcome.forwards)
    kept: list[Admission] = []
    for admission in gate.admitted:
        why = _forwarded_withheld(admission.facts.forwards, withheld, forwards)
        if why is None:
            kept.append(admission)
        else:
            gate.held[admission.id] = why
    gate.admitted = kept


def _forwarded_withheld(original: str | None, withheld: dict[str, str], forwards: dict[str, str]) -> str | None:
    """Why a record forwarding *original* may not be published (the first record along the 转发 chain that is not
    主动公开), or None."""
    seen: set[str] = set()
    chain: list[str] = []
    while original and original not in seen:
        seen.add(original)
        chain.append(original)
        if (attribute := withheld.get(original)) is not None:
            via = f"（经 {'、'.join(chain[:-1])} 转发）" if len(chain) > 1 else ""
            return (f"它转发的原文件 {original}{via} 是「{attribute}」：转发件的公开属性随原文件（GK306），不能主动公开；"
                    f"请把本信息的公开属性改为与原文件一致，或经保密审查确认原文件可以公开后改为主动公开")
        original = forwards.get(original)
    return None


def _hold_shared_files(gate: Gate, catalog: Catalog) -> None:
    """Hold back a record that shows a file another record may not show: a list whose 公示 has ended, the attachment
    of a withdrawn record, or the attachment of a record that is not 主动公开 (依申请公开, 不予公开). The site, the
    portal and the handover copy an attachment by its path for every record that shows it, so a second record linking
    the same file would put it on the web; a list of people and a withheld record's file are also matched by their
    content, so a copy under another name does not publish them either. A record shows a file it attaches, and one
    its body links to (_files_shown): the link leads to the copy an earlier build or export left on the web."""
    retired: dict[str, str] = {}  # path (same_file: as any computer opens it) → why it may not be shown
    copies: dict[str, str] = {}  # content of a retired list of people or of a withheld file → why
    # (its files, why, what a copy of its file is called: None when only the path counts — a withdrawn record that
    # lists nobody may share a blank form with others)
    since: dict[str, dt.date] = {}  # path or content of a file that came down on a known day → that day
    retiring = [(tuple(a.file for a in o.record.attachments), f"信息 {o.id} 已撤回", o.copy, _withdrawal_day(o.record))
                for o in gate.outcomes.values() if o.record is not None]
    retiring += [(tuple(a.file for a in r.attachments), _why_withheld(r, gate), "附件", None) for r in gate.withheld]
    retiring += [(a.facts.attachments, f"信息 {a.id} 的公示已结束", "名单", _day_after(a.notice_end))
                 for a in gate.admitted if a.state is State.ENDED]
    for files, why, copy, down in retiring:
        for path in files:
            retired.setdefault(same_file(path), why)
            keys = _file_keys(catalog, path) if copy is not None else (same_file(path),)
            for content in keys[1:]:
                copies.setdefault(content, f"与别的信息的{copy}内容相同，{why}")
            if down is not None:
                for key in keys:
                    since[key] = min(since.get(key, down), down)
    if not retired:
        return
    kept: list[Admission] = []
    for admission in gate.admitted:
        shown_files = _files_shown(admission, retired)
        if not shown_files:
            kept.append(admission)
            continue
        shared = [_why_held(catalog, path, how, retired, copies) for path, how in shown_files.items()]
        shown = [why for why in shared if why is not None]
        if shown and admission.state is State.CURRENT:
            gate.unsafe[admission.id] = shown
            days = [day for path in shown_files for key in _file_keys(catalog, path) if (day := since.get(key))]
            if days:
                gate.shared_down.append((admission, min(days), shown[0]))
        else:
            kept.append(admission)
    gate.admitted = kept


def _file_keys(catalog: Catalog, path: str) -> tuple[str, ...]:
    """What a file is known by when records share it: its path as any computer opens it (files\\2026\\名单.PDF is
    files/2026/名单.pdf: same_file), then its content (a copy under another name) when it can be read."""
    content = attachment_id(catalog, resolved(path))
    return (same_file(path),) if content is None else (same_file(path), content)


def _withdrawal_day(record: Record) -> dt.date | None:
    return record.withdrawn.date if record.withdrawn is not None else None


def _day_after(day: dt.date | None) -> dt.date | None:
    return day + dt.timedelta(days=1) if day is not None else None


def _unindex_shared_lists(gate: Gate, catalog: Catalog) -> None:
    """Make a record that shows the file of a running list of people (by its path, or a copy of its content) a list of
    people too: never indexed, out of the sitemap, the feed and the search index. A 通知 of another item linking the
    list would otherwise be an ordinary page whose link every search engine follows, and the names would be found by
    search during the period (DOMAIN.md §12). It shows the list up to the list's last day (its 公示截止 on the portal,
    which marks lists by it); once the period ends _hold_shared_files holds it back."""
    ends: dict[str, dt.date] = {}  # a running list's file, by path and by content → the earliest last day showing it
    for running in gate.admitted:
        if running.lists_people and running.state is State.CURRENT and running.notice_end is not None:
            for path in running.facts.attachments:
                for key in _file_keys(catalog, path):
                    ends[key] = min(ends.get(key, running.notice_end), running.notice_end)
    if not ends:
        return

    def list_end(admission: Admission) -> dt.date | None:
        found = [end for path in _files_shown(admission, ends) for key in _file_keys(catalog, path)
                 if (end := ends.get(key))]
        return min(found, default=None)

    def as_list(admission: Admission) -> Admission:
        if admission.lists_people or (end := list_end(admission)) is None:
            return admission
        return replace(admission, lists_people=True, notice_end=min(admission.notice_end or end, end))

    gate.admitted = [as_list(a) for a in gate.admitted]


def _files_shown(admission: Admission, known: Mapping[str, object]) -> dict[str, str]:
    """The catalog files a record shows, each once, with how it shows them: its attachments (附件), and those its body
    links to (正文链接的文件: a reader follows the link as he opens an attachment, a search engine too; the portal
    keeps the file the link names), read from what the gate kept of the body when it decided on the record — a record
    kept from an earlier build's decision is not read again."""
    linked = linked_paths(admission.facts.addresses, known)
    shown = {same_file(path): (path, "附件") for path in admission.facts.attachments}
    for path in linked:  # (a link written twice, or as a known path and as written, is one file)
        shown.setdefault(same_file(path), (path, "正文链接的文件"))
    return dict(shown.values())


def _why_withheld(record: Record, gate: Gate) -> str:
    if record.id in gate.held:
        return f"信息 {record.id} {gate.held[record.id]}"
    if record.is_public:  # a copy still saying 主动公开 of a 编号 whose file that stands does not (GK201)
        return f"信息 {record.id} 的编号在多个文件中登记（GK201），现行的一份不是主动公开"
    return f"信息 {record.id} 为「{record.attribute or '未标明公开属性'}」，不是主动公开"


def _lists_people(catalog: Catalog, record: Record, scan: RecordScan | None) -> bool:
    return is_notice(record, catalog.items.get(record.item or "")) or (scan is not None and scan.people)


def _why_held(catalog: Catalog, path: str, how: str, retired: dict[str, str], copies: dict[str, str]) -> str | None:
    why = retired.get(same_file(path))
    if why is not None:
        return f"{how}「{mask_log(path)}」也是别的信息的附件，{why}，不能在这里公开"
    content = attachment_id(catalog, resolved(path)) if copies else None  # read as _file_keys read the withheld one
    if content is not None and content in copies:
        return f"{how}「{mask_log(path)}」{copies[content]}，不能在这里公开"
    return None


@dataclass(frozen=True)
class HeldBack:
    """A 主动公开 record published by the gate's day that it does not let out, as a notice of it may name it: its file,
    its 编号 and 索引号 (never its title: what held it back may be a name in it), and why."""

    path: str
    id: str
    index_number: str | None
    why: str
    published: dt.date | None = None  # its 公开日期
    unit: str | None = None  # its 责任单位
    ended: bool = False  # its 公示 is over by the gate's day: mended or not, no output makes it again


def held_back(catalog: Catalog, gate: Gate, output: Output | None = None) -> list[HeldBack]:
    """The 主动公开 records published by *gate*'s day that it holds back (unmasked personal data, an attachment that
    may not leave, no 保密审查 that lets it out, an item the catalog lacks), in 编号 order: an output listing what a
    period published (the 两馆's 目录表) names them rather than leave them out without a word. With *output*, only
    those that would reach it once mended (a board is told of its 公示, not of a record for the web only)."""
    why = {**{i: "含未遮盖的个人信息（见 gongkai validate）" for i in gate.blocked},
           **{i: "；".join(reasons) for i, reasons in gate.unsafe.items()}, **gate.held}
    found, calendar = [], calendar_of(catalog)
    for record_id in sorted({*why, *gate.no_item}):
        record = catalog.records.get(record_id)
        if record is None or not record.is_public or record.published is None or record.published > gate.today:
            continue
        item = catalog.items.get(record.item or "")
        if output is not None and not _may_reach(record, item, output):
            continue
        reason = why.get(record_id) or gate.no_item_why.get(record_id) or no_item_reason(catalog, record.item or "")
        over = standing(record, item, gate.today, calendar)
        found.append(HeldBack(catalog.path_of("record", record_id) or "", record_id, record.index_number, reason,
                              record.published, record.unit, over is not None and over.ended))
    return found


@dataclass(frozen=True)
class Ahead:
    """A 主动公开 record not out yet on a day and due on its 公开日期: what a sheet or an article made ahead for it (a
    print or wechat run with --to after today) is checked against."""

    published: dt.date
    unit: str | None


def due_ahead(catalog: Catalog, record_ids: Iterable[str], day: dt.date, output: Output) -> dict[str, Ahead]:
    """Of *record_ids*, the 主动公开 records published after *day*, not withdrawn before their 公开日期, whose channels
    lead to *output*: by 编号, their 公开日期 and unit."""
    found = {}
    for record_id in record_ids:
        record = catalog.records.get(record_id)
        if record is None or not record.is_public or record.published is None or record.published <= day:
            continue
        if record.withdrawn is not None and record.withdrawn.date <= record.published:
            continue
        if output in outputs_of(effective_channels(record, catalog.items.get(record.item or ""))):
            found[record_id] = Ahead(record.published, record.unit)
    return found


def _may_reach(record: Record, item: Item | None, output: Output) -> bool:
    """Whether *record* would reach *output* once let out: by its channels within its item's; with its item unknown
    (GK205), by its own channels, or whichever output when it names none (its item's channels cannot be read)."""
    if item is None and record.item:
        return not record.channels or output in outputs_of(tuple(record.channels))
    return output in outputs_of(effective_channels(record, item))
