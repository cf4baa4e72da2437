"""Incremental validate: per-file rules re-check only the files an edit touched; KEYED rules re-check those and the
files that share an id, a reference or a 索引号 with them; VIEW rules run again on a View that reads no other record
but by id. Whatever else changed (gongkai.yaml, an item, a ledger, the date…) runs every cross-file rule on the whole
catalog."""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3
from collections.abc import Callable
from collections.abc import Set as AbstractSet

from gongkai.catalog import Catalog, Listing, load
from gongkai.catalog.cache import Cache, damaged
from gongkai.catalog.files import ParsedFile
from gongkai.catalog.sources import Source
from gongkai.diagnostics import Diagnostic, Report
from gongkai.lint import apply_overrides, checking_rules, place
from gongkai.privacy import scan_ahead
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
from gongkai.recheck.store import Store, discard
from gongkai.recheck.view import COMPARED, PART_NAMES, Index, PartsContext, View, keys_of, parts_of
from gongkai.rules import Context, Rule
from gongkai.rules.base import CATALOG, FILE, FIRST, KEYED, VIEW

STATE_KEY = f"validate-state:v9:{','.join(PART_NAMES)}"  # Facts.parts are in PART_NAMES order
BLOBS_KEY = f"{STATE_KEY}:blobs"  # the State's whole table of blobs, kept apart (State.encode)


def recheck(source: Source, listing: Listing, cache: Cache, today: dt.date) -> tuple[Report, Catalog]:
    """The Report of a full lint of the catalog, computed from what changed since the last run."""
    stored = cache.memo(STATE_KEY)
    previous = State.decode(stored, cache.memo(BLOBS_KEY)) if stored is not None else None
    generation = previous.generation if previous is not None else None
    try:
        report, run = _recheck(source, listing, cache, today, previous, Store(cache.folder, generation))
    except sqlite3.DatabaseError as error:  # the facts store turned out damaged: check everything without it
        if not damaged(error) or cache.folder is None:
            raise
        discard(cache.folder)
        report, run = _recheck(source, listing, cache, today, None, Store(None, None))
    return report, run.catalog


def _recheck(source: Source, listing: Listing, cache: Cache, today: dt.date, previous: State | None,
             store: Store) -> tuple[Report, _Run]:
    try:
        run = _Run(source, listing, cache, today, previous if store.trusted else None, store)
        report = run.report()
        if run.full is None:  # a whole load forgets the parse results of contents gone; so must a partial one
            cache.evict_parsed(run.blobs.values())
        state = run.state()
        store.commit(state.generation)  # first the facts, then the State that vouches for them
    finally:
        store.close()
    kept, table = state.encode()
    if table is not None:  # first the table, then the State that names it
        cache.put_memo(BLOBS_KEY, table)
    cache.put_memo(STATE_KEY, kept)
    return report, run


class _Run:
    def __init__(self, source: Source, listing: Listing, cache: Cache, today: dt.date, previous: State | None,
                 store: Store) -> None:
        self.source, self.listing, self.cache, self.today, self.store = source, listing, cache, today, store
        self.others = [file for file in listing.files if file[1] != "record"]  # (path, kind, blob)
        self.settings = settings_key(self.others, today)
        self.attachments = AttachmentKeys(listing)
        self.same = same = previous is not None and previous.settings == self.settings
        if not same:
            store.clear()
        self.blobs: dict[str, str] = {path: blob for path, _, blob in listing.files}  # what each file holds now
        self.listed = self.blobs.keys()
        self.previous = previous
        self.files: dict[str, Facts] = {}  # the facts this run changed or read; the others are in the store
        self.found: dict[str, Found] = {}
        self.parsed: dict[str, ParsedFile] = {}
        seen = previous.blobs if previous is not None and same else {}
        self.attached = previous.attached if previous is not None and same else {}
        # Files whose per-file rules run in this run: changed, new, or naming an attachment that changed
        get = seen.get
        self.stale: set[str] = {path for path, blob in self.blobs.items() if get(path) != blob}
        attach_key = self.attachments.key
        self.stale.update(path for path, (attach, refs) in self.attached.items()
                          if path in self.blobs and attach != attach_key(refs))
        if previous is not None and same:
            self.found = {p: f for p, f in previous.found.items() if p in self.blobs and p not in self.stale}
        self.removed = seen.keys() - self.listed
        self.old = store.facts(self.stale | self.removed)  # what changed, as it was: read before it is replaced
        store.remove(self.removed)
        self.key = files_key(self.settings, self.attachments, self.others)
        # Anything but records changed (or a rule reads the whole catalog): every cross-file rule on every file
        self.whole = not same or previous is None or previous.files_key != self.key \
            or bool(_rules(lambda r: r.scope == CATALOG))
        self.full: Catalog | None = None
        self.view_reads: set[str] | None = None  # collecting the records VIEW rules read, while they run on a View
        self.catalog: Catalog = self._parse(self.stale)
        unplaced = (self._now_first() | self._of_items_changed()) - self.stale
        if unplaced:
            self.stale |= unplaced
            self.catalog = self._parse(self.stale)
        self.first = self._first(self.stale)

    def _of_items_changed(self) -> set[str]:
        """The records whose item changed, came or went: per-file rules read a record's item (GK611: a record of an
        item that lists people is a 公示, and its list is no finding)."""
        if len(self.stale) == len(self.listed):
            return set()
        keys = {key for path in self.stale | self.removed for facts in (self.old.get(path), self.files.get(path))
                if facts is not None and facts.kind == "item" for key in facts.defines if key[0] == "item"}
        if not keys:
            return set()
        named = self.store.sharing(keys) & self.listed
        return {path for path, facts in self._facts(named).items() if facts.kind == "record"}

    def _now_first(self) -> set[str]:
        """The files that are now the first of their id and were not when last checked: only an id a changed file
        held before or holds now can have a new first file."""
        if len(self.stale) == len(self.listed):
            return set()
        ids = {(f.kind, f.object_id) for f in (*self.old.values(), *(self.files[p] for p in self.stale)) if f.valid}
        firsts = set(self.store.firsts(ids).values())
        return {path for path, facts in self._facts(firsts - self.stale).items() if not facts.first_checked}

    def _first(self, paths: set[str]) -> set[str]:
        """Those of *paths* that are the first valid file (by path) of their id: what FIRST rules look at."""
        facts = self._facts(paths)
        if not facts:
            return set()
        if len(self.files) == len(self.listed):  # the whole catalog's facts are at hand (a whole run)
            first_of = firsts(self.files)
        else:
            first_of = self.store.firsts({(f.kind, f.object_id) for f in facts.values() if f.valid})
        return {path for path, f in facts.items() if f.valid and first_of.get((f.kind, f.object_id)) == path}

    def _facts(self, paths: AbstractSet[str]) -> dict[str, Facts]:
        """The facts of *paths*, files of the catalog: from this run, else from the store."""
        missing = paths - self.files.keys()
        if missing:
            self.files.update(self.store.facts(missing))
        return {path: self.files[path] for path in paths}

    def _set(self, path: str, facts: Facts) -> None:
        self.files[path] = facts
        self.store.put(path, facts)

    def _parse(self, wanted: set[str]) -> Catalog:
        """The catalog of *wanted* plus the settings files; the whole catalog when most files are wanted."""
        whole = len(wanted) * 2 > len(self.listing.files)
        settings = {p for p, kind, _ in self.others if kind in SETTING_KINDS}
        if whole and self.full is None:
            self.full = load(self.source, self.listing, self.cache, known=self.parsed)
        if self.full is not None:
            catalog = self._part(self.full, wanted | settings) if not whole else self.full
        else:
            catalog = load(self.source, self.listing, self.cache, only=wanted | settings, known=self.parsed)
            catalog.partial = True
        self.parsed.update(catalog.files)
        for path in wanted:
            self._set(path, facts_of(catalog.files[path], *keys_of(catalog.files[path])))
            self.found[path] = Found(loaded=tuple(catalog.files[path].diagnostics))
        if catalog.partial:  # per-file rules read a record's item (GK611): the items the records name come along
            named = self._items_named(catalog, wanted) - catalog.files.keys()
            if named:
                settings |= named
                if self.full is not None:
                    catalog = self._part(self.full, wanted | settings)
                else:
                    catalog = load(self.source, self.listing, self.cache, only=wanted | settings, known=self.parsed)
                    catalog.partial = True
                self.parsed.update(catalog.files)
            catalog.context = frozenset(settings - wanted)
        return catalog

    def _items_named(self, catalog: Catalog, paths: set[str]) -> set[str]:
        """The files of the items the records among *paths* name (the first valid file of each id)."""
        ids = {("item", parsed.model.item) for parsed in (catalog.files[p] for p in paths)
               if parsed.kind == "record" and parsed.model is not None and parsed.model.item is not None}
        return set(self.store.firsts(ids).values()) if ids else set()

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
        if self.stale:  # the privacy scan of the per-file rules runs in workers while the cross-file rules run here
            scan_ahead(self.catalog)
        if self.whole or not self._cross_view():
            self._cross_whole()
        self._per_file()
        self.first |= self._first(set(self.found) - self.stale)  # files with findings kept: FIRST ones are shown
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
        self._facts(self.listed)  # every file's facts at hand: the Index answers from them as they change
        index = Index(self.store, self.listed, self.files)
        context = PartsContext(self.full, self.today, index=index)
        self._parts(context, {p for p, kind, _ in self.listing.files if kind == "record"})
        self.loose, self.unfiled, self.keyed_met, self.in_order = [], False, [], True
        self._keyed(context, set(self.listed))
        self._cross(context, (VIEW, CATALOG))
        self.placed += tuple(self.loose)

    def _cross_view(self) -> bool:
        """KEYED rules on the changed files and those sharing a key with them, VIEW rules on a View; False when a
        KEYED finding lies in no file (then only the whole catalog tells)."""
        touched: set[Key] = set()
        for path in self.stale | self.removed:
            for facts in (self.old.get(path), self.files.get(path)):
                touched.update(facts.defines if facts is not None else ())
        index = Index(self.store, self.listed)
        subjects = self.stale | index.sharing(touched)
        # KEYED rules that compare the records they check with one another (GK201: ids one page apart; GK612: one
        # attachment) see every record sharing such a key with them: read along, not checked (their findings hold)
        compared = {key for facts in self._facts(subjects).values() for key in facts.defines if key[0] in COMPARED}
        beside = index.sharing(compared) - subjects if compared else set()
        others = {p for p, _, _ in self.others}
        loaded = load(self.source, self.listing, self.cache, only=subjects | beside | others, known=self.parsed)
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
            old, new = self.old.get(path), self.files.get(path)
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
        for path, facts in self._facts(paths).items():
            model = self.parsed[path].model
            if model is not None:
                self._set(path, facts._replace(parts=parts_of(context, model)))

    def _keyed(self, context: Context, subjects: set[str]) -> None:
        """Run the KEYED rules and keep each subject's findings with it; those in other files stay as they were."""
        found: dict[str, list[Diagnostic]] = {path: [] for path in subjects}
        needs: dict[str, list[Need]] = {path: [] for path in subjects}
        for rule in _rules(lambda r: r.scope == KEYED):
            assert rule.check is not None
            context.year_needs = []
            for finding in rule.check(context):
                if finding.location.path in self.listed and finding.location.path not in subjects:
                    continue  # not re-checked: its findings are kept (placing it would read the file)
                placed = place(context.catalog, rule, finding)
                if placed.path in found:
                    found[placed.path].append(placed)
                elif placed.path not in self.listed:
                    self.loose.append(Placed(rule.code, finding, placed))
            for year, where in context.year_needs:
                self.keyed_met.append((rule.code, year, where))
                if where.path in needs:
                    needs[where.path].append((rule.code, year, where))
                elif where.path not in self.listed:
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
            self._set(path, facts._replace(attach=self.attachments.key(facts.refs), first_checked=path in self.first))
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
        for path, facts in self._facts(paths & self.listed).items():
            files[path] = ParsedFile(path, facts.kind, facts.blob)
        return Catalog(self.source, files, self.listing.attachments, self.listing.attachment_stats, self.cache,
                       self.listing.notes, partial=True)

    def state(self) -> State:
        """What this run leaves for the next, under a new generation (the facts store is committed under it)."""
        attached = self.attached
        for path in self.removed | self.stale:
            attached.pop(path, None)
        for path in self.stale:
            facts = self.files[path]
            if facts.refs or facts.attach:
                attached[path] = (facts.attach, facts.refs)
        # KEYED findings in no file: the next run checks the whole catalog again
        state = State(self.settings, self.blobs, attached, self.found, secrets.token_hex(16),
                      "" if self.loose or self.unfiled else self.key, self.placed, self.needs,
                      frozenset(self.view_reads) if self.view_reads is not None else None)
        # the files whose content differs from what *previous* held are among those re-checked and those gone
        return state.changed(self.previous if self.same else None, self.stale | self.removed)


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
