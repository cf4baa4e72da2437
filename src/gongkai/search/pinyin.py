"""Pinyin for titles and item names: dibao or db finds 低保, for people typing on a phone's letter keyboard.

The index maps a pair of syllables (`~di bao`) and a pair of initials (`^db`) to the two-character words of titles
that sound so, with how many pages hold each. The browser cuts a pinyin query into syllables (or initials), looks
the pairs up, chains the words whose characters overlap (te kun, kun ren, ren yuan → 特困人员) and then searches
for those characters like any Chinese query. Each syllable alone (`~shi`) maps to the characters read so, for one
syllable typed among characters (临shi救助: the character that, with 临 and 救助, makes a run some page holds).
Readings come from pypinyin at build time, in context (银行 hang, 行政 xing); ü is typed v, as on a phone keyboard.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from pypinyin import lazy_pinyin
from pypinyin.seg.mmseg import seg

from gongkai.search.tokens import CJK, normalize

FULL = "~"  # key prefix: two syllables, space between
INITIALS = "^"  # key prefix: two initials
_RUN = re.compile(rf"[{CJK}]{{2,}}")
_SYLLABLE = re.compile(r"[a-z]+")


@lru_cache(maxsize=65536)
def _word(word: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(word))


@lru_cache(maxsize=65536)
def readings(run: str) -> tuple[str, ...]:
    """One syllable per character of the CJK *run*, read in context; "" where pypinyin has none."""
    # pypinyin's segmenter finds the phrases that decide a reading; converting each phrase once and caching it
    # is ten times faster than lazy_pinyin on every title.
    found = [s for word in seg.cut(run) for s in _word(word)]
    if len(found) != len(run):  # not one syllable per character: read them one by one
        found = [_word(c)[0] for c in run]
    return tuple(s if _SYLLABLE.fullmatch(s) else "" for s in found)


def pinyin_keys(terms: Iterable[str]) -> set[tuple[str, str]]:
    """The pinyin of *terms*: (key, word) for each pair of syllables and of initials and the word that sounds so, and
    for each syllable alone and the character read so (`~shi`, 时): one syllable typed among characters."""
    found: set[tuple[str, str]] = set()
    for term in terms:
        for run in _RUN.findall(normalize(term)):
            found.update(_pairs(run))
    return found


@lru_cache(maxsize=65536)
def _pairs(run: str) -> tuple[tuple[str, str], ...]:
    """(key, word) for each character of *run* that has a reading, then for each two that both have one: full pinyin,
    then initials."""
    sounds = readings(run)
    found = [(f"{FULL}{sound}", char) for char, sound in zip(run, sounds) if sound]
    for i in range(len(run) - 1):
        first, second = sounds[i], sounds[i + 1]
        if first and second:
            found += [(f"{FULL}{first} {second}", run[i:i + 2]), (f"{INITIALS}{first[0]}{second[0]}", run[i:i + 2])]
    return tuple(found)


def syllables(keys: Iterable[str]) -> Counter[str]:
    """The syllables in the full-pinyin keys of two syllables among *keys* (the browser cuts queries into these), each
    with how many of those keys hold it: a patch that takes out the last key holding one takes out the syllable."""
    return Counter(s for k in keys if k.startswith(FULL) and " " in k for s in set(k[1:].split(" ")))
