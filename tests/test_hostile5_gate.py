"""Fifth hostile pass: ways to write a number that the gate did not read, each tried through the real CLI.

Values typed by hand: 13800138000 is a mobile (1[3-9] + 9 digits); 350524198503151236 an 18-digit 身份证号 whose
check digit is right; 34052419800101001X one whose check digit is X.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import RECORD, git


def findings(gk, root: Path) -> list[tuple[str, int]]:
    run = gk("validate", root, "--format", "json")
    assert run.code in (0, 1), run.err
    return [(d["code"], d["line"]) for d in json.loads(run.out)["diagnostics"] if d["code"].startswith("GK60")]


def with_title(text: str) -> str:
    return RECORD.replace("题名: 测试县民政局关于", f"题名: 测试县民政局{text}关于")


# A field is shown on every page as the clerk typed it (escaped): the digits inside «<…>» or «<!-- -->» are on the
# page. The detector took them for markup a browser hides and dropped them: validate passed, diff and log printed
# the number in full (a CI comment).
@pytest.mark.parametrize("hidden", [
    "<a title=13800138000>", "<span data-x='138 0013 8000'>", "<!-- 13800138000 -->", "<b 350524198503151236>",
])
def test_digits_inside_a_tag_in_a_field_are_found(gk, cat, hidden):
    cat.record(with_title(hidden))
    assert [code for code, line in findings(gk, cat.root)] in (["GK602"], ["GK601"])
    assert [line for code, line in findings(gk, cat.root)] == [2]


def test_diff_and_log_mask_digits_inside_a_tag(gk, repo):
    record = repo / "catalog" / "records" / "2026" / "R2026-001.yaml"
    record.write_text(with_title("<a title=13800138000>"), encoding="utf-8")
    git(repo, "commit", "-qam", "题名<a title=13800138000>")
    for args in (("diff", "HEAD~1", "HEAD"), ("diff", "HEAD~1", "HEAD", "--format", "json"), ("log", "R2026-001")):
        run = gk(*args, "-C", repo / "catalog")
        assert "13800138000" not in run.out + run.err, args
        assert "138****8000" in run.out, args


def test_mask_masks_digits_inside_a_tag(gk, tmp_path):
    sheet = tmp_path / "名单.csv"
    sheet.write_text("姓名,备注\n王五,<a title=13800138000>\n", encoding="utf-8")
    run = gk("mask", sheet)
    assert run.code == 0, run.err
    assert sheet.read_text(encoding="utf-8") == "姓名,备注\n王五,<a title=138****8000>\n"
