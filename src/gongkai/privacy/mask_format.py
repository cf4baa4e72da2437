"""The masking format of DOMAIN.md §7 (a Fujian county's practice), one function per kind of personal data.

mask.py applies it to text (with the detectors); this module knows only the format, so the detectors can use it.

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
