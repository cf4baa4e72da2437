r"""A number written as JSON or JavaScript escapes (\u0031\u0033\u0038…): a program reading the page or its data
decodes it, and the output scan reads it so. The source scan reads it the same way: validate points at it and the gate
holds the record back — before, validate found nothing and the build stopped whole at the output scan, saying to run
validate, which said nothing.
"""

from __future__ import annotations

from pathlib import Path

from tests.conftest import RECORD, CatalogDir

MOBILE = "13805951234"
ESCAPED = "".join(f"\\u{ord(c):04x}" for c in MOBILE)  # \u0031\u0033\u0038…, as typed in the YAML (one backslash)
SECOND = RECORD.replace("R2026-001", "R2026-002").replace("00001", "00002").replace("〕1号", "〕2号")


def _catalog(cat: CatalogDir, body: str) -> None:
    cat.item()
    cat.record(RECORD.replace("经审核，现将名单予以公示。", body))
    cat.record(SECOND, "records/2026/R2026-002.yaml")


def test_validate_points_at_a_mobile_written_as_escapes_and_shows_it_masked(gk, cat: CatalogDir) -> None:
    _catalog(cat, f"联系电话 {ESCAPED}")
    run = gk("validate", cat.root)
    assert run.code == 1
    assert "GK602" in run.out and "138****1234" in run.out
    assert MOBILE not in run.out + run.err and ESCAPED not in run.out + run.err


def test_the_gate_holds_back_the_record_and_the_build_publishes_the_rest(gk, cat: CatalogDir, tmp_path: Path) -> None:
    _catalog(cat, f"联系电话 {ESCAPED}")
    site = tmp_path / "site"
    run = gk("build-site", cat.root, "--out", site, "--no-search")
    assert run.code == 0, run.out + run.err
    assert "R2026-001 没有发布" in run.out + run.err and "138****1234" in run.out + run.err
    assert not (site / "records/R2026-001.html").exists()
    assert (site / "records/R2026-002.html").exists()
    for path in site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert MOBILE.encode() not in data and b"u0031\\u0033" not in data, path


def test_escapes_of_words_are_no_number(gk, cat: CatalogDir, tmp_path: Path) -> None:
    _catalog(cat, "说明：\\u4e2d\\u6587 与 \\u0031\\u0032 月")  # 中文, and a twelve
    assert gk("validate", cat.root).code == 0
    assert gk("build-site", cat.root, "--out", tmp_path / "site", "--no-search").code == 0
    assert (tmp_path / "site/records/R2026-001.html").exists()
