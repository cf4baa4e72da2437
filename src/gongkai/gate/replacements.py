"""Which document replaced another: what a page, a print sheet or an article of a document no longer in force sends its
reader to instead (DOMAIN.md §12: a superseded document must say so where a reader sees it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from gongkai.gate.admission import Admission, State


@dataclass(frozen=True)
class Replacements:
    """The records out on a day by 编号, and by each 编号 their 替代 names (the newest one naming it)."""

    by_id: Mapping[str, Admission]
    naming: Mapping[str, Admission]

    @classmethod
    def of(cls, admissions: Iterable[Admission]) -> Replacements:
        """From admissions listed newest first (as the gate lists them)."""
        by_id: dict[str, Admission] = {}
        naming: dict[str, Admission] = {}
        for admission in admissions:
            by_id[admission.id] = admission
            for old in admission.facts.replaces:
                naming.setdefault(old, admission)
        return cls(by_id, naming)

    def replaced_by(self, admission: Admission) -> Admission | None:
        """The record out that replaced this one (replacing())."""
        return self.replacing(admission.id, admission.facts.replaced_by)

    def replacing(self, record_id: str, replaced_by: str | None) -> Admission | None:
        """The record out that replaced *record_id*: its 被替代 (*replaced_by*) when that one is out, else the newest out
        whose 替代 names it, so a document that forgot its own 被替代, or names one not out (GK414), still leads to its
        replacement. The site, print, wechat and the handover's 撤换公函 all ask here: they name the same one."""
        named = self.by_id.get(replaced_by or "")
        return named if named is not None else self.naming.get(record_id)

    def current(self, admission: Admission) -> Admission | None:
        """The record a reader of this one should turn to: along the chain of replacements (2024's standard replaced
        by 2025's, replaced in turn by 2026's) to the first one in force, else the last one out; never the record
        itself."""
        found, seen = self.replaced_by(admission), {admission.id}
        while found is not None and found.id not in seen and not found.in_force:
            seen.add(found.id)
            after = self.replaced_by(found)
            if after is None or after.id in seen:  # the end of the chain, or a loop back (GK414's to mend)
                break
            found = after
        return None if found is None or found.id == admission.id else found


def end_replaced_lists(admitted: list[Admission]) -> list[Admission]:
    """*admitted* (newest first) with each running list of people that a record out replaces ended the day before its
    replacement was published (its own 公开日期 at the earliest), as a list whose 有效性 says 已修改 ends
    (publication.standing.replaced_list_end). A 更正公示 written with 替代 (or the list with 被替代) and the list's
    有效性 not changed (GK414) left the names wrongly listed up beside the corrected list until the old period ended
    (hostile pass 37): a list is never shown next to the one that corrects it."""
    replacements = Replacements.of(admitted)

    def ended(admission: Admission) -> Admission:
        if not (admission.lists_people and admission.in_force and admission.state is State.CURRENT):
            return admission
        found = replacements.replaced_by(admission)
        if found is None or found.id == admission.id:
            return admission
        end = max(admission.facts.published, found.facts.published - dt.timedelta(days=1))
        if admission.notice_end is not None and admission.notice_end <= end:
            return admission  # over before it was replaced: its own period says so
        return replace(admission, state=State.ENDED, notice_end=end)

    return [ended(admission) for admission in admitted]
