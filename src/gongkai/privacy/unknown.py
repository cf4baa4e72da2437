"""Code points no Unicode version gongkai knows assigns (newer.UNASSIGNED), read as every digit they may become.

A renderer draws them as a box today, but Unicode adds scripts with digits every year (Unicode 16 added five sets), and
browsers and fonts draw a new set before gongkai's table (newer.py) is written again. Every set of decimal digits is ten
code points in a row, zero first. So a number written in unassigned code points, wholly or partly (138 and eight of
them), is read every way it can be: the unassigned code points that lie within ten of each other as the digits of one
set, its zero at each place it can stand; and each of them as a separator (a new symbol between the groups). What one
of these readings shows is reported as the number it would be. Only texts holding one take this path: the pre-filter
reads an unassigned code point as a digit (normalize.digits_and_joiners).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator

from gongkai.privacy.newer import UNASSIGNED

_STARTS = [first for first, _ in UNASSIGNED]
_SET = 10  # a set of decimal digits: zero to nine, in a row
# At most this many readings of one text: two clusters of unassigned code points are a hundred (a number mixing three
# unknown scripts is read by its first hundred).
MAX_READINGS = 100
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def is_unassigned(code: int) -> bool:
    index = bisect.bisect_right(_STARTS, code) - 1
    return index >= 0 and code <= UNASSIGNED[index][1]


def bmp_unassigned() -> set[str]:
    """The unassigned characters up to U+FFFF (a class the pre-filter tests in C)."""
    return {chr(code) for first, last in UNASSIGNED if first <= 0xFFFF for code in range(first, min(last, 0xFFFF) + 1)}


@functools.cache
def _bmp_pattern() -> re.Pattern[str]:
    return re.compile("[" + "".join(f"\\u{a:04x}-\\u{min(b, 0xFFFF):04x}" for a, b in UNASSIGNED if a <= 0xFFFF)
                      + "\U00010000-\U0010ffff]")


def has_unassigned_astral(text: str) -> bool:
    """True when *text* holds an unassigned code point beyond U+FFFF (for a text the pre-filter found astral)."""
    return any(is_unassigned(ord(match.group())) for match in _ASTRAL.finditer(text))


def unassigned_in(text: str) -> list[int]:
    """The unassigned code points of *text*, sorted, each once."""
    if text.isascii():
        return []
    return sorted({code for match in _bmp_pattern().finditer(text) if is_unassigned(code := ord(match.group()))})


def readings(text: str, codes: list[int]) -> Iterator[str]:
    """*text* with its unassigned *codes* read as separators, then as the digits of every set they may belong to."""
    yield text.translate(dict.fromkeys(codes, "-"))
    options = [[{code: str(code - zero) for code in cluster} for zero in range(cluster[-1] - _SET + 1, cluster[0] + 1)]
               for cluster in _clusters(codes)]
    for combination in itertools.islice(itertools.product(*options), MAX_READINGS):
        table: dict[int, str] = {}
        for part in combination:
            table.update(part)
        yield text.translate(table)


def _clusters(codes: list[int]) -> list[list[int]]:
    """*codes* (sorted) in runs that fit in one set of ten digits."""
    found: list[list[int]] = []
    for code in codes:
        if found and code - found[-1][0] < _SET:
            found[-1].append(code)
        else:
            found.append([code])
    return found
