"""Detectors for personal data in text: 公民身份号码, mobile numbers, bank cards, addresses below 村/社区.

Each detector looks only at whole numbers (no digit or letter on either side), so digits inside 文号
（安民〔2026〕12号）, 索引号 (350524-MZ-2026-00012), dates and amounts are never read as personal data.
Masked forms (35*************123, 138****1234) are not whole numbers and pass.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from gongkai.privacy.mask import mask_value

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"

# The kinds of personal data, with the Chinese name shown to people.
KINDS = {"id": "身份证号", "id15": "身份证号（15位）", "mobile": "手机号码", "bank": "银行卡号", "address": "详细住址"}

# A run of digits (optionally ending in X for 身份证号), written plain or in groups of four (bank cards).
_NUMBER = re.compile(
    r"(?<![0-9A-Za-z*＊.])"
    r"(?:\+?86[- ]?)?"
    r"(\d{17}[\dXx]|\d{4}(?:[ -]\d{4}){2,3}(?:[ -]\d{1,3})?|1[3-9]\d[- ]\d{4}[- ]\d{4}|\d{11,19})"
    r"(?![0-9A-Za-z*＊]|\.\d)"
)
_HANZI = "\u4e00-\u9fff"
_ADDRESS = re.compile(
    rf"[{_HANZI}]{{2}}(?:路|街|巷|弄|大道)\d+号(?:之\d+)?(?:\d+(?:号楼|栋|幢|座))?(?:\d+单元)?(?:\d+室)?"
    rf"|[{_HANZI}](?:村|社区|组)\d+号"
    rf"|\d+组\d+号"
    rf"|\d+号楼(?:\d+单元)?(?:\d+(?:室|号))?"
    rf"|\d+(?:栋|幢|座)\d+(?:单元|室|号)(?:\d+(?:室|号))?"
    rf"|\d+单元\d+(?:室|号)?"
    rf"|(?<![\d〔\[（(第])\d{{3,4}}室"
)
_CANDIDATE = re.compile(r"\d(?:\d{10}|[号室楼栋幢座单组]|[- ]\d{4})")
_ADDRESS_HINT = re.compile(r"\d[号室楼栋幢座单组]")
_AFTER_AMOUNT = re.compile(r"^\s*(?:元|万元|亿元|千元|%|％|人|户|件|次|个|天|日|年|月)")


@dataclass(frozen=True)
class Hit:
    """One piece of personal data in a text: kind, the value as written, and where it starts and ends."""

    kind: str
    value: str
    start: int
    end: int

    @property
    def masked(self) -> str:
        return mask_value(self.kind, self.value)

    @property
    def label(self) -> str:
        return KINDS[self.kind]


def id_check_digit(first17: str) -> str:
    """The GB 11643-1999 check digit of the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK[total % 11]


def _valid_birth(text: str) -> bool:
    try:
        born = dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        return False
    return dt.date(1880, 1, 1) <= born <= dt.date(2100, 12, 31)


def id_shaped(digits: str) -> bool:
    """18 characters with a plausible area code and birth date: a 身份证号, whatever its check digit."""
    return len(digits) == 18 and digits[0] in "12345678" and digits[:17].isdigit() and _valid_birth(digits[6:14])


def valid_id(digits: str) -> bool:
    """An 18-digit 公民身份号码 whose check digit is right (GB 11643-1999)."""
    return id_shaped(digits) and id_check_digit(digits[:17]) == digits[17].upper()


def valid_id15(digits: str) -> bool:
    """A 15-digit 身份证号 of before 1999: area code and a real birth date 19YYMMDD."""
    return len(digits) == 15 and digits[0] in "12345678" and digits.isdigit() and _valid_birth("19" + digits[6:12])


def luhn(digits: str) -> bool:
    """The Luhn check that bank card numbers pass."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def classify(raw: str) -> str | None:
    """The kind of personal data a whole number is, or None."""
    digits = re.sub(r"[ -]", "", raw)
    if len(digits) == 18 and id_shaped(digits):
        return "id" if valid_id(digits) else None
    if not digits.isdigit():
        return None
    if len(digits) == 11 and re.fullmatch(r"1[3-9]\d{9}", digits):
        return "mobile"
    if len(digits) == 15 and valid_id15(digits):
        return "id15"
    if 13 <= len(digits) <= 19 and digits[0] in "3456789" and luhn(digits):
        return "bank"
    return None


def find(text: str, allowed: frozenset[str] = frozenset()) -> Iterator[Hit]:
    """Every piece of personal data in *text*, except the values listed in *allowed* (the bureau's own)."""
    if not text:
        return
    # One cheap pass rules out nearly every text: all personal data has 11 digits in a row, digit groups, or a
    # digit right before 号/室/楼/栋/单元/组.
    if _CANDIDATE.search(text):
        yield from _numbers(text, allowed)
        if _ADDRESS_HINT.search(text):
            yield from _addresses(text, allowed)


def _numbers(text: str, allowed: frozenset[str]) -> Iterator[Hit]:
    for match in _NUMBER.finditer(text):
        raw = match.group(1)
        kind = classify(raw)
        if kind is None or re.sub(r"\D", "", raw) in allowed:
            continue
        if kind == "bank" and _AFTER_AMOUNT.match(text[match.end():]):
            continue
        yield Hit(kind, raw, match.start(1), match.end(1))


def _addresses(text: str, allowed: frozenset[str]) -> Iterator[Hit]:
    for match in _ADDRESS.finditer(text):
        value = match.group(0)
        if value not in allowed:
            yield Hit("address", value, match.start(), match.end())


def allowed_values(agency_text: str) -> frozenset[str]:
    """The bureau's own numbers and addresses, as found anywhere in gongkai.yaml: never personal data."""
    numbers = {re.sub(r"\D", "", m) for m in re.findall(r"[\d][\d -]{5,}\d", agency_text)}
    addresses = {m.group(0) for m in _ADDRESS.finditer(agency_text)}
    return frozenset(numbers | addresses)
