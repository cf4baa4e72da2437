"""What makes a run of digits personal data: a 身份证号's area code, birth date and check digit (GB 11643-1999), one
that a float rounded (its check digit lost), a mobile's prefix, a bank card's Luhn check. detect.py finds the runs."""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import itertools
import re

from gongkai.privacy.normalize import ascii_digits

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


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


# The province-level part of an area code (GB/T 2260): 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83, 91.
_PROVINCES = frozenset({*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55),
                        *range(61, 66), 71, 81, 82, 83, 91})


def disability_card(digits: str) -> bool:
    """A 残疾人证号 (the second-generation card, 2008): the holder's 18-digit 身份证号, then the kind of disability
    (1 视力 … 7 多重) and its grade (1–4) — 35052419850315123642 shows the ID 350524198503151236 whole."""
    return len(digits) == 20 and digits[18] in "1234567" and digits[19] in "1234" and valid_id(digits[:18])


def lost_check_id(digits: str, today: dt.date | None = None) -> bool:
    """18 digits that were a 身份证号 before a float rounded its last digits away (3.50524198503151E+17 is
    350524198503151000): a province's area code and a birth date between 1900-01-01 and *today* (the day of the
    command: a build's day, never the machine's clock), whatever follows; without *today*, any birth date to 2100 —
    the detector's reading, which the gate and validate narrow to their day (findings.standing_on)."""
    born = lost_check_birth(digits)
    return born is not None and (today is None or born <= today)


def lost_check_birth(digits: str) -> dt.date | None:
    """The birth date of 18 digits a float may have rounded from a 身份证号 (a province's area code, a birth date from
    1900 to 2100), or None."""
    if len(digits) != 18 or not digits.isdigit() or int(digits[:2]) not in _PROVINCES:
        return None
    try:
        born = dt.date(int(digits[6:10]), int(digits[10:12]), int(digits[12:14]))
    except ValueError:
        return None
    return born if dt.date(1900, 1, 1) <= born <= dt.date(2100, 12, 31) else None


# A mobile's mask hides four digits (138****8000), a card's all but four and four: with three or fewer hidden, a
# thousand guesses or fewer find it (a card's Luhn check cuts them to a hundred).
MIN_MOBILE_STARS = 4
MIN_CARD_STARS = 4


def undermasked(token: str) -> str | None:
    """The kind of number *token* (digits and stars) is when its stars hide too little of it: id, mobile, bank or
    None."""
    stars = token.count("*")
    if len(token) == 18 and undermasked_id(token):
        return "id"
    if len(token) == 15 and undermasked_id15(token):
        return "id15"
    # (every mobile starts with 1: a star there hides nothing, *3805951234 is the number, ****5951234 a few hundred
    # guesses)
    hidden = stars - (token[:1] == "*")
    if len(token) == 11 and 0 <= hidden < MIN_MOBILE_STARS and stars and re.fullmatch(r"[1*][3-9*][0-9*]{9}", token):
        return "mobile"
    # (a star among the first six digits hides no more than one in the middle: Luhn gives one starred digit back, so
    # 62*2021234567894 is the whole card; one starting with stars, 订单号 **2026120400000001, is some other number)
    if 16 <= len(token) <= 19 and 1 <= stars < MIN_CARD_STARS and re.fullmatch(r"[3-9][0-9*]+", token):
        return "bank"
    return None


def undermasked_id(token: str) -> bool:
    """18 characters of an ID with some starred, but too few to hide it: the birth date left in full
    (3505241985031512**, 350524198503****36, and ******198503151236: the area code of a county's list is the county's),
    only one or two characters starred, which the check digit and a few guesses give back (350524*98503151236,
    3*0524198503151236), or part of the birth date starred, which the days there are and the check digit narrow to a
    few hundred (350524****03151236: the years 1900–2100, a twelfth of them; 3505241985****1236: a year's days).
    The area code's province must be one (or starred)."""
    stars = token.count("*")
    if not stars or len(token) != 18:
        return False
    if not any(re.fullmatch(token[:2].replace("*", "[0-9]"), str(code)) for code in _PROVINCES):
        return False
    if "*" not in token[6:14]:
        return _valid_birth(token[6:14])
    if stars <= 2:
        return _fillable(token)
    # each starred digit of the sequence ten guesses, the check digit (when shown) keeping one in eleven
    days = _birth_days(token[6:14])
    guesses = days * 10 ** token[14:17].count("*") / (1 if token[17] == "*" else 11)
    return days > 0 and guesses < ID_GUESSES


def undermasked_id15(token: str) -> bool:
    """15 characters of a 身份证号 of before 1999 (valid_id15) with some starred, but too few to hide it: the birth date
    left in full (350524850315***), or one or two of its digits starred (35052485031513*). Read as the 18-digit number
    it became (19 before its year, a check digit no one knows): 35**********123, the format, hides it."""
    return len(token) == 15 and "*" in token and undermasked_id(token[:6] + "19" + token[6:] + "*")


# The masking format hides 13 of an ID's 18 characters (35*************123); one that hides its birth date
# (350524********1236) is common too. A mask that leaves fewer fillings than this to try is none: a card's mask (four
# digits, the Luhn check) leaves a thousand.
ID_GUESSES = 1000


def _fillable(token: str) -> bool:
    """True when some filling of the one or two stars of *token* makes a valid ID (a real birth date, the check
    digit right). A starred check digit may be X: 350524*9850315121* is 35052419850315121X, an ID still."""
    starred = [i for i, c in enumerate(token) if c == "*"]
    options = ["0123456789X" if index == 17 else "0123456789" for index in starred]
    for fill in itertools.product(*options):
        chars = list(token)
        for index, digit in zip(starred, fill, strict=True):
            chars[index] = digit
        if valid_id("".join(chars)):
            return True
    return False


@functools.lru_cache(maxsize=1024)  # a list masked one way repeats its pattern row after row
def _birth_days(pattern: str) -> int:
    """How many days from 1900 to 2100 the eight characters *pattern* (YYYYMMDD, some starred) may be."""
    def fits(value: int, part: str) -> bool:
        return all(p in ("*", d) for p, d in zip(part, f"{value:0{len(part)}d}", strict=True))

    days = [d for d in range(1, 32) if fits(d, pattern[6:])]
    total = 0
    for year in (y for y in range(1900, 2101) if fits(y, pattern[:4])):
        for month in (m for m in range(1, 13) if fits(m, pattern[4:6])):
            length = calendar.monthrange(year, month)[1]
            total += sum(1 for d in days if d <= length)
    return total


def valid_id15(digits: str) -> bool:
    """A 15-digit 身份证号 of before 1999: an area code of a province (as an 18-digit one's) and a real birth date
    19YYMMDD. (Any first digit 1–8 let a 索引号 beside a 文号 read as one: 2026-00001⏎2026-12号 is 202600001202612.)"""
    return (len(digits) == 15 and digits.isdigit() and int(digits[:2]) in _PROVINCES
            and _valid_birth("19" + digits[6:12]))


_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code(digits: str) -> bool:
    """An all-digit 统一社会信用代码 (GB 32100-2015) of an organisation: a registering department and a kind (5 民政,
    1 社会团体: 513505245001236648), an area code of a province (or 100000, the centre's), its 组织机构代码 with that
    code's check digit (GB 11714), and its own check digit (the weighted sum modulo 31). Organisations are not persons:
    one in ten such codes passes the Luhn check of a card."""
    if len(digits) != 18 or not digits.isdigit() or digits[1] == "0" or int(digits[2:4]) not in _PROVINCES | {10}:
        return False
    remainder = sum(_CREDIT_CHARS.index(char) * weight
                    for char, weight in zip(digits, _CREDIT_WEIGHTS, strict=False)) % 31
    return _CREDIT_CHARS[(31 - remainder) % 31] == digits[17] and _organisation_code(digits[8:17])


_ORGANISATION_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def _organisation_code(code: str) -> bool:
    """Whether the nine characters of a credit code after its area code are a 组织机构代码 (GB 11714) with its own check
    digit: a card that passed the credit code's check by chance (one in 31) passes this one too only one time in 11."""
    check = 11 - sum(int(char) * weight for char, weight in zip(code, _ORGANISATION_WEIGHTS, strict=False)) % 11
    return code[8] == {10: "X", 11: "0"}.get(check, str(check))


def luhn(digits: str) -> bool:
    """The Luhn check that bank card numbers pass."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def classify(raw: str, today: dt.date | None = None) -> str | None:
    """The kind of personal data a number (digits, perhaps in groups) is, or None; an ID a float rounded counts for
    someone born by *today* (lost_check_id)."""
    digits = re.sub(r"[^0-9Xx]", "", ascii_digits(raw)).upper()
    # written out from a float, its last three digits zeros: other 18 digits need their check digit
    if len(digits) == 18 and digits.endswith("000") and lost_check_id(digits, today):
        return "id"
    if len(digits) == 18 and id_shaped(digits):
        return "id" if valid_id(digits) else None
    if not digits.isdigit():
        return None
    # 17 digits: a 身份证号 without its check digit, which the other 17 decide (a province, a birth date by *today*)
    if len(digits) == 17 and lost_check_id(digits + "0", today):
        return "id"
    if len(digits) == 11 and re.fullmatch(r"1[3-9]\d{9}", digits):
        return "mobile"
    if len(digits) == 15 and valid_id15(digits):
        return "id15"
    if 13 <= len(digits) <= 19 and digits[0] in "3456789" and luhn(digits) and not credit_code(digits):
        return "bank"
    return None


def combined_mask(first: str, second: str) -> str | None:
    """What two masked forms of one number (digits and stars, the same length) show together, when they are masked
    differently and could be the same number (every place both show holds the same digit): 3505**********1236 and
    3505241985******** are 3505241985****1236. None when they cannot be one number or show nothing more together."""
    if len(first) != len(second) or first == second:
        return None
    merged = []
    for a, b in zip(first, second, strict=True):
        if a != "*" and b != "*" and a.upper() != b.upper():
            return None
        merged.append(b if a == "*" else a)
    together = "".join(merged)
    return together if together not in (first, second) else None


def revealed(together: str) -> str | None:
    """The kind of number the digits and stars *together* (what several masks of it show at once) give away: a mask
    that, alone, would be masked too little (undermasked), or no mask left at all; None when it still hides enough."""
    return classify(together) if "*" not in together else undermasked(together)


def masked_kind(token: str) -> str:
    """The kind of number a masked *token* (digits and stars: 11, or 16 to 19 characters) is masked from: a mobile
    (eleven), an ID (eighteen, its area code a province's or starred), else a card."""
    if len(token) == 11:
        return "mobile"
    if len(token) == 18 and ("*" in token[:2] or (token[:2].isdigit() and int(token[:2]) in _PROVINCES)):
        return "id"
    return "bank"
