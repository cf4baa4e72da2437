"""The forms a published holiday notice is written in, as patterns, and pieces of a line that know their column."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Full-width digits and spaces become half-width one for one, so every column stays where the user sees it.
_HALF = str.maketrans("０１２３４５６７８９\u3000\ufeff", "0123456789  ")


def normalize(text: str) -> str:
    """The notice with full-width digits and spaces made half-width, character for character."""
    return text.translate(_HALF)


def _date(tag: str) -> str:
    """A date as notices write it — 2018年12月30日, 1月28日, 3日 — with an optional bracket remark."""
    return (rf"(?:(?P<{tag}y>\d{{4}})\s*年\s*)?(?:(?P<{tag}m>\d{{1,2}})\s*月\s*)?(?P<{tag}d>\d{{1,2}})\s*日"
            rf"\s*(?:[（(](?P<{tag}r>[^（()）]*)[）)])?")


_RANGE = rf"{_date('a')}(?:\s*(?:至|到|—|–|－|-|~|～)\s*{_date('b')})?"
# 一、元旦：…  (the name may be two festivals: 国庆节、中秋节)
ITEM = re.compile(r"^\s*(?:[一二三四五六七八九十]+|\d{1,2})\s*[、.．]\s*(?P<name>[^：:，,。]{1,20}?)\s*[：:]\s*(?P<body>.*?)\s*$")
# 1月1日（周四）至3日（周六）放假调休 | 1月1日（周三）放假1天 | 6月10日放假
OFF = re.compile(rf"^{_RANGE}\s*放假\s*(?:调休)?\s*(?:(?P<count>\d+)\s*天)?$")
# 1月2日（星期一）补休 | 6月10日至11日调休  (more days off after the first clause)
EXTRA = re.compile(rf"^{_RANGE}\s*(?:补休|调休)$")
COUNT = re.compile(r"^共\s*(?P<count>\d+)\s*天$")
QUIET = frozenset({"不调休", "与周末连休"})
WORK = re.compile(r"^(?P<dates>.*?)\s*上班$")
ONE_DATE = re.compile(rf"^{_date('a')}$")
TITLE = re.compile(r"^\s*(?:标\s*题\s*[：:]\s*)?(?P<title>\S*?关于\s*(?P<year>\d{4})\s*年\s*\S{0,12}?节假日安排的通知)")
# The table gov.cn shows above a document when the whole page is copied: 索引号, 发文机关, 成文日期 ….
META = re.compile(r"^\s*(?:索\s*引\s*号|主\s*题\s*分\s*类|发\s*文\s*机\s*关|成\s*文\s*日\s*期|标\s*题|发\s*文\s*字\s*号"
                  r"|发\s*布\s*日\s*期|来\s*源)\s*[：:]")
WRITTEN_ON = re.compile(r"成\s*文\s*日\s*期\s*[：:]\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
NUMBER = re.compile(r"(?P<org>[\u4e00-\u9fff]{2,8})\s*[〔\[［(（]\s*(?P<year>\d{4})\s*[〕\]］)）]\s*(?P<no>\d{1,4})\s*号")
ISSUED = re.compile(r"^\s*(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*$")
LOOSE_DATE = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日|\d{1,2}\s*日\s*[（(]")


@dataclass(frozen=True)
class Span:
    """A piece of one line and the 1-based column of its first character."""

    text: str
    column: int

    def at(self, offset: int) -> int:
        """The column of the character *offset* places into the piece."""
        return self.column + offset

    def parts(self, separators: str) -> list[Span]:
        """The non-blank pieces between any of *separators*, trimmed, each with its own column."""
        found: list[Span] = []
        start = 0
        for index, char in enumerate(self.text + separators[0]):
            if char not in separators:
                continue
            piece = self.text[start:index]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                found.append(Span(piece.strip(), self.column + start + lead))
            start = index + 1
        return found
