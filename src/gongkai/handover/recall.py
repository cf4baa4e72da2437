"""撤换: records the 两馆 already hold that were later withdrawn (撤回) or replaced (被替代).

The 两馆 take a copy out of their holdings only on a formal letter (闽政办函〔2016〕42号), so each such record is
put once into the next handover's 撤换公函, and that batch's ledger remembers it (撤换) so no later batch asks again.
Records come from the gate like everything else that leaves the building: *known* is what it admitted on the
batch's day and what it reported withdrawn by then, and which of those admitted replaced which (gate.replacements).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from gongkai.gate import Gate
from gongkai.gate.replacements import Replacements
from gongkai.model import vocab
from gongkai.model.ledger import Ledger, holdings
from gongkai.model.record import Record
from gongkai.privacy.mask import mask_text
from gongkai.publication.channels import Output

WITHDRAW, REPLACE, UPDATE = "撤回", "替代", "更换"
UPDATE_REASON = "送交后文件已修改，以随本批送交的新版本替换原件"


@dataclass(frozen=True)
class Recall:
    """One handed-over record the letter asks the 两馆 to withdraw or replace."""

    record: Record
    action: str  # 撤回, 替代, or 更换 (its file changed after it was sent: the new version travels in the batch)
    date: dt.date  # when it was withdrawn or replaced
    reason: str
    sent_in: dt.date  # the batch that took it to the 两馆
    sent_before_gongkai: bool  # that batch was recorded afterwards (补登): its day is not the delivery day
    replacement: Record | None = None
    replacement_sent: dt.date | None = None  # the batch that took the replacement, if one did already
    # the recipients that received its 目录表 entry and none of its files (its list of people kept back: 未送)
    entry_only: frozenset[str] = frozenset()
    # the recipients of the batch that sent it (a 馆 added to gongkai.yaml since holds no copy to take out)
    sent_to: frozenset[str] = frozenset()

    @property
    def replacement_id(self) -> str | None:
        return self.replacement.id if self.replacement is not None else self.record.replaced_by


@dataclass(frozen=True)
class Known:
    """What a letter may name: *records* by 编号, and which of those the 两馆 receive replaced which."""

    records: Mapping[str, Record]
    replacements: Replacements


def known_records(gate: Gate, rejudged: Mapping[str, Record] | None = None) -> Known:
    """The records a letter may name: those the gate admitted on its day, those it reports withdrawn, and the
    handed-over ones since re-judged not 主动公开 (publication.rejudged: only a letter takes a copy out of the 两馆);
    a replacement is one of those the 两馆 receive, chosen as every other output chooses it."""
    records = {**(rejudged or {}), **{r.id: r for r in gate.withdrawn}, **{a.id: a.record for a in gate.admitted}}
    return Known(records, Replacements.of(gate.to(Output.ARCHIVES)))


def due_recalls(known: Known, day: dt.date, ledgers: dict[dt.date, Ledger]) -> list[tuple[Record, str]]:
    """The handed-over records whose 撤换 is due by *day* and was asked in no earlier batch, as (record, action)."""
    earlier = [ledger for date, ledger in sorted(ledgers.items()) if date < day]
    held = holdings(earlier)
    # asked since the copy they hold was sent, by action (a 替代: they keep the original, marked replaced — withdrawn
    # afterwards as published by mistake, it is asked again, to be taken out)
    asked = {(entry.id, entry.action) for ledger in earlier for entry in ledger.recalls
             if ledger.date > held.get(entry.id, ledger.date)}
    due = []
    for record_id in sorted(held):
        record = known.records.get(record_id)
        action = _action(known, record, day) if record is not None else None
        if record is not None and action is not None and (record_id, action) not in asked:
            due.append((record, action))
    return due


def _action(known: Known, record: Record, day: dt.date) -> str | None:
    if not record.is_public:
        return WITHDRAW
    if record.withdrawn_by(day):
        return WITHDRAW
    replaced = replacement_of(known, record)
    if replaced is None and record.replaced_by is None:
        return None
    when = replaced_on(record, replaced)
    return REPLACE if when is not None and when <= day else None


def replacement_of(known: Known, record: Record) -> Record | None:
    """The record that replaces *record*, as the site names it (Replacements.replacing)."""
    found = known.replacements.replacing(record.id, record.replaced_by)
    return found.record if found is not None else None


def replaced_on(record: Record, replacement: Record | None) -> dt.date | None:
    """The day *record* stopped being the version to hold: its 有效性日期, else the replacement's 公开日期.

    A replacement not yet published does not count: the 两馆 would be asked to swap in a copy that does not exist.
    """
    if replacement is not None and (replacement.published is None or not replacement.is_public):
        return None
    days = [d for d in (record.validity_date, replacement.published if replacement else None) if d is not None]
    return max(days, default=None)


def recall_of(known: Known, record: Record, action: str, ledgers: dict[dt.date, Ledger],
              day: dt.date | None = None) -> Recall:
    """The letter's entry for *record*: when and why, the batch that sent it, and its replacement. A record no longer
    主动公开 is withdrawn on *day* (the letter's batch; its re-judgement has no date of its own)."""
    # the batch whose copy is asked back: the last that sent it before the letter's batch (*day*)
    sending = [date for date, ledger in ledgers.items() if record.id in ledger.record_ids()]
    sent_in = max((d for d in sending if day is None or d < day), default=min(sending))
    baseline = ledgers[sent_in].baseline
    entry_only = _entry_only(ledgers[sent_in], record.id)
    sent_to = frozenset(ledgers[sent_in].recipients)
    if action == WITHDRAW and not record.is_public:
        reason = f"公开属性已改为「{record.attribute or '未标识'}」，不应存于馆藏"
        named = record.model_copy(update={"title": mask_text(record.title)[0]})  # as a withdrawn record is named
        return Recall(named, action, day or sent_in, reason, sent_in, baseline, entry_only=entry_only, sent_to=sent_to)
    if action == UPDATE:  # the same record, its new version sent in the letter's own batch (*day*)
        return Recall(record, action, day or sent_in, UPDATE_REASON, sent_in, baseline, record, day, entry_only, sent_to)
    if action == WITHDRAW and record.withdrawn is not None:
        return Recall(record, action, record.withdrawn.date, record.withdrawn.reason, sent_in, baseline,
                      entry_only=entry_only, sent_to=sent_to)
    replacement = replacement_of(known, record)
    when = replaced_on(record, replacement) or record.validity_date or sent_in
    state = record.validity if record.validity and record.validity != vocab.IN_FORCE else "失效"
    reason = f"已被新文件替代（有效性：{state}）"
    went = [d for d, ledger in ledgers.items() if replacement is not None and replacement.id in ledger.record_ids()]
    return Recall(record, action, when, reason, sent_in, baseline, replacement, min(went, default=None), entry_only,
                  sent_to)


def _entry_only(ledger: Ledger, record_id: str) -> frozenset[str]:
    """The recipients of *ledger* that received *record_id*'s 目录表 entry but none of its files (未送)."""
    files = next((sent.files for sent in ledger.records if sent.id == record_id), [])
    if not files:
        return frozenset()
    return frozenset(r for r in ledger.recipients if all(r in f.withheld_from for f in files))
