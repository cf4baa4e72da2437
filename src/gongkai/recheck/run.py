"""Incremental validate: per-file rules re-check only the files an edit touched; KEYED rules re-check those and the
files that share an id, a reference or a 索引号 with them; VIEW rules run again on a View that reads no other record
but by id. Whatever else changed (gongkai.yaml, an item, a ledger, the date…) runs every cross-file rule on the whole
catalog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from gongkai.catalog import Catalog, Listing, load
from gongkai.catalog.cache import Cache
from gongkai.catalog.files import ParsedFile
from gongkai.catalog.sources import Source
from gongkai.diagnostics import Diagnostic, Report
from gongkai.lint import apply_overrides, checking_rules, place
from gongkai.recheck.state import (
    NOTHING,
    SETTING_KINDS,
    AttachmentKeys,
    Facts,
    Found,
    Key,
    Need,
    Placed,
    State,
    facts_of,
    files_key,
    firsts,
    settings_key,
)
from gongkai.recheck.view import PART_NAMES, Index, PartsContext, View, keys_of, parts_of
from gongkai.rules import Context, Rule
from gongkai.rules.base import CATALOG, FILE, FIRST, KEYED, VIEW

STATE_KEY = f"validate-state:v3:{','.join(PART_NAMES)}"  # Facts.parts are in PART_NAMES order


def recheck(source: Source, listing: Listing, cache: Cache, today: dt.date) -> tuple[Report, Catalog]:
    """The Report of a full lint of the catalog, computed from what changed since the last run."""
    stored = cache.memo(STATE_KEY)
    run = _Run(source, listing, cache, today, State.decode(stored) if stored is not None else None)
    report = run.report()
    if run.full is None:  # a whole load forgets the parse results of contents gone; so must a partial one
        cache.evict_parsed({blob for _, _, blob in listing.files})
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
        attach_key = self.attachments.key  # "" for no attachments: the common case, decided without the call
        for path, kind, blob in listing.files:
            known = old.get(path)
            if known is not None and known.blob == blob and known.kind == kind \
                    and (known.attach == attach_key(known.refs) if known.refs else not known.attach):
                self.files[path] = known
            else:
                self.stale.add(path)
        if previous is not None and same:
            self.found = {p: f for p, f in previous.found.items() if p in self.files}
        self.removed = set(old) - {path for path, _, _ in listing.files}
        self.key = files_key(self.settings, self.attachments, listing)
        # Anything but records changed (or a rule reads the whole catalog): every cross-file rule on every file
        self.whole = not same or previous is None or previous.files_key != self.key \
            or bool(_rules(lambda r: r.scope == CATALOG))
        self.full: Catalog | None = None
        self.view_reads: set[str] | None = None  # collecting the records VIEW rules read, while they run on a View
        self.catalog: Catalog = self._parse(self.stale)
        self.first_of = firsts(self.files)
        self.first = set(self.first_of.values())
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
            self.files[path] = facts_of(catalog.files[path], *keys_of(catalog.files[path]))
            self.found[path] = Found(loaded=tuple(catalog.files[path].diagnostics))
        return catalog

    def _part(self, full: Catalog, paths: set[str]) -> Catalog:
        files = {p: f for p, f in full.files.items() if p in paths}
        return Catalog(self.source, files, full.attachments, full.attachment_stats, self.cache, full.notes,
                       partial=True)

    def report(self) -> Report:
        """Every diagnostic, as lint() on the whole catalog would give them."""
        self.loose: list[Placed] = []  # KEYED findings in no file of the catalog: kept with the cross-file ones
        self.unfiled = False  # a KEYED rule needed a year's calendar for something in no file
        self.keyed_met: list[Need] = []  # every year KEYED rules needed, in the order met
        self.in_order = False  # keyed_met holds them all (the whole catalog was checked)
        if self.whole or not self._cross_view():
            self._cross_whole()
        self._per_file()
        report = Report(files_checked=len(self.listing.files))
        for path, found in self.found.items():
            report.extend(found.loaded)
            report.extend(found.own)
            report.extend(found.keyed)
            if path in self.first:
                report.extend(found.first)
        report.extend(n.diagnostic() for n in self.listing.notes)
        report.extend(p.diagnostic for p in self.placed)
        report.extend(self._last())
        self.found = {p: f for p, f in self.found.items() if f != NOTHING}
        return apply_overrides(report, self.catalog)

    def _cross_whole(self) -> None:
        """Every cross-file rule on the whole catalog."""
        if self.full is None:
            self.full = load(self.source, self.listing, self.cache, known=self.parsed)
            self.parsed.update(self.full.files)
        index = Index(self.files, self.first_of)
        context = PartsContext(self.full, self.today, index=index)
        self._parts(context, {p for p, f in self.files.items() if f.kind == "record"})
        self.loose, self.unfiled, self.keyed_met, self.in_order = [], False, [], True
        self._keyed(context, set(self.files))
        self._cross(context, (VIEW, CATALOG))
        self.placed += tuple(self.loose)

    def _cross_view(self) -> bool:
        """KEYED rules on the changed files and those sharing a key with them, VIEW rules on a View; False when a
        KEYED finding lies in no file (then only the whole catalog tells)."""
        touched: set[Key] = set()
        for path in self.stale | self.removed:
            for facts in (self.previous.facts.get(path) if self.previous else None, self.files.get(path)):
                touched.update(facts.defines if facts is not None else ())
        index = Index(self.files, self.first_of)
        subjects = self.stale | index.sharing(touched)
        others = {p for p, kind, _ in self.listing.files if kind != "record"}
        loaded = load(self.source, self.listing, self.cache, only=subjects | others, known=self.parsed)
        self.parsed.update(loaded.files)
        view = View(self.source, loaded.files, self.listing.attachments, self.listing.attachment_stats, self.cache,
                    self.listing.notes, partial=True, index=index, fetch=self._fetch)
        context = PartsContext(view, self.today, index=index)
        self._parts(context, {p for p in self.stale if self.files[p].kind == "record"})
        self._keyed(context, subjects)
        if self.loose or self.unfiled:
            return False
        if self._view_unchanged():
            assert self.previous is not None and self.previous.view_reads is not None
            self.placed, self.needs = self.previous.placed, self.previous.needs
            self.view_reads = set(self.previous.view_reads)
            return True
        self.view_reads = set()
        self._cross(context, (VIEW,))
        self.view_reads.update(p.diagnostic.path for p in self.placed if p.diagnostic.path is not None)
        return True

    def _view_unchanged(self) -> bool:
        """Whether the VIEW rules would find what they found last time: no changed file was one they read or placed a
        finding in, and every changed file was and is there with the same id, keys, validity and parts (all that the
        Index answers them from)."""
        previous = self.previous
        if previous is None or previous.view_reads is None:
            return False
        for path in self.stale | self.removed:
            old, new = previous.facts.get(path), self.files.get(path)
            if old is None or new is None or path in previous.view_reads or \
                    (old.kind, old.object_id, old.valid, old.defines, old.parts) != \
                    (new.kind, new.object_id, new.valid, new.defines, new.parts):
                return False
        return True

    def _fetch(self, path: str) -> ParsedFile:
        """One file a View looks up, read once in this run."""
        if self.view_reads is not None:
            self.view_reads.add(path)
        if path not in self.parsed:
            self.parsed.update(load(self.source, self.listing, self.cache, only={path}, known=self.parsed).files)
        return self.parsed[path]

    def _parts(self, context: Context, paths: set[str]) -> None:
        """Compute and keep what VIEW rules read of each valid record in *paths*."""
        for path in paths:
            model = self.parsed[path].model
            if model is not None:
                self.files[path] = self.files[path]._replace(parts=parts_of(context, model))

    def _keyed(self, context: Context, subjects: set[str]) -> None:
        """Run the KEYED rules and keep each subject's findings with it; those in other files stay as they were."""
        found: dict[str, list[Diagnostic]] = {path: [] for path in subjects}
        needs: dict[str, list[Need]] = {path: [] for path in subjects}
        for rule in _rules(lambda r: r.scope == KEYED):
            assert rule.check is not None
            context.year_needs = []
            for finding in rule.check(context):
                if finding.location.path in self.files and finding.location.path not in subjects:
                    continue  # not re-checked: its findings are kept (placing it would read the file)
                placed = place(context.catalog, rule, finding)
                if placed.path in found:
                    found[placed.path].append(placed)
                elif placed.path not in self.files:
                    self.loose.append(Placed(rule.code, finding, placed))
            for year, where in context.year_needs:
                self.keyed_met.append((rule.code, year, where))
                if where.path in needs:
                    needs[where.path].append((rule.code, year, where))
                elif where.path not in self.files:
                    self.unfiled = True
        for path in subjects:
            self.found[path] = self.found.get(path, NOTHING)._replace(keyed=tuple(found[path]),
                                                                      keyed_needs=tuple(needs[path]))

    def _cross(self, context: Context, scopes: tuple[str, ...]) -> None:
        """Run the VIEW (and CATALOG) rules; keep their findings and the years they needed in lint's order."""
        placed: list[Placed] = []
        needs: list[Need] = []
        for rule in _rules(lambda r: r.scope in scopes):
            assert rule.check is not None
            context.year_needs = []
            placed.extend(Placed(rule.code, f, place(context.catalog, rule, f)) for f in rule.check(context))
            needs.extend((rule.code, year, where) for year, where in context.year_needs)
        self.placed, self.needs = tuple(placed), tuple(needs)

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
            self.found[path] = self.found[path]._replace(
                own=tuple(own.get(path, ())), first=tuple(first.get(path, ())) if path in self.first else (),
                needs=tuple(needs.get(path, ())))

    def _last(self) -> list[Diagnostic]:
        """GK805 and any rule that reads what the others met: from the needs of every file, in lint's order."""
        ordered = _ordered_needs(self.found, self.first, self.needs, self.keyed_met if self.in_order else None)
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
        # KEYED findings in no file: the next run checks the whole catalog again
        return State(self.settings, self.files, self.found, "" if self.loose or self.unfiled else self.key, self.placed,
                     self.needs, frozenset(self.view_reads) if self.view_reads is not None else None)


def _rules(select: Callable[[Rule], bool] = lambda r: True, last: bool = False) -> list[Rule]:
    """The rules lint runs, in its order, that *select* picks; runs_last rules only when *last*."""
    return [r for r in checking_rules() if r.runs_last == last and select(r)]


def _ordered_needs(found: dict[str, Found], first: set[str], cross: tuple[Need, ...],
                   keyed: list[Need] | None) -> list[Need]:
    """Every need in the order lint meets them: rule by rule, and within a per-file rule file by file.

    KEYED rules meet them file by file too (they check the records by path); *keyed*, when the whole catalog was
    checked in this run, is the order they were met in.
    """
    needy = [(p, found[p]) for p in sorted(found) if found[p].needs or found[p].keyed_needs]
    ordered: list[Need] = []
    for rule in _rules():
        if rule.scope in (VIEW, CATALOG) or (rule.scope == KEYED and keyed is not None):
            ordered.extend(n for n in (keyed if rule.scope == KEYED and keyed is not None else cross)
                           if n[0] == rule.code)
            continue
        for path, state in needy:
            if rule.scope == FIRST and path not in first:
                continue
            ordered.extend(n for n in (state.keyed_needs if rule.scope == KEYED else state.needs) if n[0] == rule.code)
    return ordered
