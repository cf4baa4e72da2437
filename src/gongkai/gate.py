"""The one gate that decides what may leave the building: 主动公开 records without a privacy finding.

Every publisher — the site, search index, feeds, open data, exports, the library's handover manifest — takes its
records from here and filters nothing on its own (a test enumerates the publishers).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.catalog import Catalog
from gongkai.model import Record
from gongkai.privacy import PrivacyFinding, record_findings


@dataclass
class GateResult:
    """Records admitted for publication, and those held back with the reason."""

    admitted: list[Record] = field(default_factory=list)
    blocked: dict[str, list[PrivacyFinding]] = field(default_factory=dict)

    def admits(self, record_id: str) -> bool:
        return any(r.id == record_id for r in self.admitted)


def publishable(catalog: Catalog) -> GateResult:
    """主动公开 records with a 公开日期 and no unmasked personal data, newest first."""
    result = GateResult()
    for record in catalog.records.values():
        if not (record.is_public and record.published is not None):
            continue
        findings = record_findings(catalog, record)
        if findings:
            result.blocked[record.id] = findings
        else:
            result.admitted.append(record)
    result.admitted.sort(key=lambda r: (r.published, r.id), reverse=True)
    return result
