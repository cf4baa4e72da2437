"""Hostile pass 35, angle «diff_reviewer»: the 政务公开办 reviewer reading a pull request's comment (`gongkai diff -f
markdown`) and the clerk reading history (`gongkai log`), on real git repositories in temp dirs, with the real CLI and
expected values typed by hand.

Found by this pass:

1. A personal number in a 题名 (or a commit message, a file path, a branch name) was masked only after the Markdown
   was escaped: the mask's asterisks were Markdown's own, so a 题名 「咨询电话13812345678，身份证350524199001011234」
   was posted to the pull request as 「138****5678，身份证35*************234」 unescaped, which GitHub renders in bold
   as 「1385678，身份证35…234」 — the mask gone, a wrong number shown (the detail line of the same change was right).
   Now every text is masked before it is escaped: the comment shows 138****5678 as written in text and JSON.
2. `gongkai log ＳＨＪＺ－００１` (the id typed with the input method in full-width mode, or 「SHJZ—001」 copied from a
   Word table) said only 「没有编号为「ＳＨＪＺ－００１」的事项或信息」, while 「shjz-001」 was offered 「SHJZ-001」. Now the
   message says the id's letters, digits and 「-」 are half-width and asks 「是否想查「SHJZ-001」？」 (exit 2).
3. `gongkai diff SHJZ-001` or `gongkai diff HEAD items/shjz/SHJZ-001.yaml` (the clerk asking what changed in one item,
   as with `git diff -- 文件`) said 「找不到版本「SHJZ-001」：请用提交号、分支名或标签」, as if the id were a mistyped
   branch. Now it says the id (or file) is an item's, not a version, and to write `gongkai log SHJZ-001` (exit 2).
4. `gongkai diff HEAD~10` in a catalog of three commits said 「找不到版本「HEAD~10」：请用提交号、分支名或标签，如
   HEAD~1」 — the very form it was written in. Now: 「HEAD 之前只有 2 次提交，最早的一次是 HEAD~2」 (or 「HEAD 是第一次
   提交」) and how to compare with an empty catalog (--since 2000-01-01); a shallow clone still says to unshallow.
5. `gongkai diff HEAD～1` (the tilde of a Chinese input method, 「～」, as are 「＾」 and 「．．」) said only 「找不到版本」. Now
   it says the version holds full-width characters and gives it in half-width: 「请写半角的 HEAD~1」.

Seen and left alone:

- 「A、B」 rewritten 「B，A」 (order and separator changed at once) stays 实质性: the earlier pass
  (tests/test_hostile20_diff_log.py) chose so on purpose and the README's rule names 「条目的文字和顺序都不变」 for a
  split; a reviewer shown one change too many as 实质性 loses a minute, one shown too few loses the law's point.
- 「10个工作日」→「十个工作日」 in 公开时限 is 实质性: the documented rule lists the form-only changes (alias, spacing,
  width, order, split), and digits written as Chinese numerals are not among them.
- `gongkai log YSQ-2026-001` shows the commit messages, which a clerk may have written naming the applicant
  (「补登申请人陈金水」): the log is read on the clerk's own machine, the PR comment is `diff`, which shows no commit
  message; the 目录调整记录 page keeps messages internal already.
- An 18-digit number with a wrong check digit is masked only after a word like 「身份证」 (privacy's rule, not this
  angle's); a 公示 record's names show in a diff as in the record (it is published with them).
- A record's 有效性, 替代 or 撤回 changed is 文字性: the README's rule names only 公开属性 and 责任单位 of a record.
- `HEAD^^^^` past the start of the history keeps the general message (only `~N` is counted).
- A merge commit, a revert, `main...分支` after the branch was merged, an id changed in place, a move to another
  领域 folder, a BOM or CRLF flip, and revisions that do not exist all read as the README says.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import RECORD, Run, git

Gk = Callable[..., Run]
RECORD_PATH = "catalog/records/2026/R2026-001.yaml"


def commit(top: Path, message: str) -> None:
    git(top, "add", "-A")
    git(top, "commit", "-q", "-m", message)


# --- 1. a mask made after escaping is Markdown's own emphasis -------------------------------------------------------

def test_a_number_in_a_title_is_masked_before_the_markdown_is_escaped(repo: Path, gk: Gk) -> None:
    (repo / RECORD_PATH).write_text(RECORD.replace(
        "低保对象名单的公示", "低保对象名单的公示（咨询电话13812345678，经办人身份证350524199001011234）"), encoding="utf-8")
    out = gk("diff", "-C", repo / "catalog", "-f", "markdown").out
    head = next(line for line in out.splitlines() if line.startswith("- **修改**"))
    assert head == ("- **修改** 公开信息 `R2026-001` 测试县民政局关于2026年第三季度低保对象名单的公示（咨询电话"
                    "138\\*\\*\\*\\*5678，经办人身份证35\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*\\*234）"), head
    for fmt in ("text", "json"):  # the same mask in every format
        assert "138****5678" in gk("diff", "-C", repo / "catalog", "-f", fmt).out
    assert "13812345678" not in out and "350524199001011234" not in out


def test_a_number_in_a_moved_file_s_path_is_escaped_after_it_is_masked(repo: Path, gk: Gk) -> None:
    folder = repo / "catalog/records/2026"
    (folder / "R2026-001.yaml").rename(folder / "R2026-001 回访13812345678 13912345678.yaml")
    out = gk("diff", "-C", repo / "catalog", "-f", "markdown").out
    assert ("  - 文件移动：records/2026/R2026-001.yaml → records/2026/R2026-001 回访138\\*\\*\\*\\*5678 "
            "139\\*\\*\\*\\*5678.yaml") in out, out
    assert "8****5" not in out


def test_a_number_in_a_commit_message_is_escaped_after_it_is_masked_in_the_log(repo: Path, gk: Gk) -> None:
    (repo / RECORD_PATH).write_text(RECORD.replace("现将名单予以公示", "现将名单予以公示，请监督"), encoding="utf-8")
    commit(repo, "按陈先生13812345678、李女士13912345678的意见修改")
    out = gk("log", "R2026-001", "-C", repo / "catalog", "-f", "markdown").out
    assert "> 按陈先生138\\*\\*\\*\\*5678、李女士139\\*\\*\\*\\*5678的意见修改" in out, out
    assert "8****5" not in out


# --- 2. an id typed in full-width mode is recognised in the message --------------------------------------------------

def test_an_id_typed_in_full_width_is_offered_in_half_width(repo: Path, gk: Gk) -> None:
    for typed in ("ＳＨＪＺ－００１", "SHJZ－001", "SHJZ—001", "ｓｈｊｚ－００１"):
        run = gk("log", typed, "-C", repo / "catalog")
        assert run.code == 2, run
        assert (f"没有编号为「{typed}」的事项或信息（文件名须与编号一致，且已提交）。编号里的字母、数字和「-」是半角的："
                "是否想查「SHJZ-001」？") in run.err, run.err
    run = gk("log", "shjz-001", "-C", repo / "catalog")  # case only: said as before
    assert run.code == 2 and "编号区分大小写：是否想查「SHJZ-001」？" in run.err, run.err
    run = gk("log", "ＳＨＪＺ－００９", "-C", repo / "catalog")  # no such item in any width: no guess
    assert run.code == 2 and "是否想查" not in run.err, run.err


# --- 3. an id or a file where a version goes --------------------------------------------------------------------------

def test_an_id_or_a_file_where_a_version_goes_points_to_log(repo: Path, gk: Gk) -> None:
    catalog = repo / "catalog"
    cases = {("SHJZ-001",): "找不到版本「SHJZ-001」：这是事项或信息 SHJZ-001 的编号，不是版本。",
             ("HEAD", "items/shjz/SHJZ-001.yaml"): "找不到版本「items/shjz/SHJZ-001.yaml」：这是事项或信息 SHJZ-001 的文件，不是版本。",
             ("R2026-001..HEAD",): "找不到版本「R2026-001」：这是事项或信息 R2026-001 的编号，不是版本。"}
    for args, said in cases.items():
        run = gk("diff", "-C", catalog, *args)
        assert run.code == 2, run
        assert said in run.err, run.err
        assert "gongkai diff 比较整个目录；要看" in run.err and "请写 gongkai log " in run.err, run.err
    run = gk("diff", "-C", catalog, "SHJZ-009")  # no such item: the usual message
    assert run.code == 2 and "找不到版本「SHJZ-009」：请用提交号、分支名或标签" in run.err, run.err
    run = gk("diff", "-C", catalog, "gongkai.yaml")  # the agency's file is not an item or a record
    assert run.code == 2 and "事项或信息" not in run.err, run.err


# --- 4. further back than the history goes ----------------------------------------------------------------------------

def test_further_back_than_the_history_says_how_far_it_goes(repo: Path, gk: Gk) -> None:
    catalog = repo / "catalog"
    run = gk("diff", "-C", catalog, "HEAD~1")  # the repo fixture: one commit
    assert run.code == 2, run
    assert ("找不到版本「HEAD~1」：HEAD 是第一次提交，之前没有提交；要与空目录比较（全部算新增），"
            "请用 gongkai diff --since 2000-01-01") in run.err, run.err
    for n in (2, 3):
        (repo / RECORD_PATH).write_text(RECORD.replace("予以公示。", "予以公示。" + "补充。" * n), encoding="utf-8")
        commit(repo, f"第{n}次")
    run = gk("diff", "-C", catalog, "HEAD~10..HEAD")
    assert run.code == 2 and "找不到版本「HEAD~10」：HEAD 之前只有 2 次提交，最早的一次是 HEAD~2；" in run.err, run.err
    assert gk("diff", "-C", catalog, "HEAD~2").code == 0  # the earliest one is a version
    run = gk("diff", "-C", catalog, "no-such~1")  # a base that is not there: the usual message
    assert run.code == 2 and "找不到版本「no-such~1」：请用提交号、分支名或标签" in run.err, run.err


# --- 5. a version typed with the input method's full-width tilde ----------------------------------------------------

def test_a_version_typed_with_a_full_width_tilde_is_given_in_half_width(repo: Path, gk: Gk) -> None:
    catalog = repo / "catalog"
    (repo / RECORD_PATH).write_text(RECORD.replace("予以公示。", "予以公示，请监督。"), encoding="utf-8")
    commit(repo, "第二次")
    for typed, half in (("HEAD～1", "HEAD~1"), ("ＨＥＡＤ＾", "HEAD^"), ("HEAD～1．．HEAD", "HEAD~1..HEAD")):
        run = gk("diff", "-C", catalog, typed)
        assert run.code == 2, run
        assert (f"找不到版本「{typed}」：其中有全角字符（输入法的中文状态打出的「～」「＾」等），请写半角的 {half}"
                in run.err), run.err
    run = gk("diff", "-C", catalog, "ｎｏ－ｓｕｃｈ")  # full-width, but no such version in half-width either
    assert run.code == 2 and "请用提交号、分支名或标签" in run.err and "半角" not in run.err, run.err
