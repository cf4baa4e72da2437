"""解读 linked both ways (三同步): every policy the bureau drafted (publication.interpretation) on the web links a 解读 on
the web, every 解读 is linked from its document; and the 解读 comes out with its document, not weeks later (a warning,
its working days those validate's GK403 reads: gongkai.yaml 检查 → 解读时限工作日).

The site draws both links from one field: the document's 解读 list. So a policy whose 解读 is missing, not public or
withdrawn has no link, and a 解读 that no published document lists shows no link back to what it explains.
"""

from __future__ import annotations

from gongkai.diagnostics import Location
from gongkai.inspect.context import Inspection
from gongkai.inspect.sheet import Check, Deduction, Evidence, Status
from gongkai.model import Record
from gongkai.model.vocab import INTERPRETATION_KIND
from gongkai.publication.interpretation import owes_interpretation
from gongkai.workdays import CalendarMissing


def unlinked(run: Inspection) -> list[Evidence]:
    """Policies on the web without a 解读 on the web, and 解读 on the web that no published document links."""
    # only a 政策解读 on the web interprets: a policy listing itself, or a 通知, as its 解读 has none
    on_web = {r.id for r in run.web_records if r.kind == INTERPRETATION_KIND}
    found: list[Evidence] = []
    linked: set[str] = set()
    name = run.catalog.name
    for record in run.web_records:
        shown = [i for i in record.interpretations if i in on_web and i != record.id]
        linked.update(shown)
        if owes_interpretation(record, name) and not shown:
            why = (f"所列解读 {'、'.join(record.interpretations)} 不是网站上的政策解读" if record.interpretations
                   else "没有关联政策解读")
            found.append(Evidence(f"{record.kind}「{record.title}」{why}", record.id, run.path("record", record.id)))
    for record in run.web_records:
        if record.kind == INTERPRETATION_KIND and record.id not in linked:
            found.append(Evidence(f"政策解读「{record.title}」没有被网站上的任何文件关联（看不到所解读的文件）",
                                  record.id, run.path("record", record.id)))
    return found


def check_interpretation(run: Inspection) -> Deduction:
    """政策文件与解读未相互关联 as a 扣分 item."""
    return run.thresholds.deductions.interpretation.deduction("interpretation", "解读回应", unlinked(run))


TIMING_SOURCE = "国办发〔2016〕80号《〈关于全面推进政务公开工作的意见〉实施细则》（解读材料与文件同步组织、同步审签、同步部署）"


def check_interpretation_timing(run: Inspection) -> Check:
    """政策解读 put on the web more working days after the document it explains than 解读时限 allows (a warning)."""
    agency = run.catalog.agency
    days = agency.lint.interpretation_days if agency else 3  # the setting validate's GK403 reads
    evidence = [e for record in run.web_records if owes_interpretation(record, run.catalog.name)
                if (e := _late(run, record, days)) is not None]
    return Check("interpretation-late", "解读回应", f"政策解读晚于所解读的文件公开（同步发布，最迟{days}个工作日）",
                 "逐条提醒（不计分；validate 的 GK403 也指出；天数为 gongkai.yaml「检查 → 解读时限工作日」）", TIMING_SOURCE,
                 Status.FAIL if evidence else Status.PASS, evidence, len(evidence))


def _late(run: Inspection, record: Record, limit: int) -> Evidence | None:
    """The first 解读 on the web of *record*, when it came out more than *limit* working days after *record*."""
    shown = [r for i in record.interpretations if i != record.id and (r := run.web_by_id.get(i)) is not None
             and r.kind == INTERPRETATION_KIND and r.published is not None]
    if not shown or record.published is None:
        return None
    first = min(shown, key=lambda r: (r.published, r.id))
    assert first.published is not None
    try:
        due = run.calendar.due(record.published, limit).date  # as GK403 counts it
        late = run.calendar.count_between(record.published, first.published)
    except CalendarMissing:
        return None  # a year no holiday notice covers yet: not a guess
    if first.published <= due:
        return None
    path = run.path("record", first.id)
    _, line, column = run.catalog.locate(Location(path, first.id, ("公开日期",)))
    at = f"{path}:{line}:{column}" if path and line else (path or first.id)
    return Evidence(f"{at} 政策解读「{first.title}」{first.published} 才公开，所解读的{record.kind}「{record.title}」"
                    f"{record.published} 已公开，晚{late}个工作日：解读应与文件同步发布（最迟{limit}个工作日）；"
                    "公开日期登记错了的，改正「公开日期」", first.id, path)
