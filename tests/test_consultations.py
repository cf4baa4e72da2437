"""The consultation register (consultations/): loading, channel aliases, rules GK950–GK953, never published."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CatalogDir
from gongkai.rules import REGISTRY

MESSAGE = """\
编号: ZX-2026-001
收到日期: 2026-09-01
渠道: 留言
主题: 高龄津贴的申领条件
答复日期: 2026-09-07
承办单位: shjzg
"""


def _codes(gk, root: Path, today: str = "2026-11-27") -> list[tuple[str, str | None, int | None]]:
    data = gk("validate", root, "--format", "json", "--no-cache", "--today", today).json()
    return sorted((d["code"], d["id"], d["line"]) for d in data["diagnostics"] if d["code"].startswith("GK9"))


CASES = {
    "GK950": (lambda c: c.write("consultations/2026/ZX-2026-002.yaml", MESSAGE),
              lambda c: c.write("consultations/2026/ZX-2026-001.yaml", MESSAGE)),
    "GK951": (lambda c: c.write("consultations/2026/ZX-2026-001.yaml", MESSAGE.replace("答复日期: 2026-09-07", "答复日期: 2026-08-31")),
              lambda c: c.write("consultations/2026/ZX-2026-001.yaml", MESSAGE.replace("答复日期: 2026-09-07", "答复日期: 2026-09-01"))),
    "GK952": (lambda c: c.write("consultations/2026/ZX-2026-001.yaml", MESSAGE.replace("答复日期: 2026-09-07", "答复日期: 2026-11-28")),
              lambda c: c.write("consultations/2026/ZX-2026-001.yaml", MESSAGE.replace("答复日期: 2026-09-07", "答复日期: 2026-11-27"))),
    "GK953": (lambda c: c.write("consultations/2026/ZX-2026-001.yaml", MESSAGE.replace("承办单位: shjzg", "承办单位: ylfw")),
              lambda c: c.write("consultations/2026/ZX-2026-001.yaml", MESSAGE.replace("承办单位: shjzg", "承办单位: bgs"))),
}


def test_every_consultation_rule_has_fixtures():
    assert {c for c in REGISTRY if c.startswith("GK95")} == set(CASES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_failing_fixture_reports_the_rule(gk, cat: CatalogDir, code):
    CASES[code][0](cat)
    found = [f for f in _codes(gk, cat.root) if f[0] == code]
    assert found and all(line for _, _, line in found), found


@pytest.mark.parametrize("code", sorted(CASES))
def test_passing_fixture_does_not(gk, cat: CatalogDir, code):
    CASES[code][1](cat)
    assert [f for f in _codes(gk, cat.root) if f[0] == code] == []


def test_duplicate_ids_are_reported_once_with_the_first_file(gk, cat: CatalogDir):
    cat.write("consultations/2026/ZX-2026-001.yaml", MESSAGE)
    cat.write("consultations/2025/ZX-2026-001.yaml", MESSAGE)
    data = gk("validate", cat.root, "--format", "json", "--no-cache").json()
    hits = [d for d in data["diagnostics"] if d["code"] == "GK950"]
    assert len(hits) == 1 and "consultations/2025/ZX-2026-001.yaml" in hits[0]["message"]


def test_unknown_channel_and_missing_topic_name_file_line_column(gk, cat: CatalogDir):
    cat.write("consultations/2026/ZX-2026-001.yaml", MESSAGE.replace("渠道: 留言", "渠道: 飞鸽传书")
              .replace("主题: 高龄津贴的申领条件\n", ""))
    run = gk("validate", cat.root, "--no-cache", "--format", "json")
    assert run.code == 1
    found = {(d["path"], d["line"], d["column"], d["code"]) for d in run.json()["diagnostics"]}
    assert ("consultations/2026/ZX-2026-001.yaml", 3, 5, "GK104") in found
    assert any("主题" in d["message"] for d in run.json()["diagnostics"])


def test_the_register_never_reaches_the_site(gk, cat: CatalogDir, tmp_path):
    cat.write("consultations/2026/ZX-2026-001.yaml", MESSAGE.replace("高龄津贴的申领条件", "独一无二的咨询主题甲乙丙"))
    site = tmp_path / "site"
    assert gk("build-site", cat.root, "--out", site, "--no-search").code == 0
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".csv", ".txt"}:
            assert "独一无二的咨询主题" not in path.read_text(encoding="utf-8", errors="replace"), path


def test_the_bundled_register_is_clean(gk, bundled):
    data = json.loads(gk("validate", bundled, "--format", "json", "--today", "2026-11-27").out)
    assert [d for d in data["diagnostics"] if d["code"].startswith("GK9")] == []
