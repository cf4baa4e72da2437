"""Posting lists as the index writes them: sorted, as differences, runs of equal differences shortened (numpy).

Apart from files.py so that a command that only names the index's files (every build, to tell its files from the
pages) does not import numpy.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

BLOCK = 1 << 20  # postings encoded together (encode_lists)
SHORT = 32  # posting lists shorter than this are written without shortening runs (not worth the time)
Ints = npt.NDArray[np.int64]


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
