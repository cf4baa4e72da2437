"""What to take down by hand: a post, a sheet on the board or a 电子屏 slide no build can remove by itself.

When a 公示 ends or a record is withdrawn, the run for the channel that carried it lists it, with the day from
which it must be gone and why, so the clerk removes it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from gongkai.catalog import Catalog
from gongkai.days import chinese_day
from gongkai.errors import UsageProblem
from gongkai.gate import Gate, Output, State
from gongkai.holidays import calendar_of
from gongkai.model import Item, Record
from gongkai.publication import effective_channels, is_notice, outputs_of, safe_notice_end
from gongkai.workdays import WorkdayCalendar


@dataclass(frozen=True)
class Takedown:
    """Something to remove from a channel: a 公示 that ended or a record withdrawn, with the day and the reason."""

    record_id: str
    title: str  # as the notices name it: masked (gate._withdrawn), or as an earlier run posted it
    unit: str | None  # the unit whose board carried it (None: an article an earlier run made)
    day: dt.date
    reason: str

    @classmethod
    def of(cls, record: Record, day: dt.date, reason: str) -> Takedown:
        return cls(record.id, record.title, record.unit, day, reason)


def cn_day(day: dt.date) -> str:
    """2026年12月7日."""
    return chinese_day(day)


def ended(end: dt.date, provisional: bool = False) -> str:
    """Why a 公示 comes down: it ended on *end* — counted on the provisional calendar of a year without a holiday
    notice yet, it says so, as the 两馆's 目录表 does (the notice, once entered, may put the day later)."""
    return f"公示已于{cn_day(end)}结束" + ("，按暂定的节假日安排计算，录入通知后以正式安排为准" if provisional else "")


def standing_day(end: dt.date, today: dt.date) -> dt.date:
    """The day a print or 公众号 run decides what stands on: the day of the run, or --to when it is later (sheets made
    ahead for a posting). Never an earlier --to: a run for past days would post again a list whose 公示 has ended, or
    a record withdrawn, since --to."""
    return max(end, today)


def check_days(start: dt.date, end: dt.date) -> None:
    """Refuse --from after --to, saying that --to is today when it was not written (sheets made ahead need it)."""
    if start > end:
        raise UsageProblem(f"--from {start} 晚于 --to {end}（不写 --to 时就是今天）：请写明从哪天到哪天，"
                           f"如 --from {start} --to {start + dt.timedelta(days=30)}")


def gone_from(catalog: Catalog, gate: Gate, output: Output) -> list[Takedown]:
    """Everything *output* had to lose by the gate's day, each on the day the rule says: 公示 over (the day after its
    end), records withdrawn (their 撤回日期), records held back since a file they show came down with one of those (the
    run adds what an earlier run posted, then puts all in_order)."""
    found = []
    for admission in gate.to(output):
        if admission.state is State.ENDED and admission.notice_end is not None:
            day = admission.notice_end + dt.timedelta(days=1)
            found.append(Takedown.of(admission.record, day, ended(admission.notice_end, admission.notice_provisional)))
    calendar = calendar_of(catalog)
    for record in gate.withdrawn:
        item = catalog.items.get(record.item or "")
        if output in outputs_of(effective_channels(record, item)) and (down := _withdrawn(record, item, calendar)):
            found.append(down)
    for admission, day, why in gate.shared_down:  # held back since a file it shows came down with another record
        if admission.reaches(output):
            found.append(Takedown.of(admission.record, day, why))
    return found


def _withdrawn(record: Record, item: Item | None, calendar: WorkdayCalendar) -> Takedown | None:
    """A withdrawn record to take down from its 撤回日期 — or, a 公示 whose period ended before it was withdrawn, from the
    day after its end, as every 公示 that ends (the list was due down then; a later withdrawal does not extend it).
    None when it was never out (withdrawn before its 公开日期)."""
    withdrawn = record.withdrawn
    if withdrawn is None or record.published is None or record.published > withdrawn.date:
        return None
    why = f"撤回：{withdrawn.reason}"
    end, provisional = (None, False)
    if is_notice(record, item):
        end, provisional = safe_notice_end(record, calendar)
        end = end or record.published
    if end is not None and end + dt.timedelta(days=1) < withdrawn.date:
        return Takedown.of(record, end + dt.timedelta(days=1),
                           f"{ended(end, provisional)}，{cn_day(withdrawn.date)}又{why}")
    return Takedown.of(record, withdrawn.date, why)


def in_order(found: list[Takedown]) -> list[Takedown]:
    """What to take down as the clerk reads it: by day, then id."""
    return sorted(found, key=lambda t: (t.day, t.record_id))
