"""What a decision for a day in the past would publish again that today no longer allows.

The gate decides on the day it is given (--today): for a day before the real date it admits a list of people whose
公示 has ended since, and a record withdrawn since. Built and deployed, that site would put the names back on the web
(DOMAIN.md §12: lists come down when the period ends; a record published by mistake leaves every channel). So a
command that publishes for a past day asks here first, and refuses when anything is found.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from gongkai.days import chinese_day as _day
from gongkai.gate.admission import Admission, State
from gongkai.gate.admit import Gate
from gongkai.publication.channels import Output
from gongkai.publication.standing import replaced_list_end


class Republished(NamedTuple):
    """A record the gate admits on its day that the real date no longer lets out: why, and since when."""

    id: str
    title: str
    why: str


def republished(gate: Gate, now: dt.date, outputs: frozenset[Output] = frozenset({Output.WEB})) -> list[Republished]:
    """The records *gate* (decided for a day before *now*) lets out through *outputs* that *now* keeps in: a list of
    people whose 公示 has ended by *now*, a record withdrawn by *now*. Empty when the gate's day is not before *now*."""
    if gate.today >= now:
        return []
    found: list[Republished] = []
    for admission in gate.admitted:
        if not admission.outputs & outputs:
            continue
        # why it is down by *now*: the first thing that took it down (a 公示 withdrawn on 6-22 that would have ended
        # on 6-24 is named withdrawn; a list replaced by its 更正 on 6-19 is named ended on 6-18)
        why: list[tuple[dt.date, str]] = []
        withdrawn = admission.facts.withdrawn  # (not admission.record: at 100,000 records, each file read again)
        if withdrawn is not None and withdrawn <= now:
            why.append((withdrawn, f"已于{_day(withdrawn)}撤回"))
        end = _list_end(admission, now)
        if end is not None and end < now:
            why.append((end + dt.timedelta(days=1), f"公示已于{_day(end)}结束，名单已撤下"))
        if why:
            found.append(Republished(admission.id, admission.facts.title, min(why)[1]))
    return sorted(found)


def _list_end(admission: Admission, now: dt.date) -> dt.date | None:
    """The last day *admission*'s list (current on the gate's day) is up as of *now*: its 公示's end, or the day
    before the list stopped being in force by *now* (已修改 by its 更正, 废止, 失效: publication.standing)."""
    end = admission.notice_end
    if not admission.lists_people or admission.state is not State.CURRENT or end is None:
        return None
    lapsing = admission.facts.lapse
    if lapsing is not None and lapsing[1] <= now:
        return replaced_list_end(admission.facts.published, end, lapsing[1])
    return end


def relapsed(gate: Gate, last: dt.date) -> list[Republished]:
    """The documents *gate* (decided for a day before *last*) shows in force on the web that a site built for *last*
    already labelled not in force (失效、废止、已修改 from a day up to *last*): the deployed site would tell readers a
    lapsed standard applies again. Empty when the gate's day is not before *last*."""
    if gate.today >= last:
        return []
    found: list[Republished] = []
    for admission in gate.admitted:
        lapsing = admission.facts.lapse
        if Output.WEB in admission.outputs and admission.in_force and lapsing is not None and lapsing[1] <= last:
            word, day = lapsing
            found.append(Republished(admission.id, admission.facts.title, f"网站上已标明自{_day(day)}起{word}，会重新显示为有效"))
    return sorted(found)


def published_early(gate: Gate, now: dt.date, outputs: frozenset[Output] = frozenset({Output.WEB})) -> list[Republished]:
    """The records *gate*, decided for a day after *now*, lets out through *outputs* before their 公开日期."""
    if gate.today <= now:  # (nothing it admits is dated after its day)
        return []
    return sorted(Republished(a.id, a.facts.title, f"公开日期是{_day(a.facts.published)}，今天还不能公开")
                  for a in gate.admitted if a.outputs & outputs and a.facts.published > now)


def early(gate: Gate, now: dt.date, outputs: frozenset[Output] = frozenset({Output.WEB})) -> list[Republished]:
    """What *gate*, decided for a day after *now*, does through *outputs* before the law lets it: a record out before
    its 公开日期 (published_early), a list of people taken down while its 公示 still runs on *now*, a document labelled
    not in force before the day it lapses. Empty when the gate's day is not after *now*."""
    if gate.today <= now:  # (every build with a --today in the past: no record is looked at)
        return []
    found = published_early(gate, now, outputs)
    for admission in gate.admitted:
        facts, end, since = admission.facts, admission.notice_end, admission.validity_date
        if not admission.outputs & outputs or facts.published > now:
            continue
        if admission.state is State.ENDED and end is not None and end >= now:
            found.append(Republished(admission.id, facts.title, f"公示到{_day(end)}才结束，名单会提前撤下"))
        elif not admission.in_force and since is not None and since > now:
            found.append(Republished(admission.id, facts.title, f"自{_day(since)}起才{admission.validity}，会提前标明"))
    return sorted(found)
