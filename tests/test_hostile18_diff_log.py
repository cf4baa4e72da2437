"""A hostile pass over `gongkai diff` and `gongkai log` (issue 5): real git repositories in temp dirs, the real CLI.

Expected values are typed by hand: the day a date names is China's (UTC+8), a record that is not 主动公开 keeps its
题名 and content inside the building, an id is one object (two files with one id are an error, GK201).
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import AGENCY, ITEM, RECORD, Run, git
from gongkai.history import substantive_history

Gk = Callable[..., Run]
ITEM_PATH = "catalog/items/shjz/SHJZ-001.yaml"
RECORD_PATH = "catalog/records/2026/R2026-001.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def commit(top: Path, message: str, when: str | None = None) -> str:
    """Commit everything; *when* (ISO 8601 with its zone) is both the author's and the committer's date."""
    dates = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when} if when else {}
    env = {**os.environ, "GIT_AUTHOR_NAME": "何隆遐", "GIT_AUTHOR_EMAIL": "h@example.org",
           "GIT_COMMITTER_NAME": "何隆遐", "GIT_COMMITTER_EMAIL": "h@example.org", "TZ": "UTC", **dates}
    subprocess.run(["git", "add", "-A"], cwd=top, env=env, check=True)
    subprocess.run(["git", "commit", "-q", "--allow-empty", "-m", message], cwd=top, env=env, check=True)
    return git(top, "rev-parse", "HEAD").strip()


def new_repo(tmp_path: Path, when: str) -> Path:
    """The small catalog (agency, one item, one 主动公开 record) committed once at *when*."""
    top = tmp_path / "repo"
    for rel, text in (("gongkai.yaml", AGENCY), ("items/shjz/SHJZ-001.yaml", ITEM),
                      ("records/2026/R2026-001.yaml", RECORD)):
        (top / "catalog" / rel).parent.mkdir(parents=True, exist_ok=True)
        (top / "catalog" / rel).write_text(text, encoding="utf-8")
    git(top, "init", "-q", "-b", "main")
    commit(top, "初始目录", when)
    return top


def diff_json(gk: Gk, catalog: Path, *args: str) -> dict:  # type: ignore[type-arg]
    run = gk("diff", "-C", catalog, *args, "-f", "json")
    assert run.code == 0, run.err
    return json.loads(run.out)  # type: ignore[no-any-return]


# --- personal data and records that are not 主动公开 ---------------------------------------------------------------

ID = "11010519491231002X"  # a valid 公民身份号码 (DOMAIN.md §7)


def test_a_value_cut_short_never_shows_the_first_digits_of_an_id(repo: Path, gk: Gk) -> None:
    # the text line shows 79 characters of a long value: the number starts at the 70th, so the cut falls inside it
    before = "经审核，现将名单予以公示。" + "甲" * 56
    assert len(before) == 69
    edit(repo / RECORD_PATH, "  经审核，现将名单予以公示。\n", f"  {before}{ID}，联系电话13812345678。\n")
    for fmt in ("text", "markdown"):
        out = gk("diff", "-C", repo / "catalog", "-f", fmt).out
        assert "正文：「经审核，现将名单予以公示。」→「经审核" in out
        assert "1101051" not in out and "110105" not in out, out  # neither whole nor its first digits (area, birth)
    assert "11*************02X" in gk("diff", "-C", repo / "catalog", "-f", "json").out


def test_a_record_not_public_shows_its_marking_never_its_title_or_content(repo: Path, gk: Gk) -> None:
    record = repo / RECORD_PATH
    edit(record, "公开属性: 主动公开", "公开属性: 不予公开\n不予公开理由: 个人隐私")
    edit(record, "题名: 测试县民政局关于2026年第三季度低保对象名单的公示", "题名: 关于陈水生家庭申请低保的审核意见")
    edit(record, "  经审核，现将名单予以公示。\n", "  陈水生家庭人均收入低于标准，同意纳入。\n")
    edit(record, "文号: 测民〔2026〕1号", "文号: 测民〔2026〕9号")
    edit(record, "结论: 不涉及国家秘密，同意主动公开", "结论: 涉及陈水生家庭收入，不予公开")
    secrets = ("陈水生", "低保对象名单的公示", "经审核", "测民〔2026〕", "人均收入", "家庭收入")
    for fmt in ("text", "markdown", "json"):
        out = gk("diff", "-C", repo / "catalog", "-f", fmt).out
        assert not [s for s in secrets if s in out], (fmt, out)
    text = gk("diff", "-C", repo / "catalog").out
    assert "修改 公开信息 R2026-001（非主动公开，题名不显示）" in text
    assert "公开属性：「主动公开」→「不予公开」" in text
    assert "不予公开理由：新填「个人隐私」" in text
    assert "题名：已修改（非主动公开的信息，内容不在此显示）" in text
    assert "正文：已修改（非主动公开的信息，内容不在此显示）" in text
    [change] = diff_json(gk, repo / "catalog")["changes"]
    assert (change["name"], change["class"], change["withheld"]) == ("", "实质性", True)
    fields = {f["field"]: f for f in change["fields"]}
    assert fields["正文"] == {"field": "正文", "how": "changed", "class": "文字性", "old": None, "new": None,
                            "hidden": True}
    assert fields["公开属性"]["new"] == "不予公开"


def test_the_log_of_a_record_not_public_keeps_its_content_inside(repo: Path, gk: Gk) -> None:
    record = repo / RECORD_PATH
    edit(record, "公开属性: 主动公开", "公开属性: 依申请公开")
    commit(repo, "改为依申请公开")
    edit(record, "  经审核，现将名单予以公示。\n", "  申请人王小明的家庭情况。\n")
    commit(repo, "补正文")
    for fmt in ("text", "json"):
        out = gk("log", "R2026-001", "-C", repo / "catalog", "-f", fmt).out
        assert "王小明" not in out and "低保对象名单的公示" not in out, out
    out = gk("log", "R2026-001", "-C", repo / "catalog").out
    assert "正文：已修改（非主动公开的信息，内容不在此显示）" in out
    assert "公开属性：「主动公开」→「依申请公开」" in out


# --- dates: China's day ------------------------------------------------------------------------------------------

def test_since_counts_the_day_from_midnight_in_beijing(tmp_path: Path, gk: Gk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "UTC")  # a CI runner's clock
    top = new_repo(tmp_path, "2026-02-27T10:00:00+08:00")
    edit(top / ITEM_PATH, "公开对象: 全社会", "公开对象: 特定群体")
    midnight = commit(top, "3月1日零点提交", "2026-03-01T00:00:00+08:00")  # 2026-02-28 16:00 in UTC
    edit(top / ITEM_PATH, "公开方式: 主动", "公开方式: 依申请")
    late = commit(top, "3月1日零点半提交", "2026-02-28T16:30:00+00:00")  # 00:30 on 1 March in Beijing
    # the last commit before 1 March (Beijing) is the first one: both later commits fall on 1 March
    data = diff_json(gk, top / "catalog", "--since", "2026-03-01", "HEAD")
    assert data["from"]["rev"] == "2026-03-01前" and data["from"]["commit"] == git(top, "rev-list", "--max-parents=0",
                                                                                  "HEAD").strip()
    assert [f["field"] for f in data["changes"][0]["fields"]] == ["公开对象", "公开方式"]
    # before 2 March: the newest
    assert diff_json(gk, top / "catalog", "--since", "2026-03-02", "HEAD")["from"]["commit"] == late
    assert midnight != late


def test_log_dates_are_beijing_time(tmp_path: Path, gk: Gk) -> None:
    top = new_repo(tmp_path, "2026-02-27T10:00:00+08:00")
    edit(top / ITEM_PATH, "公开对象: 全社会", "公开对象: 特定群体")
    commit(top, "改公开对象", "2026-02-28T16:30:00+00:00")  # a machine set to UTC, at 00:30 on 1 March in Beijing
    out = gk("log", "SHJZ-001", "-C", top / "catalog").out
    assert "2026-03-01 00:30  何隆遐" in out and "2026-02-28" not in out
    data = json.loads(gk("log", "SHJZ-001", "-C", top / "catalog", "-f", "json").out)
    assert data["entries"][0]["date"] == "2026-03-01T00:30:00+08:00"
    # the site's 目录调整记录 dates each adjustment by China's day
    assert substantive_history(top / "catalog")[0].date.date().isoformat() == "2026-03-01"


# --- revisions ---------------------------------------------------------------------------------------------------

def test_three_dots_compare_a_branch_with_where_it_forked(repo: Path, gk: Gk) -> None:
    git(repo, "checkout", "-q", "-b", "feature")
    edit(repo / ITEM_PATH, "公开对象: 全社会", "公开对象: 特定群体")
    commit(repo, "分支：改公开对象")
    git(repo, "checkout", "-q", "main")
    edit(repo / ITEM_PATH, "二级事项: 审批信息", "二级事项: 审批结果")
    commit(repo, "主分支：改二级事项")
    catalog = repo / "catalog"
    fork = git(repo, "merge-base", "main", "feature").strip()
    data = diff_json(gk, catalog, "main...feature")
    assert data["from"] == {"rev": "main...feature", "commit": fork}
    assert [(f["field"], f["old"], f["new"]) for f in data["changes"][0]["fields"]] == [("公开对象", "全社会", "特定群体")]
    assert gk("diff", "-C", catalog, "main...feature").out.startswith(f"目录变化：main 与 feature 的分叉点（{fork[:7]}）")
    # two dots compare the two tips: the main branch's own change shows too, backwards
    both = diff_json(gk, catalog, "main..feature")["changes"][0]["fields"]
    assert {f["field"] for f in both} == {"公开对象", "二级事项"}


def test_a_repository_without_commits_says_so(cat: object, gk: Gk) -> None:
    top = cat.root.parent  # type: ignore[attr-defined]
    git(top, "init", "-q", "-b", "main")
    git(top, "add", "-A")
    run = gk("diff", "-C", top / "catalog")
    assert run.code == 2
    assert "仓库里还没有任何提交" in run.err and "git commit" in run.err and "Traceback" not in run.err
    data = diff_json(gk, top / "catalog", "--since", "2000-01-01")  # the way the message offers: all of it is new
    assert data["from"]["rev"] == "empty" and data["summary"]["added"] == 3


# --- ids: one object, one file -----------------------------------------------------------------------------------

def test_a_copy_with_an_id_in_use_is_a_duplicate_not_an_added_item(repo: Path, gk: Gk) -> None:
    catalog = repo / "catalog"
    copy = catalog / "items/other/SHJZ-001.yaml"
    copy.parent.mkdir()
    copy.write_text(ITEM.replace("公开方式: 主动", "公开方式: 依申请"), encoding="utf-8")
    data = diff_json(gk, catalog)
    assert data["summary"]["added"] == 0
    [change] = data["changes"]
    assert (change["id"], change["change"], change["side"]) == ("SHJZ-001", "invalid", "new")
    [problem] = change["problems"]
    assert problem["code"] == "GK201" and problem["path"] == "items/other/SHJZ-001.yaml"
    assert problem["message"] == ("公开事项编号「SHJZ-001」重复，已在 items/shjz/SHJZ-001.yaml 中使用"
                                  "（items/other/SHJZ-001.yaml 也写了这个编号）")
    assert "新增 公开事项" not in gk("diff", "-C", catalog).out


def test_a_copy_under_another_name_and_an_id_changed_to_one_in_use_are_duplicates(repo: Path, gk: Gk) -> None:
    catalog = repo / "catalog"
    (catalog / "items/shjz/SHJZ-001-副本.yaml").write_text(ITEM, encoding="utf-8")
    [change] = diff_json(gk, catalog)["changes"]
    assert (change["change"], change["problems"][0]["path"]) == ("invalid", "items/shjz/SHJZ-001-副本.yaml")
    (catalog / "items/shjz/SHJZ-001-副本.yaml").unlink()
    (catalog / "items/shjz/SHJZ-002.yaml").write_text(ITEM.replace("SHJZ-001", "SHJZ-002"), encoding="utf-8")
    commit(repo, "新增 SHJZ-002")
    edit(catalog / "items/shjz/SHJZ-002.yaml", "编号: SHJZ-002", "编号: SHJZ-001")
    changes = diff_json(gk, catalog)["changes"]
    assert [(c["id"], c["change"]) for c in changes] == [("SHJZ-001", "invalid")]
    assert changes[0]["problems"][0]["message"].startswith("公开事项编号「SHJZ-001」重复，已在 items/shjz/SHJZ-001.yaml")


def test_removing_one_of_two_files_with_one_id_is_not_removing_the_item(repo: Path, gk: Gk) -> None:
    catalog = repo / "catalog"
    (catalog / "items/other").mkdir()
    (catalog / "items/other/SHJZ-001.yaml").write_text(ITEM, encoding="utf-8")
    commit(repo, "误复制")
    (catalog / "items/other/SHJZ-001.yaml").unlink()
    data = diff_json(gk, catalog)
    assert (data["summary"]["removed"], data["summary"]["substantive"]) == (0, 0)
    [change] = data["changes"]
    assert (change["change"], change["side"], change["problems"][0]["code"]) == ("invalid", "old", "GK201")


def test_an_id_changed_in_place_is_one_substantive_change_of_its_id(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "编号: SHJZ-001", "编号: SHJZ-101")
    data = diff_json(gk, repo / "catalog")
    [change] = data["changes"]
    assert (change["id"], change["change"], change["class"]) == ("SHJZ-101", "modified", "实质性")
    assert change["fields"] == [{"field": "编号", "how": "changed", "class": "实质性", "old": "SHJZ-001",
                                 "new": "SHJZ-101"}]
    assert "编号：「SHJZ-001」→「SHJZ-101」" in gk("diff", "-C", repo / "catalog").out


# --- every kind in Chinese; unreadable files say where and how to fix ----------------------------------------------

def test_every_kind_of_file_is_named_in_chinese(repo: Path, gk: Gk) -> None:
    catalog = repo / "catalog"
    files = {
        "requests/2026/YSQ-2026-001.yaml": "编号: YSQ-2026-001\n收到日期: 2026-01-12\n申请渠道: 网上\n申请人类型: 自然人\n"
                                           "申请内容: 2026年低保标准\n承办单位: shjzg\n",
        "appeals/2026/FY-2026-001.yaml": "编号: FY-2026-001\n类型: 行政复议\n收到日期: 2026-04-20\n",
        "consultations/2026/ZX-2026-001.yaml": "编号: ZX-2026-001\n收到日期: 2026-01-08\n渠道: 网上留言\n"
                                               "主题: 低保标准是否调整\n",
    }
    for rel, text in files.items():
        (catalog / rel).parent.mkdir(parents=True, exist_ok=True)
        (catalog / rel).write_text(text, encoding="utf-8")
    out = gk("diff", "-C", catalog).out
    assert "新增 依申请公开登记 YSQ-2026-001" in out
    assert "新增 行政复议诉讼登记 FY-2026-001" in out
    assert "新增 咨询留言登记 ZX-2026-001" in out
    assert not {"request", "appeal", "inquiry"} & set(out.replace("\n", " ").split()), out


def test_an_unreadable_file_is_named_at_line_and_column_with_the_fix(repo: Path, gk: Gk) -> None:
    (repo / ITEM_PATH).write_bytes(ITEM.encode("gb18030"))
    out = gk("diff", "-C", repo / "catalog").out
    assert "items/shjz/SHJZ-001.yaml:1:1 GK002" in out
    assert "改法：" in out and "UTF-8" in out.split("改法：")[1]


# --- merges -------------------------------------------------------------------------------------------------------

def test_the_log_shows_what_a_merge_changed_itself(repo: Path, gk: Gk) -> None:
    git(repo, "checkout", "-q", "-b", "feature")
    edit(repo / ITEM_PATH, "公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 实时公开")
    commit(repo, "分支：实时公开")
    git(repo, "checkout", "-q", "main")
    edit(repo / ITEM_PATH, "公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 每季度")
    commit(repo, "主分支：每季度")
    subprocess.run(["git", "merge", "-q", "feature"], cwd=repo, capture_output=True)  # a conflict
    (repo / ITEM_PATH).write_text(ITEM.replace("公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 每年3月底前"),
                                  encoding="utf-8")
    commit(repo, "合并：时限按县政务公开办意见定为每年3月底前")
    out = gk("log", "SHJZ-001", "-C", repo / "catalog").out
    assert "合并：时限按县政务公开办意见定为每年3月底前" in out
    assert "公开时限：「每季度」→「每年3月底前」" in out
    assert out.count("公开时限：") == 3  # the merge, and each branch's own commit once
    entries = substantive_history(repo / "catalog")
    assert entries[0].subject == "合并：时限按县政务公开办意见定为每年3月底前"


def test_a_clean_merge_adds_nothing_of_its_own_to_the_log(repo: Path, gk: Gk) -> None:
    git(repo, "checkout", "-q", "-b", "feature")
    edit(repo / ITEM_PATH, "公开对象: 全社会", "公开对象: 特定群体")
    commit(repo, "分支：改公开对象")
    git(repo, "checkout", "-q", "main")
    edit(repo / ITEM_PATH, "二级事项: 审批信息", "二级事项: 审批结果")
    commit(repo, "主分支：改二级事项")
    git(repo, "merge", "-q", "--no-edit", "feature")
    out = gk("log", "SHJZ-001", "-C", repo / "catalog").out
    assert out.startswith("SHJZ-001 的修改历史（3 次提交，最新的在前）")
    assert "Merge" not in out


# --- renumbered objects and their history ------------------------------------------------------------------------

def test_a_file_renamed_with_its_id_and_nothing_else_is_one_change_of_its_id(repo: Path, gk: Gk) -> None:
    git(repo, "mv", ITEM_PATH, "catalog/items/shjz/SHJZ-101.yaml")
    edit(repo / "catalog/items/shjz/SHJZ-101.yaml", "编号: SHJZ-001", "编号: SHJZ-101")
    data = diff_json(gk, repo / "catalog")
    [change] = data["changes"]
    assert (change["id"], change["change"], change["class"], change["moved"]) == ("SHJZ-101", "modified", "实质性", True)
    assert (change["old_path"], change["new_path"]) == ("items/shjz/SHJZ-001.yaml", "items/shjz/SHJZ-101.yaml")
    assert [(f["field"], f["old"], f["new"]) for f in change["fields"]] == [("编号", "SHJZ-001", "SHJZ-101")]
    assert (data["summary"]["added"], data["summary"]["removed"]) == (0, 0)


def test_the_log_of_a_renumbered_item_goes_on_under_its_former_id(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开对象: 全社会", "公开对象: 特定群体")
    commit(repo, "改公开对象")
    git(repo, "mv", ITEM_PATH, "catalog/items/shjz/SHJZ-101.yaml")
    edit(repo / "catalog/items/shjz/SHJZ-101.yaml", "编号: SHJZ-001", "编号: SHJZ-101")
    commit(repo, "重新编号")
    out = gk("log", "SHJZ-101", "-C", repo / "catalog").out
    assert out.startswith("SHJZ-101 的修改历史（3 次提交，最新的在前）")
    assert "编号：「SHJZ-001」→「SHJZ-101」" in out
    assert "公开对象：「全社会」→「特定群体」" in out
    assert "[实质性] 新增 公开事项 SHJZ-001" in out and "新增 公开事项 SHJZ-101" not in out
    former = gk("log", "SHJZ-001", "-C", repo / "catalog").out  # the former id's log ends where it was given
    assert "编号：「SHJZ-001」→「SHJZ-101」" in former and "删除 公开事项 SHJZ-001" not in former
    # renumbered in place (the file keeps its name): the former id's log shows where it went
    edit(repo / "catalog/items/shjz/SHJZ-101.yaml", "编号: SHJZ-101", "编号: SHJZ-102")
    commit(repo, "再次编号")
    assert "编号：「SHJZ-101」→「SHJZ-102」" in gk("log", "SHJZ-101", "-C", repo / "catalog").out


# --- attachments --------------------------------------------------------------------------------------------------

def test_attachments_replaced_added_removed_and_moved_are_named(repo: Path, gk: Gk) -> None:
    catalog = repo / "catalog"
    (catalog / "files/2026").mkdir(parents=True)
    (catalog / "files/2026/R2026-001.pdf").write_bytes(b"%PDF-1.4 first\n")
    (catalog / "files/2026/old.pdf").write_bytes(b"%PDF-1.4 old\n")
    (catalog / "files/2026/keep.pdf").write_bytes(b"%PDF-1.4 keep\n")
    commit(repo, "附件")
    (catalog / "files/2026/R2026-001.pdf").write_bytes(b"%PDF-1.4 second\n")  # same name, other bytes
    (catalog / "files/2026/old.pdf").unlink()
    git(repo, "mv", "catalog/files/2026/keep.pdf", "catalog/files/2026/kept.pdf")
    (catalog / "files/2026/new.pdf").write_bytes(b"%PDF-1.4 new\n")
    data = diff_json(gk, catalog)
    assert [(c["kind"], c["id"], c["change"], c["class"]) for c in data["changes"]] == [
        ("attachment", "files/2026/R2026-001.pdf", "modified", "文字性"),
        ("attachment", "files/2026/kept.pdf", "moved", "文字性"),
        ("attachment", "files/2026/new.pdf", "added", "文字性"),
        ("attachment", "files/2026/old.pdf", "removed", "文字性"),
    ]
    out = gk("diff", "-C", catalog).out
    assert "修改 附件 files/2026/R2026-001.pdf" in out and "文件内容已更换" in out
    assert "文件移动：files/2026/keep.pdf → files/2026/kept.pdf" in out
    assert "目录没有变化" in gk("diff", "-C", catalog, "HEAD", "HEAD").out


# --- what people type -----------------------------------------------------------------------------------------------

def test_log_of_an_id_typed_in_lower_case_or_with_spaces(repo: Path, gk: Gk) -> None:
    run = gk("log", "shjz-001", "-C", repo / "catalog")
    assert run.code == 2 and "是否想查「SHJZ-001」" in run.err and "Traceback" not in run.err
    assert gk("log", " SHJZ-001 ", "-C", repo / "catalog").out.startswith("SHJZ-001 的修改历史（1 次提交")


def test_log_in_a_repository_without_commits_says_so(cat: object, gk: Gk) -> None:
    top = cat.root.parent  # type: ignore[attr-defined]
    git(top, "init", "-q", "-b", "main")
    run = gk("log", "SHJZ-001", "-C", top / "catalog")
    assert run.code == 2 and "仓库里还没有任何提交" in run.err


def test_a_run_on_list_split_reads_element_by_element(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开层级: [县级, 乡级]", "公开层级: 县级、乡级")
    commit(repo, "写在一起")
    edit(repo / ITEM_PATH, "公开层级: 县级、乡级", "公开层级: [县级, 乡级]")
    out = gk("diff", "-C", repo / "catalog").out
    assert "公开层级：别称「县级、乡级」改为标准名称「县级」「乡级」" in out


def test_full_width_and_half_width_punctuation_is_never_substantive(repo: Path, gk: Gk) -> None:
    # the input method left in half-width mode: （ ） ， typed as ( ) , — what the row says is unchanged
    edit(repo / ITEM_PATH, "《社会救助暂行办法》（国务院令第649号）", "《社会救助暂行办法》(国务院令第649号)")
    edit(repo / ITEM_PATH, "公开时限: 制定或获取信息之日起10个工作日内", "公开时限: 制定或获取信息之日起１０个工作日内")
    data = diff_json(gk, repo / "catalog")
    assert data["summary"]["substantive"] == 0
    [change] = data["changes"]
    assert [(f["field"], f["how"], f["class"]) for f in change["fields"]] == [
        ("公开依据", "width", "文字性"), ("公开时限", "width", "文字性")]
    out = gk("diff", "-C", repo / "catalog").out
    assert "公开依据：仅全角、半角写法变化：「《社会救助暂行办法》（国务院令第649号）」→「《社会救助暂行办法》(国务院令第649号)」" in out
    # a real change next to it is still 实质性
    edit(repo / ITEM_PATH, "公开时限: 制定或获取信息之日起１０个工作日内", "公开时限: 制定或获取信息之日起１５个工作日内")
    assert diff_json(gk, repo / "catalog")["summary"]["substantive"] == 1


def test_an_element_written_twice_is_neither_a_reorder_nor_an_addition(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开层级: [县级, 乡级]", "公开层级: [县级, 乡级, 乡级]")
    data = diff_json(gk, repo / "catalog")
    assert data["summary"]["substantive"] == 0
    assert [(f["field"], f["how"]) for f in data["changes"][0]["fields"]] == [("公开层级", "repeated")]
    assert "公开层级：仅重复写的条目变化（条目本身没有增删）：「乡级」" in gk("diff", "-C", repo / "catalog").out


def test_since_with_an_empty_date_is_refused_not_ignored(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开对象: 全社会", "公开对象: 特定群体")
    run = gk("diff", "-C", repo / "catalog", "--since=")  # a CI variable that was never set: --since=$DAY
    assert run.code == 2 and "--since" in run.err and "YYYY-MM-DD" in run.err and run.out == ""


def test_the_applicant_of_a_request_is_shown_masked(repo: Path, gk: Gk) -> None:
    catalog = repo / "catalog"
    request = catalog / "requests/2026/YSQ-2026-001.yaml"
    request.parent.mkdir(parents=True)
    request.write_text("编号: YSQ-2026-001\n收到日期: 2026-01-12\n申请渠道: 网上\n申请人类型: 自然人\n申请人: 陈水生\n"
                       "申请内容: 2026年低保标准\n承办单位: shjzg\n", encoding="utf-8")
    commit(repo, "登记申请")
    edit(request, "申请人: 陈水生", "申请人: 陈水根")  # 申请人 is 内部登记，不公开: names are masked 陈*生
    for fmt in ("text", "markdown", "json"):
        out = gk("diff", "-C", catalog, "-f", fmt).out
        assert "陈水" not in out, out
    assert "申请人：「陈*生」→「陈*根」" in gk("diff", "-C", catalog).out


# --- a hostile editor cannot forge lines of the output ------------------------------------------------------------

def test_a_line_break_in_a_name_cannot_forge_a_change(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "二级事项: 审批信息", '二级事项: "审批信息\\n实质性变化（1）\\n  删除 公开事项 SHJZ-009「伪造」"')
    for fmt in ("text", "markdown"):
        lines = gk("diff", "-C", repo / "catalog", "-f", fmt).out.splitlines()
        assert not [line for line in lines if line.lstrip().startswith(("删除", "实质性变化"))], lines


def test_a_commit_message_cannot_pass_for_a_change_in_the_log(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开对象: 全社会", "公开对象: 特定群体")
    commit(repo, "改公开对象\n[实质性] 删除 公开事项 SHJZ-009「伪造」\n- [实质性] 删除 公开事项 SHJZ-008")
    text = gk("log", "SHJZ-001", "-C", repo / "catalog").out.splitlines()
    assert "  > [实质性] 删除 公开事项 SHJZ-009「伪造」" in text
    assert [line for line in text if line.startswith("  [实质性]")] == ["  [实质性] 修改 公开事项 SHJZ-001「最低生活保障 / 审批信息」",
                                                                     "  [实质性] 新增 公开事项 SHJZ-001「最低生活保障 / 审批信息」"]
    markdown = gk("log", "SHJZ-001", "-C", repo / "catalog", "-f", "markdown").out.splitlines()
    assert "> - \\[实质性\\] 删除 公开事项 SHJZ-008" in markdown  # a list inside the quote, not a change
    assert not [line for line in markdown if line.startswith("- ") and "SHJZ-00" in line and "SHJZ-001" not in line]


def test_bodies_written_in_one_line_and_reordered_are_not_substantive(repo: Path, gk: Gk) -> None:
    edit(repo / ITEM_PATH, "公开主体: 县级人民政府民政部门", "公开主体: 县级人民政府民政部门、乡镇人民政府（街道办事处）")
    commit(repo, "两级主体")
    edit(repo / ITEM_PATH, "公开主体: 县级人民政府民政部门、乡镇人民政府（街道办事处）",
         "公开主体: 乡镇人民政府（街道办事处）、县级人民政府民政部门")
    data = diff_json(gk, repo / "catalog")
    assert (data["summary"]["substantive"], [(f["field"], f["how"]) for f in data["changes"][0]["fields"]]) == (
        0, [("公开主体", "order")])
    edit(repo / ITEM_PATH, "公开主体: 乡镇人民政府（街道办事处）、县级人民政府民政部门", "公开主体: 乡镇人民政府（街道办事处）")
    assert diff_json(gk, repo / "catalog")["summary"]["substantive"] == 1  # a body taken away is a change
