"""What the last validate run knew about each file, and the keys that say whether it still holds."""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
import pickle
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from gongkai.catalog import Listing
from gongkai.catalog.files import ParsedFile
from gongkai.catalog.sources import blob_id
from gongkai.diagnostics import Diagnostic, Location
from gongkai.rules import Finding

# What every file's check may read besides the file itself: gongkai.yaml and the holiday notices (the calendar).
SETTING_KINDS = frozenset({"agency", "notice"})

Need = tuple[str, int, Location]  # (rule code, year without a calendar, where a date in it was needed)


class Facts(NamedTuple):
    """What one file was when last checked, and whether its FIRST rules were run on it (it was the first of its id)."""

    kind: str
    blob: str
    object_id: str | None
    valid: bool
    refs: tuple[str, ...]  # the attachments it names
    summary: str  # what cross-file rules may read of it: the blob, or a record without its 正文
    attach: str = ""  # the state of its attachments when checked
    first_checked: bool = False


class Found(NamedTuple):
    """What the loader and the per-file rules found in one file; kept only for files where they found something."""

    loaded: tuple[Diagnostic, ...] = ()
    own: tuple[Diagnostic, ...] = ()  # findings of FILE rules
    first: tuple[Diagnostic, ...] = ()  # findings of FIRST rules
    needs: tuple[Need, ...] = ()


NOTHING = Found()


@dataclass(frozen=True)
class Placed:
    """A cross-file rule's finding and where it was placed."""

    code: str
    finding: Finding
    diagnostic: Diagnostic


@dataclass
class State:
    """The last run: per-file results under the settings key, cross-file results under the summary digest."""

    settings: str
    facts: dict[str, Facts]
    found: dict[str, Found]
    digest: str = ""
    placed: tuple[Placed, ...] = ()
    needs: tuple[Need, ...] = ()  # of cross-file rules, in the order met

    def encode(self) -> tuple[bytes, bytes]:
        """Facts as marshal (read 10× faster than pickled tuples); the few findings pickled."""
        facts = marshal.dumps({path: tuple(f) for path, f in self.facts.items()})
        rest = pickle.dumps((self.settings, self.found, self.digest, self.placed, self.needs),
                            protocol=pickle.HIGHEST_PROTOCOL)
        return facts, rest

    @classmethod
    def decode(cls, stored: Any) -> State | None:
        """The State *stored* by encode(), or None for anything else."""
        try:
            facts, rest = stored
            settings, found, digest, placed, needs = pickle.loads(rest)
            return cls(settings, {p: Facts._make(f) for p, f in marshal.loads(facts).items()}, found, digest, placed,
                       needs)
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


def facts_of(parsed: ParsedFile) -> Facts:
    """The facts of a freshly parsed file (attach and first_checked are filled in when its rules have run)."""
    model = parsed.model
    refs = tuple(a.file for a in getattr(model, "attachments", None) or ()) if parsed.kind == "record" else ()
    # No cross-file rule reads a record's 正文 (see docs/decisions/incremental-validate.md)
    summary = parsed.outline if parsed.kind == "record" and model is not None else parsed.blob
    return Facts(parsed.kind, parsed.blob, parsed.object_id, model is not None, refs, summary or parsed.blob)


def digest_of(settings: str, attachments: AttachmentKeys, files: dict[str, Facts], listing: Listing) -> str:
    """Everything cross-file rules read: the settings, every attachment, every file's summary.

    In listing order, not sorted: the same tree lists in the same order, and another order only costs a rerun.
    """
    digest = hashlib.sha1(f"{settings}|{attachments.whole}".encode())
    digest.update("\n".join(f"{path}|{files[path].kind}|{files[path].summary}" for path, _, _ in listing.files).encode())
    return digest.hexdigest()


def firsts(files: dict[str, Facts]) -> set[str]:
    """Paths of the first valid file (by path) of each kind and id: the ones catalog.records / .items hold."""
    first: dict[tuple[str, str | None], str] = {}
    for path, facts in files.items():
        if facts.valid:
            key = (facts.kind, facts.object_id)
            known = first.get(key)
            if known is None or path < known:
                first[key] = path
    return set(first.values())
