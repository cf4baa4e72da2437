"""A whole index from a list of pages: number them, collect every key's postings, write the files.

The n-gram postings of all pages are formed in arrays (postings.py), a chunk of pages at a time, then sorted into
shard order at once; each shard's JSON is then written from slices of one array. With many shards, forked workers
share the writing (JSON and gzip are most of what is left).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from gongkai.search import encoding, files
from gongkai.search.doc import SearchDoc, digest, meta_entry, text_entry
from gongkai.search.keys import TEXT, filter_key
from gongkai.search.pinyin import pinyin_keys, syllables
from gongkai.search.postings import Postings, Units, chunk_postings, chunks, distinct, joined
from gongkai.search.state import Docs, Meta
from gongkai.search.workers import in_parallel, ranges, shared

_NO_DATE = dt.date.min
PARALLEL_SHARDS = 256  # shards; below this a worker costs more than it saves


def ordered(docs: Iterable[SearchDoc]) -> list[SearchDoc]:
    """One page per url, oldest first: pages are numbered in this order and a higher number ranks first."""
    by_url = {doc.url: doc for doc in docs}
    return sorted(by_url.values(), key=lambda d: (d.date or _NO_DATE, d.url))


@dataclass
class Shards:
    """Every key's encoded postings in shard order, and the string-keyed extras (filters, pinyin) by shard."""

    names: list[str]  # key texts, in shard order
    key_bounds: npt.NDArray[np.int64]  # shard n holds names[key_bounds[n]:key_bounds[n + 1]]
    values: npt.NDArray[np.int64]  # the encoded lists, one after the other
    offsets: npt.NDArray[np.int64]  # key i's list is values[offsets[i]:offsets[i + 1]]
    extras: list[dict[str, Any]]

    def shard(self, number: int) -> dict[str, Any]:
        """Shard *number* as the JSON object it is written as."""
        first, last = int(self.key_bounds[number]), int(self.key_bounds[number + 1])
        low = int(self.offsets[first])
        values = self.values[low:int(self.offsets[last])].tolist()
        cuts = (self.offsets[first:last + 1] - low).tolist()
        found: dict[str, Any] = {name: values[cuts[i]:cuts[i + 1]] for i, name in enumerate(self.names[first:last])}
        found.update(self.extras[number])
        return found


def build_index(docs: Iterable[SearchDoc]) -> tuple[dict[str, bytes], int]:
    """Every file of a new index holding *docs*, and the number of pages in it."""
    pages = ordered(docs)
    units = Units()
    parts = [chunk_postings(units, first, chunk) for first, chunk in chunks(pages)]
    written: dict[str, bytes] = {}
    meta = Meta(docs=files.shard_count(len(pages), files.TARGET_DOCS), next=len(pages))
    docs_table = Docs(meta.docs)
    extra: dict[str, list[int]] = {}
    sounds: Counter[tuple[str, str]] = Counter()  # (pinyin key, word) → pages
    groups: dict[int, dict[str, list[Any]]] = {}
    texts: dict[str, dict[str, Any]] = {}
    for page, doc in enumerate(pages):
        entry = text_entry(doc)
        text = files.dumps(entry)
        texts.setdefault(files.text_path(page), {})[str(page)] = entry
        docs_table.put(doc.url, [page, digest(doc, text)])
        meta.add(page, doc)
        groups.setdefault(page // files.GROUP, {})[str(page)] = meta_entry(doc)
        for name, value in doc.filters.items():
            if value:
                extra.setdefault(filter_key(name, value), []).append(page * 2 + TEXT)
        sounds.update(pinyin_keys(doc.pinyin_terms))
    meta.shards = files.shard_count(sum(map(len, parts)) + sum(map(len, extra.values())))
    by_sound: dict[str, dict[str, int]] = {}
    for (key, word), count in sorted(sounds.items()):
        by_sound.setdefault(key, {})[word] = count
    meta.sounds = syllables(by_sound)
    extras: list[dict[str, Any]] = [{} for _ in range(meta.shards)]
    for key, postings in extra.items():
        extras[files.shard_of(key, meta.shards)][key] = encoding.encode(postings)
    for key, counts in by_sound.items():
        extras[files.shard_of(key, meta.shards)][key] = counts
    shards = _in_shard_order(units, parts, meta.shards, extras)
    parallel = meta.shards >= PARALLEL_SHARDS
    for packed in in_parallel(_write_shards, ranges(meta.shards, parallel), shards):
        written.update(packed)
    written.update((files.group_path(n), files.pack(group)) for n, group in groups.items())
    written.update((path, files.pack(entries)) for path, entries in texts.items())
    written[files.META] = files.pack(meta.dump())
    written.update(docs_table.dump())
    return written, len(pages)


def _in_shard_order(units: Units, parts: list[Postings], count: int, extras: list[dict[str, Any]]) -> Shards:
    """The chunks' postings joined, keys grouped by the shard their text hashes to; *parts* is emptied."""
    keys = distinct(parts)
    names = [units.key_text(k) for k in keys.tolist()]
    shard_of = np.fromiter((files.shard_of(n, count) for n in names), dtype=np.int64, count=len(names))
    order = np.argsort(shard_of, kind="stable")
    place = np.empty(len(keys), dtype=np.int64)
    place[order] = np.arange(len(keys), dtype=np.int64)
    postings = joined(parts, keys, place)
    parts.clear()  # the caller's chunks are in *postings* now: not held while the lists are encoded
    values, offsets = encoding.encode_lists(postings.at, postings.starts)
    key_bounds = np.append(0, np.cumsum(np.bincount(shard_of, minlength=count)))
    return Shards([names[i] for i in order.tolist()], key_bounds, values, offsets, extras)


def _write_shards(numbers: range) -> dict[str, bytes]:
    shards: Shards = shared()
    return {files.shard_path(n): files.pack(shards.shard(n)) for n in numbers}
