"""The masking format of DOMAIN.md §7 (a Fujian county's practice), one function per kind of personal data.

mask.py applies it to text (with the detectors); this module knows only the format, so the detectors can use it.

- 手机号码: first 3 and last 4 digits kept: 138****1234
- 身份证号: first 2 and last 3 kept: 35*************123 (15-digit numbers: 35**********123)
- 银行卡号: first 4 and last 4 kept, every other digit a star: 6222***********1234
- 电话号码 (a landline in a list of people): the area code and the last 4 digits kept: 0595****5678, 010****5678;
  without an area code the last 4: ****5678
- 详细住址: every digit of the house, building, unit and room number a star: 经兜村**号, 3号楼2单元301室 → *号楼*单元***室
- 姓名 (a name a list holds, where it is shown outside the list): the first and last character kept: 陈*生, 欧阳**华; 陈*
"""

from __future__ import annotations

import re


def mask_mobile(value: str) -> str:
    digits = re.sub(r"[^\d*]", "", value)  # (a mobile starred too little keeps its stars)
    return f"{digits[:3]}****{digits[-4:]}"


def mask_id(value: str) -> str:
    chars = re.sub(r"[^\dXx*]", "", value).upper()  # (an ID starred too little keeps its stars)
    return chars[:2] + "*" * (len(chars) - 5) + chars[-3:]


def mask_bank(value: str) -> str:
    digits = re.sub(r"[^\d*]", "", value)  # (a card starred too little keeps its stars)
    return digits[:4] + "*" * (len(digits) - 8) + digits[-4:]


def mask_phone(value: str) -> str:
    digits = re.sub(r"[^\d*]", "", value)
    area = 3 if digits[:2] in ("01", "02") else 4 if digits[:1] == "0" else 0  # (010, 02x: three; 0595: four)
    return digits[:area] + "*" * (len(digits) - area - 4) + digits[-4:]


# A number of an address written in Chinese numerals: before 号, 室, 单元, 栋, 组, 楼 or after the word it numbers
# (三组十五号 → *组**号); the numerals of a name (五一路, 三元村) stay.
_ADDRESS_NUMERALS = re.compile(r"[〇零一二三四五六七八九十百千两]+(?=[号室单栋幢座组楼之-])|(?<=[路街巷弄道村区组楼栋幢座元之-])[〇零一二三四五六七八九十百千两]+")


def mask_address(value: str) -> str:
    return _ADDRESS_NUMERALS.sub(lambda m: "*" * len(m.group(0)), re.sub(r"\d", "*", value))


def mask_name(value: str) -> str:
    return value[0] + "*" if len(value) <= 2 else value[0] + "*" * (len(value) - 2) + value[-1]


_MASKERS = {"mobile": mask_mobile, "phone": mask_phone, "id": mask_id, "id15": mask_id, "bank": mask_bank,
            "address": mask_address, "name": mask_name}


def mask_value(kind: str, value: str) -> str:
    """*value* of *kind* (id, id15, mobile, phone, bank, address) in the masking format."""
    return _MASKERS[kind](value)
