"""Scan assembled outputs (pages, feeds, data files) for personal numbers: independent of the source scan."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from gongkai.privacy.detect import find

_TAG = re.compile(rb"<[^>]+>")


@dataclass(frozen=True)
class OutputFinding:
    """Unmasked personal data in an output file: what kind, masked."""

    name: str
    label: str
    masked: str


def scan_output(name: str, data: bytes, allowed: frozenset[str]) -> list[OutputFinding]:
    """Every personal number in one output file (tags stripped, entities decoded)."""
    if not re.search(rb"\d", data):
        return []
    text = html.unescape(_TAG.sub(b" ", data).decode("utf-8", errors="replace"))
    return [OutputFinding(name, hit.label, hit.masked) for hit in find(text, allowed)]
