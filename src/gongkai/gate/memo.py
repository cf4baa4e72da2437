"""The gate's decisions, remembered: a build after one edit decides the record that changed, not all 100,000.

The gate decides each record from its file, its item, gongkai.yaml, the holiday notices and its attachments, on a
day; the outcome stays right until the first day on which it may change (Outcome.change: published, withdrawn, the
公示's end, 有效性, the 保密审查's date, the birth date of an ID a float rounded). The memo keeps every record file's
outcome with the file's content hash, the day it was decided and a fingerprint of everything else the gate reads
(the context): every file that is not a record, every attachment's size and change time, the files not read, and the
holiday library's version (gongkai's own code signs the memo: another version does not read it).

A command whose context is the memo's takes from it each outcome that still holds — the same file, the same
context, decided on or before today and not past its change — and decides the others: the record files edited since,
and those whose day of change has come (a 公示 that ended, a 公开日期 reached: the daily build decides a handful).
It loads just those record files (and every file of the other kinds); the checks across records (a file shared with
a withdrawn, withheld or ended record; the directory's own personal data) run over all of them, as in a whole
decision. Anything else decides every record afresh from the parsed snapshot: another context (a changed item,
gongkai.yaml, calendar or attachment), an 编号 declared by two files (GK201), more than a few records to decide
again (a day far back: reading them one by one is slower than the snapshot), no memo. An outcome is checked on its
own, not by the memo as a whole, because a record file away or unreadable for a while is left out of the memo's later
writes, not removed from it: put back unchanged, its old outcome may be from another context or past its change.
The result is the same either way (tests/test_gate_memo.py and tests/test_hostile13_memo.py compare both over random
edits and days).

The memo lives in the catalog's cache folder, signed and written like the parsed snapshot (catalog.snapshot): a base
and a small delta. It keeps no records: an admission the memo kept reads its record's file when a page shows it
(Admission.record, _Reread).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any, NamedTuple

from gongkai.catalog import Catalog
from gongkai.catalog.cache import Cache
from gongkai.catalog.files import ParsedFile, parse_file
from gongkai.catalog.listing import Listing
from gongkai.catalog.loader import load
from gongkai.catalog.snapshot import Snapshot
from gongkai.catalog.sources import Source, WorkingTree, blob_id
from gongkai.errors import UsageProblem
from gongkai.gate.admission import Admission
from gongkai.gate.admit import Gate, Outcome, admit
from gongkai.model import Record
from gongkai.model.base import page_key

NAME = "gate"
# More record files to decide again than this share of them (and this many) are decided afresh, from the snapshot
AGAIN_SHARE = 0.02
AGAIN_MIN = 200
HEAD = "\0head"  # the memo's own entry: no file in a catalog has this path
RECORD = "record"


class CatalogChanged(UsageProblem):
    """A record file changed while a command was reading the catalog; str() is a Chinese message."""


class Head(NamedTuple):
    """The context of the memo's last decision (what the outcomes it wrote were decided with), and a name for that
    write (its generation)."""

    path: str
    context: str
    generation: str
    left: frozenset[str]  # entries of the memo this write did not write again (a file unreadable for a while)


class Since(NamedTuple):
    """What a command can tell a later one of its decision: which memo its outcomes were kept from, which one it
    wrote, and the records whose outcome it kept unchanged (a build whose last run wrote the memo this one read
    knows those records stand as they did then: gongkai.site.carried)."""

    read: str  # the generation of the memo whose outcomes this command kept ("" when it decided afresh)
    written: str  # the generation this command wrote ("" when it wrote none)
    kept: frozenset[str]  # the 编号 of the records whose outcome came unchanged from the memo


NOTHING_KEPT = Since("", "", frozenset())


class Kept(NamedTuple):
    """One record file's outcome, with the content hash of the file it was decided from, what else it was decided
    from (the memo's context then) and on which day: it holds from that day to its first change."""

    path: str
    blob: str
    outcome: Outcome
    context: str
    day: dt.date


def open_memo(source: Source, cache: Cache, stop: Callable[[], bool] | None = None) -> Snapshot:
    """The gate's memo for the catalog of *source*: empty without a cache folder, or for a git revision (or when
    *stop*, asked as it is read, says it is not needed)."""
    return Snapshot(cache.folder if isinstance(source, WorkingTree) else None, cache.key, NAME, stop)


def admit_remembered(source: Source, listing: Listing, cache: Cache, today: dt.date,
                     memo: Snapshot | None = None) -> tuple[Catalog, Gate, Since]:
    """The catalog (whole, or the files an incremental decision reads) and the gate's decision on *today*, from the
    memo (*memo*, when already read: open_memo) where it holds; the memo is brought up to date for the next command."""
    memo = memo if memo is not None else open_memo(source, cache)
    context = _context(listing)
    head = memo.get(HEAD)
    found = None
    if isinstance(head, Head) and head.context == context:
        found = _again(source, listing, cache, today, memo, context)
    if found is None:
        catalog, gate = _afresh(source, listing, cache, today)
        kept: dict[str, Outcome] = {}
    else:
        catalog, gate, kept = found
    generation = os.urandom(8).hex()
    written = _remember(memo, catalog, listing, gate, context, today, generation)
    read, ids = "", frozenset[str]()
    if kept and isinstance(head, Head):  # what the last write wrote, not an entry it left as it was
        read, ids = head.generation, frozenset(o.id for path, o in kept.items() if path not in head.left)
    return catalog, gate, Since(read, generation if written else "", ids)


def _afresh(source: Source, listing: Listing, cache: Cache, today: dt.date) -> tuple[Catalog, Gate]:
    catalog = load(source, listing, cache)
    return catalog, admit(catalog, today)


def _again(source: Source, listing: Listing, cache: Cache, today: dt.date, memo: Snapshot,
           context: str) -> tuple[Catalog, Gate, dict[str, Outcome]] | None:
    """The decision from the memo's outcomes and the record files that changed; None when it cannot be made so."""
    kept: dict[str, Outcome] = {}
    wanted: set[str] = set()
    again = 0  # record files to decide again
    known: dict[str, Any] = {}
    reread = _Reread(source, listing, kept)
    get = memo.entries.get
    for path, kind, blob in listing.files:  # 100,000 times after one edit: written out, without calls
        entry = get(path)
        if kind != RECORD:
            wanted.add(path)
            if isinstance(entry, ParsedFile):
                known[path] = entry
        # An outcome holds when a fresh gate would reach it on *today* for this file in this context: the same file
        # and context, decided on or before today, not past its change. An entry the last command did not write (its
        # file was away or unreadable then) may be from another context or day.
        elif (type(entry) is Kept and entry.blob == blob and entry.context == context and entry.day <= today
              and ((change := entry.outcome.change) is None or today < change)):
            kept[path] = outcome = entry.outcome
            if (admission := outcome.admission) is not None:
                admission.remembered(reread)
        else:
            wanted.add(path)
            again += 1
    if again > max(AGAIN_MIN, AGAIN_SHARE * (again + len(kept))):
        return None  # parsed one by one, many files take longer than the whole snapshot
    catalog = load(source, listing, cache, only=wanted, known=known)
    catalog.partial = True  # the privacy scan's memo is for whole catalogs: it looks at the changed records only
    ids = {page_key(outcome.id) for outcome in kept.values()}  # R2026-001 and r2026-001 are one page (page_key)
    decided = [page_key(model.id) for _, model in catalog.models(RECORD)]
    if len(ids) < len(kept) or len(ids.union(decided)) < len(ids) + len(decided):
        return None  # an 编号 declared twice: which file stands depends on all of them (decided afresh)
    gate = admit(catalog, today, kept)
    return None if gate.declared_twice else (catalog, gate, kept)


class _Reread:
    """Reads the record of a remembered admission from its file when a page shows it (one for all of them: a build
    after one edit keeps 100,000 outcomes and shows one or two of their records)."""

    def __init__(self, source: Source, listing: Listing, kept: dict[str, Outcome]) -> None:
        self.source, self.listing, self.kept = source, listing, kept
        self.files: dict[str, tuple[str, str]] = {}  # 编号 → (path, blob) of the file its outcome was kept for

    def __call__(self, admission: Admission) -> Record:
        """*admission*'s record as the gate showed it (its title: a name its own list holds masked,
        gate.admit._shown); the file must still be the one decided on."""
        if not self.files:
            blobs = {path: blob for path, _, blob in self.listing.files}
            self.files = {outcome.id: (path, blobs[path]) for path, outcome in self.kept.items()}
        path, blob = self.files[admission.id]
        changed = CatalogChanged(f"「{path}」在生成网站的过程中被修改了，网站没有更新。请保存好文件后重新运行。")
        try:
            data = self.source.read(path)
        except OSError:  # deleted or moved away meanwhile
            raise changed from None
        parsed = parse_file(path, RECORD, blob, data)
        if blob_id(data) != blob or not isinstance(parsed.model, Record):
            raise changed
        record, title = parsed.model, admission.facts.title
        return record if record.title == title else record.model_copy(update={"title": title})


def _remember(memo: Snapshot, catalog: Catalog, listing: Listing, gate: Gate, context: str, today: dt.date,
              generation: str) -> bool:
    """Keep *gate*'s outcomes, and the other files as parsed, for the next command (not when an 编号 is declared
    twice: then the outcomes depend on each other); False when nothing was kept."""
    if memo.folder is None or gate.declared_twice:
        return False
    entries: dict[str, Any] = {}
    changed = {HEAD}
    get, outcomes = memo.entries.get, gate.outcomes
    for path, kind, blob in listing.files:
        entry = get(path)
        new: Any
        if kind != RECORD:
            new = catalog.files.get(path)
        elif (outcome := outcomes.get(path)) is not None:
            new = (entry if isinstance(entry, Kept) and entry.outcome is outcome
                   else Kept(path, blob, outcome, context, today))
        else:
            continue  # a record file that could not be read: read again next time
        if new is not None:
            entries[path] = new
            if new is not entry:
                changed.add(path)
    left = frozenset(path for path in memo.paths() if path not in entries and path != HEAD)
    entries[HEAD] = Head(HEAD, context, generation, left)
    return memo.save(entries, changed)


def _context(listing: Listing) -> str:
    """Everything the gate reads beyond the record files: the other files, the attachments, the holiday library."""
    import chinese_calendar  # noqa: PLC0415 — the gate reads it (workdays); imported there anyway

    others = [f"{path}\0{kind}\0{blob}" for path, kind, blob in listing.files if kind != RECORD]
    return blob_id("\n".join([chinese_calendar.__version__, *others, listing.besides]).encode())
