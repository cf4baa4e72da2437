"""What the last validate run knew about each file, and the keys that say whether it still holds."""

from __future__ import annotations

import datetime as dt
import marshal
import pickle
import unicodedata
from dataclasses import dataclass
from typing import Any, NamedTuple

from gongkai.catalog import Listing
from gongkai.catalog.files import ParsedFile
from gongkai.catalog.sources import blob_id
from gongkai.diagnostics import Diagnostic, Location
from gongkai.rules import Finding

# What every file's check may read besides the file itself: gongkai.yaml and the holiday notices (the calendar).
SETTING_KINDS = frozenset({"agency", "notice"})
# The changes kept beside the whole table of blobs (State.encode) stay below this share of the files (1 in 20)
DELTA_SHARE = 20

Need = tuple[str, int, Location]  # (rule code, year without a calendar, where a date in it was needed)
Key = tuple[str, str]  # (kind, id) a file defines or refers to; ("索引号", number) a record holds


class Facts(NamedTuple):
    """What one file was when last checked, and whether its FIRST rules were run on it (it was the first of its id)."""

    kind: str
    blob: str
    object_id: str | None
    valid: bool
    refs: tuple[str, ...]  # the attachments it names
    defines: tuple[Key, ...] = ()  # its name, its id, its 索引号 (view.keys_of)
    refers: tuple[Key, ...] = ()  # the ids it looks up
    parts: tuple[Any, ...] = ()  # of a valid record: what VIEW rules read of it (view.PART_NAMES)
    attach: str = ""  # the state of its attachments when checked
    first_checked: bool = False


class Found(NamedTuple):
    """What the loader and the per-file rules found in one file; kept only for files where they found something."""

    loaded: tuple[Diagnostic, ...] = ()
    own: tuple[Diagnostic, ...] = ()  # findings of FILE rules
    first: tuple[Diagnostic, ...] = ()  # findings of FIRST rules
    needs: tuple[Need, ...] = ()
    keyed: tuple[Diagnostic, ...] = ()  # findings of KEYED rules
    keyed_needs: tuple[Need, ...] = ()


NOTHING = Found()


@dataclass(frozen=True)
class Placed:
    """A VIEW or CATALOG rule's finding and where it was placed."""

    code: str
    finding: Finding
    diagnostic: Diagnostic


@dataclass
class State:
    """The last run: per-file results under the settings key, KEYED results under the files' key.

    The Facts of every file are kept in the facts store (recheck.store) under *generation*; *blobs* and *attached*
    tell which of them still hold without reading them (a file's kind is that of its path: catalog.kinds.kind_of).
    """

    settings: str
    blobs: dict[str, str]  # path → the content checked
    attached: dict[str, tuple[str, tuple[str, ...]]]  # path → (attach, refs) of the files that name attachments
    found: dict[str, Found]
    generation: str
    files_key: str = ""  # what every KEYED finding may depend on besides the records (files_key())
    placed: tuple[Placed, ...] = ()
    needs: tuple[Need, ...] = ()  # of VIEW and CATALOG rules, in the order met
    # The records VIEW rules read by id or placed a finding in; None when not known (they ran on the whole catalog)
    view_reads: frozenset[str] | None = None
    # How *blobs* is kept (encode): the whole table as written by the run of generation *base*, and what changed
    # since (None: the path is gone). A run that checked a few files writes only those, not the 100,000 paths again;
    # *delta* None writes the whole table anew.
    base: str = ""
    delta: dict[str, str | None] | None = None

    def encode(self) -> tuple[bytes, tuple[str, bytes] | None]:
        """The State, and the whole table of blobs when it is to be written again (else None: the one kept holds,
        with the delta).

        The table as marshal (read 10× faster than a pickled dict), apart from the few findings: it is 7 MB for
        100,000 files, and writing it costs a run after one edit a tenth of a second.
        """
        if self.delta is None or not self.base:
            base, delta, table = self.generation, {}, (self.generation, marshal.dumps(self.blobs))
        else:
            base, delta, table = self.base, self.delta, None
        rest = (self.settings, self.attached, self.found, self.generation, self.files_key, self.placed, self.needs,
                self.view_reads, base, delta)
        return pickle.dumps(rest, protocol=pickle.HIGHEST_PROTOCOL), table

    @classmethod
    def decode(cls, stored: Any, table: Any) -> State | None:
        """The State *stored* by encode() with the *table* of blobs it was written against, or None for anything else
        (a table written by another run than the one the State names)."""
        try:
            settings, attached, found, generation, files_key, placed, needs, view_reads, base, delta = \
                pickle.loads(stored)
            written, whole = table
            if written != base or not isinstance(delta, dict):
                return None
            blobs = marshal.loads(whole)
            for path, blob in delta.items():
                if blob is None:
                    blobs.pop(path, None)
                else:
                    blobs[path] = blob
            return cls(settings, blobs, attached, found, generation, files_key, placed, needs, view_reads, base, delta)
        except (TypeError, ValueError, EOFError, pickle.UnpicklingError):
            return None

    def changed(self, previous: State | None, paths: set[str]) -> State:
        """This State to be kept as the changes of *paths* (read anew or gone) since *previous*, when *previous*
        holds the same files but those: its table of blobs is not written again until the changes grow large."""
        if previous is None or not previous.base or previous.delta is None:
            return self
        delta = {**previous.delta, **{path: self.blobs.get(path) for path in paths}}
        if len(delta) * DELTA_SHARE > len(self.blobs):
            return self
        self.base, self.delta = previous.base, delta
        return self


def settings_key(others: list[tuple[str, str, str]], today: dt.date) -> str:
    """The date and the contents of gongkai.yaml and the holiday notices: a change re-checks every file.

    *others* are the listed files that are not records (as listing.files: path, kind, blob).
    """
    parts = [today.isoformat(), *(f"{p}:{b}" for p, kind, b in others if kind in SETTING_KINDS)]
    return blob_id("\n".join(parts).encode())


class AttachmentKeys:
    """The state of the attachments a file names, from the listing's (path, size, content, links) of every other
    file."""

    def __init__(self, listing: Listing) -> None:
        self.stats = {path: (size, changed, links) for path, size, changed, links in listing.attachment_stats}
        self.whole = blob_id(listing.besides.encode())
        # an empty folder or a link beside an attachment, named like it up to case, is its twin as a file is (GK606)
        self.twins = twins([*self.stats, *(path for path, _ in listing.unlisted)])

    def key(self, refs: tuple[str, ...]) -> str:
        if not refs:
            return ""
        if all(ref in self.stats for ref in refs):
            # a file or folder on the way that Windows takes for another (GK606): added, or gone
            return repr([(ref, self.stats[ref], *self._twins_of(ref)) for ref in refs])
        return "*" + self.whole  # a path the listing does not hold as a file (missing, a link…): any change counts

    def _twins_of(self, ref: str) -> tuple[tuple[str, ...], ...]:
        if not self.twins:
            return ()
        parts = ref.split("/")
        on_the_way = ("/".join(parts[:end]) for end in range(1, len(parts) + 1))
        return tuple(self.twins[path] for path in on_the_way if path in self.twins)


def twins(paths: list[str]) -> dict[str, tuple[str, ...]]:
    """Each of the listed *paths* and their folders that another one is the same as up to case and Unicode form (one
    file on Windows and macOS: GK606), with all of them. One fold of all the paths in C; the groups only when any."""
    folders: set[str] = set()
    for folder in {path.rpartition("/")[0] for path in paths}:
        while folder and folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    entries = [*paths, *folders]
    folded = unicodedata.normalize("NFC", "\x00".join(entries)).casefold().split("\x00")
    if len(set(folded)) == len(entries):
        return {}
    groups: dict[str, list[str]] = {}
    for entry, same in zip(entries, folded):
        groups.setdefault(same, []).append(entry)
    return {entry: tuple(sorted(group)) for group in groups.values() if len(group) > 1 for entry in group}


def facts_of(parsed: ParsedFile, defines: tuple[Key, ...], refers: tuple[Key, ...]) -> Facts:
    """The facts of a freshly parsed file (parts, attach and first_checked are filled in when its rules have run)."""
    model = parsed.model
    refs = tuple(a.file for a in getattr(model, "attachments", None) or ()) if parsed.kind == "record" else ()
    return Facts(parsed.kind, parsed.blob, parsed.object_id, model is not None, refs, defines, refers)


def files_key(settings: str, attachments: AttachmentKeys, others: list[tuple[str, str, str]]) -> str:
    """The settings, every attachment and every file that is not a record (*others*): KEYED rules read all of these."""
    listed = "\n".join(f"{path}|{kind}|{blob}" for path, kind, blob in others)
    return blob_id(f"{settings}|{attachments.whole}|{listed}".encode())


def firsts(files: dict[str, Facts]) -> dict[tuple[str, str | None], str]:
    """(kind, id) → the first valid file (by path) with it: the files catalog.records / .items hold."""
    first: dict[tuple[str, str | None], str] = {}
    for path, facts in files.items():
        if facts.valid:
            key = (facts.kind, facts.object_id)
            known = first.get(key)
            if known is None or path < known:
                first[key] = path
    return first
