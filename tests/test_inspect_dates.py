"""伪造发稿日期 proved from real git repositories: first commit of each record against its 公开日期.

2026-11-16 is a Monday: 3 working days later is Thursday 11-19; 11-20 (Fri) is the 4th, 11-21 (Sat) still the 4th.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import CatalogDir
from test_inspect import ANNUAL, BASE_AGENCY, LEADERS, check, write_record

TODAY = "2026-11-27"


def commit(top: Path, message: str, day: str) -> None:
    """Commit everything with author and committer dated *day* (noon, China time)."""
    stamp = f"{day}T12:00:00+08:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "测试",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=top, env=env, check=True, capture_output=True)


@pytest.fixture
def adopted(cat: CatalogDir) -> CatalogDir:
    """The catalog adopted in a real repository on 2026-10-09: its records then are not evidence of anything."""
    cat.write("gongkai.yaml", BASE_AGENCY + LEADERS)
    cat.write("records/2026/R2026-900.yaml", ANNUAL)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=cat.root.parent, check=True)
    commit(cat.root.parent, "启用 gongkai：录入已公开的信息", "2026-10-09")
    return cat


def dates(gk, root: Path, today: str = TODAY) -> tuple[int, dict]:
    run = gk("inspect", root, "--format", "json", "--today", today)
    assert run.code in (0, 1), run.err
    return run.code, check(json.loads(run.out), "dates")


@pytest.mark.parametrize("day, flagged", [("2026-11-19", False), ("2026-11-20", True), ("2026-11-21", True)])
def test_a_record_committed_more_than_three_working_days_after_its_date_is_flagged(gk, adopted, day, flagged):
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-11-16")
    commit(adopted.root.parent, "登记 R2026-002", day)
    code, entry = dates(gk, adopted.root)
    assert (entry["status"], code) == (("fail", 1) if flagged else ("pass", 0))
    if flagged:
        (found,) = entry["evidence"]
        assert found["id"] == "R2026-002" and found["path"] == "records/2026/R2026-002.yaml"
        assert "公开日期 2026-11-16" in found["text"] and f"{day} 才首次提交" in found["text"]
        assert "晚4个工作日" in found["text"]


@pytest.mark.parametrize("day, status", [("2026-10-10", "pass"), ("2026-10-12", "fail")])
def test_holidays_do_not_count_as_working_days(gk, adopted, day, status):
    # 10-01 … 10-07 are off: 10-08 is the 1st working day, 10-09 the 2nd, Saturday 10-10 (调休) the 3rd, 10-12 the 4th
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-09-30")
    commit(adopted.root.parent, "登记 R2026-002", day)
    assert dates(gk, adopted.root)[1]["status"] == status


def test_a_declared_late_entry_is_not_evidence(gk, adopted):
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-03-16", extra="补录: 2026年3月已在县政府门户网站公开，启用 gongkai 后补登\n")
    commit(adopted.root.parent, "补录 R2026-002", "2026-11-20")
    code, entry = dates(gk, adopted.root)
    assert (entry["status"], code) == ("pass", 0)


def test_records_present_at_adoption_are_not_evidence(gk, adopted):
    write_record(adopted, "R2026-002", "SHJZ-001", "2025-03-16")
    commit(adopted.root.parent, "登记 R2026-002", "2026-11-20")
    assert dates(gk, adopted.root)[1]["status"] == "fail"
    adopted.write("gongkai.yaml", BASE_AGENCY + LEADERS + "启用日期: 2026-11-20\n")  # the backlog was entered until then
    commit(adopted.root.parent, "写明启用日期", "2026-11-23")
    code, entry = dates(gk, adopted.root)
    assert (entry["status"], code) == ("pass", 0)


def test_the_first_addition_counts_not_a_later_move_or_edit(gk, adopted):
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-11-16")
    commit(adopted.root.parent, "登记", "2026-11-17")
    old = adopted.root / "records/2026/R2026-002.yaml"
    adopted.write("records/archive/R2026-002.yaml", old.read_text(encoding="utf-8").replace("正文。", "正文，已修改。"))
    old.unlink()
    commit(adopted.root.parent, "移动并修改", "2026-11-26")
    assert dates(gk, adopted.root)[1]["status"] == "pass"


def test_an_uncommitted_record_is_dated_today(gk, adopted):
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-11-23")  # 11-24 … 11-27 are 4 working days
    code, entry = dates(gk, adopted.root)
    assert entry["status"] == "fail" and "尚未提交" in entry["evidence"][0]["text"]
    assert dates(gk, adopted.root, "2026-11-26")[1]["status"] == "pass"


def test_what_is_not_on_the_web_is_not_judged(gk, adopted):
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-03-16", extra="撤回: {日期: 2026-11-20, 原因: 误发布}\n")
    commit(adopted.root.parent, "登记并撤回", "2026-11-20")
    assert dates(gk, adopted.root)[1]["status"] == "pass"


def test_a_shallow_clone_says_what_it_could_not_check(gk, adopted, tmp_path):
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-11-16")
    commit(adopted.root.parent, "登记 R2026-002", "2026-11-17")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{adopted.root.parent}", str(clone)], check=True)
    code, entry = dates(gk, clone / "catalog")
    assert (entry["status"], code) == ("pass", 0)
    assert "未能核验" in entry["note"] and "git fetch --unshallow" in entry["note"] and "R2026-002" in entry["note"]


def test_a_shallow_clone_still_dates_records_added_after_the_cut(gk, adopted, tmp_path):
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-11-16")
    commit(adopted.root.parent, "登记 R2026-002", "2026-11-17")
    write_record(adopted, "R2026-003", "SHJZ-001", "2026-11-02")
    commit(adopted.root.parent, "登记 R2026-003", "2026-11-20")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{adopted.root.parent}", str(clone)], check=True)
    code, entry = dates(gk, clone / "catalog")
    assert [e["id"] for e in entry["evidence"]] == ["R2026-003"] and code == 1
