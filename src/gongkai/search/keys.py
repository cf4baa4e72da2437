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
    """One page's keys: those in its title, 文号 or 索引号; the others; and (pinyin key, the word that sounds so)."""

    head: set[str]
    text: set[str]  # keys of the text that are not in the head, and the filter keys
    pinyin: set[tuple[str, str]]

    @property
    def entries(self) -> dict[str, int]:
        """Key → HEAD or TEXT."""
        found = dict.fromkeys(self.text, TEXT)
        found.update(dict.fromkeys(self.head, HEAD))
        return found


def doc_keys(doc: SearchDoc) -> DocKeys:
    """The keys *doc* adds to the index."""
    head = text_keys(doc.head)
    text = text_keys(doc.text) - head
    text.update(filter_key(name, value) for name, value in doc.filters.items() if value)
    return DocKeys(head, text, pinyin_keys(doc.pinyin_terms))


NO_KEYS = DocKeys(set(), set(), set())
