"""The State Council's holiday notice as published — text pasted from gov.cn — read into a Notice.

    国务院办公厅关于2026年部分节假日安排的通知
    国办发明电〔2025〕7号
    一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
    国务院办公厅
    2025年11月4日

Every line numbered 「一、名称：」 is an arrangement and must read in full; any other line that carries a date must be
the signature. Weekdays, lunar dates and 「共N天」 written in the text are checked against the dates.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from gongkai.workdays.notice import FieldPath, Notice, NoticeHoliday, notice_problems
from gongkai.workdays.published_text import (
    COUNT,
    EXTRA,
    ISSUED,
    ITEM,
    LOOSE_DATE,
    META,
    NUMBER,
    OFF,
    ONE_DATE,
    QUIET,
    TITLE,
    WORK,
    WRITTEN_ON,
    Span,
    normalize,
)
from gongkai.workdays.remarks import RemarkError, check_remark, day_text

UNREADABLE, INCONSISTENT = "GK803", "GK804"
_OFF_FORM = "放假安排写作「1月1日（周四）至3日（周六）放假调休，共3天」或「6月10日放假，与周末连休」"
_WORK_FORM = "上班日写作「2月14日（周六）、2月28日（周六）上班」"


@dataclass(frozen=True)
class TextProblem:
    """A place in the notice text that cannot be read (GK803) or contradicts itself (GK804)."""

    code: str
    line: int
    column: int
    message: str
    hint: str


@dataclass(frozen=True)
class PublishedNotice:
    """What was read: the notice (None whenever anything is wrong), every problem, and the arrangement lines."""

    notice: Notice | None
    problems: tuple[TextProblem, ...]
    arrangements: tuple[str, ...] = ()


class _Unreadable(Exception):
    def __init__(self, column: int, message: str, hint: str) -> None:
        super().__init__(message)
        self.column, self.message, self.hint = column, message, hint


@dataclass
class _Dates:
    """The year and month a date without them takes: the previous date's in the same sentence."""

    year: int
    month: int | None = None


@dataclass
class _Reader:
    """Reads the arrangement lines one by one, collecting days, their positions and every problem."""

    year: int
    problems: list[TextProblem] = field(default_factory=list)
    holidays: list[NoticeHoliday] = field(default_factory=list)
    makeup: list[dt.date] = field(default_factory=list)
    positions: dict[FieldPath, tuple[int, int]] = field(default_factory=dict)
    line: int = 0

    def report(self, code: str, column: int, message: str, hint: str) -> None:
        self.problems.append(TextProblem(code, self.line, column, message, hint))

    def item(self, match: re.Match[str]) -> None:
        name, body = match.group("name").strip(), Span(match.group("body"), match.start("body") + 1)
        read_off = False
        for sentence in body.parts("。"):
            if sentence.text.startswith("鼓励"):  # advice to employers (2024: 除夕), not an arrangement
                continue
            if "上班" in sentence.text:
                self.work(sentence)
            elif "放假" in sentence.text:
                self.off(sentence, name, match.start("name") + 1)
                read_off = True
            else:
                raise _Unreadable(sentence.column, f"读不懂「{sentence.text}」", f"{_OFF_FORM}；{_WORK_FORM}")
        if not read_off:
            raise _Unreadable(body.column, f"「{name}」没有写放假日期", _OFF_FORM)

    def off(self, sentence: Span, name: str, name_column: int) -> None:
        clauses = sentence.parts("，,")
        first = clauses[0]
        match = OFF.match(first.text)
        if match is None:
            raise _Unreadable(first.column, f"读不懂放假安排「{first.text}」", _OFF_FORM)
        dates = _Dates(self.year)
        ranges = [self.range(match, first, dates)]
        count = (int(match.group("count")), first.at(match.start("count"))) if match.group("count") else None
        for clause in clauses[1:]:
            if clause.text in QUIET:
                continue
            if found := COUNT.match(clause.text):
                count = int(found.group("count")), clause.column
            elif found := EXTRA.match(clause.text):
                ranges.append(self.range(found, clause, dates))
            else:
                raise _Unreadable(clause.column, f"读不懂「{clause.text}」", _OFF_FORM)
        self.check_count(count, ranges)
        for start, start_column, end, end_column in ranges:
            self.add_holiday(name, name_column, (start, start_column), (end, end_column))

    def range(self, match: re.Match[str], span: Span, dates: _Dates) -> tuple[dt.date, int, dt.date, int]:
        start, start_column = self.date(match, "a", span, dates)
        if match.group("bd") is None:
            return start, start_column, start, start_column
        end, end_column = self.date(match, "b", span, dates)
        if end < start:
            raise _Unreadable(end_column, f"结束日期 {day_text(end)} 早于开始日期 {day_text(start)}",
                              "跨年的日期要写明年份，如「2022年12月31日至2023年1月2日」")
        return start, start_column, end, end_column

    def date(self, match: re.Match[str], tag: str, span: Span, dates: _Dates) -> tuple[dt.date, int]:
        year, month, number = (match.group(tag + part) for part in "ymd")
        column = span.at(match.start(tag + ("y" if year else "m" if month else "d")))
        dates.year = int(year) if year else dates.year
        dates.month = int(month) if month else dates.month
        if dates.month is None:
            raise _Unreadable(column, f"「{number}日」没有写月份", "写成「1月3日」")
        try:
            day = dt.date(dates.year, dates.month, int(number))
        except ValueError:
            raise _Unreadable(column, f"日期不存在：{dates.year}年{dates.month}月{number}日", "核对通知原文") from None
        remark = match.group(tag + "r")
        if remark is not None:
            self.remarks(Span(remark, span.at(match.start(tag + "r"))), day)
        return day, column

    def remarks(self, remark: Span, day: dt.date) -> None:
        for part in remark.parts("、，,"):
            try:
                check_remark(part.text, day)
            except RemarkError as exc:
                if not exc.inconsistent:
                    raise _Unreadable(part.column, exc.message, exc.hint) from None
                self.report(INCONSISTENT, part.column, exc.message, exc.hint)

    def check_count(self, count: tuple[int, int] | None, ranges: list[tuple[dt.date, int, dt.date, int]]) -> None:
        days = sum((end - start).days + 1 for start, _, end, _ in ranges)
        if count is not None and count[0] != days:
            first, last = ranges[0][0], ranges[-1][2]
            self.report(INCONSISTENT, count[1], f"写的是共{count[0]}天，但 {day_text(first)} 至 {day_text(last)} 放假{days}天",
                        "核对通知原文的起止日期和天数")

    def add_holiday(self, name: str, name_column: int, start: tuple[dt.date, int], end: tuple[dt.date, int]) -> None:
        last = self.holidays[-1] if self.holidays else None
        if last is not None and last.name == name and last.end + dt.timedelta(days=1) == start[0]:
            self.holidays[-1] = last.model_copy(update={"end": end[0]})  # 补休 right after the holiday
        else:
            self.holidays.append(NoticeHoliday.model_validate({"名称": name, "开始": start[0], "结束": end[0]}))
            self.positions[("放假", len(self.holidays) - 1, "名称")] = (self.line, name_column)
            self.positions[("放假", len(self.holidays) - 1, "开始")] = (self.line, start[1])
        self.positions[("放假", len(self.holidays) - 1, "结束")] = (self.line, end[1])

    def work(self, sentence: Span) -> None:
        dates = _Dates(self.year)
        for clause in sentence.parts("，,"):
            match = WORK.match(clause.text)
            if match is None:
                raise _Unreadable(clause.column, f"读不懂「{clause.text}」", _WORK_FORM)
            for piece in Span(match.group("dates"), clause.column).parts("、"):
                found = ONE_DATE.match(piece.text)
                if found is None:
                    raise _Unreadable(piece.column, f"读不懂上班日期「{piece.text}」", _WORK_FORM)
                day, column = self.date(found, "a", piece, dates)
                self.makeup.append(day)
                self.positions[("调休上班", len(self.makeup) - 1)] = (self.line, column)


def read_published(text: str, year: int | None = None) -> PublishedNotice:
    """Read a holiday notice as published; *year* stands in for (or must agree with) the year in its title."""
    lines = normalize(text).splitlines()
    title, found_year, problems = _title(lines, year)
    if found_year is None:
        return PublishedNotice(None, tuple(problems))
    reader = _Reader(found_year, problems)
    arrangements = _arrangements(lines, reader)
    number, issued = _number(lines), _issued(lines, reader)
    if not arrangements and not reader.problems:
        reader.line = 1
        reader.report(UNREADABLE, 1, "没有找到放假安排", "粘贴通知全文：放假安排是以「一、元旦：」这样的序号和节日名称开头的各行")
    notice = Notice.model_validate({"年度": found_year, "通知": title, "文号": number, "发布日期": issued,
                                    "放假": reader.holidays, "调休上班": reader.makeup})
    for problem in notice_problems(notice):
        line, column = reader.positions.get(problem.field, (1, 1))
        reader.problems.append(TextProblem(INCONSISTENT, line, column, problem.message, problem.hint))
    found = tuple(sorted(reader.problems, key=lambda p: (p.line, p.column)))
    return PublishedNotice(None if found else notice, found, arrangements)


def _arrangements(lines: list[str], reader: _Reader) -> tuple[str, ...]:
    read: list[str] = []
    for number, line in enumerate(lines, start=1):
        reader.line = number
        item = ITEM.match(line)
        if item is not None:
            held = len(reader.holidays), len(reader.makeup)
            try:
                reader.item(item)
            except _Unreadable as exc:  # what this line gave so far is dropped with it
                del reader.holidays[held[0]:], reader.makeup[held[1]:]
                reader.report(UNREADABLE, exc.column, exc.message, exc.hint)
            read.append(line.strip())
        elif META.match(line) or ISSUED.match(line) or TITLE.match(line):
            continue
        elif loose := LOOSE_DATE.search(line):
            reader.report(UNREADABLE, loose.start() + 1,
                          "这一行写有日期，却不是以「一、元旦：」这样的序号和节日名称开头的放假安排",
                          "若是上一行在粘贴时断开了，把它接回上一行；否则删去这一行")
    return tuple(read)


def _title(lines: list[str], year: int | None) -> tuple[str, int | None, list[TextProblem]]:
    for number, line in enumerate(lines, start=1):
        match = TITLE.match(line)
        if match is None:
            continue
        titled = int(match.group("year"))
        if year is not None and year != titled:
            return "", None, [TextProblem(UNREADABLE, number, match.start("year") + 1,
                                          f"标题中的年份是{titled}年，与 --year {year} 不一致", "核对通知标题，或改正 --year")]
        return match.group("title").strip(), titled, []
    if year is None:
        return "", None, [TextProblem(UNREADABLE, 1, 1,
                                      "找不到通知标题（国务院办公厅关于XXXX年部分节假日安排的通知），无法确定年份",
                                      "粘贴通知全文（含标题），或用 --year 写明年份，如 --year 2027")]
    return f"国务院办公厅关于{year}年部分节假日安排的通知", year, []


def _number(lines: list[str]) -> str | None:
    for line in lines:
        match = NUMBER.search(line)
        if match is not None:
            return f"{match.group('org')}〔{match.group('year')}〕{match.group('no')}号"
    return None


def _issued(lines: list[str], reader: _Reader) -> dt.date | None:
    """The date the notice is signed on: the last line that is a date and nothing else."""
    signed = [(number, m) for number, line in enumerate(lines, start=1) if (m := ISSUED.match(line))]
    if not signed:  # no signature pasted: the 成文日期 of gov.cn's table above the text is the same day
        signed = [(number, m) for number, line in enumerate(lines, start=1) if (m := WRITTEN_ON.search(line))]
    if not signed:
        return None
    reader.line, last = signed[-1]
    try:
        return dt.date(int(last.group("y")), int(last.group("m")), int(last.group("d")))
    except ValueError:
        reader.report(UNREADABLE, last.start("y") + 1, f"落款日期不存在：「{last.group(0).strip()}」", "核对通知原文的落款日期")
        return None
