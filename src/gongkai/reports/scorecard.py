"""考核评估: per unit (股室 and 乡镇民政办) — items owned, records published, timeliness, missed periods, handover, findings."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from gongkai.catalog import Catalog
from gongkai.diagnostics import Report, Severity
from gongkai.holidays import calendar_of
from gongkai.lint import lint
from gongkai.model import Item
from gongkai.model.deadline import parse_deadline
from gongkai.model.ledger import Ledger
from gongkai.privacy.mask import mask_log
from gongkai.publication.schedule import missed
from gongkai.reports.periods import missed_periods
from gongkai.workdays import CalendarMissing, DueDate, WorkdayCalendar


@dataclass
class UnitScore:
    """One unit's figures for the year."""

    unit_id: str
    name: str
    kind: str
    items: int = 0
    published: int = 0
    checkable: int = 0
    on_time: int = 0
    missed: list[str] = field(default_factory=list)  # "JGXX-003 2026年第2季度"
    handed: int | None = None  # records due for handover in the year; None when there is no ledger at all
    handed_on_time: int | None = None
    provisional: int = 0  # timeliness checks made against a 暂定 date (a year without a notice yet)
    errors: int = 0
    warnings: int = 0


@dataclass
class Scorecard:
    """The scorecard of one year as of *today*."""

    year: int
    today: dt.date
    agency: str
    units: list[UnitScore]
    has_ledgers: bool
    # handover days of the year passed since the last ledger (or since 启用日期, with none): batches nobody made (or
    # made by hand and never recorded); each 目录表 is owed even when there is nothing to send (DOMAIN.md §6)
    unrecorded: tuple[dt.date, ...] = ()
    handover_since: dt.date | None = None  # handover counted from 启用日期 (no ledger yet), not from the ledgers
    last_batch: dt.date | None = None  # the latest ledger's batch date
    uncomputed: set[int] = field(default_factory=set)  # years with no holiday data at all: not counted
    provisional: set[int] = field(default_factory=set)  # years without a notice yet: counted on 暂定 dates
    # findings of no unit on the card (gongkai.yaml, a request without 承办单位, annual data …): (errors, warnings)
    unowned: tuple[int, int] = (0, 0)
    # the figures of items and records whose 责任单位 is no unit of gongkai.yaml (a typo: an error of validate, but the
    # record is published all the same): in no row, yet the catalog's own totals (the county's) must hold them
    unplaced: UnitScore = field(default_factory=lambda: UnitScore("", "", ""))

    @property
    def handover_counted(self) -> bool:
        """Whether 按时移交率 means anything: the catalog keeps ledgers, or has no ledger since its 启用日期."""
        return self.has_ledgers or self.handover_since is not None

    def limit(self, score: UnitScore, compute: Callable[[], DueDate]) -> DueDate | None:
        """compute(), noting a provisional date on *score* and the card, or None for a year without any data."""
        try:
            due = compute()
        except CalendarMissing as exc:
            self.uncomputed.add(exc.year)
            return None
        if due.provisional:
            score.provisional += 1
            self.provisional.update(due.provisional_years)
        return due


def build_scorecard(catalog: Catalog, year: int, today: dt.date, unit: str | None = None,
                    report: Report | None = None) -> Scorecard:
    """Compute every unit's figures for *year* (only *unit* when given); *report* is lint's, when already made."""
    agency = catalog.agency
    units = [u for u in (agency.units if agency else []) if unit is None or u.id == unit]
    # (names as the card shows them in its table, HTML and workbook: a number typed into gongkai.yaml masked, as GK602
    # reports it there)
    scores = {u.id: UnitScore(u.id, mask_log(u.name), u.kind) for u in units}
    calendar = calendar_of(catalog).provisional()
    card = Scorecard(year, today, mask_log(catalog.name), list(scores.values()), has_ledgers=bool(_ledgers(catalog)))
    rest = card.unplaced if unit is None else None  # one unit's card is about that unit only
    _count_items(catalog, scores, year, today, rest)
    _count_records(catalog, scores, year, today, calendar, card, rest)
    adopted = agency.adopted if agency else None
    if card.has_ledgers:
        _count_handover(catalog, scores, year, today, calendar, card, rest=rest)
        card.last_batch = max(ledger.date for ledger in _ledgers(catalog))
    elif adopted is not None:
        # no ledger since gongkai was adopted: what fell due after that day was not handed over — not "unknown"
        card.handover_since = adopted
        _count_handover(catalog, scores, year, today, calendar, card, since=adopted, rest=rest)
    after = card.last_batch or card.handover_since
    if after is not None and agency is not None:  # the handover days since then with no batch: as GK513 counts them
        card.unrecorded = tuple(d for d in missed(after, today, calendar_of(catalog), agency.handover.days)
                                if d.year == year)
    unowned = _count_findings(catalog, scores, report or lint(catalog, today))
    card.unowned = unowned if unit is None else (0, 0)  # one unit's card is about that unit only
    return card


def _count_items(catalog: Catalog, scores: dict[str, UnitScore], year: int, today: dt.date,
                 rest: UnitScore | None) -> None:
    published: dict[str, list[dt.date]] = defaultdict(list)
    for record in catalog.records.values():
        if record.out_by(today) and record.published and record.item:
            published[record.item].append(record.published)
    # (what was published before gongkai was adopted may be in no file: a period that ended before is no evidence)
    adopted = catalog.agency.adopted if catalog.agency else None
    for item in sorted(catalog.items.values(), key=lambda i: i.order):
        score = scores.get(item.unit, rest)
        if score is None:
            continue
        score.items += 1
        score.missed.extend(_missed(item, year, published[item.id], today, adopted))


def _missed(item: Item, year: int, published: list[dt.date], today: dt.date, adopted: dt.date | None) -> list[str]:
    deadline = parse_deadline(item.deadline)
    if deadline is None or item.mode != "主动":
        return []
    return [f"{item.id} {p.label}" for p in missed_periods(deadline, year, published, today)
            if adopted is None or p.end >= adopted]


def _count_records(catalog: Catalog, scores: dict[str, UnitScore], year: int, today: dt.date,
                   calendar: WorkdayCalendar, card: Scorecard, rest: UnitScore | None) -> None:
    """The records published in *year* by *today* (one dated later is not out yet: on no site, not on time either)."""
    items = catalog.items
    for record in catalog.records.values():
        score = scores.get(record.unit, rest)
        if score is None or not (record.out_by(today) and record.published and record.published.year == year):
            continue
        score.published += 1
        deadline = _checkable(items.get(record.item or ""))
        if deadline is None:
            continue
        days, workdays = deadline
        limit = card.limit(score, lambda: calendar.limit(record.formed, days, workdays))
        if limit is not None:
            score.checkable += 1
            score.on_time += record.published <= limit.date


def _checkable(item: Item | None) -> tuple[int, bool] | None:
    """(days, working days or not) of an item's 公开时限 when it is an anchor + N days one."""
    deadline = parse_deadline(item.deadline) if item else None
    return deadline.limit if deadline is not None else None


def _ledgers(catalog: Catalog) -> list[Ledger]:
    """Delivered handover batches (catalog/handover/*.yaml)."""
    return [m for _, m in catalog.models("ledger")]


def _count_handover(catalog: Catalog, scores: dict[str, UnitScore], year: int, today: dt.date,
                    calendar: WorkdayCalendar, card: Scorecard, since: dt.date | None = None,
                    rest: UnitScore | None = None) -> None:
    """Records formed in *year* whose handover was due by today: sent within 时限工作日 of being formed, or not.
    With *since* (启用日期, for a catalog without any ledger), only those due on or after it: before it they were
    handed over by hand, which no file records. *rest* takes the records of no unit on the card (None: not counted)."""
    sent: dict[str, dt.date] = {}
    baseline: set[str] = set()
    for ledger in sorted(_ledgers(catalog), key=lambda m: m.date):
        for record_id in ledger.record_ids():
            sent.setdefault(record_id, ledger.delivered)
            if ledger.baseline:
                baseline.add(record_id)  # sent before gongkai: punctuality unknown, not counted
    agency = catalog.agency
    limit_days = agency.handover.limit_workdays if agency else 20
    for record in catalog.records.values():
        score = scores.get(record.unit, rest)
        if score is None or record.id in baseline or not (record.is_public and record.published
                                                            and record.formed.year == year):
            continue
        formed = record.formed
        due = card.limit(score, lambda: calendar.due(formed, limit_days))
        if due is None or (since is not None and due.date < since):
            continue
        delivered = sent.get(record.id)
        if due.date >= today and delivered is None:
            continue  # not due yet
        if delivered is None and record.withdrawn is not None and record.withdrawn.date <= today:
            continue  # withdrawn and never sent: the handover may not send it (DOMAIN.md §12), so it is no miss
        score.handed = (score.handed or 0) + 1
        score.handed_on_time = (score.handed_on_time or 0) + (delivered is not None and delivered <= due.date)


def _count_findings(catalog: Catalog, scores: dict[str, UnitScore], report: Report) -> tuple[int, int]:
    """Each unit's errors and warnings; returns those of no unit on the card, which its rows would leave out."""
    owner = _owners(catalog)
    counts: Counter[tuple[str, Severity]] = Counter()
    for diagnostic in report.sorted():
        unit = owner.get(diagnostic.object_id or "")
        counts[(unit if unit in scores else "", diagnostic.severity)] += 1
    for score in scores.values():
        score.errors = counts[(score.unit_id, Severity.ERROR)]
        score.warnings = counts[(score.unit_id, Severity.WARNING)]
    return counts[("", Severity.ERROR)], counts[("", Severity.WARNING)]


def _owners(catalog: Catalog) -> dict[str, str]:
    """Object id → the unit responsible for it (items, records and requests)."""
    owner = {i.id: i.unit for i in catalog.items.values()}
    owner.update({r.id: r.unit for r in catalog.records.values()})
    owner.update({r.id: r.unit for _, r in catalog.models("request") if r.unit})
    return owner
