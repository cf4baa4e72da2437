"""Changing an index in place for a few pages: only the shards, groups and page files those pages touch."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from gongkai.search import encoding, files
from gongkai.search.doc import SearchDoc, from_entries, meta_entry, text_entry
from gongkai.search.keys import NO_KEYS, DocKeys, doc_keys
from gongkai.search.pinyin import FULL, syllables
from gongkai.search.state import Damaged, Existing
from gongkai.search.workers import in_parallel, ranges, shared

PARALLEL_SHARDS = 64  # shards to rewrite; below this a worker costs more than it saves

class Patch:
    """The edits a few pages make to an existing index, then the files they change."""

    def __init__(self, site: Path, existing: Existing) -> None:
        self.site = site
        self.meta = existing.meta
        self.docs = existing.docs
        self.groups: dict[int, dict[str, Any]] = {}
        self.texts: dict[str, dict[str, Any]] = {}  # text file → page → entry, as read and edited
        self.drops: dict[str, set[int]] = {}  # key → pages that no longer hold it (or hold it elsewhere)
        self.adds: dict[str, dict[int, int]] = {}  # key → page → HEAD or TEXT
        self.sounds: Counter[tuple[str, str]] = Counter()  # (pinyin key, word) → change of its count
        self.files: dict[str, bytes] = {}
        self.removed: set[str] = set()

    def old_doc(self, page: int) -> SearchDoc:
        """Page *page* as the index holds it."""
        meta = self.group(page // files.GROUP).get(str(page))
        text = self.text_file(page).get(str(page))
        if meta is None or not isinstance(text, dict):
            raise Damaged(files.text_path(page))
        return from_entries(meta, text)

    def text_file(self, page: int) -> dict[str, Any]:
        """The text file holding page *page* (page → entry), read once."""
        path = files.text_path(page)
        if path not in self.texts:
            found = files.read(self.site, path)
            if not isinstance(found, dict):
                raise Damaged(path)
            self.texts[path] = found
        return self.texts[path]

    def group(self, number: int) -> dict[str, Any]:
        if number not in self.groups:
            found = files.read(self.site, files.group_path(number))
            self.groups[number] = found if isinstance(found, dict) else {}
        return self.groups[number]

    def put(self, url: str, doc: SearchDoc, stamp: str) -> None:
        """Index *doc* at *url*, replacing what the index held there."""
        entry = self.docs.get(url)
        if entry is None:
            page, old, before = self.meta.next, None, NO_KEYS
            self.meta.next += 1
        else:
            page = entry[0]
            old = self.old_doc(page)
            before = doc_keys(old)
        after = doc_keys(doc)
        self._edit(page, before, after)
        if old is not None:
            self.meta.remove(page, old)
        self.meta.add(page, doc)
        self.group(page // files.GROUP)[str(page)] = meta_entry(doc)
        self._texts_of(page)[str(page)] = text_entry(doc)
        self.docs.put(url, [page, stamp])

    def drop(self, url: str) -> None:
        """Take the page at *url* out of the index."""
        entry = self.docs.pop(url)
        if entry is None:
            return
        page = entry[0]
        old = self.old_doc(page)
        self._edit(page, doc_keys(old), NO_KEYS)
        self.meta.remove(page, old)
        self.group(page // files.GROUP).pop(str(page), None)
        self.text_file(page).pop(str(page), None)

    def _texts_of(self, page: int) -> dict[str, Any]:
        """The text file a page is put in: a new page may open a file that does not exist yet."""
        path = files.text_path(page)
        if path not in self.texts and not (self.site / path).is_file():
            self.texts[path] = {}
        return self.text_file(page)

    def _edit(self, page: int, before: DocKeys, after: DocKeys) -> None:
        # only keys whose presence or place changed: an edited sentence touches a handful of shards, not hundreds
        old, new = before.entries, after.entries
        for key, where in old.items():
            if new.get(key) != where:
                self.drops.setdefault(key, set()).add(page)
        for key, where in new.items():
            if old.get(key) != where:
                self.drops.setdefault(key, set()).add(page)
                self.adds.setdefault(key, {})[page] = where
        self.sounds.subtract(before.pinyin - after.pinyin)
        self.sounds.update(after.pinyin - before.pinyin)

    def write(self) -> tuple[dict[str, bytes], list[str]]:
        """The files to write and the files to remove (paths under the site)."""
        sounds: dict[str, Counter[str]] = {}
        for (key, word), change in self.sounds.items():
            if change:
                sounds.setdefault(key, Counter())[word] += change
        by_shard: dict[int, list[str]] = {}
        for key in self.drops.keys() | sounds.keys():
            by_shard.setdefault(files.shard_of(key, self.meta.shards), []).append(key)
        work = sorted(by_shard.items())
        for packed, came, went in in_parallel(_write_shards, ranges(len(work), len(work) >= PARALLEL_SHARDS),
                                              (self, work, sounds)):
            self.files.update(packed)
            self.meta.sounds.update(syllables(came))
            self.meta.sounds.subtract(syllables(went))
        for number, group in self.groups.items():
            if group:
                self.files[files.group_path(number)] = files.pack(group)
            else:
                self.removed.add(files.group_path(number))
        for path, texts in self.texts.items():
            if texts:
                self.files[path] = files.pack(texts)
            else:
                self.removed.add(path)
        self.files[files.META] = files.pack(self.meta.dump())
        self.files.update(self.docs.dump())
        return self.files, sorted(self.removed - self.files.keys())

    def _shard(self, number: int, keys: list[str], sounds: dict[str, Counter[str]],
               came: list[str], went: list[str]) -> dict[str, Any]:
        """Shard *number* with *keys* edited; the full-pinyin keys it gains and loses are put in *came* and *went*."""
        shard = files.read(self.site, files.shard_path(number))
        if not isinstance(shard, dict):
            raise Damaged(files.shard_path(number))
        for key in keys:
            held = key in shard
            if key in sounds:
                counts: Counter[str] = Counter(shard.get(key, {}))
                counts.update(sounds[key])
                value: Any = {word: n for word, n in sorted(counts.items()) if n > 0}
            else:
                value = encoding.edit(shard.get(key, []), self.drops.get(key, set()), self.adds.get(key, {}))
            if value:
                shard[key] = value
            else:
                shard.pop(key, None)
            if held != bool(value) and key.startswith(FULL):
                (came if value else went).append(key)
        return shard


def _write_shards(numbers: range) -> tuple[dict[str, bytes], list[str], list[str]]:
    """The shards of *numbers*, and the full-pinyin keys they gained and lost (meta.json's syllables follow those)."""
    patch, work, sounds = shared()
    came: list[str] = []
    went: list[str] = []
    packed = {files.shard_path(work[i][0]): files.pack(patch._shard(work[i][0], work[i][1], sounds, came, went))
              for i in numbers}
    return packed, came, went
