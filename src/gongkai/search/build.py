"""A whole index from a list of pages: number them, collect every key's postings, write the files."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from gongkai.search import files
from gongkai.search.doc import SearchDoc, digest, meta_entry, text_entry
from gongkai.search.keys import doc_keys
from gongkai.search.state import Docs, Meta

_NO_DATE = dt.date.min


def ordered(docs: Iterable[SearchDoc]) -> list[SearchDoc]:
    """One page per url, oldest first: pages are numbered in this order and a higher number ranks first."""
    by_url = {doc.url: doc for doc in docs}
    return sorted(by_url.values(), key=lambda d: (d.date or _NO_DATE, d.url))


class FullBuild:
    """Collects pages numbered 0, 1, 2 … and writes every file of the index."""

    def __init__(self) -> None:
        self.postings: defaultdict[str, list[int]] = defaultdict(list)
        self.sounds: dict[str, dict[str, int]] = {}
        self.meta = Meta()
        self.docs = Docs()
        self.groups: dict[int, dict[str, list[object]]] = {}
        self.files: dict[str, bytes] = {}

    def add(self, page: int, doc: SearchDoc) -> None:
        """Index *doc* as page number *page* (numbers must come in increasing order)."""
        keys = doc_keys(doc)
        base = page * 2
        postings = self.postings
        for key, where in keys.entries.items():
            postings[key].append(base + where)
        for key, words in keys.pinyin.items():
            counts = self.sounds.setdefault(key, {})
            for word in words:
                counts[word] = counts.get(word, 0) + 1
        self.meta.add(page, doc, keys)
        self.docs.pages[doc.url] = [page, digest(doc)]
        self.docs.next = page + 1
        self.groups.setdefault(page // files.GROUP, {})[str(page)] = meta_entry(doc)
        self.files[files.text_path(page)] = files.pack(text_entry(doc))

    def write(self) -> dict[str, bytes]:
        """Every file of the index, by its path under the site."""
        count = files.shard_count(sum(map(len, self.postings.values())))
        self.meta.shards = count
        shards: list[dict[str, object]] = [{} for _ in range(count)]
        for key, postings in self.postings.items():
            shards[files.shard_of(key, count)][key] = files.encode(postings)
        for key, counts in self.sounds.items():
            shards[files.shard_of(key, count)][key] = counts
        written = self.files
        written.update((files.shard_path(n), files.pack(shard)) for n, shard in enumerate(shards))
        written.update((files.group_path(n), files.pack(group)) for n, group in self.groups.items())
        written[files.META] = files.pack(self.meta.dump())
        written[files.DOCS] = files.pack(self.docs.dump())
        return written

