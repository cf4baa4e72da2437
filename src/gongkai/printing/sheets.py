"""What goes on the board: the gate's print records of a 乡镇 in a date range, each with its 公示期 and 监督电话."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

import segno

from gongkai.catalog import Catalog
from gongkai.diagnostics import Location
from gongkai.holidays import calendar_of
from gongkai.errors import UsageProblem
from gongkai.gate import Admission, Gate, Output, State, admit, held_back, unread_records
from gongkai.gate.replacements import Replacements
from gongkai.model.agency import Agency, Unit
from gongkai.model.vocab import BOARD, UNIT_KINDS
from gongkai.portal.address import record_address
from gongkai.portal.fragment import record_fragment
from gongkai.privacy.attachments import AttachmentRefused, read_attachment
from gongkai.publication import outputs_of
from gongkai.printing.posted import Posted, due_later, since_posted, sort_out
from gongkai.printing.screen import screens
from gongkai.printing.takedown import Takedown, check_days, gone_from, in_order, standing_day
from gongkai.site.record_links import WebDay, web_records
from gongkai.workdays import CalendarMissing, WorkdayCalendar

TOWN_KIND = UNIT_KINDS[1]  # 乡镇民政办


class PaperSize(str, Enum):
    """The paper the sheets are laid out for (@page size, portrait)."""

    A4 = "A4"
    A3 = "A3"


@dataclass(frozen=True)
class NoticePeriod:
    """A 公示's period: first and last day, and its length in working days (None when the calendar cannot tell)."""

    start: dt.date
    end: dt.date
    workdays: int | None


@dataclass(frozen=True)
class Sheet:
    """One printed sheet: a record with its list, its 公示期, the 监督电话 and, when it is on the web, a QR code."""

    admission: Admission
    unit: Unit
    phone: str
    body: str
    period: NoticePeriod | None
    files: tuple[str, ...]
    address: str | None = None
    qr_svg: str | None = None
    replacement: str | None = None  # the title of the document in force that replaced it (被替代), when it is out
    contents: tuple[str, ...] = ()  # the attachments' content hashes (contents_of): posted with the sheet

    @property
    def path(self) -> str:
        return f"{self.unit.id}/{self.admission.id}.html"

    @property
    def screen_path(self) -> str | None:
        """The 电子屏 version: the same content on 16:9 screens, in large type; None for a record whose channels do not
        name the 公示栏（电子屏） box (a 公开查阅点 or 便民服务站 carries paper: a slide made for it would put on the screen
        what its item does not publish there)."""
        return f"{self.unit.id}/{self.admission.id}-screen.html" if BOARD in self.admission.channels else None

    @property
    def screens(self) -> list[str]:
        """The body as the 电子屏 shows it: on as many screens as it takes (printing.screen), none cut off."""
        above = 2 + (self.period is not None) + (not self.admission.in_force)  # meta, phone, 公示期, 有效性
        return screens(self.body, self.admission.record.title, above)

    @property
    def digest(self) -> str:
        """What the sheet shows, hashed: a posted sheet with another digest is out of date (printing.posted)."""
        record, admission = self.admission.record, self.admission
        shown = [record.title, record.index_number, record.doc_number, str(record.published), admission.validity_note,
                 str(admission.validity_date), str(self.period), admission.notice_provisional, self.body,
                 list(self.files), self.phone, self.address, self.unit.name, self.replacement]
        if self.contents:  # a list corrected under the same file name is a new sheet to post (kept out when none: the
            shown.append(list(self.contents))  # digests of sheets without attachments stay what earlier runs wrote)
        return hashlib.sha256(json.dumps(shown, ensure_ascii=False).encode()).hexdigest()


@dataclass
class PrintRun:
    """Every sheet of one run, in order: by unit (as gongkai.yaml lists them), then 公开日期, then id."""

    agency: Agency
    start: dt.date
    end: dt.date
    size: PaperSize
    sheets: list[Sheet] = field(default_factory=list)
    takedowns: list[Takedown] = field(default_factory=list)  # to remove from the board and its 电子屏
    kept: list[Posted] = field(default_factory=list)  # made by an earlier run, still up and unchanged
    replaced: list[Sheet] = field(default_factory=list)  # sheets that replace an older one an earlier run made
    replacements: Replacements = field(default_factory=lambda: Replacements({}, {}))  # the records out on the day
    unread: list[tuple[str, str]] = field(default_factory=list)  # (path, why) records on no board: unread, held back
    on_web: WebDay = field(default_factory=lambda: WebDay({}, frozenset()))  # what a body's links may open
    town: Unit | None = None  # the 乡镇民政办 --town named (by its 编号, 名称 or the start of it), when it was given

    def by_unit(self) -> list[tuple[Unit, list[Sheet]]]:
        groups: dict[str, list[Sheet]] = {}
        for sheet in self.sheets:
            groups.setdefault(sheet.unit.id, []).append(sheet)
        return [(u, groups[u.id]) for u in self.agency.units if u.id in groups]

    def removals(self) -> list[tuple[str, list[Takedown]]]:
        """What each board loses, by the name of its unit, in the order gongkai.yaml lists the units; then the boards
        of units gongkai.yaml no longer lists (merged, renumbered) that an earlier run posted on, by their 编号: their
        sheets must come down too, and no other unit's list names them."""
        listed = [u.id for u in self.agency.units]
        gone = sorted({t.unit for t in self.takedowns if t.unit is not None and t.unit not in listed})
        names = {u.id: u.name for u in self.agency.units} | {u: f"原单位 {u}（gongkai.yaml 中已没有这个单位）" for u in gone}
        return [(names[u], found) for u in listed + gone if (found := [t for t in self.takedowns if t.unit == u])]


def plan_print(catalog: Catalog, start: dt.date, end: dt.date, today: dt.date, town: str | None = None,
               size: PaperSize = PaperSize.A4, posted: Mapping[str, Posted] | None = None) -> PrintRun:
    """The sheets of the records for the 公示栏 and 查阅点 published from *start* to *end*, as the gate decides on
    *today* or *end*, whichever is later (standing_day), and what to take down by then; with *posted* (what the
    earlier run made, printing.posted), also what it posted that is gone or out of date."""
    agency = catalog.agency
    if agency is None:
        raise UsageProblem("gongkai.yaml 有错误，无法打印。请先运行 gongkai validate 修正。")
    check_days(start, end)
    wanted = _town(agency, town) if town else None
    run, calendar = PrintRun(agency, start, end, size, town=wanted), calendar_of(catalog)
    run.unread = list(unread_records(catalog))  # on no channel: the clerk is told which, and why
    units = {u.id: u for u in agency.units}
    day = standing_day(end, today)
    gate = admit(catalog, day)
    run.unread += held_in(catalog, gate, Output.PRINT, start, end, wanted.id if wanted else None)
    run.unread += claimed_in(catalog, gate, Output.PRINT, start, end, wanted.id if wanted else None)
    run.replacements, run.on_web = Replacements.of(gate.admitted), web_records(gate)
    for admission in gate.to(Output.PRINT):
        record = admission.record
        unit = units.get(record.unit)
        if admission.state is State.ENDED or (wanted and unit is not None and unit.id != wanted.id):
            continue  # a 公示 that is over comes down from the board too
        if record.published is None or not start <= record.published <= end:
            continue
        if unit is None:  # no board to post it on: said, whichever --town (it may be that town's, mistyped)
            run.unread.append(_at(catalog, record.id, "责任单位", f"责任单位「{record.unit}」不在 gongkai.yaml 的「单位」中"
                                  "（GK204），不知道贴在哪个单位的公示栏：改正责任单位后重新生成"))
            continue
        run.sheets.append(_sheet(catalog, run, admission, unit, calendar))
    gone = gone_from(catalog, gate, Output.PRINT)
    run.takedowns = [t for t in gone if start <= t.day <= day and (wanted is None or t.unit == wanted.id)]
    _since_posted(catalog, run, gate.to(Output.PRINT), posted or {}, today, units, wanted, calendar,
                  {t.record_id: t for t in gone})
    order = {u.id: n for n, u in enumerate(agency.units)}
    run.sheets.sort(key=lambda s: (order[s.unit.id], s.admission.record.published, s.admission.id))
    run.takedowns = in_order(run.takedowns)
    return run


def _since_posted(catalog: Catalog, run: PrintRun, carried: list[Admission], posted: Mapping[str, Posted], day: dt.date,
                  units: dict[str, Unit], wanted: Unit | None, calendar: WorkdayCalendar,
                  gone: Mapping[str, Takedown]) -> None:
    """What an earlier run posted: to take down when no board carries it now; kept in the list when unchanged; made
    again (whatever its 公开日期) to replace the old sheet when its content changed since."""
    mine = {k: v for k, v in posted.items() if wanted is None or v.unit == wanted.id}
    run.kept += [v for k, v in posted.items() if k not in mine]  # other units' boards: remembered, not judged (--town)
    current = {a.id: a for a in carried if a.record.unit in units}
    later = due_later(catalog, mine, current, standing_day(run.end, day), Output.PRINT)  # made ahead, not due yet
    run.kept += later.values()
    mine = {k: v for k, v in mine.items() if k not in later}
    down, still = since_posted(mine, current, day, {t.record_id for t in run.takedowns},
                               {i: a.record.unit for i, a in current.items()}, gone)
    run.takedowns += down
    sort_out(still, run.sheets,
             lambda admission: _sheet(catalog, run, admission, units[admission.record.unit], calendar),
             run.kept, run.replaced)


def held_in(catalog: Catalog, gate: Gate, output: Output, start: dt.date, end: dt.date,
            unit: str | None = None) -> list[tuple[str, str]]:
    """(path, why) of each 主动公开 record published from *start* to *end* (of *unit*, when given) that the gate holds
    back though its channels lead to *output*: without a word the board or the account would miss it (a 公示 whose
    item names a channel validate cannot read, a list with an unmasked ID, no 保密审查)."""
    found = []
    for held in held_back(catalog, gate, output):
        if held.ended:
            continue  # its 公示 is over: mended or not, it is not made again
        if held.published is not None and start <= held.published <= end and unit in (None, held.unit):
            found.append((held.path, f"主动公开的信息 {held.id} 没有通过公开审核：{held.why}；改正后重新生成"))
    return found


def claimed_in(catalog: Catalog, gate: Gate, output: Output, start: dt.date, end: dt.date,
               unit: str | None = None) -> list[tuple[str, str]]:
    """(path, why) of each record published from *start* to *end* (of *unit*, when given) that names a channel of
    *output* its item does not list: it is not carried there (GK410), and the clerk who wrote it is told so here too."""
    found = []
    for admission in gate.admitted:
        record = admission.record
        if (record.published is None or not start <= record.published <= end or unit not in (None, record.unit)
                or admission.reaches(output) or admission.state is State.ENDED):
            continue
        if claimed := [c for c in record.channels if c not in admission.channels and output in outputs_of((c,))]:
            found.append(_at(catalog, record.id, "公开渠道", f"公开渠道「{'、'.join(claimed)}」不在事项 {record.item} 的公开"
                             "渠道中（GK410）：删去它，或先在事项的「公开渠道」中加上它并报审核"))
    return found


def _at(catalog: Catalog, record_id: str, key: str, why: str) -> tuple[str, str]:
    """(path, why) of a record, *why* led by the line and column of its *key*."""
    path, line, column = catalog.locate(Location(object_id=record_id, field=(key,)))
    return path or record_id, f"第{line}行第{column}列，{why}" if line and column else why


def _town(agency: Agency, town: str) -> Unit:
    """The 乡镇民政办 *town* names: its 编号 (MZB-102 and a full-width ｍｚｂ－１０２ too, as a Chinese input method types
    it), its 名称 or the start of it — the 乡镇 as the clerk calls it (湖头镇, 湖头), as `gongkai init --town` takes it —
    when that names one unit only. The 编号 alone was taken: 「--town 湖头镇」 was refused with the list of units."""
    typed = unicodedata.normalize("NFKC", town).strip()
    towns = [u for u in agency.units if u.kind == TOWN_KIND]
    found = ([u for u in towns if u.id.casefold() == typed.casefold()] or [u for u in towns if u.name == typed]
             or [u for u in towns if typed and u.name.startswith(typed)])
    if len(found) == 1:
        return found[0]
    if not towns:
        raise UsageProblem(f"--town {town}：gongkai.yaml 的「单位」中没有类型为乡镇民政办的单位，不写 --town 即打印全部单位。")
    shown = found or towns
    why = f"对得上 {len(found)} 个乡镇民政办" if found else "不是 gongkai.yaml「单位」中乡镇民政办的编号或名称"
    listed = "、".join(f"{u.id}（{u.name}）" for u in shown)
    raise UsageProblem(f"--town {town} {why}。请写其中一个的编号或名称，如 --town {shown[0].id}：{listed}")


def _sheet(catalog: Catalog, run: PrintRun, admission: Admission, unit: Unit, calendar: WorkdayCalendar) -> Sheet:
    record, agency = admission.record, run.agency
    address = record_address(agency, record.id) if admission.reaches(Output.WEB) else None
    return Sheet(
        admission, unit, unit.phone or agency.org.phone or "",
        record_fragment(admission, agency, run.on_web).html,
        _period(admission, calendar),
        file_names(admission),
        address, qr_svg(address) if address else None, replacement_title(admission, run.replacements),
        contents_of(catalog, admission),
    )


def file_names(admission: Admission) -> tuple[str, ...]:
    """The attachments as a sheet or article names them: their 名称, else their file name."""
    return tuple(a.name or a.file.rsplit("/", 1)[-1] for a in admission.record.attachments)


def contents_of(catalog: Catalog, admission: Admission) -> tuple[str, ...]:
    """The SHA-256 of each attachment the record shows (none once its 公示 has ended): a list corrected under the same
    file name changes what is posted, so the sheet or article is made again to replace the old one (printing.posted)."""
    if not admission.shows_content:
        return ()
    found = []
    for attachment in admission.record.attachments:
        try:
            found.append(hashlib.sha256(read_attachment(catalog, attachment.file)).hexdigest())
        except AttachmentRefused:
            found.append("")  # the gate holds back a record whose file does not read: not reached
    return tuple(found)


def replacement_title(admission: Admission, replacements: Replacements) -> str | None:
    """What a sheet or article of a document not in force names as in force instead: the record in force its chain of
    replacements leads to, when that is out on the day (gate.replacements)."""
    found = None if admission.in_force else replacements.current(admission)
    return found.facts.title if found is not None and found.in_force else None


def _period(admission: Admission, calendar: WorkdayCalendar) -> NoticePeriod | None:
    start, end = admission.record.published, admission.notice_end
    if not admission.lists_people or start is None or end is None:
        return None
    try:
        workdays: int | None = calendar.count_between(start - dt.timedelta(days=1), end)
    except CalendarMissing:
        workdays = None
    return NoticePeriod(start, end, workdays)


def qr_svg(address: str) -> str:
    """A QR code of *address* as inline SVG (no file, no network): error correction M, 4 px modules."""
    return str(segno.make(address, error="m").svg_inline(scale=4, title=address))
