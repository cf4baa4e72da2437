"""Plan an export to the portal: the gate's web records against what earlier exports sent (their ledgers)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from gongkai.catalog import Catalog
from gongkai.diagnostics import Diagnostic, Location, Severity
from gongkai.errors import UsageProblem
from gongkai.gate import Admission, Gate, Output, State, admit, effective_channels, held_back, unread_records
from gongkai.gate.past import Republished, published_early, relapsed, republished
from gongkai.publication import WEB_CHANNEL
from gongkai.model.agency import Agency
from gongkai.model.portal import (
    ADDED,
    BASELINE,
    CHANGED,
    PORTAL_CUT_HINT,
    WITHDRAWN,
    ExportedRecord,
    PortalLedger,
    portal_ledger_path,
)
from gongkai.portal.entry import NOT_ON_WEB, PortalEntry, web_entry, withdrawal
from gongkai.site.record_links import web_records

ORDER = {WITHDRAWN: 0, CHANGED: 1, ADDED: 2}  # the webmaster takes down first, then updates, then adds


@dataclass
class PortalExport:
    """What one export sends, what it records as already on the portal, and what it leaves out."""

    date: dt.date
    agency: Agency
    since: dt.date | None = None
    entries: list[PortalEntry] = field(default_factory=list)
    baseline: list[PortalEntry] = field(default_factory=list)  # --since: on the portal already, recorded only
    unchanged: int = 0
    # --today after the real date: the records it sends before their 公开日期 (what the command warns of)
    early: list[Republished] = field(default_factory=list)
    # (path, why) of each record for the web it leaves out: unread, or held back by the gate (its 公示 not over)
    held: list[tuple[str, str]] = field(default_factory=list)

    @property
    def ledger_path(self) -> str:
        return portal_ledger_path(self.date)

    @property
    def empty(self) -> bool:
        return not self.entries and not self.baseline

    def count(self, action: str) -> int:
        return sum(e.action == action for e in self.entries)


def plan_export(catalog: Catalog, today: dt.date, since: dt.date | None = None,
                now: dt.date | None = None) -> PortalExport:
    """Every web record that is new, changed or withdrawn since the exports recorded before *today*.

    *now* is the real date: an export for an earlier --today that would send a list whose 公示 has ended by now, a
    record withdrawn by now, or as 有效 a document that has lost its force by now, is refused. The webmaster loads
    what the export holds onto the portal as it is (there is no preview of a past day here, as build-site has in
    another folder), and the ledger would record it as sent. For
    a --today after *now*, the records it sends before their 公开日期 are named (PortalExport.early): an export
    prepared ahead for the day is delivered on that day."""
    agency = _agency(catalog)
    known = exported_state(catalog, today)
    gate = admit(catalog, today)
    if now is not None and (past := sorted([*republished(gate, now), *relapsed(gate, now)])):
        lines = "\n".join(f"  {r.id}「{r.title}」：{r.why}" for r in past)
        raise UsageProblem(f"按 --today {today.isoformat()} 导出，其中有今天（{now.isoformat()}）已经不能公开的内容，"
                           f"没有导出，也没有写台账：\n{lines}\n门户导出由网站管理员直接发布，公示期满的名单和撤回的信息不能"
                           "再送上门户，已失效（废止、已修改）的文件不能再显示为有效。请按今天的日期导出（去掉 --today）。")
    export = PortalExport(today, agency, since)
    if now is not None:
        export.early = published_early(gate, now)
    export.held = _held(catalog, gate)
    web, on_web = gate.to(Output.WEB), web_records(gate)
    for admission in web:
        _compare(export, web_entry(catalog, agency, admission, on_web), admission, known.get(admission.id))
    _withdrawals(export, gate, known, catalog)
    gone = {a.id for a in web} | {r.id for r in gate.withdrawn}
    for record_id, last in sorted(known.items()):
        if last.on_portal and record_id not in gone:  # deleted, no longer for the web, or blocked by the gate
            export.entries.append(withdrawal(record_id, last.index_number, last.title, today.isoformat(), NOT_ON_WEB))
    export.entries.sort(key=lambda e: (ORDER[e.action], e.fields.get("发布时间", ""), e.record_id))
    return export


def _held(catalog: Catalog, gate: Gate) -> list[tuple[str, str]]:
    """(path, why) of each record the portal should have and does not get: a record file that does not read, a
    主动公开 record for the web the gate holds back (unmasked personal data, no 保密审查, an unknown item …) whose 公示
    is not over. The export left them out without a word, as if nothing were missing from the portal."""
    found = list(unread_records(catalog))
    found += [(held.path, f"主动公开的信息 {held.id} 没有通过公开审核：{held.why}；改正后重新导出")
              for held in held_back(catalog, gate, Output.WEB) if not held.ended]
    return found


def _agency(catalog: Catalog) -> Agency:
    agency = catalog.agency
    if agency is None:
        raise UsageProblem("gongkai.yaml 有错误，无法导出。请先运行 gongkai validate 修正。")
    if agency.site.base_url is None:
        raise UsageProblem("gongkai.yaml 没有写「网站 → 基础地址」：导出到门户需要本栏目在县政府门户网站上的地址，"
                           "正文中的链接按它写成完整地址。请在 gongkai.yaml 的「网站:」下加一行，如\n"
                           "  基础地址: https://www.fjax.gov.cn/zwgk/zfxxgkzl/bmzfxxgk/mzj/")
    return agency


def ledger_problems(catalog: Catalog) -> list[Diagnostic]:
    """What stops an export in its ledgers: a ledger that does not load, and one cut short (GK522, as validate says)
    — what it does not say was sent would be sent to the portal again."""
    problems = [d for d in catalog.load_diagnostics if d.path and d.path.startswith("portal/")]
    return problems + [catalog.diagnostic("GK522", Severity.ERROR, why, Location(path, ledger.id, ("件数",)),
                                          PORTAL_CUT_HINT.format(path=path))
                       for path, ledger in catalog.models("portal") if (why := ledger.cut) is not None]


def exported_state(catalog: Catalog, today: dt.date) -> dict[str, ExportedRecord]:
    """Record id → how the last export before *today* left it on the portal."""
    ledgers = sorted((ledger for _, ledger in catalog.models("portal")), key=lambda ledger: ledger.date)
    later = [ledger for ledger in ledgers if ledger.date > today]
    if later:
        raise UsageProblem(f"目录中已有更晚的门户导出台账 {portal_ledger_path(later[-1].date)}：不能再做 {today} 的导出。"
                           "请用 --today 写明今天或更晚的日期。")
    state: dict[str, ExportedRecord] = {}
    for ledger in ledgers:
        if ledger.date < today:  # today's own ledger is rewritten by a rerun: compare with the exports before it
            state.update((entry.id, entry) for entry in ledger.records)
    return state


def _compare(export: PortalExport, entry: PortalEntry, admission: Admission, last: ExportedRecord | None) -> None:
    since, published = export.since, admission.record.published
    if last is None and since is not None and published is not None and published < since:
        if _changed_since(admission, since):
            export.entries.append(entry.as_action(CHANGED))
        else:
            export.baseline.append(entry.as_action(BASELINE))
    elif last is None or not last.on_portal:
        export.entries.append(entry.as_action(ADDED))
    elif last.fingerprint != entry.fingerprint:
        export.entries.append(entry.as_action(CHANGED))
    else:
        export.unchanged += 1


def _changed_since(admission: Admission, since: dt.date) -> bool:
    """A record the portal had before *since* that may not show there as it is now: its 公示 is over (whenever it
    ended: a period ends by itself, nobody took the list down by hand), or it lost its force on or after *since* — by
    its 有效性日期 or its 废止日期 alone, as the gate reads them (the record's 有效性日期 alone missed a 废止日期, and the
    portal kept showing a repealed document as 有效), or on a day the record does not say."""
    ended = admission.state is State.ENDED
    lapsed = not admission.in_force and (admission.validity_date is None or admission.validity_date >= since)
    return ended or lapsed


def _withdrawals(export: PortalExport, gate: Gate, known: dict[str, ExportedRecord], catalog: Catalog) -> None:
    """A 撤回 entry for each withdrawn record the portal has, named as the portal has it: a record an earlier export
    left on the portal (its title and index number as that export sent them, not as the record reads now), or with
    --since, one published before it (on the portal already) and withdrawn on or after it. A record the portal never
    received is named nowhere: its title was never public there."""
    for record in gate.withdrawn:
        last = known.get(record.id)
        assert record.withdrawn is not None
        if last is not None:
            if last.on_portal:
                export.entries.append(withdrawal(record.id, last.index_number, last.title,
                                                 record.withdrawn.date.isoformat(), record.withdrawn.reason))
            continue
        if export.since is None or record.published is None or record.published >= export.since:
            continue  # never exported, nor on the portal before --since
        item = catalog.items.get(record.item) if record.item else None
        if WEB_CHANNEL not in effective_channels(record, item) or record.withdrawn.date < export.since:
            continue  # never for the web, or taken down before the period this export starts from
        export.entries.append(withdrawal(record.id, record.index_number, record.title,
                                         record.withdrawn.date.isoformat(), record.withdrawn.reason))


def ledger_records(export: PortalExport) -> list[ExportedRecord]:
    """What the ledger of *export* records: every exported entry and every --since entry, by id."""
    rows = []
    for entry in sorted(export.entries + export.baseline, key=lambda e: e.record_id):
        fingerprint = None if entry.action == WITHDRAWN else entry.fingerprint
        rows.append(ExportedRecord.model_validate({
            "编号": entry.record_id, "索引号": entry.fields["索引号"] or None, "标题": entry.fields["标题"],
            "操作": entry.action, "指纹": fingerprint,
        }))
    return rows


__all__ = ["PortalExport", "PortalLedger", "exported_state", "ledger_records", "plan_export"]
