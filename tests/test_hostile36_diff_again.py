"""Hostile pass 36, angle «diff_again»: the reviewer of a pull request and the clerk asking what changed (`gongkai
diff`, `gongkai log`), on real git repositories in temp dirs, with the real CLI and expected values typed by hand.

Found by this pass:

1. A record that is not 主动公开, saved under a file name that tells what it is (records/2026/林某信访材料处理意见.yaml,
   as a clerk names a Word file), was withheld in the diff's headline (「（非主动公开，题名不显示）」) while the detail line,
   the Markdown posted to the pull request and the JSON's old_path/new_path printed the file name in full: the very
   title the diff withholds. Now a withheld record's path is shown as it is only when its file is named after its
   编号 and its folders are ASCII (2026, Q3); otherwise the file name (and a folder written in Chinese) reads
   「（文件名不显示）」 — in text, Markdown, JSON and its findings (GK201 names every copy of an id). `gongkai log`
   withholds with the same rule, though it follows only files named after the id, so never reached such a name.
2. Such a misnamed record file broken in place (a 页数 written 「三」) was reported as two changes: 「删除 公开信息
   R2026-040」 and 「无法比较 公开信息 林某信访材料处理意见」 — a deletion that did not happen, and the file name shown as
   if it were the record's 编号. Now a file that cannot be read on one side is matched with the other side's file by
   its path: one 「无法比较 公开信息 R2026-040」, its findings listed, as for a file named after its 编号.

Seen and left alone:

- A date rewritten from 「2026年1月16日」 to 2026-01-16 reads 「成文日期：别称「2026年1月16日」改为标准名称」 (the alias
  wording for a date; 文字性, right class), the other way round 「格式」: both say the content did not change.
- 页数 written 「３」 (full-width) is GK103 in validate, so the diff lists it as 无法比较 with validate's fix.
- A 主动公开 公示's names show in a diff as in the record (it is published with them; README says nothing otherwise).
- A record renamed from one telling name to another (林某.yaml → 陈某.yaml, both withheld) shows no 「文件移动」 line:
  both sides read 「（文件名不显示）」.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import Run, git

Gk = Callable[..., Run]
TELLING = "records/2026/林某信访材料处理意见.yaml"
WITHHELD = """\
编号: R2026-040
题名: 关于林某信访事项的处理意见
文种: 其他
责任单位: bgs
事项: SHJZ-001
公开属性: 不予公开
不予公开理由: 内部事务信息
成文日期: 2026-03-02
"""


def commit(top: Path, message: str) -> None:
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", message)


def _withheld_committed(repo: Path, rel: str = TELLING) -> Path:
    path = repo / "catalog" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(WITHHELD, encoding="utf-8")
    commit(repo, "登记一条不予公开的信息")
    return path


def _all_formats(gk: Gk, repo: Path, *args: str) -> dict[str, str]:
    return {fmt: gk("diff", "-C", repo / "catalog", *args, "-f", fmt).out for fmt in ("text", "markdown", "json")}


# --- 1. a withheld record's file name told what the diff withholds -------------------------------------------------

def test_a_withheld_record_renamed_to_its_id_shows_no_telling_file_name(repo: Path, gk: Gk) -> None:
    old = _withheld_committed(repo)
    old.rename(old.with_name("R2026-040.yaml"))
    outs = _all_formats(gk, repo)
    for fmt, out in outs.items():
        assert "林某" not in out and "信访" not in out, (fmt, out)
    assert ("  移动 公开信息 R2026-040（非主动公开，题名不显示）\n"
            "    文件移动：records/2026/（文件名不显示） → records/2026/R2026-040.yaml\n") in outs["text"], outs["text"]
    assert "  - 文件移动：records/2026/（文件名不显示） → records/2026/R2026-040.yaml" in outs["markdown"]
    change = gk("diff", "-C", repo / "catalog", "-f", "json").json()["changes"][0]  # type: ignore[index]
    assert (change["old_path"], change["new_path"], change["moved"]) == (
        "records/2026/（文件名不显示）", "records/2026/R2026-040.yaml", True)


def test_a_withheld_record_in_a_telling_folder_or_edited_keeps_both_hidden(repo: Path, gk: Gk) -> None:
    old = _withheld_committed(repo, "records/2026/林某信访/R2026-040.yaml")
    old.write_text(WITHHELD.replace("2026-03-02", "2026-03-03"), encoding="utf-8")
    text = gk("diff", "-C", repo / "catalog").out
    assert text.endswith("  修改 公开信息 R2026-040（非主动公开，题名不显示）\n"
                         "    成文日期：「2026-03-02」→「2026-03-03」\n"), text
    change = gk("diff", "-C", repo / "catalog", "-f", "json").json()["changes"][0]  # type: ignore[index]
    assert change["old_path"] == change["new_path"] == "records/（文件名不显示）", change
    git(repo, "rm", "-q", "-r", "-f", "catalog/records/2026/林某信访")
    for fmt, out in _all_formats(gk, repo).items():  # removed: 「文件：」 line
        assert "林某" not in out and "信访" not in out, (fmt, out)
    assert "    文件：records/（文件名不显示）\n" in gk("diff", "-C", repo / "catalog").out


def test_a_withheld_record_named_after_its_id_keeps_its_path(repo: Path, gk: Gk) -> None:
    old = _withheld_committed(repo, "records/2025/R2026-040.yaml")
    (repo / "catalog/records/2026").mkdir(exist_ok=True)
    old.rename(repo / "catalog/records/2026/R2026-040.yaml")  # moved between years: both paths say nothing
    text = gk("diff", "-C", repo / "catalog").out
    assert "    文件移动：records/2025/R2026-040.yaml → records/2026/R2026-040.yaml\n" in text, text


def test_a_public_record_keeps_its_file_name(repo: Path, gk: Gk) -> None:
    folder = repo / "catalog/records/2026"
    (folder / "R2026-001.yaml").rename(folder / "低保公示.yaml")
    text = gk("diff", "-C", repo / "catalog").out
    assert "    文件移动：records/2026/R2026-001.yaml → records/2026/低保公示.yaml\n" in text, text


def test_a_withheld_record_copied_under_a_telling_name_is_not_named_in_gk201(repo: Path, gk: Gk) -> None:
    kept = _withheld_committed(repo, "records/2026/R2026-040.yaml")
    (kept.parent / "林某信访材料副本.yaml").write_text(WITHHELD, encoding="utf-8")  # copied, its 编号 left as it was
    for fmt, out in _all_formats(gk, repo).items():
        assert "林某" not in out, (fmt, out)
    text = gk("diff", "-C", repo / "catalog").out
    assert ("      records/2026/（文件名不显示） GK201 公开信息编号「R2026-040」重复，已在 records/2026/R2026-040.yaml 中使用"
            "（records/2026/（文件名不显示） 也写了这个编号）\n") in text, text


# --- 2. a misnamed record broken in place was 「删除」 and another 「无法比较」 -----------------------------------------

def test_a_misnamed_record_broken_in_place_is_one_change_under_its_id(repo: Path, gk: Gk) -> None:
    path = _withheld_committed(repo)
    path.write_text(WITHHELD + "页数: 三\n", encoding="utf-8")
    text = gk("diff", "-C", repo / "catalog").out
    assert text.splitlines()[1] == "共 1 处变化：实质性 0 处，文字性 0 处，无法比较 1 处", text
    assert ("  无法比较 公开信息 R2026-040（非主动公开，题名不显示）\n"
            "    新版本的文件有错误，无法比较内容：\n"
            "      records/2026/（文件名不显示）:9:5 GK103 「页数」的类型不对：应为整数，而这里是「三」\n") in text, text
    for fmt, out in _all_formats(gk, repo).items():
        assert "林某" not in out and "删除" not in out, (fmt, out)
    data = gk("diff", "-C", repo / "catalog", "-f", "json").json()
    assert data["summary"]["removed"] == 0 and data["summary"]["invalid"] == 1, data  # type: ignore[index]


def test_a_misnamed_public_record_broken_in_place_is_one_change_with_its_path(repo: Path, gk: Gk) -> None:
    folder = repo / "catalog/records/2026"
    (folder / "R2026-001.yaml").rename(folder / "低保公示.yaml")
    commit(repo, "改名")
    (folder / "低保公示.yaml").write_text((folder / "低保公示.yaml").read_text(encoding="utf-8").replace(
        "页数: 1", "页数: 一"), encoding="utf-8")
    data = gk("diff", "-C", repo / "catalog", "-f", "json").json()
    changes = data["changes"]  # type: ignore[index]
    assert [(c["id"], c["change"], c["side"], c["new_path"]) for c in changes] == [
        ("R2026-001", "invalid", "new", "records/2026/低保公示.yaml")], changes
