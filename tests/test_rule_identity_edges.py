"""Edges of the reference rules that the one-fixture-per-rule table in test_rules.py misses."""

from __future__ import annotations


from conftest import RECORD
from rule_edges import findings


def test_a_record_forwarding_itself_is_reported(gk, cat):
    # the id exists, so "not found" says nothing: the record names itself as the document it forwards
    cat.record(RECORD + "转发: R2026-001\n")
    found = [(d["line"], d["message"]) for d in findings(gk, cat, "GK207")]
    assert found == [(19, "信息不能转发它自己")]
