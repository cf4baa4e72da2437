"""SARIF 2.1.0: the run declares every rule (with its Chinese explanation); results point at file, line, column."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import gongkai
from gongkai.diagnostics import Report, Severity
from gongkai.privacy.mask import mask_data, mask_log

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _rules() -> list[dict[str, Any]]:
    from gongkai.rules import REGISTRY  # the checker itself: only SARIF output needs the rule titles

    return [
        {
            "id": r.code,
            "name": r.slug,
            "shortDescription": {"text": r.title},
            "fullDescription": {"text": r.what},
            "help": {"text": f"为什么：{r.why}\n示例：{r.example}\n改为：{r.instead}"},
            "defaultConfiguration": {"level": LEVELS[r.severity]},
            "properties": {"family": r.family},
        }
        for r in sorted(REGISTRY.values(), key=lambda r: r.code)
    ]


def _result(item: Any, index: dict[str, int], prefix: str) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": item.code,
        "level": LEVELS[item.severity],
        "message": {"text": item.message + (f"（改正：{item.hint}）" if item.hint else "")},
    }
    if item.code in index:
        result["ruleIndex"] = index[item.code]
    if item.path:
        region = {"startLine": item.line or 1, "startColumn": item.column or 1}
        # (masked before it is percent-encoded: a name holding 「%31%33%38…」 reads 「%2531%2533…」 once encoded)
        uri = quote(mask_log(prefix + item.path), safe="/*")
        result["locations"] = [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}]
    return result


def render_sarif(report: Report, prefix: str = "") -> str:
    """The report as a SARIF 2.1.0 log; *prefix* is the catalog's path inside the repository (a URI: 「政务 目录」 is
    written %E6%94%BF%E5%8A%A1%20%E7%9B%AE%E5%BD%95)."""
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "gongkai", "version": gongkai.__version__, "rules": rules}},
            "results": [_result(d, index, prefix) for d in report.sorted()],
        }],
    }
    return mask_log(json.dumps(mask_data(log), ensure_ascii=False, indent=2) + "\n")
