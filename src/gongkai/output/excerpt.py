"""The lines of catalog files shown under findings: decoded as people saved them, personal data masked."""

from __future__ import annotations

from gongkai.catalog.decode import display_text
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
        return mask_line(lines, number - 1)

    return read


def _lines(source: Source, path: str) -> list[str] | None:
    try:
        data = source.read(path)
    except (OSError, KeyError):
        return None
    # Shown whatever the encoding, so the person sees which line of a GBK or UTF-16 file is meant.
    return display_text(data).split("\n")
