"""Personal data in what is published (DOMAIN.md §7). The scanner is built in issue 6; this is its interface."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.catalog import Catalog
from gongkai.model import Record


@dataclass(frozen=True)
class PrivacyFinding:
    """Unmasked personal data in a record: what kind, where (field, cell or page), the value already masked."""

    record_id: str
    kind: str
    where: str
    masked_value: str


def record_findings(catalog: Catalog, record: Record) -> list[PrivacyFinding]:
    """Every privacy finding in the published parts of *record* (title, body, readable attachments)."""
    return []
