"""Plan a handover batch: every 主动公开 record the gate admits, published and not yet handed over."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from gongkai.catalog import Catalog
from gongkai.days import chinese_day as _cn
from gongkai.diagnostics import Diagnostic, Location, Severity
from gongkai.errors import UsageProblem
from gongkai.gate import Admission, Gate, Output, admit, held_back, hidden_names, unread_records
from gongkai.handover.lists import list_files, shown_file_name, withheld_remark
from gongkai.handover.recall import UPDATE, Known, Recall, due_recalls, known_records, recall_of, replacement_of
from gongkai.model.agency import Agency, HandoverSettings, Recipient
from gongkai.model.ledger import WITHDRAWN, Ledger, holdings, ledger_path
from gongkai.model.record import Record
from gongkai.privacy import attachment_problem
from gongkai.publication.handover import (
    ALTERED_HINT,
    FORMATS,
    GAP_CODES,
    LEDGER_CUT_RISK,
    LEDGER_DATES_HINT,
    LEDGER_NAME_HINT,
    PUBLISHED_AFTER_HINT,
    RECIPIENT_CLASH_HINT,
    RENUMBERED_HINT,
    altered,
    fingerprint,
    handover_gaps,
    held_marks,
    held_under_another,
    ledger_cut,
    ledger_cut_hint,
    ledger_dates,
    ledger_misnamed,
    published_after,
    recipient_clash,
    rejudged,
    renumbered,
)
from gongkai.publication.schedule import missed, previous
from gongkai.workdays import CalendarMissing, WorkdayCalendar
from gongkai.workdays.days import PROVISIONAL_MARK

EMPTY_NOTE = "本期无主动公开政府信息"
HELD_BACK = "GK507"  # a record of the period that does not pass the gate: named, left for a later batch


@dataclass(frozen=True)
class SendFile:
    """One electronic document of the batch: where it is in the catalog, its name in the bag, its checksum."""

    source: str
    name: str
    format: str
    sha256: str
    holds_list: bool = False  # it holds (or may hold) a list of people: only a 馆 that takes lists receives it
    size: int = 0  # in bytes, for the 目录表's 电子文件清单


@dataclass(frozen=True)
class BatchEntry:
    """One record of the batch with its files and the remarks for the 备注 column."""

    record: Record
    files: tuple[SendFile, ...]
    remarks: tuple[str, ...] = ()
    lists_people: bool = False  # the gate takes it for a list of people (Admission.lists_people)
    notice_end: dt.date | None = None  # the last day of its 公示, when it is a list of people
    running: bool = False  # that 公示 still runs on the batch day
    copies: int = 0  # the paper copies of each document (移交 → 份数)
    notice_provisional: bool = False  # notice_end counted on the 暂定 calendar of a year without a holiday notice
    names: frozenset[str] = frozenset()  # the names of its list (Gate.hidden_names): never to a 馆 that takes no lists

    @property
    def remark(self) -> str:
        return "；".join(self.remarks)

    def keeps_back(self, recipient: Recipient) -> bool:
        """True when *recipient* does not take lists and the record's list goes with it: in a file, or on paper (a
        list with no electronic file still has its paper copy)."""
        return (not recipient.takes_lists and self.lists_people
                and (not self.files or any(f.holds_list for f in self.files)))

    def files_for(self, recipient: Recipient) -> tuple[SendFile, ...]:
        """The files *recipient* receives: all of them, or those holding no list of people (Recipient.takes_lists)."""
        return self.files if recipient.takes_lists else tuple(f for f in self.files if not f.holds_list)

    def withheld_from(self, recipient: Recipient) -> tuple[SendFile, ...]:
        """The files of the record *recipient* does not receive: its list of people."""
        return () if recipient.takes_lists else tuple(f for f in self.files if f.holds_list)

    def paper_for(self, recipient: Recipient) -> int:
        """The paper copies *recipient* receives: as many as electronic, none when its list is all there is."""
        return 0 if self.keeps_back(recipient) and not self.files_for(recipient) else self.copies

    def remark_for(self, recipient: Recipient) -> str:
        """The 备注 of the record in *recipient*'s 目录表: the remarks, and why its list is not there."""
        if not self.keeps_back(recipient):
            return self.remark
        withheld = [shown_file_name(f.name.split("/")[-1], self.names) for f in self.withheld_from(recipient)]
        why = withheld_remark(recipient, withheld, not self.files_for(recipient),
                              self.notice_end if self.running else None, self.notice_provisional)
        return "；".join((*self.remarks, why))


@dataclass
class Batch:
    """What one handover sends to every recipient."""

    date: dt.date
    start: dt.date
    agency: Agency
    entries: list[BatchEntry] = field(default_factory=list)
    recalls: list[Recall] = field(default_factory=list)  # handed-over records the 撤换公函 asks to withdraw/replace
    problems: list[Diagnostic] = field(default_factory=list)
    recorded: bool = False  # a ledger for this date already exists: the batch is reproduced, not recorded again
    made: dt.date | None = None  # the day a batch made after its date (补做) was made: when it really is handed over
    missed: tuple[dt.date, ...] = ()  # handover days since the last recorded batch that have no batch: this one covers them
    by_hand: bool = False  # recorded by `handover baseline`: delivered by hand before gongkai, no files were made
    notes: list[str] = field(default_factory=list)  # what --force let through (handover.run.prepare), in Chinese
    sent_to: tuple[Recipient, ...] | None = None  # a recorded batch: the recipients its ledger names, as they took it

    @property
    def settings(self) -> HandoverSettings:
        return self.agency.handover

    @property
    def recipients(self) -> tuple[Recipient, ...]:
        """Who receives the batch: a recorded one, those its ledger names (recorded_recipients); else gongkai.yaml's."""
        return self.sent_to if self.sent_to is not None else tuple(self.settings.recipients)

    @property
    def delivered(self) -> dt.date:
        """The day the batch is really handed over (as Ledger.delivered): the day it is made, when after its date."""
        return self.made or self.date

    @property
    def empty(self) -> bool:
        return not self.entries

    def carries(self, record_id: str) -> bool:
        """True when *record_id* is sent in this batch."""
        return any(e.record.id == record_id for e in self.entries)

    @property
    def ledger_path(self) -> str:
        return ledger_path(self.date)

    @property
    def period(self) -> str:
        """The period covered, in Chinese."""
        return f"{_cn(self.start)}至{_cn(self.date)}"

    @property
    def catches_up(self) -> str:
        """The handover days this batch makes up for (no 目录表 was delivered on them), in Chinese; empty if none."""
        if not self.missed:
            return ""
        return f"含未按时移交的{'、'.join(_cn(d) for d in self.missed)}批次"


def plan_handover(catalog: Catalog, day: dt.date, calendar: WorkdayCalendar, allow_incomplete: bool = False,
                  today: dt.date | None = None) -> Batch:
    """The batch for *day*: a recorded batch is reproduced as it was; otherwise everything not yet handed over that
    the gate lets out on *day* and still on *today* (a batch made late leaves out what was withdrawn since)."""
    agency = agency_of(catalog)
    ledgers = {ledger.date: ledger for _, ledger in catalog.models("ledger")}
    unread = broken_ledgers(catalog)
    clashes = [catalog.diagnostic("GK210", Severity.ERROR, recipient_clash(number),
                                  Location("gongkai.yaml", None, ("移交", "接收单位", index, "编号")), RECIPIENT_CLASH_HINT)
               for index, number in agency.handover.clashing_recipients()]
    gate = admit(catalog, day)
    archived = {a.id: a for a in gate.to(Output.ARCHIVES)}
    admitted = sorted((a.record for a in archived.values()), key=lambda r: (r.published, r.index_number or "", r.id))
    known = known_records(gate, rejudged(catalog))
    recorded = ledgers.get(day)
    # sent again: after a 撤换公函 took it back (撤回, then restored), or its file changed since (更换): the 备注 says
    before = {d: ledger for d, ledger in ledgers.items() if d < day}
    held = holdings(before.values())
    again = {i: f"{d.isoformat()}批次撤换公函撤回后恢复公开，重新送交" for i, d in _asked_back(before, set(held)).items()}
    if recorded is not None:
        batch = Batch(day, recorded.period.start, agency, recorded=True, made=recorded.made, by_hand=recorded.baseline,
                      sent_to=recorded_recipients(agency, recorded))
        batch.problems += [catalog.diagnostic("GK512", Severity.ERROR, message + "；不能按这个台账重新生成这一批",
                                              Location(batch.ledger_path, recorded.id, where), LEDGER_DATES_HINT)
                           for where, message in ledger_dates(recorded)]
        configured = {r.id for r in agency.handover.recipients}
        batch.notes += [f"台账中的接收单位「{gone}」已不在 gongkai.yaml「移交 → 接收单位」中：按台账仍为它重新生成了包，名称写作"
                        f"它的编号；要写出名称，把它（编号 {gone}）加回 gongkai.yaml。"
                        for gone in recorded.recipients if gone not in configured]
        records = _reproduce(catalog, batch, recorded, admitted, today)
        recalls = _recorded_recalls(catalog, batch, recorded, known)
        again.update({e.id: _updated(e.sent_in) for e in recorded.recalls if e.action == UPDATE})
    else:
        _refuse_before_a_later_batch(catalog, day)
        sent = holdings(ledgers.values())  # asked back by a 撤换公函 and public again: sent again
        changed = _changed_since_sent(catalog, admitted, held, before, day)
        records = [r for r in admitted if r.published is not None and r.published <= day
                   and (r.id not in sent or r.id in changed)]
        again.update(changed)
        if today is not None and today > day:
            standing = admit(catalog, today)
            records = [r for r in records if standing.admits(r.id, Output.ARCHIVES)]
        batch = Batch(day, _start(day, ledgers, [r for r in records if r.id not in again], calendar, agency), agency,
                      made=today if today is not None and today > day else None)
        recalls = due_recalls(known, day, ledgers) + [(r, UPDATE) for r in records if r.id in changed]
        _say_held_back(catalog, batch, gate, set(sent) | {r.id for r in records})
    withheld = _withheld_files(recorded)
    names = {sent.id: {f.sha256: f.file for f in sent.files} for sent in recorded.records} if recorded else {}
    batch.missed = _missed(day, ledgers, calendar, agency)
    # a recorded batch was delivered with the 备注 its ledger keeps (a gap let through then, the days it took): made
    # again, its 目录表 says what the 两馆 signed, whatever was mended since, and a gap no longer stops it
    said = {sent.id: sent.remark for sent in recorded.records} if recorded else None
    batch.entries = [_entry(catalog, batch, record, calendar, allow_incomplete, archived.get(record.id), withheld,
                            again.get(record.id), names, said) for record in records]
    if recorded is None:  # a recorded batch's 备注 is the ledger's, as signed
        batch.entries = [_noting_lapse(entry, known, archived.get(entry.record.id), day) for entry in batch.entries]
    batch.recalls = [_sent_now(batch, recall_of(known, record, action, ledgers, day)) for record, action in recalls]
    if recorded is None:
        _refuse_sent_under_another_id(catalog, batch, before.values())
        _refuse_held_but_gone(catalog, batch, held)
    batch.problems[:0] = clashes + unread
    return batch


def recorded_recipients(agency: Agency, ledger: Ledger) -> tuple[Recipient, ...]:
    """The recipients of a recorded batch, as its ledger has them: those it names (a 馆 added to gongkai.yaml since
    received nothing; one taken out since is still named, by its 编号 if its name is gone), each taking the lists of
    people as it did then — the ledger's 未送 says who did not — whatever 接收名单 says now. Made again from today's
    settings, the batch gave the 图书馆 the 公示名单 its ledger says it never received (and a bag to a 馆 that never
    received the batch), where a batch made again is the batch as signed."""
    configured = {r.id: r for r in agency.handover.recipients}
    files = [f for sent in ledger.records for f in sent.files]
    judged = any(f.withheld_from for f in files)  # no list kept back from anyone: nothing to say who takes lists
    found = []
    for recipient_id in ledger.recipients:
        recipient = configured.get(recipient_id) or Recipient.model_validate({"编号": recipient_id, "名称": recipient_id})
        if judged:
            recipient = recipient.model_copy(update={"lists": not any(recipient_id in f.withheld_from for f in files)})
        found.append(recipient)
    return tuple(found)


def unread_ledgers(catalog: Catalog) -> list[Diagnostic]:
    """An error at each ledger that does not load (a 台账 edited by hand: a SHA-256 mistyped, a date made 2026-09-31):
    what its batch sent is unknown, and left out the next batch sent it all again — the 两馆 received the same 索引号
    twice, the 覆盖期间 pulled back, and not a word. Said where validate says it, with what that means here."""
    found = []
    for stem in sorted(catalog.unreadable("ledger")):
        unread = catalog.unread_file(stem, ("ledger",))
        if unread is None:
            continue
        path, first = unread
        why = f"：{first.message}" if first is not None else ""
        found.append(Diagnostic(
            first.code if first is not None else "GK512", Severity.ERROR,
            f"台账读不出来{why}。gongkai 无从知道这一批送交了哪些信息：照常生成会把它们再送一次，也不能按它重新生成这一批",
            path, first.line if first else None, first.column if first else None,
            hint=f"台账是两馆签收的记录，不要手工修改：用 git 恢复原样（git checkout -- {path}），或按这里指出的行列改正；"
                 "确要更正已送交的信息，另行撤换。"))
    return found


def broken_ledgers(catalog: Catalog) -> list[Diagnostic]:
    """The ledgers no batch may be planned beside: those that do not load (unread_ledgers), those whose file name is
    not their 批次日期 (misnamed_ledgers) and those cut short (cut_ledgers)."""
    return unread_ledgers(catalog) + misnamed_ledgers(catalog) + cut_ledgers(catalog)


def cut_ledgers(catalog: Catalog) -> list[Diagnostic]:
    """An error (GK514, as validate says) at each ledger whose lists disagree with the 件数 written above them: what it
    lost would go in this batch again, or a batch made again from it would not be the one the 两馆 signed."""
    return [catalog.diagnostic("GK514", Severity.ERROR, why + LEDGER_CUT_RISK, Location(path, ledger.id, ("件数",)),
                               ledger_cut_hint(path))
            for path, ledger in catalog.models("ledger") if (why := ledger_cut(ledger)) is not None]


def misnamed_ledgers(catalog: Catalog) -> list[Diagnostic]:
    """An error (GK203, as validate says) at each ledger whose file name is not its 批次日期 — a date changed by hand, a
    file renamed. A batch is known by its date and written to handover/<date>.yaml: the batch of the day in the file
    name was taken for one never made (「含未按时移交的…批次」), and making it wrote its ledger over that file — what the
    batch sent and the 撤换 it asked for were forgotten, to be sent and asked again by the next batch, exit 0."""
    found = []
    for path, ledger in catalog.models("ledger"):
        stem = PurePosixPath(path).stem
        if stem == ledger.id:
            continue
        found.append(catalog.diagnostic(
            "GK203", Severity.ERROR,
            f"{ledger_misnamed(stem, ledger.id)}：gongkai 按批次日期认台账，这样生成，会把 {stem} 这一批当作没有送交"
            f"（它的台账被新的一批覆盖，送交过的信息再送一次）",
            Location(path, ledger.id, ("批次日期",)), LEDGER_NAME_HINT))
    return found


def _say_held_back(catalog: Catalog, batch: Batch, gate: Gate, sent: set[str]) -> None:
    """A warning for each 主动公开 record published by the batch day that the gate does not let out (unmasked personal
    data, an attachment that may not leave, no 保密审查, its item missing): it is not in this batch, and without a
    word the 目录表 would leave out a record of its period as if it never was. It goes in a later batch once mended."""
    for held in held_back(catalog, gate):
        if held.id in sent:
            continue
        batch.problems.append(catalog.diagnostic(
            HELD_BACK, Severity.WARNING,
            f"主动公开的信息（{held.index_number or held.id}）没有通过公开审核，这一批不送交两馆：{held.why}",
            Location(held.path, held.id, ("编号",)), "运行 gongkai validate 查看并改正；改正后随下一批送交（目录表不会漏掉它）。"))
    for path, unread in unread_records(catalog):
        batch.problems.append(catalog.diagnostic(HELD_BACK, Severity.WARNING, f"信息{unread}；这一批也不送交两馆",
                                                 Location(path), "改正后随下一批送交。"))


def _refuse_sent_under_another_id(catalog: Catalog, batch: Batch, ledgers: Iterable[Ledger]) -> None:
    """An error (GK509, as validate says) for each record of the batch the 两馆 already hold under another 编号 — its
    索引号, or a file of a record gone from the catalog (publication.handover.held_under_another): renamed after it was
    sent, it would go to them twice."""
    marks = held_marks(ledgers)

    def present(record_id: str) -> bool:
        return catalog.path_of("record", record_id) is not None

    for entry in batch.entries:
        record, files = entry.record, [(f.name.split("/")[-1], f.sha256) for f in entry.files]
        if (twice := held_under_another(record, marks, present, files)) is not None:
            batch.problems.append(catalog.diagnostic("GK509", Severity.ERROR, twice[0],
                                                     Location(catalog.path_of("record", record.id), record.id, ("编号",)),
                                                     twice[1]))


def _refuse_held_but_gone(catalog: Catalog, batch: Batch, held: dict[str, dt.date]) -> None:
    """An error (GK508, as validate says) for each record the 两馆 hold whose file is gone from the catalog: deleted —
    the way a clerk takes back a record published by mistake — it could never be named in a 撤换公函, and this batch
    and every later one would be recorded as if the 两馆 held nothing to take out. (A file that does not load is named
    by GK507; a record asked back by a letter's 撤回 is held by nobody.)"""
    ledgers = {ledger.date: (path, ledger) for path, ledger in catalog.models("ledger")}
    unread = catalog.unreadable("record")
    for record_id, sent_in in sorted(held.items()):
        if catalog.path_of("record", record_id) is not None or record_id in unread:
            continue
        path, ledger = ledgers[sent_in]
        index = ledger.record_ids().index(record_id)
        batch.problems.append(catalog.diagnostic(
            "GK508", Severity.ERROR,
            f"台账列出的信息 {record_id} 不存在：它已随 {sent_in.isoformat()} 的批次送交两馆，删去它的信息文件，两馆的馆藏里仍有它，"
            "撤换公函却无从列出",
            Location(path, ledger.id, ("信息", index, "编号")),
            f"不要删除送交过两馆的信息：恢复 {record_id} 的信息文件（如从 git 历史中恢复），误发布的在其中写「撤回」（日期、原因），"
            "这一批的撤换公函会请两馆撤出；若是改了编号，把编号（和信息文件名）改回。"))


def _refuse_before_a_later_batch(catalog: Catalog, day: dt.date) -> None:
    """A batch made for a day before one already recorded would say 本期无主动公开政府信息 (or list what is left) for a
    period whose records the later batch carried, and ask again for the 撤换 it asked: refused."""
    later = sorted((ledger.date, path, ledger) for path, ledger in catalog.models("ledger") if ledger.date > day)
    if not later:
        return
    _, path, first = later[0]
    raise UsageProblem(
        f"{day.isoformat()} 这一批没有台账，而更晚的批次已经记入台账（{path}，"
        f"覆盖{_cn(first.period.start)}至{_cn(first.date)}）：到 {day.isoformat()} 为止公开的信息已随这一批或更早的批次送交。"
        f"现在补做 {day.isoformat()} 这一批，目录表会写成「{EMPTY_NOTE}」，与事实不符，撤换公函也会重复。"
        f"不需要补做；要重新生成已送交的批次，运行 gongkai handover --date {first.date.isoformat()}。")


def agency_of(catalog: Catalog) -> Agency:
    """The agency and its handover settings; a gongkai.yaml that does not load is a usage problem naming its first
    error, never the usual 5th and 20th in its place (a county may hand over monthly, or on other days)."""
    if catalog.agency is not None:
        return catalog.agency
    parsed = catalog.files.get("gongkai.yaml")
    first = next((d for d in parsed.diagnostics if d.severity is Severity.ERROR), None) if parsed else None
    where = f"第一处：第{first.line}行第{first.column}列，{first.message}。" if first is not None else ""
    raise UsageProblem(f"gongkai.yaml 有错误或缺少「移交」设置，无法移交；请先运行 gongkai validate 改正。{where}"
                       "移交日不会按每月5日、20日代替（各县的移交日不同）。")


def _noting_lapse(entry: BatchEntry, known: Known, admission: Admission | None, day: dt.date) -> BatchEntry:
    """*entry* with its 备注 saying the document was no longer in force on the batch day, since when and by what it
    was replaced (validity as the gate saw it on *day*): the 馆 files what it receives as the 目录表 describes it, and
    a superseded document must say so where a reader sees it (DOMAIN.md §12)."""
    if admission is None or admission.in_force:
        return entry
    since = f"（{_cn(admission.validity_date)}起）" if admission.validity_date is not None else ""
    by = replacement_of(known, entry.record)
    instead = (f"，由{by.index_number or by.id}替代" if by is not None and by.published is not None
               and by.published <= day else "")
    lapsed = admission.validity_note.removeprefix("本文件")  # 已失效, 已废止, 已修改
    return replace(entry, remarks=(*entry.remarks, f"本文件送交时{lapsed}{since}{instead}"))


def _sent_now(batch: Batch, recall: Recall) -> Recall:
    # The replacement often travels in the very batch whose letter announces it.
    if recall.replacement is not None and recall.replacement_sent is None and batch.carries(recall.replacement.id):
        return replace(recall, replacement_sent=batch.date)
    return recall


def _recorded_recalls(catalog: Catalog, batch: Batch, ledger: Ledger,
                      known: Known) -> list[tuple[Record, str]]:
    """The 撤换 a recorded batch asked for, as its ledger remembers them."""
    found: list[tuple[Record, str]] = []
    for index, entry in enumerate(ledger.recalls):
        record = known.records.get(entry.id)
        if record is None:
            batch.problems.append(catalog.diagnostic(
                "GK508", Severity.ERROR, f"台账「撤换」列出的信息 {entry.id} 已不存在或已不能通过公开审核",
                Location(batch.ledger_path, ledger.id, ("撤换", index, "编号")), "恢复这条信息的登记；不能重新生成这一批。"))
        else:
            found.append((record, entry.action))
    return found


def _reproduce(catalog: Catalog, batch: Batch, ledger: Ledger, admitted: list[Record],
               today: dt.date | None) -> list[Record]:
    by_id = {r.id: r for r in admitted}
    missing = [i for i in ledger.record_ids() if i not in by_id]
    # A record let out only after the batch day (its 公开日期 moved past it) is named with that reason: the gate of
    # today says what it is now (asked only when the reproduction fails anyway).
    later = admit(catalog, today) if missing and today is not None and today > batch.date else None
    for index, record_id in enumerate(ledger.record_ids()):
        if record_id not in by_id:
            here = Location(batch.ledger_path, ledger.id, ("信息", index, "编号"))
            now = later.get(record_id) if later is not None else None
            reason = published_after(now.record, ledger.date) if now is not None else None
            message = reason or f"台账列出的信息 {record_id} 已不能通过公开审核（不存在、非主动公开、已撤回或含未遮盖的个人信息）"
            hint = f"{PUBLISHED_AFTER_HINT}改正前不能重新生成这一批。" if reason else "核对信息登记；不能重新生成这一批。"
            batch.problems.append(catalog.diagnostic("GK508", Severity.ERROR, message, here, hint))
    return [_as_sent(catalog, batch, ledger, index, by_id[sent.id])
            for index, sent in enumerate(ledger.records) if sent.id in by_id]


def _as_sent(catalog: Catalog, batch: Batch, ledger: Ledger, index: int, record: Record) -> Record:
    """*record* as the batch delivered it: under the 索引号, 题名, 文号 and 页数 the ledger recorded, whatever they were
    changed to since (the 目录表 the 两馆 signed is reproduced, and GK510 says what changed)."""
    sent = ledger.records[index]
    update: dict[str, object] = {}
    changed = renumbered(record, sent.index_number, ledger.date)
    if changed is not None:
        batch.problems.append(catalog.diagnostic("GK510", Severity.WARNING, changed + "；目录表按台账中的索引号重新生成",
                                                 Location(batch.ledger_path, ledger.id, ("信息", index, "索引号")),
                                                 RENUMBERED_HINT))
        update["index_number"] = sent.index_number
    for attribute, label, why in altered(record, sent, ledger.date):  # the 题名, 文号 and 页数 as signed for
        batch.problems.append(catalog.diagnostic("GK510", Severity.WARNING, why + f"；目录表按台账中的{label}重新生成",
                                                 Location(batch.ledger_path, ledger.id, ("信息", index, label)),
                                                 ALTERED_HINT))
        update[attribute] = getattr(sent, attribute)
    return record.model_copy(update=update) if update else record


def _start(day: dt.date, ledgers: dict[dt.date, Ledger], records: list[Record], calendar: WorkdayCalendar,
           agency: Agency) -> dt.date:
    """The day after the last recorded batch (or the last scheduled one; not before the 启用日期 of a bureau with no
    batch yet: its first 目录表 does not speak for the weeks before it adopted gongkai), earlier if a catch-up reaches
    back."""
    earlier = [d for d in ledgers if d < day]
    if earlier:
        start = max(earlier) + dt.timedelta(days=1)
    else:
        last = previous(day, calendar, agency.handover.days)
        start = last.actual + dt.timedelta(days=1) if last else dt.date(day.year, day.month, 1)
        if agency.adopted is not None and start < agency.adopted <= day:
            start = agency.adopted
    published = [r.published for r in records if r.published is not None]
    return min([start, *published])


def _missed(day: dt.date, ledgers: dict[dt.date, Ledger], calendar: WorkdayCalendar,
            agency: Agency) -> tuple[dt.date, ...]:
    """The handover days after the last recorded batch before *day*: their batches were never made (no 目录表 reached
    the 两馆, which counts as late), and this one carries what they should have. None before the first ledger: a
    bureau that did not hand over with gongkai yet missed nothing gongkai knows of."""
    earlier = [d for d in ledgers if d < day]
    return missed(max(earlier), day, calendar, agency.handover.days) if earlier else ()


def _updated(sent_in: dt.date) -> str:
    return f"送交后文件已修改，替换{sent_in.isoformat()}批次送交的版本"


def _changed_since_sent(catalog: Catalog, admitted: list[Record], held: dict[str, dt.date],
                        ledgers: dict[dt.date, Ledger], day: dt.date) -> dict[str, str]:
    """record id → the 备注 of each record the 两馆 hold whose electronic files changed since that copy was sent (a
    corrected PDF): the batch sends the new version and its 撤换公函 asks them to replace the old one (更换). A file
    only renamed is the same file; a record with no PDF/CEB left is not sent again (GK501–503 say what it lacks)."""
    found: dict[str, str] = {}
    entries = {(date, e.id): e for date in set(held.values()) for e in ledgers[date].records}  # one pass, not one a record
    for record in admitted:
        sent_in = held.get(record.id)
        if sent_in is None or record.published is None or record.published > day:
            continue
        was = {f.sha256 for f in entries[sent_in, record.id].files}
        now = {f.sha256 for f in _files(catalog, record, frozenset(), {}, frozenset())}
        if was and now and now != was:
            found[record.id] = _updated(sent_in)
    return found


def _asked_back(ledgers: dict[dt.date, Ledger], held: set[str]) -> dict[str, dt.date]:
    """record id → the last batch whose 撤换公函 asked the 两馆 for it back (撤回), for records they no longer hold."""
    asked: dict[str, dt.date] = {}
    for date, ledger in sorted(ledgers.items()):
        for entry in ledger.recalls:
            if entry.action == WITHDRAWN and entry.id not in held:
                asked[entry.id] = date
    return asked


def _withheld_files(ledger: Ledger | None) -> dict[str, frozenset[str]]:
    """record id → the files (SHA-256) a recorded batch kept from some recipient (未送): a batch made again keeps them
    back even if the record no longer reads as a list of people, or the file was renamed."""
    if ledger is None:
        return {}
    return {sent.id: frozenset(f.sha256 for f in sent.files if f.withheld_from) for sent in ledger.records}


def _days_taken(record: Record, batch: Batch, calendar: WorkdayCalendar) -> tuple[int, bool, dt.date | None]:
    """The working days from *record*'s 成文日期 to the day the batch is delivered, whether some were counted on the
    provisional calendar, and the day the count starts from when it cannot start at the 成文日期: a batch of 21 December
    made on 4 January, before the new year's holiday notice is entered, is still a batch of a known day (it was refused
    whole); its 备注 says the count is 暂定. A document formed in a year nobody has a holiday notice for (2003, before
    chinesecalendar's first year: an old regulation published now) is counted from the first day after that year — at
    least that many working days — where the whole batch was refused with 「没有2003年的节假日安排」, naming no record."""
    counting, start, since = calendar.provisional(), record.formed, None
    while True:
        try:
            return (counting.count_between(start, batch.delivered),
                    bool(counting.provisional_years(start, batch.delivered)), since)
        except CalendarMissing as missing:
            if missing.year >= batch.delivered.year:
                raise
            start = dt.date(missing.year, 12, 31)
            since = start + dt.timedelta(days=1)


def _entry(catalog: Catalog, batch: Batch, record: Record, calendar: WorkdayCalendar, allow: bool,
           admission: Admission | None, withheld: dict[str, frozenset[str]], again: str | None,
           names: dict[str, dict[str, str]], said: dict[str, str | None] | None) -> BatchEntry:
    path = catalog.path_of("record", record.id)
    remarks: list[str] = []
    for gap in handover_gaps(catalog, record):
        severity = Severity.WARNING if allow or said is not None else Severity.ERROR
        batch.problems.append(catalog.diagnostic(gap.code, severity, gap.message, Location(path, record.id, gap.field),
                                                 gap.hint))
        remarks.append(gap.remark)
    if said is not None:  # made again: the 备注 as recorded
        remarks = [remark] if (remark := said.get(record.id)) else []
    elif again is not None:  # sent before, on time or not: GK506 counts that first sending
        remarks.append(again)
    elif (used := _days_taken(record, batch, calendar))[0] > batch.settings.limit_workdays:
        counted = (f"成文后第{used[0]}个工作日送交" if used[2] is None else  # only the days from used[2] are known
                   f"成文于{_cn(record.formed)}，{_cn(used[2])}至送交已有{used[0]}个工作日")
        remarks.append(f"{counted}{PROVISIONAL_MARK if used[1] else ''}，超过{batch.settings.limit_workdays}个工作日时限")
    recorded = withheld.get(record.id, frozenset())
    people = (admission is not None and admission.lists_people) or bool(recorded)
    hidden = hidden_names(catalog, admission) if admission is not None and people else frozenset()
    lists = list_files(catalog, record, people, hidden if said is None else None)
    sent = names.get(record.id, {})
    end = admission.notice_end if admission is not None and people else None
    if said is None and (unsent := _not_pdf(catalog, record, hidden)):
        remarks.append(f"另有附件{'、'.join(unsent)}不是 PDF 或 CEB，未送电子件")
    return BatchEntry(record, _files(catalog, record, lists, sent, recorded), tuple(remarks), people, end,
                      end is not None and end >= batch.date, batch.settings.copies,
                      end is not None and admission is not None and admission.notice_provisional, hidden)


def _files(catalog: Catalog, record: Record, lists: frozenset[str], sent: dict[str, str],
           kept: frozenset[str]) -> tuple[SendFile, ...]:
    """The record's PDF/CEB files, each once, under a name of its own in the bag: two documents both called 正文.pdf
    (in files/2026/a/ and files/2026/b/, or 正文.PDF beside 正文.pdf, one name on the 馆's Windows) are 正文.pdf and
    正文（2）.pdf — under one name the second overwrote the first, and the bag held one document for two. A batch made
    again names a file as it was handed over (*sent*: SHA-256 → the name the ledger recorded), renamed since or not."""
    files: list[SendFile] = []
    taken: set[str] = set()
    for attachment in record.attachments:
        if attachment.suffix in FORMATS and attachment_problem(catalog, attachment.file) is None:
            if any(f.source == attachment.file for f in files):
                continue  # the same file attached twice is one document
            sha256, size = fingerprint(catalog, attachment.file)
            name = _own_name(PurePosixPath(sent.get(sha256, attachment.file)).name, taken)
            files.append(SendFile(attachment.file, f"{record.id}/{name}", attachment.suffix.upper(), sha256,
                                  attachment.file in lists or sha256 in kept, size))
    return tuple(files)


def _not_pdf(catalog: Catalog, record: Record, names: frozenset[str]) -> list[str]:
    """The file names of *record*'s attachments that are not PDF or CEB (a 申请表.docx, a 标准表.xlsx beside the PDF
    通知), each once, as a 目录表 may give them: the paper copies hold them and no electronic file does, so the 备注
    says so — else 纸质件 and 电子件 no longer match (闽政办函〔2016〕42号) and no one can tell why. A record with no
    PDF/CEB at all is GK503; a file that is not there is GK502."""
    found: list[str] = []
    for attachment in record.attachments:
        shown = f"「{shown_file_name(PurePosixPath(attachment.file).name, names)}」"
        if attachment.suffix not in FORMATS and catalog.has_file(attachment.file) and shown not in found:
            found.append(shown)
    return found if any(a.suffix in FORMATS for a in record.attachments) else []


def _own_name(name: str, taken: set[str]) -> str:
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, dot + suffix) if dot else (name, "")
    found, number = name, 1
    while found.casefold() in taken:
        number += 1
        found = f"{stem}（{number}）{suffix}"
    taken.add(found.casefold())
    return found


def held_out(batch: Batch) -> list[Diagnostic]:
    """The warnings about records published in the batch's period that it leaves out (the gate holds them back, or
    their file does not read): _say_held_back."""
    return [d for d in batch.problems if d.code == HELD_BACK]


def blocking(batch: Batch) -> list[Diagnostic]:
    """The problems that stop the batch."""
    return [d for d in batch.problems if d.severity is Severity.ERROR]


def only_gaps(batch: Batch) -> bool:
    """True when every problem that stops the batch is a gap --allow-incomplete would write in 备注 instead."""
    return all(d.code in GAP_CODES for d in blocking(batch))
