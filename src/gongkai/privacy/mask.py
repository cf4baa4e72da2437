"""The masking format of DOMAIN.md §7 (a Fujian county's practice), one function per kind of personal data.

- 手机号码: first 3 and last 4 digits kept: 138****1234
- 身份证号: first 2 and last 3 kept: 35*************123 (15-digit numbers: 35**********123)
- 银行卡号: first 4 and last 4 kept, every other digit a star: 6222***********1234
- 详细住址: every digit of the house, building, unit and room number a star: 经兜村**号, 3号楼2单元301室 → *号楼*单元***室
"""

from __future__ import annotations

import re


def mask_mobile(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return f"{digits[:3]}****{digits[-4:]}"


def mask_id(value: str) -> str:
    chars = re.sub(r"[^\dXx]", "", value).upper()
    return chars[:2] + "*" * (len(chars) - 5) + chars[-3:]


def mask_bank(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]


def mask_address(value: str) -> str:
    return re.sub(r"\d", "*", value)


_MASKERS = {"mobile": mask_mobile, "id": mask_id, "id15": mask_id, "bank": mask_bank, "address": mask_address}


def mask_value(kind: str, value: str) -> str:
    """*value* of *kind* (id, id15, mobile, bank, address) in the masking format."""
    return _MASKERS[kind](value)


def mask_text(text: str, allowed: frozenset[str] = frozenset()) -> tuple[str, list[tuple[str, str]]]:
    """*text* with every piece of personal data masked, and [(kind, masked value), …] of what was masked."""
    from gongkai.privacy.detect import find

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
    return mask_text(text)[0] if text else text
