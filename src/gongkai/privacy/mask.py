"""Masking applied to text: every piece of personal data the detectors find, shown in the format of mask_format.py."""

from __future__ import annotations

from gongkai.privacy.detect import find
from gongkai.privacy.mask_format import mask_value

__all__ = ["mask_log", "mask_names", "mask_text", "mask_value"]


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
        pieces.append("*" * (hit.end - hit.start) if hit.encoded else hit.masked)
        done.append((hit.kind, hit.masked))
        cursor = hit.end
    pieces.append(text[cursor:])
    return "".join(pieces), done


def mask_log(text: str) -> str:
    """*text* as it may be printed, logged or posted: every piece of personal data in the masking format.

    The one function every report, diff and command output goes through before a person (or a CI log) sees it. A run
    of base64 whose text holds personal data (a YAML `!!binary` value echoed under a finding, a data: address) is
    shown as stars (detect.find decodes it: encoded.py).
    """
    return mask_text(text)[0] if text else text


def mask_names(text: str, names: frozenset[str]) -> str:
    """*text* with each of *names* (the names a list holds) masked where it stands: 关于陈水生家庭… → 关于陈*生家庭…"""
    for name in sorted((n for n in names if n in text), key=len, reverse=True):  # (欧阳小华 before 阳小华)
        text = text.replace(name, mask_value("name", name))
    return text
