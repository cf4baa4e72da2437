"""The handover as one library call: check the date, load the calendar, plan the batch."""

from __future__ import annotations

import datetime as dt

from gongkai.catalog import Catalog
from gongkai.days import chinese_day
from gongkai.errors import UsageProblem
from gongkai.handover.plan import Batch, agency_of, plan_handover
from gongkai.publication.schedule import HandoverDay, find_handover, first_nominal, nearest, schedule
from gongkai.holidays import calendar_of
from gongkai.workdays import CalendarMissing, WorkdayCalendar, override_note


def checked_calendar(catalog: Catalog | None) -> WorkdayCalendar:
    """The catalog's strict working-day calendar: a handover is never planned on a provisional (暂定) day."""
    return calendar_of(catalog) if catalog is not None else WorkdayCalendar()


def _days(catalog: Catalog) -> list[int]:
    """The handover days of the month gongkai.yaml sets (never the usual 5th and 20th in place of a broken setting)."""
    return agency_of(catalog).handover.days


def handover_days(catalog: Catalog, year: int) -> list[HandoverDay]:
    """Every handover of *year* by the catalog's settings; a year without a notice is a usage problem."""
    days = _days(catalog)
    try:
        return schedule(year, checked_calendar(catalog), days)
    except CalendarMissing as exc:
        raise UsageProblem(str(exc)) from None


def schedule_note(catalog: Catalog, year: int) -> str:
    """The days of *year* the catalog's calendar/ counts otherwise than chinesecalendar (so the schedule may differ
    from the State Council's notice), in Chinese; empty when none does."""
    return override_note(checked_calendar(catalog).overrides(dt.date(year, 1, 1), dt.date(year, 12, 31)))


def not_yet(day: dt.date, today: dt.date, what: str) -> str:
    """Why a batch dated after *today* cannot be recorded yet: it would claim a delivery that has not happened."""
    return (f"{what}的日期 {day.isoformat()} 晚于今天（{today.isoformat()}）：这一批到 {day.isoformat()} 当天才到期"
            f"（还有 {(day - today).days} 天），届时才能包括到那天为止公开的信息。")


def _ahead_of_the_ledgers(catalog: Catalog, today: dt.date) -> str:
    """Why "today" cannot be right when a batch recorded in the ledgers was delivered after it (a --today typed wrong,
    a computer's clock set back): telling the clerk the batch is not due yet, and the next handover day is one already
    delivered, sent her to --force. Empty when no ledger is later than *today*."""
    later = sorted((ledger.delivered, path) for path, ledger in catalog.models("ledger") if ledger.delivered > today)
    if not later:
        return ""
    delivered, path = later[-1]
    return (f"台账 {path} 记载 {delivered.isoformat()} 已有一批送交两馆，晚于今天（{today.isoformat()}）：今天的日期不对。"
            "请核对 --today 或 GONGKAI_TODAY（不写时用系统日期，也请核对电脑的日期）；"
            "要按台账重新生成已送交的批次，--today 写送交那天或之后的日期。")


def _next_due(today: dt.date, calendar: WorkdayCalendar, days: list[int]) -> str:
    try:
        upcoming = nearest(today - dt.timedelta(days=1), calendar, days)[1]
    except CalendarMissing:
        return ""
    if upcoming is None:
        unknown = _unknown_next(today - dt.timedelta(days=1), calendar, days)
        return f"下一个移交日是 {unknown[0]}。" if unknown else ""
    return f"下一个移交日是 {_describe(upcoming)}。"


def _unknown_next(day: dt.date, calendar: WorkdayCalendar, days: list[int]) -> tuple[str, str] | None:
    """The next handover after *day* when it falls in the next year and that year has no holiday notice (so none was
    found): its nominal day, said to be unsettled, and how to enter the notice. (At the turn of the year the next
    batch is 5 January: 「后一个（无）」 told the bureau there was none.)"""
    year = day.year + 1
    try:
        schedule(year, calendar, days)
    except CalendarMissing as exc:
        return (f"{first_nominal(year, days).isoformat()}（名义日期：{year}年的节假日安排还没有，是否顺延要录入后才能确定）",
                str(exc))
    return None


def date_wanted(catalog: Catalog, today: dt.date) -> str:
    """What `gongkai handover` without --date says: the handover day that is today, else the last and the next by the
    catalog's own days and calendar (节假日顺延), with the command to run — not one fixed example date, which on a day
    after a holiday named neither the batch due nor the year's schedule."""
    calendar, days = checked_calendar(catalog), _days(catalog)
    schedule_hint = f"全年移交日见 gongkai handover schedule --year {today.year}。"
    try:
        due = find_handover(today, calendar, days)
        before, after = nearest(today, calendar, days)
    except CalendarMissing as exc:
        return f"请用 --date 写明移交日期。今天（{today.isoformat()}）是不是移交日还不能确定：{exc}"
    if due is not None:
        return (f"请用 --date 写明移交日期。今天（{today.isoformat()}）是移交日{_moved(due)}："
                f"gongkai handover --date {today.isoformat()}。{schedule_hint}")
    unknown = _unknown_next(today, calendar, days) if after is None else None
    upcoming = unknown[0] if unknown else _describe(after)
    run = f"，到那天运行 gongkai handover --date {after.actual.isoformat()}" if after is not None else ""
    return (f"请用 --date 写明移交日期。今天（{today.isoformat()}）不是移交日（每月{'、'.join(str(d) for d in days)}日，"
            f"节假日顺延）：上一个移交日是 {_describe(before)}，下一个是 {upcoming}{run}。{schedule_hint}")


def _moved(day: HandoverDay) -> str:
    return f"（{day.nominal.month}月{day.nominal.day}日顺延）" if day.moved else ""


def _describe(day: HandoverDay | None) -> str:
    if day is None:
        return "（无）"
    return day.actual.isoformat() + _moved(day)


def prepare(catalog: Catalog, day: dt.date, force: bool = False, allow_incomplete: bool = False,
            today: dt.date | None = None, now: dt.date | None = None, baseline: bool = False) -> Batch:
    """Plan the batch for *day*; refuses a day after *today* or one that is not a handover day, unless forced; and,
    *now* being the real date, a new batch made for an earlier --today that would send a record withdrawn by now.
    Unless planning a *baseline* (补登), a date whose ledger is a baseline is refused: gongkai made no 目录表 for it."""
    calendar = checked_calendar(catalog)
    days = _days(catalog)
    if today is not None and day > today and not force:
        raise UsageProblem(_ahead_of_the_ledgers(catalog, today)
                           or f"{not_yet(day, today, '移交批次')}{_next_due(today, calendar, days)}确需提前生成，请加 --force。")
    try:
        off = not baseline and find_handover(day, calendar, days) is None  # (a baseline's day is the last by hand)
        if off:
            before, after = nearest(day, calendar, days)
            unknown = _unknown_next(day, calendar, days) if after is None else None
            why = (f"{day.isoformat()} 不是移交日（每月{'、'.join(str(d) for d in days)}日，节假日顺延）。"
                   f"最近的移交日：前一个 {_describe(before)}，后一个 {unknown[0] if unknown else _describe(after)}。")
            if not force:
                raise UsageProblem(why + "确需在这天移交，请加 --force。" + (f"\n{unknown[1]}" if unknown else ""))
        batch = plan_handover(catalog, day, calendar, allow_incomplete, today)
    except CalendarMissing as exc:
        raise UsageProblem(str(exc)) from None
    if off and not batch.recorded:
        batch.notes.append(f"{why}按 --force 生成。")
    # made before its day: by --force, or by a --today later than the real date (*now*)
    real = min((d for d in (today, now) if d is not None), default=None)
    if real is not None and day > real and not batch.recorded:
        batch.notes.append(_ahead(batch, real))
    if now is not None and not batch.recorded:
        _refuse_withdrawn_by(batch, now, today or day)
    if batch.by_hand and not baseline:
        raise UsageProblem(
            f"{batch.ledger_path} 是补登的台账（启用 gongkai 之前人工送交两馆，{batch.period}）：gongkai 没有生成过这一批的"
            "目录表和文件，不能「按台账重新生成」——那会是一份两馆从未签收过的目录表。人工送交的原件以两馆签收的纸质目录表为准；"
            "本机关要送交的是以后的批次（gongkai handover schedule 查看移交日）。")
    return batch


def _ahead(batch: Batch, today: dt.date) -> str:
    """What a batch made before its day (--force, or a --today after the real date) says: it is delivered on its day,
    as its ledger records, and the records it holds that are not public yet today must not leave the building before
    their 公开日期 (the 图书馆 lends what it receives to the public)."""
    early = [e.record for e in batch.entries if e.record.published is not None and e.record.published > today]
    lines = "".join(f"\n  {r.id}「{r.title}」：公开日期是{chinese_day(r.published)}" for r in early if r.published)
    return (f"这一批的日期 {batch.date.isoformat()} 晚于今天（{today.isoformat()}），是提前生成的：台账记载"
            f" {batch.date.isoformat()} 送交，请在那天送交两馆。" + (f"其中 {len(early)} 件信息今天还没有公开，不能提前送出：{lines}"
                                                      if early else ""))


def _refuse_withdrawn_by(batch: Batch, now: dt.date, today: dt.date) -> None:
    """A batch is delivered on the real date: made for an earlier --today, it would carry a record withdrawn since
    (the gate of that day still admits it) to the 两馆 — the 图书馆 lends it to the public — and ask for its 撤换 by
    letter afterwards. Refused, naming each. (A list whose 公示 has ended goes to the 两馆 on any day.)"""
    gone = [e.record for e in batch.entries if e.record.withdrawn_by(now)]
    if not gone:
        return
    lines = "\n".join(f"  {r.id}「{r.title}」：已于{chinese_day(r.withdrawn.date)}撤回" for r in gone if r.withdrawn)
    raise UsageProblem(f"按 --today {today.isoformat()} 生成的这一批有今天（{now.isoformat()}）已经撤回的信息，没有生成：\n"
                       f"{lines}\n移交材料今天送出，撤回的信息不能再送交两馆。请按今天的日期生成（去掉 --today）。")
