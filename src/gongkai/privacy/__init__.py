"""Personal data in what is published (DOMAIN.md §7): the source scan the publishing gate and the GK6xx rules use.

record_findings, item_findings and agency_findings are what the gate calls; each finding is already masked.
The independent scan of assembled outputs is gongkai.privacy.outputs.

Names are imported from their modules on first use: the CLI imports gongkai.privacy.mask at start-up, and a package
that imported the catalog, pydantic and the document readers here would make every `gongkai --help` pay for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # `name as name`: an explicit re-export, which mypy --strict asks of a package
    from gongkai.privacy.attachments import (
        AttachmentRefused as AttachmentRefused, FileProblem as FileProblem, attachment_problem as attachment_problem,
        read_attachment as read_attachment, resolved as resolved, same_file as same_file,
    )
    from gongkai.privacy.findings import (
        ColumnWarning as ColumnWarning, PrivacyFinding as PrivacyFinding, standing_on as standing_on,
    )
    from gongkai.privacy.mask import (
        mask_log as mask_log, mask_names as mask_names, mask_text as mask_text,
    )
    from gongkai.privacy.scan import (
        RecordScan as RecordScan, allowed_of as allowed_of, attachment_id as attachment_id,
        catalog_scan as catalog_scan, scan_ahead as scan_ahead, scan_record as scan_record,
    )
    from gongkai.privacy.titles import listed_title_names as listed_title_names
    from gongkai.privacy.sources import (
        agency_findings as agency_findings, annual_findings as annual_findings,
        attachment_findings as attachment_findings, item_findings as item_findings, placed as placed,
        record_findings as record_findings,
    )

_HOMES = {
    "attachments": ("AttachmentRefused", "FileProblem", "attachment_problem", "read_attachment", "resolved",
                    "same_file"),
    "findings": ("ColumnWarning", "PrivacyFinding", "standing_on"),
    "mask": ("mask_log", "mask_names", "mask_text"),
    "scan": ("RecordScan", "allowed_of", "attachment_id", "catalog_scan", "scan_ahead", "scan_record"),
    "sources": ("agency_findings", "annual_findings", "attachment_findings", "item_findings", "placed",
                "record_findings"),
    "titles": ("listed_title_names",),
}
_HOME = {name: module for module, names in _HOMES.items() for name in names}

__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    """The exported *name*, imported from its module on first use."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
