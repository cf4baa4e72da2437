"""gongkai inspect attacked as the provincial inspector and as the bureau's clerk (round 13).

Today is 2026-11-27 (a Friday) unless a test says otherwise. Working days are counted by hand from the 2026/2027
holiday notices (国办发明电〔2025〕7号 for 2026).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import BUNDLED, CatalogDir
from test_inspect import ANNUAL, BASE_AGENCY, LEADERS, SITE, check, icat, ids, inspect, write_item, write_record  # noqa: F401
from test_inspect_dates import adopted, commit, dates  # noqa: F401 - adopted: a fixture

TODAY = "2026-11-27"


def git_env(**dates: str) -> dict[str, str]:
    return {**os.environ, "GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "测试",
            "GIT_COMMITTER_EMAIL": "t@example.org", **dates}


def commit_as(top: Path, message: str, author: str, committer: str) -> None:
    env = git_env(GIT_AUTHOR_DATE=author, GIT_COMMITTER_DATE=committer)
    for args in (["add", "-A"], ["commit", "-q", "-m", message]):
        subprocess.run(["git", *args], cwd=top, env=env, check=True, capture_output=True)


# ── 伪造发稿日期 ──────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_fake_author_date_does_not_hide_when_the_record_entered(gk, adopted):
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-11-16")
    commit_as(adopted.root.parent, "登记", "2026-11-17T12:00:00+08:00", "2026-11-25T12:00:00+08:00")
    code, entry = dates(gk, adopted.root)
    assert (entry["status"], code) == ("fail", 1)


def test_a_commit_dated_before_its_parent_is_dated_by_its_parent(gk, adopted):
    write_record(adopted, "R2026-003", "SHJZ-001", "2026-11-24")
    commit(adopted.root.parent, "登记 R2026-003", "2026-11-25")
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-11-16")
    commit(adopted.root.parent, "登记 R2026-002（日期改早）", "2026-11-17")
    code, entry = dates(gk, adopted.root)
    assert ids(entry) == ["R2026-002"] and code == 1


def test_commit_days_are_china_days(gk, adopted):
    # 2026-11-19 20:00 at -08:00 is 2026-11-20 12:00 in China: the 4th working day after Monday 11-16
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-11-16")
    commit_as(adopted.root.parent, "登记", "2026-11-19T20:00:00-08:00", "2026-11-19T20:00:00-08:00")
    assert dates(gk, adopted.root)[1]["status"] == "fail"


def test_a_catalog_not_yet_committed_is_all_present_at_adoption(gk, cat):
    cat.write("gongkai.yaml", BASE_AGENCY + LEADERS)
    write_record(cat, "R2026-002", "SHJZ-001", "2025-03-16")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=cat.root.parent, check=True)
    code, entry = dates(gk, cat.root)
    assert entry["status"] == "pass" and entry["evidence"] == []


@pytest.mark.parametrize("reason", ["无", "暂无", "  无。", "-", "略", "是", "1"])
def test_a_late_entry_without_a_reason_is_not_a_late_entry(gk, adopted, reason):
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-03-16", extra=f"补录: \"{reason}\"\n")
    commit(adopted.root.parent, "补录", "2026-11-20")
    code, entry = dates(gk, adopted.root)
    assert (entry["status"], code) == ("fail", 1)


# ── 空白说明 ──────────────────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("note", ["无", "暂无", "（无）", "——", "\u200b无\u200b", "略。"])
def test_a_blank_note_that_says_nothing_leaves_the_column_blank(gk, cat, note):
    cat.write("gongkai.yaml", BASE_AGENCY + LEADERS)
    write_item(cat, "SHJZ-300", "空栏目", extra=f"空白说明: \"{note}\"\n")
    _, sheet = inspect(gk, cat.root)
    assert "SHJZ-300" in ids(check(sheet, "blank-columns"))


# ── 办事指南 ─────────────────────────────────────────────────────────────────────────────────────────────────────

EMPTY_GUIDE = """\
**一、办理事项**
最低生活保障审核确认。
**二、设定依据**
**三、申请条件**
**四、申请材料**
**五、办理流程**
申请—审核—公示。
**六、办理时间、地点**
工作日，乡镇便民服务中心。
**七、咨询电话**
0595-23000000。"""


def test_a_heading_with_nothing_under_it_is_not_an_element(gk, cat):
    cat.write("gongkai.yaml", BASE_AGENCY + LEADERS)
    write_item(cat, "SHJZ-006", "办事指南")
    write_record(cat, "R2026-008", "SHJZ-006", "2026-11-02", kind="办事指南", title="测试县低保办事指南", body=EMPTY_GUIDE)
    _, sheet = inspect(gk, cat.root)
    assert "缺少3类要素：设定依据、申请条件、办理材料" in check(sheet, "guides")["evidence"][0]["text"]


# ── 严重表述错误 ─────────────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("text", ["五 保 户", "五　保户", "五保\u200b户", "五保戶", "五**保**户", "ＷＵ", "Wu"])
@pytest.mark.parametrize("where", ["title", "body"])
def test_the_lexicon_is_not_evaded_by_spacing_width_or_traditional_characters(gk, icat, text, where):
    icat.write("gongkai.yaml", BASE_AGENCY + LEADERS + "    - 错误: wu\n      正确: 特困人员\n" + SITE)
    said = {where: f"关于{text}供养的通知"}
    write_record(icat, "R2026-002", "SHJZ-050", "2026-11-20", title=said.get("title"), body=said.get("body", "正文。"))
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "wording")["status"] == "fail"


def test_leaders_on_separate_lines_are_not_run_together(gk, icat):
    body = "局长：赵崇宏\n副局长：詹辉儒\n党组书记　赵崇宏"
    write_record(icat, "R2026-002", "SHJZ-050", "2026-11-20", body=body)
    _, sheet = inspect(gk, icat.root)
    assert check(sheet, "wording")["evidence"] == []


def test_a_leaders_title_written_in_traditional_characters_is_still_checked(gk, icat):
    write_record(icat, "R2026-002", "SHJZ-050", "2026-11-20", body="趙崇宏副局長出席會議。")
    _, sheet = inspect(gk, icat.root)
    assert "文中写作「副局长」" in check(sheet, "wording")["evidence"][0]["text"]


# ── 互动回应 ─────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_reply_dated_after_today_is_no_reply_yet(gk, cat):
    cat.write("gongkai.yaml", BASE_AGENCY + LEADERS)
    cat.write("consultations/2026/ZX-2026-001.yaml",
              "编号: ZX-2026-001\n收到日期: 2026-08-20\n渠道: 网上留言\n主题: 咨询\n答复日期: 2026-11-19\n")
    _, sheet = inspect(gk, cat.root, "--today", "2026-11-10")  # waited 2 months 21 days so far
    assert check(sheet, "interaction")["status"] == "pass"


def test_consultation_topics_are_masked_in_every_output(gk, cat, tmp_path):
    cat.write("gongkai.yaml", BASE_AGENCY + LEADERS)
    cat.write("consultations/2026/ZX-2026-001.yaml",
              "编号: ZX-2026-001\n收到日期: 2026-01-05\n渠道: 网上留言\n主题: 留言人13905951234询问低保\n")
    for fmt in ("json", "html", "text"):
        out = tmp_path / f"x.{fmt}"
        gk("inspect", cat.root, "--format", fmt, "-o", out)
        assert "13905951234" not in out.read_text(encoding="utf-8")


# ── thresholds edges ────────────────────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("today, last, stale", [("2026-08-31", "2026-02-28", True), ("2026-08-28", "2026-02-28", False)])
def test_six_months_counted_from_the_last_record(gk, cat, today, last, stale):
    cat.write("gongkai.yaml", BASE_AGENCY + LEADERS)
    write_item(cat, "SHJZ-002", "通知公告")
    write_record(cat, "R2026-002", "SHJZ-002", last)
    _, sheet = inspect(gk, cat.root, "--today", today)
    assert ("SHJZ-002" in ids(check(sheet, "stale-columns"))) is stale


@pytest.mark.parametrize("due", ["02-30", "02-29", "04-31"])
def test_an_impossible_due_date_is_a_usage_error(gk, cat, due):
    cat.write("inspect.yaml", f"年报截止: \"{due}\"\n")
    run = gk("inspect", cat.root, "--today", TODAY)
    assert run.code == 2 and "inspect.yaml:1:" in run.err, run.err


# ── links ───────────────────────────────────────────────────────────────────────────────────────────────────────


def test_a_fragment_to_a_missing_id_is_broken(gk, icat, tmp_path):
    write_record(icat, "R2026-002", "SHJZ-050", "2026-11-20",
                 body="见[第一条](#art1)、[指南](../zhinan/index.html#apply)、[顶部](#top)和[目录](../index.html#nope)。")
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", TODAY).code == 0
    _, sheet = inspect(gk, icat.root, "--site", site)
    found = [e["text"] for e in check(sheet, "links")["evidence"]]
    assert len(found) == 2, found
    assert any("#art1" in t and "records/R2026-002.html" in t for t in found)
    assert any("../index.html#nope" in t and "「nope」" in t for t in found)


def test_percent_encoded_and_dotted_paths_are_resolved_as_the_server_does(gk, icat, tmp_path):
    write_record(icat, "R2026-002", "SHJZ-050", "2026-11-20",
                 body="[甲](https://www.example.gov.cn/zwgk/%6Dzj/items/SHJZ-404.html) "
                      "[乙](https://www.example.gov.cn/zwgk/mzj/records/%2E%2E/items/SHJZ-405.html)")
    site = tmp_path / "site"
    assert gk("build-site", icat.root, "--out", site, "--today", TODAY).code == 0
    _, sheet = inspect(gk, icat.root, "--site", site)
    found = " ".join(e["text"] for e in check(sheet, "links")["evidence"])
    assert "SHJZ-404" in found and "SHJZ-405" in found, found


def test_a_site_from_another_catalog_is_refused_and_an_old_one_is_noted(gk, icat, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(BUNDLED, other, ignore=shutil.ignore_patterns(".gongkai-cache"))
    site = tmp_path / "site"
    assert gk("build-site", other, "--out", site, "--today", TODAY).code == 0
    run = gk("inspect", icat.root, "--site", site, "--today", TODAY)
    assert run.code == 2 and "不是由本目录生成的网站" in run.err and "Traceback" not in run.err
    own = tmp_path / "own"
    assert gk("build-site", icat.root, "--out", own, "--today", TODAY).code == 0
    write_record(icat, "R2026-002", "SHJZ-050", "2026-11-20")
    _, sheet = inspect(gk, icat.root, "--site", own)
    assert "缺少今天已公开的 1 条信息的页面（R2026-002）" in check(sheet, "links")["note"]


# ── more edges ──────────────────────────────────────────────────────────────────────────────────────────────────


def test_an_adoption_day_moved_later_afterwards_does_not_cover_later_records(gk, adopted):
    adopted.write("gongkai.yaml", BASE_AGENCY + LEADERS + "启用日期: 2026-10-09\n")
    commit(adopted.root.parent, "写明启用日期", "2026-10-12")
    write_record(adopted, "R2026-002", "SHJZ-001", "2026-11-02")
    commit(adopted.root.parent, "登记 R2026-002", "2026-11-20")  # 13 working days late
    adopted.write("gongkai.yaml", BASE_AGENCY + LEADERS + "启用日期: 2026-12-31\n")
    commit(adopted.root.parent, "启用日期改晚", "2026-11-23")
    assert ids(dates(gk, adopted.root)[1]) == ["R2026-002"]


@pytest.mark.parametrize("body, missing", [
    ("设定依据：无\n办理地点：\n县民政局一楼\n时间：\n电话：0595-23000000", "设定依据"),
    ("## 办理流程\n1. 申请\n2. 审核\n## 设定依据\n## 办理地点\n县民政局", "设定依据"),
    ("**设定依据：**《社会救助暂行办法》\n**办理地点**\n\n**办理时间**\n工作日", "办理地点"),
])
def test_guide_elements_need_content(icat, body, missing):
    from gongkai.inspect.guides import filled_labels

    found = list(filled_labels(body))
    assert not any(missing in label for label in found), found


def test_a_numbered_sentence_is_its_own_content():
    from gongkai.inspect.guides import filled_labels

    assert "申请人向村委会提交申请材料和身份证明" in list(filled_labels("1. 申请人向村委会提交申请材料和身份证明\n2. 审核"))


def test_inspect_on_an_empty_folder_says_so_in_chinese(gk, tmp_path):
    run = gk("inspect", tmp_path, "--today", TODAY)
    assert run.code == 2 and "Traceback" not in run.err and "gongkai.yaml" in run.err, run.err


def test_monitoring_gap_running_into_the_year_counts(gk, icat):
    write_item(icat, "SHJZ-060", "通知公告")
    for n, day in enumerate(["2025-10-01", "2026-03-01", "2026-05-01", "2026-07-01", "2026-09-01", "2026-11-02"]):
        write_record(icat, f"R2026-06{n}", "SHJZ-060", day)
    _, sheet = inspect(gk, icat.root, "--monitoring")
    gaps = [m for m in sheet["monitoring"] if m["key"] == "monitor-gap"][0]
    assert any("2025-10-01 至 2026-03-01" in e["text"] for e in gaps["evidence"])


@pytest.mark.parametrize("target, kind", [("R2026-002", "政策文件"), ("R2026-003", "通知"), ("R2026-004", "政策解读")])
def test_a_policy_is_interpreted_only_by_a_public_interpretation(gk, icat, target, kind):
    write_record(icat, "R2026-002", None, "2026-11-20", kind="政策文件", extra=f"解读: [{target}]\n有效性: 有效\n")
    write_record(icat, "R2026-003", None, "2026-11-20", kind=kind)
    write_record(icat, "R2026-004", None, "2026-11-20", kind="政策解读", extra="撤回: {日期: 2026-11-21, 原因: 误发布}\n")
    _, sheet = inspect(gk, icat.root)
    assert "R2026-002" in ids(check(sheet, "interpretation"))
