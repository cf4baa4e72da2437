"""Personal data in what is published (DOMAIN.md §7): the source scan the publishing gate and the GK6xx rules use.

record_findings, item_findings and agency_findings are what the gate calls; each finding is already masked.
The independent scan of assembled outputs is gongkai.privacy.outputs.
"""

from __future__ import annotations

from gongkai.catalog import Catalog
from gongkai.model import Item, Record
from gongkai.privacy.attachments import AttachmentRefused, FileProblem, attachment_problem, read_attachment
from gongkai.privacy.fields import describe, model_texts
from gongkai.privacy.findings import ColumnWarning, PrivacyFinding, file_finding, segment_findings
from gongkai.privacy.extract import Segment
from gongkai.privacy.mask import mask_log
from gongkai.privacy.scan import RecordScan, allowed_of, catalog_scan, scan_record

__all__ = ["AttachmentRefused", "ColumnWarning", "FileProblem", "PrivacyFinding", "RecordScan", "agency_findings",
           "attachment_findings", "attachment_problem", "catalog_scan", "item_findings", "mask_log",
           "read_attachment", "record_findings", "scan_record"]


def record_findings(catalog: Catalog, record: Record) -> list[PrivacyFinding]:
    """Everything that keeps *record* from being published: refused attachments, and personal data anywhere in it."""
    return attachment_findings(catalog, record) + list(scan_record(catalog, record).findings)


def attachment_findings(catalog: Catalog, record: Record) -> list[PrivacyFinding]:
    """The attachments of *record* that fail the attachment check (path, link, file, format, content), checked now."""
    found = []
    for index, attachment in enumerate(record.attachments):
        problem = attachment_problem(catalog, attachment.file)
        if problem is not None:
            where = f"附件「{mask_log(attachment.file)}」"
            found.append(file_finding(record.id, ("附件", index, "文件"), where, problem.code, problem.reason))
    return found


def item_findings(catalog: Catalog, item: Item) -> list[PrivacyFinding]:
    """Personal data in any field of a disclosure item (公开内容, 公开依据, 咨询电话, 备注, 空白说明 …)."""
    allowed = allowed_of(catalog.agency)
    return [f for path, text in model_texts(item)
            for f in segment_findings(item.id, path, [Segment(text, describe(path))], allowed)]


def agency_findings(catalog: Catalog) -> list[PrivacyFinding]:
    """Personal data in gongkai.yaml (contacts, 领导 …); the bureau's own phones and addresses are allowed."""
    agency = catalog.agency
    if agency is None:
        return []
    allowed = allowed_of(catalog.agency)
    return [f for path, text in model_texts(agency)
            for f in segment_findings("", path, [Segment(text, describe(path))], allowed)]
