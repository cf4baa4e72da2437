"""The index's two small tables: meta.json (for the browser) and docs.json (for the builder)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.search import files
from gongkai.search.doc import FILTERS, SearchDoc


@dataclass
class Meta:
    """What every query needs: the shard count, the directory's pages, the empty ones, filter values, syllables."""

    shards: int = 1
    pages: int = 0
    nav: dict[int, str] = field(default_factory=dict)  # page → title, for ranking and for near terms
    empty: set[int] = field(default_factory=set)
    filters: dict[str, Counter[str]] = field(default_factory=lambda: {name: Counter() for name in FILTERS})
    syllables: set[str] = field(default_factory=set)

    def add(self, page: int, doc: SearchDoc) -> None:
        """Count *doc*, numbered *page*, in (its syllables are added by whoever collects its pinyin)."""
        self.pages += 1
        if doc.is_nav:
            self.nav[page] = doc.title
        if doc.empty:
            self.empty.add(page)
        for name, value in doc.filters.items():
            if value:
                self.filters.setdefault(name, Counter())[value] += 1

    def remove(self, page: int, doc: SearchDoc) -> None:
        """Count *doc* out (its syllables stay: an unused one costs a few bytes and misleads nobody)."""
        self.pages -= 1
        self.nav.pop(page, None)
        self.empty.discard(page)
        for name, value in doc.filters.items():
            counter = self.filters.get(name)
            if counter is not None and value:
                counter[value] -= 1
                if counter[value] <= 0:
                    del counter[value]

    def dump(self) -> dict[str, Any]:
        return {
            "format": files.FORMAT, "tokens": files.TOKENS, "shards": self.shards, "group": files.GROUP,
            "pages": self.pages, "nav": {str(p): t for p, t in sorted(self.nav.items())},
            "empty": sorted(self.empty), "syllables": sorted(self.syllables),
            "filters": {name: dict(sorted(c.items())) for name, c in self.filters.items()},
        }

    @classmethod
    def load(cls, raw: dict[str, Any]) -> Meta:
        return cls(
            shards=int(raw["shards"]), pages=int(raw["pages"]), nav={int(p): t for p, t in raw["nav"].items()},
            empty=set(raw["empty"]), syllables=set(raw["syllables"]),
            filters={name: Counter(values) for name, values in raw["filters"].items()},
        )


@dataclass
class Docs:
    """Each indexed page's url → [number, digest], and the next free number."""

    pages: dict[str, list[Any]] = field(default_factory=dict)
    next: int = 0

    def dump(self) -> dict[str, Any]:
        return {"next": self.next, "pages": self.pages}

    @classmethod
    def load(cls, raw: dict[str, Any]) -> Docs:
        return cls({url: list(entry) for url, entry in raw["pages"].items()}, int(raw["next"]))


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
        docs = files.read(site, files.DOCS)
        if not isinstance(meta, dict) or not isinstance(docs, dict) or meta.get("format") != files.FORMAT:
            return None
        try:
            return cls(Meta.load(meta), Docs.load(docs), int(meta.get("tokens", 0)))
        except (KeyError, TypeError, ValueError):
            return None

    def paths(self) -> set[str]:
        """Every file of this index."""
        pages = [entry[0] for entry in self.docs.pages.values()]
        found = {files.META, files.DOCS, *(files.shard_path(n) for n in range(self.meta.shards))}
        found.update(files.group_path(p // files.GROUP) for p in pages)
        found.update(files.text_path(p) for p in pages)
        return found
