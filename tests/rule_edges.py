"""What the tests of the rules' edges (tests/test_rule_*_edges.py) share: a record with lines replaced, and the
findings of one rule from the real `gongkai validate --format json`."""

from __future__ import annotations

import json
import re

from conftest import RECORD, CatalogDir

TODAY = "2026-11-27"


def rec(text: str = RECORD, **changes: str) -> str:
    """*text* (RECORD) with lines replaced: key=new line (or '' to drop)."""
    for old, new in changes.items():
        text = re.sub(rf"^{old}:.*\n", new + ("\n" if new else ""), text, flags=re.M)
    return text


def findings(gk, cat: CatalogDir, code: str, today: str = TODAY) -> list[dict]:  # type: ignore[no-untyped-def]
    """The diagnostics of rule *code* that validate reports on the catalog, without its cache."""
    run = gk("validate", cat.root, "--format", "json", "--no-cache", "--today", today)
    assert run.code in (0, 1, 2), run.err
    return [d for d in json.loads(run.out)["diagnostics"] if d["code"] == code]
