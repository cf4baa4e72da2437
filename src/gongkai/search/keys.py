"""Everything one page puts into the index: its keys (with where they occur), its pinyin and its filter values."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.search.doc import SearchDoc
from gongkai.search.pinyin import pinyin_keys
from gongkai.search.tokens import text_keys

HEAD = 1  # the key is in the title, 文号 or 索引号
TEXT = 0  # the key is only in the text (or is a filter value)


def filter_key(name: str, value: str) -> str:
    """The key whose postings are the pages with *value* for filter *name* (search.js builds the same)."""
    return f"={name}={value}"


@dataclass
class DocKeys:
    """One page's keys: key → HEAD or TEXT, and pinyin key → the words that sound so."""

    entries: dict[str, int]
    pinyin: dict[str, set[str]]


def doc_keys(doc: SearchDoc) -> DocKeys:
    """The keys *doc* adds to the index."""
    entries = dict.fromkeys(text_keys(doc.text), TEXT)
    entries.update(dict.fromkeys(text_keys(doc.head), HEAD))
    for name, value in doc.filters.items():
        if value:
            entries[filter_key(name, value)] = TEXT
    return DocKeys(entries, pinyin_keys(doc.pinyin_terms))
