"""公示 periods: which records are lists of people, and the last day each 公示 runs (DOMAIN.md §4, §12)."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from gongkai.days import as_typed, chinese_number
from gongkai.model import Item, Record
from gongkai.model.deadline import notice_period
from gongkai.model.vocab import NOTICE_KIND
from gongkai.workdays import CalendarMissing, WorkdayCalendar

# A list among an item's 公开内容: 初审对象名单, 低保名单, 终止供养名单, 补贴发放名单, 补贴对象姓名, 花名册 …
PEOPLE_LIST = re.compile(r"名单|姓名|名册")
# … unless it lists organisations, or officials whose names the law makes public (条例 Art. 20 领导信息).
NOT_PEOPLE = re.compile(r"社会组织|机构|企业|单位|组织|协会|基金会|商会|领导|干部|工作人员|负责人|联系人|法定代表人|失信|异常名录")
# Where a phrase of a 公开内容 line ends: what a list is of is said in its own phrase, so the organisation in
# 「医疗救助对象名单及定点医疗机构」 or 「低保对象名单（含所在单位）」 does not make the list one of organisations.
_PHRASE_END = re.compile(r"[、，,；;：:。（）()【】\[\]和与及并]")


@dataclass(frozen=True)
class NoticeMinimum:
    """The shortest 公示 a rule allows for items whose name contains *keyword*, with its source: *days* working days,
    or calendar days when not *workdays*."""

    keyword: str
    days: int
    source: str
    workdays: bool = True

    @property
    def unit(self) -> str:
        return "个工作日" if self.workdays else "天"


# Legal minimum 公示 periods, matched on the item's 一级事项 (DOMAIN.md §3.1, §4).
NOTICE_MINIMUMS: tuple[NoticeMinimum, ...] = (
    NoticeMinimum("最低生活保障", 7, "民办函〔2019〕52号 社会救助标准指引：低保初审对象名单公示7个工作日"),
)


def lists_people(item: Item | None) -> bool:
    """True when the item's 公开内容 is a list of people (低保、特困、临时救助对象名单, 补贴对象姓名 …).

    Any 名单 counts unless its own phrase names organisations or officials: a list wrongly taken for people only comes
    down after its period and stays out of search; a list of people taken for anything else would stay up for good.
    """
    return item is not None and _name_people(tuple(item.contents))


@functools.lru_cache(maxsize=1024)  # asked for every record; an item's contents are the same for all of its records
def _name_people(contents: tuple[str, ...]) -> bool:
    return any(PEOPLE_LIST.search(phrase) and not NOT_PEOPLE.search(phrase)
               for c in contents for phrase in _PHRASE_END.split(c))


def is_notice(record: Record, item: Item | None) -> bool:
    """A 公示, a record that declares a 公示 period (公示截止 or 公示期, whatever its 文种: a 通知 carrying a list), or a
    record of an item whose content is a list of people: it runs for a period, then comes down.

    Every 公示 is treated as a list of people: gongkai cannot see whether a list in a PDF names people, and a list
    of organisations that comes down after its period harms nobody.
    """
    declared = record.notice_until is not None or record.notice_days is not None
    return record.kind == NOTICE_KIND or declared or lists_people(item)


def minimum_for(item: Item | None) -> NoticeMinimum | None:
    """The minimum 公示 period of *item*'s records, where one exists: the law's (NOTICE_MINIMUMS), else the period the
    item's 公开时限 promises (「…，公示7个工作日」: the reviewed directory is the commitment to the public)."""
    if item is None:
        return None
    name = item.name
    found = next((m for m in NOTICE_MINIMUMS if m.keyword in name), None)
    if found is not None:
        return found
    promised = notice_period(item.deadline)
    if promised is None:
        return None
    return NoticeMinimum(name, promised[0], f"事项 {item.id} 的公开时限「{item.deadline}」", promised[1])


# The longest a list of people stays up, whatever its 公示截止 or 公示期 say. DOMAIN.md §12: a 公示 runs for the period
# its rule sets and the list comes down when it ends; the rules set days or weeks (低保审核确认 7 working days, and no
# rule a 公示 of people longer than 30 days). A 公示截止 years away (2062 for 2026) or a 公示期 of hundreds of working
# days is a slip, not a period, and kept the names on the web for good: the list comes down a year after its 公开日期
# at the latest, and validate reports the period (GK418). A year, not 30 days: a quarter's list is often kept up for
# the quarter, and a county may set a longer period than the guidelines; a longer one is what no rule sets.
LONGEST_NOTICE = "一年"


def latest_notice_end(published: dt.date) -> dt.date:
    """The last day a list published on *published* may stay up (LONGEST_NOTICE): the day before the same date a year
    later (a list published on 29 February stays up to the last day of February)."""
    try:
        later = published.replace(year=published.year + 1)
    except ValueError:  # 29 February
        later = dt.date(published.year + 1, 3, 1)
    return later - dt.timedelta(days=1)


# The period a 公示 tells the public in its own text: 「公示期：2026年11月27日至12月7日」, 「公示时间为11月27日起至12月7日止」,
# 「公示期为7个工作日（2026年11月27日—12月7日）」, and the days as a village notice types them (read_day reads them in
# every date field too): 「公示时间：2026.11.27—2026.12.7」, 「2026-11-27至2026-12-07」, 「2026/11/27-12/7」,
# 「自2026年11月27日起，至12月7日止」, 「从11月27日开始，到12月7日结束」 (hostile pass 37: not read). The year and month of
# the end may be left out (those of the start).
_WRITTEN_DAY = r"(?:(?P<y{n}>\d{{4}})\s*年\s*)?(?:(?P<m{n}>\d{{1,2}})\s*月\s*){month}(?P<d{n}>\d{{1,2}})\s*[日号]"
_TYPED_DAY = r"(?<!\d)(?:(?P<Y{n}>\d{{4}})\s*[./-]\s*)?(?P<M{n}>\d{{1,2}})\s*[./-]\s*(?P<D{n}>\d{{1,2}})(?!\d)"
_RANGE = (f"(?:{_WRITTEN_DAY.format(n=1, month='')}|{_TYPED_DAY.format(n=1)})"
          r"\s*(?:起|开始)?\s*[，,]?\s*(?:至|到|—|－|-|~|～|–)+\s*(?P<next>次年|翌年|来年|明年)?\s*"
          f"(?:{_WRITTEN_DAY.format(n=2, month='?')}|{_TYPED_DAY.format(n=2)})")
# What the period is called: 公示期, 公示时间, 公示期限, 公示日期, and as many notices say it, 公示起止时间, 公示时限, 公示时段,
# 公示的时间, 「予以公示，时间从…」 (hostile pass 34: these were not read, and the names stayed past the day told).
_RANGE_ANYWHERE = re.compile(_RANGE)
_STATED = re.compile(r"公示(?:起止|起讫|的|[，,]\s*)?(?:期|时间|时限|时段|期限|日期)[^。；;\n]{0,20}?" + _RANGE)
# … the days before the word: 「自2026年11月19日至11月25日进行公示」, 「在11月19日至25日公示期间」, 「…至…在湖三村公示栏公示」;
# never a range followed by anything else (「11月1日至15日受理申请，现予公示」: those are not the 公示's days), nor one of an
# earlier 公示 (「对2026年10月1日至10月31日公示的名单更正如下」, 「已于…公示」): its whole date, then this 公示.
_STATED_BEFORE = re.compile(r"(?<![\d年月日号./-])(?<!已于)(?<!曾于)(?<!对)" + _RANGE
                            + r"\s*止?\s*(?:在[^。；;，,\n]{0,20}?)?(?:进行|予以|张榜|张贴)?公示(?![的过])")
# … or its last day alone: 「公示截止时间为2026年11月25日」, 「公示截止日期：11月25日」, 「公示到期日：…」, 「公示期至…止」,
# 「公示期限截止到11月25日」 (hostile pass 37: not read).
# (fortieth session) also from the day it went up, named by a word, to a day (「公示期：即日起至9月10日」, 「公示时间自发布之日起
# 至…止」), and a length with the days in brackets after it (「公示7个工作日（9月3日—9月11日）」): not read, the names
# stayed past the day told
_FROM_NOW = r"(?:自|从)?\s*(?:即日|今日|当日|(?:发布|公布|公示|公告|张贴|印发)之?日)\s*(?:起|开始)?\s*[，,]?\s*(?:至|到)"
_STATED_END = re.compile(r"公示(?:期|时间|期限|日期)?(?:(?:截止|截至|结束|期满|到期|至|到)(?:到|至)?(?:时间|日期|日)?(?:为|是)?[：:]?"
                         rf"|(?:为|是)?[：:]?\s*{_FROM_NOW})\s*"
                         f"(?:{_WRITTEN_DAY.format(n=2, month='')}|{_TYPED_DAY.format(n=2)})")
_STATED_AFTER_LENGTH = re.compile(r"公示(?:期|时间|期限)?(?:为|是)?[：:]?\s*(?:\d+|[一二两三四五六七八九十]+)\s*个?(?:工作日|自然日|日|天)"
                                  r"\s*[（(]\s*" + _RANGE + r"\s*[）)]?")


@dataclass(frozen=True)
class StatedPeriod:
    """A 公示 period the record's 正文 tells the public: its last day and the words that say it."""

    end: dt.date
    text: str


def stated_notice_period(record: Record, calendar: WorkdayCalendar | None = None) -> StatedPeriod | None:
    """The period the record's 正文 states (_STATED, _STATED_BEFORE, _STATED_END, and with *calendar* its length,
    _counted_periods), the one ending first when it states several; None when it states none a date can be read from
    (_stated_end: a year left out). Raises CalendarMissing when a length in working days runs into a year *calendar*
    has no data for."""
    if not record.body or record.published is None or "公示" not in record.body:
        return None
    typed = as_typed(record.body)
    text, at = _in_digits(typed)
    found: list[StatedPeriod] = []
    for match in (*_STATED.finditer(text), *_STATED_BEFORE.finditer(text), *_STATED_END.finditer(text),
                  *_STATED_AFTER_LENGTH.finditer(text)):
        try:
            end = _stated_end(match, record.published)
        except ValueError:
            continue  # no such day (2月30日): nothing read
        found.append(StatedPeriod(end, typed[at[match.start()]:at[match.end()]]))
    if calendar is not None:
        found += [StatedPeriod(end, typed[at[start]:at[stop]].strip())
                  for end, start, stop in _counted_periods(text, record.published, calendar)]
    return min(found, key=lambda p: p.end, default=None)


# The period told as a length (hostile pass 37: not read, the names stayed up to a longer 公示期 with no GK420):
# 「公示期为5个工作日」, 「现予公示，为期一周」, 「进行为期7天的公示」 (model.deadline.notice_period reads the length), from the
# 公开日期 or the day it says the 公示 starts, 「自2026年11月18日起公示5个工作日」. A sentence giving the days themselves
# is read by _STATED, and the length of an earlier 公示 (「经公示7个工作日无异议」, 「已公示」) is not this one's.
_SENTENCE = re.compile(r"(?:[^；;\n.]|\.(?=\d))+")  # as_typed wrote 。 as .: a full stop, unless in 2026.11.18
_COUNT_STARTS = re.compile(r"(?:自|从)\s*" + f"(?:{_WRITTEN_DAY.format(n=1, month='')}|{_TYPED_DAY.format(n=1)})")
_EARLIER_NOTICE = re.compile(r"[经已]\s*(?:过\s*)?公示")
# 「公示时间不少于5个工作日」 tells the least, not the last day: the registered period (7) keeps it
_AT_LEAST = re.compile(r"不少于|不得少于|至少|不低于|以上")
# 「现予公示，为期7天」: the length after a comma (model.deadline reads it when it follows the word)
_LENGTH_APART = re.compile(r"为期\s*(?:\d+|[一二两三四五六七八九十]+)\s*个?(?:工作日|自然日|日|天|周|星期)")


def _counted_periods(text: str, published: dt.date, calendar: WorkdayCalendar) -> Iterator[tuple[dt.date, int, int]]:
    """(last day, start, end in *text*) of each sentence of *text* that tells the 公示's length."""
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group(0)
        if ("公示" not in words or _EARLIER_NOTICE.search(words) or _RANGE_ANYWHERE.search(words)
                or _AT_LEAST.search(words)):
            continue
        apart = _LENGTH_APART.search(words)
        length = notice_period(words) or (notice_period("公示" + apart.group(0)) if apart else None)
        if length is None or length[0] < 1:
            continue
        start = _count_start(words, published)
        days, workdays = length
        end = last_working_day(start, days, calendar) if workdays else start + dt.timedelta(days=days - 1)
        yield end, sentence.start(), sentence.end()


def _count_start(words: str, published: dt.date) -> dt.date:
    """The day a 公示 told as a length starts: the one its sentence names (「自11月18日起」), else its 公开日期."""
    named = _COUNT_STARTS.search(words)
    if named is None:
        return published
    found = named.groupdict()
    y, m, d = (found.get(g) or found.get(g.upper()) for g in ("y1", "m1", "d1"))
    try:
        return dt.date(int(y), int(m or 0), int(d or 0)) if y else _nearest(int(m or 0), int(d or 0), published)
    except ValueError:  # no such day: counted from the 公开日期
        return published


# The days of a period in Chinese numerals, as a notice printed from an older template or typed by a village clerk
# writes them: 「公示期：二〇二六年十一月二十七日至十二月七日」 (thirty-seventh session: not read, the names stayed up past
# the day the public was told). Each numeral year, month and day is read as its digits before the patterns above.
_NUMERAL_PART = re.compile(r"[〇零○Ｏ一二三四五六七八九]{4}(?=\s*年)|[一二三]?十[一二三四五六七八九]?(?=\s*[月日号])"
                           r"|(?<![一二三四五六七八九十])[一二三四五六七八九](?=\s*[月日号])")


def _in_digits(text: str) -> tuple[str, list[int]]:
    """*text* with the numeral years, months and days of its dates in digits, and for each position of the result
    (and its end) the position in *text* it comes from."""
    if _NUMERAL_PART.search(text) is None:
        return text, list(range(len(text) + 1))
    parts: list[str] = []
    at: list[int] = []
    done = 0
    for match in _NUMERAL_PART.finditer(text):
        parts.append(text[done:match.start()])
        at.extend(range(done, match.start()))
        numeral = match.group(0)
        digits = (str(chinese_number(numeral)) if len(numeral) < 4
                  else "".join(str(chinese_number(c) or 0) for c in numeral))
        parts.append(digits)
        at.extend([match.start()] * len(digits))
        done = match.end()
    parts.append(text[done:])
    at.extend(range(done, len(text) + 1))
    return "".join(parts), at


def _stated_end(match: re.Match[str], published: dt.date) -> dt.date:
    """The last day a match of _STATED, _STATED_BEFORE or _STATED_END says; raises ValueError for a day that does not
    exist. A year left out is the start's, else the one that puts the start nearest the 公开日期 (「公示期：1月5日至1月11日」
    written on 30 December is next year's); an end alone before the 公开日期 by up to two months without a year is in
    the next year (「公示截止1月8日」 written on 28 December)."""
    found = match.groupdict()
    y1, m1, d1, y2, m2, d2 = (found.get(g) or found.get(g.upper()) for g in ("y1", "m1", "d1", "y2", "m2", "d2"))
    if d1 is None:  # the last day alone (_STATED_END): its month is written
        end = dt.date(int(y2 or published.year), int(m2 or 0), int(d2 or 0))
        if not y2 and end < published and end.replace(year=end.year + 1) - published <= dt.timedelta(days=61):
            end = end.replace(year=end.year + 1)
        return end
    start = dt.date(int(y1), int(m1 or 0), int(d1)) if y1 else _nearest(int(m1 or 0), int(d1), published)
    # 「12月30日至次年1月11日」 (hostile pass 36: not read, the names stayed up to a longer 公示期)
    end_year = int(y2) if y2 else start.year + (1 if found.get("next") else 0)
    end = dt.date(end_year, int(m2 or start.month), int(d2 or 0))
    if end < start and m2 and not y2:  # 12月28日至1月8日
        end = end.replace(year=end.year + 1)
    return end


def _nearest(month: int, day: int, published: dt.date) -> dt.date:
    """The day *month*/*day* nearest *published*: a 公示 starts about when it is published, so 「1月5日」 in a notice of 30
    December is the next January (hostile pass 36: read as the January before, the list was over before it was
    published and never shown on any channel). Raises ValueError when the day does not exist in *published*'s year."""
    same = dt.date(published.year, month, day)
    years = [same]
    for year in (published.year - 1, published.year + 1):
        try:
            years.append(same.replace(year=year))
        except ValueError:  # 29 February
            continue
    return min(years, key=lambda d: abs(d - published))


def declared_notice_end(record: Record, calendar: WorkdayCalendar) -> dt.date | None:
    """The last day of the record's 公示 as it declares it: 公示截止, or the 公示期-th working day counting 公开日期 as
    the first; with both, the earlier (a list comes down on the first day either says: GK416 reports the two apart).
    A period its 正文 tells the public that ends earlier ends it then too: the names never stay up past the day the
    public was told (GK420 reports the two apart); with no 公示期 or 公示截止, that period is the one.

    None when the record declares no period, in its fields or its 正文. Raises CalendarMissing when the working days
    of the period fall in a year *calendar* has no data for.
    """
    written = written_notice_end(record, calendar)
    stated = stated_notice_period(record, calendar)
    if written is None:
        # no 公示期 or 公示截止 (GK411), but the 正文 tells the public the days: the list is up as long as it was told
        # (hostile pass 37: it came down after its 公开日期, the page saying 「公示已于（公开日期）结束」 against the notice)
        return None if stated is None else stated.end
    return written if stated is None else min(written, stated.end)


def written_notice_end(record: Record, calendar: WorkdayCalendar) -> dt.date | None:
    """The last day of the record's 公示 as its fields write it (公示截止, 公示期; the earlier of the two), not its 正文.
    Raises CalendarMissing as declared_notice_end does."""
    counted = None
    if record.notice_days is not None and record.published is not None:
        counted = last_working_day(record.published, record.notice_days, calendar)
    return min((day for day in (record.notice_until, counted) if day is not None), default=None)


def last_working_day(published: dt.date, days: int, calendar: WorkdayCalendar) -> dt.date:
    """The last day of a 公示 of *days* working days published on *published*: its 公开日期 counts as the first when
    it is a working day, else the next working day does. Raises CalendarMissing as declared_notice_end does."""
    first = calendar.on_or_after(published)
    return calendar.add(first, days - 1)  # 公示期 ≥ 1 (the model); add(first, 0) is first


def ends_before_publication(record: Record) -> bool:
    """公示截止 before 公开日期: a slip (GK419) whose list is never shown."""
    return record.notice_until is not None and record.published is not None and record.notice_until < record.published


def over_before_publication(record: Record, calendar: WorkdayCalendar) -> bool:
    """The 公示 ended before the record's 公开日期, by its 公示截止 (GK419) or by the period its 正文 tells the public
    (GK420: the board's 公示 of 11月16日至20日 registered for the web on the 23rd): its list is never shown, not even
    on its 公开日期 (hostile pass 34: it was, on the web and the board, days after the public was told it had ended).
    A period told as a length is counted as declared_notice_end counts it (「自2026年11月10日起公示5个工作日」: hostile
    pass 37, review: the names were shown on the 公开日期 of the 23rd, where the same days as a range were not); in a
    year without a holiday notice, provisionally (safe_notice_end)."""
    if ends_before_publication(record):
        return True
    try:
        stated = stated_notice_period(record, calendar.provisional())
    except CalendarMissing:  # not even a provisional count: the days the 正文 writes out
        stated = stated_notice_period(record)
    return stated is not None and record.published is not None and stated.end < record.published


def notice_end(record: Record, calendar: WorkdayCalendar) -> dt.date | None:
    """The last day of the record's 公示 (declared_notice_end), a year after its 公开日期 at the latest
    (LONGEST_NOTICE), its 公开日期 when it declares an end before that.

    None when the record declares no period. Raises CalendarMissing as declared_notice_end does.
    """
    declared = declared_notice_end(record, calendar)
    if declared is None or record.published is None:
        return declared
    if declared < record.published:
        # 公示截止 before 公开日期 is a slip (GK419: 2026-08-30 for 2026-09-30): the page cannot say the 公示 ended before
        # it was published, so it ends on its 公开日期 — already over that day (standing): the list is never shown
        return record.published
    return min(declared, latest_notice_end(record.published))


def safe_notice_end(record: Record, calendar: WorkdayCalendar) -> tuple[dt.date | None, bool]:
    """notice_end, and whether it is provisional (暂定): a 公示 running into a year without a notice yet (one
    published in late December) ends on its provisional day, from weekends and the statutory holidays, and says so
    wherever the day is shown. Only where not even that can be computed does it end on its 公开日期: a list never
    stays up on a guess.
    """
    try:
        return notice_end(record, calendar), False
    except CalendarMissing:
        pass
    try:
        return notice_end(record, calendar.provisional()), True
    except CalendarMissing:
        return record.published, True
