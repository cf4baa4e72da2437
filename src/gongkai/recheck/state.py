"""What the last validate run knew about each file, and the keys that say whether it still holds."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from gongkai.catalog import Listing
from gongkai.catalog.files import ParsedFile
from gongkai.catalog.sources import blob_id
from gongkai.diagnostics import Diagnostic, Location
from gongkai.rules import Finding

# What every file's check may read besides the file itself: gongkai.yaml and the holiday notices (the calendar).
SETTING_KINDS = frozenset({"agency", "notice"})
# Record fields no cross-file rule reads: an edit to them leaves every cross-file finding as it was.
PRIVATE_FIELDS = frozenset({"body"})

Need = tuple[str, int, Location]  # (rule code, year without a calendar, where a date in it was needed)


class FileState(NamedTuple):
    """One file as last checked: its facts, what the loader and the per-file rules found there."""

    kind: str
    blob: str
    object_id: str | None
    valid: bool
    refs: tuple[str, ...]  # the attachments it names
    summary: str  # hash of what cross-file rules may read of it
    loaded: tuple[Diagnostic, ...]
    attach: str = ""  # the state of its attachments when checked
    own: tuple[Diagnostic, ...] = ()  # findings of FILE rules
    first: tuple[Diagnostic, ...] | None = None  # findings of FIRST rules; None: not the first of its id then
    needs: tuple[Need, ...] = ()


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
    files: dict[str, FileState]
    digest: str = ""
    placed: tuple[Placed, ...] = ()
    needs: tuple[Need, ...] = ()  # of cross-file rules, in the order met
    extra: dict[str, Any] = field(default_factory=dict)


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


def facts_of(parsed: ParsedFile) -> FileState:
    """The facts of a freshly parsed file; its findings are filled in when its rules have run."""
    model = parsed.model
    refs = tuple(a.file for a in getattr(model, "attachments", None) or ()) if parsed.kind == "record" else ()
    return FileState(parsed.kind, parsed.blob, parsed.object_id, model is not None, refs, _summary(parsed),
                     tuple(parsed.diagnostics))


def _summary(parsed: ParsedFile) -> str:
    if parsed.kind != "record" or parsed.model is None:
        return f"{parsed.kind}:{parsed.blob}:{parsed.model is not None}"
    dumped = parsed.model.model_dump(mode="json", exclude=set(PRIVATE_FIELDS))
    return hashlib.sha1(json.dumps(dumped, ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def digest_of(settings: str, attachments: AttachmentKeys, files: dict[str, FileState]) -> str:
    """Everything cross-file rules read: the settings, every attachment, every file's summary."""
    digest = hashlib.sha1(f"{settings}|{attachments.whole}".encode())
    for path in sorted(files):
        state = files[path]
        digest.update(f"\n{path}|{state.kind}|{state.summary}".encode())
    return digest.hexdigest()


def firsts(files: dict[str, FileState]) -> set[str]:
    """Paths of the first valid file (by path) of each kind and id: the ones catalog.records / .items hold."""
    seen: set[tuple[str, str | None]] = set()
    found: set[str] = set()
    for path in sorted(files):
        state = files[path]
        if state.valid and (state.kind, state.object_id) not in seen:
            seen.add((state.kind, state.object_id))
            found.add(path)
    return found
