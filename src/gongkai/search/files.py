"""The index's files: where each part lives, and how postings and JSON are written (gzip, deterministic).

Under the site's search/ folder:
  meta.json.gz        what every query needs: shard count, directory pages, empty and lapsed pages, filter values,
                      syllables (and, for the builder, how many pinyin keys hold each)
  d/<n>.json.gz       for the builder only: url → [number, digest] of the pages whose url hashes to n (crc32 %
                      the count in meta), so that changing a few pages reads and rewrites a few small files
  s/<n>.json.gz       shard n: key → postings (or, for a pinyin key, word → count); a key's shard is crc32 % count
  m/<n>.json.gz       what results show for pages GROUP·n … GROUP·n+GROUP−1: url, title, date, 文号, kind, empty,
                      lapsed
  t/<n>.json.gz       the text, 索引号, filters and pinyin terms of pages TEXTS·n … TEXTS·n+TEXTS−1 (page → entry):
                      the snippet, and the builder's memory of each page

A posting is 2·page + 1 when the key is in the page's title, 文号 or 索引号, 2·page when only in its text; a list is
sorted and written as differences (the first as is), runs of equal differences shortened (see encoding.encode()). Everything is plain JSON in gzip: any scanner can read it.
"""

from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import Any

SEARCH_DIR = "search"
# the layout above; an index of another format is rebuilt from the pages the build passes (4: lapsed pages; 5: the
# page table's digests in letters, never digits the output scan could read as a number; 6: meta.json counts the keys
# holding each syllable, so that a patch takes out the syllables of a title withdrawn, as a fresh index has none)
FORMAT = 6
# the tokenizer's rules; an index made under other rules is rebuilt (4: a record's text keeps its paragraphs and table
# cells on lines of their own, so that no key spans two of them; 5: an 索引号 also without its separators; 6: a record's
# attachment names, each a line, and each line of a body a line of its own, as the page now shows it; 7: traditional
# characters as simplified, hant.py; 8: a record's 成文日期 and 公开日期 as its page shows them, the pinyin of each
# character of titles and item names alone, for one syllable typed among characters: 临shi救助, gao龄津贴; and no
# leading zeros before 月 and 日, as before 号: 2026年06月26日 is 2026年6月26日)
TOKENS = 8
GROUP = 32
# Pages per text file: a file per page made most of the index's files (each costs a file creation, a write and a
# scan); eight pages' texts are a few KB, so the 30 results a query shows still load well under the 300 KB budget.
TEXTS = 8
META = f"{SEARCH_DIR}/meta.json.gz"
OLD_DOCS = f"{SEARCH_DIR}/docs.json.gz"  # format 1 kept every page's entry in one file: removed when rebuilt
TARGET_DOCS = 512  # pages per file of the page table
TARGET_POSTINGS = 4096  # postings per shard the shard count aims at: small shards make queries and patches cheap
MAX_SHARDS = 16384


def shard_of(key: str, shards: int) -> int:
    """The shard holding *key* (search.js computes the same crc32 of the key's UTF-8 bytes)."""
    return zlib.crc32(key.encode("utf-8")) % shards


def shard_count(postings: int, target: int | None = None) -> int:
    """A power of two giving shards of about *target* (TARGET_POSTINGS) postings, or pages for the page table."""
    target = TARGET_POSTINGS if target is None else target
    count = 1
    while count * target < postings and count < MAX_SHARDS:
        count *= 2
    return count


def shard_path(number: int) -> str:
    return f"{SEARCH_DIR}/s/{number}.json.gz"


def docs_path(number: int) -> str:
    return f"{SEARCH_DIR}/d/{number}.json.gz"


def group_path(number: int) -> str:
    return f"{SEARCH_DIR}/m/{number}.json.gz"


def text_path(page: int) -> str:
    """The file holding page *page*'s text (with those of the pages numbered next to it)."""
    return f"{SEARCH_DIR}/t/{page // TEXTS}.json.gz"


def dumps(value: Any) -> bytes:
    """*value* as compact, key-sorted JSON: the same value always gives the same bytes."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def zipped(data: bytes) -> bytes:
    """*data* in gzip with no timestamp (level 1: a tenth larger than 6 on this JSON, at half the time)."""
    return gzip.compress(data, compresslevel=1, mtime=0)


def pack(value: Any) -> bytes:
    """*value* as JSON in gzip (dumps, then zipped)."""
    return zipped(dumps(value))


def unpack(data: bytes) -> Any:
    """The value pack() wrote."""
    return json.loads(gzip.decompress(data))


def read(site: Path, path: str) -> Any:
    """The value in *path* under *site*, or None when it is missing or unreadable."""
    try:
        return unpack((site / path).read_bytes())
    except (OSError, ValueError, EOFError, zlib.error):
        return None
