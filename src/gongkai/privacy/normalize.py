"""Text as a reader sees it, before matching: entities decoded, tags and invisible characters gone, forms unified.

A person hiding a number (or a Chinese IME in full-width mode) writes it as ３５０５…, 3505&#50;4…, 3505<b></b>24…,
with zero-width spaces, soft hyphens or bidi marks between the digits, or with spaces and dashes of every width.
normalize() undoes all of that; every step maps one stretch of the input to one stretch of the output, so a match in
the normalized text can be mapped back to the user's own characters (Normalized.span).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
import html
import html.entities
import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from gongkai.privacy import newer, unseen
from gongkai.privacy.encoded import encoded_texts
from gongkai.privacy.unknown import bmp_unassigned, has_unassigned_astral


def _spelled(chars: Iterable[str]) -> str:
    """The inside of a character class holding *chars*, runs of consecutive characters as ranges (٠-٩): sre parses
    and compiles a range far faster than its characters one by one."""
    return _spelled_ranges((code, code) for code in map(ord, chars))


def _spelled_ranges(ranges: Iterable[tuple[int, int]]) -> str:
    """The inside of a character class holding the code points of *ranges* (first, last), overlapping and adjacent
    ones merged, each character written as itself: sre's parser reads a \\U0000200b escape digit by digit in Python,
    six times as long as the character (the pre-filter holds the invisible characters some seventy times)."""
    runs: list[list[int]] = []
    for first, last in sorted(ranges):
        if runs and first <= runs[-1][1] + 1:
            runs[-1][1] = max(runs[-1][1], last)
        else:
            runs.append([first, last])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs)


# Invisible characters a reader never sees: every format character (Cf: zero-width space/joiner/non-joiner, word
# joiner, soft hyphen, BOM, bidi marks and isolates, Mongolian vowel separator, musical and shorthand format controls…)
# and every mark laid over the character before (Mn, Me: a digit under one is still that digit to a reader), of the
# Unicode Python knows (unseen.py) and of those added since (newer.py); and letters drawn as nothing.
_INVISIBLE_RANGES = (*unseen.FORMAT_AND_MARKS,
                     # the whole blocks of combining marks and format characters, their free code points too
                     (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x2060, 0x206F), (0x20D0, 0x20FF), (0xFE20, 0xFE2F),
                     # letters drawn as nothing: Hangul fillers, the blank braille pattern
                     (0x115F, 0x1160), (0x2800, 0x2800), (0x3164, 0x3164), (0xFFA0, 0xFFA0),
                     # and those Unicode added after the version Python knows (newer.py): Egyptian format controls,
                     # combining marks of new scripts, code points reserved to be drawn as nothing (U+FFF0–FFF8 …)
                     *newer.INVISIBLE)
# And control characters as typed (C0 but NUL and the spaces, DEL, C1 but NEL): no editor, spreadsheet or terminal
# draws one as a character, so 138<ESC>12345678 in a CSV attachment, a file name, a commit message or a cell reads
# 13812345678 (a terminal, a CI log showed it so; the gate published the CSV). NUL is gongkai's own mark between texts
# read apart (SEPARATE), which joins nothing; a reference or an escape that decodes to a control character stays as
# typed where it is read literally (UNSHOWN, _DECODED).
_CONTROL_RANGES = ((0x01, 0x08), (0x0E, 0x1B), (0x7F, 0x84), (0x86, 0x9F))
_INVISIBLE = _spelled_ranges((*_INVISIBLE_RANGES, *_CONTROL_RANGES))
_INVISIBLE_BMP = _spelled_ranges((a, b) for a, b in (*_INVISIBLE_RANGES, *_CONTROL_RANGES) if b <= 0xFFFF)

# One pattern for everything that changes length: character references (&#51; &#x33; &nbsp; — numeric ones also
# without the semicolon and with any number of leading zeros, the legacy names such as &nbsp &sup1 &middot also
# without it, as browsers accept them), percent-encoded bytes (%31%33%38…, as a browser shows and dials a link: one
# run of them decoded as UTF-8, else as GBK, the encoding of older Chinese web systems: %A3%B1 is １), JavaScript's
# escape() of a character (%uFF11 is １), the \uXXXX escape of JSON and JavaScript (\u0031 is 1: a program reading the
# page or its data decodes it, and the output scan reads it so), HTML tags and comments, invisible characters.
_HEX2 = "[0-9A-Fa-f]{2}"
_LEGACY_NAMES = "|".join(sorted((name for name in html.entities.html5 if not name.endswith(";")), key=len, reverse=True))
_REFERENCE = (r"&(?:#0*[0-9]{1,7};?|#[xX]0*[0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};"
              rf"|(?:{_LEGACY_NAMES}))|(?:%(?:[uU][0-9A-Fa-f]{{4}}|[0-9A-Fa-f]{{2}}))+|(?:\\u[0-9A-Fa-f]{{4}})+"
              # bytes as C, Python and JavaScript escape them (\x31\x33…) and as quoted-printable writes them
              # (=31=33…, an e-mail's or an MHT file's text: two escapes at least, a soft line break «=⏎» between)
              rf"|(?:\\x[0-9A-Fa-f]{{2}})+|={_HEX2}(?:=\r?\n)?(?:={_HEX2}(?:=\r?\n)?)+")
_MARKUP = r"<!--.*?-->|</?[A-Za-z][^<>]{0,200}>"
# Enclosed numbers of two digits (⑩–⑳, ⑽–⒇, ⒑–⒛, ⓫–⓴, ❿, ➓, ㉑–㉟, ㊱–㊿, ㈩, ㊉): one character, two digits —
# ⑬⑧⓪⓪⑬⑧⓪⓪⓪ reads 13800138000.
_TENS = {chr(code): str(int(unicodedata.numeric(chr(code)))) for first, last in
         ((0x2460, 0x24FF), (0x2776, 0x2793), (0x3200, 0x32FF)) for code in range(first, last + 1)
         if unicodedata.numeric(chr(code), -1) in range(10, 100)}
_TENS_BMP = "".join(_TENS)  # (the pre-filter's class of characters up to U+FFFF holds these)
# (and the Kaktovik numerals ten to nineteen, Unicode 15: newer.py)
_TENS.update({chr(code): str(code - newer.KAKTOVIK[0])
              for code in range(newer.KAKTOVIK[0] + 10, newer.KAKTOVIK[1] + 1)})
_TENS_CLASS = "".join(_TENS)
_CHANGES = re.compile(rf"{_REFERENCE}|{_MARKUP}|[{_INVISIBLE}]+|[{_TENS_CLASS}]", re.DOTALL)
# The same without tags and comments: where text is shown as typed (a field on a page, a diff, a log line), what
# stands inside «<…>» and «<!-- -->» is read too (find() reads a text both ways).
_CHANGES_SHOWN = re.compile(rf"{_REFERENCE}|[{_INVISIBLE}]+|[{_TENS_CLASS}]", re.DOTALL)
# Decoding can hide what a reader sees: «&#13805951234» is no reference (seven digits at most) and shows its digits,
# «%13805951234» shows them on a page; decoded, the first digits became U+FFFD or a control character, and the number
# was gone. Read *literal*, a reference, escape or percent-encoded run that decodes to such a character stays as typed
# (find() reads a text both ways; one that decodes to what a reader sees is decoded, &#20020; is 临 and no digits).
UNSHOWN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
HAS_MARKUP = re.compile(_MARKUP, re.DOTALL)


# Where digits that are not decimal digits live (every character of another notation whose value is one digit):
# superscripts, subscripts, circled, parenthesized, full stop, dingbats; Roman numerals Ⅰ–Ⅸ, Hangzhou numerals 〡–〩,
# parenthesized and circled ideographs ㈠ ㊀, Ethiopic, Khmer, Telugu, Bamum, counting rods, historic scripts.
# tests/test_hostile5_normalize.py enumerates all of Unicode: a block missing here fails it.
_OTHER_DIGITS = ((0x00B2, 0x00B9), (0x0C78, 0x0C7E), (0x1369, 0x1371), (0x17F0, 0x17F9), (0x19DA, 0x19DA),
                 (0x2070, 0x2089), (0x2150, 0x2189), (0x2460, 0x24FF), (0x2776, 0x2793), (0x3021, 0x3029),
                 (0x3192, 0x3195), (0x3220, 0x3228), (0x3280, 0x3288), (0xA6E6, 0xA6EF), (0x10100, 0x10FFF),
                 (0x11000, 0x111FF), (0x11C50, 0x11C6F), (0x12400, 0x1247F), (0x16E80, 0x16E9F),
                 (0x1D2E0, 0x1D37F), (0x1E8C0, 0x1EDFF), (0x1F100, 0x1F10C))

# Chinese numerals, as a number is read out or written by hand: 一三八…, 幺三八…, 壹叁捌…, 二〇二六 (also ○), and as
# it is read out over a radio or telephone (幺 or 么 1, 两/兩 2, 拐 7, 勾 9, 洞 0).
_NUMERALS = {**dict.fromkeys("〇零○◯洞", "0"), **dict.fromkeys("一壹幺么", "1"), **dict.fromkeys("二贰貳两兩", "2"),
             **dict.fromkeys("三叁參", "3"), **dict.fromkeys("四肆", "4"), **dict.fromkeys("五伍", "5"),
             **dict.fromkeys("六陆陸", "6"), **dict.fromkeys("七柒拐", "7"), **dict.fromkeys("八捌", "8"),
             **dict.fromkeys("九玖勾", "9")}
NUMERALS = frozenset(_NUMERALS)
_NUMERAL_TABLE = str.maketrans(_NUMERALS)
_N = "".join(_NUMERALS) + "0-9"
# Only a run long enough to be a number (eleven numerals or digits, perhaps in groups, apart by what the detector
# reads between the groups of a number: spaces, dashes, dots, slashes, commas …) is read as digits: 第一、二〇二六年
# and 一一对应 stay words. In such a run every numeral is a digit, alone or apart (一 三 八 零 …, 1 三 8 …,
# 电话一3800138000); where a numeral meets a digit the detector cuts the groups (detect._groups), so a numeral that
# belongs to a word (张三13805951234, 13805951234三户) is tried with the number and without it.
# (a star stands for a digit there too: 一三八****五六七八 is a number masked, read as 138****5678)
_NUMERAL_RUN = re.compile(rf"[{_N}](?:[\s\-./_`~\\，、。：:•+()（）]{{0,4}}[{_N}*]|\*{{1,4}}[{_N}]){{10,}}")


# Letters read as digits between digits: 3505241985O3151236, 138l2345678 (a typo or a disguise), also the Greek
# and Cyrillic letters drawn the same (Ο ο О о, Ι І і Ӏ ǀ), and a Chinese numeral between digits (13八0013八000); a
# check digit, mobile prefix or Luhn check still has to pass before anything counts.
_LOOKALIKES = {**dict.fromkeys("OoΟοОо", "0"), **dict.fromkeys("IlΙІіӀǀ", "1"), **_NUMERALS}
# A letter at either end of the number is read so too when no other letter of its word touches it (l38OOl38OOO,
# 13800138OOO): a word (No, ISO, Ol) stays itself.
_LETTERS = "OoΟοОоIlΙІіӀǀ"
_WORD = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff"
_LOOKALIKE = re.compile(rf"(?<=\d)[{''.join(_LOOKALIKES)}]+(?=\d)|(?<=\d)[{_LETTERS}]+(?![{_WORD}])"
                        rf"|(?<![{_WORD}])[{_LETTERS}]+(?=\d)")
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)


def _lookalikes(text: str) -> str:
    return _LOOKALIKE.sub(lambda m: m.group(0).translate(_LOOKALIKE_TABLE), text) if _LOOKALIKE.search(text) else text


def _numerals(text: str) -> str:
    text = _lookalikes(text)
    return _NUMERAL_RUN.sub(lambda m: m.group(0).translate(_NUMERAL_TABLE), text)


_DIGIT_VALUES = frozenset(range(10))


def _one_to_one() -> dict[int, str]:
    """Characters replaced one for one: full-width letters, every space, dash, slash, dot and star form."""
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII (NFKC): Ａ→A, ｘ→x, ＊→*, ／→/, ．→.
        table[code] = chr(code - 0xFEE0)
    del table[0xFF0C]  # but the Chinese comma stays itself: unlike «,» it is never a thousands separator
    for char in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000":
        table[ord(char)] = " "
    dashes = ("\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2e17\u2e1a\u2e3a\u2e3b"
              "\u2e40\u2e5d\u301c\u3030\u30a0\u30fc\ufe31\ufe32\ufe58\ufe63\uff0d\uff70")
    table.update({ord(c): "-" for c in dashes})
    # a line drawn between the groups: box drawing, horizontal line extension, the Yezidi hyphen
    table.update({ord(c): "-" for c in "\u2500\u2501\u2504\u2505\u2508\u2509\u254c\u254d\u23af\u23e4\U00010ead"})
    # letters to Unicode (Lm, Lo) drawn as a dash, a low line or a dot: ˉ (GB2312 A1A5, on every Chinese IME's symbol
    # table), ˍ, the sinological dot ꞏ and the Canadian middle dot ᐧ
    table.update({0x02C9: "-", 0x02CD: "_", 0xA78F: ".", 0x1427: "."})
    table.update({ord(c): "~" for c in "\u2053\u223c\u02dc"})
    table.update({ord(c): "_" for c in "\u203e\u2017"})
    table.update({ord(c): "." for c in "\u00b7\u2024\u2027\u30fb\uff65\u2219\u22c5\u2e31\u0387"})
    table.update({ord(c): ":" for c in "\u2236\ua789"})
    # compatibility forms of a separator (NFKC: … → ..., ﹒ → ., ｡ → 。, ﹏ → _, ﹕ → :): the separator, once; a small
    # or vertical comma is the Chinese comma
    for c in "\u2025\u2026\ufe10\ufe11\ufe12\ufe13\ufe19\ufe30\ufe33\ufe34\ufe4d\ufe4e\ufe4f\ufe50\ufe51\ufe52\ufe55\ufe61\uff61\uff64":
        form = unicodedata.normalize("NFKC", c)[0]
        table[ord(c)] = "，" if form == "," else form
    table.update({ord(c): "/" for c in "\u2044\u2215\u29f8"})
    # the traditional forms of an address's words (人民路12號, 3棟2單元, 美法社區): the detector reads the simplified
    table.update({ord(t): s for t, s in zip("號樓棟單區組", "号楼栋单区组", strict=True)})
    table.update({ord(c): "*" for c in "\u2217\u204e\u2731\u066d"})
    # ×, Greek Χ, Cyrillic Х and the Roman numeral Ⅹ look like the check digit X
    table.update({ord(c): "X" for c in "\u00d7\u03a7\u03c7\u0425\u0445\u2169\u2179"})
    # digits that are not decimal digits to a regular expression: ①, ⑴, ⒈, ❶, ¹, ₁ (NFKC or their digit value)
    for first, last in _OTHER_DIGITS:
        table.update({code: str(int(value)) for code in range(first, last + 1)
                      if (value := unicodedata.numeric(chr(code), -1)) in _DIGIT_VALUES and not chr(code).isdecimal()})
    table[0xFF3F] = "_"
    # and what Unicode added after the version Python knows (newer.py): the digits of new scripts and the outlined
    # digits (U+1CCF0 …), the Kaktovik numerals zero to nine, the Garay hyphen
    table.update(_NEWER_DIGITS)
    table.update({code: "-" for first, last in newer.DASHES for code in range(first, last + 1)})
    return table


_NEWER_DIGITS = {zero + value: str(value) for zero in (*newer.DIGIT_ZEROS, newer.KAKTOVIK[0]) for value in range(10)}


_TABLE = _one_to_one()


def _literal_replacement(match: re.Match[str]) -> str:
    shown = _replacement(match)
    return match.group(0) if UNSHOWN.search(shown) is not None else shown


def _replacement(match: re.Match[str]) -> str:
    text = match.group(0)
    tens = _TENS.get(text)
    if tens is not None:
        return tens
    if text[0] == "&":
        decoded = html.unescape(text if text.endswith(";") else text + ";")
        return _shown(decoded) if decoded != text + ";" and decoded != text else text
    if text[0] == "%":
        return _shown(percent_decoded(text))
    if text[0] == "\\":
        return _shown(unescaped(text) if text[1] == "u" else bytes_decoded(bytes.fromhex(text.replace("\\x", ""))))
    if text[0] == "=":
        return _shown(bytes_decoded(bytes.fromhex(_SOFT_BREAK.sub("", text).replace("=", ""))))
    return ""  # a tag, a comment or invisible characters: the reader sees nothing there


def unescaped(run: str) -> str:
    """A run of \\uXXXX (or %uXXXX) escapes as JSON and JavaScript decode it: UTF-16 code units, so that a surrogate
    pair is one character (\\uD835\\uDFCF is 𝟏, as a JSON writer escapes a character beyond U+FFFF); U+FFFD for half a
    pair, which is no character."""
    units = "".join(chr(int(run[at + 2:at + 6], 16)) for at in range(0, len(run), 6))
    return units.encode("utf-16-le", "surrogatepass").decode("utf-16-le", errors="replace")


ESCAPES = re.compile(r"(?:\\u[0-9A-Fa-f]{4})+")
_ESCAPED = re.compile(r"((?:%[uU][0-9A-Fa-f]{4})+)")


_SOFT_BREAK = re.compile(r"=\r?\n")


def bytes_decoded(data: bytes) -> str:
    """Bytes as text: UTF-8, else GBK (GB18030, which holds it: what older Chinese systems write), else UTF-8 with
    what is not replaced."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("gb18030")
        except UnicodeDecodeError:
            return data.decode("utf-8", errors="replace")


def percent_decoded(run: str) -> str:
    """A run of percent-encoded bytes (and %uXXXX escapes) as a browser or a server reads it: its bytes as UTF-8, or
    (not UTF-8) as GBK — GB18030, which holds GBK."""
    out = []
    for piece in _ESCAPED.split(run):
        if piece[1:2] in ("u", "U"):  # escapes (a byte's %XX holds no u)
            out.append(unescaped(piece))
        elif piece:
            out.append(bytes_decoded(bytes.fromhex(piece.replace("%", ""))))
    return "".join(out)


# What a decoded reference or percent-encoded run stands for is read like any text: an invisible character is
# nothing (138&#8203;0595 reads 1380595), a two-digit circled number two digits (&#9324; is ⑬, 13).
_DECODED = re.compile(rf"[{_spelled_ranges(_INVISIBLE_RANGES)}]+|[{_TENS_CLASS}]")


def _shown(decoded: str) -> str:
    return _DECODED.sub(lambda match: _TENS.get(match.group(0), ""), decoded).translate(_TABLE)


def _digits_to_ascii(text: str) -> str:
    text = text.translate(_NEWER_DIGITS)
    return "".join(str(unicodedata.decimal(c)) if c.isdigit() and not c.isascii() and unicodedata.decimal(c, None)
                   is not None else c for c in text)


@dataclass(frozen=True)
class Normalized:
    """A text as normalized, with a way back to the original's characters."""

    source: str
    text: str
    changes: re.Pattern[str] = _CHANGES  # what was replaced (normalize's *hide_markup*)
    literal: bool = False  # what decodes to no character a reader sees stayed as typed (normalize's *literal*)
    # *text* before numerals became digits (references, escapes and percent-encoded bytes decoded): a character for
    # every character of *text*; "" when that is *source* itself
    decoded: str = ""

    def numeral(self, at: int) -> bool:
        """Whether the character at *at* of *text* is a Chinese numeral where it is written: typed (张三), or what a
        reference, escape or percent-encoded run decodes to (张%E4%B8%89, 张&#19977;, 张\\u4e09). The source's
        character there is its first, «%» or «&», and told no numeral: 张三 glued to a number read as one more digit
        of it, and the number, percent-encoded in a link, an address or a SARIF path, was no number."""
        return (self.decoded or self.source)[at] in NUMERALS

    @cached_property
    def _origin(self) -> tuple[list[int], list[int]]:
        """For every normalized character, the start and end of the original stretch it came from."""
        starts: list[int] = []
        ends: list[int] = []
        cursor = 0
        for match in self.changes.finditer(self.source):
            starts.extend(range(cursor, match.start()))
            ends.extend(range(cursor + 1, match.start() + 1))
            produced = len(_literal_replacement(match) if self.literal else _replacement(match))
            starts.extend([match.start()] * produced)
            ends.extend([match.end()] * produced)
            cursor = match.end()
        starts.extend(range(cursor, len(self.source)))
        ends.extend(range(cursor + 1, len(self.source) + 1))
        return starts, ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of the normalized stretch [start, end)."""
        starts, ends = self._origin
        if not starts:
            return 0, len(self.source)
        return starts[min(start, len(starts) - 1)], ends[max(min(end, len(ends)) - 1, 0)]


# What joins the groups of one number (detect.py): spaces, dashes, dots, slashes, underscores, stars, backticks,
# tildes, backslashes join any groups; WEAK (punctuation that also separates list entries: 第1、2、3条) joins two groups
# only when both have three digits or more.
STRONG = " \t\n\r\f\v-./_*`~\\"
WEAK = "，、。：:•+()（）"
# Quotes join groups as WEAK does in data too (detect.find(data=True)): a quote separates no values of the data gongkai
# writes (a JSON file is judged string by string, a CSV field's quotes stand around it), but a page shows
# 138"0595"1234, 138「0595」1234 as a number, and a script's '138'+'0595'+'1234' makes one.
QUOTES = "\"'“”‘’「」『』〝〞〟‚„‹›«»"
# Of the marks that join groups in what people write, those that also stand between the entries of a list, the
# columns of a row, the thousands of an amount or the terms of a sum (第1、2、3条, 1,320, 【1】, (1), 1;2, 1|2,
# 1500*12=18000, 12%, ¥12): a group of one or two digits joins nothing across them. Any other mark or symbol between
# the digits of a number (1^3805951234, 13°805951234, 1˘3805951234) separates no entries: there a short group is the
# number's first or last digits, joined as any other.
_ENTRIES = WEAK + ",;；|｜【】〔〕［］[]《》〈〉<>{}｛｝%％‰"


@functools.cache  # built on first use, as list_marks()
def entry_marks() -> str:
    """_ENTRIES and every mathematical symbol and currency sign up to U+FFFF (Unicode Sm, Sc): = + × ÷ ≤ ¥ … — but the
    marks of STRONG (the tilde is a mathematical symbol too), which join any groups."""
    return _ENTRIES + "".join(c for c in map(chr, range(0x10000))
                              if unicodedata.category(c) in ("Sm", "Sc") and c not in STRONG)


@functools.cache  # built on first use: every command imports this module to mask what it prints
def list_marks() -> str:
    """Every other punctuation mark and symbol up to U+FFFF (Unicode P* and S*): 138,1234,5678; 138;1234;5678;
    138|1234|5678; 138【1234】5678; 138→1234→5678. In what people write they join groups as WEAK does; in data (JSON,
    CSV, the search index: detect.find(data=True)) they separate values and join nothing."""
    marks = (c for c in map(chr, range(0x10000)) if unicodedata.category(c)[0] in "PS")
    newer_marks = (chr(code) for code in _NEWER_MARKS if code <= 0xFFFF)
    return "".join(c for c in itertools.chain(marks, newer_marks) if c not in STRONG and c not in WEAK)


# What stands for a hidden digit in a masked number (138****8000, 138●●●●8000, 138XXXX8000); detect._undermasked
# finds a number with too few of them. A mobile so masked holds fewer than eleven digits: the pre-filter lets through
# the text of one with one to three marks (STARRED), as written (the full-width star normalized to one). The hollow and
# other shapes (□ ▲ △ ◇ ☆ ◎ ▪ ◼ ⬛ …) mask as well: □ is the mark Chinese documents print for a character left out.
MASK_MARKS = "*●■◆★※#?Xx□▲△◇☆◎▪◼⬛◻▫◾◽▼▽◈♦"
# What masks a digit and is something else too: ○ and 〇 are zeros (二〇二六, 13八0○138000) and the hollow mark a mask
# is often typed with (138○○○○5678, 350524○○○○○○○○1234); the low line joins groups (138_0595_1234) and is the blank a
# mask leaves (138____5678, 1380595_234). detect.find reads a text holding one both ways: as written (a zero, a
# separator) and with each of them a star — a number masked too little, or joined across them, is found either way,
# and a zero read into a number that the star reading shows masked enough (138○○○○5678) is no number.
# (hostile pass 21) Dots, stars, crosses and blocks a clerk masks with as well, which elsewhere separate groups or
# are symbols: the middle dots (· • ‧ ∙ ⋅ ・ ･ ◦), the other stars (∗ ⁎ ✱ ✲ ✳ ✻ ❋ ﹡ ✢ ✣ ✤ ✥ ✦ ✧ ✩ ✪ ✫ ✬ ✭ ✮ ✯ ✰ ✴ ✵ ✶ ✷ ✸
# ✹ ✺), the crosses (╳ ✕ ✖ ✗ ✘ ⊗), the full-width question mark (？ ﹖), discs and blocks (⚫ ⬤ ◉ █ ▓ ▒ ░): 1380595··34
# leaves a hundred guesses, 138··0595··1234 is the number joined.
AMBIGUOUS_MARKS = ("○〇◯_＿﹍﹎﹏‾‗" "·•‧∙⋅・･◦" "∗⁎✱✲✳✻❋﹡✢✣✤✥✦✧✩✪✫✬✭✮✯✰✴✵✶✷✸✹✺" "╳✕✖✗✘⊗" "？﹖"
                   "⚫⬤◉█▓▒░")
# The multiplication signs mask only two or more in a row (1380595××34): one between numbers is a product
# (15000×12000, 1920×1080).
MULTIPLY_MARKS = "×⨯"


@functools.cache  # walked on first use, only for a text holding a character beyond U+FFFF
def astral_marks() -> dict[int, str]:
    """Every punctuation mark and symbol beyond U+FFFF (Unicode P* and S*, all in plane 1: emoji 📞 ☎ 🔥, arrows,
    dingbats), read as a list mark: 138📞0013📞8000 is joined as 138|0013|8000 is. (list_marks() stops at U+FFFF so
    that every command does not walk plane 1 at start-up.)"""
    marks = (code for code in range(0x10000, 0x20000) if unicodedata.category(chr(code))[0] in "PS")
    newer_marks = (code for code in _NEWER_MARKS if code > 0xFFFF)
    return {code: "|" for code in itertools.chain(marks, newer_marks) if code not in _TABLE}


# The punctuation and symbols Unicode added after the version Python knows (newer.py): emoji of Unicode 15–17
# (🫨 🩷 …), legacy computing symbols, new scripts' punctuation.
_NEWER_MARKS = frozenset(code for first, last in newer.MARKS for code in range(first, last + 1))


def digits_and_joiners(lists: bool = True) -> tuple[set[str], set[str]]:
    """The characters the pre-filter reads as a digit, and those it reads as joining the groups of a number (besides
    what \\d and \\s match and the invisible characters); without *lists*, as detect.find(data=True) reads."""
    digit_like = set("0123456789") | set(_LOOKALIKES)
    # (a mask mark joins the groups of a number masked too little, 35052419X6612033010, in data too: detect._undermasked)
    joining = (set(STRONG) | set(WEAK) | set(QUOTES) | set(MASK_MARKS)
               | (set(list_marks()) | set(map(chr, astral_marks())) if lists else set()))
    for code, to in _TABLE.items():
        if to in digit_like:
            digit_like.add(chr(code))
        elif to in joining:
            joining.add(chr(code))
    # ○ and ◯ are symbols and zeros: read as a digit only. A text that joins two groups through one of them holds a
    # digit more when it is read as one, so the pattern finds no less.
    return digit_like, joining - digit_like


@functools.cache  # every variant of the pre-filter spells them out: found once, not once a variant
def _bmp_digits_and_spaces() -> tuple[frozenset[str], frozenset[str]]:
    """The characters up to U+FFFF that \\d and \\s match: asked of sre itself, in C (1 ms, not 9)."""
    bmp = "".join(map(chr, range(0x10000)))
    return frozenset(re.findall(r"\d", bmp)), frozenset(re.findall(r"\s", bmp))


@functools.cache  # built on first use (16 ms): every command imports this module to mask what it prints
def _prefilter(astral: bool, markup: bool = True, lists: bool = True, scientific: bool = False) -> re.Pattern[str]:
    """One pattern that finds, in a raw text, what every hit of the detectors needs once normalized (detect.py).

    A number needs eleven digits in a row, perhaps in groups (_CANDIDATE); an address one of the shapes of _ADDRESS,
    read generously. In the raw text, a digit may still be written in any of the forms normalize() turns into one
    (full-width, circled, superscript, a Chinese numeral, a look-alike letter), the characters between the groups in
    any form it turns into a separator, and invisible characters may sit anywhere. Entities and tags («&», «<») can
    become anything, so such a text always takes the full path. The classes are built from normalize()'s own tables
    and from what \\d and \\s match, and read generously: a text the pattern lets through may still hold nothing,
    never the other way round.

    Without *astral*, the pattern knows only the characters up to U+FFFF, spelled out: a class that also holds
    \\d, \\s or a character beyond U+FFFF costs sre several times as much per character, and almost no text has one.

    Without *markup*, only the numbers: for a text whose tags are already gone and references decoded. Without
    *lists*, the punctuation of list_marks() joins nothing (data). With *scientific*, only a number in scientific
    notation (detect._SCIENTIFIC): a pattern of its own, searched only in a text holding an E (_scientific).
    """
    digit_like, joining = digits_and_joiners(lists)
    # (a letter read as a digit, l or O, is one only between digits: never before the E of scientific notation)
    uncased = {c for c in digit_like if unicodedata.category(c) not in ("Lu", "Ll")}
    invisible = _INVISIBLE if astral else _INVISIBLE_BMP
    if astral:
        d, j = "\\d" + _spelled(digit_like), "\\s" + _spelled(joining)
        e = "\\d" + _spelled(uncased)
    else:
        decimal, spaces = _bmp_digits_and_spaces()
        d = _spelled(decimal | {c for c in digit_like if c <= "\uffff"})
        e = _spelled(decimal | {c for c in uncased if c <= "\uffff"})
        j = _spelled(spaces | {c for c in joining if c <= "\uffff"})
    j += invisible
    i = invisible
    if scientific:  # 1.38059512E10: an E after a digit (or an invisible character) and before one
        return re.compile(rf"[EeＥｅ](?<=[{e}{i}][EeＥｅ])[{j}]*[{d}]")
    # An address (detect._ADDRESS) is a number after a street, lane, road section, village or group (路12号, 88弄3号,
    # 东段2-3号, 村3号, 组15号), after a village and a place of one to four characters (联中村后洋41号), or a digit
    # before 室, 栋/幢/座, 单元, 组 or 号楼: not a 文号's 〔2026〕12号 or a title's （第1号）.
    # (a house number may have a sub-number: 解放北路12-3号)
    # (or written in Chinese numerals with 十 百 千: 人民路一百零八号, 三组十五号)
    a = d + "十百千"
    cjk, letter = "\u4e00-\u9fff", "A-Za-zＡ-Ｚａ-ｚ"
    # (or in short: 阳光花园3-2-301, 城东新村7-302, 5#楼1202, B座1201 — a building, perhaps a unit, a room of three,
    # after a Chinese character: the character, or an invisible one before the digits or the letter, is looked behind)
    # (fifteenth pass: 302房, 中山路 12 号, 人民路12號, 东岳里5号, 大同胡同5号, 中山路12-3, 中山路12#, 美法社区东岳12号,
    # 阳光花园1508 — a compound's name and a room)
    address = {
        a: rf"[{i}]*(?:[室栋幢座单组房]|号[{i}]*楼)|[{j}]{{1,3}}[{a}]{{1,2}}[{j}]{{1,3}}[{a}]{{3}}|[#＃]"
           rf"|(?<=[{cjk}{i}][{a}])[{a}]{{0,2}}[{j}]{{1,3}}[{a}]{{3}}",
        "路街巷弄道村区组段里坊埕同": rf"[{a}{j}]+[号號#＃]|[{a}]+-[{a}]",
        # (thirty-eighth session: a space before the number too, 联中村后洋 41号)
        "村区": rf"[{i}]*(?:[{cjk}][{i}]*){{1,4}}[{j}]*[{a}][{a}{j}]*[号號]",
        # (thirty-eighth session) after a word that says someone lives there (住址, 家住, 户籍地: detect._HOME_WORD),
        # any place to the first house, building or room number of the clause, or a number written n-n (not across a
        # line or the NUL between a model's fields)
        "住址籍": rf"[^\n\x00]{{0,200}}?[{a}][{j}]*(?:[号號#＃栋幢座室单]|[-—－][{j}]*[{a}])",
        "园区村寓厦庄场舍院城苑馆": rf"[{i}]*[{a}]{{3}}",
        letter: rf"(?<=[{cjk}{i}][{letter}])[{a}]{{1,3}}[{j}]{{1,3}}[{a}]{{3}}|[{i}]*[栋幢座]",
    }
    # An enclosed number of two digits (⑬) stands for two: a text holding one always takes the full path. What joins
    # the digits is taken possessively (a quarter less time per character; exact because no character both joins and
    # is a digit: tests/test_privacy_prefilter.py checks all of Unicode). Spelling the eleven digits out would save as
    # much again, but sre would compile the large classes eleven times: 30 ms more in every command that scans.
    # A number is looked for only from a digit not after another: a run of digits that holds eleven holds them from its
    # first digit on, and trying again from each digit of a date or an 索引号 made the search quadratic in the run.
    # A code point no Unicode version assigns yet may be a digit of a later one (privacy.unknown): a text holding one
    # takes the full path too (those beyond U+FFFF are asked apart, has_unassigned_astral: a class of them costs sre
    # a range test each at every character).
    # (nor does a number read out as a quantity, 一百三十八亿…, with the 亿 every number of eleven digits needs:
    # detect._cardinal)
    number = {(_TENS_CLASS if astral else _TENS_BMP) + _spelled(bmp_unassigned()) + "亿億": "",
              # (or a number in hexadecimal notation, fewer decimal digits: 0x4DD4FE6C0F57684, detect._HEXADECIMAL)
              d: rf"(?<![{d}][{d}])(?:[{j}]*+[{d}]){{10}}|(?<=0)[xX][0-9A-Fa-f]{{8}}"}
    # (each key is the inside of a character class: the backslash escaped)
    # (quoted-printable bytes, =31=33…, as a percent-encoded byte is: one branch, a branch more costs every letter)
    escapes = {"&<": "", "%=": "(?:[0-9A-Fa-f]{2}|[uU][0-9A-Fa-f]{4})", r"\\": "(?:u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2})"}
    return _first_then((escapes | number | address) if markup else number)


def _first_then(branches: dict[str, str]) -> re.Pattern[str]:
    """A pattern matching where one of *branches* does: a character of the class that is its key, then its value.

    Written as one class of every first character, each branch looking behind at the one it starts with: sre then
    skips in C to the next character of that class (seven times faster over Chinese text) instead of trying every
    branch at every character.
    """
    first = "".join(branches)
    rest = "|".join(rf"(?<=[{start}])(?:{then})" if then else rf"(?<=[{start}])" for start, then in branches.items())
    return re.compile(rf"[{first}](?:{rest})")


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# Tag characters (U+E0020–E007E) mirror ASCII and are drawn as nothing: a number spelled in them is invisible on the
# page but whole to anyone who copies the text into a program (ASCII smuggling). normalize() drops them (invisible);
# detect.find reads them as the ASCII they mirror too.
TAG_DIGITS = re.compile("[\U000e0030-\U000e0039]")
TAGS_AS_ASCII = {code: code - 0xE0000 for code in range(0xE0020, 0xE007F)}
# Joins texts for one pre-filter search over them all: it is none of the characters the pattern reads (a digit form,
# a separator, an invisible character, «&», «<»), so the search finds something in the joined text exactly when it
# finds something in one of the texts.
SEPARATE = "\x00"
# Scientific notation is looked for apart (_scientific): one more branch in the pattern would cost every character of
# every text, and an E is rare in these texts.
_EXPONENT = re.compile("[EeＥｅ]")


# (or masked from its start, the 1 every mobile starts with starred: *3805951234, ****5951234). Written to start
# with one class, each branch looking behind at the character it starts with (as _first_then): sre then skips in C to
# the next 1 or mark, six times faster over Chinese text than trying a look-behind at every character.
# (hostile pass 25) the marks as typed: every character normalize folds into one too (＊ ∗ ✱ ٭ are *, Ｘ × Χ Х Ⅹ
# are X, ＃ is #): 1380595123× hides a digit as 1380595123X does. A mobile masked from its start may hold more marks
# further on (*380595*234, **0*4533*87: a digit or two hidden besides the 1), each run of digits shorter than seven;
# one masked after its 1 (1·805951234) holds no [3-9] there.
_MARKS = re.escape("".join(sorted({*MASK_MARKS, *AMBIGUOUS_MARKS}
                                  | {chr(code) for code, folded in _TABLE.items() if folded in MASK_MARKS})))
STARRED = re.compile(rf"[1１{_MARKS}](?:(?<=[1１])(?:[3-9３-９](?=[\d{_MARKS}]{{9}})(?:\d*[{_MARKS}]){{1,3}}"
                     rf"|[{_MARKS}](?=[\d{_MARKS}]{{9}}))"  # (1·805951234: the second digit masked)
                     rf"|(?<=[{_MARKS}])(?<![\d{_MARKS}].)(?:[{_MARKS}]{{0,3}}\d){{7}})")


# Quoted-printable bytes (=31=33…, two at least, as normalize() decodes them), for the pattern without escapes.
_QUOTED_PRINTABLE = re.compile(rf"={_HEX2}(?:=\r?\n)?={_HEX2}")
_MULTIPLIED = re.compile(f"[{MULTIPLY_MARKS}]{{2,}}")


# (hostile pass 21) a number masked too little, written in groups: 138 0595 **34, 3505241985 0315 **** (detect's
# _grouped_undermasked)
# (from the start of a run only: tried at every position of a long run of marks or digits, it cost n² — 300,000
# letters x in a title took a quarter of an hour; a match inside a run starts at the run's start anyway)
_GROUPED = re.compile(rf"(?<![\d{_MARKS}])[\d{_MARKS}]{{2,}}(?:[ \u00a0\u3000\u2009\u202f\-‐‑‒–—－][\d{_MARKS}]{{2,}}){{1,5}}")


def _starred(text: str) -> bool:
    """STARRED, with a run of two multiplication signs or more read as marks (1380595××34; one is a product:
    15000×12000), or in groups."""
    if STARRED.search(text) is not None:
        return True
    for group in _GROUPED.finditer(text):
        run = group.group(0)
        if len(run) >= 12 and re.search(f"[{_MARKS}]", run) and re.search(r"\d", run):
            return True
    return (("×" in text or "⨯" in text) and _MULTIPLIED.search(text) is not None
            and STARRED.search(_MULTIPLIED.sub(lambda run: "*" * len(run.group(0)), text)) is not None)


def _quoted_printable(text: str) -> bool:
    """True for quoted-printable bytes (the pattern without *markup* has no branch for escapes)."""
    return "=" in text and _QUOTED_PRINTABLE.search(text) is not None


# A Markdown footnote reference ([^1], [^注]) beside the digits of a number is a mark to a reader, a superscript where
# footnotes render: 138[^1]05951234 is read as 13805951234 too (hostile pass 23). So is the end of one link and the
# start of the next (a title or a note written [13918](#)[781396](#), [13918][a][781396][b]): wherever Markdown is
# rendered (the search's snippets, an article pasted into an editor) the two links stand side by side, 13918781396,
# and shown as typed the marks between them are five or more, which no number crosses (thirty-seventh session).
_MARKDOWN_MARKS = re.compile(r"\[\^[^\]\s]{1,20}\]"  # a footnote reference
                             r"|\]\s{0,2}(?:\([^()\s]{0,200}(?:\s+\"[^\"]{0,80}\")?\)|\[[^\[\]]{0,40}\])"  # link end
                             r"(?:\s{0,2}!?\[)?")  # and the next one's start


def markdown_marks_in(text: str) -> bool:
    """*text* may hold a footnote reference or the end of a Markdown link (substring tests in C)."""
    return "[^" in text or "](" in text or "][" in text or "] (" in text or "] [" in text


def without_markdown_marks(text: str) -> str:
    """*text* with each footnote reference and each end of a link (with the start of the link after it) made of as
    many zero-width spaces (invisible: spans stay), or *text*."""
    if not markdown_marks_in(text):
        return text
    return _MARKDOWN_MARKS.sub(lambda m: "\u200b" * len(m.group(0)), text)


# Building the pre-filter's pattern (once per process) costs what the full path (detect.find_unfiltered) spends on some
# 100,000 characters: a command that reads less — validate after one edit, a message masked before it is printed —
# goes straight to the full path, which finds exactly what it would have found behind the pre-filter.
_PREFILTER_PAYS_AFTER = 100_000
_read_without_prefilter = [0]


def prefilter_pays(text: str) -> bool:
    """Whether to ask may_hold_personal_data() of *text* before the full path: once its pattern is built, or once this
    process has read enough text without it that building it costs less than reading on."""
    if _prefilter.cache_info().currsize:
        return True
    _read_without_prefilter[0] += len(text)
    return _read_without_prefilter[0] > _PREFILTER_PAYS_AFTER


def build_prefilter() -> None:
    """Build the pre-filter's pattern now: before forking workers that will read many texts, which then share it
    instead of each reading its first 100,000 characters by the full path and building it again."""
    _prefilter(False)


# What names a person's own phone (家庭电话, 住宅电话, 本人电话, 宅电): a landline after it is that person's, not an office's
# (detect: a landline is personal data only where something says whose it is).
HOME_PHONE = re.compile(r"(?:(?:家庭|住宅|家里|家中|私人|个人|本人|户主|住家)(?:联系)?(?:电话|電話|座机|座機)(?:号码|號碼|号|號)?"
                        r"|宅电|宅電)")
# (what may stand for a digit after normalization: a digit of any script, a numeral, a character reference)
_DIGIT_LIKE = re.compile("[\\d" + "".join(sorted(_NUMERALS)) + "]|&#")


def phone_label_may_be_in(text: str) -> bool:
    """One of the characters every label of HOME_PHONE holds is in *text* (substring tests in C, before the search)."""
    return "电" in text or "電" in text or "座" in text


def may_hold_personal_data(text: str, lists: bool = True) -> bool:
    """False when no normalization of *text* can hold a number or an address the detectors look for (C searches),
    nor any text a run of base64 in it decodes to; without *lists*, as detect.find(data=True) reads it."""
    if (unmarked := without_markdown_marks(text)) != text and may_hold_personal_data(unmarked, lists):
        return True
    if _prefilter(False, True, lists).search(text) is not None or _scientific(text, False, lists):
        return True
    # A label of a home phone and a digit anywhere: the label itself may be split by what normalization removes
    # (家​庭电话) and the digits stand at any distance once it has (家庭电话&#8203;…：2345678).
    if _starred(text) or (phone_label_may_be_in(text) and _DIGIT_LIKE.search(text) is not None):
        return True
    if _ASTRAL.search(text) is not None and (_prefilter(True, True, lists).search(text) is not None
                                             or _scientific(text, True, lists) or has_unassigned_astral(text)
                                             or TAG_DIGITS.search(text) is not None):
        return True
    # what a run of base64 decodes to (one search unless the text holds fifteen letters and digits in a row)
    return any(_decoded_may_hold(decoded, lists) for _, _, decoded, _ in encoded_texts(text))


def may_hold_number(text: str) -> bool:
    """False when no normalization of *text* can hold eleven digits close together (or a number in scientific
    notation, or a run of base64 that decodes to such a text), its «&» and «<» read as they are:
    the output scan's test for a line outside ASCII, once its tags are gone (the same tables as the detector's, read
    as data: detect.find(data=True))."""
    if (unmarked := without_markdown_marks(text)) != text and may_hold_number(unmarked):
        return True
    if _prefilter(False, False, False).search(text) is not None or _scientific(text, False, False):
        return True
    if _quoted_printable(text):
        return True
    if _starred(text):
        return True
    if _ASTRAL.search(text) is not None and (_prefilter(True, False, False).search(text) is not None
                                             or _scientific(text, True, False) or has_unassigned_astral(text)
                                             or TAG_DIGITS.search(text) is not None):
        return True
    return encoded_may_hold_number(text)


def encoded_may_hold_number(text: str) -> bool:
    """True when a run of base64 in *text* decodes to a text may_hold_number() lets through (the text itself is not
    asked: the output scan has judged an ASCII line by its own tests)."""
    return any(_decoded_may_hold(decoded, False, numbers_only=True) for _, _, decoded, _ in encoded_texts(text))


@functools.lru_cache(maxsize=4096)  # the same runs come back record after record: decoded once, judged once
def _decoded_may_hold(decoded: str, lists: bool, numbers_only: bool = False) -> bool:
    return may_hold_number(decoded) if numbers_only else may_hold_personal_data(decoded, lists)


def _scientific(text: str, astral: bool, lists: bool) -> bool:
    """True when *text* may hold a number in scientific notation (1.3805951234E+10)."""
    return _EXPONENT.search(text) is not None and _prefilter(astral, False, lists, True).search(text) is not None


def normalize(text: str, hide_markup: bool = True, literal: bool = False) -> Normalized:
    """*text* as a reader sees it: references decoded (those that stand for no character a reader sees left as typed
    when *literal*), tags (unless not *hide_markup* or *literal*) and invisible characters removed, forms unified."""
    changes = _CHANGES_SHOWN if literal or not hide_markup else _CHANGES
    replacement = _literal_replacement if literal else _replacement
    changed = (changes.sub(replacement, text) if ("&" in text or "<" in text or "%" in text or "\\" in text
                                                  or "=" in text or not text.isascii() or not text.isprintable())
               else text)
    if not changed.isascii() and _ASTRAL.search(changed) is not None:
        changed = changed.translate(astral_marks())
    normalized = _numerals(changed.translate(_TABLE)) if not changed.isascii() else _lookalikes(changed)
    return Normalized(text, normalized, changes, literal, "" if changed is text else changed)


def ascii_digits(text: str) -> str:
    """Digits of any script (３, ٣, 𝟑) as ASCII digits; other characters unchanged."""
    return text if text.isascii() else _digits_to_ascii(text)
