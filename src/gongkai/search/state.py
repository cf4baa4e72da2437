"""The index's tables: meta.json (for the browser) and the page table d/<n>.json (for the builder)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.search import files
from gongkai.search.doc import FILTERS, SearchDoc


@dataclass
class Meta:
    """What every query needs: the shard count, the directory's pages, the empty and lapsed ones, filter values,
    syllables."""

    shards: int = 1
    pages: int = 0
    docs: int = 1  # files of the page table
    next: int = 0  # the number the next new page gets
    nav: dict[int, str] = field(default_factory=dict)  # page → title, for ranking and for near terms
    empty: set[int] = field(default_factory=set)
    lapsed: set[int] = field(default_factory=set)
    filters: dict[str, Counter[str]] = field(default_factory=lambda: {name: Counter() for name in FILTERS})
    sounds: Counter[str] = field(default_factory=Counter)  # syllable → how many full-pinyin keys hold it

    def add(self, page: int, doc: SearchDoc) -> None:
        """Count *doc*, numbered *page*, in (its syllables are counted by whoever writes its pinyin keys)."""
        self.pages += 1
        if doc.is_nav:
            self.nav[page] = doc.title
        if doc.empty:
            self.empty.add(page)
        if doc.lapsed:
            self.lapsed.add(page)
        for name, value in doc.filters.items():
            if value:
                self.filters.setdefault(name, Counter())[value] += 1

    def remove(self, page: int, doc: SearchDoc) -> None:
        """Count *doc* out (its syllables are counted out by whoever writes its pinyin keys: a syllable no key holds
        any longer leaves meta.json, where it told anyone who read the file what a withdrawn title had said)."""
        self.pages -= 1
        self.nav.pop(page, None)
        self.empty.discard(page)
        self.lapsed.discard(page)
        for name, value in doc.filters.items():
            counter = self.filters.get(name)
            if counter is not None and value:
                counter[value] -= 1
                if counter[value] <= 0:
                    del counter[value]

    @property
    def syllables(self) -> set[str]:
        """The syllables the browser cuts a pinyin query into: those of the full-pinyin keys in the index."""
        return {s for s, n in self.sounds.items() if n > 0}

    def dump(self) -> dict[str, Any]:
        return {
            "format": files.FORMAT, "tokens": files.TOKENS, "shards": self.shards, "group": files.GROUP, "texts": files.TEXTS,
            "pages": self.pages, "docs": self.docs, "next": self.next,
            "nav": {str(p): t for p, t in sorted(self.nav.items())},
            "empty": sorted(self.empty), "lapsed": sorted(self.lapsed), "syllables": sorted(self.syllables),
            "sounds": {s: n for s, n in sorted(self.sounds.items()) if n > 0},
            "filters": {name: dict(sorted(c.items())) for name, c in self.filters.items()},
        }

    @classmethod
    def load(cls, raw: dict[str, Any]) -> Meta:
        return cls(
            shards=int(raw["shards"]), pages=int(raw["pages"]), docs=int(raw["docs"]), next=int(raw["next"]),
            nav={int(p): t for p, t in raw["nav"].items()},
            empty=set(raw["empty"]), lapsed=set(raw["lapsed"]), sounds=Counter(raw["sounds"]),
            filters={name: Counter(values) for name, values in raw["filters"].items()},
        )


class Docs:
    """Each indexed page's url → [number, digest], in files chosen by the url's hash; a file is read when one of its
    urls is asked for, and only the files changed are written again."""

    def __init__(self, count: int, site: Path | None = None) -> None:
        self.count = count
        self.site = site  # None: a new table, every file empty
        self._tables: dict[int, dict[str, list[Any]]] = {}
        self.changed: set[int] = set()

    def _table(self, url: str) -> tuple[int, dict[str, list[Any]]]:
        number = files.shard_of(url, self.count)
        table = self._tables.get(number)
        if table is None:
            table = self._tables[number] = self._read(number)
        return number, table

    def _read(self, number: int) -> dict[str, list[Any]]:
        if self.site is None:
            return {}
        raw = files.read(self.site, files.docs_path(number))
        if not isinstance(raw, dict):
            raise Damaged(files.docs_path(number))
        return {url: list(entry) for url, entry in raw.items()}

    def get(self, url: str) -> list[Any] | None:
        return self._table(url)[1].get(url)

    def __contains__(self, url: str) -> bool:
        return self.get(url) is not None

    def put(self, url: str, entry: list[Any]) -> None:
        number, table = self._table(url)
        table[url] = entry
        self.changed.add(number)

    def pop(self, url: str) -> list[Any] | None:
        number, table = self._table(url)
        self.changed.add(number)
        return table.pop(url, None)

    def items(self) -> list[tuple[str, list[Any]]]:
        """Every page's entry (reads every file)."""
        for number in range(self.count):
            if number not in self._tables:
                self._tables[number] = self._read(number)
        return [item for table in self._tables.values() for item in table.items()]

    def dump(self) -> dict[str, bytes]:
        """The files of the table that changed (of a new table: every file, empty ones too)."""
        numbers = range(self.count) if self.site is None else sorted(self.changed)
        return {files.docs_path(n): files.pack(self._tables.get(n, {})) for n in numbers}


class Damaged(Exception):
    """A file of the existing index cannot be read: the index cannot be patched."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.path = path


@dataclass
class Existing:
    """An index already in a site, as far as the builder needs it."""

    meta: Meta
    docs: Docs
    tokens: int  # the tokenizer rules it was made under

    @classmethod
    def open(cls, site: Path) -> Existing | None:
        """The index in *site*, or None when there is none or it was written in another format."""
        meta = files.read(site, files.META)
        if not isinstance(meta, dict) or meta.get("format") != files.FORMAT:
            return None
        try:
            loaded = Meta.load(meta)
        except (KeyError, TypeError, ValueError):
            return None
        return cls(loaded, Docs(loaded.docs, site), int(meta.get("tokens", 0)))
