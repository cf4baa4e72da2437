"""Incremental validate: per-file rules re-check only the files an edit touched; cross-file rules run again only
when something they read changed (an id, a reference, a date… — anything of a record but its 正文)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from gongkai.catalog import Catalog, Listing, load
from gongkai.catalog.cache import Cache
from gongkai.catalog.files import ParsedFile
from gongkai.catalog.sources import Source
from gongkai.diagnostics import Diagnostic, Location, Report
from gongkai.lint import apply_overrides, checking_rules, place
from gongkai.recheck.state import (
    NOTHING,
    SETTING_KINDS,
    AttachmentKeys,
    Facts,
    Found,
    Need,
    Placed,
    State,
    digest_of,
    facts_of,
    firsts,
    settings_key,
)
from gongkai.rules import Context, Rule
from gongkai.rules.base import FILE, FIRST

STATE_KEY = "validate-state:v1"


def recheck(source: Source, listing: Listing, cache: Cache, today: dt.date) -> tuple[Report, Catalog]:
    """The Report of a full lint of the catalog, computed from what changed since the last run."""
    stored = cache.memo(STATE_KEY)
    run = _Run(source, listing, cache, today, State.decode(stored) if stored is not None else None)
    report = run.report()
    cache.put_memo(STATE_KEY, run.state().encode())
    return report, run.catalog


class _Run:
    def __init__(self, source: Source, listing: Listing, cache: Cache, today: dt.date, previous: State | None) -> None:
        self.source, self.listing, self.cache, self.today = source, listing, cache, today
        self.settings = settings_key(listing, today)
        self.attachments = AttachmentKeys(listing)
        same = previous is not None and previous.settings == self.settings
        old = previous.facts if previous is not None and same else {}
        self.previous = previous
        self.files: dict[str, Facts] = {}
        self.found: dict[str, Found] = {}
        self.parsed: dict[str, ParsedFile] = {}
        self.stale: set[str] = set()  # files whose per-file rules run in this run
        for path, kind, blob in listing.files:
            known = old.get(path)
            if known is not None and known.kind == kind and known.blob == blob \
                    and known.attach == self.attachments.key(known.refs):
                self.files[path] = known
            else:
                self.stale.add(path)
        if previous is not None and same:
            self.found = {p: f for p, f in previous.found.items() if p in self.files}
        self.full: Catalog | None = None
        self.catalog: Catalog = self._parse(self.stale)
        self.first = firsts(self.files)
        unplaced = {p for p in self.first if not self.files[p].first_checked} - self.stale  # now first of its id
        if unplaced:
            self.stale |= unplaced
            self.catalog = self._parse(self.stale)

    def _parse(self, wanted: set[str]) -> Catalog:
        """The catalog of *wanted* plus the settings files; the whole catalog when most files are wanted."""
        whole = len(wanted) * 2 > len(self.listing.files)
        settings = {p for p, kind, _ in self.listing.files if kind in SETTING_KINDS}
        if whole and self.full is None:
            self.full = load(self.source, self.listing, self.cache, known=self.parsed)
        if self.full is not None:
            catalog = self._part(self.full, wanted | settings) if not whole else self.full
        else:
            catalog = load(self.source, self.listing, self.cache, only=wanted | settings, known=self.parsed)
            catalog.partial = True
        self.parsed.update(catalog.files)
        for path in wanted:
            self.files[path] = facts_of(catalog.files[path])
            self.found[path] = Found(loaded=tuple(catalog.files[path].diagnostics))
        return catalog

    def _part(self, full: Catalog, paths: set[str]) -> Catalog:
        files = {p: f for p, f in full.files.items() if p in paths}
        return Catalog(self.source, files, full.attachments, full.attachment_stats, self.cache, full.notes,
                       partial=True)

    def report(self) -> Report:
        """Every diagnostic, as lint() on the whole catalog would give them."""
        self.digest = digest_of(self.settings, self.attachments, self.files, self.listing)
        if self.previous is not None and self.previous.digest == self.digest:
            self.placed, self.needs = self._relocated(self.previous.placed), self.previous.needs
        else:
            self.placed, self.needs = self._cross_file()
        self._per_file()
        report = Report(files_checked=len(self.listing.files))
        for path, found in self.found.items():
            report.extend(found.loaded)
            report.extend(found.own)
            if path in self.first:
                report.extend(found.first)
        report.extend(n.diagnostic() for n in self.listing.notes)
        report.extend(p.diagnostic for p in self.placed)
        report.extend(self._last())
        return apply_overrides(report, self.catalog)

    def _cross_file(self) -> tuple[tuple[Placed, ...], tuple[Need, ...]]:
        """Run every cross-file rule on the whole catalog."""
        if self.full is None:
            self.full = load(self.source, self.listing, self.cache, known=self.parsed)
        context = Context(self.full, self.today)
        placed: list[Placed] = []
        needs: list[Need] = []
        for rule in _rules(lambda r: r.scope not in (FILE, FIRST)):
            assert rule.check is not None
            context.year_needs = []
            placed.extend(Placed(rule.code, f, place(self.full, rule, f)) for f in rule.check(context))
            needs.extend((rule.code, year, where) for year, where in context.year_needs)
        return tuple(placed), tuple(needs)

    def _relocated(self, placed: tuple[Placed, ...]) -> tuple[Placed, ...]:
        """Cross-file findings as they were; those in an edited file (its 正文 changed) placed again."""
        moved = [p for p in placed if p.diagnostic.path in self.stale]
        if not moved:
            return placed
        rules = {r.code: r for r in checking_rules()}
        again = {id(p): self._placed_at(rules[p.code], p) for p in moved}
        return tuple(again.get(id(p), p) for p in placed)

    def _placed_at(self, rule: Rule, old: Placed) -> Placed:
        location = Location(old.diagnostic.path, old.finding.location.object_id, old.finding.location.field)
        finding = replace(old.finding, location=location)
        return Placed(old.code, old.finding, place(self.catalog, rule, finding))

    def _per_file(self) -> None:
        """Run the per-file rules on the files that need it, and keep each file's findings with it."""
        if not self.stale:
            return
        context = Context(self.catalog, self.today)
        own: dict[str | None, list[Diagnostic]] = {}
        first: dict[str | None, list[Diagnostic]] = {}
        needs: dict[str | None, list[Need]] = {}
        for rule in _rules(lambda r: r.scope in (FILE, FIRST)):
            assert rule.check is not None
            context.year_needs = []
            for finding in rule.check(context):
                placed = place(self.catalog, rule, finding)
                (first if rule.scope == FIRST else own).setdefault(placed.path, []).append(placed)
            for year, where in context.year_needs:
                needs.setdefault(where.path, []).append((rule.code, year, where))
        for path in self.stale:
            facts = self.files[path]
            self.files[path] = facts._replace(attach=self.attachments.key(facts.refs), first_checked=path in self.first)
            found = Found(self.found[path].loaded, tuple(own.get(path, ())),
                          tuple(first.get(path, ())) if path in self.first else (), tuple(needs.get(path, ())))
            if found == NOTHING:
                del self.found[path]
            else:
                self.found[path] = found

    def _last(self) -> list[Diagnostic]:
        """GK805 and any rule that reads what the others met: from the needs of every file, in lint's order."""
        ordered = _ordered_needs(self.found, self.first, self.needs)
        catalog = self.catalog
        missing = {where.path for _, _, where in ordered if where.path and where.path not in catalog.files}
        if missing:  # a finding placed in a file this run did not read: read it to place the finding
            catalog = self._part_with(missing)
        context = Context(catalog, self.today)
        for _, year, where in ordered:
            context.unknown_years.setdefault(year, where)
        found: list[Diagnostic] = []
        for rule in _rules(lambda r: r.runs_last, last=True):
            assert rule.check is not None
            found.extend(place(catalog, rule, f) for f in rule.check(context))
        return found

    def _part_with(self, paths: set[str]) -> Catalog:
        files = dict(self.catalog.files)
        for path in paths:
            if path in self.files:
                files[path] = ParsedFile(path, self.files[path].kind, self.files[path].blob)
        return Catalog(self.source, files, self.listing.attachments, self.listing.attachment_stats, self.cache,
                       self.listing.notes, partial=True)

    def state(self) -> State:
        return State(self.settings, self.files, self.found, self.digest, self.placed, self.needs)


def _rules(select: Callable[[Rule], bool] = lambda r: True, last: bool = False) -> list[Rule]:
    """The rules lint runs, in its order, that *select* picks; runs_last rules only when *last*."""
    return [r for r in checking_rules() if r.runs_last == last and select(r)]


def _ordered_needs(found: dict[str, Found], first: set[str], cross: tuple[Need, ...]) -> list[Need]:
    """Every need in the order lint meets them: rule by rule, and within a per-file rule file by file."""
    needy = [(p, found[p]) for p in sorted(found) if found[p].needs]
    ordered: list[Need] = []
    for rule in _rules():
        if rule.scope not in (FILE, FIRST):
            ordered.extend(n for n in cross if n[0] == rule.code)
            continue
        for path, state in needy:
            if rule.scope == FIRST and path not in first:
                continue
            ordered.extend(n for n in state.needs if n[0] == rule.code)
    return ordered
