"""Masking applied to text: every piece of personal data the detectors find, shown in the format of mask_format.py."""

from __future__ import annotations

import itertools
import re
from typing import Any

from gongkai.privacy.detect import find, masked_spans
from gongkai.privacy.mask_format import mask_value
from gongkai.privacy.normalize import ascii_digits, normalize
from gongkai.privacy.numbers import masked_kind

__all__ = ["mask_data", "mask_excerpt", "mask_line", "mask_log", "mask_names", "mask_text", "mask_value"]

# Seven digits or more in a row (perhaps a space apart), as a reader sees them: no number on their own, but on the line
# of a finding of personal data they are the part of it that stands there.
_PART = re.compile(r"\d(?: ?\d){6,}")
# The same with Markdown or HTML between the digits, up to eight marks at a time: what the page shows as one number
# (a 正文's link text 「[15036](#)[857210](#)」 is 15036857210 there) showed every digit on the line under its finding.
_MARKED_PART = re.compile(r"\d(?:[^\w\n*|]{0,8}\d){6,}")
_MARKUP = frozenset("[]()`<>#_~")
# (thirty-eighth session) A house, building or room number, and one written n-n after a place: under a 住址 column of a
# table (湖二村 12 号, 湖二村12-3) it is an address the line shows no label for, and the detector no address.
_HOUSE_PART = re.compile(r"\d+(?=\s?(?:号|號|#|栋|幢|座|室|单元|單元))|(?<=[\u4e00-\u9fff])\d+(?:\s?-\s?\d+)+(?![\d.])")


def mask_text(text: str, allowed: frozenset[str] = frozenset()) -> tuple[str, list[tuple[str, str]]]:
    """*text* with every piece of personal data masked, and [(kind, masked value), …] of what was masked."""
    hits = sorted(find(text, allowed), key=lambda h: h.start)
    pieces: list[str] = []
    done: list[tuple[str, str]] = []
    cursor = 0
    for hit in hits:
        if hit.start < cursor:
            continue
        pieces.append(text[cursor:hit.start])
        # (a run of base64 as stars: its masked number shown in its place would tell how to read the rest)
        pieces.append("*" * (hit.end - hit.start) if hit.encoded else _in_cells(text[hit.start:hit.end], hit.masked))
        done.append((hit.kind, hit.masked))
        cursor = hit.end
    pieces.append(text[cursor:])
    return "".join(pieces), done


def _in_cells(written: str, masked: str) -> str:
    """*masked* in the place of *written*: as it is, unless *written* runs over the cells of a table row (1380595 |
    1234), where each of its digits takes the mask's character in its own cell and the pipes stay — one mask written
    over both cells left the row a cell short of its header."""
    if "|" not in written:
        return masked
    digits = [n for n, character in enumerate(written) if ascii_digits(character).isdigit() or character in "Xx"]
    if len(digits) != len(masked):
        return masked
    shown = list(written)
    for at, mark in zip(digits, masked):
        shown[at] = mark
    return "".join(shown)


def mask_log(text: str) -> str:
    """*text* as it may be printed, logged or posted: every piece of personal data in the masking format.

    The one function every report, diff and command output goes through before a person (or a CI log) sees it. A run
    of base64 whose text holds personal data (a YAML `!!binary` value echoed under a finding, a data: address) is
    shown as stars (detect.find decodes it: encoded.py).
    """
    return _as_format(mask_text(text)[0]) if text else text


def _as_format(text: str) -> str:
    """*text* with every masked number that shows more than the masking format shown in it (3505**********1236 as
    35*************236, 1380595···· as 138********): two masks of one number, each enough, may together show it all
    (findings.masks_together); printed in the format, a log never shows more of it than the format does."""
    spans = masked_spans(text)
    for start, end, token in reversed(spans):
        shown = mask_value(masked_kind(token), token)
        if shown != token:
            text = text[:start] + shown + text[end:]
    return text


def mask_data(value: Any) -> Any:
    """*value* (what a command writes as JSON) with every text in it masked, before it is encoded: once encoded, a
    number split over two lines of a 正文 reads 「35052419850315\\n1236」 and a tab between its groups 「138\\t0595」,
    which no detector joins. The entries of a list are read one under another too (「咨询林某1380595」, 「1234」): the
    part of a number in each entry shows as stars."""
    if isinstance(value, str):
        return mask_log(value)
    if isinstance(value, dict):
        return {mask_log(key) if isinstance(key, str) else key: mask_data(entry) for key, entry in value.items()}
    if isinstance(value, (list, tuple)):
        entries = [entry if isinstance(entry, str) else mask_data(entry) for entry in value]
        texts = [index for index, entry in enumerate(entries) if isinstance(entry, str)]
        for index, shown in zip(texts, _across([entries[i] for i in texts])):
            entries[index] = shown
        return entries
    return value


def mask_line(lines: list[str], index: int) -> str:
    """Line *index* of a file's *lines*, as it may be printed under a finding of any rule: as mask_log shows it, and
    the part it holds of a number that goes on over the lines before or after it (题名: 关于1380595⏎  1234的通知,
    shown under a key written twice) as stars."""
    start = max(index - _CONTEXT, 0)
    return _escapes_starred(_across(lines[start:index + _CONTEXT + 1])[index - start])


# The escapes of a YAML double-quoted scalar: the line as typed shows them, the value reads them ("138\n0595\x31234"
# is a mobile split by a line break; its source line under a finding showed every digit)
_YAML_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.DOTALL)
_YAML_SIMPLE = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f", "r": "\r",
                "e": "\x1b", "N": "\x85", "_": "\xa0", "L": "\u2028", "P": "\u2029"}


def _escapes_starred(line: str) -> str:
    """*line* (as typed in a catalog file) with every number its YAML escapes make (138\\n0595\\n1234,
    \\x31\\x33\\x38…) as stars, escapes and all: a log shows the line as typed, where no detector sees the number."""
    if "\\" not in line:
        return line
    decoded: list[str] = []
    spans: list[tuple[int, int]] = []  # each decoded character's place in *line*
    at = 0
    for escape in _YAML_ESCAPE.finditer(line):
        decoded.extend(line[at:escape.start()])
        spans.extend((n, n + 1) for n in range(at, escape.start()))
        body = escape.group()[1:]
        code = int(body[1:], 16) if len(body) > 1 else None  # (\\UFFFFFFFF is no character: YAML refuses it too)
        decoded.append(_YAML_SIMPLE.get(body, body) if code is None else chr(code) if code <= 0x10FFFF else "\ufffd")
        spans.append(escape.span())
        at = escape.end()
    decoded.extend(line[at:])
    spans.extend((n, n + 1) for n in range(at, len(line)))
    chars = list(line)
    for hit in find("".join(decoded)):
        for start, end in spans[hit.start:hit.end]:
            chars[start:end] = ["*" if not c.isspace() else c for c in chars[start:end]]
    return "".join(chars)


# Lines before and after a line that a number may go on over: as far as detect.find joins two groups, eight spaces or
# line breaks (138 0595⏎⏎⏎  1234, a paragraph between: the first seven digits stood under a finding on that line)
_CONTEXT = 8


def _across(entries: list[str]) -> list[str]:
    """*entries* (texts read one under another), each masked, and the part each holds of a number read across them
    as stars."""
    texts = [mask_log(text) for text in entries]
    joined = "\n".join(texts)
    starts = list(itertools.accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
    chars = [list(text) for text in texts]
    for hit in find(joined):
        for index, start in enumerate(starts):
            end = start + len(texts[index])
            if start <= hit.start and hit.end <= end:
                break  # (inside one entry: masked there)
            for at in range(max(hit.start, start), min(hit.end, end)):
                if not chars[index][at - start].isspace():
                    chars[index][at - start] = "*"
    return ["".join(c) for c in chars]


def mask_excerpt(line: str, address: bool = False) -> str:
    """A line of a catalog file shown under a finding of personal data: as mask_log shows it, and every run of seven
    digits or more left in it as stars. A number split over two lines or two list entries (电话1380595⏎1234, the
    名称 of two 附件) is found where it is read whole, and its part on this line is no number on its own: shown as it
    is, the first seven digits of a mobile or fourteen of an ID would stand in the CI log. Under a finding of an
    *address*, every house, building or room number in it as stars too (_HOUSE_PART)."""
    shown = _escapes_starred(mask_log(line))
    norm = normalize(shown)
    chars = list(shown)
    parts = [*_PART.finditer(norm.text), *(p for p in _MARKED_PART.finditer(norm.text) if _MARKUP & set(p.group())),
             *(_HOUSE_PART.finditer(norm.text) if address else ())]
    for part in parts:
        start, end = norm.span(part.start(), part.end())
        chars[start:end] = ["*" if not c.isspace() else c for c in chars[start:end]]
    return "".join(chars)


def mask_names(text: str, names: frozenset[str]) -> str:
    """*text* with each of *names* (the names a list holds) masked where it stands: 关于陈水生家庭… → 关于陈*生家庭…"""
    for name in sorted((n for n in names if n in text), key=len, reverse=True):  # (欧阳小华 before 阳小华)
        text = text.replace(name, mask_value("name", name))
    return text
