"""gongkai inspect, fourteenth hostile round: the clerk's own inspect.yaml, links typed into 正文 with the portal's
path in other letters, and records that entered the history only in a merge commit.

Today is 2026-11-27 (a Friday) unless a test says otherwise.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from test_inspect import check, icat, ids, inspect, write_record  # noqa: F401 - icat: a fixture
from test_inspect_dates import adopted, commit, dates  # noqa: F401 - adopted: a fixture

TODAY = "2026-11-27"


def git(top: Path, *args: str, day: str = "2026-11-18") -> None:
    stamp = f"{day}T12:00:00+08:00"
    env = {**os.environ, "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "测试",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
    subprocess.run(["git", *args], cwd=top, env=env, check=True, capture_output=True)


def merged_in(cat, published: str) -> None:
    """Two branches each adding a record on 2026-11-16, merged on 2026-11-18; R2026-002 (公开日期 *published*) added
    while the merge was being made (a conflict resolved by adding the file): in no commit but the merge itself."""
    top = cat.root.parent
    git(top, "checkout", "-q", "-b", "clerk")
    write_record(cat, "R2026-003", "SHJZ-001", "2026-11-16")
    commit(top, "登记 R2026-003", "2026-11-16")
    git(top, "checkout", "-q", "main")
    write_record(cat, "R2026-004", "SHJZ-001", "2026-11-16")
    commit(top, "登记 R2026-004", "2026-11-16")
    git(top, "merge", "-q", "--no-ff", "--no-commit", "clerk")
    write_record(cat, "R2026-002", "SHJZ-001", published)
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", "合并 clerk，补登 R2026-002")


@pytest.mark.parametrize(("text", "where", "said"), [
    # a list replaces the shipped one: its element lacks 类型 because the key was typed 「类 型」
    ("栏目类型推定:\n  - 类 型: 动态要闻\n    关键词: [动态]\n", "inspect.yaml:2:5", "键名「类 型」中间多了空格，应为「类型」"),
    ("栏目类型推定:\n  - 种类: 动态要闻\n    关键词: [动态]\n", "inspect.yaml:2:5", "未知字段「种类」"),
])
def test_a_key_written_wrong_in_inspect_yaml_is_named_not_an_internal_error(gk, icat, text, where, said):  # noqa: F811
    """Before (with one finding per wrong key): 「内部错误」, exit 3 — the explanations no longer paired one to one
    with pydantic's errors."""
    icat.write("inspect.yaml", text)
    run = gk("inspect", icat.root, "--today", TODAY)
    assert run.code == 2 and "内部错误" not in run.err
    assert f"{where}：{said}" in run.err


# ── 伪造发稿日期: a record that entered in a merge commit ─────────────────────────────────────────────────────────────


def test_a_record_added_in_a_merge_commit_is_dated_by_the_merge(gk, adopted):  # noqa: F811
    """Before: 「至今（2026-11-27）尚未提交」, 单项否决 — `git log --no-merges` never saw the file enter."""
    merged_in(adopted, "2026-11-17")  # committed the next working day
    code, entry = dates(gk, adopted.root)
    assert (entry["status"], code) == ("pass", 0), entry


def test_a_late_record_added_in_a_merge_commit_is_flagged_with_the_merge_day(gk, adopted):  # noqa: F811
    merged_in(adopted, "2026-11-10")  # 11-11 … 11-18: six working days
    code, entry = dates(gk, adopted.root)
    assert ids(entry) == ["R2026-002"] and code == 1
    assert "2026-11-18 才首次提交" in entry["evidence"][0]["text"] and "晚6个工作日" in entry["evidence"][0]["text"]


# ── links whose path is the site's in other letters ────────────────────────────────────────────────────────────────


def test_a_link_to_the_site_in_other_letters_is_checked_as_the_sites(gk, icat, tmp_path):  # noqa: F811
    """Before: 「/ZWGK/MZJ/…」 was taken for another part of the portal — listed for review as 「其他网站」 and never
    checked, though a case-sensitive server answers it with 404."""
    write_record(icat, "R2026-002", "SHJZ-050", "2026-11-20",
                 body="[甲](https://www.example.gov.cn/ZWGK/MZJ/records/R2026-050.html) [乙](/zwgk/Mzj/index.html)")
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", TODAY).code == 0
    _, sheet = inspect(gk, icat.root, "--site", site)
    found = [e["text"] for e in check(sheet, "links")["evidence"]]
    assert len(found) == 2, found
    assert all("大小写与网站地址「/zwgk/mzj/」不同" in t for t in found)
    assert not any("ZWGK" in e["text"] or "Mzj" in e["text"] for e in check(sheet, "review-links")["evidence"])


def test_inspect_yaml_positions_count_invisible_characters(gk, icat):  # noqa: F811
    # 「  未按期更新否决\u200b: 多」: the value 「多」 is the 13th character as Notepad counts (12th without the space)
    icat.write("inspect.yaml", "栏目更新:\n  未按期更新否决\u200b: 多\n")
    run = gk("inspect", icat.root, "--today", TODAY)
    assert run.code == 2 and "inspect.yaml:2:13" in run.err
