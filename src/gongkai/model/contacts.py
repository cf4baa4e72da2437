"""Phone numbers and e-mail addresses as written in gongkai.yaml, as links a phone can follow (tel:, mailto:).

A field holds what the clerk wrote: 「0595-2341 1234转8001」, 「0595-23222516；0595-23222517」, 「138 0000 0000（值班）」,
「安溪民政 <axmzjzwgk@163.com>」. Each number and each address in it becomes its own link; the rest stays text. A field
with no number (「见办公室公告」) or no address is shown as text, never as a link that goes nowhere; validate warns
about it (GK901). The site renders the spans (gongkai.site.render).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

# Digit groups a number is written in: 0595-2341 1234, (0595)23222516, +86 138 0000 0000.
_GROUP = r"(?:[(（]\d{2,5}[)）])?\d(?:[\d\-]*\d)?"  # digits and hyphens; an area code may stand in brackets
_NUMBER = re.compile(rf"\+?{_GROUP}(?: {_GROUP})*")
_EXTENSION = re.compile(r"\s*(?:转|分机|ext\.?|x)\s*(\d{1,6})", re.IGNORECASE)
_ADDRESS = re.compile(r"(?:mailto:)?([A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+)")
# What an input method in full-width mode types (０５９５－２３８８１２３４, ｍｚｊ＠ｅｘａｍｐｌｅ．ｃｎ) and the dashes people put
# between area code and number (0595—23881234), read as the ASCII they stand for, one character for one: a link
# keeps its place in the text as written, and a phone dials 0595-23881234, not 0595 alone.
_AS_ASCII = {**{code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}, 0x3000: 0x20,
             **dict.fromkeys(map(ord, "‐‑‒–—―−"), ord("-"))}
LONGEST = 12  # digits of a landline with its area code (0595 + 8); a mobile number has 11
SHORTEST = 3  # 110, 12345: a hotline is a number too


@dataclass(frozen=True)
class Link:
    """A span of the field: its text as written and, when it is a number or an address, where it leads."""

    text: str
    href: str | None = None


def phone_spans(text: str | None) -> list[Link]:
    """*text* cut into spans: each number (with its extension) a tel: link, everything else plain text."""
    return list(_spans(text or "", _phones))


def email_spans(text: str | None) -> list[Link]:
    """*text* cut into spans: each e-mail address a mailto: link; 「名称 <地址>」 keeps the name as text."""
    return list(_spans(text or "", _addresses))


def dialable(text: str | None) -> bool:
    return any(span.href for span in phone_spans(text))


def has_address(text: str | None) -> bool:
    return any(span.href for span in email_spans(text))


def _spans(text: str, find: Callable[[str], Iterator[tuple[int, int, str]]]) -> Iterator[Link]:
    at = 0
    for start, end, href in find(text.translate(_AS_ASCII)):
        if start > at:
            yield Link(text[at:start])
        yield Link(text[start:end], href)
        at = end
    if at < len(text):
        yield Link(text[at:])


def _phones(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, tel: address) of each number; groups split by a space join while they make one number."""
    taken = 0  # the end of the last number and its extension: 「转8001」 is no number of its own
    for match in _NUMBER.finditer(text):
        if match.start() < taken:
            continue
        groups = [(m.start() + match.start(), m.end() + match.start(), m.group())
                  for m in re.finditer(r"\S+", match.group())]
        current: list[tuple[int, int, str]] = []
        for group in groups:
            have, more = sum(_digits(g[2]) for g in current), _digits(group[2])
            longest = LONGEST + (2 if current and current[0][2].startswith("+") else 0)  # +86 before the number
            if current and (have >= longest - 1 or have + more > longest):
                yield from _number(text, current)
                current = []
            current.append(group)
        for found in _number(text, current):
            taken = found[1]
            yield found


def _number(text: str, groups: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
    written = "".join(g[2] for g in groups)
    digits = "".join(ch for ch in written if ch.isdigit() or ch in "-+").strip("-")
    if _digits(digits) < SHORTEST:
        return
    start, end = groups[0][0], groups[-1][1]
    extension = _EXTENSION.match(text, end)
    href = f"tel:{digits}"
    if extension is not None:  # RFC 3966; a phone's dialer waits at the ; and then sends the extension
        href += f";ext={extension.group(1)}"
        end = extension.end()
    yield start, end, href


def _digits(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def _addresses(text: str) -> Iterator[tuple[int, int, str]]:
    for match in _ADDRESS.finditer(text):
        yield match.start(), match.end(), f"mailto:{match.group(1)}"
