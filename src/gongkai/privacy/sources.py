"""The source scan as the gate calls it: a record's refused attachments and personal data, an item, gongkai.yaml, the
annual report's data."""

from __future__ import annotations

from gongkai.catalog import Catalog
from gongkai.diagnostics import Location
from gongkai.model import Item, Record
from gongkai.privacy.attachments import attachment_problem
from gongkai.privacy.findings import PrivacyFinding, file_finding, model_findings
from gongkai.privacy.mask import mask_log
from gongkai.privacy.scan import allowed_of, scan_record, scanner_of


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
    return scanner_of(catalog).item_findings(item)


def agency_findings(catalog: Catalog) -> list[PrivacyFinding]:
    """Personal data in gongkai.yaml (contacts, 领导 …); the bureau's own phones and addresses are allowed."""
    agency = catalog.agency
    if agency is None:
        return []
    return model_findings("", agency, allowed_of(agency))


def annual_findings(catalog: Catalog) -> list[tuple[str, PrivacyFinding]]:
    """(path, finding) of personal data in annual/<year>.yaml: its texts are published in the annual report (条例
    第五十条); the bureau's own phones and addresses are allowed."""
    allowed = allowed_of(catalog.agency)
    return [(path, found) for path, data in catalog.models("annual") for found in model_findings("", data, allowed)]


def placed(catalog: Catalog, finding: PrivacyFinding, path: str | None = None, object_id: str | None = None) -> str:
    """Where *finding* is, as a clerk finds it in Notepad: the file, its line and column, and the field — a refusal
    that names only the field leaves them searching a file of hundreds of lines."""
    location = Location(path, object_id, finding.field)
    file, line, column = catalog.locate(location)
    offset = catalog.block_offset(location, finding.line)
    if line and offset:  # (in a literal block: its line, as validate shows it)
        line, column = line + offset, 1
    if file is None:
        return finding.where
    return f"{file} 第{line}行第{column}列{finding.where}" if line and column else f"{file} {finding.where}"
