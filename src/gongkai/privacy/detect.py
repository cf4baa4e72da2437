"""Detectors for personal data in text: 公民身份号码, mobile numbers, bank cards, addresses below 村/社区.

Text is normalized first (normalize.py): full-width digits, entities, tags and invisible characters cannot hide a
number. A number may then be written in groups: digits separated by short runs of spaces, dots, dashes, slashes,
underscores, stars, backticks or tildes (138 1234 5678, 3505**24**1985…, 350524\\_1985…), or — groups of three
digits or more — by one punctuation mark or symbol of any kind (138，1234，5678; 138,1234,5678; 138|1234|5678;
138【1234】5678; 138→1234→5678). Every run of consecutive groups is tried; what passes a check (GB 11643-1999 check
digit, 1[3-9] mobile prefix, Luhn) is personal data. Groups stop at anything else, so 文号（安民〔2026〕12号）,
索引号 (350524-MZ-2026-00012), dates, amounts (1,320.00元, 1,582,346元: a group of one or two digits joins nothing
across a comma) and office landlines (0595-23222516: twelve digits, no check) never match. Masked forms
(35*************123, 138****1234) keep too few digits to pass any check. In data (a JSON or CSV file gongkai wrote:
find(data=True)) only the marks of normalize.WEAK join groups: there a comma separates values.

Two forms a spreadsheet writes are read besides (_thousands, _scientific): a mobile or card number in thousands grouping
(13,805,951,234: Excel's 千位分隔样式; not after ¥ or before 元, where it is an amount), and a number in scientific
notation (1.3805951234E+10), read as the integer it denotes. A 身份证号 that went through a float has lost its check
digit (3.50524198503151E+17, 350524198503151000): lost_check_id() still knows it by its area code and birth date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import decimal
import functools
import itertools
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from gongkai.privacy.encoded import encoded_texts, spaced_hex_texts
from gongkai.privacy.mask_format import mask_value
from gongkai.privacy.unknown import readings, unassigned_in
from gongkai.privacy.organisations import account_of_body, address_of_body
from gongkai.privacy.numbers import classify, disability_card, lost_check_birth, lost_check_id, undermasked, valid_id
from gongkai.privacy.normalize import (AMBIGUOUS_MARKS, HAS_MARKUP, HOME_PHONE, MASK_MARKS, MULTIPLY_MARKS, QUOTES,
                                       STRONG, TAG_DIGITS, TAGS_AS_ASCII, UNSHOWN, WEAK, Normalized, ascii_digits,
                                       entry_marks, list_marks, may_hold_personal_data, normalize, phone_label_may_be_in,
                                       prefilter_pays, without_markdown_marks)


# The kinds of personal data, with the Chinese name shown to people.
KINDS = {"id": "身份证号", "id15": "身份证号（15位）", "mobile": "手机号码", "phone": "电话号码", "bank": "银行卡号",
         "address": "详细住址"}
# Which reading of overlapping runs wins: an 18-digit ID over the fifteen digits inside it that read as an old one
# (3、5、0、5、2、4、… one digit to a group: 524198001011233 is a valid 15-digit ID too), then mobiles, then cards.
_RANK = {"id": 0, "id15": 1, "mobile": 2, "bank": 3}

_SEP = rf"[\s{re.escape(STRONG)}]"  # what joins any groups (normalize.STRONG, and every space)
# The check digit X may stand apart: 34052419800101001 X, 34052419800101001-x.
_GROUP = re.compile(r"\d+(?:[Xx](?![0-9A-Za-z]))?|(?<![0-9A-Za-z])[Xx](?![0-9A-Za-z])")


@dataclass(frozen=True)
class _Joins:
    """How groups of digits join into one number: any groups across _SEP; groups of three digits or more across one
    of *weak* — punctuation a person puts between the groups of a number (138，1234，5678; (138)1234-5678;
    138:1234:5678; 138,1234,5678; 138|1234|5678) that also separates list entries (第1、2、3条)."""

    weak: frozenset[str]
    # across which a group of one or two digits joins nothing: every weak mark in data, those of
    # normalize.entry_marks() in what people write
    entries: frozenset[str]
    chain: re.Pattern[str]
    candidate: re.Pattern[str]  # eleven digits at most a few separators apart: nearly every text has none
    data: bool  # find(data=True): a comma separates values, so no thousands grouping is read


@functools.cache
def _joins(data: bool) -> _Joins:
    """In what people write, every punctuation mark and symbol is weak; in data (JSON, CSV, the search index: the
    output scan), only WEAK, since there «,» «;» «|» «[» separate values (a list of page numbers is no phone number)."""
    weak = WEAK + QUOTES if data else WEAK + list_marks()
    # up to four separators of either kind, mixed (138，⏎1234; 138,,1234; 138.,1234), or a wider gap of spaces or stars
    join = rf"(?:[\s{re.escape(STRONG + weak)}]{{1,4}}|\s{{5,8}}|\*{{4,}})"
    chain = re.compile(rf"\d+(?:[Xx](?![0-9A-Za-z]))?(?:{join}\d+(?:[Xx](?![0-9A-Za-z]))?)*"
                       rf"(?:{_SEP}{{1,2}}[Xx](?![0-9A-Za-z]))?")
    entries = frozenset(weak if data else entry_marks())
    return _Joins(frozenset(weak), entries, chain, re.compile(rf"\d(?:{join}?\d){{10}}"), data)
# A mobile number glued to the country code (+8613812345678, 008613812345678) or to the trunk prefix 0 that a
# landline dials before a mobile of another city (013812345678).
_PREFIXED_MOBILE = re.compile(r"(?:0086|86|0)(?=1[3-9]\d{9}$)")
_HANZI = "\u4e00-\u9fff"
_HANZI_CHAR = re.compile(f"[{_HANZI}]")
# A 自然村 (or 角落) between 村 and the house number (联中村后洋41号, 赤岭村赤岭78号): a place name holds none of the
# characters of a document's words, so 村委会3号, 各村按照第1号, 村务公开栏3号 stay words, nor does a 文件 or 令 follow it.
# (路 may: 大路边, 路口, 路下 are 角落 of Fujian villages — 松岩村大路边12号; a street, 松岩村新安路12号, is one address)
_NOT_PLACE = "第年月日号委会令文件函字告通知按照的和及等各共计至到在于为是每条款项期批次届级务室楼栋幢座单元街巷弄道组段区局报略保"
_PLACE = rf"(?:(?![{_NOT_PLACE}])[{_HANZI}]){{1,4}}"
_NOT_DOCUMENT = "(?!文|令|公告|通告|通知|窗口|线|批|期|前|后|开会|工程|项目|简报|专报)"
# (乡村振兴1号工程, 农村低保3号, 各村支书5号前: 乡村, 农村 and 各/全/本/该/每村 name no village)
_SECTION = r"(?:[东西南北中一二三四五六七八九十\d]段)?"  # 新安路东段2-3号, 新安路二段12号
# A room number without 室 right after a building or unit (金谷花园2幢1201): three or four digits that count nothing
# (2栋1200平方米, 3座500人 are not rooms).
_ROOM = (r"(?!(?:19|20)\d\d\s*[-—–~～至、年])"  # a year (5号楼2024-2025年度维修) is no room
         r"\d{3,4}(?![\d.%％A-Za-z]|\s*[（(]?\s*[平㎡米个人户元万张套间余多名床年月日亩吨台辆件份层次千立公亿位天小项])")
# A room written after a building and unit in short: three or four digits, no year (3-12-2026 is a date), nothing after
_SHORT_ROOM = r"(?!(?:19|20)\d\d(?!\d))\d{3,4}(?![\d\-.#%年月日元])"
# Names of residential compounds, after which 7-302 is building 7, room 302
_COMPOUND = "花园|小区|新村|公寓|大厦|家园|山庄|广场|宿舍|大院|新城|花苑|雅苑|嘉园|名苑|公馆|佳园|苑"
_ADDRESS = re.compile(
    rf"[{_HANZI}]{{2}}(?:路|街|巷|弄|大道){_SECTION}\s?(?:[东西南北]?\d+[弄巷])?\d+(?:-\d+)?\s?[号#](?:之\d+)?"
    rf"(?:\d+(?:号楼|栋|幢|座))?"
    rf"(?:\d+单元)?(?:\d+室|(?<=[楼栋幢座元]){_ROOM})?"
    rf"|[{_HANZI}]{{2}}(?:路|街|巷){_SECTION}(?:[东西南北]?\d+巷)?\d+-\d+(?![\d.号])"
    rf"|[{_HANZI}]{{2}}(?:胡同|里|坊|埕)\d+(?:-\d+)?号{_NOT_DOCUMENT}"
    # (thirty-eighth session) a space typed on either side of the number (湖二村 12 号, 湖二村后厝 12号)
    rf"|[{_HANZI}](?:村|社区|组)[ \u3000]?\d+(?:-\d+)?[ \u3000]?号"
    rf"|(?![乡农各全本该每])[{_HANZI}](?:村|社区){_PLACE}[ \u3000]?\d+(?:-\d+)?[ \u3000]?号{_NOT_DOCUMENT}"
    rf"|(?<=村)\d+组\d{{1,4}}(?![\d.号%％]|\s*[人户元万名个位次条件项年月日])"
    rf"|(?:{_COMPOUND})(?:[A-Za-z\d]{{1,2}}[期区])?{_ROOM}"
    # (each from the start of its digits only: a match inside a run of digits starts at the run's start anyway, and
    # trying every position of a run of n digits costs n² — a field of 10,000 digits took seconds, 100,000 hours)
    rf"|(?<!\d)\d+弄\d+(?:-\d+)?号"
    rf"|(?<!\d)\d+组\d+号"
    rf"|(?<!\d)\d+号楼(?:\d+单元)?(?:\d+(?:室|号)|{_ROOM})?"
    rf"|(?<!\d)\d+(?:栋|幢|座)(?:\d+(?:单元|室|号)(?:\d+(?:室|号)|{_ROOM})?|{_ROOM})"
    rf"|(?<!\d)\d+单元\d+(?:室|号)?"
    rf"|(?<![\d〔\[（(第])\d{{3,4}}(?:室|房(?![源产价租屋型间数]))"
    # a compound's building, unit and room in short (阳光花园3-2-301, 城东新村7-302, 5#楼1202, 金谷花园B座1201)
    rf"|(?<=[{_HANZI}])(?<![第表图附式条款章节页卷])\d{{1,3}}-\d{{1,2}}-{_SHORT_ROOM}"
    rf"|(?:{_COMPOUND})(?:[A-Za-z\d]{{1,2}}[期区])?[A-Za-z]?\d{{1,3}}-{_SHORT_ROOM}"
    rf"|(?<![\d#])\d{{1,3}}#楼?(?:\d{{1,2}}单元)?{_SHORT_ROOM}"
    rf"|(?<![A-Za-z])[A-Za-z](?:栋|幢|座)(?:\d+单元)?(?:\d+室|{_ROOM})"
)
# The same written in Chinese numerals (经兜村十二号, 三组十五号, 人民路一百零八号, 五栋二单元三〇一室): a house, building,
# unit or room number always between the words of an address, so 第一组、一号文件、三座幸福院 stay words.
CN_NUMBER = "〇零一二三四五六七八九十百千两"
_C = rf"[{CN_NUMBER}\d]+"
_C_START = rf"(?<![{CN_NUMBER}\d])"
_PLACE_CN = rf"(?:(?![{_NOT_PLACE}{CN_NUMBER}])[{_HANZI}]){{1,4}}"
_ADDRESS_CN = re.compile(
    rf"[{_HANZI}]{{2}}(?:路|街|巷|弄|大道){_SECTION}(?:[东西南北]?{_C}[弄巷])?{_C}(?:-{_C})?号(?:之{_C})?"
    rf"(?:{_C}(?:号楼|栋|幢|座))?"
    rf"(?:{_C}单元)?(?:{_C}室)?"
    rf"|(?![{CN_NUMBER}])[{_HANZI}](?:村|社区|组){_C}(?:-{_C})?号"
    rf"|(?![{CN_NUMBER}乡农各全本该每])[{_HANZI}]村{_PLACE_CN}{_C}(?:-{_C})?号{_NOT_DOCUMENT}"
    rf"|{_C_START}{_C}弄{_C}(?:-{_C})?号"  # (from the start of a number only, as in _ADDRESS)
    rf"|{_C_START}{_C}组{_C}号"
    rf"|{_C_START}{_C}号楼{_C}(?:单元|室|号)(?:{_C}(?:室|号))?"
    rf"|{_C_START}{_C}(?:栋|幢|座){_C}(?:单元|室|号)(?:{_C}(?:室|号))?"
    rf"|{_C_START}{_C}单元{_C}(?:室|号)"
)
_CN_CHAR = re.compile(f"[{CN_NUMBER}]")
_ADDRESS_HINT = re.compile(rf"[\d{CN_NUMBER}]\s?[号室楼栋幢座单组#房]|\d-\d|[A-Za-z][栋幢座]|(?:{_COMPOUND})\d")
_AFTER_AMOUNT = re.compile(r"^(?:\.0+)?\s*(?:元|万元|亿元|千元|%|％|人|户|件|次|个|天|日|年|月)")
# A checksum (sha256, a search digest): 24 hexadecimal characters or more, digits and letters mixed. A word or a
# few letters glued to a number (deadbeef13800138000, 350524198503151236abcdef, ab13800138000cd, 0x13800138000) is
# not one: a reader sees the number there.
_HEX_TOKEN = re.compile(r"(?<![0-9A-Za-z])[0-9A-Fa-f]{24,}(?![0-9A-Za-z])")
_DIGIT_RUNS = re.compile(r"\d+")
# Thousands grouping (Excel's 千位分隔样式, with the Chinese comma as a full-width IME types it): the whole run, not part
# of a list (第1,13,805,951,234), perhaps with a float's zero fraction (13,805,951,234.00), no other fraction.
_THOUSANDS = re.compile(r"(?<![\d.])(?<!\d[,，])(\d{1,3}(?:,\d{3})+)(?:\.0{1,2})?(?!\d|[,，.]\d)")
# 18 characters of an ID, 11 of a mobile or 16 to 19 of a card, some of them masked (138**38000, 3505241985031512**,
# 35052419850315●●●●, 6222021234567***), from either end (******198503151236, *3805951234):
# numbers.undermasked decides whether the marks hide enough.
_MARK = re.escape(MASK_MARKS)
_MASKED_NUMBER = re.compile(rf"(?<![0-9A-Za-z{_MARK}])(?:[1-9{_MARK}][0-9{_MARK}]{{15,18}}|[1{_MARK}][3-9{_MARK}]"
                            rf"[0-9{_MARK}]{{9}})(?![0-9A-Za-z{_MARK}])")
# A 15-digit 身份证号 of before 1999 masked too little (350524850315***: the birth date in full)
_MASKED_ID15 = re.compile(rf"(?<![0-9A-Za-z{_MARK}])[1-8{_MARK}][0-9{_MARK}]{{14}}(?![0-9A-Za-z{_MARK}])")
# A 残疾人证号 masked (numbers.disability_card): the ID in it masked too little is the ID (3505241985031512**42)
_MASKED_CARD_OF_ID = re.compile(rf"(?<![0-9A-Za-z{_MARK}])[1-9{_MARK}][0-9{_MARK}]{{16}}[0-9Xx{_MARK}][1-7][1-4]"
                                rf"(?![0-9A-Za-z{_MARK}])")
_MARKS = re.compile(f"[{_MARK}]")
_GAP = "[ \u00a0\u3000\u2009\u202f\\-‐‑‒–—－]"
_GROUP_GAPS = re.compile(_GAP)
# How numbers are written in groups (a mobile 3-4-4, an ID 6-8-4 or in fours, a card in fours): other groups of digits
# and marks are no number masked (150 300 450 **, a sum in bold: **1500 2000**)
_GROUPINGS = frozenset({(3, 4, 4), (3, 8), (7, 4),
                        (6, 8, 4), (4, 4, 4, 4, 2), (6, 4, 4, 4), (10, 4, 4), (6, 12), (14, 4), (16, 2), (6, 8, 2, 2),
                        (4, 4, 4, 4), (4, 4, 4, 4, 3), (4, 4, 4, 4, 2), (6, 13), (4, 4, 4, 4, 1),
                        (6, 6, 3)})  # (a 15-digit ID: area code, birth date, sequence)
_GROUPED_MASK = re.compile(rf"(?<![0-9A-Za-z{_MARK}])[0-9{_MARK}]{{2,}}(?:{_GAP}[0-9{_MARK}]{{2,}}){{1,5}}"
                           rf"(?![0-9A-Za-z{_MARK}])")
_PRODUCT = re.compile(f"(?<=[0-9０-９])[{MULTIPLY_MARKS}](?=[0-9０-９])")
_ANY_MARK = re.escape(MASK_MARKS + AMBIGUOUS_MARKS + MULTIPLY_MARKS) + "＊"
_ONE_MARK = re.compile(f"[{_ANY_MARK}]")
_MARK_BY_DIGIT = re.compile(rf"[0-9０-９][{_ANY_MARK}]|[{_ANY_MARK}][0-9０-９]")
_AMBIGUOUS = re.compile(f"[{re.escape(AMBIGUOUS_MARKS)}]|[{MULTIPLY_MARKS}]{{2,}}")
_AMBIGUOUS_RUN = re.compile(f"(?:[{re.escape(AMBIGUOUS_MARKS)}]|[{MULTIPLY_MARKS}]{{2,}})+")
_DECODED = re.compile(r"[&%=]|\\[ux]")  # what normalize decodes: references, percent-encoded bytes, escapes
_MONEY_AFTER = re.compile(r"\s*[（(]?\s*(?:[美港欧]?元|万元|亿元|千元|万|亿|块)")
# counts, not money, but no number either: 分别为15,120,135,150人, 第13,105,207,331条
_COUNT_AFTER = re.compile(r"\s*[（(]?\s*(?:人|户|件|条|次|项|名|个|家|所|处)")
_MONEY_BEFORE = re.compile(r"(?:[¥￥$]|RMB|人民币|金额|资金|总额|合计|预算数?|分别为|第)[\s:：为]{0,3}$")
# A number in scientific notation, as Excel, Java (Double.toString) and CSV exports write a double: 1.3805951234E+10.
# (always with a point, as Excel and Java write it, and standing alone: «187e8» inside a hash such as a1b187e8c… is none)
_SCIENTIFIC = re.compile(r"(?<![0-9A-Za-z.])(\d{1,3}\.\d+)[Ee]\+?(0?\d{1,2})(?![0-9A-Za-z]|\.\d)")
# No amount has sixteen digits: a run that long is a card (or ID) number whatever follows it (元, 万元, .36元).
_LONGEST_AMOUNT = 15
_NUMBER_LENGTHS = frozenset({11, 13, 14, 15, 16, 17, 18, 19})
# What a right-to-left override reverses: up to the end of its embedding (U+202C), of a paragraph, or of the text.
_OVERRIDE_MARK = "\u202e"
_OVERRIDDEN = re.compile("\u202e([^\u202c\n\r\u2029]+)")


@dataclass(frozen=True)
class Hit:
    """One piece of personal data: kind, its canonical value (digits), and where it is in the original text."""

    kind: str
    value: str
    start: int
    end: int
    # found in what a run of base64 (or hexadecimal bytes) decodes to: the encoding's name; the run is the stretch
    encoded: str = ""
    # an ID a float rounded (its check digit lost): the birth date it shows. The detector reads any birth date to 2100;
    # whoever decides on a day (the gate, validate) counts it only for someone born by then (findings.standing_on).
    born: dt.date | None = None

    @property
    def masked(self) -> str:
        return mask_value(self.kind, self.value)

    @property
    def label(self) -> str:
        return KINDS[self.kind] + (f"（{self.encoded}）" if self.encoded else "")


def find(text: str, allowed: frozenset[str] = frozenset(), data: bool = False) -> Iterator[Hit]:
    """Every piece of personal data in *text*, except the values listed in *allowed* (the bureau's own); with *data*
    (a written JSON or CSV file), list punctuation separates numbers instead of joining their groups (_joins)."""
    if prefilter_pays(text) and not may_hold_personal_data(text, lists=not data):  # most texts: one search in C
        return iter(())
    return find_unfiltered(text, allowed, data)


def find_unfiltered(text: str, allowed: frozenset[str] = frozenset(), data: bool = False) -> Iterator[Hit]:
    """find() without the pre-filter: the full path, which the pre-filter is tested against."""
    if not text:
        return
    joins = _joins(data)
    norm = normalize(text)
    hits = list(_hits(norm, allowed, joins))
    if _AMBIGUOUS.search(text) is not None:
        hits = _as_masks(text, hits, allowed, joins)
    # References and escapes as typed, too: «&#13805951234» is no reference a browser decodes (seven digits at most),
    # and «%13805951234» on a page shows its digits; decoded, their first digits were gone.
    if _DECODED.search(text) is not None and UNSHOWN.search(norm.text) is not None:
        hits.extend(_apart(hits, list(_hits(normalize(text, literal=True), allowed, joins))))
    yield from hits
    # A right-to-left override (U+202E) draws what follows it backwards: «‮00083100831» reads 13800138000. The
    # stretch it reverses is read reversed too; a hit covers the whole stretch.
    if _OVERRIDE_MARK in text:
        for stretch in _OVERRIDDEN.finditer(text):
            start, end = stretch.span(1)
            for hit in _hits(normalize(stretch.group(1)[::-1]), allowed, joins):
                found = Hit(hit.kind, hit.value, start, end)
                if all(found.end <= other.start or other.end <= found.start for other in hits):
                    hits.append(found)
                    yield found
    # Read as rendered HTML, «3505<b></b>24…» is one number; shown as typed, «<a title=13800138000>» holds one.
    if "<" in text and HAS_MARKUP.search(text) is not None:
        for hit in _hits(normalize(text, hide_markup=False), allowed, joins):
            if all(hit.end <= other.start or other.end <= hit.start for other in hits):
                hits.append(hit)
                yield hit
    # A footnote reference (138[^1]05951234) is a mark beside the number to a reader, a superscript where footnotes
    # render, and so is the end of a link and the start of the next ([13918](#)[781396](#)): the number is read
    # without them (each of their characters an invisible one, so spans stay).
    if (unmarked := without_markdown_marks(text)) != text:
        found_here = _apart(hits, list(_hits(normalize(unmarked), allowed, joins)))
        hits.extend(found_here)
        yield from found_here
    # Tag characters, drawn as nothing, spell ASCII to a program that reads the text (normalize.TAG_DIGITS).
    if not text.isascii() and TAG_DIGITS.search(text) is not None:
        found_here = _apart(hits, list(_hits(normalize(text.translate(TAGS_AS_ASCII)), allowed, joins)))
        hits.extend(found_here)
        yield from found_here
    # A code point no Unicode version assigns yet may be a digit (or a symbol) of a later one: read it as each.
    # (only when, read as digits, they stand among eleven: what a run of base64 decodes to holds such code points often)
    if not text.isascii() and (codes := unassigned_in(text)) and joins.candidate.search(
            normalize(text.translate(dict.fromkeys(codes, "0"))).text) is not None:
        for reading in readings(text, codes):
            found_here = _apart(hits, list(_hits(normalize(reading), allowed, joins)))
            hits.extend(found_here)
            yield from found_here
    # A run of base64 is the number still for anyone who decodes it (an encoded run inside, too: find reads it).
    seen: set[tuple[str, str]] = set()
    for start, end, decoded, encoding in itertools.chain(encoded_texts(text), spaced_hex_texts(text)):
        for hit in find(decoded, allowed, data):
            found = replace(hit, start=start, end=end, encoded=encoding)
            if (hit.kind, hit.value) not in seen and _apart(hits, [found]):
                seen.add((hit.kind, hit.value))
                yield found


def _as_masks(text: str, hits: list[Hit], allowed: frozenset[str], joins: _Joins) -> list[Hit]:
    """*hits*, read again with every ○, 〇 and low line a star (normalize.AMBIGUOUS_MARKS): a number joined across
    them (138○0595○1234) or masked too little with them (1380595_234) is found; a number that holds a zero only by
    reading a mask's ○ as one (138○○○○5678 as 13800005678, 350524○○○○○○○○1234) is none when the star reading shows
    it masked enough."""
    starred = normalize(_AMBIGUOUS.sub(lambda mark: "*" * len(mark.group(0)), text))
    # (a mask is one run of marks: ⅠⅢⅧ〇〇ⅠⅢⅧ〇〇〇 is 13800138000 written with zeros, not 138**138*** masked)
    masked = [span for m in _MASKED_NUMBER.finditer(starred.text)
              if undermasked(_MARKS.sub("*", m.group(0))) is None
              and len(_AMBIGUOUS_RUN.findall(text, *(span := starred.span(*m.span())))) == 1]
    kept = [hit for hit in hits if not (_AMBIGUOUS.search(text, hit.start, hit.end) is not None and any(
        start < hit.end and hit.start < end for start, end in masked))]
    return kept + _apart(kept, list(_hits(starred, allowed, joins)))


def _hits(norm: Normalized, allowed: frozenset[str], joins: _Joins) -> Iterator[Hit]:
    hits: list[Hit] = []
    if joins.candidate.search(norm.text) is not None:
        hits.extend(_numbers(norm, allowed, joins))
        if not joins.data:
            hits.extend(_apart(hits, list(_thousands(norm, allowed))))
        hits.extend(_apart(hits, list(_reversed(norm, allowed))))
    if "0x" in norm.text or "0X" in norm.text:
        hits.extend(_apart(hits, list(_hexadecimal(norm, allowed))))
    if "亿" in norm.text or "億" in norm.text:
        hits.extend(_apart(hits, list(_cardinal(norm, allowed))))
    if _MARKS.search(norm.text) is not None:
        masked, grouped = list(_undermasked(norm, allowed)), list(_grouped_undermasked(norm, allowed))
        # A card read from the digits a number masked too little shows (350524198503158***: the fifteen digits of an
        # ID pass Luhn, as a tenth of all runs do) is that number: named and masked as it.
        hits = [hit for hit in hits if hit.kind != "bank" or not any(
            other.start <= hit.start and hit.end <= other.end for other in (*masked, *grouped))]
        hits.extend(_apart(hits, masked))
        hits.extend(_apart(hits, grouped))
    hits.extend(_apart(hits, list(_scientific(norm, allowed))))
    if phone_label_may_be_in(norm.text):
        hits.extend(_apart(hits, list(_home_phones(norm, allowed))))
    yield from hits
    if _ADDRESS_HINT.search(norm.text) is not None:
        yield from _addresses(norm, allowed)


def _apart(taken: list[Hit], found: list[Hit]) -> list[Hit]:
    """The hits of *found* that overlap none of *taken*: a stretch of text is one number."""
    return [hit for hit in found if all(hit.end <= other.start or other.end <= hit.start for other in taken)]


# Written backwards, one run of digits: an ID's check digit first (632151305891425053, X10010108914250243), a mobile's 1
# last (43215950831). An ID's check digit and birth date keep any other run from reading so; eleven digits that end in
# [3-9]1 are often a landline with its area code (010-6512 1231 is 01065121231), which is no mobile backwards. A card's
# Luhn check passes for a tenth of all runs: a card written backwards is not looked for.
# A run glued to mask marks is part of a masked number (35052485031***3 is no mobile 13058425053 backwards).
_REVERSIBLE = re.compile(rf"(?<![0-9A-Za-z.{_MARK}])(?:[Xx]\d{{17}}|\d{{18}}|\d{{11}})(?![0-9A-Za-z{_MARK}]|\.\d)")
_LANDLINE = re.compile(r"0(?:10|2\d)[2-8]\d{7}|0[3-9]\d\d[2-8]\d{6}")
_MOBILE = re.compile(r"1[3-9]\d{9}")
# A number in hexadecimal notation: 0x336E61902 is 13805951234, 0x4DD4FE6C0F57684 an ID (no ID with the check digit X
# is an integer). Only with its prefix: a run of hexadecimal digits without one is a checksum far more often.
_HEXADECIMAL = re.compile(r"(?<![0-9A-Za-z])0[xX]([0-9A-Fa-f]{8,16})(?![0-9A-Za-z])")


def _reversed(norm: Normalized, allowed: frozenset[str]) -> Iterator[Hit]:
    """IDs and mobiles written backwards (see _REVERSIBLE)."""
    text = norm.text
    for match in _REVERSIBLE.finditer(text):
        written = match.group(0)
        value = written[::-1].upper()
        if len(value) == 18:
            kind = "id" if valid_id(value) else None
        else:
            kind = "mobile" if _MOBILE.fullmatch(value) and not _LANDLINE.fullmatch(written) else None
        if kind is not None and value not in allowed and not _money(text, match.start(), match.end()):
            yield Hit(kind, value, *norm.span(match.start(), match.end()))


def _hexadecimal(norm: Normalized, allowed: frozenset[str]) -> Iterator[Hit]:
    """Numbers written in hexadecimal notation with their prefix 0x (see _HEXADECIMAL)."""
    for match in _HEXADECIMAL.finditer(norm.text):
        value = str(int(match.group(1), 16))
        kind = classify(value) if len(value) in _NUMBER_LENGTHS else None
        if kind is not None and value not in allowed and not (len(value) == 18 and not valid_id(value)):
            yield Hit(kind, value, *norm.span(match.start(), match.end()))


# A number read out as a quantity, in Chinese: 一百三十八亿零五百九十五万一千二百三十四 is 13805951234 (大写 too:
# 壹佰叁拾捌亿…). Any number of eleven digits holds 亿; one that is a mobile and no amount (no 元 after it, no 金额 or
# 人民币 before it) is read so. (A card or an ID would need 万亿 and 亿亿: no one writes them so.)
_CN_DIGIT = {**dict.fromkeys("零〇○", 0), **dict.fromkeys("一壹幺", 1), **dict.fromkeys("二两兩贰貳", 2),
             **dict.fromkeys("三叁參", 3), **dict.fromkeys("四肆", 4), **dict.fromkeys("五伍", 5),
             **dict.fromkeys("六陆陸", 6), **dict.fromkeys("七柒", 7), **dict.fromkeys("八捌", 8),
             **dict.fromkeys("九玖", 9)}
_CN_UNIT = {**dict.fromkeys("十拾", 10), **dict.fromkeys("百佰", 100), **dict.fromkeys("千仟", 1000)}
_CN_BIG = {**dict.fromkeys("万萬", 10**4), **dict.fromkeys("亿億", 10**8)}
_CARDINAL = re.compile(f"[{''.join(_CN_DIGIT)}{''.join(_CN_UNIT)}{''.join(_CN_BIG)}]{{8,}}")


def _cardinal(norm: Normalized, allowed: frozenset[str]) -> Iterator[Hit]:
    """Mobiles written as a quantity in Chinese numerals (see _CARDINAL)."""
    text = norm.text
    for match in _CARDINAL.finditer(text):
        value = cardinal_value(match.group(0))
        digits = str(value) if value is not None else ""
        # (a round quantity, 一百三十九亿零五十万, is a sum: a mobile keeps seven digits or more, as in _scientific)
        if (_MOBILE.fullmatch(digits) and len(digits.rstrip("0")) >= 7 and digits not in allowed
                and not _money(text, match.start(), match.end())):
            yield Hit("mobile", digits, *norm.span(match.start(), match.end()))


def cardinal_value(written: str) -> int | None:
    """The value of a quantity written in Chinese numerals with 十 百 千 万 亿 (None when it is not written so)."""
    total = section = 0
    number: int | None = None
    for char in written:
        if char in _CN_DIGIT:
            if number not in (None, 0) and _CN_DIGIT[char] != 0:
                return None  # two digits in a row: a number read out digit by digit (_numbers reads those)
            number = _CN_DIGIT[char]
        elif char in _CN_UNIT:
            section += (1 if number is None else number) * _CN_UNIT[char]
            number = None
        elif _CN_BIG[char] == 10**4:
            total += (section + (number or 0)) * 10**4
            section, number = 0, None
        else:
            total = (total + section + (number or 0)) * 10**8
            section, number = 0, None
    return total + section + (number or 0)


def _thousands(norm: Normalized, allowed: frozenset[str]) -> Iterator[Hit]:
    """Mobiles and card numbers in thousands grouping (13,805,951,234), unless a mobile's eleven digits read as money
    (¥13,805,951,234, 13,805,951,234元); no amount has sixteen digits."""
    text = norm.text
    for match in _THOUSANDS.finditer(text):
        digits = re.sub(r"\D", "", match.group(1))
        kind = classify(digits)
        if digits in allowed or not (kind == "mobile" or (kind == "bank" and len(digits) >= 16)):
            continue
        if kind == "bank" or not _money(text, match.start(), match.end()):
            yield Hit(kind, digits, *norm.span(match.start(), match.end()))


def _undermasked(norm: Normalized, allowed: frozenset[str]) -> Iterator[Hit]:
    """Numbers masked too little to hide them (numbers.undermasked): 3505241985031512** shows the birth date,
    350524*98503151236 hides one digit the check digit gives back, 13800*38000 leaves ten guesses; the ID of a
    残疾人证号 so masked (3505241985031512**42)."""
    cards = [(m, m.group(0)[:18]) for m in _MASKED_CARD_OF_ID.finditer(norm.text) if _MARKS.search(m.group(0)[:18])]
    numbers = itertools.chain(_MASKED_NUMBER.finditer(norm.text), _MASKED_ID15.finditer(norm.text))
    for match, token in [*((m, m.group(0)) for m in numbers), *cards]:
        if _PRODUCT.search(norm.source, *norm.span(match.start(), match.end())) is not None:
            continue  # (one × between numbers is a product, 15000×12000; a mask is two or more: normalize.MULTIPLY_MARKS)
        # every mark a star; an X at the end of eighteen is the check digit
        starred = (_MARKS.sub("*", token[:17]) + token[17].upper() if len(token) == 18 and token[17] in "Xx"
                   else _MARKS.sub("*", token))
        kind = undermasked(starred)
        # (the bureau's own mobile, half masked, is the bureau's still)
        if kind is not None and not any(len(v) == len(starred) and all(a in ("*", b) for a, b in zip(starred, v))
                                        for v in allowed):
            yield Hit(kind, starred, *norm.span(match.start(), match.end()))


def _grouped_undermasked(norm: Normalized, allowed: frozenset[str]) -> Iterator[Hit]:
    """Numbers masked too little written in groups (hostile pass 21), as a number is read out: 3505241985 0315 ****
    (the birth date in full), 138 0595 **34, 6222 0212 3456 7**4 — spaces or dashes between groups of two or more
    digits and marks, as _undermasked reads them once joined."""
    for match in _GROUPED_MASK.finditer(norm.text):
        if _MARKS.search(match.group(0)) is None or tuple(map(len, _GROUP_GAPS.split(match.group(0)))) not in _GROUPINGS:
            continue
        joined = _GROUP_GAPS.sub("", match.group(0))
        if _MASKED_NUMBER.fullmatch(joined) is None and _MASKED_ID15.fullmatch(joined) is None:
            continue
        for hit in _undermasked(normalize(joined), allowed):
            yield Hit(hit.kind, hit.value, *norm.span(match.start(), match.end()))


def may_be_masked(text: str) -> bool:
    """False when *text* holds no masked number: no mark stands beside a digit."""
    return _ONE_MARK.search(text) is not None and _MARK_BY_DIGIT.search(text) is not None  # (most texts: no mark)


def masked_numbers(text: str) -> list[str]:
    """Every masked number *text* shows (an ID, a mobile, a card with some of its digits masked, each mark a star, a
    look-alike mark too: 138··0595, 3505××××1236): for numbers.combined_mask, which reads the masks of one record
    together. A text without a mark beside a digit holds none (one search)."""
    return [token for _, _, token in masked_spans(text)]


def masked_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, the number with each mark a star) of every masked number in *text* (masked_numbers)."""
    if not may_be_masked(text):
        return []
    # (each look-alike mark one star: the text keeps its length, so spans in it are spans in *text*)
    norm = normalize(_AMBIGUOUS.sub(lambda mark: "*" * len(mark.group(0)), text))
    found = []
    for match in _MASKED_NUMBER.finditer(norm.text):
        token = match.group(0)
        starred = (_MARKS.sub("*", token[:17]) + token[17].upper() if len(token) == 18 and token[17] in "Xx"
                   else _MARKS.sub("*", token))
        if "*" in starred and sum(c.isdigit() for c in starred) >= 2:
            found.append((*norm.span(match.start(), match.end()), starred))
    return found


def _money(text: str, start: int, end: int) -> bool:
    """True when the number at text[start:end] is an amount: after ¥, ￥, RMB, 人民币 or 金额, before 元, 万 or 亿."""
    return (_MONEY_AFTER.match(text, end) is not None or _COUNT_AFTER.match(text, end) is not None
            or _MONEY_BEFORE.search(text, max(0, start - 8), start) is not None)


def _scientific(norm: Normalized, allowed: frozenset[str]) -> Iterator[Hit]:
    """Numbers in scientific notation (1.3805951234E+10), as the integer they denote; a 身份证号 that a float rounded
    (3.50524198503151E+17) is one still (lost_check_id)."""
    for match in _SCIENTIFIC.finditer(norm.text):
        start, mantissa = match.start(), match.group(1)
        # 王五3.505…E+17: a name's last numeral, read as a digit before the number, is no part of it (_numeral_pieces)
        while mantissa[1:2].isdigit() and norm.numeral(start):
            start, mantissa = start + 1, mantissa[1:]
        value = decimal.Decimal(f"{mantissa}E{match.group(2)}")
        digits = str(int(value))
        if value != value.to_integral_value() or not 11 <= len(digits) <= 19 or digits in allowed:
            continue
        kind = classify(digits) or ("id" if lost_check_id(digits) else None)
        # 1.5E+10 and 1.38E+10 are round values: a mobile written so keeps seven digits or more, a card thirteen
        significant = len(mantissa.replace(".", "").strip("0"))
        if kind == "mobile" and significant < 7 or kind == "bank" and significant < 13:
            continue
        if kind is not None:
            yield Hit(kind, digits, *norm.span(start, match.end()), born=_born(kind, digits))


def _born(kind: str, digits: str) -> dt.date | None:
    """The birth date of an ID a float rounded or one written without its check digit (17 digits): it counts for
    someone born by the day of a build."""
    if kind != "id" or len(digits) not in (17, 18) or (len(digits) == 18 and valid_id(digits)):
        return None
    return lost_check_birth(digits if len(digits) == 18 else digits + "0")


@dataclass(frozen=True)
class _Group:
    start: int
    end: int
    digits: str
    whole: bool  # false next to a decimal point or inside a hexadecimal token: never part of a number
    joined: bool = True  # false when what stands before it separates numbers, not the groups of one number


def _numbers(norm: Normalized, allowed: frozenset[str], joins: _Joins) -> Iterator[Hit]:
    text = norm.text
    hex_tokens: list[tuple[int, int]] | None = None
    for chain in joins.chain.finditer(text):
        if chain.end() - chain.start() < 11:
            continue
        if hex_tokens is None:
            hex_tokens = [m.span() for m in _HEX_TOKEN.finditer(text) if _checksum(m.group(0))]
        if _within_one(hex_tokens, chain.start(), chain.end()):  # (a number between two checksums is read)
            continue
        # After what names the number (身份证号：3、5、0、5…; 电话1，3，8…) its digits one by one, however
        # punctuated, are that number: no list of single digits follows a label of one (groups of more digits keep
        # their reading: 电话 13,805,951,234户 is a count)
        one_by_one = not joins.data and _ONE_BY_ONE.fullmatch(chain.group(0)) is not None
        entries = frozenset() if one_by_one and named_kind(text, chain.start()) is not None else joins.entries
        groups = _groups(norm, chain, hex_tokens, entries)
        if sum(len(g.digits) for g in groups) < 11:
            continue
        for first, last, kind, digits in _choose(groups, functools.partial(named_kind, text)):
            if digits in allowed:
                continue
            start, end = groups[first].start, groups[last].end
            if kind == "bank" and (len(digits) <= _LONGEST_AMOUNT and _AFTER_AMOUNT.match(text[end:])
                                   or account_of_body(text, start) or _abroad_landline(digits)):
                continue
            # In data gongkai writes, eighteen digits ending in 000 without their check digit are a serial (受理编号
            # 350524202612041000) far more often than an ID a float rounded: the source scan has judged the record.
            if joins.data and kind == "id" and len(digits) == 18 and not valid_id(digits) and digits.endswith("000"):
                continue
            yield Hit(kind, digits, *norm.span(start, end), born=_born(kind, digits))


def _abroad_landline(digits: str) -> bool:
    """A landline written for a caller from abroad (+86-595-23222516: 86, an area code without its 0, the number; the
    search index keeps it as 86 595 23222516): one such run in ten passes a card's Luhn check, and an office's
    published phone was then a bank card (GK603). No bank issues cards beginning with 86 (ISO/IEC 7812: 8 is for
    telecommunications and other industries); it is a phone — an office's, or a person's after 宅电 (_home_phones)."""
    return digits.startswith("86") and _PLAIN_LANDLINE.fullmatch("0" + digits[2:]) is not None


def _checksum(token: str) -> bool:
    """True for a run of hexadecimal characters that is a checksum: digits and letters mixed, not one number."""
    return len(_DIGIT_RUNS.findall(token)) >= 2


def _groups(norm: Normalized, chain: re.Match[str], hex_tokens: list[tuple[int, int]], entries: frozenset[str]
            ) -> list[_Group]:
    text = norm.text
    found = [piece for m in _GROUP.finditer(chain.group(0))
             for start, digits in _numeral_pieces(norm, m.start() + chain.start(), ascii_digits(m.group(0)).upper())
             for piece in _split_prefix(start, digits, _after_name(norm, start))]
    for index in range(len(found) - 1):
        left, right = found[index], found[index + 1]
        between = text[left.end:right.start]
        if (right.joined and any(c in entries for c in between)
                and min(_glued(found, index, -1), _glued(found, index + 1, 1)) < 3):
            found[index + 1] = right = replace(right, joined=False)
        # 27915.20, 1.3812345678: a decimal point, not a separator between groups of one number; 138****5678: the
        # groups of a masked number, never joined to another.
        # (a float has one point: 3.5.0.5.…1.0.1 is no float ending in .0, its points separate the digits)
        if (between == "." and _float_zero(_number_before(found, index), right.digits)
                and not _dotted(text, found, index)):
            found[index + 1] = replace(right, whole=False)  # 13812345678.0: a spreadsheet's float, the number stays
        elif (between == "." and (len(left.digits) == 1 or len(right.digits) <= 2) and not _dotted(text, found, index)
              and len(_number_before(found, index)) <= _LONGEST_AMOUNT) or "****" in between:
            found[index] = replace(left, whole=False)
            found[index + 1] = replace(right, whole=False)
    if found and chain.end() < len(text) and text[chain.end()] == "." and text[chain.end() + 1:chain.end() + 2].isdigit():
        found[-1] = replace(found[-1], whole=False)
    # A checksum (0f3c…1381234567…): its digit runs are not numbers.
    return [g if g.whole and not _inside(hex_tokens, g.start) else replace(g, whole=False) for g in found]


def _dotted(text: str, found: list[_Group], index: int) -> bool:
    """True when the point between found[index] and the next group is one of several in a row (1.3.8.1.2…): a
    number has one decimal point, so these are separators."""
    return ((index > 0 and text[found[index - 1].end:found[index].start] == ".")
            or (index + 2 < len(found) and text[found[index + 1].end:found[index + 2].start] == "."))


def _glued(found: list[_Group], index: int, step: int) -> int:
    """The digits of found[index] and of the groups glued to it on the side of *step* (-1 before, 1 after): the
    pieces of one run of digits that _numeral_pieces and _split_prefix cut (王五一三八，…)."""
    count = len(found[index].digits)
    while 0 <= index + step < len(found):
        before, after = (found[index + step], found[index]) if step < 0 else (found[index], found[index + step])
        if before.end != after.start:
            break
        index += step
        count += len(found[index].digits)
    return count


def _number_before(found: list[_Group], index: int) -> str:
    """The digits of the number whose last group is found[index]: 138 1234 5678 for the 5678 of 138 1234 5678.0."""
    first = index
    while first > 0 and found[first].joined and found[first - 1].whole:
        first -= 1
    return "".join(group.digits for group in found[first:index + 1])


def _float_zero(whole: str, fraction: str) -> bool:
    """True for 13812345678.0: a number of eleven digits or more with a zero fraction, as a spreadsheet writes one it
    stored as a float; no amount the bureau publishes has that many digits before the point."""
    return len(whole) >= 11 and len(fraction) <= 2 and fraction.strip("0") == ""


def _after_name(norm: Normalized, start: int) -> bool:
    """True when the group at *start* begins with a Chinese numeral right after a word (王五一三八…)."""
    if start == 0 or _HANZI_CHAR.match(norm.text, start - 1) is None:
        return False
    return norm.numeral(start)


def _numeral_pieces(norm: Normalized, start: int, digits: str) -> list[tuple[int, str]]:
    """(start, digits) of the pieces of one group of digits, cut where a Chinese numeral meets a digit (张三13805951234,
    13805951234三户, 1三800一38000): the pieces are joined again by _choose where that makes a number."""
    if norm.text is norm.source or len(digits) < 2:
        return [(start, digits)]
    kinds = [norm.numeral(at) for at in range(start, start + len(digits))]
    cuts = [0, *(n for n in range(1, len(kinds)) if kinds[n] != kinds[n - 1]), len(digits)]
    return [(start + a, digits[a:b]) for a, b in zip(cuts, cuts[1:])]


def _split_prefix(start: int, digits: str, after_name: bool) -> list[_Group]:
    """One group of digits, or two when a mobile number is glued to +86, 0086 or 0 (the number stands alone), or
    after a word that ends in a numeral (王五一三八…, 电话一3800138000: 五 is part of the name, 一 part of the number;
    _choose tries the number with that numeral and without it)."""
    if after_name and len(digits) > 1:
        return [_Group(start, start + 1, digits[:1], True), _Group(start + 1, start + len(digits), digits[1:], True)]
    prefix = _PREFIXED_MOBILE.match(digits)
    if prefix is None:
        return [_Group(start, start + len(digits), digits, True)]
    cut = prefix.end()
    return [_Group(start, start + cut, digits[:cut], True), _Group(start + cut, start + len(digits), digits[cut:], True,
                                                                   False)]


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """True when *position* lies in one of the sorted, disjoint *spans*."""
    index = bisect.bisect_right(spans, (position, sys.maxsize)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _within_one(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """True when the stretch [start, end) lies in one of the sorted, disjoint *spans*."""
    index = bisect.bisect_right(spans, (start, sys.maxsize)) - 1
    return index >= 0 and spans[index][0] <= start and end <= spans[index][1]


# What names the number right after it (in the same clause) the kind it is: a 身份证号 (身份证号：…, 公民身份号码为…,
# （身份证…）, 证件号码, a student's 学籍号: G and the ID), a bank account (银行卡号, 账号, 存折账号, 一卡通账户). There
# eighteen characters (or fifteen digits) are an ID even when the check digit, the birth date or the area code is
# wrong — a clerk's typo shows the person's number all the same — and twelve to twenty digits are an account even
# when they fail Luhn: a passbook's (存折) or a rural credit union's account follows no check at all, and a card's
# mistyped digit shows the rest of it. Elsewhere such numbers are serials as often (受理编号 350524202612041234: an
# area code, a date, a count), and only a right check makes them personal data. After 电话 or 手机, digits each alone
# are one number (_ONE_BY_ONE).
_NAMED = re.compile(r"(?:(?P<id>身份证|身份号码|证件号|学籍号)|(?P<bank>银行卡|卡号|账号|帐号|存折|账户|帐户)|(?P<mobile>电话|手机))"
                    r"[^\d。；;，,！!？?\n]{0,6}$")
_NAMED_BEFORE = 12  # how far before a number its label is looked for: 公民身份号码为, 农村信用社存折账号：
_ACCOUNT_LENGTHS = range(12, 21)
_ONE_BY_ONE = re.compile(r"[0-9Xx](?:[^0-9Xx]+[0-9Xx])+")  # a chain of digits each alone
_GLUED_MARKS = frozenset(MASK_MARKS + AMBIGUOUS_MARKS + MULTIPLY_MARKS + "＊") - {"X", "x"}
# After its label an ID needs no right check digit, area code or birth date (a typo may fall anywhere in it): eighteen
# characters (the last perhaps X) or fifteen digits, the first of an area code (1–8).
_NAMED_ID = re.compile(r"[1-8]\d{16}[\dX]|[1-8]\d{14}")


def named_kind(text: str, start: int, end: int | None = None) -> str | None:
    """The kind of personal data the text before *start* names the number there ("id", "bank", "mobile"), or None;
    None too when the number (ending at *end*) runs on into mask marks: the shown part of a masked one
    (身份证号350524198503158***), which the reading of masks judges (undermasked)."""
    if end is not None and text[end:end + 2].lstrip(" ")[:1] in _GLUED_MARKS:
        return None
    match = _NAMED.search(text, max(0, start - _NAMED_BEFORE), start)
    return None if match is None else match.lastgroup


def _as_named(value: str, named: str | None) -> str | None:
    """The kind *value* is where the text names it *named* (named_kind), whatever its check digit; or None."""
    if named == "id" and _NAMED_ID.fullmatch(value) is not None:
        return "id" if len(value) == 18 else "id15"
    if named == "bank" and len(value) in _ACCOUNT_LENGTHS and value.isdigit():
        return "bank"
    return None


def _choose(groups: list[_Group], named: Callable[[int, int], str | None]) -> list[tuple[int, int, str, str]]:
    """Runs of consecutive groups that are personal data, without overlaps: 身份证号 first, then mobiles, then cards;
    *named* tells the kind the text before a position names the number that starts there (named_kind)."""
    found: list[tuple[int, int, int, str, str]] = []
    for first in range(len(groups)):
        digits = ""
        for last in range(first, len(groups)):
            if not groups[last].whole or (last > first and (digits.endswith("X") or not groups[last].joined)):
                break
            digits += groups[last].digits
            if len(digits) > 20:
                break
            # 13800138000x: an X that is no check digit ends the number, it is not part of it
            value = digits[:-1] if digits.endswith("X") and len(digits) != 18 else digits
            if disability_card(value):  # (a 残疾人证号 is the holder's ID and two digits: the ID is what it shows)
                found.append((last - first, first, last, "id", value[:18]))
            elif len(value) in _NUMBER_LENGTHS or len(value) in _ACCOUNT_LENGTHS:
                kind = classify(value) if len(value) in _NUMBER_LENGTHS else None
                # (身份证号：350524198001011235, its check digit 3 mistyped; 存折账号：…, no Luhn): the whole run of
                # groups after the label, never the first few of them (3500 1234 5678 of 3500 1234 5678 9012 3456)
                # (and what the label says before a check that passes by chance: 身份证号码：350524801301123, a
                # fifteen-digit ID with its month mistyped, passes Luhn as one number in ten does)
                if kind not in ("id", "id15") and (last + 1 == len(groups) or not groups[last + 1].whole
                                                   or not groups[last + 1].joined):
                    kind = _as_named(value, named(groups[first].start, groups[last].end)) or kind
                if kind is not None:  # (an ID without its check digit after one with it: 34052419800101001 X)
                    lost = 50 if len(value) == 17 else 0
                    found.append((_RANK[kind] * 100 + lost + last - first, first, last, kind, value))
    taken: set[int] = set()
    chosen: list[tuple[int, int, str, str]] = []
    for _, first, last, kind, digits in sorted(found):
        if taken.isdisjoint(range(first, last + 1)):
            taken.update(range(first, last + 1))
            chosen.append((first, last, kind, digits))
    return sorted(chosen)


# What stands between the bureau's registered address and a floor or room of its building: the building's name, a
# floor (民政大楼、县民政局3楼、行政服务中心二楼), nothing that ends the address (a comma, a full stop, a new line).
_IN_BUILDING = re.compile(rf"[{_HANZI}\dA-Za-z\-#（）() \u3000]{{0,16}}")
# Words that say a person lives at the address that follows (in the same clause)
_CLAUSE_BREAK = re.compile(r"[，。；;,!！？?\n]")
_HOME = re.compile(r"(?:家住|居住|现住|住址|户籍地|户籍所在地|家庭地址|家庭住址)[^，。；;,!！？?\n]*$")
# (thirty-eighth session) The place such a word introduces, to the first house, building or room number in its clause,
# whatever the place's name ends with (住址：凤城镇城东工业区12号, 家住玉田小区12栋, 住址：湖二村 12 号, 现住湖二村12#,
# 住址：湖二村12-3, 住址：湖二村一二号): the word says it is someone's home. Not a date (3月12号, 12号前) nor a document's
# number (12号文).
_HOME_WORD = re.compile(r"家住|居住|现住|住址|户籍地|户籍所在地|家庭地址|家庭住址")
_LABELLED_PLACE = re.compile(
    rf"[\s:：为在是于]*((?:[{_HANZI}A-Za-z（）() \u3000]|\d+(?:[-—－]\d+)?\s?(?:号|號|弄|巷|栋|幢|座|单元|楼|#)){{0,40}}?"
    rf"(?<![\d{CN_NUMBER}月日第])(?:\d+(?:\s?[-—－]\s?\d+)+(?![\d.])|[\d{CN_NUMBER}]+\s?(?:号|號|#|栋|幢|座|室|單元|单元)"
    rf"(?!文|令|公告|通告|通知|窗口|线|批|期|前|后|以|起|止|至|截止)))")
# A floor, building, unit or room only (302室, 3幢1201室, 三〇二室): a road or a village (解放路12号) is another place.
_ROOM_ONLY = re.compile(rf"[\d{CN_NUMBER}A-Za-z][^组弄村路街巷]*$")


# A landline: an area code (perhaps in brackets) and seven or eight digits, or the seven or eight alone; a separator
# after the area code and in the middle of the number (0595-2345 6789).
_PHONE_SEP = r"[ \u3000\-－—–‐]"
# (a separator may stand between any two digits: 家庭电话：2 3 4 5 6 7 8, 0595-2345-6789 are one number to a reader)
# Written for a caller from abroad (a 侨乡's families: +86-595-2345 6789, 0086 595 23456789, +86 (0)595 …), the area
# code loses its 0 to the country code 86; the number is the same, 0595-23456789.
_ABROAD = (rf"(?:\+|＋|00)86{_PHONE_SEP}?(?:[(（]0[)）]{_PHONE_SEP}?)?"
           rf"[(（]?[1-9](?:{_PHONE_SEP}?\d){{1,2}}[)）]?{_PHONE_SEP}?")
_WRITTEN_LANDLINE = re.compile(
    rf"(?<!\d)(?:{_ABROAD}|[(（]?0(?:{_PHONE_SEP}?\d){{2,3}}[)）]?{_PHONE_SEP}?)?[2-9](?:{_PHONE_SEP}?\d){{6,7}}(?!\d)")
_HOME_PHONE_AT = re.compile(HOME_PHONE.pattern + r"[^\d+＋。；;，,！!？?\n]{0,6}?(?=[(（+＋\d])")
_PLAIN_LANDLINE = re.compile(r"(?:0\d{2,3})?[2-9]\d{6,7}")
_PHONE_MARKS = re.compile(r"[\s\-－—–‐()（）]")
_COUNTRY_CODE = re.compile(r"^(?:\+|＋|00)860?(?=[1-9])")


def landline_digits(text: str) -> str | None:
    """The digits of the landline *text* is (0595-2345 6789, (0595)23456789, 2345678; +86-595-2345 6789 is
    05952345 6789), or None."""
    written = _PHONE_MARKS.sub("", ascii_digits(text.strip()))
    if _COUNTRY_CODE.match(written) and classify(_COUNTRY_CODE.sub("", written)) == "mobile":
        return None  # +86 138 5901 2345: a mobile written for a caller from abroad, no area code 0138
    digits = _COUNTRY_CODE.sub("0", written)
    return digits if _PLAIN_LANDLINE.fullmatch(digits) else None


def _home_phones(norm: Normalized, allowed: frozenset[str]) -> Iterator[Hit]:
    """A landline right after what names it a person's own (家庭电话：0595-23456789, 宅电 2345678): a landline
    elsewhere is an office's as often (监督电话), and is no personal data by itself."""
    for label in _HOME_PHONE_AT.finditer(norm.text):
        number = _WRITTEN_LANDLINE.match(norm.text, label.end())
        digits = landline_digits(number.group(0)) if number is not None else None
        if number is not None and digits is not None and digits not in allowed:
            yield Hit("phone", digits, *norm.span(number.start(), number.end()))


def _addresses(norm: Normalized, allowed: frozenset[str]) -> Iterator[Hit]:
    found = [*_ADDRESS.finditer(norm.text), *(m for m in _ADDRESS_CN.finditer(norm.text) if _CN_CHAR.search(m.group(0)))]
    taken: list[re.Match[str]] = []
    for match in sorted(found, key=lambda m: (m.start() - m.end(), m.start())):  # the longest reading of each place
        if all(match.end() <= other.start() or other.end() <= match.start() for other in taken):
            taken.append(match)
    bureau = tuple(value for value in allowed if _HANZI_CHAR.search(value) is not None)
    end_of_bureau = -1
    for match in sorted(taken, key=lambda m: m.start()):
        value = ascii_digits(match.group(0))
        # The bureau's own address (gongkai.yaml) and the rooms of its building: 河滨北路168号民政大楼302室,
        # 河滨北路168号3幢1201室 are where its 信访 letters go (DOMAIN.md §3.1), no one's home.
        # (unless the text says someone lives there: 家住河滨北路168号3幢502室 is a flat in the bureau's compound)
        if (value.startswith(bureau) and _HOME.search(norm.text, max(0, match.start() - 24), match.start()) is None) or (
                end_of_bureau >= 0 and _ROOM_ONLY.match(value) is not None
                and _IN_BUILDING.fullmatch(norm.text, end_of_bureau, match.start()) is not None):
            end_of_bureau = match.end()
            continue
        end_of_bureau = -1
        if address_of_body(norm.text, match.start(), match.end()):  # (安溪县殡仪馆（地址：…砖文村13号）: an organisation's)
            continue
        yield Hit("address", value, *norm.span(match.start(), match.end()))
    for word in _HOME_WORD.finditer(norm.text):
        place = _LABELLED_PLACE.match(norm.text, word.end())
        if place is not None and _CLAUSE_BREAK.search(place.group(1)) is None and all(
                place.end(1) <= other.start() or other.end() <= place.start(1) for other in taken):
            yield Hit("address", ascii_digits(place.group(1)), *norm.span(place.start(1), place.end(1)))


def names_home(text: str) -> bool:
    """True when *text* (a column's header) says the place after it is where someone lives (住址, 家庭住址, 户籍地 …)."""
    return _HOME_WORD.search(text) is not None


def bureau_values(phones: list[str], addresses: list[str]) -> frozenset[str]:
    """The bureau's own mobile numbers and addresses (from gongkai.yaml's contact fields): never personal data."""
    numbers = {hit.value for phone in phones for hit in find(phone) if hit.kind == "mobile"}
    places = {ascii_digits(m.group(0)) for address in addresses for pattern in (_ADDRESS, _ADDRESS_CN)
              for m in pattern.finditer(normalize(address).text)}
    return frozenset(numbers | places)

