"""Cutting text into the keys of the search index: units, then overlapping pairs and triples of units.

A unit is one CJK character or one run of ASCII digits or letters, after NFKC and lower-casing. Everything else
(punctuation, brackets, spaces) is dropped and does not separate units, so 安民〔2026〕12号, 安民[2026]12号,
安民(2026)12号 and 安民2026年12号 all give the units 安 民 2026 12 号 (a 年 between a four-digit year and a number is
dropped: it is how people type a 文号 without brackets). A line break does separate units: no key spans two lines,
two fields or two table cells.

Keys: every pair and every triple of adjacent units, and every single digit or letter run. A CJK unit is written
as itself, a run as itself followed by a space, so that keys are unambiguous (2026 12 is not 202612). A query of two
units is one pair; a longer one is the chain of its triples, which a page holds almost only when it holds the
query contiguously (the browser checks the pages it shows). search.js implements the same rules; the tokenizer
tests and the browser tests hold both to the same hand-typed expectations.
"""

from __future__ import annotations

import re
import unicodedata
from operator import add
from collections.abc import Iterable

from gongkai.search import hant

# CJK Unified Ideographs (basic, Extension A, compatibility) and the supplementary planes' B–G, plus 〇.
CJK = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Characters NFKC leaves alone (common CJK, ASCII, the usual full-width punctuation): normalising only the rest is
# the same as normalising the whole text, at a fraction of the cost (NFKC is slow on long CJK text).
_NEEDS_NFKC = re.compile("[^\u4e00-\u9fff\u3400-\u4dbf\n -~，。、；：？！“”‘’（）《》〔〕【】「」—…·\u3000]+")
_YEAR_NIAN = re.compile(r"(?<![0-9])([0-9]{4})年(?=[0-9])")
# 文号 numbers are written 12号 and 012号 alike, dates 2026年6月5日 and 2026年06月05日: leading zeros of a number before
# 号, 月 or 日 do not count
_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9]+[号月日])")
_UNIT = re.compile(rf"[{CJK}]|[0-9]+|[a-z]+|\n")
_CJK_ONLY = re.compile(rf"[{CJK}]+")
# In text_keys every run becomes one private-use character (planes 15 and 16: 131,072 of them), so that pairs and
# triples are string slices; a text with more different runs takes the slower path of units (_unit_keys).
_RUN = re.compile(r"[0-9]+|[a-z]+")
_PLACEHOLDER = 0xF0000
_MARKS = 0x110000 - _PLACEHOLDER
_JUNK = re.compile(rf"[^{CJK}\n\U000f0000-\U0010ffff]+")
_PRIVATE = re.compile("[\U000f0000-\U0010ffff]+")  # never a unit (units()): here they would pass for runs


def normalize(text: str) -> str:
    """NFKC, traditional characters as simplified (hant.py), lower case, ü as v (as pinyin is typed), and 2026年12 →
    2026 12 (the 年 inside a 文号 typed without brackets), 012号 → 12号, 06月05日 → 6月5日."""
    text = _NEEDS_NFKC.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text).translate(hant.FOLD)
    return _ZEROS.sub("", _YEAR_NIAN.sub(r"\1 ", text.lower().replace("ü", "v")))


def units(text: str) -> list[str]:
    """The units of *text* in order, with "\\n" where a line breaks (the reference the fast path must agree with)."""
    return _UNIT.findall(normalize(text))


def key(parts: Iterable[str]) -> str:
    """The index key of adjacent units: CJK characters as they are, each run of digits or letters plus a space."""
    return "".join(p if _CJK_ONLY.fullmatch(p) else p + " " for p in parts)


def is_cjk(unit: str) -> bool:
    """True for a unit that is one CJK character."""
    return bool(_CJK_ONLY.fullmatch(unit))


def query_keys(text: str) -> list[str]:
    """The keys a page must hold to contain *text* contiguously: its pair, or the chain of its triples.

    One unit: the run itself (a single CJK character is too common to search and gives nothing).
    """
    found = [u for u in units(text) if u != "\n"]
    if len(found) == 1:
        return [] if is_cjk(found[0]) else [key(found)]
    width = 2 if len(found) == 2 else 3
    return list(dict.fromkeys(key(found[i:i + width]) for i in range(len(found) - width + 1)))


def text_keys(text: str) -> set[str]:
    """Every key of *text*: all pairs and triples of adjacent units within a line, and every run on its own."""
    runs: dict[str, str] = {}

    def mark(match: re.Match[str]) -> str:
        run = match.group()
        found = runs.get(run)
        if found is None:
            if len(runs) == _MARKS:
                raise _TooManyRuns
            found = runs[run] = chr(_PLACEHOLDER + len(runs))
        return found

    plain = _PRIVATE.sub(" ", normalize(text))
    try:
        stream = _JUNK.sub("", _RUN.sub(mark, plain))
    except _TooManyRuns:
        return _unit_keys(plain)
    found: set[str] = set()
    for line in set(stream.split("\n")):  # a line that repeats (a table's cells often do) gives nothing new
        # map(add, …) makes the slices in C: this loop is most of the time an index build takes
        pairs = list(map(add, line, line[1:]))
        found.update(pairs)
        found.update(map(add, pairs, line[2:]))
    if not runs:
        return found
    back = {ord(mark): run + " " for run, mark in runs.items()}
    # one translate over all keys at once (a NUL never occurs in a key) instead of one per key
    found = set("\0".join(found).translate(back).split("\0")) if found else found
    found.update(run + " " for run in runs)
    return found


class _TooManyRuns(Exception):
    """More different runs in one text than there are private-use characters to mark them."""


def _unit_keys(plain: str) -> set[str]:
    """text_keys() of a normalised text, unit by unit (no limit on the number of different runs; slower)."""
    found: set[str] = set()
    for line in set(plain.split("\n")):
        parts = _UNIT.findall(line)
        found.update(p + " " for p in parts if not is_cjk(p))
        found.update(key(parts[i:i + 2]) for i in range(len(parts) - 1))
        found.update(key(parts[i:i + 3]) for i in range(len(parts) - 2))
    return found
