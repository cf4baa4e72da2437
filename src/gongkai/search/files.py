"""The index's files: where each part lives, and how postings and JSON are written (gzip, deterministic).

Under the site's search/ folder:
  meta.json.gz        what every query needs: shard count, directory pages, empty pages, filter values, syllables
  d/<n>.json.gz       for the builder only: url → [number, digest] of the pages whose url hashes to n (crc32 %
                      the count in meta), so that changing a few pages reads and rewrites a few small files
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
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

SEARCH_DIR = "search"
FORMAT = 2  # the layout above; an index of another format is rebuilt from the pages the build passes
TOKENS = 3  # the tokenizer's rules; an index made under other rules is rebuilt from its own page files
GROUP = 32
META = f"{SEARCH_DIR}/meta.json.gz"
OLD_DOCS = f"{SEARCH_DIR}/docs.json.gz"  # format 1 kept every page's entry in one file: removed when rebuilt
TARGET_DOCS = 512  # pages per file of the page table
TARGET_POSTINGS = 4096  # postings per shard the shard count aims at: small shards make queries and patches cheap
MAX_SHARDS = 16384
BLOCK = 1 << 20  # postings encoded together (encode_lists)
SHORT = 32  # posting lists shorter than this are written without shortening runs (not worth the time)
Ints = npt.NDArray[np.int64]


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
    return f"{SEARCH_DIR}/t/{page}.json.gz"


def encode(postings: list[int]) -> list[int]:
    """A sorted posting list as differences, a run of n ≥ 3 equal differences d written d, −(n−1).

    Postings only grow, so a difference is never negative: a negative number can only mean "as many more of the
    difference before". A key on most pages (民政, 通知) shrinks from one number a page to a handful.
    """
    values, _ = encode_lists(np.asarray(postings, dtype=np.int64), np.array([0, len(postings)], dtype=np.int64))
    return list(values.tolist())


def encode_lists(at: npt.NDArray[Any], starts: Ints) -> tuple[Ints, Ints]:
    """encode() of many lists at once (list i is at[starts[i]:starts[i + 1]]): the values, and where each list's
    values start among them (the same shape as *starts*).

    Lists are encoded a block of about BLOCK postings at a time (each list on its own, so blocks do not change the
    result): a whole 100k index is 14 million postings, and every step below makes an array of that length.
    """
    if len(at) <= BLOCK:
        return _encode_block(at, starts)
    values: list[Ints] = []
    offsets: list[Ints] = []
    done, first, count = 0, 0, len(starts) - 1
    while first < count:
        last = min(count, max(first + 1, int(np.searchsorted(starts, starts[first] + BLOCK, side="right")) - 1))
        block, where = _encode_block(at[starts[first]:starts[last]], starts[first:last + 1] - starts[first])
        values.append(block)
        offsets.append(where[:-1] + done)
        done += len(block)
        first = last
    offsets.append(np.array([done], dtype=np.int64))
    return np.concatenate(values), np.concatenate(offsets)


def _encode_block(at: npt.NDArray[Any], starts: Ints) -> tuple[Ints, Ints]:
    at = at.astype(np.int64)
    first, lengths = starts[:-1], np.diff(starts)
    first = first[lengths > 0]
    differences = np.diff(at, prepend=0)
    differences[first] = at[first]
    run_start = np.zeros(len(at), dtype=bool)
    run_start[first] = True
    run_start[1:] |= differences[1:] != differences[:-1]
    runs = np.flatnonzero(run_start)
    run_length = np.diff(np.append(runs, len(at)))
    folded = np.repeat(lengths >= SHORT, lengths)[runs] & (run_length >= 3)
    keep = ~(np.repeat(folded, run_length) & ~run_start)  # a folded run keeps its first difference …
    out = keep.astype(np.int64)
    out[runs[folded]] += 1  # … and adds −(n−1)
    values = np.insert(differences[keep], (np.cumsum(keep) - 1)[runs[folded]] + 1, 1 - run_length[folded])
    return values, np.append(0, np.cumsum(out))[starts]


def decode(encoded: list[int]) -> list[int]:
    """The posting list that encode() wrote."""
    return list(decode_array(np.asarray(encoded, dtype=np.int64)).tolist())


def decode_array(values: Ints) -> Ints:
    """decode() on an array."""
    if not len(values):
        return values
    plain = values >= 0
    last = np.maximum.accumulate(np.where(plain, np.arange(len(values)), 0))  # the difference a −n repeats
    return np.cumsum(np.repeat(values[last], np.where(plain, 1, -values)))


def edit(encoded: list[int], drops: set[int], adds: dict[int, int]) -> list[int]:
    """An encoded posting list without the postings of pages *drops*, with page → place *adds* put in."""
    postings = decode_array(np.asarray(encoded, dtype=np.int64))
    if drops:
        postings = postings[~np.isin(postings >> 1, np.fromiter(drops, dtype=np.int64, count=len(drops)))]
    if adds:
        added = np.fromiter((2 * page + place for page, place in adds.items()), dtype=np.int64, count=len(adds))
        postings = np.sort(np.concatenate([postings, added]))
    values, _ = encode_lists(postings, np.array([0, len(postings)], dtype=np.int64))
    return list(values.tolist())


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
