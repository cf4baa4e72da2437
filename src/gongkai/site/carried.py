"""Record pages carried over from the last build without declaring them again.

A record page's inputs are its admission (the record's file, its state on the day, its outputs, its title as shown),
its item's file, the records it names or that name it (解读, replacement) and the pages' chrome. After an edit of one
record of 100,000, declaring and keying the other pages is a third of the build — and the answer is known: the gate
kept their outcomes from its memo (gongkai.gate.memo), so their admissions are the ones the last build showed,
their items and gongkai.yaml are unchanged (the memo's outcomes hold only in the same context), and the chrome is
the one the store notes. A page is carried with the key the store holds when all of these hold:

- the store was written by the build that wrote the memo this build read (the same generation): the admissions
  the memo kept are those that build's pages were made from;
- the record's outcome came from that write of the memo (not an entry it left as it was);
- the chrome is the store's;
- the page reads no other record: the record names none, no record names it now, and none did then (the store notes
  the 编号 named).

Anything else is declared and keyed as always. The result is the same: tests/test_site_carried.py compares builds
that carry pages with builds that declare every page, over random edits and days.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from gongkai.gate.memo import Since
from gongkai.site.store import Store


class Carry(NamedTuple):
    """The record pages a build may carry over, if they read no other record now: looked up, not called, for each of
    100,000 pages."""

    ids: frozenset[str]  # the 编号 of records kept from the memo that no record named in the last build
    files: dict[str, Any]  # the store's entries by page path: the key the last build made each page with first


def carrier(store: Store, chrome: str, since: Since) -> Carry | None:
    """The record pages that may be carried over with the key the store holds; None when no page is carried."""
    if not since.read or store.gate != since.read or store.chrome != chrome or not store.files:
        return None
    return Carry(since.kept - frozenset(store.named), store.files)
