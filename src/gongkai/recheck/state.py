"""What the last validate run knew about each file, and the keys that say whether it still holds."""

from __future__ import annotations

import datetime as dt
import marshal
import pickle
from dataclasses import dataclass
from typing import Any, NamedTuple

from gongkai.catalog import Listing
from gongkai.catalog.files import ParsedFile
from gongkai.catalog.sources import blob_id
from gongkai.diagnostics import Diagnostic, Location
from gongkai.rules import Finding

# What every file's check may read besides the file itself: gongkai.yaml and the holiday notices (the calendar).
SETTING_KINDS = frozenset({"agency", "notice"})

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
    """The last run: per-file results under the settings key, KEYED results under the files' key."""

    settings: str
    facts: dict[str, Facts]
    found: dict[str, Found]
    files_key: str = ""  # what every KEYED finding may depend on besides the records (files_key())
    placed: tuple[Placed, ...] = ()
    needs: tuple[Need, ...] = ()  # of VIEW and CATALOG rules, in the order met
    # The records VIEW rules read by id or placed a finding in; None when not known (they ran on the whole catalog)
    view_reads: frozenset[str] | None = None

    def encode(self) -> tuple[bytes, bytes]:
        """Facts as marshal (read 10× faster than pickled tuples); the few findings pickled."""
        facts = marshal.dumps({path: tuple(f) for path, f in self.facts.items()})
        rest = pickle.dumps((self.settings, self.found, self.files_key, self.placed, self.needs, self.view_reads),
                            protocol=pickle.HIGHEST_PROTOCOL)
        return facts, rest

    @classmethod
    def decode(cls, stored: Any) -> State | None:
        """The State *stored* by encode(), or None for anything else."""
        try:
            facts, rest = stored
            settings, found, files_key, placed, needs, view_reads = pickle.loads(rest)
            return cls(settings, {p: Facts._make(f) for p, f in marshal.loads(facts).items()}, found, files_key,
                       placed, needs, view_reads)
        except (TypeError, ValueError, EOFError, pickle.UnpicklingError):
            return None


def settings_key(listing: Listing, today: dt.date) -> str:
    """The date and the contents of gongkai.yaml and the holiday notices: a change re-checks every file."""
    parts = [today.isoformat(), *(f"{p}:{b}" for p, kind, b in listing.files if kind in SETTING_KINDS)]
    return blob_id("\n".join(parts).encode())


class AttachmentKeys:
    """The state of the attachments a file names, from the listing's (path, size, changed) of every other file."""

    def __init__(self, listing: Listing) -> None:
        self.stats = {path: (size, changed) for path, size, changed in listing.attachment_stats}
        self.whole = blob_id(repr((listing.attachment_stats, listing.notes)).encode())

    def key(self, refs: tuple[str, ...]) -> str:
        if not refs:
            return ""
        if all(ref in self.stats for ref in refs):
            return repr([(ref, self.stats[ref]) for ref in refs])
        return "*" + self.whole  # a path the listing does not hold as a file (missing, a link…): any change counts


def facts_of(parsed: ParsedFile, defines: tuple[Key, ...], refers: tuple[Key, ...]) -> Facts:
    """The facts of a freshly parsed file (parts, attach and first_checked are filled in when its rules have run)."""
    model = parsed.model
    refs = tuple(a.file for a in getattr(model, "attachments", None) or ()) if parsed.kind == "record" else ()
    return Facts(parsed.kind, parsed.blob, parsed.object_id, model is not None, refs, defines, refers)


def files_key(settings: str, attachments: AttachmentKeys, listing: Listing) -> str:
    """The settings, every attachment and every file that is not a record: KEYED rules read all of these."""
    others = "\n".join(f"{path}|{kind}|{blob}" for path, kind, blob in listing.files if kind != "record")
    return blob_id(f"{settings}|{attachments.whole}|{others}".encode())


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
