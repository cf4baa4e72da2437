"""The State Council's holiday notice as published — text pasted from gov.cn — read into a Notice.

    国务院办公厅关于2026年部分节假日安排的通知
    国办发明电〔2025〕7号
    一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
    二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
    国务院办公厅
    2025年11月4日

Every line numbered 「一、名称：」 is an arrangement and must read in full; any other line that carries a date must be
the signature. Weekdays, lunar dates and 「共N天」 written in the text are checked against the dates.

The reader and what it reads are pydantic models: a WrittenDay must exist, a WrittenRange must not end before it
starts, and their validators say so with the column, which the reader reports as GK803.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from gongkai.model.base import parse_day
from gongkai.workdays.notice import NOTICE_YEARS, FieldPath, Notice, NoticeHoliday, notice_problems
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


class TextProblem(BaseModel):
    """A place in the notice text that cannot be read (GK803) or contradicts itself (GK804)."""

    model_config = ConfigDict(frozen=True)

    code: str
    line: int
    column: int
    message: str
    hint: str


class PublishedNotice(BaseModel):
    """What was read: the notice (None whenever anything is wrong), every problem, and the arrangement lines."""

    model_config = ConfigDict(frozen=True)

    notice: Notice | None
    problems: tuple[TextProblem, ...]
    arrangements: tuple[str, ...] = ()


class _Unreadable(Exception):
    def __init__(self, column: int, message: str, hint: str) -> None:
        super().__init__(message)
        self.column, self.message, self.hint = column, message, hint

    @classmethod
    def of(cls, error: ValidationError) -> _Unreadable:
        """The first failure of a written date or range, where a reader reports it."""
        first = error.errors(include_url=False)[0]
        return cls(first["ctx"]["column"], first["msg"], first["ctx"]["hint"])


def _within_years(day: dt.date, column: int, hint: str) -> dt.date:
    """*day*, or an unreadable date when it lies beyond the years a catalog's dates may (「日期「2200-01-03」不在
    1900—2199 年之间」): the notice's model would refuse it after the reader took it, an internal error."""
    try:
        return parse_day(day)
    except PydanticCustomError as exc:
        raise _unreadable(column, exc.message(), hint) from None


def _unreadable(column: int, message: str, hint: str) -> PydanticCustomError:
    """A written date or range that cannot be read, at *column*; the reader turns it into a GK803 problem."""
    return PydanticCustomError(UNREADABLE, message, {"column": column, "hint": hint})


class _Carry(BaseModel):
    """The year and month a date without them takes: the previous date's in the same sentence."""

    year: int
    month: int | None = None


class WrittenDay(BaseModel):
    """A date as a notice writes it (2018年12月30日, 1月28日, 3日) with the year and month it leaves out filled in."""

    model_config = ConfigDict(frozen=True)

    year: int
    month: int | None
    number: str  # as written: a message quotes it
    column: int

    @model_validator(mode="after")
    def _exists(self) -> Self:
        if self.month is None:
            raise _unreadable(self.column, f"「{self.number}日」没有写月份", "写成「1月3日」")
        try:
            day = dt.date(self.year, self.month, int(self.number))
        except ValueError:
            raise _unreadable(self.column, f"日期不存在：{self.year}年{self.month}月{self.number}日",
                              "核对通知原文") from None
        _within_years(day, self.column, "核对通知原文中的年份")
        return self

    @property
    def date(self) -> dt.date:
        """The day itself."""
        assert self.month is not None  # checked when the model was validated
        return dt.date(self.year, self.month, int(self.number))


class WrittenRange(BaseModel):
    """「1月1日至3日」: two written days, the second not before the first (one day when only one is written)."""

    model_config = ConfigDict(frozen=True)

    start: WrittenDay
    end: WrittenDay

    @model_validator(mode="after")
    def _in_order(self) -> Self:
        if self.end.date < self.start.date:
            raise _unreadable(self.end.column, f"结束日期 {day_text(self.end.date)} 早于开始日期 {day_text(self.start.date)}",
                              "跨年的日期要写明年份，如「2022年12月31日至2023年1月2日」")
        return self

    @property
    def days(self) -> int:
        """How many days off the range holds, both ends included."""
        return (self.end.date - self.start.date).days + 1


class _Reader(BaseModel):
    """Reads the arrangement lines one by one, collecting days, their positions and every problem."""

    year: int
    problems: list[TextProblem] = Field(default_factory=list)
    holidays: list[NoticeHoliday] = Field(default_factory=list)
    makeup: list[dt.date] = Field(default_factory=list)
    positions: dict[FieldPath, tuple[int, int]] = Field(default_factory=dict)
    line: int = 0

    def report(self, code: str, column: int, message: str, hint: str) -> None:
        self.problems.append(TextProblem(code=code, line=self.line, column=column, message=message, hint=hint))

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
        carry = _Carry(year=self.year)
        ranges = [self.range(match, first, carry)]
        count = (int(match.group("count")), first.at(match.start("count"))) if match.group("count") else None
        for clause in clauses[1:]:
            if clause.text in QUIET:
                continue
            if found := COUNT.match(clause.text):
                count = int(found.group("count")), clause.column
            elif found := EXTRA.match(clause.text):
                ranges.append(self.range(found, clause, carry))
            else:
                raise _Unreadable(clause.column, f"读不懂「{clause.text}」", _OFF_FORM)
        self.check_count(count, ranges)
        for written in ranges:
            self.add_holiday(name, name_column, written)

    def range(self, match: re.Match[str], span: Span, carry: _Carry) -> WrittenRange:
        start = self.date(match, "a", span, carry)
        end = start if match.group("bd") is None else self.date(match, "b", span, carry)
        try:
            return WrittenRange(start=start, end=end)
        except ValidationError as exc:
            raise _Unreadable.of(exc) from None

    def date(self, match: re.Match[str], tag: str, span: Span, carry: _Carry) -> WrittenDay:
        year, month, number = (match.group(tag + part) for part in "ymd")
        column = span.at(match.start(tag + ("y" if year else "m" if month else "d")))
        carry.year = int(year) if year else carry.year
        carry.month = int(month) if month else carry.month
        try:
            day = WrittenDay(year=carry.year, month=carry.month, number=number, column=column)
        except ValidationError as exc:
            raise _Unreadable.of(exc) from None
        remark = match.group(tag + "r")
        if remark is not None:
            self.remarks(Span(remark, span.at(match.start(tag + "r"))), day.date)
        return day

    def remarks(self, remark: Span, day: dt.date) -> None:
        for part in remark.parts("、，,"):
            try:
                check_remark(part.text, day)
            except RemarkError as exc:
                if not exc.inconsistent:
                    raise _Unreadable(part.column, exc.message, exc.hint) from None
                self.report(INCONSISTENT, part.column, exc.message, exc.hint)

    def check_count(self, count: tuple[int, int] | None, ranges: list[WrittenRange]) -> None:
        days = sum(written.days for written in ranges)
        if count is not None and count[0] != days:
            first, last = ranges[0].start.date, ranges[-1].end.date
            self.report(INCONSISTENT, count[1], f"写的是共{count[0]}天，但 {day_text(first)} 至 {day_text(last)} 放假{days}天",
                        "核对通知原文的起止日期和天数")

    def add_holiday(self, name: str, name_column: int, written: WrittenRange) -> None:
        start, end = written.start, written.end
        last = self.holidays[-1] if self.holidays else None
        if last is not None and last.name == name and last.end + dt.timedelta(days=1) == start.date:
            self.holidays[-1] = last.model_copy(update={"end": end.date})  # 补休 right after the holiday
        else:
            self.holidays.append(NoticeHoliday.model_validate({"名称": name, "开始": start.date, "结束": end.date}))
            self.positions[("放假", len(self.holidays) - 1, "名称")] = (self.line, name_column)
            self.positions[("放假", len(self.holidays) - 1, "开始")] = (self.line, start.column)
        self.positions[("放假", len(self.holidays) - 1, "结束")] = (self.line, end.column)

    def work(self, sentence: Span) -> None:
        carry = _Carry(year=self.year)
        for clause in sentence.parts("，,"):
            match = WORK.match(clause.text)
            if match is None:
                raise _Unreadable(clause.column, f"读不懂「{clause.text}」", _WORK_FORM)
            for piece in Span(match.group("dates"), clause.column).parts("、"):
                found = ONE_DATE.match(piece.text)
                if found is None:
                    raise _Unreadable(piece.column, f"读不懂上班日期「{piece.text}」", _WORK_FORM)
                day = self.date(found, "a", piece, carry)
                self.makeup.append(day.date)
                self.positions[("调休上班", len(self.makeup) - 1)] = (self.line, day.column)


def read_published(text: str, year: int | None = None) -> PublishedNotice:
    """Read a holiday notice as published; *year* stands in for (or must agree with) the year in its title."""
    lines = normalize(text).splitlines()
    title, found_year, problems = _title(lines, year)
    if found_year is None:
        return PublishedNotice(notice=None, problems=tuple(problems))
    reader = _Reader(year=found_year, problems=problems)
    arrangements = _arrangements(lines, reader)
    number, issued = _number(lines), _issued(lines, reader)
    if not arrangements and not reader.problems:
        reader.line = 1
        reader.report(UNREADABLE, 1, "没有找到放假安排", "粘贴通知全文：放假安排是以「一、元旦：」这样的序号和节日名称开头的各行")
    notice = Notice.model_validate({"年度": found_year, "通知": title, "文号": number, "发布日期": issued,
                                    "放假": reader.holidays, "调休上班": reader.makeup})
    for problem in notice_problems(notice, statutory=not reader.problems):
        line, column = reader.positions.get(problem.field, (1, 1))
        reader.problems.append(TextProblem(code=INCONSISTENT, line=line, column=column, message=problem.message,
                                           hint=problem.hint))
    found = tuple(sorted(reader.problems, key=lambda p: (p.line, p.column)))
    return PublishedNotice(notice=None if found else notice, problems=found, arrangements=arrangements)


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
        if titled not in NOTICE_YEARS:
            return "", None, [TextProblem(code=UNREADABLE, line=number, column=match.start("year") + 1,
                                          message=f"标题中的年份是{titled}年，不在 {NOTICE_YEARS.start}—{NOTICE_YEARS.stop - 1} 年之间",
                                          hint="核对通知标题中的年份")]
        if year is not None and year != titled:
            return "", None, [TextProblem(code=UNREADABLE, line=number, column=match.start("year") + 1,
                                          message=f"标题中的年份是{titled}年，与 --year {year} 不一致",
                                          hint="核对通知标题，或改正 --year")]
        return match.group("title").strip(), titled, []
    if year is None:
        return "", None, [TextProblem(code=UNREADABLE, line=1, column=1,
                                      message="找不到通知标题（国务院办公厅关于XXXX年部分节假日安排的通知），无法确定年份",
                                      hint="粘贴通知全文（含标题），或用 --year 写明年份，如 --year 2027")]
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
        signed_on = dt.date(int(last.group("y")), int(last.group("m")), int(last.group("d")))
    except ValueError:
        reader.report(UNREADABLE, last.start("y") + 1, f"落款日期不存在：「{last.group(0).strip()}」", "核对通知原文的落款日期")
        return None
    try:
        return parse_day(signed_on)
    except PydanticCustomError as exc:
        reader.report(UNREADABLE, last.start("y") + 1, "落款" + exc.message(), "核对通知原文的落款日期")
        return None
