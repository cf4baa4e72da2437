"""JSON: {"version": 1, "summary": {...}, "diagnostics": [Diagnostic.to_dict(), …]} — documented in README."""

from __future__ import annotations

import json

from gongkai.diagnostics import Report, Severity
from gongkai.privacy.mask import mask_data, mask_log

JSON_VERSION = 1


def render_json(report: Report) -> str:
    """The report as stable, sorted JSON."""
    data = {
        "version": JSON_VERSION,
        "summary": {
            "files": report.files_checked,
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "infos": report.count(Severity.INFO),
        },
        "diagnostics": [d.to_dict() for d in report.sorted()],
    }
    return mask_log(json.dumps(mask_data(data), ensure_ascii=False, indent=2) + "\n")
