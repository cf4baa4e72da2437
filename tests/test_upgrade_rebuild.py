"""After gongkai itself is upgraded, the next build-site re-decides what is published, even when the catalog did not
change: a site built by an older gate (one a later version mends: the leaks of the twenty-third session were each such
a mend) must not be kept because 「网站没有变化」.

The version number is no identity of the code: it stayed 0.1.0 through every mend, and a bureau installs from the
repository. "The older gongkai" is emulated in-process: its code salt differs and its gate holds back one record the
current gate publishes (the other way round — a record the older gate let out — is the leak; the build path that
re-decides is the same).
"""

from __future__ import annotations

import importlib

import pytest

import gongkai.catalog.cache
import gongkai.site.build
from gongkai.gate.admit import Outcome, Verdict
from gongkai.site import build_site
from test_hostile20_incremental import DAY, pc, updated_equals_fresh  # noqa: F401 — pc is a fixture

PAGE = "records/R2026-010.html"
ADMIT = importlib.import_module("gongkai.gate.admit")  # gongkai.gate.admit is also the name of a function


def older_gongkai(monkeypatch: pytest.MonkeyPatch) -> None:
    decide = ADMIT._decide

    def older(catalog, record, *args, **kwargs):  # type: ignore[no-untyped-def]
        if record.id == "R2026-010":
            return Outcome(record.id, Verdict.HELD, why="the older gate held it")
        return decide(catalog, record, *args, **kwargs)

    monkeypatch.setattr(ADMIT, "_decide", older)
    for module in (gongkai.catalog.cache, gongkai.site.build):
        monkeypatch.setattr(module, "code_salt", lambda: "the code of an older gongkai")


def test_a_site_built_by_an_older_gongkai_is_decided_again_though_the_catalog_did_not_change(pc, tmp_path):
    site = tmp_path / "site"
    with pytest.MonkeyPatch.context() as older:
        older_gongkai(older)
        build_site(pc.root, site, DAY)
        assert build_site(pc.root, site, DAY).unchanged  # the older gongkai, run again: nothing to do
    assert not (site / PAGE).exists()
    result = build_site(pc.root, site, DAY)
    assert not result.unchanged
    assert "网站通知甲" in (site / PAGE).read_text("utf-8")
    assert updated_equals_fresh(pc.root, site, DAY) == []


def test_the_same_gongkai_run_again_still_has_nothing_to_do(pc, tmp_path):
    site = tmp_path / "site"
    build_site(pc.root, site, DAY)
    assert build_site(pc.root, site, DAY).unchanged
