"""A whole index from a list of pages: number them, collect every key's postings, write the files.

With many pages the work is shared by forked workers: each makes the keys of a contiguous range of pages (their
postings stay sorted when the ranges are joined in order), then each encodes a share of the shards.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from typing import Any, TypeVar

from gongkai.search import files
from gongkai.search.doc import SearchDoc, digest, meta_entry, text_entry
from gongkai.search.keys import HEAD, TEXT, doc_keys
from gongkai.search.pinyin import syllables
from gongkai.search.state import Docs, Meta

_NO_DATE = dt.date.min
PARALLEL_MIN = 3000  # pages; below this a worker costs more than it saves
_shared: dict[str, Any] = {}  # what forked workers read (inherited, never pickled)
T = TypeVar("T")


def ordered(docs: Iterable[SearchDoc]) -> list[SearchDoc]:
    """One page per url, oldest first: pages are numbered in this order and a higher number ranks first."""
    by_url = {doc.url: doc for doc in docs}
    return sorted(by_url.values(), key=lambda d: (d.date or _NO_DATE, d.url))


class Content:
    """The postings, pinyin and page files of a range of pages."""

    def __init__(self) -> None:
        self.postings: defaultdict[str, list[int]] = defaultdict(list)
        self.sounds: Counter[tuple[str, str]] = Counter()  # (pinyin key, word) → pages
        self.files: dict[str, bytes] = {}
        self.stamps: list[str] = []  # each page's digest, in page order

    def add(self, page: int, doc: SearchDoc) -> None:
        """Index *doc* as page number *page* (numbers must come in increasing order)."""
        keys = doc_keys(doc)
        # map() over list.append runs the loop in C: this is most of the time a whole index takes
        posting = self.postings.__getitem__
        deque(map(list.append, map(posting, keys.head), repeat(page * 2 + HEAD)), maxlen=0)
        deque(map(list.append, map(posting, keys.text), repeat(page * 2 + TEXT)), maxlen=0)
        self.sounds.update(keys.pinyin)
        text = files.dumps(text_entry(doc))
        self.files[files.text_path(page)] = files.zipped(text)
        self.stamps.append(digest(doc, text))

    def join(self, later: Content) -> None:
        """Append the content of the pages after these."""
        postings = self.postings
        for key, found in later.postings.items():
            postings[key].extend(found)
        self.sounds.update(later.sounds)
        self.files.update(later.files)
        self.stamps += later.stamps


def build_index(docs: Iterable[SearchDoc]) -> tuple[dict[str, bytes], int]:
    """Every file of a new index holding *docs*, and the number of pages in it."""
    pages = ordered(docs)
    content = Content()
    for part in _in_parallel(_content, _ranges(len(pages), len(pages) >= PARALLEL_MIN), pages):
        content.join(part)
    meta, docs_table = Meta(), Docs(next=len(pages))
    groups: dict[int, dict[str, list[Any]]] = {}
    for page, (doc, stamp) in enumerate(zip(pages, content.stamps)):
        meta.add(page, doc)
        docs_table.pages[doc.url] = [page, stamp]
        groups.setdefault(page // files.GROUP, {})[str(page)] = meta_entry(doc)
    total = sum(map(len, content.postings.values()))
    meta.shards = files.shard_count(total)
    sounds: dict[str, dict[str, int]] = {}
    for (key, word), count in sorted(content.sounds.items()):
        sounds.setdefault(key, {})[word] = count
    meta.syllables = syllables(sounds)
    shards: list[dict[str, object]] = [{} for _ in range(meta.shards)]
    for key, postings in content.postings.items():
        shards[files.shard_of(key, meta.shards)][key] = postings
    for key, counts in sounds.items():
        shards[files.shard_of(key, meta.shards)][key] = counts
    written = content.files
    for packed in _in_parallel(_shards, _ranges(meta.shards, total >= PARALLEL_MIN * 100), shards):
        written.update(packed)
    written.update((files.group_path(n), files.pack(group)) for n, group in groups.items())
    written[files.META] = files.pack(meta.dump())
    written[files.DOCS] = files.pack(docs_table.dump())
    return written, len(pages)


def _content(pages: range) -> Content:
    docs: list[SearchDoc] = _shared["items"]
    content = Content()
    for page in pages:
        content.add(page, docs[page])
    return content


def _shards(numbers: range) -> dict[str, bytes]:
    shards: list[dict[str, Any]] = _shared["items"]
    found = {}
    for number in numbers:
        shard = shards[number]
        for key, value in shard.items():
            if isinstance(value, list):
                shard[key] = files.encode(value)
        found[files.shard_path(number)] = files.pack(shard)
    return found


def _ranges(size: int, parallel: bool) -> list[range]:
    """*size* items cut into one range per worker (one range when not *parallel* or the platform cannot fork)."""
    count = min(os.cpu_count() or 1, 4) if parallel and "fork" in multiprocessing.get_all_start_methods() else 1
    step = max(1, -(-size // count))
    return [range(start, min(start + step, size)) for start in range(0, size, step)] or [range(0)]


def _in_parallel(work: Callable[[range], T], parts: list[range], items: Sequence[Any]) -> list[T]:
    """work() on each part, in forked workers when there are several parts; the results in order."""
    _shared["items"] = items
    try:
        if len(parts) == 1:
            return [work(parts[0])]
        with multiprocessing.get_context("fork").Pool(len(parts)) as pool:
            return pool.map(work, parts)
    finally:
        _shared.clear()
