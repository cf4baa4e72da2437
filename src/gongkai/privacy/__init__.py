"""Personal data in what is published (DOMAIN.md §7): the scanner the publishing gate and the GK6xx rules use."""

from __future__ import annotations

from gongkai.catalog import Catalog
from gongkai.model import Record
from gongkai.privacy.scan import ColumnWarning, PrivacyFinding, RecordScan, catalog_scan, scan_record

__all__ = ["ColumnWarning", "PrivacyFinding", "RecordScan", "catalog_scan", "record_findings", "scan_record"]


def record_findings(catalog: Catalog, record: Record) -> list[PrivacyFinding]:
    """Every privacy finding in the published parts of *record* (title, body, readable attachments)."""
    return list(scan_record(catalog, record).findings)
