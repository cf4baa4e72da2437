"""Which document replaced another: what a page, a print sheet or an article of a document no longer in force sends its
reader to instead (DOMAIN.md §12: a superseded document must say so where a reader sees it)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from gongkai.gate.admission import Admission


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
