"""Masking applied to text: every piece of personal data the detectors find, shown in the format of mask_format.py."""

from __future__ import annotations

import base64
import binascii
import re

from gongkai.privacy.detect import find
from gongkai.privacy.mask_format import mask_value

__all__ = ["mask_log", "mask_text", "mask_value"]


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
        pieces.append(hit.masked)
        done.append((hit.kind, hit.masked))
        cursor = hit.end
    pieces.append(text[cursor:])
    return "".join(pieces), done


def mask_log(text: str) -> str:
    """*text* as it may be printed, logged or posted: every piece of personal data in the masking format.

    The one function every report, diff and command output goes through before a person (or a CI log) sees it.
    """
    return _BASE64.sub(_encoded, mask_text(text)[0]) if text else text


# A run of base64 (a YAML `!!binary` value echoed under a finding, a data: address): a number in it is the number still
# for anyone who decodes it, so a run whose text holds personal data is shown as stars.
_BASE64 = re.compile(r"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])")


def _encoded(match: re.Match[str]) -> str:
    run = match.group()
    try:
        decoded = base64.b64decode(run, validate=True)
    except (binascii.Error, ValueError):
        return run
    for encoding in ("utf-8", "gb18030"):  # as YAML files are written; random bytes (a hex digest) are neither
        try:
            text = decoded.decode(encoding)
        except UnicodeDecodeError:
            continue
        return "*" * len(run) if next(iter(find(text)), None) is not None else run
    return run
