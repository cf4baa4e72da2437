"""Personal data in what is published (DOMAIN.md §7): the scanner the publishing gate and the GK6xx rules use."""

from __future__ import annotations

from gongkai.catalog import Catalog
from gongkai.model import Item, Record
from gongkai.privacy.detect import find
from gongkai.privacy.scan import ColumnWarning, PrivacyFinding, RecordScan, catalog_scan, scan_record

__all__ = ["ColumnWarning", "PrivacyFinding", "RecordScan", "catalog_scan", "item_findings", "record_findings",
           "scan_record"]


def record_findings(catalog: Catalog, record: Record) -> list[PrivacyFinding]:
    """Every privacy finding in the published parts of *record* (title, body, readable attachments)."""
    return list(scan_record(catalog, record).findings)


def item_findings(catalog: Catalog, item: Item) -> list[PrivacyFinding]:
    """Personal data in any text field of an item (every item is shown on the website)."""
    found = []
    for key, value in item.model_dump(by_alias=True).items():
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str):
                found.extend(PrivacyFinding(item.id, h.kind, key, h.masked, (key,), None, h.label) for h in find(text))
    return found
