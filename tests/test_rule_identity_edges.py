"""Edges of the reference rules that the one-fixture-per-rule table in test_rules.py misses."""

from __future__ import annotations

import json

from conftest import RECORD


def test_a_record_forwarding_itself_is_reported(gk, cat):
    # the id exists, so "not found" says nothing: the record names itself as the document it forwards
    cat.record(RECORD + "转发: R2026-001\n")
    run = gk("validate", cat.root, "--format", "json", "--no-cache", "--today", "2026-11-27")
    assert run.code == 1, run.err
    found = [(d["line"], d["message"]) for d in json.loads(run.out)["diagnostics"] if d["code"] == "GK207"]
    assert found == [(19, "信息不能转发它自己")]
