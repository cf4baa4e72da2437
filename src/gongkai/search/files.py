"""The index's files: where each part lives, and how postings and JSON are written (gzip, deterministic).

Under the site's search/ folder:
  meta.json.gz        what every query needs: shard count, directory pages, empty pages, filter values, syllables
  docs.json.gz        for the builder only: each page's url → [number, digest]
  s/<n>.json.gz       shard n: key → postings (or, for a pinyin key, word → count); a key's shard is crc32 % count
  m/<n>.json.gz       what results show for pages GROUP·n … GROUP·n+GROUP−1: url, title, date, 文号, kind, empty
  t/<n>.json.gz       page n's text, 索引号, filters and pinyin terms: the snippet, and the builder's memory of it

A posting is 2·page + 1 when the key is in the page's title, 文号 or 索引号, 2·page when only in its text; a list is
sorted and written as differences (the first as is), runs of equal differences shortened (see encode()). Everything is plain JSON in gzip: any scanner can read it.
"""

from __future__ import annotations

import gzip
import json
import zlib
from bisect import bisect_left, insort
from itertools import accumulate, groupby
from operator import sub
from pathlib import Path
from typing import Any

SEARCH_DIR = "search"
FORMAT = 1  # the layout above; an index of another format is rebuilt from the pages the build passes
TOKENS = 1  # the tokenizer's rules; an index made under other rules is rebuilt from its own page files
GROUP = 32
META = f"{SEARCH_DIR}/meta.json.gz"
DOCS = f"{SEARCH_DIR}/docs.json.gz"
TARGET_POSTINGS = 4096  # postings per shard the shard count aims at: small shards make queries and patches cheap
MAX_SHARDS = 4096
SHORT = 32  # posting lists shorter than this are written without shortening runs (not worth the time)


def shard_of(key: str, shards: int) -> int:
    """The shard holding *key* (search.js computes the same crc32 of the key's UTF-8 bytes)."""
    return zlib.crc32(key.encode("utf-8")) % shards


def shard_count(postings: int) -> int:
    """A power of two giving shards of about TARGET_POSTINGS postings."""
    count = 1
    while count * TARGET_POSTINGS < postings and count < MAX_SHARDS:
        count *= 2
    return count


def shard_path(number: int) -> str:
    return f"{SEARCH_DIR}/s/{number}.json.gz"


def group_path(number: int) -> str:
    return f"{SEARCH_DIR}/m/{number}.json.gz"


def text_path(page: int) -> str:
    return f"{SEARCH_DIR}/t/{page}.json.gz"


def encode(postings: list[int]) -> list[int]:
    """A sorted posting list as differences, a run of n ≥ 3 equal differences d written d, −(n−1).

    Postings only grow, so a difference is never negative: a negative number can only mean "as many more of the
    difference before". A key on most pages (民政, 通知) shrinks from one number a page to a handful.
    """
    if not postings:
        return []
    differences = [postings[0], *map(sub, postings[1:], postings)]
    if len(differences) < SHORT:
        return differences
    found: list[int] = []
    for difference, run in groupby(differences):
        count = len(list(run))
        found += [difference, 1 - count] if count >= 3 else [difference] * count
    return found


def decode(encoded: list[int]) -> list[int]:
    """The posting list that encode() wrote."""
    differences: list[int] = []
    for value in encoded:
        if value < 0:
            differences += [differences[-1]] * -value
        else:
            differences.append(value)
    return list(accumulate(differences))


def edit(encoded: list[int], drops: set[int], adds: dict[int, int]) -> list[int]:
    """An encoded posting list without the postings of pages *drops*, with page → place *adds* put in."""
    postings = decode(encoded)
    for page in drops:
        for posting in (page * 2, page * 2 + 1):
            at = bisect_left(postings, posting)
            if at < len(postings) and postings[at] == posting:
                del postings[at]
    for page, place in adds.items():
        insort(postings, page * 2 + place)
    return encode(postings)


def dumps(value: Any) -> bytes:
    """*value* as compact, key-sorted JSON: the same value always gives the same bytes."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")


def zipped(data: bytes) -> bytes:
    """*data* in gzip with no timestamp."""
    return gzip.compress(data, compresslevel=6, mtime=0)


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
