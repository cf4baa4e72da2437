"""The lines of catalog files shown under findings: decoded as people saved them, personal data masked."""

from __future__ import annotations

import re

from gongkai.catalog.decode import display_text
from gongkai.catalog.kinds import PRIVATE_KEYS, kind_of
from gongkai.catalog.sources import Source
from gongkai.output.text import LineReader
from gongkai.privacy.mask import mask_line


def source_lines(source: Source) -> LineReader:
    """A reader of line *number* of catalog file *path*, for showing next to a finding; each file is read once."""
    files: dict[str, list[str] | None] = {}

    def read(path: str, number: int) -> str | None:
        if path not in files:
            files[path] = _lines(source, path)
        lines = files[path]
        if lines is None or not 0 < number <= len(lines):
            return None
        # A CI log never carries personal data, whatever rule points at the line (DOMAIN.md §7), nor the part of a
        # number that goes on over the next line.
        private = PRIVATE_KEYS.get(kind_of(path) or "")
        return _unsaid(lines, number - 1, private) if private else mask_line(lines, number - 1)

    return read


HIDDEN = "（内部登记，不在此显示）"
_KEY = re.compile(r"^(\s*([^\s:：#][^:：]*?)\s*[:：])")


def _unsaid(lines: list[str], index: int, private: frozenset[str]) -> str:
    """Line *index* of a register file, with what a key naming the requester holds left out: on its own line (申请人:
    陈金水 电话: 138…, a YAML error) and on the lines of its block (申请内容: | …)."""
    line = lines[index]
    key = _KEY.match(line)
    if key is not None and key.group(2).strip() in private:
        return key.group(1) + " " + HIDDEN
    indent = len(line) - len(line.lstrip())
    for above in reversed(lines[:index]):
        if above.strip() and len(above) - len(above.lstrip()) < indent:
            owner = _KEY.match(above)
            if owner is not None and owner.group(2).strip() in private:
                return line[:indent] + HIDDEN
            break
    return mask_line(lines, index)


def _lines(source: Source, path: str) -> list[str] | None:
    try:
        data = source.read(path)
    except (OSError, KeyError):
        return None
    # Shown whatever the encoding, so the person sees which line of a GBK or UTF-16 file is meant.
    return display_text(data).split("\n")
