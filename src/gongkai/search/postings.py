"""The keys of many pages at once, as integers in arrays: a whole index's postings without a Python object per key.

tokens.text_keys() gives one page's keys as strings; a full build makes millions of them, and making, hashing and
appending those strings was most of its time. Here every unit is one integer: a CJK character its code point, a
run of digits or letters a code of its own from RUN_BASE on (code points no character is assigned in, and any such
character in the text is dropped first, as units() drops it). A pair of adjacent units is a·2²¹ + b, a triple
a·2⁴² + b·2²¹ + c, a run on its own its code: the three ranges cannot meet, and every key fits 63 bits. numpy then
forms the keys of thousands of pages in a few array operations, sorts them once, and gives each key's postings as a
slice. The keys and postings are exactly those of tokens.text_keys() and keys.doc_keys(); the tests compare them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from gongkai.search.doc import SearchDoc
from gongkai.search.keys import HEAD, TEXT
from gongkai.search.tokens import CJK, normalize

BITS = 21  # every code point is below 2²¹
MASK = (1 << BITS) - 1
RUN_BASE = 0x40000  # planes 4–16: no CJK there; runs are numbered from here
RUN_CODES = 0x110000 - RUN_BASE
BREAK = ord("\n")
CHUNK = 2048  # pages whose keys are formed together: bounds memory; 2·CHUNK fits LOCAL_BITS

_STRANGE = re.compile("[\U00040000-\U0010ffff]+")
_RUN = re.compile(r"[0-9]+|[a-z]+")
_CONTROL = re.compile("[\x01\x02]")
_CJK_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F))  # and 〇: tokens.CJK
END_TEXT, END_PAGE = 1, 2  # control characters that end a page's text and its head in a chunk's stream
LOCAL_BITS = 12  # a posting within a chunk: 2·page + HEAD/TEXT < 2·CHUNK


def _clean(text: str) -> str:
    """*text* without the two control characters that mark the ends of text and head (never in a real page)."""
    return _CONTROL.sub(" ", text) if "\x01" in text or "\x02" in text else text

Array = npt.NDArray[np.uint64]


class Units:
    """Text → a string of unit codes (one character each), numbering runs of digits and letters as they come."""

    def __init__(self) -> None:
        self.runs: dict[str, str] = {}
        self.names: list[str] = []  # code − RUN_BASE → the run

    def _mark(self, match: re.Match[str]) -> str:
        run = match.group()
        found = self.runs.get(run)
        if found is None:
            # past RUN_CODES distinct runs (never in a catalog) codes repeat: a key then stands for two, and the
            # browser, which checks every page it shows against its text, drops the wrong one
            found = self.runs[run] = chr(RUN_BASE + len(self.names) % RUN_CODES)
            self.names.append(run)
        return found

    def codes(self, docs: Sequence[SearchDoc]) -> npt.NDArray[np.uint32]:
        """The unit codes of *docs*: each page's text, END_TEXT, its head, END_PAGE; line breaks kept."""
        text = "".join(f"{_clean(d.text)}\x01{_clean(d.head)}\x02" for d in docs)
        text = _RUN.sub(self._mark, _STRANGE.sub(" ", normalize(text)))
        codes: npt.NDArray[np.uint32] = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        keep = (codes <= END_PAGE) & (codes >= END_TEXT) | (codes == BREAK) | (codes >= RUN_BASE) | (codes == 0x3007)
        for low, high in _CJK_RANGES:
            keep |= (codes >= low) & (codes <= high)
        kept: npt.NDArray[np.uint32] = codes[keep]
        return kept

    def key_text(self, key: int) -> str:
        """The key as tokens.key() writes it (CJK characters as they are, each run followed by a space)."""
        codes = (key,) if key <= MASK else (key >> BITS, key & MASK) if key >> 2 * BITS == 0 else (
            key >> 2 * BITS, (key >> BITS) & MASK, key & MASK)
        return "".join(chr(c) if c < RUN_BASE else self.names[c - RUN_BASE] + " " for c in codes)


@dataclass
class Postings:
    """Distinct keys (sorted) and, for key i, its postings (2·page + HEAD/TEXT, ascending) in at[starts[i]:starts[i+1]]."""

    keys: Array
    starts: npt.NDArray[np.int64]
    at: npt.NDArray[np.uint32]

    def __len__(self) -> int:
        return len(self.at)


def chunk_postings(units: Units, first: int, docs: Sequence[SearchDoc]) -> Postings:
    """The postings of *docs*, numbered from page *first*: a key in a page's head once as HEAD, else as TEXT."""
    codes = units.codes(docs)
    ends_text, ends_page = codes == END_TEXT, codes == END_PAGE
    page = np.cumsum(ends_page) - ends_page
    place = np.cumsum(ends_text) - np.cumsum(ends_page)  # 1 between a page's END_TEXT and END_PAGE: its head
    local = (2 * page + place).astype(np.uint64)  # the posting, less 2·first
    unit = (codes != BREAK) & ~ends_text & ~ends_page
    distinct_codes = np.unique(codes)
    width = (len(distinct_codes) + 1).bit_length()
    if 3 * width + LOCAL_BITS > 64:  # too many different runs to pack: sort the slow way
        all_keys, all_at = _keys(codes.astype(np.uint64), unit, local, BITS, runs=codes >= RUN_BASE)
        return _grouped(all_keys, (all_at + np.uint64(2 * first)).astype(np.uint32))
    # ids from 1, so that a pair is never read as a run, nor a triple as a pair
    ids = np.searchsorted(distinct_codes, codes).astype(np.uint64) + 1
    local_keys, local_at = _keys(ids, unit, local, width, runs=codes >= RUN_BASE)
    shift, one = np.uint64(LOCAL_BITS), np.uint64(1)
    packed = np.sort((local_keys << shift) | local_at)
    # one posting per key and page: of 2·page (TEXT) and 2·page + 1 (HEAD), the later one
    packed = packed[np.append((packed[:-1] >> one) != (packed[1:] >> one), True)] if len(packed) else packed
    keys = _recoded(packed >> shift, distinct_codes.astype(np.uint64), width)
    at: npt.NDArray[np.uint32] = ((packed & np.uint64((1 << LOCAL_BITS) - 1)) + np.uint64(2 * first)).astype(np.uint32)
    new = np.flatnonzero(np.append(True, keys[1:] != keys[:-1])) if len(keys) else np.zeros(0, dtype=np.int64)
    return Postings(keys[new], np.append(new, len(keys)).astype(np.int64), at)


def _keys(ids: Array, unit: npt.NDArray[np.bool_], at: Array, width: int,
          runs: npt.NDArray[np.bool_]) -> tuple[Array, Array]:
    """Every pair, triple and run of the units *ids* (each *width* bits) within a line, with its posting."""
    pair = unit[:-1] & unit[1:]
    triple = pair[:-1] & unit[2:]
    keys = np.concatenate([
        ((ids[:-1] << width) | ids[1:])[pair],
        ((ids[:-2] << 2 * width) | (ids[1:-1] << width) | ids[2:])[triple],
        ids[runs],
    ])
    return keys, np.concatenate([at[:-1][pair], at[:-2][triple], at[runs]])


def _recoded(keys: Array, codes: Array, width: int) -> Array:
    """Keys of unit ids (1 + index into *codes*, *width* bits each) as keys of code points (BITS each)."""
    mask = np.uint64((1 << width) - 1)
    last = codes[(keys & mask).astype(np.int64) - 1]
    middle_id, first_id = (keys >> width) & mask, keys >> 2 * width
    pair, triple = (middle_id > 0) & (first_id == 0), first_id > 0
    found = last.copy()
    found[pair] |= codes[middle_id[pair].astype(np.int64) - 1] << BITS
    found[triple] |= (codes[first_id[triple].astype(np.int64) - 1] << 2 * BITS) | (
        codes[middle_id[triple].astype(np.int64) - 1] << BITS)
    return found


def _grouped(keys: Array, at: npt.NDArray[np.uint32]) -> Postings:
    """Sorted by key then posting, one posting per key and page (HEAD, the higher, wins over TEXT)."""
    order = np.lexsort((at, keys))
    keys, at = keys[order], at[order]
    keep = np.append((keys[:-1] != keys[1:]) | ((at[:-1] >> 1) != (at[1:] >> 1)), True) if len(keys) else (
        np.zeros(0, dtype=bool))
    keys, at = keys[keep], at[keep]
    new = np.flatnonzero(np.append(True, keys[1:] != keys[:-1])) if len(keys) else np.zeros(0, dtype=np.int64)
    return Postings(keys[new], np.append(new, len(keys)).astype(np.int64), at)


def distinct(parts: Sequence[Postings]) -> Array:
    """The keys of all *parts*, sorted, each once."""
    return np.unique(np.concatenate([p.keys for p in parts])) if parts else np.zeros(0, dtype=np.uint64)


def joined(parts: Sequence[Postings], keys: Array, place: npt.NDArray[np.int64]) -> Postings:
    """The postings of consecutive chunks as one, key keys[i] put at place[i] (pages follow each other from chunk to
    chunk, so postings stay ascending)."""
    packed = np.empty(sum(map(len, parts)), dtype=np.uint64)
    filled = 0
    for part in parts:  # written into one array: at 100k pages each copy is hundreds of MB
        ids = place[np.searchsorted(keys, part.keys)].astype(np.uint64).repeat(np.diff(part.starts))
        packed[filled:filled + len(part)] = (ids << np.uint64(32)) | part.at
        filled += len(part)
    packed.sort()
    at = packed.astype(np.uint32)  # the low 32 bits: the posting
    packed >>= np.uint64(32)  # in place (hundreds of MB at 100k pages): the key's place
    new = np.flatnonzero(np.append(True, packed[1:] != packed[:-1])) if len(packed) else np.zeros(0, dtype=np.int64)
    by_place = np.empty_like(keys)
    by_place[place] = keys
    return Postings(by_place, np.append(new, len(packed)).astype(np.int64), at)


def chunks(docs: Sequence[SearchDoc]) -> Iterator[tuple[int, Sequence[SearchDoc]]]:
    """(first page, pages) in CHUNK-sized slices."""
    for first in range(0, len(docs), CHUNK):
        yield first, docs[first:first + CHUNK]
