"""How a record stands on a given day: whether it is out yet, through which channels, and whether its 公示 is over."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gongkai.model import Item, Record
from gongkai.model.vocab import IN_FORCE
from gongkai.publication.channels import Output, effective_channels, outputs_of
from gongkai.publication.periods import is_notice, over_before_publication, safe_notice_end
from gongkai.workdays import WorkdayCalendar


@dataclass(frozen=True)
class Standing:
    """A published record on one day: its channels and outputs, and its 公示 period where it has one."""

    channels: tuple[str, ...]
    outputs: frozenset[Output]
    notice_end: dt.date | None  # the last day of its 公示
    lists_people: bool  # a 公示 or a list of people: never indexed, comes down when the period ends
    ended: bool  # the 公示 is over: the list has left the web
    validity: str = IN_FORCE  # 有效性 on the day: a 失效 dated later is still 有效 until that day
    validity_date: dt.date | None = None  # since when it is not in force, when it is not
    notice_provisional: bool = False  # notice_end counted on the provisional calendar of a year without a notice


def validity_on(record: Record, today: dt.date) -> tuple[str, dt.date | None]:
    """The record's 有效性 on *today*, with the day it took effect: 失效、废止、已修改 count from 有效性日期 (废止日期)
    on, and until then the document is in force; without a date the catalog's word stands (validate asks for one)."""
    if record.validity is None:
        repealed = record.repealed
        return ("废止", repealed) if repealed is not None and repealed <= today else (IN_FORCE, None)
    if record.validity == IN_FORCE:
        return IN_FORCE, None
    since = record.validity_date or record.repealed
    return (record.validity, since) if since is None or since <= today else (IN_FORCE, None)


def lapse(record: Record) -> tuple[str, dt.date] | None:
    """The 有效性 a document takes and the day it takes it, when its file names one (失效、废止、已修改 with 有效性日期 or
    废止日期; 废止日期 alone is 废止): from that day on the site says it is not in force (validity_on)."""
    if record.validity is None:
        return ("废止", record.repealed) if record.repealed is not None else None
    since = record.validity_date or record.repealed
    return None if record.validity == IN_FORCE or since is None else (record.validity, since)


def standing(record: Record, item: Item | None, today: dt.date, calendar: WorkdayCalendar) -> Standing | None:
    """The record's standing on *today*; None when it is not out: not 主动公开, not yet published, or withdrawn."""
    if not record.is_public or record.published is None or record.published > today:
        return None
    if record.withdrawn is not None and record.withdrawn.date <= today:
        return None
    channels = effective_channels(record, item)
    notice = is_notice(record, item)
    end, provisional = safe_notice_end(record, calendar) if notice else (None, False)
    if notice and end is None:
        end = record.published  # a list without a declared period does not stay up: validate asks for one (GK411)
    validity, since = validity_on(record, today)
    # a list not in force comes down the day it lapsed; with no such day (validate: GK413) it was never to be shown
    lapsed = (since or record.published) if validity != IN_FORCE else None
    if end is not None and lapsed is not None:
        end = replaced_list_end(record.published, end, lapsed)
    ended = end is not None and (end < today or over_before_publication(record, calendar)
                                 or (lapsed is not None and lapsed <= record.published))
    return Standing(channels, outputs_of(channels), end, notice, ended, validity, since, provisional)


def replaced_list_end(published: dt.date, end: dt.date, since: dt.date) -> dt.date:
    """The last day of a list of people that stopped being in force on *since* (已修改 by a 更正公示 that replaces it,
    废止, 失效) before its period's *end*: the day before (its 公开日期 at the earliest). A corrected list's names — one
    wrongly listed among them — do not stay up beside the corrected one until the old period ends (DOMAIN.md §12: a
    list comes down when it no longer serves its 公示)."""
    return end if since > end else max(published, since - dt.timedelta(days=1))


def next_change(record: Record, today: dt.date, found: Standing | None) -> dt.date | None:
    """The next day after *today* on which the record's standing changes, if any."""
    days = [record.published] if record.published is not None and record.published > today else []
    if record.withdrawn is not None and record.withdrawn.date > today:
        days.append(record.withdrawn.date)
    if found is not None and found.notice_end is not None and not found.ended:
        days.append(found.notice_end + dt.timedelta(days=1))
    days += [d for d in (record.validity_date, record.repealed) if d is not None and d > today]
    if record.is_public and record.review is not None and record.review.date > today:
        days.append(record.review.date)  # reviewed then: the gate lets it out from that day (publication.review)
    return min(days, default=None)
