"""The term (有效期) a document states in its own 正文, and whether it has run out while the catalog still calls the
document in force. 福建 and most provinces have every 行政规范性文件 say how long it is valid (「本办法自2026年5月1日起
施行，有效期5年」, 「有效期至2028年12月31日」); the day after its term the page must stop calling it 有效 (DOMAIN.md §12).
The clerk decides: a term may have been extended by another document, so gongkai reminds, it does not mark."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from gongkai.days import chinese_number
from gongkai.model import Record
from gongkai.model.vocab import OUT_OF_FORCE, POLICY_KINDS
from gongkai.publication.standing import validity_on


def _day(name: str) -> str:
    """A day as a 正文 writes it (2026年5月1日, 2026-05-01, 2026.5.1), its parts named *name*y, *name*m, *name*d."""
    return (rf"(?P<{name}y>\d{{4}})\s*(?:年\s*(?P<{name}m>\d{{1,2}})\s*月\s*(?P<{name}d>\d{{1,2}})\s*[日号]"
            rf"|[./-]\s*(?P<{name}M>\d{{1,2}})\s*[./-]\s*(?P<{name}D>\d{{1,2}})(?!\d))")


# 「有效期至2028年12月31日」, 「有效期延长至…」, 「有效期到…止」, 「有效期为2026年5月1日至2031年4月30日」
_UNTIL = re.compile(r"有效期(?:限)?(?:延长|延续|顺延|延)?(?:为|是|[：:])?\s*(?:自?\s*" + _day("s") + r"\s*(?:起)?\s*)?"
                    r"(?:至|到|—|－|-|~|～)+\s*" + _day("e"))
# 「有效期5年」, 「有效期为五年」, 「有效期限3年」
_YEARS = re.compile(r"有效期(?:限)?(?:为|是|[：:])?\s*([0-9]{1,2}|[一二两三四五六七八九十]{1,2})\s*年")
# when the term starts: 「自2026年5月1日起施行」; 「自印发之日起施行」 (the 成文日期); 「自发布之日起施行」 (the 公开日期)
_FROM_DAY = re.compile(r"自\s*" + _day("f") + r"\s*起")
_FROM_ISSUE = re.compile(r"自(印发|发布|公布|下发|签发|公开)之日起")
# A term is the document's own when its sentence says so: 「本办法…有效期5年」, 「…起施行，有效期至…」 — not
# 「低保对象资格有效期为1年」 or 「证件有效期至…」, terms the document sets for others
_OWN = re.compile(r"本(?:办法|规定|细则|通知|意见|文件|方案|制度|规则|标准|决定|措施|指引|规范|政策)|施行|实施|生效")
_SENTENCE_END = "。；;\n"
_TAKES_EFFECT = re.compile(r"施行|实施|执行|生效")


@dataclass(frozen=True)
class StatedTerm:
    """A term the 正文 states: its last day, the words that say it, and the line of the 正文 they start on (0-based)."""

    end: dt.date
    text: str
    line: int


def stated_term(record: Record) -> StatedTerm | None:
    """The latest end of a term the record's 正文 states (an extension written below the first term wins); None when
    it states none, or states a number of years without a day they can be counted from."""
    body = unicodedata.normalize("NFKC", record.body or "")
    found = [t for t in (*_until(body), *_years(body, record)) if t is not None]
    return max(found, key=lambda t: t.end) if found else None


def ended_term(record: Record, today: dt.date) -> StatedTerm | None:
    """The term of a web policy document that ended before *today* while its 有效性 on *today* still says in force."""
    if record.kind not in POLICY_KINDS or validity_on(record, today)[0] in OUT_OF_FORCE:
        return None
    term = stated_term(record)
    return term if term is not None and term.end < today else None


def _until(body: str) -> list[StatedTerm | None]:
    return [_term(_date(m, "e"), m) for m in _UNTIL.finditer(body) if _OWN.search(_sentence(m))]


def _years(body: str, record: Record) -> list[StatedTerm | None]:
    found: list[StatedTerm | None] = []
    for match in _YEARS.finditer(body):
        sentence = _sentence(match)
        years = int(match.group(1)) if match.group(1).isdigit() else chinese_number(match.group(1))
        start = _start(sentence, record) or _start(body, record)
        if _OWN.search(sentence) and start is not None and years:
            found.append(_term(_after_years(start, years) - dt.timedelta(days=1), match))
    return found


def _sentence(match: re.Match[str]) -> str:
    """The sentence of the 正文 *match* lies in."""
    text = match.string
    begin = max(text.rfind(c, 0, match.start()) for c in _SENTENCE_END) + 1
    ends = [i for c in _SENTENCE_END if (i := text.find(c, match.end())) >= 0]
    return text[begin:min(ends, default=len(text))]


def _start(text: str, record: Record) -> dt.date | None:
    """The first day of the term: the day *text* says the document takes effect (「自2026年5月1日起施行」), or the day
    it was issued or published (「自印发之日起施行」); never another 「自…起」 (「自2018年1月1日起，低保标准提高到…」)."""
    for day in _FROM_DAY.finditer(text):
        if _TAKES_EFFECT.search(_sentence(day)):
            return _date(day, "f")
    for issue in _FROM_ISSUE.finditer(text):
        if _TAKES_EFFECT.search(_sentence(issue)):
            return record.formed if issue.group(1) in ("印发", "下发", "签发") else record.published
    return None


def _date(match: re.Match[str], name: str) -> dt.date | None:
    """The day *match* read under *name* (_day); None for one that does not exist (2月30日)."""
    parts = match.groupdict()
    try:
        return dt.date(int(parts[f"{name}y"]), int(parts[f"{name}m"] or parts[f"{name}M"]),
                       int(parts[f"{name}d"] or parts[f"{name}D"]))
    except ValueError:
        return None


def _after_years(start: dt.date, years: int) -> dt.date:
    """The day *years* years after *start* (29 February: 1 March, so that the term's last day is 28 February)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return dt.date(start.year + years, 3, 1)


def _term(end: dt.date | None, match: re.Match[str]) -> StatedTerm | None:
    line = match.string.count("\n", 0, match.start())
    return StatedTerm(end, match.group(0), line) if end is not None else None


def term_fix(term: StatedTerm) -> str:
    """How to make the catalog agree with a term that has run out (validate and inspect say the same)."""
    return (f"文件已到期的，改为「有效性: 失效」并写「有效性日期: {term.end + dt.timedelta(days=1)}」；已经延期的，在正文中写明"
            "延期后的有效期（如「有效期延长至2028年12月31日」）")
